"""The web front-end: a Thai search page and a JSON API over one SearchService."""

from __future__ import annotations

import json
import logging
import re
from urllib.parse import urlencode
from pathlib import Path
from typing import Any

from flask import Flask, Response, abort, g, jsonify, render_template, request, url_for
from markupsafe import Markup
from werkzeug.exceptions import HTTPException, NotFound

from ..config import Settings
from ..errors import ArticleNotFoundError, IndexMissingError, QueryError, SearchAppError
from ..models import iso_time
from ..search import Filters, SearchService, check_size, check_sort
from ..search.facets import FACETS
from .i18n import LABELS, format_date, language
from .openapi import openapi_document

log = logging.getLogger(__name__)
ARTICLE_ID = re.compile(r"^[A-Za-z0-9ก-๙_\-.]{1,200}$")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


# the arguments that make up what the page shows; anything else in a URL is dropped from links
STATE_KEYS = ("q", "page", "size", "sort", "org", "year", "section", "source", "from", "to", "lang", "as_typed")
FILTER_KEYS = {"org", "year", "section", "source", "from", "to"}


def state_url(endpoint: str = "home", *, keep: bool = True, add: tuple[tuple[str, str], ...] = (),
              remove: tuple[tuple[str, str | None], ...] = (), **changes: object) -> str:
    """A link to the same state with some arguments changed, so every state has a URL.

    ``changes`` set single arguments (None drops one), ``add`` and ``remove`` change the
    repeatable filter arguments. Changing the query, sort or filters goes back to page 1."""
    pairs = [(k, v) for k, v in request.args.items(multi=True) if k in STATE_KEYS] if keep else []
    if g.get("lang", "th") != "th" and not any(k == "lang" for k, _ in pairs):
        pairs.append(("lang", g.lang))
    for key, value in remove:
        pairs = [(k, v) for k, v in pairs if not (k == key and (value is None or v == value))]
    pairs = [(k, v) for k, v in pairs if k not in changes]
    pairs += [(k, v) for k, v in add if (k, v) not in pairs]
    if "q" in changes and "as_typed" not in changes:  # another query may be respelled again
        pairs = [(k, v) for k, v in pairs if k != "as_typed"]
    pairs += [(k, str(v)) for k, v in changes.items() if v not in (None, "")]
    if add or remove or set(changes) & ({"q", "sort"} | FILTER_KEYS):
        pairs = [(k, v) for k, v in pairs if k != "page" or "page" in changes]
    query = urlencode([(k, v) for k, v in pairs if v != ""])
    return url_for(endpoint) + ("?" + query if query else "")


def create_app(test_config: dict[str, Any] | None = None, *, settings: Settings | None = None) -> Flask:
    """Application factory. ``settings`` default to the environment; ``test_config`` may set
    INDEX_DIR, PAGE_SIZE and Flask keys on top."""
    app = Flask(__name__)
    settings = settings or Settings.from_env()
    if test_config and "INDEX_DIR" in test_config:
        settings = settings.with_overrides(index_dir=test_config["INDEX_DIR"])
    if test_config and "PAGE_SIZE" in test_config:
        settings = settings.with_overrides(page_size=test_config["PAGE_SIZE"])
    app.config.update(MAX_CONTENT_LENGTH=64 * 1024, JSON_AS_ASCII=False, SETTINGS=settings)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    if test_config:
        app.config.update({k: v for k, v in test_config.items() if k not in ("INDEX_DIR", "PAGE_SIZE")})
    app.debug = False
    service = SearchService(Path(settings.index_dir), settings)
    app.extensions["searchapp"] = service

    app.jinja_env.filters["snippet"] = lambda s: Markup(s)  # built escaped, see search/snippets.py

    @app.after_request
    def security_headers(response):
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    def wants_json() -> bool:
        return request.path.startswith("/api/")

    def error(status: int, message: str, hint: str = ""):
        if wants_json():
            body: dict[str, Any] = {"error": message, "status": status}
            if hint:
                body["hint"] = hint
            return jsonify(body), status
        # the query stays in the search box, to be mended rather than typed again
        return render_template("error.html", status=status, message=message, hint=hint,
                               q=request.args.get("q", "")[:settings.max_query_chars]), status

    @app.errorhandler(SearchAppError)
    def on_app_error(exc: SearchAppError):
        if isinstance(exc, IndexMissingError):
            return error(503, str(exc.args[0]), exc.hint)
        if isinstance(exc, ArticleNotFoundError):
            return error(404, str(exc.args[0]))
        return error(400, str(exc.args[0]), exc.hint)

    @app.errorhandler(HTTPException)
    def on_http_error(exc: HTTPException):
        if isinstance(exc, NotFound) and exc.description == NotFound.description and not wants_json():
            # an address with no page: said in the page's language, not in Werkzeug's English
            return error(404, g.get("t", LABELS["th"])["no_such_page"])
        return error(exc.code or 500, exc.description or exc.name)

    @app.errorhandler(Exception)
    def on_unexpected(exc: Exception):
        log.exception("unexpected error on %s", request.path)
        return error(500, "เกิดข้อผิดพลาดภายในระบบ (internal error)")

    def paging_args() -> tuple[int, int]:
        try:
            page = int(request.args.get("page", "1"))
            size = int(request.args.get("size", str(settings.page_size)))
        except ValueError:
            raise QueryError("เลขหน้าและจำนวนข่าวต่อหน้าต้องเป็นจำนวนเต็ม (page and size must be whole numbers)") from None
        if page < 1 or page > 10_000:
            raise QueryError("เลขหน้าต้องอยู่ระหว่าง 1 ถึง 10000 (page must be between 1 and 10000)")
        check_size(size, settings.max_page_size)
        return page, size

    def search_args() -> dict[str, Any]:
        """The query, paging, sort and filters of this request, checked here so that the
        page can fall back to a plain search with a note."""
        filters = Filters.parse(request.args.to_dict(flat=False))
        q = request.args.get("q", "")
        sort = request.args.get("sort") or ("newest" if not q.strip() and filters else "relevance")
        check_sort(sort)
        page, size = paging_args()
        return {"text": q, "page": page, "size": size, "filters": filters, "sort": sort,
                "as_typed": request.args.get("as_typed") == "1"}

    @app.before_request
    def choose_language():
        g.lang = language(request.args.get("lang"))
        g.t = LABELS[g.lang]

    @app.get("/")
    def home():
        q = request.args.get("q", "")
        try:
            args = search_args()
        except QueryError as exc:
            # a bad filter or paging value in a shared link: say so, and search without it
            g.notice = str(exc.args[0])
            args = {"text": q, "page": 1, "size": settings.page_size, "filters": Filters(), "sort": "relevance"}
        if not q.strip() and not args["filters"]:
            if "q" in request.args and not g.get("notice"):
                g.notice = "กรุณาพิมพ์คำค้น (please type some words)"
            return render_template("search.html", q=q, results=None, notice=g.get("notice"))
        try:
            results = service.search(**args)
        except QueryError as exc:
            # what was typed cannot be searched (year:abc, only punctuation): say why, and keep it
            # in the box to be mended
            return render_template("search.html", q=q, results=None, notice=str(exc.args[0]))
        return render_template("search.html", q=q, results=results, notice=g.get("notice"),
                               filters=args["filters"])

    @app.get("/help")
    def help_page():
        return render_template("help.html", q="")

    @app.get("/api/search")
    def api_search():
        args = search_args()
        results = service.search(**args)
        return jsonify(results.to_dict())

    @app.get("/api/facets")
    def api_facets():
        args = search_args()
        results = service.search(args["text"], filters=args["filters"], size=1, suggest=False,
                                 as_typed=args["as_typed"])
        return jsonify({"query": results.query, "total": results.total, "filters": results.filters,
                        "facets": results.to_dict()["facets"]})

    @app.get("/api/suggest")
    def api_suggest():
        q = request.args.get("q", "")
        suggestions = service.suggest(q) if q.strip() else []
        if request.args.get("format") == "opensearch":  # what browsers ask for (OpenSearch suggestions)
            return Response(json.dumps([q, suggestions], ensure_ascii=False),
                            mimetype="application/x-suggestions+json")
        return jsonify({"query": q, "suggestions": suggestions})

    @app.get("/opensearch.xml")
    def opensearch():
        body = render_template("opensearch.xml", base=request.host_url.rstrip("/"))
        return Response(body, mimetype="application/opensearchdescription+xml")

    @app.get("/api/openapi.json")
    def openapi():
        return jsonify(openapi_document(request.host_url.rstrip("/")))

    @app.get("/article/<article_id>")
    def article_page(article_id: str):
        if not ARTICLE_ID.match(article_id) or ".." in article_id:
            abort(404)
        article = service.article(article_id)
        q = request.args.get("q", "")
        body = service.highlighted_body(article, q)
        related = service.related(article)
        return render_template("article.html", article=article, body=Markup(body), q=q, related=related)

    @app.get("/api/article/<article_id>")
    def api_article(article_id: str):
        if not ARTICLE_ID.match(article_id) or ".." in article_id:
            raise ArticleNotFoundError.of(article_id)
        article = service.article(article_id)
        data = article.to_dict()
        data.pop("origin", None)
        data["date_estimated"] = bool(data.get("date_estimated"))
        data["related"] = [{"id": h.id, "title": h.title,
                            "published": iso_time(h.published)}
                           for h in service.related(article)]
        return jsonify(data)

    @app.get("/healthz")
    def healthz():
        try:
            count = service.count()
        except IndexMissingError as exc:
            return jsonify({"status": "no-index", "error": str(exc)}), 503
        # ready: this process has read the generation's tables (until then answers are slower)
        return jsonify({"status": "ok", "articles": count, "generation": service.handle.generation,
                        "ready": service.warmed()})

    @app.context_processor
    def helpers():
        return {"state_url": state_url, "lang": g.get("lang", "th"), "t": g.get("t", LABELS["th"]),
                "date_text": lambda d: format_date(d, g.get("lang", "th")), "FACETS": FACETS}

    return app
