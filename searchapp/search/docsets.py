"""The exact set of documents a query matches, for totals, facet counts and date sorting.

Whoosh answers "which documents match" by walking a tree of matchers one document at a
time, in Python: a ten-word query over title, body, lead and bigram fields is a union of
forty posting lists, and walking it cost more than ranking the first page. Here each
posting list is read a whole block at a time into a set, and the query tree is evaluated
with set operations (C loops); a range or a prefix as the union of the terms it covers.
A phrase is the documents having all its words (sets again), whose positions are then read
for those documents only (``phrase_matches``); other positional queries are asked of Whoosh,
only about the documents the rest of the query leaves when that is a small part of the index.

Scores do not matter here: ``AndMaybe`` is its required side, ``AndNot`` a difference.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate, chain, repeat

import numpy as np
from whoosh import query as Q
from whoosh.matching.wrappers import FilterMatcher
from whoosh.query.wrappers import WrappingQuery
from whoosh.reading import TermNotFound

from ..score_postings import of_reader


def term_bytes(reader, field_name: str, word) -> bytes | None:
    """``word`` as ``field_name`` stores it, when ``reader`` has it; None otherwise."""
    try:
        btext = reader.schema[field_name].to_bytes(word)
    except ValueError:
        return None
    return btext if (field_name, btext) in reader else None


def raw_postings(reader, field_name: str, btext):
    """A term's posting matcher in one segment without the deletions filter (callers take deleted
    documents out); raises TermNotFound for an absent term, as ``reader.postings`` does."""
    matcher = reader.postings(field_name, btext)
    while isinstance(matcher, FilterMatcher):
        matcher = matcher.child
    return matcher


def _reads_blocks(matcher) -> bool:
    """Whether ``matcher`` is a whoosh3 on-disk posting list, read here a block at a time through
    its block attributes (an inlined list is a plain ListMatcher)."""
    return all(hasattr(matcher, name) for name in ("_read_ids", "_read_weights", "_read_values", "_next_block", "_maxid"))


def posting_blocks(reader, field_name: str, text, weights: bool = False):
    """A term's postings in one segment, a block at a time: (document numbers, weights or
    None) pairs, deleted documents included (callers take them out). Nothing for an absent term.

    A whoosh3 posting list is read a whole block at a time (its public ``all_ids()`` and
    ``weight()`` step through it one posting at a time)."""
    try:
        matcher = raw_postings(reader, field_name, text)
    except TermNotFound:
        return
    yield from _blocks(matcher, weights)


def _blocks(matcher, weights: bool):
    """``posting_blocks`` of an opened raw posting matcher."""
    if _reads_blocks(matcher):
        while matcher.is_active():
            if matcher._ids is None:
                matcher._read_ids()
            start = matcher._i
            if weights and matcher._weights is None:
                matcher._read_weights()
            yield matcher._ids[start:], (matcher._weights[start:] if weights else None)
            matcher._next_block()
        return
    ids: list[int] = []  # an inlined one-document list, or another matcher kind
    found: list[float] = []
    while matcher.is_active():
        ids.append(matcher.id())
        if weights:
            found.append(matcher.weight())
        matcher.next()
    yield ids, (found if weights else None)


def posting_arrays(reader, field_name: str, text) -> tuple[np.ndarray, np.ndarray] | None:
    """A term's postings in one segment as two numpy arrays: local document numbers (ascending)
    and weights (float64), deleted documents included (callers take them out); None for an
    absent term.

    Each block's stored numbers (gaps; weights: none when all are 1, one when all are equal)
    are gathered into two lists and made arrays once, not a Python step per posting nor an
    array operation per block of 128."""
    try:
        matcher = raw_postings(reader, field_name, text)
    except TermNotFound:
        return None
    if not _reads_blocks(matcher) or getattr(matcher, "_byteids", False):
        ids: list[int] = []
        found: list[float] = []
        for block_ids, block_weights in _blocks(matcher, weights=True):
            ids.extend(block_ids)
            found.extend(block_weights)
        return np.array(ids, dtype=np.int64), np.array(found, dtype=np.float64)
    ids, found = [], []
    while matcher.is_active():
        if matcher._data is None:
            matcher._read_data()
        gaps, weights = matcher._data[0], matcher._data[1]
        start = matcher._i
        block = list(accumulate(gaps))  # the gaps start again from 0 in every block
        ids.extend(block[start:] if start else block)
        count = len(block) - start
        if weights is None:
            found.extend(repeat(1.0, count))
        elif isinstance(weights, float):
            found.extend(repeat(weights, count))
        else:
            found.extend(weights[start:] if start else weights)
        matcher._next_block()
    return np.array(ids, dtype=np.int64), np.array(found, dtype=np.float64)


def _term_docs(reader, field_name: str, text) -> set[int]:
    kept = of_reader(reader)
    if kept is not None:  # a common term: its documents from the segment's plain arrays (score_postings.py)
        btext = text if isinstance(text, bytes) else term_bytes(reader, field_name, text)
        found = kept.documents(field_name, btext) if btext is not None else None
        if found is not None:
            return set(found.tolist())
    docs: set[int] = set()
    for ids, _ in posting_blocks(reader, field_name, text):  # deletions are taken out per segment
        docs.update(ids)
    return docs


def phrase_candidates(reader, field_name: str, words) -> set[int] | None:
    """The documents of one segment having every one of ``words`` in ``field_name`` (local
    numbers, deleted ones included): where a phrase of them can be. None when one of the
    words is not in the segment."""
    btexts = [term_bytes(reader, field_name, word) for word in words]
    if None in btexts:
        return None
    docs: set[int] | None = None
    for btext in sorted(set(btexts), key=lambda b: reader.doc_frequency(field_name, b)):
        docs = _term_docs(reader, field_name, btext) if docs is None else docs & _term_docs(reader, field_name, btext)
        if not docs:
            break
    return docs


def phrase_matches(reader, field_name: str, words, within: set[int] | None = None,
                   candidates: set[int] | None = None) -> dict[int, list[float]]:
    """Where ``words`` stand one after another in ``field_name`` of one segment (as Whoosh's
    ``Phrase`` with its default slop of 1): {local document: each word's weight there, in the
    phrase's order}. Deleted documents included (callers take them out), as for terms.

    Whoosh's phrase matcher walks span objects position by position; here the documents having
    every word are found by intersecting their posting sets (rarest first), and only those
    documents' positions are read, each word's list skipping straight to them. ``candidates``:
    the documents having every word, when the caller has them already (``phrase_candidates``)."""
    btexts = [term_bytes(reader, field_name, word) for word in words]
    if None in btexts:
        return {}
    docs = within
    if candidates is not None:
        docs = candidates if docs is None else docs & candidates
    elif docs is None or len(docs) * 4 >= reader.doc_count_all():
        # many candidates: whole posting sets intersected first (C loops); a few are only
        # stepped to below, without reading every block of a common word
        everywhere = phrase_candidates(reader, field_name, words)
        docs = everywhere if docs is None else docs & everywhere
        if not docs:
            return {}
    field_format = reader.schema[field_name].format
    alive = np.array(sorted(docs), dtype=np.int64)
    span = len(words)
    starts = None  # (document << 32) + where the phrase would start there (+ span: never negative)
    weights: list[tuple[np.ndarray, np.ndarray]] = []
    for i, btext in enumerate(btexts):
        # only the documents where the phrase still goes on
        found, tfs, counts, positions = positions_at(raw_postings(reader, field_name, btext), alive.tolist(), field_format)
        # ascending: the documents are, and each one's positions
        keys = (np.repeat(found, counts) << 32) + (positions + (span - i))
        starts = keys if starts is None else _sorted_common(starts, keys)
        if not len(starts):
            return {}
        alive = _distinct(starts >> 32)
        weights.append((found, tfs))
    per_word = [tfs[np.searchsorted(found, alive)] for found, tfs in weights]
    return {int(d): [float(w[j]) for w in per_word] for j, d in enumerate(alive.tolist())}


def _distinct(ascending: np.ndarray) -> np.ndarray:
    """An ascending array without its repeats."""
    if len(ascending) < 2:
        return ascending
    return ascending[np.concatenate(([True], ascending[1:] != ascending[:-1]))]


def _sorted_common(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The values two ascending arrays share, ascending, once each (``np.intersect1d`` without
    its sorting: 0.4 s of hashing for a phrase of two common words at 100,000 articles)."""
    a = _distinct(a)
    if not len(a) or not len(b):
        return a[:0]
    at = np.minimum(np.searchsorted(b, a), len(b) - 1)
    return a[b[at] == a]


def positions_at(matcher, docnums, field_format) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Of each of ``docnums`` (ascending) that ``matcher`` (a fresh raw posting matcher) has:
    the documents, their weights and position counts, and all their positions one document
    after another (arrays). Read a block at a time; a block written with its positions as
    arrays (``index.PositionArrays``) is sliced as arrays, others' values are decoded together
    where the format can (``TermPositions.gaps_many``)."""
    docs: list[int] = []
    tfs: list[float] = []
    counts: list[np.ndarray] = []
    gaps: list[np.ndarray] = []
    many = getattr(field_format, "gaps_many", None)

    def add_values(values) -> None:
        if many is not None:
            found = many(values)
        else:
            decode = field_format.decode_positions
            found = [[p - q for p, q in zip(ps, [0] + ps[:-1])] for ps in map(decode, values)]
        lengths = np.fromiter(map(len, found), dtype=np.int64, count=len(found))
        counts.append(lengths)
        gaps.append(np.fromiter(chain.from_iterable(found), dtype=np.int64, count=int(lengths.sum())))

    if not _reads_blocks(matcher):
        for block_docs, weights, found in postings_by_block(matcher, docnums):
            docs.extend(block_docs)
            tfs.extend(weights)
            add_values(found)
    else:
        for wanted in _selected_blocks(matcher, docnums, True):
            ids, weights, values = matcher._ids, matcher._weights, matcher._values
            docs.extend(ids[i] for i in wanted)
            tfs.extend(weights[i] for i in wanted)
            arrays = getattr(values, "gaps", None)
            if arrays is None:
                add_values([values[i] for i in wanted])
                continue
            chosen = np.array(wanted, dtype=np.int64)
            lengths = values.counts[chosen].astype(np.int64)
            # the chosen postings' gaps: each one's run of the block's gaps, one after another
            firsts = (np.cumsum(values.counts, dtype=np.int64) - values.counts)[chosen]
            shift = np.repeat(firsts - np.concatenate(([0], np.cumsum(lengths)[:-1])), lengths)
            counts.append(lengths)
            gaps.append(arrays[np.arange(int(lengths.sum())) + shift].astype(np.int64))
    count = np.concatenate(counts) if counts else np.zeros(0, dtype=np.int64)
    positions = np.cumsum(np.concatenate(gaps)) if gaps else np.zeros(0, dtype=np.int64)
    if len(count) > 1:  # each document's gaps start again from 0
        ends = np.cumsum(count)[:-1]
        positions -= np.repeat(np.concatenate(([0], positions[ends - 1])), count)
    return np.array(docs, dtype=np.int64), np.array(tfs, dtype=np.float64), count, positions


def _costly(query: Q.Query) -> bool:
    """Whether working out ``query``'s documents means comparing positions (a phrase)."""
    if type(query) in _COMPOUND:
        return any(_costly(sub) for sub in query.subqueries)
    if type(query) in (Q.AndMaybe, Q.AndNot):
        return _costly(query.a) or (type(query) is Q.AndNot and _costly(query.b))
    if type(query) is Q.Not:
        return _costly(query.query)
    return isinstance(query, Q.Phrase)


def postings_at(matcher, docnums, values: bool = True):
    """(document, weight, value) of each of ``docnums`` (ascending) that ``matcher`` (a fresh raw
    posting matcher) has (the value None unless ``values``), read a block at a time
    (``postings_by_block``)."""
    for docs, weights, found in postings_by_block(matcher, docnums, values):
        yield from zip(docs, weights, found)


def postings_by_block(matcher, docnums, values: bool = True):
    """Per posting block holding some of ``docnums`` (ascending): those documents, their weights
    and their values (None each unless ``values``), three lists (``_selected_blocks``)."""
    if not _reads_blocks(matcher):  # stepped through, read where the matcher stands
        docs, weights, found = [], [], []
        for docnum in positioned_at(matcher, docnums):
            docs.append(docnum)
            weights.append(matcher.weight())
            found.append(matcher.value() if values else None)
        if docs:
            yield docs, weights, found
        return
    for wanted in _selected_blocks(matcher, docnums, values):
        ids, weights = matcher._ids, matcher._weights
        found = [matcher._values[i] for i in wanted] if values else [None] * len(wanted)
        yield [ids[i] for i in wanted], [weights[i] for i in wanted], found


def _selected_blocks(matcher, docnums, values: bool):
    """Move a whoosh3 ``matcher`` through the blocks holding some of ``docnums`` (ascending),
    yielding at each the places of those documents in it, its documents and weights read (and
    its values, with ``values``). A block none of them falls in is passed by its header alone,
    and the others' values are read once for the block, not by stepping to each document
    (which cost more than the rest of a phrase search)."""
    at, count = 0, len(docnums)
    while at < count and matcher.is_active():
        last = matcher._maxid
        if docnums[at] <= last:
            upto = bisect_right(docnums, last, at)
            if matcher._ids is None:
                matcher._read_ids()
            index = {d: i for i, d in enumerate(matcher._ids)}
            wanted = [index[d] for d in docnums[at:upto] if d in index]
            if wanted:
                if matcher._weights is None:
                    matcher._read_weights()
                if values and matcher._values is None:
                    matcher._read_values()
                yield wanted
            at = upto
        matcher._next_block()


def positioned_at(matcher, docnums):
    """Move ``matcher`` through ``docnums`` (ascending), yielding each one it has, while the
    matcher stands on it (its weight and value are that document's)."""
    for docnum in docnums:
        if not matcher.is_active():
            return
        if matcher.id() < docnum:
            matcher.skip_to(docnum)
            if not matcher.is_active():
                return
        if matcher.id() == docnum:
            yield docnum


def _candidates_only(searcher, query: Q.Query, within: set[int]) -> set[int]:
    """``query``'s documents among ``within``, moving its matcher from one candidate to the next."""
    return set(positioned_at(query.matcher(searcher, searcher.boolean_context()), sorted(within)))


def _docs(searcher, query: Q.Query, everything: range, within: set[int] | None = None) -> set[int]:
    """Segment-local document numbers matching ``query`` in one leaf searcher. With ``within``,
    only the answer's part inside it is exact (the caller intersects): a phrase is then
    checked on those candidates alone, not over the whole segment."""
    if type(query) is Q.Term:
        return _term_docs(searcher.reader(), query.fieldname, query.text)
    if own_phrase(searcher, query):
        return set(phrase_matches(searcher.reader(), query.fieldname, query.words, within))
    # exact types: a subclass may mean more (Ordered is an And whose words must come in order)
    if type(query) in (Q.Or, Q.DisjunctionMax):
        # the parts without phrases first: a phrase is then checked only where they did not match
        result: set[int] = set()
        for sub in sorted(query.subqueries, key=_costly):
            rest = None if within is None else within - result
            if rest is not None and not rest:
                break
            result |= _docs(searcher, sub, everything, rest)
        return result
    if type(query) is Q.And:
        # the parts without phrases first: what they leave is all a phrase must be checked on
        subs = sorted(query.subqueries, key=_costly)
        result = _docs(searcher, subs[0], everything, within) if subs else set()
        if within is not None:
            result &= within
        for sub in subs[1:]:
            if not result:
                break
            result &= _docs(searcher, sub, everything, result)
        return result
    if type(query) is Q.AndMaybe:
        return _docs(searcher, query.a, everything, within)
    if type(query) is Q.AndNot:
        result = _docs(searcher, query.a, everything, within)
        if within is not None:
            result &= within
        return result - _docs(searcher, query.b, everything, result) if result else result
    if type(query) is Q.Not:
        scope = set(everything) if within is None else within
        return scope - _docs(searcher, query.query, everything, scope)
    if type(query) is Q.Every and not query.fieldname:
        return set(everything)
    if isinstance(query, WrappingQuery):  # a constant score or another weighting: the same documents
        return _docs(searcher, query.child, everything, within)
    if isinstance(query, Q.MultiTerm):  # a prefix, or a piece of a range: the terms it covers
        reader = searcher.reader()
        result = set()
        for field_name, btext in query.expanded_terms(reader):
            result |= _term_docs(reader, field_name, btext)
        return result
    if query is Q.NullQuery:
        return set()
    # a numeric or date range is a union of the terms it covers in this segment
    simplified = query.simplify(searcher.reader())
    if type(simplified) is not type(query):
        return _docs(searcher, simplified, everything, within)
    if within is not None and len(within) * 4 < len(everything):
        return _candidates_only(searcher, query, within)
    return set(query.docs(searcher))


_COMPOUND = (Q.Or, Q.DisjunctionMax, Q.And)


def own_phrase(searcher, query: Q.Query) -> bool:
    """Whether ``query`` is a phrase ``phrase_matches`` answers: adjacent words (Whoosh's
    default slop) in a field that keeps positions."""
    if type(query) is not Q.Phrase or query.slop != 1 or query.fieldname not in searcher.schema:
        return False
    field_format = searcher.schema[query.fieldname].format
    return bool(field_format) and field_format.supports("positions")


def _leaf_docs(searcher, queries: list[Q.Query], within: set[int] | None = None):
    """Per segment: its offset and the local documents every one of ``queries`` matches
    (among ``within``, top-level numbers, when given)."""
    leaves = searcher.leaf_searchers()
    ordered = None
    if within is not None and len(leaves) > 1:
        ordered = np.sort(np.fromiter(within, dtype=np.int64, count=len(within)))
    for leaf, offset in leaves:
        reader = leaf.reader()
        everything = range(reader.doc_count_all())
        local = within  # one segment: its numbers are the top-level ones
        if ordered is not None:
            first, last = np.searchsorted(ordered, [offset, offset + len(everything)])
            local = set((ordered[first:last] - offset).tolist())
        docs = _docs(leaf, queries[0], everything, local)
        if local is not None:
            docs &= local
        for other in queries[1:]:
            if docs:
                docs &= _docs(leaf, other, everything, docs)
        if docs and reader.has_deletions():
            docs -= set(reader.deleted_docs_set)
        yield offset, docs


def matching_docs(searcher, query: Q.Query, narrowing: Q.Query | None = None) -> list[int]:
    """Every document number (top-level, ascending) that ``query`` matches and ``narrowing``
    lets through; deleted documents never."""
    queries = [query] if narrowing is None else [query, narrowing]
    return [offset + d for offset, docs in _leaf_docs(searcher, queries) for d in sorted(docs)]


def docs_of(searcher, query: Q.Query, within: set[int] | None = None) -> set[int]:
    """The same as a set, in no order; only those among ``within`` when it is given (a phrase
    is then checked on those documents alone)."""
    return {offset + d for offset, docs in _leaf_docs(searcher, [query], within) for d in docs}


__all__ = ["docs_of", "matching_docs", "own_phrase", "phrase_candidates", "phrase_matches", "positioned_at", "positions_at", "postings_at", "postings_by_block",
           "posting_arrays", "posting_blocks", "raw_postings", "term_bytes"]
