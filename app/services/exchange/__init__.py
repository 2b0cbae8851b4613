"""Exchange with villages and the province: Excel import and export, the upload package (BagIt),
statistics and the periodic reports.

The names below are what the UI and the CLI may call (app/services/exports.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.services.exports import lazy_exports

if TYPE_CHECKING:
    from app.services.exchange.columns import FIELDS, ImportField
    from app.services.exchange.error_workbook import save_error_workbook
    from app.services.exchange.export_columns import BUILT_IN, COLUMNS, ExportColumn, ExportPreset, ListKind
    from app.services.exchange.export_file import CITIZEN_ID_REFUSED, ExportRequest, ExportResult, export_list
    from app.services.exchange.import_rows import Outcome, Problem, RowResult
    from app.services.exchange.import_run import (
        BatchRow,
        ImportPreview,
        ImportResult,
        ImportSource,
        list_batches,
        preview_import,
        run_import,
        undo_import,
    )
    from app.services.exchange.package.build import PackageSummary, make_package
    from app.services.exchange.package.catalogue import CatalogueImport, make_catalogue_package
    from app.services.exchange.package.importing import import_package
    from app.services.exchange.package.subjects import SubjectsImport, make_subjects_package
    from app.services.exchange.package.verify import PackageCheck, verify_package
    from app.services.exchange.presets import (
        ImportPreset,
        delete_preset,
        export_preset,
        import_preset,
        list_export_presets,
        list_import_presets,
        save_export_preset,
        save_import_preset,
    )
    from app.services.exchange.reports import REPORTS, periodic_report, report_document, write_report
    from app.services.exchange.statistics import (
        Statistics,
        StatsFilter,
        available_years,
        commendation_statistics,
        percent_text,
    )
    from app.services.exchange.workbook import sheet_names

__all__: list[str] = [
    "BUILT_IN", "BatchRow", "CITIZEN_ID_REFUSED", "COLUMNS", "ExportColumn", "ExportPreset", "ExportRequest",
    "ExportResult", "FIELDS", "ImportField", "ImportPreset", "ImportPreview", "ImportResult", "ImportSource",
    "ListKind", "Outcome", "Problem", "RowResult", "delete_preset", "export_list", "export_preset",
    "import_preset", "list_batches", "list_export_presets", "list_import_presets",
    "preview_import", "run_import", "save_error_workbook", "save_export_preset", "save_import_preset",
    "sheet_names", "undo_import",
    "CatalogueImport", "PackageCheck", "PackageSummary", "import_package", "make_catalogue_package",
    "make_package", "verify_package", "SubjectsImport", "make_subjects_package",
    "Statistics", "StatsFilter", "available_years", "commendation_statistics", "percent_text",
    "REPORTS", "periodic_report", "report_document", "write_report",
]
__getattr__ = lazy_exports(__name__, {
    "columns": ["FIELDS", "ImportField"],
    "error_workbook": ["save_error_workbook"],
    "export_columns": ["BUILT_IN", "COLUMNS", "ExportColumn", "ExportPreset", "ListKind"],
    "export_file": ["CITIZEN_ID_REFUSED", "ExportRequest", "ExportResult", "export_list"],
    "import_rows": ["Outcome", "Problem", "RowResult"],
    "import_run": [
        "BatchRow", "ImportPreview", "ImportResult", "ImportSource", "list_batches", "preview_import",
        "run_import", "undo_import"
    ],
    "presets": [
        "ImportPreset", "delete_preset", "export_preset", "import_preset", "list_export_presets",
        "list_import_presets", "save_export_preset", "save_import_preset"
    ],
    "workbook": ["sheet_names"],
    "package.build": ["PackageSummary", "make_package"],
    "package.catalogue": ["CatalogueImport", "make_catalogue_package"],
    "package.importing": ["import_package"],
    "package.subjects": ["SubjectsImport", "make_subjects_package"],
    "package.verify": ["PackageCheck", "verify_package"],
    "statistics": ["Statistics", "StatsFilter", "available_years", "commendation_statistics", "percent_text"],
    "reports": ["REPORTS", "periodic_report", "report_document", "write_report"],
})
