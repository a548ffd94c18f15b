"""The date recognizer: explicit, relative and vague dates, ranges, times, background dates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import spacy
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from clashlog import extensions
from clashlog.model import Article, DateMention
from clashlog.stages.dates import (
    date_for_span,
    find_dates,
    load_lexicon,
    parse_date_expression,
    parse_time_of_day,
)

REF = date(2022, 9, 13)  # a Tuesday


def only(text: str, reference: date | None = REF) -> DateMention:
    found = [m for m in find_dates(text, reference)]
    assert len(found) == 1, found
    return found[0]


def dates_of(text: str, reference: date | None = REF) -> list[date]:
    return [m.date for m in find_dates(text, reference)]


# ------------------------------------------------------------ explicit dates


@pytest.mark.parametrize(
    "text, expected",
    [
        ("On 29 December 2019, forces fired.", date(2019, 12, 29)),
        ("On December 29, 2019, forces fired.", date(2019, 12, 29)),
        ("On 29th of December 2019 forces fired.", date(2019, 12, 29)),
        ("The attack on 2019-12-29 was reported.", date(2019, 12, 29)),
        ("The attack on 12/29/2019 was reported.", date(2019, 12, 29)),
        ("The attack on 29.12.2019 was reported.", date(2019, 12, 29)),
        ("SAN SALVADOR, CLASHES ON 29 DEC 89 IN MORAZAN", date(1989, 12, 29)),
        ("clashes on 29-Dec-2019 near the border", date(2019, 12, 29)),
    ],
)
def test_explicit_dates_in_common_news_forms(text: str, expected: date) -> None:
    m = only(text)
    assert m.date == expected
    assert m.precision == 1
    assert text[m.start : m.end] == m.text


def test_abbreviated_month_with_period_takes_year_from_reference() -> None:
    m = only("Shelling resumed on Dec. 29 near the village.", date(2020, 1, 2))
    assert m.date == date(2019, 12, 29)


def test_yearless_date_takes_reference_year() -> None:
    assert only("The talks took place on September 13.").date == date(2022, 9, 13)


def test_yearless_date_well_after_reference_is_previous_year() -> None:
    m = only("ON 30 DECEMBER THE TERRORISTS KIDNAPPED 50 PEASANTS.", date(1990, 1, 3))
    assert m.date == date(1989, 12, 30)


def test_yearless_date_a_few_days_ahead_stays_in_reference_year() -> None:
    assert only("Talks are planned for September 16.").date == date(2022, 9, 16)


def test_missing_year_never_comes_from_an_unrelated_date_in_the_article() -> None:
    text = (
        "The trilateral accord signed on March 3, 2019 was violated again. "
        "On 12 September, Armenian units fired on Azerbaijani positions."
    )
    found = find_dates(text, REF)
    assert [m.date for m in found] == [date(2019, 3, 3), date(2022, 9, 12)]
    assert found[0].background and not found[1].background


def test_yearless_date_without_reference_is_skipped() -> None:
    assert find_dates("On 12 September, units fired.", None) == []
    assert only("On 12 September 2022, units fired.", None).date == date(2022, 9, 12)


def test_without_reference_yearless_dates_follow_the_latest_dated_event() -> None:
    text = "On December 8, 2021, a soldier died. On December 9-10, units fired. Yesterday, more fire."
    found = find_dates(text, None)
    assert [(m.text, m.date) for m in found] == [
        ("December 8, 2021", date(2021, 12, 8)),
        ("December 9-10", date(2021, 12, 9)),
    ]
    found = find_dates("On 28 December 2021 fire. On 2 January fire.", None)
    assert [m.date for m in found] == [date(2021, 12, 28), date(2022, 1, 2)]


def test_without_reference_a_background_date_lends_no_year() -> None:
    found = find_dates("The accord signed on March 3, 2019 was violated on 12 September.", None)
    assert [(m.date, m.background) for m in found] == [(date(2019, 3, 3), True)]


def test_ordinal_day_of_the_reference_month() -> None:
    assert only("The post was shelled on the 13th, officials said.").date == date(2022, 9, 13)
    assert only("The post was shelled on the 20th.").date == date(2022, 8, 20)


@pytest.mark.parametrize(
    "text",
    [
        "talks in the 3+3 format resumed",
        "report LIB 289 was filed",
        "under Resolution 2254 the parties",
        "the 3rd Brigade moved north",
        "call +994 12 345 67 89 for details",
        "some 1,500 people fled",
        "the may be attacked",
        "they will march to the square",
        "THIS MAY ALSO BE A CHANCE",
        "a score of 3-2 in the match",
    ],
)
def test_numbers_codes_and_words_are_not_dates(text: str) -> None:
    assert find_dates(text, REF) == []


def test_ambiguous_us_european_numeric_date_is_skipped() -> None:
    assert find_dates("a report dated 03/04/2019 said", REF) == []


# ------------------------------------------------------------------ ranges


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("On December 9-10, Armenian units fired.", date(2021, 12, 9), date(2021, 12, 10)),
        ("On 9-10 December, Armenian units fired.", date(2021, 12, 9), date(2021, 12, 10)),
        ("between 9 and 11 December the units fired", date(2021, 12, 9), date(2021, 12, 11)),
        ("from 1 to 7 March, raids continued", date(2022, 3, 1), date(2022, 3, 7)),
        ("from 30 August to 2 September, raids continued", date(2022, 8, 30), date(2022, 9, 2)),
        ("from December 30, 2021 to January 2, 2022 raids", date(2021, 12, 30), date(2022, 1, 2)),
    ],
)
def test_day_ranges_give_first_and_last_day_with_precision_2(text: str, first: date, last: date) -> None:
    m = only(text)
    assert (m.date, m.date_end, m.precision) == (first, last, 2)


def test_range_longer_than_a_week_has_precision_3() -> None:
    m = only("from 1 to 20 March, raids continued")
    assert m.precision == 3


def test_night_across_two_days_is_coded_to_its_first_day() -> None:
    m = only("on the night of 12 to 13 September, shelling")
    assert (m.date, m.date_end, m.precision) == (date(2022, 9, 12), date(2022, 9, 13), 1)
    assert m.text == "on the night of 12 to 13 September"


def test_night_and_late_hours_phrases_join_the_date() -> None:
    m = only("during the night of September 13, units of the Armenian armed forces")
    assert m.text == "during the night of September 13"
    assert m.date == date(2022, 9, 13)
    m = only("Starting from the late hours of September 12, 2022, the units")
    assert m.date == date(2022, 9, 12) and m.precision == 1


def test_month_day_and_count_is_not_a_range() -> None:
    m = only("On December 9 and 10 soldiers were wounded.", date(2021, 12, 12))
    assert m.date == date(2021, 12, 9) and m.date_end is None


def test_month_day_and_day_before_a_phrase_of_its_own_is_a_range() -> None:
    m = only("Two engineers were kidnapped on February 12 and 13 in Medellin.", date(1990, 2, 20))
    assert (m.date, m.date_end) == (date(1990, 2, 12), date(1990, 2, 13))


# ---------------------------------------------------------------- relative


@pytest.mark.parametrize(
    "text, expected, precision",
    [
        ("clashes yesterday in the north", date(2022, 9, 12), 1),
        ("clashes today in the north", date(2022, 9, 13), 1),
        ("clashes this morning in the north", date(2022, 9, 13), 1),
        ("clashes last night in the north", date(2022, 9, 12), 1),
        ("the day before yesterday clashes", date(2022, 9, 11), 1),
        ("two days ago clashes", date(2022, 9, 11), 1),
        ("3 days ago clashes", date(2022, 9, 10), 1),
        ("on Monday clashes", date(2022, 9, 12), 1),
        ("on Tuesday clashes", date(2022, 9, 13), 1),
        ("on Sunday clashes", date(2022, 9, 11), 1),
        ("on Wednesday clashes", date(2022, 9, 7), 1),
        ("last Tuesday clashes", date(2022, 9, 6), 1),
        ("Monday night clashes", date(2022, 9, 12), 1),
    ],
)
def test_relative_days_resolve_against_reference(text: str, expected: date, precision: int) -> None:
    m = only(text)
    assert m.date == expected and m.precision == precision and m.relative


def test_weekday_on_the_reference_day_is_the_reference_day() -> None:
    assert only("on Monday clashes", date(2022, 9, 12)).date == date(2022, 9, 12)


def test_future_weekday_is_not_a_date() -> None:
    assert find_dates("talks will resume next Monday", REF) == []


@pytest.mark.parametrize(
    "text, first, last, precision",
    [
        ("clashes last week", date(2022, 9, 5), date(2022, 9, 11), 2),
        ("clashes earlier this week", date(2022, 9, 12), date(2022, 9, 13), 2),
        ("fire over the past month", date(2022, 8, 14), date(2022, 9, 13), 3),
        ("fire in recent weeks", date(2022, 8, 14), date(2022, 9, 13), 3),
        ("fire last month", date(2022, 8, 1), date(2022, 8, 31), 3),
        ("fire this month", date(2022, 9, 1), date(2022, 9, 13), 3),
        ("fire since the start of the year", date(2022, 1, 1), date(2022, 9, 13), 3),
        ("fire over the past three days", date(2022, 9, 10), date(2022, 9, 13), 2),
        ("raids over the weekend", date(2022, 9, 10), date(2022, 9, 11), 2),
        ("fire in January", date(2022, 1, 1), date(2022, 1, 31), 3),
        ("fire in October", date(2021, 10, 1), date(2021, 10, 31), 3),
        ("fire in 2019", date(2019, 1, 1), date(2019, 12, 31), 3),
        ("fire in September 2022", date(2022, 9, 1), date(2022, 9, 13), 3),
    ],
)
def test_periods_and_vague_dates_have_ranges_and_precision(
    text: str, first: date, last: date, precision: int
) -> None:
    m = only(text)
    assert (m.date, m.date_end, m.precision) == (first, last, precision)


def test_next_day_counts_from_the_date_before_it() -> None:
    found = find_dates(
        "On 10 September, units fired. The next day they shelled. The following day, more.", REF
    )
    assert [m.date for m in found] == [date(2022, 9, 10), date(2022, 9, 11), date(2022, 9, 12)]
    assert only("The previous day, units fired.").date == date(2022, 9, 12)
    assert find_dates("The next day, units fired.", REF) == []


def test_relative_expressions_need_a_reference() -> None:
    assert find_dates("clashes yesterday and last week and on Monday", None) == []


def test_uppercase_wire_text() -> None:
    text = "ON 30 DECEMBER THE ARMY REPORTED CLASHES YESTERDAY AFTERNOON. LAST NIGHT AND THIS MORNING MORE."
    found = find_dates(text, date(1990, 1, 3))
    assert [(m.text, m.date) for m in found] == [
        ("30 DECEMBER", date(1989, 12, 30)),
        ("YESTERDAY AFTERNOON", date(1990, 1, 2)),
        ("LAST NIGHT", date(1990, 1, 2)),
        ("THIS MORNING", date(1990, 1, 3)),
    ]


def test_weekday_before_explicit_date_is_one_mention() -> None:
    m = only("on Monday, 12 September, units fired")
    assert m.text == "Monday, 12 September" and m.date == date(2022, 9, 12)
    m = only("an attack in Al-Arish on Tuesday [6 September].")
    assert m.date == date(2022, 9, 6)


# -------------------------------------------------------------- time of day


@pytest.mark.parametrize(
    "expr, expected",
    [
        ("0600 hours", "06:00"),
        ("at 14:30", "14:30"),
        ("1430 hours local time", "14:30"),
        ("at 6 a.m.", "06:00"),
        ("6:30 pm", "18:30"),
        ("12 a.m.", "00:00"),
        ("at around 23:15", "23:15"),
        ("midnight", "00:00"),
        ("10:40", "10:40"),
        ("shelling", None),
        ("25:00", None),
    ],
)
def test_parse_time_of_day(expr: str, expected: str | None) -> None:
    assert parse_time_of_day(expr) == expected


def test_time_next_to_a_date_is_attached_to_it() -> None:
    m = only("On 12 September at 0600 hours, units fired.")
    assert m.date == date(2022, 9, 12) and m.time_of_day == "06:00"
    assert m.text == "12 September at 0600 hours"
    m = only("at 6 a.m. on September 12 they fired")
    assert m.date == date(2022, 9, 12) and m.time_of_day == "06:00"


def test_time_alone_takes_the_date_of_its_sentence() -> None:
    found = find_dates(
        "On 12 September, units fired, and since 1430 hours local time the shelling continued.", REF
    )
    assert [(m.date, m.time_of_day) for m in found] == [
        (date(2022, 9, 12), None),
        (date(2022, 9, 12), "14:30"),
    ]


def test_time_alone_without_any_date_takes_the_reference() -> None:
    m = only("The shelling began at around 23:15 near the village.")
    assert (m.date, m.time_of_day, m.relative) == (REF, "23:15", True)


def test_dateline_with_time_is_background() -> None:
    m = only("13 September 2022 10:40 (UTC+04:00)\n\nBy Sabina\n\nText.")
    assert m.background and m.time_of_day == "10:40"


def test_wire_dateline_is_background_but_wrapped_body_dates_are_not() -> None:
    text = "LIMA, 26 FEB 90 (EFE) -- [TEXT] IT WAS REPORTED TODAY\nIN AYACUCHO THAT ON 25 FEBRUARY 1990\nTWO DIED."
    found = find_dates(text, date(1990, 2, 26))
    assert [(m.text, m.background) for m in found] == [
        ("26 FEB 90", True),
        ("TODAY", False),
        ("25 FEBRUARY 1990", False),
    ]


def test_time_with_zone_but_no_hours_word() -> None:
    m = only("THE BLAST OCCURRED AT 0130 GMT ON 7 SEPTEMBER.")
    assert (m.date, m.time_of_day) == (date(2022, 9, 7), "01:30")


# --------------------------------------------------------------- background


@pytest.mark.parametrize(
    "text",
    [
        "an accord signed on March 3, 2019 was violated",
        "the trilateral statement of November 10, 2020 obliges",
        "the state founded in 1991 is",
        "since the 2020 war the border",
        "the commander, born on 4 May 1970, said",
        "the November 10, 2020 statement obliges",
    ],
)
def test_dates_of_unrelated_past_things_are_background(text: str) -> None:
    found = find_dates(text, REF)
    assert found and all(m.background for m in found)


def test_recent_signing_date_is_not_background() -> None:
    m = only("The ceasefire agreement was signed on September 12 in Moscow.")
    assert not m.background


def test_since_recent_date_is_not_background() -> None:
    assert not only("shelling continued since September 10").background


def test_report_date_is_marked_reporting() -> None:
    found = find_dates(
        "THE ARMY REPORTED TODAY THAT ON 10 MARCH GUERRILLAS ATTACKED A POST.", date(1989, 3, 11)
    )
    assert [(m.date, m.reporting) for m in found] == [(date(1989, 3, 11), True), (date(1989, 3, 10), False)]


def test_source_speaking_today_is_reporting_but_a_date_after_a_comma_is_not() -> None:
    found = find_dates("ACCORDING TO MILITARY SOURCES TODAY, 3 WERE KILLED.", date(1989, 10, 4))
    assert [m.reporting for m in found] == [True]
    found = find_dates("According to the ministry, on 12 September units fired.", REF)
    assert [m.reporting for m in found] == [False]


def test_dates_well_after_the_reference_are_background() -> None:
    m = only("Sugar exports up 46% 21 September, 2024 / 15:22")
    assert m.background


def test_yearless_date_in_a_future_clause_is_the_next_one() -> None:
    m = only("Talks will be held on 20 November in Geneva.", date(1989, 11, 2))
    assert m.date == date(1989, 11, 20)
    m = only("On 20 November units fired.", date(1989, 11, 2))
    assert m.date == date(1988, 11, 20)


def test_absurd_reference_or_span_is_ignored_not_raised() -> None:
    assert find_dates("999 years ago and yesterday", date(1, 1, 1)) == []
    assert [m.text for m in find_dates("999 years ago and yesterday", REF)] == ["yesterday"]


# ------------------------------------------------------------ date_for_span


def test_date_for_span_prefers_date_before_span_in_same_sentence() -> None:
    text = "On 12 September, units fired. Earlier, on 10 September, a mine exploded."
    found = find_dates(text, REF)
    fired = text.index("fired")
    got = date_for_span(found, fired, fired + 5, 0, text.index(".") + 1, default=REF)
    assert got is not None and got.date == date(2022, 9, 12)
    mine = text.index("exploded")
    got = date_for_span(found, mine, mine + 8, text.index("Earlier"), len(text), default=REF)
    assert got is not None and got.date == date(2022, 9, 10)


def test_date_for_span_prefers_sentence_opener_over_date_in_an_aside() -> None:
    text = "On 12 September, Armenian units, which had attacked on 10 September, fired again."
    found = find_dates(text, REF)
    fired = text.index("fired")
    got = date_for_span(found, fired, fired + 5, 0, len(text), default=REF, text=text)
    assert got is not None and got.date == date(2022, 9, 12)
    text = "On 12 September units fired and on 13 September shelled the village."
    found = find_dates(text, REF)
    shelled = text.index("shelled")
    got = date_for_span(found, shelled, shelled + 7, 0, len(text), default=REF, text=text)
    assert got is not None and got.date == date(2022, 9, 13)


def test_date_for_span_prefers_event_dates_over_report_dates() -> None:
    text = "THE ARMY REPORTED TODAY THAT ON 10 MARCH GUERRILLAS ATTACKED A POST."
    found = find_dates(text, date(1989, 3, 11))
    at = text.index("ATTACKED")
    got = date_for_span(found, at, at + 8, 0, len(text), default=date(1989, 3, 11))
    assert got is not None and got.date == date(1989, 3, 10)


def test_date_for_span_falls_back_to_previous_sentence_then_default() -> None:
    text = "On 12 September, units fired. The shelling damaged houses."
    found = find_dates(text, REF)
    s2 = text.index("The")
    got = date_for_span(found, s2 + 4, s2 + 12, s2, len(text), default=REF)
    assert got is not None and got.date == date(2022, 9, 12)
    assert date_for_span([], 0, 4, 0, 10) is None
    got = date_for_span([], 0, 4, 0, 10, default=REF)
    assert got is not None and got.date == REF and got.text == ""


def test_date_for_span_skips_background_and_uses_date_after_span() -> None:
    text = "Units violating the statement of November 10, 2020 fired on September 12."
    found = find_dates(text, REF)
    fired = text.index("fired")
    got = date_for_span(found, fired, fired + 5, 0, len(text), default=REF)
    assert got is not None and got.date == date(2022, 9, 12)


# ----------------------------------------------------------------- pipeline


@pytest.fixture(scope="module")
def dates_nlp() -> spacy.language.Language:
    import clashlog.stages.dates  # noqa: F401  registers the component

    extensions.setup()
    nlp = spacy.blank("en")
    nlp.add_pipe("clashlog_dates")
    return nlp


def test_component_resolves_against_publication_date(dates_nlp: spacy.language.Language) -> None:
    text = "Armenian units fired yesterday near Kalbajar."
    doc = dates_nlp.make_doc(text)
    doc._.article = Article(article_id="a", text=text, published="2022-09-13T10:40:00+04:00")
    doc = dates_nlp(doc)
    assert [(m.text, m.date) for m in doc._.dates] == [("yesterday", date(2022, 9, 12))]


def test_component_without_article_uses_no_reference(dates_nlp: spacy.language.Language) -> None:
    doc = dates_nlp("Units fired on 12 September 2022 and yesterday.")
    assert [m.date for m in doc._.dates] == [date(2022, 9, 12)]


def test_lexicon_has_every_month_and_weekday() -> None:
    lex = load_lexicon()
    assert set(lex.months.values()) == set(range(1, 13))
    assert set(lex.weekdays.values()) == set(range(7))


# ---------------------------------------------------------------- properties

dates_ = st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31))


@settings(deadline=None)
@given(d=dates_, r=dates_)
def test_rendered_dates_parse_back(d: date, r: date) -> None:
    for fmt in ("%d %B %Y", "%B %d, %Y", "%Y-%m-%d", "%-d %B %Y", "%b. %d, %Y"):
        m = parse_date_expression(d.strftime(fmt), r)
        assert m is not None and m.date == d, fmt


@given(d=dates_, r=dates_)
def test_wire_style_two_digit_years_parse_back_near_reference(d: date, r: date) -> None:
    assume(r.year - 80 <= d.year <= r.year + 5)
    m = parse_date_expression(d.strftime("%d %b %y").upper(), r)
    assert m is not None and m.date == d


@given(d=dates_, r=dates_)
def test_yearless_dates_resolve_to_the_most_recent_past_occurrence(d: date, r: date) -> None:
    assume(not (d.month == 2 and d.day == 29))
    m = parse_date_expression(d.strftime("%d %B"), r)
    assert m is not None
    assert (m.date.month, m.date.day) == (d.month, d.day)
    assert r - timedelta(days=366) < m.date <= r + timedelta(days=7)


@given(d=dates_, length=st.integers(min_value=1, max_value=20))
def test_day_ranges_are_ordered_with_precision_2_or_3(d: date, length: int) -> None:
    last = d + timedelta(days=length)
    assume(last.month == d.month)
    m = parse_date_expression(f"{d.day}-{last.day} {d.strftime('%B %Y')}", d)
    assert m is not None and m.date == d and m.date_end == last
    assert m.date <= m.date_end and m.precision == (2 if length <= 7 else 3)


@given(n=st.integers(min_value=1, max_value=300), r=dates_)
def test_n_days_ago_is_reference_minus_n(n: int, r: date) -> None:
    m = parse_date_expression(f"{n} days ago", r)
    assert m is not None and m.date == r - timedelta(days=n)


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=300, deadline=None)
@given(text=st.text(max_size=80), r=st.one_of(st.none(), dates_))
def test_garbage_never_raises_and_mentions_are_well_formed(text: str, r: date | None) -> None:
    for m in find_dates(text, r):
        assert text[m.start : m.end] == m.text
        assert m.precision in (1, 2, 3)
        assert m.date_end is None or m.date <= m.date_end
        assert m.time_of_day is None or len(m.time_of_day) == 5
    got = parse_date_expression(text, r)
    assert got is None or isinstance(got.date, date)


words = st.sampled_from(
    [
        "On",
        "12",
        "September",
        "yesterday",
        "at",
        "0600",
        "hours",
        "the",
        "night",
        "of",
        "to",
        "-",
        "2022",
        "DEC",
        "89",
        "last",
        "week",
        "Monday",
        "signed",
        ",",
        ".",
        "between",
        "and",
        "9",
        "10",
        "ago",
        "two",
        "days",
        "past",
        "month",
        "in",
        "1991",
        "6",
        "a.m.",
        "13:45",
        "since",
        "3+3",
        "1,500",
        "\n",
    ]
)


@settings(max_examples=300)
@given(parts=st.lists(words, max_size=30), r=st.one_of(st.none(), dates_))
def test_offsets_match_text_and_mentions_do_not_overlap(parts: list[str], r: date | None) -> None:
    text = " ".join(parts)
    found = find_dates(text, r)
    for m in found:
        assert text[m.start : m.end] == m.text
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start


@given(r=dates_)
def test_the_weekend_is_the_last_saturday_and_sunday_up_to_the_reference(r: date) -> None:
    m = only("raids over the weekend", r)
    assert m.date.weekday() == 5 and m.date <= r < m.date + timedelta(days=7)
    assert m.date_end == min(m.date + timedelta(days=1), r)
