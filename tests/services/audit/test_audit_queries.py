"""Browsing the audit trail: filters, newest first, pages, and the field-by-field detail."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from audit_helpers import events

from app.errors import NotFoundError
from app.models import UserRole
from app.models.enums import AuditAction, Gender, SubjectKind
from app.services.audit.queries import (
    AuditFilter,
    actor_choices,
    count_events,
    entity_choices,
    event_detail,
    list_events,
)
from app.services.subjects.crud import create_subject, delete_subject, get_subject, update_subject
from app.services.subjects.data import SubjectInput
from app.storage.actor import Actor
from app.storage.database import Database

LAN = Actor("lan", "Trần Thị Lan", UserRole.OFFICER)


@pytest.fixture
def trail(commune_db: Database) -> dict[str, int]:
    """The commune's set-up by the computer's account, then Lan's work on two people."""
    commune_db.actor = LAN
    an = create_subject(commune_db, SubjectInput(kind=SubjectKind.INDIVIDUAL, name="Nguyễn Văn An",
                                                 gender=Gender.MALE, birth_date=dt.date(1985, 1, 5))).id
    hoa = create_subject(commune_db, SubjectInput(kind=SubjectKind.INDIVIDUAL, name="Lê Thị Hoa",
                                                  gender=Gender.FEMALE)).id
    detail = get_subject(commune_db, an)
    data = SubjectInput(**{f.name: getattr(detail, f.name) for f in dataclasses.fields(SubjectInput)})
    changed = dataclasses.replace(data, birth_date=dt.date(1985, 2, 5), phone="0912345678")
    update_subject(commune_db, an, changed, detail.version)
    delete_subject(commune_db, hoa)
    return {"an": an, "hoa": hoa}


def test_newest_first_with_labels(commune_db, trail) -> None:
    rows = list_events(commune_db, AuditFilter()).rows
    assert [r.id for r in rows] == sorted((e.id for e in events(commune_db)), reverse=True)
    newest = rows[0]
    assert (newest.action, newest.entity_label, newest.record) == (AuditAction.DELETE, "Đối tượng",
                                                                   f"số {trail['hoa']}")


def test_filters_by_person_kind_action_record_and_day(commune_db, trail) -> None:
    mine = AuditFilter(actor=LAN.label)
    assert {r.actor for r in list_events(commune_db, mine).rows} == {LAN.label}
    assert count_events(commune_db, mine) == 4
    subjects = list_events(commune_db, AuditFilter(entity="subject", action=AuditAction.UPDATE)).rows
    assert [r.entity_id for r in subjects] == [trail["an"]]
    assert len(list_events(commune_db, AuditFilter(entity="subject", record_id=trail["an"])).rows) == 2
    today = dt.date.today()
    assert count_events(commune_db, AuditFilter(since=today, until=today)) == len(events(commune_db))
    assert count_events(commune_db, AuditFilter(until=today - dt.timedelta(days=1))) == 0
    assert count_events(commune_db, AuditFilter(since=today + dt.timedelta(days=1))) == 0


def test_free_text_ignores_diacritics_and_case(commune_db, trail) -> None:
    rows = list_events(commune_db, AuditFilter(text="nguyen van AN")).rows
    assert {r.entity_id for r in rows} == {trail["an"]} and len(rows) == 2
    assert list_events(commune_db, AuditFilter(text="tran thi lan")).rows  # the actor's name
    assert not list_events(commune_db, AuditFilter(text="không có ai")).rows


def test_pages_follow_the_last_row_shown(commune_db, trail) -> None:
    every = [r.id for r in list_events(commune_db, AuditFilter(), limit=1000).rows]
    first = list_events(commune_db, AuditFilter(), limit=10)
    second = list_events(commune_db, AuditFilter(), after=first.rows[-1], limit=10)
    assert first.more and [r.id for r in first.rows + second.rows] == every[:20]
    worded = list_events(commune_db, AuditFilter(text="so"), limit=3)
    rest = list_events(commune_db, AuditFilter(text="so"), after=worded.rows[-1], limit=3)
    assert not {r.id for r in worded.rows} & {r.id for r in rest.rows}


def test_the_detail_of_an_update_lists_the_changed_fields(commune_db, trail) -> None:
    (edit,) = list_events(commune_db, AuditFilter(entity="subject", action=AuditAction.UPDATE)).rows
    detail = event_detail(commune_db, edit.id)
    assert [(c.label, c.before, c.after) for c in detail.changes] == [
        ("Số điện thoại", "(trống)", "0912345678"), ("Ngày sinh", "05/01/1985", "05/02/1985")]


def test_the_detail_of_a_creation_and_a_deletion(commune_db, trail) -> None:
    created = [r for r in list_events(commune_db, AuditFilter(entity="subject")).rows
               if r.action is AuditAction.CREATE and r.entity_id == trail["an"]][0]
    changes = {c.label: c for c in event_detail(commune_db, created.id).changes}
    assert changes["Họ và tên, tên tập thể"].after == "Nguyễn Văn An" and changes["Giới tính"].after == "Nam"
    assert changes["Loại"].after == "Cá nhân" and all(c.before == "" for c in changes.values())
    deleted = list_events(commune_db, AuditFilter(action=AuditAction.DELETE)).rows[0]
    gone = {c.label: c for c in event_detail(commune_db, deleted.id).changes}
    name = gone["Họ và tên, tên tập thể"]
    assert (name.before, name.after) == ("Lê Thị Hoa", "")


def test_choices_for_the_filters(commune_db, trail) -> None:
    assert LAN.label in actor_choices(commune_db) and len(actor_choices(commune_db)) == 2
    assert ("Đối tượng", "subject") in entity_choices()


def test_an_unknown_event_is_refused(commune_db) -> None:
    with pytest.raises(NotFoundError, match="sự kiện số 999"):
        event_detail(commune_db, 999)
