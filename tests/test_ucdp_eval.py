"""The UCDP GED casualty scorer (evaluate/ucdp.py) on tiny hand-made gold and predictions."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from clashlog.evaluate.ucdp import claimant_matches, score_ucdp, stated, written_numbers
from clashlog.model import Claim, ExtractResult, RawArticle

COLUMNS = ["id", "source_article", "source_date", "source_headline", "source_original", "best", "low", "high"]


def write_gold(path: Path, rows: list[dict[str, str]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS)
        w.writeheader()
        w.writerow({c: f"#{c}" for c in COLUMNS})  # the HXL tag row the real file has
        for r in rows:
            w.writerow(r)
    return path


def row(
    i: int,
    headlines: str,
    best: int,
    *,
    low: int | None = None,
    high: int | None = None,
    original: str = "",
    dates: str = "2015-02-01",
) -> dict[str, str]:
    n = len(headlines.split(";"))
    articles = ";".join(f'"AFP,2015-02-01,{h}"' for h in headlines.split(";"))
    return {
        "id": str(i),
        "source_article": articles,
        "source_date": ";".join([dates] * n),
        "source_headline": headlines,
        "source_original": original,
        "best": str(best),
        "low": str(best if low is None else low),
        "high": str(best if high is None else high),
    }


class HandMade:
    """Predictions written by hand: headline -> [(kind, low, high, claimant)]."""

    def __init__(self, table: dict[str, list[tuple[str, int | None, int | None, str | None]]]) -> None:
        self.table = table
        self.seen: list[RawArticle] = []

    def process(self, raw: RawArticle) -> ExtractResult:
        self.seen.append(raw)
        claims = [
            Claim(
                claim_id=f"{raw.source}-{k}",
                article_id=raw.source,
                claimant=who,
                stance="asserts",
                claim_type="casualties",
                text=raw.text,
                start=0,
                end=len(raw.text),
                quantity_kind=kind,
                value_low=lo,
                value_high=hi,
            )
            for k, (kind, lo, hi, who) in enumerate(self.table.get(raw.text, []))
        ]
        return ExtractResult(claims=claims)


def test_written_numbers_reads_digits_words_and_a() -> None:
    assert written_numbers("Forty-nine Ukrainian troops killed, 1,200 flee; a soldier dies") == {
        49,
        9,
        1200,
        1,
    }


def test_stated_needs_a_death_word_and_the_best_figure_written() -> None:
    assert stated(row(1, "Three soldiers killed in east Ukraine", 3))
    assert not stated(row(2, "Three soldiers wounded in east Ukraine", 3))
    assert not stated(row(3, "Soldiers killed in east Ukraine", 3))


def test_claimant_match_is_fuzzy_but_not_on_country_words_alone() -> None:
    assert claimant_matches("Ministry of Defense of Ukraine", "Ukraine defence ministry; MemoryBook")
    assert claimant_matches("Military Forces of Ukraine", "Kiev military spokesman Andriy Lysenko")
    assert not claimant_matches("Government of Ukraine", "Ukrainian army spokesman")
    assert not claimant_matches("AFP", "Memorybook x2")


def test_score_counts_hits_ranges_claimants_and_ignores_sprayed_headlines(tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path / "gold.csv",
        [
            row(
                1,
                "Six soldiers killed in ambush: ministry;Seven soldiers killed in ambush",
                7,
                low=6,
                high=7,
                original="Ukraine defence ministry",
            ),
            row(2, "Two civilians killed in Donetsk shelling", 2, original="city council"),
            row(3, "Four killed, 5 wounded in shelling", 4, original="Memorybook"),
            row(4, "Only 3 wounded in shelling", 3),  # not "stated": no death word
        ],
    )
    predictions = HandMade(
        {
            "Six soldiers killed in ambush: ministry": [("killed", 6, 6, "Ministry of Defense of Ukraine")],
            "Seven soldiers killed in ambush": [("killed", 7, 7, "AFP")],
            "Two civilians killed in Donetsk shelling": [("killed", 2, 2, "AFP")],
            # three different killed figures in one headline: it counts for nothing
            "Four killed, 5 wounded in shelling": [
                ("killed", 4, 4, None),
                ("killed", 5, 5, None),
                ("killed", 9, 9, None),
            ],
        }
    )
    report = score_ucdp(gold, predictions)
    m = {x.name: x for x in report.metrics}
    assert report.n_records == 3
    assert (m["killed_exact"].correct, m["killed_exact"].total) == (2, 3)
    assert m["range_correct"].correct == 2
    assert (m["claimant_recovered"].correct, m["claimant_recovered"].total) == (1, 2)
    # only row 1's headline writes its claimant ("ministry"); row 2's "city council" is not in the text
    assert (m["claimant_recovered_when_stated"].correct, m["claimant_recovered_when_stated"].total) == (1, 1)
    # row 2 names no source and does not write "city council": no reader of the headlines can recover it
    assert (m["claimant_in_headlines"].correct, m["claimant_in_headlines"].total) == (1, 2)
    assert m["headlines_sprayed"].value == 1
    # one article per headline, published on its own date, from its outlet
    assert {r.published for r in predictions.seen} == {"2015-02-01"}
    assert {r.outlet for r in predictions.seen} == {"AFP"}


def test_limit_reads_only_the_first_rows(tmp_path: Path) -> None:
    gold = write_gold(tmp_path / "gold.csv", [row(i, f"{i} soldiers killed", i) for i in range(2, 8)])
    report = score_ucdp(gold, HandMade({}), limit=3)
    assert report.n_records == 3
    assert report.metric("killed_exact").correct == 0


@pytest.mark.parametrize(
    "slugged",
    ["UPDATE 2-Three soldiers killed", "WRAPUP 1-Three soldiers killed", "RPT-Three soldiers killed"],
)
def test_wire_slugs_are_removed_before_extraction(tmp_path: Path, slugged: str) -> None:
    gold = write_gold(tmp_path / "gold.csv", [row(1, slugged, 3)])
    pred = HandMade({"Three soldiers killed": [("killed", 3, 3, None)]})
    assert score_ucdp(gold, pred).metric("killed_exact").correct == 1


def test_event_fatalities_count_only_when_no_claim_has_a_figure(tmp_path: Path) -> None:
    from clashlog.model import Event

    class EventsOnly(HandMade):
        def process(self, raw: RawArticle) -> ExtractResult:
            result = super().process(raw)
            result.events = [
                Event(
                    event_id="e",
                    event_date="2015-02-01",
                    event_type="Battles",
                    sub_event_type="Armed clash",
                    disorder_type="Political violence",
                    fatalities=5,
                )
            ]
            return result

    gold = write_gold(
        tmp_path / "gold.csv", [row(1, "Five killed in clashes", 5), row(2, "Two and one killed", 2)]
    )
    pred = EventsOnly({"Two and one killed": [("killed", 2, 2, None), ("killed", 1, 1, None)]})
    report = score_ucdp(gold, pred)
    # row 1: no claim figure, the event's 5 counts; row 2: the claims' 2 and 1, not the event's 5 as a third figure
    assert report.metric("killed_exact").correct == 2
    assert report.metric("headlines_sprayed").value == 0
