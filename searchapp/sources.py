"""The input files under the folders and files given to a reindex, found without ingesting
anything (this module imports only the standard library, so that a reindex can list and
``stat`` an archive in a child process while it loads the rest: ``Scan``)."""

from __future__ import annotations

import logging
import marshal
import os
import select
import threading
from array import array
from pathlib import Path
from typing import Iterable, Iterator

from .manifest import file_stat
from .models import Skipped

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".html", ".htm", ""}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | Skipped]:
    """Every input file under ``paths`` (files or folders, recursive, sorted as paths: folder
    by folder), hidden files and unsupported kinds left out."""
    for item in iter_sources(paths):
        yield item if isinstance(item, Skipped) else Path(item[0])


def iter_sources(paths: Iterable[str | Path]) -> Iterator[tuple[str, str] | Skipped]:
    """As ``iter_files``, each file as (its path as found under what was given, its absolute
    path): the second is the file's key in the reindex manifest, built along the walk rather
    than normalized file by file (100,000 ``os.path.abspath`` calls cost 0.2 s of a one-file
    update)."""
    for raw in paths:
        given = str(Path(raw))  # as the user wrote it, tidied: "seeds/" and "./seeds" are "seeds"
        if os.path.isdir(given):
            yield from _walk(given, os.path.abspath(given))
        elif os.path.isfile(given):
            yield given, os.path.abspath(given)
        else:
            yield Skipped(readable(given), "no such file or folder")


def _walk(folder: str, absolute: str) -> Iterator[tuple[str, str]]:
    """The supported files under ``folder`` (whose absolute path is ``absolute``), into
    sub-folders but not through links to folders (as ``Path.rglob``), each folder's entries in
    name order: the order of sorting the paths part by part. ``os.scandir``: at 100,000 files
    rglob and ``Path`` comparisons took 1.5 s of a one-file update."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as exc:
        log.warning("cannot read folder %s: %s", folder, exc)
        return
    prefix = absolute if absolute.endswith(os.sep) else absolute + os.sep
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(entry.path, prefix + entry.name)
            elif not entry.name.startswith(".") and _suffix(entry.name) in SUPPORTED and entry.is_file():
                yield entry.path, prefix + entry.name
        except OSError:
            continue


def _suffix(name: str) -> str:
    """``os.path.splitext(name)[1].lower()`` for a name not starting with a dot, at a third of
    the cost."""
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 else ""


def readable(path: str) -> str:
    """``path`` as text that can be printed, stored and indexed. A file name that is not UTF-8
    (Linux hands its bytes over as lone surrogates, which cannot be encoded again: one such
    name stopped a whole reindex) is read as TIS-620/cp874, the other encoding of Thai file
    names, anything still unreadable becoming U+FFFD."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return os.fsencode(path).decode("cp874", errors="replace")


Stat = tuple[int, int, int]


class Scan:
    """The files under ``sources`` (as ``iter_sources`` gives them, with any Skipped) and each
    file's ``manifest.file_stat``, worked out in a child process started at once, while the
    reindex imports its modules, reads the manifest and opens the index.

    At 100,000 files the listing and the ``stat`` calls take 0.4 s with a warm page cache and
    about 1 s with a cold one, about as long as everything else a reindex does before it reads
    the first changed file; a thread does not overlap them (each ``stat`` waits for the lock the importing thread
    holds). Where there is no ``os.fork``, another thread is running (a child of a threaded
    process may find a lock held for ever), or the child fails, the same work is done in
    process when ``result`` is asked for."""

    def __init__(self, sources: Iterable[str | Path], scanned_ns: int) -> None:
        self.sources = [str(source) for source in sources]
        self.scanned_ns = scanned_ns
        self._child: tuple[int, int] | None = None  # (pid, read end of its pipe)
        if not hasattr(os, "fork") or threading.active_count() > 1:
            return
        try:
            read, write = os.pipe()
        except OSError:
            return
        try:
            pid = os.fork()
        except OSError:
            os.close(read)
            os.close(write)
            return
        if pid == 0:  # the child: scan, hand the result over, leave without any clean-up of the parent's
            status = 1
            try:
                os.close(read)
                data = marshal.dumps(_scanned(self.sources, scanned_ns))
                with os.fdopen(write, "wb") as out:
                    out.write(data)
                status = 0
            finally:
                os._exit(status)
        os.close(write)
        self._child = (pid, read)

    def pending(self) -> bool:
        """Whether the child has not finished yet (there is time for other work)."""
        if self._child is None:
            return False
        return not select.select([self._child[1]], [], [], 0)[0]

    def result(self) -> tuple[list[tuple[str, str]], list[Stat | None], list[Skipped]]:
        """(the sources' files in ``iter_sources``' order, each one's stat, what was skipped)."""
        scanned = None
        if self._child is not None:
            (pid, read), self._child = self._child, None
            with os.fdopen(read, "rb") as handle:
                data = handle.read()
            _, status = os.waitpid(pid, 0)
            if status == 0:
                try:
                    scanned = marshal.loads(data)
                except (EOFError, ValueError, TypeError):
                    scanned = None
        if scanned is None:
            scanned = _scanned(self.sources, self.scanned_ns)
        paths, keys, raw_stats, skipped = scanned
        flat = array("q")
        flat.frombytes(raw_stats)
        stats = [None if size < 0 else (size, mtime, inode)
                 for size, mtime, inode in zip(flat[0::3], flat[1::3], flat[2::3])]
        return list(zip(paths, keys)), stats, [Skipped(path, reason) for path, reason in skipped]


def _scanned(sources: list[str], scanned_ns: int) -> tuple[list[str], list[str], bytes, list[tuple[str, str]]]:
    """What ``Scan`` hands over, as columns (at 100,000 files ``marshal`` reads them in 0.018 s,
    a list of tuples in 0.045 s; it keeps a file name's lone surrogates): the files' paths,
    their keys, their stats as 64-bit numbers (size, time, inode; -1s for None), and the
    (path, reason) of each Skipped."""
    paths: list[str] = []
    keys: list[str] = []
    flat = array("q")
    skipped: list[tuple[str, str]] = []
    for item in iter_sources(sources):
        if isinstance(item, Skipped):
            skipped.append((item.path, item.reason))
            continue
        paths.append(item[0])
        keys.append(item[1])
        flat.extend(file_stat(item[1], scanned_ns) or (-1, -1, -1))
    return paths, keys, flat.tobytes(), skipped
