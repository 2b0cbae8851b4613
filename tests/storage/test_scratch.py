"""Copies opened in Word (data folder tmp/) are removed after a day; fresh ones stay."""

from __future__ import annotations

import os
import time

from app.storage.scratch import clean_scratch, scratch_dir


def test_old_copies_go_and_fresh_ones_stay(data_dir) -> None:
    folder = scratch_dir(data_dir)
    folder.mkdir(parents=True)
    old, fresh = folder / "QD 05.docx", folder / "QD 06.docx"
    old.write_bytes(b"old")
    fresh.write_bytes(b"new")
    two_days_ago = time.time() - 2 * 86400
    os.utime(old, (two_days_ago, two_days_ago))
    assert clean_scratch(folder) == [old]
    assert not old.exists() and fresh.exists()


def test_a_missing_folder_is_nothing_to_clean(data_dir) -> None:
    assert clean_scratch(scratch_dir(data_dir)) == []
