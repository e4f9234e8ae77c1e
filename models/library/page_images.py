"""A page's scan in the library: stored, replaced, read back, removed (one image per page).

The bytes are stored as read (a PDF page as the PNG it was rendered to), so the library file
alone carries everything: the scan travels with a backup or a copy of the file.
"""

from __future__ import annotations

from dataclasses import dataclass

from peewee import SqliteDatabase

from models.errors import DubaoError
from models.library.schema import Page, PageImage, utc_now
from models.scan_file import ScanImage


@dataclass(frozen=True)
class PageScan:
    """A stored scan: the image and which page it belongs to."""

    page_id: int
    image: ScanImage


def put(page_id: int, image: ScanImage) -> None:
    """Store (or replace) a page's scan; the caller holds the transaction."""
    PageImage.delete().where(PageImage.page == page_id).execute()
    PageImage.create(
        page=page_id,
        media_type=image.media_type,
        data=image.data,
        width=image.width,
        height=image.height,
        source_name=image.source_name,
        created=utc_now(),
    )


def attach(db: SqliteDatabase, page_id: int, image: ScanImage) -> None:
    """Store a page's scan in one transaction, replacing the one it had."""
    with db.atomic():
        if not Page.select().where(Page.id == page_id).exists():
            raise DubaoError(f"no page {page_id} in the library")
        put(page_id, image)


def detach(db: SqliteDatabase, page_id: int) -> bool:
    """Remove a page's scan; False if it had none."""
    with db.atomic():
        return PageImage.delete().where(PageImage.page == page_id).execute() > 0


def scan_of(page_id: int) -> PageScan | None:
    """A page's stored scan, or None."""
    row = PageImage.select().where(PageImage.page == page_id).first()
    if row is None:
        return None
    image = ScanImage(row.media_type, bytes(row.data), row.width, row.height, row.source_name)
    return PageScan(page_id, image)


def has_scan(page_id: int) -> bool:
    return PageImage.select(PageImage.id).where(PageImage.page == page_id).exists()
