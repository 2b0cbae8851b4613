"""The command line: `sovang` opens the GUI; subcommands run the same services headless."""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from app.cli.args import UsageError, build_parser
from app.cli.backup import cmd_backup, cmd_restore, lock_data_dir, warn_about_location
from app.cli.console import one_line, os_reason, protect_console
from app.errors import AlreadyRunningError, DatabaseTooNewError, DataDirError, ServiceError
from app.storage.database import Database, open_database
from app.storage.lock import InstanceLock
from app.storage.paths import DATABASE_URL_ENV, resolve_data_dir

EXIT_OK, EXIT_PROBLEM, EXIT_BAD_INPUT = 0, 1, 2
_USER_ERRORS = (UsageError, ServiceError, DataDirError, AlreadyRunningError, DatabaseTooNewError)


def main(argv: Sequence[str] | None = None) -> int:
    protect_console()
    try:
        args = build_parser().parse_args(argv)
        data_dir = _data_dir(args.data_dir)
        if args.command is None:
            from app.ui.app import run_gui

            return run_gui(data_dir)
        check_database_url()
        warn_about_location(data_dir)
        if args.command not in _INITIALISING:
            from app.storage.initialised import require_initialised

            require_initialised(data_dir)  # a mistyped --data-dir: said, and nothing created there
        return _COMMANDS[args.command](args, data_dir)
    except _USER_ERRORS as exc:
        print(f"sovang: {one_line(str(exc))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # The reader went away (`sovang nominations list | head`): not an error, and no traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _data_dir(explicit: str | None) -> Path:
    try:
        return resolve_data_dir(explicit)
    except (OSError, ValueError, RuntimeError) as exc:  # a path the system cannot resolve (a loop, NUL)
        reason = os_reason(exc) if isinstance(exc, OSError) else "đường dẫn không hợp lệ"
        raise UsageError(f"thư mục dữ liệu (--data-dir hoặc SOVANG_DATA_DIR): {reason}") from None


def check_database_url() -> None:
    """SOVANG_DATABASE_URL, when set, must name a PostgreSQL database (or an SQLite file) in a form the
    app can use; the message never repeats it (it may hold a password)."""
    from sqlalchemy.exc import ArgumentError

    from app.storage.engine import engine_url

    url = os.environ.get(DATABASE_URL_ENV)
    if not url:
        return
    example = "ví dụ postgresql://người_dùng:mật_khẩu@máy_chủ:5432/tên_csdl"
    try:
        url.encode("utf-8")
        parsed = engine_url(url)
        _ = parsed.port  # a port that is not a number
    except (ArgumentError, ValueError, TypeError, UnicodeError):
        raise UsageError(f"biến môi trường {DATABASE_URL_ENV} không phải là địa chỉ cơ sở dữ liệu hợp lệ "
                         f"({example}).") from None
    if parsed.drivername not in ("postgresql+psycopg", "sqlite", "sqlite+pysqlite"):
        raise UsageError(f"biến môi trường {DATABASE_URL_ENV}: Sổ Vàng chỉ dùng được PostgreSQL "
                         f"({example}); “{parsed.drivername}” không dùng được.")


def _with_db(data_dir: Path, work: Callable[[Database], int], *, write: bool,
             replace_missing: bool = False) -> int:
    lock = InstanceLock(data_dir) if write else None
    if lock is not None:
        lock_data_dir(lock, data_dir)
    try:
        db = open_database(data_dir, replace_missing=replace_missing)
        try:
            return work(db)
        finally:
            db.close()
    finally:
        if lock is not None:
            lock.release()


def _cmd_init(args, data_dir: Path) -> int:
    from app.services.commune import initialise_commune
    from app.services.settings import CommuneProfile

    profile = CommuneProfile(commune=args.commune, province=args.province, chairman=args.chairman)

    def work(db: Database) -> int:
        saved = initialise_commune(db, profile)
        print(f"Đã khai báo {saved.commune}, {saved.province}. Dữ liệu ở {data_dir}.")
        return EXIT_OK

    return _with_db(data_dir, work, write=True, replace_missing=True)  # asked for: a new, empty database


def _cmd_demo(args, data_dir: Path) -> int:
    from app.services.demo import generate_demo

    def work(db: Database) -> int:
        summary = generate_demo(db, subjects=args.subjects, seed=args.seed)
        print(f"Đã tạo dữ liệu mẫu: {summary.describe()}.")
        return EXIT_OK

    return _with_db(data_dir, work, write=True)


def _cmd_subjects(args, data_dir: Path) -> int:
    from app.services.subjects import SubjectQuery, search_subjects

    if args.subjects_command == "merge":
        from app.cli.subject_merge import subjects_merge

        return _with_db(data_dir, lambda db: subjects_merge(db, args), write=True)
    if args.with_citizen_id and not args.json:
        raise UsageError("tham số --with-citizen-id chỉ dùng cùng --json")

    def work(db: Database) -> int:
        rows = search_subjects(db, SubjectQuery(text=args.text), limit=args.limit or None)
        if args.json:
            items = [_row_json(r) for r in rows]
            if args.with_citizen_id:
                from app.cli.subject_data import with_citizen_ids

                items = with_citizen_ids(db, items)
            print(json.dumps(items, ensure_ascii=False, indent=2))
        else:
            for row in rows:
                fields = [str(row.id), row.kind.label, row.name, row.unit_name, row.birth or row.detail]
                print("\t".join(fields))
        return EXIT_OK

    return _with_db(data_dir, work, write=False)


def _row_json(row) -> dict:
    data = dataclasses.asdict(row)
    data.pop("citizen_id_masked")
    data["kind"], data["kind_label"] = row.kind.value, row.kind.label
    return data


def _cmd_rounds(args, data_dir: Path) -> int:
    from app.cli.nominations import rounds_list

    return _with_db(data_dir, lambda db: rounds_list(db, args.json), write=False)


def _cmd_nominations(args, data_dir: Path) -> int:
    from app.cli.nominations import nominations_check, nominations_list

    if args.nominations_command == "check":
        return _with_db(data_dir, lambda db: nominations_check(db, args.id, args.json), write=False)
    return _with_db(data_dir, lambda db: nominations_list(db, args.round, args.status, args.json),
                    write=False)


def _cmd_decision(args, data_dir: Path) -> int:
    from app.cli.decisions import decision_list, decision_render

    if args.decision_command == "render":
        return _with_db(data_dir, lambda db: decision_render(db, args), write=False)
    return _with_db(data_dir, lambda db: decision_list(db, args.json), write=False)


def _cmd_council(args, data_dir: Path) -> int:
    from app.cli.council import council_command

    return _with_db(data_dir, lambda db: council_command(db, args), write=False)


def _cmd_meeting(args, data_dir: Path) -> int:
    from app.cli.council import meeting_command

    return _with_db(data_dir, lambda db: meeting_command(db, args), write=False)


def _cmd_user(args, data_dir: Path) -> int:
    from app.cli.users import user_command

    return _with_db(data_dir, lambda db: user_command(db, args), write=args.user_command != "list")


def _cmd_subject(args, data_dir: Path) -> int:
    from app.cli.subject_data import subject_erase, subject_export

    if args.subject_command == "erase":
        return _with_db(data_dir, lambda db: subject_erase(db, args), write=True)
    return _with_db(data_dir, lambda db: subject_export(db, args), write=False)


def _cmd_audit(args, data_dir: Path) -> int:
    from app.cli.audit import audit_list

    return _with_db(data_dir, lambda db: audit_list(db, args), write=False)


def _cmd_import_xlsx(args, data_dir: Path) -> int:
    from app.cli.exchange import import_xlsx

    writes = not args.dry_run or bool(args.save_preset)
    return _with_db(data_dir, lambda db: import_xlsx(db, args), write=writes)


def _cmd_import_undo(args, data_dir: Path) -> int:
    from app.cli.exchange import import_undo

    return _with_db(data_dir, lambda db: import_undo(db, args), write=True)


def _cmd_export_xlsx(args, data_dir: Path) -> int:
    from app.cli.exchange import export_xlsx

    return _with_db(data_dir, lambda db: export_xlsx(db, args), write=False)


def _cmd_certificates(args, data_dir: Path) -> int:
    from app.cli.certificates import certificates_command

    return _with_db(data_dir, lambda db: certificates_command(db, args), write=True)


def _cmd_calibration_page(args, data_dir: Path) -> int:
    from app.cli.certificates import calibration_page_command

    if not args.printer:  # the plain page needs no database
        return calibration_page_command(None, args)
    return _with_db(data_dir, lambda db: calibration_page_command(db, args), write=False)


def _cmd_check_db(args, data_dir: Path) -> int:
    from app.services.safety import check_database

    def work(db: Database) -> int:
        if args.repair:
            from app.services.safety import repair_database

            report = repair_database(db)
        else:
            against = Path(args.against) if args.against else None
            report = check_database(db, full=args.full, against=against)
        print(report.summary())
        return EXIT_OK if report.ok else EXIT_PROBLEM

    return _with_db(data_dir, work, write=args.repair)



def _cmd_package(args, data_dir: Path) -> int:
    from app.cli.package import package_command

    return _with_db(data_dir, lambda db: package_command(db, args), write=False)


def _cmd_verify_package(args, data_dir: Path) -> int:
    from app.cli.package import verify_command

    return verify_command(args)


def _cmd_import_package(args, data_dir: Path) -> int:
    from app.cli.package import import_command

    return _with_db(data_dir, lambda db: import_command(db, args), write=True)


def _cmd_report(args, data_dir: Path) -> int:
    from app.cli.report import report_command

    return _with_db(data_dir, lambda db: report_command(db, args), write=False)


def _cmd_upload_files(args, data_dir: Path) -> int:
    from app.cli.files import upload_files_command

    return _with_db(data_dir, upload_files_command, write=True)


# may start on a folder that holds no data yet (verify-package reads only the package)
_INITIALISING = ("init", "demo", "restore", "verify-package")
_COMMANDS = {
    "init": _cmd_init,
    "demo": _cmd_demo,
    "subjects": _cmd_subjects,
    "rounds": _cmd_rounds,
    "nominations": _cmd_nominations,
    "decision": _cmd_decision,
    "council": _cmd_council,
    "meeting": _cmd_meeting,
    "check-db": _cmd_check_db,
    "audit": _cmd_audit,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "subject": _cmd_subject,
    "user": _cmd_user,
    "certificates": _cmd_certificates,
    "calibration-page": _cmd_calibration_page,
    "import-xlsx": _cmd_import_xlsx,
    "import-undo": _cmd_import_undo,
    "export-xlsx": _cmd_export_xlsx,
    "package": _cmd_package,
    "verify-package": _cmd_verify_package,
    "import-package": _cmd_import_package,
    "report": _cmd_report,
    "upload-files": _cmd_upload_files,
}
