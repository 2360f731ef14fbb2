"""People credited one to a line (title slides, reviewer lists): the name, then a separator and
a role or organisation; and the lines of a Markdown paragraph set in short lines."""

from __future__ import annotations

from extraction_support import affiliations_of, context, extract_text, names_of

from forumgraph.ingest.extract import extract
from forumgraph.ingest.readers import article_from_text
from forumgraph.ingest.segment import split_passages
from forumgraph.models import EntityType


def test_a_title_slide_credits_each_speaker_on_a_line_of_its_own():
    text = (
        "# Drift Happens: GitOps at Forty Clusters\n\n"
        "Marisol Quintero — Staff Platform Engineer, Banco Verdemar\n"
        "Tadashi Kuroda — Solutions Architect, Hoshizora Cloud\n\n"
        "The talk covers our move from scripts to pull requests."
    )
    extraction = extract_text(text)
    assert {"Marisol Quintero", "Tadashi Kuroda"} <= names_of(extraction, EntityType.PERSON)
    affiliations = affiliations_of(extraction)
    assert ("Marisol Quintero", "Banco Verdemar") in affiliations
    assert ("Tadashi Kuroda", "Hoshizora Cloud") in affiliations
    assert ("Marisol Quintero", "Hoshizora Cloud") not in affiliations


def test_a_reviewer_list_in_every_separator():
    text = (
        "Reviewers:\n\n"
        "- Ilse Vermeulen, Principal Engineer, Kaasbank (co-chair)\n"
        "- Obinna Eze – Red Hat\n"
        "- Wanjiru Kamau (Microsoft; CNCF Ambassador)\n"
        "- Yusuf Demir, Lirapay\n"
        "- Teodora Ilic (independent)\n"
        "- Henrike Falk, SRE lead at Stellwerk Logistik\n"
    )
    extraction = extract_text(text)
    affiliations = affiliations_of(extraction)
    assert {
        ("Ilse Vermeulen", "Kaasbank"),
        ("Obinna Eze", "Red Hat"),
        ("Wanjiru Kamau", "Microsoft"),
        ("Wanjiru Kamau", "Cloud Native Computing Foundation"),
        ("Yusuf Demir", "Lirapay"),
        ("Henrike Falk", "Stellwerk Logistik"),
    } <= affiliations
    assert not any(person == "Teodora Ilic" for person, _ in affiliations)
    names = [n.text for e in extraction.entities for n in (*e.names, *e.variants)]
    assert "independent" not in names


def test_a_line_that_runs_into_a_sentence_or_a_role_alone_names_no_organisation():
    text = (
        "- Ilse Vermeulen, who moved to Utrecht and works on the scheduler\n"
        "- Obinna Eze — Keynote Speaker\n"
    )
    extraction = extract_text(text)
    assert affiliations_of(extraction) == set()
    assert "Keynote Speaker" not in names_of(extraction, EntityType.ORGANIZATION)


def test_short_lines_of_a_markdown_paragraph_stay_lines_and_wrapped_prose_joins():
    set_in_lines = "Ann Lee — Acme\nBob Roe — Globex\n"
    article = article_from_text("doc", set_in_lines, None, "text/markdown")
    assert article.text == "Ann Lee — Acme\nBob Roe — Globex"
    wrapped = (
        "This paragraph is prose that its writer wrapped at a margin of about eighty\n"
        "characters, so that its lines are long and a sentence runs on over the break.\n"
    )
    article = article_from_text("doc", wrapped, None, "text/markdown")
    assert "\n" not in article.text


def test_a_name_over_its_organisation_s_line_on_a_title_slide():
    text = (
        "# 정책은 코드로\n\n구민서 (Minseo Koo)\n카카오페이 클라우드플랫폼파트\n\n"
        "Ann Lee\nGlobex Labs\n\n마무리\n질문 받습니다\n"
    )
    article = article_from_text("doc", text, None, "text/markdown")
    extraction = extract(article, split_passages(article), context())
    affiliations = affiliations_of(extraction)
    assert ("구민서", "Kakao Pay") in affiliations
    assert ("Ann Lee", "Globex Labs") in affiliations
    assert "Ann Lee\nGlobex Labs" not in names_of(extraction, EntityType.ORGANIZATION)
    assert "마무리" not in names_of(extraction, EntityType.PERSON)


def test_a_line_of_colleagues_or_of_a_sentence_names_no_organisation():
    text = "- 유다은, 장태오 — 같은 파트 동료들\n- 구민서 — 카카오페이에서 사내 플랫폼 운영\n"
    extraction = extract_text(text)
    organisations = names_of(extraction, EntityType.ORGANIZATION)
    assert "같은 파트 동료들" not in organisations
    assert not any("운영" in name for name in organisations)


def test_a_speaker_label_and_brackets_before_a_talk_s_title():
    text = (
        "- 발표: **정가람 (다온소프트)** — Cilium 도입 후 네트워크 정책을 Hubble로 시각화한 사례.\n"
        "- Speaker: Ann Lee (Globex) — Why GitOps fails at scale and what to do about it\n"
        "- Photo: Bob Roe (Initech) — taken at the venue\n"
    )
    affiliations = affiliations_of(extract_text(text))
    assert {("정가람", "다온소프트"), ("Ann Lee", "Globex")} <= affiliations


def test_two_people_credited_together_share_the_organisation():
    text = (
        "- Emre Yılmaz & Priya Raman (Northfold) — Golden paths with Backstage\n"
        "- 김도윤 & 박서연 (토스) — 결제 플랫폼 이야기\n"
        "- Tom & Jerry — a cartoon about cats\n"
    )
    affiliations = affiliations_of(extract_text(text))
    assert {
        ("Emre Yılmaz", "Northfold"),
        ("Priya Raman", "Northfold"),
        ("김도윤", "Toss"),
        ("박서연", "Toss"),
    } <= affiliations
    assert not any(p in ("Tom", "Jerry") for p, _ in affiliations)


def test_a_country_a_freelancer_and_a_student_s_year_on_a_credit_line():
    text = (
        "Recipients:\n\n"
        "- Chiamaka Eze — Nigeria\n"
        "- Tobias Brandl — Independent SRE consultant\n"
        "- 윤태식 — 프리랜서 DevOps 컨설턴트\n"
        "- 배준서 — 누리대학교 컴퓨터공학과 4학년\n"
    )
    extraction = extract_text(text)
    affiliations = affiliations_of(extraction)
    assert ("배준서", "누리대학교") in affiliations
    assert not {o for p, o in affiliations if p in {"Chiamaka Eze", "Tobias Brandl", "윤태식"}}
    assert "Nigeria" not in names_of(extraction, EntityType.ORGANIZATION)


def test_a_signature_with_a_role_at_a_company_and_a_link_after_it():
    text = (
        "# 질문\n\n저도 같은 문제를 겪었어요. 노드 풀을 나누니 해결됐습니다.\n\n"
        "김도현 | DevOps Engineer @ 11번가 | github.com/dohyun-kim\n"
    )
    extraction = extract_text(text)
    assert ("김도현", "11번가") in affiliations_of(extraction)
    assert "GitHub" not in names_of(extraction, EntityType.ORGANIZATION)


def test_a_credit_then_a_bio_in_sentences_on_one_line():
    text = (
        "# 선정자\n\n"
        "- 박서연 · 우아한형제들 SRE. 사내에서 Argo Rollouts로 점진 배포를 정착시킨 경험을 "
        "정리 중입니다.\n"
        "- 김도윤 · KAIST 전산학부 석사과정. Kepler로 전력 소비를 측정하는 연구를 하고 있습니다.\n"
        "- 이수진 · 모아페이 플랫폼개발팀 플랫폼 엔지니어. 네이버(2016~2020), 쿠팡(2020~2023)을 "
        "거쳤다. Kubernetes Korea Group 운영진으로 서울 밋업을 꾸리고 있다.\n"
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("박서연", "Woowa Brothers") in affiliations
    assert ("김도윤", "KAIST") in affiliations
    assert ("이수진", "모아페이") in affiliations


def test_a_sentence_of_what_someone_did_after_a_credit_names_no_organisation():
    text = (
        "# 릴리스 노트\n\n"
        "- Rahul Verma (@rahulv) — OTLP 내보내기를 구현했습니다. 라훌 님은 이슈도 꼼꼼히 "
        "읽어 주셨어요.\n"
    )
    assert not affiliations_of(extract_text(text))


def test_initials_in_brackets_are_the_person_s_not_an_organisation():
    text = (
        "Minutes of call 7.\n\n"
        "**Attendees**\n\n"
        "- Aidan Burke (AB) — CNCF, KCD program liaison (first 20 min)\n"
        "- Mei-Lin Zhou (MZ, @meilinz) — program committee lead\n"
        "- Bob Roe (BR Labs) — guest\n"
    )
    extraction = extract_text(text)
    affiliations = affiliations_of(extraction)
    assert {("Aidan Burke", "Cloud Native Computing Foundation"), ("Bob Roe", "BR Labs")} <= (
        affiliations
    )
    assert not {"AB", "MZ", "KCD program liaison"} & names_of(extraction, EntityType.ORGANIZATION)
