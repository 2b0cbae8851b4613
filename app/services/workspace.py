"""The data directory as the GUI and the command line open it: its database under the single-instance
lock, its folders, and the warnings about where it lives.

The UI reaches storage through here (and through the feature services), never directly: the layer test
(tests/test_layers.py) allows the UI no import from app.storage, not even the `Database` type.
"""

from __future__ import annotations

from app.storage.database import Database, open_database
from app.storage.file_store import EVIDENCE_DOCUMENTS, EVIDENCE_IMAGES  # the file pickers' filters
from app.storage.location import data_dir_warning
from app.storage.lock import InstanceLock
from app.storage.paths import backups_dir, logs_dir, resolve_data_dir
from app.storage.scratch import clean_scratch, scratch_dir

__all__ = [
    "EVIDENCE_DOCUMENTS", "EVIDENCE_IMAGES", "Database", "InstanceLock", "backups_dir", "clean_scratch",
    "data_dir_warning", "logs_dir", "open_database", "resolve_data_dir", "scratch_dir",
]
