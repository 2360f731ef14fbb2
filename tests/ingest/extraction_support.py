"""Shared, cached inputs for the extraction tests: one context and one corpus run per session."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from forumgraph.ingest.extract import ExtractionContext, build_context, extract
from forumgraph.ingest.readers import ReadLimits, read_article
from forumgraph.ingest.resolve import Resolution, resolve
from forumgraph.ingest.segment import split_passages
from forumgraph.models import Article, EntityType, Extraction
from forumgraph.text.language import detect_language

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "data" / "articles"
SCHEDULES = ROOT / "data" / "schedules"
FOUNDING = ARTICLES / "kubernetes-forum-seoul-2019.ko.txt"
GOLD = ROOT / "tests" / "fixtures" / "kubernetes-forum-seoul-2019.yaml"


@lru_cache(maxsize=1)
def context() -> ExtractionContext:
    return build_context()


def extract_file(path: Path) -> Extraction:
    article = read_article(path, ReadLimits())
    return extract(article, split_passages(article), context())


def extract_text(text: str, header: dict[str, str] | None = None) -> Extraction:
    """Extraction of an invented text (`header` as the article's header block, its `title`
    as the title)."""
    header = header or {}
    article = Article("doc", text, detect_language(text), header.get("title", ""), header)
    return extract(article, split_passages(article), context())


def names_of(extraction: Extraction, type_: EntityType) -> set[str]:
    """Every name of the records of one type."""
    return {n.text for r in extraction.entities if r.type == type_ for n in r.names}


def affiliations_of(extraction: Extraction) -> set[tuple[str, str]]:
    """(person, organisation) by their first names, for each `affiliation` fact."""
    names = {r.key: r.names[0].text for r in extraction.entities}
    return {
        (names.get(f.subject, f.subject), names.get(f.value, f.value))
        for f in extraction.facts
        if f.predicate == "affiliation"
    }


def talk_list_paths() -> list[Path]:
    """The bundled talk lists (the Markdown files beside SOURCE.md)."""
    return sorted(p for p in SCHEDULES.glob("*.md") if p.name != "SOURCE.md")


@lru_cache(maxsize=1)
def founding() -> Extraction:
    return extract_file(FOUNDING)


@lru_cache(maxsize=1)
def corpus() -> tuple[Extraction, ...]:
    paths = sorted(ARTICLES.glob("*.txt")) + talk_list_paths()
    return tuple(extract_file(p) for p in paths)


@lru_cache(maxsize=1)
def corpus_resolution() -> Resolution:
    return resolve(corpus())


@lru_cache(maxsize=1)
def gold() -> dict:
    """The gold annotation without its free-text questions (not valid YAML)."""
    text = GOLD.read_text(encoding="utf-8").split("\nquestions:", 1)[0]
    return yaml.safe_load(text)
