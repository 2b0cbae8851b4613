"""The side form of the layout editor: one field's box typed in millimetres, and how its text is set
(size, smallest size, most lines, bold, italic, alignment, colour). Every change gives a new FieldBox."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QColorDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.services.certificates import FieldBox
from app.ui.certificates.layout_scene import PAGE_H, PAGE_W
from app.ui.kit.widgets import choice_combo, select_data

ALIGNS = [("Căn giữa", "center"), ("Căn trái", "left"), ("Căn phải", "right")]
VALIGNS = [("Giữa ô", "middle"), ("Sát trên", "top"), ("Sát dưới", "bottom")]
FONTS = [("Chữ có chân (Times)", "Liberation Serif"), ("Chữ không chân (Arial)", "Liberation Sans")]
GEOMETRY = ("x_mm", "y_mm", "w_mm", "h_mm")


def _spin(low: float, high: float, suffix: str, decimals: int = 1) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(low, high)
    spin.setDecimals(decimals)
    spin.setSingleStep(0.5)
    spin.setSuffix(suffix)
    spin.setKeyboardTracking(False)  # the box moves once the number is typed (Enter or leaving the field)
    spin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
    return spin


class FieldForm(QWidget):
    box_edited = Signal(object)  # the FieldBox as typed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box: FieldBox | None = None
        self.spins = {
            "x_mm": _spin(0, PAGE_W, " mm"), "y_mm": _spin(0, PAGE_H, " mm"),
            "w_mm": _spin(1, PAGE_W, " mm"), "h_mm": _spin(1, PAGE_H, " mm"),
            "size": _spin(4, 96, " pt"), "min_size": _spin(4, 96, " pt"),
        }
        self.lines_spin = QSpinBox(minimum=1, maximum=8)
        self.bold_check, self.italic_check = QCheckBox("Đậm"), QCheckBox("Nghiêng")
        self.font_combo = choice_combo(FONTS)
        self.align_combo, self.valign_combo = choice_combo(ALIGNS), choice_combo(VALIGNS)
        self.color_button = QPushButton()
        self.color_button.clicked.connect(lambda _c=False: self.choose_color())
        self._build()
        self._connect()
        self.setEnabled(False)

    def _build(self) -> None:
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, keys in (("Cách mép trái, mép trên:", ("x_mm", "y_mm")), ("Rộng, cao:", ("w_mm", "h_mm")),
                            ("Cỡ chữ, nhỏ nhất:", ("size", "min_size"))):
            row = QHBoxLayout()
            for key in keys:
                row.addWidget(self.spins[key])
            form.addRow(label, row)
        form.addRow("Số dòng tối đa:", self.lines_spin)
        styles = QHBoxLayout()
        styles.addWidget(self.bold_check)
        styles.addWidget(self.italic_check)
        styles.addWidget(self.color_button, 1)
        form.addRow("Kiểu chữ:", styles)
        form.addRow("Phông chữ:", self.font_combo)
        aligns = QHBoxLayout()
        aligns.addWidget(self.align_combo)
        aligns.addWidget(self.valign_combo)
        form.addRow("Căn lề:", aligns)

    def _connect(self) -> None:
        for spin in self.spins.values():
            spin.valueChanged.connect(lambda _v: self._edited())
        self.lines_spin.valueChanged.connect(lambda _v: self._edited())
        for check in (self.bold_check, self.italic_check):
            check.toggled.connect(lambda _on: self._edited())
        for combo in (self.font_combo, self.align_combo, self.valign_combo):
            combo.currentIndexChanged.connect(lambda _i: self._edited())

    def show_box(self, box: FieldBox | None) -> None:
        """Fill the form from a box (None: nothing chosen) without reporting it as an edit."""
        self.box = box
        self.setEnabled(box is not None)
        if box is None:
            return
        widgets = [*self.spins.values(), self.lines_spin, self.bold_check, self.italic_check, self.font_combo,
                   self.align_combo, self.valign_combo]
        for widget in widgets:
            widget.blockSignals(True)
        for key, spin in self.spins.items():
            spin.setValue(getattr(box, key))
        self.lines_spin.setValue(box.max_lines)
        self.bold_check.setChecked(box.bold)
        self.italic_check.setChecked(box.italic)
        select_data(self.font_combo, box.font)
        select_data(self.align_combo, box.align)
        select_data(self.valign_combo, box.valign)
        self._show_color(box.color)
        for widget in widgets:
            widget.blockSignals(False)

    def _show_color(self, color: str) -> None:
        names = {"#000000": "đen", "#C00000": "đỏ"}
        self.color_button.setText(f"Màu chữ: {names.get(color.upper(), color)}")
        self.color_button.setStyleSheet(f"color: {color};")

    def choose_color(self) -> None:
        if self.box is None:
            return
        chosen = QColorDialog.getColor(QColor(self.box.color), self, "Màu chữ")
        if chosen.isValid():
            self._show_color(chosen.name().upper())
            self.box_edited.emit(replace(self.box, color=chosen.name().upper()))

    def _edited(self) -> None:
        if self.box is None:
            return
        value = {key: round(spin.value(), 1) for key, spin in self.spins.items()}
        box = replace(self.box, x_mm=value["x_mm"], y_mm=value["y_mm"], w_mm=value["w_mm"],
                      h_mm=value["h_mm"], size=value["size"], min_size=value["min_size"],
                      max_lines=self.lines_spin.value(), bold=self.bold_check.isChecked(),
                      italic=self.italic_check.isChecked(), font=self.font_combo.currentData(),
                      align=self.align_combo.currentData(), valign=self.valign_combo.currentData())
        self.box = box
        self.box_edited.emit(box)
