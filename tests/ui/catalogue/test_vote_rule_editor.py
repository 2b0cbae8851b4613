"""The vote rule of an award form edited in its "Thông tin" tab: the share typed as a percent or a
fraction, strict or inclusive, its base, written opinions, the council vote; the rule said as it is typed."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from qt_typing import replace_text

from app.models.enums import PollMethod, ThresholdBase
from app.services.catalogue import get_award_form, list_award_forms
from app.ui.catalogue.form_dialog import INFO_TAB, AwardFormDialog
from app.ui.catalogue.vote_rule_box import FRACTION_FIELD, parse_share
from app.ui.kit.widgets import select_data


@pytest.mark.parametrize(("text", "share"), [
    ("80", Fraction(4, 5)), ("80 %", Fraction(4, 5)), (" 2/3 ", Fraction(2, 3)), ("66,5", Fraction(133, 200)),
    ("100", Fraction(1)), ("1/2", Fraction(1, 2)),
])
def test_a_share_is_read_as_a_percent_or_a_fraction(text, share) -> None:
    assert parse_share(text) == share


@pytest.mark.parametrize(("text", "words"), [
    ("abc", "“abc” không đọc được"), ("", "để trống"), ("2/0", "không đọc được"), ("0", "phải lớn hơn 0"),
    ("4/3", "không quá 100 %"), ("101", "không quá 100 %"), ("80.5", "không đọc được"),
    ("1/1001", "không quá"),
])
def test_anything_else_is_refused_in_vietnamese(text, words) -> None:
    with pytest.raises(ValueError, match=words):
        parse_share(text)


def form_id(db, code: str) -> int:
    return next(row.id for row in list_award_forms(db, include_inactive=True) if row.code == code)


@pytest.fixture
def cstdcs(qtbot, commune_db) -> AwardFormDialog:
    dialog = AwardFormDialog.for_form(commune_db, form_id(commune_db, "CSTDCS"))
    qtbot.addWidget(dialog)
    dialog.resize(1093, 614)
    dialog.show()
    return dialog


def save(qtbot, dialog: AwardFormDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_the_stored_rule_is_shown(cstdcs) -> None:
    box = cstdcs.info.vote_rule
    assert box.share.share_edit.text() == "80"
    assert box.share.base_combo.currentData() == ThresholdBase.ALL_MEMBERS.value
    assert box.share.strict_combo.currentData() is False
    assert box.opinions_check.isChecked() and box.council_check.isChecked()
    assert box.rule_label.text().startswith(
        "Đạt khi số đồng ý ≥ 80 % tổng số thành viên Hội đồng (tính cả ý kiến bằng văn bản")
    assert "Cần ít nhất 12/15 phiếu đồng ý" in box.rule_label.text()


def test_cstdcs_edited_to_two_thirds_of_members_present_strictly(qtbot, cstdcs, commune_db) -> None:
    box = cstdcs.info.vote_rule
    replace_text(box.share.share_edit, "2/3")
    select_data(box.share.base_combo, ThresholdBase.PRESENT.value)
    select_data(box.share.strict_combo, True)
    box.opinions_check.setChecked(False)
    select_data(cstdcs.info.poll_combo, PollMethod.SHOW_OF_HANDS.value)
    assert box.rule_label.text() == ("Đạt khi số đồng ý > 2/3 số thành viên có mặt.\n"
                                     "Ví dụ với 15 thành viên: Cần ít nhất 11/15 phiếu đồng ý "
                                     "(> 2/3 số thành viên có mặt).")
    if Path("/tmp/h12").is_dir():
        cstdcs.tabs.setCurrentIndex(INFO_TAB)
        cstdcs.grab().save("/tmp/h12/vote_rule_tab.png")
    save(qtbot, cstdcs)
    qtbot.waitUntil(lambda: not cstdcs.isVisible())
    stored = get_award_form(commune_db, form_id(commune_db, "CSTDCS"))
    assert (stored.threshold_numerator, stored.threshold_denominator) == (2, 3)
    assert stored.threshold_percent == 67
    assert stored.threshold_base == ThresholdBase.PRESENT and stored.threshold_strict
    assert not stored.counts_written_opinions and stored.needs_council_vote
    assert stored.poll_method == PollMethod.SHOW_OF_HANDS


def test_a_bad_share_is_shown_beside_its_field_and_nothing_saved(qtbot, cstdcs, commune_db) -> None:
    before = get_award_form(commune_db, form_id(commune_db, "CSTDCS"))
    box = cstdcs.info.vote_rule
    replace_text(box.share.share_edit, "abc")
    box.council_check.setChecked(False)
    message = "Tỷ lệ đồng ý: “abc” không đọc được; hãy gõ phần trăm (80) hoặc phân số (2/3)."
    assert box.rule_label.text() == message  # said as it is typed
    if Path("/tmp/h12").is_dir():
        cstdcs.grab().save("/tmp/h12/vote_rule_typing_abc.png")
    save(qtbot, cstdcs)
    assert cstdcs.isVisible() and cstdcs.tabs.currentIndex() == INFO_TAB
    assert cstdcs.info.rows[FRACTION_FIELD].error.text() == message
    assert cstdcs.tabs.tabText(INFO_TAB) == "Thông tin (!)"
    if Path("/tmp/h12").is_dir():
        cstdcs.grab().save("/tmp/h12/vote_rule_bad_share.png")
    assert get_award_form(commune_db, before.id) == before


def test_a_form_without_council_says_so(cstdcs) -> None:
    box = cstdcs.info.vote_rule
    box.council_check.setChecked(False)
    assert box.rule_label.text().startswith("Không qua Hội đồng: kết quả bình xét được ghi trực tiếp.\n")
    assert not cstdcs.info.read().needs_council_vote
