"""The graph built from the bundled corpus against the hand annotation of the founding article."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from forumgraph.config import Settings
from forumgraph.graph.sparql import run_query
from forumgraph.snapshot import Snapshot, require_snapshot

GOLD = Path(__file__).parent / "fixtures" / "kubernetes-forum-seoul-2019.yaml"
TALK_LISTS = Path(__file__).parent.parent / "data" / "schedules"
FOUNDING = "https://forumgraph.org/doc/kubernetes-forum-seoul-2019.ko"
PREFIXES = """
PREFIX schema: <https://schema.org/>
PREFIX fg: <https://forumgraph.org/ontology#>
"""


def _load_gold() -> dict:  # type: ignore[type-arg]
    text = GOLD.read_text(encoding="utf-8")
    # The questions section is free text, not YAML; the facts above it are.
    return yaml.safe_load(text.split("\nquestions:")[0])


@pytest.fixture(scope="module")
def snapshot(built_store: Settings) -> Snapshot:
    return require_snapshot(built_store.store_dir)


@pytest.fixture(scope="module")
def gold() -> dict:  # type: ignore[type-arg]
    return _load_gold()


def _rows(snapshot: Snapshot, query: str) -> list[dict[str, str]]:
    result = run_query(snapshot.graph(), PREFIXES + query, timeout_s=30, max_results=100_000)
    return [{k: v.value for k, v in row.items()} for row in result.bindings()]


def _names_by_node(snapshot: Snapshot, rdf_type: str, graph: str | None = None) -> dict:  # type: ignore[type-arg]
    pattern = f"?x a {rdf_type} ; schema:name ?n ."
    where = f"GRAPH <{graph}> {{ {pattern} }}" if graph else pattern
    names: dict[str, set[str]] = {}
    for row in _rows(snapshot, f"SELECT ?x ?n WHERE {{ {where} }}"):
        names.setdefault(row["x"], set()).add(row["n"])
    return names


def test_every_gold_person_has_hangul_and_latin_names_on_one_node(snapshot, gold) -> None:
    nodes = _names_by_node(snapshot, "schema:Person", FOUNDING)
    for person in gold["people"]:
        wanted = {person["name"]["en"], person["name"]["ko"]}
        assert any(wanted <= names for names in nodes.values()), wanted


def test_person_affiliations_match_the_gold(snapshot, gold) -> None:
    rows = _rows(
        snapshot,
        f"""SELECT ?pn ?on WHERE {{ GRAPH <{FOUNDING}> {{
              ?p a schema:Person ; schema:name ?pn ; schema:affiliation ?o }}
            ?o schema:name|schema:alternateName ?on }}""",
    )
    orgs_of: dict[str, set[str]] = {}
    for row in rows:
        orgs_of.setdefault(row["pn"], set()).add(row["on"].lower())
    aliases = {"US Air Force": "united states air force"}
    correct = [
        p["name"]["en"]
        for p in gold["people"]
        if aliases.get(p["affiliation"], p["affiliation"].lower())
        in orgs_of.get(p["name"]["en"], ())
    ]
    assert len(correct) >= 6, correct


@pytest.mark.parametrize(
    ("event_id", "city", "start", "end"),
    [
        ("kubernetes-forum-seoul-2019", "Seoul", "2019-12-09", "2019-12-10"),
        ("kubernetes-forum-sydney-2019", "Sydney", "2019-12", None),
        ("kubecon-cloudnativecon-north-america-2019", "San Diego", "2019-11", None),
        ("kubecon-cloudnativecon-europe-2020", "Amsterdam", "2020-03", None),
        ("kubecon-cloudnativecon-north-america-2020", "Boston", "2020-11", None),
    ],
)
def test_events_have_city_and_dates(snapshot, event_id, city, start, end) -> None:
    rows = _rows(
        snapshot,
        f"""SELECT ?city ?start ?end WHERE {{ GRAPH <{FOUNDING}> {{
              ?e a schema:Event ;
                  schema:location/schema:name ?city ; schema:startDate ?start .
              OPTIONAL {{ ?e schema:endDate ?end }}
              FILTER(?e = <https://forumgraph.org/id/event/{event_id}>) }} }}""",
    )
    assert any(r["city"] == city for r in rows), rows
    assert {r["start"] for r in rows} == {start}
    if end:
        assert {r.get("end") for r in rows} == {end}


def test_planned_editions_are_scheduled_and_past_ones_held(snapshot) -> None:
    rows = _rows(snapshot, "SELECT ?e ?s WHERE { ?e a fg:EventEdition ; schema:eventStatus ?s }")
    status = {r["e"].rsplit("/", 1)[1]: r["s"] for r in rows}
    assert status["kubecon-cloudnativecon-europe-2020"].endswith("EventScheduled")
    assert not status["kubernetes-forum-seoul-2019"].endswith("EventScheduled")


def test_talks_have_speakers_or_speaker_organisations(snapshot, gold) -> None:
    rows = _rows(
        snapshot,
        f"""SELECT ?t ?who WHERE {{ GRAPH <{FOUNDING}> {{ ?t a fg:Talk .
              {{ ?t schema:performer/schema:name ?who }}
              UNION {{ ?t fg:performerOrganization/schema:name ?who }}
              UNION {{ ?t schema:sponsor/schema:name ?who }} }} }}""",
    )
    who_by_talk: dict[str, set[str]] = {}
    for row in rows:
        who_by_talk.setdefault(row["t"], set()).add(row["who"])
    for talk in gold["talks"]:
        wanted = set(
            talk.get("speakers")
            or [talk.get("speaker") or talk.get("speaker_affiliation") or talk["sponsors"][0]]
        )
        assert any(wanted <= who for who in who_by_talk.values()), talk


def test_unnamed_engineers_are_not_made_into_people(snapshot) -> None:
    people = _names_by_node(snapshot, "schema:Person", FOUNDING)
    flat = {n for names in people.values() for n in names}
    assert not any("엔지니어" in n or "engineer" in n.lower() for n in flat)
    assert len(people) == 7


def test_keynote_speakers_of_both_forums(snapshot) -> None:
    rows = _rows(
        snapshot,
        """SELECT DISTINCT ?name WHERE {
             ?a a fg:Keynote ; schema:performer ?p ;
                schema:superEvent <https://forumgraph.org/id/event/kubernetes-forum-seoul-2019> .
             ?b a fg:Keynote ; schema:performer ?p ;
                schema:superEvent <https://forumgraph.org/id/event/kubernetes-forum-sydney-2019> .
             ?p schema:name ?name FILTER(lang(?name) = "en") }""",
    )
    assert {r["name"] for r in rows} == {"Dan Kohn", "Cheryl Hung", "Liz Rice"}


@pytest.mark.parametrize("name", ["Cheryl Hung", "Dan Kohn", "Liz Rice", "Brandon Lum"])
def test_article_people_are_the_talk_list_speakers(snapshot, name) -> None:
    rows = _rows(
        snapshot,
        f"""SELECT DISTINCT ?p ?g WHERE {{ GRAPH ?g {{ ?p a schema:Person ;
              schema:name "{name}"@en }} }}""",
    )
    nodes = {r["p"] for r in rows}
    graphs = {r["g"].rsplit("/", 1)[1] for r in rows}
    assert len(nodes) == 1, nodes
    assert "kubernetes-forum-seoul-2019.ko" in graphs
    talk_lists = {p.stem for p in TALK_LISTS.glob("*.md")} - {"SOURCE"}
    assert graphs & talk_lists, graphs


def test_spelling_variants_are_alternate_names_of_the_canonical_entity(snapshot) -> None:
    rows = _rows(
        snapshot,
        """SELECT ?x ?alt WHERE { ?x schema:alternateName ?alt
             FILTER(STR(?alt) IN ("Brandom Lum", "Redhat", "마이크로소트", "쿠베네티스")) }""",
    )
    owner = {r["alt"]: r["x"].split("/id/", 1)[1] for r in rows}
    assert owner["Brandom Lum"] == "person/brandon-lum"
    assert owner["Redhat"] == "organization/red-hat"
    assert owner["마이크로소트"] == "organization/microsoft"
    assert owner["쿠베네티스"].endswith("/kubernetes")


def test_helm_is_one_graduated_project_across_languages(snapshot) -> None:
    rows = _rows(
        snapshot,
        """SELECT DISTINCT ?x ?m WHERE { ?x a schema:SoftwareApplication ; schema:name "헬름"@ko ;
             schema:name "Helm"@en ; fg:maturity ?m }""",
    )
    assert [(r["x"].rsplit("/", 1)[1], r["m"]) for r in rows] == [("helm", "graduated")]
