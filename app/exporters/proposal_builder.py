"""The proposal to the chairman (Tờ trình đề nghị khen thưởng, Mẫu số 01 of ND 152/2025), with the same
attached list as the decision it asks for."""

from __future__ import annotations

from app.exporters import admin_parts as parts
from app.exporters.award_content import AwardContent, fill
from app.exporters.document import AdminDocument, Block, PageBreak, para
from app.rules.vntext import upper_first, vn_date


def build_proposal(content: AwardContent, proposal: dict) -> AdminDocument:
    """`content.proposal_number` / `proposal_on` are the proposal's own; `proposal` is its wording. The
    office issues it: the People's Committee above it is its parent body (the first issuer lines, not
    bold). The place line is the decision's, the same in every document."""
    values = content.places.values()
    year = content.places.year
    parents = len(proposal["issuer_lines"]) - 1
    place = content.wording.get("place", proposal.get("place", "{commune}"))
    blocks: list[Block] = [
        parts.header(proposal, values, content.proposal_number, content.proposal_on, year,
                     parent_lines=parents, place=place),
        *parts.title_lines("TỜ TRÌNH", f"Về việc đề nghị tặng {parts.award_phrase(content)}"),
        para(f"Kính gửi: {fill(proposal['addressee'], **values)}.", align=parts.CENTER, space_after=12),
        *parts.basis_paragraphs([fill(line, **values) for line in proposal["basis_lines"]]),
        para(_request(content, proposal), first_indent_mm=parts.INDENT_MM),
        *_council_paragraph(content),
        para(_closing_request(proposal, values), first_indent_mm=parts.INDENT_MM),
        parts.closing(proposal["recipients"], proposal["signer_lines"], proposal.get("signer_name", ""),
                      proposal.get("drafting_unit", "")),
        PageBreak(),
        *parts.annex_heading(_annex_title(content), _attached_to(content, proposal)),
        *parts.annex_tables(content),
    ]
    number = content.proposal_number
    title = f"Tờ trình số {number}" if number else "Dự thảo tờ trình đề nghị khen thưởng"
    return AdminDocument(title=title, blocks=tuple(blocks), author=values["commune"])


def _request(content: AwardContent, proposal: dict) -> str:
    body = fill(proposal["proposer_body"], **content.places.values())
    return (
        f"{body} đề nghị tặng {parts.award_phrase(content)} cho {parts.counts_phrase(content)} "
        f"(có danh sách kèm theo), {content.achievement}."
    )


def _closing_request(proposal: dict, values: dict[str, str]) -> str:
    body, addressee = fill(proposal["proposer_body"], **values), fill(proposal["addressee"], **values)
    return f"{body} kính trình {addressee} xem xét, quyết định./."


def _council_paragraph(content: AwardContent) -> list[Block]:
    if content.simplified:
        text = ("Thành tích đột xuất rõ ràng, đề nghị khen thưởng theo thủ tục đơn giản "
                "(Điều 85 Luật Thi đua, khen thưởng).")
    elif content.council_meeting_on:
        text = (f"Hội đồng Thi đua - Khen thưởng xã đã họp {vn_date(content.council_meeting_on)}, "
                "xét và thống nhất đề nghị.")
    else:
        return []
    return [para(text, first_indent_mm=parts.INDENT_MM)]


def _annex_title(content: AwardContent) -> str:
    kinds = parts.kinds_phrase(content)
    return f"{upper_first(kinds)} đề nghị tặng {parts.award_phrase(content)}"


def _attached_to(content: AwardContent, proposal: dict) -> str:
    number = content.proposal_number or f"{parts.BLANK}/{proposal['symbol']}"
    day = parts.date_text(content.proposal_on, content.places.year)
    body = fill(proposal["proposer_body"], **content.places.values())
    return f"Kèm theo Tờ trình số {number} {day} của {body}"
