from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# characters the normalizer treats specially, mixed with ordinary Thai and Latin
_TRICKY = ("กขคงจนมยรลวสหอะาำเแโใไ" "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e4d"
           "\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4e" "๐๑๒๙ๆฯ" "\u200b\u00ad\ufeff" "AZaz09 " "ＡＺｚ０\u3000"
           "ΣσςİǅÉ")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_TRICKY, max_size=40))
def test_the_fast_normalization_path_agrees_with_the_character_by_character_one(text):
    from searchapp.analysis.normalize import _normalize_by_character

    fast, slow = normalize(text), _normalize_by_character(text)
    assert fast.text == slow.text
    assert list(fast.offsets) == list(slow.offsets)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["กระทรวงการต่างประเทศ ", "ข่าว", "ASEAN ", "๒๕๖๗", "\u200b", "ก\u0e48\u0e48า",
                                 "ก\u0e49\u0e31น", "น\u0e4d\u0e32", "\u0e48\u0e4d\u0e32", "Σ", "ｚ", "ๆ"]), max_size=30))
def test_a_long_text_normalized_in_pieces_agrees_with_the_character_by_character_path(chunks):
    # what needs care is normalized character by character, the stretches between it by the fast path
    from searchapp.analysis.normalize import _normalize_by_character

    text = "".join(chunks)
    pieces, whole = normalize(text), _normalize_by_character(text)
    assert pieces.text == whole.text
    assert list(pieces.offsets) == list(whole.offsets)


def test_one_zero_width_space_does_not_change_the_rest_of_a_long_text():
    text = "รัฐมนตรีว่าการกระทรวงการต่างประเทศ ๒๕๖๗ " * 50 + "\u200b" + "ข่าวอาเซียน ASEAN " * 50
    result = normalize(text)
    assert "\u200b" not in result.text
    assert result.text == normalize(text.replace("\u200b", "")).text
    assert result.offsets[-1] == len(text)
    assert text[result.offsets[result.text.index("ข่าว")]:].startswith("ข่าว")


def test_ordinary_thai_text_takes_the_fast_path():
    text = "กระทรวงการต่างประเทศแถลงข่าวที่ทำเนียบรัฐบาล เมื่อ ๒๕๖๗ ASEAN"
    result = normalize(text)
    assert isinstance(result.offsets, range)
    assert result.text == "กระทรวงการต่างประเทศแถลงข่าวที่ทำเนียบรัฐบาล เมื่อ 2567 asean"


@pytest.mark.parametrize("text", ["กระทรวงการต่างประเทศแถลงข่าว ASEAN ๒๕๖๗", "ข่าว\u200bอาเซียน U.S. 1,250.5 บาท",
                                  "นายกรัฐมนตรีเดินทางไปประชุมสุดยอดอาเซียนที่เวียงจันทน์ อื่นๆ", ""])
def test_edges_are_the_places_the_full_analysis_gives(text):
    # snippets use segment.edges, a lighter twin of analyze: both must cut the same places
    from searchapp.analysis.segment import edges

    analysis = analyze(text)
    starts, ends, every = edges(text)
    assert set(starts) == {t.start for t in analysis.words}
    assert set(ends) == {t.end for t in analysis.words}
    assert every == {e for t in analysis.words + analysis.syllables for e in (t.start, t.end)}


def test_a_process_killed_while_loading_the_dictionaries_leaves_no_files_behind(tmp_path):
    # servers and reindex workers can be killed at any moment, also while they start; each
    # start used to write the 1.6 MB dictionary into a temporary folder that a kill left behind
    import os
    import subprocess
    import sys

    script = ("import os, signal, nlpo3\n"
              "from searchapp.analysis import segment\n"
              "def killed(path, name):\n"
              "    assert os.path.getsize(path) > 1_000_000\n"  # killed once the words are written
              "    os.kill(os.getpid(), signal.SIGKILL)\n"
              "nlpo3.load_dict = nlpo3._nlpo3_python_backend.load_dict = killed\n"
              "segment._dictionaries()\n")
    env = dict(os.environ, TMPDIR=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == -9, done.stderr
    assert list(tmp_path.iterdir()) == []


def test_dictionary_words_of_both_lists_segment_after_loading():
    # pythainlp's list and ours are both loaded: ours adds words pythainlp lacks
    from searchapp.analysis import segment

    ours = segment.resources.files("searchapp.analysis").joinpath("data/words.txt").read_text("utf-8")
    word = next(line.strip() for line in ours.splitlines()
                if line.strip() and not line.startswith("#") and len(line.strip()) > 6)
    assert word in segment._dictionaries()
    assert word in [t.text for t in analyze(f"ข่าว{word}วันนี้").words]


def test_without_the_backend_the_dictionary_goes_through_a_named_file_removed_after(tmp_path, monkeypatch):
    # another nlpo3 build (no private backend module): the public load_dict, given a real file
    from types import SimpleNamespace

    from searchapp.analysis import segment

    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(segment.tempfile, "tempdir", None)
    given = {}

    def load_dict(path, name):
        given[name] = segment.Path(path).read_text("utf-8")
        return "loaded", True

    assert segment._load_dictionary(SimpleNamespace(load_dict=load_dict), "test-dict", "ข่าว\nข้าว") == ("loaded", True)
    assert given == {"test-dict": "ข่าว\nข้าว"}
    assert list(tmp_path.iterdir()) == []
