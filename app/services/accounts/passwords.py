"""Passwords: Argon2id hashes (argon2-cffi), the length rule, and the wait after repeated wrong tries.

A password is never stored, logged or put in the audit trail: only its hash, which carries its own
salt and parameters, so a hash made with older parameters still verifies and is remade at the next
sign-in (`needs_rehash`). Passwords are compared in Unicode NFC, so "mật khẩu" typed with a composed
or a decomposed keyboard layout is the same password.
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argon2 import PasswordHasher

MIN_LENGTH = 8
MAX_LENGTH = 256
TOO_SHORT = f"Mật khẩu: phải có ít nhất {MIN_LENGTH} ký tự."
TOO_LONG = f"Mật khẩu: dài quá {MAX_LENGTH} ký tự."
WRONG_LOGIN = "Tên đăng nhập hoặc mật khẩu không đúng."

# Argon2id with the library's parameters (RFC 9106, low-memory profile), made at the first password
# hashed or checked: the app starts without loading argon2 (tests/ui/test_startup_imports.py).
HASHER: PasswordHasher | None = None


def _hasher() -> PasswordHasher:
    global HASHER
    if HASHER is None:
        from argon2 import PasswordHasher

        HASHER = PasswordHasher()
    return HASHER


def _normal(password: str) -> str:
    return unicodedata.normalize("NFC", password)


def password_problem(password: str) -> str | None:
    """Why this password cannot be used (a Vietnamese message), or None."""
    length = len(_normal(password))
    if length < MIN_LENGTH:
        return TOO_SHORT
    if length > MAX_LENGTH:
        return TOO_LONG
    return None


def hash_password(password: str) -> str:
    return _hasher().hash(_normal(password))


def verify_password(stored_hash: str, password: str) -> bool:
    """True when the password matches; a wrong password or an unreadable hash is False."""
    from argon2.exceptions import VerificationError

    try:
        return _hasher().verify(stored_hash, _normal(password))
    except (VerificationError, ValueError):  # ValueError: not an Argon2 hash (InvalidHashError is one)
        return False


def needs_rehash(stored_hash: str) -> bool:
    """True when the hash was made with other parameters than today's (remake it after a sign-in)."""
    try:
        return _hasher().check_needs_rehash(stored_hash)
    except ValueError:
        return True


_DUMMY_HASH: list[str] = []


def spend_verify_time(password: str) -> None:
    """Verify against a throw-away hash, so an unknown user name takes as long as a wrong password."""
    if not _DUMMY_HASH:
        _DUMMY_HASH.append(_hasher().hash("không phải mật khẩu của ai"))
    verify_password(_DUMMY_HASH[0], password)


class LoginThrottle:
    """After `limit` wrong tries in a row, each further try waits `delay` seconds after the last one.

    The clock is injected (monotonic seconds) so tests measure the wait without sleeping.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic, limit: int = 5,
                 delay: float = 30.0) -> None:
        self.clock, self.limit, self.delay = clock, limit, delay
        self.failures = 0
        self._last_failure = 0.0

    def wait_seconds(self) -> float:
        """How long before the next try is allowed (0 when it is allowed now)."""
        if self.failures < self.limit:
            return 0.0
        return max(0.0, self._last_failure + self.delay - self.clock())

    def failed(self) -> None:
        self.failures += 1
        self._last_failure = self.clock()

    def succeeded(self) -> None:
        self.failures = 0

    def wait_message(self) -> str:
        seconds = int(-(-self.wait_seconds() // 1))  # rounded up: "0 giây" never shows while waiting
        return (f"Đã nhập sai {self.failures} lần liên tiếp. "
                f"Hãy chờ {seconds} giây rồi thử lại.")
