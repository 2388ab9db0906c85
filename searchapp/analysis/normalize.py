"""Normalization that remembers where every character came from.

The same function runs over documents and queries, so both meet in one form:
Thai digits to Arabic, full-width Latin to ASCII, Latin lowercased, zero-width
characters dropped, nikhahit + sara aa as sara am, ๆ and ฯ as separators, Thai
marks above/below a consonant in one canonical order, a repeated mark written once.
Tone marks are never dropped: ขาว, ข่าว and ข้าว stay three words.

>>> normalize("อื่นๆ ๒๕๖๗").text
'อื่น  2567'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from ..thai.chars import DIGIT_FOLD, ZERO_WIDTH

# Canonical order of stacked marks: vowels above/below first, then tone marks, then the silencer.
_MARK_RANK = {ch: 0 for ch in "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e4d"}
_MARK_RANK.update({ch: 1 for ch in "\u0e48\u0e49\u0e4a\u0e4b"})
_MARK_RANK.update({"\u0e4c": 2, "\u0e4e": 2})
_SEPARATORS = {"\u0e46": " ", "\u0e2f": " "}  # ๆ, ฯ


@dataclass(frozen=True)
class Normalized:
    text: str
    # offsets[i] = index in the original of text[i]; one extra entry = len(original)
    offsets: Sequence[int]  # a range when no character was dropped or merged

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of the normalized slice [start, end)."""
        return self.offsets[start], self.offsets[end - 1] + 1 if end > start else self.offsets[start]


def _fold_char(ch: str) -> str:
    if ch in _SEPARATORS:
        return _SEPARATORS[ch]
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:  # full-width ASCII
        ch = chr(code - 0xFEE0)
    elif code == 0x3000:
        return " "
    ch = ch.translate(DIGIT_FOLD)
    low = ch.lower()
    return low if len(low) == 1 else ch


_FOLDED: dict[str, str] = {}  # _fold_char's answers, filled as characters are met


def _emit_marks(run: list[tuple[int, str, int]], chars: list[str], offsets: list[int]) -> None:
    """Append a run of stacked marks in canonical order, each mark once, keeping its offset."""
    if len(run) == 1:  # the common case: one mark, nothing to order
        chars.append(run[0][1])
        offsets.append(run[0][2])
        return
    seen: set[str] = set()
    for _, mark, pos in sorted(run, key=lambda r: r[0]):
        if mark not in seen:
            seen.add(mark)
            chars.append(mark)
            offsets.append(pos)


# The one-to-one folds as a table (then str.lower); text that needs more than that
# (dropped or merged characters, marks to reorder, a context-dependent lowercase) takes the
# character-by-character path below. Both paths give the same result (tests/test_analysis.py).
_TABLE = {**{ord(k): v for k, v in _SEPARATORS.items()}, **DIGIT_FOLD, 0x3000: " ",
          **{c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}}


def _marks(*ranks: int) -> str:
    return "[" + "".join(ch for ch, rank in _MARK_RANK.items() if rank in ranks) + "]"


# what only the character-by-character path handles: a dropped or merged character, a mark
# repeated or out of order, a run of three marks, a context-dependent lowercase (final sigma).
# One leading character class per branch: a plain alternation is tried at every position.
_SLOW = re.compile(f"[{''.join(sorted(ZERO_WIDTH))}\u0e4d\u03a3]"
                   f"|({_marks(0, 1, 2)})(?:\\1|(?<={_marks(1)}){_marks(0)}|(?<={_marks(2)}){_marks(0, 1)}"
                   f"|{_marks(0, 1, 2)}{{2}})")
_MAPPED = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_TABLE)) + "]")
# each character the table maps, as the string it becomes (re.sub touches only those: str.translate
# with a dict looks every character of a long Thai text up)
_MAPPED_TO = {chr(code): (chr(to) if isinstance(to, int) else to) for code, to in _TABLE.items()}


def _fold_mapped(match: re.Match[str]) -> str:
    return _MAPPED_TO[match.group(0)]


# A text may be cut before any other character and each piece normalized on its own: the
# character-by-character path carries nothing from one character to the next except a run of
# marks (with zero-width characters inside) and the sara aa that may close it.
_NOT_A_CUT = frozenset(_MARK_RANK) | ZERO_WIDTH | {"\u0e32"}


def _fast(piece: str) -> str | None:
    folded = _MAPPED.sub(_fold_mapped, piece).lower()
    return folded if len(folded) == len(piece) else None  # None: a character lowercases to two


def normalize(text: str) -> Normalized:
    slow = _SLOW.search(text)
    if slow is None:
        folded = _fast(text)
        if folded is not None:
            return Normalized(folded, range(len(text) + 1))
        return _normalize_by_character(text)
    # only the stretches around what needs it go character by character (one zero-width
    # space pasted into a long article would otherwise send all of it that way)
    parts: list[str] = []
    offsets: list[int] = []
    n = len(text)
    at = 0

    def plain(start: int, end: int) -> None:
        folded = _fast(text[start:end])
        if folded is None:
            careful(start, end)
        else:
            parts.append(folded)
            offsets.extend(range(start, end))

    def careful(start: int, end: int) -> None:
        piece = _normalize_by_character(text[start:end])
        parts.append(piece.text)
        offsets.extend(start + o for o in piece.offsets[:-1])

    while slow is not None:
        start, end = slow.start(), slow.end()
        while start > at and text[start] in _NOT_A_CUT:
            start -= 1
        while end < n and text[end] in _NOT_A_CUT:
            end += 1
        if start > at:
            plain(at, start)
        careful(start, end)
        at = end
        slow = _SLOW.search(text, at)
    if at < n:
        plain(at, n)
    offsets.append(n)
    return Normalized("".join(parts), tuple(offsets))


def _normalize_by_character(text: str) -> Normalized:
    chars: list[str] = []
    offsets: list[int] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in ZERO_WIDTH:
            i += 1
            continue
        if ch == "\u0e4d" and i + 1 < n and text[i + 1] == "\u0e32":  # ํ + า = ำ
            chars.append("\u0e33")
            offsets.append(i)
            i += 2
            continue
        if ch in _MARK_RANK:
            # gather the whole run of stacked marks, sort it, drop repeats
            j = i
            run: list[tuple[int, str, int]] = []
            while j < n and (text[j] in _MARK_RANK or text[j] in ZERO_WIDTH):
                if text[j] in _MARK_RANK:
                    run.append((_MARK_RANK[text[j]], text[j], j))
                j += 1
            sara_am = j < n and text[j] == "\u0e32" and bool(run) and run[-1][1] == "\u0e4d"
            if sara_am:
                run.pop()  # ...ํา after a tone mark: the nikhahit belongs to sara am
            _emit_marks(run, chars, offsets)
            if sara_am:
                chars.append("\u0e33")
                offsets.append(j)
                j += 1
            i = j
            continue
        folded = _FOLDED.get(ch)
        if folded is None:
            folded = _fold_char(ch)
            if len(_FOLDED) < 4096:  # bounded: hostile text may use every code point
                _FOLDED[ch] = folded
        chars.append(folded)
        offsets.append(i)
        i += 1
    offsets.append(n)
    return Normalized("".join(chars), tuple(offsets))
