"""Round-ups on pages without blank lines: labelled runs (区组织人社局： over 补齐短板提成效) read
several whole ways and one reading picked by page-level evidence (``roundup``)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from models.parser import parse_page, roundup
from models.parser.layout import LABELS, model

# A round-up as a local paper prints it, one printed line a line, no blank lines: each unit's
# brief under its label (a unit's name and a colon) over its headline, or both on one line.
ROUNDUP = """区组织人社局：
补齐短板提成效
11月3日下午，区组织人社局召开全区基层党建
重点任务工作推进会，进一步学习了全区动员大会
精神，对近期各区属党委基层党建七项重点任务完
成情况进行通报，并就补齐基层党建工作短板进行
再部署。该局要求，要针对当前党建重点任务中存
在的问题，拿方案、建台账，一件件落实。
区发展改革局：
真抓实干勇担当
该局一抓产业大提升。紧紧围绕实施产业集聚区
提质转型发展，加快推进重点项目建设，确保年底
前完成全年目标任务。二抓服务大提升，深入企业
开展帮扶活动，切实解决企业发展中遇到的困难和
问题，营造良好发展环境。
区招商局：
招大引强在行动
该局上下互动，全员行动。要求以业务口为单位，
对在谈项目逐一梳理，明确责任人和时间节点，确
保项目早签约、早落地、早见效，为全区经济发展
注入新的活力。
苏家作乡：突破常规促发展
该乡结合实际，召开专题会议，研究部署下一步工
作，要求全乡干部突破常规思维，强化责任担当，
全力推进各项重点工作，确保完成全年目标任务。
"""


# One article of accounts as a paper prints it, no blank lines: a headline, an intro, then each
# person's name and a colon over a short line of their words and their account (the round-up's
# shape, inside one article).
ACCOUNTS = """社区里的防疫志愿者
连日来，城关街道各社区的志愿者们坚守
在疫情防控一线，登记来往人员、测量体温、
为居家群众代购生活物资，用行动筑起群众身
边的安全防线。记者走访了其中几位。
陈晓红：
多跑几趟腿不算啥
每天清晨六点，陈晓红就来到小区门口的
值守点。她说，自己是一名退休教师，身体还
好，能为大家多跑几趟腿，心里踏实。
周建国：
守好门就是守好家
周建国是小区的楼栋长，负责八栋楼两百
多户居民的信息登记。他把每户的情况都记在
本子上，谁家有老人，谁家需要买药，一清二
楚。
刘雨桐：
年轻人就该冲在前面
刚刚大学毕业的刘雨桐报名当了志愿者。
她每天帮助社区核对出入信息，晚上还要整理
当天的登记表格，常常忙到深夜才回家。
"""


def _texts_and_widths(raw: str) -> tuple[list[str], list[float]]:
    from models.parser.lines import split_lines

    body = [ln for ln in split_lines(raw) if not ln.blank]
    return [ln.stripped for ln in body], [ln.width for ln in body]


def test_labelled_runs_are_found_in_both_shapes_and_credits_are_not() -> None:
    texts, widths = _texts_and_widths(ROUNDUP)
    runs = roundup.labelled_runs(texts, widths)
    assert [r.name for r in runs] == ["区组织人社局", "区发展改革局", "区招商局", "苏家作乡"]
    assert [len(r.rows) for r in runs] == [2, 2, 2, 1]
    credits = ROUNDUP.replace("区招商局：\n招大引强在行动", "制图：蔡华伟\n本版责任编辑")
    assert "区招商局" not in [r.name for r in roundup.labelled_runs(*_texts_and_widths(credits))]


def _headings(raw: str) -> list[str]:
    return [s.heading.text for s in parse_page(raw).sections if s.heading]


def test_a_reranker_that_weighs_briefs_reads_each_labelled_brief_as_an_article() -> None:
    w = np.zeros(len(roundup.FEATURES))
    w[roundup.FEATURES.index("runs_title")] = 5.0
    try:
        roundup.set_model(roundup.RoundupModel(w))
        sections = [s for s in parse_page(ROUNDUP).sections if s.heading]
        assert [s.heading.text for s in sections] == [
            "补齐短板提成效",
            "真抓实干勇担当",
            "招大引强在行动",
            "突破常规促发展",
        ]
        assert [s.kicker.text if s.kicker else None for s in sections] == [
            "区组织人社局：",
            "区发展改革局：",
            "区招商局：",
            "苏家作乡：",
        ]
        # The same weights switched off: the page is read as the decoder reads it.
        roundup.set_model(roundup.RoundupModel(w, on=False))
        off = _headings(ROUNDUP)
        roundup.set_model(None)
        assert off == _headings(ROUNDUP)
    finally:
        roundup.set_model(False)


runs_st = st.lists(st.integers(0, 29), min_size=1, max_size=6, unique=True)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.lists(st.floats(-8, 0), min_size=len(LABELS), max_size=len(LABELS)), min_size=32, max_size=32
    ),
    runs_st,
    st.booleans(),
)
def test_every_reading_keeps_its_runs_as_it_was_asked(
    emit: list[list[float]], starts: list[int], inline: bool
) -> None:
    # Runs two lines long (label, headline) or one (label and headline on one line), never overlapping.
    rows, used = [], set()
    for k in sorted(starts):
        run = (k,) if inline else (k, k + 1)
        if used & set(run) or run[-1] >= 31:
            continue
        used |= set(run)
        rows.append(roundup.Run(run, "区招商局"))
    e = np.asarray(emit)
    m = model()
    base = m.viterbi(e)
    titles = m.viterbi(roundup.constrained(e, rows, True))
    text = m.viterbi(roundup.constrained(e, rows, False))
    for r in rows:
        assert [titles[k] for k in r.rows] == ["B", "I"][: len(r.rows)]
        assert titles[r.rows[-1] + 1] != "I"
        assert all(text[k] not in ("B", "I") for k in r.rows)
    seqs = roundup.readings(m, e, base, rows)
    assert seqs[0] == base and len(seqs) == len({tuple(s) for s in seqs})
    assert roundup.path_score(m, e, base) >= max(roundup.path_score(m, e, s) for s in seqs) - 1e-9


def test_training_can_read_a_page_each_way_and_sees_every_reading() -> None:
    with roundup.probe(1) as seen:
        forced = _headings(ROUNDUP)
    assert seen and len(seen[0]) >= 2
    assert seen[0].shape[1] == len(roundup.FEATURES)
    assert "补齐短板提成效" in forced
    assert roundup.probing() is None


def _fitted_on() -> roundup.RoundupModel:
    """The shipped re-ranker's fitted weights, switched on (it ships off: docs/parser.md)."""
    import json

    from models.resources import resource_path

    data = json.loads(resource_path(*roundup.MODEL_FILE).read_text(encoding="utf-8"))
    return roundup.RoundupModel(roundup.RoundupModel.from_json(data).weights, on=True)


def test_the_fitted_reranker_switched_on_reads_a_roundup_without_blank_lines_as_its_units_briefs() -> None:
    # The seed page's shape (a real round-up, never a training page): the decoder alone reads
    # every label and headline as lines of one article.
    try:
        roundup.set_model(_fitted_on())
        sections = [s for s in parse_page(ROUNDUP).sections if s.heading]
    finally:
        roundup.set_model(False)
    assert [(s.kicker.text if s.kicker else None, s.heading.text) for s in sections] == [
        ("区组织人社局：", "补齐短板提成效"),
        ("区发展改革局：", "真抓实干勇担当"),
        ("区招商局：", "招大引强在行动"),
        ("苏家作乡：", "突破常规促发展"),
    ]
    assert all(s.paragraphs for s in sections)


def test_the_shipped_parser_keeps_an_article_of_labelled_accounts_whole() -> None:
    # Its labelled runs are found, but the accounts are not briefs: one article, the labels and
    # the accounts' words among its paragraphs.
    assert [r.name for r in roundup.labelled_runs(*_texts_and_widths(ACCOUNTS))] == ["陈晓红", "周建国", "刘雨桐"]
    sections = [s for s in parse_page(ACCOUNTS).sections if s.kind == "article"]
    assert [s.heading.text if s.heading else None for s in sections] == ["社区里的防疫志愿者"]
    paragraphs = [p.text for p in sections[0].paragraphs]
    assert "陈晓红：" in paragraphs and "年轻人就该冲在前面" in paragraphs
