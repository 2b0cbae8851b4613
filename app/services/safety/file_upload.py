"""`sovang upload-files`: on a PostgreSQL server, the bytes of stored files added before revision 0012.

Until 0012 a stored file's bytes stayed in the data folder of the computer that added it
(`<data_dir>/files/ab/<sha256><suffix>`), so the other computers sharing the server cannot open it. Run on
each computer that added files then, this puts into stored_file_content the bytes of every stored file that
has no content row and whose file is in this computer's data folder, after checking them against the
SHA-256 the row records (a changed file is never uploaded). One file per transaction, inserted with ON
CONFLICT DO NOTHING: two computers running it at once, or one running it twice, change nothing more.
The database does not record which computer added a file, so a file still missing is named by its own
name only.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import IntegrityError

from app.models import StoredFile, StoredFileContent
from app.rules.vntext import vn_number
from app.storage.database import Database
from app.storage.file_store import MAX_FILE_BYTES, content_path, in_database, is_sound_name

SHOWN_NAMES = 20  # names listed in the summary; the rest are counted


@dataclass(frozen=True)
class _Missing:
    id: int
    sha256: str
    suffix: str
    name: str


@dataclass
class UploadReport:
    on_server: bool
    uploaded: int = 0
    already_there: int = 0
    missing: list[str] = field(default_factory=list)  # not in this computer's data folder
    changed: list[str] = field(default_factory=list)  # here, but not the bytes the row records

    def summary(self) -> str:
        if not self.on_server:
            return ("Cơ sở dữ liệu trên máy này là SQLite: tệp lưu trữ nằm trong thư mục files/ của thư mục "
                    "dữ liệu, không có gì để tải lên máy chủ.")
        lines = [f"Đã tải lên máy chủ {vn_number(self.uploaded)} tệp lưu trữ; "
                 f"{vn_number(self.already_there)} tệp đã có sẵn trên máy chủ; "
                 f"còn thiếu {vn_number(len(self.missing) + len(self.changed))} tệp."]
        if self.changed:
            lines.append(f"{vn_number(len(self.changed))} tệp trên máy này khác nội dung đã ghi nhận "
                         f"(mã SHA-256 không khớp) nên không tải lên: {_names(self.changed)}.")
        if self.missing:
            lines.append(f"{vn_number(len(self.missing))} tệp không có trong thư mục dữ liệu của máy này: "
                         f"{_names(self.missing)}. Cơ sở dữ liệu không ghi lại máy nào đã thêm các tệp này: "
                         "hãy chạy lệnh này trên từng máy đã dùng Sổ Vàng với máy chủ trước đây.")
        return "\n".join(lines)


def _names(names: list[str]) -> str:
    shown = ", ".join(f"“{name}”" for name in names[:SHOWN_NAMES])
    rest = len(names) - SHOWN_NAMES
    return shown + (f" và {vn_number(rest)} tệp khác" if rest > 0 else "")


def upload_local_files(db: Database) -> UploadReport:
    """Upload the bytes found on this computer of the stored files the server has no bytes for."""
    with db.read() as session:
        if not in_database(session):
            return UploadReport(on_server=False)
        content = StoredFileContent.__table__
        query = (select(StoredFile.id, StoredFile.sha256, StoredFile.suffix, StoredFile.original_name,
                        content.c.digest.is_not(None))
                 .outerjoin(content, content.c.digest == StoredFile.sha256).order_by(StoredFile.id))
        rows = session.execute(query).all()
    report = UploadReport(on_server=True, already_there=sum(1 for row in rows if row[4]))
    for row in rows:
        if not row[4]:
            _upload_one(db, _Missing(row[0], row[1], row[2], row[3] or f"tệp số {row[0]}"), report)
    return report


def _local_bytes(data_dir: Path, item: _Missing) -> bytes | None:
    """The file's bytes in this computer's data folder, or None when it is not there (or unreadable)."""
    if not is_sound_name(item.sha256, item.suffix):
        return None
    path = content_path(data_dir, item.sha256, item.suffix)
    try:
        if not path.is_file() or path.stat().st_size > MAX_FILE_BYTES:
            return None
        return path.read_bytes()
    except OSError:
        return None


def _upload_one(db: Database, item: _Missing, report: UploadReport) -> None:
    data = _local_bytes(db.data_dir, item)
    if data is None:
        report.missing.append(item.name)
        return
    if hashlib.sha256(data).hexdigest() != item.sha256:
        report.changed.append(item.name)
        return
    insert = (pg_insert(StoredFileContent).values(digest=item.sha256, content=data).on_conflict_do_nothing()
              .returning(StoredFileContent.digest))
    try:
        with db.transaction() as session:
            added = session.scalar(insert) is not None  # nothing returned: the row was there already
    except IntegrityError:  # the stored file was removed meanwhile: nothing to keep its bytes for
        return
    if added:
        report.uploaded += 1
    else:  # another computer uploaded it meanwhile
        report.already_there += 1
