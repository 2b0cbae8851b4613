"""The data directory's file store: evidence, photos and documents kept by the SHA-256 of their bytes.

A file lives at `<data_dir>/files/ab/<sha256><suffix>` (ab: the first two hex digits). The same bytes added
twice are stored once and share one StoredFile row. A source is read whole before anything is written, so
a file that cannot be read saves nothing; the bytes are written to a temporary file in the target folder,
flushed, fsynced and moved into place, so a stored file is whole or absent.

On a PostgreSQL server the bytes live in the database instead (models/stored_file_content.py), written in
the same transaction as the StoredFile row, so every computer sharing the server sees the same files. The
readers go through `stored_bytes` (the bytes) or `readable_path` (a path to open or copy): from files/ on
SQLite; on PostgreSQL from the database, copied into this computer's files/ as a cache (a copy of the right
size is used again). The content table is not audited: the audited StoredFile row holds the digest, and
`check-db --full` reads the bytes back against it.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from app.errors import ServiceError, ValidationError
from app.models import StoredFile, StoredFileContent
from app.storage.atomic import write_atomically
from app.storage.private import private_file

MAX_FILE_BYTES = 50 * 1024 * 1024
# Evidence (an exemplar's files and publicity, a judgement's minutes) is a document or an image, never a
# program: "Mở" hands the stored file to the system, which would run an executable.
EVIDENCE_DOCUMENTS = ("pdf", "doc", "docx", "odt", "rtf", "txt", "xls", "xlsx", "ods", "csv")
EVIDENCE_IMAGES = ("jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "webp", "heic")
EVIDENCE_SUFFIXES = frozenset(f".{s}" for s in EVIDENCE_DOCUMENTS + EVIDENCE_IMAGES)
NOT_REGULAR = "đây không phải là một tệp thông thường (ống dẫn, thiết bị…) nên không đọc."
PROGRAM_SUFFIXES = frozenset({
    ".exe", ".bat", ".cmd", ".com", ".msi", ".msp", ".ps1", ".psm1", ".vbs", ".vbe", ".js", ".jse", ".wsf",
    ".wsh", ".hta", ".scr", ".pif", ".cpl", ".msc", ".lnk", ".url", ".reg", ".dll", ".jar", ".sh", ".bash",
    ".py", ".pyw", ".app", ".apk", ".deb", ".rpm", ".appimage", ".run", ".bin", ".command", ".desktop"})
MAX_SUFFIX_LENGTH = 20
MAX_NAME_LENGTH = 255


@dataclass(frozen=True)
class SourceFile:
    """A file read whole from the user's disk, ready to be stored."""

    name: str
    suffix: str
    data: bytes
    sha256: str


def files_dir(data_dir: Path) -> Path:
    return data_dir / "files"


def stored_path(data_dir: Path, stored_file: StoredFile) -> Path:
    """Where the bytes of a stored file are on disk."""
    return content_path(data_dir, stored_file.sha256, stored_file.suffix)


def content_path(data_dir: Path, sha256: str, suffix: str) -> Path:
    return files_dir(data_dir) / sha256[:2] / f"{sha256}{suffix}"


def is_sound_name(sha256: str, suffix: str) -> bool:
    """A digest of 64 hex digits and a plain suffix: a path that stays inside files/."""
    return (len(sha256) == 64 and all(c in "0123456789abcdef" for c in sha256)
            and (suffix == "" or (suffix.startswith(".") and suffix[1:].isascii() and suffix[1:].isalnum()
                                  and len(suffix) <= MAX_SUFFIX_LENGTH)))


def content_digest(path: Path) -> str:
    """SHA-256 of a stored file's bytes (OSError when it cannot be read)."""
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def _suffix(path: Path) -> str:
    """'.pdf' for 'Báo cáo.PDF'; empty when the suffix is too long or not plain letters and digits."""
    suffix = path.suffix.lower()
    ok = len(suffix) <= MAX_SUFFIX_LENGTH and suffix[1:].isascii() and suffix[1:].isalnum()
    return suffix if ok else ""


def _unreadable(field: str, path: Path, reason: str) -> ValidationError:
    return ValidationError({field: f"Tệp “{path.name or path}”: {reason}"})


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")


def _kind_problem(path: Path) -> str | None:
    """Why this file is not evidence (a program, another kind, no suffix), or None when it is."""
    suffix = path.suffix.lower()
    accepted = (f"chỉ nhận tài liệu ({', '.join(EVIDENCE_DOCUMENTS)}) "
                f"và ảnh ({', '.join(EVIDENCE_IMAGES)}).")
    if suffix in EVIDENCE_SUFFIXES:
        return None
    if suffix in PROGRAM_SUFFIXES:
        return f"đây là tệp chương trình ({suffix}), không được nhận làm tài liệu; {accepted}"
    if not suffix:
        return f"tệp không có phần mở rộng nên không biết là loại tệp gì; {accepted}"
    return f"loại tệp “{suffix}” không được nhận; {accepted}"


def _require_regular(path: Path, field: str) -> None:
    """A regular file of at most MAX_FILE_BYTES; anything else (a folder, a pipe, a device) is refused,
    never opened: a pipe would wait for a writer forever."""
    info = path.stat()
    if stat.S_ISDIR(info.st_mode):
        raise _unreadable(field, path, "đây là một thư mục, không phải tệp.")
    if not stat.S_ISREG(info.st_mode):
        raise _unreadable(field, path, NOT_REGULAR)
    if info.st_size > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        raise _unreadable(field, path, f"lớn quá {limit} MB ({_megabytes(info.st_size)} MB), không lưu được.")


def _read_regular(path: Path, field: str) -> bytes:
    with path.open("rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):  # replaced between the two looks
            raise _unreadable(field, path, NOT_REGULAR)
        return stream.read(MAX_FILE_BYTES + 1)


def read_source(source_path: str | os.PathLike[str], field: str = "file", *,
                evidence: bool = False) -> SourceFile:
    """Read a file whole; ValidationError (keyed by field) naming the file when it cannot be used.

    Only a regular file is read. `evidence`: only a document or an image (EVIDENCE_SUFFIXES), checked
    before the file is opened."""
    path = Path(source_path)
    try:
        _require_regular(path, field)
        if evidence and (problem := _kind_problem(path)) is not None:
            raise _unreadable(field, path, problem)
        data = _read_regular(path, field)
    except FileNotFoundError as exc:
        raise _unreadable(field, path, f"không tìm thấy ({path}).") from exc
    except PermissionError as exc:
        raise _unreadable(field, path, "không có quyền đọc tệp này.") from exc
    except OSError as exc:
        raise _unreadable(field, path, f"không đọc được ({exc.strerror or exc}).") from exc
    if not data:
        raise _unreadable(field, path, "tệp rỗng, không có nội dung.")
    if len(data) > MAX_FILE_BYTES:
        raise _unreadable(field, path, f"lớn quá {MAX_FILE_BYTES // (1024 * 1024)} MB, không lưu được.")
    digest = hashlib.sha256(data).hexdigest()
    return SourceFile(name=path.name[:MAX_NAME_LENGTH], suffix=_suffix(path), data=data, sha256=digest)


def _ensure_bytes(data_dir: Path, stored: StoredFile, source: SourceFile) -> None:
    target = stored_path(data_dir, stored)
    if target.is_file() and target.stat().st_size == len(source.data):
        return
    try:
        write_atomically(target, source.data)  # 0600: a temporary file of mkstemp, moved into place
        private_file(target)
    except OSError as exc:
        raise ServiceError(
            f"Không ghi được tệp “{source.name}” vào thư mục dữ liệu ({exc.strerror or exc}). "
            "Hãy kiểm tra ổ đĩa còn chỗ trống và thư mục dữ liệu cho phép ghi, rồi thử lại."
        ) from exc


def in_database(session: Session) -> bool:
    """Whether stored files' bytes live in the database (a PostgreSQL server) rather than in files/."""
    return session.get_bind().dialect.name == "postgresql"


def _ensure_content(session: Session, source: SourceFile) -> None:
    """The bytes in the database (after the StoredFile row is flushed: the content refers to it)."""
    if session.get(StoredFileContent, source.sha256) is None:
        session.add(StoredFileContent(digest=source.sha256, content=source.data))
        session.flush()


def store_source(session: Session, data_dir: Path, source: SourceFile) -> StoredFile:
    """The StoredFile for these bytes: the existing row when the same content is stored already."""
    stored = session.scalar(select(StoredFile).where(StoredFile.sha256 == source.sha256))
    if stored is None:
        stored = StoredFile(
            sha256=source.sha256, size=len(source.data), original_name=source.name, suffix=source.suffix
        )
        if not in_database(session):
            _ensure_bytes(data_dir, stored, source)
        session.add(stored)
        session.flush()
    elif not in_database(session):
        _ensure_bytes(data_dir, stored, source)
    if in_database(session):
        _ensure_content(session, source)
    return stored


def store_file(session: Session, data_dir: Path, source_path: str | os.PathLike[str],
               field: str = "file", *, evidence: bool = False) -> StoredFile:
    """Read a file whole, then keep its bytes in the store once; nothing is written when it is unreadable."""
    return store_source(session, data_dir, read_source(source_path, field, evidence=evidence))


def _missing(stored: StoredFile) -> ServiceError:
    return ServiceError(f"Không tìm thấy nội dung tệp “{stored.original_name}” trong kho tệp; "
                        "hãy chọn lại tệp gốc.")


def _session_of(stored: StoredFile) -> Session:
    session = object_session(stored)
    if session is None:
        raise ValueError("a stored file read outside its session")
    return session


def _content(session: Session, stored: StoredFile) -> bytes | None:
    query = select(StoredFileContent.content).where(StoredFileContent.digest == stored.sha256)
    content = session.scalar(query)
    return None if content is None else bytes(content)


def stored_bytes(data_dir: Path, stored: StoredFile) -> bytes:
    """The bytes of a stored file: from files/ on SQLite, from the database on PostgreSQL (the session the
    row belongs to must be open). ServiceError when they are missing or unreadable."""
    session = _session_of(stored)
    if in_database(session) and (content := _content(session, stored)) is not None:
        return content
    try:  # on PostgreSQL too for a file stored before the bytes went into the database (revision 0012)
        return stored_path(data_dir, stored).read_bytes()
    except FileNotFoundError as exc:
        raise _missing(stored) from exc
    except OSError as exc:
        raise ServiceError(f"Không đọc được tệp “{stored.original_name}” ({exc.strerror or exc}).") from exc


def readable_path(data_dir: Path, stored: StoredFile) -> Path:
    """A path holding the bytes of a stored file, to open or copy (the session of the row must be open).
    SQLite: the file in files/ (it may be missing: the caller checks). PostgreSQL: a copy in this
    computer's files/, written from the database when absent or of the wrong size; the path of a missing
    copy when the database has no bytes for it (stored before revision 0012 on another computer)."""
    target = stored_path(data_dir, stored)
    session = _session_of(stored)
    if not in_database(session) or (target.is_file() and target.stat().st_size == stored.size):
        return target
    content = _content(session, stored)
    if content is None:
        return target
    source = SourceFile(name=stored.original_name, suffix=stored.suffix, data=bytes(content),
                        sha256=stored.sha256)
    _ensure_bytes(data_dir, stored, source)
    return target
