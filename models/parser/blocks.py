"""Cut a page into blocks (runs of lines between blank lines) and tell titles from body."""

from __future__ import annotations

from dataclasses import dataclass, field

from models.parser.lines import CLOSERS, Line, ends_sentence
from models.parser.paragraphs import ends_with_dateline, local_widths
from models.parser.title_blocks import MAX_LINES, block_features, title_logit
from models.parser.titles import MASTHEAD, is_byline, is_credit, is_note, is_title_line


@dataclass
class Block:
    lines: list[Line]
    kind: str = "body"  # body | title | byline | masthead
    learned: bool = False  # a title the line model proposed inside the body
    alone: bool = False  # a proposed line that could be no heading: a unit of its own

    @property
    def text(self) -> str:
        return "".join(ln.stripped for ln in self.lines)


@dataclass
class Run:
    """Consecutive body lines (blank lines dropped), or a title unit's lines."""

    kind: str
    lines: list[Line] = field(default_factory=list)


def cut_blocks(lines: list[Line]) -> list[Block]:
    blocks: list[Block] = []
    current: list[Line] = []
    for line in lines:
        if line.blank:
            if current:
                blocks.append(Block(current))
                current = []
        else:
            current.append(line)
    if current:
        blocks.append(Block(current))
    return [part for block in blocks for part in _split_bylines(block)]


def _split_bylines(block: Block) -> list[Block]:
    """A byline set right under a headline, with no blank line between, is a block of its own."""
    lines = block.lines
    if (
        len(lines) >= 2
        and is_byline(lines[-1].stripped)
        and all(is_title_line(ln.stripped) for ln in lines[:-1])
    ):
        return [Block(lines[:-1]), Block(lines[-1:])]
    return [block]


def classify_blocks(
    blocks: list[Block], weights: dict[str, float] | None = None, seen: list | None = None
) -> None:
    """Mark title, byline and masthead blocks; everything else stays body.

    With ``weights`` (a page with blank lines) a short block is a title when the fitted
    title model (``title_blocks``) says so, the grid rules' verdicts among its features;
    without, the rules decide alone. ``seen`` (training) collects each short block's
    features.
    """
    body_lines = [ln for b in blocks for ln in b.lines]
    columns = dict(zip((ln.index for ln in body_lines), local_widths(body_lines, radius=12)))
    prev_body: Line | None = None
    for i, block in enumerate(blocks):
        texts = [ln.stripped for ln in block.lines]
        if len(texts) == 1 and is_byline(texts[0]):
            block.kind = "byline"
        elif i == 0 and len(texts) == 1 and looks_like_masthead(block, blocks):
            block.kind = "masthead"
        else:
            rules = {}
            short = (
                len(texts) <= 4
                and all(is_title_line(t) for t in texts)
                and not is_note("".join(texts))
                and not texts[-1].endswith(("，", "、", "：", ":", ","))
            )
            if short:
                rules["continues"] = _continues(prev_body, columns)
                if not rules["continues"]:
                    rules["fragment"] = _is_body_fragment(block, columns)
                    rules["opening"] = _is_opening_line(i, blocks, columns)
            rules["legacy"] = short and not any(rules.values())
            if weights is not None and len(texts) <= MAX_LINES:
                features = block_features(blocks, i, columns, prev_body, rules)
                if seen is not None:
                    seen.append((block, features))
                if title_logit(features, weights) > 0:
                    block.kind = "title"
            elif rules["legacy"]:
                block.kind = "title"
        if block.kind == "body":
            prev_body = block.lines[-1]


def _continues(prev: Line | None, columns: dict[int, float]) -> bool:
    """A full line that ends mid-sentence runs on after the blank line (a column break)."""
    if prev is None:
        return False
    text = prev.stripped
    if ends_with_dateline(text):
        return True
    if ends_sentence(text) or is_credit(text) or is_byline(text) or is_note(text):
        return False
    # Body paragraphs end with a sentence; a line that does not, and nearly fills the
    # column (a first line is two characters short), is cut by the column break.
    return columns.get(prev.index, 0) - prev.width <= 3.5


def _is_body_fragment(block: Block, columns: dict[int, float]) -> bool:
    """Several lines that all fill the column are body text, not a heading."""
    if len(block.lines) < 2:
        return False
    for ln in block.lines:
        t = ln.stripped
        if t.startswith("——") or t.endswith(("——", "）", ")")):
            return False  # a subheading, a kicker, a column tag: a heading's marks
    first, rest = block.lines[0], block.lines[1:]
    short_first = columns.get(first.index, 0) - first.width
    return -1 <= short_first <= 3 and all(abs(columns.get(ln.index, 0) - ln.width) <= 1 for ln in rest)


def _is_opening_line(i: int, blocks: list[Block], columns: dict[int, float]) -> bool:
    """One indented-short line cut off from its paragraph by a column break.

    It fills the column less its indent, and the block after it carries on at full
    column width (under a headline, a body starts with an indented line instead).
    """
    block = blocks[i]
    if len(block.lines) != 1 or i + 1 >= len(blocks):
        return False
    line, nxt = block.lines[0], blocks[i + 1].lines[0]
    if line.stripped[-1] in CLOSERS or line.stripped.endswith(("—", "：")):
        return False  # a quoted or tagged headline (“敬礼！…”), a kicker (…——)
    column = columns.get(nxt.index, 0)
    return 1 <= column - line.width <= 3 and abs(column - nxt.width) <= 1


def looks_like_masthead(block: Block, blocks: list[Block]) -> bool:
    text = block.text.replace(" ", "")
    return len(text) <= 24 and bool(MASTHEAD.search(text)) and len(blocks) > 1
