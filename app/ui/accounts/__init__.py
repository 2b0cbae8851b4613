"""Accounts: sign-in, the lock screen, the accounts dialog and the account menu items."""
