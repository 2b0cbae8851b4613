"""Documents as files: the decision, its proposal and the achievement reports, in .docx and .pdf.

An issued decision (or proposal) is rendered from the document model frozen when it was issued, so it
reprints exactly; a draft is built from the live data. The state shows on the first page: a draft (a
decision or a proposal without its number yet) is marked "DỰ THẢO", a cancelled decision "ĐÃ HỦY" with the
day and the reason it was cancelled; the mark is added when the document is shown, never frozen into it.
Files are written whole or not at all.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from app.errors import ValidationError
from app.exporters.admin_parts import CANCELLED_MARK, DRAFT_MARK, marked
from app.exporters.document import AdminDocument
from app.exporters.proposal_builder import build_proposal
from app.exporters.report_builder import build_report
from app.models import Decision, DecisionStatus, DocumentType
from app.rules.vntext import vn_date
from app.services.decisions.content import award_content
from app.services.decisions.queries import get_decision_row
from app.services.nominations.report_content import report_content
from app.services.wording import read_wording
from app.storage.atomic import save_files
from app.storage.database import Database

FORMATS = ("docx", "pdf")


def decision_document(db: Database, decision_id: int) -> AdminDocument:
    from app.exporters.decision_builder import build_decision

    with db.read() as session:
        decision = get_decision_row(session, decision_id)
        if decision.content_json:
            issued = AdminDocument.from_json(decision.content_json)
            if decision.status is DecisionStatus.CANCELLED:
                return marked(issued, CANCELLED_MARK, cancel_note(decision))
            return issued
        return marked(build_decision(award_content(session, decision)), DRAFT_MARK)


def cancel_note(decision: Decision) -> str:
    """'(Hủy ngày 10 tháng 02 năm 2026: <the reason, with the reference of what cancelled it>)'."""
    day = f" {vn_date(decision.cancelled_on)}" if decision.cancelled_on else ""
    reason = " ".join(decision.cancel_reason.split()).rstrip(".")
    return f"(Hủy{day}: {reason})" if reason else f"(Hủy{day})"


def proposal_document(db: Database, decision_id: int) -> AdminDocument:
    with db.read() as session:
        decision = get_decision_row(session, decision_id)
        if decision.proposal_json:
            return AdminDocument.from_json(decision.proposal_json)
        wording = read_wording(session, DocumentType.PROPOSAL)
        proposal = build_proposal(award_content(session, decision), wording)
        return marked(proposal, DRAFT_MARK)


def report_document(db: Database, nomination_id: int) -> AdminDocument:
    with db.read() as session:
        return build_report(report_content(session, nomination_id))


def render(document: AdminDocument, fmt: str) -> bytes:
    if fmt == "docx":
        from app.exporters.docx_writer import render_docx

        return render_docx(document)
    if fmt == "pdf":
        from app.exporters.pdf_writer import render_pdf

        return render_pdf(document)
    raise ValidationError({"format": f"Định dạng “{fmt}”: chỉ có docx hoặc pdf."})


def save_document(document: AdminDocument, target: Path, formats: Iterable[str] = FORMATS) -> list[Path]:
    """Write the document beside itself in each format (target's suffix is replaced); all or nothing."""
    outputs = {target.with_suffix(f".{fmt}"): render(document, fmt) for fmt in formats}
    save_files(outputs)
    return list(outputs)


def file_stem(document: AdminDocument) -> str:
    """'Quyet dinh so 05-QD-UBND': a file name without diacritics or characters Windows refuses."""
    plain = unicodedata.normalize("NFD", document.title.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in plain if not unicodedata.combining(ch)).replace("/", "-")
    return re.sub(r"[^0-9A-Za-z .,_-]+", "", text).strip(" .")[:120] or "van-ban"
