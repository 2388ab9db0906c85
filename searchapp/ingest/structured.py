"""Structured inputs: one JSON article per file (Dailynews style), or JSONL, one per line.

Field names are mapped by FIELD_NAMES: the first name present wins.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from ..errors import IngestError
from ..models import Article
from ..thai.dates import parse_iso
from .furniture import is_furniture, strip_credit_tail
from .organizations import extract_organizations
from .rawtext import strip_html

FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("id", "guid", "article_id", "_id"),
    "title": ("title", "headline", "name"),
    "body": ("content", "body", "text", "article", "articleBody"),
    "description": ("description", "summary", "lead"),
    "published": ("date", "published", "pubDate", "datePublished", "publish_date", "published_at"),
    "updated": ("updated", "modified", "dateModified", "updated_at"),
    "section": ("category", "section", "categories"),
    "source": ("source", "publisher", "site", "site_name"),
    "url": ("url", "link", "href"),
}

# A site's own suffix on titles, and who it is.
KNOWN_SOURCES = {"dailynews.co.th": "เดลินิวส์", "mfa.go.th": "กระทรวงการต่างประเทศ"}
TITLE_SUFFIX = re.compile(r"\s*[|\-–]\s*(เดลินิวส์|Dailynews|ไทยรัฐ|มติชน|ข่าวสด|กรุงเทพธุรกิจ)\s*$", re.IGNORECASE)

# Dailynews category slugs, shown in Thai.
SECTION_NAMES = {
    "agriculture": "เกษตร", "bangkok": "กรุงเทพฯ", "crime": "อาชญากรรม", "economic": "เศรษฐกิจ",
    "education": "การศึกษา", "entertainment": "บันเทิง", "foreign": "ต่างประเทศ", "it": "ไอที",
    "politics": "การเมือง", "regional": "ภูมิภาค", "royalnews": "ข่าวในพระราชสำนัก", "sports": "กีฬา",
    "women": "ผู้หญิง",
}


def _field(record: dict[str, Any], name: str) -> Any:
    for key in FIELD_NAMES[name]:
        value = record.get(key)
        if value not in (None, "", []):
            return value
    return None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = " ".join(str(v) for v in value)
    return str(value)


_PARAGRAPH_GAP = re.compile(r"[ \t]{3,}")


def clean_body(raw: str) -> str:
    # Dailynews-style content separates paragraphs by a run of spaces: keep them as paragraphs
    text = _PARAGRAPH_GAP.sub("\n", strip_html(raw).replace("\xa0", " "))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    lines = [line for line in lines if not is_furniture(line)]
    return strip_credit_tail(re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip())


def record_to_article(record: Any, fallback_id: str, origin: str) -> Article:
    if not isinstance(record, dict):
        raise IngestError("JSON is not an object with article fields")
    body = clean_body(_text(_field(record, "body")))
    if not body:
        raise IngestError("no body text (content is empty)")
    title = " ".join(strip_html(_text(_field(record, "title"))).split())
    title = TITLE_SUFFIX.sub("", title)  # may stay empty: pages show the body's opening instead
    url = _text(_field(record, "url")) or None
    source = _text(_field(record, "source")) or None
    if not source and url:
        host = urlparse(url).hostname or ""
        source = next((name for domain, name in KNOWN_SOURCES.items() if host.endswith(domain)), None)
    section = _text(_field(record, "section")) or None
    if section:
        section = SECTION_NAMES.get(section.lower(), section)
    raw_id = _field(record, "id")
    article_id = str(raw_id) if raw_id is not None else fallback_id
    published = parse_iso(_text(_field(record, "published")))
    updated = parse_iso(_text(_field(record, "updated")))
    return Article(
        id=article_id,
        title=title,
        body=body,
        published=published,
        updated=updated,
        section=section,
        source=source,
        url=url,
        organizations=extract_organizations(title, body),
        origin=origin,
    )


def read_json(path: Path, text: str) -> list[Article]:
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(f"JSON does not parse: {exc.msg} at line {exc.lineno}") from None
    if isinstance(record, list):
        return [record_to_article(item, f"{path.stem}-{n}", str(path)) for n, item in enumerate(record, 1)]
    return [record_to_article(record, path.stem, str(path))]


def read_jsonl(path: Path, text: str) -> tuple[list[Article], list[str]]:
    """Articles from a JSONL file, plus one problem message per bad line."""
    articles: list[Article] = []
    problems: list[str] = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            articles.append(record_to_article(record, f"{path.stem}-{number}", f"{path}:{number}"))
        except json.JSONDecodeError as exc:
            problems.append(f"line {number}: JSON does not parse ({exc.msg})")
        except IngestError as exc:
            problems.append(f"line {number}: {exc}")
    return articles, problems
