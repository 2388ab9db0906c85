from __future__ import annotations

import pytest

from searchapp.analysis import analyze, normalize


def words(text: str) -> list[str]:
    return [t.text for t in analyze(text).words]


def test_thai_digits_fold_to_arabic_for_matching():
    assert normalize("๒๕๖๗").text == "2567"


def test_zero_width_characters_are_dropped_but_offsets_still_point_into_the_original():
    text = "อาเซียน\u200bรัสเซีย"
    analysis = analyze(text)
    assert [t.text for t in analysis.words] == ["อาเซียน", "รัสเซีย"]
    assert [text[t.start:t.end] for t in analysis.words] == ["อาเซียน", "รัสเซีย"]


def test_every_token_offset_slices_the_original_text():
    text = "ไทยเข้าร่วม ASCCO ครั้งที่ ๑๖ ณ กรุงจาการ์ตา, U.S. ๒,๓๒๔ views"
    for tok in analyze(text).words:
        original = text[tok.start:tok.end]
        assert normalize(original).text.replace(".", "").replace(",", "") .startswith(tok.text[:2])


def test_tone_marks_are_never_dropped():
    assert len({tuple(words(w)) for w in ("ขาว", "ข่าว", "ข้าว")}) == 3


def test_mark_order_and_repeated_marks_are_normalized():
    # tone mark typed before the vowel above, and a doubled tone mark
    assert normalize("ก\u0e48\u0e34น").text == normalize("ก\u0e34\u0e48น").text
    assert normalize("ก\u0e48\u0e48า").text == "ก\u0e48า"


def test_sara_am_typed_as_two_characters_matches():
    assert words("น\u0e4d\u0e32") == words("น\u0e33")
    assert words("น\u0e49\u0e4d\u0e32") == words("น\u0e49\u0e33")


def test_repetition_mark_and_paiyannoi_separate_words():
    assert words("อื่นๆ") == words("อื่น ๆ") == ["อื่น"]
    assert words("สหรัฐฯ") == ["สหรัฐ"]


def test_full_width_latin_and_case_fold():
    assert words("ＡＳＥＡＮ") == words("asean") == words("ASEAN")


def test_english_words_are_stemmed():
    assert words("cooperation") == words("cooperations")


def test_compound_words_also_index_their_parts():
    parts = words("กระทรวงการต่างประเทศ")
    assert parts[0] == "กระทรวงการต่างประเทศ"
    assert "ต่างประเทศ" in parts and "กระทรวง" in parts


def test_syllables_do_not_depend_on_spaces():
    a = analyze("ยูเครนรัสเซีย")
    b = analyze("ยูเครน รัสเซีย")
    assert [t.text for t in a.syllables] == [t.text for t in b.syllables]


@pytest.mark.parametrize("text", ["", "   ", "!!!", "\u200b"])
def test_text_without_words_gives_no_tokens(text):
    assert analyze(text).words == ()
