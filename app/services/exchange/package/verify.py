"""`sovang verify-package`: is this zip a whole, unchanged upload package this app can read?

Checked before anything is unpacked: that it is a zip, the number of files and their sizes (a zip bomb
is refused from its directory, and a member that inflates beyond what it declares is cut off), and every
name (one top folder, no "..", no absolute path or drive, no backslash, no link, NFC). Then, read in
memory: bagit.txt, each payload file against manifest-sha256.txt (a changed byte, a missing or an extra
file), the tag files against tagmanifest-sha256.txt, Payload-Oxum, and the data file's schema (a package
from a newer version of the app is refused, not half read). Every problem is said in Vietnamese.
"""

from __future__ import annotations

import json
import stat
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from app.errors import ServiceError
from app.rules.vntext import vn_number
from app.services.exchange.package.bag import BAG_INFO, MANIFEST, TAG_MANIFEST, sha256
from app.services.exchange.package.schema import (
    DATA_SUFFIX,
    MAX_MEMBER_BYTES,
    MAX_MEMBERS,
    MAX_RATIO,
    MAX_TOTAL_BYTES,
    SCHEMA,
    SCHEMA_VERSION,
)

_RATIO_FROM = 1024 * 1024  # small files may compress very well; the ratio is judged above this size
_MB = 1024 * 1024


@dataclass
class PackageCheck:
    """What verifying found: `problems` empty means the package is sound; `data` is its JSON then."""

    path: Path
    problems: list[str] = field(default_factory=list)
    bag_name: str = ""
    files: int = 0
    info: list[tuple[str, str]] = field(default_factory=list)
    data: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class VerifiedPackage:
    """A sound package, read: its data (the JSON) and its payload files by name under data/."""

    check: PackageCheck
    payload: dict[str, bytes]


def verify_package(path: Path) -> PackageCheck:
    """Every problem of the package at `path` (none: it is sound)."""
    return _verify(path)[0]


def read_verified(path: Path) -> VerifiedPackage:
    """The package read after it was verified; ServiceError naming every problem otherwise."""
    check, payload = _verify(path)
    if check.problems:
        raise ServiceError(f"Gói “{path.name}” không dùng được: " + " ".join(check.problems))
    return VerifiedPackage(check, payload)


def _verify(path: Path) -> tuple[PackageCheck, dict[str, bytes]]:
    check = PackageCheck(path)
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a pipe would block, a device never end
            check.problems.append(f"“{path}” không phải một tệp (là thư mục, thiết bị hoặc ống dẫn).")
            return check, {}
        with zipfile.ZipFile(path) as archive:
            members = _sound_members(archive, check)
            if check.problems:
                return check, {}
            files = _read_members(archive, members, check)
    except FileNotFoundError:
        check.problems.append(f"Không có tệp “{path}”.")
        return check, {}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as exc:
        check.problems.append(f"Tệp “{path.name}” không phải tệp nén .zip đọc được ({exc}).")
        return check, {}
    except OSError as exc:
        check.problems.append(f"Không đọc được tệp “{path}” ({exc.strerror or exc}).")
        return check, {}
    if check.problems:
        return check, {}
    payload = _check_bag(files, check)
    if not check.problems:
        _check_data(payload, check)
    check.files = len(payload)
    return check, payload


def _sound_members(archive: zipfile.ZipFile, check: PackageCheck) -> list[zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        check.problems.append(f"Gói có {vn_number(len(infos))} tệp, quá giới hạn {vn_number(MAX_MEMBERS)} "
                              "tệp: có thể là tệp nén độc hại (zip bomb), không giải nén.")
        return []
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL_BYTES:
        check.problems.append(f"Gói giải nén ra {vn_number(total // _MB)} MB, quá giới hạn "
                              f"{vn_number(MAX_TOTAL_BYTES // _MB)} MB: có thể là zip bomb, không giải nén.")
    roots = set()
    files = []
    for info in infos:
        problem = _name_problem(info)
        if problem:
            check.problems.append(problem)
            continue
        roots.add(info.filename.split("/")[0])
        if info.is_dir():
            continue
        files.append(info)
        if info.file_size > MAX_MEMBER_BYTES or (
                info.file_size > _RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1)):
            size, packed = vn_number(info.file_size // _MB), vn_number(info.compress_size)
            check.problems.append(f"Tệp “{info.filename}” giải nén ra {size} MB từ {packed} byte: "
                                  "có thể là zip bomb, không giải nén.")
    if len(roots) > 1:
        check.problems.append("Gói phải có đúng một thư mục gốc, nhưng có " + ", ".join(sorted(roots)) + ".")
    elif roots:
        check.bag_name = roots.pop()
    return files


def _name_problem(info: zipfile.ZipInfo) -> str:
    name = info.filename
    parts = PurePosixPath(name).parts
    if "\\" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return f"Đường dẫn “{name}” trong gói là đường dẫn tuyệt đối hoặc dùng dấu “\\”: không chấp nhận."
    if ".." in parts or "." in parts or "//" in name:
        return f"Đường dẫn “{name}” trong gói có “..”: ra khỏi thư mục của gói, không chấp nhận."
    if stat.S_ISLNK(info.external_attr >> 16):
        return f"“{name}” trong gói là một liên kết (symlink): không chấp nhận."
    if unicodedata.normalize("NFC", name) != name:
        return f"Tên “{name}” trong gói không ở dạng Unicode dựng sẵn (NFC)."
    if any(ord(ch) < 32 for ch in name):
        return f"Tên “{name!r}” trong gói có ký tự điều khiển."
    return ""


def _read_members(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo],
                  check: PackageCheck) -> dict[str, bytes]:
    """Each file relative to the bag's folder, read no further than it declares."""
    files: dict[str, bytes] = {}
    prefix = f"{check.bag_name}/"
    for info in infos:
        with archive.open(info) as stream:
            content = stream.read(info.file_size + 1)
        if len(content) > info.file_size:
            check.problems.append(f"Tệp “{info.filename}” giải nén ra nhiều hơn kích thước khai báo: "
                                  "có thể là zip bomb, không giải nén.")
            return {}
        files[info.filename.removeprefix(prefix)] = content
    return files


def _manifest_lines(name: str, text: bytes, check: PackageCheck) -> dict[str, str]:
    listed: dict[str, str] = {}
    for number, line in enumerate(text.decode("utf-8", errors="replace").splitlines(), start=1):
        if not line.strip():
            continue
        digest, _, target = line.strip().partition(" ")
        target = target.strip()
        if len(digest) != 64 or not target:
            check.problems.append(f"Dòng {number} của {name} sai định dạng: “{line[:80]}”.")
        elif ".." in PurePosixPath(target).parts or target.startswith("/"):
            check.problems.append(f"{name} dòng {number} trỏ ra ngoài gói: “{target}”.")
        else:
            listed[target] = digest.lower()
    return listed


def _check_bag(files: dict[str, bytes], check: PackageCheck) -> dict[str, bytes]:
    if not files.get("bagit.txt", b"").startswith(b"BagIt-Version: "):
        check.problems.append("Gói thiếu tệp bagit.txt (không phải gói BagIt).")
        return {}
    for required in (MANIFEST, TAG_MANIFEST, BAG_INFO):
        if required not in files:
            check.problems.append(f"Gói thiếu tệp {required}.")
    if check.problems:
        return {}
    payload = {name: data for name, data in files.items() if name.startswith("data/")}
    manifest = _check_manifest(MANIFEST, files, payload, check)
    for name in sorted(set(payload) - set(manifest)):
        check.problems.append(f"Tệp “{name}” không có trong danh sách {MANIFEST} (tệp lạ được thêm vào).")
    _check_manifest(TAG_MANIFEST, files, files, check)
    check.info = _bag_info(files[BAG_INFO])
    oxum = dict(check.info).get("Payload-Oxum", "")
    actual = f"{sum(len(data) for data in payload.values())}.{len(payload)}"
    if oxum and oxum != actual:
        check.problems.append(f"Payload-Oxum trong {BAG_INFO} ({oxum}) không khớp với nội dung ({actual}).")
    return {name.removeprefix("data/"): data for name, data in payload.items()}


def _check_manifest(manifest: str, files: dict[str, bytes], listed_in: dict[str, bytes],
                    check: PackageCheck) -> dict[str, str]:
    """Each file the manifest lists must be in `listed_in` with the manifest's SHA-256."""
    listed = _manifest_lines(manifest, files[manifest], check)
    for name, digest in sorted(listed.items()):
        if name not in listed_in:
            check.problems.append(f"Thiếu tệp “{name}” có trong danh sách {manifest}.")
        elif sha256(listed_in[name]) != digest:
            check.problems.append(f"Tệp “{name}” đã bị thay đổi (mã SHA-256 không khớp với {manifest}).")
    return listed


def _bag_info(text: bytes) -> list[tuple[str, str]]:
    fields: list[tuple[str, str]] = []
    for line in text.decode("utf-8", errors="replace").splitlines():
        if line[:1] in (" ", "\t") and fields:
            fields[-1] = (fields[-1][0], f"{fields[-1][1]} {line.strip()}")
        elif ":" in line:
            label, _, value = line.partition(":")
            fields.append((label.strip(), value.strip()))
    return fields


def _check_data(payload: dict[str, bytes], check: PackageCheck) -> None:
    names = [name for name in payload if name.endswith(DATA_SUFFIX) and "/" not in name]
    if len(names) != 1:
        check.problems.append(f"Gói phải có đúng một tệp dữ liệu “…{DATA_SUFFIX}” trong data/, "
                              f"nhưng có {len(names)}.")
        return
    try:
        data = json.loads(payload[names[0]].decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        check.problems.append(f"Tệp dữ liệu “{names[0]}” không phải JSON đọc được ({exc}).")
        return
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        check.problems.append(f"Tệp “{names[0]}” không phải dữ liệu của Sổ Vàng (lược đồ “{SCHEMA}”).")
        return
    version = data.get("schema_version")
    if not isinstance(version, int) or version < 1:
        check.problems.append(f"Tệp “{names[0]}” không ghi phiên bản lược đồ hợp lệ ({version!r}).")
    elif version > SCHEMA_VERSION:
        check.problems.append(
            f"Gói được lập bởi phiên bản Sổ Vàng mới hơn ({data.get('app_version', '?')}, lược đồ {version});"
            " "
            f"máy này chỉ đọc được đến lược đồ {SCHEMA_VERSION}: hãy cập nhật Sổ Vàng rồi mở lại gói.")
    else:
        check.data = data
