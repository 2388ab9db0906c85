"""What each source file contributed to an index generation, for incremental reindexing.

``manifest.json`` in a generation folder maps each source file (absolute path) to the
SHA-256 of its content, the article ids it yielded, and why it was skipped if it was.
A reindex compares the files it is given with it: only added and changed files are
ingested, and the articles of changed and deleted files are removed.

The content hash decides, but a file is not read again when its size, modification time
(nanoseconds) and inode are those recorded, as git and rsync do: on 100,000 files, hashing
everything again took longer than the update itself. A time is recorded only when it lies
at least two seconds before the run looked at the file, so an edit made while a reindex runs
still changes what the next one sees.

The file is written as columns (one list per field, a row per file) rather than one
object per file: at 100,000 files that reads and writes in 0.05 s each instead of 0.3-0.4 s,
a large part of a one-file update.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple


MANIFEST = "manifest.json"
VERSION = 2  # 1: {"files": {path: {"sha256", "ids", "problems", "stat"}}}, still read
SETTLED_NS = 2_000_000_000  # how much older than the scan a file's time must be to be trusted


class FileEntry(NamedTuple):
    sha256: str
    ids: list[str]
    problems: list[tuple[str, str]]  # (path, reason) of what was skipped
    stat: tuple[int, int, int] | None = None  # (size, mtime_ns, inode) when it can be trusted


def file_stat(path: str | Path, scanned_ns: int) -> tuple[int, int, int] | None:
    """(size, mtime_ns, inode) of ``path``, or None when it is too recent to be trusted (or
    cannot be read) compared with ``scanned_ns``, when the scan began."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    if info.st_mtime_ns > scanned_ns - SETTLED_NS:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino)


def file_hash(path: str | Path) -> str:
    """SHA-256 of the file's content; "" when it cannot be read (then it counts as changed,
    and ingesting it says why)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return ""
    return digest.hexdigest()


def settled(entries: dict[str, FileEntry]) -> dict[str, FileEntry]:
    """``entries`` with the time of each file whose time was too recent to trust when it was
    read, if it can be trusted now and the file still has the content that was indexed (stat
    first, then hash, as ``plan_update`` does). Called as a reindex ends: without it, the
    next update read again every file written in the two seconds before this one looked
    (about 5,000 files of scale.py's freshly generated 100,000: 0.6-0.7 s more for the first
    one-file update after the build)."""
    now = time.time_ns()
    result = dict(entries)
    for key, entry in entries.items():
        if entry.stat is None and entry.sha256:
            stat = file_stat(key, now)
            if stat is not None and file_hash(key) == entry.sha256:
                result[key] = entry._replace(stat=stat)
    return result


class Manifest:
    """What each file gave, as columns (row n: ``paths[n]``, ``digests[n]``, ...): a one-file
    update keeps 100,000 rows by list operations instead of an object per file."""

    def __init__(self, paths: list[str], digests: list[str], ids: list[list[str]],
                 stats: list[tuple[int, int, int] | None], problems: dict[int, list[tuple[str, str]]]):
        if not len(paths) == len(digests) == len(ids) == len(stats):
            raise ValueError("columns of different lengths")
        self.paths, self.digests, self.ids, self.stats, self.problems = paths, digests, ids, stats, problems
        self._rows: dict[str, int] | None = None

    @classmethod
    def from_entries(cls, files: dict[str, FileEntry]) -> Manifest:
        keys = sorted(files)
        entries = [files[k] for k in keys]
        return cls(keys, [e.sha256 for e in entries], [list(e.ids) for e in entries], [e.stat for e in entries],
                   {n: list(e.problems) for n, e in enumerate(entries) if e.problems})

    @property
    def rows(self) -> dict[str, int]:
        if self._rows is None:
            self._rows = dict(zip(self.paths, range(len(self.paths))))
        return self._rows

    def __len__(self) -> int:
        return len(self.paths)

    def get(self, key: str) -> FileEntry | None:
        row = self.rows.get(key)
        if row is None:
            return None
        return FileEntry(self.digests[row], self.ids[row], self.problems.get(row, []), self.stats[row])

    def entries(self) -> dict[str, FileEntry]:
        return {key: self.get(key) for key in self.paths}

    def updated(self, rows: list[int], stats: list[tuple[int, int, int] | None],
                new: dict[str, FileEntry]) -> Manifest:
        """These ``rows`` kept (with the ``stats`` seen now), then the ``new`` files."""
        keys = sorted(new)
        fresh = [new[k] for k in keys]
        problems = {n: self.problems[r] for n, r in enumerate(rows) if r in self.problems}
        problems.update((len(rows) + n, list(e.problems)) for n, e in enumerate(fresh) if e.problems)
        return Manifest([self.paths[r] for r in rows] + keys,
                        [self.digests[r] for r in rows] + [e.sha256 for e in fresh],
                        [self.ids[r] for r in rows] + [list(e.ids) for e in fresh],
                        list(stats) + [e.stat for e in fresh], problems)

    def write(self, generation: Path) -> None:
        from .index import schema_names  # not at the top: a reindex's file scan imports this module alone

        data = {"version": VERSION, "schema": schema_names(), "paths": self.paths, "sha256": self.digests,
                "id_counts": [len(group) for group in self.ids], "ids": [i for group in self.ids for i in group],
                # size, mtime_ns, inode of each file; -1s when its time was too recent to trust
                "stats": [n for stat in self.stats for n in (stat or (-1, -1, -1))],
                "problems": {str(n): v for n, v in self.problems.items()}}
        # an update's generation starts as hard links to the live one: write a new file and
        # rename it over the link, never through it into the live generation
        tmp = generation / f".{MANIFEST}.tmp"
        # a file name that is not UTF-8 is kept as its bytes (surrogateescape), as it was found
        tmp.write_text(json.dumps(data, ensure_ascii=False), "utf-8", errors="surrogateescape")
        os.replace(tmp, generation / MANIFEST)


def read_manifest(generation: Path | None) -> Manifest | None:
    """The manifest of ``generation``, or None when it has none usable (then rebuild fully)."""
    if generation is None:
        return None
    from .index import schema_names

    try:
        data = json.loads((generation / MANIFEST).read_text("utf-8", errors="surrogateescape"))
        if data.get("schema") != schema_names():
            return None
        if data.get("version") == 1:
            return Manifest.from_entries({k: FileEntry(v["sha256"], list(v["ids"]), _problems(v["problems"]),
                                                       _stat(v.get("stat"))) for k, v in data["files"].items()})
        if data.get("version") != VERSION:
            return None
        return _columns(data)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        return None


def _columns(data: dict) -> Manifest:
    paths, digests, counts, ids, stats = (data["paths"], data["sha256"], data["id_counts"], data["ids"],
                                          data["stats"])
    if len(stats) != 3 * len(paths) or sum(counts) != len(ids):
        raise ValueError("columns of different lengths")
    if not all(isinstance(x, str) for x in paths) or not all(isinstance(x, int) for x in stats):
        raise ValueError("a column holds the wrong type")
    grouped, at = [], 0
    for count in counts:
        grouped.append(ids[at:at + count])
        at += count
    stat_of = iter(stats)
    trusted = [s if s[0] >= 0 else None for s in zip(stat_of, stat_of, stat_of)]
    problems = {int(n): _problems(v) for n, v in data["problems"].items()}
    return Manifest(paths, digests, grouped, trusted, problems)


def _problems(raw) -> list[tuple[str, str]]:
    return [(str(a), str(b)) for a, b in raw]


def _stat(raw) -> tuple[int, int, int] | None:
    if isinstance(raw, list) and len(raw) == 3 and all(isinstance(x, int) for x in raw):
        return (raw[0], raw[1], raw[2])
    return None


@dataclass
class Plan:
    added: list[tuple[str, str]] = field(default_factory=list)  # (path as found, key)
    changed: list[tuple[str, str]] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)  # keys
    unchanged: list[int] = field(default_factory=list)  # rows of the previous manifest
    unchanged_stats: list[tuple[int, int, int] | None] = field(default_factory=list)  # as seen now
    hashes: dict[str, str] = field(default_factory=dict)  # key -> sha256 of each file read
    stats: dict[str, tuple[int, int, int] | None] = field(default_factory=dict)  # key -> its file_stat
    delete_ids: set[str] = field(default_factory=set)
    times_changed: bool = False  # an unchanged file's recorded time differs from the one seen

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.deleted)


def plan_update(files: list[tuple[str, str]], previous: Manifest, scanned_ns: int | None = None,
                stats: list[tuple[int, int, int] | None] | None = None) -> Plan:
    """Sort the current ``files`` ((path, key) pairs, as ``sources.iter_sources`` gives) against
    the previous manifest by content hash (not read again when size, time and inode are as
    recorded). ``stats``: each file's ``file_stat`` taken already (``sources.Scan``), in order."""
    plan = Plan()
    scanned_ns = time.time_ns() if scanned_ns is None else scanned_ns
    rows, recorded, digests = previous.rows, previous.stats, previous.digests
    seen = bytearray(len(previous))
    for n, (path, key) in enumerate(files):
        row = rows.get(key)
        # before reading: an edit during the read changes it
        stat = stats[n] if stats is not None else file_stat(key, scanned_ns)
        if row is not None:
            seen[row] = 1
            if stat is not None and stat == recorded[row]:
                plan.unchanged.append(row)
                plan.unchanged_stats.append(stat)
                continue
        digest = file_hash(key)
        if row is not None and digest and digests[row] == digest:  # touched, not changed
            plan.unchanged.append(row)
            plan.unchanged_stats.append(stat)
            plan.times_changed |= stat != recorded[row]
            continue
        plan.hashes[key], plan.stats[key] = digest, stat
        (plan.added if row is None else plan.changed).append((path, key))
    plan.deleted = [previous.paths[r] for r in range(len(previous)) if not seen[r]]
    if plan.changed or plan.deleted:
        kept_ids = {i for r in plan.unchanged for i in previous.ids[r]}
        for key in [key for _, key in plan.changed] + plan.deleted:
            plan.delete_ids.update(i for i in previous.ids[rows[key]] if i not in kept_ids)
    return plan
