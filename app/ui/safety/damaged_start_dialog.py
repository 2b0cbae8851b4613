"""A damaged database at start: the file was set aside; offer the newest good backup, another one, or leaving.

`open_or_recover` is what the GUI's start calls instead of `open_database`: on DamagedDatabaseError it
shows DamagedStartDialog; a chosen backup is restored (in the background, with progress) and the
database opened, so the app then starts normally on the restored data. A restore that is refused (a
damaged backup, one from a newer version) is said, and the offer comes back.

Every start passes through `open_or_recover`: what only a damaged start needs (the restore, the dialogs)
is imported when the damage is found.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QStyle, QVBoxLayout, QWidget

from app.errors import DamagedDatabaseError, MissingDatabaseError
from app.services.workspace import Database, backups_dir, open_database
from app.ui.kit import messages
from app.ui.kit.waiting import run_and_wait
from app.ui.kit.widgets import add_button

if TYPE_CHECKING:
    from app.services.safety import RestoreReport

ICON_SIZE = 48
WIDTH = 640
LEAVING = ("Nếu chọn “Thoát”, dữ liệu để nguyên như vậy; lần mở sau Sổ Vàng sẽ lại đề nghị khôi phục "
           "(không bao giờ tự tạo một cơ sở dữ liệu trống thay cho dữ liệu đã có).")


def _first_lines(data_dir: Path, damage: DamagedDatabaseError) -> list[str]:
    if isinstance(damage, MissingDatabaseError):
        state = "trống (0 byte)" if damage.empty else "không còn"
        lines = [f"Thư mục dữ liệu “{data_dir}” đã được khởi tạo nhưng tệp cơ sở dữ liệu {state}."]
        if damage.set_aside_as is not None:
            lines.append(f"Tệp hỏng trước đó đã được để riêng thành “{damage.set_aside_as.name}”.")
        return lines
    assert damage.set_aside_as is not None
    return [f"Sổ Vàng không mở được dữ liệu trong thư mục “{data_dir}” vì tệp cơ sở dữ liệu bị hỏng.",
            f"Tệp hỏng đã được để riêng thành “{damage.set_aside_as.name}” (không xóa, không ghi đè)."]


def offer_text(data_dir: Path, damage: DamagedDatabaseError) -> str:
    if not damage.can_restore:
        return str(damage)
    lines = _first_lines(data_dir, damage)
    newest = damage.newest_backup
    if newest is None:
        lines.append(f"Trong “{backups_dir(data_dir)}” không có bản sao lưu nào dùng được. Nếu có bản sao "
                     "lưu trên ổ USB hoặc ở thư mục khác, hãy bấm “Chọn bản sao lưu khác…”.")
    else:
        made = newest.created
        lines.append(f"Bản sao lưu tốt gần nhất được lập lúc {made:%H:%M} ngày {made:%d/%m/%Y}, có "
                     f"{newest.counts_text()}. Những gì nhập sau thời điểm đó không có trong bản này.")
    return "\n\n".join([*lines, LEAVING])


class DamagedStartDialog(QDialog):
    """The choice after a damaged start: `chosen_path` is the backup to restore, None to leave."""

    def __init__(self, data_dir: Path, damage: DamagedDatabaseError, parent: QWidget | None = None) -> None:
        from app.ui.safety.second_folder_dialog import fit_height

        super().__init__(parent)
        self.data_dir, self.damage = data_dir, damage
        self.chosen_path: Path | None = None
        missing = isinstance(damage, MissingDatabaseError)
        self.setWindowTitle("Thiếu cơ sở dữ liệu" if missing else "Cơ sở dữ liệu bị hỏng")
        self._build()
        fit_height(self, WIDTH)

    def _build(self) -> None:
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(ICON_SIZE))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text_label = QLabel(offer_text(self.data_dir, self.damage), wordWrap=True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body = QHBoxLayout()
        body.addWidget(icon)
        body.addWidget(self.text_label, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        can_restore = self.damage.can_restore
        has_newest = can_restore and self.damage.newest_backup is not None
        self.newest_button = add_button(buttons, "Khôi phục bản sao lưu gần nhất", self.restore_newest)
        self.newest_button.setVisible(has_newest)
        self.other_button = add_button(buttons, "Chọn bản sao lưu khác…", self.choose_other)
        self.other_button.setVisible(can_restore)
        self.quit_button = add_button(buttons, "Thoát", self.reject)
        (self.newest_button if has_newest else self.quit_button).setDefault(True)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addSpacing(8)
        layout.addLayout(buttons)

    def text(self) -> str:
        return self.text_label.text()

    def restore_newest(self) -> None:
        self._choose(self.damage.newest_backup.path)

    def choose_other(self) -> None:
        from app.ui.safety.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.data_dir, self, damaged=True)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(self._choose)
        dialog.open()

    def _choose(self, path: Path) -> None:
        self.chosen_path = path
        self.accept()


def ask_for_backup(data_dir: Path, damage: DamagedDatabaseError) -> Path | None:
    dialog = DamagedStartDialog(data_dir, damage)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    return dialog.chosen_path if accepted else None


def _restore(data_dir: Path, path: Path) -> RestoreReport | None:
    from app.services.safety import restore_at_start
    from app.ui.safety.passphrase_prompt import passphrase_for

    go_on, passphrase = passphrase_for(None, path)  # an encrypted copy from the second destination
    if not go_on:
        return None
    waited = run_and_wait(None, "Đang khôi phục dữ liệu…",
                          lambda: restore_at_start(data_dir, path, passphrase))
    return waited.value if waited.done else None


def open_or_recover(data_dir: Path) -> Database | None:
    """open_database; after a damaged start, the database restored from the backup the user chose.

    None when the user chose to leave. Other errors of open_database propagate as they are.
    """
    try:
        return open_database(data_dir)
    except DamagedDatabaseError as damage:
        while (path := ask_for_backup(data_dir, damage)) is not None:
            report = _restore(data_dir, path)
            if report is not None:
                db = open_database(data_dir)  # an older backup is migrated here, after its own backup
                messages.show_info(None, report.summary(), "Đã khôi phục")
                return db
        return None
