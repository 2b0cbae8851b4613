"""One record loaded and saved the same way in every service: found or refused in Vietnamese, and
changed only over the version the user read (optimistic locking; app/storage/versions.py counts)."""

from __future__ import annotations

from typing import Any, Protocol, TypeVar

from sqlalchemy.orm import Session

from app.errors import ConflictError, NotFoundError

T = TypeVar("T")
REOPEN_AND_REDO = "Hãy đóng biểu mẫu, mở lại và nhập lại thay đổi."


class Versioned(Protocol):
    version: Any


def get_or_not_found(session: Session, model: type[T], record_id: int, what: str, **options: Any) -> T:
    """The record, or NotFoundError: "Không tìm thấy {what} {record_id}; có thể đã bị xóa."

    `what` names the record with its numbering word ("đơn vị số", "quyết định mã").
    """
    record = session.get(model, record_id, **options)
    if record is None:
        raise NotFoundError(f"Không tìm thấy {what} {record_id}; có thể đã bị xóa.")
    return record


def check_version(record: Versioned, expected: int | None, label: str, advice: str = REOPEN_AND_REDO) -> None:
    """ConflictError when someone saved the record since it was read (`expected` None: not checked)."""
    if expected is not None and record.version != expected:
        raise ConflictError(f"{label} vừa được sửa ở nơi khác. {advice}")
