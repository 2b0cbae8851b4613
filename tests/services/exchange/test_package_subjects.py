"""A colleague's subjects as a package: merged by kind, name and birth without duplicating, awards added
only when missing, importing twice (or a laptop's own package) changes nothing, bad records refused whole."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.errors import ServiceError
from app.models import AwardRecord, Gender, Subject, SubjectKind, UnitKind
from app.services.exchange import import_package, make_subjects_package
from app.services.exchange.package.bag import bag_zip
from app.services.subjects.crud import create_subject
from app.services.subjects.data import AwardInput, SubjectInput
from app.services.units import UnitInput, create_unit
from app.storage.audit.chain import trail_head

pytestmark = pytest.mark.both_backends
TODAY = dt.date(2026, 11, 21)
ROOT = "May2_2026_doi-tuong"


@pytest.fixture
def here(db):
    unit = create_unit(db, UnitInput(name="Thôn Đông", kind=UnitKind.VILLAGE))
    award = AwardInput(form_name="Lao động tiên tiến", year=2024, decision_no="12/QĐ-UBND")
    for name in ("Nguyễn Văn An", "Nguyễn Văn An"):  # namesakes born the same year
        create_subject(db, SubjectInput(kind=SubjectKind.INDIVIDUAL, name=name, gender=Gender.MALE,
                                        birth_year=1980, unit_id=unit, awards=[award]), today=TODAY)
    return db


def state(db) -> tuple[int, int, int]:
    with db.read() as session:
        subjects = session.scalar(select(func.count()).select_from(Subject))
        awards = session.scalar(select(func.count()).select_from(AwardRecord))
        return subjects, awards, trail_head(session.connection()).events


def colleague_package(tmp_path: Path, subjects: list[dict]) -> Path:
    data = {"schema": "sovang-goi-ho-so", "schema_version": 1, "content": "subjects", "subjects": subjects}
    path = tmp_path / "doi-tuong.zip"
    payload = {f"{ROOT}_du-lieu.json": json.dumps(data, ensure_ascii=False).encode()}
    path.write_bytes(bag_zip(ROOT, payload, []))
    return path


def person(name: str, year: int, awards: list[dict], unit: str = "Thôn Đông") -> dict:
    return {"kind": "individual", "name": name, "gender": "male", "birth_date": None, "birth_year": year,
            "unit": unit, "field": "", "awards": awards}


def test_the_package_carries_no_citizen_id(here, tmp_path) -> None:
    path = make_subjects_package(here, tmp_path / "dt.zip")
    with zipfile.ZipFile(path) as archive:
        text = "".join(archive.read(n).decode() for n in archive.namelist() if n.endswith(".json"))
    assert "Nguyễn Văn An" in text and "citizen_id" not in text and "phone" not in text


def test_a_laptops_own_package_changes_nothing_even_with_namesakes(here, tmp_path) -> None:
    path = make_subjects_package(here, tmp_path / "dt.zip")
    before = state(here)
    result = import_package(here, path)
    assert not result.changed and result.subjects_matched == 2
    assert state(here) == before


def test_a_colleagues_records_merge_once(here, tmp_path) -> None:
    new_award = {"form_name": "Giấy khen", "year": 2025, "decision_no": "30/QĐ-UBND",
                 "decision_date": "2025-12-20"}
    old_award = {"form_name": "Lao động tiên tiến", "year": 2024, "decision_no": "12/QĐ-UBND"}
    path = colleague_package(tmp_path, [
        person("nguyễn văn an", 1980, [old_award, new_award]),  # the same person, written otherwise
        person("Trần Thị Bình", 1975, [new_award], unit="Thôn Không Có"),
    ])
    subjects, awards, events = state(here)
    first = import_package(here, path)
    counts = (first.subjects_added, first.subjects_matched, first.awards_added, first.unknown_places)
    assert counts == (1, 1, 2, 1)
    after = state(here)
    assert after[:2] == (subjects + 1, awards + 2) and after[2] > events
    second = import_package(here, path)
    assert not second.changed and second.subjects_matched == 2
    assert state(here) == after


def test_a_bad_record_refuses_the_whole_package(here, tmp_path) -> None:
    path = colleague_package(tmp_path, [person("Lê Văn Cường", 1990, []), person("Phạm Thị Dung", 3000, [])])
    before = state(here)
    with pytest.raises(ServiceError, match="Đối tượng thứ 2 trong gói \\(Phạm Thị Dung\\)"):
        import_package(here, path)
    assert state(here) == before


def test_an_awards_movement_travels_by_name(here, tmp_path) -> None:
    from app.services.movements.crud import create_movement
    from app.services.movements.data import MovementInput

    movement = create_movement(here, MovementInput(name="Thi đua “Dân vận khéo”",
                                                   start_date=dt.date(2021, 1, 1)))
    award = AwardInput(form_name="Giấy khen", year=2025, decision_no="40/QĐ-UBND", movement_id=movement.id)
    create_subject(here, SubjectInput(kind=SubjectKind.INDIVIDUAL, name="Lò Thị Mai", gender=Gender.FEMALE,
                                      birth_year=1990, awards=[award]), today=TODAY)
    with zipfile.ZipFile(make_subjects_package(here, tmp_path / "dt.zip")) as archive:
        data = json.loads(next(archive.read(n) for n in archive.namelist() if n.endswith("du-lieu.json")))
    mai = next(s for s in data["subjects"] if s["name"] == "Lò Thị Mai")
    assert mai["awards"][0]["movement"] == "Thi đua “Dân vận khéo”"
    known = {"form_name": "Giấy khen", "year": 2024, "decision_no": "1/QĐ",
             "movement": "thi đua “dân vận khéo”"}
    strange = {"form_name": "Giấy khen", "year": 2023, "decision_no": "2/QĐ", "movement": "Phong trào lạ"}
    package = colleague_package(tmp_path, [person("Hà Văn Tùng", 1970, [known, strange])])
    result = import_package(here, package)
    assert result.unknown_places == 1, "a movement this commune does not have is left empty and counted"
    with here.read() as session:
        rows = session.execute(select(AwardRecord.year, AwardRecord.movement_id).join(Subject)
                               .where(Subject.name == "Hà Văn Tùng")).all()
    assert dict(rows) == {2024: movement.id, 2023: None}
