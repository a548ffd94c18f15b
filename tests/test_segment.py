"""Paragraphs first, then sentences (clashlog.segment)."""

import spacy

from clashlog.segment import paragraph_spans, set_sentence_starts


def _sents(text: str) -> list[str]:
    nlp = spacy.blank("en")
    return [s.text.strip() for s in set_sentence_starts(nlp.make_doc(text)).sents if s.text.strip()]


def test_blank_lines_separate_paragraphs_even_without_final_punctuation():
    text = "13 September 2022 10:40 (UTC+04:00)\n\nBy Sabina Mammadli\n\nThe clashes went on."
    assert _sents(text) == ["13 September 2022 10:40 (UTC+04:00)", "By Sabina Mammadli", "The clashes went on."]


def test_single_newlines_in_wrapped_wire_copy_do_not_split_sentences():
    text = "THREE SUBVERSIVES WERE KILLED AND SEVEN OTHERS WERE\nWOUNDED DURING CLASHES YESTERDAY.  THE ARMY SAID SO."
    assert _sents(text) == [
        "THREE SUBVERSIVES WERE KILLED AND SEVEN OTHERS WERE\nWOUNDED DURING CLASHES YESTERDAY.",
        "THE ARMY SAID SO.",
    ]


def test_abbreviations_do_not_end_sentences():
    assert _sents("Gen. Petrov said the shelling stopped. Troops withdrew.") == [
        "Gen. Petrov said the shelling stopped.",
        "Troops withdrew.",
    ]


def test_closing_quote_stays_with_its_sentence():
    assert _sents('"We will respond," he said. The army fired back.') == [
        '"We will respond," he said.',
        "The army fired back.",
    ]


def test_paragraph_spans_cover_only_non_blank_text():
    text = "One.\n\n  \n\nTwo three.\n"
    assert [text[s:e].strip() for s, e in paragraph_spans(text)] == ["One.", "Two three."]
