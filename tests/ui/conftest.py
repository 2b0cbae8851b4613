"""GUI test fixtures: the shipped fonts, message boxes answered by the test, data made by services."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from app.models.enums import Gender, SubjectKind, UnitKind
from app.services.subjects.crud import create_subject
from app.services.subjects.data import AwardInput, SubjectInput
from app.services.units import UnitInput, create_unit
from app.storage.database import Database
from app.ui.app import make_application
from app.ui.kit import messages


@pytest.fixture(autouse=True, scope="session")
def ui_application(qapp):
    """The application as run_gui makes it (name, Liberation Sans font)."""
    return make_application()


@dataclass
class FakeMessages:
    """Stands in for the message boxes: records what was shown, answers what the test says."""

    yes: bool = True
    text_answer: str | None = None
    choice: int | None = None  # ask_choice's answer; None: the first choice when `yes`, else the cancel
    errors: list[str] = field(default_factory=list)
    infos: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)

    def ask_yes_no(self, parent, text, title=""):
        self.questions.append(text)
        return self.yes

    def ask_choice(self, parent, text, title, choices, cancel):
        self.questions.append(text)
        if self.choice is not None:
            return self.choice
        return 0 if self.yes else cancel

    def show_error(self, parent, text, title="", details=""):
        self.errors.append(text)

    def show_info(self, parent, text, title=""):
        self.infos.append(text)

    def ask_text(self, parent, label, title=""):
        self.questions.append(label)
        return self.text_answer


@pytest.fixture
def fake_messages(monkeypatch: pytest.MonkeyPatch) -> FakeMessages:
    fake = FakeMessages()
    for name in ("ask_yes_no", "ask_choice", "show_error", "show_info", "ask_text"):
        monkeypatch.setattr(messages, name, getattr(fake, name))
    return fake


@pytest.fixture
def village(commune_db: Database) -> int:
    data = UnitInput(name="Thôn Đông", kind=UnitKind.VILLAGE, head_name="Phạm Văn Nam")
    return create_unit(commune_db, data)


def add_person(db: Database, name: str, unit_id: int | None = None, awards: int = 0, **extra) -> int:
    data = SubjectInput(
        kind=SubjectKind.INDIVIDUAL, name=name, gender=Gender.MALE, unit_id=unit_id,
        awards=[AwardInput("Lao động tiên tiến", 2020 + n, f"{n + 1}/QĐ-UBND") for n in range(awards)],
        **extra,
    )
    return create_subject(db, data).id


@pytest.fixture
def make_person(commune_db: Database):
    """add_person bound to the test's database: make_person(name, unit_id=None, awards=0, **fields)."""

    def make(name: str, unit_id: int | None = None, awards: int = 0, **extra) -> int:
        return add_person(commune_db, name, unit_id, awards, **extra)

    return make


@pytest.fixture
def people(commune_db: Database, village: int) -> dict[str, int]:
    """A few subjects of every kind, one with award history."""
    ids = {
        "Nguyễn Văn Đạt": add_person(commune_db, "Nguyễn Văn Đạt", village, awards=1),
        "Trần Thị Lan": add_person(commune_db, "Trần Thị Lan", village),
        "Lê Minh Đức": add_person(commune_db, "Lê Minh Đức"),
    }
    collective = SubjectInput(kind=SubjectKind.COLLECTIVE, name="Chi hội Phụ nữ thôn Đông", unit_id=village)
    household = SubjectInput(kind=SubjectKind.HOUSEHOLD, name="Hộ ông Phạm Văn Sáu", head_name="Phạm Văn Sáu")
    ids["Chi hội Phụ nữ thôn Đông"] = create_subject(commune_db, collective).id
    ids["Hộ ông Phạm Văn Sáu"] = create_subject(commune_db, household).id
    return ids
