"""The bytes of stored files, in the database itself when it is a PostgreSQL server.

On a shared server every computer must see the same evidence, photos and scanned letters, so the bytes live
in this table, keyed by the SHA-256 digest of the StoredFile they belong to and written in the same
transaction as its row (storage/file_store.py). On SQLite the bytes stay in `<data_dir>/files/` and this
table stays empty. Removing a StoredFile removes its bytes here too (ON DELETE CASCADE).

The table is not in the audit trail: the StoredFile row, which is, records the digest of these bytes, and
`check-db --full` reads them back and compares.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class StoredFileContent(Base):
    """The bytes of one stored file (PostgreSQL only)."""

    __tablename__ = "stored_file_content"

    digest: Mapped[str] = mapped_column(
        String(64), ForeignKey("stored_file.sha256", ondelete="CASCADE"), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)
