"""Pages about the people of one team or group: a company's hiring post introducing its team, a
study group's organisers, profiles under a line in bold."""

from __future__ import annotations

from extraction_support import affiliations_of, extract_text, names_of

from forumgraph.models import EntityType

_HIRING_POST = (
    "솔빛페이는 하루 백만 건의 결제를 처리합니다. 이번에 플랫폼팀의 다섯 번째 동료를 모십니다.\n\n"
    "## 함께 일할 사람들\n\n"
    "**남기현 님 (팀장)**\n"
    "바람마켓에서 5년간 SRE로 일하다 2023년 솔빛페이에 합류했습니다. 말수가 적습니다.\n\n"
    "**Anke Vos 님 (백엔드)**\n"
    "네덜란드에서 왔습니다. 前 Elastic 엔지니어로, 지금은 결제 서버를 맡고 있어요.\n\n"
    "**류다인 님 (주니어 엔지니어)**\n"
    "올해 한울대학교 컴퓨터공학과를 졸업하고 합류했습니다. 쿠버네티스 문서 한글화 팀에서 "
    "번역에 참여해 왔습니다.\n\n"
    "**오세윤 님 (SRE)**\n"
    "누리뱅크 출신. 팀의 장애 회고를 가장 많이 쓴 사람입니다.\n\n"
    "CTO 문태오 님이 직접 면접을 봅니다.\n\n"
    "## 지원 방법\n\n"
    "궁금한 점은 피플팀 하지원 님께 물어보세요. 카카오 CTO 출신 심사위원은 없습니다.\n"
)


def test_a_company_s_hiring_post_introduces_its_team():
    extraction = extract_text(_HIRING_POST, {"author": "솔빛페이 피플팀"})
    affiliations = affiliations_of(extraction)
    assert {
        ("남기현", "솔빛페이"),
        ("Anke Vos", "솔빛페이"),
        ("Anke Vos", "Elastic"),
        ("류다인", "솔빛페이"),
        ("류다인", "한울대학교"),
        ("류다인", "쿠버네티스 문서 한글화 팀"),
        ("오세윤", "솔빛페이"),
        ("문태오", "솔빛페이"),
        ("하지원", "솔빛페이"),
    } <= affiliations
    organisations = names_of(extraction, EntityType.ORGANIZATION)
    # a title in brackets, and a sentence's end before `팀의`, name no organisation
    assert not {"주니어", "SRE", "팀장", "백엔드"} & organisations
    assert not any("출신" in o for o in organisations)


def test_a_report_about_a_company_s_team_gives_its_people_nothing_from_the_byline():
    report = _HIRING_POST.replace("니다.", "다.").replace("어요.", "다.").replace("세요.", "라.")
    affiliations = affiliations_of(extract_text(report, {"author": "솔빛페이 피플팀"}))
    assert ("하지원", "솔빛페이") not in affiliations
    assert ("문태오", "솔빛페이") not in affiliations


def test_a_study_group_named_in_the_title_and_its_organisers_profiles():
    text = (
        "안녕하세요! '코드로 보는 스케줄러', 줄여서 **큐브읽기** 2기 참여자를 모집합니다.\n\n"
        "## 운영진을 소개합니다\n\n"
        "**하도윤** — 스터디장. 가온데이터에서 사내 플랫폼을 만들고 있어요.\n\n"
        "**Ravi Menon** — 뭄바이에서 온 고려대학교 대학원생(네트워크 연구실). 영어, 한국어, "
        "힌디어로 질문 받아요.\n\n"
        "**윤가람 (@garam-y)** — 쿠버네티스 SIG Node 멤버로 활동 중인 우리 스터디의 리뷰 담당.\n\n"
        "## 게스트\n\n"
        "6주차 게스트로는 레드햇의 정세라 님이 경험을 나눠 주실 예정입니다.\n"
    )
    header = {"title": "[모집] 쿠버네티스 스터디 '큐브읽기' 2기 모집 (+ 운영진 소개)"}
    extraction = extract_text(text, header)
    affiliations = affiliations_of(extraction)
    assert {
        ("하도윤", "큐브읽기"),
        ("Ravi Menon", "고려대학교"),
        ("Ravi Menon", "큐브읽기"),
        ("윤가람", "SIG Node"),
        ("윤가람", "큐브읽기"),
        ("정세라", "Red Hat"),
    } <= affiliations
    assert ("정세라", "큐브읽기") not in affiliations  # a guest, under another heading
    # languages, and a role opening the bio, are no organisations
    organisations = names_of(extraction, EntityType.ORGANIZATION)
    assert not {"한국어", "영어", "힌디어", "스터디장"} & organisations


def test_a_place_the_bio_names_where_the_person_takes_part_is_no_organisation():
    text = (
        "## 멘토 소개\n\n"
        "### Jonas Keller 멘토\n"
        "Initech 소속으로 독일 발도르프에서 원격으로 참여합니다. 주간 미팅에 함께합니다.\n"
    )
    extraction = extract_text(text)
    assert ("Jonas Keller", "Initech") in affiliations_of(extraction)
    assert "발도르프" not in names_of(extraction, EntityType.ORGANIZATION)
