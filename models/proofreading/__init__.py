"""Proofreading: editors correct a page's text and structure; the raw OCR text never changes.

The library's service (:class:`models.library.service.Library`) carries the editor's API
through mixins defined here: corrections (:mod:`.correcting`), structure edits
(:mod:`.restructuring`), review of the history and diffs (:mod:`.review`), page status
(:mod:`.status`) and what the checker learns from the library (:mod:`.knowledge`). Every
edit is one transaction and one step of the session's undo history (:mod:`models.history`,
rows written back by :mod:`.rows`) shared with annotation operations (:mod:`.desk`);
highlights follow the words they mark (:mod:`.highlights`).

Underneath: :mod:`.structure` applies structure edits (keyed by raw offsets) to the parser's
sections, :mod:`.layout` says where every shown character comes from, :mod:`.spans` turns an
editor's span into corrections over raw offsets. Out and in: :mod:`.export` (text, TEI),
:mod:`.exchange` (corrections as W3C annotations).
"""
