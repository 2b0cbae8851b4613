"""Errors the user can act on, in Vietnamese: refusals of the services (naming the field at fault) and
the data directory's own problems. The bottom layer: storage and services both raise these, so this
module imports nothing of the app's (but a type, for checking only).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.storage.backup.file import BackupInfo


class ServiceError(Exception):
    """A refusal the user can act on (not a bug)."""


class ValidationError(ServiceError):
    """Bad input: one message per field, keyed by the field's identifier."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(self.errors.values()))


class NotFoundError(ServiceError):
    pass


class ConflictError(ServiceError):
    """The record changed or is in use; nothing was saved."""


# Tab, line feed and carriage return are white space that normalisation folds (or keeps as line breaks).
_ALLOWED_CONTROLS = frozenset("\t\n\r")
_CHARACTER_NAMES = {"\x00": "NUL", "\x07": "BEL", "\x08": "BS", "\x1b": "ESC", "\x7f": "DEL"}


def forbidden_character(value: str | None) -> str | None:
    """The first character of a text that is never stored, or None: a control character (C0 but tab and
    line breaks, DEL, C1: NUL, escape, bell…) or half of a surrogate pair (bytes that were not UTF-8).

    Such a character is invisible in a form, may drive a terminal (escape) and cannot be stored by
    PostgreSQL (NUL) or encoded at all (a lone surrogate)."""
    for ch in value or "":
        if ((ch < " " or "\x7f" <= ch <= "\x9f") and ch not in _ALLOWED_CONTROLS) or (
                "\ud800" <= ch <= "\udfff"):
            return ch
    return None


def character_refusal(ch: str) -> str:
    """'có ký tự điều khiển U+001B (ESC)': what is wrong with a text holding `ch`, for a message."""
    code = f"U+{ord(ch):04X}" + (f" ({_CHARACTER_NAMES[ch]})" if ch in _CHARACTER_NAMES else "")
    if "\ud800" <= ch <= "\udfff":
        return f"có ký tự không hợp lệ {code} (không phải văn bản UTF-8)"
    return f"có ký tự điều khiển không in được {code}"


class Validator:
    """Collects field errors; raise_if_any() raises them together.

    Every text given to require() or max_length() is also checked for control characters (plain_text),
    so a field that is checked at all refuses them."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def add(self, field: str, message: str) -> None:
        self.errors.setdefault(field, message)

    def require(self, field: str, label: str, value: str) -> None:
        if not value:
            self.add(field, f"{label}: không được để trống.")
        self.plain_text(field, label, value)

    def max_length(self, field: str, label: str, value: str, limit: int) -> None:
        self.plain_text(field, label, value)
        if len(value) > limit:
            self.add(field, f"{label}: dài quá {limit} ký tự.")

    def plain_text(self, field: str, label: str, value: str | None) -> None:
        """Refuse a control character (escape, NUL, DEL, C1…; tab and line breaks are white space) or a
        lone surrogate: never stored, on either database."""
        ch = forbidden_character(value) if isinstance(value, str) else None
        if ch is not None:
            self.add(field, f"{label}: {character_refusal(ch)}, hãy xóa ký tự đó.")

    def plain_texts(self, item: Any, labels: dict[str, str], prefix: str = "") -> None:
        """plain_text on every text field of a dataclass (its label from `labels`, else a general one)."""
        for f in dataclasses.fields(item):
            value = getattr(item, f.name)
            if isinstance(value, str):
                self.plain_text(prefix + f.name, labels.get(f.name, "Nội dung"), value)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


# The data directory's problems: not bugs, reported in one Vietnamese sentence by the GUI and the CLI.


class DataDirError(RuntimeError):
    """The data directory cannot be created or written."""


class DamagedDatabaseError(DataDirError):
    """The database file is damaged: it was set aside (never overwritten) and nothing was opened."""

    def __init__(self, set_aside_as: Path | None, newest_backup: BackupInfo | None, detail: str = "") -> None:
        self.set_aside_as = set_aside_as
        self.newest_backup = newest_backup
        if set_aside_as is None:
            message = (f"Cơ sở dữ liệu bị hỏng nhưng không để riêng được ({detail}). "
                       "Hãy đóng mọi cửa sổ Sổ Vàng rồi mở lại.")
        else:
            message = (f"Cơ sở dữ liệu bị hỏng nên đã được để riêng thành tệp “{set_aside_as.name}” "
                       "(không xóa, không ghi đè).")
        if newest_backup is not None:
            made = newest_backup.created
            message += (f" Bản sao lưu tốt gần nhất: “{newest_backup.path}”, lập lúc {made:%H:%M} "
                        f"ngày {made:%d/%m/%Y}; hãy khôi phục từ bản này.")
        else:
            message += (" Trong thư mục backups không có bản sao lưu tốt; "
                        "hãy khôi phục từ bản sao lưu ở nơi khác.")
        super().__init__(message)

    @property
    def can_restore(self) -> bool:
        """A backup can be restored in its place (the damaged file is out of the way)."""
        return self.set_aside_as is not None


class MissingDatabaseError(DamagedDatabaseError):
    """An initialised data directory whose database is missing or empty (0 bytes): never replaced by a
    fresh empty database, the way back is a backup."""

    def __init__(self, data_dir: Path, empty: bool, newest_backup: BackupInfo | None,
                 set_aside_before: Path | None = None) -> None:
        self.data_dir, self.empty = data_dir, empty
        self.set_aside_as, self.newest_backup = set_aside_before, newest_backup
        state = "trống (0 byte)" if empty else "không còn"
        message = (f"Thư mục dữ liệu “{data_dir}” đã được khởi tạo nhưng tệp cơ sở dữ liệu {state}; Sổ Vàng "
                   "không tạo cơ sở dữ liệu trống thay thế.")
        if set_aside_before is not None:
            message += f" Tệp hỏng trước đó đã được để riêng thành “{set_aside_before.name}”."
        if newest_backup is not None:
            made = newest_backup.created
            message += (f" Bản sao lưu tốt gần nhất: “{newest_backup.path}”, lập lúc {made:%H:%M} ngày "
                        f"{made:%d/%m/%Y}; hãy khôi phục từ bản này (sovang restore TỆP).")
        else:
            message += (" Trong thư mục backups không có bản sao lưu tốt; hãy khôi phục từ bản sao lưu ở "
                        "nơi khác (sovang restore TỆP), hoặc chạy “sovang init” để bắt đầu lại với dữ liệu "
                        "trống.")
        Exception.__init__(self, message)

    @property
    def can_restore(self) -> bool:
        return True


class NotInitialisedError(DataDirError):
    """A command other than `init` on a data directory that was never initialised: nothing is created."""

    def __init__(self, where: str) -> None:
        super().__init__(
            f"{where} chưa được khởi tạo: chưa có dữ liệu Sổ Vàng, và lệnh này không tạo gì. Hãy kiểm tra "
            "--data-dir, SOVANG_DATA_DIR và SOVANG_DATABASE_URL; nếu đây là lần dùng đầu tiên, hãy chạy "
            "“sovang init --commune … --province …” (hoặc “sovang restore TỆP” để lấy dữ liệu từ bản sao "
            "lưu).")


class DamagedInUseError(DataDirError, ServiceError):
    """SQLite said the file is damaged in the middle of an operation: the operation ended, and the
    Database refuses every further write in this process (app/storage/database.py). The next start sets
    the file aside and offers the newest good backup."""

    def __init__(self, detail: str, newest_backup: BackupInfo | None = None) -> None:
        self.detail, self.newest_backup = detail, newest_backup
        message = (f"Cơ sở dữ liệu bị hỏng ({detail}): thao tác đã dừng và Sổ Vàng không ghi thêm gì vào tệp "
                   "này. Hãy đóng Sổ Vàng rồi mở lại: tệp hỏng sẽ được để riêng (không xóa) để khôi phục từ "
                   "bản sao lưu")
        if newest_backup is not None:
            made = newest_backup.created
            message += (f"; bản sao lưu tốt gần nhất là “{newest_backup.path}”, lập lúc {made:%H:%M} ngày "
                        f"{made:%d/%m/%Y}.")
        else:
            message += "; trong thư mục backups không có bản sao lưu tốt, hãy dùng bản sao lưu ở nơi khác."
        super().__init__(message)


class AlreadyRunningError(RuntimeError):
    def __init__(self, data_dir: Path) -> None:
        super().__init__(
            f"Sổ Vàng đang mở dữ liệu trong thư mục {data_dir} ở một cửa sổ hoặc lệnh khác. "
            "Hãy đóng cửa sổ đó rồi thử lại."
        )


class DatabaseTooNewError(RuntimeError):
    def __init__(self, revision: str) -> None:
        super().__init__(
            f"Cơ sở dữ liệu được tạo bởi phiên bản Sổ Vàng mới hơn (mã lược đồ {revision}). "
            "Hãy cập nhật Sổ Vàng rồi mở lại; dữ liệu không bị thay đổi."
        )
