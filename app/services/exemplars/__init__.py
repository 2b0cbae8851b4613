"""Advanced exemplars (điển hình tiên tiến): records, their stage cycle, evidence files, search."""
