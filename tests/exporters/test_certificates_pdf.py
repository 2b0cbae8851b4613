"""Certificates as PDF pages, read back: every field inside its box in millimetres, fonts embedded, the
printer's offsets moving everything by exactly the calibrated amount, long names shrunk or wrapped and
still inside, a missing letter refused."""

from __future__ import annotations

import io
import unicodedata
from dataclasses import replace

import pytest
from certificate_pages import char_boxes, find_texts, page_count, page_size_mm, page_texts
from pypdf import PdfReader

from app.exporters.certificates.calibration import render_calibration_page
from app.exporters.certificates.check import plan_page, plan_pages
from app.exporters.certificates.content import CertificateText
from app.exporters.certificates.layout_file import read_layout
from app.exporters.certificates.render import Offsets, render_pages
from app.resources import resources_dir

TOLERANCE_MM = 0.05
NAME_60 = "Nguyễn Thị Phương Thảo Hoàng Lê Quỳnh Anh Trịnh Vũ Đức Huyền"
LONG_COLLECTIVE = ("Tổ Chuyên môn Toán - Tin học - Công nghệ và Hoạt động trải nghiệm, hướng nghiệp "
                   "Trường Trung học cơ sở Hòa Bình")


def layout(name: str):
    return read_layout(resources_dir() / "certificates" / f"{name}.json")


def text_for(name: str = "Nguyễn Thị Hoa", kind: str = "individual", position: int = 1,
             detail: str = "Giáo viên, Trường Tiểu học Hòa Bình") -> CertificateText:
    return CertificateText(position=position, recipient=name, kind=kind, golden_book_no=position, values={
        "national_name": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "motto": "Độc lập - Tự do - Hạnh phúc",
        "authority": "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HÒA BÌNH", "award_verb": "TẶNG", "award_name": "GIẤY KHEN",
        "recipient_name": name, "recipient_detail": detail,
        "achievement": "Đã có thành tích xuất sắc trong phong trào thi đua năm 2026",
        "decision_ref": "05/QĐ-UBND ngày 05/01/2026", "golden_book": str(position),
        "place_date": "Xã Hòa Bình, ngày 05 tháng 01 năm 2026", "signer_title": "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
        "signer_name": "Trần Thị Lan",
    })


def lines_inside_boxes(pdf: bytes, page, index: int = 0, offsets: Offsets | None = None) -> None:
    """Every printed line of every field lies inside its box (moved by the offsets)."""
    offsets = offsets or Offsets()
    wanted = [line for _box, fit in page.fits for line in fit.lines]
    found = find_texts(pdf, index, wanted)
    for box, fit in page.fits:
        for line in fit.lines:
            where = found.get(line)
            assert where is not None, f"{box.field}: “{line}” not found"
            left, top = box.x_mm * offsets.scale + offsets.x_mm, box.y_mm * offsets.scale + offsets.y_mm
            right, bottom = left + box.w_mm * offsets.scale, top + box.h_mm * offsets.scale
            inside_x = where.left >= left - TOLERANCE_MM and where.right <= right + TOLERANCE_MM
            inside_y = where.top >= top - TOLERANCE_MM and where.bottom <= bottom + TOLERANCE_MM
            assert inside_x and inside_y, (box.field, where)


@pytest.mark.parametrize("name", ["giay-khen-ca-nhan", "giay-khen-phoi-ca-nhan", "cstdcs-ca-nhan"])
def test_every_field_prints_inside_its_box(name) -> None:
    page = plan_page(layout(name), text_for())
    assert page.printable and not page.problems
    pdf = render_pages([page])
    assert page_count(pdf) == 1 and page_size_mm(pdf) == pytest.approx((297, 210), abs=0.01)
    lines_inside_boxes(pdf, page)


def test_one_page_per_recipient_with_every_diacritic() -> None:
    names = ["Nguyễn Thị Hoa", "Đặng Thị Ánh", "Phạm Quốc Hưng", "Lê Thị Ánh"]
    pages = [plan_page(layout("giay-khen-ca-nhan"), text_for(n, position=i)) for i, n in enumerate(names, 1)]
    texts = page_texts(render_pages(pages))
    assert len(texts) == 4
    for number, (name, text) in enumerate(zip(names, texts, strict=True), 1):
        assert name in text and "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HÒA BÌNH" in text and "GIẤY KHEN" in text
        assert "Độc lập - Tự do - Hạnh phúc" in text and "Xã Hòa Bình, ngày 05 tháng 01 năm 2026" in text
        assert f"Số sổ vàng: {number}" in text and "Quyết định số: 05/QĐ-UBND ngày 05/01/2026" in text


def test_a_sixty_character_name_shrinks_and_still_fits() -> None:
    assert len(NAME_60) == 60
    page = plan_page(layout("giay-khen-ca-nhan"), text_for(NAME_60))
    (problem,) = page.problems
    assert problem.field == "recipient_name" and not problem.refused and "cỡ chữ 22 → " in problem.message
    fit = dict((box.field, fit) for box, fit in page.fits)["recipient_name"]
    assert fit.shrunk and fit.lines == (NAME_60,) and fit.size >= 14
    lines_inside_boxes(render_pages([page]), page)


def test_a_long_collective_name_wraps_inside_its_box() -> None:
    page = plan_page(layout("giay-khen-tap-the"), text_for(LONG_COLLECTIVE, "collective",
                                                          detail="Phòng Giáo dục và Đào tạo"))
    fit = dict((box.field, fit) for box, fit in page.fits)["recipient_name"]
    assert fit.wrapped and len(fit.lines) == 2 and " ".join(fit.lines) == LONG_COLLECTIVE
    lines_inside_boxes(render_pages([page]), page)


def test_a_name_too_long_for_its_box_is_refused_naming_the_field() -> None:
    page = plan_page(layout("giay-khen-ca-nhan"), text_for(NAME_60 * 3))
    (problem,) = page.problems
    assert problem.refused and problem.field == "recipient_name" and "không vừa ô" in problem.message
    assert not page.printable


def test_a_missing_glyph_is_refused_with_the_character_named() -> None:
    page = plan_page(layout("giay-khen-ca-nhan"), text_for("Nguyễn Văn 漢"))
    (problem,) = page.problems
    assert problem.refused and problem.field == "recipient_name"
    assert "“漢” (U+6F22 CJK UNIFIED IDEOGRAPH-6F22)" in problem.message


def test_decomposed_text_is_checked_and_printed_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Hoa")  # as some keyboards type it
    page = plan_page(layout("giay-khen-ca-nhan"), text_for(decomposed))
    assert page.printable
    assert "Nguyễn Thị Hoa" in page_texts(render_pages([page]))[0]


def test_offsets_move_every_character_by_exactly_the_calibrated_amount() -> None:
    page = plan_page(layout("giay-khen-phoi-ca-nhan"), text_for())
    plain = char_boxes(render_pages([page]))
    moved = char_boxes(render_pages([page], Offsets(3.5, -2.25)))
    assert len(plain) == len(moved) > 200
    for (ch, x, y), (ch2, x2, y2) in zip(plain, moved, strict=True):
        assert ch == ch2
        assert x2 - x == pytest.approx(3.5, abs=0.001) and y2 - y == pytest.approx(-2.25, abs=0.001)
    scaled = Offsets(1.0, 2.0, 0.98)
    lines_inside_boxes(render_pages([page], scaled), page, offsets=scaled)


def test_fonts_are_embedded_and_no_standard_font_is_used() -> None:
    pages = [plan_page(layout("giay-khen-ca-nhan"), text_for())]
    reader = PdfReader(io.BytesIO(render_pages(pages)))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    names = []
    for ref in fonts.values():
        font = ref.get_object()
        if "/DescendantFonts" in font:
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        else:
            descriptor = font.get("/FontDescriptor")
        assert descriptor is not None and "/FontFile2" in descriptor.get_object(), font["/BaseFont"]
        names.append(str(font["/BaseFont"]))
    assert names and all("Liberation" in n for n in names)


def test_an_empty_field_prints_nothing_and_the_prefix_stays_out() -> None:
    text = text_for()
    page = plan_page(layout("giay-khen-ca-nhan"), replace(text, values={**text.values, "golden_book": ""}))
    assert "Số sổ vàng" not in page_texts(render_pages([page]))[0]


def test_the_calibration_page_says_actual_size_and_moves_with_the_correction() -> None:
    plain = render_calibration_page()
    (text,) = page_texts(plain)
    assert "“Kích thước thực” (Actual size, 100 %)" in text and "KHÔNG chọn “Vừa trang”" in text
    assert "A: x = 40 mm, y = 40 mm" in text and "B: x = 257 mm, y = 170 mm" in text and "100 mm" in text
    assert page_size_mm(plain) == pytest.approx((297, 210), abs=0.01)
    label = "A: x = 40 mm, y = 40 mm"
    before = find_texts(plain, 0, [label])[label]
    after = find_texts(render_calibration_page(Offsets(-4.0, 6.5)), 0, [label])[label]
    assert (after.left - before.left, after.top - before.top) == pytest.approx((-4.0, 6.5), abs=0.001)


def test_the_emblem_image_is_drawn_in_its_box(tmp_path) -> None:
    from PIL import Image

    Image.new("RGBA", (200, 200), (200, 30, 30, 255)).save(tmp_path / "quoc-huy.png")
    page = plan_page(layout("giay-khen-ca-nhan"), text_for())
    reader = PdfReader(io.BytesIO(render_pages([page], emblem=tmp_path / "quoc-huy.png")))
    forms = reader.pages[0]["/Resources"]["/XObject"]
    images = [name for form in forms.values() for name, item in
              form.get_object().get("/Resources", {}).get("/XObject", {}).items()
              if item.get_object()["/Subtype"] == "/Image"]
    assert images


def test_a_batch_with_offsets_keeps_every_page_s_fields_in_their_moved_boxes() -> None:
    """What pages share is drawn once and referred to; what differs is drawn on each page: both move."""
    names = ["Nguyễn Thị Hoa", NAME_60, "Phạm Quốc Hưng"]
    pages = plan_pages((layout("giay-khen-ca-nhan"), text_for(n, position=i)) for i, n in enumerate(names, 1))
    offsets = Offsets(-3.0, 4.5, 0.99)
    pdf = render_pages(pages, offsets)
    assert page_count(pdf) == 3
    for index, page in enumerate(pages):
        lines_inside_boxes(pdf, page, index, offsets)
