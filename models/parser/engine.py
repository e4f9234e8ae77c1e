"""Articles of a page as an OCR engine prints it (one printed line a line, no blank lines).

The line model (:mod:`models.parser.layout`) reads the page as one consistent sequence of
line labels (Viterbi over its label transitions): a title block's first line (B) opens an
article, its later lines (I) go on with the title, and the body lines after it are the
article's text until the next title block, split into paragraphs within the article by the
fitted paragraph-break model (``paragraph_breaks``, the weights pages with blank lines use;
the column-grid rules of ``paragraphs`` if none ship). Lines before the page's first title are the end of
an article carried over from an earlier page (no headline).
"""

from __future__ import annotations

from collections.abc import Sequence
from types import EllipsisType

import numpy as np

from models.parser import roundup
from models.parser.article_model import paragraph_weights
from models.parser.layout import line_scores, line_texts, model
from models.parser.lines import Line
from models.parser.paragraph_breaks import split_scored
from models.parser.paragraphs import split_paragraphs
from models.parser.placement import place, stretches
from models.parser.reflow import reflow, title_text
from models.parser.titles import is_byline, is_credit, split_title
from models.section import Section

#: A photo caption is a short unit closed by a credit (谢尚国摄).
CAPTION_CHARS = 400


def engine_sections(
    lines: Sequence[Line],
    labels: dict[int, str] | None = None,
    placement: np.ndarray | EllipsisType | None = ...,
    cache: dict | None = None,
) -> list[Section]:
    """The page's articles in reading order, from the line model's labels (or these, by
    line index), each headline placed over the text below it or the text above it by the
    placement weights (the shipped model's, or these; None: every headline heads the text below).

    ``cache``: the articles already made of these lines, by their title and body lines
    (training reads one page many ways; the sections are shared, not copied)."""
    body = [ln for ln in lines if not ln.blank]
    if placement is ...:
        placement = model().placement
    if labels is None:
        units = _reading(lines, body, placement)
    else:
        units = _units(body, [labels[ln.index] for ln in body], placement)
    if cache is None:
        return [_section(title, body) for title, body in units]
    out = []
    for title, text in units:
        key = (tuple(ln.index for ln in title), tuple(ln.index for ln in text))
        if key not in cache:
            cache[key] = _section(title, text)
        out.append(cache[key])
    return out


def _units(
    body: Sequence[Line], seq: Sequence[str], placement: np.ndarray | None
) -> list[tuple[list[Line], list[Line]]]:
    """The page's articles as (title lines, body lines), from the lines' labels, each headline
    placed over the text below it or above it."""
    blocks, stretch = stretches(seq)
    ups = [False] * len(blocks)
    if placement is not None:
        ups = place(line_texts(body), blocks, stretch, placement)
    units: list[tuple[list[Line], list[Line]]] = []  # (title lines, body lines)
    title: list[Line] = []
    text = [body[k] for k in stretch[0]]
    for i, block in enumerate(blocks):
        if ups[i] and not title and text:
            units.append(([body[k] for k in block], text))
            title, text = [], [body[k] for k in stretch[i + 1]]
            continue
        if title or text:
            units.append((title, text))
        title, text = [body[k] for k in block], [body[k] for k in stretch[i + 1]]
    if title or text:
        units.append((title, text))
    return units


def _reading(
    lines: Sequence[Line], body: Sequence[Line], placement: np.ndarray | None
) -> list[tuple[list[Line], list[Line]]]:
    """The page's articles as the decoder reads its lines, or, on a page with labelled runs and
    a round-up re-ranker shipped on, as the reading it picks reads them (``roundup``)."""
    if not body:
        return []
    emit, _breaks = line_scores(lines)
    m = model()
    base = m.viterbi(emit)
    rerank = roundup.model()
    probe = roundup.probing()  # training only (tools/train_roundup.py)
    if (rerank is None or not rerank.on) and probe is None:
        return _units(body, base, placement)
    texts = [ln.stripped for ln in body]
    runs = roundup.labelled_runs(texts, [ln.width for ln in body])
    seqs = roundup.readings(m, emit, base, runs) if runs else [base]
    if len(seqs) == 1:
        return _units(body, base, placement)
    top = roundup.path_score(m, emit, base)
    readings, rows = [], []
    for seq in seqs:
        units = _units(body, seq, placement)
        readings.append(units)
        arts = [("".join(ln.stripped for ln in t), "".join(ln.stripped for ln in b)) for t, b in units]
        rows.append(roundup.features(texts, seq, base, runs, roundup.path_score(m, emit, seq) - top, arts))
    x = np.vstack(rows)
    if probe is not None:
        probe[1].append(x)
        pick = min(probe[0], len(seqs) - 1)
    else:
        assert rerank is not None
        pick = int(np.argmax(x @ rerank.weights))
    return readings[pick]


def split_body(body: Sequence[Line]) -> list[list[Line]]:
    """An article's body lines as paragraphs: the fitted break model's reading (the grid
    rules if no weights ship)."""
    weights = paragraph_weights()
    return split_scored(body, weights) if weights else split_paragraphs(body)


def _section(title: list[Line], body: list[Line]) -> Section:
    """An article: its title split into kicker, heading and subheading; its body split into
    paragraphs by the fitted break model (or the column-grid rules), reading the article's own column."""
    section = Section(kind="article")
    if title:
        for name, text in split_title(title).items():
            setattr(section, name, text)
    paras = split_body(body) if body else []
    texts = ["".join(ln.stripped for ln in p) for p in paras]
    if paras and is_byline(texts[0]):
        section.byline = title_text(paras[0])
        paras = paras[1:]
    section.paragraphs = [reflow(p) for p in paras]
    if any(is_credit(t) for t in texts) and sum(len(t) for t in texts) < CAPTION_CHARS:
        section.kind = "caption"
    return section


__all__ = ["engine_sections", "split_body"]
