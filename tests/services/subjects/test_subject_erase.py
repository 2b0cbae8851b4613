"""Erase on request: the plan, what remains and what is gone with and without state records, files removed
from the store only when unused, the refusals, a failure midway changing nothing, and the CLI face."""

from __future__ import annotations

from pathlib import Path

import pytest
from decision_helpers import form_ids, make_person, make_round, passed_nomination
from personal_data_helpers import CITIZEN_ID, NAME, TODAY
from personal_data_helpers import make_person as make_rich_person
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.cli.main import main
from app.errors import ConflictError, NotFoundError, ServiceError, ValidationError
from app.models import (
    AwardRecord,
    Decision,
    DecisionEntry,
    DocumentType,
    Exemplar,
    ExemplarFile,
    HoldFlag,
    Nomination,
    StoredFile,
    Subject,
    SubjectKind,
    UserRole,
)
from app.services.accounts.permissions import PermissionDeniedError
from app.services.decisions.data import DecisionInput, IssueInput
from app.services.decisions.documents import decision_document
from app.services.decisions.drafts import create_decision
from app.services.decisions.issue import issue_proposal
from app.services.exemplars.crud import create_exemplar
from app.services.exemplars.data import ExemplarInput
from app.services.subjects import erase as subject_erase
from app.services.subjects.crud import create_subject
from app.services.subjects.data import SubjectInput
from app.services.subjects.erase import erase_plan, erase_subject
from app.services.wording import load_wording, save_wording
from app.storage.actor import Actor
from app.storage.paths import backups_dir

REASON = "Đơn đề nghị xóa dữ liệu ngày 20/11/2026"


@pytest.fixture
def rich(commune_db, tmp_path):
    return make_rich_person(commune_db, tmp_path / "source")


@pytest.fixture
def newcomer(commune_db, tmp_path):
    return make_rich_person(commune_db, tmp_path / "source", with_history=False)


def erase(db, subject_id, reason=REASON, name=NAME, **extra):
    return erase_subject(db, subject_id, reason, name, today=TODAY, **extra)


def count(db, model, *where) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where))


def snapshot(db) -> dict:
    """Every row count that an erasure changes, and the person's citizen ID."""
    models = (Subject, Nomination, DecisionEntry, Exemplar, ExemplarFile, HoldFlag, AwardRecord, StoredFile)
    with db.read() as session:
        counts = {m.__name__: session.scalar(select(func.count()).select_from(m)) for m in models}
        counts["cccd"] = session.scalar(select(Subject.citizen_id).where(Subject.name == NAME))
    return counts


def backups(db) -> list[Path]:
    folder = backups_dir(db.data_dir)
    return sorted(folder.glob("*truoc-xoa-du-lieu*.sqlite3")) if folder.is_dir() else []


# The plan ------------------------------------------------------------------------------------------

def test_the_plan_with_state_records_lists_what_goes_and_what_stays(commune_db, rich):
    plan = erase_plan(commune_db, rich.subject_id)
    assert not plan.deletes_subject and "giữ theo quy định về lưu trữ" in plan.rule
    assert plan.delete[0].startswith("Thông tin cá nhân: số CCCD, ngày sinh, giới tính, dân tộc")
    assert any("1 hồ sơ đề nghị khen thưởng chưa có quyết định" in line for line in plan.delete)
    assert any("1 hồ sơ điển hình tiên tiến" in line for line in plan.delete)
    assert plan.files_removed == ("bien-ban.pdf", "bao-xa.pdf", "anh-hien-dat.jpg")
    kept = [item.what for item in plan.keep]
    assert any("Quyết định số 01/QĐ-UBND ngày 21/11/2026" in what for what in kept)
    assert any("2 lần khen thưởng" in what for what in kept)
    assert any("chung.docx" in what for what in kept)
    assert all(item.why for item in plan.keep)


def test_the_plan_without_state_records_deletes_the_subject(commune_db, newcomer):
    plan = erase_plan(commune_db, newcomer.subject_id)
    assert plan.deletes_subject and "xóa hẳn" in plan.rule
    assert plan.delete[0] == f"Hồ sơ “{NAME}” với mọi thông tin trong đó"
    assert not any("Quyết định" in item.what for item in plan.keep)


def test_planning_changes_nothing(commune_db, rich):
    before = snapshot(commune_db)
    erase_plan(commune_db, rich.subject_id)
    assert snapshot(commune_db) == before and backups(commune_db) == []


# With state records --------------------------------------------------------------------------------

def test_erase_keeps_the_state_record_and_blanks_the_rest(commune_db, rich):
    result = erase(commune_db, rich.subject_id)
    with commune_db.read() as session:
        subject = session.get(Subject, rich.subject_id)
        assert subject.name == NAME and subject.unit.name == "Trường Tiểu học Hòa Bình"
        assert subject.citizen_id is None and subject.birth_date is None and subject.gender is None
        assert (subject.ethnicity, subject.position, subject.address, subject.phone) == ("", "", "", "")
        assert subject.occupation_group is None and subject.erased_on == TODAY
        assert subject.note == f"Đã xóa dữ liệu cá nhân theo yêu cầu ngày 21/11/2026. Lý do: {REASON}"
        assert [a.decision_no for a in subject.awards] == ["12/QĐ-UBND", "01/QĐ-UBND"]
        assert subject.holds == []
        decided = session.get(Nomination, rich.decided_nomination)
        assert decided is not None and decided.report.achievements
        assert session.get(Nomination, rich.open_nomination) is None
        assert session.get(Exemplar, rich.exemplar_id) is None
    assert "Đã xóa dữ liệu cá nhân của “Nguyễn Thị Hoa”" in result.summary()


def test_the_issued_decision_reads_as_issued(commune_db, rich):
    with commune_db.read() as session:
        decision_id = session.scalar(select(DecisionEntry.decision_id))
    before = decision_document(commune_db, decision_id).texts()
    erase(commune_db, rich.subject_id)
    assert decision_document(commune_db, decision_id).texts() == before
    assert NAME in " ".join(before)


def test_unused_files_leave_the_store_and_shared_ones_stay(commune_db, rich):
    result = erase(commune_db, rich.subject_id)
    for name in ("bien-ban.pdf", "bao-xa.pdf", "anh-hien-dat.jpg"):
        assert not rich.files[name].exists(), name
    assert rich.shared_file.exists() and result.files_removed == 3 and result.files_left == ()
    with commune_db.read() as session:
        names = set(session.scalars(select(StoredFile.original_name)))
    assert names == {"chung.docx"}
    assert count(commune_db, ExemplarFile) == 1  # the neighbour's exemplar keeps it


def test_a_verified_backup_is_made_first(commune_db, rich):
    result = erase(commune_db, rich.subject_id)
    assert backups(commune_db) == [result.backup]
    import sqlite3

    with sqlite3.connect(result.backup) as conn:  # the backup still has what was erased
        assert conn.execute("SELECT citizen_id FROM subject WHERE id = ?", (rich.subject_id,)).fetchone() == (
            CITIZEN_ID,)


def test_a_second_erasure_has_nothing_left_to_do(commune_db, rich):
    erase(commune_db, rich.subject_id)
    plan = erase_plan(commune_db, rich.subject_id)
    assert plan.erased_on == TODAY and plan.delete == ()
    with pytest.raises(ConflictError, match="Không còn dữ liệu cá nhân nào"):
        erase(commune_db, rich.subject_id)


def test_a_draft_whose_proposal_has_a_number_is_a_state_record(commune_db):
    wording = load_wording(commune_db, DocumentType.PROPOSAL)
    save_wording(commune_db, DocumentType.PROPOSAL, {**wording, "signer_name": "Phạm Văn Bình"})
    forms, round_id = form_ids(commune_db), make_round(commune_db)
    person = make_person(commune_db, NAME)
    passed_nomination(commune_db, round_id, person, forms["LDTT"])
    data = DecisionInput(round_id=round_id, award_form_id=forms["LDTT"], council_meeting_on=TODAY)
    issue_proposal(commune_db, create_decision(commune_db, data).row.id, IssueInput(day=TODAY))
    plan = erase_plan(commune_db, person)
    assert not plan.deletes_subject
    assert any(item.what.startswith("Tờ trình số 01/") for item in plan.keep)


# Without state records ------------------------------------------------------------------------------

def test_erase_without_state_records_deletes_everything(commune_db, newcomer):
    result = erase(commune_db, newcomer.subject_id)
    assert count(commune_db, Subject, Subject.id == newcomer.subject_id) == 0
    assert count(commune_db, Nomination) == 0 and count(commune_db, HoldFlag) == 0
    assert count(commune_db, Exemplar) == 1  # the neighbour's
    assert not rich_files_left(newcomer) and newcomer.shared_file.exists()
    assert result.summary().startswith(f"Đã xóa hẳn “{NAME}”")


def rich_files_left(person) -> list[str]:
    return [name for name, path in person.files.items() if path.exists() and path != person.shared_file]


def test_a_passed_nomination_leaves_its_draft_decision(commune_db):
    """Passed by a council meeting (its agenda and minutes name it): the nomination is kept as a state
    record, the person with it (erased), but it leaves the unnumbered draft; the other nominee stays."""
    forms, round_id = form_ids(commune_db), make_round(commune_db)
    person, other = make_person(commune_db, NAME), make_person(commune_db, "Trần Văn Bình")
    ours = passed_nomination(commune_db, round_id, person, forms["LDTT"])
    theirs = passed_nomination(commune_db, round_id, other, forms["LDTT"])
    data = DecisionInput(round_id=round_id, award_form_id=forms["LDTT"], council_meeting_on=TODAY)
    draft = create_decision(commune_db, data)
    plan = erase_plan(commune_db, person)
    assert not plan.deletes_subject and any("1 dự thảo quyết định" in line for line in plan.delete)
    assert plan.council_kept is not None and f"Hồ sơ đề nghị số {ours} " in plan.council_kept.what
    result = erase(commune_db, person)
    assert "phiên họp Hội đồng Thi đua - Khen thưởng" in result.summary()
    with commune_db.read() as session:
        entries = session.scalars(select(DecisionEntry.nomination_id)).all()
        assert entries == [theirs] and session.get(Nomination, ours) is not None
        assert session.get(Decision, draft.row.id).version == draft.version + 1
        assert session.get(Subject, person).erased_on == TODAY


def test_a_household_keeps_its_head_name(commune_db):
    data = SubjectInput(kind=SubjectKind.HOUSEHOLD, name="Hộ ông Phạm Văn Sáu", head_name="Phạm Văn Sáu",
                        address="Thôn Đông", phone="0987654321")
    household = create_subject(commune_db, data)
    with commune_db.transaction() as session:
        session.add(AwardRecord(subject_id=household.id, form_name="Gia đình văn hóa", year=2025))
    erase(commune_db, household.id, name="hộ ông phạm văn sáu")
    with commune_db.read() as session:
        subject = session.get(Subject, household.id)
        assert (subject.head_name, subject.address, subject.phone) == ("Phạm Văn Sáu", "", "")


# Refusals -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("reason", "name", "field", "message"), [
    ("  ", NAME, "reason", "Lý do xóa: không được để trống."),
    (REASON, "Nguyễn Thị Hòa", "confirm_name", "hãy gõ đúng “Nguyễn Thị Hoa”"),
    ("x" * 1001, NAME, "reason", "dài quá 1000 ký tự"),
])
def test_a_bad_reason_or_name_is_refused_before_anything(commune_db, rich, reason, name, field, message):
    before = snapshot(commune_db)
    with pytest.raises(ValidationError) as caught:
        erase(commune_db, rich.subject_id, reason, name)
    assert message in caught.value.errors[field]
    assert snapshot(commune_db) == before and backups(commune_db) == []


def test_a_collective_is_refused(commune_db):
    team = create_subject(commune_db, SubjectInput(kind=SubjectKind.COLLECTIVE, name="Tổ Toán"))
    with pytest.raises(ServiceError, match="là tập thể"):
        erase_plan(commune_db, team.id)


def test_an_unknown_subject_is_named(commune_db):
    with pytest.raises(NotFoundError, match="số 404"):
        erase_plan(commune_db, 404)


@pytest.mark.parametrize(("role", "allowed"), [(UserRole.VIEWER, False), (UserRole.OFFICER, False),
                                              (UserRole.LEADER, True)])
def test_only_a_leader_may_erase(commune_db, newcomer, role, allowed):
    commune_db.actor = Actor("lan", "Trần Thị Lan", role, user_id=None)
    if allowed:
        erase(commune_db, newcomer.subject_id)
        assert count(commune_db, Subject, Subject.id == newcomer.subject_id) == 0
    else:
        with pytest.raises(PermissionDeniedError, match="Chỉ lãnh đạo"):
            erase(commune_db, newcomer.subject_id)
        assert backups(commune_db) == []


def test_a_change_since_the_plan_was_shown_is_refused(commune_db, rich):
    plan = erase_plan(commune_db, rich.subject_id)
    create_exemplar(commune_db, ExemplarInput(subject_id=rich.subject_id, introduced_on=TODAY), today=TODAY)
    before = snapshot(commune_db)
    with pytest.raises(ConflictError, match="vừa thay đổi"):
        erase(commune_db, rich.subject_id, expected=plan)
    assert snapshot(commune_db) == before


# Failures -------------------------------------------------------------------------------------------

def test_a_failure_midway_leaves_everything_as_before(commune_db, rich, monkeypatch):
    before = snapshot(commune_db)

    def broken(*_args):
        raise RuntimeError("mất điện giữa chừng")

    monkeypatch.setattr(subject_erase, "_blank", broken)  # after the deletions were flushed
    with pytest.raises(RuntimeError):
        erase(commune_db, rich.subject_id)
    assert snapshot(commune_db) == before and before["cccd"] == CITIZEN_ID
    assert all(path.exists() for path in rich.files.values())


def test_a_failure_deleting_the_subject_leaves_everything_as_before(commune_db, newcomer, monkeypatch):
    before = snapshot(commune_db)
    real_delete = Session.delete

    def delete(session, instance):
        if isinstance(instance, Subject):
            raise RuntimeError("ổ đĩa lỗi")
        real_delete(session, instance)

    monkeypatch.setattr(Session, "delete", delete)
    with pytest.raises(RuntimeError):
        erase(commune_db, newcomer.subject_id)
    assert snapshot(commune_db) == before
    assert all(path.exists() for path in newcomer.files.values())


def test_a_file_that_cannot_be_deleted_is_named(commune_db, rich, monkeypatch):
    photo = rich.files["anh-hien-dat.jpg"]
    real_unlink = Path.unlink

    def unlink(path, missing_ok=False):
        if path == photo:
            raise PermissionError(13, "Permission denied")
        real_unlink(path, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    result = erase(commune_db, rich.subject_id)
    assert result.files_left == (photo,) and result.files_removed == 2
    assert str(photo) in result.summary() and "hãy xóa bằng tay" in result.summary()
    assert snapshot(commune_db)["cccd"] is None


# CLI ------------------------------------------------------------------------------------------------

def run(data_dir, *args) -> int:
    return main(["--data-dir", str(data_dir), "subject", "erase", *args])


def test_cli_without_yes_prints_the_plan_and_exits_1(capsys, commune_db, rich, data_dir):
    before = snapshot(commune_db)
    assert run(data_dir, str(rich.subject_id)) == 1
    out = capsys.readouterr().out
    assert f"Đối tượng số {rich.subject_id}: {NAME}" in out and "Sẽ xóa:" in out and "Giữ lại:" in out
    assert "Chưa xóa gì" in out
    assert snapshot(commune_db) == before


def test_cli_with_yes_erases(capsys, commune_db, rich, data_dir):
    assert run(data_dir, str(rich.subject_id), "--reason", REASON, "--yes") == 0
    assert "Đã xóa dữ liệu cá nhân" in capsys.readouterr().out
    assert snapshot(commune_db)["cccd"] is None


def test_cli_with_yes_but_no_reason_exits_2(capsys, commune_db, rich, data_dir):
    assert run(data_dir, str(rich.subject_id), "--yes") == 2
    err = capsys.readouterr().err
    assert "Lý do xóa: không được để trống." in err and err.count("\n") == 1
    assert snapshot(commune_db)["cccd"] == CITIZEN_ID



def test_the_audit_trail_forgets_the_erased_values_and_still_verifies(commune_db) -> None:
    from sqlalchemy import select

    from app.models import AuditEvent
    from app.models.enums import Gender, SubjectKind
    from app.services.safety.integrity import check_database
    from app.services.subjects.crud import create_subject, get_subject, update_subject
    from app.services.subjects.data import SubjectInput
    from app.services.subjects.erase import erase_subject

    made = create_subject(commune_db, SubjectInput(kind=SubjectKind.INDIVIDUAL, name="Phạm Thị Hoa",
                                                   gender=Gender.FEMALE, ethnicity="Mường"))
    detail = get_subject(commune_db, made.id)
    update_subject(commune_db, made.id, SubjectInput(kind=SubjectKind.INDIVIDUAL, name="Phạm Thị Hoa",
                                                      gender=Gender.FEMALE, ethnicity="Tày"), detail.version)
    erase_subject(commune_db, made.id, "Bà Hoa đề nghị xóa", "Phạm Thị Hoa")
    with commune_db.read() as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.entity == "subject",
                                                          AuditEvent.entity_id == made.id)).all()
    text = " ".join(e.summary + e.before_json + e.after_json for e in events)
    assert len(events) == 3 and "Mường" not in text and "Tày" not in text and "Hoa" not in text
    assert check_database(commune_db, full=True).ok
