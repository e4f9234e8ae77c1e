"""Correcting structure: paragraphs, roles, articles, kinds and reading order.

Methods of :class:`models.library.service.Library` (mixin :class:`StructureOps`). The editor
points with the cursor (a section index and a code-point position in its current text); each
method turns that into a structure edit keyed by raw offsets (:mod:`.structure`), stored,
applied on top of the parser's sections, undoable and revertible like a correction.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from models.errors import EditConflict
from models.library.schema import Correction, Page, StructureEdit
from models.proofreading.desk import ProofDesk
from models.proofreading.layout import BlockLayout, PageLayout, layout_of
from models.proofreading.records import EditResult, TitleLine
from models.proofreading.spans import Plan, plan_correction, plan_split_inside
from models.proofreading.structure import (
    ROLES,
    StructureSpec,
    apply_structure,
    check_spec,
    clashes,
    roles_kept_in_join,
    section_key,
    spans_clear_of,
)
from models.refusals import Refused


class StructureOps(ProofDesk):
    """Structure edits an editor makes from the keyboard."""

    def split_paragraph(
        self,
        page_id: int,
        section: int,
        position: int,
        author: str | None = None,
        end: int | None = None,
        seen: int | None = None,
    ) -> EditResult:
        """Split the paragraph at the cursor: the character at ``position`` starts a new one.

        With ``end`` (Enter over a selection), ``position``–``end`` is deleted first, in the same
        step, and the character after the selection starts the new paragraph (when the
        selection began at a paragraph's start or ran to its end there is nothing to split:
        only the deletion is made)."""
        if end is not None and end > position:
            return self._replace_with_break(page_id, section, position, end, author, seen)
        layout, seen = self._as_seen(page_id, seen)
        block = _block(layout, section, position)
        local = position - block.start
        if local <= 0 or local >= len(block.text.text):
            raise Refused("paragraph_edge")
        if block.role != "body":
            raise Refused("one_line_role", block.role)
        inside = plan_split_inside(layout, block, local)
        if inside is not None:  # between characters of one correction: it is cut in two there
            return self._split_with_plan(page_id, layout, *inside, author, seen)
        return self._structure(
            page_id,
            StructureSpec("break", block.text.source[local], 0, "yes"),
            "split paragraph",
            author,
            seen,
        )

    def _split_with_plan(
        self,
        page_id: int,
        layout: PageLayout,
        plan: Plan,
        split_at: int,
        author: str | None,
        seen: int | None,
    ) -> EditResult:
        """Corrections and a paragraph break at raw ``split_at`` as one step (see
        :func:`~models.proofreading.spans.plan_split_inside`); refused like a correction when a
        colleague changed the place since version ``seen``."""
        with self._step("split paragraph", author) as rec:
            self._enter_page(rec, page_id)
            if self._plan_written(rec, page_id, layout, plan, split_at, seen):
                self._add_structure(rec, page_id, StructureSpec("break", split_at, 0, "yes"))
        return self._result(rec)

    def _plan_written(
        self, rec: Any, page_id: int, layout: PageLayout, plan: Plan, split_at: int | None, seen: int | None
    ) -> bool:
        """Write ``plan`` in the step, unless a colleague changed its place or the break's (raw
        ``split_at``; None: no break) since version ``seen``: then the corrections and the break
        are kept as reverted, the conflict told, and False returned. The caller adds the break."""
        spans = [(e.raw_start, e.raw_end) for e in plan.edits] + self._superseded_spans(plan)
        if split_at is not None:
            spans.append((split_at, split_at))
        clash = self._changed_since(page_id, seen, spans, rec.versions[page_id]) if seen is not None else []
        if clash:
            if split_at is not None:
                self._add_structure(rec, page_id, StructureSpec("break", split_at, 0, "yes"), "reverted")
            self._keep_conflicting(rec, page_id, plan.edits, clash[0], layout.raw)
            return False
        self._write_plan(rec, page_id, layout, plan)
        return True

    def _replace_with_break(
        self, page_id: int, section: int, start: int, end: int, author: str | None, seen: int | None
    ) -> EditResult:
        layout, seen = self._as_seen(page_id, seen)
        first = _block(layout, section, start)
        block = _block(layout, section, end)
        local = end - block.start
        split_at = None
        if start > first.start and local < len(block.text.text):
            if block.role != "body":
                raise Refused("one_line_role", block.role)
            split_at = block.text.source[local]
        with self._step("split paragraph", author) as rec:
            snapshot = self._enter_page(rec, page_id)
            current = seen is None or seen >= rec.versions[page_id] - 1
            if current:
                layout = snapshot.layout  # the page as it reads now is the one the offsets are in
            plan = plan_correction(layout, section, start, end, "")
            if self._plan_written(rec, page_id, layout, plan, split_at, seen):
                if split_at is not None and current and not plan.joins:
                    # The break goes where the caret is once the selection is gone: the deletion
                    # may have merged the characters on either side into one correction, or the
                    # selection ended among one correction's characters.
                    self._break_at(rec, page_id, section, start)
                elif split_at is not None:
                    self._add_structure(rec, page_id, StructureSpec("break", split_at, 0, "yes"))
        return self._result(rec)

    def _break_at(self, rec: Any, page_id: int, section: int, position: int) -> None:
        """A paragraph break at ``position`` of the page's text as this step has written it so
        far (read again), cutting a correction there if the caret stands inside its text."""
        now = layout_of(self._read_page(page_id))  # type: ignore[attr-defined]
        block = _block(now, section, position)
        local = position - block.start
        if not 0 < local < len(block.text.text):
            return  # the deletion left the caret at the paragraph's edge: nothing to split
        inside = plan_split_inside(now, block, local)
        if inside is None:
            self._add_structure(rec, page_id, StructureSpec("break", block.text.source[local], 0, "yes"))
            return
        plan, split_at = inside
        self._write_plan(rec, page_id, now, plan)
        self._add_structure(rec, page_id, StructureSpec("break", split_at, 0, "yes"))

    def join_paragraph_with_next(
        self, page_id: int, section: int, position: int, author: str | None = None, seen: int | None = None
    ) -> EditResult:
        """Join the block holding ``position`` with the block after it in the same section."""
        layout, seen = self._as_seen(page_id, seen)
        block = _block(layout, section, position)
        following = _next_block(layout, block)
        return self._structure(
            page_id,
            StructureSpec("break", following.parsed.source[0], 0, "no"),
            "join paragraphs",
            author,
            seen,
        )

    def set_role(
        self,
        page_id: int,
        section: int,
        position: int,
        role: str,
        author: str | None = None,
        seen: int | None = None,
    ) -> EditResult:
        """Make the block holding ``position`` the kicker, heading, subheading or byline of its
        section, or body text again (``role`` in :data:`ROLES`)."""
        if role not in ROLES:
            raise Refused("not_a_role", ", ".join(ROLES), role)
        layout, seen = self._as_seen(page_id, seen)
        block = _block(layout, section, position)
        low, high = min(block.parsed.source), max(block.parsed.source) + 1
        return self._structure(page_id, StructureSpec("role", low, high, role), f"make {role}", author, seen)

    def split_section(
        self, page_id: int, section: int, position: int, author: str | None = None, seen: int | None = None
    ) -> EditResult:
        """Start a new section (article) with the block holding ``position``."""
        layout, seen = self._as_seen(page_id, seen)
        block = _block(layout, section, position)
        if block.index == 0:
            raise Refused("starts_section")
        return self._structure(
            page_id, StructureSpec("section", block.parsed.source[0], 0, "yes"), "split article", author, seen
        )

    def join_section_with_next(
        self, page_id: int, section: int, author: str | None = None, seen: int | None = None
    ) -> EditResult:
        """Join the next section (in reading order) onto the end of this one, as one step.

        An editor joins two articles because the parser cut one in two: the joined article
        keeps its own heading, and the next one's title lines become its paragraphs where they
        were printed (see :func:`~models.proofreading.structure.roles_kept_in_join`), each by a
        ``role`` edit over its raw span stored in the same step, before the join; ``became_body``
        of the result names them. Only sections of one kind join (Refused otherwise): a
        caption printed after an article is not its text, nor the first article the masthead's."""
        layout, seen = self._as_seen(page_id, seen)
        _check_section(layout, section)
        if section + 1 >= len(layout.parsed):
            raise Refused("last_section")
        this, following = layout.parsed[section].kind, layout.parsed[section + 1].kind
        if this != following:
            # A caption printed after an article, the masthead above the first article: not the
            # article's text. A section the parser gave the wrong kind is given its kind first.
            raise Refused(
                "kinds_differ", _KIND_NAMES.get(this, this), _KIND_NAMES.get(following, following), this, following
            )
        key = _key(layout, section + 1)
        kept = roles_kept_in_join(
            [b.role for b in layout.blocks[section]], [b.role for b in layout.blocks[section + 1]]
        )
        heads = [b for b in layout.blocks[section + 1] if b.role != "body" and b.role not in kept]
        going = {id(b) for b in heads}
        others = [
            o for blocks in layout.blocks for b in blocks if id(b) not in going for o in b.parsed.source
        ]
        specs = [
            StructureSpec("role", start, end, "body")
            for b in heads
            for start, end in spans_clear_of(b.parsed.source, others)
        ]
        result = self._structure(
            page_id, [*specs, StructureSpec("section", key, 0, "no")], "join articles", author, seen
        )
        return replace(result, became_body=[TitleLine(b.role, b.text.text) for b in heads])

    def set_section_kind(
        self, page_id: int, section: int, kind: str, author: str | None = None, seen: int | None = None
    ) -> EditResult:
        """Say what a section is: ``article``, ``caption``, ``masthead`` or ``other``."""
        layout, seen = self._as_seen(page_id, seen)
        _check_section(layout, section)
        spec = StructureSpec("section_kind", _key(layout, section), 0, kind)
        check_spec(spec)
        return self._structure(page_id, spec, f"make {kind}", author, seen)

    def move_section(
        self, page_id: int, section: int, to: int, author: str | None = None, seen: int | None = None
    ) -> EditResult:
        """Move a section in the reading order so that it becomes section ``to``."""
        layout, seen = self._as_seen(page_id, seen)
        _check_section(layout, section)
        count = len(layout.parsed)
        if not 0 <= to < count:
            raise Refused("sections_range", count - 1, to)
        if to == section:
            return EditResult(None, "move section", changed=False, page_ids=[page_id])
        order = [i for i in range(count) if i != section]
        order.insert(to, section)
        after = order[to + 1] if to + 1 < count else None
        target = _key(layout, after) if after is not None else -1
        return self._structure(
            page_id,
            StructureSpec("move", _key(layout, section), target, "before"),
            "move section",
            author,
            seen,
        )

    def revert_structure_edit(self, edit_id: int, author: str | None = None) -> EditResult:
        """Set one structure edit aside (it stays in the history); the page re-derives without it."""
        row = StructureEdit.get_or_none(StructureEdit.id == edit_id)
        if row is None:
            raise Refused("no_structure_edit", edit_id)
        with self._step("revert structure edit", author) as rec:
            self._enter_page(rec, row.page_id)
            self._set_aside(rec, "structure_edit", [edit_id])
            rec.restructured.add(row.page_id)
        return self._result(rec, reverted_structure=[edit_id])

    def reinstate_structure_edit(self, edit_id: int, author: str | None = None) -> EditResult:
        """Put a reverted structure edit back in force (one step); the edits in force that say
        something else about the same place (see :func:`clashes`) are set aside in the same step.

        Refused (DubaoError, nothing written) when the page as it reads without those edits no
        longer has the place the edit names (e.g. a join of two paragraphs a later edit put in
        different articles)."""
        row = StructureEdit.get_or_none(StructureEdit.id == edit_id)
        if row is None:
            raise Refused("no_structure_edit", edit_id)
        page_id = row.page_id
        if row.state == "in_force":
            return EditResult(row.batch_id, "reinstate structure edit", changed=False, page_ids=[page_id])
        mine = StructureSpec(row.kind, row.raw_start, row.raw_end, row.value)
        in_force = [
            e
            for e in StructureEdit.select()
            .where((StructureEdit.page == page_id) & (StructureEdit.state == "in_force"))
            .order_by(StructureEdit.created, StructureEdit.id)
        ]
        clashing = [
            e.id for e in in_force if clashes(mine, StructureSpec(e.kind, e.raw_start, e.raw_end, e.value))
        ]
        kept = sorted([e for e in in_force if e.id not in clashing] + [row], key=lambda e: (e.created, e.id))
        raw = Page.select(Page.raw_text).where(Page.id == page_id).scalar()
        specs = [StructureSpec(e.kind, e.raw_start, e.raw_end, e.value) for e in kept]
        _, skipped = apply_structure(self._parsed(page_id, raw).sections, specs)
        # A "no" (a join) whose place is gone because the "yes" (the split) it clashes with is
        # set aside now says what the page then reads: an undo of a split kept over a colleague's edit.
        undoes = row.value == "no" and any(e.id in clashing and e.value == "yes" for e in in_force)
        if any(kept[i].id == edit_id for i in skipped) and not undoes:
            raise Refused("place_gone")
        with self._step("reinstate structure edit", author) as rec:
            self._enter_page(rec, page_id)
            self._set_aside(rec, "structure_edit", clashing)
            rec.touch("structure_edit", [edit_id])
            StructureEdit.update(state="in_force", reverted=None).where(StructureEdit.id == edit_id).execute()
            rec.restructured.add(page_id)
        return self._result(rec, reverted_structure=clashing)

    def add_structure_edit(self, page_id: int, spec: StructureSpec, author: str | None = None) -> EditResult:
        """Store a structure edit given by raw offsets (an import, a script); one step."""
        check_spec(spec)
        return self._structure(page_id, spec, f"structure: {spec.kind}", author)

    def _structure(
        self,
        page_id: int,
        spec: StructureSpec | list[StructureSpec],
        label: str,
        author: str | None,
        seen: int | None = None,
    ) -> EditResult:
        """One structure edit (or several, stored in this order) as one step; with ``seen``,
        checked against what others wrote since that version of the page (see
        :meth:`_as_seen`): when one clashes, none is put in force (all kept as reverted)."""
        specs = spec if isinstance(spec, list) else [spec]
        for one in specs:
            check_spec(one)
        with self._step(label, author) as rec:
            self._enter_page(rec, page_id)
            version = rec.versions[page_id]
            clash = (
                []
                if seen is None
                else [row for one in specs for row in self._clashing_since(page_id, one, seen, version)]
            )
            if clash:
                kept = [self._add_structure(rec, page_id, one, state="reverted") for one in specs]
                clash.sort(key=lambda r: (r.page_version, r.reverted or r.created), reverse=True)
                rec.conflict = _conflict(clash[0], label, tuple(kept))
            else:
                for one in specs:
                    self._add_structure(rec, page_id, one)
        return self._result(rec)

    def _as_seen(self, page_id: int, seen: int | None) -> tuple[PageLayout, int | None]:
        """The page as its editor saw it, and that version: ``seen`` (the window passes the
        version it shows), else the version this library object last handed out.

        A structure edit is made where the editor pointed in that text (raw offsets do not move
        when a colleague's edit changes the text around them), and is refused, like a
        correction, when a colleague's correction or structure edit written since touches its
        place: the paragraph it makes a heading, the character it splits or joins at, the
        article it splits, joins, moves or names. A refused edit is kept in the page's history
        as reverted (Reinstate puts it in force) and :class:`EditConflict` names who and when."""
        seen = self.seen_version(page_id) if seen is None else seen
        view = self._view(page_id, seen)
        return (layout_of(view) if view is not None else self.layout(page_id)), seen

    def _clashing_since(self, page_id: int, spec: StructureSpec, seen: int, below: int) -> list[Any]:
        """Others' corrections and structure edits written after version ``seen`` that touch
        the edit's place (newest first)."""
        end = spec.raw_end if spec.kind == "role" else spec.raw_start
        found = [
            row
            for row in self._changed_since(page_id, seen, [(spec.raw_start, end)], below)
            # A heading's or byline's role is about the paragraph, not its characters.
            if not (spec.kind == "role" and isinstance(row, Correction))
        ]
        if spec.kind in ("move", "section_kind"):  # the same article moved or named otherwise
            others = StructureEdit.select().where(
                (StructureEdit.page == page_id)
                & (StructureEdit.page_version > seen)
                & (StructureEdit.page_version < below)
                & (StructureEdit.kind == spec.kind)
            )
            found += [
                row
                for row in others
                if clashes(spec, StructureSpec(row.kind, row.raw_start, row.raw_end, row.value))
            ]
        found.sort(key=lambda r: (r.page_version, r.reverted or r.created), reverse=True)
        return found


#: A section's kind as a refusal names it.
_KIND_NAMES = {"article": "an article", "caption": "a caption", "masthead": "the masthead", "other": "other text"}


def _check_section(layout: PageLayout, section: int) -> None:
    if not 0 <= section < len(layout.parsed):
        raise Refused("no_section", section)


def _key(layout: PageLayout, section: int) -> int:
    key = section_key(layout.parsed[section])
    if key is None:
        raise Refused("empty_section", section)
    return key


def _block(layout: PageLayout, section: int, position: int) -> BlockLayout:
    _check_section(layout, section)
    block = layout.block_at(section, position)
    if block is None:
        raise Refused("outside_section", position, section)
    return block


def _next_block(layout: PageLayout, block: BlockLayout) -> BlockLayout:
    blocks = layout.blocks[block.section]
    if block.index + 1 >= len(blocks):
        raise Refused("last_paragraph")
    return blocks[block.index + 1]


def _conflict(row: Any, label: str, kept: tuple[int, ...]) -> EditConflict:
    """The message for a structure edit refused because a colleague changed its place since."""
    when = row.reverted if row.state == "reverted" and row.reverted else row.created
    if isinstance(row, Correction):
        raw = Page.select(Page.raw_text).where(Page.id == row.page_id).scalar() or ""
        what = f"“{raw[row.raw_start : row.raw_end]}” → “{row.replacement}”"
    else:
        what = f"a {row.kind} edit"
    return EditConflict(
        f"{row.author or 'someone'} changed this place at {str(when or '')[:16]} UTC ({what}) after "
        f"you read the page; your structure edit ({label}) was not applied and is kept in the "
        "page's history as reverted (reinstate it there to use it)",
        row.author,
        when,
        kept,
        f"Theirs: {what}. Yours: {label}, kept in the page's history as reverted (Reinstate there "
        "puts it in force).",
    )
