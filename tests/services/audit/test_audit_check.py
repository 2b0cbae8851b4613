"""`sovang check-db` against the audit trail: edits made with a database tool are found and named."""

from __future__ import annotations

import dataclasses

import pytest
from audit_helpers import events, outside_edit

from app.models.enums import Gender, SubjectKind
from app.services.audit.check import SHOWN, check_audit_trail
from app.services.safety.integrity import check_database
from app.services.subjects.crud import create_subject, get_subject, update_subject
from app.services.subjects.data import AwardInput, SubjectInput
from app.storage.database import Database


@pytest.fixture
def an(commune_db: Database) -> int:
    data = SubjectInput(kind=SubjectKind.INDIVIDUAL, name="Nguyễn Văn An", gender=Gender.MALE,
                        citizen_id="001085012345",
                        awards=[AwardInput("Lao động tiên tiến", 2024, "12/QĐ-UBND")])
    return create_subject(commune_db, data).id


def only_problem(db: Database) -> str:
    report = check_audit_trail(db)
    assert report.total == 1, report.summary()
    return report.problems[0]


def test_an_untouched_database_is_clean(commune_db, an) -> None:
    report = check_database(commune_db)
    assert report.ok, report.summary()
    assert report.trail.events == len(events(commune_db)) and report.trail.records > 30
    assert "Nhật ký thay đổi:" in report.summary() and "chuỗi mã băm đúng" in report.summary()


def test_a_subject_edited_with_sql_is_named_with_the_time_of_its_last_event(commune_db, an) -> None:
    outside_edit(commune_db, "UPDATE subject SET address = 'Thôn Tây' WHERE id = :id", id=an)
    problem = only_problem(commune_db)
    assert problem.startswith(f"Đối tượng số {an} (Nguyễn Văn An) bị sửa ngoài ứng dụng "
                              "sau lần ghi nhật ký lúc ")
    assert " ngày " in problem
    report = check_database(commune_db)
    assert not report.ok and "Đối tượng số" in report.summary()


def test_an_edit_of_the_citizen_id_alone_is_found_through_the_digest(commune_db, an) -> None:
    outside_edit(commune_db, "UPDATE subject SET citizen_id = '001085099999' WHERE id = :id", id=an)
    assert "bị sửa ngoài ứng dụng" in only_problem(commune_db)


def test_an_edited_event_breaks_its_hash(commune_db, an) -> None:
    target = events(commune_db, "subject")[0].id
    outside_edit(commune_db, "UPDATE audit_event SET summary = 'Không có gì' WHERE id = :id", id=target)
    assert only_problem(commune_db).startswith(f"Nhật ký thay đổi: sự kiện số {target} (")
    assert "mã băm không khớp" in only_problem(commune_db)


def test_a_deleted_event_shows_as_a_gap(commune_db, an) -> None:
    outside_edit(commune_db, "DELETE FROM audit_event WHERE id = 3")
    report = check_audit_trail(commune_db)
    assert "Nhật ký thay đổi: thiếu sự kiện số 3 (đã bị xóa)." in report.problems
    assert any("đầu chuỗi ghi" in p for p in report.problems)  # the count no longer matches
    assert any("bị xóa ngoài ứng dụng" in p or "không có trong nhật ký" in p for p in report.problems)


def test_the_last_event_deleted_is_found_by_the_head(commune_db, an) -> None:
    last = events(commune_db)[-1].id
    outside_edit(commune_db, "DELETE FROM audit_event WHERE id = :id", id=last)
    report = check_audit_trail(commune_db)
    assert any(f"đầu chuỗi ghi sự kiện cuối là số {last} nhưng nhật ký dừng ở số {last - 1}" in p
               for p in report.problems)


def test_rows_added_or_removed_outside_the_app_are_found(commune_db, an) -> None:
    outside_edit(commune_db, "DELETE FROM award_record WHERE subject_id = :id", id=an)
    outside_edit(commune_db, "INSERT INTO subject (kind, name, name_norm, sort_key, address, phone, note, "
                 "version, position, ethnicity, parent_body, head_name, created_at, updated_at) VALUES "
                 "('household', 'Hộ bà Tư', 'ho ba tu', 'x', '', '', '', 1, '', '', '', 'Tư', "
                 "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
    problems = check_audit_trail(commune_db).problems
    assert any(p.startswith("Khen thưởng đã nhận số 1 (Lao động tiên tiến năm 2024) của đối tượng số")
               and "bị xóa ngoài ứng dụng" in p for p in problems)
    assert any("(Hộ bà Tư) không có trong nhật ký: được thêm ngoài ứng dụng." in p for p in problems)


def test_an_outside_edit_overwritten_later_by_the_app_is_still_found(commune_db, an) -> None:
    outside_edit(commune_db, "UPDATE subject SET note = 'sửa lén' WHERE id = :id", id=an)
    detail = get_subject(commune_db, an)
    data = SubjectInput(**{f.name: getattr(detail, f.name) for f in dataclasses.fields(SubjectInput)})
    update_subject(commune_db, an, dataclasses.replace(data, note=""), detail.version)
    problem = only_problem(commune_db)
    assert f"Đối tượng số {an}" in problem and "(trước lần sửa lúc" in problem


def test_a_long_report_is_cut_with_a_total(commune_db) -> None:
    for n in range(SHOWN + 5):
        create_subject(commune_db, SubjectInput(kind=SubjectKind.COLLECTIVE, name=f"Tổ số {n}"))
    outside_edit(commune_db, "UPDATE subject SET note = 'x'")
    report = check_audit_trail(commune_db)
    lines = report.summary().splitlines()
    assert report.total == SHOWN + 5
    assert lines[0] == f"Nhật ký thay đổi có {SHOWN + 5} chỗ không khớp:"
    assert lines[SHOWN + 1] == "- … và 5 chỗ khác."
    assert len(lines) == SHOWN + 3
