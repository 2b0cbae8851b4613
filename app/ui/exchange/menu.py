"""The "Trao đổi" menu of the main window: importing a candidate list from Excel, exporting lists to
Excel. Its dialogs are imported when first opened (the window starts without them)."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QMenu


class ExchangeMenu:
    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.menu: QMenu = window.menuBar().addMenu("Trao đổ&i")
        self.menu.addAction("Nhập danh sách từ Excel…").triggered.connect(self.open_import)
        self.menu.addAction("Xuất danh sách ra Excel…").triggered.connect(self.open_export)
        self.menu.addSeparator()
        self.menu.addAction("Kiểm tra gói hồ sơ (.zip)…").triggered.connect(self.check_package)
        self.menu.addAction("Nhập gói danh mục, đối tượng…").triggered.connect(self.import_package)
        self.dialogs: list = []

    def open_import(self) -> None:
        from app.ui.exchange.import_dialog import ImportDialog

        dialog = ImportDialog(self.window.db, self.window)  # type: ignore[attr-defined]
        dialog.imported.connect(self._refresh_subjects)
        self._show(dialog)

    def open_export(self) -> None:
        from app.ui.exchange.export_dialog import ExportDialog

        self._show(ExportDialog(self.window.db, self.window))  # type: ignore[attr-defined]

    def check_package(self) -> None:
        from app.ui.exchange.package_actions import verify_package_file

        verify_package_file(self.window)

    def import_package(self) -> None:
        from app.ui.exchange.package_actions import import_package_file

        import_package_file(self.window, self.window.db)  # type: ignore[attr-defined]

    def _show(self, dialog) -> None:
        self.dialogs = [d for d in self.dialogs if d.isVisible()] + [dialog]
        dialog.show()

    def _refresh_subjects(self) -> None:
        page = getattr(self.window, "pages", {}).get("subjects")
        if page is not None and hasattr(page, "refresh"):
            page.refresh()
