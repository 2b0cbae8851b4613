"""Demo data: reproducible, realistic, consistent with the rules, and never mixed into real data.

The tests that read a demo take it from `make_demo` (tests/conftest.py): each demo (size, seed) is generated
once per session and copied, so tests checking different properties of the same demo share it.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app.cli.main import main
from app.errors import ConflictError, ValidationError
from app.models import (
    AwardRecord,
    Bloc,
    Decision,
    DecisionStatus,
    HoldFlag,
    Subject,
    SubjectKind,
    Unit,
    UnitKind,
)
from app.rules.vntext import fold
from app.services.demo import generate as demo
from app.services.demo.generate import DEMO_PROFILE, DemoSummary, generate_demo
from app.services.demo.history import CSTDCS, LDTT
from app.services.safety.integrity import check_database
from app.services.settings import load_commune_profile
from app.services.subjects.crud import create_subject, get_subject, subject_sort_key
from app.services.subjects.data import SubjectInput, SubjectQuery
from app.services.subjects.search import search_subject_ids
from app.services.subjects.validation import normalized, validate_subject
from app.storage.database import Database, open_database

TODAY = dt.date(2026, 11, 21)


@pytest.fixture
def other_db(tmp_path: Path, migrated_data_dir) -> Database:
    database = open_database(migrated_data_dir(tmp_path / "other"))
    yield database
    database.close()


def snapshot(db: Database) -> tuple[list, list, list, list]:
    """Everything the demo wrote, without the timestamps the database sets."""
    with db.engine.connect() as conn:
        subjects = conn.execute(text(
            "SELECT id, kind, name, unit_id, field_id, address, phone, gender, birth_date, birth_year, "
            "position, occupation_group, ethnicity, citizen_id, parent_body, member_count, "
            "female_member_count, head_name FROM subject ORDER BY id")).all()
        awards = conn.execute(text("SELECT subject_id, form_name, year, decision_no, decision_date, issuer, "
                                   "note FROM award_record ORDER BY id")).all()
        holds = conn.execute(text("SELECT subject_id, kind, discipline_level, start_date, end_date, note "
                                  "FROM hold_flag ORDER BY id")).all()
        units = conn.execute(text("SELECT id, name, kind, bloc_id, head_name, address, phone FROM unit "
                                  "ORDER BY id")).all()
    return subjects, awards, holds, units


def count(db: Database, model, *where) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where))


def test_demo_fills_an_empty_data_dir_with_a_profile_units_and_subjects(make_demo) -> None:
    db, summary = make_demo(subjects=2000, seed=2026)  # generated into an empty, migrated database

    assert load_commune_profile(db) == DEMO_PROFILE
    assert (summary.individuals, summary.collectives, summary.households) == (1600, 240, 160)
    assert summary.subjects == count(db, Subject) == 2000
    for kind, expected in [(SubjectKind.INDIVIDUAL, 1600), (SubjectKind.COLLECTIVE, 240),
                           (SubjectKind.HOUSEHOLD, 160)]:
        assert count(db, Subject, Subject.kind == kind) == expected
    assert summary.units == count(db, Unit) and summary.blocs == count(db, Bloc) == 4
    villages = count(db, Unit, Unit.kind.in_([UnitKind.VILLAGE, UnitKind.RESIDENTIAL_GROUP]))
    assert 8 <= villages <= 12
    with db.read() as session:
        kinds = set(session.scalars(select(Unit.kind).distinct()))
    assert kinds == {k for k in UnitKind if k is not UnitKind.OTHER}
    assert count(db, Unit, Unit.bloc_id.is_(None)) == 0
    assert count(db, Unit, (Unit.head_name == "") | (Unit.address == "") | (Unit.phone == "")) == 0
    assert summary.awards == count(db, AwardRecord) > 2000
    assert summary.holds == count(db, HoldFlag) >= 6
    assert count(db, Subject, Subject.unit_id.is_(None)) == 0
    described = summary.describe()
    assert "2.000 đối tượng (1.600 cá nhân, 240 tập thể, 160 hộ gia đình)" in described
    assert f"{summary.units} đơn vị, 4 khối thi đua" in described
    assert "lượt khen thưởng" in described


def test_same_seed_gives_the_same_data_and_another_seed_other_data(same_seed_demos, make_demo) -> None:
    db, other_db = same_seed_demos  # two runs of generate_demo(subjects=600, seed=7), in two databases
    first = snapshot(db)
    assert first == snapshot(other_db)
    assert all(first)

    third, _summary = make_demo(subjects=600, seed=8)
    subjects, awards, _holds, _units = snapshot(third)
    assert [s.name for s in subjects] != [s.name for s in first[0]]
    assert len({s.name for s in subjects} & {s.name for s in first[0]}) < 300
    assert [a[:3] for a in awards] != [a[:3] for a in first[1]]


def test_adding_a_section_later_keeps_the_earlier_data(make_demo, other_db, monkeypatch) -> None:
    db, _summary = make_demo(subjects=300, seed=3)  # generated before the monkeypatch, with SECTIONS as is
    seen = []

    def later_capability(ctx) -> None:
        rng = ctx.rng("later")
        seen.append((len(ctx.units), len(ctx.facts), rng.random()))
        ctx.summary.extras.append("1 phong trào thi đua")

    monkeypatch.setattr(demo, "SECTIONS", [*demo.SECTIONS, ("later", later_capability)])
    summary = generate_demo(other_db, subjects=300, seed=3)
    assert snapshot(db) == snapshot(other_db)
    assert seen and seen[0][1] == 300
    assert summary.describe().endswith(", 1 phong trào thi đua")


def test_family_names_follow_their_real_frequency(make_demo) -> None:
    db, _summary = make_demo(subjects=5000, seed=11)
    with db.read() as session:
        names = list(session.scalars(select(Subject.name).where(Subject.kind == SubjectKind.INDIVIDUAL)))
    families = Counter(name.split()[0] for name in names)
    share = {family: n / len(names) for family, n in families.items()}
    assert 0.30 <= share["Nguyễn"] <= 0.46
    assert 0.07 <= share["Trần"] <= 0.15
    assert 0.06 <= share["Lê"] <= 0.13
    assert share["Nguyễn"] > share["Trần"] > share["Phạm"] > share["Đặng"]
    assert len(families) >= 30
    middles = Counter(name.split()[1] for name in names)
    assert middles["Văn"] > 0.1 * len(names) and middles["Thị"] > 0.1 * len(names)


def test_every_text_is_nfc(make_demo) -> None:
    db, _summary = make_demo(subjects=1500, seed=5)
    checked = 0
    with db.engine.connect() as conn:
        for table in ("subject", "unit", "bloc", "field", "award_record", "hold_flag", "setting"):
            result = conn.execute(text(f"SELECT * FROM {table}"))
            columns = [c for c in result.keys() if c != "sort_key"]  # noqa: SIM118 (a Result, not a dict)  # a sort key is no text to read
            for row in result.mappings():
                for column in columns:
                    value = row[column]
                    if isinstance(value, str):
                        checked += 1
                        assert unicodedata.is_normalized("NFC", value), (table, column, value)
    assert checked > 10_000


def test_stored_search_and_sort_keys_agree_with_the_subject_service(make_demo) -> None:
    db, _summary = make_demo(subjects=1500, seed=5)
    with db.read() as session:
        rows = session.execute(select(Subject.kind, Subject.name, Subject.head_name, Subject.name_norm,
                                      Subject.sort_key)).all()
    for kind, name, head, norm, key in rows:
        assert norm == fold(name)
        assert key == subject_sort_key(kind, name, head)
    households = [r for r in rows if r.kind is SubjectKind.HOUSEHOLD]
    assert all(r.name in (f"Hộ ông {r.head_name}", f"Hộ bà {r.head_name}") for r in households)


def test_demo_subjects_pass_the_subject_form_validation(make_demo) -> None:
    db, _summary = make_demo(subjects=1000, seed=9)
    with db.read() as session:
        ids = list(session.scalars(select(Subject.id).order_by(Subject.id)))
        on_hold = list(session.scalars(select(HoldFlag.subject_id)))
    for subject_id in [*ids[::7], *on_hold]:
        detail = get_subject(db, subject_id)
        validate_subject(normalized(detail), TODAY)  # raises ValidationError when a field is wrong
        if detail.kind is SubjectKind.INDIVIDUAL and detail.citizen_id:
            assert len(detail.citizen_id) == 12 and detail.citizen_id.isdigit()
        if detail.kind is SubjectKind.COLLECTIVE:
            assert detail.parent_body and 0 <= detail.female_member_count <= detail.member_count


def test_search_finds_demo_names_without_diacritics(make_demo) -> None:
    db, _summary = make_demo(subjects=2000, seed=2026)
    with db.read() as session:
        subject_id, name = session.execute(
            select(Subject.id, Subject.name)
            .where(Subject.kind == SubjectKind.INDIVIDUAL, Subject.name.like("%Đ%"))
            .order_by(Subject.id).limit(1)).one()
    plain = fold(name)
    assert plain != name.lower() and plain.isascii()
    assert subject_id in search_subject_ids(db, SubjectQuery(plain))
    assert subject_id in search_subject_ids(db, SubjectQuery(plain.upper()))
    found = search_subject_ids(db, SubjectQuery("nguyen van"))
    assert len(found) > 50
    with db.read() as session:
        names = session.scalars(select(Subject.name).where(Subject.id.in_(found[:200])))
        assert all("nguyen" in fold(n) and "van" in fold(n) for n in names)
    assert search_subject_ids(db, SubjectQuery("thon dong", kind=SubjectKind.COLLECTIVE))


def test_demo_is_refused_when_the_database_has_subjects(commune_db) -> None:
    create_subject(commune_db, SubjectInput(kind=SubjectKind.HOUSEHOLD, name="Hộ ông Lê Văn Tám",
                                            head_name="Lê Văn Tám"), today=TODAY)
    with pytest.raises(ConflictError, match="đã có 1 đối tượng"):
        generate_demo(commune_db, subjects=100)
    assert count(commune_db, Subject) == 1
    assert count(commune_db, Unit) == count(commune_db, Bloc) == count(commune_db, AwardRecord) == 0


def test_demo_twice_is_refused_and_adds_nothing(make_demo) -> None:
    db, _summary = make_demo(subjects=500, seed=2026, commune=True)  # the declared commune's demo, below
    before = snapshot(db)
    with pytest.raises(ConflictError):
        generate_demo(db, subjects=200)
    assert snapshot(db) == before


def test_a_declared_commune_is_kept_and_its_leaders_used(make_demo, migrated_data_dir, tmp_path) -> None:
    declared = open_database(migrated_data_dir(tmp_path / "declared", commune=True))  # as `commune_db`
    try:
        before = load_commune_profile(declared)
    finally:
        declared.close()
    commune_db, _summary = make_demo(subjects=500, seed=2026, commune=True)  # generate_demo(subjects=500)
    assert load_commune_profile(commune_db) == before
    with commune_db.read() as session:
        government = session.scalars(select(Unit).where(Unit.name == "UBND xã Hòa Bình")).one()
        assert government.head_name == "Nguyễn Văn Hùng"
        chairman = session.scalars(select(Subject).where(Subject.name == "Nguyễn Văn Hùng",
                                                         Subject.unit_id == government.id)).one()
        assert chairman.position == "Chủ tịch UBND xã"
        issuers = set(session.scalars(select(AwardRecord.issuer).distinct()))
    assert "Chủ tịch UBND xã Hòa Bình" in issuers


def test_a_commune_declared_without_signers_gets_the_demo_s_and_its_decisions_issued(tmp_path) -> None:
    """`sovang init --commune … --province …` names nobody who signs: the demo fills in its own leaders
    (keeping the commune), so its decisions are issued and not left as drafts for want of a signer."""
    folder = tmp_path / "data"
    assert main(["--data-dir", str(folder), "init", "--commune", "Tân Lập", "--province", "Phú Thọ"]) == 0
    db = open_database(folder)
    try:
        generate_demo(db, subjects=300, seed=7)
        profile = load_commune_profile(db)
        assert profile.commune.endswith("Tân Lập") and profile.chairman == DEMO_PROFILE.chairman
        assert profile.vice_chairmen == DEMO_PROFILE.vice_chairmen and profile.officer == DEMO_PROFILE.officer
        with db.read() as session:
            states = Counter(session.scalars(select(Decision.status)))
    finally:
        db.close()
    assert states[DecisionStatus.ISSUED] >= 2 and states[DecisionStatus.CANCELLED] == 1


def test_cstdcs_always_has_ldtt_the_same_year(make_demo) -> None:
    db, _summary = make_demo(subjects=3000, seed=1)
    with db.read() as session:
        awards = session.execute(
            select(AwardRecord.subject_id, AwardRecord.form_name, AwardRecord.year)).all()
    ldtt = {(a.subject_id, a.year) for a in awards if a.form_name == LDTT}
    cstdcs = [(a.subject_id, a.year) for a in awards if a.form_name == CSTDCS]
    assert len(cstdcs) > 20
    assert all(pair in ldtt for pair in cstdcs)
    assert len(set(cstdcs)) == len(cstdcs)


def test_award_history_is_realistic(make_demo) -> None:
    db, _summary = make_demo(subjects=3000, seed=1)
    with db.engine.connect() as conn:
        # the history section's records (the decisions section adds this year's, checked elsewhere)
        history = select(AwardRecord, Subject.kind).join(Subject).where(AwardRecord.decision_id.is_(None))
        awards = conn.execute(history).all()
        holds = conn.execute(select(HoldFlag)).all()
    forms = Counter(a.form_name for a in awards)
    assert {"Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Tập thể lao động tiên tiến", "Gia đình văn hóa",
            "Giấy khen", "Bằng khen"} <= set(forms)
    assert {a.kind for a in awards if a.form_name == "Gia đình văn hóa"} == {SubjectKind.HOUSEHOLD.value}
    assert {a.kind for a in awards if a.form_name == "Tập thể lao động tiên tiến"} == {
        SubjectKind.COLLECTIVE.value}
    assert {a.kind for a in awards if a.form_name == "Lao động tiên tiến"} == {SubjectKind.INDIVIDUAL.value}
    for award in awards:
        assert award.decision_date.year == award.year and award.decision_date <= TODAY
        number, symbol = award.decision_no.split("/", 1)
        assert number.isdigit() and symbol.startswith("QĐ-")
        assert award.issuer
    year_end = [a for a in awards if a.form_name == "Lao động tiên tiến"]
    assert all(a.decision_date.month == 12 for a in year_end)
    # One decision number per issuer and year means one date.
    dates = {}
    for award in awards:
        dates.setdefault((award.issuer, award.year, award.decision_no), set()).add(award.decision_date)
    assert all(len(d) == 1 for d in dates.values())
    # Holds: some active, some ended; disciplines have a level; nothing awarded in a year on hold.
    assert any(h.end_date is None for h in holds) and any(h.end_date is not None for h in holds)
    assert {h.kind for h in holds} == {"discipline", "investigation", "complaint"}
    assert all((h.discipline_level is not None) == (h.kind == "discipline") for h in holds)
    blocked = {(h.subject_id, year) for h in holds
               for year in range(h.start_date.year, (h.end_date or dt.date(2025, 12, 31)).year + 1)}
    assert not [a for a in awards if (a.subject_id, a.year) in blocked]


def test_check_database_is_ok_afterwards(make_demo) -> None:
    db, _summary = make_demo(subjects=1000, seed=9)  # the demo the form validation test reads
    report = check_database(db)
    assert report.ok, report.summary()


@pytest.mark.parametrize("subjects", [0, 1, 7, 40])
def test_tiny_demos_work(make_demo, subjects) -> None:
    db, summary = make_demo(subjects=subjects, seed=4)
    assert summary.subjects == count(db, Subject) == subjects
    assert summary.units > 20
    assert check_database(db).ok


def test_negative_count_is_refused(db) -> None:
    with pytest.raises(ValidationError):
        generate_demo(db, subjects=-1)
    assert count(db, Unit) == 0


def test_summary_describes_in_vietnamese() -> None:
    summary = DemoSummary(units=24, blocs=4, individuals=1600, collectives=240, households=160, awards=3120,
                          holds=12)
    assert summary.describe().startswith(
        "24 đơn vị, 4 khối thi đua, 2.000 đối tượng (1.600 cá nhân, 240 tập thể, 160 hộ gia đình), "
        "3.120 lượt khen thưởng")


def test_cli_demo_prints_the_summary(capsys, data_dir) -> None:
    assert main(["--data-dir", str(data_dir), "demo", "--subjects", "250", "--seed", "3"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Đã tạo dữ liệu mẫu: ")
    assert "250 đối tượng (200 cá nhân, 30 tập thể, 20 hộ gia đình)" in out
    assert main(["--data-dir", str(data_dir), "demo", "--subjects", "10"]) == 2
    assert "đã có 250 đối tượng" in capsys.readouterr().err
