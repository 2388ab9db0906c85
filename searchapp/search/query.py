"""The search box's language, parsed without surprises.

Plain words (with or without spaces between them), "quoted phrases", -excluded
words, +required words or phrases, OR between alternatives, and field filters
org:, section:, source:, and periods of time (2562, พ.ศ. 2562, มี.ค. 2567, 2560..2562; see
thai/periods.py). As in Elasticsearch's query_string with OR as the default
operator, a phrase next to plain words is preferred (articles with it rank first),
not required: Thai headlines quote names and coined words as typography, and a
required phrase would hide the article that spells them another way. A query made
only of phrases, or a phrase with a leading +, requires it.
A ``?`` or ``*`` is just a character, never a wildcard. Anything that does not
parse as syntax is read as plain words, with a note saying so.

>>> [(c.kind, c.required) for c in parse_query('อาเซียน "ทะเลจีนใต้" -จีน org:ASEAN').clauses]
[('text', False), ('phrase', False), ('exclude', False), ('filter', False)]
>>> [(c.kind, c.required) for c in parse_query('"ทะเลจีนใต้"').clauses]
[('phrase', True)]
>>> [(c.kind, c.text, c.period.kind) for c in parse_query('อาเซียน มี.ค. 2567').clauses if c.period]
[('date', 'มี.ค. 2567', 'month')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..thai.periods import Period, find_periods

FILTER_FIELDS = {"org": "orgs", "section": "section", "source": "source", "หมวด": "section",
                 "องค์กร": "orgs", "แหล่งข่าว": "source"}
_TOKEN = re.compile(r'(?P<sign>[-+])?"(?P<phrase>[^"]*)"|(?P<word>[^\s"]+)|(?P<stray>")')
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "″": '"'})


@dataclass(frozen=True)
class Clause:
    kind: str  # text | phrase | exclude | filter | or | date
    text: str
    field: str | None = None
    alternatives: tuple[str, ...] = ()  # for "a OR b": all the texts, any may match
    required: bool = False  # a phrase every result must contain
    period: Period | None = None  # for a date: the days it covers
    in_text: bool = False  # for a date: its words are also part of a text clause


@dataclass(frozen=True)
class ParsedQuery:
    raw: str
    clauses: tuple[Clause, ...]
    notes: tuple[str, ...] = field(default=())

    @property
    def positive_text(self) -> str:
        return " ".join(c.text for c in self.clauses if c.kind in ("text", "phrase"))


def parse_query(raw: str) -> ParsedQuery:
    text = raw.translate(_QUOTES)
    notes: list[str] = []
    if text.count('"') % 2:
        notes.append("เครื่องหมายคำพูดไม่ครบคู่ จึงค้นเป็นคำธรรมดา (unbalanced quote read as plain words)")
        text = text.replace('"', " ")
    residual, dates = _take_periods(text)
    clauses = _clauses(residual)
    if any(c.kind in ("text", "phrase", "or") for c in clauses):
        # a year or month among words stays in the words too (it is ranked like any word,
        # and cutting it out would change how the rest is segmented); a range is syntax
        if any(d.period.kind != "range" for d in dates):
            clauses = _clauses(_take_periods(text, only_ranges=True)[0])
            dates = [d if d.period.kind == "range" else replace(d, in_text=True) for d in dates]
    clauses.extend(dates)
    if clauses and not any(c.kind in ("text", "or") or c.required for c in clauses):
        # nothing else to rank by: the phrases are the query, so they are required
        clauses = [replace(c, required=True) if c.kind == "phrase" else c for c in clauses]
    return ParsedQuery(raw, tuple(clauses), tuple(notes))


def _clauses(text: str) -> list[Clause]:
    """Words, phrases, exclusions, OR groups and filters, in order."""
    clauses: list[Clause] = []
    pending_or = False
    for m in _TOKEN.finditer(text):
        if m.group("stray"):
            continue
        if m.group("phrase") is not None:
            body = " ".join(m.group("phrase").split())
            if not body:
                continue
            sign = m.group("sign")
            clause = Clause("exclude", body) if sign == "-" else Clause("phrase", body, required=sign == "+")
        else:
            word = m.group("word")
            if word == "OR":
                pending_or = bool(clauses) and clauses[-1].kind in ("text", "phrase")
                continue
            if word.startswith("-") and len(word) > 1 and word[1] not in "-":
                clause = Clause("exclude", word[1:])
            elif word.startswith("+") and len(word) > 1 and word[1] not in "+":
                clause = Clause("phrase", word[1:], required=True)
            elif ":" in word and not word.startswith(("http:", "https:")):
                name, _, value = word.partition(":")
                if name.lower() in FILTER_FIELDS and value:
                    clause = Clause("filter", value.replace("_", " "), field=FILTER_FIELDS[name.lower()])
                else:
                    clause = Clause("text", word)
            else:
                clause = Clause("text", word)
        if pending_or and clause.kind in ("text", "phrase") and clauses:
            previous = clauses.pop()
            alternatives = previous.alternatives or (previous.text,)
            clauses.append(Clause("or", previous.text, alternatives=alternatives + (clause.text,)))
            pending_or = False
            continue
        pending_or = False
        if clause.kind == "text" and clauses and clauses[-1].kind == "text":
            # neighbouring plain words are one run of text: segmentation decides the words
            clauses[-1] = Clause("text", clauses[-1].text + " " + clause.text)
        else:
            clauses.append(clause)
    return clauses


def _take_periods(text: str, only_ranges: bool = False) -> tuple[str, list[Clause]]:
    """Cut the periods of time out of the unquoted text (2562, มี.ค. 2567, 2560..2562)."""
    quoted = [m.span() for m in re.finditer(r'"[^"]*"', text)]
    clauses: list[Clause] = []
    kept: list[str] = []
    at = 0
    for period in find_periods(text):
        if any(s <= period.start < e for s, e in quoted):
            continue
        before = text[period.start - 1] if period.start else " "
        if before in "-+:" or (only_ranges and period.kind != "range"):
            continue  # -2562 excludes the number; org:2562 is a filter value
        kept.append(text[at:period.start] + " ")
        at = period.end
        clauses.append(Clause("date", text[period.start:period.end].strip(), period=period))
    kept.append(text[at:])
    return "".join(kept), clauses
