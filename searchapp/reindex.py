"""`python -m searchapp.reindex [--source PATH ...] [--index DIR] [--full]`

Brings the index up to date with the sources: by default only files added, changed
(by content hash) or deleted since the last run are processed; --full rebuilds
everything. Either way the new index is written aside and swapped in. Files that
cannot be used are skipped with a reason; the rest are indexed.
Exit status: 0 when the index is up to date, 1 when nothing could be indexed, 2 on usage errors.
"""

from __future__ import annotations

import argparse
import gc
import io
import logging
import os
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, TextIO

from .config import Settings
from .errors import IndexBusyError, SearchAppError
from .manifest import FileEntry, Manifest, Plan, file_hash, file_stat, plan_update, read_manifest, settled
from .models import Article, Skipped
from .sources import Scan

# .index and .ingest (Whoosh, numpy, the Thai word lists) are imported in main, once the
# file scan has started beside them (sources.Scan)

log = logging.getLogger(__name__)
DEFAULT_SOURCE = Path("seeds")
# below this, starting worker processes costs more than it saves
PARALLEL_FROM_FILES = 500
PARALLEL_FROM_MB = 20


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


def _ingest(files: list[tuple[str, str]], entries: dict[str, FileEntry], plan: Plan | None, scanned_ns: int,
            progress: Progress) -> Iterator[Article]:
    """Articles of ``files`` ((path, key) pairs), recording what each file gave in ``entries``
    (the manifest)."""
    from .ingest import ingest_file

    for path, key in files:
        if plan is not None and key in plan.hashes:
            stat, digest = plan.stats.get(key), plan.hashes[key]
        else:
            stat = file_stat(key, scanned_ns)  # before reading, as in plan_update
            digest = file_hash(key)
        articles, skipped = ingest_file(Path(path))
        for problem in skipped:
            log.warning("skipped %s: %s", problem.path, problem.reason)
        progress.skipped.extend(skipped)
        entries[key] = FileEntry(digest, [a.id for a in articles], [(s.path, s.reason) for s in skipped], stat)
        yield from articles


def main(argv: list[str] | None = None) -> int:
    settings = Settings.from_env()
    parser = argparse.ArgumentParser(prog="python -m searchapp.reindex", description=__doc__.split("\n\n")[1])
    parser.add_argument("--source", action="append", type=Path,
                        help=f"file or folder to ingest; repeatable (default: {DEFAULT_SOURCE}/)")
    parser.add_argument("--index", type=Path, default=settings.index_dir, help="index folder (default: %(default)s)")
    parser.add_argument("--full", action="store_true", help="rebuild from every file, not only the changed ones")
    parser.add_argument("--wait", action="store_true", help="if another reindex is running, wait for it")
    parser.add_argument("--quiet", action="store_true", help="print only the summary")
    parser.add_argument("--jobs", type=int, default=0, metavar="N",
                        help="worker processes for a full build (default: one per CPU for a large "
                             f"archive of {PARALLEL_FROM_FILES}+ files or {PARALLEL_FROM_MB}+ MB, else 1)")
    args = parser.parse_args(argv)
    if args.jobs < 0:
        parser.error("--jobs must be 0 (automatic) or more")
    if args.index.exists() and not args.index.is_dir():
        parser.error(f"--index {args.index} is a file; it must be a folder (new or holding an index)")
    # skipped files are logged as warnings, and listed in the summary; --quiet keeps only the summary
    logging.basicConfig(level=logging.ERROR if args.quiet else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    sources = args.source or [DEFAULT_SOURCE]
    progress = Progress(sys.stderr if not args.quiet else io.StringIO())
    started = time.monotonic()
    scanned_ns = time.time_ns()  # what the files' times are compared with (manifest.file_stat)
    with _collector_paused():
        scan = Scan(sources, scanned_ns)
        from .index import build_index, current_generation, open_index, update_index
        from .ingest import prepare

        previous = None
        if not args.full and (args.index / "CURRENT").exists():
            try:
                open_index(args.index)[0].close()  # an update needs a live index that opens
                previous = read_manifest(current_generation(args.index))
            except SearchAppError as exc:
                print(f"note: {exc}; rebuilding it from every file", file=sys.stderr)
                previous = None
        if scan.pending():
            prepare()  # ingesting's first article loads about 0.3 s of data: while waiting anyway
        files: list[tuple[str, str]] = []  # (path as found, absolute path: the manifest's key)
        stats: list[tuple[int, int, int] | None] = []  # each one's file_stat
        seen: set[str] = set()
        found, found_stats, skipped = scan.result()
        progress.skipped.extend(skipped)
        for item, stat in zip(found, found_stats):
            if item[1] not in seen:  # a folder given twice, or inside another one given
                seen.add(item[1])
                files.append(item)
                stats.append(stat)
    entries: dict[str, FileEntry] = {}  # what the files read now gave
    try:
        if previous is None:
            jobs = args.jobs or _automatic_jobs(files)
            report = build_index(_ingest(files, entries, None, scanned_ns, progress), args.index,
                                 on_article=progress.article,
                                 before_swap=lambda gen: Manifest.from_entries(settled(entries)).write(gen),
                                 wait=args.wait, procs=jobs, limitmb=_memory_per_worker(jobs))
            plan = None
        else:
            with _collector_paused():
                plan = plan_update(files, previous, scanned_ns, stats)
            unchanged = set(plan.unchanged)
            for row, problems in sorted(previous.problems.items()):
                if row in unchanged:
                    progress.skipped.extend(Skipped(path, reason + " (unchanged since the last run)")
                                            for path, reason in problems)
            if plan.empty:
                if plan.times_changed:  # with the times seen now, so the next run need not read them
                    _record_times(args.index, previous.updated(plan.unchanged, plan.unchanged_stats, {}))
                progress.done()
                _print_skipped(progress.skipped)
                print(f"{args.index}/ is up to date: {len(plan.unchanged)} files unchanged; "
                      f"skipped {len(progress.skipped)} files")
                return 0
            report = update_index(
                _ingest(plan.added + plan.changed, entries, plan, scanned_ns, progress), plan.delete_ids,
                args.index, on_article=progress.article, wait=args.wait,
                before_swap=lambda gen: previous.updated(plan.unchanged, plan.unchanged_stats,
                                                         settled(entries)).write(gen))
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
    if plan is None:
        print(f"indexed {report.indexed} articles into {args.index}/ in {elapsed:.1f}s; "
              f"skipped {len(progress.skipped)} files")
    else:
        print(f"updated {args.index}/ in {elapsed:.1f}s: {len(plan.added)} files added, {len(plan.changed)} changed, "
              f"{len(plan.deleted)} deleted, {len(plan.unchanged)} unchanged; {report.indexed} articles indexed, "
              f"{report.removed} removed, {report.total} in the index; skipped {len(progress.skipped)} files")
    if report.duplicates:
        print(f"note: {len(report.duplicates)} articles shared an id with an earlier one; the later one was kept")
    return 0


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Listing the files, reading the manifest and sorting the files against it make hundreds of
    thousands of tuples and lists at 100,000 files, and no reference cycles: the cyclic garbage
    collector's passes over them, set off by their number alone, were 0.06-0.15 s of a one-file
    update."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _record_times(index: Path, manifest: Manifest) -> None:
    """Nothing changed, but files were read because their times had: record the times seen
    (in the live generation's manifest, replaced by rename) so the next run need not read
    them. Skipped when another reindex holds the lock."""
    from .index import current_generation, index_lock

    try:
        with index_lock(index):
            generation = current_generation(index)
            live = read_manifest(generation) if generation is not None else None
            if live is not None and set(live.paths) == set(manifest.paths):
                manifest.write(generation)
    except (IndexBusyError, OSError):
        pass


def _memory_per_worker(jobs: int) -> int:
    """MB of postings each build process holds before sorting them out to a temporary run on
    disk: an eighth of the machine's memory shared among them, 256-2048 MB. (Each run spilled
    costs a merge at the end: 28 % of the build time at 256 MB on 1,000 articles per process.)"""
    try:
        total_mb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // (1 << 20)
    except (ValueError, OSError, AttributeError):
        return 256
    return max(256, min(2048, total_mb // 8 // max(1, jobs)))


def _automatic_jobs(files: list[tuple[str, str]]) -> int:
    """One worker process per CPU when the archive is large enough to repay starting them."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if cpus < 2:
        return 1
    if len(files) >= PARALLEL_FROM_FILES:
        return cpus
    size = 0
    for _, key in files:
        try:
            size += os.stat(key).st_size
        except OSError:
            pass
    return cpus if size >= PARALLEL_FROM_MB * 1e6 else 1


def _print_skipped(skipped: list[Skipped]) -> None:
    for item in skipped:
        print(f"skipped {item.path}: {item.reason}")


if __name__ == "__main__":
    sys.exit(main())
