"""The Exemplars page and dialog: add an exemplar typing Vietnamese, errors beside the fields, stage
changes (dated, an earlier date refused), evidence files through a stand-in file chooser, publicity and
replication lines, filters, deletion."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from movement_helpers import add_form, add_round, nominate
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit
from qt_typing import replace_text, type_text

from app.models.enums import ExemplarStage, MovementKind, ReplicationKind
from app.services.exemplars.crud import change_stage, create_exemplar, get_exemplar
from app.services.exemplars.data import ExemplarInput
from app.services.exemplars.files import add_exemplar_file
from app.services.exemplars.search import search_exemplars
from app.services.movements.crud import create_movement
from app.services.movements.data import MovementInput
from app.ui.exemplars import files_tab as exemplar_files_tab
from app.ui.exemplars.columns import EXEMPLAR_COLUMNS, FILE_COLUMNS, STAGE_HISTORY_COLUMNS
from app.ui.exemplars.dialog import FILES_TAB, HISTORY_TAB, INFO_TAB, PUBLICITY_TAB, ExemplarDialog
from app.ui.exemplars.page import ExemplarsPage
from app.ui.exemplars.publicity_table import PublicityTable
from app.ui.exemplars.replication_table import ReplicationTable
from app.ui.exemplars.stage import StageChangeDialog
from app.ui.kit import system_files
from app.ui.kit.row_table import ID_ROLE, RowTableModel

RURAL = "Chung tay xây dựng nông thôn mới"


@pytest.fixture
def rural(commune_db) -> int:
    data = MovementInput(name=RURAL, kind=MovementKind.PERIODIC, start_date=dt.date(2025, 1, 1))
    return create_movement(commune_db, data).id


@pytest.fixture
def page(qtbot, commune_db) -> ExemplarsPage:
    widget = ExemplarsPage(commune_db)
    qtbot.addWidget(widget)
    widget.resize(1100, 600)
    widget.show()
    widget.on_shown()
    return widget


def exemplar(db, subject_id, movement_id=None, day=dt.date(2025, 2, 10), **extra) -> int:
    data = ExemplarInput(subject_id=subject_id, movement_id=movement_id, introduced_on=day, **extra)
    return create_exemplar(db, data).id


def names(page: ExemplarsPage) -> list[str]:
    return [page.model.index(row, 0).data() for row in range(page.model.rowCount())]


def click_ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def edit_dialog(qtbot, db, exemplar_id) -> ExemplarDialog:
    dialog = ExemplarDialog.for_exemplar(db, exemplar_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def pick_subject(dialog: ExemplarDialog, typed: str) -> None:
    picker = dialog.form.subject_picker
    type_text(picker.search_edit, typed)
    picker.search()
    picker.results.setCurrentRow(0)


def type_cell(editor_widget, row: int, column: int, text: str) -> None:
    """Type into one cell of a line table through its editor, as a user would."""
    table = editor_widget.table
    index = table.model().index(row, column)
    if table.state() != table.State.EditingState or table.currentIndex() != index:
        table.setCurrentIndex(index)
        table.edit(index)
    editor = table.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(editor, text)
    table.commitData(editor)
    table.closeEditor(editor, table.itemDelegate().EndEditHint.NoHint)


# Adding and editing ----------------------------------------------------------------------------


def test_add_an_exemplar_typing_vietnamese(qtbot, page, commune_db, people, village, rural):
    page.on_shown()
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(ExemplarDialog)
    assert dialog.windowTitle() == "Thêm điển hình tiên tiến"
    pick_subject(dialog, "đạt")
    dialog.form.movement_combo.setCurrentIndex(dialog.form.movement_combo.findData(rural))
    replace_text(dialog.form.introduced_edit.line, "10/02/2025")
    type_text(dialog.form.achievements_edit, "Vận động hiến 300 m² đất làm đường.\nTrồng 2 km hàng rào xanh.")
    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    [row] = search_exemplars(commune_db)
    detail = get_exemplar(commune_db, row.id)
    assert (detail.subject_name, detail.movement_id, detail.unit_id) == ("Nguyễn Văn Đạt", rural, village)
    assert detail.achievements == "Vận động hiến 300 m² đất làm đường.\nTrồng 2 km hàng rào xanh."
    assert [(c.stage, c.changed_on) for c in detail.stage_history] == [(ExemplarStage.DISCOVERED,
                                                                         dt.date(2025, 2, 10))]
    assert names(page) == ["Nguyễn Văn Đạt"] and page.selected_id() == row.id
    assert page.model.index(0, 5).data() == "10/02/2025" and page.model.index(0, 6).data() == "Phát hiện"


def test_errors_are_shown_beside_the_fields_and_on_the_tab(qtbot, commune_db, people):
    dialog = ExemplarDialog(commune_db)
    qtbot.addWidget(dialog)
    dialog.show()
    replace_text(dialog.form.introduced_edit.line, "30/02/2025")
    click_ok(qtbot, dialog)
    error = dialog.form.rows["introduced_on"].error.text()
    assert error.startswith("Ngày giới thiệu: không phải ngày hợp lệ")
    replace_text(dialog.form.introduced_edit.line, "")
    dialog.tabs.setCurrentIndex(PUBLICITY_TAB)
    click_ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.tabs.currentIndex() == INFO_TAB
    assert dialog.form.rows["subject_id"].error.text() == (
        "Đối tượng: hãy chọn cá nhân, tập thể hoặc hộ gia đình được giới thiệu.")
    assert dialog.form.rows["introduced_on"].error.text() == "Ngày giới thiệu: không được để trống."
    assert dialog.tabs.tabText(INFO_TAB) == "Thông tin chung (!)"
    assert search_exemplars(commune_db) == []


def test_edit_keeps_the_stage_locked(qtbot, commune_db, people):
    exemplar_id = exemplar(commune_db, people["Trần Thị Lan"], achievements="Mô hình trồng bưởi")
    dialog = edit_dialog(qtbot, commune_db, exemplar_id)
    assert dialog.windowTitle() == "Điển hình tiên tiến: Trần Thị Lan"
    assert not dialog.form.stage_combo.isEnabled()
    dialog.form.achievements_edit.moveCursor(QTextCursor.MoveOperation.End)
    type_text(dialog.form.achievements_edit, " hữu cơ")
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    detail = get_exemplar(commune_db, exemplar_id)
    assert (detail.achievements, detail.version) == ("Mô hình trồng bưởi hữu cơ", 2)


# Stages ----------------------------------------------------------------------------------------


def stage_dialog_of(widget) -> StageChangeDialog:
    dialog = widget.findChild(StageChangeDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_change_stage_from_the_page(qtbot, page, commune_db, people):
    exemplar_id = exemplar(commune_db, people["Nguyễn Văn Đạt"])
    page.refresh()
    page.table.selectRow(0)
    qtbot.mouseClick(page.stage_button, Qt.MouseButton.LeftButton)
    dialog = stage_dialog_of(page)
    assert dialog.windowTitle() == "Chuyển giai đoạn: Nguyễn Văn Đạt"
    assert dialog.stage_combo.currentText() == "Bồi dưỡng"  # the next step is offered
    replace_text(dialog.date_edit.line, "01/02/2025")
    click_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.form.rows["changed_on"].error.text() == (
        "Ngày chuyển: không được trước lần chuyển giai đoạn gần nhất (10/02/2025).")
    replace_text(dialog.date_edit.line, "01/03/2025")
    type_text(dialog.note_edit, "Giao Hội Nông dân kèm cặp")
    click_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    history = get_exemplar(commune_db, exemplar_id).stage_history
    assert [(c.stage, c.changed_on, c.note) for c in history] == [
        (ExemplarStage.DISCOVERED, dt.date(2025, 2, 10), ""),
        (ExemplarStage.NURTURED, dt.date(2025, 3, 1), "Giao Hội Nông dân kèm cặp"),
    ]
    assert page.model.index(0, 6).data() == "Bồi dưỡng" and page.selected_id() == exemplar_id


def test_change_stage_in_the_dialog_then_save(qtbot, commune_db, people):
    exemplar_id = exemplar(commune_db, people["Nguyễn Văn Đạt"])
    dialog = edit_dialog(qtbot, commune_db, exemplar_id)
    type_text(dialog.form.note_edit, "Đang theo dõi")
    dialog.tabs.setCurrentIndex(HISTORY_TAB)
    qtbot.mouseClick(dialog.history_tab.change_button, Qt.MouseButton.LeftButton)
    stage = stage_dialog_of(dialog)
    stage.stage_combo.setCurrentIndex(stage.stage_combo.findData(ExemplarStage.SUMMARISED.value))
    replace_text(stage.date_edit.line, "15/06/2025")
    click_ok(qtbot, stage)
    assert [r.stage for r in dialog.history_tab.model.rows()] == [ExemplarStage.DISCOVERED,
                                                                   ExemplarStage.SUMMARISED]
    assert dialog.history_tab.model.index(1, 0).data() == "15/06/2025"
    assert dialog.history_tab.current_label.text() == "Giai đoạn hiện tại: Tổng kết"
    assert dialog.form.stage_combo.currentText() == "Tổng kết"
    click_ok(qtbot, dialog)  # the typed note is saved; no conflict with the stage change
    assert not dialog.isVisible()
    detail = get_exemplar(commune_db, exemplar_id)
    assert (detail.note, detail.stage) == ("Đang theo dõi", ExemplarStage.SUMMARISED)


# Files -----------------------------------------------------------------------------------------


@pytest.fixture
def photo(tmp_path) -> Path:
    from PySide6.QtGui import QColor, QImage

    image = QImage(80, 60, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7bd5"))
    path = tmp_path / "Ảnh trao giải.png"
    assert image.save(str(path))
    return path


def test_add_open_and_remove_files(qtbot, commune_db, people, photo, tmp_path, monkeypatch, fake_messages):
    exemplar_id = exemplar(commune_db, people["Nguyễn Văn Đạt"])
    report = tmp_path / "báo cáo.pdf"
    report.write_bytes(b"%PDF-1.4")
    monkeypatch.setattr(system_files, "choose_files", lambda parent: [str(photo), str(report),
                                                                      str(tmp_path / "mất.pdf")])
    opened = []
    monkeypatch.setattr(system_files, "open_file", lambda path: opened.append(path) or True)
    dialog = edit_dialog(qtbot, commune_db, exemplar_id)
    dialog.tabs.setCurrentIndex(FILES_TAB)
    tab = dialog.files_tab
    assert not tab.save_button.isVisible()
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert [row.caption for row in tab.model.rows()] == ["Ảnh trao giải", "báo cáo"]
    assert fake_messages.errors == ["Không thêm được:\nTệp “mất.pdf”: không tìm thấy (" +
                                    str(tmp_path / "mất.pdf") + ")."]
    assert tab.model.index(0, 1).data() == "Hình ảnh" and tab.model.index(1, 1).data() == "Tài liệu"
    tab.table.selectRow(0)
    assert not tab.preview.pixmap().isNull()  # the photo is previewed
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    assert opened == [tab.model.rows()[0].path] and Path(opened[0]).read_bytes() == photo.read_bytes()
    monkeypatch.setattr(exemplar_files_tab, "ask_caption", lambda parent, current: "Ảnh nhận giấy khen")
    qtbot.mouseClick(tab.caption_button, Qt.MouseButton.LeftButton)
    assert tab.model.index(0, 0).data() == "Ảnh nhận giấy khen"
    tab.table.selectRow(1)
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    assert fake_messages.questions == ["Bỏ tệp “báo cáo” khỏi hồ sơ?"]
    assert [f.caption for f in get_exemplar(commune_db, exemplar_id).files] == ["Ảnh nhận giấy khen"]


def test_a_new_exemplar_is_saved_before_files_are_added(qtbot, commune_db, people, photo, monkeypatch):
    monkeypatch.setattr(system_files, "choose_files", lambda parent: [str(photo)])
    dialog = ExemplarDialog(commune_db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(FILES_TAB)
    tab = dialog.files_tab
    assert not tab.add_button.isEnabled() and tab.save_button.isVisible()
    assert not dialog.history_tab.change_button.isEnabled()
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)  # nothing chosen yet: refused
    assert dialog.saved_id is None and dialog.tabs.currentIndex() == INFO_TAB
    pick_subject(dialog, "lan")
    dialog.tabs.setCurrentIndex(FILES_TAB)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved_id is not None and dialog.isVisible()
    assert tab.add_button.isEnabled() and not tab.save_button.isVisible()
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert [f.original_name for f in get_exemplar(commune_db, dialog.saved_id).files] == ["Ảnh trao giải.png"]
    click_ok(qtbot, dialog)  # "Lưu" now updates the saved exemplar
    assert not dialog.isVisible() and len(search_exemplars(commune_db)) == 1


# Publicity and replication ---------------------------------------------------------------------


def test_publicity_and_replication_lines(qtbot, commune_db, people, tmp_path, monkeypatch):
    clipping = tmp_path / "bài báo.pdf"
    clipping.write_bytes(b"%PDF clipping")
    monkeypatch.setattr(system_files, "choose_file", lambda parent: str(clipping))
    exemplar_id = exemplar(commune_db, people["Nguyễn Văn Đạt"])
    dialog = edit_dialog(qtbot, commune_db, exemplar_id)
    dialog.tabs.setCurrentIndex(PUBLICITY_TAB)
    publicity = dialog.publicity_table
    qtbot.mouseClick(publicity.add_button, Qt.MouseButton.LeftButton)
    for column, text in enumerate(("02/04/2025", "Báo Phú Thọ", "Người nông dân hiến đất làm đường",
                                   "https://baophutho.vn/bai-viet")):
        type_cell(publicity, 0, column, text)
    publicity.attach_file()
    assert publicity.model.index(0, 4).data() == "bài báo.pdf"
    replication = dialog.replication_table
    replication.model.insertRows(0, 1)
    replication.model.setData(replication.model.index(0, 0), ReplicationKind.VISIT.label)
    for column, text in ((1, "09/05/2025"), (2, "Thôn Tây"), (3, "Tham quan mô hình"), (4, "35")):
        type_cell(replication, 0, column, text)
    click_ok(qtbot, dialog)
    assert not dialog.isVisible()
    detail = get_exemplar(commune_db, exemplar_id)
    [item] = detail.publicity
    assert (item.outlet, item.published_on) == ("Báo Phú Thọ", dt.date(2025, 4, 2))
    assert item.title == "Người nông dân hiến đất làm đường"
    assert Path(detail.stored_files[item.stored_file_id].path).read_bytes() == b"%PDF clipping"
    [activity] = detail.replications
    assert (activity.kind, activity.held_on, activity.participants) == (ReplicationKind.VISIT,
                                                                        dt.date(2025, 5, 9), 35)


def test_a_bad_publicity_line_is_shown_on_its_tab(qtbot, commune_db, people):
    dialog = edit_dialog(qtbot, commune_db, exemplar(commune_db, people["Nguyễn Văn Đạt"]))
    publicity = dialog.publicity_table
    publicity.add_line()
    type_cell(publicity, 0, 2, "Gương sáng thôn Đông")
    type_cell(publicity, 0, 0, "hôm qua")
    click_ok(qtbot, dialog)
    assert dialog.isVisible() and dialog.tabs.currentIndex() == PUBLICITY_TAB
    assert dialog.tabs.tabText(PUBLICITY_TAB) == "Tuyên truyền (!)"
    assert publicity.error.text().startswith("Tuyên truyền dòng 1, cột Ngày đăng: không phải ngày hợp lệ")


# The list ------------------------------------------------------------------------------------


def test_filters_and_search(qtbot, page, commune_db, people, village, rural):
    dat = exemplar(commune_db, people["Nguyễn Văn Đạt"], rural)
    exemplar(commune_db, people["Trần Thị Lan"], day=dt.date(2024, 11, 5))
    hoa = exemplar(commune_db, people["Hộ ông Phạm Văn Sáu"], rural, dt.date(2025, 5, 1))
    change_stage(commune_db, hoa, ExemplarStage.NURTURED, dt.date(2025, 5, 2))
    page.on_shown()
    assert names(page) == ["Hộ ông Phạm Văn Sáu", "Nguyễn Văn Đạt", "Trần Thị Lan"]
    page.movement_combo.setCurrentIndex(page.movement_combo.findData(rural))
    assert names(page) == ["Hộ ông Phạm Văn Sáu", "Nguyễn Văn Đạt"]
    page.stage_combo.setCurrentIndex(page.stage_combo.findData(ExemplarStage.DISCOVERED.value))
    assert names(page) == ["Nguyễn Văn Đạt"] and page.model.index(0, 0).data(ID_ROLE) == dat
    page.movement_combo.setCurrentIndex(0)
    page.stage_combo.setCurrentIndex(0)
    page.year_combo.setCurrentIndex(page.year_combo.findData(2024))
    assert names(page) == ["Trần Thị Lan"]
    page.year_combo.setCurrentIndex(0)
    page.unit_combo.setCurrentIndex(page.unit_combo.findData(village))
    assert names(page) == ["Nguyễn Văn Đạt", "Trần Thị Lan"]
    type_text(page.search_edit, "tran thi")
    qtbot.waitUntil(lambda: names(page) == ["Trần Thị Lan"])
    assert page.count_label.text() == "1 điển hình"


def test_delete_refused_once_nominated_then_allowed(qtbot, page, commune_db, people, fake_messages):
    used = exemplar(commune_db, people["Nguyễn Văn Đạt"])
    exemplar(commune_db, people["Trần Thị Lan"], day=dt.date(2025, 1, 5))
    nominate(commune_db, add_round(commune_db, None), people["Nguyễn Văn Đạt"], add_form(commune_db), used)
    page.refresh()
    page.table.selectRow(0)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert fake_messages.questions == ["Xóa hồ sơ điển hình “Nguyễn Văn Đạt”?"]
    assert "đã có 1 hồ sơ đề nghị khen thưởng" in fake_messages.errors[0]
    page.table.selectRow(1)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert names(page) == ["Nguyễn Văn Đạt"]


# Models ----------------------------------------------------------------------------------------


def test_models_pass_the_model_tester(qtmodeltester, qtbot, commune_db, people, photo):
    exemplar_id = exemplar(commune_db, people["Nguyễn Văn Đạt"], achievements="Dòng một\nDòng hai")
    change_stage(commune_db, exemplar_id, ExemplarStage.NURTURED, dt.date(2025, 3, 1), "Ghi chú")
    add_exemplar_file(commune_db, exemplar_id, photo)
    detail = get_exemplar(commune_db, exemplar_id)
    for columns, rows in ((EXEMPLAR_COLUMNS, search_exemplars(commune_db)),
                          (STAGE_HISTORY_COLUMNS, detail.stage_history), (FILE_COLUMNS, detail.files)):
        model = RowTableModel(columns)
        model.set_rows(rows)
        assert model.rowCount() == len(rows) > 0
        qtmodeltester.check(model)
    achievements = RowTableModel(EXEMPLAR_COLUMNS)
    achievements.set_rows(search_exemplars(commune_db))
    assert achievements.index(0, 7).data() == "Dòng một …"
    assert achievements.index(0, 7).data(Qt.ItemDataRole.ToolTipRole) == "Dòng một\nDòng hai"
    publicity, replication = PublicityTable(), ReplicationTable()
    qtbot.addWidget(publicity)
    qtbot.addWidget(replication)
    for table in (publicity, replication):
        table.model.insertRows(0, 2)
        qtmodeltester.check(table.model)
    assert not publicity.model.flags(publicity.model.index(0, 4)) & Qt.ItemFlag.ItemIsEditable
