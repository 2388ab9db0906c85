"""Highlighted snippets: the best passages of a text with the query's words marked.

Matches are found in the normalized text (so ๒๕๖๒ marks 2562 and a word inside a
compound is marked on its own), must start and end on syllable or word boundaries
(never inside a character cluster), and are mapped back to exact original offsets.
Fragments are cut on word boundaries. The result is HTML-safe: everything but our
own <mark> tags is escaped.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right

from ..analysis.segment import Analysis, analyze

FRAGMENT_CHARS = 180
MAX_FRAGMENTS = 3
_LATIN_WORD = re.compile(r"[a-z0-9]")


def find_matches(analysis: Analysis, terms: tuple[str, ...]) -> list[tuple[int, int, int]]:
    """(start, end, term index) in original offsets, non-overlapping, in order."""
    norm = analysis.normalized
    text = norm.text
    boundaries = {t.start for t in analysis.words} | {t.end for t in analysis.words}
    boundaries |= {t.start for t in analysis.syllables} | {t.end for t in analysis.syllables}
    found: list[tuple[int, int, int]] = []
    for index, term in enumerate(terms):
        term = term.strip()
        if not term:
            continue
        pattern = re.escape(term).replace(r"\ ", r"\s*")
        for m in re.finditer(pattern, text):
            if m.end() == m.start():
                continue
            start, end = norm.span(m.start(), m.end())
            if _LATIN_WORD.match(term[0]) and m.start() > 0 and _LATIN_WORD.match(text[m.start() - 1]):
                continue
            if _LATIN_WORD.match(term[-1]) and m.end() < len(text) and _LATIN_WORD.match(text[m.end()]):
                # allow English stems: "cooperat" marks "cooperation"
                tail = re.match(r"[a-z]*", text[m.end():]).group(0)
                if len(tail) > 4:
                    continue
                end = norm.span(m.start(), m.end() + len(tail))[1]
            elif start not in boundaries or end not in boundaries:
                continue
            found.append((start, end, index))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    merged: list[tuple[int, int, int]] = []
    for item in found:
        if merged and item[0] < merged[-1][1]:
            continue
        merged.append(item)
    return merged


def _mark(text: str, start: int, end: int, matches: list[tuple[int, int, int]]) -> str:
    out: list[str] = []
    at = start
    for m_start, m_end, _ in matches:
        if m_end <= start or m_start >= end:
            continue
        m_start, m_end = max(m_start, start), min(m_end, end)
        out.append(html.escape(text[at:m_start]))
        out.append("<mark>" + html.escape(text[m_start:m_end]) + "</mark>")
        at = m_end
    out.append(html.escape(text[at:end]))
    return "".join(out)


def highlight_all(text: str, terms: tuple[str, ...]) -> str:
    """The whole text, escaped, with every match marked (for the article page)."""
    analysis = analyze(text)
    return _mark(text, 0, len(text), find_matches(analysis, terms))


def make_snippet(text: str, terms: tuple[str, ...], max_fragments: int = MAX_FRAGMENTS,
                 fragment_chars: int = FRAGMENT_CHARS) -> str:
    if not text:
        return ""
    analysis = analyze(text)
    starts = sorted({t.start for t in analysis.words} | {0})
    ends = sorted({t.end for t in analysis.words} | {len(text)})
    matches = find_matches(analysis, terms) if terms else []
    if not matches:
        end = ends[min(bisect_left(ends, fragment_chars), len(ends) - 1)]
        return html.escape(text[:end].strip()) + (" …" if end < len(text) else "")
    # score a window at each match: length of the distinct terms inside, then number of matches
    windows: list[tuple[int, int, int, int]] = []  # (-distinct, -count, start, end)
    for i, (m_start, m_end, _) in enumerate(matches):
        lead = fragment_chars // 4
        w_start = max(0, m_start - lead)
        w_end = min(len(text), w_start + fragment_chars)
        inside = [m for m in matches if m[0] >= w_start and m[1] <= w_end]
        weight = sum(len(terms[t]) for t in {m[2] for m in inside})
        windows.append((-weight, -len(inside), w_start, w_end))
    windows.sort()
    best = -windows[0][0]
    chosen: list[tuple[int, int]] = []
    for neg_weight, _, w_start, w_end in windows:
        if -neg_weight * 2 < best:
            break  # a passage with less than half the best one's matches adds noise
        if any(not (w_end <= c_start or w_start >= c_end) for c_start, c_end in chosen):
            continue
        chosen.append((w_start, w_end))
        if len(chosen) == max_fragments:
            break
    chosen.sort()
    parts: list[str] = []
    for w_start, w_end in chosen:
        # snap to word boundaries so no word or character cluster is cut
        s = starts[max(0, bisect_right(starts, w_start) - 1)]
        e = ends[min(bisect_left(ends, w_end), len(ends) - 1)]
        fragment = _mark(text, s, e, matches).strip()
        prefix = "… " if s > 0 else ""
        suffix = " …" if e < len(text) else ""
        parts.append(prefix + fragment + suffix)
    return " ".join(parts).replace("… …", "…")
