"""Tone colours for pinyin: the common schemes learners know, and none.

"standard" is the scheme of MDBG and Dummitt's (1 red, 2 orange, 3 green, 4 blue,
neutral grey); "pleco" is Pleco's default (1 red, 2 green, 3 blue, 4 purple).
Dark themes get lighter shades of the same hues so they stay readable.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from ui.common.tooltips import escaped

SCHEMES = ("standard", "pleco", "none")

_COLOURS = {
    "standard": {1: "#d8231f", 2: "#d97a06", 3: "#2a9a2a", 4: "#2357d8", 5: "#7d7d7d"},
    "pleco": {1: "#e30000", 2: "#02b31c", 3: "#1510f0", 4: "#8900bf", 5: "#777777"},
}


def tone_colour(syllable: str, scheme: str, dark: bool = False) -> str | None:
    """The colour of a syllable in a scheme (None: the text's own colour)."""
    colours = _COLOURS.get(scheme)
    if colours is None or not syllable:
        return None
    from models.language.syllables import tone_of  # the language core loads after the first paint

    try:
        tone = tone_of(syllable)
    except (IndexError, ValueError):
        return None
    colour = colours.get(tone)
    if colour is None:
        return None
    return QColor(colour).lighter(165).name() if dark else colour


def coloured_syllables_html(
    syllables: list[str | None] | tuple[str | None, ...], scheme: str, dark: bool
) -> str:
    """Syllables as escaped HTML spans, each in its tone's colour, separated by spaces."""
    parts: list[str] = []
    for syllable in syllables:
        if not syllable:
            continue
        colour = tone_colour(syllable, scheme, dark)
        text = escaped(syllable)
        parts.append(f'<span style="color:{colour}">{text}</span>' if colour else text)
    return " ".join(parts)
