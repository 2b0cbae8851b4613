"""Realistic, reproducible Vietnamese demo data, so that a new user sees every page filled.

`generate_demo` runs a list of sections (`SECTIONS`) inside one transaction. Each section gets its own
random generator derived from the seed and the section's name, so adding a section later never changes
the data of the sections before it. A later capability adds its demo records by appending a section
function that takes the `DemoContext` (units, fields, subjects already made) and counts what it adds in
`ctx.summary` (its own counter, or a phrase in `summary.extras`).
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import ConflictError, ValidationError
from app.models import Subject
from app.rules.vntext import vn_number
from app.services.commune import initialise_commune
from app.services.demo.audit_trail import record_bulk_rows, start_demo_trail
from app.services.demo.certificates import add_certificates
from app.services.demo.context import DemoContext, DemoSection, DemoSummary
from app.services.demo.council import add_council
from app.services.demo.decisions import add_decisions
from app.services.demo.exchange import add_exchange_presets
from app.services.demo.exemplars import add_movements_exemplars
from app.services.demo.history import add_history
from app.services.demo.members import add_members
from app.services.demo.people import PeopleMaker
from app.services.demo.rounds import add_rounds_nominations
from app.services.demo.subjects import add_subjects
from app.services.demo.units import add_units
from app.services.settings import CommuneProfile, load_commune_profile, save_commune_profile
from app.services.units import list_fields
from app.storage.database import Database

DEMO_PROFILE = CommuneProfile(
    commune="Xã Hòa Bình",
    province="Tỉnh Phú Thọ",
    chairman="Nguyễn Văn Hùng",
    vice_chairmen=["Trần Thị Lan", "Phạm Quang Vinh"],
    officer="Lê Thị Minh Huyền",
)
MAX_SUBJECTS = 1_000_000

__all__ = ["DEMO_PROFILE", "SECTIONS", "DemoContext", "DemoSummary", "generate_demo"]


# Later capabilities append (name, function) pairs here; the order is the order they run in.
SECTIONS: list[tuple[str, DemoSection]] = [
    ("units", add_units),
    ("subjects", add_subjects),
    ("history", add_history),
    ("members", add_members),
    ("trail_baseline", record_bulk_rows),  # the bulk rows above, in the audit trail
    ("movements_exemplars", add_movements_exemplars),
    ("rounds_nominations", add_rounds_nominations),
    ("council", add_council),  # the meetings that reviewed the nominations, before their decisions
    ("decisions", add_decisions),
    ("certificates", add_certificates),
    ("exchange", add_exchange_presets),
]


def _subject_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Subject)) or 0


def _refuse_if_not_empty(session: Session) -> None:
    existing = _subject_count(session)
    if existing:
        raise ConflictError(
            f"Không tạo dữ liệu mẫu: cơ sở dữ liệu đã có {vn_number(existing)} đối tượng. "
            "Dữ liệu mẫu chỉ được tạo trong một thư mục dữ liệu trống, để không lẫn vào dữ liệu thật; "
            "hãy chọn thư mục dữ liệu khác."
        )


def _with_demo_signers(profile: CommuneProfile) -> CommuneProfile:
    """A commune declared without the names of who signs (`sovang init --commune … --province …`) gets the
    demo's, so its decisions can be issued; the names it has are kept."""
    return replace(profile, chairman=profile.chairman or DEMO_PROFILE.chairman,
                   vice_chairmen=profile.vice_chairmen or list(DEMO_PROFILE.vice_chairmen),
                   officer=profile.officer or DEMO_PROFILE.officer)


def generate_demo(db: Database, subjects: int = 2000, seed: int = 2026) -> DemoSummary:
    """Fill an empty database with demo units, subjects and history; same seed, same data.

    Sets a demo commune profile when none is declared. Refused (ConflictError, nothing added) when the
    database already has subjects.
    """
    if not 0 <= subjects <= MAX_SUBJECTS:
        raise ValidationError({"subjects": f"Số đối tượng mẫu: phải từ 0 đến {vn_number(MAX_SUBJECTS)}."})
    with db.read() as session:
        _refuse_if_not_empty(session)
    profile = load_commune_profile(db)
    if not profile.commune:
        profile = initialise_commune(db, DEMO_PROFILE)
    elif not (profile.chairman and profile.vice_chairmen and profile.officer):
        profile = save_commune_profile(db, _with_demo_signers(profile))
    fields = {row.name: row.id for row in list_fields(db)}
    with db.transaction() as session:
        _refuse_if_not_empty(session)  # again, inside the one transaction that writes
        ctx = DemoContext(
            session=session, seed=seed, subject_count=subjects, profile=profile, fields=fields,
            people=PeopleMaker(),
            first_subject_id=(session.scalar(select(func.max(Subject.id))) or 0) + 1,
        )
        start_demo_trail(ctx)
        for _name, section in SECTIONS:
            section(ctx)
    return ctx.summary
