"""The passphrase of an encrypted backup (a copy from the second destination), asked before a restore.

Asked again, with the reason, until it opens the file (a quick check: no decryption) or the user gives up.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from app.errors import ServiceError
from app.services.safety import check_backup_passphrase, is_encrypted_backup
from app.ui.kit.operations import busy

TITLE = "Bản sao lưu mã hóa"
PROMPT = "Bản sao lưu “{name}” được mã hóa. Nhập cụm mật khẩu đã đặt khi bật mã hóa:"


def ask_text(parent: QWidget | None, prompt: str) -> str | None:
    """One question, the answer hidden as typed; None when cancelled (a seam for the tests)."""
    text, ok = QInputDialog.getText(parent, TITLE, prompt, QLineEdit.EchoMode.Password)
    return text if ok else None


def passphrase_for(parent: QWidget | None, path: Path) -> tuple[bool, str | None]:
    """(go on, passphrase): (True, None) for a backup that is not encrypted, (False, None) when cancelled."""
    if not is_encrypted_backup(path):
        return True, None
    prompt = PROMPT.format(name=path.name)
    while (passphrase := ask_text(parent, prompt)) is not None:
        try:
            with busy():
                check_backup_passphrase(path, passphrase)
        except ServiceError as exc:
            prompt = f"{exc}\n\n{PROMPT.format(name=path.name)}"
            continue
        return True, passphrase
    return False, None
