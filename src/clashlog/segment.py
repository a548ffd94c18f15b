"""Paragraphs first, then sentences.

Blank lines separate paragraphs (datelines and bylines would otherwise glue
onto the first sentence); inside a paragraph, sentence-final punctuation
splits sentences.  Single newlines (wrapped lines in wire copy) are not
boundaries.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

_FINAL = {".", "!", "?", "…"}
_CLOSERS = {'"', "'", "”", "’", ")", "]", "»"}
# abbreviations that the blank tokenizer may leave as "Gen" + "." etc.
_ABBREV = {
    "gen", "lt", "col", "maj", "capt", "sgt", "mr", "mrs", "ms", "dr", "st", "no", "vs", "jan", "feb",
    "aug", "sept", "sep", "oct", "nov", "dec", "corp", "inc", "co", "gov", "sen", "rep", "brig", "adm",
    "u.s", "u.n", "jr", "sr", "prof", "approx", "est", "vol", "mt", "ft", "pres",
}
_PARA_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the non-empty paragraphs of ``text``."""
    spans = []
    pos = 0
    for m in _PARA_BREAK.finditer(text):
        if text[pos : m.start()].strip():
            spans.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        spans.append((pos, len(text)))
    return spans


def set_sentence_starts(doc: Doc) -> Doc:
    """Mark sentence starts on ``doc`` in place: paragraph starts and after final punctuation."""
    if not len(doc):
        return doc
    # Token.is_sent_start's setter re-checks the whole Doc on every call (quadratic on
    # long articles), so the flags are collected here and written once with from_array.
    starts = numpy.full(len(doc), -1, dtype="int64")
    para_starts = {s for s, _ in paragraph_spans(doc.text)}
    new_para = True
    prev_final = False
    for i, tok in enumerate(doc):
        if tok.is_space:
            if "\n\n" in tok.text.replace("\r", "") or _PARA_BREAK.search(tok.text):
                new_para = True
            if i == 0:
                starts[i] = 1
            continue
        if (
            i == 0
            or new_para
            or tok.idx in para_starts
            or (prev_final and (tok.is_title or tok.is_upper or tok.is_digit or tok.text[:1] in "\"“'‘(["))
        ):
            starts[i] = 1
        new_para = False
        if tok.text in _FINAL or (tok.text.endswith(".") and len(tok.text) > 1 and tok.text[:-1].isalpha()
                                  and tok.text[:-1].lower() not in _ABBREV and len(tok.text) > 3):
            prev_tok = doc[i - 1] if i else None
            prev_final = not (tok.text == "." and prev_tok is not None and prev_tok.text.lower() in _ABBREV)
        elif tok.text in _CLOSERS and prev_final:
            pass  # a closing quote after the full stop keeps the boundary pending
        else:
            prev_final = False
        # a paragraph break hidden in trailing whitespace of the token
        if "\n\n" in tok.whitespace_:
            new_para = True
    doc.from_array([SENT_START], starts.astype("int64").view("uint64"))
    return doc


@Language.component("clashlog_segment", assigns=["token.is_sent_start"])
def segment_component(doc: Doc) -> Doc:
    return set_sentence_starts(doc)
