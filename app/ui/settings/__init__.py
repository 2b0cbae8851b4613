"""Settings: the commune profile at first run, the preferences and the documents' wording."""
