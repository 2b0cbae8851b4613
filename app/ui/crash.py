"""What happens on a bug: the traceback goes to the logs folder and the user sees a Vietnamese dialog.

The log file (and the dialog's details) hold no personal data: for each exception of the chain, its type
(with the operating system's or SQLite's error code when it has one) and the code locations it passed
through, never its message — a database error's message carries the SQL statement's values, a
validation error the text that was typed. Paths are cut to the part inside the app or the library, so
that the user's name in a home folder stays out too. The full traceback goes to stderr only (a terminal,
never a file the app writes).
"""

from __future__ import annotations

import datetime as dt
import errno
import sys
import sysconfig
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
CRASH_TITLE = "Sổ Vàng — lỗi chương trình"
CAUSE = "\nThe above exception was the direct cause of the following exception:\n\n"
CONTEXT = "\nDuring handling of the above exception, another exception occurred:\n\n"

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def write_crash_log(logs: Path, text: str, now: dt.datetime | None = None) -> Path:
    """Append the traceback to a dated file in the logs folder; the file's path."""
    logs.mkdir(parents=True, exist_ok=True)
    stamp = (now or dt.datetime.now()).strftime("%Y-%m-%d %H:%M:%S")
    path = logs / f"loi-{stamp[:10]}.log"
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(f"==== {stamp} ====\n{text}\n")
    return path


def describe_exception(exc_type: type[BaseException], exc: BaseException | None,
                       tb: TracebackType | None) -> str:
    """The traceback as Python prints it (oldest exception of the chain first), without any message."""
    chain: list[tuple[type[BaseException], BaseException | None, TracebackType | None, str]] = []
    seen: set[int] = set()
    current, current_tb, link = exc, tb, ""
    kind: type[BaseException] = exc_type
    while True:
        chain.append((kind, current, current_tb, link))
        if current is None:
            break
        seen.add(id(current))
        if current.__cause__ is not None:
            following, link = current.__cause__, CAUSE
        elif current.__context__ is not None and not current.__suppress_context__:
            following, link = current.__context__, CONTEXT
        else:
            break
        if id(following) in seen:
            break
        current, current_tb, kind = following, following.__traceback__, type(following)
    parts: list[str] = []
    for kind, value, frames, link in reversed(chain):
        parts.append(_one_exception(kind, value, frames))
        if link:
            parts.append(link)
    return "".join(parts)


def _one_exception(kind: type[BaseException], value: BaseException | None, tb: TracebackType | None) -> str:
    lines = []
    if tb is not None:
        lines.append("Traceback (most recent call last):\n")
        for frame in traceback.extract_tb(tb):
            lines.append(f'  File "{_short_path(frame.filename)}", line {frame.lineno}, in {frame.name}\n')
            if frame.line:
                lines.append(f"    {frame.line.strip()}\n")
    lines.append(_type_name(kind) + _error_code(value) + "\n")
    return "".join(lines)


def _type_name(kind: type[BaseException]) -> str:
    module = getattr(kind, "__module__", "")
    return kind.__qualname__ if module in ("builtins", "__main__", "") else f"{module}.{kind.__qualname__}"


def _error_code(value: BaseException | None) -> str:
    """The operating system's or SQLite's error code: a name from a fixed list, never the message."""
    code = getattr(value, "sqlite_errorname", None)
    if isinstance(code, str):
        return f" [{code}]"
    number = getattr(value, "errno", None) if isinstance(value, OSError) else None
    if isinstance(number, int):
        return f" [{errno.errorcode.get(number, number)}]"
    return ""


def _roots() -> list[str]:
    """Folders whose part is cut from a file's path: where the app's package and the libraries live."""
    import app

    folders = [Path(app.__file__).resolve().parent.parent, getattr(sys, "_MEIPASS", None), sys.prefix,
               sys.base_prefix, *(sysconfig.get_paths().get(key) for key in ("stdlib", "platstdlib",
                                                                               "purelib", "platlib"))]
    roots = {str(folder).replace("\\", "/").rstrip("/") + "/" for folder in folders if folder}
    return sorted(roots, key=len, reverse=True)


def _short_path(filename: str) -> str:
    path = filename.replace("\\", "/")
    for root in _roots():
        if path.startswith(root):
            return path[len(root):]
    return path.rsplit("/", 1)[-1]  # elsewhere (a user's folder?): the file's name only


def handle_exception(logs: Path, exc_type, exc: BaseException, tb: TracebackType | None) -> None:
    if sys.stderr is not None:  # None in the windowed (frozen) app
        sys.stderr.write("".join(traceback.format_exception(exc_type, exc, tb)))
    text = describe_exception(exc_type, exc, tb)
    try:
        where = str(write_crash_log(logs, text))
    except OSError as error:
        where = f"(không ghi được vào {logs}: {error.strerror or error})"
    messages.show_error(None, CRASH_TEXT.format(path=where), CRASH_TITLE, details=text)


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
