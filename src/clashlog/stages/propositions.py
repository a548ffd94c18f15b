"""What a statement says, without who says it: the ``subject`` of a figure-less claim.

"As Azerbaijan's Ministry of Defence informed, recently, the Armenian Armed
forces has continued its provocations ..., Ministry of Foreign Affairs told
APA." is kept as a claim of the ministry; its subject is what the ministry
says — "the Armenian Armed forces has continued its provocations ..." — not
the sentence with its attribution.  `proposition` takes off, in this order:

- a discourse opener ("To recap,", "Further,", "In addition,", "Meanwhile,");
- a leading "According to X," / "As X informed,";
- a leading speaker and reporting verb with its "that" ("Bayramov stressed
  that ...", "the ministry said in a statement that ...");
- a trailing ", X said." / ", X told APA." / "“ it has been noted.";

then cuts what is left to `SUBJECT_MAX_CHARS` at a word boundary, with "…"
when something was cut.  When nothing sensible is left (fewer than three
words), the sentence itself is the subject.
"""

from __future__ import annotations

import re

from .attribution import AttributionLexicon, clean_phrase, is_claimant_phrase
from .claims_lexicon import SUBJECT_MAX_CHARS

_OPENER = re.compile(
    r"^(?:to recap|further(?:more)?|in addition|additionally|meanwhile|moreover|also|however|besides|"
    r"at the same time|in general|namely|in turn|for (?:its|his|her|their) part|along with this|recently|"
    r"earlier|previously|(?:during|at|in|after) (?:the|a|this|that) (?:conversation|meeting|call|talks|briefing|"
    r"press conference|interview|session))\s*,\s*",
    re.I,
)
# a wire dateline opening the sentence: "GOMA, Democratic Republic of Congo, Feb 14 (Reuters) - "
_DATELINE = re.compile(r"^[A-Z][A-Z'’. -]{1,40}(?:,[^,()\n]{1,50}){0,3}(?:\s*\([^)\n]{1,40}\))?\s*[-–—]+\s+")
# "accuses Rwanda of backing the M23" -> "Rwanda backing the M23"
_ACCUSES_OF = re.compile(
    r"^(?:[^,;:]*?\s)?accus(?:es|ed|ing|e)\s+(?P<who>[^,;:]{2,60}?)\s+of\s+(?P<what>\w+ing\b.*)$", re.I
)
_ACCORDING = re.compile(r"^according to\s+[^,;:]{2,90}?,\s*", re.I)
_AS_SOURCE = re.compile(r"^as\s+(?P<c>[^,;:]{2,90}?)\s+(?P<v>\w+)\s*,\s*", re.I)
_THAT_SOON = re.compile(r"^[^,;:“”\"]{0,60}?\bthat\s+", re.I)
# "informed the opposite side of ...", "told reporters about ...": the object, then what was said
_TOLD_OF = re.compile(r"^\s+(?:the\s+)?[^,;:“”\"]{1,40}?\s+(?:of|about)\s+(?=\S)", re.I)
_TELLING = {"informed", "told", "briefed", "warned", "reminded", "notified", "assured", "updated"}
_PASSIVE_TAIL = re.compile(
    r"[,.]?[”\"’]?\s*,?\s*(?:it|this)\s+(?:has been|was|is|had been)\s+(?:noted|stated|reported|said|"
    r"emphasized|added|stressed|underlined|informed)\.?$",
    re.I,
)
_SPACE = re.compile(r"\s+")
# "said on Sunday (that)", "said late on Friday", "said in a televised statement": when and how it was said
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|[A-Z][a-z]+ \d{1,2}|\d{1,2} [A-Z][a-z]+)"
_SAID_WHEN = re.compile(
    rf"^(?:(?:(?:late|early)\s+)?on\s+{_DAY}|in\s+an?\s+(?:[\w-]+\s+)?statement(?:\s+on\s+{_DAY})?)"
    r"(?:\s*,)?\s+(?:that\s+)?(?=\S)"
)
_MIN_WORDS = 3


def _lead_speaker(text: str, lex: AttributionLexicon) -> str:
    """'Bayramov stressed that X' -> 'X' (the speaker phrase must open the sentence)."""
    m = lex.verb_re.search(text)
    if m is None or m.start() == 0 or m.start() > 100:
        return text
    chunk = text[: m.start()]
    if re.search(r"[,;:“”\"]", chunk) or not is_claimant_phrase(clean_phrase(chunk), lex):
        return text
    rest = text[m.end() :]
    that = _THAT_SOON.match(rest)
    if that:
        return rest[that.end() :]
    told = _TOLD_OF.match(rest) if m.group("v").lower() in _TELLING else None
    if told:
        return rest[told.end() :]
    # "the ministry reported: ..." / "X said the army ..." (a bare object clause)
    rest = _SAID_WHEN.sub("", rest.lstrip(" :,"))
    if re.match(r"(?:to|in|on|at|of)\b", rest, re.I):
        return text  # "informed the opposite side of ...", "told reporters on ...": keep the whole
    return rest


def _trailing_speaker(text: str, lex: AttributionLexicon) -> str:
    """'X, the ministry told APA.' -> 'X' (the last comma-delimited part names a speaker and a verb)."""
    text = _PASSIVE_TAIL.sub("", text)
    cut = text.rfind(",")
    if cut <= 0:
        return text
    tail = text[cut + 1 :].strip().rstrip(".")
    m = lex.verb_re.search(tail)
    if m is None or len(tail) > 120:
        return text
    before, after = tail[: m.start()], tail[m.end() :]
    inverted = not before.strip()  # ", said the ministry."
    speaker = after if inverted else before
    if not is_claimant_phrase(clean_phrase(speaker), lex):
        return text
    if not inverted and re.search(r"\bthat\b", after, re.I):
        return text  # ", the ministry said that ...": the proposition follows
    return text[:cut]


def _shorten(text: str) -> str:
    if len(text) <= SUBJECT_MAX_CHARS:
        return text
    cut = text.rfind(" ", 0, SUBJECT_MAX_CHARS - 1)
    return text[: cut if cut > 0 else SUBJECT_MAX_CHARS - 1].rstrip(" ,;:") + "…"


def proposition(sentence: str, lex: AttributionLexicon) -> str:
    """The statement a sentence makes, without its attribution (see the module docstring)."""
    text = _DATELINE.sub("", _SPACE.sub(" ", sentence).strip())
    acc = _ACCUSES_OF.match(text)
    if acc:
        return f"{acc.group('who')} {acc.group('what')}".strip(" .")[:SUBJECT_MAX_CHARS]
    t = _OPENER.sub("", text)
    t = _ACCORDING.sub("", t)
    m = _AS_SOURCE.match(t)
    if m and lex.verb_re.fullmatch(m.group("v")) and is_claimant_phrase(clean_phrase(m.group("c")), lex):
        t = t[m.end() :]
    else:
        t = _lead_speaker(t, lex)
    t = _OPENER.sub("", t)  # "As X informed, recently, ..." leaves no opener; "Bayramov said that further, ..." may
    t = _trailing_speaker(t, lex)
    t = t.strip(" ,.;:\"“”'‘’")
    if len(t.split()) < _MIN_WORDS:
        t = text.strip(" \"“”")
    return _shorten(t)
