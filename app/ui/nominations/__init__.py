"""Nominations (hồ sơ đề nghị): the page, one nomination's panel and dialog, its checklist and report."""
