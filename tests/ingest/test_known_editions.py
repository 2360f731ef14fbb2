"""Known editions of region-named series: the year of an edition named by its city alone, and
official names (texts written for these tests)."""

from __future__ import annotations

import pytest
from extraction_support import extract_text

from forumgraph.errors import InputError
from forumgraph.ingest.known_editions import known_editions
from forumgraph.models import EntityType, Extraction


def _events(extraction: Extraction) -> set[str]:
    return {n.text for r in extraction.entities if r.type == EntityType.EVENT for n in r.names}


def test_a_city_named_without_a_year_is_the_edition_held_there():
    text = "Many of the maintainers first met at the KubeCon show in Seattle."
    found = _events(extract_text(text, {"date": "2019-05-02"}))
    assert "KubeCon + CloudNativeCon North America 2018" in found
    assert "KubeCon + CloudNativeCon North America 2019" not in found


def test_the_edition_of_the_year_stays_where_the_table_does_not_place_it_elsewhere():
    text = "Many of the maintainers will meet at the KubeCon show in Salt Lake City."
    found = _events(extract_text(text, {"date": "2030-05-02"}))
    assert "KubeCon + CloudNativeCon North America 2030" in found
    # A year the text writes wins over the table.
    text = "The KubeCon show in Seattle in December 2019 was sold out."
    found = _events(extract_text(text, {"date": "2020-01-10"}))
    assert "KubeCon + CloudNativeCon North America 2019" in found


def test_an_edition_is_also_known_by_its_official_name():
    text = "내년 6월 상하이에서 열리는 KubeCon China 행사에 참가할 예정이다."
    found = _events(extract_text(text, {"date": "2018-12-01"}))
    assert "KubeCon + CloudNativeCon China 2019" in found
    assert "KubeCon + CloudNativeCon + Open Source Summit China 2019" in found


@pytest.mark.parametrize(
    ("table", "field"),
    [
        ({"KubeCon": [{"year": "2019", "region": "Europe", "month": 5}]}, "`year`"),
        ({"KubeCon": [{"year": 2019, "region": "Europe", "month": 13}]}, "`month`"),
        ({"KubeCon": [{"year": 2019, "month": 5}]}, "`region`"),
        ({"KubeCon": [{"year": 2019, "region": "Europe", "month": 5, "venue": "x"}]}, "venue"),
        ({"KubeCon": {"year": 2019}}, "list of editions"),
    ],
)
def test_a_malformed_row_names_its_series_and_field(table, field):
    with pytest.raises(InputError, match=r"known_editions\.yaml") as error:
        known_editions(table)
    assert field in str(error.value)


def test_a_listed_edition_gets_the_city_and_month_the_text_leaves_out():
    extraction = extract_text(
        "Our team gave two talks at KubeCon Europe 2023 about autoscaling.", {"date": "2023-09-01"}
    )
    names = {r.key: r.names[0].text for r in extraction.entities}
    edition = next(
        r.key
        for r in extraction.entities
        if r.type == EntityType.EVENT and "Europe 2023" in r.names[0].text
    )
    facts = {
        (f.predicate, names.get(f.value, f.value)) for f in extraction.facts if f.subject == edition
    }
    assert ("location", "Amsterdam") in facts
    assert ("startDate", "2023-04") in facts


def test_a_region_written_before_its_city_makes_no_second_edition():
    text = (
        "She joined the project in 2023 after a talk at KubeCon + CloudNativeCon Europe in "
        "Amsterdam, and she will speak in Paris next spring."
    )
    found = _events(extract_text(text, {"date": "2025-02-11"}))
    assert "KubeCon + CloudNativeCon Europe 2023" in found
    assert "KubeCon + CloudNativeCon Europe 2025" not in found


def test_each_city_of_a_clause_takes_the_month_nearest_to_it():
    text = (
        "해외에서는 3월 파리에서 열린 KubeCon Europe과 "
        "11월 솔트레이크시티의 KubeCon North America에 다녀왔다."
    )
    extraction = extract_text(text, {"date": "2024-12-28"})
    names = {r.key: r.names[0].text for r in extraction.entities}
    starts = {names[f.subject]: f.value for f in extraction.facts if f.predicate == "startDate"}
    assert starts.get("KubeCon + CloudNativeCon Europe 2024") == "2024-03"
    assert starts.get("KubeCon + CloudNativeCon North America 2024") == "2024-11"


def test_a_citys_show_in_a_sentence_without_a_series_is_the_last_series_held_there():
    text = (
        "In November I spoke at KubeCon North America in Salt Lake City.\n\n"
        "Compared with last year's Chicago show, it felt smaller. Open Source Summit Europe in "
        "Vienna was busy too."
    )
    found = _events(extract_text(text, {"date": "2024-12-20"}))
    assert "KubeCon + CloudNativeCon North America 2023" in found
    assert "Open Source Summit Europe 2024" in found


def test_a_year_the_table_does_not_list_takes_the_edition_held_in_the_city_a_year_off():
    text = (
        "The keynote looked forward to next year's edition in Yokohama. "
        "Next up for the team is KubeCon + CloudNativeCon North America in Atlanta."
    )
    found = _events(extract_text(text, {"date": "2025-06-20"}))
    assert "KubeCon + CloudNativeCon North America 2025" in found
    assert "KubeCon + CloudNativeCon North America 2026" not in found


def test_a_year_alone_dates_its_own_sentence_only():
    text = (
        "The keynote looked back at the first KubeCon in San Francisco in 2015. "
        "Many speakers had first spoken at a community day: KCD Osaka was mentioned on stage."
    )
    found = _events(extract_text(text, {"date": "2025-06-20"}))
    assert "KubeCon + CloudNativeCon North America 2015" in found
    assert "Kubernetes Community Days Osaka 2025" in found


def test_cities_listed_after_the_series_are_the_editions_held_there():
    text = (
        "I joined the project during KubeCon EU 2020. "
        "After that, we spoke at every KubeCon Europe: Valencia, Amsterdam, Paris and London. "
        "Our first maintainer talk was at KubeCon North America in Detroit."
    )
    found = _events(extract_text(text, {"date": "2025-09-02"}))
    assert {
        "KubeCon + CloudNativeCon Europe 2022",
        "KubeCon + CloudNativeCon Europe 2023",
        "KubeCon + CloudNativeCon Europe 2024",
        "KubeCon + CloudNativeCon Europe 2025",
        "KubeCon + CloudNativeCon North America 2022",
    } <= found
    assert "KubeCon + CloudNativeCon North America 2025" not in found
