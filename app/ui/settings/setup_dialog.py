"""First-run set-up (and later edits) of the commune's profile: name, province, signers."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from app.errors import ServiceError
from app.rules.vntext import vn_number
from app.services.commune import initialise_commune
from app.services.settings import CommuneProfile, load_commune_profile
from app.services.workspace import Database
from app.ui.kit.form_dialog import FormDialog
from app.ui.kit.waiting import run_and_wait
from app.ui.kit.widgets import ErrorLabel, Form, ok_cancel_buttons, restore_geometry, save_geometry

DEMO_SUBJECTS = 2000
WELCOME = (
    "Chào mừng đến với Sổ Vàng. Hãy khai báo xã của bạn; các thông tin này được dùng trong "
    "quyết định, tờ trình và giấy khen. Có thể sửa lại sau trong menu Tệp → Thông tin xã."
)


DEMO_PROGRESS = (
    "Đang điền dữ liệu mẫu ({count} đối tượng, hội đồng, quyết định, giấy khen…). Xin chờ một lát."
)


def fill_demo_data(db: Database, parent: QWidget | None = None) -> None:
    """Fill the database with realistic demo data, in the background behind a progress dialog (the
    window stays painted); a refusal of the service is raised here, for the dialog to show."""
    from app.services.demo import generate_demo

    refused: list[ServiceError] = []
    run_and_wait(parent, DEMO_PROGRESS.format(count=vn_number(DEMO_SUBJECTS)),
                 lambda: generate_demo(db, subjects=DEMO_SUBJECTS), on_error=refused.append)
    if refused:
        raise refused[0]


class SetupDialog(FormDialog):
    def __init__(self, db: Database, first_run: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.first_run = first_run
        self.setWindowTitle("Khai báo xã" if first_run else "Thông tin xã")
        self._build()
        self._load(load_commune_profile(db))
        if not restore_geometry(self, "setup_dialog", db.data_dir):
            self.resize(560, 0)

    def _build(self) -> None:
        self._build_form()
        self.demo_box = QCheckBox("Điền dữ liệu mẫu để dùng thử")
        self.demo_box.setVisible(self.first_run)
        self.general_error = ErrorLabel()
        self.buttons = ok_cancel_buttons("Lưu")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        welcome = QLabel(WELCOME, wordWrap=True, visible=self.first_run)
        layout = QVBoxLayout(self)
        for widget in (welcome, self.form, self.demo_box, self.general_error, self.buttons):
            layout.addWidget(widget)

    def _build_form(self) -> None:
        self.form = Form()
        self.commune_edit = self.form.add_row(
            "commune", "Tên xã", QLineEdit(placeholderText="Ví dụ: Xã Hòa Bình")
        )
        self.province_edit = self.form.add_row(
            "province", "Tỉnh, thành phố", QLineEdit(placeholderText="Ví dụ: Tỉnh Phú Thọ")
        )
        self.chairman_edit = self.form.add_row("chairman", "Chủ tịch UBND xã", QLineEdit())
        self.vices_edit = self.form.add_row("vice_chairmen", "Phó Chủ tịch UBND xã", QPlainTextEdit())
        self.vices_edit.setPlaceholderText("Mỗi người một dòng")
        self.vices_edit.setFixedHeight(64)
        self.vices_edit.setTabChangesFocus(True)
        self.officer_edit = self.form.add_row("officer", "Cán bộ phụ trách TĐKT", QLineEdit())

    def _load(self, profile: CommuneProfile) -> None:
        self.commune_edit.setText(profile.commune)
        self.province_edit.setText(profile.province)
        self.chairman_edit.setText(profile.chairman)
        self.vices_edit.setPlainText("\n".join(profile.vice_chairmen))
        self.officer_edit.setText(profile.officer)

    def profile(self) -> CommuneProfile:
        return CommuneProfile(
            commune=self.commune_edit.text(),
            province=self.province_edit.text(),
            chairman=self.chairman_edit.text(),
            vice_chairmen=self.vices_edit.toPlainText().splitlines(),
            officer=self.officer_edit.text(),
        )

    def submit(self) -> None:
        initialise_commune(self.db, self.profile())
        if self.first_run and self.demo_box.isChecked():
            fill_demo_data(self.db, self)

    def done(self, result: int) -> None:
        save_geometry(self, "setup_dialog", self.db.data_dir)
        super().done(result)
