"""The subject of a figure-less claim: what the statement says, without who says it."""

from __future__ import annotations

import pytest

from clashlog.stages.attribution import default_attribution_lexicon
from clashlog.stages.claims_lexicon import SUBJECT_MAX_CHARS
from clashlog.stages.propositions import proposition


def prop(text: str) -> str:
    return proposition(text, default_attribution_lexicon())


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        # a leading speaker and verb with its "that", and a discourse opener before them
        (
            "Further, Bayramov stressed that Azerbaijan is not interested in a new war.",
            "Azerbaijan is not interested in a new war",
        ),
        # a wire dateline is no part of what is said
        (
            "GOMA, Democratic Republic of Congo, Feb 14 (Reuters) - M23 rebels seized the town of Sake, "
            "residents said.",
            "M23 rebels seized the town of Sake",
        ),
        # an accusation of doing something: who is accused, doing it
        ("Kinshasa accuses Rwanda of backing the M23.", "Rwanda backing the M23"),
        # "according to X," and "as X informed," at the head
        (
            "According to the Ministry of Defense, sabotage groups planted mines near Lachin.",
            "sabotage groups planted mines near Lachin",
        ),
        (
            "As the ministry informed, recently, Armenian units fired at Azerbaijani positions.",
            "Armenian units fired at Azerbaijani positions",
        ),
        # a trailing speaker, written either way round
        (
            "Rebels attacked the convoy near Gao on Sunday, the army said.",
            "Rebels attacked the convoy near Gao on Sunday",
        ),
        (
            "Rebels attacked the convoy near Gao on Sunday, said a spokesman for the army.",
            "Rebels attacked the convoy near Gao on Sunday",
        ),
        ("The enemy shelled Avdiivka twice, the General Staff told Ukrinform.", "The enemy shelled Avdiivka twice"),
        # "informed X of Y": Y is what was said
        (
            "During the conversation, the minister informed the opposite side of the provocations on the border.",
            "the provocations on the border",
        ),
        # a statement closed by "it has been noted"
        (
            "“We call on the Armenian side to refrain from provocations,” it has been noted.",
            "We call on the Armenian side to refrain from provocations",
        ),
    ],
)
def test_the_attribution_is_taken_off_the_statement(sentence: str, subject: str) -> None:
    assert prop(sentence) == subject


def test_a_sentence_without_attribution_is_its_own_subject() -> None:
    assert prop("The army shelled the village of Sotk.") == "The army shelled the village of Sotk"


def test_when_too_little_is_left_the_sentence_is_the_subject() -> None:
    assert prop("The ministry said so, the agency reported.") == "The ministry said so, the agency reported."


def test_a_long_statement_is_cut_at_a_word_with_an_ellipsis() -> None:
    sentence = "The army said that " + " ".join(f"village{i} was shelled" for i in range(40)) + "."
    got = prop(sentence)
    assert len(got) <= SUBJECT_MAX_CHARS and got.endswith("…")
    assert got.startswith("village0 was shelled") and not got[:-1].endswith(" ")
    assert all(w.startswith(("village", "was", "shelled")) for w in got[:-1].split())
