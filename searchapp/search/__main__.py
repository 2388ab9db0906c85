"""`python -m searchapp.search [--index DIR] [--json] [--limit N] [--sort S] [--org O] ... QUERY`"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from pathlib import Path

from ..config import Settings
from ..errors import SearchAppError
from ..thai.dates import thai_date
from . import SORTS, Filters, SearchService


def main(argv: list[str] | None = None) -> int:
    settings = Settings.from_env()
    parser = argparse.ArgumentParser(prog="python -m searchapp.search", description="Search the index.")
    parser.add_argument("query", nargs="*", help="what to search for (Thai or English); may be empty with filters")
    parser.add_argument("--index", type=Path, default=settings.index_dir, help="index folder (default: %(default)s)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument("--limit", type=int, default=10, help="how many hits (default: %(default)s)")
    parser.add_argument("--sort", choices=SORTS, default=None, help="order (default: relevance; newest without words)")
    for name, what, repeated in (("org", "organization, any of its names", "articles naming each"),
                                 ("year", "publication year, B.E. or C.E.", "any of them"),
                                 ("section", "section", "any of them"), ("source", "source", "any of them")):
        parser.add_argument(f"--{name}", action="append", default=[],
                            help=f"only this {what} (repeatable: {repeated})")
    parser.add_argument("--from", dest="date_from", default="", help="published on or after (2024-03-01, 2567, ...)")
    parser.add_argument("--to", dest="date_to", default="", help="published on or before")
    parser.add_argument("--as-typed", action="store_true",
                        help="never search a misspelling's respelling instead (it is, when the word cut breaks "
                             "the query into lone letters and it is found nowhere as written)")
    args = parser.parse_args(argv)
    if not 1 <= args.limit <= settings.max_page_size:
        parser.error(f"--limit must be between 1 and {settings.max_page_size}")
    query = " ".join(args.query)
    try:
        filters = Filters.parse({"org": args.org, "year": args.year, "section": args.section,
                                 "source": args.source, "from": [args.date_from], "to": [args.date_to]})
        sort = args.sort or ("relevance" if query.strip() else "newest")
        service = SearchService(args.index, settings.with_overrides(index_dir=args.index))
        results = service.search(query, page=1, size=args.limit, filters=filters, sort=sort, facets=False,
                                 as_typed=args.as_typed)
    except SearchAppError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        data = results.to_dict()
        out = {"query": data["query"], "total": data["total"], "hits": data["hits"]}
        if data["notes"]:
            out["notes"] = data["notes"]
        if data["suggestion"]:
            out["suggestion"] = data["suggestion"]
        if data["corrected_from"]:
            out["corrected_from"] = data["corrected_from"]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    for note in results.notes:
        print(f"note: {note}")
    if results.suggestion:
        print(f"did you mean: {results.suggestion}")
    if results.corrected_from:
        print(f"showing results for {results.query!r}; search instead for {results.corrected_from!r} with --as-typed")
    print(f"{results.total} results for {results.query!r}")
    for rank, hit in enumerate(results.hits, 1):
        date = thai_date(hit.published) if hit.published else "ไม่ทราบวันที่"
        snippet = html.unescape(re.sub(r"</?mark>", "**", hit.snippet))
        print(f"\n{rank}. {hit.title}  [{hit.id}]")
        # sorted by date there is no score to show (every hit has 0)
        score = f" · score {hit.score:.2f}" if results.sort == "relevance" and results.query else ""
        print(f"   {date} · {hit.section or '-'}{score}")
        if hit.organizations:
            print(f"   {', '.join(hit.organizations)}")
        print(f"   {snippet}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
