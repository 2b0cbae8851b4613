"""The dashboard's sentences, in Vietnamese, from the service's figures (no Qt)."""

from __future__ import annotations

from app.models import NominationStatus
from app.rules.duty import DutyStatus, days_phrase
from app.rules.vntext import vn_number, vn_short_date
from app.services.dashboard import Dashboard, OpenRound, TodoItem
from app.services.duty import QuarterDuty


def worst_missing(duty: QuarterDuty) -> DutyStatus | None:
    """OVERDUE or DUE_SOON when some owing unit is in that state, else None."""
    for status in (DutyStatus.OVERDUE, DutyStatus.DUE_SOON):
        if duty.count(status):
            return status
    return None


def summary_text(duty: QuarterDuty) -> str:
    """'Đã giới thiệu: 8/12 đơn vị (1 muộn) · Chưa giới thiệu: 4 đơn vị'."""
    if not duty.rows:
        return "Chưa có đơn vị nào phải giới thiệu điển hình trong quý này."
    late = duty.count(DutyStatus.LATE)
    done = f"Đã giới thiệu: {duty.introduced_count}/{len(duty.rows)} đơn vị"
    done += f" ({late} giới thiệu muộn)" if late else ""
    missing = len(duty.missing)
    return f"{done} · Chưa giới thiệu: {missing} đơn vị" if missing else f"{done} · Đủ cả"


def todo_text(item: TodoItem) -> str:
    """'Quá hạn 3 ngày — Quý III/2026: 2 đơn vị chưa giới thiệu điển hình' and the details below."""
    when = days_phrase(item.days_left)
    return f"{when[:1].upper()}{when[1:]} — {item.title}\n{item.detail}"


def _files(counts: tuple[tuple[NominationStatus, int], ...]) -> str:
    """'26 hồ sơ (đã đề nghị 13, đã thẩm định 13)': the statuses that have any."""
    parts = ", ".join(f"{status.label.lower()} {vn_number(n)}" for status, n in counts if n)
    total = sum(n for _status, n in counts)
    return f"{vn_number(total)} hồ sơ" + (f" ({parts})" if parts else "")


def _round_line(round_: OpenRound) -> str:
    deadline = f"hạn {vn_short_date(round_.deadline)}" if round_.deadline else "chưa đặt hạn"
    return f"• {round_.name} — {deadline}: {_files(round_.nominations)}"


def rounds_text(data: Dashboard) -> str:
    """One line per open round; with several, their sum by status."""
    if not data.open_rounds:
        return "Không có đợt xét nào đang mở."
    lines = [_round_line(round_) for round_ in data.open_rounds]
    if len(lines) > 1:
        lines.append(f"Cộng: {_files(data.nominations_by_status)}")
    return "\n".join(lines)


def totals_text(data: Dashboard) -> str:
    exemplars = sum(n for _stage, n in data.exemplars_by_stage)
    stages = ", ".join(f"{stage.label.lower()} {vn_number(n)}" for stage, n in data.exemplars_by_stage)
    return "\n".join([
        f"Đối tượng: {vn_number(data.subject_count)}",
        f"Điển hình tiên tiến: {vn_number(exemplars)} ({stages})",
    ])
