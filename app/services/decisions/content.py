"""From the database to what a draft decision says: its recipients in official order, rewards, signer,
wording. Everything is read live (the nominations, the profile, the wording settings, the base salary);
once the decision is issued its document model is frozen and this is no longer used for it.
"""

from __future__ import annotations

from app.exporters.award_content import AwardContent, ListedRecipient, Places, Reward, Signer, fill
from app.models import (
    AwardForm,
    AwardKind,
    Decision,
    DecisionBasis,
    DocumentType,
    Nomination,
    Round,
    SignerRole,
    SubjectKind,
)
from app.rules.duty import roman_quarter
from app.rules.vntext import fold, lower_first, name_sort_key, text_sort_key
from app.services.catalogue.forms import reward_amount, reward_multiple
from app.services.settings import BASE_SALARY, read_commune_profile, read_setting
from app.services.wording import read_wording

KIND_RANK = {SubjectKind.COLLECTIVE: 0, SubjectKind.INDIVIDUAL: 1, SubjectKind.HOUSEHOLD: 2}


def official_order(nominations: list[Nomination]) -> list[Nomination]:
    """Collectives, then individuals, then households; within a kind by unit, then by name (given name
    first for people, as official lists sort)."""
    def key(nomination: Nomination) -> tuple:
        subject = nomination.subject
        unit = subject.unit.sort_key if subject.unit else "\uffff"
        name = name_sort_key(subject.name) if subject.kind is SubjectKind.INDIVIDUAL else text_sort_key(
            subject.name)
        return KIND_RANK[subject.kind], unit, name, nomination.id

    return sorted(nominations, key=key)


def describe(nomination: Nomination) -> str:
    """The list's second column: position and workplace, a collective's parent body, an address."""
    subject, report = nomination.subject, nomination.report
    unit = subject.unit.name if subject.unit else ""
    if subject.kind is SubjectKind.HOUSEHOLD:
        return subject.address or unit
    if subject.kind is SubjectKind.COLLECTIVE:
        return (report.workplace if report and report.workplace else "") or subject.parent_body or unit
    position = (report.position if report and report.position else "") or subject.position
    workplace = (report.workplace if report and report.workplace else "") or unit
    return ", ".join(part for part in (position, workplace) if part)


def amount_for(form: AwardForm, kind: SubjectKind, base_salary: int) -> int:
    hundredths = form.reward_for(kind)
    return reward_amount(hundredths, base_salary) if hundredths else 0


def rewards(form: AwardForm, base_salary: int) -> dict[str, Reward]:
    result = {}
    for kind in SubjectKind:
        hundredths = form.reward_for(kind)
        if hundredths:
            result[kind.value] = Reward(reward_multiple(hundredths), reward_amount(hundredths, base_salary))
    return result


_ROUND_PREFIXES = ("khen thuong dot xuat thanh tich ", "khen thuong dot xuat ", "khen thuong chuyen de ",
                   "khen thuong ")


def round_purpose(round_name: str) -> str:
    """'Khen thưởng đột xuất thành tích phòng, chống lũ' -> 'phòng, chống lũ': the round's name without
    the words the achievement phrase already says."""
    folded = fold(round_name)
    for prefix in _ROUND_PREFIXES:
        if folded.startswith(prefix):
            round_name = round_name[len(prefix):]
            break
    return lower_first(round_name)


def default_achievement(wording: dict, round_: Round) -> str:
    template = wording.get(f"achievement_{round_.kind.value}", "")
    return fill(template, year=str(round_.year), round=round_purpose(round_.name),
                quarter=roman_quarter(round_.quarter))


def signer_lines(wording: dict, role: SignerRole) -> tuple[str, ...]:
    return tuple(wording["chairman_lines"] if role is SignerRole.CHAIRMAN else wording["vice_lines"])


def live_recipients(decision: Decision, base_salary: int) -> tuple[ListedRecipient, ...]:
    nominations = official_order([entry.nomination for entry in decision.entries])
    return tuple(
        ListedRecipient(kind=n.subject.kind.value, name=n.subject.name, description=describe(n),
                        amount=amount_for(decision.award_form, n.subject.kind, base_salary))
        for n in nominations
    )


def award_content(session, decision: Decision) -> AwardContent:
    """What the draft says now, with the register entries it already has."""
    profile = read_commune_profile(session)
    wording = read_wording(session, DocumentType.DECISION)
    base_salary = read_setting(session, BASE_SALARY)
    number_entry = decision.registered(DocumentType.DECISION)
    proposal_entry = decision.registered(DocumentType.PROPOSAL)
    year = number_entry.year if number_entry else decision.round.year
    return AwardContent(
        wording=wording,
        places=Places(commune=profile.commune, province=profile.province, year=year),
        form_name=decision.award_form.name,
        is_title=decision.award_form.kind is AwardKind.TITLE,
        achievement=decision.achievement,
        recipients=live_recipients(decision, base_salary),
        rewards=rewards(decision.award_form, base_salary),
        number=number_entry.label if number_entry else "",
        issued_on=decision.issued_on,
        signer=Signer(signer_lines(wording, decision.signer_role), decision.signer_name),
        simplified=decision.basis is DecisionBasis.SIMPLIFIED,
        council_meeting_on=decision.council_meeting_on,
        proposal_number=proposal_entry.label if proposal_entry else "",
        proposal_on=proposal_entry.issued_on if proposal_entry else None,
    )
