"""Roles of the safety steps: a restore can undo a leader's decisions, so it is a leader's step; a
viewer may not repair. Without accounts the computer's own user may do both."""

from __future__ import annotations

import pytest
from account_helpers import PASSWORD, cheap_hashing, leader_and_staff  # noqa: F401

from app.services.accounts.manage import authenticate
from app.services.accounts.permissions import PermissionDeniedError
from app.services.safety.backups import restore_database
from app.services.safety.repair import repair_database
from app.storage.actor import system_actor
from app.storage.backup.backups import list_backups, make_backup
from app.storage.backup.schedule import BackupReason

pytestmark = pytest.mark.usefixtures("cheap_hashing")


@pytest.fixture
def backup_path(commune_db):
    leader_and_staff(commune_db)
    return make_backup(commune_db.data_dir, BackupReason.MANUAL).path


@pytest.mark.parametrize("username", ["duc", "hoa"])
def test_only_a_leader_restores(commune_db, backup_path, username) -> None:
    commune_db.actor = authenticate(commune_db, username, PASSWORD)
    with pytest.raises(PermissionDeniedError, match="Chỉ lãnh đạo mới được khôi phục") as caught:
        restore_database(commune_db, backup_path)
    assert username in str(caught.value)
    assert [b.path for b in list_backups(commune_db.data_dir)] == [backup_path]  # nothing was done


def test_a_leader_restores(commune_db, backup_path) -> None:
    commune_db.actor = authenticate(commune_db, "lan", PASSWORD)
    assert restore_database(commune_db, backup_path) is not None


def test_without_accounts_the_computers_user_restores(commune_db) -> None:
    backup = make_backup(commune_db.data_dir, BackupReason.MANUAL).path
    commune_db.actor = system_actor()
    assert restore_database(commune_db, backup) is not None


def test_a_viewer_may_not_repair(commune_db) -> None:
    leader_and_staff(commune_db)
    commune_db.actor = authenticate(commune_db, "hoa", PASSWORD)
    with pytest.raises(PermissionDeniedError, match="chỉ được xem, không được sửa"):
        repair_database(commune_db)
    assert list_backups(commune_db.data_dir) == []


@pytest.mark.parametrize("username", ["lan", "duc", None])
def test_others_repair(commune_db, username) -> None:
    if username is not None:
        leader_and_staff(commune_db)
        commune_db.actor = authenticate(commune_db, username, PASSWORD)
    else:
        commune_db.actor = system_actor()
    assert repair_database(commune_db).ok
