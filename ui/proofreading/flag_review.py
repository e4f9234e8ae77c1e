"""The checker's flags on the page being proofread: checked in the background, counted, walked.

The checker reads the page's paragraphs once typing pauses (those read before come from
memory); its flags get a wavy underline, are walked with F8 / Shift+F8 from the caret, accepted
with Enter (the suggestion becomes one correction) and dismissed with Esc (the library remembers
it). The status bar counts what is left on the page and, read in the background, in the issue.
One FlagReview per ProofreadingSession, which owns the mode, the page and the edits.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel

from ui.annotations.highlight_positions import SectionPositions
from ui.proofreading.flag_queue import (
    PAGE_CHECK,
    Checker,
    Flag,
    FlagQueue,
    FlagTasks,
    LibraryChecker,
    RememberingChecker,
    library_checker,
    place_flags,
)
from ui.proofreading.issue_flags import IssueFlagCount
from ui.reader.section_view import SectionColumn

FLAG_LAYER = "flags"


class FlagReview(QObject):
    """The flag queue of one proofreading session, its checker, count and F8 / Enter / Esc steps."""

    def __init__(self, session: Any) -> None:
        """``session``: the ProofreadingSession (its window, page, mode and edits)."""
        super().__init__(session)
        self.session = session
        self.queue = FlagQueue()
        self.tasks = FlagTasks(self)
        self.tasks.checked.connect(self._checked)
        self.tasks.failed.connect(self.checker_failed)
        self.tasks.learnt.connect(self._learnt)
        self.tasks.unread.connect(self._unread)
        #: flags left on the issue's pages, counted in the background with the same checker
        self.issue_flags = IssueFlagCount(self.tasks._lock, self)
        self.issue_flags.changed.connect(self.update_count)
        self.issue_flags.failed.connect(self.checker_failed)
        #: the checker; None until first needed (then the bundled one), replaceable in tests
        self.checker: Checker | None = None
        #: the page the checker has answered for (until then its count is not known)
        self.checked_page: int | None = None
        #: the library whose knowledge the checker was given last
        self._taught: Any = None
        self._selecting_flag = False
        #: the status bar's hint for the selected flag, taken away when the flag is let go
        self._flag_message = ""
        #: (page, +1 / -1): F8 went on to this page; its first (last) flag is selected once checked
        self._pending: tuple[int, int] | None = None
        #: where the caret was when F8 opened that page: moved since (a click, a key typed), the
        #: editor is at work there and the check's answer no longer takes the caret away
        self._pending_caret: tuple[int, int, int] | None = None
        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(400)
        self.check_timer.timeout.connect(self.start_checker)
        self.count = QLabel()
        self.count.setObjectName("flagCount")
        self.count.setTextFormat(Qt.TextFormat.PlainText)

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:  # type: ignore[override]
        """The strings moved here from ProofreadingSession keep its translation context."""
        return QCoreApplication.translate("ProofreadingSession", text, disambiguation, n)

    def clear(self) -> None:
        """Another page (or the mode ended): no flags until the checker answers for it."""
        self.queue.set_flags([])
        self.checked_page = None
        self._let_go_message()
        if self._pending is not None and (
            self._pending[0] != self.session._page_id() or not self.session.active
        ):
            self._pending = None  # the editor went to another page meanwhile, or stopped proofreading

    def _let_go_message(self) -> None:
        """The selected flag's hint (…: Enter accepts, Esc dismisses) leaves the status bar with
        the flag: Enter and Esc no longer do that."""
        bar = self.session.window.statusBar()
        if self._flag_message and bar.currentMessage() == self._flag_message:
            bar.clearMessage()
        self._flag_message = ""

    def start_checker(self) -> None:
        """Read the page's paragraphs again in the background (those read before come from memory)."""
        if self.checker is None:
            engine = library_checker()
            self.checker = RememberingChecker(engine) if engine is not None else None
            self._taught = None
        self._teach()
        if self.checker is None:
            self.count.setText(self.tr("No checker in this build"))
            return
        if not self.session.active or self.session._page_id() is None:
            return
        lines = [text for column in self.session._blocks for text, _ in column]
        self.tasks.check(self.session.generation, self.checker, lines)

    def stop(self) -> None:
        """The window closes: no check starts now, and the answers on their way (the page's,
        the issue's counts) go to nobody."""
        self.check_timer.stop()
        self.tasks.stop()
        self.issue_flags.stop()

    def _engine(self) -> LibraryChecker | None:
        checker = self.checker
        engine = checker.checker if isinstance(checker, RememberingChecker) else None
        return engine if isinstance(engine, LibraryChecker) else None

    def _teach(self) -> None:
        """Have the checker learn from the shown page's library (its dictionary words, the pairs
        its editors corrected, the flags they dismissed: what ``check --db`` reads), on the
        worker thread before its next check; once per library, then again on :meth:`relearn`."""
        engine = self._engine()
        library = self.session.window.library
        if engine is None or library is None or self._taught is library:
            return
        tasks, relay = self.tasks, self.tasks.relay  # (the worker only names tasks to the relay)
        engine.unread = lambda reason: relay.post(tasks, "unread", reason)
        engine.learnt = lambda changed: relay.post(
            tasks, "learnt", changed, threading.current_thread().name == PAGE_CHECK
        )
        engine.teach_from(library)
        self._taught = library
        self.checker.forget()  # type: ignore[union-attr] - a RememberingChecker: _engine says so

    def relearn(self) -> None:
        """The library's corrections, dismissals or dictionary changed (a step, its undo): the
        checker reads them again before it next reads the page, then only what they change."""
        engine = self._engine()
        if engine is None:
            return
        engine.relearn()
        if self.session.active:
            self.session.generation += 1  # answers on their way were made without it
            self.check_timer.start()

    def learn_again(self) -> None:
        """Another page (or the mode starts): what colleagues taught the library meanwhile counts too."""
        engine = self._engine()
        if engine is not None:
            engine.relearn()

    def _learnt(self, changed: frozenset[str] | None, by_page_check: bool) -> None:
        """The checker learnt something: the page (unless its own check learnt it first, so its
        answer holds) and the issue's pages whose text it changes are read again."""
        from models.proofreading.learning import reads_differently

        lines = [text for column in self.session._blocks for text, _ in column]
        if not by_page_check and self.session.active and any(reads_differently(t, changed) for t in lines):
            self.session.generation += 1
            self.check_timer.start()
        library = self.session.window.library
        if library is not None:
            self.issue_flags.recount(changed, library, self.checker, skip=self.session._page_id())

    def _unread(self, reason: str) -> None:
        self.session._say(self.tr("The checker does not know the library's words: %1").replace("%1", reason))

    def _count_issue(self) -> None:
        """Count the flags left on the issue's other pages in the background (once per page)."""
        page_id = self.session._page_id()
        library = self.session.window.library
        if page_id is None or library is None or self.checker is None or not self.session.active:
            return
        content = getattr(self.session.window, "page_content", None)
        issue_id = content.info.issue_id if content is not None and content.info.id == page_id else None
        if issue_id is None:
            issue_id = library.page_info(page_id).issue_id
        self.issue_flags.show_issue(library, issue_id, self.checker)

    def _checked(self, generation: int, found: object) -> None:
        page_id = self.session._page_id()
        if generation != self.session.generation or page_id is None:
            return  # the text has changed since: a newer check is on its way
        dismissed = {(s, e, k) for s, e, k, _t in self.session.window.library.dismissed_flags(page_id)}
        before = self.queue.current()
        self.queue.set_flags(place_flags(self.session._blocks, found, dismissed))  # type: ignore[arg-type]
        if before is not None:
            # A check that lands while a flag is selected (the page read again after a dismissal
            # or a word learnt) keeps it selected if it still flags the same characters: it let
            # go of it, the hint still said "Enter accepts, Esc dismisses", and Esc left the mode.
            same = (before.raw_start, before.raw_end, before.kind)
            kept = [i for i, f in enumerate(self.queue.flags) if (f.raw_start, f.raw_end, f.kind) == same]
            if kept:
                self.queue.selected = kept[0]
            else:
                self._let_go_message()
        self.checked_page = page_id
        lines = [text for column in self.session._blocks for text, _ in column]
        self.issue_flags.set_count(page_id, len(self.queue.flags), lines)
        self.paint()
        self.update_count()
        self._count_issue()  # the issue's other pages, after this one (the page comes first)
        if self._pending is not None and self._pending[0] == page_id and self.session.active:
            delta = self._pending[1]
            self._pending = None
            if self._caret() != self._pending_caret:
                return  # the editor clicked or typed on the page before its check answered
            self.queue.selected = -1
            if self.queue.flags:
                self.step(delta, from_edge=True)
            else:
                self.session._say(self.tr("No flags on this page."))

    def checker_failed(self, reason: str) -> None:
        self.session._say(self.tr("The checker failed: %1").replace("%1", reason), 8000)
        if self.checked_page != self.session._page_id():
            self.count.setText(self.tr("The checker failed"))

    def update_count(self) -> None:
        if (
            self.session.active
            and self.session._page_id() is not None
            and self.checked_page != self.session._page_id()
        ):
            # No answer for this page yet (the checker loads its tables the first time, seconds);
            # a build without a checker says so once it is asked for.
            if self.count.text() not in (
                self.tr("No checker in this build"),
                self.tr("The checker failed"),
            ):
                self.count.setText(self.tr("Checking the page…"))
            return
        left = len(self.queue.flags)
        text = self.tr("%n flags left on this page", "", left)
        page_id = self.session._page_id()
        total = self.issue_flags.total((page_id, left) if page_id is not None else None)
        counted, pages = self.issue_flags.progress()
        if total is not None:
            text += self.tr(", %n in the issue", "", total)
        elif pages and self.session.active:
            text += (
                self.tr(", issue: counting (%1 of %2 pages)…")
                .replace("%1", str(counted))
                .replace("%2", str(pages))
            )
        self.count.setText(text)

    def paint(self) -> None:
        colours = self.session.window.colours
        selected = self.queue.current()
        for number, column in enumerate(self.session.window.page_view.columns):
            spans = []
            for flag in self.queue.in_section(number):
                fmt = QTextCharFormat()
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                fmt.setUnderlineColor(QColor(colours.masthead))
                if flag == selected:
                    fmt.setBackground(QColor(colours.current_hit))
                start, end = self._flag_span(column, flag)
                spans.append((start, end, fmt))
            column.set_layer(FLAG_LAYER, spans)

    @staticmethod
    def _flag_span(column: SectionColumn, flag: Flag) -> tuple[int, int]:
        ref = column.blocks[flag.block]
        start, end = ref.utf16_map().span_to_utf16(flag.start, flag.end)
        return ref.position + start, ref.position + end

    def step(self, delta: int, from_edge: bool = False) -> Flag | None:
        """Select the next (+1) or previous (-1) flag from the caret (``from_edge``: the page's
        first or last); it is shown selected. Past the page's last flag (first, going back) F8
        goes on to the next (previous) page of the issue with flags left, as a spelling checker
        goes through a whole document; with none left elsewhere it comes round the page again."""
        if not self.session.active:
            return None
        where = None
        before = self.queue.current()
        column = self.session.window.page_view.active_column()
        if not from_edge and column is not None and column.blocks and before is None:
            position = column.textCursor().position()
            block = max(0, column.block_at(position))
            where = (column.number, block, column.block_text_offset(block, position))
        flag = self.queue.step(delta, where)
        known = self.checked_page == self.session._page_id()
        if (
            not from_edge
            and known
            and self._came_round(delta, flag, before, where)
            and self._next_page(delta)
        ):
            return None
        self.paint()
        if flag is None:
            if not known:  # not "no flags": not known yet
                self.session._say(self.tr("The checker is still reading this page: F8 again in a moment."))
            else:
                self.session._say(self.tr("No flags on this page."))
            return None
        return self.show_selected(flag)

    def at(self, column: SectionColumn, point: Any) -> Flag | None:
        """The flag under a point of the column's viewport (a right-click), None where none is."""
        position = column.cursorForPosition(point.toPoint()).position()
        block = column.block_at(position)
        if block < 0:
            return None
        offset = column.block_text_offset(block, position)
        return next(
            (
                f
                for f in self.queue.flags
                if f.section == column.number and f.block == block and f.start <= offset < f.end
            ),
            None,
        )

    def select(self, flag: Flag, centre: bool = True) -> Flag | None:
        """Select a flag of the queue as F8 does (the caret on it, its message said); ``centre``
        False: the column does not scroll (a right-click's flag is under the mouse, in view,
        and a menu is opening over the text)."""
        if flag not in self.queue.flags:
            return None
        self.queue.selected = self.queue.flags.index(flag)
        self.paint()
        return self.show_selected(flag, centre)

    def show_selected(self, flag: Flag, centre: bool = True) -> Flag:
        """Put the caret's selection on the selected flag, mid-column (``centre``), and say
        what it is."""
        view = self.session.window.page_view
        target = view.columns[flag.section]
        bars = [target.verticalScrollBar(), target.horizontalScrollBar()]
        kept = [bar.value() for bar in bars]
        self._selecting_flag = True  # the caret moves onto the flag: it stays selected
        view.focus_column(flag.section)
        start, end = self._flag_span(target, flag)
        cursor = target.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        target.setTextCursor(cursor)
        if centre:
            target.ensureCursorVisible()
            _centre_caret(target)
        else:  # the caret's moves scrolled to it: the column stays as it was
            for bar, value in zip(bars, kept, strict=True):
                bar.setValue(value)
        self._selecting_flag = False
        suggestion = flag.suggestion
        if suggestion is not None:
            message = self.tr("%1 (%2 → %3): Enter accepts, Esc dismisses").replace("%3", suggestion)
        elif flag.kind == "unknown":  # a name or a place, often: the library's dictionary takes it
            message = self.tr("%1 (%2): type the fix, Esc dismisses, Ctrl+Shift+D adds it to the dictionary")
        else:
            message = self.tr("%1 (%2): type the fix, or Esc dismisses")
        self._flag_message = message.replace("%1", self._kind_name(flag.kind)).replace("%2", flag.text)
        self.session._say(self._flag_message, 0)
        return flag

    @staticmethod
    def _came_round(
        delta: int, flag: Flag | None, before: Flag | None, where: tuple[int, int, int] | None
    ) -> bool:
        """The step went past the page's last flag (first, going back), or the page has none."""
        if flag is None:
            return True
        place = (flag.section, flag.block, flag.start)
        if before is not None:
            was = (before.section, before.block, before.start)
            return place <= was if delta > 0 else place >= was
        if where is not None:
            return place < where if delta > 0 else place >= where
        return False

    def _next_page(self, delta: int) -> bool:
        """Open the issue's next (previous) page with flags left; False when there is none (the
        pages not counted yet may have some: they are candidates)."""
        page_id = self.session._page_id()
        counts = self.issue_flags
        pages = counts.page_ids
        if page_id is None or page_id not in pages:
            return False
        at = pages.index(page_id)
        ahead = pages[at + 1 :] if delta > 0 else pages[:at][::-1]
        target = next((p for p in ahead if counts.counts.get(p, 1) > 0), None)
        window = self.session.window
        if target is None or not window.open_library_page(target):
            return False
        self._pending = (target, delta)
        self._pending_caret = self._caret()
        name = window.library.page_info(target).name
        message = (
            self.tr("On to %1, the next page with flags left")
            if delta > 0
            else self.tr("Back to %1, the previous page with flags left")
        )
        self.session._say(message.replace("%1", name), 0)
        return True

    def _caret(self) -> tuple[int, int, int] | None:
        """The active column and its caret (position, anchor)."""
        column = self.session.window.page_view.active_column()
        if column is None:
            return None
        cursor = column.textCursor()
        return column.number, cursor.position(), cursor.anchor()

    def _kind_name(self, kind: str) -> str:
        names = {
            "punctuation": self.tr("Half-width punctuation"),
            "space": self.tr("A space inside words"),
            "lookalike": self.tr("A look-alike character"),
            "unknown": self.tr("An unknown word"),
        }
        return names.get(kind, kind)

    def caret_moved(self, column: SectionColumn) -> None:
        """Moving the caret off the selected flag lets go of it."""
        flag = self.queue.current()
        if flag is None or self._selecting_flag:
            return
        cursor = column.textCursor()
        if column.number != flag.section or (
            cursor.selectionStart(),
            cursor.selectionEnd(),
        ) != self._flag_span(column, flag):
            self.queue.selected = -1
            self.paint()
            self._let_go_message()

    def accept(self) -> bool:
        """Put the selected flag's suggestion in its place (one correction)."""
        flag = self.queue.current()
        if flag is None:
            return False
        if flag.suggestion is None:
            self.session._say(self.tr("This flag has no suggestion: type the fix, or Esc dismisses it."))
            return False
        column = self.session.window.page_view.columns[flag.section]
        offset = SectionPositions(column).to_section(column.blocks[flag.block].position)
        self.queue.drop(flag)
        done = self.session.edit(flag.section, offset + flag.start, offset + flag.end, flag.suggestion)
        if done:  # the flag's own message (Enter accepts …) would stay otherwise
            self.session._say(
                self.tr("Flag accepted: %1 → %2").replace("%1", flag.text).replace("%2", flag.suggestion)
            )
        return done

    def dismiss(self) -> bool:
        """Dismiss the selected flag; the library remembers it (it is not shown again)."""
        from models.errors import DubaoError

        flag = self.queue.current()
        page_id = self.session._page_id()
        if flag is None or page_id is None:
            return False
        try:
            self.session.window.library.dismiss_flag(
                page_id, flag.raw_start, flag.raw_end, flag.kind, flag.text
            )
        except DubaoError as exc:
            self.session.window.show_error(self.tr("The flag was not dismissed"), str(exc))
            return False
        self.queue.drop(flag)
        self.issue_flags.set_count(page_id, len(self.queue.flags))
        column = self.session.window.page_view.columns[flag.section]
        cursor = column.textCursor()
        cursor.setPosition(cursor.selectionEnd())
        column.setTextCursor(cursor)
        self.paint()
        self.update_count()
        self.session._say(self.tr("Flag dismissed."))
        return True


def _centre_caret(column: SectionColumn) -> None:
    """Scroll the column so the selected flag is in the middle of its view, with its sentence
    around it, when the minimal scroll left it in the top or bottom quarter (on the last line
    shown, often)."""
    rect = column.cursorRect()
    height = column.viewport().height()
    if height <= 0 or height // 4 <= rect.center().y() <= height * 3 // 4:
        return
    bar = column.verticalScrollBar()
    bar.setValue(bar.value() + rect.center().y() - height // 2)
