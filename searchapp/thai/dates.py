"""Dates as Thai pages write them.

Handles Thai and Arabic digits, Thai month names and abbreviations, English month
names, Buddhist Era years (four digits, or two digits after a Thai month), ISO and
day/month/year forms. All times are Asia/Bangkok (UTC+7, no daylight saving).

>>> find_dates("วันที่ 23 ก.ย. 67")[0].value.date().isoformat()
'2024-09-23'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from ..models import BANGKOK
from .chars import fold_digits

BE_OFFSET = 543

THAI_MONTHS: dict[str, int] = {}
for number, names in enumerate(
    (
        ("มกราคม", "ม.ค.", "มค"),
        ("กุมภาพันธ์", "ก.พ.", "กพ"),
        ("มีนาคม", "มี.ค.", "มีค"),
        ("เมษายน", "เม.ย.", "เมย"),
        ("พฤษภาคม", "พ.ค.", "พค"),
        ("มิถุนายน", "มิ.ย.", "มิย"),
        ("กรกฎาคม", "ก.ค.", "กค"),
        ("สิงหาคม", "ส.ค.", "สค"),
        ("กันยายน", "ก.ย.", "กย"),
        ("ตุลาคม", "ต.ค.", "ตค"),
        ("พฤศจิกายน", "พ.ย.", "พย"),
        ("ธันวาคม", "ธ.ค.", "ธค"),
    ),
    start=1,
):
    for name in names:
        THAI_MONTHS[name] = number

EN_MONTHS: dict[str, int] = {}
for number, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"),
    start=1,
):
    EN_MONTHS[name] = number
    EN_MONTHS[name[:3]] = number
EN_MONTHS["sept"] = 9

THAI_MONTH_NAMES = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
                    "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")
THAI_MONTH_ABBR = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.",
                   "พ.ย.", "ธ.ค.")


def alternation(names: list[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


_TH_MONTH = f"(?P<thm>{alternation(list(THAI_MONTHS))})"
_EN_MONTH = f"(?P<enm>{alternation(list(EN_MONTHS))})\\.?"
_TIME = r"(?:,?\s*(?:เวลา\s*)?(?P<hh>\d{1,2})[:.](?P<mi>\d{2})(?:\s*น\.)?)?"
_ERA = r"(?:(?P<era>พ\.ศ\.|ค\.ศ\.|พ\.ศ|ค\.ศ|B\.E\.|A\.D\.)\s*)?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"

_PATTERNS = [
    # 2023-08-14 09:30, 2023-08-14T09:30:00
    re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ](?P<hh>\d{1,2}):(?P<mi>\d{2}))?(?!\d)"),
    # 14/08/2566, 14-08-2019
    re.compile(r"(?<![\d/])(?P<d>\d{1,2})[/](?P<m>\d{1,2})[/](?P<y>\d{4}|\d{2})(?![\d/])" + _TIME),
    # 9 พฤษภาคม 2567, 23 ก.ย. 67, 5 พ.ค. พ.ศ. 2560
    re.compile(r"(?<!\d)(?P<d>\d{1,2})\s*" + _TH_MONTH + r"\s*" + _ERA + r"(?P<y>\d{4}|\d{2})(?!\d)" + _TIME),
    # มิถุนายน 20, 2019
    re.compile(_TH_MONTH + r"\s*(?P<d>\d{1,2}),?\s+" + _ERA + r"(?P<y>\d{4})(?!\d)" + _TIME),
    # Monday May 13, 2024 13:15
    re.compile(r"(?i)" + _WEEKDAY + r"\b" + _EN_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})(?!\d)" + _TIME),
    # 19 Dec 2019, 13 May, 2024
    re.compile(r"(?i)(?<!\d)(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _EN_MONTH + r",?\s+(?P<y>\d{4})(?!\d)" + _TIME),
]


@dataclass(frozen=True)
class FoundDate:
    value: datetime  # naive, Asia/Bangkok wall time
    start: int
    end: int


def year_to_ce(year: int, *, two_digit_is_be: bool, era: str | None = None) -> int | None:
    """Common Era year for a year as written.

    Four-digit years from 2400 up are Buddhist Era (2567 -> 2024). Two-digit years are
    Buddhist Era after a Thai month (67 -> 2567 -> 2024), else 20xx.
    """
    if era and era.startswith(("พ", "B")):
        return year - BE_OFFSET if year >= 100 else 2500 + year - BE_OFFSET
    if year < 100:
        return (2500 + year - BE_OFFSET) if two_digit_is_be else 2000 + year
    if year >= 2400:
        return year - BE_OFFSET
    if 1800 <= year <= 2200:
        return year
    return None


def _build(match: re.Match[str]) -> datetime | None:
    groups = match.groupdict()
    if groups.get("thm"):
        month = THAI_MONTHS[groups["thm"]]
    elif groups.get("enm"):
        month = EN_MONTHS[groups["enm"].lower()]
    else:
        month = int(groups["m"])
    year = year_to_ce(int(groups["y"]), two_digit_is_be=bool(groups.get("thm")) or "/" in match.group(0),
                      era=groups.get("era"))
    if year is None:
        return None
    try:
        day = date(year, month, int(groups["d"]))
    except ValueError:
        return None
    hour = int(groups["hh"]) if groups.get("hh") else 0
    minute = int(groups["mi"]) if groups.get("mi") else 0
    if hour > 23 or minute > 59:
        hour = minute = 0
    return datetime(day.year, day.month, day.day, hour, minute)


def find_dates(text: str) -> list[FoundDate]:
    """Every date written in ``text``, in order of position (overlaps resolved leftmost-longest)."""
    folded = fold_digits(text)
    found: list[FoundDate] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(folded):
            value = _build(match)
            if value is not None:
                found.append(FoundDate(value, match.start(), match.end()))
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    result: list[FoundDate] = []
    for item in found:
        if result and item.start < result[-1].end:
            continue
        result.append(item)
    return result


def parse_iso(value: str) -> datetime | None:
    """An ISO 8601 timestamp (``Z`` or offset allowed) as naive Bangkok wall time."""
    text = value.strip()
    if not text:
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        found = find_dates(text)
        return found[0].value if found else None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(BANGKOK).replace(tzinfo=None)
    return parsed


def thai_date(value: datetime | date, *, abbreviated: bool = False) -> str:
    """``thai_date(date(2024, 5, 13)) == "13 พฤษภาคม 2567"``."""
    months = THAI_MONTH_ABBR if abbreviated else THAI_MONTH_NAMES
    return f"{value.day} {months[value.month - 1]} {value.year + BE_OFFSET}"
