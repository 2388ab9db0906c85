"""Scoring postings: a segment's common terms' documents and weights as plain arrays, beside Whoosh's files.

Whoosh keeps a term's postings in blocks of 128, each a zlib-compressed pickle; ranking needs
all of a query's postings (scores, totals and facet counts cover every match), and at 100,000
articles decoding them was most of a query's time: a common word stands in 70,000 articles,
550 blocks. So after a segment is written, the terms of the scored fields with many postings
(``MIN_POSTINGS``) are written once more, each as two little-endian arrays (document numbers as
uint32, weights as float32: term counts, exact in single precision), into ``<segment>.sps``;
ranking reads such a term with one ``pread`` and no decoding. Rarer terms, and an index written
before these files existed, are read from Whoosh's postings as before.

File layout: ``SPS1``, then per term its document numbers and its weights, then a marshal'ed
directory ``{(field, term bytes): (offset, count)}``, then the directory's offset (uint64).
The file is written once, beside the segment, and never changed: a new generation hard-links it
with the segment's other files, and Whoosh deletes it with them (its name is the segment's).
"""

from __future__ import annotations

import marshal
import os
import struct
import threading
import weakref
from pathlib import Path

import numpy as np

EXTENSION = ".sps"
MAGIC = b"SPS1"
MIN_POSTINGS = 512  # four blocks of Whoosh's postings or more
_TAIL = struct.Struct("<Q")


def _path(reader) -> Path | None:
    """Where a segment reader's scoring postings are (None for a reader without a folder)."""
    folder = getattr(getattr(reader, "_storage", None), "folder", None)
    segment = reader.segment() if hasattr(reader, "segment") else None
    if folder is None or segment is None:
        return None
    return Path(folder) / segment.make_filename(EXTENSION)


def write_missing(ix) -> int:
    """Write the scoring postings of every segment of ``ix`` that has none yet (a new build's
    segments, an update's new or merged ones); the number written."""
    written = 0
    with ix.reader() as top:
        for reader, _offset in top.leaf_readers():
            written += write_segment(reader)
    return written


def write_segment(reader) -> int:
    """Write one segment's scoring postings unless it has them (1 if written, else 0). A parallel
    build's worker process calls this for the segment it has just written, so that the segments'
    files are written side by side rather than one after another once every worker is done."""
    from .search.docsets import posting_arrays

    path = _path(reader)
    if path is None or path.exists():
        return 0
    schema = reader.schema
    directory: dict[tuple[str, bytes], tuple[int, int]] = {}
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as out:
        out.write(MAGIC)
        at = len(MAGIC)
        for field_name in schema.scorable_names():
            for btext, info in reader.iter_field(field_name):
                if info.doc_frequency() < MIN_POSTINGS:
                    continue
                postings = posting_arrays(reader, field_name, btext)
                if postings is None:
                    continue
                ids, weights = postings
                small = weights.astype("<f4")
                if not np.array_equal(small, weights) or len(ids) and ids[-1] >= 2 ** 32:
                    continue  # not exact in this form: read from Whoosh's postings
                data = ids.astype("<u4").tobytes() + small.tobytes()
                out.write(data)
                directory[(field_name, bytes(btext))] = (at, len(ids))
                at += len(data)
        out.write(marshal.dumps(directory))
        out.write(_TAIL.pack(at))
    # not synced here: the build syncs every file of the new generation before it goes live
    # (index._fsync_tree), and a build worker stuck in fsync cannot be killed until it returns
    os.replace(tmp, path)
    return 1


class _Directory:
    """The file's directory, {(field, term bytes): (offset, count)}, held in a few arrays: as a
    dictionary it took about 250 bytes a term (the key and value tuples, the term, two large
    integers), 14 MB a server process at 100,000 articles; as arrays about 50. A term is looked
    up by its key's hash (a binary search in the sorted hashes), then its key is compared, so
    two keys with the same hash are still told apart."""

    def __init__(self, entries: dict[tuple[str, bytes], tuple[int, int]]) -> None:
        size = len(entries)
        hashes = np.fromiter(map(_hash, entries), dtype=np.int64, count=size)
        order = np.argsort(hashes, kind="stable")
        keys = [_key_bytes(*key) for key in entries]
        places = np.array(list(entries.values()), dtype=np.int64).reshape(size, 2)[order]
        self._hashes = hashes[order]
        self._keys = b"".join([keys[i] for i in order.tolist()])
        self._key_at = np.zeros(size + 1, dtype=np.int64)
        np.cumsum(np.fromiter(map(len, keys), dtype=np.int64, count=size)[order], out=self._key_at[1:])
        self._offsets, self._counts = places[:, 0].copy(), places[:, 1].copy()

    def __len__(self) -> int:
        return len(self._hashes)

    def get(self, field_name: str, btext: bytes) -> tuple[int, int] | None:
        wanted = _hash((field_name, btext))
        at = int(np.searchsorted(self._hashes, wanted))
        key = None
        while at < len(self._hashes) and self._hashes[at] == wanted:
            if key is None:
                key = _key_bytes(field_name, btext)
            if self._keys[self._key_at[at]:self._key_at[at + 1]] == key:
                return int(self._offsets[at]), int(self._counts[at])
            at += 1
        return None


def _key_bytes(field_name: str, btext: bytes) -> bytes:
    return field_name.encode("utf-8") + b"\0" + btext  # a field's name has no NUL


_hash = hash  # the same within a process, which is all the directory needs


class ScorePostings:
    """One segment's scoring postings, read on demand (the directory is held, the arrays are not)."""

    def __init__(self, path: Path) -> None:
        self._fd = os.open(path, os.O_RDONLY)
        weakref.finalize(self, os.close, self._fd)
        size = os.fstat(self._fd).st_size
        if size < len(MAGIC) + _TAIL.size or os.pread(self._fd, len(MAGIC), 0) != MAGIC:
            raise ValueError(f"{path} is not a scoring postings file")
        (start,) = _TAIL.unpack(os.pread(self._fd, _TAIL.size, size - _TAIL.size))
        self._directory = _Directory(marshal.loads(os.pread(self._fd, size - _TAIL.size - start, start)))

    def documents(self, field_name: str, btext: bytes) -> np.ndarray | None:
        """The term's local document numbers only, or None when not kept here."""
        entry = self._directory.get(field_name, btext)
        if entry is None:
            return None
        offset, count = entry
        return np.frombuffer(os.pread(self._fd, 4 * count, offset), dtype="<u4", count=count)

    def get(self, field_name: str, btext: bytes) -> tuple[np.ndarray, np.ndarray] | None:
        """The term's local document numbers and weights (float64), or None when not kept here."""
        entry = self._directory.get(field_name, btext)
        if entry is None:
            return None
        offset, count = entry
        data = os.pread(self._fd, 8 * count, offset)
        ids = np.frombuffer(data, dtype="<u4", count=count)
        weights = np.frombuffer(data, dtype="<f4", count=count, offset=4 * count).astype(np.float64)
        return ids, weights


# one ScorePostings per file, however many readers read it: each server thread has its own
# searcher and readers, and at 100,000 articles a segment's directory was 2 MB of Python objects
# (measured: 57 MB a process with four threads when each reader held its own copy, 15 MB shared;
# 3 MB since the directories are arrays)
_OF_FILE: "weakref.WeakValueDictionary[tuple[int, int], ScorePostings]" = weakref.WeakValueDictionary()
_OF_READER: "weakref.WeakKeyDictionary[object, ScorePostings | None]" = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def _open(reader) -> ScorePostings | None:
    """The segment's scoring postings; None when it has none or they cannot be read (Whoosh's
    postings serve). The file is never changed once written, so one opened for another reader
    (another thread's, or an older generation's, which hard-links the same file) is shared."""
    path = _path(reader)
    if path is None:
        return None
    try:
        status = os.stat(path)
    except OSError:
        return None
    key = (status.st_dev, status.st_ino)
    with _LOCK:  # threads starting together wait for one reading of the directory
        found = _OF_FILE.get(key)
        if found is None:
            try:
                found = ScorePostings(path)
            except (OSError, ValueError, EOFError):
                return None
            _OF_FILE[key] = found
        return found


def of_reader(reader) -> ScorePostings | None:
    """The scoring postings of the segment ``reader`` reads (None when it has none), looked up
    once per reader object (a reader lives as long as its searcher)."""
    try:
        return _OF_READER[reader]
    except KeyError:
        pass
    except TypeError:  # not a reader that can be remembered
        return None
    found = _open(reader)
    with _LOCK:
        return _OF_READER.setdefault(reader, found)


__all__ = ["EXTENSION", "MIN_POSTINGS", "ScorePostings", "of_reader", "write_missing", "write_segment"]
