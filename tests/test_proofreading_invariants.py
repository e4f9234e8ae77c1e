"""Invariants of correcting from the column, over any sequence of edits (hypothesis)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from proofreading_pages import TWO_ARTICLES, library_with_pages, reset_page, texts

from models.errors import DubaoError
from models.library.schema import Page
from models.proofreading.layout import build_layout

ALPHABET = "农资己已𠀀ab，"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    folder: Path = tmp_path_factory.mktemp("invariants")
    library, [page_id] = library_with_pages(folder, ("p.txt", TWO_ARTICLES))
    yield library, page_id
    library.close()


def paragraph_around(text: str, at: int) -> tuple[int, int]:
    """Where the paragraph holding position ``at`` of a section's text starts and ends."""
    last = text.find("\n", at)
    return text.rfind("\n", 0, at) + 1, len(text) if last < 0 else last


def as_editor_expects(text: str, start: int, end: int, replacement: str) -> str:
    """What a text editor shows after typing over a span: blocks emptied away disappear."""
    edited = text[:start] + replacement + text[end:]
    return "\n".join(block for block in edited.split("\n") if block)


edits = st.lists(
    st.tuples(
        st.integers(0, 1),
        st.floats(0, 1),
        st.floats(0, 1),
        st.text(alphabet=ALPHABET, max_size=3),
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits)
def test_any_sequence_of_corrections_reads_as_typed_maps_to_raw_and_undoes_exactly(workspace, steps) -> None:
    library, page_id = workspace
    reset_page(library, page_id)
    start_texts = texts(library, page_id)
    seen = [start_texts]
    done = 0
    for section, a, b, replacement in steps:
        current = texts(library, page_id)
        text = current[section]
        if not text:
            continue
        start, end = sorted((round(a * len(text)), round(b * len(text))))
        try:
            result = library.correct(page_id, section, start, end, replacement)
        except DubaoError as exc:
            assert "nothing" in str(exc) or "no text" in str(exc)
            continue
        after = texts(library, page_id)
        assert after[section] == as_editor_expects(text, start, end, replacement)
        assert [t for i, t in enumerate(after) if i != section] == [
            t for i, t in enumerate(current) if i != section
        ]
        content = library.page(page_id)
        assert content.raw == TWO_ARTICLES
        for s in content.current_sections:
            for block in s.all_texts():
                assert all(0 <= offset < len(content.raw) for offset in block.source)
        if result.changed:
            done += 1
            seen.append(after)
        else:
            assert after == current
    for expected in reversed(seen[:-1]):
        library.undo()
        assert texts(library, page_id) == expected
    assert done == len(seen) - 1
    # Leave the page as found for the next example (the undone steps are discarded).
    assert texts(library, page_id) == start_texts
    library.history.clear()
    raw = Page.select(Page.raw_text).where(Page.id == page_id).scalar()
    assert raw == TWO_ARTICLES


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits, st.data())
def test_revert_restores_the_text_before_the_correction(workspace, steps, data) -> None:
    library, page_id = workspace
    reset_page(library, page_id)
    made = []
    for section, a, b, replacement in steps:
        text = texts(library, page_id)[section]
        if not text:
            continue
        start, end = sorted((round(a * len(text)), round(b * len(text))))
        before = texts(library, page_id)
        result = library.correct(page_id, section, start, end, replacement)
        if result.changed:
            made.append((result, before))
    if made:
        # Reverting the newest step's corrections and structure edits gives back the text before it.
        result, before = made[-1]
        library.revert_batch(result.batch_id)
        layout = library.layout(page_id)
        assert layout.texts() == before
    while library.undo():
        pass
    library.history.clear()
    assert build_layout(TWO_ARTICLES, library.page(page_id).sections, []).texts() == texts(library, page_id)


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_structure_edits_never_lose_or_duplicate_a_character(data) -> None:
    """Whatever the edits (keys real or stale), every character is shown exactly once."""
    from models.parser import parse_page
    from models.proofreading.structure import ROLES, StructureSpec, apply_structure, blocks_of
    from models.section import SECTION_KINDS

    parsed = parse_page(TWO_ARTICLES).sections
    offsets = sorted(o for s in parsed for b in blocks_of(s) for o in b.text.source)
    key = st.one_of(st.sampled_from(offsets), st.integers(0, len(TWO_ARTICLES) + 5))
    spec = st.one_of(
        st.builds(lambda x, v: StructureSpec("break", x, 0, v), key, st.sampled_from(["yes", "no"])),
        st.builds(
            lambda x, n, r: StructureSpec("role", x, x + n, r),
            key,
            st.integers(1, 40),
            st.sampled_from(ROLES),
        ),
        st.builds(lambda x, v: StructureSpec("section", x, 0, v), key, st.sampled_from(["yes", "no"])),
        st.builds(lambda x, k: StructureSpec("section_kind", x, 0, k), key, st.sampled_from(SECTION_KINDS)),
        st.builds(lambda x, y: StructureSpec("move", x, y, "before"), key, st.one_of(key, st.just(-1))),
    )
    specs = data.draw(st.lists(spec, max_size=8))
    sections, skipped = apply_structure(parsed, specs)
    shown = sorted(
        (o, ch)
        for s in sections
        for b in blocks_of(s)
        for o, ch in zip(b.text.source, b.text.text, strict=True)
    )
    assert [o for o, _ in shown] == offsets
    assert all(TWO_ARTICLES[o] == ch for o, ch in shown if not TWO_ARTICLES[o].isspace())
    assert all(0 <= i < len(specs) for i in skipped)
    assert all(s.kind in SECTION_KINDS for s in sections)


mixed = st.lists(
    st.tuples(
        st.sampled_from(
            ["correct", "split", "join", "split_section", "join_section", "move", "role", "revert"]
        ),
        st.integers(0, 5),
        st.floats(0, 1),
        st.floats(0, 1),
        st.text(alphabet=ALPHABET, max_size=2),
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mixed)
def test_mixed_corrections_and_structure_edits_undo_to_the_page_as_it_was(workspace, steps) -> None:
    """Any mix of steps keeps the raw text and valid offsets; undoing them all gives the page back,
    a highlight made first back on its words."""
    from models.annotations.service import Annotations

    library, page_id = workspace
    reset_page(library, page_id)
    annotations = Annotations(library)
    library.database.execute_sql("DELETE FROM highlight")
    page = annotations.open_page(page_id)
    at = page.texts[1].index("新农村建设")
    h = annotations.create(page, 1, at, at + 5, annotations.categories()[0].id)
    start_texts = texts(library, page_id)
    made = 1
    for op, s, a, b, new in steps:
        current = texts(library, page_id)
        s %= len(current)
        text = current[s]
        start, end = sorted((round(a * len(text)), round(b * len(text))))
        try:
            if op == "correct":
                result = library.correct(page_id, s, start, end, new)
            elif op == "split":
                result = library.split_paragraph(page_id, s, start)
            elif op == "join":
                result = library.join_paragraph_with_next(page_id, s, start)
            elif op == "split_section":
                result = library.split_section(page_id, s, start)
            elif op == "join_section":
                result = library.join_section_with_next(page_id, s)
            elif op == "move":
                result = library.move_section(page_id, s, round(a * (len(current) - 1)))
            elif op == "role":
                result = library.set_role(page_id, s, start, ["heading", "byline", "body"][round(b * 2)])
            else:
                history = [e for e in library.page_history(page_id) if e.state == "in_force"]
                if not history:
                    continue
                entry = history[round(a * (len(history) - 1))]
                if entry.what == "correction":
                    result = library.revert_correction(entry.id)
                else:
                    result = library.revert_structure_edit(entry.id)
        except DubaoError:
            continue
        made += result.changed
        content = library.page(page_id)
        assert content.raw == TWO_ARTICLES
        for section in content.current_sections:
            for block in section.all_texts():
                assert all(0 <= offset < len(content.raw) for offset in block.source)
        stored = annotations.highlight(h.id)
        if stored.anchored:
            shown = annotations.open_page(page_id)
            index = shown.section_index(stored.section_id)
            assert index is not None and shown.texts[index][stored.start : stored.end] == stored.exact
    for _ in range(made - 1):
        library.undo()
    assert texts(library, page_id) == start_texts
    back = annotations.open_page(page_id)
    mark = next(x for x in back.highlights if x.id == h.id)
    assert (
        mark.anchored
        and back.texts[back.section_index(mark.section_id)][mark.start : mark.end] == "新农村建设"
    )
    library.unsubscribe(annotations._library_changed)
    library.history.clear()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.integers(0, 1),
    st.floats(0, 1),
    st.floats(0, 1),
    st.text(alphabet=ALPHABET.replace("，", ""), min_size=1, max_size=3),
    st.floats(0, 1),
)
def test_enter_after_typing_splits_the_paragraph_at_the_caret(workspace, section, a, b, typed, where) -> None:
    """Type over a span, then press Enter anywhere in the paragraph, inside the typed text too:
    the paragraph breaks exactly at the caret (it broke before the whole correction, two or
    three characters early, or not at all with the typed text at the paragraph's start);
    one undo takes the break back, another the typing."""
    library, page_id = workspace
    reset_page(library, page_id)
    text = texts(library, page_id)[section]
    start, end = sorted((round(a * len(text)), round(b * len(text))))
    if not library.correct(page_id, section, start, end, typed).changed:
        return
    typed_text = texts(library, page_id)
    here = typed_text[section]
    # the paragraph the typing is in, and a caret strictly inside it
    first, last = paragraph_around(here, start)
    if last - first < 2:
        return
    caret = first + 1 + round(where * (last - first - 2))
    block = library.layout(page_id).blocks[section]
    role = next(b.role for b in block if b.start <= caret <= b.start + len(b.text.text))
    if role != "body":
        return
    try:
        library.split_paragraph(page_id, section, caret)
    except DubaoError as exc:
        assert "one correction" in str(exc)  # nothing raw left in the paragraph to break at
        assert texts(library, page_id) == typed_text
        return
    after = texts(library, page_id)
    assert after[section] == here[:caret] + "\n" + here[caret:]
    assert [t for i, t in enumerate(after) if i != section] == [
        t for i, t in enumerate(typed_text) if i != section
    ]
    assert library.page(page_id).raw == TWO_ARTICLES
    library.undo()
    assert texts(library, page_id) == typed_text
    library.history.clear()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.integers(0, 1),
    st.floats(0, 1),
    st.text(alphabet=ALPHABET.replace("，", ""), min_size=1, max_size=3),
    st.floats(0, 1),
    st.floats(0, 1),
)
def test_enter_over_a_selection_after_typing_breaks_where_the_selection_was(
    workspace, section, a, typed, b, c
) -> None:
    """Type, select any span inside the paragraph (into or out of the typed text), press Enter:
    the selection goes and the paragraph breaks there (it broke characters away, before or
    after the correction the deletion touched); one undo gives the typed text back."""
    library, page_id = workspace
    reset_page(library, page_id)
    text = texts(library, page_id)[section]
    at = round(a * len(text))
    if not library.correct(page_id, section, at, at, typed).changed:
        return
    typed_text = texts(library, page_id)
    here = typed_text[section]
    first, last = paragraph_around(here, at)
    if last - first < 3:
        return
    # the selection ends among the typed characters or beside them, and starts anywhere before
    end = min(at + round(c * (len(typed) + 1)), last)
    start = first + round(b * (end - first))
    if start == end or start == first:
        return
    block = library.layout(page_id).blocks[section]
    if next(x.role for x in block if x.start <= start <= x.start + len(x.text.text)) != "body":
        return
    try:
        library.split_paragraph(page_id, section, start, end=end)
    except DubaoError as exc:
        assert "one correction" in str(exc)
        assert texts(library, page_id) == typed_text
        return
    after = texts(library, page_id)
    expected = here[:start] + ("\n" if end < last else "") + here[end:]
    assert after[section] == expected
    assert library.page(page_id).raw == TWO_ARTICLES
    library.undo()
    assert texts(library, page_id) == typed_text
    library.history.clear()


keystrokes = st.lists(
    st.one_of(st.sampled_from(["back", "delete", "left", "right"]), st.sampled_from(list(ALPHABET))),
    min_size=1,
    max_size=12,
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, 1), st.floats(0, 1), keystrokes)
def test_typing_and_deleting_at_a_caret_reads_as_a_text_editor_would(workspace, section, where, keys) -> None:
    """Keystrokes at a caret (characters, Backspace, Delete, arrows) read exactly as a plain
    text editor would show them after each one. Typing x, y then Backspace twice read "xy"
    again: setting aside the correction that put the text back let the older one it hid come
    back. Undoing every step gives the page back."""
    library, page_id = workspace
    reset_page(library, page_id)
    model = texts(library, page_id)[section]
    original = texts(library, page_id)
    caret = round(where * len(model))
    steps = 0
    for key in keys:
        if key == "left":
            caret = max(caret - 1, 0)
            continue
        if key == "right":
            caret = min(caret + 1, len(model))
            continue
        if key == "back":
            if caret == 0 or model[caret - 1] == "\n":
                continue  # a paragraph join, not a correction
            start, end, typed = caret - 1, caret, ""
        elif key == "delete":
            if caret >= len(model) or model[caret] == "\n":
                continue
            start, end, typed = caret, caret + 1, ""
        else:
            start, end, typed = caret, caret, key
        try:
            result = library.correct(page_id, section, start, end, typed)
        except DubaoError as exc:
            assert "nothing" in str(exc) or "no text" in str(exc)
            continue
        model = as_editor_expects(model, start, end, typed)
        caret = start + len(typed)
        steps += result.changed
        assert texts(library, page_id)[section] == model
    for _ in range(steps):
        library.undo()
    assert texts(library, page_id) == original
    library.history.clear()
