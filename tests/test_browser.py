"""The search page in a real headless Chromium (Debian's chromium), against a real waitress server."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.browser
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = ROOT / "test-artifacts"

if CHROMIUM is None:
    if os.environ.get("CI"):
        raise RuntimeError("CI must run the browser tests: install Debian's chromium (.ci/run does)")
    pytest.skip("no chromium on this machine (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def server(seed_index):
    from waitress.server import create_server

    from searchapp.config import Settings
    from searchapp.web import create_app

    app = create_app(settings=Settings(index_dir=seed_index))
    srv = create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.effective_port}"
    srv.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic"])
        yield b
        b.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def type_query(page, query: str, wait_for: str) -> None:
    """Type into the search box as a user does, press Enter, wait for ``wait_for``."""
    page.fill("#q", query)
    page.press("#q", "Enter")
    page.wait_for_selector(wait_for)


def test_typing_a_thai_query_shows_highlighted_results(server, browser):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(server + "/")
    type_query(page, "อาเซียน รัสเซีย", ".hit")
    assert "อาเซียน-รัสเซีย" in page.inner_text(".hit h2")
    marks = page.locator(".hit mark").all_inner_texts()
    assert "อาเซียน" in marks and "รัสเซีย" in marks
    assert page.input_value("#q") == "อาเซียน รัสเซีย"
    shot(page, "search-desktop")
    page.click(".hit h2 a")
    page.wait_for_selector("article h1")
    assert page.locator("article mark").count() > 0
    shot(page, "article-desktop")
    page.close()


def test_no_results_and_phone_width(server, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(server + "/")
    type_query(page, "ไม่มีคำนี้แน่นอนxyz", "#total")
    type_query(page, "ฮานอย", ".hit mark")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # nothing forces sideways scrolling on a phone
    shot(page, "search-phone")
    page.close()


def test_paging_links_work(server, browser):
    page = browser.new_page()
    page.goto(server + "/?q=%E0%B8%AD%E0%B8%B2%E0%B9%80%E0%B8%8B%E0%B8%B5%E0%B8%A2%E0%B8%99&size=2")
    first = page.locator(".hit h2").all_inner_texts()
    page.click("a[rel=next]")
    page.wait_for_selector(".hit")
    second = page.locator(".hit h2").all_inner_texts()
    assert first and second and not set(first) & set(second)
    assert "หน้า 2 / 3" in page.inner_text(".pager")
    page.close()
