"""Relevance of the engine, end to end, on Thai retrieval tasks.

    python benchmarks/relevance.py [--task DIR ...] [--limit-queries N]

A task folder holds corpus.jsonl ({"id", "text"}), queries.jsonl ({"id", "text"}) and
qrels.tsv (query_id<TAB>doc_id; a query may have several relevant documents). The corpus
goes through the product's own path: JSONL ingestion -> index build on disk -> the search
service's ranking. Prints a table, then one JSON line per task.

Metrics over each query's top 10: MRR@10 (1/rank of the first relevant document),
Recall@10 (share of the relevant documents found in the top 10) and nDCG@10 (binary gain).
Queries are also reported in two halves by their line number (even / odd): weights are
tuned on the even half only, and the odd half shows whether that tuning generalizes.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from searchapp.index import build_index  # noqa: E402
from searchapp.ingest import ingest_file  # noqa: E402
from searchapp.search import SearchService  # noqa: E402

DEFAULT_TASKS = [ROOT.parent / "shared" / "bench" / name for name in ("dailynews", "iapp_wiki", "xquad_th")]
K = 10


def load_task(task: Path):
    queries = [json.loads(line) for line in (task / "queries.jsonl").read_text("utf-8").splitlines() if line.strip()]
    qrels: dict[str, set[str]] = defaultdict(set)
    for line in (task / "qrels.tsv").read_text("utf-8").splitlines():
        parts = line.strip().split("\t")
        if len(parts) >= 2 and parts[0] != "query_id":
            qrels[parts[0]].add(parts[1])
    return queries, qrels


def score(ranked: list[str], relevant: set[str]) -> tuple[float, float, float]:
    rr = 0.0
    for rank, doc in enumerate(ranked[:K], 1):
        if doc in relevant:
            rr = 1.0 / rank
            break
    found = sum(1 for doc in ranked[:K] if doc in relevant)
    recall = found / len(relevant)
    dcg = sum(1.0 / math.log2(rank + 1) for rank, doc in enumerate(ranked[:K], 1) if doc in relevant)
    ideal = sum(1.0 / math.log2(rank + 1) for rank in range(1, min(len(relevant), K) + 1))
    return rr, recall, dcg / ideal


def run_task(task: Path, limit: int | None) -> dict:
    queries, qrels = load_task(task)
    if limit:
        queries = queries[:limit]
    with tempfile.TemporaryDirectory(prefix="searchapp-bench-") as tmp:
        started = time.monotonic()
        articles, skipped = ingest_file(task / "corpus.jsonl")
        report = build_index(articles, Path(tmp) / "index")
        index_seconds = time.monotonic() - started
        size = sum(f.stat().st_size for f in (Path(tmp) / "index").rglob("*") if f.is_file())
        service = SearchService(Path(tmp) / "index")
        sums = {"all": [0.0, 0.0, 0.0, 0], "even": [0.0, 0.0, 0.0, 0], "odd": [0.0, 0.0, 0.0, 0]}
        started = time.monotonic()
        for number, q in enumerate(queries):
            relevant = qrels.get(q["id"])
            if not relevant:
                continue
            ranked = service.ranked_ids(q["text"], limit=K)
            values = score(ranked, relevant)
            for half in ("all", "even" if number % 2 == 0 else "odd"):
                acc = sums[half]
                for i in range(3):
                    acc[i] += values[i]
                acc[3] += 1
        query_seconds = time.monotonic() - started
    result = {"task": task.name, "queries": sums["all"][3]}
    for half, acc in sums.items():
        n = max(acc[3], 1)
        prefix = "" if half == "all" else f"{half}:"
        result[f"{prefix}mrr@10"] = round(acc[0] / n, 4)
        result[f"{prefix}recall@10"] = round(acc[1] / n, 4)
        result[f"{prefix}ndcg@10"] = round(acc[2] / n, 4)
    result.update(documents=report.indexed, skipped=len(skipped), index_seconds=round(index_seconds, 1),
                  index_mb=round(size / 1e6, 1), query_ms=round(1000 * query_seconds / max(sums["all"][3], 1), 1))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--task", action="append", type=Path, help="task folder; repeatable (default: the three in ../shared/bench)")
    parser.add_argument("--limit-queries", type=int, help="only the first N queries of each task (quick checks)")
    args = parser.parse_args(argv)
    tasks = args.task or DEFAULT_TASKS
    results = []
    for task in tasks:
        if not (task / "queries.jsonl").is_file():
            print(f"error: {task} is not a task folder (needs corpus.jsonl, queries.jsonl, qrels.tsv)", file=sys.stderr)
            return 2
        results.append(run_task(task, args.limit_queries))
    header = f"{'task':<12} {'queries':>7} {'MRR@10':>7} {'R@10':>7} {'nDCG@10':>8} {'MRR even':>9} {'MRR odd':>8} {'index s':>8} {'MB':>6} {'ms/q':>6}"
    print(header)
    print("-" * len(header))
    for r in results:
        print(f"{r['task']:<12} {r['queries']:>7} {r['mrr@10']:>7.3f} {r['recall@10']:>7.3f} {r['ndcg@10']:>8.3f} "
              f"{r['even:mrr@10']:>9.3f} {r['odd:mrr@10']:>8.3f} {r['index_seconds']:>8.1f} {r['index_mb']:>6.1f} {r['query_ms']:>6.1f}")
    print()
    for r in results:
        print(json.dumps(r, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
