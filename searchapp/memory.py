"""Handing freed memory back to the system in a long-running server process.

A search over 100,000 articles builds dictionaries and sets of tens of thousands of entries
and drops them when it answers. The C library's allocator (glibc on Linux) keeps the freed
space inside the process, scattered between live blocks, so a server's resident memory
climbs to its busiest moment and stays there: measured at 100,000 articles, a process held
about 250 MB after 200 queries, of which 50 MB were free space ``malloc_trim`` gave back
(and 50 MB more right after the facet table was read). Each server process therefore trims
once a second, off the request threads (a trim takes 1-3 ms). Where the C library has no
``malloc_trim`` (macOS, musl) nothing is done.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import threading
from functools import lru_cache

log = logging.getLogger(__name__)

TRIM_EVERY_S = 1.0


# glibc's mallopt parameters: the number of allocation arenas; the size from which a block is
# mapped on its own (and unmapped, so given back, as soon as it is freed)
_M_ARENA_MAX = -8
_M_MMAP_THRESHOLD = -3
# a search's per-document score arrays at 100,000 articles are 800 KB (its arrays of matches, 100 KB,
# stay in the heap); glibc's own threshold starts at 128 KB but rises to the largest block freed,
# after which such arrays are carved from the heap and stay there until the next trim
MMAP_THRESHOLD = 256 * 1024


@lru_cache(maxsize=1)
def _libc():
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        return ctypes.CDLL(name)
    except OSError:
        return None


def _malloc_trim():
    return getattr(_libc(), "malloc_trim", None)


def release_free_memory() -> bool:
    """Give the process's free heap pages back to the system; False where that is not possible."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True


def start_trimming(every_s: float = TRIM_EVERY_S, stop: threading.Event | None = None) -> threading.Thread | None:
    """A daemon thread releasing free memory every ``every_s`` seconds for the life of the
    process, or until ``stop`` is set (start it in each server process, after any fork and before
    the request threads). None where trimming is not possible.

    It also asks for one allocation arena for all threads: by default glibc gives threads
    arenas of their own, each keeping its own free space, and Python threads take turns
    anyway (the interpreter lock); with four request threads this kept 20-40 MB more a process.
    And it maps every block of ``MMAP_THRESHOLD`` or more on its own, so that a search's large
    arrays go back to the system when the search drops them rather than at the next trim: at
    100,000 articles, right after eight clients' load, two server processes held 378-484 MB
    (four runs) with glibc's rising threshold (361 MB once trimmed) and 364-399 MB with this one, at a
    cost of about a tenth of their throughput (24.7-25.0 against 26.5-27.9 queries/s; the
    latency of one client at a time the same). ``MALLOC_MMAP_THRESHOLD_`` in the environment,
    glibc's own setting, is left to rule."""
    mallopt = getattr(_libc(), "mallopt", None)
    if mallopt is not None:
        mallopt(_M_ARENA_MAX, 1)
        if "MALLOC_MMAP_THRESHOLD_" not in os.environ:
            mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)
    if _malloc_trim() is None:
        log.info("this C library cannot release free memory; resident memory may stay at its peak")
        return None
    stop = stop or threading.Event()

    def run() -> None:
        while not stop.wait(every_s):
            release_free_memory()

    thread = threading.Thread(target=run, name="searchapp-memory-trim", daemon=True)
    thread.start()
    return thread
