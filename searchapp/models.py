"""The records every stage passes along (frozen dataclasses)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

# every time the project keeps is Bangkok wall time (no daylight saving since 1920)
BANGKOK = timezone(timedelta(hours=7), "Asia/Bangkok")


def iso_time(value: datetime | None) -> str | None:
    """A kept (Bangkok wall) time as ISO 8601 with its offset, ``2017-06-04T01:32:36+07:00``: without
    one, a client elsewhere reads it in its own time zone."""
    return value.replace(tzinfo=BANGKOK).isoformat() if value else None


@dataclass(frozen=True)
class Article:
    """One cleaned article, as ingestion produces it and the index stores it."""

    id: str
    title: str
    body: str
    published: datetime | None = None
    updated: datetime | None = None
    section: str | None = None
    source: str | None = None
    url: str | None = None
    organizations: tuple[str, ...] = ()
    date_estimated: bool = False
    origin: str | None = None  # the file it came from

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["organizations"] = list(self.organizations)
        for key in ("published", "updated"):
            data[key] = iso_time(data[key])
        return data


@dataclass(frozen=True)
class Skipped:
    """An input that produced no article, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class Hit:
    id: str
    title: str
    published: datetime | None
    section: str | None
    source: str | None
    url: str | None
    organizations: tuple[str, ...]
    score: float
    snippet: str  # HTML-safe; matches wrapped in <mark>

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "published": iso_time(self.published),
            "section": self.section,
            "source": self.source,
            "url": self.url,
            "organizations": list(self.organizations),
            "score": round(self.score, 4),
            "snippet": self.snippet,
        }


@dataclass(frozen=True)
class FacetValue:
    value: str  # what the filter takes (a year in Common Era)
    label: str  # what is shown (a year in both eras: "2562 (2019)")
    count: int  # results the current query has with this value
    selected: bool = False

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class SearchResults:
    query: str
    total: int
    page: int
    size: int
    hits: tuple[Hit, ...]
    notes: tuple[str, ...] = field(default=())
    sort: str = "relevance"  # relevance | newest | oldest
    facets: dict[str, tuple[FacetValue, ...]] = field(default_factory=dict)
    filters: dict[str, Any] = field(default_factory=dict)
    suggestion: str | None = None  # "did you mean": a corrected query that finds clearly more
    # the query as typed, when these are the results of its respelling instead (SearchService.search)
    corrected_from: str | None = None

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size)) if self.size else 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "total": self.total,
            "page": self.page,
            "size": self.size,
            "pages": self.pages,
            "hits": [hit.to_dict() for hit in self.hits],
            "notes": list(self.notes),
            "sort": self.sort,
            "filters": self.filters,
            "facets": {name: [v.to_dict() for v in values] for name, values in self.facets.items()},
            "suggestion": self.suggestion,
            "corrected_from": self.corrected_from,
        }
