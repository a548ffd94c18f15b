"""The quantity parser and scanner (stages/numbers.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clashlog.model import Quantity
from clashlog.stages.numbers import find_quantities, parse_quantity, point_value

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _words(n: int) -> str:
    """English words for 0 <= n < 1,000,000 (written here, not by the code under test)."""
    if n < 20:
        return _UNITS[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else "-" + _UNITS[n % 10])
    if n < 1000:
        rest = n % 100
        return _UNITS[n // 100] + " hundred" + ("" if rest == 0 else " and " + _words(rest))
    rest = n % 1000
    sep = "" if rest == 0 else (" and " if rest < 100 else " ")
    return _words(n // 1000) + " thousand" + ("" if rest == 0 else sep + _words(rest))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", Quantity(12, 12)),
        ("1,500", Quantity(1500, 1500)),
        ("twelve", Quantity(12, 12)),
        ("twenty-one", Quantity(21, 21)),
        ("Forty-nine", Quantity(49, 49)),
        ("one hundred and five", Quantity(105, 105)),
        ("a dozen", Quantity(12, 12)),
        ("two dozen", Quantity(24, 24)),
        ("1.5 million", Quantity(1_500_000, 1_500_000)),
        ("30-40", Quantity(30, 40)),
        ("30 to 40", Quantity(30, 40)),
        ("two or three", Quantity(2, 3)),
        ("between 10 and 15", Quantity(10, 15)),
        ("from 10 to 15", Quantity(10, 15)),
        ("at least 5", Quantity(5, None)),
        ("more than 100", Quantity(100, None)),
        ("50+", Quantity(50, None)),
        ("up to 60", Quantity(None, 60)),
        ("as many as 60", Quantity(None, 60)),
        ("about 50", Quantity(50, 50, approximate=True)),
        ("some 200", Quantity(200, 200, approximate=True)),
        ("nearly 30", Quantity(30, 30, approximate=True)),
        ("dozens", Quantity(24, None, vague=True)),
        ("scores of", Quantity(40, None, vague=True)),
        ("hundreds", Quantity(200, None, vague=True)),
        ("thousands", Quantity(2000, None, vague=True)),
        ("several", Quantity(3, None, vague=True)),
        ("a few", Quantity(2, None, vague=True)),
        ("a soldier", Quantity(1, 1)),
    ],
)
def test_parse_quantity_reads_exact_ranges_bounds_and_vague_amounts(text: str, expected: Quantity) -> None:
    assert parse_quantity(text) == expected


def test_up_to_stands_for_its_bound_as_a_point_figure() -> None:
    q = parse_quantity("up to 60")
    assert q is not None and point_value(q) == 60
    hundreds = parse_quantity("hundreds")
    assert hundreds is not None and point_value(hundreds) == 200


@pytest.mark.parametrize("text", ["", "garbage", "the ministry said", "---", "one one", "twenty twenty-one"])
def test_parse_quantity_returns_none_for_non_numbers(text: str) -> None:
    q = parse_quantity(text)
    assert q is None or isinstance(q, Quantity)


def _values(text: str) -> list[int | None]:
    return [point_value(m.quantity) for m in find_quantities(text)]


def test_years_dates_times_and_labels_are_not_counted() -> None:
    text = (
        "On December 9-10, 2021, at 0600 hours and 10:40 (UTC+04:00) the 3rd Mechanized Brigade, LIB 289, "
        "a Su-25 and 152-mm guns were seen; talks in the 3+3 format under Resolution 2254 cost $300, "
        "5% more over 24 hours, 50 times, 12.09.2022 and 13 September."
    )
    assert find_quantities(text) == []


def test_counted_noun_and_offsets_are_found() -> None:
    text = "Yesterday 12 soldiers of the 3rd Mechanized Brigade and three Ukrainian servicemen were killed."
    ms = find_quantities(text)
    assert [(m.text, m.noun) for m in ms] == [("12", "soldiers"), ("three", "servicemen")]
    for m in ms:
        assert text[m.start : m.end] == m.text


def test_an_article_before_a_person_counts_one_but_not_before_a_modifier_noun() -> None:
    ms = find_quantities(
        "A woman stepped on a landmine near a police station. She was injured. An officer died."
    )
    assert [(m.text, m.noun, point_value(m.quantity)) for m in ms] == [
        ("A", "woman", 1),
        ("An", "officer", 1),
    ]


def test_a_noun_before_another_modifies_it_and_the_last_is_counted() -> None:
    ms = find_quantities("Rebels destroyed two army vehicles and killed three army soldiers.")
    assert [(m.text, m.noun) for m in ms] == [("two", "vehicles"), ("three", "soldiers")]
    # "an army fighter jet" is a machine, not one fighter
    assert find_quantities("The RSF said it had shot down an army fighter jet over Omdurman.") == []


def test_breakdown_is_one_total_with_parts_never_the_sum() -> None:
    ms = find_quantities(
        "Seventeen people, including 12 soldiers and 5 civilians, were killed while 30 were wounded."
    )
    assert [point_value(m.quantity) for m in ms] == [17, 30]
    assert [p.text for p in ms[0].parts] == ["12", "5"]


@pytest.mark.parametrize(
    ("text", "total", "part"),
    [
        ("The blast wounded four people, one of them seriously.", 4, "one"),
        ("Six soldiers, two of whom were officers, died in the ambush.", 6, "two"),
        ("Three civilians, one of them a child, were hurt.", 3, "one"),
    ],
)
def test_a_figure_of_them_after_a_total_is_a_part_of_it(text: str, total: int, part: str) -> None:
    ms = find_quantities(text)
    assert [point_value(m.quantity) for m in ms] == [total]  # "a child" is that one, not a second figure
    assert [p.text for p in ms[0].parts] == [part]


def test_a_figure_after_a_comma_without_of_them_is_not_a_part() -> None:
    ms = find_quantities("Rebels killed four soldiers, two civilians were also wounded.")
    assert [point_value(m.quantity) for m in ms] == [4, 2]
    assert not ms[0].parts


def test_ages_and_no_one_are_not_counts() -> None:
    assert _values("A 25-year-old man was wounded; no one was killed and the one who fled escaped.") == [1]


def test_uppercase_wire_text_keeps_its_figures() -> None:
    assert _values("MORE THAN 100 RUSSIAN SOLDIERS WERE KILLED IN AUG. 13 BATTLE") == [100]


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**9), st.booleans())
def test_any_integer_in_digits_parses_back(n: int, separators: bool) -> None:
    text = f"{n:,}" if separators else str(n)
    q = parse_quantity(text)
    assert q is not None and q.low == n and q.high == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=999_999))
def test_any_integer_in_words_parses_back(n: int) -> None:
    q = parse_quantity(_words(n))
    assert q is not None and (q.low, q.high) == (n, n)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=5000), st.integers(min_value=0, max_value=5000))
def test_ranges_give_low_not_above_high(a: int, b: int) -> None:
    lo, hi = min(a, b), max(a, b)
    q = parse_quantity(f"{lo}-{hi}")
    assert q is not None and q.low == lo and q.high == hi and q.low <= q.high


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_garbage_never_raises_and_offsets_are_exact(text: str) -> None:
    parse_quantity(text)
    for m in find_quantities(text):
        assert text[m.start : m.end] == m.text
        for p in m.parts:
            assert text[p.start : p.end] == p.text


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "killed",
                "12",
                "twenty-one",
                "soldiers",
                "and",
                ",",
                "at least",
                "up to",
                "dozens",
                "between",
                "9-10",
                "December",
                "2022",
                "a",
                "civilian",
                ".",
            ]
        ),
        max_size=30,
    )
)
def test_offsets_are_exact_on_number_like_word_salad(words: list[str]) -> None:
    text = " ".join(words)
    for m in find_quantities(text):
        assert text[m.start : m.end] == m.text


def test_scanner_is_faster_than_one_megabyte_per_second() -> None:
    import time

    para = (
        "On 5 March 2021, 12 soldiers and two civilians were killed and at least 30 people were wounded "
        "when shells hit the village, the ministry said in a statement. The shelling began late in the "
        "evening and continued through the night, residents told reporters by telephone from the town, "
        "where power and water supplies have been cut since the fighting resumed. Officials from both "
        "sides traded accusations over who had opened fire first, and monitors said they could not reach "
        "the area to verify the claims because of the continuing hostilities along the front line. "
    ) * 100
    t0 = time.process_time()  # CPU time: other processes on the machine do not count
    n = 0
    while n < 2_000_000:
        find_quantities(para)
        n += len(para)
    assert n / (time.process_time() - t0) > 1_000_000


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Five troops, civilian reported killed in Ukraine", [5, 1]),
        ("Shelling kills four civilians, soldier", [4, 1]),
        ("Two soldiers and civilian killed in Donetsk shelling", [2, 1]),
        ("Four civilians killed, soldier says", [4]),  # the soldier is the source
        ("Three soldiers and civilian police officers were deployed", [3]),  # a modifier, not a person
    ],
)
def test_a_bare_singular_person_listed_after_a_figure_counts_one(text: str, values: list[int]) -> None:
    assert [point_value(m.quantity) for m in find_quantities(text)] == values
