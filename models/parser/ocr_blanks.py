"""Pages whose blank lines are all Tesseract's (after sentences' and paragraphs' ends), read without them.

Tesseract 5 (chi_sim, ``--psm 6``) reads a page with a blank line after most paragraphs' last
line and after some paragraphs' first line, besides the page's own blank lines (column breaks,
around titles; docs/parser.md). The parser reads a blank line as a column break before a title
block, so a page printed without blank lines (one an OCR engine prints a line a line) and read
so lost four fifths of its articles. A small logistic model over the page's blank lines
(``page_features``: how often a blank line follows each kind of line, and how often a full
line ending no sentence, a column break), fitted by ``tools/train_articles.py`` on pages laid
out so by ``tools/relayout.py`` (``ocr_blanks``) and on pages with blank lines of their own
(``article_model.json``'s ``ocr_blanks``), tells a page whose blank lines are all Tesseract's;
such a page is read without them (``without_blanks``: the lines left keep their raw offsets),
as the page without blank lines it was. Any other page is parsed as before.

A page with Tesseract's blank lines beside its own (column breaks, titles set apart) is not
told: it is parsed as before (docs/parser.md, "Tesseract's blank lines").
"""

from __future__ import annotations

import math

from models.parser.lines import Line, ends_sentence
from models.parser.paragraphs import local_widths


def page_features(lines: list[Line]) -> dict[str, float]:
    """How often a blank line follows each kind of line: one ending a sentence short of the
    column (a paragraph's last line; print sets a blank line before about three paragraphs in
    ten, Tesseract after most), one two characters short ending none (a first line whose
    indent was dropped: Tesseract now and then, print seldom), one that fills the column ending
    none (inside a paragraph), one that fills it ending no sentence (a column break: Tesseract
    seldom adds one there); how many blank lines the page has a line, and
    the share of them a title-like line follows (short, ending no sentence: print sets blank
    lines around titles, Tesseract after body text too)."""
    text = [ln for ln in lines if not ln.blank]
    f: dict[str, float] = {"bias": 1.0}
    if len(text) < 2:
        return f
    columns = dict(zip((ln.index for ln in text), local_widths(text)))
    counts = {"end": [0, 0], "first": [0, 0], "full": [0, 0]}

    def title_like(ln: Line) -> bool:
        return not ln.blank and not ends_sentence(ln.stripped) and columns.get(ln.index, 0.0) - ln.width > 3

    blanks = titled = ended = ended_titled = 0
    breaks = [0, 0]  # full lines ending no sentence; those a blank line follows (column breaks)
    for z, a, b in zip(lines, lines[1:], lines[2:]):
        if a.blank and not b.blank and not z.blank:
            # the line after a blank line: a title's (short, ends no sentence) or body text's,
            # after a line ending a sentence or any line
            titled += title_like(b)
            if ends_sentence(z.stripped):
                ended += 1
                ended_titled += title_like(b)
    for a, b in zip(lines, lines[1:]):
        if a.blank or a.index >= text[-1].index:
            continue
        short = columns.get(a.index, 0.0) - a.width
        ends = ends_sentence(a.stripped)
        kind = "end" if ends and short >= 1.5 else "first" if not ends and 1.5 <= short <= 3 else "full"
        if not ends and short > 3:
            continue  # a title's or a label's line
        counts[kind][0] += 1
        counts[kind][1] += b.blank
        blanks += b.blank
        if kind == "full" and not ends:
            breaks[0] += 1
            breaks[1] += b.blank
    f["per_line"] = min(blanks / len(text), 1.0)
    f["before_title"] = min((titled + 0.5) / (blanks + 2), 1.0)
    f["end_title"] = (ended_titled + 0.5) / (ended + 2)
    for kind, (n, k) in counts.items():
        f[f"{kind}_blank"] = (k + 0.5) / (n + 2)  # a share, drawn to a half where few lines say
    # Tesseract's blank lines after paragraphs' ends and after their first lines go together.
    f["end_first"] = f["end_blank"] * f["first_blank"]
    f["breaks"] = (breaks[1] + 0.1) / (breaks[0] + 2)
    return f


def gate_logit(features: dict[str, float], weights: dict[str, float]) -> float:
    return sum(weights.get(k, 0.0) * v for k, v in features.items())


def is_ocr_blanks(lines: list[Line], weights: dict[str, float] | None) -> bool:
    """Does the fitted page model read the page's blank lines as Tesseract's? (False when
    no weights ship.)"""
    if not weights:
        return False
    features = page_features(lines)
    if not features.get("per_line"):
        # No blank line after a body line: the page's blank lines (if any) are beside its
        # titles, its own; Tesseract's follow body lines. (The shares, drawn to their priors
        # on so little evidence, say nothing here.)
        return False
    z = gate_logit(features, weights)
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0))) > 0.5


def without_blanks(lines: list[Line]) -> list[Line]:
    """The page's lines less its blank lines, numbered again from 0 (each step reads a line's
    number as its place in the list), each still at its own offsets in the raw text."""
    kept = (ln for ln in lines if not ln.blank)
    return [Line(k, ln.start, ln.end, ln.text, ln.ocr) for k, ln in enumerate(kept)]


__all__ = ["gate_logit", "is_ocr_blanks", "page_features", "without_blanks"]
