"""Whether the app has accounts in use, for the start and the main window's menus.

The accounts services bring the password hashing (argon2) with them, which nothing needs until
someone signs in, locks or manages accounts: they are imported on the first call, not when the
window is built.
"""

from __future__ import annotations

from app.services.workspace import Database


def accounts_in_use(db: Database) -> bool:
    from app.services.accounts import has_accounts

    return has_accounts(db)
