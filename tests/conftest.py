from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"
DAILYNEWS = SHARED / "corpora" / "dailynews" / "articles"


@pytest.fixture(scope="session")
def expected() -> dict:
    return json.loads((DATA / "seeds-expected.json").read_text("utf-8"))["articles"]


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory) -> Path:
    """A real on-disk index of the five seeds (built once; tests only read it)."""
    from searchapp.index import build_index
    from searchapp.ingest import ingest_paths
    from searchapp.models import Article

    target = tmp_path_factory.mktemp("seed-index") / "index"
    build_index((a for a in ingest_paths([SEEDS]) if isinstance(a, Article)), target)
    return target


@pytest.fixture(scope="session")
def archive_index(tmp_path_factory) -> Path:
    """The seeds plus ten short articles of our own (tests/data/archive.jsonl) spread over
    2017-2024, several sections and sources, and one without a date: enough for facets,
    date filters and sorting to mean something."""
    from searchapp.index import build_index
    from searchapp.ingest import ingest_paths
    from searchapp.models import Article

    target = tmp_path_factory.mktemp("archive-index") / "index"
    build_index((a for a in ingest_paths([SEEDS, DATA / "archive.jsonl"]) if isinstance(a, Article)), target)
    return target


@pytest.fixture()
def archive(archive_index):
    from searchapp.search import SearchService

    return SearchService(archive_index)


@pytest.fixture()
def service(seed_index):
    from searchapp.search import SearchService

    return SearchService(seed_index)


@pytest.fixture()
def app(seed_index):
    from searchapp.web import create_app

    return create_app({"TESTING": True, "INDEX_DIR": seed_index})


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture()
def archive_client(archive_index):
    from searchapp.web import create_app

    return create_app({"TESTING": True, "INDEX_DIR": archive_index}).test_client()


@pytest.fixture()
def seeds_copy(tmp_path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


@contextmanager
def serving(index: Path, threads: int = 4) -> Iterator[str]:
    """The real waitress server over ``index`` in this process on a free loopback port; yields
    its base URL."""
    from waitress.server import create_server

    from searchapp.config import Settings
    from searchapp.web import create_app

    from waitress import wasyncore

    server = create_server(create_app(settings=Settings(index_dir=index)), host="127.0.0.1", port=0,
                           threads=threads)
    stop = threading.Event()

    def run() -> None:  # waitress's loop, a step at a time, so that it can be stopped before closing
        while not stop.is_set():
            wasyncore.loop(timeout=0.05, map=server._map, count=1)

    loop = threading.Thread(target=run, daemon=True)
    loop.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        # closing sockets while the loop thread waits on them made select() fail (EBADF) in that thread
        stop.set()
        loop.join(10)
        server.task_dispatcher.shutdown()
        wasyncore.close_all(server._map)


def reindex_cli(index: Path, *sources: Path, crash_at: str | None = None, wait: bool = False,
                background: bool = False, jobs: int | None = None):
    """``python -m searchapp.reindex --full --quiet`` as a user runs it (a subprocess);
    ``crash_at`` sets the fault-injection point, ``background`` returns the running Popen."""
    env = {k: v for k, v in os.environ.items() if k != "SEARCHAPP_CRASH_AT"}
    if crash_at:
        env["SEARCHAPP_CRASH_AT"] = crash_at
    args = [sys.executable, "-m", "searchapp.reindex", "--full", "--quiet", "--index", str(index)]
    args += [a for s in sources for a in ("--source", str(s))]
    if wait:
        args.append("--wait")
    if jobs is not None:
        args += ["--jobs", str(jobs)]
    if background:
        return subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, stdin=subprocess.DEVNULL)
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
                          stdin=subprocess.DEVNULL)


def needs_dailynews():
    return pytest.mark.skipif(not DAILYNEWS.is_dir() and not os.environ.get("CI"),
                              reason="../shared/corpora/dailynews is not beside the project")


@pytest.fixture(scope="session")
def many_index(tmp_path_factory):
    """600 undated articles of shuffled words: enough postings for Whoosh's block skipping."""
    import random

    from searchapp.index import build_index
    from searchapp.models import Article

    words = ("ทีม ฟุตบอล แชมป์ ฤดูกาล ประตู ผู้เล่น โค้ช สนาม แฟนบอล ลีก ชัยชนะ เกม คะแนน นัด ชิง "
             "ถ้วย สโมสร กองหลัง กองหน้า ผู้รักษาประตู ตาราง อันดับ ปี 2015 2016 ครั้ง").split()
    rng = random.Random(7)
    articles = [Article(id=f"m{n:03d}", title=" ".join(rng.choices(words, k=rng.randint(2, 6))),
                        body=" ".join(rng.choices(words, k=rng.randint(20, 200))))
                for n in range(600)]
    target = tmp_path_factory.mktemp("many") / "index"
    build_index(articles, target)
    return target
