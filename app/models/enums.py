"""Enumerations stored as their English value; the Vietnamese label is for the UI and documents."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Self


class LabelledEnum(enum.StrEnum):
    """A string enum whose members carry a Vietnamese label."""

    label: str

    if TYPE_CHECKING:
        # Kind("value") looks a member up by its value; __new__ below only builds the members.
        def __init__(self, value: str) -> None: ...

    def __new__(cls, value: str, label: str) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def from_label(cls, label: str) -> Self:
        for member in cls:
            if member.label == label:
                return member
        raise ValueError(label)


class SubjectKind(LabelledEnum):
    INDIVIDUAL = ("individual", "Cá nhân")
    COLLECTIVE = ("collective", "Tập thể")
    HOUSEHOLD = ("household", "Hộ gia đình")


class Gender(LabelledEnum):
    MALE = ("male", "Nam")
    FEMALE = ("female", "Nữ")


class OccupationGroup(LabelledEnum):
    CIVIL_SERVANT = ("civil_servant", "Cán bộ, công chức, viên chức")
    WORKER = ("worker", "Công nhân")
    FARMER = ("farmer", "Nông dân")
    DIRECT_LABOURER = ("direct_labourer", "Người lao động trực tiếp")
    STUDENT = ("student", "Học sinh, sinh viên")
    BUSINESS = ("business", "Doanh nhân")
    OTHER = ("other", "Khác")


class UnitKind(LabelledEnum):
    VILLAGE = ("village", "Thôn")
    RESIDENTIAL_GROUP = ("residential_group", "Tổ dân phố")
    AGENCY = ("agency", "Cơ quan")
    SCHOOL = ("school", "Trường học")
    MASS_ORGANISATION = ("mass_organisation", "Đoàn thể")
    ENTERPRISE = ("enterprise", "Doanh nghiệp")
    COOPERATIVE = ("cooperative", "Hợp tác xã")
    OTHER = ("other", "Khác")


class HoldKind(LabelledEnum):
    DISCIPLINE = ("discipline", "Kỷ luật")
    INVESTIGATION = ("investigation", "Đang bị điều tra, thanh tra, kiểm tra")
    COMPLAINT = ("complaint", "Có đơn khiếu nại, tố cáo đang xem xét")


class DisciplineLevel(LabelledEnum):
    """Levels in rising order; the rank is the position in this list."""

    REPRIMAND = ("reprimand", "Khiển trách")
    WARNING = ("warning", "Cảnh cáo")
    DEMOTION = ("demotion", "Hạ bậc lương")
    DOWNGRADE = ("downgrade", "Giáng chức")
    REMOVAL = ("removal", "Cách chức")
    DISMISSAL = ("dismissal", "Buộc thôi việc")

    @property
    def rank(self) -> int:
        return list(DisciplineLevel).index(self)


class MovementKind(LabelledEnum):
    ONGOING = ("ongoing", "Thường xuyên")
    PERIODIC = ("periodic", "Theo đợt")
    THEMATIC = ("thematic", "Chuyên đề")


class ExemplarStage(LabelledEnum):
    """The four-step cycle, in order; an exemplar may move back (e.g. nurtured again)."""

    DISCOVERED = ("discovered", "Phát hiện")
    NURTURED = ("nurtured", "Bồi dưỡng")
    SUMMARISED = ("summarised", "Tổng kết")
    REPLICATED = ("replicated", "Nhân rộng")


class ReplicationKind(LabelledEnum):
    EXCHANGE = ("exchange", "Giao lưu, trao đổi kinh nghiệm")
    VISIT = ("visit", "Tham quan, học tập")
    MODEL_COPIED = ("model_copied", "Nhân rộng mô hình")
    TALK = ("talk", "Báo cáo điển hình")
    OTHER = ("other", "Khác")


class AwardKind(LabelledEnum):
    TITLE = ("title", "Danh hiệu thi đua")
    COMMENDATION = ("commendation", "Hình thức khen thưởng")


class PollMethod(LabelledEnum):
    SECRET_BALLOT = ("secret_ballot", "Bỏ phiếu kín")
    SHOW_OF_HANDS = ("show_of_hands", "Biểu quyết giơ tay")


class ThresholdBase(LabelledEnum):
    ALL_MEMBERS = ("all_members", "Tổng số thành viên Hội đồng")
    PRESENT = ("present", "Số thành viên có mặt")
    VALID_BALLOTS = ("valid_ballots", "Số phiếu hợp lệ")
    CAST_BALLOTS = ("cast_ballots", "Số phiếu thu về")


class CouncilRole(LabelledEnum):
    CHAIR = ("chair", "Chủ tịch")
    VICE_CHAIR = ("vice_chair", "Phó Chủ tịch")
    MEMBER = ("member", "Ủy viên")
    SECRETARY = ("secretary", "Ủy viên thư ký")


class MeetingStatus(LabelledEnum):
    OPEN = ("open", "Chưa kết thúc")
    CLOSED = ("closed", "Đã kết thúc")


class AttendanceStatus(LabelledEnum):
    PRESENT = ("present", "Có mặt")
    ABSENT_WITH_OPINION = ("absent_with_opinion", "Vắng mặt, có ý kiến bằng văn bản")
    ABSENT = ("absent", "Vắng mặt")


class PollEntryMode(LabelledEnum):
    """How a poll's result reaches the app: the paper tally's totals, each paper ballot in turn, or the
    members voting on the laptop itself (private mode: only totals are kept)."""

    TALLY = ("tally", "Nhập kết quả kiểm phiếu")
    BALLOTS = ("ballots", "Nhập từng phiếu")
    PRIVATE = ("private", "Bỏ phiếu trên máy")


class BallotMark(LabelledEnum):
    """What one paper ballot says of one nominee."""

    YES = ("yes", "Đồng ý")
    NO = ("no", "Không đồng ý")
    BLANK = ("blank", "Không đánh dấu")
    INVALID = ("invalid", "Phiếu không hợp lệ")


class CriterionMode(LabelledEnum):
    JUDGED = ("judged", "Người thẩm định đánh giá")
    RULE = ("rule", "Tự động theo dữ liệu")


class CriterionOutcome(LabelledEnum):
    MET = ("met", "Đạt")
    NOT_MET = ("not_met", "Không đạt")
    UNKNOWN = ("unknown", "Chưa rõ")


class RoundKind(LabelledEnum):
    YEAR_END = ("year_end", "Tổng kết năm")
    QUARTER = ("quarter", "Quý")
    AD_HOC = ("ad_hoc", "Đột xuất")
    THEMATIC = ("thematic", "Chuyên đề")

    @property
    def counts_toward_merit(self) -> bool:
        """Ad-hoc and thematic results do not count toward later merit awards (ND 152 Điều 4)."""
        return self not in (RoundKind.AD_HOC, RoundKind.THEMATIC)


class RoundStatus(LabelledEnum):
    OPEN = ("open", "Đang nhận hồ sơ")
    REVIEWING = ("reviewing", "Đang xét")
    CLOSED = ("closed", "Đã kết thúc")


class NominationStatus(LabelledEnum):
    """The forward-only path of a nomination; PASSED and FAILED are the two results of the review."""

    DRAFT = ("draft", "Nháp")
    PROPOSED = ("proposed", "Đã đề nghị")
    APPRAISED = ("appraised", "Đã thẩm định")
    PASSED = ("passed", "Đã bình xét — đạt")
    FAILED = ("failed", "Đã bình xét — không đạt")
    DECIDED = ("decided", "Đã quyết định")

    @property
    def step(self) -> int:
        """Position on the path; both review results share one step."""
        order = {"draft": 0, "proposed": 1, "appraised": 2, "passed": 3, "failed": 3, "decided": 4}
        return order[self.value]


class DecisionStatus(LabelledEnum):
    """Dự thảo → đã ban hành (number and date fixed, content locked) → đã hủy (keeps its number)."""

    DRAFT = ("draft", "Dự thảo")
    ISSUED = ("issued", "Đã ban hành")
    CANCELLED = ("cancelled", "Đã hủy")


class DecisionBasis(LabelledEnum):
    """Who approved the awards: the council's vote, or the chairman directly (simplified procedure,
    Luật Thi đua, khen thưởng Điều 85, for ad-hoc commendations)."""

    COUNCIL = ("council", "Hội đồng Thi đua - Khen thưởng xét, đề nghị")
    SIMPLIFIED = ("simplified", "Chủ tịch quyết định theo thủ tục đơn giản")


class SignerRole(LabelledEnum):
    CHAIRMAN = ("chairman", "Chủ tịch")
    VICE_CHAIRMAN = ("vice_chairman", "Phó Chủ tịch (ký thay)")


class DocumentType(LabelledEnum):
    """Types of the document register (Decree 30/2020 Phụ lục III abbreviations)."""

    DECISION = ("decision", "Quyết định")
    PROPOSAL = ("proposal", "Tờ trình")
    MINUTES = ("minutes", "Biên bản")
    REPORT = ("report", "Báo cáo")

    @property
    def abbreviation(self) -> str:
        return {"decision": "QĐ", "proposal": "TTr", "minutes": "BB", "report": "BC"}[self.value]


class UserRole(LabelledEnum):
    """What an account may do: officers edit, leaders also approve and issue, viewers only read."""

    OFFICER = ("officer", "Cán bộ nghiệp vụ")
    LEADER = ("leader", "Lãnh đạo")
    VIEWER = ("viewer", "Chỉ xem")


class AuditAction(LabelledEnum):
    CREATE = ("create", "Thêm")
    UPDATE = ("update", "Sửa")
    DELETE = ("delete", "Xóa")
    BASELINE = ("baseline", "Ghi nhận ban đầu")
