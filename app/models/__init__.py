"""Typed SQLAlchemy models. No Qt, no I/O beyond the database."""

from app.models.audit import AuditEvent, AuditHead
from app.models.award import AwardForm, Criterion
from app.models.base import Base
from app.models.decision import Decision, DecisionEntry, RegisterEntry
from app.models.exchange import ExchangePreset, ImportBatch, ImportBatchSubject
from app.models.enums import (
    AuditAction,
    AwardKind,
    CriterionMode,
    CriterionOutcome,
    DecisionBasis,
    DecisionStatus,
    DisciplineLevel,
    DocumentType,
    ExemplarStage,
    Gender,
    HoldKind,
    MovementKind,
    NominationStatus,
    OccupationGroup,
    PollMethod,
    ReplicationKind,
    RoundKind,
    RoundStatus,
    SignerRole,
    SubjectKind,
    ThresholdBase,
    UnitKind,
    UserRole,
)
from app.models.movement import (
    Exemplar,
    ExemplarFile,
    ExemplarStageChange,
    Movement,
    PublicityItem,
    ReplicationActivity,
)
from app.models.nomination import AchievementReport, ChecklistItem, Nomination, NominationEvent, Round
from app.models.setting import Setting
from app.models.stored_file import StoredFile
from app.models.subject import AwardRecord, HoldFlag, Subject
from app.models.subject_word import SubjectWord
from app.models.unit import Bloc, Field, Unit
from app.models.user import AppUser

__all__ = [
    "AppUser",
    "SubjectWord",
    "ExchangePreset",
    "ImportBatch",
    "ImportBatchSubject",
    "AuditAction",
    "AuditEvent",
    "AuditHead",
    "UserRole",
    "SignerRole",
    "DocumentType",
    "DecisionStatus",
    "DecisionBasis",
    "RegisterEntry",
    "DecisionEntry",
    "Decision",
    "AchievementReport",
    "AwardForm",
    "AwardKind",
    "AwardRecord",
    "Base",
    "Bloc",
    "ChecklistItem",
    "Criterion",
    "CriterionMode",
    "CriterionOutcome",
    "DisciplineLevel",
    "Exemplar",
    "ExemplarFile",
    "ExemplarStage",
    "ExemplarStageChange",
    "Field",
    "Gender",
    "HoldFlag",
    "HoldKind",
    "Movement",
    "MovementKind",
    "Nomination",
    "NominationEvent",
    "NominationStatus",
    "OccupationGroup",
    "PollMethod",
    "PublicityItem",
    "ReplicationActivity",
    "ReplicationKind",
    "Round",
    "RoundKind",
    "RoundStatus",
    "Setting",
    "StoredFile",
    "Subject",
    "SubjectKind",
    "ThresholdBase",
    "Unit",
    "UnitKind",
]
