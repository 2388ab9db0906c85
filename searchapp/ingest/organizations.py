"""Organizations named in an article: the curated data, plus discovery of new ones
from the way Thai news introduces them, ``ชื่อไทย (English Name – ACRONYM)``.
"""

from __future__ import annotations

import re

from ..thai.orgs import registry

_EN_HEADS = re.compile(
    r"\b(Organi[sz]ation|Office|Conference|Committee|Commission|Council|Assembly|Institute|Bank|"
    r"Association|Agency|Fund|Programme|Program|Department|Ministry|Union|Forum|Federation|"
    r"Secretariat|Authority|Court|Centre|Center|Foundation|Party|Corporation|Board|Bureau|Network)\b"
)
_TH_HEADS = ("กระทรวง", "กรม", "สำนักงาน", "สำนัก", "องค์การ", "องค์กร", "สถาบัน", "คณะกรรมการ",
             "คณะกรรมาธิการ", "ธนาคาร", "สมาคม", "มหาวิทยาลัย", "สมัชชา", "ประชุม", "ศูนย์", "กองทุน",
             "สภา", "มูลนิธิ", "พรรค", "บริษัท", "การไฟฟ้า", "การประปา", "การท่า")

# (English Name – ACRONYM) or (English Name - ACRONYM) or (English Name: ACRONYM)
_NAME_AND_ACRONYM = re.compile(
    r"\((?P<en>[A-Z][A-Za-z'’.,&\- ]{3,120}?)\s*(?:[–—]|\s-\s|:)\s*(?P<ab>[A-Z][A-Za-z\-]{1,11})\)"
)
# (ACRONYM) after a name; the name is read from the text before it (up to 160 characters,
# not across a bracket or a line end)
_ACRONYM_ONLY = re.compile(r"\((?P<ab>[A-Z][A-Z\-]{1,10})\)")
_BEFORE_LIMIT = 160


def _thai_name_before(text: str, end: int) -> str | None:
    """The Thai organization name written just before position ``end``, if it starts with a head word."""
    window = text[max(0, end - 120):end].rstrip()
    chunk = re.split(r"\s{2,}|[()\n,]|\s(?=[A-Za-z])", window)[-1].strip()
    for head in _TH_HEADS:
        at = chunk.rfind(head)
        if at != -1:
            name = chunk[at:].strip()
            if 4 <= len(name) <= 90:
                return name
    return None


def extract_organizations(title: str, body: str) -> tuple[str, ...]:
    """Canonical names of the organizations the article names, in order of first mention."""
    reg = registry()
    text = f"{title}\n{body}"
    found: dict[str, int] = {}

    def add(name: str, position: int) -> None:
        if name not in found or position < found[name]:
            found[name] = position

    for match in reg.matches(text):
        add(match.name, match.start)

    for m in _NAME_AND_ACRONYM.finditer(text):
        english, acronym = m.group("en").strip(), m.group("ab")
        known = reg.canonical(acronym) or reg.canonical(english)
        if known:
            add(known, m.start())
        elif _EN_HEADS.search(english) and len(english.split()) >= 2:
            add(acronym, m.start())

    for m in _ACRONYM_ONLY.finditer(text):
        acronym = m.group("ab")
        if reg.canonical(acronym):
            continue
        window = text[max(0, m.start() - _BEFORE_LIMIT):m.start()]
        before = re.split(r"[()\n]", window)[-1]
        english_tail = re.search(r"((?:[A-Z][A-Za-z'’\-]*\s+(?:(?:of|for|on|the|and|in)\s+)*){1,12}[A-Z][A-Za-z'’\-]*)$",
                                 before.rstrip())
        if (english_tail and _EN_HEADS.search(english_tail.group(1))) or _thai_name_before(text, m.start("ab") - 1):
            add(acronym, m.start())

    return tuple(sorted(found, key=found.__getitem__))
