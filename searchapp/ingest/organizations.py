"""Organizations named in an article: the curated data, plus discovery of new ones
from the way Thai news introduces them, ``ชื่อไทย (English Name – ACRONYM)``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..analysis.segment import cut_words
from ..thai.orgs import countries, registry

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


# A Thai-style body name followed by a country (or a state) is that country's body:
# กระทรวงการต่างประเทศตุรกี, กองทัพฟิลิปปินส์, วุฒิสภาญี่ปุ่น, กระทรวงมหาดไทยรัฐบรันเดนบูร์ก.
_FOREIGN_HEADS = ("กระทรวง", "กองทัพ", "วุฒิสภา", "รัฐสภา", "สภาผู้แทนราษฎร", "สำนักงานตำรวจ")
_STATE = r"รัฐ(?!บาล|มนตรี|สภา|ประหาร|วิสาหกิจ)[\u0e01-\u0e4e]{2,20}(?=[\s,.]|$)"


@lru_cache(maxsize=1)
def _foreign_pattern() -> re.Pattern[str]:
    heads = "|".join(_FOREIGN_HEADS)
    lands = "|".join(re.escape(c) for c in countries())
    return re.compile(rf"(?P<body>(?:{heads})[\u0e01-\u0e4e]{{0,30}}?)(?:\s?ของ)?\s?(?P<land>{lands}|{_STATE})"
                      r"(?![\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])")


# Discovery by a Thai organization head word: the name runs to the next space or
# punctuation and is cut before the first word that cannot be part of a name.
_DISCOVERY_HEADS = ("องค์การบริหารส่วนจังหวัด", "องค์การบริหารส่วนตำบล", "มหาวิทยาลัย", "คณะกรรมาธิการ",
                    "คณะกรรมการ", "กองบัญชาการ", "สถานีโทรทัศน์", "หนังสือพิมพ์", "โรงพยาบาล", "สายการบิน",
                    "สำนักงาน", "สหพันธ์", "โรงเรียน", "มูลนิธิ", "นิตยสาร", "ธนาคาร", "สถาบัน", "สมาคม", "บริษัท",
                    "กระทรวง", "ศูนย์", "พรรค", "ศาล", "กรม")
# a head must not sit inside a syllable: no leading vowel before it, no vowel or mark after it
_HEAD_RUN = re.compile("(?<![\u0e40-\u0e44])(?P<head>" + "|".join(_DISCOVERY_HEADS)
                       + r")(?![\u0e30-\u0e3a\u0e45\u0e47-\u0e4e])(?P<rest>[\u0e01-\u0e4e0-9]+)")
# bodies whose name is mostly used for the building: "ที่รัฐสภา" is a place
_VENUES = frozenset({"รัฐสภา", "ทำเนียบรัฐบาล"})
_AT = ("ที่", "ณ", "อาคาร", "หน้า")
_STOP_WORDS = frozenset(
    "ได้ ได้รับ ว่า ที่ ซึ่ง และ หรือ โดย เพื่อ จะ ก็ ยัง คง ของ ใน กับ ให้ จาก เป็น มี ไม่ รายงาน กล่าว แถลง "
    "เปิดเผย ออก ประกาศ วินิจฉัย ทุก อนุมัติ เมื่อ ต่อ ร่วม เผย ระบุ ชี้ ยืนยัน ส่ง นำ เข้า แล้ว นี้ ดังกล่าว ด้วย "
    "ทั้ง เพียง แห่งนี้ สั่ง พิพากษา จัด มอบ ขอ เตรียม ถึง ตาม แต่ กำลัง อยู่ ไป มา ทำ หา ดู เคย ต้อง ควร อาจ "
    "ทั่ว เช่น รวม คือ อีก จัดทำ นำร่อง ภายใต้ ยื่น รอบ ใกล้ ระหว่าง สำหรับ แก่ ภายใน".split())
_GENERIC_TAILS = frozenset(
    "การเมือง รัฐ เอกชน ฝ่ายค้าน การศึกษา ต่างประเทศ ต่าง ใหญ่ กลาง ท้องถิ่น จังหวัด อำเภอ ทั่วประเทศ ใหม่ "
    "แห่งชาติ ดัง ทุก เขต ภาค แห่ง อื่น".split())


# a name ending in an administrative level with no place after it names a class of
# bodies (สำนักงานจัดหางานจังหวัด: "the provincial employment offices"), not one body
_CLASS_ENDINGS = frozenset("จังหวัด อำเภอ ตำบล เขต แขวง ภาค ประจำภาค".split())


def _discovered(text: str) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for m in _HEAD_RUN.finditer(text):
        head = m.group("head")
        words = cut_words(m.group("rest"))
        kept: list[str] = []
        for word in words:
            if word in _STOP_WORDS:
                break
            kept.append(word)
        tail = "".join(kept).rstrip("ฯๆ ")
        words = [w.rstrip("ๆ ") for w in kept if w.rstrip("ๆ ")]
        if (len(tail) < 3 or all(w in _GENERIC_TAILS for w in words)
                or words[-1] in _CLASS_ENDINGS or len(head) + len(tail) > 45):
            continue
        found.append((m.start(), head + tail))
    return found


def extract_organizations(title: str, body: str) -> tuple[str, ...]:
    """Canonical names of the organizations the article names, in order of first mention."""
    reg = registry()
    text = f"{title}\n{body}"
    found: dict[str, int] = {}

    def add(name: str, position: int) -> None:
        if name not in found or position < found[name]:
            found[name] = position

    taken: list[tuple[int, int]] = []
    for m in _foreign_pattern().finditer(text):
        add(m.group("body") + m.group("land"), m.start())
        taken.append((m.start(), m.end()))

    def free(start: int) -> bool:
        return not any(a <= start < b for a, b in taken)

    lands = countries()
    for match in reg.matches(text):
        if match.name in _VENUES and text[:match.start].rstrip().endswith(_AT):
            continue
        if free(match.start):
            name = match.name
            rest = text[match.end:match.end + 40].lstrip()
            rest = rest[3:].lstrip() if rest.startswith("ของ") else rest
            land = next((c for c in lands if rest.startswith(c)), None) if name.startswith(_FOREIGN_HEADS) else None
            # กห.กัมพูชา: a Thai body's short name followed by a country is that country's body
            add(name + land if land else name, match.start)
            taken.append((match.start, match.end))
    for start, name in _discovered(text):
        if free(start):
            add(reg.canonical(name) or name, start)

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
