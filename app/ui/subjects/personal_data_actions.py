"""“Dữ liệu cá nhân ▾” on the subjects page: export everything held about the selected subject (for the
person, on request) and erase it on request (the plan, then the red button in erase_dialog.py)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from app.rules.vntext import fold
from app.services.subjects import erase_plan, export_subject_data
from app.services.workspace import Database
from app.ui.kit import messages, system_files
from app.ui.kit.background import run_in_background
from app.ui.kit.operations import service_call
from app.ui.subjects.erase_dialog import EraseDialog

Selected = Callable[[], tuple[int, str] | None]  # the selected subject's id and name
ZIP_FILTER = "Tệp nén (*.zip)"
ONLY_LEADERS = "Chỉ lãnh đạo mới được xóa dữ liệu cá nhân theo yêu cầu."


def export_file_name(name: str) -> str:
    """'du-lieu-ca-nhan-nguyen-thi-hoa.zip': no diacritics, so every system and USB stick takes it."""
    words = "".join(ch if ch.isalnum() else " " for ch in fold(name)).split()
    return f"du-lieu-ca-nhan-{'-'.join(words) or 'doi-tuong'}.zip"


class PersonalDataButton(QPushButton):
    erased = Signal()  # a subject was erased: the page reloads its list

    def __init__(self, db: Database, selected: Selected, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self._selected = db, selected
        self.dialog: EraseDialog | None = None  # the erase dialog last opened
        self.setText("Dữ liệu cá nhân")
        menu = QMenu(self)
        self.export_action = menu.addAction("Xuất dữ liệu cá nhân…")
        self.erase_action = menu.addAction("Xóa theo yêu cầu…")
        self.export_action.triggered.connect(lambda _checked=False: self.export_selected())
        self.erase_action.triggered.connect(lambda _checked=False: self.erase_selected())
        self.setMenu(menu)

    def update_state(self, has_selection: bool) -> None:
        self.setEnabled(has_selection)
        may_erase = self.db.actor.can_approve
        self.erase_action.setEnabled(may_erase)
        self.erase_action.setToolTip("" if may_erase else ONLY_LEADERS)

    def export_selected(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        subject_id, name = selected
        suggested = system_files.suggested_save_path(self.db.data_dir, export_file_name(name))
        target = system_files.choose_save_path(self, suggested, ZIP_FILTER, "Lưu dữ liệu cá nhân (tệp nén)")
        if target is None:
            return
        work = lambda: export_subject_data(self.db, subject_id, target)  # noqa: E731
        self.task = run_in_background(self.window(), "Đang xuất dữ liệu cá nhân…", work, self._exported)

    def _exported(self, result) -> None:
        system_files.remember_save_folder(self.db.data_dir, result.path)
        messages.show_info(self.window(), result.summary(), "Đã xuất dữ liệu cá nhân")

    def erase_selected(self) -> EraseDialog | None:
        selected = self._selected()
        if selected is None:
            return None
        with service_call(self.window()) as call:
            plan = erase_plan(self.db, selected[0])
        if not call.ok:
            return None
        self.dialog = EraseDialog(self.db, plan, self.window())
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.erased.connect(lambda _result: self.erased.emit())
        self.dialog.open()
        return self.dialog
