"""A workbook saved with a password, made for real (msoffcrypto-tool encrypts it as Excel does: an OLE
file holding the encrypted package): refused by name with the Vietnamese message, and nothing written —
no subject, no batch, no backup, no trail event."""

from __future__ import annotations

import zipfile

import msoffcrypto
import pytest
from exchange_helpers import TODAY, messy_list
from msoffcrypto.format.ooxml import OOXMLFile
from openpyxl import load_workbook
from sqlalchemy import func, select

from app.errors import ServiceError
from app.models import AuditEvent, ImportBatch, Subject
from app.services.exchange import ImportSource, preview_import, run_import, sheet_names
from app.storage.paths import backups_dir

pytestmark = pytest.mark.both_backends

MESSAGE = "Tệp “mat-khau.xlsx”: tệp có đặt mật khẩu. Hãy mở bằng Excel, gỡ mật khẩu"


def encrypted(plain, path, password="Xã Hòa An 2026"):
    with plain.open("rb") as source, path.open("wb") as out:
        OOXMLFile(source).encrypt(password, out)
    return path


def counts(db):
    with db.read() as session:
        return tuple(session.scalar(select(func.count()).select_from(model))
                     for model in (Subject, ImportBatch, AuditEvent))


def test_the_fixture_is_a_real_encrypted_workbook(tmp_path):
    path = encrypted(messy_list(tmp_path), tmp_path / "mat-khau.xlsx")
    assert path.read_bytes()[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" and not zipfile.is_zipfile(path)
    decrypted = tmp_path / "giai-ma.xlsx"
    with path.open("rb") as source, decrypted.open("wb") as out:
        office = msoffcrypto.OfficeFile(source)
        office.load_key(password="Xã Hòa An 2026")
        office.decrypt(out)
    assert load_workbook(decrypted).active["B10"].value == "Đỗ Minh Tú"  # the list, under the password


def test_protected_workbook_refused_and_nothing_written(commune_db, data_dir, tmp_path):
    path = encrypted(messy_list(tmp_path), tmp_path / "mat-khau.xlsx")
    before, backups = counts(commune_db), sorted(backups_dir(data_dir).glob("*"))
    for attempt in (lambda: sheet_names(path), lambda: preview_import(commune_db, ImportSource(path), TODAY),
                    lambda: run_import(commune_db, ImportSource(path), today=TODAY)):
        with pytest.raises(ServiceError) as caught:
            attempt()
        assert str(caught.value).startswith(MESSAGE), caught.value
    assert counts(commune_db) == before
    assert sorted(backups_dir(data_dir).glob("*")) == backups
