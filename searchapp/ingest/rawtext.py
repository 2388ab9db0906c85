"""Raw scraped pages (plain text, HTML leftovers) to articles.

A page is: optional navigation lines, the title, a few header lines (section, dates,
source, view counter), the body, then sidebar/footer leftovers.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..errors import IngestError
from ..models import Article
from ..thai.dates import FoundDate, find_dates
from .furniture import is_furniture, looks_like_sentence, strip_credit_tail, strip_trailing_run
from .organizations import extract_organizations

HEADER_LINES = 10
UPDATED_LABELS = ("วันที่ปรับปรุงข้อมูล", "ปรับปรุงล่าสุด", "ปรับปรุง", "แก้ไขล่าสุด", "อัปเดต", "อัพเดท",
                  "updated", "last updated", "modified")
PUBLISHED_LABELS = ("วันที่นำเข้าข้อมูล", "เผยแพร่", "วันที่เผยแพร่", "ลงวันที่", "วันที่", "published", "posted",
                    "date")
SOURCE_LABELS = ("ที่มา", "แหล่งที่มา", "แหล่งข่าว", "source", "เรียบเรียงจาก", "อ้างอิง", "ขอบคุณข้อมูล")
URL_RE = re.compile(r"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+")
_TAG_RE = re.compile(r"<[^>]{0,2000}>")
_SCRIPT_RE = re.compile(r"<(script|style|noscript)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


def strip_html(text: str) -> str:
    """Remove tags (and everything inside script/style), decode entities."""
    if "<" not in text and "&" not in text:
        return text
    text = _SCRIPT_RE.sub(" ", text)
    text = re.sub(r"(?i)<\s*(br|/p|/div|/h\d|/li|/tr)\b[^>]*>", "\n", text)
    text = _TAG_RE.sub("", text)
    return html.unescape(text)


def _label_kind(prefix: str) -> str | None:
    """"updated" or "published" when ``prefix`` ends with such a label as a word of its own
    ("ข่าวต่างประเทศ | วันที่", not "จัดขึ้นเมื่อวันที่")."""
    low = prefix.strip().lower().rstrip(":").strip()

    def ends_with_label(labels: tuple[str, ...]) -> bool:
        return any(low.endswith(lbl) and (len(low) == len(lbl) or not low[-len(lbl) - 1].isalnum())
                   for lbl in labels)

    if ends_with_label(UPDATED_LABELS):
        return "updated"
    if ends_with_label(PUBLISHED_LABELS):
        return "published"
    return None


def clean_url(url: str) -> str:
    return url.rstrip(").,;:'\"]")


def find_source_url(lines: list[str]) -> str | None:
    for line in lines:
        low = line.lower()
        if any(lbl in low for lbl in SOURCE_LABELS) or low.strip().startswith(("url", "link")):
            m = URL_RE.search(line)
            if m:
                return clean_url(m.group(0))
    return None


def _source_from_lines(lines: list[str]) -> str | None:
    for line in lines:
        m = re.match(r"^\s*(?:ที่มา|แหล่งที่มา|source)\s*[:：]\s*(.+?)\s*$", line, re.IGNORECASE)
        if m and not URL_RE.search(m.group(1)) and len(m.group(1)) <= 80:
            return m.group(1)
    return None


# words that put a date inside a sentence ("เมื่อวันที่ 9 พ.ค.", "ในวันที่ ...", "ตั้งแต่ ...")
_SENTENCE_BEFORE_DATE = ("เมื่อวันที่", "ในวันที่", "จัดขึ้นวันที่", "ตั้งแต่วันที่", "เมื่อ", "ใน", "ตั้งแต่", "ถึง")


NAV_LINE = 25  # a navigation item: at most this many characters, no digits, not a sentence


def _navigation(lines: list[str]) -> set[str]:
    """Menu items: a run of three or more short lines at the top of the page (the line just
    before a date line is the title, not a menu item). Later lines equal to one are the
    same menu repeated in a sidebar or footer."""
    items: list[str] = []
    shown = [line.strip() for line in lines if line.strip()]
    for i, line in enumerate(shown):
        short = len(line) <= NAV_LINE and not any(c.isdigit() for c in line) and not looks_like_sentence(line)
        next_is_date = i + 1 < len(shown) and _is_date_line(shown[i + 1])
        if not short or next_is_date:
            # a page of short lines only has no menu to tell apart from its text
            return set(items) if len(items) >= 3 else set()
        items.append(line)
    return set()


def parse_page(text: str, article_id: str, origin: str | None = None) -> Article:
    text = strip_html(text)
    lines = [ln.rstrip() for ln in text.split("\n")]
    nav = _navigation(lines)
    if nav:
        lines = ["" if line.strip() in nav else line for line in lines]
    # title: the first line that is neither blank nor furniture nor a bare date
    title_at = None
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped and not is_furniture(stripped) and not _is_date_line(stripped):
            title_at = i
            break
    if title_at is None:
        raise IngestError("no title or body text found")
    title = " ".join(lines[title_at].split())

    published: FoundDate | None = None
    updated: FoundDate | None = None
    section = source = None
    header_used: set[int] = set()
    seen_header = 0
    for i in range(title_at + 1, len(lines)):
        stripped = lines[i].strip()
        if not stripped:
            continue
        if " ".join(stripped.split()) == title:
            header_used.add(i)
            continue
        seen_header += 1
        if seen_header > HEADER_LINES or (len(stripped) > 120 and looks_like_sentence(stripped)):
            break
        if is_furniture(stripped):
            header_used.add(i)
            continue
        dates = find_dates(stripped)
        if not dates:
            if looks_like_sentence(stripped):
                break  # running text: the body has begun, later dates are events in it
            continue
        first = dates[0]
        before, after = stripped[:first.start].strip(), stripped[first.end:].strip()
        if len(before) > 60 or len(after) > 80:
            continue  # a sentence that happens to contain a date
        kind = _label_kind(before)
        if kind is None and before and (before.endswith(_SENTENCE_BEFORE_DATE) or len(after) > 30):
            break  # "...จัดขึ้นในวันที่ 9 พ.ค. ที่กรุงเทพฯ ..." is running text: the body has begun
        if kind == "updated":
            if updated is not None:
                break
            updated = first
        elif published is not None:
            break  # the header already gave its date: from here on it is the body
        else:
            if kind is None and before and not section and len(before) <= 40:
                section = before
            published = first
        if after:
            candidate = after.lstrip("—–-|:· ").strip()
            if candidate and not find_dates(candidate) and len(candidate) <= 60:
                source = source or candidate
        header_used.add(i)

    body_lines = [
        " ".join(line.split()) if line.strip() else ""
        for i, line in enumerate(lines)
        if i > title_at and i not in header_used and not is_furniture(line.strip())
    ]
    body_lines = strip_trailing_run(body_lines)
    body = strip_credit_tail(re.sub(r"\n{3,}", "\n\n", "\n".join(body_lines)).strip())
    if not body:
        raise IngestError("no body text")

    estimated = False
    pub_value = published.value if published else None
    if pub_value is None:
        opening = body.split("\n", 1)[0][:600]
        dates = find_dates(opening)
        if dates:
            pub_value, estimated = dates[0].value, True
    source = source or _source_from_lines(body_lines)
    url = find_source_url(lines)
    return Article(
        id=article_id,
        title=title,
        body=body,
        published=pub_value,
        updated=updated.value if updated else None,
        section=section,
        source=source,
        url=url,
        organizations=extract_organizations(title, body),
        date_estimated=estimated,
        origin=origin,
    )


def _is_date_line(line: str) -> bool:
    dates = find_dates(line)
    return bool(dates) and len(line) - (dates[0].end - dates[0].start) < 25


def read_raw(path: Path, text: str) -> list[Article]:
    return [parse_page(text, path.stem, origin=str(path))]
