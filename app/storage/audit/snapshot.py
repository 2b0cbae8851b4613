"""A record as the audit trail keeps it: the digest of the whole row, and the values it shows.

The digest covers every column, the CCCD and the password hash included, so an edit of any of them
made outside the app is found, while the trail itself never holds them. Empty values (NULL or "") are
left out of the digest, so a migration that adds an empty column does not change every row's digest.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import hashlib
import json
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from app.storage.audit.registry import Audited

DIGEST_LENGTH = 16  # hex digits (64 bits): an edit goes unnoticed with odds of 1 in 2^64
SECRET = "(không hiển thị)"  # what the trail shows for a secret column that changed


def plain(value: Any) -> Any:
    """A column value as JSON: dates in ISO form, enums by their stored value."""
    if isinstance(value, enum.Enum):  # before str: the enums are string enums
        return value.value
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dt.date | dt.time):  # datetime is a date
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


def canonical(data: Any) -> str:
    """One spelling of a JSON value: sorted keys, no spaces, text as written (not \\u escapes)."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


_AS_IS = frozenset({str, int, bool, float})
_SORTED: dict[tuple[str, ...], list[str]] = {}  # a table's column names, sorted once
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def row_digest(values: Mapping[str, Any]) -> str:
    """SHA-256 of [name, value, name, value, …] for the non-empty columns in name order (hot: 100,000s
    of rows are digested by a baseline or a check, so this avoids all it can)."""
    names = _SORTED.get(keys := tuple(values))
    if names is None:
        names = _SORTED[keys] = sorted(keys)
    flat: list[Any] = []
    for name in names:
        value = values[name]
        if value is None or value == "":
            continue
        flat.append(name)
        flat.append(value if type(value) in _AS_IS else plain(value))
    return hashlib.sha256(_dumps(flat).encode()).hexdigest()[:DIGEST_LENGTH]


def _shown(entry: Audited, name: str, value: Any) -> Any:
    if name in entry.secret:
        return SECRET
    if name in entry.masked:
        return entry.masked[name](value)
    if name in entry.bulky:
        return f"‹{len(value):,} ký tự›".replace(",", ".") if value else ""
    return plain(value)


_SHOWN: dict[str, list[str]] = {}  # an entity's shown columns, listed once


def shown_columns(entry: Audited) -> list[str]:
    names = _SHOWN.get(entry.entity)
    if names is None:
        names = _SHOWN[entry.entity] = [c.name for c in entry.table.columns if c.name not in entry.hidden]
    return list(names)


def shown_values(entry: Audited, values: Mapping[str, Any], names: Iterable[str] | None = None) -> dict:
    """The values the trail shows, for the named columns (all shown columns by default)."""
    if names is None:  # hot (an import records 10,000 rows): the plain values need no lookup
        special = entry.secret | entry.masked.keys() | entry.bulky
        return {name: _shown(entry, name, value) if name in special
                else (value if type(value) in _AS_IS or value is None else plain(value))
                for name in _SHOWN.get(entry.entity) or shown_columns(entry) for value in (values[name],)}
    return {name: _shown(entry, name, values[name]) for name in names if name not in entry.hidden}


def changed_columns(entry: Audited, before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    """The shown columns whose value differs, in the table's column order."""
    return [name for name in shown_columns(entry) if plain(before.get(name)) != plain(after.get(name))]


def envelope(digest: str, values: Mapping[str, Any]) -> str:
    """The text of an event's before_json / after_json."""
    return canonical({"digest": digest, "values": dict(values)})


def sealed_envelope(digest: str, values: Mapping[str, Any]) -> tuple[str, dict]:
    """envelope(digest, values), and what the chain's hash covers of it (audit_seal.seal of that text),
    with the values serialised once: the envelope's keys sort "digest" before "values"."""
    text = canonical(dict(values))
    return (f'{{"digest":{canonical(digest)},"values":{text}}}',
            {"digest": digest, "values": hashlib.sha256(text.encode()).hexdigest()})


def typed_values(entry: Audited, values: Mapping[str, Any]) -> dict:
    """Values read back from an event's JSON, with enums as members again (for names and labels)."""
    typed = dict(values)
    for column in entry.table.columns:
        enum_class = getattr(column.type, "enum_class", None)
        raw = typed.get(column.name)
        if enum_class is not None and isinstance(raw, str):
            with contextlib.suppress(ValueError):  # a value this version does not know: kept as stored
                typed[column.name] = enum_class(raw)
    return typed
