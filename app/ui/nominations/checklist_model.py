"""A nomination's checklist as a Qt model: general checks first, then the form's criteria, each with
how it is decided (by rule or by the appraiser), its outcome in colour and the reason or note."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QIcon

from app.models.enums import CriterionOutcome
from app.rules.checklist import ChecklistLine
from app.ui.kit.drawn_icons import disc_icon, draw_cross, draw_tick
from app.ui.kit.table_model import HeaderedTableModel, Index

CRITERION, MODE, OUTCOME, REASON, FILE = range(5)
HEADERS = {
    CRITERION: "Tiêu chí",
    MODE: "Cách xét",
    OUTCOME: "Kết quả",
    REASON: "Lý do / ghi chú",
    FILE: "Tệp minh chứng",
}
MET, NOT_MET, UNKNOWN = CriterionOutcome.MET, CriterionOutcome.NOT_MET, CriterionOutcome.UNKNOWN
OUTCOME_COLOURS = {MET: "#1b7f3b", NOT_MET: "#b3261e", UNKNOWN: "#9a6700"}
GENERAL_TINT = "#eef1f5"
_icons: dict[CriterionOutcome, QIcon] = {}


def outcome_icon(outcome: CriterionOutcome) -> QIcon:
    """A green disc with a tick, a red disc with a cross, or an amber ring for "not known yet"."""
    if outcome not in _icons:
        mark = {MET: draw_tick, NOT_MET: draw_cross}.get(outcome)
        _icons[outcome] = disc_icon(OUTCOME_COLOURS[outcome], mark)
    return _icons[outcome]


def mode_text(line: ChecklistLine) -> str:
    return "Quy tắc" if line.by_rule else "Đánh giá"


def _criterion_tooltip(line: ChecklistLine) -> str:
    kind = "Điều kiện chung, phần mềm tự kiểm tra." if line.criterion_id is None else (
        "Phần mềm quyết định theo dữ liệu." if line.by_rule
        else "Người thẩm định đánh giá (nhấp đúp để ghi kết quả).")
    source = f"\nCăn cứ: {line.source}" if line.source else ""
    return f"{line.text}{source}\n{kind}"


def _text(line: ChecklistLine, column: int) -> str:
    return {
        CRITERION: line.text,
        MODE: mode_text(line),
        OUTCOME: line.outcome.label,
        REASON: line.reason,
        FILE: line.file_name,
    }[column]


class ChecklistModel(HeaderedTableModel):
    """Read-only: judged lines are edited through the judgement dialog, rule lines not at all."""

    HEADERS = HEADERS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._lines: list[ChecklistLine] = []

    def set_lines(self, lines: tuple[ChecklistLine, ...] | list[ChecklistLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def line(self, row: int) -> ChecklistLine:
        return self._lines[row]

    def row_of(self, criterion_id: int) -> int | None:
        return next((n for n, line in enumerate(self._lines) if line.criterion_id == criterion_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line, column = self._lines[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _text(line, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _criterion_tooltip(line) if column == CRITERION else _text(line, column) or None
        if column == OUTCOME and role == Qt.ItemDataRole.DecorationRole:
            return outcome_icon(line.outcome)
        if column == OUTCOME and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(OUTCOME_COLOURS[line.outcome]))
        if role == Qt.ItemDataRole.BackgroundRole and line.criterion_id is None:
            return QBrush(QColor(GENERAL_TINT))
        return None
