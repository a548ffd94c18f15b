"""Actor mentions -> normalized ACLED-style actors.

Four lexicons (all data, in ``lexicons/``):

* ``countries.tsv`` — every country's ACLED-style name, other names and demonyms;
* ``roles.tsv`` — role nouns ("troops", "police", "border guards", "protesters",
  "civilians", "gunmen") with the name template they produce;
* ``actors.tsv`` — named groups ("KIA", "Al Shabaab", "FMLN", "Tatmadaw") with
  their ACLED names and inter codes;
* ``ethnic_groups.tsv`` — ethnic groups and clans whose armed men are identity
  militias ("Tiv youths", "Fulanis attacked" -> "Tiv/Fulani Ethnic Militia").

The scan finds, in order of strength:

1. named actors;
2. a country or demonym with a role noun, either way round: "Armenian troops",
   "units of the Armenian Armed Forces", "military forces of Azerbaijan",
   "Azerbaijan Army" -> "Military Forces of Armenia/Azerbaijan";
3. a bare role noun ("the police", "unknown gunmen", "villagers") — its
   country is left open (``country=None``) and filled by the event coder from the
   event's location (`resolve_name`);
4. a bare country name or demonym (kind ``"country"``) — used by the event
   coder only as a grammatical agent or target in a military event ("Azerbaijan
   shelled ...", "an armed clash between Armenian and ...").

Overlapping candidates: the longer span wins, then the stronger kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..lexicon_files import data_rows
from ..model import ActorMention
from .anchors import AnchorIndex, LazyPattern, flex_spaces, match_at
from .triggers import LEXICON_DIR, read_tsv

# a word that may sit between a demonym and its role noun ("Armenian *military* units")
_FILLER_STOP = "and|or|of|the|to|in|on|at|by|with|from|for|that|who|which|as"  # words that end a noun phrase
_FILLER = rf"(?:(?!(?:{_FILLER_STOP})\b)[A-Za-z][\w-]*\s+)"
_POSS = r"(?:'[sS]|’[sS]|')?"

INTER_STATE = 1
INTER_EXTERNAL = 8

_WORD = re.compile(r"[^\W\d_][\w'’]*")

# strength of each kind of candidate when spans overlap equally
_STRENGTH = {"named": 4, "of": 3, "qualified": 3, "written": 2, "bare": 1, "country": 0}

# an armed group no lexicon knows, named as written: "the Ajdabiya Liberation Room", "the Al-Aqsa Martyrs
# Brigades", "a self-styled Patriotic Resistance Front": capitalized words with a word of armed struggle
# before a group noun (or "... Armed Forces of Liberation")
_CAP = (r"(?!(?i:of|the|a|an|by|in|on|at|to|and|or|for|from|with|that|this|these|those|its|their|his|members?|"
        r"urban|rural|armed|so-called|self-styled|alleged|suspected|local|small|new|same)\b)[A-Z][\w'’-]*")
_STRUGGLE = (r"(?:Popular|People'?s|Patriotic|Revolutionary|Liberation|Resistance|Salvation|Jihad|Mujahideen|"
             r"Mujahidin|Martyrs'?|Freedom|Self-Defen[cs]e)")
_GROUP_NOUN = (r"(?:Front|Army|Movement|Armed Forces|Forces|Brigades?|Commandos?|Command|Militias?|Battalions?|"
               r"Room|Council|Organi[sz]ation|Union)")
_AS_WRITTEN = re.compile(
    rf"(?<![\w-])(?:{_CAP}\s+){{0,3}}?{_STRUGGLE}(?:\s+(?:{_STRUGGLE}|{_CAP})){{0,3}}?\s+{_GROUP_NOUN}"
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?(?:National\s+)?(?:Liberation|Salvation|Independence)(?:\s+of\s+{_CAP})?)?"
    rf"(?![\w-])"
    rf"|(?<![\w-])(?:{_CAP}\s+){{1,3}}?Armed Forces\s+(?:of|for)\s+(?:the\s+)?(?:National\s+)?Liberation(?![\w-])"
)
_AS_WRITTEN_CAPS = re.compile(_AS_WRITTEN.pattern, re.I)  # wire copy in capitals


def _longer_name(text: str, start: int, a: int, b: int, end: int) -> bool:
    """Does the name written at [start, end) hold the lexicon name at [a, b) as its tail, after words of its
    own ("West Papua National Liberation Army"), not after descriptors ("Pro-Maoist Tupac Amaru
    Revolutionary Movement", "Leftist ...")?"""
    if not (start < a and b <= end):
        return False
    words = text[start:a].split()
    return bool(words) and not any(re.fullmatch(GROUP_DESCRIPTOR, w, re.I) for w in words)


def _groups_as_written(lex: ActorLexicon, text: str, caps: bool) -> list[ActorMention]:
    """Armed groups no lexicon knows, named as written (a country's own forces excepted: "Chinese People's
    Liberation Army" is China's army, found by the country rules)."""
    out = []
    for m in (_AS_WRITTEN_CAPS if caps else _AS_WRITTEN).finditer(text):
        written = m.group(0)  # never "The ...": function words are no part of a name
        first = written.split()[0]
        if lex.country(first) is not None or first.lower() in {"national", "government", "state", "federal"}:
            continue
        name = " ".join(w.lower() if w.lower() in {"of", "for", "the"} else w.capitalize() if w.isupper() and len(w) > 3
                        else w for w in written.split())
        out.append(ActorMention(m.start(), m.end(), written, name, 2, None, "rebels"))
    return out


@dataclass(frozen=True)
class Country:
    name: str
    iso3: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]


@dataclass(frozen=True)
class Role:
    kind: str
    template: str
    inter: int


@dataclass
class ActorLexicon:
    countries: dict[str, Country]  # any name/demonym (as written) -> Country
    by_name: dict[str, Country]  # lower-case ACLED name / iso3 -> Country
    named: list[tuple[LazyPattern, str, int, str, str]]  # compiled when an article holds an anchor word
    roles: list[tuple[str, Role, bool]]  # (pattern, role, may stand bare)
    after_country_rx: re.Pattern[str]  # "<country>" + this: "Armenian *troops*"
    before_country_rx: re.Pattern[str]  # this + "<country>": "*units of the* Armenian ..."
    bare_rx: re.Pattern[str]
    first_words: dict[str, list[str]]  # first word of a country name/demonym -> full names, longest first
    first_words_upper: dict[str, list[str]]  # the same in upper case, for all-caps wire copy
    named_upper: list[LazyPattern]  # the named patterns, case-insensitive (all-caps text)
    role_rxs: list[tuple[re.Pattern[str], Role]]
    index: AnchorIndex  # the named patterns, then the bare roles (last)
    # capitals standing for their country ("Moscow's forces"), read only in the possessive before a role
    metonyms: dict[str, Country] = field(default_factory=dict)
    # what the "{country}" templates of roles.tsv (role nouns: "Rebel Group ({country})") read before the country
    generic_prefixes: tuple[str, ...] = ()

    def country(self, text: str | None) -> Country | None:
        """The Country a name, alias, demonym or ISO3 code stands for."""
        if not text:
            return None
        c = self.countries.get(text) or self.by_name.get(text.lower())
        if c is None:
            c = self.countries.get(text.strip().title())
        return c

    def is_generic(self, name: str) -> bool:
        """Is ``name`` a template the lexicons fill with a country ("Rebel Group (El Salvador)" from
        "Rebel Group ({country})"), rather than a named group?"""
        return "{country}" in name or name.startswith(self.generic_prefixes)

    def role_for(self, text: str) -> Role | None:
        for rx, role in self.role_rxs:
            if rx.fullmatch(text.strip()):
                return role
        return None


# country acronyms of lexicons/countries.tsv that are also English words
_WORD_ACRONYMS = frozenset({"CAR"})


# the armed men of an ethnic group or clan (lexicons/ethnic_groups.tsv): "Fulani herdsmen", "Tiv youths",
# "Marehan clan militia", and the group's name doing violence ("Fulanis attacked", "the Dinka raided") or
# coordinated with another group's armed men ("clashes between Fulani and Konkomba herdsmen")
_MILITIA_NOUNS = (r"(?i:(?:ethnic |tribal |clan |armed )?(?:militias?|militiamen|militia (?:members|fighters)|gunmen|"
                  r"herders?|herdsmen|herdsman|pastoralists|fighters|youths?|(?:cattle )?raiders|bandits|hunters|"
                  r"warriors|attackers|assailants|tribesmen|clansmen))")
_VIOLENT_VERBS = (r"(?:(?:reportedly|allegedly|also|then) )?(?:attack(?:ed|s)?|raid(?:ed|s)?|kill(?:ed|s)?|"
                  r"storm(?:ed|s)?|ambush(?:ed|es)?|clash(?:ed|es)?|fought|burn(?:ed|t|s)?|torch(?:ed|es)?|"
                  r"invad(?:ed|es)|overr?an|opened fire|massacred|abduct(?:ed|s)?)(?![\w-])")


_GROUPS_OF_PEOPLE = r"(?:communities|tribes|clans|militias|militiamen|fighters|gunmen)\b"


@lru_cache(maxsize=1)
def _community_pair_re() -> tuple[re.Pattern[str], list[tuple[re.Pattern[str], str, str | None]]]:
    """One pattern for two named communities' men ("a gunfight between armed groups from the Kuki and Meitei
    communities", "clashes between the Kuki and Meitei communities"), and each group's (pattern, militia name)."""
    groups = []
    for row in read_tsv("ethnic_groups.tsv"):
        forms, group, country, label = (c.strip() for c in (row + [""] * 4)[:4])
        groups.append((re.compile(rf"(?:{forms})"), f"{group} {label or 'Ethnic'} Militia ({country or '{country}'})",
                       country or None, forms))
    alt = "|".join(f for *_, f in groups)
    pair = re.compile(
        rf"(?:(?<![\w-]){_MILITIA_NOUNS}\s+(?:from|of)\s+the\s+|(?<![\w-])armed\s+(?:groups|men)\s+(?:from|of)\s+the\s+"
        rf"|\bbetween\s+(?:the\s+)?)(?P<a>{alt})\s+and\s+(?P<b>{alt})\s+{_GROUPS_OF_PEOPLE}")
    return pair, [(rx, name, country) for rx, name, country, _ in groups]


def _community_pairs(text: str) -> list[ActorMention]:
    """The two identity militias of `_community_pair_re`'s phrases in ``text``."""
    if " and " not in text:
        return []
    pair, groups = _community_pair_re()
    out = []
    for m in pair.finditer(text):
        for g in ("a", "b"):
            found = next(((n, c) for rx, n, c in groups if rx.fullmatch(m.group(g))), None)
            if found is not None:
                out.append(ActorMention(m.start(g), m.end(g), m.group(g), found[0], 4, found[1], "militia"))
    return out


def _identity_militias() -> list[tuple[LazyPattern, str, int, str, str]]:
    out = []
    for row in read_tsv("ethnic_groups.tsv"):
        forms, group, country, label = (c.strip() for c in (row + [""] * 4)[:4])
        pattern = (rf"(?<![\w-])(?:{forms})s?(?:\s+{_MILITIA_NOUNS}|(?=\s+{_VIOLENT_VERBS})"
                   rf"|(?=\s+and\s+[A-Z][\w'’-]+\s+{_MILITIA_NOUNS}))(?![\w-])"
                   # "armed youths from the Murle community": the armed men, then whose they are
                   rf"|(?<![\w-]){_MILITIA_NOUNS}\s+(?:from|of)\s+the\s+(?:{forms})\s+"
                   rf"(?:community|communities|tribe|clan|ethnic\s+group)(?![\w-])"
                   )
        name = f"{group} {label or 'Ethnic'} Militia ({country or '{country}'})"
        out.append((LazyPattern(pattern), name, 4, country, "militia"))
    return out


@lru_cache(maxsize=1)
def load_lexicon() -> ActorLexicon:
    countries: dict[str, Country] = {}
    by_name: dict[str, Country] = {}
    for row in read_tsv("countries.tsv"):
        name, iso3, aliases, demonyms = (row + [""] * 4)[:4]
        c = Country(
            name,
            iso3,
            tuple([name] + [a for a in aliases.split("|") if a]),
            tuple(d for d in demonyms.split("|") if d),
        )
        by_name[name.lower()] = c
        by_name[iso3.lower()] = c
        for w in c.names + c.demonyms:
            countries.setdefault(w, c)
    # named actors
    named = []
    for row in read_tsv("actors.tsv"):
        pattern, name, inter, country, kind = (row + [""] * 5)[:5]
        flags = 0 if re.search(r"[A-Z]{2}", pattern) else re.I
        pattern = flex_spaces(pattern)
        # a named group may be glued to a place by a hyphen ("PDF-Bago", "village-Myanmar military")
        rx = LazyPattern(r"(?<!\w)(?:" + pattern + r")(?![\w])", flags)
        named.append((rx, name, int(inter or 0), country, kind))
    named.extend(_identity_militias())
    roles: list[tuple[str, Role, bool]] = []
    role_rxs = []
    for row in read_tsv("roles.tsv"):
        pattern, kind, template, inter, bare = (row + [""] * 5)[:5]
        pattern = flex_spaces(pattern)
        role = Role(kind, template, int(inter or 0))
        roles.append((pattern, role, bare.strip() == "yes"))
        role_rxs.append((re.compile(r"(?:the\s+|a\s+|an\s+)?(?:" + pattern + r")", re.I), role))
    all_roles = "|".join(f"(?:{p})" for p, _, _ in roles)
    bare_roles = "|".join(f"(?:{p})" for p, _, b in roles if b)
    first_words: dict[str, list[str]] = {}
    for w in countries:
        if len(w) > 1:
            key = _WORD.match(w)
            if key is not None:
                first_words.setdefault(key.group(0), []).append(w)
    for names in first_words.values():
        names.sort(key=len, reverse=True)
    first_words_upper: dict[str, list[str]] = {}
    for key, names in first_words.items():
        # in capitals a two-letter name is a word ("LET US"), and so is an acronym spelling an English
        # word ("A GRENADE HIT HIS CAR" is no Central African Republic): neither is matched there
        first_words_upper.setdefault(key.upper(), []).extend(
            n.upper() for n in names if len(n) > 2 and n not in _WORD_ACRONYMS)
        for n in names:
            countries.setdefault(n.upper(), countries[n])
    for names in first_words_upper.values():
        names.sort(key=len, reverse=True)
    metonyms = {}
    for row in data_rows(LEXICON_DIR / "country_metonyms.tsv"):
        if len(row) >= 2 and row[1].strip() in countries:
            metonyms[row[0].strip()] = countries[row[1].strip()]
    return ActorLexicon(
        metonyms=metonyms,
        generic_prefixes=tuple(sorted({r.template.split("{country}")[0] for _p, r, _b in roles
                                       if "{country}" in r.template})),
        countries=countries,
        by_name=by_name,
        named=named,
        roles=roles,
        after_country_rx=re.compile(rf"{_POSS}\s+{_FILLER}{{0,2}}?(?P<r>(?i:{all_roles}))(?![\w-])"),
        before_country_rx=re.compile(
            rf"(?<![\w-])(?P<r>(?i:{all_roles}))\s+of\s+(?:the\s+)?(?:(?i:republic)\s+of\s+)?$"
        ),
        bare_rx=re.compile(rf"(?<![\w-])(?i:{bare_roles})(?![\w-])"),
        first_words=first_words,
        first_words_upper=first_words_upper,
        named_upper=[LazyPattern(rx.pattern, re.I) for rx, *_ in named],
        role_rxs=role_rxs,
        index=AnchorIndex([r[0].pattern for r in named] + [bare_roles]),
    )


def resolve_name(mention: ActorMention, country: str | None) -> str:
    """The mention's normalized name, with ``country`` filling an open "{country}" slot."""
    if "{country}" not in mention.name:
        return mention.name
    if country:
        return mention.name.format(country=country)
    return mention.name.replace(" of {country}", "").replace(" ({country})", "")


_TRAILING_FORCE = re.compile(r"\s+(?i:armed forces|army|military)(?![\w-])")
_NAME_BEFORE = re.compile(r"(?:(?<![.!?]\s)(?<!^)\b(?!(?:On|In|At|By|From|For|And|Against|With|The|An|A|Of|To|As|But|Both|Between|After|Before|During|When|While|Two|Three|Several|Some|Many)\b)[A-Z][a-z]+|['\"‘“])\s*$")
_OF_WINDOW = 80  # how far before a country name "<role> of (the)" may start


def _country_mentions(lex: ActorLexicon, text: str) -> Iterator[tuple[int, int, Country]]:
    """Country names and demonyms as written (case-sensitive: "Chad", not "chad"), in text order."""
    found: list[tuple[int, int, Country]] = []
    first_words = lex.first_words_upper if is_all_caps(text) else lex.first_words
    for word in set(_WORD.findall(text)):
        metonym = None
        if word not in first_words and _POSSESSIVE_END.search(word):
            word = _POSSESSIVE_END.sub("", word)  # "Russia's troops": "Russia" before the possessive
            # a capital stands for its country only before a role: "Moscow's forces", "KIEV'S TROOPS"
            metonym = lex.metonyms.get(word) or lex.metonyms.get(word.title())
        names = first_words.get(word)
        if not names and metonym is None:
            continue
        pos = text.find(word)
        while pos >= 0:
            if pos == 0 or not _glued(text[pos - 1]):
                end = pos + len(word)
                if metonym is not None and _POSSESSIVE.match(text, end) and lex.after_country_rx.match(text, end):
                    found.append((pos, end, metonym))
                for name in names or ():
                    end = pos + len(name)
                    if text.startswith(name, pos) and (
                        end == len(text) or not _glued(text[end]) or _POSSESSIVE.match(text, end)
                        or _LED_BY.match(text, end)
                    ):
                        found.append((pos, end, lex.countries[name]))
                        break
            pos = text.find(word, pos + len(word))
    unique = {(a, b): (a, b, c) for a, b, c in found}  # "Russia" and "Russia's" both lead to "Russia"
    # a name inside a longer one is part of it: "Congo" in "Democratic Republic of Congo"
    kept = [f for f in unique.values()
            if not any(a <= f[0] and f[1] <= b and (a, b) != f[:2] for a, b, _c in unique.values())]
    return iter(sorted(kept, key=lambda f: f[0]))


_DATELINE_BEFORE = re.compile(r"\s*[A-Z][A-Z'’. -]{1,40},\s*(?:[A-Z][\w'’. -]{1,40},\s*)?$")  # "SANAA, "
_HELD_BY = re.compile(r"-(?:run|controlled|held|affiliated|backed|allied|aligned|linked|appointed|administered)\b", re.I)
# "the Saudi-led coalition", "US-led forces": the leading country's forces
_LED_BY = re.compile(r"-led\s+(?:[\w-]+\s+)?(?:coalition|forces|troops|alliance|operation|mission)\b", re.I)
_OWN_NAME_KINDS = frozenset({"rebels", "militia", "external"})  # a named group that is no country's own force
_POSSESSIVE = re.compile(r"['’]s\b", re.I)  # "Russia's troops": the name ends before the possessive
_POSSESSIVE_END = re.compile(r"['’]s$", re.I)
_POSSESSIVE_NAME = re.compile(r"['’]s\s+[A-Z][a-z]")  # "Ukraine's Donetsk": the country owns a proper name


def is_all_caps(text: str, *, sample: int = 2000) -> bool:
    """Wire copy set in capitals ("THE SALVADORAN ARMY"): names are matched regardless of case."""
    letters = [c for c in text[:sample] if c.isalpha()]
    return len(letters) > 20 and sum(c.isupper() for c in letters) > 0.8 * len(letters)


_STANCE_PREFIX = re.compile(r"\b(?:pro|anti)-$", re.I)


def _glued(ch: str) -> bool:
    return ch.isalnum() or ch in "-'’"


def _country_candidates(lex: ActorLexicon, text: str) -> Iterator[tuple[ActorMention, str]]:
    caps = is_all_caps(text)
    for start, end, c in _country_mentions(lex, text):
        led = _LED_BY.match(text, end)
        if led is not None:
            name = f"Military Forces of {c.name}"
            yield ActorMention(start, led.end(), text[start : led.end()], name, INTER_STATE, c.name, "military"), "qualified"
            continue
        after = lex.after_country_rx.match(text, end)
        if after is not None:
            role = lex.role_for(after.group("r"))
            if role is not None:
                yield _mention(text, start, after.end(), role, c), "qualified"
        lo = max(0, start - _OF_WINDOW)
        before = lex.before_country_rx.search(text[lo:start])
        if before is not None:
            role = lex.role_for(before.group("r"))
            if role is not None:
                trail = _TRAILING_FORCE.match(text, end)
                yield _mention(text, lo + before.start(), trail.end() if trail else end, role, c), "of"
        if _DATELINE_BEFORE.match(text, text.rfind("\n", 0, start) + 1, start):
            continue  # "SANAA, Yemen (Reuters) -": where the report was filed from, no actor
        if _NAME_BEFORE.search(text[max(0, start - 25) : start]):
            continue  # "'New Armenia' initiative", "Radio Free Asia": a country inside a proper name
        if after is None and _POSSESSIVE_NAME.match(text, end) and not caps:
            continue  # "Ukraine's Donetsk", "Syria's Idlib province": a place of the country, no actor
        yield ActorMention(start, end, text[start:end], f"Military Forces of {c.name}", INTER_STATE, c.name, "country"), "country"


def _mention(text: str, start: int, end: int, role: Role, country: Country | None) -> ActorMention:
    name = role.template.format(country=country.name) if country else role.template
    return ActorMention(start, end, text[start:end], name, role.inter, country.name if country else None, role.kind,
                        role.kind == "border")


def find_actors(text: str, lex: ActorLexicon | None = None) -> list[ActorMention]:
    """Actor mentions in ``text``, non-overlapping, in text order."""
    lex = lex or load_lexicon()
    cands: list[tuple[ActorMention, str]] = []
    starts = lex.index.starts(text)
    caps = is_all_caps(text)
    for i, (rx, name, inter, country, kind) in enumerate(lex.named):
        rx = lex.named_upper[i] if caps else rx
        for m in match_at(rx, text, starts.get(i, ()), always=i in lex.index.always):
            if _STANCE_PREFIX.search(text, max(0, m.start() - 5), m.start()):
                continue  # "the pro-Maoist Shining Path", "anti-ELN militias": an attitude, not the group
            if _HELD_BY.match(text, m.end()):
                continue  # "the Houthi-run health ministry", "Hamas-controlled Gaza": who runs a thing, no act
            cands.append((ActorMention(m.start(), m.end(), m.group(0), name, inter, country or None, kind), "named"))
    cands.extend((m, "named") for m in _community_pairs(text))
    cands.extend(_country_candidates(lex, text))
    named_at = [(m.start, m.end) for m, how in cands if how == "named"]
    # a lexicon name wins, unless it is the tail of a longer name ("the West Papua National Liberation Army"
    # is no "National Liberation Army" of Colombia)
    cands.extend((m, "written") for m in _groups_as_written(lex, text, caps)
                 if not any(a < m.end and m.start < b and not _longer_name(text, m.start, a, b, m.end)
                            for a, b in named_at))
    b = len(lex.named)
    for m in match_at(lex.bare_rx, text, starts.get(b, ()), always=b in lex.index.always):
        role = lex.role_for(m.group(0))
        if role is not None:
            cands.append((_mention(text, m.start(), m.end(), role, None), "bare"))
    # "Yemen's Houthi rebels", "Iraq's Kurdish Peshmerga forces": a country, a named group and a role
    # noun are the named group, not the country's generic rebels
    named_spans = [(m.start, m.end) for m, how in cands if how == "named" and m.kind in _OWN_NAME_KINDS]
    cands = [
        (m, how)
        for m, how in cands
        if not (
            how in ("qualified", "of")
            and any(m.start <= a and b <= m.end and (a, b) != (m.start, m.end) for a, b in named_spans)
        )
        and not (how == "country" and any(m.end < a <= m.end + 4 for a, _ in named_spans))
    ]
    cands.sort(key=lambda c: (-(c[0].end - c[0].start), -_STRENGTH[c[1]], c[0].start))
    kept: list[ActorMention] = []
    taken: list[tuple[int, int]] = []
    for mention, _how in cands:
        if any(s < mention.end and mention.start < e for s, e in taken):
            continue
        kept.append(mention)
        taken.append((mention.start, mention.end))
    kept.sort(key=lambda a: a.start)
    return _partisans(text, _members_of_named(text, _drop_descriptors(text, kept)))


# the people of a party: "PF cadres", "ZANU-PF youths", "supporters of the ruling Patriotic Front"
_PARTISAN_NOUN = (r"(?:supporters?|members?|cadres?|activists?|youths?|militants?|loyalists?|thugs|followers|militias?|"
                  r"militiamen|vigilantes|agents?|workers?|faithful|hooligans|partisans|youth wing(?: members)?|"
                  r"candidates?|councill?ors?|officials?|leaders?|politicians?|legislators?|lawmakers?|MPs?)")
_PARTISANS_AFTER = re.compile(rf"(?:['’]s)?\s+(?:(?:party|youth|student|women['’]s)\s+)?{_PARTISAN_NOUN}\b", re.I)
_PARTISANS_BEFORE = re.compile(
    rf"\b{_PARTISAN_NOUN}\s+(?:and\s+\w+\s+)?(?:(?:suspected|believed|said|thought)\s+to\s+be\s+)?"
    rf"(?:of|loyal\s+to|linked\s+to|allied\s+to|(?:affiliated|aligned)\s+(?:to|with))\s+(?:the\s+)?"
    rf"(?:(?:ruling|opposition|main|governing)\s+)?(?:party\s+)?$",
    re.I)


def _partisans(text: str, kept: list[ActorMention]) -> list[ActorMention]:
    """A party named with its people ("PF cadres", "supporters of the ruling Patriotic Front") is one
    mention of kind ``partisans``: a crowd of the party that can attack as its political militia.
    The party named alone ("the ANC said") stays a ``party``, no side in an event."""
    out = list(kept)
    changed = False
    for i, m in enumerate(kept):
        if m.kind != "party":
            continue
        start, end = m.start, m.end
        after = _PARTISANS_AFTER.match(text, m.end)
        before = _PARTISANS_BEFORE.search(text, max(0, m.start - 60), m.start)
        if after is not None:
            end = after.end()
        elif before is not None:
            start = before.start()
        else:
            continue
        out[i] = ActorMention(start, end, text[start:end], m.name, m.inter, m.country, "partisans", m.assoc)
        changed = True
    if not changed:
        return out
    spans = [(a.start, a.end) for a in out if a.kind == "partisans"]
    return [a for a in out if a.kind == "partisans" or not any(s <= a.start and a.end <= e for s, e in spans)]


# a word describing an armed group rather than naming it: "the leftist ELN", "the pro-Castroite army of ...",
# "MAOIST SHINING PATH GUERRILLAS" (the events stage reads past it in accusations)
GROUP_DESCRIPTOR = r"(?:[\w]+ists?|[\w]+ites?|pro-[\w-]+|(?:left|right)-wing|rebel|armed|outlawed|banned|separatist|paramilitary)"
_DESCRIPTOR = re.compile(GROUP_DESCRIPTOR, re.I)


def _drop_descriptors(text: str, kept: list[ActorMention]) -> list[ActorMention]:
    """An ideology the lexicon knows as a group ("Maoists") right before another named group only describes
    it: "MAOIST SHINING PATH GUERRILLAS", "the Maoist Popular Liberation Army (EPL)"."""
    out = []
    for i, m in enumerate(kept):
        nxt = kept[i + 1] if i + 1 < len(kept) else None
        if (nxt is not None and _is_named(m) and _is_named(nxt) and _DESCRIPTOR.fullmatch(m.text)
                and re.fullmatch(r"[\s\"'“‘]{1,3}", text[m.end : nxt.start])):
            continue
        out.append(m)
    return out


_MEMBER_KINDS = {"rebels", "unidentified", "militia", "military"}
# a verb or a count between them ends the name's phrase: "the ... Liberation Army killed six soldiers"
_NOT_MODIFIER = (r"against|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|some|many|"
                 r"dozens|scores|hundreds|(?!armed\b|suspected\b|alleged\b)[^\W\d_]+ed")
_MODIFIERS = re.compile(rf"(?:\s+(?!(?:{_FILLER_STOP}|{_NOT_MODIFIER})\b)[^\W\d_]+){{0,2}}\s+", re.I)


def _members_of_named(text: str, kept: list[ActorMention]) -> list[ActorMention]:
    """A named group before an armed role noun is that group's members: "FMLN urban guerrillas",
    "Hamas militants", "ELN rebels" are one mention of the named group."""
    out: list[ActorMention] = []
    for m in kept:
        prev = out[-1] if out else None
        if (
            prev is not None
            and _is_named(prev)
            and m.kind in _MEMBER_KINDS
            and m.country is None
            and "{country}" in m.name
            and _gap_of_modifiers(text[prev.end : m.start])
        ):
            out[-1] = ActorMention(prev.start, m.end, text[prev.start : m.end], prev.name, prev.inter,
                                   prev.country, prev.kind, prev.assoc)
            continue
        out.append(m)
    return _units_of_named(text, out)


# "urban cells of the FMLN", "guerrillas of the ELN", "rebels from the CPC": the group itself
_UNIT_OF = re.compile(
    r"\b(?:members?|fighters?|militants?|guerrillas?|rebels?|cells?|units?|commandos?|"
    r"columns?|cadres?|elements?|combatants?|gunmen|detachments?|squads?|militiamen|gangs?|gang members)\s+"
    r"(?:of|from)\s+(?:the\s+)?$",
    re.I,
)


def _units_of_named(text: str, kept: list[ActorMention]) -> list[ActorMention]:
    """A unit or members "of" a named group are that group: "URBAN CELLS OF THE FMLN ATTACKED" has the
    FMLN as its subject's group; a role mention inside the phrase ("guerrillas") goes."""
    out = list(kept)
    for i, m in enumerate(kept):
        if not _is_named(m):
            continue
        u = _UNIT_OF.search(text, max(0, m.start - 60), m.start)
        if u is None:
            continue
        out[i] = ActorMention(u.start(), m.end, text[u.start() : m.end], m.name, m.inter, m.country, m.kind, m.assoc)
    spans = [(a.start, a.end) for a in out if _is_named(a)]
    return [a for a in out if _is_named(a) or not any(s < a.end and a.start < e for s, e in spans)]


def _is_named(m: ActorMention) -> bool:
    """A mention of a named group (not a role template, not a country standing alone)."""
    return "{country}" not in m.name and m.kind not in ("country", None) and not m.name.startswith(
        ("Military Forces of", "Police Forces of", "Government of", "Civilians", "Protesters", "Rioters"))


def _gap_of_modifiers(gap: str) -> bool:
    """Only white space and at most two modifying words ("urban", "armed") between the two."""
    # "FARABUNDO MARTI NATIONAL LIBERATION FRONT (FMLN) GUERRILLAS": the acronym's closing bracket
    return _MODIFIERS.fullmatch(re.sub(r"^[)\]]", "", gap)) is not None


def name_spans(text: str, lex: ActorLexicon | None = None, *, countries: bool = True) -> list[tuple[int, int]]:
    """Spans of the proper names among ``text``'s actors: named groups and (with ``countries``)
    countries and demonyms ("SHINING PATH", "SALVADORAN"), never role nouns ("TROOPS")."""
    lex = lex or load_lexicon()
    caps = is_all_caps(text)
    starts = lex.index.starts(text)
    spans = [(s, e) for s, e, _c in _country_mentions(lex, text)] if countries else []
    for i, (rx, *_rest) in enumerate(lex.named):
        rx = lex.named_upper[i] if caps else rx
        spans.extend(m.span() for m in match_at(rx, text, starts.get(i, ()), always=i in lex.index.always))
    return spans


@Language.component("clashlog_actors", assigns=["doc._.actors"])
def actors_component(doc: Doc) -> Doc:
    doc._.actors = find_actors(doc.text)
    return doc
