"""Rules from grammar for polyphones that stand alone as words: particles, measures, surnames.

These are facts of Mandarin grammar, not of any text: 的 standing alone is the particle
de, 得 after a verb the complement marker de (跑得快), 只 after a numeral the measure word
zhī (五只), a polyphonic surname at the head of a person's name takes its surname reading
(曾 Zēng, 单 Shàn, 解 Xiè). The rules live in ``models.language.rules``, one module per kind
of word; this module runs the one for each open character, then the name rule.

Each rule decides only where it is sure; everything else is left to the model.
"""

from __future__ import annotations

from collections.abc import Sequence

from models.language.rules import adjectives, lone_words, measures, names, particles, verbs, wei
from models.language.rules.context import Context, Rule
from models.language.rules.names import SURNAMES

__all__ = ["SURNAMES", "apply", "decide"]


def _by_character() -> tuple[dict[str, Rule], dict[str, str]]:
    """Every module's rules in one table, and each one's name (module.character) for the measures;
    a character has one rule, in one module."""
    table: dict[str, Rule] = {}
    named: dict[str, str] = {}
    for module in (particles, wei, lone_words, verbs, adjectives, measures, names):
        for ch, rule in module.RULES.items():
            if ch in table:
                raise ValueError(f"two rules for {ch}")  # a mistake in the rule modules, not input
            table[ch] = rule
            named[ch] = f"{module.__name__.rsplit('.', 1)[-1]}.{ch}"
    return table, named


_RULES, _RULE_NAMES = _by_character()


def decide(ctx: Context, pos: int) -> tuple[str | None, str | None]:
    """The reading the rules give the character at ``pos`` and the name of the rule that gave it."""
    rule = _RULES.get(ctx.text[pos])
    reading = rule(ctx.spot(pos)) if rule is not None else None
    if reading is not None:
        return reading, _RULE_NAMES[ctx.text[pos]]
    return names.name_reading_with_rule(ctx, pos)


def apply(
    text: str, words: Sequence[str], readings: list[str | None], open_positions: list[int]
) -> list[int]:
    """Decide what the rules are sure of, writing into ``readings``; return the positions still open."""
    if not open_positions:
        return open_positions
    ctx = Context(text, words)
    still: list[int] = []
    for pos in open_positions:
        reading, _ = decide(ctx, pos)
        if reading is None:
            still.append(pos)
        else:
            readings[pos] = reading
    return still
