"""Annotating: highlights painted on the columns, marking keys, undo/redo, the annotations dock,
its details pane, the category editor and the tag manager.

Builds on ``ui.reader`` and ``ui.common``.
"""
