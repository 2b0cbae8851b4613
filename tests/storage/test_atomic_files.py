"""Saving outputs whole or not at all: a full disk or a read-only folder leaves the old files and no
temporary file, with a message in Vietnamese. The failures are injected, so the tests also run as root."""

from __future__ import annotations

import errno
import os

import pytest

from app.errors import ServiceError
from app.storage import atomic
from app.storage.atomic import save_files


def test_both_files_are_written(tmp_path) -> None:
    save_files({tmp_path / "qd.docx": b"word", tmp_path / "qd.pdf": b"pdf"})
    assert (tmp_path / "qd.docx").read_bytes() == b"word" and (tmp_path / "qd.pdf").read_bytes() == b"pdf"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["qd.docx", "qd.pdf"]


@pytest.mark.parametrize(
    ("code", "expected"),
    [(errno.ENOSPC, "ổ đĩa đã đầy"), (errno.EACCES, "không cho phép ghi"),
     (errno.EROFS, "không cho phép ghi")],
)
def test_a_failure_on_the_second_file_changes_nothing(tmp_path, monkeypatch, code, expected) -> None:
    old_docx, old_pdf = tmp_path / "qd.docx", tmp_path / "qd.pdf"
    old_docx.write_bytes(b"old word")
    old_pdf.write_bytes(b"old pdf")
    real_write = atomic._write_temp

    def write_failing_on_pdf(target, data):
        if target.suffix == ".pdf":
            raise OSError(code, os.strerror(code))
        return real_write(target, data)

    monkeypatch.setattr(atomic, "_write_temp", write_failing_on_pdf)
    with pytest.raises(ServiceError) as caught:
        save_files({old_docx: b"new word", old_pdf: b"new pdf"})
    assert expected in str(caught.value) and "“qd.pdf”" in str(caught.value)
    assert "Tệp cũ (nếu có) vẫn giữ nguyên" in str(caught.value)
    assert old_docx.read_bytes() == b"old word" and old_pdf.read_bytes() == b"old pdf"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["qd.docx", "qd.pdf"]  # no temporary file left


def test_a_missing_folder_is_named(tmp_path) -> None:
    with pytest.raises(ServiceError) as caught:
        save_files({tmp_path / "nowhere" / "qd.pdf": b"pdf"})
    assert "không có thư mục" in str(caught.value) and "nowhere" in str(caught.value)


def test_a_write_that_fails_midway_leaves_no_temporary_file(tmp_path, monkeypatch) -> None:
    target = tmp_path / "qd.pdf"
    target.write_bytes(b"old pdf")

    def full_disk(_fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", full_disk)
    with pytest.raises(ServiceError) as caught:
        save_files({target: b"new pdf"})
    assert "ổ đĩa đã đầy" in str(caught.value)
    assert target.read_bytes() == b"old pdf" and [p.name for p in tmp_path.iterdir()] == ["qd.pdf"]
