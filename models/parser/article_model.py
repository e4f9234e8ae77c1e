"""Articles on a page with blank lines: a scored reading of paragraphs and title units.

Which paragraphs and headline make each article is decided by a beam search over the
page's items (paragraphs and title units, in printed order), like ``articles``'s
decoder, but every choice is scored by features with FITTED weights instead of
hand-set costs: an article boundary between two paragraphs (dateline, byline, photo
caption, closing note, credit, page furniture such as 图片说明： or 版式设计： that belongs
to the article above, column-width change, blank line, how short the last
line is, words shared with the article so far), a title unit read as a headline or kept
as a paragraph (a 小标题: length, quotes, brackets, dashes, blank lines, neighbours'
column width), a headline attached to the article above it (printed after its
body) or below it (words shared with either lead), or heading nothing where it stands
(its article printed elsewhere on the page; ``_rehome_headlines`` takes it there).

The weights (``resources/parser/article_model.json``) are fitted by a structured
perceptron on the dev pages, relaid-out pages and the seed page (``tools/train_articles.py``).
A reading's cost is the weights' dot product with its features; the cheapest wins.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from models.parser.articles import (
    _COLUMN_TAG,
    Article,
    Item,
    _bigram_codes,
    _bigrams,
    _ends_with_attribution,
    _has_label,
    _joined_codes,
    _never_headline,
    lead_text,
    similarity,
)
from models.parser.cohesion import Cohesion
from models.parser.lines import OPENERS, ends_sentence
from models.parser.titles import is_closing_note, is_credit, is_label, starts_with_dateline
from models.resources import resource_digest, resource_path

MODEL_FILE = ("parser", "article_model.json")
#: Hypotheses kept per (state) in the beam.
BEAM = 8

Feats = dict[str, float]
#: A paragraph of page furniture that belongs to the article above it: a photo caption's
#: label or number (图片说明：, 图①：), a graphic's or the layout's credit (制图：, 版式设计：),
#: a source line (资料来源：), a column's mailbox (投稿邮箱：).
FURNITURE = re.compile(
    r"^[（(]?\s*(图片说明|图\s*[①-⑳]|图\s*\d{1,2}\s*[：:]|本版制图|制图|版式设计|资料来源|数据来源|栏目投稿|投稿邮箱|本版责编|责编)"
)
#: The article-level evidence's features (``Decoder.closing`` and a late headline's words
#: before its body).
EVIDENCE = ("a.head_body", "u.sim_before")


@lru_cache(maxsize=1)
def _shipped() -> dict:
    return json.loads(resource_path(*MODEL_FILE).read_text(encoding="utf-8"))


def shipped_weights() -> dict[str, float]:
    """The article decoder's fitted weights."""
    return _shipped()["weights"]


#: Title-block weights in use (the shipped ones unless a trainer sets others).
_TITLE_OVERRIDE: dict[str, float] | None = None


def title_weights() -> dict[str, float]:
    """The title-block model's fitted weights (``title_blocks``)."""
    if _TITLE_OVERRIDE is not None:
        return _TITLE_OVERRIDE
    return _shipped()["title_blocks"]


def set_title_weights(weights: dict[str, float] | None) -> None:
    """Training and measuring only: score title blocks with these weights (None: the shipped)."""
    global _TITLE_OVERRIDE
    _TITLE_OVERRIDE = weights


#: Paragraph-break weights in use (the shipped ones unless a trainer sets others).
_PARAGRAPH_OVERRIDE: dict[str, float] | None = None


def paragraph_weights() -> dict[str, float]:
    """The paragraph-break model's fitted weights (``paragraph_breaks``); empty if none ship."""
    if _PARAGRAPH_OVERRIDE is not None:
        return _PARAGRAPH_OVERRIDE
    return _shipped().get("paragraph_breaks", {})


def set_paragraph_weights(weights: dict[str, float] | None) -> None:
    """Training and measuring only: split paragraphs with these weights (None: the shipped)."""
    global _PARAGRAPH_OVERRIDE
    _PARAGRAPH_OVERRIDE = weights


#: The model of pages whose blank lines are all Tesseract's in use (the shipped one unless a
#: trainer sets another): ``gate``, the page model's weights (``ocr_blanks.is_ocr_blanks``).
_OCR_OVERRIDE: dict | None = None


def ocr_model() -> dict:
    """The model of pages whose blank lines are all Tesseract's (empty if none ships: the
    default, measured and not shipped, docs/parser.md)."""
    if _OCR_OVERRIDE is not None:
        return _OCR_OVERRIDE
    return _shipped().get("ocr_blanks", {})


def set_ocr_model(model: dict | None) -> None:
    """Training and measuring only: tell pages whose blank lines are all Tesseract's with this
    model (None: the shipped; {}: none, every page read as before)."""
    global _OCR_OVERRIDE
    _OCR_OVERRIDE = model


def model_digest() -> str:
    """A short digest of the shipped weights (part of the parser's version)."""
    return resource_digest(*MODEL_FILE)


# --- features -------------------------------------------------------------------------


def _han_share(a: str, b: str | list[str]) -> float:
    """Share of ``a``'s character bigrams found in ``b`` (topic continuity; a list: in its
    texts run together)."""
    ta = _bigram_codes(a[:120])
    if not ta:
        return 0.0
    return len(ta & (_bigram_codes(b) if isinstance(b, str) else _joined_codes(b))) / len(ta)


class PageFeatures:
    """Features of the items that do not depend on the reading (computed once a page)."""

    def __init__(self, items: list[Item]) -> None:
        self.items = items
        n = len(items)
        self.index = {id(it): i for i, it in enumerate(items)}
        self.cohesion = Cohesion([it.text if it.kind == "para" else None for it in items])
        self.next_lead = [""] * n  # the paragraphs right after each title unit
        self.prev_lead = [""] * n  # the paragraphs before it, back to the previous title
        for i, it in enumerate(items):
            if it.kind != "title":
                continue
            after: list[Item] = []
            for nxt in items[i + 1 :]:
                if nxt.kind != "para":
                    break
                after.append(nxt)
            self.next_lead[i] = lead_text(after)
            before: list[Item] = []
            for prv in reversed(items[:i]):
                if prv.kind != "para":
                    break
                before.insert(0, prv)
            self.prev_lead[i] = lead_text(before)
        self._far: dict[int, float] = {}
        self._runs: list[tuple[int, int, frozenset]] | None = None
        # Words a paragraph shares with the two paragraphs before it (the same story goes on).
        self.local = [0.0] * n
        for i, it in enumerate(items):
            if it.kind == "para":
                before = [p.text for p in items[max(0, i - 2) : i] if p.kind == "para"]
                self.local[i] = _han_share(it.text, before) if before else 0.0
        # Per-page caches the decoder fills (leads, shared words), kept across decodes of the page.
        self.leads: dict = {}
        self.shared: dict = {}
        self.body: dict = {}
        self.closing: dict = {}
        self.found: dict = {}
        self.stacks: dict = {}
        self.head = [self._head(i) if it.kind == "title" else {} for i, it in enumerate(items)]
        self.para = [self._para(i) if it.kind == "para" else {} for i, it in enumerate(items)]

    def far_sim(self, i: int) -> float:
        """Title ``i``'s best match among the leads of the page's other runs of paragraphs
        (not the nearest run below it nor the nearest above it): a lead story's headline may
        be set far from its article."""
        got = self._far.get(i)
        if got is None:
            if self._runs is None:
                # The page's runs of paragraphs, each with its lead's bigrams (once a page).
                runs: list[list[int]] = []
                for k, it in enumerate(self.items):
                    if it.kind == "para":
                        if runs and runs[-1][1] == k - 1:
                            runs[-1][1] = k
                        else:
                            runs.append([k, k])
                self._runs = [(a, b, _bigrams(lead_text(self.items[a : b + 1]))) for a, b in runs]
            below = next((r for r in self._runs if r[0] > i), None)
            above = next((r for r in reversed(self._runs) if r[1] < i), None)
            got = 0.0
            # By the title's best line: a kicker above a headline shares few of its words.
            for text in [ln.stripped for ln in self.items[i].lines] or [self.items[i].text]:
                words = _title_words(text)
                if not words:
                    continue
                for run in self._runs:
                    if run is not below and run is not above:
                        got = max(got, len(words & run[2]) / len(words))
            self._far[i] = got
        return got

    def _blank_before(self, i: int) -> bool:
        if i == 0:
            return True
        return self.items[i].lines[0].index > self.items[i - 1].lines[-1].index + 1

    def _blank_after(self, i: int) -> bool:
        if i + 1 >= len(self.items):
            return True
        return self.items[i + 1].lines[0].index > self.items[i].lines[-1].index + 1

    def _head(self, i: int) -> Feats:
        """Evidence for reading title unit ``i`` as a headline (rather than a 小标题)."""
        it = self.items[i]
        t = it.text.replace(" ", "")
        f: Feats = {"h.bias": 1.0}
        if _never_headline(t):
            f["h.never"] = 1.0
        if is_label(t):
            f["h.label"] = 1.0
        if len(it.lines) > 1:
            f["h.multiline"] = 1.0
        f["h.len"] = min(len(t), 40) / 20
        if len(t) > 24:
            f["h.long"] = 1.0
        if t.endswith(("）", ")")):
            f["h.paren_end"] = 1.0
        if t.endswith(("——", "—", "：", ":")):
            f["h.lead_in"] = 1.0
        if t.startswith(("——", "—")):
            f["h.dash_start"] = 1.0
        if t[:1] in OPENERS and t[-1:] in "”’」』":
            f["h.quoted"] = 1.0
        if any(c in t for c in "，、；"):
            f["h.comma"] = 1.0
        if any(c.isascii() and c.isalnum() for c in t):
            f["h.latin_digits"] = 1.0
        if it.same_column:
            f["h.same_column"] = 1.0
            if it.byline_follows:
                f["h.same_column_byline"] = 1.0
        if self._blank_before(i):
            f["h.blank_before"] = 1.0
        if self._blank_after(i):
            f["h.blank_after"] = 1.0
        nxt = self.items[i + 1] if i + 1 < len(self.items) else None
        prv = self.items[i - 1] if i > 0 else None
        if nxt is not None and nxt.kind == "para":
            if starts_with_dateline(nxt.text):
                f["h.dateline_follows"] = 1.0
            if nxt.byline:
                f["h.byline_follows"] = 1.0
            # The column width: a headline is set wider or narrower than a 小标题 between
            # two paragraphs of one column.
            f["h.width_vs_next"] = min(abs(max(ln.width for ln in it.lines) - nxt.column), 10) / 5
        if prv is not None and prv.kind == "para":
            if prv.closes_article or is_credit(prv.text):
                f["h.after_close"] = 1.0
            if ends_sentence(prv.text):
                f["h.after_sentence"] = 1.0
        if prv is None or prv.kind != "para":
            f["h.no_para_before"] = 1.0
        if nxt is None or nxt.kind != "para":
            f["h.no_para_after"] = 1.0
        return f

    def _para(self, i: int) -> Feats:
        """Evidence that paragraph ``i`` opens a new article (static part)."""
        it = self.items[i]
        t = it.text.replace(" ", "")
        f: Feats = {"b.bias": 1.0}
        if starts_with_dateline(t):
            f["b.dateline"] = 1.0
        if it.byline:
            f["b.byline"] = 1.0
        if "图为" in t and len(t) < 250:
            f["b.caption"] = 1.0
        if t[:1] in OPENERS:
            f["b.quote"] = 1.0
        if len(t) < 30:
            f["b.short"] = 1.0
        if is_credit(t):
            f["b.is_credit"] = 1.0
        # A closing note (（本报记者…）, （作者为…）) or page furniture closes or belongs to
        # the article above it: it seldom opens one.
        if is_closing_note(t):
            f["b.is_note"] = 1.0
        if FURNITURE.match(t):
            f["b.furniture"] = 1.0
        if self._blank_before(i):
            f["b.blank"] = 1.0
        f["b.shift"] = self.cohesion.shift(i)
        prv = next((p for p in reversed(self.items[:i]) if p.kind == "para"), None)
        if prv is not None:
            if prv.closes_article:
                f["b.note_closes"] = 1.0
            if is_credit(prv.text):
                f["b.credit_closes"] = 1.0
            if not ends_sentence(prv.text):
                f["b.prev_open"] = 1.0
            if prv.text.replace(" ", "").startswith(("——", "—")):
                f["b.prev_attribution"] = 1.0
            if prv.column and it.column:
                delta = abs(prv.column - it.column)
                if delta >= 1:
                    f["b.width_change"] = 1.0
                f["b.width_delta"] = min(delta, 8) / 4
            last = prv.lines[-1]
            f["b.prev_last_short"] = min(max(prv.column - last.width, 0), 12) / 6
        return f


@lru_cache(maxsize=1024)
def _title_words(title: str) -> frozenset[str]:
    """A headline's character bigrams, its column tag (（人民论坛）) left out."""
    return _bigrams(_COLUMN_TAG.sub("", title.strip()))


def _extend(parent, feats: Feats):
    return (parent, feats) if parent is not None else None


def flatten(chain) -> Feats:
    out: Feats = {}
    while chain is not None:
        chain, feats = chain
        if chain is None and feats is None:
            break
        if feats:
            for k, v in feats.items():
                out[k] = out.get(k, 0.0) + v
    return out


ROOT_CHAIN = (None, None)


class Decoder:
    """The beam search over a page's items, scored by ``weights``.

    ``gold`` (training only): for each item its (article key, role) or None when it
    may go anywhere; hypotheses that contradict it are dropped (forced decoding).
    """

    #: Read the article-level evidence (``closing``, a late headline's words before its body):
    #: None reads it when the weights weigh it; training scripts set True or False.
    evidence: bool | None = None

    def __init__(self, weights: dict[str, float], track: bool = False) -> None:
        self.w = weights
        if self.evidence is None:
            self.evidence = any(k in weights for k in EVIDENCE)
        #: A headline may head nothing where it is printed (``orphan``) only under weights that weigh it.
        self.orphans = "orphan" in weights
        #: A title unit may be stacked under the one before it (one title) only under weights that weigh it.
        self.stacking = "s.bias" in weights
        self.track = track
        #: Training decodes each page many times: its features are kept (by the list's id).
        self._pages: dict[int, tuple[list[Item], PageFeatures]] = {}

    def dot(self, f: Feats) -> float:
        w = self.w
        return sum(w.get(k, 0.0) * v for k, v in f.items())

    @staticmethod
    def inter(item: Item, where: str) -> Feats:
        """A title unit kept as a paragraph (a 小标题, a label such as 核心阅读)."""
        f = {where: 1.0}
        if is_label(item.text):
            f["i.label"] = 1.0
        return f

    def lead(self, items: list[Item], size: int) -> str:
        """``lead_text`` of an article's items, cached by its first item and how many count."""
        key = (id(items[0]), min(len(items), 6), size)
        text = self._leads.get(key)
        if text is not None:
            return text
        total = k = 0
        for it in items[:6]:
            k += 1
            total += len(it.text)
            if total >= size:
                break
        counted = (id(items[0]), k, size)
        text = self._leads.get(counted)
        if text is None:
            text = self._leads[counted] = lead_text(items[:k], size)
        self._leads[key] = text
        return text

    def body_sim(self, title: str, body: list[Item]) -> float:
        """Share of a headline's bigrams found anywhere in the article's body (a headline
        printed after its article names what the whole of it is about)."""
        key = (title, id(body[0]) if body else 0, len(body))
        got = self._body.get(key)
        if got is None:
            words = _title_words(title)
            if not words:
                got = 0.0
            else:
                # The bigrams found so far in the body from this first paragraph on, grown
                # one paragraph at a time as the decoder reads on.
                grown = self._found.get(key[:2])
                sets, index = self.pf.cohesion.every, self.pf.index
                if grown is None or grown[0] > len(body):
                    grown = (0, frozenset())
                n, found = grown
                for it in body[n:]:
                    found = found | (words & sets[index[id(it)]])
                self._found[key[:2]] = (len(body), found)
                got = len(found) / len(words)
            self._body[key] = got
        return got

    def stacked(self, heading: Item, i: int) -> tuple[Item, Feats]:
        """Title unit ``i`` stacked under ``heading`` (a kicker, heading and subheading of one
        title set apart by blank lines), and the evidence for reading them as one title.
        The stacked unit is made once a page (the decoder's caches key on it)."""
        pf = self.pf
        key = (id(heading), i)
        got = pf.stacks.get(key)
        if got is not None:
            return got
        item = pf.items[i]
        parts = (heading.parts or (heading,)) + (item,)
        merged = Item("title", [ln for part in parts for ln in part.lines])
        merged.text = "".join(part.text for part in parts)
        merged.parts = parts
        merged.same_column, merged.byline_follows = item.same_column, item.byline_follows
        pf.index[id(merged)] = pf.index[id(parts[0])]
        prev, t = heading.text.replace(" ", ""), item.text.replace(" ", "")
        last = parts[-2].lines[-1].index
        f: Feats = {"s.bias": 1.0, "s.len": min(len(t), 40) / 20, "s.share": _han_share(t, prev)}
        if prev.endswith(("——", "—", "：", ":")):
            f["s.prev_lead_in"] = 1.0
        if prev.endswith(("）", ")")):
            f["s.prev_paren"] = 1.0
        if t.startswith(("——", "—")):
            f["s.dash_start"] = 1.0
        if t.endswith(("）", ")")):
            f["s.paren_end"] = 1.0
        if len(prev) >= len(t) + 3:
            f["s.shorter"] = 1.0
        elif len(t) >= len(prev) + 3:
            f["s.longer"] = 1.0
        if len(item.lines) > 1:
            f["s.multiline"] = 1.0
        if item.lines[0].index - last > 2:
            f["s.far"] = 1.0
        widths = max(ln.width for ln in parts[-2].lines), max(ln.width for ln in item.lines)
        f["s.width_diff"] = min(abs(widths[0] - widths[1]), 10) / 5
        nxt = pf.items[i + 1] if i + 1 < len(pf.items) else None
        if nxt is None or nxt.kind != "para":
            f["s.no_para_after"] = 1.0
        elif starts_with_dateline(nxt.text):
            f["s.dateline_follows"] = 1.0
        # The lead below the run of title units this one stands in: a unit that shares its
        # words heads the article below rather than ending the title above.
        j = i
        while j + 1 < len(pf.items) and pf.items[j + 1].kind == "title":
            j += 1
        f["s.sim_below"] = similarity(item.text, pf.next_lead[j])
        got = pf.stacks[key] = (merged, f)
        return got

    def _last_part(self, heading: Item) -> int:
        """The item index of a headline's last printed unit."""
        return self.pf.index[id(heading.parts[-1] if heading.parts else heading)]

    def closing(self, art: Article) -> Feats:
        """Article-level evidence read when an article is complete: how many of its
        headline's words its body holds. (Its paragraphs' column widths are not read: on a
        real page one article's paragraphs measure 17 and 18 characters a line.)"""
        items = art.items
        if not items or not self.evidence:
            return {}
        key = (id(items[0]), len(items), id(art.heading) if art.heading else 0)
        got = self._closing.get(key)
        if got is not None:
            return got
        got = {}
        if art.heading is not None:
            got["a.head_body"] = self.body_sim(art.heading.text, items)
        self._closing[key] = got
        return got

    def closing_cost(self, art: Article) -> float:
        """``closing``'s cost under the weights (kept per article: the same for every
        hypothesis that ends it). Only a headed article has evidence to read."""
        if not self.evidence or not art.items or art.heading is None:
            return 0.0
        key = (id(art.items[0]), len(art.items), id(art.heading))
        got = self._closing_cost.get(key)
        if got is None:
            got = self._closing_cost[key] = self.dot(self.closing(art))
        return got

    def decode(self, items: list[Item], gold: list | None = None, augment: tuple | None = None):
        """The cheapest reading (articles, and its summed features when tracked), or None
        when ``gold`` is given and no reading in the beam agrees with it.

        ``augment`` (training only): (gold, margin): every move that reads an item
        otherwise than the gold (another role, or an article started where the gold goes
        on or the other way round) is made ``margin`` cheaper, so that the weights learn to
        prefer the gold by a margin (cost-augmented decoding)."""
        loss_of = _move_losses(augment[0]) if augment is not None else None
        margin = augment[1] if augment is not None else 0.0
        kept = self._pages.get(id(items)) if self.track else None
        if kept is not None and kept[0] is items:
            self.pf = kept[1]
        else:
            self.pf = PageFeatures(items)
            if self.track:
                self._pages[id(items)] = (items, self.pf)
        self._leads, self._shared, self._body = self.pf.leads, self.pf.shared, self.pf.body
        self._closing, self._found = self.pf.closing, self.pf.found
        self._closing_cost: dict = {}
        self.head_cost = [self.dot(f) for f in self.pf.head]
        self.para_cost = [self.dot(f) for f in self.pf.para]
        track = self._tracking = self.track or gold is not None
        # A hypothesis: (cost, articles, state, feature chain, gold keys of its articles)
        hyps: list = [(0.0, [], "closed", ROOT_CHAIN if track else None, ())]
        for i, item in enumerate(items):
            new: list = []
            g = gold[i] if gold is not None else None
            for cost, arts, state, chain, keys in hyps:
                for nstate, ncost, narts, feats, new_art, role in self._moves(i, item, cost, arts, state):
                    if loss_of is not None:
                        ncost -= margin * loss_of(i, new_art, role)
                    if gold is not None:
                        nkeys = _agree(keys, g, new_art, role)
                        if nkeys is None:
                            continue
                    else:
                        nkeys = keys
                    new.append((ncost, narts, nstate, _extend(chain, feats) if track else None, nkeys))
            hyps = _prune(new)
            if not hyps:
                return None
        final = []
        for cost, arts, state, chain, _keys in hyps:
            end = {"open": "headless", "h_empty": "heading_only"}.get(state)
            if end:
                cost += self.w.get(end, 0.0)
                chain = _extend(chain, {end: 1.0}) if track else None
            if arts and state != "closed":
                shut = self.closing(arts[-1])
                if shut:
                    cost += self.closing_cost(arts[-1])
                    chain = _extend(chain, shut) if track else None
            final.append((cost, arts, chain))
        cost, arts, chain = min(final, key=lambda x: x[0])
        return arts, (flatten(chain) if track else None)

    def _moves(self, i: int, item: Item, cost: float, arts: list[Article], state: str):
        """Every way to read item ``i`` after this hypothesis:
        (state, cost, articles, features, starts an article, role of the item)."""
        pf = self.pf
        if item.kind == "title":
            hc, hf = self.head_cost[i], pf.head[i]
            if state == "closed":
                yield "h_empty", cost + hc, arts + [Article(heading=item)], hf, True, "head"
                f = self.inter(item, "i.opens")
                yield "open", cost + self.dot(f), arts + [Article(items=[item])], f, True, "para"
                done = arts[-1] if arts else None
                if self.stacking and done is not None and done.heading is not None:
                    if self._last_part(done.heading) == i - 1:
                        # The rest of a headline printed after its article.
                        merged, shape = self.stacked(done.heading, i)
                        # Read apart from a title above its article: the competing reading is
                        # this unit heading the article below.
                        f = {
                            ("s.after" if k == "s.bias" else "s.after_" + k[2:]): v for k, v in shape.items()
                        }
                        f["s.after_sim_above"] = similarity(item.text, self.lead(done.items, 300))
                        stacked = arts[:-1] + [Article(merged, done.items)]
                        yield "closed", cost + self.dot(f), stacked, f, False, "head"
                return
            cur = arts[-1]
            if state == "open":
                f = dict(hf)
                f["u.bias"] = 1.0
                f["u.sim"] = similarity(item.text, self.lead(cur.items, 300))
                f["u.sim_next"] = similarity(item.text, pf.next_lead[i])
                if any(is_credit(it.text) for it in cur.items[-2:]):
                    f["u.caption"] = 1.0
                f["u.len"] = min(len(cur.items), 20) / 10
                f["u.sim_body"] = self.body_sim(item.text, cur.items)
                if self.evidence and len(arts) >= 2 and arts[-2].items:
                    # The headline's words in the article before the body it would take
                    # (its body starts earlier than this reading says).
                    f["u.sim_before"] = self.body_sim(item.text, arts[-2].items[-8:])
                done = Article(item, cur.items)
                f = _merge(f, self.closing(done))
                yield "closed", cost + self.dot(f), arts[:-1] + [done], f, False, "head"
                shut = self.closing(cur)
                f = _merge(_merge(hf, {"headless": 1.0}), shut)
                yield (
                    "h_empty",
                    cost + hc + self.w.get("headless", 0.0) + self.closing_cost(cur),
                    arts + [Article(heading=item)],
                    f,
                    True,
                    "head",
                )
                f = self.inter(item, "i.inside")
                yield (
                    "open",
                    cost + self.dot(f),
                    arts[:-1] + [Article(None, cur.items + [item])],
                    f,
                    False,
                    "para",
                )
                if _ends_with_attribution(cur):
                    # An epigraph (a quotation signed ——习近平) set above its article's headline.
                    f = _merge(hf, {"epigraph": 1.0})
                    yield (
                        "h_paras",
                        cost + self.dot(f),
                        arts[:-1] + [Article(item, cur.items)],
                        f,
                        False,
                        "head",
                    )
            elif state == "h_empty":
                f = _merge(hf, {"heading_only": 1.0})
                yield "h_empty", cost + self.dot(f), arts + [Article(heading=item)], f, True, "head"
                f = self.inter(item, "i.under_head")
                yield (
                    "h_paras",
                    cost + self.dot(f),
                    arts[:-1] + [Article(cur.heading, [item])],
                    f,
                    False,
                    "para",
                )
                if self.stacking and cur.heading is not None:
                    merged, f = self.stacked(cur.heading, i)
                    yield (
                        "h_empty",
                        cost + self.dot(f),
                        arts[:-1] + [Article(heading=merged)],
                        f,
                        False,
                        "head",
                    )
            else:  # h_paras
                shut = self.closing(cur)
                sc = self.closing_cost(cur)
                yield (
                    "h_empty",
                    cost + hc + sc,
                    arts + [Article(heading=item)],
                    _merge(hf, shut),
                    True,
                    "head",
                )
                f = self.inter(item, "i.inside")
                inside = arts[:-1] + [Article(cur.heading, cur.items + [item])]
                yield "h_paras", cost + self.dot(f), inside, f, False, "para"
                if is_label(item.text):
                    f = {"i.label_opens": 1.0}
                    yield (
                        "open",
                        cost + self.dot(f) + sc,
                        arts + [Article(items=[item])],
                        _merge(f, shut),
                        True,
                        "para",
                    )
            return
        if state == "closed":
            yield "open", cost, arts + [Article(items=[item])], None, True, "para"
            return
        cur = arts[-1]
        if state == "h_empty":
            title = cur.heading.text if cur.heading else ""
            f = {
                "d.bias": 1.0,
                "d.sim": similarity(title, pf.next_lead[i - 1] if i else item.text),
                "d.sim_prev": similarity(title, pf.prev_lead[pf.index[id(cur.heading)]]) if i else 0.0,
            }
            if _has_label(title):
                f["d.label"] = 1.0
            if starts_with_dateline(item.text):
                f["d.dateline"] = 1.0
            yield "h_paras", cost + self.dot(f), arts[:-1] + [Article(cur.heading, [item])], f, False, "para"
            if self.orphans:
                # The headline heads nothing here: its article is printed elsewhere on the page
                # (``_rehome_headlines`` finds it) and a headless article starts below it.
                f = {"orphan": 1.0, "o.sim": pf.far_sim(pf.index[id(cur.heading)])}
                yield "open", cost + self.dot(f), arts + [Article(items=[item])], f, True, "para"
            return
        # open, h_paras: the article goes on, or a new one starts here.
        yield state, cost, arts[:-1] + [Article(cur.heading, cur.items + [item])], None, False, "para"
        lead = self.lead(cur.items, 600)
        shared = self._shared.get((i, lead))
        if shared is None:
            shared = self._shared[(i, lead)] = _han_share(item.text, lead)
        paras = min(len(cur.items), 30) / 15
        caption = _caption_like(cur)
        coh = pf.cohesion.back(i, pf.index[id(cur.items[0])] if cur.items else i)
        w = self.w
        cost += self.para_cost[i] + w.get("b.shared", 0.0) * shared + w.get("b.local", 0.0) * pf.local[i]
        cost += w.get("b.coh", 0.0) * coh
        cost += w.get("b.paras", 0.0) * paras
        if caption:
            cost += w.get("b.caption_ended", 0.0)
        if state == "open":
            cost += w.get("headless", 0.0)
        # What closing the article costs: the same for every hypothesis whose article
        # starts at the same paragraph.
        if self.evidence:
            cost += self.closing_cost(cur)
        feats = None
        if self._tracking:
            extra = {"b.shared": shared, "b.local": pf.local[i], "b.paras": paras, "b.coh": coh}
            if caption:
                extra["b.caption_ended"] = 1.0
            if state == "open":
                extra["headless"] = 1.0
            feats = _merge(_merge(pf.para[i], extra), self.closing(cur))
        yield "open", cost, arts + [Article(items=[item])], feats, True, "para"


def _move_losses(gold: list):
    """A move's disagreement with the gold at item ``i``: its role, and whether it starts
    an article where the gold starts one (0 where the gold is unknown)."""
    starts: list[bool | None] = []
    prev = None
    for g in gold:
        if g is None:
            starts.append(None)
            continue
        starts.append(g[0] != prev)
        prev = g[0]

    def loss(i: int, new_art: bool, role: str) -> float:
        g = gold[i]
        if g is None:
            return 0.0
        return float(role != g[1]) + float(new_art != starts[i])

    return loss


def _agree(keys: tuple, g: tuple | None, new_art: bool, role: str) -> tuple | None:
    """The hypothesis's gold keys after this move, or None when the move contradicts the gold."""
    if g is None:
        return keys + (None,) if new_art else keys
    key, want = g
    if want != role:
        return None
    if new_art:
        return None if key in keys else keys + (key,)
    if keys[-1] is None:
        return None if key in keys[:-1] else keys[:-1] + (key,)
    return keys if keys[-1] == key else None


def _merge(a: Feats, b: Feats) -> Feats:
    out = dict(a)
    for k, v in b.items():
        out[k] = out.get(k, 0.0) + v
    return out


def _caption_like(article: Article) -> bool:
    """A photo caption (a few paragraphs ending in a credit such as 谢尚国摄) is over."""
    if not article.items or len(article.items) > 8:
        return False
    items = [it for it in article.items if it.kind == "para"]
    return bool(items) and len(items) <= 4 and is_credit(items[-1].text)


def _prune(hyps: list) -> list:
    """Keep the best hypothesis for each (state, start of the open article), BEAM per state."""
    best: dict = {}
    for hyp in hyps:
        cost, arts, state = hyp[0], hyp[1], hyp[2]
        start = 0
        if arts:
            first = arts[-1].items[0] if arts[-1].items else arts[-1].heading
            start = id(first)
        key = (state, start, hyp[4][-1:] if hyp[4] else ())
        if key not in best or cost < best[key][0]:
            best[key] = hyp
    per_state: dict[str, list] = {}
    for hyp in sorted(best.values(), key=lambda h: h[0]):
        kept = per_state.setdefault(hyp[2], [])
        if len(kept) < BEAM:
            kept.append(hyp)
    return [h for kept in per_state.values() for h in kept]


def decode_learned(items: list[Item], weights: dict[str, float] | None = None) -> list[Article]:
    """The cheapest reading of a page's items as articles, under the fitted weights."""
    result = Decoder(weights if weights is not None else shipped_weights()).decode(items)
    assert result is not None
    return result[0]


__all__ = [
    "Decoder",
    "decode_learned",
    "model_digest",
    "ocr_model",
    "paragraph_weights",
    "set_ocr_model",
    "set_paragraph_weights",
    "set_title_weights",
    "shipped_weights",
    "title_weights",
]
