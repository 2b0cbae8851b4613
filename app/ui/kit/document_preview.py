"""Looking at a generated document before printing it: its PDF pages as images, zoomed to the window's
width or at actual size, saved as Word and PDF side by side, or opened in Word."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import ServiceError
from app.exporters.document import AdminDocument
from app.exporters.preview import PageImage, render_pages
from app.services.decisions import file_stem, render, save_document
from app.services.workspace import clean_scratch, scratch_dir
from app.ui.kit import messages, system_files
from app.ui.kit.background import run_in_background
from app.ui.kit.operations import service_call
from app.ui.kit.widgets import add_button, debounce_timer, restore_geometry, save_geometry

GEOMETRY_KEY = "document_preview"
PREVIEW_DPI = 144  # sharp enough at 150 % and on high-density screens
SCREEN_DPI = 96
PAGE_GAP = 14
FIT = 0.0  # the zoom that fits the page to the window's width
ZOOMS = (("Vừa chiều ngang", FIT), ("100 %", 1.0), ("150 %", 1.5))
OPEN_FAILED = ("Không mở được tệp “{name}” bằng chương trình của máy. Máy có thể chưa cài Microsoft Word "
               "hoặc LibreOffice; hãy bấm “Lưu Word và PDF…” rồi mở tệp đã lưu.")


def page_image(page: PageImage) -> QImage:
    """A QImage owning a copy of the page's pixels (the bytes object may go away)."""
    image = QImage(page.data, page.width, page.height, page.stride, QImage.Format.Format_RGBA8888)
    return image.copy()


def scratch_path(folder: Path, stem: str) -> Path:
    """A .docx path in folder that can be (re)written: a numbered name when an older file is still open
    in Word (Windows keeps an open file locked)."""
    for n in range(1, 100):
        path = folder / (f"{stem}.docx" if n == 1 else f"{stem} ({n}).docx")
        try:
            path.unlink(missing_ok=True)
        except OSError:
            continue
        return path
    return path


class DocumentPreview(QDialog):
    pages_ready = Signal()  # the page images are shown (or the rendering failed)

    def __init__(self, data_dir: Path, document: AdminDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir, self.document = data_dir, document
        self.images: list[QImage] = []
        self.page_labels: list[QLabel] = []
        self.rendering = True
        self.setWindowTitle(f"Xem văn bản: {document.title}")
        self._relayout = debounce_timer(self, self._scale_pages, 60)
        self._build()
        if not restore_geometry(self, GEOMETRY_KEY, data_dir):
            self.resize(900, 900)
        self.task = run_in_background(self, "Đang dựng trang xem trước…", self._render, self._show_pages,
                                      self._render_refused)
        self.task.finished.connect(self._render_finished)

    def _build(self) -> None:
        self.pages_box = QWidget(styleSheet="background: #7d8085;")
        self.pages_layout = QVBoxLayout(self.pages_box)
        self.pages_layout.setSpacing(PAGE_GAP)
        self.pages_layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self.status_label = QLabel("Đang dựng trang xem trước…", styleSheet="color: white;")
        self.pages_layout.addWidget(self.status_label, 0, Qt.AlignmentFlag.AlignCenter)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # a steady width to fit
        self.scroll.setWidget(self.pages_box)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_toolbar())
        layout.addWidget(self.scroll, 1)
        layout.addLayout(self._build_buttons())

    def _build_toolbar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel("Thu phóng:"))
        self.zoom_combo = QComboBox()
        for label, zoom in ZOOMS:
            self.zoom_combo.addItem(label, zoom)
        self.zoom_combo.currentIndexChanged.connect(lambda _i: self._scale_pages())
        row.addWidget(self.zoom_combo)
        row.addStretch(1)
        self.count_label = QLabel()
        row.addWidget(self.count_label)
        return row

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.save_button = add_button(row, "Lưu Word và PDF…", self.save_both)
        self.word_button = add_button(row, "Mở bằng Word", self.open_in_word)
        row.addStretch(1)
        self.close_button = add_button(row, "Đóng", self.reject)
        for button in (self.save_button, self.word_button, self.close_button):
            button.setAutoDefault(False)
        self.close_button.setEnabled(False)
        return row

    # Rendering (in a worker thread) ----------------------------------------------------------------

    def _render(self) -> list[PageImage]:
        return render_pages(render(self.document, "pdf"), PREVIEW_DPI)

    def _show_pages(self, pages: list[PageImage]) -> None:
        self.images = [page_image(page) for page in pages]
        self.status_label.hide()
        for _image in self.images:
            label = QLabel()
            label.setStyleSheet("background: white;")
            self.page_labels.append(label)
            self.pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
        self.pages_layout.addStretch(1)
        self.count_label.setText(f"{len(self.images)} trang")
        self._scale_pages()

    def _render_refused(self, error: ServiceError) -> None:
        self.status_label.setText("Không dựng được trang xem trước.")
        messages.show_error(self, str(error))

    def _render_finished(self) -> None:
        self.rendering = False
        self.close_button.setEnabled(True)
        self.pages_ready.emit()

    def page_width(self) -> int:
        """The width the pages are shown at, in screen pixels."""
        zoom = self.zoom_combo.currentData()
        if zoom == FIT:
            return max(200, self.scroll.viewport().width() - 2 * PAGE_GAP)
        width = self.images[0].width() if self.images else 0
        return round(width * SCREEN_DPI / PREVIEW_DPI * zoom)

    def _scale_pages(self) -> None:
        width, ratio = self.page_width(), self.devicePixelRatioF()
        for image, label in zip(self.images, self.page_labels, strict=True):
            scaled = image.scaledToWidth(round(width * ratio), Qt.TransformationMode.SmoothTransformation)
            pixmap = QPixmap.fromImage(scaled)
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.zoom_combo.currentData() == FIT:
            self._relayout.start()

    # Files -----------------------------------------------------------------------------------------

    def save_both(self) -> None:
        suggested = system_files.suggested_save_path(self.data_dir, f"{file_stem(self.document)}.docx")
        target = system_files.choose_save_path(self, suggested)
        if target is None:
            return
        document = self.document  # written in the background: a long decision's PDF takes a while
        self.save_task = run_in_background(self, "Đang lưu văn bản Word và PDF…",
                                           lambda: save_document(document, target),
                                           lambda saved: self._saved(target, saved))

    def _saved(self, target: Path, saved: list[Path]) -> None:
        system_files.remember_save_folder(self.data_dir, target)
        files = "\n".join(f"• {path}" for path in saved)
        messages.show_info(self, f"Đã lưu văn bản thành hai tệp:\n{files}", "Đã lưu văn bản")

    def open_in_word(self) -> None:
        """Save the .docx in the data folder's tmp/ and open it with the system's program; copies
        older than a day are removed first."""
        folder = scratch_dir(self.data_dir)
        clean_scratch(folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            messages.show_error(self, f"Không tạo được thư mục tạm “{folder}”: {exc.strerror or exc}.")
            return
        target = scratch_path(folder, file_stem(self.document))
        with service_call(self) as call:
            save_document(self.document, target, formats=("docx",))
        if call.ok and not system_files.open_file(str(target)):
            messages.show_error(self, OPEN_FAILED.format(name=target.name))

    def reject(self) -> None:
        if not self.rendering:  # the worker still writes into this dialog
            super().reject()

    def done(self, result: int) -> None:
        save_geometry(self, GEOMETRY_KEY, self.data_dir)
        super().done(result)


def show_document(parent: QWidget, data_dir: Path,
                  build: Callable[[], AdminDocument]) -> DocumentPreview | None:
    """Build the document (a refusal is shown) and open its preview; the dialog, or None."""
    with service_call(parent) as call:
        document = build()
    if not call.ok:
        return None
    dialog = DocumentPreview(data_dir, document, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
