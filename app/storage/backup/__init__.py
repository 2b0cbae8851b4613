"""Backups of the SQLite file through its backup API: made, verified, scheduled, restored."""
