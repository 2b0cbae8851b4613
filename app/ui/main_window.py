"""The main window: page navigation on the left, the current page on the right, a status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from app import __version__
from app.rules.vntext import vn_number
from app.services.settings import load_commune_profile
from app.services.subjects import count_subjects
from app.services.workspace import Database
from app.ui.accounts.access_controls import AccessControls
from app.ui.exchange.menu import ExchangeMenu
from app.ui.kit import messages
from app.ui.kit.item_rows import roomy_list
from app.ui.kit.widgets import restore_geometry, save_geometry
from app.ui.pages import DECISIONS, NOMINATIONS, SUBJECTS, PageSpec, default_pages
from app.ui.safety.backup_actions import BackupActions

if TYPE_CHECKING:
    from app.ui.help.window import HelpWindow

ABOUT_TEXT = (
    "Sổ Vàng — quản lý thi đua, khen thưởng cấp xã.\nPhiên bản {version}, phát hành theo giấy phép MIT.\n\n"
    "Phần mềm chạy trên máy, không cần Internet. Dữ liệu được lưu trong thư mục:\n{data_dir}"
)


class MainWindow(QMainWindow):
    def __init__(self, db: Database, pages: list[PageSpec] | None = None) -> None:
        super().__init__()
        self.db = db
        self.specs = list(pages if pages is not None else default_pages())
        self.pages: dict[str, QWidget] = {}  # the pages made so far (each is made when first needed)
        self.help_window: HelpWindow | None = None  # made at the first F1
        self._build_body()
        self._build_menus()
        self._build_status_bar()
        self.refresh_title()
        self.refresh_total()
        if not restore_geometry(self, "main_window", db.data_dir):
            self.resize(1200, 700)
        self.nav.setCurrentRow(0)

    def _build_body(self) -> None:
        self.nav = roomy_list()
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFixedWidth(190)
        self.stack = QStackedWidget()
        for spec in self.specs:
            self._add_nav_item(spec)
        self.nav.currentRowChanged.connect(self._show_page)
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)

    def _add_nav_item(self, spec: PageSpec) -> None:
        self.stack.addWidget(QWidget())  # a placeholder until the page is first needed
        item = QListWidgetItem(spec.title)
        if spec.icon is not None:
            item.setIcon(self.style().standardIcon(spec.icon))
        item.setSizeHint(QSize(0, 34))
        self.nav.addItem(item)

    def _make_page(self, row: int) -> QWidget:
        spec = self.specs[row]
        page = spec.create(self.db)
        self.pages[spec.key] = page
        placeholder = self.stack.widget(row)
        self.stack.insertWidget(row, page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self._connect_page(spec.key, page)
        return page

    def _connect_page(self, key: str, page: QWidget) -> None:
        """Links between pages: a page asks to open another one through a signal."""
        if key == SUBJECTS and hasattr(page, "total_changed"):
            page.total_changed.connect(self._show_total)
        if hasattr(page, "open_nominations"):
            page.open_nominations.connect(self.open_round_nominations)
        if hasattr(page, "open_decisions"):
            page.open_decisions.connect(self.open_round_decisions)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&Tệp")
        self._action(file_menu, "Thông tin xã…", self.edit_commune)
        self._action(file_menu, "Cài đặt…", self.edit_settings)
        self._action(file_menu, "Mẫu văn bản…", self.edit_wording)
        self.access = AccessControls(self, file_menu)  # accounts, password, lock, who is signed in
        file_menu.addSeparator()
        self._action(file_menu, "Thoát", self.close, QKeySequence("Ctrl+Q"))
        self.backups = BackupActions(self)  # the "Dữ liệu" menu, the automatic backup, the step at close
        self.exchange = ExchangeMenu(self)  # "Trao đổi": lists from and to Excel
        help_menu = self.menuBar().addMenu("Trợ &giúp")
        self._action(help_menu, "Hướng dẫn trang này", self.show_help, QKeySequence(Qt.Key.Key_F1))
        self._action(help_menu, "Giới thiệu Sổ Vàng", self.show_about)

    def _action(self, menu, text: str, slot, shortcut: QKeySequence | None = None) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(shortcut)
        return action

    def _build_status_bar(self) -> None:
        self.commune_label = QLabel()
        self.count_label = QLabel()
        self.statusBar().addWidget(self.commune_label, 1)
        self.statusBar().addPermanentWidget(self.count_label)

    def refresh_title(self) -> None:
        profile = load_commune_profile(self.db)
        self.setWindowTitle(f"Sổ Vàng — {profile.commune}" if profile.commune else "Sổ Vàng")
        self.commune_label.setText(", ".join(p for p in (profile.commune, profile.province) if p))

    def page(self, key: str) -> QWidget:
        """The page (made now if it was not yet)."""
        if key not in self.pages:
            self._make_page(self._row(key))
        return self.pages[key]

    def _row(self, key: str) -> int:
        return [spec.key for spec in self.specs].index(key)

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(self._row(key))

    def _show_page(self, row: int) -> None:
        if row < 0:
            return
        page = self.page(self.specs[row].key)
        self.stack.setCurrentIndex(row)
        if hasattr(page, "on_shown"):
            page.on_shown()

    def open_round_nominations(self, round_id: int) -> None:
        self.show_page(NOMINATIONS)
        self.page(NOMINATIONS).show_round(round_id)

    def open_round_decisions(self, round_id: int) -> None:
        self.show_page(DECISIONS)
        self.page(DECISIONS).show_round(round_id)

    def refresh_total(self) -> None:
        self._show_total(count_subjects(self.db))

    def _show_total(self, total: int) -> None:
        self.count_label.setText(f"Tổng số: {vn_number(total)} đối tượng")

    def edit_commune(self) -> None:
        from app.ui.settings.setup_dialog import SetupDialog

        dialog = SetupDialog(self.db, first_run=False, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.refresh_title)
        dialog.open()

    def edit_settings(self) -> None:
        from app.ui.settings.dialog import SettingsDialog

        dialog = SettingsDialog(self.db, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._settings_changed)
        dialog.open()

    def edit_wording(self) -> None:
        from app.ui.settings.wording_dialog import WordingDialog

        dialog = WordingDialog(self.db, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._settings_changed)
        dialog.open()

    def _settings_changed(self) -> None:
        self.access.settings_changed()
        current = self.stack.currentWidget()
        if hasattr(current, "on_shown"):
            current.on_shown()

    def show_help(self) -> None:
        """The help page of the screen in front (F1), in a window that stays open beside this one."""
        spec = self.specs[max(self.nav.currentRow(), 0)]
        if self.help_window is None:
            from app.ui.help.window import HelpWindow  # made at the first F1, not at the start

            self.help_window = HelpWindow(self)
        self.help_window.show_page(spec.key, spec.title)

    def show_about(self) -> None:
        text = ABOUT_TEXT.format(data_dir=self.db.data_dir, version=__version__)
        messages.show_info(self, text, "Giới thiệu Sổ Vàng")

    def closeEvent(self, event: QCloseEvent) -> None:
        self.backups.close_step()
        save_geometry(self, "main_window", self.db.data_dir)
        super().closeEvent(event)
