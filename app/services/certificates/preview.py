"""For the layout editor and the preview: an issued decision's certificate texts, a layout's fit of one
text (live, with no database), and a PDF of chosen recipients in any layout (nothing recorded)."""

from __future__ import annotations

from app.exporters.certificates.check import plan_page, plan_pages
from app.exporters.certificates.content import CertificateText
from app.exporters.certificates.fit import FieldFit
from app.exporters.certificates.layout import Layout
from app.exporters.certificates.render import Offsets, render_pages
from app.services.certificates.calibration import offsets_of
from app.services.certificates.data import BatchCheck, FitNote
from app.services.certificates.emblem import emblem_image
from app.services.certificates.printing import chosen_texts, fit_notes, refuse_unprintable
from app.services.certificates.texts import certificate_texts_of, decision_number
from app.services.decisions.queries import get_decision_row
from app.storage.database import Database

__all__ = [
    "CertificateText", "FieldFit", "certificate_texts", "check_layout_text", "field_fits", "preview_pdf",
]


def certificate_texts(db: Database, decision_id: int) -> list[CertificateText]:
    """Each recipient's certificate text, in the decision's order (refused unless the decision is issued)."""
    with db.read() as session:
        return certificate_texts_of(session, get_decision_row(session, decision_id))


def field_fits(layout: Layout, text: CertificateText) -> dict[str, FieldFit]:
    """How each field of the layout sets this text (size, lines, shrunk, wrapped, fits)."""
    return {box.field: fit for box, fit in plan_page(layout, text).fits}


def check_layout_text(layout: Layout, text: CertificateText) -> list[FitNote]:
    """The fields that shrink or wrap, and those that cannot be printed (too long, a missing letter)."""
    return list(fit_notes([plan_page(layout, text)]))


def preview_pdf(db: Database, decision_id: int, layout: Layout, positions: tuple[int, ...] | None = None,
                printer_name: str = "") -> bytes:
    """The chosen recipients' certificates in this layout (even one not saved yet), as a PDF; nothing is
    recorded. Refused when a field cannot be printed."""
    with db.read() as session:
        decision = get_decision_row(session, decision_id)
        texts = chosen_texts(certificate_texts_of(session, decision), positions)
        pages = plan_pages((layout, text) for text in texts)
        offsets = offsets_of(session, printer_name) if printer_name else Offsets()
        number = decision_number(decision)
    refuse_unprintable(BatchCheck(decision_id, number, len(pages), (layout.name,), fit_notes(pages)))
    return render_pages(pages, offsets, emblem_image(db), f"Giấy khen — Quyết định số {number} (xem trước)")
