"""The user's preferences (base salary, the quarterly duty's deadline day and rota), declared once.

`PREFERENCES` lists every editable setting with its bounds or choices; the settings dialog is generated
from it, and `save_preferences` validates against it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.errors import Validator
from app.models import GoldenBookScheme
from app.rules.duty import RotaMode
from app.rules.vntext import vn_number
from app.services.settings import (
    BASE_SALARY,
    DUTY_DAY,
    DUTY_ROTA_MODE,
    GOLDEN_BOOK_SCHEME,
    LOCK_MINUTES,
    SettingVar,
    get_setting,
    put_setting,
)
from app.services.units import apply_bloc_rota, list_blocs
from app.storage.database import Database

INTEGER, MONEY, CHOICE = "integer", "money", "choice"


@dataclass(frozen=True)
class Preference:
    """One editable setting: the field of Preferences it fills, how it is typed, what is allowed."""

    name: str
    var: SettingVar
    kind: str  # INTEGER, MONEY or CHOICE
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[tuple[str, str], ...] = ()  # (stored value, Vietnamese label)
    hint: str = ""

    @property
    def label(self) -> str:
        return self.var.label


PREFERENCES: tuple[Preference, ...] = (
    Preference("base_salary", BASE_SALARY, MONEY, minimum=1, maximum=1_000_000_000,
               hint="Tiền thưởng = hệ số × mức lương cơ sở."),
    Preference("duty_day", DUTY_DAY, INTEGER, minimum=1, maximum=28,
               hint="Hạn là hết ngày này của tháng 3, 6, 9 và 12."),
    Preference("duty_rota_mode", DUTY_ROTA_MODE, CHOICE,
               choices=tuple((mode.value, mode.label) for mode in RotaMode)),
    Preference("lock_minutes", LOCK_MINUTES, INTEGER, minimum=0, maximum=480,
               hint="0: không tự khóa. Chỉ dùng khi đã có tài khoản người dùng."),
    Preference("golden_book_scheme", GOLDEN_BOOK_SCHEME, CHOICE,
               choices=tuple((scheme.value, scheme.label) for scheme in GoldenBookScheme),
               hint="Số sổ vàng được cấp khi ban hành quyết định; số đã cấp không bao giờ đổi."),
)
BLOC_ROTA = "bloc_rota"
BLOC_ROTA_LABEL = "Thứ tự trực của các khối thi đua"


@dataclass
class Preferences:
    base_salary: int | None = BASE_SALARY.default
    duty_day: int | None = DUTY_DAY.default
    duty_rota_mode: str = DUTY_ROTA_MODE.default
    lock_minutes: int | None = LOCK_MINUTES.default
    golden_book_scheme: str = GOLDEN_BOOK_SCHEME.default
    bloc_rota: list[int] = field(default_factory=list)  # bloc ids, the first one on turn first


def load_preferences(db: Database) -> Preferences:
    values = {pref.name: get_setting(db, pref.var) for pref in PREFERENCES}
    return Preferences(**values, bloc_rota=[bloc.id for bloc in list_blocs(db)])


def _check(check: Validator, pref: Preference, value: object) -> None:
    if pref.kind == CHOICE:
        if value not in {stored for stored, _label in pref.choices}:
            check.add(pref.name, f"{pref.label}: hãy chọn một trong các cách có sẵn.")
        return
    if value is None:
        check.add(pref.name, f"{pref.label}: không được để trống.")
    elif not isinstance(value, int) or not pref.minimum <= value <= pref.maximum:
        low, high = vn_number(pref.minimum), vn_number(pref.maximum)
        check.add(pref.name, f"{pref.label}: phải từ {low} đến {high}.")


def validate_preferences(db: Database, prefs: Preferences) -> None:
    check = Validator()
    for pref in PREFERENCES:
        _check(check, pref, getattr(prefs, pref.name))
    if sorted(prefs.bloc_rota) != sorted(bloc.id for bloc in list_blocs(db)):
        check.add(BLOC_ROTA, f"{BLOC_ROTA_LABEL}: danh sách khối đã thay đổi, hãy mở lại hộp thoại.")
    check.raise_if_any()


def save_preferences(db: Database, prefs: Preferences) -> None:
    """Validate everything first (ValidationError naming the field, nothing saved), then save."""
    validate_preferences(db, prefs)
    with db.transaction() as session:  # all or nothing
        for pref in PREFERENCES:
            put_setting(session, pref.var, getattr(prefs, pref.name))
        apply_bloc_rota(session, prefs.bloc_rota)
