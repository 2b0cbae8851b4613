"""What happens on a bug: the traceback goes to the logs folder and the user sees a Vietnamese dialog."""

from __future__ import annotations

import datetime as dt
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from app.ui.kit import messages

CRASH_TEXT = (
    "Sổ Vàng gặp một lỗi chưa lường trước. Dữ liệu đã lưu trước đó vẫn an toàn.\n\n"
    "Chi tiết lỗi đã được ghi vào tệp:\n{path}\n\n"
    "Hãy gửi tệp này cho người hỗ trợ kỹ thuật. Nếu chương trình chạy không bình thường, hãy đóng và mở lại."
)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def write_crash_log(logs: Path, text: str, now: dt.datetime | None = None) -> Path:
    """Append the traceback to a dated file in the logs folder; the file's path."""
    logs.mkdir(parents=True, exist_ok=True)
    stamp = (now or dt.datetime.now()).strftime("%Y-%m-%d %H:%M:%S")
    path = logs / f"loi-{stamp[:10]}.log"
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(f"==== {stamp} ====\n{text}\n")
    return path


def handle_exception(logs: Path, exc_type, exc: BaseException, tb: TracebackType | None) -> None:
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    sys.stderr.write(text)
    try:
        where = str(write_crash_log(logs, text))
    except OSError as error:
        where = f"(không ghi được vào {logs}: {error.strerror or error})"
    messages.show_error(None, CRASH_TEXT.format(path=where), "Sổ Vàng — lỗi chương trình", details=text)


def install_crash_hook(logs: Path) -> ExceptHook:
    """Route uncaught exceptions to the crash dialog; returns the previous hook to restore later."""
    previous = sys.excepthook

    def hook(exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        handle_exception(logs, exc_type, exc, tb)

    sys.excepthook = hook
    return previous
