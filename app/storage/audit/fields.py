"""The Vietnamese name of every column the audit trail shows, for its summaries and its detail view."""

from __future__ import annotations

# Columns many tables share; a table's own entry below wins.
COMMON = {
    "id": "Số",
    "name": "Tên",
    "kind": "Loại",
    "note": "Ghi chú",
    "address": "Địa chỉ",
    "phone": "Số điện thoại",
    "head_name": "Người đứng đầu",
    "field_id": "Lĩnh vực",
    "unit_id": "Đơn vị",
    "subject_id": "Đối tượng",
    "exemplar_id": "Điển hình",
    "nomination_id": "Hồ sơ đề nghị",
    "decision_id": "Quyết định",
    "award_form_id": "Hình thức khen thưởng",
    "movement_id": "Phong trào",
    "round_id": "Đợt xét",
    "stored_file_id": "Tệp đính kèm",
    "description": "Nội dung",
    "status": "Trạng thái",
    "year": "Năm",
    "position": "Thứ tự",
    "code": "Mã",
    "text": "Nội dung",
    "active": "Đang dùng",
    "counts_toward_merit": "Tính vào thành tích",
}

LABELS: dict[str, dict[str, str]] = {
    "subject": {
        "name": "Họ và tên, tên tập thể", "erased_on": "Ngày xóa dữ liệu cá nhân", "gender": "Giới tính",
        "birth_date": "Ngày sinh", "birth_year": "Năm sinh", "position": "Chức vụ",
        "occupation_group": "Nhóm nghề nghiệp", "ethnicity": "Dân tộc", "citizen_id": "Số CCCD",
        "collective_id": "Thuộc tập thể", "parent_body": "Cơ quan chủ quản",
        "member_count": "Số thành viên", "female_member_count": "Số thành viên nữ",
        "head_name": "Chủ hộ",
    },
    "award_record": {
        "form_name": "Hình thức", "decision_no": "Số quyết định", "decision_date": "Ngày quyết định",
        "issuer": "Cấp khen",
    },
    "hold_flag": {
        "discipline_level": "Hình thức kỷ luật", "start_date": "Từ ngày", "end_date": "Đến ngày",
    },
    "unit": {"bloc_id": "Khối thi đua", "head_name": "Thủ trưởng, trưởng thôn"},
    "bloc": {"rota_order": "Thứ tự trực"},
    "movement": {"launched_by": "Cơ quan phát động", "start_date": "Ngày bắt đầu",
                 "end_date": "Ngày kết thúc"},
    "exemplar": {"introduced_on": "Ngày giới thiệu", "stage": "Giai đoạn", "achievements": "Thành tích"},
    "exemplar_stage_change": {"stage": "Giai đoạn", "changed_on": "Ngày"},
    "exemplar_file": {"caption": "Chú thích", "is_photo": "Là ảnh"},
    "publicity_item": {"outlet": "Cơ quan đăng tin", "title": "Tiêu đề", "published_on": "Ngày đăng",
                       "link": "Đường dẫn"},
    "replication_activity": {"held_on": "Ngày tổ chức", "place": "Địa điểm", "participants": "Số người dự"},
    "award_form": {
        "short_name": "Tên viết tắt", "reward_individual": "Mức thưởng cá nhân (% lương cơ sở)",
        "reward_collective": "Mức thưởng tập thể (% lương cơ sở)",
        "reward_household": "Mức thưởng hộ gia đình (% lương cơ sở)", "poll_method": "Cách bỏ phiếu",
        "threshold_base": "Tỷ lệ tính trên", "threshold_percent": "Tỷ lệ phiếu cần đạt (%)",
        "threshold_strict": "Phải vượt tỷ lệ", "legal_basis": "Căn cứ pháp lý", "sort_order": "Thứ tự",
    },
    "criterion": {
        "source": "Nguồn", "mode": "Cách đánh giá", "rule_code": "Quy tắc", "rule_params": "Tham số quy tắc",
        "any_of_group": "Nhóm thay thế", "subject_kinds": "Áp dụng cho loại", "occupation_groups":
        "Áp dụng cho nhóm nghề",
    },
    "round": {"quarter": "Quý", "deadline": "Hạn nộp hồ sơ"},
    "nomination": {"proposing_unit_id": "Đơn vị đề nghị"},
    "achievement_report": {
        "position": "Chức vụ", "workplace": "Đơn vị công tác", "qualification": "Trình độ chuyên môn",
        "overview": "Sơ lược đặc điểm, tình hình", "duties": "Chức năng, nhiệm vụ",
        "achievements": "Thành tích đạt được", "measures": "Biện pháp, giải pháp",
        "awards_received": "Danh hiệu, hình thức đã nhận",
    },
    "checklist_item": {"criterion_id": "Tiêu chí", "outcome": "Kết quả", "decided_on": "Ngày đánh giá"},
    "nomination_event": {"at": "Thời điểm"},
    "decision": {
        "basis": "Căn cứ", "signer_role": "Người ký", "signer_name": "Họ tên người ký",
        "achievement": "Thành tích", "council_meeting_on": "Ngày họp Hội đồng", "issued_on": "Ngày ban hành",
        "wording_json": "Mẫu văn bản", "content_json": "Nội dung quyết định đã ban hành",
        "proposal_json": "Nội dung tờ trình", "cancelled_on": "Ngày hủy", "cancel_reason": "Lý do hủy",
    },
    "decision_entry": {"name": "Họ và tên, tên tập thể", "amount": "Số tiền",
                       "golden_book_no": "Số sổ vàng"},
    "register_entry": {"doc_type": "Loại văn bản", "number": "Số", "symbol": "Ký hiệu",
                       "issued_on": "Ngày", "summary": "Trích yếu", "cancelled": "Đã hủy"},
    "app_user": {"username": "Tên đăng nhập", "full_name": "Họ và tên", "role": "Vai trò",
                 "password_hash": "Mật khẩu", "last_login_at": "Lần đăng nhập cuối"},
    "setting": {"key": "Khóa", "value_json": "Giá trị"},
    "stored_file": {"sha256": "Mã SHA-256 của nội dung", "size": "Kích thước (byte)",
                    "original_name": "Tên tệp gốc", "suffix": "Đuôi tệp"},
}


def field_label(entity: str, column: str) -> str:
    return LABELS.get(entity, {}).get(column) or COMMON.get(column) or column
