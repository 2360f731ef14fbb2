"""The pictures with the Flask test client: /events, a topic's talks per edition, the
neighbourhood graph and an edition's programme; each with its table or list, in both languages,
with every text escaped."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from flask.testing import FlaskClient

from forumgraph.search.programme import KIND_ORDER
from forumgraph.serving.services import Services

HTML = {"Accept": "text/html"}
HOSTILE_DOC_ID = "en_hostile_markup"
BARCELONA = "event/kubecon-cloudnativecon-europe-2019"
HREF = re.compile(r'href="(/id/[^"#]+)"')


def _page(client: FlaskClient, path: str) -> str:
    response = client.get(path, headers=HTML)
    assert response.status_code == 200, response.data[:500]
    assert response.mimetype == "text/html"
    return response.get_data(as_text=True)


def _svg(html: str, css_class: str) -> ET.Element:
    """The page's SVG of this class, parsed (it must be well-formed XML)."""
    start = html.index(f'<svg class="{css_class}"')
    end = html.index("</svg>", start) + len("</svg>")
    return ET.fromstring(html[start:end])  # noqa: S314 - the page this app just drew


def _part(html: str, start: str, end: str) -> str:
    begin = html.index(start)
    return html[begin : html.index(end, begin)]


def _links(svg: ET.Element, css_class: str) -> list[ET.Element]:
    return [a for a in svg.iter("a") if css_class in a.get("class", "").split()]


def test_events_draws_every_edition_on_a_time_line_beside_a_table(
    client: FlaskClient, services: Services
) -> None:
    editions = services.current().views.editions()
    html = _page(client, "/events?lang=en")
    svg = _svg(html, "timeline")
    marks = _links(svg, "mark")
    assert sorted(m.get("href", "") for m in marks) == sorted(
        f"/id/{e.id}" for e in editions if e.year
    )
    # In each series' lane later editions sit further right; every mark is named.
    assert _in_time_order_per_lane(marks)
    talks = {f"/id/{e.id}": e.talks for e in editions}
    for mark in marks:
        assert f"{talks[mark.get('href', '')]} talks" in mark.get("aria-label", "")
        assert mark.find("title") is not None
    table = _part(html, '<table class="editions">', "</table>")
    rows = table.split("<tr>")[2:]
    assert len(rows) == len(editions)
    for row, edition in zip(rows, editions, strict=True):
        assert f'href="/id/{edition.id}"' in row
        assert f'<td class="number">{edition.talks}</td>' in row
        for doc_id in edition.documents:
            assert f'href="/doc/{doc_id}"' in row
    assert "no talk list known" in html and "only the year is known" in html
    assert 'aria-current="page"' in _part(html, "<nav", "</nav>")


def _in_time_order_per_lane(marks: list[ET.Element]) -> bool:
    """Within each lane (series), marks go left to right in the order they are listed."""
    lanes: dict[str, list[float]] = {}
    for mark in marks:
        lane = next(c for c in mark.get("class", "").split() if c.startswith("lane-"))
        lanes.setdefault(lane, []).append(float(mark.find("circle").get("cx")))  # type: ignore[union-attr]
    return all(xs == sorted(xs) for xs in lanes.values())


def test_events_speaks_korean(client: FlaskClient, services: Services) -> None:
    html = _page(client, "/events?lang=ko")
    assert '<html lang="ko">' in html
    assert "행사 연표" in html and "발표 목록 없음" in html and "행사 목록 표" in html
    svg_text = " ".join(_svg(html, "timeline").itertext())
    assert "서울" in svg_text and "바르셀로나" in svg_text
    assert re.search(r"발표 \d+개", html)


def test_events_escapes_article_titles(client: FlaskClient, services: Services) -> None:
    html = _page(client, "/events?lang=en")
    assert "<script>alert" not in html and "<img" not in html
    # The hostile article names the Seoul forum, so its title is listed as an article about it.
    assert services.current().snapshot.documents[HOSTILE_DOC_ID].event_ids
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in html


def test_project_page_shows_talks_per_edition_as_bars_and_a_table(
    client: FlaskClient, services: Services
) -> None:
    trend = services.current().views.trend("project/helm")
    html = _page(client, "/id/project/helm?lang=en")
    bars = _links(_svg(html, "bars"), "bar")
    assert [b.get("href") for b in bars] == [f"/id/{p.edition.id}" for p in trend]
    for bar, point in zip(bars, trend, strict=True):
        assert f": {point.count} of {point.edition.talks} talks" in bar.get("aria-label", "")
    table = _part(html, '<table class="trend-table">', "</table>")
    assert "<caption>Talks about Helm per edition, as a table</caption>" in table
    counts = re.findall(r'<td class="number">(\d+)</td>\s*<td class="number">(\d+)</td>', table)
    assert [(int(a), int(b)) for a, b in counts] == [(p.count, p.edition.talks) for p in trend]
    korean = _page(client, "/id/project/helm?lang=ko")
    assert "행사별 발표 수" in korean and "‘헬름’" in korean


def test_pages_show_only_the_pictures_that_apply(client: FlaskClient) -> None:
    person = _page(client, "/id/person/liz-rice?lang=en")
    assert 'class="hood"' in person
    assert 'class="bars"' not in person and 'id="programme-heading"' not in person
    talk = _page(client, f"/id/talk/{BARCELONA.split('/', 1)[1]}/keynote-2-66-million")
    assert 'class="hood"' in talk and 'class="bars"' not in talk


def test_person_page_draws_the_neighbourhood_with_a_list(
    client: FlaskClient, services: Services
) -> None:
    hood = services.current().views.neighbourhood("person/liz-rice")
    html = _page(client, "/id/person/liz-rice?lang=en")
    svg = _svg(html, "hood")
    nodes = _links(svg, "node")
    expected = {f"/id/{n}" for n in (*hood.first, *hood.second)}
    assert {n.get("href") for n in nodes} == expected
    assert "/id/organization/aqua-security" in expected
    assert all(n.get("aria-label") and n.find("title") is not None for n in nodes)
    assert len(list(svg.iter("line"))) == len(hood.links)
    listed = _part(html, '<details class="hood-list">', "</details>")
    assert set(HREF.findall(listed)) == expected
    assert "Linked directly" in listed and "Two steps away" in listed
    for href in sorted(expected)[:3]:
        assert client.get(href, headers=HTML).status_code == 200
    korean = _page(client, "/id/person/liz-rice?lang=ko")
    assert "주변 관계" in korean and "목록으로 보기" in korean
    assert "아쿠아 시큐리티" in " ".join(_svg(korean, "hood").itertext())


def test_edition_page_lists_its_talks_by_kind_with_speakers_and_videos(
    client: FlaskClient, services: Services
) -> None:
    programme = services.current().views.programme(BARCELONA)
    html = _page(client, f"/id/{BARCELONA}?lang=en")
    part = _part(html, 'id="programme-heading"', 'class="alt-formats"')
    kinds = re.findall(r'<section class="kind" id="kind-([\w-]+)"', part)
    assert kinds == [kind for kind, _talks in programme.groups]
    assert kinds[0] == "keynote" and set(kinds) <= {*KIND_ORDER, "other", "sponsor-session"}
    assert part.count('class="talk-title"') == programme.total
    assert "<h3" in part and "Keynotes" in part and "Lightning talks" in part
    videos = re.findall(
        r'<a class="video" href="([^"]+)" rel="noopener noreferrer nofollow">', part
    )
    assert len(videos) == sum(len(t.videos) for _k, talks in programme.groups for t in talks)
    assert all(v.startswith(("https://", "http://")) for v in videos)
    assert 'lang="zh"' in part
    first = programme.groups[0][1][0]
    for speaker in first.speakers:
        assert f'href="/id/{speaker.id}"' in part
    # The capped fact list of talks gives way to the full programme.
    assert "<dt>Talks</dt>" not in html
    korean = _page(client, f"/id/{BARCELONA}?lang=ko")
    assert "프로그램" in korean and "키노트" in korean and "라이트닝 토크" in korean
