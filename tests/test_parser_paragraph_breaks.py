"""Pages with blank lines: paragraph breaks read by the fitted break model."""

from __future__ import annotations

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from models.parser import article_model, parse_page
from models.parser.lines import split_lines
from models.parser.paragraph_breaks import split_scored
from models.parser.paragraphs import split_paragraphs
from models.resources import resource_path

# A 16-character column with dropped indents (a paragraph's first line is 14 wide): a
# 小标题 of 12 characters that ends no sentence between two paragraphs.
SUBHEAD_PAGE = """乡村产业兴旺起来

本报杭州电（记者王华）近日，
浙江省各地加快推进乡村建设，农民
收入稳步增长，村容村貌焕然一新。
坚持产业融合促进农民增收
今年以来，仙居县把发展特色产
业作为富民的关键一招，建起了杨梅
加工厂，带动周边三百多户农民就业。
村民郑海波在合作社干了三年，
他说，日子越过越红火了，全家人都
高兴。合作社又添了新设备，下一步
还要扩大规模。
"""

# Two 小标题 one under the other, the second wrapped over two lines: the first is only two
# characters short of an indented first line and the line after it looks indented, but
# the line after that is short too, so the grid rules join the two.
TWO_SUBHEADS = """乡村产业兴旺起来

本报杭州电（记者王华）近日，
浙江省各地加快推进乡村建设，农民
收入稳步增长，村容村貌焕然一新。
坚持产业融合促进农民增收
把发展特色产业作为富民的关键
一招
今年以来，仙居县建起了杨梅加
工厂，带动周边三百多户农民就业。
村民郑海波在合作社干了三年，他说，
日子越过越红火了。
"""


# A list of names and telephone numbers, one a line, well short of an 18-character column,
# then a paragraph: the list's last line is short like every line of the list, so only the
# run around it says the text after it is a paragraph of its own.
LIST_PAGE = """高校联合招聘启事

本报杭州电 为做好疫情防控期间的人才招
聘工作，学院决定通过网络开展联合招聘，
欢迎符合条件的毕业生报名参加。
请将申请材料以压缩文件形式发送到指定
电子邮箱，材料须真实完整。
联系方式：
王 彤：15905727201
沈晨虹：13757230818
张佳音：18957290719
潘佳芳：18268294516
申请人递交电子申请材料后，学院组织初
步遴选，确定人选后另行通知本人。
"""


def _squash(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def _paras(raw: str) -> list[str]:
    return [_squash(p.text) for s in parse_page(raw).sections for p in s.paragraphs]


def test_a_subhead_that_ends_no_sentence_is_a_paragraph_of_its_own() -> None:
    assert _paras(SUBHEAD_PAGE) == [
        "本报杭州电（记者王华）近日，浙江省各地加快推进乡村建设，农民收入稳步增长，村容村貌焕然一新。",
        "坚持产业融合促进农民增收",
        "今年以来，仙居县把发展特色产业作为富民的关键一招，建起了杨梅加工厂，带动周边三百多户农民就业。",
        "村民郑海波在合作社干了三年，他说，日子越过越红火了，全家人都高兴。合作社又添了新设备，下一步还要扩大规模。",
    ]


def test_two_subheads_in_a_row_are_two_paragraphs_where_the_grid_rules_join_them() -> None:
    body = [ln for ln in split_lines(TWO_SUBHEADS)[2:] if not ln.blank]
    by_rules = ["".join(ln.stripped for ln in p) for p in split_paragraphs(body)]
    assert "坚持产业融合促进农民增收" not in by_rules
    paras = _paras(TWO_SUBHEADS)
    assert paras[1:3] == ["坚持产业融合促进农民增收", "把发展特色产业作为富民的关键一招"]
    assert paras[3].startswith("今年以来")


def test_a_sentence_that_runs_across_a_column_break_stays_one_paragraph() -> None:
    raw = SUBHEAD_PAGE.replace("关键一招，建起了杨梅\n", "关键一招，建起了杨梅\n\n")
    assert any(p.startswith("今年以来") and p.endswith("农民就业。") for p in _paras(raw))


def test_each_line_of_a_list_of_names_and_numbers_and_the_paragraph_after_it_stand_apart() -> None:
    paras = _paras(LIST_PAGE)
    assert paras[-6:] == [
        "联系方式：",
        "王彤：15905727201",
        "沈晨虹：13757230818",
        "张佳音：18957290719",
        "潘佳芳：18268294516",
        "申请人递交电子申请材料后，学院组织初步遴选，确定人选后另行通知本人。",
    ]


def test_the_break_weights_ship_with_the_article_model() -> None:
    data = json.loads(resource_path("parser", "article_model.json").read_text(encoding="utf-8"))
    assert data["paragraph_breaks"] and article_model.paragraph_weights() == data["paragraph_breaks"]


body_line = st.text(alphabet="中国人民日报记者，。、：“”（）——…●1a ", min_size=1, max_size=24).filter(
    str.strip
)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(body_line, st.just("")), min_size=1, max_size=40))
def test_the_paragraphs_hold_every_body_line_once_in_order(texts: list[str]) -> None:
    body = [ln for ln in split_lines("\n".join(texts)) if not ln.blank]
    paras = split_scored(body, article_model.paragraph_weights())
    assert [ln.index for p in paras for ln in p] == [ln.index for ln in body]
    assert all(paras)


# An article as an OCR engine prints it (no blank lines, no indents, a 32-character column):
# its first paragraph ends a sentence one character short of the column, and the second
# opens with a quote on a full line. The grid rules read the short line as a quote carried
# down and join the two; the fitted break model, which the engine path now uses, splits them.
ENGINE_ARTICLE = """边防连队吃上新鲜蔬菜
本报乌鲁木齐2月12日电 （记者李明）走进连队的蔬菜大棚，一股热气扑
面而来，一排排菜苗错落有致，阳光透过大棚照进来，让小苗也显得格外
茁壮。连长介绍，大棚去年建成，冬天也能种出十几种蔬菜，官兵每顿都
能吃上好几个菜，有荤有素，战士们的脸上都露出了笑容，干劲足了。
“从前连队吃蔬菜，全靠十天一次从山下运。有一次，一场大雪将连队围
成‘孤岛’，送菜车走到半路，不得已又返了回去。”一旁的战士说，现在
再也不用担心吃不上菜了。
"""


def test_an_engine_article_whose_two_paragraphs_the_grid_rules_join_is_split() -> None:
    body = [ln for ln in split_lines(ENGINE_ARTICLE)[1:] if not ln.blank]
    assert len(split_paragraphs(body)) == 1
    sections = parse_page(ENGINE_ARTICLE).sections
    assert [_squash(s.field_text("heading")) for s in sections] == ["边防连队吃上新鲜蔬菜"]
    paras = [_squash(p.text) for p in sections[0].paragraphs]
    assert len(paras) == 2
    assert paras[0].startswith("本报乌鲁木齐") and paras[0].endswith("干劲足了。")
    assert paras[1].startswith("“从前连队吃蔬菜") and paras[1].endswith("吃不上菜了。")
