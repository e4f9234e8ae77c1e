"""Proofreading: editors correct a page's text and structure; the raw OCR text never changes.

The library's service (:class:`models.library.service.Library`) carries the editor's API
through mixins defined here: corrections (:mod:`.correcting`), structure edits
(:mod:`.restructuring`), review of the history and diffs (:mod:`.review`), page status
(:mod:`.status`) and what the checker learns from the library (:mod:`.knowledge`). Every
edit is one transaction and one step of the session's undo history (:mod:`models.history`)
shared with annotation operations; highlights follow the words they mark (:mod:`.highlights`).
"""
