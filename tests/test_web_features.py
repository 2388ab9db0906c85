"""The search page's facets, filters, sort, dates, suggestions, help, languages and the
extra endpoints, through Flask's test client over a real on-disk index."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qsl, urlsplit

import pytest


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response.get_data(as_text=True)


def total(text: str) -> int:
    return int(re.search(r'id="total">[^<]*<strong>([\d,]+)</strong>', text).group(1).replace(",", ""))


def facet_links(text: str, name: str) -> list[tuple[str, str, int]]:
    """(href, label, count) for each unselected value of a facet on the page."""
    block = re.search(rf'<section class="facet" id="facet-{name}">(.*?)</section>', text, re.S).group(1)
    found = re.findall(r'<a href="([^"]+)" data-facet="[^"]+" data-value="[^"]*">([^<]+)</a>\s*'
                       r'<span class="count">([\d,]+)</span>', block)
    return [(html.unescape(href), label.strip(), int(count.replace(",", ""))) for href, label, count in found]


def test_every_facet_link_gives_as_many_results_as_it_says(archive_client):
    start = page(archive_client, "/?q=ข้าว")
    checked = 0
    for name in ("org", "year", "section", "source"):
        for href, label, count in facet_links(start, name):
            assert total(page(archive_client, href)) == count, (name, label)
            checked += 1
    assert checked >= 6


def test_years_are_shown_in_both_eras(archive_client):
    years = [label for _, label, _ in facet_links(page(archive_client, "/?q=อาเซียน"), "year")]
    assert "2567 (2024)" in years and "2562 (2019)" in years


def test_filters_combine_show_as_chips_and_can_be_removed(archive_client):
    text = page(archive_client, "/?q=อาเซียน&section=ต่างประเทศ&year=2024")
    assert total(text) == 2
    chips = re.search(r'<div class="chips" id="active-filters"(.*?)</div>', text, re.S).group(1)
    assert "ต่างประเทศ" in chips and "2567 (2024)" in chips
    remove_year = html.unescape(re.search(r'<a class="chip" href="([^"]+)"[^>]*>2567 \(2024\)', chips).group(1))
    args = parse_qsl(urlsplit(remove_year).query)
    assert ("section", "ต่างประเทศ") in args and not any(k == "year" for k, _ in args)
    assert total(page(archive_client, remove_year)) > 2
    clear = html.unescape(re.search(r'<a class="clear" href="([^"]+)"', chips).group(1))
    assert parse_qsl(urlsplit(clear).query) == [("q", "อาเซียน")]


def test_links_keep_the_whole_state(archive_client):
    text = page(archive_client, "/?q=อาเซียน&sort=newest&size=2&lang=en&source=สำนักข่าวทดสอบ")
    next_link = html.unescape(re.search(r'<a rel="next" href="([^"]+)"', text).group(1))
    args = dict(parse_qsl(urlsplit(next_link).query))
    assert args == {"q": "อาเซียน", "sort": "newest", "size": "2", "lang": "en", "source": "สำนักข่าวทดสอบ",
                    "page": "2"}


def test_sort_newest_and_oldest_on_the_page(archive_client):
    newest = page(archive_client, "/?q=อาเซียน&sort=newest&size=50")
    dates = re.findall(r'<time datetime="([\d-]+)">', newest)
    assert dates == sorted(dates, reverse=True)
    assert newest.rfind("ไม่ทราบวันที่") > newest.rfind("<time datetime=")  # undated last
    oldest = page(archive_client, "/?q=อาเซียน&sort=oldest&size=50")
    assert re.findall(r'<time datetime="([\d-]+)">', oldest) == sorted(dates)
    assert '<strong aria-current="true" data-sort="oldest">' in oldest


def test_thai_dates_in_the_query_and_the_date_range_form(archive_client):
    text = page(archive_client, "/?q=อาเซียน มี.ค. 2567")
    assert total(text) == 3 and "อ่านเป็นช่วงเวลา" in text  # a01, a02 and the undated a08
    ranged = page(archive_client, "/?q=อาเซียน&from=2567&to=2567")
    assert total(ranged) == 3  # a01, a02 and the seed of May 2024
    assert 'name="from" value="2567"' in ranged  # the form keeps what was typed


def test_a_bad_date_or_year_in_a_link_is_a_note_not_an_error_page(archive_client):
    text = page(archive_client, "/?q=อาเซียน&from=yesterday")
    assert 'class="notice"' in text and "yesterday" in text and total(text) > 0
    response = archive_client.get("/api/search?q=อาเซียน&year=abc")
    assert response.status_code == 400 and "year" in response.get_json()["error"]


@pytest.mark.parametrize("typed, says", [
    ("อาเซียน year:abc", "ปีไม่ถูกต้อง: &#39;abc&#39;"),
    ("!!!", "ไม่มีคำที่ค้นได้"),
])
def test_a_query_that_cannot_be_searched_says_why_and_stays_in_the_box(archive_client, typed, says):
    response = archive_client.get("/", query_string={"q": typed})
    text = response.get_data(as_text=True)
    assert response.status_code == 200 and 'class="notice"' in text and says in text
    assert f'name="q" type="search" value="{html.escape(typed)}"' in text


def test_did_you_mean_links_to_the_respelled_query(archive_client):
    text = page(archive_client, "/?q=อาเซี่ยน")
    link = re.search(r'id="did-you-mean">[^<]*<a href="([^"]+)">([^<]+)</a>', text)
    assert link.group(2) == "อาเซียน"
    assert dict(parse_qsl(urlsplit(html.unescape(link.group(1))).query))["q"] == "อาเซียน"


def test_filter_without_words_lists_newest_first(archive_client):
    text = page(archive_client, "/?section=เศรษฐกิจ")
    assert total(text) == 2
    assert re.findall(r'<time datetime="([\d-]+)">', text) == ["2024-09-23", "2023-08-14"]


def test_help_page_is_linked_from_every_page_and_documents_the_syntax(archive_client):
    assert 'href="/help"' in page(archive_client, "/")
    text = page(archive_client, "/help")
    for syntax in ('"ทะเลจีนใต้"', "-ฟุตบอล", "OR", "org:ASEAN", "พ.ศ. 2562", "มี.ค. 2567", "2560..2562"):
        assert html.escape(syntax, quote=True) in text or syntax in text, syntax
    assert "How to search" in page(archive_client, "/help?lang=en")


def test_english_labels_switch_and_stay(archive_client):
    thai = page(archive_client, "/?q=อาเซียน")
    assert 'lang="th"' in thai and "ค้นหา" in thai and 'id="lang-switch"' in thai
    switch = html.unescape(re.search(r'href="([^"]+)" id="lang-switch"', thai).group(1))
    english = page(archive_client, switch)
    assert 'lang="en"' in english and "Sort by" in english and "Organization" in english
    assert re.search(r'<time datetime="2024-03-20">20 March 2024</time>', english)
    assert "lang=en" in re.search(r'<a rel="next" href="([^"]+)"', page(archive_client, switch + "&size=2")).group(1)


def test_opensearch_description(archive_client):
    assert 'rel="search" type="application/opensearchdescription+xml"' in page(archive_client, "/")
    response = archive_client.get("/opensearch.xml")
    assert response.mimetype == "application/opensearchdescription+xml"
    text = response.get_data(as_text=True)
    assert 'template="http://localhost/?q={searchTerms}"' in text
    suggest = archive_client.get("/api/suggest?q=อาเซี&format=opensearch")
    assert suggest.get_json()[0] == "อาเซี" and "อาเซียน" in suggest.get_json()[1]


def test_suggest_api(archive_client):
    data = archive_client.get("/api/suggest?q=อาเซี").get_json()
    assert data["query"] == "อาเซี" and "อาเซียน" in data["suggestions"]
    assert archive_client.get("/api/suggest?q=").get_json()["suggestions"] == []


def test_facets_api_matches_the_search_api(archive_client):
    facets = archive_client.get("/api/facets?q=ข้าว").get_json()
    search = archive_client.get("/api/search?q=ข้าว").get_json()
    assert facets["facets"] == search["facets"] and facets["total"] == search["total"]


def test_article_page_lists_related_articles_and_marks_the_query(archive_client):
    text = page(archive_client, "/article/a04?q=ข้าว")
    assert "<mark>ข้าว</mark>" in text
    related = re.search(r'<aside class="related" id="related"(.*?)</aside>', text, re.S).group(1)
    linked = re.findall(r'href="/article/([^"?]+)', related)
    assert "a04" not in linked and {"a05", "a10"} & set(linked)
    data = archive_client.get("/api/article/a04").get_json()
    assert [r["id"] for r in data["related"]][:len(linked)] == linked


@pytest.mark.parametrize("url", ["/?q=<script>alert(1)</script>&org=<b>x</b>", "/?section=<img src=x onerror=alert(1)>"])
def test_filter_values_from_the_url_are_shown_inert(archive_client, url):
    text = page(archive_client, url)
    assert "<script>alert" not in text and "<img src=x" not in text and "<b>x</b>" not in text


@pytest.fixture(scope="module")
def misspelling_app(tmp_path_factory):
    from searchapp.index import build_index
    from searchapp.models import Article
    from searchapp.web import create_app

    index = tmp_path_factory.mktemp("misspelt") / "index"
    articles = [Article(id=f"t{n}", title=f"ทรัมป์เยือนเอเชียครั้งที่ {n + 1}",
                        body="ประธานาธิบดีทรัมป์ของสหรัฐกล่าวในการประชุมสุดยอด") for n in range(3)]
    articles += [Article(id=f"p{n}", title=f"ป.ป.ช. ตรวจสอบทรัพย์สินรอบที่ {n + 1}",
                         body="สำนักงาน ป.ป.ช. แถลงผลการตรวจสอบทุกกรณี ป.ป.ช. ยืนยัน") for n in range(3)]
    build_index(articles, index)
    return create_app({"INDEX_DIR": str(index), "TESTING": True})


def test_a_misspelling_cut_into_lone_letters_shows_the_respellings_results(misspelling_app):
    client = misspelling_app.test_client()
    # ทรัมป without its last mark is cut ท + รัม + ป; as words, ป alone matched every ป.ป.ช.
    text = page(client, "/?q=ทรัมป")
    assert "แสดงผลของ <strong>ทรัมป์</strong>" in text
    assert set(re.findall(r'href="/article/([tp]\d)', text)) == {"t0", "t1", "t2"}
    as_typed = html.unescape(re.search(r'ค้นตามที่พิมพ์: <a href="([^"]+)"', text).group(1))
    assert dict(parse_qsl(urlsplit(as_typed).query)) == {"q": "ทรัมป", "as_typed": "1"}
    literal = page(client, as_typed)
    assert "แสดงผลของ" not in literal and 'id="did-you-mean"' in literal
    # the link to the respelling starts a new search, which may be respelled again
    suggested = html.unescape(re.search(r'id="did-you-mean">[^<]*<a href="([^"]+)"', literal).group(1))
    assert "as_typed" not in suggested
    api = client.get("/api/search?q=ทรัมป").json
    assert api["corrected_from"] == "ทรัมป" and api["query"] == "ทรัมป์" and api["total"] == 3
    assert client.get("/api/search?q=ทรัมป&as_typed=1").json["corrected_from"] is None


def test_what_is_found_as_written_is_never_respelled(misspelling_app):
    client = misspelling_app.test_client()
    for query in ("ป.ป.ช.", "ทรัมป์", "ประชุม"):
        assert client.get("/api/search", query_string={"q": query}).json["corrected_from"] is None, query
