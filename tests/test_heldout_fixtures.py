"""The held-out gold files are well-formed: schema, names written in their texts, no duplicates.

A fixture check, not a score: scripts/eval_gold.py --heldout measures extraction against them.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pyoxigraph
import pytest

REPO = Path(__file__).resolve().parent.parent
HELDOUT = REPO / "tests" / "fixtures" / "heldout"
FOUNDING = (
    REPO / "tests" / "fixtures" / "kubernetes-forum-seoul-2019.entities.yaml",
    REPO / "data" / "articles" / "kubernetes-forum-seoul-2019.ko.txt",
)
# The `source:` of texts written for the set (genres the blog lacks: news, recaps, podcast notes,
# slides, meetup pages, interviews, announcements).
OWN_TEXTS = "forumgraph evaluation set"
# Texts that may not be copied into the project; present only beside the checkout.
EXTERNAL = REPO.parent / "shared" / "corpus"


def _load_script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


gold_entities = _load_script("gold_entities")
eval_questions = _load_script("eval_questions")
_load_script("score_entities")
eval_gold = _load_script("eval_gold")
BUNDLED = sorted((HELDOUT / "gold").glob("*.yaml"))
EXTERNAL_GOLD = sorted((HELDOUT / "external").glob("*.yaml"))
GENRE_GOLD = sorted((REPO / "tests" / "fixtures" / "genres").glob("set*/*.yaml"))


def _header(text: str) -> dict[str, str]:
    head = text.split("\n\n", 1)[0]
    return dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)


@pytest.mark.parametrize("gold", BUNDLED, ids=lambda p: p.stem)
def test_bundled_gold_follows_the_schema_and_its_article(gold: Path) -> None:
    article = HELDOUT / "articles" / f"{gold.stem}.txt"
    text = article.read_text(encoding="utf-8")
    doc = gold_entities.load_gold(gold, text)
    assert doc.doc_id == article.stem
    assert doc.language == _header(text)["language"]


@pytest.mark.parametrize("gold", GENRE_GOLD, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_genre_set_gold_follows_the_schema_and_its_text(gold: Path) -> None:
    text = gold.with_suffix(".txt").read_text(encoding="utf-8")
    doc = gold_entities.load_gold(gold, text)
    assert doc.doc_id == gold.stem
    assert doc.language == _header(text)["language"]
    assert _header(text)["source"] == OWN_TEXTS


def test_every_genre_set_has_both_languages_in_equal_numbers() -> None:
    for folder in sorted({g.parent for g in GENRE_GOLD}):
        languages = [gold_entities.load_gold(g).language for g in sorted(folder.glob("*.yaml"))]
        assert len(languages) == len(list(folder.glob("*.txt"))) == 10
        assert languages.count("ko") == languages.count("en") == 5


def test_founding_article_entity_gold_follows_the_schema() -> None:
    gold, article = FOUNDING
    doc = gold_entities.load_gold(gold, article.read_text(encoding="utf-8"))
    assert doc.doc_id == article.stem
    assert len(doc.entities["person"]) == 7


@pytest.mark.parametrize("gold", EXTERNAL_GOLD, ids=lambda p: p.stem)
def test_external_gold_follows_the_schema(gold: Path) -> None:
    """Names are checked against the text when it is beside the checkout."""
    text_path = EXTERNAL / f"{gold.stem}.txt"
    text = text_path.read_text(encoding="utf-8") if text_path.is_file() else None
    doc = gold_entities.load_gold(gold, text)
    assert doc.doc_id == gold.stem
    assert not (HELDOUT / "articles" / f"{gold.stem}.txt").exists()


def test_every_article_has_a_gold_file_and_an_attribution() -> None:
    articles = sorted(p.stem for p in (HELDOUT / "articles").glob("*.txt"))
    assert articles == [p.stem for p in BUNDLED]
    readme = (HELDOUT / "README.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in readme
    assert "The Kubernetes Authors" in readme
    for stem in articles:
        assert f"`{stem}.txt`" in readme
        header = _header((HELDOUT / "articles" / f"{stem}.txt").read_text(encoding="utf-8"))
        if header["source"] == OWN_TEXTS:
            assert header["license"] == "CC BY 4.0 (forumgraph authors)"
            continue
        assert re.search(r"blog/_posts/\S+", header["source"]).group(0) in readme


def test_the_set_covers_both_languages() -> None:
    languages = [gold_entities.load_gold(p).language for p in BUNDLED + EXTERNAL_GOLD]
    assert len(BUNDLED) >= 14
    assert languages.count("ko") >= 7
    assert languages.count("en") >= 7


GOOD = """\
document: doc
language: en
people:
  - {en: Ada Lovelace, also: [Ada], affiliation: Analytical Society}
organizations:
  - {name: Analytical Society, kind: group}
events: []
projects:
  - {name: Engine, kind: project}
affiliations:
  - {person: Ada, organization: Analytical Society}
optional: []
"""
TEXT = "Ada Lovelace of the Analytical Society built the Engine. Ada wrote notes."


def test_a_good_gold_loads(tmp_path: Path) -> None:
    path = tmp_path / "doc.yaml"
    path.write_text(GOOD, encoding="utf-8")
    doc = gold_entities.load_gold(path, TEXT)
    (person,) = doc.entities["person"]
    assert person.keys == {"adalovelace", "ada"}
    assert {(p.label, o.label) for p, o in doc.affiliations} == {
        ("Ada Lovelace", "Analytical Society")
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("kind: project}", "kind: project, url: x}"), "unknown field(s) ['url']"),
        (("name: Engine", "name: Difference Engine"), "'Difference Engine' does not occur"),
        (("also: [Ada]", "also: [Ada, ada]"), "lists the same name twice"),
        (("  - {person: Ada, organization: Analytical Society}\n", ""), "disagree on"),
        (("language: en", "language: fr"), "`language` must be ko or en"),
        (("{en: Ada Lovelace, also: [Ada], ", "{role: analyst, "), "needs `en`, `ko` or"),
        (("people:\n", "people:\n  - {en: Ada}\n"), "share a name"),
    ],
)
def test_a_bad_gold_names_the_field_at_fault(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    path = tmp_path / "doc.yaml"
    path.write_text(GOOD.replace(*change), encoding="utf-8")
    with pytest.raises(gold_entities.GoldError) as error:
        gold_entities.load_gold(path, TEXT)
    assert str(path) in str(error.value)
    assert message in str(error.value)


def test_questions_are_well_formed_sparql_with_answers() -> None:
    questions = eval_questions.load_questions(HELDOUT / "questions.yaml")
    assert len(questions) >= 20
    assert len({q.kind for q in questions}) >= 6
    empty = pyoxigraph.Store()
    for question in questions:
        assert question.answers or question.ask is not None, question.id
        result = empty.query(question.query)  # parses, and runs on an empty graph
        if question.ask is None:
            assert isinstance(result, pyoxigraph.QuerySolutions), question.id
            assert list(result) == [], question.id
        else:
            assert isinstance(result, pyoxigraph.QueryBoolean), question.id


def test_any_folder_of_annotated_documents_is_scored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "doc.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "doc.txt").write_text(TEXT, encoding="utf-8")
    assert eval_gold.main(["--set", str(tmp_path), "--verbose"]) == 0
    out = capsys.readouterr().out
    assert f"{tmp_path}: 1 documents (1 en)" in out
    rows = {line.split("  ")[0]: line for line in out.splitlines()}
    # found/gold closes each row: the gold holds one person and one affiliation.
    assert rows["people"].endswith("/1")
    assert rows["affiliations (stated)"].endswith("/1")
    assert "\ndoc " in out


def test_a_gold_file_without_its_text_is_named(tmp_path: Path) -> None:
    (tmp_path / "doc.yaml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(SystemExit, match=r"without their text: doc.yaml \(no doc.txt\)"):
        eval_gold.main(["--set", str(tmp_path)])
