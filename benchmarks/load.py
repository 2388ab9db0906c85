"""A bounded load test of the real server, optionally with a full reindex swapped in mid-way.

    python benchmarks/load.py [--index DIR] [--concurrency 16] [--seconds 60] [--workers 1]
                              [--reindex-source DIR ...]

Starts the product's server (``python -m searchapp serve``, waitress, 8 threads per process,
``--workers`` processes) in its own
process on a free loopback port over ``--index`` (default: a
fresh index of seeds/ in a temporary folder), sends a mixed set of requests (Thai queries
with and without spaces, phrases, filters, sorts, facets, suggestions, articles, junk) from
``--concurrency`` threads for ``--seconds``, then stops by itself and prints one table:
requests, errors (any status >= 500, or no answer), and latency percentiles.
With ``--reindex-source``, a full reindex of those sources (into the served index) starts a
few seconds in, and the run reports whether the server picked up the new generation.
It only ever talks to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERIES = [
    "อาเซียน", "อาเซียน รัสเซีย", "อาเซียนรัสเซีย", "กระทรวงการต่างประเทศ", "ต่างประเทศ", "ความร่วมมือ",
    '"ความมั่นคงทางทะเล"', "การค้ามนุษย์ -ยาเสพติด", "ASEAN OR อาเซียน", "org:ASEAN ประชุม", "UNODC",
    "อาเซียน 2562", "มี.ค. 2567", "2560..2562", "สหรัฐฯ", "๒๕๖๒", "ประชม", "นายกรัฐมนตรี", "ฟุตบอล",
    "ยูเครน", "ราคาข้าว", 'unbalanced "quote', "*?*", "x" * 300, "ก" * 2000,
]
PATHS = [
    ("/api/search", {"sort": "newest"}), ("/api/search", {"page": "2"}), ("/api/search", {}),
    ("/", {}), ("/api/facets", {}), ("/api/suggest", {}),
]


def percentile(values: list[float], p: float) -> float:
    """The nearest-rank ``p``-th percentile (0 for no values)."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


@dataclass
class LoadReport:
    requests: int = 0
    errors: int = 0
    latencies: list[float] = field(default_factory=list)
    error_samples: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, seconds: float, error: str | None) -> None:
        with self.lock:
            self.requests += 1
            self.latencies.append(seconds)
            if error:
                self.errors += 1
                if len(self.error_samples) < 10:
                    self.error_samples.append(error)

    def percentile(self, p: float) -> float:
        return percentile(self.latencies, p)

    def summary(self, seconds: float) -> dict[str, object]:
        return {"requests": self.requests, "errors": self.errors, "seconds": round(seconds, 1),
                "per_second": round(self.requests / seconds, 1) if seconds else 0.0,
                "p50_ms": round(self.percentile(50) * 1000, 1), "p95_ms": round(self.percentile(95) * 1000, 1),
                "p99_ms": round(self.percentile(99) * 1000, 1),
                "max_ms": round(max(self.latencies, default=0.0) * 1000, 1),
                "error_samples": self.error_samples}


def _loopback(base_url: str) -> None:
    host = urllib.parse.urlsplit(base_url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit(f"refusing to load {host}: this tool only targets loopback")


def requests_forever(seed: int):
    rng = random.Random(seed)
    for n in itertools.count():
        path, extra = rng.choice(PATHS)
        q = rng.choice(QUERIES)
        if path == "/api/suggest":
            q = q[: rng.randint(1, 6)]
        yield path + "?" + urllib.parse.urlencode({"q": q, **extra})


def run_load(base_url: str, concurrency: int = 16, seconds: float = 60.0, timeout: float = 30.0,
             article_ids: list[str] | None = None) -> tuple[LoadReport, float]:
    """Hit ``base_url`` from ``concurrency`` threads for ``seconds``; returns the report."""
    _loopback(base_url)
    report = LoadReport()
    stop = time.monotonic() + seconds

    def worker(seed: int) -> None:
        paths = requests_forever(seed)
        rng = random.Random(seed)
        while time.monotonic() < stop:
            path = next(paths)
            if article_ids and rng.random() < 0.1:
                path = "/article/" + urllib.parse.quote(rng.choice(article_ids))
            started = time.perf_counter()
            error = None
            try:
                with urllib.request.urlopen(base_url + path, timeout=timeout) as response:
                    response.read()
            except urllib.error.HTTPError as exc:
                exc.read()
                if exc.code >= 500:
                    error = f"{exc.code} {path[:80]}"
            except OSError as exc:  # refused, reset, timed out: the server did not answer
                error = f"{exc.__class__.__name__}: {exc} {path[:80]}"
            report.add(time.perf_counter() - started, error)

    threads = [threading.Thread(target=worker, args=(seed,), daemon=True) for seed in range(concurrency)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + timeout + 5)
    return report, time.monotonic() - began


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(command: list[str], timeout: float = 120.0) -> tuple[subprocess.Popen, str]:
    """Run a server ``command`` (given ``--port`` on a free loopback port) in its own process and
    wait for its /healthz; returns (process, base URL)."""
    port = free_port()
    process = subprocess.Popen(command + ["--port", str(port)], cwd=ROOT, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/healthz", timeout=5).read()
            return process, base
        except OSError:
            if process.poll() is not None:
                raise SystemExit(f"the server did not start: {' '.join(command)}")
            time.sleep(0.2)
    process.kill()
    raise SystemExit(f"the server did not answer within {timeout:.0f} s")


def wait_until_ready(base: str, timeout: float = 180.0, in_a_row: int = 12) -> float:
    """Wait until the server's processes have read their index tables: /healthz says ``ready``
    (a server without that field is taken as ready) ``in_a_row`` times running, so that each
    of several worker processes has most likely answered once. Measuring before that times
    the start-up (at 100,000 articles about 4 s of each process's CPU, 8 s before session 17). Returns the seconds waited."""
    started = time.monotonic()
    deadline = started + timeout
    running = 0
    while running < in_a_row:
        if time.monotonic() > deadline:
            raise SystemExit(f"the server at {base} was not ready within {timeout:.0f} s")
        with urllib.request.urlopen(base + "/healthz", timeout=30) as response:
            ready = json.loads(response.read()).get("ready", True)
        running = running + 1 if ready else 0
        time.sleep(0.05 if ready else 0.2)
    return time.monotonic() - started


def child_processes(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (Linux /proc): a server's or a build's workers."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                pass
    return found


def serve_process(index: Path, threads: int = 8, workers: int = 1) -> tuple[subprocess.Popen, str]:
    """``python -m searchapp serve`` over ``index`` in its own process (so the load threads
    do not share its interpreter), once its processes have read their tables, warmed up with one search."""
    process, base = start_server([sys.executable, "-m", "searchapp", "serve", "--index", str(index), "--host",
                                  "127.0.0.1", "--threads", str(threads), "--workers", str(workers)])
    wait_until_ready(base)
    urllib.request.urlopen(base + "/api/search?q=%E0%B8%81", timeout=60).read()
    return process, base


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, help="index to serve (default: seeds/ indexed into a temp folder)")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--workers", type=int, default=1, help="server processes (serve --workers)")
    parser.add_argument("--reindex-source", type=Path, action="append", default=[],
                        help="run a full reindex of these sources into the served index during the load")
    args = parser.parse_args(argv)
    if not 1 <= args.concurrency <= 64 or not 1 <= args.seconds <= 600:
        parser.error("--concurrency must be 1-64 and --seconds 1-600")
    with tempfile.TemporaryDirectory(prefix="searchapp-load-") as tmp:
        index = args.index or Path(tmp) / "index"
        if args.index is None:
            subprocess.run([sys.executable, "-m", "searchapp.reindex", "--quiet", "--index", str(index)],
                           cwd=ROOT, check=True, stdin=subprocess.DEVNULL)
        from searchapp.search import SearchService

        service = SearchService(index)  # kept while its searcher is read: closing it closes the files
        ids = [fields["id"] for fields in itertools.islice(service.handle.searcher().all_stored_fields(), 200)]
        service.handle.close()
        server, base = serve_process(index, workers=args.workers)
        reindex_result: dict[str, object] = {}

        def reindex() -> None:
            time.sleep(min(5.0, args.seconds / 4))
            before = json.loads(urllib.request.urlopen(base + "/healthz").read())["generation"]
            started = time.monotonic()
            done = subprocess.run([sys.executable, "-m", "searchapp.reindex", "--full", "--quiet", "--index",
                                   str(index), *[a for s in args.reindex_source for a in ("--source", str(s))]],
                                  cwd=ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL)
            reindex_result["exit"] = done.returncode
            reindex_result["reindex_s"] = round(time.monotonic() - started, 1)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                now = json.loads(urllib.request.urlopen(base + "/healthz").read())
                if now["generation"] != before:
                    reindex_result["served_new_after_s"] = round(time.monotonic() - started
                                                                 - float(reindex_result["reindex_s"]), 1)
                    reindex_result["articles"] = now["articles"]
                    break
                time.sleep(0.1)
            else:
                reindex_result["served_new_after_s"] = None

        helper = threading.Thread(target=reindex, daemon=True) if args.reindex_source else None
        if helper:
            helper.start()
        report, elapsed = run_load(base, args.concurrency, args.seconds, article_ids=ids)
        if helper:
            helper.join()
        server.terminate()
        server.wait(30)
    summary = report.summary(elapsed)
    summary.update(reindex_result)
    print(f"{'requests':>9} {'errors':>7} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    print(f"{summary['requests']:>9} {summary['errors']:>7} {summary['per_second']:>7} {summary['p50_ms']:>8} "
          f"{summary['p95_ms']:>8} {summary['p99_ms']:>8} {summary['max_ms']:>8}")
    if reindex_result:
        print(f"reindex during the load: exit {reindex_result.get('exit')}, {reindex_result.get('reindex_s')} s, "
              f"new generation served {reindex_result.get('served_new_after_s')} s after it finished "
              f"({reindex_result.get('articles')} articles)")
    print(json.dumps(summary, ensure_ascii=False))
    return 0 if report.errors == 0 and reindex_result.get("exit", 0) == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
