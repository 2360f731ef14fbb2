"""Headless Chromium (Debian `chromium`, driven by Playwright) against the real server.

Types a Korean and an English query, sees results and an entity card, follows the card to the
entity page and saves a screenshot to artifacts/. Hostile article text and queries must stay
text: no dialog fires and no injected element appears. The SPARQL page runs a query.
"""

from __future__ import annotations

import re
from typing import Any

from browser_support import ARTIFACTS, BROWSER_MARKS, Events

LIZ_RICE = re.compile(r"^\s*Liz Rice\s*$")

pytestmark = BROWSER_MARKS


def _search(page: Any, query: str) -> None:
    box = page.get_by_label("Search articles")
    box.fill(query)
    box.press("Enter")
    page.wait_for_selector("article.doc", timeout=30_000)


def test_korean_and_english_queries_cards_and_entity_page(
    page: Any, live_server: str, events: Events
) -> None:
    page.goto(f"{live_server}/?lang=en")
    _search(page, "리즈 라이스 키노트")
    assert page.locator("article.doc").count() >= 1
    # `has` is matched inside each card.
    heading = page.locator("h3 a", has_text=LIZ_RICE)
    card = page.locator("aside.cards section.card").filter(has=heading)
    card.wait_for()
    assert "리즈 라이스" in card.inner_text()
    assert "Aqua Security" in card.inner_text()
    assert page.locator("blockquote mark").count() >= 1

    _search(page, "Helm 3 released")
    titles = page.locator("article.doc h3").all_inner_texts()
    assert any("Helm" in title for title in titles)

    _search(page, "리즈 라이스 키노트")
    page.locator("aside.cards section.card h3 a", has_text=LIZ_RICE).click()
    page.wait_for_url("**/id/person/liz-rice")
    heading = page.locator("h1").inner_text()
    assert "Liz Rice" in heading
    assert page.locator("span[lang=ko]", has_text="리즈 라이스").count() >= 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "entity-liz-rice.png"), full_page=True)

    page.goto(f"{live_server}/?lang=ko&q=" + "쿠버네티스 포럼 서울 연사")
    page.wait_for_selector("article.doc")
    assert page.locator("html").get_attribute("lang") == "ko"
    page.screenshot(path=str(ARTIFACTS / "search-ko.png"), full_page=True)
    assert events.dialogs == []
    assert events.console_errors == []


def test_hostile_content_stays_text(page: Any, live_server: str, events: Events) -> None:
    page.goto(f"{live_server}/?lang=en")
    _search(page, "Kubernetes security review audit log")
    hostile = page.locator("article.doc", has_text="Kubernetes security review")
    assert hostile.count() >= 1
    assert '<script>alert("title")</script>' in hostile.first.locator("h3").inner_text()
    assert page.locator("img").count() == 0
    assert page.locator("iframe").count() == 0
    assert page.locator("script:not([src])").count() == 0

    hostile.first.locator("h3 a").click()
    page.wait_for_selector("article.document")
    assert '"><img src=x onerror=alert(1)>' in page.locator("article.document").inner_text()
    assert page.locator("img, iframe").count() == 0
    page.screenshot(path=str(ARTIFACTS / "hostile-article.png"), full_page=True)

    query = '"><img src=x onerror=alert(7)><script>alert(8)</script>'
    page.goto(f"{live_server}/?lang=en")
    page.get_by_label("Search articles").fill(query)
    page.get_by_label("Search articles").press("Enter")
    page.wait_for_load_state("networkidle")
    assert page.get_by_label("Search articles").input_value() == query
    assert page.locator("img").count() == 0
    assert events.dialogs == []


def test_keyboard_reaches_the_skip_link_and_the_search_box(
    page: Any, live_server: str, events: Events
) -> None:
    page.goto(f"{live_server}/?lang=en&q=Helm")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_sparql_page_runs_an_example_in_the_editor(
    page: Any, live_server: str, events: Events
) -> None:
    page.goto(f"{live_server}/sparql?lang=en")
    page.wait_for_selector(".CodeMirror")
    page.locator("a.example").nth(1).click()
    page.get_by_role("button", name="Run query").click()
    page.wait_for_selector("#sparql-output table", timeout=30_000)
    assert page.locator("#sparql-output th").first.inner_text() == "?eventName"
    assert page.locator("#sparql-output tbody tr").count() > 0
    page.screenshot(path=str(ARTIFACTS / "sparql-page.png"), full_page=True)
    assert events.console_errors == []
