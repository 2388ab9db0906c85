"""Filters a user picks (organization, year, section, source, a date range), facet counts
for the current query, and ordering by date.

Counts are exact: they are counted over every matching document from the index's
columns (held per index generation, see FacetTable), not estimated from the first page. Filters combine with AND, also within one facet (two
organizations = articles naming both), so a count shown next to a value is the number
of results clicking it gives.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable, Mapping, Sequence

import numpy as np
from whoosh import query as Q

from ..errors import QueryError
from ..index import ORG_COLUMN, ORG_SEPARATOR
from ..models import FacetValue
from ..thai.periods import CE_YEARS, be_year, parse_bound
from .build import all_of, any_of, field_filter, published_between

FACETS = ("org", "year", "section", "source")
MAX_FILTER_VALUES = 10
MAX_FACET_VALUES = 12
# the raw column value Whoosh gives a document without a publication date
_NO_DATE = 2 ** 64 - 1


@dataclass(frozen=True)
class Filters:
    orgs: tuple[str, ...] = ()
    years: tuple[int, ...] = ()  # Common Era
    sections: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None

    @classmethod
    def parse(cls, args: Mapping[str, Sequence[str]]) -> "Filters":
        """From request-style arguments: org, year (either era), section, source (each
        repeatable), from and to (ISO date, year or Thai date). Bad values raise QueryError
        with a message a user can act on."""
        def values(key: str) -> tuple[str, ...]:
            found = tuple(dict.fromkeys(v.strip() for v in args.get(key, ()) if v and v.strip()))
            if len(found) > MAX_FILTER_VALUES:
                raise QueryError(f"ตัวกรอง {key} ใช้ได้ไม่เกิน {MAX_FILTER_VALUES} ค่า (at most {MAX_FILTER_VALUES} {key} filters)")
            return found

        years: list[int] = []
        for raw in values("year"):
            bound = parse_bound(raw, end=False)
            if bound is None or not raw.strip().isdigit():
                raise QueryError(f"ปีไม่ถูกต้อง: {raw!r} (year must be like 2567 or 2024)")
            years.append(bound.year)
        raw_from, raw_to = (args.get("from") or [""])[0].strip(), (args.get("to") or [""])[0].strip()
        date_from = _bound(raw_from, end=False)
        date_to = _bound(raw_to, end=True)
        if date_from and date_to and date_from > date_to:  # typed the wrong way round
            date_from, date_to = _bound(raw_to, end=False), _bound(raw_from, end=True)
        return cls(orgs=values("org"), years=tuple(dict.fromkeys(years)), sections=values("section"),
                   sources=values("source"), date_from=date_from, date_to=date_to)

    def __bool__(self) -> bool:
        return bool(self.orgs or self.years or self.sections or self.sources or self.date_from or self.date_to)

    def query(self) -> Q.Query | None:
        """Every filter at once. Organizations each (two = articles naming both); an article has one
        section, source and year, so two of those mean either (with AND, two years found nothing)."""
        parts: list[Q.Query] = [field_filter("orgs", value) for value in self.orgs]
        for field_name, values in (("section", self.sections), ("source", self.sources)):
            if values:
                parts.append(any_of([field_filter(field_name, value) for value in values]))
        if self.years:
            parts.append(any_of([Q.NumericRange("year", year, year) for year in self.years]))
        if self.date_from or self.date_to:
            parts.append(published_between(self.date_from, self.date_to))
        return all_of(parts) if parts else None

    def to_dict(self) -> dict[str, object]:
        return {"org": list(self.orgs), "year": list(self.years), "section": list(self.sections),
                "source": list(self.sources),
                "from": self.date_from.isoformat() if self.date_from else None,
                "to": self.date_to.isoformat() if self.date_to else None}


def _bound(raw: str, *, end: bool) -> date | None:
    if not raw:
        return None
    bound = parse_bound(raw, end=end)
    if bound is None:
        raise QueryError(f"วันที่ไม่ถูกต้อง: {raw!r} (dates are like 2024-03-01, 2567 or 1 มี.ค. 2567)")
    return bound



def year_label(ce_year: int) -> str:
    return f"{be_year(ce_year)} ({ce_year})"


class FacetTable:
    """Every document's facet values and publication time, read from the index's columns
    once per index generation (a whole column at a time). Counting the values of the
    matching documents is then a few numpy operations (``bincount`` of value numbers), not
    four column lookups per document.

    Held per server process, so kept compact: each value as a number into a list of the
    distinct values, organizations as numbers in flat arrays, times in an array (at 100,000
    articles, a tuple of freshly decoded strings per article made the table 200 MB of a
    process's memory)."""

    def __init__(self, reader) -> None:
        def column(name: str, missing, translate: bool) -> list:
            values: list = []
            for leaf, _offset in reader.leaf_readers():
                count = leaf.doc_count_all()
                part = list(leaf.column_reader(name, translate=translate))[:count] if leaf.has_column(name) else []
                part.extend([missing] * (count - len(part)))
                values.extend(part)
            return values

        # per facet: the distinct values, and each document's value as a number into them
        self._values: dict[str, list] = {}
        self._codes: dict[str, np.ndarray] = {}
        self._numbers: dict[str, dict] = {}  # per facet: value -> its number
        for name, values in (("year", [y if y in CE_YEARS else None for y in column("year", None, translate=True)]),
                             ("section", column("section", "", translate=True)),
                             ("source", column("source", "", translate=True))):
            number: dict[object, int] = {}
            self._codes[name] = np.fromiter((number.setdefault(v, len(number)) for v in values),
                                            dtype=np.int32, count=len(values))
            self._values[name] = list(number)
            self._numbers[name] = number
        self.published = np.array(column("published", _NO_DATE, translate=False), dtype=np.uint64)
        size = len(self.published)
        # every (document, organization) pair, in document order: its organization is _org_names[_org_ids[i]]
        self._org_names: list[str] = []
        org_number: dict[bytes, int] = {}
        org_ids: list[int] = []
        org_docs: list[int] = []
        for docnum, raw in enumerate(column(ORG_COLUMN, b"", translate=False)):
            if raw:
                for name in raw.split(ORG_SEPARATOR.encode("utf-8")):
                    if name:
                        if name not in org_number:
                            org_number[name] = len(self._org_names)
                            self._org_names.append(name.decode("utf-8"))
                        org_ids.append(org_number[name])
                        org_docs.append(docnum)
        self._org_ids = np.array(org_ids, dtype=np.int32)
        # document d's pairs are _org_ids[_org_at[d]:_org_at[d + 1]]
        self._org_at = np.searchsorted(np.array(org_docs, dtype=np.int64), np.arange(size + 1))
        self._numbers["org"] = {name: i for i, name in enumerate(self._org_names)}
        self._live = np.ones(size, dtype=bool)
        for leaf, offset in reader.leaf_readers():
            if leaf.has_deletions():
                self._live[np.fromiter(leaf.deleted_docs_set, dtype=np.int64) + offset] = False
        # a query of common words matches most of the archive: its counts are the whole
        # archive's less those of the (fewer) live articles it does not match
        self._live_count = int(self._live.sum())
        self._whole = self._value_counts(np.flatnonzero(self._live))

    def _counts(self, docnums, names: Sequence[str] = FACETS) -> dict[str, tuple[list, np.ndarray]]:
        docs = np.asarray(docnums, dtype=np.int64)
        if len(docs) * 2 > self._live_count:  # fewer to count among the rest
            others = self._live.copy()
            others[docs] = False
            rest = self._value_counts(np.flatnonzero(others), names)
            return {name: (values, self._whole[name][1] - rest[name][1]) for name, (values, _) in rest.items()}
        return self._value_counts(docs, names)

    def _value_counts(self, docs: np.ndarray, names: Sequence[str] = FACETS) -> dict[str, tuple[list, np.ndarray]]:
        """Per facet in ``names``: its distinct values and, for each, how many of ``docs`` have it."""
        counted = {}
        for name, codes in self._codes.items():
            if name in names:
                counted[name] = (self._values[name], np.bincount(codes[docs], minlength=len(self._values[name])))
        if "org" not in names:
            return counted
        # each document's organizations are the pairs _org_at[d] to _org_at[d + 1] - 1
        first, last = self._org_at[docs], self._org_at[docs + 1]
        sizes = last - first
        pairs = np.repeat(first - np.cumsum(sizes) + sizes, sizes) + np.arange(int(sizes.sum()))
        counted["org"] = (self._org_names, np.bincount(self._org_ids[pairs], minlength=len(self._org_names)))
        return counted

    def count(self, docnums, filters: Filters, limit: int = MAX_FACET_VALUES,
              apart: Mapping[str, Iterable[int]] | None = None) -> dict[str, tuple[FacetValue, ...]]:
        """Exact value counts over ``docnums`` (live documents) for each facet, largest first
        (years newest first; the ``limit`` largest, ties by value), and the selected values.
        A facet named in ``apart`` is counted over the documents given there instead (the
        matches without its own filter: another year then shows what adding it brings)."""
        counted = self._counts(docnums)
        for name, docs in (apart or {}).items():
            counted[name] = self._counts(docs, (name,))[name]
        selected = {"org": filters.orgs, "year": filters.years, "section": filters.sections, "source": filters.sources}
        facets: dict[str, tuple[FacetValue, ...]] = {}
        for name in ("org", "year", "section", "source"):
            values, counts = counted[name]
            present = [i for i in np.flatnonzero(counts).tolist() if values[i] not in (None, "")]
            if name == "year":
                items = sorted(((values[i], int(counts[i])) for i in present), reverse=True)
            else:
                if len(present) > limit:  # only those that can be among the largest are ordered
                    least = np.partition(counts[present], len(present) - limit)[len(present) - limit]
                    present = [i for i in present if counts[i] >= least]
                items = sorted(((values[i], int(counts[i])) for i in present), key=lambda kv: (-kv[1], kv[0]))[:limit]
            # a selected value always shows, so it can be removed
            shown = {value for value, _ in items}
            number = self._numbers[name]
            items += [(value, int(counts[number[value]]) if value in number else 0)
                      for value in dict.fromkeys(selected[name]) if value not in shown]
            facets[name] = tuple(
                FacetValue(value=str(value), label=year_label(value) if name == "year" else str(value),
                           count=count, selected=value in selected[name])
                for value, count in items)
        return facets

    def by_date(self, docnums: Iterable[int], newest_first: bool) -> list[int]:
        """Documents in date order; articles without a date come last either way."""
        docs = np.asarray(docnums, dtype=np.int64)
        when = self.published[docs]
        if newest_first:  # by undated last, then newest first, then document number
            order = np.lexsort((docs, np.uint64(_NO_DATE) - when, when == _NO_DATE))
        else:
            order = np.lexsort((docs, when))
        return docs[order].tolist()


__all__ = ["FACETS", "FacetTable", "Filters", "year_label"]
