"""Accounts: the people who use the app, their roles, signing in and passwords."""
