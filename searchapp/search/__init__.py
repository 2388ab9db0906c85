"""The search service: parse -> search -> snippets -> SearchResults.

>>> service = SearchService(Path("index"))
>>> service.search("อาเซียน รัสเซีย").hits[0].title  # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import logging
import math
import threading
from pathlib import Path

import numpy as np
from whoosh import query as Q
from whoosh import scoring

from ..config import Settings
from ..errors import ArticleNotFoundError, QueryError
from ..index import IndexHandle, current_generation, document_to_article
from ..models import Article, Hit, SearchResults
from ..preload import preload
from ..score_postings import of_reader
from ..analysis.segment import analyze
from ..thai.chars import clean_text
from ..thai.dates import thai_date
from .build import DEFAULT_WEIGHTS, Concepts, Weights, all_of, build_query, is_fragment, opening_words, phrase_clause
from .docsets import docs_of, matching_docs
from .ranking import NEAR_CANDIDATES, LengthNorms, as_mask, coverage, named_first, near_each_other, ranked_scores, top
from .facets import FacetTable, Filters
from .query import Clause, parse_query
from .spelling import Vocabulary, respelled
from .snippets import highlight_all, make_snippet

log = logging.getLogger(__name__)

SORTS = ("relevance", "newest", "oldest")


def check_size(size: int, most: int) -> None:
    """A page size a user may ask for (QueryError, in Thai and English, when not)."""
    if size < 1 or size > most:
        raise QueryError(f"จำนวนข่าวต่อหน้าต้องอยู่ระหว่าง 1 ถึง {most} (size must be between 1 and {most})")


def check_sort(sort: str) -> None:
    """One of ``SORTS`` (QueryError, in Thai and English, when not)."""
    if sort not in SORTS:
        raise QueryError(f"การเรียงต้องเป็นแบบใดแบบหนึ่งใน {', '.join(SORTS)} (sort must be one of {', '.join(SORTS)})")
RELATED_TERMS = 20  # the article's most distinctive words that find related ones
# what is read once per index generation (SearchService._read_once); warm() reads all three
_FACETS, _NORMS, _VOCABULARY = "facets", "norms", "vocabulary"
_OPENINGS = "openings"  # not warmed: filled as queries rank documents
OPENINGS_KEPT = 10_000
_WARMED = (_FACETS, _NORMS, _VOCABULARY)
K1 = 1.0
B = 0.75
TITLE_B = 0.3


class ProbabilisticBM25F(scoring.BM25F):
    """Whoosh's BM25F with the probabilistic idf of the BM25 literature (as Lucene uses it).

    Whoosh's own idf, log(N/(df+1)) + 1, adds one to every term's weight, which flattens the
    difference between a rare name and a common function word.
    """

    def idf(self, searcher, fieldname, text):
        parent = searcher.get_parent()
        df = parent.doc_frequency(fieldname, text)
        n = parent.doc_count_all()
        return math.log(1 + (n - df + 0.5) / (df + 0.5))


def make_weighting() -> scoring.WeightingModel:
    """BM25F; the title is short, so its length matters less."""
    return ProbabilisticBM25F(B=B, K1=K1, title_B=TITLE_B)


def _combined_filter(*parts: Q.Query | None) -> Q.Query | None:
    present = [p for p in parts if p is not None]
    return all_of(present) if present else None


def _period_note(clause: Clause) -> str:
    period = clause.period
    assert period is not None
    span = (thai_date(period.first) if period.first == period.last
            else f"{thai_date(period.first)} – {thai_date(period.last)}")
    if period.kind == "range":
        return f"“{clause.text}” อ่านเป็นช่วงเวลา: ข่าวที่เผยแพร่ {span} (read as a date range)"
    return (f"“{clause.text}” อ่านเป็นช่วงเวลา: ข่าวที่เผยแพร่ {span} หรือที่กล่าวถึง "
            f"(read as a date: published then, or mentioning it)")


class SearchService:
    def __init__(self, index_dir: Path, settings: Settings | None = None,
                 weights: Weights = DEFAULT_WEIGHTS) -> None:
        self.settings = settings or Settings(index_dir=Path(index_dir))
        self.handle = IndexHandle(Path(index_dir), weighting_factory=make_weighting)
        self.weights = weights
        # what is read from an index once per generation: {kind: (generation, value)}
        self._per_generation: dict[str, tuple[str, object]] = {}
        self._per_generation_locks: dict[str, threading.Lock] = {}
        self._preloaded = False  # warm() has read the index's files into the page cache (once a process)

    def search(self, text: str, page: int = 1, size: int | None = None, *,
               filters: Filters | None = None, sort: str = "relevance", facets: bool = True,
               suggest: bool = True, as_typed: bool = False) -> SearchResults:
        """One page of results for ``text`` narrowed by ``filters``, with exact facet counts
        and, when a corrected spelling finds clearly more, a suggestion. A misspelling that the
        word cut breaks into lone letters and that is found nowhere as written is searched as
        its respelling instead (``corrected_from`` says so), unless ``as_typed``.

        An empty query with filters lists everything that passes them (newest first by
        default in the web page); an empty query without filters is an error."""
        size = size or self.settings.page_size
        check_size(size, self.settings.max_page_size)
        if page < 1:
            raise QueryError("เลขหน้าต้องเป็น 1 ขึ้นไป (page must be 1 or more)")
        check_sort(sort)
        filters = filters or Filters()
        text = clean_text(text or "").strip()
        if not text and not filters:
            raise QueryError("กรุณาพิมพ์คำค้น (the query is empty)")
        notes: list[str] = []
        if len(text) > self.settings.max_query_chars:
            text = text[: self.settings.max_query_chars]
            notes.append(f"คำค้นยาวเกินไป ใช้เฉพาะ {self.settings.max_query_chars} ตัวอักษรแรก "
                         f"(query cut to its first {self.settings.max_query_chars} characters)")
        # the did-you-mean respelling and the suggestion, each worked out at most once
        looked_up, corrected = False, None
        suggestion, suggestion_known = None, False
        if text and not as_typed:
            looked_up, corrected, instead = self._respelling(text)
            if instead:
                suggestion, suggestion_known = self._suggestion(text, filters, corrected), True
                if suggestion is not None:  # it finds clearly more: its results instead
                    found = self.search(suggestion, page, size, filters=filters, sort=sort, facets=facets,
                                        suggest=False, as_typed=True)
                    return dataclasses.replace(found, corrected_from=text, notes=tuple(notes) + found.notes)
        if text:
            parsed = parse_query(text)
            notes.extend(parsed.notes)
            notes.extend(_period_note(c) for c in parsed.clauses if c.kind == "date")
            built = build_query(parsed, self.weights)
            if built.truncated:
                notes.append("คำค้นมีคำมากเกินไป ใช้เฉพาะส่วนแรก (too many words; only the first ones were used)")
            if built.query is None:
                raise QueryError("ไม่มีคำที่ค้นได้ในคำค้นนี้ (the query has no searchable words)")
            query, terms, narrowing = built.query, built.highlight_terms, built.filter
        else:
            query, terms, narrowing = Q.Every(), (), None
        typed_narrowing, narrowing = narrowing, _combined_filter(narrowing, filters.query())
        searcher, generation = self.handle.current()
        first = (page - 1) * size
        # past the last page the page is empty (Whoosh would show the last page again)
        matched = None  # every document the query matches, before any filter (when known)
        if sort == "relevance" and text:
            docnums, ranked, matched = self._ranked(searcher, generation, query, narrowing, first + size,
                                                    built.words, built.concepts, built.sequence)
            shown = ranked[first:]
        else:
            docnums = matching_docs(searcher, query, narrowing)
            ordered = self._facet_table(searcher, generation).by_date(docnums, newest_first=sort != "oldest")
            shown = [(docnum, 0.0) for docnum in ordered[first:first + size]]
        total = len(docnums)
        hits = tuple(self._hit(searcher.stored_fields(docnum), score, terms) for docnum, score in shown)
        facet_counts = {}
        if facets:
            apart = self._matches_apart(searcher, query, matched, typed_narrowing, filters)
            facet_counts = self._facet_table(searcher, generation).count(docnums, filters, apart=apart)
        if suggest and text and page == 1 and not suggestion_known:
            if not looked_up:
                corrected = self.vocabulary().did_you_mean(text)
            suggestion = self._suggestion(text, filters, corrected)
        return SearchResults(query=text, total=total, page=page, size=size, hits=hits, notes=tuple(notes),
                             sort=sort, facets=facet_counts, filters=filters.to_dict(), suggestion=suggestion)

    def _read_once(self, kind: str, factory, searcher=None, generation: str | None = None):
        """``factory(searcher)`` for the generation ``searcher`` reads, kept until the next one."""
        if searcher is None:
            searcher, generation = self.handle.current()
        # one lock per kind: building the vocabulary does not hold up the facet counts
        with self._per_generation_locks.setdefault(kind, threading.Lock()):
            cached = self._per_generation.get(kind)
            if cached is not None and cached[0] == generation:
                return cached[1]
            value = factory(searcher)  # other threads wait rather than read it twice
            if generation == self.handle.generation:  # a request still on an older one keeps nothing
                self._per_generation[kind] = (generation, value)
            return value

    def _facet_table(self, searcher, generation: str) -> FacetTable:
        return self._read_once(_FACETS, lambda s: FacetTable(s.reader()), searcher, generation)

    @staticmethod
    def _matches_apart(searcher, query: Q.Query, matched: np.ndarray | None, typed_narrowing: Q.Query | None,
                       filters: Filters) -> dict[str, np.ndarray]:
        """For a chosen year, section or source: the matches under every filter but that one. An
        article has one of each, so choosing another means either (Filters.query), and its facet
        shows what each would bring. Worked out among the query's own matches (``matched``, or
        found here) as arrays: the page's filters are plain terms, read whole; what the query
        itself narrows by (a date typed, year:) is checked once, only where some choice needs it."""
        choices = [(name, others.query()) for name, chosen, others in (
            ("year", filters.years, dataclasses.replace(filters, years=())),
            ("section", filters.sections, dataclasses.replace(filters, sections=())),
            ("source", filters.sources, dataclasses.replace(filters, sources=()))) if chosen]
        if not choices:
            return {}
        size = searcher.doc_count_all()
        if matched is None:
            matched, typed_narrowing = np.asarray(matching_docs(searcher, query, typed_narrowing), dtype=np.int64), None
        passing = {name: None if others is None else as_mask(docs_of(searcher, others), size)
                   for name, others in choices}
        wanted = np.zeros(size, dtype=bool)
        wanted[matched] = True
        if all(mask is not None for mask in passing.values()):
            wanted &= np.logical_or.reduce([mask for mask in passing.values()])
        if typed_narrowing is not None:
            wanted &= as_mask(docs_of(searcher, typed_narrowing, set(np.flatnonzero(wanted).tolist())), size)
        return {name: np.flatnonzero(wanted if mask is None else wanted & mask) for name, mask in passing.items()}

    def _ranked(self, searcher, generation: str, query: Q.Query, narrowing: Q.Query | None, limit: int,
                words: tuple[str, ...] = (), concepts: Concepts = (), sequence: tuple[str, ...] = ()
                ) -> tuple[np.ndarray, list[tuple[int, float]], np.ndarray]:
        """Every document matching (ascending) and the ``limit`` best, scored (a keyword query's
        scores times the share of its ``concepts`` each document has); the best few reordered by how
        close together ``words`` (the words typed) stand in them and by whether they open with a name
        ``sequence`` (the query's words in order) holds; and every document the query matches before
        ``narrowing``."""
        norms = self._norms(searcher, generation)
        factor = coverage(searcher, norms, concepts, self.weights.coverage_floor) if concepts else None
        found, allowed = ranked_scores(searcher, norms, query, narrowing, max(limit, NEAR_CANDIDATES), factor)
        if allowed is None:
            docnums = found.docs()
        else:
            allowed = as_mask(allowed, len(found.hit))  # once, for the total and for the best
            docnums = np.flatnonzero(found.hit & allowed)
        ranked = top(found, max(limit, NEAR_CANDIDATES), allowed)
        ranked = near_each_other(searcher, ranked, words, self.weights.near, self.weights.near_window)
        ranked = named_first(searcher, ranked, sequence, self.weights.opening, self.weights.opening_among,
                             self._openings(searcher, generation))
        return docnums, ranked[:limit], found.docs()

    def _openings(self, searcher, generation: str):
        """What each document's body names first (``build.opening_words``), read from its stored body
        when first asked and kept for the generation (up to ``OPENINGS_KEPT`` documents)."""
        kept = self._read_once(_OPENINGS, lambda s: {}, searcher, generation)

        def opening(docnum: int) -> tuple[str, ...]:
            words = kept.get(docnum)
            if words is None:
                if len(kept) >= OPENINGS_KEPT:
                    kept.clear()
                words = kept[docnum] = opening_words(searcher.stored_fields(docnum).get("body") or "")
            return words

        return opening

    def _norms(self, searcher, generation: str) -> LengthNorms:
        return self._read_once(_NORMS, lambda s: LengthNorms(), searcher, generation)

    def warm(self) -> None:
        """Read now what every query needs once per index generation (facet table, length
        norms, vocabulary) or per process (dictionaries), rather than in the first requests:
        at 100,000 articles they take several seconds, which the first users of each server
        process would otherwise wait. The first time in a process, the index's files are read
        too (``_preload``)."""
        searcher, generation = self.handle.current()
        build_query(parse_query("อาเซียน ASEAN 2567"))  # the segmenter's dictionaries, the aliases
        self._facet_table(searcher, generation)
        norms = self._norms(searcher, generation)
        reader = searcher.reader()
        for leaf, _offset in reader.leaf_readers():
            of_reader(leaf)  # the segments' scoring postings directories, shared by the threads
        for name in searcher.schema.scorable_names():
            first = next(iter(reader.lexicon(name)), None)
            if first is not None:  # any term gives the field's scorer (its average length, its B)
                norms.field(searcher, name, searcher.weighting.scorer(searcher, name, first))
        self.vocabulary()
        if not self._preloaded:
            self._preload(generation)

    def _preload(self, generation: str) -> None:
        """Read the files of the generation served into the page cache (``searchapp.preload``):
        once a process, as its first answers come, since a newer generation's segments are
        files an update has just written."""
        live = current_generation(self.handle.index_dir)
        if live is not None and live.name == generation:
            done, seconds = preload(live)
            log.info("read %.0f MB of index %s in %.1f s", done / 1e6, generation, seconds)
        self._preloaded = True

    def warmed(self) -> bool:
        """Whether what ``warm`` reads is read for the index generation now served, and its
        files were read into the page cache (a server process answers slower until they are:
        at 100,000 articles about 4 s after it starts, and the first pass over queries reading
        an index idle for hours half again as long)."""
        generation = self.handle.generation
        return self._preloaded and generation is not None and all(
            self._per_generation.get(kind, (None,))[0] == generation for kind in _WARMED)

    def vocabulary(self) -> Vocabulary:
        """The index's words and their frequencies, read once per generation."""
        return self._read_once(_VOCABULARY, lambda searcher: Vocabulary(searcher.reader()))

    def _all_words_count(self, text: str, filters: Filters) -> int:
        """Articles having every word of ``text`` (the measure of "finds more": the ranked
        search matches any word, so its totals barely move)."""
        tokens = [t.text for t in analyze(text).top_words()]
        if not tokens:
            return 0
        every = Q.And([Q.Or([Q.Term("title", w), Q.Term("body", w)]) for w in dict.fromkeys(tokens)])
        return len(matching_docs(self.handle.searcher(), every, filters.query()))

    def _respelling(self, text: str) -> tuple[bool, str | None, bool]:
        """Whether the respellings of plain ``text`` (no operators or quotes) were looked up, the
        respelled text (``did_you_mean``'s answer) when they were, and whether to search it
        instead: only when a word it respells is one the word cut leaves in lone letters (one it
        does not know: ทรัมป is ท + รัม + ป, and ป alone matches every ป.ป.ช.) and is found
        nowhere as written. It is searched when it finds clearly more (``_suggestion``)."""
        if any(ch in text for ch in '"+-:*'):
            return False, None, False
        fragments = [t.start for t in analyze(text).top_words() if is_fragment(t.text)]
        if not fragments:
            return False, None, False
        searcher = self.handle.searcher()
        replacements = self.vocabulary().respellings(text)
        corrected = respelled(text, replacements)
        for start, end, _ in replacements:
            if any(start <= at < end for at in fragments):
                written, _ = phrase_clause(text[start:end])
                if written is not None and not matching_docs(searcher, written, None):
                    return True, corrected, True
        return True, corrected, False

    def _suggestion(self, text: str, filters: Filters, corrected: str | None) -> str | None:
        """``corrected``, a respelling of ``text``, offered only when it finds clearly more:
        articles with all its words at least twice as many, and at least two more."""
        if corrected is None or corrected == text:
            return None
        before = self._all_words_count(text, filters)
        after = self._all_words_count(corrected, filters)
        return corrected if after >= max(2 * before, before + 2) else None

    def suggest(self, typed: str, limit: int = 8) -> list[str]:
        """Completions of what is being typed (for the search box's dropdown)."""
        typed = clean_text(typed or "")[: self.settings.max_query_chars]
        return self.vocabulary().completions(typed, limit)

    def ranked_ids(self, text: str, limit: int = 10) -> list[str]:
        """Only the ranking (for relevance measurement): no snippets, no paging."""
        built = build_query(parse_query(clean_text(text)), self.weights)
        if built.query is None:
            return []
        searcher, generation = self.handle.current()
        _, ranked, _ = self._ranked(searcher, generation, built.query, built.filter, limit, built.words,
                                    built.concepts, built.sequence)
        return [searcher.stored_fields(docnum)["id"] for docnum, _ in ranked]

    def _hit(self, stored: dict, score: float, terms: tuple[str, ...]) -> Hit:
        article = document_to_article(stored)
        return Hit(
            id=article.id,
            title=article.title,
            published=article.published,
            section=article.section,
            source=article.source,
            url=article.url,
            organizations=article.organizations,
            score=score,
            snippet=make_snippet(article.body, terms),
        )

    def article(self, article_id: str) -> Article:
        searcher = self.handle.searcher()
        stored = searcher.document(id=article_id)
        if stored is None:
            raise ArticleNotFoundError.of(article_id)
        return document_to_article(stored)

    def related(self, article: Article, limit: int = 5) -> tuple[Hit, ...]:
        """Articles most like this one (more-like-this over the words of its title and body)."""
        searcher = self.handle.searcher()
        docnum = searcher.document_number(id=article.id)
        if docnum is None:
            raise ArticleNotFoundError.of(article.id)
        text = f"{article.title}\n{article.body}"
        results = searcher.more_like(docnum, "body", text=text, top=limit, numterms=RELATED_TERMS)
        return tuple(self._hit(r.fields(), float(r.score or 0.0), ()) for r in results)

    def highlighted_body(self, article: Article, query: str) -> str:
        terms = build_query(parse_query(clean_text(query)), self.weights).highlight_terms if query.strip() else ()
        return highlight_all(article.body, terms)

    def count(self) -> int:
        return self.handle.searcher().doc_count()


__all__ = ["SORTS", "Filters", "SearchService", "check_size", "check_sort", "make_weighting"]
