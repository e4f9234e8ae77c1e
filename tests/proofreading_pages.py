"""A two-article page and a library holding it, for the proofreading tests (a helper module)."""

from __future__ import annotations

from pathlib import Path

from models.annotations.texts import section_text
from models.library.service import Library

#: Two articles, each a heading and paragraphs; OCR line breaks inside words (坚\n持, 生\n产).
TWO_ARTICLES = """春耕时节农资足

    本报北京3月2日电（记者王小明）全国各地抓好春季农业生产，农资供应
充足，价格总体平稳，农民群众积极备耕。
    农业农村部有关负责人表示，要确保农资供应不断档、不脱销，保障春耕生
产顺利进行。
    各地还组织农技人员下乡，指导农民科学施肥用药。

城乡一体化示范区建设提速

    本报讯（记者李华）示范区召开城乡一体化工作推进大会，会议指出，要坚
持问题导向，狠抓工作落实。
    与会人员参观了新农村建设成果，大家表示要学习先进经验。
"""


def library_with_pages(folder: Path, *pages: tuple[str, str]) -> tuple[Library, list[int]]:
    """A library in ``folder`` with the (file name, text) pages as one issue; page ids in that order."""
    issue = folder / "issue"
    issue.mkdir(parents=True, exist_ok=True)
    for name, text in pages:
        (issue / name).write_text(text, encoding="utf-8")
    library = Library.open(folder / "library.sqlite3")
    library.import_paths([issue])
    by_name = {Path(p.source_path or "").name: p.id for i in library.issues() for p in library.pages(i.id)}
    return library, [by_name[name] for name, _ in pages]


def texts(library: Library, page_id: int) -> list[str]:
    """The page's section texts as an editor sees them now."""
    return [section_text(s) for s in library.page(page_id).current_sections]


def find(library: Library, page_id: int, words: str) -> tuple[int, int, int]:
    """(section, start, end) of the first occurrence of words in the current section texts."""
    for index, text in enumerate(texts(library, page_id)):
        at = text.find(words)
        if at >= 0:
            return index, at, at + len(words)
    raise AssertionError(f"{words!r} is not on the page")


def reset_page(library: Library, page_id: int) -> None:
    """Back to the page as imported, whatever an example (even a failing one) left behind: no
    corrections, structure edits or batches, an empty history."""
    from models.library.schema import Correction, EditBatch, StructureEdit

    with library.database.atomic():
        Correction.delete().execute()
        StructureEdit.delete().execute()
        EditBatch.delete().execute()
        library._materialise(page_id)
    library.history.clear()


def select_words(win, words: str):
    """Select ``words`` in the window's column that shows them, the keyboard in that column (UTF-16
    positions through the column's SectionPositions); the column."""
    from ui.annotations.highlight_positions import SectionPositions

    for index, column in enumerate(win.page_view.columns):
        text = "\n".join(ref.text.text for ref in column.blocks)
        at = text.find(words)
        if at >= 0:
            win.page_view.focus_column(index)
            column.setFocus()
            positions = SectionPositions(column)
            cursor = column.textCursor()
            cursor.setPosition(positions.to_document(at))
            cursor.setPosition(positions.to_document(at + len(words)), cursor.MoveMode.KeepAnchor)
            column.setTextCursor(cursor)
            return column
    raise AssertionError(words)


def colleague_file(library: Library, path: Path, value: str, author: str, issue: int | None = None) -> Path:
    """A colleague's W3C file correcting the library's only correction's span otherwise: the same
    target with a new id, ``value`` for the replacement and ``author`` as its creator (a clash)."""
    import json
    import uuid

    from models.annotations.exchange import w3c_bytes
    from models.proofreading.exchange import correction_annotations

    (theirs,) = correction_annotations(library) if issue is None else correction_annotations(library, issue)
    theirs = json.loads(json.dumps(theirs))
    theirs["id"] = f"urn:uuid:{uuid.uuid4()}"
    theirs["body"]["value"] = value
    theirs["creator"] = {"type": "Person", "name": author}
    path.write_bytes(w3c_bytes([], "colleague", [theirs]))
    return path


def flagging(words: str, suggestion: str):
    """A checker for the window's proofreading session that flags each line's first ``words``
    as a look-alike with ``suggestion`` (the shipped checker's flags are its own to test)."""
    return lambda lines: [
        [{"start": at, "end": at + len(words), "kind": "lookalike", "suggestion": suggestion}]
        if (at := line.find(words)) >= 0
        else []
        for line in lines
    ]
