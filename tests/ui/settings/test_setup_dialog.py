"""First-run set-up: the profile is saved through initialise_commune; errors show beside the field."""

from __future__ import annotations

import sys
import threading
import types

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from qt_typing import type_text

from app.errors import ConflictError
from app.services.settings import is_initialised, load_commune_profile
from app.services.subjects.data import SubjectQuery
from app.services.subjects.search import search_subject_ids
from app.services.units import list_fields
from app.ui.settings.setup_dialog import DEMO_SUBJECTS, SetupDialog


def _save(qtbot, dialog: SetupDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _fill(dialog: SetupDialog, commune: str = "Xã Hòa Bình") -> None:
    type_text(dialog.commune_edit, commune)
    type_text(dialog.province_edit, "Tỉnh Phú Thọ")
    type_text(dialog.chairman_edit, "Nguyễn Văn Hùng")
    type_text(dialog.vices_edit, "Trần Thị Lan\nĐỗ Văn Khánh")
    type_text(dialog.officer_edit, "Lê Minh Đức")


def test_setup_saves_the_profile(qtbot, db):
    dialog = SetupDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(dialog)
    _save(qtbot, dialog)
    assert dialog.result() == SetupDialog.DialogCode.Accepted
    profile = load_commune_profile(db)
    assert (profile.commune, profile.province) == ("Xã Hòa Bình", "Tỉnh Phú Thọ")
    assert profile.chairman == "Nguyễn Văn Hùng"
    assert profile.vice_chairmen == ["Trần Thị Lan", "Đỗ Văn Khánh"]
    assert profile.officer == "Lê Minh Đức"
    assert list_fields(db), "the default fields of activity are loaded"


def test_empty_commune_name_shows_an_inline_error(qtbot, db):
    dialog = SetupDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(dialog, commune="")
    _save(qtbot, dialog)
    error = dialog.form.rows["commune"].error
    assert error.isVisible()
    assert error.text() == "Tên xã: không được để trống."
    assert dialog.isVisible()
    assert not is_initialised(db)
    assert dialog.province_edit.text() == "Tỉnh Phú Thọ", "nothing typed is lost"


def _save_with_demo(qtbot, db, monkeypatch, generate_demo) -> SetupDialog:
    """The form filled and saved with the demo box ticked, `generate_demo` standing in for the demo's."""
    fake = types.ModuleType("app.services.demo.generate")
    fake.generate_demo = generate_demo
    monkeypatch.setitem(sys.modules, "app.services.demo.generate", fake)
    dialog = SetupDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(dialog)
    dialog.demo_box.setChecked(True)
    _save(qtbot, dialog)
    return dialog


def test_demo_box_fills_demo_data(qtbot, db, monkeypatch):
    calls = []
    _save_with_demo(qtbot, db, monkeypatch, lambda database, subjects: calls.append((database, subjects)))
    assert calls == [(db, DEMO_SUBJECTS)]
    assert is_initialised(db)


def test_demo_runs_off_the_gui_thread(qtbot, db, monkeypatch):
    """The first-run demo takes seconds: the window must stay painted (a worker thread, a progress box)."""
    threads = []
    dialog = _save_with_demo(qtbot, db, monkeypatch,
                             lambda database, subjects: threads.append(threading.current_thread()))
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    assert dialog.result() == SetupDialog.DialogCode.Accepted


def test_a_refused_demo_keeps_the_dialog_open_with_the_reason(qtbot, db, monkeypatch, fake_messages):
    def refuse(database, subjects):
        raise ConflictError("Cơ sở dữ liệu đã có đối tượng: không điền dữ liệu mẫu.")

    dialog = _save_with_demo(qtbot, db, monkeypatch, refuse)
    assert fake_messages.errors == ["Cơ sở dữ liệu đã có đối tượng: không điền dữ liệu mẫu."]
    assert dialog.isVisible(), "the officer sees why and can untick the box"
    assert is_initialised(db), "the commune's profile itself was saved"


def test_demo_box_with_the_real_generator(qtbot, db):
    dialog = SetupDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(dialog)
    dialog.demo_box.setChecked(True)
    _save(qtbot, dialog)
    assert len(search_subject_ids(db, SubjectQuery())) == DEMO_SUBJECTS
    assert load_commune_profile(db).commune == "Xã Hòa Bình"


def test_editing_later_hides_the_demo_box_and_prefills(qtbot, commune_db):
    dialog = SetupDialog(commune_db, first_run=False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.demo_box.isVisible()
    assert dialog.commune_edit.text() == "Xã Hòa Bình"
    dialog.commune_edit.selectAll()
    type_text(dialog.commune_edit, "Xã Hòa Lạc")
    _save(qtbot, dialog)
    assert load_commune_profile(commune_db).commune == "Xã Hòa Lạc"
