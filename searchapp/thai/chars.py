"""Thai character classes and digit folding."""

from __future__ import annotations

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
DIGIT_FOLD = str.maketrans(THAI_DIGITS, "0123456789")

# Marks that combine with the preceding consonant: a token may never start on one,
# and a match may never end just before one (that would cut a character cluster).
COMBINING = frozenset(
    "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"
)
# Leading vowels are written before the consonant they follow in speech.
LEADING_VOWELS = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44")
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def is_thai(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


def fold_digits(text: str) -> str:
    """Thai digits to Arabic: ``fold_digits("๒๕๖๗") == "2567"``."""
    return text.translate(DIGIT_FOLD)


def clean_text(text: str) -> str:
    """Text as ingestion stores it: NFC, no zero-width characters, one form of sara am.

    Thai digits and tone marks are kept exactly as written (display shows the original).
    """
    import unicodedata

    text = unicodedata.normalize("NFC", text)
    if any(ch in ZERO_WIDTH for ch in text):
        text = "".join(ch for ch in text if ch not in ZERO_WIDTH)
    # nikhahit + sara aa is how some keyboards type sara am
    return text.replace("\u0e4d\u0e32", "\u0e33")
