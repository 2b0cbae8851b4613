"""The "Lịch sử khen thưởng" tab: titles and commendations a subject has received."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from app.rules.vntext import vn_short_date
from app.services.subjects import AwardInput
from app.ui.kit.line_table import LOCKED, Line, LineColumn, LineTableEditor
from app.ui.kit.widgets import ValueReader

REGULAR = "Thường xuyên"
AD_HOC = "Đột xuất, chuyên đề"  # does not count toward later merit awards
COLUMNS = [
    LineColumn("form_name", "Danh hiệu / hình thức", 190),
    LineColumn("year", "Năm", 55),
    LineColumn("decision_no", "Số quyết định", 110),
    LineColumn("decision_date", "Ngày quyết định", 105),
    LineColumn("issuer", "Cơ quan quyết định", 170),
    LineColumn("counts", "Loại khen thưởng", 150, choices=(REGULAR, AD_HOC)),
    LineColumn("note", "Ghi chú", 100),
]
LOCKED_NOTE = (
    "Các dòng chữ xám do quyết định khen thưởng của xã đã ban hành ghi vào sổ: không sửa, không xóa được ở "
    "đây. Muốn sửa, hãy hủy quyết định đó (số ở cột Số quyết định) trên trang Quyết định."
)


def award_line(award: AwardInput) -> Line:
    return {
        "form_name": award.form_name,
        "year": "" if award.year is None else str(award.year),
        "decision_no": award.decision_no,
        "decision_date": vn_short_date(award.decision_date),
        "issuer": award.issuer,
        "counts": REGULAR if award.counts_toward_merit else AD_HOC,
        "note": award.note,
        # Not shown: the catalogue link survives an edit as long as the form's name is not changed.
        "award_form_id": "" if award.award_form_id is None else str(award.award_form_id),
        "linked_form_name": award.form_name,
        "record_id": "" if award.record_id is None else str(award.record_id),
        LOCKED: locked_reason(award) if award.locked_by_decision else "",
    }


def locked_reason(award: AwardInput) -> str:
    return (
        f"Dòng này do quyết định số {award.decision_no} ghi vào sổ nên không sửa, không xóa được ở đây. "
        "Muốn sửa, hãy hủy quyết định đó ở trang Quyết định."
    )


def read_award(line: Line, number: int, reader: ValueReader) -> AwardInput:
    where = f"Khen thưởng dòng {number}"
    return AwardInput(
        form_name=line["form_name"],
        year=reader.integer(f"awards.{number}.year", f"{where}, cột Năm", line["year"]),
        decision_no=line["decision_no"],
        decision_date=reader.date(
            f"awards.{number}.decision_date", f"{where}, cột Ngày quyết định", line["decision_date"]
        ),
        issuer=line["issuer"],
        note=line["note"],
        counts_toward_merit=line.get("counts", REGULAR) != AD_HOC,
        award_form_id=_kept_form_link(line),
        record_id=int(line["record_id"]) if line.get("record_id") else None,
    )


def _kept_form_link(line: Line) -> int | None:
    form_id = line.get("award_form_id", "")
    if not form_id or line.get("linked_form_name") != line["form_name"]:
        return None
    return int(form_id)


class AwardHistoryTable(LineTableEditor):
    def __init__(self, parent=None) -> None:
        super().__init__(COLUMNS, "awards", parent)
        self.locked_note = QLabel(LOCKED_NOTE)
        self.locked_note.setWordWrap(True)
        self.locked_note.setVisible(False)
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):  # LineTableEditor's: the error label, then the table
            layout.insertWidget(1, self.locked_note)

    def set_awards(self, awards: list[AwardInput]) -> None:
        self.model.set_lines([award_line(a) for a in awards])
        self.locked_note.setVisible(any(a.locked_by_decision for a in awards))

    def awards(self, reader: ValueReader) -> list[AwardInput]:
        return [read_award(line, n, reader) for n, line in self.numbered_lines()]
