"""The commune's units and emulation blocs: the page, its table and the unit dialog."""
