"""Reading a served index's files once as a server process starts, so that its first queries
find them in the page cache.

A query reads a few hundred scattered pieces of the index (term tables, posting blocks,
positions, the stored bodies of the hits it shows). Where the system has not read them
lately, each piece is a wait on the disk: at 100,000 articles (2.9 GB) on this project's VM
the median short query took 48.7 ms in a process's first pass over the scale queries when
the index had been idle for hours, against 30.8 ms once read, and 38.6 ms right after
dropping the system's page cache (then the VM's host still held the blocks). Reading the
files in order, a megabyte at a time, is fast where those scattered reads are not (a 580 MB
posting file in 0.5 s from idle), so a server reads the generation it serves before it says
it is ready. ``posix_fadvise(WILLNEED)`` would ask the system to do it without copying, but
on this VM it reads only the first 8 MB of a file.

The files are read with plain ``read`` calls into one buffer: they land in the page cache,
shared by the server's processes (and whoever else reads the index), and not in a
process's resident memory. Only as much is read as fits in half the memory the system says
is available, the most used files first (term tables, scoring arrays, columns, postings), so a
machine with less memory than its index reads what helps most and leaves room for the rest.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

# the kinds of index file in the order they are read: what every query needs first
_ORDER = (".trm", ".sps", ".col", ".pst")
_CHUNK = 1 << 20


def available_memory() -> int | None:
    """Bytes of memory the system can give without swapping (Linux's MemAvailable), or None
    where that is not known."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def _rank(path: Path) -> int:
    for i, suffix in enumerate(_ORDER):
        if path.name.endswith(suffix):
            return i
    return len(_ORDER)


def plan(directory: Path, budget: int) -> list[tuple[Path, int]]:
    """The files of ``directory`` to read, with their sizes: the most used kinds first, each
    kind's smaller files first, as long as their sum stays within ``budget`` bytes."""
    files = []
    try:
        for entry in os.scandir(directory):
            if entry.is_file(follow_symlinks=False):
                files.append((Path(entry.path), entry.stat(follow_symlinks=False).st_size))
    except OSError:
        return []  # the generation went away (a newer one replaced it) while it was listed
    files.sort(key=lambda item: (_rank(item[0]), item[1], item[0].name))
    chosen, total = [], 0
    for path, size in files:
        if total + size > budget:
            continue  # a smaller file of a later kind may still fit
        chosen.append((path, size))
        total += size
    return chosen


def preload(directory: Path, budget: int | None = None) -> tuple[int, float]:
    """Read the files of an index generation's ``directory`` (``plan``) so the page cache
    holds them; ``budget`` defaults to half the available memory, and nothing is read where
    that is not known. Returns (bytes read, seconds). A file that goes away meanwhile (a newer
    generation replaced this one) is passed over."""
    if budget is None:
        available = available_memory()
        budget = 0 if available is None else available // 2
    started = time.monotonic()
    done = 0
    buffer = bytearray(_CHUNK)
    for path, _size in plan(directory, budget):
        try:
            with open(path, "rb", buffering=0) as handle:
                while count := handle.readinto(buffer):
                    done += count
        except OSError:
            continue
    return done, time.monotonic() - started


__all__ = ["available_memory", "plan", "preload"]
