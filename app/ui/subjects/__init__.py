"""Subjects (đối tượng): the page, the subject dialog and its tabs, the picker, personal-data actions."""
