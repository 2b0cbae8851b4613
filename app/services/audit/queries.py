"""Reading the audit trail for its page and the CLI: filtered, newest first, a page at a time.

Pages follow the last row shown (time, number) rather than an offset, so a long trail pages as fast at
its end as at its start. The free-text filter ignores diacritics like the subject search; it is applied
to the summary and the actor as rows are read, so it costs a pass over the rows the other filters keep.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from sqlalchemy import and_, case, func, or_, select

from app.errors import NotFoundError
from app.models import AuditEvent
from app.models.enums import AuditAction
from app.rules.vntext import fold, lower_first, text_sort_key, vn_number
from app.services.audit.format import display_value
from app.services.sorting import by_label, filled, order_by
from app.storage.audit.fields import field_label
from app.storage.audit.registry import REGISTRY, audited_entity
from app.storage.audit.seal import REDACTED
from app.storage.audit.snapshot import shown_columns
from app.storage.database import Database

PAGE = 200
REDACTED_DETAIL = ("Nội dung của sự kiện này đã được xóa theo yêu cầu xóa dữ liệu cá nhân; thời gian, người "
                   "thực hiện và mã kiểm tra vẫn được giữ.")
SCAN = 1000  # rows read at a time while the free-text filter looks for matches
NEWEST_FIRST = (AuditEvent.at.desc(), AuditEvent.id.desc())


@dataclass(frozen=True)
class AuditFilter:
    since: dt.date | None = None  # local dates, both days included
    until: dt.date | None = None
    actor: str | None = None  # as the trail names the person: "lan (Trần Thị Lan)"
    username: str | None = None  # "lan": every name the account went by
    entity: str | None = None  # a table name: "subject"
    action: AuditAction | None = None
    text: str = ""
    record_id: int | None = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime  # UTC
    actor: str
    action: AuditAction
    entity: str
    entity_id: int
    summary: str

    @property
    def entity_label(self) -> str:
        entry = audited_entity(self.entity)
        return entry.label if entry else self.entity

    @property
    def record(self) -> str:
        """'số 12', or '' where the number is not one a person uses (settings)."""
        entry = audited_entity(self.entity)
        if entry is not None and entry.table.c[entry.key_column].type.python_type is not int:
            return ""
        return f"từ số {self.entity_id}" if self.action is AuditAction.BASELINE else f"số {self.entity_id}"


@dataclass(frozen=True)
class AuditPage:
    rows: list[AuditRow]
    more: bool  # there are more rows: pass the last row as `after` (and `offset` as `offset`)
    offset: int = 0  # sorted by another column than the time: where the next page starts


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class AuditDetail:
    row: AuditRow
    changes: list[FieldChange] = field(default_factory=list)
    note: str = ""


def _utc(day: dt.date, end: bool) -> dt.datetime:
    moment = dt.datetime.combine(day + dt.timedelta(days=1) if end else day, dt.time())
    return moment.astimezone(dt.UTC).replace(tzinfo=None)  # the day on this computer's clock


def _conditions(flt: AuditFilter) -> list:
    e = AuditEvent
    checks = [
        (flt.since, lambda: e.at >= _utc(flt.since, end=False)),
        (flt.until, lambda: e.at < _utc(flt.until, end=True)),
        (flt.actor, lambda: e.actor == flt.actor),
        (flt.username, lambda: or_(e.actor == flt.username, e.actor.startswith(f"{flt.username} (",
                                                                                 autoescape=True))),
        (flt.entity, lambda: e.entity == flt.entity),
        (flt.action, lambda: e.action == flt.action),
        (flt.record_id is not None, lambda: e.entity_id == flt.record_id),
    ]
    return [make() for wanted, make in checks if wanted]


def _after(row: AuditRow):
    e = AuditEvent
    return or_(e.at < row.at, and_(e.at == row.at, e.id < row.id))


def _row(event: AuditEvent) -> AuditRow:
    return AuditRow(event.id, event.at, event.actor, event.action, event.entity, event.entity_id,
                    event.summary)


def _matches(row: AuditRow, words: list[str]) -> bool:
    haystack = fold(f"{row.summary} {row.actor} {row.entity_label}")
    return all(word in haystack for word in words)


# The trail's sorts (its page's columns): the time, the person, the action and the kind of record (by
# their Vietnamese labels), the record's number, the summary. The person and the summary sort as stored
# (a long trail is not passed through the Vietnamese sort key row by row).
AUDIT_SORTS = ("at", "actor", "action", "entity", "entity_id", "summary")


def _audit_keys() -> dict:
    labels = sorted(REGISTRY, key=lambda entry: text_sort_key(entry.label))
    entity = case({entry.entity: rank for rank, entry in enumerate(labels)}, value=AuditEvent.entity)
    return dict(zip(AUDIT_SORTS, (
        AuditEvent.at, filled(AuditEvent.actor), by_label(AuditEvent.action, AuditAction), entity,
        AuditEvent.entity_id, filled(AuditEvent.summary)), strict=True))


def list_events(db: Database, flt: AuditFilter, after: AuditRow | None = None, limit: int | None = PAGE, *,
                sort: str = "at", descending: bool = True, offset: int = 0) -> AuditPage:
    """The events the filter keeps, `limit` of them (None: all): newest first after the row `after`, or
    sorted by the query on one of AUDIT_SORTS (empty values last, then newest first) from `offset` (the
    previous page's `offset`)."""
    newest = sort == "at" and descending  # pages follow the last row: as fast at the trail's end
    order = NEWEST_FIRST if newest else order_by(_audit_keys(), sort, descending, *NEWEST_FIRST)
    words = fold(flt.text).split()
    found: list[tuple[int, AuditRow]] = []  # (rows read up to this one, the row)
    read = offset
    with db.read() as session:
        while limit is None or len(found) <= limit:
            query = select(AuditEvent).where(*_conditions(flt)).order_by(*order)
            if newest and after is not None:
                query = query.where(_after(after))
            elif not newest:
                query = query.offset(read)
            size = SCAN if words else (None if limit is None else limit + 1)
            batch = [_row(e) for e in session.scalars(query.limit(size))]
            for number, row in enumerate(batch, start=read + 1):
                if not words or _matches(row, words):
                    found.append((number, row))
            read += len(batch)
            if not words or len(batch) < SCAN:
                break
            after = batch[-1]
    shown = found if limit is None else found[:limit]
    return AuditPage([row for _, row in shown], more=limit is not None and len(found) > limit,
                     offset=shown[-1][0] if shown else read)


def count_events(db: Database, flt: AuditFilter) -> int:
    """How many events the filter keeps, the free text aside."""
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(AuditEvent).where(*_conditions(flt))) or 0


def actor_choices(db: Database) -> list[str]:
    with db.read() as session:
        return list(session.scalars(select(AuditEvent.actor).distinct().order_by(AuditEvent.actor)))


def entity_choices() -> list[tuple[str, str]]:
    """(label, entity) of every audited kind of record, in the registry's order."""
    return [(entry.label, entry.entity) for entry in REGISTRY]


def event_detail(db: Database, event_id: int) -> AuditDetail:
    with db.read() as session:
        event = session.get(AuditEvent, event_id)
        if event is None:
            raise NotFoundError(f"Không tìm thấy sự kiện số {event_id} trong nhật ký thay đổi.")
        row, before, after = _row(event), _parsed(event.before_json), _parsed(event.after_json)
    entry = audited_entity(row.entity)
    if entry is None:
        return AuditDetail(row, note="Loại bản ghi này không còn được theo dõi.")
    if row.action is AuditAction.BASELINE:
        return AuditDetail(row, note=_baseline_note(entry.label, after.get("rows", [])))
    if REDACTED in before or REDACTED in after:
        return AuditDetail(row, note=REDACTED_DETAIL)
    old, new = before.get("values", {}), after.get("values", {})
    names = [name for name in shown_columns(entry) if name in old or name in new]  # the table's order
    changes = [FieldChange(field_label(entry.entity, name),
                           display_value(entry, name, old.get(name)) if before else "",
                           display_value(entry, name, new.get(name)) if after else "") for name in names]
    return AuditDetail(row, changes)


def _parsed(text: str) -> dict:
    try:
        return json.loads(text) if text else {}
    except ValueError:
        return {}


def _baseline_note(label: str, rows: list) -> str:
    if not rows:
        return ""
    return (f"Ghi nhận trạng thái ban đầu của {vn_number(len(rows))} {lower_first(label)} "
            f"(số {rows[0][0]} đến số {rows[-1][0]}) để phát hiện về sau mọi chỗ sửa ngoài ứng dụng.")
