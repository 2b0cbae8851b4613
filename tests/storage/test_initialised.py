"""A data directory knows it was initialised: a never-initialised one is refused by every command but
`init` (nothing created), and a missing, empty or set-aside database in an initialised one is an error
that names the backup to restore, never a fresh empty database. Backups of an empty database never thin
the good ones."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from backup_helpers import add_subject, overwrite

from app.cli.main import main
from app.errors import DamagedDatabaseError, MissingDatabaseError
from app.services.commune import initialise_commune
from app.services.settings import CommuneProfile
from app.storage.backup.backups import BackupReason, make_backup, prune_backups
from app.storage.database import open_database
from app.storage.initialised import FolderState, folder_state
from app.storage.paths import DB_FILE_NAME, INIT_MARKER, backups_dir

COMMUNE = CommuneProfile(commune="Xã Hòa Bình", province="Tỉnh Phú Thọ")
INIT = ["init", "--commune", "Xã Hòa Bình", "--province", "Tỉnh Phú Thọ"]


def run(capsys, data_dir, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_init_marks_the_folder(capsys, data_dir) -> None:
    assert folder_state(data_dir) is FolderState.FRESH
    code, _, _ = run(capsys, data_dir, *INIT)
    assert code == 0
    marker = json.loads((data_dir / INIT_MARKER).read_text(encoding="utf-8"))
    assert marker["database"] == DB_FILE_NAME and "initialised" in marker
    assert folder_state(data_dir) is FolderState.READY


def test_the_first_run_set_up_marks_the_folder(db, data_dir) -> None:
    assert not (data_dir / INIT_MARKER).exists()  # migrated only: the set-up dialog's case
    initialise_commune(db, COMMUNE)  # what SetupDialog calls
    assert (data_dir / INIT_MARKER).is_file()


@pytest.mark.parametrize("command", [
    ["subjects", "search", "An"], ["check-db"], ["check-db", "--repair"], ["backup"], ["backup", "--list"],
    ["rounds", "list"], ["decision", "list"], ["user", "list"], ["audit"],
])
def test_a_command_on_a_never_initialised_folder_creates_nothing(capsys, tmp_path, command) -> None:
    mistyped = tmp_path / "du-lieu-go-nham"
    code, out, err = run(capsys, mistyped, *command)
    assert code == 2 and out == ""
    assert err.startswith("sovang: ") and err.count("\n") == 1 and "chưa được khởi tạo" in err
    assert "sovang init" in err and "Traceback" not in err
    assert not mistyped.exists()


def test_an_empty_existing_folder_is_left_as_it_was(capsys, tmp_path) -> None:
    empty = tmp_path / "trong"
    empty.mkdir()
    code, _, err = run(capsys, empty, "subjects", "search", "An")
    assert code == 2 and "chưa được khởi tạo" in err and list(empty.iterdir()) == []


@pytest.fixture
def initialised(commune_db, data_dir):
    """An initialised folder with data and one good backup; the database closed."""
    add_subject(commune_db, "Nguyễn Văn An", award=True)
    good = make_backup(data_dir, BackupReason.AUTO, now=dt.datetime(2026, 11, 20, 17, 45))
    commune_db.close()
    return good


@pytest.mark.parametrize("state", ["missing", "empty"])
def test_a_missing_or_empty_database_is_refused_with_the_backup_to_restore(capsys, initialised, data_dir,
                                                                           state) -> None:
    live = data_dir / DB_FILE_NAME
    if state == "missing":
        live.unlink()
    else:
        live.write_bytes(b"")
    with pytest.raises(MissingDatabaseError) as caught:
        open_database(data_dir)
    message = str(caught.value)
    assert str(initialised.path) in message and "17:45 ngày 20/11/2026" in message
    assert "không tạo cơ sở dữ liệu trống" in message and ("0 byte" in message) == (state == "empty")
    assert caught.value.can_restore and caught.value.newest_backup.path == initialised.path
    for command in (["check-db"], ["subjects", "search", "An"], ["demo", "--subjects", "5"]):
        code, out, err = run(capsys, data_dir, *command)
        assert code == 2 and out == "" and str(initialised.path) in err and err.count("\n") == 1
    if state == "empty":
        assert live.stat().st_size == 0
    else:
        assert not live.exists()
    assert not list(data_dir.glob(DB_FILE_NAME + "-*"))  # no -wal, no -shm: nothing was opened


def test_a_missing_database_without_the_marker_still_counts_when_backups_are_there(initialised,
                                                                                    data_dir) -> None:
    (data_dir / INIT_MARKER).unlink()  # a folder made before the marker existed
    (data_dir / DB_FILE_NAME).unlink()
    with pytest.raises(MissingDatabaseError):
        open_database(data_dir)


def test_after_a_damaged_file_was_set_aside_the_next_start_is_refused_too(initialised, data_dir) -> None:
    overwrite(data_dir / DB_FILE_NAME, 0, b"\x00" * 16)
    with pytest.raises(DamagedDatabaseError) as first:
        open_database(data_dir)
    with pytest.raises(MissingDatabaseError) as second:  # not a fresh empty database
        open_database(data_dir)
    assert second.value.set_aside_as == first.value.set_aside_as
    assert first.value.set_aside_as.name in str(second.value)
    assert not (data_dir / DB_FILE_NAME).exists()


def test_init_asked_for_in_so_many_words_starts_again(capsys, initialised, data_dir) -> None:
    (data_dir / DB_FILE_NAME).unlink()
    code, _, _ = run(capsys, data_dir, *INIT)
    assert code == 0 and folder_state(data_dir) is FolderState.READY


def test_a_restore_into_a_new_folder_initialises_it(capsys, initialised, tmp_path) -> None:
    other = tmp_path / "may-moi"
    code, out, _ = run(capsys, other, "restore", str(initialised.path))
    assert code == 0 and "Đã khôi phục" in out
    assert (other / INIT_MARKER).is_file()
    code, out, _ = run(capsys, other, "subjects", "search", "An")
    assert code == 0 and "Nguyễn Văn An" in out


# Backups of an empty database ----------------------------------------------------------------------

GOOD = dt.datetime(2026, 11, 10, 9, 0)
EMPTY = dt.datetime(2026, 11, 10, 10, 0)  # the same day, later: the schedule keeps only the newest
NOW = dt.datetime(2026, 11, 20, 12, 0)


def test_backups_of_an_empty_database_never_thin_the_good_ones(commune_db, data_dir, migrated_data_dir,
                                                                tmp_path) -> None:
    add_subject(commune_db, "Nguyễn Văn An")
    good = make_backup(data_dir, BackupReason.AUTO, now=GOOD)
    empty_dir = migrated_data_dir(tmp_path / "trong")  # an empty database put in the place of the data
    empty = make_backup(empty_dir, BackupReason.AUTO, dest=backups_dir(data_dir), now=EMPTY)
    assert empty.subjects == 0 and good.subjects == 1
    prune_backups(data_dir, NOW)
    assert good.path.exists() and empty.path.exists()


def test_backups_with_data_are_thinned_on_the_schedule_as_before(commune_db, data_dir) -> None:
    add_subject(commune_db, "Nguyễn Văn An")
    older = make_backup(data_dir, BackupReason.AUTO, now=GOOD)
    add_subject(commune_db, "Trần Thị Bình")
    newer = make_backup(data_dir, BackupReason.AUTO, now=EMPTY)
    assert prune_backups(data_dir, NOW) == [older.path] and newer.path.exists()
