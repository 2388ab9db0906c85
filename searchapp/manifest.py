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
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from .index import schema_names

MANIFEST = "manifest.json"
VERSION = 1
SETTLED_NS = 2_000_000_000  # how much older than the scan a file's time must be to be trusted


@dataclass
class FileEntry:
    sha256: str
    ids: list[str] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (path, reason) of what was skipped
    stat: tuple[int, int, int] | None = None  # (size, mtime_ns, inode) when it can be trusted


def file_key(path: Path) -> str:
    """The absolute path, normalized (what ``str(Path(os.path.abspath(path)))`` gives, without
    making a Path)."""
    return os.path.abspath(path)


def file_stat(path: Path, scanned_ns: int) -> tuple[int, int, int] | None:
    """(size, mtime_ns, inode) of ``path``, or None when it is too recent to be trusted (or
    cannot be read) compared with ``scanned_ns``, when the scan began."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    if info.st_mtime_ns > scanned_ns - SETTLED_NS:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino)


def file_hash(path: Path) -> str:
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


def write_manifest(generation: Path, files: dict[str, FileEntry]) -> None:
    data = {"version": VERSION, "schema": schema_names(),
            "files": {k: {"sha256": v.sha256, "ids": v.ids, "problems": v.problems,
                          "stat": list(v.stat) if v.stat else None} for k, v in sorted(files.items())}}
    # an update's generation starts as hard links to the live one: write a new file and
    # rename it over the link, never through it into the live generation
    tmp = generation / f".{MANIFEST}.tmp"
    tmp.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    os.replace(tmp, generation / MANIFEST)


def read_manifest(generation: Path | None) -> dict[str, FileEntry] | None:
    """The manifest of ``generation``, or None when it has none usable (then rebuild fully)."""
    if generation is None:
        return None
    try:
        data = json.loads((generation / MANIFEST).read_text("utf-8"))
        if data.get("version") != VERSION or data.get("schema") != schema_names():
            return None
        return {k: FileEntry(v["sha256"], list(v["ids"]), [(str(a), str(b)) for a, b in v["problems"]],
                             _stat(v.get("stat")))
                for k, v in data["files"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _stat(raw) -> tuple[int, int, int] | None:
    if isinstance(raw, list) and len(raw) == 3 and all(isinstance(x, int) for x in raw):
        return (raw[0], raw[1], raw[2])
    return None


@dataclass
class Plan:
    added: list[Path] = field(default_factory=list)
    changed: list[Path] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    hashes: dict[str, str] = field(default_factory=dict)  # key -> sha256 of every current file
    stats: dict[str, tuple[int, int, int] | None] = field(default_factory=dict)  # key -> file_stat
    delete_ids: set[str] = field(default_factory=set)

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.deleted)


def plan_update(files: list[Path], previous: dict[str, FileEntry], scanned_ns: int | None = None) -> Plan:
    """Sort the current ``files`` against the previous manifest by content hash (not read
    again when size, time and inode are as recorded)."""
    plan = Plan()
    current: set[str] = set()
    scanned_ns = time.time_ns() if scanned_ns is None else scanned_ns
    for path in files:
        key = file_key(path)
        current.add(key)
        before = previous.get(key)
        stat = file_stat(path, scanned_ns)  # before reading: an edit during the read changes it
        plan.stats[key] = stat
        if before is not None and stat is not None and before.stat == stat:
            plan.hashes[key] = before.sha256
            plan.unchanged.append(key)
            continue
        digest = file_hash(path)
        plan.hashes[key] = digest
        if before is None:
            plan.added.append(path)
        elif before.sha256 != digest or not digest:
            plan.changed.append(path)
        else:
            plan.unchanged.append(key)
    plan.deleted = sorted(k for k in previous if k not in current)
    kept_ids = {i for k in plan.unchanged for i in previous[k].ids}
    for key in [file_key(p) for p in plan.changed] + plan.deleted:
        plan.delete_ids.update(i for i in previous[key].ids if i not in kept_ids)
    return plan
