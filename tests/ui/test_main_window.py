"""The main window: title and status bar, page navigation, pages registered from a list, geometry."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from app import __version__
from app.ui.dashboard.page import DashboardPage
from app.ui.main_window import MainWindow
from app.ui.pages import DASHBOARD, SUBJECTS, UNITS, PageSpec, default_pages
from app.ui.subjects.page import SubjectsPage
from app.ui.units.page import UnitsPage


def make_window(qtbot, db, pages=None) -> MainWindow:
    window = MainWindow(db, pages)
    qtbot.addWidget(window)
    window.show()
    return window


def test_title_status_bar_and_first_page(qtbot, commune_db, people):
    window = make_window(qtbot, commune_db)
    assert window.windowTitle() == "Sổ Vàng — Xã Hòa Bình"
    assert window.commune_label.text() == "Xã Hòa Bình, Tỉnh Phú Thọ"
    assert window.count_label.text() == "Tổng số: 5 đối tượng"
    assert isinstance(window.stack.currentWidget(), DashboardPage)
    assert set(window.pages) == {DASHBOARD}, "the other pages are made when first needed"
    window.show_page(SUBJECTS)
    assert isinstance(window.stack.currentWidget(), SubjectsPage)
    assert window.page(SUBJECTS).model.rowCount() == 5


def test_menus_are_vietnamese(qtbot, commune_db):
    window = make_window(qtbot, commune_db)
    menus = {a.text(): [x.text() for x in a.menu().actions() if x.text()] for a in window.menuBar().actions()}
    assert menus == {
        "&Tệp": ["Thông tin xã…", "Cài đặt…", "Mẫu văn bản…", "Tài khoản người dùng…", "Đổi mật khẩu…",
                 "Khóa màn hình", "Thoát"],
        "&Dữ liệu": ["Sao lưu ngay", "Khôi phục từ bản sao lưu…", "Kiểm tra cơ sở dữ liệu…",
                     "Nơi sao lưu thứ hai…", "Mở thư mục sao lưu"],
        "Trao đổ&i": ["Nhập danh sách từ Excel…", "Xuất danh sách ra Excel…", "Kiểm tra gói hồ sơ (.zip)…",
                      "Nhập gói danh mục, đối tượng…"],
        "Trợ &giúp": ["Hướng dẫn trang này", "Giới thiệu Sổ Vàng"],
    }


def test_navigation_shows_and_loads_the_units_page(qtbot, commune_db, village):
    window = make_window(qtbot, commune_db)
    assert window.page(UNITS).model.rowCount() == 0, "a page loads nothing before it is shown"
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    window.nav.setCurrentRow(titles.index("Đơn vị"))
    assert isinstance(window.stack.currentWidget(), UnitsPage)
    assert window.page(UNITS).model.rowCount() == 1


def test_total_follows_a_delete_made_while_filtered(qtbot, commune_db, people, fake_messages):
    window = make_window(qtbot, commune_db)
    page = window.page(SUBJECTS)
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("household"))
    page.table.selectRow(0)
    page.delete_selected()
    assert fake_messages.errors == []
    assert page.model.rowCount() == 0
    assert window.count_label.text() == "Tổng số: 4 đối tượng"


class HelloPage(QLabel):
    shown = 0

    def __init__(self, db) -> None:
        super().__init__("Xin chào")

    def on_shown(self) -> None:
        HelloPage.shown += 1


def test_pages_plug_in_from_the_list(qtbot, commune_db):
    pages = [*default_pages(), PageSpec("hello", "Chào", HelloPage)]
    window = make_window(qtbot, commune_db, pages)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == [
        "Tổng quan", "Đối tượng", "Điển hình tiên tiến", "Phong trào thi đua", "Đợt xét", "Hồ sơ đề nghị",
        "Hội đồng", "Quyết định khen thưởng", "Giấy khen", "Danh mục khen thưởng", "Đơn vị",
        "Thống kê", "Nhật ký thay đổi", "Chào",
    ]
    window.show_page("hello")
    assert isinstance(window.stack.currentWidget(), HelloPage) and HelloPage.shown == 1


def test_about_box(qtbot, commune_db, fake_messages):
    window = make_window(qtbot, commune_db)
    window.show_about()
    assert len(fake_messages.infos) == 1 and str(commune_db.data_dir) in fake_messages.infos[0]
    assert f"Phiên bản {__version__}" in fake_messages.infos[0] and "MIT" in fake_messages.infos[0]


def test_geometry_is_restored(qtbot, commune_db):
    window = make_window(qtbot, commune_db, [PageSpec("blank", "Trống", lambda db: QWidget())])
    window.resize(640, 420)  # the offscreen screen is 800 × 600
    window.close()
    again = make_window(qtbot, commune_db, [PageSpec("blank", "Trống", lambda db: QWidget())])
    assert (again.width(), again.height()) == (640, 420)


def test_edit_commune_updates_the_title(qtbot, commune_db):
    from qt_typing import type_text

    from app.ui.settings.setup_dialog import SetupDialog

    window = make_window(qtbot, commune_db)
    window.edit_commune()
    dialog = window.findChild(SetupDialog)
    dialog.commune_edit.selectAll()
    type_text(dialog.commune_edit, "Xã Hòa Lạc")
    dialog.accept()
    assert window.windowTitle() == "Sổ Vàng — Xã Hòa Lạc"


def test_every_page_opens_and_shows_without_warnings(qtbot, commune_db, people):
    window = make_window(qtbot, commune_db)
    for spec in window.specs:
        window.show_page(spec.key)
        assert window.stack.currentWidget() is window.page(spec.key)
    assert set(window.pages) == {spec.key for spec in window.specs}


def test_a_round_opens_its_nominations(qtbot, commune_db):
    from app.models import RoundKind
    from app.services.rounds import RoundInput, create_round
    from app.ui.pages import NOMINATIONS

    data = RoundInput(name="Tổng kết năm 2026", kind=RoundKind.YEAR_END, year=2026)
    round_id = create_round(commune_db, data)
    window = make_window(qtbot, commune_db)
    window.open_round_nominations(round_id)
    assert window.stack.currentWidget() is window.page(NOMINATIONS)


def test_the_rounds_page_opens_a_rounds_decisions(qtbot, commune_db):
    from app.models import RoundKind
    from app.services.rounds import RoundInput, create_round
    from app.ui.pages import DECISIONS, ROUNDS

    data = RoundInput(name="Tổng kết năm 2026", kind=RoundKind.YEAR_END, year=2026)
    round_id = create_round(commune_db, data)
    window = make_window(qtbot, commune_db)
    window.show_page(ROUNDS)
    rounds = window.page(ROUNDS)
    rounds.table.selectRow(0)
    rounds.decisions_button.click()
    assert window.stack.currentWidget() is window.page(DECISIONS)
    assert window.page(DECISIONS).current_round_id() == round_id
