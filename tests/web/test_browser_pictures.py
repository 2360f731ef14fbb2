"""The pictures and the name completion in headless Chromium against the real server.

Visits /events, an edition page, a project page and a person page, moves through the charts
with the keyboard, uses the completion list with the arrow keys, Enter and Escape, and saves
screenshots to artifacts/. No page may log an error (a blocked inline style or script would).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

from browser_support import ARTIFACTS, BROWSER_MARKS, Events

pytestmark = BROWSER_MARKS
BARCELONA = "event/kubecon-cloudnativecon-europe-2019"
MAX_TABS = 60


def _shot(page: Any, name: str, *, full_page: bool = True) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=full_page)


def _tab_to(page: Any, selector: str, start: str | None = None) -> None:
    """Press Tab until the focused element matches `selector` (a keyboard user's way there),
    from the top of the page or from the focusable element `start`."""
    if start is not None:
        page.locator(start).focus()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_events_time_line_is_reachable_by_keyboard(
    page: Any, live_server: str, events: Events
) -> None:
    page.goto(f"{live_server}/events?lang=en")
    marks = page.locator("svg.timeline a.mark")
    assert marks.count() >= 30
    rows = page.locator("table.editions tbody tr")
    assert rows.count() >= marks.count()  # editions without any year are only in the table
    box = page.locator("svg.timeline").bounding_box()
    assert box["width"] > 900  # drawn at the width of the page
    _shot(page, "events-en.png")
    _tab_to(page, "svg.timeline a.mark")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{focused}")
    assert page.locator("h1").count() == 1

    page.goto(f"{live_server}/events?lang=ko")
    assert "행사 연표" in page.locator("h1").inner_text()
    assert page.locator("svg.timeline text", has_text="서울").count() >= 1
    _shot(page, "events-ko.png")
    assert events.console_errors == [] and events.dialogs == []


def test_edition_page_shows_its_programme_and_neighbourhood(
    page: Any, live_server: str, events: Events
) -> None:
    page.goto(f"{live_server}/id/{BARCELONA}?lang=en")
    keynotes = page.locator("#kind-keynote table.talks tbody tr")
    assert keynotes.count() >= 5
    first = keynotes.first
    assert first.locator("a.talk-title").count() == 1
    assert first.locator("td.speakers a").count() >= 1
    assert first.locator("a.video").count() >= 1
    assert page.locator("svg.hood a.node").count() >= 10
    _shot(page, "edition-top.png", full_page=False)
    page.locator("a[href='#kind-lightning']").click()
    assert page.evaluate("location.hash") == "#kind-lightning"
    page.locator("#programme-heading").scroll_into_view_if_needed()
    _shot(page, "edition-programme.png", full_page=False)
    page.locator("section.neighbourhood").screenshot(path=str(ARTIFACTS / "edition-hood.png"))
    assert events.console_errors == []


def test_project_page_shows_talks_per_edition(page: Any, live_server: str, events: Events) -> None:
    page.goto(f"{live_server}/id/project/helm?lang=en")
    bars = page.locator("svg.bars a.bar")
    rows = page.locator("table.trend-table tbody tr")
    assert bars.count() == rows.count() >= 10
    # From the last link of the facts, the next Tab is the first bar.
    _tab_to(page, "svg.bars a.bar", start="dl.entity-facts a >> nth=-1")
    label = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert " talks" in label
    page.locator("section.trend").screenshot(path=str(ARTIFACTS / "topic-helm-trend.png"))
    _shot(page, "topic-helm.png")
    assert events.console_errors == []


def test_person_page_neighbourhood_is_clickable(
    page: Any, live_server: str, events: Events
) -> None:
    page.goto(f"{live_server}/id/person/liz-rice?lang=ko")
    nodes = page.locator("svg.hood a.node")
    assert nodes.count() >= 10
    page.locator("section.neighbourhood").screenshot(path=str(ARTIFACTS / "person-hood-ko.png"))
    _shot(page, "person-liz-rice-ko.png")
    page.locator("details.hood-list summary").click()
    assert page.locator("details.hood-list a").count() == nodes.count()
    page.locator("svg.hood a.node[href='/id/organization/aqua-security']").click()
    page.wait_for_url("**/id/organization/aqua-security*")
    assert "아쿠아 시큐리티" in page.locator("h1").inner_text()
    assert events.console_errors == []


def test_completion_list_works_with_the_keyboard(
    page: Any, live_server: str, events: Events
) -> None:
    page.goto(f"{live_server}/?lang=ko")
    box = page.locator("#q")
    assert box.get_attribute("role") == "combobox"
    listbox_id = box.get_attribute("aria-controls")
    options = page.locator(f"#{listbox_id} [role=option]")
    box.click()
    page.keyboard.type("리즈")
    options.first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert page.locator(f"#{listbox_id}").get_attribute("role") == "listbox"
    assert "리즈 라이스" in options.first.inner_text()
    page.keyboard.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == options.first.get_attribute("id")
    assert options.first.get_attribute("aria-selected") == "true"
    _shot(page, "suggest-ko.png", full_page=False)
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert page.locator(f"#{listbox_id}").is_hidden()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/?q=*")
    assert parse_qs(urlsplit(page.url).query)["q"] == ["리즈 라이스"]
    page.wait_for_selector("article.doc")

    page.goto(f"{live_server}/?lang=en")
    page.locator("#q").click()
    page.keyboard.type("helm")
    options.first.wait_for()
    count = options.count()
    assert count >= 3
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    chosen = options.first.locator(".name").inner_text()
    assert options.first.get_attribute("aria-selected") == "true"
    page.keyboard.press("Enter")
    page.wait_for_url("**/?q=*")
    assert parse_qs(urlsplit(page.url).query)["q"] == [chosen]
    assert events.console_errors == [] and events.dialogs == []
