"""The exemplars (điển hình tiên tiến) pages and dialogs: the list, one exemplar's tabs, its stage."""
