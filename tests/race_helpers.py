"""Two officers saving at once, for real: each in its own thread, with its own Database (its own
connections), held at its first write until both have read — so both read the same version, and the
database, not the order of the calls, decides who wins."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import event

from app.storage.database import Database

WRITES = ("INSERT", "UPDATE", "DELETE")
BARRIER_TIMEOUT_S = 60  # only against a hang: a racer that never writes breaks the barrier


@dataclass
class Outcome:
    results: dict[str, object] = field(default_factory=dict)
    errors: dict[str, BaseException] = field(default_factory=dict)

    @property
    def winners(self) -> list[str]:
        return sorted(self.results)

    @property
    def losers(self) -> list[str]:
        return sorted(self.errors)


class FirstWriteBarrier:
    """Installed on each racer's engine: a thread's first INSERT/UPDATE/DELETE waits for the others'."""

    def __init__(self, parties: int) -> None:
        self.barrier = threading.Barrier(parties, timeout=BARRIER_TIMEOUT_S)
        self.arrived: set[int] = set()
        self.statements: list[tuple[str, str]] = []

    def __call__(self, _conn, _cursor, statement: str, _params, _context, _executemany) -> None:
        verb = statement.lstrip().split(None, 1)[0].upper()
        me = threading.get_ident()
        if verb in WRITES:
            self.statements.append((threading.current_thread().name, statement))
            if me not in self.arrived:
                self.arrived.add(me)
                self.barrier.wait()


Racers = dict[str, tuple[Database, Callable[[Database], object]]]


def race(racers: Racers) -> tuple[Outcome, FirstWriteBarrier]:
    """Run each racer's call on its own Database in its own thread, all reaching their first write
    before any writes; return what each returned or raised."""
    hold = FirstWriteBarrier(len(racers))
    outcome = Outcome()
    engines = {id(db.engine): db.engine for db, _call in racers.values()}
    for engine in engines.values():
        event.listen(engine, "before_cursor_execute", hold)
    try:
        threads = [threading.Thread(target=_run, args=(name, db, call, outcome), name=name)
                   for name, (db, call) in racers.items()]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        for engine in engines.values():
            event.remove(engine, "before_cursor_execute", hold)
    return outcome, hold


def _run(name: str, db: Database, call: Callable[[Database], object], outcome: Outcome) -> None:
    try:
        outcome.results[name] = call(db)
    except BaseException as exc:  # noqa: BLE001 - recorded for the test to judge
        outcome.errors[name] = exc
