"""Emulation movements (phong trào thi đua): create, edit, delete, list, and a movement's page.

The names below are what the UI and the CLI may call (app/services/exports.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.services.exports import lazy_exports

if TYPE_CHECKING:
    from app.services.movements.crud import (
        create_movement,
        delete_movement,
        get_movement,
        list_movements,
        movement_overview,
        update_movement,
    )
    from app.services.movements.data import MovementDetail, MovementInput, MovementOverview, MovementRow

__all__ = [
    "MovementDetail", "MovementInput", "MovementOverview", "MovementRow", "create_movement",
    "delete_movement", "get_movement", "list_movements", "movement_overview", "update_movement"
]
__getattr__ = lazy_exports(__name__, {
    "crud": [
        "create_movement", "delete_movement", "get_movement", "list_movements", "movement_overview",
        "update_movement"
    ],
    "data": ["MovementDetail", "MovementInput", "MovementOverview", "MovementRow"],
})
