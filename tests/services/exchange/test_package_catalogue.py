"""The award catalogue travels as a package: made on one laptop (or by the province), verified, merged
into another without duplicating; importing it twice changes nothing, not even the audit trail."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import bagit
import pytest
from package_helpers import extracted
from sqlalchemy import func, select

from app.errors import ServiceError
from app.models import AwardForm, Criterion
from app.resources import load_json
from app.services.catalogue import list_award_forms
from app.services.exchange import import_package, make_catalogue_package, verify_package
from app.services.exchange.package.bag import bag_zip
from app.storage.audit.chain import trail_head

pytestmark = pytest.mark.both_backends
ROOT = "Tinh_2026_danh-muc-khen-thuong"


def province_catalogue(tmp_path: Path) -> Path:
    """What a province sends: the shipped forms, one form of its own, one more criterion for LĐTT."""
    forms = load_json("awards.json")["forms"]
    first = dict(forms[0])
    first["criteria"] = [*first["criteria"], {"code": "tinh1", "text": "Tiêu chuẩn riêng của tỉnh."}]
    own = {**forms[1], "code": "GK-TINH", "name": "Giấy khen của tỉnh (thử)", "criteria": []}
    data = {"schema": "sovang-goi-ho-so", "schema_version": 1, "app_version": "0.1.0",
            "content": "catalogue", "forms": [first, *forms[1:], own]}
    payload = {f"{ROOT}_du-lieu.json": json.dumps(data, ensure_ascii=False).encode()}
    path = tmp_path / "danh-muc.zip"
    path.write_bytes(bag_zip(ROOT, payload, [("Source-Organization", "Tỉnh Phú Thọ")], dt.date(2026, 11, 2)))
    return path


def counts(db) -> tuple[int, int, int]:
    with db.read() as session:
        forms = session.scalar(select(func.count()).select_from(AwardForm))
        criteria = session.scalar(select(func.count()).select_from(Criterion))
        return forms, criteria, trail_head(session.connection()).events


def test_the_catalogue_package_is_a_valid_bag(commune_db, tmp_path) -> None:
    path = make_catalogue_package(commune_db, tmp_path / "dm.zip")
    assert verify_package(path).problems == []
    bagit.Bag(str(extracted(path, tmp_path / "x"))).validate()


def test_a_laptops_own_catalogue_merges_into_itself_as_nothing(commune_db, tmp_path) -> None:
    path = make_catalogue_package(commune_db, tmp_path / "dm.zip")
    before = counts(commune_db)
    result = import_package(commune_db, path)
    assert not result.changed and result.forms_kept == len(list_award_forms(commune_db))
    assert counts(commune_db) == before


def test_the_provinces_catalogue_adds_what_is_new_once(commune_db, tmp_path) -> None:
    path = province_catalogue(tmp_path)
    forms, criteria, events = counts(commune_db)
    first = import_package(commune_db, path)
    assert first.forms_added == ["GK-TINH"] and first.criteria_added == 1
    after = counts(commune_db)
    assert after[:2] == (forms + 1, criteria + 1) and after[2] > events  # audited
    second = import_package(commune_db, path)
    assert not second.changed
    assert counts(commune_db) == after  # nothing at all, not even an audit event
    names = {row.code: row.name for row in list_award_forms(commune_db)}
    assert names["GK-TINH"] == "Giấy khen của tỉnh (thử)"


def test_a_decision_package_is_not_imported(commune_db, tmp_path) -> None:
    path = tmp_path / "qd.zip"
    data = {"schema": "sovang-goi-ho-so", "schema_version": 1, "content": "decision", "decisions": []}
    path.write_bytes(bag_zip("X", {"X_du-lieu.json": json.dumps(data).encode()}, []))
    before = counts(commune_db)
    with pytest.raises(ServiceError, match="chỉ nhập được gói danh mục"):
        import_package(commune_db, path)
    assert counts(commune_db) == before


def test_a_malformed_catalogue_writes_nothing(commune_db, tmp_path) -> None:
    path = tmp_path / "bad.zip"
    data = {"schema": "sovang-goi-ho-so", "schema_version": 1, "content": "catalogue",
            "forms": [{"code": "NEW1", "name": "Mới"}]}  # no kind, no poll
    path.write_bytes(bag_zip("X", {"X_du-lieu.json": json.dumps(data).encode()}, []))
    before = counts(commune_db)
    with pytest.raises(ServiceError, match="sai cấu trúc"):
        import_package(commune_db, path)
    assert counts(commune_db) == before
