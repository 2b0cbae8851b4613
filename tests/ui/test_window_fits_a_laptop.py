"""Every page fits a 1366×768 laptop at Windows' 125 % scaling: 1093×614 logical pixels. The window with
the page shown asks for no more width than that (its minimum size hint), and is grabbed at that size."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.models import RoundKind
from app.services.rounds import RoundInput, create_round
from app.ui.main_window import MainWindow
from app.ui.pages import default_pages

LAPTOP_WIDTH, LAPTOP_HEIGHT = 1093, 614
# A round named as provinces name them: the nominations page's round filter once widened the window to 1302.
LONG_ROUND = ("Khen thưởng chuyên đề chuyển đổi số, thực hiện Đề án 06 về phát triển ứng dụng dữ liệu "
              "dân cư, định danh và xác thực điện tử năm 2026")
GRABS = os.environ.get("SOVANG_GRAB_DIR")  # set it to look at the pages: one PNG per page


@pytest.mark.parametrize("key", [spec.key for spec in default_pages()])
def test_the_page_fits_a_laptop_window(qtbot, commune_db, people, key: str) -> None:
    data = RoundInput(name=LONG_ROUND, kind=RoundKind.AD_HOC, year=2026)
    create_round(commune_db, data)
    window = MainWindow(commune_db)
    qtbot.addWidget(window)
    window.resize(LAPTOP_WIDTH, LAPTOP_HEIGHT)
    window.show()
    window.show_page(key)
    picture = window.grab()
    if GRABS:
        picture.save(str(Path(GRABS) / f"{key}.png"))
    assert window.minimumSizeHint().width() <= LAPTOP_WIDTH, window.minimumSizeHint()
    assert window.width() == LAPTOP_WIDTH
