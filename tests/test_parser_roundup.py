"""Round-ups on pages without blank lines: labelled runs (区组织人社局： over 补齐短板提成效) read
several whole ways and one reading picked by page-level evidence (``roundup``)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from models.parser import engine, parse_page, roundup
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
    try:
        engine.SEEN.clear()
        engine.FORCE = 1
        forced = _headings(ROUNDUP)
        assert engine.SEEN and len(engine.SEEN[0]) >= 2
        assert engine.SEEN[0].shape[1] == len(roundup.FEATURES)
        assert "补齐短板提成效" in forced
    finally:
        engine.FORCE = None
        engine.SEEN.clear()


def test_the_shipped_reranker_reads_a_roundup_without_blank_lines_as_its_units_briefs() -> None:
    # The seed page's shape (a real round-up, never a training page): the decoder alone reads
    # every label and headline as lines of one article.
    sections = [s for s in parse_page(ROUNDUP).sections if s.heading]
    assert [(s.kicker.text if s.kicker else None, s.heading.text) for s in sections] == [
        ("区组织人社局：", "补齐短板提成效"),
        ("区发展改革局：", "真抓实干勇担当"),
        ("区招商局：", "招大引强在行动"),
        ("苏家作乡：", "突破常规促发展"),
    ]
    assert all(s.paragraphs for s in sections)
