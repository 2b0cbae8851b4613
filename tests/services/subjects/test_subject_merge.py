"""Merging a duplicate subject into the kept one: everything moves, conflicts are refused with nothing
written, versions are checked, decision-written award lines keep their decision."""

from __future__ import annotations

import datetime as dt

import pytest
from audit_helpers import events
from personal_data_helpers import CITIZEN_ID, HOLD_NOTE, NAME, SECRET_REPORT, make_person
from sqlalchemy import func, select

from app.errors import ConflictError, NotFoundError, ServiceError
from app.models import (
    AuditEvent,
    AwardRecord,
    Exemplar,
    Gender,
    HoldFlag,
    ImportBatch,
    ImportBatchSubject,
    Nomination,
    Round,
    SubjectKind,
    SubjectWord,
)
from app.services.decisions.issue import cancel_decision
from app.services.nominations.crud import create_nomination
from app.services.nominations.data import NominationInput
from app.services.safety.integrity import check_database
from app.services.subjects import (
    SubjectInput,
    SubjectQuery,
    create_subject,
    erase_plan,
    erase_subject,
    get_subject,
    merge_plan,
    merge_subjects,
    search_subjects,
)
from app.services.subjects.data import AwardInput
from app.services.subjects.merge import REFERENCES, subject_references

pytestmark = pytest.mark.both_backends

TODAY = dt.date(2026, 11, 21)
TYPED_AWARD = AwardInput("Lao động tiên tiến", 2024, "12/QĐ-UBND", dt.date(2024, 12, 20),
                         "Chủ tịch UBND xã Hòa Bình")


def twin(db, **changes) -> int:
    """The same teacher typed again: birth year only, another phone, no CCCD, the 2024 award again."""
    values = dict(kind=SubjectKind.INDIVIDUAL, name=NAME, gender=Gender.FEMALE, birth_year=1986,
                  phone="0987654321", awards=[TYPED_AWARD, AwardInput("Giấy khen Công đoàn", 2023)])
    return create_subject(db, SubjectInput(**{**values, **changes}), today=TODAY).id


@pytest.fixture
def pair(commune_db, tmp_path):
    """(kept, the person with everything): the second record holds the nominations, history and files."""
    person = make_person(commune_db, tmp_path)
    return twin(commune_db), person


def owned(db, model, subject_id: int) -> list[int]:
    with db.read() as session:
        query = select(model.id).where(model.subject_id == subject_id).order_by(model.id)
        return list(session.scalars(query))


def awards(db, subject_id: int) -> list[tuple[str, int, int | None]]:
    with db.read() as session:
        rows = session.scalars(select(AwardRecord).where(AwardRecord.subject_id == subject_id)
                               .order_by(AwardRecord.year, AwardRecord.id))
        return [(r.form_name, r.year, r.decision_id) for r in rows]


def test_the_plan_shows_the_fields_and_what_moves(commune_db, pair):
    kept_id, person = pair
    plan = merge_plan(commune_db, kept_id, person.subject_id)
    assert not plan.problems
    differing = {choice.key: (choice.kept, choice.other) for choice in plan.differing}
    assert differing == {"birth": ("1986", "15/03/1986"), "phone": ("0987654321", "0912345678")}
    assert {choice.key for choice in plan.filled} >= {"citizen_id", "ethnicity", "address", "unit_id"}
    assert next(c for c in plan.filled if c.key == "citizen_id").other == "•••••••••234"
    moves = dict(plan.moves)
    assert moves["hồ sơ đề nghị khen thưởng"] == 2
    assert moves["dòng lịch sử khen thưởng"] == 2
    assert moves["mục kỷ luật, tạm dừng xét"] == 1
    assert moves["hồ sơ điển hình tiên tiến"] == 1
    assert moves["tệp đính kèm (tài liệu, hình ảnh)"] == 4
    assert moves["dòng trong danh sách quyết định"] == 1
    assert plan.duplicate_awards == 1  # the 2024 Lao động tiên tiến typed on both
    assert plan.kept_once == ("Lao động tiên tiến năm 2024, quyết định số 12/QĐ-UBND ngày 20/12/2024",)
    assert plan.kept_once[0] in plan.moves_text()


def test_everything_moves_and_the_other_record_goes(commune_db, pair):
    kept_id, person = pair
    other_id = person.subject_id
    nominations, exemplars = owned(commune_db, Nomination, other_id), owned(commune_db, Exemplar, other_id)
    holds = owned(commune_db, HoldFlag, other_id)
    plan = merge_plan(commune_db, kept_id, other_id)
    result = merge_subjects(commune_db, kept_id, other_id, plan.kept.version, plan.other.version,
                            take_from_other={"birth"})
    assert result.summary().startswith(f"Đã gộp hồ sơ “{NAME}” (số {other_id}) vào “{NAME}” (số {kept_id})")
    assert f"Hồ sơ trùng “{NAME}” đã được xóa khỏi sổ" in result.summary()
    assert "Hồ sơ số" not in result.summary()
    with pytest.raises(NotFoundError):
        get_subject(commune_db, other_id)
    kept = get_subject(commune_db, kept_id)
    assert (kept.birth_date, kept.birth_year) == (dt.date(1986, 3, 15), None)  # the officer's choice
    assert kept.phone == "0987654321"  # the kept value wins
    assert (kept.citizen_id, kept.ethnicity, kept.address) == (CITIZEN_ID, "Tày", "Số 12, thôn Đông")
    assert kept.version == plan.kept.version + 1
    assert owned(commune_db, Nomination, kept_id) == nominations
    assert owned(commune_db, Exemplar, kept_id) == exemplars
    assert set(holds) <= set(owned(commune_db, HoldFlag, kept_id))
    lines = awards(commune_db, kept_id)
    assert [(form, year) for form, year, _ in lines] == [
        ("Giấy khen Công đoàn", 2023), ("Lao động tiên tiến", 2024), ("Lao động tiên tiến", 2026)]
    assert lines[2][2] is not None  # the decision's line keeps its decision
    assert [row.id for row in search_subjects(commune_db, SubjectQuery(text="hoa nguyen"))] == [kept_id]
    with commune_db.read() as session:
        assert not session.scalar(select(func.count()).where(SubjectWord.subject_id == other_id))


def test_the_audit_trail_says_it_was_a_merge(commune_db, pair):
    kept_id, person = pair
    merge_subjects(commune_db, kept_id, person.subject_id, None, None)
    why = f"Gộp hồ sơ trùng: “{NAME}” (số {person.subject_id}) vào “{NAME}” (số {kept_id})"
    gone = [e for e in events(commune_db, "subject") if e.entity_id == person.subject_id]
    assert gone[-1].action == "delete" and why in gone[-1].summary
    moved = [e for e in events(commune_db, "nomination") if why in e.summary]
    assert len(moved) == 2 and all(e.after["values"]["subject_id"] == kept_id for e in moved)


def test_cancelling_the_decision_later_removes_exactly_its_line_from_the_kept_person(commune_db, pair):
    kept_id, person = pair
    merge_subjects(commune_db, kept_id, person.subject_id, None, None)
    decision_id = next(decision for _form, _year, decision in awards(commune_db, kept_id) if decision)
    cancel_decision(commune_db, decision_id, "Ghi sai năm thành tích.")
    assert awards(commune_db, kept_id) == [("Giấy khen Công đoàn", 2023, None),
                                           ("Lao động tiên tiến", 2024, None)]


def test_award_lines_alike_in_form_and_year_but_not_in_every_column_are_all_kept(commune_db):
    by_commune = AwardInput("Giấy khen", 2020, issuer="Chủ tịch UBND xã")
    by_district = AwardInput("Giấy khen", 2020, issuer="Chủ tịch UBND huyện")
    with_note = AwardInput("Giấy khen", 2020, issuer="Chủ tịch UBND xã", note="Phong trào khuyến học")
    same_again = AwardInput(" giấy  khen ", 2020, issuer="chủ tịch UBND xã")  # the same line, typed loosely
    kept = twin(commune_db, awards=[by_commune])
    other = twin(commune_db, awards=[by_district, with_note, same_again])
    plan = merge_plan(commune_db, kept, other)
    merge_subjects(commune_db, kept, other, None, None)
    with commune_db.read() as session:
        rows = session.scalars(select(AwardRecord).where(AwardRecord.subject_id == kept)
                               .order_by(AwardRecord.id))
        assert [(r.form_name, r.issuer, r.note) for r in rows] == [
            ("Giấy khen", "Chủ tịch UBND xã", ""), ("Giấy khen", "Chủ tịch UBND huyện", ""),
            ("Giấy khen", "Chủ tịch UBND xã", "Phong trào khuyến học")]
    assert plan.kept_once == ("Giấy khen năm 2020",)  # named as the line that stays


def test_nominations_in_the_same_round_are_refused_naming_the_round(commune_db, pair):
    kept_id, person = pair
    with commune_db.read() as session:
        round_id, form_id = session.execute(
            select(Nomination.round_id, Nomination.award_form_id).join(Round)
            .where(Nomination.id == person.open_nomination)).one()
    create_nomination(commune_db, NominationInput(round_id, kept_id, form_id), today=TODAY)
    before = (awards(commune_db, kept_id), get_subject(commune_db, kept_id).version)
    with pytest.raises(ConflictError) as refused:
        merge_subjects(commune_db, kept_id, person.subject_id, None, None)
    round_named = "cả hai đều có hồ sơ đề nghị trong đợt xét “Khen thưởng đột xuất phòng, chống lũ”"
    assert round_named in str(refused.value)
    assert get_subject(commune_db, person.subject_id).citizen_id == CITIZEN_ID  # nothing half-written
    assert (awards(commune_db, kept_id), get_subject(commune_db, kept_id).version) == before
    assert len(owned(commune_db, Nomination, person.subject_id)) == 2


def test_a_record_changed_since_it_was_read_is_not_merged(commune_db, pair):
    kept_id, person = pair
    plan = merge_plan(commune_db, kept_id, person.subject_id)
    with pytest.raises(ConflictError, match="vừa được sửa ở nơi khác"):
        merge_subjects(commune_db, kept_id, person.subject_id, plan.kept.version, plan.other.version - 1)
    assert get_subject(commune_db, person.subject_id).version == plan.other.version
    assert len(owned(commune_db, Nomination, person.subject_id)) == 2


def test_different_kinds_and_unknown_choices_are_refused(commune_db):
    person = twin(commune_db)
    household_input = SubjectInput(kind=SubjectKind.HOUSEHOLD, name=NAME, head_name=NAME)
    household = create_subject(commune_db, household_input, today=TODAY).id
    assert merge_plan(commune_db, person, household).problems[0].endswith(
        "cá nhân và hộ gia đình là hai loại đối tượng khác nhau; chỉ gộp được hai hồ sơ cùng loại.")
    with pytest.raises(ConflictError, match="hai loại đối tượng khác nhau"):
        merge_subjects(commune_db, person, household, None, None)
    other = twin(commune_db, phone="0911111111")
    with pytest.raises(ServiceError, match="Không có mục khác nhau nào tên “gender”"):
        merge_subjects(commune_db, person, other, None, None, take_from_other={"gender"})
    with pytest.raises(ServiceError, match="hai hồ sơ khác nhau"):
        merge_subjects(commune_db, person, person, None, None)


def test_a_collective_takes_the_members_and_the_import_link_goes(commune_db):
    make = lambda count: create_subject(commune_db, SubjectInput(  # noqa: E731
        kind=SubjectKind.COLLECTIVE, name="Tổ Phụ nữ thôn Đông", member_count=count), today=TODAY).id
    kept, other = make(12), make(None)
    member = twin(commune_db, collective_id=other)
    with commune_db.transaction() as session:  # as if an Excel import had created the other record
        batch = ImportBatch(file_name="danh-sach.xlsx")
        session.add(batch)
        session.flush()
        session.add(ImportBatchSubject(batch_id=batch.id, subject_id=other, row_number=2))
    merge_subjects(commune_db, kept, other, None, None)
    assert get_subject(commune_db, member).collective_id == kept
    assert get_subject(commune_db, kept).member_count == 12
    with commune_db.read() as session:
        assert not session.scalar(select(func.count()).select_from(ImportBatchSubject))


def test_every_foreign_key_to_subject_has_a_merge_rule():
    """A new table pointing at subject fails here until merge.REFERENCES says what a merge does with it."""
    assert set(subject_references()) == set(REFERENCES)
    assert ("nomination", "subject_id") in subject_references()


def test_erasing_the_kept_person_later_takes_the_merged_records_events_along(commune_db, pair):
    kept_id, person = pair
    merge_subjects(commune_db, kept_id, person.subject_id, None, None)
    plan = erase_plan(commune_db, kept_id)
    erase_subject(commune_db, kept_id, "Đơn đề nghị ngày 05/01/2026", NAME, expected=plan)
    with commune_db.read() as session:
        texts = [e.summary + e.before_json + e.after_json for e in session.scalars(select(AuditEvent))]
    for secret in ("0912345678", "Hay giúp đỡ đồng nghiệp", HOLD_NOTE, SECRET_REPORT):  # the other's data
        assert not [text for text in texts if secret in text], secret
    checked = check_database(commune_db)
    assert checked.ok, checked.summary()
