"""SearchService: the one search entry point shared by the CLI, the web page and the JSON API.

A query runs the registered signals (search/signals/registry.py) over one snapshot and fuses
their rankings: dense retrieval under each vector set's encoder (meaning across languages), BM25
(Kiwi morphemes and stemmed words: exact names, numbers, rare terms) and the graph (passages that
mention the entities the query names, in any script). The entities linked in the query also
expand the BM25 query with their names in the other script, which is what carries a Hangul name
to a Latin-only text.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from forumgraph.config import Settings
from forumgraph.errors import IndexMismatch, InputError
from forumgraph.index.encoders import EMBEDDING, Encoder
from forumgraph.index.manifest import REBUILD_HINT
from forumgraph.models import Hit, StoredPassage, TalkRecord
from forumgraph.search.editions import with_edition_aliases
from forumgraph.search.filters import TALK, PassageFilters, SearchFilters
from forumgraph.search.hybrid import WEIGHTED, FusionConfig, fuse
from forumgraph.search.intent import asks_for_talks
from forumgraph.search.linking import LinkedEntity, QueryLinker, name_like_with
from forumgraph.search.query import check_k, check_year, clean_query
from forumgraph.search.result import SearchResult
from forumgraph.search.signals.base import Query, Signal, SignalEnv, SnapshotView
from forumgraph.search.signals.registry import SIGNALS
from forumgraph.search.talks import TalkListing
from forumgraph.text.analyze import Analyzer
from forumgraph.text.names import phonetic_key, transliteration_similarity


@dataclass(frozen=True)
class SearchOptions:
    """Retrieval knobs; the defaults are the values measured best by scripts/eval_search.py."""

    signals: tuple[str, ...] | None = None  # None: every registered signal
    # Weighted fusion; a signal's weight comes from the registry unless given here.
    fusion: FusionConfig = field(default_factory=lambda: FusionConfig(WEIGHTED))
    candidates: int = 100  # passages each retriever contributes before fusion
    expansion_weight: float = 1.0  # BM25 weight of a linked entity's other names
    link_entities: bool = True  # link query entities (graph signal and expansion)
    # Rank dense hits within each passage language and compare z-scores across languages:
    # multilingual encoders score same-language pairs higher, which buries cross-lingual hits.
    balance_languages: bool = True
    # Balance talks and article passages the same way (z-scores within each result type).
    balance_result_types: bool = True
    # Fused score added to talks when the query asks for talks (search/intent.py).
    talk_intent_bonus: float = 0.5
    language_sample: int = 100  # hits per language whose score statistics normalise them
    graph_max_passages: int = 2_000  # entities mentioned more often carry no graph signal


class SearchService:
    """Hybrid search over one snapshot; thread-safe, built once per store generation."""

    def __init__(
        self,
        snapshot: SnapshotView,
        encoders: Mapping[str, Encoder],
        analyzer: Analyzer,
        settings: Settings,
        options: SearchOptions | None = None,
    ) -> None:
        """`encoders` are the query encoders of the vector sets, by set name (`embedding`
        always); a dense signal runs for each set that has one."""
        self.snapshot = snapshot
        self.encoders = encoders
        self.analyzer = analyzer
        self.settings = settings
        self.options = options or SearchOptions()
        names = self.options.signals if self.options.signals is not None else tuple(SIGNALS)
        unknown = set(names) - set(SIGNALS)
        if unknown:
            raise InputError(f"Unknown search signals: {', '.join(sorted(unknown))}.")
        _check_model(snapshot, encoders[EMBEDDING])
        self._filters = PassageFilters(
            snapshot.documents, snapshot.passages, snapshot.entities, snapshot.talks
        )
        mentions: dict[str, list[str]] = {}
        for pid, stored in snapshot.passages.items():
            for entity_id in _linked_entities(stored, snapshot.talks.get(pid)):
                mentions.setdefault(entity_id, []).append(pid)
        # entity id -> the talks it is linked to (speaker, organisation, topic, edition, place)
        self._talks_of = {
            entity_id: frozenset(p for p in pids if p in snapshot.talks)
            for entity_id, pids in mentions.items()
        }
        env = SignalEnv(
            snapshot, encoders, analyzer, settings, self.options, self._filters, mentions
        )
        # Registry order: it is also the order in which fusion breaks ties.
        built = ((name, SIGNALS[name].build(env)) for name in SIGNALS if name in names)
        self._signals: dict[str, Signal] = {name: s for name, s in built if s is not None}
        fusion = self.options.fusion
        weights = {name: SIGNALS[name].weight for name in self._signals} | dict(fusion.weights)
        self._fusion = FusionConfig(fusion.method, weights, fusion.rrf_k)
        self._names = snapshot.entities
        self._linker = QueryLinker(
            with_edition_aliases(snapshot.entities, snapshot.talks.values()),
            transliteration_similarity,
            name_like_with(analyzer),
            phonetic_key,
        )
        # Query tokens must split like passage tokens did: names stay whole in the analyser.
        analyzer.add_words(
            name.text
            for entity in snapshot.entities.values()
            for name in (*entity.names, *entity.alternate_names)
            if name.lang == "ko"
        )

    @property
    def signals(self) -> tuple[str, ...]:
        """The signals this service runs, in fusion order."""
        return tuple(self._signals)

    def search(
        self,
        query: str,
        k: int = 10,
        *,
        filters: SearchFilters | None = None,
        lang: str | None = None,
        event: str | None = None,
        year: int | None = None,
        entity_type: str | None = None,
    ) -> SearchResult:
        """The `k` best talks and passages for `query` (Korean, English or mixed), best first.

        `filters` narrows the search; `lang`, `event`, `year` and `entity_type` are shorthands
        that override its fields.
        """
        start = time.perf_counter()
        text = self._clean_query(query)
        check_k(k)
        chosen = _with_shorthands(filters or SearchFilters(), lang, event, year, entity_type)
        check_year(chosen.year)
        allowed = self._filters.allowed(chosen)
        if not any(ch.isalnum() for ch in text) or (allowed is not None and not allowed[0]):
            # Nothing to match (only symbols or emoji), or filters that exclude everything.
            return SearchResult(
                query, (), _ms(start), documents=self.snapshot.documents, names=self._names
            )
        links = self._link(text) if self.options.link_entities else []
        request = Query(text, links, max(self.options.candidates, k), allowed, chosen, self.signals)
        rankings = {name: signal.rank(request) for name, signal in self._signals.items()}
        rankings = {name: ranking for name, ranking in rankings.items() if ranking}
        fused = self._prefer_talks(fuse(rankings, self._fusion), text, links)[:k]
        per_signal = {name: dict(ranking) for name, ranking in rankings.items()}
        hits = tuple(self._hit(pid, score, per_signal) for pid, score in fused)
        terms = (text, *text.split(), *(link.surface for link in links))
        return SearchResult(
            query,
            hits,
            _ms(start),
            tuple(links),
            self.snapshot.documents,
            tuple(terms),
            names=self._names,
        )

    def _prefer_talks(
        self, fused: list[tuple[str, float]], text: str, links: list[LinkedEntity]
    ) -> list[tuple[str, float]]:
        """A query that asks for talks ("발표", "talks by") ranks talks above other passages by
        `talk_intent_bonus` of fused score: the talks of the people, organisations, topics and
        editions it names, or any talk when it names none."""
        bonus = self.options.talk_intent_bonus
        if not bonus or not self.snapshot.talks or not asks_for_talks(text):
            return fused
        talks = self.snapshot.talks
        named = {link.entity.id for link in links}
        if named:
            preferred = {pid for entity_id in named for pid in self._talks_of.get(entity_id, ())}
        else:
            preferred = set(talks)
        scored = [(pid, score + bonus if pid in preferred else score) for pid, score in fused]
        return sorted(scored, key=lambda item: -item[1])

    def talks(self, filters: SearchFilters | None = None, limit: int = 50) -> TalkListing:
        """The talks the filters allow (every talk without filters), newest edition first and
        in list order within an edition; at most `limit` of them, with the total."""
        chosen = replace(filters or SearchFilters(), result_type=TALK)
        check_year(chosen.year)
        allowed = self._filters.allowed(chosen)
        pids = allowed[0] if allowed is not None else frozenset()
        talks = [self.snapshot.talks[pid] for pid in pids if pid in self.snapshot.talks]
        talks.sort(key=lambda t: self._talk_order(t))
        return TalkListing(tuple(talks[:limit]), len(talks), self._names)

    def _talk_order(self, talk: TalkRecord) -> tuple[int, str, str, int]:
        passage = self.snapshot.passages[talk.passage_id].passage
        return (-(talk.year or 0), talk.event_id or "", passage.doc_id, passage.index)

    @property
    def filters(self) -> PassageFilters:
        """The filter tables of this snapshot (facet counts, filter values)."""
        return self._filters

    def link(self, query: str) -> list[LinkedEntity]:
        """The entities `query` names (for entity cards and the chatbot API)."""
        return self._link(self._clean_query(query))

    def _link(self, text: str) -> list[LinkedEntity]:
        """Links of the cleaned query text, to the stored entities (not their linking aliases)."""
        entities = self.snapshot.entities
        return [
            replace(link, entity=entities.get(link.entity.id, link.entity))
            for link in self._linker.link(text)
        ]

    def _clean_query(self, query: object) -> str:
        return clean_query(query, self.settings.max_query_chars)

    def _hit(self, pid: str, score: float, per_signal: Mapping[str, Mapping[str, float]]) -> Hit:
        stored = self.snapshot.passages[pid]
        info = self.snapshot.documents.get(stored.passage.doc_id)
        entities = tuple(
            self.snapshot.entities[e] for e in stored.entity_ids if e in self.snapshot.entities
        )
        signals = {name: values[pid] for name, values in per_signal.items() if pid in values}
        talk = self.snapshot.talks.get(pid)
        if talk is not None:
            return Hit(
                passage=stored.passage,
                score=score,
                title=talk.title,
                url=talk.videos[0] if talk.videos else (info.url if info else None),
                entities=entities,
                signals=signals,
                talk=talk,
            )
        return Hit(
            passage=stored.passage,
            score=score,
            title=info.title if info else stored.passage.doc_id,
            url=info.url if info else None,
            entities=entities,
            signals=signals,
        )


def open_search_service(settings: Settings) -> SearchService:
    """A SearchService over the current generation of `settings.store_dir`."""
    from forumgraph.index.encoders import create_encoders
    from forumgraph.snapshot.access import require_store
    from forumgraph.text.analyze import create_analyzer

    snapshot = require_store(settings)
    return SearchService(
        snapshot,
        create_encoders(settings, for_queries=True),
        create_analyzer(settings.analyzer),
        settings,
    )


def _check_model(snapshot: SnapshotView, embedder: Encoder) -> None:
    if not snapshot.passages:
        return
    stored = (snapshot.model_name, snapshot.dim)
    configured = (embedder.model_name, embedder.dim)
    manifest = snapshot.dense().manifest
    if manifest is not None:
        stored = (manifest.model_name, manifest.dim)
    if stored != configured:
        raise IndexMismatch(
            f"The store's vector index was built with model '{stored[0]}' ({stored[1]} "
            f"dimensions), but the configured model is '{configured[0]}' ({configured[1]} "
            "dimensions).",
            hint=REBUILD_HINT,
        )


def _with_shorthands(
    filters: SearchFilters,
    lang: str | None,
    event: str | None,
    year: int | None,
    entity_type: str | None,
) -> SearchFilters:
    """`filters` with the fields the shorthand arguments of `search` set."""
    return replace(
        filters,
        lang=filters.lang if lang is None else lang,
        event=filters.event if event is None else event,
        year=filters.year if year is None else year,
        entity_type=filters.entity_type if entity_type is None else entity_type,
    )


def _linked_entities(stored: StoredPassage, talk: TalkRecord | None) -> tuple[str, ...]:
    """The entities a passage is about for the graph signal: those it mentions, and for a talk
    also its edition and where that was held, so that "talks at KubeCon Barcelona" reaches the
    talks of that edition."""
    if talk is None:
        return stored.entity_ids
    linked = (*stored.entity_ids, *((talk.event_id,) if talk.event_id else ()), *talk.place_ids)
    return tuple(dict.fromkeys(linked))


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000
