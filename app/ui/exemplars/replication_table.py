"""The "Nhân rộng" tab: exchanges, visits, talks and models copied elsewhere, one line each."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView

from app.models.enums import ReplicationKind
from app.rules.vntext import vn_short_date
from app.services.exemplars import ReplicationInput
from app.ui.kit.line_table import Line, LineColumn, LineTableEditor
from app.ui.kit.widgets import ValueReader

COLUMNS = [
    LineColumn("kind", "Hình thức", 200, choices=tuple(k.label for k in ReplicationKind)),
    LineColumn("held_on", "Ngày", 95),
    LineColumn("place", "Địa điểm", 170),
    LineColumn("description", "Nội dung", 240),
    LineColumn("participants", "Số người", 75),
]
STRETCHED = 3


def replication_line(item: ReplicationInput) -> Line:
    return {
        "kind": item.kind.label if item.kind else "",
        "held_on": vn_short_date(item.held_on),
        "place": item.place,
        "description": item.description,
        "participants": "" if item.participants is None else str(item.participants),
    }


def read_replication(line: Line, number: int, reader: ValueReader) -> ReplicationInput:
    where, key = f"Nhân rộng dòng {number}", f"replications.{number}"
    return ReplicationInput(
        kind=ReplicationKind.from_label(line["kind"]) if line["kind"] else None,
        held_on=reader.date(f"{key}.held_on", f"{where}, cột Ngày", line["held_on"]),
        place=line["place"],
        description=line["description"],
        participants=reader.integer(f"{key}.participants", f"{where}, cột Số người", line["participants"]),
    )


class ReplicationTable(LineTableEditor):
    def __init__(self, parent=None) -> None:
        super().__init__(COLUMNS, "replications", parent)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(STRETCHED, QHeaderView.ResizeMode.Stretch)

    def set_replications(self, items: list[ReplicationInput]) -> None:
        self.model.set_lines([replication_line(item) for item in items])

    def replications(self, reader: ValueReader) -> list[ReplicationInput]:
        return [read_replication(line, n, reader) for n, line in self.numbered_lines()]
