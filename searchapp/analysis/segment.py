"""Segmentation: Thai runs by nlpo3 over PyThaiNLP's word list plus ours; Latin and numbers by rule.

Every token keeps exact character offsets into the original (un-normalized) text.
Three token streams come from one pass:

- words: dictionary words (Latin words Porter-stemmed), and for a long compound also
  the dictionary words inside it (กระทรวงการต่างประเทศ -> กระทรวง, การ, ต่างประเทศ, ...);
- syllables: Thai syllables over each whole Thai run, independent of word boundaries
  (snippets cut on them; the index keeps them only as bigrams);
- bigrams: adjacent syllable pairs with positions, which meet a query cut differently from
  the document and match far more precisely than single syllables.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple, Sequence

from ..config import pythainlp_file
from .normalize import Normalized, normalize

log = logging.getLogger(__name__)

_THAI_RUN = re.compile(r"[\u0e01-\u0e3a\u0e40-\u0e4e]+")
_LATIN = re.compile(r"(?:[a-z]\.){2,}(?![a-z])|[a-z0-9]+(?:[.,][0-9]+)*|[a-z0-9\u00c0-\u024f]+")
_DICT_WORDS = "searchapp-words"
_DICT_SYLLABLES = "searchapp-syllables"


class Token(NamedTuple):  # a tuple: documents make hundreds of thousands of these
    text: str  # normalized form, what the index stores
    start: int  # offsets into the original text
    end: int
    pos: int  # position in the word stream (compound parts share their compound's position)


@dataclass(frozen=True)
class Analysis:
    normalized: Normalized
    # (text, normalized start, normalized end, position) of each word and compound part: indexing
    # reads text and position; word tokens with original offsets are made when something asks
    word_spans: tuple[tuple[str, int, int, int], ...]
    # the syllables of each Thai run: (its start in the normalized text, its syllables); indexing
    # needs only their bigrams, so syllable tokens are made when something asks for them
    syllable_runs: tuple[tuple[int, Sequence[str]], ...]
    bigrams: tuple[str, ...]

    @cached_property
    def words(self) -> tuple[Token, ...]:
        span = self.normalized.span
        return tuple(Token(text, *span(start, end), pos) for text, start, end, pos in self.word_spans)

    @cached_property
    def syllables(self) -> tuple[Token, ...]:
        offsets = self.normalized.offsets
        syllables: list[Token] = []
        for at, pieces in self.syllable_runs:
            for piece in pieces:
                syllables.append(Token(piece, offsets[at], offsets[at + len(piece) - 1] + 1, len(syllables)))
                at += len(piece)
        return tuple(syllables)

    def top_words(self) -> list[Token]:
        """The word stream without compound parts: the first token at each position."""
        seen: set[int] = set()
        return [t for t in self.words if not (t.pos in seen or seen.add(t.pos))]


@lru_cache(maxsize=1)
def _dictionaries() -> frozenset[str]:
    """Load nlpo3's two dictionaries once per process; returns the word set (for decompounding)."""
    import nlpo3

    words = set(pythainlp_file("words_th.txt").read_text("utf-8").split("\n"))
    ours = resources.files("searchapp.analysis").joinpath("data/words.txt").read_text("utf-8")
    words.update(line.strip() for line in ours.split("\n") if line.strip() and not line.startswith("#"))
    words.discard("")
    syllables = pythainlp_file("syllables_th.txt").read_text("utf-8").split("\n")
    for name, lines in ((_DICT_WORDS, sorted(words)), (_DICT_SYLLABLES, [s for s in syllables if s.strip()])):
        message, ok = _load_dictionary(nlpo3, name, "\n".join(lines))
        if not ok and "already" not in message.lower():
            raise RuntimeError(f"nlpo3 could not load {name}: {message}")
    return frozenset(words)


def _load_dictionary(nlpo3, name: str, text: str) -> tuple[str, bool]:
    """Give nlpo3 a dictionary, which it reads from a file. On Linux the file is unnamed (already
    unlinked, read through /proc/self/fd), so a process killed while loading, as servers and
    build workers can be at any moment, leaves nothing behind. nlpo3.load_dict resolves the
    path it is given (to the deleted file's old name), so that file goes to its backend."""
    backend = getattr(getattr(nlpo3, "_nlpo3_python_backend", None), "load_dict", None)
    if backend is not None and os.path.isdir("/proc/self/fd"):
        with tempfile.TemporaryFile("w+", encoding="utf-8", prefix="searchapp-dict-") as handle:
            handle.write(text)
            handle.flush()
            return backend(f"/proc/self/fd/{handle.fileno()}", name)
    with tempfile.TemporaryDirectory(prefix="searchapp-dict-") as tmp:
        path = Path(tmp, "dictionary.txt")
        path.write_text(text, "utf-8")
        return nlpo3.load_dict(str(path), name)


def _cut(text: str, dictionary: str) -> list[str] | tuple[str, ...]:
    if len(text) <= _SHORT_RUN:
        return _cut_short(text, dictionary)
    import nlpo3

    return nlpo3.segment(text, dictionary, True)


# Thai runs between spaces are often short and the same ones come back in every article
# (เมื่อวันที่, กล่าวว่า): their cuts are remembered, which halves the calls into nlpo3
_SHORT_RUN = 16


@lru_cache(maxsize=50_000)
def _cut_short(text: str, dictionary: str) -> tuple[str, ...]:
    import nlpo3

    return tuple(nlpo3.segment(text, dictionary, True))


@lru_cache(maxsize=50_000)
def _stem(word: str) -> str:
    from whoosh.lang.porter import stem

    return stem(word) if len(word) > 3 and word.isalpha() else word


@lru_cache(maxsize=200_000)
def _decompound(word: str) -> tuple[str, ...]:
    """Dictionary words inside a compound, found over its syllables (longest first, left to right)."""
    words = _dictionaries()
    syllables = _cut(word, _DICT_SYLLABLES)
    if len(syllables) < 3:
        return ()
    parts: list[str] = []
    i = 0
    n = len(syllables)
    while i < n:
        for j in range(n if i else n - 1, i, -1):
            piece = "".join(syllables[i:j])
            if piece in words or j == i + 1:
                if j - i > 1 or len(piece) > 2:
                    parts.append(piece)
                i = j
                break
    if len(parts) < 2:
        return ()
    nested: list[str] = []
    for part in parts:
        nested.append(part)
        nested.extend(_decompound(part))
    return tuple(dict.fromkeys(nested))


def _runs(text: str) -> list[tuple[int, int, bool]]:
    """The Thai runs and the Latin words or numbers of normalized ``text``, in order: (start, end, is Thai)."""
    spans = [(m.start(), m.end(), True) for m in _THAI_RUN.finditer(text)]
    spans.extend((m.start(), m.end(), False) for m in _LATIN.finditer(text))
    spans.sort()
    kept: list[tuple[int, int, bool]] = []
    last_end = -1
    for span in spans:
        if span[0] >= last_end:
            kept.append(span)
            last_end = span[1]
    return kept


def analyze_normalized(norm: Normalized) -> Analysis:
    _dictionaries()
    text = norm.text
    words: list[tuple[str, int, int, int]] = []
    syllable_runs: list[tuple[int, Sequence[str]]] = []
    bigrams: list[str] = []
    pos = 0
    for start, end, thai in _runs(text):
        if not thai:
            raw = text[start:end]
            word = raw.replace(".", "") if re.fullmatch(r"(?:[a-z]\.){2,}", raw) else raw.replace(",", "")
            words.append((_stem(word), start, end, pos))
            pos += 1
            continue
        # hot loop (every token of every document): plain tuples, no helper calls
        run = text[start:end]
        at = start
        for piece in _cut(run, _DICT_WORDS):
            stop = at + len(piece)
            words.append((piece, at, stop, pos))
            if len(piece) > 5:  # shorter words have fewer than three syllables: no parts
                for part in _decompound(piece):
                    words.append((part, at, stop, pos))
            at = stop
            pos += 1
        pieces = _cut(run, _DICT_SYLLABLES)
        syllable_runs.append((start, pieces))
        bigrams.extend([a + "_" + b for a, b in zip(pieces, pieces[1:])])
    return Analysis(norm, tuple(words), tuple(syllable_runs), tuple(bigrams))


@lru_cache(maxsize=16)
def analyze(text: str) -> Analysis:
    """Normalize and segment ``text`` once; the three index fields read from the result.

    >>> [t.text for t in analyze("กระทรวงการต่างประเทศ").words]
    ['กระทรวงการต่างประเทศ', 'กระทรวง', 'การต่างประเทศ', 'การ', 'ต่างประเทศ', 'ต่าง', 'ประเทศ']
    """
    return analyze_normalized(normalize(text))


def edges(text: str) -> tuple[list[int], list[int], set[int]]:
    """Where the words of ``text`` start and end, and every word or syllable edge, in original
    offsets: the same places ``analyze`` gives (compound parts start and end with their
    compound), without building its tokens (snippets need only these).

    >>> edges("ข่าวอาเซียน ASEAN")
    ([0, 4, 12], [4, 11, 17], {0, 4, 6, 11, 12, 17})
    """
    _dictionaries()
    norm = normalize(text)
    normalized, offsets = norm.text, norm.offsets
    starts: list[int] = []
    ends: list[int] = []
    every: set[int] = set()
    for start, end, thai in _runs(normalized):
        if not thai:
            o_start, o_end = norm.span(start, end)
            starts.append(o_start)
            ends.append(o_end)
            continue
        run = normalized[start:end]
        at = start
        for piece in _cut(run, _DICT_WORDS):
            starts.append(offsets[at])
            at += len(piece)
            ends.append(offsets[at - 1] + 1)
        at = start
        for piece in _cut(run, _DICT_SYLLABLES):
            every.add(offsets[at])
            at += len(piece)
            every.add(offsets[at - 1] + 1)
    every.update(starts)
    every.update(ends)
    return starts, ends, every


def cut_words(text: str) -> list[str]:
    """nlpo3's dictionary cut of ``text`` as given (no normalization, no compound parts):
    for callers that need only the word boundaries."""
    _dictionaries()
    return list(_cut(text, _DICT_WORDS))


def cut_syllables(text: str) -> list[str]:
    """nlpo3's syllable cut of ``text`` as given (for matching abbreviations to the names they shorten)."""
    _dictionaries()
    return list(_cut(text, _DICT_SYLLABLES))


def is_word(text: str) -> bool:
    """Whether ``text`` (normalized) is in the segmentation dictionary (PyThaiNLP's + ours)."""
    return text in _dictionaries()
