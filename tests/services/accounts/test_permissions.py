"""Roles are enforced by the services: viewers only read, only leaders issue and record the council."""

from __future__ import annotations

import datetime as dt

import pytest
from account_helpers import PASSWORD, cheap_hashing, leader_and_staff  # noqa: F401
from council_helpers import open_meeting, vote
from decision_helpers import MEETING_DAY, form_ids, make_round, passed_nomination, passed_people
from decision_helpers import make_person as make_teacher

from app.errors import ConflictError, ServiceError
from app.models import DecisionStatus, DocumentType, NominationStatus
from app.models.enums import UnitKind, UserRole
from app.services.accounts.manage import authenticate, change_own_password, find_account
from app.services.accounts.permissions import may_take
from app.services.council.closing import close_meeting
from app.services.council.meetings import get_meeting
from app.services.decisions.data import DecisionInput, IssueInput
from app.services.decisions.drafts import create_decision
from app.services.decisions.issue import cancel_decision, issue_decision, issue_proposal
from app.services.decisions.queries import get_decision
from app.services.nominations.flow import record_review
from app.services.nominations.queries import get_nomination
from app.services.units import UnitInput, create_unit, list_units
from app.services.wording import load_wording, save_wording
from app.storage.actor import Actor, system_actor

pytestmark = pytest.mark.usefixtures("cheap_hashing")
TODAY = dt.date(2026, 11, 21)
NOT_A_LEADER = "Chỉ lãnh đạo mới được {}."


@pytest.fixture
def accounts(commune_db):
    return leader_and_staff(commune_db)


@pytest.fixture
def year_end(commune_db) -> int:
    wording = load_wording(commune_db, DocumentType.PROPOSAL)
    save_wording(commune_db, DocumentType.PROPOSAL, {**wording, "signer_name": "Phạm Văn Bình"})
    return make_round(commune_db)


@pytest.fixture
def draft_id(commune_db, year_end) -> int:
    form = form_ids(commune_db)["GIAY_KHEN"]
    passed_people(commune_db, year_end, form, names=("Trần Văn Bình",))
    data = DecisionInput(round_id=year_end, award_form_id=form, council_meeting_on=dt.date(2026, 11, 18))
    return create_decision(commune_db, data).row.id


def sign_in(db, username: str) -> None:
    db.actor = authenticate(db, username, PASSWORD)


def test_a_viewers_write_is_refused_with_their_name_and_nothing_is_saved(commune_db, accounts):
    sign_in(commune_db, "hoa")
    before = list_units(commune_db)
    with pytest.raises(ServiceError) as caught:
        create_unit(commune_db, UnitInput(name="Thôn Đoài", kind=UnitKind.VILLAGE))
    assert str(caught.value) == (
        "Tài khoản “hoa (Nguyễn Thị Hoa)” chỉ được xem, không được thay đổi dữ liệu.")
    assert list_units(commune_db) == before  # reading is allowed, and nothing was written


def test_a_viewer_signs_in_and_changes_their_own_password(commune_db, accounts):
    sign_in(commune_db, "hoa")
    assert find_account(commune_db, "hoa").last_login_at is not None
    change_own_password(commune_db, PASSWORD, "mật khẩu mới 1", "mật khẩu mới 1")
    assert authenticate(commune_db, "hoa", "mật khẩu mới 1").role is UserRole.VIEWER


def test_an_officer_edits(commune_db, accounts):
    sign_in(commune_db, "duc")
    assert create_unit(commune_db, UnitInput(name="Thôn Đoài", kind=UnitKind.VILLAGE)) > 0


def test_an_officer_may_not_number_the_proposal_or_issue(commune_db, accounts, draft_id):
    sign_in(commune_db, "duc")
    with pytest.raises(ServiceError, match=NOT_A_LEADER.format("cấp số tờ trình")):
        issue_proposal(commune_db, draft_id, IssueInput(day=TODAY))
    with pytest.raises(ServiceError, match=NOT_A_LEADER.format("ban hành quyết định")):
        issue_decision(commune_db, draft_id, IssueInput(day=TODAY))
    detail = get_decision(commune_db, draft_id)
    assert detail.row.status is DecisionStatus.DRAFT and not detail.row.number
    assert not detail.row.proposal_number


def test_a_leader_issues_and_only_a_leader_cancels(commune_db, accounts, draft_id):
    sign_in(commune_db, "lan")
    issue_proposal(commune_db, draft_id, IssueInput(day=TODAY))
    issued = issue_decision(commune_db, draft_id, IssueInput(day=TODAY))
    assert issued.row.status is DecisionStatus.ISSUED and issued.row.number
    sign_in(commune_db, "duc")
    with pytest.raises(ServiceError, match=NOT_A_LEADER.format("hủy quyết định")):
        cancel_decision(commune_db, draft_id, "Sai tên.")
    sign_in(commune_db, "lan")
    assert cancel_decision(commune_db, draft_id, "Sai tên.").row.status is DecisionStatus.CANCELLED


def test_only_a_leader_records_the_councils_result(commune_db, accounts, year_end):
    """The officer records the meeting and its vote; closing it (which moves the nominations) is a
    leader's step; the old direct review is refused for a form the council votes on."""
    form = form_ids(commune_db)["LDTT"]
    nomination = passed_nomination(commune_db, year_end, make_teacher(commune_db, "Lê Văn Tám"), form,
                                   review=False)
    sign_in(commune_db, "lan")
    with pytest.raises(ConflictError, match="chỉ được ghi qua phiên họp của Hội đồng"):
        record_review(commune_db, nomination, passed=True, today=TODAY)
    sign_in(commune_db, "duc")
    meeting_id = open_meeting(commune_db, MEETING_DAY, [nomination])
    item = get_meeting(commune_db, meeting_id).agenda[0]
    vote(commune_db, item.id, yes=3, no=12, present=15)
    for name in ("duc", "hoa"):
        sign_in(commune_db, name)
        with pytest.raises(ServiceError, match=NOT_A_LEADER.format(
                "kết thúc phiên họp và ghi kết quả bình xét của Hội đồng")):
            close_meeting(commune_db, meeting_id)
    assert get_nomination(commune_db, nomination, TODAY).status is NominationStatus.APPRAISED
    sign_in(commune_db, "lan")
    close_meeting(commune_db, meeting_id)
    assert get_nomination(commune_db, nomination, TODAY).status is NominationStatus.FAILED


def test_what_the_pages_offer_each_role():
    officer, viewer = Actor("duc", role=UserRole.OFFICER), Actor("hoa", role=UserRole.VIEWER)
    leader, alone = Actor("lan", role=UserRole.LEADER), system_actor()
    assert [may_take(a, "issue") for a in (leader, officer, viewer, alone)] == [True, False, False, True]
    assert [may_take(a, "edit") for a in (leader, officer, viewer, alone)] == [True, True, False, True]
    assert [may_take(a, "decision") for a in (leader, officer, viewer, alone)] == [True, True, True, True]
