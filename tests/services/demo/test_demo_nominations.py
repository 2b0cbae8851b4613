"""Demo data for members, movements, exemplars, rounds and nominations: every page filled, the rules kept."""

from __future__ import annotations

import copy
import datetime as dt
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app.models import (
    AwardForm,
    Exemplar,
    ExemplarStage,
    HoldFlag,
    Movement,
    MovementKind,
    Nomination,
    NominationEvent,
    NominationStatus,
    Round,
    RoundKind,
    RoundStatus,
    Subject,
    SubjectKind,
    Unit,
)
from app.rules.duty import DutyStatus, classify, quarter_deadline, quarter_of
from app.services.demo import generate as demo
from app.services.demo.generate import DemoSummary, generate_demo
from app.services.nominations.queries import get_nomination
from app.services.safety.integrity import check_database
from app.storage.database import Database, open_database

TODAY = dt.date(2026, 11, 21)  # the demo's own "today": 21 November of the year after the history
YEAR = 2026
STAGE_ORDER = list(ExemplarStage)
NEW_TABLES = ("movement", "exemplar", "exemplar_stage_change", "publicity_item", "replication_activity",
              "round", "nomination", "achievement_report", "checklist_item", "nomination_event")


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory, demo_template) -> tuple[Database, DemoSummary]:
    """One default demo (2,000 subjects, seed 2026; made once per session) shared by the read-only tests of
    this module, in a copy of its own."""
    template = demo_template(subjects=2000, seed=2026)
    database = open_database(template.copy_to(tmp_path_factory.mktemp("demo")))
    yield database, copy.deepcopy(template.summary)
    database.close()


@pytest.fixture
def demo_db(demo_run) -> Database:
    return demo_run[0]


def rows(db: Database, sql: str) -> list:
    with db.engine.connect() as conn:
        return conn.execute(text(sql)).all()


def new_data(db: Database) -> dict[str, list]:
    """Everything the new sections wrote, without the times the database sets."""
    found = {}
    for table in NEW_TABLES:
        with db.engine.connect() as conn:
            result = conn.execute(text(f"SELECT * FROM {table}"))
            keep = [c for c in result.keys() if c not in ("created_at", "updated_at")]  # noqa: SIM118
            found[table] = sorted(tuple(row[c] for c in keep) for row in result.mappings())
    found["members"] = rows(db, "SELECT id, collective_id FROM subject WHERE collective_id IS NOT NULL "
                                "ORDER BY id")
    return found


def old_data(db: Database) -> list:
    return [rows(db, "SELECT id, kind, name, unit_id, field_id, address, phone, birth_year, position, "
                     "member_count, head_name FROM subject ORDER BY id"),
            rows(db, "SELECT subject_id, form_name, year, decision_no, decision_date FROM award_record "
                     "WHERE decision_id IS NULL ORDER BY id"),  # the decisions section adds its own
            rows(db, "SELECT subject_id, kind, start_date, end_date FROM hold_flag ORDER BY id"),
            rows(db, "SELECT id, name, head_name FROM unit ORDER BY id")]


# --- reproducible, and the earlier sections untouched ------------------------------------------------

def test_same_seed_gives_the_same_movements_exemplars_rounds_and_nominations(same_seed_demos) -> None:
    first, second = same_seed_demos  # two runs of generate_demo(subjects=600, seed=7), in two databases
    data = new_data(first)
    assert data == new_data(second)
    assert all(data.values())


def test_the_new_sections_leave_the_earlier_data_as_it_was(tmp_path, monkeypatch, make_demo,
                                                            migrated_data_dir) -> None:
    full, _summary = make_demo(subjects=500, seed=3)  # generated before the monkeypatch, every section
    monkeypatch.setattr(demo, "SECTIONS", demo.SECTIONS[:3])
    assert [name for name, _ in demo.SECTIONS] == ["units", "subjects", "history"]
    early = open_database(migrated_data_dir(tmp_path / "early"))
    generate_demo(early, subjects=500, seed=3)
    try:
        assert old_data(full) == old_data(early)
        assert rows(early, "SELECT count(*) FROM nomination")[0][0] == 0
    finally:
        early.close()


def test_summary_counts_the_new_records(demo_run) -> None:
    demo_db, summary = demo_run
    described = summary.describe()
    counts = {table: rows(demo_db, f"SELECT count(*) FROM {table}")[0][0]
              for table in ("movement", "exemplar", "round", "nomination")}
    assert f"{counts['movement']} phong trào thi đua" in described
    assert f"{counts['exemplar']} điển hình tiên tiến" in described
    assert f"{counts['round']} đợt xét" in described
    assert f"{counts['nomination']} hồ sơ đề nghị" in described
    assert 4 <= counts["movement"] <= 6 and counts["round"] == 5
    assert 26 * 3 <= counts["exemplar"] <= 26 * 6  # follows the units, not the subjects
    assert 100 <= counts["nomination"] <= 400


# --- members ------------------------------------------------------------------------------------------

def test_collectives_that_can_be_ttldtt_have_members_of_their_own_unit(demo_db) -> None:
    links = rows(demo_db, """
        SELECT c.id, c.unit_id, c.member_count, m.unit_id, m.kind
        FROM subject m JOIN subject c ON c.id = m.collective_id""")
    assert len(links) > 200
    assert all(unit == member_unit and kind == "individual" for _c, unit, _size, member_unit, kind in links)
    per_collective = Counter(c for c, *_ in links)
    sizes = {c: size for c, _u, size, *_ in links}
    assert all(n <= sizes[c] for c, n in per_collective.items())
    assert len(per_collective) >= 20


# --- movements and exemplars --------------------------------------------------------------------------

def test_movements_are_realistic(demo_db) -> None:
    with demo_db.read() as session:
        movements = list(session.scalars(select(Movement)))
    assert {m.kind for m in movements} == set(MovementKind)
    assert all(m.launched_by and m.description and m.name_norm for m in movements)
    assert any(m.end_date and m.end_date < TODAY for m in movements)  # one is over
    assert any("nông thôn mới" in m.name for m in movements)
    assert any(m.field_id is not None for m in movements)


def test_exemplars_have_ordered_stage_histories_and_their_logs(demo_db) -> None:
    with demo_db.read() as session:
        exemplars = list(session.scalars(select(Exemplar)))
        units = {s: u for s, u in session.execute(select(Subject.id, Subject.unit_id))}
        for exemplar in exemplars:
            changes = exemplar.stage_changes
            assert changes[0].stage is ExemplarStage.DISCOVERED
            assert changes[0].changed_on == exemplar.introduced_on
            assert [STAGE_ORDER.index(c.stage) for c in changes] == list(range(len(changes)))
            assert [c.changed_on for c in changes] == sorted(c.changed_on for c in changes)
            assert changes[-1].changed_on <= TODAY and exemplar.stage is changes[-1].stage
            assert exemplar.unit_id == units[exemplar.subject_id]
            movement = exemplar.movement
            assert movement.start_date <= exemplar.introduced_on
            assert movement.end_date is None or exemplar.introduced_on <= movement.end_date
            assert all(changes[0].changed_on <= p.published_on <= TODAY and p.outlet and p.title
                       for p in exemplar.publicity)
            assert all(r.held_on <= TODAY and r.description for r in exemplar.replications)
            if exemplar.replications:
                assert exemplar.stage is ExemplarStage.REPLICATED
        stages = Counter(e.stage for e in exemplars)
        assert set(stages) == set(ExemplarStage)
        assert sum(bool(e.publicity) for e in exemplars) > 20
        assert sum(bool(e.replications) for e in exemplars) > 5
        assert sum(not e.achievements for e in exemplars) <= 2
        outlets = {p.outlet for e in exemplars for p in e.publicity}
    assert {"Báo Phú Thọ", "Đài Truyền thanh xã Hòa Bình", "Trang thông tin điện tử xã Hòa Bình"} <= outlets


def test_the_quarterly_duty_shows_done_late_missing_and_due_soon(demo_db) -> None:
    with demo_db.read() as session:
        units = list(session.scalars(select(Unit.id)))
        intros = session.execute(select(Exemplar.unit_id, Exemplar.introduced_on, Exemplar.achievements)
                                 .where(func.strftime("%Y", Exemplar.introduced_on) == str(YEAR))).all()
    first: dict[tuple[int, int], dt.date] = {}
    for unit, day, achievements in intros:
        if achievements.strip():
            key = (unit, quarter_of(day))
            first[key] = min(first.get(key, day), day)
    seen = defaultdict(Counter)
    for quarter in (1, 2, 3, 4):
        deadline = quarter_deadline(YEAR, quarter, 5)
        for unit in units:
            seen[quarter][classify(first.get((unit, quarter)), deadline, TODAY)] += 1
    earlier = sum((seen[q] for q in (1, 2, 3)), Counter())
    assert earlier[DutyStatus.DONE] > earlier[DutyStatus.LATE] > 0 and earlier[DutyStatus.OVERDUE] > 0
    assert seen[4][DutyStatus.DONE] > 0 and seen[4][DutyStatus.DUE_SOON] > 0
    assert all(day <= TODAY for _u, day, _a in intros)


# --- rounds and nominations ---------------------------------------------------------------------------

def test_rounds_cover_every_kind(demo_db) -> None:
    with demo_db.read() as session:
        rounds = {r.name: r for r in session.scalars(select(Round))}
    closed = rounds["Tổng kết phong trào thi đua năm 2025"]
    assert closed.status is RoundStatus.CLOSED and closed.kind is RoundKind.YEAR_END
    current = rounds["Tổng kết phong trào thi đua năm 2026"]
    assert current.status is RoundStatus.OPEN and current.deadline == dt.date(2026, 12, 10)
    kinds = Counter(r.kind for r in rounds.values())
    assert kinds == {RoundKind.YEAR_END: 2, RoundKind.QUARTER: 1, RoundKind.AD_HOC: 1, RoundKind.THEMATIC: 1}
    thematic = next(r for r in rounds.values() if r.kind is RoundKind.THEMATIC)
    assert thematic.movement_id is not None
    quarter = next(r for r in rounds.values() if r.kind is RoundKind.QUARTER)
    assert quarter.quarter == 3 and quarter.year == YEAR


def _year_end(session) -> list[Nomination]:
    round_id = session.scalar(select(Round.id).where(Round.name == "Tổng kết phong trào thi đua năm 2026"))
    return list(session.scalars(select(Nomination).where(Nomination.round_id == round_id)))


def test_the_year_end_round_has_nominations_in_every_status_and_of_every_form(demo_db) -> None:
    with demo_db.read() as session:
        nominations = _year_end(session)
        statuses = Counter(n.status for n in nominations)
        forms = Counter((n.award_form.code, n.subject.kind) for n in nominations)
    assert {S for S in NominationStatus if S is not NominationStatus.DECIDED} <= set(statuses)
    assert forms[("LDTT", SubjectKind.INDIVIDUAL)] >= 50
    assert forms[("CSTDCS", SubjectKind.INDIVIDUAL)] >= 3
    assert forms[("TTLDTT", SubjectKind.COLLECTIVE)] >= 3
    assert forms[("GDVH", SubjectKind.HOUSEHOLD)] >= 10
    assert all(forms[("GIAY_KHEN", kind)] for kind in SubjectKind)


def test_appraised_and_reviewed_nominations_have_ready_checklists(demo_db) -> None:
    with demo_db.read() as session:
        ids = list(session.scalars(select(Nomination.id).where(Nomination.status.in_(
            [NominationStatus.APPRAISED, NominationStatus.PASSED, NominationStatus.FAILED]))))
    assert len(ids) > 30
    for nomination_id in ids:
        detail = get_nomination(demo_db, nomination_id, TODAY)
        checklist = detail.checklist
        assert checklist.ready, (detail.subject_name, checklist.missing, checklist.failures)
        assert any(not line.by_rule and line.reason for line in detail.checklist.lines)
        assert detail.report.achievements


def test_cstdcs_and_ttldtt_rest_on_ldtt_nominations_of_the_same_round(demo_db) -> None:
    with demo_db.read() as session:
        nominations = _year_end(session)
        ldtt = {n.subject_id: n for n in nominations if n.award_form.code == "LDTT"}
        for n in nominations:
            if n.award_form.code == "CSTDCS":
                assert n.subject_id in ldtt and ldtt[n.subject_id].status is not NominationStatus.FAILED
            if n.award_form.code == "TTLDTT":
                query = select(Subject.id).where(Subject.collective_id == n.subject_id)
                members = list(session.scalars(query))
                assert members and any(m in ldtt for m in members)
    outcomes = [get_nomination(demo_db, n.id, TODAY).checklist for n in nominations
                if n.award_form.code == "TTLDTT"]
    shares = [line for c in outcomes for line in c.lines if line.code == "c1"]
    assert any(line.outcome.value == "met" for line in shares)
    assert any(line.outcome.value == "not_met" for line in shares)  # one collective falls short


def test_nobody_on_hold_is_nominated_and_every_form_fits_the_subject(demo_db) -> None:
    with demo_db.read() as session:
        held = set(session.scalars(select(HoldFlag.subject_id).where(
            (HoldFlag.end_date.is_(None)) | (HoldFlag.end_date >= dt.date(YEAR, 1, 1)))))
        pairs = session.execute(select(Nomination.subject_id, Subject.kind, AwardForm, Nomination.round_id)
                                .join(Subject, Subject.id == Nomination.subject_id)
                                .join(AwardForm, AwardForm.id == Nomination.award_form_id)).all()
    assert held
    assert not [s for s, *_ in pairs if s in held]
    assert all(form.applies_to(kind) for _s, kind, form, _r in pairs)
    assert len({(s, form.id, r) for s, _k, form, r in pairs}) == len(pairs)  # one achievement, one award


def test_nominations_from_exemplars_carry_their_summary(demo_db) -> None:
    with demo_db.read() as session:
        linked = list(session.scalars(select(Nomination).where(Nomination.exemplar_id.is_not(None))))
        assert len(linked) >= 5
        assert len({n.subject_id for n in linked}) == len(linked)  # one achievement, one award
        for nomination in linked:
            assert nomination.exemplar.subject_id == nomination.subject_id
            if nomination.status is not NominationStatus.DRAFT:
                assert nomination.exemplar.achievements in nomination.report.achievements


def test_histories_are_dated_in_order_and_end_in_the_current_status(demo_db) -> None:
    with demo_db.read() as session:
        nominations = list(session.scalars(select(Nomination)))
        for nomination in nominations:
            events = nomination.events
            assert events[0].text == "Tạo hồ sơ đề nghị." and events[0].status is NominationStatus.DRAFT
            assert [e.at for e in events] == sorted(e.at for e in events)
            assert events[-1].at.date() <= TODAY
            assert events[-1].status is nomination.status
            assert nomination.version >= len(events)
        events = list(session.scalars(select(NominationEvent.text)))
    assert any(t.startswith("Trả lại để bổ sung: ") for t in events)
    failed = [t for t in events if t.startswith("Hội đồng Thi đua - Khen thưởng họp ngày ")
              and " bình xét: không đạt (" in t]
    assert failed and all(t.endswith("→ Không đạt).") or "→ Không đạt). " in t for t in failed)


def test_reports_are_filled_like_the_report_forms(demo_db) -> None:
    with demo_db.read() as session:
        nominations = list(session.scalars(select(Nomination).where(
            Nomination.status != NominationStatus.DRAFT)))
        for nomination in nominations:
            report, kind = nomination.report, nomination.subject.kind
            assert report.achievements and report.measures and report.workplace
            if kind is SubjectKind.INDIVIDUAL:
                assert report.position and report.qualification and report.duties
            elif kind is SubjectKind.COLLECTIVE:
                assert report.overview and report.duties
        with_history = [n for n in nominations if n.report.awards_received]
    assert len(with_history) > len(nominations) // 3


def test_new_texts_are_nfc_and_the_database_is_sound(demo_db) -> None:
    checked = 0
    for table in NEW_TABLES:
        with demo_db.engine.connect() as conn:
            for row in conn.execute(text(f"SELECT * FROM {table}")).mappings():
                for value in row.values():
                    if isinstance(value, str):
                        checked += 1
                        assert unicodedata.is_normalized("NFC", value), (table, value)
    assert checked > 2000
    assert check_database(demo_db).ok


@pytest.mark.parametrize("subjects", [0, 5, 60])
def test_small_demos_still_work(tmp_path: Path, subjects: int, migrated_data_dir) -> None:
    database = open_database(migrated_data_dir(tmp_path / "small"))
    try:
        summary = generate_demo(database, subjects=subjects, seed=4)
        assert "5 đợt xét" in summary.describe()
        assert check_database(database).ok
    finally:
        database.close()


@pytest.mark.parametrize("seed", [1, 5, 8])
def test_other_seeds_keep_the_rules(tmp_path: Path, seed: int, migrated_data_dir) -> None:
    database = open_database(migrated_data_dir(tmp_path / "seed"))
    try:
        generate_demo(database, subjects=300, seed=seed)
        with database.read() as session:
            statuses = Counter(session.scalars(select(Nomination.status).join(Round).where(
                Round.name == "Tổng kết phong trào thi đua năm 2026")))
            reviewed = list(session.scalars(select(Nomination.id).where(Nomination.status.in_(
                [NominationStatus.APPRAISED, NominationStatus.PASSED, NominationStatus.FAILED]))))
        assert {s for s in NominationStatus if s is not NominationStatus.DECIDED} <= set(statuses)
        assert all(get_nomination(database, i, TODAY).checklist.ready for i in reviewed)
    finally:
        database.close()
