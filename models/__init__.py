"""Dubao's core: pages, parsing, library storage, language and anchoring.

Nothing in this package imports Qt; ``tests/test_core_has_no_qt.py`` holds it to that.
"""
