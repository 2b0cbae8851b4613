"""Pieces of the ORDER BY that lists share: the query sorts, never Python, so long lists stay fast.

A list service takes `sort` (one of its columns' names) and `descending`, and builds its ORDER BY with
`order_by(keys, sort, descending, *then)`: `keys` maps the names it allows to their expressions (any other
name is refused), empty values come last in both directions, and `then` (official-list order, the id)
breaks ties. Texts sort in Vietnamese alphabetical order (`by_text`), personal names as official lists
do, given name first (`by_name`), enum columns by their Vietnamese labels (`by_label`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import String, case, func
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from app.rules.vntext import text_sort_key


class UnknownSort(ValueError):
    """A list was asked to sort by a column it does not offer (a programming error, not the user's)."""


def order_by(keys: Mapping[str, Any], sort: str, descending: bool, *then: Any) -> list[Any]:
    """The ORDER BY of a list sorted by the column named `sort`: its key (or keys, a tuple) ascending or
    descending, empty values (NULL) last either way, then the tie-breakers `then`."""
    if sort not in keys:
        raise UnknownSort(f"no such sort: {sort!r} (allowed: {', '.join(keys)})")
    key = keys[sort]
    terms = key if isinstance(key, tuple) else (key,)
    return [*((term.desc() if descending else term.asc()).nulls_last() for term in terms), *then]


def filled(column) -> Any:
    """A text column whose empty text ("") counts as empty, so that it sorts last."""
    return func.nullif(column, "")


def by_rank(column, members):
    """An enum column in the order of `members` (an enum's own order: a path's steps, a status's stages)."""
    return case({member.value: rank for rank, member in enumerate(members)}, value=column)


def by_label(column, enum_cls):
    """An enum column in the alphabetical order of its Vietnamese labels (as the lists show them)."""
    return by_rank(column, sorted(enum_cls, key=lambda member: text_sort_key(member.label)))


class _SortKey(FunctionElement):
    type = String()
    inherit_cache = True


class by_text(_SortKey):  # noqa: N801 - used as a function
    """A text in Vietnamese alphabetical order (rules/vntext.text_sort_key), empty text last; on SQLite
    through the function app/storage/engine.py registers."""

    name = "vn_text_key"
    inherit_cache = True


class by_name(_SortKey):  # noqa: N801 - used as a function
    """A personal name in official-list order: given name, middle names, family name
    (rules/vntext.name_sort_key), empty last."""

    name = "vn_name_key"
    inherit_cache = True


@compiles(by_text, "sqlite")
@compiles(by_name, "sqlite")
def _sqlite_key(element, compiler, **kw) -> str:
    return f"{element.name}({compiler.process(element.clauses, **kw)})"


# On PostgreSQL, the Vietnamese collation migration 0013 creates (ICU's "vi"; the server's binary order
# where it has no ICU).
SERVER_COLLATION = "sovang_vi"


@compiles(by_text)
def _text_in_server_collation(element, compiler, **kw) -> str:
    return f'NULLIF({compiler.process(element.clauses, **kw)}, \'\') COLLATE "{SERVER_COLLATION}"'


@compiles(by_name)
def _name_in_server_collation(element, compiler, **kw) -> str:
    # The given name (the last word), the middle names, then the family name (the first word), as
    # rules/vntext.name_sort_key orders them on SQLite: "Nguyễn Văn An" sorts as "An Văn Nguyễn".
    name = compiler.process(element.clauses, **kw)
    reordered = f"REGEXP_REPLACE(TRIM({name}), '^(\\S+)\\s+(.*\\s)?(\\S+)$', '\\3 \\2\\1')"
    return f"NULLIF({reordered}, '') COLLATE \"{SERVER_COLLATION}\""
