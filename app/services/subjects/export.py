"""Export everything held about one subject, for the person who asks for it (their right to see it).

One .zip, written whole or not at all:
- `du_lieu.json`: every field of the profile, the citizen ID in clear (the person's own data, given to
  them), award history, holds, nominations with their reports, checklist and history, exemplar
  records, the decisions that list the subject, the collective and member links, the stored files'
  names and SHA-256 (services/subjects/record.py);
- `phieu_thong_tin.pdf` and `.docx`: the same content as a readable, signable slip
  (exporters/personal_data_builder.py);
- `tep_dinh_kem/…`: the subject's evidence files and photos, copied from the file store.

Every other export leaves the citizen ID out; `clear_citizen_ids` is there for an export that is
explicitly asked to include it (`sovang subjects search --json --with-citizen-id`).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ServiceError
from app.exporters import admin_parts
from app.exporters.award_content import Places, fill
from app.exporters.personal_data_builder import SlipHeader, build_personal_data, file_size
from app.models import DocumentType, Subject
from app.services.settings import read_commune_profile
from app.services.subjects.record import GatheredRecord, gather_subject_record
from app.services.wording import read_wording
from app.storage.atomic import save_files
from app.storage.database import Database

JSON_NAME = "du_lieu.json"
SLIP_NAME = "phieu_thong_tin"
FORMAT = "sovang-du-lieu-ca-nhan/1"
_CHUNK = 500  # ids per query (SQLite limits the parameters of one statement)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    size: int
    files: int  # stored files copied into the zip
    missing: tuple[str, ...]  # stored files whose bytes are no longer in the file store

    def summary(self) -> str:
        text = (f"Đã xuất dữ liệu cá nhân vào “{self.path}” ({file_size(self.size)}): {JSON_NAME}, "
                f"{SLIP_NAME}.pdf, {SLIP_NAME}.docx và {self.files} tệp lưu kèm.")
        if self.missing:
            text += f" Không còn trong kho tệp (đã ghi trong phiếu): {', '.join(self.missing)}."
        return text


def zip_target(path: Path) -> Path:
    """The file name the user chose, with '.zip' added when it has another ending."""
    return path if path.suffix.lower() == ".zip" else path.with_name(path.name + ".zip")


def export_subject_data(db: Database, subject_id: int, target: Path,
                        now: dt.datetime | None = None) -> ExportResult:
    """Write the subject's personal-data export to target (.zip); ServiceError naming the file when it
    cannot be written (nothing half-written is left)."""
    now = now or dt.datetime.now()
    target = zip_target(Path(target))
    with db.read() as session:
        gathered = gather_subject_record(session, db.data_dir, subject_id, now)
        header = slip_header(session, now.date())
        gathered.record.update(_provenance(session, db))
    payload = _zip_bytes(gathered, header, now)
    save_files({target: payload})
    missing = tuple(f["name"] for f in gathered.record["files"] if f["missing"])
    return ExportResult(target, len(payload), len(gathered.files_to_pack), missing)


def slip_header(session: Session, day: dt.date) -> SlipHeader:
    profile = read_commune_profile(session)
    values = Places(commune=profile.commune, province=profile.province, year=day.year).values()
    wording = read_wording(session, DocumentType.DECISION)
    issuer = admin_parts.header(wording, values, "", day, day.year).issuer_lines
    return SlipHeader(issuer_lines=issuer, place=fill(wording["place"], **values),
                      commune=values["commune_lower"], day=day, officer=profile.officer)


def _provenance(session: Session, db: Database) -> dict:
    profile = read_commune_profile(session)
    return {"format": FORMAT, "commune": profile.commune, "province": profile.province,
            "generated_by": db.actor.label}


def _zip_bytes(gathered: GatheredRecord, header: SlipHeader, now: dt.datetime) -> bytes:
    from app.services.decisions.documents import render

    document = build_personal_data(gathered.record, header)
    stamp = now.timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        _add(archive, JSON_NAME, json.dumps(gathered.record, ensure_ascii=False, indent=2).encode(), stamp)
        for fmt in ("pdf", "docx"):
            _add(archive, f"{SLIP_NAME}.{fmt}", render(document, fmt), stamp)
        for name, path in gathered.files_to_pack.items():
            _add(archive, name, _read_stored(path, name), stamp)
    return buffer.getvalue()


def _add(archive: zipfile.ZipFile, name: str, data: bytes, stamp: tuple) -> None:
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, data)


def _read_stored(path: Path, name: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ServiceError(
            f"Không đọc được tệp lưu kèm “{name.split('/', 1)[-1]}” trong kho tệp ({exc.strerror or exc}). "
            "Chưa ghi tệp xuất nào; hãy kiểm tra thư mục dữ liệu rồi thử lại."
        ) from exc


def clear_citizen_ids(db: Database, subject_ids: list[int]) -> dict[int, str]:
    """The citizen IDs in clear of these subjects (those that have one), for an export that asks."""
    found: dict[int, str] = {}
    with db.read() as session:
        for start in range(0, len(subject_ids), _CHUNK):
            query = select(Subject.id, Subject.citizen_id).where(
                Subject.id.in_(subject_ids[start:start + _CHUNK]), Subject.citizen_id.is_not(None))
            found.update((subject_id, citizen_id) for subject_id, citizen_id in session.execute(query))
    return found
