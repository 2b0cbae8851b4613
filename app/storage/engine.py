"""SQLAlchemy engine: SQLite with the settings that keep every acknowledged save, or a PostgreSQL server."""

from __future__ import annotations

from sqlalchemy import URL, Engine, create_engine, event, make_url

from app.rules.vntext import name_sort_key, text_sort_key

BUSY_TIMEOUT_MS = 5000
CONNECT_TIMEOUT_S = 10
PSYCOPG = "postgresql+psycopg"


def _configure_sqlite(dbapi_connection, _record) -> None:
    # The driver must not open transactions behind our back: SQLAlchemy's "begin" event below
    # emits BEGIN, so schema changes inside a transaction roll back too (SQLAlchemy's pysqlite recipe).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()
    # The sort keys of texts and names that lists sort by (services/sorting.by_text, by_name).
    dbapi_connection.create_function("vn_text_key", 1, _text_key, deterministic=True)
    dbapi_connection.create_function("vn_name_key", 1, _name_key, deterministic=True)


def _text_key(value: str | None) -> str | None:
    return text_sort_key(value) if value else None


def _name_key(value: str | None) -> str | None:
    return name_sort_key(value) if value else None


def _begin(conn) -> None:
    conn.exec_driver_sql("BEGIN")


def engine_url(url: str | URL) -> URL:
    """The URL to connect with: a plain postgresql:// (or postgres://) URL means psycopg 3."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername=PSYCOPG)
    return parsed


def make_engine(url: str | URL) -> Engine:
    parsed = engine_url(url)
    if parsed.get_backend_name() == "postgresql":
        # A shared server may close idle connections (the app sits open all day): test before use.
        # Times in UTC, as SQLite's CURRENT_TIMESTAMP and the audit trail write them.
        return create_engine(parsed, pool_pre_ping=True, connect_args={
            "connect_timeout": CONNECT_TIMEOUT_S, "application_name": "sovang", "options": "-c timezone=UTC"})
    engine = create_engine(parsed)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _configure_sqlite)
        event.listen(engine, "begin", _begin)
    return engine


def server_name(url: URL) -> str:
    """Where a server database is, for messages (never the password)."""
    port = f":{url.port}" if url.port else ""
    return f"{url.host or 'localhost'}{port}/{url.database or ''}"


def unreachable_server_message(url: URL, exc: Exception) -> str:
    detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return (f"Không kết nối được cơ sở dữ liệu PostgreSQL “{server_name(url)}” (SOVANG_DATABASE_URL): "
            f"{detail[0] if detail else exc}. Hãy kiểm tra máy chủ, mạng, tên cơ sở dữ liệu, tài khoản và "
            "mật khẩu rồi mở lại; dữ liệu không bị thay đổi.")
