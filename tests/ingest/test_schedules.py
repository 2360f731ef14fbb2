from extraction_support import SCHEDULES, extract_file

from forumgraph.ingest.gazetteer import load_gazetteer
from forumgraph.ingest.schedules import parse_speakers, read_schedule


def test_read_schedule_renders_one_line_per_talk():
    path = SCHEDULES / "kccncosschn19_talks_from_cncf_presentations.tsv"
    article = read_schedule(path)
    assert article.doc_id == path.stem and article.lang == "en"
    assert "Keynote: Closing Remarks — Vicki Cheung (Lyft)\n" in article.text
    assert len(article.text.splitlines()) == 1 + 247


def test_speaker_strings_parse_into_names_titles_and_organisations():
    gazetteer = load_gazetteer()
    speakers = parse_speakers("Jing Xu, Software Engineer, Google & Xing Yang", gazetteer)
    assert [(s.name, s.organization, s.job_title) for s in speakers] == [
        ("Jing Xu", "Google", "Software Engineer"),
        ("Xing Yang", None, None),
    ]
    shared = parse_speakers("Michelle Noorali & Matt Fisher, Microsoft", gazetteer)
    assert [s.organization for s in shared] == ["Microsoft", "Microsoft"]
    names_only = parse_speakers("Cheryl Hung, Dan Kohn & Taylor Carpenter", gazetteer)
    assert [s.name for s in names_only] == ["Cheryl Hung", "Dan Kohn", "Taylor Carpenter"]
    orgs = parse_speakers("Matt Farina, Samsung SDS & Josh Dolitsky, Blood Orange", gazetteer)
    assert [(s.name, s.organization) for s in orgs] == [
        ("Matt Farina", "Samsung SDS"),
        ("Josh Dolitsky", "Blood Orange"),
    ]
    assert parse_speakers("The China region", gazetteer) == []


def test_extract_schedule_gives_edition_talks_speakers_and_affiliations():
    extraction = extract_file(SCHEDULES / "kccncosschn19_talks_from_cncf_presentations.tsv")
    events = [r for r in extraction.entities if r.type == "event"]
    assert len(events) == 1
    assert events[0].names[0].text == "KubeCon + CloudNativeCon China 2019"
    talks = [r for r in extraction.entities if r.type == "talk"]
    assert len(talks) == 247
    facts = {(f.subject, f.predicate, f.value) for f in extraction.facts}
    assert ("person:brandom lum", "affiliation", "organization:ibm") in facts
    keynote = next(t.key for t in talks if t.names[0].text == "Keynote: Closing Remarks")
    assert (keynote, "talkKind", "keynote") in facts
    assert (keynote, "performer", "person:vicki cheung") in facts
    assert (keynote, "superEvent", events[0].key) in facts
    text_of = {m.entity: m.surface for m in extraction.mentions}
    assert text_of["person:vicki cheung"] == "Vicki Cheung"
