"""A reindex killed with SIGKILL at any point leaves the previous index answering; the
next reindex succeeds (no stale lock, leftovers cleaned); two reindexes at once never
leave a broken index."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest

from searchapp.config import CRASH_POINTS

from .conftest import DATA, SEEDS, reindex_cli

SEED_COUNT = 5
ALL_COUNT = 15  # the seeds and the ten articles of tests/data/archive.jsonl


@pytest.fixture()
def live_index(tmp_path) -> Path:
    index = tmp_path / "index"
    done = reindex_cli(index, SEEDS)
    assert done.returncode == 0, done.stderr
    return index


def answers(index: Path) -> tuple[int, str]:
    """What a freshly started server would answer: the article count and the top hit."""
    from searchapp.web import create_app

    client = create_app({"TESTING": True, "INDEX_DIR": index}).test_client()
    health = client.get("/healthz")
    assert health.status_code == 200, health.get_data(as_text=True)
    top = client.get("/api/search?q=อาเซียน&size=1").get_json()["hits"][0]["id"]
    return health.get_json()["articles"], top


@pytest.mark.parametrize("point", CRASH_POINTS)
def test_a_reindex_killed_at_any_point_leaves_a_whole_index(live_index, point):
    from searchapp.search import SearchService

    running = SearchService(live_index)  # a server that was answering before the crash
    before = running.search("อาเซียน").hits[0].id
    crashed = reindex_cli(live_index, SEEDS, DATA / "archive.jsonl", crash_at=point)
    assert crashed.returncode == -signal.SIGKILL, crashed.stderr

    count, _ = answers(live_index)
    # before the rename of CURRENT the old index is live; after it, the whole new one
    assert count == (ALL_COUNT if point == "swapped" else SEED_COUNT)
    assert running.search("อาเซียน").total > 0 and running.search("อาเซียน").hits[0].id
    if point != "swapped":
        time.sleep(1.1)  # past the reader's check interval: it looked again and stayed
        assert running.search("อาเซียน").hits[0].id == before

    again = reindex_cli(live_index, SEEDS, DATA / "archive.jsonl")  # no stale lock blocks it
    assert again.returncode == 0, again.stderr
    assert answers(live_index)[0] == ALL_COUNT
    generations = sorted(p.name for p in live_index.iterdir() if p.name.startswith("gen-"))
    assert len(generations) <= 2, f"leftovers of the crashed build remain: {generations}"
    assert not [p for p in live_index.iterdir() if p.name.startswith(".CURRENT.")]


def test_two_reindexes_at_once_one_waits_or_is_refused(live_index):
    from searchapp.index import index_lock

    with index_lock(live_index):  # a reindex is running (holding the writer lock)
        refused = reindex_cli(live_index, SEEDS, DATA / "archive.jsonl")
        assert refused.returncode == 1
        assert "another reindex is running" in refused.stderr and "--wait" in refused.stderr
        assert "Traceback" not in refused.stderr
        queued = reindex_cli(live_index, SEEDS, DATA / "archive.jsonl", wait=True, background=True)
        time.sleep(2)
        assert queued.poll() is None, "--wait should queue behind the running reindex"
        assert answers(live_index)[0] == SEED_COUNT  # the index in use is untouched meanwhile
    out, err = queued.communicate(timeout=300)
    assert queued.returncode == 0, err
    assert answers(live_index)[0] == ALL_COUNT


def test_an_unknown_crash_point_is_refused(tmp_path):
    done = reindex_cli(tmp_path / "index", SEEDS, crash_at="nowhere")
    assert done.returncode != 0 and "SEARCHAPP_CRASH_AT" in done.stderr
    assert "Traceback" not in done.stderr
