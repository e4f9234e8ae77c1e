"""Free tags on highlights: attach and detach, and the tag manager's rename, merge, recolour.

A mixin of :class:`models.annotations.service.Annotations`; every method is one undoable
operation. Tag names are unique; renaming a tag to a name in use is refused (merge instead).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from peewee import fn

from models.annotations.categories import check_colour, check_name
from models.annotations.operating import OperationsDesk
from models.annotations.records import TagInfo
from models.errors import DubaoError
from models.library.schema import Highlight, HighlightTag, Tag, utc_now

if TYPE_CHECKING:
    from models.annotations.service import _Recording


class TagOps(OperationsDesk):
    """Tag operations; ``_operation`` and ``_existing`` come from the service."""

    def tags(self) -> list[TagInfo]:
        """Every tag by name, with the number of live highlights that carry it."""
        live = (
            HighlightTag.select(HighlightTag.tag, fn.COUNT(HighlightTag.id).alias("n"))
            .join(Highlight)
            .where(
                Highlight.deleted == False  # noqa: E712 (peewee expression)
            )
            .group_by(HighlightTag.tag)
        )
        counts = {tag_id: n for tag_id, n in live.tuples()}
        return [TagInfo(t.id, t.name, t.colour, counts.get(t.id, 0)) for t in Tag.select().order_by(Tag.name)]

    def tag_named(self, name: str) -> TagInfo | None:
        row = Tag.get_or_none(Tag.name == " ".join(name.split()))
        if row is None:
            return None
        return next((t for t in self.tags() if t.id == row.id), None)

    def tag_names(self, prefix: str = "") -> list[str]:
        """Tag names for completion, those starting with ``prefix`` first."""
        names = [name for (name,) in Tag.select(Tag.name).order_by(Tag.name).tuples()]
        if not prefix:
            return names
        starts = [n for n in names if n.startswith(prefix)]
        return starts + [n for n in names if prefix in n and n not in starts]

    def add_tags(self, highlight_id: int, names: Iterable[str]) -> None:
        """Attach tags (made when new) to a highlight."""
        names = [check_name(n, "tag") for n in names]
        with self._operation("add tag", highlights=[highlight_id]) as rec:
            self._existing([highlight_id])
            for name in dict.fromkeys(names):
                tag_id = self._tag_id(rec, name)
                HighlightTag.insert(highlight=highlight_id, tag=tag_id).on_conflict_ignore().execute()
            Highlight.update(updated=utc_now()).where(Highlight.id == highlight_id).execute()

    def remove_tags(self, highlight_id: int, names: Iterable[str]) -> None:
        """Detach tags from a highlight (the tags themselves stay, with their other highlights)."""
        names = [" ".join(n.split()) for n in names]
        with self._operation("remove tag", highlights=[highlight_id]):
            self._existing([highlight_id])
            tag_ids = [t for (t,) in Tag.select(Tag.id).where(Tag.name.in_(names)).tuples()]
            HighlightTag.delete().where(
                (HighlightTag.highlight == highlight_id) & (HighlightTag.tag.in_(tag_ids))
            ).execute()
            Highlight.update(updated=utc_now()).where(Highlight.id == highlight_id).execute()

    def set_tags(self, highlight_id: int, names: Iterable[str]) -> None:
        """Make a highlight's tags exactly ``names``."""
        wanted = list(dict.fromkeys(check_name(n, "tag") for n in names))
        with self._operation("edit tags", highlights=[highlight_id]) as rec:
            self._existing([highlight_id])
            ids = [self._tag_id(rec, name) for name in wanted]
            HighlightTag.delete().where(
                (HighlightTag.highlight == highlight_id) & (HighlightTag.tag.not_in(ids))
            ).execute()
            for tag_id in ids:
                HighlightTag.insert(highlight=highlight_id, tag=tag_id).on_conflict_ignore().execute()
            Highlight.update(updated=utc_now()).where(Highlight.id == highlight_id).execute()

    def rename_tag(self, tag_id: int, name: str) -> TagInfo:
        """Give a tag a new name; a name another tag has is refused (merge the two instead)."""
        name = check_name(name, "tag")
        with self._operation("rename tag", tags=[tag_id]):
            self._tag_row(tag_id)
            other = Tag.get_or_none((Tag.name == name) & (Tag.id != tag_id))
            if other is not None:
                raise DubaoError(f"there is already a tag {name!r}; merge the two instead")
            Tag.update(name=name).where(Tag.id == tag_id).execute()
        return self._tag_info(tag_id)

    def recolour_tag(self, tag_id: int, colour: str | None) -> TagInfo:
        value = None if colour is None else check_colour(colour)
        with self._operation("recolour tag", tags=[tag_id]):
            self._tag_row(tag_id)
            Tag.update(colour=value).where(Tag.id == tag_id).execute()
        return self._tag_info(tag_id)

    def merge_tags(self, source_ids: int | Iterable[int], target_id: int) -> TagInfo:
        """Move every highlight of the source tags to the target tag and remove the sources."""
        sources = [source_ids] if isinstance(source_ids, int) else [s for s in source_ids]
        sources = [s for s in dict.fromkeys(sources) if s != target_id]
        if not sources:
            raise DubaoError("choose a tag to merge into another")
        carried = [
            h
            for (h,) in HighlightTag.select(HighlightTag.highlight)
            .where(HighlightTag.tag.in_(sources))
            .tuples()
        ]
        with self._operation("merge tags", highlights=carried, tags=[*sources, target_id]):
            self._tag_row(target_id)
            for source in sources:
                self._tag_row(source)
            for highlight_id in dict.fromkeys(carried):
                HighlightTag.insert(highlight=highlight_id, tag=target_id).on_conflict_ignore().execute()
            Tag.delete().where(Tag.id.in_(sources)).execute()
        return self._tag_info(target_id)

    def delete_tag(self, tag_id: int) -> None:
        """Remove a tag from every highlight and from the list."""
        carried = [
            h
            for (h,) in HighlightTag.select(HighlightTag.highlight).where(HighlightTag.tag == tag_id).tuples()
        ]
        with self._operation("delete tag", highlights=carried, tags=[tag_id]):
            self._tag_row(tag_id)
            Tag.delete().where(Tag.id == tag_id).execute()

    def unused_tags(self) -> Iterator[TagInfo]:
        return (t for t in self.tags() if t.count == 0)

    # helpers
    def _tag_id(self, rec: _Recording, name: str) -> int:
        row = Tag.get_or_none(Tag.name == name)
        if row is None:
            row = Tag.create(name=name)
            rec.made("tag", row.id)
        return int(row.id)

    def _tag_row(self, tag_id: int) -> Any:
        row = Tag.get_or_none(Tag.id == tag_id)
        if row is None:
            raise DubaoError(f"no tag {tag_id}")
        return row

    def _tag_info(self, tag_id: int) -> TagInfo:
        info = next((t for t in self.tags() if t.id == tag_id), None)
        if info is None:
            raise DubaoError(f"no tag {tag_id}")
        return info
