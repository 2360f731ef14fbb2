"""Speakers of a transcript named by the labels that open its lines, on dialogues written for
these tests, and labels that are no speakers."""

from __future__ import annotations

from extraction_support import affiliations_of, extract_text, names_of

from forumgraph.models import EntityType, Extraction


def _people(extraction: Extraction) -> set[str]:
    return {n.text for r in extraction.entities if r.type == EntityType.PERSON for n in r.names}


def _mentions(extraction: Extraction, name: str) -> int:
    key = next(
        r.key
        for r in extraction.entities
        if r.type == EntityType.PERSON and name in {n.text for n in r.names}
    )
    return sum(m.entity == key for m in extraction.mentions)


DIALOGUE = """Saoirse: How did you get involved?

Tomasz: I went to my first conference in 2019 and stayed for the hallway track.

Saoirse: What's next?

Tomasz: More contributors, and fewer meetings.
"""


def test_labels_that_open_the_lines_of_a_dialogue_are_people():
    extraction = extract_text(DIALOGUE, {"author": "Saoirse Byrne"})
    people = _people(extraction)
    assert "Tomasz" in people
    assert "Saoirse" not in people  # the author, by her first name
    assert _mentions(extraction, "Saoirse Byrne") >= 2


def test_a_korean_dialogue():
    text = (
        "김민수: 어떻게 시작하셨나요?\n\n박지훈: 밋업에서 시작했어요.\n\n"
        "김민수: 다음 계획은요?\n\n박지훈: 문서 번역입니다."
    )
    assert {"김민수", "박지훈"} <= _people(extract_text(text))


def test_labels_that_are_no_names_or_no_dialogue_make_no_people():
    notes = (
        "Note: the API is beta.\n\nUpdate: it is now stable.\n\n"
        "Note: see the docs.\n\nUpdate: done."
    )
    assert _people(extract_text(notes)) == set()
    once = "Marta: one line only.\n\nSome prose follows here.\n\nMarta: a second line."
    assert "Marta" not in _people(extract_text(once))


def test_an_interview_s_one_speaker_between_questions_is_a_person():
    text = (
        "Q. 자기소개 부탁드립니다.\n\n임하람: 안녕하세요. 플랫폼 엔지니어입니다.\n\n"
        "Q. 처음 기여한 계기는요?\n\n임하람: 버그를 고치는 PR을 올린 게 시작이었어요.\n"
    )
    extraction = extract_text(text, {"author": "편집부"})
    assert "임하람" in _people(extraction)
    orgs = [r for r in extraction.entities if r.type == EntityType.ORGANIZATION]
    assert "편집부" not in {n.text for r in orgs for n in r.names}


def test_one_repeated_label_without_questions_is_no_speaker():
    text = "참고: 첫 번째 항목입니다.\n\n참고: 두 번째 항목입니다.\n"
    assert "참고" not in _people(extract_text(text))


def test_labels_in_capitals_and_a_host_named_in_brackets_speak_in_the_first_person():
    text = (
        "HOST (Marta Ruiz): Welcome back. First up, Tomas Varga, who runs the SRE group at "
        "Fernvale Freight. And Adaeze Okafor, a software engineer at Microsoft.\n\n"
        "TOMAS: Thanks. My colleague Siobhan Kerr spotted the gap first.\n\n"
        "ADAEZE: Back when I was doing my master's at the University of Lagos, I ran a survey.\n\n"
        "TOMAS: I'm moving to Tallowbyte in October, so this is my last episode as a Fernvale "
        "person.\n\n"
        "ADAEZE: And the SIG has been busy all summer.\n\n"
        "NOTE: edited for length.\n\n"
        "NOTE: no ads.\n"
    )
    extraction = extract_text(text)
    affiliations = affiliations_of(extraction)
    assert {
        ("Tomas Varga", "Fernvale Freight"),
        ("Tomas Varga", "Tallowbyte"),
        ("Siobhan Kerr", "Fernvale Freight"),
        ("Adaeze Okafor", "University of Lagos"),
    } <= affiliations
    assert not {"Note", "NOTE", "Tomas", "TOMAS"} & names_of(extraction, EntityType.PERSON)
    assert "SIG has" not in names_of(extraction, EntityType.ORGANIZATION)
