"""`sovang council list` and `sovang meeting list` on the demo data, and what the demo's council holds:
its closed meetings explain every passed and failed nomination of a form the council votes on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli.main import main
from app.models import AgendaItem, Meeting, MeetingStatus, Nomination, NominationStatus, Poll
from app.services.council import get_meeting, list_meetings
from app.storage.database import open_database

S = NominationStatus


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory, demo_template) -> Path:
    return demo_template(subjects=2000, seed=2026).copy_to(tmp_path_factory.mktemp("cli-council"))


def run(capsys, demo_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(demo_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_council_list_one_member_a_line(capsys, demo_dir) -> None:
    code, out, err = run(capsys, demo_dir, "council", "list")
    assert code == 0 and err == ""
    lines = [line.split("\t") for line in out.splitlines()]
    assert all(fields[0].isdigit() for fields in lines) and len(lines) == 16
    assert lines[0][2] == "Chủ tịch" and lines[-1][2] == "Ủy viên thư ký"
    replaced = [fields for fields in lines if fields[3] == "Bí thư Đoàn Thanh niên xã"]
    assert sorted(fields[5] for fields in replaced) == ["ngoài nhiệm kỳ", "đang trong nhiệm kỳ"]


def test_council_list_json(capsys, demo_dir) -> None:
    code, out, _ = run(capsys, demo_dir, "council", "list", "--json")
    council = json.loads(out)
    assert code == 0 and council["quorum"] == {"numerator": 2, "denominator": 3, "text": "2/3"}
    assert {m["role"] for m in council["members"]} == {"chair", "vice_chair", "member", "secretary"}


def test_meeting_list_newest_first(capsys, demo_dir) -> None:
    code, out, err = run(capsys, demo_dir, "meeting", "list")
    assert code == 0 and err == ""
    lines = [line.split("\t") for line in out.splitlines()]
    assert [fields[4] for fields in lines] == ["Chưa kết thúc", "Đã kết thúc", "Đã kết thúc", "Đã kết thúc"]
    assert lines[-1][5] == "có mặt 8/15 (chưa đủ số thành viên)"
    code, out, _ = run(capsys, demo_dir, "meeting", "list", "--json")
    meetings = json.loads(out)
    assert code == 0 and [m["quorum_reached"] for m in meetings] == [True, True, True, False]
    assert meetings[0]["agenda"] > 0 and meetings[0]["closed_at"] is None


def test_a_bad_subcommand_is_one_vietnamese_line(capsys, demo_dir) -> None:
    code, _out, err = run(capsys, demo_dir, "meeting", "nothing")
    assert code == 2 and err.count("\n") == 1


def test_the_demo_meetings_explain_every_council_result(demo_dir) -> None:
    database = open_database(demo_dir)
    try:
        with database.read() as session:
            reviewed = {n.id: n.status is not S.FAILED for n in session.scalars(select(Nomination).where(
                Nomination.status.in_((S.PASSED, S.FAILED, S.DECIDED)))) if n.award_form.needs_council_vote}
            closed = Meeting.status == MeetingStatus.CLOSED
            voted = dict(list(session.execute(
                select(AgendaItem.nomination_id, Poll.passed).join(Poll, Poll.agenda_item_id == AgendaItem.id)
                .join(Meeting, Meeting.id == AgendaItem.meeting_id).where(closed))))
        assert reviewed and all(voted[n] is passed for n, passed in reviewed.items())
        texts = [item.poll.result_text for row in list_meetings(database)
                 for item in get_meeting(database, row.id).agenda if item.poll and item.form_code == "CSTDCS"]
        by_opinion = "11 phiếu + 1 ý kiến bằng văn bản = 12/15"
        assert any(t.startswith(by_opinion) and t.endswith("→ Đạt") for t in texts)
        assert any(t.startswith("11/15 thành viên đồng ý = 73,3 %") for t in texts)
    finally:
        database.close()
