"""Column presets remembered between sessions: an import's mapping (field -> the header it was found
under) and an export's columns. The built-in export presets are not stored and cannot be changed; an
officer's own are (the exchange_preset table, audited)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFoundError, Validator
from app.models import ExchangePreset
from app.rules.vntext import normalize_text
from app.services.exchange.columns import FIELD_BY_KEY
from app.services.exchange.export_columns import BUILT_IN, COLUMN_BY_KEY, ExportPreset
from app.storage.database import Database

IMPORT, EXPORT = "import", "export"
NAME_LIMIT = 100


@dataclass(frozen=True)
class ImportPreset:
    name: str
    fields: dict[str, str]  # field key -> header text
    id: int | None = None


def _check_name(name: str, direction: str) -> str:
    clean = normalize_text(name)
    check = Validator()
    check.require("name", "Tên mẫu", clean)
    check.max_length("name", "Tên mẫu", clean, NAME_LIMIT)
    if direction == EXPORT and any(p.name.casefold() == clean.casefold() for p in BUILT_IN):
        check.add("name", f"Tên mẫu: “{clean}” là mẫu có sẵn, hãy đặt tên khác.")
    check.raise_if_any()
    return clean


def _upsert(session: Session, direction: str, name: str, **values) -> ExchangePreset:
    preset = session.scalars(select(ExchangePreset).where(ExchangePreset.direction == direction,
                                                          ExchangePreset.name == name)).one_or_none()
    if preset is None:
        preset = ExchangePreset(direction=direction, name=name)
        session.add(preset)
    for key, value in values.items():
        setattr(preset, key, value)
    session.flush()
    return preset


def upsert_preset(session: Session, direction: str, name: str, *, list_kind: str = "",
                  columns: list[str] | None = None, fields: dict[str, str] | None = None) -> ExchangePreset:
    """A preset saved inside a caller's transaction (the demo's): an export's columns or an import's
    mapping, already checked."""
    payload = columns if direction == EXPORT else fields
    return _upsert(session, direction, name, list_kind=list_kind,
                   columns_json=json.dumps(payload or {}, ensure_ascii=False),
                   include_citizen_id="citizen_id" in (columns or ()))


def save_import_preset(db: Database, name: str, fields: dict[str, str]) -> ImportPreset:
    clean = _check_name(name, IMPORT)
    kept = {k: normalize_text(v) for k, v in fields.items() if k in FIELD_BY_KEY and normalize_text(v)}
    with db.transaction() as session:
        preset = _upsert(session, IMPORT, clean, list_kind="",
                         columns_json=json.dumps(kept, ensure_ascii=False), include_citizen_id=False)
        return ImportPreset(clean, kept, preset.id)


def list_import_presets(db: Database) -> list[ImportPreset]:
    with db.read() as session:
        rows = session.scalars(select(ExchangePreset).where(ExchangePreset.direction == IMPORT)
                               .order_by(ExchangePreset.name))
        return [ImportPreset(p.name, json.loads(p.columns_json), p.id) for p in rows]


def import_preset(db: Database, name: str) -> ImportPreset:
    for preset in list_import_presets(db):
        if preset.name.casefold() == normalize_text(name).casefold():
            return preset
    raise NotFoundError(f"Không có mẫu ghép cột “{name}”.")


def save_export_preset(db: Database, name: str, columns: list[str], list_kind: str = "") -> ExportPreset:
    clean = _check_name(name, EXPORT)
    check = Validator()
    unknown = [c for c in columns if c not in COLUMN_BY_KEY]
    if unknown or not columns:
        check.add("columns", "Cột: hãy chọn ít nhất một cột có trong danh sách.")
    check.raise_if_any()
    with db.transaction() as session:
        preset = _upsert(session, EXPORT, clean, list_kind=list_kind, columns_json=json.dumps(columns),
                         include_citizen_id="citizen_id" in columns)
        return ExportPreset(clean, tuple(columns), preset.id, list_kind)


def list_export_presets(db: Database, list_kind: str = "") -> list[ExportPreset]:
    """The built-in presets, then the officer's own (for every list, or for `list_kind`)."""
    with db.read() as session:
        rows = session.scalars(select(ExchangePreset).where(ExchangePreset.direction == EXPORT)
                               .order_by(ExchangePreset.name))
        own = [ExportPreset(p.name, tuple(c for c in json.loads(p.columns_json) if c in COLUMN_BY_KEY), p.id,
                            p.list_kind)
               for p in rows if not p.list_kind or not list_kind or p.list_kind == list_kind]
    return [*BUILT_IN, *own]


def export_preset(db: Database, name: str) -> ExportPreset:
    wanted = normalize_text(name).casefold()
    presets = list_export_presets(db)
    for preset in presets:
        if preset.name.casefold() == wanted or preset.name.casefold().startswith(wanted + " "):
            return preset
    raise NotFoundError(f"Không có mẫu cột “{name}” (có: {', '.join(p.name for p in presets)}).")


def delete_preset(db: Database, preset_id: int) -> None:
    with db.transaction() as session:
        preset = session.get(ExchangePreset, preset_id)
        if preset is None:
            raise NotFoundError(f"Không còn mẫu cột số {preset_id}.")
        session.delete(preset)
