"""The award catalogue: shipped defaults, validation by field, criteria ids kept, refusals, restore."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import func, select

from app.errors import ConflictError, ValidationError
from app.models import (
    AwardForm,
    ChecklistItem,
    CriterionMode,
    CriterionOutcome,
    DisciplineLevel,
    Gender,
    Nomination,
    NominationStatus,
    OccupationGroup,
    Round,
    RoundKind,
    RoundStatus,
    SubjectKind,
)
from app.services.catalogue.data import AwardFormInput, CriterionInput
from app.services.catalogue.forms import (
    RULE_CHOICES,
    create_award_form,
    default_criteria,
    delete_award_form,
    get_award_form,
    list_award_forms,
    restore_default_criteria,
    reward_amount,
    reward_text,
    set_award_form_active,
    update_award_form,
)
from app.services.settings import BASE_SALARY, set_setting
from app.services.subjects.crud import create_subject
from app.services.subjects.data import SubjectInput

pytestmark = pytest.mark.both_backends

SHIPPED = ["LDTT", "CSTDCS", "TTLDTT", "GIAY_KHEN", "GDVH", "THON_VH"]


def form_id(db, code: str) -> int:
    return next(row.id for row in list_award_forms(db, include_inactive=True) if row.code == code)


def new_form(**changes) -> AwardFormInput:
    base = AwardFormInput(
        code="KHEN_DOT_XUAT",
        name="Giấy khen đột xuất",
        reward_individual=30,
        counts_toward_merit=False,
        criteria=[
            CriterionInput(text="Có thành tích đột xuất, có phạm vi ảnh hưởng."),
            CriterionInput(text="Gương mẫu chấp hành tốt chính sách, pháp luật."),
        ],
    )
    return dataclasses.replace(base, **changes)


def nominate(db, code: str, status: NominationStatus, kind=SubjectKind.INDIVIDUAL, judged: int | None = None):
    """A round, a subject and a nomination made directly, with one checklist item on criterion `judged`."""
    data = SubjectInput(kind=kind, name="Tổ sản xuất số 1")
    if kind is SubjectKind.INDIVIDUAL:
        data = SubjectInput(kind=kind, name="Nguyễn Văn Đạt", gender=Gender.MALE)
    subject_id = create_subject(db, data).id
    with db.transaction() as session:
        round_ = Round(name="Tổng kết năm 2025", kind=RoundKind.YEAR_END, year=2025, status=RoundStatus.OPEN)
        session.add(round_)
        session.flush()
        nomination = Nomination(round_id=round_.id, subject_id=subject_id, award_form_id=form_id(db, code),
                                status=status)
        if judged is not None:
            nomination.checklist = [ChecklistItem(criterion_id=judged, outcome=CriterionOutcome.MET)]
        session.add(nomination)
        session.flush()
        return nomination.id


def save(db, detail, **changes):
    return update_award_form(db, detail.id, dataclasses.replace(detail, **changes), detail.version)


def checklist_count(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(ChecklistItem))


# Defaults ---------------------------------------------------------------------------------------

def test_shipped_forms_are_listed_with_rewards(commune_db):
    rows = list_award_forms(commune_db)
    assert [row.code for row in rows] == SHIPPED
    rewards = {row.code: row.rewards for row in rows}
    assert rewards["LDTT"] == {SubjectKind.INDIVIDUAL: 30}
    assert rewards["CSTDCS"] == {SubjectKind.INDIVIDUAL: 100}
    assert rewards["TTLDTT"] == {SubjectKind.COLLECTIVE: 80}
    assert rewards["GIAY_KHEN"][SubjectKind.COLLECTIVE] == 60
    ldtt = rows[0]
    assert (ldtt.name, ldtt.short_name) == ("Lao động tiên tiến", "LĐTT")
    assert ldtt.kind_label == "Danh hiệu thi đua"
    assert ldtt.amounts == {SubjectKind.INDIVIDUAL: 702_000} and ldtt.base_salary == 2_340_000
    assert (ldtt.criteria_count, ldtt.nomination_count, ldtt.shipped, ldtt.active) == (4, 0, True, True)


def test_shipped_criteria_keep_the_legal_wording(commune_db):
    ldtt = get_award_form(commune_db, form_id(commune_db, "LDTT"))
    first = ldtt.criteria[0]
    assert (first.code, first.text) == ("k1a", "Hoàn thành tốt nhiệm vụ trở lên;")
    assert first.source == "Luật TĐKT 2022, Điều 24 khoản 1 điểm a"
    assert first.occupation_groups == [OccupationGroup.CIVIL_SERVANT] and first.mode is CriterionMode.JUDGED
    ttldtt = get_award_form(commune_db, form_id(commune_db, "TTLDTT"))
    rules = [(c.rule_code, c.rule_params) for c in ttldtt.criteria if c.mode is CriterionMode.RULE]
    assert rules == [("members_ldtt_share", {"percent": 70}), ("members_no_discipline", {"level": "warning"})]
    giay_khen = get_award_form(commune_db, form_id(commune_db, "GIAY_KHEN"))
    assert [c.any_of_group for c in giay_khen.criteria].count("thanh_tich") == 3


def test_shipped_rules_are_known_choices(commune_db):
    assert set(RULE_CHOICES) == {"ldtt_same_year", "members_ldtt_share", "members_no_discipline"}
    for code in SHIPPED:
        for line in get_award_form(commune_db, form_id(commune_db, code)).criteria:
            assert line.mode is CriterionMode.JUDGED or line.rule_code in RULE_CHOICES


# Amounts ----------------------------------------------------------------------------------------

def test_reward_amount_rounds_to_whole_dong_half_up():
    assert reward_amount(30, 2_340_000) == 702_000
    assert reward_amount(45, 2_340_000) == 1_053_000
    assert reward_amount(50, 1_000_001) == 500_001  # 500.000,5 → up
    assert reward_amount(30, 2_340_001) == 702_000  # 702.000,3 → down
    assert reward_amount(0, 2_340_000) == 0


def test_reward_text_and_base_salary_setting(commune_db):
    assert reward_text(30, 2_340_000) == "0,3 × LCS = 702.000 đồng"
    assert reward_text(150, 2_340_000) == "1,5 × LCS = 3.510.000 đồng"
    assert reward_text(0, 2_340_000) == "Không thưởng tiền"
    set_setting(commune_db, BASE_SALARY, 2_530_000)
    assert list_award_forms(commune_db)[0].amounts == {SubjectKind.INDIVIDUAL: 759_000}


# Create and validate ----------------------------------------------------------------------------

def test_create_a_form_normalises_text(commune_db):
    detail = create_award_form(commune_db, new_form(name="Gia\u0302\u0301y khen  đột xuất "))
    assert detail.name == "Giấy khen đột xuất" and detail.version == 1 and not detail.shipped
    assert [c.code for c in detail.criteria] == ["tc1", "tc2"]
    assert list_award_forms(commune_db)[-1].code == "KHEN_DOT_XUAT"


@pytest.mark.parametrize(
    ("changes", "key", "fragment"),
    [
        ({"code": ""}, "code", "Mã: không được để trống"),
        ({"code": "khen-2"}, "code", "chữ in hoa không dấu"),
        ({"code": "ĐỘT_XUẤT"}, "code", "chữ in hoa không dấu"),
        ({"code": "LDTT"}, "code", "đã có hình thức “Lao động tiên tiến”"),
        ({"name": "  "}, "name", "Tên hình thức: không được để trống"),
        ({"reward_individual": None}, "rewards", "ít nhất một loại đối tượng"),
        ({"reward_collective": 10_001}, "reward_collective", "từ 0 đến 100 lần"),
        ({"reward_household": -1}, "reward_household", "từ 0 đến 100 lần"),
        ({"threshold_percent": 0}, "threshold_percent", "từ 1 đến 100%"),
        ({"threshold_percent": 101}, "threshold_percent", "từ 1 đến 100%"),
        ({"threshold_percent": None}, "threshold_percent", "từ 1 đến 100%"),
    ],
)
def test_form_fields_are_validated(commune_db, changes, key, fragment):
    with pytest.raises(ValidationError) as caught:
        create_award_form(commune_db, new_form(**changes))
    assert key in caught.value.errors and fragment in caught.value.errors[key]
    assert len(list_award_forms(commune_db, include_inactive=True)) == 6


def rule_line(code: str, **changes) -> CriterionInput:
    return CriterionInput(text="Theo quy tắc", mode=CriterionMode.RULE, rule_code=code, **changes)


@pytest.mark.parametrize(
    ("form_changes", "line", "key", "fragment"),
    [
        ({}, CriterionInput(text=" "), "criteria.3.text", "Tiêu chí dòng 3: chưa ghi nội dung"),
        ({}, rule_line(""), "criteria.3.rule_code", "chưa chọn quy tắc"),
        ({}, rule_line("no_such_rule"), "criteria.3.rule_code", "không có quy tắc “no_such_rule”"),
        ({"reward_individual": None, "reward_collective": 80},
         rule_line("members_ldtt_share", rule_params={"percent": 150}), "criteria.3.rule_params",
         "từ 1 đến 100%"),
        ({"reward_individual": None, "reward_collective": 80},
         rule_line("members_ldtt_share"), "criteria.3.rule_params", "từ 1 đến 100%"),
        ({"reward_individual": None, "reward_collective": 80},
         rule_line("members_no_discipline", rule_params={"level": "scolding"}), "criteria.3.rule_params",
         "chưa chọn hình thức kỷ luật"),
        ({}, rule_line("members_ldtt_share", rule_params={"percent": 70}), "criteria.3.rule_code",
         "chỉ xét được cho tập thể"),
        ({"reward_household": 45},
         CriterionInput(text="Hộ", subject_kinds=[SubjectKind.HOUSEHOLD],
                        occupation_groups=[OccupationGroup.FARMER]),
         "criteria.3.occupation_groups", "chỉ dùng cho tiêu chí áp dụng với cá nhân"),
        ({}, CriterionInput(text="Tập thể", subject_kinds=[SubjectKind.COLLECTIVE]),
         "criteria.3.subject_kinds", "không áp dụng cho tập thể"),
        ({}, CriterionInput(text="Một mình", any_of_group="nhom"), "criteria.3.any_of_group",
         "chỉ có một tiêu chí"),
    ],
)
def test_criteria_lines_are_validated(commune_db, form_changes, line, key, fragment):
    data = new_form(**form_changes)
    data.criteria.append(line)
    with pytest.raises(ValidationError) as caught:
        create_award_form(commune_db, data)
    assert key in caught.value.errors, caught.value.errors
    assert fragment in caught.value.errors[key]


def test_a_group_needs_two_lines_for_one_same_kind(commune_db):
    individual = CriterionInput(text="A", any_of_group="g", subject_kinds=[SubjectKind.INDIVIDUAL])
    household = CriterionInput(text="B", any_of_group="g", subject_kinds=[SubjectKind.HOUSEHOLD])
    data = new_form(reward_household=45, criteria=[individual, household])
    with pytest.raises(ValidationError) as caught:
        create_award_form(commune_db, data)
    assert "không cùng áp dụng" in caught.value.errors["criteria.1.any_of_group"]
    data.criteria.append(CriterionInput(text="C", any_of_group="g"))
    assert len(create_award_form(commune_db, data).criteria) == 3


def test_a_rule_line_is_stored_with_its_params(commune_db):
    line = rule_line("members_ldtt_share", rule_params={"percent": 75})
    data = new_form(reward_individual=None, reward_collective=50, criteria=[line])
    [stored] = create_award_form(commune_db, data).criteria
    assert (stored.rule_code, stored.rule_params) == ("members_ldtt_share", {"percent": 75})


def test_a_judged_line_drops_a_rule_left_over(commune_db):
    line = CriterionInput(text="Đánh giá", rule_code="ldtt_same_year", rule_params={"x": 1})
    [stored] = create_award_form(commune_db, new_form(criteria=[line])).criteria
    assert (stored.mode, stored.rule_code, stored.rule_params) == (CriterionMode.JUDGED, "", {})


# Update -----------------------------------------------------------------------------------------

def test_update_keeps_criterion_ids(commune_db):
    detail = get_award_form(commune_db, form_id(commune_db, "LDTT"))
    ids = [c.id for c in detail.criteria]
    lines = list(detail.criteria)
    lines[1] = dataclasses.replace(lines[1], text="Có tinh thần tự lực, tự cường.")
    lines = [lines[1], lines[0], *lines[2:], CriterionInput(text="Không vi phạm kỷ luật.")]
    updated = save(commune_db, detail, criteria=lines)
    assert [c.id for c in updated.criteria[:4]] == [ids[1], ids[0], ids[2], ids[3]]
    assert updated.criteria[0].text == "Có tinh thần tự lực, tự cường." and updated.criteria[0].code == "k1b"
    assert updated.criteria[4].id not in ids and updated.criteria[4].code == "tc1"
    assert updated.version == detail.version + 1


def test_update_with_a_stale_version_is_refused(commune_db):
    detail = get_award_form(commune_db, form_id(commune_db, "LDTT"))
    update_award_form(commune_db, detail.id, dataclasses.replace(detail, short_name="LĐ TT"), detail.version)
    with pytest.raises(ConflictError, match="vừa được sửa ở nơi khác"):
        update_award_form(commune_db, detail.id, dataclasses.replace(detail, name="Khác"), detail.version)


def test_shipped_code_cannot_change(commune_db):
    detail = get_award_form(commune_db, form_id(commune_db, "CSTDCS"))
    with pytest.raises(ValidationError) as caught:
        update_award_form(commune_db, detail.id, dataclasses.replace(detail, code="CSTD"), detail.version)
    assert caught.value.errors["code"] == "Mã: hình thức có sẵn theo quy định giữ nguyên mã CSTDCS."


def test_checklist_items_keep_their_criterion_on_update(commune_db):
    detail = get_award_form(commune_db, form_id(commune_db, "CSTDCS"))
    judged = detail.criteria[1].id
    nominate(commune_db, "CSTDCS", NominationStatus.APPRAISED, judged=judged)
    lines = [*detail.criteria, CriterionInput(text="Có sáng kiến được công nhận.")]
    lines[1] = dataclasses.replace(lines[1], text="Hoàn thành xuất sắc nhiệm vụ.")
    update_award_form(commune_db, detail.id, dataclasses.replace(detail, criteria=lines), detail.version)
    with commune_db.read() as session:
        [item] = session.scalars(select(ChecklistItem)).all()
        assert item.criterion_id == judged and item.criterion.text == "Hoàn thành xuất sắc nhiệm vụ."


def test_removing_a_criterion_is_refused_once_a_nomination_is_proposed(commune_db):
    detail = get_award_form(commune_db, form_id(commune_db, "CSTDCS"))
    nominate(commune_db, "CSTDCS", NominationStatus.PROPOSED)
    with pytest.raises(ValidationError) as caught:
        update_award_form(commune_db, detail.id, dataclasses.replace(detail, criteria=detail.criteria[:1]),
                          detail.version)
    message = caught.value.errors["criteria"]
    assert message.startswith("Không xóa được tiêu chí “Hoàn thành xuất sắc nhiệm vụ")
    assert "đã có 1 hồ sơ đề nghị hình thức này qua bước nháp" in message
    assert get_award_form(commune_db, detail.id) == dataclasses.replace(detail, nomination_count=1,
                                                                         submitted_nomination_count=1)


def test_removing_a_criterion_of_draft_nominations_drops_their_judgement(commune_db):
    detail = get_award_form(commune_db, form_id(commune_db, "CSTDCS"))
    nominate(commune_db, "CSTDCS", NominationStatus.DRAFT, judged=detail.criteria[1].id)
    assert checklist_count(commune_db) == 1
    new = CriterionInput(text="Hoàn thành xuất sắc nhiệm vụ.", code="k2")  # reuses the removed line's code
    data = dataclasses.replace(detail, criteria=[detail.criteria[0], new])
    updated = update_award_form(commune_db, detail.id, data, detail.version)
    assert [c.code for c in updated.criteria] == ["k1", "k2"]
    assert updated.criteria[1].id != detail.criteria[1].id
    assert checklist_count(commune_db) == 0


def test_a_kind_with_nominations_cannot_be_taken_off(commune_db):
    detail = create_award_form(commune_db, new_form(reward_collective=60))
    nominate(commune_db, "KHEN_DOT_XUAT", NominationStatus.DRAFT, kind=SubjectKind.COLLECTIVE)
    with pytest.raises(ValidationError) as caught:
        save(commune_db, detail, reward_collective=None)
    assert "đã có 1 hồ sơ đề nghị hình thức này cho tập thể" in caught.value.errors["rewards"]


# Active, delete ---------------------------------------------------------------------------------

def test_a_form_out_of_use_is_listed_only_on_request(commune_db):
    gdvh = form_id(commune_db, "GDVH")
    set_award_form_active(commune_db, gdvh, False)
    assert "GDVH" not in [row.code for row in list_award_forms(commune_db)]
    assert not get_award_form(commune_db, gdvh).active
    set_award_form_active(commune_db, gdvh, True)
    assert len(list_award_forms(commune_db)) == 6


def test_delete_refused_while_nominations_use_the_form(commune_db):
    created = create_award_form(commune_db, new_form())
    nominate(commune_db, "KHEN_DOT_XUAT", NominationStatus.DRAFT)
    with pytest.raises(ConflictError, match="đã có 1 hồ sơ đề nghị"):
        delete_award_form(commune_db, created.id)
    assert get_award_form(commune_db, created.id).nomination_count == 1


def test_delete_an_unused_form_and_not_a_shipped_one(commune_db):
    created = create_award_form(commune_db, new_form())
    delete_award_form(commune_db, created.id)
    with commune_db.read() as session:
        assert session.scalar(select(func.count()).select_from(AwardForm)) == 6
    with pytest.raises(ConflictError, match="hình thức có sẵn theo quy định"):
        delete_award_form(commune_db, form_id(commune_db, "GDVH"))


# Restore ----------------------------------------------------------------------------------------

def test_restore_default_criteria(commune_db):
    detail = get_award_form(commune_db, form_id(commune_db, "LDTT"))
    original = detail.criteria
    lines = [dataclasses.replace(original[0], text="Hoàn thành nhiệm vụ."), original[1], original[2],
             CriterionInput(text="Tiêu chí xã tự thêm.")]
    update_award_form(commune_db, detail.id, dataclasses.replace(detail, criteria=lines), detail.version)
    restored = restore_default_criteria(commune_db, detail.id)
    assert [(c.code, c.text) for c in restored.criteria] == [(c.code, c.text) for c in original]
    assert [c.id for c in restored.criteria[:3]] == [c.id for c in original[:3]]
    assert restored.criteria[3].id != original[3].id  # k3b was removed, so it comes back as a new line
    assert restored.version == detail.version + 2


def test_restore_is_refused_for_a_form_the_commune_added(commune_db):
    created = create_award_form(commune_db, new_form())
    with pytest.raises(ConflictError, match="không có tiêu chí mặc định"):
        restore_default_criteria(commune_db, created.id)
    assert default_criteria("LDTT", [])[0].id is None


def test_discipline_levels_are_the_rule_values():
    assert RULE_CHOICES["members_no_discipline"].default_params() == {"level": DisciplineLevel.WARNING.value}
