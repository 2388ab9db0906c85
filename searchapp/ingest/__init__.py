"""Ingestion: input files to Article records (decode, clean, extract fields).

>>> from searchapp.ingest import ingest_paths
>>> sorted(type(item).__name__ for item in ingest_paths(["seeds"]))  # Article or Skipped
['Article', 'Article', 'Article', 'Article', 'Article']
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import IngestError
from ..models import Article, Skipped
from ..sources import JSON_SUFFIXES, JSONL_SUFFIXES, iter_files, readable
from .decode import MAX_BYTES, decode_bytes
from .rawtext import read_raw
from .structured import read_json, read_jsonl

log = logging.getLogger(__name__)

def ingest_file(path: Path) -> tuple[list[Article], list[Skipped]]:
    """Articles from one file; problems come back as Skipped entries, never raised. Ids and
    the paths recorded come from the file's name made readable (``readable``)."""
    named = Path(readable(str(path)))
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(f"file is larger than {MAX_BYTES // (1024 * 1024)} MB")
        text = decode_bytes(path.read_bytes())
        suffix = path.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            articles, problems = read_jsonl(named, text)
            skipped = [Skipped(str(named), p) for p in problems]
            if not articles and not skipped:
                skipped.append(Skipped(str(named), "no articles in file"))
            return articles, skipped
        if suffix in JSON_SUFFIXES:
            return read_json(named, text), []
        return read_raw(named, text), []
    except IngestError as exc:
        return [], [Skipped(str(named), str(exc))]
    except OSError as exc:
        return [], [Skipped(str(named), f"cannot read file: {exc.strerror or exc}")]


# what ``prepare`` ingests: a page and a JSON record naming organizations the ways news does
_PREPARE_TITLE = "กระทรวงการต่างประเทศแถลงผลการประชุมอาเซียน"
_PREPARE_BODY = ("เมื่อวันที่ 5 พ.ค. 2560 กระทรวงการต่างประเทศ (Ministry of Foreign Affairs - MFA) และสำนักงาน"
                 "คณะกรรมการกฤษฎีกา แถลงว่าที่ประชุมสมาคมประชาชาติแห่งเอเชียตะวันออกเฉียงใต้ (อาเซียน) เห็นชอบแล้ว")


def prepare() -> None:
    """Load what ingesting a first article loads (word lists, part-of-speech lexicons, the
    organization data and its patterns: about 0.3 s), by ingesting two made-up texts whose
    articles are dropped: a reindex does it while it waits for its file scan."""
    read_raw(Path("prepare.txt"), f"{_PREPARE_TITLE}\n5 พ.ค. 2560\n\n{_PREPARE_BODY}\n")
    read_json(Path("prepare.json"), json.dumps({"title": _PREPARE_TITLE, "date": "2017-05-05T10:00:00+07:00",
                                                "content": _PREPARE_BODY}, ensure_ascii=False))


def ingest_paths(paths: Iterable[str | Path]) -> Iterator[Article | Skipped]:
    for item in iter_files(paths):
        if isinstance(item, Skipped):
            yield item
            continue
        articles, skipped = ingest_file(item)
        for problem in skipped:
            log.warning("skipped %s: %s", problem.path, problem.reason)
        yield from articles
        yield from skipped
