"""Pages with blank lines: title blocks and articles read by fitted weights."""

from __future__ import annotations

import json
import re

import pytest
from conftest import shared_path

from models.parser import PARSER_VERSION, article_model, parse_page
from models.parser.articles import Article, Item, make_para_item
from models.parser.lines import split_lines
from models.resources import resource_path

# A kicker over a quoted headline that ends in an exclamation mark, a quoted 小标题 set
# between the paragraphs of one column, and a second article.
PAGE = """广东累计向湖北派出医疗队员——
“有你们来，才有我们的今天！”

本报广州2月18日电（记者李刚）
连日来，广东省继续向湖北派出医
疗队员，支援当地的疫情防控工作。
队员们说，能到一线去是光荣的。

“我们一定会平安回来”

出发前，队员们在机场集结，许多
家属赶来送行，场面令人动容。队
员们说，请家人放心。

鸭鱼混养 增收致富

本报杭州2月12日电（记者王华）在
浙江省台州市仙居县，村民郑海波夫
妇承包村里一口池塘，年纯收入达到
五十余万元。
"""


# A kicker set apart from its headline by a blank line (shorter than the headline, no
# lead-in mark: the rule that joins title units leaves them apart), and a second article.
KICKER_APART = """山区小学用上远程课堂

“屏幕那头的老师，和我们一起上课”（新视点）

本报贵阳2月14日电（记者张华）开学推
迟，贵州省黔东南州的山区小学却没有停课。
老师们借助电视和网络，把课堂搬进了学
生家里，每天按时上课、批改作业。
“孩子们学得很认真。”一位老师说。

鸭鱼混养 增收致富

本报杭州2月12日电（记者王华）在
浙江省台州市仙居县，村民郑海波夫
妇承包村里一口池塘，年纯收入达到
五十余万元。
"""


def _squash(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def test_a_quoted_exclamation_headline_heads_its_article() -> None:
    first = parse_page(PAGE).sections[0]
    assert first.field_text("kicker") == "广东累计向湖北派出医疗队员——"
    assert first.field_text("heading") == "“有你们来，才有我们的今天！”"


def test_a_quoted_subhead_between_paragraphs_of_one_column_stays_in_its_article() -> None:
    sections = parse_page(PAGE).sections
    assert len(sections) == 2
    texts = [_squash(p.text) for p in sections[0].paragraphs]
    assert texts[0].startswith("本报广州2月18日电")
    assert "“我们一定会平安回来”" in texts
    assert texts[-1].startswith("出发前")
    assert sections[1].field_text("heading") == "鸭鱼混养 增收致富"


def test_the_shipped_model_is_named_by_the_parser_version() -> None:
    data = json.loads(resource_path("parser", "article_model.json").read_text(encoding="utf-8"))
    assert data["weights"] and data["title_blocks"]
    assert article_model.model_digest() in PARSER_VERSION


def test_pages_nobody_tuned_for_stay_above_the_measured_floor() -> None:
    """pages-dev-column (40 pages the rules were never tuned on), scored as
    ../shared/eval/structure_eval.py does. The floor is what this model measured (article
    0.832, para 0.983), less a little; issue 9's goal (0.85) is not reached yet."""
    from test_parser_structure import _score

    paras = n_paras = whole = n_arts = 0
    for gold_file in sorted(shared_path("data", "pages-dev-column").glob("*.gold.json")):
        raw = gold_file.with_name(gold_file.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        p, n, w, a = _score(gold, parse_page(raw).sections)
        paras, n_paras, whole, n_arts = paras + p, n_paras + n, whole + w, n_arts + a
    assert paras / n_paras >= 0.95
    assert whole / n_arts >= 0.81


def _paras(*rows: tuple[str, float | None]) -> list[Item]:
    """Paragraph items, one printed line each (``own_column``: the width its lines show)."""
    lines = split_lines("\n".join(text for text, _ in rows))
    out = []
    for line, (text, own_column) in zip(lines, rows):
        item = make_para_item([line], text, own_column or 17.0)
        item.own_column = own_column
        out.append(item)
    return out


def test_a_headline_is_weighed_by_how_much_of_it_the_body_it_would_take_holds() -> None:
    """Article-level evidence (the shipped weights weigh it): how many of a headline's words
    the body it would take holds. Column widths are not read as evidence (on a real page
    one article's paragraphs measure 17 and 18 characters a line)."""
    dec = article_model.Decoder(article_model.shipped_weights())
    assert dec.evidence
    page = _paras(
        *[("社区党委书记王琼每天走访居民。", 17.0)] * 4,
        ("短。", None),
        *[("松山隧道是延崇高速公路的控制性工程。", 18.0)] * 3,
    )
    one, other = page[:4], page[5:]
    dec.decode(page)  # the page the decoder reads (its paragraphs' shared words)
    assert "a.mixed" not in dec.closing(Article(None, page))
    heading = Item("title", [], text="王琼的社区")
    held = dec.closing(Article(heading, one))["a.head_body"]
    assert held > dec.closing(Article(heading, other))["a.head_body"]


def test_a_headline_set_far_from_its_article_may_head_nothing_where_it_stands() -> None:
    """Under weights that weigh it (``orphan``), a headline can head nothing where it is
    printed and a headless article start below it; ``o.sim`` is how well its best line
    matches the lead of a run of paragraphs that is not its neighbour."""
    items = _paras(
        ("社区工作人员王琼每天走访居民，登记返乡人员。", 17.0),
        ("合作社打工的村民笑得合不拢嘴，合作社带俺走上致富路。", 17.0),
    )
    title = Item("title", split_lines("社区王琼：守护居民的好管家"), text="社区王琼：守护居民的好管家")
    other = Item("title", split_lines("松山隧道建设者坚守工地"), text="松山隧道建设者坚守工地")
    page = [items[0], other, _paras(("松山隧道的建设者春节没有回家。", 17.0))[0], title, items[1]]
    weights = dict(article_model.shipped_weights())
    assert "orphan" in weights
    pf = article_model.PageFeatures(page)
    assert pf.far_sim(3) > pf.far_sim(1)  # 王琼's words are in the page's first run, not next to it
    dec = article_model.Decoder({**weights, "orphan": -50.0})
    arts = dec.decode(page)[0]
    assert any(a.heading is title and not a.items for a in arts)
    assert any(a.heading is None and a.items[:1] == [items[1]] for a in arts)
    weights.pop("orphan")
    weights.pop("o.sim", None)
    arts = article_model.Decoder(weights).decode(page)[0]
    assert not any(a.heading is title and not a.items for a in arts)


def test_training_decodes_look_for_the_closest_wrong_reading() -> None:
    """Cost-augmented decoding (training only): every move that reads an item otherwise than
    the gold is made cheaper, so a reading that the weights prefer only narrowly to a wrong
    one is still corrected; with no margin the plain reading comes back."""
    items = _paras(*[("社区党委书记王琼每天走访居民。", 17.0)] * 3)
    gold = [(0, "para"), (0, "para"), (0, "para")]
    dec = article_model.Decoder(article_model.shipped_weights())
    plain = dec.decode(items)[0]
    assert len(plain) == 1  # one article, as the gold says
    assert len(dec.decode(items, augment=(gold, 0.0))[0]) == 1
    rival = dec.decode(items, augment=(gold, 50.0))[0]
    assert len(rival) > 1  # the margin makes starting an article at every paragraph cheapest


@pytest.mark.xfail(
    strict=True, reason="known miss: the shipped weights do not stack title units (not shipped held out)"
)
def test_a_kicker_set_apart_from_its_headline_reads_as_one_title() -> None:
    """The decoder may stack a title unit under the one just before it (one title whose
    lines a blank line sets apart) under weights that weigh it: the kicker heads its
    article with its headline, not as an article of its own. The shipped weights do not
    (trained with ART_STACK=1 they do; docs/parser.md, "Stacked title units")."""
    sections = parse_page(KICKER_APART).sections
    assert len(sections) == 2
    first = sections[0]
    assert first.field_text("kicker") == "山区小学用上远程课堂"
    assert first.field_text("heading") == "“屏幕那头的老师，和我们一起上课”（新视点）"
    assert _squash(first.paragraphs[0].text).startswith("本报贵阳2月14日电")
    assert sections[1].field_text("heading") == "鸭鱼混养 增收致富"


def test_training_can_reach_the_gold_of_a_title_split_by_a_blank_line() -> None:
    """A title printed as two units (kicker, then headline) is one article's: forced
    decoding (training) finds that reading only when units may be stacked, so such pages
    train the decoder instead of being skipped."""
    kicker = Item("title", split_lines("山区小学用上远程课堂"), text="山区小学用上远程课堂")
    head = Item("title", split_lines("屏幕那头的老师"), text="屏幕那头的老师")
    items = [kicker, head, *_paras(*[("开学推迟，山区小学的老师们借助网络上课。", 17.0)] * 2)]
    gold = [(0, "head"), (0, "head"), (0, "para"), (0, "para")]
    weights = {**article_model.shipped_weights(), "s.bias": 3.0}  # the training's starting cost
    arts = article_model.Decoder(weights).decode(items, gold)[0]
    assert len(arts) == 1 and arts[0].heading.parts == (kicker, head)
    unstacked = {k: v for k, v in weights.items() if not k.startswith("s.")}
    assert article_model.Decoder(unstacked).decode(items, gold) is None


def test_photo_captions_and_layout_credits_stay_in_the_article_above() -> None:
    """Page furniture printed under an article (图片说明：, 图①：…, 制图：, 版式设计：, 资料来源：,
    a column's 投稿邮箱) is the article's: on the dev pages no such paragraph opens an article
    without a headline (b.furniture, fitted: a boundary before it is dear)."""
    assert article_model.shipped_weights().get("b.furniture", 0.0) > 0
    seen = 0
    for name in ("pages-dev", "pages-dev-column"):
        for gold_file in sorted(shared_path("data", name).glob("*.gold.json")):
            raw = gold_file.with_name(gold_file.name.replace(".gold.json", ".txt")).read_text(
                encoding="utf-8"
            )
            for section in parse_page(raw).sections:
                texts = [_squash(p.text) for p in section.paragraphs]
                furniture = [t for t in texts if article_model.FURNITURE.match(t)]
                seen += len(furniture)
                if furniture and texts[0] == furniture[0]:
                    assert section.field_text("heading"), (
                        f"{gold_file.name}: {texts[0]} opens a headless article"
                    )
    assert seen >= 20  # furniture paragraphs as the parser reads the two sets (about 26)
