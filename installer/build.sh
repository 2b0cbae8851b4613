#!/usr/bin/env bash
# Builds the one-folder app with PyInstaller into dist/SoVang and prints its size (`make dist`).
# The build has its own venv, .venv-build (the app and pinned PyInstaller), reinstalled when
# pyproject.toml changes. PYTHON picks the interpreter (default python3; the app needs 3.11+).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
STAMP=.venv-build/.installed
if [ ! -x .venv-build/bin/python ]; then
    "$PYTHON" -m venv .venv-build
fi
if [ ! -f "$STAMP" ] || [ pyproject.toml -nt "$STAMP" ] || [ installer/build.sh -nt "$STAMP" ]; then
    .venv-build/bin/python -m pip install --quiet --upgrade pip
    .venv-build/bin/python -m pip install --quiet -e . "pyinstaller>=6.5,<7"
    touch "$STAMP"
fi
.venv-build/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
    installer/sovang.spec
du -sh dist/SoVang
