"""Organizations named in an article: the curated data, plus discovery of new ones from the
way Thai news introduces them: ``ชื่อไทย (English Name – ACRONYM)``, ``ชื่อไทย (ชื่อย่อ.)``, a
company's legal form, a foreign body followed by its country, an embassy or consulate with its
country and seat, a police station (also as สภ./สน.), a numbered unit (กองบิน 4), and names that
start with a head word (กรม, ศาล, มูลนิธิ, ...).
"""

from __future__ import annotations

import difflib
import json
import re
from functools import lru_cache

from ..analysis.segment import cut_syllables, cut_words, is_word
from ..thai.orgs import (abbreviation_starts_word, countries, registry, spelled_letters, spelled_prefix,
                         word_before, word_edge)

_EN_HEADS = re.compile(
    r"\b(Organi[sz]ation|Office|Conference|Committee|Commission|Council|Assembly|Institute|Bank|"
    r"Association|Agency|Fund|Programme|Program|Department|Ministry|Union|Forum|Federation|"
    r"Secretariat|Authority|Court|Centre|Center|Foundation|Party|Corporation|Board|Bureau|Network)\b"
)
_TH_HEADS = ("กระทรวง", "กรม", "สำนักงาน", "สำนัก", "องค์การ", "องค์กร", "สถาบัน", "คณะกรรมการ",
             "คณะกรรมาธิการ", "ธนาคาร", "สมาคม", "มหาวิทยาลัย", "สมัชชา", "ประชุม", "ศูนย์", "กองทุน",
             "สภา", "มูลนิธิ", "พรรค", "บริษัท", "การไฟฟ้า", "การประปา", "การท่า")

# (English Name – ACRONYM) or (English Name - ACRONYM) or (English Name: ACRONYM) or (English Name หรือ ACRONYM)
_NAME_AND_ACRONYM = re.compile(
    r"\((?P<en>[A-Z][A-Za-z'’.,&\- ]{3,120}?)\s*(?:[–—]|\s-\s|:|\sหรือ\s|\sor\s)\s*(?P<ab>[A-Z][A-Za-z\-]{1,11})\)"
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
# กระทรวงการต่างประเทศตุรกี, กองทัพฟิลิปปินส์, วุฒิสภาญี่ปุ่น, กระทรวงมหาดไทยรัฐบรันเดนบูร์ก,
# and a head of state's or government's office (ทำเนียบประธานาธิบดีเกาหลีใต้: its spokesman speaks for it).
_OFFICES = ("ทำเนียบประธานาธิบดี", "ทำเนียบรัฐบาล", "ทำเนียบนายกรัฐมนตรี")
_FOREIGN_HEADS = ("กระทรวง", "กองทัพ", "วุฒิสภา", "รัฐสภา", "สภาผู้แทนราษฎร", "สำนักงานตำรวจ", "คณะรัฐมนตรี") + _OFFICES
# heads that are whole names: the country follows at once (รัฐสภาญี่ปุ่น), not after other words
# (รัฐสภาชุดปัจจุบันพรรครัฐบาลเกาหลีใต้ is no parliament's name); where one follows ที่ or ใน, it is
# the building (ที่ทำเนียบรัฐบาลญี่ปุ่น, กราดยิงในรัฐสภาอิหร่าน)
_WHOLE_NAMES = ("วุฒิสภา", "รัฐสภา", "สภาผู้แทนราษฎร", "คณะรัฐมนตรี") + _OFFICES
# "and" or "with" followed by another body's head: a body and another, not one body's name
_TWO_BODIES = re.compile("(?:และ|กับ)(?:" + "|".join(_FOREIGN_HEADS + ("กองกำลัง",)) + ")")
_STATE = r"รัฐ(?!บาล|มนตรี|สภา|ประหาร|วิสาหกิจ)[\u0e01-\u0e4e]{2,20}(?=[\s,.]|$)"


@lru_cache(maxsize=1)
def _foreign_pattern() -> re.Pattern[str]:
    heads = "|".join(h for h in _FOREIGN_HEADS if h not in _WHOLE_NAMES)
    whole = "|".join(_WHOLE_NAMES)
    lands = "|".join(re.escape(c) for c in countries())
    return re.compile(rf"(?P<body>(?:{heads})[\u0e01-\u0e4e]{{0,30}}?|(?:{whole}))(?:\s?ของ)?\s?"
                      rf"(?P<land>{lands}|{_STATE})(?![\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])")


# Discovery by a Thai organization head word: the name runs to the next space or
# punctuation and is cut before the first word that cannot be part of a name.
_DISCOVERY_HEADS = ("องค์การบริหารส่วนจังหวัด", "องค์การบริหารส่วนตำบล", "มหาวิทยาลัย", "คณะกรรมาธิการ",
                    "คณะกรรมการ", "กองบัญชาการ", "สถานีโทรทัศน์", "หนังสือพิมพ์", "โรงพยาบาล", "สายการบิน",
                    "สำนักงาน", "สหพันธ์", "โรงเรียน", "มูลนิธิ", "นิตยสาร", "ธนาคาร", "สถาบัน", "สมาคม", "บริษัท",
                    "สำนักข่าว", "กระทรวง", "หน่วย", "ศูนย์", "พรรค", "ศาล", "กรม", "คณะอนุกรรมาธิการ",
                    "คณะอนุกรรมการ", "สถานีตำรวจ", "เทศบาล", "กองกำลัง", "สหกรณ์", "สำนัก", "วิทยาลัย",
                    "อนุกรรมาธิการ", "อนุกรรมการ", "กรรมาธิการ", "สมาพันธ์")
# heads that say what kind of body follows without being part of its name: สายการบินบริติช แอร์เวย์ส
# is British Airways (but สายการบินมาเลเซีย, a country alone, keeps the head)
_DESCRIPTORS = ("สายการบิน",)
# a head that is also the start of common words (หน่วยงาน "agency") counts only as a word of its own
_WORD_HEADS = ("หน่วย",)
_NOT_AFTER_WORD_HEAD = ("งาน", "ละ", "ความจำ", "กิต", "ขึ้นตรง")
# and heads that begin a common word of their own: ศูนย์กลาง "hub", สำนักคิด "school of thought"
# a local administration's president's or clerk's title glued to its head makes one dictionary word the
# cut keeps whole (นายกองค์การบริหารส่วนจังหวัด…, ปลัดองค์การบริหารส่วนตำบล…): the head still starts a name
_TITLE_GLUED = ("นายก", "ปลัด")
_LOCAL_ADMINISTRATION = "องค์การบริหารส่วน"
_NOT_AFTER_HEAD = {"ศูนย์": ("กลาง",), "สำนัก": ("งาน", "ข่าว", "คิด", "สงฆ์"),
                   # forces of a kind, not one named force: กองกำลังทหาร, กองกำลังต่างชาติ
                   "กองกำลัง": ("ทหาร", "ต่างชาติ", "ติดอาวุธ", "พันธมิตร", "ชาว"),
                   # cooperatives in general or what they do: สหกรณ์ไทย, สหกรณ์ปลูก...
                   "สหกรณ์": ("ไทย", "เกษตร", "สีขาว", "ปลูก", "พร้อม", "สร้าง"),
                   # shrines, not courts (ศาลพระพรหม, ศาลเจ้าพ่อ, ศาลหลักเมือง), and a kangaroo court (ศาลเตี้ย)
                   "ศาล": ("พระ", "เจ้า", "หลักเมือง", "เตี้ย"),
                   # นักศึกษามหาวิทยาลัยชาวแอลจีเรีย: the student is Algerian, no university is named
                   "มหาวิทยาลัย": ("ชาว",),
                   # a blood, food or waste bank: a service of a kind, no bank
                   "ธนาคาร": ("เลือด", "อาหาร", "ขยะ"),
                   # a prince's rank, not a department: สมเด็จพระเจ้าพี่นางเธอ ... กรมหลวงนราธิวาสราชนครินทร์
                   "กรม": ("หลวง", "ขุน", "หมื่น", "พระยา",
                          # เข้ากรมรับใช้ชาติ: to enlist, no department
                          "รับใช้")}
# สำนัก also begins place names (สำนักท้อน, สำนักห้วยไม้เต็ง): a bureau is named by what it does, a word of
# two syllables or more (สำนักอนุรักษ์สัตว์ป่า, สำนักพระราชวัง), การ... or เขต... (สำนักการระบายน้ำ, สำนักเขตบางกอกน้อย)
_BUREAU = "สำนัก"
_BUREAU_FIRST_WORDS = frozenset({"การ", "เขต"})
# heads as often followed by a description (บริษัทนายหน้า "a broker", ศูนย์แลกเปลี่ยนข้อมูล, หน่วยกู้ภัย,
# สถาบันการศึกษา, โรงพยาบาลฉุกเฉิน) as by a name: the rest must look like a name, not like ordinary words
# of two syllables or more
_DESCRIBED = ("บริษัท", "ศูนย์", "สำนักข่าว", "หน่วย", "สถาบัน", "นิตยสาร", "โรงพยาบาล", "สหกรณ์")
# ...but a hospital is named like a person or a place, in ordinary words (โรงพยาบาลรามคำแหง, โรงพยาบาลราชพิพัฒน์):
# only these open a description of its kind (โรงพยาบาลเอกชน, โรงพยาบาลจิตเวช, โรงพยาบาลส่งเสริมสุขภาพตำบล),
# unless its province follows (โรงพยาบาลมะเร็งชลบุรี)
_IN_THAILAND, _IN_THAILAND_HEADS = "ในประเทศไทย", ("สมาคม", "มูลนิธิ")
_HOSPITAL_HEAD = "โรงพยาบาล"
_HOSPITAL_KINDS = frozenset(
    "เอกชน รัฐ รัฐบาล ของรัฐ จิตเวช สนาม ทหาร ฉุกเฉิน ชุมชน ส่งเสริม ส่งเสริมสุขภาพ ขนาด ขนาดกลาง ขนาดใหญ่ "
    "ขนาดเล็ก ประจำ ทั่วไป ศูนย์ เด็ก สัตว์ มหาวิทยาลัย คู่สัญญา เครือข่าย ปลายทาง ต้นทาง แม่ข่าย ลูกข่าย "
    "เฉพาะทาง ท้องถิ่น ประจำจังหวัด ประจำอำเภอ นานาชาติ ระดับ มะเร็ง".split())
# ...and as its words are ordinary, its name also ends at what is said of it: a verb (โรงพยาบาลรักษาผู้ป่วย),
# a word opening with อยู่, เมื่อ, เป็น or ที่ (…อยู่รอด, …เมื่อคืน, …เป็นการด่วน; ที่ทำการ is one
# dictionary word), when (…ช่วงเช้านี้, …ครั้งนี้) or ชื่อ
_AFTER_HOSPITAL = frozenset("ชื่อ ช่วง ช่วงเช้า ช่วงบ่าย ครั้ง ครั้งนี้ ฉีด ฉีดยา".split())
_BEFORE_HOSPITAL_END = ("อยู่", "เมื่อ", "เป็น", "ที่")


def _ends_hospital_name(word: str) -> bool:
    """(a one-syllable verb may be a piece of a transliterated name: โรงพยาบาลซานโต โทมัส)"""
    return word in _AFTER_HOSPITAL or word.startswith(_BEFORE_HOSPITAL_END) \
        or (_a_verb(word) and len(cut_syllables(word)) >= 2)
# committees are named by their task: คณะกรรมการจัดทำยุทธศาสตร์ชาติ
_COMMITTEES = ("คณะกรรมาธิการ", "คณะกรรมการ", "คณะอนุกรรมาธิการ", "คณะอนุกรรมการ", "อนุกรรมาธิการ", "อนุกรรมการ",
               "กรรมาธิการ")
# a committee written without คณะ where a member's title names it (โฆษกกรรมาธิการวิสามัญ…, ประธานอนุกรรมการด้าน…)
# is named with it, when what follows reads as a committee's name (otherwise it is mostly members doing
# something: กรรมาธิการสงวนความเห็น)
_WITHOUT_KANA = frozenset({"อนุกรรมาธิการ", "อนุกรรมการ", "กรรมาธิการ"})
_COMMITTEE_FIRST_WORDS = frozenset("วิสามัญ สามัญ ด้าน การ กิจการ ขับเคลื่อน ปฏิรูป พิจารณา ยกร่าง".split())
# most names fit in 45 characters; a committee's, which says its whole task, may run to 100
# (คณะกรรมการขับเคลื่อนยุทธศาสตร์และกิจกรรมพิเศษภาคอีสาน)
_LONGEST = 45
_LONGEST_COMMITTEE = 100
# a court followed by a country (ศาลสหรัฐ) is that country's courts in general, not one named court
_GENERAL_BY_COUNTRY = ("ศาล",)
_TASK_WORDS = frozenset({"จัดทำ"})
_ACT_IN_BRACKETS = re.compile(r"\s?\(พ\.ร\.[บกป]\.\)\s?")
# a head must not sit inside a syllable: no leading vowel before it, no vowel or mark after it
_HEAD_RUN = re.compile("(?<![\u0e40-\u0e44])(?P<head>" + "|".join(_DISCOVERY_HEADS)
                       + r")(?![\u0e30-\u0e3a\u0e45\u0e47-\u0e4e])(?:\s?[\"“”])?(?P<rest>(?:\s?พ\.ร\.[บกป]\.|\s?\(พ\.ร\.[บกป]\.\)\s?|[\u0e01-\u0e4e0-9])+(?:-[\u0e01-\u0e4e]+)*)")
# (a committee's task may name an act by its dotted abbreviation: …พิจารณาร่างพ.ร.บ.ประกอบรัฐธรรมนูญ…, or
# give it in brackets: …ประกอบรัฐธรรมนูญ (พ.ร.ป.)ว่าด้วย…, left out of the name;
# hyphenated pieces are checked by _across_hyphens)
# one more space-separated piece of a transliterated name (โรงพยาบาลเด็กรอยัล แมนเชสเตอร์, สำนักงานปกครอง
# เขตออเรนจ์ เคาน์ตี): Thai spelling of foreign names marks silent letters with the thanthakhat (์)
_NEXT_PIECE = re.compile(r"[ \u00a0](?P<piece>[\u0e01-\u0e4e]{2,20})(?=[\s\"“”,.()]|$)")
# bodies whose name is mostly used for the building: "ที่รัฐสภา" is a place
_VENUES = frozenset({"รัฐสภา", "ทำเนียบรัฐบาล", "ทำเนียบขาว"})
# a body's name after ระบบ is a kind of system (ระบบรัฐสภา "parliamentary system"), not the body
_KIND_OF = ("ระบบ",)
# a bloc named after ภูมิภาค or ระดับ is a region or a level (ในภูมิภาคอาเซียน, ในเวทีระดับอาเซียน), not the body
_BLOCS = frozenset({"อาเซียน"})
_REGION_OF = ("ภูมิภาค", "ระดับ")
# a reporter's dateline names where the report came from (ผู้สื่อข่าวรายงานจากกระทรวงการต่างประเทศ), a place;
# a report from a body (อ้างรายงานจากองค์การอนามัยโลก, รายงานข่าวจากกระทรวง...) names its source
_REPORTED_FROM = "ผู้สื่อข่าวรายงานจาก"
# Thai entertainment news names a star "nickname-first name surname" (ฟีฟ่า-เปรมอนันต์ ศรีพานิช): a curated name
# written so is the star's nickname throughout the article (not when a known name follows: ทีโอที-ดีแทค)
_NICKNAMED = re.compile(r"(?<![\u0e01-\u0e4e])(?P<nick>[\u0e01-\u0e4e]{2,20})"
                        r"-(?P<first>[\u0e01-\u0e4e]{2,20}) [\u0e01-\u0e4e]{2,}")
# a television channel after ทาง is where a programme airs (ละคร "มายา" ทางช่อง 7 สี), a medium, not a body that
# acts; after กับ, ของ or จาก, ทาง is "the side of" (หมดสัญญากับทางช่อง 3: the station as a party)
_CHANNELS = frozenset({"ช่อง 3", "ช่อง 7", "สถานีวิทยุโทรทัศน์กองทัพบก", "ช่องวัน", "เวิร์คพอยท์", "จีเอ็มเอ็มทีวี",
                       "ไทยพีบีเอส", "สถานีวิทยุโทรทัศน์แห่งประเทศไทย", "ช่อง 8", "ทรูโฟร์ยู", "ไทยรัฐทีวี",
                       "พีพีทีวี"})
_AIRS_ON = re.compile(r"(?<!กับ)(?<!ของ)(?<!จาก)ทาง\s?$")
# a service's commander named in full names the service (ผู้บัญชาการทหารอากาศ: the air force), as an abbreviated
# title (ผบ.ทอ.) alone does not
_COMMANDER = re.compile(r"ผู้บัญชาการทหาร(?P<service>บก|เรือ|อากาศ)")
_AT = ("ที่", "ณ", "จาก", "อาคาร", "หน้า", "ห้อง", "ลาน", "พิพิธภัณฑ์", "สโมสร", "หอประชุม", "บริเวณ")
# in front of, around, near a body's building, or in its police station's area: a place (ลอยหน้า: the
# cut of สะพานลอยหน้า…, "the footbridge in front of"; หัวหน้าพรรค, ความคืบหน้า… are no such words)
_NEAR_PLACE = frozenset({"หน้า", "ด้านหน้า", "มุ่งหน้า", "ลอยหน้า", "บริเวณ", "บริเวณหน้า", "ใกล้", "ใกล้กับ",
                         "ท้องที่", "ในท้องที่",
                         # traffic reports: before reaching, opposite, diagonally opposite a landmark
                         "ก่อนถึง", "ตรงข้าม", "ฝั่งตรงข้าม", "เยื้อง",
                         # a body's hall, meeting room or building: ณ หอประชุมโรงเรียน…, ที่ตึก… โรงพยาบาล…
                         "หอประชุม", "ห้องประชุม", "อาคาร", "ตึก"})


# a floor of a body's building, or a building, hall or room named before it: ณ ห้องประชุม 1 ชั้น 19
# กระทรวงวัฒนธรรม, ชั้น 4 สำนักงานปลัดกระทรวงการคลัง, ที่ตึกประชารัฐ โรงพยาบาลนราธิวาสราชนครินทร์
_FLOOR = re.compile(r"(?:ชั้น\s?[0-9๐-๙]{1,3}"
                    r"|(?:ตึก|อาคาร|หอประชุม|ห้องประชุม)[\u0e01-\u0e4e0-9]{1,30}(?:\s[0-9]{1,3})?)\s?$")


def _near_place(text: str, at: int) -> bool:
    """Is ``at`` just after in front of, around or near (a body's building: a place), or a floor or a named
    building of it?
    (ก่อนถึง, "before reaching", may be cut ก่อน + ถึง)"""
    return word_before(text, at) in _NEAR_PLACE or text.endswith("ก่อนถึง", 0, at) \
        or _FLOOR.search(text, max(0, at - 40), at) is not None


_IN_VENUE = _AT + ("ใน",)  # กราดยิงในรัฐสภาอิหร่าน: in the building
# a city's administration named where the city is meant: ศาลแขวงทั่ว กทม., 50 เขตของ กทม.
_CITY_BODIES = frozenset({"กรุงเทพมหานคร"})
# ...and the city with its surroundings is a place: กรุงเทพมหานครและปริมณฑล
# ...and its inner or outer districts: กรุงเทพมหานครชั้นใน
_CITY_PARTS = ("ชั้นใน", "ชั้นนอก")
_AND_SURROUNDINGS = re.compile(r"\s?(?:และ)?\s?ปริมณฑล")
_IN_PLACE = ("ทั่ว", "รอบ", "ใน", "ของ", "จาก", "ที่", "ณ", "พื้นที่", "สู่")
# ...as is the city after a district of it (เขตบางขุนเทียน กทม.; not its district office, สำนักงานเขตดุสิต
# กทม.) or after a number (a plate: 1510 กทม.)
_PLACE_BEFORE = re.compile(r"(?:(?<!สำนักงาน)(?<!สำนัก)(?:เขต|แขวง)[\u0e01-\u0e4e]+|[0-9])\s?$")
# bodies every country has: in a story datelined abroad, a bare คณะรัฐมนตรี is that country's
# cabinet, a generic mention like รัฐบาล, not the Thai cabinet; so are its highway, marine and
# tourist, metropolitan and traffic police (โฆษกตำรวจทางหลวง in a story from Japan, London's ผู้บัญชาการ
# ตำรวจนครบาล)
_EVERY_COUNTRY = frozenset({"คณะรัฐมนตรี", "กองบังคับการตำรวจทางหลวง", "กองบังคับการตำรวจน้ำ",
                            "กองบังคับการตำรวจท่องเที่ยว", "กองบัญชาการตำรวจนครบาล", "กองบังคับการตำรวจจราจร"})
# (a reporter's รายงานว่า followed by a foreign president's name is no dateline: a news agency's is)
_DATELINE = re.compile(r"(?:รายงาน(?:ข่าว)?จาก|สำนักข่าว\S{0,30}รายงาน(?:ข่าว)?(?:ว่า)?)\s?(?P<place>[^\n]{0,60})")
# companies by their legal form (บริษัท ช ทวี จำกัด (มหาชน)) or by a Latin name (บริษัท FORMOSA HEAVY ...)
_PIECE = r"(?:(?!บริษัท|จำกัด|[0-9]+\.)[^\s()\n,\"“”]){1,40}"
# (with a country's branch: บริษัท เอ็กซ์ (ประเทศไทย) จำกัด)
_COMPANY = re.compile(rf"บริษัท\s?(?P<name>{_PIECE}(?:\s{_PIECE}){{0,5}}?)"
                      r"(?:\s?\(\s?(?P<branch>ประเทศไทย|Thailand)\s?\))?"
                      r"\s?จำกัด(?P<public>\s?\(มหาชน\))?")
# a public company by its abbreviated legal form (บมจ.ไทยออยล์, บมจ. แลนด์ แอนด์ เฮ้าส์): the name up to a
# space, or up to its ticker in brackets (บมจ.ไทยฟู้ดส์ กรุ๊ป (TFG)); another บมจ. starts another
_PUBLIC_COMPANY = re.compile(r"บมจ\.\s?(?P<name>(?:(?!บมจ\.)[^\s()\n,\"“”]){2,40})"
                             r"(?P<ticker>(?:\s(?:(?!บมจ\.)[^\s()\n,\"“”]){2,20}){0,2}\s?\([A-Z0-9]{2,8}\))?")
# a company named after บริษัท and a space without its legal form (บริษัท โช คอสเมติกส์, บริษัท มาสด้า เซลส์):
# a foreign name's Thai spelling (_foreign_name) and its further pieces
# (not an abbreviation, บริษัท ปตท.สผ.: the curated names find those)
_SPACED_COMPANY = re.compile(r"บริษัท[ \u00a0](?P<name>[\u0e01-\u0e4e]{2,40})(?![\u0e01-\u0e4e.])")
# a registered cooperative: สหกรณ์การเกษตรเขาคิชฌกูฏ จำกัด, named without จำกัด as it is elsewhere (one piece:
# สหกรณ์ ได้อนุมัติ… ให้กับสหกรณ์โคนมสอยดาว จำกัด names the second)
_COOPERATIVE = re.compile(r"สหกรณ์(?P<name>[\u0e01-\u0e4e0-9\-–]{2,60})\s?จำกัด")
# ...and other bodies introduced by a Thai head and their Latin name (องค์การ World Skills International)
# (ค่าย, "camp", is a company or label in business and entertainment news: ค่าย Zynga, ค่ายBoxx Music,
# ค่าย “ME Records ...”)
_COMPANY_LATIN = re.compile(r"(?:บริษัท|องค์การ|องค์กร|มูลนิธิ|สถาบัน|สมาคม|มหาวิทยาลัย|ค่าย(?:เพลง|หนัง)?)\s*[“\"]?"
                            r"(?P<name>[A-Z][A-Za-z0-9&.'’\-]*(?:\s+(?:(?:of|for|and|the|on|in)\s+)?"
                            r"[A-Z0-9][A-Za-z0-9&.'’\-]*){0,8})")
_STOP_WORDS = frozenset(
    "ได้ ได้รับ ว่า ที่ ซึ่ง และ หรือ โดย เพื่อ จะ ก็ ยัง คง ของ ใน กับ ให้ จาก เป็น มี ไม่ รายงาน กล่าว แถลง "
    "เปิดเผย ออก ประกาศ วินิจฉัย ทุก อนุมัติ เมื่อ ต่อ ร่วม เผย ระบุ ชี้ ยืนยัน ส่ง นำ เข้า แล้ว นี้ ดังกล่าว ด้วย "
    "ทั้ง เพียง แห่งนี้ สั่ง พิพากษา จัด มอบ ขอ เตรียม ถึง ตาม แต่ กำลัง อยู่ ไป มา ทำ หา ดู เคย ต้อง ควร อาจ "
    "ทั่ว เช่น รวม คือ อีก หลาย เผยแพร่ เข้าร่วม จัดทำ นำร่อง ภายใต้ ยื่น รอบ ใกล้ ระหว่าง สำหรับ แก่ ภายใน "
    "ตั้ง ใช้ ก็ตาม ประจำปี สอบ ฆ่า ตัดสิน อย่าง อัน ให้เหตุผล ให้สัมภาษณ์ ให้ข่าว ตั้งแต่ "
    "แทน ออกคำสั่ง กล่าวว่า พร้อมด้วย สังกัด ในสังกัด "
    # which one, not a name: พรรคนั้น, พรรคเรา, กรมหนึ่ง, คณะอนุกรรมการแต่ละชุด, สายการบินที่จะใช้บริการ
    "นั้น อย่างนั้น โดยด่วน เรา เดียว หนึ่ง แห่งหนึ่ง ไหน แต่ละ ทั้งหมด เหมือน เหมือนเดิม ที่จะ หลังจาก หลังจากที่ ประมาณ "
    # what it did or may do: พรรคจึงเชื่อ, คณะกรรมการสรรหาสามารถ..., สมาคมบอกว่า
    "จึง กว่า สามารถ เข้ามา ไว้ บอก บอกว่า ในอนาคต แต่ละคน ในประเทศ ที่อยู่ มีมติ "
    # how big or how many, not a name: สำนักข่าวยักษ์ใหญ่, สำนักงานชลประทานทุกแห่ง, คณะกรรมการบางราย
    "ยักษ์ ยักษ์ใหญ่ ชื่อดัง ทุกแห่ง บางราย ปี ปีละ ทราบ ก่อน เกี่ยวกับ ครับ เช่นเดียวกับ มากกว่า ใด จน เพื่อให้ "
    # only: ภายในมหาวิทยาลัยเท่านั้น
    "เท่านั้น".split())
_LONG_STOP_WORDS = tuple(w for w in _STOP_WORDS if len(w) >= 3)
# function words the part-of-speech lexicons know that can still be part of a name: the prefix นัก
# (สมาคมนักข่าว...), หน่วยเฉพาะกิจ "task force"; and pieces of names the word cut breaks off (คลองจั่น
# cut ค + ลอง + จั่น, แอริโซน่า ending in น่า)
_IN_NAMES_TOO = frozenset({"นัก", "เฉพาะกิจ", "ลอง", "น่า"})
# ORCHID tags of adverbs, auxiliaries, negation and sentence endings; UD tags of auxiliaries and particles
_FUNCTION_TAGS = frozenset("ADVN ADVI ADVP ADVS XVBM XVAE XVAM XVMM XVBB NEG EITT AUX PART".split())
# ORCHID's attributive verbs and UD's adjectives: one of them alone after a head describes a body
_ADJECTIVE_TAGS = frozenset({"VATT", "ADJ"})
# ORCHID's and UD's nouns, common and proper: what เพื่อ can be "for" inside a name (_for_a_noun)
_NOUN_TAGS = frozenset({"NCMN", "NOUN", "NPRP", "PROPN"})
_PROPER_TAGS = frozenset({"NPRP", "PROPN"})
# verbs news writes right after the body that acts (สำนักงานอุตุนิยมวิทยาแจ้ง, ศาลปกครองเห็น, กรมชลฯเตือน);
# a committee is named by its task, so one may open its name (คณะกรรมการพิจารณาร่าง..., also after its kind:
# คณะกรรมาธิการวิสามัญพิจารณา...) but not follow the task (คณะกรรมการการแพทย์กำหนด)
_AFTER_ACT_GOES_ON = frozenset("วิสามัญ สามัญ ร่วม และ".split())  # a committee's kind; ป้องกันและปราบปราม
# after its kind, a committee's task opens with พิจารณา (คณะกรรมาธิการวิสามัญพิจารณาร่าง...); another act is
# what the committee did (คณะกรรมาธิการวิสามัญปรับแก้ให้...)
_KINDS = frozenset("วิสามัญ สามัญ ร่วม".split())
_TASK_ACT = "พิจารณา"
_ACTS = frozenset("แจ้ง บุก พิจารณา เห็น เตือน ตกลง นัด ชนะ กำหนด ลงคะแนน หาเสียง เชื่อ โดน ฟ้อง รับฟ้อง "
                  "ออกหมาย ทุ่ม หวัง ครบ ทำหน้าที่ สูญเสีย แตกแยก ตกเป็น จัดลำดับ ดูแล รับ กำหนดให้ ตัดสินใจ "
                  "เสีย ตำหนิ ดำเนินการ หยุด พิจารณาคดี ไต่สวน ประจำการ ลง ลงพื้นที่ เร่ง แนะนำ พยายาม เปิดทาง ทำหนังสือ ขออนุมัติ พร้อมด้วย "
                  "ปรับแก้ ปรับ".split())
_GENERIC_TAILS = frozenset(
    "การเมือง รัฐ เอกชน ฝ่ายค้าน การศึกษา ต่างประเทศ ต่าง ใหญ่ กลาง ท้องถิ่น จังหวัด อำเภอ ทั่วประเทศ ใหม่ "
    "แห่งชาติ ดัง ทุก เขต ภาค แห่ง อื่น ท้องที่ ชุด ย่อย ใด "
    # kinds of forces, cooperatives and committees: กองกำลังติดอาวุธ, สหกรณ์การเกษตร, คณะกรรมการสรรหา
    "ติดอาวุธ พันธมิตร กบฏ ผสม การเกษตร ออมทรัพย์ สรรหา การ ชาติ".split())

# how alike a name written with a known abbreviation must be to that organization's name (_misspelt)
_MISSPELT = 0.95
# "is a ...": what follows เป็น describes something (ซึ่งเป็นศาลชั้นต้น), unless a renaming gives the
# new name (เปลี่ยนชื่อใหม่แล้ว เป็น…, แปรสภาพเป็น…) or the name is introduced with its short form after it
_IS_A, _RENAMED = re.compile(r"เป็น\s?$"), re.compile("ชื่อ|สภาพ")
_INTRODUCED = re.compile(r"\s?(?:\(|หรือ\s)")
# a committee's house: …ของวุฒิสภา, …ของสภาผู้แทนราษฎร (a country may follow)
_OF_HOUSE = re.compile(r"\s?ของ\s?(?:วุฒิสภา|สภาผู้แทนราษฎร|รัฐสภา|สภานิติบัญญัติแห่งชาติ)(?:สหรัฐ(?:อเมริกา)?)?")
# what ad hoc committees are set up to do, with nothing more that names one: คณะกรรมการตรวจสอบข้อเท็จจริง
_GENERIC_TASKS = frozenset("ตรวจสอบ สอบสวน สืบสวน สอบ ข้อเท็จจริง ติดตาม ประเมินผล ที่ปรึกษา กฎหมาย เตรียมการ ศึกษา กำกับ "
                           "ขับเคลื่อน รัฐมนตรี บริหาร ดำเนินงาน".split())
# after a name: every such body, a class (สำนักงานชลประทานทุกแห่ง)
_EVERY = frozenset({"ทุก", "ทุกแห่ง"})
# ...or several of them: คณะกรรมการด้านกฎหมายหลายคณะ, สำนักงานที่ดินหลายแห่ง
_SEVERAL = "หลาย"
_COUNTERS = ("คณะ", "แห่ง", "ชุด", "หน่วย")  # หลายคณะ, and หลายคณะทำงาน as it is cut
# a Thai abbreviation: consonants only (คสช, กกต)
_CONSONANTS = re.compile("[\u0e01-\u0e2e]{2,6}")
# a name ending in an administrative level with no place after it names a class of
# bodies (สำนักงานจัดหางานจังหวัด: "the provincial employment offices"), not one body
_CLASS_ENDINGS = frozenset("จังหวัด อำเภอ ตำบล เขต แขวง ภาค ประจำภาค".split())
# an education area office named without its province and number (สำนักงานเขตพื้นที่การศึกษาประถมศึกษา (สพป.)
# จำนวน 10 เขต) is a class too
_AREA_OFFICE = "เขตพื้นที่"
_AREA_LEVELS = frozenset("การศึกษา ประถมศึกษา มัธยมศึกษา".split())


@lru_cache(maxsize=1)
def _word_tags() -> dict[str, frozenset[str]]:
    """Thai words and their parts of speech by PyThaiNLP's unigram taggers (trained on the ORCHID
    corpus and on the Parallel Universal Dependencies treebank; models CC-BY-4.0 by the PyThaiNLP
    project, read from its data folder): each word's commonest tag in each, ORCHID's and UD's together."""
    from ..config import pythainlp_file

    tags: dict[str, set[str]] = {}
    for name in ("pos_orchid_unigram.json", "pos_ud_unigram-v0.2.json"):
        for word, tag in json.loads(pythainlp_file(name).read_text("utf-8-sig")).items():
            if word and all("\u0e01" <= c <= "\u0e4e" for c in word):
                tags.setdefault(word, set()).add(tag)
    return {word: frozenset(found) for word, found in tags.items()}


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """The curated stop words and the function words of the part-of-speech lexicons (_word_tags): words
    tagged as an adverb, auxiliary, negation or particle, of three letters or more: a name ends before
    one (คณะกรรมการขึ้น, มหาวิทยาลัยเรียบร้อย, กระทรวงอุดมศึกษาเสร็จ). Words some curated organization's
    Thai name uses (ทรง, สาธารณะ), province names (เลย) and _IN_NAMES_TOO are not among them."""
    tagged = {w for w, tags in _word_tags().items() if tags & _FUNCTION_TAGS and len(w) >= 3}
    in_names = {w for org in registry().organizations for alias in (org.name,) + org.thai for w in cut_words(alias)}
    return _STOP_WORDS | frozenset(tagged - in_names - _provinces() - _IN_NAMES_TOO)


def _until_stop_word(run: str, also: frozenset[str] = frozenset()) -> str:
    """The words of an unspaced Thai ``run`` before the first one that cannot be part of a name
    (a stop word, or one of ``also``)."""
    words = cut_words(run)
    stop = _stop_words()
    return "".join(words[:next((i for i, w in enumerate(words) if w in stop or w in also), len(words))])


def _starts_word(text: str, start: int, head: str) -> bool:
    """Does the head at ``start`` begin a word where it is written, rather than sit inside one?"""
    return word_edge(text, start, end=start + len(head) + 12)


def _discovered(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of the names that start with a head word."""
    found: list[tuple[int, int, str]] = []
    lands = countries()
    at = 0
    while m := _HEAD_RUN.search(text, at):
        # the run after a head may hold the next name (สำนักงานสืบสวนแห่งชาติรับแจ้งมาจากทางคณะกรรมการ...):
        # the search goes on from where this name ends, or just after its head when it is no name
        at = m.start("rest")
        head, rest = m.group("head"), m.group("rest")
        if "-" in rest:
            rest = _across_hyphens(rest)
        if rest[:1].isdigit():
            continue  # 1พรรค 2 แนวคิด: a count of bodies, no name (units by number are found apart: _UNIT)
        if rest.startswith("ฯ"):
            continue  # กรมฯ, กรรมาธิการฯ: the body named before (or its members), whatever follows
        if head in _WORD_HEADS and rest.startswith(_NOT_AFTER_WORD_HEAD):
            continue  # หน่วยงาน "agency"
        if rest.startswith(_NOT_AFTER_HEAD.get(head, ())):
            continue  # ศูนย์กลาง "hub", กองกำลังทหาร "troops"
        if rest.startswith(head):
            continue  # โรงเรียนโรงเรียนรักไทย…: the head written twice; the name starts at the second
        if not _starts_word(text, m.start(), head) and not (head.startswith(_LOCAL_ADMINISTRATION)
                                                              and text.endswith(_TITLE_GLUED, 0, m.start())):
            continue  # กรม inside ทรัพยากรมนุษย์
        letters = spelled_prefix(rest)
        if len(spelled_letters(letters) or "") >= 2 and len(letters) < len(rest) \
                and is_word(cut_words(rest[len(letters):])[0]):
            rest = letters  # พรรคซีเอ็นอาร์พีมั่นคง: the party's acronym, then a word about it
        run = cut_words(rest)
        kept: list[str] = []
        for i, word in enumerate(run):
            if word.rstrip("ๆ") in _stop_words() and not (head in _COMMITTEES and word in _TASK_WORDS) \
                    and not (word == "และ" and kept and head not in _DESCRIPTORS and _joins_name(run[i + 1:])) \
                    and not (word == "เพื่อ" and kept and _for_a_noun(run[i + 1:i + 2])):
                break
            if head == _HOSPITAL_HEAD and _ends_hospital_name(word):
                break
            if word in _ACTS and (head not in _COMMITTEES or kept) and not (
                    kept and kept[-1] in _AFTER_ACT_GOES_ON and (kept[-1] not in _KINDS or word == _TASK_ACT)):
                break
            kept.append(word)
        if kept and kept[-1] in _ACTS:
            kept.pop()  # คณะกรรมาธิการวิสามัญพิจารณาเสร็จแล้ว: a task with nothing to do is the committee's act
        tail = "".join(kept).rstrip("ฯๆ ")
        words = [w.rstrip("ฯๆ ") for w in kept if w.rstrip("ฯๆ ")]
        if len(tail) < 3 or all(w in _GENERIC_TAILS for w in words) or "ต่าง" in words:
            continue  # ... ต่างๆ: "the various ...", a class of bodies
        after = run[len(kept):len(kept) + 2]
        if (after and after[0] in _EVERY) or words[-1] == "ทั่วประเทศ" \
                or (after[:1] == [_SEVERAL] and after[1:] and after[1].startswith(_COUNTERS)):
            continue  # สำนักงานชลประทานทุกแห่ง, ...ทั่วประเทศ, ...หลายคณะ: every such office, or several, a class
        if head == "สำนักงาน" and words[0] == "ใหญ่":
            continue  # สำนักงานใหญ่องค์การสหประชาชาติ: a body's headquarters, the body is named after it
        if len(words) == 1 and _word_tags().get(words[0], frozenset()) & _ADJECTIVE_TAGS \
                and not _of_country().match(text, m.start("rest") + len(tail)):
            continue  # คณะกรรมการพิเศษ, พรรคเก่าแก่, กระทรวงสำคัญ: a kind of body, described (unless its
            # country follows: กองกำลังความมั่นคงของอิรัก, as a unit described with its country below)
        if head in _COMMITTEES and _CONSONANTS.fullmatch(tail.rstrip(".")) \
                and (registry().get(tail.rstrip(".")) or registry().get(tail.rstrip(".") + ".")):
            continue  # คณะกรรมการกกต.: the commission by its abbreviation, which the curated data names
        if head in _COMMITTEES and all(w in _GENERIC_TASKS or w in _GENERIC_TAILS for w in words):
            continue  # คณะกรรมการตรวจสอบข้อเท็จจริง, คณะอนุกรรมการสอบสวน: a committee of a kind, set up for the case
        if head == "พรรค" and words[0] in _NOT_A_PARTY:
            continue  # พรรคการเมืองใหญ่, พรรครัฐบาล, พรรคฝ่ายค้านกัมพูชา: a kind of party, not its name
        if head == _BUREAU and not (words[0] in _BUREAU_FIRST_WORDS
                                    or (is_word(words[0]) and len(cut_syllables(words[0])) >= 2)):
            continue
        if head in _WITHOUT_KANA and (len(words) == 1 or words[0] not in _COMMITTEE_FIRST_WORDS
                                      or registry().canonical("".join(words))):
            continue  # กรรมาธิการวิสามัญ, อนุกรรมการเบื้องต้น: a member, or a committee of a kind;
            # กรรมาธิการสภานิติบัญญัติแห่งชาติ: the house's members
        if head in _WORD_HEADS and len(words) == 1:
            continue  # หน่วยทหาร "a military unit", หน่วยราชการ "a government office"
        number = _NUMBER.match(text, m.start("rest") + len(tail)) if words[-1] in _NUMBERED else None
        ordinal = None
        if number is None and head in _ORDINAL_OFFICES:
            number = ordinal = _ORDINAL_NUMBER.match(text, m.start("rest") + len(tail))
        if number:  # สถานีโทรทัศน์ช่อง 5, สำนักงานเขต 1: one body, not a class
            tail = text[m.start("rest"):number.end()]
        elif words[-1] in _CLASS_ENDINGS or (_AREA_OFFICE in tail and words[-1] in _AREA_LEVELS) \
                or len(head) + len(tail) > (
                _LONGEST_COMMITTEE if head in _COMMITTEES else _LONGEST):
            continue
        if head in _GENERAL_BY_COUNTRY and rest.startswith(lands):
            continue
        whole_run = not number and len(kept) == len(run)
        end = m.start("rest") + len(tail)
        firm = head == "บริษัท" and words[0] in _GLUED_KINDS
        if whole_run:
            # บริษัทหลักทรัพย์ ทรีนีตี้: a securities firm's name may follow its kind after a space
            end = _transliterated_pieces(text, end, _spelled_out(tail, words) or (firm and len(words) == 1))
        # a description is no name, unless a transliterated name goes on after it (โรงพยาบาลเด็กรอยัล
        # แมนเชสเตอร์) or it is a unit described with its country (หน่วยลาดตระเวนชายแดนของลาว); a company
        # described with one is still no name (บริษัทจัดหางานไต้หวัน); after a securities or asset-management
        # firm's kind comes its name (บริษัทหลักทรัพย์กสิกรไทย); a centre of a kind with its province is that
        # province's one (_provincial_centre)
        if head in _DESCRIBED and not number and end == m.start("rest") + len(tail) and _described(words) \
                and not (firm and len(words) > 1) \
                and not (head == "ศูนย์" and _provincial_centre(words, text, m.start())) \
                and not (head == _HOSPITAL_HEAD and (words[0] not in _HOSPITAL_KINDS
                                                     or any(w in _provinces() for w in words))) \
                and not (head in _WORD_HEADS and (any(w in lands for w in words) or _of_country().match(text, end))):
            continue
        if head in _IN_THAILAND_HEADS and text.startswith(_IN_THAILAND, end):
            end += len(_IN_THAILAND)  # สมาคมสร้างคุณค่าในประเทศไทย: an association's name may end "in Thailand"
        # หน่วยยามฝั่งของเวียดนาม, สมาคมไต่เขาจีน-ทิเบต: the country it belongs to is part of the name
        land = _of_country().match(text, end)
        if land and land.group("land") not in text[m.start():end]:
            end = land.end()
        house = _OF_HOUSE.match(text, end) if head in _COMMITTEES else None
        if house:  # คณะกรรมาธิการด้านข่าวกรองของวุฒิสภา: the house it belongs to is part of its name
            end = house.end()
        if text[end:end + 1] == "." and text[m.start("rest"):end].endswith(words[-1]) \
                and _CONSONANTS.fullmatch(words[-1]) and not is_word(words[-1]):
            end += 1  # สำนักเลขาธิการคสช.: a name ending in an abbreviation keeps its dot
        before = text[max(0, m.start() - 25):m.start()]
        if _IS_A.search(before) and not _RENAMED.search(before) and not _INTRODUCED.match(text, end):
            at = end  # the whole description: no name inside it either (โรงเรียนทหารสถาบันหลัก)
            continue  # ซึ่งเป็นโรงเรียนขยายโอกาส, เป็นกระทรวงแห่งอนาคต: what something is, not a name
        written = text[m.start("rest"):end]
        if ordinal:  # written one way, as _ordinal_unit writes units: …ชายฝั่งที่ 2 (a country may follow it)
            written = text[m.start("rest"):ordinal.start()] + "ที่ " + ordinal.group("n") + text[ordinal.end():end]
        tail = _ACT_IN_BRACKETS.sub("", written)
        name = " ".join(tail.split()) if head in _DESCRIPTORS and tail not in lands else head + tail
        if head in _WITHOUT_KANA:
            name = "คณะ" + name
        found.append((m.start(), end, name))
        at = end
    return found


@lru_cache(maxsize=1)
def _of_country() -> re.Pattern[str]:
    lands = "|".join(re.escape(c) for c in countries())
    return re.compile(rf"(?:\s?ของ\s?|-)(?P<land>{lands})(?![\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])")


_NOT_A_PARTY = frozenset("การเมือง รัฐบาล ฝ่ายค้าน ร่วม ร่วมรัฐบาล เล็ก ใหญ่ ขนาด ต่าง ใด แกน แกนหลัก พี่น้อง "
                         "ตรงข้าม พวก รอ".split())  # พรรคตรงข้าม "the other side"; พรรคพวก "cronies", one word;
# เข้าพรรครอเลือกตั้ง "joined the party to wait for the election" (รอ ends no other name: บริษัทรอสเทค)
# units known by their number
_NUMBERED = frozenset("ช่อง กองบิน กองพล กองพัน เขต ภาค".split())
# or by an ordinal after the name: สำนักงานบริหารจัดการทรัพยากรทางทะเลและชายฝั่งที่ 2 (a regional office), not a
# count or a date after it (ที่ 2 แห่ง, …ที่ 5 ครั้ง)
_ORDINAL_OFFICES = ("สำนักงาน", "สำนัก", "ศูนย์")
_ORDINAL_NUMBER = re.compile(r"\s?ที่\s?(?P<n>[0-9]{1,3})(?![0-9.,:]|\s?(?:แห่ง|คน|ราย|ครั้ง|ปี|วัน|เดือน|ชั้น|ข้อ))")
_NUMBER = re.compile(r"\s?[0-9]{1,3}(?![0-9.,:])")
# a military unit is named by its number alone: กองบิน 4, หน่วยเฉพาะกิจ 904
# (a task force may carry its province: หน่วยเฉพาะกิจนราธิวาส 30)
_UNIT = re.compile(r"(?P<unit>กองบิน|กองพล|กองพัน|หน่วยเฉพาะกิจ(?P<province>[\u0e01-\u0e4e]{2,20})?)\s{0,2}"
                   r"(?P<number>[0-9]{1,3})(?![0-9.,:])")
# or by its kind and an ordinal number: กองพลทหารม้าที่ 2 รักษาพระองค์, มณฑลทหารบกที่ 310,
# กรมทหารราบที่ 1 มหาดเล็กรักษาพระองค์,
# หน่วยเฉพาะกิจนาวิกโยธิน ที่ 182 (the kind is one run of Thai letters, the number follows ที่)
_ORDINAL_UNIT = re.compile(
    r"(?P<unit>(?:กองพล|กองพัน|กองร้อย|กรมทหาร|มณฑลทหาร|กองเรือ|หน่วยเฉพาะกิจ|ชุดควบคุม|กองทัพภาค|ภูมิภาคทหาร)"
    r"[\u0e01-\u0e4e]{0,30}?)"
    r"\s?ที่\s?(?P<number>[0-9]{1,4})(?![0-9.,:])(?P<guard>\s?(?:มหาดเล็ก)?\s?รักษาพระองค์)?")


def _ordinal_unit(m: re.Match) -> str:
    """The unit's name written one way: หน่วยเฉพาะกิจนาวิกโยธิน ที่ 182 -> หน่วยเฉพาะกิจนาวิกโยธินที่ 182."""
    guard = "".join(m.group("guard").split()) if m.group("guard") else ""
    return f"{m.group('unit')}ที่ {m.group('number')}" + (" " + guard if guard else "")


# a police station by its abbreviation and its place: สภ.แม่สอด, สน.ลุมพินี
# ...and a province's administration by its abbreviation, only with the province (นายกอบจ.นครศรีธรรมราช; อบต.
# apart, below: headlines name a subdistrict councillor so, อบต.ขับเก๋ง…)
_STATIONS = {"สภ.": "สถานีตำรวจภูธร", "สน.": "สถานีตำรวจนครบาล", "อบจ.": "องค์การบริหารส่วนจังหวัด"}
# not inside a chain of unit codes, but after an officer's abbreviated title (ผกก.สภ.ทุ่งสง: the
# superintendent of that station; สว.สส., สวป., รองผกก.ป., สว.จร.)
# (checked by _not_in_a_code, not by lookbehinds in the pattern: a pattern opening with an alternation of them is
# tried at every position of every article; five such patterns made ingesting the Dailynews sample 1.1 s slower)
_STATION = re.compile(r"(?P<ab>สภ\.|สน\.|อบจ\.)\s?(?P<place>[\u0e01-\u0e4e]{2,30})")
_OFFICER_TITLES = ("ผกก.", "สส.", "สวป.", "สวส.", "ป.", "จร.")
# a province's police (ภ.จว.ขอนแก่น, also after its chief's title or its headquarters' code: ผบก.ภ.จว.…,
# บก.ภ.จว.…; ตำรวจภูธร จ.ราชบุรี)
_PROVINCE_POLICE = re.compile(r"(?:ภ\.จว\.|(?:กองบังคับการ)?ตำรวจภูธร\s?(?:จังหวัด|จ\.))"
                              r"\s?(?P<place>[\u0e01-\u0e4e]{2,30})")
_HEADQUARTERS_CODES = ("บก.", "สส.")
# a Rajabhat university by its abbreviation and province, or one of Bangkok's (มรภ.ศรีสะเกษ, มรภ.สวนสุนันทา)
_RAJABHAT = re.compile(r"มรภ\.\s?(?P<place>[\u0e01-\u0e4e]{2,30})")
_BANGKOK_RAJABHATS = ("สวนสุนันทา", "จันทรเกษม", "พระนคร", "บ้านสมเด็จเจ้าพระยา", "ธนบุรี")
# a police unit by its chief's full title (ผู้บัญชาการตำรวจนครบาล, รองผู้บังคับการตำรวจจราจร)
_CHIEF_OF_UNIT = re.compile(r"ผู้(?P<kind>บัญชาการ|บังคับการ)(?P<unit>ตำรวจ[\u0e01-\u0e4e]{2,30})")
# a Bangkok district's office by its director's title (ผู้อำนวยการเขตทุ่งครุ; not an education area's: เขตพื้นที่)
_DISTRICT_DIRECTOR = re.compile(r"(?:ผู้อำนวยการ|ผอ\.)\s?เขต(?!พื้นที่)(?P<place>[\u0e01-\u0e4e]{2,20})")
# a subdistrict administration by its abbreviation after its president's or clerk's title or ทาง (นายก อบต.สาริกา,
# ทาง อบต.สาริกา; a headline's อบต. alone is often a councillor: อบต.ขับเก๋ง…)
_SUBDISTRICT = re.compile(r"(?P<ab>อบต\.)\s?(?P<place>[\u0e01-\u0e4e]{2,30})")
_SUBDISTRICT_TITLES = re.compile("(?:" + "|".join(_TITLE_GLUED + ("ทาง", "สมาชิก")) + r")\s?$")
# a ministry's office in a province, by its agency and province, with or without สำนักงาน (สาธารณสุขจังหวัดพังงา,
# อุตสาหกรรมจังหวัดนครนายก, ผู้อำนวยการท่องเที่ยวและกีฬา จ.กระบี่) or by its abbreviation (ศธจ.เชียงใหม่)
_PROVINCIAL_AGENCIES = {a: a for a in (
    "สาธารณสุข", "อุตสาหกรรม", "พาณิชย์", "เกษตรและสหกรณ์", "เกษตร", "สหกรณ์", "ตรวจบัญชีสหกรณ์", "ปศุสัตว์", "ประมง",
    "แรงงาน", "จัดหางาน", "สวัสดิการและคุ้มครองแรงงาน", "ศึกษาธิการ", "คลัง", "การท่องเที่ยวและกีฬา",
    "ท่องเที่ยวและกีฬา",
    "พัฒนาสังคมและความมั่นคงของมนุษย์", "ทรัพยากรธรรมชาติและสิ่งแวดล้อม", "พลังงาน", "วัฒนธรรม", "ยุติธรรม",
    "โยธาธิการและผังเมือง", "ป้องกันและบรรเทาสาธารณภัย", "ที่ดิน", "สถิติ", "ขนส่ง", "พัฒนาชุมชน",
    "ส่งเสริมการปกครองท้องถิ่น", "ท้องถิ่น", "ประชาสัมพันธ์", "พระพุทธศาสนา", "อัยการ", "สรรพสามิต")}
# named officially (สำนักงานการท่องเที่ยวและกีฬาจังหวัด…) however written
_PROVINCIAL_AGENCIES.update({"ท้องถิ่น": "ส่งเสริมการปกครองท้องถิ่น", "ท่องเที่ยวและกีฬา": "การท่องเที่ยวและกีฬา"})
_PROVINCIAL_AGENCIES.update({"ศธจ.": "ศึกษาธิการ", "สสจ.": "สาธารณสุข"})
# ...these only after สำนักงาน: written bare they are also the province's culture, land, labour, cooperatives...
_OFFICE_NEEDED = frozenset({"วัฒนธรรม", "สถิติ", "ที่ดิน", "แรงงาน", "ประมง", "สหกรณ์", "ตรวจบัญชีสหกรณ์", "สรรพสามิต"})
# found from the province word back to the agency (an alternation of 33 agencies opening a pattern is tried
# at every position of every article)
_PROVINCE_WORD = re.compile(r"(?:(?P<ab>ศธจ\.|สสจ\.)|\s?(?:จังหวัด|จ\.))\s?(?P<place>[\u0e01-\u0e4e]{2,30})")
# a district's agriculture, livestock or health officer by title names the district's office (นายระนอง
# เกษตรอำเภอพุนพิน: the title after a name, not สินค้าเกษตรอำเภอ…)
_DISTRICT_OFFICER = re.compile(r"(?<![\u0e01-\u0e4e])(?P<agency>เกษตร|ปศุสัตว์|สาธารณสุข)อำเภอ"
                               r"(?P<place>[\u0e01-\u0e4e]{2,30})")
_AGENCIES_LONGEST_FIRST = sorted((a for a in _PROVINCIAL_AGENCIES if not a.endswith(".")), key=len, reverse=True)
# a prison or correctional institution by its kind and province, without จังหวัด (เรือนจำกลางขอนแก่น,
# เรือนจำกลางจังหวัดนครศรีธรรมราช, ทัณฑสถานบำบัดพิเศษกลาง, เรือนจำพิเศษกรุงเทพฯ)
_PRISON = re.compile(r"(?P<kind>เรือนจำ(?:กลาง|พิเศษ|จังหวัด|อำเภอ)?|ทัณฑสถาน(?:บำบัดพิเศษ|หญิง|วัยหนุ่ม|เปิด)?)"
                     r"(?:\s?(?:จังหวัด|จ\.))?\s?(?P<place>[\u0e01-\u0e4e]{2,30})")
_BANGKOK_PRISONS = ("คลองเปรม", "บางขวาง", "กรุงเทพมหานคร", "กรุงเทพฯ", "กรุงเทพ")


def _not_in_a_code(text: str, start: int, titles: tuple[str, ...]) -> bool:
    """Does an abbreviation at ``start`` stand on its own, or after one of ``titles`` (ผกก.สภ.ไทรโยค), rather
    than inside a chain of unit codes (…บก.อก.บช.ส.)?"""
    return start == 0 or text[start - 1] != "." or text.endswith(titles, 0, start)


def _province_at(run: str, also: tuple[str, ...] = ()) -> str | None:
    """The province name, or one of the places ``also`` lists, that ``run`` begins with (the longest), or None."""
    return max((p for p in (*_provinces(), *also) if run.startswith(p)), key=len, default=None)


# a hospital by its abbreviation (not รพ.สต., a subdistrict health centre)
_HOSPITAL = re.compile(r"รพ\.(?!สต\.)(?P<word>[\u0e01-\u0e4e][\u0e01-\u0e4e0-9.]*)")
_VERB_TAGS = frozenset({"VERB", "VACT", "VSTA"})


def _a_verb(word: str) -> bool:
    """Is ``word`` tagged a verb and never a noun (ดับ "died", แห่ "flock"; not a name's word)?"""
    tags = _word_tags().get(word, frozenset())
    return bool(tags & _VERB_TAGS) and not tags & _NOUN_TAGS


def _before_a_verb(words: list[str]) -> str:
    """The words before the first verb, joined: a headline's verb may follow a name unspaced (รพ.ราชวิถีดับ)."""
    return "".join(words[:next((i for i, w in enumerate(words) if _a_verb(w)), len(words))])


# a station's name is its place's: สน.บางพลัดลงพื้นที่ "went out to the scene"
_NOT_IN_STATIONS = frozenset({"ลง", "พื้นที่"})  # (สน.พื้นที่: "the local station", none named)
# สภ.เมือง จ.กำแพงเพชร: the station of a province's main district goes by its province
_MAIN_DISTRICT_OF = re.compile(r"\s?(?:จ\.|จังหวัด)\s?(?P<province>[\u0e01-\u0e4e]{2,30})")


@lru_cache(maxsize=1)
def _police_pattern() -> re.Pattern[str]:
    """A named place's police: ตำรวจนครบาลลอนดอน, ตำรวจฝรั่งเศส, ตำรวจท้องถิ่นกรุงเคียฟ, ตำรวจรัฐเพนซิลเวเนีย."""
    lands = "|".join(re.escape(c) for c in countries())
    return re.compile(r"(?<!สำนักงาน)(?<!สถานี)(?<!นาย)ตำรวจ(?P<kind>นครบาล|มหานคร|ท้องถิ่น|สหพันธ์)?(?:\s?ของ\s?)?"
                      rf"(?:(?P<land>{lands})(?![\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])"
                      r"|(?P<city>(?:กรุง|นคร(?!บาล)|เมือง|รัฐ(?!สภา|บาล))[\u0e01-\u0e4e]{2,30})"
                      r"|(?<=นครบาล|มหานคร)(?P<name>[\u0e01-\u0e4e]{3,30}))")


def _police(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of the police forces named by their city, state or country."""
    found = []
    for m in _police_pattern().finditer(text):
        if m.group("land"):
            place, end = m.group("land"), m.end("land")
        elif m.group("city"):
            place = _until_stop_word(m.group("city"))
            if len(place) < 6:
                continue
            end = m.start("city") + len(place)
        else:  # a city's own police named with the city alone: ตำรวจนครบาลลอนดอน
            place = cut_words(m.group("name"))[0]
            if len(place) < 3 or place in _stop_words() or place in _common_words():
                continue  # ตำรวจนครบาลกำลัง...: an ordinary word, no city
            end = m.start("name") + len(place)
        found.append((m.start(), end, "ตำรวจ" + (m.group("kind") or "") + place))
    return found


@lru_cache(maxsize=1)
def _provinces() -> frozenset[str]:
    """Thai province names: a hospital named by its province (โรงพยาบาลชลบุรี) is one body."""
    from ..config import pythainlp_file

    # name_th,abbr_th,name_en,abbr_en per line
    lines = pythainlp_file("thailand_provinces_th.csv").read_text("utf-8-sig").splitlines()
    return frozenset(line.split(",")[0].strip() for line in lines if line.split(",")[0].strip())


_PROVINCIAL = re.compile(r"\s?จังหวัด")


def _in_every_province(text: str, end: int) -> bool:
    """Whether a known body's name ending at ``end`` goes on with จังหวัด and no province: its
    provincial offices as a class (กกต.จังหวัด), not one of them (กอ.รมน.จังหวัดยะลา) nor the body."""
    m = _PROVINCIAL.match(text, end)
    if m is None:
        return False
    after = text[m.end():m.end() + 30]
    if after.startswith("ฯ"):
        return False  # ศูนย์ดำรงธรรมจังหวัดฯ: the province the article is about
    after = after.lstrip()
    return not any(after.startswith(province) for province in _provinces())


def _across_hyphens(rest: str) -> str:
    """``rest`` up to the first hyphen whose next piece is neither a country nor a foreign word: a name goes on
    across a hyphen into one (สำนักข่าวอัล-จาซีรา), not into a headline's next clause (บริษัทสำรวจปิโตรเลียม-เรียก...)."""
    pieces = rest.split("-")
    kept = pieces[0]
    for piece in pieces[1:]:
        if not (piece.startswith(countries()) or _spelled_out(piece, cut_words(piece)[:1])):
            break
        kept += "-" + piece
    return kept


def _for_a_noun(following: list[str]) -> bool:
    """Whether เพื่อ before ``following`` (its next word) is "for" a thing, part of a name (มูลนิธิองค์กรกลาง
    เพื่อประชาธิปไตย, สำนักงานการปฏิรูปที่ดินเพื่อเกษตรกรรม), not "in order to" (…เพื่อให้, …เพื่อช่วย): a word
    the part-of-speech lexicons tag only as a noun, or one made a noun with การ."""
    if not following:
        return False
    word = following[0]
    tags = _word_tags().get(word)
    return word.startswith("การ") and len(word) > 3 or bool(tags) and tags <= _NOUN_TAGS


def _joins_name(rest: list[str]) -> bool:
    """Is และ here inside one name (กรมสวัสดิการและคุ้มครองแรงงาน), not between two (…และกระทรวง…)?
    Written without a space, followed by more of the name, not by another body or a verb."""
    return bool(rest) and not rest[0].startswith(_NAME_STARTS) and rest[0] not in _stop_words()


def _provincial_centre(words: list[str], text: str, start: int) -> bool:
    """Is the centre described by ``words`` at ``start`` one province's (ศูนย์วิจัยและพัฒนาการเกษตรนครพนม): more
    than the province (ศูนย์นนทบุรี is a campus), the province last, no other body's unit (ศูนย์วิทยุสมาคม…),
    not a hospital's kind (รพ.ศูนย์อุดรธานี), not where something is held or asked (ณ ศูนย์…, สอบถามได้ที่
    ศูนย์…)?"""
    return len(words) >= 2 and words[-1] in _provinces() and not any(w.startswith(_NAME_STARTS) for w in words) \
        and not text.endswith(("รพ.", "โรงพยาบาล"), 0, start) \
        and word_before(text, len(text[:start].rstrip())) not in _IN_VENUE + ("ได้ที่",)


def _described(words: list[str]) -> bool:
    """Is this ordinary description (dictionary words, mostly of two syllables or more) rather than a name?"""
    if not all(is_word(w) for w in words) or _a_name(words[0]):
        return False  # a word no dictionary has, or first a word the taggers know only as a name (ฮิตาชิ)
    return sum(len(cut_syllables(w)) >= 2 for w in words) * 2 >= len(words)


def _a_name(word: str) -> bool:
    """Is ``word`` known only as a proper noun and no place (ฮิตาชิ, ซัมซุง; not ญี่ปุ่น, กรุงเทพมหานคร)?"""
    return _word_tags().get(word, _NOUN_TAGS) <= _PROPER_TAGS and not (
        word.startswith(countries()) or word in _provinces() or word in _PLACE_NAMES or "ไทย" in word)


_PLACE_NAMES = frozenset({"กรุงเทพ", "กรุงเทพมหานคร", "กทม"})  # (and ไทย in any word: คนไทย, a people)


def _spelled_out(tail: str, words: list[str]) -> bool:
    """Is this the Thai spelling of a foreign name (ซานโต: no Thai word, only one-syllable fragments or
    words the dictionary lacks) rather than Thai words (ฉุกเฉิน, ภูธรแม่สอด)?"""
    if is_word(tail):
        return False
    return any(not is_word(w) for w in words) or all(len(cut_syllables(w)) == 1 for w in words)


def _transliterated_pieces(text: str, end: int, foreign: bool = False) -> int:
    """Where a name ending at ``end`` really ends, when it goes on in space-separated transliterated pieces
    (marked by ์, or any rare word after a name that is itself no Thai word: โรงพยาบาลซานโต โทมัส)."""
    after_marked = False
    for _ in range(3):
        m = _NEXT_PIECE.match(text, end)
        if not m:
            break
        piece = m.group("piece")
        if not _may_go_on(piece):
            break
        if "\u0e4c" in piece:
            # inside a transliterated name (a marked piece no dictionary has) its next piece needs no mark:
            # หนังสือพิมพ์เดอะ วอยซ์ เดลี่; a Thai word with the mark (โรงภาพยนตร์) proves nothing
            after_marked = after_marked or not any(is_word(w) for w in cut_words(piece))
        elif not (foreign or after_marked and not _CONSONANTS.fullmatch(piece)):
            break  # …พนมยงค์ มธ.ท่าพระจันทร์: an abbreviation starts what follows
        end = m.end()
    return end


# (a company's piece may be hyphenated: บริษัท ปักกิ่ง เออร์บัน-คอนสตรัคชั่น)
_COMPANY_PIECE = re.compile(r"[ \u00a0](?P<piece>[\u0e01-\u0e4e]{2,20}(?:-[\u0e01-\u0e4e]{2,20})?)(?=[\s\"“”,.()]|$)")


def _curated_at_start(text: str):
    """The curated name ``text`` starts with (its registry match), or None."""
    return next((k for k in registry().matches(text) if k.start == 0), None)


def _across_a_space(name: str, text: str, end: int) -> str | None:
    """A curated name written with a stray space inside it (กรมส่งเสริมการ เกษตร): the discovered start and
    the next piece together, when they make one."""
    m = _NEXT_PIECE.match(text, end)
    return registry().canonical(name + m.group("piece")) if m else None


def _company_pieces(text: str, end: int) -> int:
    """Where a company's name ending at ``end`` really ends when it goes on in space-separated pieces
    (บมจ. แลนด์ แอนด์ เฮ้าส์, บมจ.ซีพี ออลล์): pieces of a transliterated name, not a Thai word of two
    syllables or more (บมจ.ไทยออยล์ เปิดตัว…) nor the next company's legal form."""
    for _ in range(4):
        m = _COMPANY_PIECE.match(text, end)
        if not m or m.group("piece") == "บมจ":
            break
        piece = m.group("piece")
        words = cut_words(piece)
        if spelled_prefix(piece) == piece:
            pass  # letters: บริษัท ซี แอล พี เอ็นจิเนียริ่ง
        elif any(not is_word(w) for w in words) and not any(is_word(w) and len(cut_syllables(w)) >= 2 for w in words):
            # a transliteration cut into fragments (คอสเมติกส์: คอ ส เม ติกส์) goes on unless a head or a
            # function word opens it
            if piece.startswith(_NAME_STARTS) or piece.startswith(_LONG_STOP_WORDS):
                break
        elif not _may_go_on(piece) or ("\u0e4c" not in words[0] and is_word(words[0])
                                        and len(cut_syllables(words[0])) >= 2):
            break
        end = m.end()
    return end


def _foreign_name(piece: str) -> bool:
    """Does this Thai-spelled piece start a foreign name (โช, ซีพี, ฮิตาชิ), not Thai words (บริษัท ดังกล่าว,
    บริษัท ผู้ตาย, บริษัท ห้างร้าน…)? Letter names, a word no dictionary has, or first a word the part-of-speech
    lexicons know only as a proper noun. (Brands the dictionary holds, มาสด้า, ฮอนด้า, are missed so.)"""
    words = cut_words(piece)
    return bool(spelled_letters(words[0])) or any(not is_word(w) for w in words) or _a_name(words[0])


def _may_go_on(piece: str) -> bool:
    """Could this space-separated piece still belong to the name before it: no name head of its own, no
    function word (กล่าวว่า: one dictionary word the corpus list lacks), no common Thai word first?"""
    if piece.startswith(_NAME_STARTS) or piece.startswith(_LONG_STOP_WORDS):
        return False
    first = cut_words(piece)[0]
    return not (first in _common_words() and is_word(first))


# ชื่อ (ชื่อย่อ.): the way Thai news introduces a body's abbreviation, องค์การตลาดเพื่อเกษตรกร (อตก.)
_THAI_ABBREVIATION = re.compile(r"\((?P<ab>[\u0e01-\u0e2e][\u0e01-\u0e4e]{0,5}(?:\.[\u0e01-\u0e4e]{1,5})*\.)\)")
_NAME_STARTS = tuple(sorted(set(_TH_HEADS) | set(_DISCOVERY_HEADS) | {"คณะ", "กองทัพ", "กองบิน", "สถานี", "หน่วย"},
                            key=len, reverse=True))
# a name introduced with its abbreviation or acronym may also start with these (เครือข่ายประชาชนปฏิรูปพลังงานไทย
# (คปพ.), แนวร่วมประชาธิปไตยแห่งชาติ (เอ็นดีเอฟพี)); inside a name they are no new one (…และกลุ่มจังหวัด…)
_INTRODUCED_STARTS = tuple(sorted(set(_NAME_STARTS) | {"เครือข่าย", "กลุ่ม", "แนวร่วม", "ขบวนการ"}, key=len, reverse=True))
_LEADING_VOWELS = "\u0e40\u0e41\u0e42\u0e43\u0e44"


def _initial(syllable: str) -> str:
    return syllable.lstrip(_LEADING_VOWELS)[:1]


def _shortens(name: str, letters: str) -> bool:
    """Could ``letters`` be the abbreviation of ``name``: its first syllable's consonant first (a leading
    คณะ may be left out, คณะกรรมการร่างรัฐธรรมนูญ = กรธ.), the rest taken in order from later syllables,
    the last from one of the name's last three?"""
    initials = [_initial(s) for s in cut_syllables(name) if s.strip()]
    if len(initials) > 1 and initials[0] != letters[0] and name.startswith("คณะ"):
        initials = initials[1:]
    if not initials or initials[0] != letters[0]:
        return False
    at = 0
    for letter in letters[1:]:
        at = next((i for i in range(at + 1, len(initials)) if initials[i] == letter), -1)
        if at < 0:
            return False
    return at >= len(initials) - 3


# ชื่อ (ทีเอ็นแอลเอ) or ชื่อ (องค์การมหาชน): a name followed by its English acronym spelled in Thai
# letters (กองทัพปลดปล่อยท่าอ่าง (ทีเอ็นแอลเอ)) or by the legal form of a public organization
_BRACKETED = re.compile(r"\(\s?(?P<inside>[\u0e01-\u0e4e]{2,30})\s?\)")
_PUBLIC_ORGANIZATION = frozenset({"องค์การมหาชน", "องค์กรมหาชน"})
# acronyms that name no body: a title, a document, a measure, a space station
_NOT_BODIES = frozenset({"CEO", "MOU", "GDP", "FTA", "VAT", "PM", "AI", "ID", "VC", "ISS", "CSR"})
# words a name may hold that otherwise end one: กองกำลังป้องกันตนเองทางทะเลของญี่ปุ่น
_INSIDE_NAMES = frozenset({"และ", "ของ", "แห่ง"})


def _clause_before(text: str, end: int) -> tuple[int, str]:
    """(where it starts, the text) of the clause ending at ``end``: up to 90 characters, not across a
    bracket, a quote, a comma, a line end or a wide space (where a bracketed abbreviation's name is)."""
    window = re.split(r"[\n()\"“”,]|\s{2,}", text[max(0, end - 90):end])[-1]
    return end - len(window), window


def _name_before(text: str, end: int) -> int | None:
    """Where the name ending at ``end`` starts: the first head word in the clause before it from which
    the rest reads as one name (no word that ends a name, at most 80 characters), or None."""
    base, window = _clause_before(text, end)
    heads = {}
    for head in _INTRODUCED_STARTS:  # longest first: at each place, the longest head written there
        for i in _find_all(window, head):
            heads.setdefault(i, head)
    for at, head in sorted(heads.items()):
        name = window[at:]
        words = [w for w in cut_words(name) if w.strip()]
        if len(name) < len(head) + 3 or name.count(" ") > 2 or any(c.isdigit() for c in name) \
                or not _starts_word(text, base + at, head):
            continue
        if any(piece.startswith(_INTRODUCED_STARTS) for piece in name.split()[1:]):
            continue  # a list of names: ธนาคารไทยพาณิชย์ สำนักงานคณะกรรมการส่งเสริมการลงทุน (บีโอไอ)
        first = cut_words(name[len(head):])[0]
        if any(w in _stop_words() and w not in _INSIDE_NAMES for w in words[1:]) \
                or first in _stop_words() or first in _NOT_A_PARTY or first in _GENERIC_TAILS:
            continue  # also a kind of body before the name: พรรครัฐบาลพรรคประชาชนกัมพูชา (ซีพีพี)
        if any(w == "และ" and not _joins_name(words[i + 1:]) for i, w in enumerate(words)):
            continue  # two names: พรรคคอมมิวนิสต์ และกองทัพประชาชนใหม่
        return base + at
    return None


def _find_all(text: str, part: str) -> list[int]:
    found, at = [], text.find(part)
    while at != -1:
        found.append(at)
        at = text.find(part, at + 1)
    return found


def _bracketed_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of names followed by a Thai-spelled acronym or (องค์การมหาชน); a known
    acronym names its curated entry even where the Thai name before it is not found."""
    found = []
    reg = registry()
    for m in _BRACKETED.finditer(text):
        inside = m.group("inside")
        acronym = spelled_letters(inside)
        if (acronym is None and inside not in _PUBLIC_ORGANIZATION) or acronym in _NOT_BODIES:
            continue
        end = len(text[:m.start()].rstrip())
        start = _name_before(text, end)
        known = reg.canonical(acronym) if acronym else None
        if known:
            found.append((m.start() if start is None else start, m.end(), known))
        elif start is not None and end - start <= 80:
            found.append((start, end, " ".join(text[start:end].split())))
    return found


def _defined_abbreviations(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of the names introduced with their abbreviation in brackets."""
    found = []
    for m in _THAI_ABBREVIATION.finditer(text):
        letters = "".join(c for c in m.group("ab") if "\u0e01" <= c <= "\u0e2e")
        if len(letters) < 2:
            continue
        end = len(text[:m.start()].rstrip())
        base, window = _clause_before(text, end)
        best = None
        for head in _INTRODUCED_STARTS:
            at = window.rfind(head)
            while at != -1:
                name = window[at:]
                if (len(head) + 3 <= len(name) <= 80 and name not in _INTRODUCED_STARTS and (best is None or at > best)
                        and cut_words(name[len(head):])[0] not in _stop_words() and _shortens(name, letters)):
                    best = at
                at = window.rfind(head, 0, at)
        if best is not None and cut_words(window[best:])[-1] not in _CLASS_ENDINGS:
            # (สำนักงานสาธารณสุขจังหวัด (สสจ.) names a class of offices)
            found.append((base + best, base + len(window), window[best:]))
    return found


# A piece starting with a word this common in the Thai National Corpus (โทรศัพท์, นาย, คณะ, ศูนย์)
# is ordinary Thai, not the next part of a transliterated name (แมนเชสเตอร์ 315, เคาน์ 63).
_COMMON = 1500


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """The words the TNC counts at least _COMMON times (2,336 of its 106,122). The file's lines
    are ``word<TAB>count``; counts with fewer digits than _COMMON are not even parsed."""
    from ..config import pythainlp_file

    text = pythainlp_file("tnc_freq.txt").read_text("utf-8-sig")
    line = rf"^([^\t\n]+)\t([0-9]{{{len(str(_COMMON))},}})\s*$"
    return frozenset(word for word, count in re.findall(line, text, re.MULTILINE) if int(count) >= _COMMON)


# An embassy or consulate is named by its country and, often, where it sits:
# สถานเอกอัครราชทูตสหรัฐ, สถานกงสุลใหญ่ไทย ณ นครชิคาโก, สถานเอกอัครราชทูต ณ กรุงโตเกียว (Thailand's, by default)
_MISSION_HEADS = ("สถานเอกอัครราชทูต", "สถานกงสุลใหญ่", "สถานกงสุล", "สถานทูต")
_SEAT_KINDS = frozenset({"กรุง", "นคร", "เมือง"})


@lru_cache(maxsize=1)
def _mission_pattern() -> re.Pattern[str]:
    lands = "|".join(re.escape(c) for c in ("ไทย",) + countries())
    return re.compile(rf"(?P<head>{'|'.join(_MISSION_HEADS)})(?:\s?ของ\s?)?(?P<land>{lands})?ฯ?"
                      r"(?:\s?(?P<at>ณ|ประจำ)\s?(?P<place>[\u0e01-\u0e4e]{2,40}))?")


def _missions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of the embassies and consulates named with their country or seat."""
    found = []
    for m in _mission_pattern().finditer(text):
        if not (m.group("land") or m.group("place")):
            continue  # สถานเอกอัครราชทูตของหลายประเทศ: embassies, none named
        name, end = m.group("head") + (m.group("land") or ""), m.end("land") if m.group("land") else m.end("head")
        if m.group("place"):
            # the seat is one name, a city's maybe after its kind: ประจำสหประชาชาติ, ณ นครชิคาโก
            words = cut_words(m.group("place"))
            place = "".join(words[:2] if words[0] in _SEAT_KINDS else words[:1])
            if words[0] in _stop_words():
                place = ""
            if len(place) >= 3:
                name += (" ณ " if m.group("at") == "ณ" else "ประจำ") + place
                end = m.start("place") + len(place)
            elif not m.group("land"):
                continue
        found.append((m.start(), end, name))
    # the same mission named again in short (สถานกงสุลใหญ่ไทยฯ after สถานกงสุลใหญ่ไทย ณ นครชิคาโก) is that one
    full = {}
    for _, _, name in found:
        for other in found:
            if other[2] != name and other[2].startswith(name):
                full.setdefault(name, set()).add(other[2])
    return [(start, end, next(iter(full[name])) if len(full.get(name, ())) == 1 else name)
            for start, end, name in found]


def _misspelt(name: str, text: str, end: int) -> str | None:
    """The curated organization a name introduced with a known abbreviation is, when the name
    as written is that organization's name but for a letter or two (คณะรักษความสงบแห่งชาติ(คสช.));
    a different name with the same abbreviation stays itself (คปก. is two law and land committees)."""
    m = _THAI_ABBREVIATION.match(text, end) or _THAI_ABBREVIATION.match(text, end + 1)
    org = registry().get(m.group("ab")) if m else None
    if org is None:
        return None
    close = any(difflib.SequenceMatcher(None, name, alias).ratio() >= _MISSPELT
                for alias in (org.name,) + org.thai if abs(len(alias) - len(name)) <= 2)
    return org.name if close else None


def _abroad(body: str) -> bool:
    """Is the story datelined in another country (รายงานจากกรุงลอนดอน ประเทศอังกฤษ)?"""
    m = _DATELINE.search(body[:400])
    return bool(m) and any(land in m.group("place") for land in countries())


def extract_organizations(title: str, body: str) -> tuple[str, ...]:
    """Canonical names of the organizations the article names, in order of first mention."""
    reg = registry()
    text = f"{title}\n{body}"
    found: dict[str, int] = {}

    def add(name: str, position: int) -> None:
        if name not in found or position < found[name]:
            found[name] = position

    taken: list[tuple[int, int]] = []

    def free(start: int) -> bool:
        return not any(a <= start < b for a, b in taken)

    def discovered_at(start: int) -> bool:  # inside a name discovered so far
        return any(a <= start < b for a, b, _ in discovered)

    at = 0
    while m := _foreign_pattern().search(text, at):
        at = m.end()
        two = _TWO_BODIES.search(m.group("body"))
        if two:  # กองทัพไทยและกองทัพญี่ปุ่น: two bodies; look again from the second
            at = m.start() + two.start() + 3  # และ and กับ: three letters each
            continue
        between = cut_words(m.group("body"))[1:]
        if any((w in _stop_words() and w not in _INSIDE_NAMES) or w in _ACTS for w in between):
            continue  # กองทัพเผยด้วยว่ามีนักรบต่างชาติจากสิงคโปร์: a sentence, not a name
        if m.group("body") in _WHOLE_NAMES and word_before(text, len(text[:m.start()].rstrip())) in _IN_VENUE:
            continue  # กราดยิงในรัฐสภาอิหร่าน: the building, a place (not after ขณะที่, "while")
        land = m.group("land")
        if land.startswith("รัฐ") and land not in countries():
            # a state's name runs to the next space: สำนักงานตำรวจรัฐเพนซิลเวเนียว่า ends before ว่า
            land = _until_stop_word(land)
            if len(land) < 5:
                continue
        add(m.group("body") + land, m.start())
        taken.append((m.start(), m.start("land") + len(land)))
    for start, end, name in _missions(text):
        add(name, start)
        taken.append((start, end))
    for m in _COMPANY.finditer(text):
        if free(m.start()):
            name = _company_name(m)
            # ดีแทค by its legal name is ดีแทค; a curated company named without its legal form is found
            # with it too (บริษัท ท่าอากาศยานไทย จำกัด (มหาชน) is the airports' company)
            add(reg.canonical(name) or reg.canonical(name[:name.rindex(" จำกัด")]) or name, m.start())
            taken.append((m.start(), m.end()))
    for m in _PUBLIC_COMPANY.finditer(text):
        if free(m.start()) and abbreviation_starts_word(text, m.start()):
            if m.group("ticker"):
                end = m.end() - len(m.group("ticker")) + m.group("ticker").rindex("(")
                name = " ".join(text[m.start("name"):end].split())
            else:
                known = _curated_at_start(m.group("name"))
                # (cut at a verb only: a name holds function words, บางจากปิโตรเลียม)
                name = m.group("name")[:known.end] if known else _before_a_verb(cut_words(m.group("name")))
                end = m.start("name") + len(name)
                if len(name) == len(m.group("name")):
                    end = _company_pieces(text, end)
                    name = " ".join(text[m.start("name"):end].split())
            registered = f"บริษัท {name} จำกัด (มหาชน)"
            if len(name) >= 2:
                add(reg.canonical(name) or reg.canonical(registered) or registered, m.start())
                taken.append((m.start(), end))
    for m in _SPACED_COMPANY.finditer(text):
        if free(m.start()):
            first = _until_stop_word(m.group("name"))
            if len(first) < 2 or first.endswith("ฯ") or not _foreign_name(first) \
                    or _curated_at_start(text[m.start("name"):m.start("name") + 80]):
                continue  # (a curated company after บริษัท is found as itself: บริษัท ปตท.)
            end = m.start("name") + len(first)
            if len(first) == len(m.group("name")):
                end = _company_pieces(text, end)
            name = " ".join(text[m.start("name"):end].split())
            add(reg.canonical(name) or "บริษัท " + name, m.start())
            taken.append((m.start(), end))
    for m in _COOPERATIVE.finditer(text):
        if free(m.start()):
            add("สหกรณ์" + m.group("name"), m.start())
            taken.append((m.start(), m.end()))
    for m in _COMPANY_LATIN.finditer(text):
        if free(m.start()) and len(m.group("name")) >= 3:
            add(m.group("name").rstrip(".").strip(), m.start())
            taken.append((m.start(), m.end()))

    abroad = _abroad(body)
    for m in _CHIEF_OF_UNIT.finditer(text):
        # ผู้บัญชาการตำรวจนครบาล: the chief's full title names his unit when the unit is curated
        # (the whole unit as written: ผู้บัญชาการตำรวจนครบาลมะนิลา is Manila's, not Bangkok's)
        written = _until_stop_word(m.group("unit"))
        unit = reg.canonical("กอง" + m.group("kind") + written)
        if unit and free(m.start("unit")) and not (unit in _EVERY_COUNTRY and abroad):
            add(unit, m.start())
            taken.append((m.start("unit"), m.start("unit") + len(written)))
    matches = reg.matches(text)
    # a discovered name is kept unless it starts inside a known name; a known name inside a
    # longer discovered one (สภาผู้แทนราษฎร in สำนักงานเลขาธิการสภาผู้แทนราษฎร) is part of it
    defined = [d for d in _defined_abbreviations(text) if free(d[0])
               and not any(k.start <= d[0] and d[1] <= k.end for k in matches)]
    defined += [d for d in _bracketed_names(text) if free(d[0])
                and not any(k.start <= d[0] and d[1] <= k.end for k in matches)
                and not any(a <= d[0] < b for a, b, _ in defined)]
    defined += [(m.start(), m.end(), _ordinal_unit(m)) for m in _ORDINAL_UNIT.finditer(text)
                if free(m.start()) and not any(a <= m.start() < b for a, b, _ in defined)]
    discovered = defined + [(start, end, name) for start, end, name in _discovered(text)
                            if free(start) and not any(k.start <= start < k.end for k in matches)
                            and not any(a <= start < b for a, b, _ in defined)]
    discovered += [(start, end, name) for start, end, name in _police(text) if free(start)
                   and not any(k.start <= start < k.end for k in matches)
                   and not discovered_at(start)]
    discovered += [(m.start(), m.end(), f"{m.group('unit')} {m.group('number')}") for m in _UNIT.finditer(text)
                   if free(m.start()) and not discovered_at(m.start())
                   and (not m.group("province") or m.group("province") in _provinces())]
    discovered += [(m.start(), m.end(), "กองทัพ" + m.group("service")) for m in _COMMANDER.finditer(text)
                   if free(m.start()) and not discovered_at(m.start())]
    for m in _STATION.finditer(text):
        if not _not_in_a_code(text, m.start(), _OFFICER_TITLES):
            continue
        place = _until_stop_word(m.group("place"), _NOT_IN_STATIONS)
        if m.group("ab") == "อบจ.":
            place = _province_at(m.group("place")) or ""
        if place.startswith("เมือง") and (of := _MAIN_DISTRICT_OF.match(text, m.start("place") + len("เมือง"))):
            province = _province_at(of.group("province"))
            if province:
                discovered.append((m.start(), of.start("province") + len(province),
                                   _STATIONS[m.group("ab")] + "เมือง" + province))
                continue
        if len(place) >= 2 and free(m.start()) and abbreviation_starts_word(text, m.start()):
            discovered.append((m.start(), m.start("place") + len(place), _STATIONS[m.group("ab")] + place))
    for m in _PROVINCE_POLICE.finditer(text):
        province = _province_at(m.group("place"))
        if province and _not_in_a_code(text, m.start(), _HEADQUARTERS_CODES) and free(m.start()) \
                and not discovered_at(m.start()):
            discovered.append((m.start(), m.start("place") + len(province), "ตำรวจภูธรจังหวัด" + province))
    for m in _RAJABHAT.finditer(text):
        place = _province_at(m.group("place"), _BANGKOK_RAJABHATS)
        if place and free(m.start()) and not discovered_at(m.start()) and abbreviation_starts_word(text, m.start()):
            discovered.append((m.start(), m.start("place") + len(place), "มหาวิทยาลัยราชภัฏ" + place))
    for m in _DISTRICT_DIRECTOR.finditer(text):
        place = _until_stop_word(m.group("place"), _NOT_IN_STATIONS)
        if len(place) >= 2 and free(m.start("place")) and not discovered_at(m.start()):
            discovered.append((m.start("place") - len("เขต"), m.start("place") + len(place), "สำนักงานเขต" + place))
    for m in _SUBDISTRICT.finditer(text):
        if not _SUBDISTRICT_TITLES.search(text, max(0, m.start() - 8), m.start()):
            continue
        place = _until_stop_word(m.group("place"), _NOT_IN_STATIONS)
        if any(_a_verb(w) for w in cut_words(place)):
            continue  # รองนายกอบต.รถแหกโค้ง…: a headline about a councillor, no subdistrict named
        if len(place) >= 2 and free(m.start("ab")) and not discovered_at(m.start("ab")):
            discovered.append((m.start("ab"), m.start("place") + len(place), "องค์การบริหารส่วนตำบล" + place))
    for m in _PROVINCE_WORD.finditer(text):
        province = _province_at(m.group("place"))
        if not province:
            continue
        if m.group("ab"):
            written, office, start = m.group("ab"), "", m.start()
        else:
            written = next((a for a in _AGENCIES_LONGEST_FIRST if text.endswith(a, 0, m.start())), None)
            if written is None:
                continue
            start = m.start() - len(written)
            office = "สำนักงาน" if text.endswith("สำนักงาน", 0, start) else ""
            start -= len(office)
        agency = _PROVINCIAL_AGENCIES[written]
        if written.startswith("การ") and not office and not word_edge(text, start, end=start + 12):
            start += len("การ")  # ผู้อำนวยการท่องเที่ยวและกีฬา จ.กระบี่: the title's การ, not the agency's
        # (สำนักงานเกษตร จังหวัดอุทัยธานี: the office's name cut at the space before its province was discovered
        # first; the whole one replaces it)
        if office:
            discovered = [d for d in discovered if not (d[0] == start and d[1] <= m.start())]
        if (office or written not in _OFFICE_NEEDED) \
                and free(start) and not discovered_at(start) \
                and word_edge(text, start, end=start + 12):
            discovered.append((start, m.start("place") + len(province), f"สำนักงาน{agency}จังหวัด{province}"))
    for m in _DISTRICT_OFFICER.finditer(text):
        place = _until_stop_word(m.group("place"))
        if len(place) >= 2 and "ฯ" not in place and not text.startswith("ฯ", m.start("place") + len(place)) \
                and free(m.start()) \
                and not discovered_at(m.start()):
            discovered.append((m.start(), m.start("place") + len(place), f"สำนักงาน{m.group('agency')}อำเภอ{place}"))
    for m in _PRISON.finditer(text):
        place = m.group("place")
        kind = m.group("kind")
        where = "กลาง" if kind.startswith("ทัณฑสถาน") and kind != "ทัณฑสถาน" and place.startswith("กลาง") \
            else _province_at(place, _BANGKOK_PRISONS)
        # held or visited at a prison (ที่เรือนจำคลองเปรม, ในเรือนจำ…): a place, as blind10 counts it
        if where and free(m.start()) and not discovered_at(m.start()) \
                and word_before(text, len(text[:m.start()].rstrip())) not in _IN_VENUE:
            name = kind + ("กรุงเทพมหานคร" if where.startswith("กรุงเทพ") else where)
            discovered.append((m.start(), m.start("place") + len(where), name))
    for m in _HOSPITAL.finditer(text):
        if free(m.start()) and abbreviation_starts_word(text, m.start()) \
                and not discovered_at(m.start()):
            # รพ.หาดใหญ่ is โรงพยาบาลหาดใหญ่, named as if written in full by the same rules, from the
            # one written word (headlines run on: รพ.ราชวิถีดับ "died at", รพ.ป่วย...)
            spelled = _discovered("โรงพยาบาล" + _before_a_verb(cut_words(m.group("word"))))
            if spelled and spelled[0][0] == 0:
                discovered.append((m.start(), m.start("word") + spelled[0][1] - len("โรงพยาบาล"), spelled[0][2]))
    lands = countries()
    nicknames = {m.group("nick") for m in _NICKNAMED.finditer(text)
                 if reg.canonical(m.group("nick")) and not reg.canonical(m.group("first"))
                 and not m.group("first").startswith(lands) and m.group("first") not in _provinces()}
    for match in matches:
        before = text[:match.start].rstrip()
        if nicknames and text[match.start:match.end] in nicknames:
            continue  # "ฟีฟ่า" ปลื้ม: the star ฟีฟ่า-เปรมอนันต์, not FIFA
        if match.name in _VENUES and before.endswith(_IN_VENUE):
            continue
        if before.endswith(_KIND_OF):
            continue  # ระบบรัฐสภา "the parliamentary system"
        if before.endswith(_REPORTED_FROM):
            continue  # ผู้สื่อข่าวรายงานจากกระทรวงการต่างประเทศ: where the reporter was, a place
        if match.name in _CHANNELS and _AIRS_ON.search(before, max(0, len(before) - 8)):
            continue  # ทางช่อง 7 HD: where a programme airs
        if _near_place(text, len(before)):
            continue  # หน้าทีโอที, บริเวณไปรษณีย์ไทย: in front of its building, a place
        if match.name in _BLOCS and word_before(text, len(before)) in _REGION_OF:
            continue  # บทบาทนำในภูมิภาคอาเซียน "in the ASEAN region"
        if _in_every_province(text, match.end):
            continue  # กกต.จังหวัด, กองอำนวยการรักษาความมั่นคงภายในจังหวัด: the body's office in each province, a class
        if match.name in _CITY_BODIES and ((last := word_before(text, len(before))) in _IN_PLACE or last in _provinces()
                                           or _AND_SURROUNDINGS.match(text, match.end)
                                           or text.startswith(_CITY_PARTS, match.end)
                                           or _PLACE_BEFORE.search(before)
                                           # a known body's unit in the city: กองอำนวยการรักษาความมั่นคงภายใน กทม.
                                           # or กอ.รมน.กรุงเทพมหานคร (written in full after a space, one more of a list)
                                           or any(match.start == k.end or (match.start - k.end == 1 and
                                                                           text.startswith("กทม", match.start))
                                                  for k in matches)):
            continue
        if abroad and match.name in _EVERY_COUNTRY:
            continue
        if any(start < match.start and match.end <= end for start, end, _ in discovered):
            continue
        if free(match.start):
            name = match.name
            rest = text[match.end:match.end + 40].lstrip()
            rest = rest[3:].lstrip() if rest.startswith("ของ") else rest
            written = text[match.start:match.end]
            land = (next((c for c in lands if rest.startswith(c)), None)
                    if name.startswith(_FOREIGN_HEADS + ("พรรค",)) or written.startswith("สภา") else None)
            # กห.กัมพูชา: a Thai body's short name followed by a country is that country's body;
            # พรรคประชาชนกัมพูชา is Cambodia's party, not the Thai พรรคประชาชน; สภาความมั่นคงแห่งชาติของ
            # อิหร่าน is Iran's council, named as written (the Thai one's canonical name is its office's)
            if land and written.startswith("สภา"):
                name = written
            add(name + land if land else name, match.start)
            taken.append((match.start, match.end))
    unknown, written_short = set(), set()
    for start, end, name in discovered:
        if _near_place(text, len(text[:start].rstrip())):
            continue  # หน้าสำนักงานหนังสือพิมพ์…, ในท้องที่ สภ.เขาสวนกวาง: a place
        short = text.startswith("ฯ", end)  # กระทรวงทรัพยากรฯ: a name cut short
        known = reg.canonical(name) or (reg.completion(name) if short else None) or _misspelt(name, text, end) \
            or _across_a_space(name, text, end)
        add(known or name, start)
        if not known:
            unknown.add(name)
            if short:
                written_short.add(name)

    for m in _NAME_AND_ACRONYM.finditer(text):
        english, acronym = m.group("en").strip(), m.group("ab")
        known = reg.canonical(acronym) or reg.canonical(english)
        if known:
            add(known, m.start())
        elif _EN_HEADS.search(english) and len(english.split()) >= 2:
            add(acronym, m.start())

    for m in _ACRONYM_ONLY.finditer(text):
        acronym = m.group("ab")
        if reg.canonical(acronym) or acronym in _NOT_BODIES:
            continue
        window = text[max(0, m.start() - _BEFORE_LIMIT):m.start()]
        before = re.split(r"[()\n]", window)[-1]
        english_tail = re.search(r"((?:[A-Z][A-Za-z'’\-]*\s+(?:(?:of|for|on|the|and|in)\s+)*){1,12}[A-Z][A-Za-z'’\-]*)$",
                                 before.rstrip())
        if (english_tail and _EN_HEADS.search(english_tail.group(1))) or _thai_name_before(text, m.start("ab") - 1):
            add(acronym, m.start())

    # a discovered name that is the start of another one is that name cut short where it was written
    # with a break (กรมฝนหลวงและ การบินเกษตร), or short with ฯ (the article's กระทรวงวิทยาศาสตร์และเทคโนโลยี
    # written กระทรวงวิทยาศาสตร์ฯ)
    # (also of a name as it was written before it was folded onto a curated one)
    longer = set(found) | {name for _, _, name in discovered}
    # (or with its province after a space: รพ.มหาราชนคร เชียงใหม่, elsewhere รพ.มหาราชนครเชียงใหม่)
    cut_short = {n for n in unknown if any(o != n and o.startswith(n) and (n in written_short or
                                                                            cut_words(o[len(n):])[0] in _stop_words()
                                                                            or o[len(n):] in _provinces())
                                           for o in longer)}
    credits = [(m.start(), m.end()) for m in _PHOTO_CREDIT.finditer(text)] \
        if "ขอบคุณ" in text or "เครดิตภาพ" in text or "Cr." in text else []
    kept: dict[str, str] = {}  # one name written with and without a space inside is one name, as first written
    for name in sorted((n for n in found if n not in cut_short), key=found.__getitem__):
        if any(a <= found[name] < b for a, b in credits):
            continue  # ขอบคุณภาพจาก สวพ.91: named only in a photo credit
        kept.setdefault(name.replace(" ", ""), name)
    return tuple(kept.values())


# a photo or clip credit (and what it names, up to the line's end or 60 characters): ขอบคุณภาพจาก สวพ.91,
# ขอบคุณภาพและข้อมูลจาก จส.100, เครดิตภาพ ..., Cr. ...; a data source (ขอบคุณข้อมูลจากกรมอนามัย) is no such credit
# (traffic feeds run on after a credit on the same line: it ends at the next time, 16.48 น., or hashtag)
_PHOTO_CREDIT = re.compile(r"(?:ขอบคุณ(?:ภาพ|คลิป)|เครดิตภาพ|\bCr\.)(?:(?![0-9]{1,2}[.:][0-9]{2}|#)[^\n]){0,60}")


def _company_name(m: re.Match[str]) -> str:
    """A company's name in the registered spacing of its legal form, however the article spaced it
    (บริษัทเอ็กซ์ จำกัด(มหาชน) is บริษัท เอ็กซ์ จำกัด (มหาชน)); the spaces inside the name stay as written.
    A securities or asset-management company is registered with its kind glued to บริษัท
    (บริษัทหลักทรัพย์ เคทีบี (ประเทศไทย) จำกัด)."""
    name = " ".join(m.group("name").split())
    branch = f" ({m.group('branch')})" if m.group("branch") else ""
    head = "บริษัท" if name.startswith(_GLUED_KINDS) else "บริษัท "
    return f"{head}{name}{branch} จำกัด" + (" (มหาชน)" if m.group("public") else "")


_GLUED_KINDS = ("หลักทรัพย์", "บริหารสินทรัพย์")
