"""Periods of time as people type them into a search box: a year, a month, a day, a range.

Years are Common Era (2019) or Buddhist Era (2562 = 2019 + 543), with or without
พ.ศ./ค.ศ.; months are Thai names or abbreviations (มี.ค. 2567, มีนาคม 2567) or English
(March 2024); a range is two years joined by ``..`` (2560..2562). Thai digits are read
as digits. A four-digit number followed by a unit (2100 บาท) is a quantity, not a year.

>>> [(p.first.isoformat(), p.last.isoformat(), p.kind) for p in find_periods("อาเซียน มี.ค. 2567")]
[('2024-03-01', '2024-03-31', 'month')]
>>> [(p.first.year, p.last.year, p.kind) for p in find_periods("2560..2562")]
[(2017, 2019, 'range')]
>>> find_periods("ราคา 2100 บาท")
[]
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from .chars import fold_digits
from .dates import BE_OFFSET, EN_MONTHS, THAI_MONTHS, alternation, year_to_ce

# the years a news archive talks about, in each era
CE_YEARS = range(1900, 2101)
BE_YEARS = range(CE_YEARS.start + BE_OFFSET, CE_YEARS.stop + BE_OFFSET)

_ERA = r"(?:(?P<era{n}>พ\.\s?ศ\.?|ค\.\s?ศ\.?|B\.E\.|A\.D\.)\s*)?"
_YEAR4 = r"(?<![0-9])(?<![0-9][.,/:-])(?P<y{n}>[0-9]{{4}})(?![0-9]|[.,][0-9])"
# a number followed by a unit is a quantity, not a year
UNIT = re.compile(r"\s*(?:บาท|คน|ราย|ล้าน|แสน|หมื่น|พัน|กม|กิโล|เมตร|ตัน|ลิตร|ชิ้น|หลัง|ครั้ง|ดอลลาร์|%|baht|km|people)")
_MONTH = f"(?:(?P<thm>{alternation(list(THAI_MONTHS))})|(?i:(?P<enm>{alternation(list(EN_MONTHS))})\\b\\.?))"

_RANGE = re.compile(_ERA.format(n=1) + _YEAR4.format(n=1) + r"\s*\.\.\s*" + _ERA.format(n=2)
                    + r"(?P<y2>[0-9]{4})(?![0-9]|[.,][0-9])")
_DAY_MONTH = re.compile(r"(?<![0-9])(?P<d>[0-9]{1,2})\s*" + _MONTH + r"\s*" + _ERA.format(n=1)
                        + r"(?P<y1>[0-9]{4}|[0-9]{2})(?![0-9])")
_MONTH_YEAR = re.compile(_MONTH + r"\s*" + _ERA.format(n=1) + r"(?P<y1>[0-9]{4}|[0-9]{2})(?![0-9])")
_YEAR = re.compile(r"(?:ปี\s*)?" + _ERA.format(n=1) + _YEAR4.format(n=1))


@dataclass(frozen=True)
class Period:
    first: date
    last: date
    kind: str  # year | month | day | range
    start: int = 0  # where it is written in the text
    end: int = 0

    @property
    def years(self) -> range:
        return range(self.first.year, self.last.year + 1)


def _ce(year: str, era: str | None, *, after_thai_month: bool = False) -> int | None:
    value = int(year)
    if len(year) == 4 and era is None and value not in CE_YEARS and value not in BE_YEARS:
        return None
    ce = year_to_ce(value, two_digit_is_be=after_thai_month, era=era.replace(" ", "") if era else None)
    return ce if ce is not None and ce in CE_YEARS else None


def _month(match: re.Match[str]) -> int:
    if match.group("thm"):
        return THAI_MONTHS[match.group("thm")]
    return EN_MONTHS[match.group("enm").lower()]


def find_periods(text: str) -> list[Period]:
    """Every period written in ``text``, leftmost-longest, in order."""
    folded = fold_digits(text)
    found: list[Period] = []
    taken: list[tuple[int, int]] = []

    def free(m: re.Match[str]) -> bool:
        return all(m.end() <= s or m.start() >= e for s, e in taken)

    def add(period: Period) -> None:
        found.append(period)
        taken.append((period.start, period.end))

    for m in _RANGE.finditer(folded):
        low, high = _ce(m.group("y1"), m.group("era1")), _ce(m.group("y2"), m.group("era2"))
        if low is not None and high is not None and free(m):
            low, high = min(low, high), max(low, high)
            add(Period(date(low, 1, 1), date(high, 12, 31), "range", m.start(), m.end()))
    for m in _DAY_MONTH.finditer(folded):
        year = _ce(m.group("y1"), m.group("era1"), after_thai_month=bool(m.group("thm")))
        if year is None or not free(m):
            continue
        try:
            day = date(year, _month(m), int(m.group("d")))
        except ValueError:
            continue
        add(Period(day, day, "day", m.start(), m.end()))
    for m in _MONTH_YEAR.finditer(folded):
        year = _ce(m.group("y1"), m.group("era1"), after_thai_month=bool(m.group("thm")))
        if year is None or not free(m):
            continue
        month = _month(m)
        add(Period(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month",
                   m.start(), m.end()))
    for m in _YEAR.finditer(folded):
        year = _ce(m.group("y1"), m.group("era1"))
        if year is None or not free(m) or UNIT.match(folded, m.end()):
            continue
        add(Period(date(year, 1, 1), date(year, 12, 31), "year", m.start(), m.end()))
    found.sort(key=lambda p: p.start)
    return found


def parse_bound(value: str, *, end: bool) -> date | None:
    """A date-range filter's bound: an ISO date (2024-03-01), a year in either era (2567,
    2024) or a Thai date (1 มี.ค. 2567). The end of a year or month is its last day.

    >>> parse_bound("2567", end=True)
    datetime.date(2024, 12, 31)
    >>> parse_bound("2024-03-05", end=False)
    datetime.date(2024, 3, 5)
    """
    value = fold_digits(value or "").strip()
    if not value:
        return None
    iso = re.fullmatch(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", value)
    if iso:
        year = _ce(iso.group(1), None)
        try:
            return date(year, int(iso.group(2)), int(iso.group(3))) if year else None
        except ValueError:
            return None
    periods = find_periods(value)
    if len(periods) != 1 or periods[0].kind == "range":
        return None
    return periods[0].last if end else periods[0].first


def be_year(ce_year: int) -> int:
    return ce_year + BE_OFFSET
