"""The claims stage's lexicon (`ClaimsLexicon`) and what its parts share.

`load_claims_lexicon` reads the casualty cues (lexicons/casualty_cues.tsv), the
denial cues (lexicons/denial_cues.tsv), the "no casualties" phrases
(lexicons/no_casualty_cues.txt) and the named parties (lexicons/actors.tsv), and
takes the singular person nouns from the number lexicon; `default_claims_lexicon`
is the cached copy the stage uses.  `SentenceLike` is what the casualty readers
need of a sentence; `SUBJECT_MAX_CHARS` caps every claim's ``subject``.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..lexicon_files import data_rows
from .anchors import flex_spaces
from .attribution import AttributionLexicon, default_attribution_lexicon
from .numbers import NumberLexicon, default_scanner

logger = logging.getLogger(__name__)

LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicons"
SUBJECT_MAX_CHARS = 160


class SentenceLike(Protocol):
    """What figure reading needs of a sentence: its span in the article text, and who says it."""

    start: int
    end: int
    text: str
    claimant: str | None


@dataclass(frozen=True)
class ClaimsLexicon:
    cues: tuple[tuple[re.Pattern[str], re.Pattern[str], str, str], ...]  # after-re, before-re, kind, where
    denial: tuple[tuple[re.Pattern[str], str], ...]
    denial_any: re.Pattern[str]
    no_casualty: re.Pattern[str]
    numbers: NumberLexicon
    attribution: AttributionLexicon
    singular_person: re.Pattern[str]
    parties: tuple[tuple[re.Pattern[str], str, str, str], ...]  # pattern, name, country, kind


_FILLER = r"(?:\s+(?:another|a further|an additional|at least|some|about|over|more than|up to|nearly|around|as many as|a total of|all))*"


def load_claims_lexicon(directory: Path = LEXICON_DIR) -> ClaimsLexicon:
    cues = []
    for r in data_rows(directory / "casualty_cues.tsv"):
        pat, kind, where = flex_spaces(r[0]), r[1].strip(), r[2].strip()
        cues.append(
            (
                re.compile(rf"\b(?:{pat})\b", re.I),
                re.compile(rf"\b(?:{pat})\b[\"”’']?{_FILLER}\s*[\"“']?$", re.I),  # 'had "neutralised" 30
                kind,
                where,
            )
        )
    denial = tuple(
        (re.compile(rf"\b(?:{flex_spaces(r[0])})\b", re.I), r[1].strip())
        for r in data_rows(directory / "denial_cues.tsv")
    )
    no_cas = re.compile(
        "|".join(rf"(?:\b{flex_spaces(r[0])}\b)" for r in data_rows(directory / "no_casualty_cues.txt")), re.I
    )
    numbers = default_scanner().lex
    sg = sorted(
        {i.singular for i in numbers.nouns.values() if i.category in ("person", "military")},
        key=len,
        reverse=True,
    )
    sg = [
        s
        for s in sg
        if s not in ("other", "body", "casualty", "victim", "member", "individual", "personnel", "police")
    ]
    singular = re.compile(
        r"(?P<noun>" + "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in sg) + r")\b(?![-'’]\w)", re.I
    )
    parties = []
    actors = directory / "actors.tsv"
    try:
        for r in data_rows(actors):
            if r[0] == "pattern" or len(r) < 5:
                continue
            flags = 0 if re.search(r"[A-Z]{2}", r[0]) else re.I
            parties.append((re.compile(rf"\b(?:{flex_spaces(r[0])})\b", flags), r[1].strip(), r[3].strip(),
                            r[4].strip()))
    except (OSError, re.error):  # the actors lexicon is optional here
        logger.warning("actors lexicon unavailable for claim sides")
    denial_any = re.compile("|".join(p.pattern for p, _ in denial), re.I)
    return ClaimsLexicon(
        tuple(cues),
        denial,
        denial_any,
        no_cas,
        numbers,
        default_attribution_lexicon(),
        singular,
        tuple(parties),
    )


@functools.cache
def default_claims_lexicon() -> ClaimsLexicon:
    return load_claims_lexicon()
