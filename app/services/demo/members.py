"""Demo section "members": who belongs to each collective that can be "Tập thể lao động tiên tiến".

The TTLĐTT rule counts a collective's members (Subject.collective_id): at least 70 % of them LĐTT, none
disciplined at "cảnh cáo" or above. Each such collective takes people of its own unit, those whose
position fits it first (teachers in a teaching group, tailors in a sewing team: members.json), then the
unit's other working-age people, up to its declared member count; nobody is in two collectives. The
links are written by one bulk UPDATE, so 100,000 subjects take well under a second.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from sqlalchemy import bindparam, select, update

from app.models import OccupationGroup, Subject, SubjectKind
from app.services.demo.context import DemoContext, SubjectFact
from app.services.demo.texts import demo_year

CHUNK_ROWS = 10_000


def add_members(ctx: DemoContext) -> None:
    rng = ctx.rng("members")
    data = ctx.load("members")
    collectives = [f for f in ctx.facts if f.kind is SubjectKind.COLLECTIVE and f.titles]
    if not collectives:
        return
    people = _people_by_unit(ctx, data["ages"])
    sizes, names, positions = _read_subjects(ctx, collectives)
    links: list[dict] = []
    for unit, group in _by_unit(collectives).items():
        pool = people.get(unit, [])
        rng.shuffle(pool)
        links += _fill_unit(group, pool, sizes, names, positions, data["affinities"])
    table = Subject.__table__
    statement = (update(table).where(table.c.id == bindparam("member_id"))
                 .values(collective_id=bindparam("collective")))
    for start in range(0, len(links), CHUNK_ROWS):
        ctx.session.execute(statement, links[start:start + CHUNK_ROWS])


def _people_by_unit(ctx: DemoContext, ages: list[int]) -> dict[int, list[int]]:
    """Working-age individuals who are not pupils or students, by unit index, in id order."""
    year, (youngest, oldest) = demo_year(ctx), ages
    found: dict[int, list[int]] = defaultdict(list)
    for fact in ctx.facts:
        if fact.kind is not SubjectKind.INDIVIDUAL or fact.occupation is OccupationGroup.STUDENT:
            continue
        if fact.birth_year is not None and youngest <= year - fact.birth_year <= oldest:
            found[fact.unit].append(fact.id)
    return found


def _read_subjects(ctx: DemoContext, collectives: list[SubjectFact]
                   ) -> tuple[dict[int, int], dict[int, str], dict[int, str]]:
    """The collectives' declared sizes and names, and every demo individual's position."""
    ids = [f.id for f in collectives]
    sizes, names = {}, {}
    for start in range(0, len(ids), 900):
        rows = ctx.session.execute(select(Subject.id, Subject.member_count, Subject.name)
                                   .where(Subject.id.in_(ids[start:start + 900])))
        for subject_id, size, name in rows:
            sizes[subject_id], names[subject_id] = size or 0, name
    query = (select(Subject.id, Subject.position)
             .where(Subject.kind == SubjectKind.INDIVIDUAL, Subject.id >= ctx.first_subject_id))
    positions = {subject_id: position for subject_id, position in ctx.session.execute(query)}
    return sizes, names, positions


def _by_unit(collectives: list[SubjectFact]) -> dict[int, list[int]]:
    grouped: dict[int, list[int]] = defaultdict(list)
    for fact in collectives:
        grouped[fact.unit].append(fact.id)
    return grouped


def _preferred(name: str, affinities: list[dict]) -> tuple[str, ...]:
    folded = name.casefold()
    for affinity in affinities:
        if affinity["collective"].casefold() in folded:
            return tuple(p.casefold() for p in affinity["positions"])
    return ()


def _fill_unit(group: list[int], pool: list[int], sizes: dict[int, int], names: dict[int, str],
               positions: dict[int, str], affinities: list[dict]) -> list[dict]:
    """Links for one unit's collectives: fitting people first, then anyone left, up to each size."""
    free = set(pool)
    members: dict[int, list[int]] = {c: [] for c in group}
    queues: dict[tuple[str, ...], Iterator[int]] = {}
    for collective in group:
        wanted = _preferred(names[collective], affinities)
        if wanted:
            if wanted not in queues:
                queues[wanted] = iter([p for p in pool
                                       if any(w in positions.get(p, "").casefold() for w in wanted)])
            _take(members[collective], queues[wanted], free, sizes[collective])
    rest = iter(pool)
    for collective in group:
        _take(members[collective], rest, free, sizes[collective] - len(members[collective]))
    return [{"member_id": p, "collective": c} for c, people in members.items() for p in people]


def _take(into: list[int], queue: Iterator[int], free: set[int], count: int) -> None:
    """Move up to count people that are still free from the queue into the collective."""
    while count > 0:
        person = next(queue, None)
        if person is None:
            return
        if person in free:
            free.discard(person)
            into.append(person)
            count -= 1
