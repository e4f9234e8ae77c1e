"""W3C Web Annotation export and import: required fields, round trips, merging, re-anchoring."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from annotation_pages import ASTRAL_PAGE, library_with, mark, sample_text

from models.annotations.exchange import collect, import_w3c, read_w3c, to_w3c, w3c_bytes
from models.errors import DubaoError

pytestmark = pytest.mark.engines

UUID_IRI = re.compile(r"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


@pytest.fixture()
def mine(tmp_path: Path):
    annotations, page_ids = library_with(
        tmp_path / "mine", ("sample.txt", sample_text()), ("astral.txt", ASTRAL_PAGE)
    )
    sample, astral = (annotations.open_page(p) for p in page_ids)
    mark(annotations, sample, "近学许昌、远学扬州", "要点", tags=["活动", "口号"], note="全区的口号")
    mark(annotations, sample, "金融办", "生词")
    mark(annotations, astral, "𠀀家庄", "地名", tags=["村"])
    yield annotations, page_ids
    annotations.library.close()


def summary(annotations) -> set[tuple]:
    return {
        (i.highlight.exact, i.highlight.tags, i.highlight.note, i.category.name) for i in collect(annotations)
    }


@pytest.fixture()
def exported(mine) -> tuple[bytes, set[tuple]]:
    """My annotations as a W3C file, and what they say; my library is closed afterwards.

    The library binds its models to one file per process, so the colleague's library is
    opened only after mine is done with (as on two machines).
    """
    annotations, _ = mine
    return w3c_bytes(collect(annotations), "mine"), summary(annotations)


@pytest.fixture()
def colleague(tmp_path: Path, exported):
    annotations, page_ids = library_with(
        tmp_path / "colleague", ("astral.txt", ASTRAL_PAGE), ("sample.txt", sample_text())
    )
    yield annotations, page_ids
    annotations.library.close()


def test_the_export_has_every_field_the_w3c_model_requires(mine) -> None:
    annotations, _ = mine
    doc = json.loads(w3c_bytes(collect(annotations), "test"))
    assert doc["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert doc["type"] == "AnnotationCollection" and UUID_IRI.match(doc["id"])
    assert doc["total"] == 3
    page = doc["first"]
    assert page["type"] == "AnnotationPage" and UUID_IRI.match(page["id"])
    ids = set()
    for item in page["items"]:
        assert item["type"] == "Annotation" and UUID_IRI.match(item["id"])
        ids.add(item["id"])
        purposes = [b["purpose"] for b in item["body"]]
        assert purposes[0] == "classifying" and set(purposes) <= {"classifying", "tagging", "commenting"}
        for body in item["body"]:
            assert body["type"] == "TextualBody" and isinstance(body["value"], str)
        target = item["target"]
        assert re.match(r"^urn:dubao:issue:[^:]+:page:[0-9a-f]{64}:section:\d+$", target["source"])
        kinds = [s["type"] for s in target["selector"]]
        assert kinds == ["TextQuoteSelector", "TextPositionSelector"]
        quote, position = target["selector"]
        assert len(quote["exact"]) == position["end"] - position["start"]
        assert len(quote["prefix"]) <= 32 and len(quote["suffix"]) <= 32
        assert item["created"].endswith("Z")
    assert len(ids) == 3
    noted = next(i for i in page["items"] if any(b["purpose"] == "commenting" for b in i["body"]))
    assert [b["value"] for b in noted["body"] if b["purpose"] == "tagging"] == ["口号", "活动"]
    astral = next(i for i in page["items"] if i["target"]["selector"][0]["exact"] == "𠀀家庄")
    assert astral["target"]["selector"][1]["end"] - astral["target"]["selector"][1]["start"] == 3


def test_an_issue_export_holds_only_that_issue(mine, tmp_path: Path) -> None:
    annotations, page_ids = mine
    issue_id = annotations.library.page_info(page_ids[0]).issue_id
    assert len(collect(annotations, issue_id)) == 3
    with pytest.raises(DubaoError):
        collect(annotations, 9999)


def test_a_colleague_imports_the_file_and_a_second_import_adds_nothing(exported, colleague) -> None:
    data, mine_items = exported
    theirs, their_pages = colleague
    first = import_w3c(theirs, data)
    assert (first.added, first.merged, first.unanchored) == (3, 0, 0)
    assert summary(theirs) == mine_items
    # Each landed on the same words of the colleague's pages.
    for item in collect(theirs):
        page = theirs.open_page(item.page.id)
        h = item.highlight
        assert page.texts[item.section_index][h.start : h.end] == h.exact
    again = import_w3c(theirs, data)
    assert (again.added, again.merged, again.unanchored) == (0, 3, 0)
    assert len(collect(theirs)) == 3
    # Importing is one operation: undo takes all three away.
    theirs.undo()
    theirs.undo()
    assert collect(theirs) == []


def test_the_same_words_marked_on_both_sides_merge_instead_of_doubling(exported, colleague) -> None:
    data, _ = exported
    theirs, their_pages = colleague
    astral = theirs.open_page(their_pages[0])
    mark(theirs, astral, "𠀀家庄", "地名", tags=["河南"], note="他们的注")
    report = import_w3c(theirs, data)
    assert (report.added, report.merged) == (2, 1)
    merged = [i.highlight for i in collect(theirs) if i.highlight.exact == "𠀀家庄"]
    assert len(merged) == 1 and merged[0].tags == ("村", "河南") and merged[0].note == "他们的注"


def test_an_import_into_corrected_text_reanchors_and_reports_what_it_cannot_place(
    exported, colleague
) -> None:
    data, _ = exported
    theirs, their_pages = colleague
    raw = theirs.open_page(their_pages[0]).content.raw
    at = raw.index("会议指出")
    theirs.library.add_correction(their_pages[0], at, at, "（补一句。）")
    gone = raw.index("𠀀家庄")
    theirs.library.add_correction(their_pages[0], gone - 4, gone + 8, "")
    report = import_w3c(theirs, data)
    assert (report.added, report.unanchored) == (3, 1)
    lost = [i.highlight for i in collect(theirs) if not i.highlight.anchored]
    assert [h.exact for h in lost] == ["𠀀家庄"]


def test_a_file_whose_pages_are_not_in_the_library_is_refused(exported, tmp_path: Path) -> None:
    data, _ = exported
    other, _ = library_with(tmp_path / "other", ("x.txt", "另一张报纸\n\n完全不同的文字内容。\n"))
    with pytest.raises(DubaoError, match="none of the file's pages"):
        import_w3c(other, data)
    other.library.close()


@pytest.mark.parametrize(
    "broken",
    [
        b"not json",
        b"[1, 2]",
        b'{"type": "Something"}',
        b'{"type": "AnnotationCollection", "total": 1}',
        b'[{"type": "Annotation", "id": "x1", "target": {}}]',
        b'[{"type": "Annotation", "id": "urn:uuid:00000000-0000-0000-0000-000000000000",'
        b' "target": {"source": "http://example.org/", "selector": []}}]',
    ],
)
def test_broken_files_are_refused_with_a_reason(broken: bytes) -> None:
    with pytest.raises(DubaoError):
        read_w3c(broken)


def test_the_collection_is_json_ld_with_text_kept_as_unicode(mine) -> None:
    annotations, _ = mine
    data = w3c_bytes(collect(annotations), "读报")
    assert "𠀀家庄".encode() in data
    assert to_w3c([], "empty")["total"] == 0
