"""The page's words in Thai (the default) and English (``?lang=en``)."""

from __future__ import annotations

from datetime import date, datetime

from ..thai.dates import thai_date

LANGUAGES = ("th", "en")

LABELS: dict[str, dict[str, str]] = {
    "th": {
        "brand": "ค้นข่าว",
        "title": "ค้นหาข่าว",
        "query": "คำค้น",
        "search": "ค้นหา",
        "placeholder": "พิมพ์คำค้น เช่น อาเซียน รัสเซีย",
        "help": "วิธีค้น",
        "intro_title": "ค้นหาข่าวภาษาไทย",
        "intro": "พิมพ์คำค้นได้ทั้งแบบเว้นวรรคและไม่เว้นวรรค ใส่ \"เครื่องหมายคำพูด\" เพื่อค้นเป็นวลี "
                 "ระบุปีได้ทั้ง พ.ศ. และ ค.ศ. เช่น อาเซียน 2562 หรือ มี.ค. 2567",
        "found": "พบ {total} ข่าว",
        "for": "สำหรับ “{query}”",
        "no_results": "ไม่พบข่าวที่ตรงกับ “{query}”",
        "no_results_hint": "ลองใช้คำที่สั้นลง ตรวจการสะกดและวรรณยุกต์ หรือเอาตัวกรองออก",
        "did_you_mean": "หรือคุณหมายถึง",
        "showing_results_for": "แสดงผลของ",
        "search_as_typed": "ค้นตามที่พิมพ์:",
        "prev": "« ก่อนหน้า",
        "next": "ถัดไป »",
        "page_of": "หน้า {page} / {pages}",
        "pages": "หน้า",
        "sort": "เรียงตาม",
        "sort_relevance": "ตรงที่สุด",
        "sort_newest": "ใหม่ที่สุด",
        "sort_oldest": "เก่าที่สุด",
        "facets": "กรองผลการค้นหา",
        "facet_org": "องค์กร",
        "facet_year": "ปี พ.ศ. (ค.ศ.)",
        "facet_section": "หมวด",
        "facet_source": "แหล่งข่าว",
        "filters": "ตัวกรองที่ใช้",
        "remove": "เอาออก",
        "clear_filters": "ล้างตัวกรองทั้งหมด",
        "date_range": "ช่วงวันที่เผยแพร่",
        "from": "ตั้งแต่",
        "to": "ถึง",
        "date_hint": "เช่น 2567, มี.ค. 2567 หรือ 2024-03-01",
        "apply": "ใช้ช่วงนี้",
        "unknown_date": "ไม่ทราบวันที่",
        "estimated": "(โดยประมาณ)",
        "published": "เผยแพร่",
        "updated": "ปรับปรุง",
        "original": "ต้นฉบับ",
        "back": "« กลับไปที่ผลการค้นหา",
        "related": "ข่าวที่เกี่ยวข้อง",
        "switch_language": "English",
        "error_404": "ไม่พบหน้านี้",
        "no_such_page": "ไม่มีหน้านี้ในเว็บไซต์ ที่อยู่อาจพิมพ์ผิด ค้นหาข่าวได้จากช่องค้นหาด้านบน",
        "error_503": "ระบบค้นหายังไม่พร้อม",
        "error_other": "ไม่สามารถดำเนินการได้",
        "home": "กลับหน้าค้นหา",
        "suggestions": "คำแนะนำ",
    },
    "en": {
        "brand": "Thai News Search",
        "title": "Search the news",
        "query": "Query",
        "search": "Search",
        "placeholder": "Type words, e.g. อาเซียน รัสเซีย",
        "help": "How to search",
        "intro_title": "Search Thai news",
        "intro": "Type words with or without spaces; put \"quotes\" around a phrase. Years may be "
                 "Buddhist Era or Common Era, e.g. อาเซียน 2562 or มี.ค. 2567.",
        "found": "{total} articles",
        "for": "for “{query}”",
        "no_results": "Nothing found for “{query}”",
        "no_results_hint": "Try fewer words, check spelling and tone marks, or remove a filter.",
        "did_you_mean": "Did you mean",
        "showing_results_for": "Showing results for",
        "search_as_typed": "Search instead for",
        "prev": "« Previous",
        "next": "Next »",
        "page_of": "Page {page} of {pages}",
        "pages": "Pages",
        "sort": "Sort by",
        "sort_relevance": "Best match",
        "sort_newest": "Newest",
        "sort_oldest": "Oldest",
        "facets": "Narrow the results",
        "facet_org": "Organization",
        "facet_year": "Year B.E. (C.E.)",
        "facet_section": "Section",
        "facet_source": "Source",
        "filters": "Filters in use",
        "remove": "remove",
        "clear_filters": "Clear all filters",
        "date_range": "Published between",
        "from": "From",
        "to": "To",
        "date_hint": "e.g. 2024, มี.ค. 2567 or 2024-03-01",
        "apply": "Apply",
        "unknown_date": "date unknown",
        "estimated": "(estimated)",
        "published": "Published",
        "updated": "updated",
        "original": "Original page",
        "back": "« Back to the results",
        "related": "Related articles",
        "switch_language": "ภาษาไทย",
        "error_404": "Page not found",
        "no_such_page": "There is no page at this address; it may be mistyped. Search for news in the box above.",
        "error_503": "Search is not ready",
        "error_other": "That did not work",
        "home": "Back to search",
        "suggestions": "Suggestions",
    },
}

_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")


def format_date(value: datetime | date | None, lang: str) -> str:
    if value is None:
        return ""
    if lang == "en":
        return f"{value.day} {_EN_MONTHS[value.month - 1]} {value.year}"
    return thai_date(value)


def language(requested: str | None) -> str:
    return requested if requested in LANGUAGES else "th"
