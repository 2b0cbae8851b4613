"""Dữ liệu → Khôi phục từ bản sao lưu…: the backups, newest first, with their dates and counts of records.

"Chọn tệp khác…" adds a backup from anywhere (a USB stick) to the top of the list, so its date and counts
are seen before it is chosen. The dialog only chooses: it emits `chosen(path)` after the user confirms,
and the caller restores (in the background). After a damaged start (`damaged=True`) there is no current
data to lose, so the note says so and nothing is asked.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.rules.vntext import vn_number
from app.services.safety import BackupInfo, inspect_backup, is_encrypted_backup, list_backups
from app.services.workspace import backups_dir
from app.ui.kit import messages, system_files
from app.ui.kit.operations import busy
from app.ui.kit.widgets import add_button, restore_geometry, save_geometry

COLUMNS = ("Thời điểm lập", "Lý do", "Đối tượng", "Hồ sơ đề nghị", "Lượt khen thưởng", "Dung lượng")
NUMBER_COLUMNS = (2, 3, 4, 5)
NOTE = ("Chọn bản sao lưu cần khôi phục. Trước khi khôi phục, dữ liệu hiện tại được sao lưu thêm một bản "
        "(“trước khôi phục”), nên vẫn quay lại được nếu chọn nhầm.")
DAMAGED_NOTE = "Chọn bản sao lưu sẽ thay cho cơ sở dữ liệu bị hỏng (tệp hỏng đã được để riêng, không bị xóa)."
PICKED = "tệp được chọn"


def size_text(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


def count_text(value: int | None) -> str:
    return "?" if value is None else vn_number(value)


def backup_row(info: BackupInfo, picked: bool = False) -> QTreeWidgetItem:
    reason = info.reason.label if info.reason else "không rõ"
    if is_encrypted_backup(info.path):
        reason += " · mã hóa"  # the passphrase is asked when it is restored (passphrase_prompt.py)
    texts = [f"{info.created:%d/%m/%Y %H:%M:%S}", f"{reason} · {PICKED}" if picked else reason,
             count_text(info.subjects), count_text(info.nominations), count_text(info.awards),
             size_text(info.size)]
    item = QTreeWidgetItem(texts)
    item.setData(0, Qt.ItemDataRole.UserRole, info)
    for column in range(len(COLUMNS)):
        item.setToolTip(column, str(info.path))
    for column in NUMBER_COLUMNS:
        item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def confirm_text(info: BackupInfo) -> str:
    made = info.created
    return (f"Khôi phục dữ liệu từ bản sao lưu lập lúc {made:%H:%M:%S} ngày {made:%d/%m/%Y} "
            f"({info.counts_text()})?\n\nDữ liệu hiện tại được sao lưu trước rồi mới bị thay bằng bản này; "
            "những gì nhập sau thời điểm lập bản sao lưu sẽ không còn trong dữ liệu đang dùng.")


class RestoreDialog(QDialog):
    chosen = Signal(object)  # the Path of the backup to restore

    def __init__(self, data_dir: Path, parent: QWidget | None = None, damaged: bool = False) -> None:
        super().__init__(parent)
        self.data_dir, self.damaged = data_dir, damaged
        self.setWindowTitle("Khôi phục từ bản sao lưu")
        self._build()
        with busy():
            backups = list_backups(data_dir)
        for info in backups:
            self.table.addTopLevelItem(backup_row(info))
        self._note_empty(backups)
        self.table.setCurrentItem(self.table.topLevelItem(0))
        self._update()
        if not restore_geometry(self, "restore_dialog", data_dir):
            self.resize(820, 420)

    def _build(self) -> None:
        self.note = QLabel(DAMAGED_NOTE if self.damaged else NOTE, wordWrap=True)
        self.table = QTreeWidget(rootIsDecorated=False, uniformRowHeights=True, alternatingRowColors=True)
        self.table.setHeaderLabels(COLUMNS)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.currentItemChanged.connect(self._update)
        self.table.itemDoubleClicked.connect(lambda *_args: self.accept())
        buttons = QHBoxLayout()
        self.file_button = add_button(buttons, "Chọn tệp khác…", self.choose_file)
        buttons.addStretch(1)
        self.restore_button = add_button(buttons, "Khôi phục", self.accept)
        self.restore_button.setDefault(True)
        self.cancel_button = add_button(buttons, "Hủy", self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _note_empty(self, backups: list[BackupInfo]) -> None:
        if not backups:
            folder = backups_dir(self.data_dir)
            self.note.setText(f"{self.note.text()}\n\nTrong “{folder}” chưa có bản sao lưu nào. Nếu có bản "
                              "sao lưu trên ổ USB hoặc thư mục khác, bấm “Chọn tệp khác…”.")

    def _update(self, *_args) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def selected(self) -> BackupInfo | None:
        item = self.table.currentItem()
        return None if item is None else item.data(0, Qt.ItemDataRole.UserRole)

    def choose_file(self) -> None:
        path = system_files.choose_backup_file(self)
        if path is None:
            return
        with busy():
            info = inspect_backup(path)
        item = backup_row(info, picked=True)
        self.table.insertTopLevelItem(0, item)
        self.table.setCurrentItem(item)

    def accept(self) -> None:
        info = self.selected()
        if info is None:
            return
        if not self.damaged and not messages.ask_yes_no(self, confirm_text(info), "Khôi phục dữ liệu"):
            return
        super().accept()
        self.chosen.emit(info.path)

    def done(self, result: int) -> None:
        save_geometry(self, "restore_dialog", self.data_dir)
        super().done(result)
