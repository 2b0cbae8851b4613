"""Layout measures the .docx and the .pdf writers share, so that the two paginate alike.

Word (and LibreOffice) set "single" line spacing at the font's own line height: ascent, descent and line
gap of Times New Roman (or the metric-compatible Liberation Serif), 1.15 of the font size; the PDF uses
the same leading. The attached list's cells have the same margins in both.
"""

from __future__ import annotations

SINGLE_LINE = 1.15  # Times New Roman / Liberation Serif: (1825 + 443 + 87) / 2048 units of the em
DESCENT = 0.216  # of the font size: Word sets a line's baseline this far above its foot
TABLE_CELL_MARGIN_MM = 1.0  # left and right of the text in a grid table's cell
TABLE_VERTICAL_MARGIN_MM = 0.4  # above and below it
TABLES_APART = 1.0  # points between two tables one after the other (a grid list, then the closing's layout
# table): the .docx needs a paragraph there, or Word and LibreOffice join the two into one table
