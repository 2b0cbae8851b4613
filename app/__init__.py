"""Sổ Vàng: offline emulation and commendation register for Vietnamese communes."""

__version__ = "0.1.0"
