"""What the command line writes must reach the console whatever it is: a console that is not UTF-8
(Windows gives a redirected output its ANSI code page, cp1258 in Vietnam), arguments that were not UTF-8
(Python keeps their bytes as lone surrogates), control characters in a value echoed back. Output never
fails on a character: a Vietnamese letter a code page lacks is written decomposed when it has the base
letter and the combining marks (as cp1258 has), else without its marks (ASCII), anything else as U+FFFD
where it can be written, "?" where not.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import sys
import unicodedata

from app.errors import forbidden_character

ERROR_HANDLER = "sovang-replace"
MESSAGE_LIMIT = 2000  # characters of one error line: a 100,000-character argument is not echoed whole


def _replacement(ch: str, encoding: str) -> bytes:
    decomposed = unicodedata.normalize("NFD", ch)
    candidates = [decomposed]
    base, marks = decomposed[:1], decomposed[1:]
    for i, mark in enumerate(marks):  # ệ = ê + dot below in cp1258: the base with one mark, then the rest
        candidates.append(unicodedata.normalize("NFC", base + mark) + marks[:i] + marks[i + 1:])
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))  # an ASCII console: "Nguyen"
    candidates += [bare.replace("đ", "d").replace("Đ", "D"), "\ufffd"]
    for candidate in candidates:
        if candidate == ch:
            continue
        try:
            return candidate.encode(encoding)
        except UnicodeEncodeError:
            continue
    return b"?"


def _handler(encoding: str):
    """An encoding error handler for one encoding: it returns bytes (the UTF-8 encoder takes no other
    replacement than ASCII text, and a charmap's error does not say which charmap it is)."""

    def handle(exc: UnicodeError) -> tuple[bytes, int]:
        if not isinstance(exc, UnicodeEncodeError):
            raise exc
        replaced = b"".join(_replacement(ch, encoding) for ch in exc.object[exc.start:exc.end])
        return replaced, exc.end

    return handle


def protect_console() -> None:
    """Standard output and error never raise on a character they cannot write (called at every start)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = getattr(stream, "encoding", None)
        if reconfigure is None or not isinstance(encoding, str):
            continue
        try:
            name = f"{ERROR_HANDLER}-{codecs.lookup(encoding).name}"
        except LookupError:
            continue
        try:
            codecs.lookup_error(name)
        except LookupError:
            codecs.register_error(name, _handler(codecs.lookup(encoding).name))
        with contextlib.suppress(ValueError, OSError):  # a closed or detached stream
            reconfigure(errors=name)


def shown(value: str, limit: int = 40) -> str:
    """A value the user typed, as an error message quotes it: no control characters, not too long."""
    text = "".join("\ufffd" if forbidden_character(ch) else ch for ch in value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def one_line(message: str) -> str:
    """An error message as one line: line breaks and tabs as spaces, no control characters, bounded."""
    text = " ".join(message.split())
    return shown(text, MESSAGE_LIMIT)


_OS_REASONS = {
    errno.EISDIR: "đây là một thư mục, không phải tệp",
    errno.ENOTDIR: "một phần của đường dẫn không phải là thư mục",
    errno.EACCES: "không có quyền ghi hoặc đọc",
    errno.EPERM: "không được phép",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.ENOENT: "không có đường dẫn này",
    errno.EEXIST: "đã có một tệp trùng tên",
    errno.ENAMETOOLONG: "tên quá dài",
    errno.ELOOP: "đường dẫn vòng lặp (liên kết tượng trưng)",
}


def os_reason(exc: OSError) -> str:
    """Why an operating-system call failed, in Vietnamese (the error number when it is not a usual one)."""
    if exc.errno is None:
        return "lỗi hệ điều hành"
    return _OS_REASONS.get(exc.errno, f"lỗi hệ điều hành số {exc.errno}")
