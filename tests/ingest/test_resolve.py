"""Resolution across the bundled corpus: articles in both languages and the talk lists."""

from extraction_support import corpus, corpus_resolution, talk_list_paths

from forumgraph.ingest.resolve import EntityIndex, resolve, slugify
from forumgraph.models import Entity, EntityRecord, EntityType, Extraction, Name


def _names(entity):
    return {n.text for n in (*entity.names, *entity.alternate_names)}


def test_hangul_and_latin_names_are_one_person_with_the_talk_list_speaker():
    resolution = corpus_resolution()
    cheryl = resolution.entities["person/cheryl-hung"]
    assert {"Cheryl Hung", "셰릴 헝"} <= _names(cheryl)
    talk_lists = [p.stem for p in talk_list_paths()]
    assert any("person:cheryl hung" in resolution.entity_ids[d] for d in talk_lists)
    for entity_id, names in [
        ("person/dan-kohn", {"Dan Kohn", "댄 컨"}),
        ("person/liz-rice", {"Liz Rice", "리즈 라이스"}),
    ]:
        assert names <= _names(resolution.entities[entity_id])


def test_misspelled_speaker_resolves_to_the_canonical_person():
    resolution = corpus_resolution()
    brandon = resolution.entities["person/brandon-lum"]
    assert brandon.label("en") == "Brandon Lum"
    assert Name("Brandom Lum", "en") in brandon.alternate_names
    assert resolution.entity_ids["2019Shanghai"]["person:brandom lum"] == ("person/brandon-lum")


def test_short_or_equally_common_names_one_letter_apart_stay_different_people():
    entities = corpus_resolution().entities
    # Lei Zhang and Wei Zhang both speak for Alibaba; Weiqiang and Weiqing Yang appear once each.
    for first, second in [("lei-zhang", "wei-zhang"), ("weiqiang-yang", "weiqing-yang")]:
        assert f"person/{first}" in entities and f"person/{second}" in entities
    # A longer name spelt differently by the same organisation's speaker is one person.
    assert Name("Philip Wittrock", "en") in entities["person/phillip-wittrock"].alternate_names


def test_korean_project_name_is_the_landscape_project():
    helm = corpus_resolution().entities["project/helm"]
    assert helm.names == (Name("Helm", "en"), Name("헬름", "ko"))


def test_variants_are_kept_as_alternate_names():
    entities = corpus_resolution().entities
    assert Name("Redhat", "en") in entities["organization/red-hat"].alternate_names
    assert Name("쿠베네티스", "ko") in entities["project/kubernetes"].alternate_names


def test_editions_join_across_languages_and_sources():
    resolution = corpus_resolution()
    ids = resolution.entity_ids
    sofia = ids["en_k8s_v137_release_event_update"]["event:kubernetes community days|sofia|2026"]
    assert (
        sofia
        == ids["ko_k8s_v137_release_event_update"]["event:kubernetes community days|sofia|2026"]
    )
    na19 = "event/kubecon-cloudnativecon-north-america-2019"
    assert na19 in ids["kubernetes-forum-seoul-2019.ko"].values()
    assert na19 in ids["2019SanDiego"].values()


def test_article_talk_joins_the_talk_list_row_by_title_and_event():
    ids = corpus_resolution().entity_ids
    article = ids["en_helm_at_kubecon_na2019"]["talk:title:introduction to helm"]
    assert article in ids["2019SanDiego"].values()
    assert article.startswith("talk/kubecon-cloudnativecon-north-america-2019/")


def test_ids_are_stable_across_runs_and_with_known_entities():
    first = corpus_resolution()
    again = resolve(corpus(), first.entities.values())
    assert again.entity_ids == first.entity_ids


def _extraction(doc_id, *records):
    return Extraction(doc_id, tuple(records), (), ())


def test_same_name_of_another_type_stays_apart():
    person = EntityRecord("person:helm", EntityType.PERSON, (Name("Helm", "en"),))
    project = EntityRecord(
        "project:helm", EntityType.PROJECT, (Name("Helm", "en"),), reference="landscape:Helm"
    )
    resolution = resolve([_extraction("a", person), _extraction("b", project)])
    assert resolution.entity_ids["a"]["person:helm"] != resolution.entity_ids["b"]["project:helm"]


def test_known_entity_keeps_its_id_on_incremental_ingest():
    known = Entity("person/dan-kohn", EntityType.PERSON, (Name("Dan Kohn", "en"),))
    record = EntityRecord(
        "person:x", EntityType.PERSON, (Name("댄 컨", "ko"), Name("Dan Kohn", "en"))
    )
    resolution = resolve([_extraction("new", record)], [known])
    assert resolution.entity_ids["new"]["person:x"] == "person/dan-kohn"
    assert Name("댄 컨", "ko") in _names_of(resolution.entities["person/dan-kohn"])


def _names_of(entity):
    return {*entity.names, *entity.alternate_names}


def test_slugs_romanise_hangul():
    assert slugify("Kubernetes Forum Seoul 2019") == "kubernetes-forum-seoul-2019"
    assert slugify("박승필") == "bakseungpil"


def test_entity_index_links_names_in_either_script():
    index = EntityIndex(corpus_resolution().entities.values())
    assert index.lookup("셰릴 헝의") == ["person/cheryl-hung"]
    assert index.lookup("brandom lum") == ["person/brandon-lum"]
    query = "리즈 라이스는 헬름 키노트"
    found = {(query[s:e], i) for s, e, i in index.find_in_text(query)}
    assert ("리즈 라이스", "person/liz-rice") in found
    assert ("헬름", "project/helm") in found
