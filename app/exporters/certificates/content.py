"""What one certificate says, field by field, gathered by the services from an issued decision."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class CertificateText:
    """One recipient's certificate: the text of each field (by field id, without the layout's prefix)."""

    position: int  # the recipient's order in the decision (1-based)
    recipient: str  # the name as in the decision, for messages
    kind: str  # "individual", "collective", "household"
    golden_book_no: int | None
    values: dict[str, str] = field(default_factory=dict)
    decision_entry_id: int | None = None

    def value(self, field_id: str) -> str:
        return self.values.get(field_id, "")
