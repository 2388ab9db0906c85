"""The server under load and while the index is rebuilt, and how it fails and recovers."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from .conftest import DATA, ROOT, SEEDS, reindex_cli, serving


def _load_module():
    spec = importlib.util.spec_from_file_location("searchapp_bench_load", ROOT / "benchmarks" / "load.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


load = _load_module()


def get(url: str) -> tuple[int, dict | str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            body = response.read().decode("utf-8")
            status = response.status
    except urllib.error.HTTPError as exc:
        body, status = exc.read().decode("utf-8"), exc.code
    try:
        return status, json.loads(body)
    except ValueError:
        return status, body


@pytest.fixture()
def served(tmp_path):
    index = tmp_path / "index"
    assert reindex_cli(index, SEEDS).returncode == 0
    with serving(index, threads=8) as base:
        yield index, base


def test_a_full_reindex_under_load_has_no_errors_and_is_served_within_seconds(served):
    index, base = served
    assert get(base + "/api/search?q=" + urllib.parse.quote("ข้าวหอมมะลิ"))[1]["total"] == 0
    outcome: dict[str, object] = {}

    def traffic() -> None:
        outcome["report"], outcome["seconds"] = load.run_load(base, concurrency=8, seconds=8)

    thread = threading.Thread(target=traffic)
    thread.start()
    time.sleep(1.5)
    done = reindex_cli(index, SEEDS, DATA / "archive.jsonl")
    finished = time.monotonic()
    assert done.returncode == 0, done.stderr
    found_after = None
    while time.monotonic() - finished < 5:
        status, data = get(base + "/api/search?q=" + urllib.parse.quote("ข้าวหอมมะลิ"))
        if status == 200 and data["total"] > 0:
            found_after = time.monotonic() - finished
            break
        time.sleep(0.1)
    thread.join()
    report = outcome["report"]
    assert report.requests > 50
    assert report.errors == 0, report.error_samples
    assert found_after is not None, "the new articles were not searchable within 5 s of the swap"
    print(f"\nunder load: {report.summary(outcome['seconds'])}; new articles served after {found_after:.1f} s")


def test_short_load_has_no_errors(served):
    _, base = served
    report, seconds = load.run_load(base, concurrency=16, seconds=5)
    summary = report.summary(seconds)
    print(f"\nload, concurrency 16 for 5 s: {summary}")
    assert report.requests > 20 and report.errors == 0, report.error_samples


def test_the_load_tool_only_targets_loopback():
    with pytest.raises(SystemExit, match="loopback"):
        load.run_load("http://example.com", concurrency=1, seconds=1)


# ------------------------------------------------------------ clear failures, self-recovery


def test_missing_index_is_a_clear_503_and_recovers_without_restart(tmp_path):
    index = tmp_path / "index"
    with serving(index, threads=8) as base:
        status, data = get(base + "/api/search?q=" + urllib.parse.quote("อาเซียน"))
        assert status == 503 and "no index" in data["error"] and "reindex" in data["hint"]
        status, page = get(base + "/?q=" + urllib.parse.quote("อาเซียน"))
        assert status == 503 and "ระบบค้นหายังไม่พร้อม" in page and "python -m searchapp.reindex" in page
        assert get(base + "/healthz")[0] == 503
        assert reindex_cli(index, SEEDS).returncode == 0
        deadline = time.monotonic() + 5
        while get(base + "/healthz")[0] != 200:
            assert time.monotonic() < deadline, "the server did not pick up the new index by itself"
            time.sleep(0.1)
        assert get(base + "/api/search?q=" + urllib.parse.quote("อาเซียน"))[0] == 200


@pytest.mark.parametrize("damage", ["current", "segments", "postings", "columns", "generation"])
def test_a_corrupt_index_is_a_clear_503_and_a_full_reindex_repairs_it(tmp_path, damage):
    index = tmp_path / "index"
    assert reindex_cli(index, SEEDS).returncode == 0
    live = index / (index / "CURRENT").read_text().strip()
    if damage == "current":
        (index / "CURRENT").write_text("../../etc\n")
    elif damage in ("segments", "postings", "columns"):
        # the table of contents and terms; the postings; the per-document columns
        suffixes = {"segments": (".toc", ".seg", ".trm"), "postings": (".pst",), "columns": (".col",)}[damage]
        damaged = [path for path in live.iterdir() if path.suffix in suffixes]
        assert damaged
        for path in damaged:
            path.write_bytes(b"\0garbage" * 10)
    else:
        shutil.rmtree(live)
    with serving(index, threads=8) as base:
        status, data = get(base + "/api/search?q=" + urllib.parse.quote("อาเซียน"))
        assert status == 503 and data["error"], data
        cli = subprocess.run([sys.executable, "-m", "searchapp.search", "--index", str(index), "อาเซียน"],
                             cwd=ROOT, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
        assert cli.returncode != 0 and "Traceback" not in cli.stderr and str(index) in cli.stderr
        repaired = subprocess.run([sys.executable, "-m", "searchapp.reindex", "--index", str(index), "--quiet"],
                                  cwd=ROOT, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
        assert repaired.returncode == 0, repaired.stdout + repaired.stderr
        deadline = time.monotonic() + 5
        while get(base + "/api/search?q=" + urllib.parse.quote("อาเซียน"))[0] != 200:
            assert time.monotonic() < deadline, "the server did not recover by itself"
            time.sleep(0.1)
