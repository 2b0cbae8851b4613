"""The "Tuyên truyền" tab: what was published about the exemplar — outlet, title, date, a link, a file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QPushButton

from app.rules.vntext import vn_short_date
from app.services.exemplars import PublicityInput, StoredFileRef
from app.ui.kit import messages, system_files
from app.ui.kit.line_table import Index, Line, LineColumn, LineTableEditor, LineTableModel
from app.ui.kit.widgets import ValueReader

FILE = "file"
COLUMNS = [
    LineColumn("published_on", "Ngày đăng", 95),
    LineColumn("outlet", "Cơ quan, báo, đài", 150),
    LineColumn("title", "Tiêu đề bài, tin", 230),
    LineColumn("link", "Đường dẫn", 140),
    LineColumn(FILE, "Tệp đính kèm", 120),
    LineColumn("note", "Ghi chú", 100),
]
STRETCHED = 2
# Kept in each line beside the columns: the stored file kept, a new file to store, the file to open.
STORED_ID, NEW_PATH, OPEN_PATH = "stored_file_id", "file_path", "open_path"


def publicity_line(item: PublicityInput, files: dict[int, StoredFileRef]) -> Line:
    ref = files.get(item.stored_file_id) if item.stored_file_id is not None else None
    return {
        "published_on": vn_short_date(item.published_on), "outlet": item.outlet, "title": item.title,
        "link": item.link, FILE: ref.name if ref else "", "note": item.note,
        STORED_ID: "" if item.stored_file_id is None else str(item.stored_file_id),
        NEW_PATH: "", OPEN_PATH: ref.path if ref else "",
    }


def read_publicity(line: Line, number: int, reader: ValueReader) -> PublicityInput:
    where = f"Tuyên truyền dòng {number}"
    stored = line.get(STORED_ID, "")
    return PublicityInput(
        outlet=line["outlet"],
        title=line["title"],
        published_on=reader.date(f"publicity.{number}.published_on", f"{where}, cột Ngày đăng",
                                 line["published_on"]),
        link=line["link"],
        note=line["note"],
        stored_file_id=int(stored) if stored else None,
        file_path=line.get(NEW_PATH, ""),
    )


class PublicityLineModel(LineTableModel):
    """Lines whose file column is shown, not typed: a file is attached with a button."""

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.columns[index.column()].key == FILE:
            flags &= ~Qt.ItemFlag.ItemIsEditable
        return flags

    def set_file(self, row: int, name: str, stored_id: str, new_path: str, open_path: str) -> None:
        self._lines[row].update({FILE: name, STORED_ID: stored_id, NEW_PATH: new_path, OPEN_PATH: open_path})
        column = next(n for n, c in enumerate(self.columns) if c.key == FILE)
        self.dataChanged.emit(self.index(row, column), self.index(row, column), [Qt.ItemDataRole.DisplayRole])

    def line(self, row: int) -> Line:
        return dict(self._lines[row])


class PublicityTable(LineTableEditor):
    def __init__(self, parent=None) -> None:
        super().__init__(COLUMNS, "publicity", parent)
        self._use_model(PublicityLineModel(COLUMNS, self))
        header = self.table.horizontalHeader()
        for number, column in enumerate(COLUMNS):
            self.table.setColumnWidth(number, column.width)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(STRETCHED, QHeaderView.ResizeMode.Stretch)

    def _use_model(self, model: PublicityLineModel) -> None:
        old_model, old_selection = self.model, self.table.selectionModel()
        self.model = model
        self.table.setModel(model)
        old_selection.deleteLater()
        old_model.deleteLater()

    def _build_buttons(self) -> QHBoxLayout:
        row = super()._build_buttons()
        for position, (text, slot) in enumerate(
            (("Đính kèm tệp…", self.attach_file), ("Mở tệp", self.open_file), ("Bỏ tệp", self.detach_file)),
            start=2,
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.insertWidget(position, button)
        return row

    def _current_row(self) -> int | None:
        index = self.table.currentIndex()
        if index.isValid():
            return index.row()
        messages.show_info(self, "Hãy chọn một dòng tuyên truyền trước.")
        return None

    def attach_file(self) -> None:
        row = self._current_row()
        path = system_files.choose_file(self) if row is not None else None
        if path:
            self.model.set_file(row, Path(path).name, "", path, path)

    def detach_file(self) -> None:
        row = self._current_row()
        if row is not None:
            self.model.set_file(row, "", "", "", "")

    def open_file(self) -> None:
        row = self._current_row()
        path = self.model.line(row).get(OPEN_PATH, "") if row is not None else ""
        if row is not None and not (path and system_files.open_file(path)):
            messages.show_error(self, "Dòng này chưa có tệp đính kèm, hoặc không mở được tệp.")

    def set_publicity(self, items: list[PublicityInput], files: dict[int, StoredFileRef]) -> None:
        self.model.set_lines([publicity_line(item, files) for item in items])

    def publicity(self, reader: ValueReader) -> list[PublicityInput]:
        return [read_publicity(line, n, reader) for n, line in self.numbered_lines()]
