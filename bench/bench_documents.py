"""A decision with a 1,000-row attached list: build and write the .docx (target ≤ 1.0 s) and the .pdf
(target ≤ 1.5 s), and — where LibreOffice is installed — the time of `soffice --headless --convert-to pdf`
on the same .docx, which is what users do today, with the ratio to our own PDF; and the pages of our PDF
against LibreOffice's rendering of our .docx (set in our Liberation Serif, Times New Roman's metric twin,
as Word would set it): the two should paginate alike ("not available" without LibreOffice)."""

from __future__ import annotations

import datetime as dt
import io
import random
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, median, report
from pypdf import PdfReader

sys.path.insert(0, str(ROOT / "tests"))

from libreoffice import SOFFICE, pdf_converter  # noqa: E402

ROWS = 1000
RUNS = 5
DOCX_TARGET_S, PDF_TARGET_S = 1.0, 1.5
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ")
MIDDLE = ("Văn", "Thị", "Minh", "Quốc", "Thu", "Hữu", "Ngọc", "Thanh")
GIVEN = ("Đạt", "Hương", "Đức", "Ánh", "Hưng", "Lụa", "Trường", "Nghĩa", "Hoa", "Bình", "Lan", "Tùng")
PLACES = ("Trường Tiểu học Hòa Bình", "Trạm Y tế xã", "Thôn Đồng Xe", "Hợp tác xã Nông nghiệp Hòa Bình",
          "Công an xã", "Trường Mầm non Hoa Sen, kiêm Bí thư Chi đoàn thanh niên của trường")


def content(rows: int):
    from app.exporters.award_content import AwardContent, ListedRecipient, Places, Reward, Signer
    from app.models import DocumentType
    from app.services.wording import default_wording

    rng = random.Random(2026)
    recipients = tuple(
        ListedRecipient("individual", f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
                        f"Giáo viên, {rng.choice(PLACES)}", 702_000)
        for _ in range(rows)
    )
    return AwardContent(
        wording=default_wording(DocumentType.DECISION), places=Places("Xã Hòa Bình", "Tỉnh Phú Thọ", 2026),
        form_name="Giấy khen", is_title=False,
        achievement="đã có thành tích xuất sắc trong phong trào thi đua năm 2026", recipients=recipients,
        rewards={"individual": Reward("0,3", 702_000)}, number="205/QĐ-UBND", issued_on=dt.date(2026, 11, 20),
        signer=Signer(("CHỦ TỊCH",), "Nguyễn Văn Hùng"), council_meeting_on=dt.date(2026, 11, 18),
    )


def timed(call) -> tuple[float, object]:
    started = time.perf_counter()
    result = call()
    return time.perf_counter() - started, result




def soffice_run(docx: bytes) -> tuple[float, int] | None:
    """The seconds of `soffice --convert-to pdf` on the .docx (its profile made by a first run) and the
    pages of its PDF; None without LibreOffice."""
    if SOFFICE is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        convert = pdf_converter(docx, Path(folder))
        convert()  # the first start makes the profile
        seconds, pdf = timed(convert)
        return seconds, len(PdfReader(io.BytesIO(pdf)).pages)


def main() -> None:
    from app.exporters.decision_builder import build_decision
    from app.exporters.docx_writer import render_docx
    from app.exporters.pdf_writer import render_pdf

    data = content(ROWS)
    render_docx(build_decision(content(10)))  # fonts and modules loaded once, as in a running app
    render_pdf(build_decision(content(10)))
    docx_times = [timed(lambda: render_docx(build_decision(data)))[0] for _ in range(RUNS)]
    pdf_runs = [timed(lambda: render_pdf(build_decision(data))) for _ in range(RUNS)]
    pdf_times = [seconds for seconds, _ in pdf_runs]
    note = f"{ROWS} rows, median of {RUNS}"
    report(f"decision with a {ROWS:,}-row list: .docx", median(docx_times), "s", DOCX_TARGET_S, note=note)
    report(f"decision with a {ROWS:,}-row list: .pdf", median(pdf_times), "s", PDF_TARGET_S, note=note)
    pages = len(PdfReader(io.BytesIO(pdf_runs[0][1])).pages)
    report("  pages of that decision (pdf)", pages, "", None)
    converted = soffice_run(render_docx(build_decision(data)))
    if converted is None:
        report("soffice --convert-to pdf on the same .docx", None, "s", note="LibreOffice not installed")
        report("  pages: our .pdf vs LibreOffice's of the .docx", None, "", note="not available (no soffice)")
        return
    seconds, soffice_pages = converted
    report("soffice --convert-to pdf on the same .docx (what users do today)", seconds, "s")
    report("  soffice time / our .pdf time", seconds / median(pdf_times), "×")
    same = "the same" if pages == soffice_pages else "DIFFERENT"
    report("  pages: our .pdf vs LibreOffice's of the .docx", pages, "", None,
           note=f"LibreOffice {soffice_pages}: {same} page count")


if __name__ == "__main__":
    main()
