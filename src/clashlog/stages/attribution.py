"""Who says it: attribution of a sentence to a claimant and a relay, and claimant names.

Part of the claims stage (``stages/claims.py``); pure functions over text and
the lexicons in ``lexicons/`` (claim_verbs.txt, claimant_nouns.txt,
claimant_institutions.tsv, claimants.tsv, country_metonyms.tsv, and the shared
countries.tsv / outlets.tsv).

The attribution cascade for one sentence (the first that applies):

1. "<outlet> reports, citing <X>" / "citing <X>"       -> claimant X, via the outlet;
2. "<X> said / told <agency> / informed / ..." and
   "..., said <X>"                                       -> claimant X (via the agency);
3. "according to <X>" (an outlet here is the via)       -> claimant X;
4. a headline tail ("...: ministry", "... - interior minister") -> claimant;
5. "it has been noted" (a passive report)               -> the previous claimant.

Claimant phrases are normalized: fixed names (claimants.tsv), then state
institutions with their country ("Azerbaijan's Ministry of Defence", "the
Azerbaijani Defense Ministry", "Azerbaijani MoD" -> "Ministry of Defense of
Azerbaijan"; "the ministry" -> the last ministry named), bare countries and
capitals ("Kiev", "the Armenian side") -> "Government of <country>",
outlets -> their canonical name, anything else -> the phrase, cleaned.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..lexicon_files import data_rows
from .date_lexicon import CALENDAR_WORD

LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicons"

# words that form compounds with a hyphen ("pro-Russia", "anti-terrorist"): never a headline separator
_HYPHEN_PREFIXES = frozenset({
    "pro", "anti", "ex", "non", "self", "pre", "post", "co", "neo", "semi", "quasi", "counter", "inter",
    "intra", "multi", "re", "sub", "super", "trans", "ultra", "un", "mid", "so", "well", "far", "high",
})

# a generic source with the place it speaks from: "officials in Luhansk", "local authorities in Mopti"
_LOCAL_SOURCE = re.compile(
    r"^(?i:(?:(?:the|local|regional|city)\s+)*(?:officials|authorities|residents|witnesses|rescuers|medics|doctors)"
    r"\s+in\s+)(?!(?:a|an|the|its|his|her|their)\b)[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?(?=\s*$|\s*,)"
)
_DET = re.compile(r"^(?:the|a|an|its|his|her|their|our|this|that|these|those)\s+", re.I)
_TRAIL = re.compile(
    r"(?:\s+(?:in|on|at|late|early|this|last|yesterday|today|tonight|earlier|later|during|via|through|from|when|after|"
    r"before|while|who|which|quoted|quoting)\b.*$|\s+(?:has|have|had|also|further|again|reportedly|officially|"
    r"previously|earlier|then|now|just|recently|already|would|will|could|did|does)$|[\s,.;:'’\"“”]+$)",
    re.I,
)
_AUX_IN = re.compile(r"\b(?:was|were|is|are|been|be|being|being|if|not)\b", re.I)
# what stands between "and" and a reporting verb that shares the sentence's subject
_AUX_ONLY = re.compile(r"\s*(?:(?:has|have|had|also|later|then|since|repeatedly|strongly)\s+){0,3}", re.I)
# the capitalized subject opening a sentence, before its first verb
_OPENING_SUBJECT = re.compile(
    r"\s*(?:The\s+)?(?P<s>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4})\s+"
    r"(?:does|did|do|has|have|had|is|was|are|were|would|will|says|said|[a-z]+(?:s|ed))\b"
)
_BOUNDARY = re.compile(r"[,;:“”\"(\n]|\bthat\b|\bas\b|\band\b|\bwhile\b|\bbut\b|\bwhich\b|\bwho\b", re.I)
# "claimed by the Islamic State in the Greater Sahara (EIGS), which said": a named party, then a relative
# clause whose verb is a reporting one
_WHICH_SPEAKER = re.compile(
    r"\b(?:by|from|to|with)\s+(?P<who>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:in|of|for|the|and|[A-Z][\w'’.-]*)){0,8}"
    r"(?:\s*\([^()]{1,20}\))?)\s*,\s*(?:which|who)\s+(?:(?:also|later|then)\s+)?(?:on\s+[\w'’ ]{1,40}?\s+)?$"
)
# "A doctor at the Saudi Hospital, the city's last functioning hospital, said": a speaker opening the
# sentence, then an appositive describing something the speaker phrase names
_DESCRIBED_SPEAKER = re.compile(
    r"(?:^|[;:“\"]\s*|\b(?:but|and|while)\s+)(?P<who>(?:an?|the)\s+[^,;:“”\"()]{2,60}?)\s*,\s*"
    r"(?:the|a|an|its|his|her|their)\s+[^,;:“”\"()]{2,80},\s*$",
    re.I,
)
# "A local official, who asked not to be named, put the toll at ...", "the ministry, which oversees the
# police, said": a relative clause between the speaker and the verb is an aside
_RELATIVE_ASIDE = re.compile(r"\s*,\s*(?:who|which)\s+[^,;:“”\"()]{3,100},\s*$", re.I)
# "Students who have led the protests for months said", "Two officials who spoke on condition of anonymity
# said": a restrictive relative clause between the speaker and the verb says which ones
_RESTRICTIVE_RELATIVE = re.compile(r"(?<=[a-z])\s+who\s+[^,;:“”\"()]{3,80}?\s*$", re.I)
# "Pavlo Kyrylenko, head of the Donetsk regional military administration, said": a capitalized name
# opening the sentence (or a clause), then one comma-delimited noun phrase saying who that is
_APPOSITIVE_SPEAKER = re.compile(
    r"(?:^|[;:“\"]\s*|\b(?:but|and|while)\s+)(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,5})\s*,\s*"
    r"(?P<role>(?:an?\s+|the\s+)?[\w'’().-]+(?:\s+[\w'’().-]+){0,13}?)\s*,\s*$"
)
# "Medical sources put the toll at 11 dead": a speaker giving a figure without a reporting verb
_TOLL_VERB = re.compile(
    r"\b(?P<v>put|puts|putting|placed|places|estimated|estimates|estimating)(?=\s+(?:the\s+)?(?:[\w-]+\s+)?"
    r"(?:toll|number of (?:the\s+)?(?:dead|deaths|casualties|victims|fatalities|killed))\b)",
    re.I,
)
# "A spokesman for the Congolese army, Lieutenant-Colonel Guillaume Ndjike, said": who the speaker is
# first, then the name between commas
_ROLE_FIRST_SPEAKER = re.compile(
    r"(?:^|[;:“\"]\s*|\b(?:but|and|while)\s+)(?P<role>(?:an?\s+|the\s+)?(?:[\w'’().-]+\s+){0,3}?"
    r"(?:spokes(?:man|woman|person)|minister|governor|mayor|commander|chief|head|leader|official|"
    r"representative|envoy|ombudsman|prosecutor|director|officer|doctor|nurse|medic|witness|resident|elder|"
    r"activist|analyst|researcher|journalist)(?:\s+[\w'’().-]+){0,8}?)\s*,\s*"
    r"(?P<name>(?:[A-Z][\w'’.-]*\s+){1,4}[A-Z][\w'’.-]*)\s*,\s*$"
)
# an appositive holding a reporting word is a clause of its own, not who the speaker is
_REPORT_WORD = re.compile(r"\b(?:said|says|told|added|reported|stated|claimed)\b", re.I)
_DANGLING = re.compile(
    r"\b(?:the|a|an|about|of|by|to|for|with|from|its|their|his|her|this|these|those|such|any|no|and|or)\s*$",
    re.I,
)
_PASSIVE_REPORT = re.compile(
    r"\s+(?:to\s+(?:have\s+)?(?:be|been)\s+)?(?:killed|dead|wounded|injured|missing|captured)\b", re.I
)
_JUNK_TOKEN = re.compile(r"\s+\S*/\S*$")  # AFP desk initials "sjw/ma/dh"
_CLAIMED_LIVES = re.compile(r"\s+(?:the\s+)?(?:\w+\s+)?li(?:fe|ves)\b", re.I)
_PHRASAL = re.compile(r"\s+(?:for|on|upon|off|up)\b", re.I)
_GENERIC_SOURCE = re.compile(
    r"(?i)^(?:the|a|this|that|these)\s+(?:reports?|statements?|data|information|figures|news|trend|sources?)$"
)
_BARE_HEAD = re.compile(
    r"^(?:(?P<adj>[a-z]+)\s+)?(?P<head>ministry|agency|service|office|department|council|committee|"
    r"administration|command|headquarters|mission)$"
)


# "the Azerbaijani minister", "US envoy": a title of one person with the country it serves
_PERSON_TITLE = re.compile(
    r"(?:the\s+)?(?P<adj>[A-Z][\w'’-]+)\s+(?:foreign\s+|defen[cs]e\s+|prime\s+)?(?:minister|president|governor|mayor|"
    r"commander|leader|spokes(?:man|woman|person)|prosecutor|envoy|ombudsman|ambassador|premier)"
)


# "the group said", "the paramilitary group", "the militia": a word that refers back to the armed
# group named last (a descriptive plural such as "the rebels said" is a claimant of its own)
_GROUP_ANAPHOR = re.compile(
    r"^(?:(?:paramilitary|armed|militant|rebel|insurgent|jihadist|islamist|separatist)\s+)?"
    r"(?:group|force|forces|militia|movement|organi[sz]ation|faction|outfit)$"
)
# a government word with a place or a proper name beside it ("Local authorities in Mopti") is not the
# national government the report's country would make it
_LOCAL_WORDS = re.compile(r"\b(?:local|regional|provincial|district|city|municipal|village|state|in)\b|[A-Z]")
_GROUP_KINDS = frozenset({"rebels", "militia", "external"})
_TIED_TO = re.compile(r"(?:\b\w+\s+)?\b[\w']+-(?:linked|backed|affiliated|aligned|allied|inspired|led)\b")  # "al Qaeda-linked"
_GROUP_WORDS = frozenset({
    "rebels", "rebel", "fighters", "militants", "militant", "forces", "group", "militia", "militias", "insurgents",
    "movement", "separatists", "separatist", "jihadists", "jihadist", "armed", "paramilitary", "paramilitaries",
    "guerrillas", "guerrilla", "members",
})


def _key(s: str) -> str:
    s = s.lower().replace("’", "'")
    s = re.sub(r"^the\s+", "", s.strip())
    return re.sub(r"[^\w' -]+", " ", s).strip()


@dataclass(frozen=True)
class AttributionLexicon:
    verbs: frozenset[str]
    claimant_nouns: frozenset[str]
    institutions: tuple[tuple[re.Pattern[str], str], ...]
    fixed: dict[str, str]
    countries: dict[str, str]  # lower name / demonym / capital -> country
    country_re: re.Pattern[str]
    outlets: dict[str, str]  # key -> canonical outlet
    outlet_country: dict[str, str]  # canonical outlet -> country name
    verb_re: re.Pattern[str] = field(repr=False)
    fixed_re: re.Pattern[str] = field(repr=False)


def load_attribution_lexicon(directory: Path = LEXICON_DIR) -> AttributionLexicon:
    verbs = frozenset(r[0].strip().lower() for r in data_rows(directory / "claim_verbs.txt"))
    nouns = frozenset(r[0].strip().lower() for r in data_rows(directory / "claimant_nouns.txt"))
    inst = tuple(
        (re.compile(rf"\b(?:{r[0]})\b", re.I), r[1].strip())
        for r in data_rows(directory / "claimant_institutions.tsv")
    )
    fixed = {_key(r[0]): r[1].strip() for r in data_rows(directory / "claimants.tsv")}
    countries: dict[str, str] = {}
    iso_to_name: dict[str, str] = {}
    for r in data_rows(directory / "countries.tsv"):
        if r[0] == "name" or len(r) < 2:
            continue
        name = r[0].strip()
        iso_to_name[r[1].strip()] = name
        for alias in [name] + [a for col in r[2:4] for a in col.split("|")]:
            alias = alias.strip()
            if alias and len(alias) > 2:
                countries.setdefault(alias.lower(), name)
    for r in data_rows(directory / "country_metonyms.tsv"):
        countries[r[0].strip().lower()] = r[1].strip()
    country_re = re.compile(
        r"(?<![\w-])(?<!pro-)(?<!anti-)(?P<c>"
        + "|".join(re.escape(c) for c in sorted(countries, key=len, reverse=True))
        + r")(?:'s|’s)?(?![\w-])",
        re.I,
    )
    outlets: dict[str, str] = {}
    outlet_country: dict[str, str] = {}
    for r in data_rows(directory / "outlets.tsv"):
        if len(r) < 2:
            continue
        canon = r[0].strip()
        if r[1].strip() == "Other":  # governments and NGOs listed as sources are claimants, not relays
            continue
        outlets[_key(canon)] = canon
        for a in r[3].split("|") if len(r) > 3 else []:
            if a.strip():
                outlets.setdefault(_key(a), canon)
        if len(r) > 2 and r[2].strip() in iso_to_name:
            outlet_country[canon] = iso_to_name[r[2].strip()]
    forms = sorted(verbs | {v.upper() for v in verbs}, key=len, reverse=True)
    # case-sensitive: "said"/"SAID", never "State" in "Secretary of State"
    verb_re = re.compile(r"\b(?P<v>" + "|".join(forms) + r")\b")
    fixed_re = re.compile(
        r"\b(?:" + "|".join(re.escape(k) for k in sorted(fixed, key=len, reverse=True)) + r")\b"
    )
    return AttributionLexicon(
        verbs, nouns, inst, fixed, countries, country_re, outlets, outlet_country, verb_re, fixed_re
    )


@functools.cache
def default_attribution_lexicon() -> AttributionLexicon:
    return load_attribution_lexicon()


@dataclass
class Attribution:
    raw: str  # the claimant phrase as written
    via: str | None = None  # an agency named as relay ("told APA", "according to Report")
    how: str = "verb"  # verb | according | citing | tail | passive
    statement: bool = False  # "said in a statement", "told <agency>": an official statement
    cited: bool = False  # "as X informed": X is cited by whoever speaks the sentence
    relay: str | None = None  # who cites X ("As the MoD informed, ..., the MFA told APA": the MFA)


_CAP_WORD = r"[A-Z][\w'’-]*"
_INSTITUTION_HEADS = (
    r"(?:Ministry|Agency|Service|Office|Department|Council|Committee|Administration|Command|Headquarters|Mission)"
)
# a capitalized institution name: capitalized words around a head word, "of/for/on (the) X" after it
_INSTITUTION_NAME = re.compile(
    rf"\b(?:{_CAP_WORD}\s+){{0,5}}{_INSTITUTION_HEADS}\b"
    rf"(?:\s+(?:of|for|on)\s+(?:the\s+)?{_CAP_WORD}(?:\s+(?:and\s+)?{_CAP_WORD}){{0,4}})?"
)
# a line break inside a sentence (wire copy wrapped at 70 columns) is a space
_HARD_WRAP = re.compile(r"(?<=\S)[ \t]*\n[ \t]*(?=\S)")


# "the Kenya National Commission on Human Rights", "the Office for the Coordination of Humanitarian
# Affairs": an institution whose name goes on with "on", "for" or "in", which `_TRAIL` would cut
_NAME_GOES_ON = re.compile(
    # "the Islamic State in the Greater Sahara", "al Qaeda in the Arabian Peninsula": an armed group's name
    r"\b(?:State|Qaeda|Qaida|Front|Army|Group|Movement)\s+in(?:\s+the)?(?:\s+(?:and\s+)?(?!(?:" + CALENDAR_WORD
    + r")\b)[A-Z][\w'’-]*)+"
    r"|\b(?:Commission|Committee|Council|Office|Cent(?:re|er)|Institute|Observatory|Court|Tribunal|Mission|"
    r"Network|Organi[sz]ation|Agency|Bureau|Board|Foundation|Ministry|Department|Directorate)"
    r"(?:(?:\s+(?:on|for|of)|(?<=Mission)\s+in)(?:\s+the)?(?:\s+(?:and\s+)?(?!(?:" + CALENDAR_WORD + r")\b)[A-Z][\w'’-]*)+)+"
)
_NAME_JOINER = "\u2060"  # holds an institution's name together while trailing words are cut


def clean_phrase(s: str) -> str:
    s = _JUNK_TOKEN.sub("", s.strip()).strip("\"“”'‘’")
    s = _NAME_GOES_ON.sub(lambda m: re.sub(r"\s+", _NAME_JOINER, m.group(0)), s)
    s = _clean(s).replace(_NAME_JOINER, " ")
    # "the Islamic State in the Greater Sahara (EIGS)": the name, without its acronym
    return re.sub(r"(?<=\w)\s*\([A-Z][\w.-]{1,12}\)$", "", s) or s


def _clean(s: str) -> str:
    if s.startswith("[") and s.endswith("]"):
        s = s[1:-1]  # "[FUERZA CIVICA GERARDO BARRIOS]": a translator's bracket around the name
    local = _LOCAL_SOURCE.match(s)
    if local:  # "officials in Luhansk said": where they speak from says who they are
        return re.sub(r"\s+", " ", local.group(0))
    for _ in range(3):
        s2 = _DET.sub("", _TRAIL.sub("", s)).strip()
        if s2 == s:
            break
        s = s2
    return re.sub(r"\s+", " ", s)


_NOT_A_SPEAKER_START = frozenset({
    "today", "yesterday", "tonight", "tomorrow", "earlier", "later", "that", "recently", "also", "again",
    "further", "however",
})


def is_claimant_phrase(s: str, lex: AttributionLexicon) -> bool:
    """A short noun phrase that can name a speaker (a name or a claimant noun, no verbs)."""
    if not s or len(s) > 90 or re.search(r"\d", s):
        return False
    words = re.findall(r"[\w'’.-]+", s)
    if not words or len(words) > 10 or _AUX_IN.search(s):
        return False
    if words[0].lower() in ("no", "none", "nobody", "neither"):
        return False  # "No group claimed responsibility"
    if words[0].lower() in _NOT_A_SPEAKER_START:
        return False  # "said TODAY THAT THE DECLARATIONS ...": the words after a verb, not a speaker
    low = {w.lower().strip("'’") for w in words}
    if low & {"killed", "wounded", "injured", "dead", "fired", "shelled", "attacked", "there", "here", "that"}:
        return False
    if low & lex.claimant_nouns:
        return True
    if _key(s) in lex.outlets or _key(s) in lex.fixed:
        return True
    return any(w[:1].isupper() for w in words)


def _common_noun(phrase: str) -> bool:
    """A phrase written all in lower case: "the report said" names no Report.az, "the trend" no Trend."""
    return phrase == phrase.lower() and any(c.isalpha() for c in phrase)


def outlet_name(s: str, lex: AttributionLexicon) -> str | None:
    """The outlet a phrase names (never a common noun written in lower case)."""
    phrase = clean_phrase(s)
    return None if _common_noun(phrase) else lex.outlets.get(_key(phrase))


class Attributor:
    """Finds the attribution of one sentence (see the module docstring)."""

    def __init__(self, lex: AttributionLexicon) -> None:
        self.lex = lex
        self._citing = re.compile(
            r"(?:(?P<o>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})\s+(?:reports?|reported|says|said|writes|wrote),?\s+)?"
            r"\bciting\s+(?P<c>[^,;:()\n]+?)(?=\s*(?:[,;:()\n]|\.(?:\s|$)|$))"
        )
        self._according = re.compile(
            r"\baccording to\s+(?P<c>[^,;:()\n]+?)(?=\s*(?:[,;:()\n]|\.(?:\s|$)|$))", re.I
        )
        # "told APA", "told Ukrainian television", "told state media": the outlet, with its common noun
        self._told = re.compile(
            r"^\s*(?P<via>(?:(?:state|local|national)\s+(?=[a-z]))?(?:[A-Z][\w.-]*(?:[ -][A-Z][\w.-]*){0,3})?"
            r"(?:(?<=\w)\s+|(?<!\w))(?:(?:state\s+)?(?:television|TV|radio|media|news agency|newspaper|broadcaster)\b)?)"
        )
        self._after_verb = re.compile(r"^\s+(?P<c>[^,;:()\n]+?)(?=\s*(?:[,;:()\n]|\.(?:\s|$)|$))")
        # separators before a headline's source: ": X", " - X" (spaced), then "killed-Reuters" (unspaced)
        self._tail_spaced = re.compile(r"\s*:\s*|\s+[-–—]+\s*|\s*[-–—]+\s+")
        self._tail_unspaced = re.compile(r"(?<=[a-z])-(?=[A-Za-z])")
        self._passive = re.compile(
            r"\b(?:it|this)\s+(?:has been|was|is|had been)\s+(?:noted|stated|reported|said|emphasized|added|"
            r"stressed|underlined|informed)\b",
            re.I,
        )

    def attribute(self, sent: str) -> Attribution | None:
        lex = self.lex
        sent = _HARD_WRAP.sub(" ", sent)  # "THE ARMED FORCES\nPRESS OFFICE HAS REPORTED": one phrase
        m = self._citing.search(sent)
        if m and is_claimant_phrase(clean_phrase(m.group("c")), lex):
            via = outlet_name(m.group("o"), lex) if m.group("o") else None
            return Attribution(clean_phrase(m.group("c")), via=via or (m.group("o") or None), how="citing")
        according = self._according.search(sent)
        if according and _GENERIC_SOURCE.match(according.group("c").strip()):
            according = None  # "according to the report": a document, not a speaker
        acc_raw = clean_phrase(according.group("c")) if according else ""
        acc_raw = re.sub(r"\s+(?:reports?|data|figures|information|sources?)$", "", acc_raw, flags=re.I)
        if acc_raw.lower() in ("local media", "media", "local sources", "sources"):
            acc_raw = according.group("c").strip() if according else acc_raw
        verb = self._verb_attribution(sent)
        if verb is not None:
            if according and is_claimant_phrase(acc_raw, lex) and outlet_name(acc_raw, lex):
                verb.via = verb.via or outlet_name(acc_raw, lex)
            return verb
        if according and is_claimant_phrase(acc_raw, lex):
            return Attribution(acc_raw, how="according")
        stripped = sent.rstrip()
        if stripped and stripped[-1] not in ".!?\"”'’)":
            raw = self._tail_source(stripped)
            if raw:
                return Attribution(raw, how="tail")
        if self._passive.search(sent):
            return Attribution("", how="passive")
        return None

    def _tail_source(self, text: str) -> str:
        """The source named after a headline's last separator ("...: officials", "... - DPR defence ministry").

        Spaced separators are tried first, the rightmost first, so a hyphen inside a
        word ("Forty-nine", "pro-Russia", "Kiev-controlled") is never taken for one;
        an unspaced hyphen ("...killed-ministry") counts only when the word before it
        is not a prefix.
        """
        for pattern in (self._tail_spaced, self._tail_unspaced):
            for m in reversed(list(pattern.finditer(text))):
                if pattern is self._tail_unspaced:
                    before = text[: m.start()].rsplit(None, 1)[-1].lower()
                    if before in _HYPHEN_PREFIXES or any(ch.isdigit() for ch in before):
                        continue
                tail = text[m.end():]
                if not 2 <= len(tail) <= 80 or any(ch in tail for ch in ":;–—\n"):
                    continue
                raw = clean_phrase(tail)
                if is_claimant_phrase(raw, self.lex) and len(raw.split()) <= 8:
                    return raw
        return ""

    def _verb_attribution(self, sent: str) -> Attribution | None:
        found = list(self._verb_attributions(sent))
        relayed = [a for a in found if a.via]
        cited = [a for a in found if a.cited]
        if cited and relayed and cited[0] is not relayed[0]:
            # "As the Ministry of Defence informed, ..., the Ministry of Foreign Affairs told APA": the
            # claim is the defence ministry's; the foreign ministry relays it, through APA
            r = relayed[0]
            return Attribution(cited[0].raw, via=r.via, how="verb", statement=r.statement, relay=r.raw)
        return relayed[0] if relayed else (found[0] if found else None)

    def _verb_attributions(self, sent: str) -> Iterator[Attribution]:
        lex = self.lex
        verbs = sorted([*lex.verb_re.finditer(sent), *_TOLL_VERB.finditer(sent)], key=lambda v: v.start())
        for m in verbs:
            if m.group("v").lower() == "called" and _PHRASAL.match(sent, m.end()):
                continue  # "called for", "called on": not reporting
            if m.group("v").lower() in ("claimed", "claims") and _CLAIMED_LIVES.match(sent, m.end()):
                continue  # "the attacks claimed the lives of ...": a toll, not a statement
            before = _RESTRICTIVE_RELATIVE.sub(" ", _RELATIVE_ASIDE.sub(" ", sent[: m.start()]))
            cut = 0
            cut_word = ""
            for b in _BOUNDARY.finditer(before):
                cut, cut_word = b.end(), b.group(0).lower()
            chunk = before[cut:]
            if _DANGLING.search(chunk):  # "the alleged targeting", "an unconfirmed reported attack"
                continue
            raw = clean_phrase(chunk)
            if cut_word == "and" and _AUX_ONLY.fullmatch(chunk):
                # "Moscow does not publish its figures and has dismissed Kyiv's tallies": the verb shares the
                # subject that opens the sentence
                opening = _OPENING_SUBJECT.match(before)
                if opening and is_claimant_phrase(clean_phrase(opening.group("s")), lex):
                    raw = clean_phrase(opening.group("s"))
            after = sent[m.end() :]
            if _PASSIVE_REPORT.match(after):  # "two civilians said killed", "reported dead"
                continue
            if raw and is_claimant_phrase(raw, lex) and not _AUX_IN.search(chunk):
                via = None
                if m.group("v").lower() in ("told", "tells"):
                    t = self._told.match(after)
                    if t and t.group("via").strip():
                        via = outlet_name(t.group("via").strip(), lex) or t.group("via").strip()
                        if via.lower() in ("reporters", "journalists"):
                            via = None
                statement = (
                    bool(re.match(r"^\s+in\s+(?:a|its|an official)\s+statement", after, re.I))
                    or via is not None
                )
                # "As X informed, ...": at the head of the sentence or after a comma, X is a cited source
                prev = before[: cut - 2].rstrip()
                cited = cut_word == "as" and (not prev or prev.endswith((",", ";", "(", "—", "–")))
                yield Attribution(raw, via=via, how="verb", statement=statement, cited=cited)
                continue
            # '<who they are>, <Name>, said': the name with its role, written as below
            first = _ROLE_FIRST_SPEAKER.search(before) if not raw else None
            if first and not _REPORT_WORD.search(first.group("role")) and not _AUX_IN.search(first.group("role")):
                yield Attribution(f"{clean_phrase(first.group('name'))}, {clean_phrase(first.group('role'))}", how="verb")
                continue
            # '<Name>, <who they are>, said': the name with its appositive
            appos = _APPOSITIVE_SPEAKER.search(before) if not raw else None
            if appos and is_claimant_phrase(clean_phrase(appos.group("name")), lex) \
                    and not _AUX_IN.search(appos.group("role")) and not _REPORT_WORD.search(appos.group("role")):
                role = clean_phrase(appos.group("role"))
                name = clean_phrase(appos.group("name"))
                # "X, investigating the murder ..., said": what they were doing is not who they are
                yield Attribution(name if re.match(r"\w+ing\b", role) else f"{name}, {role}", how="verb")
                continue
            which = _WHICH_SPEAKER.search(before) if not raw else None
            if which and is_claimant_phrase(clean_phrase(which.group("who")), lex):
                # "The attack was claimed by the Islamic State in the Greater Sahara (EIGS), which said ..."
                yield Attribution(clean_phrase(which.group("who")), how="verb")
                continue
            described = _DESCRIBED_SPEAKER.search(before) if not raw else None
            if described and is_claimant_phrase(clean_phrase(described.group("who")), lex) \
                    and not _AUX_IN.search(described.group(0)):
                yield Attribution(clean_phrase(described.group("who")), how="verb")
                continue
            # inverted: '..., said X' / '” said X'
            if re.search(r"[,“”\"]\s*$", before):
                a = self._after_verb.match(sent[m.end() :])
                if a:
                    raw = clean_phrase(a.group("c"))
                    if is_claimant_phrase(raw, lex) and not raw.lower().startswith(("that", "in ", "on ")):
                        yield Attribution(raw, how="verb")


_STATE_TEMPLATES = ("Military Forces of {country}", "Government of {country}", "Police Forces of {country}")


class ClaimantNormalizer:
    """Normalizes claimant phrases, remembering antecedents within one article."""

    _ROLE = re.compile(
        r"\b(?:spokes(?:man|woman|person|people|men)|minister|president|governor|mayor|commander|chief|head|"
        r"leader|deputy|representative|envoy|ombudsman|official|officials|source|sources|correspondent|"
        r"witness(?:es)?|eyewitness(?:es)?|resident|residents|prosecutor|officer|doctor|nurse|commissioner)\b",
        re.I,
    )

    def __init__(self, lex: AttributionLexicon, *, outlet: str | None = None) -> None:
        self.lex = lex
        self.outlet = outlet
        self.last: str | None = None
        self.last_by_template: dict[str, str] = {}
        self.history: list[str] = []
        self.mentioned: list[str] = []  # institution names read in the text so far (`note_mentions`)
        self.persons: list[tuple[str, str | None]] = []  # full names, with the country of their title
        self.actors: list[tuple[int, int, str, str, str | None]] = []  # see `note_actors`
        self.groups: list[tuple[int, str, str]] = []  # (offset, surface key, name) of named armed groups
        self.position = 0  # offset of the sentence being read: groups named before it are antecedents
        self.article_country: str | None = None  # where the article's events happened (`note_actors`' caller sets it)
        canon = lex.outlets.get(_key(outlet)) if outlet else None
        self.home_country = lex.outlet_country.get(canon or outlet or "")

    def country_in(self, s: str) -> str | None:
        m = self.lex.country_re.search(s)
        return self.lex.countries.get(m.group("c").lower()) if m else None

    def note_mentions(self, text: str) -> None:
        """Remember the institutions ``text`` names ("Deminers of the Azerbaijan National Agency for
        Mine Action (ANAMA) found ...") so that a later bare "the agency said" can refer to one.
        Mixed-case text only: in all-capitals copy every word looks like a name."""
        if not re.search(r"[a-z]", text):
            return
        for m in _INSTITUTION_NAME.finditer(text):
            name = re.sub(r"^(?:The|A|An)\s+", "", m.group(0).strip())
            if name not in self.mentioned:
                self.mentioned.append(name)

    def note_persons(self, text: str, persons: list[tuple[int, str]]) -> None:
        """Remember the full names of the persons ``text`` names ((offset, name) pairs, from the
        parser's PERSON entities), each with the country of the title written right before it
        ("Azerbaijani Foreign Minister Jeyhun Bayramov": Azerbaijan), so that a later "Bayramov
        said" or "the Azerbaijani minister informed" is one claimant, not three."""
        for start, name in persons:
            name = re.sub(r"\s+", " ", name.strip())
            words = name.split()
            if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words) or name.isupper():
                continue
            # the title right before the name: "... and his Polish counterpart Mariusz Blaszczak"
            title = re.split(r"[.;:!?\n]|,\s|\s(?:and|with|by|to|from)\s", text[max(0, start - 80) : start])[-1]
            named = [self.lex.countries.get(m.group("c").lower()) for m in self.lex.country_re.finditer(title)]
            if name not in (p for p, _ in self.persons):
                self.persons.append((name, named[-1] if named else None))

    def note_actors(self, mentions: list[tuple[int, int, str, str, str | None]]) -> None:
        """Remember the actors the actors stage found ((start, end, surface, name, kind)), so that
        "the RSF said" is the group's normalized name, a later "the paramilitary group said" the
        armed group named last before the sentence being read (set ``position``), and a party named
        inside a sentence can be looked up by its offsets (`actor_at`)."""
        self.actors = sorted(self.actors + list(mentions))
        self.groups = [(start, _key(surface), name) for start, _, surface, name, kind in self.actors
                       if kind in _GROUP_KINDS]

    def actor_at(self, start: int, end: int) -> str | None:
        """The normalized name of the first actor mention inside [start, end), if any."""
        for a_start, a_end, _, name, _ in self.actors:
            if start <= a_start and a_end <= end:
                return name
        return None

    def last_group(self) -> str | None:
        """The armed group named last before the sentence being read."""
        before = [n for start, _, n in self.groups if start < self.position]
        return before[-1] if before else None

    def _group(self, key: str) -> str | None:
        named = {n for _, k, n in self.groups if k == key}
        if not named:
            # "Yemen's Houthi rebels" holds "Houthi rebels" with only a country and group words around it
            # ("DPR defence ministry", "DPR command" are institutions of the group: kept as written)
            for _, k, n in self.groups:
                m = re.search(rf"(?<![\w-]){re.escape(k)}(?![\w-])", key) if k else None
                rest = _TIED_TO.sub(" ", key[: m.start()] + " " + key[m.end() :]).split() if m else None
                if rest is not None and all(
                    w in _GROUP_WORDS or re.sub(r"'s$", "", w) in self.lex.countries for w in rest
                ):
                    named.add(n)
        if len(named) == 1:
            return named.pop()
        if key in ("coalition", "alliance"):  # "the coalition said": the "Saudi-led coalition" named before
            led = [n for start, _, surface, n, _ in self.actors if start < self.position and _key(surface).endswith(key)]
            return led[-1] if led else None
        return self.last_group() if _GROUP_ANAPHOR.match(key) else None

    def _person(self, raw: str) -> str | None:
        """The full name a surname or a "the <demonym> <title>" phrase refers to (one candidate only)."""
        words = raw.split()
        key = _key(raw)
        if len(words) == 1 and words[0][:1].isupper() and not (
            key in self.lex.countries or key in self.lex.fixed or key in self.lex.outlets
        ):
            # a speaker already named in full ("regional governor Oleksandr Prokudin"), else a person named
            spoke = {h for h in self.history if h != raw and re.search(rf"\b[A-Z][\w'’-]+ {re.escape(raw)}$", h)}
            if len(spoke) == 1:
                return spoke.pop()
            found = {p for p, _ in self.persons if p.split()[-1] == words[0]}
            return found.pop() if len(found) == 1 else None
        role = _PERSON_TITLE.fullmatch(raw)
        if role:
            country = self.country_in(role.group("adj"))
            found = {p for p, c in self.persons if c is not None and c == country}
            return found.pop() if country and len(found) == 1 else None
        return None

    def normalize(self, raw: str) -> str | None:
        lex = self.lex
        raw = clean_phrase(raw)
        if not raw:
            return self.last
        key = _key(raw)
        if key in ("he", "she", "it", "they", "we", "i", "statement", "the statement", "press service"):
            return self.last if self.last is not None else raw
        person = self._person(raw) if self.persons or self.history else None
        if person:
            return self._remember(person, None)
        head = _BARE_HEAD.match(key)
        if head and head.group("adj") and not self.country_in(head.group("adj")):
            head = None  # "defense ministry" is an institution, not a bare head word
        if head:  # "the ministry", "the Armenian ministry", "the service said": the last one named
            country = self.country_in(head.group("adj") or "") if head.group("adj") else None
            word = head.group("head")
            for name in reversed(self.history):
                if word in name.lower() and (country is None or country in name):
                    return self._remember(name, None)
            for name in reversed(self.mentioned):  # named earlier, but not as a speaker
                if word in name.lower().split() and (country is None or self.country_in(name) == country):
                    return self.normalize(name)
            if head.group("adj") is None and self.last is not None and word in ("ministry", "agency"):
                return self.last
            return raw  # nothing to refer back to: keep it as written
        if key in lex.fixed:
            return self._remember(lex.fixed[key], None)
        if key in lex.outlets and not _common_noun(raw):
            return self._remember(lex.outlets[key], None)
        group = self._group(key) if self.actors else None
        if group:
            return self._remember(group, None)
        stripped = re.sub(r"^(?:official|officials in)\s+", "", raw, flags=re.I)
        if _key(stripped) in lex.countries:
            return self._remember(f"Government of {lex.countries[_key(stripped)]}", "Government of {country}")
        has_role = bool(self._ROLE.search(raw)) and any(w[:1].isupper() for w in raw.split()[1:])
        words = raw.split()
        for pat, tmpl in lex.institutions:
            if not pat.search(raw):
                continue
            broad = tmpl.startswith(("Military Forces", "Government"))
            if has_role or (broad and len(words) > 4):
                break
            if broad and self._ROLE.search(raw):
                break
            country = self.country_in(raw)
            if country is None and not broad:  # "DPR defence ministry": a named party stands in for a country
                fm = lex.fixed_re.search(_key(pat.sub(" ", raw)))
                if fm:
                    country = lex.fixed[fm.group(0)]
            if broad and not country:
                prev = self.last_by_template.get(tmpl)
                if prev and len(words) <= 2:  # "the army added" after "the Malian army said"
                    return self._remember(prev, tmpl)
                if self.article_country and tmpl.startswith("Government") and len(words) <= 4 and not has_role \
                        and not _LOCAL_WORDS.search(raw):
                    # "the junta denied", "the junta's information team": the country the article's events are in
                    return self._remember(tmpl.format(country=self.article_country), tmpl)
                if self.article_country and tmpl.startswith("Military Forces") and len(words) <= 2 \
                        and not any(kind in ("military", "country", "border") and self.article_country not in name
                                    and "{country}" not in name for _s, _e, _t, name, kind in self.actors):
                    # "the army said" in a report of fighting in one country whose forces alone are named
                    return self._remember(tmpl.format(country=self.article_country), tmpl)
                break
            if country is None:
                prev = self.last_by_template.get(tmpl)
                if prev:
                    return self._remember(prev, tmpl)
                country = self.home_country
            name = tmpl.format(country=country) if country else re.sub(r"\s+of \{country\}$", "", tmpl)
            return self._remember(name, tmpl)
        if len(words) <= 3 and not has_role:  # "ELN rebels", "OSCE monitors"
            fm = lex.fixed_re.search(key)
            if fm:
                return self._remember(lex.fixed[fm.group(0)], None)
        return self._remember(raw, None)

    def _remember(self, name: str, tmpl: str | None) -> str:
        self.last = name
        self.history.append(name)
        if tmpl is None:
            # a state's forces or government however found ("the Malian Armed Forces (FAMa)"): a later
            # bare "the army" or "the government" refers back to it
            tmpl = next((t for t in _STATE_TEMPLATES if name.startswith(t.split("{country}")[0])), None)
        if tmpl:
            self.last_by_template[tmpl] = name
        return name
