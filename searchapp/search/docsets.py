"""The exact set of documents a query matches, for totals, facet counts and date sorting.

Whoosh answers "which documents match" by walking a tree of matchers one document at a
time, in Python: a ten-word query over title, body, lead and bigram fields is a union of
forty posting lists, and walking it cost more than ranking the first page. Here each
posting list is read a whole block at a time into a set, and the query tree is evaluated
with set operations (C loops); a range or a prefix as the union of the terms it covers.
Phrases, whose words' positions must be compared, are asked of Whoosh.

Scores do not matter here: ``AndMaybe`` is its required side, ``AndNot`` a difference.
"""

from __future__ import annotations

from whoosh import query as Q
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import TermNotFound


def _term_docs(reader, field_name: str, text) -> set[int]:
    try:
        matcher = reader.postings(field_name, text)
    except TermNotFound:
        return set()
    while isinstance(matcher, FilterMatcher):  # deletions are taken out per segment, below
        matcher = matcher.child
    docs: set[int] = set()
    if hasattr(matcher, "_read_ids") and hasattr(matcher, "_next_block"):
        # a whoosh3 posting list: whole blocks of ids at a time (the public all_ids() steps
        # through them one by one)
        while matcher.is_active():
            if matcher._ids is None:
                matcher._read_ids()
            docs.update(matcher._ids[matcher._i:])
            matcher._next_block()
    else:  # an inlined one-document list, or another matcher kind
        docs.update(matcher.all_ids())
    return docs


def _docs(searcher, query: Q.Query, everything: range) -> set[int]:
    """Segment-local document numbers matching ``query`` in one leaf searcher."""
    if type(query) is Q.Term:
        return _term_docs(searcher.reader(), query.fieldname, query.text)
    # exact types: a subclass may mean more (Ordered is an And whose words must come in order)
    if type(query) in (Q.Or, Q.DisjunctionMax):
        result: set[int] = set()
        for sub in query.subqueries:
            result |= _docs(searcher, sub, everything)
        return result
    if type(query) is Q.And:
        parts = sorted((_docs(searcher, sub, everything) for sub in query.subqueries), key=len)
        result = parts[0] if parts else set()
        for part in parts[1:]:
            if not result:
                break
            result &= part
        return result
    if type(query) is Q.AndMaybe:
        return _docs(searcher, query.a, everything)
    if type(query) is Q.AndNot:
        result = _docs(searcher, query.a, everything)
        return result - _docs(searcher, query.b, everything) if result else result
    if type(query) is Q.Not:
        return set(everything) - _docs(searcher, query.query, everything)
    if type(query) is Q.Every and not query.fieldname:
        return set(everything)
    if query is Q.NullQuery:
        return set()
    # a range or a prefix is a union of the terms it covers in this segment
    simplified = query.simplify(searcher.reader())
    if type(simplified) is not type(query):
        return _docs(searcher, simplified, everything)
    return set(query.docs(searcher))


def _leaf_docs(searcher, queries: list[Q.Query]):
    """Per segment: its offset and the local documents every one of ``queries`` matches."""
    for leaf, offset in searcher.leaf_searchers():
        reader = leaf.reader()
        everything = range(reader.doc_count_all())
        docs = _docs(leaf, queries[0], everything)
        for other in queries[1:]:
            if docs:
                docs &= _docs(leaf, other, everything)
        if docs and reader.has_deletions():
            docs -= set(reader.deleted_docs_set)
        yield offset, docs


def matching_docs(searcher, query: Q.Query, narrowing: Q.Query | None = None) -> list[int]:
    """Every document number (top-level, ascending) that ``query`` matches and ``narrowing``
    lets through; deleted documents never."""
    queries = [query] if narrowing is None else [query, narrowing]
    return [offset + d for offset, docs in _leaf_docs(searcher, queries) for d in sorted(docs)]


def docs_of(searcher, query: Q.Query) -> set[int]:
    """The same as a set, in no order."""
    return {offset + d for offset, docs in _leaf_docs(searcher, [query]) for d in docs}


__all__ = ["docs_of", "matching_docs"]
