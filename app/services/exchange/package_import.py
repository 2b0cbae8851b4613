"""`sovang import-package`: a package from the province or another laptop, verified, then merged.

What can be merged today is the award catalogue; a decision's or a round's package is what this commune
sends to the province, and is refused here with that said.
"""

from __future__ import annotations

from pathlib import Path

from app.errors import ServiceError
from app.services.exchange.package_catalogue import CatalogueImport, import_catalogue
from app.services.exchange.package_schema import CATALOGUE
from app.services.exchange.package_verify import read_verified
from app.storage.database import Database


def import_package(db: Database, path: Path) -> CatalogueImport:
    content = read_verified(path).check.data.get("content")
    if content == CATALOGUE:
        return import_catalogue(db, path)
    raise ServiceError(f"Gói “{path.name}” là hồ sơ gửi tỉnh ({content}), không có gì để nhập vào máy này; "
                       "chỉ nhập được gói danh mục khen thưởng.")
