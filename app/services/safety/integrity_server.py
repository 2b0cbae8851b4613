"""The database check on a PostgreSQL server: what is meaningful there, since SQLite's PRAGMAs are not.

The server keeps its own files sound and enforces every foreign key on each write, so there is no
quick_check or foreign_key_check to run. What is checked: the server answers, the schema is the one this
version of the app expects, no constraint was left unchecked (NOT VALID) and no index unusable (a failed
build); and with `full`, when the server has the amcheck extension, every B-tree index of the schema.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app.storage.database import Database
from app.storage.engine import server_name
from app.storage.schema import SCHEMA_HEAD

SERVER_NOTE = ("Cơ sở dữ liệu PostgreSQL “{server}”: không có lỗi. Máy chủ tự giữ cấu trúc dữ liệu và "
               "ràng buộc khóa ngoại; đã kiểm tra: {checked}.")
UNVALIDATED = text(
    "SELECT conrelid::regclass::text, conname FROM pg_constraint "
    "WHERE NOT convalidated AND connamespace = current_schema()::regnamespace ORDER BY 1, 2")
INVALID_INDEXES = text(
    "SELECT i.indexrelid::regclass::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
    "WHERE NOT i.indisvalid AND c.relnamespace = current_schema()::regnamespace ORDER BY 1")
BTREE_INDEXES = text(
    "SELECT c.oid, c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
    "JOIN pg_am a ON a.oid = c.relam WHERE a.amname = 'btree' "
    "AND c.relnamespace = current_schema()::regnamespace ORDER BY c.relname")


def check_server(db: Database, report, full: bool) -> None:
    """Fill the CheckReport of app/services/safety/integrity.py for a server database."""
    checked: list[str] = []
    try:
        with db.engine.connect() as conn:
            _schema(conn, report, checked)
            _constraints_and_indexes(conn, report, checked)
            if full:
                _btree_indexes(conn, report, checked)
    except DBAPIError as exc:
        report.problems.append(f"Máy chủ PostgreSQL không trả lời được việc kiểm tra ({exc.orig}).")
        return
    report.server_note = SERVER_NOTE.format(server=server_name(db.engine.url), checked="; ".join(checked))


def _schema(conn, report, checked: list[str]) -> None:
    revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if revision != SCHEMA_HEAD:
        report.problems.append(f"Lược đồ trên máy chủ là {revision}, phiên bản này cần {SCHEMA_HEAD}.")
    checked.append(f"lược đồ {revision}")


def _constraints_and_indexes(conn, report, checked: list[str]) -> None:
    for table, name in conn.execute(UNVALIDATED):
        report.problems.append(f"Bảng {table}: ràng buộc {name} chưa được máy chủ kiểm tra (NOT VALID).")
    for (index,) in conn.execute(INVALID_INDEXES):
        report.problems.append(f"Chỉ mục {index} không dùng được (tạo dở); người quản trị cần REINDEX.")
    checked.append("mọi ràng buộc đã được xác nhận, mọi chỉ mục dùng được")


def _btree_indexes(conn, report, checked: list[str]) -> None:
    if conn.execute(text("SELECT 1 FROM pg_extension WHERE extname = 'amcheck'")).scalar() is None:
        checked.append("chỉ mục không kiểm tra sâu được vì máy chủ chưa cài tiện ích amcheck")
        return
    indexes = conn.execute(BTREE_INDEXES).all()
    for oid, name in indexes:
        try:
            with conn.begin_nested():
                conn.execute(text("SELECT bt_index_check(CAST(CAST(:oid AS oid) AS regclass))"), {"oid": oid})
        except DBAPIError as exc:
            report.problems.append(f"Chỉ mục {name} bị hỏng: {exc.orig}")
    checked.append(f"{len(indexes)} chỉ mục B-tree (amcheck)")
