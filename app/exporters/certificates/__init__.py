"""Certificates of merit (Giấy khen) as pages: layouts in millimetres, the fit rule, the glyph check, the
PDF of a batch and the printer's calibration page (reportlab, fonts embedded)."""
