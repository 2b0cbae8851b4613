"""Developer tool: autogenerate the next Alembic migration from the models.

    .venv/bin/python scripts/new_migration.py 0003 "short message"

Upgrades a scratch database to the current head, compares it with the models, writes the script into
app/storage/migrations/versions and formats it with ruff. Review the script (server defaults for new
NOT NULL columns on existing tables!) and bump SCHEMA_HEAD in app/storage/schema.py.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from alembic import command

from app.storage.migrate import MIGRATIONS_DIR, alembic_config


def main(rev_id: str, message: str) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        config = alembic_config(f"sqlite:///{Path(scratch) / 'scratch.sqlite3'}")
        command.upgrade(config, "head")
        script = command.revision(config, message=message, autogenerate=True, rev_id=rev_id)
    path = Path(script.path)
    slug = "_".join(message.lower().split()[:4])
    target = MIGRATIONS_DIR / "versions" / f"{rev_id}_{slug}.py"
    path.rename(target)
    subprocess.run([sys.executable, "-m", "ruff", "format", "-q", str(target)], check=True)
    subprocess.run([sys.executable, "-m", "ruff", "check", "-q", "--fix", str(target)], check=False)
    print(target)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
