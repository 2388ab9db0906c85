"""Organization extraction measured against hand labels.

    python benchmarks/organizations.py [--labels FILE ...] [--corpus DIR] [--verbose]

Each labelled article goes through the product's JSON ingestion; its organizations are
compared with the labels (an organization matches when the extracted name, or its
canonical name, is one of the names the label lists, or folds onto the same canonical
entry; a Thai name is compared without the spaces inside it). By default every label set in
tests/data is measured (org_labels*.json: the set the rules were first refined on, then sets
labelled later, each measured once before its errors were looked at; see each file's _about);
prints precision, recall and F1 per set and over all of them, then one JSON line per set.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from searchapp.ingest import ingest_file  # noqa: E402
from searchapp.thai.orgs import alias_key, registry  # noqa: E402
from searchapp.thai.chars import is_thai  # noqa: E402

DEFAULT_LABELS = [ROOT / "tests" / "data" / f"org_labels{suffix}.json"
                  for suffix in ("", "_heldout", "_test", "_blind", *(f"_blind{n}" for n in range(2, 33)))]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "dailynews" / "articles"


def _keys(name: str) -> set[str]:
    """The forms a name is compared in: as written and as its canonical name, each with and
    without the spaces inside a Thai name (บริษัทบางจากปิโตรเลียม จำกัด, บริษัท บางจากปิโตรเลียม
    จำกัด: one name, spaced as the writer or the registry pleased)."""
    canonical = registry().canonical(name)
    keys = {alias_key(name)} | ({alias_key(canonical)} if canonical else set())
    return keys | {key.replace(" ", "") for key in keys if any(is_thai(c) for c in key)}


def evaluate(labels: dict[str, list[list[str]]], corpus: Path, verbose: bool = False) -> dict:
    true_pos = extracted_total = found_labels = label_total = 0
    for rel_path, entries in sorted(labels.items()):
        articles, skipped = ingest_file(corpus / rel_path)
        if not articles:
            raise SystemExit(f"error: {rel_path} did not ingest: {skipped}")
        extracted = list(articles[0].organizations)
        label_keys = [set().union(*(_keys(n) for n in names)) for names in entries]
        matched_labels = set()
        wrong = []
        for name in extracted:
            hit = next((i for i, keys in enumerate(label_keys) if _keys(name) & keys), None)
            if hit is None:
                wrong.append(name)
            else:
                true_pos += 1
                matched_labels.add(hit)
        extracted_total += len(extracted)
        found_labels += len(matched_labels)
        label_total += len(entries)
        if verbose and (wrong or len(matched_labels) < len(entries)):
            missed = [entries[i][0] for i in range(len(entries)) if i not in matched_labels]
            print(f"{rel_path}: wrong {wrong} missed {missed}")
    precision = true_pos / extracted_total if extracted_total else 1.0
    recall = found_labels / label_total if label_total else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"articles": len(labels), "labels": label_total, "extracted": extracted_total,
            "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--labels", type=Path, action="append", help="a label file (repeatable; default: every set in tests/data)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--verbose", action="store_true", help="list wrong and missed organizations per article")
    args = parser.parse_args(argv)
    sets = {path.stem: json.loads(path.read_text("utf-8"))["articles"] for path in (args.labels or DEFAULT_LABELS)}
    results = {name: evaluate(labels, args.corpus, args.verbose) for name, labels in sets.items()}
    if len(sets) > 1:
        results["all"] = evaluate({f"{k}": v for labels in sets.values() for k, v in labels.items()}, args.corpus)
    print(f"{'labels':<20} {'articles':>8} {'labels':>7} {'found':>6} {'precision':>9} {'recall':>7} {'F1':>6}")
    for name, r in results.items():
        print(f"{name:<20} {r['articles']:>8} {r['labels']:>7} {r['extracted']:>6} {r['precision']:>9.3f} "
              f"{r['recall']:>7.3f} {r['f1']:>6.3f}")
    for name, r in results.items():
        print(json.dumps({"set": name, **r}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
