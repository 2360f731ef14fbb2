"""Pages with the Flask test client: search, facets, cards, entities, articles, i18n, escaping."""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask.testing import FlaskClient

HOSTILE_DOC_ID = "en_hostile_markup"
HTML = {"Accept": "text/html"}


def _page(client: FlaskClient, path: str, **kwargs: Any) -> str:
    response = client.get(path, headers={**HTML, **kwargs.pop("headers", {})}, **kwargs)
    assert response.status_code == 200, response.data[:500]
    assert response.mimetype == "text/html"
    return response.get_data(as_text=True)


def test_home_page_has_a_labelled_search_box_and_landmarks(client: FlaskClient) -> None:
    html = _page(client, "/")
    assert '<label for="q">' in html
    assert '<input id="q" name="q" type="search"' in html
    assert 'role="search"' in html
    assert '<main id="main"' in html and 'class="skip-link" href="#main"' in html
    assert '<html lang="en">' in html


def test_search_page_groups_passages_under_articles_with_highlights(client: FlaskClient) -> None:
    html = _page(client, "/", query_string={"q": "Helm 3 released"})
    assert 'class="doc"' in html
    assert "<mark>" in html
    assert 'class="badge lang-en"' in html
    assert re.search(r'href="/doc/en_helm3_released#p\d+"', html)
    assert 'class="source" href="https://' in html


def test_korean_query_shows_korean_results_and_an_entity_card(client: FlaskClient) -> None:
    html = _page(client, "/", query_string={"q": "리즈 라이스 키노트"})
    assert "kubernetes-forum-seoul-2019.ko" in html
    assert 'class="card"' in html
    card = html.split('class="cards"', 1)[1]
    assert "Liz Rice" in card and "리즈 라이스" in card
    assert "Aqua Security" in card
    assert 'href="/id/person/liz-rice"' in card


def test_talk_hits_show_speakers_edition_and_video_links(client: FlaskClient) -> None:
    html = _page(client, "/", query_string={"q": "talks by Liz Rice"})
    talks = re.findall(r'<article class="doc talk".*?</article>', html, re.S)
    assert len(talks) >= 3
    first = talks[0]
    assert re.search(r'<h3 id="doc-\d+"><a href="/id/talk/[^"]+" lang="en">', first)
    assert 'href="/id/person/liz-rice"' in first
    assert re.search(r'href="/id/event/[^"]+">KubeCon', first)
    assert re.search(r'class="source" href="https://[^"]+"[^>]*>Video', first)
    assert re.search(r'href="/doc/[^"#]+#p\d+"', first)  # the line in its talk list


def test_result_facet_and_speaker_filter_narrow_to_talks(client: FlaskClient) -> None:
    html = _page(client, "/", query_string={"q": "Helm"})
    assert 'aria-label="Results"' in html
    link = re.search(r'href="(/\?[^"]*result=talk[^"]*)"', html)
    assert link
    talks_only = _page(client, link.group(1).replace("&amp;", "&"))
    assert 'class="doc talk"' in talks_only
    assert '<article class="doc" ' not in talks_only
    chosen = _page(client, "/", query_string={"q": "keynote", "speaker": "셰릴 헝"})
    assert re.search(r'class="chosen".*Speaker: Cheryl Hung', chosen, re.S)
    assert '<input type="hidden" name="speaker" value="셰릴 헝">' in chosen
    speakers = re.findall(r'<p class="speakers">(.*?)</p>', chosen, re.S)
    assert speakers and all("/id/person/cheryl-hung" in s for s in speakers)


def test_unknown_speaker_filter_is_an_html_400(client: FlaskClient) -> None:
    response = client.get("/", query_string={"q": "Helm", "speaker": "Nobody Known"}, headers=HTML)
    assert response.status_code == 400
    assert "speaker" in response.get_data(as_text=True)


def test_mixed_query_works(client: FlaskClient) -> None:
    html = _page(client, "/", query_string={"q": "Helm 3 릴리스"})
    assert 'class="doc"' in html


def test_facets_are_links_that_filter(client: FlaskClient) -> None:
    html = _page(client, "/", query_string={"q": "Helm"})
    assert 'aria-label="Language"' in html
    link = re.search(r'href="(/\?[^"]*language=ko[^"]*)"', html)
    assert link
    filtered = _page(client, link.group(1).replace("&amp;", "&"))
    assert 'aria-current="true">Korean' in filtered
    assert 'class="badge lang-en"' not in filtered.split('class="results"', 1)[1]


def test_event_and_year_facets_are_listed(client: FlaskClient) -> None:
    html = _page(client, "/", query_string={"q": "KubeCon"})
    assert 'aria-label="Event"' in html and 'aria-label="Year"' in html
    assert "year=2019" in html


def test_bad_facet_value_is_an_html_400(client: FlaskClient) -> None:
    response = client.get("/", query_string={"q": "helm", "year": "19x9"}, headers=HTML)
    assert response.status_code == 400
    assert response.mimetype == "text/html"
    assert "&#39;year&#39; must be an integer" in response.get_data(as_text=True)


def test_interface_language_follows_accept_language(client: FlaskClient) -> None:
    html = _page(client, "/", headers={"Accept-Language": "ko-KR,ko;q=0.9,en;q=0.5"})
    assert '<html lang="ko">' in html
    assert "기사 검색" in html


def test_interface_language_switch_is_remembered(client: FlaskClient) -> None:
    response = client.get("/", query_string={"lang": "ko"}, headers=HTML)
    assert "ui_lang=ko" in response.headers["Set-Cookie"]
    html = _page(client, "/", headers={"Accept-Language": "en"})
    assert '<html lang="ko">' in html
    client.get("/", query_string={"lang": "en"}, headers=HTML)
    assert '<html lang="en">' in _page(client, "/")


def test_entity_page_is_html_for_browsers(client: FlaskClient) -> None:
    html = _page(client, "/id/person/liz-rice")
    assert '<span lang="ko">리즈 라이스</span>' in html
    assert '<span lang="en">Liz Rice</span>' in html
    assert "Aqua Security" in html
    assert re.search(r'class="cite" href="/doc/[^"#]+#p\d+"', html)
    assert 'type="application/ld+json"' in html


def test_entity_page_is_json_ld_when_asked(client: FlaskClient) -> None:
    response = client.get("/id/person/liz-rice", headers={"Accept": "application/ld+json"})
    assert response.status_code == 200
    assert response.mimetype == "application/ld+json"
    assert response.get_json()["@id"] == "https://forumgraph.org/id/person/liz-rice"
    assert "Accept" in response.headers["Vary"]


def test_event_page_lists_dates_city_and_speakers(client: FlaskClient) -> None:
    body = client.get("/api/entities", query_string={"q": "Kubernetes Forum Seoul"}).get_json()
    event = next(r for r in body["results"] if r["type"] == "event")
    html = _page(client, f"/id/{event['id']}")
    assert "Starts" in html
    assert "Seoul" in html or "서울" in html
    assert "Speakers" in html and "Liz Rice" in html


def test_document_page_anchors_every_passage(client: FlaskClient, services: Any) -> None:
    snapshot = services.current().snapshot
    info = snapshot.documents["kubernetes-forum-seoul-2019.ko"]
    html = _page(client, "/doc/kubernetes-forum-seoul-2019.ko")
    for passage_id in info.passage_ids:
        assert f'id="p{passage_id.rsplit("#p", 1)[1]}"' in html
    assert '<article class="document"' in html and 'lang="ko"' in html
    assert "쿠버네티스 포럼" in html


@pytest.mark.parametrize(
    "path",
    ["/doc/..", "/doc/.hidden", "/doc/%2e%2e", "/doc/a%5Cb", "/id/person/..", "/id/../x"],
)
def test_path_like_ids_are_refused(client: FlaskClient, path: str) -> None:
    response = client.get(path, headers=HTML)
    assert response.status_code in (400, 404)
    assert response.mimetype == "text/html"


def test_unknown_document_is_an_html_404(client: FlaskClient) -> None:
    response = client.get("/doc/no-such-article", headers=HTML)
    assert response.status_code == 404
    assert "No article with id" in response.get_data(as_text=True)


def test_hostile_article_is_shown_escaped_everywhere(client: FlaskClient) -> None:
    pages = [
        _page(client, "/", query_string={"q": "Kubernetes security review audit log"}),
        _page(client, f"/doc/{HOSTILE_DOC_ID}"),
    ]
    for html in pages:
        assert HOSTILE_DOC_ID in html
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert "<iframe" not in html
        assert "&lt;script&gt;alert(" in html
        assert "&lt;img src=x onerror=alert(1)&gt;" in html
        assert "javascript:" not in html


def test_hostile_query_is_escaped(client: FlaskClient) -> None:
    query = '"><script>alert(9)</script><img src=x onerror=alert(9)>'
    html = _page(client, "/", query_string={"q": query})
    assert "<script>alert(9)" not in html
    assert "<img src=x onerror" not in html
    assert "&lt;script&gt;alert(9)" in html


def test_pages_send_a_content_security_policy(client: FlaskClient) -> None:
    response = client.get("/", headers=HTML)
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "default-src 'self'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_pages_load_nothing_from_other_origins(client: FlaskClient) -> None:
    for path in ("/", "/sparql", "/docs", "/id/person/liz-rice"):
        html = _page(client, path)
        for url in re.findall(r'(?:src|href)="([^"]+)"', html):
            if url.endswith((".css", ".js")):
                assert url.startswith("/static/"), (path, url)


def test_static_assets_are_served(client: FlaskClient) -> None:
    for name in ("style.css", "sparql.js", "vendor/codemirror/codemirror.min.js"):
        response = client.get(f"/static/{name}")
        assert response.status_code == 200, name
        response.close()


def test_unknown_page_is_an_html_404(client: FlaskClient) -> None:
    response = client.get("/no/such/page", headers=HTML)
    assert response.status_code == 404
    assert response.mimetype == "text/html"


def test_every_interface_string_exists_in_both_languages() -> None:
    from forumgraph.web.i18n import STRINGS

    english, korean = set(STRINGS["en"]), set(STRINGS["ko"])
    assert english - korean == set()
    assert korean - english <= {"value_keynote"}


def test_every_translation_key_used_by_the_templates_exists() -> None:
    from pathlib import Path

    from forumgraph.web.i18n import STRINGS

    templates = Path(__file__).resolve().parents[2] / "src" / "forumgraph" / "web" / "templates"
    used = set()
    for template in templates.glob("*.html"):
        used |= set(re.findall(r"""\bt\(["']([a-z_]+)["']\)""", template.read_text("utf-8")))
    assert used, "the templates use t(...)"
    assert used - set(STRINGS["en"]) == set()
    # Keys built from values: every entity type, language and card field has a string.
    from forumgraph.models import EntityType
    from forumgraph.search.facts import ALL_FIELDS

    built = {f"type_{t.value}" for t in EntityType} | {f"lang_{x}" for x in ("ko", "en", "mixed")}
    built |= {f"fact_{name}" for name in ALL_FIELDS}
    assert built - set(STRINGS["en"]) == set()


def test_a_series_named_with_a_city_shows_that_edition_first(client: FlaskClient) -> None:
    html = _page(client, "/", query_string={"q": "쿠버네티스 포럼 서울"})
    cards = re.findall(r'<h3 id="card-\d+">\s*<a href="([^"]+)"', html)
    assert cards[0] == "/id/event/kubernetes-forum-seoul-2019"
