"""The upload package in the window (menu "Trao đổi"): check a package someone sent, and import the award
catalogue or a colleague's subjects from one. Both run in the background and say what they found."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from app.services.exchange import PackageCheck, import_package, verify_package
from app.services.workspace import Database
from app.ui.kit import messages
from app.ui.kit.background import BackgroundTask, run_in_background

PACKAGE_FILTER = "Gói hồ sơ (*.zip)"


def choose_package(parent: QWidget, title: str) -> Path | None:
    path, _filter = QFileDialog.getOpenFileName(parent, title, str(Path.home()), PACKAGE_FILTER)
    return Path(path) if path else None


def check_text(check: PackageCheck) -> tuple[bool, str]:
    """(sound, what to say)."""
    if check.problems:
        return False, f"Gói “{check.path.name}” KHÔNG hợp lệ:\n" + "\n".join(f"- {p}" for p in check.problems)
    info = dict(check.info)
    lines = [f"Gói “{check.path.name}” hợp lệ: {check.bag_name}, {check.files} tệp, mã SHA-256 khớp."]
    lines += [info[label] for label in ("Source-Organization", "External-Description") if info.get(label)]
    return True, "\n".join(lines)


def verify_package_file(parent: QWidget) -> BackgroundTask | None:
    path = choose_package(parent, "Chọn gói hồ sơ cần kiểm tra")
    if path is None:
        return None

    def show(check: PackageCheck) -> None:
        sound, text = check_text(check)
        (messages.show_info if sound else messages.show_error)(parent, text)

    return run_in_background(parent, "Đang kiểm tra gói…", lambda: verify_package(path), show)


def import_package_file(parent: QWidget, db: Database) -> BackgroundTask | None:
    path = choose_package(parent, "Chọn gói danh mục khen thưởng hoặc gói đối tượng")
    if path is None or not messages.ask_yes_no(
            parent, f"Nhập gói “{path.name}”? Gói được kiểm tra trước; chỉ thêm những gì máy này còn thiếu."):
        return None
    return run_in_background(parent, "Đang kiểm tra và nhập gói…", lambda: import_package(db, path),
                             lambda result: messages.show_info(parent, result.summary()))
