"""Settings, and the only place that reads the process environment."""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Mapping

from .errors import ConfigError

ENV_PREFIX = "SEARCHAPP_"


@dataclass(frozen=True)
class Settings:
    """Everything a searchapp process can be configured with.

    Environment variables (all optional): ``SEARCHAPP_INDEX`` (index folder),
    ``SEARCHAPP_HOST``, ``SEARCHAPP_PORT``, ``SEARCHAPP_PAGE_SIZE``,
    ``SEARCHAPP_THREADS`` (waitress worker threads per process), ``SEARCHAPP_WORKERS``
    (server processes sharing the port: one Python process uses one CPU).
    """

    index_dir: Path = Path("index")
    host: str = "127.0.0.1"
    port: int = 8080
    page_size: int = 10
    max_page_size: int = 100
    max_query_chars: int = 1000
    threads: int = 8
    workers: int = 1

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "Settings":
        env = os.environ if environ is None else environ
        base = cls()
        values: dict[str, object] = {}
        if env.get(ENV_PREFIX + "INDEX"):
            values["index_dir"] = Path(env[ENV_PREFIX + "INDEX"])
        if env.get(ENV_PREFIX + "HOST"):
            values["host"] = env[ENV_PREFIX + "HOST"]
        for key, attr in (("PORT", "port"), ("PAGE_SIZE", "page_size"), ("THREADS", "threads"),
                          ("WORKERS", "workers")):
            raw = env.get(ENV_PREFIX + key)
            if raw:
                try:
                    number = int(raw)
                except ValueError:
                    raise ConfigError(f"{ENV_PREFIX}{key} must be a whole number, got {raw!r}") from None
                if number <= 0 or number > 65535:
                    raise ConfigError(f"{ENV_PREFIX}{key} is out of range: {number}")
                values[attr] = number
        return replace(base, **values)

    def with_overrides(self, **values: object) -> "Settings":
        clean = {k: v for k, v in values.items() if v is not None}
        if "index_dir" in clean:
            clean["index_dir"] = Path(clean["index_dir"])  # type: ignore[arg-type]
        return replace(self, **clean)  # type: ignore[arg-type]


def pythainlp_read_only() -> None:
    """Keep PyThaiNLP from creating ~/pythainlp-data when it is imported (the naive build of
    benchmarks/scale.py imports it; searchapp itself only reads the files it ships)."""
    os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")


def pythainlp_file(name: str) -> Path:
    """A data file PyThaiNLP ships in its ``corpus`` folder (word lists, country and province
    names, TNC word frequencies), found without importing PyThaiNLP: its import costs 0.1 s in
    every process, a one-file reindex's among them, and would create ~/pythainlp-data unless
    told not to. Nothing else of PyThaiNLP is used."""
    spec = importlib.util.find_spec("pythainlp")
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError("PyThaiNLP is not installed (pip install -e . installs it)")
    path = Path(list(spec.submodule_search_locations)[0], "corpus", name)
    if not path.is_file():
        raise ConfigError(f"PyThaiNLP's {name} is missing at {path}: reinstall pythainlp")
    return path


CRASH_POINTS = ("locked", "writing", "committed", "manifest", "swapping", "swapped")


def crash_point() -> str | None:
    """Fault injection for the crash tests (tests/test_crash.py): with
    ``SEARCHAPP_CRASH_AT=<point>`` a reindex kills itself with SIGKILL at that point of
    writing a generation. Unset, as in normal use, nothing happens."""
    value = os.environ.get(ENV_PREFIX + "CRASH_AT") or None
    if value is not None and value not in CRASH_POINTS:
        raise ConfigError(f"{ENV_PREFIX}CRASH_AT must be one of {', '.join(CRASH_POINTS)}, got {value!r}")
    return value
