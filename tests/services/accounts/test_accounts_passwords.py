"""Passwords: Argon2id hashes, the length rule, rehashing, and the wait after five wrong tries."""

from __future__ import annotations

import unicodedata

import pytest
from account_helpers import cheap_hashing  # noqa: F401 - fixture
from argon2 import PasswordHasher
from argon2.profiles import CHEAPEST

from app.services.accounts import passwords
from app.services.accounts.passwords import (
    LoginThrottle,
    hash_password,
    needs_rehash,
    password_problem,
    verify_password,
)

pytestmark = pytest.mark.usefixtures("cheap_hashing")


def test_a_hash_is_argon2id_salted_and_verifies_only_the_right_password():
    first, second = hash_password("mật khẩu 2026"), hash_password("mật khẩu 2026")
    assert first.startswith("$argon2id$") and first != second  # a fresh salt each time
    assert "mật khẩu" not in first
    assert verify_password(first, "mật khẩu 2026") and verify_password(second, "mật khẩu 2026")
    assert not verify_password(first, "mật khẩu 2025")
    assert not verify_password(first, "")


def test_a_password_typed_with_decomposed_accents_is_the_same_password():
    stored = hash_password(unicodedata.normalize("NFC", "Hòa Bình 1945"))
    assert verify_password(stored, unicodedata.normalize("NFD", "Hòa Bình 1945"))


def test_an_unreadable_hash_never_verifies_and_asks_for_a_new_one():
    assert not verify_password("không phải hash", "mật khẩu 2026")
    assert needs_rehash("không phải hash")


def test_a_hash_made_with_other_parameters_verifies_and_needs_a_rehash(monkeypatch):
    old = hash_password("mật khẩu 2026")
    assert not needs_rehash(old)
    stronger = PasswordHasher(time_cost=CHEAPEST.time_cost + 1, memory_cost=CHEAPEST.memory_cost,
                              parallelism=CHEAPEST.parallelism)
    monkeypatch.setattr(passwords, "HASHER", stronger)
    assert verify_password(old, "mật khẩu 2026")
    assert needs_rehash(old)
    assert not needs_rehash(hash_password("mật khẩu 2026"))


def test_the_shipped_parameters_are_argon2id_with_real_memory_cost():
    hasher = PasswordHasher()
    assert hasher.type.name == "ID" and hasher.memory_cost >= 19 * 1024 and hasher.time_cost >= 2


@pytest.mark.parametrize(("password", "problem"), [
    ("", "Mật khẩu: phải có ít nhất 8 ký tự."),
    ("1234567", "Mật khẩu: phải có ít nhất 8 ký tự."),
    ("12345678", None),
    ("Hòa Bình", None),  # eight letters, accents count as one each
    ("x" * 257, "Mật khẩu: dài quá 256 ký tự."),
])
def test_length_rule(password, problem):
    assert password_problem(password) == problem


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_five_wrong_tries_in_a_row_make_the_next_one_wait_thirty_seconds():
    clock = FakeClock()
    throttle = LoginThrottle(clock)
    for _ in range(4):
        throttle.failed()
        assert throttle.wait_seconds() == 0
    throttle.failed()
    assert throttle.wait_seconds() == 30
    clock.now += 29.5
    assert throttle.wait_seconds() == 0.5
    assert throttle.wait_message() == "Đã nhập sai 5 lần liên tiếp. Hãy chờ 1 giây rồi thử lại."
    clock.now += 0.5
    assert throttle.wait_seconds() == 0
    throttle.failed()  # a sixth wrong try waits again
    assert throttle.wait_seconds() == 30


def test_a_right_password_starts_the_count_again():
    clock = FakeClock()
    throttle = LoginThrottle(clock)
    for _ in range(4):
        throttle.failed()
    throttle.succeeded()
    throttle.failed()
    assert throttle.wait_seconds() == 0 and throttle.failures == 1
