"""The line model: headlines on pages as an OCR engine prints them (no blank lines),
the shipped weights, and the relaid-out training pages it learns from."""

from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter

import pytest
from conftest import ROOT, shared_path
from test_parser_structure import _score

from models.parser import PARSER_VERSION, parse_page
from models.parser.layout import FEATURES, LABELS, STACKED, LineModel, model
from models.resources import resource_path

sys.path.insert(0, str(ROOT / "tools"))

from relayout import lay_out_page  # noqa: E402

# Two news items as an OCR engine prints them: one printed line a line, no blank lines,
# each headline on its own line above its article.
ENGINE_PAGE = """国际体育组织支持中国抗击疫情
本报北京2月12日电 （记者王明）国际体育组织领导人近期分别致函中
国奥委会，对中国防控疫情做出的努力表示支持。国际奥委会主席巴赫在
函中高度赞扬中国人民为抗击疫情做出的努力。
当日，中国乒乓球队在卡塔尔首都多哈进行训练，备战国际乒联世界巡
回赛卡塔尔公开赛。
中国女足小组出线
本报北京2月10日电 （记者陈晨曦）10日，中国女足在悉尼举行的东京
奥运会女足亚洲区预选赛B组比赛中战胜对手，以小组第一出线。
"""


def _squash(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def test_headlines_of_a_page_without_blank_lines_are_found() -> None:
    sections = parse_page(ENGINE_PAGE).sections
    assert [_squash(s.field_text("heading")) for s in sections] == [
        "国际体育组织支持中国抗击疫情",
        "中国女足小组出线",
    ]
    assert [len(s.paragraphs) for s in sections] == [2, 1]
    assert sections[0].paragraphs[0].text.startswith("本报北京2月12日电")


def test_engine_pages_meet_a_structure_bar() -> None:
    """The 40 engine-layout dev pages: headlines found, articles whole (before the line model: 0 and 0)."""
    dev = shared_path("data", "pages-dev-engine")
    paras = n_paras = whole = n_arts = 0
    for gold_file in sorted(dev.glob("*.gold.json")):
        raw = gold_file.with_name(gold_file.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        p, n, w, a = _score(gold, parse_page(raw).sections)
        paras, n_paras, whole, n_arts = paras + p, n_paras + n, whole + w, n_arts + a
    assert paras / n_paras >= 0.93
    assert whole / n_arts >= 0.45


def test_shipped_model_matches_the_features_and_decodes_consistently() -> None:
    data = json.loads(resource_path("parser", "line_model.json").read_text(encoding="utf-8"))
    assert tuple(data["features"]) == FEATURES, "retrain with tools/train_parser.py after changing features"
    m = model()
    assert m.first.shape == (len(LABELS), len(FEATURES))
    assert m.weights.shape == (len(LABELS), len(FEATURES) + len(STACKED))
    # A paragraph's continuation never directly follows a headline line in the training
    # pages, and a title block's later line follows a title line, never body text.
    b, i, c, p = (LABELS.index(x) for x in "BICP")
    for title in (b, i):
        assert m.transitions[title, c] < m.transitions[title, p]
    assert m.transitions[c, i] < m.transitions[b, i]


def test_a_model_trained_on_other_features_is_refused() -> None:
    data = json.loads(resource_path("parser", "line_model.json").read_text(encoding="utf-8"))
    data["features"] = data["features"][:-1]
    with pytest.raises(ValueError):
        LineModel.from_json(data)


def test_parser_version_names_the_model_it_runs() -> None:
    assert str(PARSER_VERSION).count("+") == 1


ARTICLES = [
    {
        "kicker": "各地多措并举——",
        "heading": "暖心守护白衣战士",
        "subheading": None,
        "paragraphs": ["新冠肺炎疫情发生以来，广大医务人员2020年坚守一线。", "“请放心！”他说，GDP增长6.1%。"],
    },
    {
        "kicker": None,
        "heading": "方舱医院的饭从哪来",
        "subheading": "——记者手记",
        "paragraphs": ["上午10点，早餐运送没多久。"],
    },
]


@pytest.mark.parametrize("seed", range(12))
def test_relaid_out_pages_keep_every_character_and_label_every_line(seed: int) -> None:
    page = lay_out_page(ARTICLES, random.Random(seed))
    printed = page.printed
    assert printed[1:] == ARTICLES[1:]
    if printed[0] != ARTICLES[0]:
        # A page may open inside the first article, carried over from an earlier page: no
        # headline, and only the end of its text.
        assert not printed[0]["heading"]
        assert "".join(ARTICLES[0]["paragraphs"]).endswith("".join(printed[0]["paragraphs"]))
    want = Counter(c for a in printed for f in ("kicker", "heading", "subheading") for c in (a[f] or ""))
    want += Counter(c for a in printed for p in a["paragraphs"] for c in p if not c.isspace())
    assert Counter(c for c in page.raw if not c.isspace()) == want
    for text, label in zip(page.raw_lines, page.labels):
        assert (label is None) == (text.strip() == "")
        if label and label[0] == "T":
            art = printed[label[1]]
            heads = "".join(art[f] or "" for f in ("kicker", "heading", "subheading"))
            assert _squash(text) in heads


@pytest.mark.parametrize("seed", range(6))
def test_a_column_of_briefs_trains_its_briefs_headlines_as_lines_inside_one_article(seed: int) -> None:
    """The training pages' column of briefs (tools/train_parser.py): one article under a short
    column head, each brief's headline a one-line paragraph of it (a line the model must not
    read as a headline), every character kept once."""
    from train_parser import column_of, fine_labels

    from models.parser.lines import split_lines

    column = column_of(ARTICLES, "短讯")
    assert column["heading"] == "短讯"
    assert column["paragraphs"] == [
        "暖心守护白衣战士",
        *ARTICLES[0]["paragraphs"],
        "方舱医院的饭从哪来",
        *ARTICLES[1]["paragraphs"],
    ]
    page = lay_out_page([column], random.Random(seed), engine=True, after_p=0.0)
    lines = split_lines(page.raw)
    labels = fine_labels(lines, page.labels + [None])
    body = [ln.stripped for ln in lines if not ln.blank]
    assert [t for t, lab in zip(body, labels) if lab == "B"] == ["短讯"]
    for head in ("暖心守护白衣战士", "方舱医院的饭从哪来"):
        if head in body:  # printed on its own line (a narrow column wraps it)
            assert labels[body.index(head)] == "S"
    want = Counter(c for p in [column["heading"], *column["paragraphs"]] for c in p if not c.isspace())
    assert Counter(c for c in page.raw if not c.isspace()) == want


@pytest.mark.parametrize("seed", range(4))
def test_labelled_briefs_train_a_label_line_as_the_first_line_of_a_title(seed: int) -> None:
    """The training pages of labelled briefs (tools/train_parser.py): each piece's label (a
    unit's name ending in a colon) opens its title block and its headline goes on with it,
    never a one-line paragraph; every character of the printed pieces kept once."""
    from train_parser import fine_labels, label_pages

    from models.parser.lines import split_lines

    pool = [dict(a, paragraphs=[p + "。" for p in a["paragraphs"]]) for a in ARTICLES] * 3
    pool = [dict(a, heading=a["heading"] + str(k)) for k, a in enumerate(pool)]
    for page, coarse in label_pages(pool, 2, seed, 0):
        printed = page.gold["sections"]
        lines = split_lines(page.raw)
        labels = fine_labels(lines, coarse)
        body = [ln.stripped for ln in lines if not ln.blank]
        for art in printed:
            if art["kicker"] and art["kicker"] in body:
                k = body.index(art["kicker"])
                assert art["kicker"].endswith("：")
                assert labels[k] == "B" and labels[k + 1] == "I"
        want = Counter(
            c
            for a in printed
            for f in ("kicker", "heading", "subheading")
            for c in (a[f] or "")
            if not c.isspace()
        )
        want += Counter(c for a in printed for p in a["paragraphs"] for c in p if not c.isspace())
        assert Counter(c for c in page.raw if not c.isspace()) == want
