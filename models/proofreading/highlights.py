"""Highlights follow their words through corrections and structure edits.

Before an edit the page's layout says which raw characters each highlight covers; after it,
the highlight goes where those raw characters are shown now (a corrected word's replacement
maps to the raw characters it replaced, so a highlight over a corrected word stays on it, and
one after it keeps its words though the offsets moved; a split article takes its highlights
along). A highlight whose characters are all gone, or that was already out of place, is
placed by its quote (:func:`models.annotations.placing.place_all`, the anchoring of issue 5)
in any section; what cannot be placed with confidence is marked *unanchored*, never dropped.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from models.library.schema import Highlight
from models.proofreading.layout import PageLayout

if TYPE_CHECKING:  # anchoring loads with the first edit, not with the library (start-up)
    from models.annotations.placing import StoredAnchor


@dataclass(frozen=True)
class PageSnapshot:
    """A page's layout, its section ids and its highlights' anchors, taken before an edit."""

    layout: PageLayout
    section_ids: list[int]
    anchors: list[StoredAnchor]


@dataclass
class Followed:
    moved: list[int] = field(default_factory=list)
    unanchored: list[int] = field(default_factory=list)
    #: Highlight -> (raw span it covered before, raw span it covers after; None: unanchored), for
    #: the highlights that moved or were lost: undo and redo put them back exactly there.
    spans: dict[int, tuple[tuple[int, int] | None, tuple[int, int] | None]] = field(default_factory=dict)


def stored_anchors(page_id: int) -> list[StoredAnchor]:
    """Every highlight of the page (deleted ones too: a restore must find them in place)."""
    from models.annotations.placing import StoredAnchor

    query = Highlight.select(
        Highlight.id,
        Highlight.section,
        Highlight.start,
        Highlight.end,
        Highlight.exact,
        Highlight.prefix,
        Highlight.suffix,
        Highlight.text_hash,
        Highlight.anchor_state,
    ).where(Highlight.page == page_id)
    return [StoredAnchor(*row[:8], row[8] != "unanchored") for row in query.tuples()]


def follow(
    before: PageSnapshot, after: PageLayout, after_ids: Sequence[int], rebuilt: bool = False
) -> Followed:
    """Write each highlight's new place (inside the caller's transaction); say which moved or were lost.

    ``rebuilt``: the page's section rows were replaced (their ids may even be reused), so every
    highlight's place is written again."""
    from models.anchoring import make_anchor
    from models.annotations.placing import anchor_columns
    from models.annotations.texts import section_hashes

    result = Followed()
    old_texts = before.layout.texts()
    old_hashes = section_hashes(old_texts)
    new_texts = after.texts()
    new_hashes = section_hashes(new_texts)
    # (raw offset, section, position) of every character shown now, by raw offset: made on
    # first need (most steps move no highlight that sits in another section).
    index: list[tuple[list[tuple[int, int, int]], list[int]]] = []

    def shown_index() -> tuple[list[tuple[int, int, int]], list[int]]:
        if not index:
            shown = sorted(
                (offset, section, position)
                for section in range(len(new_texts))
                for position, offset in enumerate(after.char_sources(section))
                if offset is not None
            )
            index.append((shown, [entry[0] for entry in shown]))
        return index[0]

    new_sources: dict[int, list[int | None]] = {}

    def new_sources_of(section: int) -> list[int | None]:
        if section not in new_sources:
            new_sources[section] = after.char_sources(section)
        return new_sources[section]

    per_section: dict[int, tuple[list[tuple[int, int, int]], list[int], set[int]]] = {}

    def section_index(section: int) -> tuple[list[tuple[int, int, int]], list[int], set[int]]:
        if section not in per_section:
            entries = sorted(
                (offset, section, position)
                for position, offset in enumerate(new_sources_of(section))
                if offset is not None
            )
            per_section[section] = (entries, [e[0] for e in entries], {e[0] for e in entries})
        return per_section[section]

    old_index = {section_id: i for i, section_id in enumerate(before.section_ids)}
    new_index = {section_id: i for i, section_id in enumerate(after_ids)}
    old_sources: dict[int, list[int | None]] = {}
    by_quote: list[StoredAnchor] = []
    updates: list[tuple[int, dict[str, object]]] = []
    for anchor in before.anchors:
        own = old_index.get(anchor.section_id) if anchor.section_id is not None else None
        fits = own is not None and anchor.anchored and anchor.text_hash == old_hashes[own]
        if not fits or own is None:
            by_quote.append(_detached(anchor, after_ids, keep=not rebuilt))
            continue
        same = new_index.get(anchor.section_id)
        if not rebuilt and same is not None and new_hashes[same] == anchor.text_hash:
            continue  # its section reads as before: nothing moved
        if own not in old_sources:
            old_sources[own] = before.layout.char_sources(own)
        raw = [o for o in old_sources[own][anchor.start : anchor.end] if o is not None]
        found = None
        if same is not None and raw:  # most often its own section still shows all its characters
            entries, keys, offsets = section_index(same)
            if offsets.issuperset(raw):
                found = _where(raw, entries, keys)
        if found is None:
            found = _where(raw, *shown_index())
        if found is None:
            by_quote.append(_detached(anchor, after_ids, keep=False))
            if raw:
                result.spans[anchor.id] = ((min(raw), max(raw)), None)
            continue
        section, start, end = found
        now = [o for o in new_sources_of(section)[start:end] if o is not None]
        span_after = (min(now), max(now)) if now else None
        unchanged = (after_ids[section], start, end, new_hashes[section]) == (
            anchor.section_id,
            anchor.start,
            anchor.end,
            anchor.text_hash,
        )
        if unchanged and not rebuilt:
            continue
        placed = make_anchor(new_texts[section], start, end)
        updates.append((anchor.id, anchor_columns(after_ids[section], placed)))
        if not unchanged:
            result.moved.append(anchor.id)
            result.spans[anchor.id] = ((min(raw), max(raw)), span_after)
    _write_anchors(updates)
    if by_quote:
        _place_by_quote(by_quote, new_texts, new_hashes, after_ids, result)
    return result


def _write_anchors(updates: list[tuple[int, dict[str, object]]]) -> None:
    """Write many highlights' new places in one statement (inside the caller's transaction)."""
    if not updates:
        return
    columns = ("section", "start", "end", "exact", "prefix", "suffix", "text_hash")
    sql = (
        'UPDATE "highlight" SET "section_id" = ?, "start" = ?, "end" = ?, "exact" = ?, "prefix" = ?, '
        '"suffix" = ?, "text_hash" = ?, "anchor_state" = \'anchored\' WHERE "id" = ?'
    )
    rows = [tuple(values[c] for c in columns) + (key,) for key, values in updates]
    Highlight._meta.database.connection().executemany(sql, rows)


def _detached(anchor: StoredAnchor, after_ids: Sequence[int], keep: bool = True) -> StoredAnchor:
    """The anchor as the quote placing should see it: without a section that is gone (or left)."""
    from models.annotations.placing import StoredAnchor

    if keep and anchor.section_id in after_ids:
        return anchor
    return StoredAnchor(
        anchor.id,
        None,
        anchor.start,
        anchor.end,
        anchor.exact,
        anchor.prefix,
        anchor.suffix,
        anchor.text_hash,
        anchor.anchored,
    )


def _where(raw: list[int], shown: list[tuple[int, int, int]], keys: list[int]) -> tuple[int, int, int] | None:
    """The section and span now showing the raw characters ``raw`` (the section showing most of them)."""
    if not raw:
        return None
    low, high = min(raw), max(raw)
    wanted = set(raw)
    spans: dict[int, list[int]] = {}  # section -> [count of wanted, first position, last position]
    for offset, section, position in shown[bisect_left(keys, low) : bisect_right(keys, high)]:
        # Only the highlight's own characters: a headline printed after its article has the
        # whole body between its raw offsets and the first paragraph's.
        if offset not in wanted:
            continue
        span = spans.setdefault(section, [0, position, position])
        span[0] += 1
        span[1] = min(span[1], position)
        span[2] = max(span[2], position)
    if not spans:
        return None
    section, (_, first, last) = max(spans.items(), key=lambda item: (item[1][0], -item[0]))
    return section, first, last + 1


def _place_by_quote(
    stale: list[StoredAnchor],
    texts: list[str],
    hashes: list[str],
    section_ids: Sequence[int],
    result: Followed,
) -> None:
    from models.annotations.placing import anchor_columns, place_all

    for placement in place_all(texts, hashes, section_ids, stale):
        was = next(s for s in stale if s.id == placement.id)
        if placement.recovered:
            Highlight.update(anchor_state="anchored").where(Highlight.id == placement.id).execute()
            result.moved.append(placement.id)
        elif placement.anchor is None:
            values: dict[str, object] = {"anchor_state": "unanchored"}
            if was.section_id is None:
                values["section"] = None
            Highlight.update(**values).where(Highlight.id == placement.id).execute()
            result.unanchored.append(placement.id)
        else:
            assert placement.section is not None
            Highlight.update(
                **anchor_columns(section_ids[placement.section], placement.anchor), anchor_state="anchored"
            ).where(Highlight.id == placement.id).execute()
            result.moved.append(placement.id)


def put_back(
    page_id: int, layout: PageLayout, section_ids: Sequence[int], spans: dict[int, tuple[int, int] | None]
) -> None:
    """Put highlights exactly where a step's undo or redo says they were: on the characters
    showing the raw span, or unanchored (None). Inside the caller's transaction."""
    from models.anchoring import make_anchor
    from models.annotations.placing import anchor_columns

    texts = layout.texts()
    # Only the characters from the raw range the spans cover can be where they go back to.
    wanted = [span for span in spans.values() if span is not None]
    low = min((span[0] for span in wanted), default=0)
    high = max((span[1] for span in wanted), default=-1)
    near = [
        section
        for section, blocks in enumerate(layout.blocks)
        if any(b.text.source and min(b.text.source) <= high and max(b.text.source) >= low for b in blocks)
    ]
    shown = sorted(
        (offset, section, position)
        for section in near
        for position, offset in enumerate(layout.char_sources(section))
        if offset is not None and low <= offset <= high
    )
    keys = [entry[0] for entry in shown]
    updates: list[tuple[int, dict[str, object]]] = []
    for highlight_id, span in spans.items():
        if (
            not Highlight.select()
            .where((Highlight.id == highlight_id) & (Highlight.page == page_id))
            .exists()
        ):
            continue
        found = _where(list(range(span[0], span[1] + 1)), shown, keys) if span is not None else None
        if found is None:
            Highlight.update(anchor_state="unanchored").where(Highlight.id == highlight_id).execute()
            continue
        section, start, end = found
        updates.append(
            (highlight_id, anchor_columns(section_ids[section], make_anchor(texts[section], start, end)))
        )
    _write_anchors(updates)
