"""The annotation write path in a process of its own, for the crash test.

``python tests/annotation_writer.py LIBRARY PAGE_ID`` highlights passages of the page in a
loop, with tags and notes, and prints each highlight's id only after it was committed, until
it is killed.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    from models.annotations.service import Annotations

    annotations = Annotations.open(sys.argv[1])
    page = annotations.open_page(int(sys.argv[2]))
    categories = [c.id for c in annotations.categories()]
    out = sys.stdout
    out.write("ready\n")
    out.flush()
    n = 0
    while True:
        section = n % len(page.texts)
        text = page.texts[section]
        start = (n * 7) % max(1, len(text) - 4)
        h = annotations.create(
            page, section, start, start + 3, categories[n % len(categories)], tags=[f"t{n % 5}"], note=f"n{n}"
        )
        out.write(f"{h.id}\n")
        out.flush()
        n += 1


if __name__ == "__main__":
    main()
