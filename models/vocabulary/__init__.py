"""A learner's vocabulary list: words saved from pages, edited, exported for Anki and Excel."""

from __future__ import annotations

from models.vocabulary.export import write_csv, write_tsv
from models.vocabulary.words import (
    VocabularyWord,
    add_word,
    delete_word,
    list_words,
    update_word,
)

__all__ = ["VocabularyWord", "add_word", "delete_word", "list_words", "update_word", "write_csv", "write_tsv"]
