"""`sovang package`: the upload package of an issued decision, of a round or of a year, as a BagIt bag
in one zip.

`data/` holds every document as .docx and .pdf, rendered as `sovang decision render` renders them: the
decision, its proposal, and the recipients' achievement reports (one file per decision, each report from
a new page); the recipients' list (.xlsx), the same data as JSON with its schema version, and a
Frictionless `datapackage.json` describing the JSON and the list. `bag-info.txt` names the commune, the
province, the documents' numbers and dates, the app version and the audit trail's head (its event count
and last hash: `sovang check-db --against PACKAGE.zip` compares it with the live trail). The zip is
written whole or not at all.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from app.exporters.document import AdminDocument, Block, PageBreak
from app.rules.vntext import vn_short_date
from app.services.decisions.documents import decision_document, proposal_document, render, report_document
from app.services.exchange.package.bag import bag_zip, sha256
from app.services.exchange.package.common import (
    Origin,
    data_header,
    origin_fields,
    read_origin,
    version_fields,
)
from app.services.exchange.package.content import decision_for_package, round_for_package, year_for_package
from app.services.exchange.package.lists import LIST_FIELDS, decision_lists
from app.services.exchange.package.names import decision_stem, document_code, safe_name
from app.services.exchange.package.schema import (
    DATA_SUFFIX,
    DATAPACKAGE,
    DECISION,
    ROUND,
    SCHEMA,
    SCHEMA_VERSION,
    YEAR,
)
from app.storage.atomic import save_files
from app.storage.database import Database

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class PackageSummary:
    path: Path
    bag_name: str
    files: int  # payload files under data/
    decisions: int
    size: int  # bytes of the zip


def make_package(db: Database, out: Path, *, decision_id: int | None = None, round_id: int | None = None,
                 year: int | None = None, today: dt.date | None = None) -> PackageSummary:
    """The package of one issued decision, of a round's or of a year's issued decisions, written to `out`."""
    day = today or dt.date.today()
    with db.read() as session:
        origin = read_origin(session)
        code = origin.code
        if year is not None:
            decisions = year_for_package(session, year)
            kind, title, root = YEAR, f"Các quyết định khen thưởng năm {year}", f"{code}_{year}_NAM"
        elif round_id is not None:
            round_, decisions = round_for_package(session, round_id)
            kind, year, title = ROUND, round_.year, f"Đợt xét “{round_.name}”"
            root = f"{code}_{year}_DOT-{round_id:03d}"
        else:
            if decision_id is None:
                raise ValueError("a decision or a round")
            decisions = [decision_for_package(session, decision_id)]
            kind, year = DECISION, decisions[0]["round"]["year"]
            title = f"Quyết định số {decisions[0]['number']}"
            root = f"{code}_{year}_{document_code(decisions[0]['number'])}"
        lists = decision_lists(session, root, decisions)
    payload, documents = _documents(db, root, decisions)
    data = {**data_header(origin, kind, title, day), "documents": documents, "decisions": decisions}
    data_name = f"{root}{DATA_SUFFIX}"
    payload.update(lists)
    payload[data_name] = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    payload[DATAPACKAGE] = _datapackage(root, title, payload, data_name, list(lists))
    content = bag_zip(root, payload, _bag_info(origin, title, decisions, day), bagging_date=day)
    target = out.expanduser()
    save_files({target: content})
    return PackageSummary(target, root, len(payload), len(decisions), len(content))


def _documents(db: Database, root: str, decisions: list[dict]) -> tuple[dict[str, bytes], list[dict]]:
    payload: dict[str, bytes] = {}
    listed: list[dict] = []

    def add(stem: str, document: AdminDocument, kind: str, number: str, day: str | None) -> None:
        files = []
        for fmt in ("docx", "pdf"):
            name = safe_name(f"{stem}.{fmt}")
            payload[name] = render(document, fmt)
            files.append(name)
        listed.append({"kind": kind, "title": document.title, "number": number, "date": day, "files": files})

    for decision in decisions:
        stem = decision_stem(root, decision["number"])
        add(f"{stem}_1-quyet-dinh", decision_document(db, decision["id"]), "decision", decision["number"],
            decision["issued_on"])
        proposal = decision["proposal"]
        if proposal["number"]:
            add(f"{stem}_2-to-trinh-{document_code(proposal['number'])}",
                proposal_document(db, decision["id"]), "proposal", proposal["number"], proposal["issued_on"])
        if decision["recipients"]:
            add(f"{stem}_3-bao-cao-thanh-tich", _reports(db, decision), "reports", "", None)
    return payload, listed


def _reports(db: Database, decision: dict) -> AdminDocument:
    """Every recipient's achievement report in one document, each from a new page, in the list's order
    (one file per decision: quicker to render, and the province files them with the decision)."""
    blocks: list[Block] = []
    for recipient in decision["recipients"]:
        report = report_document(db, recipient["nomination_id"])
        blocks += [PageBreak(), *report.blocks] if blocks else list(report.blocks)
    return AdminDocument(title=f"Báo cáo thành tích kèm Quyết định số {decision['number']}",
                         blocks=tuple(blocks), author=decision["signer"])


def _bag_info(origin: Origin, title: str, decisions: list[dict], day: dt.date) -> list[tuple[str, str]]:
    fields = origin_fields(origin, f"Hồ sơ khen thưởng gửi tỉnh: {title}")
    for decision in decisions:
        fields.append(("Sovang-Decision", f"{decision['number']} ngày {_day(decision['issued_on'])}"))
        if decision["proposal"]["number"]:
            proposal = decision["proposal"]
            fields.append(("Sovang-Proposal", f"{proposal['number']} ngày {_day(proposal['issued_on'])}"))
    return [*fields, *version_fields(origin, day)]


def _day(iso: str | None) -> str:
    return vn_short_date(dt.date.fromisoformat(iso)) if iso else ""


def _datapackage(root: str, title: str, payload: dict[str, bytes], data_name: str,
                 list_names: list[str]) -> bytes:
    """Frictionless Data Package: the JSON data and the Excel lists, with the lists' table schema."""
    resources = [
        {"name": "du-lieu", "path": data_name, "format": "json", "mediatype": "application/json",
         "encoding": "utf-8", "bytes": len(payload[data_name]),
         "hash": f"sha256:{sha256(payload[data_name])}",
         "description": f"Dữ liệu của gói ({SCHEMA}, phiên bản lược đồ {SCHEMA_VERSION})"},
        *({"name": name.removesuffix(".xlsx").lower().replace("_", "-"), "path": name, "format": "xlsx",
           "mediatype": XLSX_TYPE, "profile": "tabular-data-resource", "bytes": len(payload[name]),
           "hash": f"sha256:{sha256(payload[name])}", "schema": {"fields": LIST_FIELDS},
           "description": "Danh sách được khen thưởng kèm quyết định"} for name in list_names),
    ]
    package = {"profile": "data-package", "name": root.lower().replace("_", "-"), "title": title,
               "version": str(SCHEMA_VERSION), "resources": resources}
    return json.dumps(package, ensure_ascii=False, indent=1).encode("utf-8")
