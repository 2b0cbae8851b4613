"""A written opinion's scanned letter, opened from the meeting window: a copy in the data folder's tmp/
(the viewer never touches the file store's bytes; old copies are cleaned as the previews' are)."""

from __future__ import annotations

import shutil
from pathlib import Path

from app.errors import NotFoundError, ServiceError
from app.models import WrittenOpinion
from app.services.records import get_or_not_found
from app.storage.database import Database
from app.storage.file_store import readable_path
from app.storage.scratch import scratch_dir


def opinion_letter_path(db: Database, opinion_id: int) -> Path:
    """A copy of the opinion's scanned letter to open (its original name, numbered by the opinion);
    NotFoundError when the opinion has no letter, ServiceError when its bytes are missing."""
    with db.read() as session:
        opinion = get_or_not_found(session, WrittenOpinion, opinion_id, "ý kiến bằng văn bản số")
        stored, member = opinion.stored_file, opinion.member.name
        if stored is None:
            raise NotFoundError(f"Ý kiến bằng văn bản của “{member}” không kèm thư đã quét.")
        source, suffix = readable_path(db.data_dir, stored), stored.suffix
        name = Path(stored.original_name).name
    if not source.is_file():
        raise ServiceError(f"Không tìm thấy tệp thư “{name}” trong kho tệp; hãy chọn lại thư đã quét.")
    folder = scratch_dir(db.data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"y-kien-{opinion_id}-{Path(name).stem or 'thu'}{suffix}"
    try:
        shutil.copyfile(source, target)
    except OSError as exc:
        raise ServiceError(f"Không chép được thư “{name}” để mở ({exc.strerror or exc}).") from exc
    return target
