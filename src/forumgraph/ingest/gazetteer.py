"""The gazetteer: CNCF landscape items plus a curated bilingual alias table and well-known
companies, platforms, software and conferences beyond the landscape (well_known.yaml), parsed once.

Entries are projects (with CNCF maturity), organisations (landscape members and service providers
without their ` (member)` suffix, plus curated ones), other landscape products, event series,
places, regions, countries and topics. Free-text matching skips names that are ordinary words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from forumgraph.config import BUNDLED_DATA
from forumgraph.errors import InputError
from forumgraph.ingest.extract_text import PhraseMatcher
from forumgraph.ingest.gazetteer_places import (
    CITIES_FILE,
    COUNTRIES_FILE,
    city_rows,
    country_rows,
    is_generated_place,
)
from forumgraph.ingest.given_names import GIVEN_NAMES_FILE, load_given_names
from forumgraph.ingest.known_editions import KnownEditions, known_editions
from forumgraph.models import EntityType, Name
from forumgraph.text.hangul import has_hangul

if TYPE_CHECKING:
    from forumgraph.ingest.gazetteer_loanwords import LoanwordIndex
    from forumgraph.ingest.gazetteer_sounds import SoundIndex

DEFAULT_LANDSCAPE = BUNDLED_DATA / "gazetteer" / "landscape.yml"
_ORG_SUFFIX = re.compile(r"\s*\((member|supporter|KCSP|KCNTP|contributor)\)$")
_OTHER_SUFFIX = re.compile(r"\s*\((KCSP|KCNTP|VSR|cSRX|CBS|Wasm)\)$")
_ACRONYM_AFTER = re.compile(r"(?P<long>[^()]+?)\s\((?P<short>[A-Za-z0-9-]{2,8})\)")
_ORG_CATEGORIES = {"CNCF Members"}
_ORG_SUBCATEGORIES = {
    "Kubernetes Certified Service Provider",
    "Kubernetes and Cloud Native Training Partner",
}
# Kinds of entry beyond the entity types: helpers that are matched but never become nodes.
REGION = "region"
COUNTRY = "country"
# The kinds of entry that name where something is, not who.
PLACE_KINDS = frozenset({EntityType.PLACE.value, COUNTRY, REGION})


@dataclass(frozen=True)
class GazetteerEntry:
    """One curated thing with its names in both scripts."""

    canonical: str  # the English name
    kind: str  # an EntityType value, or "region" / "country"
    reference: str  # "landscape:Helm", "alias:Seoul"
    names: tuple[Name, ...]  # canonical first, then Hangul names, then aliases
    variants: tuple[Name, ...] = ()
    maturity: str | None = None
    url: str | None = None
    country: str | None = None  # ISO code: of a place, or the code of a country entry
    region: str | None = None  # of a country (or a city of no listed country): its region
    by_region: bool = False  # of a series: editions are named by region, not by city
    held_with_others: bool = False  # of a series: held beside a larger event (co-located)
    project: str | None = None  # of a topic: the project it is about
    curated: bool = False  # from the alias table (always matched, and preferred on a tie)

    @property
    def type(self) -> EntityType:
        return EntityType(self.kind)

    def hangul_name(self) -> str | None:
        return next((n.text for n in self.names if n.lang == "ko"), None)


@dataclass
class Gazetteer:
    """All entries, a name index and a phrase matcher over every matchable name."""

    entries: dict[str, GazetteerEntry]  # reference -> entry
    roles: dict[str, str] = field(default_factory=dict)  # Korean job title -> English
    stoplist: frozenset[str] = frozenset()
    editions: KnownEditions = field(default_factory=lambda: KnownEditions({}))
    given_names: frozenset[str] = frozenset()  # Latin-script given names (`Emeka`, `Tjaša`)
    trade_words: frozenset[str] = frozenset()  # lower-case words of the landscape's descriptions
    # companies whose names are ordinary words (`라인`), taken as names only where an employer
    # stands (`라인 출신`, `라인에서 일하는`), never matched alone
    employers_in_context: frozenset[str] = frozenset()
    _by_name: dict[str, list[str]] = field(default_factory=dict)
    matcher: PhraseMatcher = field(default_factory=PhraseMatcher)

    def __post_init__(self) -> None:
        pairs: list[tuple[str, str]] = []
        for ref, entry in sorted(self.entries.items(), key=lambda kv: _priority(kv[1])):
            for name in (*entry.names, *entry.variants):
                self._by_name.setdefault(name.text.casefold(), []).append(ref)
                if entry.curated or _matchable(name.text, self.stoplist):
                    pairs.append((name.text, ref))
                    if entry.kind == EntityType.SERIES.value and _PLURALISABLE.search(name.text):
                        pairs.append((name.text + "s", ref))  # `the Kubernetes Forums`
                    if name.text.isalpha() and name.text.islower():
                        pairs.append((name.text.capitalize(), ref))  # `kaniko` as `Kaniko`
        self.matcher.add_all(pairs)

    def lookup(self, name: str, kind: str | None = None) -> GazetteerEntry | None:
        """The entry named `name` (any script, case-insensitive), preferring curated entries."""
        refs = self._by_name.get(name.strip().casefold(), [])
        found = [self.entries[r] for r in refs if kind is None or self.entries[r].kind == kind]
        return min(found, key=_priority) if found else None

    @cached_property
    def sounds(self) -> SoundIndex:
        """English names of organisations and projects by sound, for Hangul spellings."""
        from forumgraph.ingest.gazetteer_sounds import SoundIndex

        return SoundIndex(self.entries.values(), self.stoplist)

    @cached_property
    def loanwords(self) -> LoanwordIndex:
        """Names by the English words a Hangul spelling is built of (`데이터독`, Datadog)."""
        from forumgraph.ingest.gazetteer_loanwords import LoanwordIndex

        return LoanwordIndex(self.entries.values(), self.sounds)

    @cached_property
    def products_by_name(self) -> dict[str, list[tuple[str, GazetteerEntry]]]:
        """Projects named `<maker> <Name>` or `<maker>/<Name>` (`Grafana Loki`,
        `OPA/Gatekeeper`) by their one-word name, with the maker's name, where the maker is
        itself a known organisation or project and the name no ordinary word of the trade."""
        out: dict[str, list[tuple[str, GazetteerEntry]]] = {}
        for entry in self.entries.values():
            if entry.kind != EntityType.PROJECT.value:
                continue
            parts = re.split(r"[ /]", entry.canonical)
            if len(parts) != 2 or not parts[1][:1].isupper() or len(parts[1]) < 4:
                continue
            if parts[1].lower() in self.trade_words or self.lookup(parts[1]) is not None:
                continue  # `Azure Functions`, `Foo Kubernetes`: not a name of its own
            maker = self.lookup(parts[0])
            if maker is not None and maker.kind in (
                EntityType.ORGANIZATION.value,
                EntityType.PROJECT.value,
            ):
                out.setdefault(parts[1], []).append((parts[0], entry))
        return out

    @cached_property
    def hangul_name_parts(self) -> frozenset[str]:
        """Hangul words that occur only inside longer names (`커뮤니티` of `쿠버네티스 커뮤니티
        데이`): the analyser knows them as proper nouns, but alone they are common words."""
        whole: set[str] = set()
        parts: set[str] = set()
        for entry in self.entries.values():
            if is_generated_place(entry.reference):
                continue
            for name in (*entry.names, *entry.variants):
                words = name.text.split()
                if len(words) == 1:
                    whole.add(name.text)
                else:
                    parts.update(w for w in self._own_words(entry, words) if has_hangul(w))
        return frozenset(parts - whole)

    def _own_words(self, entry: GazetteerEntry, words: list[str]) -> list[str]:
        """The words of a longer name but its maker's where a known maker opens it (`도커` of
        `도커 엔진`, Docker Engine): that word names the maker, spelt by sound elsewhere."""
        maker = entry.canonical.split()[0]
        if " " in entry.canonical and self.lookup(maker) is not None:
            return words[1:]
        return words

    def hangul_words(self) -> list[str]:
        """Every space-free Hangul name, for the analyser's user dictionary."""
        out = set()
        for entry in self.entries.values():
            if is_generated_place(entry.reference):
                continue  # the analyser reads unknown place names as proper nouns anyway
            for name in (*entry.names, *entry.variants):
                words = name.text.split()
                for part in self._own_words(entry, words) if len(words) > 1 else words:
                    if has_hangul(part) and len(part) > 1:
                        out.add(part)
        return sorted(out)


def _priority(entry: GazetteerEntry) -> tuple[bool, bool, bool, bool]:
    """Curated first, then CNCF projects (a member company may share a project's name), then
    organisations, then other products, then the cities of the table (`Lima` the project)."""
    cncf = entry.kind == EntityType.PROJECT and entry.maturity is not None
    generated = is_generated_place(entry.reference)
    return (generated, not entry.curated, not cncf, entry.kind != EntityType.ORGANIZATION)


# A series name whose last word takes a plural `s` (`Forum`, `KubeCon`; not `Days`, `FOSDEM`).
_PLURALISABLE = re.compile(r"(?<![A-Z])[A-Z][a-z]*[a-rt-z]$")


def _matchable(name: str, stoplist: frozenset[str]) -> bool:
    if name in stoplist or len(name) < (2 if has_hangul(name) else 3):
        return False
    # A lowercase one-word product name (`kind`, `cargo`) is too often an ordinary word.
    return not (name.isalpha() and name.islower() and len(name) < 5)


@lru_cache(maxsize=4)
def load_gazetteer(landscape_path: Path = DEFAULT_LANDSCAPE) -> Gazetteer:
    """Parse the landscape and the curated aliases once per process (cached by path)."""
    entries, trade_words = _landscape_entries(landscape_path)
    curated = yaml.load(_package_text("aliases.yaml"), Loader=_loader())  # noqa: S506 (a safe loader)
    roles = {str(k): str(v) for k, v in (curated.get("roles") or {}).items()}
    well_known = yaml.load(_package_text("well_known.yaml"), Loader=_loader())  # noqa: S506
    for known_section, known_kind in (
        ("organizations", EntityType.ORGANIZATION),
        ("projects", EntityType.PROJECT),
        ("series", EntityType.SERIES),
    ):
        for item in well_known.get(known_section) or []:
            _merge_curated(entries, item, known_kind.value)
    for section, kind in (
        ("organizations", EntityType.ORGANIZATION.value),
        ("projects", EntityType.PROJECT.value),
        ("series", EntityType.SERIES.value),
        ("places", EntityType.PLACE.value),
        ("topics", EntityType.TOPIC.value),
        ("regions", REGION),
        ("countries", COUNTRY),
    ):
        for item in curated.get(section) or []:
            _merge_curated(entries, item, kind)
    _add_countries(entries, landscape_path.parent / COUNTRIES_FILE)
    _add_cities(entries, landscape_path.parent / CITIES_FILE)
    stop = frozenset(
        line.strip()
        for line in _package_text("gazetteer_stoplist.txt").splitlines()
        if line.strip() and not line.startswith("#")
    )
    editions = known_editions(yaml.safe_load(_package_text("known_editions.yaml")))
    given_names = load_given_names(landscape_path.parent / GIVEN_NAMES_FILE)
    in_context = frozenset(str(n) for n in well_known.get("employers_in_context") or [])
    return Gazetteer(
        entries=entries,
        roles=roles,
        stoplist=stop,
        editions=editions,
        given_names=given_names,
        trade_words=trade_words,
        employers_in_context=in_context,
    )


def _add_countries(entries: dict[str, GazetteerEntry], path: Path) -> None:
    """The table's countries the curated list lacks, their region the continent (as their
    cities')."""
    curated = {e.country for e in entries.values() if e.kind == COUNTRY and e.country}
    for names, code, continent in country_rows(path, curated):
        reference = f"country:{code}"
        entries[reference] = GazetteerEntry(
            canonical=names[0].text,
            kind=COUNTRY,
            reference=reference,
            names=names,
            country=code,
            region=continent or None,
        )


def _add_cities(entries: dict[str, GazetteerEntry], path: Path) -> None:
    """The table's cities; one in a country the curated list lacks is named after its
    continent where editions are named by region (Ljubljana -> Europe)."""
    places = [e for e in entries.values() if e.kind == EntityType.PLACE.value]
    taken = {n.text.casefold() for e in places for n in (*e.names, *e.variants)}
    curated_countries = {e.country for e in entries.values() if e.kind == COUNTRY and e.curated}
    for reference, names, country, continent in city_rows(path, taken):
        entries[reference] = GazetteerEntry(
            canonical=names[0].text,
            kind=EntityType.PLACE.value,
            reference=reference,
            names=names,
            country=country,
            region=None if country in curated_countries else continent or None,
        )


def _package_text(name: str) -> str:
    return resources.files("forumgraph.ingest").joinpath(name).read_text(encoding="utf-8")


def _loader() -> Any:
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _landscape_entries(path: Path) -> tuple[dict[str, GazetteerEntry], frozenset[str]]:
    """The landscape's entries, and the lower-case words of its descriptions (ordinary words
    of the trade: `pipelines`, `gateway`)."""
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=_loader())  # noqa: S506 (a safe loader)
    except OSError as exc:
        raise InputError(
            f"Cannot read the landscape gazetteer {path}: {exc.strerror}.",
            hint="Point the gazetteer at data/gazetteer/landscape.yml of the checkout.",
        ) from exc
    except yaml.YAMLError as exc:
        raise InputError(f"The landscape gazetteer {path} is not valid YAML: {exc}.") from exc
    entries: dict[str, GazetteerEntry] = {}
    words: set[str] = set()
    for category in (data or {}).get("landscape") or []:
        for sub in category.get("subcategories") or []:
            for item in sub.get("items") or []:
                entry = _landscape_entry(category.get("name"), sub.get("name"), item)
                if entry is not None and entry.reference not in entries:
                    entries[entry.reference] = entry
                words.update(_LOWER_WORD.findall(str(item.get("description") or "")))
    return entries, frozenset(words)


_LOWER_WORD = re.compile(r"(?<![\w-])[a-z]{3,}(?![\w-])")


def _landscape_entry(
    category: str, subcategory: str, item: dict[str, Any]
) -> GazetteerEntry | None:
    raw = str(item.get("name") or "").strip()
    if not raw:
        return None
    is_org = category in _ORG_CATEGORIES or subcategory in _ORG_SUBCATEGORIES
    name = _ORG_SUFFIX.sub("", raw) if is_org else _OTHER_SUFFIX.sub("", raw)
    maturity = item.get("project")
    kind = EntityType.ORGANIZATION if is_org and not maturity else EntityType.PROJECT
    prefix = "landscape-org:" if kind == EntityType.ORGANIZATION else "landscape:"
    names = [Name(name, "en")]
    spelled = _ACRONYM_AFTER.fullmatch(name)
    # The acronym spells the words' initials, the vendor's name before them aside
    # (`Amazon Elastic Container Registry (ECR)`).
    if spelled and _initials(spelled["long"]).endswith(spelled["short"].upper()):
        # `Open Policy Agent (OPA)` is written either way in text, never with both.
        names = [Name(spelled["long"], "en")]
        if maturity:  # a short acronym names a CNCF project; a vendor's may be another's
            names.append(Name(spelled["short"], "en"))
    bare = _PROJECT_PREFIX.fullmatch(name)
    if bare is not None and kind == EntityType.PROJECT:
        names.append(Name(bare["name"], "en"))  # `Project Calico` is written `Calico`
    return GazetteerEntry(
        canonical=names[0].text,
        kind=kind.value,
        reference=prefix + name,
        names=tuple(names),
        maturity=str(maturity) if maturity else None,
        url=item.get("homepage_url") or None,
    )


# `Project Calico`: a project's name after the word, when it is a name of its own (5 letters or
# more: `Project Syn` keeps its word).
_PROJECT_PREFIX = re.compile(r"Project (?P<name>[A-Z][A-Za-z]{4,})")


def _initials(name: str) -> str:
    """`OPA` of `Open Policy Agent`: the first letters of its words, small words left out."""
    return "".join(
        w[0] for w in name.split() if w.lower() not in {"for", "of", "the", "and"}
    ).upper()


def _merge_curated(entries: dict[str, GazetteerEntry], item: dict[str, Any], kind: str) -> None:
    name = str(item["name"])
    prefix = {EntityType.ORGANIZATION.value: "landscape-org:", "project": "landscape:"}.get(kind)
    base = entries.pop(prefix + name, None) if prefix else None
    names = [Name(name, "en")]
    names += [Name(str(n), "ko") for n in item.get("ko") or []]
    names += [Name(str(n), "ko" if has_hangul(str(n)) else "en") for n in item.get("aliases") or []]
    variants = tuple(
        Name(str(n), "ko" if has_hangul(str(n)) else "en") for n in item.get("variants") or []
    )
    reference = base.reference if base else f"alias:{kind}:{name}"
    entries[reference] = GazetteerEntry(
        canonical=name,
        kind=kind,
        reference=reference,
        names=tuple(dict.fromkeys(names)),
        variants=variants,
        maturity=base.maturity if base else None,
        url=base.url if base else None,
        country=str(item.get("country") or item.get("code") or "") or None,
        region=item.get("region"),
        by_region=bool(item.get("by_region")),
        held_with_others=bool(item.get("held_with_others")),
        project=item.get("project"),
        curated=True,
    )
