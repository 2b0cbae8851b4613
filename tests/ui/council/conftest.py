"""A council of three (the tests add the chair and others) and a round whose nominations are ready for
it, made by the services."""

from __future__ import annotations

import pytest
from council_ui_helpers import add_other_members, make_nominees


@pytest.fixture
def nominees(commune_db) -> dict[str, int]:
    """Four appraised nominations (three LĐTT, one CSTĐCS) of one round, by nominee."""
    return make_nominees(commune_db)


@pytest.fixture
def other_members(commune_db) -> list[int]:
    return add_other_members(commune_db)
