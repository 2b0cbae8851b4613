"""The page "Nhật ký thay đổi" through its widgets: the trail newest first, filters, the field-by-field
detail, more rows as the table scrolls, and the chain check with its Vietnamese result."""

from __future__ import annotations

import dataclasses

import pytest
from audit_helpers import outside_edit
from nomination_helpers import button_named, choose, click
from qt_typing import type_text

from app.models import UserRole
from app.models.enums import AuditAction, Gender, SubjectKind
from app.services.subjects.crud import create_subject, get_subject, update_subject
from app.services.subjects.data import SubjectInput
from app.storage.actor import Actor
from app.ui.audit import page as audit_page
from app.ui.audit.model import ACTION, ACTOR, KIND, RECORD, SUMMARY
from app.ui.audit.page import AuditPage
from app.ui.main_window import MainWindow
from app.ui.pages import AUDIT

LAN = Actor("lan", "Trần Thị Lan", UserRole.OFFICER)


@pytest.fixture
def an(commune_db) -> int:
    commune_db.actor = LAN
    subject = create_subject(commune_db, SubjectInput(kind=SubjectKind.INDIVIDUAL, name="Nguyễn Văn An",
                                                      gender=Gender.MALE, citizen_id="001085012345")).id
    detail = get_subject(commune_db, subject)
    data = SubjectInput(**{f.name: getattr(detail, f.name) for f in dataclasses.fields(SubjectInput)})
    update_subject(commune_db, subject, dataclasses.replace(data, address="Thôn Đông"), detail.version)
    return subject


@pytest.fixture
def page(qtbot, commune_db, an) -> AuditPage:
    widget = AuditPage(commune_db)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    widget.on_shown()
    return widget


def cell(page: AuditPage, row: int, column: int) -> str:
    return page.model.index(row, column).data()


def test_newest_first_with_who_what_and_which_record(page, an) -> None:
    assert [cell(page, 0, c) for c in (ACTOR, ACTION, KIND, RECORD)] == [LAN.label, "Sửa", "Đối tượng",
                                                                       f"số {an}"]
    assert cell(page, 0, SUMMARY) == f"Sửa đối tượng số {an} (Nguyễn Văn An): địa chỉ"
    assert page.count_label.text() == f"{page.model.rowCount()} sự kiện"


def test_choosing_a_row_shows_each_changed_field(qtbot, page) -> None:
    page.table.selectRow(0)
    assert "Sửa đối tượng số" in page.panel.title.text() and LAN.label in page.panel.meta.text()
    rows = [tuple(page.panel.model.index(r, c).data() for c in range(3))
            for r in range(page.panel.model.rowCount())]
    assert rows == [("Địa chỉ", "(trống)", "Thôn Đông")]
    page.table.selectRow(1)
    changed = {page.panel.model.index(r, 0).data(): page.panel.model.index(r, 2).data()
               for r in range(page.panel.model.rowCount())}
    assert changed["Số CCCD"] == "••••••••2345" and changed["Giới tính"] == "Nam"


def test_filters(qtbot, page, an) -> None:
    choose(page.actor_combo, LAN.label)
    assert {cell(page, r, ACTOR) for r in range(page.model.rowCount())} == {LAN.label}
    choose(page.action_combo, AuditAction.CREATE.value)
    assert page.model.rowCount() == 1 and page.count_label.text() == "1 sự kiện"
    choose(page.actor_combo, None)
    choose(page.entity_combo, "award_form")
    assert page.model.rowCount() == 6 and {cell(page, r, KIND) for r in range(6)} == {"Hình thức khen thưởng"}
    choose(page.entity_combo, None)
    choose(page.action_combo, None)
    type_text(page.search, "nguyen van an")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert page.count_label.text() == "2 sự kiện khớp"
    page.search.clear()
    type_text(page.record, str(an))
    qtbot.waitUntil(lambda: page.model.rowCount() == 2 and cell(page, 0, RECORD) == f"số {an}")


def test_a_date_that_cannot_be_read_is_said_and_the_list_kept(qtbot, page) -> None:
    before = page.model.rowCount()
    type_text(page.since.line, "31/02/2026")
    qtbot.waitUntil(lambda: page.error.isVisible())
    assert "Ngày lọc không hợp lệ" in page.error.text() and page.model.rowCount() == before
    page.since.line.clear()
    type_text(page.until.line, "01/01/2000")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert not page.error.isVisible()


def test_more_rows_are_read_as_the_table_scrolls(qtbot, page, monkeypatch) -> None:
    total = page.model.rowCount()
    monkeypatch.setattr(audit_page, "PAGE_SIZE", 10)
    page.refresh()
    assert page.model.rowCount() == 10 and page.model.canFetchMore()
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() > 10)
    while page.model.canFetchMore():
        page.model.fetchMore()
    ids = [page.model.row(r).id for r in range(page.model.rowCount())]
    assert page.model.rowCount() == total and len(set(ids)) == total


def test_the_chain_check_says_it_is_sound(qtbot, page, fake_messages) -> None:
    click(qtbot, button_named(page, "Kiểm tra chuỗi nhật ký"))
    qtbot.waitUntil(lambda: bool(fake_messages.infos), timeout=5000)
    assert "chuỗi mã băm đúng" in fake_messages.infos[0] and not fake_messages.errors
    qtbot.waitUntil(page.check_button.isEnabled)


def test_the_chain_check_names_a_record_edited_outside(qtbot, page, fake_messages, commune_db, an) -> None:
    outside_edit(commune_db, "UPDATE subject SET phone = '0999999999' WHERE id = :id", id=an)
    click(qtbot, page.check_button)
    qtbot.waitUntil(lambda: bool(fake_messages.errors), timeout=5000)
    assert f"Đối tượng số {an} (Nguyễn Văn An) bị sửa ngoài ứng dụng" in fake_messages.errors[0]


def test_models_pass_the_model_tester(qtmodeltester, page, monkeypatch) -> None:
    monkeypatch.setattr(audit_page, "PAGE_SIZE", 7)
    page.refresh()
    qtmodeltester.check(page.model)
    page.table.selectRow(1)
    qtmodeltester.check(page.panel.model)


def test_the_main_window_lists_the_page(qtbot, commune_db) -> None:
    window = MainWindow(commune_db)
    qtbot.addWidget(window)
    window.show_page(AUDIT)
    assert isinstance(window.page(AUDIT), AuditPage) and window.page(AUDIT).model.rowCount() > 0
