"""`sovang audit` and `sovang check-db` with the audit trail."""

from __future__ import annotations

import json

import pytest
from audit_helpers import outside_edit

from app.cli.main import main
from app.models import UserRole
from app.models.enums import Gender, SubjectKind
from app.services.subjects.crud import create_subject
from app.services.subjects.data import SubjectInput
from app.storage.actor import Actor, system_actor
from app.storage.database import Database, open_database


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def worked(commune_db: Database, data_dir) -> int:
    commune_db.actor = Actor("lan", "Trần Thị Lan", UserRole.OFFICER)
    subject = create_subject(commune_db, SubjectInput(kind=SubjectKind.INDIVIDUAL, name="Nguyễn Văn An",
                                                      gender=Gender.MALE)).id
    commune_db.close()
    return subject


def test_lines_newest_first(capsys, data_dir, worked) -> None:
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "audit", "--limit", "3")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 3
    moment, actor, action, kind, record, summary = lines[0].split("\t")
    assert (actor, action, kind, record) == ("lan (Trần Thị Lan)", "Thêm", "Đối tượng", f"số {worked}")
    assert summary == f"Thêm đối tượng số {worked} (Nguyễn Văn An)" and moment[2] == "/"


def test_filters_and_json(capsys, data_dir, worked) -> None:
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "audit", "--user", "lan", "--entity", "subject",
                       "--since", "2000-01-01", "--json")
    (item,) = json.loads(out)
    assert code == 0 and (item["action"], item["entity"], item["entity_id"]) == ("create", "subject", worked)
    assert item["actor"] == "lan (Trần Thị Lan)" and item["entity_label"] == "Đối tượng"
    _, out, _ = run(capsys, "--data-dir", str(data_dir), "audit", "--since", "2999-01-01")
    assert out == ""
    machine = system_actor().username  # "máy:<login>", who set the commune up
    _, out, _ = run(capsys, "--data-dir", str(data_dir), "audit", "--limit", "0", "--user", machine)
    assert out.count("\n") > 40  # the commune's set-up, all of it


@pytest.mark.parametrize(("args", "fragment"), [
    (["--since", "hôm qua"], "tham số --since: “hôm qua” không phải là ngày"),
    (["--entity", "ballot_paper"], "tham số --entity: 'ballot_paper' không hợp lệ"),
    (["--limit", "-1"], "phải là số nguyên từ 0"),
])
def test_bad_arguments_are_refused_in_vietnamese(capsys, data_dir, worked, args, fragment) -> None:
    code, out, err = run(capsys, "--data-dir", str(data_dir), "audit", *args)
    assert code == 2 and fragment in err and out == ""


def test_check_db_reports_an_outside_edit(capsys, data_dir, worked) -> None:
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "check-db")
    assert code == 0 and "chuỗi mã băm đúng" in out
    db = open_database(data_dir)
    outside_edit(db, "UPDATE subject SET name = 'Nguyễn Văn Ân' WHERE id = :id", id=worked)
    db.close()
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "check-db")
    assert code == 1
    assert f"Đối tượng số {worked} (Nguyễn Văn Ân) bị sửa ngoài ứng dụng" in out
