"""`sovang nominations check` says "đủ điều kiện" only as the nominations page's banner does: every criterion
decided and the report's achievements filled (NominationDetail.ready_for_council)."""

from __future__ import annotations

from sqlalchemy import select

from app.cli.main import main
from app.models import AwardForm, CriterionOutcome, Gender, RoundKind, SubjectKind
from app.services.nominations.crud import create_nomination, update_report
from app.services.nominations.data import JudgementInput, NominationInput, ReportInput
from app.services.nominations.flow import set_judgement
from app.services.nominations.queries import get_nomination
from app.services.rounds import RoundInput, create_round
from app.services.subjects.crud import create_subject
from app.services.subjects.data import SubjectInput

READY = "Kết luận: đủ điều kiện trình Hội đồng."


def judged_nomination(db) -> int:
    """A new LĐTT nomination with every criterion the appraiser decides judged met, its report still empty."""
    with db.read() as session:
        form_id = session.scalar(select(AwardForm.id).where(AwardForm.code == "LDTT"))
    round_id = create_round(db, RoundInput(name="Tổng kết năm 2026", kind=RoundKind.YEAR_END, year=2026))
    subject_id = create_subject(db, SubjectInput(kind=SubjectKind.INDIVIDUAL, name="Nguyễn Thị Hoa",
                                                 gender=Gender.FEMALE, position="Giáo viên")).id
    nomination_id = create_nomination(db, NominationInput(round_id, subject_id, form_id))
    for line in get_nomination(db, nomination_id).checklist.lines:
        if line.criterion_id is not None and not line.by_rule:
            judgement = JudgementInput(line.criterion_id, CriterionOutcome.MET, "Đã kiểm tra")
            set_judgement(db, nomination_id, judgement)
    return nomination_id


def check(capsys, db, nomination_id: int, *extra: str) -> tuple[int, str]:
    code = main(["--data-dir", str(db.data_dir), "nominations", "check", str(nomination_id), *extra])
    return code, capsys.readouterr().out


def test_every_criterion_met_but_no_report_is_not_ready(capsys, commune_db) -> None:
    nomination_id = judged_nomination(commune_db)
    detail = get_nomination(commune_db, nomination_id)
    assert detail.checklist.ready and not detail.report_filled and not detail.ready_for_council
    code, out = check(capsys, commune_db, nomination_id)
    assert code == 1 and READY not in out
    assert "Kết luận: chưa trình Hội đồng được — chưa có báo cáo thành tích:" in out
    assert "\n- Chưa có báo cáo thành tích: phần “Thành tích đạt được” còn trống.\n" in out
    code, out = check(capsys, commune_db, nomination_id, "--json")
    assert code == 1
    assert '"ready": false' in out and '"report_filled": false' in out


def test_the_report_filled_makes_it_ready(capsys, commune_db) -> None:
    nomination_id = judged_nomination(commune_db)
    version = get_nomination(commune_db, nomination_id).version
    update_report(commune_db, nomination_id, ReportInput(achievements="Hoàn thành xuất sắc nhiệm vụ năm học"),
                  version)
    assert get_nomination(commune_db, nomination_id).ready_for_council
    code, out = check(capsys, commune_db, nomination_id)
    assert code == 0 and out.splitlines()[-1] == READY
