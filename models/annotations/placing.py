"""Putting a page's highlights back on their words after its text changed.

Each highlight remembers the hash of the section text it was made on. When a section's text
hash differs (a correction, a re-parse by a newer parser), the highlight is re-anchored with
:func:`models.anchoring.reanchor`: by position if the quote still matches there, else by quote
with context, else fuzzily or by its prefix and suffix. A re-parse replaces sections, so a
highlight that lost its section is looked for in every section of the page and placed only if
exactly one section claims it. What cannot be placed with confidence is *unanchored*: kept with
its old quote and offsets, listed, never painted on other words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from models.anchoring import Anchor, make_anchor, reanchor

#: Characters of a neighbour that must be found in a section for it to be searched at all.
_PROBE = 6


@dataclass(frozen=True)
class StoredAnchor:
    """What the library holds about where a highlight was."""

    id: int
    section_id: int | None
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    text_hash: str
    anchored: bool


def anchor_columns(section_id: int, anchor: Anchor) -> dict[str, Any]:
    """The highlight columns that say where it sits: its section and the anchor's selectors."""
    return {
        "section": section_id,
        "start": anchor.start,
        "end": anchor.end,
        "exact": anchor.exact,
        "prefix": anchor.prefix,
        "suffix": anchor.suffix,
        "text_hash": anchor.text_hash or "",
    }


@dataclass(frozen=True)
class Placement:
    """The outcome for one highlight whose stored anchor no longer fits the text."""

    id: int
    #: Index of the section it now sits in, and where; ``None``: unanchored.
    section: int | None
    anchor: Anchor | None
    #: True when an unanchored highlight fits its text again (e.g. a correction was undone).
    recovered: bool = False


def place_all(
    texts: Sequence[str], hashes: Sequence[str], section_ids: Sequence[int], stored: Sequence[StoredAnchor]
) -> list[Placement]:
    """Placements for the highlights whose section text changed; unchanged ones are left out."""
    index = {section_id: i for i, section_id in enumerate(section_ids)}
    out: list[Placement] = []
    for anchor in stored:
        own = index.get(anchor.section_id) if anchor.section_id is not None else None
        if own is not None and anchor.text_hash == hashes[own]:
            if not anchor.anchored and anchor.end <= len(texts[own]):
                out.append(Placement(anchor.id, own, None, recovered=True))
            continue
        out.append(_place(texts, own, anchor))
    return out


def _place(texts: Sequence[str], own: int | None, stored: StoredAnchor) -> Placement:
    if own is not None:
        # Corrections keep sections: the words are in this section or nowhere.
        where = reanchor(texts[own], stored.exact, stored.prefix, stored.suffix, stored.start)
        if where is None:
            return Placement(stored.id, None, None)
        return Placement(stored.id, own, make_anchor(texts[own], *where))
    found: list[tuple[int, tuple[int, int]]] = []
    for i, text in enumerate(texts):
        if not _may_hold(text, stored):
            continue
        where = reanchor(text, stored.exact, stored.prefix, stored.suffix, stored.start)
        if where is not None:
            found.append((i, where))
    if len(found) > 1:
        # Two sections claim it: keep the one that holds the whole old neighbourhood, if just one does.
        whole = stored.prefix + stored.exact + stored.suffix
        found = [(i, w) for i, w in found if whole in texts[i]]
    if len(found) != 1:
        return Placement(stored.id, None, None)
    i, where = found[0]
    return Placement(stored.id, i, make_anchor(texts[i], *where))


def _may_hold(text: str, stored: StoredAnchor) -> bool:
    """A cheap test before the full search: some piece of the quote or its neighbours is here."""
    if stored.exact in text:
        return True
    probes = [stored.prefix[-_PROBE:], stored.suffix[:_PROBE], stored.exact[:_PROBE], stored.exact[-_PROBE:]]
    return any(len(p) >= 3 and p in text for p in probes)
