"""Editions named in passing, on sentences written for these tests: a country as the venue, a
year written with the series, a series spelled in two scripts, `last year`, `행사` for the
article's own event, and Korean lines wrapped mid-sentence."""

from __future__ import annotations

from extraction_support import context, extract_text, names_of

from forumgraph.ingest.dates import find_dates
from forumgraph.ingest.extract import extract
from forumgraph.ingest.extract_event_names import mixed_spelling, prose_sentences
from forumgraph.ingest.segment import split_passages
from forumgraph.models import Article, EntityType, Extraction
from forumgraph.text.language import detect_language


def _extract(text: str, date: str = "2023-06-01", title: str = "") -> Extraction:
    header = {"date": date, "title": title}
    article = Article("doc", text, detect_language(text), title, header)
    return extract(article, split_passages(article), context())


def _events(extraction: Extraction) -> set[str]:
    return {
        n.text
        for r in extraction.entities
        if r.type == EntityType.EVENT
        for n in (*r.names, *r.variants)
    }


def _event_count(extraction: Extraction) -> int:
    return sum(r.type == EntityType.EVENT for r in extraction.entities)


# A country as the venue ------------------------------------------------------------------


def test_countries_in_a_list_of_venues_make_editions_named_as_written():
    found = _events(
        _extract("Kubernetes Community Days has events planned in Spain, the UK, and in Berlin.")
    )
    assert {
        "Kubernetes Community Days Spain 2023",
        "Kubernetes Community Days UK 2023",
        "Kubernetes Community Days Berlin 2023",
    } <= found


def test_a_korean_country_with_a_locative_particle_is_a_venue():
    found = _events(_extract("내년에는 쿠버네티스 포럼이 브라질에서 한 번 열릴 예정이다."))
    assert "Kubernetes Forum Brazil 2024" in found


def test_a_country_named_for_another_reason_is_not_a_venue():
    assert _event_count(_extract("쿠버네티스 포럼에서 프랑스 기업의 사례가 소개되었다.")) == 0
    assert _event_count(_extract("KCD organisers from Spain and France met online.")) == 0


def test_a_country_written_with_the_series_names_the_edition_held_in_its_city():
    found = _events(_extract("올해 KCD 코리아 2025가 서울 코엑스에서 열린다.", date="2025-03-01"))
    assert {"Kubernetes Community Days South Korea 2025", "KCD 코리아 2025"} <= found
    assert not any("Seoul" in n or "서울" in n for n in found)
    extraction = _extract("KCD Portugal 2025 will be held in Lisbon.", date="2025-03-01")
    assert {"KCD Portugal 2025", "Kubernetes Community Days Portugal 2025"} <= _events(extraction)
    assert _event_count(extraction) == 1


def test_a_country_written_by_sound_names_the_edition():
    found = _events(_extract("내년 KCD 재팬은 오사카에서 열릴 예정이다.", date="2025-06-02"))
    assert "Kubernetes Community Days Japan 2026" in found


def test_a_city_of_the_country_names_the_edition():
    found = _events(_extract("올해 쿠버네티스 포럼은 영국 런던에서 열렸다."))
    assert "Kubernetes Forum London 2023" in found
    assert not any("United Kingdom" in n for n in found)


# A year written with the series -----------------------------------------------------------


def test_series_and_year_alone_name_an_edition():
    extraction = _extract("She spoke at KubeCon 2017 about storage.", date="2019-01-01")
    assert "KubeCon 2017" in _events(extraction)
    assert _event_count(extraction) == 1


def test_series_and_year_join_the_edition_the_text_places():
    text = "He spoke at KubeCon 2017 on tracing. Later he ran a panel at KubeCon 2017 in Austin."
    extraction = _extract(text, date="2019-01-01")
    found = _events(extraction)
    assert {"KubeCon 2017", "KubeCon + CloudNativeCon North America 2017"} <= found
    assert _event_count(extraction) == 1


def test_a_year_not_written_with_the_series_names_no_edition():
    assert _event_count(_extract("KubeCon has grown every year since 2017.")) == 0


# Other spellings and references ---------------------------------------------------------------


def test_a_series_spelled_in_two_scripts():
    pattern = mixed_spelling(_series("Kubernetes Community Days"))
    assert pattern is not None
    assert pattern.search("쿠버네티스 커뮤니티 Days가 열린다")
    assert pattern.search("Kubernetes 커뮤니티 데이즈")
    assert not pattern.search("쿠버네티스 커뮤니티 Slack")


def test_a_mixed_script_series_makes_editions():
    found = _events(_extract("쿠버네티스 Forum이 올해 5월 도쿄에서 열렸다."))
    assert "Kubernetes Forum Tokyo 2023" in found


def test_last_year_dates_an_edition_by_the_article():
    found = _events(_extract("Last year's KubeCon in Chicago was crowded.", date="2024-02-01"))
    assert "KubeCon + CloudNativeCon North America 2023" in found
    assert [d.start for d in find_dates("작년 시카고 행사는", 2024, 2024)] == ["2023"]
    assert find_dates("작년 시카고 행사는", 2024, 2024)[0].explicit_year is False
    assert find_dates("작년 3월 행사", 2024, 2024)[0].start == "2023-03"


def test_a_bare_event_noun_is_the_event_of_the_title():
    title = "KubeCon + CloudNativeCon North America 2023 참가기"
    text = "컨퍼런스는 매년 다른 도시에서 열립니다. 내년에는 솔트레이크시티에서,\n행사가 열립니다."
    found = _events(_extract(text, date="2023-11-20", title=title))
    assert "KubeCon + CloudNativeCon North America 2024" in found


def test_a_city_without_an_event_noun_makes_no_edition():
    title = "KubeCon + CloudNativeCon North America 2023 참가기"
    text = "돌아오는 길에는 시카고에서,\n비행기를 갈아탔습니다."
    extraction = _extract(text, date="2023-11-20", title=title)
    assert _event_count(extraction) == 1  # only the title's edition


def test_wrapped_korean_lines_are_one_sentence_and_finished_ones_are_not():
    joined = prose_sentences("작년에는 시카고에서,\n행사가 열렸다.")
    assert [s.text for s in joined] == ["작년에는 시카고에서,\n행사가 열렸다."]
    apart = prose_sentences("행사가 열렸다\n다음 해에도 열린다.")
    assert len(apart) == 2


def _series(name: str):
    entry = context().gazetteer.lookup(name, EntityType.SERIES.value)
    assert entry is not None
    return entry


# Series known by their form ---------------------------------------------------------------


def _series_names(extraction: Extraction) -> set[str]:
    return {n.text for r in extraction.entities if r.type == EntityType.SERIES for n in r.names}


def test_a_camel_case_con_named_as_an_event_is_a_series_and_its_year_an_edition():
    extraction = _extract("She gave a keynote at RustyMeshCon 2022 in Detroit.")
    assert "RustyMeshCon" in _series_names(extraction)
    assert {"RustyMeshCon 2022", "RustyMeshCon Detroit 2022"} <= _events(extraction)
    assert _event_count(extraction) == 1
    assert "GraphQueryCon" in _series_names(_extract("GraphQueryCon was held online."))


def test_a_camel_case_con_without_event_context_is_not_a_series():
    extraction = _extract("The TeleCon recording and the FalconCon plugin are online.")
    assert _series_names(extraction) == set()


def test_a_day_or_summit_someone_ran_or_hosted_is_a_series_over_an_organisation_guess():
    ran = _extract("The day before, the Nordic user group ran Fjord Community Day in Oslo.")
    assert "Fjord Community Day" in _series_names(ran)
    hosted = _extract("Acme hosted the third annual Platform Builders Summit.")
    assert "Platform Builders Summit" in _series_names(hosted)
    assert "Platform Builders Summit" not in {
        n.text for r in hosted.entities if r.type == EntityType.ORGANIZATION for n in r.names
    }
    assert _series_names(_extract("He founded Acme Summit Partners and ran it for years.")) == set()


def test_a_con_before_a_place_and_a_year_and_a_summit_held_by_its_organiser():
    extraction = _extract(
        "The forum grew every year since it moved from MeshyCon Japan in 2016. In March, the "
        "foundation held its first Fjord Builders Summit in Oslo.",
        date="2024-08-06",
    )
    assert {"MeshyCon", "Fjord Builders Summit"} <= _series_names(extraction)
    assert "MeshyCon Japan 2016" in _events(extraction)


def test_a_camel_case_day_or_conf_named_as_an_event_is_a_series():
    extraction = _extract("Two of us attended FjordDay Norway in Bergen and spoke at GlacierConf.")
    assert {"FjordDay", "GlacierConf"} <= _series_names(extraction)


def test_the_year_written_with_series_and_place_wins_over_another_year_in_the_clause():
    extraction = _extract(
        "국내에서는 KCD 서울 2023과 2022년 쿠버네티스 포럼 서울에 참석했다.", date="2024-02-14"
    )
    names = _events(extraction)
    assert {"KCD 서울 2023", "Kubernetes Forum Seoul 2022"} <= names
    assert "Kubernetes Community Days Seoul 2022" not in names


def test_a_quoted_name_ending_in_an_event_noun_held_somewhere_is_an_event():
    extraction = _extract(
        "지난 2일 서울에서 열린 '클라우드 네이티브 보안 세미나'에는 200여 명이 참석했다. "
        "부산에서는 'Acme 커뮤니티 데이 부산'이 처음 개최됐다. 그는 '좋은 데이'라고 말했다.",
        date="2024-11-05",
    )
    series = _series_names(extraction)
    assert {"클라우드 네이티브 보안 세미나", "Acme 커뮤니티 데이"} <= series
    assert "좋은 데이" not in series
    assert "Acme 커뮤니티 데이 부산 2024" in _events(extraction)


def test_an_unquoted_korean_name_after_held_with_an_event_noun_or_a_year():
    extraction = _extract(
        "지난 5월 열린 2024 가람 네이티브 서밋에서는 경험을 공유했다. 10월 코엑스에서 개최된 "
        "누리 데브옵스 2024에도 인파가 몰렸다. 지난달 열린 이번 세미나에는 50명이 왔다.",
        date="2024-12-01",
    )
    series = _series_names(extraction)
    assert {"가람 네이티브 서밋", "누리 데브옵스"} <= series
    assert not any("이번" in name for name in series)


def test_a_summit_held_somewhere_after_a_comma_is_an_event_not_an_organisation():
    extraction = _extract(
        "The Fjord Builders Summit, held in Oslo in May, sold out.", date="2024-06-01"
    )
    assert "Fjord Builders Summit" in _series_names(extraction)
    assert "Fjord Builders Summit Oslo 2024" in _events(extraction)
    assert "Fjord Builders Summit" not in names_of(extraction, EntityType.ORGANIZATION)


def test_a_month_of_another_event_in_the_sentence_does_not_date_a_region_s_edition():
    extraction = _extract(
        "He ran the Fjord Contributor Day in December and hosted ContribFest at KubeCon EU.",
        date="2023-05-01",
    )
    names = _events(extraction)
    assert "KubeCon + CloudNativeCon Europe 2023" in names
    assert "KubeCon + CloudNativeCon Europe 2022" not in names


def test_a_research_conference_where_a_paper_was_published_is_a_series():
    extraction = _extract(
        "They presented a paper on tail sampling at QSYS 2023. The team works at KTSX.",
        date="2024-01-10",
    )
    series = _series_names(extraction)
    assert "QSYS" in series
    assert "KTSX" not in series


def test_an_event_held_before_or_with_an_edition_is_held_where_and_when_it_is():
    extraction = _extract(
        "We met at GlacierCon, co-located with KubeCon Europe in Paris. I also spoke at FOSDEM "
        "and at KubeCon North America in Salt Lake City.",
        date="2024-02-14",
    )
    names = _events(extraction)
    assert "GlacierCon Paris 2024" in names
    assert not any(name.startswith("FOSDEM ") for name in names)
    after = _extract(
        "If you are at KubeCon Europe in Amsterdam this March, don't miss the Contributor "
        "Summit the day before.",
        date="2026-01-10",
    )
    assert "Kubernetes Contributor Summit Amsterdam 2026" in _events(after)


def test_a_month_without_a_year_takes_the_year_the_city_holds_the_known_edition():
    extraction = _extract(
        "If you are at KubeCon Europe in Amsterdam this March, come to the project booth.",
        date="2025-12-17",
    )
    names = _events(extraction)
    assert "KubeCon + CloudNativeCon Europe 2026" in names
    assert "KubeCon + CloudNativeCon Europe 2025" not in names


def test_a_hackathon_announced_and_a_camel_case_fest_held_are_series():
    extraction = _extract(
        "The foundation announced the Fjord Native Hackathon at its spring meeting. "
        "Later, GlacierFest 2024 was held in Oslo.",
        date="2024-11-05",
    )
    assert {"Fjord Native Hackathon", "GlacierFest"} <= _series_names(extraction)


def test_a_two_digit_year_with_an_apostrophe_names_the_edition():
    extraction = _extract("We spoke at KubeCon NA '23 about upgrades.", date="2024-02-14")
    names = _events(extraction)
    assert "KubeCon + CloudNativeCon North America 2023" in names
    assert "KubeCon + CloudNativeCon North America 2024" not in names


def test_a_day_named_after_a_project_is_a_series_and_its_year_an_edition():
    extraction = _extract("Links:\n- Prometheus Community Day 2023 (Lisbon)\n", date="2024-01-10")
    assert "Prometheus Community Day" in _series_names(extraction)
    assert "Prometheus Community Day 2023" in _events(extraction)


def test_a_year_an_edition_is_planned_for_dates_it():
    extraction = _extract(
        "The first KubeCon + CloudNativeCon Japan is planned for 2025 in Tokyo.", date="2024-08-06"
    )
    names = _events(extraction)
    assert "KubeCon + CloudNativeCon Japan 2025" in names
    assert "KubeCon + CloudNativeCon Japan 2024" not in names


def test_a_region_beside_a_series_named_by_city_names_its_edition():
    found = _events(_extract("GraphQueryCon EU 2022 ran online for two days."))
    assert "GraphQueryCon EU 2022" in found
    assert _event_count(_extract("Kubernetes Community Days drew people from Europe.")) == 0


def test_a_dated_event_noun_in_a_recap_is_the_titled_series():
    title = "KubeCon + CloudNativeCon North America 2019 recap"
    dated = _extract("Last year's event in Seattle was smaller.", date="2019-12-01", title=title)
    assert "KubeCon + CloudNativeCon North America 2018" in _events(dated)
    undated = _extract("After the event, we flew to Seattle.", date="2019-12-01", title=title)
    assert _event_count(undated) == 1  # only the title's edition


def test_a_one_word_series_in_another_case_is_the_series():
    extraction = _extract("She spoke at kubecon 2017 about storage.", date="2019-01-01")
    assert "kubecon 2017" in _events(extraction)
    assert _series_names(_extract("The kubecon-tools repository moved.")) == set()


def test_a_region_that_is_a_country_names_a_region_series_edition_only_as_venue():
    named = _events(_extract("KubeCon Japan 2023 sold out."))
    assert "KubeCon + CloudNativeCon Japan 2023" in named
    placed = _events(_extract("올해 KubeCon 행사가 일본에서 처음 열렸다."))
    assert "KubeCon + CloudNativeCon Japan 2023" in placed
    assert _event_count(_extract("KubeCon drew many attendees from Japan this year.")) == 0


def test_the_year_written_with_the_name_wins_over_a_month_of_an_earlier_year():
    text = (
        "이 회사는 2019년 12월 서울에서 열린 쿠버네티스 포럼에 참석했다. 그는 오는 5월 온라인으로 "
        "열리는 KubeCon + CloudNativeCon Europe 2021에서도 국내 사례가 나올 것으로 내다봤다."
    )
    events = _events(_extract(text, date="2021-03-18"))
    assert "KubeCon + CloudNativeCon Europe 2021" in events
    assert "KubeCon + CloudNativeCon Europe 2019" not in events


def test_an_edition_named_with_the_co_located_event_is_known_by_that_name():
    text = (
        "The next events are KubeCon + CloudNativeCon + Open Source Summit China in Shanghai "
        "in June 2019."
    )
    events = _events(_extract(text, date="2019-05-21"))
    assert "KubeCon + CloudNativeCon + Open Source Summit China 2019" in events
    # the name with the AI conference too, before the city it was held in
    text = (
        "Crowds filled the halls of KubeCon + CloudNativeCon + Open Source Summit + AI_dev "
        "China 2024, the first time the show came to Hong Kong."
    )
    assert "KubeCon + CloudNativeCon China 2024" in _events(_extract(text, date="2024-08-30"))


def test_a_past_show_in_a_month_after_the_article_s_is_of_the_year_before():
    found = _events(
        _extract(
            "December's show in Seattle drew 8,000. The Shanghai edition in June will be the "
            "first.",
            date="2019-05-21",
            title="KubeCon + CloudNativeCon Europe 2019 opens in Barcelona",
        )
    )
    assert "KubeCon + CloudNativeCon North America 2018" in found
    assert "KubeCon + CloudNativeCon China 2019" in found
    assert "KubeCon + CloudNativeCon North America 2019" not in found


def test_a_co_located_day_named_in_capitals_is_an_event():
    extraction = _extract(
        "At the co-located Cloud Native Wasm Day, maintainers showed Spin. "
        "The Observability Day co-located event was full."
    )
    series = {n.text for r in extraction.entities if r.type == EntityType.SERIES for n in r.names}
    assert {"Cloud Native Wasm Day", "Observability Day"} <= series
    assert not any(
        r.type == EntityType.SERIES for r in _extract("Monday was a Good Day for us.").entities
    )


def test_a_relative_year_dates_the_months_after_it_in_the_sentence():
    found = _events(
        _extract(
            "Last year's show in Valencia was smaller, and the Detroit edition in October felt "
            "quieter still.",
            date="2023-05-02",
            title="What we learned at KubeCon Amsterdam",
        )
    )
    assert {
        "KubeCon + CloudNativeCon Europe 2022",
        "KubeCon + CloudNativeCon North America 2022",
    } <= found


def test_a_relative_year_in_the_place_s_clause_wins_over_the_year_of_the_series_before():
    found = _events(
        _extract(
            "KubeCon + CloudNativeCon Europe 2019 opened with 7,000 people, nearly double the "
            "crowd that came to Copenhagen a year ago.",
            date="2019-05-21",
        )
    )
    assert {
        "KubeCon + CloudNativeCon Europe 2019",
        "KubeCon + CloudNativeCon Europe 2018",
    } <= found


def test_the_time_of_a_city_in_a_dated_sentence_is_the_title_series_edition_there():
    title = "KubeCon + CloudNativeCon North America 2018 참가기"
    found = _events(
        _extract("작년 오스틴 때보다 참가자가 두 배 늘었습니다.", date="2018-12-20", title=title)
    )
    assert "KubeCon + CloudNativeCon North America 2017" in found
    unrelated = _extract(
        "작년 오스틴에 갔을 때 비가 왔습니다. 작년 오스틴 때문에 바빴습니다.",
        date="2018-12-20",
        title=title,
    )
    assert _event_count(unrelated) == 1  # only the title's edition


def test_a_quoted_name_with_a_year_held_somewhere_is_an_event():
    text = (
        "지난 5일 부산 벡스코에서 열린 '데브옵스 서밋 2024'에서 여러 발표가 있었다. "
        "'State of Cloud 2024'에 따르면 도입이 늘었다."
    )
    extraction = _extract(text, date="2024-06-10")
    assert "데브옵스 서밋 부산 2024" in _events(extraction)
    series = {n.text for r in extraction.entities if r.type == EntityType.SERIES for n in r.names}
    assert "State of Cloud" not in series


def test_events_in_a_list_after_co_located_events_include():
    text = (
        "Co-located events on the first morning include Cloud Native Storage Day and "
        "PipelineCon Europe, both free for attendees."
    )
    series = names_of(extract_text(text), EntityType.SERIES)
    assert {"Cloud Native Storage Day", "PipelineCon"} <= series


def test_an_edition_named_by_series_and_year_keeps_that_name():
    text = "협회는 13일 서울 여의도에서 '보안 자동화 포럼 2025'를 개최했다고 밝혔다."
    extraction = extract_text(text, {"date": "2025-03-14"})
    assert "보안 자동화 포럼 2025" in names_of(extraction, EntityType.EVENT)


def test_well_known_conferences_and_two_series_in_one_city_and_year():
    text = (
        "4월에는 AWS 서밋 서울 2024가 코엑스에서 열렸다. 11월에는 데브옵스데이즈 서울이 열렸다.\n\n"
        "It started at FOSDEM in Brussels in February, and ended at AWS re:Invent in Las Vegas."
    )
    events = names_of(extract_text(text, {"date": "2024-12-28"}), EntityType.EVENT)
    assert {"AWS Summit Seoul 2024", "DevOpsDays Seoul 2024"} <= events
    assert {"FOSDEM Brussels 2024", "AWS re:Invent Las Vegas 2024"} <= events


def test_korean_developer_conferences_and_a_summit_someone_helped_run():
    text = (
        "우아한형제들의 우아콘 2023도 잠실에서 열렸다.\n\n"
        "I also helped run the Maintainer Summit at KubeCon North America in Chicago."
    )
    extraction = extract_text(text, {"date": "2023-12-28"})
    assert "WOOWACON 2023" in names_of(extraction, EntityType.EVENT)
    assert "Maintainer Summit" in names_of(extraction, EntityType.SERIES)


def test_open_source_summit_editions_are_named_by_region():
    text = (
        "Open Source Summit Japan and KubeCon + CloudNativeCon Japan share a week in Tokyo in June."
    )
    events = names_of(extract_text(text, {"date": "2025-05-20"}), EntityType.EVENT)
    assert {"Open Source Summit Japan 2025", "KubeCon + CloudNativeCon Japan 2025"} <= events


def test_a_korean_day_named_after_a_project_is_a_series_with_its_english_name():
    text = (
        "그리고 프로메테우스 커뮤니티 데이도 같은 주에 열렸다. Kubernetes와 관련된 컨퍼런스가 "
        "열렸다는 소식도 있었다."
    )
    extraction = _extract(text, date="2025-06-25")
    series = names_of(extraction, EntityType.SERIES)
    assert {"프로메테우스 커뮤니티 데이", "Prometheus Community Day"} <= series
    assert not any("관련된" in name for name in series)


def test_an_edition_said_to_be_over_is_not_of_a_year_after_the_article():
    text = (
        "The old mirror stops on March 1, 2026.\n\nSome of us were also at the recent KCD "
        "Porto, where we gave a talk on mirrors."
    )
    assert "Kubernetes Community Days Porto 2025" in _events(_extract(text, date="2025-09-15"))


def test_a_korean_event_held_the_day_before_the_host_named_first():
    text = (
        "KubeCon + CloudNativeCon 북미 2025(애틀랜타, 11월 10-13일)와 그 전날 열리는 쿠버네티스 "
        "기여자 서밋에 리드들이 참석한다."
    )
    events = _events(_extract(text, date="2025-09-20"))
    assert "KubeCon + CloudNativeCon North America 2025" in events
    assert "Kubernetes Contributor Summit Atlanta 2025" in events


def test_a_day_named_after_its_organiser_is_a_series():
    text = "The day before, the Linux Foundation ran an OpenSSF Day for maintainers."
    assert "OpenSSF Day" in names_of(_extract(text), EntityType.SERIES)


def test_an_upcoming_edition_is_not_of_a_year_before_the_article_and_a_capital_is_a_place():
    text = (
        "Our first talk was at KubeCon Europe in Valencia.\n\n"
        "The upcoming KubeCon India in Mumbai will be our first trip there, and we hope to "
        "return to KCD Riga in the spring."
    )
    events = _events(_extract(text, date="2025-11-20"))
    assert "KubeCon + CloudNativeCon India 2025" in events
    assert "KubeCon + CloudNativeCon India 2022" not in events
    assert any(name.startswith("Kubernetes Community Days Riga") for name in events)


def test_the_edition_in_a_city_is_the_known_edition_there():
    text = (
        "At the last KubeCon North America we ran a booth. The previous edition in Salt Lake "
        "City was smaller."
    )
    assert "KubeCon + CloudNativeCon North America 2024" in _events(
        _extract(text, date="2025-11-20")
    )


def test_a_korean_loanword_of_events_is_no_product_by_sound():
    text = "1월 14일에 릴리스 팀 멤버들이 주요 내용을 소개하는 웨비나를 연다."
    assert not names_of(_extract(text, date="2027-01-01"), EntityType.PROJECT)


def test_an_event_held_before_one_of_two_editions_a_sentence_places():
    text = (
        "Meet us at the Maintainer Summit before KubeCon North America in Atlanta, and at KCD "
        "Romania in the spring."
    )
    assert "Maintainer Summit Atlanta 2025" in _events(_extract(text, date="2025-07-08"))


def test_a_region_edition_then_its_city_is_the_edition_there():
    text = (
        "KubeCon Europe was held in Paris this spring. Organisers confirmed that the next "
        "Europe edition heads to Amsterdam in 2026."
    )
    events = _events(_extract(text, date="2024-04-02"))
    assert "KubeCon + CloudNativeCon Europe 2026" in events
    assert _event_count(_extract(text, date="2024-04-02")) == 2


def test_the_previous_edition_in_a_city_is_its_last_one_before_a_later_running_year():
    text = (
        "On April 9, 2027 the new API becomes the default, and we explain why at KubeCon.\n\n"
        "We showed the first draft at the previous edition in Salt Lake City."
    )
    events = _events(_extract(text, date="2027-01-15"))
    assert "KubeCon + CloudNativeCon North America 2024" in events
    assert "KubeCon + CloudNativeCon North America 2027" not in events


def test_days_and_cons_named_after_projects_are_held_with_the_title_edition():
    text = (
        "Monday was for side events: I went back and forth between FluxCon and Crossplane "
        "Community Day, and spent the evening at Cloud Native Rejekts."
    )
    events = _events(_extract(text, date="2026-03-30", title="KubeCon Amsterdam 2026 recap"))
    assert {"FluxCon Amsterdam 2026", "Crossplane Community Day Amsterdam 2026"} <= events
    assert "Cloud Native Rejekts Amsterdam 2026" in events


def test_no_edition_held_with_the_title_for_another_time_or_a_place_of_its_own():
    text = "Next year I hope to make it to FluxCon. The Maintainer Summit in Berlin was small."
    events = _events(_extract(text, date="2026-03-30", title="KubeCon Amsterdam 2026 recap"))
    assert not any(e.startswith("FluxCon") for e in events)
    assert not any(e.startswith("Maintainer Summit Amsterdam") for e in events)


def test_a_summit_the_day_before_the_conference_is_held_with_the_edition_named_before():
    text = (
        "The team will be at KubeCon + CloudNativeCon North America 2026 in Los Angeles. Most "
        "of us will also join the Maintainer Summit the day before the conference starts."
    )
    assert "Maintainer Summit Los Angeles 2026" in _events(_extract(text, date="2026-06-01"))


def test_co_located_events_in_the_paragraph_of_an_edition_are_held_with_it():
    text = (
        "**KubeCon + CloudNativeCon Europe 2026** — Amsterdam, 23–26 March. Co-located events "
        "on Monday include **ArgoCon** and **BackstageCon**. The **Kubernetes Contributor "
        "Summit** runs on Sunday for org members.\n\n"
        "Elsewhere: we also like Cloud Native Rejekts."
    )
    events = _events(_extract(text, date="2026-02-16"))
    assert {"ArgoCon Amsterdam 2026", "BackstageCon Amsterdam 2026"} <= events
    assert "Kubernetes Contributor Summit Amsterdam 2026" in events
    # another paragraph, with no cue, names no edition
    assert not any(e.startswith("Cloud Native Rejekts") for e in events)


def test_a_co_located_event_is_not_held_with_another_co_located_one():
    text = "Cloud Native Rejekts Amsterdam 2026 was packed. Someone there praised ArgoCon."
    events = _events(_extract(text, date="2026-04-01"))
    assert not any(e.startswith("ArgoCon") for e in events)


def test_a_year_later_counts_from_the_year_the_text_told_last():
    text = (
        "My first KubeCon was Barcelona in 2019.\n\n"
        "Two years later I was in Valencia for KubeCon Europe.\n\n"
        "2024년에는 회사를 옮겼다. 홍콩 KubeCon China에 출장을 갔다."
    )
    events = _events(_extract(text, date="2025-07-01"))
    assert "KubeCon + CloudNativeCon Europe 2021" in events
    assert "KubeCon + CloudNativeCon China 2024" in events
    # a year said in passing inside a sentence frames no later sentence
    later = _events(
        _extract(
            "We shipped v2 in 2019, and it held.\n\nHong Kong KubeCon China was fun.",
            date="2025-07-01",
        )
    )
    assert "KubeCon + CloudNativeCon China 2019" not in later


def test_years_told_in_a_long_text_count_once_and_a_heading_repeats_its_paragraph():
    filler = " ".join(f"세션 {i}번은 정말 좋았고 사람들이 많이 왔습니다." for i in range(40))
    text = (
        "## 2018년, 코펜하겐\n\n처음 KubeCon에 간 건 2018년 5월 코펜하겐이었습니다. "
        f"{filler}\n\n"
        "## 그 이듬해, 바르셀로나\n\n그 이듬해에는 바르셀로나에 갔습니다. "
        f"{filler}\n\n"
        "## 2년 뒤, 모니터 앞에서\n\n2년 뒤에는 시카고 KubeCon North America에 갔습니다.\n\n"
        "다음 해에는 디트로이트 KubeCon에 갔습니다."
    )
    events = _events(_extract(text, date="2026-01-12"))
    assert {
        "KubeCon + CloudNativeCon Europe 2019",
        "KubeCon + CloudNativeCon North America 2021",
        "KubeCon + CloudNativeCon North America 2022",
    } <= events


def test_an_undated_text_is_dated_by_its_dateline():
    text = (
        "**AUSTIN, Texas — October 2, 2025** — Acme will present at KubeCon. A first "
        "prototype was shown at Kubernetes Community Days Austin in May."
    )
    article = Article(doc_id="doc", text=text, lang="en", title="Acme at KubeCon")
    events = _events(extract(article, split_passages(article), context()))
    assert "Kubernetes Community Days Austin 2025" in events


def test_events_the_weekend_before_are_held_with_the_edition_named_before():
    text = (
        "Atlanta is in eight weeks: KubeCon North America, November.\n\n"
        "I'm doing BackstageCon on the Monday, and Cloud Native Rejekts the weekend before."
    )
    events = _events(_extract(text, date="2025-09-18"))
    assert {"BackstageCon Atlanta 2025", "Cloud Native Rejekts Atlanta 2025"} <= events


def test_a_sentence_placing_a_co_located_event_places_the_host_it_names():
    text = "Last year in Salt Lake City you went to Rejekts and then all three days of KubeCon."
    events = _events(_extract(text, date="2025-09-18"))
    assert "KubeCon + CloudNativeCon North America 2024" in events
    # not where the table holds the host elsewhere that year
    other = "Last year in Berlin you went to Rejekts and then all three days of KubeCon."
    assert not any(e.startswith("KubeCon") for e in _events(_extract(other, date="2025-09-18")))


def test_a_list_of_talks_under_year_headings():
    text = (
        "Talks\n\n## 2025\n\n"
        "- **ArgoCon Europe**, London — a talk on ApplicationSets\n"
        "- **Cloud Native Rejekts**, London — the talk ArgoCon turned down\n\n"
        "## 2024\n\n"
        "- **KCD Warsaw** — keynote\n"
        "- **Cloud Native Rejekts**, Paris — GitOps offline\n\n"
        "## Earlier\n\n"
        "- **Open Source Summit Europe**, Vienna (2019) — my first talk. I was nervous.\n"
    )
    events = _events(_extract(text, date="2025-06-02"))
    assert {"Cloud Native Rejekts London 2025", "Cloud Native Rejekts Paris 2024"} <= events
    assert "Kubernetes Community Days Warsaw 2024" in events
    assert "Open Source Summit Europe 2019" in events
    # a year heading names no edition of the line below it
    assert not any(e.endswith(("| 2024", " 2024 2024")) for e in events)


def test_a_city_after_a_comma_is_the_venue_only_where_the_event_opens_the_line():
    said = "I met people from Cloud Native Rejekts, Paris was lovely that year."
    assert not any("Paris" in e for e in _events(_extract(said, date="2024-06-01")))


def test_a_korean_summit_during_an_edition_named_before_it():
    text = (
        "시카고에서 열린 KubeCon + CloudNativeCon North America 2023 기간 중 쿠버네티스 "
        "기여자 서밋에도 갔다."
    )
    events = _events(_extract(text, date="2023-12-01"))
    assert any(e.startswith("Kubernetes Contributor Summit Chicago 2023") for e in events)


def test_a_city_and_year_of_a_known_edition_after_the_series_is_that_edition():
    text = (
        "Q: When did you first speak at KubeCon?\n\n"
        "A: Copenhagen, 2018. Then Shanghai in 2019, and I moved to Lisbon in 2021."
    )
    events = _events(_extract(text, date="2025-01-10"))
    assert "KubeCon + CloudNativeCon Europe 2018" in events
    assert "KubeCon + CloudNativeCon China 2019" in events
    assert not any("2021" in e for e in events)


def test_a_plural_series_name_with_cities_and_a_forum_named_with_a_year():
    text = (
        "It copies the old Kubernetes Forums in Seoul and Sydney in 2019. The Edge Native Forum "
        "2026 opens its CFP next week."
    )
    events = _events(_extract(text, date="2025-12-01"))
    assert {"Kubernetes Forum Seoul 2019", "Kubernetes Forum Sydney 2019"} <= events
    assert "Edge Native Forum" in names_of(_extract(text, date="2025-12-01"), EntityType.SERIES)


def test_a_city_in_the_title_of_another_region_makes_no_edition_of_a_region_named_series():
    events = _events(
        _extract(
            "이번 밋업 안내입니다.",
            date="2025-07-01",
            title="[CNCG 대구] KubeCon Japan 2025 후기 밋업",
        )
    )
    assert not any("Daegu" in e or "대구" in e for e in events)


def test_a_region_s_undated_edition_is_the_text_s_year_where_the_table_holds_one():
    text = (
        "KubeCon India made its debut last December. Meanwhile, KubeCon China came back, "
        "landing in Hong Kong."
    )
    events = _events(_extract(text, date="2025-06-20"))
    assert "KubeCon + CloudNativeCon China 2025" in events
    assert "KubeCon + CloudNativeCon China 2024" not in events


def test_a_dated_city_after_a_co_located_event_is_the_region_named_series_edition():
    text = (
        "This was my third KubeCon Europe, and ArgoCon was packed.\n\n"
        "Some of us will go to Salt Lake City in November."
    )
    events = _events(_extract(text, date="2024-03-25"))
    assert "KubeCon + CloudNativeCon North America 2024" in events


def test_a_year_set_in_one_paragraph_does_not_run_into_the_next():
    text = (
        "내가 마지막으로 간 KubeCon은 2019년 11월 샌디에이고였다.\n\n"
        "다음 달 오스틴에서 열리는 Open Source Summit North America에는 동료가 간다."
    )
    events = _events(_extract(text, date="2022-05-26"))
    assert "Open Source Summit North America 2022" in events
    assert "Open Source Summit North America 2019" not in events


def test_a_city_said_ahead_is_the_series_next_edition_when_the_table_puts_it_there():
    text = "We spoke at KubeCon Europe in the spring. Will we see you in Atlanta?"
    events = _events(_extract(text, date="2025-08-20"))
    assert "KubeCon + CloudNativeCon North America 2025" in events
    past = _events(
        _extract("We spoke at KubeCon Europe. We flew back via Atlanta.", date="2025-08-20")
    )
    assert "KubeCon + CloudNativeCon North America 2025" not in past


def test_each_place_of_a_title_takes_the_year_written_after_it():
    extraction = extract_text(
        "Both were fun.", {"title": "KCD Paris 2025 was great, and so was KCD Porto 2023"}
    )
    events = names_of(extraction, EntityType.EVENT)
    assert "Kubernetes Community Days Paris 2025" in events
    assert "Kubernetes Community Days Porto 2023" in events
    assert "Kubernetes Community Days Porto 2025" not in events


def test_a_large_city_whose_korean_name_is_left_out_is_known_by_its_english_name():
    events = names_of(extract_text("I spoke at KCD Lyon 2025 in June."), EntityType.EVENT)
    assert "Kubernetes Community Days Lyon 2025" in events


def test_an_edition_of_a_city_named_series_is_also_known_by_the_series_short_name():
    extraction = extract_text(
        "At KubeCon Europe 2024 in Paris and Kubernetes Community Days Warsaw 2025 we met."
    )
    names = {
        n.text
        for e in extraction.entities
        if e.type == EntityType.EVENT
        for n in (*e.names, *e.variants)
    }
    assert "KCD Warsaw 2025" in names
    assert "KubeCon Paris 2024" not in names  # a region-named edition keeps its written names
    assert "Kubernetes Community Days Paris 2025" not in names_of(extraction, EntityType.EVENT)


def test_editions_numbered_in_korean_and_referred_to_by_their_number():
    text = (
        "지난 11월 진행된 **제2회 클라우드 네이티브 해커톤 부산**에 참가해 주셔서 감사합니다. "
        "지난해 1회 대회보다 두 배 많은 팀이 지원했습니다. 내년 제3회 대회에서 만나요!\n\n"
        "제5회 발표 순서는 아래와 같습니다."
    )
    extraction = extract_text(text)
    events = names_of(extraction, EntityType.EVENT)
    assert {
        "제1회 클라우드 네이티브 해커톤 부산",
        "제2회 클라우드 네이티브 해커톤 부산",
        "제3회 클라우드 네이티브 해커톤 부산",
    } <= events
    assert "클라우드 네이티브 해커톤 부산" in names_of(extraction, EntityType.SERIES)
    assert not any(e.startswith("제5회") for e in events)
