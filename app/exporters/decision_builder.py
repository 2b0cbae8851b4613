"""The commendation decision of the commune chairman (Quyết định khen thưởng), built as a document model.

Layout follows Decree 30/2020 (Mẫu 1.2, the attached list by Mẫu 2.1); the wording comes from the
decision's wording settings. The chairman awards on his own authority: the signature is "CHỦ TỊCH" or
"KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", never "TM. ỦY BAN NHÂN DÂN".
"""

from __future__ import annotations

from app.exporters import admin_parts as parts
from app.exporters.award_content import KIND_WORDS, AwardContent, fill
from app.exporters.document import AdminDocument, Block, PageBreak, para
from app.rules.vntext import upper_first, vn_date, vn_money, vn_money_words


def build_decision(content: AwardContent) -> AdminDocument:
    wording, values = content.wording, content.places.values()
    year = content.places.year
    blocks: list[Block] = [
        parts.header(wording, values, content.number, content.issued_on, year),
        *parts.title_lines("QUYẾT ĐỊNH", subject_line(content)),
        para(fill(wording["authority"], **values), bold=True, align=parts.CENTER, keep_with_next=True),
        *parts.basis_paragraphs(basis_lines(content)),
        para("QUYẾT ĐỊNH:", bold=True, align=parts.CENTER, space_before=6, keep_with_next=True),
        parts.article("Điều 1.", article_1(content)),
        parts.article("Điều 2.", article_2(content)),
        parts.article("Điều 3.", article_3(content)),
        parts.closing(wording["recipients"], content.signer.lines, content.signer.name,
                      wording.get("drafting_unit", "")),
        PageBreak(),
        *parts.annex_heading(annex_title(content), attached_to(content)),
        *parts.annex_tables(content),
    ]
    title = f"Quyết định số {content.number}" if content.number else "Dự thảo quyết định khen thưởng"
    return AdminDocument(title=title, blocks=tuple(blocks), author=values["commune"])


def subject_line(content: AwardContent) -> str:
    plural = "các " if len(content.recipients) > 1 else ""
    return f"Về việc tặng {parts.award_phrase(content)} cho {plural}{parts.kinds_phrase(content)}"


def basis_lines(content: AwardContent) -> list[str]:
    wording, values = content.wording, content.places.values()
    lines = [fill(line, **values) for line in wording["basis_lines"]]
    if content.simplified:
        lines.append(fill(wording["simplified_basis"], **values))
    elif content.council_meeting_on:
        meeting = vn_date(content.council_meeting_on).removeprefix("ngày ")
        lines.append(fill(wording["council_basis"], meeting_date=meeting, **values))
    lines.append(proposal_line(content))
    return lines


def proposal_line(content: AwardContent) -> str:
    proposer = fill(content.wording["proposer"], **content.places.values())
    if not content.proposal_number:
        return f"Theo đề nghị của {proposer}"
    day = parts.date_text(content.proposal_on, content.places.year)
    return f"Theo đề nghị của {proposer} tại Tờ trình số {content.proposal_number} {day}"


def article_1(content: AwardContent) -> str:
    return (
        f"Tặng {parts.award_phrase(content)} cho {parts.counts_phrase(content)} "
        f"(có danh sách kèm theo), {content.achievement}."
    )


def article_2(content: AwardContent) -> str:
    paid = [kind for kind in content.kinds() if content.rewards.get(kind) and content.rewards[kind].amount]
    if not paid:
        return f"Hình thức khen thưởng tại Điều 1 không kèm theo tiền thưởng theo quy định của {_law()}."
    each = "; ".join(_reward_text(content, kind) for kind in paid)
    fund = fill(content.wording["fund"], **content.places.values())
    return (
        f"{upper_first(each)} (theo {_law()}). Tổng số tiền thưởng là {vn_money(content.total)} "
        f"({vn_money_words(content.total)}), chi từ {fund}."
    )


def _law() -> str:
    """A later citation gives type and number only: the basis lines cited the decree in full."""
    return "Nghị định số 152/2025/NĐ-CP"


def _reward_text(content: AwardContent, kind: str) -> str:
    reward = content.rewards[kind]
    return (
        f"mỗi {KIND_WORDS[kind]} được thưởng {reward.multiple} lần mức lương cơ sở, bằng "
        f"{vn_money(reward.amount)} ({vn_money_words(reward.amount)})"
    )


def article_3(content: AwardContent) -> str:
    executors = fill(content.wording["executors"], **content.places.values())
    return (
        f"Quyết định này có hiệu lực kể từ ngày ký. {executors} và các {parts.kinds_phrase(content)} "
        f"có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."
    )


def annex_title(content: AwardContent) -> str:
    kinds = parts.kinds_phrase(content)
    return f"{upper_first(kinds)} được tặng {parts.award_phrase(content)}"


def attached_to(content: AwardContent) -> str:
    number = content.number or f"{parts.BLANK}/{content.wording['symbol']}"
    day = parts.date_text(content.issued_on, content.places.year)
    commune = content.places.values()["commune_lower"]
    return f"Kèm theo Quyết định số {number} {day} của Chủ tịch UBND {commune}"
