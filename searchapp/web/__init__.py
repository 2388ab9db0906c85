"""The web front-end: a Thai search page and a JSON API over one SearchService."""

from __future__ import annotations

import logging
import math
import re
from pathlib import Path
from typing import Any

from flask import Flask, abort, g, jsonify, render_template, request, url_for
from markupsafe import Markup
from werkzeug.exceptions import HTTPException

from ..config import Settings
from ..errors import ArticleNotFoundError, IndexMissingError, QueryError, SearchAppError
from ..search import SearchService
from ..thai.dates import thai_date

log = logging.getLogger(__name__)
ARTICLE_ID = re.compile(r"^[A-Za-z0-9ก-๙_\-.]{1,200}$")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


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

    app.jinja_env.filters["thai_date"] = lambda d: thai_date(d) if d else ""
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
        return render_template("error.html", status=status, message=message, hint=hint), status

    @app.errorhandler(SearchAppError)
    def on_app_error(exc: SearchAppError):
        if isinstance(exc, IndexMissingError):
            return error(503, str(exc.args[0]), exc.hint)
        if isinstance(exc, ArticleNotFoundError):
            return error(404, str(exc.args[0]))
        return error(400, str(exc.args[0]), exc.hint)

    @app.errorhandler(HTTPException)
    def on_http_error(exc: HTTPException):
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
            raise QueryError("page and size must be whole numbers") from None
        if page < 1 or page > 10_000:
            raise QueryError("page must be between 1 and 10000")
        if size < 1 or size > settings.max_page_size:
            raise QueryError(f"size must be between 1 and {settings.max_page_size}")
        return page, size

    @app.get("/")
    def home():
        q = request.args.get("q", "")
        if not q.strip():
            if "q" in request.args:
                g.notice = "กรุณาพิมพ์คำค้น"
            return render_template("search.html", q=q, results=None, notice=g.get("notice"))
        page, size = paging_args()
        results = service.search(q, page=page, size=size)
        return render_template("search.html", q=q, results=results, notice=None,
                               pages=min(results.pages, 10_000), size=size)

    @app.get("/api/search")
    def api_search():
        q = request.args.get("q", "")
        page, size = paging_args()
        results = service.search(q, page=page, size=size)
        return jsonify(results.to_dict())

    @app.get("/article/<article_id>")
    def article_page(article_id: str):
        if not ARTICLE_ID.match(article_id) or ".." in article_id:
            abort(404)
        article = service.article(article_id)
        q = request.args.get("q", "")
        body = service.highlighted_body(article, q)
        return render_template("article.html", article=article, body=Markup(body), q=q)

    @app.get("/api/article/<article_id>")
    def api_article(article_id: str):
        if not ARTICLE_ID.match(article_id) or ".." in article_id:
            abort(404, description=f"no article with id {article_id!r}")
        article = service.article(article_id)
        data = article.to_dict()
        data.pop("origin", None)
        data.pop("date_estimated", None)
        return jsonify(data)

    @app.get("/healthz")
    def healthz():
        try:
            count = service.count()
        except IndexMissingError as exc:
            return jsonify({"status": "no-index", "error": str(exc)}), 503
        return jsonify({"status": "ok", "articles": count, "generation": service.handle.generation})

    @app.context_processor
    def helpers():
        def page_url(page: int) -> str:
            args = request.args.to_dict()
            args["page"] = str(page)
            return url_for("home", **args)

        return {"page_url": page_url, "ceil": math.ceil}

    return app
