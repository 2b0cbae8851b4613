"""Exchange with villages and the province: the Excel import wizard, the Excel export dialog, and the
"Trao đổi" menu that opens them."""
