"""A BagIt bag (RFC 8493, version 1.0) serialised as one zip, written whole in memory.

The zip holds one top-level folder, the bag (RFC 8493 §4.2 on serialisation): `bagit.txt`,
`bag-info.txt`, `manifest-sha256.txt` over every payload file under `data/`, and `tagmanifest-sha256.txt`
over the tag files. Any BagIt validator (bagit-python is used by the tests) accepts what this writes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile
from collections.abc import Iterable

BAGIT_TXT = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
MANIFEST = "manifest-sha256.txt"
TAG_MANIFEST = "tagmanifest-sha256.txt"
BAG_INFO = "bag-info.txt"
# Fixed zip times keep a package's bytes the same for the same content (the day is in bag-info.txt).
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)
_PACKED = (".pdf", ".docx", ".xlsx", ".zip", ".png", ".jpg")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _manifest(files: dict[str, bytes]) -> str:
    return "".join(f"{sha256(data)}  {path}\n" for path, data in sorted(files.items()))


def bag_info_text(fields: Iterable[tuple[str, str]]) -> str:
    """'Label: value' lines; a value's line breaks become spaces (a label may repeat)."""
    return "".join(f"{label}: {' '.join(str(value).split())}\n" for label, value in fields)


def bag_zip(root: str, payload: dict[str, bytes], info: list[tuple[str, str]],
            bagging_date: dt.date | None = None) -> bytes:
    """The bag `root` with `payload` (names relative to data/) and the bag-info fields, as zip bytes."""
    data = {f"data/{name}": content for name, content in payload.items()}
    oxum = f"{sum(len(content) for content in data.values())}.{len(data)}"
    day = (bagging_date or dt.date.today()).isoformat()
    fields = [*info, ("Bagging-Date", day), ("Payload-Oxum", oxum)]
    tags = {
        "bagit.txt": BAGIT_TXT.encode(),
        BAG_INFO: bag_info_text(fields).encode("utf-8"),
        MANIFEST: _manifest(data).encode("utf-8"),
    }
    tags[TAG_MANIFEST] = _manifest(tags).encode("utf-8")
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path, content in [*sorted(tags.items()), *sorted(data.items())]:
            member = zipfile.ZipInfo(f"{root}/{path}", date_time=_ZIP_TIME)
            # .pdf, .docx and .xlsx are compressed already: stored as they are, the zip is written faster
            member.compress_type = zipfile.ZIP_STORED if path.endswith(_PACKED) else zipfile.ZIP_DEFLATED
            member.flag_bits |= 0x800  # names in UTF-8
            archive.writestr(member, content)
    return stream.getvalue()
