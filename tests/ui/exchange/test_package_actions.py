"""The package actions of the "Trao đổi" menu: a sound package said sound, a tampered one with its
reason, a catalogue imported once and then "nothing new"; the file dialog and message boxes stubbed."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from app.services.exchange import make_catalogue_package
from app.ui.exchange import package_actions
from app.ui.kit import messages


@pytest.fixture
def said(monkeypatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "show_info", lambda parent, text, *a, **k: shown.append(("info", text)))
    monkeypatch.setattr(messages, "show_error", lambda parent, text, *a, **k: shown.append(("error", text)))
    monkeypatch.setattr(messages, "ask_yes_no", lambda parent, text, *a, **k: True)
    return shown


def test_check_then_import_a_catalogue_package(qtbot, commune_db, tmp_path, monkeypatch, said) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    path = make_catalogue_package(commune_db, tmp_path / "dm.zip")
    monkeypatch.setattr(package_actions, "choose_package", lambda parent, title: path)
    assert package_actions.verify_package_file(parent) is not None
    qtbot.waitUntil(lambda: len(said) == 1, timeout=10_000)
    assert said[0][0] == "info" and "hợp lệ" in said[0][1]
    assert package_actions.import_package_file(parent, commune_db) is not None
    qtbot.waitUntil(lambda: len(said) == 2, timeout=10_000)
    assert said[1][0] == "info" and said[1][1].startswith("Không có gì mới")


def test_a_tampered_package_is_said_with_its_reason(qtbot, tmp_path, monkeypatch, said) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    bad = tmp_path / "hong.zip"
    bad.write_bytes(b"PK\x03\x04 broken")
    monkeypatch.setattr(package_actions, "choose_package", lambda parent, title: bad)
    package_actions.verify_package_file(parent)
    qtbot.waitUntil(lambda: len(said) == 1, timeout=10_000)
    kind, text = said[0]
    assert kind == "error" and "KHÔNG hợp lệ" in text and "không phải tệp nén .zip" in text


def test_cancelled_choice_does_nothing(qtbot, commune_db, monkeypatch, said) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    monkeypatch.setattr(package_actions, "choose_package", lambda parent, title: None)
    assert package_actions.verify_package_file(parent) is None
    assert package_actions.import_package_file(parent, commune_db) is None
    assert said == []
