"""Exchange with villages and the province: Excel import and export, the upload package (BagIt),
statistics and the periodic reports.

The names below are what the UI and the CLI may call (app/services/exports.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.services.exports import lazy_exports

if TYPE_CHECKING:
    pass

__all__: list[str] = [
]
__getattr__ = lazy_exports(__name__, {
})
