"""A server reads its index's files into the page cache as it starts (searchapp/preload.py)."""

from __future__ import annotations

import ctypes
import ctypes.util
import mmap
import os
import sys
from pathlib import Path

import pytest

from searchapp.preload import plan, preload


def _write(path: Path, size: int) -> Path:
    path.write_bytes(os.urandom(size))
    return path


def test_the_most_used_files_are_read_first_and_only_what_fits(tmp_path):
    postings = _write(tmp_path / "MAIN_a.pst", 6000)
    terms = _write(tmp_path / "MAIN_a.trm", 3000)
    scoring = _write(tmp_path / "MAIN_a.sps", 2000)
    column = _write(tmp_path / "MAIN_a.year.col", 500)
    other = _write(tmp_path / "manifest.json", 100)
    everything = plan(tmp_path, 10**9)
    assert [path for path, _ in everything] == [terms, scoring, column, postings, other]
    assert sum(size for _, size in everything) == 11600
    # 6,000 bytes: the postings do not fit after the tables, the small files after them still do
    assert [path for path, _ in plan(tmp_path, 6000)] == [terms, scoring, column, other]
    assert plan(tmp_path, 0) == []
    assert preload(tmp_path, 6000)[0] == 5600
    assert preload(tmp_path, 0)[0] == 0


def test_a_file_gone_meanwhile_is_passed_over(tmp_path, monkeypatch):
    kept = _write(tmp_path / "MAIN_a.trm", 1000)
    gone = _write(tmp_path / "MAIN_b.trm", 2000)
    listed = plan(tmp_path, 10**9)
    gone.unlink()  # a newer generation replaced this one between the listing and the reading
    monkeypatch.setattr("searchapp.preload.plan", lambda directory, budget: listed)
    assert preload(tmp_path, 10**9)[0] == kept.stat().st_size


def test_a_generation_gone_before_it_is_read_reads_nothing(tmp_path):
    # the server's warm-up goes on (and says it is ready) when a reindex removed the generation it meant to read
    assert plan(tmp_path / "gone", 10**9) == []
    assert preload(tmp_path / "gone", 10**9)[0] == 0


def _resident_share(path: Path) -> float:
    """The share of ``path``'s pages held in the page cache (Linux ``mincore`` on a mapping of it)."""
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    libc.mmap.restype = ctypes.c_void_p
    libc.mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_long]
    libc.mincore.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_void_p]
    libc.munmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
    size = path.stat().st_size
    pages = (size + mmap.PAGESIZE - 1) // mmap.PAGESIZE
    fd = os.open(path, os.O_RDONLY)
    try:
        address = libc.mmap(None, size, mmap.PROT_READ, mmap.MAP_SHARED, fd, 0)
        assert address not in (None, ctypes.c_void_p(-1).value), os.strerror(ctypes.get_errno())
        try:
            vector = (ctypes.c_ubyte * pages)()
            assert libc.mincore(address, size, vector) == 0, os.strerror(ctypes.get_errno())
        finally:
            libc.munmap(address, size)
    finally:
        os.close(fd)
    return sum(v & 1 for v in vector) / pages


def _evict(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="mincore and posix_fadvise as on Linux")
def test_the_files_land_in_the_page_cache_not_in_the_process(tmp_path):
    big = _write(tmp_path / "MAIN_a.pst", 48 << 20)
    _evict(big)
    if _resident_share(big) > 0.1:
        pytest.skip("this file system keeps the file in memory whatever is asked (tmpfs)")
    resident_before = _resident_mb()
    done, _seconds = preload(tmp_path, 10**10)
    assert done == 48 << 20
    assert _resident_share(big) > 0.9
    assert _resident_mb() - resident_before < 8  # read through one small buffer, not kept


def _resident_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS in /proc/self/status")


def test_a_service_is_ready_once_it_has_read_its_index_files(archive_index, monkeypatch):
    from searchapp.search import SearchService

    read = []
    monkeypatch.setattr("searchapp.search.preload", lambda directory: read.append(directory) or (0, 0.0))
    service = SearchService(archive_index)
    assert not service.warmed()
    service.warm()
    assert service.warmed()
    service.warm()  # again (a test, a second call): the files are read once a process
    assert [path.name for path in read] == [service.handle.generation]
