"""Stored files on a PostgreSQL server: the bytes live in the database (stored_file_content), written in
the transaction of their StoredFile row, so a second computer sharing the server reads the same bytes;
on SQLite they stay in files/ and the table stays empty. check-db --full catches changed bytes on both,
and an erasure removes the bytes it no longer needs on both."""

from __future__ import annotations

from pathlib import Path

import pytest
from personal_data_helpers import NAME, TODAY, make_person
from sqlalchemy import func, select, update

from app.models import StoredFile, StoredFileContent
from app.services.audit.check import check_audit_trail
from app.services.subjects.erase import erase_subject
from app.storage.database import Database, open_database
from app.storage.file_store import readable_path, store_file, stored_bytes, stored_path

pytestmark = pytest.mark.both_backends

LETTER = b"%PDF-1.4 thu y kien da quet \x00\xff" * 50


def keep(db: Database, folder: Path, name: str = "thư.pdf", data: bytes = LETTER) -> str:
    source = folder / name
    source.write_bytes(data)
    with db.transaction() as session:
        return store_file(session, db.data_dir, source).sha256


def contents(db: Database) -> dict[str, bytes]:
    with db.read() as session:
        return {row.digest: bytes(row.content) for row in session.scalars(select(StoredFileContent))}


def read_back(db: Database, digest: str) -> tuple[bytes, bytes]:
    """The bytes through both readers: stored_bytes, and the file at readable_path."""
    with db.read() as session:
        stored = session.scalars(select(StoredFile).where(StoredFile.sha256 == digest)).one()
        return stored_bytes(db.data_dir, stored), readable_path(db.data_dir, stored).read_bytes()


def on_disk(db: Database) -> list[Path]:
    return [p for p in (db.data_dir / "files").rglob("*") if p.is_file()]


def test_a_file_is_kept_where_the_backend_keeps_it_and_read_back(db, tmp_path, database_backend):
    digest = keep(db, tmp_path)
    if database_backend == "postgresql":
        assert contents(db) == {digest: LETTER} and on_disk(db) == []
    else:
        assert contents(db) == {} and [p.name for p in on_disk(db)] == [f"{digest}.pdf"]
    assert read_back(db, digest) == (LETTER, LETTER)


def test_the_same_bytes_twice_are_kept_once(db, tmp_path, database_backend):
    first = keep(db, tmp_path, "a.pdf")
    assert keep(db, tmp_path, "b.pdf") == first
    assert len(contents(db)) == (1 if database_backend == "postgresql" else 0)


def test_a_failed_save_keeps_no_bytes(db, tmp_path):
    source = tmp_path / "thư.pdf"
    source.write_bytes(LETTER)
    with pytest.raises(RuntimeError), db.transaction() as session:
        store_file(session, db.data_dir, source)
        raise RuntimeError("the save fails after the file was stored")
    assert contents(db) == {}
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(StoredFile)) == 0


def test_a_second_computer_reads_the_same_bytes(db, tmp_path, database_backend):
    if database_backend == "sqlite":
        pytest.skip("only a server database is shared between computers")
    digest = keep(db, tmp_path)
    other = open_database(tmp_path / "other-computer")  # its own data folder, the same server database
    try:
        assert other.data_dir != db.data_dir and read_back(other, digest) == (LETTER, LETTER)
        with other.read() as session:
            stored = session.scalars(select(StoredFile)).one()
            assert readable_path(other.data_dir, stored) == stored_path(other.data_dir, stored)
    finally:
        other.close()


def test_a_stale_local_copy_is_written_again_from_the_database(db, tmp_path, database_backend):
    if database_backend == "sqlite":
        pytest.skip("on SQLite files/ holds the bytes themselves, not a copy")
    digest = keep(db, tmp_path)
    read_back(db, digest)
    copy, = on_disk(db)
    copy.write_bytes(b"cut short")
    assert read_back(db, digest) == (LETTER, LETTER)


def test_changed_bytes_are_caught_by_the_full_check(db, tmp_path, database_backend):
    digest = keep(db, tmp_path)
    assert check_audit_trail(db, files=True).problems == []
    if database_backend == "postgresql":
        with db.transaction() as session:
            session.execute(update(StoredFileContent).values(content=b"%PDF-1.4 sua lai"))
    else:
        on_disk(db)[0].write_bytes(b"%PDF-1.4 sua lai")
    problems = check_audit_trail(db, files=True).problems
    assert any("“thư.pdf”" in p and "đã bị sửa (mã SHA-256 không khớp)" in p for p in problems), problems
    assert read_back(db, digest)[0] == b"%PDF-1.4 sua lai"  # what was read is what the check judged


def test_missing_bytes_in_the_database_are_reported_when_no_copy_is_here(db, tmp_path, database_backend):
    if database_backend == "sqlite":
        pytest.skip("on SQLite the bytes are never in the database")
    keep(db, tmp_path)
    with db.transaction() as session:
        session.execute(StoredFileContent.__table__.delete())
    report = check_audit_trail(db, files=True)
    assert any("không có trên máy này" in n for n in report.notes), report.notes


def test_an_erasure_removes_the_bytes_it_no_longer_needs(commune_db, tmp_path, database_backend):
    person = make_person(commune_db, tmp_path / "source", with_history=False)
    with commune_db.read() as session:
        digests = {s.original_name: s.sha256 for s in session.scalars(select(StoredFile))}
    kept = contents(commune_db)
    if database_backend == "postgresql":
        assert set(kept) == set(digests.values())
    erase_subject(commune_db, person.subject_id, "Đơn đề nghị xóa dữ liệu ngày 20/11/2026", NAME, today=TODAY)
    with commune_db.read() as session:
        left = set(session.scalars(select(StoredFile.sha256)))
    assert left == {digests["chung.docx"]}  # still used by the neighbour's exemplar
    assert set(contents(commune_db)) == (left if database_backend == "postgresql" else set())
    shared_copy = f"{digests['chung.docx']}.docx"  # on PostgreSQL a copy made when the file was listed
    assert {p.name for p in on_disk(commune_db)} == {shared_copy}
