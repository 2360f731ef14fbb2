"""The world's countries (data/gazetteer/countries.tsv) beside the curated ones: venues of
editions named after a country, names that are more often given names, and a bad table."""

from __future__ import annotations

from pathlib import Path

import pytest
from extraction_support import context, extract_text

from forumgraph.errors import InputError
from forumgraph.ingest.gazetteer import COUNTRY
from forumgraph.ingest.gazetteer_places import country_rows
from forumgraph.models import EntityType


def _events(text: str) -> set[str]:
    extraction = extract_text(text, {"date": "2025-02-10"})
    return {n.text for r in extraction.entities if r.type == EntityType.EVENT for n in r.names}


def test_a_country_of_the_table_is_known_in_both_scripts():
    gazetteer = context().gazetteer
    ecuador = gazetteer.lookup("Ecuador", COUNTRY)
    assert ecuador is not None and ecuador.country == "EC"
    assert gazetteer.lookup("에콰도르", COUNTRY) == ecuador
    assert gazetteer.lookup("Norway", COUNTRY).country == "NO"  # not YAML's `false`


def test_a_country_of_the_table_names_an_edition_where_the_text_holds_the_event():
    found = _events("Kubernetes Community Days will be held in Ecuador and Costa Rica this year.")
    assert {
        "Kubernetes Community Days Ecuador 2025",
        "Kubernetes Community Days Costa Rica 2025",
    } <= found
    assert _events("KCD organisers from Ecuador met online.") == set()


def test_country_names_that_are_given_names_or_ordinary_words_are_not_countries():
    gazetteer = context().gazetteer
    for name in ("Chad", "Jordan", "Georgia", "수단", "가나"):
        assert gazetteer.lookup(name, COUNTRY) is None, name


def test_a_bad_country_table_names_the_file_and_line(tmp_path: Path):
    table = tmp_path / "countries.tsv"
    table.write_text(
        "code\ten\tko\tcontinent\tpopulation\nEC\t\t에콰도르\tSouth America\t1\n", encoding="utf-8"
    )
    with pytest.raises(InputError, match=r"countries.tsv, line 2"):
        country_rows(table, set())
    assert country_rows(tmp_path / "absent.tsv", set()) == []
