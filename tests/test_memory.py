"""A server process gives memory it no longer uses back to the system (searchapp/memory.py)."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from searchapp import memory

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux") or memory._malloc_trim() is None,
                                reason="needs /proc and glibc's malloc_trim")


def _private_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("RssAnon:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no RssAnon in /proc/self/status")


def test_freed_memory_between_live_blocks_goes_back_to_the_system():
    # what a search leaves behind: many blocks freed, a few kept among them (so the C
    # library cannot simply shrink its heap from the top)
    blocks = [bytes(4000) + bytes([i % 256]) for i in range(40_000)]
    kept = blocks[::50]
    del blocks
    before = _private_mb()
    assert memory.release_free_memory()
    after = _private_mb()
    assert before - after > 100, f"{before:.0f} MB -> {after:.0f} MB"
    assert len(kept) == 800


def test_server_processes_trim_in_the_background():
    stop = threading.Event()
    thread = memory.start_trimming(every_s=0.01, stop=stop)
    try:
        assert thread is not None and thread.daemon and thread.is_alive()
    finally:
        stop.set()
    thread.join(timeout=5)
    assert not thread.is_alive()


_SEARCH_LIKE = """
import sys, threading
import numpy as np
from searchapp import memory
from tests.test_memory import _private_mb as private_mb

memory.start_trimming(every_s=3600, stop=threading.Event())  # no trim during this
earlier = np.zeros(100_000)  # an earlier search's array, 800 KB, dropped
earlier += 1
del earlier
before = private_mb()
arrays, kept = [], []
for _ in range(60):  # a search's per-document arrays over 100,000 articles, with small blocks kept between
    scores = np.zeros(100_000)
    scores[::100] = 1.0
    arrays.append(scores)
    kept.append(bytes(2000))
held = private_mb()
del arrays
print(before, held, private_mb())
"""


def test_a_searchs_large_arrays_go_back_to_the_system_when_it_drops_them():
    # without waiting for the next trim: glibc would carve them from its heap, where they stay
    import subprocess

    done = subprocess.run([sys.executable, "-c", _SEARCH_LIKE], capture_output=True, text=True, timeout=60,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 0, done.stderr
    before, held, after = map(float, done.stdout.split())
    assert held - before > 40  # 60 arrays of 800 KB, written
    assert after - before < 10, f"{before:.0f} MB, {held:.0f} MB with the arrays, {after:.0f} MB without"
