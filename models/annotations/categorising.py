"""Highlight categories as operations: the default set, add, edit, reorder, delete.

A mixin of :class:`models.annotations.service.Annotations`; every change is one undoable
operation. The order of categories gives the keys 1–9.
"""

from __future__ import annotations

from typing import Any

from peewee import fn

from models.annotations.categories import DEFAULT_CATEGORIES, check_colour, check_name, normalise_name
from models.annotations.operating import OperationsDesk
from models.annotations.records import CategoryInfo
from models.errors import DubaoError
from models.library.schema import Category, Highlight


class _Unset:
    """An argument that was not given."""


UNSET: Any = _Unset()


class CategoryOps(OperationsDesk):
    """Category operations; ``_db`` and ``_operation`` come from the service."""

    def ensure_default_categories(self) -> None:
        """Give a library without categories the default set (not an undoable operation)."""
        if Category.select().exists():
            return
        with self._db.atomic():
            if not Category.select().exists():
                Category.insert_many(
                    [
                        {
                            "name": c.name,
                            "light_colour": c.light_colour,
                            "dark_colour": c.dark_colour,
                            "position": n,
                        }
                        for n, c in enumerate(DEFAULT_CATEGORIES)
                    ]
                ).execute()

    def categories(self) -> list[CategoryInfo]:
        """Every category in menu order; the first nine get the keys 1–9."""
        return [_category_info(c) for c in Category.select().order_by(Category.position, Category.id)]

    def category(self, category_id: int) -> CategoryInfo:
        row = Category.get_or_none(Category.id == category_id)
        if row is None:
            raise DubaoError(f"no category {category_id}")
        return _category_info(row)

    def category_for_key(self, key: int) -> CategoryInfo | None:
        """The category of key ``key`` (1–9), or None when there are fewer categories."""
        cats = self.categories()
        return cats[key - 1] if 1 <= key <= min(9, len(cats)) else None

    def category_named(self, name: str) -> CategoryInfo | None:
        row = Category.get_or_none(Category.name == normalise_name(name))
        return None if row is None else _category_info(row)

    def add_category(self, name: str, light_colour: str, dark_colour: str) -> CategoryInfo:
        name = check_name(name)
        values = {"light_colour": check_colour(light_colour), "dark_colour": check_colour(dark_colour)}
        with self._operation(f"add category {name}") as rec:
            if Category.select().where(Category.name == name).exists():
                raise DubaoError(f"there is already a category {name!r}")
            position = (Category.select(fn.MAX(Category.position)).scalar() or 0) + 1
            row = Category.create(name=name, position=position, **values)
            rec.made("category", row.id)
        return _category_info(row)

    def update_category(
        self,
        category_id: int,
        *,
        name: str = UNSET,
        light_colour: str = UNSET,
        dark_colour: str = UNSET,
        position: int = UNSET,
    ) -> CategoryInfo:
        """Rename, recolour or move a category; arguments not given stay as they are."""
        values: dict[Any, object] = {}
        if name is not UNSET:
            values[Category.name] = check_name(name)
        if light_colour is not UNSET:
            values[Category.light_colour] = check_colour(light_colour)
        if dark_colour is not UNSET:
            values[Category.dark_colour] = check_colour(dark_colour)
        if position is not UNSET:
            values[Category.position] = int(position)
        with self._operation("edit category", categories=[category_id]):
            current = self.category(category_id)
            if (
                name is not UNSET
                and values[Category.name] != current.name
                and self.category_named(str(values[Category.name]))
            ):
                raise DubaoError(f"there is already a category {values[Category.name]!r}")
            if values:
                Category.update(values).where(Category.id == category_id).execute()
        return self.category(category_id)

    def move_category(self, category_id: int, delta: int) -> list[CategoryInfo]:
        """Move a category up (-1) or down (+1) the list, and so to another key 1–9."""
        order = [c.id for c in self.categories()]
        if category_id not in order:
            raise DubaoError(f"no category {category_id}")
        at = order.index(category_id)
        to = max(0, min(len(order) - 1, at + delta))
        if to != at:
            with self._operation("move category", categories=order):
                order.insert(to, order.pop(at))
                for position, cid in enumerate(order):
                    Category.update(position=position).where(Category.id == cid).execute()
        return self.categories()

    def delete_category(self, category_id: int) -> None:
        """Remove a category that no highlight (not even a deleted one) uses."""
        with self._operation("delete category", categories=[category_id]):
            info = self.category(category_id)
            used = Highlight.select().where(Highlight.category == category_id).count()
            if used:
                raise DubaoError(f"category {info.name!r} is used by {used} highlights; move them first")
            Category.delete().where(Category.id == category_id).execute()


def _category_info(row: Category) -> CategoryInfo:
    return CategoryInfo(row.id, row.name, row.light_colour, row.dark_colour, row.position)
