"""Page furniture: the lines a scraped page carries that are not the article.

Rules are data (patterns below) plus structure (a trailing run of short lines, a title
repeated as the first body line, lone numbers). A line that reads as a sentence is never
removed by the structural rules.
"""

from __future__ import annotations

import re

# Whole lines that are furniture wherever they appear.
LINE_PATTERNS = [re.compile(p, re.IGNORECASE) for p in (
    r"^รูปภาพประกอบ$",
    r"^(ภาพประกอบ|ภาพข่าว|แกลเลอรี่|gallery)$",
    r"^\|?\s*[\d,\.]+\s*(views?|ครั้ง|การดู|ผู้เข้าชม)$",
    r"^(เข้าชม|อ่าน|ผู้เข้าชม)\s*:?\s*[\d,]+\s*(ครั้ง)?$",
    r"^leave a (response|reply|comment)$",
    r"^(home|banner|menu|หน้าแรก|หน้าหลัก|เมนู|ค้นหา|search)$",
    r"^(หน้าแรก|home)\s*[>»/].*$",
    r"^(share|แชร์|แบ่งปัน|tweet|print|พิมพ์|email|อีเมล)(\s*(on|ไปที่|:)?\s*(facebook|twitter|line|x|e-?mail))*$",
    r"^(facebook|twitter|line|x|email|print)(\s+(facebook|twitter|line|x|email|print))+$",
    r"^(พบกับเราที่|ติดตามเราที่|follow us( on)?)\s*\w*$",
    r"^tweets?\s*(ล่าสุด|by\b.*)?$",
    r"^no tweets found\.?$",
    r"^คลังข้อมูล$",
    r"^(ข่าวที่เกี่ยวข้อง|ข่าวล่าสุด|บทความล่าสุด|related (posts|articles|news)|tags?\s*:.*)$",
    r"^(©|copyright|\(c\)).*$",
    r"^.*สงวนลิขสิทธิ์.*$",
    r"^all rights reserved\.?$",
    r"^.*(คุกกี้|cookies?).*(นโยบาย|policy|ยอมรับ|accept|รับทราบ).*$",
    r"^(ยอมรับ|ยอมรับทั้งหมด|accept( all)?|รับทราบ|ตกลง)$",
    r"^\d{1,3}$",
    # the footer of an embedded social-media post: "โพสต์โดย Nattapon Harnchai บน 1 มิถุนายน 2017"
    r"^(โพสต์โดย|posted by)\s.{1,80}\s(บน|on)\s.{1,30}\d{4}$",
)]

# Short lines in a page's closing run that are furniture even when no pattern names them
# (sidebar headings, widget titles): at most this many characters and no sentence inside.
SHORT_LINE = 40


# Photo and clip credits news sites append to the last paragraph ("... ต่อเดือน. ภาพ - AP
# คลิปประกอบ : Channel 4 News"): removed from the end of the body, one or several.
_CREDIT_TAIL = re.compile(
    r"(?:\s*(?:เครดิตภาพ|ขอบคุณภาพ|ขอบคุณคลิป|คลิปประกอบ|ภาพประกอบ|ภาพ|photo|video)\s*[-:：–]\s*[^\n]{0,80}?)+\s*$",
    re.IGNORECASE)


def strip_credit_tail(text: str) -> str:
    """``"... ต่อเดือน. ภาพ - AP คลิปประกอบ - The Independent"`` -> ``"... ต่อเดือน."``"""
    stripped = _CREDIT_TAIL.sub("", text)
    return stripped if stripped.strip() else text


def is_credit(line: str) -> bool:
    """Is the whole line photo/clip credits (a paragraph of its own at the end of a body)?"""
    return bool(line.strip()) and not _CREDIT_TAIL.sub("", line).strip()


def is_furniture(line: str) -> bool:
    text = line.strip()
    if not text:
        return False
    return any(p.match(text) for p in LINE_PATTERNS)


def looks_like_sentence(line: str) -> bool:
    """Long enough, or with the marks of running text, to be real content."""
    text = line.strip()
    if len(text) > SHORT_LINE:
        return True
    return bool(re.search(r"[.!?।”\"]$|\s\S+\s\S+\s\S+\s", text)) and len(text) > 25


def strip_trailing_run(lines: list[str]) -> list[str]:
    """Drop the closing run of short non-sentence lines (sidebar leftovers).

    Only lines after the last line of running text go: a short page keeps its text.
    """
    last_sentence = max((i for i, line in enumerate(lines) if looks_like_sentence(line)), default=-1)
    if last_sentence == -1:
        return [line for line in lines if not is_furniture(line)]
    end = len(lines)
    while end > last_sentence + 1:
        text = lines[end - 1].strip()
        if not text or is_furniture(text) or (len(text) <= SHORT_LINE and not looks_like_sentence(text)
                                              and not text.startswith(("ที่มา", "(", "source", "Source"))):
            end -= 1
            continue
        break
    return lines[:end]
