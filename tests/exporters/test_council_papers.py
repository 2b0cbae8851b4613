"""The papers of a council meeting (ballots, vote-count record, minutes) made from the demo's meetings and
read back with python-docx and pypdf: what they say is what the database holds, the two formats agree, an
open meeting's record and minutes are drafts, and the Decree 30/2020 page holds."""

from __future__ import annotations

import io
import math
import unicodedata
from collections import Counter

import docx
import pytest
from libreoffice import SOFFICE, pdf_converter
from pdf_pages import first_lines
from pypdf import PdfReader
from test_formats_agree import assert_same_words, docx_words, pdf_page_words

from app.errors import ValidationError
from app.exporters.docx_writer import render_docx
from app.exporters.pdf_writer import render_pdf
from app.models import AttendanceStatus, PollMethod
from app.services.council import PAPERS, get_meeting, list_meetings, meeting_papers, save_meeting_papers
from app.storage.database import open_database


@pytest.fixture(scope="module")
def demo(tmp_path_factory, demo_template):
    folder = demo_template(subjects=2000, seed=2026).copy_to(tmp_path_factory.mktemp("papers"))
    database = open_database(folder)
    yield database
    database.close()


@pytest.fixture(scope="module")
def voted(demo):
    """The demo's closed meeting with the most votes, and its papers by kind."""
    closed = [row for row in list_meetings(demo) if row.closed_at and row.passed_count + row.failed_count]
    meeting = get_meeting(demo, max(closed, key=lambda r: r.agenda_count).id)
    return meeting, {paper.kind: paper.document for paper in meeting_papers(demo, meeting.id)}


def docx_text(document) -> str:
    payload = docx.Document(io.BytesIO(render_docx(document)))
    texts = [p.text for p in payload.paragraphs]
    texts += [cell.text for table in payload.tables for row in table.rows for cell in row.cells]
    return unicodedata.normalize("NFC", " ".join(" ".join(texts).split()))


def pdf_pages(document) -> list[str]:
    reader = PdfReader(io.BytesIO(render_pdf(document)))
    return [unicodedata.normalize("NFC", " ".join(page.extract_text().split())) for page in reader.pages]


def test_the_minutes_say_who_came_what_was_decided_and_when_it_ended(voted) -> None:
    meeting, papers = voted
    text = docx_text(papers["bien-ban"])
    assert "BIÊN BẢN" in text and "Họp Hội đồng Thi đua - Khen thưởng" in text
    assert f"{meeting.time_text}, {meeting.date_text}" in text and meeting.place in text
    for member in meeting.members:
        assert member.name in text
    absent = [m for m in meeting.members if m.status is AttendanceStatus.ABSENT_WITH_OPINION]
    assert not absent or "Vắng mặt, có ý kiến bằng văn bản:" in text
    assert meeting.quorum.text in text
    for item in meeting.agenda:
        assert item.poll is not None and item.poll.result_text
        assert f"Kết quả: {item.poll.result_text}." in text
    passed = sum(1 for item in meeting.agenda if item.poll and item.poll.passed)
    assert f"khen thưởng {passed:02d} hồ sơ đạt" in text
    assert f"Cuộc họp kết thúc vào {meeting.closing_time_text}." in text
    last_page = pdf_pages(papers["bien-ban"])[-1]
    for signature in ("THƯ KÝ", "CHỦ TỌA", meeting.secretary_name, meeting.chair_name):
        assert signature in last_page
    assert "DỰ THẢO" not in text  # closed: the final minutes


def test_the_vote_count_record_carries_each_secret_poll_s_numbers(voted) -> None:
    meeting, papers = voted
    payload = docx.Document(io.BytesIO(render_docx(papers["kiem-phieu"])))
    table = next(t for t in payload.tables if t.rows[0].cells[0].text == "STT")
    rows = {row.cells[1].text: [cell.text for cell in row.cells] for row in table.rows[1:]}
    secret = [item for item in meeting.agenda if item.poll and item.poll.method is PollMethod.SECRET_BALLOT]
    assert secret, "the demo's meeting votes a CSTĐCS by secret ballot"
    assert len(rows) == len(secret)
    text = docx_text(papers["kiem-phieu"])
    for item in secret:
        poll = item.poll
        assert rows[item.nominee_name][2:4] == [str(poll.yes_votes), str(poll.no_votes)]
        assert rows[item.nominee_name][5] == ("Đạt" if poll.passed else "Không đạt")
        assert (f"số phiếu phát ra {poll.ballots_issued}, thu về {poll.ballots_returned}, "
                f"hợp lệ {poll.ballots_valid}, không hợp lệ {poll.ballots_invalid}") in text
        assert poll.result_text in text
    for counter in meeting.ballot_counters:
        assert counter in text


def test_a_written_opinion_that_decides_is_shown_in_the_arithmetic(voted) -> None:
    meeting, papers = voted
    counted = [item for item in meeting.agenda if item.poll and item.poll.opinions_counted
               and item.poll.opinions_yes]
    assert counted, "the demo has a CSTĐCS that passes only because a written opinion counts"
    text = docx_text(papers["bien-ban"])
    assert "ý kiến bằng văn bản =" in counted[0].poll.result_text and counted[0].poll.result_text in text


def test_ballots_list_every_nominee_and_two_fit_on_a_page(voted) -> None:
    meeting, papers = voted
    secret = [item for item in meeting.agenda if item.method is PollMethod.SECRET_BALLOT]
    pages = pdf_pages(papers["phieu-bau"])
    copies = meeting.quorum.total
    assert len(pages) == (math.ceil(copies / 2) if len(secret) <= 4 else copies)
    for item in secret:
        assert pages[0].count(item.nominee_name) == (2 if len(secret) <= 4 and copies > 1 else 1)
    assert "Đồng ý" in pages[0] and "Không đồng ý" in pages[0] and "PHIẾU BẦU" in pages[0]
    assert sum(page.count("PHIẾU BẦU") for page in pages) == copies


def test_an_open_meeting_s_record_and_minutes_are_drafts_and_its_ballots_are_not(demo) -> None:
    open_row = next(row for row in list_meetings(demo) if row.closed_at is None)
    papers = {paper.kind: paper.document for paper in meeting_papers(demo, open_row.id)}
    assert "DỰ THẢO" in docx_text(papers["bien-ban"]) and "DỰ THẢO" in docx_text(papers["kiem-phieu"])
    assert "DỰ THẢO" not in docx_text(papers["phieu-bau"])
    assert "Chưa biểu quyết." in docx_text(papers["bien-ban"])


@pytest.mark.parametrize("kind", ["kiem-phieu", "bien-ban"])
def test_the_docx_and_the_pdf_carry_the_same_words(voted, kind) -> None:
    assert_same_words(voted[1][kind])


def test_the_ballots_docx_and_pdf_carry_the_same_words(voted) -> None:
    """Word for word, every copy's table header included (a ballot's table never breaks across pages,
    so no header is repeated by the writers)."""
    document = voted[1]["phieu-bau"]
    pages = pdf_page_words(render_pdf(document), document.page.top_mm)
    assert docx_words(render_docx(document)) == Counter(word for page in pages for word in page)


def test_the_minutes_page_is_the_decree_30_page(voted) -> None:
    section = docx.Document(io.BytesIO(render_docx(voted[1]["bien-ban"]))).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]
    assert [round(margin.mm) for margin in margins] == [20, 20, 30, 15]
    first = pdf_pages(voted[1]["bien-ban"])[0]
    assert first.startswith("ỦY BAN NHÂN DÂN") and "HỘI ĐỒNG THI ĐUA -" in first
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first and "Độc lập - Tự do - Hạnh phúc" in first


def test_papers_are_written_whole_as_docx_and_pdf(demo, voted, tmp_path) -> None:
    paths = save_meeting_papers(demo, voted[0].id, tmp_path / "giay-to")
    assert sorted(p.suffix for p in paths) == [".docx"] * 3 + [".pdf"] * 3
    assert all(p.exists() and p.stat().st_size > 0 for p in paths)
    assert all(p.name.startswith(voted[0].held_on.isoformat()) and p.name.isascii() for p in paths)


def test_an_unknown_paper_or_a_file_for_a_folder_writes_nothing(demo, voted, tmp_path) -> None:
    with pytest.raises(ValidationError) as error:
        meeting_papers(demo, voted[0].id, ("thu-moi",))
    assert "thu-moi" in error.value.errors["kinds"]
    target = tmp_path / "tep.pdf"
    target.write_bytes(b"x")
    with pytest.raises(ValidationError):
        save_meeting_papers(demo, voted[0].id, target)
    assert target.read_bytes() == b"x" and list(tmp_path.iterdir()) == [target]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: the comparison of our "
                    ".pdf with its rendering of our .docx needs it (apt-get install libreoffice-writer)")
@pytest.mark.parametrize("kind", list(PAPERS))
def test_the_pdf_paginates_like_libreoffice_renders_the_docx(voted, kind, tmp_path) -> None:
    document = voted[1][kind]
    ours = first_lines(render_pdf(document), document.page.top_mm, chars=20)
    theirs = first_lines(pdf_converter(render_docx(document), tmp_path)(), document.page.top_mm, chars=20)
    assert ours == theirs  # the same number of pages, each starting with the same line
