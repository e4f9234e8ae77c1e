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

from collections.abc import Sequence
from dataclasses import dataclass, field

from models.anchoring import make_anchor
from models.annotations.placing import StoredAnchor, anchor_columns, place_all
from models.annotations.texts import section_hashes
from models.library.schema import Highlight
from models.proofreading.layout import PageLayout


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


def stored_anchors(page_id: int) -> list[StoredAnchor]:
    """Every highlight of the page (deleted ones too: a restore must find them in place)."""
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


def follow(before: PageSnapshot, after: PageLayout, after_ids: Sequence[int]) -> Followed:
    """Write each highlight's new place (inside the caller's transaction); say which moved or were lost."""
    result = Followed()
    old_texts = before.layout.texts()
    old_hashes = section_hashes(old_texts)
    new_texts = after.texts()
    new_hashes = section_hashes(new_texts)
    new_sources = [after.char_sources(i) for i in range(len(new_texts))]
    old_index = {section_id: i for i, section_id in enumerate(before.section_ids)}
    by_quote: list[StoredAnchor] = []
    for anchor in before.anchors:
        own = old_index.get(anchor.section_id) if anchor.section_id is not None else None
        fits = own is not None and anchor.anchored and anchor.text_hash == old_hashes[own]
        if not fits or own is None:
            by_quote.append(_detached(anchor, after_ids))
            continue
        raw = [o for o in before.layout.char_sources(own)[anchor.start : anchor.end] if o is not None]
        found = _where(raw, new_sources)
        if found is None:
            by_quote.append(_detached(anchor, after_ids, keep=False))
            continue
        section, start, end = found
        if (after_ids[section], start, end, new_hashes[section]) == (
            anchor.section_id,
            anchor.start,
            anchor.end,
            anchor.text_hash,
        ):
            continue
        placed = make_anchor(new_texts[section], start, end)
        Highlight.update(**anchor_columns(after_ids[section], placed), anchor_state="anchored").where(
            Highlight.id == anchor.id
        ).execute()
        result.moved.append(anchor.id)
    if by_quote:
        _place_by_quote(by_quote, new_texts, new_hashes, after_ids, result)
    return result


def _detached(anchor: StoredAnchor, after_ids: Sequence[int], keep: bool = True) -> StoredAnchor:
    """The anchor as the quote placing should see it: without a section that is gone (or left)."""
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


def _where(raw: list[int], sources: list[list[int | None]]) -> tuple[int, int, int] | None:
    """The section and span now showing the raw characters ``raw`` (the section showing most of them)."""
    if not raw:
        return None
    low, high = min(raw), max(raw)
    wanted = set(raw)
    best: tuple[int, int, int, int] | None = None  # (count, section, start, end)
    for section, source in enumerate(sources):
        hits = [i for i, o in enumerate(source) if o is not None and low <= o <= high]
        exact = sum(1 for i in hits if source[i] in wanted)
        if hits and (best is None or exact > best[0]):
            best = (exact, section, min(hits), max(hits) + 1)
    if best is None:
        return None
    return best[1], best[2], best[3]


def _place_by_quote(
    stale: list[StoredAnchor],
    texts: list[str],
    hashes: list[str],
    section_ids: Sequence[int],
    result: Followed,
) -> None:
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
