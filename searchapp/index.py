"""The index: schema, atomic builds, and readers that follow swaps. The only writer.

Layout of an index folder::

    index/
      CURRENT            name of the live generation (replaced atomically)
      gen-<stamp>/       one complete Whoosh index per build
      .lock              held (flock) by a running reindex; released by the OS if it dies

A build writes a new generation beside the live one, commits it, then replaces
CURRENT in one rename. A crash at any point leaves CURRENT naming a whole index.
"""

from __future__ import annotations

import errno
import fcntl
import gc
import heapq
import json
import logging
import marshal
import os
import pickle
import queue
import shutil
import signal
import struct
import threading
import time
import uuid
import warnings
import weakref
import zlib
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from itertools import accumulate, chain
from pathlib import Path
from typing import Callable, Iterable, Iterator

import numpy as np

from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import (WHOOSH3_HEADER_MAGIC, W3Codec, W3LeafMatcher, W3PostingsWriter, W3TermInfo,
                                  W3TermsReader)
from whoosh.columns import VarBytesColumn
from whoosh.reading import SegmentReader, TermNotFound
from whoosh.fields import COLUMN, DATETIME, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.formats import Positions
from whoosh.filedb.filestore import FileStorage
from whoosh import multiproc as whoosh_multiproc
from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.system import _INT_SIZE, unpack_uint
from whoosh.util import random_name
from whoosh.util.numeric import length_to_byte
from whoosh import writing as whoosh_writing
from whoosh.writing import NO_MERGE, PostingPool, SegmentWriter

from .config import crash_point
from .analysis.analyzers import TermPositions, ThaiBigramTokenizer, ThaiLeadTokenizer, ThaiWordTokenizer
from .errors import IndexBuildError, IndexBusyError, IndexMissingError
from .models import Article
from .processes import die_with_parent
from .score_postings import write_missing as write_score_postings
from .score_postings import write_segment as write_segment_score_postings
from .thai.orgs import registry

log = logging.getLogger(__name__)

CURRENT = "CURRENT"
# the size of each Whoosh file of a generation, written when it is built: a truncated or
# replaced segment file is caught when the index is opened, not mid-search
SIZES = "sizes.json"
LOCK = ".lock"
GEN_PREFIX = "gen-"
CRASH_AFTER_ARTICLES = 3  # where the "writing" crash point is: documents added, nothing committed
# per-article organization names in a column, for exact facet counts without reading
# the stored documents (search/facets.py)
ORG_COLUMN = "org_list"
ORG_SEPARATOR = "\n"


def _positioned(analyzer, **options) -> TEXT:
    """A TEXT field with positions, kept in TermPositions (Whoosh's format, gathered faster)."""
    field = TEXT(analyzer=analyzer, phrase=True, **options)
    field.format = TermPositions(field_boost=field.format.field_boost)
    return field


def make_schema() -> Schema:
    return Schema(
        id=ID(stored=True, unique=True, sortable=True),
        title=_positioned(ThaiWordTokenizer(), stored=True),
        title_bi=_positioned(ThaiBigramTokenizer()),
        body=_positioned(ThaiWordTokenizer(), stored=True),
        body_bi=_positioned(ThaiBigramTokenizer()),
        lead=TEXT(analyzer=ThaiLeadTokenizer(), phrase=False),
        orgs=KEYWORD(stored=True, commas=True, lowercase=False, scorable=False),
        org_text=_positioned(ThaiWordTokenizer()),
        org_list=COLUMN(VarBytesColumn()),
        published=DATETIME(stored=True, sortable=True),
        updated=DATETIME(stored=True),
        year=NUMERIC(stored=True, sortable=True),
        section=ID(stored=True, sortable=True),
        source=ID(stored=True, sortable=True),
        url=STORED(),
        date_estimated=STORED(),
        origin=STORED(),
    )


class _PostingsWriter(W3PostingsWriter):
    """Whoosh's posting writer with its inlining mended: a term found in fewer than
    ``inlinelimit`` documents is kept inside its entry in the term table. Whoosh 2.7.5 calls
    ``set_inline``, a method its term info no longer has (it is ``set_inlined``), so its own
    codec can only inline nothing; its reader reads inlined postings as they are written here.
    With ``split_values``, blocks are written in two parts (see _SplitLeafMatcher); with
    ``position_arrays`` too, a positioned field's block keeps its positions as two arrays."""

    split_values = False
    position_arrays = False

    def finish_postings(self):
        terminfo = self._terminfo
        if not self.written() and len(self) < self._inlinelimit:
            values = self._values
            if not values:  # a format without values (an ID): None each, as Whoosh's reader gives
                values = [None] * len(self._ids)
            if len(values) == len(self._ids):
                terminfo.add_block(self)
                terminfo.set_inlined(self._ids, self._weights, values)
                self._terminfo = None
                return terminfo
        return super().finish_postings()

    def _write_block(self, last=False):
        if not self.split_values:
            super()._write_block(last)
            return
        # as Whoosh's, but the block's data is two parts: its documents and weights first (what
        # scoring reads), its values (positions) after them, read only when asked (_SplitLeafMatcher)
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        comp = self._compression
        head = pickle.dumps((self._mini_ids(), self._mini_weights()), 2)
        values = self._mini_values()
        arrays = None
        if values is not None and self.position_arrays and isinstance(self._format, TermPositions):
            arrays = _position_arrays(values)
        tail = b"" if values is None else arrays if arrays is not None else pickle.dumps(values, 2)
        if comp:
            head = zlib.compress(head, comp)
            tail = zlib.compress(tail, comp) if tail else tail
        if arrays is not None:
            tail = _ARRAYS_MARK + tail
        databytes = _HEAD_SIZE.pack(len(head)) + head + tail
        infobytes = pickle.dumps((len(self._ids), self._ids[-1], self._maxweight, comp,
                                  length_to_byte(self._minlength), length_to_byte(self._maxlength)), 2)
        blocklength = len(infobytes) + len(databytes)
        self._postfile.write_int(-blocklength if last else blocklength)
        self._postfile.write(infobytes)
        self._postfile.write(databytes)
        self._blockcount += 1
        self._new_block()


# a split block's data starts with the byte size of its documents-and-weights part
_HEAD_SIZE = struct.Struct("<I")
# a block's positions kept as arrays start with this (a pickle starts with 0x80, zlib's data with 0x78)
_ARRAYS_MARK = b"\x00PA1"


def _position_arrays(values) -> bytes | None:
    """A block's positions values (Whoosh's Positions encodings) as two little-endian uint32 arrays,
    each posting's position count, then every posting's gaps one after another; None when a value
    is in another form (its pickled list is written then)."""
    if not TermPositions.whoosh_encoded(values):
        return None  # not Whoosh's own encoding: read back, it would not be these bytes
    gaps = TermPositions.gaps_many(list(values))
    counts = [len(g) for g in gaps]
    if any(unpack_uint(v[:_INT_SIZE])[0] != n for v, n in zip(values, counts)):
        return None
    flat = np.fromiter(chain.from_iterable(gaps), dtype=np.int64, count=sum(counts))
    if len(flat) and (flat.min() < 0 or flat.max() >= 2 ** 32):
        return None
    return np.array(counts, dtype="<u4").tobytes() + flat.astype("<u4").tobytes()


class PositionArrays(Sequence):
    """A block's positions read from its arrays: ``counts`` (per posting) and ``gaps`` (all
    postings' gaps one after another; each posting's first from 0), for callers that read them
    as arrays (docsets.positions_at); item ``i`` is posting ``i``'s value as Whoosh encodes it, for
    everything else."""

    __slots__ = ("counts", "gaps", "_starts")

    def __init__(self, counts: np.ndarray, gaps: np.ndarray) -> None:
        self.counts, self.gaps = counts, gaps
        self._starts: list[int] | None = None

    def starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [0, *accumulate(self.counts.tolist())]
        return self._starts

    def __len__(self) -> int:
        return len(self.counts)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self.counts)
        if not 0 <= i < len(self.counts):
            raise IndexError(i)
        starts = self.starts()
        return Positions.encode(None, list(accumulate(self.gaps[starts[i]:starts[i + 1]].tolist())))


class _SplitLeafMatcher(W3LeafMatcher):
    """Whoosh's posting reader for split blocks: a block's documents and weights are read
    without its positions (a tenth of its bytes in a body field), positions when asked."""

    def _read_data(self):
        size = _HEAD_SIZE.unpack(self._postfile.get(self._dataoffset, _HEAD_SIZE.size))[0]
        ids, weights = self._unpack(self._postfile.get(self._dataoffset + _HEAD_SIZE.size, size))
        self._data = (ids, weights, None)
        self._tailoffset = self._dataoffset + _HEAD_SIZE.size + size

    def _read_ids(self):
        if self._data is None:
            self._read_data()
        self._ids = tuple(accumulate(self._data[0]))  # Whoosh's delta_decode, without a Python loop

    def _read_values(self):
        if self._data is None:
            self._read_data()
        if self._data[2] is None and self._nextoffset > self._tailoffset:
            tail = self._postfile.get(self._tailoffset, self._nextoffset - self._tailoffset)
            if tail.startswith(_ARRAYS_MARK):
                data = tail[len(_ARRAYS_MARK):]
                data = zlib.decompress(data) if self._compression else data
                count = self._blocklength
                values = PositionArrays(np.frombuffer(data, dtype="<u4", count=count),
                                        np.frombuffer(data, dtype="<u4", offset=4 * count))
            else:
                values = self._unpack(tail)
            self._data = (self._data[0], self._data[1], values)
        super()._read_values()

    def _unpack(self, part: bytes):
        return pickle.loads(zlib.decompress(part) if self._compression else part)


class _TermPool(PostingPool):
    """Whoosh's posting pool, grouped by term. Whoosh keeps every posting as its own tuple, sorts
    them all, and when memory runs out pickles them to a run file one call each, then merges the
    runs posting by posting. Documents arrive in number order, so a term's postings are already in
    order as they come: here they are kept in one list per term, only the terms are sorted, a run is
    written a few hundred terms at a time (marshal), and runs (whose documents follow each other)
    are merged term by term. Same postings out, in the same order."""

    _BATCH = 512  # terms per marshal call in a run file

    def __init__(self, tempstore, segment, limitmb=128, **kwargs):
        super().__init__(tempstore, segment, limitmb=limitmb, **kwargs)
        self.terms: dict[tuple[str, bytes], list[tuple]] = {}

    def add(self, item):
        # item = (fieldname, tbytes, docnum, weight, vbytes), as Whoosh's pool takes it
        key = item[:2]
        postings = self.terms.get(key)
        if postings is None:
            self.terms[key] = postings = []
            self.fieldnames.add(item[0])
            self.currentsize += 150  # the term's key and list (measured: 1M postings of 200k terms, 141 MB)
        postings.append(item)
        self.currentsize += 110 + len(item[1]) + len(item[4] or b"")
        if self.currentsize > self.limit:
            self.save()

    def save(self):
        if not self.terms:
            return
        path, handle = self._new_run()
        try:
            keys = sorted(self.terms)
            for at in range(0, len(keys), self._BATCH):
                # length-prefixed: marshal.load on a file reads it a few bytes per call
                batch = marshal.dumps([(key, self.terms[key]) for key in keys[at:at + self._BATCH]])
                handle.write(len(batch).to_bytes(8, "little"))
                handle.write(batch)
        finally:
            handle.close()
        self.runs.append(path)
        self.terms = {}
        self.currentsize = 0

    def _read_terms(self, path):
        handle = self._open_run(path)
        try:
            while size := int.from_bytes(handle.read(8), "little"):
                yield from marshal.loads(handle.read(size))
        finally:
            handle.close()
            self._remove_run(path)

    def items(self, maxfiles=128):
        if not self.runs:
            terms = self.terms
            self.terms = {}
            return (posting for key in sorted(terms) for posting in terms[key])
        self.save()
        runs, self.runs = self.runs, []
        # (key, run number) orders a term's postings by run, and the runs' documents follow each other
        merged = heapq.merge(*(((key, number, postings) for key, postings in self._read_terms(path))
                               for number, path in enumerate(runs)))
        return (posting for _, _, postings in merged for posting in postings)

    def cleanup(self):
        self.terms = {}
        super().cleanup()


def _use_term_pool(writer: SegmentWriter) -> SegmentWriter:
    """``writer`` with a _TermPool in place of Whoosh's (before any document is added)."""
    pool = writer.pool
    writer.pool = _TermPool(pool.tempstore, pool.segment, limitmb=pool.limit // (1024 * 1024))
    return writer


class _TermsReader(W3TermsReader):
    """Whoosh's term table of a segment, remembering where the last terms looked up are: a query
    asks after each of its terms several times in each segment (is it there, in how many
    documents, for the idf and for each field's scorer, then its postings), 434 table lookups
    for 95 terms in a short query at 100,000 articles, each a hash, a seek and reads."""

    REMEMBERED = 1024

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self._where: dict[tuple[str, bytes], tuple[int, int] | None] = {}

    def _entry(self, fieldname: str, tbytes: bytes) -> tuple[int, int] | None:
        """Where the term's entry is in the table file, or None when the segment lacks it."""
        key = (fieldname, tbytes)
        try:
            return self._where[key]
        except KeyError:
            pass
        try:
            found = self._tindex.range_for_key(self._keycoder(fieldname, tbytes))
        except KeyError:
            found = None
        if len(self._where) >= self.REMEMBERED:
            self._where.clear()  # a new query's terms, most likely
        self._where[key] = found
        return found

    def __contains__(self, term) -> bool:
        return self._entry(*term) is not None

    def _range_for_key(self, fieldname, tbytes):
        found = self._entry(fieldname, tbytes)
        if found is None:
            raise KeyError((fieldname, tbytes))
        return found

    def term_info(self, fieldname, tbytes):
        found = self._entry(fieldname, tbytes)
        if found is None:
            raise TermNotFound(f"No term {fieldname}:{tbytes!r}")
        return W3TermInfo.from_bytes(self._dbfile.get(found[0], found[1]))


class Codec(W3Codec):
    """Whoosh's file format, written faster. Most syllable-bigram terms occur in one to three
    documents: their postings go inline (no block of their own, no compression call), the
    rest are compressed at zlib level 1 (the same size here as Whoosh's level 3, in less time),
    no per-block field lengths are kept (they serve Whoosh's block-skipping collector,
    which ranking.py does not use), and a block's positions are kept apart from its documents
    and weights, so scoring a word does not decompress where it stands (_SplitLeafMatcher).
    Whoosh pickles the codec into each segment: module-level."""

    length_stats = False
    # blocks written in two parts (_SplitLeafMatcher); segments written before, whose pickled codec
    # has no such attribute of its own, are read as Whoosh wrote them
    split_values = False
    position_arrays = False  # likewise: positions as arrays in the blocks it writes (_position_arrays)

    def __init__(self, blocklimit: int = 128, compression: int = 1, inlinelimit: int = 4,
                 split_values: bool = True, position_arrays: bool = True) -> None:
        super().__init__(blocklimit=blocklimit, compression=compression, inlinelimit=inlinelimit)
        self.split_values = split_values
        self.position_arrays = position_arrays

    def postings_writer(self, dbfile, byteids=False):
        writer = _PostingsWriter(dbfile, blocklimit=self._blocklimit, byteids=byteids,
                                 compression=self._compression, inlinelimit=self._inlinelimit)
        writer.split_values = self.split_values and not byteids  # term vectors: Whoosh's reader
        writer.position_arrays = writer.split_values and self.position_arrays
        return writer

    def terms_reader(self, storage, segment):
        tiname = segment.make_filename(self.TERMS_EXT)
        return _TermsReader(self, storage.open_file(tiname), storage.file_length(tiname),
                            segment.open_file(storage, self.POSTS_EXT))

    def postings_reader(self, dbfile, terminfo, format_, term=None, scorer=None):
        if not self.split_values or terminfo.is_inlined():
            return super().postings_reader(dbfile, terminfo, format_, term=term, scorer=scorer)
        offset, length = terminfo.extent()
        return _SplitLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)


def schema_names() -> list[str]:
    """The fields this version indexes: an index with other fields was built by another version."""
    return sorted(make_schema().names())


def article_to_document(article: Article) -> dict[str, object]:
    reg = registry()
    alias_text = " ; ".join(alias for name in article.organizations for alias in reg.aliases(name))
    doc: dict[str, object] = {
        "id": article.id,
        "title": article.title,
        "title_bi": article.title,
        "body": article.body,
        "body_bi": article.body,
        "lead": article.body,
        "orgs": ",".join(name.replace(",", " ") for name in article.organizations),
        "org_text": alias_text,
        ORG_COLUMN: ORG_SEPARATOR.join(o.replace(ORG_SEPARATOR, " ") for o in article.organizations).encode("utf-8"),
        "url": article.url,
        "date_estimated": article.date_estimated,
        "origin": article.origin,
    }
    if article.published:
        doc["published"] = article.published
        doc["year"] = article.published.year
    if article.updated:
        doc["updated"] = article.updated
    if article.section:
        doc["section"] = article.section
    if article.source:
        doc["source"] = article.source
    return doc


def document_to_article(stored: dict[str, object]) -> Article:
    orgs = str(stored.get("orgs") or "")
    return Article(
        id=str(stored["id"]),
        title=str(stored.get("title") or ""),
        body=str(stored.get("body") or ""),
        published=stored.get("published"),  # type: ignore[arg-type]
        updated=stored.get("updated"),  # type: ignore[arg-type]
        section=stored.get("section"),  # type: ignore[arg-type]
        source=stored.get("source"),  # type: ignore[arg-type]
        url=stored.get("url"),  # type: ignore[arg-type]
        organizations=tuple(o for o in orgs.split(",") if o),
        date_estimated=bool(stored.get("date_estimated")),
        origin=stored.get("origin"),  # type: ignore[arg-type]
    )


# ---------------------------------------------------------------- generations


def current_generation(index_dir: Path) -> Path | None:
    try:
        name = (index_dir / CURRENT).read_text("utf-8").strip()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise IndexMissingError(f"cannot read {index_dir / CURRENT}: {exc.strerror}") from None
    if not name.startswith(GEN_PREFIX) or "/" in name:
        raise IndexMissingError(f"{index_dir / CURRENT} is corrupt (names {name!r})",
                                hint="rebuild the index with `python -m searchapp.reindex --full`")
    path = index_dir / name
    return path if path.is_dir() else None


def checkpoint(name: str) -> None:
    """A point where the crash tests may kill the process (see config.crash_point)."""
    if crash_point() == name:
        os.kill(os.getpid(), signal.SIGKILL)


def _write_current(index_dir: Path, generation: Path) -> None:
    tmp = index_dir / f".{CURRENT}.{uuid.uuid4().hex}"
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(generation.name + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    checkpoint("swapping")
    os.replace(tmp, index_dir / CURRENT)
    _fsync_dir(index_dir)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _fsync_tree(path: Path) -> None:
    for child in path.iterdir():
        if child.is_file():
            with open(child, "rb") as handle:
                os.fsync(handle.fileno())
    _fsync_dir(path)


@contextmanager
def index_lock(index_dir: Path, wait: bool = False) -> Iterator[None]:
    """Exclusive lock for writers. The OS drops it when the process dies: no stale locks."""
    index_dir.mkdir(parents=True, exist_ok=True)
    handle = open(index_dir / LOCK, "a+")
    try:
        flags = fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB
        try:
            fcntl.flock(handle.fileno(), flags)
        except OSError as exc:
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN):
                raise IndexBusyError(
                    f"another reindex is running on {index_dir}",
                    hint="wait for it to finish, or pass --wait to queue behind it",
                ) from None
            raise
        yield
    finally:
        handle.close()


def _remove_old_generations(index_dir: Path, keep: set[str]) -> None:
    for child in index_dir.iterdir():
        if child.name.startswith(GEN_PREFIX) and child.name not in keep and child.is_dir():
            shutil.rmtree(child, ignore_errors=True)
        elif child.name.startswith(f".{CURRENT}.") and child.is_file():
            child.unlink(missing_ok=True)


@dataclass
class BuildReport:
    indexed: int = 0  # articles written by this build (all of them, or the added/changed ones)
    removed: int = 0  # articles deleted by an update
    total: int = 0  # articles in the index afterwards
    generation: str = ""
    duplicates: list[str] = field(default_factory=list)
    seconds: float = 0.0


def build_index(
    articles: Iterable[Article],
    index_dir: Path,
    *,
    on_article: Callable[[Article], None] | None = None,
    before_swap: Callable[[Path], None] | None = None,
    wait: bool = False,
    limitmb: int = 256,
    procs: int = 1,
) -> BuildReport:
    """Index ``articles`` into a new generation and swap it in. Nothing is swapped if
    no article was indexed or anything fails: the previous index stays live.
    ``before_swap(generation_dir)`` may add files (the reindex manifest) before the swap.
    ``procs`` > 1 analyzes and writes in that many worker processes (one segment each)."""
    return _write_generation(articles, index_dir, delete_ids=None, on_article=on_article,
                             before_swap=before_swap, wait=wait, limitmb=limitmb, procs=procs)


def update_index(articles: Iterable[Article], delete_ids: Iterable[str], index_dir: Path, **options) -> BuildReport:
    """Apply changes to a copy of the live generation (hard links: Whoosh never rewrites a
    segment file) and swap it in: ``delete_ids`` go, ``articles`` are added or replace
    the article with their id. Same options and guarantees as build_index."""
    return _write_generation(articles, index_dir, delete_ids=set(delete_ids), **options)


def _link_tree(source: Path, target: Path) -> None:
    for child in source.iterdir():
        if child.is_file() and not child.name.endswith("WRITELOCK"):
            try:
                os.link(child, target / child.name)
            except OSError:  # file systems without hard links
                shutil.copy2(child, target / child.name)


def _keep_last_copies(ix: whoosh_index.Index, ids: set[str]) -> None:
    """Whoosh's update_document does not see documents added by the same writer, so an id
    given twice in one build is there twice: delete all but the last copy of each."""
    with ix.searcher() as searcher:
        extra = [n for doc_id in ids for n in sorted(searcher.document_numbers(id=doc_id))[:-1]]
    writer = ix.writer(compound=False, codec=Codec())
    for docnum in extra:
        writer.delete_document(docnum)
    # only the deletions are written: rewriting the segments to drop a few documents would
    # cost as much as the build itself (search skips deleted documents)
    writer.commit(mergetype=NO_MERGE)


class _WorkerSegmentWriter(SegmentWriter):
    """A build worker's writer: once its segment is written, the segment's scoring postings too,
    in this process while the other workers write theirs (written by the build's own process
    after every worker, they were a serial tail: 4 of 69 s for 3,000 articles)."""

    def _finalize_segment(self):
        segment = super()._finalize_segment()
        try:
            reader = SegmentReader(self.storage, self.schema, segment)
            try:
                write_segment_score_postings(reader)
            finally:
                reader.close()
        except Exception:  # noqa: BLE001 - the build's own process writes what is missing
            log.warning("a build worker could not write its segment's scoring postings", exc_info=True)
        return segment


class _Worker(SubWriterTask):
    parent_pid = 0  # the build's process, set there before the worker is started

    def run(self) -> None:
        die_with_parent(self.parent_pid)
        # Whoosh's task makes its SegmentWriter itself: in this worker process, its pool is ours,
        # and so is the writer (both names are looked up when the task starts)
        whoosh_writing.PostingPool = _TermPool
        whoosh_multiproc.SegmentWriter = _WorkerSegmentWriter
        super().run()


class _ParallelWriter(MpWriter):
    """Whoosh's multiprocess writer (documents go to worker processes that each analyze them
    and write a segment of their own), made safe to fail: its own cancel leaves the workers
    waiting for work forever and the reindex hanging at exit; here they are stopped."""

    def _new_task(self):
        task = _Worker(self.storage, self.indexname, self.jobqueue, self.resultqueue, self.subargs,
                       self.multisegment)
        task.daemon = True
        task.parent_pid = os.getpid()
        self.tasks.append(task)
        task.start()
        return task

    def _enqueue(self) -> None:
        # as Whoosh's (a batch of documents to a job file, its name to the workers), but the
        # job queue is bounded: when every worker has died, waiting for room would never end
        batch, self.docbuffer = self.docbuffer, []
        filename = f"{random_name()}.doclist"
        with self.temp_storage().create_file(filename).raw_file() as handle:
            for item in batch:
                pickle.dump(item, handle, 2)
        if len(self.tasks) < self.procs:
            self._new_task()
        while True:
            try:
                self.jobqueue.put((filename, len(batch)), timeout=1)
                return
            except queue.Full:
                if not any(task.is_alive() for task in self.tasks):
                    raise IndexBuildError("every build worker process stopped") from None

    def cancel(self) -> None:
        for task in self.tasks:
            task.terminate()
        for task in self.tasks:
            task.join()
        SegmentWriter.cancel(self)


def _writer(ix: whoosh_index.Index, limitmb: int, procs: int):
    # compound=False: a compound segment is read through an in-memory copy per searcher
    # (Whoosh wraps its mmap slice in BytesIO), about 70 MB per server thread here
    if procs > 1:
        # multisegment: each worker's segment is kept as it is; merging them would be one
        # more pass over every posting in this process
        return _use_term_pool(_ParallelWriter(ix, procs=procs, multisegment=True, limitmb=limitmb, compound=False,
                                              codec=Codec()))
    return _use_term_pool(ix.writer(limitmb=limitmb, compound=False, codec=Codec()))


def _write_generation(articles, index_dir, *, delete_ids, on_article=None, before_swap=None, wait=False,
                      limitmb=256, procs=1) -> BuildReport:
    index_dir = Path(index_dir)
    started = time.monotonic()
    report = BuildReport()
    with index_lock(index_dir, wait=wait):
        checkpoint("locked")
        try:
            live = current_generation(index_dir)
        except IndexMissingError:
            if delete_ids is not None:
                raise
            live = None  # a damaged CURRENT: a full build replaces it
            log.warning("%s/%s is damaged; the new build replaces it", index_dir, CURRENT)
        if delete_ids is not None and live is None:
            raise IndexMissingError(f"no index at {index_dir}/ to update")
        # leftovers of builds that died half-way
        _remove_old_generations(index_dir, keep={live.name} if live else set())
        stamp = datetime.now().strftime("%Y%m%d%H%M%S")
        generation = index_dir / f"{GEN_PREFIX}{stamp}-{uuid.uuid4().hex[:8]}"
        generation.mkdir()
        try:
            if delete_ids is None:
                ix = FileStorage(str(generation)).create_index(make_schema())
            else:
                _link_tree(live, generation)
                ix = whoosh_index.open_dir(str(generation))
            writer = _writer(ix, limitmb, procs if delete_ids is None else 1)
            seen: set[str] = set()
            try:
                for doc_id in delete_ids or ():
                    report.removed += writer.delete_by_term("id", doc_id)
                for article in articles:
                    first = article.id not in seen
                    if first:
                        seen.add(article.id)
                        report.indexed += 1
                    else:
                        report.duplicates.append(article.id)
                    # a fresh index has nothing to replace the first time an id comes
                    if delete_ids is None and first:
                        writer.add_document(**article_to_document(article))
                    else:
                        writer.update_document(**article_to_document(article))
                    if on_article:
                        on_article(article)
                    if report.indexed == CRASH_AFTER_ARTICLES:
                        checkpoint("writing")
            except BaseException:
                writer.cancel()
                raise
            if delete_ids is None and report.indexed == 0:
                writer.cancel()
                raise IndexMissingError("nothing could be indexed; the previous index is unchanged",
                                        hint="the sources gave no usable article: give --source the folders or "
                                             "files of articles (.txt, .html, .json, .jsonl)")
            writer.commit(optimize=delete_ids is None)
            checkpoint("committed")
            if report.duplicates:
                _keep_last_copies(ix, set(report.duplicates))
            write_score_postings(ix)  # the new segments' common terms as plain arrays (ranking reads them)
            with ix.searcher() as searcher:
                report.total = searcher.doc_count()
            ix.close()
            if delete_ids is None and report.total != report.indexed:  # a worker process failed
                raise IndexBuildError(f"{report.indexed} articles were given but only {report.total} were written "
                                      "(a worker process failed)")
            if report.total == 0:
                raise IndexMissingError("nothing could be indexed: the update would leave the index empty; "
                                        "the previous index is unchanged",
                                        hint="none of the files indexed before is among the sources given: check "
                                             "--source, or rebuild from these with --full")
            if before_swap:
                before_swap(generation)
                checkpoint("manifest")
            _write_sizes(generation)
            _fsync_tree(generation)
        except BaseException:
            shutil.rmtree(generation, ignore_errors=True)
            raise
        _write_current(index_dir, generation)
        checkpoint("swapped")
        keep = {generation.name} | ({live.name} if live else set())
        _remove_old_generations(index_dir, keep=keep)
        report.generation = generation.name
    report.seconds = time.monotonic() - started
    return report


# ---------------------------------------------------------------- reading


def _whoosh_files(generation: Path) -> dict[str, int]:
    return {p.name: p.stat().st_size for p in generation.iterdir()
            if p.is_file() and p.name not in (SIZES, "manifest.json") and not p.name.endswith("WRITELOCK")}


def _write_sizes(generation: Path) -> None:
    tmp = generation / f".{SIZES}.tmp"
    tmp.write_text(json.dumps(_whoosh_files(generation), sort_keys=True), "utf-8")
    os.replace(tmp, generation / SIZES)  # never writes through a hard link into the live generation


def _size_problem(generation: Path) -> str | None:
    """Which Whoosh file is missing or has changed size since the build (None when all match,
    or for a generation built before sizes were recorded)."""
    try:
        expected = json.loads((generation / SIZES).read_text("utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        return f"{SIZES} is unreadable ({exc})"
    actual = _whoosh_files(generation)
    for name, size in sorted(expected.items()):
        if name not in actual:
            return f"{name} is missing"
        if actual[name] != size:
            return f"{name} is {actual[name]} bytes, {size} when built"
    return None


def open_index(index_dir: Path) -> tuple[whoosh_index.Index, str]:
    index_dir = Path(index_dir)
    if not index_dir.is_dir():
        raise IndexMissingError(f"no index at {index_dir}/")
    generation = current_generation(index_dir)
    if generation is None:
        raise IndexMissingError(f"no index at {index_dir}/")
    failure = _size_problem(generation)
    if failure is not None:
        raise IndexMissingError(f"the index at {index_dir}/ is damaged ({failure})",
                                hint="rebuild it with `python -m searchapp.reindex --full`")
    with warnings.catch_warnings():
        # Whoosh leaves a damaged file open when it gives up on it; it is closed when the
        # exception goes, inside this block
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            ix = whoosh_index.open_dir(str(generation))
            # a reader opens every segment file (terms, postings, columns are separate files),
            # so damage shows here rather than as an error in the middle of a search
            ix.reader().close()
        except Exception as exc:  # whoosh raises a zoo of errors for damaged files
            failure = f"{exc.__class__.__name__}: {exc}"
        gc.collect()
    if failure is not None:
        raise IndexMissingError(f"the index at {index_dir}/ cannot be opened ({failure})",
                                hint="rebuild it with `python -m searchapp.reindex --full`")
    if sorted(ix.schema.names()) != schema_names():
        ix.close()
        raise IndexMissingError(f"the index at {index_dir}/ was built by another version of searchapp",
                                hint="rebuild it with `python -m searchapp.reindex --full`")
    return ix, generation.name


def _close_quietly(searcher) -> None:
    try:
        searcher.close()
    except Exception:  # an old generation may already be gone
        pass


def _close_all(searchers: list, lock: threading.Lock) -> None:
    with lock:
        for searcher in searchers:
            _close_quietly(searcher)
        searchers.clear()


class IndexHandle:
    """Searchers for one index folder that follow generation swaps.

    Each thread gets its own searcher (Whoosh searchers keep file positions). At most
    once per ``check_interval`` seconds a call looks at CURRENT; a new generation is
    opened without a restart.
    """

    def __init__(self, index_dir: Path, weighting_factory: Callable[[], object] | None = None,
                 check_interval: float = 1.0) -> None:
        self.index_dir = Path(index_dir)
        self.weighting_factory = weighting_factory
        self.check_interval = check_interval
        self._lock = threading.Lock()
        self._index: whoosh_index.Index | None = None
        self._generation: str | None = None
        self._checked = 0.0
        self._failure: tuple[float, IndexMissingError] | None = None
        self._local = threading.local()
        # every searcher handed out, so that all their open files can be closed: when the
        # handle is closed or collected, and when a thread moves to a new generation
        self._searchers: list = []
        self._finalizer = weakref.finalize(self, _close_all, self._searchers, self._lock)

    def _refresh(self) -> tuple[whoosh_index.Index, str]:
        now = time.monotonic()
        with self._lock:
            if self._index is not None and now - self._checked < self.check_interval:
                return self._index, self._generation  # type: ignore[return-value]
            if self._failure is not None and now - self._failure[0] < self.check_interval:
                raise self._failure[1]  # a broken index is looked at again once per interval
            try:
                live = current_generation(self.index_dir) if self.index_dir.is_dir() else None
                if live is None:
                    raise IndexMissingError(f"no index at {self.index_dir}/")
                if live.name != self._generation or self._index is None:
                    self._index, self._generation = open_index(self.index_dir)
                    log.info("opened index generation %s", self._generation)
            except IndexMissingError as exc:
                self._index = None
                self._generation = None
                self._failure = (now, exc)
                raise
            self._failure = None
            self._checked = now
            return self._index, self._generation  # type: ignore[return-value]

    def searcher(self):
        return self.current()[0]

    def current(self):
        """This thread's searcher and the name of the generation it reads (one request
        should use the pair: a swap may happen between two calls)."""
        ix, generation = self._refresh()
        local = self._local
        if getattr(local, "generation", None) != generation:
            old = getattr(local, "searcher", None)
            if old is not None:
                with self._lock:
                    if old in self._searchers:
                        self._searchers.remove(old)
                _close_quietly(old)
            if self.weighting_factory is not None:
                local.searcher = ix.searcher(weighting=self.weighting_factory())
            else:
                local.searcher = ix.searcher()
            local.generation = generation
            with self._lock:
                self._searchers.append(local.searcher)
        return local.searcher, local.generation

    def close(self) -> None:
        """Close every searcher this handle opened (their files stay open until then)."""
        self._finalizer()

    @property
    def generation(self) -> str | None:
        return self._generation
