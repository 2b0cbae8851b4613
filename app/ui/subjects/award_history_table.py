"""The "Lịch sử khen thưởng" tab: titles and commendations a subject has received."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from app.rules.vntext import vn_short_date
from app.services.subjects import AwardInput
from app.ui.kit.line_table import LOCKED, ChoiceDelegate, Line, LineColumn, LineTableEditor
from app.ui.kit.widgets import ValueReader

REGULAR = "Thường xuyên"
AD_HOC = "Đột xuất, chuyên đề"  # does not count toward later merit awards
NO_MOVEMENT = ""  # the movement is optional: older awards often do not say
COLUMNS = [
    LineColumn("form_name", "Danh hiệu / hình thức", 190),
    LineColumn("year", "Năm", 55),
    LineColumn("decision_no", "Số quyết định", 110),
    LineColumn("decision_date", "Ngày quyết định", 105),
    LineColumn("issuer", "Cơ quan quyết định", 150),
    LineColumn("movement", "Phong trào", 170, choices=(NO_MOVEMENT,)),  # the movements: set_movements
    LineColumn("counts", "Loại khen thưởng", 135, choices=(REGULAR, AD_HOC)),
    LineColumn("note", "Ghi chú", 100),
]
MOVEMENT_COLUMN = [c.key for c in COLUMNS].index("movement")
LOCKED_NOTE = (
    "Các dòng chữ xám do quyết định khen thưởng của xã đã ban hành ghi vào sổ: không sửa, không xóa được ở "
    "đây. Muốn sửa, hãy hủy quyết định đó (số ở cột Số quyết định) trên trang Quyết định."
)


def movement_labels(movements: list[tuple[str, int, int | None]]) -> dict[int, str]:
    """Each movement's label in the column, from (name, id, year it started): its name, with the year it
    started when two share a name (and an ordinal when they share that too)."""
    names = [name for name, _id, _year in movements]
    labels: dict[int, str] = {}
    for name, id_, year in movements:
        label = name if names.count(name) == 1 else f"{name} (từ năm {year})" if year else name
        while label in labels.values():
            label = f"{label} (khác)"
        labels[id_] = label
    return labels


def award_line(award: AwardInput, labels: dict[int, str] | None = None) -> Line:
    movement = "" if award.movement_id is None else (labels or {}).get(award.movement_id, "")
    return {
        "form_name": award.form_name,
        "year": "" if award.year is None else str(award.year),
        "movement": movement,
        "decision_no": award.decision_no,
        "decision_date": vn_short_date(award.decision_date),
        "issuer": award.issuer,
        "counts": REGULAR if award.counts_toward_merit else AD_HOC,
        "note": award.note,
        # Not shown: the catalogue link survives an edit as long as the form's name is not changed.
        "award_form_id": "" if award.award_form_id is None else str(award.award_form_id),
        "linked_form_name": award.form_name,
        "movement_id": "" if award.movement_id is None else str(award.movement_id),
        "linked_movement": movement,
        "record_id": "" if award.record_id is None else str(award.record_id),
        LOCKED: locked_reason(award) if award.locked_by_decision else "",
    }


def locked_reason(award: AwardInput) -> str:
    return (
        f"Dòng này do quyết định số {award.decision_no} ghi vào sổ nên không sửa, không xóa được ở đây. "
        "Muốn sửa, hãy hủy quyết định đó ở trang Quyết định."
    )


def read_award(line: Line, number: int, reader: ValueReader,
               movement_ids: dict[str, int] | None = None) -> AwardInput:
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
        movement_id=_chosen_movement(line, movement_ids or {}),
        record_id=int(line["record_id"]) if line.get("record_id") else None,
    )


def _kept_form_link(line: Line) -> int | None:
    form_id = line.get("award_form_id", "")
    if not form_id or line.get("linked_form_name") != line["form_name"]:
        return None
    return int(form_id)


def _chosen_movement(line: Line, movement_ids: dict[str, int]) -> int | None:
    """The chosen movement; the stored one while its label was left as it was loaded."""
    label = line.get("movement", "")
    if not label:
        return None
    if label == line.get("linked_movement") and line.get("movement_id"):
        return int(line["movement_id"])
    return movement_ids.get(label)


class AwardHistoryTable(LineTableEditor):
    def __init__(self, movements: list[tuple[str, int, int | None]] | None = None, parent=None) -> None:
        super().__init__(COLUMNS, "awards", parent)
        self.set_movements(movements or [])
        self.locked_note = QLabel(LOCKED_NOTE)
        self.locked_note.setWordWrap(True)
        self.locked_note.setVisible(False)
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):  # LineTableEditor's: the error label, then the table
            layout.insertWidget(1, self.locked_note)

    def set_movements(self, movements: list[tuple[str, int, int | None]]) -> None:
        """The movements the "Phong trào" column offers, as (name, id, start year), after an empty
        choice."""
        self.movement_labels = movement_labels(movements)
        choices = (NO_MOVEMENT, *self.movement_labels.values())
        self.table.setItemDelegateForColumn(MOVEMENT_COLUMN, ChoiceDelegate(choices, self.table))

    def set_awards(self, awards: list[AwardInput]) -> None:
        self.model.set_lines([award_line(a, self.movement_labels) for a in awards])
        self.locked_note.setVisible(any(a.locked_by_decision for a in awards))

    def awards(self, reader: ValueReader) -> list[AwardInput]:
        ids = {label: id_ for id_, label in self.movement_labels.items()}
        return [read_award(line, n, reader, ids) for n, line in self.numbered_lines()]
