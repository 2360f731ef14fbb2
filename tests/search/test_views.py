"""Graph read-outs for the pictures (search/views.py, programme.py, neighbourhood.py) on the
bundled corpus, and the same read-outs from a graph on a real Oxigraph server."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pyoxigraph
import pytest

from forumgraph.config import Settings
from forumgraph.graph.remote import RemoteEndpoints, RemoteStore, remote_select
from forumgraph.graph.store import OxigraphStore
from forumgraph.graph.terms import document_iri
from forumgraph.models import EntityType
from forumgraph.search import neighbourhood as neighbourhood_module
from forumgraph.search import programme as programme_module
from forumgraph.search.facts import FactFinder
from forumgraph.search.views import GraphViews
from forumgraph.snapshot import Snapshot, require_snapshot
from forumgraph.snapshot.reader import GRAPH
from oxigraph_server import oxigraph_server

SEOUL = "event/kubernetes-forum-seoul-2019"
SEOUL_ARTICLE = "kubernetes-forum-seoul-2019.ko"
BARCELONA = "event/kubecon-cloudnativecon-europe-2019"
BARCELONA_LIST = "2019Barcelona"


@pytest.fixture(scope="module")
def snapshot(built_store: Settings) -> Snapshot:
    return require_snapshot(built_store.store_dir)


@pytest.fixture(scope="module")
def facts(snapshot: Snapshot, built_store: Settings) -> FactFinder:
    return FactFinder(snapshot, built_store.base_iri)


@pytest.fixture(scope="module")
def views(snapshot: Snapshot, facts: FactFinder, built_store: Settings) -> GraphViews:
    return GraphViews(snapshot, built_store.base_iri, facts.select)


def _talks_of(facts: FactFinder, entity_id: str) -> set[str]:
    return {v.entity_id for v in facts.facts(entity_id).values("talks") if v.entity_id}


def test_editions_are_in_time_order_with_place_country_dates_and_articles(
    views: GraphViews, snapshot: Snapshot
) -> None:
    editions = views.editions()
    events = {e.id for e in snapshot.entities.values() if e.type == EntityType.EVENT}
    assert {e.id for e in editions} == events
    keys = [(e.year, e.month if e.month is not None else 6.5) for e in editions if e.year]
    assert keys == sorted(keys)
    seoul = views.edition(SEOUL)
    assert seoul is not None
    assert (seoul.start, seoul.end, seoul.year, seoul.month) == (
        "2019-12-09",
        "2019-12-10",
        2019,
        12,
    )
    assert seoul.place_id == "place/seoul" and seoul.country == "KR"
    assert seoul.period() == "2019-12-09 – 2019-12-10"
    assert SEOUL_ARTICLE in seoul.documents
    # A talk list that states no dates puts its edition in the year its name carries, and the
    # table of known editions gives the month.
    barcelona = views.edition(BARCELONA)
    assert barcelona is not None and (barcelona.year, barcelona.month) == (2019, 5)
    assert barcelona.documents == tuple(
        sorted(d.doc_id for d in snapshot.documents.values() if BARCELONA in d.event_ids)
    )


def test_talk_counts_agree_with_the_programme_and_the_facts(
    views: GraphViews, facts: FactFinder
) -> None:
    with_talks = [e for e in views.editions() if e.talks]
    assert len(with_talks) >= 13  # every bundled talk list has its edition
    for edition in with_talks:
        programme = views.programme(edition.id)
        assert programme.total == edition.talks, edition.id
        listed = _talks_of(facts, edition.id)
        if len(listed) < 50:  # the facts list at most 50 values per field
            assert {t.id for _k, talks in programme.groups for t in talks} == listed


def test_programme_groups_talks_by_kind_keynotes_first(
    views: GraphViews, facts: FactFinder, snapshot: Snapshot
) -> None:
    programme = views.programme(BARCELONA)
    kinds = [kind for kind, _talks in programme.groups]
    known = [k for k in kinds if k in programme_module.KIND_ORDER]
    assert known == sorted(known, key=programme_module.KIND_ORDER.index)
    assert kinds[0] == "keynote"
    for kind, talks in programme.groups:
        for talk in talks:
            talk_facts = facts.facts(talk.id)
            assert {v.text for v in talk_facts.values("talkKind")} <= {kind}
            assert {s.id for s in talk.speakers} == {
                v.entity_id for v in talk_facts.values("performer")
            }
            assert all(url.startswith(("https://", "http://")) for url in talk.videos)
            for speaker in talk.speakers:
                if speaker.organization_id:
                    affiliations = facts.facts(speaker.id).values("affiliation")
                    assert speaker.organization_id in {a.entity_id for a in affiliations}
    assert sum(len(t.videos) for _k, talks in programme.groups for t in talks) > programme.total
    assert any(t.title_zh for _k, talks in programme.groups for t in talks)


def test_a_programme_is_cut_at_its_bound(
    snapshot: Snapshot, facts: FactFinder, built_store: Settings, monkeypatch: Any
) -> None:
    monkeypatch.setattr(programme_module, "MAX_PROGRAMME_TALKS", 10)
    fresh = GraphViews(snapshot, built_store.base_iri, facts.select)
    programme = fresh.programme(BARCELONA)
    assert programme.shown == 10
    assert programme.total > 300


def test_trend_counts_talks_about_a_project_per_edition(
    views: GraphViews, facts: FactFinder
) -> None:
    trend = views.trend("project/helm")
    assert [p.edition for p in trend] == [e for e in views.editions() if e.talks]
    assert all(0 <= p.count <= p.edition.talks for p in trend)
    assert any(p.count == 0 for p in trend) and any(p.count > 0 for p in trend)
    about_helm = _talks_of(facts, "project/helm")
    # Talks an article places under a series, not an edition, have no bar.
    with_edition = {
        talk
        for talk in about_helm
        if any(v.entity_type == "event" for v in facts.facts(talk).values("superEvent"))
    }
    assert sum(p.count for p in trend) == len(with_edition)
    assert views.trend("project/helm") is trend  # cached for the generation


def test_neighbourhood_of_a_person_reaches_talks_editions_and_organisations(
    views: GraphViews, snapshot: Snapshot
) -> None:
    hood = views.neighbourhood("person/liz-rice")
    first = {snapshot.entities[n].type for n in hood.first}
    second = {snapshot.entities[n].type for n in hood.second}
    assert {EntityType.TALK, EntityType.ORGANIZATION} <= first
    assert EntityType.EVENT in second
    assert "organization/aqua-security" in hood.first
    _check_bounded_and_linked(hood)


def test_neighbourhood_of_a_big_edition_is_bounded_and_keeps_every_kind_of_link(
    views: GraphViews, snapshot: Snapshot
) -> None:
    hood = views.neighbourhood(BARCELONA)
    kinds = {snapshot.entities[n].type for n in hood.first}
    assert {EntityType.SERIES, EntityType.PLACE, EntityType.TALK} <= kinds
    assert hood.first_left_out > 300  # the talks not drawn
    _check_bounded_and_linked(hood)


def _check_bounded_and_linked(hood: neighbourhood_module.Neighbourhood) -> None:
    assert len(hood.first) <= neighbourhood_module.FIRST_RING
    assert len(hood.second) <= neighbourhood_module.SECOND_RING
    assert len(set(hood.nodes())) == len(hood.nodes())
    pairs = {frozenset((link.source, link.target)) for link in hood.links}
    shown = set(hood.nodes())
    assert all(pair <= shown for pair in pairs)
    assert all(frozenset((hood.centre, node)) in pairs for node in hood.first)
    for node in hood.second:
        assert any(frozenset((node, near)) in pairs for near in hood.first), node


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as url:
        yield url


@pytest.mark.slow
def test_read_outs_are_the_same_from_a_graph_on_a_server(
    server: str, snapshot: Snapshot, built_store: Settings
) -> None:
    base = built_store.base_iri
    docs = [BARCELONA_LIST, SEOUL_ARTICLE, "en_helm_at_kubecon_na2019"]
    endpoints = RemoteEndpoints(f"{server}/query", f"{server}/update", f"{server}/store")
    remote = RemoteStore(endpoints, base_iri=base)
    local = OxigraphStore.in_memory(base_iri=base)
    source = pyoxigraph.Store.read_only(str(snapshot.path / GRAPH))
    try:
        for doc_id in docs:
            graph = document_iri(doc_id, base)
            quads = list(source.quads_for_pattern(None, None, None, graph))
            assert quads, doc_id
            for store in (remote, local):
                store.replace_document(doc_id, quads)
        on_server = GraphViews(snapshot, base, remote_select(remote))
        embedded = GraphViews(snapshot, base, remote_select(local))  # type: ignore[arg-type]
        assert on_server.editions() == embedded.editions()
        assert on_server.edition(BARCELONA) is not None
        assert on_server.programme(BARCELONA) == embedded.programme(BARCELONA)
        assert on_server.programme(BARCELONA).total > 300
        assert on_server.trend("project/helm") == embedded.trend("project/helm")
        for entity_id in ("person/liz-rice", BARCELONA):
            a, b = on_server.neighbourhood(entity_id), embedded.neighbourhood(entity_id)
            assert (a.first, a.second) == (b.first, b.second)
            assert {frozenset((x.source, x.target)) for x in a.links} == {
                frozenset((x.source, x.target)) for x in b.links
            }
        assert on_server.weights() == embedded.weights()
    finally:
        remote.close()
        local.close()


def test_the_cache_forgets_entities_but_keeps_the_whole_graph_read_outs(
    snapshot: Snapshot, facts: FactFinder, built_store: Settings, monkeypatch: Any
) -> None:
    from forumgraph.search import views as views_module

    monkeypatch.setattr(views_module, "CACHE_ENTRIES", 3)
    fresh = GraphViews(snapshot, built_store.base_iri, facts.select)
    editions = fresh.editions()
    for entity_id in ("project/helm", "person/liz-rice", "place/seoul", BARCELONA):
        assert fresh.neighbourhood(entity_id) is fresh.neighbourhood(entity_id)
    assert fresh.editions() is editions
