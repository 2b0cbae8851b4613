"""Demo section "exchange": the column presets an officer would have saved — an export for the
district (the recipients with their decision and golden-book number) and the mapping of the villages'
own list (resources/data/demo/danh-sach-thon-trung.xlsx, to try the import on)."""

from __future__ import annotations

from app.services.demo.context import DemoContext
from app.services.exchange.presets import EXPORT, IMPORT, upsert_preset

DISTRICT_COLUMNS = ["stt", "name", "gender", "birth", "position", "unit", "form", "decision",
                    "golden_book_no"]
VILLAGE_MAPPING = {"name": "Họ và tên", "unit": "Thôn", "citizen_id": "Số CCCD", "phone": "Điện thoại"}


def add_exchange_presets(ctx: DemoContext) -> None:
    upsert_preset(ctx.session, EXPORT, "Danh sách gửi huyện", list_kind="decision", columns=DISTRICT_COLUMNS)
    upsert_preset(ctx.session, IMPORT, "Danh sách của thôn", fields=VILLAGE_MAPPING)
    ctx.summary.extras.append("2 mẫu cột trao đổi Excel")
