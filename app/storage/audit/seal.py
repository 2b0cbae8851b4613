"""What the chain's hash covers of an event's readable parts: their SHA-256, not their text.

An event's summary and the values in its before/after snapshots may name a person. When that person's
data is erased on request, `audit_redact` removes them from the trail and keeps only their SHA-256
(under "redacted"); since the chain hashes those SHA-256 values, it still verifies, and any other edit
of the text still breaks it. The row digests stay in place, so checking the data against the trail is
unchanged.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from app.storage.audit.snapshot import canonical

REDACTED = "redacted"


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _envelope(text: str) -> Any:
    try:
        return json.loads(text) if text else None
    except ValueError:
        return text  # not ours: sealed as it is, so its hash check fails


def seal(snapshot_json: str) -> Any:
    """An envelope with its values replaced by their SHA-256 (kept under "redacted" once removed)."""
    envelope = _envelope(snapshot_json)
    if not isinstance(envelope, dict) or ("values" not in envelope and REDACTED not in envelope):
        return envelope  # empty, a baseline's rows (no personal data), or unreadable
    redacted = envelope.get(REDACTED, {})
    values = redacted["values"] if "values" in redacted else sha(canonical(envelope.get("values")))
    return {"digest": envelope.get("digest"), "values": values}


def summary_seal(summary: str, before_json: str, after_json: str) -> str:
    """The summary's SHA-256, or the one its redaction kept."""
    for text in (after_json, before_json):
        envelope = _envelope(text)
        if isinstance(envelope, dict) and "summary" in envelope.get(REDACTED, {}):
            return envelope[REDACTED]["summary"]
    return sha(summary)
