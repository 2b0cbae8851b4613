"""Pieces of the ORDER BY that lists share: the query sorts, never Python, so long lists stay fast."""

from __future__ import annotations

from sqlalchemy import case

from app.rules.vntext import text_sort_key


def by_label(column, enum_cls):
    """An enum column in the alphabetical order of its Vietnamese labels (as the lists show them)."""
    ranked = sorted(enum_cls, key=lambda member: text_sort_key(member.label))
    return case({member.value: rank for rank, member in enumerate(ranked)}, value=column)
