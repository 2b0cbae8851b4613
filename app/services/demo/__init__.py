"""Realistic, reproducible Vietnamese demo data, one module per section, so every page is filled."""
