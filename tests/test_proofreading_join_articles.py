"""Join Article with Next, as an editor expects it: the parser cut one article in two, so the
joined article keeps its own heading and the second one's title lines become its paragraphs
where they were printed (a kicker or byline keeps its role only where the first has none); one
step that Ctrl+Z takes back, every character kept once (hypothesis)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from proofreading_pages import TWO_ARTICLES, find, library_with_pages, reset_page, texts

from models.errors import DubaoError
from models.proofreading.structure import ROLES, blocks_of

pytestmark = pytest.mark.engines


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    folder: Path = tmp_path_factory.mktemp("join-articles")
    library, [page_id] = library_with_pages(folder, ("p.txt", TWO_ARTICLES))
    yield library, page_id
    library.close()


def shape(library, page_id: int) -> list[list[tuple[str, str]]]:
    """Each section as (role, text) blocks, as the reader shows them."""
    return [[(b.role, b.text.text) for b in blocks_of(s)] for s in library.page(page_id).current_sections]


def starts(library, page_id: int, section: int) -> list[tuple[str, int]]:
    """(text, first raw offset) of each block of a section."""
    return [(b.text.text, b.first) for b in blocks_of(library.page(page_id).current_sections[section])]


def sources(library, page_id: int) -> list[int]:
    """The raw offset of every character the page shows, sorted."""
    return sorted(o for s in library.page(page_id).current_sections for t in s.all_texts() for o in t.source)


def test_the_joined_article_keeps_its_heading_and_the_second_heading_is_a_paragraph_in_place(
    tmp_path: Path,
) -> None:
    library, [page_id] = library_with_pages(tmp_path, ("p.txt", TWO_ARTICLES))
    try:
        before = shape(library, page_id)
        first, second = before
        assert first[0][0] == second[0][0] == "heading"
        result = library.join_section_with_next(page_id, 0)
        [joined] = shape(library, page_id)
        # One heading, the first article's, exactly; the second's headline is a paragraph of
        # its own between the first article's body and the second's, where it was printed.
        assert [b for b in joined if b[0] == "heading"] == [first[0]]
        assert joined == [*first, ("body", second[0][1]), *second[1:]]
        assert [r.text for r in result.became_body] == [second[0][1]]
        assert library.history.undo_label() == "join articles"
        library.undo()
        assert shape(library, page_id) == before
        library.redo()
        assert shape(library, page_id) == [joined]
    finally:
        library.close()


def test_a_byline_or_kicker_keeps_its_role_only_where_the_first_article_has_none(tmp_path: Path) -> None:
    library, [page_id] = library_with_pages(tmp_path, ("p.txt", TWO_ARTICLES))
    try:
        library.set_role(page_id, *find(library, page_id, "本报讯")[:2], "byline")
        library.set_role(page_id, *find(library, page_id, "本报北京")[:2], "kicker")
        first, second = shape(library, page_id)
        assert "byline" not in [r for r, _ in first] and [r for r, _ in second][:2] == ["heading", "byline"]
        library.join_section_with_next(page_id, 0)
        [joined] = shape(library, page_id)
        roles = dict(b for b in joined if b[0] != "body")
        assert roles == {
            "kicker": dict(first)["kicker"],
            "heading": dict(first)["heading"],
            "byline": dict(second)["byline"],
        }
        assert ("body", dict(second)["heading"]) in joined
    finally:
        library.close()


def test_a_heading_printed_in_two_places_leaves_the_block_between_them_its_role(tmp_path: Path) -> None:
    # The editor made the second article's last paragraph part of its heading and its lead the
    # kicker: the heading's characters now lie on both sides of the kicker's. Joining turns the
    # heading into a paragraph and keeps the kicker (the first article has none); it once took
    # the kicker into the body too, without saying so.
    library, [page_id] = library_with_pages(tmp_path, ("p.txt", TWO_ARTICLES))
    try:
        last = texts(library, page_id)[1].split("\n")[-1]
        library.set_role(page_id, *find(library, page_id, last)[:2], "heading")
        library.set_role(page_id, *find(library, page_id, "本报讯")[:2], "kicker")
        first, second = shape(library, page_id)
        kicker, heading = dict(second)["kicker"], dict(second)["heading"]
        assert last in heading and "kicker" not in dict(first)
        result = library.join_section_with_next(page_id, 0)
        [joined] = shape(library, page_id)
        assert dict(b for b in joined if b[0] != "body")["kicker"] == kicker
        assert ("body", heading) in joined
        assert [line.text for line in result.became_body] == [heading]
    finally:
        library.close()


steps = st.lists(
    st.tuples(
        st.sampled_from(["split_section", "role"]), st.integers(0, 9), st.floats(0, 1), st.sampled_from(ROLES)
    ),
    max_size=5,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps, st.integers(0, 9))
def test_a_join_keeps_every_character_once_runs_no_heads_together_and_undoes_exactly(
    workspace, made, which
) -> None:
    library, page_id = workspace
    reset_page(library, page_id)
    for op, s, where, role in made:
        current = texts(library, page_id)
        s %= len(current)
        at = round(where * len(current[s]))
        try:
            if op == "split_section":
                library.split_section(page_id, s, at)
            else:
                library.set_role(page_id, s, at, role)
        except DubaoError:
            continue
    before = shape(library, page_id)
    if len(before) < 2:
        return
    s = which % (len(before) - 1)
    characters = sources(library, page_id)
    result = library.join_section_with_next(page_id, s)
    after = shape(library, page_id)
    assert sources(library, page_id) == characters  # every character once
    assert len(after) == len(before) - 1
    first, second, joined = before[s], before[s + 1], after[s]
    first_heads, second_heads = (
        dict(b for b in first if b[0] != "body"),
        dict(b for b in second if b[0] != "body"),
    )
    for role, text in dict(b for b in joined if b[0] != "body").items():
        # a head is the first article's, or the second's where the first has none: never both run together
        assert text == first_heads.get(role, second_heads.get(role))
    for role in ("heading", "subheading"):
        if role in second_heads and "heading" in first_heads:
            assert ("body", second_heads[role]) in joined
    assert len(joined) == len(first) + len(second)  # each block of both, none run into another
    # a title line made a paragraph stands where it was printed among the second's paragraphs
    firsts = dict(starts(library, page_id, s))
    made = [t for r, t in second if r != "body" and ("body", t) in joined]
    paragraphs = [t for r, t in joined if r == "body"]
    for text in made:
        for other in (t for r, t in second if r == "body"):
            later = paragraphs.index(other) > paragraphs.index(text)
            assert later == (firsts[other] > firsts[text])
    assert [r.text for r in result.became_body] == [
        t for r, t in second if r != "body" and ("body", t) in joined
    ]
    library.undo()
    assert shape(library, page_id) == before
    library.history.clear()


def test_the_join_and_its_title_lines_survive_a_reparse_by_a_newer_parser(
    tmp_path: Path, monkeypatch
) -> None:
    import models.parser
    from models.section import ParsedPage, Section
    from models.text import MappedText

    library, [page_id] = library_with_pages(tmp_path, ("p.txt", TWO_ARTICLES))
    try:
        first, second = shape(library, page_id)
        library.join_section_with_next(page_id, 0)
        real = models.parser.parse_page

        def newer_parser(raw: str) -> ParsedPage:
            """Reads the first article's body as one paragraph: the headings as before."""
            parsed = real(raw)
            one, two = parsed.sections
            body = Section(kind="article", heading=one.heading, paragraphs=[MappedText.join(one.paragraphs)])
            return ParsedPage(raw, [body, two])

        monkeypatch.setattr(models.parser, "parse_page", newer_parser)
        library.reparse_page(page_id)
        [joined] = shape(library, page_id)
        assert [b for b in joined if b[0] != "body"] == [first[0]]
        assert joined[2:] == [("body", second[0][1]), *second[1:]]
    finally:
        library.close()


def test_only_sections_of_one_kind_join(tmp_path: Path) -> None:
    """The sample page ends with an article and the photo caption printed after it, and opens
    with its masthead above the first article: Join with Next on either is refused (a caption
    is not the article's text), nothing is written and there is nothing to undo. Given the
    kind of the section before it, the caption joins (the parser read an article's last lines
    as a caption), the section's kind changed and the join each one step."""
    from conftest import SAMPLE_PAGE

    library, [page_id] = library_with_pages(tmp_path, ("sample.txt", SAMPLE_PAGE.read_text(encoding="utf-8")))
    try:
        kinds = [s.kind for s in library.page(page_id).current_sections]
        assert kinds[:2] == ["masthead", "article"] and kinds[-2:] == ["article", "caption"]
        before = shape(library, page_id)
        last = len(kinds) - 2
        with pytest.raises(DubaoError, match="this is an article, the next section a caption"):
            library.join_section_with_next(page_id, last)
        with pytest.raises(DubaoError, match="this is the masthead, the next section an article"):
            library.join_section_with_next(page_id, 0)
        assert shape(library, page_id) == before
        assert library.history.undo_label() is None and library.page_history(page_id) == []
        library.set_section_kind(page_id, last + 1, "article")
        library.join_section_with_next(page_id, last)
        after = shape(library, page_id)
        assert len(after) == len(before) - 1 and after[-1] == [*before[-2], *before[-1]]
        assert library.history.undo_label() == "join articles"
        library.undo()
        library.undo()
        assert shape(library, page_id) == before
    finally:
        library.close()
