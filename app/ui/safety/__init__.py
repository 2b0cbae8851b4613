"""Keeping the data safe: the Dữ liệu menu, automatic backups, restore, the damaged-database start."""
