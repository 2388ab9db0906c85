"""The scoring postings files (score_postings.py): written for every segment a build or an update
makes, read by ranking in place of Whoosh's postings for common terms, and giving exactly the
scores Whoosh's postings give; an index written without them ranks the same, and a damaged one is
refused like any other damaged index file."""

from __future__ import annotations

import numpy as np
import pytest

from searchapp.score_postings import EXTENSION, MIN_POSTINGS, ScorePostings, of_reader
from searchapp.search import ranking
from searchapp.search.build import build_query
from searchapp.search.docsets import posting_arrays
from searchapp.search.query import parse_query
from searchapp.search.ranking import LengthNorms, scores

QUERIES = ["ฟุตบอล", "ผู้รักษาประตู ชัยชนะ", "แชมป์ลีก สโมสร", '"กองหลัง กองหน้า"', "+ทีม -ลีก", "เกม คะแนน นัด ชิง ถ้วย"]


def _generation(index):
    from searchapp.index import current_generation

    return current_generation(index)


def _assert_same_scores(searcher, texts=QUERIES):
    for text in texts:
        query = build_query(parse_query(text)).query
        kept = scores(searcher, LengthNorms(), query)
        with pytest.MonkeyPatch.context() as patch:  # ranking finds no scoring postings file
            patch.setattr(ranking, "of_reader", lambda reader: None)
            whoosh = scores(searcher, LengthNorms(), query)
        assert np.array_equal(kept.hit, whoosh.hit), text
        assert np.array_equal(kept.score, whoosh.score), text  # bit for bit


def test_a_build_keeps_its_common_terms_as_arrays_and_they_score_exactly_as_whooshs(many_index):
    from searchapp.search import SearchService

    files = sorted(_generation(many_index).glob("*" + EXTENSION))
    assert files  # one per segment
    service = SearchService(many_index)
    searcher = service.handle.searcher()
    reader = searcher.leaf_searchers()[0][0].reader()
    kept = ScorePostings(files[0])
    assert of_reader(reader) is not None  # what ranking reads this segment's common terms from
    # a word in nearly every one of the 600 articles is kept; its arrays are Whoosh's postings
    btext = searcher.schema["body"].to_bytes("ทีม")
    assert reader.doc_frequency("body", btext) >= MIN_POSTINGS
    ids, weights = kept.get("body", btext)
    expected_ids, expected_weights = posting_arrays(reader, "body", btext)
    assert np.array_equal(ids, expected_ids) and np.array_equal(weights, expected_weights)
    assert weights.max() > 1  # counts, not just presence
    # a term in fewer articles is left to Whoosh's postings
    rare = next(b for b, info in reader.iter_field("title") if info.doc_frequency() < MIN_POSTINGS)
    assert kept.get("title", rare) is None
    _assert_same_scores(searcher)


def test_an_update_writes_files_for_its_new_segments_and_ranks_the_same_without_them(tmp_path):
    from searchapp.index import build_index, update_index
    from searchapp.models import Article
    from searchapp.search import SearchService

    index = tmp_path / "index"
    body = "แถลงข่าว กระทรวงการต่างประเทศ ความร่วมมือ อาเซียน " * 3
    build_index([Article(id=f"a{i}", title=f"ข่าว {i}", body=f"{body} {i}") for i in range(600)], index)
    update_index([Article(id=f"b{i}", title="อาเซียน", body=f"อาเซียน ความร่วมมือ {body} {i}") for i in range(550)],
                 {"a3", "a4"}, index)
    generation = _generation(index)
    service = SearchService(index)
    searcher = service.handle.searcher()
    assert len(searcher.leaf_searchers()) == 2
    names = {leaf.reader().segment().make_filename(EXTENSION) for leaf, _ in searcher.leaf_searchers()}
    assert names <= {p.name for p in generation.glob("*" + EXTENSION)}
    texts = ["อาเซียน", "ความร่วมมือ แถลงข่าว", "กระทรวงการต่างประเทศ"]
    _assert_same_scores(searcher, texts)
    found = scores(searcher, LengthNorms(), build_query(parse_query("อาเซียน")).query)
    assert len(found) == 1148  # the two deleted articles left out
    before = service.search("อาเซียน ความร่วมมือ")
    # an index written before these files existed: Whoosh's postings serve, with the same answers
    import json

    from searchapp.index import SIZES

    for path in generation.glob("*" + EXTENSION):
        path.unlink()
    sizes = json.loads((generation / SIZES).read_text("utf-8"))
    (generation / SIZES).write_text(json.dumps({k: v for k, v in sizes.items() if not k.endswith(EXTENSION)}), "utf-8")
    older = SearchService(index)
    assert older.search("อาเซียน ความร่วมมือ") == before
    assert all(of_reader(leaf.reader()) is None for leaf, _ in older.handle.searcher().leaf_searchers())  # none found


def test_a_damaged_file_is_refused(tmp_path):
    from searchapp.errors import IndexMissingError
    from searchapp.index import build_index
    from searchapp.models import Article
    from searchapp.search import SearchService

    broken = tmp_path / ("MAIN_x" + EXTENSION)
    broken.write_bytes(b"SPS1")
    with pytest.raises(ValueError):
        ScorePostings(broken)
    index = tmp_path / "index"
    build_index([Article(id=f"a{i}", title="ข่าว", body=f"อาเซียน ความร่วมมือ {i}") for i in range(600)], index)
    kept = next(_generation(index).glob("*" + EXTENSION))
    kept.write_bytes(kept.read_bytes()[:-3])  # cut short, as by a full disk
    with pytest.raises(IndexMissingError, match="damaged"):
        SearchService(index).search("อาเซียน")


def _write_file(path, terms):
    """A scoring postings file in the documented layout: each term's arrays, the directory, its offset."""
    import marshal
    import struct

    directory, data = {}, bytearray(b"SPS1")
    for n, key in enumerate(terms):
        ids = np.arange(n % 7 + 1, dtype="<u4") * 3
        weights = np.full(len(ids), n % 5 + 1, dtype="<f4")
        directory[key] = (len(data), len(ids))
        data += ids.tobytes() + weights.tobytes()
    start = len(data)
    path.write_bytes(bytes(data) + marshal.dumps(directory) + struct.pack("<Q", start))


def _assert_reads_every_term(path, terms):
    kept = ScorePostings(path)
    for n, (field_name, btext) in enumerate(terms):
        ids, weights = kept.get(field_name, btext)
        assert ids.tolist() == [3 * i for i in range(n % 7 + 1)]
        assert weights.tolist() == [n % 5 + 1] * (n % 7 + 1)
        assert kept.documents(field_name, btext).tolist() == ids.tolist()
    # a term it does not keep, under any field, or another field's term
    assert kept.get("body", "ไม่มีคำนี้".encode()) is None
    assert kept.documents("title", terms[0][1]) is None
    return kept


def test_a_server_holds_a_files_directory_in_little_memory_and_finds_every_term(tmp_path):
    # at 100,000 articles the directories of a server process's segments hold 54,000 terms; as
    # a dictionary of tuples they took 14 MB a process, about 250 bytes a term
    import tracemalloc

    terms = [(field, f"คำ{n}".encode()) for n in range(5000) for field in ("body", "body_bi")]
    path = tmp_path / "seg.sps"
    _write_file(path, terms)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        kept = ScorePostings(path)
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert held / len(terms) < 80, held / len(terms)  # about 50 here
    del kept
    _assert_reads_every_term(path, terms)


def test_terms_whose_keys_hash_alike_are_told_apart(tmp_path, monkeypatch):
    import searchapp.score_postings as module

    monkeypatch.setattr(module, "_hash", lambda key: len(key[1]) % 3)  # nearly every key collides
    terms = [("body", f"w{n}".encode()) for n in range(300)] + [("lead", b"w1"), ("lead", b"w2")]
    path = tmp_path / "seg.sps"
    _write_file(path, terms)
    _assert_reads_every_term(path, terms)
