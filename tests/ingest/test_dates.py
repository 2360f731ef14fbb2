import pytest

from forumgraph.ingest.dates import find_dates, month_of, text_date, year_of


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("지난 2019년 12월 9일, 10일 양일에 걸쳐", None, ("2019-12-09", "2019-12-10", "day")),
        ("2020년 3월 유럽", None, ("2020-03", "2020-03", "month")),
        ("11월 보스턴에서", 2020, ("2020-11", "2020-11", "month")),
        ("2026년 9월 7~9일, 중국 상하이", None, ("2026-09-07", "2026-09-09", "day")),
        ("November 9–12, 2026, in Salt Lake City", None, ("2026-11-09", "2026-11-12", "day")),
        ("September 1, 2026", None, ("2026-09-01", "2026-09-01", "day")),
        ("Wednesday, Sept 23rd, 2026 at 4:00 PM", None, ("2026-09-23", "2026-09-23", "day")),
        ("October 19–20, 2026", None, ("2026-10-19", "2026-10-20", "day")),
        ("Monday, November 18", 2019, ("2019-11-18", "2019-11-18", "day")),
        ("2019.11.19(화) ~ 2019.11.22(금) 4일간", None, ("2019-11-19", "2019-11-22", "day")),
        ("during July 30 to August 1, 2020 for", None, ("2020-07-30", "2020-08-01", "day")),
        ("Mar 30-Apr 2 are coming", 2020, ("2020-03-30", "2020-04-02", "day")),
        ("December 30 - January 2, 2021", None, ("2020-12-30", "2021-01-02", "day")),
        ("Week of 16 February 2026.", None, ("2026-02-16", "2026-02-16", "day")),
        ("Amsterdam, 23–26 March. Tickets", 2026, ("2026-03-23", "2026-03-26", "day")),
        ("on the 5th of May 2024", None, ("2024-05-05", "2024-05-05", "day")),
    ],
)
def test_find_dates_reads_korean_and_english_expressions(text, context, expected):
    found = find_dates(text, context)
    assert (found[0].start, found[0].end, found[0].precision) == expected


def test_year_carries_over_within_a_sentence():
    text = "2020년에는 3월 유럽지역 행사가 암스테르담에서, 북미지역 행사가 11월 보스턴에서"
    assert [d.start for d in find_dates(text)] == ["2020-03", "2020-11"]


def test_last_year_counts_from_the_article_date():
    assert find_dates("작년 12월 서울 행사도", 2020, 2020)[0].start == "2019-12"


def test_a_bare_month_name_is_not_a_date():
    assert find_dates("May the best talk win", 2019) == []


def test_year_of_article_dates():
    assert year_of("2020-01 (approximate; the article reports on 2019-12-09..10)") == 2020
    assert year_of(None) is None


def test_a_range_across_months_without_a_year_is_not_explicit():
    found = find_dates("Nov 18-21, 2019 and Amsterdam Mar 30-Apr 2 are coming")
    assert [(d.start, d.explicit_year) for d in found] == [
        ("2019-11-18", True),
        ("2019-03-30", False),
    ]


def test_a_past_or_coming_month_is_the_nearest_one_before_or_after_the_article():
    assert find_dates("지난 12월 시애틀 행사에는", 2019, 2019, 5)[0].start == "2018-12"
    assert find_dates("지난 3월 행사", 2019, 2019, 5)[0].start == "2019-03"
    assert find_dates("오는 3월 파리에서", 2019, 2019, 11)[0].start == "2020-03"
    assert find_dates("until last December", 2019, 2019, 5)[0].start == "2018-12"
    assert find_dates("next March in Paris", 2019, 2019, 11)[0].start == "2020-03"


def test_a_month_name_alone_counts_where_it_cannot_be_a_word():
    assert find_dates("December's show in Seattle", 2019)[0].start == "2019-12"
    assert find_dates("It moves to Paris in March.", 2024)[0].start == "2024-03"
    assert find_dates("March on, May the best win", 2019) == []


def test_month_of_article_dates():
    assert month_of("2020-01 (approximate)") == 1
    assert month_of("2026") is None


def test_years_counted_back_or_forward_from_the_article():
    def start(text: str) -> str:
        return find_dates(text, 2019, 2019, 5)[0].start

    assert start("the crowd that came to Copenhagen a year ago") == "2018"
    assert start("two years ago in Austin") == "2017"
    assert start("재작년 서울 행사") == "2017"
    assert start("내후년 행사") == "2021"
    assert start("그 2년 전에는 시애틀에서") == "2017"
    assert start("since December, when") == "2018-12"
    assert find_dates("2년 전체 매출과 1년 전시 일정", 2019, 2019, 5) == []
    assert find_dates("a year ago", 2019, 2019, 5)[0].explicit_year is False


def test_a_year_counted_from_the_article_is_no_date_when_the_article_has_none():
    assert find_dates("two years ago in Austin and 두 해 전 서울") == []
    assert [d.start for d in find_dates("two years ago, in May 2019")] == ["2019-05"]


def test_a_text_without_a_dated_header_is_dated_by_its_lead_or_its_sign_off():
    release = "# Acme to speak at KubeCon 2025\n\n**AUSTIN — October 2, 2025** — Acme today said"
    assert text_date(release) == "2025-10-02"
    assert text_date("*Curated by Ann Lee. Week of 16 February 2026.*\n\nHello") == "2026-02-16"
    assert text_date("*By Ann Lee, maintainer — February 2025*\n\nHello") == "2025-02"
    assert text_date("*Ann Lee. Written in November 2025.*\n\nHello") == "2025-11"
    signed = (
        "처음 간 건 2019년 12월 서울이었다.\n\n둘째.\n\n셋째.\n\n— 권도현, 당근 SRE, 2025년 7월"
    )
    assert text_date(signed) == "2025-07"
    # a year alone, a month the text tells of, or a date deep in the text, is no date of it
    assert text_date("In 2019 I went to KubeCon.\n\nIt was fun.") is None
    assert text_date("처음 간 건 2019년 12월, 서울이었다.\n\n좋았다.") is None
    assert text_date("I first went in November 2019.\n\nIt was fun.") is None
    assert text_date("Intro.\n\nMore.\n\nOn May 2, 2024 we shipped a release of it all.") is None


def test_a_year_counted_from_the_year_the_text_told_last():
    def years(text: str, told: int | None = 2019) -> list[str]:
        return [d.start for d in find_dates(text, 2025, 2025, 4, told) if d.told]

    assert years("A year later the Amsterdam edition went virtual") == ["2020"]
    assert years("Barcelona in 2019, and two years later Valencia", None) == ["2019", "2021"]
    assert years("The following year we ran it online, and the same autumn again") == [
        "2020",
        "2020",
    ]
    assert years("그 다음 해에는 온라인으로") == ["2020"]
    assert years("2년 뒤, 디트로이트였다") == ["2021"]
    assert years("이듬해 암스테르담") == ["2020"]
    # no year told before: nothing to count from
    assert years("A year later we moved", None) == []
    assert years("last year and next year") == []


def test_a_year_after_a_preposition_of_time_is_a_date_and_a_version_is_not():
    found = find_dates("It started in 2015 and has grown since 2019.")
    assert [(d.start, d.precision, d.explicit_year) for d in found] == [
        ("2015", "year", True),
        ("2019", "year", True),
    ]
    assert find_dates("Upgrade to the release in 2020.1 or 2021-22 builds; 2015 was long.") == []


def test_seasons_counted_from_the_article_month():
    def start(text: str, month: int) -> str:
        return find_dates(text, 2024, 2024, month)[0].start

    assert start("we meet again next spring", 9) == "2025"
    assert start("see you next summer", 2) == "2024"
    assert start("as we said last fall", 9) == "2023"
    assert start("as we said last summer", 9) == "2024"
    assert start("this winter", 9) == "2024"
