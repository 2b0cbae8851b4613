@echo off
rem Builds dist\SoVang with PyInstaller (installer\sovang.spec, in its own venv .venv-build), then the
rem installer with Inno Setup (iscc on PATH). Linux: `make dist` / `make check-dist` (installer/build.sh).
cd /d "%~dp0\.."
if not exist .venv-build\Scripts\python.exe (
    py -3.11 -m venv .venv-build || exit /b 1
)
.venv-build\Scripts\python -m pip install --quiet -e . "pyinstaller>=6.5,<7" || exit /b 1
.venv-build\Scripts\pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build\pyinstaller installer\sovang.spec || exit /b 1
iscc installer\sovang.iss
