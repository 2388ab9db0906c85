"""The search service: parse -> search -> snippets -> SearchResults.

>>> service = SearchService(Path("index"))
>>> service.search("อาเซียน รัสเซีย").hits[0].title  # doctest: +SKIP
"""

from __future__ import annotations

import logging
import math
from pathlib import Path

from whoosh import scoring

from ..config import Settings
from ..errors import ArticleNotFoundError, QueryError
from ..index import IndexHandle, document_to_article
from ..models import Article, Hit, SearchResults
from ..thai.chars import clean_text
from .build import DEFAULT_WEIGHTS, Weights, build_query
from .query import parse_query
from .snippets import highlight_all, make_snippet

log = logging.getLogger(__name__)

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


class SearchService:
    def __init__(self, index_dir: Path, settings: Settings | None = None,
                 weights: Weights = DEFAULT_WEIGHTS) -> None:
        self.settings = settings or Settings(index_dir=Path(index_dir))
        self.handle = IndexHandle(Path(index_dir), weighting_factory=make_weighting)
        self.weights = weights

    def search(self, text: str, page: int = 1, size: int | None = None) -> SearchResults:
        size = size or self.settings.page_size
        if size < 1 or size > self.settings.max_page_size:
            raise QueryError(f"size must be between 1 and {self.settings.max_page_size}")
        if page < 1:
            raise QueryError("page must be 1 or more")
        text = clean_text(text or "").strip()
        if not text:
            raise QueryError("กรุณาพิมพ์คำค้น (the query is empty)")
        notes: list[str] = []
        if len(text) > self.settings.max_query_chars:
            text = text[: self.settings.max_query_chars]
            notes.append(f"คำค้นยาวเกินไป ใช้เฉพาะ {self.settings.max_query_chars} ตัวอักษรแรก "
                         f"(query cut to its first {self.settings.max_query_chars} characters)")
        parsed = parse_query(text)
        notes.extend(parsed.notes)
        built = build_query(parsed, self.weights)
        if built.truncated:
            notes.append("คำค้นมีคำมากเกินไป ใช้เฉพาะส่วนแรก (too many words; only the first ones were used)")
        searcher = self.handle.searcher()
        if built.query is None:
            raise QueryError("ไม่มีคำที่ค้นได้ในคำค้นนี้ (the query has no searchable words)")
        results = searcher.search_page(built.query, page, pagelen=size)
        hits = tuple(self._hit(r, built.highlight_terms) for r in results)
        return SearchResults(query=text, total=results.total, page=page, size=size, hits=hits,
                             notes=tuple(notes))

    def ranked_ids(self, text: str, limit: int = 10) -> list[str]:
        """Only the ranking (for relevance measurement): no snippets, no paging."""
        built = build_query(parse_query(clean_text(text)), self.weights)
        if built.query is None:
            return []
        searcher = self.handle.searcher()
        return [r["id"] for r in searcher.search(built.query, limit=limit)]

    def _hit(self, result, terms: tuple[str, ...]) -> Hit:
        stored = result.fields()
        article = document_to_article(stored)
        return Hit(
            id=article.id,
            title=article.title,
            published=article.published,
            section=article.section,
            source=article.source,
            url=article.url,
            organizations=article.organizations,
            score=float(result.score or 0.0),
            snippet=make_snippet(article.body, terms),
        )

    def article(self, article_id: str) -> Article:
        searcher = self.handle.searcher()
        stored = searcher.document(id=article_id)
        if stored is None:
            raise ArticleNotFoundError(f"no article with id {article_id!r}")
        return document_to_article(stored)

    def highlighted_body(self, article: Article, query: str) -> str:
        terms = build_query(parse_query(clean_text(query)), self.weights).highlight_terms if query.strip() else ()
        return highlight_all(article.body, terms)

    def count(self) -> int:
        return self.handle.searcher().doc_count()


__all__ = ["SearchService", "make_weighting"]
