"""`serve --workers N`: N server processes share the port (one Python process uses one CPU);
a worker that dies is replaced, and stopping the server stops them all."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from searchapp.config import Settings
from searchapp.errors import ConfigError

from .conftest import ROOT
from .test_reliability import load

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def _ok(base: str) -> bool:
    try:
        with urllib.request.urlopen(base + "/api/search?q=" + urllib.parse.quote("อาเซียน"), timeout=30) as r:
            return r.status == 200 and b'"total"' in r.read()
    except OSError:
        return False


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def test_workers_share_the_port_are_replaced_and_stop_together(seed_index):
    process, base = load.start_server([sys.executable, "-m", "searchapp", "serve", "--index", str(seed_index),
                                       "--host", "127.0.0.1", "--workers", "2", "--threads", "2"])
    try:
        workers = load.child_processes(process.pid)
        assert len(workers) == 2
        assert all(_ok(base) for _ in range(10))
        os.kill(workers[0], signal.SIGKILL)  # a worker dies: another takes its place
        deadline = time.monotonic() + 20
        while True:
            now = [pid for pid in load.child_processes(process.pid) if _alive(pid)]
            if len(now) == 2 and workers[0] not in now:
                break
            assert time.monotonic() < deadline, "the dead worker was not replaced"
            time.sleep(0.1)
        assert all(_ok(base) for _ in range(10))
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0
        assert not [pid for pid in now if _alive(pid)], "a worker outlived the server"
    finally:
        if process.poll() is None:
            process.kill()


def test_a_port_in_use_is_a_clear_error(seed_index):
    process, base = load.start_server([sys.executable, "-m", "searchapp", "serve", "--index", str(seed_index),
                                       "--host", "127.0.0.1", "--workers", "2"])
    try:
        port = base.rsplit(":", 1)[1]
        second = subprocess.run([sys.executable, "-m", "searchapp", "serve", "--index", str(seed_index),
                                 "--host", "127.0.0.1", "--port", port, "--workers", "2"],
                                cwd=ROOT, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
        assert second.returncode == 1 and "cannot listen" in second.stderr and "Traceback" not in second.stderr
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_workers_setting_from_the_environment():
    assert Settings.from_env({"SEARCHAPP_WORKERS": "2"}).workers == 2
    with pytest.raises(ConfigError, match="SEARCHAPP_WORKERS"):
        Settings.from_env({"SEARCHAPP_WORKERS": "two"})


def test_workers_that_cannot_start_are_not_restarted_for_ever():
    from searchapp.processes import listen, serve_in_processes

    def cannot_start(_sock):
        raise RuntimeError("broken install")

    started = time.monotonic()
    assert serve_in_processes(listen("127.0.0.1", 0), 2, cannot_start) == 1
    assert time.monotonic() - started < 30


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_a_worker_whose_parent_died_before_it_started_does_not_stay(tmp_path):
    from searchapp.processes import die_with_parent

    # a build or server worker is forked, and its parent may be killed before the worker has
    # asked to die with it: the worker must notice rather than wait for work forever
    survived = tmp_path / "survived"
    middle = os.fork()
    if middle == 0:  # the parent-to-be
        try:
            parent = os.getpid()
            if os.fork() == 0:  # its worker
                try:
                    time.sleep(0.5)  # the parent has exited by now
                    die_with_parent(parent)
                    survived.write_text("still here")
                finally:
                    os._exit(0)
        finally:
            os._exit(0)
    os.waitpid(middle, 0)
    time.sleep(1.5)
    assert not survived.exists()
