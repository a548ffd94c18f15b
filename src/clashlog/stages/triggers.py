"""Event triggers: a fast lexicon scan that marks the sentences worth coding.

This stage runs *before* the full parse (``clashlog_syntax`` parses only the
sentences that hold a trigger, a number or a place), so it is a plain
regular-expression scan over the article text with the lexicon
``lexicons/triggers.tsv``: one compiled pattern per trigger class, overlaps
resolved in favour of the longer match, then the higher priority.

Each `Trigger` carries the ACLED coding its class gets when nothing refines
it, and cheap lexical ``flags`` from ``lexicons/cues.tsv`` (a negation,
modal, or rhetorical cue in the few words before it, a question).  The event
coder (`stages/events.py`) re-checks those cues on the parse, where it has
one; the flags are the fallback.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .anchors import AnchorIndex, flex_spaces, match_at

LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicons"

MASK_CLASS = "mask"  # trigger class that only hides the event words it covers

# how far before a trigger (characters, same sentence) a lexical cue counts
CUE_WINDOW_CHARS = 60


@dataclass(frozen=True)
class TriggerRule:
    pattern: str
    cls: str
    event_type: str
    sub_event_type: str
    priority: int


@dataclass
class Trigger:
    """One trigger word or phrase found in the article text."""

    start: int
    end: int
    text: str
    cls: str  # trigger class, e.g. "shelling", "protest", "intervene" (a modifier)
    event_type: str  # "" for modifier classes
    sub_event_type: str
    disorder_type: str
    priority: int
    lexicon_entry: str  # the pattern that matched
    sent_start: int = 0  # start char of the sentence holding it
    flags: set[str] = field(
        default_factory=set
    )  # "negation", "future", "hypothetical", "rhetorical", "question"

    @property
    def is_modifier(self) -> bool:
        return not self.event_type


DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}


def read_tsv(name: str) -> list[list[str]]:
    """Rows of a lexicon TSV: '#' comments and the header line skipped."""
    text = (LEXICON_DIR / name).read_text(encoding="utf-8")
    rows = []
    header_seen = False
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        rows.append(line.split("\t"))
    return rows


@dataclass(frozen=True)
class Cues:
    """Lexical cues by kind and scope (see lexicons/cues.tsv)."""

    child: dict[str, str]  # word -> kind
    subject: dict[str, str]  # subject lemma -> kind: "figurative" ("anger exploded"), "natural" ("floods destroyed")
    ancestor: dict[str, str]  # lemma -> kind
    before: tuple[tuple[str, re.Pattern[str]], ...]  # (kind, pattern)
    sentence: tuple[tuple[str, re.Pattern[str]], ...] = ()  # (kind, pattern) anywhere in the sentence


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    child: dict[str, str] = {}
    ancestor: dict[str, str] = {}
    before: list[tuple[str, re.Pattern[str]]] = []
    subject: dict[str, str] = {}
    sentence: list[tuple[str, re.Pattern[str]]] = []
    for row in read_tsv("cues.tsv"):
        kind, scope, words = row[0], row[1], row[2]
        items = [w.strip() for w in words.split("|") if w.strip()]
        if scope == "child":
            child.update({w: kind for w in items})
        elif scope == "ancestor":
            ancestor.update({w: kind for w in items})
        elif scope == "subject":
            subject.update({w: kind for w in items})
        elif scope == "before":
            before.append((kind, re.compile(r"(?<![\w'])(?:" + "|".join(items) + r")(?!\w)")))
        elif scope == "sentence":
            sentence.append((kind, re.compile(r"(?<![\w'])(?:" + "|".join(items) + r")(?!\w)", re.I)))
    return Cues(child, subject, ancestor, tuple(before), tuple(sentence))


@lru_cache(maxsize=1)
def load_rules() -> tuple[TriggerRule, ...]:
    rules = []
    for row in read_tsv("triggers.tsv"):
        pattern, cls, etype, sub, prio = (row + [""] * 5)[:5]
        rules.append(TriggerRule(flex_spaces(pattern), cls, etype, sub, int(prio or 0)))
    return tuple(rules)


@lru_cache(maxsize=1)
def _anchors() -> AnchorIndex:
    return AnchorIndex([r.pattern for r in load_rules()], flags=re.I)


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[TriggerRule, re.Pattern[str]], ...]:
    return tuple((r, re.compile(r"(?<!\w)(?:" + r.pattern + r")(?![\w-])", re.I)) for r in load_rules())


def scan(text: str) -> list[Trigger]:
    """All trigger matches in ``text`` (no sentence information, no flags).

    Speed: a regex only runs on the lines that hold one of its anchor words
    (see `AnchorIndex`); a whole-text pass per rule would cost ~25 µs per word.
    """
    found: list[Trigger] = []
    compiled = _compiled()
    starts = _anchors().starts(text)
    for i, (rule, rx) in enumerate(compiled):
        for m in match_at(rx, text, starts.get(i, ()), always=i in _anchors().always):
            found.append(
                Trigger(
                    start=m.start(),
                    end=m.end(),
                    text=m.group(0),
                    cls=rule.cls,
                    event_type=rule.event_type,
                    sub_event_type=rule.sub_event_type,
                    disorder_type=DISORDER.get(rule.event_type, ""),
                    priority=rule.priority,
                    lexicon_entry=rule.pattern,
                )
            )
    # overlaps: the longer match wins, then the higher priority; a modifier never hides an event word
    found.sort(key=lambda t: (-(t.end - t.start), -t.priority, t.start))
    kept: list[Trigger] = []
    for t in found:
        clash = any(k.start < t.end and t.start < k.end and not (k.is_modifier ^ t.is_modifier) for k in kept)
        if not clash:
            kept.append(t)
    # a mask ("armed with machine guns", "stun grenades") hides the event words inside it
    masks = [k for k in kept if k.cls == MASK_CLASS]
    kept = [
        k
        for k in kept
        if k.cls != MASK_CLASS and not any(m.start <= k.start and k.end <= m.end for m in masks)
    ]
    kept.sort(key=lambda t: (t.start, -t.priority))
    return kept


def lexical_flags(sentence_text: str, rel_start: int) -> set[str]:
    """Cue kinds found in the window before a trigger (``rel_start`` is relative to the sentence)."""
    flags: set[str] = set()
    window = sentence_text[max(0, rel_start - CUE_WINDOW_CHARS) : rel_start]
    for kind, rx in load_cues().before:
        if rx.search(window):
            flags.add(kind)
    for kind, rx in load_cues().sentence:
        if rx.search(sentence_text):
            flags.add(kind)
    if sentence_text.rstrip().endswith("?"):
        flags.add("question")
    return flags


def find_triggers(doc: Doc) -> list[Trigger]:
    """Triggers of ``doc`` with their sentence start and lexical flags."""
    text = doc.text
    triggers = scan(text)
    if not triggers:
        return []
    starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
    ends = [s.end_char for s in doc.sents] if doc.has_annotation("SENT_START") else [len(text)]
    for t in triggers:
        i = max(0, bisect.bisect_right(starts, t.start) - 1)
        t.sent_start = starts[i]
        sent_text = text[starts[i] : ends[i]]
        t.flags = lexical_flags(sent_text, t.start - starts[i])
    return triggers


@Language.component("clashlog_triggers", assigns=["doc._.triggers"])
def triggers_component(doc: Doc) -> Doc:
    doc._.triggers = find_triggers(doc)
    return doc
