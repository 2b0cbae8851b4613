"""The dashboard, the first page: the quarterly duty, what is due, open rounds."""
