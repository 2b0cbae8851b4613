"""The content-addressed file store: where bytes go, one copy per content, whole or absent, and files
that cannot be read refused with their name before anything is written."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.errors import ServiceError, ValidationError
from app.models import StoredFile
from app.storage import file_store
from app.storage.file_store import files_dir, read_source, store_file, stored_path


def make_file(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def stored_rows(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(StoredFile))


def all_files(db) -> list[Path]:
    root = files_dir(db.data_dir)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_a_file_is_stored_under_its_hash(db, tmp_path):
    data = "Biên bản họp thôn Đông".encode()
    source = make_file(tmp_path / "src", "Biên bản.PDF", data)
    with db.transaction() as session:
        stored = store_file(session, db.data_dir, source)
        row = (stored.sha256, stored.size, stored.original_name, stored.suffix)
        path = stored_path(db.data_dir, stored)
    digest = hashlib.sha256(data).hexdigest()
    assert row == (digest, len(data), "Biên bản.PDF", ".pdf")
    assert path == db.data_dir / "files" / digest[:2] / f"{digest}.pdf"
    assert path.read_bytes() == data
    assert all_files(db) == [path]  # no temporary file left beside it


def test_the_same_content_is_stored_once(db, tmp_path):
    first = make_file(tmp_path / "a", "ảnh 1.jpg", b"\xff\xd8same bytes")
    second = make_file(tmp_path / "b", "ảnh chụp lại.jpeg", b"\xff\xd8same bytes")
    with db.transaction() as session:
        one = store_file(session, db.data_dir, first)
    with db.transaction() as session:
        two = store_file(session, db.data_dir, second)
        assert two.original_name == "ảnh 1.jpg"  # the row stored first is reused
    assert one.id == two.id
    assert stored_rows(db) == 1 and len(all_files(db)) == 1


def test_missing_bytes_of_a_known_content_are_written_again(db, tmp_path):
    source = make_file(tmp_path, "quyết định.docx", b"PK docx content")
    with db.transaction() as session:
        stored = store_file(session, db.data_dir, source)
        path = stored_path(db.data_dir, stored)
    path.unlink()
    with db.transaction() as session:
        store_file(session, db.data_dir, source)
    assert path.read_bytes() == b"PK docx content" and stored_rows(db) == 1


def refused(db, path: Path) -> str:
    """Store a file that must be refused: the message; and check nothing was saved."""
    with pytest.raises(ValidationError) as caught, db.transaction() as session:
        store_file(session, db.data_dir, path, field="file")
    assert stored_rows(db) == 0 and all_files(db) == []
    return caught.value.errors["file"]


def test_a_missing_file_is_refused_by_name(db, tmp_path):
    message = refused(db, tmp_path / "không có.pdf")
    assert message.startswith("Tệp “không có.pdf”: không tìm thấy")


def test_a_folder_is_refused(db, tmp_path):
    (tmp_path / "Ảnh hội nghị").mkdir()
    assert refused(db, tmp_path / "Ảnh hội nghị") == "Tệp “Ảnh hội nghị”: đây là một thư mục, không phải tệp."


def test_an_empty_file_is_refused(db, tmp_path):
    path = make_file(tmp_path, "trống.txt", b"")
    assert refused(db, path) == "Tệp “trống.txt”: tệp rỗng, không có nội dung."


def test_a_file_too_large_is_refused(db, tmp_path, monkeypatch):
    monkeypatch.setattr(file_store, "MAX_FILE_BYTES", 1024 * 1024)
    path = make_file(tmp_path, "video.mp4", b"x" * (1024 * 1024 + 1))
    assert refused(db, path) == "Tệp “video.mp4”: lớn quá 1 MB (1,0 MB), không lưu được."


def test_a_file_without_read_permission_is_refused(db, tmp_path, monkeypatch):
    path = make_file(tmp_path, "bí mật.pdf", b"secret")

    def denied(self, *args, **kwargs):  # chmod does not stop root, who runs these tests in CI
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", denied)
    assert refused(db, path) == "Tệp “bí mật.pdf”: không có quyền đọc tệp này."


def test_a_read_error_is_refused(db, tmp_path, monkeypatch):
    path = make_file(tmp_path, "hỏng.pdf", b"data")

    def broken_open(self, *args, **kwargs):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(Path, "open", broken_open)
    assert refused(db, path) == "Tệp “hỏng.pdf”: không đọc được (Input/output error)."


def test_a_write_failure_leaves_no_row_and_no_temporary_file(db, tmp_path, monkeypatch):
    path = make_file(tmp_path, "ảnh.png", b"\x89PNG data")

    def full_disk(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(file_store.os, "replace", full_disk)
    with pytest.raises(ServiceError, match="còn chỗ trống") as caught, db.transaction() as session:
        store_file(session, db.data_dir, path)
    assert not isinstance(caught.value, ValidationError)
    assert stored_rows(db) == 0 and all_files(db) == []


def test_suffixes_are_kept_plain(tmp_path):
    odd = make_file(tmp_path, "bản sao.ảnh", b"x")
    none = make_file(tmp_path, "README", b"x")
    assert read_source(odd).suffix == "" and read_source(none).suffix == ""
    assert read_source(make_file(tmp_path, "Ảnh.JPEG", b"x")).suffix == ".jpeg"
