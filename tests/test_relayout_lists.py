"""The relaid-out training pages that print a paragraph as a list (tools/relayout.py, ``as_list``):
their text is the gold article's, and every list item opens a paragraph of its own in the
labels the paragraph-break model learns from."""

from __future__ import annotations

import random
import re
import sys

from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(ROOT / "tools"))

from relayout import as_list, lay_out_page, sentences  # noqa: E402

_CHARS = st.sampled_from(list("报道记者中国人民说了在年月日一二三12ab“”‘’（）。！？；…，、： "))
_TEXT = st.text(_CHARS, min_size=0, max_size=80)


@given(_TEXT)
def test_sentences_keep_every_character_in_order(text: str) -> None:
    assert "".join(sentences(text)) == text


@given(st.lists(_TEXT, min_size=1, max_size=4), st.integers(0, 10_000))
def test_a_list_holds_the_paragraph_one_sentence_an_item(paras: list[str], seed: int) -> None:
    article = {"heading": "标题", "paragraphs": paras}
    got = as_list(article, random.Random(seed))["paragraphs"]
    if got == paras:
        return
    j = next(i for i, p in enumerate(paras) if got[i] != p)
    items = [s.strip() for s in sentences(paras[j])]
    assert got[:j] == paras[:j] and got[j + len(items) :] == paras[j + 1 :]
    for item, sentence in zip(got[j : j + len(items)], items):
        assert item.endswith(sentence)


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000))
def test_every_list_item_opens_a_paragraph_on_the_laid_out_page(seed: int) -> None:
    sentences_ = ["第一件事要做好。", "第二件事，大家说“好！”。", "第三件事也要办；", "最后一件事。"]
    article = {"heading": "四件事", "paragraphs": ["开头的一段话，交代来由。", "".join(sentences_)]}
    page = lay_out_page([article], random.Random(seed), engine=False, lists=1.0)
    (printed,) = page.printed
    assert len(printed["paragraphs"]) == 1 + len(sentences_)
    opens = [lab for lab in page.labels if lab and lab[0] == "P"]
    assert len(opens) == len(printed["paragraphs"])
    body = "".join(t for t, lab in zip(page.raw_lines, page.labels) if lab and lab[0] != "T")
    assert re.sub(r"\s", "", body).endswith("最后一件事。")
