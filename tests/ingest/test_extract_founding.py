"""The founding article against its gold annotation (tests/fixtures)."""

import pytest
from extraction_support import founding, gold

from forumgraph.models import EntityType


@pytest.fixture(scope="module")
def extraction():
    return founding()


def _records(extraction, type_):
    return {r.key: r for r in extraction.entities if r.type == type_}


def _english(record):
    return next(n.text for n in record.names if n.lang == "en")


def _facts(extraction, subject, predicate):
    return [f.value for f in extraction.facts if f.subject == subject and f.predicate == predicate]


def test_all_gold_people_have_both_names_on_one_record(extraction):
    people = {
        tuple(sorted((n.lang, n.text) for n in r.names))
        for r in _records(extraction, EntityType.PERSON).values()
    }
    for person in gold()["people"]:
        assert tuple(sorted([("en", person["name"]["en"]), ("ko", person["name"]["ko"])])) in people


def test_person_organisation_links_match_the_gold(extraction):
    aliases = {
        "CNCF": "Cloud Native Computing Foundation",
        "US Air Force": "United States Air Force",
    }
    people = _records(extraction, EntityType.PERSON)
    orgs = _records(extraction, EntityType.ORGANIZATION)
    found = {
        (_english(people[f.subject]), _english(orgs[f.value]))
        for f in extraction.facts
        if f.predicate == "affiliation" and f.subject in people
    }
    expected = {
        (p["name"]["en"], aliases.get(p["affiliation"], p["affiliation"])) for p in gold()["people"]
    }
    assert len(found & expected) >= 6


def test_job_titles_in_both_languages(extraction):
    assert set(_facts(extraction, "person:dan kohn", "jobTitle")) == {
        "상임이사",
        "Executive Director",
    }


def _event(extraction, english):
    events = _records(extraction, EntityType.EVENT)
    return next(key for key, r in events.items() if _english(r) == english)


@pytest.mark.parametrize(
    ("name", "city", "start", "end", "status"),
    [
        ("Kubernetes Forum Seoul 2019", "place:seoul", "2019-12-09", "2019-12-10", "held"),
        ("Kubernetes Forum Sydney 2019", "place:sydney", "2019-12", "2019-12", "held"),
        (
            "KubeCon + CloudNativeCon North America 2019",
            "place:san diego",
            "2019-11",
            "2019-11",
            "held",
        ),
        (
            "KubeCon + CloudNativeCon Europe 2020",
            "place:amsterdam",
            "2020-03",
            "2020-03",
            "planned",
        ),
        (
            "KubeCon + CloudNativeCon North America 2020",
            "place:boston",
            "2020-11",
            "2020-11",
            "planned",
        ),
    ],
)
def test_editions_have_city_dates_and_status(extraction, name, city, start, end, status):
    key = _event(extraction, name)
    assert _facts(extraction, key, "location") == [city]
    assert _facts(extraction, key, "startDate") == [start]
    assert _facts(extraction, key, "endDate") == [end]
    assert _facts(extraction, key, "eventStatus") == [status]


def test_forums_are_organised_by_cncf(extraction):
    for name in ("Kubernetes Forum Seoul 2019", "Kubernetes Forum Sydney 2019"):
        key = _event(extraction, name)
        assert _facts(extraction, key, "organizer") == [
            "organization:cloud native computing foundation"
        ]
        assert _facts(extraction, key, "superEvent") == ["series:kubernetes forum"]


@pytest.mark.parametrize(
    "name",
    ["Kubernetes Forum India 2020", "Kubernetes Forum Japan 2020", "Open Source Summit China 2020"],
)
def test_editions_planned_in_a_country_have_no_city(extraction, name):
    key = _event(extraction, name)
    assert _facts(extraction, key, "location") == []
    assert _facts(extraction, key, "eventStatus") == ["planned"]


def test_a_country_whose_city_holds_the_edition_makes_no_other(extraction):
    names = {_english(r) for r in _records(extraction, EntityType.EVENT).values()}
    assert not any("Korea" in n for n in names)  # `한국에서 처음 열린` is the Seoul forum
    assert len(names) == 8


def test_keynotes_at_both_forums_have_their_speakers(extraction):
    seoul = _event(extraction, "Kubernetes Forum Seoul 2019")
    sydney = _event(extraction, "Kubernetes Forum Sydney 2019")
    for person in ("dan kohn", "cheryl hung", "liz rice"):
        talk = f"talk:person:{person}"
        assert _facts(extraction, talk, "talkKind") == ["keynote"]
        assert _facts(extraction, talk, "performer") == [f"person:{person}"]
        assert set(_facts(extraction, talk, "superEvent")) == {seoul, sydney}


def test_joint_talk_and_topics(extraction):
    talk = "talk:person:brandon lum|person:ricardo aravena"
    assert set(_facts(extraction, talk, "performer")) == {
        "person:brandon lum",
        "person:ricardo aravena",
    }
    assert {"topic:devsecops", "topic:security", "topic:compliance"} <= set(
        _facts(extraction, talk, "about")
    )
    liz = set(_facts(extraction, "talk:person:liz rice", "about"))
    assert {"topic:ooda loop", "topic:reconciliation loop", "topic:security"} <= liz


def test_unnamed_engineer_is_a_talk_with_an_organisation_not_a_person(extraction):
    seoul = _event(extraction, "Kubernetes Forum Seoul 2019")
    sydney = _event(extraction, "Kubernetes Forum Sydney 2019")
    sds = "talk:org:organization:samsung sds"
    assert _facts(extraction, sds, "performerOrg") == ["organization:samsung sds"]
    assert _facts(extraction, sds, "superEvent") == [seoul]
    assert _facts(extraction, sds, "talkKind") == ["keynote"]
    assert "project:helm" in _facts(extraction, sds, "about")
    assert _facts(extraction, "talk:org:organization:microsoft", "superEvent") == [sydney]
    people = {_english(r) for r in _records(extraction, EntityType.PERSON).values()}
    assert people == {p["name"]["en"] for p in gold()["people"]}


def test_quoted_titles_and_sponsor_sessions(extraction):
    nfv = "talk:org:organization:samsung electronics"
    assert _facts(extraction, nfv, "name") == ["Advanced Network Capability for NFV on Kubernetes"]
    assert {"topic:nfv", "topic:5g", "topic:network slicing"} <= set(
        _facts(extraction, nfv, "about")
    )
    assert _facts(extraction, "talk:org:organization:vmware", "name") == ["Smooth Operator"]
    sponsors = next(r.key for r in extraction.entities if r.key.startswith("talk:sponsor"))
    assert set(_facts(extraction, sponsors, "sponsor")) == {
        "organization:google",
        "organization:ibm",
        "organization:vmware",
    }
    assert _facts(extraction, sponsors, "day") == ["2"]


def test_gold_organisations_are_found_with_hangul_names_and_variants(extraction):
    orgs = _records(extraction, EntityType.ORGANIZATION)
    english = {_english(r) for r in orgs.values()}
    aliases = {"Cloud Native Computing Foundation"}
    for org in gold()["organizations"]:
        assert org["en"] in english | aliases
    microsoft = orgs["organization:microsoft"]
    assert "마이크로소트" in {v.text for v in microsoft.variants}


def test_mentions_are_spans_of_their_passages(extraction):
    assert extraction.mentions
    for mention in extraction.mentions:
        assert mention.passage_id.startswith(extraction.doc_id)
        assert mention.end > mention.start
