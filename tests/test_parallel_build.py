"""A full build in worker processes (`reindex --jobs N`, automatic for large archives) finds
exactly what a one-process build finds, can be updated like any index, and a reindex
killed while its workers run leaves no worker behind."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from searchapp.search import SearchService

from .conftest import DATA, ROOT, reindex_cli
from .test_reliability import load

ARTICLES = 450  # Whoosh hands documents to workers 100 at a time: several batches, both workers busy


def _archive(folder: Path, count: int = ARTICLES) -> Path:
    """``count`` articles as JSON files, made by recombining the test archive's paragraphs."""
    base = [json.loads(line) for line in (DATA / "archive.jsonl").read_text("utf-8").splitlines()]
    sentences = [s for record in base for s in record["content"].split(" ") if len(s) > 20]
    rng = random.Random(7)
    folder.mkdir()
    for n in range(count):
        record = dict(rng.choice(base))
        record.update(id=f"p{n:04d}", content=" ".join(rng.sample(sentences, 6)),
                      date=f"20{rng.randint(15, 24)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}T10:00:00+07:00")
        (folder / f"{n:04d}.json").write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    return folder


def _segments(index: Path) -> int:
    live = index / (index / "CURRENT").read_text().strip()
    return len({p.name.split(".")[0] for p in live.iterdir() if p.suffix == ".pst"})


def _answers(index: Path, query: str) -> tuple[int, dict, list[tuple[float, frozenset[str]]]]:
    """Total, facets, and the results grouped by score (the order among equal scores is the
    documents' order in the index, which differs between builds)."""
    results = SearchService(index).search(query, size=100)
    groups: dict[float, set[str]] = {}
    for hit in results.hits:
        groups.setdefault(round(hit.score, 5), set()).add(hit.id)
    ranked = sorted(((s, frozenset(ids)) for s, ids in groups.items()), reverse=True)
    if results.total > len(results.hits):
        ranked = ranked[:-1]  # the page may end inside a group of equal scores
    return results.total, results.facets, ranked


@pytest.fixture(scope="module")
def archive_source(tmp_path_factory) -> Path:
    return _archive(tmp_path_factory.mktemp("parallel") / "articles")


def test_worker_processes_build_the_same_index_as_one_process(tmp_path, archive_source):
    one, two = tmp_path / "one", tmp_path / "two"
    assert reindex_cli(one, archive_source, jobs=1).returncode == 0
    done = reindex_cli(two, archive_source, jobs=2)
    assert done.returncode == 0, done.stderr
    assert f"indexed {ARTICLES} articles" in done.stdout
    assert _segments(one) == 1 and _segments(two) == 2
    for query in ("อาเซียน", "ประชุม อาเซียน", "ข้าว -ราคา", '"ความร่วมมือ"', "อาเซียน 2562", "ค้าดิจิทัล"):
        assert _answers(one, query) == _answers(two, query), query


def test_an_index_built_by_workers_updates_like_any_other(tmp_path, archive_source):
    index = tmp_path / "index"
    assert reindex_cli(index, archive_source, jobs=2).returncode == 0
    changed = archive_source.parent / "changed"
    changed.mkdir()
    for path in sorted(archive_source.iterdir())[:50]:  # keep 50 of the articles, change one
        (changed / path.name).write_bytes(path.read_bytes())
    record = json.loads((changed / "0003.json").read_text("utf-8"))
    record["content"] += " ข่าวแก้ไขเรื่องช้างเผือกสีม่วง"
    (changed / "0003.json").write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    update = subprocess.run([sys.executable, "-m", "searchapp.reindex", "--quiet", "--index", str(index),
                             "--source", str(changed)], cwd=ROOT, capture_output=True, text=True, timeout=300,
                            stdin=subprocess.DEVNULL)
    assert update.returncode == 0, update.stderr
    service = SearchService(index)
    assert service.count() == 50
    assert [h.id for h in service.search("ช้างเผือกสีม่วง").hits] == ["p0003"]
    assert service.search("อาเซียน").total <= 50
    assert sum(v.count for v in service.search("อาเซียน").facets["year"]) <= 50


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_reindex_killed_while_its_workers_run_leaves_none_behind(tmp_path, archive_source):
    index = tmp_path / "index"
    running = reindex_cli(index, archive_source, jobs=2, background=True)
    deadline = time.monotonic() + 60
    workers: list[int] = []
    # both workers, not the first one seen: one started between a look and the kill would not be
    # waited for below, and while dying it still holds the index lock the next reindex needs
    while len(workers) < 2:
        assert time.monotonic() < deadline and running.poll() is None, "the workers never started"
        workers = load.child_processes(running.pid)
        time.sleep(0.05)
    os.kill(running.pid, signal.SIGKILL)
    running.communicate(timeout=30)
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{w}").exists() and "Z" not in Path(f"/proc/{w}/stat").read_text().split()[2]
              for w in workers if Path(f"/proc/{w}").exists()):
        assert time.monotonic() < deadline, "a worker outlived the reindex that started it"
        time.sleep(0.1)
    again = reindex_cli(index, archive_source, jobs=2)  # no worker holds the lock
    assert again.returncode == 0, again.stderr
    assert SearchService(index).count() == ARTICLES


@pytest.mark.parametrize("count", [150, 1300])  # 1,300: more batches than the job queue holds
def test_workers_that_die_fail_the_build_and_the_live_index_stays(tmp_path, monkeypatch, count):
    from searchapp.analysis import analyzers
    from searchapp.errors import IndexBuildError
    from searchapp.index import build_index, current_generation
    from searchapp.models import Article

    index = tmp_path / "index"
    build_index([Article(id="live", title="ข่าวเดิม", body="ข่าวเดิมที่ค้นได้")], index)
    live = current_generation(index)
    real = analyzers.ThaiWordTokenizer.positions  # what indexing calls

    def dies_in_a_worker(self, value):
        if os.getpid() != parent:  # only inside the forked workers
            os._exit(3)
        return real(self, value)

    parent = os.getpid()
    monkeypatch.setattr(analyzers.ThaiWordTokenizer, "positions", dies_in_a_worker)
    articles = [Article(id=f"x{n}", title="ข่าว", body="ข่าวใหม่") for n in range(count)]
    with pytest.raises(IndexBuildError):
        build_index(articles, index, procs=2)
    assert current_generation(index) == live
    assert SearchService(index).count() == 1


def test_each_worker_writes_its_segments_scoring_postings_as_the_build_would(tmp_path, monkeypatch, archive_source):
    from whoosh import index as whoosh_index

    from searchapp import index as index_module
    from searchapp import score_postings
    from searchapp.index import build_index, current_generation
    from searchapp.ingest import ingest_file

    # terms in 20 documents or more get arrays, so that these small segments have some
    monkeypatch.setattr(score_postings, "MIN_POSTINGS", 20)
    left: list[int] = []  # what the build's own pass found still to write once the workers were done
    real = index_module.write_score_postings
    monkeypatch.setattr(index_module, "write_score_postings", lambda ix: left.append(real(ix)) or left[-1])
    articles = [a for path in sorted(archive_source.iterdir()) for a in ingest_file(path)[0]]
    build_index(articles, tmp_path / "index", procs=2)
    live = current_generation(tmp_path / "index")
    by_workers = {p.name: p.read_bytes() for p in live.glob(f"*{score_postings.EXTENSION}")}
    assert left == [0] and len(by_workers) == 2
    assert all(score_postings.ScorePostings(live / name)._directory for name in by_workers)
    for name in by_workers:
        (live / name).unlink()
    assert score_postings.write_missing(whoosh_index.open_dir(str(live))) == 2
    assert {p.name: p.read_bytes() for p in live.glob(f"*{score_postings.EXTENSION}")} == by_workers
