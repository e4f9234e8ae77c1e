"""The reading view: the page's columns, the raw OCR text beside them, their style, find in page.

Imports only ``ui.common`` from ``ui``.
"""
