"""Roles in the "Dữ liệu" menu: restore is offered to a leader only (greyed with the reason for others,
followed when the person working changes); the evidence pickers offer only what the file store accepts."""

from __future__ import annotations

import re

import pytest
from account_helpers import PASSWORD, cheap_hashing, leader_and_staff  # noqa: F401

from app.services.accounts.manage import authenticate
from app.storage.file_store import EVIDENCE_SUFFIXES, PROGRAM_SUFFIXES
from app.ui.kit import system_files
from app.ui.main_window import MainWindow
from app.ui.safety.backup_actions import LEADER_ONLY

pytestmark = pytest.mark.usefixtures("cheap_hashing")


def test_restore_is_a_leaders_item(qtbot, commune_db) -> None:
    leader_and_staff(commune_db)
    commune_db.actor = authenticate(commune_db, "hoa", PASSWORD)  # an officer
    window = MainWindow(commune_db)
    qtbot.addWidget(window)
    restore = window.backups.restore_action
    assert not restore.isEnabled() and restore.toolTip() == LEADER_ONLY
    assert window.backups.backup_action.isEnabled()
    commune_db.actor = authenticate(commune_db, "lan", PASSWORD)  # the leader unlocks the screen
    window.backups.menu.aboutToShow.emit()
    assert restore.isEnabled() and restore.toolTip() != LEADER_ONLY


def test_without_accounts_the_computers_user_may_restore(qtbot, commune_db) -> None:
    window = MainWindow(commune_db)
    qtbot.addWidget(window)
    assert window.backups.restore_action.isEnabled()


def test_the_evidence_filter_is_the_file_stores_list(qtbot) -> None:
    offered = {f".{s}" for s in re.findall(r"\*\.(\w+)", system_files.EVIDENCE_FILTER)}
    assert offered == set(EVIDENCE_SUFFIXES)
    assert not offered & PROGRAM_SUFFIXES and "(*)" not in system_files.EVIDENCE_FILTER
