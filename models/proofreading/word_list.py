"""Add to Dictionary from the window: a word of the library's own list, as one undoable step.

Methods of :class:`models.library.service.Library` (mixin :class:`WordListOps`). The list is
the one the checker reads (``check --db``, :meth:`KnowledgeOps.words`); adding a word here is
a step of the session's history, so Ctrl+Z takes it off the list again.
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import SqliteDatabase

from models import history
from models.history import Change, Command, History
from models.library.schema import LibraryWord, utc_now
from models.refusals import Refused

#: The history's kind for a word of the library's dictionary (a row of ``libraryword`` by id).
WORD = "library_word"


def dictionary_word(text: str) -> str:
    """``text`` as a dictionary word (trimmed); DubaoError if it is empty or holds a space."""
    word = text.strip()
    if not word or any(ch.isspace() for ch in word):
        raise Refused("word_with_spaces")
    if len(word) > 64:
        raise Refused("word_too_long", 64)
    return word


class WordListOps:
    """The library's dictionary words, added as history steps."""

    _db: SqliteDatabase
    history: History
    _notify: Callable[[Command], None]  # the Library's (ProofDesk): tells the listeners

    def add_dictionary_word(self, text: str) -> bool:
        """Add a word to the library's dictionary (committed on return; one undo step).
        False when the list already holds it (nothing written, no step)."""
        word = dictionary_word(text)
        with self._db.atomic():
            if LibraryWord.select().where(LibraryWord.word == word).exists():
                return False
            LibraryWord.insert(word=word, created=utc_now()).execute()
            row = LibraryWord.select().where(LibraryWord.word == word).dicts().get()
        command = Command("add to dictionary", [Change(WORD, row["id"], None, row)])
        self.history.push(command)
        self._notify(command)
        return True


history.register((WORD,), history.rows_applier(LibraryWord), order=60)
