"""Checks for a list sorted by the query: the rows come back in a column's order, empty values last."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from app.rules.vntext import name_sort_key, text_sort_key


def text(value: str | None) -> str | None:
    """A text's place in Vietnamese alphabetical order; None (last) when empty."""
    return text_sort_key(value) if value else None


def name(value: str | None) -> str | None:
    """A personal name's place in official-list order (given name first); None (last) when empty."""
    return name_sort_key(value) if value else None


def label(member: Any) -> str | None:
    """An enum member's place in the alphabetical order of the labels the lists show."""
    return None if member is None else text_sort_key(member.label)


def rank(member: Any) -> int | None:
    """An enum member's place in its declared order (a path: draft, issued, cancelled …)."""
    return None if member is None else list(type(member)).index(member)


def assert_sorted(rows: Sequence[Any], key: Callable[[Any], Any], descending: bool, *,
                  varied: bool = True) -> None:
    """`rows` are in `key`'s order (reversed when descending), its empty values (None) last either way;
    with `varied`, the column holds at least two different values (else the check proves nothing)."""
    values = [key(row) for row in rows]
    filled = [value for value in values if value is not None]
    assert values[:len(filled)] == filled, f"an empty value before a filled one: {values}"
    assert filled == sorted(filled, reverse=descending), f"not in order: {filled}"
    if varied:
        assert len(set(filled)) >= 2, f"the data does not tell this order from another: {values}"
