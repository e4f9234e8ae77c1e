"""Edits the core refuses to make, each with a stable code (the window words it in its language).

The CLI prints ``str()`` of a :class:`Refused` (one English line); the window looks its
``code`` up in ``ui/common/refusal_words.py`` and falls back to that line for a code it does
not know. ``args_`` are what the line names (a role, a section's number), in the wording's order.
"""

from __future__ import annotations

from models.errors import DubaoError

#: The English line of each refusal; ``{0}``, ``{1}`` … are its ``args_``.
WORDING: dict[str, str] = {
    # restructuring (split, join, move, role, article)
    "paragraph_edge": "the cursor is at the edge of a paragraph: there is nothing to split",
    "one_line_role": "a {0} is one line: make it body text to split it",
    "not_a_role": "a paragraph's role is one of {0}, not '{1}'",
    "starts_section": "this paragraph already starts its section",
    "last_section": "this is the last section of the page",
    "last_paragraph": "this is the last paragraph of its section",
    # {0}, {1}: the two kinds in English words ("an article", "a caption"); {2}, {3}: the kinds
    "kinds_differ": (
        "not joined: this is {0}, the next section {1}; only sections of one kind join (Section Kind changes one)"
    ),
    "no_section": "the page has no section {0}",
    "sections_range": "the page has sections 0–{0}, not {1}",
    "empty_section": "section {0} is empty",
    "outside_section": "position {0} is outside section {1}'s text",
    "no_structure_edit": "no structure edit {0}",
    "place_gone": "the page no longer has the place this edit names; it stays reverted",
    # corrections
    "line_break": "a correction cannot hold a line break; split the paragraph instead",
    "outside_text": "{0}–{1} is outside the section's text (0–{2})",
    "no_text_there": "there is no text there to correct",
    "covers_no_text": "{0}–{1} covers no text of section {2}",
    "one_correction": "the paragraph is one correction: there is no OCR character to break it at",
    # the library's dictionary
    "word_with_spaces": "a dictionary word is one word, without spaces",
    "word_too_long": "a dictionary word is at most {0} characters long",
    # undo and redo
    "undo_library_changed": "cannot undo '{0}': the library changed",
    "redo_library_changed": "cannot redo '{0}': the library changed",
}


class Refused(DubaoError):
    """An edit refused (nothing written): ``code`` names why, ``args_`` what it names;
    ``str()`` is the English line of :data:`WORDING`."""

    def __init__(self, code: str, *args: object) -> None:
        super().__init__(WORDING[code].format(*args))
        self.code = code
        self.args_ = args

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        """Pickled by code and arguments (a worker process hands it back whole)."""
        return (Refused, (self.code, *self.args_))
