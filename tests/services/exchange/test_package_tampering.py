"""Tampered packages refused with the reason, before anything is unpacked or merged: a changed byte, a
missing or an extra file, a path with "..", zip bombs (size, ratio, count), a newer schema, not a zip."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest
from package_helpers import rezip

from app.errors import ServiceError
from app.services.exchange import import_package, verify_package
from app.services.exchange.package.bag import bag_zip

ROOT = "Xa_2026_QD-001"


def data_json(version: int = 1, content: str = "decision") -> bytes:
    data = {"schema": "sovang-goi-ho-so", "schema_version": version, "app_version": "9.0.0",
            "content": content, "decisions": []}
    return json.dumps(data).encode()


@pytest.fixture
def package(tmp_path) -> Path:
    pdf = b"%PDF-1.4 " + bytes(range(256))
    payload = {f"{ROOT}_du-lieu.json": data_json(), f"{ROOT}_1-quyet-dinh.pdf": pdf}
    path = tmp_path / "goi.zip"
    path.write_bytes(bag_zip(ROOT, payload, [("Source-Organization", "Xã Thử")], dt.date(2026, 11, 20)))
    return path


def problems(path: Path) -> str:
    found = verify_package(path).problems
    assert found, "the package should have been refused"
    return " ".join(found)


def test_the_untouched_package_is_sound(package) -> None:
    assert verify_package(package).problems == []


def test_a_changed_byte_is_found(package, tmp_path) -> None:
    name = f"{ROOT}/data/{ROOT}_1-quyet-dinh.pdf"

    def flip(files: dict[str, bytes]) -> dict[str, bytes]:
        data = bytearray(files[name])
        data[20] ^= 0x01
        return {**files, name: bytes(data)}

    said = problems(rezip(package, tmp_path / "changed.zip", flip))
    assert f"“data/{ROOT}_1-quyet-dinh.pdf” đã bị thay đổi" in said


def test_a_missing_file_is_named(package, tmp_path) -> None:
    name = f"{ROOT}/data/{ROOT}_1-quyet-dinh.pdf"
    without = rezip(package, tmp_path / "missing.zip", lambda f: {k: v for k, v in f.items() if k != name})
    said = problems(without)
    assert f"Thiếu tệp “data/{ROOT}_1-quyet-dinh.pdf”" in said


def test_an_extra_file_is_named(package, tmp_path) -> None:
    said = problems(rezip(package, tmp_path / "extra.zip", lambda f: {**f, f"{ROOT}/data/virus.exe": b"MZ"}))
    assert "“data/virus.exe” không có trong danh sách" in said


def test_a_changed_tag_file_is_found(package, tmp_path) -> None:
    name = f"{ROOT}/bag-info.txt"
    said = problems(rezip(package, tmp_path / "info.zip", lambda f: {**f, name: f[name] + b"X-Extra: 1\n"}))
    assert "“bag-info.txt” đã bị thay đổi" in said


@pytest.mark.parametrize("evil", [f"{ROOT}/data/../../evil.txt", "/etc/evil", "C:/evil.txt",
                                  f"{ROOT}\\..\\evil.txt"])
def test_a_path_that_escapes_is_refused(package, tmp_path, evil) -> None:
    said = problems(rezip(package, tmp_path / "escape.zip", lambda f: {**f, evil: b"x"}))
    assert f"“{evil}”" in said and ("..”" in said or "tuyệt đối" in said)


def test_a_zip_bomb_by_ratio_is_refused_unread(package, tmp_path) -> None:
    bomb = {f"{ROOT}/data/bomb.bin": bytes(8 * 1024 * 1024)}  # 8 MB of zeros: about 8 KB packed
    said = problems(rezip(package, tmp_path / "bomb.zip", lambda f: {**f, **bomb}))
    assert "zip bomb" in said and "bomb.bin" in said


def test_too_many_files_is_refused(package, tmp_path) -> None:
    many = {f"{ROOT}/data/f{i}.txt": b"" for i in range(5_001)}
    said = problems(rezip(package, tmp_path / "many.zip", lambda f: {**f, **many}))
    assert "quá giới hạn 5.000 tệp" in said


def test_a_package_larger_than_the_limit_is_refused_unread(package, monkeypatch) -> None:
    from app.services.exchange.package import verify as package_verify

    monkeypatch.setattr(package_verify, "MAX_TOTAL_BYTES", 100)  # the zip's directory declares more
    said = problems(package)
    assert "quá giới hạn 0 MB" in said and "zip bomb" in said


def test_a_package_from_a_newer_schema_is_refused(tmp_path) -> None:
    path = tmp_path / "newer.zip"
    path.write_bytes(bag_zip(ROOT, {f"{ROOT}_du-lieu.json": data_json(version=2)}, []))
    said = problems(path)
    assert "phiên bản Sổ Vàng mới hơn (9.0.0, lược đồ 2)" in said and "hãy cập nhật" in said


def test_not_a_zip_and_no_file(tmp_path) -> None:
    path = tmp_path / "thu.zip"
    path.write_bytes(b"not a zip at all")
    assert "không phải tệp nén .zip" in problems(path)
    assert "Không có tệp" in problems(tmp_path / "none.zip")


def test_not_a_bag(tmp_path) -> None:
    path = tmp_path / "plain.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a/readme.txt", "x")
    assert "thiếu tệp bagit.txt" in problems(path)


def test_import_refuses_a_tampered_package_and_changes_nothing(package, tmp_path, db) -> None:
    name = f"{ROOT}/data/{ROOT}_1-quyet-dinh.pdf"
    changed = rezip(package, tmp_path / "changed.zip", lambda f: {**f, name: b"other"})
    with pytest.raises(ServiceError, match="không dùng được.*đã bị thay đổi"):
        import_package(db, changed)


def test_a_folder_or_a_pipe_is_refused_unopened(tmp_path) -> None:
    import os

    assert "không phải một tệp" in problems(tmp_path)
    fifo = tmp_path / "pipe.zip"
    os.mkfifo(fifo)
    assert "không phải một tệp" in problems(fifo)  # would block if it were opened
