"""Actor mentions -> normalized ACLED-style actors.

Three lexicons (all data, in ``lexicons/``):

* ``countries.tsv`` — every country's ACLED-style name, other names and demonyms;
* ``roles.tsv`` — role nouns ("troops", "police", "border guards", "protesters",
  "civilians", "gunmen") with the name template they produce;
* ``actors.tsv`` — named groups ("KIA", "Al Shabaab", "FMLN", "Tatmadaw") with
  their ACLED names and inter codes.

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
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..model import ActorMention
from .triggers import read_tsv

# a word that may sit between a demonym and its role noun ("Armenian *military* units")
_FILLER = r"(?:(?!(?:and|or|of|the|to|in|on|at|by|with|from|for|that|who|which|as)\b)[A-Za-z][\w-]*\s+)"
_POSS = r"(?:'s|’s|')?"

INTER_STATE = 1
INTER_EXTERNAL = 8

# strength of each kind of candidate when spans overlap equally
_STRENGTH = {"named": 4, "of": 3, "qualified": 3, "bare": 1, "country": 0}


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
    named: list[tuple[re.Pattern[str], str, int, str, str]]
    roles: list[tuple[str, Role, bool]]  # (pattern, role, may stand bare)
    qualified_rx: re.Pattern[str]
    of_rx: re.Pattern[str]
    bare_rx: re.Pattern[str]
    country_rx: re.Pattern[str]
    role_rxs: list[tuple[re.Pattern[str], Role]]

    def country(self, text: str | None) -> Country | None:
        """The Country a name, alias, demonym or ISO3 code stands for."""
        if not text:
            return None
        c = self.countries.get(text) or self.by_name.get(text.lower())
        if c is None:
            c = self.countries.get(text.strip().title())
        return c

    def role_for(self, text: str) -> Role | None:
        for rx, role in self.role_rxs:
            if rx.fullmatch(text.strip()):
                return role
        return None


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


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
        # a named group may be glued to a place by a hyphen ("PDF-Bago", "village-Myanmar military")
        rx = re.compile(r"(?<!\w)(?:" + pattern + r")(?![\w])", flags)
        named.append((rx, name, int(inter or 0), country, kind))
    roles: list[tuple[str, Role, bool]] = []
    role_rxs = []
    for row in read_tsv("roles.tsv"):
        pattern, kind, template, inter, bare = (row + [""] * 5)[:5]
        role = Role(kind, template, int(inter or 0))
        roles.append((pattern, role, bare.strip() == "yes"))
        role_rxs.append((re.compile(r"(?:the\s+|a\s+|an\s+)?(?:" + pattern + r")", re.I), role))
    all_roles = "|".join(f"(?:{p})" for p, _, _ in roles)
    bare_roles = "|".join(f"(?:{p})" for p, _, b in roles if b)
    names = [w for w in countries if len(w) > 1]
    cty = _alternation(names)
    qualified = rf"(?<![\w-])(?P<c>{cty}){_POSS}\s+{_FILLER}{{0,2}}?(?P<r>(?i:{all_roles}))(?![\w-])"
    of_form = (
        rf"(?<![\w-])(?P<r>(?i:{all_roles}))\s+of\s+(?:the\s+)?(?:(?i:republic)\s+of\s+)?"
        rf"(?P<c>{cty})(?:\s+(?i:armed forces|army|military))?(?![\w-])"
    )
    return ActorLexicon(
        countries=countries,
        by_name=by_name,
        named=named,
        roles=roles,
        qualified_rx=re.compile(qualified),
        of_rx=re.compile(of_form),
        bare_rx=re.compile(rf"(?<![\w-])(?i:{bare_roles})(?![\w-])"),
        country_rx=re.compile(rf"(?<![\w-])(?:{cty})(?![\w-])"),
        role_rxs=role_rxs,
    )


def resolve_name(mention: ActorMention, country: str | None) -> str:
    """The mention's normalized name, with ``country`` filling an open "{country}" slot."""
    if "{country}" not in mention.name:
        return mention.name
    if country:
        return mention.name.format(country=country)
    return mention.name.replace(" of {country}", "").replace(" ({country})", "")


def _candidate(lex: ActorLexicon, m: re.Match[str], how: str) -> tuple[ActorMention, str] | None:
    if how == "country":
        c = lex.country(m.group(0))
        if c is None:
            return None
        return ActorMention(m.start(), m.end(), m.group(0), f"Military Forces of {c.name}", INTER_STATE, c.name, "country"), how
    role = lex.role_for(m.group("r")) if how in ("of", "qualified") else lex.role_for(m.group(0))
    if role is None:
        return None
    country = lex.country(m.group("c")) if how in ("of", "qualified") else None
    name = role.template.format(country=country.name) if country else role.template
    assoc = role.kind == "border"
    return (
        ActorMention(m.start(), m.end(), m.group(0), name, role.inter, country.name if country else None, role.kind, assoc),
        how,
    )


def find_actors(text: str, lex: ActorLexicon | None = None) -> list[ActorMention]:
    """Actor mentions in ``text``, non-overlapping, in text order."""
    lex = lex or load_lexicon()
    cands: list[tuple[ActorMention, str]] = []
    for rx, name, inter, country, kind in lex.named:
        for m in rx.finditer(text):
            cands.append((ActorMention(m.start(), m.end(), m.group(0), name, inter, country or None, kind), "named"))
    for how, rx in (("qualified", lex.qualified_rx), ("of", lex.of_rx), ("bare", lex.bare_rx), ("country", lex.country_rx)):
        for m in rx.finditer(text):
            c = _candidate(lex, m, how)
            if c is not None:
                cands.append(c)
    cands.sort(key=lambda c: (-(c[0].end - c[0].start), -_STRENGTH[c[1]], c[0].start))
    kept: list[ActorMention] = []
    taken: list[tuple[int, int]] = []
    for mention, _how in cands:
        if any(s < mention.end and mention.start < e for s, e in taken):
            continue
        kept.append(mention)
        taken.append((mention.start, mention.end))
    kept.sort(key=lambda a: a.start)
    return kept


@Language.component("clashlog_actors", assigns=["doc._.actors"])
def actors_component(doc: Doc) -> Doc:
    doc._.actors = find_actors(doc.text)
    return doc
