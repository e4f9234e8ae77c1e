"""Group paragraphs and title units into articles, wherever each headline was printed.

OCR pages print a headline above its article or, as often, below it; two articles may
also meet with no headline between them. Every article has one headline, so the
page is decoded as a whole (a beam search over the sequence of paragraphs and title
units), weighing the cues a reader uses: a dateline or byline opens an article, a
closing note or a photo credit ends one, the column width changes between articles,
and a headline shares words with its article's lead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from models.parser.lines import Line
from models.parser.titles import is_byline, is_closing_note, is_credit, is_label, starts_with_dateline
from models.text import MappedText

#: Costs of the decoder, in units of "one weak cue". Negative evidence adds, positive
#: evidence subtracts; the cheapest reading of the page wins.
HEADLESS = 2.5  # an article with no headline at all
HEADING_ONLY = 4.0  # a headline with no article next to it
NEW_ARTICLE = 2.5  # an article boundary with no headline between the paragraphs
DATELINE_OPENS = 3.0  # a dateline (本报北京2月12日电) opens an article
BYLINE_OPENS = 0.5  # a byline (本报记者 …) opens an article, or one story of a feature
CAPTION_OPENS = 2.0  # a short paragraph with 图为 is a photo caption, a unit of its own
NOTE_CLOSES = 2.5  # a closing note (（本报柏林2月11日电）, （李英姿参与采写）) ends an article
WIDTH_CHANGE = 1.5  # the column width changes between two paragraphs
SIMILARITY = 4.0  # weight of the headline/lead word overlap
EXPECTED_SIMILARITY = 0.15  # a headline shares at least this much with its article's lead
LABEL_LEADS = 1.0  # a unit label (区招商局：…) introduces the article under it
LABEL_OPENS = 2.5  # a standing label (核心阅读, 编者的话) opens the article under it
INTERTITLE = 2.0  # a title line kept as a paragraph inside an article (a 小标题)
SAME_COLUMN = 1.0  # a headline between paragraphs set in the same column width


@dataclass
class Item:
    kind: str  # "para" or "title"
    lines: list[Line]
    text: str = ""
    column: float = 0.0
    own_column: float | None = None  # the width its own full lines show, if it has enough
    mapped: MappedText | None = None  # the reflowed text, once made
    same_column: bool = False  # a title with paragraphs of one column width on both sides
    byline_follows: bool = False  # the paragraph after this title is a byline
    byline: bool = False
    head_odds: float | None = None  # the line model's log-odds that a proposed title is a headline

    @cached_property
    def closes_article(self) -> bool:
        return self.kind == "para" and is_closing_note(self.text)

    @cached_property
    def opener_strength(self) -> float:
        if self.kind != "para":
            return 0.0
        if starts_with_dateline(self.text):
            return DATELINE_OPENS
        if "图为" in self.text and len(self.text) < 250:
            return CAPTION_OPENS
        return BYLINE_OPENS if self.byline else 0.0


@dataclass
class Article:
    heading: Item | None = None
    items: list[Item] = field(default_factory=list)  # paragraphs (and intertitles) in order


@lru_cache(maxsize=4096)
def _bigrams(text: str) -> frozenset[str]:
    han = [c for c in text if "\u3400" <= c <= "\u9fff"]
    return frozenset(a + b for a, b in zip(han, han[1:]))


_COLUMN_TAG = re.compile(r"[（(][^（()）]{2,20}[）)]\s*$")


def similarity(title: str, lead: str) -> float:
    """Share of the headline's character bigrams found in the article's opening.

    A column tag such as （人民论坛） names the series, not the story, so it is left out.
    """
    t = _bigrams(_COLUMN_TAG.sub("", title.strip()))
    if not t:
        return 0.0
    return len(t & _bigrams(lead)) / len(t)


def lead_text(items: list[Item], size: int = 300) -> str:
    """An article's opening: its first paragraphs, up to ``size`` characters."""
    # An epigraph (quotations signed ——习近平) is not the story's lead: skip past it.
    for i, it in enumerate(items[:5]):
        if it.text.replace(" ", "").startswith(("——", "—")) and i + 1 < len(items):
            items = items[i + 1 :]
            break
    out = ""
    for it in items:
        out += it.text
        if len(out) >= size:
            break
    return out[:size]


def _attach_cost(title: str, items: list[Item]) -> float:
    """Cost of a headline over these paragraphs: low when it shares words with their lead."""
    lead = lead_text(items)
    if any(is_credit(it.text) for it in items[-2:]):
        return 0.0  # a photo caption's title (图片报道) need not repeat its words
    return SIMILARITY * (EXPECTED_SIMILARITY - similarity(title, lead))


def _caption_ended(article: Article) -> float:
    """A photo caption (a few paragraphs ending in a credit such as 谢尚国摄) is over."""
    items = [it for it in article.items if it.kind == "para"]
    if items and len(items) <= 4 and is_credit(items[-1].text):
        return NOTE_CLOSES
    return 0.0


def _ends_with_attribution(article: Article) -> bool:
    if not article.items:
        return False
    return article.items[-1].text.replace(" ", "").startswith(("——", "—"))


def _never_headline(text: str) -> bool:
    t = text.replace(" ", "")
    return is_label(t) or t.startswith(("——", "—"))


def _has_label(title: str) -> bool:
    head = title[:14]
    return "：" in head or ":" in head


#: A title the line model proposed costs LEARNED_BASE − LEARNED_SLOPE × its headline log-odds as a headline.
LEARNED_SLOPE = 1.0
LEARNED_BASE = -0.5


def _intertitle_cost(item: Item) -> float:
    if item.head_odds is not None:
        return 0.0
    text = item.text.replace(" ", "")
    cost = INTERTITLE
    if len(item.lines) > 1:
        cost += 1.5
    if text.endswith(("——", "：", "—")):
        return 0.5  # a lead-in with no headline after it introduces the paragraphs below
    if text.startswith(("——", "—")) or is_label(text):
        return 0.0  # an attribution (——习近平), a sign-off (——编 者), a label: never a headline
    if item.same_column and item.byline_follows:
        return 0.5  # one story of a feature, with its own title and reporter, in the same column
    if text.endswith(("）", ")")):
        cost += 3.0
    if len(text) > 24:
        cost += 1.5
    return cost


def _new_article_cost(prev: Item | None, item: Item) -> float:
    cost = NEW_ARTICLE
    cost -= item.opener_strength
    if prev is not None and prev.closes_article:
        cost -= NOTE_CLOSES
    if prev is not None and prev.column and item.column and abs(prev.column - item.column) >= 1:
        cost -= WIDTH_CHANGE
    return cost


#: Hypotheses kept per decoder state. The cost of a headline depends on the lead of the
#: article it ends up on, so the best path to a state is not always the best path through it.
BEAM = 8


def decode_articles(items: list[Item]) -> list[Article]:
    """Assign every paragraph and title unit to an article (see the module docstring).

    States: "closed" (no article open), "open" (an article with paragraphs and no
    headline yet), "h_empty" (a headline waiting for its paragraphs), "h_paras".
    """
    Hyp = tuple[float, list[Article], str]
    hyps: list[Hyp] = [(0.0, [], "closed")]
    prev_para: Item | None = None
    for item in items:
        new: list[Hyp] = []

        def offer(state: str, cost: float, arts: list[Article], new: list[Hyp] = new) -> None:
            new.append((cost, arts, state))

        # A standing label (核心阅读) or an attribution (——习近平) heads no article.
        not_headline = 2 * LABEL_OPENS if item.kind == "title" and _never_headline(item.text) else 0.0
        if item.kind == "title" and item.head_odds is not None:
            # The line model's log-odds weigh for (or against) every reading as a headline.
            not_headline += LEARNED_BASE - LEARNED_SLOPE * item.head_odds
        for cost, arts, state in hyps:
            cost += not_headline  # taken back below wherever the title stays in the text
            if item.kind == "title":
                if state == "closed":
                    offer("h_empty", cost, arts + [Article(heading=item)])
                    if item.head_odds is not None:
                        offer("open", cost + _intertitle_cost(item), arts + [Article(items=[item])])
                    if is_label(item.text):
                        offer("open", cost - not_headline, arts + [Article(items=[item])])
                elif state == "open":
                    cur = arts[-1]
                    trail = arts[:-1] + [Article(heading=item, items=cur.items)]
                    boundary = SAME_COLUMN if item.same_column else 0.0
                    offer("closed", cost + boundary + _attach_cost(item.text, cur.items), trail)
                    offer("h_empty", cost + boundary + HEADLESS, arts + [Article(heading=item)])
                    offer(
                        "open",
                        cost - not_headline + _intertitle_cost(item),
                        arts[:-1] + [Article(None, cur.items + [item])],
                    )
                    if is_label(item.text):
                        offer(
                            "open",
                            cost - not_headline + HEADLESS + NEW_ARTICLE - LABEL_OPENS,
                            arts + [Article(items=[item])],
                        )
                    if _ends_with_attribution(cur):
                        # An epigraph (a quotation signed ——习近平) set above its article's
                        # headline: the article runs on under the headline.
                        offer("h_paras", cost, arts[:-1] + [Article(item, cur.items)])
                elif state == "h_empty":
                    cur = arts[-1]
                    offer("h_empty", cost + HEADING_ONLY, arts + [Article(heading=item)])
                    # A label such as 编者的话 or 核心阅读 opening the article under its headline.
                    offer(
                        "h_paras",
                        cost - not_headline + _intertitle_cost(item),
                        arts[:-1] + [Article(cur.heading, [item])],
                    )
                elif state == "h_paras":
                    cur = arts[-1]
                    offer(
                        "h_empty",
                        cost + (SAME_COLUMN if item.same_column else 0.0),
                        arts + [Article(heading=item)],
                    )
                    offer(
                        "h_paras",
                        cost - not_headline + _intertitle_cost(item),
                        arts[:-1] + [Article(cur.heading, cur.items + [item])],
                    )
                    if is_label(item.text):
                        offer(
                            "open",
                            cost - not_headline + NEW_ARTICLE - LABEL_OPENS,
                            arts + [Article(items=[item])],
                        )
            else:
                new_cost = _new_article_cost(prev_para, item)
                keep_cost = item.opener_strength + (
                    NOTE_CLOSES if prev_para and prev_para.closes_article else 0.0
                )
                if state == "closed":
                    offer("open", cost, arts + [Article(items=[item])])
                elif state == "h_empty":
                    cur = arts[-1]
                    title = cur.heading.text if cur.heading else ""
                    attach = _attach_cost(title, [item]) - (LABEL_LEADS if _has_label(title) else 0.0)
                    offer("h_paras", cost + attach, arts[:-1] + [Article(cur.heading, [item])])
                elif state in ("open", "h_paras"):
                    cur = arts[-1]
                    ended = _caption_ended(cur)
                    offer(
                        state,
                        cost + keep_cost + ended,
                        arts[:-1] + [Article(cur.heading, cur.items + [item])],
                    )
                    close = HEADLESS if state == "open" else 0.0
                    offer("open", cost + close + new_cost - ended, arts + [Article(items=[item])])
        if item.kind == "para":
            prev_para = item
        hyps = _prune(new)
    final = []
    for cost, arts, state in hyps:
        end = {"open": HEADLESS, "h_empty": HEADING_ONLY}.get(state, 0.0)
        final.append((cost + end, arts))
    return min(final, key=lambda x: x[0])[1]


def _prune(hyps: list) -> list:
    """Keep the best hypothesis for each (state, start of the open article), BEAM per state."""
    best: dict[tuple[str, int], tuple] = {}
    for hyp in hyps:
        cost, arts, state = hyp
        start = 0
        if arts:
            first = arts[-1].items[0] if arts[-1].items else arts[-1].heading
            start = id(first)
        key = (state, start)
        if key not in best or cost < best[key][0]:
            best[key] = hyp
    per_state: dict[str, list] = {}
    for hyp in sorted(best.values(), key=lambda h: h[0]):
        kept = per_state.setdefault(hyp[2], [])
        if len(kept) < BEAM:
            kept.append(hyp)
    return [h for kept in per_state.values() for h in kept]


def make_para_item(lines: list[Line], text: str, column: float) -> Item:
    return Item("para", lines, text=text, column=column, byline=is_byline(text))
