"""The award catalogue: the page, an award form's dialog and its criteria editor."""
