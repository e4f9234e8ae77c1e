"""Words of a sentence, cut by jieba (dictionary loaded lazily, once, thread-safe).

jieba's dictionary takes about a second to load, so nothing here loads it at import
time: the first cut loads it, or ``warm_up()`` can be called from a background thread
while the window paints.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import math
import os
import re
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Any

from models.language.phrase_table import is_han, proper_nouns, word_table

_lock = threading.Lock()
_tokenizer: Any = None
_tags: dict[str, str] | None = None


def _load() -> Any:
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import jieba

                from models.language import kept_tables, phrase_table

                jieba.setLogLevel(logging.WARNING)
                kept = kept_tables.read()
                if kept is not None:  # jieba's counts and the word table, as the last process had them
                    tokenizer = kept_tables.tokenizer_from(kept)
                    phrase_table.adopt_words(kept[2])
                else:
                    tokenizer = jieba.Tokenizer()
                    tokenizer.initialize()
                    _share_counts(tokenizer.FREQ)
                _tokenizer = tokenizer
    return _tokenizer


def load() -> None:
    """Load jieba's dictionary now (the first cut would), and the word table with it when both
    are kept from an earlier process."""
    _load()


def _share_counts(freq: dict[str, int]) -> None:
    """One int object a count in jieba's dictionary: its 500k words and prefixes hold 5,000
    different counts, each its own 28-byte object as loaded (about 9 MB). Same values, in place."""
    shared: dict[int, int] = {}
    for word, count in freq.items():
        freq[word] = shared.setdefault(count, count)


def share_keys(words: dict[str, str] | set[str]) -> dict[str, str] | set[str]:
    """``words`` keyed by the strings jieba's dictionary holds already, so that a word is one
    string in memory, not two (its tags: 114k words, about 8 MB; the word table's 100k). The same
    words and values (in another order); a word jieba's dictionary lacks keeps its own string."""
    freq = _load().FREQ
    if isinstance(words, set):
        shared = {w for w in freq if w in words}
        return shared | words if len(shared) < len(words) else shared
    shared_map = {w: words[w] for w in freq if w in words}
    if len(shared_map) < len(words):
        for w, value in words.items():
            shared_map.setdefault(w, value)
    return shared_map


def keep_with(words: dict[str, str]) -> None:
    """Keep jieba's dictionary as loaded, with the word table ``words`` (keyed by its strings), for
    the next process to read in one go (``kept_tables``)."""
    from models.language import kept_tables

    tokenizer = _load()
    kept_tables.write(tokenizer.FREQ, tokenizer.total, words)


#: jieba's tags the context rules ask about; nouns and names (most of the dictionary) are
#: left out to keep the table small: a dictionary word without a stored tag is a noun.
_KEPT_TAGS = ("a", "d", "v", "r", "m", "q", "u", "p", "c", "z", "i", "l", "f", "t")


def _read_dictionary(tokenizer: Any) -> tuple[dict[str, str], frozenset[str]]:
    """jieba's dictionary read once for the tags the rules ask about and for its person names
    (two or three characters, a listed surname first, tagged nr or nrfg).

    Reading the dictionary takes about 0.45 s of CPU; what it gives is kept beside jieba's own
    cache (the temporary folder) and read back in a few tens of milliseconds by the next process,
    as long as jieba, the kept tags and the surname list are the same.
    """
    key = _cache_key()
    path = Path(tempfile.gettempdir()) / f"dubao-jieba-tags-{key}.marshal"
    try:
        with path.open("rb") as f:
            by_tag, people = marshal.load(f)
        tags = {}
        for tag, words in by_tag.items():
            tags.update(dict.fromkeys(words.split("\t"), sys.intern(tag)))
        return tags, frozenset(people.split("\t"))
    except (OSError, EOFError, ValueError, TypeError):
        pass  # no cache yet, or a broken one: read the dictionary
    tags, people = _read_dictionary_file(tokenizer)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".dubao-jieba-tags-")
        with os.fdopen(fd, "wb") as f:
            by_tag: dict[str, list[str]] = {}
            for word, tag in tags.items():
                by_tag.setdefault(tag, []).append(word)
            marshal.dump(({t: "\t".join(ws) for t, ws in by_tag.items()}, "\t".join(sorted(people))), f)
        os.replace(tmp, path)  # whole or not at all: another process may be reading it
    except OSError:
        pass  # a read-only temporary folder: read the dictionary again next time
    return tags, people


def _cache_key() -> str:
    import jieba

    from models.resources import resource_path

    surnames = resource_path("language", "surnames.tsv").read_bytes()
    made = f"{jieba.__version__}|{','.join(_KEPT_TAGS)}|".encode() + surnames
    return hashlib.sha1(made).hexdigest()[:16]


def _read_dictionary_file(tokenizer: Any) -> tuple[dict[str, str], frozenset[str]]:
    tags: dict[str, str] = {}
    people: set[str] = set()
    surnames, _ = name_lists()
    with tokenizer.get_dict_file() as f:
        for raw in f:  # line by line: the whole file at once would stay in the process's memory
            parts = raw.decode("utf-8").split()
            if len(parts) != 3:
                continue
            word, _, tag = parts
            if tag.startswith(_KEPT_TAGS):
                tags[word] = sys.intern(tag)
            elif tag in ("nr", "nrfg") and len(word) in (2, 3) and word[0] in surnames:
                people.add(word)
    return tags, frozenset(people)


def _load_tags() -> dict[str, str]:
    global _tags, _person_names
    tokenizer = _load()
    if _tags is None:
        with _lock:
            if _tags is None:
                tags, people = _read_dictionary(tokenizer)
                _tags = share_keys(tags)  # type: ignore[assignment]
                _person_names = frozenset(share_keys(set(people)))
    return _tags


def warm_up() -> None:
    """Load jieba's dictionary, tags and name lists now (call it from a background thread at start-up)."""
    _load_tags()
    _load_person_names()


def is_loaded() -> bool:
    """Whether jieba's dictionary is in memory already."""
    return _tokenizer is not None


#: How much likelier (natural log) a particle is to stand alone where grammar expects one:
#: an aspect particle right after a verb, 的 after a noun. jieba weighs each word by its own
#: frequency only, so a rare word that swallows the particle can outweigh it.
_PARTICLE_BONUS = 1.5

#: Aspect particles that a rare word may swallow after a verb (矗立着数棵: 着数 zhāoshù).
_ASPECT = "着了"


def _log_freq(tokenizer: Any, word: str) -> float | None:
    found = tokenizer.FREQ.get(word, 0)
    return math.log(found) - math.log(tokenizer.total) if found > 0 else None


def _free_particles(tokenizer: Any, words: list[str]) -> list[str]:
    """jieba's cut, with particles freed from rare words that grammar says they are not part of.

    jieba picks the cut whose words are likeliest one by one; it cannot see that a particle
    is what usually follows the word before. Two cases, both weighed with ``_PARTICLE_BONUS``:
    after a verb, 着/了 opening a two-character word (矗立|着数|棵 -> 矗立|着|数|棵, while 开始|着手
    stays); and X的 after a word whose last character makes a likelier word with X
    (该项|目的 -> 该|项目|的, while 这个|目的 stays).
    """
    out: list[str] = []
    for word in words:
        if len(word) != 2 or (word[0] not in _ASPECT and word[1] != "的"):
            out.append(word)  # neither case can apply (most words)
            continue
        prev = out[-1] if out else ""
        if word[0] in _ASPECT and prev and tag_of(prev).startswith("v"):
            whole, particle, rest = (_log_freq(tokenizer, w) for w in (word, word[0], word[1]))
            if whole is not None and particle is not None and rest is not None:
                if particle + rest + _PARTICLE_BONUS > whole:
                    out.extend(word)
                    continue
        if word[1] == "的" and len(prev) >= 2:
            head, joined = prev[:-1], prev[-1] + word[0]
            scores = [_log_freq(tokenizer, w) for w in (prev, word, head, joined, "的")]
            if None not in scores:
                s_prev, s_word, s_head, s_joined, s_de = scores
                if s_head + s_joined + s_de + _PARTICLE_BONUS > s_prev + s_word:
                    out[-1:] = [head, joined, "的"]
                    continue
        out.append(word)
    return out


def cut(text: str) -> list[str]:
    """The words of ``text`` in order; joined they give ``text`` back exactly.

    A person's name is one word, even where jieba's dictionary cuts it (邱小军, not 邱 / 小军).
    """
    return join_names(text, _cut(text))


def join_names(text: str, words: Sequence[str]) -> list[str]:
    """``words`` (``dictionary_cut(text)``) with each person's name found in ``text`` made one word."""
    words = tuple(words)
    spans = _name_spans(text, words)
    if not spans:
        return list(words)
    return _join(words, spans)


#: A page's clauses are cut once, and again for names by the polyphone step: the cache holds a
#: few pages' (a 10,000-character page has about 300 clauses); pages read before are kept whole by
#: ``readings._read_text``. 4,096 kept about 14 pages' words, ~5 MB of a session.
@lru_cache(maxsize=1024)
def _cut(text: str) -> tuple[str, ...]:
    # Without the HMM: jieba's dictionary words only (twice as fast); the word table and the
    # model do better on runs of single characters than the HMM's guessed words.
    tokenizer = _load()
    words = dictionary_words(tokenizer, text)
    if "的" not in text and not any(p in text for p in _ASPECT):  # no particle to free
        return tuple(words)
    return tuple(_free_particles(tokenizer, words))


#: jieba's blocks: runs it cuts with its dictionary, and what it splits at spaces (jieba.re_han_default, re_skip_default).
_HAN_BLOCK = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]+)")
_SKIP = re.compile("(\r\n|\\s)")
#: One-character words jieba glues into a run (its re_eng).
_LATIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_LATIN_CHAR = re.compile("[a-zA-Z0-9]")


def dictionary_words(tokenizer: Any, text: str) -> list[str]:
    """``list(tokenizer.cut(text, HMM=False))``, the same words, in about half the time.

    jieba builds a graph of every dictionary word at each position, then walks it backwards for
    the likeliest route, in two passes over dicts of lists and a ``max`` over tuples per position.
    Here the two passes are one loop over lists; the sums, and the ties (the longest word wins),
    are jieba's. ``tests/test_pinyin_speed.py`` checks the two cut the same.
    """
    out: list[str] = []
    # split() with one group alternates: what lies between the blocks (even places), the blocks
    # (odd places); likewise a piece split at _SKIP: no need to match each part again.
    for k, block in enumerate(_HAN_BLOCK.split(text)):
        if not block:
            continue
        if k & 1:
            _route_words(tokenizer, block, out)
        elif len(block) == 1:  # one character: kept as it is, whitespace or not
            out.append(block)
        else:
            for j, piece in enumerate(_SKIP.split(block)):
                if j & 1:
                    out.append(piece)
                else:
                    out.extend(piece)
    return out


#: ``log(count) - log(total)`` for each count in jieba's dictionary (about 5,000 distinct counts),
#: worked out once: the same floats jieba's sums use, for the tokenizer and total they were made for.
_LOG_PROBS: list[Any] = [None, 0, {}]


def _log_probs(tokenizer: Any) -> dict[int, float]:
    if _LOG_PROBS[0] is not tokenizer or _LOG_PROBS[1] != tokenizer.total:
        log = math.log
        logtotal = log(tokenizer.total)
        counts = set(tokenizer.FREQ.values()) | {1}
        _LOG_PROBS[:] = [tokenizer, tokenizer.total, {c: log(c) - logtotal for c in counts if c}]
    return _LOG_PROBS[2]


def _route_words(tokenizer: Any, block: str, out: list[str]) -> None:
    get = tokenizer.FREQ.get
    logp = _log_probs(tokenizer)
    alone = logp[1]  # a character no dictionary word starts with, as jieba weighs it
    n = len(block)
    score = [0.0] * (n + 1)
    end = list(range(1, n + 1))  # where the likeliest word from each position ends (exclusive)
    firsts = list(map(get, block))  # each character's own count, looked up in one pass
    for start in range(n - 1, -1, -1):
        after = score[start + 1]
        count = firsts[start]
        if count is None:  # no dictionary word starts here: the character alone
            score[start] = alone + after
            continue
        if count:
            best, best_end = logp[count] + after, start + 1
        else:  # only a prefix: the first longer word found wins, or else the character alone
            best, best_end = alone + after, 0
        i = start + 2
        while i <= n:
            count = get(block[start:i])
            if count is None:
                break
            if count:
                here = logp[count] + score[i]
                if not best_end or here >= best:
                    best, best_end = here, i
            i += 1
        score[start] = best
        if best_end:
            end[start] = best_end
    x = 0
    if _LATIN_CHAR.search(block) is None:  # no letters or digits to glue: the words as routed
        while x < n:
            y = end[x]
            out.append(block[x:y])
            x = y
        return
    latin = ""
    while x < n:
        y = end[x]
        word = block[x:y]
        if y - x == 1 and word in _LATIN:
            latin += word
        else:
            if latin:
                out.append(latin)
                latin = ""
            out.append(word)
        x = y
    if latin:
        out.append(latin)


def dictionary_cut(text: str) -> list[str]:
    """jieba's dictionary words of ``text`` with names left as jieba cuts them (邱 / 小军).

    The reading engine looks words up in its table; a joined name is no table word, so it reads
    from these pieces and asks ``names`` where a person's name stands.
    """
    return list(_cut(text))


def _join(words: tuple[str, ...], spans: list[tuple[int, int]]) -> list[str]:
    out: list[str] = []
    pos = 0
    ends = dict(spans)
    k = 0
    while k < len(words):
        end = ends.get(pos)
        if end is None:
            out.append(words[k])
            pos += len(words[k])
            k += 1
            continue
        joined = ""
        while pos < end:
            joined += words[k]
            pos += len(words[k])
            k += 1
        out.append(joined)
    return out


def clear_caches() -> None:
    """Forget the cuts and names of texts seen so far."""
    _cut.cache_clear()
    _name_spans.cache_clear()


def names(text: str) -> list[tuple[int, int]]:
    """Where person names stand in ``text``: (start, end) code-point spans, each one word of ``cut``."""
    return _name_spans(text, _cut(text))


#: Given-name characters that are grammar words or numbers: a run holding one is no name.
_NOT_GIVEN = set(
    "的了是在有和与就都也说到被把将对为从向以及或而之其这那个们着过地得不没很还又再才我你他她它年月日讲问答称道等"
)


#: A character jieba's dictionary counts fewer times than this is rare: in a name, a given name (解缙).
_RARE = 500

#: jieba's tags of a one-character given name that rather make the run a phrase (曾任, 曾在).
_NOT_A_NAME_TAGS = ("v", "d", "p", "c", "r", "u", "m", "q", "f")


@lru_cache(maxsize=1024)
def _name_spans(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """Person names: a surname of the shipped list, then one or two given-name characters.

    Either jieba's dictionary knows the whole name as a person's (单田芳, tag nr), or jieba's HMM,
    which joins runs of single characters into new words, makes one word of a lone surname and
    the one or two characters after it, all of them given-name characters (邱 小 军 -> 邱小军).
    """
    surnames, given = name_lists()
    spans: list[tuple[int, int]] = []
    hmm: tuple[dict[int, int], set[int]] | None = None
    ends: set[int] | None = None
    last = len(words) - 1
    firsts = _surname_characters()
    pos = 0
    for k, w in enumerate(words):  # only a word's first character may be a surname
        start = pos
        pos += len(w)
        if w[:1] not in firsts:
            continue
        if len(w) in (2, 3):
            if (
                w in _load_person_names()
                and not any(c in _NOT_GIVEN for c in w[1:])
                and (w not in word_table() or w in proper_nouns())  # not 张开, 王后 (jieba tags them nr)
            ):
                spans.append((start, pos))
            continue
        if len(w) != 1:
            continue
        # A name needs a given-name character standing alone next: where there is none, the
        # HMM's word here could not make one (its words lie inside runs of one-character words).
        after = words[k + 1] if k < last else ""
        if len(after) != 1 or after in _NOT_GIVEN or not is_han(after):
            continue
        if hmm is None:
            hmm = ({}, set())
        end = _hmm_end(words, k, start, *hmm)
        if end is None or end - start < 2:
            continue
        end = min(end, start + 3)  # the HMM may glue a verb on: 曾安舒说
        if ends is None:
            ends = set(accumulate(map(len, words)))
        if end not in ends:
            continue
        rest = text[start + 1 : end]
        if (
            all(is_han(c) and c not in _NOT_GIVEN for c in rest)
            and any(c in given or _load().FREQ.get(c, 0) < _RARE for c in rest)
            and not in_dictionary(text[start:end])
            and not (len(rest) == 1 and tag_of(rest).startswith(_NOT_A_NAME_TAGS))  # 曾任: once served
        ):
            if end - start == 2 and end < len(text) and end + 1 in ends:
                third = text[end]
                if (
                    third in given
                    and third not in _NOT_GIVEN
                    and not (end + 1 < len(text) and is_han(text[end + 1]) and end + 2 not in ends)
                ):
                    end += 1  # a three-character name cut 2 + 1: 解廷 / 凡
            spans.append((start, end))
    return spans


@lru_cache(maxsize=1)
def _surname_characters() -> frozenset[str]:
    """The shipped surnames of one character."""
    surnames, _ = name_lists()
    return frozenset(ch for ch in surnames if len(ch) == 1)


def _hmm_end(words: tuple[str, ...], k: int, start: int, found: dict[int, int], done: set[int]) -> int | None:
    """Where jieba's HMM ends the word it makes from ``start`` (word ``k``), or None if it makes none there.

    jieba's cut with the HMM takes the same dictionary route as without it and only re-cuts each
    run of one-character words that is not a dictionary word (its ``__cut_DAG``); doing the same
    here spares cutting the clause twice. Only the run that holds word ``k`` is cut, once:
    ``found`` keeps the word ends of the runs cut so far by their starts, ``done`` the runs' starts.
    """
    import jieba
    from jieba import finalseg

    han = jieba.re_han_default.match
    if len(words[k]) != 1 or not han(words[k]):
        return None  # in no run
    first = k
    while first > 0 and len(words[first - 1]) == 1 and han(words[first - 1]):
        first -= 1
    at = start - (k - first)  # every word of the run is one character
    if at not in done:
        done.add(at)
        last = k
        while last + 1 < len(words) and len(words[last + 1]) == 1 and han(words[last + 1]):
            last += 1
        run = "".join(words[first : last + 1])
        if len(run) > 1 and not _load().FREQ.get(run):
            for piece in _hmm_cut(finalseg, run):
                found[at] = at + len(piece)
                at += len(piece)
    return found.get(start)


def _hmm_cut(finalseg: Any, text: str) -> Iterator[str]:
    """``jieba.finalseg.cut(text)``: the same words, its Viterbi path found without copying paths."""
    han = finalseg.re_han
    for block in han.split(text):
        if han.match(block):
            for word in _hmm_words(block, _viterbi_states(finalseg, block)):
                if word in finalseg.Force_Split_Words:
                    yield from word
                else:
                    yield word
        else:
            for piece in finalseg.re_skip.split(block):
                if piece:
                    yield piece


def _hmm_words(block: str, states: Sequence[str]) -> Iterator[str]:
    """The words the HMM's states (B, M, E, S) mark in ``block``; what a B without its E leaves at
    the end is one word."""
    begin = done = 0
    for i, state in enumerate(states):
        if state == "B":
            begin = i
        elif state == "E":
            yield block[begin : i + 1]
            done = i + 1
        elif state == "S":
            yield block[i]
            done = i + 1
    if done < len(block):
        yield block[done:]


def _viterbi_states(finalseg: Any, obs: str) -> list[str]:
    """The states (B, M, E, S) of ``jieba.finalseg.viterbi(obs, "BMES", ...)``: the same sums in the
    same order, and its ties (``max`` over (score, state) tuples: the later state letter wins),
    with one back pointer per state and step instead of a copied path."""
    low = finalseg.MIN_FLOAT
    start, trans = finalseg.start_P, finalseg.trans_P
    get_b, get_m, get_s, get_e = (finalseg.emit_P[s].get for s in "BMSE")

    def t(a: str, b: str) -> float:
        return trans[a].get(b, low)

    eb, sb, mm, bm, ss, es, be, me = (
        t("E", "B"),
        t("S", "B"),
        t("M", "M"),
        t("B", "M"),
        t("S", "S"),
        t("E", "S"),
        t("B", "E"),
        t("M", "E"),
    )
    c = obs[0]
    vb = start["B"] + get_b(c, low)
    vm = start["M"] + get_m(c, low)
    vs = start["S"] + get_s(c, low)
    ve = start["E"] + get_e(c, low)
    back: list[tuple[str, str, str, str]] = []
    for c in obs[1:]:
        em = get_b(c, low)  # B after E or S
        a, b = ve + eb + em, vs + sb + em
        nb, pb = (a, "E") if a > b else (b, "S")
        em = get_m(c, low)  # M after M or B
        a, b = vm + mm + em, vb + bm + em
        nm, pm = (b, "B") if b > a else (a, "M")
        em = get_s(c, low)  # S after S or E
        a, b = vs + ss + em, ve + es + em
        ns, ps = (b, "E") if b > a else (a, "S")
        em = get_e(c, low)  # E after B or M
        a, b = vb + be + em, vm + me + em
        ne, pe = (a, "B") if a > b else (b, "M")
        back.append((pb, pm, ps, pe))
        vb, vm, vs, ve = nb, nm, ns, ne
    state = "S" if (vs, "S") > (ve, "E") else "E"
    states = [state]
    for pb, pm, ps, pe in reversed(back):
        state = pb if state == "B" else pm if state == "M" else ps if state == "S" else pe
        states.append(state)
    states.reverse()
    return states


_names_lock = threading.Lock()
_name_lists: tuple[dict[str, str], frozenset[str]] | None = None
_person_names: frozenset[str] | None = None


def name_lists() -> tuple[dict[str, str], frozenset[str]]:
    """The shipped surnames (surname -> its reading as one) and given-name characters."""
    global _name_lists
    if _name_lists is None:
        with _names_lock:
            if _name_lists is None:
                from models.resources import resource_path

                surnames: dict[str, str] = {}
                with resource_path("language", "surnames.tsv").open(encoding="utf-8") as f:
                    for line in f:
                        if not line.startswith("#"):
                            ch, reading, _ = line.rstrip("\n").split("\t")
                            surnames[ch] = reading
                with resource_path("language", "given_names.txt").open(encoding="utf-8") as f:
                    given = frozenset(line.strip() for line in f if not line.startswith("#"))
                _name_lists = (surnames, given)
    return _name_lists


def is_person_name(word: str) -> bool:
    """Whether jieba's dictionary tags ``word`` (two or three characters, a listed surname first) as a person's name."""
    return word in _load_person_names()


def _load_person_names() -> frozenset[str]:
    """jieba's dictionary words of two or three characters tagged as a person's name (nr, nrfg)."""
    if _person_names is None:
        _load_tags()  # reads both from jieba's dictionary, in one pass
    assert _person_names is not None
    return _person_names


def tag_of(word: str) -> str:
    """jieba's dictionary tag of a word ('n' for its nouns and names, '' when it lacks the word)."""
    found = (_tags if _tags is not None else _load_tags()).get(word)
    if found is not None:
        return found
    return "n" if (_tokenizer or _load()).FREQ.get(word, 0) > 0 else ""


def tags_of(words: Sequence[str], none: str = "") -> list[str]:
    """``[tag_of(word) or none for word in words]``, with the dictionaries looked up once."""
    tags = _tags if _tags is not None else _load_tags()
    freq = (_tokenizer or _load()).FREQ
    get, count = tags.get, freq.get
    return [get(word) or ("n" if count(word, 0) > 0 else none) for word in words]


def split_unknown(text: str) -> list[str]:
    """``text`` cut with jieba's HMM, which joins runs of single characters into new words (names)."""
    return list(_load().cut(text, HMM=True))


def in_dictionary(word: str) -> bool:
    """Whether jieba's dictionary has the word (words jieba made up from context do not)."""
    return _load().FREQ.get(word, 0) > 0
