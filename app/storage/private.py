"""The data folder and its files are the user's alone where the OS allows: folders 0700, files 0600.

POSIX only (Windows keeps a user's profile private by its own ACLs: nothing is done there). A file system
without modes (a FAT USB stick) or a file owned by someone else is left as it is: privacy is a best effort
that never stops the work.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def private_folder(path: Path) -> None:
    _chmod(path, FOLDER_MODE)


def private_file(path: Path) -> None:
    _chmod(path, FILE_MODE)


def _chmod(path: Path, mode: int) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        os.chmod(path, mode)
