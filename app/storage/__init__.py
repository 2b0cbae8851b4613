"""Engine set-up, migrations, the data directory, the single-instance lock and integrity checks."""
