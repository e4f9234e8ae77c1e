"""Parse an OCR'd page's raw text into sections in reading order.

The pipeline, one module a step:

1. ``lines``: split the raw text into lines and measure them against the column;
2. ``blocks``: cut at blank lines and tell title blocks (headlines, kickers, bylines,
   mastheads) from body text (a page without blank lines, as an OCR engine prints it,
   goes to ``engine`` instead: ``layout``'s line model labels every line and its
   decoding gives the title blocks and the articles they open);
3. ``paragraphs``: split each run of body lines into paragraphs from the column grid;
4. ``articles``: decode which paragraphs and headline form each article;
5. ``reflow``: join each paragraph's lines into clean text with a map to the raw text.

A page whose paragraphs are one line each (copied from a web page: ``unwrapped``'s fitted page
model says so) skips steps 2 and 3: each line is a paragraph or a headline's line
(``unwrapped``'s line models), step 4 reads them, and step 5 reflows each paragraph from its
one raw line.

Every non-space character of the raw text lands in exactly one field of one section.
"""

from __future__ import annotations

import statistics

from models.parser.article_model import decode_learned, ocr_model, paragraph_weights, title_weights
from models.parser.article_model import model_digest as article_digest
from models.parser.articles import Article, Item, lead_text, make_para_item, similarity
from models.parser.blocks import Block, classify_blocks, cut_blocks
from models.parser.engine import engine_sections
from models.parser.layout import model_digest
from models.parser.lines import HANGING, Line, ends_sentence, split_lines
from models.parser.ocr_blanks import is_ocr_blanks, without_blanks
from models.parser.paragraph_breaks import split_scored
from models.parser.paragraphs import local_widths, split_paragraphs
from models.parser.reflow import reflow, title_text
from models.parser.roundup import model_digest as roundup_digest
from models.parser.titles import folio_score, is_credit, is_folio, is_note, split_title
from models.parser.unwrapped import is_unwrapped, unwrapped_items
from models.parser.unwrapped import model_digest as unwrapped_digest
from models.section import ParsedPage, Section
from models.text import MappedText

#: Bumped whenever the parser's code may parse a page differently.
RULES_VERSION = 14
#: What made a page's sections: the code's version and the digests of the line model's
#: and the article model's weights (a retrained model changes it too). The library stores
#: it with each page; a page parsed by another version is stale and can be parsed again.
PARSER_VERSION = f"{RULES_VERSION}+{model_digest()}.{article_digest()}.{unwrapped_digest()}" + (
    f".{roundup_digest()}" if roundup_digest() else ""
)
#: Below this share of blank lines a page is laid out as an OCR engine prints it.
ENGINE_BLANKS = 0.02


def parse_page(raw: str) -> ParsedPage:
    """Parse a page's raw text (never modified) into sections in reading order."""
    lines, top, bottom = _furniture(split_lines(raw))
    page = _parse_lines(raw, lines)
    if top or bottom:
        page.sections = top + page.sections + bottom
    return page


def _furniture(lines: list[Line]) -> tuple[list[Line], list[Section], list[Section]]:
    """The page's lines less the page furniture OCR read in its margins (``folio_score``: a page
    number, a running header, a page's credit line), up to two lines at its top and two at its
    bottom, each kept as a section of its own (kind "other") above or below the page's articles.
    A bottom line that the body line right above it runs on into (no blank line between, no
    sentence ended) is that line's end, not furniture, unless it is a page number alone."""
    text = [i for i, ln in enumerate(lines) if not ln.blank]
    top: list[int] = []
    for i in text[:2]:
        if not is_folio(lines[i].stripped):
            break
        top.append(i)
    bottom: list[int] = []
    for i in reversed(text[len(top) :][-2:]):
        score = folio_score(lines[i].stripped, at_top=False)
        if score < 2:
            break
        above = lines[i - 1] if i > 0 else None
        if (
            score < 3
            and above is not None
            and not above.blank
            and not is_folio(above.stripped, at_top=False)
            and not ends_sentence(above.stripped)
            and not is_credit(above.stripped)
            and not is_note(above.stripped)
        ):
            break  # the line above runs on into it
        bottom.insert(0, i)
    if not top and not bottom or len(top) + len(bottom) == len(text):
        return lines, [], []
    cut = set(top + bottom)

    def kept(ids: list[int]) -> list[Section]:
        return [Section(kind="other", paragraphs=[reflow([lines[i]])]) for i in ids]

    # The lines left, numbered again from 0 (each step reads a line's number as its place in
    # the list), each still at its own offsets in the raw text.
    rest = [
        Line(k, ln.start, ln.end, ln.text, ln.ocr)
        for k, ln in enumerate(ln for i, ln in enumerate(lines) if i not in cut)
    ]
    return rest, kept(top), kept(bottom)


def _parse_lines(raw: str, lines: list[Line]) -> ParsedPage:
    """The page's sections from its lines (the page furniture set aside)."""
    if is_unwrapped(lines):
        # One line a paragraph (copied from a web page): each line is a paragraph or a
        # headline's line, read by the article decoder as a page with blank lines.
        return ParsedPage(raw=raw, sections=_unwrapped_sections(lines))
    ocr = ocr_model()
    if ocr and is_ocr_blanks(lines, ocr["gate"]):
        # Blank lines all Tesseract's (after most paragraphs' ends, none at a column break):
        # the page read without them, as the engine's page it was (``ocr_blanks``).
        lines = without_blanks(lines)
    if _engine_layout(lines):
        # An OCR engine's page (no blank lines): headlines stand in the body runs, where
        # the line model finds them.
        return ParsedPage(raw=raw, sections=engine_sections(lines))
    blocks = cut_blocks(lines)
    classify_blocks(blocks, title_weights())
    mastheads: list[Section] = []
    items: list[Item] = []
    for group in _group(blocks):
        kind = group[0].kind
        if kind == "masthead":
            mastheads.append(Section(kind="masthead", heading=title_text(group[0].lines)))
        elif kind == "title":
            # A run of proposed headline lines, with no blank line between, is one headline.
            for unit in _title_units(group):
                item = Item("title", unit)
                item.text = "".join(ln.stripped for ln in unit)
                items.append(item)
        else:
            items.extend(_paragraph_items(group))
    return ParsedPage(raw=raw, sections=mastheads + _article_sections(items))


def _unwrapped_sections(lines: list[Line]) -> list[Section]:
    masthead, items = unwrapped_items(lines)
    sections: list[Section] = []
    if masthead is not None:
        sections.append(Section(kind="masthead", heading=title_text([masthead])))
    return sections + _article_sections(items)


def _article_sections(items: list[Item]) -> list[Section]:
    """The articles the article model's fitted weights read from a page's title units and
    paragraphs (a page with blank lines, or one whose paragraphs are a line each)."""
    _mark_same_columns(items)
    if not items:
        return []
    return [_to_section(a) for a in _rehome_headlines(decode_learned(items))]


def _engine_layout(lines: list[Line]) -> bool:
    """Hardly a blank line between the page's first and last lines of text."""
    text = [ln.index for ln in lines if not ln.blank]
    if not text:
        return False
    inside = lines[text[0] : text[-1] + 1]
    return sum(ln.blank for ln in inside) < ENGINE_BLANKS * len(inside)


def _group(blocks: list[Block]) -> list[list[Block]]:
    """Consecutive blocks of the same family: body (with bylines) or title."""
    groups: list[list[Block]] = []
    for block in blocks:
        family = _family(block)
        if groups and family != "masthead" and _family(groups[-1][0]) == family:
            groups[-1].append(block)
        else:
            groups.append([block])
    return groups


def _family(block: Block) -> str:
    return "body" if block.kind in ("body", "byline") else block.kind


def _title_units(blocks: list[Block]) -> list[list]:
    """Split consecutive title blocks into headline units (kicker + heading + subheading)."""
    units: list[list] = []
    for block in blocks:
        text = block.text.replace(" ", "")
        if units:
            prev = "".join(ln.stripped for ln in units[-1]).replace(" ", "")
            kicker = prev.endswith(("——", "—", "：", ":"))
            sub = text.startswith(("——", "—")) and "——" not in prev
            # A kicker (引题) is set longer than its headline; a label such as 编者的话 is not a headline.
            longer = (
                len(units[-1]) == 1
                and len(prev) >= len(text) + 3
                and len(text) > 5
                and not prev.endswith(("）", ")"))
                and "——" not in prev
            )
            if kicker or sub or longer:
                units[-1].extend(block.lines)
                continue
        units.append(list(block.lines))
    return units


def _paragraph_items(blocks: list[Block]) -> list[Item]:
    body = [ln for b in blocks for ln in b.lines]
    columns = local_widths(body)
    col_of = {ln.index: c for ln, c in zip(body, columns)}
    items = []
    for para in _split_body(body, columns):
        mapped = reflow(para)
        own = _own_column(para)
        item = make_para_item(
            para, mapped.text, own or statistics.median(col_of[ln.index] for ln in para), mapped.source
        )
        item.own_column, item.mapped = own, mapped
        items.append(item)
    # A paragraph too short to show its column width is set in the column of the
    # paragraph before it or after it: whichever its indented first line fits.
    known = [it.own_column for it in items]
    for i, item in enumerate(items):
        if item.own_column is not None:
            continue
        before = next((w for w in reversed(known[:i]) if w is not None), None)
        after = next((w for w in known[i + 1 :] if w is not None), None)
        first = item.lines[0].width + 2
        if before is not None and (after is None or abs(first - before) < abs(first - after)):
            item.column = before
        elif after is not None:
            item.column = after
    return items


def _split_body(body: list[Line], columns: list[float]) -> list[list[Line]]:
    """A body run's paragraphs: the fitted break model's reading (the grid rules if no
    weights ship)."""
    weights = paragraph_weights()
    return split_scored(body, weights, columns) if weights else split_paragraphs(body, columns)


def _mark_same_columns(items: list[Item]) -> None:
    """Note the titles that sit between paragraphs of one column width (likely a 小标题)."""
    for i, item in enumerate(items):
        if item.kind != "title":
            continue
        before = next((it for it in reversed(items[:i]) if it.kind == "para"), None)
        after = next((it for it in items[i + 1 :] if it.kind == "para"), None)
        if before is not None and after is not None:
            item.same_column = abs(before.column - after.column) < 0.5
            item.byline_follows = after.byline


def _own_column(para: list) -> float | None:
    """The column width a paragraph's full lines show.

    Lines that end in punctuation are left out where possible: the mark may hang past
    the edge or sit inside it, so they measure the column only to within one.
    """
    inner = para[1:-1]
    if len(inner) < 2:
        return None
    plain = [ln.width for ln in inner if ln.stripped[-1:] not in HANGING]
    return statistics.median(plain) if plain else statistics.median(ln.width for ln in inner)


def _rehome_headlines(articles: list[Article]) -> list[Article]:
    """Second look at headlines the decoder could only place next to the wrong article.

    A headline printed far from its article (a page's lead story often has its
    headline set elsewhere) goes to the headless article whose lead it matches; a
    headline between a headless article and a photo caption goes to the one it matches.
    """

    def sim(heading: Item, article: Article) -> float:
        if not article.items:
            return 0.0
        text = lead_text(article.items)
        return max(similarity(line.stripped, text) for line in heading.lines)

    for art in list(articles):
        if art.heading is None:
            continue
        homeless = [a for a in articles if a.heading is None and a.items and not _is_caption(a)]
        if not homeless:
            break
        best = max(homeless, key=lambda a: sim(art.heading, a))
        if sim(art.heading, best) >= 0.5 and sim(art.heading, best) >= sim(art.heading, art) + 0.3:
            best.heading, art.heading = art.heading, None
    for before, after in zip(articles, articles[1:]):
        heading = after.heading
        if before.heading is None and heading is not None and _is_caption(after) and before.items:
            printed_between = heading.lines[0].index < after.items[0].lines[0].index if after.items else True
            if printed_between and sim(heading, before) > sim(heading, after):
                before.heading, after.heading = heading, None
    orphans = [a for a in articles if a.heading is not None and not a.items]
    for orphan in orphans:
        homeless = [a for a in articles if a.heading is None and a.items and not _is_caption(a)]
        if homeless:
            homeless[0].heading = orphan.heading
            articles.remove(orphan)
    # A headline that headed nothing where it stands and went to its article leaves nothing.
    return [a for a in articles if a.heading is not None or a.items]


def _is_caption(article: Article) -> bool:
    texts = [it.text for it in article.items]
    return any(is_credit(t) for t in texts) and sum(len(t) for t in texts) < 400


def _to_section(article: Article) -> Section:
    section = Section(kind="article")
    if article.heading is not None:
        for name, text in split_title(article.heading.lines).items():
            setattr(section, name, text)
    paragraphs: list[MappedText] = []
    for item in article.items:
        text = item.mapped if item.mapped is not None else reflow(item.lines)
        if item.kind == "para" and item.byline and section.byline is None and not paragraphs:
            section.byline = title_text(item.lines)
            continue
        paragraphs.append(text)
    section.paragraphs = paragraphs
    if _is_caption(article):
        section.kind = "caption"
    return section


__all__ = ["PARSER_VERSION", "parse_page"]
