"""Build ``resources/language/words.tsv`` and ``chars.tsv``, the bundled reading tables (a developer's tool).

Run ``python -m models.language.build_tables`` with ``pypinyin-dict`` installed. The table
merges pypinyin's phrase table (MIT) with the CC-CEDICT words (CC BY-SA 4.0) shipped in
``pypinyin-dict``; where they disagree a syllable keeps both readings, pypinyin's first. Bundling the merged table keeps start-up fast and memory small: the two source
tables as Python modules take over 100 MB of nested lists, the merged file ~25 MB as a dict.
"""

from __future__ import annotations

import importlib
from pathlib import Path

LANGUAGE_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "language"
WORDS_FILE = LANGUAGE_DIR / "words.tsv"
CHARS_FILE = LANGUAGE_DIR / "chars.tsv"
_CEDICT_MODULES = [f"pypinyin_dict.phrase_pinyin_data.cc_cedict_{i}" for i in range(4)]


def _syllable(choices: list[str]) -> str:
    return "|".join(dict.fromkeys(choices))


def merged_words() -> dict[str, str]:
    """Word -> space-separated tone-marked syllables, from both sources.

    Where the two sources disagree on a character (阆中 láng/làng), or CC-CEDICT lists
    two readings (大夫 dà/dài), the syllable holds both, pypinyin's first: "láng|làng".
    """
    from pypinyin.phrases_dict import phrases_dict

    cedict: dict[str, list[list[str]]] = {}
    for name in _CEDICT_MODULES:
        for word, syllables in importlib.import_module(name).phrases_dict.items():
            if len(word) > 1 and len(syllables) == len(word):
                cedict[word] = syllables
    words: dict[str, str] = {w: " ".join(_syllable(s) for s in syl) for w, syl in cedict.items()}
    for word, syllables in phrases_dict.items():
        if len(word) < 2 or len(syllables) != len(word):
            continue
        other = cedict.get(word)
        merged = []
        for k, choices in enumerate(syllables):
            merged.append(_syllable(choices[:1] + (other[k] if other else [])))
        words[word] = " ".join(merged)
    return words


def main() -> None:
    words = merged_words()
    lines = [f"{w}\t{r}\n" for w, r in sorted(words.items())]
    WORDS_FILE.parent.mkdir(parents=True, exist_ok=True)
    WORDS_FILE.write_text(
        "# word<TAB>pinyin. From pypinyin's phrase table (MIT) and CC-CEDICT (CC BY-SA 4.0) via pypinyin-dict;"
        " regenerate with: python -m models.language.build_tables\n" + "".join(lines),
        encoding="utf-8",
    )
    print(f"{len(words)} words -> {WORDS_FILE}")
    from pypinyin.pinyin_dict import pinyin_dict

    chars = [f"{chr(cp)}\t{readings.replace(',', ' ')}\n" for cp, readings in sorted(pinyin_dict.items())]
    CHARS_FILE.write_text(
        "# character<TAB>readings, most common first. From pypinyin's character table (MIT);"
        " regenerate with: python -m models.language.build_tables\n" + "".join(chars),
        encoding="utf-8",
    )
    print(f"{len(chars)} characters -> {CHARS_FILE}")


if __name__ == "__main__":
    main()
