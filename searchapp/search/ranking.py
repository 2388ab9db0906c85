"""Ranking: BM25F scores for every matching document, term at a time, then the top n.

Whoosh ranks by walking a tree of matchers document by document, in Python, asking each
node for its best possible score to skip blocks; with our queries (each word in title,
body, lead and organization fields, plus syllable bigrams: 20-40 posting lists) that walk
cost 60 ms on average and seconds for queries of common words on 10,000 articles. Here
each posting list is read a block at a time and its scores added into one array over all
documents (``Found``; per document ``idf * (k1 + 1) * tf / (tf + norm)``, with each document's
length norm computed once per index generation), a block in a few numpy operations; the
parts of a query are then added, intersected or maximized array by array. A common term's
postings come from its segment's plain-array file (``score_postings.py``, one read), others
from Whoosh's posting blocks. (Until session 12 the scores were summed in a dictionary, one
Python step per posting.)

The scores are Whoosh's own BM25F, from its own scorer objects (idf, average lengths,
field-specific B): Or and And add, ``AndMaybe`` adds its optional side where it matches,
``AndNot`` keeps the left side's score, and among equal scores the earlier document comes
first. Two differences, both deliberate: ``DisjunctionMax`` takes the best of its parts
*for the document* (Whoosh's matcher compares parts positioned on different documents), and
a constant-score prefix or date range scores its boost for each document it matches (Whoosh
gives 1 on a small index and a sum of BM25 scores on a large one). A phrase scores as in Whoosh
(its words' scores where they stand together), its documents found by ``docsets.phrase_matches``;
other queries Whoosh's matchers score, over their own documents only.

Phrases are read last and only where they matter (``ranked_scores``): a first pass scores
everything else and notes each phrase's possible documents; positions are then read only for
the documents a phrase could bring in or lift among the best, and only those are scored again.

Then closeness (``near_each_other``): the best few documents are reordered by how near each
other the words typed stand in them, read from the same positions; and those whose body opens
with a name the query holds move up (``named_first``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import repeat

import numpy as np
from whoosh import query as Q

from ..analysis.segment import analyze
from ..score_postings import of_reader
from .docsets import (docs_of, own_phrase, phrase_candidates, phrase_matches, posting_arrays, positions_at, postings_at,
                      raw_postings, term_bytes)


class Found(Mapping):
    """The documents a query matches and their scores, over all of the index's document numbers:
    ``score`` (0.0 where it does not match) and ``hit`` (whether it matches) arrays. Parts of a
    query are combined array by array (C loops); read as a mapping, it is {document: score}."""

    __slots__ = ("score", "hit")

    def __init__(self, size: int, score: np.ndarray | None = None, hit: np.ndarray | None = None) -> None:
        self.score = np.zeros(size) if score is None else score
        self.hit = np.zeros(size, dtype=bool) if hit is None else hit

    @classmethod
    def of(cls, size: int, items: Mapping[int, float] | Iterable[int], value: float | None = None) -> "Found":
        """From {document: score}, or from documents all scoring ``value``."""
        found = cls(size)
        if value is None:
            docs = np.fromiter(items.keys(), dtype=np.int64, count=len(items))
            found.score[docs] = np.fromiter(items.values(), dtype=np.float64, count=len(items))
        else:
            docs = np.fromiter(items, dtype=np.int64)
            found.score[docs] = value
        found.hit[docs] = True
        return found

    def copy(self) -> "Found":
        return Found(len(self.hit), self.score.copy(), self.hit.copy())

    def docs(self) -> np.ndarray:
        """The matching documents, ascending."""
        return np.flatnonzero(self.hit)

    def add(self, other: "Found") -> None:
        """Or: this one's documents and ``other``'s, scores added (``other`` scores 0 where it misses)."""
        self.score += other.score
        self.hit |= other.hit

    def __getitem__(self, docnum: int) -> float:
        if not self.hit[docnum]:
            raise KeyError(docnum)
        return float(self.score[docnum])

    def __contains__(self, docnum) -> bool:
        return isinstance(docnum, (int, np.integer)) and 0 <= docnum < len(self.hit) and bool(self.hit[docnum])

    def __iter__(self):
        return iter(self.docs().tolist())

    def __len__(self) -> int:
        return int(np.count_nonzero(self.hit))


class LengthNorms:
    """Per scored field, every document's BM25 length norm ``k1 * (1 - b + b * length / avg)``
    (read once per index generation, as one array), and which documents are deleted."""

    def __init__(self) -> None:
        self._norms: dict[str, np.ndarray] = {}
        self._deleted: np.ndarray | None = None
        self._lock = threading.Lock()

    def field(self, searcher, field_name: str, scorer) -> np.ndarray:
        norms = self._norms.get(field_name)
        if norms is None:
            with self._lock:
                norms = self._norms.get(field_name)
                if norms is None:
                    k1, b, avg = scorer.K1, scorer.B, scorer.avgfl
                    parts = []
                    for leaf, _offset in searcher.leaf_searchers():
                        reader = leaf.reader()
                        length = reader.doc_field_length
                        # Whoosh gives None for a document with nothing in the field (and no postings)
                        parts.append(np.fromiter((length(d, field_name, 1) or 0 for d in range(reader.doc_count_all())),
                                                 dtype=np.float64, count=reader.doc_count_all()))
                    lengths = np.concatenate(parts) if parts else np.zeros(0)
                    norms = k1 * ((1 - b) + b * lengths / avg)
                    self._norms[field_name] = norms
        return norms

    def deleted(self, searcher) -> np.ndarray:
        """Whether each document (top-level number) is deleted."""
        if self._deleted is None:
            deleted = np.zeros(searcher.doc_count_all(), dtype=bool)
            for leaf, offset in searcher.leaf_searchers():
                reader = leaf.reader()
                if reader.has_deletions():
                    gone = np.fromiter(reader.deleted_docs_set, dtype=np.int64)
                    deleted[gone + offset] = True
            self._deleted = deleted
        return self._deleted


def _local(within: set[int], offset: int, count: int) -> list[int]:
    """The documents of ``within`` (top-level numbers) in the segment at ``offset``, local and ascending."""
    return sorted(d - offset for d in within if offset <= d < offset + count)


def _add_term(searcher, norms: LengthNorms, query: Q.Term, multiplier: float, into: Found,
              within: set[int] | None = None) -> None:
    field_name = query.fieldname
    schema = searcher.schema
    if field_name not in schema or not schema[field_name].scorable:
        _add_whoosh(searcher, query, multiplier, into, within)
        return
    btext = term_bytes(searcher.reader(), field_name, query.text)
    if btext is None:
        return
    scorer = searcher.weighting.scorer(searcher, field_name, btext)
    norm = norms.field(searcher, field_name, scorer)
    factor = scorer.idf * (scorer.K1 + 1) * query.boost * multiplier
    score, hit = into.score, into.hit
    for ids, tfs in _term_postings(searcher, norms, field_name, btext, within):
        # a term's documents are distinct: one fancy-indexed add
        score[ids] += factor * tfs / (tfs + norm[ids])
        hit[ids] = True


def _term_postings(searcher, norms: LengthNorms, field_name: str, btext: bytes, within: set[int] | None = None):
    """A term's postings, a segment at a time: (document numbers, term frequencies), deleted
    documents left out; with ``within``, only those documents'."""
    deleted = norms.deleted(searcher)
    for leaf, offset in searcher.leaf_searchers():
        reader = leaf.reader()
        if within is None:
            kept = of_reader(reader)  # the segment's scoring postings (score_postings.py)
            postings = kept.get(field_name, btext) if kept is not None else None
            if postings is None:
                postings = posting_arrays(reader, field_name, btext)
            if postings is None:
                continue
            ids, tfs = postings
        else:  # only these documents' postings, a block at a time
            local = _local(within, offset, reader.doc_count_all())
            if not local or (field_name, btext) not in reader:
                continue
            found = [(d, tf) for d, tf, _ in postings_at(raw_postings(reader, field_name, btext), local, values=False)]
            ids = np.array([d for d, _ in found], dtype=np.int64)
            tfs = np.array([tf for _, tf in found], dtype=np.float64)
        if offset:
            ids = ids + offset
        if reader.has_deletions():
            live = ~deleted[ids]
            ids, tfs = ids[live], tfs[live]
        yield ids, tfs


def term_hits(searcher, norms: LengthNorms, field_name: str, word: str) -> np.ndarray:
    """Which documents have ``word`` in ``field_name``, over all document numbers (not scored)."""
    hit = np.zeros(searcher.doc_count_all(), dtype=bool)
    btext = term_bytes(searcher.reader(), field_name, word)
    if btext is not None:
        for ids, _ in _term_postings(searcher, norms, field_name, btext):
            hit[ids] = True
    return hit


def _phrase_factors(searcher, norms: LengthNorms, query: Q.Phrase, multiplier: float):
    """Per word of the phrase: its BM25 factor and the field's norms; None when the index lacks a word."""
    scoring = []
    top_reader = searcher.reader()
    for word in query.words:
        btext = term_bytes(top_reader, query.fieldname, word)
        if btext is None:
            return None  # a word the index does not have: the phrase is nowhere
        scorer = searcher.weighting.scorer(searcher, query.fieldname, btext)
        scoring.append((scorer.idf * (scorer.K1 + 1) * query.boost * multiplier,
                        norms.field(searcher, query.fieldname, scorer)))
    return scoring


def _add_phrase(searcher, norms: LengthNorms, query: Q.Phrase, multiplier: float, into: Found,
                within: set[int] | None = None, known: dict | None = None) -> None:
    """A phrase scores as Whoosh scores it: the sum of its words' BM25F scores in each document
    where they stand together, times its boost."""
    scoring = _phrase_factors(searcher, norms, query, multiplier)
    if scoring is None:
        return
    deleted = norms.deleted(searcher)
    for leaf, offset in searcher.leaf_searchers():
        reader = leaf.reader()
        local = None if within is None else set(_local(within, offset, reader.doc_count_all()))
        if local is not None and not local:
            continue
        # the documents having all its words, when a first pass found them (Deferral.phrase_docs)
        candidates = known.get((offset, query.fieldname, tuple(query.words))) if known else None
        matches = phrase_matches(reader, query.fieldname, query.words, local, candidates)
        if not matches:
            continue
        docs = np.fromiter(matches, dtype=np.int64, count=len(matches)) + offset
        weights = np.array(list(matches.values()), dtype=np.float64).reshape(len(docs), len(scoring))
        live = ~deleted[docs]
        docs, weights = docs[live], weights[live]
        total = np.zeros(len(docs))
        for i, (factor, norm) in enumerate(scoring):
            total += factor * weights[:, i] / (weights[:, i] + norm[docs])
        into.score[docs] += total
        into.hit[docs] = True


@dataclass
class Deferred:
    """A phrase whose positions were not read yet: the documents it can be in (having all its
    words) and the most it can add to one of their scores."""
    candidates: np.ndarray
    bound: float


class Deferral:
    """A scoring pass that leaves phrases for later (``scores`` with ``deferral``), and what it
    keeps so that ``ranked_scores`` can score a few documents again reading only the phrases:
    each part's scores, and for an Or with a phrase inside, its words' sum before its other parts."""

    def __init__(self) -> None:
        self.phrases: list[Deferred] = []
        self.results: dict[tuple[int, float], Found] = {}  # (id(part), multiplier) -> its scores
        self.words: dict[tuple[int, float], Found] = {}
        self.pending: set[tuple[int, float]] = set()  # the parts with a deferred phrase inside
        self.within: set[int] | None = None  # in the second pass: the documents scored again
        self.deferring = True  # False: phrases looked for at once (with the documents found here)
        # (segment offset, field, words) -> a phrase's live candidate documents in that segment
        self.phrase_docs: dict[tuple[int, str, tuple[str, ...]], set[int]] = {}


def _defer_phrase(searcher, norms: LengthNorms, query: Q.Phrase, multiplier: float, deferral: Deferral) -> None:
    scoring = _phrase_factors(searcher, norms, query, multiplier)
    if scoring is None:
        return
    candidates: list[int] = []
    for leaf, offset in searcher.leaf_searchers():
        reader = leaf.reader()
        docs = phrase_candidates(reader, query.fieldname, query.words) or set()
        if docs and reader.has_deletions():
            docs -= set(reader.deleted_docs_set)
        deferral.phrase_docs[(offset, query.fieldname, tuple(query.words))] = docs
        candidates.extend(d + offset for d in docs)
    if candidates:
        # each word adds factor * tf / (tf + norm) < factor
        deferral.phrases.append(Deferred(np.array(candidates, dtype=np.int64), sum(factor for factor, _ in scoring)))


def _add_whoosh(searcher, query: Q.Query, multiplier: float, into: Found, within: set[int] | None = None) -> None:
    """Whoosh's own scores for a part we do not score ourselves."""
    score, hit = into.score, into.hit
    for leaf, offset in searcher.leaf_searchers():
        matcher = query.matcher(leaf, leaf.context())
        while matcher.is_active():
            d = matcher.id() + offset
            if within is None or d in within:
                score[d] += matcher.score() * multiplier
                hit[d] = True
            matcher.next()


def scores(searcher, norms: LengthNorms, query: Q.Query, multiplier: float = 1.0,
           deferral: Deferral | None = None) -> Found:
    """Every document ``query`` matches, with its score (times ``multiplier``).

    With a ``deferral``, phrases are not looked for: they are listed in it instead, and the
    scores are what the documents get without them (``ranked_scores`` finishes the job: a phrase only
    ever adds documents and score; the one query that takes some away, AndNot's right side, is
    asked of ``docs_of``). In its second pass (``deferral.within`` set) only those documents'
    scores are exact, and only the parts with a phrase inside are worked out again."""
    if deferral is None:
        return _scores(searcher, norms, query, multiplier, None)
    key = (id(query), multiplier)
    if deferral.within is not None:
        done = deferral.results.get(key)
        if done is not None and key not in deferral.pending:
            return done  # never changed in place (see _scores)
        return _scores(searcher, norms, query, multiplier, deferral)
    before = len(deferral.phrases)
    found = _scores(searcher, norms, query, multiplier, deferral)
    deferral.results[key] = found
    if len(deferral.phrases) > before:
        deferral.pending.add(key)
    return found


def _scores(searcher, norms: LengthNorms, query: Q.Query, multiplier: float, deferral: Deferral | None) -> Found:
    # a part's scores, once returned, are never changed in place: a deferral may keep them
    within = deferral.within if deferral is not None else None
    size = searcher.doc_count_all()
    kind = type(query)
    if kind is Q.Term:
        found = Found(size)
        _add_term(searcher, norms, query, multiplier, found, within)
        return found
    if kind is Q.Or:
        # the words first, then the other parts in order (the same sums in either pass)
        keeping = deferral is not None and deferral.within is None
        inner = multiplier * query.boost
        before = len(deferral.phrases) if keeping else 0
        parts = [scores(searcher, norms, sub, inner, deferral) for sub in query.subqueries if type(sub) is not Q.Term]
        key = (id(query), multiplier)
        if within is not None and key in deferral.words:
            found = deferral.words[key].copy()
        else:
            found = Found(size)
            for sub in query.subqueries:
                if type(sub) is Q.Term:
                    _add_term(searcher, norms, sub, inner, found, within)
            if keeping and len(deferral.phrases) > before and len(parts) < len(query.subqueries):
                deferral.words[key] = found.copy()
        for part in parts:
            found.add(part)
        return found
    if kind is Q.DisjunctionMax and not query.tiebreak:
        found = Found(size)
        inner = multiplier * query.boost
        for sub in query.subqueries:
            part = scores(searcher, norms, sub, inner, deferral)
            better = part.hit & (part.score > found.score)
            found.score[better] = part.score[better]
            found.hit |= part.hit
        return found
    if kind is Q.And:
        parts = [scores(searcher, norms, sub, multiplier * query.boost, deferral) for sub in query.subqueries]
        if not parts:
            return Found(size)
        found = Found(size)
        common = np.logical_and.reduce([part.hit for part in parts])
        for part in parts:  # added in the parts' order (the same sums in either pass)
            found.score += part.score
        found.hit = common
        found.score[~common] = 0.0
        return found
    if kind is Q.AndMaybe:
        found = scores(searcher, norms, query.a, multiplier, deferral)
        if found.hit.any():
            extra = scores(searcher, norms, query.b, multiplier, deferral)
            found = found.copy()
            found.score += np.where(found.hit, extra.score, 0.0)
        return found
    if kind is Q.AndNot:
        found = scores(searcher, norms, query.a, multiplier, deferral)
        if found.hit.any():
            excluded = docs_of(searcher, query.b, within)
            if excluded:
                found = found.copy()
                gone = np.fromiter(excluded, dtype=np.int64, count=len(excluded))
                found.hit[gone] = False
                found.score[gone] = 0.0
        return found
    if query is Q.NullQuery:
        return Found(size)
    if own_phrase(searcher, query):
        found = Found(size)
        if deferral is not None and deferral.within is None and deferral.deferring:
            _defer_phrase(searcher, norms, query, multiplier, deferral)
        else:
            _add_phrase(searcher, norms, query, multiplier, found, within, deferral.phrase_docs if deferral else None)
        return found
    if isinstance(query, (Q.MultiTerm, Q.NumericRange)) and query.constantscore:
        # a prefix or a date range: its boost for every document it matches (Whoosh means the
        # same, but gives 1 on a small index and the sum of the expanded terms' scores on a large one)
        return Found.of(size, docs_of(searcher, query, within), multiplier * query.boost)
    found = Found(size)
    _add_whoosh(searcher, query, multiplier, found, within)
    return found


def ranked_scores(searcher, norms: LengthNorms, query: Q.Query, narrowing: Q.Query | None,
                  best: int, factor: np.ndarray | None = None) -> tuple[Found, set[int] | None]:
    """Every document ``query`` matches with a score, exact for every document that can be
    among the ``best`` of those ``narrowing`` lets through (the others' scores may lack what
    a phrase adds); and those ``narrowing`` lets through (None without it). With a ``factor``
    (a number per document: ``coverage``), each score is multiplied by it.

    A query for ไทย also looks for ประเทศไทย as words and as syllables: at 100,000 articles
    reading those positions for the 50,000-70,000 articles having both words was three
    quarters of the query's 1-2 s, where the first page needs them for a few dozen. So the
    phrases are left out of a first pass, which notes for each the documents having all its
    words and the most it can add to their scores; then they are looked for only in the
    documents they could bring in (the totals) and in those they could lift into the
    ``best``, and only those documents are scored again. A query without phrases is scored
    in one pass, keeping nothing for a second."""
    found, allowed = _ranked_scores(searcher, norms, query, narrowing, best, factor)
    return _times(found, factor), allowed


def _ranked_scores(searcher, norms: LengthNorms, query: Q.Query, narrowing: Q.Query | None,
                   best: int, factor: np.ndarray | None) -> tuple[Found, set[int] | None]:
    # the scores before ``factor``, exact wherever the scores times ``factor`` can reach the best
    if not any(isinstance(leaf, Q.Phrase) for leaf in query.leaves()):
        found = scores(searcher, norms, query)
        return found, _allowed(searcher, narrowing, found)
    deferral = Deferral()
    found = scores(searcher, norms, query, deferral=deferral)
    allowed = _allowed(searcher, narrowing, found)
    if not deferral.phrases:
        return found, allowed
    gain = np.zeros(len(found.hit))
    for phrase in deferral.phrases:
        gain[phrase.candidates] += phrase.bound
    ranked = top(_times(found, factor), best, allowed)
    threshold = ranked[-1][1] if len(ranked) >= best else float("-inf")
    # a margin for rounding: the bound must never be what leaves a document out
    possible = gain > 0
    most = found.score + gain * (1 + 1e-9) + 1e-9
    check_mask = possible & (~found.hit | ((most if factor is None else most * factor) >= threshold))
    check_docs = np.flatnonzero(check_mask)
    if not len(check_docs):
        return found, allowed
    brought = set(np.flatnonzero(check_mask & ~found.hit).tolist())  # documents only a phrase can bring in
    if len(check_docs) * 8 > searcher.doc_count_all():
        # most of them (a phrase the results must have): scoring everything again is quicker,
        # with the phrases' candidate documents already known
        again = Deferral()
        again.deferring, again.phrase_docs = False, deferral.phrase_docs
        found = scores(searcher, norms, query, deferral=again)
    else:
        deferral.within = set(check_docs.tolist())
        exact = scores(searcher, norms, query, deferral=deferral)
        found = found.copy()
        found.score[check_docs] = exact.score[check_docs]
        found.hit[check_docs] = exact.hit[check_docs]
        found.score[~found.hit] = 0.0
    if allowed is not None:
        allowed |= _allowed(searcher, narrowing, {d for d in brought if d in found})
    return found, allowed


def _times(found: Found, factor: np.ndarray | None) -> Found:
    return found if factor is None else Found(len(found.hit), found.score * factor, found.hit)


# where a word typed counts as present (the lead field is the body's opening words again)
WORD_FIELDS = ("title", "body", "org_text")


def coverage(searcher, norms: LengthNorms, concepts, floor: float) -> np.ndarray:
    """Per document, the idf-weighted share of a keyword query's ``concepts`` (build.keyword_concepts:
    each word or name typed, as the forms that count as it, each form its words) that it contains,
    at least ``floor``. A form counts where it has all its words, each as a word in the title, the
    body or the organizations' names or, cut differently there, as all of the word's syllable bigrams
    in the body; a concept weighs the idf of its written form's words."""
    size = searcher.doc_count_all()
    weights = [sum(searcher.weighting.idf(searcher, NEAR_FIELD, word) for word in forms[0]) for forms in concepts]
    total = sum(weights)
    if total <= 0:
        return np.ones(size)
    present: dict[str, np.ndarray] = {}

    def has(word: str) -> np.ndarray:
        if word not in present:
            hit = np.logical_or.reduce([term_hits(searcher, norms, field, word) for field in WORD_FIELDS])
            grams = list(dict.fromkeys(analyze(word).bigrams))
            if grams:
                hit |= np.logical_and.reduce([term_hits(searcher, norms, "body_bi", gram) for gram in grams])
            present[word] = hit
        return present[word]

    share = np.zeros(size)
    for forms, weight in zip(concepts, weights):
        found = [np.logical_and.reduce([has(word) for word in form]) for form in forms]
        share += weight * np.logical_or.reduce(found)
    return np.maximum(share / total, floor)


def _allowed(searcher, narrowing: Q.Query | None, docnums) -> set[int] | None:
    """Those of ``docnums`` that ``narrowing`` (filters, dates) lets through; None without it."""
    if narrowing is None:
        return None
    return docs_of(searcher, narrowing, set(docnums)) if docnums else set()


# how many of the best documents closeness may reorder; the same for every page, so pages agree
NEAR_CANDIDATES = 30
NEAR_FIELD = "body"


def _word_positions(searcher, words: list[str], docnums: list[int]) -> dict[int, list[tuple[int, str]]]:
    """(position, word) of each of ``words`` in the body of each of ``docnums`` (top-level numbers)."""
    found: dict[int, list[tuple[int, str]]] = {d: [] for d in docnums}
    if NEAR_FIELD not in searcher.schema:
        return found
    field_format = searcher.schema[NEAR_FIELD].format
    for leaf, offset in searcher.leaf_searchers():
        reader = leaf.reader()
        local = sorted(d - offset for d in docnums if offset <= d < offset + reader.doc_count_all())
        if not local:
            continue
        for word in words:
            btext = term_bytes(reader, NEAR_FIELD, word)
            if btext is None:
                continue
            docs, _, counts, positions = positions_at(raw_postings(reader, NEAR_FIELD, btext), local, field_format)
            ends = np.cumsum(counts).tolist()
            positions = positions.tolist()
            for d, first, last in zip(docs.tolist(), [0] + ends[:-1], ends):
                found[d + offset].extend(zip(positions[first:last], repeat(word)))
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
    words standing together are where its answer is). Needs two words or more; the rest of ``ranked``
    keeps its order (its scores are lower)."""
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


def _holding(searcher, words: tuple[str, ...], docnums: list[int]) -> int:
    """How many of ``docnums`` have ``words`` one after another in the body."""
    if NEAR_FIELD not in searcher.schema:
        return 0
    held = 0
    for leaf, offset in searcher.leaf_searchers():
        reader = leaf.reader()
        local = {d - offset for d in docnums if offset <= d < offset + reader.doc_count_all()}
        if local:
            held += len(phrase_matches(reader, NEAR_FIELD, list(words), within=local))
    return held


def _contains(sequence: tuple[str, ...], words: tuple[str, ...]) -> bool:
    n = len(words)
    return any(sequence[i:i + n] == words for i in range(len(sequence) - n + 1))


def named_first(searcher, ranked: list[tuple[int, float]], sequence: tuple[str, ...], share: float, among: int,
                opening: Callable[[int], tuple[str, ...]]) -> list[tuple[int, float]]:
    """The first ``NEAR_CANDIDATES`` of ``ranked`` (best first) reordered with a bonus for a
    document whose body opens with a name the query holds as typed (``opening`` gives the words
    a document names first; ``sequence`` is the query's words in order): ``share`` of the best
    score, divided by how many of the first ``among`` documents have that name in their body.
    The entry or story about ต้นขมิ้นชัน is what "ต้นขมิ้นชันอยู่ในวงศ์ใด" asks for, not the entry on
    another plant of that family that shares more of the question's other words; when most of
    the best documents name it (paragraphs of one long article), opening with it tells little."""
    if share <= 0 or not sequence or len(ranked) < 2:
        return ranked
    head, rest = ranked[:NEAR_CANDIDATES], ranked[NEAR_CANDIDATES:]
    named = {}
    for docnum, _ in head:
        words = opening(docnum)
        if words and _contains(sequence, words):
            named[docnum] = words
    if not named:
        return ranked
    counted = [docnum for docnum, _ in head[:among]]
    holders: dict[tuple[str, ...], int] = {}
    for words in named.values():
        if words not in holders:
            holders[words] = max(1, _holding(searcher, words, counted))
    best = head[0][1]
    scored = [(d, s + share * best / holders[named[d]] if d in named else s) for d, s in head]
    return top(dict(scored), len(scored)) + rest


def top(found: Found | Mapping[int, float], n: int,
        allowed: set[int] | np.ndarray | None = None) -> list[tuple[int, float]]:
    """The ``n`` best (document, score), best first; equal scores in document order; only
    documents in ``allowed`` (a set, or a boolean array by document number) if given.

    The ``n``-th best score is found by a partial sort of the scores' array, then only the
    documents scoring at least that are ordered (at 100,000 articles ordering all 90,000
    matches of a common word cost 15-20 ms a query)."""
    if n <= 0 or not found:
        return []
    if not isinstance(found, Found):
        found = Found.of(max(found) + 1, found)
    mask = found.hit
    if allowed is not None:
        mask = mask & (allowed if isinstance(allowed, np.ndarray) else as_mask(allowed, len(mask)))
    docs = np.flatnonzero(mask)
    if not len(docs):
        return []
    values = found.score[docs]
    if len(docs) > n:
        least = np.partition(values, len(values) - n)[len(values) - n]
        keep = values >= least
        docs, values = docs[keep], values[keep]
    order = np.lexsort((docs, -values))[:n]
    return [(int(docs[i]), float(values[i])) for i in order]


def as_mask(docnums: set[int], size: int) -> np.ndarray:
    """``docnums`` as a boolean array of ``size`` (numbers past it left out)."""
    mask = np.zeros(size, dtype=bool)
    if docnums:
        docs = np.fromiter(docnums, dtype=np.int64, count=len(docnums))
        mask[docs[docs < size]] = True
    return mask


__all__ = ["Found", "LengthNorms", "as_mask", "named_first", "near_each_other", "ranked_scores", "scores", "top"]
