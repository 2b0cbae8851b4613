"""Errors a service reports to the user, in Vietnamese, naming the field at fault."""

from __future__ import annotations


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


class Validator:
    """Collects field errors; raise_if_any() raises them together."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def add(self, field: str, message: str) -> None:
        self.errors.setdefault(field, message)

    def require(self, field: str, label: str, value: str) -> None:
        if not value:
            self.add(field, f"{label}: không được để trống.")

    def max_length(self, field: str, label: str, value: str, limit: int) -> None:
        if len(value) > limit:
            self.add(field, f"{label}: dài quá {limit} ký tự.")

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)
