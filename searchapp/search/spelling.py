"""Did-you-mean and autocompletion, from the words the index actually holds.

A word is suspect when no article has it, or when it is neither a dictionary word nor
common in the archive. Each suspect word (for Thai: together with up to two neighbours,
since a misspelled word is often cut into fragments, as กระทรวงการตางประเทศ) is compared
with the index's words one edit away (a missing, extra, wrong or swapped character, which
covers a missing or wrong tone mark) and replaced by the most common of them when that is
clearly more common. The search service offers the result only when it finds clearly more.

Completions extend the end of what was typed to the index's most common words starting
with it; for Thai typed without spaces, the longest tail that starts some word is used.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..analysis.normalize import normalize
from ..analysis.segment import analyze, is_word

FIELD = "body"
MAX_SPAN = 4  # tokens joined when looking for the word a misspelling was cut from
MAX_CHECKS = 24  # bounds the work for a long query
_THAI = re.compile(r"[\u0e01-\u0e4e]")
_LATIN = re.compile(r"^[a-z]+$")
# characters that cannot begin a Thai syllable: a tail starting with one is not a word start
_NON_INITIAL = set("\u0e30\u0e31\u0e32\u0e33\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e45\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (insert, delete, replace, swap neighbours), or
    ``limit + 1`` as soon as it must exceed ``limit``.

    >>> edit_distance("ตางประเทศ", "ต่างประเทศ", 2), edit_distance("ขาว", "ข้าว", 2)
    (1, 1)
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if (before is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2]
                    and a[i - 2] == b[j - 1]):
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]


def respelled(text: str, replacements: list[tuple[int, int, str]]) -> str | None:
    """``text`` with the spans of ``replacements`` (``Vocabulary.respellings``) put in, or None
    when there are none."""
    if not replacements:
        return None
    out: list[str] = []
    at = 0
    for start, end, word in replacements:
        out.append(text[at:start])
        out.append(word)
        at = end
    out.append(text[at:])
    return "".join(out)


class Vocabulary:
    """The words of the body field with their document frequencies, read once per index
    generation, then used without touching the reader.

    Each segment's term table is read in turn and the counts added up: a reader of several
    segments (each update adds one) would look every word up in every segment to merge them,
    about five times slower (10,000 articles in three segments: 2.1 s against 0.4 s)."""

    def __init__(self, reader) -> None:
        frequency: dict[bytes | str, int] = {}
        get = frequency.get
        for segment, _ in reader.leaf_readers():
            for term, info in segment.iter_field(FIELD):
                frequency[term] = get(term, 0) + info.doc_frequency()
        self.frequency: dict[str, int] = {
            (term.decode("utf-8") if isinstance(term, bytes) else term): count for term, count in frequency.items()}
        self.sorted = sorted(self.frequency)
        self._buckets: dict[tuple[str, int], list[str]] = {}
        for word in self.sorted:
            self._buckets.setdefault((word[:1], len(word)), []).append(word)
        # per first letter, the letters of the words starting with it: a word one edit away
        # shares its first letter with the one typed, so no other letter can make one (for a
        # Thai word this leaves out the Latin letters and digits: at most 64 letters instead of 108 at 100k)
        letters: dict[str, set[str]] = {}
        for word in self.sorted:
            letters.setdefault(word[:1], set()).update(word)
        self._letters = {first: sorted(found) for first, found in letters.items()}

    def _one_edit_away(self, word: str) -> set[str]:
        """Every string one edit from ``word`` (a character missing, added, replaced, or two
        neighbours swapped) made of the letters of the vocabulary's words with ``word``'s first
        letter, and starting with it."""
        letters = self._letters.get(word[:1])
        if letters is None:
            return set()
        found: set[str] = set()
        for i in range(len(word) + 1):
            head, tail = word[:i], word[i:]
            if tail:
                found.add(head + tail[1:])
                found.update(head + c + tail[1:] for c in letters)
                if len(tail) > 1:
                    found.add(head + tail[1] + tail[0] + tail[2:])
            found.update(head + c + tail for c in letters)
        found.discard(word)
        return {w for w in found if w[:1] == word[:1]}

    def closest(self, word: str, limit: int) -> tuple[str, int] | None:
        """The most common word within ``limit`` edits of ``word`` that shares its first letter
        (of equally common ones, the shortest, then the first in order)."""
        if limit == 1:
            # look the few thousand strings one edit away up, rather than measuring the distance
            # to every word of about the same length (at 100,000 articles: 10-20 ms a query)
            near = [(w, self.frequency[w]) for w in self._one_edit_away(word) if w in self.frequency]
            if not near:
                return None
            return min(near, key=lambda item: (-item[1], len(item[0]), item[0]))
        best: tuple[int, str] | None = None
        for length in range(len(word) - limit, len(word) + limit + 1):
            for candidate in self._buckets.get((word[:1], length), ()):
                if candidate != word and edit_distance(word, candidate, limit) <= limit:
                    freq = self.frequency[candidate]
                    if best is None or freq > best[0]:
                        best = (freq, candidate)
        return (best[1], best[0]) if best else None

    def starting_with(self, prefix: str) -> list[str]:
        at = bisect_left(self.sorted, prefix)
        found: list[str] = []
        while at < len(self.sorted) and self.sorted[at].startswith(prefix):
            found.append(self.sorted[at])
            at += 1
        return found

    def suspect(self, word: str) -> bool:
        """A word worth respelling: no article has it, or it is neither a dictionary word
        nor common here."""
        if len(word) < 2 or word.isdigit():
            return False
        freq = self.frequency.get(word, 0)
        if freq == 0:
            return True
        if _THAI.match(word):
            return not is_word(word) and freq < 3
        return freq < 2

    def did_you_mean(self, text: str) -> str | None:
        """``text`` with its suspect words respelled, or None when nothing clearly better is known."""
        return respelled(text, self.respellings(text))

    def respellings(self, text: str) -> list[tuple[int, int, str]]:
        """The spans of ``text`` (start, end) that ``did_you_mean`` respells, each with its respelling."""
        words = analyze(text).top_words()  # no compound parts
        replacements: list[tuple[int, int, str]] = []  # spans in ``text``
        used_until = -1
        checked = 0
        for i in range(len(words)):
            if i <= used_until:
                continue
            best: tuple[int, int, str] | None = None  # (freq, last, word)
            for last in range(i, min(len(words), i + MAX_SPAN)):
                pieces = words[i:last + 1]
                if last > i and pieces[-2].end != pieces[-1].start:
                    break  # a space: the next word is a separate word
                joined = "".join(p.text for p in pieces)
                own = self.frequency.get(joined, 0)
                if (last == i and not self.suspect(joined)) or (last > i and own >= 3):
                    continue
                checked += 1
                if checked > MAX_CHECKS:
                    break
                limit = 1 if len(joined) < 8 or _THAI.match(joined) else 2
                found = self.closest(joined, limit)
                if found and found[1] >= 3 and found[1] >= 3 * (own + 1) and (best is None or found[1] > best[0]):
                    best = (found[1], last, found[0])
            if best is not None:
                start, end, word = words[i].start, words[best[1]].end, best[2]
                typed = text[start:end].lower()
                if _LATIN.match(typed) and typed.startswith(words[i].text):
                    # English words are indexed as stems: put the typed ending back
                    # (comunity -> stem comun -> commun -> community)
                    word += typed[len(words[i].text):]
                replacements.append((start, end, word))
                used_until = best[1]
        return replacements

    def completions(self, typed: str, limit: int = 8) -> list[str]:
        """Whole queries that extend ``typed`` with the index's most common words.

        The tail after the last space is completed; when it is Thai without spaces, the
        longest ending of it that begins some indexed word is the part completed.

        The typed text is normalized first (so Thai digits and letter case do not matter).
        """
        text = normalize(typed).text
        if not text.strip() or text.endswith(" "):
            return []
        head, _, tail = text.rpartition(" ")
        for cut in range(len(tail)):
            part = tail[cut:]
            if part[0] in _NON_INITIAL or (cut and _LATIN.match(tail[cut - 1:cut + 1])):
                continue
            found = [w for w in self.starting_with(part) if len(w) > len(part)]
            if found:
                found.sort(key=lambda w: (-self.frequency[w], w))
                prefix = (head + " " if head else "") + tail[:cut]
                return [prefix + word for word in found[:limit]]
        return []
