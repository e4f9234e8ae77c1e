"""Correcting text: what an editor types in a column becomes corrections over raw offsets.

Methods of :class:`models.library.service.Library` (mixin :class:`CorrectionOps`). Offsets
are code points in a section's current text (:func:`models.annotations.texts.section_text`),
sections are indexes in reading order of the page's current sections.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from models.errors import DubaoError
from models.library.corrections import Edit, check_edit
from models.library.records import CorrectionInfo, from_row
from models.library.schema import Correction, Issue, Page, StructureEdit
from models.proofreading.desk import ProofDesk
from models.proofreading.layout import PageLayout, layout_of
from models.proofreading.records import EditResult, Occurrence
from models.proofreading.spans import Plan, check_replacement, plan_block_edit, plan_correction

#: Characters of context on each side of an occurrence (as ``search`` shows hits).
CONTEXT = 20


def hit_context(text: str, start: int, end: int) -> str:
    """The occurrence in its sentence, with … where the text goes on."""
    before = ("…" if start > CONTEXT else "") + text[max(0, start - CONTEXT) : start]
    after = text[end : end + CONTEXT] + ("…" if end + CONTEXT < len(text) else "")
    return before + text[start:end] + after


@dataclass(frozen=True)
class _Found:
    occurrence: Occurrence
    block: int
    local_start: int
    local_end: int
    #: the page's version it was found in
    version: int = 0


class CorrectionOps(ProofDesk):
    """Correcting, reverting and series corrections."""

    def correct(
        self,
        page_id: int,
        section: int,
        start: int,
        end: int,
        replacement: str,
        author: str | None = None,
        seen: int | None = None,
    ) -> EditResult:
        """Make ``section_text[start:end]`` of the page's current text read ``replacement``.

        ``start == end`` inserts; an empty ``replacement`` deletes. A span across block breaks
        corrects each block's part and joins the blocks (one step). A line break in
        ``replacement`` is refused (use :meth:`split_paragraph`). Committed in one
        transaction, one undo step; the page's highlights follow their words.

        The offsets are in the text of the page as the editor saw it: version ``seen`` of the
        page (default: the version this library object last handed out, see
        :meth:`seen_version`). When a colleague changed the page since, the offsets are read
        in that older text, and a colleague's correction or structure edit on the same span
        makes this one an :class:`~models.errors.EditConflict`: not applied, kept in the
        history as reverted, the error naming who changed it and when.
        """
        seen = self.seen_version(page_id) if seen is None else seen
        view = self._view(page_id, seen)
        with self._step("correct text", author) as rec:
            self._enter_page(rec, page_id)
            layout = rec.pages[page_id].layout
            if view is not None and seen is not None and seen < rec.versions[page_id] - 1:
                layout = layout_of(view)  # the text the offsets were given in
            plan = plan_correction(layout, section, start, end, replacement)
            clash = (
                self._changed_since(
                    page_id,
                    seen,
                    [(e.raw_start, e.raw_end) for e in plan.edits] + self._superseded_spans(plan),
                    rec.versions[page_id],
                )
                if seen is not None
                else []
            )
            if clash:
                self._keep_conflicting(rec, page_id, plan.edits, clash[0], layout.raw)
            else:
                self._write_plan(rec, page_id, layout, plan)
        return self._result(rec)

    def _superseded_spans(self, plan: Plan) -> list[tuple[int, int]]:
        if not plan.supersede:
            return []
        query = Correction.select(Correction.raw_start, Correction.raw_end).where(
            Correction.id.in_(list(plan.supersede))
        )
        return list(query.tuples())

    def add_correction(
        self, page_id: int, raw_start: int, raw_end: int, replacement: str, author: str = ""
    ) -> CorrectionInfo:
        """Record that ``raw[raw_start:raw_end]`` reads as ``replacement`` (raw offsets; one undo step)."""
        raw = Page.select(Page.raw_text).where(Page.id == page_id).scalar()
        if raw is None:
            raise DubaoError(f"no page {page_id} in the library")
        check_edit(raw, Edit(raw_start, raw_end, replacement))
        with self._step("correct text", author or None) as rec:
            self._enter_page(rec, page_id)
            row_id = self._add_correction(rec, page_id, raw_start, raw_end, replacement)
        return from_row(CorrectionInfo, Correction.get_by_id(row_id))

    def revert_correction(self, correction_id: int, author: str | None = None) -> EditResult:
        """Set one correction aside: the text reads as before it (it stays in the history)."""
        row = Correction.get_or_none(Correction.id == correction_id)
        if row is None:
            raise DubaoError(f"no correction {correction_id}")
        with self._step("revert correction", author) as rec:
            self._enter_page(rec, row.page_id)
            self._set_aside(rec, "correction", [correction_id])
        return self._result(rec, reverted=[correction_id])

    def reinstate_correction(self, correction_id: int, author: str | None = None) -> EditResult:
        """Put a reverted correction (or an imported conflicting one) back in force; the
        corrections in force it overlaps are set aside in the same step."""
        from models.library.corrections import Edit as TextEdit
        from models.library.corrections import _overlaps

        row = Correction.get_or_none(Correction.id == correction_id)
        if row is None:
            raise DubaoError(f"no correction {correction_id}")
        if row.state == "in_force":
            return EditResult(row.batch_id, "reinstate correction", changed=False, page_ids=[row.page_id])
        mine = TextEdit(row.raw_start, row.raw_end, row.replacement)
        with self._step("reinstate correction", author) as rec:
            self._enter_page(rec, row.page_id)
            clashing = [
                c.id
                for c in self.corrections_of(row.page_id)
                if c.in_force and _overlaps(mine, TextEdit(c.raw_start, c.raw_end, c.replacement))
            ]
            self._set_aside(rec, "correction", clashing)
            rec.touch("correction", [correction_id])
            # Newest in force: it wins where corrections meet (effective edits go by id).
            Correction.update(state="in_force", reverted=None, page_version=rec.versions[row.page_id]).where(
                Correction.id == correction_id
            ).execute()
        return self._result(rec, reverted=clashing)

    def revert_batch(self, batch_id: int, author: str | None = None) -> EditResult:
        """Set aside every correction and structure edit of one batch (one step, on every page it
        touched). Those already set aside stay as they were (a colleague's that clashed on import
        keeps saying so); a batch with none left in force writes nothing (``changed`` False, no
        batch, no page)."""
        corrections = [
            (c.id, c.page_id, c.state) for c in Correction.select().where(Correction.batch == batch_id)
        ]
        structures = [
            (s.id, s.page_id, s.state) for s in StructureEdit.select().where(StructureEdit.batch == batch_id)
        ]
        if not corrections and not structures:
            raise DubaoError(f"no edits in batch {batch_id}")
        corrections = [c for c in corrections if c[2] != "reverted"]
        structures = [s for s in structures if s[2] != "reverted"]
        if not corrections and not structures:
            return EditResult(None, "revert batch", changed=False)  # a revert that wrote nothing
        with self._step("revert batch", author) as rec:
            for _, page_id, _ in corrections + structures:
                self._enter_page(rec, page_id)
            self._set_aside(rec, "correction", [i for i, _, _ in corrections])
            self._set_aside(rec, "structure_edit", [i for i, _, _ in structures])
            rec.restructured.update(p for _, p, _ in structures)
        return self._result(
            rec, reverted=[i for i, _, _ in corrections], reverted_structure=[i for i, _, _ in structures]
        )

    # --- series ------------------------------------------------------------------------------
    def find_occurrences(
        self, old: str, issue_id: int | None = None, left_out: list[int] | None = None
    ) -> list[Occurrence]:
        """Every occurrence of ``old`` in the current text of the library (or one issue) that a
        series correction would change: inside one block, non-overlapping, left to right, not
        touching a character an editor already corrected. Sorted by issue, page, section, start.
        ``left_out`` gets a page id for each occurrence that touches a corrected character (an
        editor told "nothing found" while a search lists them is told why)."""
        return [f.occurrence for f in self._find(old, issue_id, left_out)]

    def correct_all(
        self,
        old: str,
        new: str,
        issue_id: int | None = None,
        author: str | None = None,
        only: Sequence[Occurrence] | None = None,
    ) -> EditResult:
        """Replace every occurrence of ``old`` (or those of ``only`` still found) by ``new``, as one batch.

        A ``new`` holding a line break is refused before anything is looked up or written."""
        check_replacement(new)
        found = self._find(old, issue_id)
        wanted = {(o.page, o.section, o.start, o.end) for o in only or ()}
        if only is not None:
            found = [f for f in found if _key(f) in wanted]
        count = 0
        with self._step(f"correct {old} → {new}", author) as rec:
            for page_id in dict.fromkeys(f.occurrence.page for f in found):
                snapshot = self._enter_page(rec, page_id)
                layout = snapshot.layout
                here = [f for f in found if f.occurrence.page == page_id]
                if any(f.version != rec.versions[page_id] - 1 for f in here):
                    # Another editor changed the page since it was searched: find again in its
                    # text now, so that the places are right and what they corrected is skipped.
                    again = _occurrences(layout, here[0].occurrence.issue, page_id, 0, old)
                    if only is not None:
                        again = [f for f in again if _key(f) in wanted]
                    here = again
                count += len(here)
                plan = Plan()
                for f in here:
                    block = layout.blocks[f.occurrence.section][f.block]
                    part = plan_block_edit(layout, block, f.local_start, f.local_end, new)
                    plan.edits.extend(part.edits)
                    plan.supersede.extend(part.supersede)
                self._write_plan(rec, page_id, layout, plan)
        return replace(self._result(rec), occurrences=count)

    def _pages_that_may_hold(self, old: str) -> set[int]:
        """Pages whose stored text holds ``old`` in a paragraph or head, or that have corrections
        in force (which may have made it): only these can show it in their current text."""
        heads = " OR ".join(
            f"instr(coalesce(s.{name}, ''), ?) > 0" for name in ("kicker", "heading", "subheading", "byline")
        )
        sql = (
            "SELECT s.page_id FROM paragraph p JOIN section s ON s.id = p.section_id WHERE instr(p.text, ?) > 0 "
            f"UNION SELECT s.page_id FROM section s WHERE {heads} "
            "UNION SELECT page_id FROM correction WHERE state = 'in_force'"
        )
        return {row[0] for row in self._db.execute_sql(sql, [old] * 5).fetchall()}

    def _find(self, old: str, issue_id: int | None, left_out: list[int] | None = None) -> list[_Found]:
        """The occurrences a series would change; ``left_out`` gets a page id for each one it
        would not (touching a corrected character)."""
        if not old:
            raise DubaoError("nothing to look for (an empty text)")
        query = Page.select(Page.id, Page.issue).join(Issue).order_by(Issue.id, Page.position, Page.id)
        if issue_id is not None:
            if Issue.get_or_none(Issue.id == issue_id) is None:
                raise DubaoError(f"no issue {issue_id} in the library")
            query = query.where(Page.issue == issue_id)
        candidates = self._pages_that_may_hold(old)
        out: list[_Found] = []
        for page_id, page_issue in query.tuples():
            if page_id not in candidates:
                continue
            content = self.page(page_id)
            out.extend(
                _occurrences(layout_of(content), page_issue, page_id, content.info.version, old, left_out)
            )
        out.sort(
            key=lambda f: (f.occurrence.issue, f.occurrence.page, f.occurrence.section, f.occurrence.start)
        )
        return out


def _key(found: _Found) -> tuple[int, int, int, int]:
    o = found.occurrence
    return (o.page, o.section, o.start, o.end)


def _occurrences(
    layout: PageLayout, issue_id: int, page_id: int, version: int, old: str, left_out: list[int] | None = None
) -> list[_Found]:
    """Where ``old`` stands in the page's current text, untouched by any correction (those that
    touch one: the page id in ``left_out`` for each)."""
    out: list[_Found] = []
    for s, blocks in enumerate(layout.blocks):
        text = layout.section_text(s)
        for block in blocks:
            at = block.text.text.find(old)
            while at >= 0:
                stop = at + len(old)
                if all(o == -1 for o in block.origins[at:stop]):
                    start = block.start + at
                    end = block.start + stop
                    occurrence = Occurrence(issue_id, page_id, s, start, end, hit_context(text, start, end))
                    out.append(_Found(occurrence, block.index, at, stop, version))
                elif left_out is not None:
                    left_out.append(page_id)
                at = block.text.text.find(old, stop)
    return out
