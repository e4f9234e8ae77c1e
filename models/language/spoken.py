"""Spoken tones: citation readings changed the way Mandarin is said aloud (tone sandhi).

An optional view for learners. Rules:

- third tone before a third tone is said as a second tone (你好 ní hǎo, 展览馆 zhán lán guǎn);
- 不 before a fourth tone is bú (不是 bú shì);
- 一 is yí before a fourth tone and yì before the others (一样 yí yàng, 一天 yì tiān), but
  stays yī when counted or ordinal (第一, 十一, 一二三, at the end of a phrase), and is
  neutral between a repeated verb (看一看 kàn yi kàn).
"""

from __future__ import annotations

from collections.abc import Sequence

from models.language.syllables import tone_of, with_tone

#: Characters of numbers: 一 among them is counted, so it keeps yī.
_NUMERALS = set("〇零一二两三四五六七八九十百千万亿第0123456789")


def spoken_tones(text: str, readings: Sequence[str | None]) -> list[str | None]:
    """The readings of ``text`` (one per code point, from ``readings_for``) with tone sandhi applied."""
    if len(readings) != len(text):
        raise ValueError("one reading per code point of the text is needed")
    tones = [tone_of(r) if r else 0 for r in readings]
    out = list(readings)
    n = len(text)
    for i, reading in enumerate(readings):
        if reading is None:
            continue
        nxt = tones[i + 1] if i + 1 < n else 0
        ch = text[i]
        if ch == "一":
            prev_ch = text[i - 1] if i > 0 else ""
            next_ch = text[i + 1] if i + 1 < n else ""
            if prev_ch and prev_ch == next_ch and tones[i - 1]:
                out[i] = "yi"  # 看一看
            elif prev_ch in _NUMERALS or next_ch in _NUMERALS or nxt == 0:
                out[i] = "yī"
            elif nxt == 4:
                out[i] = "yí"
            elif nxt in (1, 2, 3):
                out[i] = "yì"
        elif ch == "不" and nxt == 4:
            out[i] = "bú"
        elif tones[i] == 3 and nxt == 3:
            out[i] = with_tone(reading, 2)
    return out
