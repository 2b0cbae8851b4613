"""The trail's sealing key: a file in the data folder, never in the database.

Each event's chained hash (chain.event_hash: SHA-256 over the previous hash and the event) is sealed with
HMAC-SHA256 under this key, and the sealed value is what the event stores as its hash and what the next
event chains to. Someone who edits the database and recomputes the chain with the app's own functions
cannot seal it without the key file, so `sovang check-db` finds the rewrite.

The file (`audit.key`, mode 0600, written atomically) holds the key and `sealed_from`, the number of the
first sealed event: a trail made before the key existed (an older version of the app) keeps its plain
hashes up to that point and is verified as before; every event from `sealed_from` on must be sealed. The
key is made at the first write of a fresh database (`sovang init`), or at the first write on an older
trail.

Limits. The key protects against an edit of the database made without the data folder: whoever holds
both the database and the key file can rewrite the trail (the chain's head written into each backup,
`check-db --against`, catches that against a copy that left the laptop). On PostgreSQL the key lives in
the data folder of the computer, not on the server: on a server shared by several computers each needs
the same key file (copy `audit.key` from the computer that started the trail), or the events one seals
are reported by the others.

Kept beside the backups, as a file of its own (never inside a backup): every backup folder, the second
destination included, holds a copy, and a restore into a folder that has no key takes the one beside the
backup. Without it a laptop that died would leave a sealed trail nobody can add to.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from app.errors import ServiceError
from app.storage.atomic import write_atomically

KEY_FILE = "audit.key"
KEY_BYTES = 32


class TrailKeyError(ServiceError):
    """The key file is there but cannot be read, or the trail is sealed with a key this folder lacks."""


@dataclass(frozen=True)
class TrailKey:
    secret: bytes
    sealed_from: int  # the first event number sealed with it

    def seals(self, number: int) -> bool:
        return number >= self.sealed_from

    def seal(self, chained_hash: str) -> str:
        return hmac.new(self.secret, chained_hash.encode(), hashlib.sha256).hexdigest()


def key_path(data_dir: Path) -> Path:
    return data_dir / KEY_FILE


def read_key(data_dir: Path) -> TrailKey | None:
    """The key of this data folder; None when there is no key file; TrailKeyError when it is unreadable."""
    path = key_path(data_dir)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return TrailKey(bytes.fromhex(raw["key"]), int(raw["sealed_from"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise TrailKeyError(
            f"Không đọc được tệp khóa niêm phong nhật ký “{path}” ({exc}). Tệp này cần để kiểm tra và ghi "
            "nhật ký thay đổi: hãy chép lại nó từ bản lưu của tệp khóa.") from exc


def write_key(data_dir: Path, key: TrailKey) -> None:
    data = json.dumps({"key": key.secret.hex(), "sealed_from": key.sealed_from}).encode()
    try:
        write_atomically(key_path(data_dir), data)  # a temporary file of mode 0600, fsynced, renamed
        os.chmod(key_path(data_dir), 0o600)
    except OSError as exc:
        raise ServiceError(f"Không ghi được tệp khóa niêm phong nhật ký “{key_path(data_dir)}” "
                           f"({exc.strerror or exc}). Hãy kiểm tra thư mục dữ liệu cho phép ghi.") from exc


def new_key(data_dir: Path, sealed_from: int) -> TrailKey:
    key = TrailKey(secrets.token_bytes(KEY_BYTES), sealed_from)
    write_key(data_dir, key)
    return key


def keep_key_beside(data_dir: Path, folder: Path) -> None:
    """A copy of the folder's key in a backup folder (written only when it differs)."""
    source, target = key_path(data_dir), folder / KEY_FILE
    try:
        data = source.read_bytes()
        if target.exists() and target.read_bytes() == data:
            return
        write_atomically(target, data)
        os.chmod(target, 0o600)
    except FileNotFoundError:
        if not source.exists():
            return  # no key yet (no save made)
        raise
    except OSError as exc:
        raise ServiceError(f"Không chép được tệp khóa niêm phong nhật ký vào “{folder}” "
                           f"({exc.strerror or exc}).") from exc


def bring_key_from(folder: Path, data_dir: Path) -> bool:
    """When the data folder has no key, the one kept beside a backup being restored; True when taken."""
    source = folder / KEY_FILE
    if key_path(data_dir).exists() or not source.is_file():
        return False
    try:
        write_atomically(key_path(data_dir), source.read_bytes())
        os.chmod(key_path(data_dir), 0o600)
    except OSError as exc:
        raise ServiceError(f"Không chép được tệp khóa niêm phong nhật ký từ “{folder}” vào thư mục dữ liệu "
                           f"({exc.strerror or exc}).") from exc
    return True
