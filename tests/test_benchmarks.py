"""The benchmark scripts' own logic (what their figures rest on)."""

import importlib.util
import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from .conftest import ROOT


def _scale_module():
    sys.path.insert(0, str(ROOT / "benchmarks"))  # scale.py imports load.py from beside it
    spec = importlib.util.spec_from_file_location("searchapp_bench_scale", ROOT / "benchmarks" / "scale.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


scale = _scale_module()

# a few letters, so that names share beginnings and run into each other
_LETTERS = st.sampled_from("กขคงอา ")


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.text(_LETTERS, min_size=1, max_size=6), min_size=1, max_size=12, unique=True),
       text=st.text(_LETTERS, max_size=60))
def test_the_generator_finds_names_as_a_longest_first_alternation_would(words, text):
    # scale.py's corpus swaps organization names found by this pattern; it must find the same
    # names as the plain alternation it replaced, or the generated archive would change
    words = sorted(words, key=len, reverse=True)
    plain = re.compile("|".join(re.escape(w) for w in words))
    shared = scale._longest_first(words)
    assert [m.span() for m in shared.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_the_generator_prefers_the_longest_name_starting_at_a_place():
    pattern = scale._longest_first(["กรม", "กรมการ", "กรมการข้าว"])
    assert [m.group(0) for m in pattern.finditer("กรมการข้าวกับกรมการค้าและกรมป่าไม้")] == [
        "กรมการข้าว", "กรมการ", "กรม"]


def test_every_generated_query_has_something_to_search_for(tmp_path):
    # a title's lone marks (`ฯ'`, `ๆ`, `!"`) made a query the API rightly refuses with 400,
    # which the scale run counted as errors of the server
    import json

    from searchapp.search.build import build_query
    from searchapp.search.query import parse_query

    titles = ["สหรัฐฯ' เตือน", "ช้าๆ ! ข่าว", "ฯ' ๆ !\" ข่าวด่วน", "กทม.ฯ' แจ้ง"]
    for n, title in enumerate(titles):
        (tmp_path / f"{n}.json").write_text(json.dumps({"title": title}, ensure_ascii=False), "utf-8")
    for query in scale.query_set(tmp_path, 60, seed=3):
        assert build_query(parse_query(query)).query is not None, query
