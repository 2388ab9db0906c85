"""Worker processes: the build's (index.py) and the server's (``serve --workers``)."""

from __future__ import annotations

import logging
import os
import signal
import socket
import time
from typing import Callable

log = logging.getLogger(__name__)
QUICK_FAILURE_S = 5.0  # a worker that dies sooner than this after starting failed to start


def die_with_parent(parent: int) -> None:
    """In a forked worker: be killed when the process that started it dies (Linux), so a
    crashed reindex or server leaves no worker behind holding a lock, a port or files.
    ``parent`` is the starting process's pid, taken there before the fork: read here, it would
    already be another process's (init's) when the parent died before this ran, and the worker
    would wait for work forever (seen once: a reindex killed just after starting its workers)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # it died before the line above
        os._exit(1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle


def listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(1024)
    return sock


def serve_in_processes(sock: socket.socket, workers: int, run: Callable[[socket.socket], None]) -> int:
    """Fork ``workers`` processes that each ``run(sock)`` (a server on the shared, listening
    socket: the kernel hands each connection to one of them). A worker that dies is replaced;
    SIGTERM or Ctrl-C stops them all. Returns the exit status when they have all stopped."""
    children: dict[int, float] = {}  # pid -> when it started
    stopping = False
    quick_failures = 0

    def start() -> None:
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # the worker
            code = 0
            try:
                die_with_parent(parent)
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                run(sock)
            except BaseException:  # noqa: BLE001  (logged; the parent starts another)
                log.exception("server worker failed")
                code = 1
            finally:
                os._exit(code)
        children[pid] = time.monotonic()

    def stop(_signum, _frame) -> None:
        nonlocal stopping
        stopping = True
        for pid in list(children):
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass

    code = 0
    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        for _ in range(workers):
            start()
        while children:
            pid, status = os.wait()
            started = children.pop(pid, None)
            if stopping or started is None:
                continue
            # a worker that cannot start (bad settings, a broken install) must not be restarted
            # in a tight loop for ever: after five quick failures in a row the server gives up
            quick_failures = quick_failures + 1 if time.monotonic() - started < QUICK_FAILURE_S else 0
            if quick_failures >= 5:
                log.error("server workers keep failing on start; stopping")
                stop(None, None)
                code = 1
                continue
            log.warning("server worker %d stopped (status %d); starting another", pid, status)
            if quick_failures:
                time.sleep(1)
            start()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        sock.close()
    return code
