"""What the award documents say, gathered by the services into plain data for the builders."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from app.rules.vntext import place_names, upper_first

KIND_ORDER = ("collective", "individual", "household")  # official lists: collectives first
KIND_WORDS = {"collective": "tập thể", "individual": "cá nhân", "household": "hộ gia đình"}
ROMAN = ("I", "II", "III", "IV")


@dataclass(frozen=True)
class ListedRecipient:
    """One line of the attached list."""

    kind: str  # one of KIND_ORDER
    name: str
    description: str  # chức vụ, đơn vị; or the address of a household
    amount: int = 0  # đồng


@dataclass(frozen=True)
class Reward:
    """The cash reward of one subject kind: '0,3' × the base salary = amount."""

    multiple: str
    amount: int


@dataclass(frozen=True)
class Signer:
    lines: tuple[str, ...]
    name: str


@dataclass(frozen=True)
class Places:
    """The placeholder values of the wording templates."""

    commune: str  # "Xã Hòa Bình"
    province: str  # "Tỉnh Phú Thọ"
    year: int

    def values(self) -> dict[str, str]:
        place, commune_lower = place_names(self.commune)  # "Hòa Bình" alone is read as "Xã Hòa Bình"
        commune = upper_first(commune_lower)
        return {
            "commune": commune, "COMMUNE": commune.upper(), "commune_lower": commune_lower,
            "place": place, "province": self.province, "PROVINCE": self.province.upper(),
            "year": str(self.year),
        }


@dataclass(frozen=True)
class AwardContent:
    """A decision (or the proposal for it): one award form given to the listed recipients."""

    wording: dict[str, Any]
    places: Places
    form_name: str  # "Giấy khen", "Lao động tiên tiến"
    is_title: bool  # danh hiệu thi đua: "tặng danh hiệu “…”"
    achievement: str  # "đã có thành tích xuất sắc trong …"
    recipients: tuple[ListedRecipient, ...]
    rewards: dict[str, Reward] = field(default_factory=dict)  # by kind
    number: str = ""  # "05/QĐ-UBND" once issued; empty in a draft
    issued_on: dt.date | None = None
    signer: Signer | None = None
    simplified: bool = False
    council_meeting_on: dt.date | None = None
    proposal_number: str = ""  # "03/TTr-VP"
    proposal_on: dt.date | None = None

    def kinds(self) -> list[str]:
        present = {r.kind for r in self.recipients}
        return [kind for kind in KIND_ORDER if kind in present]

    def count(self, kind: str) -> int:
        return sum(1 for r in self.recipients if r.kind == kind)

    @property
    def total(self) -> int:
        return sum(r.amount for r in self.recipients)


class _Blanks(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, **values: str) -> str:
    """Fill the placeholders a template knows; unknown ones stay as written, so a typo shows."""
    return template.format_map(_Blanks(values))
