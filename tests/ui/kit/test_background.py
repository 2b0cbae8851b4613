"""The shared helper that runs long work off the GUI thread."""

from __future__ import annotations

import sys
import threading

from PySide6.QtWidgets import QWidget

from app.errors import ConflictError
from app.ui.kit.background import run_in_background


def run(qtbot, work, **kwargs):
    parent = QWidget()
    qtbot.addWidget(parent)
    results = []
    task = run_in_background(parent, "Đang làm…", work, results.append, **kwargs)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    return results


def test_work_runs_in_another_thread_and_the_result_arrives_on_the_gui_thread(qtbot):
    gui = threading.get_ident()
    seen = {}

    def work():
        seen["thread"] = threading.get_ident()
        return 42

    results = run(qtbot, work)
    assert results == [42]
    assert seen["thread"] != gui


def test_a_service_refusal_is_shown_in_vietnamese(qtbot, fake_messages):
    def work():
        raise ConflictError("Không xóa được: đã có hồ sơ.")

    assert run(qtbot, work) == []
    assert fake_messages.errors == ["Không xóa được: đã có hồ sơ."]


def test_a_bug_goes_to_the_crash_hook(qtbot, monkeypatch, fake_messages):
    caught = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, tb: caught.append(error))

    def work():
        raise ValueError("bug")

    assert run(qtbot, work) == []
    assert [str(e) for e in caught] == ["bug"] and not fake_messages.errors
