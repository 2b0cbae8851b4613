"""The demo's exchange section: an export preset for the district and the villages' import mapping,
saved like an officer's own; the mapping reads the shipped village list's header."""

from __future__ import annotations

from app.resources import resources_dir
from app.services.exchange import ImportSource, export_preset, import_preset, preview_import


def test_demo_presets(make_demo) -> None:
    db, summary = make_demo(subjects=300, seed=3)
    assert "2 mẫu cột trao đổi Excel" in summary.describe()
    district = export_preset(db, "Danh sách gửi huyện")
    assert district.list_kind == "decision" and district.columns[-1] == "golden_book_no"
    assert not district.asks_citizen_id
    mapping = import_preset(db, "Danh sách của thôn").fields
    path = resources_dir() / "data" / "demo" / "danh-sach-thon-trung.xlsx"
    preview = preview_import(db, ImportSource(path, preset=mapping))
    assert preview.mapping[1] == "name" and preview.mapping[5] == "unit"
    assert len(preview.rows) == 10
