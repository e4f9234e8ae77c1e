"""Proofreading (issue 8), to come: the proofreading mode that edits the column text into
corrections over raw offsets, structure edits (merge/split paragraphs and articles, roles,
reading order), the scan pane beside the text, the checker's flag queue (F8), batch correction
of an error series, and the per-page correction history with review and page status.

Builds on ``ui.reader`` and ``ui.common``; the window joins it in ``ui.shell``.
"""
