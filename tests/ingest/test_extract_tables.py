"""People and organisations from the rows of speaker tables."""

from __future__ import annotations

from extraction_support import affiliations_of, extract_text, names_of

from forumgraph.models import EntityType

KOREAN_LINE_UP = (
    "세션 발표\n\n"
    "| 시간 | 발표자 | 소속 / 직함 | 제목 |\n"
    "|---|---|---|---|\n"
    "| 10:50 | 하지안 (Ha Jian) | 누리은행 클라우드플랫폼부 / 차장 | 망분리 환경의 GitOps |\n"
    "| 11:30 | 류태경 | KAIST 전산학부 / 박사과정 | 노드 내부 들여다보기 |\n"
    "| 13:30 | 모리 켄지 (Kenji Mori) | Kumobit / CTO | 작은 팀의 크로스플레인 |\n"
    "| 15:40 | 문경석 | 프리랜서 / 메인테이너 | SBOM을 한 줄로 |\n"
)


def test_a_speaker_table_gives_people_and_where_they_work():
    extraction = extract_text(KOREAN_LINE_UP)
    people = names_of(extraction, EntityType.PERSON)
    assert {"류태경", "Kenji Mori", "문경석"} <= people
    assert people & {"하지안", "Ha Jian"}
    pairs = affiliations_of(extraction)
    assert {("류태경", "KAIST"), ("Kenji Mori", "Kumobit")} <= pairs
    assert pairs & {("하지안", "누리은행"), ("Ha Jian", "누리은행")}
    # a freelancer works for no organisation, and a unit or title is no organisation
    assert not any(person == "문경석" for person, _ in pairs)
    orgs = names_of(extraction, EntityType.ORGANIZATION)
    assert not any("플랫폼부" in o or "전산학부" in o or o == "프리랜서" for o in orgs)


def test_an_english_table_with_the_organisation_in_brackets():
    text = (
        "Speakers\n\n"
        "| Speaker | Talk |\n"
        "| --- | --- |\n"
        "| Amara Osei (Lumo Payments) | Certificates at scale |\n"
        "| Tobias Lindgren | Bin packing |\n"
    )
    pairs = affiliations_of(extract_text(text))
    assert ("Amara Osei", "Lumo Payments") in pairs
    assert not any(person == "Tobias Lindgren" for person, _ in pairs)


def test_a_table_without_a_persons_column_names_nobody():
    text = "| Release | Date |\n|---|---|\n| Kubernetes 1.31 | Aug |\n| Kubernetes 1.32 | May |\n"
    assert names_of(extract_text(text), EntityType.PERSON) == set()


def test_two_speakers_of_a_row_each_with_their_organisation_over_a_long_table():
    rows = "".join(
        f"| {9 + i}:00 | Speaker Number{i} | Firm{i} | A talk on topic {i} of many |\n"
        for i in range(30)
    )
    text = (
        "| Time | Speaker | Company | Title |\n|---|---|---|---|\n"
        + rows
        + "| 15:20 | Oskar Lindqvist, Rhea D'Souza | Bankhaus Lindqvist / Red Hat | Panel |\n"
        + "| 16:10 | Priya Raghunathan | Bankhaus Lindqvist | Lightning talk |\n"
    )
    extraction = extract_text(text)
    pairs = affiliations_of(extraction)
    assert {("Oskar Lindqvist", "Bankhaus Lindqvist"), ("Rhea D'Souza", "Red Hat")} <= pairs
    assert ("Rhea D'Souza", "Bankhaus Lindqvist") not in pairs
    assert "Bankhaus Lindqvist" in names_of(extraction, EntityType.ORGANIZATION)


def test_a_column_headed_by_a_role_beside_an_employer_s_column():
    text = (
        "The chairs as of December:\n\n"
        "| Working group | Chair | Employer | Since |\n"
        "|---|---|---|---|\n"
        "| Storage | Ilse Vermeer | Corvanta | 2022 |\n"
        "| Networking | Tobias Brandl | Sablewood Systems | 2024 |\n"
    )
    affiliations = affiliations_of(extract_text(text))
    assert {("Ilse Vermeer", "Corvanta"), ("Tobias Brandl", "Sablewood Systems")} <= affiliations


def test_a_role_column_without_an_employer_s_column_is_no_table_of_people():
    text = "| Working group | Chair |\n|---|---|\n| Storage | Quarterly Review |\n"
    assert "Quarterly Review" not in names_of(extract_text(text), EntityType.PERSON)


def test_given_names_under_a_column_of_names_and_an_employer_opening_a_bio():
    text = (
        "| 닉네임 | 이름 | 한 줄 소개 |\n"
        "|---|---|---|\n"
        "| 도토리 | 지안 | 우아한형제들 백엔드 개발자, 스터디장 |\n"
        "| 새벽 | 하루 | 얼마 전 티몬에서 야놀자로 이직 |\n"
        "| 감자 | 로운 | Principal Engineer, 프리랜서 |\n"
    )
    extraction = extract_text(text)
    assert {"지안", "하루", "로운"} <= names_of(extraction, EntityType.PERSON)
    affiliations = affiliations_of(extraction)
    assert {("하루", "티몬"), ("하루", "Yanolja")} <= affiliations
    assert not {org for person, org in affiliations if person == "로운"}


def test_a_day_job_column_with_a_role_and_where_it_is_held_in_one_cell():
    text = (
        "| Name | Role | Day job |\n|---|---|---|\n"
        "| Ceren Aydoğan | Lead organiser | CTO, Tessera Cloud GmbH (Berlin / Istanbul) |\n"
        "| Elif Kara | Programme chair | SRE — Getir |\n"
        "| Mert Özdemir | Venue | ex-Insider, currently freelancing |\n"
        "| Zeynep Arslan | Social | MSc student, Boğaziçi University |\n"
        "| Deniz Şahin | Finance | Independent consultant |\n"
    )
    affiliations = affiliations_of(extract_text(text))
    for person, org in (
        ("Ceren Aydoğan", "Tessera Cloud GmbH"),
        ("Elif Kara", "Getir"),
        ("Mert Özdemir", "Insider"),
        ("Zeynep Arslan", "Boğaziçi University"),
    ):
        assert (person, org) in affiliations
    assert not any(person == "Deniz Şahin" for person, _ in affiliations)


def test_a_table_of_a_team_s_previous_companies():
    text = (
        "| 이름 | 역할 | 이전 경력 | 학교 |\n|---|---|---|---|\n"
        "| 김소희 | 백엔드 엔지니어 | 당근 | 서울대학교 대학원 |\n"
        "| 정유나 | 프로덕트 디자이너 | 토스 | 홍익대학교 |\n"
        "| 윤태경 | 엔지니어 인턴 | — | 성균관대학교 재학 |\n"
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("정유나", "Toss") in affiliations
    assert not any(org == "프로덕트" for _, org in affiliations)


def test_a_results_table_gives_each_team_its_members_and_brackets_said_for_all():
    text = (
        "| 상 | 팀명 | 팀원 (소속) | 프로젝트 |\n"
        "|---|---|---|---|\n"
        "| 대상 | 파드지기 | 강민재(쿠팡), 도윤서(고려대학교) | 잡 우선순위 조정기 |\n"
        "| 우수상 | 셀프힐링즈 | 조은비, 황지훈 (이상 숭실대학교) | 장애 요약 봇 |\n"
        "| 장려상 | 카나리아 배포단 | Arjun Mehta(개인 참가) | 분석 템플릿 CLI |\n"
    )
    extraction = extract_text(text)
    assert {
        ("강민재", "Coupang"),
        ("강민재", "파드지기"),
        ("도윤서", "파드지기"),
        ("조은비", "숭실대학교"),
        ("황지훈", "숭실대학교"),
        ("황지훈", "셀프힐링즈"),
        ("Arjun Mehta", "카나리아 배포단"),
    } <= affiliations_of(extraction)
    organisations = names_of(extraction, EntityType.ORGANIZATION)
    assert "개인 참가" not in organisations
    assert not any("잡 우선순위" in o or o == "대상" for o in organisations)


def test_an_english_team_table_and_a_table_without_a_team_column():
    text = (
        "| Team | Members | Project |\n"
        "|---|---|---|\n"
        "| Night Owls | Ann Lee, Bo Kim (both Initech) | A scheduler |\n\n"
        "| Prize | Winner | Project |\n"
        "|---|---|---|\n"
        "| First | Cara Diaz (Globex) | A linter |\n"
    )
    extraction = extract_text(text)
    affiliations = affiliations_of(extraction)
    assert {
        ("Ann Lee", "Initech"),
        ("Bo Kim", "Initech"),
        ("Ann Lee", "Night Owls"),
        ("Cara Diaz", "Globex"),
    } <= affiliations
    assert not any(o in {"First", "A linter"} for _, o in affiliations)


def test_a_mentees_table_with_an_organisation_after_a_comma_and_a_handle_in_brackets():
    text = (
        "| Project | Mentee | Mentor(s) | Idea |\n"
        "|---|---|---|---|\n"
        "| Cilium | Tobias Ferreira, Universidade de São Paulo | Dario Ferrante | UI audit |\n"
        "| Jaeger | Kwame Mensah (@kmensah) | Priya Desai | Storage tests |\n"
        "| Argo CD | Ana Lima, Bruno Costa | Lukas Brenner | Diff speed |\n"
    )
    extraction = extract_text(text)
    affiliations = affiliations_of(extraction)
    assert ("Tobias Ferreira", "Universidade de São Paulo") in affiliations
    assert not any(p == "Kwame Mensah" for p, _ in affiliations)
    assert not any(p == "Ana Lima" for p, _ in affiliations)
    assert "@kmensah" not in names_of(extraction, EntityType.ORGANIZATION)


def test_a_column_of_the_language_a_session_is_run_in_names_no_one():
    text = (
        "| 멘토 | 프로젝트 | 진행 언어 |\n"
        "|---|---|---|\n"
        "| 정하람 | Argo CD | 한국어 |\n"
        "| Matthias Vogel | Gardener | 영어 |\n\n"
        "| 진행 | 세션 |\n"
        "|---|---|\n"
        "| 오세린 | 키노트 |\n"
        "| 강민재 | 패널 |\n"
    )
    people = names_of(extract_text(text), EntityType.PERSON)
    assert not {"한국어", "영어"} & people
    assert {"오세린", "강민재"} <= people


def test_a_sponsors_table_gives_its_booth_staff_their_company():
    text = (
        "| Sponsor | Booth | What you'll see | Booth staff |\n"
        "|---|---|---|---|\n"
        "| Grafana Labs | G1 | Loki on a demo cluster | Sven Aaltonen, Beatriz Moura |\n"
        "| Ferrolux Systems | G3 | A cost exporter | Priya Raman (CTO), Dário Neves |\n"
    )
    affiliations = affiliations_of(extract_text(text))
    assert {
        ("Sven Aaltonen", "Grafana Labs"),
        ("Beatriz Moura", "Grafana Labs"),
        ("Priya Raman", "Ferrolux Systems"),
    } <= affiliations
    assert not any(o in {"CTO", "G1"} for _, o in affiliations)


def test_a_contributors_table_with_no_employer_now_and_a_past_one_and_a_maintainers_line():
    text = (
        "Thanks to all.\n\n"
        "**Maintainers:** Hana Sato (@hanasato, Lumenrail) · Diego Ferraz (@dferraz) · "
        "Amara Nwachukwu (@amaranw, Stackwise)\n\n"
        "| Contributor | Handle | Affiliation | First PR |\n"
        "|---|---|---|---|\n"
        "| Michael Oduya | @m-oduya | independent | Rotation guide |\n"
        "| Jean-Philippe Leclerc | @jpleclerc | independent (previously OVHcloud) | Helm schema |\n"
    )
    extraction = extract_text(text)
    affiliations = affiliations_of(extraction)
    assert {
        ("Hana Sato", "Lumenrail"),
        ("Amara Nwachukwu", "Stackwise"),
        ("Jean-Philippe Leclerc", "OVHcloud"),
    } <= affiliations
    assert not any(p in {"Michael Oduya", "Diego Ferraz"} for p, _ in affiliations)
    assert "independent" not in names_of(extraction, EntityType.ORGANIZATION)
