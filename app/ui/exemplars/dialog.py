"""Add or edit one exemplar record: general information, stage history, evidence files, publicity and
replication. "Lưu" saves the general information with the publicity and replication lines in one call;
stage changes and files are saved as they are made (a stored exemplar is needed for them)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QTabWidget, QVBoxLayout, QWidget

from app.errors import ValidationError
from app.services.exemplars import (
    ExemplarDetail,
    ExemplarInput,
    create_exemplar,
    get_exemplar,
    update_exemplar,
)
from app.services.workspace import Database
from app.ui.exemplars.files_tab import ExemplarFilesTab
from app.ui.exemplars.form import ExemplarForm
from app.ui.exemplars.publicity_table import PublicityTable
from app.ui.exemplars.replication_table import ReplicationTable
from app.ui.exemplars.stage import StageChangeDialog, StageHistoryTab
from app.ui.kit.operations import service_call
from app.ui.kit.widgets import (
    ErrorLabel,
    ValueReader,
    mark_wrong_tabs,
    ok_cancel_buttons,
    restore_geometry,
    save_geometry,
    scrolled,
)

GEOMETRY_KEY = "exemplar_dialog"
INFO_TAB, HISTORY_TAB, FILES_TAB, PUBLICITY_TAB, REPLICATION_TAB = range(5)
TAB_TITLES = {
    INFO_TAB: "Thông tin chung",
    HISTORY_TAB: "Quá trình",
    FILES_TAB: "Tài liệu, hình ảnh",
    PUBLICITY_TAB: "Tuyên truyền",
    REPLICATION_TAB: "Nhân rộng",
}


class ExemplarDialog(QDialog):
    def __init__(self, db: Database, detail: ExemplarDetail | None = None, movement_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.detail: ExemplarDetail | None = None
        self.saved_id: int | None = None
        self._build()
        if detail is None:
            self.form.preset_movement(movement_id)
            self.setWindowTitle("Thêm điển hình tiên tiến")
        else:
            self._load(detail)
        if not restore_geometry(self, GEOMETRY_KEY, db.data_dir):
            self.resize(900, 680)

    @classmethod
    def for_exemplar(cls, db: Database, exemplar_id: int, parent: QWidget | None = None) -> ExemplarDialog:
        """The edit dialog of a stored exemplar (NotFoundError when it was deleted meanwhile)."""
        return cls(db, get_exemplar(db, exemplar_id), parent=parent)

    def _build(self) -> None:
        self.form = ExemplarForm(self.db)
        self.history_tab = StageHistoryTab()
        self.history_tab.change_requested.connect(self.change_stage)
        self.files_tab = ExemplarFilesTab(self.db)
        self.files_tab.save_requested.connect(self.save)
        self.publicity_table = PublicityTable()
        self.replication_table = ReplicationTable()
        self.tabs = QTabWidget()
        pages = (scrolled(self.form), self.history_tab, self.files_tab, self.publicity_table,
                 self.replication_table)
        for widget, title in zip(pages, TAB_TITLES.values(), strict=True):
            self.tabs.addTab(widget, title)
        self.general_error = ErrorLabel()
        self.buttons = ok_cancel_buttons("Lưu")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def _load(self, detail: ExemplarDetail) -> None:
        """Show a stored exemplar; from now on "Lưu" updates it."""
        self.detail, self.saved_id = detail, detail.id
        self.setWindowTitle(f"Điển hình tiên tiến: {detail.subject_name}")
        self.form.load(detail)
        self.history_tab.set_history(detail.stage, detail.stage_history)
        self.files_tab.set_exemplar(detail.id, detail.files)
        self.publicity_table.set_publicity(detail.publicity, detail.stored_files)
        self.replication_table.set_replications(detail.replications)

    def read(self) -> ExemplarInput:
        """Everything in the form and the line tables; ValidationError for what cannot be read."""
        reader = ValueReader()
        data = self.form.read(reader)
        data.publicity = self.publicity_table.publicity(reader)
        data.replications = self.replication_table.replications(reader)
        reader.raise_if_any()
        return data

    def save(self) -> bool:
        """Save and stay open (the tabs that need a stored exemplar become usable); True when saved."""
        try:
            data = self.read()
            with service_call(self) as call:
                detail = self._save(data)
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return False
        if call.ok:
            self.show_errors({})
            self._load(detail)
        return call.ok

    def _save(self, data: ExemplarInput) -> ExemplarDetail:
        if self.detail is None:
            return create_exemplar(self.db, data)
        return update_exemplar(self.db, self.detail.id, data, self.detail.version)

    def accept(self) -> None:
        if self.save():
            super().accept()

    def change_stage(self) -> None:
        if self.detail is None:
            return
        # Not deleted on close: a child deleted later than this dialog crashes PySide (the stage dialogs
        # of one exemplar dialog are few, and go with it).
        dialog = StageChangeDialog(self.db, self.detail.id, self.detail.stage, self.detail.subject_name, self)
        dialog.accepted.connect(lambda: self._stage_changed(dialog.detail))
        dialog.open()

    def _stage_changed(self, changed: ExemplarDetail) -> None:
        """Show the new stage and history; the form keeps what the user typed (the version is unchanged)."""
        self.detail.stage, self.detail.stage_history = changed.stage, changed.stage_history
        self.form.show_stage(changed.stage)
        self.history_tab.set_history(changed.stage, changed.stage_history)

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message beside its field or above its table; the first wrong tab is brought forward."""
        rest = self.form.show_errors(errors)
        after_publicity = self.publicity_table.show_errors(rest)
        unplaced = self.replication_table.show_errors(after_publicity)
        self.general_error.set_message("\n".join(unplaced.values()))
        wrong = {
            INFO_TAB: len(rest) < len(errors),
            PUBLICITY_TAB: len(after_publicity) < len(rest),
            REPLICATION_TAB: len(unplaced) < len(after_publicity),
        }
        mark_wrong_tabs(self.tabs, TAB_TITLES, wrong)

    def done(self, result: int) -> None:
        save_geometry(self, GEOMETRY_KEY, self.db.data_dir)
        super().done(result)
