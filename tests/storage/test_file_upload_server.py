"""`sovang upload-files` (services/safety/file_upload.py): on a PostgreSQL server, files stored before
revision 0012 (their bytes only in the adding computer's files/) are uploaded from the computer that has
them, after the SHA-256 check; a changed local copy is refused, a file on no disk here is named as still
missing; a second run changes nothing; another computer then reads the bytes. On SQLite there is nothing
to upload."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import delete, select

from app.cli.main import main
from app.models import StoredFileContent
from app.services.safety import upload_local_files
from app.storage.database import Database, open_database
from app.storage.file_store import content_path, store_file

pytestmark = pytest.mark.both_backends

LETTER = b"%PDF-1.4 thu cua thon Dong \x00\xff" * 40
PHOTO = b"\x89PNG anh trao thuong " * 60
MINUTES = b"%PDF-1.4 bien ban hop \x01" * 30
SERVER_ONLY = "only a server database keeps files' bytes in the database; SQLite keeps them in files/"


def keep(db: Database, folder: Path, name: str, data: bytes) -> str:
    source = folder / name
    source.write_bytes(data)
    with db.transaction() as session:
        return store_file(session, db.data_dir, source).sha256


def as_before_0012(db: Database, digest: str, suffix: str, data: bytes | None) -> None:
    """The bytes out of the database and, when given, in this computer's files/ only, as 0011 kept them."""
    with db.transaction() as session:
        session.execute(delete(StoredFileContent).where(StoredFileContent.digest == digest))
    if data is not None:
        path = content_path(db.data_dir, digest, suffix)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def kept(db: Database) -> dict[str, bytes]:
    with db.read() as session:
        return {row.digest: bytes(row.content) for row in session.scalars(select(StoredFileContent))}


@pytest.fixture
def old_files(db, tmp_path, database_backend):
    """Four stored files: one already in the database, one only here, one here but changed since, one
    on another computer's disk."""
    if database_backend == "sqlite":
        pytest.skip(SERVER_ONLY)
    there = keep(db, tmp_path, "quyết định.pdf", LETTER)
    here = keep(db, tmp_path, "ảnh trao thưởng.png", PHOTO)
    changed = keep(db, tmp_path, "biên bản.pdf", MINUTES)
    elsewhere = keep(db, tmp_path, "thư khen.pdf", LETTER + b"khac")
    as_before_0012(db, here, ".png", PHOTO)
    as_before_0012(db, changed, ".pdf", MINUTES[:-1] + b"\x02")
    as_before_0012(db, elsewhere, ".pdf", None)
    return {"there": there, "here": here, "changed": changed, "elsewhere": elsewhere}


def test_uploads_what_this_computer_has_and_names_what_is_missing(db, old_files, tmp_path):
    report = upload_local_files(db)
    assert (report.uploaded, report.already_there) == (1, 1)
    assert report.changed == ["biên bản.pdf"] and report.missing == ["thư khen.pdf"]
    assert kept(db)[old_files["here"]] == PHOTO  # the bytes checked against their SHA-256, then uploaded
    assert old_files["changed"] not in kept(db) and old_files["elsewhere"] not in kept(db)
    summary = report.summary()
    assert summary.startswith("Đã tải lên máy chủ 1 tệp lưu trữ; 1 tệp đã có sẵn trên máy chủ; "
                              "còn thiếu 2 tệp.")
    assert "“biên bản.pdf”" in summary and "mã SHA-256" in summary
    assert "“thư khen.pdf”" in summary and "không ghi lại máy nào đã thêm" in summary
    other = open_database(tmp_path / "may-khac")  # another computer: reads the uploaded bytes
    try:
        assert kept(other)[old_files["here"]] == PHOTO
    finally:
        other.close()


def test_a_second_run_changes_nothing(db, old_files):
    upload_local_files(db)
    before = kept(db)
    again = upload_local_files(db)
    assert (again.uploaded, again.already_there, len(again.missing), len(again.changed)) == (0, 2, 1, 1)
    assert kept(db) == before


def test_the_command_says_it_in_vietnamese(db, old_files, capsys):
    db.close()  # the command opens the database itself
    assert main(["--data-dir", str(db.data_dir), "upload-files"]) == 1  # a changed copy is a problem
    out = capsys.readouterr().out
    assert "Đã tải lên máy chủ 1 tệp lưu trữ" in out and "“thư khen.pdf”" in out
    assert main(["--data-dir", str(db.data_dir), "upload-files"]) == 1
    assert "Đã tải lên máy chủ 0 tệp lưu trữ; 2 tệp đã có sẵn" in capsys.readouterr().out


def test_on_sqlite_there_is_nothing_to_upload(db, tmp_path, database_backend):
    if database_backend == "postgresql":
        pytest.skip("the SQLite case: the bytes are in files/ already")
    keep(db, tmp_path, "quyết định.pdf", LETTER)
    report = upload_local_files(db)
    assert not report.on_server and report.uploaded == 0
    assert "không có gì để tải lên" in report.summary()


def test_the_database_check_points_to_the_command(db, old_files):
    from app.services.safety import check_database

    content_path(db.data_dir, old_files["changed"], ".pdf").unlink()  # a changed copy: a problem of its own
    summary = check_database(db, full=True).summary()
    assert "2 tệp lưu trữ không có trên máy này" in summary and "sovang upload-files" in summary
