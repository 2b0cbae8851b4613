"""`sovang report NAME --year Y [--quarter Q] --out PATH`: the periodic reports, as .docx and .pdf
through the document model and as .xlsx, chosen by the file's suffix; written whole or not at all.

- `quy` (quarterly): the report on the exemplar work of a quarter (units report before the 20th of
  the quarter's last month): the introduction duty, exemplars by stage, publicity, commendations;
- `nam` (annual): the count of the year's commendations by kind, form, occupation group, gender, unit
  and field (the statistics' own counts);
- `dien-hinh` (exemplars): the list of the year's (or quarter's) exemplars for the province.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.errors import ValidationError
from app.exporters.document import AdminDocument
from app.exporters.periodic_report_builder import PeriodicReport, build_periodic_report
from app.services.decisions.documents import render
from app.services.duty import quarter_duty
from app.services.exchange.reports_content import (
    Frame,
    annual_report,
    exemplar_list,
    exemplar_rows,
    publicity_items,
    quarterly_report,
)
from app.services.exchange.reports_xlsx import report_workbook
from app.services.exchange.statistics import StatsFilter, commendation_statistics
from app.services.settings import read_commune_profile
from app.storage.atomic import save_files
from app.storage.database import Database

REPORTS = {
    "quy": "Báo cáo quý về công tác điển hình tiên tiến (cần --quarter)",
    "nam": "Báo cáo số lượng khen thưởng trong năm",
    "dien-hinh": "Danh sách điển hình tiên tiến gửi tỉnh",
}
FORMATS = (".xlsx", ".docx", ".pdf")


def periodic_report(db: Database, name: str, year: int, quarter: int | None = None,
                    day: dt.date | None = None) -> PeriodicReport:
    """The report's content (the same for the three formats)."""
    _check(name, year, quarter)
    today = day or dt.date.today()
    if name == "quy":
        assert quarter is not None
        duty = quarter_duty(db, year, quarter, today)
        stats = commendation_statistics(db, StatsFilter(year, quarter), today)
    elif name == "nam":
        stats = commendation_statistics(db, StatsFilter(year), today)
    with db.read() as session:
        frame = Frame(session, read_commune_profile(session), year, day)
        if name == "quy":
            return quarterly_report(frame, duty, stats, publicity_items(session, year, quarter or 1))
        if name == "nam":
            return annual_report(frame, stats)
        return exemplar_list(frame, exemplar_rows(session, year, quarter), quarter)


def report_document(report: PeriodicReport) -> AdminDocument:
    return build_periodic_report(report)


def write_report(db: Database, name: str, year: int, quarter: int | None, out: Path,
                 day: dt.date | None = None) -> Path:
    """The report written to `out` in the format its suffix names (.xlsx, .docx, .pdf)."""
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise ValidationError({"out": f"Tệp “{out.name}”: hãy đặt đuôi .xlsx, .docx hoặc .pdf."})
    report = periodic_report(db, name, year, quarter, day)
    content = report_workbook(report) if suffix == ".xlsx" else render(report_document(report), suffix[1:])
    target = out.expanduser()
    save_files({target: content})
    return target


def _check(name: str, year: int, quarter: int | None) -> None:
    errors = {}
    if name not in REPORTS:
        errors["name"] = f"Không có báo cáo “{name}”; chọn một trong: {', '.join(REPORTS)}."
    if not 1900 <= year <= 2200:
        errors["year"] = f"Năm {year} không hợp lệ."
    if quarter is not None and not 1 <= quarter <= 4:
        errors["quarter"] = "Quý phải từ 1 đến 4."
    if name == "quy" and quarter is None:
        errors["quarter"] = "Báo cáo quý cần --quarter (1 đến 4)."
    if errors:
        raise ValidationError(errors)
