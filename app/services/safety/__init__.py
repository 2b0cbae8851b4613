"""Keeping the data safe: the app's backups, database checks and repair."""
