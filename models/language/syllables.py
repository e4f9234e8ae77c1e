"""Pinyin syllables: tone numbers <-> tone marks, and a syllable's tone.

The core keeps syllables in tone-marked form ("zhòng", "lǜ", neutral "le"), as
dictionaries print them; numbered forms ("zhong4", "lv4", "le5") are used by the
polyphone model and the data files.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_MARKS = {"1": "\u0304", "2": "\u0301", "3": "\u030c", "4": "\u0300"}
_MARK_TONES = {v: k for k, v in _MARKS.items()}


def _mark_position(body: str) -> int:
    """Index of the vowel that carries the tone mark (a/e first, 'ou' on o, else the last vowel)."""
    for v in "ae":
        if v in body:
            return body.index(v)
    if "ou" in body:
        return body.index("o")
    last = -1
    for i, ch in enumerate(body):
        if ch in "iouü":
            last = i
    if last >= 0:
        return last
    for i, ch in enumerate(body):  # syllabic consonants: m̀, ń, ňg
        if ch in "mn":
            return i
    return -1


@lru_cache(maxsize=8192)
def marked(numbered: str) -> str:
    """'zhong4' -> 'zhòng', 'lv4' / 'lu:4' -> 'lǜ', 'le5' / 'le' -> 'le'."""
    s = numbered.strip().lower().replace("u:", "ü").replace("v", "ü")
    tone = s[-1] if s[-1:].isdigit() else "5"
    body = s[:-1] if s[-1:].isdigit() else s
    if tone not in _MARKS:
        return body
    pos = _mark_position(body)
    if pos < 0:
        return body
    return unicodedata.normalize("NFC", body[: pos + 1] + _MARKS[tone] + body[pos + 1 :])


@lru_cache(maxsize=8192)
def numbered(syllable: str) -> str:
    """'zhòng' -> 'zhong4', 'lǜ' -> 'lv4', 'le' -> 'le5' (already numbered forms pass through)."""
    s = syllable.strip().lower().replace("u:", "v").replace("ü", "v")
    if s[-1:].isdigit():
        return s if s[-1] != "0" else s[:-1] + "5"
    tone = "5"
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", s):
        if ch in _MARK_TONES:
            tone = _MARK_TONES[ch]
        elif ch == "\u0308":
            if out and out[-1] == "u":
                out[-1] = "v"
        else:
            out.append(ch)
    return "".join(out) + tone


def tone_of(syllable: str) -> int:
    """The tone of a syllable, 1-4, or 5 for the neutral tone."""
    return int(numbered(syllable)[-1])


def with_tone(syllable: str, tone: int) -> str:
    """The same syllable carrying another tone (5 = neutral): with_tone('bù', 2) -> 'bú'."""
    return marked(numbered(syllable)[:-1] + str(tone))
