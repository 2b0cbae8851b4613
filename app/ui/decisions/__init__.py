"""Decisions (quyết định khen thưởng): the page, a decision's panel, the draft and issue dialogs."""
