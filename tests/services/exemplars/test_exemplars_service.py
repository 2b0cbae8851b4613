"""Exemplar records: validation in Vietnamese, the dated stage history (kept, never rewritten),
evidence files in the store, publicity and replication lines, the list's filters, deletion."""

from __future__ import annotations

import datetime as dt
import os
import unicodedata
from pathlib import Path

import pytest
from movement_helpers import add_form, add_round, nominate
from sqlalchemy import func, select

from app.errors import ConflictError, NotFoundError, ValidationError
from app.models import (
    ExemplarStage,
    Gender,
    MovementKind,
    ReplicationKind,
    StoredFile,
    SubjectKind,
    UnitKind,
)
from app.services.exemplars.crud import (
    change_stage,
    create_exemplar,
    delete_exemplar,
    get_exemplar,
    update_exemplar,
)
from app.services.exemplars.data import ExemplarInput, ExemplarQuery, PublicityInput, ReplicationInput
from app.services.exemplars.files import (
    add_exemplar_file,
    list_exemplar_files,
    remove_exemplar_file,
    set_exemplar_file_caption,
)
from app.services.exemplars.search import exemplar_years, search_exemplars
from app.services.movements.crud import create_movement
from app.services.movements.data import MovementInput
from app.services.subjects.crud import create_subject
from app.services.subjects.data import SubjectInput
from app.services.units import UnitInput, create_unit, list_fields

pytestmark = pytest.mark.both_backends

TODAY = dt.date(2025, 6, 30)
D = dt.date


@pytest.fixture
def town(commune_db):
    """Two villages, a movement, and people in them."""
    east = create_unit(commune_db, UnitInput(name="Thôn Đông", kind=UnitKind.VILLAGE))
    west = create_unit(commune_db, UnitInput(name="Thôn Tây", kind=UnitKind.VILLAGE))
    rural_input = MovementInput(name="Chung tay xây dựng nông thôn mới", kind=MovementKind.PERIODIC,
                                start_date=D(2025, 1, 1))
    rural = create_movement(commune_db, rural_input).id

    def person(name, unit):
        data = SubjectInput(kind=SubjectKind.INDIVIDUAL, name=name, gender=Gender.FEMALE, unit_id=unit)
        return create_subject(commune_db, data).id

    return {"east": east, "west": west, "rural": rural, "dat": person("Nguyễn Văn Đạt", east),
            "lan": person("Trần Thị Lan", west), "hoa": person("Đỗ Thị Hoa", None)}


def new(db, subject_id, introduced_on: dt.date | None = None, **extra):
    data = ExemplarInput(subject_id=subject_id, introduced_on=introduced_on or D(2025, 2, 10), **extra)
    return create_exemplar(db, data, today=TODAY)


def stored_count(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(StoredFile))


def test_create_starts_the_history_on_the_introduction_day(commune_db, town):
    typed = "Vận động hiến 300 m² đất  làm đường.\n\nTrồng 2 km hàng rào xanh."
    summary = unicodedata.normalize("NFD", typed)
    detail = new(commune_db, town["dat"], movement_id=town["rural"], achievements=summary)
    assert detail.unit_id == town["east"] and detail.unit_name == "Thôn Đông"  # the subject's unit
    assert detail.achievements == "Vận động hiến 300 m² đất làm đường.\n\nTrồng 2 km hàng rào xanh."
    assert unicodedata.is_normalized("NFC", detail.achievements)
    assert detail.stage is ExemplarStage.DISCOVERED
    history = [(c.stage, c.changed_on) for c in detail.stage_history]
    assert history == [(ExemplarStage.DISCOVERED, D(2025, 2, 10))]
    assert (detail.subject_name, detail.version) == ("Nguyễn Văn Đạt", 1)
    assert detail.movement_name == "Chung tay xây dựng nông thôn mới"


def test_an_exemplar_may_start_at_a_later_stage_and_another_unit(commune_db, town):
    detail = new(commune_db, town["dat"], stage=ExemplarStage.NURTURED, unit_id=town["west"])
    assert detail.unit_name == "Thôn Tây"
    assert [c.stage for c in detail.stage_history] == [ExemplarStage.NURTURED]


def test_form_errors_name_the_field(commune_db, town):
    with pytest.raises(ValidationError) as caught:
        create_exemplar(commune_db, ExemplarInput(stage=None), today=TODAY)
    assert caught.value.errors == {
        "subject_id": "Đối tượng: hãy chọn cá nhân, tập thể hoặc hộ gia đình được giới thiệu.",
        "introduced_on": "Ngày giới thiệu: không được để trống.",
        "stage": "Giai đoạn: hãy chọn giai đoạn.",
    }
    with pytest.raises(ValidationError) as caught:
        new(commune_db, town["dat"], introduced_on=D(2025, 7, 1))
    assert caught.value.errors == {"introduced_on": "Ngày giới thiệu: không được sau ngày hôm nay."}
    with pytest.raises(ValidationError) as caught:
        new(commune_db, 999, movement_id=999, field_id=999, unit_id=999)
    assert set(caught.value.errors) == {"subject_id", "movement_id", "field_id", "unit_id"}
    assert caught.value.errors["movement_id"] == "Phong trào: không còn trong danh sách, hãy chọn lại."
    assert search_exemplars(commune_db) == []


# The stage history ---------------------------------------------------------------------------------


def test_stage_changes_are_dated_and_kept(commune_db, town):
    exemplar_id = new(commune_db, town["dat"]).id
    change_stage(commune_db, exemplar_id, ExemplarStage.NURTURED, D(2025, 3, 1), "Giao Hội Nông dân kèm cặp",
                 today=TODAY)
    change_stage(commune_db, exemplar_id, ExemplarStage.SUMMARISED, D(2025, 3, 1), today=TODAY)  # same day
    change_stage(commune_db, exemplar_id, ExemplarStage.NURTURED, D(2025, 4, 20), "Bồi dưỡng thêm", TODAY)
    detail = get_exemplar(commune_db, exemplar_id)
    assert detail.stage is ExemplarStage.NURTURED
    assert [(c.stage, c.changed_on, c.note) for c in detail.stage_history] == [
        (ExemplarStage.DISCOVERED, D(2025, 2, 10), ""),
        (ExemplarStage.NURTURED, D(2025, 3, 1), "Giao Hội Nông dân kèm cặp"),
        (ExemplarStage.SUMMARISED, D(2025, 3, 1), ""),
        (ExemplarStage.NURTURED, D(2025, 4, 20), "Bồi dưỡng thêm"),
    ]


def test_a_change_dated_before_the_previous_one_is_refused(commune_db, town):
    exemplar_id = new(commune_db, town["dat"]).id
    change_stage(commune_db, exemplar_id, ExemplarStage.NURTURED, D(2025, 3, 1), today=TODAY)
    with pytest.raises(ValidationError) as caught:
        change_stage(commune_db, exemplar_id, ExemplarStage.SUMMARISED, D(2025, 2, 28), today=TODAY)
    assert caught.value.errors == {
        "changed_on": "Ngày chuyển: không được trước lần chuyển giai đoạn gần nhất (01/03/2025)."
    }
    detail = get_exemplar(commune_db, exemplar_id)
    assert detail.stage is ExemplarStage.NURTURED and len(detail.stage_history) == 2


def test_a_change_to_the_same_stage_without_date_or_in_the_future_is_refused(commune_db, town):
    exemplar_id = new(commune_db, town["dat"]).id
    with pytest.raises(ValidationError) as caught:
        change_stage(commune_db, exemplar_id, ExemplarStage.DISCOVERED, None, today=TODAY)
    assert caught.value.errors == {
        "stage": "Giai đoạn mới: hồ sơ đang ở giai đoạn “Phát hiện”, hãy chọn giai đoạn khác.",
        "changed_on": "Ngày chuyển: không được để trống.",
    }
    with pytest.raises(ValidationError, match="không được sau ngày hôm nay"):
        change_stage(commune_db, exemplar_id, ExemplarStage.NURTURED, D(2025, 7, 1), today=TODAY)
    assert len(get_exemplar(commune_db, exemplar_id).stage_history) == 1


def test_update_keeps_the_stage_and_moves_the_first_step_with_the_introduction_date(commune_db, town):
    detail = new(commune_db, town["dat"])
    data = ExemplarInput(subject_id=town["dat"], introduced_on=D(2025, 2, 5), stage=ExemplarStage.REPLICATED,
                         achievements="Mô hình trồng bưởi")
    saved = update_exemplar(commune_db, detail.id, data, detail.version, today=TODAY)
    assert saved.stage is ExemplarStage.DISCOVERED  # stages move by change_stage only
    assert saved.version == 2 and saved.stage_history[0].changed_on == D(2025, 2, 5)
    change_stage(commune_db, detail.id, ExemplarStage.NURTURED, D(2025, 3, 1), today=TODAY)
    late = ExemplarInput(subject_id=town["dat"], introduced_on=D(2025, 3, 2))
    with pytest.raises(ValidationError) as caught:
        update_exemplar(commune_db, detail.id, late, saved.version, today=TODAY)
    assert caught.value.errors == {
        "introduced_on": "Ngày giới thiệu: không được sau lần chuyển giai đoạn ngày 01/03/2025."
    }
    with pytest.raises(ConflictError, match="vừa được sửa ở nơi khác"):
        update_exemplar(commune_db, detail.id, data, detail.version, today=TODAY)
    assert get_exemplar(commune_db, detail.id).introduced_on == D(2025, 2, 5)


# Evidence files ------------------------------------------------------------------------------------


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def test_files_and_photos_are_kept_in_the_store(commune_db, town, tmp_path):
    exemplar_id = new(commune_db, town["dat"]).id
    photo = add_exemplar_file(commune_db, exemplar_id, write(tmp_path, "Trao giải.JPG", b"\xff\xd8jpeg"))
    report = add_exemplar_file(commune_db, exemplar_id, write(tmp_path, "báo cáo.pdf", b"%PDF-1.4"),
                               caption="  Báo cáo   thành tích ")
    assert (photo.is_photo, photo.caption) == (True, "Trao giải")
    assert (report.is_photo, report.caption) == (False, "Báo cáo thành tích")
    assert Path(report.path).read_bytes() == b"%PDF-1.4"
    assert Path(report.path).is_relative_to(commune_db.data_dir / "files")
    assert [f.id for f in get_exemplar(commune_db, exemplar_id).files] == [photo.id, report.id]
    renamed = set_exemplar_file_caption(commune_db, photo.id, "Ảnh nhận giải")
    assert renamed.caption == "Ảnh nhận giải"
    remove_exemplar_file(commune_db, photo.id)
    assert [f.caption for f in list_exemplar_files(commune_db, exemplar_id)] == ["Báo cáo thành tích"]
    assert stored_count(commune_db) == 2  # the bytes stay in the store


def test_an_unreadable_file_saves_nothing(commune_db, town, tmp_path):
    exemplar_id = new(commune_db, town["dat"]).id
    with pytest.raises(ValidationError) as caught:
        add_exemplar_file(commune_db, exemplar_id, tmp_path / "mất rồi.jpg")
    assert caught.value.errors["file"].startswith("Tệp “mất rồi.jpg”: không tìm thấy")
    assert list_exemplar_files(commune_db, exemplar_id) == [] and stored_count(commune_db) == 0
    assert not (commune_db.data_dir / "files").exists()


def test_a_file_twice_in_one_exemplar_is_refused_but_shared_between_two(commune_db, town, tmp_path):
    first, second = new(commune_db, town["dat"]).id, new(commune_db, town["lan"]).id
    path = write(tmp_path, "ảnh.png", b"\x89PNG")
    add_exemplar_file(commune_db, first, path)
    with pytest.raises(ValidationError, match="đã có trong hồ sơ này"):
        add_exemplar_file(commune_db, first, write(tmp_path, "bản sao.png", b"\x89PNG"))
    shared = add_exemplar_file(commune_db, second, path, is_photo=False)
    assert shared.is_photo is False and stored_count(commune_db) == 1


def test_a_file_for_a_deleted_exemplar(commune_db, tmp_path):
    with pytest.raises(NotFoundError):
        add_exemplar_file(commune_db, 404, write(tmp_path, "a.pdf", b"x"))


# Publicity and replication -----------------------------------------------------------------------


def test_publicity_and_replication_lines_are_saved(commune_db, town, tmp_path):
    clipping = write(tmp_path, "bài báo.pdf", b"%PDF clipping")
    publicity = [
        PublicityInput(outlet="Báo Phú Thọ", title="Người nông dân sản xuất giỏi", published_on=D(2025, 4, 2),
                       link="https://baophutho.vn/bai-viet", file_path=str(clipping)),
        PublicityInput(outlet="Đài truyền thanh xã", title="Gương sáng thôn Đông",
                       published_on=D(2025, 3, 1)),
    ]
    replications = [ReplicationInput(kind=ReplicationKind.VISIT, held_on=D(2025, 5, 9), place="Thôn Tây",
                                     description="Tham quan mô hình", participants=35)]
    detail = new(commune_db, town["dat"], publicity=publicity, replications=replications)
    assert [p.outlet for p in detail.publicity] == ["Đài truyền thanh xã", "Báo Phú Thọ"]  # by date
    attached = detail.publicity[1].stored_file_id
    assert Path(detail.stored_files[attached].path).read_bytes() == b"%PDF clipping"
    assert detail.stored_files[attached].name == "bài báo.pdf"
    assert detail.replications == replications
    kept = update_exemplar(commune_db, detail.id, ExemplarInput(
        subject_id=town["dat"], introduced_on=D(2025, 2, 10), publicity=detail.publicity[1:]),
        detail.version, today=TODAY)
    assert [(p.outlet, p.stored_file_id) for p in kept.publicity] == [("Báo Phú Thọ", attached)]
    assert kept.replications == []


def test_publicity_and_replication_errors_name_the_line(commune_db, town, tmp_path):
    data = ExemplarInput(
        subject_id=town["dat"], introduced_on=D(2025, 2, 10),
        publicity=[PublicityInput(outlet="Báo Phú Thọ", title="Bài 1", published_on=D(2025, 4, 2)),
                   PublicityInput(title="Bài 2", file_path=str(tmp_path / "không có.pdf"))],
        replications=[ReplicationInput(kind=None, held_on=None, participants=-1)],
    )
    with pytest.raises(ValidationError) as caught:
        create_exemplar(commune_db, data, today=TODAY)
    assert caught.value.errors == {
        "publicity.2.outlet": "Tuyên truyền dòng 2: chưa ghi cơ quan, báo, đài đăng tin.",
        "publicity.2.published_on": "Tuyên truyền dòng 2: chưa ghi ngày đăng.",
        "replications.1.kind": "Nhân rộng dòng 1: chưa chọn hình thức nhân rộng.",
        "replications.1.held_on": "Nhân rộng dòng 1: chưa ghi ngày tổ chức.",
        "replications.1.participants": "Nhân rộng dòng 1: số người tham gia không được âm.",
    }
    data.publicity[1] = PublicityInput(outlet="Báo", title="Bài 2", published_on=D(2025, 4, 3),
                                       file_path=str(tmp_path / "không có.pdf"))
    data.replications = []
    with pytest.raises(ValidationError) as caught:
        create_exemplar(commune_db, data, today=TODAY)
    assert caught.value.errors["publicity.2.file"].startswith("Tuyên truyền dòng 2: Tệp “không có.pdf”")
    assert search_exemplars(commune_db) == [] and stored_count(commune_db) == 0


# The list and deletion -----------------------------------------------------------------------------


def test_search_and_filters(commune_db, town):
    field = list_fields(commune_db)[0].id
    dat = new(commune_db, town["dat"], movement_id=town["rural"], field_id=field).id
    lan = new(commune_db, town["lan"], introduced_on=D(2024, 11, 5)).id
    hoa = new(commune_db, town["hoa"], introduced_on=D(2025, 5, 1), movement_id=town["rural"]).id
    change_stage(commune_db, hoa, ExemplarStage.NURTURED, D(2025, 5, 2), today=TODAY)

    def ids(**query):
        return [row.id for row in search_exemplars(commune_db, ExemplarQuery(**query))]

    assert ids() == [hoa, dat, lan]  # latest introduced first
    assert ids(text="nguyen dat") == [dat] and ids(text="THI") == [hoa, lan]
    assert ids(movement_id=town["rural"]) == [hoa, dat]
    assert ids(stage=ExemplarStage.NURTURED) == [hoa]
    assert ids(unit_id=town["west"]) == [lan]
    assert ids(field_id=field) == [dat]
    assert ids(year=2024) == [lan] and exemplar_years(commune_db) == [2025, 2024]
    [row] = search_exemplars(commune_db, ExemplarQuery(text="hoa"))
    assert (row.subject_name, row.unit_name, row.stage) == ("Đỗ Thị Hoa", "", ExemplarStage.NURTURED)


def test_delete_is_refused_once_a_nomination_was_made_from_it(commune_db, town, tmp_path):
    used, free = new(commune_db, town["dat"]).id, new(commune_db, town["lan"]).id
    add_exemplar_file(commune_db, free, write(tmp_path, "ảnh.png", b"\x89PNG"))
    nominate(commune_db, add_round(commune_db, None), town["dat"], add_form(commune_db), exemplar_id=used)
    with pytest.raises(ConflictError) as caught:
        delete_exemplar(commune_db, used)
    assert str(caught.value) == (
        "Không xóa được hồ sơ điển hình “Nguyễn Văn Đạt”: đã có 1 hồ sơ đề nghị khen thưởng "
        "lập từ điển hình này."
    )
    delete_exemplar(commune_db, free)
    assert [row.id for row in search_exemplars(commune_db)] == [used]


@pytest.mark.parametrize("name", ["cài đặt.exe", "chạy.bat", "mở.lnk", "lệnh.sh"])
def test_a_program_is_not_evidence(commune_db, town, tmp_path, name):
    exemplar_id = new(commune_db, town["dat"]).id
    with pytest.raises(ValidationError) as caught:
        add_exemplar_file(commune_db, exemplar_id, write(tmp_path, name, b"MZ program"))
    assert caught.value.errors["file"].startswith(f"Tệp “{name}”: đây là tệp chương trình")
    assert list_exemplar_files(commune_db, exemplar_id) == [] and stored_count(commune_db) == 0


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX's")
def test_a_pipe_or_a_folder_is_not_evidence(commune_db, town, tmp_path):
    exemplar_id = new(commune_db, town["dat"]).id
    os.mkfifo(tmp_path / "ống.pdf")
    (tmp_path / "thư mục.jpg").mkdir()
    for name in ("ống.pdf", "thư mục.jpg"):
        with pytest.raises(ValidationError) as caught:
            add_exemplar_file(commune_db, exemplar_id, tmp_path / name)
        assert caught.value.errors["file"].startswith(f"Tệp “{name}”: đây ")
    assert stored_count(commune_db) == 0


def test_a_program_is_not_a_publicity_file(commune_db, town, tmp_path):
    program = write(tmp_path, "bài báo.pdf.exe", b"MZ program")
    with pytest.raises(ValidationError) as caught:
        new(commune_db, town["dat"], publicity=[PublicityInput(
            outlet="Báo", title="Bài 1", published_on=D(2025, 4, 3), file_path=str(program))])
    assert "đây là tệp chương trình (.exe)" in caught.value.errors["publicity.1.file"]
    assert search_exemplars(commune_db) == [] and stored_count(commune_db) == 0
