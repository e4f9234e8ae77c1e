"""Articles of a page as an OCR engine prints it (one printed line a line, no blank lines).

The line model (:mod:`models.parser.layout`) reads the page as one consistent sequence of
line labels (Viterbi over its label transitions): a title block's first line (B) opens an
article, its later lines (I) go on with the title, and the body lines after it, paragraph
by paragraph (P or S opens one, C carries it on), are the article's text until the next
title block. Lines before the page's first title are the end of an article carried over
from an earlier page (no headline).
"""

from __future__ import annotations

from collections.abc import Sequence

from models.parser.layout import label_page
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
    body = [ln for ln in lines if not ln.blank]
    if labels is None:
        labels = label_page(lines)
    units: list[tuple[list[Line], list[list[Line]]]] = []  # (title lines, paragraphs)
    for line in body:
        label = labels[line.index]
        if label == "B" or (label == "I" and (not units or units[-1][1] or not units[-1][0])):
            units.append(([line], []))
        elif label == "I":
            units[-1][0].append(line)
        elif not units:
            units.append(([], [[line]]))
        elif label in ("P", "S") or not units[-1][1]:
            units[-1][1].append([line])
        else:
            units[-1][1][-1].append(line)
    return [_section(title, paras) for title, paras in units]


def _section(title: list[Line], paras: list[list[Line]]) -> Section:
    section = Section(kind="article")
    if title:
        for name, text in split_title(title).items():
            setattr(section, name, text)
    texts = [p for p in paras]
    if texts and is_byline("".join(ln.stripped for ln in texts[0])):
        section.byline = title_text(texts[0])
        texts = texts[1:]
    lines = [ln for p in texts for ln in p]
    section.paragraphs = [reflow(p) for p in split_paragraphs(lines)] if lines else []
    flat = ["".join(ln.stripped for ln in p) for p in paras]
    if flat and any(is_credit(t) for t in flat) and sum(len(t) for t in flat) < CAPTION_CHARS:
        section.kind = "caption"
    return section


__all__ = ["engine_sections"]
