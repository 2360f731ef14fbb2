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


def test_bios_under_a_bold_name_and_a_label_in_english():
    text = (
        "## The recipients\n\n"
        "**Chiamaka Obi** · Enugu, Nigeria\n"
        "Platform engineer at Quillpay, where she looks after the Helm charts.\n\n"
        "**Tariq Haddad** · Amman, Jordan\n"
        "Final-year computer science student, University of Petra. Tariq landed his first PR.\n\n"
        "**Wen Jiahui** (@wen-j) · Hangzhou, China\n"
        "Four years as an SRE at Brightloom, now an independent consultant. Jiahui is a "
        "reviewer in SIG Scheduling.\n\n"
        "**Lucía Paz** · Lima, Peru\n"
        "Teaches containers as a bootcamp instructor with Codelima. She met Jonas Weber of "
        "Tessaline there.\n"
    )
    affiliations = affiliations_of(extract_text(text))
    assert {
        ("Chiamaka Obi", "Quillpay"),
        ("Tariq Haddad", "University of Petra"),
        ("Wen Jiahui", "Brightloom"),
        ("Wen Jiahui", "SIG Scheduling"),
        ("Lucía Paz", "Codelima"),
    } <= affiliations
    # a sentence naming someone else is theirs
    assert ("Lucía Paz", "Tessaline") not in affiliations


def test_a_role_in_a_place_or_a_field_is_no_membership():
    text = "Jane Roe is an engineer in Berlin. Omar Diaz is a researcher in Distributed Systems."
    affiliations = affiliations_of(extract_text(text))
    assert not any(p in {"Jane Roe", "Omar Diaz"} for p, _ in affiliations)


def test_the_writer_s_colleagues_named_before_what_they_are_to_us():
    text = (
        "Two weeks ago the eleven of us flew to Porto. I took over as engineering manager at "
        "Tidewater Freight in January.\n\n"
        "Kofi Mensah, our resident Argo CD whisperer, sketched a plan. Marta Lindqvist, who "
        "joined us from Spotify in March, asked why. Tetragon is owned by Aisha Rahman, who has "
        "been on this team longer than anyone. Thanks to Greg Holloway, our VP of Engineering.\n\n"
        "Rafael Dominguez, our keynote speaker, came from Shopify.\n"
    )
    header = {"author": "Dana Whitfield (Tidewater Freight)"}
    affiliations = affiliations_of(extract_text(text, header))
    assert {
        ("Dana Whitfield", "Tidewater Freight"),
        ("Kofi Mensah", "Tidewater Freight"),
        ("Marta Lindqvist", "Tidewater Freight"),
        ("Aisha Rahman", "Tidewater Freight"),
        ("Greg Holloway", "Tidewater Freight"),
    } <= affiliations
    assert ("Rafael Dominguez", "Tidewater Freight") not in affiliations


def test_a_student_club_named_after_its_kind_and_its_people():
    text = (
        "지난 21일, 저희 학회 NIMBUS가 주최한 세미나가 열렸습니다. 부회장으로서 기록해 둡니다.\n\n"
        "**세션 1. 도커부터 다시 — 하경민 (학회 스터디장)**\n\n"
        "첫 발표는 스터디장이 맡았습니다.\n\n"
        "질의응답 시간에는 여름에 삼성SDS에서 인턴을 한 4학년 유지오 학우가 질문했습니다.\n\n"
        "지도교수 한정수 교수님(한빛대학교 컴퓨터공학부)께 감사드립니다. 회장 최도준을 비롯한 "
        "운영진 모두 고생 많았어요. 학회 인스타그램 DM 주세요.\n\n"
        "- 쿠버네티스 커뮤니티 Days가 Italy에서 열립니다.\n"
        "- 누리뱅크 최성호 전무(IT본부장)도 왔습니다.\n"
    )
    header = {"author": "임서진 (한빛대학교 클라우드 학회 NIMBUS 부회장)"}
    extraction = extract_text(text, header)
    affiliations = affiliations_of(extraction)
    assert {
        ("하경민", "NIMBUS"),
        ("임서진", "NIMBUS"),
        ("한정수", "한빛대학교"),
    } <= affiliations
    assert {"유지오", "최도준", "한정수"} <= names_of(extraction, EntityType.PERSON)
    organisations = names_of(extraction, EntityType.ORGANIZATION)
    assert not {"학회", "Days", "IT본부장"} & organisations
    assert not any("부회장" in o for o in organisations)


def test_people_at_the_booths_of_a_sponsors_page():
    text = (
        "지난주 도쿄에서 열린 행사에 다녀왔습니다. 저는 판교의 이커머스 회사 한빛몰에서 쿠버네티스 "
        "운영을 맡고 있어요. 세션 후기는 회사 동료 서지호 님이 쓰기로 했습니다.\n\n"
        "### 1. 데이터독 — 한국어 가능!\n\n"
        "데이터독 부스에는 한국 지사의 김하은 매니저님이 계셨어요.\n\n"
        "### 2. 구글 클라우드 — GKE 데모\n\n"
        "설명해 준 분은 서울 오피스에서 온 권나래 님이었습니다. "
        "카카오의 박도윤 님도 만났어요.\n\n"
        "### 마무리\n\n"
        "양말을 받았습니다.\n"
    )
    header = {"title": "KubeCon Japan 후원사 부스 방문기", "author": "이도원"}
    extraction = extract_text(text, header)
    affiliations = affiliations_of(extraction)
    assert {
        ("이도원", "한빛몰"),
        ("서지호", "한빛몰"),
        ("김하은", "Datadog"),
        ("권나래", "Google Cloud"),
    } <= affiliations
    assert ("박도윤", "Google Cloud") not in affiliations  # an organisation of their own
    assert ("이도원", "Datadog") not in affiliations
    assert "동료" not in names_of(extraction, EntityType.ORGANIZATION)


def test_the_same_people_on_a_page_about_no_booths_are_no_one_s():
    text = "### 1. 데이터독 — 관측성\n\n데이터독 얘기를 하다가 김하은 님이 질문했습니다.\n"
    affiliations = affiliations_of(extract_text(text, {"title": "관측성 스터디 후기"}))
    assert ("김하은", "Datadog") not in affiliations


def test_a_community_s_own_notice_its_staff_signing_and_its_acronym():
    text = (
        "안녕하세요, 클라우드 네이티브 광주(CNGJ) 운영진입니다.\n\n"
        "우리 커뮤니티 창립 멤버이자 3년째 운영진으로 함께하고 있는 문하윤 님이 메인테이너로 "
        "승격되었습니다. 하윤 님(前 카카오, 現 라인플러스)은 회사에서 클러스터를 운영해 "
        "왔습니다.\n\n"
        "- 사회: 류소정 님 (CNGJ 운영진)\n"
        "- 발표: 카이스트 전산학부 석사과정 최유나 님\n\n"
        "클라우드 네이티브 광주 운영진 김민재, 류소정, 장예서 드림\n"
    )
    header = {"author": "클라우드 네이티브 광주 운영진 일동"}
    extraction = extract_text(text, header)
    affiliations = affiliations_of(extraction)
    group = "클라우드 네이티브 광주"
    assert {
        ("문하윤", group),
        ("문하윤", "Kakao"),
        ("문하윤", "LINE Plus"),
        ("류소정", group),
        ("김민재", group),
        ("장예서", group),
    } <= affiliations
    assert ("최유나", group) not in affiliations  # a speaker, titled as a student
    # the acronym in brackets is the group's short name, not an organisation of its own
    assert "CNGJ" not in {o for _, o in affiliations}
    assert not any("운영진" in o for o in names_of(extraction, EntityType.ORGANIZATION))


def test_the_writer_s_school_and_colleagues_with_words_between():
    text = (
        "안녕하세요, 모아뱅크 플랫폼팀의 신입 엔지니어 정다온입니다. 한빛대학교 컴퓨터학과를 "
        "졸업하고 4월에 입사했습니다.\n\n"
        "입사 첫날 배정된 멘토는 같은 팀 7년 차 시니어 김태오 님이었습니다. 토스에서 SRE로 "
        "일하다 작년에 저희 팀에 합류한 손예나 님이 원인을 짚어 주셨어요. 네이버 클라우드 출신인 "
        "팀 동료 이수아 님도 도와주셨습니다.\n\n"
        "우리 팀 발표를 들은 카카오 박지훈 님이 질문했습니다.\n"
    )
    affiliations = affiliations_of(extract_text(text, {"author": "정다온 (모아뱅크 플랫폼팀)"}))
    assert {
        ("정다온", "모아뱅크"),
        ("정다온", "한빛대학교"),
        ("김태오", "모아뱅크"),
        ("손예나", "모아뱅크"),
        ("이수아", "모아뱅크"),
        ("이수아", "Naver Cloud"),
    } <= affiliations
    assert ("박지훈", "모아뱅크") not in affiliations


def test_the_lines_signing_an_email_under_the_name():
    text = (
        "+1 (binding), and about time.\n\n"
        "Ravi Menon\n"
        "Azure Kubernetes Service, Microsoft\n\n"
        "----\n\n"
        "Non-binding +1 from a happy user.\n\n"
        "Paola Rinaldi\n"
        "Cloud Platform Team, Quarzo Systems\n\n"
        "----\n\n"
        "Thanks all.\n\n"
        "Yusuf Kaya\n"
        "Senior SRE, Platform Reliability · Trendyol\n"
        "Istanbul\n\n"
        "----\n\n"
        "Hana Ito\n"
        "Brindle maintainer\n"
    )
    extraction = extract_text(text)
    affiliations = affiliations_of(extraction)
    assert {
        ("Ravi Menon", "Microsoft"),
        ("Paola Rinaldi", "Quarzo Systems"),
        ("Yusuf Kaya", "Trendyol"),
    } <= affiliations
    assert not any(p == "Hana Ito" for p, _ in affiliations)  # a role alone names no employer


def test_the_organisation_their_means_is_the_one_named_before():
    text = (
        "**09:33** This year's winner is Veltro Mobility, the Milan scooter operator. Accepting "
        "is their platform lead, Jakub Wiśniewski.\n\n"
        "- **Isovalent** (now part of Cisco): Samir Haddad, one of their solutions engineers, "
        "walked Aisha Rahman and me through Tetragon.\n\n"
        "We thanked Lena Vogt for their hospitality.\n"
    )
    affiliations = affiliations_of(extract_text(text))
    assert {
        ("Jakub Wiśniewski", "Veltro Mobility"),
        ("Samir Haddad", "Isovalent"),
    } <= affiliations
    assert ("Samir Haddad", "Cisco") not in affiliations
    assert not any(p in {"Aisha Rahman", "Lena Vogt"} for p, _ in affiliations)


def test_award_titles_after_a_winner_s_name_are_no_people_or_organisations():
    text = (
        "Meet this year's Community Heroes, chosen by the jury.\n\n"
        "### 🏆 Aino Lehto (@ainol) — Documentation Hero\n\n"
        "Aino coordinated the Finnish localization team.\n\n"
        "### 🏆 Rasmus Vik — Rising Star\n\n"
        "Rasmus is a student at DTU.\n\n"
        "### Priya Raman — Tessaline Systems\n\n"
        "Priya runs the platform team.\n"
    )
    extraction = extract_text(text)
    assert not {"Documentation Hero", "Rising Star"} & names_of(extraction, EntityType.PERSON)
    organisations = names_of(extraction, EntityType.ORGANIZATION)
    assert not {"Rising Star", "Community Heroes", "Documentation Hero"} & organisations
    assert ("Priya Raman", "Tessaline Systems") in affiliations_of(extraction)


def test_those_attending_a_committee_s_meeting_are_its_members():
    text = (
        "# KCD Fundy 2026 — Organizing Committee Call #3\n\n"
        "**Attendees**\n"
        "- Owen Fraser (OF) — chair, Dalhousie University\n"
        "- Gabriel Roy (GR) — venue & logistics, Kinaxis\n\n"
        "**Regrets:** Sarah Doyle (SD)\n\n"
        "**Guest:** Rafael Gómez, developer relations at DigitalOcean\n\n"
        "## 1. Action items\n\n"
        "- OF: ask Mira Chen about volunteers.\n"
    )
    header = {"title": "KCD Fundy 2026 organizing committee — call #3 minutes"}
    affiliations = affiliations_of(extract_text(text, header))
    committee = "KCD Fundy 2026 organizing committee"
    assert {
        ("Owen Fraser", committee),
        ("Owen Fraser", "Dalhousie University"),
        ("Gabriel Roy", committee),
        ("Sarah Doyle", committee),
    } <= affiliations
    assert not any(o == committee for p, o in affiliations if p in {"Rafael Gómez", "Mira Chen"})


def test_in_an_interview_s_answers_the_one_who_answers_works_where_they_say():
    text = (
        "'이달의 기여자' 코너에서 이번에 만난 사람은 문가온 님이다.\n\n"
        "**— 간단히 자기소개 부탁드립니다.**\n\n"
        "Gaonworks에서 모니터링 플랫폼을 만들고 있는 문가온입니다. 저희 팀 리드인 서진오 님이 "
        "많이 도와주셨어요.\n\n"
        "**— 커뮤니티 활동도 하시죠?**\n\n"
        "네, 같이 운영하는 카카오페이 류하담 님 덕분이에요.\n"
    )
    header = {"title": "오픈소스 기여자 문가온 님 인터뷰", "author": "김태윤 (커밋노트 편집부)"}
    affiliations = affiliations_of(extract_text(text, header))
    assert ("문가온", "Gaonworks") in affiliations
    # the answer's `저희 팀` is the interviewee's team, not the interviewer's publication
    assert ("서진오", "커밋노트") not in affiliations


def test_a_group_named_after_a_project_and_a_dash_for_no_employer():
    text = (
        "The programme committee.\n\n"
        "| Name | Company | Track |\n"
        "|---|---|---|\n"
        "| Priya Raman | Red Hat | Security |\n"
        "| Kwame Asare | – | First-time speakers |\n\n"
        "Priya has been a reviewer in Kubernetes SIG Auth for years.\n"
    )
    extraction = extract_text(text)
    affiliations = affiliations_of(extraction)
    assert {("Priya Raman", "Red Hat"), ("Priya Raman", "SIG Auth")} <= affiliations
    assert not any(p == "Kwame Asare" for p, _ in affiliations)
    assert "–" not in names_of(extraction, EntityType.ORGANIZATION)


def test_booths_listed_by_an_organisation_in_bold_and_people_who_came_from_elsewhere():
    text = (
        "# Sponsors & Exhibitors\n\n"
        "### Grafana Labs · Booth P2\n\n"
        "Say hello to **Jonas Weber**, who came over from SUSE last spring. Ana Lima of "
        "Tessaline drops by too.\n\n"
        "## Silver\n\n"
        "- **OVHcloud** (S1) — bare-metal node pools. Staffed by Hugo Lefèvre.\n"
        "- **Nortalha Cloud** (S2) — sovereign cloud.\n"
    )
    affiliations = affiliations_of(extract_text(text, {"title": "KCD Lisbon — Sponsors"}))
    assert {
        ("Jonas Weber", "Grafana Labs"),
        ("Jonas Weber", "SUSE"),
        ("Hugo Lefèvre", "OVHcloud"),
    } <= affiliations
    assert ("Ana Lima", "Grafana Labs") not in affiliations


def test_a_book_s_authors_and_the_names_crediting_its_quotations():
    text = (
        "## 저자 소개\n\n"
        "**문소영** — 前 삼성SDS 클라우드 아키텍트. 지금은 독립 컨설턴트로 일한다. 쿠버네티스 "
        "코리아 그룹 운영진으로 5년째 활동 중이다.\n\n"
        "## 추천사\n\n"
        '> "플랫폼을 만드는 사람 모두가 읽어야 할 책."\n'
        "> — 홍석호, 네이버 클라우드 Kubernetes Engine 리더\n\n"
        '> "좋은 출발점이다."\n'
        "> — 정다운 (토스뱅크 인프라 리드)\n"
    )
    extraction = extract_text(text)
    assert {"홍석호", "정다운"} <= names_of(extraction, EntityType.PERSON)
    assert {
        ("문소영", "Samsung SDS"),
        ("문소영", "쿠버네티스 코리아 그룹"),
        ("홍석호", "Naver Cloud"),
        ("정다운", "Toss Bank"),
    } <= affiliations_of(extraction)


def test_people_listed_under_a_heading_naming_a_committee_by_its_kind():
    text = (
        "올해도 자원봉사자를 모집합니다. 자세한 일정은 아래를 참고해 주세요.\n\n"
        "## 올해 준비위원회\n\n"
        "- 준비위원장: 배성호 (ETRI)\n"
        "- 프로그램: 윤태린 (당근 백엔드 엔지니어), Sarah Lim (Microsoft)\n"
        "- 자원봉사·운영: 곽도윤 님\n\n"
        "## 문의\n\n"
        "궁금한 점은 정하윤 님께 물어봐 주세요.\n"
    )
    affiliations = affiliations_of(extract_text(text, {"author": "노은서 (KCD 춘천 준비위원회)"}))
    committee = "KCD 춘천 준비위원회"
    assert {
        ("배성호", committee),
        ("윤태린", committee),
        ("Sarah Lim", committee),
        ("곽도윤", committee),
    } <= affiliations
    assert ("정하윤", committee) not in affiliations


_REPLAY_NOTICE = (
    "안녕하세요, 운영진 한지수입니다. 지난주 런치 세미나의 녹화본을 공개합니다.\n\n"
    "마지막 30분은 운영진 강민재 님의 사회로 진행됐고, 네이버클라우드의 조수아 님이 패널로 "
    "합류했습니다. 클라우드네이티브 대전 모임은 다음 달에도 세미나를 엽니다.\n"
)


def test_the_organisation_in_brackets_after_the_writer_speaks_for_its_own_post():
    header = {"author": "한지수 (클라우드네이티브 대전 모임)"}
    affiliations = affiliations_of(extract_text(_REPLAY_NOTICE, header))
    assert ("강민재", "클라우드네이티브 대전 모임") in affiliations
    assert ("조수아", "클라우드네이티브 대전 모임") not in affiliations


def test_a_report_about_the_organisation_in_the_byline_gives_its_staff_nothing():
    report = _REPLAY_NOTICE.replace("니다.", "다.").replace("했고", "했고")
    report = report.replace("안녕하세요, 운영진 한지수입니다. ", "")
    header = {"author": "한지수 (클라우드네이티브 대전 모임)"}
    affiliations = affiliations_of(extract_text(report, header))
    assert ("강민재", "클라우드네이티브 대전 모임") not in affiliations


def test_an_employer_in_brackets_after_the_writer_speaks_for_no_company():
    text = (
        "# 멀티 클러스터 모니터링 만들기\n\n"
        "- 정다혜, 하이브웍스 인프라팀 DevOps 엔지니어\n\n"
        "## 감사\n\n"
        "- 피자 후원해 주신 하이브웍스 감사합니다\n"
        "- 운영진 김태윤 님, 이수안 님 수고 많으셨습니다\n"
    )
    affiliations = affiliations_of(extract_text(text, {"author": "정다혜 (하이브웍스)"}))
    assert ("정다혜", "하이브웍스") in affiliations
    assert not {p for p, o in affiliations if o == "하이브웍스"} & {"김태윤", "이수안"}


def test_people_thanked_under_a_heading_about_our_hosts_are_not_ours():
    text = (
        "After six years I'm handing over the lead organiser role of Cloud Native Faro. We met "
        "41 times and we loved it.\n\n"
        "## Obrigada to our hosts\n\n"
        "- **Quintal Systems**, and especially Lia Moura from their Faro office.\n"
        "- **Brisa Labs**, for the rooftop edition.\n"
        "- The **Cloud Native Computing Foundation**, for the fees.\n\n"
        "And a special thank-you to Inês Sá, who photographed almost every meetup.\n"
    )
    affiliations = affiliations_of(extract_text(text, {"author": "Marta Reis (Cloud Native Faro)"}))
    assert ("Inês Sá", "Cloud Native Faro") not in affiliations
    assert ("Lia Moura", "Quintal Systems") in affiliations
