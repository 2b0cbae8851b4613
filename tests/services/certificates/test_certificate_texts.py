"""What each certificate says, from the issued decision; drafts and cancelled decisions print nothing."""

from __future__ import annotations

import pytest
from certificate_helpers import LONG_COLLECTIVE, draft_decision, issued_cstdcs, issued_decision

from app.errors import ConflictError
from app.services.certificates import certificate_texts, check_batch, render_certificates
from app.services.decisions.issue import cancel_decision

pytestmark = pytest.mark.both_backends


def test_every_recipient_gets_the_decision_s_frozen_texts(commune_db) -> None:
    decision_id = issued_decision(commune_db, collective=LONG_COLLECTIVE)
    texts = certificate_texts(commune_db, decision_id)
    assert [t.position for t in texts] == [1, 2, 3, 4, 5, 6]
    team, person = texts[0], texts[1]
    assert team.kind == "collective" and team.value("recipient_name") == LONG_COLLECTIVE
    assert team.value("recipient_detail") == "Trường Tiểu học Hòa Bình"  # a collective's parent body
    assert person.kind == "individual" and person.value("recipient_detail").startswith("Giáo viên, Trường")
    assert person.value("authority") == "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HÒA BÌNH"
    assert (person.value("award_verb"), person.value("award_name")) == ("TẶNG", "GIẤY KHEN")
    assert person.value("decision_ref") == "01/QĐ-UBND ngày 01/12/2026"
    assert person.value("place_date") == "Xã Hòa Bình, ngày 01 tháng 12 năm 2026"
    assert person.value("signer_title") == "CHỦ TỊCH" and person.value("signer_name") == "Nguyễn Văn Hùng"
    assert person.value("achievement").startswith("Đã có thành tích")
    assert [t.value("golden_book") for t in texts] == ["1", "2", "3", "4", "5", "6"]


def test_the_cstdcs_certificate_awards_a_title(commune_db) -> None:
    decision_id = issued_cstdcs(commune_db)
    (text,) = certificate_texts(commune_db, decision_id)
    assert text.value("award_verb") == "TẶNG DANH HIỆU"
    assert text.value("award_name") == "CHIẾN SĨ THI ĐUA CƠ SỞ"
    assert check_batch(commune_db, decision_id).layouts == ("cstdcs-ca-nhan",)


def test_a_draft_prints_nothing_and_says_why(commune_db) -> None:
    decision_id = draft_decision(commune_db)
    with pytest.raises(ConflictError, match="còn là dự thảo.*ban hành quyết định trước"):
        render_certificates(commune_db, decision_id)


def test_a_cancelled_decision_prints_nothing_and_says_why(commune_db) -> None:
    decision_id = issued_decision(commune_db)
    cancel_decision(commune_db, decision_id, "Sai tên người được khen")
    with pytest.raises(ConflictError, match="01/QĐ-UBND đã bị hủy"):
        certificate_texts(commune_db, decision_id)
