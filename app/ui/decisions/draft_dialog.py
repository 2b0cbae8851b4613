"""A decision draft (dự thảo quyết định): round, award form, who approved, the signer, the achievement
phrase and the nominations it includes, with the number of recipients and the total as they are ticked."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import DecisionBasis, RoundKind, SignerRole
from app.services.catalogue import list_award_forms
from app.services.decisions import (
    DecisionDetail,
    DecisionInput,
    create_decision,
    default_achievement_text,
    list_includable,
    update_decision,
)
from app.services.rounds import list_rounds
from app.services.settings import load_commune_profile
from app.services.workspace import Database
from app.ui.decisions.models import ChoiceModel, recipients_summary
from app.ui.kit.form_dialog import FormDialog
from app.ui.kit.widgets import (
    ErrorLabel,
    Form,
    ValueReader,
    VnDateEdit,
    add_button,
    choice_combo,
    ok_cancel_buttons,
    restore_geometry,
    save_geometry,
    select_data,
)

GEOMETRY_KEY = "decision_dialog"
HINT_STYLE = "color: #5f6368;"
LOCKED_HINT = "Tờ trình của dự thảo đã có số: căn cứ xét và danh sách khen thưởng không đổi được nữa."
EMPTY_HINT = ("Chưa có hồ sơ nào đưa vào được: cần hồ sơ đã được Hội đồng bình xét đạt (thủ tục đơn giản: "
              "đã thẩm định) cho hình thức này trong đợt, chưa có trong quyết định khác.")


class EntryChooser(QWidget):
    """The includable nominations, ticked; "Chọn tất cả", "Bỏ chọn" and the live total."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ChoiceModel(self)
        self.model.checks_changed.connect(self._update_total)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.setMinimumHeight(170)
        for column, width in ChoiceModel.WIDTHS.items():
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.total_label = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.total_label, 1)
        self.all_button = add_button(row, "Chọn tất cả", lambda: self.model.set_all(True))
        self.none_button = add_button(row, "Bỏ chọn", lambda: self.model.set_all(False))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.setFocusProxy(self.table)
        self._update_total()

    def set_locked(self, locked: bool) -> None:
        self.model.locked = locked
        self._update_total()

    def _update_total(self) -> None:
        entries = self.model.entries()
        for button in (self.all_button, self.none_button):
            button.setEnabled(bool(entries) and not self.model.locked)
        if not entries:
            self.total_label.setText(EMPTY_HINT)
            self.total_label.setWordWrap(True)
            return
        chosen = self.model.checked_entries()
        self.total_label.setText(f"Đã chọn {len(chosen)}/{len(entries)} hồ sơ: {recipients_summary(chosen)}")


class DecisionDialog(FormDialog):
    """A new draft (`round_id` chosen first) or the draft `detail`; `saved_id` after saving."""

    def __init__(self, db: Database, round_id: int | None = None, detail: DecisionDetail | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.detail = db, detail
        self.saved_id: int | None = detail.row.id if detail else None
        self.rounds = {r.id: r for r in list_rounds(db)}
        self.profile = load_commune_profile(db)
        self._build()
        if detail is None:
            self.setWindowTitle("Lập quyết định khen thưởng")
            select_data(self.round_combo, round_id)
            self.signer_edit.setText(self._default_signer(SignerRole.CHAIRMAN))
        else:
            self._load(detail)
        self._connect()
        self._round_changed()
        if not restore_geometry(self, GEOMETRY_KEY, db.data_dir):
            self.resize(900, 720)

    def _build(self) -> None:
        self.form = Form()
        rounds = ((r.name, r.id) for r in self.rounds.values())
        self.round_combo = self.form.add_row("round_id", "Đợt xét", choice_combo(rounds, "— Chọn đợt xét —"))
        forms = ((f.name, f.id) for f in list_award_forms(self.db))
        self.form_combo = self.form.add_row("award_form_id", "Hình thức khen thưởng",
                                            choice_combo(forms, "— Chọn hình thức —"))
        self.basis_combo = self.form.add_row("basis", "Căn cứ xét", self._enum_combo(DecisionBasis))
        self.meeting_edit = self.form.add_row("council_meeting_on", "Ngày họp Hội đồng", VnDateEdit())
        self.meeting_edit.setMaximumWidth(180)
        self.role_combo = self.form.add_row("signer_role", "Người ký", self._enum_combo(SignerRole))
        self.signer_edit = self.form.add_row("signer_name", "Họ tên người ký", QLineEdit())
        self.achievement_edit = self.form.add_row("achievement", "Thành tích", QPlainTextEdit())
        self.achievement_edit.setTabChangesFocus(True)
        self.achievement_edit.setFixedHeight(64)
        self.achievement_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.chooser = self.form.add_row("nomination_ids", "Danh sách khen thưởng", EntryChooser())
        self.lock_label = QLabel(LOCKED_HINT, styleSheet=HINT_STYLE, wordWrap=True)
        self.lock_label.hide()
        self.general_error = ErrorLabel()
        self.buttons = ok_cancel_buttons("Lưu dự thảo")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lock_label)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    @staticmethod
    def _enum_combo(enum) -> QComboBox:
        return choice_combo((member.label, member.value) for member in enum)

    def _connect(self) -> None:
        self.round_combo.currentIndexChanged.connect(self._round_changed)
        self.form_combo.currentIndexChanged.connect(self._refill_list)
        self.basis_combo.currentIndexChanged.connect(self._basis_changed)
        self.role_combo.currentIndexChanged.connect(self._role_changed)

    def _load(self, detail: DecisionDetail) -> None:
        row = detail.row
        self.setWindowTitle(f"Sửa dự thảo quyết định: {row.form_name} — {row.round_name}")
        select_data(self.round_combo, row.round_id)
        select_data(self.form_combo, row.award_form_id)
        self.round_combo.setEnabled(False)
        self.form_combo.setEnabled(False)
        select_data(self.basis_combo, row.basis.value)
        select_data(self.role_combo, detail.signer_role.value)
        self.signer_edit.setText(row.signer_name)
        self.meeting_edit.set_date(detail.council_meeting_on)
        self.achievement_edit.setPlainText(detail.achievement)
        locked = not detail.editable
        self.lock_label.setVisible(locked)
        self.basis_combo.setEnabled(not locked)
        self.chooser.set_locked(locked)

    # Following the choices -------------------------------------------------------------------------

    def basis(self) -> DecisionBasis:
        return DecisionBasis(self.basis_combo.currentData())

    def _round_changed(self, *_args) -> None:
        """Simplified procedure only for ad-hoc rounds; the default phrase of the round as placeholder."""
        round_row = self.rounds.get(self.round_combo.currentData())
        ad_hoc = round_row is not None and round_row.kind is RoundKind.AD_HOC
        simplified = self.basis_combo.findData(DecisionBasis.SIMPLIFIED.value)
        self.basis_combo.model().item(simplified).setEnabled(ad_hoc)
        if not ad_hoc and self.basis() is DecisionBasis.SIMPLIFIED:
            self.basis_combo.blockSignals(True)
            select_data(self.basis_combo, DecisionBasis.COUNCIL.value)
            self.basis_combo.blockSignals(False)
        default = default_achievement_text(self.db, round_row.id) if round_row else ""
        self.achievement_edit.setPlaceholderText(f"Để trống thì dùng câu mặc định: “{default}”" if default
                                                 else "Để trống thì dùng câu mặc định của đợt xét.")
        self._basis_changed()

    def _basis_changed(self, *_args) -> None:
        self.meeting_edit.setEnabled(self.basis() is DecisionBasis.COUNCIL)
        self._refill_list()

    def _refill_list(self, *_args) -> None:
        """The nominations the draft may include; a stored draft keeps its own ticks."""
        round_id, form_id = self.round_combo.currentData(), self.form_combo.currentData()
        entries = []
        if round_id is not None and form_id is not None:
            decision_id = self.detail.row.id if self.detail else None
            entries = list_includable(self.db, round_id, form_id, self.basis(), decision_id)
        checked = None
        if self.detail is not None and self.basis() is self.detail.row.basis:
            checked = {e.nomination_id for e in self.detail.entries}
        self.chooser.model.set_entries(entries, checked)

    def _default_signer(self, role: SignerRole) -> str:
        if role is SignerRole.CHAIRMAN:
            return self.profile.chairman
        return next(iter(self.profile.vice_chairmen), "")

    def _role_changed(self, *_args) -> None:
        """The name follows the role while it is empty or still the other role's default."""
        role = SignerRole(self.role_combo.currentData())
        other = SignerRole.VICE_CHAIRMAN if role is SignerRole.CHAIRMAN else SignerRole.CHAIRMAN
        if self.signer_edit.text().strip() in ("", self._default_signer(other)):
            self.signer_edit.setText(self._default_signer(role))

    # Saving --------------------------------------------------------------------------------------

    def read(self) -> DecisionInput:
        """The typed values; ValidationError for a meeting day that cannot be read."""
        reader = ValueReader()
        basis = self.basis()
        meeting = None
        if basis is DecisionBasis.COUNCIL:  # the chairman alone decides under the simplified procedure
            meeting = reader.date("council_meeting_on", "Ngày họp Hội đồng", self.meeting_edit.text())
        reader.raise_if_any()
        return DecisionInput(
            round_id=self.round_combo.currentData(), award_form_id=self.form_combo.currentData(),
            basis=basis, signer_role=SignerRole(self.role_combo.currentData()),
            signer_name=self.signer_edit.text(), achievement=self.achievement_edit.toPlainText(),
            council_meeting_on=meeting,
            nomination_ids=self.chooser.model.checked_ids(),
        )

    def submit(self) -> None:
        self.saved_id = self._save(self.read()).row.id

    def _save(self, data: DecisionInput) -> DecisionDetail:
        if self.detail is None:
            return create_decision(self.db, data)
        return update_decision(self.db, self.detail.row.id, data, self.detail.version)

    def done(self, result: int) -> None:
        save_geometry(self, GEOMETRY_KEY, self.db.data_dir)
        super().done(result)
