"""Exporting a list to an .xlsx file: the columns of a preset (or chosen by hand), the CCCD only when
the columns ask for it and the officer confirmed it (legal notes §7), written atomically."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.errors import ServiceError
from app.services.exchange.export_columns import CITIZEN_ID, COLUMN_BY_KEY, GENERIC, ListKind
from app.services.exchange.export_lists import gather_list
from app.services.exchange.export_xlsx import workbook_bytes
from app.storage.atomic import save_files
from app.storage.database import Database

CITIZEN_ID_REFUSED = ("Các cột đã chọn có “Số CCCD”: đây là dữ liệu cá nhân (Luật Bảo vệ dữ liệu cá nhân), "
                      "chỉ đưa vào tệp khi nơi nhận yêu cầu. Hãy xác nhận để xuất kèm số CCCD, "
                      "hoặc bỏ cột đó.")


@dataclass(frozen=True)
class ExportRequest:
    kind: ListKind
    columns: tuple[str, ...] = GENERIC.columns
    round_id: int | None = None
    decision_id: int | None = None
    with_citizen_id: bool = False  # the officer confirmed the CCCD column


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    columns: int

    def summary(self) -> str:
        return f"Đã xuất {self.rows} dòng, {self.columns} cột vào “{self.path}”."


def export_list(db: Database, request: ExportRequest, target: Path) -> ExportResult:
    unknown = [c for c in request.columns if c not in COLUMN_BY_KEY]
    if unknown or not request.columns:
        raise ServiceError(f"Cột không có: {', '.join(unknown)}." if unknown else "Hãy chọn ít nhất một cột.")
    if CITIZEN_ID in request.columns and not request.with_citizen_id:
        raise ServiceError(CITIZEN_ID_REFUSED)
    if target.suffix.lower() != ".xlsx":
        raise ServiceError(f"Tệp “{target.name}”: hãy đặt tên tệp có đuôi .xlsx.")
    with db.read() as session:
        data = gather_list(session, request.kind, request.round_id, request.decision_id)
    columns = [COLUMN_BY_KEY[c] for c in request.columns]
    save_files({target: workbook_bytes(data, columns)})
    return ExportResult(target, len(data.rows), len(columns))
