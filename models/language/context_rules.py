"""Rules from grammar for polyphones no word of the table decided, each measured on labelled data.

A rule is kept only where it is measured (``tools/rule_precision.py``, kept by
``tests/test_rule_precision.py``): at least 30 firings over the labelled data and a Wilson 95%
lower bound of at least 0.95 on its precision. Two rules meet that bar today:

- ``wei.wei``: 为 after a verb or an adverb (评为, 成为, 被评 为 劳模, 更为) and in 以…为 is wéi;
- ``heads.head_of``: 长 after the last character of an organisation (楼栋长) is zhǎng.

Everything else (particles, measure words, surnames before a given name…) is the model's
(``polyphone_model``), which sees the same words and more. Each rule decides only where it is
sure; everything else is left to the model.
"""

from __future__ import annotations

from collections.abc import Sequence

from models.language.rules import heads, wei
from models.language.rules.context import Context, Rule

__all__ = ["apply", "decide", "ruled_characters"]


def _by_character() -> tuple[dict[str, Rule], dict[str, str]]:
    """Every module's rules in one table, and each one's name (module.function: one rule may serve
    several characters, measured as one) for the measures; a character has one rule, in one module."""
    table: dict[str, Rule] = {}
    named: dict[str, str] = {}
    for module in (wei, heads):
        for ch, rule in module.RULES.items():
            if ch in table:
                raise ValueError(f"two rules for {ch}")  # a mistake in the rule modules, not input
            table[ch] = rule
            named[ch] = f"{module.__name__.rsplit('.', 1)[-1]}.{rule.__name__.lstrip('_')}"
    return table, named


_RULES, _RULE_NAMES = _by_character()


def ruled_characters() -> set[str]:
    """The characters some rule may decide."""
    return set(_RULES)


def decide(ctx: Context, pos: int) -> tuple[str | None, str | None]:
    """The reading the rules give the character at ``pos`` and the name of the rule that gave it."""
    rule = _RULES.get(ctx.text[pos])
    reading = rule(ctx.spot(pos)) if rule is not None else None
    if reading is not None:
        return reading, _RULE_NAMES[ctx.text[pos]]
    return None, None


def apply(
    text: str, words: Sequence[str], readings: list[str | None], open_positions: list[int]
) -> list[int]:
    """Decide what the rules are sure of, writing into ``readings``; return the positions still open."""
    if not open_positions:
        return open_positions
    ctx: Context | None = None  # made only where a rule's character is open (most clauses have none)
    still: list[int] = []
    for pos in open_positions:
        if text[pos] not in _RULES:
            still.append(pos)
            continue
        if ctx is None:
            ctx = Context(text, words)
        reading, _ = decide(ctx, pos)
        if reading is None:
            still.append(pos)
        else:
            readings[pos] = reading
    return still
