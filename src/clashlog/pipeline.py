"""Builds clashlog's spaCy pipeline and runs articles through it.

The data path, one stage per module:

    read/ -> clean.py -> segment.py -> stages/dates -> stages/numbers
          -> stages/triggers -> stages/actors -> stages/places (toponyms)
          -> stages/syntax -> stages/places (resolution) -> stages/events
          -> stages/claims

(actors come before places: the home country of a named armed group is context
for resolving the article's place names.)

The Doc is made by a *blank* English tokenizer (≈240k words/s); the full
statistical model (tagger, parser, NER) runs only inside
`clashlog_syntax`, on the sentences that hold an event trigger, a number or
a place.  That is what keeps clashlog faster than parsing everything.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Iterable, Iterator, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import extensions
from .clean import clean_article
from .model import ExtractResult, RawArticle, ReadError
from .settings import Settings

logger = logging.getLogger(__name__)

# (component name, module that registers it) in pipeline order
STAGES: tuple[tuple[str, str], ...] = (
    ("clashlog_segment", "clashlog.segment"),
    ("clashlog_dates", "clashlog.stages.dates"),
    ("clashlog_numbers", "clashlog.stages.numbers"),
    ("clashlog_triggers", "clashlog.stages.triggers"),
    ("clashlog_actors", "clashlog.stages.actors"),  # before places: a named group's country is context
    ("clashlog_toponyms", "clashlog.stages.places"),
    ("clashlog_syntax", "clashlog.stages.syntax"),
    ("clashlog_places", "clashlog.stages.places"),
    ("clashlog_events", "clashlog.stages.events"),
    ("clashlog_claims", "clashlog.stages.claims"),
)

# per-component config taken from Settings
_STAGE_CONFIG = {
    "clashlog_syntax": lambda s: {"model": s.model, "parse_all": s.parse_all_sentences},
    "clashlog_toponyms": lambda s: {"gazetteer_dir": s.gazetteer_dir},
    "clashlog_places": lambda s: {"gazetteer_dir": s.gazetteer_dir},
}


def build_pipeline(settings: Settings, *, until: str | None = None) -> Language:
    """A blank English pipeline with clashlog's stages added in order.

    ``until`` stops after the named component (used by tests and benchmarks
    to time or exercise a prefix of the pipeline).
    """
    import importlib

    extensions.setup()
    # The statistical model is loaded once; the blank pipeline shares its vocab and
    # tokenizer (building a second English tokenizer costs ~0.4 s of start-up).
    full = spacy.load(settings.model, exclude=["senter"])
    lang_cls = spacy.util.get_lang_class(full.lang)
    nlp = lang_cls(vocab=full.vocab, create_tokenizer=lambda _nlp: full.tokenizer)
    for name, module in STAGES:
        importlib.import_module(module)  # registers the factory
        cfg = _STAGE_CONFIG.get(name, lambda s: {})(settings)
        proc = nlp.add_pipe(name, config=cfg)
        if name == "clashlog_syntax":
            proc.nlp = full
        if name == "clashlog_places":
            proc.context.model = full
        if name == until:
            break
    return nlp


class Extractor:
    """Article records in, contract records out.  One instance per process."""

    def __init__(self, settings: Settings | None = None, *, nlp: Language | None = None) -> None:
        self.settings = settings or Settings()
        self.nlp = nlp or build_pipeline(self.settings)

    def make_doc(self, raw: RawArticle, *, published: str | None = None, outlet: str | None = None) -> Doc:
        article = clean_article(raw, published=published, outlet=outlet)
        doc = self.nlp.make_doc(article.text)
        doc._.article = article
        return doc

    def annotate(self, doc: Doc) -> Doc:
        for _name, proc in self.nlp.pipeline:
            doc = proc(doc)
        return doc

    def process(
        self, raw: RawArticle, *, published: str | None = None, outlet: str | None = None
    ) -> ExtractResult:
        """Run one article; a failure becomes a ReadError naming it, never an exception."""
        try:
            doc = self.annotate(self.make_doc(raw, published=published, outlet=outlet))
        except Exception as exc:  # one bad article must not stop a batch
            logger.exception("failed on %s", raw.source)
            return ExtractResult(errors=[ReadError(raw.source, f"processing failed: {exc!r}")])
        return result_from_doc(doc)

    def process_batch(
        self, items: Sequence[RawArticle | ReadError], *, published: str | None = None, outlet: str | None = None
    ) -> list[ExtractResult]:
        """Run several articles together, one result per item, in order.

        Components with a ``pipe`` method (the syntax stage) see the whole batch at
        once, so the statistical model parses the selected sentences of all articles
        in one call.  If anything in the batch fails, its articles are re-run one by
        one so the failure is pinned on the article that caused it.
        """
        results: list[ExtractResult | None] = [None] * len(items)
        docs: list[tuple[int, Doc]] = []
        for i, item in enumerate(items):
            if isinstance(item, ReadError):
                results[i] = ExtractResult(errors=[item])
                continue
            try:
                docs.append((i, self.make_doc(item, published=published, outlet=outlet)))
            except Exception as exc:
                logger.exception("failed on %s", item.source)
                results[i] = ExtractResult(errors=[ReadError(item.source, f"processing failed: {exc!r}")])
        try:
            batch = [d for _, d in docs]
            for _name, proc in self.nlp.pipeline:
                pipe = getattr(proc, "pipe", None)
                batch = list(pipe(batch)) if pipe is not None else [proc(d) for d in batch]
            for (i, _), doc in zip(docs, batch, strict=True):
                results[i] = result_from_doc(doc)
        except Exception:
            logger.warning("a batch failed; re-running its articles one by one")
            for i, _ in docs:
                item = items[i]
                assert isinstance(item, RawArticle)
                results[i] = self.process(item, published=published, outlet=outlet)
        return [r for r in results if r is not None]

    def extract(
        self,
        items: Iterable[RawArticle | ReadError],
        *,
        published: str | None = None,
        outlet: str | None = None,
        n_process: int | None = None,
    ) -> Iterator[ExtractResult]:
        """Yield one ExtractResult per input item, in input order (batched internally)."""
        n = n_process or self.settings.n_process
        size = max(1, self.settings.batch_size)
        if n <= 1:
            for chunk in _chunks(items, size):
                yield from self.process_batch(chunk, published=published, outlet=outlet)
            return
        global _WORKER
        _WORKER = (self, published, outlet)
        ctx = multiprocessing.get_context("fork")  # workers share the loaded model copy-on-write
        try:
            with ctx.Pool(n) as pool:
                for results in pool.imap(_work, _chunks(items, size)):
                    yield from results
        finally:
            _WORKER = None


_WORKER: tuple[Extractor, str | None, str | None] | None = None


def _chunks(items: Iterable[RawArticle | ReadError], size: int) -> Iterator[list[RawArticle | ReadError]]:
    chunk: list[RawArticle | ReadError] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _work(chunk: list[RawArticle | ReadError]) -> list[ExtractResult]:
    assert _WORKER is not None
    extractor, published, outlet = _WORKER
    return extractor.process_batch(chunk, published=published, outlet=outlet)


def result_from_doc(doc: Doc) -> ExtractResult:
    article = doc._.article
    places = [m.place for m in (doc._.places or []) if m.place is not None]
    return ExtractResult(
        articles=[article],
        places=places,
        events=list(doc._.events or []),
        claims=list(doc._.claims or []),
    )
