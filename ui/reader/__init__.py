"""The reading view: the page's columns, the raw OCR text beside them, their style, find in page.

Also ``host.ReaderHost``: what a capability folder may use of the window it joins.
Imports only ``ui.common`` from ``ui``.
"""
