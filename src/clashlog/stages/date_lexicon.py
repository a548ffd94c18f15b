"""The date stage's word lists: `DateLexicon`, read from ``lexicons/dates.tsv``.

Part of the date grammar (`clashlog.stages.date_grammar` compiles its patterns
from these words; `clashlog.stages.date_recognizer` reads the cue words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

LEXICON_FILE = "dates.tsv"
# weekday and month names as written in English copy, for rules outside the date stage that must not take
# them for names ("the Commission on Monday", "said Thursday they had ...")
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
CALENDAR_WORD = (WEEKDAY + r"|January|February|March|April|May|June|July|August|September|October|November|"
                 r"December")


# ------------------------------------------------------------------ lexicon


@dataclass(frozen=True)
class DateLexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    day_offsets: dict[str, int]
    anaphoric_days: dict[str, int]
    parts_of_day: tuple[str, ...]
    periods: dict[str, tuple[str, int]]
    future_cues: frozenset[str]
    background_before: tuple[str, ...]
    background_weak: tuple[str, ...]
    background_after: tuple[str, ...]
    reporting_verbs: frozenset[str]
    future_context: tuple[str, ...]


def load_lexicon(text: str | None = None) -> DateLexicon:
    """Parse ``lexicons/dates.tsv`` (or the given TSV text)."""
    if text is None:
        text = resources.files("clashlog.lexicons").joinpath(LEXICON_FILE).read_text("utf-8")
    tables: dict[str, list[list[str]]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, *rest = line.rstrip("\n").split("\t")
        tables.setdefault(kind, []).append([r.strip().lower() for r in rest])

    def col(kind: str) -> list[list[str]]:
        return tables.get(kind, [])

    return DateLexicon(
        months={r[0]: int(r[1]) for r in col("month")},
        weekdays={r[0]: int(r[1]) for r in col("weekday")},
        numbers={r[0]: int(r[1]) for r in col("number")},
        day_offsets={r[0]: int(r[1]) for r in col("day_offset")},
        anaphoric_days={r[0]: int(r[1]) for r in col("anaphoric_day")},
        parts_of_day=tuple(r[0] for r in col("part_of_day")),
        periods={r[0]: (r[1], int(r[2])) for r in col("period")},
        future_cues=frozenset(r[0] for r in col("future_cue")),
        background_before=tuple(r[0] for r in col("background_before")),
        background_weak=tuple(r[0] for r in col("background_weak")),
        background_after=tuple(r[0] for r in col("background_after")),
        reporting_verbs=frozenset(r[0] for r in col("reporting_verb")),
        future_context=tuple(r[0] for r in col("future_context")),
    )


def alternation(words: object) -> str:
    """A regex alternation of phrases, longest first, spaces as any whitespace."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)
