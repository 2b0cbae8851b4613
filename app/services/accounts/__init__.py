"""Accounts: the people who use the app, their roles, signing in and passwords.

The names below are what the UI and the CLI may call (app/services/exports.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.services.exports import lazy_exports

if TYPE_CHECKING:
    from app.services.accounts.data import AccountChange, AccountInput, AccountRow
    from app.services.accounts.manage import (
        SignInError,
        authenticate,
        change_own_password,
        create_account,
        find_account,
        has_accounts,
        list_accounts,
        reset_password,
        set_active,
        update_account,
    )
    from app.services.accounts.passwords import MIN_LENGTH, LoginThrottle
    from app.services.accounts.permissions import Actor, may_take

__all__ = [
    "AccountChange", "AccountInput", "AccountRow", "Actor", "LoginThrottle", "MIN_LENGTH", "SignInError",
    "authenticate", "change_own_password", "create_account", "find_account", "has_accounts",
    "list_accounts", "may_take", "reset_password", "set_active", "update_account"
]
__getattr__ = lazy_exports(__name__, {
    "data": ["AccountChange", "AccountInput", "AccountRow"],
    "manage": [
        "SignInError", "authenticate", "change_own_password", "create_account", "find_account",
        "has_accounts", "list_accounts", "reset_password", "set_active", "update_account"
    ],
    "passwords": ["LoginThrottle", "MIN_LENGTH"],
    "permissions": ["Actor", "may_take"],
})
