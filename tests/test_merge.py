"""Cross-article merging and figure reconciliation (pure functions, no database)."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from clashlog.merge import (
    combine_scales,
    combine_sources,
    group_reports,
    independent_sources,
    merge_events,
    merge_group,
    reconcile,
    same_event,
)
from clashlog.model import Claim, Event, Evidence

ARM = "Military Forces of Armenia"
AZE = "Military Forces of Azerbaijan"


def report(
    article: str,
    event: str,
    *,
    day: str = "2021-12-09",
    end: str | None = None,
    precision: int = 1,
    event_type: str = "Battles",
    actors: tuple[str | None, str | None] = (ARM, AZE),
    location: str = "Kalbajar",
    admin2: str | None = "Kalbajar District",
    coords: tuple[float, float] | None = (40.10, 46.04),
    fatalities: int | None = None,
    outlet: str = "APA",
    scale: str = "National",
) -> Event:
    return Event(
        event_id=event,
        event_date=day,
        event_date_end=end,
        time_precision=precision,
        event_type=event_type,
        sub_event_type="Armed clash",
        disorder_type="Political violence",
        actor1=actors[0],
        actor2=actors[1],
        country="Azerbaijan",
        iso3="AZE",
        admin1="Kalbajar",
        admin2=admin2,
        location=location,
        latitude=coords[0] if coords else None,
        longitude=coords[1] if coords else None,
        geo_precision=1 if coords else 3,
        fatalities=fatalities,
        source=outlet,
        source_scale=scale,
        notes=f"{outlet} reports clashes near {location}.",
        article_ids=[article],
        evidence=[Evidence(article, 0, 7, "Clashes")],
    )


def killed(
    claim_id: str, article: str, event: str, low: int, high: int | None = None, *, claimant: str = "MoD"
) -> Claim:
    return Claim(
        claim_id=claim_id,
        article_id=article,
        claimant=claimant,
        stance="asserts",
        claim_type="casualties",
        text="killed",
        start=0,
        end=6,
        side="Armenia",
        quantity_kind="killed",
        value_low=low,
        value_high=low if high is None else high,
        event_id=event,
    )


def test_reports_of_one_clash_from_two_outlets_become_one_event_gathering_both():
    a = report("art-a", "ev-a", outlet="APA", scale="National")
    b = report("art-b", "ev-b", outlet="Reuters", scale="International")
    merged, claims = merge_events(
        [b, a], [killed("c1", "art-a", "ev-a", 2), killed("c2", "art-b", "ev-b", 2)]
    )
    assert len(merged) == 1
    event = merged[0]
    assert event.event_id == "ev-a"  # the member with the smallest (article, event) key names the group
    assert event.article_ids == ["art-a", "art-b"]
    assert event.source == "APA; Reuters"
    assert event.source_scale == "National-International"
    assert event.claim_ids == ["c1", "c2"]
    assert [e.article_id for e in event.evidence] == ["art-a", "art-b"]
    assert {c.event_id for c in claims} == {"ev-a"}


def test_a_single_report_keeps_the_id_extract_gave_it():
    merged, _ = merge_events([report("art-a", "ev-a")])
    assert [e.event_id for e in merged] == ["ev-a"]


def test_fatalities_are_the_lowest_credible_figure_and_the_range_spans_all_claims():
    a = report("art-a", "ev-a", fatalities=2)
    b = report("art-b", "ev-b", fatalities=5)
    claims = [
        killed("c1", "art-a", "ev-a", 2, claimant="Ministry of Defense of Azerbaijan"),
        killed("c2", "art-b", "ev-b", 5, 7, claimant="Ministry of Defense of Armenia"),
    ]
    event, _ = merge_group([a, b], claims)
    assert (event.fatalities, event.fatalities_low, event.fatalities_high) == (2, 2, 7)
    assert event.contested is True


def test_the_same_figure_from_two_reports_is_not_contested():
    claims = [
        killed("c1", "art-a", "ev-a", 3, claimant="MoD"),
        killed("c2", "art-b", "ev-b", 3, claimant="Reuters"),
    ]
    figures = reconcile([report("art-a", "ev-a"), report("art-b", "ev-b")], claims)
    assert (figures.fatalities, figures.fatalities_low, figures.fatalities_high, figures.contested) == (
        3,
        3,
        3,
        False,
    )


def test_an_assertion_next_to_a_denial_is_contested():
    deny = dataclasses.replace(
        killed("c2", "art-b", "ev-b", 3, claimant="Government of Armenia"), stance="denies"
    )
    figures = reconcile([report("art-a", "ev-a")], [killed("c1", "art-a", "ev-a", 3), deny])
    assert figures.contested is True


def test_cumulative_totals_do_not_count_as_one_day_fatalities():
    total = dataclasses.replace(killed("c1", "art-a", "ev-a", 300), cumulative=True)
    figures = reconcile([report("art-a", "ev-a")], [total])
    assert figures.fatalities is None and figures.fatalities_low is None


def test_different_types_days_places_or_actors_stay_apart():
    base = report("art-a", "ev-a")
    assert not same_event(base, report("art-b", "ev-b", event_type="Explosions/Remote violence"))
    assert not same_event(base, report("art-b", "ev-b", day="2021-12-11"))
    assert not same_event(
        base, report("art-b", "ev-b", location="Tovuz", admin2="Tovuz District", coords=(40.99, 45.63))
    )
    assert not same_event(base, report("art-b", "ev-b", actors=("Military Forces of Russia", AZE)))


def test_dates_match_within_the_reports_precision():
    ranged = report("art-b", "ev-b", day="2021-12-09", end="2021-12-10", precision=2)
    assert same_event(report("art-a", "ev-a", day="2021-12-10"), ranged)
    assert same_event(report("art-a", "ev-a", day="2021-12-12"), ranged)  # within a week's tolerance
    assert not same_event(report("art-a", "ev-a", day="2021-12-20"), ranged)


def test_nearby_coordinates_match_even_when_names_differ():
    a = report("art-a", "ev-a", location="Kalbajar", admin2=None, coords=(40.10, 46.04))
    b = report("art-b", "ev-b", location="Karvachar", admin2=None, coords=(40.12, 46.10))
    assert same_event(a, b)


def test_a_report_naming_one_actor_joins_the_report_naming_both():
    assert same_event(report("art-a", "ev-a"), report("art-b", "ev-b", actors=(AZE, None)))


def test_groups_are_connected_components_whatever_the_input_order():
    a = report("a", "1", day="2021-12-09", end="2021-12-10", precision=2)
    b = report("b", "2", day="2021-12-13")
    c = report("c", "3", day="2021-12-25")
    groups = group_reports([c, b, a])
    assert [[e.event_id for e in g] for g in groups] == [["1", "2"], ["3"]]


def test_combined_scales_and_sources_are_ordered_canonically():
    assert (
        combine_scales(["International", "National", "National-Regional", None])
        == "National-Regional-International"
    )
    assert combine_scales([None, ""]) is None
    assert combine_sources(["Reuters; APA", "apa", "APA"]) == "APA; Reuters"


def test_near_duplicate_articles_count_as_one_independent_source():
    assert independent_sources(["a", "b", "c"], {"b": "a"}) == 2


# a small article set: two clashes (one reported three times, with figures that disagree),
# one shelling, and a ranged report that bridges two single-day reports
ARTICLE_SET = [
    (report("a1", "e1", fatalities=2, outlet="APA"), [killed("c1", "a1", "e1", 2, claimant="MoD AZ")]),
    (
        report("a2", "e2", fatalities=4, outlet="Armenpress", scale="National"),
        [killed("c2", "a2", "e2", 4, claimant="MoD AM")],
    ),
    (report("a3", "e3", outlet="Reuters", scale="International", coords=(40.11, 46.05)), []),
    (report("a4", "e4", event_type="Explosions/Remote violence", outlet="APA"), []),
    (report("a5", "e5", day="2021-12-20", outlet="Trend"), []),
    (
        report("a6", "e6", day="2021-12-18", end="2021-12-19", precision=2, outlet="JAMnews"),
        [killed("c6", "a6", "e6", 1)],
    ),
    (report("a7", "e7", day="2021-12-15", outlet="news.am", actors=(ARM, None)), []),
]


@settings(max_examples=60, deadline=None)
@given(st.permutations(ARTICLE_SET))
def test_merging_does_not_depend_on_the_order_of_articles(order):
    events = [ev for ev, _ in order]
    claims = [c for _, cs in order for c in cs]
    expected = merge_events([ev for ev, _ in ARTICLE_SET], [c for _, cs in ARTICLE_SET for c in cs])
    assert merge_events(events, claims) == expected


def test_merging_the_article_set_gives_the_expected_groups():
    merged, _ = merge_events([ev for ev, _ in ARTICLE_SET], [c for _, cs in ARTICLE_SET for c in cs])
    by_id = {e.event_id: e for e in merged}
    assert sorted(by_id) == ["e1", "e4", "e5"]
    assert by_id["e1"].article_ids == ["a1", "a2", "a3"]
    assert (by_id["e1"].fatalities, by_id["e1"].fatalities_low, by_id["e1"].fatalities_high) == (2, 2, 4)
    assert by_id["e1"].contested
    # e5 (Dec 20) and e7 (Dec 15) are too far apart, but e6 (Dec 18-19, +/- 3 days) matches both
    assert by_id["e5"].article_ids == ["a5", "a6", "a7"]
    assert by_id["e5"].event_date == "2021-12-20"  # a one-day report is more precise than a range
