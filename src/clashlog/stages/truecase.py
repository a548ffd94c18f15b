"""All-capitals sentences, re-cased for the tagger and parser.

Wire copy set in capitals ("SHINING PATH MEMBERS LAST NIGHT BOMBED AN OFFICE")
defeats the small English model: every word looks like a proper noun, so it
finds no verb and no subject, and the event coder cannot tell who did what.
`syntax` therefore parses such a sentence a second time, re-cased: lower case,
with title case for the first word, the actor names the lexicon already knows
(named armed groups, countries, demonyms) and every word that is not an
English word by the model's own lemmatizer tables (so "SERGIO ALARCON" and
"SOYAPANGO" read as names, "SET" and "BUS" as words).  Every
character keeps its offset, so the parse lines up with the original sentence.

The event coder reads agents and targets off the re-cased parse
(`syntax.role_parse`); everything else (trigger readings, the geoparser's
entity labels and parts of speech) keeps the parse of the original capitals,
on which those rules are measured.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import doc_text
from .actors import is_all_caps, name_spans

_WORD = re.compile(r"[^\W\d_]+")
_ACRONYM_MAX = 4


def needs_recasing(sentence: str) -> bool:
    """A sentence set in capitals (a short heading or an acronym is not)."""
    return is_all_caps(sentence)


def _one(c: str, upper: bool) -> str:
    """``c`` re-cased, or ``c`` itself where that would change the length ("İ".lower() is two characters)."""
    r = c.upper() if upper else c.lower()
    return r if len(r) == 1 else c


class EnglishWords:
    """The English words the model's lemmatizer knows (its WordNet-derived index, exceptions and
    suffix rules) and the stop words: a capitalized word outside them is taken for a name."""

    def __init__(self, nlp: Language | None = None) -> None:
        self.index: set[str] = set()
        self.exceptions: set[str] = set()
        self.rules: list[tuple[str, str]] = []
        if nlp is not None and "lemmatizer" in nlp.pipe_names:
            lookups = nlp.get_pipe("lemmatizer").lookups
            for name, into in (("lemma_index", self.index), ("lemma_exc", self.exceptions)):
                if lookups.has_table(name):
                    table = lookups.get_table(name)
                    for pos in table:
                        into.update(table[pos])
            if lookups.has_table("lemma_rules"):
                table = lookups.get_table("lemma_rules")
                self.rules = sorted({(old, new) for pos in table for old, new in table[pos]})

    def __contains__(self, word: str) -> bool:
        w = word.lower()
        if w in STOP_WORDS or w in self.index or w in self.exceptions or not self.index:
            return True
        return any(w.endswith(old) and w[: len(w) - len(old)] + new in self.index for old, new in self.rules if old)


_WORDS_OF: dict[int, tuple[Language, EnglishWords]] = {}


def english_words(nlp: Language) -> EnglishWords:
    """The `EnglishWords` of a loaded pipeline, built once per pipeline (the syntax and places stages
    share one)."""
    got = _WORDS_OF.get(id(nlp))
    if got is None or got[0] is not nlp:
        got = (nlp, EnglishWords(nlp))
        _WORDS_OF[id(nlp)] = got
    return got[1]


def recase(
    sentence: str,
    names: Iterable[tuple[int, int]] = (),
    places: Iterable[tuple[int, int]] = (),
    words: EnglishWords | None = None,
) -> str:
    """``sentence`` in lower case, same length, with upper case for its first letter, for the first
    letter of each word in the ``places`` spans and of each word that is not an English word in
    ``words`` ("SERGIO ALARCON", "SOYAPANGO"); in the actor ``names`` spans likewise, except that a
    word of up to four letters stays an acronym ("ELN", "FMLN").  Spans are offsets into ``sentence``."""
    out = [_one(c, upper=False) for c in sentence]

    def cap(m: re.Match[str]) -> None:
        out[m.start()] = _one(sentence[m.start()], upper=True)

    for start, end in places:
        for m in _WORD.finditer(sentence, max(0, start), min(len(sentence), end)):
            cap(m)
    if words is not None:
        for m in _WORD.finditer(sentence):
            if len(m.group(0)) > 1 and m.group(0) not in words:
                cap(m)
    for start, end in names:
        for m in _WORD.finditer(sentence, max(0, start), min(len(sentence), end)):
            if len(m.group(0)) <= _ACRONYM_MAX and m.group(0).isupper():
                out[m.start() : m.end()] = list(m.group(0))
            else:
                cap(m)
    for i, c in enumerate(sentence):
        if c.isalpha():
            out[i] = _one(c, upper=True)
            break
    return "".join(out)


def sentence_names(doc: Doc, start: int, end: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans, relative to ``start``, of the names in ``doc``'s sentence ``start:end``: its actors'
    names (named armed groups, countries, demonyms), and its toponym candidates of more than one
    word ("SAN SALVADOR").  A one-word candidate is left to ``EnglishWords``: in capitals such
    candidates include common words ("SET", "BUS", "POWER")."""
    places = [
        (m.start - start, m.end - start)
        for m in (doc._.toponyms or [])
        if start <= m.start and m.end <= end and " " in m.text.strip()
    ]
    return name_spans(doc_text(doc)[start:end]), places
