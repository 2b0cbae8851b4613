"""Backups encrypted with a passphrase, for the second destination (a USB stick that may be lost).

A file is a small versioned header, then the database encrypted with AES-256-GCM (the `cryptography`
library), then GCM's 16-byte tag. The header is authenticated with the data (GCM's associated data):

    MAGIC (8) | version (1) | scrypt log2 n, r, p (1 each) | salt (16) | check (16) | nonce (12)

The key comes from the passphrase (NFC-normalised, UTF-8) through scrypt with the salt; scrypt gives 48
bytes: the first 32 are the AES key, the last 16 are `check`, which says "wrong passphrase" apart from
"the file was altered" (a wrong tag). The nonce is random for each file.

The passphrase itself is never stored. So that automatic backups can encrypt without asking, the data
folder keeps the derived key (`backup-encryption.key`, 0600, written atomically) beside the database it
protects; it is never copied beside the backups. Whoever restores on another computer types the passphrase.

Encrypting writes a temporary file in the target folder, fsynced, checked by decrypting it again, then
renamed: the target is whole or absent, and only ciphertext is ever written there.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import struct
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from app.errors import ServiceError
from app.storage.atomic import TEMP_PREFIX, output_error, write_atomically
from app.storage.backup.file import BackupVerificationError
from app.storage.private import private_file

MAGIC = b"SOVANGBK"
VERSION = 1
ENCRYPTED_SUFFIX = ".enc"
KEY_FILE = "backup-encryption.key"
HEADER = struct.Struct(">8sBBBB16s16s12s")
TAG_BYTES = 16
CHUNK = 1 << 20
SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P = 15, 8, 1  # about 32 MB and a tenth of a second
MIN_PASSPHRASE = 8


class WrongPassphraseError(ServiceError):
    """The passphrase typed is not the one the backup was encrypted with."""


class PassphraseNeededError(ServiceError):
    """The backup is encrypted and no passphrase was given."""


@dataclass(frozen=True)
class BackupKey:
    """The key derived from a passphrase, with what derived it (the passphrase is not kept)."""

    salt: bytes
    log2_n: int
    r: int
    p: int
    key: bytes
    check: bytes


def _derive(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> tuple[bytes, bytes]:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    out = Scrypt(salt=salt, length=48, n=1 << log2_n, r=r, p=p).derive(secret)
    return out[:32], out[32:]


def check_passphrase_text(passphrase: str, again: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ServiceError(f"Cụm mật khẩu mã hóa phải có ít nhất {MIN_PASSPHRASE} ký tự.")
    if passphrase != again:
        raise ServiceError("Hai lần nhập cụm mật khẩu mã hóa không giống nhau.")


def new_backup_key(passphrase: str) -> BackupKey:
    salt = secrets.token_bytes(16)
    key, check = _derive(passphrase, salt, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P)
    return BackupKey(salt, SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P, key, check)


def key_path(data_dir: Path) -> Path:
    return data_dir / KEY_FILE


def read_backup_key(data_dir: Path) -> BackupKey | None:
    """The folder's encryption key; None when the second destination's copies are not encrypted."""
    path = key_path(data_dir)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return BackupKey(bytes.fromhex(raw["salt"]), int(raw["log2_n"]), int(raw["r"]), int(raw["p"]),
                         bytes.fromhex(raw["key"]), bytes.fromhex(raw["check"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ServiceError(f"Không đọc được tệp khóa mã hóa bản sao lưu “{path}” ({exc}). Hãy đặt lại cụm "
                           "mật khẩu mã hóa trong “Dữ liệu → Nơi sao lưu thứ hai…”.") from exc


def save_backup_key(data_dir: Path, key: BackupKey | None) -> None:
    """Keep the key (atomic, 0600), or forget it (None: the copies are no longer encrypted)."""
    path = key_path(data_dir)
    try:
        if key is None:
            path.unlink(missing_ok=True)
            return
        data = {"salt": key.salt.hex(), "log2_n": key.log2_n, "r": key.r, "p": key.p, "key": key.key.hex(),
                "check": key.check.hex()}
        write_atomically(path, json.dumps(data).encode())
        private_file(path)
    except OSError as exc:
        raise ServiceError(f"Không ghi được tệp khóa mã hóa bản sao lưu “{path}” "
                           f"({exc.strerror or exc}).") from exc


def is_encrypted(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            return stream.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def _header(key: BackupKey, nonce: bytes) -> bytes:
    return HEADER.pack(MAGIC, VERSION, key.log2_n, key.r, key.p, key.salt, key.check, nonce)


def _pump(source: BinaryIO, limit: int, step: Callable[[bytes], object]) -> None:
    left = limit
    while left > 0:
        chunk = source.read(min(CHUNK, left))
        if not chunk:
            raise EOFError
        step(chunk)
        left -= len(chunk)


def _encrypt_stream(plain: BinaryIO, out: BinaryIO, key: BackupKey, size: int) -> None:
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    nonce = secrets.token_bytes(12)
    header = _header(key, nonce)
    encryptor = Cipher(algorithms.AES(key.key), modes.GCM(nonce)).encryptor()
    encryptor.authenticate_additional_data(header)
    out.write(header)
    _pump(plain, size, lambda chunk: out.write(encryptor.update(chunk)))
    out.write(encryptor.finalize())
    out.write(encryptor.tag)


def _read_header(stream: BinaryIO, name: str) -> tuple[bytes, tuple]:
    raw = stream.read(HEADER.size)
    if len(raw) < HEADER.size or raw[:len(MAGIC)] != MAGIC:
        raise BackupVerificationError(f"Tệp “{name}” không phải bản sao lưu mã hóa của Sổ Vàng.")
    fields = HEADER.unpack(raw)
    if fields[1] != VERSION:
        raise BackupVerificationError(f"Tệp “{name}” được mã hóa theo cách của phiên bản Sổ Vàng mới hơn "
                                      f"(phiên bản {fields[1]}). Hãy cập nhật Sổ Vàng.")
    if not (10 <= fields[2] <= 22 and 1 <= fields[3] <= 32 and 1 <= fields[4] <= 16):
        raise BackupVerificationError(f"Phần đầu của tệp mã hóa “{name}” bị hỏng.")
    return raw, fields


def _key_for(fields: tuple, passphrase: str, name: str) -> bytes:
    _magic, _version, log2_n, r, p, salt, check, _nonce = fields
    key, derived_check = _derive(passphrase, salt, log2_n, r, p)
    if not hmac.compare_digest(derived_check, check):
        raise WrongPassphraseError(f"Cụm mật khẩu không đúng với bản sao lưu mã hóa “{name}”. Hãy nhập lại "
                                   "đúng cụm mật khẩu đã đặt khi bật mã hóa; chưa có gì được khôi phục.")
    return key


def _decrypt_stream(path: Path, key: bytes | None, passphrase: str | None, out: BinaryIO | None) -> str:
    """Decrypt `path` into `out` (or nowhere: a check); the plaintext's SHA-256. The key or passphrase."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    digest = hashlib.sha256()
    with path.open("rb") as stream:
        header, fields = _read_header(stream, path.name)
        if key is None:
            key = _key_for(fields, passphrase or "", path.name)
        body = path.stat().st_size - HEADER.size - TAG_BYTES
        if body < 0:
            raise BackupVerificationError(f"Tệp mã hóa “{path.name}” bị cắt cụt.")
        stream.seek(HEADER.size + body)
        tag = stream.read(TAG_BYTES)
        stream.seek(HEADER.size)
        decryptor = Cipher(algorithms.AES(key), modes.GCM(fields[7], tag)).decryptor()
        decryptor.authenticate_additional_data(header)

        def step(chunk: bytes) -> None:
            plain = decryptor.update(chunk)
            digest.update(plain)
            if out is not None:
                out.write(plain)

        try:
            _pump(stream, body, step)
            decryptor.finalize()
        except (InvalidTag, EOFError) as exc:
            raise BackupVerificationError(
                f"Tệp sao lưu mã hóa “{path.name}” đã bị sửa hoặc hỏng (mã xác thực không khớp); "
                "không dùng được tệp này. Hãy chọn một bản sao lưu khác.") from exc
    return digest.hexdigest()


def check_passphrase(path: Path, passphrase: str) -> None:
    """WrongPassphraseError when the passphrase does not open this encrypted backup (quick: no decryption)."""
    with path.open("rb") as stream:
        _header_bytes, fields = _read_header(stream, path.name)
    _key_for(fields, passphrase, path.name)


def decrypt_to(path: Path, target: Path, passphrase: str | None) -> None:
    """The encrypted backup `path` decrypted into the new file `target` (0600), tag checked; on any
    failure `target` is removed: no plaintext of an unauthenticated file is left."""
    if passphrase is None:
        raise PassphraseNeededError(f"Bản sao lưu “{path.name}” được mã hóa: hãy nhập cụm mật khẩu "
                                    "để khôi phục.")
    try:
        with target.open("xb") as out:
            private_file(target)
            _decrypt_stream(path, None, passphrase, out)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def encrypt_to(source: Path, target: Path, key: BackupKey) -> None:
    """Write `source` encrypted as `target`, whole or not at all, after decrypting it again to compare."""
    try:
        handle, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=ENCRYPTED_SUFFIX, dir=target.parent)
    except OSError as exc:
        raise output_error(target, exc) from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as out, source.open("rb") as plain:
            _encrypt_stream(plain, out, key, source.stat().st_size)
            out.flush()
            os.fsync(out.fileno())
        if _decrypt_stream(temp, key.key, None, None) != _file_digest(source):
            raise BackupVerificationError(f"Bản mã hóa của “{source.name}” không khớp với bản gốc nên đã bị "
                                          "xóa; hãy sao lưu lại.")
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise output_error(target, exc) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
