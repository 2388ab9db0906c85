from __future__ import annotations

import pickle

import pytest

from searchapp.errors import IndexBusyError, IndexMissingError
from searchapp.index import build_index, current_generation, index_lock
from searchapp.models import Article
from searchapp.search import SearchService


def _articles(n: int, word: str = "ทดสอบ"):
    return [Article(id=f"a{i}", title=f"หัวข้อ {word} {i}", body=f"เนื้อหาข่าว {word} ลำดับ {i}") for i in range(n)]


def test_build_swaps_in_a_new_generation(tmp_path):
    target = tmp_path / "index"
    first = build_index(_articles(2), target)
    second = build_index(_articles(3, "ข่าวใหม่"), target)
    assert first.generation != second.generation
    assert current_generation(target).name == second.generation
    assert SearchService(target).count() == 3


def test_a_failing_build_leaves_the_previous_index_live(tmp_path):
    target = tmp_path / "index"
    build_index(_articles(2), target)
    before = current_generation(target).name

    def exploding():
        yield from _articles(1)
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        build_index(exploding(), target)
    assert current_generation(target).name == before
    assert SearchService(target).count() == 2
    # the half-written generation is gone
    assert sorted(p.name for p in target.iterdir() if p.name.startswith("gen-")) == [before]


def test_nothing_to_index_is_an_error_and_keeps_the_old_index(tmp_path):
    target = tmp_path / "index"
    build_index(_articles(2), target)
    with pytest.raises(IndexMissingError):
        build_index([], target)
    assert SearchService(target).count() == 2


def test_a_second_reindex_is_refused_while_one_runs(tmp_path):
    target = tmp_path / "index"
    with index_lock(target):
        with pytest.raises(IndexBusyError):
            build_index(_articles(1), target)


def test_readers_follow_a_swap_without_restart(tmp_path):
    target = tmp_path / "index"
    build_index(_articles(1), target)
    service = SearchService(target)
    service.handle.check_interval = 0
    assert service.search("ทดสอบ").total == 1
    build_index(_articles(4, "ทดสอบ"), target)
    assert service.search("ทดสอบ").total == 4


def test_missing_index_says_how_to_build_one(tmp_path):
    with pytest.raises(IndexMissingError) as info:
        SearchService(tmp_path / "none").search("อะไร")
    assert "reindex" in str(info.value)


def test_a_word_in_the_opening_lines_ranks_above_the_same_word_far_below(tmp_path):
    filler = "ประชาชนในพื้นที่ติดตามสถานการณ์อย่างใกล้ชิดและเจ้าหน้าที่ให้ความช่วยเหลือต่อเนื่อง " * 12
    early = Article(id="early", title="", body="น้ำท่วมหนักในเชียงราย " + filler)
    late = Article(id="late", title="", body=filler + "น้ำท่วมหนักในเชียงราย")
    target = tmp_path / "index"
    build_index([late, early], target)
    assert SearchService(target).ranked_ids("น้ำท่วมเชียงราย") == ["early", "late"]


def test_an_id_given_twice_in_one_build_is_indexed_once_with_the_last_copy(tmp_path):
    target = tmp_path / "index"
    first = Article(id="same", title="", body="ฉบับแรกเรื่องน้ำท่วม")
    last = Article(id="same", title="", body="ฉบับแก้ไขเรื่องไฟป่า")
    report = build_index([first, Article(id="other", title="", body="ข่าวอื่น"), last], target)
    assert report.duplicates == ["same"] and report.total == 2
    service = SearchService(target)
    assert service.count() == 2
    assert service.article("same").body == last.body
    assert service.ranked_ids("ไฟป่า") == ["same"]
    assert service.ranked_ids("น้ำท่วม") == []  # the first copy's words are gone with it


def test_rare_words_are_stored_inline_and_found_like_any_other(tmp_path):
    # most syllable bigrams occur in one to three articles: the codec keeps their postings
    # inside the term table (Whoosh's own codec cannot: its inlining calls a missing method)
    from whoosh import query as Q

    target = tmp_path / "index"
    common = [Article(id=f"c{i}", title="", body=f"ข่าวเศรษฐกิจ ตลาดหุ้น {i}") for i in range(6)]
    rare = Article(id="rare", title="", body="ทุเรียนหมอนทองส่งออก ตลาดหุ้น")
    build_index(common + [rare], target)
    service = SearchService(target)
    searcher = service.handle.searcher()
    reader = searcher.reader()
    assert reader.term_info("body", "ทุเรียน").is_inlined()
    assert not reader.term_info("body", "ตลาดหุ้น").is_inlined()  # in all seven: a block of its own
    assert service.ranked_ids("ทุเรียน") == ["rare"]
    assert [h.id for h in service.search('"หมอนทองส่งออก"').hits] == ["rare"]
    assert service.search("ตลาดหุ้น").total == 7
    assert len(searcher.search(Q.Term("id", "rare"))) == 1  # ids (no stored values) inline too


def test_an_index_written_by_whooshs_own_codec_is_still_read_and_updated(tmp_path, monkeypatch):
    # indexes built before the codec changed keep working; an update adds a segment in the new one
    import searchapp.index as index_module
    from whoosh.codec.whoosh3 import W3Codec

    from searchapp.index import update_index

    target = tmp_path / "index"
    with monkeypatch.context() as patched:
        patched.setattr(index_module, "Codec", W3Codec)
        build_index(_articles(5, "น้ำท่วม"), target)
    update_index([Article(id="new", title="", body="น้ำท่วมหนักในเชียงราย")], {"a0"}, target)
    service = SearchService(target)
    assert sorted(service.ranked_ids("น้ำท่วม", limit=10)) == ["a1", "a2", "a3", "a4", "new"]
    assert service.ranked_ids("เชียงราย") == ["new"]


def _all_postings(index_dir):
    service = SearchService(index_dir)
    reader = service.handle.searcher().reader()
    found = {}
    for field in ("body", "body_bi", "lead", "id"):
        for term in reader.lexicon(field):
            matcher = reader.postings(field, term)
            found[field, term] = items = []
            while matcher.is_active():
                items.append((matcher.id(), matcher.weight(), matcher.value()))
                matcher.next()
    return found


def test_split_blocks_hold_the_same_postings_as_whooshs_and_older_indexes_still_read(tmp_path, monkeypatch):
    # a block's documents and weights are written apart from its positions (scoring reads no
    # positions); what is read back must be exactly what Whoosh's layout holds, over several blocks
    # of a word in every article, and an index built before (one layout) still reads and updates
    from searchapp.index import Codec, update_index

    # since session 13 a positioned field's block keeps its positions as arrays (index.PositionArrays):
    # read back as values, they must be Whoosh's encodings byte for byte
    articles = [Article(id=f"n{i}", title="", body=f"ข่าวน้ำท่วม ภาคเหนือ ฝนตกหนัก น้ำท่วม {i} ครั้ง น้ำท่วม" * (1 + i % 3))
                for i in range(300)]
    build_index(articles, tmp_path / "split")
    with monkeypatch.context() as patched:
        # as sessions 8-12's codec wrote them: split blocks, positions pickled
        patched.setattr(Codec.__init__, "__defaults__", (128, 1, 4, True, False))
        build_index(articles, tmp_path / "pickled")
        # as session 7's codec wrote them (the codec is pickled into each segment: same class)
        patched.setattr(Codec.__init__, "__defaults__", (128, 1, 4, False, False))
        build_index(articles, tmp_path / "whole")
    layouts = [(codec.split_values, codec.position_arrays) for codec in
               (SearchService(tmp_path / name).handle.searcher().reader().codec() for name in ("split", "pickled", "whole"))]
    assert layouts == [(True, True), (True, False), (False, False)]
    split, whole = _all_postings(tmp_path / "split"), _all_postings(tmp_path / "whole")
    assert split == whole == _all_postings(tmp_path / "pickled")
    from searchapp.index import _ARRAYS_MARK

    postings = sorted((tmp_path / "split").glob("gen-*/*.pst"))
    assert postings and _ARRAYS_MARK in postings[0].read_bytes()  # the arrays are what was written
    assert len(split["body", "น้ำท่วม".encode()]) == 300  # three blocks of 128
    assert split["body", "น้ำท่วม".encode()][0][1] == 3.0  # three times in the first article
    update_index([Article(id="new", title="", body="น้ำท่วมหนักในเชียงราย")], {"n0"}, tmp_path / "whole")
    service = SearchService(tmp_path / "whole")
    assert service.search("น้ำท่วม").total == 300
    assert service.ranked_ids('"ท่วมหนักในเชียงราย"') == ["new"]


@pytest.mark.parametrize("limit", [10**9, 3000])  # all in memory; a run file every ~25 postings
def test_the_term_pool_gives_the_postings_whooshs_pool_gives(tmp_path, limit):
    # the build's posting pool is ours (grouped by term, marshal run files); what comes out must be
    # exactly Whoosh's: every posting, sorted by field, term and document, through spills to disk
    import random

    from whoosh.filedb.filestore import FileStorage
    from whoosh.writing import PostingPool

    from searchapp.index import _TermPool

    rng = random.Random(7)
    words = [f"คำ{i}".encode() for i in range(40)]
    items = [(field, rng.choice(words), doc, float(rng.randint(1, 3)), rng.choice([None, bytes([doc % 256, 1])]))
             for doc in range(300) for field in ("body", "title") for _ in range(rng.randint(1, 6))]
    items = list({item[:3]: item for item in items}.values())  # a term once per document and field
    storage = FileStorage(str(tmp_path))
    theirs, ours = PostingPool(storage, None), _TermPool(storage, None)
    ours.limit = limit
    for item in items:
        theirs.add(item)
        ours.add(item)
    spilled = len(ours.runs)
    assert (spilled > 10) if limit < 10**6 else spilled == 0
    out = list(ours.iter_postings())
    assert out == list(theirs.iter_postings())
    assert not ours.runs and not list(tmp_path.glob("*.run"))  # run files read and removed
    assert ours.fieldnames == {"body", "title"}


def test_postings_gathered_from_our_tokenizers_are_whooshs_positions_postings():
    # TermPositions skips Whoosh's Token objects; the postings (frequency, weight, encoded positions)
    # must be byte for byte what Whoosh's Positions format writes, so any reader decodes them
    from whoosh.formats import Positions

    from searchapp.analysis.analyzers import TermPositions, ThaiBigramTokenizer, ThaiWordTokenizer

    text = "กระทรวงการต่างประเทศแถลงว่า กระทรวงการต่างประเทศ และ ASEAN ประชุม ๆ อาเซียน ASEAN 2567"
    for analyzer in (ThaiWordTokenizer(), ThaiBigramTokenizer()):
        ours = sorted(TermPositions(field_boost=2.0).word_values(text, analyzer, mode="index"))
        assert ours == sorted(Positions(field_boost=2.0).word_values(text, analyzer, mode="index"))
        assert any(freq > 1 for _, freq, _, _ in ours)


def test_many_positions_values_decoded_at_once_are_what_whoosh_decodes_one_by_one():
    # phrases and closeness decode a posting list's position values in one pickle call
    # (TermPositions.gaps_many); each list must be exactly Whoosh's decoding, whatever its length
    # (Whoosh's pickles batch a list's items by the thousand), and a value in another form is
    # decoded the slow way rather than misread
    from itertools import accumulate

    from whoosh.formats import Positions

    from searchapp.analysis.analyzers import TermPositions

    lists = [[0], [7], [3, 4, 250, 70_000], list(range(5, 12_000, 3)), [1_000_000], list(range(1001))]
    values = [Positions.encode(None, positions) for positions in lists]
    values[1] = values[1].rstrip(b".")  # a value stored without pickle's stop mark
    decoded = [list(accumulate(gaps)) for gaps in TermPositions().gaps_many(values)]
    assert decoded == lists == [Positions().decode_positions(v) for v in values]
    assert TermPositions().gaps_many([]) == []
    other = values[:2] + [b"\x00\x00\x00\x02" + pickle.dumps([4, 6], 4)]  # not protocol 2
    assert [list(accumulate(g)) for g in TermPositions().gaps_many(other)] == [[0], [7], [4, 10]]


def test_a_blocks_positions_kept_as_arrays_read_back_as_whooshs_encodings():
    # index.PositionArrays: what Whoosh's readers get from a block written as arrays is its own
    # encoding of each posting's positions, by index, from the end, in slices and iterated
    import numpy as np
    from whoosh.formats import Positions

    from searchapp.index import PositionArrays, _position_arrays

    lists = [[1], [0, 5, 9], [3, 3_000, 70_000], list(range(0, 5_000, 2))]
    values = [Positions.encode(None, positions) for positions in lists]
    data = _position_arrays(values)
    arrays = PositionArrays(np.frombuffer(data, "<u4", len(values)), np.frombuffer(data, "<u4", offset=4 * len(values)))
    assert list(arrays) == values and arrays[-1] == values[-1] and arrays[1:3] == values[1:3]
    with pytest.raises(IndexError):
        arrays[len(values)]
    assert _position_arrays([b"\x00\x00\x00\x02" + pickle.dumps([4, 6], 4)]) is None  # not Whoosh's form: pickled


def test_the_term_table_remembering_lookups_answers_as_whooshs_own(tmp_path):
    # each segment's term table remembers where the terms looked up are (index._TermsReader);
    # asked again, over and over past what it remembers, it must answer as Whoosh's reader does
    from whoosh.codec.whoosh3 import W3Codec
    from whoosh.reading import TermNotFound

    from searchapp.index import _TermsReader

    build_index(_articles(40, "ข่าวต่างประเทศ"), tmp_path / "index")
    service = SearchService(tmp_path / "index")
    reader = service.handle.searcher().reader()
    ours = reader._terms
    assert isinstance(ours, _TermsReader)
    theirs = W3Codec.terms_reader(ours._codec, reader._storage, reader._segment)  # Whoosh's own
    ours.REMEMBERED = 16
    terms = [("body", t) for t in list(reader.lexicon("body"))[:30]] + [("title", "ไม่มีคำนี้".encode()), ("body", b"zzz")]
    for _ in range(3):
        for field_name, btext in terms:
            assert ((field_name, btext) in ours) == ((field_name, btext) in theirs)
            if (field_name, btext) in theirs:
                assert ours.doc_frequency(field_name, btext) == theirs.doc_frequency(field_name, btext)
                assert ours.frequency(field_name, btext) == theirs.frequency(field_name, btext)
                assert ours.term_info(field_name, btext).to_bytes() == theirs.term_info(field_name, btext).to_bytes()
            else:
                with pytest.raises(TermNotFound):
                    ours.term_info(field_name, btext)
    assert len(ours._where) <= 16
    assert sorted(reader.postings("body", terms[0][1]).all_ids()) == sorted(
        theirs.matcher("body", terms[0][1], reader.schema["body"].format).all_ids())
    theirs.close()
    service.handle.close()


def test_facet_counts_of_a_query_matching_most_of_the_archive_are_exact_after_deletions(tmp_path):
    # a common word matches most articles: its counts are worked out as the whole archive's less
    # the rest's; they must equal counting the matches, deleted articles counting nowhere
    from datetime import datetime

    from searchapp.index import update_index
    from searchapp.search import Filters

    def article(i, body, section, orgs, year):
        return Article(id=f"f{i}", title="", body=body, section=section, organizations=orgs,
                       published=datetime(year, 1, 1))

    target = tmp_path / "index"
    build_index([
        article(0, "ข่าวน้ำท่วม", "ภูมิภาค", ("กรมชลประทาน",), 2023),
        article(1, "ข่าวน้ำท่วมหนัก", "ภูมิภาค", ("กรมชลประทาน", "กรมอุตุนิยมวิทยา"), 2024),
        article(2, "ข่าวการเมือง", "การเมือง", ("รัฐสภา",), 2024),
        article(3, "ข่าวต่างประเทศ", "ต่างประเทศ", ("อาเซียน",), 2024),
        article(4, "ข่าวเศรษฐกิจ", "เศรษฐกิจ", ("กรมชลประทาน",), 2022),
        article(5, "ราคาทองคำ", "เศรษฐกิจ", ("ธนาคารแห่งประเทศไทย",), 2021),
    ], target)
    update_index([], {"f3"}, target)  # deleted: its section, organization and year go with it
    assert SearchService(target).handle.searcher().reader().has_deletions()
    results = SearchService(target).search("ข่าว")
    assert results.total == 4
    facets = {name: {v.value: v.count for v in values} for name, values in results.facets.items()}
    assert facets["section"] == {"ภูมิภาค": 2, "การเมือง": 1, "เศรษฐกิจ": 1}
    assert facets["org"] == {"กรมชลประทาน": 3, "กรมอุตุนิยมวิทยา": 1, "รัฐสภา": 1}
    assert facets["year"] == {"2024": 2, "2023": 1, "2022": 1}
    few = SearchService(target).search("น้ำท่วม")  # under half: counted directly
    assert {v.value: v.count for v in few.facets["org"]} == {"กรมชลประทาน": 2, "กรมอุตุนิยมวิทยา": 1}
    narrowed = SearchService(target).search("ข่าว", filters=Filters(sections=("ภูมิภาค",)))
    assert narrowed.total == 2
