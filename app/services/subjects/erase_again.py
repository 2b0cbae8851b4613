"""After a restore: every erasure listed outside the database (storage/erasures.py) applied again.

A backup made before a person's data was erased still holds it; restoring it must not bring the person
back. Each listed subject that the restored database still holds with personal data is erased again by
the erasure's own steps (erase.py), one transaction each, recorded in the audit trail like the first
time; its events are redacted again. A subject made after the erasure moment is another person and is
left alone; a collective never was erased.
"""

from __future__ import annotations

from app.models import Subject, SubjectKind
from app.services.subjects.erase import (
    _apply,
    _child_records,
    _plan,
    _traced_events,
    _unlink,
)
from app.services.subjects.erase_survey import survey_subject
from app.storage.audit.redact import redact_events
from app.storage.database import Database
from app.storage.erasures import Erasure, read_erasures
from app.storage.file_store import stored_path

AGAIN_REASON = "xóa lại sau khi khôi phục một bản sao lưu lập trước lần xóa theo yêu cầu"


def erase_again(db: Database) -> tuple[int, int]:
    """Apply every remembered erasure again: (subjects erased again, subjects that could not be). A
    nomination on a council meeting's agenda is kept as a state record, as the first time (erase.py), so
    none is refused now; the second count stays for the restore report's sake."""
    outcomes = [_erase_one_again(db, erasure) for erasure in read_erasures(db.data_dir)]
    return sum(outcomes), 0


def _erase_one_again(db: Database, erasure: Erasure) -> bool:
    with db.transaction() as session:
        subject = session.get(Subject, erasure.subject_id)
        if subject is None or subject.kind is SubjectKind.COLLECTIVE:
            return False
        if subject.created_at is not None and subject.created_at > erasure.erased_at:
            return False  # a record made after the erasure: another person under a number given again
        survey = survey_subject(session, subject)
        if not _plan(survey, backed_up=False).delete:
            return False  # erased already in the restored data
        doomed = [stored_path(db.data_dir, stored) for stored in survey.unused_files]
        records, kept = _child_records(survey), {n.id for n in survey.state_nominations}
        _apply(session, survey, AGAIN_REASON, erasure.erased_at.date())
        redact_events(session.connection(), _traced_events(session, erasure.subject_id, records, kept))
    for path in doomed:
        _unlink(path)
    return True
