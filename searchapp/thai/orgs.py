"""The curated organization data: canonical names and every alias that folds onto them.

>>> registry().canonical("ASEAN")
'อาเซียน'
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from .chars import clean_text, fold_digits, is_thai


@dataclass(frozen=True)
class Organization:
    name: str
    thai: tuple[str, ...]
    english: tuple[str, ...]
    abbreviations: tuple[str, ...]

    @property
    def aliases(self) -> tuple[str, ...]:
        seen: dict[str, None] = {self.name: None}
        for alias in self.thai + self.english + self.abbreviations:
            seen.setdefault(alias, None)
        return tuple(seen)


def alias_key(alias: str) -> str:
    """The form aliases are compared in: cleaned, digits folded, spaces collapsed, Latin lowercased."""
    return " ".join(fold_digits(clean_text(alias)).split()).lower()


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and len(alias) <= 12 and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1)


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    name: str


class OrganizationRegistry:
    def __init__(self, organizations: list[Organization]) -> None:
        self.organizations = organizations
        self._by_key: dict[str, Organization] = {}
        for org in organizations:
            for alias in org.aliases:
                self._by_key.setdefault(alias_key(alias), org)
        # a Thai name written in words is also found written without its spaces (บริติช แอร์เวย์ส,
        # บริติชแอร์เวย์ส: Thai writers drop them freely); only here, for finding names in text
        unspaced = {a.replace(" ", ""): o for o in organizations for a in o.aliases
                    if " " in a and any(is_thai(c) for c in a)}
        for form, org in unspaced.items():
            self._by_key.setdefault(alias_key(form), org)
        thai = sorted({a for o in organizations for a in o.aliases if any(is_thai(c) for c in a)} | set(unspaced),
                      key=len, reverse=True)
        latin = [a for o in organizations for a in o.aliases if not any(is_thai(c) for c in a)]
        acronyms = sorted({a for a in latin if _is_acronym(a)}, key=len, reverse=True)
        names = sorted({a for a in latin if not _is_acronym(a)}, key=len, reverse=True)
        thai_forms = [fold_digits(clean_text(a)) for a in thai]
        # Thai abbreviations (กต., ครม.) must start where a word ends (abbreviation_starts_word:
        # glued to the word before, มติครม., is fine); other aliases must not
        # end in the middle of a character cluster. One trie-shaped pattern each: an
        # alternation of hundreds of names would be tried name by name at every position.
        # not part of a chained unit code (กสก.สพฐ.4, บก.อก.บช.ส.)
        # nor glued to a number: a code (ทล.3 a highway, มท.1 the minister, พด.1 a product)
        # (nor inside a chain of codes after a dot, but a clock time's น. may come just before: 17.45 น.จส.100
        # ทวิต; checked in matches, as lookbehinds opening the pattern would be tried at every position)
        self._thai_abbr = re.compile(_trie_pattern(
            [f for a, f in zip(thai, thai_forms) if _is_thai_abbreviation(a)], r"(?![\u0e01-\u0e2e]{1,4}\.|[0-9])"))
        self._thai = re.compile(_trie_pattern(
            [f for a, f in zip(thai, thai_forms) if not _is_thai_abbreviation(a)], _NOT_MID_CLUSTER))
        boundary_l, boundary_r = r"(?<![A-Za-z0-9\-])", r"(?![A-Za-z0-9])"
        # nor the letters of a model number: AU-23A is an aircraft, not the African Union
        self._acronyms = re.compile(boundary_l + _trie_pattern(acronyms, r"(?![A-Za-z0-9]|-[0-9])"))
        # lowercased: case variants of one name are one branch of the trie, matched ignoring case
        self._names = re.compile(boundary_l + _trie_pattern(sorted({n.lower() for n in names}), boundary_r),
                                 re.IGNORECASE)

    def get(self, alias: str) -> Organization | None:
        return self._by_key.get(alias_key(alias))

    def canonical(self, alias: str) -> str | None:
        org = self.get(alias)
        return org.name if org else None

    def aliases(self, name: str) -> tuple[str, ...]:
        org = self.get(name)
        return org.aliases if org else (name,)

    def completion(self, start: str) -> str | None:
        """The canonical name of the one organization whose Thai name begins with ``start``, the
        start of a name written short with ฯ (กระทรวงทรัพยากรฯ: กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม);
        None when no organization's name or several organizations' names begin so."""
        keys = self._thai_keys
        key = alias_key(start)
        at = bisect.bisect_left(keys, (key,))
        names = set()
        while at < len(keys) and keys[at][0].startswith(key) and len(names) < 2:
            names.add(keys[at][1])
            at += 1
        return names.pop() if len(names) == 1 else None

    @cached_property
    def _thai_keys(self) -> list[tuple[str, str]]:
        """(alias key, canonical name) of every Thai name, sorted: made when first asked for."""
        return sorted((alias_key(alias), org.name) for org in self.organizations
                      for alias in (org.name,) + org.thai if any(is_thai(c) for c in alias))

    def matches(self, text: str) -> list[Match]:
        """Every alias occurrence in ``text`` (leftmost-longest, no overlaps)."""
        folded = fold_digits(text)
        found: list[tuple[int, int, str]] = []
        for pattern in (self._thai, self._thai_abbr, self._acronyms, self._names):
            for m in pattern.finditer(folded):
                org = self.get(m.group(0))
                if org is None:
                    continue
                if _foreign_body(folded, m):
                    continue
                if pattern is self._thai_abbr and (_after_a_code(folded, m.start())
                                                   or not abbreviation_starts_word(folded, m.start())):
                    continue
                if pattern is self._thai and _inside_spelled_acronym(folded, m):
                    continue
                if m.group(0)[-1:].isdigit() and folded[m.end():m.end() + 1].isdigit():
                    continue  # ช่อง 3 is not the start of ช่อง 30: a number is read whole
                found.append((m.start(), m.end(), org.name))
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        result: list[Match] = []
        for start, end, name in found:
            if result and start < result[-1].end:
                continue
            result.append(Match(start, end, name))
        return result


_CLOCK_TIME = re.compile(r"[0-9] ?น\.$")


def _after_a_code(text: str, start: int) -> bool:
    """Does ``start`` follow a dot that is not a clock time's (17.45 น.จส.100)?"""
    return start > 0 and text[start - 1] == "." and not _CLOCK_TIME.search(text, max(0, start - 4), start)


# the Thai letters written just before a place (up to 20): the word a name may be glued to
THAI_BEFORE = re.compile(r"[\u0e01-\u0e4e]{1,20}$")


def word_before(text: str, start: int) -> str:
    """The last word of the Thai letters written just before ``start`` (up to 20), or ''."""
    before = THAI_BEFORE.search(text, max(0, start - 20), start)
    if before is None:
        return ""
    from ..analysis.segment import cut_words

    return cut_words(before.group(0))[-1]


def word_edge(text: str, at: int, start: int | None = None, end: int | None = None) -> bool:
    """Whether the word cut of ``text[start:end]`` (``start`` defaults to ``at``), taken with the Thai
    letters written just before ``start`` (up to 20), puts a word edge at ``at``: is ``at`` where a word
    begins or ends as written, rather than inside one?"""
    start = at if start is None else start
    before = THAI_BEFORE.search(text, max(0, start - 20), start)
    first = before.start() if before else start
    from ..analysis.segment import cut_words

    edge, done = at - first, 0
    for word in cut_words(text[first:end]):
        if done >= edge:
            break
        done += len(word)
    return done == edge


def abbreviation_starts_word(text: str, start: int) -> bool:
    """A Thai abbreviation glued to the word before it (อธิบดีกพร., ให้กต.) starts where that word
    ends; inside a longer abbreviation (สกสค. holds สค.) it does not."""
    last = word_before(text, start)
    if not last:
        return True
    from ..analysis.segment import is_word

    return len(last) >= 2 and is_word(last)


_NOT_MID_CLUSTER = r"(?![\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])"


# English letters as Thai spells them (ไอเอส = IS, เอไอเอส = AIS), longest first
_LETTER_NAMES = "ดับเบิลยู|เอ็กซ์|เอ็ม|เอ็น|เอฟ|เอช|แอล|อาร์|เอส|คิว|แซด|วาย|เอ|บี|ซี|ดี|อี|จี|ไอ|เจ|เค|โอ|พี|ที|ยู|วี"
_LETTERS = dict(zip(_LETTER_NAMES.split("|"), "WXMNFHLRSQZYABCDEGIJKOPTUV"))
_ONE_LETTER = re.compile(_LETTER_NAMES)
_SPELLED = re.compile(f"(?:{_LETTER_NAMES})+")


def spelled_prefix(text: str) -> str:
    """The English letter names ``text`` starts with (ซีเอ็นอาร์พีมั่นคง -> ซีเอ็นอาร์พี), or ''."""
    m = _SPELLED.match(text)
    return m.group(0) if m else ""


def spelled_letters(text: str) -> str | None:
    """The English letters ``text`` spells out in Thai (ยูเอ็นโอดีซี -> UNODC), or None when it is
    not made of letter names alone."""
    if not _SPELLED.fullmatch(text):
        return None
    return "".join(_LETTERS[m.group(0)] for m in _ONE_LETTER.finditer(text))


_LETTER_BEFORE = re.compile(f"(?:{_LETTER_NAMES})$")
# letters running on to the end of the Thai run: a longer acronym (ไอเอสเอส), not a word after it (ไอเอสเคย)
_LETTERS_TO_END = re.compile(f"(?:{_LETTER_NAMES})+(?![\u0e01-\u0e4e])")


def _inside_spelled_acronym(text: str, m: re.Match[str]) -> bool:
    """A Thai-spelled acronym (ไอเอส) that is part of a longer one (เอไอเอส, ไอเอสเอส) is not that name,
    nor are letter names that end inside a word: ขายดีอีก "sells well again" is ขาย + ดี + อีก, not ดีอี."""
    if not _SPELLED.fullmatch(m.group(0)):
        return False
    return bool(_LETTER_BEFORE.search(text, max(0, m.start() - 9), m.start())
                or _LETTERS_TO_END.match(text, m.end())) or _ends_inside_word(text, m.start(), m.end())


_THAI_AFTER = re.compile(r"[\u0e01-\u0e4e]{1,20}")


def _ends_inside_word(text: str, start: int, end: int) -> bool:
    """Whether Thai letters go on after ``text[start:end]`` and the word cut puts no word edge at ``end``."""
    after = _THAI_AFTER.match(text, end)
    return after is not None and not word_edge(text, end, start, after.end())


def _is_thai_abbreviation(alias: str) -> bool:
    return "." in alias and len(alias) <= 10


def _trie_pattern(names: list[str], end: str) -> str:
    """One regex matching any of ``names``, longest first, shaped as a trie of their characters
    (a space matches any run of whitespace); ``end`` must hold where a name ends."""
    if not names:
        return "(?!)"
    trie: dict = {}
    for name in names:
        node = trie
        for ch in " ".join(name.split()):
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child)
                    for ch, child in node.items() if ch]
        if "" in node:
            branches.append("")  # the name may end here (tried after the longer ones)
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    # ``end`` written once, after the trie: where it fails, the regex backtracks into the
    # trie's shorter names as it would with ``end`` at every name's end, and the pattern
    # is a third the size (its compilation was a fifth of a one-file reindex's set-up)
    return "(?:" + emit(trie) + ")" + end


_MINISTRY_HEADS = ("กระทรวง", "กองทัพ")


def _foreign_body(text: str, m: re.Match[str]) -> bool:
    """กระทรวงการต่างประเทศรัสเซีย is Russia's ministry, not the Thai one."""
    if not m.group(0).startswith(_MINISTRY_HEADS):
        return False
    rest = text[m.end():m.end() + 40].lstrip()
    if rest.startswith("ของ"):
        rest = rest[3:].lstrip()
    return rest.startswith(countries())


@lru_cache(maxsize=1)
def countries() -> tuple[str, ...]:
    """Thai country names (PyThaiNLP's list plus common short forms), longest first."""
    from ..config import pythainlp_file

    names = set(pythainlp_file("countries_th.txt").read_text("utf-8").split())
    names.update({"สหรัฐฯ", "สหรัฐ", "จีน", "ญี่ปุ่น", "รัสเซีย", "เวียดนาม", "อินโดนีเซีย", "เกาหลีใต้",
                  "เกาหลีเหนือ", "อังกฤษ", "ฝรั่งเศส", "เยอรมนี", "อินเดีย", "ลาว", "กัมพูชา", "เมียนมา",
                  "พม่า", "มาเลเซีย", "สิงคโปร์", "ฟิลิปปินส์", "บรูไน", "ออสเตรเลีย", "ยูเครน", "อิหร่าน",
                  "อิสราเอล", "ตุรกี", "ซาอุดีอาระเบีย", "กาตาร์", "ปากีสถาน", "แคนาดา"})
    names.discard("ไทย")
    return tuple(sorted(names, key=len, reverse=True))


def _load(filename: str) -> OrganizationRegistry:
    data = json.loads(resources.files("searchapp.thai").joinpath("data", filename).read_text("utf-8"))
    orgs = [
        Organization(o["name"], tuple(o["th"]), tuple(o["en"]), tuple(o["abbr"]))
        for o in data["organizations"]
    ]
    return OrganizationRegistry(orgs)


@lru_cache(maxsize=1)
def registry() -> OrganizationRegistry:
    return _load("organizations.json")


@lru_cache(maxsize=1)
def short_forms() -> OrganizationRegistry:
    """Places, bodies and titles written several ways (สหรัฐฯ, สหรัฐอเมริกา, US): query-time synonyms."""
    return _load("short_forms.json")
