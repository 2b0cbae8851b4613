"""How to open each dialog of the app alone, on a demo database: one opener per QDialog subclass under app/ui,
keyed by its full name (module.Class). tests/ui/test_dialogs_fit_a_laptop.py fails for a dialog class that is
neither here nor in NOT_OPENED_ALONE."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
from collections.abc import Callable

from PySide6.QtWidgets import QDialog

import app.ui
from app.errors import DamagedDatabaseError
from app.models import DocumentType, PollEntryMode, PollMethod
from app.models.certificate import BlankEntryKind
from app.models.enums import SubjectKind
from app.services.accounts import LoginThrottle
from app.services.catalogue import get_award_form, list_award_forms
from app.services.council import get_meeting, list_council_members, list_meetings, start_poll
from app.services.decisions import decision_document, get_decision, list_decisions
from app.services.exchange import ListKind
from app.services.exemplars import get_exemplar, search_exemplars
from app.services.movements import get_movement, list_movements
from app.services.nominations import (
    BatchLine,
    BatchReport,
    BatchStep,
    get_nomination,
    judged_criteria,
    list_nominations,
)
from app.services.rounds import get_round, list_rounds
from app.services.subjects import SubjectQuery, erase_plan, search_subjects
from app.services.units import list_units
from app.services.workspace import Database

Opener = Callable[[Database], QDialog]

# Dialog classes that are not opened alone, and why.
NOT_OPENED_ALONE = {
    "app.ui.kit.form_dialog.FormDialog": "the base of the form dialogs: it has no form of its own",
    "app.ui.nominations.bulk_dialogs.BulkDialog": "the base of the two bulk dialogs, opened through them",
}

# Long names as officers type them: the texts that would widen or clip a dialog.
LONG_SUBJECT = "Ban Chỉ huy Quân sự xã Đạ Huoai"


def dialog_classes() -> list[str]:
    """Every QDialog subclass defined under app/ui, by its full name."""
    found = set()
    for info in pkgutil.walk_packages(app.ui.__path__, "app.ui."):
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if inspect.isclass(obj) and issubclass(obj, QDialog) and obj.__module__ == module.__name__:
                found.add(f"{obj.__module__}.{obj.__qualname__}")
    return sorted(found)


def _class(name: str) -> type:
    module, _, cls = name.rpartition(".")
    return getattr(importlib.import_module(module), cls)


def _meeting_id(db: Database) -> int:
    return max(list_meetings(db), key=lambda row: row.id).id


def _decision(db: Database):
    return get_decision(db, list_decisions(db)[0].id)


def _nominations(db: Database) -> list[int]:
    return [row.id for row in list_nominations(db)]


def _nomination(db: Database):
    return get_nomination(db, _nominations(db)[0])


def _subject_id(db: Database) -> int:
    return _two_people(db)[0]


def _two_people(db: Database) -> list[int]:
    return [row.id for row in search_subjects(db, SubjectQuery(kind=SubjectKind.INDIVIDUAL), limit=2)]


def _exemplar(db: Database):
    return get_exemplar(db, search_exemplars(db)[0].id)


def _judgement(db: Database) -> QDialog:
    detail = _nomination(db)
    line = next(line for line in detail.checklist.lines if line.criterion_id is not None)
    return _class("app.ui.nominations.judgement_dialog.JudgementDialog")(db, detail.id, line)


def _tally(db: Database) -> QDialog:
    for row in list_meetings(db):
        meeting = get_meeting(db, row.id)
        for item in meeting.agenda:
            if item.poll is not None:
                return _class("app.ui.council.tally_dialog.TallyDialog")(db, meeting, item)
    raise AssertionError("the demo has no poll to enter")


def _batch_report(db: Database) -> QDialog:
    report = BatchReport(BatchStep.PROPOSE)
    for row in list_nominations(db)[:30]:
        line = BatchLine(row.id, row.subject_name, row.form_name, "Đã trình Hội đồng.")
        report.done.append(line)
        report.refused.append(BatchLine(row.id, LONG_SUBJECT, row.form_name,
                                        "Chưa đánh giá tiêu chí “Chấp hành tốt chủ trương, chính sách của "
                                        "Đảng, pháp luật của Nhà nước”."))
    return _class("app.ui.nominations.batch_dialogs.BatchReportDialog")(report)


def _private_vote(db: Database) -> QDialog:
    """The open meeting with a dozen nominees voted on privately, so that the ballot has rows."""
    meeting = get_meeting(db, _meeting_id(db))
    for item in [item for item in meeting.agenda if item.poll is None][:12]:
        start_poll(db, item.id, PollEntryMode.PRIVATE, PollMethod.SECRET_BALLOT)
    return _class("app.ui.council.private_vote.PrivateVoteWindow")(db, get_meeting(db, meeting.id))


def _meeting(db: Database):
    return get_meeting(db, _meeting_id(db))


def _damaged_start(db: Database) -> QDialog:
    damage = DamagedDatabaseError(db.data_dir / "so-vang.hong-20260105-143000.db", None)
    return _class("app.ui.safety.damaged_start_dialog.DamagedStartDialog")(db.data_dir, damage)


def _opener(name: str, make: Callable[[type, Database], QDialog]) -> tuple[str, Opener]:
    return name, lambda db: make(_class(name), db)


OPENERS: dict[str, Opener] = dict([
    _opener("app.ui.accounts.account_dialog.AccountDialog", lambda c, db: c(db, first=True)),
    _opener("app.ui.accounts.accounts_dialog.AccountsDialog", lambda c, db: c(db)),
    _opener("app.ui.accounts.lock_screen.LockScreen",
            lambda c, db: c(db, LoginThrottle(), lambda _actor: True)),
    _opener("app.ui.accounts.login_dialog.LoginDialog", lambda c, db: c(db, LoginThrottle())),
    _opener("app.ui.accounts.password_dialog.PasswordDialog", lambda c, db: c(db)),
    _opener("app.ui.catalogue.form_dialog.AwardFormDialog",
            lambda c, db: c(db, get_award_form(db, list_award_forms(db)[0].id))),
    _opener("app.ui.certificates.blanks.BlankDialog", lambda c, db: c(db, BlankEntryKind.SPOILED)),
    _opener("app.ui.certificates.calibration_wizard.CalibrationWizard", lambda c, db: c(db)),
    _opener("app.ui.council.ballot_grid.BallotEntryDialog", lambda c, db: c(db, _meeting(db))),
    _opener("app.ui.council.meeting_form.MeetingDialog", lambda c, db: c(db, _meeting(db))),
    _opener("app.ui.council.meeting_window.MeetingWindow", lambda c, db: c(db, _meeting_id(db))),
    _opener("app.ui.council.member_dialog.CouncilMemberDialog",
            lambda c, db: c(db, list_council_members(db)[0])),
    _opener("app.ui.council.member_dialog.CouncilRulesDialog", lambda c, db: c(db)),
    ("app.ui.council.private_vote.PrivateVoteWindow", _private_vote),
    ("app.ui.council.tally_dialog.TallyDialog", _tally),
    _opener("app.ui.decisions.draft_dialog.DecisionDialog", lambda c, db: c(db, detail=_decision(db))),
    _opener("app.ui.decisions.issue_dialog.CancelDialog",
            lambda c, db: c(db, _decision(db), today=lambda: dt.date(2026, 12, 2))),
    _opener("app.ui.decisions.issue_dialog.IssueDialog",
            lambda c, db: c(db, _decision(db), DocumentType.DECISION, today=lambda: dt.date(2026, 12, 2))),
    _opener("app.ui.exchange.export_dialog.ExportDialog", lambda c, db: c(db, kind=ListKind.NOMINATIONS)),
    _opener("app.ui.exchange.import_dialog.ImportDialog", lambda c, db: c(db)),
    _opener("app.ui.exemplars.dialog.ExemplarDialog", lambda c, db: c(db, _exemplar(db))),
    _opener("app.ui.exemplars.stage.StageChangeDialog",
            lambda c, db: c(db, _exemplar(db).id, _exemplar(db).stage, LONG_SUBJECT)),
    _opener("app.ui.help.window.HelpWindow", lambda c, db: c()),
    _opener("app.ui.kit.document_preview.DocumentPreview",
            lambda c, db: c(db.data_dir, decision_document(db, list_decisions(db)[0].id))),
    _opener("app.ui.movements.dialog.MovementDialog",
            lambda c, db: c(db, get_movement(db, list_movements(db)[0].id))),
    ("app.ui.nominations.batch_dialogs.BatchReportDialog", _batch_report),
    _opener("app.ui.nominations.batch_dialogs.JudgeManyDialog",
            lambda c, db: c(judged_criteria(db, _nominations(db)[:100]), 100)),
    _opener("app.ui.nominations.bulk_dialogs.ExemplarNominationDialog",
            lambda c, db: c(db, list_rounds(db)[0].id)),
    _opener("app.ui.nominations.bulk_dialogs.UnitLdttDialog", lambda c, db: c(db, list_rounds(db)[0].id)),
    _opener("app.ui.nominations.dialog.NominationDialog", lambda c, db: c(db, detail=_nomination(db))),
    ("app.ui.nominations.judgement_dialog.JudgementDialog", _judgement),
    _opener("app.ui.rounds.dialog.RoundDialog", lambda c, db: c(db, get_round(db, list_rounds(db)[0].id))),
    ("app.ui.safety.damaged_start_dialog.DamagedStartDialog", _damaged_start),
    _opener("app.ui.safety.restore_dialog.RestoreDialog", lambda c, db: c(db.data_dir)),
    _opener("app.ui.safety.second_folder_dialog.SecondFolderDialog", lambda c, db: c(db)),
    _opener("app.ui.settings.dialog.SettingsDialog", lambda c, db: c(db, today=lambda: dt.date(2026, 12, 2))),
    _opener("app.ui.settings.setup_dialog.SetupDialog", lambda c, db: c(db, first_run=True)),
    _opener("app.ui.settings.wording_dialog.WordingDialog", lambda c, db: c(db)),
    _opener("app.ui.subjects.dialog.SubjectDialog", lambda c, db: c.for_subject(db, _subject_id(db))),
    _opener("app.ui.subjects.merge_dialog.MergeDialog", lambda c, db: c.for_pair(db, *_two_people(db))),
    _opener("app.ui.subjects.erase_dialog.EraseDialog", lambda c, db: c(db, erase_plan(db, _subject_id(db)))),
    _opener("app.ui.units.dialog.UnitDialog", lambda c, db: c(db, list_units(db)[0])),
])
