"""What the service's mixins (categories, tags) may ask of it: undoable operations.

:class:`models.annotations.service.Annotations` provides these; :class:`OperationsDesk` only
declares them once, so that each mixin need not repeat the stubs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from peewee import SqliteDatabase

if TYPE_CHECKING:
    from models.annotations.service import _Recording


class OperationsDesk:
    """The base of the service's mixins: the library database and one-operation transactions."""

    _db: SqliteDatabase

    def _operation(
        self,
        label: str,
        highlights: Iterable[int] = (),
        tags: Iterable[int] = (),
        categories: Iterable[int] = (),
    ) -> AbstractContextManager[_Recording]:  # pragma: no cover - provided by the service
        """Run the body as one undoable operation, touching these rows."""
        raise NotImplementedError

    def _existing(self, ids: Sequence[int]) -> None:  # pragma: no cover - provided by the service
        """Refuse highlight ids that are not in the library."""
        raise NotImplementedError
