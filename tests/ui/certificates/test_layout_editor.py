"""The layout editor through its widgets: a box moved by typing millimetres and by dragging, the saved
user copy holding the new positions, live fit warnings with a real recipient's text, the shipped layout
restored, and the scan of the blank shown under the boxes."""

from __future__ import annotations

import pytest
from certificate_ui_helpers import issued_decision
from nomination_helpers import choose, click
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from qt_typing import replace_text

from app.services.certificates import emblem_image, list_layouts, load_layout
from app.ui.certificates import layout_editor
from app.ui.certificates.layout_editor import LayoutEditor

LAYOUT = "giay-khen-phoi-ca-nhan"
LONG_NAME = "Nguyễn Thị Phương Thảo Hoàng Bảo Ngọc Diệp Anh Thư"


@pytest.fixture
def editor(qtbot, commune_db) -> LayoutEditor:
    widget = LayoutEditor(commune_db)
    qtbot.addWidget(widget)
    widget.resize(1093, 580)
    widget.show()
    widget.on_shown()
    choose(widget.layout_combo, LAYOUT)
    widget.choose_layout(LAYOUT)
    return widget


def type_mm(spin, text: str) -> None:
    replace_text(spin.lineEdit(), text)
    QTest.keyClick(spin.lineEdit(), Qt.Key.Key_Return)


def user_copy(db) -> bool:
    return next(i for i in list_layouts(db) if i.name == LAYOUT).user_copy


def test_a_box_typed_in_mm_and_dragged_is_saved_where_it_was_put(qtbot, commune_db, editor, fake_messages):
    choose(editor.field_combo, "recipient_name")
    type_mm(editor.form.spins["x_mm"], "31,5")
    type_mm(editor.form.spins["y_mm"], "88")
    item = editor.scene.items_by_field["recipient_name"]
    assert (item.pos().x(), item.pos().y()) == (31.5, 88.0)
    assert "chưa lưu" in editor.state_label.text()
    box = editor.layout_.box("golden_book")
    item = editor.scene.items_by_field["golden_book"]
    centre = editor.view.mapFromScene(item.sceneBoundingRect().center())
    per_mm = editor.view.transform().m11()
    QTest.mousePress(editor.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    target = centre + QPoint(round(20 * per_mm), round(-10 * per_mm))
    QTest.mouseMove(editor.view.viewport(), centre + QPoint(5, -3))
    QTest.mouseMove(editor.view.viewport(), target)
    QTest.mouseRelease(editor.view.viewport(), Qt.MouseButton.LeftButton, pos=target)
    moved = editor.layout_.box("golden_book")
    assert moved.x_mm == pytest.approx(box.x_mm + 20, abs=0.6)
    assert moved.y_mm == pytest.approx(box.y_mm - 10, abs=0.6)
    assert editor.form.spins["x_mm"].value() == pytest.approx(moved.x_mm)  # the form follows the drag
    assert not user_copy(commune_db)
    click(qtbot, editor.save_button)
    saved = load_layout(commune_db, LAYOUT)
    assert (saved.box("recipient_name").x_mm, saved.box("recipient_name").y_mm) == (31.5, 88.0)
    assert (saved.box("golden_book").x_mm, saved.box("golden_book").y_mm) == (moved.x_mm, moved.y_mm)
    assert user_copy(commune_db) and "bản đã sửa" in editor.state_label.text()
    click(qtbot, editor.restore_button)  # the message box says yes
    assert not user_copy(commune_db)
    assert editor.layout_.box("golden_book").x_mm == box.x_mm


def test_a_real_recipient_long_name_warns_live(qtbot, commune_db, fake_messages):
    issued_decision(commune_db, names=("Trần Văn Bình", LONG_NAME))
    editor = LayoutEditor(commune_db)
    qtbot.addWidget(editor)
    editor.resize(1093, 580)
    editor.show()
    editor.on_shown()
    editor.choose_layout(LAYOUT)
    editor.decision_combo.setCurrentIndex(1)
    editor.load_texts()
    assert editor.recipient_combo.count() == 2
    choose(editor.recipient_combo, 2)
    item = editor.scene.items_by_field["recipient_name"]
    assert LONG_NAME in item.fit.text
    choose(editor.field_combo, "recipient_name")
    type_mm(editor.form.spins["w_mm"], "60")
    warnings = [editor.warnings.item(n).text() for n in range(editor.warnings.count())]
    assert any(LONG_NAME in w and "Tên người" in w for w in warnings)
    assert item.state in ("adjusted", "refused")
    type_mm(editor.form.spins["h_mm"], "6")
    type_mm(editor.form.spins["w_mm"], "20")
    assert item.state == "refused"
    assert editor.warnings.item(0).text().startswith("Không in được")
    type_mm(editor.form.spins["x_mm"], "290")  # 290 + 20 mm: past the page's right edge
    click(qtbot, editor.save_button)  # refused by the service: nothing written
    assert not user_copy(commune_db)
    assert fake_messages.errors and fake_messages.errors[0].startswith("Chưa lưu được mẫu")


def test_the_scan_of_the_blank_lies_under_the_boxes(qtbot, commune_db, editor, monkeypatch, tmp_path):
    scan = tmp_path / "phoi.png"
    image = QImage(1188, 840, QImage.Format.Format_RGB32)
    image.fill(QColor("#f5e9c8"))
    assert image.save(str(scan))
    monkeypatch.setattr(layout_editor, "choose_image", lambda *args: scan)
    click(qtbot, editor.background_button)
    background = editor.scene.background
    assert background is not None and not background.flags() & background.GraphicsItemFlag.ItemIsMovable
    assert background.sceneBoundingRect().width() == pytest.approx(297)
    info = next(i for i in list_layouts(commune_db) if i.name == LAYOUT)
    assert info.user_copy and info.background is not None and info.background.is_file()


def test_a_box_resized_by_its_corner(qtbot, commune_db, editor):
    box = editor.layout_.box("signer_name")
    item = editor.scene.items_by_field["signer_name"]
    corner = editor.view.mapFromScene(item.sceneBoundingRect().bottomRight()) - QPoint(2, 2)
    per_mm = editor.view.transform().m11()
    target = corner + QPoint(round(15 * per_mm), round(5 * per_mm))
    QTest.mousePress(editor.view.viewport(), Qt.MouseButton.LeftButton, pos=corner)
    QTest.mouseMove(editor.view.viewport(), corner + QPoint(3, 1))
    QTest.mouseMove(editor.view.viewport(), target)
    QTest.mouseRelease(editor.view.viewport(), Qt.MouseButton.LeftButton, pos=target)
    resized = editor.layout_.box("signer_name")
    assert (resized.x_mm, resized.y_mm) == (box.x_mm, box.y_mm)
    assert resized.w_mm == pytest.approx(box.w_mm + 15, abs=1.0)
    assert resized.h_mm == pytest.approx(box.h_mm + 5, abs=1.0)
    assert editor.field_combo.currentData() == "signer_name"


def test_the_emblem_image_for_the_full_design(qtbot, commune_db, editor, fake_messages, monkeypatch,
                                              tmp_path):
    assert not editor.emblem_button.isEnabled()  # a blank carries its own emblem
    editor.choose_layout("giay-khen-ca-nhan")
    assert editor.emblem_button.isEnabled() and editor.scene.emblem is not None
    emblem = tmp_path / "quoc-huy.png"
    image = QImage(200, 200, QImage.Format.Format_ARGB32)
    image.fill(QColor("#d4a017"))
    assert image.save(str(emblem))
    monkeypatch.setattr(layout_editor, "choose_image", lambda *args: emblem)
    click(qtbot, editor.emblem_button)
    stored = emblem_image(commune_db)
    assert stored is not None and stored.read_bytes() == emblem.read_bytes()
    assert "quốc huy" in fake_messages.infos[0]
