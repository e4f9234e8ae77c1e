"""The annotations panel's index: every highlight's filterable fields in memory, kept current.

Filtering 100,000 highlights in SQL costs a join per row for reading order (issue, page,
section) and a scan for text; the panel filters on every keystroke. This index loads the
fields once (one query) and keeps, like a database would, sets of ids per category, tag,
page, issue and state, the folded text of each quote and note, and each sort's order as a
sorted list that a change updates in place (bisect), so a filter is a few set intersections
and one pass over an ordered list. It follows the library through the service's change
notices. It answers exactly what :func:`models.annotations.finder.find_ids` answers (a test
holds the two together); descending is the ascending order reversed, in both.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable
from datetime import datetime, timedelta

from peewee import SqliteDatabase

from models.annotations.finder import SORTS, Filter
from models.annotations.records import Changed

_ROWS_SQL = """
SELECT h.id, h.page_id, p.issue_id, h.category_id, h.created, h.updated, h.deleted, h.anchor_state,
  h.exact, n.text, i.date, p.position, s.ordinal, h.start
FROM highlight h
JOIN page p ON p.id = h.page_id
JOIN issue i ON i.id = p.issue_id
LEFT JOIN note n ON n.highlight_id = h.id
LEFT JOIN section s ON s.id = h.section_id
"""

_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def _fold(text: str) -> str:
    """Text as the filter compares it: Latin letters case-folded the way SQLite's LIKE does."""
    return text.translate(_ASCII_LOWER)


def _moment(value: object) -> str:
    # Stored as 'YYYY-MM-DD HH:MM:SS[.ffffff]': compared as strings, as the SQL does.
    return value.isoformat(" ") if isinstance(value, datetime) else str(value)


class _Row:
    """What the filter and the sorts need of one highlight."""

    __slots__ = ("id", "page", "issue", "category", "created", "updated", "deleted", "anchored", "text", "exact",
                 "date", "page_position", "ordinal", "start")  # fmt: skip

    def __init__(self, row: tuple) -> None:
        (self.id, self.page, self.issue, self.category, created, updated, deleted, state, self.exact, note,
         self.date, self.page_position, self.ordinal, self.start) = row  # fmt: skip
        self.created = _moment(created)
        self.updated = _moment(updated)
        self.deleted = bool(deleted)
        self.anchored = state != "unanchored"
        self.text = _fold(self.exact + "\x00" + note) if note else _fold(self.exact) + "\x00"

    def key(self, sort: str, category_position: int) -> tuple:
        """The row's place in a sort, ascending, as finder._order orders it."""
        hid = self.id
        if sort == "created":
            return (self.created, hid)
        if sort == "updated":
            return (self.updated, hid)
        if sort == "quote":
            return (self.exact, hid)
        ordinal = -1 if self.ordinal is None else self.ordinal
        if sort == "category":
            return (category_position, self.page, ordinal, self.start, hid)
        return (self.date is None, self.date or "", self.issue, self.page_position, self.page,
                self.ordinal is None, ordinal, self.start, hid)  # fmt: skip


class _Order:
    """One sort's ascending order: parallel sorted lists of keys and ids."""

    def __init__(self, keyed: list[tuple[tuple, int]]) -> None:
        keyed.sort()
        self.keys = [k for k, _ in keyed]
        self.ids = [i for _, i in keyed]

    def remove(self, key: tuple, highlight_id: int) -> None:
        at = bisect_left(self.keys, key)
        if at < len(self.keys) and self.keys[at] == key:
            del self.keys[at]
            del self.ids[at]
        elif highlight_id in self.ids:
            # Its key moved behind the index's back (an issue's date edited): find it by id.
            at = self.ids.index(highlight_id)
            del self.keys[at]
            del self.ids[at]

    def add(self, key: tuple, highlight_id: int) -> None:
        at = bisect_left(self.keys, key)
        self.keys.insert(at, key)
        self.ids.insert(at, highlight_id)


class PanelIndex:
    """Highlights of the whole library, filterable in memory."""

    def __init__(self, db: SqliteDatabase) -> None:
        self._db = db
        self.reload()

    def __len__(self) -> int:
        return len(self._rows)

    # --- keeping current ----------------------------------------------------------------------
    def reload(self) -> None:
        """Read everything again (after changes the service did not make: pages removed)."""
        self._rows: dict[int, _Row] = {}
        self._by_page: dict[int, set[int]] = {}
        self._by_issue: dict[int, set[int]] = {}
        self._by_category: dict[int, set[int]] = {}
        self._by_state: dict[bool, set[int]] = {False: set(), True: set()}  # deleted or not
        self._by_anchoring: dict[bool, set[int]] = {False: set(), True: set()}
        self._created: list[tuple[str, int]] = []
        self._orders: dict[str, _Order] = {}
        self._text_ids: list[int] | None = None
        self._texts: list[str] = []
        self._category_positions = dict(self._db.execute_sql("SELECT id, position FROM category").fetchall())
        for row in self._db.execute_sql(_ROWS_SQL).fetchall():
            self._add(row, build=True)
        self._created.sort()
        self._tags: dict[int, set[int]] = {}
        self._reload_tags()

    def _reload_tags(self) -> None:
        self._tags = {}
        for highlight_id, tag_id in self._db.execute_sql("SELECT highlight_id, tag_id FROM highlight_tag"):
            self._tags.setdefault(tag_id, set()).add(highlight_id)

    def changed(self, change: Changed) -> None:
        """A listener for :meth:`Annotations.subscribe`."""
        if change.categories:
            self._category_positions = dict(
                self._db.execute_sql("SELECT id, position FROM category").fetchall()
            )
            self._orders.pop("category", None)
        self.refresh(change.highlight_ids, tags=change.tags)

    def refresh(self, highlight_ids: Iterable[int], tags: bool = False) -> None:
        """Reload some highlights (and, if ``tags``, every tag link)."""
        ids = list(set(highlight_ids))
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            for key in chunk:
                self._drop(key)
            marks = ", ".join("?" * len(chunk))
            for row in self._db.execute_sql(f"{_ROWS_SQL} WHERE h.id IN ({marks})", chunk).fetchall():
                self._add(row)
        if tags:
            self._reload_tags()

    def _key(self, entry: _Row, sort: str) -> tuple:
        return entry.key(sort, self._category_positions.get(entry.category, 0))

    def _add(self, row: tuple, build: bool = False) -> None:
        entry = _Row(row)
        hid = entry.id
        self._rows[hid] = entry
        self._by_page.setdefault(entry.page, set()).add(hid)
        self._by_issue.setdefault(entry.issue, set()).add(hid)
        self._by_category.setdefault(entry.category, set()).add(hid)
        self._by_state[entry.deleted].add(hid)
        self._by_anchoring[entry.anchored].add(hid)
        if build:
            self._created.append((entry.created, hid))
            return
        insort(self._created, (entry.created, hid))
        for sort, order in self._orders.items():
            order.add(self._key(entry, sort), hid)
        self._text_ids = None

    def _drop(self, hid: int) -> None:
        entry = self._rows.pop(hid, None)
        if entry is None:
            return
        self._by_page[entry.page].discard(hid)
        self._by_issue[entry.issue].discard(hid)
        self._by_category[entry.category].discard(hid)
        self._by_state[entry.deleted].discard(hid)
        self._by_anchoring[entry.anchored].discard(hid)
        at = bisect_left(self._created, (entry.created, hid))
        if at < len(self._created) and self._created[at] == (entry.created, hid):
            del self._created[at]
        for sort, order in self._orders.items():
            order.remove(self._key(entry, sort), hid)
        self._text_ids = None

    # --- answering -------------------------------------------------------------------------------
    def _order(self, sort: str) -> _Order:
        order = self._orders.get(sort)
        if order is None:
            order = self._orders[sort] = _Order(
                [(self._key(row, sort), hid) for hid, row in self._rows.items()]
            )
        return order

    def _matching_text(self, needle: str) -> set[int]:
        if self._text_ids is None:
            self._text_ids = list(self._rows)
            self._texts = [self._rows[i].text for i in self._text_ids]
        return {i for i, text in zip(self._text_ids, self._texts) if needle in text}

    def _created_between(self, since: str | None, until: str | None) -> set[int]:
        low = bisect_left(self._created, (since,)) if since is not None else 0
        high = bisect_left(self._created, (until,)) if until is not None else len(self._created)
        return {hid for _, hid in self._created[low:high]}

    def find(self, query: Filter) -> list[int]:
        """Ids that pass ``query``, in its order (the same answer as ``finder.find_ids``)."""
        if query.sort not in SORTS:
            raise ValueError(f"unknown sort {query.sort!r}")
        sets: list[set[int]] = [self._by_state[bool(query.deleted)]]
        if query.page_id is not None:
            sets.append(self._by_page.get(query.page_id, set()))
        if query.issue_id is not None:
            sets.append(self._by_issue.get(query.issue_id, set()))
        if query.category_ids:
            sets.append(set().union(*(self._by_category.get(c, set()) for c in query.category_ids)))
        sets.extend(self._tags.get(t, set()) for t in query.tag_ids)
        if query.anchoring in ("anchored", "unanchored"):
            sets.append(self._by_anchoring[query.anchoring == "anchored"])
        if query.since is not None or query.until is not None:
            since = datetime.combine(query.since, datetime.min.time()).isoformat(" ") if query.since else None
            until = (
                datetime.combine(query.until + timedelta(days=1), datetime.min.time()).isoformat(" ")
                if query.until
                else None
            )
            sets.append(self._created_between(since, until))
        sets.sort(key=len)
        chosen = sets[0].intersection(*sets[1:]) if len(sets) > 1 else sets[0]
        needle = _fold(query.text.strip())
        if needle and chosen:
            chosen = chosen & self._matching_text(needle)
        order = self._order(query.sort)
        if len(chosen) == len(self._rows):
            found = list(order.ids)
        elif len(chosen) * 8 < len(order.ids):
            # Few hits: sort them by their keys instead of walking the whole order.
            keys = {hid: self._key(self._rows[hid], query.sort) for hid in chosen}
            found = sorted(chosen, key=keys.__getitem__)
        else:
            found = [hid for hid in order.ids if hid in chosen]
        if query.descending:
            found.reverse()
        return found
