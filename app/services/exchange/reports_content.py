"""What the periodic reports say, gathered from the database: the quarter's duty and exemplars, the
year's commendations (the statistics' own counts), the exemplars for the province."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.exporters import admin_parts as parts
from app.exporters.award_content import Places
from app.exporters.document import Align, Column, HeaderBlock
from app.exporters.periodic_report_builder import PeriodicReport, ReportSection
from app.models import DocumentType, Exemplar, Field, Movement, PublicityItem, Subject, Unit
from app.rules.duty import DutyStatus, quarter_bounds, roman_quarter
from app.rules.vntext import lower_first, vn_number
from app.services.duty import QuarterDuty
from app.services.exchange.statistics import Count, Statistics, percent_text
from app.services.settings import CommuneProfile
from app.services.wording import read_wording

CENTER, RIGHT = Align.CENTER, Align.RIGHT
SYMBOL = "BC-UBND"
SIGNER = ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
COUNT_COLUMNS = (Column("STT", 12, CENTER), Column("Nội dung", 103), Column("Số lượt", 25, RIGHT),
                 Column("Tỷ lệ", 25, RIGHT))
SUMMARY_LIMIT = 110  # characters of an exemplar's achievements in the list


class Frame:
    """What every report shares: the header, the places, the signature and the recipients."""

    def __init__(self, session: Session, profile: CommuneProfile, year: int, day: dt.date | None) -> None:
        wording = read_wording(session, DocumentType.DECISION)
        self.profile, self.year, self.day = profile, year, day
        self.values = Places(commune=profile.commune, province=profile.province, year=year).values()
        self.header: HeaderBlock = parts.header({**wording, "symbol": SYMBOL}, self.values, "", day, year)
        province = lower_first(profile.province) if profile.province else "tỉnh"
        self.recipients = (f"Sở Nội vụ {province} (Ban Thi đua - Khen thưởng)",
                           "Thường trực Đảng ủy, HĐND xã", "Chủ tịch, các Phó Chủ tịch UBND xã")

    @property
    def commune(self) -> str:
        return self.values["commune"]

    def report(self, title: str, type_name: str, subject: str, sections: list[ReportSection],
               intro: str = "") -> PeriodicReport:
        return PeriodicReport(title=title, header=self.header, type_name=type_name, subject=subject,
                              sections=tuple(sections), signer_lines=SIGNER,
                              signer_name=self.profile.chairman, author=self.commune, intro=intro,
                              recipients=self.recipients)


def count_rows(counts: list[Count]) -> tuple[tuple, ...]:
    total = sum(c.count for c in counts)
    return tuple((index, c.label, c.count, percent_text(c.count, total))
                 for index, c in enumerate(counts, start=1))


def quarterly_report(frame: Frame, duty: QuarterDuty, stats: Statistics,
                     publicity: list[PublicityItem]) -> PeriodicReport:
    label = f"quý {roman_quarter(duty.quarter)} năm {duty.year}"
    introduced, owing = duty.introduced_count, len(duty.rows)
    late = duty.count(DutyStatus.LATE)
    duty_rows = tuple((index, row.unit_name, "; ".join(row.exemplars) or "Chưa giới thiệu",
                       row.first_introduced, row.status.label)
                      for index, row in enumerate(duty.rows, start=1))
    stage_total = sum(c.count for c in stats.exemplars_by_stage)
    sections = [
        ReportSection(
            "I. KẾT QUẢ GIỚI THIỆU ĐIỂN HÌNH TIÊN TIẾN TRONG QUÝ",
            (f"Có {vn_number(introduced)}/{vn_number(owing)} đơn vị đã giới thiệu điển hình tiên tiến "
             f"(hạn ngày {duty.deadline.strftime('%d/%m/%Y')}; {vn_number(late)} đơn vị giới thiệu muộn), "
             f"{vn_number(owing - introduced)} đơn vị chưa giới thiệu.",),
            (Column("STT", 12, CENTER), Column("Đơn vị", 42), Column("Điển hình được giới thiệu", 51),
             Column("Ngày giới thiệu", 27, CENTER), Column("Tình hình", 33)),
            duty_rows, empty="Không có đơn vị nào phải giới thiệu điển hình trong quý."),
        ReportSection(
            "II. ĐIỂN HÌNH TIÊN TIẾN THEO GIAI ĐOẠN",
            (f"Trong quý có {vn_number(stage_total)} điển hình tiên tiến được phát hiện, bồi dưỡng, "
             "tổng kết và nhân rộng:",),
            COUNT_COLUMNS, count_rows(stats.exemplars_by_stage)),
        ReportSection(
            "III. CÔNG TÁC TUYÊN TRUYỀN",
            (f"Trong quý đã có {vn_number(len(publicity))} tin, bài tuyên truyền về điển hình tiên tiến.",),
            (Column("STT", 12, CENTER), Column("Ngày", 25, CENTER), Column("Cơ quan, phương tiện", 48),
             Column("Tiêu đề", 80)),
            tuple((index, item.published_on, item.outlet, item.title)
                  for index, item in enumerate(publicity, start=1))),
        ReportSection(
            "IV. CÔNG TÁC KHEN THƯỞNG TRONG QUÝ",
            (f"Trong quý đã khen thưởng {vn_number(stats.total)} lượt tập thể, cá nhân, hộ gia đình.",),
            COUNT_COLUMNS, count_rows(stats.by_form)),
        ReportSection(
            "V. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ TỚI",
            ("Tiếp tục phát hiện, bồi dưỡng và nhân rộng các điển hình tiên tiến; đôn đốc các đơn vị chưa "
             "giới thiệu điển hình hoàn thành nhiệm vụ đúng hạn; đẩy mạnh tuyên truyền các điển hình đã "
             "được tổng kết.",)),
    ]
    intro = (f"Ủy ban nhân dân {frame.values['commune_lower']} báo cáo kết quả công tác phát hiện, bồi "
             f"dưỡng, tổng kết và nhân rộng điển hình tiên tiến {label} như sau:")
    subject = f"Kết quả công tác điển hình tiên tiến {label}"
    return frame.report(f"Báo cáo công tác điển hình tiên tiến {label}", "BÁO CÁO", subject, sections, intro)


def annual_report(frame: Frame, stats: Statistics) -> PeriodicReport:
    year = frame.year
    direct = percent_text(stats.direct_workers, stats.individuals)
    sections = [
        ReportSection("I. TỔNG SỐ LƯỢT KHEN THƯỞNG",
                      (f"Năm {year}, các tập thể, cá nhân, hộ gia đình của {frame.values['commune_lower']} "
                       f"được khen thưởng {vn_number(stats.total)} lượt, theo loại đối tượng:",),
                      COUNT_COLUMNS, count_rows(stats.by_kind)),
        ReportSection("II. THEO DANH HIỆU, HÌNH THỨC KHEN THƯỞNG", (), COUNT_COLUMNS,
                      count_rows(stats.by_form)),
        ReportSection("III. CÁ NHÂN THEO NHÓM NGHỀ NGHIỆP",
                      (f"Công nhân, nông dân, người lao động trực tiếp: {vn_number(stats.direct_workers)}/"
                       f"{vn_number(stats.individuals)} lượt cá nhân ({direct}).",),
                      COUNT_COLUMNS, count_rows(stats.by_occupation)),
        ReportSection("IV. CÁ NHÂN THEO GIỚI TÍNH", (), COUNT_COLUMNS, count_rows(stats.by_gender)),
        ReportSection("V. THEO ĐƠN VỊ", (), COUNT_COLUMNS, count_rows(stats.by_unit)),
        ReportSection("VI. THEO LĨNH VỰC", (), COUNT_COLUMNS, count_rows(stats.by_field)),
    ]
    subject = f"Số lượng khen thưởng năm {year}"
    return frame.report(f"Báo cáo số lượng khen thưởng năm {year}", "BÁO CÁO", subject, sections)


def exemplar_rows(session: Session, year: int, quarter: int | None) -> tuple[tuple, ...]:
    first, last = quarter_bounds(year, quarter) if quarter else (dt.date(year, 1, 1), dt.date(year, 12, 31))
    query = (select(Exemplar.introduced_on, Exemplar.stage, Exemplar.achievements, Subject.name, Unit.name,
                    Field.name, Movement.name)
             .join(Subject, Subject.id == Exemplar.subject_id)
             .outerjoin(Unit, Unit.id == Exemplar.unit_id).outerjoin(Field, Field.id == Exemplar.field_id)
             .outerjoin(Movement, Movement.id == Exemplar.movement_id)
             .where(Exemplar.introduced_on.between(first, last))
             .order_by(Exemplar.introduced_on, Exemplar.id))
    rows = []
    for index, (day, stage, achievements, name, unit, field_name, movement) in enumerate(
            session.execute(query), start=1):
        summary = " ".join((achievements or "").split())
        if len(summary) > SUMMARY_LIMIT:
            summary = summary[:SUMMARY_LIMIT].rsplit(" ", 1)[0] + "…"
        rows.append((index, name, unit or "", field_name or "", movement or "", stage.label, day, summary))
    return tuple(rows)


def exemplar_list(frame: Frame, rows: tuple[tuple, ...], quarter: int | None) -> PeriodicReport:
    period = f"quý {roman_quarter(quarter)} năm {frame.year}" if quarter else f"năm {frame.year}"
    # Landscape A4: 252 mm of text width (297 less the 30 and 15 mm margins). The stage and the date fit on
    # one line, most names and units too; the achievement summary (SUMMARY_LIMIT characters) takes three
    # lines and the field with the movement two or three, so a row is about three lines high.
    columns = (Column("STT", 11, CENTER), Column("Họ và tên / Tên tập thể", 36), Column("Đơn vị", 36),
               Column("Lĩnh vực, phong trào", 58), Column("Giai đoạn", 21),
               Column("Ngày giới thiệu", 22, CENTER), Column("Thành tích tiêu biểu", 68))
    table = tuple((i, name, unit, " – ".join(p for p in (field_name, movement) if p), stage, day, summary)
                  for i, name, unit, field_name, movement, stage, day, summary in rows)
    sections = [ReportSection("", (f"Tổng số: {vn_number(len(rows))} điển hình tiên tiến.",), columns, table,
                              empty="Không có điển hình tiên tiến nào trong kỳ.")]
    subject = f"Điển hình tiên tiến của {frame.values['commune_lower']} {period}"
    report = frame.report(f"Danh sách điển hình tiên tiến {period}", "DANH SÁCH", subject, sections)
    return replace(report, landscape=True)


def publicity_items(session: Session, year: int, quarter: int) -> list[PublicityItem]:
    first, last = quarter_bounds(year, quarter)
    query = select(PublicityItem).where(PublicityItem.published_on.between(first, last))
    return list(session.scalars(query.order_by(PublicityItem.published_on, PublicityItem.id)))
