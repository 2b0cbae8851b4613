"""The council's arithmetic: every threshold boundary, written opinions where the rule counts them and
not elsewhere, strict against inclusive, the quorum, and each check of a paper tally, in Vietnamese."""

from __future__ import annotations

from fractions import Fraction

import pytest

from app.models import ThresholdBase
from app.rules.council import (
    Tally,
    VoteCounts,
    VoteRule,
    fraction_text,
    needed_text,
    percent_text,
    poll_outcome,
    quorum,
    tally_problems,
    votes_needed,
)

CSTDCS = VoteRule(ThresholdBase.ALL_MEMBERS, Fraction(4, 5), strict=False, counts_opinions=True)
MAJORITY = VoteRule(ThresholdBase.PRESENT, Fraction(1, 2), strict=True, counts_opinions=False)


def counts(yes: int, present: int = 13, total: int = 15, **extra) -> VoteCounts:
    return VoteCounts(members_total=total, members_present=present, yes=yes, no=present - yes,
                      valid=present, returned=present, **extra)


def test_exactly_80_percent_of_all_members_passes_and_one_vote_less_fails():
    passed = poll_outcome(CSTDCS, counts(12))
    assert passed.passed and passed.share == Fraction(4, 5)
    assert passed.text == "12/15 thành viên đồng ý = 80,0 % ≥ 80 % tổng số thành viên Hội đồng → Đạt"
    failed = poll_outcome(CSTDCS, counts(11))
    assert not failed.passed
    assert failed.text == "11/15 thành viên đồng ý = 73,3 % < 80 % tổng số thành viên Hội đồng → Không đạt"


def test_the_base_is_all_members_not_those_present():
    # 12 of the 13 present is 92 %, but only 12/15 of the council: still exactly 80 %.
    assert poll_outcome(CSTDCS, counts(12, present=13)).base == 15
    assert not poll_outcome(CSTDCS, counts(11, present=11)).passed, "11 of 11 present is not 80 % of 15"


def test_a_written_opinion_counts_where_the_rule_says():
    outcome = poll_outcome(CSTDCS, counts(11, opinions_yes=1))
    assert outcome.passed and outcome.agree == 12
    assert outcome.text.startswith("11 phiếu + 1 ý kiến bằng văn bản = 12/15 thành viên đồng ý = 80,0 % ≥")
    assert not poll_outcome(CSTDCS, counts(11, opinions_no=1)).passed, "a disagreeing opinion adds nothing"


def test_a_written_opinion_changes_nothing_where_the_rule_does_not_count_it():
    ignores = VoteRule(ThresholdBase.ALL_MEMBERS, Fraction(4, 5), strict=False, counts_opinions=False)
    outcome = poll_outcome(ignores, counts(11, opinions_yes=1))
    assert not outcome.passed and outcome.agree == 11
    assert "ý kiến" not in outcome.text
    # on a base of members present, a counted opinion joins the base too
    present_rule = VoteRule(ThresholdBase.PRESENT, Fraction(1, 2), strict=True, counts_opinions=True)
    assert poll_outcome(present_rule, counts(6, present=12, opinions_yes=1)).text.startswith(
        "6 phiếu + 1 ý kiến bằng văn bản = 7/13 thành viên đồng ý = 53,8 % > 50 %")
    assert not poll_outcome(MAJORITY, counts(6, present=12, opinions_yes=1)).passed


def test_strict_needs_more_than_the_fraction_inclusive_takes_it():
    assert not poll_outcome(MAJORITY, counts(6, present=12)).passed
    assert poll_outcome(MAJORITY, counts(6, present=12)).text == (
        "6/12 thành viên đồng ý = 50,0 % ≤ 50 % số thành viên có mặt → Không đạt")
    assert poll_outcome(MAJORITY, counts(7, present=12)).passed
    inclusive = VoteRule(ThresholdBase.PRESENT, Fraction(1, 2), strict=False)
    assert poll_outcome(inclusive, counts(6, present=12)).passed


@pytest.mark.parametrize(("rule", "base", "needed"), [
    (CSTDCS, 15, 12), (CSTDCS, 14, 12), (CSTDCS, 10, 8), (MAJORITY, 12, 7), (MAJORITY, 13, 7),
    (VoteRule(ThresholdBase.PRESENT, Fraction(1, 2)), 12, 6),
    (VoteRule(ThresholdBase.PRESENT, Fraction(2, 3)), 9, 6),
    (VoteRule(ThresholdBase.PRESENT, Fraction(2, 3), strict=True), 9, 7),
])
def test_votes_needed_is_the_boundary(rule, base, needed):
    assert votes_needed(rule, base) == needed
    below = VoteCounts(base, base, needed - 1, valid=base, returned=base)
    at = VoteCounts(base, base, needed, valid=base, returned=base)
    assert not poll_outcome(rule, below).passed and poll_outcome(rule, at).passed


def test_needed_text_before_the_vote():
    assert needed_text(CSTDCS, 15) == "Cần ít nhất 12/15 phiếu đồng ý (≥ 80 % tổng số thành viên Hội đồng)"
    valid = VoteRule(ThresholdBase.VALID_BALLOTS, Fraction(1, 2), strict=True)
    assert needed_text(valid, None) == "Cần > 50 % số phiếu hợp lệ đồng ý"
    assert needed_text(CSTDCS, 0).endswith("không thể đạt")


def test_bases_of_ballots():
    valid = VoteRule(ThresholdBase.VALID_BALLOTS, Fraction(1, 2), strict=True)
    cast = VoteRule(ThresholdBase.CAST_BALLOTS, Fraction(1, 2), strict=True)
    tally = VoteCounts(15, 13, yes=6, no=5, valid=11, returned=13)
    assert poll_outcome(valid, tally).text == "6/11 phiếu đồng ý = 54,5 % > 50 % số phiếu hợp lệ → Đạt"
    assert poll_outcome(cast, tally).text == "6/13 phiếu đồng ý = 46,2 % ≤ 50 % số phiếu thu về → Không đạt"
    assert not poll_outcome(valid, VoteCounts(15, 0, yes=0)).passed


def test_vietnamese_numbers():
    assert percent_text(Fraction(2, 3)) == "66,7 %"
    assert percent_text(Fraction(1, 8)) == "12,5 %"
    assert fraction_text(Fraction(4, 5)) == "80 %"
    assert fraction_text(Fraction(2, 3)) == "2/3"
    assert fraction_text(Fraction(333, 1000)) == "33,3 %"


def test_quorum_of_two_thirds():
    assert quorum(10, 15, Fraction(2, 3)).reached
    short = quorum(9, 15, Fraction(2, 3))
    assert not short.reached and short.needed == 10
    assert short.text == ("Có mặt 9/15 thành viên; cần ít nhất 10 (2/3 tổng số thành viên): "
                          "chưa đủ số thành viên để biểu quyết.")
    assert not quorum(0, 0, Fraction(2, 3)).reached


def test_a_tally_that_adds_up_has_no_problem():
    assert tally_problems(Tally(13, 13, 12, 1, 10, 2), present=13) == {}


@pytest.mark.parametrize(("tally", "field", "message"), [
    (Tally(14, 13, 12, 1, 10, 2), "ballots_issued",
     "Số phiếu phát ra (14) không được nhiều hơn số thành viên có mặt (13)."),
    (Tally(12, 13, 12, 1, 10, 2), "ballots_returned",
     "Số phiếu thu về (13) không được nhiều hơn số phiếu phát ra (12)."),
    (Tally(13, 13, 11, 1, 10, 1), "ballots_valid",
     "Số phiếu hợp lệ (11) cộng phiếu không hợp lệ (1) phải bằng số phiếu thu về (13)."),
    (Tally(13, 13, 12, 1, 10, 3), "yes_votes",
     "Số phiếu đồng ý (10) cộng phiếu không đồng ý (3) không được nhiều hơn số phiếu hợp lệ (12)."),
    (Tally(13, None, 12, 1, 10, 2), "ballots_returned", "Số phiếu thu về: chưa nhập."),
    (Tally(13, 13, 12, 1, -1, 2), "yes_votes", "Số phiếu đồng ý: không được âm (-1)."),
])
def test_each_tally_mismatch_is_named(tally, field, message):
    assert tally_problems(tally, present=13)[field] == message


def test_every_mismatch_is_named_at_once():
    problems = tally_problems(Tally(14, 15, 10, 1, 9, 3), present=13)
    assert set(problems) == {"ballots_issued", "ballots_returned", "ballots_valid", "yes_votes"}
