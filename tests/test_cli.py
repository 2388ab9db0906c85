"""The command lines, run as a user runs them (subprocesses, real files)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import DAILYNEWS, ROOT


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True, timeout=600,
                          stdin=subprocess.DEVNULL)


def test_reindex_then_search_end_to_end(tmp_path, seeds_copy):
    (seeds_copy / "empty.txt").write_text("", "utf-8")
    index = tmp_path / "index"
    done = run("searchapp.reindex", "--source", str(seeds_copy), "--index", str(index))
    assert done.returncode == 0, done.stderr
    assert "indexed 5 articles" in done.stdout
    assert "skipped 1 files" in done.stdout
    assert f"skipped {seeds_copy / 'empty.txt'}: empty file" in done.stdout

    found = run("searchapp.search", "--index", str(index), "--json", "--limit", "3", "อาเซียน", "รัสเซีย")
    assert found.returncode == 0, found.stderr
    data = json.loads(found.stdout)
    assert data["query"] == "อาเซียน รัสเซีย"
    assert data["hits"][0]["id"] == "003_5cf68c7f035a1530"
    assert len(data["hits"]) == 3 and data["total"] == 5
    assert "<mark>" in data["hits"][0]["snippet"]

    text = run("searchapp.search", "--index", str(index), "ฮานอย")
    assert text.returncode == 0
    assert "**ฮานอย**" in text.stdout and "19 ธันวาคม 2562" in text.stdout


def test_reindex_and_search_write_nothing_to_the_home_folder(tmp_path, seeds_copy):
    """PyThaiNLP creates ~/pythainlp-data when imported; searchapp only reads the files it ships."""
    import os

    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home)}
    env.pop("PYTHAINLP_READ_ONLY", None)
    env.pop("PYTHAINLP_DATA_DIR", None)
    index = tmp_path / "index"
    for args in (["searchapp.reindex", "--source", str(seeds_copy), "--index", str(index)],
                 ["searchapp.search", "--index", str(index), "กระทรวงการต่างประเทศ"]):
        done = subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600,
                              stdin=subprocess.DEVNULL, env=env)
        assert done.returncode == 0, done.stderr
    assert list(home.iterdir()) == []


def test_reindex_with_nothing_usable_fails_and_keeps_the_index(tmp_path, seeds_copy):
    index = tmp_path / "index"
    assert run("searchapp.reindex", "--source", str(seeds_copy), "--index", str(index)).returncode == 0
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a.json").write_text("{nope", "utf-8")
    done = run("searchapp.reindex", "--source", str(bad), "--index", str(index))
    assert done.returncode != 0
    assert "nothing could be indexed" in done.stderr
    assert "does not parse" in done.stdout
    still = run("searchapp.search", "--index", str(index), "--json", "ฮานอย")
    assert json.loads(still.stdout)["total"] == 1


def test_search_without_an_index_says_what_to_do(tmp_path):
    done = run("searchapp.search", "--index", str(tmp_path / "none"), "อาเซียน")
    assert done.returncode == 2
    assert "python -m searchapp.reindex" in done.stderr
    assert "Traceback" not in done.stderr


def test_reindex_reports_missing_source(tmp_path):
    done = run("searchapp.reindex", "--source", str(tmp_path / "nope"), "--index", str(tmp_path / "ix"))
    assert done.returncode == 1
    assert "no such file or folder" in done.stdout


@pytest.mark.skipif(not DAILYNEWS.is_dir(), reason="../shared/corpora/dailynews is not beside the project")
def test_reindex_dailynews_skips_empty_and_contentless_articles(tmp_path):
    index = tmp_path / "index"
    done = run("searchapp.reindex", "--source", str(DAILYNEWS), "--index", str(index), "--quiet")
    assert done.returncode == 0, done.stderr
    skipped = [line for line in done.stdout.splitlines() if line.startswith("skipped /")]
    assert len(skipped) == 43  # 2 empty files + 41 without content
    assert sum("empty file" in line for line in skipped) == 2
    assert sum("no body" in line for line in skipped) == 41
    # two articles appear in two categories under one id: the later copy is kept
    assert "indexed 2314 articles" in done.stdout
    assert "2 articles shared an id" in done.stdout


def test_search_cli_filters_sorts_and_suggests(archive_index):
    found = run("searchapp.search", "--index", str(archive_index), "--json", "--sort", "newest",
                "--section", "เศรษฐกิจ", "--year", "2567", "ข้าว")
    assert found.returncode == 0, found.stderr
    assert [h["id"] for h in json.loads(found.stdout)["hits"]] == ["a10"]
    browse = run("searchapp.search", "--index", str(archive_index), "--json", "--source", "เกษตรทูเดย์")
    assert [h["id"] for h in json.loads(browse.stdout)["hits"]] == ["a10", "a05", "a04"]  # newest first
    typo = run("searchapp.search", "--index", str(archive_index), "อาเซี่ยน")
    assert "did you mean: อาเซียน" in typo.stdout and " · score " in typo.stdout
    by_date = run("searchapp.search", "--index", str(archive_index), "--sort", "newest", "ข้าว")
    assert by_date.returncode == 0 and "results for" in by_date.stdout and "score" not in by_date.stdout
    bad = run("searchapp.search", "--index", str(archive_index), "--from", "yesterday", "ข้าว")
    assert bad.returncode == 2 and "2024-03-01" in bad.stderr and "Traceback" not in bad.stderr


def test_reindex_into_a_file_or_from_an_empty_folder_says_what_to_fix(tmp_path, seeds_copy):
    target = tmp_path / "index.txt"
    target.write_text("notes", "utf-8")
    done = run("searchapp.reindex", "--source", str(seeds_copy), "--index", str(target))
    assert done.returncode == 2 and "is a file; it must be a folder" in done.stderr
    assert target.read_text("utf-8") == "notes" and "Traceback" not in done.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    done = run("searchapp.reindex", "--source", str(empty), "--index", str(tmp_path / "index"))
    assert done.returncode == 1 and "give --source the folders or files of articles" in done.stderr


def test_serve_refuses_a_port_or_worker_count_out_of_range(tmp_path):
    for option, value, message in (("--port", "99999", "--port must be 1-65535"),
                                   ("--workers", "0", "--workers must be 1-64")):
        done = run("searchapp", "serve", "--index", str(tmp_path), option, value)
        assert done.returncode == 2 and message in done.stderr


def test_search_cli_says_when_it_searched_a_respelling(tmp_path):
    source = tmp_path / "articles.jsonl"
    records = [{"id": f"t{n}", "title": f"ทรัมป์เยือนเอเชียครั้งที่ {n + 1}", "date": "2024-03-0{}".format(n + 1),
                "content": "ประธานาธิบดีทรัมป์ของสหรัฐกล่าวในการประชุมสุดยอด"} for n in range(3)]
    records += [{"id": f"p{n}", "title": f"ป.ป.ช. ตรวจสอบทรัพย์สินรอบที่ {n + 1}", "date": "2024-03-0{}".format(n + 1),
                 "content": "สำนักงาน ป.ป.ช. แถลงผลการตรวจสอบทุกกรณี ป.ป.ช. ยืนยัน"} for n in range(3)]
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    index = tmp_path / "index"
    assert run("searchapp.reindex", "--quiet", "--source", str(source), "--index", str(index)).returncode == 0
    text = run("searchapp.search", "--index", str(index), "ทรัมป").stdout
    assert "showing results for 'ทรัมป์'" in text and "3 results for 'ทรัมป์'" in text
    found = json.loads(run("searchapp.search", "--index", str(index), "--json", "ทรัมป").stdout)
    assert found["corrected_from"] == "ทรัมป" and {h["id"] for h in found["hits"]} == {"t0", "t1", "t2"}
    typed = run("searchapp.search", "--index", str(index), "--as-typed", "ทรัมป").stdout
    assert "showing results for" not in typed and "did you mean: ทรัมป์" in typed
