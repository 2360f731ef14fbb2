"""Interface strings in Korean and English, and the choice of one per request.

The interface language comes from `?lang=` (remembered in a cookie), then the cookie, then the
browser's Accept-Language, then English. It is independent of the language of the articles shown.
"""

from __future__ import annotations

from collections.abc import Mapping

from flask import Request

LANGUAGES = ("en", "ko")
DEFAULT_LANGUAGE = "en"
COOKIE = "ui_lang"

STRINGS: Mapping[str, Mapping[str, str]] = {
    "en": {
        "site_name": "forumgraph",
        "tagline": "Search Korean and English articles about CNCF community events",
        "skip": "Skip to content",
        "nav_label": "Main",
        "nav_search": "Search",
        "nav_sparql": "SPARQL",
        "nav_api": "API",
        "switch_language": "한국어",
        "search_label": "Search articles",
        "search_placeholder": "e.g. Liz Rice keynote, 쿠버네티스 포럼 서울",
        "search_button": "Search",
        "results_heading": "Results",
        "results_count": (
            "{talks} talks and {passages} passages in {documents} articles ({took} ms)"
        ),
        "no_results": "No passages match this query and these filters.",
        "empty_store": "The store is still being built. Try again in a moment.",
        "filters": "Filters",
        "facet_event": "Event",
        "facet_language": "Language",
        "facet_year": "Year",
        "facet_type": "Entity type",
        "facet_result": "Results",
        "facet_speaker": "Speaker",
        "facet_organization": "Organization",
        "facet_topic": "Topic",
        "result_talk": "Talk",
        "result_passage": "Article",
        "chosen_filters": "Chosen filters",
        "remove_filter": "Remove this filter",
        "talk_speakers": "Speakers",
        "talk_list_line": "In the talk list",
        "video_link": "Video",
        "any": "Any",
        "clear_filters": "Clear filters",
        "more_values": "{count} more",
        "more_passages": "{count} more passages in this article",
        "lang_ko": "Korean",
        "lang_en": "English",
        "lang_mixed": "Mixed",
        "source_link": "Original source",
        "open_document": "Read the article",
        "published": "Published",
        "passage": "Passage",
        "score": "Score",
        "entities_heading": "Named in your query",
        "entity_page": "Entity page",
        "names": "Names",
        "alternate_names": "Also written",
        "type_person": "Person",
        "type_organization": "Organization",
        "type_event": "Event",
        "type_series": "Event series",
        "type_talk": "Talk",
        "type_project": "Project",
        "type_topic": "Topic",
        "type_place": "Place",
        "fact_affiliation": "Affiliation",
        "fact_jobTitle": "Job title",
        "fact_talks": "Talks",
        "fact_events": "Events",
        "fact_startDate": "Starts",
        "fact_endDate": "Ends",
        "fact_location": "City",
        "fact_superEvent": "Part of",
        "fact_speakers": "Speakers",
        "fact_performer": "Speakers",
        "fact_performerOrg": "Speaking organization",
        "fact_people": "People",
        "fact_maturity": "CNCF maturity",
        "fact_editions": "Editions",
        "fact_organizer": "Organizer",
        "fact_eventStatus": "Status",
        "fact_about": "About",
        "fact_talkKind": "Kind",
        "fact_day": "Day",
        "fact_url": "Link",
        "fact_country": "Country",
        "fact_sponsor": "Sponsor",
        "fact_mentioned_in": "Mentioned in",
        "fact_other": "Other facts",
        "cited_from": "from",
        "document_heading": "Article",
        "document_passages": "Passages",
        "sparql_heading": "SPARQL query",
        "sparql_intro": (
            "Query the knowledge graph with SPARQL 1.1. The default graph is the union of all "
            "articles; GRAPH <…/doc/ID> reaches one article."
        ),
        "sparql_query_label": "Query",
        "sparql_format_label": "Result format",
        "sparql_run": "Run query",
        "sparql_examples": "Examples",
        "sparql_results": "Results",
        "sparql_running": "Running…",
        "api_docs": "API documentation",
        "error_heading": "Something went wrong",
        "error_back": "Back to search",
        "not_found": "Not found",
        "value_EventHeld": "held",
        "value_EventScheduled": "scheduled",
        "value_EventCancelled": "cancelled",
        "value_EventPostponed": "postponed",
        "value_EventRescheduled": "rescheduled",
        "value_EventMovedOnline": "moved online",
        "nav_events": "Events",
        "events_heading": "Events on a time line",
        "events_intro": (
            "Every edition in the graph by date, one row per series. A larger circle means "
            "more talks; a hollow circle means no talk list is known; a dashed circle is placed "
            "by its year only. Each edition links to its page."
        ),
        "events_chart_title": "Editions by year, one row per series",
        "events_table": "The editions as a table",
        "legend_talks": "talks recorded (size: number of talks)",
        "legend_no_talks": "no talk list known",
        "legend_year_only": "only the year is known",
        "col_edition": "Edition",
        "col_series": "Series",
        "col_when": "When",
        "col_city": "City",
        "col_country": "Country",
        "col_talks": "Talks",
        "col_articles": "Articles",
        "col_year": "Year",
        "col_all_talks": "All talks",
        "col_share": "Share",
        "talks_count": "{count} talks",
        "articles_count": "{count} articles",
        "online": "online",
        "trend_heading": "Talks per edition",
        "trend_intro": "Talks about {name} at each edition that has a talk list, over the years.",
        "trend_chart_title": "Talks about {name} per edition",
        "trend_table": "Talks about {name} per edition, as a table",
        "trend_bar": "{edition}: {count} of {total} talks",
        "hood_heading": "Neighbourhood",
        "hood_intro": (
            "People, talks, editions, organisations and topics linked to {name}, up to two "
            "steps away. Each name links to its page."
        ),
        "hood_chart_title": "What {name} is linked to",
        "hood_list": "The same as a list",
        "hood_direct": "Linked directly",
        "hood_two_steps": "Two steps away",
        "hood_left_out": "{count} more not shown",
        "programme_heading": "Programme",
        "programme_intro": "{count} talks, grouped by kind.",
        "programme_cut": "The first {shown} of {count} talks are listed.",
        "kind_keynote": "Keynotes",
        "kind_session": "Sessions",
        "kind_lightning": "Lightning talks",
        "kind_panel": "Panels",
        "kind_tutorial": "Tutorials",
        "kind_bof": "Birds of a feather",
        "kind_workshop": "Workshops",
        "kind_sponsor-session": "Sponsored sessions",
        "kind_other": "Other talks",
        "video": "Video",
        "no_speaker": "no speaker listed",
        "suggest_heading": "Suggestions",
        "suggest_count": "{count} suggestions; use the up and down arrows to choose.",
        "suggest_none": "No suggestions.",
        "value_keynote": "keynote",
        "value_session": "session",
        "value_lightning": "lightning talk",
        "value_panel": "panel",
        "value_bof": "BoF",
        "value_tutorial": "tutorial",
        "value_workshop": "workshop",
    },
    "ko": {
        "site_name": "forumgraph",
        "tagline": "CNCF 커뮤니티 행사에 관한 한국어·영어 기사 검색",
        "skip": "본문으로 건너뛰기",
        "nav_label": "주 메뉴",
        "nav_search": "검색",
        "nav_sparql": "SPARQL",
        "nav_api": "API",
        "switch_language": "English",
        "search_label": "기사 검색",
        "search_placeholder": "예: 리즈 라이스 키노트, Kubernetes Forum Seoul",
        "search_button": "검색",
        "results_heading": "검색 결과",
        "results_count": "발표 {talks}건, 기사 {documents}건의 단락 {passages}개 ({took} ms)",
        "no_results": "이 검색어와 필터에 맞는 단락이 없습니다.",
        "empty_store": "저장소를 만드는 중입니다. 잠시 후 다시 시도하세요.",
        "filters": "필터",
        "facet_event": "행사",
        "facet_language": "언어",
        "facet_year": "연도",
        "facet_type": "개체 유형",
        "facet_result": "결과 종류",
        "facet_speaker": "연사",
        "facet_organization": "조직",
        "facet_topic": "주제",
        "result_talk": "발표",
        "result_passage": "기사",
        "chosen_filters": "선택한 필터",
        "remove_filter": "이 필터 빼기",
        "talk_speakers": "연사",
        "talk_list_line": "발표 목록에서 보기",
        "video_link": "영상",
        "any": "전체",
        "clear_filters": "필터 지우기",
        "more_values": "{count}개 더 보기",
        "more_passages": "이 기사의 단락 {count}개 더 보기",
        "lang_ko": "한국어",
        "lang_en": "영어",
        "lang_mixed": "혼합",
        "source_link": "원문 보기",
        "open_document": "기사 읽기",
        "published": "발행",
        "passage": "단락",
        "score": "점수",
        "entities_heading": "검색어에 나온 개체",
        "entity_page": "개체 페이지",
        "names": "이름",
        "alternate_names": "다른 표기",
        "type_person": "인물",
        "type_organization": "조직",
        "type_event": "행사",
        "type_series": "행사 시리즈",
        "type_talk": "발표",
        "type_project": "프로젝트",
        "type_topic": "주제",
        "type_place": "장소",
        "fact_affiliation": "소속",
        "fact_jobTitle": "직함",
        "fact_talks": "발표",
        "fact_events": "행사",
        "fact_startDate": "시작",
        "fact_endDate": "종료",
        "fact_location": "도시",
        "fact_superEvent": "상위 행사",
        "fact_speakers": "연사",
        "fact_performer": "연사",
        "fact_performerOrg": "발표 조직",
        "fact_people": "소속 인물",
        "fact_maturity": "CNCF 성숙도",
        "fact_editions": "개최 행사",
        "fact_organizer": "주최",
        "fact_eventStatus": "상태",
        "fact_about": "주제",
        "fact_talkKind": "종류",
        "fact_day": "일차",
        "fact_url": "링크",
        "fact_country": "국가",
        "fact_sponsor": "후원",
        "fact_mentioned_in": "언급된 기사",
        "fact_other": "기타 사실",
        "cited_from": "출처",
        "document_heading": "기사",
        "document_passages": "단락",
        "sparql_heading": "SPARQL 질의",
        "sparql_intro": (
            "SPARQL 1.1로 지식 그래프를 질의합니다. 기본 그래프는 모든 기사의 합집합이고, "
            "GRAPH <…/doc/ID>는 한 기사만 가리킵니다."
        ),
        "sparql_query_label": "질의",
        "sparql_format_label": "결과 형식",
        "sparql_run": "질의 실행",
        "sparql_examples": "예제",
        "sparql_results": "결과",
        "sparql_running": "실행 중…",
        "api_docs": "API 문서",
        "error_heading": "문제가 생겼습니다",
        "error_back": "검색으로 돌아가기",
        "not_found": "찾을 수 없음",
        "value_EventHeld": "개최됨",
        "value_EventScheduled": "예정",
        "value_EventCancelled": "취소",
        "value_EventPostponed": "연기",
        "value_EventRescheduled": "일정 변경",
        "value_EventMovedOnline": "온라인 전환",
        "nav_events": "행사",
        "events_heading": "행사 연표",
        "events_intro": (
            "그래프에 있는 모든 행사를 날짜순으로, 시리즈마다 한 줄씩 보여 줍니다. 원이 클수록 "
            "발표가 많고, 속이 빈 원은 발표 목록이 없는 행사이며, 점선 원은 연도만 알려진 "
            "행사입니다. 각 행사를 누르면 행사 페이지로 갑니다."
        ),
        "events_chart_title": "연도별 행사, 시리즈마다 한 줄",
        "events_table": "행사 목록 표",
        "legend_talks": "발표 기록 있음 (크기: 발표 수)",
        "legend_no_talks": "발표 목록 없음",
        "legend_year_only": "연도만 알려짐",
        "col_edition": "행사",
        "col_series": "시리즈",
        "col_when": "시기",
        "col_city": "도시",
        "col_country": "국가",
        "col_talks": "발표",
        "col_articles": "기사",
        "col_year": "연도",
        "col_all_talks": "전체 발표",
        "col_share": "비율",
        "talks_count": "발표 {count}개",
        "articles_count": "기사 {count}건",
        "online": "온라인",
        "trend_heading": "행사별 발표 수",
        "trend_intro": "발표 목록이 있는 행사마다 ‘{name}’ 관련 발표 수를 연도순으로 보여 줍니다.",
        "trend_chart_title": "행사별 ‘{name}’ 관련 발표 수",
        "trend_table": "행사별 ‘{name}’ 관련 발표 수 표",
        "trend_bar": "{edition}: 전체 {total}개 중 {count}개",
        "hood_heading": "주변 관계",
        "hood_intro": (
            "‘{name}’ 주변 두 단계 안에 연결된 인물, 발표, 행사, 조직, 주제입니다. 이름을 "
            "누르면 해당 페이지로 갑니다."
        ),
        "hood_chart_title": "‘{name}’ 주변 관계",
        "hood_list": "목록으로 보기",
        "hood_direct": "직접 연결",
        "hood_two_steps": "두 단계 연결",
        "hood_left_out": "표시하지 않은 {count}개 더 있음",
        "programme_heading": "프로그램",
        "programme_intro": "발표 {count}개를 종류별로 묶었습니다.",
        "programme_cut": "발표 {count}개 중 처음 {shown}개를 보여 줍니다.",
        "kind_keynote": "키노트",
        "kind_session": "세션",
        "kind_lightning": "라이트닝 토크",
        "kind_panel": "패널 토론",
        "kind_tutorial": "튜토리얼",
        "kind_bof": "BoF (관심 모임)",
        "kind_workshop": "워크숍",
        "kind_sponsor-session": "스폰서 세션",
        "kind_other": "기타 발표",
        "video": "영상",
        "no_speaker": "연사 정보 없음",
        "suggest_heading": "추천 검색어",
        "suggest_count": "추천 검색어 {count}개. 위아래 화살표로 고르세요.",
        "suggest_none": "추천 검색어가 없습니다.",
        "value_keynote": "키노트",
        "value_session": "세션",
        "value_lightning": "라이트닝 토크",
        "value_panel": "패널",
        "value_tutorial": "튜토리얼",
        "value_workshop": "워크숍",
        "value_bof": "BoF",
    },
}


def choose_language(request: Request) -> str:
    """The interface language for this request: ?lang=, cookie, Accept-Language, English."""
    asked = request.args.get("lang", "")
    if asked in LANGUAGES:
        return asked
    remembered = request.cookies.get(COOKIE, "")
    if remembered in LANGUAGES:
        return remembered
    return request.accept_languages.best_match(LANGUAGES, default=DEFAULT_LANGUAGE) or "en"


def translator(lang: str) -> Translator:
    """The string table of `lang` as a callable: `t("search_button")`."""
    return Translator(lang if lang in STRINGS else DEFAULT_LANGUAGE)


class Translator:
    """Looks up interface strings; an unknown key falls back to English, then to the key."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._table = STRINGS[lang]

    def __call__(self, key: str, **values: object) -> str:
        text = self._table.get(key) or STRINGS[DEFAULT_LANGUAGE].get(key) or key
        return text.format(**values) if values else text

    def has(self, key: str) -> bool:
        return key in self._table or key in STRINGS[DEFAULT_LANGUAGE]

    def value(self, text: str) -> str:
        """A fact value that is a code (an event status, a talk kind) in words, else as is."""
        key = f"value_{text}"
        return self(key) if self.has(key) else text
