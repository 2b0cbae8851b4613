"""Demo section "history": hold flags (discipline, investigation, complaint) and award history.

Awards follow the rules the app checks later: "Chiến sĩ thi đua cơ sở" only with "Lao động tiên tiến"
the same year, nothing in a year the subject was on hold, one commendation decision per purpose with a
number that rises with its date. Before 1 July 2025 the district chairman awarded CSTĐCS and TTLĐTT;
since then the commune chairman does (Decree 129/2025, Art. 59).

Each award names the movement it came from when the commune's officer would know it (`movement_key`):
the year-end titles and commendations the patriotic emulation movement, the cultural-family titles the
"Toàn dân đoàn kết xây dựng đời sống văn hóa" movement, some ad-hoc commendations their own; the others
(the education department's, most ad-hoc ones) name none. The movements are made here, before the rows.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from sqlalchemy import insert

from app.models import AwardRecord, DisciplineLevel, HoldFlag, HoldKind, OccupationGroup, SubjectKind
from app.services.demo.context import DemoContext, SubjectFact
from app.services.demo.exemplars import DemoMovement, add_movements

LDTT = "Lao động tiên tiến"
CSTDCS = "Chiến sĩ thi đua cơ sở"
TTLDTT = "Tập thể lao động tiên tiến"
GDVH = "Gia đình văn hóa"
GIAY_KHEN = "Giấy khen"
BANG_KHEN = "Bằng khen"
DISTRICTS_ABOLISHED = dt.date(2025, 7, 1)
SCHOOL_PROFILES = frozenset({"kindergarten", "primary", "secondary"})
CHUNK_ROWS = 10_000

# Per-year probabilities by merit tier (0: most people, 1: good, 2: outstanding).
TIERS = (0.55, 0.30, 0.15)
P_LDTT = {True: (0.50, 0.85, 0.95), False: (0.06, 0.30, 0.65)}  # by "is a civil servant"
P_CSTDCS = {True: (0.0, 0.05, 0.30), False: (0.0, 0.02, 0.15)}  # among that year's LĐTT
P_GK_INDIVIDUAL = (0.02, 0.05, 0.12)
P_GK_COLLECTIVE = (0.03, 0.08, 0.20)
P_GK_HOUSEHOLD = (0.005, 0.02, 0.06)
P_TTLDTT = (0.30, 0.65, 0.90)
P_GDVH = (0.55, 0.85, 0.97)
P_EDUCATION_GK = (0.0, 0.02, 0.10)
P_DISTRICT_GK = (0.0, 0.0, 0.05)
P_PROVINCE_BK = 0.30  # after two CSTĐCS years in a row
HOLD_RATES = {HoldKind.DISCIPLINE: 0.006, HoldKind.INVESTIGATION: 0.002, HoldKind.COMPLAINT: 0.003}


@dataclass(frozen=True)
class Decision:
    number: str
    date: dt.date
    issuer: str
    note: str = ""


@dataclass(frozen=True)
class _AdHoc:
    decision: Decision
    kinds: frozenset[str] | None
    profiles: frozenset[str] | None


@dataclass
class _Year:
    """The decisions of one year, each shared by all the subjects it commends."""

    year: int
    ldtt: Decision
    cstdcs: Decision
    ttldtt: Decision
    gdvh: Decision
    gk_people: Decision  # the commune's year-end Giấy khen, individuals and collectives
    gk_households: Decision
    province_bk: Decision
    education_gk: Decision
    district_gk: Decision | None
    ad_hoc: list[_AdHoc] = field(default_factory=list)


class _Issuer:
    """One signing authority: its decision numbers rise through the year and are never reused."""

    def __init__(self, title: str, symbol: str, per_year: int) -> None:
        self.title, self.symbol, self.per_year = title, symbol, per_year

    def decisions(self, rng: random.Random, dated: list[tuple[dt.date, str]]) -> list[Decision]:
        """Decisions for the given (date, note) pairs, in the order given."""
        order = sorted(range(len(dated)), key=lambda i: dated[i][0])
        result: list[Decision | None] = [None] * len(dated)
        previous = 0
        for i in order:
            day, note = dated[i]
            number = max(previous + 1, day.timetuple().tm_yday * self.per_year // 366 + rng.randint(1, 4))
            previous = number
            result[i] = Decision(f"{number:02d}/{self.symbol}", day, self.title, note)
        return result  # type: ignore[return-value]


def _day(rng: random.Random, year: int, first: tuple[int, int], last: tuple[int, int]) -> dt.date:
    start = dt.date(year, *first).toordinal()
    return dt.date.fromordinal(rng.randint(start, dt.date(year, *last).toordinal()))


class _Planner:
    def __init__(self, ctx: DemoContext, rng: random.Random) -> None:
        self.rng = rng
        self.data = ctx.load("awards")
        district = ctx.load("units")["district"]
        self.commune = _Issuer(f"Chủ tịch UBND {ctx.commune_lc}", "QĐ-UBND", 350)
        self.district = _Issuer(f"Chủ tịch UBND {district}", "QĐ-UBND", 4200)
        self.province = _Issuer(f"Chủ tịch UBND {ctx.province_lc}", "QĐ-UBND", 3300)
        self.education = _Issuer(f"Giám đốc Sở Giáo dục và Đào tạo {ctx.province_lc}", "QĐ-SGDĐT", 1100)
        self.format = ctx.format

    def year(self, year: int) -> _Year:
        rng, texts = self.rng, self.data["year_end_achievement"]
        fmt = {"year": str(year), "prev_year": str(year - 1)}
        ad_hoc_specs = [a for a in self.data["ad_hoc_achievements"] if a.get("years", [year, year])[0] <= year
                        <= a.get("years", [year, year])[1]]
        ad_hoc_specs = rng.sample(ad_hoc_specs, min(len(ad_hoc_specs), rng.randint(3, 5)))
        december = dt.date(year, 12, 1)
        # The district's year-end decisions came in December, when districts still existed.
        district_era = december < DISTRICTS_ABOLISHED
        commune_dated = [
            (_day(rng, year, (12, 15), (12, 24)), ""),  # LĐTT
            (_day(rng, year, (12, 5), (12, 15)), ""),  # GĐVH
            (_day(rng, year, (12, 20), (12, 29)), self.format(texts["individual"], **fmt)),
            (_day(rng, year, (12, 20), (12, 29)), self.format(texts["household"], **fmt)),
            *[(_day(rng, year, (2, 1), (11, 30)), self.format(a["text"], **fmt)) for a in ad_hoc_specs],
        ]
        if not district_era:
            # CSTĐCS and TTLĐTT: the commune's own decisions since 1 July 2025.
            commune_dated += [(_day(rng, year, (12, 15), (12, 24)), "") for _ in range(2)]
        commune = self.commune.decisions(rng, commune_dated)
        ldtt, gdvh, gk_people, gk_households = commune[:4]
        ad_hoc = [
            _AdHoc(decision, frozenset(spec["kinds"]) if "kinds" in spec else None,
                   frozenset(spec["profiles"]) if "profiles" in spec else None)
            for decision, spec in zip(commune[4:4 + len(ad_hoc_specs)], ad_hoc_specs, strict=True)
        ]
        district_gk = None
        if district_era:
            cstdcs, ttldtt, district_gk = self.district.decisions(rng, [
                (_day(rng, year, (12, 18), (12, 30)), ""),
                (_day(rng, year, (12, 18), (12, 30)), ""),
                (_day(rng, year, (12, 10), (12, 30)), self.format(texts["individual"], **fmt)),
            ])
        else:
            cstdcs, ttldtt = commune[-2:]
        (province_bk,) = self.province.decisions(rng, [(
            _day(rng, year, (12, 1), (12, 28)),
            "Đã có thành tích xuất sắc trong công tác, góp phần vào sự nghiệp xây dựng và bảo vệ Tổ quốc",
        )])
        (education_gk,) = self.education.decisions(rng, [(
            _day(rng, year, (7, 10), (8, 20)), f"Đã có thành tích xuất sắc trong năm học {year - 1}–{year}",
        )])
        return _Year(year, ldtt, cstdcs, ttldtt, gdvh, gk_people, gk_households, province_bk, education_gk,
                     district_gk, ad_hoc)


# Ad-hoc commendations whose text names a movement of the demo (the rest name none).
AD_HOC_MOVEMENTS = (("Đại đoàn kết", "van_hoa"), ("hiến đất", "dan_van"), ("nhà tạm", "nha_tam"))
PATRIOTIC = frozenset({LDTT, CSTDCS, TTLDTT, BANG_KHEN})


def movement_key(form: str, decision: Decision) -> str | None:
    """The movement an award came from, as the officer records it; None when not known."""
    if form == GDVH or "đời sống văn hóa" in decision.note:
        return "van_hoa"
    for words, key in AD_HOC_MOVEMENTS:
        if words in decision.note:
            return key
    if form in PATRIOTIC or "phong trào thi đua năm" in decision.note:
        return "yeu_nuoc"
    return None


def _ran_in(movement: DemoMovement, year: int) -> bool:
    """A movement with an end ran in the years of its period; an ongoing one in every year (the commune
    relaunched it after the merger, but it was the same movement before)."""
    return movement.end is None or movement.start.year <= year <= movement.end.year


class _AwardWriter:
    def __init__(self, ctx: DemoContext) -> None:
        self._ctx = ctx
        self._rows: list[dict] = []
        self._movements = ctx.movements or add_movements(ctx)

    def add(self, subject_id: int, form: str, year: int, decision: Decision) -> None:
        movement = self._movements.get(movement_key(form, decision) or "")
        self._rows.append({
            "subject_id": subject_id, "form_name": form, "year": year, "decision_no": decision.number,
            "decision_date": decision.date, "issuer": decision.issuer, "note": decision.note,
            "movement_id": movement.id if movement and _ran_in(movement, year) else None,
        })
        self._ctx.summary.awards += 1
        if len(self._rows) >= CHUNK_ROWS:
            self.flush()

    def flush(self) -> None:
        if self._rows:
            self._ctx.session.execute(insert(AwardRecord.__table__), self._rows)
            self._rows = []


def add_history(ctx: DemoContext) -> None:
    rng = ctx.rng("history")
    first, last = ctx.load("awards")["years"]
    years = list(range(first, last + 1))
    blocked = _add_holds(ctx, rng, first, last)
    planner = _Planner(ctx, rng)
    plans = [planner.year(y) for y in years]
    writer = _AwardWriter(ctx)
    ad_hoc_cache: dict[tuple[int, str, str], list[Decision]] = {}
    for fact in ctx.facts:
        tier = _tier(rng)
        profile_key = ctx.units[fact.unit].profile_key
        cstdcs_years: list[int] = []
        has_bk = False
        for plan in plans:
            if plan.year in blocked.get(fact.id, ()):
                continue
            key = (plan.year, fact.kind.value, profile_key)
            ad_hoc = ad_hoc_cache.get(key)
            if ad_hoc is None:
                ad_hoc = ad_hoc_cache[key] = [
                    a.decision for a in plan.ad_hoc
                    if (a.kinds is None or fact.kind.value in a.kinds)
                    and (a.profiles is None or profile_key in a.profiles)
                ]
            if fact.kind is SubjectKind.INDIVIDUAL:
                if _individual_year(rng, writer, fact, plan, tier, profile_key, ad_hoc):
                    cstdcs_years.append(plan.year)
                    if not has_bk and plan.year - 1 in cstdcs_years and rng.random() < P_PROVINCE_BK:
                        writer.add(fact.id, BANG_KHEN, plan.year, plan.province_bk)
                        has_bk = True
            elif fact.kind is SubjectKind.COLLECTIVE:
                _collective_year(rng, writer, fact, plan, tier, ad_hoc)
            else:
                _household_year(rng, writer, fact, plan, tier, ad_hoc)
    writer.flush()


def _tier(rng: random.Random) -> int:
    r = rng.random()
    return 0 if r < TIERS[0] else (1 if r < TIERS[0] + TIERS[1] else 2)


def _giay_khen(rng: random.Random, writer: _AwardWriter, subject_id: int, year: int, year_end: Decision,
               ad_hoc: list[Decision]) -> None:
    decision = rng.choice(ad_hoc) if ad_hoc and rng.random() < 0.4 else year_end
    writer.add(subject_id, GIAY_KHEN, year, decision)


def _individual_year(rng: random.Random, writer: _AwardWriter, fact: SubjectFact, plan: _Year, tier: int,
                     profile_key: str, ad_hoc: list[Decision]) -> bool:
    """One year of an individual's history; True when the year brought a CSTĐCS."""
    age = plan.year - (fact.birth_year or plan.year)
    civil = fact.occupation is OccupationGroup.CIVIL_SERVANT
    working = 18 <= age <= 60 and fact.occupation is not OccupationGroup.STUDENT
    cstdcs = False
    if working and rng.random() < P_LDTT[civil][tier]:
        writer.add(fact.id, LDTT, plan.year, plan.ldtt)
        if rng.random() < P_CSTDCS[civil][tier]:
            writer.add(fact.id, CSTDCS, plan.year, plan.cstdcs)
            cstdcs = True
    if rng.random() < P_GK_INDIVIDUAL[tier]:
        _giay_khen(rng, writer, fact.id, plan.year, plan.gk_people, ad_hoc)
    if profile_key in SCHOOL_PROFILES and rng.random() < P_EDUCATION_GK[tier]:
        writer.add(fact.id, GIAY_KHEN, plan.year, plan.education_gk)
    if plan.district_gk is not None and rng.random() < P_DISTRICT_GK[tier]:
        writer.add(fact.id, GIAY_KHEN, plan.year, plan.district_gk)
    return cstdcs


def _collective_year(rng: random.Random, writer: _AwardWriter, fact: SubjectFact, plan: _Year, tier: int,
                     ad_hoc: list[Decision]) -> None:
    if fact.titles and rng.random() < P_TTLDTT[tier]:
        writer.add(fact.id, TTLDTT, plan.year, plan.ttldtt)
    if rng.random() < P_GK_COLLECTIVE[tier]:
        _giay_khen(rng, writer, fact.id, plan.year, plan.gk_people, ad_hoc)
    if plan.district_gk is not None and rng.random() < P_DISTRICT_GK[tier]:
        writer.add(fact.id, GIAY_KHEN, plan.year, plan.district_gk)


def _household_year(rng: random.Random, writer: _AwardWriter, fact: SubjectFact, plan: _Year, tier: int,
                    ad_hoc: list[Decision]) -> None:
    if rng.random() < P_GDVH[tier]:
        writer.add(fact.id, GDVH, plan.year, plan.gdvh)
    if rng.random() < P_GK_HOUSEHOLD[tier]:
        _giay_khen(rng, writer, fact.id, plan.year, plan.gk_households, ad_hoc)


def _hold_count(individuals: int, rate: float) -> int:
    floor = 2 if individuals >= 200 else (1 if individuals >= 50 else 0)
    return max(round(individuals * rate), floor)


def _add_holds(ctx: DemoContext, rng: random.Random, first: int, last: int) -> dict[int, set[int]]:
    """A few holds, some ended and some active; returns the years each subject was on hold."""
    notes = ctx.load("awards")["hold_notes"]
    individuals = [f for f in ctx.facts if f.kind is SubjectKind.INDIVIDUAL]
    civil = [f for f in individuals if f.occupation is OccupationGroup.CIVIL_SERVANT]
    counts = {kind: _hold_count(len(individuals), rate) for kind, rate in HOLD_RATES.items()}
    taken: set[int] = set()
    rows, blocked = [], {}
    for kind, count in counts.items():
        pool = civil if kind is HoldKind.DISCIPLINE and len(civil) >= 4 * count else individuals
        pool = [f for f in pool if f.id not in taken]
        for fact in rng.sample(pool, min(count, len(pool))):
            taken.add(fact.id)
            row = _hold(rng, kind, first, last, ctx.format(rng.choice(notes[kind.value])))
            row["subject_id"] = fact.id
            rows.append(row)
            end_year = row["end_date"].year if row["end_date"] else last
            blocked[fact.id] = set(range(row["start_date"].year, end_year + 1))
    if rows:
        ctx.session.execute(insert(HoldFlag.__table__), rows)
    ctx.summary.holds += len(rows)
    return blocked


def _hold(rng: random.Random, kind: HoldKind, first: int, last: int, note: str) -> dict:
    active = rng.random() < (0.4 if kind is HoldKind.DISCIPLINE else 0.5)
    level = None
    if kind is HoldKind.DISCIPLINE:
        level = DisciplineLevel.REPRIMAND if rng.random() < 0.65 else DisciplineLevel.WARNING
    if active:
        start, end = _day(rng, last, (3, 1), (11, 30)), None
    else:
        start = _day(rng, rng.randint(first, last - 1), (1, 10), (12, 20))
        if kind is HoldKind.DISCIPLINE:
            days = 182 if level is DisciplineLevel.REPRIMAND else 365  # how long the discipline counts
        else:
            days = rng.randint(60, 240)
        end = start + dt.timedelta(days=days)
    return {"kind": kind, "discipline_level": level, "start_date": start, "end_date": end, "note": note}
