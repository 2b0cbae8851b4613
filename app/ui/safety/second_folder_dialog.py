"""Dữ liệu → Nơi sao lưu thứ hai…: a USB stick or a folder on another disk that gets a copy of each backup.

The folder is the setting BACKUP_SECOND_FOLDER; services/safety/backups.py checks it (it exists, it can be
written, it is not inside the data folder) when it is chosen and again when it is saved.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import ServiceError
from app.services.safety import (
    backup_encryption_on,
    check_second_folder,
    on_same_disk,
    save_second_folder,
    second_folder,
    set_backup_encryption,
)
from app.services.workspace import Database
from app.ui.kit import system_files
from app.ui.kit.widgets import ErrorLabel, add_button, ok_cancel_buttons
from app.ui.settings.dialog import HINT_STYLE

INTRO = ("Mỗi lần sao lưu (khi bấm “Sao lưu ngay”, tự động trong lúc làm việc và khi đóng), Sổ Vàng chép "
         "thêm một bản tới thư mục này — thường là ổ USB hoặc một ổ đĩa khác — để còn dữ liệu khi máy hỏng "
         "hay bị mất. Nếu lúc đó ổ USB không cắm, bản sao lưu vẫn được lập trong máy và thanh trạng thái "
         "báo lại. Ở đó Sổ Vàng chỉ giữ các bản theo lịch như trong máy và không đụng tới tệp khác.")
PRIVACY = ("Bản sao lưu chứa dữ liệu cá nhân của công dân (họ tên, ngày sinh, số CCCD…): hãy cất giữ ổ USB "
           "cẩn thận, không dùng chung và không cho mượn.")
WIDTH = 620
ENCRYPT = "Mã hóa bản sao lưu ở nơi thứ hai"
ENCRYPT_HINT = ("Bản sao ở nơi thứ hai được mã hóa bằng cụm mật khẩu này (AES-256): ai nhặt được ổ USB cũng "
                "không đọc được. Hãy ghi nhớ cụm mật khẩu — khi khôi phục từ bản mã hóa phải nhập lại, và "
                "quên thì không mở được. Bản sao lưu trong máy này không mã hóa.")
KEEP_PASSPHRASE = "Để trống: giữ cụm mật khẩu đang dùng"
NEED_PASSPHRASE = "Hãy nhập cụm mật khẩu mã hóa hai lần giống nhau (ít nhất 8 ký tự)."
SAME_DISK = ("Lưu ý: thư mục này nằm trên cùng ổ đĩa với dữ liệu; ổ đĩa hỏng thì mất cả hai. "
             "Nên chọn ổ USB hoặc ổ đĩa khác.")


def fit_height(dialog: QWidget, width: int) -> None:
    """Width `width` and the height its wrapped lines need (a top-level layout does not work it out)."""
    dialog.layout().invalidate()  # labels just shown or hidden
    dialog.resize(width, max(dialog.heightForWidth(width), dialog.sizeHint().height()))


class SecondFolderDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle("Nơi sao lưu thứ hai")
        self._build()
        current = second_folder(db)
        self.folder_edit.setText(str(current) if current else "")
        self._say()

    def _build(self) -> None:
        self.folder_edit = QLineEdit(readOnly=True, placeholderText="Chưa chọn: chỉ sao lưu trong máy này")
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        self.choose_button = add_button(row, "Chọn thư mục…", self.choose)
        self.clear_button = add_button(row, "Bỏ chọn", self.clear)
        self.hint = QLabel(wordWrap=True, styleSheet=HINT_STYLE)
        self.error = ErrorLabel()
        self.buttons = ok_cancel_buttons("Lưu")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(INTRO, wordWrap=True))
        layout.addLayout(row)
        layout.addWidget(self.hint)
        self._build_encryption(layout)
        layout.addWidget(self.error)
        layout.addWidget(QLabel(PRIVACY, wordWrap=True, styleSheet=HINT_STYLE))
        layout.addWidget(self.buttons)

    def _build_encryption(self, layout: QVBoxLayout) -> None:
        self.encrypted_before = backup_encryption_on(self.db)
        self.encrypt_box = QCheckBox(ENCRYPT)
        self.encrypt_box.setChecked(self.encrypted_before)
        self.passphrase_edit = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.again_edit = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        if self.encrypted_before:
            self.passphrase_edit.setPlaceholderText(KEEP_PASSPHRASE)
        self.encryption = QWidget()
        form = QFormLayout(self.encryption)
        form.setContentsMargins(20, 0, 0, 0)
        hint = QLabel(ENCRYPT_HINT)
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        form.addRow(hint)
        form.addRow("Cụm mật khẩu:", self.passphrase_edit)
        form.addRow("Nhập lại:", self.again_edit)
        self.encrypt_box.toggled.connect(self._show_encryption)
        layout.addWidget(self.encrypt_box)
        layout.addWidget(self.encryption)
        self.encryption.setVisible(self.encrypted_before)

    def _show_encryption(self, on: bool) -> None:
        self.encryption.setVisible(on)
        fit_height(self, WIDTH)

    def folder(self) -> Path | None:
        text = self.folder_edit.text()
        return Path(text) if text else None

    def choose(self) -> None:
        folder = system_files.choose_folder(self, "Chọn nơi sao lưu thứ hai")
        if folder is None:
            return
        self.folder_edit.setText(str(folder))
        try:
            check_second_folder(self.db.data_dir, folder)
        except ServiceError as exc:
            self._say(error=str(exc))
            return
        self._say(hint=SAME_DISK if on_same_disk(self.db.data_dir, folder) else "")

    def clear(self) -> None:
        self.folder_edit.clear()
        self._say()

    def _say(self, hint: str = "", error: str = "") -> None:
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self.error.set_message(error)
        fit_height(self, WIDTH)

    def accept(self) -> None:
        folder = self.folder()
        try:
            if folder is not None:
                check_second_folder(self.db.data_dir, folder)  # before the encryption is changed
            self._save_encryption()
            save_second_folder(self.db, folder)
        except ServiceError as exc:
            self._say(error=str(exc))
            return
        super().accept()

    def _save_encryption(self) -> None:
        passphrase, again = self.passphrase_edit.text(), self.again_edit.text()
        if not self.encrypt_box.isChecked():
            if self.encrypted_before:
                set_backup_encryption(self.db, None)
        elif passphrase or again:
            set_backup_encryption(self.db, passphrase, again)
        elif not self.encrypted_before:
            raise ServiceError(NEED_PASSPHRASE)
