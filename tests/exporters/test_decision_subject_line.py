"""The decision's subject line names the recipients in the plural only when there are several."""

from __future__ import annotations

from app.exporters.award_content import AwardContent, ListedRecipient, Places
from app.exporters.decision_builder import subject_line


def content(*recipients: ListedRecipient) -> AwardContent:
    return AwardContent(wording={}, places=Places("Xã Hòa Bình", "Tỉnh Phú Thọ", 2026), form_name="Giấy khen",
                        is_title=False, achievement="", recipients=recipients)


def person(name: str) -> ListedRecipient:
    return ListedRecipient("individual", name, "Giáo viên")


def test_one_person_is_not_called_several() -> None:
    assert subject_line(content(person("Nguyễn Văn An"))) == "Về việc tặng Giấy khen cho cá nhân"


def test_several_recipients_are_plural() -> None:
    line = subject_line(content(person("Nguyễn Văn An"), ListedRecipient("collective", "Tổ Toán", "")))
    assert line.startswith("Về việc tặng Giấy khen cho các ")
