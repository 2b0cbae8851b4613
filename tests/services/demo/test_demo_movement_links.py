"""The demo's rounds of commendation belong to movements, so that the statistics count this year's
commendations by movement (the year-end review under the patriotic emulation, the flood relief under
"Dân vận khéo"); the award history from before the app names its movement where the officer knew it
(the year-end titles the patriotic emulation, the cultural families theirs), the rest none."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.models import Movement, Round
from app.services.exchange import StatsFilter, commendation_statistics
from app.storage.database import open_database

NO_MOVEMENT = "Không gắn phong trào"


@pytest.fixture(scope="module")
def demo(tmp_path_factory, demo_template):
    folder = demo_template(subjects=2000, seed=2026).copy_to(tmp_path_factory.mktemp("links"))
    database = open_database(folder)
    yield database
    database.close()


def test_the_rounds_that_award_belong_to_movements(demo) -> None:
    with demo.read() as session:
        query = select(Round.name, Movement.name).join(Movement, Movement.id == Round.movement_id)
        rounds = {name: movement for name, movement in session.execute(query)}
    assert rounds["Tổng kết phong trào thi đua năm 2026"] == "Phong trào thi đua yêu nước"
    assert rounds["Tổng kết phong trào thi đua năm 2025"] == "Phong trào thi đua yêu nước"
    assert any(name.startswith("Khen thưởng đột xuất") for name in rounds)


def test_this_years_commendations_count_under_several_movements(demo) -> None:
    this_year = commendation_statistics(demo, StatsFilter(2026)).by_movement
    labels = [count.label for count in this_year]
    assert len(labels) >= 2 and NO_MOVEMENT not in labels
    every_year = {c.label: c.count for c in commendation_statistics(demo, StatsFilter()).by_movement}
    patriotic = every_year["Phong trào thi đua yêu nước"]
    this_years_patriotic = next(c.count for c in this_year if c.label == "Phong trào thi đua yêu nước")
    assert len(every_year) >= 4 and patriotic > this_years_patriotic  # the history's own movements too
    assert every_year["Toàn dân đoàn kết xây dựng đời sống văn hóa"] > 0
    assert 0 < every_year[NO_MOVEMENT] < sum(every_year.values()) / 5  # the others name none
