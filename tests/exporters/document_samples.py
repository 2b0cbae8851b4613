"""Sample administrative documents for the writer tests: a decision with its attached list, and a
two-signature report. Built from the document model only, so the writers are tested on their own."""

from __future__ import annotations

from app.exporters.document import (
    AdminDocument,
    Align,
    Closing,
    Column,
    HeaderBlock,
    PageBreak,
    Paragraph,
    Run,
    SignatureColumn,
    Table,
    para,
)

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng")
ACHIEVEMENT = "Đã có thành tích xuất sắc trong phong trào thi đua năm 2026"
GIVEN = ("Văn Đạt", "Thị Hương", "Minh Đức", "Thị Ánh", "Quốc Hưng", "Thị Lụa", "Xuân Trường", "Hữu Nghĩa")


def annex_rows(count: int) -> tuple[tuple[str, ...], ...]:
    rows = []
    for index in range(count):
        name = f"{FAMILY[index % len(FAMILY)]} {GIVEN[index % len(GIVEN)]}"
        where = f"Giáo viên, Trường Tiểu học Hòa Bình số {index % 7 + 1}"
        if index % 5 == 0:  # some rows run over several lines
            where += ", kiêm Tổng phụ trách Đội Thiếu niên Tiền phong Hồ Chí Minh của trường"
        rows.append((str(index + 1), name, where, ACHIEVEMENT))
    return tuple(rows)


def sample_decision(rows: int = 40) -> AdminDocument:
    header = HeaderBlock(
        issuer_lines=(("ỦY BAN NHÂN DÂN", True), ("XÃ HÒA BÌNH", True)),
        number="Số: 05/QĐ-UBND",
        place_date="Xã Hòa Bình, ngày 05 tháng 01 năm 2026",
    )
    center = {"align": Align.CENTER}
    blocks = [
        header,
        para("QUYẾT ĐỊNH", bold=True, space_before=12, space_after=0, keep_with_next=True, **center),
        para("Về việc tặng Giấy khen năm 2026", bold=True, rule_under=0.4, keep_with_next=True, **center),
        para("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HÒA BÌNH", bold=True, space_before=6, **center),
        para("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", italic=True,
             first_indent_mm=10),
        para("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", italic=True, first_indent_mm=10),
        para("Theo đề nghị của Chánh Văn phòng HĐND và UBND xã tại Tờ trình số 03/TTr-VP ngày 02 tháng 01 "
             "năm 2026,", italic=True, first_indent_mm=10),
        para("QUYẾT ĐỊNH:", bold=True, space_before=6, **center),
        Paragraph(runs=(Run("Điều 1. ", bold=True),
                        Run("Tặng Giấy khen cho 02 tập thể và 38 cá nhân (có danh sách kèm theo), đã có "
                            "thành tích xuất sắc trong phong trào thi đua năm 2026.")), first_indent_mm=10),
        Paragraph(runs=(Run("Điều 2. ", bold=True),
                        Run("Mỗi cá nhân được thưởng 702.000 đồng (Bảy trăm linh hai nghìn đồng).")),
                  first_indent_mm=10),
        Paragraph(runs=(Run("Điều 3. ", bold=True),
                        Run("Quyết định có hiệu lực kể từ ngày ký./.")), first_indent_mm=10),
        Closing(
            recipients=("- Như Điều 3;", "- Lưu: VT, VHXH."),
            signatures=(SignatureColumn(lines=("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), name="Trần Thị Lan"),),
        ),
        PageBreak(),
        para("DANH SÁCH", bold=True, space_after=0, **center),
        para("Cá nhân được tặng Giấy khen năm 2026", bold=True, space_after=0, **center),
        para("(Kèm theo Quyết định số 05/QĐ-UBND ngày 05 tháng 01 năm 2026 của Chủ tịch UBND xã Hòa Bình)",
             italic=True, rule_under=0.4, **center),
        Table(
            columns=(
                Column("STT", 12, Align.CENTER),
                Column("Họ và tên", 45),
                Column("Chức vụ, đơn vị", 55),
                Column("Thành tích", 53),
            ),
            rows=annex_rows(rows),
        ),
    ]
    return AdminDocument(title="Quyết định số 05/QĐ-UBND", blocks=tuple(blocks), author="UBND xã Hòa Bình")


def sample_report() -> AdminDocument:
    """An achievement report: no issuer, no number; two signatures side by side."""
    header = HeaderBlock(issuer_lines=(), place_date="Hòa Bình, ngày 20 tháng 11 năm 2026")
    blocks = (
        header,
        para("BÁO CÁO THÀNH TÍCH", bold=True, align=Align.CENTER, space_before=12, space_after=0),
        para("ĐỀ NGHỊ TẶNG DANH HIỆU “CHIẾN SĨ THI ĐUA CƠ SỞ”", bold=True, align=Align.CENTER),
        para("I. SƠ LƯỢC LÝ LỊCH", bold=True),
        para("- Họ và tên: Đặng Thị Ánh", first_indent_mm=10),
        para("II. THÀNH TÍCH ĐẠT ĐƯỢC", bold=True),
        para("Hoàn thành xuất sắc nhiệm vụ; sáng kiến “Sổ tay điện tử” được công nhận.", first_indent_mm=10),
        Closing(signatures=(
            SignatureColumn(lines=("XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ",), name="Phạm Quốc Hưng"),
            SignatureColumn(lines=("NGƯỜI BÁO CÁO THÀNH TÍCH",), name="Đặng Thị Ánh",
                            note="(Ký, ghi rõ họ và tên)"),
        )),
    )
    return AdminDocument(title="Báo cáo thành tích", blocks=blocks)
