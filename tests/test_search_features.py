"""Dates in queries, filters, exact facet counts, date sorting, did-you-mean and completions."""

from __future__ import annotations

import html
import re
from datetime import date

import pytest

from searchapp.errors import QueryError
from searchapp.search import Filters
from searchapp.thai.periods import find_periods, parse_bound


def ids(results) -> list[str]:
    return [hit.id for hit in results.hits]


def years_of(results) -> set[int | None]:
    return {hit.published.year if hit.published else None for hit in results.hits}


@pytest.mark.parametrize("written, first, last", [
    ("2019", date(2019, 1, 1), date(2019, 12, 31)),
    ("2562", date(2019, 1, 1), date(2019, 12, 31)),
    ("พ.ศ. 2562", date(2019, 1, 1), date(2019, 12, 31)),
    ("ค.ศ.2019", date(2019, 1, 1), date(2019, 12, 31)),
    ("๒๕๖๗", date(2024, 1, 1), date(2024, 12, 31)),
    ("มี.ค. 2567", date(2024, 3, 1), date(2024, 3, 31)),
    ("มีนาคม 2567", date(2024, 3, 1), date(2024, 3, 31)),
    ("กุมภาพันธ์ 2567", date(2024, 2, 1), date(2024, 2, 29)),
    ("March 2024", date(2024, 3, 1), date(2024, 3, 31)),
    ("23 ก.ย. 67", date(2024, 9, 23), date(2024, 9, 23)),
    ("2560..2562", date(2017, 1, 1), date(2019, 12, 31)),
    ("2019..2017", date(2017, 1, 1), date(2019, 12, 31)),
])
def test_periods_typed_the_thai_way(written, first, last):
    (period,) = find_periods(f"อาเซียน {written}")
    assert (period.first, period.last) == (first, last)


@pytest.mark.parametrize("text", ["ราคา 2100 บาท", "โทร 1234", "มีผู้ชม 2019 คน", "เลข 12345"])
def test_numbers_that_are_not_years_are_not_dates(text):
    assert find_periods(text) == []


def test_a_year_in_the_query_keeps_articles_of_that_year_or_mentioning_it(archive):
    results = archive.search("อาเซียน 2562", size=50)
    assert {"a03"} <= set(ids(results))  # published in 2019 and mentions 2562
    assert all(h.published is None or h.published.year == 2019 or "2562" in archive.article(h.id).body
               or "2019" in archive.article(h.id).body for h in results.hits)
    assert "a01" not in ids(results)  # an ASEAN article of 2024
    assert any("2562" in note for note in results.notes)  # the reading is said


def test_the_same_year_in_either_era_gives_the_same_articles(archive):
    assert set(ids(archive.search("อาเซียน 2562", size=50))) == set(ids(archive.search("อาเซียน 2019", size=50)))
    assert set(ids(archive.search("อาเซียน พ.ศ. 2562", size=50))) == set(ids(archive.search("อาเซียน 2562", size=50)))


def test_a_thai_month_narrows_to_that_month(archive):
    for written in ("มี.ค. 2567", "มีนาคม 2567", "March 2024"):
        results = archive.search(f"อาเซียน {written}", size=50)
        dated = [h.id for h in results.hits if h.published]
        assert sorted(dated) == ["a01", "a02"], written
        # the ASEAN article of May 2024 (seed 000) is out; the undated one stays, last
        assert ids(results)[:2] == dated and ids(results)[2:] == ["a08"]


def test_articles_published_in_the_period_rank_above_those_only_mentioning_it(archive):
    results = archive.search("อาเซียน 2562", size=50)
    published_2019 = [h.id for h in results.hits if h.published and h.published.year == 2019]
    assert ids(results)[:len(published_2019)] == published_2019
    assert ids(results)[-1] == "a08"  # undated: kept (nothing rules it out), ranked last


def test_a_date_alone_does_not_list_undated_articles(archive):
    assert "a08" not in ids(archive.search("2562", size=50))


def test_a_range_of_years_is_a_filter_on_the_publication_date(archive):
    results = archive.search("อาเซียน 2560..2562", size=50)
    assert results.total > 0
    assert years_of(results) <= {2017, 2018, 2019}
    assert "a09" in ids(results) and "a03" in ids(results)


def test_a_date_alone_lists_the_articles_of_that_period(archive):
    results = archive.search("ก.ย. 2567", size=50)
    assert ids(results) == ["a10"]


def test_filters_narrow_and_combine(archive):
    everything = archive.search("อาเซียน", size=100)
    by_section = archive.search("อาเซียน", size=100, filters=Filters(sections=("ต่างประเทศ",)))
    assert 0 < by_section.total < everything.total
    assert {h.section for h in by_section.hits} == {"ต่างประเทศ"}
    both = archive.search("อาเซียน", size=100, filters=Filters(sections=("ต่างประเทศ",), years=(2024,)))
    assert set(ids(both)) == {"a01", "a02"}
    ranged = archive.search("อาเซียน", size=100, filters=Filters(date_from=date(2022, 1, 1), date_to=date(2022, 12, 31)))
    assert set(ids(ranged)) == {"a03", "a06", "003_5cf68c7f035a1530"} - {"a03"}


def test_org_filter_takes_any_alias(archive):
    thai = archive.search("ความร่วมมือ", size=100, filters=Filters(orgs=("สหประชาชาติ",)))
    english = archive.search("ความร่วมมือ", size=100, filters=Filters(orgs=("UN",)))
    assert thai.total > 0 and ids(thai) == ids(english)
    assert all("สหประชาชาติ" in h.organizations for h in thai.hits)


def test_facet_counts_are_exact_for_the_query(archive):
    results = archive.search("ข้าว", size=1)
    facets = {name: {v.value: v.count for v in values} for name, values in results.facets.items()}
    for name, counts in facets.items():
        for value, count in counts.items():
            narrowed = archive.search("ข้าว", size=1, filters=Filters.parse({name: [value]}))
            assert narrowed.total == count, (name, value)
    assert facets["source"] == {"เกษตรทูเดย์": 3}
    assert {v.label for v in results.facets["year"]} >= {"2562 (2019)", "2567 (2024)"}


def test_selected_filter_values_are_marked_and_kept(archive):
    results = archive.search("ข้าว", filters=Filters(sources=("เกษตรทูเดย์",), years=(2019,)))
    selected = {(name, v.value) for name, values in results.facets.items() for v in values if v.selected}
    assert selected == {("source", "เกษตรทูเดย์"), ("year", "2019")}


def test_filters_alone_browse_everything_that_passes(archive):
    results = archive.search("", filters=Filters(sections=("เศรษฐกิจ",)), sort="newest")
    assert ids(results) == ["a10", "a05"]
    with pytest.raises(QueryError):
        archive.search("")


def test_sort_by_date_puts_undated_articles_last_both_ways(archive):
    newest = archive.search("อาเซียน", size=100, sort="newest")
    oldest = archive.search("อาเซียน", size=100, sort="oldest")
    dated_newest = [h.published for h in newest.hits if h.published]
    assert dated_newest == sorted(dated_newest, reverse=True)
    dated_oldest = [h.published for h in oldest.hits if h.published]
    assert dated_oldest == sorted(dated_oldest)
    assert newest.hits[-1].id == "a08" and oldest.hits[-1].id == "a08"
    assert newest.total == oldest.total == archive.search("อาเซียน", size=100).total
    with pytest.raises(QueryError):
        archive.search("อาเซียน", sort="random")


def test_sorting_pages_through_every_result_once(archive):
    seen: list[str] = []
    page = 1
    while True:
        results = archive.search("อาเซียน", page=page, size=3, sort="newest")
        seen.extend(ids(results))
        if page >= results.pages:
            break
        page += 1
    assert len(seen) == len(set(seen)) == results.total


@pytest.mark.parametrize("typed, meant", [
    ("อาเซี่ยน", "อาเซียน"),  # a wrong tone mark
    ("กระทรวงการตางประเทศ", "กระทรวงการต่างประเทศ"),  # a missing tone mark, cut into fragments
    ("ประชม", "ประชุม"),  # a missing vowel
    ("Comunity", "community"),  # English: indexed as a stem, suggested as a word
])
def test_did_you_mean_respells_what_the_archive_has(archive, typed, meant):
    assert archive.search(typed).suggestion == meant
    top = archive.search(meant).hits[0]
    assert meant.lower() in (top.title + archive.article(top.id).body).lower()


def test_the_closest_word_is_the_most_common_one_edit_away(archive):
    # looked up among the strings one edit away: the same answer as measuring the distance
    # to every word of about the same length
    from searchapp.search.spelling import edit_distance

    vocabulary = archive.vocabulary()

    def measured(word):
        near = [(w, f) for w, f in vocabulary.frequency.items()
                if w != word and w[:1] == word[:1] and edit_distance(word, w, 1) <= 1]
        return min(near, key=lambda item: (-item[1], len(item[0]), item[0])) if near else None

    words = [w for w in vocabulary.sorted if len(w) > 2][::7][:150]
    typos = [w[:1] + w[2:] for w in words] + [w[:2] + w[3:] + w[2] for w in words] + [w + "่" for w in words]
    for word in words + typos + ["อาเซี่ยน", "ประชม", "ตางประเทศ"]:
        assert vocabulary.closest(word, 1) == measured(word), word
    assert vocabulary.closest("ประชม", 1)[0] == "ประชุม"


@pytest.mark.parametrize("query", ["ข้าว", "ข่าว", "ขาว", "อาเซียน", "ความร่วมมือ"])
def test_did_you_mean_stays_quiet_for_words_that_are_right(archive, query):
    # ขาว, ข่าว and ข้าว are three different words: none is "corrected" into another
    assert archive.search(query).suggestion is None


def test_completions_extend_what_is_typed(archive):
    assert "อาเซียน" in archive.suggest("อาเซี")
    assert any(s.startswith("ประชุมอาเซียน") for s in archive.suggest("ประชุมอาเซี"))  # no spaces
    assert all(s.startswith("ความร่วมมือ ") for s in archive.suggest("ความร่วมมือ ที่"))
    assert archive.suggest("") == [] and archive.suggest("zzzzqqq") == []


def test_bad_filter_values_say_what_is_wrong():
    with pytest.raises(QueryError, match="year"):
        Filters.parse({"year": ["two thousand"]})
    with pytest.raises(QueryError, match="2024-03-01"):
        Filters.parse({"from": ["yesterday"]})
    assert Filters.parse({"from": ["2567"], "to": ["2566"]}).date_from == date(2023, 1, 1)
    assert parse_bound("1 มี.ค. 2567", end=False) == date(2024, 3, 1)


def test_snippets_are_at_most_three_fragments_cut_between_words(archive):
    from searchapp.analysis.segment import analyze
    from searchapp.search.snippets import make_snippet

    marks = set("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")
    for article_id in ("001_5d6790685f2b3733", "000_2903cdcf15653440", "a02"):
        body = archive.article(article_id).body
        words = analyze(body).words
        starts, ends = {t.start for t in words} | {0}, {t.end for t in words} | {len(body)}
        snippet = make_snippet(body, ("อาเซียน", "ประชุม"))
        fragments = [f.strip() for f in snippet.split("…") if f.strip()]
        assert 1 <= len(fragments) <= 3
        for fragment in fragments:
            plain = re.sub(r"</?mark>", "", html.unescape(fragment))
            at = body.find(plain)
            assert at >= 0, "a fragment is a piece of the article as written"
            assert at in starts and at + len(plain) in ends, "cut inside a word"
            assert plain[0] not in marks
        assert "<mark>" in snippet


def test_snippet_prefers_the_passage_with_more_of_the_query(archive):
    from searchapp.search.snippets import make_snippet

    body = ("ข่าวเศรษฐกิจทั่วไปเรื่องราคาน้ำมัน " * 12 + "การประชุมอาเซียนว่าด้วยความมั่นคงทางทะเลจัดขึ้นที่กรุงเทพ "
            + "รายงานสภาพอากาศประจำวัน " * 12 + "ความมั่นคง")
    snippet = make_snippet(body, ("อาเซียน", "ความมั่นคง"), max_fragments=1)
    assert "<mark>อาเซียน</mark>" in snippet and "<mark>ความมั่นคง</mark>" in snippet


@pytest.mark.parametrize("terms", [("อาเซียน", "ประชุม"), ("ประเทศ",), ("ขาว",), ("asean", "2567"),
                                   ("ต่างประเทศ", "ความร่วมมือ"), ("ข้าว", "ราคา")])
def test_snippets_mark_exactly_what_the_whole_text_analysis_marks(archive, terms):
    # snippets segment only the passages they weigh; a mark must be one the whole text gives
    from searchapp.analysis.segment import analyze
    from searchapp.search.snippets import find_matches, make_snippet

    for article_id in ("001_5d6790685f2b3733", "000_2903cdcf15653440", "a02", "a05", "a08"):
        body = archive.article(article_id).body
        whole = {body[start:end] for start, end, _ in find_matches(analyze(body), terms)}
        snippet = make_snippet(body, terms)
        marked = set(re.findall(r"<mark>(.*?)</mark>", snippet))
        assert {html.unescape(m) for m in marked} <= whole
        assert bool(marked) == bool(whole), "a snippet shows a match whenever the text has one"


@pytest.mark.parametrize("query, filters", [
    ("อาเซียน 2562", Filters()),
    ("ความร่วมมืออาเซียน ปี 2567", Filters()),
    ("อาเซียน", Filters(years=(2024, ))),
    ("ประชุม org:อาเซียน", Filters()),
    ("ข้าว", Filters(sources=("เกษตรทูเดย์",))),
])
def test_the_first_page_is_the_head_of_the_full_ranking(archive, query, filters):
    # Whoosh skips blocks that cannot reach the top n; narrowing must not fool that
    everything = ids(archive.search(query, size=100, filters=filters))
    for size in (1, 2, 3):
        assert ids(archive.search(query, size=size, filters=filters)) == everything[:size]


@pytest.mark.parametrize("query", ["ผู้รักษาประตู ชัยชนะ ปี 2015", "แชมป์ลีก 2016 สโมสร", "โค้ช อันดับ ครั้ง 2015 2016"])
def test_the_first_page_is_the_head_of_the_full_ranking_at_scale(many_index, query):
    from searchapp.search import SearchService

    service = SearchService(many_index)
    everything = ids(service.search(query, size=100))
    assert everything
    for size in (1, 5, 10):
        assert ids(service.search(query, size=size)) == everything[:size]


@pytest.mark.parametrize("sort", ["relevance", "newest"])
def test_a_page_past_the_end_is_empty_not_the_last_page_again(archive, sort):
    results = archive.search("ข้าว", page=50, size=2, sort=sort)
    assert results.hits == () and results.total == 3 and results.page == 50


@pytest.mark.parametrize("limit", [1, 2, 12])
def test_facet_counts_are_those_of_counting_each_matching_articles_own_values(archive, limit):
    # counted from the facet table's arrays; checked here against each article's stored values,
    # ties ordered by name, a selected value shown even when it does not make the list
    from collections import Counter

    from searchapp.index import document_to_article

    searcher, generation = archive.handle.current()
    table = archive._facet_table(searcher, generation)
    reader = searcher.reader()
    live = [d for d in range(searcher.doc_count_all()) if not reader.is_deleted(d)]
    articles = {d: document_to_article(searcher.stored_fields(d)) for d in live}
    everywhere = Counter(org for a in articles.values() for org in a.organizations)
    assert len(everywhere) > 3  # enough organizations for the cut at ``limit`` to matter
    rarest = min(everywhere, key=lambda org: (everywhere[org], org))
    for docnums in (live, live[::2], live[1::3], live[:5]):
        for chosen in ((), (rarest,), ("องค์กรที่ไม่มี",)):
            facets = table.count(docnums, Filters(orgs=chosen), limit=limit)
            orgs = Counter(org for d in docnums for org in articles[d].organizations)
            expected = sorted(orgs.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
            expected += [(org, orgs.get(org, 0)) for org in chosen if org not in dict(expected)]
            assert [(v.value, v.count) for v in facets["org"]] == expected
            assert [v.selected for v in facets["org"]] == [org in chosen for org, _ in expected]
            sections = Counter(articles[d].section for d in docnums if articles[d].section)
            assert [(v.value, v.count) for v in facets["section"]] == sorted(
                sections.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
            years = Counter(articles[d].published.year for d in docnums if articles[d].published)
            assert [(int(v.value), v.count) for v in facets["year"]] == sorted(years.items(), reverse=True)


def test_a_warmed_service_has_read_its_tables_and_answers_the_same(archive_index):
    from searchapp.search import SearchService

    cold, warm = SearchService(archive_index), SearchService(archive_index)
    warm.warm()
    generation = warm.handle.generation
    assert {kind for kind, (gen, _) in warm._per_generation.items() if gen == generation} >= {"facets", "norms", "vocabulary"}
    assert len(warm._per_generation["norms"][1]._norms) == len(warm.handle.searcher().schema.scorable_names())
    for text in ("อาเซียน", "อาเซี่ยน", '"ความร่วมมือ" 2567'):
        assert warm.search(text) == cold.search(text)


def test_warming_without_an_index_is_a_clear_error(tmp_path):
    from searchapp.errors import SearchAppError
    from searchapp.search import SearchService

    with pytest.raises(SearchAppError):
        SearchService(tmp_path / "nothing").warm()


def test_two_years_sections_or_sources_mean_either(archive):
    # an article has one of each: with AND, two years (as the CLI's repeated --year gives) found nothing
    one, other = (set(ids(archive.search("", size=100, filters=Filters(years=(year,))))) for year in (2024, 2019))
    both = ids(archive.search("", size=100, filters=Filters(years=(2024, 2019))))
    assert one and other and set(both) == one | other
    sections = [f.value for f in archive.search("", filters=Filters(years=(2024, 2019))).facets["section"]][:2]
    assert len(sections) == 2
    apart = [set(ids(archive.search("", size=100, filters=Filters(sections=(s,))))) for s in sections]
    assert set(ids(archive.search("", size=100, filters=Filters(sections=tuple(sections))))) == apart[0] | apart[1]
    # organizations are many to an article: two mean articles naming both
    named = archive.search("", size=100, filters=Filters(orgs=("ASEAN", "UN")))
    assert named.total and all({"อาเซียน", "สหประชาชาติ"} <= set(h.organizations) for h in named.hits)


@pytest.mark.parametrize("typed, filters", [
    ("อาเซียน year:2024", Filters(years=(2024,))),
    ("อาเซียน ปี:2567", Filters(years=(2024,))),
    ("อาเซียน year:2019 year:2567", Filters(years=(2019, 2024))),
    ("อาเซียน from:2019-06-01 to:2022", Filters(date_from=date(2019, 6, 1), date_to=date(2022, 12, 31))),
    ("อาเซียน to:2019-06-01 from:2022", Filters(date_from=date(2019, 6, 1), date_to=date(2022, 12, 31))),
    ("อาเซียน ตั้งแต่:2563", Filters(date_from=date(2020, 1, 1))),
    ("อาเซียน org: UN", Filters(orgs=("UN",))),
    ('อาเซียน org:"United Nations"', Filters(orgs=("UN",))),
])
def test_filters_typed_in_the_box_mean_the_pages_filters(archive, typed, filters):
    typed_results = archive.search(typed, size=100)
    assert typed_results.total and not typed_results.notes
    assert ids(typed_results) == ids(archive.search("อาเซียน", size=100, filters=filters))


@pytest.mark.parametrize("typed, message", [
    ("อาเซียน year:abc", "ปีไม่ถูกต้อง: 'abc'"),
    ("อาเซียน from:เมื่อวาน", "วันที่ไม่ถูกต้อง: 'เมื่อวาน'"),
])
def test_a_bad_year_or_date_typed_in_the_box_says_what_is_wrong(archive, typed, message):
    with pytest.raises(QueryError, match=message):
        archive.search(typed)


def test_a_filter_name_with_nothing_after_it_is_searched_as_a_word_with_a_note(archive):
    results = archive.search("อาเซียน org:")
    assert results.total and any("org:" in note for note in results.notes)
    assert ids(archive.search("อาเซียน org: -ฟุตบอล", size=100)) == ids(archive.search("อาเซียน org -ฟุตบอล", size=100))


@pytest.mark.parametrize("query", ["อาเซียน", "", "อาเซียน 2560..2567", "section:ข่าวต่างประเทศ"])
def test_a_chosen_year_section_or_source_still_shows_the_others_with_what_they_would_bring(archive, query):
    # choosing another one means either, so each is counted as if it were the only one chosen
    chosen = archive.search(query, filters=Filters(years=(2019,)))
    years = {int(v.value): v for v in chosen.facets["year"]}
    assert years[2019].selected and years[2019].count == chosen.total and len(years) >= 2
    for year, value in years.items():
        assert value.count == archive.search(query, filters=Filters(years=(year,))).total
    # the other facets count what is shown
    sections = chosen.facets["section"]
    assert sum(v.count for v in sections) <= chosen.total
    for value in sections:
        assert value.count == archive.search(query, filters=Filters(years=(2019,), sections=(value.value,))).total
    # with a section chosen too, the years are counted within it
    both = archive.search(query, filters=Filters(years=(2019,), sections=(sections[0].value,)))
    for value in both.facets["year"]:
        assert value.count == archive.search(query, filters=Filters(years=(int(value.value),),
                                                                     sections=(sections[0].value,))).total
