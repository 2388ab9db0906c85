"""Every query in seeds-queries.tsv, and the ranking rules of the search box."""

from __future__ import annotations

import pytest

from .conftest import DATA


def _queries():
    rows = []
    for line in (DATA / "seeds-queries.tsv").read_text("utf-8").splitlines()[1:]:
        if not line.strip():
            continue
        query, relevant, first, *_ = (line.split("\t") + ["", ""])[:4]
        rows.append(pytest.param(query, relevant.split(","), first or None, id=query))
    return rows


@pytest.mark.parametrize("query,relevant,first", _queries())
def test_seed_query_returns_relevant_articles_first(service, query, relevant, first):
    results = service.search(query, size=10)
    ids = [hit.id for hit in results.hits]
    for doc in relevant:
        assert doc in ids, f"{doc} missing for {query!r}: {ids}"
    # every relevant article ranks above every article not listed
    assert set(ids[: len(relevant)]) == set(relevant), ids
    if first:
        assert ids[0] == first


@pytest.mark.parametrize("spaced,joined", [("อาเซียน รัสเซีย", "อาเซียนรัสเซีย"),
                                           ("ยูเครน รัสเซีย", "ยูเครนรัสเซีย"),
                                           ("ค้า มนุษย์", "ค้ามนุษย์")])
def test_query_with_and_without_spaces_finds_the_same_articles(service, spaced, joined):
    a = {h.id for h in service.search(spaced, size=20).hits}
    b = {h.id for h in service.search(joined, size=20).hits}
    assert a and a == b


def test_a_word_found_nowhere_does_not_empty_the_results(service):
    results = service.search("ฮานอย xyzzyunknownword")
    assert results.total >= 1
    assert results.hits[0].id == "004_728a9104f349dc7d"


def test_articles_matching_more_words_rank_first(service):
    ids = [h.id for h in service.search("ฮานอย เวียงจันทน์ จาการ์ตา").hits]
    # 000 and 002 mention จาการ์ตา, 001 เวียงจันทน์, 004 ฮานอย: each one word; all must come back
    assert {"000_2903cdcf15653440", "001_5d6790685f2b3733", "004_728a9104f349dc7d"} <= set(ids)


def test_question_mark_and_star_are_not_wildcards(service):
    plain = [h.id for h in service.search("ฮานอย").hits]
    assert [h.id for h in service.search("ฮานอย?").hits] == plain
    # ฮา* is the word ฮา, not "every word starting with ฮา"
    assert [h.id for h in service.search("ฮา*").hits] == [h.id for h in service.search("ฮา").hits]
    # a star alone matches nothing: it is not "everything"
    from searchapp.errors import QueryError

    with pytest.raises(QueryError):
        service.search("*")


def test_quoted_phrase_requires_the_words_together(service):
    together = service.search('"ความร่วมมือทางทะเล"')
    assert [h.id for h in together.hits] == ["002_f6ce5b4017781967"]
    apart = service.search('"ทะเล ความร่วมมือทาง"')
    assert apart.total == 0


def test_phrase_beside_plain_words_ranks_first_but_does_not_filter(service):
    # headlines quote names as typography; the article written another way must stay findable
    mixed = service.search('"ความร่วมมือทางทะเล" ฮานอย', size=10)
    assert mixed.hits[0].id == "002_f6ce5b4017781967"
    assert "004_728a9104f349dc7d" in {h.id for h in mixed.hits}  # has ฮานอย, not the phrase
    assert mixed.total > 1


def test_plus_requires_a_phrase_or_word(service):
    required = service.search('+"ความร่วมมือทางทะเล" ฮานอย', size=10)
    assert [h.id for h in required.hits] == ["002_f6ce5b4017781967"]
    only_hanoi = service.search("+ฮานอย อาเซียน", size=10)
    assert only_hanoi.total == 1 and only_hanoi.hits[0].id.startswith("004")
    assert service.search("อาเซียน", size=10).total > 1


def test_single_syllable_phrase_matches_inside_another_word_cut(service):
    # ทรวง is no word of the index (กระทรวงการต่างประเทศ is cut into กระทรวง, การ, ต่างประเทศ),
    # but it is a syllable of กระทรวง: the one-syllable phrase still finds it
    from searchapp.analysis.segment import analyze

    assert "ทรวง" not in {t.text for t in analyze("กระทรวงการต่างประเทศ").words}
    ids = {h.id for h in service.search('"ทรวง"', size=10).hits}
    assert "003_5cf68c7f035a1530" in ids


def test_sub_word_of_a_compound_finds_the_compound(service):
    # ต่างประเทศ sits inside กระทรวงการต่างประเทศ, one dictionary word
    ids = {h.id for h in service.search("ต่างประเทศ", size=10).hits}
    assert "003_5cf68c7f035a1530" in ids and "000_2903cdcf15653440" in ids


def test_snippet_marks_matches_and_is_html_safe(service):
    hit = service.search("ฮานอย").hits[0]
    assert "<mark>ฮานอย</mark>" in hit.snippet
    stripped = hit.snippet.replace("<mark>", "").replace("</mark>", "")
    assert "<" not in stripped


def test_thai_digits_in_query_match_arabic_digits(service):
    ids = {h.id for h in service.search("๒๕๖๒").hits}
    assert "002_f6ce5b4017781967" in ids  # writes 2562


def test_paging_splits_results(service):
    first = service.search("อาเซียน", page=1, size=2)
    second = service.search("อาเซียน", page=2, size=2)
    assert first.total == second.total == 5
    assert not {h.id for h in first.hits} & {h.id for h in second.hits}
    assert first.pages == 3
