"""What sub-word matching costs at index time: the product's index against a word-only index.

    python benchmarks/index_cost.py [--task DIR]    (default: ../shared/bench/dailynews)

All indexes take the same ingested articles (ingestion is not timed) and are written with
the same Whoosh codec and posting pool (searchapp.index) in one process. Two word-only
baselines, both nlpo3 dictionary words over the same normalization:

- "minimal": what a plain Thai Whoosh setup builds: id and one stored body field;
- "product, words only": the product's own fields (title, body, lead, organizations,
  dates, section, source), every text field words only: no compound parts, no
  syllable-bigram fields. The difference to the product is what sub-word matching costs.

Prints seconds and MB for each and the product's ratio to each (issue target: at most
2.5x over word-only indexing, on both).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from whoosh.fields import ID, TEXT, Schema  # noqa: E402
from whoosh.filedb.filestore import FileStorage  # noqa: E402

from searchapp.analysis.normalize import normalize  # noqa: E402
from searchapp.analysis.segment import cut_words  # noqa: E402
from searchapp.analysis.analyzers import LEAD_CHARS, _ThaiTokenizer  # noqa: E402
from searchapp.index import Codec, _positioned, _use_term_pool, article_to_document, build_index, make_schema  # noqa: E402
from searchapp.ingest import ingest_file  # noqa: E402


class WordsOnly(_ThaiTokenizer):
    """nlpo3 words over the normalized text, nothing else (the baseline). Its postings are
    gathered the product's fast way too (TermPositions), so only what is indexed differs."""

    def _tokens(self, value: str):
        pos = 0
        at = 0
        for piece in cut_words(normalize(value).text):
            start, at = at, at + len(piece)
            if not piece.isspace():
                yield piece, pos, start, at
                pos += 1


class WordsOnlyLead(WordsOnly):
    def _tokens(self, value: str):
        return super()._tokens(value[:LEAD_CHARS])


def words_only_schema() -> Schema:
    schema = make_schema()
    for name in ("title_bi", "body_bi"):
        schema.remove(name)
    for name in ("title", "body", "org_text"):
        stored = name != "org_text"
        schema.remove(name)
        schema.add(name, _positioned(WordsOnly(), stored=stored))
    schema.remove("lead")
    schema.add("lead", TEXT(analyzer=WordsOnlyLead(), phrase=False))
    return schema


def timed_build(path: Path, schema: Schema, documents) -> tuple[float, float]:
    path.mkdir()
    started = time.monotonic()
    # the product's own codec, posting pool and memory limit: the comparison is about what is indexed,
    # not how it is written
    writer = _use_term_pool(FileStorage(str(path)).create_index(schema).writer(limitmb=256, codec=Codec()))
    for doc in documents:
        writer.update_document(**doc)
    writer.commit(optimize=True)
    return time.monotonic() - started, size_mb(path)


def size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--task", type=Path, default=ROOT.parent / "shared" / "bench" / "dailynews")
    args = parser.parse_args(argv)
    corpus = args.task / "corpus.jsonl"
    if not corpus.is_file():
        print(f"error: {corpus} not found", file=sys.stderr)
        return 2
    articles, _ = ingest_file(corpus)
    cut_words("")  # load the dictionaries before the clock starts
    minimal_schema = Schema(id=ID(stored=True, unique=True), body=_positioned(WordsOnly(), stored=True))
    with tempfile.TemporaryDirectory(prefix="searchapp-cost-") as tmp:
        rows = {
            "minimal": timed_build(Path(tmp, "minimal"), minimal_schema,
                                   ({"id": a.id, "body": a.body} for a in articles)),
            "product, words only": timed_build(
                Path(tmp, "words"), words_only_schema(),
                ({k: v for k, v in article_to_document(a).items() if not k.endswith("_bi")} for a in articles)),
        }
        started = time.monotonic()
        build_index(articles, Path(tmp, "product"))
        ours = (time.monotonic() - started, size_mb(Path(tmp, "product")))
    print(f"{'index':<22} {'seconds':>8} {'MB':>7} {'searchapp time x':>17} {'size x':>7}")
    result = {"task": args.task.name, "documents": len(articles), "searchapp_s": round(ours[0], 1),
              "searchapp_mb": round(ours[1], 1)}
    for name, (seconds, mb) in rows.items():
        print(f"{name:<22} {seconds:>8.1f} {mb:>7.1f} {ours[0] / seconds:>17.2f} {ours[1] / mb:>7.2f}")
        key = name.split(",")[0].replace(" ", "_")
        result.update({f"{key}_s": round(seconds, 1), f"{key}_mb": round(mb, 1),
                       f"time_x_{key}": round(ours[0] / seconds, 2), f"size_x_{key}": round(ours[1] / mb, 2)})
    print(f"{'searchapp':<22} {ours[0]:>8.1f} {ours[1]:>7.1f}")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
