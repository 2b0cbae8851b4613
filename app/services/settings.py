"""Settings declared once (key, type, default, Vietnamese label) and the commune profile."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from app.errors import Validator
from app.models import Setting
from app.rules.vntext import normalize_text
from app.storage.database import Database


@dataclass(frozen=True)
class SettingVar:
    key: str
    default: Any
    label: str


COMMUNE_NAME = SettingVar("commune.name", "", "Tên xã")
PROVINCE_NAME = SettingVar("commune.province", "", "Tỉnh, thành phố")
CHAIRMAN = SettingVar("commune.chairman", "", "Chủ tịch UBND xã")
VICE_CHAIRMEN = SettingVar("commune.vice_chairmen", [], "Phó Chủ tịch UBND xã")
OFFICER = SettingVar("commune.officer", "", "Cán bộ phụ trách thi đua, khen thưởng")
# The administrative unit code (mã đơn vị hành chính) that starts the names of upload packages; "" = the
# commune's name run together.
COMMUNE_CODE = SettingVar("commune.code", "", "Mã đơn vị hành chính của xã")

# Cash rewards are multiples of the base salary (ND 73/2024: 2.340.000 đồng/tháng).
BASE_SALARY = SettingVar("reward.base_salary", 2_340_000, "Mức lương cơ sở (đồng/tháng)")
# Each unit introduces at least one exemplar per quarter, before this day of the quarter's last month.
DUTY_DAY = SettingVar("duty.deadline_day", 5, "Hạn giới thiệu điển hình (ngày của tháng cuối quý)")
# "all_units": every unit every quarter; "bloc_on_turn": only the units of the bloc whose turn it is.
DUTY_ROTA_MODE = SettingVar("duty.rota_mode", "all_units", "Đơn vị phải giới thiệu điển hình mỗi quý")
# With user accounts: minutes without keyboard or mouse before the window locks (0: never).
LOCK_MINUTES = SettingVar("access.lock_minutes", 10, "Tự khóa sau (phút)")
# A folder on a USB stick or another disk that also receives each backup (not the safety ones); "" = none.
BACKUP_SECOND_FOLDER = SettingVar("backup.second_folder", "", "Nơi sao lưu thứ hai")
# Golden-book numbers (số sổ vàng): "decision_order" (the recipient's order in the decision, ND 98/2023
# Điều 104), "yearly" (the commune's golden book, from 1 each year) or "running" (never restarted).
GOLDEN_BOOK_SCHEME = SettingVar("certificates.golden_book_scheme", "decision_order", "Cách đánh số sổ vàng")


def get_setting(db: Database, var: SettingVar) -> Any:
    return _stored_values(db, [var.key]).get(var.key, var.default)


def _stored_values(db: Database, keys: list[str]) -> dict[str, Any]:
    with db.read() as session:
        return _read_values(session, keys)


def _read_values(session, keys: list[str]) -> dict[str, Any]:
    """The stored settings among `keys`, decoded.

    A Core statement over the table, not the ORM: the window title and the first page read settings
    before anything else, and an ORM query would first configure every mapper (about 75 ms at start).
    """
    table = Setting.__table__
    statement = select(table.c.key, table.c.value_json).where(table.c.key.in_(keys))
    return {row.key: json.loads(row.value_json) for row in session.execute(statement)}


def read_setting(session, var: SettingVar) -> Any:
    """One setting, read inside the caller's session."""
    row = session.get(Setting, var.key)
    return var.default if row is None else json.loads(row.value_json)


def set_setting(db: Database, var: SettingVar, value: Any) -> None:
    with db.transaction() as session:
        put_setting(session, var, value)


def put_setting(session, var: SettingVar, value: Any) -> None:
    """Write one setting inside the caller's transaction."""
    row = session.get(Setting, var.key)
    payload = json.dumps(value, ensure_ascii=False)
    if row is None:
        session.add(Setting(key=var.key, value_json=payload))
    else:
        row.value_json = payload


@dataclass
class CommuneProfile:
    commune: str = ""
    province: str = ""
    chairman: str = ""
    vice_chairmen: list[str] = field(default_factory=list)
    officer: str = ""

    def normalized(self) -> CommuneProfile:
        vices = [normalize_text(v) for v in self.vice_chairmen]
        return CommuneProfile(
            commune=normalize_text(self.commune),
            province=normalize_text(self.province),
            chairman=normalize_text(self.chairman),
            vice_chairmen=[v for v in vices if v],
            officer=normalize_text(self.officer),
        )


_PROFILE_VARS = {
    "commune": COMMUNE_NAME,
    "province": PROVINCE_NAME,
    "chairman": CHAIRMAN,
    "vice_chairmen": VICE_CHAIRMEN,
    "officer": OFFICER,
}
_PROFILE_KEYS = [var.key for var in _PROFILE_VARS.values()]


def validate_profile(profile: CommuneProfile) -> None:
    check = Validator()
    check.require("commune", COMMUNE_NAME.label, profile.commune)
    check.require("province", PROVINCE_NAME.label, profile.province)
    for name, var in _PROFILE_VARS.items():
        value = getattr(profile, name)
        for item in value if isinstance(value, list) else [value]:
            check.max_length(name, var.label, item, 200)
    check.raise_if_any()


def save_commune_profile(db: Database, profile: CommuneProfile) -> CommuneProfile:
    clean = profile.normalized()
    validate_profile(clean)
    with db.transaction() as session:
        for name, var in _PROFILE_VARS.items():
            put_setting(session, var, getattr(clean, name))
    return clean


def load_commune_profile(db: Database) -> CommuneProfile:
    return _profile(_stored_values(db, _PROFILE_KEYS))


def read_commune_profile(session) -> CommuneProfile:
    """The profile, read inside the caller's session."""
    return _profile(_read_values(session, _PROFILE_KEYS))


def _profile(stored: dict[str, Any]) -> CommuneProfile:
    return CommuneProfile(**{name: stored.get(var.key, var.default) for name, var in _PROFILE_VARS.items()})


def is_initialised(db: Database) -> bool:
    return bool(load_commune_profile(db).commune)
