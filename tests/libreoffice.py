"""LibreOffice converting our .docx to PDF, set in our own Liberation Serif (Times New Roman's metric twin),
for the pagination tests (tests/exporters/test_pagination.py) and the documents benchmark. Not a project
dependency: SOFFICE is None where it is not installed."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from app.resources import fonts_dir

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>{fonts}</dir>
  <cachedir>{cache}</cachedir>
  <alias binding="same">
    <family>Times New Roman</family><prefer><family>Liberation Serif</family></prefer>
  </alias>
</fontconfig>
"""


def pdf_converter(payload: bytes, folder: Path) -> Callable[[], bytes]:
    """Write the .docx and the fonts setting into `folder`; the call returned converts it (LibreOffice's
    profile kept in `folder`, so a second call does not pay for making it) and gives the PDF's bytes."""
    assert SOFFICE is not None, "LibreOffice is not installed"
    conf = folder / "fonts.conf"
    conf.write_text(FONTS_CONF.format(fonts=fonts_dir(), cache=folder / "fontcache"), encoding="utf-8")
    source = folder / "document.docx"
    source.write_bytes(payload)
    command = [SOFFICE, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
               "--convert-to", "pdf", "--outdir", str(folder), str(source)]
    env = {**os.environ, "FONTCONFIG_FILE": str(conf)}

    def convert() -> bytes:
        subprocess.run(command, capture_output=True, check=True, timeout=300, env=env)
        return (folder / "document.pdf").read_bytes()

    return convert
