"""The recipients' list of each decision in a package, as the exchange feature's Excel export writes it
with its generic preset (legal notes §6: STT, họ tên, giới tính, ngày sinh, chức vụ, đơn vị, loại đối
tượng, hình thức, thành tích, số và ngày quyết định, số sổ vàng); never the citizen ID (§7)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.services.exchange.export_columns import COLUMN_BY_KEY, GENERIC, CellType, ListKind
from app.services.exchange.export_lists import gather_list
from app.services.exchange.export_xlsx import workbook_bytes
from app.services.exchange.package.names import decision_stem

COLUMNS = [COLUMN_BY_KEY[key] for key in GENERIC.columns]
# Frictionless Table Schema types of the columns ("any": a date of birth, or the year alone).
_TYPES = {CellType.TEXT: "string", CellType.INTEGER: "integer", CellType.DATE: "date", CellType.BIRTH: "any"}
LIST_FIELDS = [{"name": c.key, "title": c.header, "type": _TYPES[c.kind]} for c in COLUMNS]


def decision_lists(session: Session, root: str, decisions: list[dict]) -> dict[str, bytes]:
    """One workbook per decision, named beside its documents: '…_QD-205_4-danh-sach.xlsx'."""
    lists = {}
    for decision in decisions:
        data = gather_list(session, ListKind.DECISION, decision_id=decision["id"])
        lists[f"{decision_stem(root, decision['number'])}_4-danh-sach.xlsx"] = workbook_bytes(data, COLUMNS)
    return lists
