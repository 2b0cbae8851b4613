"""Certificates of merit (Giấy khen) of an issued decision: layouts as data, the fit and glyph checks,
the batch PDF, printer calibration, the register of blanks (phôi), prints and reprints, and the
golden-book numbers (số sổ vàng).

The names below are what the UI and the CLI may call (app/services/exports.py); the API is described in
/work/notes/certificates-api.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.services.exports import lazy_exports

if TYPE_CHECKING:
    from app.services.certificates.blanks import blank_stock, delete_blank_entry, record_blanks
    from app.services.certificates.calibration import (
        CALIBRATION_MARKS,
        calibration_from_marks,
        calibration_page,
        delete_calibration,
        get_calibration,
        list_calibrations,
        save_calibration,
        save_calibration_page,
    )
    from app.services.certificates.data import (
        MAX_OFFSET_MM,
        SCALE_RANGE,
        BatchCheck,
        BlankEntryRow,
        BlankInput,
        BlankStock,
        CalibrationInput,
        CalibrationRow,
        CertificateOptions,
        CertificateRow,
        FitNote,
        GoldenBookRow,
        LayoutInfo,
        PrintResult,
        PrintRow,
    )
    from app.services.certificates.emblem import emblem_image, set_emblem_image
    from app.services.certificates.golden_book import get_golden_book_scheme, set_golden_book_scheme
    from app.services.certificates.layouts import (
        FIELD_LABELS,
        EmblemBox,
        FieldBox,
        Layout,
        LayoutMode,
        delete_layout,
        layout_for,
        list_layouts,
        load_layout,
        save_layout,
        set_layout_background,
        validate_layout_file,
    )
    from app.services.certificates.preview import (
        CertificateText,
        FieldFit,
        certificate_texts,
        check_layout_text,
        field_fits,
        preview_pdf,
    )
    from app.services.certificates.printing import (
        check_batch,
        parse_positions,
        positions_text,
        print_certificates,
        render_certificates,
    )
    from app.services.certificates.register import (
        list_certificates,
        list_golden_book,
        list_prints,
        spoil_certificate,
    )

__all__ = [
    "CALIBRATION_MARKS", "FIELD_LABELS", "MAX_OFFSET_MM", "SCALE_RANGE",
    "BatchCheck", "BlankEntryRow", "BlankInput", "BlankStock", "CalibrationInput", "CalibrationRow",
    "CertificateOptions", "CertificateRow", "CertificateText", "EmblemBox", "FieldBox", "FieldFit", "FitNote",
    "GoldenBookRow", "Layout", "LayoutInfo", "LayoutMode", "PrintResult", "PrintRow",
    "blank_stock", "calibration_from_marks", "calibration_page", "certificate_texts", "check_batch",
    "check_layout_text", "delete_blank_entry", "delete_calibration", "delete_layout", "emblem_image",
    "field_fits", "get_calibration", "get_golden_book_scheme", "layout_for", "list_calibrations",
    "list_certificates", "list_golden_book", "list_layouts", "list_prints", "load_layout", "parse_positions",
    "positions_text", "preview_pdf", "print_certificates", "record_blanks", "render_certificates",
    "save_calibration", "save_calibration_page", "save_layout", "set_emblem_image", "set_golden_book_scheme",
    "set_layout_background", "spoil_certificate", "validate_layout_file",
]
__getattr__ = lazy_exports(__name__, {
    "blanks": ["blank_stock", "delete_blank_entry", "record_blanks"],
    "calibration": [
        "CALIBRATION_MARKS", "calibration_from_marks", "calibration_page", "delete_calibration",
        "get_calibration", "list_calibrations", "save_calibration", "save_calibration_page",
    ],
    "data": [
        "MAX_OFFSET_MM", "SCALE_RANGE", "BatchCheck", "BlankEntryRow", "BlankInput", "BlankStock",
        "CalibrationInput", "CalibrationRow", "CertificateOptions", "CertificateRow", "FitNote",
        "GoldenBookRow", "LayoutInfo", "PrintResult", "PrintRow",
    ],
    "emblem": ["emblem_image", "set_emblem_image"],
    "golden_book": ["get_golden_book_scheme", "set_golden_book_scheme"],
    "layouts": [
        "FIELD_LABELS", "EmblemBox", "FieldBox", "Layout", "LayoutMode", "delete_layout", "layout_for",
        "list_layouts", "load_layout", "save_layout", "set_layout_background", "validate_layout_file",
    ],
    "preview": [
        "CertificateText", "FieldFit", "certificate_texts", "check_layout_text", "field_fits", "preview_pdf",
    ],
    "printing": [
        "check_batch", "parse_positions", "positions_text", "print_certificates", "render_certificates",
    ],
    "register": ["list_certificates", "list_golden_book", "list_prints", "spoil_certificate"],
})
