"""Correcting structure: paragraphs, roles, articles, kinds and reading order.

Methods of :class:`models.library.service.Library` (mixin :class:`StructureOps`). The editor
points with the cursor (a section index and a code-point position in its current text); each
method turns that into a structure edit keyed by raw offsets (:mod:`.structure`), stored,
applied on top of the parser's sections, undoable and revertible like a correction.
"""

from __future__ import annotations

from models.errors import DubaoError
from models.library.schema import Page, StructureEdit
from models.proofreading.desk import ProofDesk
from models.proofreading.layout import BlockLayout, PageLayout
from models.proofreading.records import EditResult
from models.proofreading.spans import plan_correction
from models.proofreading.structure import (
    ROLES,
    StructureSpec,
    apply_structure,
    check_spec,
    clashes,
    section_key,
)


class StructureOps(ProofDesk):
    """Structure edits an editor makes from the keyboard."""

    def split_paragraph(
        self, page_id: int, section: int, position: int, author: str | None = None, end: int | None = None
    ) -> EditResult:
        """Split the paragraph at the cursor: the character at ``position`` starts a new one.

        With ``end`` (Enter over a selection), ``position``–``end`` is deleted first, in the same
        step, and the character after the selection starts the new paragraph (when the
        selection began at a paragraph's start or ran to its end there is nothing to split:
        only the deletion is made)."""
        if end is not None and end > position:
            return self._replace_with_break(page_id, section, position, end, author)
        layout = self.layout(page_id)
        block = _block(layout, section, position)
        local = position - block.start
        if local <= 0 or local >= len(block.text.text):
            raise DubaoError("the cursor is at the edge of a paragraph: there is nothing to split")
        if block.role != "body":
            raise DubaoError(f"a {block.role} is one line: make it body text to split it")
        return self._structure(
            page_id, StructureSpec("break", block.text.source[local], 0, "yes"), "split paragraph", author
        )

    def _replace_with_break(
        self, page_id: int, section: int, start: int, end: int, author: str | None
    ) -> EditResult:
        layout = self.layout(page_id)
        first = _block(layout, section, start)
        block = _block(layout, section, end)
        local = end - block.start
        split_at = None
        if start > first.start and local < len(block.text.text):
            if block.role != "body":
                raise DubaoError(f"a {block.role} is one line: make it body text to split it")
            split_at = block.text.source[local]
        with self._step("split paragraph", author) as rec:
            snapshot = self._enter_page(rec, page_id)
            self._write_plan(
                rec, page_id, snapshot.layout, plan_correction(snapshot.layout, section, start, end, "")
            )
            if split_at is not None:
                self._add_structure(rec, page_id, StructureSpec("break", split_at, 0, "yes"))
        return self._result(rec)

    def join_paragraph_with_next(
        self, page_id: int, section: int, position: int, author: str | None = None
    ) -> EditResult:
        """Join the block holding ``position`` with the block after it in the same section."""
        layout = self.layout(page_id)
        block = _block(layout, section, position)
        following = _next_block(layout, block)
        return self._structure(
            page_id, StructureSpec("break", following.parsed.source[0], 0, "no"), "join paragraphs", author
        )

    def set_role(
        self, page_id: int, section: int, position: int, role: str, author: str | None = None
    ) -> EditResult:
        """Make the block holding ``position`` the kicker, heading, subheading or byline of its
        section, or body text again (``role`` in :data:`ROLES`)."""
        if role not in ROLES:
            raise DubaoError(f"a paragraph's role is one of {', '.join(ROLES)}, not {role!r}")
        block = _block(self.layout(page_id), section, position)
        low, high = min(block.parsed.source), max(block.parsed.source) + 1
        return self._structure(page_id, StructureSpec("role", low, high, role), f"make {role}", author)

    def split_section(
        self, page_id: int, section: int, position: int, author: str | None = None
    ) -> EditResult:
        """Start a new section (article) with the block holding ``position``."""
        layout = self.layout(page_id)
        block = _block(layout, section, position)
        if block.index == 0:
            raise DubaoError("this paragraph already starts its section")
        return self._structure(
            page_id, StructureSpec("section", block.parsed.source[0], 0, "yes"), "split article", author
        )

    def join_section_with_next(self, page_id: int, section: int, author: str | None = None) -> EditResult:
        """Join the next section (in reading order) onto the end of this one."""
        layout = self.layout(page_id)
        _check_section(layout, section)
        if section + 1 >= len(layout.parsed):
            raise DubaoError("this is the last section of the page")
        key = _key(layout, section + 1)
        return self._structure(page_id, StructureSpec("section", key, 0, "no"), "join articles", author)

    def set_section_kind(
        self, page_id: int, section: int, kind: str, author: str | None = None
    ) -> EditResult:
        """Say what a section is: ``article``, ``caption``, ``masthead`` or ``other``."""
        layout = self.layout(page_id)
        _check_section(layout, section)
        spec = StructureSpec("section_kind", _key(layout, section), 0, kind)
        check_spec(spec)
        return self._structure(page_id, spec, f"make {kind}", author)

    def move_section(self, page_id: int, section: int, to: int, author: str | None = None) -> EditResult:
        """Move a section in the reading order so that it becomes section ``to``."""
        layout = self.layout(page_id)
        _check_section(layout, section)
        count = len(layout.parsed)
        if not 0 <= to < count:
            raise DubaoError(f"the page has sections 0–{count - 1}, not {to}")
        if to == section:
            return EditResult(None, "move section", changed=False, page_ids=[page_id])
        order = [i for i in range(count) if i != section]
        order.insert(to, section)
        after = order[to + 1] if to + 1 < count else None
        target = _key(layout, after) if after is not None else -1
        return self._structure(
            page_id, StructureSpec("move", _key(layout, section), target, "before"), "move section", author
        )

    def revert_structure_edit(self, edit_id: int, author: str | None = None) -> EditResult:
        """Set one structure edit aside (it stays in the history); the page re-derives without it."""
        row = StructureEdit.get_or_none(StructureEdit.id == edit_id)
        if row is None:
            raise DubaoError(f"no structure edit {edit_id}")
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
            raise DubaoError(f"no structure edit {edit_id}")
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
        if any(kept[i].id == edit_id for i in skipped):
            raise DubaoError("the page no longer has the place this edit names; it stays reverted")
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

    def _structure(self, page_id: int, spec: StructureSpec, label: str, author: str | None) -> EditResult:
        check_spec(spec)
        with self._step(label, author) as rec:
            self._enter_page(rec, page_id)
            self._add_structure(rec, page_id, spec)
        return self._result(rec)


def _check_section(layout: PageLayout, section: int) -> None:
    if not 0 <= section < len(layout.parsed):
        raise DubaoError(f"the page has no section {section}")


def _key(layout: PageLayout, section: int) -> int:
    key = section_key(layout.parsed[section])
    if key is None:
        raise DubaoError(f"section {section} is empty")
    return key


def _block(layout: PageLayout, section: int, position: int) -> BlockLayout:
    _check_section(layout, section)
    block = layout.block_at(section, position)
    if block is None:
        raise DubaoError(f"position {position} is outside section {section}'s text")
    return block


def _next_block(layout: PageLayout, block: BlockLayout) -> BlockLayout:
    blocks = layout.blocks[block.section]
    if block.index + 1 >= len(blocks):
        raise DubaoError("this is the last paragraph of its section")
    return blocks[block.index + 1]
