"""Language help on the page: word popups, the word cursor, pinyin above characters (ruby),
tone colours, reading overrides and the vocabulary window.

Builds on ``ui.reader`` and ``ui.common``.
"""
