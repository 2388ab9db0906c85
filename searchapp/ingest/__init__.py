"""Ingestion: input files to Article records (decode, clean, extract fields).

>>> from searchapp.ingest import ingest_paths
>>> sorted(type(item).__name__ for item in ingest_paths(["seeds"]))  # Article or Skipped
['Article', 'Article', 'Article', 'Article', 'Article']
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import IngestError
from ..models import Article, Skipped
from .decode import MAX_BYTES, decode_bytes
from .rawtext import read_raw
from .structured import read_json, read_jsonl

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".html", ".htm", ""}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | Skipped]:
    """Every input file under ``paths`` (files or folders, recursive, sorted as paths: folder
    by folder), hidden files and unsupported kinds left out."""
    for item in iter_sources(paths):
        yield item if isinstance(item, Skipped) else Path(item[0])


def iter_sources(paths: Iterable[str | Path]) -> Iterator[tuple[str, str] | Skipped]:
    """As ``iter_files``, each file as (its path as found under what was given, its absolute
    path): the second is the file's key in the reindex manifest, built along the walk rather
    than normalized file by file (100,000 ``os.path.abspath`` calls cost 0.2 s of a one-file
    update)."""
    for raw in paths:
        given = str(Path(raw))  # as the user wrote it, tidied: "seeds/" and "./seeds" are "seeds"
        if os.path.isdir(given):
            yield from _walk(given, os.path.abspath(given))
        elif os.path.isfile(given):
            yield given, os.path.abspath(given)
        else:
            yield Skipped(readable(given), "no such file or folder")


def _walk(folder: str, absolute: str) -> Iterator[tuple[str, str]]:
    """The supported files under ``folder`` (whose absolute path is ``absolute``), into
    sub-folders but not through links to folders (as ``Path.rglob``), each folder's entries in
    name order: the order of sorting the paths part by part. ``os.scandir``: at 100,000 files
    rglob and ``Path`` comparisons took 1.5 s of a one-file update."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as exc:
        log.warning("cannot read folder %s: %s", folder, exc)
        return
    prefix = absolute if absolute.endswith(os.sep) else absolute + os.sep
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(entry.path, prefix + entry.name)
            elif not entry.name.startswith(".") and _suffix(entry.name) in SUPPORTED and entry.is_file():
                yield entry.path, prefix + entry.name
        except OSError:
            continue


def _suffix(name: str) -> str:
    """``os.path.splitext(name)[1].lower()`` for a name not starting with a dot, at a third of
    the cost."""
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 else ""


def readable(path: str) -> str:
    """``path`` as text that can be printed, stored and indexed. A file name that is not UTF-8
    (Linux hands its bytes over as lone surrogates, which cannot be encoded again: one such
    name stopped a whole reindex) is read as TIS-620/cp874, the other encoding of Thai file
    names, anything still unreadable becoming U+FFFD."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return os.fsencode(path).decode("cp874", errors="replace")


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
