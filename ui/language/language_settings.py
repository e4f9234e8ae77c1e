"""The reader's language choices (pinyin above characters, spoken tones, tone colours) in QSettings."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from ui.language.tone_colours import SCHEMES


def _flag(value: object) -> bool:
    return str(value).lower() in ("true", "1")


class LanguageSettings:
    """Typed access to the ``language/`` keys of the window's QSettings."""

    def __init__(self, store: QSettings) -> None:
        self.store = store

    def ruby(self) -> bool:
        """Whether pinyin is shown above every character."""
        return _flag(self.store.value("language/ruby", "false"))

    def set_ruby(self, shown: bool) -> None:
        self.store.setValue("language/ruby", bool(shown))

    def spoken(self) -> bool:
        """Whether readings show spoken tones (sandhi) instead of citation tones."""
        return _flag(self.store.value("language/spoken_tones", "false"))

    def set_spoken(self, spoken: bool) -> None:
        self.store.setValue("language/spoken_tones", bool(spoken))

    def tone_scheme(self) -> str:
        value = str(self.store.value("language/tone_colours", "standard") or "standard")
        return value if value in SCHEMES else "standard"

    def set_tone_scheme(self, scheme: str) -> None:
        self.store.setValue("language/tone_colours", scheme if scheme in SCHEMES else "standard")
