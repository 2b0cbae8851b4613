#!/usr/bin/env bash
# Builds the one-folder app with PyInstaller into dist/SoVang and prints its size.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv-build
.venv-build/bin/pip install --quiet -e . "pyinstaller>=6.5,<7"
.venv-build/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build installer/sovang.spec
du -sh dist/SoVang
