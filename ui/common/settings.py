"""The reader's remembered choices, kept in QSettings."""

from __future__ import annotations

import json
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10
#: libraries whose own last page read is kept (the most recent ones)
MAX_LIBRARY_PAGES = 20


def _int(value: object, default: int, low: int, high: int) -> int:
    try:
        number = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return min(high, max(low, number))


def _float(value: object, default: float, low: float, high: float) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return min(high, max(low, number))


@dataclass
class ReaderLayout:
    """How the page is set: column width, type and leading."""

    column_chars: int = 20
    font_family: str = ""  # empty: the best installed CJK face
    font_size: float = 13.0  # points
    line_spacing: float = 1.6  # a multiple of the line height

    MIN_SIZE = 7.0
    MAX_SIZE = 40.0


class Settings:
    """Typed access to QSettings (tests point it at a temporary INI file)."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.store = qsettings or QSettings()

    # --- the page's typography -------------------------------------------------
    def layout(self) -> ReaderLayout:
        s = self.store
        return ReaderLayout(
            column_chars=_int(s.value("reader/column_chars"), 20, 8, 80),
            font_family=str(s.value("reader/font_family", "") or ""),
            font_size=_float(s.value("reader/font_size"), 13.0, ReaderLayout.MIN_SIZE, ReaderLayout.MAX_SIZE),
            line_spacing=_float(s.value("reader/line_spacing"), 1.6, 1.0, 3.0),
        )

    def set_layout(self, layout: ReaderLayout) -> None:
        s = self.store
        s.setValue("reader/column_chars", layout.column_chars)
        s.setValue("reader/font_family", layout.font_family)
        s.setValue("reader/font_size", layout.font_size)
        s.setValue("reader/line_spacing", layout.line_spacing)

    # --- appearance and language --------------------------------------------------
    def theme(self) -> str:
        value = str(self.store.value("ui/theme", "system") or "system")
        return value if value in ("system", "light", "dark") else "system"

    def set_theme(self, theme: str) -> None:
        self.store.setValue("ui/theme", theme)

    def language(self) -> str:
        """ "system", or a locale name such as "zh_CN" or "en"."""
        return str(self.store.value("ui/language", "system") or "system")

    def set_language(self, language: str) -> None:
        self.store.setValue("ui/language", language)

    def author(self) -> str:
        """The editor's name recorded with corrections ("": the system user's)."""
        return str(self.store.value("proofreading/author", "") or "").strip()

    def set_author(self, name: str) -> None:
        self.store.setValue("proofreading/author", name.strip())

    def proofreading_place(self, library: str | None = None) -> str:
        """Where the last session was proofreading when it ended ("library:PAGE:RAW:AFTER:LIBRARY",
        the caret on a raw character, LIBRARY the library's file or server), "" if it was not.
        With ``library``: where the last session in that library was (a session in another
        library since, out of the mode, does not take it away)."""
        last = str(self.store.value("proofreading/resume", "") or "")
        if library is None or _place_library(last) == library:
            return last
        return next((place for place in self.proofreading_places() if _place_library(place) == library), "")

    def _json_list(self, key: str) -> list:
        """The JSON list kept under ``key`` ([] when none, or not a list: a hand-edited file)."""
        try:
            value = json.loads(str(self.store.value(key, "") or "[]"))
        except (ValueError, RecursionError):
            return []
        return value if isinstance(value, list) else []

    def proofreading_places(self) -> list[str]:
        """The places kept for the libraries proofread last, the most recent first (one each)."""
        value = self._json_list("proofreading/places")
        return [str(place) for place in value if _place_library(str(place))][:MAX_LIBRARY_PAGES]

    def set_proofreading_place(self, place: str, library: str = "") -> None:
        """Keep where the session ends (``place``, "" out of the mode) for ``library`` (the
        library the session was in, ``library_key``; else the one ``place`` names)."""
        kept = self.proofreading_places()
        before = str(self.store.value("proofreading/resume", "") or "")
        if _place_library(before) and all(_place_library(p) != _place_library(before) for p in kept):
            kept.insert(0, before)  # as an earlier version kept it: one value, no list
        self.store.setValue("proofreading/resume", place)
        key = library or _place_library(place)
        if key:
            kept = [p for p in kept if _place_library(p) != key]
        if place:
            kept.insert(0, place)
        self.store.setValue("proofreading/places", json.dumps(kept[:MAX_LIBRARY_PAGES], ensure_ascii=False))

    def raw_view_shown(self) -> bool:
        return str(self.store.value("reader/raw_view", "false")).lower() == "true"

    def set_raw_view_shown(self, shown: bool) -> None:
        self.store.setValue("reader/raw_view", shown)

    def scan_shown(self) -> bool:
        return str(self.store.value("reader/scan_pane", "false")).lower() == "true"

    def set_scan_shown(self, shown: bool) -> None:
        self.store.setValue("reader/scan_pane", shown)

    def side_width(self, name: str) -> int:
        """The width (px) the user last dragged a pane beside the columns to (0: never)."""
        return _int(self.store.value(f"reader/{name}_width", 0), 0, 0, 100000)

    def set_side_width(self, name: str, width: int) -> None:
        self.store.setValue(f"reader/{name}_width", int(width))

    def export_folder(self, kind: str = "export") -> str:
        """The folder the last export went to (``kind`` "backup": the last backup; "open": the
        folder that held the last page file or folder opened or imported); empty: none yet."""
        return str(self.store.value(f"{kind}/folder", "") or "")

    def set_export_folder(self, folder: str, kind: str = "export") -> None:
        self.store.setValue(f"{kind}/folder", folder)

    def open_folder(self) -> str:
        """The folder that held the last page file or folder opened or imported (empty: none yet)."""
        return self.export_folder("open")

    # --- window and places ------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        value = self.store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        value = self.store.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def set_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.store.setValue("window/geometry", geometry)
        self.store.setValue("window/state", state)

    def last_page(self) -> str:
        """The last page read: "file:PATH" or "library:PAGE_ID" (empty when none)."""
        return str(self.store.value("session/last_page", "") or "")

    def set_last_page(self, where: str, library: str = "") -> None:
        """Keep the last page read and, for a library page, the library it is in (``library``:
        ``ui.library.library_identity.library_key``): another library's page of the same id is
        not it."""
        kept = self.library_pages()
        before, before_in = self.last_page(), self.last_library()
        if before_in and before.startswith("library:") and all(key != before_in for key, _ in kept):
            kept.insert(0, (before_in, before))  # as an earlier version kept it: one value, no list
        self.store.setValue("session/last_page", where)
        self.store.setValue("session/last_library", library)
        if library and where.startswith("library:"):
            kept = [(library, where), *((key, page) for key, page in kept if key != library)]
        self.store.setValue("session/library_pages", json.dumps(kept[:MAX_LIBRARY_PAGES], ensure_ascii=False))

    def library_pages(self) -> list[tuple[str, str]]:
        """(library, "library:PAGE_ID") for the libraries read last, the most recent first: each
        library's own last page (a session on B, then a start on A, opens A's)."""
        value = self._json_list("session/library_pages")
        return [
            (str(entry[0]), str(entry[1]))
            for entry in value
            if isinstance(entry, list) and len(entry) == 2 and str(entry[1]).startswith("library:")
        ][:MAX_LIBRARY_PAGES]

    def library_last_page(self, library: str) -> str:
        """The last page read in ``library`` ("library:PAGE_ID"; empty when none is kept): the
        last page read if it is that library's (as every version kept it), else its own entry."""
        if self.last_library() == library and self.last_page().startswith("library:"):
            return self.last_page()
        return next((page for key, page in self.library_pages() if key == library), "")

    def last_library(self) -> str:
        """The library the last page read is in ("" for a file, or as kept by a version that
        did not say)."""
        return str(self.store.value("session/last_library", "") or "")

    def recent_files(self) -> list[str]:
        value = self.store.value("session/recent_files", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or []) if v][:MAX_RECENT]

    def add_recent_file(self, path: str) -> list[str]:
        files = [path] + [f for f in self.recent_files() if f != path]
        files = files[:MAX_RECENT]
        self.store.setValue("session/recent_files", files)
        return files

    def clear_recent_files(self) -> None:
        self.store.setValue("session/recent_files", [])

    def font_warning_shown(self) -> bool:
        return str(self.store.value("ui/cjk_font_warned", "false")).lower() == "true"

    def set_font_warning_shown(self) -> None:
        self.store.setValue("ui/cjk_font_warned", True)

    def sync(self) -> None:
        self.store.sync()


def _place_library(place: str) -> str:
    """The library a proofreading place names ("" for none or a malformed place)."""
    parts = place.split(":", 4)
    return parts[4] if len(parts) == 5 and parts[0] == "library" else ""
