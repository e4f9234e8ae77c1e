"""Library search answers the same on a library file (FTS5) and on a PostgreSQL server (tsvector)."""

from __future__ import annotations

import random
from pathlib import Path

from annotation_pages import ASTRAL_PAGE, library_with, sample_text
from conftest import fresh_server_url

from models.library.service import Library

#: Full-width, traditional and Latin forms, to fold the same way on both engines.
FOLDED_PAGE = "發展ＧＤＰ增长，gdp與GDP同步。\n\n改革开放四十年，发展是硬道理。\n"


def _hits(library: Library, query: str, **options: object) -> list[tuple]:
    return [
        (h.issue_id, h.page_id, h.section, h.start, h.end, h.raw_offset, h.context, h.corrected)
        for h in library.search(query, **options)  # type: ignore[arg-type]
    ]


def test_search_on_a_server_finds_what_a_file_finds_for_queries_of_every_length(tmp_path: Path) -> None:
    pages = (("sample.txt", sample_text()), ("astral.txt", ASTRAL_PAGE), ("folded.txt", FOLDED_PAGE))
    on_file, file_ids = library_with(tmp_path / "file", *pages)
    server = fresh_server_url("search")
    on_server = Library.open(server)
    try:
        report = on_server.import_paths([tmp_path / "file" / "issue"])
        by_name = {
            Path(p.source_path or "").name: p.id for i in on_server.issues() for p in on_server.pages(i.id)
        }
        assert [by_name[name] for name, _ in pages] == file_ids and report.pages_added == 3
        # The same corrections on both: search reads the current text and marks corrected hits.
        for library in (on_file.library, on_server):
            library.correct(file_ids[1], 1, 0, 2, "石城", author="test")
        text = "".join(text for _, text in pages)
        chars = sorted({c for c in text if not c.isspace()})
        rng = random.Random(13)
        spans = []
        for _ in range(150):
            start = rng.randrange(len(text) - 6)
            spans.append(text[start : start + rng.randint(2, 6)].strip())
        queries = [
            *chars,
            *spans,
            "发展",
            "GDP",
            "gdp",
            "ｇｄｐ",
            "發展",
            "石城",
            "熊猫",
            "𠀀家庄",
            "，",
            "的的",
        ]
        compared = 0
        for query in queries:
            if not query:
                continue
            for raw in (False, True):
                found = _hits(on_file.library, query, raw=raw)
                assert _hits(on_server, query, raw=raw) == found, (query, raw)
                compared += bool(found)
        assert compared > 300  # most queries find something: the comparison is not of empty lists
        issue = on_server.issues()[0].id
        for query in ("的", "发展", "示范区"):
            assert _hits(on_server, query, issue=issue, offset=3, limit=5) == _hits(
                on_file.library, query, issue=issue, offset=3, limit=5
            )
        assert _hits(on_server, "的", issue=issue + 1) == []
    finally:
        on_server.close()
        on_file.library.close()
