"""The papers of a council meeting as .docx and .pdf: the blank ballots, the vote-count record and the
minutes, all made from the meeting as the database holds it (one MeetingView, read once).

An open meeting's vote-count record and minutes are marked DỰ THẢO (they may still change); the ballots
print the same either way, to be handed out before the vote.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from app.errors import ValidationError
from app.exporters import admin_parts as parts
from app.exporters.award_content import Places
from app.exporters.council_papers import (
    PaperCounts,
    PaperItem,
    PaperMeeting,
    build_ballots,
    build_count_record,
    build_minutes,
)
from app.exporters.document import AdminDocument
from app.models import AttendanceStatus, DocumentType, PollMethod
from app.rules.council import percent_text
from app.rules.vntext import lower_first
from app.services.council.common import get_meeting_row
from app.services.council.data import AgendaItemView, AttendanceView, MeetingView, PollView
from app.services.council.views import meeting_view
from app.services.decisions.documents import render
from app.services.settings import read_commune_profile
from app.services.wording import read_wording
from app.storage.atomic import save_files
from app.storage.database import Database

COUNCIL_LINES = ("HỘI ĐỒNG THI ĐUA -", "KHEN THƯỞNG")  # one line is wider than the issuer column
SYMBOL = "BB-HĐTĐKT"
# the paper's key, its builder and the file name's words (sortable, no diacritics: safe on Windows)
PAPERS = {
    "phieu-bau": (build_ballots, "Phieu bau"),
    "kiem-phieu": (build_count_record, "Bien ban kiem phieu"),
    "bien-ban": (build_minutes, "Bien ban hop Hoi dong TDKT"),
}
FORMATS = ("docx", "pdf")


@dataclass(frozen=True)
class MeetingPaper:
    kind: str  # a key of PAPERS
    document: AdminDocument
    file_stem: str  # "2026-11-18 Bien ban hop Hoi dong TDKT"


def meeting_papers(db: Database, meeting_id: int,
                   kinds: tuple[str, ...] = tuple(PAPERS)) -> list[MeetingPaper]:
    """The meeting's papers as document models (to preview or to save), in the order asked."""
    unknown = [kind for kind in kinds if kind not in PAPERS]
    if unknown:
        raise ValidationError({"kinds": f"Không có loại giấy tờ “{unknown[0]}”; chọn: {', '.join(PAPERS)}."})
    with db.read() as session:
        view = meeting_view(session, get_meeting_row(session, meeting_id))
        paper = paper_meeting(view, _places(session, view), read_wording(session, DocumentType.DECISION))
    stem = view.held_on.isoformat()
    return [MeetingPaper(kind, PAPERS[kind][0](paper), f"{stem} {PAPERS[kind][1]}") for kind in kinds]


def save_meeting_papers(db: Database, meeting_id: int, out_dir: Path,
                        kinds: tuple[str, ...] = tuple(PAPERS)) -> list[Path]:
    """Every paper asked for, as .docx and .pdf in `out_dir`; all the files are written or none."""
    folder = out_dir.expanduser()
    if folder.exists() and not folder.is_dir():
        raise ValidationError({"out": f"“{folder}” là một tệp, không phải thư mục."})
    outputs = {folder / f"{paper.file_stem}.{fmt}": render(paper.document, fmt)
               for paper in meeting_papers(db, meeting_id, kinds) for fmt in FORMATS}
    folder.mkdir(parents=True, exist_ok=True)
    save_files(outputs)
    return list(outputs)


def _places(session, view: MeetingView) -> dict[str, str]:
    profile = read_commune_profile(session)
    return Places(commune=profile.commune, province=profile.province, year=view.held_on.year).values()


def paper_meeting(view: MeetingView, values: dict[str, str], wording: dict) -> PaperMeeting:
    """What the papers print, from the meeting as read."""
    issuer = [*wording["issuer_lines"], *COUNCIL_LINES]
    header = parts.header({**wording, "issuer_lines": issuer, "symbol": SYMBOL}, values, "", view.held_on,
                          view.held_on.year, parent_lines=len(issuer) - len(COUNCIL_LINES))
    roles = {member.member_id: member.role_label for member in view.members}
    by_status = {status: tuple(_member_line(m) for m in view.members if m.status is status)
                 for status in AttendanceStatus}
    return PaperMeeting(
        header=header,
        council_name=f"Hội đồng Thi đua - Khen thưởng {lower_first(values['commune'])}",
        date_text=view.date_text, time_text=view.time_text, place=view.place,
        chair=_person(view.chair_name, view.chair_position), chair_name=view.chair_name,
        secretary=_person(view.secretary_name, view.secretary_position), secretary_name=view.secretary_name,
        present=by_status[AttendanceStatus.PRESENT],
        absent_with_opinion=by_status[AttendanceStatus.ABSENT_WITH_OPINION],
        absent=by_status[AttendanceStatus.ABSENT],
        quorum_text=view.quorum.text, override_reason=view.quorum_override_reason,
        ballot_counters=view.ballot_counters,
        items=tuple(_item(item, roles) for item in view.agenda),
        closing_time_text=view.closing_time_text,
        ballot_copies=view.quorum.total, closed=view.closed,
    )


def _member_line(member: AttendanceView) -> str:
    return f"{_person(member.name, member.position)} — {member.role_label} Hội đồng"


def _person(name: str, position: str) -> str:
    return f"{name}, {position}" if name and position else name


def _item(item: AgendaItemView, roles: dict[int, str]) -> PaperItem:
    poll = item.poll
    voted = poll is not None and poll.closed and not poll.counts_hidden
    return PaperItem(
        number=item.position, nominee=item.nominee_name, unit=item.unit_name, form_name=item.form_name,
        method_label=poll.method_label if poll else item.method.label,
        secret=(poll.method if poll else item.method) is PollMethod.SECRET_BALLOT,
        needed_text=item.needed_text,
        counts=_counts(poll) if voted and poll else None,
        opinions=tuple(f"{o.member_name} ({roles.get(o.member_id, 'thành viên')}): {o.choice_label}"
                       for o in item.opinions),
        opinions_counted=bool(poll and poll.opinions_counted),
        share_text=_share(poll) if voted and poll else "",
        result_text=poll.result_text if voted and poll else "",
        passed=poll.passed if voted and poll else None,
    )


def _counts(poll: PollView) -> PaperCounts:
    return PaperCounts(ballots_issued=poll.ballots_issued, ballots_returned=poll.ballots_returned,
                       ballots_valid=poll.ballots_valid, ballots_invalid=poll.ballots_invalid,
                       yes_votes=poll.yes_votes or 0, no_votes=poll.no_votes or 0)


def _share(poll: PollView) -> str:
    if poll.agree is None or not poll.base:
        return ""
    return percent_text(Fraction(poll.agree, poll.base))
