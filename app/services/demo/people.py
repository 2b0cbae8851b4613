"""Demo data helpers: weighted choices and realistic Vietnamese people (names, birth, phone, CCCD)."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from app.models import Gender
from app.resources import load_json

T = TypeVar("T")


def nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value)


class Weighted(Generic[T]):
    """A fixed population with weights; pick() is one random.random() and a bisect."""

    def __init__(self, items: Sequence[T], weights: Sequence[float]) -> None:
        if not items or len(items) != len(weights):
            raise ValueError("Weighted needs as many weights as items, and at least one item.")
        self.items = list(items)
        self._cumulative = list(itertools.accumulate(float(w) for w in weights))
        self._total = self._cumulative[-1]

    @classmethod
    def of_pairs(cls, pairs: Sequence[Sequence]) -> Weighted:
        return cls([nfc(p[0]) if isinstance(p[0], str) else p[0] for p in pairs], [p[1] for p in pairs])

    def pick(self, rng: random.Random) -> T:
        index = bisect.bisect_right(self._cumulative, rng.random() * self._total)
        return self.items[min(index, len(self.items) - 1)]


@dataclass(frozen=True)
class Person:
    name: str
    gender: Gender
    ethnicity: str  # always drawn; stored only for some subjects


def gender_from_name(name: str) -> Gender:
    """A guess good enough for demo data: a "Thị" middle name is a woman's."""
    return Gender.FEMALE if " Thị " in f" {name} " else Gender.MALE


class PeopleMaker:
    """Vietnamese names with real family-name frequencies, gendered middle and given names."""

    def __init__(self, data: dict | None = None) -> None:
        data = data if data is not None else load_json("demo/names.json")
        self._family = Weighted.of_pairs(data["family_names"])
        self._family_by_ethnicity = {
            nfc(k): Weighted.of_pairs(v) for k, v in data["family_names_by_ethnicity"].items()
        }
        self._ethnicity = Weighted.of_pairs(data["ethnicities"])
        self._middle = {g: Weighted.of_pairs(data["middle_names"][g.value]) for g in Gender}
        self._second_middle = {g: [nfc(n) for n in data["second_middle_names"][g.value]] for g in Gender}
        self._given = {g: [nfc(n) for n in data["given_names"][g.value]] for g in Gender}
        self._mobile = [nfc(p) for p in data["mobile_prefixes"]]

    def person(self, rng: random.Random, gender: Gender) -> Person:
        ethnicity = self._ethnicity.pick(rng)
        family = self._family_by_ethnicity.get(ethnicity, self._family).pick(rng)
        middle = self._middle[gender].pick(rng)
        given = rng.choice(self._given[gender])
        while given == middle:
            given = rng.choice(self._given[gender])
        words = [family, middle]
        if rng.random() < (0.18 if middle == "Thị" else 0.04):
            second = rng.choice(self._second_middle[gender])
            if second not in (middle, given):
                words.append(second)
        words.append(given)
        return Person(" ".join(words), gender, ethnicity)

    def mobile(self, rng: random.Random) -> str:
        return rng.choice(self._mobile) + f"{rng.randrange(10_000_000):07d}"


def birth(rng: random.Random, first_year: int, last_year: int, full_date_share: float = 0.75
          ) -> tuple[dt.date | None, int]:
    """A birth date (or only a year, for some), uniformly within the years."""
    year = rng.randint(first_year, last_year)
    if rng.random() >= full_date_share:
        return None, year
    start = dt.date(year, 1, 1).toordinal()
    return dt.date.fromordinal(start + rng.randrange(365)), year


class CitizenIds:
    """Fake but well-formed 12-digit CCCD: province code, century-and-gender digit, birth year, serial."""

    def __init__(self, province_code: str) -> None:
        self._province = province_code
        self._used: set[str] = set()

    def next(self, rng: random.Random, gender: Gender, birth_year: int) -> str:
        century = 0 if birth_year < 2000 else 2
        digit = century + (1 if gender is Gender.FEMALE else 0)
        prefix = f"{self._province}{digit}{birth_year % 100:02d}"
        while True:
            value = f"{prefix}{rng.randrange(1_000_000):06d}"
            if value not in self._used:
                self._used.add(value)
                return value
