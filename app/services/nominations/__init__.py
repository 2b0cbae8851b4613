"""Nominations (hồ sơ đề nghị): records, their path, checklists, bulk nominating, reports."""
