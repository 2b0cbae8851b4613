"""The wording of generated documents: settings per document type, with the national defaults.

Legal-basis lines, recipients, office names, signer titles, issuing-body lines and the achievement phrase
change with the law and the province, so they are data: shipped in resources/data/wording.json, edited in
the app, and copied into each issued decision (an old decision reprints as it was issued).

When a default is corrected, the earlier one is listed under "_superseded" in wording.json: a stored line
or value still equal to an earlier default is read as the corrected one (every time the wording is read, so
nothing is migrated and reading twice changes nothing); what the officer wrote is kept as written.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from app.errors import ValidationError, character_refusal, forbidden_character
from app.models import DocumentType, Setting
from app.resources import load_json
from app.rules.vntext import normalize_text
from app.services.settings import SettingVar, put_setting
from app.storage.database import Database

Wording = dict[str, Any]  # str values, or lists of str for the *_lines and recipients keys


@dataclass(frozen=True)
class WordingField:
    key: str
    label: str
    is_list: bool = False
    required: bool = True
    is_flag: bool = False  # a yes/no choice (a check box)


_DECISION_FIELDS = (
    WordingField("issuer_lines", "Tên cơ quan ban hành (mỗi dòng một dòng)", True),
    WordingField("symbol", "Ký hiệu quyết định"),
    WordingField("place", "Địa danh ghi trước ngày tháng (mọi văn bản: quyết định, tờ trình, báo cáo)"),
    WordingField("authority", "Thẩm quyền ban hành"),
    WordingField("basis_lines", "Căn cứ (mỗi căn cứ một dòng)", True),
    WordingField("council_basis", "Căn cứ biên bản họp Hội đồng"),
    WordingField("simplified_basis", "Căn cứ thủ tục đơn giản"),
    WordingField("proposer", "Người đề nghị (trong dòng “Theo đề nghị của …”)"),
    WordingField("fund", "Nguồn kinh phí khen thưởng"),
    WordingField("executors", "Người thi hành (Điều 3)"),
    WordingField("recipients", "Nơi nhận (mỗi nơi một dòng; dòng “Lưu: VT, …” văn bản tự thêm)", True),
    WordingField("drafting_unit", "Đơn vị soạn thảo, viết tắt (dòng “Lưu: VT, …”)", required=False),
    WordingField("chairman_lines", "Chức danh khi Chủ tịch ký", True),
    WordingField("vice_lines", "Chức danh khi Phó Chủ tịch ký thay", True),
    WordingField("achievement_year_end", "Thành tích — đợt tổng kết năm"),
    WordingField("achievement_quarter", "Thành tích — đợt theo quý"),
    WordingField("achievement_ad_hoc", "Thành tích — khen thưởng đột xuất"),
    WordingField("achievement_thematic", "Thành tích — khen thưởng chuyên đề"),
)
_PROPOSAL_FIELDS = (
    WordingField("issuer_lines", "Tên cơ quan trình (mỗi dòng một dòng)", True),
    WordingField("symbol", "Ký hiệu tờ trình"),
    WordingField("addressee", "Kính gửi"),
    WordingField("basis_lines", "Căn cứ (mỗi căn cứ một dòng)", True),
    WordingField("proposer_body", "Cơ quan trình"),
    WordingField("signer_lines", "Chức danh người ký", True),
    WordingField("signer_name", "Họ tên người ký tờ trình", required=False),
    WordingField("recipients", "Nơi nhận (mỗi nơi một dòng; dòng “Lưu: VT, …” văn bản tự thêm)", True),
    WordingField("drafting_unit", "Đơn vị soạn thảo, viết tắt (dòng “Lưu: VT, …”)", required=False),
)
_REPORT_FIELDS = (
    WordingField("individual_confirm", "Cá nhân — xác nhận"),
    WordingField("individual_author", "Cá nhân — người báo cáo"),
    WordingField("collective_confirm", "Tập thể — xác nhận"),
    WordingField("collective_author", "Tập thể — người báo cáo"),
    WordingField("household_confirm", "Hộ gia đình — xác nhận"),
    WordingField("household_author", "Hộ gia đình — người báo cáo"),
    WordingField("sign_note", "Ghi chú dưới chữ ký người báo cáo", required=False),
    WordingField("confirm_note", "Ghi chú dưới chữ ký xác nhận", required=False),
    WordingField("show_ethnicity", "Ghi dân tộc trong báo cáo của cá nhân (khi mẫu của tỉnh yêu cầu)",
                 required=False, is_flag=True),
)
WORDING_FIELDS: dict[DocumentType, tuple[WordingField, ...]] = {
    DocumentType.DECISION: _DECISION_FIELDS,
    DocumentType.PROPOSAL: _PROPOSAL_FIELDS,
    DocumentType.REPORT: _REPORT_FIELDS,
}
SYMBOL_PATTERN = re.compile(r"^[A-ZĐa-z0-9]+(-[A-ZĐa-z0-9]+)*$")


def _key(doc_type: DocumentType) -> str:
    return f"wording.{doc_type.value}"


def default_wording(doc_type: DocumentType) -> Wording:
    return dict(load_json("wording.json")[doc_type.value])


def load_wording(db: Database, doc_type: DocumentType) -> Wording:
    """The wording in force: the stored settings over the national defaults."""
    with db.read() as session:
        return read_wording(session, doc_type)


def read_wording(session, doc_type: DocumentType) -> Wording:
    row = session.get(Setting, _key(doc_type))
    stored = json.loads(row.value_json) if row is not None else {}
    return {**default_wording(doc_type), **upgraded(doc_type, stored)}


def upgraded(doc_type: DocumentType, stored: Wording) -> Wording:
    """The stored wording with every line or value that still equals an earlier default replaced by the
    corrected default (a line replaced by null is dropped; a value so replaced falls back to the default).
    Lines and values the officer wrote are kept as they are; applying it again changes nothing."""
    superseded = load_json("wording.json").get("_superseded", {}).get(doc_type.value, {})
    result = dict(stored)
    for key, replacements in superseded.items():
        table = {normalize_text(old): new for old, new in replacements.items()}
        value = result.get(key)
        if isinstance(value, list):
            lines = [table.get(normalize_text(str(line)), line) for line in value]
            result[key] = [line for line in lines if line is not None]
        elif isinstance(value, str) and normalize_text(value) in table:
            if table[normalize_text(value)] is None:
                del result[key]
            else:
                result[key] = table[normalize_text(value)]
    return result


def clean_wording(doc_type: DocumentType, values: Wording) -> Wording:
    """NFC text, blank list lines dropped, final ';' ',' '.' of list lines removed; ValidationError
    naming each empty required field or a malformed symbol."""
    clean: Wording = {}
    errors: dict[str, str] = {}
    for spec in WORDING_FIELDS[doc_type]:
        if spec.is_flag:
            clean[spec.key] = _flag(values.get(spec.key, False))
            continue
        value = values.get(spec.key, [] if spec.is_list else "")
        clean[spec.key] = _clean_list(value) if spec.is_list else normalize_text(str(value))
        if spec.key == "drafting_unit":  # "VP", written into "- Lưu: VT, VP."
            clean[spec.key] = clean[spec.key].strip(" ;,.")
        if spec.required and not clean[spec.key]:
            errors[spec.key] = f"{spec.label}: không được để trống."
        written = clean[spec.key]
        texts = [str(line) for line in written] if isinstance(written, list) else [str(written)]
        if (ch := next(filter(None, map(forbidden_character, texts)), None)) is not None:
            errors[spec.key] = f"{spec.label}: {character_refusal(ch)}, hãy xóa ký tự đó."
    if "symbol" in clean and clean["symbol"] and not SYMBOL_PATTERN.match(str(clean["symbol"])):
        errors["symbol"] = (
            "Ký hiệu: chỉ gồm chữ và số, các nhóm nối bằng “-”, không có dấu cách (ví dụ QĐ-UBND)."
        )
    if errors:
        raise ValidationError(errors)
    return clean


def _flag(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "có")
    return bool(value)


def _clean_list(value: Any) -> list[str]:
    items = value.splitlines() if isinstance(value, str) else list(value)
    lines = [normalize_text(str(item)).lstrip("-").strip().rstrip(";,.").strip() for item in items]
    return [line for line in lines if line]


def save_wording(db: Database, doc_type: DocumentType, values: Wording) -> Wording:
    clean = clean_wording(doc_type, values)
    with db.transaction() as session:
        put_setting(session, SettingVar(_key(doc_type), {}, ""), clean)
    return clean


def reset_wording(db: Database, doc_type: DocumentType) -> Wording:
    """Back to the national defaults (the stored settings are removed)."""
    with db.transaction() as session:
        row = session.get(Setting, _key(doc_type))
        if row is not None:
            session.delete(row)
    return default_wording(doc_type)
