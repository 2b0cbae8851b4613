"""The Movements page: add and edit through the dialog, errors beside the fields, search and filter,
the selected movement's exemplars and nominations, deletion refused while a movement is in use."""

from __future__ import annotations

import datetime as dt

import pytest
from movement_helpers import add_form, add_round, nominate
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from qt_typing import replace_text, type_text

from app.models.enums import MovementKind
from app.services.exemplars.crud import create_exemplar
from app.services.exemplars.data import ExemplarInput
from app.services.movements.crud import create_movement, get_movement, list_movements
from app.services.movements.data import MovementInput
from app.ui.exemplars.columns import EXEMPLAR_COLUMNS
from app.ui.exemplars.dialog import ExemplarDialog
from app.ui.kit.row_table import ID_ROLE, RowTableModel
from app.ui.movements.dialog import MovementDialog
from app.ui.movements.page import MOVEMENT_COLUMNS, NOMINATION_COLUMNS, MovementsPage

RURAL = "Chung tay xây dựng nông thôn mới"


@pytest.fixture
def page(qtbot, commune_db) -> MovementsPage:
    widget = MovementsPage(commune_db)
    qtbot.addWidget(widget)
    widget.resize(1100, 650)
    widget.show()
    widget.on_shown()
    return widget


def add_movement(db, name=RURAL, kind=MovementKind.PERIODIC, start=dt.date(2025, 1, 1)) -> int:
    return create_movement(db, MovementInput(name=name, kind=kind, start_date=start)).id


def names(model: RowTableModel) -> list[str]:
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def open_add_dialog(qtbot, page: MovementsPage) -> MovementDialog:
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    return page.findChild(MovementDialog)


def test_add_a_movement_through_the_dialog(qtbot, page, commune_db):
    dialog = open_add_dialog(qtbot, page)
    assert dialog.windowTitle() == "Thêm phong trào thi đua"
    type_text(dialog.name_edit, "Toàn dân đoàn kết xây dựng đời sống văn hóa")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(MovementKind.ONGOING.value))
    type_text(dialog.launched_by_edit, "Ủy ban MTTQ xã Hòa Bình")
    type_text(dialog.start_edit.line, "01/03/2020")
    type_text(dialog.description_edit, "Chỉ tiêu: 95% hộ đạt\nGia đình văn hóa")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    [row] = list_movements(commune_db)
    detail = get_movement(commune_db, row.id)
    assert (detail.name, detail.kind, detail.start_date) == (
        "Toàn dân đoàn kết xây dựng đời sống văn hóa", MovementKind.ONGOING, dt.date(2020, 3, 1))
    assert (detail.launched_by, detail.description) == ("Ủy ban MTTQ xã Hòa Bình",
                                                        "Chỉ tiêu: 95% hộ đạt\nGia đình văn hóa")
    assert page.selected_id() == row.id
    assert page.title_label.text() == "Toàn dân đoàn kết xây dựng đời sống văn hóa"
    assert "Thường xuyên · từ 01/03/2020 · phát động: Ủy ban MTTQ xã Hòa Bình" in page.info_label.text()


def test_dialog_errors_are_shown_beside_the_fields(qtbot, page, commune_db):
    dialog = open_add_dialog(qtbot, page)
    type_text(dialog.start_edit.line, "01/06/2025")
    type_text(dialog.end_edit.line, "31/05/2025")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.form.rows["name"].error.text() == "Tên phong trào: không được để trống."
    assert dialog.form.rows["end_date"].error.text() == (
        "Ngày kết thúc: không được trước ngày phát động (01/06/2025).")
    replace_text(dialog.start_edit.line, "32/13/2025")
    save(qtbot, dialog)
    assert dialog.form.rows["start_date"].error.text().startswith("Ngày phát động: không phải ngày hợp lệ")
    assert list_movements(commune_db) == []


def test_edit_a_movement(qtbot, page, commune_db):
    movement_id = add_movement(commune_db)
    page.refresh()
    page.table.selectRow(0)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(MovementDialog)
    assert dialog.name_edit.text() == RURAL
    type_text(dialog.name_edit, " nâng cao")
    type_text(dialog.end_edit.line, "31/12/2025")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    detail = get_movement(commune_db, movement_id)
    assert (detail.name, detail.end_date, detail.version) == (f"{RURAL} nâng cao", dt.date(2025, 12, 31), 2)
    assert names(page.model) == [f"{RURAL} nâng cao"]
    assert page.model.index(0, 3).data() == "01/01/2025 – 31/12/2025"


def test_search_and_kind_filter(qtbot, page, commune_db):
    add_movement(commune_db)
    add_movement(commune_db, "Dân vận khéo", MovementKind.THEMATIC, dt.date(2024, 5, 1))
    page.refresh()
    assert names(page.model) == [RURAL, "Dân vận khéo"]
    type_text(page.search_edit, "dan van")
    qtbot.waitUntil(lambda: names(page.model) == ["Dân vận khéo"])
    page.search_edit.clear()
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(MovementKind.PERIODIC.value))
    assert names(page.model) == [RURAL]
    assert page.count_label.text() == "1 phong trào"


def test_the_selected_movement_shows_its_exemplars_and_nominations(qtbot, page, commune_db, people, village):
    ours, other = add_movement(commune_db), add_movement(commune_db, "Dân vận khéo")
    dat = people["Nguyễn Văn Đạt"]
    exemplar = create_exemplar(commune_db, ExemplarInput(subject_id=dat, movement_id=ours,
                                                         introduced_on=dt.date(2025, 2, 10),
                                                         achievements="Hiến 300 m² đất làm đường")).id
    create_exemplar(commune_db, ExemplarInput(subject_id=people["Trần Thị Lan"], movement_id=other,
                                              introduced_on=dt.date(2025, 2, 11)))
    form = add_form(commune_db)
    nominate(commune_db, add_round(commune_db, None, "Tổng kết năm 2025"), dat, form, exemplar, village)
    nominate(commune_db, add_round(commune_db, ours), people["Lê Minh Đức"], form)
    page.refresh()
    assert page.title_label.text().startswith("Chọn một phong trào")
    page.table.selectRow(page.model.row_of(ours))
    assert names(page.exemplars_model) == ["Nguyễn Văn Đạt"]
    assert page.exemplars_model.index(0, 0).data(ID_ROLE) == exemplar
    assert sorted(names(page.nominations_model)) == ["Lê Minh Đức", "Nguyễn Văn Đạt"]
    assert page.detail_tabs.tabText(0) == "Điển hình tiên tiến (1)"
    assert page.detail_tabs.tabText(1) == "Hồ sơ đề nghị khen thưởng (2)"
    assert page.exemplars_table.isColumnHidden(3)  # the movement column, shown above already
    page.exemplars_table.selectRow(0)
    page.open_exemplar()
    dialog = page.findChild(ExemplarDialog)
    assert dialog.isVisible() and dialog.windowTitle() == "Điển hình tiên tiến: Nguyễn Văn Đạt"
    dialog.reject()
    qtbot.waitUntil(lambda: page.findChild(ExemplarDialog) is None)
    page.table.selectRow(page.model.row_of(other))
    assert names(page.exemplars_model) == ["Trần Thị Lan"] and page.nominations_model.rowCount() == 0


def test_delete_refused_while_exemplars_belong(qtbot, page, commune_db, people, fake_messages):
    movement_id = add_movement(commune_db)
    create_exemplar(commune_db, ExemplarInput(subject_id=people["Trần Thị Lan"], movement_id=movement_id,
                                              introduced_on=dt.date(2025, 2, 11)))
    page.refresh()
    page.table.selectRow(0)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert fake_messages.questions == [f"Xóa phong trào “{RURAL}”?"]
    assert fake_messages.errors == [
        f"Không xóa được phong trào “{RURAL}”: phong trào đã có 1 điển hình tiên tiến. "
        "Hãy xóa hoặc chuyển chúng sang phong trào khác trước."
    ]
    assert names(page.model) == [RURAL]


def test_delete_an_unused_movement(qtbot, page, commune_db, fake_messages):
    add_movement(commune_db)
    page.refresh()
    page.table.selectRow(0)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert list_movements(commune_db) == [] and page.model.rowCount() == 0
    assert not page.delete_button.isEnabled()


def test_models_pass_the_model_tester(qtmodeltester, page, commune_db, people, village):
    movement_id = add_movement(commune_db)
    dat = people["Nguyễn Văn Đạt"]
    exemplar = create_exemplar(commune_db, ExemplarInput(subject_id=dat, movement_id=movement_id,
                                                         introduced_on=dt.date(2025, 2, 10))).id
    nominate(commune_db, add_round(commune_db, movement_id), dat, add_form(commune_db), exemplar, village)
    page.refresh()
    page.table.selectRow(0)
    for model, columns in ((page.model, MOVEMENT_COLUMNS), (page.exemplars_model, EXEMPLAR_COLUMNS),
                           (page.nominations_model, NOMINATION_COLUMNS)):
        assert model.rowCount() == 1 and model.columnCount() == len(columns)
        qtmodeltester.check(model)
    qtmodeltester.check(RowTableModel(MOVEMENT_COLUMNS))
