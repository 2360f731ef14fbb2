"""Korean news forms: clauses before a name that say where the person works, leads or came from;
a company's head in brackets after its name; a college of a university before a professor."""

from __future__ import annotations

from extraction_support import affiliations_of, extract_text, names_of

from forumgraph.models import EntityType


def test_clauses_of_leading_founding_working_and_coming_from():
    text = (
        "삼성SDS 출신으로 오픈소스 컨설팅사 다온랩을 이끌고 있는 문서진 대표가 패널로 참여했다. "
        "스타트업 누리온을 창업한 김도현 대표가 축사를 했다. "
        "가온데이터에서 플랫폼 엔지니어로 일하는 박하늘 님도 발표했다."
    )
    assert {
        ("문서진", "Samsung SDS"),
        ("문서진", "다온랩"),
        ("김도현", "누리온"),
        ("박하늘", "가온데이터"),
    } <= affiliations_of(extract_text(text))


def test_clauses_about_common_nouns_and_projects_name_no_organisation():
    text = (
        "같은 회사에서 일하는 최민수 님, 서비스를 운영하는 정하나 님, "
        "쿠버네티스를 맡고 있는 한지우 님이 함께했다."
    )
    extraction = extract_text(text)
    assert not {p for p, _ in affiliations_of(extraction)} & {"최민수", "정하나", "한지우"}
    assert not {"회사", "서비스"} & names_of(extraction, EntityType.ORGANIZATION)


def test_a_company_s_head_in_brackets_and_its_people_later():
    text = (
        "핀테크 기업 한결페이(대표 오지훈)는 지난 11일 판교 본사에서 교류회를 열었다고 15일 "
        "밝혔다. 기조 발표는 한결페이 서민재 CTO가 맡았다."
    )
    assert {("오지훈", "한결페이"), ("서민재", "한결페이")} <= affiliations_of(extract_text(text))


def test_a_professor_of_a_college_belongs_to_its_university():
    text = (
        "패널 토론은 고려대학교 정보대학 황보석진 교수가 진행했다. "
        "특강은 한빛대학 김철수 교수가 맡았다."
    )
    extraction = extract_text(text)
    affiliations = affiliations_of(extraction)
    assert {("황보석진", "고려대학교"), ("김철수", "한빛대학")} <= affiliations
    assert "정보대학" not in names_of(extraction, EntityType.ORGANIZATION)


def test_an_honouring_clause_describes_the_person_after_it():
    text = (
        "등록 팀장이던 곽도윤 님이 줄을 두 줄로 나눴고, 토스뱅크 인프라팀에 계신 황인서 님이 "
        "체크인 스크립트를 고쳐 주셨습니다."
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("황인서", "Toss Bank") in affiliations
    assert ("곽도윤", "Toss Bank") not in affiliations


_TEAM_PROFILES = (
    "저희 팀을 소개합니다.\n\n"
    "## 팀원들에게 물었습니다\n\n"
    "**손예나 (SRE)**\n"
    "예나 님은 네이버 검색 인프라 조직에서 4년을 보낸 뒤 작년에 왔습니다.\n\n"
    "**정다인 (막내)**\n"
    "학부 때 라인플러스(LINE Plus)에서 인턴을 했다고 해요.\n\n"
    "**차은석 (옵저버빌리티)**\n"
    "회사 밖에서는 오픈텔레메트리 한국 사용자 모임 운영진으로 활동하고 있습니다.\n"
)


def test_bios_that_say_where_the_person_worked_interned_or_takes_part():
    affiliations = affiliations_of(extract_text(_TEAM_PROFILES))
    assert {
        ("손예나", "Naver"),
        ("정다인", "LINE Plus"),
        ("차은석", "오픈텔레메트리 한국 사용자 모임"),
    } <= affiliations


def test_a_common_word_in_brackets_after_a_name_is_no_organisation():
    organisations = names_of(extract_text(_TEAM_PROFILES), EntityType.ORGANIZATION)
    assert not {"막내", "옵저버빌리티", "SRE"} & organisations


def test_a_speaker_s_career_written_as_a_list_under_their_heading():
    text = (
        "이번 밋업 발표자를 소개합니다.\n\n"
        "| 시간 | 세션 | 발표자 |\n| --- | --- | --- |\n"
        "| 19:10 | 네트워크 정책 디버깅 | 오현준 |\n\n"
        "### 🎤 오현준\n\n"
        "- 현) 카카오 클라우드플랫폼 엔지니어\n"
        "- 전) SK플래닛 인프라팀 (6년)\n"
        "- CNCF 앰배서더, 쿠버네티스 코리아 그룹 운영진\n"
        "- KCD 코리아 2024에서 실리움 전환기를 발표했습니다.\n\n"
        "### 🎤 Sarah Tran (사라 트란)\n\n"
        "Microsoft 클라우드 애드보킷. 서울에 산 지 7년 차입니다.\n"
    )
    assert {
        ("오현준", "Kakao"),
        ("오현준", "SK planet"),
        ("오현준", "Cloud Native Computing Foundation"),
        ("오현준", "쿠버네티스 코리아 그룹"),
        ("Sarah Tran", "Microsoft"),
    } <= affiliations_of(extract_text(text))


def test_a_list_of_other_people_under_a_heading_is_no_career():
    text = (
        "# Organizing committee — call #3\n\n"
        "**Chair:** Owen Fraser (OF)\n\n"
        "**Attendees**\n"
        "- Owen Fraser (OF) — chair, Dalhousie University\n"
        "- Gabriel Roy (GR) — venue & logistics, Kinaxis\n"
    )
    assert ("Owen Fraser", "Kinaxis") not in affiliations_of(extract_text(text))


def test_clauses_of_where_a_person_worked_or_led_something():
    text = (
        "네이버클라우드에서 네이버 쿠버네티스 서비스(NKS) 개발을 이끌던 오승훈 씨는 최근 "
        "회사를 떠났다. 미국 구글 본사에서 GKE 네트워킹을 맡아 온 Ethan Choi(최이산) 씨는 다음 달 "
        "자리를 옮긴다. 지난해 KubeCon에서 키노트를 맡았던 문하늘 씨도 참석했다."
    )
    affiliations = affiliations_of(extract_text(text))
    assert {("오승훈", "Naver Cloud"), ("Ethan Choi", "Google")} <= affiliations
    assert not {o for p, o in affiliations if p == "문하늘"}


def test_a_sentence_about_what_an_organisation_put_up_names_its_person():
    text = (
        "로지브릿지에서는 쿠팡에서 5년간 클러스터 운영을 맡았던 이태웅 SRE 리드가 연단에 올랐다. "
        "서울에서는 김민재 교수가 강연했다. 오전에는 박하람 님이 발표했다."
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("이태웅", "로지브릿지") in affiliations
    assert not {o for p, o in affiliations if p in {"김민재", "박하람"}}


def test_a_korean_career_moved_to_and_a_group_taken_part_in():
    text = (
        "임채훈 CTO는 2012년 네이버에 입사했다. 2017년 쿠팡으로 자리를 옮겨 4년간 플랫폼 구축을 "
        "이끌었다. 임 CTO는 CNCF 산하 TAG App Delivery에서 플랫폼 성숙도 모델 문서 작업에 참여하고 "
        "있다. 박하람 님은 카카오에서 열린 밋업에 참여했다."
    )
    affiliations = affiliations_of(extract_text(text))
    assert {("임채훈", "Coupang"), ("임채훈", "TAG App Delivery")} <= affiliations
    assert ("박하람", "Kakao") not in affiliations


def test_places_marked_past_and_present_after_the_name_as_the_topic():
    text = (
        "발표자 서민준 님은 前 네이버, 現 당근 SRE. 컬렉터 구성을 설명했다. 전 세계 이야기도 했다."
    )
    affiliations = affiliations_of(extract_text(text))
    assert {("서민준", "Naver"), ("서민준", "Daangn")} <= affiliations
    assert not {o for p, o in affiliations if o.startswith("세계")}


def test_a_company_named_by_an_ordinary_word_only_where_an_employer_stands():
    text = (
        "라인 출신으로 지금은 가온데이터에서 SRE로 일하는 윤서하 님이 발표했다. "
        "커맨드 라인 도구를 쓰는 김하솔 님이 질문했다. 생산 라인을 자동화했다."
    )
    affiliations = affiliations_of(extract_text(text))
    assert ("윤서하", "라인") in affiliations
    assert not {o for p, o in affiliations if p == "김하솔"}
