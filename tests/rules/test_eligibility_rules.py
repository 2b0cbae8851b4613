"""The rules that decide criteria from data, on plain facts (no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.models.enums import (
    AwardKind,
    CriterionMode,
    CriterionOutcome,
    DisciplineLevel,
    HoldKind,
    NominationStatus,
    RoundKind,
    SubjectKind,
)
from app.rules.checklist import CriterionSpec, Judgement, build_checklist
from app.rules.eligibility import (
    AwardFact,
    HoldFact,
    MemberFact,
    NominationFacts,
    PeerNomination,
    kind_matches,
    ldtt_same_year,
    members_ldtt_share,
    members_no_discipline,
    not_on_hold,
    not_twice,
)

MET, NOT_MET, UNKNOWN = CriterionOutcome.MET, CriterionOutcome.NOT_MET, CriterionOutcome.UNKNOWN
YEAR = 2026
TODAY = dt.date(2026, 11, 21)


def facts(**changes) -> NominationFacts:
    values = dict(
        nomination_id=1, subject_kind=SubjectKind.INDIVIDUAL, form_code="CSTDCS",
        form_name="Chiến sĩ thi đua cơ sở", form_kind=AwardKind.TITLE, form_kinds=(SubjectKind.INDIVIDUAL,),
        round_id=10, round_kind=RoundKind.YEAR_END, year=YEAR, on_date=TODAY,
    )
    values.update(changes)
    return NominationFacts(**values)


def ldtt(year: int = YEAR, counts: bool = True) -> AwardFact:
    return AwardFact("LDTT", "Lao động tiên tiến", year, counts, "QĐ số 12/QĐ-UBND")


def peer(id_: int, code: str, status=NominationStatus.DRAFT, round_id=10, kind=RoundKind.YEAR_END):
    return PeerNomination(id_, code, code, round_id, kind, status)


def discipline(level: DisciplineLevel, start=dt.date(2026, 3, 1), end=dt.date(2026, 9, 1)) -> HoldFact:
    return HoldFact(HoldKind.DISCIPLINE, level, start, end)


# --- CSTĐCS needs LĐTT in the same year ------------------------------------------------------------

def test_ldtt_from_history_in_the_same_year_meets():
    result = ldtt_same_year(facts(awards=(ldtt(),)), {})
    assert result.outcome is MET
    assert "QĐ số 12/QĐ-UBND" in result.reason


def test_ldtt_of_another_year_does_not_meet():
    result = ldtt_same_year(facts(awards=(ldtt(YEAR - 1),)), {})
    assert result.outcome is NOT_MET
    assert f"năm {YEAR}" in result.reason


def test_ldtt_nominated_in_the_same_round_meets_unless_it_failed():
    assert ldtt_same_year(facts(peers=(peer(2, "LDTT"),)), {}).outcome is MET
    failed = peer(2, "LDTT", NominationStatus.FAILED)
    assert ldtt_same_year(facts(peers=(failed,)), {}).outcome is NOT_MET


def test_ldtt_nominated_in_another_round_does_not_count():
    assert ldtt_same_year(facts(peers=(peer(2, "LDTT", round_id=11),)), {}).outcome is NOT_MET


def test_ad_hoc_or_thematic_ldtt_does_not_count_toward_merit():
    result = ldtt_same_year(facts(awards=(ldtt(counts=False),)), {})
    assert result.outcome is NOT_MET
    assert "đột xuất, chuyên đề không được tính" in result.reason
    thematic_peer = peer(2, "LDTT", kind=RoundKind.THEMATIC)
    assert ldtt_same_year(facts(peers=(thematic_peer,)), {}).outcome is NOT_MET


# --- TTLĐTT: ≥ 70 % of members LĐTT, no member disciplined at cảnh cáo or above --------------------

def members(titled: int, total: int) -> tuple[MemberFact, ...]:
    return tuple(
        MemberFact(i, f"Người {i}", awards=(ldtt(),) if i < titled else ()) for i in range(total)
    )


def collective(titled: int, total: int, member_count: int | None = None) -> NominationFacts:
    return facts(
        subject_kind=SubjectKind.COLLECTIVE, form_code="TTLDTT", form_name="Tập thể lao động tiên tiến",
        form_kinds=(SubjectKind.COLLECTIVE,), members=members(titled, total), member_count=member_count,
    )


@pytest.mark.parametrize(("titled", "total", "outcome"), [
    (7, 10, MET),  # exactly 70 % passes
    (700, 1000, MET),
    (699, 1000, NOT_MET),  # 69,9 % fails
    (6, 10, NOT_MET),
    (10, 10, MET),
    (0, 3, NOT_MET),
])
def test_members_ldtt_share_boundary(titled, total, outcome):
    assert members_ldtt_share(collective(titled, total), {"percent": 70}).outcome is outcome


def test_share_reason_gives_the_figures_in_vietnamese():
    result = members_ldtt_share(collective(699, 1000), {"percent": 70})
    assert "699/1000" in result.reason and "69,9%" in result.reason


def test_declared_member_count_is_the_denominator_when_larger():
    # 7 linked members all LĐTT, but the collective declares 11 members: 63,6 %.
    assert members_ldtt_share(collective(7, 7, member_count=11), {"percent": 70}).outcome is NOT_MET
    assert members_ldtt_share(collective(7, 7, member_count=10), {"percent": 70}).outcome is MET


def test_no_members_known_is_undecided():
    assert members_ldtt_share(collective(0, 0), {"percent": 70}).outcome is UNKNOWN


def test_members_ldtt_pending_in_the_same_round_count():
    people = tuple(MemberFact(i, f"N{i}", peers=(peer(100 + i, "LDTT"),)) for i in range(7)) + tuple(
        MemberFact(i, f"N{i}") for i in range(7, 10)
    )
    result = members_ldtt_share(facts(subject_kind=SubjectKind.COLLECTIVE, members=people), {"percent": 70})
    assert result.outcome is MET


@pytest.mark.parametrize(("level", "outcome"), [
    (DisciplineLevel.REPRIMAND, MET),  # khiển trách is below cảnh cáo
    (DisciplineLevel.WARNING, NOT_MET),
    (DisciplineLevel.DISMISSAL, NOT_MET),
])
def test_member_discipline_from_warning_up_fails(level, outcome):
    people = (MemberFact(1, "Lê Văn An", holds=(discipline(level),)), MemberFact(2, "Trần Bình"))
    result = members_no_discipline(facts(members=people), {"level": "warning"})
    assert result.outcome is outcome
    if outcome is NOT_MET:
        assert "Lê Văn An" in result.reason


def test_member_discipline_in_another_year_does_not_count():
    old = discipline(DisciplineLevel.WARNING, dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    people = (MemberFact(1, "Lê Văn An", holds=(old,)),)
    assert members_no_discipline(facts(members=people), {"level": "warning"}).outcome is MET


# --- holds, kinds, duplicates ----------------------------------------------------------------------

def test_active_hold_fails_and_ended_hold_meets_with_a_note():
    investigation = HoldFact(HoldKind.INVESTIGATION, None, dt.date(2026, 10, 1), None)
    result = not_on_hold(facts(holds=(investigation,)), {})
    assert result.outcome is NOT_MET and "01/10/2026" in result.reason
    ended = discipline(DisciplineLevel.REPRIMAND, dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    result = not_on_hold(facts(holds=(ended,)), {})
    assert result.outcome is MET and "30/06/2026" in result.reason


def test_form_must_apply_to_the_subject_kind():
    assert kind_matches(facts(), {}).outcome is MET
    wrong = kind_matches(facts(subject_kind=SubjectKind.HOUSEHOLD), {})
    assert wrong.outcome is NOT_MET and "hộ gia đình" in wrong.reason


def test_same_form_twice_in_a_round_is_a_duplicate():
    result = not_twice(facts(form_code="LDTT", peers=(peer(1, "LDTT"), peer(5, "LDTT"))), {})
    assert result.outcome is NOT_MET and "cùng đợt" in result.reason
    assert "số 5" not in result.reason, "the officer is told what the thing is, not its number"


def test_same_title_in_another_round_names_that_round():
    other = PeerNomination(7, "LDTT", "LDTT", 11, RoundKind.YEAR_END, NominationStatus.PROPOSED,
                           "Bình xét cuối năm 2026")
    result = not_twice(facts(form_code="LDTT", peers=(other,)), {})
    assert result.outcome is NOT_MET and "đợt “Bình xét cuối năm 2026”" in result.reason


def test_title_already_received_this_year_is_a_duplicate():
    assert not_twice(facts(form_code="LDTT", awards=(ldtt(),)), {}).outcome is NOT_MET
    assert not_twice(facts(form_code="LDTT", awards=(ldtt(YEAR - 1),)), {}).outcome is MET


def test_commendation_twice_in_a_year_is_allowed_with_a_reminder():
    gk = AwardFact("GIAY_KHEN", "Giấy khen", YEAR, True, "QĐ số 3/QĐ-UBND")
    result = not_twice(facts(form_code="GIAY_KHEN", form_kind=AwardKind.COMMENDATION, awards=(gk,)), {})
    assert result.outcome is MET and "hai lần" in result.reason


def test_failed_peer_is_not_a_duplicate():
    failed = peer(5, "LDTT", NominationStatus.FAILED)
    assert not_twice(facts(form_code="LDTT", peers=(failed,)), {}).outcome is MET


# --- the checklist -----------------------------------------------------------------------------------

def judged(id_: int, group: str = "") -> CriterionSpec:
    return CriterionSpec(id_, f"c{id_}", f"Tiêu chí {id_};", "Luật", CriterionMode.JUDGED, any_of_group=group)


def test_checklist_is_ready_only_when_everything_is_decided_and_met():
    specs = [judged(1), judged(2)]
    checklist = build_checklist(facts(awards=(ldtt(),)), specs, {1: Judgement(MET)})
    assert not checklist.ready and checklist.missing == ("Chưa đánh giá: Tiêu chí 2",)
    checklist = build_checklist(facts(), specs, {1: Judgement(MET), 2: Judgement(MET)})
    assert checklist.ready and checklist.summary() == "Đủ điều kiện trình Hội đồng"
    checklist = build_checklist(facts(), specs, {1: Judgement(MET), 2: Judgement(NOT_MET, "thiếu")})
    assert not checklist.ready and checklist.failures == ("Không đạt: Tiêu chí 2",)


def test_general_checks_come_first_and_block_readiness():
    on_hold = HoldFact(HoldKind.COMPLAINT, None, dt.date(2026, 11, 1), None)
    checklist = build_checklist(facts(holds=(on_hold,)), [judged(1)], {1: Judgement(MET)})
    assert [line.code for line in checklist.lines[:3]] == ["kind_matches", "not_on_hold", "not_twice"]
    assert not checklist.ready and "tạm hoãn" in checklist.failures[0]


def test_any_of_group_needs_one_met_and_fails_when_all_fail():
    specs = [judged(1), judged(2, "g"), judged(3, "g")]
    base = {1: Judgement(MET)}
    assert build_checklist(facts(), specs, {**base, 3: Judgement(MET)}).ready
    pending = build_checklist(facts(), specs, {**base, 2: Judgement(NOT_MET, "x")})
    assert not pending.ready and pending.missing and not pending.failures
    failed = build_checklist(facts(), specs, {**base, 2: Judgement(NOT_MET, "x"), 3: Judgement(NOT_MET, "y")})
    assert failed.failures and "một trong các tiêu chí" in failed.failures[0]


def test_rule_line_carries_its_reason_and_unknown_rule_is_undecided():
    rule = CriterionSpec(7, "k1", "Đạt LĐTT;", "Điều 23", CriterionMode.RULE, "ldtt_same_year")
    missing_rule = CriterionSpec(8, "x", "X", "", CriterionMode.RULE, "no_such_rule")
    checklist = build_checklist(facts(), [rule, missing_rule], {})
    line = checklist.lines[3]
    assert line.by_rule and line.outcome is NOT_MET and "Chưa có danh hiệu" in line.reason
    assert checklist.lines[4].outcome is UNKNOWN
