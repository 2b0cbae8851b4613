"""Evidence documents and photos of an exemplar, their bytes in the data directory's file store.

Adding or removing a file is saved at once (it is not part of the exemplar's form). Removing a file
takes it off the exemplar; its bytes stay in the store, where other records may share them.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import Validator
from app.models import Exemplar, ExemplarFile
from app.rules.vntext import normalize_text
from app.services.exemplars.data import ExemplarFileRow, is_photo_name
from app.services.records import get_or_not_found
from app.storage.database import Database
from app.storage.file_store import read_source, readable_path, store_source

CAPTION_LIMIT = 300


def load_exemplar(session: Session, exemplar_id: int) -> Exemplar:
    return get_or_not_found(session, Exemplar, exemplar_id, "hồ sơ điển hình số")


def file_row(data_dir: Path, item: ExemplarFile) -> ExemplarFileRow:
    stored = item.stored_file
    return ExemplarFileRow(
        id=item.id, stored_file_id=stored.id, original_name=stored.original_name, caption=item.caption,
        is_photo=item.is_photo, size=stored.size, path=str(readable_path(data_dir, stored)),
    )


def _clean_caption(caption: str) -> str:
    clean = normalize_text(caption)
    check = Validator()
    check.max_length("caption", "Chú thích", clean, CAPTION_LIMIT)
    check.raise_if_any()
    return clean


def add_exemplar_file(db: Database, exemplar_id: int, path: str | os.PathLike[str], caption: str = "",
                      is_photo: bool | None = None) -> ExemplarFileRow:
    """Keep a file as evidence of an exemplar. The file is read whole first: when it cannot be read,
    nothing is saved. The caption defaults to the file's name; is_photo None: decided by the suffix."""
    clean_caption = _clean_caption(caption)
    source = read_source(path, "file", evidence=True)
    with db.transaction() as session:
        exemplar = load_exemplar(session, exemplar_id)
        stored = store_source(session, db.data_dir, source)
        if any(item.stored_file_id == stored.id for item in exemplar.files):
            check = Validator()
            check.add("file", f"Tệp “{source.name}”: đã có trong hồ sơ này.")
            check.raise_if_any()
        item = ExemplarFile(
            stored_file=stored,
            caption=clean_caption or Path(source.name).stem,
            is_photo=is_photo_name(source.name) if is_photo is None else is_photo,
        )
        exemplar.files.append(item)
        session.flush()
        return file_row(db.data_dir, item)


def _load_file(session: Session, file_id: int) -> ExemplarFile:
    return get_or_not_found(session, ExemplarFile, file_id, "tệp số")


def set_exemplar_file_caption(db: Database, file_id: int, caption: str) -> ExemplarFileRow:
    clean = _clean_caption(caption)
    with db.transaction() as session:
        item = _load_file(session, file_id)
        item.caption = clean or item.stored_file.original_name
        return file_row(db.data_dir, item)


def remove_exemplar_file(db: Database, file_id: int) -> None:
    """Take a file off its exemplar (the stored bytes are kept)."""
    with db.transaction() as session:
        session.delete(_load_file(session, file_id))


def list_exemplar_files(db: Database, exemplar_id: int) -> list[ExemplarFileRow]:
    with db.read() as session:
        load_exemplar(session, exemplar_id)
        items = session.scalars(
            select(ExemplarFile).where(ExemplarFile.exemplar_id == exemplar_id).order_by(ExemplarFile.id)
        )
        return [file_row(db.data_dir, item) for item in items]
