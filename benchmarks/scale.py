"""searchapp at archive scale, side by side with the naive build, in one run.

    python benchmarks/scale.py [--size 10000] [--seed 1] [--queries 200] [--seconds 20]

1. Generates ``--size`` Dailynews-like articles, one JSON file each, from the Dailynews
   sample (../shared/corpora/dailynews): bodies recombine paragraphs of different
   articles, titles and sections are drawn from the sample, dates are spread over
   2015-2024, and organization names in the text are swapped for others from the
   project's organization data. Deterministic for a given ``--seed``.
2. searchapp: full reindex (``python -m searchapp.reindex --full``: articles/s, MB/s),
   index size, incremental reindex of 1 changed file, 100 changed and 100 deleted. Each
   update is timed after ``os.sync()``: the disk still writing back the gigabytes the two
   builds have just written made one changed file of 100,000 take 2.2-3.5 s instead of
   1.4-2.0 s (measured apart), a figure of the disk's backlog rather than of the update.
3. The naive build on the same files: stock Whoosh (title and body TEXT fields) with
   PyThaiNLP ``word_tokenize`` (newmm) as the tokenizer, the default MultifieldParser with
   OrGroup, and Whoosh's default highlighting for the hits shown.
4. Both served over HTTP by waitress in their own processes, on loopback: latency at
   concurrency 1 (p50/p95/p99) for a mixed query set (1-5 word Thai queries, queries
   without spaces, phrases, filtered queries), throughput at concurrency 8 for
   ``--seconds``, and each server's resident memory afterwards.

searchapp is served as a user would on this machine (``serve --workers N``, one process per
CPU by default, 4 threads each); the naive server is one process with 8 threads. Memory is
the resident memory of the server's processes, summed.

Prints one table (ours, naive, ratio) and a JSON line. Stops by itself; loopback only.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

from whoosh.analysis import Token, Tokenizer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from load import child_processes, percentile, start_server, wait_until_ready  # noqa: E402  (benchmarks/load.py, beside this file)
from searchapp.config import pythainlp_read_only  # noqa: E402

pythainlp_read_only()  # the naive build imports PyThaiNLP too
DAILYNEWS = ROOT.parent / "shared" / "corpora" / "dailynews" / "articles"


# ------------------------------------------------------------------ the corpus


def _sample() -> tuple[list[str], list[str], list[str]]:
    titles, paragraphs, categories = [], [], []
    for path in sorted(DAILYNEWS.rglob("*.json")):
        try:
            record = json.loads(path.read_text("utf-8"))
        except ValueError:
            continue
        content = " ".join((record.get("content") or "").replace("\xa0", " ").split(" "))
        parts = [p.strip() for p in re.split(r"\n+|(?<=[^\s]{40})\s{2,}", content) if len(p.strip()) > 40]
        if record.get("title") and parts:
            titles.append(record["title"].split("|")[0].strip())
            paragraphs.extend(parts)
            categories.append(record.get("category") or "news")
    return titles, paragraphs, categories


def _longest_first(words: list[str]) -> re.Pattern:
    """A pattern matching the longest of ``words`` that starts at each place, as a plain
    alternation of them longest first would, with their common beginnings shared: the plain
    one tried all 300 names at every letter of every body (21 s of a 10k run)."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        either = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # a greedy optional part: going on is tried before ending here, so the longest wins
        return f"(?:{either})?" if "" in node else either

    return re.compile(pattern(trie))


def generate(size: int, seed: int, target: Path) -> None:
    """``size`` articles as one JSON file each in ``target`` (deterministic for ``seed``)."""
    from searchapp.thai.orgs import registry

    titles, paragraphs, categories = _sample()
    reg = registry()
    orgs = sorted({alias for org in reg.organizations for alias in org.aliases
                   if re.search(r"[\u0e00-\u0e7f]", alias) and len(alias) > 6})
    pattern = _longest_first(sorted(orgs, key=len, reverse=True)[:300])
    rng = random.Random(seed)
    target.mkdir(parents=True, exist_ok=True)
    for n in range(size):
        body = "\n".join(rng.sample(paragraphs, rng.randint(3, 8)))
        body = pattern.sub(lambda m: rng.choice(orgs) if rng.random() < 0.5 else m.group(0), body)
        day = time.gmtime(rng.randint(1420070400, 1735603200))  # 2015-01-01 .. 2024-12-31
        record = {"id": f"s{n:06d}", "title": rng.choice(titles), "category": rng.choice(categories),
                  "content": body, "date": time.strftime("%Y-%m-%dT%H:%M:%S+07:00", day),
                  "url": f"https://example.invalid/{n}"}
        folder = target / f"{n // 1000:03d}"
        folder.mkdir(exist_ok=True)
        (folder / f"{n:06d}.json").write_text(json.dumps(record, ensure_ascii=False), "utf-8")


_SEARCHABLE = re.compile(r"[\u0e01-\u0e2e\u0e50-\u0e59A-Za-z0-9]")  # a Thai consonant, a Latin letter or a digit


def query_set(source: Path, count: int, seed: int) -> list[str]:
    """Mixed queries made from the generated titles (not tuned on anything)."""
    from searchapp.analysis.segment import cut_words

    rng = random.Random(seed + 1)
    files = sorted(source.rglob("*.json"))
    queries: list[str] = []
    while len(queries) < count:
        title = json.loads(rng.choice(files).read_text("utf-8"))["title"]
        # words with a letter or digit: a title's `!"` made a query with nothing to search
        # for, which the API rightly answers 400 (it stopped the 100k run of session 10); `ฯ'`
        # did the same in session 27 (Python counts the abbreviation mark ฯ and the repetition
        # mark ๆ as letters; the analyzer does not)
        words = [w for w in cut_words(title) if len(w.strip()) > 1 and _SEARCHABLE.search(w)]
        if len(words) < 2:
            continue
        kind = len(queries) % 5
        k = rng.randint(1, min(5, len(words)))
        start = rng.randint(0, len(words) - k)
        chosen = words[start:start + k]
        if kind == 0:
            queries.append(" ".join(chosen))  # 1-5 words with spaces
        elif kind == 1:
            queries.append("".join(chosen))  # no spaces
        elif kind == 2:
            queries.append(f'"{"".join(words[start:start + 2])}"')  # a phrase
        elif kind == 3:
            queries.append(" ".join(chosen) + " 2562")  # with a year
        else:
            queries.append(" ".join(chosen[:2]) + " section:การเมือง")  # filtered
    return queries


# ------------------------------------------------------------------ the naive build


def naive_schema():
    from whoosh.fields import ID, TEXT, Schema

    return Schema(id=ID(stored=True, unique=True), title=TEXT(stored=True, analyzer=NewmmTokenizer()),
                  body=TEXT(stored=True, analyzer=NewmmTokenizer()))


class NewmmTokenizer(Tokenizer):
    """PyThaiNLP's word_tokenize (newmm), as a plain Whoosh tokenizer, lowercased."""

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        from pythainlp.tokenize import word_tokenize

        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        position, at = start_pos, start_char
        for word in word_tokenize(value, engine="newmm", keep_whitespace=False):
            offset = value.find(word, at - start_char) + start_char
            at = offset + len(word)
            if not word.strip():
                continue
            token.text = word.lower()
            token.boost = 1.0
            if positions:
                token.pos = position
                position += 1
            if chars:
                token.startchar, token.endchar = offset, at
            yield token


def naive_build(source: Path, target: Path) -> int:
    from whoosh import index

    target.mkdir(parents=True)
    ix = index.create_in(str(target), naive_schema())
    writer = ix.writer(limitmb=256)
    count = 0
    for path in sorted(source.rglob("*.json")):
        record = json.loads(path.read_text("utf-8"))
        writer.add_document(id=record["id"], title=record["title"], body=record["content"])
        count += 1
    writer.commit()
    return count


def serve_naive(index_dir: Path, port: int) -> None:
    """The naive search over HTTP: /api/search?q= -> top 10 with Whoosh's default highlights."""
    from flask import Flask, jsonify, request
    from waitress import serve
    from whoosh import index
    from whoosh.qparser import MultifieldParser, OrGroup

    ix = index.open_dir(str(index_dir))
    parser = MultifieldParser(["title", "body"], ix.schema, group=OrGroup)
    app = Flask("naive")
    local = threading.local()

    @app.get("/api/search")
    def search():
        if not hasattr(local, "searcher"):
            local.searcher = ix.searcher()
        query = parser.parse(request.args.get("q", ""))
        results = local.searcher.search(query, limit=10)
        return jsonify({"total": len(results),
                        "hits": [{"id": hit["id"], "title": hit["title"], "snippet": hit.highlights("body")}
                                 for hit in results]})

    @app.get("/healthz")
    def health():
        return jsonify({"ok": True})

    serve(app, host="127.0.0.1", port=port, threads=8, _quiet=True)


# ------------------------------------------------------------------ measuring


def _rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and its child processes (server workers), summed: pages
    the workers share with each other are counted once per process, so this is an upper bound."""
    total = 0.0
    for process in [pid] + child_processes(pid):
        try:
            for line in Path(f"/proc/{process}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
        except OSError:
            pass
    return total


def _get(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as response:
        response.read()
    return time.perf_counter() - started


def _timed(base: str, query: str) -> float | None:
    """Seconds for one query; None when it failed (an HTTP error or no answer), which is
    counted, not fatal."""
    try:
        return _get(base + "/api/search?" + urllib.parse.urlencode({"q": query}))
    except OSError as exc:
        print(f"query {query!r} failed: {exc}", file=sys.stderr)
        return None


def measure_http(base: str, queries: list[str], seconds: float) -> dict[str, float]:
    wait_until_ready(base)  # not the processes' start-up
    for q in queries[:5]:  # warm up
        _timed(base, q)
    short = [q for q in queries if len(q.split()) <= 2 and "section:" not in q]
    answered = [(q, t) for q, t in ((q, _timed(base, q)) for q in queries) if t is not None]
    timings = [t for _, t in answered]
    if not timings:
        raise SystemExit(f"no query was answered by {base}")
    short_timings = [t for q, t in answered if q in short]
    done, errors = [0], [0]
    stop = time.monotonic() + seconds
    lock = threading.Lock()

    def worker(offset: int) -> None:
        n = offset
        while time.monotonic() < stop:
            try:
                _get(base + "/api/search?" + urllib.parse.urlencode({"q": queries[n % len(queries)]}))
                with lock:
                    done[0] += 1
            except OSError:
                with lock:
                    errors[0] += 1
            n += 8

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - began
    return {"p50_ms": percentile(timings, 50) * 1000, "p95_ms": percentile(timings, 95) * 1000,
            "p99_ms": percentile(timings, 99) * 1000,
            "short_p50_ms": percentile(short_timings, 50) * 1000 if short_timings else 0.0,
            "short_p95_ms": percentile(short_timings, 95) * 1000 if short_timings else 0.0,
            "qps_c8": done[0] / elapsed, "errors_c8": errors[0], "errors_c1": len(queries) - len(answered)}


def _size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def _reindex(source: Path, index: Path, full: bool) -> float:
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "searchapp.reindex", "--quiet", "--source", str(source), "--index",
                    str(index)] + (["--full"] if full else []), cwd=ROOT, check=True, stdin=subprocess.DEVNULL,
                   stdout=subprocess.DEVNULL)
    return time.monotonic() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="searchapp server processes (default: one per CPU; the naive server is one)")
    parser.add_argument("--serve-naive", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve_naive:
        serve_naive(args.serve_naive, args.port)
        return 0
    if not DAILYNEWS.is_dir():
        raise SystemExit(f"needs the Dailynews sample at {DAILYNEWS}")
    with tempfile.TemporaryDirectory(prefix="searchapp-scale-") as tmp:
        work = Path(tmp)
        source, ours_index, naive_index = work / "articles", work / "index", work / "naive"
        started = time.monotonic()
        generate(args.size, args.seed, source)
        source_mb = _size_mb(source)
        print(f"generated {args.size} articles ({source_mb:.0f} MB) in {time.monotonic() - started:.0f} s",
              file=sys.stderr)
        ours: dict[str, float] = {}
        ours["build_s"] = _reindex(source, ours_index, full=True)
        live = ours_index / (ours_index / "CURRENT").read_text().strip()
        ours["size_mb"] = _size_mb(live)
        naive: dict[str, float] = {}
        began = time.monotonic()
        indexed = naive_build(source, naive_index)  # the same files, before any change
        naive["build_s"] = time.monotonic() - began
        naive["size_mb"] = _size_mb(naive_index)
        print(f"naive build: {indexed} articles in {naive['build_s']:.0f} s", file=sys.stderr)
        files = sorted(source.rglob("*.json"))
        rng = random.Random(args.seed + 2)
        for label, count in (("update_1_s", 1), ("update_100_s", 100)):
            for path in rng.sample(files, count):
                record = json.loads(path.read_text("utf-8"))
                record["content"] += f"\nแก้ไขเพิ่มเติม {label} {rng.random()}"
                path.write_text(json.dumps(record, ensure_ascii=False), "utf-8")
            os.sync()  # the edits and the builds' files written back first (module docstring, 2.)
            ours[label] = _reindex(source, ours_index, full=False)
        for path in rng.sample(files, 100):
            path.unlink()
        os.sync()
        ours["delete_100_s"] = _reindex(source, ours_index, full=False)
        print(f"searchapp built and updated in {time.monotonic() - started:.0f} s", file=sys.stderr)


        queries = query_set(source, args.queries, args.seed)
        for name, command, figures in (
            ("searchapp", [sys.executable, "-m", "searchapp", "serve", "--index", str(ours_index), "--threads", "4",
                           "--workers", str(args.workers)], ours),
            ("naive", [sys.executable, str(Path(__file__).resolve()), "--serve-naive", str(naive_index)], naive),
        ):
            process, base = start_server(command)
            try:
                figures.update(measure_http(base, queries, args.seconds))
                figures["rss_mb"] = _rss_mb(process.pid)
            finally:
                process.terminate()
                process.wait(30)
            print(f"{name}: measured over HTTP", file=sys.stderr)
    count = args.size - 100
    # both indexes are served after the searchapp updates: ours holds 100 fewer articles
    ours["articles_per_s"] = args.size / ours["build_s"]
    naive["articles_per_s"] = args.size / naive["build_s"]
    ours["mb_per_s"] = source_mb / ours["build_s"]
    naive["mb_per_s"] = source_mb / naive["build_s"]
    rows = [("full reindex, articles/s", "articles_per_s"), ("full reindex, MB/s", "mb_per_s"),
            ("full reindex, s", "build_s"), ("index size, MB", "size_mb"),
            ("reindex 1 changed file, s", "update_1_s"), ("reindex 100 changed, s", "update_100_s"),
            ("reindex 100 deleted, s", "delete_100_s"),
            ("latency c=1 all, p50 ms", "p50_ms"), ("latency c=1 all, p95 ms", "p95_ms"),
            ("latency c=1 all, p99 ms", "p99_ms"), ("latency c=1 short, p50 ms", "short_p50_ms"),
            ("latency c=1 short, p95 ms", "short_p95_ms"), ("throughput c=8, queries/s", "qps_c8"),
            ("errors at c=1", "errors_c1"), ("errors at c=8", "errors_c8"), ("server memory, MB RSS", "rss_mb")]
    print(f"\n{args.size:,} articles ({count:,} after the deletions), {os.cpu_count()} CPUs, "
          f"searchapp served by {args.workers} processes x 4 threads, naive by 1 x 8; whole run "
          f"{(time.monotonic() - started) / 60:.1f} min")
    print(f"{'figure':<28} {'searchapp':>10} {'naive':>10} {'ratio':>7}")
    for label, key in rows:
        mine, theirs = ours.get(key), naive.get(key)
        ratio = f"{mine / theirs:.2f}" if mine is not None and theirs else "-"
        print(f"{label:<28} {mine if mine is None else round(mine, 1):>10} "
              f"{'-' if theirs is None else round(theirs, 1):>10} {ratio:>7}")
    print(json.dumps({"size": args.size, "ours": ours, "naive": naive, "cpus": os.cpu_count(),
                      "workers": args.workers, "minutes": round((time.monotonic() - started) / 60, 1),
                      "median_query_len": statistics.median(len(q) for q in queries)}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
