"""1,000 certificates into one PDF (target ≤ 1.0 s): every recipient's fields fitted (shrink, then wrap)
and every letter checked against its font, then drawn with reportlab, fonts embedded, on the full design
and on pre-printed blanks (with a printer's offsets)."""

from __future__ import annotations

import io
import os
import random
import time

from common import median, report
from pypdf import PdfReader

COUNT = 1000
RUNS = 5
TARGET_S = 1.0
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ")
MIDDLE = ("Văn", "Thị", "Minh", "Quốc", "Thu", "Hữu", "Ngọc", "Thanh", "Phương Thảo", "Hoàng Quỳnh")
GIVEN = ("Đạt", "Hương", "Đức", "Ánh", "Hưng", "Lụa", "Trường", "Nghĩa", "Hoa", "Bình", "Lan", "Tùng")
TEAMS = ("Tổ Chuyên môn Toán - Tin học - Công nghệ và Hoạt động trải nghiệm, hướng nghiệp Trường Trung "
         "học cơ sở Hòa Bình", "Chi hội Phụ nữ thôn Đồng Xe", "Câu lạc bộ Người cao tuổi thôn Đông")
PLACES = ("Trường Tiểu học Hòa Bình", "Trạm Y tế xã", "Thôn Đồng Xe", "Hợp tác xã Nông nghiệp Hòa Bình",
          "Công an xã", "Trường Mầm non Hoa Sen, kiêm Bí thư Chi đoàn thanh niên của trường")


def texts(count: int):
    from app.exporters.certificates.content import CertificateText

    rng = random.Random(2026)
    shared = {
        "national_name": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "motto": "Độc lập - Tự do - Hạnh phúc",
        "authority": "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HÒA BÌNH", "award_verb": "TẶNG", "award_name": "GIẤY KHEN",
        "achievement": "Đã có thành tích xuất sắc trong phong trào thi đua năm 2026",
        "decision_ref": "205/QĐ-UBND ngày 20/11/2026", "place_date": "Xã Hòa Bình, ngày 20 tháng 11 năm 2026",
        "signer_title": "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "signer_name": "Trần Thị Lan",
    }
    result = []
    for position in range(1, count + 1):
        collective = position % 10 == 0
        person = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        name = rng.choice(TEAMS) if collective else person
        detail = "Ủy ban nhân dân xã" if collective else f"Giáo viên, {rng.choice(PLACES)}"
        values = {**shared, "recipient_name": name, "recipient_detail": detail, "golden_book": str(position)}
        result.append(CertificateText(position, name, "collective" if collective else "individual", position,
                                      values))
    return result


def batch(items, blank: bool) -> bytes:
    from app.exporters.certificates.check import plan_pages
    from app.exporters.certificates.layout_file import read_layout
    from app.exporters.certificates.render import Offsets, render_pages
    from app.resources import resources_dir

    folder = resources_dir() / "certificates"
    prefix = "giay-khen-phoi-" if blank else "giay-khen-"
    layouts = {kind: read_layout(folder / f"{prefix}{slug}.json")
               for kind, slug in (("individual", "ca-nhan"), ("collective", "tap-the"))}
    pages = plan_pages((layouts[text.kind], text) for text in items)
    assert all(page.printable for page in pages)
    return render_pages(pages, Offsets(1.5, -2.0) if blank else None)


def timed(call) -> tuple[float, float, bytes]:
    """Wall-clock and this process's CPU seconds (the CPU figure stays honest on a busy machine)."""
    started, cpu = time.perf_counter(), time.process_time()
    result = call()
    return time.perf_counter() - started, time.process_time() - cpu, result


def main() -> None:
    items = texts(COUNT)
    batch(items[:10], False)  # fonts registered and loaded once, as in the app after its first batch
    for blank, label in ((False, "full design"), (True, "pre-printed blanks, with offsets")):
        runs = [timed(lambda blank=blank: batch(items, blank)) for _ in range(RUNS)]
        payload = runs[-1][2]
        pages = len(PdfReader(io.BytesIO(payload)).pages)
        assert pages == COUNT, pages
        note = f"median of {RUNS}, {len(payload) // 1024:,} KB, fit and glyph checks included"
        report(f"{COUNT:,} certificates into one PDF ({label})", median([t for t, _c, _p in runs]), "s",
               TARGET_S, note=note)
        report("  the same, CPU time of the process", median([c for _t, c, _p in runs]), "s", None,
               note=f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
