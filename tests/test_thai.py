from __future__ import annotations

from datetime import date

import pytest

from searchapp.thai.dates import find_dates, thai_date
from searchapp.thai.orgs import registry


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
