"""Ranking: BM25F scores for every matching document, term at a time, then the top n.

Whoosh ranks by walking a tree of matchers document by document, in Python, asking each
node for its best possible score to skip blocks; with our queries (each word in title,
body, lead and organization fields, plus syllable bigrams: 20-40 posting lists) that walk
cost 60 ms on average and seconds for queries of common words on 10,000 articles. Here
each posting list is read a block at a time and its scores added into one dictionary
(scores per document: ``idf * (k1 + 1) * tf / (tf + norm)``, with each document's length
norm computed once per index generation), so the cost is one short step per posting.

The scores are Whoosh's own BM25F, from its own scorer objects (idf, average lengths,
field-specific B): Or and And add, ``AndMaybe`` adds its optional side where it matches,
``AndNot`` keeps the left side's score, and among equal scores the earlier document comes
first. Two differences, both deliberate: ``DisjunctionMax`` takes the best of its parts
*for the document* (Whoosh's matcher compares parts positioned on different documents), and
a constant-score prefix or date range scores its boost for each document it matches (Whoosh
gives 1 on a small index and a sum of BM25 scores on a large one). A phrase scores as in Whoosh
(its words' scores where they stand together), its documents found by ``docsets.phrase_matches``;
other queries Whoosh's matchers score, over their own documents only.

Then closeness (``near_each_other``): the best few documents are reordered by how near each
other the words typed stand in them, read from the same positions.
"""

from __future__ import annotations

import heapq
import threading
from array import array

from whoosh import query as Q
from .docsets import docs_of, own_phrase, phrase_matches, posting_blocks, postings_at, raw_postings, term_bytes

Scores = dict[int, float]


class LengthNorms:
    """Per scored field, every document's BM25 length norm ``k1 * (1 - b + b * length / avg)``
    (read once per index generation; an array of doubles, a quarter of a list's memory)."""

    def __init__(self) -> None:
        self._norms: dict[str, array] = {}
        self._lock = threading.Lock()

    def field(self, searcher, field_name: str, scorer) -> array:
        norms = self._norms.get(field_name)
        if norms is None:
            with self._lock:
                norms = self._norms.get(field_name)
                if norms is None:
                    k1, b, avg = scorer.K1, scorer.B, scorer.avgfl
                    norms = array("d")
                    for leaf, _offset in searcher.leaf_searchers():
                        reader = leaf.reader()
                        length = reader.doc_field_length
                        # Whoosh gives None for a document with nothing in the field (and no postings)
                        norms.extend(k1 * ((1 - b) + b * (length(d, field_name, 1) or 0) / avg)
                                     for d in range(reader.doc_count_all()))
                    self._norms[field_name] = norms
        return norms


def _add_term(searcher, norms: LengthNorms, query: Q.Term, multiplier: float, into: Scores) -> None:
    field_name = query.fieldname
    schema = searcher.schema
    if field_name not in schema or not schema[field_name].scorable:
        _add_whoosh(searcher, query, multiplier, into)
        return
    btext = term_bytes(searcher.reader(), field_name, query.text)
    if btext is None:
        return
    scorer = searcher.weighting.scorer(searcher, field_name, btext)
    norm = norms.field(searcher, field_name, scorer)
    factor = scorer.idf * (scorer.K1 + 1) * query.boost * multiplier
    get = into.get
    for leaf, offset in searcher.leaf_searchers():
        reader = leaf.reader()
        deleted = reader.deleted_docs_set if reader.has_deletions() else None
        for ids, weights in posting_blocks(reader, field_name, btext, weights=True):
            for d, tf in zip(ids, weights):
                if deleted and d in deleted:
                    continue
                d += offset
                into[d] = get(d, 0.0) + factor * tf / (tf + norm[d])


def _add_phrase(searcher, norms: LengthNorms, query: Q.Phrase, multiplier: float, into: Scores) -> None:
    """A phrase scores as Whoosh scores it: the sum of its words' BM25F scores in each document
    where they stand together, times its boost."""
    field_name = query.fieldname
    scoring = []
    top_reader = searcher.reader()
    for word in query.words:
        btext = term_bytes(top_reader, field_name, word)
        if btext is None:
            return  # a word the index does not have: the phrase is nowhere
        scorer = searcher.weighting.scorer(searcher, field_name, btext)
        scoring.append((scorer.idf * (scorer.K1 + 1) * query.boost * multiplier,
                        norms.field(searcher, field_name, scorer)))
    get = into.get
    for leaf, offset in searcher.leaf_searchers():
        reader = leaf.reader()
        deleted = reader.deleted_docs_set if reader.has_deletions() else None
        for d, weights in phrase_matches(reader, field_name, query.words).items():
            if deleted and d in deleted:
                continue
            d += offset
            into[d] = get(d, 0.0) + sum(factor * tf / (tf + norm[d]) for (factor, norm), tf in zip(scoring, weights))


def _add_whoosh(searcher, query: Q.Query, multiplier: float, into: Scores) -> None:
    """Whoosh's own scores for a part we do not score ourselves."""
    get = into.get
    for leaf, offset in searcher.leaf_searchers():
        matcher = query.matcher(leaf, leaf.context())
        while matcher.is_active():
            d = matcher.id() + offset
            into[d] = get(d, 0.0) + matcher.score() * multiplier
            matcher.next()


def scores(searcher, norms: LengthNorms, query: Q.Query, multiplier: float = 1.0) -> Scores:
    """Every document ``query`` matches, with its score (times ``multiplier``)."""
    kind = type(query)
    if kind is Q.Term:
        found: Scores = {}
        _add_term(searcher, norms, query, multiplier, found)
        return found
    if kind is Q.Or:
        found = {}
        inner = multiplier * query.boost
        for sub in query.subqueries:
            if type(sub) is Q.Term:
                _add_term(searcher, norms, sub, inner, found)
            else:
                part = scores(searcher, norms, sub, inner)
                if not found:
                    found = part
                    continue
                get = found.get
                for d, s in part.items():
                    found[d] = get(d, 0.0) + s
        return found
    if kind is Q.DisjunctionMax and not query.tiebreak:
        found = {}
        inner = multiplier * query.boost
        for sub in query.subqueries:
            get = found.get
            for d, s in scores(searcher, norms, sub, inner).items():
                if s > get(d, -1.0):
                    found[d] = s
        return found
    if kind is Q.And:
        parts = [scores(searcher, norms, sub, multiplier * query.boost) for sub in query.subqueries]
        if not parts:
            return {}
        parts.sort(key=len)
        found = parts[0]
        for part in parts[1:]:
            found = {d: s + part[d] for d, s in found.items() if d in part}
        return found
    if kind is Q.AndMaybe:
        found = scores(searcher, norms, query.a, multiplier)
        if found:
            for d, s in scores(searcher, norms, query.b, multiplier).items():
                if d in found:
                    found[d] += s
        return found
    if kind is Q.AndNot:
        found = scores(searcher, norms, query.a, multiplier)
        if found:
            for d in docs_of(searcher, query.b):
                found.pop(d, None)
        return found
    if query is Q.NullQuery:
        return {}
    if own_phrase(searcher, query):
        found = {}
        _add_phrase(searcher, norms, query, multiplier, found)
        return found
    if isinstance(query, (Q.MultiTerm, Q.NumericRange)) and query.constantscore:
        # a prefix or a date range: its boost for every document it matches (Whoosh means the
        # same, but gives 1 on a small index and the sum of the expanded terms' scores on a large one)
        return dict.fromkeys(docs_of(searcher, query), multiplier * query.boost)
    found = {}
    _add_whoosh(searcher, query, multiplier, found)
    return found


# how many of the best documents closeness may reorder; the same for every page, so pages agree
NEAR_CANDIDATES = 30
NEAR_FIELD = "body"


def _word_positions(searcher, words: list[str], docnums: list[int]) -> dict[int, list[tuple[int, str]]]:
    """(position, word) of each of ``words`` in the body of each of ``docnums`` (top-level numbers)."""
    found: dict[int, list[tuple[int, str]]] = {d: [] for d in docnums}
    if NEAR_FIELD not in searcher.schema:
        return found
    decode = searcher.schema[NEAR_FIELD].format.decode_positions
    for leaf, offset in searcher.leaf_searchers():
        reader = leaf.reader()
        local = sorted(d - offset for d in docnums if offset <= d < offset + reader.doc_count_all())
        if not local:
            continue
        for word in words:
            btext = term_bytes(reader, NEAR_FIELD, word)
            if btext is None:
                continue
            for d, _, value in postings_at(raw_postings(reader, NEAR_FIELD, btext), local):
                found[d + offset].extend((p, word) for p in decode(value))
    return found


def _closest(events: list[tuple[int, str]], weight: dict[str, float], window: int) -> float:
    """The most weight of distinct words found together within ``window`` positions."""
    events.sort()
    inside: dict[str, int] = {}
    best = current = 0.0
    first = 0
    for position, word in events:
        if not inside.get(word):
            current += weight[word]
        inside[word] = inside.get(word, 0) + 1
        while events[first][0] < position - window:
            gone = events[first][1]
            inside[gone] -= 1
            if not inside[gone]:
                current -= weight[gone]
            first += 1
        best = max(best, current)
    return best


def near_each_other(searcher, ranked: list[tuple[int, float]], words: tuple[str, ...], share: float,
                    window: int) -> list[tuple[int, float]]:
    """The first ``NEAR_CANDIDATES`` of ``ranked`` (best first) reordered with a bonus for the
    query's words standing close together in the body: up to ``share`` of the best score, for
    the idf-weighted part of the words found within ``window`` words of each other (a question's
    words standing together are where its answer is). Needs two words or more; the rest of ``ranked`` keeps its order (its scores are lower)."""
    if share <= 0 or len(words) < 2 or len(ranked) < 2:
        return ranked
    head, rest = ranked[:NEAR_CANDIDATES], ranked[NEAR_CANDIDATES:]
    weight = {w: searcher.weighting.idf(searcher, NEAR_FIELD, w) for w in words}
    total = sum(weight.values())
    if total <= 0:
        return ranked
    bonus = share * head[0][1] / total
    positions = _word_positions(searcher, list(words), [d for d, _ in head])
    scored = [(d, s + bonus * _closest(positions[d], weight, window)) for d, s in head]
    return top(dict(scored), len(scored)) + rest


def top(found: Scores, n: int, allowed: set[int] | None = None) -> list[tuple[int, float]]:
    """The ``n`` best (document, score), best first; equal scores in document order."""
    items = found.items() if allowed is None else ((d, s) for d, s in found.items() if d in allowed)
    return heapq.nlargest(n, items, key=lambda item: (item[1], -item[0]))


__all__ = ["LengthNorms", "near_each_other", "scores", "top"]
