"""Whoosh tokenizers over our analysis. Module-level classes: Whoosh pickles the schema."""

from __future__ import annotations

import pickle
from functools import lru_cache
from itertools import accumulate
from typing import Iterator

from whoosh.analysis import Token as WhooshToken
from whoosh.analysis import Tokenizer
from whoosh.formats import Positions
from whoosh.system import _INT_SIZE  # the size of the position count before the pickled gaps

from .segment import analyze


class _ThaiTokenizer(Tokenizer):
    """Base: one analysis of the text (cached), read by every field that needs it."""

    def __eq__(self, other: object) -> bool:
        return other.__class__ is self.__class__

    def __hash__(self) -> int:
        return hash(self.__class__.__name__)

    def _tokens(self, value: str) -> Iterator[tuple[str, int, int, int]]:
        raise NotImplementedError

    def positions(self, value: str) -> Iterator[tuple[str, int]]:
        """(text, position) of each token: what an index posting needs, without a Token object."""
        for text, pos, _, _ in self._tokens(value):
            yield text, pos

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        t = WhooshToken(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            t.original = t.text = value
            t.boost = 1.0
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar, t.endchar = start_char, start_char + len(value)
            yield t
            return
        for text, pos, start, end in self._tokens(value):
            t.text = text
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = value[start:end]
            if positions:
                t.pos = start_pos + pos
            if chars:
                t.startchar, t.endchar = start_char + start, start_char + end
            yield t


class ThaiWordTokenizer(_ThaiTokenizer):
    """Dictionary words, with compound parts at their compound's position."""

    def _tokens(self, value: str):
        for tok in analyze(value).words:
            yield tok.text, tok.pos, tok.start, tok.end

    def positions(self, value: str):
        return ((text, pos) for text, _, _, pos in analyze(value).word_spans)


LEAD_CHARS = 500


class ThaiLeadTokenizer(_ThaiTokenizer):
    """The words of the opening ~500 characters: a news lead (or an encyclopedia entry's first
    sentences) says what the whole text is about, so a match there counts extra."""

    def _tokens(self, value: str):
        analysis = analyze(value)
        span = analysis.normalized.span
        for text, start, end, pos in analysis.word_spans:  # no tokens made for the rest of the text
            o_start, o_end = span(start, end)
            if o_start >= LEAD_CHARS:
                break
            yield text, pos, o_start, o_end


class ThaiBigramTokenizer(_ThaiTokenizer):
    """Adjacent syllable pairs with their positions (phrases across word cuts); no offsets."""

    def _tokens(self, value: str):
        for n, gram in enumerate(analyze(value).bigrams):
            yield gram, n, 0, 0

    def positions(self, value: str):
        return ((gram, n) for n, gram in enumerate(analyze(value).bigrams))


class TermPositions(Positions):
    """Whoosh's Positions format, the same bytes written and read, with a document's postings
    gathered straight from our tokenizers' (text, position) pairs: Whoosh's own way makes a Token
    per word and keeps a weight per term apart (every boost is 1 here). Module-level: Whoosh
    pickles the format with the schema."""

    def word_values(self, value, analyzer, **kwargs):
        if not isinstance(analyzer, _ThaiTokenizer):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        poses: dict[str, list[int]] = {}
        for text, pos in analyzer.positions(value):
            found = poses.get(text)
            if found is None:
                poses[text] = [pos]
            else:
                found.append(pos)
        boost = self.field_boost
        encode = self.encode
        for text, found in poses.items():
            # most terms stand once in a document: their encoding is looked up, not made again
            yield text, len(found), len(found) * boost, _one_position(found[0]) if len(found) == 1 else encode(found)

    def decode_positions(self, valuestring):
        # Whoosh's decoding (a count, then the pickled gaps), the gaps summed in C
        return list(accumulate(_gaps(valuestring)))

    @staticmethod
    def whoosh_encoded(values) -> bool:
        """Whether every one of ``values`` is in Whoosh's own form: a count, then a protocol-2 pickle."""
        return all(v.startswith(_PROTO_2, _INT_SIZE) for v in values)

    @staticmethod
    def gaps_many(values) -> list[list[int]]:
        """Each value's position gaps (positions less the one before; the first from 0), for many
        values in one ``pickle.loads``: a value is a count and a protocol-2 pickle of its gap list,
        so the lists' pickles, without their headers and stops, joined between a mark and a LIST
        opcode are one pickle of the list of them (a phrase of two common words at 100,000 articles
        decodes 190,000 values; one call each was half its time). Values in any other form are
        decoded one by one."""
        if not values:
            return []
        head = _INT_SIZE + 2  # the count, then PROTO 2
        found = None
        if TermPositions.whoosh_encoded(values):
            try:
                found = pickle.loads(b"\x80\x02(" + b"".join([v[head:].rstrip(b".") for v in values]) + b"l.")
            except Exception:  # noqa: BLE001 - not this form: the slow way tells what is wrong
                found = None
        if not isinstance(found, list) or len(found) != len(values):
            found = [_gaps(v) for v in values]
        return found


_PROTO_2 = b"\x80\x02"


def _gaps(valuestring: bytes) -> list[int]:
    return pickle.loads(valuestring[_INT_SIZE:] if valuestring.endswith(b".") else valuestring[_INT_SIZE:] + b".")


@lru_cache(maxsize=65_536)
def _one_position(pos: int) -> bytes:
    return Positions.encode(None, [pos])  # Whoosh's encoding of one position (it uses no state)
