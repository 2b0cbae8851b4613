"""Add or edit one award form of the catalogue: its information and its criteria, saved by one call."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.errors import ServiceError
from app.services.catalogue import (
    AwardFormDetail,
    AwardFormInput,
    create_award_form,
    default_criteria,
    get_award_form,
    update_award_form,
)
from app.services.settings import BASE_SALARY, get_setting
from app.services.workspace import Database
from app.ui.catalogue.criteria_editor import CriteriaEditor
from app.ui.catalogue.form_info import AwardFormInfo
from app.ui.kit import messages
from app.ui.kit.form_dialog import FormDialog
from app.ui.kit.widgets import ErrorLabel, mark_wrong_tabs, ok_cancel_buttons, restore_geometry, save_geometry

INFO_TAB, CRITERIA_TAB = range(2)
TAB_TITLES = {INFO_TAB: "Thông tin", CRITERIA_TAB: "Tiêu chí"}
GEOMETRY_KEY = "award_form_dialog"


class AwardFormDialog(FormDialog):
    def __init__(
        self, db: Database, detail: AwardFormDetail | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.detail = db, detail
        self.saved_id: int | None = detail.id if detail else None
        self._build(get_setting(db, BASE_SALARY))
        self._load(detail or AwardFormInput())
        self.setWindowTitle(f"Sửa hình thức: {detail.name}" if detail else "Thêm hình thức khen thưởng")
        if not restore_geometry(self, GEOMETRY_KEY, db.data_dir):
            self.resize(1100, 720)

    @classmethod
    def for_form(cls, db: Database, form_id: int, parent: QWidget | None = None) -> AwardFormDialog:
        """The edit dialog of a stored form (NotFoundError when it was deleted meanwhile)."""
        return cls(db, get_award_form(db, form_id), parent)

    def _build(self, base_salary: int) -> None:
        shipped = self.detail is not None and self.detail.shipped
        self.info = AwardFormInfo(base_salary, shipped)
        submitted = self.detail.submitted_nomination_count if self.detail else 0
        self.criteria = CriteriaEditor(shipped, submitted)
        self.criteria.restore_requested.connect(self.restore_defaults)
        self.tabs = QTabWidget()
        for widget, title in zip((self.info, self.criteria), TAB_TITLES.values(), strict=True):
            self.tabs.addTab(widget, title)
        self.general_error = ErrorLabel()
        self.buttons = ok_cancel_buttons("Lưu")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def _load(self, data: AwardFormInput) -> None:
        self.info.load(data)
        self.criteria.set_lines(data.criteria)

    def read(self) -> AwardFormInput:
        data = self.info.read()
        data.criteria = self.criteria.lines()
        return data

    def restore_defaults(self) -> None:
        """Put the shipped wording in the editor; nothing is saved until "Lưu"."""
        question = ("Thay các tiêu chí đang sửa bằng lời văn có sẵn theo quy định? "
                    "Tiêu chí xã tự thêm sẽ bị bỏ khi lưu.")
        if self.detail is None or not messages.ask_yes_no(self, question, "Khôi phục tiêu chí mặc định"):
            return
        try:
            lines = default_criteria(self.detail.code, self.criteria.lines())
        except ServiceError as exc:
            messages.show_error(self, str(exc))
            return
        self.criteria.set_lines(lines)

    def submit(self) -> None:
        self.saved_id = self._save(self.read()).id

    def _save(self, data: AwardFormInput) -> AwardFormDetail:
        if self.detail is None:
            return create_award_form(self.db, data)
        return update_award_form(self.db, self.detail.id, data, self.detail.version)

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message beside its field or above the criteria; the first wrong tab is brought forward."""
        rest = self.info.show_errors(errors)
        unplaced = self.criteria.show_errors(rest)
        self.general_error.set_message("\n".join(unplaced.values()))
        wrong = {INFO_TAB: len(rest) < len(errors), CRITERIA_TAB: len(unplaced) < len(rest)}
        mark_wrong_tabs(self.tabs, TAB_TITLES, wrong)

    def done(self, result: int) -> None:
        save_geometry(self, GEOMETRY_KEY, self.db.data_dir)
        super().done(result)
