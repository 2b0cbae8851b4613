"""What the builder writes and the verifier and the importer expect of a package: its schema and the
limits a package must stay within (a zip bomb is refused before anything is unpacked)."""

from __future__ import annotations

from importlib import metadata

SCHEMA = "sovang-goi-ho-so"
SCHEMA_VERSION = 1
DATA_SUFFIX = "_du-lieu.json"  # the package's data file under data/ ends with this
DATAPACKAGE = "datapackage.json"

# Kinds of content a package carries.
DECISION, ROUND, YEAR, CATALOGUE, SUBJECTS = "decision", "round", "year", "catalogue", "subjects"

MAX_MEMBERS = 5_000
MAX_MEMBER_BYTES = 200 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed of one member; a PDF or an .xlsx compresses far less


def app_version() -> str:
    """The installed app's version (its distribution's metadata), recorded in every package."""
    try:
        return metadata.version("sovang")
    except metadata.PackageNotFoundError:  # the frozen app carries no distribution metadata
        from app import __version__

        return __version__
