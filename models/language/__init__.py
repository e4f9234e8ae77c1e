"""Language help for Chinese text: words (jieba), context-correct pinyin, spoken tones.

Nothing heavy loads at import time: jieba's dictionary, the word table and the
polyphone model load on first use, or ahead of time with ``warm_up()`` (meant to run in
a background thread while the window paints).
"""

from __future__ import annotations

from models.language.readings import (
    WordReading,
    dictionary_syllables,
    readings_for,
    readings_for_lines,
    word_at,
    words_with_readings,
)
from models.language.spoken import spoken_tones

__all__ = [
    "WordReading",
    "dictionary_syllables",
    "readings_for",
    "readings_for_lines",
    "spoken_tones",
    "warm_up",
    "word_at",
    "words_with_readings",
]


def warm_up() -> None:
    """Load jieba, the word table and the polyphone model now, so the first lookup is fast."""
    from models.language import segmenter
    from models.language.phrase_table import char_table, word_table
    from models.language.polyphone_model import model

    segmenter.warm_up()
    word_table()
    char_table()
    model()
