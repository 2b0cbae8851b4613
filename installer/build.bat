@echo off
rem Builds dist\SoVang with PyInstaller, then the installer with Inno Setup (iscc on PATH).
cd /d "%~dp0\.."
py -3.11 -m venv .venv-build || exit /b 1
.venv-build\Scripts\pip install --quiet -e . "pyinstaller>=6.5,<7" || exit /b 1
.venv-build\Scripts\pyinstaller --noconfirm --clean --distpath dist --workpath build installer\sovang.spec || exit /b 1
iscc installer\sovang.iss
