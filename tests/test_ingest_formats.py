from __future__ import annotations

import json

import pytest

from searchapp.ingest import ingest_file, ingest_paths
from searchapp.models import Article, Skipped

PAGE = "หัวข้อข่าวทดสอบการถอดรหัส\n\nวันที่ 14 ส.ค. 66\n\nเนื้อหาข่าวภาษาไทยที่ยาวพอสมควร กระทรวงการต่างประเทศแถลงข่าว\n"


@pytest.mark.parametrize("encoding,prefix", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"),
                                             ("utf-16", b""), ("cp874", b"")])
def test_encodings_are_detected(tmp_path, encoding, prefix):
    path = tmp_path / "page.txt"
    path.write_bytes(prefix + PAGE.replace("\n", "\r\n").encode(encoding))
    articles, skipped = ingest_file(path)
    assert not skipped
    assert articles[0].title == "หัวข้อข่าวทดสอบการถอดรหัส"
    assert articles[0].published.date().isoformat() == "2023-08-14"
    assert "\r" not in articles[0].body


def test_dailynews_json(tmp_path):
    path = tmp_path / "1.json"
    path.write_text(json.dumps({
        "id": 1, "url": "https://www.dailynews.co.th/foreign/1", "title": "ข่าวต่างประเทศ | เดลินิวส์",
        "category": "foreign", "date": "2017-06-03T22:04:06.688Z", "content": "\xa0 ยูเอ็นประชุมที่นิวยอร์ก",
    }), "utf-8")
    [article], skipped = ingest_file(path)
    assert not skipped
    assert article.title == "ข่าวต่างประเทศ"
    assert article.section == "ต่างประเทศ" and article.source == "เดลินิวส์"
    assert article.published.isoformat() == "2017-06-04T05:04:06.688000"  # Bangkok time
    assert "สหประชาชาติ" in article.organizations


@pytest.mark.parametrize("content,reason", [
    (b"", "empty"), (b"   \n", "empty"), (b"\x00\x01\x02binary", "binary"),
    (b'{"title": "x", "content": ""}', "no body"), (b"{not json", "does not parse"),
])
def test_bad_files_are_skipped_with_a_reason(tmp_path, content, reason):
    path = tmp_path / ("bad.json" if content.startswith(b"{") else "bad.txt")
    path.write_bytes(content)
    articles, skipped = ingest_file(path)
    assert articles == []
    assert reason in skipped[0].reason


def test_one_bad_file_does_not_stop_the_rest(tmp_path, seeds_copy):
    (seeds_copy / "broken.json").write_text("{oops", "utf-8")
    items = list(ingest_paths([seeds_copy]))
    assert sum(isinstance(i, Article) for i in items) == 5
    assert [i.path.endswith("broken.json") for i in items if isinstance(i, Skipped)] == [True]


def test_jsonl_one_article_per_line(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "x1", "text": "ข่าวแรก"}\n{bad\n{"id": "x2", "text": "ข่าวที่สอง"}\n', "utf-8")
    articles, skipped = ingest_file(path)
    assert [a.id for a in articles] == ["x1", "x2"]
    assert "line 2" in skipped[0].reason


def test_html_leftovers_are_stripped_and_scripts_removed(tmp_path):
    path = tmp_path / "p.html"
    path.write_text("<h1>หัวข้อ &amp; ข่าว</h1>\n<script>alert('x')</script><p>เนื้อหา<b>ข่าว</b>จริง</p>", "utf-8")
    [article], _ = ingest_file(path)
    assert article.title == "หัวข้อ & ข่าว"
    assert "alert" not in article.body and "<" not in article.body
