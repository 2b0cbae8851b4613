"""The schema revision this version of the app expects (the newest Alembic revision shipped).

Checked against the migration scripts by tests/storage/test_storage.py; it lets a start-up on an up-to-date
database skip importing Alembic at all.
"""

SCHEMA_HEAD = "0014"
