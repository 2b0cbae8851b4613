"""The audit trail read back: its page's queries, its Vietnamese wording, and the chain check."""
