"""Query-time synonyms: organizations, short forms of places and titles, Buddhist/Common Era years."""

from __future__ import annotations

import pytest

from searchapp.index import build_index
from searchapp.models import Article
from searchapp.search import SearchService
from searchapp.search.aliases import alternatives, other_era

ARTICLES = [
    Article(id="us-long", title="", body="ประธานาธิบดีสหรัฐอเมริกาเดินทางเยือนกรุงฮานอยเพื่อหารือการค้า"),
    Article(id="us-latin", title="", body="The US trade envoy met Vietnamese officials in Hanoi on trade."),
    Article(id="ce-year", title="", body="เศรษฐกิจโลกในปี 2024 ขยายตัวช้ากว่าที่คาด"),
    Article(id="be-year", title="", body="งบประมาณปี พ.ศ. ๒๕๖๘ ผ่านสภาแล้ว"),
    Article(id="price", title="", body="ราคาทองคำปรับขึ้น 2100 บาทภายในสัปดาห์เดียว"),
    Article(id="unodc", title="", body="สำนักงานป้องกันยาเสพติดและปราบปรามอาชญากรรมแห่งสหประชาชาติจัดการประชุม"),
    Article(id="other", title="", body="ฝนตกหนักในภาคเหนือทำให้น้ำท่วมหลายอำเภอ"),
    Article(id="pdrc-short", title="กปปส.นัดชุมนุมใหญ่",
            body="แกนนำ กปปส. ประกาศนัดชุมนุมใหญ่สุดสัปดาห์นี้ และ กปปส. ยืนยันว่าจะชุมนุมโดยสงบ"),
    Article(id="pdrc-long", title="ย้อนดูการชุมนุมทางการเมือง",
            body="บทความนี้ย้อนดูการชุมนุมหลายครั้ง รวมถึงคณะกรรมการประชาชนเพื่อการเปลี่ยนแปลงประเทศไทย"
                 "ให้เป็นประชาธิปไตยที่สมบูรณ์อันมีพระมหากษัตริย์ทรงเป็นประมุข ซึ่งชุมนุมเมื่อหลายปีก่อน"),
]


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    target = tmp_path_factory.mktemp("aliases") / "index"
    build_index(ARTICLES, target)
    return SearchService(target)


def ids(service, query):
    return {h.id for h in service.search(query, size=20).hits}


def test_short_form_finds_the_long_form_and_the_english(service):
    assert {"us-long", "us-latin"} <= ids(service, "สหรัฐฯ")
    assert "us-long" in ids(service, "US")


def test_buddhist_era_year_finds_common_era_and_back(service):
    assert "ce-year" in ids(service, "2567")
    assert "ce-year" in ids(service, "๒๕๖๗")
    assert "be-year" in ids(service, "2025")


def test_a_number_that_is_a_price_is_not_taken_for_a_year(service):
    assert other_era(2100) == 2643
    assert alternatives("2100 บาท") == []
    assert alternatives("ราคา 2100") == [("2100", ("2643",))]  # no unit: may well be a year


def test_organization_acronym_finds_the_thai_name(service):
    assert "unodc" in ids(service, "UNODC")


def test_a_name_written_out_in_full_counts_as_much_as_its_short_form(service):
    # the long form is found, but its dozen words do not outweigh an article about the name as typed
    hits = [h.id for h in service.search("กปปส.", size=20).hits]
    assert hits[:2] == ["pdrc-short", "pdrc-long"]


def test_the_alias_marked_in_the_snippet(service):
    hit = next(h for h in service.search("สหรัฐฯ", size=20).hits if h.id == "us-latin")
    assert "<mark>US</mark>" in hit.snippet


def test_question_words_do_not_count_when_the_question_has_content():
    from searchapp.search.build import build_query
    from searchapp.search.query import parse_query

    def terms(text):
        return {t for _, t in build_query(parse_query(text)).query.iter_all_terms() if isinstance(t, str)}

    question = terms("ใครเป็นเลขาธิการอาเซียน")
    assert "ใคร" not in question and "อาเซียน" in question
    assert "ใคร" in terms("ใคร")  # nothing else to search by: kept
