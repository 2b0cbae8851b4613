"""Use cases. The only code that opens a session and commits; returns plain dataclasses. No Qt."""
