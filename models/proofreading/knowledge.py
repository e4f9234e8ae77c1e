"""What the library teaches the OCR checker: its word list, dismissed flags, corrected pairs.

Methods of :class:`models.library.service.Library` (mixin :class:`KnowledgeOps`);
:meth:`KnowledgeOps.learnt_knowledge` is the one read the checker needs, ``check --db`` and
the window's checker alike (:meth:`KnowledgeOps.checker_knowledge`, as plain counts).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from peewee import SqliteDatabase, fn

from models import history
from models.errors import DubaoError
from models.history import Change, Command, History
from models.library.schema import Correction, FlagDismissal, LibraryWord, Page, Paragraph, Section, utc_now
from models.proofreading.checker_knowledge import KEYED_BY_SURROUNDINGS, LibraryKnowledge, character_class
from models.proofreading.records import CheckerKnowledge

#: The history's kind for a remembered dismissal (a row of ``flag_dismissal`` by id).
DISMISSAL = "flag_dismissal"

#: Longest differing piece counted as a corrected pair (longer rewrites teach nothing about characters).
PAIR_LIMIT = 4

#: Raw characters read on each side of a dismissed mark to find its neighbours across line breaks.
AROUND = 8
LINE_BREAKS = "\r\n"


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

    # --- word list ---------------------------------------------------------------------------
    def words(self) -> list[str]:
        """The library's own dictionary words, sorted."""
        return sorted(w for (w,) in LibraryWord.select(LibraryWord.word).tuples())

    def add_word(self, word: str) -> None:
        """ "Add to dictionary": the checker stops flagging ``word`` as unknown in this library."""
        word = word.strip()
        if not word or any(ch.isspace() for ch in word):
            raise DubaoError("a dictionary word is one word, without spaces")
        with self._db.atomic():
            LibraryWord.insert(word=word, created=utc_now()).on_conflict_ignore().execute()

    def remove_word(self, word: str) -> None:
        with self._db.atomic():
            LibraryWord.delete().where(LibraryWord.word == word.strip()).execute()

    # --- dismissed flags ---------------------------------------------------------------------
    def dismiss_flag(self, page_id: int, raw_start: int, raw_end: int, kind: str, text: str) -> None:
        """Remember that an editor dismissed a flag (raw span of the page, its kind, the text
        flagged): one step of the session's history, so Ctrl+Z brings the flag back."""
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
        with self._db.atomic():
            if FlagDismissal.select().where(where).exists():
                return  # dismissed before: nothing new to undo
            FlagDismissal.insert(
                page=page_id, raw_start=raw_start, raw_end=raw_end, kind=kind, text=text, created=utc_now()
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

    def dismissal_surroundings(self, page_id: int, raw_start: int, raw_end: int) -> tuple[str, str] | None:
        """The classes of the characters before and after a dismissed flag's raw span as the
        checker read them (:func:`~models.proofreading.checker_knowledge.surroundings`): line
        breaks inside the span's paragraph are skipped (the paragraph joins its lines), its ends
        are edges; outside any paragraph (a heading) a line break is an edge. None when the page's
        raw text does not hold the span."""
        lo = max(0, raw_start - AROUND)
        row = (
            Page.select(
                fn.substr(Page.raw_text, lo + 1, raw_end - lo + AROUND),
                fn.length(Page.raw_text).coerce(False),
            )
            .where(Page.id == page_id)
            .tuples()
            .first()
        )
        if row is None or row[0] is None or not 0 <= raw_start <= raw_end <= (row[1] or 0):
            return None
        window = row[0]
        paragraph = (
            Paragraph.select(Paragraph.raw_start, Paragraph.raw_end)
            .join(Section)
            .where(
                (Section.page == page_id)
                & (Paragraph.raw_start <= raw_start)
                & (Paragraph.raw_end >= raw_end)
            )
            .tuples()
            .first()
        )
        if paragraph is None:  # a heading or a byline: the checker reads its line
            first, last, skipped = lo, lo + len(window), ""
        else:
            first, last, skipped = max(lo, paragraph[0]), min(lo + len(window), paragraph[1]), LINE_BREAKS
        i = raw_start - 1
        while i >= first and window[i - lo] in skipped:
            i -= 1
        before = window[i - lo] if i >= first and window[i - lo] not in LINE_BREAKS else ""
        j = raw_end
        while j < last and window[j - lo] in skipped:
            j += 1
        after = window[j - lo] if j < last and window[j - lo] not in LINE_BREAKS else ""
        return character_class(before), character_class(after)

    def learnt_knowledge(self) -> LibraryKnowledge:
        """What the checker learns from this library, ``check --db`` and the window alike: its
        dictionary words, the character pairs its editors corrected (they weigh more) and the
        texts of the flags they dismissed (they weigh less, whatever the flag suggested): a
        Han character's wherever it stands, a punctuation or space flag's only where the same
        classes of character stand around it (:meth:`dismissal_surroundings`; one whose page no
        longer holds its span weighs less wherever it stands, as every dismissal did before)."""
        taught = self.checker_knowledge()
        dismissed: Counter[tuple[str, str | None]] = Counter()
        around: Counter[tuple[str, str, str]] = Counter()
        rows = FlagDismissal.select(
            FlagDismissal.page,
            FlagDismissal.raw_start,
            FlagDismissal.raw_end,
            FlagDismissal.kind,
            FlagDismissal.text,
        ).tuples()
        for page_id, raw_start, raw_end, kind, text in rows:
            if not text:
                continue
            classes = (
                self.dismissal_surroundings(page_id, raw_start, raw_end)
                if kind in KEYED_BY_SURROUNDINGS
                else None
            )
            if classes is None:
                dismissed[(text, None)] += 1
            else:
                around[(text, *classes)] += 1
        return LibraryKnowledge(
            frozenset(taught.words), dict(taught.corrected_pairs), dict(dismissed), dict(around)
        )


history.register((DISMISSAL,), history.rows_applier(FlagDismissal), order=60)
