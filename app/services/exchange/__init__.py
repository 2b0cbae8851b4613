"""Exchange with villages and the province: Excel import and export, the upload package (BagIt),
statistics and the periodic reports.

The names below are what the UI and the CLI may call (app/services/exports.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.services.exports import lazy_exports

if TYPE_CHECKING:
    from app.services.exchange.package_build import PackageSummary, make_package
    from app.services.exchange.package_catalogue import CatalogueImport, make_catalogue_package
    from app.services.exchange.package_import import import_package
    from app.services.exchange.package_verify import PackageCheck, verify_package

__all__: list[str] = [
    "CatalogueImport", "PackageCheck", "PackageSummary", "import_package", "make_catalogue_package",
    "make_package", "verify_package",
]
__getattr__ = lazy_exports(__name__, {
    "package_build": ["PackageSummary", "make_package"],
    "package_catalogue": ["CatalogueImport", "make_catalogue_package"],
    "package_import": ["import_package"],
    "package_verify": ["PackageCheck", "verify_package"],
})
