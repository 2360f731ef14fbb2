"""The writer of a first-person text: a byline with a date or a blog, where they work, the
group they run and with whom, and their colleagues listed by first name."""

from __future__ import annotations

from extraction_support import affiliations_of, extract_text, names_of

from forumgraph.models import EntityType


def test_a_dated_byline_then_the_writers_team_group_and_colleagues():
    text = (
        "# A year of meetups\n\n"
        "*Marcela Quintana · 29 December 2024 · 7 min read*\n\n"
        "Nothing changed at work: I'm still on the platform team at Banco Litoral in Recife.\n\n"
        "I gave nine talks at Cloud Native Recife, the group I co-organise with Otávio Brandão "
        "and Lívia Campos.\n\n"
        "Thanks to my colleagues on the Banco Litoral platform team, Larissa and Pedro, who "
        "covered my shifts."
    )
    extraction = extract_text(text)
    assert "7 min read" not in names_of(extraction, EntityType.ORGANIZATION)
    affiliations = affiliations_of(extraction)
    assert ("Marcela Quintana", "Banco Litoral") in affiliations
    assert ("Marcela Quintana", "Cloud Native Recife") in affiliations
    assert ("Otávio Brandão", "Cloud Native Recife") in affiliations
    assert ("Lívia Campos", "Cloud Native Recife") in affiliations
    assert ("Larissa", "Banco Litoral") in affiliations
    assert ("Pedro", "Banco Litoral") in affiliations
    assert ("Otávio Brandão", "Banco Litoral") not in affiliations


def test_a_byline_naming_the_company_blog():
    text = (
        "# Post-mortem: checkout errors\n\n"
        "*By Chidinma Obi, Staff SRE · Quellpay engineering blog · 4 April 2024*\n\n"
        "We publish a post-mortem for every incident."
    )
    extraction = extract_text(text)
    assert ("Chidinma Obi", "Quellpay") in affiliations_of(extraction)
    assert "Quellpay engineering blog" not in names_of(extraction, EntityType.ORGANIZATION)


def test_a_list_of_first_names_after_a_cue_and_rows_of_a_table():
    text = (
        "On the day, our volunteers Ayşe, Mert, Oğuz and Kaan ran registration.\n\n"
        "Speaker | Company | Talk\n"
        "Merve Çelik | Trendyol | Scaling Argo CD to 3,000 applications\n"
        "Katja Zielińska | Red Hat | Writing operators without losing your mind\n"
    )
    extraction = extract_text(text)
    assert {"Ayşe", "Mert", "Oğuz", "Kaan"} <= names_of(extraction, EntityType.PERSON)
    affiliations = affiliations_of(extraction)
    assert ("Katja Zielińska", "Red Hat") in affiliations
    assert not any(org.startswith("Writing operators") for _, org in affiliations)


def test_co_founded_a_group_with_someone():
    text = (
        "*Derya Yıldız, on behalf of the KCD organisers*\n\n"
        "*Derya is a platform engineer at Papara and co-founded Cloud Native Izmir in 2019.*"
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("Derya Yıldız", "Papara") in affiliations
    assert ("Derya Yıldız", "Cloud Native Izmir") in affiliations


def test_a_possessive_colleague_and_a_company_blog_by_its_engineer():
    text = (
        "Bartosz Wilk of Allegro brought a demo. Bartosz's colleague Hanna Maj ran it.\n\n"
        "Read the post on the Spotify engineering blog, by Sigrid Holm. Read it on the Spotify "
        "blog. By then Ebba Lund had left."
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("Hanna Maj", "Allegro") in affiliations
    assert ("Sigrid Holm", "Spotify") in affiliations
    assert ("Ebba Lund", "Spotify") not in affiliations


def test_a_korean_post_signed_at_the_end_with_the_writers_team():
    text = (
        "작년 행사에서 사례를 보고 팀 리드인 모지훈 리드가 먼저 제안했습니다. 같은 팀 "
        "백승우 님이 만든 도구가 큰 도움이 됐습니다.\n\n"
        "읽어 주셔서 감사합니다.\n\n"
        "글: 편유진 · 다온랩스 인프라플랫폼팀"
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("편유진", "다온랩스") in affiliations
    assert ("모지훈", "다온랩스") in affiliations
    assert ("백승우", "다온랩스") in affiliations


def test_someone_who_runs_a_meetup_and_one_who_runs_the_numbers():
    text = (
        "Thanks to Rui Sousa, who also runs the Braga Kubernetes meetup, and to Ana Lima, who "
        "runs the numbers at the end."
    )
    affiliations = affiliations_of(extract_text(text))
    assert any(p == "Rui Sousa" and o.startswith("Braga Kubernetes") for p, o in affiliations)
    assert not any(p == "Ana Lima" for p, _ in affiliations)


def test_a_colleague_named_in_an_answer_works_with_the_one_who_answers():
    text = (
        "# Interview\n\n*By Joana Prates*\n\n"
        "I work at Quillpress. Mariana Leite is an SRE at Banco Nortenho.\n\n"
        "**Joana:** How did it start?\n\n"
        "**Mariana Leite:** My teammate Felipe Duarte showed me Argo CD.\n\n"
        "My colleague Rita Gomes edited this interview."
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("Joana Prates", "Quillpress") in affiliations
    assert ("Felipe Duarte", "Banco Nortenho") in affiliations
    assert ("Felipe Duarte", "Quillpress") not in affiliations
    assert ("Rita Gomes", "Quillpress") in affiliations


def test_an_organisers_page_gives_each_profile_its_group_and_its_workplace():
    text = (
        "# 운영진 소개 — 클라우드네이티브 광주 (Cloud Native Gwangju)\n\n"
        "아래는 올해 운영진입니다.\n\n"
        "## 오거나이저\n\n"
        "사사키 유토 (佐々木 悠斗) · 오거나이저\n\n"
        "오사카 출신으로, 그 전에는 LINE Fukuoka에서 3년간 SRE로 일했어요.\n\n"
        "팜 반 쭝 (Phạm Văn Trung) · 자원봉사 코디네이터\n\n"
        "하노이의 FPT Software에서 4년간 클라우드 엔지니어로 일했습니다.\n\n"
        "## 전 운영진\n\n"
        "- 마르틴 크라우스 (Martin Krause) — 2022~2023년 운영진. 지금은 베를린에 있습니다.\n"
    )
    affiliations = affiliations_of(extract_text(text))
    assert {
        ("사사키 유토", "Cloud Native Gwangju"),
        ("사사키 유토", "LINE Fukuoka"),
        ("Phạm Văn Trung", "Cloud Native Gwangju"),
        ("Phạm Văn Trung", "FPT Software"),
        ("Martin Krause", "Cloud Native Gwangju"),
    } <= affiliations
    # a duty is no organisation
    assert not any(o.endswith("코디네이터") for _, o in affiliations)


def test_a_page_about_someone_else_gives_no_membership():
    text = (
        "# KCD 광주 발표 후기 — 클라우드네이티브 광주\n\n"
        "마르틴 크라우스 (Martin Krause) — 발표자. 재미있었다.\n"
    )
    affiliations = affiliations_of(extract_text(text))
    assert not any(p == "Martin Krause" for p, _ in affiliations)


def test_a_company_s_own_post_names_its_people():
    text = (
        "Quillfeather at KCD Lisbon: our recap\n\n"
        "*Posted by Joana Ferreira, Developer Relations*\n\n"
        "Here's what the Quillfeather team got up to. We had two talks and we loved it.\n\n"
        "Talks from our team\n\n"
        "| Speaker | Session |\n|---|---|\n| Kofi Boateng | Scaling Flux |\n\n"
        "Kofi co-presented with Ana Lima from Brightmoor.\n\n"
        "At the booth\n\n"
        "- Lena Vogt — our newest developer advocate\n"
        "- Ravi Menon joined us from Tessaline last spring\n\n"
        "Things we liked\n\n"
        "A great talk by Mei Tanaka of Sablewood.\n"
    )
    affiliations = affiliations_of(extract_text(text))
    assert {
        ("Joana Ferreira", "Quillfeather"),
        ("Kofi Boateng", "Quillfeather"),
        ("Lena Vogt", "Quillfeather"),
        ("Ravi Menon", "Quillfeather"),
        ("Ravi Menon", "Tessaline"),
    } <= affiliations
    assert ("Ana Lima", "Quillfeather") not in affiliations
    assert ("Mei Tanaka", "Quillfeather") not in affiliations


def test_a_report_that_quotes_a_team_is_no_company_post():
    text = (
        "Quillfeather raises Series A\n\n"
        '"We built it for ourselves," said the Quillfeather team. "Our customers asked for it, '
        'and we listened."\n\n'
        "Team\n\n"
        "Kofi Boateng spoke at the launch.\n"
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("Kofi Boateng", "Quillfeather") not in affiliations


def test_the_organising_team_of_a_group_s_minutes_and_a_pronoun_after_saying():
    text = (
        "Cloud Native Poznań — Organisers' Meeting Minutes\n\n"
        "Attendees\n\n"
        "- Marta Zając (co-organiser, Brightmoor)\n"
        "- Tunde Bakare (organising team, Quillfeather)\n"
        "- Ines Costa (guest — Sablewood, venue host)\n\n"
        "Discussion about inviting Henrik Lund as keynote. Tunde pointed out he has moved "
        "from Corvanta to Tessaline since then.\n"
    )
    affiliations = affiliations_of(extract_text(text))
    assert {
        ("Marta Zając", "Cloud Native Poznań"),
        ("Tunde Bakare", "Cloud Native Poznań"),
        ("Tunde Bakare", "Quillfeather"),
    } <= affiliations
    assert ("Ines Costa", "Cloud Native Poznań") not in affiliations
    assert not {("Tunde Bakare", "Corvanta"), ("Tunde Bakare", "Tessaline")} & affiliations


def test_a_former_teammate_of_authors_who_share_one_employer():
    text = (
        "We moved every cluster to Cilium.\n\n"
        "Thanks to our former teammate Ruth Obi, now at Datadog, and to Jonas Keller from "
        "Isovalent, who reviewed the plan."
    )
    shared = extract_text(text, {"author": "Noor Hamdan and Felix Arndt (Larkspur Health)"})
    affiliations = affiliations_of(shared)
    assert {("Ruth Obi", "Larkspur Health"), ("Ruth Obi", "Datadog")} <= affiliations
    assert ("Jonas Keller", "Larkspur Health") not in affiliations
    # authors of two companies share none
    apart = extract_text(text, {"author": "Noor Hamdan (Larkspur Health) and Felix Arndt (Acme)"})
    assert not any(p == "Ruth Obi" and o != "Datadog" for p, o in affiliations_of(apart))


def test_the_writers_team_mates_and_people_of_a_team_named_alone_in_a_company_post():
    text = (
        "안녕하세요, 노을페이 플랫폼팀 한다온입니다. 파이프라인을 옮긴 이야기를 적어 봅니다.\n\n"
        "- 같은 플랫폼팀의 도하람 님, 연서우 님. 제너레이터를 만들었습니다.\n"
        "- 보안팀 길로운 님. 시크릿 구조를 다시 그려 주셨습니다.\n"
        "- 카카오 보안팀 남주원 님도 조언을 주셨습니다.\n"
        "- 당근에서 일하는 여정민 님과 AWS의 위서연 SA님도 도와주셨습니다.\n"
    )
    extraction = extract_text(text, {"author": "한다온 (노을페이 플랫폼팀)"})
    affiliations = affiliations_of(extraction)
    assert {
        ("도하람", "노을페이"),
        ("연서우", "노을페이"),
        ("길로운", "노을페이"),
        ("여정민", "Daangn"),
        ("위서연", "Amazon Web Services"),
    } <= affiliations
    assert ("남주원", "노을페이") not in affiliations
    assert ("여정민", "노을페이") not in affiliations


def test_our_staff_named_by_their_role_are_the_writers_organisation_s():
    text = (
        "Transcript lightly cleaned up by our producer Kenji Arakawa. Our keynote speaker "
        "Lena Fischer opened the day, and our senior engineer Omar Haddad closed it."
    )
    affiliations = affiliations_of(extract_text(text, {"author": "Marisol Vega (Reconcile FM)"}))
    assert {("Kenji Arakawa", "Reconcile FM"), ("Omar Haddad", "Reconcile FM")} <= affiliations
    assert ("Lena Fischer", "Reconcile FM") not in affiliations


def test_people_on_a_line_labelled_with_an_organisation():
    text = (
        "At Larkspur Health we moved every cluster to Cilium.\n\n"
        "**Inside Larkspur:** Priti Sandhu and Gus Okonkwo, who wrote the converter; and "
        "Maren Holt, who read every diff.\n\n"
        "**Outside Larkspur:** Jonas Kettler from Isovalent and Helena Marsh.\n\n"
        "**Note:** Dana Reyes took the photos.\n"
    )
    affiliations = affiliations_of(extract_text(text))
    assert {
        ("Priti Sandhu", "Larkspur Health"),
        ("Gus Okonkwo", "Larkspur Health"),
        ("Maren Holt", "Larkspur Health"),
    } <= affiliations
    assert not any(
        p in {"Jonas Kettler", "Helena Marsh", "Dana Reyes"} and o == "Larkspur Health"
        for p, o in affiliations
    )


def test_a_new_job_post_with_its_last_day_its_school_and_thanks_under_emoji():
    text = (
        "Friday is my last day at Pennant Financial. On the 22nd I'm joining Microsoft.\n\n"
        "🙏 **Sinéad Kavanagh**, my manager at Pennant Financial, for the goodbye.\n"
        "🏆 **Top Documentarian** — for the docs sprint.\n\n"
        "Before that I was a very stubborn Computer Engineering student at the University "
        "of Lagos."
    )
    extraction = extract_text(text, {"author": "Adaeze Nwosu"})
    assert {
        ("Adaeze Nwosu", "Pennant Financial"),
        ("Adaeze Nwosu", "Microsoft"),
        ("Adaeze Nwosu", "University of Lagos"),
        ("Sinéad Kavanagh", "Pennant Financial"),
    } <= affiliations_of(extraction)
    assert "Top Documentarian" not in names_of(extraction, EntityType.PERSON)


def test_i_in_an_interview_s_answer_is_the_one_who_answers():
    text = (
        "I talked with Ines Kowal, a staff engineer at Quillstack.\n\n"
        "**Sam Oke:** How did it start?\n\n"
        "**Ines Kowal:** I was a PhD student at TU Delft, and my last day at Quillstack is "
        "far away.\n\n"
        "**Sam Oke:** Thanks!\n"
    )
    affiliations = affiliations_of(extract_text(text, {"author": "Sam Oke (Cloud Chats)"}))
    assert ("Ines Kowal", "TU Delft") in affiliations
    assert not any(p == "Sam Oke" and o in {"TU Delft", "Quillstack"} for p, o in affiliations)


def test_a_byline_naming_an_organisation_and_its_function():
    text = "Halcyon Pay moved to Kubernetes. We helped.\n"
    extraction = extract_text(text, {"author": "Corvid Labs Customer Marketing"})
    organisations = names_of(extraction, EntityType.ORGANIZATION)
    assert "Corvid Labs" in organisations
    assert "Corvid Labs Customer Marketing" not in organisations
