"""A structure edit in the window's language: "「各地还组织」 is byline", "new section at 「…」".

Page History lists structure edits in these words, and the import's conflict box names a
colleague's structure edit that clashed with one here in the same words (it named kind and
value in English, "role byline", in the Chinese window too). The strings keep Page History's
translation context, where they were first translated.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject


class StructureWords(QObject):
    """Words for structure edits (no parent needed: it only translates)."""

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:  # type: ignore[override]
        """Page History's translation context (the strings were first its own)."""
        return QCoreApplication.translate("PageHistoryDialog", text, disambiguation, n)

    def name(self, value: str) -> str:
        """A paragraph's role or a section's kind ("byline", "caption") in the window's language."""
        names = {
            "heading": self.tr("heading"),
            "kicker": self.tr("kicker"),
            "subheading": self.tr("subheading"),
            "byline": self.tr("byline"),
            "body": self.tr("body text"),
            "article": self.tr("article"),
            "caption": self.tr("caption"),
            "masthead": self.tr("masthead"),
            "other": self.tr("other"),
        }
        return names.get(value, value)

    def wording(self, what: str, value: str, where: str, target: str = "") -> str:
        """The edit of kind ``what`` (break, role, section, section_kind, move) with ``value``
        (yes/no, the role, the kind), at the words ``where``; a move goes before the section at
        ``target`` ("": to the end). "" for a kind not known here."""
        yes = value == "yes"
        wording = {
            "break": self.tr("paragraph break before 「%1」")
            if yes
            else self.tr("「%1」 joins the paragraph before"),
            "role": self.tr("「%1」 is %2"),
            "section": self.tr("new section at 「%1」")
            if yes
            else self.tr("section 「%1」 joins the one before"),
            "section_kind": self.tr("section 「%1」 is %2"),
            "move": self.tr("section 「%1」 moves before 「%3」")
            if target
            else self.tr("section 「%1」 moves to the end"),
        }.get(what)
        if wording is None:
            return ""
        return wording.replace("%2", self.name(value)).replace("%3", target).replace("%1", where)
