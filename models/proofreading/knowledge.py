"""What the library teaches the OCR checker: its word list, dismissed flags, corrected pairs.

Methods of :class:`models.library.service.Library` (mixin :class:`KnowledgeOps`);
:meth:`KnowledgeOps.learnt_knowledge` is the one read the checker needs, ``check --db`` and
the window's checker alike (:meth:`KnowledgeOps.checker_knowledge`, as plain counts).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from peewee import SqliteDatabase, fn

from models import history
from models.errors import DubaoError
from models.history import Change, Command, History
from models.library.schema import Correction, FlagDismissal, LibraryWord, Page, utc_now
from models.proofreading.checker_knowledge import KEYED_BY_SURROUNDINGS, LibraryKnowledge, surroundings
from models.proofreading.records import CheckerKnowledge
from models.refusals import Refused
from models.section import HEAD_FIELDS, Section

#: The history's kind for a remembered dismissal (a row of ``flag_dismissal`` by id).
DISMISSAL = "flag_dismissal"

#: Longest differing piece counted as a corrected pair (longer rewrites teach nothing about characters).
PAIR_LIMIT = 4


def corrected_pieces(old: str, new: str) -> list[tuple[str, str]]:
    """The pieces an editor changed: common ends dropped, then one pair per character where
    the lengths agree, else the whole differing piece (if short)."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    old_mid, new_mid = old[start : len(old) - end], new[start : len(new) - end]
    if not old_mid and not new_mid:
        return []
    if len(old_mid) == len(new_mid):
        return [(a, b) for a, b in zip(old_mid, new_mid, strict=True) if a != b]
    if max(len(old_mid), len(new_mid)) <= PAIR_LIMIT:
        return [(old_mid, new_mid)]
    return []


class KnowledgeOps:
    """The library's word list, remembered flag dismissals and corrected character pairs."""

    _db: SqliteDatabase
    history: History
    _notify: Callable[[Command], None]  # the Library's (ProofDesk): tells the listeners
    page: Callable[[int], Any]  # the Library's: the page's content (PageContent)

    # --- word list ---------------------------------------------------------------------------
    def words(self) -> list[str]:
        """The library's own dictionary words, sorted."""
        return sorted(w for (w,) in LibraryWord.select(LibraryWord.word).tuples())

    def add_word(self, word: str) -> None:
        """ "Add to dictionary": the checker stops flagging ``word`` as unknown in this library."""
        word = word.strip()
        if not word or any(ch.isspace() for ch in word):
            raise Refused("word_with_spaces")
        with self._db.atomic():
            LibraryWord.insert(word=word, created=utc_now()).on_conflict_ignore().execute()

    def remove_word(self, word: str) -> None:
        with self._db.atomic():
            LibraryWord.delete().where(LibraryWord.word == word.strip()).execute()

    # --- dismissed flags ---------------------------------------------------------------------
    def dismiss_flag(self, page_id: int, raw_start: int, raw_end: int, kind: str, text: str) -> None:
        """Remember that an editor dismissed a flag (raw span of the page, its kind, the text
        flagged): one step of the session's history, so Ctrl+Z brings the flag back. A
        punctuation or space flag keeps the classes of the characters around it in the block
        the window shows (:func:`dismissal_classes`, taken now: a later structure edit does
        not change what the dismissal meant)."""
        if Page.get_or_none(Page.id == page_id) is None:
            raise DubaoError(f"no page {page_id} in the library")
        if not 0 <= raw_start <= raw_end:
            raise DubaoError("a flag covers a raw span")
        where = (
            (FlagDismissal.page == page_id)
            & (FlagDismissal.raw_start == raw_start)
            & (FlagDismissal.raw_end == raw_end)
            & (FlagDismissal.kind == kind)
        )
        classes = (
            dismissal_classes(self.page(page_id).current_sections, raw_start, raw_end)
            if kind in KEYED_BY_SURROUNDINGS
            else None
        )
        before, after = classes if classes is not None else (None, None)
        with self._db.atomic():
            if FlagDismissal.select().where(where).exists():
                return  # dismissed before: nothing new to undo
            FlagDismissal.insert(
                page=page_id,
                raw_start=raw_start,
                raw_end=raw_end,
                kind=kind,
                text=text,
                created=utc_now(),
                class_before=before,
                class_after=after,
            ).execute()
            row = FlagDismissal.select().where(where).dicts().get()
        command = Command("dismiss flag", [Change(DISMISSAL, row["id"], None, row)])
        self.history.push(command)
        self._notify(command)

    def undismiss_flag(self, page_id: int, raw_start: int, raw_end: int, kind: str) -> None:
        with self._db.atomic():
            FlagDismissal.delete().where(
                (FlagDismissal.page == page_id)
                & (FlagDismissal.raw_start == raw_start)
                & (FlagDismissal.raw_end == raw_end)
                & (FlagDismissal.kind == kind)
            ).execute()

    def dismissed_flags(self, page_id: int) -> list[tuple[int, int, str, str]]:
        """The page's dismissed flags: (raw start, raw end, kind, text), in raw order."""
        query = (
            FlagDismissal.select(
                FlagDismissal.raw_start, FlagDismissal.raw_end, FlagDismissal.kind, FlagDismissal.text
            )
            .where(FlagDismissal.page == page_id)
            .order_by(FlagDismissal.raw_start, FlagDismissal.raw_end, FlagDismissal.kind)
        )
        return list(query.tuples())

    # --- what the checker reads --------------------------------------------------------------
    def corrected_pairs(self) -> Counter[tuple[str, str]]:
        """(OCR read, editor wrote) -> count, over the corrections in force (see :func:`corrected_pieces`)."""
        pairs: Counter[tuple[str, str]] = Counter()
        # Only the characters each correction covers are read, not its page's whole text (the
        # window reads this every time an editor corrects something). substr counts characters,
        # as offsets do, on SQLite and PostgreSQL alike.
        span = Correction.raw_end - Correction.raw_start
        read = fn.substr(Page.raw_text, Correction.raw_start + 1, span)
        query = (
            Correction.select(read, Correction.replacement)
            .join(Page)
            .where(Correction.state == "in_force")
            .tuples()
        )
        for was, replacement in query:
            old = "".join((was or "").split())
            pairs.update(corrected_pieces(old, replacement))
        return pairs

    def checker_knowledge(self) -> CheckerKnowledge:
        """Everything ``check --db`` learns from this library, as plain data."""
        dismissed: Counter[tuple[str, str]] = Counter()
        for text, kind in FlagDismissal.select(FlagDismissal.text, FlagDismissal.kind).tuples():
            dismissed[(text, kind)] += 1
        return CheckerKnowledge(self.words(), dict(self.corrected_pairs()), dict(dismissed))

    def learnt_knowledge(self) -> LibraryKnowledge:
        """What the checker learns from this library, ``check --db`` and the window alike: its
        dictionary words, the character pairs its editors corrected (they weigh more) and the
        texts of the flags they dismissed (they weigh less, whatever the flag suggested): a
        Han character's wherever it stands, a punctuation or space flag's only where the same
        classes of character stand around it as when it was dismissed (kept with the row,
        :func:`dismissal_classes`; a row of an earlier version, without them, weighs less
        wherever its text stands, as every dismissal did before). The dismissals are read once,
        in one query."""
        dismissed: Counter[tuple[str, str | None]] = Counter()
        around: Counter[tuple[str, str, str]] = Counter()
        rows = FlagDismissal.select(
            FlagDismissal.text, FlagDismissal.kind, FlagDismissal.class_before, FlagDismissal.class_after
        ).tuples()
        for text, kind, before, after in rows:
            if not text:
                continue
            if kind in KEYED_BY_SURROUNDINGS and before is not None and after is not None:
                around[(text, before, after)] += 1
            else:
                dismissed[(text, None)] += 1
        return LibraryKnowledge(
            frozenset(self.words()), dict(self.corrected_pairs()), dict(dismissed), dict(around)
        )


def dismissal_classes(sections: list[Section], raw_start: int, raw_end: int) -> tuple[str, str] | None:
    """The classes of the characters before and after a flag's raw span in the block the window
    shows it in (a head field's or a paragraph's current text, as the checker read it:
    :func:`~models.proofreading.checker_knowledge.surroundings`): a heading printed on two lines
    is one block whose lines join with nothing between them, and a space the block's text drops
    is not there. None when no block holds the span (the flag's block changed since)."""
    for section in sections:
        blocks = [getattr(section, name) for name in HEAD_FIELDS] + list(section.paragraphs)
        for block in blocks:
            if block is None or not block.text:
                continue
            source = block.source
            starts = [i for i, raw in enumerate(source) if raw == raw_start]
            for start in starts:
                for end in range(start + 1, len(source) + 1):
                    if max(source[end - 1] + 1, raw_start + 1) == raw_end:
                        return surroundings(block.text, start, end)
    return None


history.register((DISMISSAL,), history.rows_applier(FlagDismissal), order=60)
