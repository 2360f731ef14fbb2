"""Example queries for the SPARQL page; a test runs each against the bundled corpus."""

from __future__ import annotations

from dataclasses import dataclass

from forumgraph.graph.terms import FG_IRI, PROV_IRI, RDF_IRI, SCHEMA_IRI


@dataclass(frozen=True)
class Example:
    """A titled query (titles in English and Korean)."""

    title: dict[str, str]
    query: str


def sparql_examples(base_iri: str) -> list[Example]:
    """The examples, with prefixes and IRIs for a graph minted under `base_iri`."""
    prefixes = (
        f"PREFIX schema: <{SCHEMA_IRI}>\nPREFIX fg: <{FG_IRI}>\n"
        f"PREFIX rdf: <{RDF_IRI}>\nPREFIX prov: <{PROV_IRI}>\n"
    )
    queries = [
        (
            "People and their affiliations, names in both scripts",
            "인물과 소속 (한글·영문 이름)",
            """SELECT ?person (GROUP_CONCAT(DISTINCT ?name; separator=" / ") AS ?names) ?orgName
WHERE {
  ?person a schema:Person ; schema:name ?name ; schema:affiliation ?org .
  ?org schema:name ?orgName .
  FILTER(LANG(?orgName) = "en")
}
GROUP BY ?person ?orgName
ORDER BY ?names
LIMIT 50""",
        ),
        (
            "Keynotes with their speakers and events",
            "키노트: 연사와 행사",
            """SELECT ?eventName ?title ?speakerName
WHERE {
  ?talk a fg:Keynote ; schema:name ?title ; schema:superEvent ?event ;
        schema:performer ?speaker .
  ?speaker schema:name ?speakerName .
  ?event schema:name ?eventName .
  FILTER(LANG(?eventName) = "en")
}
ORDER BY ?eventName ?title
LIMIT 50""",
        ),
        (
            "Where a fact comes from: affiliations with their source passage",
            "사실의 출처: 소속 정보와 근거 단락",
            """SELECT ?personName ?orgName ?passage ?text
WHERE {
  ?statement a fg:Statement ; rdf:subject ?person ; rdf:predicate schema:affiliation ;
             rdf:object ?org ; prov:wasDerivedFrom ?passage .
  ?passage schema:text ?text .
  ?person schema:name ?personName .
  ?org schema:name ?orgName .
}
LIMIT 20""",
        ),
        (
            "Event editions with dates and cities",
            "행사 회차: 날짜와 도시",
            """SELECT ?event (SAMPLE(?name) AS ?eventName) (MIN(?start) AS ?starts) ?cityName
WHERE {
  ?event a fg:EventEdition ; schema:name ?name .
  OPTIONAL { ?event schema:startDate ?start }
  OPTIONAL { ?event schema:location/schema:name ?cityName }
}
GROUP BY ?event ?cityName
ORDER BY ?starts
LIMIT 50""",
        ),
        (
            "Projects and their CNCF maturity",
            "프로젝트와 CNCF 성숙도",
            """SELECT DISTINCT ?name ?maturity
WHERE {
  ?project a fg:Project ; schema:name ?name ; fg:maturity ?maturity .
}
ORDER BY ?maturity ?name
LIMIT 50""",
        ),
        (
            "Articles per language",
            "언어별 기사 수",
            """SELECT ?language (COUNT(DISTINCT ?article) AS ?articles)
WHERE { ?article a schema:Article ; schema:inLanguage ?language . }
GROUP BY ?language""",
        ),
        (
            "One article's own graph: the kinds of statement in it",
            "한 기사의 그래프: 술어별 트리플 수",
            f"""SELECT ?predicate (COUNT(*) AS ?triples)
WHERE {{
  GRAPH <{base_iri}doc/kubernetes-forum-seoul-2019.ko> {{ ?s ?predicate ?o }}
}}
GROUP BY ?predicate
ORDER BY DESC(?triples)""",
        ),
        (
            "CONSTRUCT: the people who spoke at each event edition",
            "CONSTRUCT: 행사 회차별 연사",
            """CONSTRUCT { ?event schema:performer ?speaker . ?speaker schema:name ?name }
WHERE {
  ?talk schema:superEvent ?event ; schema:performer ?speaker .
  ?event a fg:EventEdition .
  ?speaker schema:name ?name .
}
LIMIT 200""",
        ),
    ]
    return [Example({"en": en, "ko": ko}, prefixes + "\n" + query) for en, ko, query in queries]
