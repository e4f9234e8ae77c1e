"""The word popup: what a word is and how it is read in this sentence.

Everything in it that comes from the page or the dictionary is escaped before it goes
into the label's rich text, so a page holding ``<b>`` or ``<img src=x>`` shows those
characters literally.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ui.language.tone_colours import coloured_syllables_html

if TYPE_CHECKING:
    from models.glossary.word_card import WordCard


class WordPopup(QFrame):
    """A small floating panel beside the word; it never takes the keyboard."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("wordPopup")
        self.setFrameShape(QFrame.Shape.Box)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.label.setOpenExternalLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.label)
        self.setMaximumWidth(420)
        self.pinned = False
        self.card: WordCard | None = None

    # --- content --------------------------------------------------------------------------------
    def card_html(self, card: WordCard, scheme: str, dark: bool) -> str:
        """The popup's rich text for a card; every page or dictionary string escaped."""
        e = html.escape
        head = f'<span style="font-size:22pt">{e(card.simplified)}</span>'
        if card.traditional and card.traditional != card.simplified:
            head += f' <span style="font-size:15pt; color:#888">{e(card.traditional)}</span>'
        reading = coloured_syllables_html(card.syllables, scheme, dark)
        out = [f"<div>{head}</div>", f'<div style="font-size:14pt">{reading or "&nbsp;"}</div>']
        if card.overridden:
            out.append(f'<div style="color:#888"><i>{e(self.tr("Reading set by an editor"))}</i></div>')
        for entry in card.entries:
            out.append(self._entry_html(entry.syllables, entry.senses, scheme, dark))
        if card.other_readings:
            label = e(self.tr("Other readings:"))
            readings = ", ".join(
                coloured_syllables_html(r.split(), scheme, dark) for r in card.other_readings
            )
            out.append(f"<div>{label} {readings}</div>")
        if card.char_readings:
            label = e(self.tr("Characters also read:"))
            chars = "; ".join(
                f"{e(ch)} " + ", ".join(coloured_syllables_html([r], scheme, dark) for r in readings)
                for ch, readings in card.char_readings
            )
            out.append(f'<div style="margin-top:4px">{label} {chars}</div>')
        if not card.entries:
            if card.parts:
                out.append(f'<div style="color:#888">{e(self.tr("Not in the dictionary; its parts:"))}</div>')
                for part in card.parts:
                    out.append(f'<div><span style="font-size:13pt">{e(part.word)}</span></div>')
                    for entry in part.entries:
                        out.append(self._entry_html(entry.syllables, entry.senses, scheme, dark))
            else:
                out.append(f'<div style="color:#888">{e(self.tr("Not in the dictionary."))}</div>')
        return "".join(out)

    @staticmethod
    def _entry_html(syllables: tuple[str, ...], senses: tuple[str, ...], scheme: str, dark: bool) -> str:
        shown = [html.escape(s) for s in senses if s]  # every sense, as CC-CEDICT gives them
        reading = coloured_syllables_html(list(syllables), scheme, dark)
        return f"<p style='margin:4px 0 0 0'><b>{reading}</b> &nbsp;{'; '.join(shown)}</p>"

    def show_card(
        self, card: WordCard, scheme: str, dark: bool, near: QRect, notes: Sequence[str] = ()
    ) -> None:
        """Show a word's card beside ``near`` (the word's global rectangle); ``notes`` are plain-text
        lines about this occurrence (what the OCR read before a correction), shown escaped below it."""
        self.card = card
        self.label.setText(self.card_html(card, scheme, dark) + self._notes_html(notes) + self._footer())
        self._place(near)

    def show_loading(self, near: QRect, problem: str = "") -> None:
        """The dictionary or the page's words are still loading (or could not load: ``problem``)."""
        self.card = None
        if problem:
            text = html.escape(self.tr("Word help is not available: %1").replace("%1", problem))
        else:
            text = html.escape(self.tr("Loading the dictionary…"))
        self.label.setText(f"<div>{text}</div>")
        self._place(near)

    @staticmethod
    def _notes_html(notes: Sequence[str]) -> str:
        return "".join(
            '<div style="margin-top:6px; color:#888">' + html.escape(note).replace("\n", "<br>") + "</div>"
            for note in notes
        )

    def _footer(self) -> str:
        text = self.tr("Esc closes · R adds to vocabulary") if self.pinned else self.tr("Click to pin")
        return f'<div style="color:#888; font-size:8pt; margin-top:6px">{html.escape(text)}</div>'

    def set_pinned(self, pinned: bool) -> None:
        self.pinned = pinned
        self.setLineWidth(2 if pinned else 1)
        if self.card is not None:
            text = self.label.text()
            cut = text.rfind('<div style="color:#888; font-size:8pt')
            self.label.setText((text[:cut] if cut >= 0 else text) + self._footer())

    def text(self) -> str:
        """What the popup says, as plain text (for tests and accessibility)."""
        doc = self.label.text()
        from PySide6.QtGui import QTextDocument

        d = QTextDocument()
        d.setHtml(doc)
        return d.toPlainText()

    def _place(self, near: QRect) -> None:
        self.adjustSize()
        screen = QGuiApplication.screenAt(near.center()) or QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else QRect(0, 0, 10**5, 10**5)
        x = min(max(area.left(), near.left()), area.right() - self.width())
        y = near.bottom() + 6
        if y + self.height() > area.bottom():
            y = max(area.top(), near.top() - self.height() - 6)
        self.move(QPoint(x, y))
        self.show()
        self.raise_()
