from __future__ import annotations

import json
import sys
from datetime import date

import pytest

from searchapp.thai.dates import find_dates, thai_date
from searchapp.thai.orgs import registry

from .conftest import DAILYNEWS, ROOT, needs_dailynews

needs_dailynews_labels = needs_dailynews()


@pytest.mark.parametrize("text,expected", [
    ("Monday May 13, 2024 13:15", date(2024, 5, 13)),
    ("19 Dec 2019", date(2019, 12, 19)),
    ("มิถุนายน 20, 2019", date(2019, 6, 20)),
    ("5 พ.ค. 2560", date(2017, 5, 5)),
    ("๙ พฤษภาคม ๒๕๖๗", date(2024, 5, 9)),
    ("23 ก.ย. 67", date(2024, 9, 23)),
    ("2023-08-14 09:30", date(2023, 8, 14)),
    ("14/08/2566", date(2023, 8, 14)),
    ("วันที่ 14 ส.ค. 66", date(2023, 8, 14)),
    ("๓ - ๔ ธันวาคม พ.ศ. ๒๕๖๒", date(2019, 12, 4)),
])
def test_dates_in_every_form_thai_pages_use(text, expected):
    found = find_dates(text)
    assert found and found[0].value.date() == expected


def test_invalid_dates_are_not_dates():
    assert find_dates("31 ก.พ. 2567") == []
    assert find_dates("แผนปฏิบัติการ 2559-2563") == []


def test_thai_date_display_uses_buddhist_era():
    assert thai_date(date(2024, 5, 13)) == "13 พฤษภาคม 2567"


def test_organizations_fold_aliases_onto_one_name():
    reg = registry()
    assert reg.canonical("ASEAN") == reg.canonical("อาเซียน") == reg.canonical("Association of Southeast Asian Nations")
    assert "UNODC" in reg.aliases("สำนักงานป้องกันยาเสพติดและปราบปรามอาชญากรรมแห่งสหประชาชาติ")
    assert len(reg.organizations) >= 150


def test_a_foreign_ministry_is_not_the_thai_one():
    names = {m.name for m in registry().matches("รัฐมนตรีช่วยว่าการกระทรวงการต่างประเทศรัสเซียเป็นประธาน")}
    assert "กระทรวงการต่างประเทศ" not in names


def test_acronyms_match_whole_words_only():
    names = {m.name for m in registry().matches("UNESCAP and UNICEFF and the WHOLE plan")}
    assert "คณะกรรมาธิการเศรษฐกิจและสังคมแห่งสหประชาชาติสำหรับเอเชียและแปซิฟิก" in names
    assert "องค์การยูนิเซฟ" not in names and "องค์การอนามัยโลก" not in names


def test_a_foreign_body_is_named_with_its_country():
    from searchapp.ingest.organizations import extract_organizations

    orgs = extract_organizations("", "กระทรวงการต่างประเทศตุรกีออกแถลงการณ์ และกองทัพฟิลิปปินส์เปิดปฏิบัติการ")
    assert "กระทรวงการต่างประเทศตุรกี" in orgs and "กองทัพฟิลิปปินส์" in orgs
    assert "กระทรวงการต่างประเทศ" not in orgs  # not the Thai ministry
    # a short name too: กห. is the Thai Ministry of Defence, กห.กัมพูชา is Cambodia's
    assert extract_organizations("กห.กัมพูชาออกหนังสือชี้แจง", "") == ("กระทรวงกลาโหมกัมพูชา",)


def test_organizations_discovered_by_their_head_word_end_before_the_verb():
    from searchapp.ingest.organizations import extract_organizations

    orgs = extract_organizations("", "กพร.ร่วมกับมูลนิธิตะวันฉาย จ.เชียงใหม่ และศาลแพ่งธนบุรีได้นำระบบใหม่มาใช้")
    assert "มูลนิธิตะวันฉาย" in orgs and "ศาลแพ่งธนบุรี" in orgs
    # generic kinds of body are not names, nor is a class of provincial offices
    assert extract_organizations("", "โรงพยาบาลเอกชนและพรรคการเมืองต่างๆ") == ()
    assert extract_organizations("", "ติดต่อสำนักงานจัดหางานจังหวัด ทุกจังหวัด") == ()
    assert "ศาลจังหวัดระนอง" in extract_organizations("", "ที่ศาลจังหวัดระนอง วันนี้")


def test_a_parliament_named_as_the_place_of_an_event_is_not_an_organization_mention():
    from searchapp.ingest.organizations import extract_organizations

    assert "รัฐสภา" not in extract_organizations("", "เมื่อวันที่ 8 มิ.ย. ที่รัฐสภา โฆษกแถลงข่าว")
    assert "รัฐสภา" in extract_organizations("", "รัฐสภามีมติเห็นชอบร่างกฎหมาย")


def test_photo_and_clip_credits_are_cut_from_the_end_of_the_body():
    from searchapp.ingest.furniture import strip_credit_tail

    assert strip_credit_tail("ผู้เสียชีวิต 22 ราย. ภาพ - AP คลิปประกอบ : Channel 4 News") == "ผู้เสียชีวิต 22 ราย."
    # a sentence about a picture is not a credit
    text = "เจ้าหน้าที่เผยแพร่ภาพถ่ายดาวเทียมของฐานทัพ"
    assert strip_credit_tail(text) == text


@needs_dailynews_labels
def test_organization_extraction_on_the_hand_labelled_articles_stays_above_its_floor():
    # measured 0.798 / 0.744 (issue target 0.9 / 0.8, not met yet); this pins against regressions
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import organizations as bench

    labels = json.loads((ROOT / "tests" / "data" / "org_labels.json").read_text("utf-8"))["articles"]
    result = bench.evaluate(labels, DAILYNEWS)
    assert result["precision"] >= 0.72 and result["recall"] >= 0.72
