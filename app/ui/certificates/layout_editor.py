"""The layout editor: a layout's fields as boxes on the page at true millimetres (dragged, resized, or
typed in the side form), the scan of the commune's blank locked underneath, the real text of a chosen
recipient of an issued decision set in the boxes as the fit rule sets it, and the fit warnings live.
"Lưu" writes the user's copy; "Khôi phục mẫu gốc" removes it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.errors import ServiceError, ValidationError
from app.models import DecisionStatus
from app.services.certificates import (
    FIELD_LABELS,
    CertificateText,
    FieldBox,
    Layout,
    LayoutInfo,
    LayoutMode,
    certificate_texts,
    check_layout_text,
    delete_layout,
    field_fits,
    list_layouts,
    load_layout,
    save_layout,
    set_emblem_image,
    set_layout_background,
)
from app.services.decisions import list_decisions
from app.services.workspace import Database
from app.ui.certificates.choices import allow_edits, may_edit
from app.ui.certificates.field_form import FieldForm
from app.ui.certificates.layout_scene import LayoutScene, SheetView
from app.ui.kit import messages
from app.ui.kit.item_rows import roomy_list
from app.ui.kit.operations import busy
from app.ui.kit.widgets import add_button, select_data

IMAGE_FILTER = "Ảnh chụp hoặc ảnh quét (*.png *.jpg *.jpeg)"
SAMPLE = "Chữ mẫu"
WARNING_COLORS = {True: QColor("#b3261e"), False: QColor("#8a5300")}  # refused, shrunk or wrapped
SAMPLE_TEXT = CertificateText(position=1, recipient="Nguyễn Thị Minh Khai", kind="individual",
                              golden_book_no=1, values={
    "national_name": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "motto": "Độc lập - Tự do - Hạnh phúc",
    "authority": "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HÒA BÌNH", "award_verb": "TẶNG", "award_name": "GIẤY KHEN",
    "recipient_name": "Bà Nguyễn Thị Minh Khai", "recipient_detail": "Giáo viên Trường Tiểu học Hòa Bình",
    "achievement": "Đã có thành tích xuất sắc trong phong trào thi đua năm 2026",
    "decision_ref": "01/QĐ-UBND ngày 25/11/2026", "golden_book": "1",
    "place_date": "Hòa Bình, ngày 25 tháng 11 năm 2026", "signer_title": "CHỦ TỊCH",
    "signer_name": "Trần Văn Bình"})


def choose_image(parent: QWidget, title: str) -> Path | None:
    """A .png or .jpg the user picked (the operating system's dialog; tests replace it)."""
    path, _filter = QFileDialog.getOpenFileName(parent, title, str(Path.home()), IMAGE_FILTER)
    return Path(path) if path else None


def errors_text(error: ServiceError) -> str:
    return "\n".join(error.errors.values()) if isinstance(error, ValidationError) else str(error)


class LayoutEditor(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.layout_: Layout | None = None
        self.info: LayoutInfo | None = None
        self.infos: list[LayoutInfo] = []
        self.texts: list[CertificateText] = [SAMPLE_TEXT]
        self.dirty = False
        self.scene = LayoutScene(self.box_dragged, self)
        self.scene.selectionChanged.connect(self._scene_selection)
        self.view = SheetView(self.scene)
        self.form = FieldForm()
        self.form.box_edited.connect(self.apply_box)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_choices())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(self._build_side())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)

    # Building --------------------------------------------------------------------------------------

    def _build_choices(self) -> QHBoxLayout:
        self.layout_combo = QComboBox()
        self.layout_combo.setMinimumWidth(280)
        self.layout_combo.activated.connect(lambda _i: self.choose_layout(self.layout_combo.currentData()))
        self.decision_combo = QComboBox()
        self.decision_combo.setMinimumWidth(150)
        self.decision_combo.activated.connect(lambda _i: self.load_texts())
        self.recipient_combo = QComboBox()
        self.recipient_combo.setMinimumWidth(160)
        self.recipient_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        row = QHBoxLayout()
        choices = (("Mẫu:", self.layout_combo, 3), ("Xem chữ của:", self.decision_combo, 1),
                   ("Người nhận:", self.recipient_combo, 2))
        for label, combo, stretch in choices:
            row.addWidget(QLabel(label))
            row.addWidget(combo, stretch)
        return row

    def _build_side(self) -> QWidget:
        side = QWidget()
        self.field_combo = QComboBox()
        self.field_combo.currentIndexChanged.connect(lambda _i: self._field_chosen())
        self.state_label = QLabel(wordWrap=True)
        self.warnings = roomy_list()
        self.warnings.setWordWrap(True)
        images = QHBoxLayout()
        self.background_button = add_button(images, "Ảnh phôi nền…", self.choose_background)
        self.emblem_button = add_button(images, "Ảnh quốc huy…", self.choose_emblem)
        images.addStretch(1)
        buttons = QHBoxLayout()
        self.save_button = add_button(buttons, "Lưu", self.save)
        self.restore_button = add_button(buttons, "Khôi phục mẫu gốc", self.restore)
        allow_edits(self.db, self.save_button, self.background_button, self.emblem_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        field_row = QHBoxLayout()
        field_row.addWidget(QLabel("<b>Ô chữ:</b>"))
        field_row.addWidget(self.field_combo, 1)
        layout.addLayout(field_row)
        layout.addWidget(self.form)
        layout.addWidget(QLabel("<b>Cảnh báo cỡ chữ</b> (với chữ của người nhận đang xem):"))
        layout.addWidget(self.warnings, 1)
        layout.addLayout(images)
        layout.addWidget(self.state_label)
        layout.addLayout(buttons)
        return side

    # Loading ---------------------------------------------------------------------------------------

    def on_shown(self) -> None:
        with busy():
            self.infos = list_layouts(self.db)
            issued = [d for d in list_decisions(self.db) if d.status is DecisionStatus.ISSUED]
        self._fill_layouts()
        current = self.decision_combo.currentData()
        self.decision_combo.clear()
        self.decision_combo.addItem(SAMPLE, None)
        for d in issued:
            self.decision_combo.addItem(d.number, d.id)
            self.decision_combo.setItemData(self.decision_combo.count() - 1,
                                            f"Quyết định số {d.number}: {d.form_name} — {d.round_name}",
                                            Qt.ItemDataRole.ToolTipRole)
        select_data(self.decision_combo, current)
        if self.layout_ is None and self.layout_combo.count():
            self.choose_layout(self.layout_combo.currentData())
        if current is None:
            self.load_texts()

    def _fill_layouts(self) -> None:
        current = self.layout_.name if self.layout_ else None
        self.layout_combo.clear()
        for info in self.infos:
            note = " — không đọc được" if info.problem else (" — bản đã sửa" if info.user_copy else "")
            self.layout_combo.addItem(info.title + note, info.name)
        if current is not None:
            select_data(self.layout_combo, current)

    def choose_layout(self, name: str | None) -> None:
        if name is None or (self.layout_ is not None and name == self.layout_.name):
            return
        if self.dirty and not messages.ask_yes_no(self, "Mẫu đang sửa chưa được lưu. Bỏ các thay đổi?"):
            select_data(self.layout_combo, self.layout_.name if self.layout_ else None)
            return
        try:
            with busy():
                layout = load_layout(self.db, name)
        except ServiceError as error:
            messages.show_error(self, errors_text(error))
            select_data(self.layout_combo, self.layout_.name if self.layout_ else None)
            return
        self.show_layout(layout)

    def show_layout(self, layout: Layout) -> None:
        self.layout_, self.dirty = layout, False
        self.info = next((i for i in self.infos if i.name == layout.name), None)
        self.scene.set_fields(layout.fields)
        self.scene.set_emblem(layout.emblem)
        if not self.scene.set_background(self.info.background if self.info else None):
            messages.show_error(self, "Không đọc được ảnh phôi nền của mẫu này; mẫu vẫn sửa được.")
        self.field_combo.blockSignals(True)
        self.field_combo.clear()
        for box in layout.fields:
            self.field_combo.addItem(FIELD_LABELS.get(box.field, box.field), box.field)
        self.field_combo.blockSignals(False)
        self.emblem_button.setEnabled(layout.mode is LayoutMode.FULL and may_edit(self.db))
        self._field_chosen()
        self.refresh()

    def load_texts(self) -> None:
        """The recipients of the chosen issued decision (or the sample text)."""
        decision_id = self.decision_combo.currentData()
        texts = [SAMPLE_TEXT]
        if decision_id is not None:
            try:
                with busy():
                    texts = certificate_texts(self.db, decision_id) or [SAMPLE_TEXT]
            except ServiceError as error:
                messages.show_error(self, errors_text(error))
        self.texts = texts
        self.recipient_combo.blockSignals(True)
        self.recipient_combo.clear()
        for text in texts:
            self.recipient_combo.addItem(f"{text.position}. {text.recipient}", text.position)
        self.recipient_combo.blockSignals(False)
        self.refresh()

    def current_text(self) -> CertificateText:
        return self.texts[max(self.recipient_combo.currentIndex(), 0)] if self.texts else SAMPLE_TEXT

    # Live view -------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Set the chosen recipient's text in every box and list the fit warnings."""
        layout = self.layout_
        if layout is None:
            return
        text = self.current_text()
        fits = field_fits(layout, text)
        notes = check_layout_text(layout, text)
        states = {f: "adjusted" for f, fit in fits.items() if fit.shrunk or fit.wrapped}
        states.update({n.field: "refused" for n in notes if n.refused})
        self.scene.show_fits(layout.fields, fits, states)
        self.warnings.clear()
        for note in notes:
            item = QListWidgetItem(("Không in được — " if note.refused else "") + note.message)
            item.setForeground(WARNING_COLORS[note.refused])
            self.warnings.addItem(item)
        if not notes:
            self.warnings.addItem("Mọi ô chữ đều vừa khung với cỡ chữ của mẫu.")
        self._show_state()

    def _show_state(self) -> None:
        if self.dirty:
            state = "Có thay đổi chưa lưu. Bấm “Lưu” để dùng mẫu này khi in."
        elif self.info is not None and self.info.user_copy:
            state = "Đây là bản đã sửa của xã (mẫu gốc vẫn giữ nguyên)."
        else:
            state = "Đây là mẫu gốc. Sửa rồi bấm “Lưu” sẽ tạo bản của xã."
        self.state_label.setText(state)
        self.restore_button.setEnabled(bool(self.info and self.info.user_copy) and may_edit(self.db))

    def box_dragged(self, field_id: str, rect: QRectF) -> None:
        if self.layout_ is None:
            return
        box = self.layout_.box(field_id)
        if box is not None:
            self.apply_box(replace(box, x_mm=round(rect.x(), 1), y_mm=round(rect.y(), 1),
                                   w_mm=round(rect.width(), 1), h_mm=round(rect.height(), 1)))
            select_data(self.field_combo, field_id)
            self.form.show_box(self.layout_.box(field_id))

    def apply_box(self, box: FieldBox) -> None:
        if self.layout_ is None:
            return
        self.layout_ = self.layout_.with_box(box)
        self.dirty = True
        self.refresh()

    def _field_chosen(self) -> None:
        field_id = self.field_combo.currentData()
        self.form.show_box(self.layout_.box(field_id) if self.layout_ and field_id else None)
        item = self.scene.items_by_field.get(field_id)
        if item is not None and not item.isSelected():
            self.scene.blockSignals(True)
            self.scene.clearSelection()
            item.setSelected(True)
            self.scene.blockSignals(False)

    def _scene_selection(self) -> None:
        chosen = [i for i in self.scene.selectedItems() if hasattr(i, "box")]
        if chosen:
            select_data(self.field_combo, chosen[0].box.field)

    # Actions ---------------------------------------------------------------------------------------

    def save(self) -> None:
        if self.layout_ is None:
            return
        try:
            with busy():
                saved = save_layout(self.db, self.layout_)
                self.infos = list_layouts(self.db)
        except ServiceError as error:
            messages.show_error(self, "Chưa lưu được mẫu:\n" + errors_text(error))
            return
        self.info, self.dirty = saved, False
        self._fill_layouts()
        self._show_state()

    def restore(self) -> None:
        if self.layout_ is None or self.info is None or not self.info.user_copy:
            return
        question = (f"Xóa bản đã sửa của mẫu “{self.info.title}” và dùng lại mẫu gốc?\n"
                    "Mọi vị trí đã chỉnh trên mẫu này sẽ mất.")
        if not messages.ask_yes_no(self, question, "Khôi phục mẫu gốc"):
            return
        name = self.layout_.name
        try:
            with busy():
                delete_layout(self.db, name)
                self.infos = list_layouts(self.db)
        except ServiceError as error:
            messages.show_error(self, errors_text(error))
            return
        self.layout_, self.dirty = None, False
        self._fill_layouts()
        if any(i.name == name for i in self.infos):
            select_data(self.layout_combo, name)
            self.choose_layout(name)
        elif self.layout_combo.count():
            self.choose_layout(self.layout_combo.currentData())

    def choose_background(self) -> None:
        if self.layout_ is None:
            return
        path = choose_image(self, "Chọn ảnh chụp hoặc ảnh quét phôi giấy khen")
        if path is None:
            return
        try:
            with busy():
                info = set_layout_background(self.db, self.layout_.name, path)
                self.infos = list_layouts(self.db)
        except ServiceError as error:
            messages.show_error(self, errors_text(error))
            return
        self.info = info
        if info.background is not None:
            self.layout_ = replace(self.layout_, background=info.background.name)
        self.scene.set_background(info.background)
        self._fill_layouts()
        self._show_state()

    def choose_emblem(self) -> None:
        path = choose_image(self, "Chọn ảnh quốc huy (dùng cho mẫu in đầy đủ)")
        if path is None:
            return
        try:
            with busy():
                set_emblem_image(self.db, path)
        except ServiceError as error:
            messages.show_error(self, errors_text(error))
            return
        messages.show_info(self, "Đã lưu ảnh quốc huy: từ nay mẫu in đầy đủ in quốc huy ở ô chấm đỏ.")
