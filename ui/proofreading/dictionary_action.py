"""Edit ▸ Add to Dictionary (Ctrl+Shift+D): a name or place the checker flags as unknown goes
into the library's own dictionary, so the checker stops flagging it on every page.

The word is the selected unknown-word flag's text (F8), else the selection in the column (a
look-alike flag marks one character: the editor selects the word around it). Adding it is one
step of the history (Ctrl+Z takes it out again); the session hears the step and the checker
reads the page and the issue again with the word known.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from ui.annotations.highlight_positions import SectionPositions
from ui.common.refusal_words import refusal_said


class DictionaryAction(QObject):
    """The action, made once per window by the proofreading session."""

    def __init__(self, session: Any, edit_menu: QMenu, before: QAction | None) -> None:
        super().__init__(session)
        self.session = session
        window = session.window
        self.action = QAction(self.tr("Add to Dictionar&y"), window)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.action.setStatusTip(
            self.tr("Add the selected flag's word (or the selection) to the library's dictionary")
        )
        self.action.triggered.connect(self.add)
        window.addAction(self.action)
        edit_menu.insertAction(before, self.action)

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:  # type: ignore[override]
        """The strings keep the proofreading session's translation context."""
        return QCoreApplication.translate("ProofreadingSession", text, disambiguation, n)

    def word(self) -> str:
        """The selected unknown-word flag's text, else the active column's selection on one line
        ("" if none: a look-alike or punctuation flag marks a character, not a word)."""
        flag = self.session.queue.current()
        if flag is not None:
            return str(flag.text) if flag.kind == "unknown" else ""
        column = self.session.window.page_view.active_column()
        if column is None:
            return ""
        span = SectionPositions(column).selection()
        if span is None:
            return ""
        text = "\n".join(ref.text.text for ref in column.blocks)[span[0] : span[1]]
        return "" if "\n" in text else text.strip()

    def add(self) -> bool:
        """Add the word; the status bar says what happened (a failed write: a dialog)."""
        from models.errors import DubaoError, LibraryWriteError

        session = self.session
        library = session.window.library
        word = self.word()
        if library is None or session._page_id() is None:
            session._say(self.tr("Open a page of the library first."))
            return False
        if not word:
            flag = session.queue.current()
            session._say(
                self.tr(
                    "A flag on a character is not a word: select the whole word to add it to the dictionary."
                )
                if flag is not None
                else self.tr("Select a word, or a flag with F8, to add it to the library's dictionary.")
            )
            return False
        try:
            added = library.add_dictionary_word(word)
        except LibraryWriteError as exc:
            session.window.show_error(self.tr("The word was not added to the dictionary"), str(exc))
            return False
        except DubaoError as exc:  # not a word (spaces, too long): say why
            session._say(refusal_said(exc))
            return False
        except Exception as exc:  # noqa: BLE001 - the write failed (disk, lock): nothing was saved
            session.window.show_error(
                self.tr("The word was not added to the dictionary"), str(exc) or type(exc).__name__
            )
            return False
        if added:
            session._say(
                self.tr(
                    "“%1” is in the library's dictionary (Ctrl+Z takes it out); the checker reads the page again."
                ).replace("%1", word)
            )
        else:
            session._say(self.tr("“%1” is already in the library's dictionary.").replace("%1", word))
        return added
