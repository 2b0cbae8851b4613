"""A colleague's records of subjects as a package (another laptop of the commune), and their import:
verified first, then merged without duplicating.

A subject travels with its award history, its unit and field by name, and no citizen ID or phone
(legal notes §7). On import, a subject is the same as one here when the kind, the name (folded) and the
date of birth (or, without it, the year) agree: then only the awards it lacks are added (an award is
the same when form, year and decision number agree); otherwise it is added, validated like one typed
in. A unit or field this database does not know is left empty and counted. Importing the same package
twice adds nothing the second time. All in one transaction: any refusal leaves nothing written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.errors import ServiceError, ValidationError
from app.models import AwardRecord, Field, Gender, Movement, OccupationGroup, Subject, SubjectKind, Unit
from app.rules.vntext import fold, vn_number
from app.services.exchange.package.common import data_header, read_origin, write_data_package
from app.services.exchange.package.schema import SUBJECTS
from app.services.exchange.package.verify import VerifiedPackage
from app.services.subjects.crud import subject_columns
from app.services.subjects.data import AwardInput, SubjectInput
from app.services.subjects.validation import normalized, validate_subject
from app.services.subjects.words import index_subject_words
from app.storage.database import Database

_FIELDS = ("kind", "name", "gender", "birth_date", "birth_year", "position", "occupation_group", "address",
           "head_name", "parent_body", "member_count", "female_member_count")
_AWARD_FIELDS = ("form_name", "year", "decision_no", "decision_date", "issuer", "note", "counts_toward_merit")


@dataclass(frozen=True)
class SubjectsImport:
    subjects_added: int
    subjects_matched: int
    awards_added: int  # the new subjects' awards and those added to subjects already here
    unknown_places: int  # units, fields and movements named in the package that this database does not have

    @property
    def changed(self) -> bool:
        return bool(self.subjects_added or self.awards_added)

    def summary(self) -> str:
        unknown = (f"; {vn_number(self.unknown_places)} đơn vị, lĩnh vực, phong trào không có trên máy này "
                   "được để trống"
                   if self.unknown_places else "")
        return (f"Đã thêm {vn_number(self.subjects_added)} đối tượng mới và {vn_number(self.awards_added)} "
                f"lượt khen thưởng; {vn_number(self.subjects_matched)} đối tượng đã có được khớp{unknown}.")


def _plain(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    return value.value if hasattr(value, "value") else value


def _movement_name(movements: dict[int, str] | None, movement_id: int | None) -> str:
    return (movements or {}).get(movement_id, "") if movement_id is not None else ""


def subject_json(subject: Subject, movements: dict[int, str] | None = None) -> dict:
    """A subject as the package carries it; an award's movement by name ("" none), as units and fields."""
    item = {name: _plain(getattr(subject, name)) for name in _FIELDS}
    item["unit"] = subject.unit.name if subject.unit else ""
    item["field"] = subject.field.name if subject.field else ""
    item["awards"] = [{**{name: _plain(getattr(a, name)) for name in _AWARD_FIELDS},
                       "movement": _movement_name(movements, a.movement_id)} for a in subject.awards]
    return item


def make_subjects_package(db: Database, out: Path, today: dt.date | None = None) -> Path:
    """Every subject not erased, with its award history, as a package for another laptop."""
    day = today or dt.date.today()
    with db.read() as session:
        origin = read_origin(session)
        query = (select(Subject).where(Subject.erased_on.is_(None)).order_by(Subject.id)
                 .options(selectinload(Subject.awards), selectinload(Subject.unit),
                          selectinload(Subject.field)))
        movements = {row.id: row.name for row in session.execute(select(Movement.id, Movement.name))}
        subjects = [subject_json(s, movements) for s in session.scalars(query)]
    data = {**data_header(origin, SUBJECTS, "Đối tượng và lịch sử khen thưởng", day), "subjects": subjects}
    return write_data_package(out, f"{origin.code}_{day.year}_doi-tuong", origin, data,
                              f"Đối tượng và lịch sử khen thưởng: {len(subjects)} đối tượng", day)


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _input(item: dict, units: dict[str, int], fields: dict[str, int],
           movements: dict[str, int]) -> tuple[SubjectInput, set[str]]:
    """The subject's form from the package's item; the names of its unit, field or award movements that
    this commune does not have (their links are left empty)."""
    unknown = {name for name, known in ((item.get("unit"), units), (item.get("field"), fields))
               if name and fold(name) not in known}
    unknown |= {a["movement"] for a in item.get("awards", [])
                if a.get("movement") and fold(a["movement"]) not in movements}
    awards = [AwardInput(**{**{k: a.get(k) for k in _AWARD_FIELDS if k in a},
                            "decision_date": _date(a.get("decision_date")),
                            "decision_no": a.get("decision_no") or "", "issuer": a.get("issuer") or "",
                            "note": a.get("note") or "",
                            "movement_id": movements.get(fold(a.get("movement") or ""))})
              for a in item.get("awards", [])]
    data = SubjectInput(
        kind=SubjectKind(item["kind"]), name=item["name"],
        gender=Gender(item["gender"]) if item.get("gender") else None,
        birth_date=_date(item.get("birth_date")), birth_year=item.get("birth_year"),
        position=item.get("position") or "",
        occupation_group=OccupationGroup(item["occupation_group"]) if item.get("occupation_group") else None,
        address=item.get("address") or "", head_name=item.get("head_name") or "",
        parent_body=item.get("parent_body") or "", member_count=item.get("member_count"),
        female_member_count=item.get("female_member_count"),
        unit_id=units.get(fold(item.get("unit") or "")), field_id=fields.get(fold(item.get("field") or "")),
        awards=awards)
    return data, unknown


def _key(kind: SubjectKind, name: str, birth_date: dt.date | None, birth_year: int | None) -> tuple:
    return kind, fold(name), birth_date.year if birth_date else birth_year, birth_date


def _award_key(form_name: str, year: int | None, decision_no: str) -> tuple:
    return fold(form_name), year, fold(decision_no)


def import_subjects(db: Database, package: VerifiedPackage, today: dt.date | None = None) -> SubjectsImport:
    items = package.check.data.get("subjects")
    if not isinstance(items, list):
        raise ServiceError(f"Gói “{package.check.path.name}” không có danh sách đối tượng.")
    day = today or dt.date.today()
    added = matched = awards_added = 0
    unknown: set[str] = set()
    try:
        with db.transaction() as session:
            units = {fold(u.name): u.id for u in session.scalars(select(Unit))}
            fields = {fold(f.name): f.id for f in session.scalars(select(Field))}
            movements = {fold(m.name): m.id for m in session.scalars(select(Movement))}
            here = _subjects_here(session)
            for number, item in enumerate(items, start=1):
                data, missing = _input(item, units, fields, movements)
                clean = normalized(data)
                try:
                    validate_subject(clean, day)
                except ValidationError as exc:
                    raise ServiceError(f"Đối tượng thứ {number} trong gói ({clean.name}): {exc}") from exc
                key = _key(clean.kind, clean.name, clean.birth_date, clean.birth_year)
                subject = _closest(here.get(key, []), clean.awards)
                if subject is None:
                    subject = Subject(**subject_columns(clean), version=1)
                    subject.awards = [AwardRecord(**a.columns()) for a in clean.awards]
                    session.add(subject)
                    session.flush()
                    index_subject_words(session, subject)
                    here.setdefault(key, []).append(subject)
                    added += 1
                    awards_added += len(clean.awards)
                    unknown |= missing
                    continue
                matched += 1
                have = {_award_key(a.form_name, a.year, a.decision_no) for a in subject.awards}
                for award in clean.awards:
                    if _award_key(award.form_name, award.year, award.decision_no) not in have:
                        subject.awards.append(AwardRecord(**award.columns()))
                        have.add(_award_key(award.form_name, award.year, award.decision_no))
                        awards_added += 1
    except (KeyError, TypeError, ValueError) as exc:
        raise ServiceError(f"Danh sách đối tượng trong gói “{package.check.path.name}” sai cấu trúc "
                           f"({exc}): không nhập gì.") from exc
    return SubjectsImport(added, matched, awards_added, len(unknown))


def _subjects_here(session: Session) -> dict[tuple, list[Subject]]:
    query = select(Subject).where(Subject.erased_on.is_(None)).options(selectinload(Subject.awards))
    here: dict[tuple, list[Subject]] = {}
    for subject in session.scalars(query):
        key = _key(subject.kind, subject.name, subject.birth_date, subject.birth_year)
        here.setdefault(key, []).append(subject)
    return here


def _closest(candidates: list[Subject], awards: list[AwardInput]) -> Subject | None:
    """Of the subjects here with the same name and birth (namesakes may share both), the one whose award
    history has most of the incoming awards; None when there is none."""
    wanted = {_award_key(a.form_name, a.year, a.decision_no) for a in awards}

    def overlap(subject: Subject) -> int:
        return len(wanted & {_award_key(a.form_name, a.year, a.decision_no) for a in subject.awards})

    return max(candidates, key=overlap, default=None)
