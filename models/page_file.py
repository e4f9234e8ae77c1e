"""Reading an OCR'd page from disk: decode it, refuse what is not a page, hash it."""

from __future__ import annotations

import codecs
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from models.errors import PageFileError

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


@dataclass(frozen=True)
class PageFile:
    """A page's raw text exactly as read (line breaks normalised to LF) and its SHA-256."""

    path: Path
    raw: str
    encoding: str
    sha256: str


def text_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


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
    if text is None:
        if b"\x00" in data:
            raise PageFileError(f"{name}: binary data (NUL bytes), not a text page")
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _decode_legacy(data, name)
    if not text.strip():
        raise PageFileError(f"{name}: the file holds no text")
    controls = sum(1 for ch in text if ch in _CONTROL)
    if controls > max(2, len(text) // 1000):
        raise PageFileError(f"{name}: binary data (control characters), not a text page")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding


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
    p = Path(path)
    if not p.exists():
        raise PageFileError(f"{p}: no such file")
    if p.is_dir():
        raise PageFileError(f"{p}: is a folder, not a page file")
    try:
        size = p.stat().st_size
        if size > MAX_PAGE_BYTES:
            raise PageFileError(
                f"{p}: {size / 1048576:.1f} MB is over the {MAX_PAGE_BYTES // 1048576} MB limit for one page"
            )
        data = p.read_bytes()
    except OSError as exc:
        raise PageFileError(f"{p}: cannot be read ({exc.strerror or exc})") from None
    raw, encoding = decode_page_bytes(data, str(p))
    return PageFile(path=p, raw=raw, encoding=encoding, sha256=text_hash(raw))
