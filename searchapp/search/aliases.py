"""Query-time synonyms: other names of what the query names.

A query for one form also finds the others, from three sources:

- the organization data (อาเซียน <-> ASEAN <-> สมาคมประชาชาติแห่งเอเชียตะวันออกเฉียงใต้);
- short and long forms of places, bodies and titles (สหรัฐฯ <-> สหรัฐอเมริกา <-> US);
- years: a four-digit number that is clearly a year is also looked up in the other era
  (2567 <-> 2024; Buddhist Era = Common Era + 543).

>>> alternatives("ประชุมอาเซียน 2567")[1]
('2567', ('2024',))
>>> alternatives("ราคา 2100 บาท")
[]
"""

from __future__ import annotations

import re

from ..thai.chars import fold_digits
from ..thai.orgs import registry, short_forms
from ..thai.dates import BE_OFFSET
from ..thai.periods import BE_YEARS, CE_YEARS, UNIT

_NUMBER = re.compile(r"(?<![0-9.,])[0-9]{4}(?![0-9]|[.,][0-9])")
MAX_ALTERNATIVES = 12


def other_era(year: int) -> int | None:
    """2567 -> 2024, 2024 -> 2567; None for a number that is not clearly a year."""
    if year in BE_YEARS:
        return year - BE_OFFSET
    if year in CE_YEARS:
        return year + BE_OFFSET
    return None


def alternatives(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """Each name in ``text`` that has other forms, as (the form written, the other forms)."""
    folded = fold_digits(text)
    groups: list[tuple[str, tuple[str, ...]]] = []
    total = 0
    for table in (registry(), short_forms()):
        for match in table.matches(folded):
            written = folded[match.start:match.end]
            others = tuple(a for a in table.aliases(match.name) if a != written and a not in folded)
            others = others[:max(0, MAX_ALTERNATIVES - total)]
            if others:
                groups.append((written, others))
                total += len(others)
    for m in _NUMBER.finditer(folded):
        other = other_era(int(m.group(0)))
        if other is not None and not UNIT.match(folded, m.end()):
            groups.append((m.group(0), (str(other),)))
    return groups
