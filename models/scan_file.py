"""Reading a page's scan: a PNG, JPEG or TIFF file, or one page of a PDF rendered to PNG.

An editor checks the OCR against the printed page, so a page may carry its scan. This module
reads one from a file and checks it before anything is stored: the file's size, its kind (by
its first bytes, whatever its name says), that it is whole (a PNG's chunks and their CRCs, a
JPEG's frame header and end marker, a TIFF's first directory), and its size in pixels (a
decompression bomb is refused). A PDF page is rendered with pypdfium2 (PDFium's Python
binding: Apache-2.0/BSD, wheels on PyPI for every desktop platform, works offline) at 200 dpi
and kept as PNG, encoded here with zlib and numpy (no imaging library needed).

No Qt here: the window decodes the stored bytes to show them.
"""

from __future__ import annotations

import os
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from models.errors import PageFileError

#: The largest scan file read (a 600 dpi broadsheet page as PNG is ~40 MB).
MAX_SCAN_BYTES = 64 * 1024 * 1024
#: The largest image, in pixels per side and in all (a decompressed 200 Mpx RGB image is 600 MB).
MAX_SIDE = 30_000
MAX_PIXELS = 200_000_000
#: A PDF page is rendered at this resolution.
PDF_DPI = 200

#: File name endings looked for beside a page file, in this order.
SCAN_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".pdf")

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class ScanFileError(PageFileError):
    """A file that cannot be used as a page's scan (missing, too big, broken, not an image)."""


@dataclass(frozen=True)
class ScanImage:
    """A checked scan, ready to store: its bytes, media type and size in pixels."""

    media_type: str  # image/png, image/jpeg or image/tiff
    data: bytes
    width: int
    height: int
    #: the file it was read from (a PDF's page: "name.pdf#3")
    source_name: str


def scan_beside(page_path: str | os.PathLike[str]) -> Path | None:
    """The scan file beside a page file (``page-001.txt`` → ``page-001.png``, any case), or None."""
    page = Path(page_path)
    try:
        siblings = {p.name.lower(): p for p in page.parent.iterdir() if p.stem == page.stem}
    except OSError:
        return None
    for suffix in SCAN_SUFFIXES:
        found = siblings.get((page.stem + suffix).lower())
        if found is not None and found.is_file():
            return found
    return None


def pdf_page_count(path: str | os.PathLike[str]) -> int:
    """How many pages a PDF file has (ScanFileError if it cannot be read as a PDF)."""
    document = _open_pdf(Path(path), _read(Path(path)))
    try:
        return len(document)
    finally:
        document.close()


def read_scan(path: str | os.PathLike[str], pdf_page: int = 0) -> ScanImage:
    """Read and check a scan file; a PDF gives its page ``pdf_page`` (0-based) as PNG."""
    file = Path(path)
    data = _read(file)
    kind = media_type_of(data)
    if kind == "application/pdf":
        return _render_pdf(file, data, pdf_page)
    if kind is None:
        raise ScanFileError(f"{file}: not a PNG, JPEG, TIFF or PDF file")
    width, height = _checked_size(file, kind, data)
    return ScanImage(kind, data, width, height, file.name)


def check_scan(image: ScanImage) -> ScanImage:
    """Check a scan built elsewhere (bytes from another library) as a file would be."""
    if len(image.data) > MAX_SCAN_BYTES:
        raise ScanFileError(f"{image.source_name}: {_megabytes(len(image.data))}, over the limit")
    kind = media_type_of(image.data)
    if kind is None or kind == "application/pdf":
        raise ScanFileError(f"{image.source_name}: not a PNG, JPEG or TIFF image")
    width, height = _checked_size(Path(image.source_name), kind, image.data)
    return ScanImage(kind, image.data, width, height, image.source_name)


def media_type_of(data: bytes) -> str | None:
    """The kind of image the bytes start like, or None."""
    if data.startswith(PNG_SIGNATURE):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff"
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    return None


def _megabytes(size: int) -> str:
    return f"{size / 1048576:.1f} MB"


def _read(file: Path) -> bytes:
    try:
        if not file.is_file():
            raise ScanFileError(f"{file}: no such file" if not file.exists() else f"{file}: not a file")
        size = file.stat().st_size
        if size > MAX_SCAN_BYTES:
            raise ScanFileError(
                f"{file}: {_megabytes(size)}; a scan may be at most {_megabytes(MAX_SCAN_BYTES)}"
            )
        if size == 0:
            raise ScanFileError(f"{file}: the file is empty")
        with open(file, "rb") as f:
            return f.read(MAX_SCAN_BYTES + 1)
    except OSError as exc:
        raise ScanFileError(f"{file}: cannot be read ({exc.strerror or exc})") from None


def _checked_size(file: Path, kind: str, data: bytes) -> tuple[int, int]:
    reader = {"image/png": _png_size, "image/jpeg": _jpeg_size, "image/tiff": _tiff_size}[kind]
    try:
        width, height = reader(data)
    except (struct.error, IndexError, ValueError) as exc:
        name = kind.split("/")[1].upper()
        raise ScanFileError(f"{file}: a broken {name} file ({exc or 'cut short'})") from None
    if width <= 0 or height <= 0:
        raise ScanFileError(f"{file}: an image of {width}×{height} pixels")
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise ScanFileError(
            f"{file}: {width}×{height} pixels; a scan may be at most {MAX_SIDE} pixels a side "
            f"and {MAX_PIXELS // 1_000_000} million in all"
        )
    return width, height


def _png_size(data: bytes) -> tuple[int, int]:
    """Walk every chunk, checking its CRC: a cut or damaged PNG fails here."""
    at = len(PNG_SIGNATURE)
    size: tuple[int, int] | None = None
    seen_data = False
    while True:
        if at + 8 > len(data):
            raise ValueError("cut short before its end")
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        body = data[at + 8 : at + 8 + length]
        crc_at = at + 8 + length
        if crc_at + 4 > len(data):
            raise ValueError("cut short inside a chunk")
        (crc,) = struct.unpack(">I", data[crc_at : crc_at + 4])
        if zlib.crc32(kind + body) != crc:
            raise ValueError(f"damaged {kind.decode('latin-1')} chunk")
        if size is None:
            if kind != b"IHDR":
                raise ValueError("no image header")
            size = struct.unpack(">II", body[:8])
        seen_data = seen_data or kind == b"IDAT"
        if kind == b"IEND":
            if not seen_data:
                raise ValueError("no image data")
            return size
        at = crc_at + 4


def _jpeg_size(data: bytes) -> tuple[int, int]:
    # The end marker closes the image data; a camera may append a little after it, so it is looked
    # for in the last part of the file rather than at the very end.
    if data.rfind(b"\xff\xd9", max(2, len(data) - 65536)) < 0:
        raise ValueError("cut short before its end")
    at = 2
    while at < len(data):
        if data[at] != 0xFF:
            raise ValueError("damaged marker")
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            at += 2
            continue
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[at + 5 : at + 9])
            return width, height
        if marker == 0xDA:
            break
        at += 2 + length
    raise ValueError("no frame header")


def _tiff_size(data: bytes) -> tuple[int, int]:
    order = "<" if data[:2] == b"II" else ">"
    (ifd,) = struct.unpack(order + "I", data[4:8])
    if not 8 <= ifd < len(data) - 2:
        raise ValueError("no image directory")
    (count,) = struct.unpack(order + "H", data[ifd : ifd + 2])
    found: dict[int, int] = {}
    for i in range(count):
        entry = data[ifd + 2 + 12 * i : ifd + 14 + 12 * i]
        tag, kind, _n = struct.unpack(order + "HHI", entry[:8])
        value = struct.unpack(order + ("H" if kind == 3 else "I"), entry[8:10] if kind == 3 else entry[8:12])[
            0
        ]
        found[tag] = value
    if 256 not in found or 257 not in found:
        raise ValueError("no width or height")
    strips = found.get(273, found.get(324))  # StripOffsets or TileOffsets
    if strips is None or strips >= len(data):
        raise ValueError("cut short before its image data")
    return found[256], found[257]


def _open_pdf(file: Path, data: bytes):  # -> pypdfium2.PdfDocument
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise ScanFileError(f"{file}: a broken PDF file ({exc})") from None


def _render_pdf(file: Path, data: bytes, index: int) -> ScanImage:
    import pypdfium2 as pdfium

    document = _open_pdf(file, data)
    try:
        if not 0 <= index < len(document):
            raise ScanFileError(f"{file}: has {len(document)} pages, no page {index + 1}")
        page = document[index]
        width, height = page.get_size()  # points, 1/72 inch
        scale = PDF_DPI / 72
        # A huge page is rendered smaller rather than refused: it is a picture to look at.
        pixels = width * scale * height * scale
        if pixels > MAX_PIXELS or max(width, height) * scale > MAX_SIDE:
            scale = min((MAX_PIXELS / (width * height)) ** 0.5, MAX_SIDE / max(width, height))
        try:
            bitmap = page.render(scale=scale, grayscale=False, rev_byteorder=True, prefer_bgrx=False)
        except pdfium.PdfiumError as exc:
            raise ScanFileError(f"{file}: page {index + 1} cannot be rendered ({exc})") from None
        try:
            png = png_bytes(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, bitmap.n_channels)
            size = (bitmap.width, bitmap.height)
        finally:
            bitmap.close()
            page.close()
    finally:
        document.close()
    return ScanImage("image/png", png, size[0], size[1], f"{file.name}#{index + 1}")


def png_bytes(buffer, width: int, height: int, stride: int, channels: int) -> bytes:
    """Encode 8-bit grey (1), RGB (3) or RGBA (4) rows as a PNG file.

    An RGB page whose every pixel is grey (most newspaper scans) is stored as grey: a third of
    the data. zlib's fastest level: a rendered page compresses nearly as well at 1 as at 6, in
    a fifth of the time.
    """
    import numpy as np

    pixels = np.frombuffer(buffer, dtype=np.uint8, count=height * stride).reshape(height, stride)
    pixels = pixels[:, : width * channels].reshape(height, width, channels)
    if (
        channels == 3
        and (pixels[..., 0] == pixels[..., 1]).all()
        and (pixels[..., 1] == pixels[..., 2]).all()
    ):
        pixels, channels = pixels[..., :1], 1
    colour = {1: 0, 3: 2, 4: 6}[channels]
    rows = np.zeros((height, 1 + width * channels), dtype=np.uint8)  # filter byte 0 ("none") per row
    rows[:, 1:] = pixels.reshape(height, width * channels)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, colour, 0, 0, 0)
    return (
        PNG_SIGNATURE
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows.tobytes(), 1))
        + chunk(b"IEND", b"")
    )
