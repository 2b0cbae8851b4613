"""Validation of an exemplar form and of a stage change: one Vietnamese message per wrong field."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy.orm import Session

from app.errors import Validator
from app.models import ExemplarStage, Field, Movement, StoredFile, Subject, Unit
from app.rules.vntext import normalize_text, vn_short_date
from app.services.exemplars.data import ExemplarInput, PublicityInput, ReplicationInput


def multiline(value: str) -> str:
    """NFC on every line, blank edges trimmed, line breaks kept (an achievement summary has paragraphs)."""
    lines = [normalize_text(line) for line in (value or "").splitlines()]
    return "\n".join(lines).strip()


def normalized(data: ExemplarInput) -> ExemplarInput:
    publicity = [
        dataclasses.replace(p, outlet=normalize_text(p.outlet), title=normalize_text(p.title),
                            link=normalize_text(p.link), note=multiline(p.note),
                            file_path=(p.file_path or "").strip())
        for p in data.publicity
    ]
    replications = [
        dataclasses.replace(r, place=normalize_text(r.place), description=multiline(r.description))
        for r in data.replications
    ]
    return dataclasses.replace(
        data, achievements=multiline(data.achievements), note=multiline(data.note),
        publicity=publicity, replications=replications,
    )


def validate_exemplar(data: ExemplarInput, today: dt.date) -> None:
    check = Validator()
    if data.subject_id is None:
        check.add("subject_id", "Đối tượng: hãy chọn cá nhân, tập thể hoặc hộ gia đình được giới thiệu.")
    if data.introduced_on is None:
        check.add("introduced_on", "Ngày giới thiệu: không được để trống.")
    elif data.introduced_on > today:
        check.add("introduced_on", "Ngày giới thiệu: không được sau ngày hôm nay.")
    if data.stage is None:
        check.add("stage", "Giai đoạn: hãy chọn giai đoạn.")
    check.plain_texts(data, {"achievements": "Tóm tắt thành tích", "note": "Ghi chú"})
    for index, item in enumerate(data.publicity, start=1):
        _check_publicity(check, index, item)
    for index, item in enumerate(data.replications, start=1):
        _check_replication(check, index, item)
    check.raise_if_any()


def _check_publicity(check: Validator, index: int, item: PublicityInput) -> None:
    where, key = f"Tuyên truyền dòng {index}", f"publicity.{index}"
    check.plain_texts(item, {"outlet": f"{where}, cơ quan đăng tin", "title": f"{where}, tiêu đề",
                             "link": f"{where}, đường dẫn", "note": f"{where}, ghi chú",
                             "file_path": f"{where}, tệp đính kèm"}, f"{key}.")
    if not item.outlet:
        check.add(f"{key}.outlet", f"{where}: chưa ghi cơ quan, báo, đài đăng tin.")
    if not item.title:
        check.add(f"{key}.title", f"{where}: chưa ghi tiêu đề bài, tin.")
    if item.published_on is None:
        check.add(f"{key}.published_on", f"{where}: chưa ghi ngày đăng.")
    for name, label, limit in (("outlet", "cơ quan đăng tin", 200), ("title", "tiêu đề", 300),
                               ("link", "đường dẫn", 500)):
        if len(getattr(item, name)) > limit:
            check.add(f"{key}.{name}", f"{where}: {label} dài quá {limit} ký tự.")


def _check_replication(check: Validator, index: int, item: ReplicationInput) -> None:
    where, key = f"Nhân rộng dòng {index}", f"replications.{index}"
    check.plain_texts(item, {"place": f"{where}, địa điểm", "description": f"{where}, nội dung"}, f"{key}.")
    if item.kind is None:
        check.add(f"{key}.kind", f"{where}: chưa chọn hình thức nhân rộng.")
    if item.held_on is None:
        check.add(f"{key}.held_on", f"{where}: chưa ghi ngày tổ chức.")
    if item.participants is not None and item.participants < 0:
        check.add(f"{key}.participants", f"{where}: số người tham gia không được âm.")
    if len(item.place) > 300:
        check.add(f"{key}.place", f"{where}: địa điểm dài quá 300 ký tự.")


def check_references(session: Session, data: ExemplarInput) -> Subject:
    """The subject; a message for every chosen record that no longer exists."""
    check = Validator()
    subject = session.get(Subject, data.subject_id)
    if subject is None:
        check.add("subject_id", "Đối tượng: không còn trong danh sách, hãy chọn lại.")
    for key, label, model, value in (("movement_id", "Phong trào", Movement, data.movement_id),
                                     ("field_id", "Lĩnh vực", Field, data.field_id),
                                     ("unit_id", "Đơn vị", Unit, data.unit_id)):
        if value is not None and session.get(model, value) is None:
            check.add(key, f"{label}: không còn trong danh sách, hãy chọn lại.")
    for index, item in enumerate(data.publicity, start=1):
        if item.stored_file_id is not None and session.get(StoredFile, item.stored_file_id) is None:
            check.add(f"publicity.{index}.file", f"Tuyên truyền dòng {index}: tệp đính kèm không còn.")
    check.raise_if_any()
    return subject


def check_stage_change(stage: ExemplarStage | None, on_date: dt.date | None, current: ExemplarStage,
                       last_date: dt.date, today: dt.date) -> None:
    """A move to another stage, dated no earlier than the last change and no later than today."""
    check = Validator()
    if stage is None:
        check.add("stage", "Giai đoạn mới: hãy chọn giai đoạn.")
    elif stage is current:
        check.add(
            "stage", f"Giai đoạn mới: hồ sơ đang ở giai đoạn “{current.label}”, hãy chọn giai đoạn khác."
        )
    if on_date is None:
        check.add("changed_on", "Ngày chuyển: không được để trống.")
    elif on_date < last_date:
        check.add(
            "changed_on",
            f"Ngày chuyển: không được trước lần chuyển giai đoạn gần nhất ({vn_short_date(last_date)}).",
        )
    elif on_date > today:
        check.add("changed_on", "Ngày chuyển: không được sau ngày hôm nay.")
    check.raise_if_any()


def check_introduced_on(introduced_on: dt.date, next_change: dt.date | None) -> None:
    """The introduction date is the first step of the history: it cannot come after the second."""
    if next_change is not None and introduced_on > next_change:
        check = Validator()
        check.add(
            "introduced_on",
            f"Ngày giới thiệu: không được sau lần chuyển giai đoạn ngày {vn_short_date(next_change)}.",
        )
        check.raise_if_any()
