"""A page's scan in the library: read and checked, imported beside its page, attached later,
kept in the library file (issue 8, "the scan beside the text")."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from annotation_pages import ASTRAL_PAGE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QImage
from scan_images import write_pdf, write_scan

from models import scan_file
from models.library import migrations
from models.library.service import Library
from models.scan_file import ScanFileError, read_scan


def _page_folder(tmp_path: Path, scan: str | None = None) -> Path:
    folder = tmp_path / "2020-02-12"
    folder.mkdir()
    (folder / "page-001.txt").write_text(ASTRAL_PAGE, encoding="utf-8")
    (folder / "page-002.txt").write_text(ASTRAL_PAGE.replace("示范区", "开发区"), encoding="utf-8")
    if scan is not None:
        write_scan(folder / f"page-001.{scan}")
    return folder


def _scan_rows(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM page_image").fetchone()[0]


@pytest.mark.parametrize(
    ("ending", "media_type"), [("png", "image/png"), ("jpg", "image/jpeg"), ("tif", "image/tiff")]
)
def test_a_scan_beside_its_page_file_is_imported_with_it(
    library: Library, tmp_path: Path, ending, media_type
):
    folder = _page_folder(tmp_path, ending)
    report = library.import_paths([folder])
    first, second = report.page_ids
    scan = library.page_scan(first)
    assert scan is not None and scan.media_type == media_type
    assert scan.data == (folder / f"page-001.{ending}").read_bytes()  # kept as it was read
    assert (scan.width, scan.height) == (120, 160)
    assert QImage.fromData(scan.data).size().width() == 120
    # The page without an image lost nothing and has no scan.
    assert library.page_scan(second) is None
    assert library.page(second).raw == ASTRAL_PAGE.replace("示范区", "开发区")


def test_a_broken_scan_beside_a_page_refuses_the_import_and_writes_nothing(library: Library, tmp_path: Path):
    folder = _page_folder(tmp_path)
    good = write_scan(tmp_path / "good.png").read_bytes()
    (folder / "page-001.png").write_bytes(good[: len(good) // 2])
    with pytest.raises(ScanFileError, match=r"page-001\.png: a broken PNG file"):
        library.import_paths([folder])
    assert library.issues() == []
    assert _scan_rows(library.path) == 0


def test_a_scan_is_attached_later_replaced_and_removed(library: Library, tmp_path: Path):
    page_id = library.import_paths([_page_folder(tmp_path)]).page_ids[0]
    assert library.page_scan(page_id) is None
    png = write_scan(tmp_path / "later.png", 200, 100)
    image = library.attach_scan(page_id, png)
    assert (image.width, image.height) == (200, 100)
    assert library.page_scan(page_id).data == png.read_bytes()
    jpeg = write_scan(tmp_path / "better.jpeg", 300, 400)
    library.attach_scan(page_id, jpeg)
    assert library.page_scan(page_id).media_type == "image/jpeg"
    assert _scan_rows(library.path) == 1  # one scan per page
    # It travels with the library file.
    with Library.open(library.path) as again:
        assert again.page_scan(page_id).data == jpeg.read_bytes()
    assert library.remove_scan(page_id) and library.page_scan(page_id) is None


def test_a_pdf_page_is_rendered_to_png(library: Library, tmp_path: Path):
    pdf = write_pdf(tmp_path / "issue.pdf", pages=2)
    assert scan_file.pdf_page_count(pdf) == 2
    page_id = library.import_paths([_page_folder(tmp_path)]).page_ids[0]
    image = library.attach_scan(page_id, pdf, pdf_page=1)
    assert image.media_type == "image/png" and image.source_name == "issue.pdf#2"
    shown = QImage.fromData(library.page_scan(page_id).data)
    scale = scan_file.PDF_DPI / 72
    assert abs(shown.width() - round(105 / 25.4 * 72 * scale)) <= 2  # A6 is 105 mm wide
    # Page 2's block is 60 pt wide: black at 45 pt, white at 75 pt.
    assert shown.pixelColor(int(45 * scale), int(15 * scale)).name() == "#000000"
    assert shown.pixelColor(int(75 * scale), int(15 * scale)).name() == "#ffffff"
    with pytest.raises(ScanFileError, match="has 2 pages, no page 3"):
        library.attach_scan(page_id, pdf, pdf_page=2)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"just some text, not an image", "not a PNG, JPEG, TIFF or PDF"),
        (b"", "empty"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 40, "broken JPEG"),
        (b"II*\x00" + b"\xff" * 20, "broken TIFF"),
        (b"%PDF-1.4 nothing more", "broken PDF"),
    ],
)
def test_a_file_that_is_no_usable_image_is_refused_with_its_reason_and_nothing_written(
    library: Library, tmp_path: Path, content: bytes, reason: str
):
    page_id = library.import_paths([_page_folder(tmp_path)]).page_ids[0]
    bad = tmp_path / "scan.png"
    bad.write_bytes(content)
    with pytest.raises(ScanFileError, match=reason):
        library.attach_scan(page_id, bad)
    assert library.page_scan(page_id) is None and _scan_rows(library.path) == 0


def test_limits_on_file_size_and_pixels(library: Library, tmp_path: Path, monkeypatch):
    page_id = library.import_paths([_page_folder(tmp_path)]).page_ids[0]
    png = write_scan(tmp_path / "big.png", 300, 300)
    monkeypatch.setattr(scan_file, "MAX_SCAN_BYTES", png.stat().st_size - 1)
    with pytest.raises(ScanFileError, match="at most"):
        library.attach_scan(page_id, png)
    monkeypatch.setattr(scan_file, "MAX_SCAN_BYTES", 64 * 1024 * 1024)
    monkeypatch.setattr(scan_file, "MAX_PIXELS", 300 * 300 - 1)
    with pytest.raises(ScanFileError, match="300×300 pixels"):
        library.attach_scan(page_id, png)
    assert _scan_rows(library.path) == 0


_GOOD_PNG: list[bytes] = []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=1, max_value=10_000), flip=st.integers(min_value=0, max_value=10_000))
def test_any_cut_or_damaged_png_is_refused(tmp_path_factory, cut: int, flip: int) -> None:
    if not _GOOD_PNG:
        _GOOD_PNG.append(write_scan(tmp_path_factory.mktemp("png") / "s.png").read_bytes())
    good = _GOOD_PNG[0]
    folder = tmp_path_factory.mktemp("cut")
    short = folder / "short.png"
    short.write_bytes(good[: cut % len(good)] or good[:1])
    with pytest.raises(ScanFileError):
        read_scan(short)
    at = 8 + flip % (len(good) - 8)  # past the signature: a changed byte breaks a chunk's CRC
    damaged = bytearray(good)
    damaged[at] ^= 0x40
    broken = folder / "damaged.png"
    broken.write_bytes(bytes(damaged))
    with pytest.raises(ScanFileError):
        read_scan(broken)


def test_a_v2_library_gains_the_scan_table_and_keeps_its_pages(tmp_path: Path) -> None:
    path = tmp_path / "v2.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.upgrade(conn, target=2)
    conn.execute(
        "INSERT INTO issue (id, paper, date, page_count, title, source_path, created) "
        "VALUES (1, '人民日报', '2020-02-12', 20, '人民日报', NULL, '2020-02-12 08:00:00')"
    )
    conn.execute(
        "INSERT INTO page (id, issue_id, number, name, position, source_path, raw_text, sha256, encoding,"
        " parser_version, created) VALUES (1, 1, 3, '要闻', 0, NULL, ?, 'abc', 'utf-8', '', '2020-02-12')",
        (ASTRAL_PAGE,),
    )
    assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'page_image'").fetchall()
    conn.close()
    with Library.open(path) as library:
        assert library.database.execute_sql("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION
        assert library.page_scan(1) is None
        library.attach_scan(1, write_scan(tmp_path / "s.png"))
        assert library.page_scan(1).width == 120
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT raw_text FROM page WHERE id = 1").fetchone()[0] == ASTRAL_PAGE
    # The scan goes with its page.
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("DELETE FROM page WHERE id = 1")
    assert conn.execute("SELECT count(*) FROM page_image").fetchone()[0] == 0
    conn.close()
    assert Path(f"{path}.v2.bak").is_file()  # the upgrade kept a copy of the v2 file


def test_a_rendered_page_is_stored_grey_when_it_is_grey_and_in_colour_when_not() -> None:
    width, height, stride = 5, 3, 16  # rows padded past their 15 bytes, as PDFium pads them
    grey = bytearray(b"\x80" * stride * height)
    png = scan_file.png_bytes(bytes(grey), width, height, stride, 3)
    assert png[25] == 0  # colour type 0: grey, one byte a pixel
    assert QImage.fromData(png).pixelColor(4, 2).name() == "#808080"
    coloured = bytearray(grey)
    coloured[stride * 2 + 12 : stride * 2 + 15] = b"\xff\x00\x00"  # the last pixel of the last row
    png = scan_file.png_bytes(bytes(coloured), width, height, stride, 3)
    assert png[25] == 2
    image = QImage.fromData(png)
    assert (image.width(), image.height()) == (5, 3)
    assert image.pixelColor(4, 2).name() == "#ff0000" and image.pixelColor(3, 2).name() == "#808080"
