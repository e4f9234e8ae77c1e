"""Proofreading in the main window: the mode (F2), edits through the core, marks, flags, structure.

One ProofreadingSession per window. In the mode every column of a library page takes edits
(``ColumnEditor``); each edit goes to the core (``Library.correct``, ``split_paragraph``,
``join_paragraph_with_next`` …) as one committed, undoable step, and only then does the page
show it: the window lays the page out again from the library's current text (the document is
never the source of truth). The library tells its listeners about every step and every undo
or redo (of a correction or a highlight: one history), so the page is shown again whatever
made the change. Corrected characters get a dotted underline with a tooltip (or, over a word
whose popup is open, a line in the popup); the checker's flags a wavy one, walked with F8 /
Shift+F8, accepted with Enter, dismissed with Esc (``ui.proofreading.flag_review``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu

from ui.annotations.highlight_positions import SectionPositions
from ui.common.refusal_words import refusal_said
from ui.common.tooltips import menu_text
from ui.library.kept_places import ReaderPlace
from ui.library.library_identity import library_key
from ui.proofreading.column_editing import ColumnEditor
from ui.proofreading.correction_marks import CorrectionMarks, corrected_runs
from ui.proofreading.flag_queue import Checker, Flag
from ui.proofreading.flag_review import FlagReview
from ui.proofreading.raw_caret import RawCaret, first_body_text, put_caret, starting_place
from ui.proofreading.structure_actions import StructureActions, StructureStep
from ui.reader.section_view import SectionColumn, section_blocks

if TYPE_CHECKING:
    from ui.reader.host import ReaderHost

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
#: the steps the checker learns from (``Library.learnt_knowledge``: corrections, dismissed
#: flags, dictionary words), and their undo and redo
LEARNT_FROM = frozenset({"correction", "flag_dismissal", "library_word"})


class ProofreadingSession(QObject):
    """Proofreading mode, its keys and menus, for one main window."""

    def __init__(
        self, window: ReaderHost, edit_menu: QMenu, help_menu: QMenu, before: QAction | None = None
    ) -> None:
        """The mode's items go in the Edit menu before ``before`` (else at its top)."""
        super().__init__(window)  # type: ignore[arg-type]
        self.window = window
        self.active = False
        self.editors: list[ColumnEditor] = []
        self.marks: list[CorrectionMarks] = []
        #: the checker's flags on the page: queue, background check, count, F8 / Enter / Esc
        self.flags = FlagReview(self)
        self.queue = self.flags.queue
        self.issue_flags = self.flags.issue_flags
        self.flag_count = self.flags.count
        self.generation = 0
        self._blocks: list[list[tuple[str, list[int]]]] = []
        #: the page whose flags the queue holds
        self._flags_page: int | None = None
        self._library: Any = None
        #: a core step of this session is running; it set the page (marked done) in progress
        self._stepping = False
        self._reopened = False
        #: the page is being shown again after a step (not another page)
        self._reloading = False
        #: where the caret goes once the page is shown again: (section, code-point offset), or
        #: beside a raw character wherever it is shown then
        self._caret: tuple[int, int] | RawCaret | None = None
        self._composition = ""  # what the input method is composing (not yet a step)
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.reload)

        self.proofread_action = QAction(self.tr("Pr&oofread"), window)  # type: ignore[arg-type]
        self.proofread_action.setCheckable(True)
        self.proofread_action.setShortcut(QKeySequence("F2"))
        self.proofread_action.toggled.connect(self.set_active)
        self.next_flag_action = QAction(self.tr("Next F&lag"), window)  # type: ignore[arg-type]
        self.next_flag_action.setShortcut(QKeySequence("F8"))
        self.next_flag_action.triggered.connect(lambda: self.step_flag(1))
        self.previous_flag_action = QAction(self.tr("Previous Fla&g"), window)  # type: ignore[arg-type]
        self.previous_flag_action.setShortcut(QKeySequence("Shift+F8"))
        self.previous_flag_action.triggered.connect(lambda: self.step_flag(-1))
        self.keys_action = QAction(self.tr("Proofreading &Keys…"), window)  # type: ignore[arg-type]
        self.keys_action.triggered.connect(self.show_keys)
        for action in (self.proofread_action, self.next_flag_action, self.previous_flag_action):
            window.addAction(action)
        self.structure = StructureActions(window, self.run_structure)  # type: ignore[arg-type]

        first = before if before in edit_menu.actions() else (edit_menu.actions() or [None])[0]
        edit_menu.insertAction(first, self.proofread_action)
        self.structure_menu = QMenu(self.tr("&Structure"), edit_menu)
        self.structure.fill(self.structure_menu)
        edit_menu.insertMenu(first, self.structure_menu)
        edit_menu.insertAction(first, self.next_flag_action)
        edit_menu.insertAction(first, self.previous_flag_action)
        from ui.proofreading.review_actions import ReviewActions

        self.review = ReviewActions(self, edit_menu, first)  # Correct Everywhere, Page History, Done
        from ui.proofreading.dictionary_action import DictionaryAction

        self.dictionary = DictionaryAction(self, edit_menu, first)  # Add to Dictionary
        edit_menu.insertSeparator(first)
        help_menu.insertAction(help_menu.actions()[0] if help_menu.actions() else None, self.keys_action)

        self.indicator = QLabel(self.tr("Proofreading"))
        self.indicator.setObjectName("proofreadingIndicator")
        self.indicator.setTextFormat(Qt.TextFormat.PlainText)
        self.indicator.setToolTip(self.tr("Proofreading mode: F2 or Esc leaves it"))
        window.statusBar().addPermanentWidget(self.flag_count)
        window.statusBar().addPermanentWidget(self.indicator)
        self.banner = QLabel(self.tr("Proofreading — type to correct; F8: next flag; F2 or Esc: leave"))
        self.banner.setObjectName("proofreadingBanner")
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setContentsMargins(8, 3, 8, 3)
        window.page_view.layout().insertWidget(0, self.banner)
        self._show_state()
        window.pageShown.connect(self._page_shown)
        language = getattr(window, "language", None)
        if language is not None:  # a corrected word's popup says what the OCR read
            language.word_notes.append(self._correction_note)

    # --- the mode ---------------------------------------------------------------------------------
    def set_active(self, active: bool) -> None:
        """Start or leave proofreading mode (a page from a file is added to the library first)."""
        if active == self.active:
            return
        # Where the editor was looking, taken before a page from a file is shown from the library.
        start = starting_place(self.window.page_view) if active else None
        # Where its column stands in view: the page stays there when shown again.
        at = start[0].resolve(self.window.page_view.columns) if start is not None else None
        in_view = self.window.page_view.column_in_view(at[0]) if at is not None else None
        down = self.window.page_view.columns[at[0]].verticalScrollBar().value() if at else 0
        if active and self._page_id() is None and not self._bring_into_library():
            self.proofread_action.setChecked(False)
            return
        self.active = active
        self.proofread_action.setChecked(active)
        language = getattr(self.window, "language", None)
        if language is not None:  # R types while proofreading
            language.add_word_action.setEnabled(not active)
            if active and not language.popup.pinned:  # the mouse no longer brings words up
                language.set_hovered(None, None)
        annotating = getattr(self.window, "annotation_session", None)
        if annotating is not None:  # 1–9 type too: the Annotations panel says so
            annotating.set_proofreading(active)
        self._show_state()
        self._attach()
        if active:
            self._say(self.tr("Proofreading: every change is saved in the library as a correction."))
            put_caret(self.window.page_view, start)
            if in_view is not None:
                self.window.page_view.keep_in_view_at(in_view, down)
        else:
            self.issue_flags.stop()
            self._say(self.tr("Proofreading ended."))

    def place_to_keep(self) -> str:
        """What the next session resumes: "library:PAGE:RAW:AFTER:LIBRARY" while proofreading a
        library page (the caret on the raw character at it, ``after`` past the first of that
        raw character's in its paragraph; RAW and AFTER empty without a caret), LIBRARY the
        library's own name (``library_key``: another library's page of the same id is not it),
        else ""."""
        page_id = self._page_id() if self.active else None
        key = library_key(self.window.library) if page_id is not None else ""
        if not key:
            return ""
        column = self.window.page_view.active_column()
        caret = None
        if column is not None and column.blocks:
            caret = RawCaret.on(column, SectionPositions(column).to_section(column.textCursor().position()))
        raw, after = (str(caret.raw), str(caret.after)) if caret else ("", "")
        return f"library:{page_id}:{raw}:{after}:{key}"

    def resume(self, place: str) -> bool:
        """Proofreading again where the last session left off (``place_to_keep``), if its page is
        the one shown, of the same library; False otherwise."""
        parts = place.split(":", 4)
        if len(parts) != 5 or parts[0] != "library" or self.window.page_where != f"library:{parts[1]}":
            return False
        if self.window.library is None and not self.window.open_library():
            return False
        if not parts[4] or parts[4] != library_key(self.window.library):
            return False  # kept in another library (File ▸ Open Library, another --db)
        self.set_active(True)
        if self.active and parts[2].isdigit() and parts[3].isdigit():
            caret = RawCaret(int(parts[2]), int(parts[3]))
            put_caret(self.window.page_view, (caret, caret))
        return self.active

    def _show_state(self) -> None:
        on = self.active
        self.indicator.setVisible(on)
        self.banner.setVisible(on)
        self.flag_count.setVisible(on)
        colours = self.window.colours
        self.banner.setStyleSheet(f"background: {colours.hit}; color: {colours.ink};")
        self.indicator.setStyleSheet(f"background: {colours.hit}; color: {colours.ink}; padding: 0 6px;")
        self.next_flag_action.setEnabled(on)
        self.previous_flag_action.setEnabled(on)
        self.structure.set_enabled(on)
        dictionary = getattr(self, "dictionary", None)
        if dictionary is not None:
            dictionary.action.setEnabled(on)

    def _page_id(self) -> int | None:
        where = self.window.page_where
        if self.window.library is None or not where.startswith("library:"):
            return None
        return int(where.split(":", 1)[1])

    def _bring_into_library(self) -> bool:
        language = getattr(self.window, "language", None)
        try:
            page_id = language.library_page_id(create=True) if language is not None else None
        except Exception as exc:  # noqa: BLE001 - the import failed (disk, lock, read-only): say so
            self.window.show_error(
                self.tr("The page was not added to the library"), str(exc) or type(exc).__name__
            )
            return False
        if page_id is None or not self.window.open_library_page(page_id):
            self._say(self.tr("Only pages in the library can be proofread."))
            return False
        return True

    def _say(self, message: str, timeout: int = 5000) -> None:
        self.window.statusBar().showMessage(message, timeout)

    # --- the page -----------------------------------------------------------------------------------
    def _page_shown(self, _title: str = "") -> None:
        self._listen()
        self.review.show_status()
        if self.active and self._page_id() is None:
            self.proofread_action.setChecked(False)  # a page from a file: the mode ends
        turned = self.active and not self._reloading and self._page_id() != self._flags_page
        self._attach()
        if turned:  # the next page (Ctrl+PgDown, the library panel): typing starts at its body text
            put_caret(self.window.page_view, first_body_text(self.window.page_view))

    def _listen(self) -> None:
        """Hear every step of the window's library (edits, undo, redo from anywhere)."""
        library = self.window.library
        if library is self._library:
            return
        if self._library is not None:
            self._library.unsubscribe(self._library_changed)
        self._library = library
        if library is not None and hasattr(library, "subscribe"):
            library.subscribe(self._library_changed)

    def _library_changed(self, command: Any) -> None:
        page_id = self._page_id()
        changed = command.text_page_ids()
        if page_id is not None and page_id in changed:
            self._reload_timer.start()  # the page reads differently now: show it again
        if self.active and page_id is not None and page_id not in changed and page_id in command.page_ids():
            if "flag_dismissal" in command.kinds():  # a dismissal undone or redone: flags again
                self.flags.check_timer.start()
        search = getattr(self.window, "search_panel", None)
        if changed and search is not None:  # its hits and their contexts are the text's
            search.refresh_soon()
        others = [p for p in changed if p != page_id]  # this page's own check counts it again
        if others:
            self.issue_flags.forget(others, self.window.library, self.checker if self.active else None)
        if self._stepping and page_id is not None:  # an edit of ours set a page marked done back
            self._reopened = any(
                c.kind == "page_status" and c.key == page_id and (c.before or {}).get("status") == "done"
                for c in command.changes
            )
        statuses = command.status_page_ids()
        refresh = getattr(self.window, "refresh_page_status", None)
        if refresh is not None:  # a page's first edit sets it in progress; Mark Page Done, its undo
            refresh(command.text_page_ids() | statuses)
        if page_id in statuses:
            self.review.show_status()
        if command.kinds() & LEARNT_FROM:  # a correction, a dismissal, a dictionary word: the checker learns
            self.flags.relearn()

    def _attach(self) -> None:
        """Put editors (in the mode), correction marks and flags on the shown page's columns."""
        columns = self.window.page_view.columns
        # An editor stays on a column the page still has (the page shown again after an edit).
        keep = {id(c) for c in columns} if self.active else set()
        for old in self.marks:
            old.detach()
        for old in self.editors:
            if id(old.column) not in keep:
                old.detach()
        self.editors = [e for e in self.editors if id(e.column) in keep]
        self.marks = []
        edited = {id(e.column) for e in self.editors}
        same_page = self._page_id() is not None and self._page_id() == self._flags_page
        self._flags_page = self._page_id()
        if not (same_page and self.active):
            self.flags.clear()
            self.flags.learn_again()  # what colleagues taught the library meanwhile
        self.generation += 1
        page_id = self._page_id()
        if page_id is None:
            self.flags.update_count()
            return
        self._mark_corrections(page_id, columns)
        for column in columns:
            if not column.property("proofreadingHooked"):  # once per column, however often attached
                column.setProperty("proofreadingHooked", True)
                column.contextMenuAboutToShow.connect(
                    lambda menu, point, c=column: self._context_menu(c, menu, point)
                )
                column.cursorPositionChanged.connect(lambda c=column: self.flags.caret_moved(c))
                # Right on the selected flag keeps the caret where it is and drops the selection
                column.selectionChanged.connect(lambda c=column: self.flags.caret_moved(c))
            if self.active and id(column) not in edited:
                editor = ColumnEditor(column, self._intercept)
                editor.editRequested.connect(self.edit)
                editor.splitRequested.connect(self.split)
                editor.composing.connect(self._composing)
                self.editors.append(editor)
        # The blocks' texts from the sections: a column out of view gets its text once shown, not here.
        self._blocks = [
            [(ref.text.text, list(ref.text.source)) for ref in section_blocks(c.section)] for c in columns
        ]
        if self.active:
            self.queue.follow(self._blocks)  # until the checker has read the new text
            self.flags.paint()
            self.flags.check_timer.start()  # once typing pauses
        self.flags.update_count()

    def _mark_corrections(self, page_id: int, columns: list[SectionColumn]) -> None:
        content = getattr(self.window, "page_content", None)  # the window has just read it
        if content is None or content.info.id != page_id:
            content = self.window.library.page(page_id)
        corrections = {c.id: c for c in content.corrections}
        if not any(c.in_force for c in corrections.values()):
            return
        layout = self.window.library.layout(page_id)  # built once per reading of the page
        language = getattr(self.window, "language", None)
        for section, column in enumerate(columns):
            runs = corrected_runs(layout, section, corrections)
            if runs:
                marks = CorrectionMarks(column, layout.raw, runs)
                if language is not None:  # no tooltip over a word whose popup says it already
                    marks.told_elsewhere = lambda position, c=column: language.popup_shows(c, position)
                self.marks.append(marks)

    def _correction_note(self, section: int, block: int, start: int, end: int) -> str | None:
        """What the OCR read under a word of the page (for its popup); None: nothing corrected."""
        columns = self.window.page_view.columns
        column = columns[section] if section < len(columns) else None
        marks = next((m for m in self.marks if m.column is column), None)
        return marks.note_for(block, start, end) if marks is not None else None

    def reload(self) -> None:
        """Show the page again from the library's current text, keeping the view where it was."""
        self._reload_timer.stop()
        page_id = self._page_id()
        view = self.window.page_view
        if page_id is None:
            return
        strip = view.scroll.horizontalScrollBar().value()
        scrolls = [c.verticalScrollBar().value() for c in view.columns]
        column = view.active_column()
        focused = column is not None and column.hasFocus()
        caret = self._caret
        # Not after a step of ours (which names its caret): a colleague's change, shown with the
        # caret, selection and words in view kept on the same words (ui/library/kept_places.py).
        place = ReaderPlace.take(self.window) if caret is None else None
        anchor = None  # the other end of the reader's selection, kept with the caret
        if caret is None and column is not None:
            cursor = column.textCursor()
            caret = (column.number, SectionPositions(column).to_section(cursor.position()))
            if cursor.hasSelection():
                anchor = SectionPositions(column).to_section(cursor.anchor())
        self._caret = None
        self._reloading = True
        try:
            if not self.window.open_library_page(page_id, in_place=True):
                return
        finally:
            self._reloading = False
        if place is not None and place.put(self.window):
            return
        if isinstance(caret, RawCaret):  # the character it follows, wherever the page now shows it
            caret = caret.resolve(view.columns)
        for number, value in enumerate(scrolls[: len(view.columns)]):
            view.columns[number].verticalScrollBar().setValue(value)
        if caret is not None and view.columns:
            number = max(0, min(caret[0], len(view.columns) - 1))
            target = view.columns[number]
            view.focus_column(number, take_focus=focused)
            cursor = target.textCursor()
            # After an undo the section may be shorter than where the caret stood: keep it inside.
            last = max(0, target.document().characterCount() - 1)
            if anchor is not None:
                cursor.setPosition(min(SectionPositions(target).to_document(anchor), last))
                cursor.setPosition(
                    min(SectionPositions(target).to_document(caret[1]), last), cursor.MoveMode.KeepAnchor
                )
            else:
                cursor.setPosition(min(SectionPositions(target).to_document(caret[1]), last))
            target.setTextCursor(cursor)
            target.ensureCursorVisible()
        view.scroll.horizontalScrollBar().setValue(strip)

    # --- edits ------------------------------------------------------------------------------------------
    def _run(self, call, caret: tuple[int, int] | RawCaret | None, done: str = "") -> bool:
        """Run one core step; the page is shown again (caret at ``caret``). False if refused.
        ``done``: the step's name in the core ("split paragraph"), said in the status bar once
        made (a structure edit may change a style or move a section out of view)."""
        from models.errors import DubaoError, EditConflict
        from ui.common.library_writes import show_conflict

        page_id = self._page_id()
        if page_id is None:
            self._say(self.tr("Only pages in the library can be proofread."))
            return False
        self._stepping, self._reopened = True, False
        try:
            result = call(page_id)
        except EditConflict as exc:  # a colleague changed the span since: a dialog, then their text
            show_conflict(self.window, exc)
            self.reload()
            return False
        except DubaoError as exc:  # refused (nothing to split there, the last section …): say why
            self._say(refusal_said(exc))
            return False
        except Exception as exc:  # noqa: BLE001 - the write failed (disk, lock): nothing was saved
            self.window.show_error(self.tr("The change was not saved"), str(exc) or type(exc).__name__)
            self.reload()  # show what the library holds
            return False
        finally:
            self._stepping = False
        if not getattr(result, "changed", True):
            return True
        self._caret = caret
        self.reload()
        if done and not self._reopened and not getattr(result, "unanchored", None):
            from ui.common.step_labels import StepLabels

            self._say(self.tr("Done: %1 (Ctrl+Z takes it back).").replace("%1", StepLabels().name(done)))
        if self._reopened:
            self._say(
                self.tr(
                    "The page was marked done; this change set it back to in progress (Ctrl+Z undoes both)."
                )
            )
        if getattr(result, "unanchored", None):
            self._say(
                self.tr(
                    "%n highlights could not follow their words; see the Annotations panel",
                    "",
                    len(result.unanchored),
                )
            )
        return True

    def edit(self, section: int, start: int, end: int, text: str) -> bool:
        """Make the section's text ``[start:end]`` read ``text`` (code points), as one step."""
        library = self.window.library
        column = self.window.page_view.columns[section]
        section_text = "\n".join(ref.text.text for ref in column.blocks)
        if not text and section_text[start:end] == "\n":
            # Backspace at a paragraph's start, Delete at its end: the two paragraphs join.
            return self._run(
                lambda page: library.join_paragraph_with_next(page, section, start, seen=self._seen(page)),
                (section, start),
                "join paragraphs",
            )
        return self._run(
            lambda page: library.correct(page, section, start, end, text, seen=self._seen(page)),
            (section, start + len(text)),
        )

    def _seen(self, page_id: int) -> int | None:
        """The version of the page the editor is looking at (their edit is made in that text and
        checked against what colleagues wrote since); None: the library's own memory of it."""
        shown = getattr(self.window, "page_content", None)
        return shown.info.version if shown is not None and shown.info.id == page_id else None

    def split(self, section: int, start: int, end: int) -> bool:
        """Enter: a paragraph break at ``start``; a selection ``start``–``end`` goes in the same step."""
        if end == start:
            return self.run_structure(StructureStep("split_paragraph"), (section, start))
        library = self.window.library
        return self._run(
            lambda p: library.split_paragraph(p, section, start, end=end, seen=self._seen(p)),
            (section, start + 1),
            "split paragraph",
        )

    def run_structure(self, step: StructureStep, where: tuple[int, int] | None = None) -> bool:
        """Do one structure step at ``where`` (section, offset), else at the active column's caret."""
        if not self.active:
            self._say(self.tr("Structure edits are made in proofreading mode (F2)."))
            return False
        library = self.window.library
        if where is None:
            column = self.window.page_view.active_column()
            if column is None:
                return False
            where = (column.number, SectionPositions(column).to_section(column.textCursor().selectionStart()))
        section, at = where
        op, value = step.operation, step.value
        seen = self._seen
        if op == "split_paragraph":
            return self._run(
                lambda p: library.split_paragraph(p, section, at, seen=seen(p)),
                (section, at + 1),
                "split paragraph",
            )
        if op == "join_paragraph":
            return self._run(
                lambda p: library.join_paragraph_with_next(p, section, at, seen=seen(p)),
                (section, at),
                "join paragraphs",
            )
        if op == "role":  # the paragraph may move (a byline goes up): the caret goes with it
            column = self.window.page_view.columns[section]
            caret = RawCaret.at(column, at) or (section, at)
            block = column.block_at(SectionPositions(column).to_document(at))
            joins = value != "body" and any(
                ref.part == value for number, ref in enumerate(column.blocks) if number != block
            )
            done = self._run(
                lambda p: library.set_role(p, section, at, str(value), seen=seen(p)), caret, f"make {value}"
            )
            if done and joins:  # an article has one of each: the two read as one now
                self._say(
                    self.tr(
                        "The article had a %1 already: the paragraph joins it (Ctrl+Z takes it back)."
                    ).replace("%1", self._role_name(str(value)))
                )
            return done
        if op == "split_section":
            return self._run(
                lambda p: library.split_section(p, section, at, seen=seen(p)),
                (section + 1, 0),
                "split article",
            )
        if op == "join_section":
            joined: list[Any] = []

            def join(p: int) -> Any:
                joined.append(library.join_section_with_next(p, section, seen=seen(p)))
                return joined[-1]

            # The next article's kicker or byline may go to the head of this one: the caret
            # stays beside its own words (a raw character), not at its old offset.
            kept = RawCaret.at(self.window.page_view.columns[section], at) or (section, at)
            done = self._run(join, kept)
            if done and joined and joined[-1].changed:
                self._say(self._joined_text(joined[-1].became_body), 10000)
            return done
        if op == "kind":
            return self._run(
                lambda p: library.set_section_kind(p, section, str(value), seen=seen(p)),
                (section, at),
                f"make {value}",
            )
        if op == "move":
            to = self._move_target(section, int(value))
            if to is None:
                self._say(self.tr("The section is already first or last in reading order."))
                return False
            return self._run(
                lambda p: library.move_section(p, section, to, seen=seen(p)), (to, at), "move section"
            )
        return False

    def _joined_text(self, became_body: list[Any]) -> str:
        """What the status bar says after Join Article with Next: the next article's title
        lines that are paragraphs now, each quoted on one line (at most 20 characters)."""
        if not became_body:
            return self.tr("The next article joins this one (Ctrl+Z takes it back).")
        quoted = "".join(f"「{_one_line(line.text)}」" for line in became_body)
        # One placeholder, replaced once: page text is never read as a placeholder.
        return self.tr(
            "The next article joins this one; its title lines are paragraphs now: %1 (Ctrl+Z takes it back)."
        ).replace("%1", quoted)

    def _role_name(self, role: str) -> str:
        names = {
            "kicker": self.tr("kicker"),
            "heading": self.tr("heading"),
            "subheading": self.tr("subheading"),
            "byline": self.tr("byline"),
        }
        return names.get(role, role)

    def _move_target(self, section: int, step: int) -> int | None:
        """Where a section goes one step earlier (-1) or later (+1) in reading order as the page
        shows it: mastheads stay in the band on top, so an article moves past the column beside
        it, never past a masthead (that move would change nothing the editor sees). None: the
        section is already first or last."""
        columns = self.window.page_view.columns
        masthead = columns[section].is_masthead
        index = section + step
        while 0 <= index < len(columns):
            if columns[index].is_masthead == masthead:
                return index
            index += step
        return None

    def _context_menu(self, column: SectionColumn, menu: QMenu, point: Any = None) -> None:
        """In the mode, what an editor looks for under the right button: the flag's suggestion
        and its dismissal (only when the right-click is on a flag: it is selected, as F8 would,
        without scrolling the column under the opening menu), Cut and Paste, Correct
        Everywhere, Add to Dictionary, Page History and the structure edits."""
        if not self.active:
            return
        if point is None:  # from the keyboard: the menu is at the caret, on the selected flag
            flag = self.queue.current()
        else:  # the flag under the mouse, if any (a flag selected elsewhere is not what was clicked)
            flag = self.flags.at(column, point)
            if flag is not None and flag != self.queue.current():
                self.flags.select(flag, centre=False)  # it is in view; the text stays under the menu
        first = menu.actions()[0] if menu.actions() else None
        if flag is not None and flag.section == column.number:
            if flag.suggestion is not None:
                accept = QAction(
                    self.tr("Replace %1 with %2")
                    .replace("%1", menu_text(flag.text))
                    .replace("%2", menu_text(flag.suggestion or "∅"))
                    + "\tEnter",
                    menu,
                )
                font = accept.font()
                font.setBold(True)  # what the flag proposes: the first thing to read
                accept.setFont(font)
                accept.triggered.connect(self.accept_flag)
                menu.insertAction(first, accept)
            dismiss = QAction(self.tr("Dismiss Flag") + "\tEsc", menu)  # the keys shown, not bound
            dismiss.triggered.connect(self.dismiss_flag)
            menu.insertAction(first, dismiss)
            menu.insertSeparator(first)
        clipboard = getattr(self.window, "clipboard_actions", None)
        if clipboard is not None:  # the standard menu of a read-only column has Copy alone
            clipboard.update()
            menu.insertAction(first, clipboard.cut_action)
            if first is not None:
                menu.insertAction(menu.actions()[menu.actions().index(first) + 1], clipboard.paste_action)
            else:
                menu.addAction(clipboard.paste_action)
        menu.addSeparator()
        menu.addAction(self.review.correct_everywhere_action)
        menu.addAction(self.dictionary.action)
        menu.addAction(self.review.history_action)
        sub = menu.addMenu(self.tr("&Structure"))
        self.structure.fill(sub)

    def typing(self) -> bool:
        """Whether the editor is typing now (composing, or a keystroke less than a pause ago):
        others' changes wait until the step is committed and typing pauses."""
        return self.active and (bool(self._composition) or self.flags.check_timer.isActive())

    def _composing(self, text: str) -> None:
        self._composition = text
        if text:
            self._say(self.tr("Composing: %1").replace("%1", text), 0)
        else:
            self.window.statusBar().clearMessage()

    # --- keys -------------------------------------------------------------------------------------------
    def _intercept(self, column: SectionColumn, event: QKeyEvent) -> bool:
        """Keys the session answers before the editor: Enter/Esc on a flag, Esc to leave."""
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods != Qt.KeyboardModifier.NoModifier:
            return False
        flag = self.queue.current()
        if event.key() in _ENTER and flag is not None:
            self.accept_flag()
            return True
        if event.key() == Qt.Key.Key_Escape:
            if flag is not None:
                self.dismiss_flag()
            else:
                self.proofread_action.setChecked(False)
            return True
        return False

    def show_keys(self) -> None:
        from ui.proofreading.proofreading_keys import ProofreadingKeys

        dialog = ProofreadingKeys(self.window)  # type: ignore[arg-type]
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.keys_dialog = dialog

    # --- flags (ui/proofreading/flag_review.py) -----------------------------------------------------------
    @property
    def checker(self) -> Checker | None:
        return self.flags.checker

    @checker.setter
    def checker(self, checker: Checker | None) -> None:
        self.flags.checker = checker

    def step_flag(self, delta: int) -> Flag | None:
        """Select the next (+1) or previous (-1) flag from the caret; it is shown selected."""
        return self.flags.step(delta)

    def accept_flag(self) -> bool:
        """Put the selected flag's suggestion in its place (one correction)."""
        return self.flags.accept()

    def dismiss_flag(self) -> bool:
        """Dismiss the selected flag; the library remembers it (it is not shown again)."""
        return self.flags.dismiss()


def _one_line(text: str, most: int = 20) -> str:
    """Page text quoted in a one-line message: control characters and line breaks shown as
    spaces, runs of space as one, cut at ``most`` characters with an ellipsis."""
    flat = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    return flat if len(flat) <= most else flat[: most - 1] + "…"
