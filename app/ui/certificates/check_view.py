"""What "Kiểm tra trước khi in" says about a batch: the certificates and layouts, the blanks needed and
left, the reprints, the fields that cannot be printed (in red) and those that shrank or wrapped."""

from __future__ import annotations

import html

from app.rules.vntext import vn_number
from app.services.certificates import BatchCheck

RED = "#b3261e"
AMBER = "#8a5300"


def _list(items: list[str], color: str = "") -> str:
    style = f' style="color:{color}"' if color else ""
    return f"<ul{style}>" + "".join(f"<li>{html.escape(item)}</li>" for item in items) + "</ul>"


def check_html(check: BatchCheck, titles: dict[str, str]) -> str:
    """The check as rich text for the section's report box (`titles`: the layouts' names to their titles)."""
    layouts = "; ".join(f"“{titles.get(name, name)}”" for name in check.layouts)
    parts = [f"<b>Sẽ in {vn_number(check.count)} giấy khen</b> của quyết định số "
             f"{html.escape(check.decision_number)}, theo mẫu {html.escape(layouts)}."]
    if check.blank_form:
        left = check.blanks_left if check.blanks_left is not None else 0
        line = f"Cần {vn_number(check.blanks_needed)} phôi, trong sổ phôi còn {vn_number(left)}."
        if check.over_stock:
            parts.append(f'<span style="color:{RED}"><b>{html.escape(line)}</b> Không đủ phôi: hãy nhập phôi '
                         "mới vào sổ phôi, bớt người nhận, hoặc in vượt (sẽ hỏi lý do và ghi lại).</span>")
        else:
            parts.append(html.escape(line))
    if check.reprints:
        numbers = ", ".join(map(str, check.reprints))
        parts.append(f"Người số {numbers} đã được in giấy khen trước đây: lần này là <b>in lại</b>.")
    if check.refusals:
        parts.append(f'<b style="color:{RED}">Không in được — hãy sửa rồi kiểm tra lại:</b>')
        parts.append(_list([n.message for n in check.refusals], RED))
    if check.adjustments:
        parts.append(f'<b style="color:{AMBER}">Chữ được thu nhỏ hoặc xuống dòng cho vừa khung '
                     "(vẫn in được, nên xem lại):</b>")
        parts.append(_list([n.message for n in check.adjustments]))
    if check.ok and not check.adjustments:
        parts.append("Mọi ô chữ đều vừa khung với cỡ chữ của mẫu.")
    return "".join(p if p.startswith("<ul") else f"<p>{p}</p>" for p in parts)
