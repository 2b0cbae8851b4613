"""Files written whole or not at all: a temporary file in the target folder, flushed, fsynced, then moved.

`save_files` writes several outputs (a .docx and its .pdf) as one step: every temporary file is written
first, where a full disk or a read-only folder shows up, and only then are they moved into place. A
failure leaves the old files as they were and no temporary file behind, and becomes a Vietnamese
message that names the file and says what to do.
"""

from __future__ import annotations

import errno
import os
import tempfile
import time
from pathlib import Path

from app.errors import ServiceError

TEMP_PREFIX = ".tmp-"  # the temporary files written here and by a backup (storage/backup/file.py)


def stale_temporaries(folder: Path, quiet_s: float) -> list[Path]:
    """The temporary files in `folder` untouched for `quiet_s` seconds: left by a writer that was killed
    (one still writing keeps touching its own)."""
    stale = []
    for path in folder.glob(TEMP_PREFIX + "*") if folder.is_dir() else ():
        try:
            if time.time() - path.stat().st_mtime > quiet_s:
                stale.append(path)
        except FileNotFoundError:
            continue  # finished and moved meanwhile
    return stale


def _write_temp(target: Path, data: bytes) -> Path:
    handle, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=target.suffix, dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return Path(temp_name)


def write_atomically(target: Path, data: bytes) -> None:
    """Write one file whole (OSError on failure; the old file is untouched)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = _write_temp(target, data)
    try:
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def output_error(target: Path, exc: OSError) -> ServiceError:
    """The Vietnamese message for a file that could not be written where the user asked."""
    name = f"“{target.name}”"
    if exc.errno == errno.ENOSPC:
        reason = "ổ đĩa đã đầy. Hãy giải phóng chỗ trống hoặc chọn ổ đĩa khác"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        reason = f"thư mục “{target.parent}” không cho phép ghi. Hãy chọn thư mục khác"
    elif exc.errno == errno.ENOENT:
        reason = f"không có thư mục “{target.parent}”. Hãy chọn thư mục khác"
    elif isinstance(exc, IsADirectoryError):
        reason = "đã có một thư mục trùng tên. Hãy đặt tên khác"
    else:
        reason = f"{exc.strerror or exc}. Hãy thử lại hoặc chọn thư mục khác"
    return ServiceError(f"Không ghi được tệp {name}: {reason}. Tệp cũ (nếu có) vẫn giữ nguyên.")


def save_files(outputs: dict[Path, bytes]) -> None:
    """Write every file whole, or none of them: ServiceError (nothing changed) when one fails."""
    temps: list[tuple[Path, Path]] = []
    try:
        for target, data in outputs.items():
            try:
                temps.append((_write_temp(target, data), target))
            except OSError as exc:
                raise output_error(target, exc) from exc
        for temp, target in temps:
            try:
                os.replace(temp, target)
            except OSError as exc:
                raise output_error(target, exc) from exc
    finally:
        for temp, _target in temps:
            temp.unlink(missing_ok=True)
