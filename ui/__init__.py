"""Dubao's Qt user interface: widgets, dialogs and item models only.

It reaches the core (``models``) through the service layer, never runs SQL, and converts
between code-point offsets (core) and Qt's UTF-16 positions here, never in the core.

One folder per capability, each importing only the folders below it (tests/test_ui_layers.py):

    shell/         the application, the main window that composes the rest, preferences
    language/      word popups, pinyin above characters, tone colours, vocabulary
    annotations/   highlights, the annotations dock, categories and tags
    library/       the library and search panels, import, a page's issue details
    proofreading/  proofreading mode: corrections, structure edits, the checker's flags, the scan (issue 8)
    reader/        the page's columns, the raw OCR text, page style, find in page
    common/        settings, theme, fonts, translations, UTF-16 offsets, the library-write path
"""
