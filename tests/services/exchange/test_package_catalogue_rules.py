"""A catalogue package carries each form's vote rule whole (exact fraction, strict, written opinions,
council vote), so a province's rules arrive as they were set; a package made before those keys still
imports, with the defaults; a rule that cannot be one is refused and nothing is imported."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.errors import ServiceError
from app.models import AwardForm
from app.models.enums import PollMethod, ThresholdBase
from app.resources import load_json
from app.services.catalogue import AwardFormInput, create_award_form, get_award_form, list_award_forms
from app.services.exchange import import_package, make_catalogue_package
from app.services.exchange.package.bag import bag_zip
from app.storage.database import Database, open_database

RULE = ("poll_method", "threshold_base", "threshold_percent", "threshold_numerator", "threshold_denominator",
        "threshold_strict", "counts_written_opinions", "needs_council_vote")


def rule_of(db: Database, code: str) -> tuple:
    form_id = next(row.id for row in list_award_forms(db) if row.code == code)
    detail = get_award_form(db, form_id)
    return tuple(getattr(detail, name) for name in RULE)


def own_form(db: Database) -> None:
    """A form of the province's own: 2/3 of the members present, strictly, written opinions counted."""
    base = load_json("awards.json")["forms"][1]
    data = AwardFormInput(code="GK_TINH", name="Giấy khen của tỉnh (thử)", reward_individual=30,
                          poll_method=PollMethod.SECRET_BALLOT, threshold_base=ThresholdBase.PRESENT,
                          threshold_numerator=2, threshold_denominator=3, threshold_strict=True,
                          counts_written_opinions=True, needs_council_vote=False,
                          legal_basis=base.get("legal_basis", ""))
    create_award_form(db, data)


def fresh(tmp_path: Path, migrated_data_dir) -> Database:
    return open_database(migrated_data_dir(tmp_path / "fresh", commune=True))


def package_of(tmp_path: Path, forms: list[dict]) -> Path:
    data = {"schema": "sovang-goi-ho-so", "schema_version": 1, "app_version": "0.1.0",
            "content": "catalogue", "forms": forms}
    root = "Tinh_2026_danh-muc-khen-thuong"
    path = tmp_path / "dm.zip"
    payload = {f"{root}_du-lieu.json": json.dumps(data, ensure_ascii=False).encode()}
    path.write_bytes(bag_zip(root, payload, [("Source-Organization", "Tỉnh Phú Thọ")], dt.date(2026, 11, 2)))
    return path


def test_an_exported_rule_arrives_the_same_on_a_fresh_database(commune_db, tmp_path,
                                                                migrated_data_dir) -> None:
    own_form(commune_db)
    sent = rule_of(commune_db, "GK_TINH")
    assert sent == (PollMethod.SECRET_BALLOT, ThresholdBase.PRESENT, 67, 2, 3, True, True, False)
    path = make_catalogue_package(commune_db, tmp_path / "dm.zip")
    other = fresh(tmp_path, migrated_data_dir)
    try:
        assert import_package(other, path).forms_added == ["GK_TINH"]
        assert rule_of(other, "GK_TINH") == sent
    finally:
        other.close()


def test_a_package_made_before_the_rule_keys_imports_with_the_defaults(commune_db, tmp_path) -> None:
    spec = {**load_json("awards.json")["forms"][1], "code": "GK_CU", "name": "Giấy khen (gói cũ)"}
    spec["poll"] = {"method": "show_of_hands", "base": "present", "percent": 60, "strict": True}
    import_package(commune_db, package_of(tmp_path, [spec]))
    defaults = (PollMethod.SHOW_OF_HANDS, ThresholdBase.PRESENT, 60, 60, 100, True, False, True)
    assert rule_of(commune_db, "GK_CU") == defaults


def test_a_rule_that_cannot_be_is_refused_and_nothing_imported(commune_db, tmp_path) -> None:
    good = {**load_json("awards.json")["forms"][1], "code": "GK_TOT", "name": "Giấy khen tốt"}
    bad_spec = {**good, "code": "GK_SAI", "name": "Giấy khen sai",
                "poll": {**good["poll"], "fraction": [4, 3]}}
    with commune_db.read() as session:
        before = session.scalar(select(func.count()).select_from(AwardForm))
    with pytest.raises(ServiceError, match="4/3 của hình thức GK_SAI"):
        import_package(commune_db, package_of(tmp_path, [good, bad_spec]))
    with commune_db.read() as session:
        assert session.scalar(select(func.count()).select_from(AwardForm)) == before
