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

from ..analysis.normalize import Normalized, normalize
from ..analysis.segment import Analysis, analyze, edges

FRAGMENT_CHARS = 180
MAX_FRAGMENTS = 3
_LATIN_WORD = re.compile(r"[a-z0-9]")


def _candidates(norm: Normalized, terms: tuple[str, ...]) -> list[list[int]]:
    """Every occurrence of a term in the normalized text as [start, end, term index, checked]
    in original offsets. English terms are checked here (whole words, or a stem and a short
    tail); Thai ones still need word or syllable boundaries at both ends (``_Regions``)."""
    text = norm.text
    found: list[list[int]] = []
    for index, term in enumerate(terms):
        term = term.strip()
        if not term:
            continue
        pattern = re.escape(term).replace(r"\ ", r"\s*")
        latin_head, latin_tail = bool(_LATIN_WORD.match(term[0])), bool(_LATIN_WORD.match(term[-1]))
        for m in re.finditer(pattern, text):
            if m.end() == m.start():
                continue
            start, end = norm.span(m.start(), m.end())
            if latin_head and m.start() > 0 and _LATIN_WORD.match(text[m.start() - 1]):
                continue
            if latin_tail and m.end() < len(text) and _LATIN_WORD.match(text[m.end()]):
                # allow English stems: "cooperat" marks "cooperation"
                tail = re.match(r"[a-z]*", text[m.end():]).group(0)
                if len(tail) > 4:
                    continue
                found.append([start, norm.span(m.start(), m.end() + len(tail))[1], index, 1])
            else:
                found.append([start, end, index, 0])
    return found


def _leftmost_longest(found: list[list[int]]) -> list[list[int]]:
    found = sorted(found, key=lambda f: (f[0], -(f[1] - f[0])))
    merged: list[list[int]] = []
    for item in found:
        if merged and item[0] < merged[-1][1]:
            continue
        merged.append(item)
    return merged


def _boundaries(analysis: Analysis) -> set[int]:
    """Where a match may start or end: word and syllable edges."""
    return {edge for t in analysis.words + analysis.syllables for edge in (t.start, t.end)}


class _Regions:
    """Word and syllable boundaries of a text, analyzed only where they are needed.

    A region is cut at whitespace, which no Thai word, syllable or English word crosses, so
    its boundaries are exactly those the whole text's analysis would give there."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.done: list[tuple[int, int, list[int], list[int], set[int]]] = []

    def _expand(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        return start, end

    def covering(self, start: int, end: int) -> tuple[int, int, list[int], list[int], set[int]] | None:
        for region in self.done:
            if region[0] <= start and end <= region[1]:
                return region
        return None

    def analyze(self, start: int, end: int) -> tuple[int, int, list[int], list[int], set[int]]:
        region = self.covering(start, end)
        if region is not None:
            return region
        r_start, r_end = self._expand(start, end)
        word_starts, word_ends, every = edges(self.text[r_start:r_end])
        region = (r_start, r_end, sorted({r_start + e for e in word_starts} | {r_start}),
                  sorted({r_start + e for e in word_ends} | {r_end}), {r_start + e for e in every})
        self.done.append(region)
        return region

    def check(self, found: list[list[int]], start: int, end: int) -> list[list[int]]:
        """``found`` with the unchecked matches inside the region around [start, end) checked."""
        r_start, r_end, _, _, boundaries = self.analyze(start, end)
        kept: list[list[int]] = []
        for item in found:
            if not item[3] and r_start <= item[0] and item[1] <= r_end:
                if item[0] not in boundaries or item[1] not in boundaries:
                    continue
                item = [item[0], item[1], item[2], 1]
            kept.append(item)
        return kept


def find_matches(analysis: Analysis, terms: tuple[str, ...]) -> list[tuple[int, int, int]]:
    """(start, end, term index) in original offsets, non-overlapping, in order."""
    boundaries = _boundaries(analysis)
    found = [f for f in _candidates(analysis.normalized, terms) if f[3] or (f[0] in boundaries and f[1] in boundaries)]
    return [(f[0], f[1], f[2]) for f in _leftmost_longest(found)]


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


def _choose(matches: list[list[int]], terms: tuple[str, ...], length: int, fragment_chars: int,
            max_fragments: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The passages to show, and the spans (window and the matches in it) the choice looked at."""
    # score a window at each match: length of the distinct terms inside, then number of matches.
    # The matches do not overlap, so both their starts and their ends ascend: the matches
    # inside a window, or touching it, are a slice found by bisection.
    starts = [m[0] for m in matches]
    ends = [m[1] for m in matches]
    windows: list[tuple[int, int, int, int, int, int]] = []  # (-distinct, -count, start, end, span)
    for m_start in starts:
        w_start = max(0, m_start - fragment_chars // 4)
        w_end = min(length, w_start + fragment_chars)
        inside = matches[bisect_left(starts, w_start):bisect_right(ends, w_end)]
        weight = sum(len(terms[t]) for t in {m[2] for m in inside})
        touching = matches[bisect_right(ends, w_start):bisect_left(starts, w_end)]
        span_start = min(w_start, touching[0][0]) if touching else w_start
        span_end = max(w_end, touching[-1][1]) if touching else w_end
        windows.append((-weight, -len(inside), w_start, w_end, span_start, span_end))
    windows.sort()
    best = -windows[0][0]
    chosen: list[tuple[int, int]] = []
    looked: list[tuple[int, int]] = []
    for neg_weight, _, w_start, w_end, span_start, span_end in windows:
        looked.append((span_start, span_end))
        if -neg_weight * 2 < best:
            break  # a passage with less than half the best one's matches adds noise
        if any(not (w_end <= c_start or w_start >= c_end) for c_start, c_end in chosen):
            continue
        chosen.append((w_start, w_end))
        if len(chosen) == max_fragments:
            break
    return sorted(chosen), looked


def make_snippet(text: str, terms: tuple[str, ...], max_fragments: int = MAX_FRAGMENTS,
                 fragment_chars: int = FRAGMENT_CHARS) -> str:
    """The best passages of ``text`` for ``terms``, marked. Only the passages weighed are
    segmented (a news article is long, a results page shows ten): candidate matches come
    from the normalized text, and a Thai one counts once the region around it confirms
    that it starts and ends on word or syllable boundaries."""
    if not text:
        return ""
    regions = _Regions(text)
    found = _candidates(normalize(text), terms) if terms else []
    while True:
        matches = _leftmost_longest(found)
        if not matches:
            break
        chosen, looked = _choose(matches, terms, len(text), fragment_chars, max_fragments)
        unsure = [(a, b) for a, b in looked
                  if any(not m[3] and m[1] > a and m[0] < b for m in matches) or regions.covering(a, b) is None]
        if not unsure:
            break
        for a, b in unsure:
            found = regions.check(found, a - 1, b + 1)
    if not matches:
        _, r_end, _, ends, _ = regions.analyze(0, fragment_chars + 1)
        end = ends[min(bisect_left(ends, fragment_chars), len(ends) - 1)]
        return html.escape(text[:end].strip()) + (" …" if text[end:].strip() else "")
    shown = [(m[0], m[1], m[2]) for m in matches]
    parts: list[str] = []
    for w_start, w_end in chosen:
        # snap to word boundaries so no word or character cluster is cut
        _, _, starts, ends, _ = regions.analyze(w_start - 1, w_end + 1)
        s = starts[max(0, bisect_right(starts, w_start) - 1)]
        e = ends[min(bisect_left(ends, w_end), len(ends) - 1)]
        fragment = _mark(text, s, e, shown).strip()
        prefix = "… " if text[:s].strip() else ""
        suffix = " …" if text[e:].strip() else ""
        parts.append(prefix + fragment + suffix)
    return " ".join(parts).replace("… …", "…")
