"""The search box's language, parsed without surprises.

Plain words (with or without spaces between them), "quoted phrases", -excluded
words, +required words or phrases, OR between alternatives, and field filters
org:, section:, source:. As in Elasticsearch's query_string with OR as the default
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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FILTER_FIELDS = {"org": "orgs", "section": "section", "source": "source", "หมวด": "section",
                 "องค์กร": "orgs", "แหล่งข่าว": "source"}
_TOKEN = re.compile(r'(?P<sign>[-+])?"(?P<phrase>[^"]*)"|(?P<word>[^\s"]+)|(?P<stray>")')
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "″": '"'})


@dataclass(frozen=True)
class Clause:
    kind: str  # text | phrase | exclude | filter
    text: str
    field: str | None = None
    alternatives: tuple[str, ...] = ()  # for "a OR b": all the texts, any may match
    required: bool = False  # a phrase every result must contain


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
    if clauses and not any(c.kind in ("text", "or") or c.required for c in clauses):
        # nothing else to rank by: the phrases are the query, so they are required
        clauses = [Clause(c.kind, c.text, c.field, c.alternatives, True) if c.kind == "phrase" else c
                   for c in clauses]
    return ParsedQuery(raw, tuple(clauses), tuple(notes))
