"""Entity resolution: one node per real entity across documents, languages and spellings.

Records join when they share a curated reference (gazetteer entry, edition, talk at an edition)
or, within one type, a name in either script (so a `댄 컨(Dan Kohn)` pairing in one document
joins `Dan Kohn` and `댄 컨` everywhere). A person whose Latin name differs by one letter from
another with the same initials and a shared affiliation (or, with none known, a much rarer
spelling of a longer name) is the same person, and the rarer spelling is kept as an alternate
name (`Brandom Lum`); two letters apart (`Ricardo Rocah`) needs a context that agrees: a shared
affiliation, or a shared event and no conflicting affiliation. Ids are minted from the canonical
English name (else a romanisation) and are stable: an id already in `known` is kept.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from forumgraph.ingest.extract_text import PhraseMatcher
from forumgraph.models import Entity, EntityRecord, EntityType, Extraction, Name
from forumgraph.text.hangul import has_hangul
from forumgraph.text.keys import name_key
from forumgraph.text.names import romanize, transliteration_similarity
from forumgraph.text.particles import strip_particles

Node = tuple[str, str]  # (doc id, record key)
HANGUL_LATIN_THRESHOLD = 0.9
MISSPELLED_WORD_MIN = 5  # letters of a given name in which one wrong letter is a misspelling


@dataclass(frozen=True)
class Resolution:
    """Resolved ids per document and local key, and the merged entities by id."""

    entity_ids: dict[str, dict[str, str]]
    entities: dict[str, Entity]


# Latin letters that no decomposition turns into ASCII (`Paweł` -> `pawel`, not `pawe`).
_UNDECOMPOSED = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "ı": "i",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "Þ": "TH",
    }
)


def slugify(text: str) -> str:
    """`KubeCon + CloudNativeCon NA 2019` -> `kubecon-cloudnativecon-na-2019` (Hangul romanised)."""
    text = romanize(text) if has_hangul(text) else text
    text = text.translate(_UNDECOMPOSED)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "unnamed"


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Node, Node] = {}

    def find(self, node: Node) -> Node:
        self.parent.setdefault(node, node)
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def union(self, a: Node, b: Node) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def resolve(extractions: Sequence[Extraction], known: Iterable[Entity] = ()) -> Resolution:
    """Merge the records of all documents into entities with stable ids."""
    records: dict[Node, EntityRecord] = {}
    for extraction in sorted(extractions, key=lambda e: e.doc_id):
        for record in extraction.entities:
            records[(extraction.doc_id, record.key)] = record
    uf = _UnionFind()
    owner: dict[str, Node] = {}
    for node, record in sorted(records.items()):
        uf.find(node)
        for token in _join_tokens(record):
            if token in owner:
                uf.union(owner[token], node)
            else:
                owner[token] = node
    _merge_similar_people(records, uf, extractions)
    clusters: dict[Node, list[Node]] = defaultdict(list)
    for node in sorted(records):
        clusters[uf.find(node)].append(node)
    return _mint(records, clusters, extractions, list(known))


def _join_tokens(record: EntityRecord) -> list[str]:
    tokens = [f"ref:{record.reference}"] if record.reference else []
    if record.type != EntityType.TALK:
        for name in (*record.names, *record.variants):
            key = name_key(name.text)
            if key:
                tokens.append(f"name:{record.type.value}:{key}")
    return tokens


def _affiliations(extractions: Sequence[Extraction], uf: _UnionFind) -> dict[Node, set[Node]]:
    out: dict[Node, set[Node]] = defaultdict(set)
    for extraction in extractions:
        for fact in extraction.facts:
            if fact.predicate == "affiliation" and fact.kind == "entity":
                person = uf.find((extraction.doc_id, fact.subject))
                out[person].add(uf.find((extraction.doc_id, fact.value)))
    return out


def _merge_similar_people(
    records: dict[Node, EntityRecord], uf: _UnionFind, extractions: Sequence[Extraction]
) -> None:
    """One-letter misspellings of a Latin name with the same surname, and Hangul-only names that
    sound like exactly one Latin name, join that person."""
    orgs = _affiliations(extractions, uf)
    events = _events_around(records, extractions, uf)
    latin: dict[Node, set[str]] = defaultdict(set)
    hangul_only: dict[Node, set[str]] = defaultdict(set)
    uses: Counter[str] = Counter()  # how many records spell a name this way
    for node, record in records.items():
        if record.type != EntityType.PERSON:
            continue
        root = uf.find(node)
        for name in (*record.names, *record.variants):
            (hangul_only if name.lang == "ko" else latin)[root].add(name.text)
            uses[name.text] += 1
    by_initials: dict[str, list[tuple[Node, str]]] = defaultdict(list)
    for root, names in latin.items():
        for text in names:
            by_initials[_initials(text)].append((root, text))
    for group in by_initials.values():
        for i, (a, name_a) in enumerate(group):
            for b, name_b in group[i + 1 :]:
                ra, rb = uf.find(a), uf.find(b)
                if ra == rb:
                    continue
                shared_org = bool(orgs.get(ra, set()) & orgs.get(rb, set()))
                if orgs.get(ra) and orgs.get(rb) and not shared_org:
                    continue  # known to work at different places
                shared_event = bool(events.get(ra, set()) & events.get(rb, set()))
                if _misspelled(name_a, name_b, uses, shared_org, shared_event):
                    uf.union(ra, rb)
    for root in [r for r in hangul_only if r not in latin]:
        scores = [
            (transliteration_similarity(h, text), other)
            for h in hangul_only[root]
            for other, names in latin.items()
            for text in names
            if len(h.split()) == len(text.split())
        ]
        good = {uf.find(o) for s, o in scores if s >= HANGUL_LATIN_THRESHOLD}
        if len(good) == 1:
            uf.union(root, good.pop())


def _misspelled(a: str, b: str, uses: Counter[str], shared_org: bool, shared_event: bool) -> bool:
    """One letter apart and a likely misspelling, or two letters apart in a context that
    agrees (a shared affiliation or a shared event)."""
    if _one_letter_apart(a, b):
        return _likely_misspelling(a, b, uses, shared_org=shared_org)
    return _two_letters_apart(a, b) and (shared_org or shared_event)


def _likely_misspelling(a: str, b: str, uses: Counter[str], shared_org: bool) -> bool:
    """The word that differs is long enough (`Brandom`/`Brandon`, not `Lei`/`Wei`) and, without
    a shared affiliation, one spelling is the rarer by far (not `Weiqiang`/`Weiqing` written
    once each)."""
    differing = [x for x, y in zip(a.split(), b.split(), strict=False) if x != y]
    if not differing or min(len(w) for w in differing) < MISSPELLED_WORD_MIN:
        return False
    rare, common = sorted((uses[a], uses[b]))
    return shared_org or common >= 2 * rare


def _events_around(
    records: dict[Node, EntityRecord], extractions: Sequence[Extraction], uf: _UnionFind
) -> dict[Node, set[Node]]:
    """The event editions named in the documents of each person (by resolved node)."""
    per_doc: dict[str, set[Node]] = defaultdict(set)
    for (doc_id, _key), record in records.items():
        if record.type == EntityType.EVENT:
            per_doc[doc_id].add(uf.find((doc_id, _key)))
    out: dict[Node, set[Node]] = defaultdict(set)
    for (doc_id, key), record in records.items():
        if record.type == EntityType.PERSON:
            out[uf.find((doc_id, key))] |= per_doc.get(doc_id, set())
    return out


def _initials(name: str) -> str:
    return "".join(w[0].casefold() for w in name.split())


def _two_letters_apart(a: str, b: str) -> bool:
    """At most two letters added, dropped or changed, in names of ten letters or more whose
    words start alike."""
    if min(len(a), len(b)) < 10 or _initials(a) != _initials(b) or abs(len(a) - len(b)) > 2:
        return False
    return _edit_distance(a.casefold(), b.casefold(), limit=2) <= 2


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, stopping early once every path exceeds `limit`."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _one_letter_apart(a: str, b: str) -> bool:
    if a == b or len(a) < 8 or abs(len(a) - len(b)) > 1 or a.split()[-1] != b.split()[-1]:
        return False
    # Levenshtein distance of at most 1, without a full table.
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _mint(
    records: dict[Node, EntityRecord],
    clusters: dict[Node, list[Node]],
    extractions: Sequence[Extraction],
    known: list[Entity],
) -> Resolution:
    known_ids = {e.id: e for e in known}
    # Talk names repeat across events ("Keynote: Opening Remarks"): talks keep ids by minting.
    known_by_name: dict[tuple[EntityType, str], str] = {
        (e.type, name_key(n.text)): e.id
        for e in known
        if e.type != EntityType.TALK
        for n in (*e.names, *e.alternate_names)
    }
    event_of_talk = _talk_events(extractions)
    merged: dict[Node, tuple[EntityType, list[Name], list[Name]]] = {}
    for root, nodes in clusters.items():
        merged[root] = _names(records[root].type, [records[n] for n in nodes])
    ids: dict[Node, str] = {}
    taken: set[str] = set()
    # Events first, so that talk ids can use their event's slug.
    order = sorted(
        clusters, key=lambda r: (records[r].type != EntityType.EVENT, _sort_name(merged[r]), r)
    )
    for root in order:
        type_, names, alternates = merged[root]
        reused = next(
            (
                known_by_name[(type_, name_key(n.text))]
                for n in (*names, *alternates)
                if (type_, name_key(n.text)) in known_by_name
            ),
            None,
        )
        if reused is None or reused in taken:
            base = f"{type_.value}/{slugify(names[0].text)}"
            if type_ == EntityType.TALK:
                event = next(
                    (ids.get(e) for n in clusters[root] for e in event_of_talk.get(n, [])), None
                )
                event_slug = event.split("/", 1)[1] if event else "unknown-event"
                base = f"talk/{event_slug}/{slugify(names[0].text)}"
            reused = _unique(base, taken, known_ids)
        taken.add(reused)
        for node in clusters[root]:
            ids[node] = reused
    entity_ids: dict[str, dict[str, str]] = defaultdict(dict)
    entities: dict[str, Entity] = {}
    for root, nodes in clusters.items():
        type_, names, alternates = merged[root]
        entity_id = ids[root]
        if entity_id in known_ids:
            names, alternates = _with_known(known_ids[entity_id], names, alternates)
        entities[entity_id] = Entity(entity_id, type_, tuple(names), tuple(alternates))
        for doc_id, key in nodes:
            entity_ids[doc_id][key] = entity_id
    return Resolution(dict(entity_ids), entities)


def _talk_events(extractions: Sequence[Extraction]) -> dict[Node, list[Node]]:
    out: dict[Node, list[Node]] = defaultdict(list)
    for extraction in extractions:
        for fact in extraction.facts:
            if fact.predicate == "superEvent" and fact.subject.startswith("talk"):
                out[(extraction.doc_id, fact.subject)].append((extraction.doc_id, fact.value))
    return out


def _names(
    type_: EntityType, records: list[EntityRecord]
) -> tuple[EntityType, list[Name], list[Name]]:
    """One preferred name per language (curated first, then the most used), and the rest."""
    counts: Counter[Name] = Counter()
    curated: list[Name] = []
    variants: set[Name] = set()
    for record in records:
        counts.update(record.names)
        variants.update(record.variants)
        if record.reference and record.names:
            curated.append(record.names[0])
    preferred: list[Name] = []
    for lang in ("en", "ko"):
        candidates = [n for n in counts if n.lang == lang and n not in variants]
        if not candidates:
            continue
        pick = next((n for n in curated if n.lang == lang and n in candidates), None)
        preferred.append(pick or min(candidates, key=lambda n: (-counts[n], n.text)))
    if not preferred:
        preferred = [min(counts or variants, key=lambda n: n.text)]
    alternates = sorted(({*counts, *variants} - set(preferred)), key=lambda n: (n.lang, n.text))
    return type_, preferred, alternates


def _sort_name(merged: tuple[EntityType, list[Name], list[Name]]) -> str:
    return merged[1][0].text if merged[1] else ""


def _unique(base: str, taken: set[str], known: dict[str, Entity]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _with_known(
    entity: Entity, names: list[Name], alternates: list[Name]
) -> tuple[list[Name], list[Name]]:
    """Keep the stored preferred names; everything else becomes an alternate name."""
    preferred = list(entity.names) or names
    rest = {*names, *alternates, *entity.alternate_names} - set(preferred)
    return preferred, sorted(rest, key=lambda n: (n.lang, n.text))


class EntityIndex:
    """Names and aliases of entities in either script -> entity ids, for linking query text."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self._by_key: dict[str, set[str]] = defaultdict(set)
        self._matcher = PhraseMatcher()
        pairs = []
        for entity in entities:
            for name in (*entity.names, *entity.alternate_names):
                key = name_key(name.text)
                if len(key) < 2:
                    continue
                self._by_key[key].add(entity.id)
                pairs.append((_fold(name.text), key))
        self._matcher.add_all(sorted(set(pairs)))

    def lookup(self, name: str) -> list[str]:
        """Entity ids named `name` (case, spacing and a trailing Korean particle ignored)."""
        key = name_key(name)
        if key not in self._by_key:
            words = name.split()
            if words:
                key = name_key(" ".join([*words[:-1], strip_particles(words[-1])]))
        return sorted(self._by_key.get(key, ()))

    def find_in_text(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, entity id) of every known name in `text`, longest first, no overlaps."""
        out = []
        for match in self._matcher.find(_fold(text)):
            for entity_id in sorted(self._by_key[match.value]):
                out.append((match.start, match.end, entity_id))
        return out


def _fold(text: str) -> str:
    """Lower case that keeps offsets (characters whose lower case is longer stay as they are)."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
