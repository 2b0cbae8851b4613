"""A batch printed and recorded: the check before printing, the blanks it needs and has, the override
recorded, reprints linked, offsets stored per printer and refused beyond ±20 mm, nothing half-written."""

from __future__ import annotations

import datetime as dt

import pytest
from certificate_helpers import LONG_COLLECTIVE, issued_decision

from app.errors import ConflictError, ServiceError, ValidationError
from app.models import BlankEntryKind, DecisionEntry
from app.services.certificates import (
    BlankInput,
    CalibrationInput,
    CertificateOptions,
    blank_stock,
    calibration_from_marks,
    check_batch,
    get_calibration,
    list_certificates,
    list_prints,
    parse_positions,
    positions_text,
    print_certificates,
    record_blanks,
    save_calibration,
    spoil_certificate,
)

pytestmark = pytest.mark.both_backends
BLANK = CertificateOptions(blank_form=True)


def test_a_batch_is_checked_then_printed_and_recorded(commune_db, tmp_path) -> None:
    decision_id = issued_decision(commune_db, collective=LONG_COLLECTIVE)
    check = check_batch(commune_db, decision_id)
    assert check.ok and check.count == 6 and check.layouts == ("giay-khen-tap-the", "giay-khen-ca-nhan")
    assert [(n.position, n.field) for n in check.adjustments] == [(1, "recipient_name")]  # wrapped
    assert check.adjustments[0].message.startswith(f"Số 1 — {LONG_COLLECTIVE}, ô “Tên người, tập thể")
    target = tmp_path / "giay-khen.pdf"
    result = print_certificates(commune_db, decision_id, out=target)
    assert target.read_bytes() == result.pdf and result.pdf.startswith(b"%PDF")
    (row,) = list_prints(commune_db, decision_id)
    assert (row.count, row.recipients, row.blank_form, row.reprints) == (6, "tất cả", False, 0)
    assert row.printed_by and row.layout_name == "giay-khen-tap-the, giay-khen-ca-nhan"
    register = list_certificates(commune_db, decision_id)
    assert [(c.position, c.golden_book_no, c.reprint_of_id) for c in register] == [
        (i, i, None) for i in range(1, 7)]
    assert register[0].recipient == LONG_COLLECTIVE


def test_blanks_needed_and_left_the_override_recorded(commune_db, tmp_path) -> None:
    decision_id = issued_decision(commune_db)
    record_blanks(commune_db, BlankInput(day=dt.date(2026, 11, 1), count=3, serial_from="000101",
                                         serial_to="000103"))
    check = check_batch(commune_db, decision_id, BLANK)
    assert (check.blanks_needed, check.blanks_left, check.stock_warning) == (5, 3, "Cần 5 phôi, chỉ còn 3.")
    with pytest.raises(ConflictError, match="Cần 5 phôi, chỉ còn 3"):
        print_certificates(commune_db, decision_id, BLANK, out=tmp_path / "a.pdf")
    assert not (tmp_path / "a.pdf").exists() and list_prints(commune_db) == []
    three = CertificateOptions(blank_form=True, positions=parse_positions("1,3-4", 5))
    print_certificates(commune_db, decision_id, three)
    assert blank_stock(commune_db).left == 0
    over = CertificateOptions(blank_form=True, positions=(2,), override_stock=True,
                              note="Mượn phôi của xã bên")
    print_certificates(commune_db, decision_id, over)
    newest = list_prints(commune_db, decision_id)[0]
    assert newest.over_stock and newest.note.startswith("In vượt số phôi còn lại (Cần 1 phôi, chỉ còn 0.)")
    assert "Mượn phôi" in newest.note
    record_blanks(commune_db, BlankInput(kind=BlankEntryKind.SPOILED, count=1, note="Rách"))
    stock = blank_stock(commune_db)
    assert (stock.received, stock.used, stock.spoiled, stock.left) == (3, 4, 1, -2)


def test_a_reprint_is_linked_to_the_certificate_it_replaces(commune_db) -> None:
    decision_id = issued_decision(commune_db)
    print_certificates(commune_db, decision_id)
    first = {c.position: c for c in list_certificates(commune_db, decision_id)}
    spoiled = spoil_certificate(commune_db, first[2].id, "In lệch dòng")
    assert spoiled.spoiled and spoiled.spoil_reason == "In lệch dòng"
    assert check_batch(commune_db, decision_id, CertificateOptions(positions=(2,))).reprints == (2,)
    print_certificates(commune_db, decision_id, CertificateOptions(positions=(2,), note="In lại"))
    reprint = list_certificates(commune_db, decision_id)[-1]
    assert reprint.position == 2 and reprint.reprint_of_id == first[2].id
    assert list_prints(commune_db, decision_id)[0].reprints == 1


def test_offsets_are_stored_per_printer_and_recorded_with_the_print(commune_db) -> None:
    decision_id = issued_decision(commune_db, names=("Trần Văn Bình",))
    save_calibration(commune_db, CalibrationInput("Canon LBP2900", 1.5, -2.0))
    save_calibration(commune_db, CalibrationInput("Canon LBP2900", 2.5, -1.0, note="Đo lại"))  # replaces
    assert get_calibration(commune_db, "Canon LBP2900").offset_x_mm == 2.5
    print_certificates(commune_db, decision_id, CertificateOptions(printer_name="Canon LBP2900"))
    row = list_prints(commune_db)[0]
    recorded = (row.printer_name, row.offset_x_mm, row.offset_y_mm, row.scale)
    assert recorded == ("Canon LBP2900", 2.5, -1.0, 1.0)


def test_offsets_beyond_twenty_millimetres_are_refused(commune_db) -> None:
    with pytest.raises(ValidationError) as caught:
        save_calibration(commune_db, CalibrationInput("HP", 20.5, -25.0, scale=1.2))
    assert set(caught.value.errors) == {"offset_x_mm", "offset_y_mm", "scale"}
    assert "Lệch ngang 20,5 mm: vượt quá ±20 mm" in caught.value.errors["offset_x_mm"]
    assert get_calibration(commune_db, "HP") is None


def test_the_correction_comes_from_where_the_crosshairs_landed() -> None:
    shifted = calibration_from_marks("HP", (42.0, 38.5))
    assert (shifted.offset_x_mm, shifted.offset_y_mm, shifted.scale) == (-2.0, 1.5, 1.0)
    # a printer that shrank the page to 97 % about its top-left corner, then moved it 1 mm right
    shrunk = calibration_from_marks("HP", (40 * 0.97 + 1, 40 * 0.97), (257 * 0.97 + 1, 170 * 0.97))
    assert shrunk.scale == pytest.approx(1 / 0.97, abs=1e-4)
    assert shrunk.offset_x_mm == pytest.approx(-1 / 0.97, abs=0.01) and shrunk.offset_y_mm == pytest.approx(0)
    with pytest.raises(ValidationError, match="Lệch ngang"):
        calibration_from_marks("HP", (65.0, 40.0))


def test_a_subset_and_bad_recipient_lists(commune_db) -> None:
    decision_id = issued_decision(commune_db)
    assert parse_positions("1, 3-5", 5) == (1, 3, 4, 5) and positions_text((1, 3, 4, 5)) == "1,3-5"
    bad_lists = (("0", "nằm ngoài"), ("2-9", "nằm ngoài"), ("a", "không phải số"), ("3-1", "nằm ngoài"))
    for bad, words in bad_lists:
        with pytest.raises(ValidationError, match=words):
            parse_positions(bad, 5)
    with pytest.raises(ValidationError, match="Người nhận số 7"):
        check_batch(commune_db, decision_id, CertificateOptions(positions=(7,)))


def test_a_missing_letter_is_refused_naming_recipient_and_character(commune_db, tmp_path) -> None:
    decision_id = issued_decision(commune_db, names=("Trần Văn Bình", "Nguyễn Thị Hoa"))
    with commune_db.transaction() as session:  # the frozen list carries the name as issued
        entry = session.query(DecisionEntry).filter_by(decision_id=decision_id, position=2).one()
        entry.name = "Nguyễn Thị Hoa 𝔸"
    check = check_batch(commune_db, decision_id)
    (refusal,) = check.refusals
    assert refusal.position == 2 and "Nguyễn Thị Hoa 𝔸" in refusal.message and "U+1D538" in refusal.message
    with pytest.raises(ServiceError, match="Không in được: Số 2 — Nguyễn Thị Hoa 𝔸, ô “Tên người"):
        print_certificates(commune_db, decision_id, out=tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists() and list_prints(commune_db) == []


def test_an_unwritable_target_records_nothing(commune_db, tmp_path) -> None:
    decision_id = issued_decision(commune_db, names=("Trần Văn Bình",))
    (tmp_path / "folder.pdf").mkdir()
    with pytest.raises(ServiceError, match="Không ghi được tệp “folder.pdf”"):
        print_certificates(commune_db, decision_id, out=tmp_path / "folder.pdf")
    assert list_prints(commune_db) == [] and list_certificates(commune_db) == []
