"""The English named-entity recogniser: the real spaCy pipeline, loaded once per process."""

from __future__ import annotations

import pytest

from forumgraph.config import Settings
from forumgraph.errors import ConfigError
from forumgraph.ingest.extract import build_context
from forumgraph.text.ner import NoRecognizer, SpacyRecognizer, create_recognizer


def test_spacy_recogniser_proposes_people_and_organisations_with_offsets():
    text = "Maria Okafor joined Microsoft in 2019. Tobias Lindqvist works at Google."
    [spans] = SpacyRecognizer().spans([text])
    found = {(s.text, s.label) for s in spans}
    assert ("Maria Okafor", "PERSON") in found
    assert ("Microsoft", "ORG") in found
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_spans_of_several_texts_come_back_in_order():
    texts = ["Bob Roe spoke.", "", "Nothing to see here."]
    result = SpacyRecognizer().spans(texts)
    assert len(result) == 3
    assert [s.text for s in result[0]] == ["Bob Roe"]
    assert result[1] == []


def test_the_factory_follows_the_setting():
    assert isinstance(create_recognizer("spacy"), SpacyRecognizer)
    assert create_recognizer("none").spans(["Bob Roe spoke."]) == [[]]
    with pytest.raises(ConfigError, match="recognizer"):
        create_recognizer("stanza")


def test_extraction_without_a_recogniser_still_uses_patterns():
    context = build_context(Settings(recognizer="none"))
    assert isinstance(context.english_recognizer(), NoRecognizer)


def test_no_span_runs_over_a_line_break():
    text = "Scaling Forty Clusters\n\nMarisol Quintero spoke about drift."
    [spans] = SpacyRecognizer().spans([text])
    assert all("\n" not in s.text for s in spans)
    assert all(text[s.start : s.end] == s.text for s in spans)
