"""Filters a user picks (organization, year, section, source, a date range), facet counts
for the current query, and ordering by date.

Counts are exact: they are counted over every matching document from the index's
columns (held per index generation, see FacetTable), not estimated from the first page. Filters combine with AND, also within one facet (two
organizations = articles naming both), so a count shown next to a value is the number
of results clicking it gives.
"""

from __future__ import annotations

import heapq
from array import array
from collections import Counter
from itertools import chain
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Mapping, Sequence

from whoosh import query as Q

from ..errors import QueryError
from ..index import ORG_COLUMN, ORG_SEPARATOR
from ..models import FacetValue
from ..thai.periods import CE_YEARS, be_year, parse_bound
from .build import all_of, field_filter, published_between

FACETS = ("org", "year", "section", "source")
MAX_FILTER_VALUES = 10
MAX_FACET_VALUES = 12
# up to this many matches, their organizations are counted one by one (FacetTable._org_counts)
_FEW_MATCHES = 5_000
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
                raise QueryError(f"at most {MAX_FILTER_VALUES} {key} filters")
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
        parts: list[Q.Query] = [field_filter(field_name, value)
                                for field_name, values in (("orgs", self.orgs), ("section", self.sections),
                                                           ("source", self.sources))
                                for value in values]
        parts.extend(Q.NumericRange("year", year, year) for year in self.years)
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
    matching documents is then a pass over Python lists (``Counter`` over ``map``), not
    four column lookups per document.

    Held per server process, so kept compact: organizations as numbers in flat arrays, times
    in an array (at 100,000 articles, a tuple of freshly decoded strings per article made the
    table 200 MB of a process's memory; now about 30 MB)."""

    def __init__(self, reader) -> None:
        interned: dict[object, object] = {}

        def column(name: str, missing, translate: bool) -> list:
            values: list = []
            for leaf, _offset in reader.leaf_readers():
                count = leaf.doc_count_all()
                part = list(leaf.column_reader(name, translate=translate))[:count] if leaf.has_column(name) else []
                part.extend([missing] * (count - len(part)))
                values.extend(interned.setdefault(v, v) for v in part)
            return values

        self.years = [y if y in CE_YEARS else None for y in column("year", None, translate=True)]
        self.sections = column("section", "", translate=True)
        self.sources = column("source", "", translate=True)
        self.published = array("Q", column("published", _NO_DATE, translate=False))
        deleted: set[int] = set()
        for leaf, offset in reader.leaf_readers():
            if leaf.has_deletions():
                deleted.update(d + offset for d in leaf.deleted_docs_set)
        # document d's organizations are numbers _org_ids[_org_at[d]:_org_at[d + 1]] of _org_names
        self._org_names: list[str] = []
        number: dict[bytes, int] = {}
        self._org_ids = array("I")
        self._org_at = array("I", [0])
        for raw in column(ORG_COLUMN, b"", translate=False):
            if raw:
                for name in raw.split(ORG_SEPARATOR.encode("utf-8")):
                    if name:
                        if name not in number:
                            number[name] = len(self._org_names)
                            self._org_names.append(name.decode("utf-8"))
                        self._org_ids.append(number[name])
            self._org_at.append(len(self._org_ids))
        # a query of common words matches most of the archive: its counts are the whole
        # archive's less those of the (fewer) articles it does not match
        self._live = frozenset(range(len(self.published))) - deleted
        self._whole = self._counters(self._live)
        # each organization's live articles, most written-about first (_org_counts)
        self._org_docs = [array("I") for _ in self._org_names]
        for docnum in range(len(self.published)):
            if docnum in deleted:
                continue
            for org in self._organizations(docnum):
                self._org_docs[org].append(docnum)
        self._org_number = {name: org for org, name in enumerate(self._org_names)}
        self._org_order = sorted(range(len(self._org_names)),
                                 key=lambda org: (-len(self._org_docs[org]), self._org_names[org]))

    def _organizations(self, docnum: int) -> array:
        return self._org_ids[self._org_at[docnum]:self._org_at[docnum + 1]]

    def _counters(self, docnums) -> dict[str, Counter]:
        return {
            "year": Counter(map(self.years.__getitem__, docnums)),
            "section": Counter(map(self.sections.__getitem__, docnums)),
            "source": Counter(map(self.sources.__getitem__, docnums)),
        }

    def _org_counts(self, docnums: list[int], selected: Iterable[str], limit: int) -> Counter:
        """Exact counts of the organizations that can be among the ``limit`` most frequent in
        ``docnums`` (and of ``selected``). Counting every organization of every match cost 50-80 ms
        for 45,000 matches of 100,000 articles (nine names each); here organizations are taken
        most written-about first, each counted among the matches, until the next one has fewer
        articles in all than the ``limit``-th count so far: it and all after it cannot rank."""
        names = self._org_names
        if len(docnums) <= _FEW_MATCHES:
            counted = Counter(chain.from_iterable(map(self._organizations, docnums)))
            return Counter({names[org]: found for org, found in counted.items()})
        matched = set(docnums).__contains__
        counts: dict[str, int] = {}
        best: list[int] = []  # the `limit` highest counts so far (a min-heap)
        for org in self._org_order:
            docs = self._org_docs[org]
            if len(best) >= limit and len(docs) < best[0]:
                break
            found = sum(map(matched, docs))
            if found:
                counts[names[org]] = found
                if len(best) < limit:
                    heapq.heappush(best, found)
                elif found > best[0]:
                    heapq.heapreplace(best, found)
        for name in selected:
            org = self._org_number.get(name)
            if name not in counts and org is not None:
                counts[name] = sum(map(matched, self._org_docs[org]))
        return Counter({name: found for name, found in counts.items() if found})

    def count(self, docnums: list[int], filters: Filters,
              limit: int = MAX_FACET_VALUES) -> dict[str, tuple[FacetValue, ...]]:
        """Exact value counts over ``docnums`` (live documents) for each facet, largest first
        (years newest first)."""
        if len(docnums) * 2 > len(self._live):
            others = self._counters(self._live.difference(docnums))
            counters = {name: whole - others[name] for name, whole in self._whole.items()}  # drops zeros
        else:
            counters = self._counters(docnums)
        counters = {"org": self._org_counts(docnums, filters.orgs, limit), **counters}
        for counter in counters.values():
            counter.pop(None, None)
            counter.pop("", None)
        selected = {"org": set(filters.orgs), "year": set(filters.years), "section": set(filters.sections),
                    "source": set(filters.sources)}
        facets: dict[str, tuple[FacetValue, ...]] = {}
        for name, counter in counters.items():
            if name == "year":
                items = sorted(counter.items(), reverse=True)
            else:
                items = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
            # a selected value always shows, so it can be removed
            shown = {value for value, _ in items}
            items += [(value, counter.get(value, 0)) for value in selected[name] if value not in shown]
            facets[name] = tuple(
                FacetValue(value=str(value), label=year_label(value) if name == "year" else str(value),
                           count=count, selected=value in selected[name])
                for value, count in items)
        return facets

    def by_date(self, docnums: Iterable[int], newest_first: bool) -> list[int]:
        """Documents in date order; articles without a date come last either way."""
        published = self.published
        if newest_first:
            return sorted(docnums, key=lambda d: (published[d] == _NO_DATE, -published[d], d))
        return sorted(docnums, key=lambda d: (published[d], d))


__all__ = ["FACETS", "FacetTable", "Filters", "year_label"]
