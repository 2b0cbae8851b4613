"""The schema revision this version of the app expects (the newest Alembic revision shipped).

Checked against the migration scripts by tests/test_storage.py; it lets a start-up on an up-to-date
database skip importing Alembic at all.
"""

SCHEMA_HEAD = "0006"


class DatabaseTooNewError(RuntimeError):
    def __init__(self, revision: str) -> None:
        super().__init__(
            f"Cơ sở dữ liệu được tạo bởi phiên bản Sổ Vàng mới hơn (mã lược đồ {revision}). "
            "Hãy cập nhật Sổ Vàng rồi mở lại; dữ liệu không bị thay đổi."
        )
