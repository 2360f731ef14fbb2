"""SearchService: the one search entry point shared by the CLI, the web page and the JSON API.

A query runs three retrievers over one snapshot and fuses their rankings:
dense (multilingual embeddings in FAISS: meaning across languages), BM25 (Kiwi morphemes and
stemmed words: exact names, numbers, rare terms), and the graph (passages that mention the
entities the query names, in any script). The graph also expands the BM25 query with the linked
entities' names in the other script, which is what carries a Hangul name to a Latin-only text.
"""

from __future__ import annotations

import math
import re
import time
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

import numpy as np

from forumgraph.config import Settings
from forumgraph.errors import ConfigError, IndexMismatch, InputError
from forumgraph.index.dense import DenseIndex, IdFilter, id_filter
from forumgraph.index.manifest import REBUILD_HINT
from forumgraph.models import DocumentInfo, Entity, Hit, StoredPassage
from forumgraph.search.filters import PassageFilters
from forumgraph.search.hybrid import WEIGHTED, FusionConfig, fuse
from forumgraph.search.linking import LinkedEntity, QueryLinker, name_like_with
from forumgraph.search.result import SearchResult
from forumgraph.search.use_signal import UseEncoder, build_use_index
from forumgraph.text.analyze import Analyzer
from forumgraph.text.names import phonetic_key, transliteration_similarity
from forumgraph.text.tokenize import tokenize_for_index

if TYPE_CHECKING:
    from forumgraph.index.embed import Embedder
    from forumgraph.index.sparse import LexicalIndex

MAX_K = 100
SIGNALS = ("dense", "bm25", "graph", "use")
SECOND_ENCODERS = ("use", "none")
# Weight of meaning (a dense z-score, about -2..4) against entity matches (idf, about 1..6)
# in the graph signal's order: it decides between passages naming the same entities.
GRAPH_TIE_BREAK = 0.25
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class SnapshotView(Protocol):
    """What the service reads from a store generation (forumgraph.snapshot.Snapshot)."""

    documents: dict[str, DocumentInfo]
    passages: dict[str, StoredPassage]
    entities: dict[str, Entity]
    by_vector_id: dict[int, StoredPassage]

    @property
    def model_name(self) -> str: ...

    @property
    def dim(self) -> int: ...

    @property
    def second_model(self) -> str | None: ...

    def second_dense(self) -> DenseIndex | None: ...

    def dense(self) -> DenseIndex: ...

    def lexical(self) -> LexicalIndex: ...


@dataclass(frozen=True)
class SearchOptions:
    """Retrieval knobs; the defaults are the values measured best by scripts/eval_search.py."""

    signals: tuple[str, ...] = SIGNALS
    fusion: FusionConfig = field(
        default_factory=lambda: FusionConfig(
            WEIGHTED, {"dense": 1.0, "bm25": 1.0, "graph": 1.0, "use": 1.0}
        )
    )
    candidates: int = 100  # passages each retriever contributes before fusion
    expansion_weight: float = 1.0  # BM25 weight of a linked entity's other names
    link_entities: bool = True  # link query entities (graph signal and expansion)
    # Rank dense hits within each passage language and compare z-scores across languages:
    # multilingual encoders score same-language pairs higher, which buries cross-lingual hits.
    balance_languages: bool = True
    language_sample: int = 100  # hits per language whose score statistics normalise them
    graph_max_passages: int = 2_000  # entities mentioned more often carry no graph signal


class SearchService:
    """Hybrid search over one snapshot; thread-safe, built once per store generation."""

    def __init__(
        self,
        snapshot: SnapshotView,
        embedder: Embedder,
        analyzer: Analyzer,
        settings: Settings,
        options: SearchOptions | None = None,
        use_index: DenseIndex | None = None,
        use_encoder: UseEncoder | None = None,
    ) -> None:
        """`use_index` holds prepared USE passage vectors (by default the snapshot's own; for a
        snapshot without them they are encoded here) when `settings.second_encoder` is "use";
        `use_encoder` shares a process's loaded USE model."""
        self.snapshot = snapshot
        self.embedder = embedder
        self.analyzer = analyzer
        self.settings = settings
        self.options = options or SearchOptions()
        unknown = set(self.options.signals) - set(SIGNALS)
        if unknown:
            raise InputError(f"Unknown search signals: {', '.join(sorted(unknown))}.")
        _check_model(snapshot, embedder)
        if settings.second_encoder not in SECOND_ENCODERS:
            raise ConfigError(
                f"Unknown second_encoder '{settings.second_encoder}'.",
                hint=f"Set second_encoder to one of: {', '.join(SECOND_ENCODERS)}.",
            )
        self._use: UseEncoder | None = None
        self._use_index = use_index
        if settings.second_encoder == "use" and "use" in self.options.signals:
            self._use = use_encoder or UseEncoder()
            if use_index is None and snapshot.second_model == self._use.model_name:
                self._use_index = snapshot.second_dense()
            elif use_index is None and snapshot.passages:
                limit = settings.exact_search_limit
                self._use_index = build_use_index(self._use, snapshot.passages.values(), limit)
        self._filters = PassageFilters(snapshot.documents, snapshot.passages, snapshot.entities)
        self._language_filters = lru_cache(maxsize=64)(self._language_filters_uncached)
        self._mentions: dict[str, list[str]] = {}
        for pid, stored in snapshot.passages.items():
            for entity_id in stored.entity_ids:
                self._mentions.setdefault(entity_id, []).append(pid)
        self._linker = QueryLinker(
            snapshot.entities.values(),
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

    def search(
        self,
        query: str,
        k: int = 10,
        *,
        lang: str | None = None,
        event: str | None = None,
        year: int | str | None = None,
        entity_type: str | None = None,
    ) -> SearchResult:
        """The `k` best passages for `query` (Korean, English or mixed), best first."""
        start = time.perf_counter()
        text = self._clean_query(query)
        _check_k(k)
        filters = (lang, event, _year(year), entity_type)
        allowed = self._filters.allowed(*filters)
        if not any(ch.isalnum() for ch in text) or (allowed is not None and not allowed[0]):
            # Nothing to match (only symbols or emoji), or filters that exclude everything.
            return SearchResult(query, (), _ms(start), documents=self.snapshot.documents)
        links = self._linker.link(text) if self.options.link_entities else []
        pool = max(self.options.candidates, k)
        rankings: dict[str, list[tuple[str, float]]] = {}
        query_vector: np.ndarray | None = None
        if "dense" in self.options.signals or "graph" in self.options.signals:
            query_vector = np.asarray(self.embedder.encode_queries([text]), np.float32)[0]
        language_stats: dict[str, tuple[float, float]] = {}
        if "dense" in self.options.signals and query_vector is not None:
            rankings["dense"], language_stats = self._dense(
                self.snapshot.dense(), query_vector, pool, allowed, filters
            )
        if self._use is not None and self._use_index is not None:
            use_vector = self._use.encode([text])[0]
            rankings["use"], _ = self._dense(self._use_index, use_vector, pool, allowed, filters)
        if "bm25" in self.options.signals:
            rankings["bm25"] = self._bm25(text, links, pool, allowed)
        if "graph" in self.options.signals and links and query_vector is not None:
            rankings["graph"] = self._graph(query_vector, links, pool, allowed, language_stats)
        fused = fuse(rankings, self.options.fusion)[:k]
        per_signal = {name: dict(ranking) for name, ranking in rankings.items()}
        hits = tuple(self._hit(pid, score, per_signal) for pid, score in fused)
        terms = (text, *text.split(), *(link.surface for link in links))
        return SearchResult(
            query, hits, _ms(start), tuple(links), self.snapshot.documents, tuple(terms)
        )

    def link(self, query: str) -> list[LinkedEntity]:
        """The entities `query` names (for entity cards and the chatbot API)."""
        return self._linker.link(self._clean_query(query))

    def _clean_query(self, query: str) -> str:
        if not isinstance(query, str):
            raise InputError("The search query must be text.")
        limit = self.settings.max_query_chars
        if len(query) > limit:
            raise InputError(
                f"The search query is {len(query)} characters long; the limit is {limit}.",
                hint="Shorten the query (setting max_query_chars).",
            )
        text = " ".join(_CONTROL.sub(" ", unicodedata.normalize("NFC", query)).split())
        if not text:
            raise InputError("The search query is empty.", hint="Type a few words to search for.")
        return text

    def _dense(
        self,
        dense: DenseIndex,
        vector: np.ndarray,
        pool: int,
        allowed: tuple[frozenset[str], np.ndarray] | None,
        filters: tuple[str | None, str | None, int | None, str | None],
    ) -> tuple[list[tuple[str, float]], dict[str, tuple[float, float]]]:
        """Dense ranking, and per language group the (mean, std) its z-scores were taken over."""
        groups = self._language_filters(*filters) if self.options.balance_languages else {}
        if len(groups) < 2:
            scores, ids = dense.search(
                vector.reshape(1, -1), pool, allowed=None if allowed is None else allowed[1]
            )
            return self._passage_ranking(scores[0], ids[0]), {}
        merged: list[tuple[str, float]] = []
        stats: dict[str, tuple[float, float]] = {}
        for name, group in groups.items():
            scores, ids = dense.search(
                vector.reshape(1, -1), max(pool, self.options.language_sample), allowed=group
            )
            found = ids[0] >= 0
            values = scores[0][found]
            if len(values) < 2 or float(values.std()) == 0.0:
                continue
            stats[name] = (float(values.mean()), float(values.std()))
            merged += self._passage_ranking(
                (values - stats[name][0]) / stats[name][1], ids[0][found]
            )
        merged.sort(key=lambda item: -item[1])
        return merged[:pool], stats

    def _language_filters_uncached(
        self, lang: str | None, event: str | None, year: int | None, entity_type: str | None
    ) -> dict[str, IdFilter]:
        """One id filter per language group (Korean with mixed, English, ...) under the filters."""
        groups: dict[str, set[int]] = {}
        languages = [lang] if lang else self._filters.languages()
        for language in languages:
            allowed = self._filters.allowed(language, event, year, entity_type)
            if allowed is not None and len(allowed[1]):
                groups.setdefault(_language_group(language), set()).update(allowed[1].tolist())
        return {
            name: id_filter(np.fromiter(ids, np.int64, len(ids))) for name, ids in groups.items()
        }

    def _passage_ranking(self, scores: np.ndarray, ids: np.ndarray) -> list[tuple[str, float]]:
        out = []
        for score, vector_id in zip(scores, ids, strict=True):
            stored = self.snapshot.by_vector_id.get(int(vector_id))
            if vector_id >= 0 and stored is not None:
                out.append((stored.passage.passage_id, float(score)))
        return out

    def _bm25(
        self,
        text: str,
        links: list[LinkedEntity],
        pool: int,
        allowed: tuple[frozenset[str], np.ndarray] | None,
    ) -> list[tuple[str, float]]:
        tokens = tokenize_for_index(text, None, self.analyzer)
        weights = [1.0] * len(tokens)
        seen = set(tokens)
        for link in links:
            for name in link.other_names():
                for token in tokenize_for_index(name, None, self.analyzer):
                    if token not in seen:
                        seen.add(token)
                        tokens.append(token)
                        weights.append(self.options.expansion_weight * link.confidence)
        if not tokens:
            return []
        return self.snapshot.lexical().search(
            tokens, pool, weights=weights, allowed=None if allowed is None else allowed[0]
        )

    def _graph(
        self,
        vector: np.ndarray,
        links: list[LinkedEntity],
        pool: int,
        allowed: tuple[frozenset[str], np.ndarray] | None,
        language_stats: Mapping[str, tuple[float, float]],
    ) -> list[tuple[str, float]]:
        """Passages mentioning the linked entities: rarer entities weigh more; ties go to the
        passage closest in meaning, measured like the dense signal (balanced by language)."""
        total = max(1, len(self.snapshot.passages))
        weight: dict[str, float] = {}
        for link in links:
            mentions = self._mentions.get(link.entity.id, [])
            if not mentions or len(mentions) > self.options.graph_max_passages:
                continue
            idf = math.log(1 + total / len(mentions))
            for pid in mentions:
                if allowed is None or pid in allowed[0]:
                    weight[pid] = weight.get(pid, 0.0) + link.confidence * idf
        if not weight:
            return []
        pids = list(weight)
        stored = [self.snapshot.passages[p] for p in pids]
        vector_ids = np.array([s.vector_id for s in stored], np.int64)
        similarity = self.snapshot.dense().reconstruct(vector_ids) @ vector
        ranked = []
        for pid, passage, sim in zip(pids, stored, similarity, strict=True):
            mean, spread = language_stats.get(_language_group(passage.passage.lang), (0.0, 1.0))
            ranked.append((pid, weight[pid] + GRAPH_TIE_BREAK * (float(sim) - mean) / spread))
        ranked.sort(key=lambda item: -item[1])
        return ranked[:pool]

    def _hit(self, pid: str, score: float, per_signal: Mapping[str, Mapping[str, float]]) -> Hit:
        stored = self.snapshot.passages[pid]
        info = self.snapshot.documents.get(stored.passage.doc_id)
        entities = tuple(
            self.snapshot.entities[e] for e in stored.entity_ids if e in self.snapshot.entities
        )
        signals = {name: values[pid] for name, values in per_signal.items() if pid in values}
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
    from forumgraph.index.query_encoder import create_query_embedder
    from forumgraph.snapshot import require_snapshot
    from forumgraph.text.analyze import create_analyzer

    snapshot = require_snapshot(settings.store_dir)
    return SearchService(
        snapshot, create_query_embedder(settings), create_analyzer(settings.analyzer), settings
    )


def _check_model(snapshot: SnapshotView, embedder: Embedder) -> None:
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


def _language_group(lang: str) -> str:
    # Mixed passages are mostly Korean text quoting Latin names: they compare with Korean ones.
    return "ko" if lang == "mixed" else lang


def _check_k(k: object) -> None:
    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= MAX_K:
        raise InputError(f"k must be a whole number from 1 to {MAX_K}, got {k!r}.")


def _year(year: int | str | None) -> int | None:
    if year is None or isinstance(year, int):
        return year
    if isinstance(year, str) and year.strip().isdigit():
        return int(year)
    raise InputError(f"The year filter must be a year such as 2019, got {year!r}.")


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000
