"""Annotations: highlights with categories, tags and notes, kept on the right words.

:class:`models.annotations.service.Annotations` is the one object the UI and the CLI use. It
sits on the library (:mod:`models.library`): highlights are stored with code-point offsets
into their section's text plus a W3C TextQuoteSelector and the text's hash
(:mod:`models.anchoring`), every operation is one committed transaction and can be undone
(:mod:`models.annotations.history`), and a page's highlights re-anchor when its text changes
(:mod:`models.annotations.placing`). Exchange formats live in ``exchange*.py``.
"""
