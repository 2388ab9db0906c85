"""`python -m searchapp VERB`: serve, search, reindex.

    python -m searchapp serve [--reindex] [--host H] [--port P] [--index DIR] [--workers N]
    python -m searchapp search QUERY ...        (same as python -m searchapp.search)
    python -m searchapp reindex [...]           (same as python -m searchapp.reindex)
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from .config import Settings
from .errors import SearchAppError


def serve(argv: list[str]) -> int:
    settings = Settings.from_env()
    parser = argparse.ArgumentParser(prog="python -m searchapp serve", description="Serve the search page and API.")
    parser.add_argument("--host", default=settings.host, help="address to listen on (default: %(default)s)")
    parser.add_argument("--port", type=int, default=settings.port, help="port (default: %(default)s)")
    parser.add_argument("--index", type=Path, default=settings.index_dir, help="index folder (default: %(default)s)")
    parser.add_argument("--reindex", action="store_true", help="index seeds/ first if there is no index yet")
    parser.add_argument("--threads", type=int, default=settings.threads,
                        help="worker threads per process (default: %(default)s)")
    parser.add_argument("--workers", type=int, default=settings.workers,
                        help="server processes sharing the port; one per CPU core uses them all "
                             "(default: %(default)s)")
    args = parser.parse_args(argv)
    if not 1 <= args.workers <= 64 or not 1 <= args.threads <= 256:
        parser.error("--workers must be 1-64 and --threads 1-256")
    if not 0 <= args.port <= 65535:  # the socket layer takes 99999 as another port (34463)
        parser.error(f"--port must be 1-65535 (0: any free port), got {args.port}")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.reindex:
        from .index import current_generation
        from .reindex import main as reindex_main

        if not args.index.is_dir() or current_generation(args.index) is None:
            code = reindex_main(["--index", str(args.index)])
            if code != 0:
                return code
    overrides = settings.with_overrides(index_dir=args.index, host=args.host, port=args.port)
    if args.workers == 1:
        from waitress import serve as waitress_serve

        from .memory import start_trimming
        from .web import create_app

        app = create_app(settings=overrides)
        print(f"searchapp: serving {args.index}/ on http://{args.host}:{args.port}/", flush=True)
        start_trimming()
        _warm_in_background(app)
        waitress_serve(app, host=args.host, port=args.port, threads=args.threads, ident="searchapp")
        return 0
    from .processes import listen, serve_in_processes

    try:
        sock = listen(args.host, args.port)
    except OSError as exc:
        print(f"error: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"searchapp: serving {args.index}/ on http://{args.host}:{args.port}/ "
          f"with {args.workers} processes", flush=True)

    def run(shared) -> None:
        # each process makes its own app (searchers, caches) and trimming thread after the fork;
        # the web stack is imported there too: the supervising process only forks and waits
        # (importing it first kept 25 MB more resident in the supervisor, counted in the server's memory)
        from waitress import serve as waitress_serve

        from .memory import start_trimming
        from .web import create_app

        start_trimming()
        app = create_app(settings=overrides)
        _warm_in_background(app)
        waitress_serve(app, sockets=[shared], threads=args.threads, ident="searchapp")

    return serve_in_processes(sock, args.workers, run)


def _warm_in_background(app) -> None:
    """Read the index's per-generation tables in this server process while it starts serving
    (requests that need them meanwhile wait for them rather than read them twice)."""
    import threading

    def run() -> None:
        try:
            app.extensions["searchapp"].warm()
        except SearchAppError as exc:  # no index yet: requests say so themselves
            logging.getLogger(__name__).info("nothing to warm: %s", exc)

    threading.Thread(target=run, name="searchapp-warm", daemon=True).start()


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    verb, rest = argv[0], argv[1:]
    try:
        if verb == "serve":
            return serve(rest)
        if verb == "search":
            from .search.__main__ import main as search_main

            return search_main(rest)
        if verb == "reindex":
            from .reindex import main as reindex_main

            return reindex_main(rest)
    except SearchAppError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"unknown command {verb!r}\n{__doc__}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
