"""Reading an OCR'd page from disk: decode it, refuse what is not a page, hash it."""

from __future__ import annotations

import codecs
import os
from pathlib import Path
from typing import NamedTuple

from models.errors import PageFileError

try:  # hashlib's own SHA-256, without hashlib loading OpenSSL (libcrypto: ~2 ms of a start on a page file)
    from _sha256 import sha256 as _sha256  # CPython 3.11
except ImportError:
    try:
        from _sha2 import sha256 as _sha256  # CPython 3.12 and later
    except ImportError:  # another Python
        from hashlib import sha256 as _sha256

#: Larger files are not single newspaper pages (a full broadsheet page is ~20 KB of text).
MAX_PAGE_BYTES = 5 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab, line feed, form feed and carriage return mark binary data.
_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\x0c", "\r"}
#: The same characters in order, each counted with ``str.count`` (a pass in C per character
#: instead of a Python test per character of the page: 0.7 -> 0.06 ms a page).
_CONTROL_CHARS = tuple(sorted(_CONTROL))


class PageFile(NamedTuple):
    """A page's raw text exactly as read (line breaks normalised to LF) and its SHA-256. (A named
    tuple: read at start-up, it costs ~0.6 ms of CPU less to define than a frozen dataclass.)"""

    path: Path
    raw: str
    encoding: str
    sha256: str


def text_hash(raw: str) -> str:
    return _sha256(raw.encode("utf-8")).hexdigest()


def decode_page_bytes(data: bytes, name: str = "file") -> tuple[str, str]:
    """Decode a page's bytes; return (text with LF line breaks, encoding name)."""
    if not data:
        raise PageFileError(f"{name}: the file is empty")
    text: str | None = None
    encoding = ""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise PageFileError(f"{name}: not valid {enc.upper()} text ({exc.reason})") from None
            encoding = enc
            if text.startswith("\ufeff"):
                text = text[1:]
            break
    if text is None and b"\x00" in data:
        text, encoding = _decode_wide(data, name)
    if text is None:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _decode_legacy(data, name)
    if not text.strip():
        raise PageFileError(f"{name}: the file holds no text")
    controls = sum(map(text.count, _CONTROL_CHARS))
    if controls > max(2, len(text) // 1000):
        raise PageFileError(f"{name}: binary data (control characters), not a text page")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding


def _plausible(text: str) -> float:
    """Share of a decoded text's characters that a page is made of (Han, kana, Latin, punctuation)."""
    good = 0
    for ch in text:
        c = ord(ch)
        good += (
            ch in "\n\r\t"
            or 0x20 <= c < 0x7F
            or 0x2000 <= c < 0x2070
            or 0x3000 <= c < 0xA000
            or 0xFF00 <= c < 0xFFF0
            or 0x20000 <= c < 0x32000
        )
    return good / max(1, len(text))


def _decode_wide(data: bytes, name: str) -> tuple[str, str]:
    """UTF-32 or UTF-16 without a byte-order mark (NUL bytes in what is otherwise text)."""
    candidates = []
    for enc, unit in (("utf-32-le", 4), ("utf-32-be", 4), ("utf-16-le", 2), ("utf-16-be", 2)):
        if len(data) % unit:
            continue
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((_plausible(text), enc, text))
    if candidates:
        score, enc, text = max(candidates)
        if score > 0.95:
            return text, enc
    if len(data) % 2 and data.count(b"\x00") * 4 > len(data):
        raise PageFileError(
            f"{name}: looks like UTF-16 without a byte-order mark, but has an odd number of bytes"
        )
    raise PageFileError(f"{name}: binary data (NUL bytes), not a text page")


def _decode_legacy(data: bytes, name: str) -> tuple[str, str]:
    """GB18030 (a superset of GBK and GB2312) or Big5, as charset-normalizer judges best."""
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16"]).best()
    if best is None:
        raise PageFileError(f"{name}: not text in a known encoding (UTF-8, UTF-16, GB18030/GBK)")
    enc = best.encoding
    try:
        return data.decode(enc), enc
    except (UnicodeDecodeError, LookupError):
        raise PageFileError(f"{name}: not text in a known encoding (UTF-8, UTF-16, GB18030/GBK)") from None


def read_page_file(path: str | os.PathLike[str]) -> PageFile:
    """Read one page file, or raise PageFileError with a one-line reason."""
    from models.input_files import read_input

    p = Path(path)
    data = read_input(p, MAX_PAGE_BYTES, "one page")
    raw, encoding = decode_page_bytes(data, str(p))
    return PageFile(path=p, raw=raw, encoding=encoding, sha256=text_hash(raw))
