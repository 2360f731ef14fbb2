"""The world's larger cities (data/gazetteer/cities.tsv) as places and as venues, on sentences
written for these tests: cities no curated list names, Korean spellings, words and people that
share a city's name, and editions of region-named series in cities of unlisted countries."""

from __future__ import annotations

from pathlib import Path

import pytest
from extraction_support import context, extract_text, names_of

from forumgraph.errors import InputError
from forumgraph.ingest.gazetteer_places import city_rows, reads_as_place
from forumgraph.models import EntityType, Extraction


def _events(text: str, date: str = "2023-05-02", title: str = "") -> set[str]:
    extraction = extract_text(text, {"date": date, "title": title})
    return names_of(extraction, EntityType.EVENT)


def _places(extraction: Extraction) -> set[str]:
    return names_of(extraction, EntityType.PLACE)


def test_cities_beyond_the_curated_list_are_places_in_either_script():
    places = _places(extract_text("The meetup moved from Ljubljana to Gdańsk, then Porto Alegre."))
    assert {"Ljubljana", "Gdańsk", "Porto Alegre"} <= places
    assert "Ljubljana" in _places(extract_text("이번 모임은 류블랴나에서 열렸다."))


def test_a_city_written_without_accents_is_the_same_place():
    extraction = extract_text("Our office in Krakow hosts the next meetup.")
    assert "Kraków" in _places(extraction)


def test_a_curated_place_keeps_its_own_entry():
    gazetteer = context().gazetteer
    seoul = gazetteer.lookup("서울", "place")
    assert seoul is not None and seoul.curated


def test_a_city_name_used_as_a_word_or_inside_a_name_is_not_a_place():
    text = "Charlotte Smith said it was a nice demo, and Nice was sunny."
    assert not reads_as_place(text, 0, len("Charlotte"))
    nice = text.index("Nice")
    assert not reads_as_place(text, nice, nice + 4)  # also written `nice`
    assert "Charlotte" not in _places(extract_text(text))


def test_a_two_syllable_korean_city_name_that_a_particle_makes_a_word_is_left_out():
    assert not _places(extract_text("고양이가 키보드 위에서 잠들었다."))
    assert "Paris" in _places(extract_text("다음 행사는 파리에서 열린다."))


def test_a_city_of_an_unlisted_country_names_a_region_named_edition_by_its_continent():
    found = _events("KubeCon + CloudNativeCon 2025 will be held in Ljubljana.")
    assert "KubeCon + CloudNativeCon Europe 2025" in found


def test_hong_kong_editions_of_a_region_named_series_are_china_editions():
    found = _events(
        "KubeCon + CloudNativeCon China 2024 took place in Hong Kong in August.", "2024-09-01"
    )
    assert "KubeCon + CloudNativeCon China 2024" in found
    assert not any("Hong Kong" in name for name in found)


def test_a_city_someone_comes_from_is_no_venue():
    found = _events("At KubeCon + CloudNativeCon Europe 2023 I met engineers from Ljubljana.")
    assert found == {"KubeCon + CloudNativeCon Europe 2023", "큐브콘 유럽 2023"}


def test_the_title_event_referred_to_in_a_clause_before_another_series():
    found = _events(
        "Next year the conference moves to Paris, and KubeCon North America 2023 will be held "
        "in Chicago.",
        title="What we learned at KubeCon Amsterdam",
    )
    assert "KubeCon + CloudNativeCon Europe 2024" in found
    assert "KubeCon + CloudNativeCon North America 2023" in found


def test_a_bad_city_table_names_the_file_and_line(tmp_path: Path):
    table = tmp_path / "cities.tsv"
    table.write_text(
        "geonameid\tname\tascii\tcountry\tcontinent\tpopulation\tko\n1\t\t\tFR\tEurope\t1\t\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"cities.tsv, line 2"):
        city_rows(table, set())
    assert city_rows(tmp_path / "absent.tsv", set()) == []
