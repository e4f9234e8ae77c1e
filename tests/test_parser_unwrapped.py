"""Pages whose paragraphs are not wrapped (one line a paragraph, as text copied from a web
page comes): headlines read as headlines, paragraphs whole, every character kept once."""

from __future__ import annotations

import json
import re

from conftest import SAMPLE_PAGE, shared_path
from hypothesis import given, settings
from hypothesis import strategies as st
from test_parser_invariants import check_conserved

from models.parser import parse_page
from models.parser.lines import split_lines
from models.parser.unwrapped import is_unwrapped
from tools.parse_snapshot import CJK, LATIN, PUNCT, SPACE, TITLES

COPIED = """多地推动春耕生产有序开展
本报北京3月2日电（记者王明）眼下正值春耕备耕关键时节，多地农业农村部门组织农技人员深入田间地头，指导农户做好种子、化肥、农药等农资储备，确保不误农时。
“今年的种子提前一个月就到了，化肥也送到了家门口。”在河南省滑县的一处麦田里，种粮大户李建国一边查看麦苗长势，一边对记者说。据了解，当地已累计调运化肥三万余吨。
农业农村部有关负责人表示，将继续加强农资市场监管，保障农资质量和供应，同时做好病虫害监测预警，为全年粮食丰收打下坚实基础。
城市书房延长开放时间
本报杭州3月2日电（记者陈静）杭州市近日发布通知，全市一百二十家城市书房自本月起每天开放至晚上十点，方便市民下班后阅读学习，部分书房还增设了儿童阅读区和自习座位。
市图书馆负责人介绍，城市书房开放一年来，累计接待读者超过两百万人次，借还图书八十余万册，成为不少市民家门口的“精神粮仓”。
"""


def _squash(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def test_a_copied_web_page_reads_as_its_two_articles() -> None:
    assert is_unwrapped(split_lines(COPIED))
    sections = [s for s in parse_page(COPIED).sections if s.kind == "article"]
    assert [s.field_text("heading") for s in sections] == ["多地推动春耕生产有序开展", "城市书房延长开放时间"]
    assert [len(s.paragraphs) for s in sections] == [3, 2]
    # Each paragraph is its line, whole.
    lines = COPIED.splitlines()
    assert [p.text for p in sections[0].paragraphs] == lines[1:4]


def test_printed_pages_are_not_read_as_unwrapped() -> None:
    assert not is_unwrapped(split_lines(SAMPLE_PAGE.read_text(encoding="utf-8")))
    for name in ("pages-dev", "pages-dev-engine"):
        for path in sorted(shared_path("data", name).glob("*.txt")):
            assert not is_unwrapped(split_lines(path.read_text(encoding="utf-8"))), path.name


def _unwrapped(gold: dict, between: str) -> str:
    sections = []
    for sec in gold["sections"]:
        rows = [sec[k] for k in ("kicker", "heading", "subheading", "byline") if sec.get(k)]
        sections.append("\n".join(rows + list(sec.get("paragraphs") or [])))
    return between.join(s for s in sections if s) + "\n"


def test_the_seed_pages_articles_unwrapped_keep_their_headlines() -> None:
    """The seed page's 18 articles copied as a web page gives them (a line a headline and a
    line a paragraph, a blank line between articles): the reader sees their headlines as
    headlines and their paragraphs whole."""
    gold = json.loads(
        shared_path("data", "seed", "jiaozuo-2016-11-page.gold.json").read_text(encoding="utf-8")
    )
    raw = _unwrapped(gold, "\n\n")
    sections = parse_page(raw).sections
    got_heads = {_squash(s.field_text("heading")) for s in sections}
    gold_heads = [_squash(g["heading"]) for g in gold["sections"] if g.get("kind") == "article"]
    assert sum(h in got_heads for h in gold_heads) >= len(gold_heads) - 1
    got_paras = {_squash(p.text) for s in sections for p in s.paragraphs}
    gold_paras = [_squash(p) for g in gold["sections"] for p in g.get("paragraphs") or []]
    assert all(p in got_paras for p in gold_paras)


paragraph = st.text(alphabet=CJK + PUNCT + LATIN + SPACE, min_size=40, max_size=200)
short = st.text(alphabet=CJK + PUNCT + LATIN + SPACE, min_size=0, max_size=20)
unwrapped_lines = st.lists(
    st.one_of(paragraph, paragraph.map(lambda t: t + "。"), short, st.sampled_from(TITLES), st.just("")),
    min_size=0,
    max_size=40,
)


@settings(max_examples=100, deadline=None)
@given(unwrapped_lines)
def test_unwrapped_pages_keep_every_character_once(lines: list[str]) -> None:
    """Long lines among short ones (pages the unwrapped reading takes, and pages it leaves)."""
    check_conserved("\n".join(lines))
