"""One document to quads: its article, passages, entities, mentions and facts in its own graph.

Every fact is asserted as a plain triple (so schema.org queries work directly) and also
described by one `fg:Statement` node (rdf:subject, rdf:predicate, rdf:object and
prov:wasDerivedFrom the passage it came from): reification that plain SPARQL 1.1 can query.
"""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import Literal, NamedNode, Quad

from forumgraph.errors import InputError
from forumgraph.graph.literals import date_literal, header_date_literal, iri_node, number_literal
from forumgraph.graph.terms import (
    ENTITY_CLASSES,
    EVENT_STATUSES,
    FG,
    PREDICATES,
    PROV,
    RDF,
    RDF_TYPE,
    SDO,
    XSD,
    document_iri,
    entity_iri,
    entity_type_of,
    local_node_iri,
    name_language,
    passage_iri_for_id,
)
from forumgraph.models import EntityType, Fact, ResolvedDocument

# Values that are codes rather than prose: plain literals without a language tag.
_CODE_PREDICATES = frozenset({"talkKind", "maturity", "country"})
_DATE_KINDS = frozenset({"date", "month", "year"})
_NUMBER_KINDS = frozenset({"integer", "decimal"})
Term = NamedNode | Literal


def document_quads(doc: ResolvedDocument, base_iri: str) -> list[Quad]:
    """Every quad about one document, in the document's named graph, in a stable order."""
    graph = _DocumentGraph(doc, base_iri)
    graph.add_article()
    graph.add_passages()
    graph.add_entities()
    graph.add_mentions()
    graph.add_facts()
    return graph.quads()


class _DocumentGraph:
    """Collects the triples of one document; IRIs come from terms.py."""

    def __init__(self, doc: ResolvedDocument, base_iri: str) -> None:
        self.doc = doc
        self.base = base_iri
        self.doc_id = doc.article.doc_id
        self.article = document_iri(self.doc_id, base_iri)
        self._triples: dict[tuple[NamedNode, NamedNode, Term], None] = {}
        self._passages = {
            p.passage_id: passage_iri_for_id(p.passage_id, base_iri) for p in doc.passages
        }

    def add(self, subject: NamedNode, predicate: NamedNode, obj: Term) -> None:
        self._triples[(subject, predicate, obj)] = None

    def quads(self) -> list[Quad]:
        quads = [Quad(s, p, o, self.article) for s, p, o in self._triples]
        return sorted(quads, key=str)

    def add_article(self) -> None:
        article, a = self.doc.article, self.article
        self.add(a, RDF_TYPE, SDO.Article)
        self.add(a, SDO.identifier, Literal(article.doc_id))
        for lang in _languages(article.lang):
            self.add(a, SDO.inLanguage, Literal(lang))
        self.add(a, SDO.headline, _tagged(article.title.strip() or article.doc_id, None))
        if (published := header_date_literal(article.date)) is not None:
            self.add(a, SDO.datePublished, published)
        if author := article.header.get("author", "").strip():
            self.add(a, SDO.author, Literal(author))
        if article.url:
            self.add(a, SDO.url, _link(article.url))
        if license_text := article.header.get("license", "").strip():
            self.add(a, SDO.license, Literal(license_text))
        if article.content_hash:
            self.add(a, FG.contentHash, Literal(article.content_hash))
        self.add(a, SDO.encodingFormat, Literal(article.media_type))

    def add_passages(self) -> None:
        for passage in self.doc.passages:
            if passage.doc_id != self.doc_id:
                raise InputError(
                    f"Passage {passage.passage_id} belongs to {passage.doc_id!r}, "
                    f"not to document {self.doc_id!r}.",
                    hint="Build each document's graph from its own passages.",
                )
            p = self._passages[passage.passage_id]
            self.add(p, RDF_TYPE, FG.Passage)
            self.add(p, SDO.isPartOf, self.article)
            self.add(p, FG.index, Literal(passage.index))
            self.add(p, FG.startOffset, Literal(passage.start))
            self.add(p, FG.endOffset, Literal(passage.end))
            tag = passage.lang if passage.lang in ("ko", "en") else None
            self.add(p, SDO.text, Literal(passage.text, language=tag))
            for lang in _languages(passage.lang):
                self.add(p, SDO.inLanguage, Literal(lang))

    def add_entities(self) -> None:
        for record in self.doc.extraction.entities:
            node = self.entity(record.key, f"entity record {record.key!r}")
            declared = entity_type_of(self.entity_id(record.key, ""))
            if declared is not None and declared != record.type:
                raise InputError(
                    f"Document {self.doc_id}: entity record {record.key!r} is a {record.type}, "
                    f"but it resolved to an id of type {declared}.",
                    hint="Resolution must map a record to an id of the same type.",
                )
            for cls in ENTITY_CLASSES[record.type]:
                self.add(node, RDF_TYPE, cls)
            for name in record.names:
                self.add(node, SDO.name, _tagged(name.text, name.lang))
            for variant in record.variants:
                self.add(node, SDO.alternateName, _tagged(variant.text, variant.lang))
            self.add(self.article, SDO.mentions, node)

    def add_mentions(self) -> None:
        for mention in self.doc.extraction.mentions:
            where = f"mention {mention.surface!r} at {mention.start}"
            node = self.entity(mention.entity, where)
            passage = self.passage(mention.passage_id, where)
            m = local_node_iri(
                self.doc_id, "m", node.value, str(mention.start), str(mention.end),
                base_iri=self.base,
            )  # fmt: skip
            self.add(m, RDF_TYPE, FG.Mention)
            self.add(m, FG.mentionOf, node)
            self.add(m, SDO.isPartOf, passage)
            self.add(m, FG.startOffset, Literal(mention.start))
            self.add(m, FG.endOffset, Literal(mention.end))
            self.add(m, SDO.text, _tagged(mention.surface, None))
            self.add(passage, SDO.mentions, node)
            self.add(self.article, SDO.mentions, node)

    def add_facts(self) -> None:
        last_figure: dict[NamedNode, NamedNode] = {}
        for position, fact in enumerate(self.doc.extraction.facts):
            where = f"fact {position} ({fact.subject} {fact.predicate})"
            if fact.predicate not in PREDICATES:
                raise InputError(
                    f"Document {self.doc_id}, {where}: unknown predicate {fact.predicate!r}.",
                    hint=f"Use one of: {', '.join(sorted(PREDICATES))}.",
                )
            subject = self.entity(fact.subject, where)
            source = self.passage(fact.passage_id, where) if fact.passage_id else self.article
            if fact.predicate == "figure":
                figure = self.figure(subject, fact, where)
                last_figure[subject] = figure
                self.assert_fact(subject, FG.figure, figure, source)
            elif fact.predicate == "figureLabel":
                if subject not in last_figure:
                    raise InputError(
                        f"Document {self.doc_id}, {where}: a figureLabel must follow a figure "
                        "fact about the same subject.",
                        hint="Emit the figure fact first, then its label.",
                    )
                label = _tagged(fact.value, fact.lang)
                self.assert_fact(last_figure[subject], SDO.name, label, source)
            else:
                value = self.value(fact, where)
                self.assert_fact(subject, PREDICATES[fact.predicate], value, source)
                self.add_implied_types(subject, fact)

    def assert_fact(self, s: NamedNode, p: NamedNode, o: Term, source: NamedNode) -> None:
        """The triple itself plus its statement node, derived from `source`."""
        self.add(s, p, o)
        statement = local_node_iri(
            self.doc_id, "fact", s.value, p.value, str(o), source.value, base_iri=self.base
        )
        self.add(statement, RDF_TYPE, FG.Statement)
        self.add(statement, RDF.subject, s)
        self.add(statement, RDF.predicate, p)
        self.add(statement, RDF.object, o)
        self.add(statement, PROV.wasDerivedFrom, source)

    def add_implied_types(self, subject: NamedNode, fact: Fact) -> None:
        if fact.predicate == "talkKind" and fact.value.strip().lower() == "keynote":
            self.add(subject, RDF_TYPE, FG.Keynote)
        if fact.predicate == "country" and entity_type_of(self.entity_id(fact.subject, "")) in (
            EntityType.PLACE,
            None,
        ):
            self.add(subject, RDF_TYPE, SDO.City)

    def value(self, fact: Fact, where: str) -> Term:
        """The object of a fact, typed by its kind."""
        label = f"Document {self.doc_id}, {where}"
        if fact.predicate == "eventStatus":
            status = EVENT_STATUSES.get(fact.value.strip().lower())
            if status is None:
                raise InputError(
                    f"{label}: unknown event status {fact.value!r}.",
                    hint=f"Use one of: {', '.join(sorted(EVENT_STATUSES))}.",
                )
            return status
        if fact.kind == "entity":
            return self.entity(fact.value, where)
        if fact.kind == "string":
            if fact.predicate in _CODE_PREDICATES:
                code = fact.value.strip()
                return Literal(code.upper() if fact.predicate == "country" else code.lower())
            return _tagged(fact.value, fact.lang)
        if fact.kind in _DATE_KINDS:
            return date_literal(fact.value, fact.kind, label)
        if fact.kind in _NUMBER_KINDS:
            return number_literal(fact.value, fact.kind, label)
        if fact.kind == "iri":
            return iri_node(fact.value, label)
        raise InputError(
            f"{label}: unknown value kind {fact.kind!r}.",
            hint="Kinds are entity, string, date, month, year, integer, decimal and iri.",
        )

    def figure(self, subject: NamedNode, fact: Fact, where: str) -> NamedNode:
        label = f"Document {self.doc_id}, {where}"
        if fact.kind not in _NUMBER_KINDS:
            raise InputError(f"{label}: a figure must be an integer or decimal, not {fact.kind}.")
        amount = number_literal(fact.value, fact.kind, label)
        node = local_node_iri(
            self.doc_id, "figure", subject.value, str(amount), fact.passage_id or "",
            base_iri=self.base,
        )  # fmt: skip
        self.add(node, RDF_TYPE, SDO.QuantitativeValue)
        self.add(node, SDO.value, amount)
        return node

    def entity_id(self, key: str, where: str) -> str:
        entity_id = self.doc.entity_ids.get(key)
        if entity_id is None:
            raise InputError(
                f"Document {self.doc_id}, {where}: entity key {key!r} has no resolved id.",
                hint="Every EntityRecord key must appear in ResolvedDocument.entity_ids.",
            )
        return entity_id

    def entity(self, key: str, where: str) -> NamedNode:
        return entity_iri(self.entity_id(key, where), self.base)

    def passage(self, passage_id: str, where: str) -> NamedNode:
        node = self._passages.get(passage_id)
        if node is None:
            raise InputError(
                f"Document {self.doc_id}, {where}: passage {passage_id!r} is not one of the "
                "document's passages.",
                hint="Mentions and facts must point at passages of their own document.",
            )
        return node


def _tagged(text: str, declared: str | None) -> Literal:
    """A name or prose literal tagged @ko for Hangul and @en for Latin script."""
    return Literal(text.strip(), language=name_language(text, declared))


def _languages(lang: str) -> Iterable[str]:
    return ("ko", "en") if lang == "mixed" else (lang,)


def _link(url: str) -> Term:
    try:
        return NamedNode(url)
    except ValueError:
        return Literal(url, datatype=XSD.anyURI)
