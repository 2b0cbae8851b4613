"""`sovang import-package`: a package from the province or another laptop, verified, then merged.

What can be merged is the award catalogue (what the province distributes) and a colleague's subjects
with their award history; a decision's, a round's or a year's package is what this commune sends to the
province, and is refused here with that said.
"""

from __future__ import annotations

from pathlib import Path

from app.errors import ServiceError
from app.services.exchange.package.catalogue import CatalogueImport, import_catalogue
from app.services.exchange.package.schema import CATALOGUE, SUBJECTS
from app.services.exchange.package.subjects import SubjectsImport, import_subjects
from app.services.exchange.package.verify import read_verified
from app.storage.database import Database


def import_package(db: Database, path: Path) -> CatalogueImport | SubjectsImport:
    package = read_verified(path)
    content = package.check.data.get("content")
    if content == CATALOGUE:
        return import_catalogue(db, package)
    if content == SUBJECTS:
        return import_subjects(db, package)
    raise ServiceError(f"Gói “{path.name}” là hồ sơ gửi tỉnh ({content}), không có gì để nhập vào máy này; "
                       "chỉ nhập được gói danh mục khen thưởng hoặc gói đối tượng.")
