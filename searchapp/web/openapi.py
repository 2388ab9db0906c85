"""The JSON API described as OpenAPI 3.1 (served at /api/openapi.json).

tests/test_api_document.py validates real responses against these schemas, so the
document cannot drift from what the server sends.
"""

from __future__ import annotations

from typing import Any

from .. import __version__

_NULLABLE_STRING = {"type": ["string", "null"]}
_DATE_TIME = {"type": ["string", "null"], "format": "date-time",
              "description": "ISO 8601 with the offset of Asia/Bangkok (+07:00)"}

SCHEMAS: dict[str, Any] = {
    "Hit": {
        "type": "object",
        "required": ["id", "title", "published", "section", "source", "url", "organizations", "score", "snippet"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "string"},
            "title": {"type": "string"},
            "published": _DATE_TIME,
            "section": _NULLABLE_STRING,
            "source": _NULLABLE_STRING,
            "url": _NULLABLE_STRING,
            "organizations": {"type": "array", "items": {"type": "string"}},
            "score": {"type": "number", "description": "relevance score; 0 when sorted by date"},
            "snippet": {"type": "string", "description": "HTML-escaped text with matches in <mark>"},
        },
    },
    "FacetValue": {
        "type": "object",
        "required": ["value", "label", "count", "selected"],
        "additionalProperties": False,
        "properties": {
            "value": {"type": "string", "description": "what the filter parameter takes (years in C.E.)"},
            "label": {"type": "string", "description": "what to show; years as \"B.E. (C.E.)\""},
            "count": {"type": "integer", "minimum": 0, "description": "exact number of results with this value"},
            "selected": {"type": "boolean"},
        },
    },
    "Facets": {
        "type": "object",
        "required": ["org", "year", "section", "source"],
        "additionalProperties": False,
        "properties": {name: {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}}
                       for name in ("org", "year", "section", "source")},
    },
    "Filters": {
        "type": "object",
        "required": ["org", "year", "section", "source", "from", "to"],
        "additionalProperties": False,
        "properties": {
            "org": {"type": "array", "items": {"type": "string"}},
            "year": {"type": "array", "items": {"type": "integer"}},
            "section": {"type": "array", "items": {"type": "string"}},
            "source": {"type": "array", "items": {"type": "string"}},
            "from": {"type": ["string", "null"], "format": "date"},
            "to": {"type": ["string", "null"], "format": "date"},
        },
    },
    "SearchResults": {
        "type": "object",
        "required": ["query", "total", "page", "size", "pages", "hits", "notes", "sort", "filters", "facets",
                     "suggestion", "corrected_from"],
        "additionalProperties": False,
        "properties": {
            "query": {"type": "string"},
            "total": {"type": "integer", "minimum": 0},
            "page": {"type": "integer", "minimum": 1},
            "size": {"type": "integer", "minimum": 1},
            "pages": {"type": "integer", "minimum": 1},
            "hits": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}},
            "notes": {"type": "array", "items": {"type": "string"},
                      "description": "how the query was read (dates, unbalanced quotes, cut length)"},
            "sort": {"enum": ["relevance", "newest", "oldest"]},
            "filters": {"$ref": "#/components/schemas/Filters"},
            "facets": {"$ref": "#/components/schemas/Facets"},
            "suggestion": {"type": ["string", "null"],
                           "description": "a respelled query that finds clearly more, or null"},
            "corrected_from": {"type": ["string", "null"],
                               "description": "the query as typed when the results are those of its respelling "
                                              "(`query`): it is cut into lone letters and found nowhere as written; "
                                              "as_typed=1 searches it as typed"},
        },
    },
    "FacetResults": {
        "type": "object",
        "required": ["query", "total", "filters", "facets"],
        "additionalProperties": False,
        "properties": {
            "query": {"type": "string"},
            "total": {"type": "integer", "minimum": 0},
            "filters": {"$ref": "#/components/schemas/Filters"},
            "facets": {"$ref": "#/components/schemas/Facets"},
        },
    },
    "Suggestions": {
        "type": "object",
        "required": ["query", "suggestions"],
        "additionalProperties": False,
        "properties": {
            "query": {"type": "string"},
            "suggestions": {"type": "array", "items": {"type": "string"}, "maxItems": 8},
        },
    },
    "Article": {
        "type": "object",
        "required": ["id", "title", "body", "published", "updated", "section", "source", "url", "organizations",
                     "date_estimated", "related"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "string"},
            "title": {"type": "string"},
            "body": {"type": "string", "description": "plain text (not HTML)"},
            "published": _DATE_TIME,
            "updated": _DATE_TIME,
            "section": _NULLABLE_STRING,
            "source": _NULLABLE_STRING,
            "url": _NULLABLE_STRING,
            "organizations": {"type": "array", "items": {"type": "string"}},
            "date_estimated": {"type": "boolean",
                               "description": "the date was taken from the text, not the page's header"},
            "related": {"type": "array", "items": {
                "type": "object", "required": ["id", "title", "published"], "additionalProperties": False,
                "properties": {"id": {"type": "string"}, "title": {"type": "string"}, "published": _DATE_TIME}}},
        },
    },
    "Error": {
        "type": "object",
        "required": ["error", "status"],
        "additionalProperties": False,
        "properties": {
            "error": {"type": "string"},
            "status": {"type": "integer"},
            "hint": {"type": "string"},
        },
    },
}


def _param(name: str, description: str, schema: dict[str, Any], *, required: bool = False,
           repeat: bool = False) -> dict[str, Any]:
    if repeat:
        schema = {"type": "array", "items": schema}
    return {"name": name, "in": "query", "required": required, "description": description, "schema": schema,
            **({"style": "form", "explode": True} if repeat else {})}


_FILTER_PARAMS = [
    _param("org", "organization, any of its names (repeatable; all must match)", {"type": "string"}, repeat=True),
    _param("year", "publication year, B.E. or C.E. (repeatable)", {"type": "string"}, repeat=True),
    _param("section", "section (repeatable)", {"type": "string"}, repeat=True),
    _param("source", "source (repeatable)", {"type": "string"}, repeat=True),
    _param("from", "published on or after: 2024-03-01, 2567 or 1 มี.ค. 2567", {"type": "string"}),
    _param("to", "published on or before (same forms)", {"type": "string"}),
]


def _response(schema: str, description: str) -> dict[str, Any]:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}}}


_ERRORS = {"400": _response("Error", "bad parameter (the message says which)"),
           "503": _response("Error", "no usable index (the hint says how to build one)")}


def openapi_document(server_url: str = "") -> dict[str, Any]:
    query = _param("q", "the query (see /help): words, \"phrases\", -exclude, OR, org:, dates such as "
                        "2562, มี.ค. 2567, 2560..2562", {"type": "string", "maxLength": 1000})
    return {
        "openapi": "3.1.0",
        "info": {"title": "searchapp JSON API", "version": __version__,
                 "description": "Thai news search: ranked results with snippets, facets, suggestions."},
        "servers": [{"url": server_url}] if server_url else [],
        "paths": {
            "/api/search": {"get": {
                "summary": "Ranked results with snippets, exact facet counts and a spelling suggestion",
                "parameters": [query,
                               _param("page", "page number", {"type": "integer", "minimum": 1, "maximum": 10000}),
                               _param("size", "results per page", {"type": "integer", "minimum": 1, "maximum": 100}),
                               _param("sort", "order", {"enum": ["relevance", "newest", "oldest"]}),
                               _param("as_typed", "1: search the query as typed, never its respelling",
                                      {"enum": ["0", "1"]}),
                               *_FILTER_PARAMS],
                "responses": {"200": _response("SearchResults", "one page of results"), **_ERRORS}}},
            "/api/facets": {"get": {
                "summary": "Only the facet counts (and total) for a query and filters",
                "parameters": [query, *_FILTER_PARAMS],
                "responses": {"200": _response("FacetResults", "exact counts"), **_ERRORS}}},
            "/api/suggest": {"get": {
                "summary": "Completions of what is being typed",
                "parameters": [_param("q", "the text typed so far", {"type": "string"}, required=True)],
                "responses": {"200": _response("Suggestions", "up to eight whole queries"), **_ERRORS}}},
            "/api/article/{id}": {"get": {
                "summary": "One article in full, with related articles",
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {"200": _response("Article", "the article"),
                              "404": _response("Error", "no such article"), "503": _ERRORS["503"]}}},
        },
        "components": {"schemas": SCHEMAS},
    }
