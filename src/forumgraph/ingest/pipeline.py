"""The one module that knows the stage order: read, split, extract, resolve, embed, store."""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from forumgraph.config import Settings
from forumgraph.errors import ForumgraphError, IndexMismatch, InputError
from forumgraph.index.encoders import EMBEDDING
from forumgraph.index.milvus.target import configured_milvus
from forumgraph.models import (
    Article,
    DocumentInfo,
    Entity,
    EntityType,
    Extraction,
    Passage,
    ResolvedDocument,
)
from forumgraph.snapshot import (
    IndexSpec,
    PreparedDocument,
    Snapshot,
    StoreLayout,
    VectorSetSpec,
    WriteStats,
    write_generation,
)
from forumgraph.snapshot.writer import StepHook

if TYPE_CHECKING:
    from forumgraph.graph.remote import RemoteEndpoints
    from forumgraph.index.encoders import Encoder
    from forumgraph.ingest.extract import ExtractionContext
    from forumgraph.text.analyze import Analyzer

# Notes that travel with a corpus folder (licences, sources) are not articles.
CORPUS_NOTES = ("readme", "source", "license", "licence", "notice", "changelog")
# Reports progress as (stage, done, total).
Progress = Callable[[str, int, int], None]


@dataclass
class IngestReport:
    """What an ingest or removal did, for the CLI summary and the API response."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file or id, message)
    passages: int = 0
    entities: Counter[str] = field(default_factory=Counter)
    triples: int = 0
    generation: str | None = None
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failed

    def failure_lines(self) -> list[str]:
        """One line per failed file, naming the file once (most messages already name it)."""
        return [
            message if source in message else f"{source}: {message}"
            for source, message in self.failed
        ]

    def timed(self, stage: str, start: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - start

    def summary(self) -> str:
        """A few lines for people: what changed, what was found, where the time went."""
        lines = [
            f"documents: {len(self.added)} added, {len(self.replaced)} replaced, "
            f"{len(self.unchanged)} unchanged, {len(self.removed)} removed, "
            f"{len(self.failed)} failed",
        ]
        if self.passages or self.triples:
            kinds = ", ".join(f"{n} {t}" for t, n in sorted(self.entities.items()))
            lines.append(f"passages: {self.passages}  triples: {self.triples}")
            lines.append(f"entities: {kinds or 'none'}")
        if self.seconds:
            total = sum(self.seconds.values())
            parts = ", ".join(f"{k} {v:.2f}s" for k, v in self.seconds.items())
            lines.append(f"time: {total:.2f}s ({parts})")
        if self.generation:
            lines.append(f"store generation: {self.generation}")
        return "\n".join(lines)


class Ingester:
    """Turns files or texts into a new store generation. Reuse one instance: models load once."""

    def __init__(
        self,
        settings: Settings,
        progress: Progress | None = None,
        *,
        encoders: Mapping[str, Encoder] | None = None,
        analyzer: Analyzer | None = None,
    ) -> None:
        """`encoders` (by vector set name) and `analyzer` let a caller share the models it
        already loaded; the other encoders the settings ask for load on first use."""
        self.settings = settings
        self.layout = StoreLayout(settings.store_dir)
        self._progress = progress or (lambda _stage, _done, _total: None)
        self._analyzer = analyzer
        self._context: ExtractionContext | None = None
        self._shared_encoders = dict(encoders or {})
        self._encoders: dict[str, Encoder] | None = None

    def load_models(self) -> tuple[dict[str, Encoder], Analyzer]:
        """Load the encoders, the analyser, the recogniser and the gazetteer now; returns the
        encoders and the analyser."""
        context = self._extraction_context()
        context.english_recognizer().spans(["Warm-up by Jane Doe."])
        encoders = self._encoders_or_load()
        for encoder in encoders.values():
            encoder.encode_passages(["warm-up"])
        return encoders, context.analyzer

    # -- entry points -------------------------------------------------------------------------

    def ingest_paths(
        self,
        paths: Sequence[Path],
        *,
        rebuild: bool = False,
        strict: bool = False,
        on_step: StepHook | None = None,
    ) -> IngestReport:
        """Ingest files and folders; unchanged documents are skipped unless `rebuild`.

        A bad file is reported and skipped; with `strict`, any bad file stops the ingest before
        anything is written.
        """
        from forumgraph.ingest.readers import ReadLimits, iter_article_paths, read_article

        report = IngestReport()
        start = time.perf_counter()
        files = _collect_files(paths, iter_article_paths)
        limits = ReadLimits.from_settings(self.settings)
        articles: list[Article] = []
        for done, path in enumerate(files, 1):
            try:
                articles.append(read_article(path, limits))
            except ForumgraphError as exc:
                report.failed.append((str(path), exc.message))
            self._progress("read", done, len(files))
        report.timed("read", start)
        _refuse_duplicate_ids(articles, report)
        if strict and report.failed:
            return report
        return self._ingest(articles, report, rebuild=rebuild, on_step=on_step)

    def ingest_articles(self, articles: Sequence[Article]) -> IngestReport:
        """Ingest documents that arrived as text (the HTTP API)."""
        report = IngestReport()
        _refuse_duplicate_ids(list(articles), report)
        if report.failed:
            raise InputError(report.failed[0][1])
        return self._ingest(list(articles), report, rebuild=False, on_step=None)

    def remove(self, doc_ids: Iterable[str]) -> IngestReport:
        """Delete documents; entities no remaining document mentions disappear with them."""
        report = IngestReport()
        doc_ids = list(doc_ids)  # read twice below; a generator would be empty the second time
        with self.layout.write_lock():
            base = self._open_base()
            missing = [d for d in doc_ids if base is None or d not in base.documents]
            if missing:
                raise _not_found(missing)
            report.removed = list(doc_ids)
            report.generation = self._write(base, [], report.removed, report, on_step=None)
        return report

    # -- the stages ---------------------------------------------------------------------------

    def _ingest(
        self,
        articles: list[Article],
        report: IngestReport,
        *,
        rebuild: bool,
        on_step: StepHook | None,
    ) -> IngestReport:
        with self.layout.write_lock():
            base = self._open_base()
            if rebuild:
                base = None
            known = base.documents if base else {}
            fresh = []
            for article in articles:
                previous = known.get(article.doc_id)
                if (
                    previous is not None
                    and previous.content_hash == article.content_hash
                    and not _lacks_talks(base, article, previous)
                ):
                    report.unchanged.append(article.doc_id)
                    continue
                (report.replaced if previous else report.added).append(article.doc_id)
                fresh.append(article)
            if not fresh:
                return report
            prepared = self._prepare(fresh, base, report)
            report.generation = self._write(base, prepared, [], report, on_step, rebuild=rebuild)
        return report

    def _prepare(
        self, articles: list[Article], base: Snapshot | None, report: IngestReport
    ) -> list[PreparedDocument]:
        from forumgraph.graph.build import document_quads
        from forumgraph.ingest.extract import extract
        from forumgraph.ingest.resolve import resolve
        from forumgraph.ingest.segment import split_passages
        from forumgraph.ingest.talk_records import index_tokens, talk_records

        context = self._extraction_context()
        if base is not None:
            context.add_known_entities(base.entities.values())
        start = time.perf_counter()
        split = [
            split_passages(a, self.settings.passage_chars_ko, self.settings.passage_words_en)
            for a in articles
        ]
        report.timed("analysis", start)

        start = time.perf_counter()
        extractions: list[Extraction] = []
        for done, (article, passages) in enumerate(zip(articles, split, strict=True), 1):
            extractions.append(extract(article, passages, context))
            self._progress("extract", done, len(articles))
        resolution = resolve(extractions, base.entities.values() if base else ())
        report.timed("extraction", start)

        texts = [p.text for passages in split for p in passages]
        vectors = {}
        for name in self._encoders_or_load():
            start = time.perf_counter()
            vectors[name] = self._encode(name, texts)
            report.timed(f"embedding.{name}", start)

        start = time.perf_counter()
        prepared: list[PreparedDocument] = []
        mentioned: dict[str, EntityType] = {}
        offset = 0
        for article, passages, extraction in zip(articles, split, extractions, strict=True):
            ids = resolution.entity_ids.get(article.doc_id, {})
            extraction = _with_canonical_names(extraction, ids, resolution.entities)
            doc = ResolvedDocument(article, tuple(passages), extraction, ids)
            quads = document_quads(doc, self.settings.base_iri)
            per_passage = _entities_per_passage(extraction, ids)
            types = {ids[e.key]: e.type for e in extraction.entities if e.key in ids}
            talks = (
                talk_records(extraction, ids, resolution.entities)
                if article.talk_list is not None
                else ()
            )
            talk_at = {t.passage_id: t for t in talks}
            prepared.append(
                PreparedDocument(
                    info=_document_info(article, passages, types),
                    passages=tuple(passages),
                    passage_entities=tuple(per_passage.get(p.passage_id, ()) for p in passages),
                    vectors={
                        name: rows[offset : offset + len(passages)]
                        for name, rows in vectors.items()
                    },
                    tokens=tuple(
                        index_tokens(
                            p, talk_at.get(p.passage_id), resolution.entities, context.analyzer
                        )
                        for p in passages
                    ),
                    quads=quads,
                    talks=talks,
                )
            )
            offset += len(passages)
            report.passages += len(passages)
            report.triples += len(quads)
            mentioned.update(types)
        report.entities = Counter(str(t) for t in mentioned.values())
        report.timed("analysis", start)
        return prepared

    def _write(
        self,
        base: Snapshot | None,
        prepared: list[PreparedDocument],
        removals: list[str],
        report: IngestReport,
        on_step: StepHook | None,
        *,
        rebuild: bool = False,
    ) -> str:
        if base is not None and not prepared:
            # Only removals: no new vectors, so no model need load to check them.
            sets = base.vector_sets
        else:
            sets = self._vector_set_specs(base)
        spec = IndexSpec(
            sets,
            self.settings.exact_search_limit,
            self.settings.base_iri,
            remote=_remote_endpoints(self.settings),
            milvus=configured_milvus(self.settings),
        )
        stats = WriteStats()
        name = write_generation(
            self.layout,
            base,
            upserts=prepared,
            removals=removals,
            spec=spec,
            stats=stats,
            on_step=on_step,
            backfill=self._backfill(base, spec),
            rebuild=rebuild,
        )
        report.seconds.update(stats.seconds)
        return name

    def _open_base(self) -> Snapshot | None:
        from forumgraph.snapshot.access import store_access

        return store_access(self.settings).open()

    # -- shared models ------------------------------------------------------------------------

    def _extraction_context(self) -> ExtractionContext:
        if self._context is None:
            from forumgraph.ingest.extract import build_context

            self._context = build_context(self.settings, analyzer=self._analyzer)
        return self._context

    def _encoders_or_load(self) -> dict[str, Encoder]:
        if self._encoders is None:
            from forumgraph.index.encoders import create_encoders

            self._encoders = create_encoders(self.settings, self._shared_encoders)
        return self._encoders

    def _encode(self, name: str, texts: list[str]) -> np.ndarray:
        """The vectors of the set `name` for `texts`, a few batches at a time, with progress."""
        encoder = self._encoders_or_load()[name]
        batch = max(1, self.settings.embedding_batch_size) * 4
        parts = []
        for i in range(0, len(texts), batch):
            parts.append(encoder.encode_passages(texts[i : i + batch]))
            self._progress(f"embed {name}", min(i + batch, len(texts)), len(texts))
        return np.vstack(parts) if parts else np.zeros((0, encoder.dim), dtype=np.float32)

    def _backfill(
        self, base: Snapshot | None, spec: IndexSpec
    ) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """Vectors of the stored passages for every set the base lacks (once per new set)."""
        if base is None or not base.passages:
            return {}
        stored = sorted(base.passages.values(), key=lambda s: s.vector_id)
        ids = np.array([s.vector_id for s in stored], dtype=np.int64)
        return {
            name: (ids, self._encode(name, [s.passage.text for s in stored]))
            for name, set_spec in spec.vector_sets.items()
            if base.vector_sets.get(name) != set_spec
        }

    def _vector_set_specs(self, base: Snapshot | None) -> dict[str, VectorSetSpec]:
        """The configured sets with their encoders' identities; the base's `embedding` set must
        have been built with the same model (its vectors are not recomputed)."""
        encoders = self._encoders_or_load()
        sets = {name: VectorSetSpec(e.model_name, e.dim) for name, e in encoders.items()}
        embedding = sets[EMBEDDING]
        if base is not None and (base.model_name, base.dim) != (embedding.model, embedding.dim):
            raise IndexMismatch(
                f"The store {self.settings.store_dir} was built with the embedding model "
                f"'{base.model_name}' ({base.dim} dimensions), but the configured model is "
                f"'{embedding.model}' ({embedding.dim} dimensions).",
                hint="Rebuild the store with `forumgraph ingest --rebuild DIR...` or configure "
                "the original model.",
            )
        return sets


def _lacks_talks(base: Snapshot | None, article: Article, previous: DocumentInfo) -> bool:
    """A talk list stored before talks were passages of their own: it must be read again."""
    if base is None or article.talk_list is None or not article.talk_list.talks:
        return False
    return not any(pid in base.talks for pid in previous.passage_ids)


def _with_canonical_names(
    extraction: Extraction, ids: dict[str, str], entities: dict[str, Entity]
) -> Extraction:
    """Name each entity by its canonical name; a document's other spellings become variants.

    A talk list that writes `Brandom Lum` then states `schema:name "Brandon Lum"` and
    `schema:alternateName "Brandom Lum"`, so every graph agrees on the preferred names.
    """
    records = []
    for record in extraction.entities:
        entity = entities.get(ids.get(record.key, ""))
        if entity is None:
            records.append(record)
            continue
        langs = {n.lang for n in record.names}
        canonical = tuple(n for n in entity.names if n.lang in langs)
        variants = [n for n in (*record.names, *record.variants) if n not in canonical]
        records.append(
            replace(
                record, names=canonical or record.names, variants=tuple(dict.fromkeys(variants))
            )
        )
    return replace(extraction, entities=tuple(records))


def _remote_endpoints(settings: Settings) -> RemoteEndpoints | None:
    """Where the graph goes: None for the embedded store, else the SPARQL server's endpoints."""
    if settings.graph_backend == "embedded":
        return None
    from forumgraph.graph.remote import RemoteEndpoints

    return RemoteEndpoints.from_settings(settings)


def _entities_per_passage(
    extraction: Extraction, ids: dict[str, str]
) -> dict[str, tuple[str, ...]]:
    found: dict[str, set[str]] = defaultdict(set)
    for mention in extraction.mentions:
        if mention.entity in ids:
            found[mention.passage_id].add(ids[mention.entity])
    return {pid: tuple(sorted(e)) for pid, e in found.items()}


def _document_info(
    article: Article, passages: list[Passage], types: dict[str, EntityType]
) -> DocumentInfo:
    date = article.date
    year = int(date[:4]) if date and date[:4].isdigit() else None
    return DocumentInfo(
        doc_id=article.doc_id,
        title=article.title,
        lang=article.lang,
        content_hash=article.content_hash,
        passage_ids=tuple(p.passage_id for p in passages),
        date=date,
        year=year,
        url=article.url,
        source_path=article.source_path,
        event_ids=tuple(sorted(i for i, t in types.items() if t == EntityType.EVENT)),
    )


def _collect_files(
    paths: Sequence[Path], iter_article_paths: Callable[[Sequence[Path]], Iterable[Path]]
) -> list[Path]:
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise InputError(
            f"Path {missing[0]} does not exist.", hint="Pass existing files or folders to ingest."
        )
    files = set(iter_article_paths(paths))
    explicit = {p for p in paths if p.is_file()}
    return sorted(p for p in files if p in explicit or not _is_corpus_note(p))


def _is_corpus_note(path: Path) -> bool:
    return path.stem.lower().startswith(CORPUS_NOTES)


def _refuse_duplicate_ids(articles: list[Article], report: IngestReport) -> None:
    seen: dict[str, str] = {}
    for article in list(articles):
        if article.doc_id in seen:
            report.failed.append(
                (
                    article.source_path or article.doc_id,
                    f"Document id '{article.doc_id}' is also the id of {seen[article.doc_id]}; "
                    "document ids (file stems) must be unique.",
                )
            )
            articles.remove(article)
        else:
            seen[article.doc_id] = article.source_path or article.doc_id


def _not_found(doc_ids: list[str]) -> ForumgraphError:
    from forumgraph.errors import NotFound

    return NotFound(
        f"No document with id '{doc_ids[0]}' is in the store.",
        hint="List the stored documents with `forumgraph documents`.",
    )
