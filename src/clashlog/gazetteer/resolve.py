"""Choose the right place for each name, using the whole article as context.

Each candidate gets a score, in log-odds-like points (the weights are named
below so they can be read and tuned):

* **priors**: the feature type (a country name is usually the country, a name
  that is also an admin1 unit is usually that unit) and log10(population);
  a name that only matched an alternate spelling pays a small penalty;
* **cues** written next to the name: "Kalbajar district / region / direction"
  → the admin unit; "the town / village of X" → the populated place;
* **country context**: countries named in the article, and the countries the
  other names of the article point to (a vote weighted by each name's priors;
  each distinct name votes once however often it is repeated, and a name's own
  vote is left out when it is scored: "Georgia" x4 beside "Atlanta" is the state);
  a name is never resolved into a country the text does not concern when a
  same-named place exists in one it does; the home countries of the armed groups
  the text names ("SPLA-IO" -> South Sudan) and of a national outlet count as named;
  a small place far from every named country, in a country no other name points
  to, gives way to a same-named small place near them or, with none, is no place
  the gazetteer holds ("Mesel" in a Sudanese report is not Messel, Hesse);
* **qualifiers**: "Kolagir, Tavush" / "Paletwa (Paletwa Township, Chin State)":
  a place followed by its admin region or country is looked up inside it; a name
  the gazetteer lacks there is placed by its qualifier (near precision), a small
  place none of whose readings lies by the large city written after it is a part
  of that city ("Wentworth, Durban"), and an admin unit abroad gives way to a
  qualifier unit of the article's countries;
* **coherence**: other names of the article that *could* lie within 100 km of
  the candidate (any plausible reading of theirs, before anything is chosen:
  "Athens" beside "Henderson County" -> the Texas pair), up to two names;
* **proximity** to the other places of the article (second pass; an index of the
  resolved places sorted by latitude keeps this near-linear, and a name repeated
  with the same context is scored once);
* **local admin1**: a same-named place in the admin1 unit where the article's
  unambiguous towns lie ("Dublin" beside Gahanna and Pickerington -> Dublin, Ohio).

`resolution_reason` spells out which of these decided.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from ..evaluate.metrics import haversine_km
from ..model import Place
from .nearby import AnchorIndex, CandidateIndex
from .store import Entry, Gazetteer

# ---- weights (points)
FEATURE_PRIOR = {
    "country": 9.0, "continent": 9.0, "region": 9.0, "admin1": 1.5, "admin2": -1.0, "populated place": 0.0,
}  # admin2 below the town: a bare "Richmond" / "Oxford" is rarely the county (a "county" cue adds ADMIN_CUE_BONUS)
FLAT_PRIOR = {"country", "continent", "region"}  # no population term: a country is a country
CAPITAL_BONUS = 2.5  # a national capital ("Washington" is the capital before the state)
POPULATION_WEIGHT = 1.0  # per decade of population
MINOR_PLACE_POPULATION = 100_000
CITY_QUALIFIER_MIN_POPULATION = 100_000  # "X, Durban": a city this large has suburbs of its own
CITY_PART_KM = 50.0  # a reading of X this close to the city is that place, not an unknown suburb
FOREIGN_KM = 1500.0  # country points farther apart than this: not neighbours  # "keep inside the article's countries" overrides only places below this
ALTERNATE_PENALTY = 2.5  # the name only matched an alternate spelling
ADMIN_CUE_BONUS = 6.0  # "X district/region/direction" -> admin unit
ADMIN_CUE_PLACE_PENALTY = 1.0
TOWN_CUE_BONUS = 5.0  # "the town/village of X" -> populated place
COUNTRY_NAMED_BONUS = 3.0  # the candidate's country is named in the article
COUNTRY_VOTE_WEIGHT = 2.5  # times the share of the article's names pointing to the country
ADMIN1_NAMED_BONUS = 2.0
LIST_FEATURE_BONUS = 3.0  # a name listed with states is a state ("Ohio, Connecticut and New York")
ADMIN1_VOTE_WEIGHT = 4.0  # times the share of the article's names pointing into the same admin1 unit  # the candidate lies in an admin1 unit named in the article
QUALIFIER_BONUS = 8.0  # "X, Tavush" / "X (Y Township, Chin State)"
# an admin unit named like a town inside it ("Goris", "Kharkiv") means the town unless a cue says otherwise
SEAT_PENALTY = 6.0
SEAT_SHARE = 0.2  # ... when the town holds at least this share of the unit's population
DEMONYM_BONUS = 2.5  # the candidate's country is named by a demonym ("Lebanese troops")
NEAR_KM, NEAR_BONUS = 100.0, 3.5  # another place of the article within 100 km
REGION_KM, REGION_BONUS = 400.0, 1.2
MAX_CANDIDATES = 80
EXACT_AREA_NAME_BONUS = 3.0  # the text is exactly a country's / admin1 unit's own name
# second pass: the admin1 units the article's unambiguous towns (one candidate) lie in; a
# same-named place inside one of them is the local one ("Dublin" in an article naming
# "Hilliard" and "Worthington", Ohio) — per distinct supporting name, up to two
LOCAL_A1_BONUS = 2.5
LOCAL_A1_MAX_NAMES = 2
# candidate coherence (both passes): per other distinct name with a plausible reading (its prior at most
# COHERENCE_MAX_GAP below that name's best: two decades of population) within COHERENCE_KM, up to two names
COHERENCE_KM, COHERENCE_BONUS, COHERENCE_MAX_NAMES = 100.0, 1.0, 2
COHERENCE_MAX_GAP = 2.0
COHERENCE_FEATURES = {"populated place", "admin2"}

ADMIN_FEATURES = {"admin1", "admin2"}
AREA_FEATURES = {"country", "continent", "region", "admin1", "admin2"}
# a unit named by a compass word ("Eastern", "the Northern Region", "Central") describes a part of
# whatever country the text is about
COMPASS = (r"(?:(?:north|south)(?:[ -]?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central|middle|"
            r"upper|lower|coast(?:al)?|capital)")
_DESCRIPTIVE = re.compile(
    rf"^(?:the )?{COMPASS}(?: and {COMPASS})?(?: (?:region|province|state|district|department|zone)s?)?$"
)
ADMIN_CUES = {"district", "region", "rayon", "raion", "province", "oblast", "township", "county",
              "governorate", "direction", "directions", "districts", "regions", "area", "marz", "prefecture",
              "state", "municipality", "division", "parish", "regency", "regencies",
              # a list's trailing cue in the plural: "over Kharkiv, Sumy and Poltava oblasts"
              "provinces", "oblasts", "rayons", "raions", "townships", "counties", "governorates", "prefectures",
              "states", "municipalities"}
# a qualifier written with one of these is an admin unit ("..., SAN MARTIN DEPARTMENT"); "department"
# is not an ADMIN_CUE of the name itself ("the Ohio Department of Health" names no unit)
QUALIFIER_ADMIN_CUES = ADMIN_CUES | {"department", "departments"}
TOWN_CUES = {"town", "village", "city", "settlement", "township_town", "hamlet", "capital"}
NEAR_CUES = {"near", "outskirts", "close", "vicinity", "around", "outside", "nearby", "neighborhood", "suburb"}


@dataclass
class MentionInput:
    """What the resolver needs to know about one mention."""

    start: int
    end: int
    text: str
    key: str  # folded lookup key
    candidates: list[tuple[int, bool]]  # (gazetteer index, matched an alternate name)
    cue: str | None = None
    qualifiers: list[int] = field(default_factory=list)  # indices of mentions qualifying this one
    listed_with: list[int] = field(default_factory=list)  # "Ohio, Connecticut and New York": list neighbours
    # named as a part of its qualifier: "the San Jose neighborhood in the western section of San Salvador"
    part_of: bool = False
    # the first qualifier is written as what holds it ("Palma in northern Mozambique", "Taji, Iraq"), not
    # after "of" ("the Bank of Canada", "the Nice of Russia")
    held_by_qualifier: bool = False
    # the first qualifier follows "in" ("Melikgyugh village in Yerevan"), not a comma or a parenthesis
    in_qualifier: bool = False
    # a country named with a possessive right before it: "Colombia's Catatumbo region"
    owner: int | None = None


@dataclass
class Resolution:
    entry: Entry
    score: float
    reason: str
    geo_precision: int


def _prior(e: Entry, alt: bool) -> float:
    s = FEATURE_PRIOR.get(e.feature, 0.0)
    if e.feature not in FLAT_PRIOR:
        s += POPULATION_WEIGHT * math.log10(e.population + 1)
    if alt:
        s -= ALTERNATE_PENALTY
    if e.capital:
        s += CAPITAL_BONUS
    return s


def _cue_score(e: Entry, cue: str | None) -> float:
    if not cue:
        return 0.0
    if cue in ADMIN_CUES:
        if e.feature in ADMIN_FEATURES or e.feature == "region":
            return ADMIN_CUE_BONUS
        return -ADMIN_CUE_PLACE_PENALTY
    if cue in TOWN_CUES:
        return TOWN_CUE_BONUS if e.feature == "populated place" else -TOWN_CUE_BONUS
    return 0.0


def _qualifies(inner: Entry, outer: Entry) -> bool:
    """``outer`` (an admin unit or country) contains ``inner``."""
    if inner.idx == outer.idx:
        return False
    if outer.feature == "country":
        return inner.cc == outer.cc and inner.feature != "country"
    if outer.feature == "admin1":
        return inner.cc == outer.cc and (inner.a1key == outer.a1key or inner.admin1 == outer.name)
    if outer.feature == "admin2":
        return inner.cc == outer.cc and inner.admin2 == outer.name
    if outer.feature == "region":
        return inner.cc == outer.cc and haversine_km(inner.lat, inner.lon, outer.lat, outer.lon) < 150
    return False


def resolve_mentions(gaz: Gazetteer, mentions: list[MentionInput], *, demonym_cc: set[str] | None = None,
                     filed_cc: str | None = None, group_cc: set[str] | None = None,
                     outlet_cc: str | None = None) -> list[Resolution | None]:
    """The chosen place for each mention (None when it has no candidate).

    ``demonym_cc``: countries the article names by demonym ("Lebanese" -> LB).
    ``filed_cc``: the country of the wire dateline the story was filed from ("LA PAZ, 12 JAN 90 --"),
    which counts like a demonym: the story concerns that country unless its text says otherwise.
    ``group_cc``: the home countries of the armed groups and parties the article names ("SPLA-IO"
    -> SS), and ``outlet_cc`` a national outlet's country ("Radio Dabanga" -> SD): both count like
    a demonym too.
    """
    demonym_cc = set(demonym_cc or ())
    group_cc = set(group_cc or ()) - demonym_cc
    demonym_cc |= group_cc
    if outlet_cc and outlet_cc not in demonym_cc:
        demonym_cc.add(outlet_cc)
    else:
        outlet_cc = None  # named otherwise already: the reason says how
    if filed_cc:
        demonym_cc.add(filed_cc)
    cands: list[list[tuple[Entry, bool]]] = []
    for m in mentions:
        seen: dict[int, bool] = {}
        for idx, alt in m.candidates[:MAX_CANDIDATES]:
            seen[idx] = min(seen.get(idx, True), alt)
        cands.append([(gaz.entry(i), alt) for i, alt in sorted(seen.items())])

    # ---- article context from priors: named countries, country votes, named admin1 units
    named_cc: set[str] = set()
    named_a1: set[str] = set()
    named_by: dict[str, set[str]] = defaultdict(set)  # who named it: a name gives no support to itself
    # each distinct name (folded key) votes once, with the mean of its mentions' votes
    key_votes: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    key_a1_votes: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    key_n: dict[str, int] = defaultdict(int)
    for m, cl in zip(mentions, cands, strict=True):
        if not cl:
            continue
        scored = [(_prior(e, alt) + _cue_score(e, m.cue), e) for e, alt in cl]
        top = max(s for s, _ in scored)
        best = max(scored, key=lambda t: t[0])[1]
        if best.feature == "country":
            named_cc.add(best.cc)
            named_by[best.cc].add(m.key)
        elif best.feature == "admin1":
            named_a1.add(best.a1key)
            named_by["a1:" + best.a1key].add(m.key)
        weights: dict[str, float] = defaultdict(float)
        a1_weights: dict[str, float] = defaultdict(float)
        for s, e in scored:
            w = math.exp(min(0.0, s - top))
            if e.cc:
                weights[e.cc] += w
            if e.a1key and e.feature != "country":
                a1_weights[e.a1key] += w
        key_n[m.key] += 1
        total = sum(weights.values()) or 1.0
        for cc, w in weights.items():
            key_votes[m.key][cc] += w / total
        a1_total = sum(a1_weights.values()) or 1.0
        for a1, w in a1_weights.items():
            key_a1_votes[m.key][a1] += w / a1_total
    votes: dict[str, float] = defaultdict(float)
    a1_votes: dict[str, float] = defaultdict(float)
    for per_key, summed in ((key_votes, votes), (key_a1_votes, a1_votes)):
        for k, kv in per_key.items():
            for code in kv:
                kv[code] /= key_n[k]
                summed[code] += kv[code]
    vote_total = sum(votes.values()) or 1.0
    share = {cc: v / vote_total for cc, v in votes.items()}
    others_memo: dict[str, tuple[dict[str, float], dict[str, float]]] = {}

    def others_share(key: str) -> tuple[dict[str, float], dict[str, float]]:
        """Country and admin1 shares of the article's *other* names: a name gives no support to itself."""
        got = others_memo.get(key)
        if got is None:
            own, own_a1 = key_votes.get(key, {}), key_a1_votes.get(key, {})
            rest = vote_total - sum(own.values())
            got = ({}, {}) if rest <= 1e-9 else (
                {cc: (v - own.get(cc, 0.0)) / rest for cc, v in votes.items()},
                {a1: (v - own_a1.get(a1, 0.0)) / rest for a1, v in a1_votes.items()})
            others_memo[key] = got
        return got

    coherence = coherence_index(mentions, cands)

    def score(i: int, e: Entry, alt: bool, anchors: list[Entry | None], near: AnchorIndex
              ) -> tuple[float, list[str]]:
        m = mentions[i]
        why = []
        s = _prior(e, alt)
        # "Gaza": a city abroad as large as the province of that name is as likely as the province
        rival_city = e.feature == "admin1" and any(
            o.feature == "populated place" and o.cc != e.cc and o.population >= e.population
            and o.name.lower() == m.text.lower() for o, _a in cands[i])
        if rival_city and m.cue not in ADMIN_CUES:
            s -= FEATURE_PRIOR["admin1"]
        c = _cue_score(e, m.cue)
        if c:
            s += c
            why.append(f"cue '{m.cue}'")
        seat = e.feature in ADMIN_FEATURES and m.cue not in ADMIN_CUES and any(
            o.feature == "populated place" and o.population >= SEAT_SHARE * e.population and _qualifies(o, e)
            for o, _ in cands[i]
        )
        if e.feature in ("country", "admin1") and not alt and e.name.lower() == m.text.lower() \
                and m.cue not in TOWN_CUES and not seat and not rival_city and not any(
                    o.capital and o.feature == "populated place" and o.name.lower() == m.text.lower()
                    for o, _a in cands[i]):
            # "Mexico" written as the country's own name is the country, not Mexico City's alias
            # (but a national capital of the same name keeps its chance: "Washington", and so does a city
            # abroad as large as the unit: "Gaza" is not Mozambique's province first)
            s += EXACT_AREA_NAME_BONUS
        if e.cc in named_cc and (e.feature == "country" or named_by[e.cc] - {m.key}):
            # the named country itself keeps the bonus its towns get ("Mexico" stays the country);
            # a town gets it only when another name named its country ("Mexico" -> Mexico City: no)
            s += COUNTRY_NAMED_BONUS
            if e.feature != "country":
                why.append(f"{e.cc} named in the article")
        o_share, o_a1_share = others_share(m.key)
        s += COUNTRY_VOTE_WEIGHT * o_share.get(e.cc, 0.0)
        if e.cc in demonym_cc and e.cc not in named_cc and e.feature != "country":
            s += DEMONYM_BONUS
            why.append(f"the story was filed from {e.cc}" if e.cc == filed_cc
                       else f"a group of {e.cc} named" if e.cc in group_cc
                       else f"an outlet of {e.cc}" if e.cc == outlet_cc else f"{e.cc} named by a demonym")
        if e.a1key and e.feature != "country":
            # the other names of the article point to this admin1 unit (local news: "Dublin", Georgia)
            s += ADMIN1_VOTE_WEIGHT * o_a1_share.get(e.a1key, 0.0)
        if e.feature != "admin1" and e.a1key and e.a1key in named_a1 and named_by["a1:" + e.a1key] - {m.key}:
            # "Alexandria" naming the governorate is no support for Alexandria the city
            s += ADMIN1_NAMED_BONUS
            why.append(f"in {e.admin1}, named in the article")
        if e.feature not in ("admin1", "country", "continent") and e.a1key in local_a1:
            support = len(local_a1[e.a1key] - {m.key})
            if support:
                s += LOCAL_A1_BONUS * min(support, LOCAL_A1_MAX_NAMES)
                why.append(f"in {e.admin1 or e.a1key} with {support} unambiguous place(s) of the article")
        if e.feature in COHERENCE_FEATURES:
            support = coherence.support(e, m.key)
            if support:
                s += COHERENCE_BONUS * min(support, COHERENCE_MAX_NAMES)
                why.append(f"{support} other name(s) of the article can lie within {COHERENCE_KM:.0f} km")
        if seat:
            s -= SEAT_PENALTY
            why.append("admin unit named like its town: town preferred without a cue")
        if e.feature == "admin2" and m.cue not in ADMIN_CUES and e.admin1 and e.name == e.admin1:
            # New York County inside New York: the bare name means the state (or the city)
            s -= SEAT_PENALTY
            why.append("county named like its state: the state preferred without a cue")
        if any(anchors[j] is not None and anchors[j].feature == e.feature for j in m.listed_with) \
                and e.feature != "populated place":
            s += LIST_FEATURE_BONUS
            why.append(f"listed with other {e.feature} names")
        for q in m.qualifiers:
            if mentions[q].key == m.key or e.feature in ("country", "continent"):
                continue
            if any(_qualifies(e, qe) for qe, _ in cands[q]):
                s += QUALIFIER_BONUS
                why.append(f"qualified by '{mentions[q].text}'")
                break
        if e.feature not in AREA_FEATURES or e.feature == "admin2":
            best_km = near.nearest_km(e.lat, e.lon, m.key, e.idx)
            if best_km is not None and best_km < NEAR_KM:
                s += NEAR_BONUS
                why.append(f"{best_km:.0f} km from another place in the article")
            elif best_km is not None and best_km < REGION_KM:
                s += REGION_BONUS
        return s, why

    anchors: list[Entry | None] = [None] * len(mentions)
    results: list[Resolution | None] = [None] * len(mentions)
    for _pass in range(2):
        new_anchors: list[Entry | None] = [None] * len(mentions)
        near = AnchorIndex(
            ((a, mentions[j].key) for j, a in enumerate(anchors) if a is not None),
            radius_km=REGION_KM,
            stop_below_km=NEAR_KM,  # the bonus is the same below NEAR_KM
        )
        local_a1: dict[str, set[str]] = defaultdict(set)
        for j, a in enumerate(anchors):
            if a is None or not a.a1key or a.feature in ("country", "continent", "region"):
                continue
            # a named state/province counts already (ADMIN1_NAMED_BONUS): towns with one candidate only
            if a.feature != "admin1" and len(cands[j]) == 1:
                local_a1[a.a1key].add(mentions[j].key)
        # a name repeated with the same cue, qualifiers and list neighbours scores the same every time
        # (proximity ignores the name's own mentions): score it once
        memo: dict[tuple, list] = {}
        for i, cl in enumerate(cands):
            if not cl:
                results[i] = _from_qualifier(mentions, cands, i)
                continue
            m = mentions[i]
            memo_key = (m.key, m.cue, tuple(idx for idx, _alt in m.candidates[:MAX_CANDIDATES]),
                        tuple(mentions[q].key for q in m.qualifiers),
                        tuple(anchors[j].feature if anchors[j] is not None else None for j in m.listed_with))
            scored = memo.get(memo_key)
            if scored is None:
                scored = []
                for e, alt in cl:
                    s, why = score(i, e, alt, anchors, near)
                    scored.append((s, e, alt, why))
                scored.sort(key=lambda t: -t[0])
                memo[memo_key] = scored
            s, best, alt, why = scored[0]
            if alt:
                # "Abuja" is the capital's own name, and only an old name of Suleja: a national capital whose
                # own name it is keeps it within its country, however near the article's other places the
                # other one lies
                capital = next((t for t in scored if t[1].capital and not t[2] and t[1].feature == "populated place"
                                and t[1].cc == best.cc), None)  # of the same country ("Berlin", Eastern Cape stays)
                if capital is not None:
                    s, best, alt, why = capital
                    why = [*why, "the national capital of that name"]
            owner = mentions[i].owner
            owner_cc = {e.cc: e for e, _alt in cands[owner] if e.feature == "country"} if owner is not None else {}
            if owner_cc and best.cc and best.cc not in owner_cc and best.feature not in ("country", "continent", "region"):
                # "Colombia's Catatumbo region": inside Colombia, or a region of it the gazetteer lacks
                inside = [t for t in scored if t[1].cc in owner_cc]
                if inside:
                    s, best, alt, why = inside[0]
                    why = [*why, f"in '{mentions[owner].text}', named before it"]
                else:
                    country = next(iter(owner_cc.values()))
                    results[i] = Resolution(country, 0.0, f"'{mentions[i].text}' is not in the gazetteer inside "
                                            f"'{mentions[owner].text}': located by its country -> {country.name} "
                                            f"(country, {country.cc})", 3)
                    new_anchors[i] = None
                    continue
            # the countries the article concerns
            concerned = (named_cc | demonym_cc) or {cc for cc, v in share.items() if v >= 0.25}
            if mentions[i].part_of and best.feature == "populated place":
                # "the San Jose neighborhood in the western section of San Salvador": a part of that city,
                # never a big city elsewhere
                part = _part_of_city(mentions, cands, i, concerned)
                if part is not None:
                    results[i] = part
                    new_anchors[i] = part.entry
                    continue
            if mentions[i].qualifiers and not any("qualified by" in w for w in why):
                fallback = _from_qualifier(mentions, cands, i, countries=concerned)
                # a place of the article's own countries is not moved abroad by its "qualifier": in a
                # list ("MORAZAN, USULUTAN, METAPAN, SAN MIGUEL") the next name qualifies nothing
                if fallback is not None and best.cc in concerned and fallback.entry.cc not in concerned:
                    fallback = None
                # "Kutkai Township (Muse District, Shan North)": the town of that name in the same state
                # as the qualifier is the township's seat, closer than the qualifier's own point
                if fallback is not None and best.feature == "populated place" and best.a1key \
                        and (best.cc, best.a1key) == (fallback.entry.cc, fallback.entry.a1key) \
                        and fallback.entry.feature != "admin1":
                    fallback = None
                admin_qualified = any(mentions[q].cue in QUALIFIER_ADMIN_CUES for q in mentions[i].qualifiers)
                # "Palma in northern Mozambique": a town is in the country written after it, however
                # large a town of that name is elsewhere
                qual_countries = {e.cc for e, _a in cands[mentions[i].qualifiers[0]] if e.feature == "country"} \
                    if mentions[i].held_by_qualifier else set()
                if fallback is not None and (
                        (best.feature == "populated place"
                         and (best.population < MINOR_PLACE_POPULATION or admin_qualified
                              or (qual_countries and best.cc not in qual_countries)))
                        # "MARISCAL CACERES PROVINCE, SAN MARTIN DEPARTMENT" in a report from Lima: not
                        # the Spanish province of Caceres but a unit of the Peruvian department
                        or (best.feature in ADMIN_FEATURES and admin_qualified and best.cc not in concerned
                            and fallback.entry.cc in concerned)):
                    # a small same-named place elsewhere, or a qualifier written as an admin unit
                    # ("Kani in Sagaing Region"): the qualifier places it better; a big city
                    # before a bare name is a list ("Copenhagen, Hamburg"), not a place inside it
                    results[i] = fallback
                    new_anchors[i] = fallback.entry
                    continue
                if fallback is None and best.feature == "populated place" and best.population < MINOR_PLACE_POPULATION:
                    part = _part_of_city(mentions, cands, i, concerned)
                    if part is not None:  # "Wentworth, Durban", "Chalala area of Lusaka"
                        results[i] = part
                        new_anchors[i] = part.entry
                        continue
            # never leave the article's countries for a same-named place elsewhere
            if best.cc not in concerned and best.feature not in ("country", "continent") \
                    and best.population < MINOR_PLACE_POPULATION:
                # never for a reading reached only by an alternate spelling when the name itself matched
                # ("Franklin" is no old name of a French village in a New Orleans story)
                inside = [t for t in scored if t[1].cc in concerned and (alt or not t[2])]
                if inside:
                    s, best, alt, why = inside[0]
                    why = [*why, "kept inside the countries the article concerns"]
            stated = named_cc | demonym_cc
            if best.cc not in concerned and best.feature in ("admin1", "admin2") and stated \
                    and mentions[i].cue not in ADMIN_CUES and _far_from(gaz, best.cc, stated):
                # "an interceptor missile in Acre" in a report about Israel and Lebanon: the Israeli town,
                # not the Brazilian state, when no admin word calls it a unit
                others = others_share(mentions[i].key)[0]  # named by other words than this one ("Georgia")
                inside = [t for t in scored if t[1].cc in stated and others.get(t[1].cc, 0.0) > 0.0
                          and t[1].population >= MINOR_PLACE_POPULATION // 10]  # a town, not "England", Arkansas
                if inside:
                    s, best, alt, why = inside[0]
                    why = [*why, "kept inside the countries the article names"]
            if best.cc not in concerned and best.feature == "populated place" \
                    and best.population < MINOR_PLACE_POPULATION and stated \
                    and others_share(mentions[i].key)[0].get(best.cc, 0.0) < 1e-9 and _far_from(gaz, best.cc, stated):
                # a small place far from every country the text names, in a country no other name of
                # the text points to: a same-named small place next door is likelier ("Kwale" beside
                # al-Shabaab is in Kenya, not Nigeria); with none, the name is no place the gazetteer
                # holds ("Mesel" in a Sudanese report is not Messel, Hesse)
                nearer = [t for t in scored if t[1].cc and not _far_from(gaz, t[1].cc, stated)
                          and t[1].feature == "populated place" and t[1].population < MINOR_PLACE_POPULATION]
                if any(a is not None and a.feature not in ("country", "continent") and j != i
                       for j, a in enumerate(anchors)):
                    # next door to the countries named, but within REGION_KM of none of the article's places
                    # ("the Bagan area" of a report about Kurram district is no Bagan in Qinghai)
                    nearer = [t for t in nearer
                              if (near.nearest_km(t[1].lat, t[1].lon, mentions[i].key, t[1].idx) or 1e9) <= REGION_KM]
                if not nearer:
                    results[i] = None
                    continue
                s, best, alt, why = nearer[0]
                why = [*why, "the nearest reading to the countries the article names"]
            if (
                (alt and best.feature == "populated place" and best.population < MINOR_PLACE_POPULATION)
                or (best.feature in ("admin1", "admin2") and _DESCRIPTIVE.match(mentions[i].key))
            ) and (named_cc | demonym_cc) and best.cc not in concerned \
                    and _far_from(gaz, best.cc, named_cc | demonym_cc):
                # a small foreign place reached only by an alternate spelling ("Veto" -> Wete,
                # Tanzania, in an article about Armenia) is more likely not a place at all, and a
                # foreign unit named by compass words ("the Eastern Region" -> Eastern, Uganda; "the
                # central and western region" -> Central and Western, Hong Kong, in an article
                # filed from San Salvador) is a region of the article's own country
                results[i] = None
                continue
            new_anchors[i] = best
            parts = [f"'{mentions[i].text}' -> {best.name} ({best.feature}, {best.cc or '-'})"]
            if alt:
                parts.append("alternate name")
            if len(cl) > 1:
                parts.append(f"best of {len(cl)} candidates")
                if best.population:
                    parts.append(f"population {best.population:,}")
            parts.extend(why)
            precision = 3 if best.feature in AREA_FEATURES else 1
            if precision == 1 and mentions[i].cue in NEAR_CUES:
                precision = 2
            results[i] = Resolution(best, s, "; ".join(parts), precision)
        anchors = new_anchors
    return _as_qualifier_resolved(mentions, results)


def _by_qualifier_precision(qualifier: Entry) -> int:
    """geo_precision of a name placed at its qualifier's point: 2 near a unit's, 3 at a country's (it says
    little of where the name lies)."""
    return 3 if qualifier.feature == "country" else 2


def _as_qualifier_resolved(mentions: list[MentionInput], results: list[Resolution | None]) -> list[Resolution | None]:
    """A name placed by its qualifier lies in the unit the qualifier itself resolved to: "El Salado
    in Bolivar province" in a report from Bogota is in Colombia's Bolivar department, not in the
    Colombian municipality of that name that `_from_qualifier` prefers for being finer."""
    for i, r in enumerate(results):
        if r is None or r.score != 0.0 or "located by its qualifier" not in r.reason:
            continue
        for q in mentions[i].qualifiers:
            if f"inside '{mentions[q].text}'" not in r.reason:
                continue  # only the qualifier that placed it
            own = results[q]
            if own is None or own.entry.feature not in AREA_FEATURES or own.entry.feature == "continent":
                break
            if own.entry.idx != r.entry.idx and "located by its qualifier" not in own.reason:
                results[i] = Resolution(own.entry, 0.0, f"'{mentions[i].text}' is not in the gazetteer inside "
                                        f"'{mentions[q].text}': located by its qualifier -> {own.entry.name} "
                                        f"({own.entry.feature}, {own.entry.cc})", _by_qualifier_precision(own.entry))
            break
    return results


def coherence_index(mentions: list[MentionInput], cands: list[list[tuple[Entry, bool]]]) -> CandidateIndex:
    """The plausible readings of every name, before anything is chosen (gazetteer/nearby.py).

    A reading counts only if its prior is at most COHERENCE_MAX_GAP below its name's best reading,
    so a hamlet sharing a big city's name ("Atlanta", Illinois) does not support its neighbours;
    each distinct name is given once.
    """
    readings: list[tuple[str, list[Entry]]] = []
    done: set[str] = set()
    for m, cl in zip(mentions, cands, strict=True):
        if not cl or m.key in done:
            continue
        done.add(m.key)
        scored = [(e, _prior(e, alt) + _cue_score(e, m.cue)) for e, alt in cl if e.feature in COHERENCE_FEATURES]
        if scored:
            top = max(p for _e, p in scored)
            readings.append((m.key, [e for e, p in scored if p >= top - COHERENCE_MAX_GAP]))
    return CandidateIndex(readings, radius_km=COHERENCE_KM)


def _far_from(gaz: Gazetteer, cc: str, others: set[str]) -> bool:
    """``cc`` borders none of ``others`` and is farther than FOREIGN_KM from each of them."""
    here = gaz.country_point(cc)
    if here is None or any(cc in gaz.neighbours(o) for o in others):
        return False
    for o in others:
        there = gaz.country_point(o)
        if there is None or haversine_km(here[0], here[1], there[0], there[1]) < FOREIGN_KM:
            return False
    return True


def _list_members(mentions: list[MentionInput], i: int) -> set[int]:
    """The mentions of the list holding mention ``i`` ("Morazan, Usulutan, Metapan"), ``i`` included."""
    seen, todo = {i}, [i]
    while todo:
        for j in mentions[todo.pop()].listed_with:
            if j not in seen:
                seen.add(j)
                todo.append(j)
    return seen


def _from_qualifier(mentions: list[MentionInput], cands: list[list[tuple[Entry, bool]]], i: int,
                    _seen: set[int] | None = None, *, countries: set[str] | None = None) -> Resolution | None:
    """A name the gazetteer lacks (or only has elsewhere), placed by its qualifier: "Kolagir, Tavush".

    A qualifier the gazetteer lacks too is placed by its own qualifier ("Si Hat village in Momauk
    township (Bhamo District, ...)"), and a name in a list shares the list's qualifier ("Myo Thit,
    Myo Haung and Si Hat villages in ..."; in a list of three or more, a comma before the next
    name is no qualifier unless that name has an admin cue word).  A qualifier's units in
    ``countries`` (the article's) come first: "San Miguel" is the Salvadoran department before the
    county in New Mexico.
    """
    seen = _seen if _seen is not None else set()
    seen.add(i)
    quals = mentions[i].qualifiers
    members = _list_members(mentions, i)
    if len(members) >= 3:  # "MORAZAN, USULUTAN, METAPAN": in a list the next name qualifies nothing,
        # unless it is written as an admin unit ("Namtu Township, Kyaukme District, Shan State")
        quals = [q for q in quals if q not in members or mentions[q].cue in ADMIN_CUES]
    # the countries the qualifiers' admin units lie in ("..., Shan State" -> MM)
    qual_cc = {e.cc for q in quals for e, _alt in cands[q] if e.feature in ("admin1", "admin2", "country")}
    for q in quals:
        if q == quals[0] and (mentions[i].part_of or (mentions[i].in_qualifier and mentions[q].cue not in ADMIN_CUES)):
            # "the Rhodespark area of Lusaka", "Melikgyugh village in Yerevan", "the City Hall in Yerevan": a
            # part of the city, not of the province named like it
            cities = [e for e, _alt in cands[q] if e.feature == "populated place"
                      and e.population >= CITY_QUALIFIER_MIN_POPULATION and (not countries or e.cc in countries)]
            if cities:
                city = max(cities, key=lambda e: e.population)
                reason = (f"'{mentions[i].text}' is a part of '{mentions[q].text}' the gazetteer lacks: "
                          f"the city -> {city.name} ({city.feature}, {city.cc})")
                return Resolution(city, 0.0, reason, 1)  # the city's point, as ACLED codes its neighbourhoods
        areas = [e for e, _alt in cands[q] if e.feature in AREA_FEATURES and e.feature != "continent"]
        if not areas and mentions[q].cue in ADMIN_CUES:
            # "Namtu Township" known only as its seat town: the town stands for the township
            areas = [e for e, _alt in cands[q] if e.feature == "populated place" and (not qual_cc or e.cc in qual_cc)]
        if areas:
            order = {"admin2": 0, "admin1": 1, "region": 2, "country": 3}
            best = min(areas, key=lambda e: (bool(countries) and e.cc not in countries,
                                             order.get(e.feature, 4), -e.population))
            reason = (f"'{mentions[i].text}' is not in the gazetteer inside '{mentions[q].text}': "
                      f"located by its qualifier -> {best.name} ({best.feature}, {best.cc})")
            return Resolution(best, 0.0, reason, _by_qualifier_precision(best))
    for j in [*quals, *mentions[i].listed_with]:
        if j in seen or (cands[j] and j not in quals):
            continue
        via = _from_qualifier(mentions, cands, j, seen, countries=countries)
        if via is not None:
            reason = f"'{mentions[i].text}' is not in the gazetteer: placed with '{mentions[j].text}' ({via.reason})"
            return Resolution(via.entry, 0.0, reason, 2)
    return None


def _part_of_city(mentions: list[MentionInput], cands: list[list[tuple[Entry, bool]]], i: int,
                  countries: set[str]) -> Resolution | None:
    """A small place none of whose readings lies by the city written after it is a part of that city:
    "Wentworth, Durban" (not Wentworth, North Carolina), "Chalala area of Lusaka" (not Chalala, India).

    The city is the qualifier's largest reading of at least CITY_QUALIFIER_MIN_POPULATION (one in the
    article's countries first); in a list of three or more the next name qualifies nothing.
    """
    quals = mentions[i].qualifiers
    members = _list_members(mentions, i)
    if len(members) >= 3:
        quals = [q for q in quals if q not in members]
    for q in quals:
        if mentions[q].cue in ADMIN_CUES:
            continue
        cities = [e for e, _alt in cands[q]
                  if e.feature == "populated place" and e.population >= CITY_QUALIFIER_MIN_POPULATION]
        if not cities:
            continue
        city = max(cities, key=lambda e: (e.cc in countries, e.population))
        near = [e for e, _alt in cands[i] if haversine_km(e.lat, e.lon, city.lat, city.lon) < CITY_PART_KM]
        if near and mentions[i].part_of:
            reason = f"'{mentions[i].text}' is named as a part of '{mentions[q].text}': its reading by the city"
            return Resolution(near[0], 0.0, reason, 2)
        if near:
            return None  # a reading lies by the city: scoring has placed it
        reason = (f"'{mentions[i].text}' is not in the gazetteer by '{mentions[q].text}': "
                  f"a part of the city -> {city.name} (populated place, {city.cc})")
        return Resolution(city, 0.0, reason, 2)
    return None


def to_place(gaz: Gazetteer, m: MentionInput, r: Resolution, article_id: str) -> Place:
    e = r.entry
    country, iso3 = gaz.country(e.cc) if e.cc else ("", "")
    admin1 = e.name if e.feature == "admin1" else (e.admin1 or None)
    admin2 = e.name if e.feature == "admin2" else (e.admin2 or None)
    return Place(
        article_id=article_id, name=m.text, start=m.start, end=m.end, resolved_name=e.name,
        feature=e.feature, country=country or None, iso3=iso3 or None, admin1=admin1, admin2=admin2,
        latitude=e.lat, longitude=e.lon, gazetteer_id=e.gid, geo_precision=r.geo_precision,
        resolution_reason=r.reason,
    )
