"""Articles of a page as an OCR engine prints it (one printed line a line, no blank lines).

The line model (:mod:`models.parser.layout`) reads the page as one consistent sequence of
line labels (Viterbi over its label transitions): a title block's first line (B) opens an
article, its later lines (I) go on with the title, and the body lines after it are the
article's text until the next title block, split into paragraphs by the column-grid rules
(``paragraphs``) within the article. Lines before the page's first title are the end of
an article carried over from an earlier page (no headline).
"""

from __future__ import annotations

from collections.abc import Sequence

from models.parser.layout import read_lines
from models.parser.lines import Line
from models.parser.paragraphs import split_paragraphs
from models.parser.reflow import reflow, title_text
from models.parser.titles import is_byline, is_credit, split_title
from models.section import Section

#: A photo caption is a short unit closed by a credit (谢尚国摄).
CAPTION_CHARS = 400


def engine_sections(lines: Sequence[Line], labels: dict[int, str] | None = None) -> list[Section]:
    """The page's articles in reading order, from the line model's labels (or these, by
    line index)."""
    if labels is None:
        labels = read_lines(lines)[0]
    units: list[tuple[list[Line], list[Line]]] = []  # (title lines, body lines)
    for line in lines:
        if line.blank:
            continue
        label = labels[line.index]
        if label == "B" or (label == "I" and (not units or units[-1][1] or not units[-1][0])):
            units.append(([line], []))
        elif label == "I":
            units[-1][0].append(line)
        elif not units:
            units.append(([], [line]))
        else:
            units[-1][1].append(line)
    return [_section(title, body) for title, body in units]


def _section(title: list[Line], body: list[Line]) -> Section:
    """An article: its title split into kicker, heading and subheading; its body split into
    paragraphs by the column-grid rules, which read the article's own column."""
    section = Section(kind="article")
    if title:
        for name, text in split_title(title).items():
            setattr(section, name, text)
    paras = split_paragraphs(body) if body else []
    texts = ["".join(ln.stripped for ln in p) for p in paras]
    if paras and is_byline(texts[0]):
        section.byline = title_text(paras[0])
        paras = paras[1:]
    section.paragraphs = [reflow(p) for p in paras]
    if any(is_credit(t) for t in texts) and sum(len(t) for t in texts) < CAPTION_CHARS:
        section.kind = "caption"
    return section


__all__ = ["engine_sections"]
