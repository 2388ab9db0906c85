"""The search box's language, parsed without surprises.

Plain words (with or without spaces between them), "quoted phrases", -excluded
words, +required words or phrases, OR between alternatives, and field filters
org:, section:, source:, year:, from:, to: (as the page's filters), and periods of time (2562, พ.ศ. 2562, มี.ค. 2567, 2560..2562; see
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

# a filter's name as typed -> the page's filter it is (the argument facets.Filters.parse takes)
FILTER_FIELDS = {"org": "org", "section": "section", "source": "source", "year": "year", "from": "from",
                 "to": "to", "หมวด": "section", "องค์กร": "org", "แหล่งข่าว": "source", "ปี": "year",
                 "ตั้งแต่": "from", "ถึง": "to"}
_TOKEN = re.compile(r'(?P<sign>[-+])?"(?P<phrase>[^"]*)"|(?P<word>[^\s"]+)|(?P<stray>")')
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "″": '"'})


@dataclass(frozen=True)
class Clause:
    kind: str  # text | phrase | exclude | filter | or | date
    text: str
    field: str | None = None  # for a filter: which (FILTER_FIELDS' values)
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
    clauses = _clauses(residual, notes)
    if any(c.kind in ("text", "phrase", "or") for c in clauses):
        # a year or month among words stays in the words too (it is ranked like any word,
        # and cutting it out would change how the rest is segmented); a range is syntax
        if any(d.period.kind != "range" for d in dates):
            clauses = _clauses(_take_periods(text, only_ranges=True)[0], notes)
            dates = [d if d.period.kind == "range" else replace(d, in_text=True) for d in dates]
    clauses.extend(dates)
    if clauses and not any(c.kind in ("text", "or") or c.required for c in clauses):
        # nothing else to rank by: the phrases are the query, so they are required
        clauses = [replace(c, required=True) if c.kind == "phrase" else c for c in clauses]
    return ParsedQuery(raw, tuple(clauses), tuple(notes))


def _clauses(text: str, notes: list[str]) -> list[Clause]:
    """Words, phrases, exclusions, OR groups and filters, in order."""
    clauses: list[Clause] = []
    pending_or = False
    pending_field: tuple[str, str] | None = None  # a filter's name with its value still to come: (name, field)
    for m in _TOKEN.finditer(text):
        if m.group("stray"):
            continue
        body = None if m.group("phrase") is None else " ".join(m.group("phrase").split())
        if pending_field is not None:
            # "org: ASEAN" and org:"United Nations": the value is the next word or phrase
            name, field_name = pending_field
            pending_field = None
            value = m.group("word") if body is None else body
            if value and not m.group("sign") and value[0] not in "-+" and ":" not in value:
                clauses.append(Clause("filter", value.replace("_", " "), field=field_name))
                continue
            _empty_filter(name, clauses, notes)
        if body is not None:
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
                elif name.lower() in FILTER_FIELDS and not value:
                    pending_field = (name, FILTER_FIELDS[name.lower()])
                    continue
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
    if pending_field is not None:
        _empty_filter(pending_field[0], clauses, notes)
    return clauses


def _empty_filter(name: str, clauses: list[Clause], notes: list[str]) -> None:
    """``org:`` with no value after it: searched as the plain word, with a note saying so."""
    note = f"{name}: ไม่มีค่าตามหลัง จึงค้นเป็นคำธรรมดา (nothing after {name}:, read as a plain word; e.g. org:ASEAN)"
    if note not in notes:
        notes.append(note)
    if clauses and clauses[-1].kind == "text":
        clauses[-1] = Clause("text", clauses[-1].text + " " + name)
    else:
        clauses.append(Clause("text", name))


def _filter_value_at(text: str, start: int) -> bool:
    """Whether ``start`` falls in a filter's value: inside a name:value word, or just after a filter's
    name and colon written apart from its value."""
    token = re.search(r'[^\s"]*$', text[:start]).group(0)  # the word so far
    if ":" in token:
        return True
    previous = text[:start - len(token)].rstrip().rsplit(None, 1)
    return not token and bool(previous) and previous[-1].endswith(":") and previous[-1][:-1].lower() in FILTER_FIELDS


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
        if before in "-+" or _filter_value_at(text, period.start) or (only_ranges and period.kind != "range"):
            continue  # -2562 excludes the number; org:2562, from:1_มี.ค._2567 and "to: 2566" are filter values
        kept.append(text[at:period.start] + " ")
        at = period.end
        clauses.append(Clause("date", text[period.start:period.end].strip(), period=period))
    kept.append(text[at:])
    return "".join(kept), clauses
