"""Version counters: every save raises a record's version by exactly one; SQLAlchemy checks it.

Each model with a `version` column maps it as `version_id_col` with `version_id_generator=False`: every
UPDATE and DELETE of the row says `WHERE version = <the version read>`, so a save that lost a race with
another officer's matches no row and raises StaleDataError (turned into ConflictError by
conflicts.py), while the counting is done here, once per transaction. (SQLAlchemy's own generator adds
one per flush, so a save that autoflushed midway would end at +2.)

A record whose columns changed is counted just before the flush that writes it, so no save can forget.
A save that changed only a record's child rows (a report, a checklist) or nothing at all calls
bump_version(), so the version still moves by one, as the form that saved it expects. A version set by
hand counts as the save's one step (the demo builds histories that way). A change that no open form
of the record could overwrite (an exemplar's dated stage move) calls leave_version(): the row is still
written only at the version read, but its version stays.
"""

from __future__ import annotations

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, sessionmaker

_COUNTED = "versions_counted"


def install_version_counter(sessions: sessionmaker) -> None:
    event.listen(sessions, "before_flush", _count_changed_records)
    event.listen(sessions, "after_transaction_end", _forget_counted)


def _forget_counted(session: Session, transaction) -> None:
    if transaction.parent is None:  # the outermost transaction: the next one is another save
        session.info.pop(_COUNTED, None)


def bump_version(record: object) -> None:
    """Count this save for the record: its version +1, once per transaction whatever the calls."""
    state = inspect(record)
    counted = _counted(state.session)
    if state not in counted:
        counted.add(state)
        record.version += 1


def leave_version(record: object) -> None:
    """This save does not move the record's version (still checked: UPDATE … WHERE version = read)."""
    state = inspect(record)
    _counted(state.session).add(state)


def _counted(session: Session) -> set:
    return session.info.setdefault(_COUNTED, set())


def _count_changed_records(session: Session, _flush_context, _instances) -> None:
    counted = _counted(session)
    for record in session.dirty:
        state = inspect(record)
        if state.mapper.version_id_col is None or state in counted:
            continue
        if state.attrs.version.history.has_changes():
            counted.add(state)  # set by the caller
        elif session.is_modified(record, include_collections=False):
            bump_version(record)
