"""Setting up a commune's data: the profile and the default catalogues."""

from __future__ import annotations

from app.resources import load_json
from app.services.catalogue.defaults import ensure_award_catalogue
from app.services.settings import CommuneProfile, save_commune_profile
from app.services.units import ensure_fields
from app.storage.database import Database


def initialise_commune(db: Database, profile: CommuneProfile) -> CommuneProfile:
    """Save the profile (validated) and load the default data files; safe to run again.

    The data directory is then marked as initialised (app/storage/initialised.py): from now on a
    missing or empty database there is a loss to restore, never a fresh start."""
    saved = save_commune_profile(db, profile)
    ensure_fields(db, load_json("fields.json"))
    ensure_award_catalogue(db)
    db.mark_initialised()
    return saved
