"""Undo and redo over a colleague's change (issue 13, several writers).

An undo writes back the rows a step changed as they were before it, a redo as they were after
it. Done blindly, that would write over what a colleague changed since: their correction on the
same words, their note on the same highlight. So an undo or redo is checked like a normal edit.

Each step of the session's history records the versions its last application left
(``Command.versions``: the page's version, each highlight's), and the history notes every
version this session wrote (:meth:`models.history.History.wrote`). Taking a step back or
forward is refused when, since then, someone else wrote

- a correction or structure edit of the page touching the raw spans the step's corrections and
  structure edits cover (their rows carry the page version that last wrote them), or
- a new version of one of the step's highlights (each change adds one to it).

The refused undo or redo is not applied: the colleague's version stays in force, and what it
would have written is kept in the history, as a normal edit's conflict is: the text it would
have given each span as a reverted correction in the page's history (Reinstate puts it in
force; a span back to what the OCR read is kept as a correction to the OCR's own characters), a
structure edit it would have put in force as a reverted structure edit, and each highlight's
state as a ``conflict`` revision. The step leaves the undo (or redo) stack.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from models.annotations import versions as highlight_versions
from models.history import Command, History
from models.library.corrections import Edit, effective_edits
from models.library.schema import Correction, Highlight, Page, StructureEdit
from models.proofreading.structure import StructureSpec, apply_structure, blocks_of, clashes, section_key


@dataclass
class Refusal:
    """Why an undo or redo cannot be applied: what others wrote since."""

    #: page id -> their corrections and structure edits on the step's spans, newest first
    pages: dict[int, list[Any]] = field(default_factory=dict)
    #: highlight id -> (version, author, updated) as the library holds it now
    highlights: dict[int, tuple[int, str, object]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.pages or self.highlights)


def target(change: Any, forward: bool) -> Any:
    return change.after if forward else change.before


def bump_pages(pages: Iterable[int]) -> dict[int, int]:
    """A new version of each page (on a server this locks the page's row until commit)."""
    out = {}
    for page_id in sorted(pages):
        Page.update(version=Page.version + 1).where(Page.id == page_id).execute()
        out[page_id] = int(Page.select(Page.version).where(Page.id == page_id).scalar())
    return out


def stamp_rows(command: Command, versions: dict[int, int]) -> None:
    """The rows an undo or redo wrote back carry the page version it made."""
    for page_id, version in versions.items():
        for kind, model in (("correction", Correction), ("structure_edit", StructureEdit)):
            keys = [c.key for c in command.changes if c.kind == kind and c.page == page_id]
            if keys:
                model.update(page_version=version).where(model.id.in_(keys)).execute()


def _end(row: Any, kind: str) -> int:
    """Where a row's place ends: a correction's and a role's span; a break or section key is a point."""
    if kind == "correction" or (row.get("kind") if isinstance(row, dict) else row.kind) == "role":
        return row["raw_end"] if isinstance(row, dict) else row.raw_end
    return row["raw_start"] if isinstance(row, dict) else row.raw_start


def step_spans(command: Command, page_id: int) -> list[tuple[int, int]]:
    """The raw places the step's corrections and structure edits on the page cover (both states)."""
    spans = []
    for change in command.changes:
        if change.page != page_id or change.kind not in ("correction", "structure_edit"):
            continue
        for state in (change.before, change.after):
            if state is not None:
                spans.append((state["raw_start"], _end(state, change.kind)))
    return spans


def check(db: Any, history: History, command: Command, forward: bool, new: dict[int, int]) -> Refusal:
    """What others wrote since the step's last application (inside the replay's transaction;
    ``new``: the page versions the replay is writing, already taken)."""
    refusal = Refusal()
    for page_id, below in new.items():
        seen = command.versions.get(("page", page_id))
        spans = step_spans(command, page_id)
        if seen is None or not spans:
            continue
        found = []
        for model, kind in ((Correction, "correction"), (StructureEdit, "structure_edit")):
            rows = model.select().where(
                (model.page == page_id) & (model.page_version > seen) & (model.page_version < below)
            )
            for row in rows:
                if history.written_here(("page", page_id), row.page_version):
                    continue
                end = _end(row, kind)
                if any(row.raw_start <= b and a <= end for a, b in spans):
                    found.append(row)
        if found:
            found.sort(key=lambda r: (r.page_version, r.reverted or r.created), reverse=True)
            refusal.pages[page_id] = found
    keys = sorted({c.key for c in command.changes if c.kind == "highlight"})
    current = highlight_versions.lock(db, keys) if keys else {}
    for key in keys:
        recorded = command.versions.get(("highlight", key))
        if recorded is None or key not in current:
            continue
        if any(
            not history.written_here(("highlight", key), v) for v in range(recorded + 1, current[key][0] + 1)
        ):
            refusal.highlights[key] = current[key]
    return refusal


def highlight_versions_now(command: Command) -> dict[tuple[str, int], int]:
    """The versions the step's highlights have now (after its undo or redo)."""
    keys = sorted({c.key for c in command.changes if c.kind == "highlight"})
    if not keys:
        return {}
    query = Highlight.select(Highlight.id, Highlight.version).where(Highlight.id.in_(keys))
    return {("highlight", key): int(version) for key, version in query.tuples()}


# --- keeping what was refused ---------------------------------------------------------------------


def kept_texts(command: Command, forward: bool, page_id: int, raw: str, history: History) -> list[Edit]:
    """The text the refused undo or redo meant to give each span of the page its corrections
    cover: the page's corrections with the step's rows as it would leave them, and without what
    others wrote since (their corrections are theirs, in force). An edit per span (a span back to
    the OCR's reading: the OCR's own characters)."""
    mine = {c.key: c for c in command.changes if c.kind == "correction" and c.page == page_id}
    if not mine:
        return []
    seen = command.versions.get(("page", page_id), 0)
    rows = {
        r["id"]: r
        for r in Correction.select().where(Correction.page == page_id).dicts()
        if r["page_version"] <= seen or history.written_here(("page", page_id), r["page_version"])
    }
    for key, change in mine.items():  # the step's rows as the undo or redo would leave them
        state = target(change, forward)
        if state is None:
            rows.pop(key, None)
        else:
            rows[key] = state
    in_force = [
        Edit(r["raw_start"], r["raw_end"], r["replacement"])
        for _, r in sorted(rows.items())
        if r["state"] == "in_force"
    ]
    effective = effective_edits(in_force)
    spans = []
    for change in mine.values():
        for state in (change.before, change.after):
            if state is not None:
                spans.append(_widened(state["raw_start"], state["raw_end"], len(raw)))
    out = []
    for start, end in _merged(spans):
        start, end = _covering(start, end, effective)
        text, at = [], start
        for edit in effective:
            if (
                start <= edit.raw_start
                and edit.raw_end <= end
                and (not edit.is_insertion or start < edit.raw_start < end)
            ):
                text.append(raw[at : edit.raw_start])
                text.append(edit.replacement)
                at = edit.raw_end
        text.append(raw[at:end])
        out.append(Edit(start, end, "".join(text)))
    return out


def _widened(start: int, end: int, length: int) -> tuple[int, int]:
    """An insertion's point as the character after it (or before it, at the text's end)."""
    if start < end:
        return start, end
    return (start, start + 1) if start < length else (max(0, start - 1), start)


def _merged(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _covering(start: int, end: int, effective: Sequence[Edit]) -> tuple[int, int]:
    """Widen a span until no correction in force crosses its edges."""
    changed = True
    while changed:
        changed = False
        for edit in effective:
            if not edit.is_insertion and edit.raw_start < end and start < edit.raw_end:
                if edit.raw_start < start or edit.raw_end > end:
                    start, end = min(start, edit.raw_start), max(end, edit.raw_end)
                    changed = True
    return start, end


def kept_structure(
    command: Command, forward: bool, page_id: int, parsed: Sequence[Any], history: History
) -> list[dict[str, Any]]:
    """The step's structure edits the refused undo or redo would have put in force, and for each
    it would have taken out of force (an undo of a split, a heading, a move: a row the step made
    and the undo removes, or sets aside) what its place would then read, as an edit of the same
    kind: the page derived from the parser's sections (``parsed``) with the structure edits in
    force as the undo or redo leaves them, without what others wrote since (theirs are theirs),
    read at the edit's place — no break or a break, no article start or one, the paragraph's
    role, the article's kind, the article it stood before. Reinstate then puts the page back as
    the undo meant, setting the colleague's edit of that place aside (kept in the history)."""
    out: list[dict[str, Any]] = []
    removed: list[dict[str, Any]] = []
    for change in command.changes:
        if change.kind != "structure_edit" or change.page != page_id:
            continue
        state = target(change, forward)
        if state is not None and state["state"] == "in_force":
            out.append(state)
            continue
        other = change.before if forward else change.after
        if other is not None and other["state"] == "in_force":
            removed.append(other)
    if not removed:
        return out
    specs_kept = [StructureSpec(s["kind"], s["raw_start"], s["raw_end"], s["value"]) for s in out]
    sections = _sections_as_left(command, forward, page_id, parsed, history)
    for state in removed:
        for value in _reading_at(sections, state):
            spec = StructureSpec(*value)
            if any(clashes(spec, kept) for kept in specs_kept):
                continue  # the undo puts an older edit of this place back: that one is kept
            specs_kept.append(spec)
            out.append(
                {"kind": spec.kind, "raw_start": spec.raw_start, "raw_end": spec.raw_end, "value": spec.value}
            )
    return out


def _sections_as_left(
    command: Command,
    forward: bool,
    page_id: int,
    parsed: Sequence[Any],
    history: History,
) -> list[Any]:
    """The page's sections as the refused undo or redo would have left them, were it not for
    what others wrote since (the step's rows at their target states, others' later rows left out)."""
    seen = command.versions.get(("page", page_id), 0)
    rows = {
        r["id"]: r
        for r in StructureEdit.select().where(StructureEdit.page == page_id).dicts()
        if r["page_version"] <= seen or history.written_here(("page", page_id), r["page_version"])
    }
    for change in command.changes:
        if change.kind == "structure_edit" and change.page == page_id:
            state = target(change, forward)
            if state is None:
                rows.pop(change.key, None)
            else:
                rows[change.key] = {**rows.get(change.key, {}), **state, "id": change.key}
    in_force = sorted(
        (r for r in rows.values() if r["state"] == "in_force"), key=lambda r: (str(r["created"]), r["id"])
    )
    specs = [StructureSpec(r["kind"], r["raw_start"], r["raw_end"], r["value"]) for r in in_force]
    sections, _ = apply_structure(parsed, specs)
    return sections


def _reading_at(sections: Sequence[Any], state: dict[str, Any]) -> list[tuple[str, int, int, str]]:
    """What the page (``sections``) says at a structure edit's place, as edits of its kind."""
    kind, start, end = state["kind"], state["raw_start"], state["raw_end"]
    keys = [section_key(s) for s in sections]
    if kind == "section":
        return [("section", start, 0, "yes" if start in keys else "no")]
    if kind == "section_kind":
        return [
            ("section_kind", start, 0, s.kind) for s, key in zip(sections, keys, strict=True) if key == start
        ]
    if kind == "move":
        if start not in keys:
            return []
        at = keys.index(start)
        following = next((k for k in keys[at + 1 :] if k is not None), -1)
        return [("move", start, following, "before")]
    blocks = [b for s in sections for b in blocks_of(s)]
    if kind == "break":
        first = any(b.text.source and b.text.source[0] == start for b in blocks)
        return [("break", start, 0, "yes" if first else "no")]
    if kind == "role":
        return [("role", b.first, b.first + 1, b.role) for b in blocks if start <= b.first < end]
    return []


def kept_highlights(command: Command, forward: bool) -> dict[int, Any]:
    """Each highlight's state the refused undo or redo would have written (a removed one: its
    state now, deleted)."""
    from models.annotations.history import snapshot_highlights

    out: dict[int, Any] = {}
    now = None
    for change in command.changes:
        if change.kind != "highlight":
            continue
        state = target(change, forward)
        if state is None:
            now = now if now is not None else snapshot_highlights(c.key for c in command.changes)
            current = now.get(change.key)
            if current is None:
                continue
            state = {**current, "row": {**current["row"], "deleted": True}}
        out[change.key] = state
    return out


def conflict(command: Command, doing: str, refusal: Refusal, mine: list[str], kept: tuple[int, ...]) -> Any:
    """The message for a refused undo or redo: who changed what since, and where ours is kept."""
    from models.errors import EditConflict

    rows = [row for found in refusal.pages.values() for row in found]
    row = max(rows, key=lambda r: str(_when(r)), default=None)
    light = max(refusal.highlights.items(), key=lambda item: str(item[1][2]), default=None)
    if row is not None and (light is None or str(_when(row)) >= str(light[1][2])):
        author, when = row.author, _when(row)
        if isinstance(row, Correction):
            raw = Page.select(Page.raw_text).where(Page.id == row.page_id).scalar() or ""
            what = f"“{raw[row.raw_start : row.raw_end]}” → “{row.replacement}”"
        else:
            what = f"a {row.kind} edit"
        changed = f"this text ({what})"
    else:
        assert light is not None
        _, (_, author, when) = light
        what = "the highlight"
        changed = (
            "this highlight"
            if len(refusal.highlights) == 1
            else f"{len(refusal.highlights)} of these highlights"
        )
    where = []
    if mine:
        where.append(f"the page's history as reverted ({', '.join(mine)}; Reinstate there puts it in force)")
    if refusal.highlights or any(c.kind == "highlight" for c in command.changes):
        where.append("the highlight's history")
    kept_in = " and ".join(where) or "nowhere (nothing to keep)"
    return EditConflict(
        f"{author or 'someone'} changed {changed} at {str(when or '')[:16]} UTC after your step "
        f"“{command.label}”; the {doing} was not applied, and what it would have written is kept in {kept_in}",
        author or "",
        when,
        kept,
        f"Theirs: {what}. Your {doing} of “{command.label}” is kept in {kept_in}.",
    )


def _when(row: Any) -> object:
    return row.reverted if row.state == "reverted" and row.reverted else row.created
