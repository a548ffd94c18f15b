"""Casualty sides: whose losses a casualty figure counts (part of the claims stage).

`casualty_side` reads the side from the counted noun phrase, first match wins:
a named party (lexicons/actors.tsv: its name for rebels, militias, parties and
external forces, else its country); a country or demonym ("Ukrainian
servicemen"); "X lost / suffered ..." before the figure ("the rebels lost 12";
"we lost" -> the claimant's country); whose "losses" a running total counts
("total Russian losses ... to 420,000"); a generic group ("civilians", "rebels",
"protesters"); and, for soldiers or officers in a passive casualty ("3 soldiers
were killed"), the claimant's country.  None when nothing names a side.
"""

from __future__ import annotations

import re

from .claims_lexicon import ClaimsLexicon

_STATE_FORCES = re.compile(
    r"\b(?:soldiers?|servicem[ae]n|troops|army|military personnel|police(?:men)?|policem[ae]n|officers?|"
    r"gendarmes?|border guards?)\b",
    re.I,
)
_OWN_MEN = re.compile(r"\b(?:soldiers?|servicem[ae]n|troops|military personnel|officers?|border guards?|policem[ae]n|"
                      r"gendarmes?)\b", re.I)  # a state's men, whose side a state claimant's figure of them is
_OWN_NAME_KINDS = ("rebels", "militia", "party", "external")  # actor kinds that are a side by their own name


_PLURALS: dict[int, re.Pattern[str]] = {}


def _plural_demonyms(lex: ClaimsLexicon) -> re.Pattern[str]:
    """Plural demonyms ("Palestinians", "Israelis") of the single-word country names and adjectives;
    the group ``c`` holds the singular, a key of ``lex.attribution.countries``."""
    pat = _PLURALS.get(id(lex))
    if pat is None:
        words = sorted((k for k in lex.attribution.countries if k.isalpha() and len(k) > 3 and k[-1] in "ni"),
                       key=len, reverse=True)
        pat = re.compile(r"(?<![\w-])(?P<c>" + "|".join(map(re.escape, words)) + r")s(?![\w-])", re.I)
        _PLURALS[id(lex)] = pat
    return pat


def _named_side(lex: ClaimsLexicon, phrase: str, *, last: bool = False) -> tuple[bool, str | None]:
    """(found, side) for a named party or a country/demonym in ``phrase``; the side may be None
    when the country is unknown, and that still ends the search.  ``last``: the name written last
    (the one nearest a verb that follows: "Ukraine's General Staff said Russian forces had lost")."""
    found: list[tuple[int, str | None]] = []
    for pat, name, country, akind in lex.parties:
        for m in pat.finditer(phrase):
            found.append((m.start(), name if akind in _OWN_NAME_KINDS or not country else country))
            if not last:
                return True, found[0][1]
    cm = list(lex.attribution.country_re.finditer(phrase))
    if not cm:  # "six Palestinians", "two Israelis": a plural demonym is its country's people
        cm = list(_plural_demonyms(lex).finditer(phrase))
    if cm and not last:
        return True, lex.attribution.countries.get(cm[0].group("c").lower())
    found += [(m.start(), lex.attribution.countries.get(m.group("c").lower())) for m in cm]
    if found:
        return True, max(found, key=lambda f: f[0])[1]
    return False, None


def casualty_side(
    lex: ClaimsLexicon,
    np: str,
    before: str,
    kind: str,
    passive: bool,
    norm_country: str | None,
    *,
    group_country: str | None = None,
) -> str | None:
    """The side of the casualties counted in ``np``; ``before`` is the sentence up to the figure,
    ``passive`` whether the figure is the subject of a passive cue ("5 were killed"),
    ``norm_country`` the claimant's country, ``group_country`` the country a claimant that is a
    named armed group fights in (the soldiers it reports killed are that state's)."""
    found, side = _named_side(lex, np)
    if found:
        return side
    lost = re.search(r"(?P<s>[\w'’ -]{2,60}?)\s+(?:lost|losing|loses|suffered)\s+(?:\w+\s+){0,3}$", before)
    if lost:
        subj = lost.group("s")
        found, side = _named_side(lex, subj, last=True)
        if found:
            return side
        if re.search(r"\b(?:it|we|our)\b", subj, re.I) and norm_country:
            return norm_country
        for w in ("rebels", "separatists", "militants", "insurgents"):
            if w in subj.lower():
                return w
    # "total Russian losses since the invasion to 420,000": whose losses the running total counts
    losses = re.search(r"(?P<s>[\w'’-]+(?:\s+[\w'’-]+){0,2})\s+(?:losses|casualties)\b[^.;]{0,80}$", before)
    if losses:
        found, side = _named_side(lex, losses.group("s"), last=True)
        if found:
            return side
    nm = re.search(r"\b(civilians?|rebels?|separatists?|militants?|insurgents?|protesters?|bandits?|terrorists?|"
                   r"jihadists?|assailants?|attackers?)\b", np, re.I)
    if nm:
        w = nm.group(1).lower()
        return w if w.endswith("s") else w + "s"
    if group_country and kind in ("killed", "injured", "killed_or_injured", "captured") and _STATE_FORCES.search(np):
        return group_country  # JNIM "said its fighters had killed 45 soldiers": Mali's soldiers
    if (
        passive
        and kind in ("killed", "injured", "killed_or_injured")
        and norm_country
        and re.search(
            r"\b(?:soldiers?|servicem[ae]n|troops|personnel|military|officers?|fighters|border guards?)\b",
            np,
            re.I,
        )
    ):
        return norm_country
    if (
        not passive
        and kind in ("killed", "injured", "killed_or_injured")
        and norm_country
        and _OWN_MEN.search(np)
        and not _STATE_FORCES.search(before)
        and not re.search(r"\b(?:we|our|its|their)\b", before, re.I)
        and _named_side(lex, before, last=True)[1] != norm_country
    ):
        return norm_country  # "Separatist fighters killed four soldiers", the army said: its own soldiers
    return None
