"""Saves that lost a race with another officer's save: a ConflictError naming the record, nothing saved.

Every model with a `version` column maps it as SQLAlchemy's version_id_col, so each UPDATE and DELETE
says `WHERE version = <the version read>`; when another transaction changed or deleted the row since,
no row matches and SQLAlchemy raises StaleDataError. The database itself may also refuse a transaction
that raced another one: PostgreSQL's serialization failure or deadlock (or a second start of the audit
trail's head, FIRST_WRITE_ROWS); SQLite's "busy" (its one writer at a
time: a transaction that has read may not start writing while another writes, or after another wrote
since its read, and a writer waits at most the busy timeout). Database.transaction() has already rolled
back when these are translated here.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm.exc import StaleDataError

from app.errors import ConflictError

RECORD_NAMES = {
    "subject": "Đối tượng", "nomination": "Hồ sơ đề nghị", "decision": "Quyết định", "round": "Đợt xét",
    "movement": "Phong trào", "exemplar": "Hồ sơ điển hình", "award_form": "Hình thức khen thưởng",
    "app_user": "Tài khoản",
}
STALE = ("{record} này vừa được người khác sửa hoặc xóa trong lúc bạn lưu; thay đổi của bạn chưa được lưu. "
         "Hãy đóng biểu mẫu, mở lại để xem bản mới nhất rồi nhập lại thay đổi.")
RACED = ("Có người khác vừa lưu vào cơ sở dữ liệu cùng lúc với bạn; thay đổi của bạn chưa được lưu. "
         "Hãy mở lại để xem bản mới nhất rồi làm lại.")

SQLITE_BUSY = 5  # and its extended codes, such as SQLITE_BUSY_SNAPSHOT (517)
PG_RACE_STATES = {"40001", "40P01"}  # serialization_failure, deadlock_detected
PG_UNIQUE_VIOLATION = "23505"
# Rows that two first saves may both create: the trail's head (storage/audit/chain.start_chain), when two
# computers start on one new PostgreSQL database at once (two first demos, two set-ups).
FIRST_WRITE_ROWS = {"pk_audit_head"}
_TABLE = re.compile(r"on table '(\w+)'")


@contextlib.contextmanager
def refuse_lost_races() -> Iterator[None]:
    try:
        yield
    except StaleDataError as exc:
        raise ConflictError(stale_message(str(exc))) from exc
    except DBAPIError as exc:
        if not lost_a_race(exc):
            raise
        raise ConflictError(RACED) from exc


def stale_message(detail: str) -> str:
    """The message for a StaleDataError, naming the record when its table is known."""
    table = _TABLE.search(detail)
    return STALE.format(record=RECORD_NAMES.get(table.group(1) if table else "", "Bản ghi"))


def lost_a_race(exc: DBAPIError) -> bool:
    cause = exc.orig
    if (getattr(cause, "sqlite_errorcode", None) or 0) & 0xFF == SQLITE_BUSY:
        return True
    state = getattr(cause, "sqlstate", None)
    if state == PG_UNIQUE_VIOLATION:
        diag = getattr(cause, "diag", None)
        return getattr(diag, "constraint_name", None) in FIRST_WRITE_ROWS
    return state in PG_RACE_STATES
