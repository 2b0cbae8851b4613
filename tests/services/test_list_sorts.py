"""Every list page's service sorts through its query (ORDER BY, never Python): for each column it offers,
the rows come back in that column's order in both directions, empty values last; a column it does not
offer is refused. Checked over a demo (every kind of record, varied), and every sort run on both backends."""

from __future__ import annotations

import datetime as dt

import pytest
from sort_checks import assert_sorted, label, name, rank, text
from sqlalchemy import func, select

from app.models import (
    AppUser,
    AwardForm,
    BlankEntry,
    BlankEntryKind,
    Certificate,
    CertificatePrint,
    CouncilMember,
    DecisionEntry,
    DocumentType,
    Exemplar,
    GoldenBookEntry,
    Meeting,
    Nomination,
    NominationStatus,
    PrinterCalibration,
    RegisterEntry,
    Round,
    Subject,
    SubjectKind,
    UserRole,
)
from app.services.accounts.manage import ACCOUNT_SORTS, list_accounts
from app.services.audit.queries import AUDIT_SORTS, AuditFilter, list_events
from app.services.catalogue.forms import AWARD_FORM_SORTS, list_award_forms
from app.services.certificates.blanks import BLANK_SORTS, blank_stock
from app.services.certificates.calibration import CALIBRATION_SORTS, list_calibrations
from app.services.certificates.register import (
    CERTIFICATE_SORTS,
    GOLDEN_BOOK_SORTS,
    PRINT_SORTS,
    list_certificates,
    list_golden_book,
    list_prints,
)
from app.services.council.meetings import MEETING_SORTS, list_meetings
from app.services.council.members import MEMBER_SORTS, ROLE_ORDER, list_council_members
from app.services.decisions.queries import list_decisions
from app.services.decisions.sorts import DECISION_SORTS
from app.services.exemplars.data import ExemplarQuery
from app.services.exemplars.search import EXEMPLAR_SORTS, search_exemplars
from app.services.movements.crud import MOVEMENT_SORTS, create_movement, list_movements, movement_overview
from app.services.movements.data import MovementInput
from app.services.movements.sorts import MOVEMENT_NOMINATION_SORTS
from app.services.rounds import ROUND_SORTS, list_rounds
from app.services.sorting import UnknownSort
from app.services.units import UNIT_SORTS, list_units

PASSED = (NominationStatus.PASSED, NominationStatus.DECIDED)


def _column(table, *columns):
    def read(db):
        with db.read() as session:
            rows = session.execute(select(table.id, *columns))
            return {row[0]: row[1] if len(row) == 2 else row[1:] for row in rows}
    return read


def _registered(db, doc_type):
    with db.read() as session:
        rows = session.execute(select(RegisterEntry.decision_id, RegisterEntry.year, RegisterEntry.number)
                               .where(RegisterEntry.doc_type == doc_type))
        return {decision_id: year * 100_000 + number for decision_id, year, number in rows}


def _golden_book_facts(db):
    with db.read() as session:
        rows = session.execute(
            select(GoldenBookEntry.id, GoldenBookEntry.scope, Subject.sort_key)
            .join(DecisionEntry, DecisionEntry.id == GoldenBookEntry.decision_entry_id)
            .join(Nomination, Nomination.id == DecisionEntry.nomination_id)
            .join(Subject, Subject.id == Nomination.subject_id))
        books = {book_id: ((len(scope), scope), sort_key) for book_id, scope, sort_key in rows}
    return books, _registered(db, DocumentType.DECISION)


def _busiest_movement(db) -> int:
    """The movement with the most exemplars and nominations (its page lists both)."""
    with db.read() as session:
        return session.scalar(select(Exemplar.movement_id).group_by(Exemplar.movement_id)
                              .order_by(func.count().desc()).limit(1))


def _overview(db, part: str, sort: str, descending: bool) -> list:
    movement_id = _busiest_movement(db)
    if movement_id is None:  # a database without exemplars: a movement of its own
        made = create_movement(db, MovementInput(name="Thi đua yêu nước", start_date=dt.date(2026, 1, 1)))
        movement_id = made.id
    overview = movement_overview(db, movement_id, **{part: (sort, descending)})
    return getattr(overview, part)


def _nomination_facts(db):
    with db.read() as session:
        rows = session.execute(select(Nomination.id, Subject.sort_key, AwardForm.sort_order)
                               .join(Subject, Subject.id == Nomination.subject_id)
                               .join(AwardForm, AwardForm.id == Nomination.award_form_id))
        return {nomination_id: (sort_key, order) for nomination_id, sort_key, order in rows}


def _certificate_facts(db):
    with db.read() as session:
        return dict(session.execute(
            select(Certificate.id, Subject.sort_key)
            .join(DecisionEntry, DecisionEntry.id == Certificate.decision_entry_id)
            .join(Nomination, Nomination.id == DecisionEntry.nomination_id)
            .join(Subject, Subject.id == Nomination.subject_id)).all())


def _kinds(row) -> int | None:
    applies = {kind.value for kind in row.kinds}
    code = sum(weight for kind, weight in (("individual", 4), ("collective", 2), ("household", 1))
               if kind not in applies)
    return None if code == 7 else code


# Per list: how to read it sorted, its sort names, and each column's order said in Python over its rows
# (`facts` are values the rows do not carry, read from the database once: key(row, facts)).
LISTS = {
    "units": (lambda db, **sort: list_units(db, **sort), UNIT_SORTS, lambda db: None, {
        "name": lambda r, _f: text(r.name), "kind": lambda r, _f: label(r.kind),
        "bloc_name": lambda r, _f: text(r.bloc_name), "head_name": lambda r, _f: name(r.head_name),
        "address": lambda r, _f: text(r.address), "subject_count": lambda r, _f: r.subject_count}),
    "movements": (lambda db, **sort: list_movements(db, **sort), MOVEMENT_SORTS, lambda db: None, {
        "name": lambda r, _f: text(r.name), "kind": lambda r, _f: label(r.kind),
        "launched_by": lambda r, _f: text(r.launched_by), "start_date": lambda r, _f: r.start_date,
        "field_name": lambda r, _f: text(r.field_name), "exemplar_count": lambda r, _f: r.exemplar_count}),
    "exemplars": (lambda db, **sort: search_exemplars(db, ExemplarQuery(**sort)), EXEMPLAR_SORTS,
                  _column(Subject, Subject.sort_key), {
        "subject_name": lambda r, f: f[r.subject_id], "subject_kind": lambda r, _f: label(r.subject_kind),
        "unit_name": lambda r, _f: text(r.unit_name), "movement_name": lambda r, _f: text(r.movement_name),
        "field_name": lambda r, _f: text(r.field_name), "introduced_on": lambda r, _f: r.introduced_on,
        "stage": lambda r, _f: rank(r.stage), "achievements": lambda r, _f: text(r.achievements)}),
    "rounds": (lambda db, **sort: list_rounds(db, **sort), ROUND_SORTS, lambda db: None, {
        "name": lambda r, _f: text(r.name), "kind": lambda r, _f: label(r.kind), "year": lambda r, _f: r.year,
        "quarter": lambda r, _f: r.quarter, "deadline": lambda r, _f: r.deadline,
        "status": lambda r, _f: rank(r.status), "nominations": lambda r, _f: r.nominations,
        "appraised": lambda r, _f: r.by_status.get(NominationStatus.APPRAISED, 0),
        "passed": lambda r, _f: sum(r.by_status.get(s, 0) for s in PASSED),
        "failed": lambda r, _f: r.by_status.get(NominationStatus.FAILED, 0)}),
    "award forms": (lambda db, **sort: list_award_forms(db, include_inactive=True, **sort), AWARD_FORM_SORTS,
                    _column(AwardForm, AwardForm.sort_order), {
        "order": lambda r, f: f[r.id], "kind": lambda r, _f: label(r.kind), "kinds": lambda r, _f: _kinds(r),
        "reward": lambda r, _f: next(iter(r.rewards.values()), None),
        "counts_toward_merit": lambda r, _f: 0 if r.counts_toward_merit else 1,
        "criteria_count": lambda r, _f: r.criteria_count, "active": lambda r, _f: 0 if r.active else 1}),
    "decisions": (lambda db, **sort: list_decisions(db, **sort), DECISION_SORTS,
                  lambda db: (_registered(db, DocumentType.DECISION), _registered(db, DocumentType.PROPOSAL),
                              _column(AwardForm, AwardForm.sort_order)(db)), {
        "number": lambda r, f: f[0].get(r.id), "issued_on": lambda r, _f: r.issued_on,
        "form_name": lambda r, f: f[2][r.award_form_id], "round_name": lambda r, _f: text(r.round_name),
        "recipients": lambda r, _f: sum(r.counts.values()), "total": lambda r, _f: r.total,
        "status": lambda r, _f: rank(r.status), "proposal_number": lambda r, f: f[1].get(r.id)}),
    "council members": (lambda db, **sort: list_council_members(db, **sort), MEMBER_SORTS, lambda db: None, {
        "name": lambda r, _f: name(r.name), "position": lambda r, _f: text(r.position),
        "role": lambda r, _f: ROLE_ORDER.index(r.role), "term": lambda r, _f: r.term_from,
        "serving": lambda r, _f: 0 if r.serving else 1}),
    "meetings": (lambda db, **sort: list_meetings(db, **sort), MEETING_SORTS, lambda db: None, {
        "held_on": lambda r, _f: r.held_on, "starts_at": lambda r, _f: r.starts_at,
        "place": lambda r, _f: text(r.place), "chair_name": lambda r, _f: name(r.chair_name),
        "status": lambda r, _f: rank(r.status), "members_present": lambda r, _f: r.members_present,
        "agenda_count": lambda r, _f: r.agenda_count}),
    "blanks": (lambda db, **sort: blank_stock(db, **sort).entries, BLANK_SORTS, lambda db: None, {
        "day": lambda r, _f: r.day, "kind": lambda r, _f: label(r.kind), "count": lambda r, _f: r.count,
        "serial_from": lambda r, _f: r.serial_from or None, "serial_to": lambda r, _f: r.serial_to or None,
        "recorded_by": lambda r, _f: name(r.recorded_by), "note": lambda r, _f: text(r.note)}),
    "golden book": (lambda db, **sort: list_golden_book(db, **sort), GOLDEN_BOOK_SORTS, _golden_book_facts, {
        "book": lambda r, f: f[0][r.id][0], "number": lambda r, _f: r.number,
        "recipient": lambda r, f: f[0][r.id][1], "kind": lambda r, _f: label(SubjectKind(r.kind)),
        "decision_number": lambda r, f: f[1].get(r.decision_id),
        "decision_date": lambda r, _f: r.decision_date,
        "certificates": lambda r, _f: r.certificates}),
    "calibrations": (lambda db, **sort: list_calibrations(db, **sort), CALIBRATION_SORTS, lambda db: None, {
        "printer_name": lambda r, _f: text(r.printer_name), "offset_x_mm": lambda r, _f: r.offset_x_mm,
        "offset_y_mm": lambda r, _f: r.offset_y_mm, "scale": lambda r, _f: r.scale,
        "measured_on": lambda r, _f: r.measured_on}),
    "audit trail": (lambda db, **sort: list_events(db, AuditFilter(), limit=None, **sort).rows, AUDIT_SORTS,
                    lambda db: None, {
        "at": lambda r, _f: r.at, "actor": lambda r, _f: r.actor or None,
        "action": lambda r, _f: label(r.action),
        "entity": lambda r, _f: text(r.entity_label), "entity_id": lambda r, _f: r.entity_id,
        "summary": lambda r, _f: r.summary or None}),
    "accounts": (lambda db, **sort: list_accounts(db, **sort), ACCOUNT_SORTS, lambda db: None, {
        "username": lambda r, _f: r.username, "full_name": lambda r, _f: name(r.full_name),
        "role": lambda r, _f: label(r.role), "active": lambda r, _f: 0 if r.active else 1,
        "last_login_at": lambda r, _f: r.last_login_at}),
    "a movement's exemplars": (lambda db, **sort: _overview(db, "exemplars", **sort), EXEMPLAR_SORTS,
                               _column(Subject, Subject.sort_key), {
        "subject_name": lambda r, f: f[r.subject_id], "subject_kind": lambda r, _f: label(r.subject_kind),
        "unit_name": lambda r, _f: text(r.unit_name), "movement_name": lambda r, _f: text(r.movement_name),
        "field_name": lambda r, _f: text(r.field_name), "introduced_on": lambda r, _f: r.introduced_on,
        "stage": lambda r, _f: rank(r.stage), "achievements": lambda r, _f: text(r.achievements)}),
    "a movement's nominations": (lambda db, **sort: _overview(db, "nominations", **sort),
                                 MOVEMENT_NOMINATION_SORTS, _nomination_facts, {
        "subject_name": lambda r, f: f[r.id][0], "award_name": lambda r, f: f[r.id][1],
        "round_name": lambda r, _f: text(r.round_name), "round_year": lambda r, _f: r.round_year,
        "unit_name": lambda r, _f: text(r.unit_name), "status": lambda r, _f: rank(r.status)}),
    "prints": (lambda db, **sort: list_prints(db, **sort), PRINT_SORTS, lambda db: None, {
        "printed_at": lambda r, _f: r.printed_at, "printed_by": lambda r, _f: r.printed_by or None,
        "recipients": lambda r, _f: r.recipients, "count": lambda r, _f: r.count,
        "reprints": lambda r, _f: r.reprints, "blank_form": lambda r, _f: 1 if r.blank_form else 0,
        "layout_name": lambda r, _f: r.layout_name or None,
        "printer_name": lambda r, _f: r.printer_name or None, "note": lambda r, _f: text(r.note)}),
    "certificates": (lambda db, **sort: list_certificates(db, **sort), CERTIFICATE_SORTS,
                     _certificate_facts, {
        "position": lambda r, _f: r.position, "recipient": lambda r, f: f[r.id],
        "golden_book_no": lambda r, _f: r.golden_book_no, "printed_at": lambda r, _f: r.printed_at,
        "on_blank": lambda r, _f: 0 if r.on_blank else 1,
        "state": lambda r, _f: 1 if r.spoiled else (2 if r.reprint_of_id else 0)}),
}
# One movement's lists: its exemplars share the movement (and here the field), its demo nominations one
# round, form and status; their order is still checked, and each differs in the lists above.
SAME_IN_ONE_MOVEMENT = {
    ("a movement's exemplars", "movement_name"), ("a movement's exemplars", "field_name"),
    ("a movement's nominations", "award_name"), ("a movement's nominations", "round_year"),
    ("a movement's nominations", "status")}
CASES = [(which, sort) for which, (_read, sorts, _facts, _keys) in LISTS.items() for sort in sorts]


@pytest.fixture(scope="module")
def demo(tmp_path_factory, demo_template):
    """The demo, with a few values it gives every record made different, so that each order shows."""
    from app.storage.database import open_database

    db = open_database(demo_template(300, 2026).copy_to(tmp_path_factory.mktemp("sorted-lists")))
    with db.transaction() as session:
        forms = session.scalars(select(AwardForm).order_by(AwardForm.id)).all()
        forms[0].active, forms[1].counts_toward_merit = False, False
        session.scalars(select(Round).where(Round.quarter.is_(None)).limit(1)).one().quarter = 1
        meeting = session.scalars(select(Meeting).order_by(Meeting.id).limit(1)).one()
        meeting.place = "Ấp Đông"
        meeting.chair = session.scalars(select(CouncilMember).where(CouncilMember.id != meeting.chair_id)
                                        .limit(1)).one()
        printed = session.scalars(select(CertificatePrint).order_by(CertificatePrint.id).limit(1)).one()
        printed.printed_by, printed.printer_name = "an (Nguyễn Văn An)", "Brother HL-L2321D"
        printed.blank_form, printed.note = not printed.blank_form, "Ấp Đông in bù"
        certificate = session.scalars(select(Certificate).order_by(Certificate.id).limit(1)).one()
        certificate.on_blank = not certificate.on_blank
        session.add_all([
            BlankEntry(kind=BlankEntryKind.RECEIVED, day=dt.date(2025, 3, 4), count=40, serial_from="000020",
                       serial_to="000059", recorded_by="Lê Thị Bình", note="Đợt bổ sung"),
            PrinterCalibration(printer_name="Canon LBP 2900", offset_x_mm=1.5, offset_y_mm=-0.8, scale=1.0,
                               measured_on=dt.date(2026, 3, 2)),
            PrinterCalibration(printer_name="Brother HL-L2321D", offset_x_mm=-0.5, offset_y_mm=0.6,
                               scale=0.995, measured_on=dt.date(2025, 11, 20)),
            PrinterCalibration(printer_name="Epson L3110", offset_x_mm=0.0, offset_y_mm=0.0, scale=1.0),
            AppUser(username="lan", full_name="Trần Thị Lan", role=UserRole.OFFICER, password_hash="-",
                    active=True, last_login_at=dt.datetime(2026, 11, 30, 8, 5)),
            AppUser(username="an", full_name="Nguyễn Văn An", role=UserRole.LEADER, password_hash="-",
                    active=False),
            AppUser(username="binh", full_name="Lê Thị Bình", role=UserRole.VIEWER, password_hash="-",
                    active=True, last_login_at=dt.datetime(2026, 10, 2, 14, 0))])
    yield db
    db.close()


def test_every_sort_has_its_order_said() -> None:
    for which, (_read, sorts, _facts, keys) in LISTS.items():
        assert set(keys) == set(sorts), which


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
@pytest.mark.parametrize(("which", "sort"), CASES)
def test_each_column_sorts_through_the_query(demo, which: str, sort: str, descending: bool) -> None:
    read, _sorts, facts_of, keys = LISTS[which]
    facts = facts_of(demo)
    rows = read(demo, sort=sort, descending=descending)
    assert len(rows) >= 2, f"the demo has too few {which}"
    assert_sorted(rows, lambda row: keys[sort](row, facts), descending,
                  varied=(which, sort) not in SAME_IN_ONE_MOVEMENT)


@pytest.mark.parametrize("which", LISTS)
def test_a_column_the_list_does_not_offer_is_refused(demo, which: str) -> None:
    read = LISTS[which][0]
    with pytest.raises(UnknownSort, match="no such sort"):
        read(demo, sort="password_hash; DROP TABLE subject", descending=False)


@pytest.mark.both_backends
@pytest.mark.parametrize("which", LISTS)
def test_every_sort_runs_on_both_backends(commune_db, which: str) -> None:
    """Each ORDER BY is valid SQL on SQLite and PostgreSQL (the demo runs on SQLite only)."""
    read, sorts, _facts, _keys = LISTS[which]
    for sort in sorts:
        for descending in (False, True):
            read(commune_db, sort=sort, descending=descending)


@pytest.mark.parametrize("words", ["", "nguyen"], ids=["every event", "searched"])
@pytest.mark.parametrize("sort", AUDIT_SORTS)
def test_the_trail_pages_in_any_order(demo, sort: str, words: str) -> None:
    """The audit page reads the trail a page at a time: the pages put together are the whole sorted list,
    with the free-text filter too (it reads past the rows it drops)."""
    flt = AuditFilter(text=words)
    for descending in (False, True):
        whole = [row.id for row in list_events(demo, flt, limit=None, sort=sort, descending=descending).rows]
        assert len(whole) > 40
        size = len(whole) // 5 + 1  # five or six pages
        shown, page = [], list_events(demo, flt, limit=size, sort=sort, descending=descending)
        while True:
            shown += [row.id for row in page.rows]
            if not page.more:
                break
            page = list_events(demo, flt, page.rows[-1], limit=size, sort=sort, descending=descending,
                               offset=page.offset)
        assert shown == whole


@pytest.mark.both_backends
def test_texts_and_names_sort_as_vietnamese_lists_do(commune_db) -> None:
    """By the Vietnamese alphabet (Ấ after A, Đ after D) and names by the given name, on SQLite (the
    app's sort keys) and on PostgreSQL (the sovang_vi collation of migration 0013)."""
    from app.services.units import UnitInput, create_unit

    units = (("Thôn Một", "Nguyễn Văn Đạt", "Xóm Đồng"), ("Thôn Hai", "Lê Thị Dung", "Xóm Dưới"),
             ("Thôn Ba", "Trần Ánh", "Ấp Một"), ("Thôn Bốn", "", "Bãi Giữa"))
    for unit, head, address in units:
        create_unit(commune_db, UnitInput(name=unit, head_name=head, address=address))
    mine = [row for row in list_units(commune_db, sort="head_name") if row.name.startswith("Thôn ")]
    assert [row.head_name for row in mine] == ["Trần Ánh", "Lê Thị Dung", "Nguyễn Văn Đạt", ""]
    mine = [row for row in list_units(commune_db, sort="address") if row.name.startswith("Thôn ")]
    assert [row.address for row in mine] == ["Ấp Một", "Bãi Giữa", "Xóm Dưới", "Xóm Đồng"]
    falling = list_units(commune_db, sort="address", descending=True)
    mine = [row for row in falling if row.name.startswith("Thôn ")]
    assert [row.address for row in mine] == ["Xóm Đồng", "Xóm Dưới", "Bãi Giữa", "Ấp Một"]


@pytest.mark.both_backends
def test_people_sharing_a_given_name_sort_by_middle_then_family_name(commune_db) -> None:
    """Given name, then middle names, then family name, the same on both backends (PostgreSQL once
    sorted by the given name and then the whole name, putting Nguyễn before Trần)."""
    from app.services.units import UnitInput, create_unit

    heads = ("Nguyễn Văn An", "Trần Thị An", "Lê Thị An", "Bùi An", "Đỗ Thị Bình")
    for number, head in enumerate(heads, start=1):
        create_unit(commune_db, UnitInput(name=f"Xóm {number}", head_name=head))
    mine = [row.head_name for row in list_units(commune_db, sort="head_name") if row.name.startswith("Xóm ")]
    assert mine == ["Bùi An", "Lê Thị An", "Trần Thị An", "Nguyễn Văn An", "Đỗ Thị Bình"]
