"""The papers of a council meeting, built as document models from one plain description of the meeting:
the blank ballot papers (phiếu bầu) to print before it, the vote-count record (biên bản kiểm phiếu) and
the minutes (biên bản họp, Decree 30/2020 form 1.9).

The three are made from the same `MeetingPapers` (filled by services/council/papers.py from the
meeting as the database holds it), so the Word file cannot disagree with the database, and the .docx and
.pdf writers lay them out alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.exporters import admin_parts as parts
from app.exporters.document import (
    AdminDocument,
    Align,
    Block,
    Closing,
    Column,
    HeaderBlock,
    PageBreak,
    SignatureColumn,
    Table,
    para,
)
from app.rules.vntext import upper_first

CENTER, RIGHT = Align.CENTER, Align.RIGHT
BALLOTS_PER_PAGE_MAX_ITEMS = 4  # a ballot this short prints twice on one page, with a cut line between
CUT_LINE = "- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -"
BALLOT_HOW_TO = ("Cách ghi phiếu: với mỗi người (tập thể) được đề nghị, đánh dấu “X” vào MỘT ô "
                 "“Đồng ý” hoặc “Không đồng ý”. Phiếu đánh dấu cả hai ô, không đánh dấu ô nào ở mọi dòng, "
                 "hoặc ghi thêm nội dung khác là phiếu không hợp lệ.")
BALLOT_COLUMNS = (
    Column("STT", 11, CENTER),
    Column("Họ và tên / Tên tập thể", 52),
    Column("Danh hiệu, hình thức đề nghị", 44),
    Column("Đồng ý", 29, CENTER),
    Column("Không đồng ý", 29, CENTER),
)
COUNT_COLUMNS = (
    Column("STT", 11, CENTER),
    Column("Họ và tên / Tên tập thể", 46),
    Column("Đồng ý", 20, RIGHT),
    Column("Không đồng ý", 22, RIGHT),
    Column("Tỷ lệ đồng ý", 26, RIGHT),
    Column("Kết quả", 40, CENTER),
)


@dataclass(frozen=True)
class PaperCounts:
    """A closed poll's counts (None where the method has none: a show of hands has no ballots)."""

    ballots_issued: int | None
    ballots_returned: int | None
    ballots_valid: int | None
    ballots_invalid: int | None
    yes_votes: int
    no_votes: int


@dataclass(frozen=True)
class PaperItem:
    """One nomination on the agenda and, once voted, its result with the arithmetic."""

    number: int
    nominee: str
    unit: str  # the unit or address line ("" when none)
    form_name: str
    method_label: str  # "Bỏ phiếu kín", "Biểu quyết giơ tay"
    secret: bool
    needed_text: str  # before the vote: "Cần ít nhất 12/15 phiếu đồng ý (≥ 80 % …)"
    counts: PaperCounts | None  # None: not voted (yet)
    opinions: tuple[str, ...]  # "Nguyễn Văn A (Ủy viên): Đồng ý"
    opinions_counted: bool
    share_text: str  # "80,0 %" of the rule's base, "" when not voted
    result_text: str  # "12/15 thành viên đồng ý = 80,0 % ≥ 80 % … → Đạt", "" when not voted
    passed: bool | None


@dataclass(frozen=True)
class PaperMeeting:
    header: HeaderBlock  # the issuing body (the council under the People's Committee) and the place and date
    council_name: str  # "Hội đồng Thi đua - Khen thưởng xã Hòa Bình"
    date_text: str  # "ngày 18 tháng 11 năm 2026"
    time_text: str  # "08 giờ 00" or ""
    place: str
    chair: str  # "Nguyễn Văn A, Chủ tịch UBND xã"
    secretary: str
    chair_name: str
    secretary_name: str
    present: tuple[str, ...]  # "Nguyễn Văn A, Chủ tịch UBND xã — Chủ tịch Hội đồng"
    absent_with_opinion: tuple[str, ...]
    absent: tuple[str, ...]
    quorum_text: str
    override_reason: str
    ballot_counters: tuple[str, ...]
    items: tuple[PaperItem, ...]
    closing_time_text: str  # "11 giờ 30 ngày …" ("" while open)
    ballot_copies: int  # the members of the council on the meeting's day: one ballot each
    closed: bool


def build_ballots(meeting: PaperMeeting) -> AdminDocument:
    """One blank ballot per member, two to a page (with a cut line) when the agenda is short."""
    items = [item for item in meeting.items if item.secret] or list(meeting.items)
    ballot = _ballot(meeting, items)
    two_up = len(items) <= BALLOTS_PER_PAGE_MAX_ITEMS
    blocks: list[Block] = []
    for copy in range(max(1, meeting.ballot_copies)):
        if copy:
            second_on_page = two_up and copy % 2 == 1
            blocks.append(para(CUT_LINE, align=CENTER, size=10, space_before=10, space_after=10)
                          if second_on_page else PageBreak())
        blocks += ballot
    return AdminDocument(title=f"Phiếu bầu — {meeting.council_name} {meeting.date_text}",
                         blocks=tuple(blocks), author=meeting.council_name)


def _ballot(meeting: PaperMeeting, items: list[PaperItem]) -> list[Block]:
    rows = tuple((str(i), _nominee_cell(item), item.form_name, "", "")
                 for i, item in enumerate(items, start=1))
    return [
        para(meeting.council_name.upper(), bold=True, align=CENTER, size=13, space_after=0,
             keep_with_next=True),
        para("PHIẾU BẦU", bold=True, align=CENTER, size=14, space_before=6, space_after=0,
             keep_with_next=True),
        para(f"Bình xét thi đua, khen thưởng — phiên họp {meeting.date_text}", italic=True, align=CENTER,
             size=13, space_after=6, keep_with_next=True),
        Table(columns=BALLOT_COLUMNS, rows=rows, size=12),
        para(BALLOT_HOW_TO, italic=True, size=11, space_before=4, space_after=0),
    ]


def _nominee_cell(item: PaperItem) -> str:
    return f"{item.nominee}\n{item.unit}" if item.unit else item.nominee


def build_count_record(meeting: PaperMeeting) -> AdminDocument:
    """The vote-count record of the secret ballots (a show of hands is counted in the minutes): the
    counting committee, the ballots and each nominee's votes as a share of the rule's base, signed by the
    committee."""
    voted = [item for item in meeting.items if item.counts is not None and item.secret]
    blocks: list[Block] = [
        meeting.header,
        *parts.title_lines("BIÊN BẢN KIỂM PHIẾU",
                           f"Bình xét thi đua, khen thưởng của {meeting.council_name}"),
        para(f"Hôm nay, {_when(meeting)}, tại {meeting.place or parts.BLANK}, Ban kiểm phiếu gồm:",
             first_indent_mm=parts.INDENT_MM),
        *_listed(meeting.ballot_counters or ("……………………",)),
        para(f"Ban kiểm phiếu đã kiểm phiếu bình xét thi đua, khen thưởng tại phiên họp của "
             f"{meeting.council_name}. {meeting.quorum_text}", first_indent_mm=parts.INDENT_MM),
        para("I. SỐ PHIẾU", bold=True, space_before=6, keep_with_next=True),
        *_ballot_lines(voted),
        para("II. KẾT QUẢ KIỂM PHIẾU", bold=True, space_before=6, keep_with_next=True),
    ]
    if voted:
        blocks.append(Table(columns=COUNT_COLUMNS, rows=tuple(_count_row(i) for i in voted), size=12))
        blocks += [para(f"{item.number}. {item.nominee}: {item.result_text}.",
                        first_indent_mm=parts.INDENT_MM) for item in voted]
    else:
        blocks.append(para("Chưa có kết quả bỏ phiếu kín.", italic=True, first_indent_mm=parts.INDENT_MM))
    blocks += [
        para("Biên bản kiểm phiếu được lập lúc kết thúc kiểm phiếu và công bố trước Hội đồng.",
             first_indent_mm=parts.INDENT_MM),
        _counters_closing(meeting.ballot_counters),
    ]
    return _document(f"Biên bản kiểm phiếu — {meeting.date_text}", blocks, meeting)


def _ballot_lines(voted: list[PaperItem]) -> list[Block]:
    lines: list[Block] = []
    for item in voted:
        counts = item.counts
        assert counts is not None
        if item.secret and counts.ballots_issued is not None:
            text = (f"{item.nominee} ({item.form_name}): số phiếu phát ra {counts.ballots_issued}, "
                    f"thu về {counts.ballots_returned}, hợp lệ {counts.ballots_valid}, "
                    f"không hợp lệ {counts.ballots_invalid}.")
        else:
            text = f"{item.nominee} ({item.form_name}): phiếu chưa được ghi."
        lines.append(para(f"{item.number}. {text}", first_indent_mm=parts.INDENT_MM, space_after=2))
        if item.opinions:
            counted = "được tính" if item.opinions_counted else "không tính vào kết quả theo quy định"
            lines.append(para(f"Ý kiến bằng văn bản của thành viên vắng mặt ({counted}): "
                              + "; ".join(item.opinions) + ".", italic=True,
                              first_indent_mm=parts.INDENT_MM, space_after=2))
    return lines or [para("Chưa có nội dung nào được bỏ phiếu kín.", italic=True,
                          first_indent_mm=parts.INDENT_MM)]


def _count_row(item: PaperItem) -> tuple[str, ...]:
    counts = item.counts
    assert counts is not None
    result = "Đạt" if item.passed else "Không đạt"
    return (str(item.number), item.nominee, str(counts.yes_votes), str(counts.no_votes), item.share_text,
            result)


def _counters_closing(counters: tuple[str, ...]) -> Closing:
    head = counters[0] if counters else ""
    columns = [SignatureColumn(lines=("TRƯỞNG BAN KIỂM PHIẾU",), name=head, note="(Ký, ghi rõ họ tên)")]
    if len(counters) > 1:
        columns.insert(0, SignatureColumn(lines=("THÀNH VIÊN BAN KIỂM PHIẾU",), name=", ".join(counters[1:]),
                                          note="(Ký, ghi rõ họ tên)"))
    return Closing(signatures=tuple(columns))


def build_minutes(meeting: PaperMeeting) -> AdminDocument:
    """The minutes (Decree 30/2020 form 1.9): time and place, who attended, the quorum, each nomination's
    result with its arithmetic, the conclusion, the closing time, the secretary's and chair's signatures."""
    blocks: list[Block] = [
        meeting.header,
        *parts.title_lines("BIÊN BẢN", f"Họp {meeting.council_name}"),
        para(f"Thời gian bắt đầu: {_when(meeting)}.", first_indent_mm=parts.INDENT_MM, space_after=2),
        para(f"Địa điểm: {meeting.place or parts.BLANK}.", first_indent_mm=parts.INDENT_MM, space_after=2),
        para(f"Chủ trì: {meeting.chair or parts.BLANK}.", first_indent_mm=parts.INDENT_MM, space_after=2),
        para(f"Thư ký: {meeting.secretary or parts.BLANK}.", first_indent_mm=parts.INDENT_MM),
        para("Thành phần tham dự:", first_indent_mm=parts.INDENT_MM, space_after=2, keep_with_next=True),
        *_listed(meeting.present or ("Không có.",)),
        *_absent(meeting),
        para(meeting.quorum_text, first_indent_mm=parts.INDENT_MM),
    ]
    if meeting.override_reason:
        blocks.append(para("Chủ trì quyết định tiến hành biểu quyết khi chưa đủ số thành viên theo quy "
                           f"định. Lý do: {meeting.override_reason}", first_indent_mm=parts.INDENT_MM))
    blocks += [
        para("NỘI DUNG CUỘC HỌP", bold=True, space_before=6, keep_with_next=True),
        para(f"Hội đồng xem xét, bình xét {len(meeting.items)} hồ sơ đề nghị khen thưởng; kết quả như sau:",
             first_indent_mm=parts.INDENT_MM, keep_with_next=True),
        *[block for item in meeting.items for block in _minutes_item(item)],
        para("KẾT LUẬN", bold=True, space_before=6, keep_with_next=True),
        *_conclusion(meeting.items),
        para(_closing_line(meeting), first_indent_mm=parts.INDENT_MM),
        Closing(signatures=(
            SignatureColumn(lines=("THƯ KÝ",), name=meeting.secretary_name, note="(Chữ ký)"),
            SignatureColumn(lines=("CHỦ TỌA",), name=meeting.chair_name, note="(Chữ ký)"),
        )),
    ]
    return _document(f"Biên bản họp Hội đồng Thi đua - Khen thưởng — {meeting.date_text}", blocks, meeting)


def _absent(meeting: PaperMeeting) -> list[Block]:
    blocks: list[Block] = []
    if meeting.absent_with_opinion:
        blocks.append(para("Vắng mặt, có ý kiến bằng văn bản:", first_indent_mm=parts.INDENT_MM,
                           space_after=2, keep_with_next=True))
        blocks += _listed(meeting.absent_with_opinion)
    if meeting.absent:
        blocks.append(para("Vắng mặt:", first_indent_mm=parts.INDENT_MM, space_after=2, keep_with_next=True))
        blocks += _listed(meeting.absent)
    return blocks


def _minutes_item(item: PaperItem) -> list[Block]:
    unit = f" ({item.unit})" if item.unit else ""
    blocks: list[Block] = [para(f"{item.number}. {item.nominee}{unit}, đề nghị: {item.form_name}. "
                                f"Hình thức biểu quyết: {item.method_label.lower()}.",
                                first_indent_mm=parts.INDENT_MM, space_after=2, keep_with_next=True)]
    if item.opinions:
        blocks.append(para("Ý kiến bằng văn bản: " + "; ".join(item.opinions) + ".", italic=True,
                           first_indent_mm=parts.INDENT_MM, space_after=2, keep_with_next=True))
    result = f"Kết quả: {item.result_text}." if item.result_text else "Chưa biểu quyết."
    blocks.append(para(result, first_indent_mm=parts.INDENT_MM))
    return blocks


def _conclusion(items: tuple[PaperItem, ...]) -> list[Block]:
    passed = [item for item in items if item.passed]
    failed = [item for item in items if item.passed is False]
    blocks: list[Block] = []
    if passed:
        blocks.append(para(f"Hội đồng thống nhất đề nghị Chủ tịch Ủy ban nhân dân xã khen thưởng "
                           f"{len(passed):02d} hồ sơ đạt: " + _names(passed) + ".",
                           first_indent_mm=parts.INDENT_MM))
    if failed:
        blocks.append(para(f"Không đạt: {len(failed):02d} hồ sơ: " + _names(failed) + ".",
                           first_indent_mm=parts.INDENT_MM))
    if not passed and not failed:
        blocks.append(para("Hội đồng chưa biểu quyết hồ sơ nào.", first_indent_mm=parts.INDENT_MM))
    return blocks


def _names(items: list[PaperItem]) -> str:
    return "; ".join(f"{item.nominee} ({item.form_name})" for item in items)


def _closing_line(meeting: PaperMeeting) -> str:
    end = meeting.closing_time_text or parts.BLANK
    return (f"Cuộc họp kết thúc vào {end}. Biên bản đã được đọc lại trước Hội đồng, các thành viên dự họp "
            "thống nhất với nội dung biên bản.")


def _when(meeting: PaperMeeting) -> str:
    return f"{meeting.time_text}, {meeting.date_text}" if meeting.time_text else meeting.date_text


def _listed(lines: tuple[str, ...]) -> list[Block]:
    """'- A;' … '- Z.': one paragraph a line."""
    ends = [";"] * (len(lines) - 1) + ["."]
    return [para(f"- {upper_first(line)}{end}", first_indent_mm=parts.INDENT_MM, space_after=2)
            for line, end in zip(lines, ends, strict=True)]


def _document(title: str, blocks: list[Block], meeting: PaperMeeting) -> AdminDocument:
    document = AdminDocument(title=title, blocks=tuple(blocks), author=meeting.council_name)
    return document if meeting.closed else parts.marked(document, parts.DRAFT_MARK)
