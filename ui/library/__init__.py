"""The library: its panel and search panel, import in the background, a page's issue details,
and the window's library behaviour (``LibraryWindow``, a mixin of the main window).

Builds on ``ui.reader`` and ``ui.common``.
"""
