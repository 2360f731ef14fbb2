"""Precision, recall and F1 of extraction + resolution against hand annotations.

Usage:
    python scripts/eval_gold.py [ARTICLE] [GOLD_YAML]
        the founding article against its gold (people with both names, affiliations,
        organisations, events with city and dates, talks, topics); defaults:
        data/articles/kubernetes-forum-seoul-2019.ko.txt and
        tests/fixtures/kubernetes-forum-seoul-2019.yaml.
    python scripts/eval_gold.py --heldout [--split dev|test] [--verbose] [--external DIR]
        people, organisations, events, projects/tools and stated affiliations on the held-out
        set (tests/fixtures/heldout: documents the rules were not written from) and, separately,
        on the founding article, each document extracted and resolved on its own. The set has
        two halves: `dev` (documents dated before 2022, for error analysis) and `test` (2022
        on, scored only); each is reported apart, and --split limits the run (and the
        --verbose rows) to one of them. Gold files in
        tests/fixtures/heldout/external/ score texts that are not part of the project; they are
        read from ../shared/corpus (or DIR) and skipped when absent. --verbose adds one row per
        document with its false positives and misses. The matching rules are in
        scripts/score_entities.py, the gold schema in tests/fixtures/heldout/README.md.
    python scripts/eval_gold.py --set DIR [--verbose]
        the same scores on any folder of annotated documents: each `<stem>.yaml` gold file
        beside its `<stem>.txt` text (for example a set written for a genre the held-out set
        lacks).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import yaml

from forumgraph.ingest.extract import ExtractionContext, build_context, extract
from forumgraph.ingest.readers import ReadLimits, read_article
from forumgraph.ingest.resolve import name_key, resolve
from forumgraph.ingest.segment import split_passages
from forumgraph.models import Entity, EntityType, Extraction
from gold_entities import load_gold as load_entity_gold
from score_entities import LABELS, SCORED, Counts, DocumentScore, score_document, total

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "data" / "articles" / "kubernetes-forum-seoul-2019.ko.txt"
GOLD = ROOT / "tests" / "fixtures" / "kubernetes-forum-seoul-2019.yaml"
FOUNDING_ENTITIES = ROOT / "tests" / "fixtures" / "kubernetes-forum-seoul-2019.entities.yaml"
HELDOUT = ROOT / "tests" / "fixtures" / "heldout"
EXTERNAL_TEXTS = ROOT.parent / "shared" / "corpus"
# Documents dated before this year are the development half of the held-out set.
TEST_FROM_YEAR = 2022
# Gold spellings that name the same node as ours (the graph keeps Helm 3 as the project Helm).
ALIASES = {
    "cncf": "cloudnativecomputingfoundation",
    "usairforce": "unitedstatesairforce",
    "helm3": "helm",
}


def load_gold(path: Path) -> dict:
    """The gold annotation; its free-text `questions:` section is not valid YAML and is dropped."""
    text = path.read_text(encoding="utf-8").split("\nquestions:", 1)[0]
    return yaml.safe_load(text)


def canon(text: str) -> str:
    key = name_key(text)
    return ALIASES.get(key, key)


def prf(predicted: set, gold: set) -> tuple[float, float, float, int, int, int]:
    tp = len(predicted & gold)
    p = tp / len(predicted) if predicted else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, tp, len(predicted), len(gold)


def evaluate(gold: dict, extraction: Extraction, entities: dict[str, Entity], ids: dict[str, str]):
    by_type: dict[EntityType, list[Entity]] = {}
    for entity_id in set(ids.values()):
        by_type.setdefault(entities[entity_id].type, []).append(entities[entity_id])
    label = {e.id: canon(e.label("en")) for e in entities.values()}
    facts = [(ids.get(f.subject), f.predicate, ids.get(f.value, f.value)) for f in extraction.facts]
    rows = {}
    # People: both names on one node.
    predicted = {(canon(e.label("en")), e.label("ko")) for e in by_type.get(EntityType.PERSON, [])}
    rows["people (en+ko on one node)"] = prf(
        predicted, {(canon(p["name"]["en"]), p["name"]["ko"]) for p in gold["people"]}
    )
    links = {(label[s], label[v]) for s, p, v in facts if p == "affiliation" and s and v in label}
    rows["person->organization"] = prf(
        links, {(canon(p["name"]["en"]), canon(p["affiliation"])) for p in gold["people"]}
    )
    rows["organizations"] = prf(
        {canon(e.label("en")) for e in by_type.get(EntityType.ORGANIZATION, [])},
        {canon(o["en"]) for o in gold["organizations"]},
    )
    rows["events (name, city, date)"] = prf(_events(by_type, facts, label), _gold_events(gold))
    rows["talks"] = _talks(gold, by_type, facts, label)
    rows["topics"] = prf(
        {
            canon(e.label("en"))
            for t in (EntityType.TOPIC, EntityType.PROJECT)
            for e in by_type.get(t, [])
        },
        {canon(t) for t in gold_topics(gold)},
    )
    return rows


def gold_topics(gold: dict) -> set[str]:
    """The article's topic list and the topics its gold talks are annotated with."""
    talk_topics = {t for talk in gold["talks"] for t in talk.get("topics", [])}
    return set(gold["topics"]) | talk_topics


def _events(by_type, facts, label) -> set:
    """Editions held in a city, as the gold lists them (editions named without a city, such as
    a forum announced for a country, are scored by --heldout instead)."""
    out = set()
    for event in by_type.get(EntityType.EVENT, []):
        city = next((label[v] for s, p, v in facts if s == event.id and p == "location"), None)
        if city is None:
            continue
        dates = {p: v for s, p, v in facts if s == event.id and p in {"startDate", "endDate"}}
        out.add((canon(event.label("en")), city, dates.get("startDate"), dates.get("endDate")))
    return out


def _gold_events(gold) -> set:
    out = set()
    for e in gold["events"]:
        start = str(e.get("start") or e.get("month"))
        end = str(e.get("end") or e.get("month"))
        out.add((canon(e["name"]["en"]), canon(e["city"]), start, end))
    return out


def _talks(gold, by_type, facts, label):
    """A talk matches when its performers (or performing/sponsoring organisations) and kind
    group match a gold talk and the gold event is among its events."""
    event_ids = {canon(e["name"]["en"]): e["id"] for e in gold["events"]}
    predicted = set()
    for talk in by_type.get(EntityType.TALK, []):
        who = {
            label[v]
            for s, p, v in facts
            if s == talk.id and p in {"performer", "performerOrg", "sponsor"}
        }
        events = {
            event_ids.get(label[v]) for s, p, v in facts if s == talk.id and p == "superEvent"
        }
        predicted.add((frozenset(who), frozenset(events)))
    gold_talks = []
    for t in gold["talks"]:
        names = (
            t.get("speakers") or [t["speaker"]] if (t.get("speakers") or t.get("speaker")) else []
        )
        orgs = t.get("sponsors") or (
            [t["speaker_affiliation"]] if t.get("speaker_affiliation") else []
        )
        gold_talks.append((frozenset(canon(n) for n in [*names, *orgs]), t["event"]))
    matched = {(w, e) for w, e in predicted if any(gw == w and ge in e for gw, ge in gold_talks)}
    found = {(gw, ge) for gw, ge in gold_talks if any(w == gw and ge in e for w, e in predicted)}
    p = len(matched) / len(predicted) if predicted else 0.0
    r = len(found) / len(gold_talks) if gold_talks else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, len(found), len(predicted), len(gold_talks)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", type=Path, default=ARTICLE)
    parser.add_argument("gold", nargs="?", type=Path, default=GOLD)
    parser.add_argument("--heldout", action="store_true", help="score the held-out set")
    parser.add_argument("--set", type=Path, help="score a folder of <stem>.txt + <stem>.yaml")
    parser.add_argument("--verbose", action="store_true", help="per-document rows")
    parser.add_argument("--external", type=Path, default=EXTERNAL_TEXTS, help="external texts")
    parser.add_argument(
        "--split", choices=("all", "dev", "test"), default="all", help="half of the held-out set"
    )
    args = parser.parse_args(argv)
    if args.set:
        return annotated_set(args.set, verbose=args.verbose)
    if args.heldout:
        return heldout(args.external, verbose=args.verbose, split=args.split)
    return founding(args.article, args.gold)


def founding(article_path: Path, gold_path: Path) -> int:
    gold = load_gold(gold_path)
    started = time.perf_counter()
    context = build_context()
    loaded = time.perf_counter()
    article = read_article(article_path, ReadLimits())
    passages = split_passages(article)
    extraction = extract(article, passages, context)
    resolution = resolve([extraction])
    done = time.perf_counter()
    ids = resolution.entity_ids[article.doc_id]
    rows = evaluate(gold, extraction, resolution.entities, ids)
    print(f"{'type':32} {'P':>6} {'R':>6} {'F1':>6}   tp/pred/gold")
    for name, (p, r, f, tp, n_pred, n_gold) in rows.items():
        print(f"{name:32} {p:6.2f} {r:6.2f} {f:6.2f}   {tp}/{n_pred}/{n_gold}")
    print(f"context {loaded - started:.2f}s, read+extract+resolve {done - loaded:.2f}s")
    return 0


def heldout(external: Path, *, verbose: bool, split: str = "all") -> int:
    """Score the held-out set and the founding article, each document on its own."""
    started = time.perf_counter()
    context = build_context()
    documents = [(g, HELDOUT / "articles" / f"{g.stem}.txt") for g in _golds("gold")]
    missing = []
    for gold_path in _golds("external"):
        text = external / f"{gold_path.stem}.txt"
        if text.is_file():
            documents.append((gold_path, text))
        else:
            missing.append(text)
    if split != "all":
        documents = [(g, a) for g, a in documents if _half(a) == split]
    scores = [score_article(g, a, context) for g, a in documents]
    print(f"held-out set: {len(scores)} documents ({_by_language(scores)})")
    if missing:
        print(f"skipped {len(missing)} external documents: not in {external}")
    _tables(scores)
    if split == "all":
        for half in ("dev", "test"):
            subset = [s for s, (_, a) in zip(scores, documents, strict=True) if _half(a) == half]
            print(f"\n  {half} half ({len(subset)} documents)")
            _table(total(subset), indent="  ")
    if verbose:
        _rows(scores)
    founding_score = score_article(FOUNDING_ENTITIES, ARTICLE, context)
    print(f"\nfounding article: {ARTICLE.relative_to(ROOT)}")
    _table(total([founding_score]))
    if verbose:
        _rows([founding_score])
    print(f"\n{time.perf_counter() - started:.1f}s")
    return 0


def annotated_set(folder: Path, *, verbose: bool) -> int:
    """Score every `<stem>.yaml` of a folder against the `<stem>.txt` beside it."""
    golds = sorted(folder.glob("*.yaml"))
    if not golds:
        raise SystemExit(f"{folder}: no `<stem>.yaml` gold files; annotate some or check the path")
    pairs = [(g, g.with_suffix(".txt")) for g in golds]
    if missing := [f"{g.name} (no {t.name})" for g, t in pairs if not t.is_file()]:
        raise SystemExit(f"{folder}: gold files without their text: {', '.join(missing)}")
    context = build_context()
    scores = [score_article(g, t, context) for g, t in pairs]
    print(f"{folder}: {len(scores)} documents ({_by_language(scores)})")
    _tables(scores)
    if verbose:
        _rows(scores)
    return 0


def score_article(gold_path: Path, article_path: Path, context: ExtractionContext) -> DocumentScore:
    """Extract and resolve one document as ingest does, and score it against its gold."""
    gold = load_entity_gold(gold_path, article_path.read_text(encoding="utf-8"))
    article = read_article(article_path, ReadLimits())
    if article.doc_id != gold.doc_id:
        raise SystemExit(f"{gold_path}: `document` should be {article.doc_id!r} (the file stem)")
    extraction = extract(article, split_passages(article), context)
    resolution = resolve([extraction])
    ids = resolution.entity_ids[article.doc_id]
    nodes = [resolution.entities[i] for i in sorted(set(ids.values()))]
    facts = [(ids.get(f.subject), f.predicate, ids.get(f.value, f.value)) for f in extraction.facts]
    return score_document(gold, nodes, facts)


def _half(article_path: Path) -> str:
    """`dev` for a document dated before TEST_FROM_YEAR, else `test` (by its header date)."""
    article = read_article(article_path, ReadLimits())
    year = int(article.date[:4]) if article.date and article.date[:4].isdigit() else None
    return "dev" if year is not None and year < TEST_FROM_YEAR else "test"


def _golds(folder: str) -> list[Path]:
    return sorted((HELDOUT / folder).glob("*.yaml"))


def _by_language(scores: list[DocumentScore]) -> str:
    langs = sorted({s.language for s in scores})
    return ", ".join(f"{sum(s.language == lang for s in scores)} {lang}" for lang in langs)


def _tables(scores: list[DocumentScore]) -> None:
    """The totals, then the totals of each language."""
    _table(total(scores))
    for lang in sorted({s.language for s in scores}):
        subset = [s for s in scores if s.language == lang]
        print(f"\n  {lang} only ({len(subset)} documents)")
        _table(total(subset), indent="  ")


def _table(counts: dict[str, Counts], indent: str = "") -> None:
    print(f"{indent}{'type':24} {'P':>6} {'R':>6} {'F1':>6}   right/pred  found/gold")
    for type_ in SCORED:
        c = counts[type_]
        print(
            f"{indent}{LABELS[type_]:24} {c.precision:6.2f} {c.recall:6.2f} {c.f1:6.2f}"
            f"   {c.right:>5}/{c.predicted:<5} {c.found:>5}/{c.gold}"
        )


def _rows(scores: list[DocumentScore]) -> None:
    """One row per document: P/R per type, then what was wrong and what was missed."""
    heads = "  ".join(f"{LABELS[t].split()[0][:9]:>9}" for t in SCORED)
    print(f"\n{'document (P/R)':56} {heads}")
    for score in scores:
        cells = "  ".join(
            f"{score.counts[t].precision:4.2f}/{score.counts[t].recall:4.2f}" for t in SCORED
        )
        print(f"{score.doc_id[:56]:56} {cells}")
        for type_ in SCORED:
            if score.false_positives.get(type_):
                print(f"    wrong {LABELS[type_]}: {'; '.join(score.false_positives[type_])}")
            if score.misses.get(type_):
                print(f"    missed {LABELS[type_]}: {'; '.join(score.misses[type_])}")


if __name__ == "__main__":
    raise SystemExit(main())
