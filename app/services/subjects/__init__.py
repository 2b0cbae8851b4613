"""Subjects (đối tượng): records, search, validation, and a person's data rights (export, erase)."""
