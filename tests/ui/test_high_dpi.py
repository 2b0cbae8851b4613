"""The app at Windows' 125 % and 150 % on a screen of 1093×614 logical pixels (1366×768 at 125 %,
1640×921 at 150 %), each in a process of its own (tests/ui/dpi_probe.py: Qt's scaling is fixed when the
application starts): the main window fits, every page and the big dialogs fit with no text cut off, every
icon has a pixmap made for the screen's device pixel ratio, and Qt prints no warning.
SOVANG_GRAB_DIR=folder saves the pages and dialogs under folder/scale-<ratio>."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fit_checks import LAPTOP

PROBE = Path(__file__).with_name("dpi_probe.py")
GRABS = os.environ.get("SOVANG_GRAB_DIR")
SCREENS = {1.25: (1366, 768), 1.5: (1640, 921)}  # device pixels whose logical size is LAPTOP


def run_probe(tmp_path: Path, data_dir: Path, ratio: float) -> dict:
    width, height = SCREENS[ratio]
    config = tmp_path / "screens.json"
    screen = {"name": "laptop", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96,
              "logicalBaseDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "QT_SCALE_FACTOR": str(ratio),
           "SOVANG_DATA_DIR": str(data_dir)}
    command = [sys.executable, str(PROBE), str(data_dir)]
    if GRABS:
        command.append(str(Path(GRABS) / f"scale-{ratio}"))
        Path(command[-1]).mkdir(parents=True, exist_ok=True)
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("ratio", sorted(SCREENS))
def test_the_app_fits_and_is_crisp_at_a_windows_scaling(tmp_path, demo_template, ratio: float) -> None:
    data_dir = demo_template().copy_to(tmp_path / "data")
    seen = run_probe(tmp_path, data_dir, ratio)
    assert seen["screen"] == list(LAPTOP.toTuple()) and seen["ratio"] == ratio, seen
    assert seen["minimum"][0] <= LAPTOP.width() and seen["minimum"][1] <= LAPTOP.height(), seen
    assert seen["window"] == list(LAPTOP.toTuple()), seen
    assert seen["problems"] == {}, seen["problems"]
    assert seen["blurry_icons"] == [], seen["blurry_icons"]
    assert seen["warnings"] == [], seen["warnings"]
