from forumgraph.ingest.gazetteer import load_gazetteer
from forumgraph.text.particles import strip_particles


def test_landscape_projects_carry_maturity_and_hangul_aliases():
    helm = load_gazetteer().lookup("헬름")
    assert helm is not None
    assert (helm.canonical, helm.kind, helm.maturity) == ("Helm", "project", "graduated")


def test_member_suffix_is_removed_and_curated_names_join_landscape_items():
    gazetteer = load_gazetteer()
    sds = gazetteer.lookup("삼성SDS")
    assert sds is not None and sds.canonical == "Samsung SDS" and sds.kind == "organization"
    assert gazetteer.lookup("Samsung SDS (member)") is None
    assert gazetteer.lookup("Redhat").canonical == "Red Hat"


def test_hangul_spellings_are_found_by_sound_not_listed():
    sounds = load_gazetteer().sounds
    assert sounds.match("마이크로소트").canonical == "Microsoft"  # a misspelling, by sound
    assert sounds.match("오라클").canonical == "Oracle"
    assert sounds.match("도커").canonical == "Docker"  # `-er` is written `-어` in Korean
    # Words Korean borrows from English do not become the products named after them.
    assert sounds.match("스택", known_word=True) is None
    assert sounds.match("로드", known_word=True) is None
    assert sounds.match("박지성") is None
    # A place's name written by sound names no company that sounds a little like it.
    assert sounds.match("인디아", known_word=True) is None
    assert sounds.match("인디아") is None


def test_organisations_missing_from_the_landscape_come_from_the_alias_table():
    gazetteer = load_gazetteer()
    for name, canonical in [
        ("VM웨어", "VMware"),
        ("라쿠텐", "Rakuten"),
        ("삼성전자", "Samsung Electronics"),
    ]:
        assert gazetteer.lookup(name).canonical == canonical


def test_matching_strips_particles_and_skips_common_words():
    gazetteer = load_gazetteer()
    text = "쿠버네티스가 헬름의 Keep Harbor Dr 구글링 Helmwave"
    found = {
        text[m.start : m.end]: gazetteer.entries[m.value].canonical
        for m in gazetteer.matcher.find(text)
    }
    assert found == {"쿠버네티스": "Kubernetes", "헬름": "Helm", "Helmwave": "Helmwave"}


def test_strip_particles():
    assert strip_particles("쿠버네티스가") == "쿠버네티스"
    assert strip_particles("리눅스재단에서는") == "리눅스재단"


def test_hangul_words_feed_the_user_dictionary():
    words = load_gazetteer().hangul_words()
    assert "쿠버네티스" in words and "삼성SDS" in words
