from __future__ import annotations

from searchapp.web import create_app


def test_search_page_shows_ranked_highlighted_results_in_thai(client):
    page = client.get("/?q=ฮานอย")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert 'value="ฮานอย"' in html  # the box keeps the query
    assert "<mark>ฮานอย</mark>" in html
    assert "19 ธันวาคม 2562" in html  # Thai date, Buddhist Era year
    assert "/article/004_728a9104f349dc7d" in html
    assert "พบ <strong>1</strong> ข่าว" in html


def test_home_without_query_shows_the_search_box(client):
    page = client.get("/")
    assert page.status_code == 200
    assert 'name="q"' in page.get_data(as_text=True)


def test_empty_query_asks_for_words_rather_than_failing(client):
    page = client.get("/?q=+")
    assert page.status_code == 200
    assert "กรุณาพิมพ์คำค้น" in page.get_data(as_text=True)
    api = client.get("/api/search?q=")
    assert api.status_code == 400
    assert "error" in api.get_json()


def test_no_results_page(client):
    page = client.get("/?q=xyzzyunknownword")
    assert page.status_code == 200
    assert 'id="no-results"' in page.get_data(as_text=True)


def test_api_search_returns_hits_with_paging(client):
    data = client.get("/api/search?q=อาเซียน&page=2&size=2").get_json()
    assert data["query"] == "อาเซียน"
    assert data["total"] == 5 and data["page"] == 2 and data["size"] == 2 and data["pages"] == 3
    assert len(data["hits"]) == 2
    hit = data["hits"][0]
    assert set(hit) == {"id", "title", "published", "section", "source", "url", "organizations", "score", "snippet"}


def test_api_rejects_bad_paging_with_a_message(client):
    for query in ("page=0", "size=1000", "page=abc"):
        response = client.get(f"/api/search?q=อาเซียน&{query}")
        assert response.status_code == 400
        assert response.get_json()["error"]


def test_article_page_and_api(client):
    page = client.get("/article/004_728a9104f349dc7d?q=ฮานอย")
    assert page.status_code == 200
    assert "<mark>ฮานอย</mark>" in page.get_data(as_text=True)
    data = client.get("/api/article/004_728a9104f349dc7d").get_json()
    assert data["url"].startswith("https://asean.org/")
    assert data["published"].startswith("2019-12-19")
    assert "updated" in data and "body" in data and "organizations" in data


def test_api_times_carry_bangkoks_offset(client):
    """A time without an offset is read in the client's own zone: 07:30 in Bangkok would be
    07:30 in London too."""
    from datetime import datetime, timedelta

    hit = client.get("/api/search?q=อาเซียน&size=1").get_json()["hits"][0]
    data = client.get(f"/api/article/{hit['id']}").get_json()
    for value in (hit["published"], data["published"]):
        moment = datetime.fromisoformat(value)
        assert value.endswith("+07:00") and moment.utcoffset() == timedelta(hours=7)
    assert datetime.fromisoformat(data["published"]) == datetime.fromisoformat(hit["published"])


def test_unknown_article_is_404_in_html_and_json(client):
    assert client.get("/article/nope").status_code == 404
    response = client.get("/api/article/nope")
    assert response.status_code == 404
    assert "nope" in response.get_json()["error"]
    assert client.get("/article/..%2F..%2Fetc%2Fpasswd").status_code == 404


def test_missing_index_is_503_with_a_hint(tmp_path):
    client = create_app({"TESTING": True, "INDEX_DIR": tmp_path / "nowhere"}).test_client()
    api = client.get("/api/search?q=อาเซียน")
    assert api.status_code == 503
    assert "reindex" in api.get_json()["hint"]
    page = client.get("/?q=อาเซียน")
    assert page.status_code == 503
    assert "Traceback" not in page.get_data(as_text=True)
    assert client.get("/healthz").status_code == 503


def test_healthz_counts_articles_and_says_when_the_process_has_read_its_tables(app):
    # a server process reads its per-generation tables in the background as it starts
    # (``serve`` warms them); until then it answers, slower, and says it is not ready
    client = app.test_client()
    data = client.get("/healthz").get_json()
    assert data == {"status": "ok", "articles": 5, "generation": data["generation"], "ready": False}
    app.extensions["searchapp"].warm()
    assert client.get("/healthz").get_json()["ready"] is True


def test_query_text_is_escaped_on_the_page(client):
    html = client.get("/?q=<script>alert(1)</script>").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_security_headers_are_set(client):
    headers = client.get("/").headers
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_unknown_route_is_404_json_under_api(client):
    response = client.get("/api/nothing")
    assert response.status_code == 404 and response.is_json


def test_an_address_with_no_page_says_so_in_the_pages_language(client):
    thai = client.get("/search?q=ข่าว")
    assert thai.status_code == 404
    page = thai.get_data(as_text=True)
    assert "ไม่มีหน้านี้ในเว็บไซต์" in page and "The requested URL" not in page
    english = client.get("/nothing-here?lang=en").get_data(as_text=True)
    assert "There is no page at this address" in english and "The requested URL" not in english
    # an article that is not there keeps its own message
    assert "nope" in client.get("/article/nope").get_data(as_text=True)


def test_bad_paging_and_sorting_are_explained_in_thai_and_english(client):
    for url, thai, english in (("/api/search?q=ข่าว&page=abc", "จำนวนเต็ม", "whole numbers"),
                               ("/api/search?q=ข่าว&page=0", "เลขหน้า", "page must be"),
                               ("/api/search?q=ข่าว&sort=xyz", "การเรียง", "sort must be one of"),
                               ("/api/article/nope", "ไม่มีข่าวรหัส", "no article with id")):
        response = client.get(url)
        assert response.status_code in (400, 404) and thai in response.json["error"] and english in response.json["error"]
    page = client.get("/?q=ข่าว&page=abc").get_data(as_text=True)  # the page falls back to page 1 with the note
    assert "จำนวนเต็ม" in page
