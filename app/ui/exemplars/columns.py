"""Columns of the exemplar tables: the exemplars list, a stage history, the evidence files."""

from __future__ import annotations

from app.rules.vntext import vn_number, vn_short_date
from app.ui.kit.row_table import CENTER, RIGHT, RowColumn, first_line


def file_size(size: int) -> str:
    """'850 KB', '2,4 MB': sizes as a Vietnamese reader writes them."""
    if size < 1024 * 1024:
        return f"{vn_number(max(1, round(size / 1024)))} KB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


EXEMPLAR_COLUMNS = [
    RowColumn("Đối tượng", lambda r: r.subject_name, 190, sort="subject_name"),
    RowColumn("Loại", lambda r: r.subject_kind.label, 85, sort="subject_kind"),
    RowColumn("Đơn vị", lambda r: r.unit_name, 140, sort="unit_name"),
    RowColumn("Phong trào", lambda r: r.movement_name, 200, sort="movement_name"),
    RowColumn("Lĩnh vực", lambda r: r.field_name, 120, sort="field_name"),
    RowColumn("Ngày giới thiệu", lambda r: vn_short_date(r.introduced_on), 110, CENTER, sort="introduced_on"),
    RowColumn("Giai đoạn", lambda r: r.stage.label, 95, sort="stage"),
    RowColumn("Tóm tắt thành tích", lambda r: first_line(r.achievements), 260, stretch=True,
              tooltip=lambda r: r.achievements, sort="achievements"),
]
INTRODUCED_ON = 5

STAGE_HISTORY_COLUMNS = [
    RowColumn("Ngày", lambda r: vn_short_date(r.changed_on), 100, CENTER),
    RowColumn("Giai đoạn", lambda r: r.stage.label, 120),
    RowColumn("Ghi chú", lambda r: first_line(r.note), 300, stretch=True, tooltip=lambda r: r.note),
]

FILE_COLUMNS = [
    RowColumn("Chú thích", lambda r: r.caption, 240, stretch=True),
    RowColumn("Loại", lambda r: "Hình ảnh" if r.is_photo else "Tài liệu", 80),
    RowColumn("Tên tệp", lambda r: r.original_name, 200),
    RowColumn("Dung lượng", lambda r: file_size(r.size), 90, RIGHT),
]
