"""Parsed queries to Whoosh queries: words, sub-words and phrases over the Thai fields.

Every unquoted run of text becomes one OR over its dictionary words (title, body and
lead), its syllable bigrams (which find a word inside a compound or a name the dictionary
lacks), and the other names of what it names (aliases.py), so that documents matching
more of the words, and whole words rather than fragments, score higher. A quoted phrase
beside other words adds a scored phrase clause; a phrase alone, or with +, and filters
are required; excluded words remove documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache

from whoosh import query as Q

from ..analysis.segment import analyze
from ..thai.chars import fold_digits
from ..thai.dates import THAI_MONTH_ABBR, THAI_MONTH_NAMES
from ..thai.orgs import registry
from ..thai.periods import Period, be_year
from .aliases import alternatives
from .query import Clause, ParsedQuery

MAX_TERMS = 400
# Question words name no topic: "ใครเป็นผู้ก่อตั้งอาเซียน" is about ผู้ก่อตั้ง and อาเซียน.
# They are left out when other words remain (a query of question words alone keeps them).
QUESTION_WORDS = frozenset(
    "อะไร ใคร ไหน ที่ไหน เมื่อไร เมื่อไหร่ อย่างไร ยังไง ทำไม กี่ เท่าไร เท่าไหร่ ใด หรือไม่ บ้าง ไร".split())


@dataclass(frozen=True)
class Weights:
    title: float = 2.0
    body: float = 1.0
    lead: float = 0.5  # the body's opening words again (ThaiLeadTokenizer)
    org: float = 1.0
    title_bigram: float = 0.6
    body_bigram: float = 0.7
    # also query the dictionary words inside a compound (documents always index them);
    # off by default: it lowered MRR@10 on the even half of every bench task
    parts: bool = False
    # an optional phrase (next to plain words): its words count as words, and a match of
    # the whole phrase adds this boost
    phrase: float = 1.0
    # other names of what the query names (aliases.py): organizations, short forms, years
    alias: float = 0.5
    drop_question_words: bool = True
    # the best documents gain up to this share of the best score when the query's words stand
    # close together in them (within ``near_window`` words; ranking.near_each_other)
    near: float = 0.1
    near_window: int = 10
    # a query of a few keywords (2 to ``keywords`` words, none of them a stop word) ranks each
    # document by its score times the idf-weighted share of those words it contains (a name also
    # by its other names), at least ``coverage_floor``: an article naming นายกรัฐมนตรี and ประยุทธ์
    # comes before one naming นายกรัฐมนตรี often. A question or a headline is left as scored: its
    # words need not all be in the answer (ranking.coverage)
    keywords: int = 3
    coverage_floor: float = 0.1
    # a document whose body opens with a name the query holds as typed (ต้นขมิ้นชัน, ปลาฉนากจะงอยปากกว้าง:
    # the entry or story about it) gains this share of the best score, divided by how many of the best
    # ``opening_among`` documents hold that name (ranking.named_first)
    opening: float = 0.25
    opening_among: int = 10


DEFAULT_WEIGHTS = Weights()


@dataclass
class Built:
    query: Q.Query | None
    highlight_terms: tuple[str, ...]  # normalized words and phrases to mark in snippets
    truncated: bool = False
    filter: Q.Query | None = None  # what results must also match (filters, dates); not scored
    words: tuple[str, ...] = ()  # the words typed to rank by (not question words), for closeness
    # a keyword query's words and names, each as the forms that count as it (each form its words);
    # empty for other queries (keyword_concepts)
    concepts: Concepts = ()
    # the words of the query's text and phrases in the order typed, compound parts left out
    sequence: tuple[str, ...] = ()


def _unique(items):
    return list(dict.fromkeys(items))


def is_fragment(word: str) -> bool:
    """A lone Thai consonant as a word: what the word cut leaves of a word it does not know
    (ทรัมป, typed without its last mark, is cut ท + รัม + ป)."""
    return len(word) == 1 and "\u0e01" <= word <= "\u0e2e"


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """PyThaiNLP's Thai stop words (``stopwords_th.txt``): function words such as คือ, มี, ที่, ว่า."""
    from ..config import pythainlp_file

    return frozenset(pythainlp_file("stopwords_th.txt").read_text("utf-8-sig").split())


Concepts = tuple[tuple[tuple[str, ...], ...], ...]  # each name or word typed: its forms, each form its words


def keyword_concepts(parsed: ParsedQuery, words: tuple[str, ...], w: Weights) -> Concepts:
    """For a query of a few keywords (``Weights.keywords``; no stop word, no phrase, OR or exclusion),
    each name or word typed as the forms that count as it: a name written (อาเซียน) and its other
    names (ASEAN, ...), each as its words; every other word as itself. Empty for any other query."""
    if not 2 <= len(words) <= w.keywords or any(word in stop_words() for word in words):
        return ()
    if any(c.kind in ("phrase", "or", "exclude") for c in parsed.clauses):
        return ()
    concepts: list[tuple[tuple[str, ...], ...]] = []
    named: set[str] = set()
    for clause in parsed.clauses:
        if clause.kind != "text":
            continue
        for written, others in alternatives(clause.text):
            forms = [tuple(topic_words(form, w)) for form in (written,) + others]
            if forms[0] and set(forms[0]) <= set(words) - named:
                concepts.append(tuple(_unique(form for form in forms if form)))
                named.update(forms[0])
    concepts.extend(((word,),) for word in words if word not in named)
    return tuple(concepts)


def topic_words(text: str, w: Weights, *, parts: bool = False) -> list[str]:
    """The words of ``text`` to rank by, each once: question words left out when others remain."""
    analysis = analyze(text)
    words = _unique(t.text for t in analysis.words) if parts else _unique(t.text for t in analysis.top_words())
    if w.drop_question_words and any(word not in QUESTION_WORDS for word in words):
        words = [word for word in words if word not in QUESTION_WORDS]
    return words


# a body's opening: its first run of text up to a space, a bracket, a colon or a comma; a longer run
# than OPENING_MOST characters is a sentence written without spaces, not a name (and is not cut)
_OPENING = re.compile(r"\s*([^\s(\[:,]+)")
OPENING_MOST = 120


def opening_words(body: str) -> tuple[str, ...]:
    """The words of what ``body`` names first (``ต้นขมิ้นชัน ชื่อวิทยาศาสตร์ : ...`` -> ต้น, ขมิ้นชัน); empty when
    that is under three characters or over ``OPENING_MOST``, or only stop and question words (``วันนี้``,
    ``คำว่า``): they name nothing."""
    found = _OPENING.match(body)
    if not found or not 3 <= len(found.group(1)) <= OPENING_MOST:
        return ()
    words = tuple(t.text for t in analyze(found.group(1)).top_words())
    if all(word in stop_words() or word in QUESTION_WORDS for word in words):
        return ()
    return words


def text_clause(text: str, w: Weights) -> tuple[list[Q.Query], list[str]]:
    analysis = analyze(text)
    top_words = [t.text for t in analysis.top_words()]
    words = topic_words(text, w, parts=w.parts)
    bigrams = _unique(analysis.bigrams)
    subqueries: list[Q.Query] = []
    marks_alias: list[str] = []
    for word in words:
        subqueries.append(Q.Term("title", word, boost=w.title))
        subqueries.append(Q.Term("body", word, boost=w.body))
        if w.lead:
            subqueries.append(Q.Term("lead", word, boost=w.lead))
        subqueries.append(Q.Term("org_text", word, boost=w.org))
    for gram in bigrams:
        subqueries.append(Q.Term("title_bi", gram, boost=w.title_bigram))
        subqueries.append(Q.Term("body_bi", gram, boost=w.body_bigram))
    if w.alias:
        # the form written or any other form counts once (the best of them), so an article
        # using both is not preferred over one using either
        for written, others in alternatives(text):
            options = []
            forms = (written,) + others
            # a phrase scores the sum of its words: a longer form (กปปส. written out in twelve words)
            # would outweigh the name as written many times over, so it counts as much as that
            sizes = [max(1, len(analyze(form).top_words())) for form in forms]
            for form, size in zip(forms, sizes):
                # an alias is a known name: found as words, not as any syllable (a one-syllable
                # alias would look for every bigram starting with it: hundreds of terms)
                q, mark = phrase_clause(form, boost=min(1.0, sizes[0] / size), syllable_prefix=False)
                if q is not None:
                    options.append(q)
                    if form != written:
                        marks_alias.append(mark)
            if len(options) > 1:
                subqueries.append(Q.DisjunctionMax(options, boost=w.alias))
    # the run as typed (without spaces) first: it marks ค้ามนุษย์ whole inside การค้ามนุษย์;
    # then the top-level words (not compound parts), which are what a reader wants marked
    marks: list[str] = [analysis.normalized.text.replace(" ", "")] if len(words) > 1 else []
    return subqueries, marks + top_words + marks_alias


def phrase_clause(text: str, boost: float = 1.0, *, words_only: bool = False,
                  syllable_prefix: bool = True) -> tuple[Q.Query | None, str]:
    """The phrase as a sequence of words, or of syllable bigrams (which survive a different
    word cut); one syllable alone is found as the start of a bigram. ``words_only`` leaves the
    bigrams out (they skip digits, so "มี.ค. 2567" on bigrams would match any มี.ค.)."""
    analysis = analyze(text)
    word_seq = [t.text for t in analysis.top_words()]
    bigrams = list(analysis.bigrams)
    options: list[Q.Query] = []
    for field_name in ("title", "body"):
        if len(word_seq) == 1:
            options.append(Q.Term(field_name, word_seq[0], boost=boost))
        elif word_seq:
            options.append(Q.Phrase(field_name, word_seq, boost=boost))
    for field_name in () if words_only else ("title_bi", "body_bi"):
        if len(bigrams) == 1:
            options.append(Q.Term(field_name, bigrams[0], boost=boost))
        elif bigrams:
            options.append(Q.Phrase(field_name, bigrams, boost=boost))
        elif len(analysis.syllables) == 1 and syllable_prefix:
            options.append(Q.Prefix(field_name, analysis.syllables[0].text + "_", boost=boost))
    if not options:
        return None, ""
    return Q.Or(options), analysis.normalized.text.strip()


def field_filter(field_name: str, value: str) -> Q.Query:
    """Only articles with this value; an organization by any of its names."""
    if field_name == "orgs":
        value = registry().canonical(value) or value
    return Q.Term(field_name, value)


def all_of(queries: list[Q.Query]) -> Q.Query:
    """The queries joined with AND (one alone as it is)."""
    return queries[0] if len(queries) == 1 else Q.And(queries)


def any_of(queries: list[Q.Query]) -> Q.Query:
    """The queries joined with OR (one alone as it is)."""
    return queries[0] if len(queries) == 1 else Q.Or(queries)


# an article published in the period typed ranks above one that only mentions it
PUBLISHED_BOOST = 5.0
# articles without a publication date (no value in the published field)
UNDATED = Q.Not(Q.DateRange("published", None, None))


def published_between(first: date | None, last: date | None, boost: float = 1.0) -> Q.Query:
    """Published on ``first`` or later and on ``last`` or earlier (either may be open)."""
    return Q.DateRange("published", datetime.combine(first, time.min) if first else None,
                       datetime.combine(last, time.max) if last else None, boost=boost)


def published_within(period: Period, boost: float = 1.0) -> Q.Query:
    return published_between(period.first, period.last, boost)


def date_clause(clause: Clause, weights: Weights, *, with_words: bool = True
                ) -> tuple[Q.Query, list[Q.Query], list[str]]:
    """A period typed among the words: articles published in it first, then those that
    mention it.

    A range (2560..2562) is a filter on the publication date only. A year, month or day
    keeps the articles published in it (ranked first), those that mention it in any
    usual form (a later article looking back at the 2562 summit), and, when there are
    other words to match, the articles without a date, which nothing rules out.
    Returns (the requirement, scoring clauses, words to mark).
    """
    period = clause.period
    assert period is not None
    if period.kind == "range":
        return published_within(period), [], []
    mentions = [q for q, _ in (phrase_clause(form, words_only=True) for form in period_forms(period))
                if q is not None]
    # its words are ranked with the query's other words, or here when it is the whole query
    scoring, marks = ([], []) if clause.in_text else text_clause(_written(clause), weights)
    either = [published_within(period)] + ([UNDATED] if with_words else []) + mentions
    # the requirement only decides who stays; the score comes from the period's words
    # (as any words) and from being published in it
    scoring.append(published_within(period, boost=PUBLISHED_BOOST))
    return Q.Or(either), scoring, marks


def _written(clause: Clause) -> str:
    """What to rank a period typed alone by: a year's number as typed, else the text."""
    assert clause.period is not None
    if clause.period.kind != "year":
        return clause.text
    year = re.search(r"[0-9]{4}", fold_digits(clause.text))
    return year.group(0) if year else str(be_year(clause.period.first.year))


def period_forms(period: Period) -> list[str]:
    """The usual ways a news text writes a year, month or day: มีนาคม 2567, มี.ค. 67, March 2024."""
    be, ce = be_year(period.first.year), period.first.year
    if period.kind == "year":
        return [str(be), str(ce)]
    month = period.first.month
    day = f"{period.first.day} " if period.kind == "day" else ""
    forms = [f"{day}{name} {year}" for name in (THAI_MONTH_NAMES[month - 1], THAI_MONTH_ABBR[month - 1])
             for year in (be, be % 100)]
    english = date(2000, month, 1).strftime("%B")
    forms.append(f"{day}{english} {ce}" if not day else f"{english} {period.first.day}, {ce}")
    return forms


def build_query(parsed: ParsedQuery, weights: Weights = DEFAULT_WEIGHTS) -> Built:
    optional: list[Q.Query] = []
    required: list[Q.Query] = []  # content every result must have: +phrases, OR groups
    narrowing: list[Q.Query] = []  # filters and dates: they narrow, they do not match words
    ranking: list[Q.Query] = []  # only add to the score (a date's mentions)
    excluded: list[Q.Query] = []
    marks: list[str] = []
    typed_filters: dict[str, list[str]] = {}  # org:, year:, from: ... as the page's arguments
    with_words = any(c.kind in ("text", "phrase", "or") for c in parsed.clauses)
    for clause in parsed.clauses:
        if clause.kind == "text":
            subs, words = text_clause(clause.text, weights)
            optional.extend(subs)
            marks.extend(words)
        elif clause.kind == "phrase" and clause.required:
            q, mark = phrase_clause(clause.text)
            if q is not None:
                required.append(q)
                marks.append(mark)
        elif clause.kind == "phrase":
            q, mark = phrase_clause(clause.text, weights.phrase)
            subs, _ = text_clause(clause.text, weights)
            if q is not None:
                optional.append(q)
                optional.extend(subs)
                marks.append(mark)
        elif clause.kind == "or":
            either: list[Q.Query] = []
            for alt in clause.alternatives:
                subs, words = text_clause(alt, weights)
                if subs:
                    either.append(Q.Or(subs))
                    marks.extend(words)
            if either:
                required.append(Q.Or(either))
        elif clause.kind == "exclude":
            q, _ = phrase_clause(clause.text)
            if q is not None:
                excluded.append(q)
        elif clause.kind == "filter":
            typed_filters.setdefault(clause.field or "section", []).append(clause.text)
        elif clause.kind == "date":
            requirement, subs, words = date_clause(clause, weights, with_words=with_words)
            narrowing.append(requirement)
            ranking.extend(subs)
            marks.extend(words)
    if typed_filters:
        # the filters typed in the box mean what the page's filters mean, with the same checks
        from .facets import Filters  # (facets builds on this module)

        typed = Filters.parse(typed_filters).query()
        if typed is not None:
            narrowing.append(typed)
    truncated = len(optional) + len(ranking) > MAX_TERMS
    optional = optional[:MAX_TERMS]
    ranking = ranking[:MAX_TERMS - len(optional)]
    positive: Q.Query | None
    # with words beside filters, a result must match some of the words; with a required
    # phrase, the other words only rank
    if required and optional:
        positive = Q.AndMaybe(all_of(required), Q.Or(optional))
    elif required:
        positive = all_of(required)
    elif optional:
        positive = Q.Or(optional)
    else:
        positive = None
    if ranking:
        positive = Q.AndMaybe(positive, Q.Or(ranking)) if positive is not None else Q.Or(ranking)
    if positive is None and narrowing:
        positive = Q.Every()
    if positive is not None and excluded:
        positive = Q.AndNot(positive, Q.Or(excluded))
    # narrowing stays apart from the scored query: it only decides who stays (the ranking keeps
    # the documents it allows). Inside Whoosh's And, a zero-scoring clause broke Whoosh's top-N
    # block skipping (results went missing)
    typed = _unique(word for c in parsed.clauses if c.kind in ("text", "phrase")
                    for word in topic_words(c.text, weights))
    sequence = tuple(t.text for t in analyze(parsed.positive_text).top_words())
    return Built(positive, tuple(_unique(m for m in marks if m)), truncated,
                 all_of(narrowing) if narrowing else None, tuple(typed),
                 keyword_concepts(parsed, tuple(typed), weights), sequence)
