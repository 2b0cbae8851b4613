"""Realistic, reproducible Vietnamese demo data, one module per section, so every page is filled.

The names below are what the UI and the CLI may call (app/services/exports.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.services.exports import lazy_exports

if TYPE_CHECKING:
    from app.services.demo.generate import generate_demo

__all__ = ["generate_demo"]
__getattr__ = lazy_exports(__name__, {
    "generate": ["generate_demo"],
})
