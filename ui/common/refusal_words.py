"""An edit the core refused, in the window's language: "这是本篇的最后一段".

The core refuses an edit with a :class:`~models.refusals.Refused` that has a stable ``code``
and its ``args_``; its ``str()`` is the English line the CLI prints. The window words it here
(the status bar, Page History, a refused undo), and shows the English line for a code this
table does not know (a newer core).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject

from ui.common.step_labels import StepLabels
from ui.common.structure_words import StructureWords


class RefusalWords(QObject):
    """Words for the core's refusals (no parent needed: it only translates)."""

    def wordings(self) -> dict[str, str]:
        """Each code's line; ``%1``, ``%2`` … are the refusal's ``args_`` in order."""
        return {
            "paragraph_edge": self.tr("the cursor is at the edge of a paragraph: there is nothing to split"),
            "one_line_role": self.tr("a %1 is one line: make it body text to split it"),
            "not_a_role": self.tr("a paragraph's role is one of %1, not %2"),
            "starts_section": self.tr("this paragraph already starts its article"),
            "last_section": self.tr("this is the last article of the page: there is none after it to join"),
            "last_paragraph": self.tr(
                "this is the last paragraph of its article: there is none after it to join"
            ),
            "kinds_differ": self.tr(
                # %1, %2: the kinds in English words (an article, a caption); %3, %4: the kinds
                "not joined: this is %1, the next section %2; only sections of one kind join"
                " (Section Kind changes one)"
            ),
            "no_section": self.tr("the page has no article %1"),
            "sections_range": self.tr("the page has articles 0–%1, not %2"),
            "empty_section": self.tr("article %1 is empty"),
            "outside_section": self.tr("position %1 is outside the text of article %2"),
            "no_structure_edit": self.tr("there is no structure edit %1"),
            "place_gone": self.tr("the page no longer has the place this edit names; it stays reverted"),
            "line_break": self.tr("a correction cannot hold a line break; split the paragraph instead"),
            "outside_text": self.tr("%1–%2 is outside the article's text (0–%3)"),
            "no_text_there": self.tr("there is no text there to correct"),
            "covers_no_text": self.tr("%1–%2 covers no text of article %3"),
            "one_correction": self.tr(
                "the paragraph is one correction: there is no OCR character to break it at"
            ),
            "word_with_spaces": self.tr("a dictionary word is one word, without spaces"),
            "word_too_long": self.tr("a dictionary word is at most %1 characters long"),
            "undo_library_changed": self.tr("“%1” cannot be undone: the library changed"),
            "redo_library_changed": self.tr("“%1” cannot be redone: the library changed"),
        }

    def says(self, exc: BaseException) -> str:
        """What the window says for ``exc``: a known refusal in its language, else its own line."""
        code = getattr(exc, "code", None)
        wording = self.wordings().get(code) if isinstance(code, str) else None
        if wording is None:
            return str(exc) or type(exc).__name__
        values = [str(a) for a in getattr(exc, "args_", ())]
        if code == "one_line_role" and values:
            values[0] = StructureWords().name(values[0])
        if code == "kinds_differ" and len(values) == 4:
            values[2], values[3] = StructureWords().name(values[2]), StructureWords().name(values[3])
        if code in ("undo_library_changed", "redo_library_changed") and values:
            values[0] = StepLabels().name(values[0])
        # One pass: a step's label (page text) is never read as a placeholder.
        return re.sub(
            r"%(\d)",
            lambda m: values[int(m.group(1)) - 1] if 0 < int(m.group(1)) <= len(values) else m.group(0),
            wording,
        )


def refusal_said(exc: BaseException) -> str:
    """What the window says for ``exc`` (:meth:`RefusalWords.says`)."""
    return RefusalWords().says(exc)
