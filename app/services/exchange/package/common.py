"""What every package says of where it comes from: the commune, its code, the audit trail's head, the app
and schema versions; and the data-only packages (the catalogue, the subjects) written in one way."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from app.services.exchange.package.bag import bag_zip
from app.services.exchange.package.names import commune_code
from app.services.exchange.package.schema import DATA_SUFFIX, SCHEMA, SCHEMA_VERSION, app_version
from app.services.settings import COMMUNE_CODE, read_commune_profile, read_setting
from app.storage.atomic import save_files
from app.storage.audit.chain import trail_head


@dataclass(frozen=True)
class Origin:
    commune: str
    province: str
    code: str  # the commune's code in file names
    head: dict  # the audit trail's head when the package was made


def read_origin(session: Session) -> Origin:
    profile = read_commune_profile(session)
    code = commune_code(read_setting(session, COMMUNE_CODE) or "", profile.commune)
    return Origin(profile.commune, profile.province, code, trail_head(session.connection()).as_json())


def data_header(origin: Origin, content: str, title: str, day: dt.date) -> dict:
    """The first keys of a package's JSON data."""
    return {"schema": SCHEMA, "schema_version": SCHEMA_VERSION, "app_version": app_version(),
            "content": content, "title": title, "commune": origin.commune, "province": origin.province,
            "commune_code": origin.code, "created_on": day.isoformat(), "trail_head": origin.head}


def origin_fields(origin: Origin, description: str) -> list[tuple[str, str]]:
    return [("Source-Organization", f"{origin.commune}, {origin.province}"),
            ("External-Description", description), ("External-Identifier", origin.code),
            ("Sovang-Commune", origin.commune), ("Sovang-Province", origin.province),
            ("Sovang-Commune-Code", origin.code)]


def version_fields(origin: Origin, day: dt.date) -> list[tuple[str, str]]:
    """The app and schema versions and the trail's head (`sovang check-db --against` reads these)."""
    return [("Sovang-App-Version", app_version()), ("Sovang-Schema-Version", str(SCHEMA_VERSION)),
            ("Sovang-Trail-Events", str(origin.head["events"])),
            ("Sovang-Trail-Last-Event-Id", str(origin.head["last_event_id"])),
            ("Sovang-Trail-Last-Hash", origin.head["last_hash"]), ("Sovang-Packed-On", day.isoformat())]


def write_data_package(out: Path, root: str, origin: Origin, data: dict, description: str,
                       day: dt.date) -> Path:
    """A package whose payload is its JSON data alone, written whole or not at all."""
    payload = {f"{root}{DATA_SUFFIX}": json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")}
    info = [*origin_fields(origin, description), *version_fields(origin, day)]
    target = out.expanduser()
    save_files({target: bag_zip(root, payload, info, bagging_date=day)})
    return target
