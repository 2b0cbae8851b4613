"""Shared widgets and helpers every feature builds on: forms, tables, messages, background work."""
