"""Casualties without a figure (part of the claims stage).

`implicit_casualties` adds to a sentence's figure claims what is reported without
a number: "no casualties" (lexicons/no_casualty_cues.txt) is 0; a victim named by
name or title (`named_victims`) is 1 each; a singular victim ("Ukrainian
serviceman killed", "killed a policeman") is 1; a pronoun or "a/the <person>"
victim ("the explosion killed him", "a 25-year old stepped on a landmine and
died") is 1; "there were losses" is a figure-less claim (low and high None).
The numbered figures themselves are read in `casualties`.
"""

from __future__ import annotations

import re

from .casualty_sides import casualty_side
from .claims_lexicon import SUBJECT_MAX_CHARS, ClaimsLexicon, SentenceLike
from .named_victims import find_named_victims
from .reconcile import ADDED_VICTIMS

_LOSSES_NO_FIGURE = re.compile(
    r"\b(?:there (?:were|was|are) |suffered |sustained |incurred |inflicted )(?:heavy |significant |some |serious )?"
    r"(?P<k>losses|casualties)(?:\s+(?:among|in|of)\s+(?P<np>[^,.;]{3,80}))?",
    re.I,
)
# cheap test before the singular-victim and zero-casualty patterns run
_HARM_HINT = re.compile(
    r"kill|dead|die|slain|martyr|wound|injur|hurt|casualt|loss|victim|shot|death|murder|assassin|execut|"
    r"gunned|passed away|succumb|perish|li(?:fe|ves) of",
    re.I,
)
_VERB_BEFORE_VICTIM = re.compile(
    r"\b(?:(?P<k>kill(?:s|ed|ing)?|shot dead|gunned down|murder(?:s|ed|ing)?|assassinat(?:es|ed|ing)|execut(?:es|ed|ing)|"
    r"(?:stabbed|beaten|hacked|burned|shot) to death)|(?P<w>wound(?:s|ed|ing)?|injur(?:es|ed|ing)))\s+(?:an?\s+)?"
    r"(?:(?!(?:in|at|on|near|during|by|after|as|from|with)\b)[\w'’-]+\s+){0,2}$",
    re.I,
)
_VICTIM_END = re.compile(
    r"\s*(?:[,.;:()]|$|\s+(?:in|at|on|near|and|during|after|as|from|by|with|while|despite|-)\b)"
)
# "shoot the driver dead", "gunned a policeman dead": the victim between the verb and "dead"
_SHOT_BEFORE_VICTIM = re.compile(r"\b(?:shoot|shoots|shot|gun(?:s|ned)?)\s+(?:an?|the|one)\s+(?:[\w'’-]+\s+){0,2}$", re.I)
_DEAD_AFTER = re.compile(r"^\s+dead\b", re.I)
# "beat an opposition activist to death", "stabbed a trader to death"
_BEAT_BEFORE_VICTIM = re.compile(
    r"\b(?:beat|beats|beaten|stabbed|stabs|hacked|hacks|clubbed|stoned|burned|burnt|tortured|kicked)\s+"
    r"(?:an?|the|one)\s+(?:[\w'’-]+\s+){0,2}$", re.I)
_TO_DEATH_AFTER = re.compile(r"^\s+to\s+death\b", re.I)
_PRONOUN_VICTIM = re.compile(
    r"\b(?:(?P<k>killed|killing|kills|shot dead)|(?P<w>injured|injuring|wounded|wounding))\s+(?:him|her)\b"
    r"|\b(?:he|she)\s+(?:was\s+|had been\s+|has been\s+)?(?:later\s+|unfortunately\s+|subsequently\s+)?"
    r"(?:(?P<k2>killed|shot dead|died|passed away|succumbed)|(?P<w2>injured|wounded|hurt))\b",
    re.I,
)
# "was beaten to death", "was kidnapped and killed", "was shot and killed", "was lynched"
_WAS_KILLED = (r"was (?:\w+ and )?killed|was shot dead|was gunned down|was (?:beaten|stabbed|hacked|burned|burnt|clubbed|"
               r"stoned|shot|tortured) to death|was lynched|was murdered|was assassinated|was executed")
_SOMEONE_DIED = re.compile(
    rf"^The\s+(?:[\w'’-]+\s+){{0,5}}?(?:(?P<k3>died|{_WAS_KILLED})|(?P<w3>was injured|was wounded))\b|"
    r"\b(?:A|An|a|an)\s+(?!(?:bomb|mine|landmine|shell|mortar|drone|rocket|missile|grenade|car|vehicle|truck|"
    r"house|building|school|explosion|blast|clash|attack|number|total|series|group|few|dozen)\b)[^.;:]{0,160}?"
    rf"(?<!had )(?<!who had )\b(?:(?P<k>{_WAS_KILLED}|died|was found dead)|(?P<k2>(?!x)x)|"
    r"(?P<w>was injured|was wounded|was hurt))\b"
)


def _apart(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    """No figure of ``taken`` overlaps ``start:end``."""
    return not any(ts < end and start < te for ts, te in taken)


def implicit_casualties(
    lex: ClaimsLexicon,
    s: SentenceLike,
    taken: list[tuple[int, int]],
    norm_country: str | None,
    *,
    have: set[str],
) -> list[dict]:
    """Casualties without a figure: a singular victim ("Ukrainian serviceman killed", "the explosion
    killed him", "a 25-year old stepped on a landmine and died") is 1; "no casualties" is 0;
    "there were losses" is a figure-less claim.

    ``taken`` are the spans of the sentence's figures (a person noun next to one is not a
    singular victim); ``have`` the kinds the figures already claim."""
    text = s.text
    out: list[dict] = []
    if not _HARM_HINT.search(text):
        return out
    if lex.no_casualty.search(text):
        m = lex.no_casualty.search(text)
        kind = (
            "killed_or_injured"
            if re.search(r"casualt|loss|victim|injur|hurt", m.group(0), re.I)
            else "killed"
        )
        out.append(
            {
                "kind": kind,
                "low": 0,
                "high": 0,
                "side": None,
                "subject": m.group(0),
                "pos": s.start + m.start(),
            }
        )
    also = bool(ADDED_VICTIMS.search(text))  # the minister was assassinated ... two bodyguards were also killed
    for v in find_named_victims(text):
        if v.kind in have and not (also and _apart(s.start + v.start, s.start + v.end, taken)):
            continue  # "... were also killed": the figure counts others beside the named victim
        side = casualty_side(lex, v.subject[-60:], text[: v.start], v.kind, True, norm_country)
        out.append(
            {
                "kind": v.kind,
                "low": v.count,
                "high": v.count,
                "side": side,
                "subject": v.subject[:SUBJECT_MAX_CHARS],
                "pos": s.start + v.start,
            }
        )
    named = {d["kind"] for d in out if d["low"]}
    for m in lex.singular_person.finditer(text):
        a = s.start + m.start()
        pre = text[: m.start()]
        post = text[m.end() :]
        beaten = bool(_BEAT_BEFORE_VICTIM.search(pre) and _TO_DEATH_AFTER.match(post))  # "beat an activist to death"
        if not beaten and any(x <= a < y + 40 and x >= a - 60 for x, y in taken):
            continue
        shot_dead = bool(_SHOT_BEFORE_VICTIM.search(pre) and _DEAD_AFTER.match(post)) or beaten  # "shoot the driver dead"
        if re.search(
            r"\b(?:an?|one|the|his|her|their|its|of|every|each|no|this|that)\s+(?:[\w'’-]+\s+){0,2}$",
            pre,
            re.I,
        ) and not re.search(
            r"\b(?:kill(?:s|ed|ing)?|wound(?:s|ed|ing)?|injur(?:es|ed|ing))\s+(?:an?\s+)?(?:[\w'’-]+\s+){0,2}$",
            pre,
            re.I,
        ) and not shot_dead:
            continue
        kind = "killed" if shot_dead else None
        pm = re.match(
            r"^(?:\s+[A-Z][\w'’-]+){0,3}\s+(?:was\s+|has been\s+|is\s+)?(?:(?P<k>killed|shot dead|martyred|died|dies|slain)|(?P<w>wounded|injured))\b",
            post,
        )
        bm = _VERB_BEFORE_VICTIM.search(pre) if _VICTIM_END.match(post) else None
        if kind is None and pm:
            kind = "killed" if pm.group("k") else "injured"
        elif kind is None and bm:
            kind = "killed" if bm.group("k") else "injured"
        if kind is None or kind in have or kind in named:
            continue
        bv = _BEAT_BEFORE_VICTIM.search(pre) if beaten else None
        # "the Imbonerakure beat an activist to death": whose loss is read from the victim's own words
        np = text[bv.start() : m.end()] if bv else text[max(0, m.start() - 40) : m.end()]
        side = casualty_side(lex, np[-60:], text[: m.start()], kind, bool(pm), norm_country)
        if pm:
            subject = text[m.start() : m.end() + pm.end()]
        elif bm:
            subject = text[bm.start() : m.end()]
        else:  # "shoot the driver dead", "beat an activist to death"
            subject = text[m.start() : m.end()] + (" to death" if _TO_DEATH_AFTER.match(post) else " dead")
        out.append({"kind": kind, "low": 1, "high": 1, "side": side, "subject": subject.strip(), "pos": a})
        break
    if not (have | {d["kind"] for d in out}) & {"killed", "injured"} and not any(d["low"] == 0 for d in out):
        m = _PRONOUN_VICTIM.search(text) or _SOMEONE_DIED.search(text)
        if m:
            killed = m.group("k") or m.group("k2") or ("k3" in m.re.groupindex and m.group("k3"))
            kind = "killed" if killed else "injured"
            out.append(
                {
                    "kind": kind,
                    "low": 1,
                    "high": 1,
                    "side": None,
                    "subject": m.group(0).strip()[-SUBJECT_MAX_CHARS:],
                    "pos": s.start + m.start(),
                }
            )
    lm = _LOSSES_NO_FIGURE.search(text)
    if lm and not out:
        side = casualty_side(
            lex, lm.group("np") or "", text[: lm.start()], "killed_or_injured", True, norm_country
        )
        out.append(
            {
                "kind": "killed_or_injured",
                "low": None,
                "high": None,
                "side": side,
                "subject": lm.group(0)[:SUBJECT_MAX_CHARS],
                "pos": s.start + lm.start(),
            }
        )
    return out
