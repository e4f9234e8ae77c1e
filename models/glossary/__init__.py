"""What the reader shows about words: a text's words with their readings, and word cards.

Built on :mod:`models.language` (jieba, context-correct pinyin) and its CC-CEDICT index;
adds the editor's reading overrides, spoken tones on request, and the content of the
word popup. No Qt here.
"""

from __future__ import annotations

from models.glossary.text_words import TextWords
from models.glossary.word_card import WordCard, word_card

__all__ = ["TextWords", "WordCard", "word_card"]
