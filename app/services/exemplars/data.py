"""Plain data that goes in and out of the exemplar services."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from app.models import ExemplarStage, ReplicationKind, SubjectKind

PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp", ".tif", ".tiff", ".heic"})


def is_photo_name(name: str) -> bool:
    """Photos are recognised by their suffix ('Ảnh trao giải.JPG' is one)."""
    dot = name.rfind(".")
    return dot >= 0 and name[dot:].lower() in PHOTO_SUFFIXES


@dataclass
class PublicityInput:
    """What was published about an exemplar; a link, a file, both or neither."""

    outlet: str = ""  # cơ quan, báo, đài, trang tin
    title: str = ""
    published_on: dt.date | None = None
    link: str = ""
    note: str = ""
    stored_file_id: int | None = None  # a file already in the store, kept
    file_path: str = ""  # a new file to store (replaces stored_file_id)


@dataclass
class ReplicationInput:
    kind: ReplicationKind | None = ReplicationKind.EXCHANGE
    held_on: dt.date | None = None
    place: str = ""
    description: str = ""
    participants: int | None = None


@dataclass
class ExemplarInput:
    """The fields of an exemplar record. `stage` is the stage it starts at; later moves go through
    change_stage. Publicity and replication lines replace the stored ones when saved."""

    subject_id: int | None = None
    movement_id: int | None = None
    field_id: int | None = None
    unit_id: int | None = None  # None: the subject's unit
    introduced_on: dt.date | None = None
    stage: ExemplarStage | None = ExemplarStage.DISCOVERED
    achievements: str = ""  # tóm tắt thành tích
    note: str = ""
    publicity: list[PublicityInput] = field(default_factory=list)
    replications: list[ReplicationInput] = field(default_factory=list)


@dataclass(frozen=True)
class StageChangeRow:
    id: int
    stage: ExemplarStage
    changed_on: dt.date
    note: str


@dataclass(frozen=True)
class StoredFileRef:
    name: str
    path: str


@dataclass(frozen=True)
class ExemplarFileRow:
    id: int
    stored_file_id: int
    original_name: str
    caption: str
    is_photo: bool
    size: int
    path: str  # where the bytes are, to open with the system viewer


@dataclass
class ExemplarDetail(ExemplarInput):
    id: int = 0
    version: int = 0
    subject_name: str = ""
    subject_kind: SubjectKind | None = None
    movement_name: str = ""
    field_name: str = ""
    unit_name: str = ""
    stage_history: list[StageChangeRow] = field(default_factory=list)
    files: list[ExemplarFileRow] = field(default_factory=list)
    # The files attached to publicity lines, by stored file id.
    stored_files: dict[int, StoredFileRef] = field(default_factory=dict)


@dataclass(frozen=True)
class ExemplarRow:
    """One line of an exemplars list."""

    id: int
    subject_id: int
    subject_name: str
    subject_kind: SubjectKind
    unit_name: str
    movement_name: str
    field_name: str
    introduced_on: dt.date
    stage: ExemplarStage
    achievements: str


@dataclass(frozen=True)
class ExemplarQuery:
    text: str = ""  # the subject's name, typed with or without diacritics
    movement_id: int | None = None
    stage: ExemplarStage | None = None
    unit_id: int | None = None
    field_id: int | None = None
    year: int | None = None  # the year it was introduced
    sort: str = "introduced_on"  # one of search.EXEMPLAR_SORTS
    descending: bool = True  # latest introduced first
