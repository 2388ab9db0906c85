"""Every field of seeds-expected.json, for every seed."""

from __future__ import annotations

import pytest

from searchapp.ingest import ingest_file
from searchapp.thai.orgs import registry

from .conftest import SEEDS


def _article(seed_id: str):
    articles, skipped = ingest_file(SEEDS / f"{seed_id}.txt")
    assert not skipped, skipped
    assert len(articles) == 1
    return articles[0]


def _seed_ids():
    import json

    from .conftest import DATA

    return sorted(json.loads((DATA / "seeds-expected.json").read_text("utf-8"))["articles"])


@pytest.mark.parametrize("seed_id", _seed_ids())
def test_seed_fields_match_expectations(seed_id, expected):
    want = expected[seed_id]
    article = _article(seed_id)
    assert article.id == seed_id
    assert article.title == want["title"]
    assert article.published is not None and article.published.date().isoformat() == want["published"]
    if "updated" in want:
        assert article.updated is not None and article.updated.date().isoformat() == want["updated"]
    for key in ("section", "source", "url"):
        if key in want:
            assert getattr(article, key) == want[key], key


@pytest.mark.parametrize("seed_id", _seed_ids())
def test_seed_organizations_found_by_any_alias(seed_id, expected):
    article = _article(seed_id)
    reg = registry()
    names: set[str] = set()
    for org in article.organizations:
        names.add(org)
        names.update(reg.aliases(org))
    for acceptable in expected[seed_id]["organizations"]:
        assert names & set(acceptable), f"none of {acceptable} among {article.organizations}"


@pytest.mark.parametrize("seed_id", _seed_ids())
def test_seed_body_keeps_content_and_drops_furniture(seed_id, expected):
    article = _article(seed_id)
    for text in expected[seed_id].get("body_includes", []):
        assert text in article.body
    for text in expected[seed_id].get("body_excludes", []):
        assert text not in article.body
        assert text not in article.title


def test_furniture_never_reaches_a_snippet(service, expected):
    from searchapp.search.snippets import make_snippet

    for seed_id, want in expected.items():
        article = service.article(seed_id)
        snippet = make_snippet(article.body, ("ประชุม", "อาเซียน"))
        for text in want.get("body_excludes", []):
            assert text not in snippet
