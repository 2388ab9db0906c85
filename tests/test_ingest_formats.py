from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from searchapp.ingest import ingest_file, ingest_paths
from searchapp.models import Article, Skipped

from .conftest import DAILYNEWS, needs_dailynews

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


def test_undecodable_and_oversized_files_are_skipped_with_a_reason(tmp_path):
    undecodable = tmp_path / "garbled.txt"
    undecodable.write_bytes(b"\xdb\xdc\xfc\xfd\xfe text \xff\xde" * 20)  # neither UTF-8 nor cp874
    articles, skipped = ingest_file(undecodable)
    assert articles == [] and "cannot decode as UTF-8 or TIS-620/cp874" in skipped[0].reason
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:
        handle.truncate(21 * 1024 * 1024)  # sparse: no 21 MB written to disk
    articles, skipped = ingest_file(huge)
    assert articles == [] and skipped[0].reason == "file is larger than 20 MB"


def test_one_bad_file_does_not_stop_the_rest(tmp_path, seeds_copy):
    (seeds_copy / "broken.json").write_text("{oops", "utf-8")
    items = list(ingest_paths([seeds_copy]))
    assert sum(isinstance(i, Article) for i in items) == 5
    assert [i.path.endswith("broken.json") for i in items if isinstance(i, Skipped)] == [True]


def test_paragraphs_of_dailynews_content_stay_paragraphs_and_embed_footers_go(tmp_path):
    path = tmp_path / "2.json"
    path.write_text(json.dumps({"title": "ทดสอบย่อหน้า", "content": (
        "ย่อหน้าแรกของข่าวทดสอบการแบ่งย่อหน้า     ย่อหน้าที่สองต่อจากช่องว่างหลายช่อง "
        "จบด้วยประโยคนี้.     โพสต์โดย Somchai Test บน 1 มิถุนายน 2017     คลิปประกอบ -")}), "utf-8")
    [article], _ = ingest_file(path)
    assert article.body == "ย่อหน้าแรกของข่าวทดสอบการแบ่งย่อหน้า\nย่อหน้าที่สองต่อจากช่องว่างหลายช่อง จบด้วยประโยคนี้."


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


@needs_dailynews()
def test_dailynews_bodies_keep_every_sentence_and_no_furniture():
    """Over the whole corpus: no furniture line survives, and every line that reads as a
    sentence is still in the body (only a photo/clip credit may go from its end)."""
    import glob

    from searchapp.ingest.furniture import is_credit, is_furniture, looks_like_sentence, strip_credit_tail
    from searchapp.ingest.rawtext import strip_html
    from searchapp.thai.chars import clean_text

    checked = 0
    for name in sorted(glob.glob(str(DAILYNEWS / "*" / "*.json"))):
        articles, _ = ingest_file(Path(name))
        if not articles:
            continue
        body = articles[0].body
        assert not [line for line in body.split("\n") if is_furniture(line)], name
        flat = " ".join(body.split())
        raw = json.loads(Path(name).read_text("utf-8")).get("content") or ""
        # a line is a line of the page or a paragraph of Dailynews content (a run of spaces between)
        for line in re.split(r"\n|[ \t]{3,}", clean_text(strip_html(raw)).replace("\xa0", " ")):
            line = " ".join(line.split())
            if looks_like_sentence(line) and not is_credit(line):
                assert strip_credit_tail(line) in flat, (name, line[:80])
                checked += 1
    assert checked > 2000


def _page(tmp_path, text: str, name: str = "page.txt", newline: str = "\n"):
    path = tmp_path / name
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    articles, skipped = ingest_file(path)
    assert not skipped, skipped
    return articles[0]


def test_the_header_date_wins_over_an_event_date_in_the_body(tmp_path):
    article = _page(tmp_path, "ข่าวทดสอบวันที่\n\nเผยแพร่: 5 พ.ค. 2560\n\n"
                              "การประชุมจะจัดขึ้นในวันที่ 9 พฤษภาคม 2567 ที่กรุงเทพฯ ผู้แทนหลายประเทศเข้าร่วม\n")
    assert article.published.date().isoformat() == "2017-05-05" and not article.date_estimated
    assert article.body.startswith("การประชุมจะจัดขึ้นในวันที่ 9 พฤษภาคม 2567")  # the event line stays body


def test_without_a_header_date_the_first_date_of_the_opening_is_used_and_marked_estimated(tmp_path):
    article = _page(tmp_path, "ข่าวทดสอบวันที่\n\n"
                              "การประชุมจัดขึ้นเมื่อวันที่ 9 พฤษภาคม 2567 ที่กรุงเทพฯ ผู้แทนหลายประเทศเข้าร่วม\n\n"
                              "ย่อหน้าที่สองพูดถึงวันที่ 12 พฤษภาคม 2567\n")
    assert article.published.date().isoformat() == "2024-05-09" and article.date_estimated
    assert "ย่อหน้าที่สองพูดถึงวันที่ 12 พฤษภาคม 2567" in article.body


def test_an_article_without_any_date_is_still_an_article(tmp_path):
    article = _page(tmp_path, "ข่าวไม่มีวันที่\n\nผู้แทนหลายประเทศเข้าร่วมการประชุมที่กรุงเทพฯ เพื่อหารือความร่วมมือ\n")
    assert article.published is None and article.body


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_line_ends(tmp_path, newline):
    article = _page(tmp_path, "หัวข้อข่าว\n\nวันที่ 14 ส.ค. 66\n\nย่อหน้าแรกของข่าว\n\nย่อหน้าที่สองของข่าว\n",
                    newline=newline)
    assert article.title == "หัวข้อข่าว"
    assert article.published.date().isoformat() == "2023-08-14"
    assert article.body == "ย่อหน้าแรกของข่าว\n\nย่อหน้าที่สองของข่าว"


MENU_PAGE = """หน้าแรก
เกี่ยวกับเรา
ข่าวสาร
กิจกรรม
ติดต่อเรา
น้ำท่วมเชียงราย
วันที่ 14 ส.ค. 66
ฝนตกหนักต่อเนื่องทำให้น้ำท่วมหลายอำเภอในจังหวัดเชียงราย ประชาชนได้รับผลกระทบจำนวนมาก
ข่าวสาร
กิจกรรม
เจ้าหน้าที่เร่งให้ความช่วยเหลือและอพยพผู้ประสบภัยไปยังศูนย์พักพิงชั่วคราวในพื้นที่ปลอดภัย
ติดต่อเรา
"""


def test_a_navigation_menu_and_its_repeats_are_not_title_or_body(tmp_path):
    article = _page(tmp_path, MENU_PAGE)
    assert article.title == "น้ำท่วมเชียงราย"  # short, but it stands right above the date
    assert article.published.date().isoformat() == "2023-08-14"
    assert article.body == ("ฝนตกหนักต่อเนื่องทำให้น้ำท่วมหลายอำเภอในจังหวัดเชียงราย ประชาชนได้รับผลกระทบจำนวนมาก\n\n"
                            "เจ้าหน้าที่เร่งให้ความช่วยเหลือและอพยพผู้ประสบภัยไปยังศูนย์พักพิงชั่วคราวในพื้นที่ปลอดภัย")


def test_a_page_of_short_lines_keeps_them(tmp_path):
    article = _page(tmp_path, "กลอนวันแม่\nแม่จ๋าแม่\nรักแม่ที่สุด\nแม่คือทุกสิ่ง\nขอบคุณแม่\n")
    assert article.title == "กลอนวันแม่" and "รักแม่ที่สุด" in article.body


def test_a_folder_is_read_folder_by_folder_without_hidden_or_unsupported_files(tmp_path):
    from searchapp.ingest import iter_files

    for name in ("a/b.txt", "a-b/x.json", "a/z/deep.html", ".cache/hidden-folder.txt", "a/.hidden.txt",
                 "a/report.pdf", "c.JSONL", "plain"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("ข่าว", "utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "a", target_is_directory=True)  # not followed into
    (tmp_path / "b-link.txt").symlink_to(tmp_path / "a" / "b.txt")  # a link to a file is read
    found = [p.relative_to(tmp_path).as_posix() for p in iter_files([tmp_path])]
    # path by path, as Path objects sort (a/... before a-b/...), hidden folders still entered
    assert found == [".cache/hidden-folder.txt", "a/b.txt", "a/z/deep.html", "a-b/x.json", "b-link.txt",
                     "c.JSONL", "plain"]
    assert found == [p.relative_to(tmp_path).as_posix() for p in sorted(tmp_path.joinpath(f) for f in found)]
