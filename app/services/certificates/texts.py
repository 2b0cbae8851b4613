"""What each certificate of an issued decision says, from what the decision froze when it was issued:
the list's names, descriptions and golden-book numbers, the wording (authority line, place, signer's
title), the number and day. A draft prints nothing (its list may still change), nor does a cancelled
decision (its awards were withdrawn); both are refused with the reason.
"""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from app.errors import ConflictError
from app.exporters.award_content import Places, fill
from app.exporters.certificates.content import CertificateText
from app.models import AwardKind, Decision, DecisionStatus, DocumentType
from app.rules.vntext import normalize_text, upper_first, vn_date, vn_short_date
from app.services.decisions.content import signer_lines
from app.services.settings import read_commune_profile
from app.services.wording import read_wording

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def require_issued(decision: Decision) -> None:
    """Refuse a draft or a cancelled decision, saying why and what to do."""
    if decision.status is DecisionStatus.DRAFT:
        raise ConflictError(
            f"Quyết định mã {decision.id} còn là dự thảo: chỉ in giấy khen cho quyết định đã ban hành "
            "(đã có số và ngày). Hãy ban hành quyết định trước."
        )
    if decision.status is DecisionStatus.CANCELLED:
        entry = decision.registered(DocumentType.DECISION)
        label = f"số {entry.label}" if entry else f"mã {decision.id}"
        day = f" ngày {vn_short_date(decision.cancelled_on)}" if decision.cancelled_on else ""
        raise ConflictError(f"Quyết định {label} đã bị hủy{day}: không in giấy khen của quyết định đã hủy.")


def decision_number(decision: Decision) -> str:
    entry = decision.registered(DocumentType.DECISION)
    return entry.label if entry else ""


def shared_values(session: Session, decision: Decision) -> dict[str, str]:
    """The fields every certificate of the decision shares."""
    wording = json.loads(decision.wording_json) if decision.wording_json else read_wording(
        session, DocumentType.DECISION)
    profile = read_commune_profile(session)
    entry = decision.registered(DocumentType.DECISION)
    year = entry.year if entry else decision.round.year
    values = Places(commune=profile.commune, province=profile.province, year=year).values()
    form = decision.award_form
    is_title = form.kind is AwardKind.TITLE
    issued = decision.issued_on
    return {
        "national_name": NATIONAL_NAME,
        "motto": MOTTO,
        "authority": fill(wording["authority"], **values),
        "award_verb": "TẶNG DANH HIỆU" if is_title else "TẶNG",
        "award_name": normalize_text(form.name).upper(),
        "achievement": upper_first(normalize_text(decision.achievement).rstrip(".")),
        "decision_ref": f"{decision_number(decision)} ngày {vn_short_date(issued)}" if issued else "",
        "place_date": f"{fill(wording['place'], **values)}, {vn_date(issued)}" if issued else "",
        "signer_title": "\n".join(signer_lines(wording, decision.signer_role)),
        "signer_name": normalize_text(decision.signer_name),
    }


def certificate_texts_of(session: Session, decision: Decision) -> list[CertificateText]:
    """One CertificateText per recipient, in the decision's order (refused unless issued)."""
    require_issued(decision)
    shared = shared_values(session, decision)
    texts = []
    for entry in decision.entries:
        number = entry.golden_book_no
        values = {
            **shared,
            "recipient_name": normalize_text(entry.name),
            "recipient_detail": normalize_text(entry.description),
            "golden_book": str(number) if number is not None else "",
        }
        texts.append(CertificateText(position=entry.position, recipient=normalize_text(entry.name),
                                     kind=entry.nomination.subject.kind.value, golden_book_no=number,
                                     values=values, decision_entry_id=entry.id))
    return texts
