"""The import wizard and the export dialog: a messy list read in the background, every row shown and
filtered, a column mapped by hand, the error file, the import and its undo; an export with a preset, the
CCCD only once confirmed; both reached from the "Trao đổi" menu."""

from __future__ import annotations

from exchange_helpers import add_unit, messy_list
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app.services.exchange import ListKind, Outcome, list_batches
from app.ui.exchange.export_dialog import ExportDialog
from app.ui.exchange.import_dialog import ImportDialog


def opened(qtbot, commune_db, tmp_path) -> ImportDialog:
    add_unit(commune_db)
    dialog = ImportDialog(commune_db)
    qtbot.addWidget(dialog)
    dialog.open_file(messy_list(tmp_path))
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=15000)
    return dialog


def test_dry_run_shown_and_filtered(qtbot, commune_db, tmp_path, fake_messages):
    dialog = opened(qtbot, commune_db, tmp_path)
    assert dialog.result_table.rowCount() == 7 and dialog.header_spin.value() == 3
    assert "7 dòng: 3 thêm mới, 1 đã có (khớp), 3 bị từ chối" in dialog.summary_label.text()
    dialog.filter_combo.setCurrentIndex(3)
    assert dialog.result_table.rowCount() == 3
    assert dialog.result_table.item(0, 3).text().startswith("Dòng 7, cột D (Ngày sinh): ngày 31/02/1980")
    assert dialog.import_button.isEnabled() and dialog.errors_button.isEnabled()
    assert not dialog.undo_button.isEnabled()


def test_column_mapped_by_hand(qtbot, commune_db, tmp_path, fake_messages):
    dialog = opened(qtbot, commune_db, tmp_path)
    gender = dialog.mapping_table.combo(2)
    gender.setCurrentIndex(gender.findData(""))  # "bỏ qua": the column is left out
    dialog.read_file(by_hand=True)
    qtbot.waitUntil(lambda: 2 not in dialog.preview.mapping, timeout=15000)
    assert dialog.preview.counts[Outcome.REFUSED] == 7  # the form's rule: a person needs a gender
    assert "Dòng 5: Giới tính: hãy chọn Nam hoặc Nữ" in dialog.preview.rows[0].messages


def test_error_file_import_and_undo(qtbot, commune_db, tmp_path, fake_messages, monkeypatch):
    dialog = opened(qtbot, commune_db, tmp_path)
    target = tmp_path / "loi.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog.save_errors()
    qtbot.waitUntil(lambda: target.exists(), timeout=15000)
    assert load_workbook(target).active["I7"].value.startswith("Dòng 7")
    dialog.run()
    qtbot.waitUntil(lambda: any("Đã nhập" in t for t in fake_messages.infos), timeout=15000)
    qtbot.waitUntil(lambda: dialog.preview.counts[Outcome.MATCHED] == 4, timeout=15000)
    assert dialog.undo_button.isEnabled() and not dialog.import_button.isEnabled()
    dialog.undo_last()
    qtbot.waitUntil(lambda: any("Đã hoàn tác" in t for t in fake_messages.infos), timeout=15000)
    assert list_batches(commune_db)[0].undone_at is not None


def test_export_with_preset_and_citizen_id_confirmation(qtbot, commune_db, tmp_path, fake_messages,
                                                        monkeypatch):
    dialog = ExportDialog(commune_db, kind=ListKind.SUBJECTS)
    qtbot.addWidget(dialog)
    assert dialog.preset_combo.currentText() == "Mẫu chung"
    assert dialog.chosen_columns()[:3] == ["stt", "name", "gender"]
    target = tmp_path / "ds.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    last = dialog.columns.item(dialog.columns.count() - 1)
    assert last.data(Qt.ItemDataRole.UserRole) == "citizen_id"
    last.setCheckState(Qt.CheckState.Checked)
    fake_messages.yes = False
    dialog.export()
    assert fake_messages.questions and not target.exists()  # asked, refused: nothing written
    fake_messages.yes = True
    dialog.export()
    qtbot.waitUntil(lambda: target.exists(), timeout=15000)
    assert load_workbook(target).active.cell(4, len(dialog.chosen_columns())).value == "Số CCCD"
    fake_messages.text_answer = "Mẫu của xã"
    dialog.save_preset()
    assert dialog.preset_combo.currentText() == "Mẫu của xã (đã lưu)"


def test_trao_doi_menu_opens_both_dialogs(qtbot, commune_db):
    from app.ui.main_window import MainWindow

    window = MainWindow(commune_db)
    qtbot.addWidget(window)
    actions = {a.text(): a for a in window.exchange.menu.actions()}
    actions["Nhập danh sách từ Excel…"].trigger()
    actions["Xuất danh sách ra Excel…"].trigger()
    assert [type(d).__name__ for d in window.exchange.dialogs] == ["ImportDialog", "ExportDialog"]
