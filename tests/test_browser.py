"""The search page in a real headless Chromium (Debian's chromium), against a real waitress server."""

from __future__ import annotations

import os
import shutil

import pytest

from .conftest import ROOT, serving

pytestmark = pytest.mark.browser
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = ROOT / "test-artifacts"

if CHROMIUM is None:
    if os.environ.get("CI"):
        raise RuntimeError("CI must run the browser tests: install Debian's chromium (.ci/run does)")
    pytest.skip("no chromium on this machine (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def server(seed_index):
    with serving(seed_index) as base:
        yield base


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


@pytest.fixture(scope="module")
def archive_server(archive_index):
    with serving(archive_index) as base:
        yield base


def shown_total(page) -> int:
    return int(page.inner_text("#total strong").replace(",", ""))


def test_facet_filter_chip_and_back_button(archive_server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(archive_server + "/")
    type_query(page, "ข้าว", ".hit")
    before = shown_total(page)
    link = page.locator("#facet-source a[data-facet]").first
    count = int(link.locator("xpath=following-sibling::span[@class='count']").inner_text())
    label = link.inner_text()
    link.click()
    page.wait_for_selector("#active-filters")
    assert shown_total(page) == count < before or shown_total(page) == count
    assert label in page.inner_text("#active-filters")
    assert all(label in s for s in page.locator(".hit .source").all_inner_texts())
    shot(page, "facet-filter-desktop")
    page.go_back()
    page.wait_for_selector(".hit")
    assert shown_total(page) == before and page.locator("#active-filters").count() == 0
    page.go_forward()
    page.wait_for_selector("#active-filters")
    page.click("#active-filters a.chip")
    page.wait_for_selector(".hit")
    assert shown_total(page) == before
    page.close()


def test_sorting_by_date(archive_server, browser):
    page = browser.new_page()
    page.goto(archive_server + "/?q=" + "อาเซียน")
    page.click("#sort a[data-sort=newest]")
    page.wait_for_selector("#sort strong[data-sort=newest]")
    dates = page.locator(".hit time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")
    assert dates == sorted(dates, reverse=True) and len(dates) >= 5
    page.click("#sort a[data-sort=oldest]")
    page.wait_for_selector("#sort strong[data-sort=oldest]")
    older = page.locator(".hit time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")
    assert older == sorted(older)
    assert "sort=oldest" in page.url
    page.close()


def test_suggestion_dropdown_by_keyboard(archive_server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(archive_server + "/")
    page.keyboard.press("/")  # the shortcut focuses the box
    page.keyboard.type("อาเซี", delay=40)
    page.wait_for_selector("#suggestions [role=option]")
    assert page.get_attribute("#q", "aria-expanded") == "true"
    options = page.locator("#suggestions [role=option]").all_inner_texts()
    assert "อาเซียน" in options
    shot(page, "suggestions-desktop")
    page.keyboard.press("ArrowDown")
    assert page.get_attribute("#suggestion-0", "aria-selected") == "true"
    assert page.get_attribute("#q", "aria-activedescendant") == "suggestion-0"
    chosen = options[0]
    page.keyboard.press("Enter")
    page.wait_for_selector("#total")
    assert page.input_value("#q") == chosen
    page.fill("#q", "อาเซี")
    page.press("#q", "ArrowDown")
    page.wait_for_selector("#suggestions [role=option]")
    page.keyboard.press("Escape")
    assert page.locator("#suggestions").is_hidden()
    page.close()


def test_did_you_mean_and_english_labels(archive_server, browser):
    page = browser.new_page()
    page.goto(archive_server + "/")
    type_query(page, "อาเซี่ยน", "#total")
    page.click("#did-you-mean a")
    page.wait_for_selector(".hit")
    assert page.input_value("#q") == "อาเซียน"
    page.click("#lang-switch")
    page.wait_for_selector("html[lang=en]")
    assert "Sort by" in page.inner_text("#sort") and page.input_value("#q") == "อาเซียน"
    page.click(".hit h2 a")
    page.wait_for_selector("article h1")
    assert page.locator("#related li").count() >= 1 and "Related articles" in page.inner_text("#related")
    shot(page, "article-related-english")
    page.close()


def test_phone_width_results_and_facets_fit(archive_server, browser):
    page = browser.new_page(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page.goto(archive_server + "/?q=" + "อาเซียน")
    page.wait_for_selector(".hit")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page scrolls sideways at phone width ({width}px)"
    facets_top = page.locator("#facets").bounding_box()["y"]
    results_top = page.locator(".results").bounding_box()["y"]
    assert facets_top > results_top  # facets go below the results on a phone
    shot(page, "facets-phone")
    page.goto(archive_server + "/help")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    shot(page, "help-phone")
    page.close()


def test_keyboard_alone_reaches_a_facet_and_the_results(archive_server, browser):
    page = browser.new_page()
    page.goto(archive_server + "/?q=" + "ข้าว")
    page.wait_for_selector(".hit")
    before = shown_total(page)
    focused = []
    for _ in range(60):
        page.keyboard.press("Tab")
        info = page.evaluate("[document.activeElement.dataset.facet || '', document.activeElement.textContent]")
        focused.append(info)
        if info[0]:
            break
    assert focused[-1][0], "no facet link is reachable with Tab"
    page.keyboard.press("Enter")
    page.wait_for_selector("#active-filters")
    assert shown_total(page) <= before
    page.close()
