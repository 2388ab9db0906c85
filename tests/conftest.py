from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

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


def needs_dailynews():
    return pytest.mark.skipif(not DAILYNEWS.is_dir() and not os.environ.get("CI"),
                              reason="../shared/corpora/dailynews is not beside the project")
