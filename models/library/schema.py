"""The library's tables as peewee models (schema version 7).

The tables themselves are created by :mod:`models.library.migrations`, whose SQL is frozen
per version; these models are how the code reads and writes them, and a test checks that
both agree. Offsets are Unicode code points everywhere. Source maps (one raw-text offset
per character of a stored text) are kept as JSON runs, see :mod:`models.library.sourcemap`.

The models are bound to :data:`models.library.binding.ROUTER`: they use the database of the
library in use in the running context (its method, its transaction), so several libraries may
be open in one process.
"""

from __future__ import annotations

from datetime import datetime, timezone

from peewee import (
    BlobField,
    BooleanField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from models.library.binding import ROUTER


def utc_now() -> datetime:
    """Timestamps are stored as naive UTC."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


class LibraryModel(Model):
    class Meta:
        database = ROUTER
        legacy_table_names = False


class Issue(LibraryModel):
    """One issue of a newspaper: the pages printed on one day."""

    paper = TextField(default="")
    #: ISO 8601 as far as known: ``2020-02-12``, ``2016-11`` or ``2016``; NULL when unknown.
    date = TextField(null=True)
    #: How many pages the printed issue has, when known (the library may hold fewer).
    page_count = IntegerField(null=True)
    title = TextField(default="")
    #: The folder it was imported from, if any.
    source_path = TextField(null=True)
    created = DateTimeField(default=utc_now)


class Page(LibraryModel):
    """One printed page (版): its raw OCR text exactly as read, never modified."""

    issue = ForeignKeyField(Issue, backref="pages", on_delete="CASCADE")
    #: The page number printed on it (版次), when known.
    number = IntegerField(null=True)
    name = TextField(default="")
    #: Place in the issue's list of pages (file-name order).
    position = IntegerField(default=0)
    source_path = TextField(null=True)
    raw_text = TextField()
    sha256 = TextField()
    encoding = TextField(default="utf-8")
    parser_version = TextField(default="")
    created = DateTimeField(default=utc_now)
    #: Proofreading status: ``unchecked``, ``in_progress`` (set by the first edit) or ``done``. v3.
    status = TextField(default="unchecked")
    #: Counts the steps that edited the page's text or structure (v7): a correction made on an
    #: older view of the page is checked against what changed on its span since.
    version = IntegerField(default=0)

    class Meta:
        # v6 (migrations.add_page_list_indexes): (issue, status) and (issue, position) too.
        indexes = (
            (("issue", "sha256"), True),
            (("sha256",), False),
            (("issue", "status"), False),
            (("issue", "position"), False),
        )


class Section(LibraryModel):
    """A masthead, article or caption of a page, in reading order (``ordinal``)."""

    page = ForeignKeyField(Page, backref="sections", on_delete="CASCADE")
    ordinal = IntegerField()
    kind = TextField(default="article")
    kicker = TextField(null=True)
    kicker_map = TextField(null=True)
    heading = TextField(null=True)
    heading_map = TextField(null=True)
    subheading = TextField(null=True)
    subheading_map = TextField(null=True)
    byline = TextField(null=True)
    byline_map = TextField(null=True)

    class Meta:
        indexes = ((("page", "ordinal"), True),)


class Paragraph(LibraryModel):
    """A reflowed paragraph; ``source_map`` points each character back into the raw text."""

    section = ForeignKeyField(Section, backref="paragraphs", on_delete="CASCADE")
    ordinal = IntegerField()
    text = TextField()
    source_map = TextField()
    #: Half-open range of raw offsets the paragraph was taken from.
    raw_start = IntegerField()
    raw_end = IntegerField()

    class Meta:
        indexes = ((("section", "ordinal"), True),)


class EditBatch(LibraryModel):
    """Corrections and structure edits made as one step (one keystroke, one series fix). v3."""

    label = TextField(default="")
    author = TextField(default="")
    created = DateTimeField(default=utc_now)


class Correction(LibraryModel):
    """A proofreading edit: ``raw_text[raw_start:raw_end]`` reads as ``replacement``.

    The raw text stays as OCR left it; the current text is derived (see
    :mod:`models.library.corrections`). Added in schema version 2; batch, state, reverted
    and uuid in version 3. ``state`` is ``in_force`` or ``reverted``; a reverted correction
    stays in the history.
    """

    page = ForeignKeyField(Page, backref="corrections", on_delete="CASCADE")
    raw_start = IntegerField()
    raw_end = IntegerField()
    replacement = TextField(default="")
    author = TextField(default="")
    created = DateTimeField(default=utc_now)
    batch = ForeignKeyField(EditBatch, backref="corrections", null=True, on_delete="SET NULL")
    state = TextField(default="in_force")
    reverted = DateTimeField(null=True)
    uuid = TextField(default="")
    #: The page's version when this row was last written (made, set aside, reinstated). v7.
    page_version = IntegerField(default=0)


class StructureEdit(LibraryModel):
    """An editor's change to a page's structure, keyed by raw offsets (never ordinals). v3.

    ``kind`` and its keys: ``break`` (a paragraph break before raw ``raw_start``: value
    ``yes``/``no``), ``role`` (blocks starting in ``raw_start``–``raw_end`` are ``heading``,
    ``kicker``, ``subheading``, ``byline`` or ``body``), ``section`` (a section starts at
    ``raw_start``: ``yes``/``no``), ``section_kind`` (the section whose first raw offset is
    ``raw_start`` is an ``article``, ``caption``, ...), ``move`` (that section goes before the
    one whose first raw offset is ``raw_end``; -1: last).
    """

    page = ForeignKeyField(Page, backref="structure_edits", on_delete="CASCADE")
    batch = ForeignKeyField(EditBatch, backref="structure_edits", null=True, on_delete="SET NULL")
    kind = TextField()
    raw_start = IntegerField()
    raw_end = IntegerField(default=0)
    value = TextField(default="")
    author = TextField(default="")
    created = DateTimeField(default=utc_now)
    state = TextField(default="in_force")
    reverted = DateTimeField(null=True)
    #: The page's version when this row was last written. v7.
    page_version = IntegerField(default=0)


class LibraryWord(LibraryModel):
    """A word the editors added to the library's dictionary (names, places the checker flagged). v3."""

    word = TextField(unique=True)
    created = DateTimeField(default=utc_now)


class FlagDismissal(LibraryModel):
    """A checker flag an editor dismissed: where (raw span), what kind, the text it flagged. v3."""

    page = ForeignKeyField(Page, backref="flag_dismissals", on_delete="CASCADE")
    raw_start = IntegerField()
    raw_end = IntegerField()
    kind = TextField()
    text = TextField(default="")
    created = DateTimeField(default=utc_now)
    #: v8: the classes of the characters around the flag in the block the window showed (None: unknown)
    class_before = TextField(null=True)
    class_after = TextField(null=True)

    class Meta:
        indexes = ((("page", "raw_start", "raw_end", "kind"), True),)


class Category(LibraryModel):
    """A highlight category (错字, 存疑, 生词, ...) with its colour for light and dark themes."""

    name = TextField(unique=True)
    light_colour = TextField()
    dark_colour = TextField()
    #: Order in menus; the first nine get keys 1–9.
    position = IntegerField(default=0)


class Highlight(LibraryModel):
    """A marked passage: offsets into its section's text plus a quote to re-anchor by.

    ``start``/``end`` are code points into the section's text, end exclusive; ``exact``,
    ``prefix`` and ``suffix`` (up to 32 characters each) form a W3C TextQuoteSelector;
    ``text_hash`` identifies the text the offsets were made on. Deleting is soft.
    """

    uuid = TextField(unique=True)
    page = ForeignKeyField(Page, backref="highlights", on_delete="CASCADE")
    # A re-parse replaces sections; the highlight then re-anchors instead of disappearing.
    section = ForeignKeyField(Section, backref="highlights", null=True, on_delete="SET NULL")
    start = IntegerField()
    end = IntegerField()
    exact = TextField()
    prefix = TextField(default="")
    suffix = TextField(default="")
    text_hash = TextField(default="")
    category = ForeignKeyField(Category, backref="highlights", on_delete="RESTRICT")
    created = DateTimeField(default=utc_now)
    updated = DateTimeField(default=utc_now)
    deleted = BooleanField(default=False)
    #: ``anchored`` or ``unanchored`` (could not be placed with confidence after a text change).
    anchor_state = TextField(default="anchored")
    #: Counts the saved changes (v7): a change made on an older version is refused as a conflict.
    version = IntegerField(default=1)
    #: Who made the last change (or created it). v7.
    author = TextField(default="")


class HighlightRevision(LibraryModel):
    """A state of a highlight as someone saved it (``saved``) or tried to (``conflict``: the
    highlight had changed since they read it, so their change was kept here, not applied). v7."""

    highlight = ForeignKeyField(Highlight, backref="revisions", on_delete="CASCADE")
    version = IntegerField()
    state = TextField(default="saved")
    author = TextField(default="")
    created = DateTimeField(default=utc_now)
    #: The category's name, the note, the tags (JSON list of names), the span and its words.
    category = TextField(default="")
    note = TextField(default="")
    tags = TextField(default="[]")
    start = IntegerField(default=0)
    end = IntegerField(default=0)
    exact = TextField(default="")
    deleted = BooleanField(default=False)


class PageAssignment(LibraryModel):
    """Which editor proofreads a page; who assigned it, and when. One per page. v7."""

    page = ForeignKeyField(Page, backref="assignment", on_delete="CASCADE", unique=True)
    editor = TextField()
    author = TextField(default="")
    created = DateTimeField(default=utc_now)

    class Meta:
        indexes = ((("editor",), False),)


class Tag(LibraryModel):
    """A free tag for highlights."""

    name = TextField(unique=True)
    colour = TextField(null=True)
    created = DateTimeField(default=utc_now)


class HighlightTag(LibraryModel):
    highlight = ForeignKeyField(Highlight, backref="tag_links", on_delete="CASCADE")
    tag = ForeignKeyField(Tag, backref="highlight_links", on_delete="CASCADE")

    class Meta:
        indexes = ((("highlight", "tag"), True),)


class Note(LibraryModel):
    """The plain-text note of a highlight."""

    highlight = ForeignKeyField(Highlight, backref="notes", unique=True, on_delete="CASCADE")
    text = TextField(default="")
    created = DateTimeField(default=utc_now)
    updated = DateTimeField(default=utc_now)


class ReadingOverride(LibraryModel):
    """An editor's reading of one character occurrence, at a raw-text offset of a page."""

    page = ForeignKeyField(Page, backref="reading_overrides", on_delete="CASCADE")
    offset = IntegerField()
    char = TextField()
    pinyin = TextField()
    created = DateTimeField(default=utc_now)

    class Meta:
        indexes = ((("page", "offset"), True),)


class VocabularyEntry(LibraryModel):
    """A word a learner saved, with the sentence and place it came from."""

    simplified = TextField()
    traditional = TextField(default="")
    pinyin = TextField(default="")
    definition = TextField(default="")
    sentence = TextField(default="")
    page = ForeignKeyField(Page, backref="vocabulary", null=True, on_delete="SET NULL")
    raw_offset = IntegerField(null=True)
    created = DateTimeField(default=utc_now)
    updated = DateTimeField(default=utc_now)


class PageImage(LibraryModel):
    """A page's scan, to check the OCR against the printed page: one per page."""

    page = ForeignKeyField(Page, backref="images", on_delete="CASCADE", unique=True)
    media_type = TextField()  # image/png, image/jpeg or image/tiff
    data = BlobField()
    width = IntegerField()
    height = IntegerField()
    #: the file it came from (a PDF's page: "name.pdf#3")
    source_name = TextField(default="")
    created = DateTimeField(default=utc_now)


#: Every model, parents before children.
MODELS: tuple[type[LibraryModel], ...] = (
    Issue,
    Page,
    Section,
    Paragraph,
    EditBatch,
    Correction,
    StructureEdit,
    LibraryWord,
    FlagDismissal,
    Category,
    Highlight,
    Tag,
    HighlightTag,
    Note,
    ReadingOverride,
    VocabularyEntry,
    PageImage,
    HighlightRevision,
    PageAssignment,
)

#: Section fields stored as text plus source map, in printed order.
HEAD_COLUMNS = ("kicker", "heading", "subheading", "byline")
