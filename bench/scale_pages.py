"""Page files for the scale benches: the dev pages' gold articles recombined and laid out again.

Each page holds 2–8 articles drawn at random from every gold article of the dev sets
(``tools/relayout.py``: column widths, blank lines or none, headlines before or after,
engine style), so pages, their lengths and each word's hit count vary. Pages go into
issue folders of 12 (``2020-01-01/page-01.txt`` …), the way a year of a daily is kept.
Seeded: the same arguments give the same files. Generated once into a cache folder.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES_PER_ISSUE = 12


def page_texts(pages: int, seed: int) -> Iterator[str]:
    """``pages`` page texts, each 2–8 gold articles laid out afresh."""
    from tools import relayout

    articles = relayout.load_articles()
    rng = random.Random(seed)
    for _ in range(pages):
        chosen = rng.sample(articles, min(len(articles), rng.randint(2, 8)))
        yield relayout.lay_out_page(chosen, rng).raw


def write_issues(folder: Path, pages: int, seed: int, first_day: date = date(2020, 1, 1)) -> list[Path]:
    """Write the pages into issue folders of 12 under ``folder`` (kept if already complete)."""
    done = folder / ".complete"
    issues = [
        folder / (first_day + timedelta(days=n)).isoformat() for n in range(-(-pages // PAGES_PER_ISSUE))
    ]
    if done.exists():
        return issues
    folder.mkdir(parents=True, exist_ok=True)
    for number, text in enumerate(page_texts(pages, seed)):
        issue = issues[number // PAGES_PER_ISSUE]
        issue.mkdir(exist_ok=True)
        (issue / f"page-{number % PAGES_PER_ISSUE + 1:02d}.txt").write_text(text, encoding="utf-8")
    done.write_text("")
    return issues
