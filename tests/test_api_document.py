"""/api/openapi.json describes what the API really sends: real responses are validated
against the document's own schemas."""

from __future__ import annotations

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource


@pytest.fixture(scope="module")
def document(archive_index):
    from searchapp.web import create_app

    client = create_app({"TESTING": True, "INDEX_DIR": archive_index}).test_client()
    doc = client.get("/api/openapi.json").get_json()
    Draft202012Validator.check_schema({"$defs": doc["components"]["schemas"]})
    return doc


def validate(document, path: str, response) -> None:
    operation = document["paths"][path]["get"]
    status = str(response.status_code)
    assert status in operation["responses"], f"{path} answered {status}, which the document does not list"
    schema = operation["responses"][status]["content"]["application/json"]["schema"]
    registry = Registry().with_resource("urn:api", Resource.from_contents(
        {"$schema": "https://json-schema.org/draft/2020-12/schema", "components": document["components"]}))
    ref = {"$ref": "urn:api" + schema["$ref"]}
    errors = sorted(Draft202012Validator(ref, registry=registry).iter_errors(response.get_json()),
                    key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


@pytest.mark.parametrize("url, path", [
    ("/api/search?q=อาเซียน", "/api/search"),
    ("/api/search?q=ข้าว&sort=newest&year=2019&size=2&page=1", "/api/search"),
    ("/api/search?q=อาเซี่ยน", "/api/search"),  # with a suggestion
    ("/api/search?q=zzzzqqq", "/api/search"),  # nothing found
    ("/api/search?q=อาเซียน&from=2567&to=2024-12-31&org=UN", "/api/search"),
    ("/api/search?q=", "/api/search"),  # 400
    ("/api/search?q=อาเซียน&size=1000", "/api/search"),  # 400
    ("/api/facets?q=ข้าว&section=เศรษฐกิจ", "/api/facets"),
    ("/api/suggest?q=อาเซี", "/api/suggest"),
    ("/api/suggest?q=", "/api/suggest"),
])
def test_responses_match_the_document(document, archive_index, url, path):
    from searchapp.web import create_app

    client = create_app({"TESTING": True, "INDEX_DIR": archive_index}).test_client()
    validate(document, path, client.get(url))


@pytest.mark.parametrize("article_id", ["a08", "a01", "000_2903cdcf15653440", "no-such-article"])
def test_article_responses_match_the_document(document, archive_index, article_id):
    from searchapp.web import create_app

    client = create_app({"TESTING": True, "INDEX_DIR": archive_index}).test_client()
    validate(document, "/api/article/{id}", client.get(f"/api/article/{article_id}"))


def test_missing_index_answer_matches_the_document(document, tmp_path):
    from searchapp.web import create_app

    client = create_app({"TESTING": True, "INDEX_DIR": tmp_path / "none"}).test_client()
    validate(document, "/api/search", client.get("/api/search?q=อาเซียน"))


def test_the_check_catches_a_field_the_document_does_not_list(document, archive_index):
    from searchapp.web import create_app

    client = create_app({"TESTING": True, "INDEX_DIR": archive_index}).test_client()
    response = client.get("/api/suggest?q=อาเซี")
    response.set_data(response.get_data(as_text=True).replace('"query"', '"typed"'))
    with pytest.raises(AssertionError, match="typed"):
        validate(document, "/api/suggest", response)


def test_every_api_route_is_documented(document):
    from searchapp.web import create_app

    app = create_app({"TESTING": True})
    routes = {str(rule).replace("<article_id>", "{id}") for rule in app.url_map.iter_rules()
              if str(rule).startswith("/api/") and str(rule) != "/api/openapi.json"}
    assert routes == set(document["paths"])
