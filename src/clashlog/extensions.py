"""The annotation namespace on spaCy Docs.

Stages talk to each other only through these attributes (and the model
dataclasses).  `setup()` registers them once; it is idempotent and called by
`clashlog.pipeline.build_pipeline`.

| attribute          | set by               | type                                  |
|--------------------|----------------------|---------------------------------------|
| doc._.article      | Extractor            | model.Article                         |
| doc._.dates        | clashlog_dates       | list[model.DateMention]               |
| doc._.quantities   | clashlog_numbers     | list[model.QuantityMention]           |
| doc._.triggers     | clashlog_triggers    | list[stages.triggers.Trigger]         |
| doc._.toponyms     | clashlog_toponyms    | list[model.PlaceMention] (unresolved) |
| doc._.parses       | clashlog_syntax      | dict[int, Doc]: sentence start char -> parsed sentence |
| doc._.places       | clashlog_places      | list[model.PlaceMention] (resolved)   |
| doc._.filed_from   | clashlog_places      | str | None: country of the wire dateline |
| doc._.outlet_home  | clashlog_places      | str | None: ISO3 of the outlet's home country |
| doc._.actors       | clashlog_actors      | list[model.ActorMention]              |
| doc._.events       | clashlog_events      | list[model.Event]                     |
| doc._.claims       | clashlog_claims      | list[model.Claim]                     |
| doc._.stage_errors | any stage's handler  | list[str]                             |
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

_LIST_ATTRS = (
    "dates",
    "quantities",
    "triggers",
    "toponyms",
    "places",
    "actors",
    "events",
    "claims",
    "stage_errors",
)


def setup() -> None:
    """Register clashlog's Doc extensions (safe to call more than once)."""
    if not Doc.has_extension("article"):
        Doc.set_extension("article", default=None)
    if not Doc.has_extension("parses"):
        Doc.set_extension("parses", default=None)
    if not Doc.has_extension("filed_from"):
        Doc.set_extension("filed_from", default=None)
    if not Doc.has_extension("outlet_home"):
        Doc.set_extension("outlet_home", default=None)
    for name in _LIST_ATTRS:
        if not Doc.has_extension(name):
            # a getter-less default of None; components always assign a fresh list
            Doc.set_extension(name, default=None)


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy rebuilds it from every token on each access)."""
    text = doc.user_data.get("clashlog.text")
    if text is None:
        text = doc.user_data["clashlog.text"] = doc.text
    return text


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start_char, end_char) of every sentence, computed once per Doc after segmentation."""
    spans = doc.user_data.get("clashlog.sents")
    if spans is None:
        spans = doc.user_data["clashlog.sents"] = [(s.start_char, s.end_char) for s in doc.sents]
    return spans


def sentence_at(doc: Doc, char: int) -> tuple[int, int] | None:
    """The (start_char, end_char) of the sentence containing ``char``, by binary search."""
    spans = sentence_spans(doc)
    i = bisect.bisect_right(spans, (char, float("inf"))) - 1
    if i >= 0 and spans[i][0] <= char < spans[i][1]:
        return spans[i]
    return None


def parsed_sentence(doc: Doc, start_char: int) -> Doc | None:
    """The full-model parse of the sentence containing ``start_char``, if one was made.

    Offsets inside the returned Doc are relative to the sentence start.
    """
    span = sentence_at(doc, start_char)
    if span is None:
        return None
    return (doc._.parses or {}).get(span[0])
