"""Our term-at-a-time ranking gives Whoosh's own BM25F scores and order, and the exact set of
matching documents; where it differs from Whoosh (a disjunction's best part), it is right."""

from __future__ import annotations

import pytest
from whoosh import query as Q

from searchapp.search.build import build_query
from searchapp.search.docsets import matching_docs
from searchapp.search.query import parse_query
from searchapp.search.ranking import LengthNorms, ranked_scores, scores, top


def _has_disjunction_max(query) -> bool:
    return isinstance(query, Q.DisjunctionMax) or any(
        _has_disjunction_max(sub) for sub in (getattr(query, "subqueries", None) or ()))


@pytest.mark.parametrize("text", ["ฟุตบอล", "ผู้รักษาประตู ชัยชนะ", "แชมป์ลีก สโมสร", "โค้ช อันดับ ครั้ง",
                                  "+ทีม -ลีก", '"กองหลัง กองหน้า"', "เกม คะแนน นัด ชิง ถ้วย"])
def test_scores_and_order_are_whooshs_own(many_index, text):
    from searchapp.search import SearchService

    service = SearchService(many_index)  # owns the searcher: kept alive for the whole test
    searcher = service.handle.searcher()
    built = build_query(parse_query(text))
    assert not _has_disjunction_max(built.query)
    found = scores(searcher, LengthNorms(), built.query)
    assert sorted(found) == matching_docs(searcher, built.query)
    whoosh = [(hit.docnum, hit.score) for hit in searcher.search(built.query, limit=20)]
    ours = top(found, 20)
    assert [d for d, _ in ours] == [d for d, _ in whoosh]
    assert all(abs(a - b) < 1e-9 * max(1.0, b) for (_, a), (_, b) in zip(ours, whoosh))


def test_a_disjunction_scores_a_document_by_its_own_best_part(many_index):
    from searchapp.search import SearchService

    service = SearchService(many_index)  # owns the searcher: kept alive for the whole test
    searcher = service.handle.searcher()
    norms = LengthNorms()
    one, other = Q.Term("body", "ฟุตบอล"), Q.Term("body", "ชัยชนะ")
    alone = [scores(searcher, norms, q) for q in (one, other)]
    best = scores(searcher, norms, Q.DisjunctionMax([one, other], boost=0.5))
    assert set(best) == set(alone[0]) | set(alone[1])
    for docnum, score in best.items():
        assert score == pytest.approx(0.5 * max(a.get(docnum, 0.0) for a in alone))


def test_equal_scores_keep_document_order_and_filters_apply(many_index):
    from searchapp.search import SearchService

    service = SearchService(many_index)  # owns the searcher: kept alive for the whole test
    searcher = service.handle.searcher()
    found = {3: 1.0, 1: 1.0, 2: 2.0, 7: 0.5}
    assert top(found, 3) == [(2, 2.0), (1, 1.0), (3, 1.0)]
    assert top(found, 3, allowed={3, 7}) == [(3, 1.0), (7, 0.5)]
    assert searcher.doc_count() == 600


def test_date_ranges_score_as_in_whoosh_and_a_prefix_scores_its_boost(archive_index):
    from datetime import datetime

    from searchapp.search import SearchService
    from searchapp.search.docsets import docs_of

    service = SearchService(archive_index)
    searcher = service.handle.searcher()
    norms = LengthNorms()
    for query in (Q.AndMaybe(Q.Or([Q.Term("title", "ข้าว", boost=2.0), Q.Term("body", "ราคา")]),
                             Q.DateRange("published", datetime(2019, 1, 1), datetime(2019, 12, 31), boost=5.0)),
                  Q.Or([Q.Term("body", "อาเซียน"), Q.DateRange("published", datetime(2024, 1, 1), None)])):
        found = scores(searcher, norms, query)
        assert sorted(found) == matching_docs(searcher, query)
        whoosh = [(hit.docnum, hit.score) for hit in searcher.search(query, limit=15)]
        ours = top(found, 15)
        assert whoosh and [d for d, _ in ours] == [d for d, _ in whoosh]
        assert all(abs(a - b) < 1e-9 * max(1.0, b) for (_, a), (_, b) in zip(ours, whoosh))
    word, prefix = Q.Term("body", "อาเซียน"), Q.Prefix("body_bi", "ประ_", boost=0.7)
    alone, marked = scores(searcher, norms, word), docs_of(searcher, prefix)
    assert marked - set(alone)
    both = scores(searcher, norms, Q.Or([word, prefix]))
    assert set(both) == set(alone) | marked
    for docnum, score in both.items():
        assert score == pytest.approx(alone.get(docnum, 0.0) + (0.7 if docnum in marked else 0.0))


def _whoosh_all(searcher, query) -> dict[int, float]:
    """Every document Whoosh's own matcher finds for ``query``, with its score."""
    found: dict[int, float] = {}
    for leaf, offset in searcher.leaf_searchers():
        matcher = query.matcher(leaf, leaf.context())
        while matcher.is_active():
            found[matcher.id() + offset] = matcher.score()
            matcher.next()
    return found


_PHRASES = [Q.Phrase("body", ["กองหลัง", "กองหน้า"]), Q.Phrase("body", ["ทีม", "ทีม"]),
            Q.Phrase("body", ["ลีก", "ชัยชนะ", "เกม"], boost=1.7), Q.Phrase("title", ["ฟุตบอล", "แชมป์"]),
            Q.Phrase("body_bi", ["รัก_ษา", "ษา_ประ", "ประ_ตู"]), Q.Phrase("body_bi", ["กอง_หลัง", "หลัง_กอง"]),
            Q.Phrase("body", ["ฟุตบอล", "ไม่มีคำนี้"])]


@pytest.mark.parametrize("query", _PHRASES, ids=lambda q: f"{q.fieldname}:{'+'.join(q.words)}")
def test_phrases_find_and_score_the_documents_whooshs_phrase_matcher_does(many_index, query):
    # phrases are read from positions by our own code (docsets.phrase_matches), not Whoosh's spans
    from searchapp.search import SearchService
    from searchapp.search.docsets import docs_of

    service = SearchService(many_index)
    searcher = service.handle.searcher()
    whoosh = _whoosh_all(searcher, query)
    if query.words[-1] not in ("ไม่มีคำนี้", "หลัง_กอง"):  # the two that must find nothing
        assert whoosh
    ours = scores(searcher, LengthNorms(), query)
    assert sorted(ours) == sorted(whoosh)
    assert all(ours[d] == pytest.approx(whoosh[d], rel=1e-9) for d in whoosh)
    assert docs_of(searcher, query) == set(whoosh)
    within = set(list(whoosh)[::2]) | {d for d in range(0, 600, 7)}
    assert docs_of(searcher, query, within) == set(whoosh) & within


def test_phrases_across_segments_leave_deleted_articles_out(tmp_path):
    from searchapp.index import build_index, update_index
    from searchapp.models import Article
    from searchapp.search import SearchService
    from searchapp.search.docsets import docs_of

    index = tmp_path / "index"
    build_index([Article(id=f"a{i}", title="", body=f"ข่าว {i} กระทรวงการต่างประเทศ แถลง ข่าว") for i in range(30)],
                index)
    update_index([Article(id=f"b{i}", title="", body=f"แถลง ข่าว กระทรวงการต่างประเทศ {i}") for i in range(10)],
                 {"a3", "a4"}, index)
    service = SearchService(index)
    searcher = service.handle.searcher()
    assert len(searcher.leaf_searchers()) == 2
    query = Q.Phrase("body", ["แถลง", "ข่าว"])
    found = scores(searcher, LengthNorms(), query)
    ids = {searcher.stored_fields(d)["id"] for d in found}
    assert ids == {f"a{i}" for i in range(30) if i not in (3, 4)} | {f"b{i}" for i in range(10)}
    assert found == pytest.approx(_whoosh_all(searcher, query))
    assert docs_of(searcher, query) == set(found)


def test_the_closest_words_are_weighed_by_how_rare_they_are():
    from searchapp.search.ranking import _closest

    weight = {"ก": 1.0, "ข": 2.0, "ค": 4.0}
    events = [(0, "ก"), (3, "ข"), (40, "ข"), (45, "ค"), (90, "ก")]
    assert _closest(list(events), weight, 10) == 6.0  # ข and ค within ten words; ก is never near them
    assert _closest(list(events), weight, 100) == 7.0
    assert _closest([], weight, 10) == 0.0


def test_words_standing_together_rank_above_the_same_words_far_apart(tmp_path):
    # the same words, as often, in articles of the same length opening alike: only their closeness differs
    from searchapp.index import build_index
    from searchapp.models import Article
    from searchapp.search import SearchService

    filler = " ".join(["ประชาชน", "เดินทาง", "ตลาด", "ฝน", "ถนน"] * 12)
    apart = Article(id="apart", title="", body=f"รายงาน ทุเรียน {filler} ส่งออก")
    together = Article(id="together", title="", body=f"รายงาน {filler} ทุเรียน ส่งออก")
    others = [Article(id=f"o{i}", title="", body=f"{filler} ข่าว {i}") for i in range(20)]
    build_index([apart, together] + others, tmp_path / "index")
    service = SearchService(tmp_path / "index")
    assert service.ranked_ids("ทุเรียน ส่งออก", limit=2) == ["together", "apart"]
    # one word has nothing to be close to: the index order of equal scores stays
    assert service.ranked_ids("ทุเรียน", limit=2) == ["apart", "together"]
    first, second = service.search("ทุเรียน ส่งออก", size=1), service.search("ทุเรียน ส่งออก", page=2, size=1)
    assert [first.hits[0].id, second.hits[0].id] == ["together", "apart"]


_WITH_PHRASES = ['ทีม "กองหลัง กองหน้า"', 'ผู้รักษาประตู "ลีก ชัยชนะ" โค้ช', '+"ทีม ฟุตบอล" แชมป์', 'ฟุตบอล -"ทีม ทีม"',
                 'ฟุตบอล "กองหลัง กองหน้า" 2015', '"กองหลัง กองหน้า" OR ลีก', '"ทีม ฟุตบอล"']


@pytest.mark.parametrize("with_factor", [False, True])
@pytest.mark.parametrize("text", _WITH_PHRASES + ["นายกรัฐมนตรี ประยุทธ์", "ทีม \"ฟุตบอล ประยุทธ์\"",
                                  "ฟุตบอล \"ถ้วย นัด\""])
def test_phrases_looked_for_only_where_they_matter_change_neither_totals_nor_the_best(many_index, text, with_factor):
    # ranked_scores leaves phrases out of a first pass and then reads their positions only in the
    # documents they could bring in or lift among the best: the same documents and the same best
    # as scoring every phrase everywhere, to the last bit of each score; and so with each score
    # multiplied by a factor per document (a keyword query's coverage)
    import numpy as np

    from searchapp.search import SearchService
    from searchapp.search.docsets import docs_of
    from searchapp.search.ranking import Found

    service = SearchService(many_index)
    searcher = service.handle.searcher()
    built = build_query(parse_query(text))
    norms = LengthNorms()
    exact = scores(searcher, norms, built.query)
    factor = np.random.default_rng(7).uniform(0.1, 1.0, len(exact.hit)) if with_factor else None
    expected = exact if factor is None else Found(len(exact.hit), exact.score * factor, exact.hit)
    allowed = docs_of(searcher, built.filter, set(exact)) if built.filter is not None else None
    for best in (1, 5, 30):
        quick, quick_allowed = ranked_scores(searcher, norms, built.query, built.filter, best, factor)
        assert set(quick) == set(exact)
        assert quick_allowed == allowed
        assert top(quick, best, allowed) == top(expected, best, allowed)


def test_a_phrase_beside_words_is_not_read_where_it_cannot_change_the_best(many_index):
    from searchapp.search import SearchService

    service = SearchService(many_index)
    searcher = service.handle.searcher()
    query = build_query(parse_query('ทีม "กองหลัง กองหน้า"')).query
    norms = LengthNorms()
    exact, (quick, allowed) = scores(searcher, norms, query), ranked_scores(searcher, norms, query, None, 5)
    assert allowed is None
    skipped = [d for d in exact if quick[d] < exact[d]]
    assert skipped, "every phrase was read"
    best = [d for d, _ in top(exact, 5)]
    assert not set(skipped) & set(best)


def test_the_best_are_those_of_a_full_sort_with_ties_in_document_order():
    import random

    rng = random.Random(5)
    for _ in range(200):
        found = {d: float(rng.randint(0, 6)) for d in rng.sample(range(500), rng.randint(0, 120))}
        allowed = set(rng.sample(range(500), 200)) if rng.random() < 0.5 else None
        n = rng.randint(0, 40)
        items = [(d, s) for d, s in found.items() if allowed is None or d in allowed]
        assert top(found, n, allowed) == sorted(items, key=lambda item: (-item[1], item[0]))[:n]


def _service_over(tmp_path, articles):
    from searchapp.index import build_index
    from searchapp.search import SearchService

    build_index(articles, tmp_path / "index")
    return SearchService(tmp_path / "index")


_FILLER = " ".join(["ประชาชน", "เดินทาง", "ตลาด", "ฝน", "ถนน"] * 12)


def test_a_few_keywords_put_the_articles_naming_all_of_them_first(tmp_path):
    # one article says นายกรัฐมนตรี in its title and again and again in its body, about another
    # country's prime minister; the one a reader typing both words wants names both, once each
    from searchapp.models import Article

    abroad = Article(id="abroad", title="นายกรัฐมนตรีญี่ปุ่นเยือนลาว",
                     body="นายกรัฐมนตรีญี่ปุ่นพบนายกรัฐมนตรีลาว นายกรัฐมนตรีทั้งสองหารือการค้า")
    both = Article(id="both", title="เปิดสะพานใหม่", body=f"นายกรัฐมนตรี พล.อ.ประยุทธ์ เปิดสะพาน {_FILLER}")
    # both words are common in the archive, as in real news
    others = [Article(id=f"o{i}", title="", body=f"{_FILLER} ข่าว {i} " + ("นายกรัฐมนตรี" if i % 2 else "ประยุทธ์"))
              for i in range(20)]
    service = _service_over(tmp_path, [abroad, both] + others)
    assert service.ranked_ids("นายกรัฐมนตรี ประยุทธ์", limit=2) == ["both", "abroad"]
    assert service.ranked_ids("นายกรัฐมนตรีประยุทธ์", limit=2) == ["both", "abroad"]  # typed without a space
    assert [h.id for h in service.search("นายกรัฐมนตรี ประยุทธ์", size=2).hits] == ["both", "abroad"]


def test_a_name_counts_as_typed_when_an_article_writes_another_of_its_names(tmp_path):
    # อาเซียน typed, ASEAN written: that article has both things asked for
    from searchapp.models import Article

    thai = Article(id="thai", title="ผู้นำอาเซียนประชุมสุดยอด", body=f"ผู้นำอาเซียนประชุมที่กรุงเทพฯ {_FILLER}")
    english = Article(id="english", title="ความสัมพันธ์ใหม่", body=f"ASEAN และรัสเซียลงนามความตกลง {_FILLER}")
    others = [Article(id=f"o{i}", title="", body=f"{_FILLER} ข่าว {i} " + ("อาเซียน" if i % 2 else "รัสเซีย"))
              for i in range(20)]
    service = _service_over(tmp_path, [thai, english] + others)
    assert service.ranked_ids("อาเซียน รัสเซีย", limit=2) == ["english", "thai"]


def test_only_a_query_of_a_few_keywords_asks_for_all_of_its_words():
    # a question's or a headline's words need not all be in the answer: those are scored as before
    def concepts(text):
        return build_query(parse_query(text)).concepts

    assert concepts("นายกรัฐมนตรี ประยุทธ์") == ((("นายกรัฐมนตรี",), ("นายก",), ("prime", "minist"), ("pm",)),
                                               (("ประยุทธ์",),))
    assert concepts("ประชุม 2567") == ((("2567",), ("2024",)), (("ประชุม",),))  # a year in either era
    assert concepts("ปะการังคืออะไร") == ()  # a question: คือ is a stop word
    assert concepts("ข้าว") == ()  # one word: nothing to share
    assert concepts("ข่าว ฝน ถนน ตลาด") == ()  # more than a few words
    assert concepts('"ข่าว ฝน" ถนน') == () and concepts("ข่าว OR ฝน") == () and concepts("ข่าว -ฝน") == ()


def test_a_body_opening_names_what_it_is_about_unless_it_is_only_function_words():
    from searchapp.search.build import opening_words

    assert opening_words("ต้นมะขามป้อม ชื่อวิทยาศาสตร์ : Phyllanthus emblica") == ("ต้น", "มะขามป้อม")
    assert opening_words("มะขามป้อม(อังกฤษ: Indian gooseberry) เป็นไม้ยืนต้น") == ("มะขามป้อม",)
    assert opening_words("  ASEAN, the association") == ("asean",)
    assert opening_words("วันนี้ (5 มิ.ย.) ที่ทำเนียบรัฐบาล") == ()  # a stop word names nothing
    assert opening_words("คำว่า มะขาม มาจาก") == ()
    assert opening_words("ก. ไก่") == ()  # under three characters
    assert opening_words("ผู้สื่อข่าวรายงานว่า" * 8 + " ต่อไป") == ()  # a sentence run on without a space: no name
    assert opening_words("") == ()


def test_the_entry_opening_with_the_name_asked_about_comes_before_one_sharing_more_of_the_question(tmp_path):
    # the rival holds more of the question's other words (จัด, เป็น, พืช, สมุนไพร, as words and as syllable
    # pairs); the entry is the one about ต้นมะขามป้อม, the name the question asks about, and names it first
    import dataclasses

    from searchapp.models import Article
    from searchapp.search import SearchService
    from searchapp.search.build import DEFAULT_WEIGHTS

    entry = Article(id="entry", title="", body="ต้นมะขามป้อม ชื่อวิทยาศาสตร์ Phyllanthus emblica ผลกลม รสฝาดอมเปรี้ยว")
    rival = Article(id="rival", title="", body="มะยมจัดเป็นพืชสมุนไพร")
    others = [Article(id=f"o{i}", title="", body=f"{_FILLER} ข่าว {i} พืช สมุนไพร อยู่ ใน") for i in range(20)]
    service = _service_over(tmp_path, [entry, rival] + others)
    question = "ต้นมะขามป้อมจัดเป็นพืชสมุนไพรอยู่ในวงศ์ใด"
    assert service.ranked_ids(question, limit=2) == ["entry", "rival"]
    assert [h.id for h in service.search(question, size=2).hits] == ["entry", "rival"]
    without = SearchService(tmp_path / "index", weights=dataclasses.replace(DEFAULT_WEIGHTS, opening=0.0))
    assert without.ranked_ids(question, limit=2) == ["rival", "entry"]


def test_opening_with_a_name_most_of_the_best_documents_hold_moves_a_document_less(tmp_path):
    # paragraphs of one long article all name its subject; the first opens with it. The bonus is
    # divided by how many of the best hold the name, so there it is a quarter as large
    from searchapp.analysis.segment import analyze
    from searchapp.models import Article
    from searchapp.search.build import opening_words
    from searchapp.search.ranking import named_first

    subject = "ป่าดิบชื้นอเมซอน"
    sequence = tuple(t.text for t in analyze(f"ทางหลวงใน{subject}สร้างขึ้นเพื่อใคร").top_words())
    for holders, expected in ((1, ["opens", "answer"]), (4, ["answer", "opens"])):
        paragraphs = [Article(id="opens", title="", body=f"{subject} เป็นป่าฝนเขตร้อนที่ใหญ่ที่สุด"),
                      Article(id="answer", title="", body="ทางหลวงสายนี้สร้างขึ้นเพื่อชาวไร่ถั่วเหลือง")]
        paragraphs += [Article(id=f"p{i}", title="", body=f"ชาวไร่ใน{subject}ปลูกพืช" if i < holders - 1
                               else "ชาวไร่ปลูกพืช") for i in range(3)]
        service = _service_over(tmp_path / f"h{holders}", paragraphs)
        searcher, _ = service.handle.current()
        number = {searcher.stored_fields(d)["id"]: d for d in range(searcher.doc_count_all())}
        ranked = [(number["answer"], 10.0), (number["opens"], 9.0)] + [(number[f"p{i}"], 5.0 - i) for i in range(3)]
        openings = {number["opens"]: opening_words(paragraphs[0].body)}
        reordered = named_first(searcher, ranked, sequence, 0.25, 10, lambda d: openings.get(d, ()))
        assert [searcher.stored_fields(d)["id"] for d, _ in reordered[:2]] == expected
