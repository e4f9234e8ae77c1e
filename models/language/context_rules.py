"""Context rules for polyphones the word table leaves open (placeholder)."""

from __future__ import annotations


def apply(text: str, words: list[str], readings: list[str | None], open_positions: list[int]) -> list[int]:
    """Decide what the rules are sure of (writing into ``readings``); return the positions still open."""
    return open_positions
