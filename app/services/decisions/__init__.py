"""Decisions: drafts, the document register, issuing and cancelling, their content and files."""
