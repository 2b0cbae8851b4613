"""A subject with everything the app can hold about a person, made through the real services: the
personal-data export and the erase-on-request tests start from it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from decision_helpers import form_ids, make_round, make_unit, passed_nomination
from sqlalchemy import select

from app.models import (
    CriterionOutcome,
    Gender,
    HoldKind,
    MovementKind,
    OccupationGroup,
    RoundKind,
    StoredFile,
    SubjectKind,
)
from app.services.decisions.data import DecisionInput, IssueInput
from app.services.decisions.drafts import create_decision
from app.services.decisions.issue import issue_decision
from app.services.exemplars.crud import create_exemplar
from app.services.exemplars.data import ExemplarInput, PublicityInput, ReplicationInput
from app.services.exemplars.files import add_exemplar_file
from app.services.movements.crud import create_movement
from app.services.movements.data import MovementInput
from app.services.nominations.crud import create_nomination, update_report
from app.services.nominations.data import JudgementInput, NominationInput, ReportInput
from app.services.nominations.flow import set_judgement
from app.services.nominations.queries import get_nomination
from app.services.subjects.crud import create_subject
from app.services.subjects.data import AwardInput, HoldInput, SubjectInput
from app.storage.database import Database
from app.storage.file_store import stored_path

TODAY = dt.date(2026, 11, 21)
CITIZEN_ID = "037186001234"
NAME = "Nguyễn Thị Hoa"
SECRET_REPORT = "Vận động 45 hộ hiến đất làm đường liên thôn"
HOLD_NOTE = "Đơn khiếu nại về việc chia đất, đã giải quyết xong"


@dataclass
class Person:
    subject_id: int
    decided_nomination: int | None  # in an issued decision (None: the person has no state record)
    open_nomination: int
    exemplar_id: int
    files: dict[str, Path]  # name -> path in the file store
    shared_file: Path  # also used by another subject's exemplar


def person_input(with_history: bool, unit_id: int | None) -> SubjectInput:
    return SubjectInput(
        kind=SubjectKind.INDIVIDUAL, name=NAME, gender=Gender.FEMALE, unit_id=unit_id,
        birth_date=dt.date(1986, 3, 15), ethnicity="Tày", citizen_id=CITIZEN_ID, position="Giáo viên",
        occupation_group=OccupationGroup.CIVIL_SERVANT, address="Số 12, thôn Đông", phone="0912345678",
        note="Hay giúp đỡ đồng nghiệp",
        awards=[AwardInput("Lao động tiên tiến", 2024, "12/QĐ-UBND", dt.date(2024, 12, 20),
                           "Chủ tịch UBND xã Hòa Bình")] if with_history else [],
        holds=[HoldInput(HoldKind.COMPLAINT, None, dt.date(2025, 3, 1), dt.date(2025, 5, 1), HOLD_NOTE)],
    )


def write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def make_person(db: Database, tmp: Path, with_history: bool = True) -> Person:
    """A teacher with a CCCD, history (when asked), a hold, two nominations (one decided when asked),
    an exemplar record with a photo, a document and a published article, and a checklist file."""
    forms = form_ids(db)
    unit = make_unit(db)
    subject_id = create_subject(db, person_input(with_history, unit), today=TODAY).id
    decided = _decided_nomination(db, subject_id, forms) if with_history else None
    open_id = _open_nomination(db, subject_id, forms, write(tmp, "bien-ban.pdf", b"%PDF-1.4 checklist"))
    exemplar_id, files = _exemplar(db, subject_id, tmp)
    files["bien-ban.pdf"] = _stored(db, "bien-ban.pdf")
    neighbour = SubjectInput(kind=SubjectKind.INDIVIDUAL, name="Lê Văn Tám", gender=Gender.MALE)
    other = create_subject(db, neighbour, today=TODAY).id
    other_exemplar = create_exemplar(db, ExemplarInput(subject_id=other, introduced_on=TODAY), today=TODAY)
    add_exemplar_file(db, other_exemplar.id, tmp / "chung.docx")
    return Person(subject_id, decided, open_id, exemplar_id, files, files["chung.docx"])


def _decided_nomination(db: Database, subject_id: int, forms: dict[str, int]) -> int:
    round_id = make_round(db)
    nomination_id = passed_nomination(db, round_id, subject_id, forms["LDTT"])
    data = DecisionInput(round_id=round_id, award_form_id=forms["LDTT"], council_meeting_on=TODAY)
    issue_decision(db, create_decision(db, data).row.id, IssueInput(day=TODAY))
    return nomination_id


def _open_nomination(db: Database, subject_id: int, forms: dict[str, int], evidence: Path) -> int:
    round_id = make_round(db, RoundKind.AD_HOC, "Khen thưởng đột xuất phòng, chống lũ")
    data = NominationInput(round_id, subject_id, forms["GIAY_KHEN"])
    nomination_id = create_nomination(db, data, today=TODAY)
    version = get_nomination(db, nomination_id, TODAY).version
    update_report(db, nomination_id, ReportInput(achievements=SECRET_REPORT), version)
    line = next(line for line in get_nomination(db, nomination_id, TODAY).checklist.lines
                if line.criterion_id is not None and not line.by_rule)
    judgement = JudgementInput(line.criterion_id, CriterionOutcome.MET, "Có biên bản", str(evidence))
    set_judgement(db, nomination_id, judgement, TODAY)
    return nomination_id


def _exemplar(db: Database, subject_id: int, tmp: Path) -> tuple[int, dict[str, Path]]:
    movement = create_movement(db, MovementInput(name="Chung tay xây dựng nông thôn mới",
                                                 kind=MovementKind.PERIODIC, start_date=dt.date(2026, 1, 1)))
    article = write(tmp, "bao-xa.pdf", b"%PDF-1.4 article")
    data = ExemplarInput(
        subject_id=subject_id, movement_id=movement.id, introduced_on=dt.date(2026, 2, 10),
        achievements="Hiến 300 m² đất làm đường", note="Gia đình khó khăn",
        publicity=[PublicityInput("Đài truyền thanh xã", "Cô giáo hiến đất", dt.date(2026, 3, 1),
                                  file_path=str(article))],
        replications=[ReplicationInput(held_on=dt.date(2026, 4, 2), place="Thôn Tây")],
    )
    exemplar_id = create_exemplar(db, data, today=TODAY).id
    add_exemplar_file(db, exemplar_id, write(tmp, "anh-hien-dat.jpg", b"\xff\xd8\xff photo bytes"))
    add_exemplar_file(db, exemplar_id, write(tmp, "chung.docx", b"PK shared document"))
    names = ("bao-xa.pdf", "anh-hien-dat.jpg", "chung.docx")
    return exemplar_id, {name: _stored(db, name) for name in names}


def _stored(db: Database, name: str) -> Path:
    with db.read() as session:
        stored = session.scalars(select(StoredFile).where(StoredFile.original_name == name)).one()
        return stored_path(db.data_dir, stored)
