"""The "Tạm dừng xét" tab: discipline, investigation or complaint that puts a subject on hold."""

from __future__ import annotations

from app.models.enums import DisciplineLevel, HoldKind
from app.rules.vntext import vn_short_date
from app.services.subjects import HoldInput
from app.ui.kit.line_table import Line, LineColumn, LineTableEditor
from app.ui.kit.widgets import ValueReader

NO_LEVEL = ""
COLUMNS = [
    LineColumn("kind", "Lý do", 240, choices=tuple(k.label for k in HoldKind)),
    LineColumn("discipline_level", "Hình thức kỷ luật", 140,
               choices=(NO_LEVEL, *(level.label for level in DisciplineLevel))),
    LineColumn("start_date", "Từ ngày", 100),
    LineColumn("end_date", "Đến ngày", 100),
    LineColumn("note", "Ghi chú", 150),
]


def hold_line(hold: HoldInput) -> Line:
    return {
        "kind": hold.kind.label,
        "discipline_level": hold.discipline_level.label if hold.discipline_level else NO_LEVEL,
        "start_date": vn_short_date(hold.start_date),
        "end_date": vn_short_date(hold.end_date),
        "note": hold.note,
    }


def read_hold(line: Line, number: int, reader: ValueReader) -> HoldInput:
    where = f"Tạm dừng xét dòng {number}"
    level = line["discipline_level"]
    return HoldInput(
        kind=HoldKind.from_label(line["kind"]) if line["kind"] else HoldKind.DISCIPLINE,
        discipline_level=DisciplineLevel.from_label(level) if level else None,
        start_date=reader.date(f"holds.{number}.start_date", f"{where}, cột Từ ngày", line["start_date"]),
        end_date=reader.date(f"holds.{number}.end_date", f"{where}, cột Đến ngày", line["end_date"]),
        note=line["note"],
    )


class HoldFlagsTable(LineTableEditor):
    def __init__(self, parent=None) -> None:
        super().__init__(COLUMNS, "holds", parent)

    def set_holds(self, holds: list[HoldInput]) -> None:
        self.model.set_lines([hold_line(h) for h in holds])

    def holds(self, reader: ValueReader) -> list[HoldInput]:
        return [read_hold(line, n, reader) for n, line in self.numbered_lines()]
