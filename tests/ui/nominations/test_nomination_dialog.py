"""The nomination dialog: choosing the subject and the form, the report, refusals shown beside the fields,
warnings the user may override, and editing the report of a stored nomination."""

from __future__ import annotations

import datetime as dt

import pytest
from nomination_helpers import TODAY, choose, form_ids, make_round, pick_subject, press_ok
from qt_typing import replace_text, type_text

from app.services.nominations.crud import create_nomination, update_report
from app.services.nominations.data import NominationInput, ReportInput
from app.services.nominations.queries import get_nomination, list_nominations
from app.ui.nominations.dialog import ACHIEVEMENTS_TAB, MAIN_TAB, NominationDialog


@pytest.fixture
def forms(commune_db) -> dict[str, int]:
    return form_ids(commune_db)


@pytest.fixture
def round_id(commune_db) -> int:
    return make_round(commune_db)


def new_dialog(qtbot, db, round_id=None) -> NominationDialog:
    dialog = NominationDialog(db, round_id=round_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def lan_ldtt(db, round_id, people, forms) -> int:
    return create_nomination(db, NominationInput(round_id, people["Trần Thị Lan"], forms["LDTT"]))


def offered_forms(dialog: NominationDialog) -> list[str]:
    return [dialog.form_combo.itemText(n) for n in range(1, dialog.form_combo.count())]


def visible_report_fields(dialog: NominationDialog) -> set[str]:
    forms = (dialog.report.general, dialog.report.achievements)
    return {key.removeprefix("report.") for form in forms for key, row in form.rows.items()
            if row.isVisibleTo(form)}


def test_search_without_diacritics_and_forms_of_the_subjects_kind(qtbot, commune_db, people, round_id):
    dialog = new_dialog(qtbot, commune_db, round_id)
    assert dialog.round_combo.currentData() == round_id
    pick_subject(qtbot, dialog.subject_picker, "tran thi lan", "Trần Thị Lan")
    assert dialog.subject_picker.subject_id() == people["Trần Thị Lan"]
    assert offered_forms(dialog) == ["Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Giấy khen"]
    assert "overview" not in visible_report_fields(dialog)
    assert {"position", "qualification"} <= visible_report_fields(dialog)


def test_a_collective_gets_the_collective_report(qtbot, commune_db, people, round_id):
    dialog = new_dialog(qtbot, commune_db, round_id)
    pick_subject(qtbot, dialog.subject_picker, "chi hoi phu nu", "Chi hội Phụ nữ thôn Đông")
    assert offered_forms(dialog) == ["Tập thể lao động tiên tiến", "Giấy khen", "Thôn, tổ dân phố văn hóa"]
    fields = visible_report_fields(dialog)
    assert "overview" in fields and "duties" in fields
    assert not {"position", "qualification"} & fields


def test_create_with_the_typed_report(qtbot, commune_db, people, round_id, forms, village):
    dialog = new_dialog(qtbot, commune_db, round_id)
    pick_subject(qtbot, dialog.subject_picker, "Lan", "Trần Thị Lan")
    choose(dialog.form_combo, forms["LDTT"])
    dialog.tabs.setCurrentIndex(ACHIEVEMENTS_TAB)
    achievements = "Vận động 45 hộ tham gia làm đường bê tông.\nThu gom rác thải."
    type_text(dialog.report.edits["achievements"], achievements)
    type_text(dialog.report.edits["position"], "Chi hội trưởng")
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    detail = get_nomination(commune_db, dialog.saved_id)
    assert (detail.subject_name, detail.form_name, detail.proposing_unit_id) == (
        "Trần Thị Lan", "Lao động tiên tiến", village)
    assert detail.report.achievements == achievements
    assert detail.report.position == "Chi hội trưởng"


def test_an_untouched_report_is_prefilled_by_the_service(qtbot, commune_db, people, round_id, forms):
    dialog = new_dialog(qtbot, commune_db, round_id)
    pick_subject(qtbot, dialog.subject_picker, "dat", "Nguyễn Văn Đạt")
    choose(dialog.form_combo, forms["LDTT"])
    press_ok(qtbot, dialog)
    report = get_nomination(commune_db, dialog.saved_id).report
    assert report.workplace == "Thôn Đông"
    assert "Lao động tiên tiến" in report.awards_received, "the award history is copied in"


def test_a_form_of_the_wrong_kind_is_refused_beside_the_field(qtbot, commune_db, people, round_id, forms):
    dialog = new_dialog(qtbot, commune_db, round_id)
    choose(dialog.form_combo, forms["TTLDTT"])  # chosen before the subject
    pick_subject(qtbot, dialog.subject_picker, "le minh duc", "Lê Minh Đức")
    assert dialog.form_combo.currentText() == "Tập thể lao động tiên tiến (không áp dụng cho cá nhân)"
    dialog.tabs.setCurrentIndex(ACHIEVEMENTS_TAB)
    press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.tabs.currentIndex() == MAIN_TAB
    assert dialog.tabs.tabText(MAIN_TAB) == "Đề nghị (!)"
    error = dialog.form.rows["award_form_id"].error
    assert error.isVisibleTo(dialog)
    assert error.text() == ("Hình thức khen thưởng: “Tập thể lao động tiên tiến” chỉ áp dụng cho tập thể; "
                            "“Lê Minh Đức” là cá nhân.")
    assert list_nominations(commune_db) == [], "nothing saved"


def test_missing_choices_are_named(qtbot, commune_db, people):
    dialog = new_dialog(qtbot, commune_db)
    press_ok(qtbot, dialog)
    assert dialog.form.rows["round_id"].error.text() == "Đợt xét: hãy chọn một đợt xét."
    assert dialog.form.rows["subject_id"].error.text() == "Đối tượng: hãy chọn đối tượng được đề nghị."
    assert dialog.form.rows["award_form_id"].error.text() == "Hình thức khen thưởng: hãy chọn một hình thức."


def test_a_passed_deadline_asks_and_the_override_is_kept(qtbot, commune_db, people, forms, fake_messages):
    late = make_round(commune_db, "Khen thưởng đột xuất", deadline=TODAY - dt.timedelta(days=1))
    dialog = new_dialog(qtbot, commune_db, late)
    pick_subject(qtbot, dialog.subject_picker, "lan", "Trần Thị Lan")
    choose(dialog.form_combo, forms["GIAY_KHEN"])
    fake_messages.yes = False
    press_ok(qtbot, dialog)
    assert "đã hết hạn nhận hồ sơ" in fake_messages.questions[-1]
    assert dialog.isVisible() and list_nominations(commune_db) == [], "declined: nothing saved"
    fake_messages.yes = True
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    events = [e.text for e in get_nomination(commune_db, dialog.saved_id).events]
    assert any(text.startswith("Người dùng xác nhận vẫn tạo hồ sơ: Đợt “Khen thưởng đột xuất” đã hết hạn")
               for text in events)


def test_edit_the_report_of_a_stored_nomination(qtbot, commune_db, people, round_id, forms):
    nomination = lan_ldtt(commune_db, round_id, people, forms)
    dialog = NominationDialog.for_nomination(commune_db, nomination)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Hồ sơ đề nghị: Trần Thị Lan — Lao động tiên tiến"
    assert dialog.tabs.currentIndex() == ACHIEVEMENTS_TAB
    replace_text(dialog.report.edits["measures"], "Phối hợp với Chi đoàn thôn.")
    press_ok(qtbot, dialog)
    assert not dialog.isVisible()
    detail = get_nomination(commune_db, nomination)
    assert detail.report.measures == "Phối hợp với Chi đoàn thôn."
    assert detail.report.workplace == "Thôn Đông", "the other fields are kept"


def test_a_report_changed_elsewhere_is_not_overwritten(qtbot, commune_db, people, round_id, forms,
                                                       fake_messages):
    nomination = lan_ldtt(commune_db, round_id, people, forms)
    dialog = NominationDialog.for_nomination(commune_db, nomination)
    qtbot.addWidget(dialog)
    dialog.show()
    update_report(commune_db, nomination, ReportInput(achievements="Sửa ở máy khác"), 1)
    type_text(dialog.report.edits["achievements"], "Thêm")
    press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "vừa được sửa ở nơi khác" in fake_messages.errors[-1]
    assert get_nomination(commune_db, nomination).report.achievements == "Sửa ở máy khác"
