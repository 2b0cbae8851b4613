"""The award catalogue as a package (what the province distributes, or one laptop gives another) and
its import: verified first, then merged without duplicating.

The forms travel in the shape of resources/data/awards.json. Importing adds the forms whose code this
database does not have, and to a form it has, the criteria whose code it lacks; a form or criterion
already here is never changed (the officer may have edited it). Importing the same package again adds
nothing.

Each form carries its vote rule whole ("poll": method, base, percent, strict, and the exact "fraction",
"written_opinions", "council"). The three later keys are optional within schema version 1: a package
made before them imports with the defaults of awards.json (percent/100, no written opinions, council).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from app.errors import ServiceError
from app.models import AwardForm
from app.rules.vntext import vn_number
from app.services.catalogue.defaults import award_form_from_spec, criterion_from_spec
from app.services.exchange.package.common import data_header, read_origin, write_data_package
from app.services.exchange.package.schema import CATALOGUE
from app.services.exchange.package.verify import VerifiedPackage
from app.storage.database import Database


@dataclass(frozen=True)
class CatalogueImport:
    forms_added: list[str]  # codes
    criteria_added: int
    forms_kept: int  # already here, left as they are

    @property
    def changed(self) -> bool:
        return bool(self.forms_added or self.criteria_added)

    def summary(self) -> str:
        if not self.changed:
            return (f"Không có gì mới: {vn_number(self.forms_kept)} hình thức trong gói đã có sẵn, "
                    "không thay đổi.")
        codes = f" ({', '.join(self.forms_added)})" if self.forms_added else ""
        return (f"Đã nhập {vn_number(len(self.forms_added))} hình thức khen thưởng mới{codes} và "
                f"{vn_number(self.criteria_added)} tiêu chuẩn mới; {vn_number(self.forms_kept)} hình thức "
                "đã có được giữ nguyên.")


def form_spec(form: AwardForm) -> dict:
    """One form in the shape of awards.json."""
    rewards = (("individual", form.reward_individual), ("collective", form.reward_collective),
               ("household", form.reward_household))
    reward = {kind: value for kind, value in rewards if value is not None}
    criteria = []
    for item in form.criteria:
        spec: dict = {"code": item.code, "text": item.text}
        if item.source:
            spec["source"] = item.source
        if item.rule_code:
            spec["rule"] = item.rule_code
        if item.rule_params:
            spec["params"] = json.loads(item.rule_params)
        if item.any_of_group:
            spec["any_of"] = item.any_of_group
        if item.subject_kinds:
            spec["kinds"] = item.subject_kinds.split(",")
        if item.occupation_groups:
            spec["occupations"] = item.occupation_groups.split(",")
        criteria.append(spec)
    return {
        "code": form.code, "name": form.name, "short_name": form.short_name, "kind": form.kind.value,
        "reward": reward, "counts_toward_merit": form.counts_toward_merit,
        "poll": {"method": form.poll_method.value, "base": form.threshold_base.value,
                 "percent": form.threshold_percent, "strict": form.threshold_strict,
                 "fraction": [form.threshold_numerator, form.threshold_denominator],
                 "written_opinions": form.counts_written_opinions, "council": form.needs_council_vote},
        "legal_basis": form.legal_basis, "criteria": criteria,
    }


def _checked_rule(form: AwardForm) -> AwardForm:
    """A new form's vote rule as the catalogue's editor would accept it (ValueError otherwise)."""
    numerator, denominator = form.threshold_numerator, form.threshold_denominator
    whole = isinstance(numerator, int) and isinstance(denominator, int)
    if not (whole and 0 < numerator <= denominator <= 1000):
        raise ValueError(f"tỷ lệ đồng ý {numerator}/{denominator} của hình thức {form.code}")
    flags = (form.threshold_strict, form.counts_written_opinions, form.needs_council_vote)
    if not all(isinstance(flag, bool) for flag in flags):
        raise ValueError(f"quy tắc biểu quyết của hình thức {form.code}")
    return form


def make_catalogue_package(db: Database, out: Path, today: dt.date | None = None) -> Path:
    """The active award forms and their criteria as a package."""
    day = today or dt.date.today()
    with db.read() as session:
        origin = read_origin(session)
        forms = session.scalars(select(AwardForm).where(AwardForm.active).order_by(AwardForm.sort_order,
                                                                                  AwardForm.id))
        specs = [form_spec(form) for form in forms]
    data = {**data_header(origin, CATALOGUE, "Danh mục hình thức khen thưởng và tiêu chuẩn", day),
            "forms": specs}
    return write_data_package(out, f"{origin.code}_{day.year}_danh-muc-khen-thuong", origin, data,
                              f"Danh mục khen thưởng: {len(specs)} hình thức", day)


def import_catalogue(db: Database, package: VerifiedPackage) -> CatalogueImport:
    """Merge a verified catalogue package into the database (one transaction)."""
    data, path = package.check.data, package.check.path
    if data.get("content") != CATALOGUE or not isinstance(data.get("forms"), list):
        raise ServiceError(f"Gói “{path.name}” không chứa danh mục khen thưởng.")
    added: list[str] = []
    criteria_added = kept = 0
    try:
        with db.transaction() as session:
            existing = {form.code: form for form in session.scalars(select(AwardForm))}
            order = (session.scalar(select(func.max(AwardForm.sort_order))) or 0) + 1
            for spec in data["forms"]:
                form = existing.get(spec["code"])
                if form is None:
                    session.add(_checked_rule(award_form_from_spec(spec, order)))
                    added.append(spec["code"])
                    order += 1
                    continue
                kept += 1
                have = {item.code for item in form.criteria}
                position = len(form.criteria)
                for item in spec.get("criteria", []):
                    if item["code"] not in have:
                        form.criteria.append(criterion_from_spec(item, position))
                        position += 1
                        criteria_added += 1
    except (KeyError, TypeError, ValueError) as exc:
        raise ServiceError(f"Danh mục trong gói “{path.name}” sai cấu trúc ({exc}): không nhập gì.") from exc
    return CatalogueImport(added, criteria_added, kept)
