"""The audit recorder: what each kind of change leaves in the trail, and the chain it forms.

Runs on SQLite and on PostgreSQL (marked both_backends, tests/conftest.py).
"""

from __future__ import annotations

import dataclasses

import pytest
from audit_helpers import events
from sqlalchemy import delete, func, insert, select, update

from app.errors import ValidationError
from app.models import AppUser, AuditEvent, AuditHead, AwardRecord, Setting, Subject, UserRole
from app.models.enums import Gender, SubjectKind
from app.services.audit.check import check_audit_trail
from app.services.subjects.crud import create_subject, delete_subject, get_subject, update_subject
from app.services.subjects.data import AwardInput, SubjectInput
from app.storage.actor import Actor
from app.storage.audit.baseline import baseline_unrecorded
from app.storage.audit.chain import GENESIS, event_hash, utc_now
from app.storage.audit.key import key_path, read_key
from app.storage.audit.redact import redact_record
from app.storage.audit.registry import REGISTRY, text_key_id
from app.storage.database import Database

pytestmark = pytest.mark.both_backends

CCCD = "001085012345"


def person(name: str = "Nguyễn Văn An", **extra) -> SubjectInput:
    return SubjectInput(kind=SubjectKind.INDIVIDUAL, name=name, gender=Gender.MALE, **extra)


@pytest.fixture
def an(commune_db: Database) -> int:
    data = person(citizen_id=CCCD, awards=[AwardInput("Lao động tiên tiến", 2024, "12/QĐ-UBND")])
    return create_subject(commune_db, data).id


def test_a_new_subject_and_its_award_are_recorded_with_who_and_the_values(commune_db, an) -> None:
    commune_db.actor = Actor("lan", "Trần Thị Lan", UserRole.OFFICER, user_id=7)
    other = create_subject(commune_db, person("Lê Thị Hoa")).id
    (created,) = [e for e in events(commune_db, "subject") if e.entity_id == other]
    assert (created.action, created.actor) == ("create", "lan (Trần Thị Lan)")
    assert created.summary == f"Thêm đối tượng số {other} (Lê Thị Hoa)"
    assert created.after["values"]["name"] == "Lê Thị Hoa" and created.after["values"]["gender"] == "male"
    assert created.before == {}
    with commune_db.read() as session:
        assert session.scalar(select(AuditEvent.user_id).where(AuditEvent.entity_id == other,
                                                               AuditEvent.entity == "subject")) == 7
    (award,) = events(commune_db, "award_record")
    assert award.summary.startswith("Thêm khen thưởng đã nhận") and f"đối tượng số {an}" in award.summary


def test_the_citizen_id_is_masked_and_bookkeeping_columns_are_left_out(commune_db, an) -> None:
    (created,) = events(commune_db, "subject")
    assert created.after["values"]["citizen_id"] == "••••••••2345"
    assert not {"created_at", "updated_at", "version", "name_norm", "sort_key"} & set(created.after["values"])
    with commune_db.read() as session:
        trail = " ".join(e.before_json + e.after_json + e.summary
                         for e in session.scalars(select(AuditEvent)))
    assert CCCD not in trail


def test_an_update_keeps_only_the_changed_fields_before_and_after(commune_db, an) -> None:
    detail = get_subject(commune_db, an)
    changed = dataclasses.replace(detail, address="Thôn Đông", phone="0912345678")
    data = SubjectInput(**{f.name: getattr(changed, f.name) for f in dataclasses.fields(SubjectInput)})
    update_subject(commune_db, an, data, detail.version)
    edit = [e for e in events(commune_db, "subject") if e.action == "update"][-1]
    assert edit.before["values"] == {"address": "", "phone": ""}
    assert edit.after["values"] == {"address": "Thôn Đông", "phone": "0912345678"}
    assert edit.summary == f"Sửa đối tượng số {an} (Nguyễn Văn An): địa chỉ, số điện thoại"
    assert edit.before["digest"] != edit.after["digest"]


def test_a_deletion_keeps_the_record_as_it_was(commune_db) -> None:
    gone = create_subject(commune_db, person("Phạm Văn Sáu", address="Xóm Chùa")).id
    delete_subject(commune_db, gone)
    deleted = events(commune_db, "subject")[-1]
    assert (deleted.action, deleted.entity_id) == ("delete", gone)
    assert deleted.before["values"]["address"] == "Xóm Chùa" and deleted.after == {}
    assert check_audit_trail(commune_db).ok


def test_what_the_database_does_by_itself_on_delete_is_recorded(commune_db) -> None:
    group = create_subject(commune_db, SubjectInput(kind=SubjectKind.COLLECTIVE, name="Tổ sản xuất số 1")).id
    member = create_subject(commune_db, person("Đỗ Văn Tư", collective_id=group)).id
    delete_subject(commune_db, group)  # ON DELETE SET NULL empties the member's collective_id
    freed = [e for e in events(commune_db, "subject") if e.entity_id == member][-1]
    assert freed.action == "update"
    assert freed.before["values"] == {"collective_id": group}
    assert freed.after["values"] == {"collective_id": None}
    assert freed.summary.endswith(f"(khi xóa đối tượng số {group} (Tổ sản xuất số 1))")
    assert check_audit_trail(commune_db).ok


def test_update_and_delete_statements_run_through_the_session_are_recorded(commune_db, an) -> None:
    with commune_db.transaction() as session:
        session.execute(update(Subject).where(Subject.id == an).values(note="Sửa hàng loạt"))
        session.execute(delete(AwardRecord).where(AwardRecord.subject_id == an))
    edit = events(commune_db, "subject")[-1]
    assert (edit.action, edit.after["values"]) == ("update", {"note": "Sửa hàng loạt"})
    assert events(commune_db, "award_record")[-1].action == "delete"
    assert check_audit_trail(commune_db).ok


def test_rows_inserted_in_bulk_are_unrecorded_until_the_loader_records_them(commune_db) -> None:
    rows = [{"kind": SubjectKind.HOUSEHOLD, "name": f"Hộ số {n}", "name_norm": f"ho so {n}",
             "sort_key": str(n), "version": 1} for n in range(3)]
    with commune_db.transaction() as session:
        session.execute(insert(Subject), rows)
    report = check_audit_trail(commune_db)
    assert report.total == 3 and "không có trong nhật ký" in report.problems[0]
    with commune_db.transaction() as session:
        assert baseline_unrecorded(session.connection(), utc_now(), commune_db.actor) == 3
    (batch,) = [e for e in events(commune_db, "subject") if e.action == "baseline"]
    assert batch.summary.startswith("Ghi nhận ban đầu 3 đối tượng (số ")
    assert len(batch.after["rows"]) == 3
    assert check_audit_trail(commune_db).ok


def test_a_refused_save_leaves_no_event(commune_db, an) -> None:
    before = len(events(commune_db))
    with pytest.raises(ValidationError):
        create_subject(commune_db, person(""))
    with pytest.raises(RuntimeError), commune_db.transaction() as session:
        session.add(Subject(kind=SubjectKind.HOUSEHOLD, name="X", name_norm="x", sort_key="x", version=1))
        session.flush()
        raise RuntimeError("rolled back")
    assert len(events(commune_db)) == before


def test_password_hashes_never_enter_the_trail(commune_db) -> None:
    with commune_db.transaction() as session:
        session.add(AppUser(username="lan", full_name="Trần Thị Lan", role=UserRole.OFFICER,
                            password_hash="$argon2id$v=19$hash-number-one"))
    with commune_db.transaction() as session:
        session.scalar(select(AppUser)).password_hash = "$argon2id$v=19$hash-number-two"
    created, changed = events(commune_db, "app_user")
    assert created.after["values"]["password_hash"] == "(không hiển thị)"
    assert changed.summary == "Sửa tài khoản “lan” (Trần Thị Lan): mật khẩu"
    assert changed.before["values"] == changed.after["values"] == {"password_hash": "(không hiển thị)"}
    with commune_db.read() as session:
        assert not session.scalar(select(func.count()).where(AuditEvent.after_json.contains("hash-number")))


def test_settings_are_filed_under_a_stable_number_of_their_key(commune_db) -> None:
    (name,) = [e for e in events(commune_db, "setting") if e.after["values"]["key"] == "commune.name"]
    assert name.entity_id == text_key_id("commune.name") == text_key_id("commune.name")
    assert 0 < name.entity_id < 2**31


def test_events_form_one_chain_and_the_head_names_the_last(commune_db, an) -> None:
    with commune_db.read() as session:
        rows = session.execute(select(AuditEvent.__table__).order_by(AuditEvent.id)).mappings().all()
        head = session.get(AuditHead, 1)
    assert [r["id"] for r in rows] == list(range(1, len(rows) + 1))
    key = read_key(commune_db.data_dir)
    assert key is not None and key.sealed_from == 1  # made with the trail, at the commune's set-up
    previous = GENESIS
    for row in rows:
        assert row["prev_hash"] == previous and key.seal(event_hash(previous, row)) == row["hash"]
        previous = row["hash"]
    assert (head.last_event_id, head.last_hash, head.event_count) == (len(rows), previous, len(rows))


def test_a_database_from_before_the_trail_is_recorded_at_its_first_save(commune_db, an) -> None:
    with commune_db.engine.begin() as conn:  # as schema 0003 left it: data, no trail, no key
        conn.execute(delete(AuditEvent.__table__))
        conn.execute(delete(AuditHead.__table__))
    key_path(commune_db.data_dir).unlink()
    waiting = check_audit_trail(commune_db)  # an empty trail over data is never "clean"
    assert not waiting.ok and not waiting.started and waiting.waiting > 0
    assert "phiên bản Sổ Vàng chưa có nhật ký" in waiting.summary()
    create_subject(commune_db, person("Lê Thị Hoa"))
    assert read_key(commune_db.data_dir).sealed_from == 1  # the baseline itself is sealed
    trail = events(commune_db)
    baselined = {e.entity for e in trail if e.action == "baseline"}
    assert {"subject", "award_record", "setting", "award_form"} <= baselined
    assert trail[-1].action == "create" and trail[-1].after["values"]["name"] == "Lê Thị Hoa"
    assert check_audit_trail(commune_db).ok


def test_every_audited_model_can_name_its_records() -> None:
    for entry in REGISTRY:
        assert entry.label[0].isupper() and entry.key_column
    with pytest.raises(KeyError):
        REGISTRY[0].name({})


def test_a_setting_change_is_recorded(commune_db) -> None:
    with commune_db.transaction() as session:
        session.get(Setting, "commune.name").value_json = '"Xã Hòa An"'
    change = events(commune_db, "setting")[-1]
    assert change.after["values"] == {"value_json": '"Xã Hòa An"'}
    assert change.summary == "Sửa thiết lập “commune.name”: giá trị"


def test_a_persons_data_can_be_redacted_and_the_chain_still_holds(commune_db, an) -> None:
    detail = get_subject(commune_db, an)
    data = SubjectInput(**{f.name: getattr(detail, f.name) for f in dataclasses.fields(SubjectInput)})
    update_subject(commune_db, an, dataclasses.replace(data, address="Xóm Chùa"), detail.version)
    with commune_db.transaction() as session:
        assert redact_record(session.connection(), "subject", an) == 2
    redacted = events(commune_db, "subject")
    assert all("values" not in e.after and "values" not in e.before for e in redacted)
    assert redacted[0].summary == f"Thêm đối tượng số {an} (nội dung đã xóa theo yêu cầu xóa dữ liệu cá nhân)"
    with commune_db.read() as session:
        trail = " ".join(e.before_json + e.after_json + e.summary
                         for e in session.scalars(select(AuditEvent)))
    assert "Nguyễn Văn An" not in trail and "Xóm Chùa" not in trail and "••••••••2345" not in trail
    assert check_audit_trail(commune_db).ok
    with commune_db.transaction() as session:  # redacting twice changes nothing
        redact_record(session.connection(), "subject", an)
    assert check_audit_trail(commune_db).ok
    with commune_db.engine.begin() as conn:
        conn.execute(update(AuditEvent).where(AuditEvent.id == redacted[0].id).values(summary="Khác"))
    assert not check_audit_trail(commune_db).ok


def test_a_delete_statement_records_the_rows_the_database_deletes_with_it(commune_db, an) -> None:
    with commune_db.transaction() as session:  # no ORM cascade here: ON DELETE CASCADE does it
        session.execute(delete(Subject).where(Subject.id == an))
    (award,) = [e for e in events(commune_db, "award_record") if e.action == "delete"]
    assert award.summary.endswith(f"(khi xóa đối tượng số {an} (Nguyễn Văn An))")
    assert events(commune_db, "subject")[-1].action == "delete"
    assert check_audit_trail(commune_db).ok
