"""Reviewing a page's proofreading: its history, and diffs of its text (raw vs now, then vs now).

Methods of :class:`models.library.service.Library` (mixin :class:`ReviewOps`). Times are
naive UTC, as stored. A correction or structure edit was in force at a moment if it had been
made by then and not yet reverted.
"""

from __future__ import annotations

import difflib
from datetime import datetime
from typing import Any

from models.annotations.texts import section_text
from models.errors import DubaoError
from models.library.corrections import Edit as TextEdit
from models.library.corrections import correct_sections
from models.library.records import CorrectionInfo, from_row
from models.library.schema import Page, StructureEdit
from models.proofreading.desk import ProofDesk
from models.proofreading.records import DiffOp, HistoryEntry, SectionDiff, StructureEditInfo
from models.proofreading.structure import StructureSpec, apply_structure, section_key


class ReviewOps(ProofDesk):
    """A page's history of corrections and structure edits, and text diffs."""

    def page_history(self, page_id: int) -> list[HistoryEntry]:
        """Every correction and structure edit of the page, newest first, with its state."""
        raw = self._raw(page_id)
        layout = self.layout(page_id)
        effective = {i for i in layout.effective_ids if i is not None}
        entries: list[HistoryEntry] = []
        corrections = self.corrections_of(page_id)
        structure = self.structure_edits(page_id)
        imports = _import_batches(
            {c.batch_id for c in corrections if not c.in_force and c.batch_id}
            | {s.batch_id for s in structure if s.state == "reverted" and s.batch_id}
        )

        def set_aside_on_import(batch_id: int | None, reverted: datetime | None) -> bool:
            """Set aside by the import that brought it, as it was inserted (then it is reverted at
            its batch's very time, however long the import took), not by an editor later."""
            made = imports.get(batch_id) if batch_id is not None else None
            return made is not None and reverted == made

        for c in corrections:
            state = "reverted" if not c.in_force else ("in_force" if c.id in effective else "superseded")
            conflict = state == "reverted" and set_aside_on_import(c.batch_id, c.reverted)
            entries.append(
                HistoryEntry(
                    c.id, "correction", page_id, c.batch_id, c.author, c.created,
                    raw[c.raw_start : c.raw_end], c.replacement, state, c.raw_start, c.raw_end, c.reverted,
                    context=_context(raw, c.raw_start, c.raw_end), import_conflict=conflict,
                )
            )  # fmt: skip
        for s in structure:
            old, new = _describe(s, raw)
            entries.append(
                HistoryEntry(
                    s.id, s.kind, page_id, s.batch_id, s.author, s.created, old, new, s.state,
                    s.raw_start, s.raw_end, s.reverted, s.value, _where(s, raw),
                    _snippet(raw, s.raw_end) if s.kind == "move" and s.raw_end >= 0 else "",
                    import_conflict=s.state == "reverted" and set_aside_on_import(s.batch_id, s.reverted),
                )
            )  # fmt: skip
        entries.sort(key=lambda e: (e.created, e.what == "correction", e.id), reverse=True)
        return entries

    def structure_edits(self, page_id: int) -> list[StructureEditInfo]:
        """Every structure edit of a page, oldest first (reverted ones included)."""
        query = StructureEdit.select().where(StructureEdit.page == page_id).order_by(StructureEdit.id)
        return [from_row(StructureEditInfo, s) for s in query]

    def texts_at(self, page_id: int, moment: datetime | None = None) -> list[str]:
        """The page's section texts as they read at ``moment`` (None: now), in reading order."""
        return [text for _, text in self._state_at(page_id, moment)]

    def diff_raw(self, page_id: int) -> list[SectionDiff]:
        """Per section (reading order of now): the page as the OCR text reads (the parser's
        sections, no correction, no structure edit) against its current text; sections are
        matched as in :meth:`diff_between`, so a paragraph split, joined or given a role shows."""
        return self.diff_between(page_id, datetime.min)

    def diff_between(
        self, page_id: int, earlier: datetime, later: datetime | None = None
    ) -> list[SectionDiff]:
        """Per section: the text at ``earlier`` against the text at ``later`` (None: now).

        Sections are matched by their first raw offset; one present on one side only is all
        inserted or all deleted.
        """
        old = self._state_at(page_id, earlier)
        new = self._state_at(page_id, later)
        old_by_key = {key: i for i, (key, _) in enumerate(old)}
        out: list[SectionDiff] = []
        matched: set[int] = set()
        for j, (key, text) in enumerate(new):
            i = old_by_key.get(key)
            if i is None:
                out.append(SectionDiff(None, j, _ops("", text)))
            else:
                matched.add(i)
                out.append(SectionDiff(i, j, _ops(old[i][1], text)))
        for i, (_, text) in enumerate(old):
            if i not in matched:
                out.append(SectionDiff(i, None, _ops(text, "")))
        return out

    def _raw(self, page_id: int) -> str:
        raw = Page.select(Page.raw_text).where(Page.id == page_id).scalar()
        if raw is None:
            raise DubaoError(f"no page {page_id} in the library")
        return str(raw)

    def _state_at(self, page_id: int, moment: datetime | None) -> list[tuple[int | None, str]]:
        """(first raw offset, text) of each section at ``moment``."""
        if moment is None:
            content = self.page(page_id)
            return [
                (section_key(s), section_text(c))
                for s, c in zip(content.sections, content.current_sections, strict=True)
            ]
        raw = self._raw(page_id)
        structure = [
            StructureSpec(s.kind, s.raw_start, s.raw_end, s.value)
            for s in self.structure_edits(page_id)
            if _in_force_at(s, moment)
        ]
        sections, _ = apply_structure(self._parsed(page_id, raw).sections, structure)
        edits = [
            TextEdit(c.raw_start, c.raw_end, c.replacement)
            for c in self.corrections_of(page_id)
            if _in_force_at(c, moment)
        ]
        current = correct_sections(sections, edits, len(raw))
        return [(section_key(s), section_text(c)) for s, c in zip(sections, current, strict=True)]


def _in_force_at(row: CorrectionInfo | StructureEditInfo, moment: datetime) -> bool:
    return row.created <= moment and (row.reverted is None or row.reverted > moment)


def _ops(old: str, new: str) -> list[DiffOp]:
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [DiffOp(tag, old[i1:i2], new[j1:j2], i1, j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes()]


def _describe(edit: StructureEditInfo, raw: str) -> tuple[str, str]:
    """The edit in words: (before, after)."""
    at = _snippet(raw, edit.raw_start)
    words: dict[str, Any] = {
        "break": ("no break", f"paragraph break before 「{at}」")
        if edit.value == "yes"
        else ("paragraph break", f"「{at}」 joins the paragraph before"),
        "role": ("", f"「{_where(edit, raw)}」 is {edit.value}"),
        "section": ("", f"new section at 「{at}」")
        if edit.value == "yes"
        else ("", f"section 「{at}」 joins the one before"),
        "section_kind": ("", f"section 「{at}」 is {edit.value}"),
        "move": (
            "",
            f"section 「{at}」 moves "
            + ("to the end" if edit.raw_end < 0 else f"before 「{_snippet(raw, edit.raw_end)}」"),
        ),
    }
    return words.get(edit.kind, ("", edit.kind))


def _where(edit: StructureEditInfo, raw: str) -> str:
    """The words an edit is at: a role's paragraph quoted from its own span only (a short
    byline's quote ran on into the paragraph after it), else the text from its offset."""
    if edit.kind == "role":
        return _snippet(raw[: edit.raw_end], edit.raw_start)
    return _snippet(raw, edit.raw_start)


#: the label of the step that imports a colleague's corrections (models.proofreading.exchange)
IMPORT_STEP = "import corrections"


def _import_batches(batch_ids: set[int]) -> dict[int, datetime]:
    """When each of these batches was made, for those that imported corrections."""
    from models.library.schema import EditBatch

    if not batch_ids:
        return {}
    rows = EditBatch.select(EditBatch.id, EditBatch.created).where(
        EditBatch.id.in_(sorted(batch_ids)), EditBatch.label == IMPORT_STEP
    )
    return {int(row.id): row.created for row in rows}


def _context(raw: str, start: int, end: int, around: int = 10) -> str:
    """The raw text around a span, the span in 【】, on one line (runs of white space dropped)."""

    def flat(text: str) -> str:
        return "".join(text.split())

    return flat(raw[max(0, start - around * 2) : start])[-around:] + "【" + flat(raw[start:end]) + "】" + (
        flat(raw[end : end + around * 2])[:around]
    )


def _snippet(raw: str, offset: int, length: int = 8) -> str:
    return "".join(raw[max(offset, 0) : offset + length * 2].split())[:length]
