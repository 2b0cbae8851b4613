"""Advanced exemplars (điển hình tiên tiến): records, their stage cycle, evidence files, search.

The names below are what the UI and the CLI may call (app/services/exports.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.services.exports import lazy_exports

if TYPE_CHECKING:
    from app.services.exemplars.crud import (
        change_stage,
        create_exemplar,
        delete_exemplar,
        get_exemplar,
        update_exemplar,
    )
    from app.services.exemplars.data import (
        ExemplarDetail,
        ExemplarFileRow,
        ExemplarInput,
        ExemplarQuery,
        ExemplarRow,
        PublicityInput,
        ReplicationInput,
        StageChangeRow,
        StoredFileRef,
    )
    from app.services.exemplars.files import (
        add_exemplar_file,
        list_exemplar_files,
        remove_exemplar_file,
        set_exemplar_file_caption,
    )
    from app.services.exemplars.search import exemplar_years, search_exemplars

__all__ = [
    "ExemplarDetail", "ExemplarFileRow", "ExemplarInput", "ExemplarQuery", "ExemplarRow", "PublicityInput",
    "ReplicationInput", "StageChangeRow", "StoredFileRef", "add_exemplar_file", "change_stage",
    "create_exemplar", "delete_exemplar", "exemplar_years", "get_exemplar", "list_exemplar_files",
    "remove_exemplar_file", "search_exemplars", "set_exemplar_file_caption", "update_exemplar"
]
__getattr__ = lazy_exports(__name__, {
    "crud": ["change_stage", "create_exemplar", "delete_exemplar", "get_exemplar", "update_exemplar"],
    "data": [
        "ExemplarDetail", "ExemplarFileRow", "ExemplarInput", "ExemplarQuery", "ExemplarRow",
        "PublicityInput", "ReplicationInput", "StageChangeRow", "StoredFileRef"
    ],
    "files": [
        "add_exemplar_file", "list_exemplar_files", "remove_exemplar_file", "set_exemplar_file_caption"
    ],
    "search": ["exemplar_years", "search_exemplars"],
})
