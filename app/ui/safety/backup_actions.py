"""The "Dữ liệu" menu — backup now, restore, check, the second destination, the backups folder — and
what the main window does about backups on its own: the automatic backup and the step at close.

The main window makes one BackupActions after its "Tệp" menu and calls `close_step()` from its
closeEvent. On PostgreSQL the server's administrator backs the data up (pg_dump): the backup items are
greyed with a tooltip saying so (the check stays: it asks the server), and neither the timer nor the close
step runs.

The backup and check services are imported by the items and steps that run them, not when the window is
built: the start does not pay for them.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from app.services.workspace import backups_dir, data_dir_warning
from app.ui.kit import messages, system_files
from app.ui.kit.background import run_in_background
from app.ui.kit.waiting import run_and_wait
from app.ui.safety.auto_backup import AutoBackup

if TYPE_CHECKING:
    from app.services.safety import BackupOutcome, CheckReport, CloseReport, RestoreReport

MENU_TITLE = "&Dữ liệu"
LEADER_ONLY = ("Chỉ lãnh đạo mới được khôi phục dữ liệu từ bản sao lưu: việc khôi phục có thể xóa những gì "
               "lãnh đạo đã duyệt, ban hành sau thời điểm lập bản sao lưu.")
RESTORE_HINT = ("Để khôi phục: vào “Dữ liệu → Khôi phục từ bản sao lưu…” rồi chọn bản sao lưu gần nhất "
                "còn tốt.")
CLOSE_WAIT_S = 5.0


class BackupActions(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.menu = window.menuBar().addMenu(MENU_TITLE)
        self.menu.setToolTipsVisible(True)
        self.backup_action = self._add("Sao lưu ngay", self.backup_now)
        self.restore_action = self._add("Khôi phục từ bản sao lưu…", self.restore)
        self.check_action = self._add("Kiểm tra cơ sở dữ liệu…", self.check)
        self.menu.addSeparator()
        self.second_action = self._add("Nơi sao lưu thứ hai…", self.edit_second_folder)
        self.folder_action = self._add("Mở thư mục sao lưu", self.open_backups_folder)
        self.auto = AutoBackup(window)
        self._closed = False
        if not window.db.is_sqlite:
            self._grey_out()
        else:
            self.fit_to_role()
            self.menu.aboutToShow.connect(self.fit_to_role)  # the person working may change (lock screen)
            QTimer.singleShot(0, self.warn_about_location)

    @property
    def db(self):
        return self.window.db

    def _add(self, text: str, slot) -> QAction:
        action = self.menu.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def fit_to_role(self) -> None:
        """Restore is a leader's step (services/safety/backups.restore_database says so too)."""
        allowed = self.db.actor.can_approve
        self.restore_action.setEnabled(allowed)
        self.restore_action.setToolTip("" if allowed else LEADER_ONLY)
        self.restore_action.setStatusTip("" if allowed else LEADER_ONLY)

    def _grey_out(self) -> None:
        """On PostgreSQL: everything but the check (it asks the server: services/safety/integrity.py)."""
        from app.services.safety import ON_SERVER

        for action in self.menu.actions():
            if not action.isSeparator() and action is not self.check_action:
                action.setEnabled(False)
                action.setToolTip(ON_SERVER)
                action.setStatusTip(ON_SERVER)

    def backup_now(self) -> None:
        from app.services.safety import backup_now

        run_in_background(self.window, "Đang sao lưu…", lambda: backup_now(self.db), self._backed_up)

    def _backed_up(self, outcome: BackupOutcome) -> None:
        if outcome.copy_problem:
            messages.show_error(self.window, outcome.summary(), "Sao lưu")
        else:
            messages.show_info(self.window, outcome.summary(), "Sao lưu")

    def check(self) -> None:
        from app.services.safety import check_database

        run_in_background(self.window, "Đang kiểm tra cơ sở dữ liệu…",
                          lambda: check_database(self.db, full=True), self._checked)

    def _checked(self, report: CheckReport) -> None:
        title = "Kiểm tra cơ sở dữ liệu"
        if report.ok:
            messages.show_info(self.window, report.summary(), title)
            return
        damaged = report.problems and self.db.is_sqlite  # not for the audit trail's own findings
        text = f"{report.summary()}\n{RESTORE_HINT}" if damaged else report.summary()
        messages.show_error(self.window, text, title)

    def restore(self) -> None:
        from app.ui.safety.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.db.data_dir, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(self.restore_from)
        dialog.open()

    def restore_from(self, path: Path) -> None:
        """Restore in the background, then show the restored data on every page."""
        from app.services.safety import restore_database
        from app.ui.safety.passphrase_prompt import passphrase_for

        go_on, passphrase = passphrase_for(self.window, path)  # an encrypted copy from the second destination
        if not go_on:
            return
        self.auto.pause()
        task = run_in_background(self.window, "Đang khôi phục dữ liệu…",
                                 lambda: restore_database(self.db, path, passphrase), self._restored)
        task.finished.connect(self.auto.resume)

    def _restored(self, report: RestoreReport) -> None:
        reload_pages(self.window)
        messages.show_info(self.window, report.summary(), "Đã khôi phục")

    def edit_second_folder(self) -> None:
        from app.ui.safety.second_folder_dialog import SecondFolderDialog

        dialog = SecondFolderDialog(self.db, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_backups_folder(self) -> None:
        folder = backups_dir(self.db.data_dir)
        with contextlib.suppress(OSError):  # a folder that cannot be made is said below
            folder.mkdir(parents=True, exist_ok=True)
        if not system_files.open_folder(folder):
            text = f"Không mở được thư mục sao lưu. Các bản sao lưu nằm ở:\n{folder}"
            messages.show_error(self.window, text, "Mở thư mục sao lưu")

    def warn_about_location(self) -> None:
        """A data folder on a network share or in a synced folder: a note for the session and a box."""
        warning = data_dir_warning(self.db.data_dir)
        if warning:
            self.auto.note.set_note("Cảnh báo: thư mục dữ liệu ở nơi dễ làm hỏng dữ liệu", warning, True)
            show_non_modal_warning(self.window, warning)

    def close_step(self) -> None:
        """Before the window closes: the backup if the data changed, and quick_check; problems are said."""
        if self._closed or not self.db.is_sqlite:
            return
        from app.services.safety import close_step

        self._closed = True
        self.auto.stop(0)
        waited = run_and_wait(self.window, "Đang sao lưu và kiểm tra dữ liệu trước khi đóng…",
                              lambda: close_step(self.db))
        self.auto.stop(CLOSE_WAIT_S)  # the automatic backup that was running has ended by now
        if waited.done and waited.value.problems:
            messages.show_error(self.window, close_message(waited.value), "Khi đóng Sổ Vàng")


def close_message(report: CloseReport) -> str:
    text = "Sổ Vàng sẽ đóng, nhưng cần bạn chú ý:\n\n" + "\n\n".join(report.problems)
    return f"{text}\n\n{RESTORE_HINT}" if report.damaged else text


def show_non_modal_warning(parent: QWidget, text: str) -> QMessageBox:
    """A warning that does not stop work: the window stays usable, "Đã hiểu" closes it."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Sổ Vàng", text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.addButton("Đã hiểu", QMessageBox.ButtonRole.AcceptRole)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box


def reload_pages(window) -> None:
    """After a restore: drop the pages made so far (they hold the replaced data); remake the current one."""
    row = window.nav.currentRow()
    for index, spec in enumerate(window.specs):
        page = window.pages.pop(spec.key, None)
        if page is not None:
            window.stack.insertWidget(index, QWidget())
            window.stack.removeWidget(page)
            page.deleteLater()
    window.refresh_title()
    window.refresh_total()
    window.nav.setCurrentRow(-1)
    window.nav.setCurrentRow(max(row, 0))
