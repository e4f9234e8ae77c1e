"""Sections: headlines (wherever printed), kickers, bylines, captions, mastheads."""

from __future__ import annotations

import json
import re

from conftest import SAMPLE_PAGE, shared_path

from models.parser import parse_page

# Two articles in a 12-character column; the first headline is printed after its body.
TRAILING = """本报北京2月12日电（记者王
明）国际体育组织领导人近期分
别致函中国奥委会，对中国防控
疫情做出的努力表示支持。
国际奥委会主席巴赫在函中高
度赞扬中国人民为抗击疫情做出
的努力。

国际体育组织支持中国抗击疫情

当日，中国乒乓球队在卡塔尔
首都多哈进行训练，备战国际乒
联世界巡回赛卡塔尔公开赛。
"""

LABELLED = """区组织人社局：
补齐短板提成效

11月3日下午，区组织人社局召
开全区基层党建重点任务工作推进
会，部署补齐短板工作。

苏家作乡：突破常规促发展

该乡一是提升工作水平，二是
优化产业结构，三是推进项目建设，
积极推进项目前期工作。
"""


def _squash(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def test_headline_printed_after_its_article_moves_to_its_head() -> None:
    sections = parse_page(TRAILING).sections
    first = sections[0]
    assert _squash(first.heading.text) == "国际体育组织支持中国抗击疫情"
    assert first.paragraphs[0].text.startswith("本报北京2月12日电（记者王明）")
    assert len(first.paragraphs) == 2
    assert all("当日" not in p.text for p in first.paragraphs)


def test_unit_label_and_headline_become_kicker_and_heading() -> None:
    sections = parse_page(LABELLED).sections
    assert [s.field_text("kicker") for s in sections] == ["区组织人社局：", "苏家作乡："]
    assert [s.field_text("heading") for s in sections] == ["补齐短板提成效", "突破常规促发展"]
    assert sections[0].paragraphs[0].text.startswith("11月3日下午")
    assert sections[1].paragraphs[0].text.startswith("该乡一是")


def test_byline_is_taken_out_of_the_body() -> None:
    raw = "合作社带富咱农家\n\n本报记者 付凯明\n\n11月4日，在深秋的暖阳下，苏家作\n乡司家寨村一片农田里，人们正在忙碌\n着。几十亩芋头喜获丰收。\n"
    (section,) = parse_page(raw).sections
    assert section.field_text("heading") == "合作社带富咱农家"
    assert _squash(section.field_text("byline")) == "本报记者付凯明"
    assert section.paragraphs[0].text.startswith("11月4日")


def test_photo_caption_is_recognised() -> None:
    raw = "为保证示范区今年正常集中供暖，\n高新热力公司从 10 月 20 日就开始\n供暖准备工作。图为工作人员在对过\n滤设备进行维修调试。\n\n本报记者 付凯明 摄\n"
    (section,) = parse_page(raw).sections
    assert section.kind == "caption"
    assert "图为工作人员" in section.paragraphs[0].text


def test_sample_page_masthead_and_caption() -> None:
    sections = parse_page(SAMPLE_PAGE.read_text(encoding="utf-8")).sections
    assert sections[0].kind == "masthead"
    assert sections[0].field_text("heading") == "焦作市城乡一体化示范区"
    assert sections[-1].kind == "caption"


def _score(gold: dict, sections: list) -> tuple[int, int, int, int]:
    """Paragraphs exact and articles whole, as ../shared/eval/structure_eval.py counts them."""
    out = [s.to_json() for s in sections]
    got_paras = {_squash(p) for o in out for p in o["paragraphs"]}
    for o in out:
        if o["byline"] and o["paragraphs"]:
            got_paras.add(_squash(o["byline"]) + _squash(o["paragraphs"][0]))
    want = [_squash(p) for g in gold["sections"] for p in g["paragraphs"]]

    def keys(s: dict) -> set[str]:
        k, h, sub = _squash(s.get("kicker")), _squash(s.get("heading")), _squash(s.get("subheading"))
        return {x for x in (h, k + h, h + sub, k + h + sub) if x}

    arts = [g for g in gold["sections"] if g.get("heading") and g["paragraphs"]]
    whole = 0
    for g in arts:
        paras = [_squash(p) for p in g["paragraphs"]]
        for o in out:
            mine = [_squash(p) for p in o["paragraphs"]]
            if o["byline"] and mine and not mine[0].startswith(_squash(o["byline"])):
                mine_b = [_squash(o["byline"]) + mine[0]] + mine[1:]
            else:
                mine_b = mine
            if keys(o) & keys(g) and paras in (mine, mine_b):
                whole += 1
                break
    return sum(p in got_paras for p in want), len(want), whole, len(arts)


def test_seed_page_structure_against_its_hand_labelled_gold() -> None:
    gold = json.loads(
        shared_path("data", "seed", "jiaozuo-2016-11-page.gold.json").read_text(encoding="utf-8")
    )
    sections = parse_page(SAMPLE_PAGE.read_text(encoding="utf-8")).sections
    paras, n_paras, whole, n_arts = _score(gold, sections)
    assert n_paras == 24 and n_arts == 18
    assert paras == 24, "every paragraph of the sample page exact"
    assert whole == 18, "every article of the sample page whole, headline and all"
    # Its lead story's headline is printed far below it: moved there, it leaves no empty section.
    assert len(sections) == len(gold["sections"])


def _paras(raw: str) -> list[str]:
    return [_squash(p.text) for s in parse_page(raw).sections for p in s.paragraphs]


def test_dateline_alone_on_a_line_stays_with_its_paragraph() -> None:
    raw = "新华社北京 2 月 6 日电\n 为认真贯彻落实党中央关于\n打赢疫情防控阻击战的重要部署\n要求，引导群众提高自我保护能\n力。\n"
    assert _paras(raw)[0].startswith("新华社北京2月6日电为认真贯彻")
    assert len(_paras(raw)) == 1


def test_a_bracketed_note_over_several_lines_is_one_paragraph() -> None:
    raw = (
        "中国一定能取得疫情防控阻击战\n的胜利！”\n（本报北京、里约热内卢、\n洛杉矶、莫斯科、华盛顿、堪培\n"
        "拉 2 月 15 日电 \n记者曲颂、朱东君、王如君、张\n晓东、张梦旭）\n"
    )
    assert (
        _paras(raw)[-1]
        == "（本报北京、里约热内卢、洛杉矶、莫斯科、华盛顿、堪培拉2月15日电记者曲颂、朱东君、王如君、张晓东、张梦旭）"
    )


def test_each_bulleted_item_is_a_paragraph() -> None:
    raw = "●戴口罩，避免与人面对面，\n安全距离一米以上。\n●可佩戴不露手指的手套，\n减少直接接触。\n●使用公共卫生间，要随身携\n带纸巾。\n"
    assert _paras(raw) == [
        "●戴口罩，避免与人面对面，安全距离一米以上。",
        "●可佩戴不露手指的手套，减少直接接触。",
        "●使用公共卫生间，要随身携带纸巾。",
    ]


def test_attribution_and_standing_labels_are_never_headlines() -> None:
    raw = TRAILING.replace("国际体育组织支持中国抗击疫情", "——习近平")
    headings = [s.field_text("heading") for s in parse_page(raw).sections]
    assert "——习近平" not in headings
    labelled = "核心阅读\n\n" + TRAILING
    sections = parse_page(labelled).sections
    assert all(s.field_text("heading") != "核心阅读" for s in sections)
    assert any(p.text == "核心阅读" for s in sections for p in s.paragraphs)


def test_dev_pages_meet_the_structure_bar() -> None:
    """The 20 dev pages (real People's Daily articles laid out as OCR pages), scored as
    ../shared/eval/structure_eval.py does: paragraphs exact and articles whole."""
    dev = shared_path("data", "pages-dev")
    paras = n_paras = whole = n_arts = 0
    for gold_file in sorted(dev.glob("*.gold.json")):
        raw = gold_file.with_name(gold_file.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        p, n, w, a = _score(gold, parse_page(raw).sections)
        paras, n_paras, whole, n_arts = paras + p, n_paras + n, whole + w, n_arts + a
    assert paras / n_paras >= 0.95
    assert whole / n_arts >= 0.85
