"""Exporting the proofread text: plain text (current or raw) and TEI with corrections visible.

``text``: for each page in library order (issues as the library lists them, pages in their
issue's order) a line ``### <issue title> / <page name>``, then each section's current text
(its blocks joined by line breaks) followed by one blank line; sections with no text left
are left out. With ``raw``, the header is followed by the page's raw OCR text exactly as
stored (a line break is added only if it does not end with one, so the next header starts a
line).

``tei``: a TEI P5 document, one ``div`` per issue, page and section; a section's heads are
``head`` elements (``type`` kicker/subheading), its byline a ``byline``, its paragraphs
``p``; every correction in force is ``<choice><sic>what the OCR read</sic><corr>the
editor's text</corr></choice>`` (an empty ``corr`` for a deletion).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from xml.sax.saxutils import escape, quoteattr

from models.library.records import IssueInfo, PageInfo
from models.library.service import Library
from models.proofreading.layout import BlockLayout, PageLayout

TEI_NS = "http://www.tei-c.org/ns/1.0"
#: Characters XML 1.0 cannot hold (control characters an OCR file may carry).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def pages_in_order(library: Library, issue_id: int | None = None) -> Iterator[tuple[IssueInfo, PageInfo]]:
    """Every page of the library (or one issue), in library order."""
    issues = [library.issue(issue_id)] if issue_id is not None else library.issues()
    for issue in issues:
        for page in library.pages(issue.id):
            yield issue, page


def text_export(library: Library, issue_id: int | None = None, raw: bool = False) -> str:
    """The ``export --format text`` document (see the module docstring)."""
    out: list[str] = []
    for issue, page in pages_in_order(library, issue_id):
        out.append(f"### {issue.label} / {page.name}\n")
        if raw:
            text = library.page(page.id).raw
            out.append(text if text.endswith("\n") or not text else text + "\n")
            continue
        layout = library.layout(page.id)
        for text in layout.texts():
            if text:
                out.append(text + "\n\n")
    return "".join(out)


def _x(text: str) -> str:
    return escape(_NOT_XML.sub("", text))


def _block_xml(layout: PageLayout, block: BlockLayout) -> str:
    """A block's text with each correction as choice/sic/corr."""
    text = block.text.text
    events = list(block.placed)
    parts: list[str] = []
    i = k = 0
    while i < len(text) or k < len(events):
        if k < len(events) and events[k][0] <= i:
            edit = layout.effective[events[k][1]]
            sic = "".join(layout.raw[edit.raw_start : edit.raw_end].split("\n"))
            parts.append(f"<choice><sic>{_x(sic)}</sic><corr>{_x(edit.replacement)}</corr></choice>")
            i = events[k][0] + len(edit.replacement)
            k += 1
            continue
        if i >= len(text):
            break
        parts.append(_x(text[i]))
        i += 1
    return "".join(parts)


def _hidden_deletions(layout: PageLayout) -> dict[int, list[int]]:
    """Section -> corrections that emptied a whole block (so no shown block holds them)."""
    from models.proofreading.structure import blocks_of

    placed = {number for blocks in layout.blocks for block in blocks for _, number in block.placed}
    out: dict[int, list[int]] = {}
    for number, edit in enumerate(layout.effective):
        if number in placed:
            continue
        for index, section in enumerate(layout.parsed):
            if any(
                edit.raw_start <= o < max(edit.raw_end, edit.raw_start + 1)
                for b in blocks_of(section)
                for o in b.text.source
            ):
                out.setdefault(index, []).append(number)
                break
    return out


_ELEMENT = {
    "kicker": ('<head type="kicker">', "</head>"),
    "heading": ("<head>", "</head>"),
    "subheading": ('<head type="subheading">', "</head>"),
    "byline": ("<byline>", "</byline>"),
    "body": ("<p>", "</p>"),
}


def tei_export(library: Library, issue_id: int | None = None, title: str = "Dubao export") -> str:
    """The ``export --format tei`` document (see the module docstring)."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<TEI xmlns="{TEI_NS}">',
        "  <teiHeader>",
        "    <fileDesc>",
        f"      <titleStmt><title>{_x(title)}</title></titleStmt>",
        "      <publicationStmt><p>Exported by Dubao: OCR text with the editors' corrections.</p></publicationStmt>",
        "      <sourceDesc><p>OCR'd newspaper pages; each correction keeps what the OCR read (sic)"
        " beside the editor's text (corr).</p></sourceDesc>",
        "    </fileDesc>",
        "  </teiHeader>",
        "  <text>",
        "    <body>",
    ]
    current_issue: int | None = None
    for issue, page in pages_in_order(library, issue_id):
        if issue.id != current_issue:
            if current_issue is not None:
                lines.append("      </div>")
            current_issue = issue.id
            lines.append(f'      <div type="issue" n={quoteattr(str(issue.id))}>')
            lines.append(f"        <head>{_x(issue.label)}</head>")
        lines.append(f'        <div type="page" n={quoteattr(str(page.id))}>')
        lines.append(f"          <head>{_x(page.name)}</head>")
        layout = library.layout(page.id)
        hidden = _hidden_deletions(layout)
        for index, blocks in enumerate(layout.blocks):
            kind = layout.parsed[index].kind
            lines.append(f'          <div type={quoteattr(kind)} n="{index}">')
            for block in blocks:
                start, end = _ELEMENT.get(block.role, _ELEMENT["body"])
                lines.append(f"            {start}{_block_xml(layout, block)}{end}")
            for number in hidden.get(index, ()):
                # A paragraph the editors deleted whole: still shown, as deleted.
                sic = "".join(
                    layout.raw[layout.effective[number].raw_start : layout.effective[number].raw_end].split(
                        "\n"
                    )
                )
                lines.append(f"            <p><choice><sic>{_x(sic)}</sic><corr/></choice></p>")
            lines.append("          </div>")
        lines.append("        </div>")
    if current_issue is not None:
        lines.append("      </div>")
    else:
        lines.append("      <p/>")
    lines += ["    </body>", "  </text>", "</TEI>", ""]
    return "\n".join(lines)
