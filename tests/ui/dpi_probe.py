"""Run in a process of its own by tests/ui/test_high_dpi.py, on a screen of 1093×614 logical pixels at a
scaling (QT_SCALE_FACTOR, the offscreen platform's screen set by a config file):

    python tests/ui/dpi_probe.py DATA_DIR [GRAB_DIR]

opens the main window on DATA_DIR at the screen's size, shows every page and a few big dialogs, and prints
one JSON object: the screen, the window's minimum size, what does not fit (fit_checks), the icons whose
biggest pixmap is smaller than the screen needs, and Qt's warnings."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

sys.path[:0] = [str(Path(__file__).parent), str(Path(__file__).parents[1])]

from dialog_openers import OPENERS  # noqa: E402
from fit_checks import fit_problems  # noqa: E402
from PySide6.QtCore import QSize, QtMsgType, qInstallMessageHandler  # noqa: E402
from PySide6.QtGui import QIcon  # noqa: E402

from app.models.enums import CriterionOutcome  # noqa: E402
from app.rules.duty import DutyStatus  # noqa: E402
from app.storage.database import open_database  # noqa: E402
from app.ui.app import make_application  # noqa: E402
from app.ui.dashboard.duty_models import status_icon  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402
from app.ui.nominations.checklist_model import outcome_icon  # noqa: E402
from app.ui.pages import default_pages  # noqa: E402

DIALOGS = ("council.meeting_window.MeetingWindow", "subjects.dialog.SubjectDialog",
           "nominations.dialog.NominationDialog", "decisions.draft_dialog.DecisionDialog",
           "exchange.import_dialog.ImportDialog")
IGNORED = ("This plugin does not support propagateSizeHints()",)  # as pyproject's qt_log_ignore
warnings: list[str] = []


def _record(kind: QtMsgType, _context, message: str) -> None:
    if kind != QtMsgType.QtDebugMsg and kind != QtMsgType.QtInfoMsg and message not in IGNORED:
        warnings.append(message)


def blurry(name: str, icon: QIcon, size: QSize, ratio: float) -> list[str]:
    """The icon's pixmap for size at ratio has fewer device pixels than the screen shows: Qt stretches it."""
    pixmap = icon.pixmap(size, ratio)
    needed = math.floor(size.width() * ratio)
    return [] if pixmap.width() >= needed else [f"{name}: {pixmap.width()} px < {needed} px"]


def icons(window: MainWindow, ratio: float) -> list[str]:
    found = []
    for row in range(window.nav.count()):
        item = window.nav.item(row)
        found += blurry(item.text(), item.icon(), window.nav.iconSize(), ratio)
    drawn = [(o.label, outcome_icon(o)) for o in CriterionOutcome]
    drawn += [(s.label, status_icon(s)) for s in DutyStatus]
    for name, icon in drawn:
        found += blurry(name, icon, QSize(16, 16), ratio)
    return found


def main(data_dir: Path, grabs: Path | None) -> dict:
    qInstallMessageHandler(_record)
    app = make_application()
    screen = app.primaryScreen().availableGeometry().size()
    db = open_database(data_dir)
    window = MainWindow(db)
    window.resize(screen)
    window.show()
    found: dict[str, list[str]] = {}
    for spec in default_pages():
        window.show_page(spec.key)
        app.processEvents()
        found[spec.key] = fit_problems(window)
        if window.minimumSizeHint().width() > screen.width():
            found[spec.key].append(f"the window needs {window.minimumSizeHint().width()} px")
        if grabs:
            window.grab().save(str(grabs / f"{spec.key}.png"))
    minimum = window.minimumSizeHint()
    for name in DIALOGS:
        dialog = OPENERS[f"app.ui.{name}"](db)
        dialog.show()
        app.processEvents()
        dialog.resize(dialog.size().boundedTo(screen))
        app.processEvents()
        needs = dialog.minimumSizeHint()
        too_big = [] if needs.boundedTo(screen) == needs else [f"needs {needs.toTuple()}"]
        found[name] = fit_problems(dialog) + too_big
        if grabs:
            dialog.grab().save(str(grabs / f"{name.rsplit('.', 1)[-1]}.png"))
        dialog.close()
    result = {"screen": screen.toTuple(), "ratio": app.devicePixelRatio(), "window": window.size().toTuple(),
              "minimum": minimum.toTuple(), "problems": {k: v for k, v in found.items() if v},
              "blurry_icons": icons(window, app.devicePixelRatio()), "warnings": warnings}
    window.close()
    db.close()
    return result


if __name__ == "__main__":
    out = main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None)
    print(json.dumps(out, ensure_ascii=False))
