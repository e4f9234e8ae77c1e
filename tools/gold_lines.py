"""Label every line of a page from its gold structure (for training and measuring only).

Each non-blank raw line gets (label, article): label T for a line of an article's
kicker/heading/subheading, P for the first line of a paragraph, C for a line that
continues one; article is the gold section's index (None when a line is not found).
"""

from __future__ import annotations

import re

WS = re.compile(r"\s+")


def squash(text: str | None) -> str:
    return WS.sub("", text or "")


def gold_fields(gold: dict) -> list[tuple[int, str, str]]:
    """(article, kind, text) for every field, in the gold's order; kind T or B (body)."""
    out = []
    for a, sec in enumerate(gold["sections"]):
        for name in ("kicker", "heading", "subheading"):
            if sec.get(name):
                out.append((a, "T", squash(sec[name])))
        if sec.get("byline"):
            out.append((a, "B", squash(sec["byline"])))
        for p in sec.get("paragraphs") or []:
            out.append((a, "B", squash(p)))
    return out


def label_lines(raw: str, gold: dict) -> list[tuple[str, int | None] | None]:
    """One entry per raw line (None for a blank line)."""
    fields = gold_fields(gold)
    pos = [0] * len(fields)  # how far each field has been matched
    cur = -1
    out: list[tuple[str, int | None] | None] = []
    for line in raw.split("\n"):
        t = squash(line)
        if not t:
            out.append(None)
            continue
        hit = None
        order = ([cur] if cur >= 0 else []) + list(range(len(fields)))
        for f in order:
            a, kind, text = fields[f]
            if text.startswith(t, pos[f]):
                hit = f
                break
        if hit is None:  # a line carrying the end of one field and the start of the next
            for f in order:
                a, kind, text = fields[f]
                rest = text[pos[f] :]
                if rest and t.startswith(rest) and f + 1 < len(fields):
                    hit = f
                    break
        if hit is None:
            out.append(("?", None))
            continue
        a, kind, text = fields[hit]
        first = pos[hit] == 0
        pos[hit] += len(t)
        if pos[hit] > len(text):  # ran into the next field(s)
            over = pos[hit] - len(text)
            pos[hit] = len(text)
            nxt = hit + 1
            while over > 0 and nxt < len(fields):
                take = min(over, len(fields[nxt][2]) - pos[nxt])
                pos[nxt] += take
                over -= take
                nxt += 1
        cur = hit if pos[hit] < len(text) else -1
        label = "T" if kind == "T" else ("P" if first else "C")
        out.append((label, a))
    return out
