"""A reader's place follows its words when a colleague's edit changes the page under it.

When the page is read again after another editor's correction or structure edit, a caret kept
as (section, offset) would stand on other words once text was inserted before it. Places are
followed as highlights follow theirs (:mod:`models.proofreading.highlights`): by the raw
character beside them, which a correction never moves (a corrected word's replacement shows
the raw characters it replaced, so a place before a corrected word stays before it). Where that
character is gone (the colleague deleted it), the words around the place are found again with
the quote anchoring of issue 5 (:func:`models.anchoring.resolve.reanchor`), which the
highlights use for the same case. What cannot be found with confidence is None: the caller
keeps the old offset, inside the section.
"""

from __future__ import annotations

from collections.abc import Sequence

from models.proofreading.layout import PageLayout

#: Characters on each side of a place that the quote fallback looks for.
QUOTE = 4

Place = tuple[int, int]  # (section, code-point offset in its text)


def follow_places(before: PageLayout, after: PageLayout, places: Sequence[Place]) -> list[Place | None]:
    """Where each place of the page as it read (``before``) stands now (``after``), on the same words."""
    shown = _shown(after)
    return [_follow(before, after, shown, place) for place in places]


def _shown(after: PageLayout) -> dict[int, list[tuple[bool, int, int]]]:
    """Raw offset -> (is the raw character itself, section, position) of every character shown."""
    out: dict[int, list[tuple[bool, int, int]]] = {}
    for section, blocks in enumerate(after.blocks):
        for block in blocks:
            for i, (raw, origin) in enumerate(zip(block.text.source, block.origins, strict=True)):
                out.setdefault(raw, []).append((origin == -1, section, block.start + i))
    return out


def _follow(
    before: PageLayout, after: PageLayout, shown: dict[int, list[tuple[bool, int, int]]], place: Place
) -> Place | None:
    section, offset = place
    if not 0 <= section < len(before.blocks):
        return None
    sources = before.char_sources(section)
    offset = max(0, min(offset, len(sources)))
    # The character after the place: the place goes before it, wherever it is shown now.
    if offset < len(sources) and sources[offset] is not None:
        found = _best(shown.get(sources[offset], ()), section, first=True)
        if found is not None:
            return found
    # Else the character before it (a place at a paragraph's end): the place goes after it.
    if offset > 0 and sources[offset - 1] is not None:
        found = _best(shown.get(sources[offset - 1], ()), section, first=False)
        if found is not None:
            return found[0], found[1] + 1
    return _by_quote(before, after, place)


def _best(where: Sequence[tuple[bool, int, int]], section: int, first: bool) -> Place | None:
    """The position showing a raw character: the raw character itself over a replacement or an
    insertion beside it (an insertion maps to its point, the character after it), its own
    section over another; the first (or last) of a replacement's characters."""
    if not where:
        return None
    ranked = sorted(where, key=lambda w: (not w[0], w[1] != section, w[2] if first else -w[2]))
    _, s, position = ranked[0]
    return s, position


def _by_quote(before: PageLayout, after: PageLayout, place: Place) -> Place | None:
    """The words after (else before) the place found again by the highlights' quote anchoring."""
    from models.anchoring.resolve import reanchor
    from models.anchoring.selectors import make_anchor

    section, offset = place
    old = before.texts()[section]
    texts = after.texts()
    order = [section] + [s for s in range(len(texts)) if s != section] if section < len(texts) else []
    for start, end, edge in ((offset, offset + QUOTE, 0), (offset - QUOTE, offset, 1)):
        start, end = max(0, start), min(len(old), end)
        if start >= end:
            continue
        anchor = make_anchor(old, start, end)
        for s in order:
            found = reanchor(
                texts[s], anchor.exact, anchor.prefix, anchor.suffix, start if s == section else None
            )
            if found is not None:
                return s, found[edge]
    return None
