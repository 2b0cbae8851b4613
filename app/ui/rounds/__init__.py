"""Rounds of review (đợt xét): the page and the round dialog."""
