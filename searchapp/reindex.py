"""`python -m searchapp.reindex [--source PATH ...] [--index DIR]`

Ingests every article under the sources and builds the index aside, then swaps it
in. Files that cannot be used are skipped with a reason; the rest are indexed.
Exit status: 0 when anything was indexed, 1 when nothing could be, 2 on usage errors.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, TextIO

from .config import Settings
from .errors import SearchAppError
from .index import build_index
from .ingest import ingest_paths
from .models import Article, Skipped

log = logging.getLogger(__name__)
DEFAULT_SOURCE = Path("seeds")


@dataclass
class Progress:
    """A progress line on a terminal; plain periodic lines otherwise."""

    stream: TextIO
    every: int = 500
    count: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)

    @property
    def tty(self) -> bool:
        return hasattr(self.stream, "isatty") and self.stream.isatty()

    def article(self, _article: Article) -> None:
        self.count += 1
        if self.tty:
            if self.count % 10 == 0:
                rate = self.count / max(time.monotonic() - self.started, 1e-6)
                bar = "#" * min(30, self.count // 50)
                self.stream.write(f"\r[{bar:<30}] {self.count} articles, {rate:.0f}/s, "
                                  f"{len(self.skipped)} skipped")
                self.stream.flush()
        elif self.count % self.every == 0:
            self.stream.write(f"indexed {self.count} articles...\n")
            self.stream.flush()

    def done(self) -> None:
        if self.tty:
            self.stream.write("\r" + " " * 79 + "\r")
            self.stream.flush()


def _articles(sources: list[Path], progress: Progress) -> Iterator[Article]:
    for item in ingest_paths(sources):
        if isinstance(item, Skipped):
            progress.skipped.append(item)
        else:
            yield item


def main(argv: list[str] | None = None) -> int:
    settings = Settings.from_env()
    parser = argparse.ArgumentParser(prog="python -m searchapp.reindex", description=__doc__.split("\n\n")[1])
    parser.add_argument("--source", action="append", type=Path,
                        help=f"file or folder to ingest; repeatable (default: {DEFAULT_SOURCE}/)")
    parser.add_argument("--index", type=Path, default=settings.index_dir, help="index folder (default: %(default)s)")
    parser.add_argument("--wait", action="store_true", help="if another reindex is running, wait for it")
    parser.add_argument("--quiet", action="store_true", help="print only the summary")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    sources = args.source or [DEFAULT_SOURCE]
    progress = Progress(sys.stderr if not args.quiet else open("/dev/null", "w"))
    started = time.monotonic()
    try:
        report = build_index(_articles(sources, progress), args.index, on_article=progress.article, wait=args.wait)
    except SearchAppError as exc:
        progress.done()
        _print_skipped(progress.skipped)
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        progress.done()
        print("interrupted: the previous index is unchanged", file=sys.stderr)
        return 130
    progress.done()
    elapsed = time.monotonic() - started
    _print_skipped(progress.skipped)
    print(f"indexed {report.indexed} articles into {args.index}/ in {elapsed:.1f}s; "
          f"skipped {len(progress.skipped)} files")
    if report.duplicates:
        print(f"note: {len(report.duplicates)} articles shared an id with an earlier one; the later one was kept")
    return 0


def _print_skipped(skipped: list[Skipped]) -> None:
    for item in skipped:
        print(f"skipped {item.path}: {item.reason}")


if __name__ == "__main__":
    sys.exit(main())
