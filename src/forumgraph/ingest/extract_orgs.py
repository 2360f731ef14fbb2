"""Gazetteer mentions: organisations, projects, series, places and topics, with their facts."""

from __future__ import annotations

import re

from forumgraph.ingest.extract_records import Draft, name_of, normal_key
from forumgraph.ingest.extract_text import GENERIC_ACRONYMS, written_in_lower_case
from forumgraph.ingest.gazetteer import COUNTRY, REGION, Gazetteer, GazetteerEntry
from forumgraph.ingest.gazetteer_places import (
    first_name_after_by,
    is_generated_place,
    reads_as_place,
)
from forumgraph.models import EntityType

# A Latin word, also when a Korean particle follows it (`MathWorks에서`).
_LATIN_WORD = re.compile(r"(?<![A-Za-z0-9_.-])[A-Za-z][A-Za-z0-9]*[A-Za-z0-9](?![A-Za-z0-9_-])")
_INNER_CAPITAL = re.compile(r"^.[a-z0-9]*[A-Z]")


def entry_key(entry: GazetteerEntry) -> str:
    """The document-local key of a gazetteer entry, e.g. "organization:red hat"."""
    return f"{entry.kind}:{normal_key(entry.canonical)}"


def add_entry(draft: Draft, entry: GazetteerEntry, surface: str | None = None) -> str:
    """The record of `entry` with its canonical names and, if given, the surface used."""
    names = [entry.names[0]]
    hangul = entry.hangul_name()
    if hangul:
        names.append(name_of(hangul))
    # Curated aliases and misspellings travel with the record, so every spelling links to it.
    variants = [*entry.variants, *entry.names[1:]] if entry.curated else []
    if surface:
        if any(v.text == surface for v in entry.variants):
            variants.append(name_of(surface))
        else:
            names.append(name_of(surface))
    return draft.entity(entry_key(entry), entry.type, names, variants, entry.reference)


def add_gazetteer_mentions(draft: Draft, gazetteer: Gazetteer) -> None:
    """Mentions of every matchable gazetteer name; regions and countries become cues only."""
    for passage in draft.passages:
        for match in gazetteer.matcher.find(passage.text, passage.start):
            entry = gazetteer.entries[match.value]
            if entry.kind in {REGION, COUNTRY}:
                draft.cues.append((match.start, match.end, entry.reference))
                continue
            if is_generated_place(entry.reference) and not reads_as_place(
                draft.article.text, match.start, match.end
            ):
                continue
            if entry.kind == EntityType.PLACE.value and first_name_after_by(
                draft.article.text, match.start, match.end
            ):
                continue
            surface = draft.article.text[match.start : match.end]
            key = add_entry(draft, entry, surface)
            draft.mention(key, match.start, match.end)
            if entry.project:
                project = gazetteer.lookup(entry.project, EntityType.PROJECT.value)
                if project is not None:
                    draft.mention(add_entry(draft, project), match.start, match.end)
    add_case_variants(draft, gazetteer)
    add_entry_facts(draft, gazetteer)


def add_title_entries(draft: Draft, gazetteer: Gazetteer) -> None:
    """Organisations and projects the gazetteer knows in the title (`Announcing etcd 3.7`),
    which is no passage: records of the document that cite no passage, as the header's
    author line does."""
    title = draft.article.title
    for match in gazetteer.matcher.find(title, 0):
        entry = gazetteer.entries[match.value]
        if entry.kind in _TITLE_KINDS:
            add_entry(draft, entry, title[match.start : match.end])


_TITLE_KINDS = frozenset({EntityType.ORGANIZATION.value, EntityType.PROJECT.value})


def add_case_variants(draft: Draft, gazetteer: Gazetteer) -> None:
    """Organisations and projects written in another case than the gazetteer's (`MathWorks`
    for Mathworks, `HUAWEI`, `linkedin` for LinkedIn, `KubeRay` for Kuberay), when the written
    form cannot be an ordinary word, and Apache projects without `Apache` (`Hadoop`)."""
    for passage in draft.passages:
        for match in _LATIN_WORD.finditer(passage.text):
            word = match.group()
            start, end = passage.start + match.start(), passage.start + match.end()
            entry = _variant_of(word, gazetteer, draft.article.text)
            if entry is None or draft.spans_over(start, end) or _in_a_link(passage.text, match):
                continue
            draft.mention(add_entry(draft, entry, word), start, end)


_LINK_TOKEN = re.compile(r"\S*(?:/|\.(?:com|org|io|dev|net|co|kr|jp|me|ai)\b)\S*")


def _in_a_link(text: str, match: re.Match[str]) -> bool:
    """`github` of `github.com/dohyun-kim`: part of an address, not a name."""
    before = _TOKEN_END.search(text, 0, match.start())
    after = _TOKEN_START.match(text, match.end())
    token = (before.group() if before else "") + match.group() + (after.group() if after else "")
    return _LINK_TOKEN.fullmatch(token) is not None


_TOKEN_END = re.compile(r"\S*$")
_TOKEN_START = re.compile(r"\S*")


def _variant_of(word: str, gazetteer: Gazetteer, text: str) -> GazetteerEntry | None:
    """The entry `word` names in another case, or as the short form of `Apache Word`."""
    if word in GENERIC_ACRONYMS:
        return None
    entry = gazetteer.lookup(word, EntityType.ORGANIZATION.value)
    # A project only by a capital inside the word (`KubeRay`): `KIND` in capitals is a word.
    if entry is None and _INNER_CAPITAL.match(word) and not word.isupper():
        entry = gazetteer.lookup(word, EntityType.PROJECT.value)
    if entry is not None and word not in {n.text for n in entry.names}:
        return entry if _coined_form(word, entry, text) else None
    if entry is not None or gazetteer.lookup(word) is not None:
        return None
    if len(word) < 4 or not word[0].isupper() or written_in_lower_case(word, text):
        return None  # an ordinary word, which writers also put in lower case somewhere
    # Writers drop the foundation from `Apache Hadoop` (and the maker from `Grafana Loki`:
    # add_products_of_named_makers).
    return gazetteer.lookup(f"Apache {word}", EntityType.PROJECT.value)


def add_products_of_named_makers(draft: Draft, gazetteer: Gazetteer) -> None:
    """`로키(Loki)` where the text names Grafana in any script (`그라파나`, found by sound): the
    maker's product by its own name, as `Loki` beside a Latin `Grafana` is."""
    keys = draft.keys()
    named = {n.text.casefold() for key in keys for n in draft.names_of(key)}
    for passage in draft.passages:
        for match in _LATIN_WORD.finditer(passage.text):
            word = match.group()
            start, end = passage.start + match.start(), passage.start + match.end()
            if len(word) < 4 or not word[0].isupper() or draft.spans_over(start, end):
                continue
            if written_in_lower_case(word, draft.article.text) or gazetteer.lookup(word):
                continue
            made = [
                entry
                for maker, entry in gazetteer.products_by_name.get(word, [])
                if maker.casefold() in named
            ]
            if len(made) == 1:
                draft.mention(add_entry(draft, made[0], word), start, end)


def _coined_form(word: str, entry: GazetteerEntry, text: str) -> bool:
    """A capital inside the word (`MathWorks`), an acronym-like all-capitals word (`HUAWEI`),
    or the lower-case form of a name that has a capital inside (`linkedin`); never a word the
    text also writes in lower case (`SWITCH` and `switch`)."""
    if not word.islower() and written_in_lower_case(word, text):
        return False
    if _INNER_CAPITAL.match(word) and not word.isupper():
        return True
    if word.isupper():
        return len(word) >= 3
    return word.islower() and any(
        _INNER_CAPITAL.match(n.text) and not n.text.isupper() for n in entry.names
    )


def add_entry_facts(draft: Draft, gazetteer: Gazetteer) -> None:
    """Maturity and homepage of projects, the country of places (from the gazetteer)."""
    for key in draft.keys():  # noqa: SIM118 (Draft is not a mapping)
        kind = draft.type_of(key)
        if kind not in {EntityType.PROJECT, EntityType.PLACE}:
            continue
        entry = gazetteer.lookup(draft.names_of(key)[0].text, kind.value)
        if entry is None:
            continue
        passage_id = draft.first_passage(key)
        if entry.maturity:
            draft.fact(key, "maturity", entry.maturity, "string", passage_id=passage_id)
        if entry.url:
            draft.fact(key, "url", entry.url, "iri", passage_id=passage_id)
        if entry.country:
            draft.fact(key, "country", entry.country, "string", passage_id=passage_id)
