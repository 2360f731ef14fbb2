"""Where people work, from what prose says of their moves: joined, left, came back to, spent
years at, previously at, `ex-`, `(A → B)`, and the Korean `출신`, `전 <회사> CTO`, `에 합류`."""

from __future__ import annotations

from extraction_support import affiliations_of, extract_text, names_of

from forumgraph.models import EntityType


def test_english_moves_name_the_old_and_the_new_organisation():
    text = (
        "Tamsin Okoro joins Quillfeather as VP of Engineering, after six years at Brightmoor "
        "Labs. Lorenzo Vitale joins Sablewood as a developer advocate, having most recently "
        "been at Corvanta. Priyanka Deshmukh, previously head of SRE at Lumenfold, is now "
        "Director of Reliability at Tessaline. Jonas Weber (Ostwind Bank → Kesselhaus) starts "
        "in May. Ingrid Solberg has left Fjordlys."
    )
    affiliations = affiliations_of(extract_text(text))
    assert {
        ("Tamsin Okoro", "Quillfeather"),
        ("Tamsin Okoro", "Brightmoor Labs"),
        ("Lorenzo Vitale", "Sablewood"),
        ("Lorenzo Vitale", "Corvanta"),
        ("Priyanka Deshmukh", "Lumenfold"),
        ("Priyanka Deshmukh", "Tessaline"),
        ("Jonas Weber", "Ostwind Bank"),
        ("Jonas Weber", "Kesselhaus"),
        ("Ingrid Solberg", "Fjordlys"),
    } <= affiliations


def test_an_organisations_own_move_is_nobody_s_employer():
    text = "Tamsin Okoro said Quillfeather has left Kesselhaus for good."
    affiliations = affiliations_of(extract_text(text))
    assert ("Tamsin Okoro", "Kesselhaus") not in affiliations


def test_joining_an_event_or_a_project_is_no_employment():
    text = "Tamsin Okoro joined KubeCon for the first time, and has left Kubernetes SIG Docs."
    affiliations = affiliations_of(extract_text(text))
    assert not any(person == "Tamsin Okoro" for person, _ in affiliations)


def test_korean_moves():
    text = (
        "배지훈 전 야놀자 CTO가 AI 인프라 스타트업 구름다리랩스에 최고기술책임자(CTO)로 "
        "합류했다.\n\n카카오엔터프라이즈 출신 문가영 씨가 반도체 기업 리벨리온에 합류했다."
    )
    extraction = extract_text(text)
    affiliations = affiliations_of(extraction)
    assert {
        ("배지훈", "Yanolja"),
        ("배지훈", "구름다리랩스"),
        ("문가영", "Kakao Enterprise"),
        ("문가영", "Rebellions"),
    } <= affiliations


def test_a_common_noun_before_a_move_is_no_organisation():
    text = "문가영 씨는 회사에서 5년간 일했다."
    extraction = extract_text(text)
    assert affiliations_of(extraction) == set()
    assert not [e for e in extraction.entities if e.type == EntityType.ORGANIZATION]


def test_the_writer_s_own_moves_to_a_job():
    text = (
        "In 2018 I moved to Berlin and joined Zalando. Later I joined Nordlys Analytics as a "
        "platform engineer. Last week I joined Kubernetes Slack and left Mastodon."
    )
    affiliations = affiliations_of(extract_text(text, {"author": "Lars Henriksen"}))
    assert {("Lars Henriksen", "Zalando"), ("Lars Henriksen", "Nordlys Analytics")} <= affiliations
    assert ("Lars Henriksen", "Mastodon") not in affiliations


def test_a_team_joined_from_a_company_a_job_at_one_and_someone_s_employer():
    text = (
        "I was two months into the job at Kestrel Payments, a fintech. My colleague Marta "
        "Zielińska had just joined our platform team from Allegro. Thanks to Selam Bekele, "
        "and to Selam's employer, Addis-based Zemen Logistics, for the sprint."
    )
    affiliations = affiliations_of(extract_text(text, {"author": "Tomasz Wierzbicki"}))
    assert {
        ("Tomasz Wierzbicki", "Kestrel Payments"),
        ("Marta Zielińska", "Allegro"),
        ("Selam Bekele", "Zemen Logistics"),
    } <= affiliations


def test_a_pronoun_continues_the_person_the_passage_named_last():
    text = (
        "Inês Albuquerque is a staff engineer at Cravina Bank. Before that she spent five years "
        "at Loja Serrana, and he said nothing of it."
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("Inês Albuquerque", "Cravina Bank") in affiliations
    assert ("Inês Albuquerque", "Loja Serrana") in affiliations


def test_a_pronoun_after_another_name_is_not_the_first_person():
    text = (
        "Odile Marchand thanked the organisers. Thanks also to Wojtek Zieliński: before going "
        "independent he spent four years at iGlobo running its observability stack."
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("Wojtek Zieliński", "iGlobo") in affiliations
    assert ("Odile Marchand", "iGlobo") not in affiliations


def test_a_pronoun_with_a_company_between_names_the_company_not_the_person():
    text = "Maeve Doyle spoke first. Later Corvalis said it has left Brindle Systems."
    affiliations = affiliations_of(extract_text(text))
    assert ("Maeve Doyle", "Brindle Systems") not in affiliations


def test_joined_an_organisation_from_another():
    text = (
        "Renata Campos runs the meetup with me. Renata recently joined Feira Livre from "
        "Bancovia, and still books every venue."
    )
    extraction = extract_text(text)
    affiliations = affiliations_of(extraction)
    assert ("Renata Campos", "Feira Livre") in affiliations
    assert ("Renata Campos", "Bancovia") in affiliations
    assert "Feira Livre" not in names_of(extraction, EntityType.PERSON)


def test_now_leads_a_function_at_an_organisation():
    text = (
        "Thanks to Ngozi Obi, who nudged me to apply — she was an ambassador long before me "
        "and now leads developer relations at Kestrel Works."
    )
    assert ("Ngozi Obi", "Kestrel Works") in affiliations_of(extract_text(text))


def test_is_a_role_at_an_unknown_organisation():
    text = (
        "Jannik Vogt is a developer advocate at Tesselwerk and a co-organiser of the local "
        "meetup. He previously worked on the platform team at Ottmar. Jannik Vogt is a big fan "
        "of Rust at scale."
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("Jannik Vogt", "Tesselwerk") in affiliations
    assert ("Jannik Vogt", "Ottmar") in affiliations
    assert not any(org == "Rust" for _, org in affiliations)


def test_a_bio_with_a_clause_before_the_pronoun_and_groups_organised():
    text = (
        "*Adaora Nwosu is a staff engineer on Brightvale's platform team. Before joining "
        "Brightvale in 2021 she spent four years at Shopwise working on deploy tooling. She "
        "co-organises the Kubernetes Braga meetup.*\n\n"
        "Rohit Menon leads platform engineering at Kestrelhive. Before that he was at "
        "Thoughtline for seven years. He is one of the organisers of the Platform Engineering "
        "Mysore meetup. Ana Luísa Costa is a senior engineer on the developer platform team "
        "at iMarket."
    )
    affiliations = affiliations_of(extract_text(text))
    for pair in (
        ("Adaora Nwosu", "Brightvale"),
        ("Adaora Nwosu", "Shopwise"),
        ("Rohit Menon", "Kestrelhive"),
        ("Rohit Menon", "Thoughtline"),
        ("Ana Luísa Costa", "iMarket"),
    ):
        assert pair in affiliations
    assert any(p == "Adaora Nwosu" and o.startswith("Kubernetes Braga") for p, o in affiliations)
    assert any(
        p == "Rohit Menon" and o.startswith("Platform Engineering Mysore") for p, o in affiliations
    )


def test_a_roundup_of_moves_headed_by_arrows():
    text = (
        "**Orhan Kaplan → Tillerworks Labs.** Tillerworks Labs' new CTO, Orhan Kaplan, spent the "
        "last six years at Trendora.\n\n"
        "**Nkem Obi → Red Hat.** Red Hat has hired Nkem Obi as principal product manager. He "
        "joins from VMware.\n\n"
        "Amaka Eze, Brimvale's VP of Engineering, is hiring. Her co-organiser Lee Ji-ho, an SRE "
        "at Naver, will keep the meetups going. Mira Cho explains how her team at Toss replaced "
        "sidecars. Bram Vos, who joined the project from the FinOps team at Allegro, maintains it."
    )
    extraction = extract_text(text)
    affiliations = affiliations_of(extraction)
    for pair in (
        ("Orhan Kaplan", "Tillerworks Labs"),
        ("Orhan Kaplan", "Trendora"),
        ("Nkem Obi", "Red Hat"),
        ("Nkem Obi", "VMware"),
        ("Amaka Eze", "Brimvale"),
        ("Lee Ji-ho", "Naver"),
        ("Mira Cho", "Toss"),
        ("Bram Vos", "Allegro"),
    ):
        assert pair in affiliations
    assert "Engineering" not in names_of(extraction, EntityType.ORGANIZATION)
    assert not any(". " in org for _, org in affiliations)


def test_moves_from_one_organisation_to_another_and_work_on_something_there():
    text = (
        "Release manager Odile Ferrand, who moved from Corvanta to Lindqvist Data last year, "
        "cut the tag.\n\n"
        "Bartek Nowicki (then at Sablewood, now a staff engineer with Quillfeather) gave the "
        "demo.\n\n"
        "Sunita Rao maintains the exporter while working as an SRE at Tessaline.\n\n"
        "By day, Hamid Karimi works on the storage team at Brightmoor, and Emre Yalçın works "
        "on Velero at Kesselhaus."
    )
    affiliations = affiliations_of(extract_text(text))
    assert {
        ("Odile Ferrand", "Lindqvist Data"),
        ("Bartek Nowicki", "Quillfeather"),
        ("Sunita Rao", "Tessaline"),
        ("Hamid Karimi", "Brightmoor"),
        ("Emre Yalçın", "Kesselhaus"),
    } <= affiliations


def test_korean_pronoun_stands_for_the_person_of_the_paragraph_before():
    text = (
        "지난달 서울을 찾은 마르코 벨리니(Marco Bellini)는 인터뷰 내내 웃었다. 그는 Jaeger "
        "프로젝트의 메인테이너다.\n\n"
        "현재 그는 밀라노의 스타트업 트라몬타나(Tramontana)에서 시니어 엔지니어로 일하며, "
        "오픈소스에 시간을 쓴다."
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("Marco Bellini", "트라몬타나") in affiliations


def test_korean_work_verbs_in_the_polite_style():
    text = (
        "# 밋업 후기\n\n"
        "오사카에서 온 사사키 하루토(佐々木 陽翔) 님이 발표했습니다. 하루토 님은 "
        "메르카리에서 플랫폼 엔지니어로 일하고 계십니다."
    )
    extraction = extract_text(text)
    assert "사사키 하루토" in names_of(extraction, EntityType.PERSON)
    affiliations = affiliations_of(extraction)
    assert any(p == "사사키 하루토" and o in ("Mercari", "메르카리") for p, o in affiliations)
    assert not any(o in ("오사카", "Osaka") for _, o in affiliations)  # a city, no employer


def test_an_employer_named_by_a_pronoun_a_move_on_and_a_university_of_something():
    text = (
        "Noor Haddad offered the office of her employer, Brightmoor Analytics, for June. "
        "Ivo Petrov has moved on to a role at Quillfeather and no longer reviews. The guest "
        "talk came from Dr. Agata Wrona from Gdańsk University of Technology."
    )
    affiliations = affiliations_of(extract_text(text))
    assert {
        ("Noor Haddad", "Brightmoor Analytics"),
        ("Ivo Petrov", "Quillfeather"),
        ("Agata Wrona", "Gdańsk University of Technology"),
    } <= affiliations


def test_each_post_of_a_collection_is_its_heading_s_person_s():
    text = (
        "1. LinkedIn — Sunita Raman\n\n"
        "Excited to share that I've joined Corvanta as a platform engineer!\n\n"
        "After five great years at Tessaline, where I built the CI platform, it was time.\n\n"
        "2. Mastodon — @kofi_dev (Kofi Mensah)\n\n"
        "some news\n\n"
        "after 4 years I'm leaving Brightmoor. next month I'm moving from Brightmoor to "
        "Lindqvist Data.\n\n"
        "3. Keynote by Marta Silva\n\n"
        "I work at Sablewood and loved this talk."
    )
    affiliations = affiliations_of(extract_text(text))
    assert {
        ("Sunita Raman", "Corvanta"),
        ("Sunita Raman", "Tessaline"),
        ("Kofi Mensah", "Brightmoor"),
        ("Kofi Mensah", "Lindqvist Data"),
    } <= affiliations
    # a heading about a person is no post of theirs
    assert ("Marta Silva", "Sablewood") not in affiliations


def test_korean_appointments_moves_and_past_work():
    text = (
        "# 인사 동정\n\n"
        "가온클라우드는 15일 한지민 전 누리데이터 플랫폼센터장을 클라우드사업부문장으로 "
        "영입했다고 밝혔다. 한 부사장은 누리데이터에서 관리형 쿠버네티스 출시를 이끌었고, 그 "
        "이전에는 삼성SDS에서 10여 년간 자동화 업무를 맡았다.\n\n"
        "지난해 합류한 오다은 님이 6월에 토스로 이직했다. 팀장 윤석진 님은 처음으로 발표했다."
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("한지민", "가온클라우드") in affiliations
    assert ("한지민", "Samsung SDS") in affiliations
    assert ("오다은", "Toss") in affiliations
    # whom the organisation names, not who reports on it
    assert not any(p == "윤석진" and o == "가온클라우드" for p, o in affiliations)


def test_a_korean_name_then_its_company_is_not_one_foreign_name():
    text = '# 인사\n\n박서하 센트리데이터랩스 대표는 "첫걸음"이라고 말했다.'
    people = names_of(extract_text(text), EntityType.PERSON)
    assert "박서하 센트리데이터랩스" not in people


def test_investors_reporters_and_a_place_before_the_organisation():
    text = (
        "Brightmoor Ventures' Hana Kobayashi noted that pilots had started.\n\n"
        "*Tobias Lindgren covers cloud infrastructure for Stackwire.*\n\n"
        "| 역할 | 이름 | 소속 |\n|---|---|---|\n"
        "| 패널 | 오르한 칼칸 (Orhan Kalkan) | 독립 컨설턴트 |\n\n"
        "오르한 님은 앙카라의 Sahibinden에서 6년간 플랫폼 팀을 이끌었습니다."
    )
    affiliations = affiliations_of(extract_text(text))
    assert {
        ("Hana Kobayashi", "Brightmoor Ventures"),
        ("Tobias Lindgren", "Stackwire"),
        ("Orhan Kalkan", "Sahibinden"),
    } <= affiliations
    assert not any(o.startswith(("독립", "앙카라")) for _, o in affiliations)


def test_a_korean_sentence_without_a_subject_goes_on_about_the_paragraph_s_topic():
    text = (
        "치네두 에제(Chinedu Eze)는 Jaeger의 메인테이너다. 아부자에서 개발을 시작해 Paystack을 "
        "거쳐 2022년 리스본으로 건너왔고, 지금은 관측성 스타트업 라모라(Lamora)의 시니어 "
        "엔지니어로 일한다. 베드로는 작년에 Grafana Labs로 옮겼다."
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("Chinedu Eze", "Paystack") in affiliations
    assert any(p == "Chinedu Eze" and o in ("라모라", "Lamora") for p, o in affiliations)
    # a topic the sentence names itself is its own subject
    assert ("Chinedu Eze", "Grafana Labs") not in affiliations


def test_a_common_noun_pointed_at_before_a_titled_name_is_no_organisation():
    text = (
        "인터뷰는 같은 매체의 요나스 베버(Jonas Weber) 기자가 진행했다. 컬렉터 쪽에는 "
        "Google의 다니엘 크라우스가 있다."
    )
    extraction = extract_text(text)
    assert "매체" not in names_of(extraction, EntityType.ORGANIZATION)
    assert ("다니엘 크라우스", "Google") in affiliations_of(extraction)


def test_korean_work_led_at_a_place_and_being_at_an_organisation():
    text = (
        "**최다온:** 리뷰를 해 주신 분은 당시 번역 팀을 이끌던 임도혁 님이었어요. 지금은 "
        "삼성SDS에 계신데, 아직도 리뷰를 부탁드려요.\n\n"
        "아비나시 쿠마르(Avinash Kumar)는 창업 전 Flipkart에서 개발자 경험 팀을 이끌었고, "
        "Backstage에 기여했습니다."
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("임도혁", "Samsung SDS") in affiliations
    assert ("최다온", "Samsung SDS") not in affiliations  # a verb of respect is not the speaker's
    assert ("Avinash Kumar", "Flipkart") in affiliations


def test_a_pronoun_with_a_role_a_team_or_a_degree_somewhere():
    text = (
        "Ilse Vermeer runs our logging stack. Before moving to Utrecht she was an SRE at "
        "Corvanta. Before co-founding Brightmoor she spent four years on Lumenfold's storage "
        "team.\n\n"
        "Tobias Brandl is our newest hire. He came to us from Sablewood, and by day he is a "
        "maintainer with Kesselhaus. He was at Quillfeather back then and now works at "
        "Fjordlys.\n\n"
        "Marit Olsen is finishing her master's at Tessaline Institute of Technology."
    )
    affiliations = affiliations_of(extract_text(text))
    assert {
        ("Ilse Vermeer", "Corvanta"),
        ("Ilse Vermeer", "Lumenfold"),
        ("Tobias Brandl", "Sablewood"),
        ("Tobias Brandl", "Kesselhaus"),
        ("Tobias Brandl", "Quillfeather"),
        ("Tobias Brandl", "Fjordlys"),
        ("Marit Olsen", "Tessaline Institute of Technology"),
    } <= affiliations


def test_the_writer_s_role_and_a_thing_never_done_are_nobody_s_employment():
    text = (
        "**Ilse Vermeer:** How did it start?\n\n"
        "**Tobias Brandl:** I was a PhD student at Corvanta University, and the idea grew there."
        "\n\nMarit Olsen gave the talk. Despite its title, Marit has never worked for Sablewood."
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("Ilse Vermeer", "Corvanta University") not in affiliations
    assert ("Marit Olsen", "Sablewood") not in affiliations


def test_years_spent_somewhere_name_an_organisation_not_a_person():
    text = "Tobias Brandl spoke. Before that he spent six years at Mercado Livre in São Paulo."
    extraction = extract_text(text)
    assert "Mercado Livre" not in names_of(extraction, EntityType.PERSON)
    assert ("Tobias Brandl", "Mercado Livre") in affiliations_of(extraction)


def test_korean_moves_through_a_unit_a_hiring_a_degree_and_a_describing_clause():
    text = (
        "- 한도윤: 누리대학교 컴퓨터공학과 졸업 후 2022년 라온페이 신입 공채로 입사.\n"
        "- 장서진: 베를린 스타트업 Kestrel에서 일하다 2024년 라온페이 SRE팀에 합류.\n\n"
        "윤가람 님은 지난 3년간 한빛전자 클라우드 사업부에서 일했다.\n\n"
        "저녁 자리에는 나루소프트 소속 민다온 님, 그리고 카카오에서 일하다가 올해 초 "
        "Tessaline으로 옮긴 구하람 님이 왔다."
    )
    affiliations = affiliations_of(extract_text(text))
    assert {
        ("한도윤", "누리대학교"),
        ("한도윤", "라온페이"),
        ("장서진", "Kestrel"),
        ("장서진", "라온페이"),
        ("윤가람", "한빛전자"),
        ("구하람", "Kakao"),
        ("구하람", "Tessaline"),
    } <= affiliations
    assert ("민다온", "Kakao") not in affiliations


def test_a_graduated_project_is_no_school():
    text = "송다은 기자는 한결증권이 CNCF 졸업 프로젝트인 Argo CD를 도입했다고 전했다."
    assert not {org for person, org in affiliations_of(extract_text(text)) if person == "송다은"}


def test_the_speaker_of_an_answer_a_role_in_a_team_and_work_on_what_a_company_owns():
    text = (
        "Ilse Vermeer: How did it start?\n\n"
        "Tobias Brandl: I was a PhD student at Corvanta University when I wrote it. By day I'm "
        "an engineering manager at Brückner Logistik, and I co-organise Cloud Native Porto.\n\n"
        '"The number I care about," says Marit Olsen, a senior SRE on Sablewood\'s checkout '
        "team. Before that she worked on Kesselhaus's payments infrastructure. Leonie Hartmann "
        "joined Fjordlys in 2023 from Tessaline, where she ran the community programme.\n\n"
        "I met Jane Doe at the booth. I'm an engineer at Quillfeather, so we talked."
    )
    affiliations = affiliations_of(extract_text(text))
    assert {
        ("Tobias Brandl", "Corvanta University"),
        ("Tobias Brandl", "Brückner Logistik"),
        ("Tobias Brandl", "Cloud Native Porto"),
        ("Marit Olsen", "Sablewood"),
        ("Marit Olsen", "Kesselhaus"),
        ("Leonie Hartmann", "Fjordlys"),
        ("Leonie Hartmann", "Tessaline"),
    } <= affiliations
    assert ("Ilse Vermeer", "Corvanta University") not in affiliations
    assert ("Jane Doe", "Quillfeather") not in affiliations


def test_korean_years_at_a_company_a_career_begun_and_a_topic_with_a_title():
    text = (
        "최현우 CTO가 말했다. 최 CTO는 1세대 엔지니어로 꼽힌다. 삼성SDS에서 프라이빗 클라우드 "
        "구축으로 경력을 시작했고, 이후 네이버에서 7년간 컨테이너 플랫폼을 맡았다. 2021년 카카오 "
        "시절 동료였던 장수빈 대표와 함께 회사를 세웠다."
    )
    affiliations = affiliations_of(extract_text(text))
    assert {
        ("최현우", "Samsung SDS"),
        ("최현우", "Naver"),
        ("장수빈", "Kakao"),
    } <= affiliations
    assert ("최현우", "Kakao") not in affiliations


def test_a_left_out_subject_does_not_reach_over_a_heading_or_a_titled_topic():
    text = (
        "한도윤 님은 장학생입니다. 누리대학교에서 공부합니다.\n\n"
        "OpenTelemetry 팀\n\n"
        "멘토 뚜언 · Grafana Labs\n"
        "하노이 출신으로 네이버에서 5년간 모니터링 플랫폼을 개발했습니다.\n\n"
        "공동창업자인 사토 켄지 최고기술책임자(CTO)는 메르카리(Mercari)에서 7년간 일했다."
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("한도윤", "Naver") not in affiliations
    assert ("한도윤", "Mercari") not in affiliations


def test_internships_memberships_came_from_and_a_year_at_a_company():
    text = (
        "Tobias Brandl graduated in March. He interned with us after an internship at "
        "Corvanta. He is a member of Kubernetes SIG Docs.\n\n"
        "Marit Olsen comes to us from Sablewood's Oslo office. Before that she was at Kesselhaus "
        "during the growth years.\n\n"
        "Ilse Vermeer joined Fjordlys's developer experience team from Tessaline last spring.\n\n"
        "Rafael Nunes joined Quillfeather from Mercado Livre in 2021."
    )
    extraction = extract_text(text)
    affiliations = affiliations_of(extraction)
    assert {
        ("Tobias Brandl", "Corvanta"),
        ("Tobias Brandl", "SIG Docs"),
        ("Marit Olsen", "Sablewood"),
        ("Marit Olsen", "Kesselhaus"),
        ("Ilse Vermeer", "Tessaline"),
        ("Rafael Nunes", "Mercado Livre"),
    } <= affiliations
    assert "Mercado Livre" not in names_of(extraction, EntityType.PERSON)


def test_korean_companies_passed_through_and_a_degree_in_a_department():
    text = (
        "윤서진 최고운영책임자(COO)는 누리대학교 경영학과를 졸업하고 "
        "한결앤드컴퍼니를 거쳐 토스에서 사업개발을 담당했다. "
        "한승우 대표는 KAIST 전산학과에서 석사 학위를 받았다."
    )
    affiliations = affiliations_of(extract_text(text))
    assert {
        ("윤서진", "누리대학교"),
        ("윤서진", "한결앤드컴퍼니"),
        ("한승우", "KAIST"),
    } <= affiliations


def test_years_in_a_company_s_office_and_organisers_of_a_group_named_after_a_project():
    text = (
        "Marit Olsen joined for the rollout. Before that, she spent five years in Sablewood's "
        "professional services organisation in Oslo.\n\n"
        "Tobias Brandl maintains the chart and is one of the organisers of Kubernetes SIG Docs."
    )
    affiliations = affiliations_of(extract_text(text))
    assert {("Marit Olsen", "Sablewood"), ("Tobias Brandl", "SIG Docs")} <= affiliations


def test_a_korean_move_describing_a_pronoun_is_the_paragraph_s_last_person():
    text = (
        "패널로는 토스의 장서윤 리드, 쿠팡의 다니엘 조(Daniel Cho) 디렉터, "
        "LY Corporation(옛 라인) 소속 이케다 료(Ryo Ikeda) 엔지니어가 참여했다. "
        "정태오 사무국장은 개회사를 했다.\n\n"
        "장서윤 리드는 토스의 경험을 예로 들었다.\n\n"
        "다니엘 조 디렉터의 관심사는 비용이었다. "
        "실리콘밸리 스타트업을 거쳐 2022년 메르카리에 합류한 그는 비용 데이터를 강조했다.\n"
    )
    extraction = extract_text(text)
    affiliations = affiliations_of(extraction)
    assert ("Daniel Cho", "Mercari") in affiliations
    assert ("장서윤", "Mercari") not in affiliations
    assert any(
        p in {"이케다", "이케다 료", "Ryo Ikeda"} and o == "LY Corporation" for p, o in affiliations
    )
    assert "정태오" in names_of(extraction, EntityType.PERSON)


def test_a_group_a_korean_person_is_active_in():
    text = (
        "백승우 님은 쿠버네티스 문서 한글화 팀에서 5년째 활동 중이며, 한소라 님은 KKG에서 "
        "활동하고 있다. 유하진 님은 다온소프트 플랫폼팀에서 일했다."
    )
    affiliations = affiliations_of(extract_text(text))
    assert {
        ("백승우", "쿠버네티스 문서 한글화 팀"),
        ("한소라", "KKG"),
        ("유하진", "다온소프트"),
    } <= affiliations
    assert ("유하진", "다온소프트 플랫폼팀") not in affiliations


def test_where_a_korean_person_works_said_in_the_honorific():
    text = (
        "다온소프트 SRE팀에서 일하시는 남궁현 님이 Cilium 도입 과정을 공유했다. "
        "네이버에서 근무하셨던 한소라 님도 왔다. 집에서 일하시는 분들도 많았다."
    )
    affiliations = affiliations_of(extract_text(text))
    assert {("남궁현", "다온소프트"), ("한소라", "Naver")} <= affiliations
    assert not any(o == "집" for _, o in affiliations)
