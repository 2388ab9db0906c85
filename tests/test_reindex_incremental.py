"""Incremental reindex: only files added, changed or deleted (by content hash) are processed."""

from __future__ import annotations

import json

from searchapp.index import build_index, current_generation
from searchapp.ingest import ingest_paths
from searchapp.reindex import main
from searchapp.search import SearchService

from .test_cli import run

NEW_PAGE = """ข่าวทดสอบการเพิ่มไฟล์ใหม่เรื่องเขื่อนกั้นน้ำโขง
วันที่ 14 ส.ค. 66
กรมอาเซียนแถลงความคืบหน้าโครงการเขื่อนกั้นน้ำโขงแห่งใหม่ในที่ประชุมวันนี้
"""


def reindex(capsys, seeds, index, *extra):
    code = main(["--source", str(seeds), "--index", str(index), "--quiet", *extra])
    out = capsys.readouterr().out
    return code, out


def ids(index, query):
    return {h.id for h in SearchService(index).search(query, size=50).hits}


def top(index, query):
    return SearchService(index).search(query, size=1).hits[0].id


def test_second_run_without_changes_writes_nothing(tmp_path, seeds_copy, capsys):
    index = tmp_path / "index"
    code, out = reindex(capsys, seeds_copy, index)
    assert code == 0 and "indexed 5 articles" in out
    before = current_generation(index).name
    code, out = reindex(capsys, seeds_copy, index)
    assert code == 0
    assert "is up to date: 5 files unchanged" in out
    assert current_generation(index).name == before


def test_added_changed_and_deleted_files(tmp_path, seeds_copy, capsys):
    index = tmp_path / "index"
    reindex(capsys, seeds_copy, index)
    first = current_generation(index)

    (seeds_copy / "new_page.txt").write_text(NEW_PAGE, "utf-8")
    code, out = reindex(capsys, seeds_copy, index)
    assert code == 0
    assert "1 files added, 0 changed, 0 deleted, 5 unchanged; 1 articles indexed, 0 removed, 6 in the index" in out
    assert top(index, "เขื่อนกั้นน้ำโขง") == "new_page"
    # the previous generation shares files with the new one by hard links, and is untouched
    second = current_generation(index)
    assert second != first

    changed = seeds_copy / "new_page.txt"
    changed.write_text(NEW_PAGE.replace("เขื่อนกั้นน้ำโขง", "สะพานข้ามแม่น้ำสาละวิน"), "utf-8")
    code, out = reindex(capsys, seeds_copy, index)
    assert "0 files added, 1 changed, 0 deleted, 5 unchanged; 1 articles indexed, 1 removed, 6 in the index" in out
    assert top(index, "สะพานข้ามแม่น้ำสาละวิน") == "new_page"
    assert "new_page" not in ids(index, '"เขื่อนกั้นน้ำโขง"')

    (seeds_copy / "002_f6ce5b4017781967.txt").unlink()
    changed.unlink()
    code, out = reindex(capsys, seeds_copy, index)
    assert "0 files added, 0 changed, 2 deleted, 4 unchanged; 0 articles indexed, 2 removed, 4 in the index" in out
    assert SearchService(index).count() == 4
    assert "002_f6ce5b4017781967" not in ids(index, "ความร่วมมือทางทะเล")


def test_the_generation_before_an_update_still_reads_whole(tmp_path, seeds_copy, capsys):
    from whoosh import index as whoosh_index

    index = tmp_path / "index"
    reindex(capsys, seeds_copy, index)
    first = current_generation(index)
    (seeds_copy / "003_5cf68c7f035a1530.txt").unlink()
    (seeds_copy / "new_page.txt").write_text(NEW_PAGE, "utf-8")
    reindex(capsys, seeds_copy, index)
    assert current_generation(index) != first
    # kept as the previous generation; an update made through hard links must not touch it
    with whoosh_index.open_dir(str(first)).searcher() as searcher:
        assert searcher.doc_count() == 5
        assert searcher.document(id="003_5cf68c7f035a1530") is not None
        assert searcher.document(id="new_page") is None


def test_full_rebuilds_and_unchanged_bad_files_are_still_reported(tmp_path, seeds_copy, capsys):
    index = tmp_path / "index"
    (seeds_copy / "broken.json").write_text("{nope", "utf-8")
    code, out = reindex(capsys, seeds_copy, index)
    assert "does not parse" in out and "skipped 1 files" in out
    (seeds_copy / "new_page.txt").write_text(NEW_PAGE, "utf-8")
    code, out = reindex(capsys, seeds_copy, index)
    assert "1 files added" in out
    assert "does not parse" in out and "(unchanged since the last run)" in out
    code, out = reindex(capsys, seeds_copy, index, "--full")
    assert code == 0 and "indexed 6 articles" in out and "skipped 1 files" in out


def test_an_index_without_a_manifest_is_rebuilt_in_full(tmp_path, seeds_copy, capsys):
    index = tmp_path / "index"
    build_index(list(a for a in ingest_paths([seeds_copy]) if hasattr(a, "body")), index)
    code, out = reindex(capsys, seeds_copy, index)
    assert code == 0 and "indexed 5 articles" in out


def test_update_from_the_command_line(tmp_path, seeds_copy):
    index = tmp_path / "index"
    assert run("searchapp.reindex", "--source", str(seeds_copy), "--index", str(index)).returncode == 0
    (seeds_copy / "new_page.txt").write_text(NEW_PAGE, "utf-8")
    done = run("searchapp.reindex", "--source", str(seeds_copy), "--index", str(index))
    assert done.returncode == 0, done.stderr
    assert "1 files added" in done.stdout
    found = run("searchapp.search", "--index", str(index), "--json", "เขื่อนกั้นน้ำโขง")
    assert json.loads(found.stdout)["hits"][0]["id"] == "new_page"


def test_an_update_never_writes_into_the_live_generations_files(tmp_path, seeds_copy):
    index = tmp_path / "index"
    assert run("searchapp.reindex", "--quiet", "--index", str(index), "--source", str(seeds_copy)).returncode == 0
    live = current_generation(index)
    before = {p.name: p.read_bytes() for p in live.iterdir() if p.is_file()}
    (seeds_copy / "new.txt").write_text("ข่าวใหม่\n\nเนื้อหาข่าวใหม่เรื่องความร่วมมืออาเซียนด้านการศึกษา " * 3, "utf-8")
    updated = run("searchapp.reindex", "--quiet", "--index", str(index), "--source", str(seeds_copy))
    assert updated.returncode == 0, updated.stderr
    assert current_generation(index) != live and live.is_dir()
    # the previous generation (kept for readers still on it) is byte for byte what it was
    assert {p.name: p.read_bytes() for p in live.iterdir() if p.is_file() and p.name in before} == before


def _age(folder, seconds=3600):
    import os
    import time

    for path in folder.rglob("*"):
        if path.is_file():
            past = time.time() - seconds
            os.utime(path, (past, past))


def test_files_whose_size_time_and_inode_are_unchanged_are_not_read_again(tmp_path, seeds_copy, capsys,
                                                                          monkeypatch):
    import searchapp.manifest as manifest

    _age(seeds_copy)
    index = tmp_path / "index"
    assert reindex(capsys, seeds_copy, index)[0] == 0
    read: list[str] = []
    original = manifest.file_hash
    monkeypatch.setattr(manifest, "file_hash", lambda path: read.append(str(path)) or original(path))
    code, out = reindex(capsys, seeds_copy, index)
    assert code == 0 and "is up to date" in out and read == []
    # an edit keeping the size: its time changes, so it is read and found changed
    page = sorted(seeds_copy.iterdir())[0]
    text = page.read_text("utf-8")
    page.write_text(text.replace("อาเซียน", "อาเซียม", 1), "utf-8")
    assert len(page.read_bytes()) == len(text.encode("utf-8"))
    code, out = reindex(capsys, seeds_copy, index)
    assert code == 0 and "1 changed" in out and read == [str(page)]


def test_a_touched_file_with_the_same_content_is_read_once_and_not_reindexed(tmp_path, seeds_copy, capsys,
                                                                            monkeypatch):
    import searchapp.manifest as manifest

    _age(seeds_copy)
    index = tmp_path / "index"
    assert reindex(capsys, seeds_copy, index)[0] == 0
    page = sorted(seeds_copy.iterdir())[1]
    import os
    os.utime(page, (page.stat().st_atime - 60, page.stat().st_mtime - 60))  # touched, not changed
    read: list[str] = []
    original = manifest.file_hash
    monkeypatch.setattr(manifest, "file_hash", lambda path: read.append(str(path)) or original(path))
    code, out = reindex(capsys, seeds_copy, index)
    assert code == 0 and "is up to date" in out and read == [str(page)]
    code, out = reindex(capsys, seeds_copy, index)  # its new time was recorded
    assert code == 0 and read == [str(page)]


def test_files_too_recent_to_trust_when_read_are_trusted_once_settled(tmp_path):
    import hashlib
    import os
    import time

    from searchapp.manifest import FileEntry, settled

    def entry(path):
        return FileEntry(hashlib.sha256(path.read_bytes()).hexdigest(), ["x"], [], None)

    old, fresh, edited = tmp_path / "old.txt", tmp_path / "fresh.txt", tmp_path / "edited.txt"
    for path in (old, fresh, edited):
        path.write_text(f"{path.name} ข่าว", "utf-8")
    entries = {str(p): entry(p) for p in (old, fresh, edited)}
    edited.write_text("เนื้อหาใหม่", "utf-8")  # changed since it was read
    past = time.time() - 5
    for path in (old, edited):
        os.utime(path, (past, past))
    result = settled(entries)
    assert result[str(old)].stat == (old.stat().st_size, old.stat().st_mtime_ns, old.stat().st_ino)
    assert result[str(fresh)].stat is None  # still too recent
    assert result[str(edited)].stat is None  # not the content indexed: the next run reads it
    assert entries[str(old)].stat is None  # the entries given are left as they were


def test_the_update_after_a_build_does_not_read_files_written_just_before_it(tmp_path, seeds_copy, capsys,
                                                                           monkeypatch):
    """Files written in the two seconds before a build cannot be trusted by their time when it
    reads them; by its end they can, so the next update does not hash them again."""
    import os
    import time
    import types

    import searchapp.manifest as manifest
    import searchapp.reindex as reindex_module

    written = time.time() - 2.5
    for path in seeds_copy.iterdir():
        os.utime(path, (written, written))
    # the build looks at the files one second after they were written (its clock, not theirs, is moved)
    monkeypatch.setattr(reindex_module, "time", types.SimpleNamespace(
        time_ns=lambda: time.time_ns() - 1_500_000_000, monotonic=time.monotonic))
    index = tmp_path / "index"
    assert reindex(capsys, seeds_copy, index)[0] == 0
    monkeypatch.undo()
    read: list[str] = []
    original = manifest.file_hash
    monkeypatch.setattr(manifest, "file_hash", lambda path: read.append(str(path)) or original(path))
    code, out = reindex(capsys, seeds_copy, index)
    assert code == 0 and "is up to date" in out and read == []


def test_the_manifest_keeps_every_files_record_through_writing_and_reading(tmp_path):
    from searchapp.manifest import FileEntry, Manifest, read_manifest

    files = {
        "/data/b.json": FileEntry("b" * 64, ["b-1", "b-2"], [], (10, 1_700_000_000_000_000_000, 7)),
        "/data/a.txt": FileEntry("a" * 64, ["a"], [], None),  # too recent for its time to be trusted
        "/data/bad.json": FileEntry("c" * 64, [], [("/data/bad.json", "JSON does not parse")], (3, 5, 9)),
    }
    Manifest.from_entries(files).write(tmp_path)
    read = read_manifest(tmp_path)
    assert read.entries() == files
    assert read.get("/data/elsewhere.txt") is None
    # an update keeps some rows (with the times seen now) and adds the files read again
    kept = read.updated([read.rows["/data/bad.json"]], [(3, 6, 9)], {"/data/c.txt": FileEntry("d" * 64, ["c"], [])})
    kept.write(tmp_path)
    assert read_manifest(tmp_path).entries() == {
        "/data/bad.json": files["/data/bad.json"]._replace(stat=(3, 6, 9)),
        "/data/c.txt": FileEntry("d" * 64, ["c"], [], None)}


def test_an_index_from_before_the_column_manifest_is_updated_not_rebuilt(tmp_path, seeds_copy, capsys):
    from searchapp.index import schema_names
    from searchapp.manifest import read_manifest

    index = tmp_path / "index"
    reindex(capsys, seeds_copy, index)
    generation = current_generation(index)
    entries = read_manifest(generation).entries()
    old = {"version": 1, "schema": schema_names(),  # as the first manifest format wrote it
           "files": {k: {"sha256": e.sha256, "ids": e.ids, "problems": e.problems, "stat": e.stat}
                     for k, e in entries.items()}}
    (generation / "manifest.json").write_text(json.dumps(old, ensure_ascii=False), "utf-8")
    (seeds_copy / "new_page.txt").write_text(NEW_PAGE, "utf-8")
    code, out = reindex(capsys, seeds_copy, index)
    assert code == 0 and "1 files added, 0 changed, 0 deleted, 5 unchanged" in out
    assert read_manifest(current_generation(index)).get(str((seeds_copy / "new_page.txt").resolve())) is not None


def test_a_damaged_manifest_means_a_full_rebuild_not_a_wrong_update(tmp_path, seeds_copy, capsys):
    index = tmp_path / "index"
    reindex(capsys, seeds_copy, index)
    manifest = current_generation(index) / "manifest.json"
    data = json.loads(manifest.read_text("utf-8"))
    data["sha256"] = data["sha256"][:-1]  # a column one short
    manifest.write_text(json.dumps(data), "utf-8")
    code, out = reindex(capsys, seeds_copy, index)
    assert code == 0 and "indexed 5 articles" in out


def test_a_folder_given_twice_or_with_a_trailing_slash_is_one_set_of_files(tmp_path, seeds_copy, capsys,
                                                                          monkeypatch):
    index = tmp_path / "index"
    monkeypatch.chdir(seeds_copy.parent)
    code = main(["--source", seeds_copy.name + "/", "--source", f"./{seeds_copy.name}", "--index", str(index),
                 "--quiet"])
    assert code == 0 and "indexed 5 articles" in capsys.readouterr().out
    code, out = reindex(capsys, seeds_copy, index)  # the same files by their absolute paths
    assert code == 0 and "is up to date: 5 files unchanged" in out


def test_file_names_that_are_not_utf8_are_indexed_not_fatal(tmp_path, capsys):
    import os

    source = tmp_path / "pages"
    source.mkdir()
    folder = os.fsencode(source)
    page = "ข่าวทดสอบชื่อไฟล์\n\nเนื้อหาข่าวทดสอบเรื่องการประชุมอาเซียนด้านการศึกษาที่กรุงเทพมหานคร\n".encode("utf-8")
    for name, content in ((b"\xa2\xe8\xd2\xc7.txt", page),  # ข่าว in TIS-620, as a Thai Windows site names it
                          (b"\xff\xfe-page.txt", page.replace("ชื่อไฟล์".encode(), "แปลก".encode())),
                          (b"\xff\xfe-empty.txt", b"")):
        with open(os.path.join(folder, name), "wb") as handle:
            handle.write(content)
    index = tmp_path / "index"
    code, out = reindex(capsys, source, index)
    assert code == 0 and "indexed 2 articles" in out
    assert "empty file" in out and "\ufffd" in out  # the bad name shown readable, not a crash
    assert top(index, "ชื่อไฟล์") == "ข่าว"
    code, out = reindex(capsys, source, index)
    assert code == 0 and "is up to date: 3 files unchanged" in out


def test_the_spelling_vocabulary_counts_every_segment_of_an_updated_index(tmp_path, seeds_copy, capsys):
    from whoosh import index as whoosh_index

    from searchapp.search.spelling import FIELD, Vocabulary

    index = tmp_path / "index"
    reindex(capsys, seeds_copy, index)
    (seeds_copy / "new_page.txt").write_text(NEW_PAGE, "utf-8")
    (seeds_copy / "003_5cf68c7f035a1530.txt").unlink()
    reindex(capsys, seeds_copy, index)
    with whoosh_index.open_dir(str(current_generation(index))).searcher() as searcher:
        reader = searcher.reader()
        assert len(reader.leaf_readers()) == 2  # the build's segment and the update's
        vocabulary = Vocabulary(reader)
        # each word once, with the document count the whole index gives it
        expected = {term.decode("utf-8"): reader.doc_frequency(FIELD, term) for term in reader.lexicon(FIELD)}
    assert vocabulary.frequency == expected
    assert vocabulary.frequency["เขื่อน"] >= 1  # a word only the update's segment has


def _scan_in_process(sources, scanned_ns):
    from searchapp.manifest import file_stat
    from searchapp.models import Skipped
    from searchapp.sources import iter_sources

    items = list(iter_sources(sources))
    files = [i for i in items if not isinstance(i, Skipped)]
    return files, [file_stat(key, scanned_ns) for _, key in files], [i for i in items if isinstance(i, Skipped)]


def test_the_file_scan_in_a_child_process_finds_what_the_walk_in_process_finds(tmp_path, seeds_copy, monkeypatch):
    import os
    import time

    from searchapp import sources as sources_module
    from searchapp.sources import Scan

    (seeds_copy / "sub").mkdir()
    (seeds_copy / "sub" / "page.json").write_text('{"title": "t", "content": "c"}', "utf-8")
    (seeds_copy / ".hidden.txt").write_text("x", "utf-8")
    with open(os.path.join(os.fsencode(seeds_copy), b"\xff\xfe-odd.txt"), "wb") as handle:
        handle.write(NEW_PAGE.encode())  # a name that is not UTF-8 crosses the pipe as it is
    given = [seeds_copy, tmp_path / "missing"]
    scanned_ns = time.time_ns() + 10**10  # every file old enough to be trusted
    expected = _scan_in_process(given, scanned_ns)
    assert len(expected[0]) == 7 and all(expected[1])  # every file's stat, trusted
    assert [s.path for s in expected[2]] == [str(tmp_path / "missing")]

    # forked even if an earlier test left a thread running (the child only lists and stats)
    monkeypatch.setattr(sources_module.threading, "active_count", lambda: 1)
    scan = Scan(given, scanned_ns)
    assert scan._child is not None
    assert scan.result() == expected
    # no fork (or another thread running): the same, in process
    monkeypatch.delattr(sources_module.os, "fork")
    scan = Scan(given, scanned_ns)
    assert scan._child is None and not scan.pending()
    assert scan.result() == expected


def test_an_update_is_right_when_the_file_scan_runs_in_process(tmp_path, seeds_copy, capsys, monkeypatch):
    from searchapp import sources as sources_module

    index = tmp_path / "index"
    reindex(capsys, seeds_copy, index)
    monkeypatch.setattr(sources_module.threading, "active_count", lambda: 2)  # as if a server thread ran
    (seeds_copy / "new_page.txt").write_text(NEW_PAGE, "utf-8")
    code, out = reindex(capsys, seeds_copy, index)
    assert code == 0 and "1 files added, 0 changed, 0 deleted, 5 unchanged" in out
    assert top(index, "เขื่อนกั้นน้ำโขง") == "new_page"
