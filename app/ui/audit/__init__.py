"""The audit trail page (Nhật ký thay đổi): the events list and one event's detail."""
