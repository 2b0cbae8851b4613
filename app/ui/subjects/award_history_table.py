"""The "Lịch sử khen thưởng" tab: titles and commendations a subject has received."""

from __future__ import annotations

from app.rules.vntext import vn_short_date
from app.services.subjects import AwardInput
from app.ui.kit.line_table import Line, LineColumn, LineTableEditor
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
    }


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
    )


def _kept_form_link(line: Line) -> int | None:
    form_id = line.get("award_form_id", "")
    if not form_id or line.get("linked_form_name") != line["form_name"]:
        return None
    return int(form_id)


class AwardHistoryTable(LineTableEditor):
    def __init__(self, parent=None) -> None:
        super().__init__(COLUMNS, "awards", parent)

    def set_awards(self, awards: list[AwardInput]) -> None:
        self.model.set_lines([award_line(a) for a in awards])

    def awards(self, reader: ValueReader) -> list[AwardInput]:
        return [read_award(line, n, reader) for n, line in self.numbered_lines()]
