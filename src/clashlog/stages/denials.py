"""Denials: the stance of a claim (step 2 of the claims stage).

`find_denial` tells whether a sentence denies something.  A denial cue
(lexicons/denial_cues.tsv) makes the sentence's claims "denies" instead of
"asserts": a verb whose object is the denied proposition ("denied reports of
..."), an assessment after a copula or "as"/"called" ("... is completely
unfounded", "dismissed as propaganda") or a judging phrase ("... does not
reflect the reality"), the earliest in the sentence winning.  It returns the
denied proposition (the claim's ``subject``) and the party that originally
made it (``denied_claimant``): "claims circulated by the separatists",
"Armenian MFA's accusation", or for an anaphoric object ("rejected the
claims", "the Russian figures") the last other claimant of the article (of
that country when a demonym is given).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .article_attribution import ClaimSentence
from .attribution import ClaimantNormalizer, clean_phrase, is_claimant_phrase
from .claims_lexicon import SUBJECT_MAX_CHARS, ClaimsLexicon
from .propositions import proposition

_DENIED_BY = re.compile(
    r"\b(?:claims?|reports?|allegations?|information|statements?|accusations?|rumou?rs?|news|footage|videos?)\s+"
    r"(?:made |circulated |spread |disseminated |published |voiced |issued |posted |released |put forward )?"
    r"(?:by|from|of)\s+(?P<d>(?:the\s+)?[\w'’.-]+(?:\s+(?!that\b|about\b|of\b|on\b|in\b|does\b|is\b|are\b|was\b)"
    r"[\w'’.-]+){0,4})",
    re.I,
)
# "propaganda spread by the army", "lies peddled by Kyiv": who made what the sentence dismisses
_DENIED_SPREAD = re.compile(
    r"\b(?:propaganda|lies|fabrications?|disinformation|misinformation|fake news|falsehoods?|slander)\s+"
    r"(?:(?:made|circulated|spread|disseminated|published|put out|peddled|pushed|voiced|issued)\s+)?"
    r"(?:by|from)\s+(?P<d>(?:the\s+)?[\w'’.-]+(?:\s+(?!that\b|about\b|of\b|on\b|in\b|to\b|and\b)[\w'’.-]+){0,4})",
    re.I,
)
_DENIED_POSS = re.compile(
    r"(?P<d>(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*)(?:'s|’s)\s+(?:\w+\s+)?"
    r"(?:claims?|accusations?|allegations?|reports?|statements?|figures?|tall(?:y|ies)|numbers|counts?|tolls?)\b"
)
# "the rebels' claims", "the army's figures": a party named by a common noun, referring back
_GENERIC_POSS = re.compile(
    r"\b(?:the|these)\s+(?P<d>rebels|separatists|militants|insurgents|jihadists|group|militia|army|military|"
    r"government|ministry)(?:'s|’s|'|’)\s+(?:\w+\s+)?(?:claims?|accusations?|allegations?|reports?|statements?|"
    r"figures?|version)\b",
    re.I,
)
_SIDE_WORD = re.compile(r"\b(?:side|party)\b", re.I)
_STATE_NAMES = {"army": "Military Forces", "military": "Military Forces", "government": "Government",
                "ministry": "Ministry"}
_COPULA_BEFORE = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|as|remains?|it|them)\s+[\"“']?(?:[\w-]+\s+){0,3}"
    r"|\b(?:called|calling|termed|terming|labell?ed|branded|described|describing|deemed|considered)\b[^.;]{0,160}?\s)"
    r"[\"“']?$",
    re.I,
)
_DET_BEFORE = re.compile(r"\b(?:the|these|those|such|their|its|his|her|any|all|a|an)\s+(?:[\w'’-]+\s+)?$", re.I)
_ASSESS_TAIL = re.compile(
    r"\s+(?:is|are|was|were|has been|have been|remains?|as|to be)?\s*[\"“']?\s*(?:completely|totally|absolutely|entirely|"
    r"utterly|simply|yet another|another|a|an|pure|a complete|also|nothing but|mere)?\s*$",
    re.I,
)
_PROP_CUT = re.compile(
    r"(?:,\s+(?:saying|calling|describing|adding|insisting|claiming|noting|stressing|and|but)\b.*"
    r"|\s+as\s+[\"“']?(?:\w+\s+){0,3}?(?:propaganda|lies?|fake|false|fabrications?|fabricated|disinformation|"
    r"misinformation|baseless|groundless|unfounded|untrue|provocations?|absurd|fanciful|exaggerated|inflated|"
    r"fiction|fictitious|ridiculous|nonsense)\b.*)$",
    re.I,
)
_ANAPHORIC = re.compile(
    r"^(?:the|these|those|such|this|that|their|its)\s+(?:(?P<adj>[A-Z][\w-]+)\s+)?"
    r"(?:claims?|reports?|figures?|allegations?|accusations?|statements?|information|data|numbers?)\b"
)
_ANAPHORIC_AFTER = re.compile(
    r"\b(?:call(?:ing|ed|s)|describ(?:ing|ed|es)|dismiss(?:ing|ed|es)|term(?:ing|ed|s)|labell?(?:ing|ed|s)|"
    r"brand(?:ing|ed|s)|reject(?:ing|ed|s)|den(?:ying|ied|ies))\s+"
    r"(?:the|these|those|such)\s+(?:(?P<adj>[A-Z][\w-]+)\s+)?"
    r"(?:reports?|claims?|figures?|allegations?|accusations?|statements?|account|version|narrative)\b",
)
_PROPOSITION = re.compile(
    r"\b(?:claims?|reports?|allegations?|information|statements?|accusations?|rumou?rs?|news)\b"
    r"(?:[^,;]{0,80}?)\s(?:about|that)\s+(?P<p>.+)$",
    re.I,
)
_PROPOSITION_OF = re.compile(
    r"\b(?:claims?|reports?|allegations?|information|statements?|accusations?|rumou?rs?|news)\b"
    r"(?:[^,;]{0,60}?)\s(?:of|on)\s+(?P<p>.+)$",
    re.I,
)


# "Kinshasa accuses Rwanda of backing the M23, which Kigali denies": a party other than the speaker
# denies what the speaker says, in a relative clause
_RELATIVE_DENIAL = re.compile(
    r",\s+(?:which|a charge|charges|an accusation|accusations|a claim|claims|allegations?|an? (?:\w+\s+)?figures?|"
    r"numbers|a toll)\s+(?:that\s+)?"
    r"(?P<who>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4}|the\s+[a-z]+(?:\s+[a-z]+){0,3}?)\s+"
    r"(?:has\s+|have\s+|had\s+)?(?:(?:always|repeatedly|strongly|consistently|firmly|flatly|vehemently)\s+)?"
    r"(?:denies|denied|deny|rejects|rejected|reject|refutes|refuted|dismisses|dismissed)\b"
)


class Denial(NamedTuple):
    """What a sentence denies: the proposition, the party that made it, and where in the sentence
    the denied part lies (``scope``: character offsets into the sentence's text).  ``denier``: a
    party other than the sentence's speaker that denies what the speaker says ("..., which Kigali
    denies"); the speaker's own statement then stands, asserted, beside the denial."""

    subject: str
    denied_claimant: str | None
    scope: tuple[int, int]
    denier: str | None = None

    def covers(self, offset: int) -> bool:
        """Is the figure at ``offset`` (into the sentence) inside what is denied?  "destroyed 15
        drones and denied targeting civilians": the 15 is asserted, the targeting denied."""
        return self.scope[0] <= offset < self.scope[1]


def find_denial(
    lex: ClaimsLexicon, s: ClaimSentence, norm: ClaimantNormalizer, previous: list[str] | None = None
) -> Denial | None:
    """The denied proposition and its original claimant when the sentence denies something.

    The original claimant comes from "claims circulated by X", "X's accusation", or, for an
    anaphoric object ("rejected the claims", "the Russian figures"), from the last other
    claimant of the article (of that country when a demonym is given).
    """
    text = s.text
    if not lex.denial_any.search(text):
        return None
    rel = _RELATIVE_DENIAL.search(text)
    if rel is not None and is_claimant_phrase(clean_phrase(rel.group("who")), norm.lex):
        probe = ClaimantNormalizer(norm.lex, outlet=norm.outlet)
        # "a figure the paramilitary group dismissed": the group named before is known to the probe
        probe.actors, probe.groups, probe.position = norm.actors, norm.groups, norm.position
        denier = probe.normalize(clean_phrase(rel.group("who")))
        if denier and denier != s.claimant:
            said = proposition(text[: rel.start()], norm.lex)
            return Denial(said[:SUBJECT_MAX_CHARS], s.claimant, (rel.start(), rel.start()), denier)
    hit = None
    for pat, form in lex.denial:
        for m in pat.finditer(text):
            if form == "assess" and not _COPULA_BEFORE.search(text[: m.start()]):
                continue
            if hit is None or m.start() < hit[0].start():
                hit = (m, form)
            break
    if hit is None:
        return None
    m, form = hit
    if form == "verb":
        prop = text[m.end() :].strip(" ,.")
    else:
        prop = text[: m.start()]
        verb = None
        for v in lex.attribution.verb_re.finditer(prop):
            if not _DET_BEFORE.search(prop[: v.start()]):  # "the claims" is a noun
                verb = v
        if verb is not None:  # "X described the figures as disinformation"
            prop = prop[verb.end() :]
        prop = re.sub(r"^\s*that\s+", "", prop)
        prop = _ASSESS_TAIL.sub("", prop)
        prop = re.sub(
            r"^(?:in addition|moreover|meanwhile|however|at the same time|furthermore|also),\s*",
            "",
            prop.strip(),
            flags=re.I,
        )
    prop = _PROP_CUT.sub("", prop)
    denied_by = None
    d = _DENIED_BY.search(text) or _DENIED_SPREAD.search(text) or _DENIED_POSS.search(text)
    named = norm.actor_at(s.start + d.start("d"), s.start + d.end("d")) if d else None
    if d and not named and not is_claimant_phrase(clean_phrase(d.group("d")), norm.lex):
        d = None  # "reports of civilian casualties": not a party
    if d:
        raw = clean_phrase(d.group("d"))
        probe = ClaimantNormalizer(norm.lex, outlet=norm.outlet)
        denied_by = probe.normalize(raw) if raw else None
        if named and denied_by in (None, raw):
            denied_by = named  # a party the actors stage named: "the army" in Sudan is the Sudanese military
        if denied_by and denied_by.startswith("Government of ") and _SIDE_WORD.search(raw):
            # "the information spread by the Armenian side": that side's own last speaker, if one spoke
            country = denied_by.removeprefix("Government of ")
            same = [c for c in previous or [] if c and c != s.claimant and country in c]
            denied_by = same[-1] if same else denied_by
    elif (g := _GENERIC_POSS.search(text)) is not None:
        denied_by = _generic_party(g.group("d").lower(), norm, [c for c in previous or [] if c != s.claimant])
    else:
        ana = _ANAPHORIC.match(prop.strip())
        if ana and previous:
            others = [c for c in previous if c and c != s.claimant]
            country = norm.country_in(ana.group("adj") or "") if ana.group("adj") else None
            if country:
                same = [c for c in others if country in c]
                denied_by = same[-1] if same else f"Government of {country}"
            elif others:
                denied_by = others[-1]
    # after a denying verb ("denied ..., calling the reports baseless"), anywhere before an assessment
    # ("called the Houthi figures exaggerated")
    after = (_ANAPHORIC_AFTER.search(text, m.start() if form == "verb" else 0)
             if denied_by is None and previous else None)
    if after is not None and previous:
        # "denied hitting civilians, calling the reports baseless": the reports of the last other claimant
        # ("calling the Israeli account a lie": the last of that country's)
        others = [c for c in previous if c and c != s.claimant]
        country = norm.country_in(after.group("adj")) if after.group("adj") else None
        if country:
            others = [c for c in others if country in c] or [f"Government of {country}"]
        denied_by = others[-1] if others else None
    prop = re.sub(r"^(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*(?:'s|’s)\s+", "", prop.strip())
    pm = _PROPOSITION.search(prop) or _PROPOSITION_OF.search(prop)
    if pm and not re.match(r"^(?:accusations?|allegations?)\s+of\b", prop, re.I):
        prop = pm.group("p")
    prop = re.sub(r"^(?:reports?|claims?|allegations?)\s+(?:of|that|about)\s+", "", prop.strip(), flags=re.I)
    # a denying verb denies what follows it; an assessment ("... is unfounded") what comes before it
    scope = (m.start(), len(text)) if form == "verb" else (0, m.end())
    return Denial(prop.strip(" ,.;\"“”'")[:SUBJECT_MAX_CHARS], denied_by, scope)


def _generic_party(word: str, norm: ClaimantNormalizer, others: list[str]) -> str:
    """Who "the rebels'" or "the army's" claims are: the armed group named last before the sentence,
    or the last other claimant of the state when the word names the state; else the word itself."""
    if word in _STATE_NAMES:
        state = [c for c in others if c.startswith(_STATE_NAMES[word])]
        return state[-1] if state else word
    return norm.last_group() or word
