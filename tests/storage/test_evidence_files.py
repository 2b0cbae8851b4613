"""Evidence is a regular file (a pipe or a folder is refused at once, never opened) of a document or an
image type, never a program, refused with a Vietnamese message naming the file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.errors import ValidationError
from app.storage import file_store
from app.storage.file_store import EVIDENCE_SUFFIXES, read_source

PROGRAMS = [".exe", ".bat", ".cmd", ".com", ".msi", ".ps1", ".vbs", ".js", ".scr", ".lnk", ".sh", ".EXE"]


def refusal(path: Path, evidence: bool = True) -> str:
    with pytest.raises(ValidationError) as caught:
        read_source(path, evidence=evidence)
    return caught.value.errors["file"]


def write(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_bytes(b"noi dung")
    return path


@pytest.mark.parametrize("suffix", sorted(EVIDENCE_SUFFIXES) + [".PDF", ".Jpg"])
def test_documents_and_images_are_accepted(tmp_path, suffix) -> None:
    assert read_source(write(tmp_path, f"giấy tờ{suffix}"), evidence=True).data == b"noi dung"


@pytest.mark.parametrize("suffix", PROGRAMS)
def test_programs_are_refused_by_name(tmp_path, suffix, monkeypatch) -> None:
    path = write(tmp_path, f"báo cáo.pdf{suffix}")
    monkeypatch.setattr(Path, "open", lambda *a, **k: pytest.fail("a program was opened"))
    message = refusal(path)
    assert message.startswith(f"Tệp “báo cáo.pdf{suffix}”: đây là tệp chương trình ({suffix.lower()})")
    assert "chỉ nhận tài liệu (pdf" in message


def test_other_kinds_and_no_suffix_are_refused(tmp_path) -> None:
    assert refusal(write(tmp_path, "nén.zip")).startswith("Tệp “nén.zip”: loại tệp “.zip” không được nhận")
    assert "không có phần mở rộng" in refusal(write(tmp_path, "README"))


def test_a_folder_is_refused_before_anything(tmp_path) -> None:
    folder = tmp_path / "hồ sơ.pdf"
    folder.mkdir()
    assert refusal(folder) == "Tệp “hồ sơ.pdf”: đây là một thư mục, không phải tệp."


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX's")
@pytest.mark.parametrize("evidence", [True, False])
def test_a_pipe_is_refused_never_opened(tmp_path, evidence, monkeypatch) -> None:
    pipe = tmp_path / "biên bản.pdf"
    os.mkfifo(pipe)  # opening it would wait for a writer forever
    monkeypatch.setattr(Path, "open", lambda *a, **k: pytest.fail("the pipe was opened"))
    assert refusal(pipe, evidence) == f"Tệp “biên bản.pdf”: {file_store.NOT_REGULAR}"
