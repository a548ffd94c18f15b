"""Where an event happened: its place(s) and its country.

Helpers for `stages/events.py` (step 5 of its cascade, and the country the
ACLED default actors are named after), kept apart so that the coding rules
there stay readable:

* `_best_places`: the places a frame's event happened at, one per event to emit;
* `_event_country`: the event's country (and its place, unless that place was
  misresolved abroad), from its place, the article's other places, the actors,
  the wire dateline or the outlet's home country (`outlet_country`,
  `_country_in_name`).
"""

from __future__ import annotations

import logging
import re

from spacy.tokens import Doc

from ..evaluate.metrics import haversine_km
from ..extensions import doc_text
from ..gazetteer.names import strip_admin_suffix, strip_diacritics
from ..gazetteer.resolve import MINOR_PLACE_POPULATION
from ..model import ActorMention, Place
from .actors import Country, load_lexicon
from .event_frames import Frame
from .event_grammar import coordinated_groups
from .place_text import OFFICIALS_AFTER
from .places import ORG_CUE

logger = logging.getLogger(__name__)

_ORIGIN = re.compile(r"\bfrom\s+(?:the\s+|their\s+|its\s+)?(?:\w+\s+){0,2}(?:positions?|territory|side|direction)?"
                     r"(?:\s+(?:located|stationed|deployed))?\s+(?:in|near|at)?\s*(?:the\s+)?(?:\w+\s+)?$", re.I)


ACROSS_BORDER_KM = 60.0  # a small place abroad this near the article's places lies across their border
_BORDER_WITH = re.compile(r"\bborders?\s+(?:with|of)\s+(?:the\s+)?$", re.I)
# "on the road between Dori and Gorom-Gorom", "fighting between the towns of A and B": one event on the
# way from one place to the other, not one at each
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?(?:(?:towns?|villages?|cities|localities)\s+(?:of\s+)?)?$", re.I)


def _best_places(doc: Doc, frame: Frame) -> list[Place]:
    """The places the frame's event happened at: one per event to emit.

    Coordinated places ("in the Dashkasan, Kalbajar and Lachin directions")
    give one event each; otherwise `stages.places.place_for_span` picks the
    single best place of the opening sentence, then of the elaborating ones,
    then the last place named before the frame.
    """
    from .places import place_for_span, places_in_sentence

    mentions = doc._.places or []
    for s_start, s_end in frame.spans:
        cands = places_in_sentence(mentions, s_start, s_end)
        targets = [m for m in cands if not _ORIGIN.search(doc_text(doc)[max(s_start, m.start - 60) : m.start])]
        cands = targets or cands  # "fired ... from their positions located in X": X is where they fired from
        # "its camp at Boulkessi near the border with Burkina Faso": the country across the border is not
        # where it happened
        cands = [
            m for m in cands
            if not (m.place is not None and m.place.feature == "country"
                    and _BORDER_WITH.search(doc_text(doc), max(s_start, m.start - 30), m.start))
        ]
        # "Turkey's defence ministry said ... in northern Syria": whose institution speaks is not where
        cands = [m for m in cands if not OFFICIALS_AFTER.match(doc_text(doc), m.end)] or cands
        # "forcing thousands to flee toward Goma": where people fled to is not where it happened
        cands = [m for m in cands if not _FLED_TO.search(doc_text(doc), max(s_start, m.start - 60), m.start)] \
            or [m for m in cands if m.place is not None and m.place.feature == "country"]
        # "air strikes in northern Syria ... in retaliation for a bombing in Istanbul": where the event that
        # motivated it happened is not where this one did
        cands = [m for m in cands if not (frame.head.end <= m.start and _MOTIVE.search(
            doc_text(doc), frame.head.end, m.start))] or cands
        if not cands:
            continue
        groups = coordinated_groups(doc_text(doc), [(m.start, m.end) for m in cands])
        for g in groups:
            feats = {cands[i].place.feature for i in g if cands[i].place is not None}
            between = _BETWEEN.search(doc_text(doc), max(s_start, cands[g[0]].start - 40), cands[g[0]].start)
            if len(g) >= 2 and len(feats) == 1 and "country" not in feats and not between:
                return [cands[i].place for i in g if cands[i].place is not None]
        best = place_for_span(cands, frame.head.start, frame.head.end, s_start, s_end)
        if best is not None and best.place is not None:
            return [_refined(doc, frame, best.place)]
    before = [m.place for m in mentions if m.place is not None and m.end <= frame.start]
    while len(before) > 1 and before[-2].gazetteer_id == before[-1].gazetteer_id \
            and (before[-2].geo_precision or 1) <= (before[-1].geo_precision or 1):
        before.pop()  # "near Kyaung Taung village in Kani Township, Sagaing Region": the village they placed
    return before[-1:]


_MOTIVE = re.compile(r"\b(?:in (?:retaliation|response|revenge)|to avenge|(?:a day|days|a week|weeks|hours) after)\b",
                    re.I)
_COARSE = frozenset({"country", "admin1", "region"})


def _refined(doc: Doc, frame: Frame, place: Place) -> Place:
    """A finer place for an event placed only in a region or country, from a sentence that names the
    event again ("... in the central Sagaing region killed 40. The attack on Pazigyi village in Kanbalu
    township ..."): the first town or district of that sentence inside the coarse place."""
    from .places import places_in_sentence

    if (place.feature not in _COARSE and place.feature != "admin2") or not frame.refining_spans:
        return place
    for s_start, s_end in frame.refining_spans:
        for m in places_in_sentence(doc._.places or [], s_start, s_end):
            p = m.place
            if p is None or p.feature in _COARSE or p.country != place.country or p.gazetteer_id == place.gazetteer_id:
                continue
            if place.feature == "admin2" and p.admin2 != place.resolved_name:
                continue  # a province's town: inside that province only
            if place.feature == "country" or (p.admin1 and p.admin1 == place.admin1):
                return p
    return place


_FLED_TO = re.compile(r"\b(?:fle[de]|fleeing|flees|escaped?|escaping|sought refuge|seeking refuge|took refuge|"
                      r"displaced)\b[^.;]{0,40}?\b(?:to|toward|towards|into|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)
_COMPASS_ONLY = re.compile(r"(?:north|south|east|west|central|upper|lower)(?:[- ]?(?:east|west))?\)?", re.I)
_TOWN_WORD = re.compile(r"\s+(?:village|town|hamlet|settlement|city|area|camp|locality)$", re.I)


def location_name(p: Place) -> str:
    """The event's location: the place as the gazetteer names it, or -- for a village the gazetteer
    lacks that its qualifier placed ("Pang Chin village (Namtu Township, ...)") -- the village as the
    text writes it, without its cue word; its coordinates are the qualifier's (geo_precision 2), as
    ACLED codes a village it cannot find on a map."""
    reason = p.resolution_reason or ""
    if "is not in the gazetteer inside" in reason or "is not in the gazetteer: placed with" in reason:
        written = _TOWN_WORD.sub("", strip_admin_suffix(p.name)).strip()
        if written and written[:1].isupper() and not _COMPASS_ONLY.fullmatch(written):
            return written  # but not "North" of "Yangon-North district"
    return ascii_name(p.resolved_name or p.name)


_QUOTES = str.maketrans({"‘": "'", "’": "'", "ʻ": "'", "ʼ": "'", "ʿ": "'", "ʾ": "'", "`": "'"})


def ascii_name(name: str) -> str:
    """A location as ACLED writes it, without diacritics or typographic quotes ("Īṭahari" -> "Itahari",
    "‘Ayn al ‘Arab" -> "'Ayn al 'Arab"); a name with letters of another script stays as it is."""
    out = strip_diacritics(name).translate(_QUOTES)
    return out if out.isascii() else name


def place_country(p: Place) -> str | None:
    """The country of a resolved place, spelled as the actor lexicon spells it."""
    lex = load_lexicon()
    c = lex.country(p.country) or lex.country(p.iso3 or "")
    return c.name if c else p.country


def _minor(doc: Doc, place: Place) -> bool:
    """A populated place of under MINOR_PLACE_POPULATION: a name the article's other places may outvote
    (a capital or a big city far from the rest of the article is still where it is)."""
    if place.feature != "populated place":
        return False
    pop = next((m.population for m in doc._.places or [] if m.place is place), None)
    return pop is not None and pop < MINOR_PLACE_POPULATION


# "the Israeli town of Sderot", "the Lebanese village of Khiam": the place's country said with it
_DEMONYM_CUE_BEFORE = re.compile(
    r"\b(?P<d>[A-Z][\w'’-]+)\s+(?:(?:border|frontier|coastal|northern|southern|eastern|western)\s+)?"
    r"(?:town|city|village|port|settlement|kibbutz|district|province|region)\s+of\s+$"
)


def _country_named_before(doc: Doc, place: Place, country: str) -> bool:
    """Is ``place`` written with its own country's demonym ("the Israeli town of Sderot")?"""
    if place.start is None:
        return False
    m = _DEMONYM_CUE_BEFORE.search(doc_text(doc), max(0, place.start - 60), place.start)
    c = load_lexicon().country(m.group("d")) if m else None
    return c is not None and c.name == country


def _across_border(doc: Doc, place: Place, top: str) -> bool:
    """Does ``place`` lie within ACROSS_BORDER_KM of one of the article's places in country ``top``?
    Then it is a town across the border from them ("strikes near Kobani" in a report about rockets on
    Karkamis), not a name resolved into another country by mistake, which lands far away."""
    if place.latitude is None or place.longitude is None:
        return False
    for m in doc._.places or []:
        p = m.place
        if p is None or p.feature == "country" or p.latitude is None or p.longitude is None \
                or place_country(p) != top:
            continue
        if haversine_km(place.latitude, place.longitude, p.latitude, p.longitude) <= ACROSS_BORDER_KM:
            return True
    return False


def _event_country(
    doc: Doc, place: Place | None, actors: list[ActorMention]
) -> tuple[Place | None, str | None]:
    """The place and country an event happened in: the place's own country, unless the article's other
    places outvote a small place's country (it was misresolved abroad): the event then keeps the
    voted country and loses the place, so that a place never carries another country's name.

    Votes come from the article's sub-national places (admin units count double: "Shan State",
    "Tavush region" are seldom misresolved); country names do not vote — they are as often
    about someone else ("the Embassy of the Russian Federation in Yerevan").  With no place at
    all: the country of the wire dateline, then the countries of the actors named, then the
    outlet's home country.
    """
    votes: dict[str, int] = {}
    for m in doc._.places or []:
        # a place inside a name ("Kyiv City Council", "Abala herdsmen") says nothing of where things happened
        if m.place is not None and m.place.country and m.place.feature != "country" and m.cue != ORG_CUE:
            n = place_country(m.place)
            if n:
                votes[n] = votes.get(n, 0) + (2 if (m.place.feature or "").startswith("admin") else 1)
    if place is not None and place.country:
        own = place_country(place)
        top = max(votes, key=lambda c: votes[c]) if votes else own
        if own and top and votes.get(top, 0) > votes.get(own, 0) + 1 and _minor(doc, place) \
                and not _country_named_before(doc, place, own) and not _across_border(doc, place, top):
            return None, top  # a small place abroad in an article about another country: misresolved
        return place, own
    if votes:
        return place, max(votes, key=lambda c: votes[c])
    # the wire dateline ("SAN SALVADOR, 13 NOV 89 --") before the nationalities of the people named:
    # "TWO U.S. CITIZENS HAVE BEEN KILLED" in a report filed from San Salvador happened there
    if doc._.filed_from:
        c = load_lexicon().country(doc._.filed_from)
        return place, c.name if c else doc._.filed_from
    counts: dict[str, int] = {}
    for a in actors:
        if a.country and a.kind != "external":
            counts[a.country] = counts.get(a.country, 0) + 1
    if counts:
        return place, max(counts, key=lambda c: counts[c])
    if doc._.outlet_home:  # the places stage's reading: the outlet table, else a city in its name
        home = load_lexicon().country(doc._.outlet_home)
        if home is not None:
            return place, str(home.name)
    return place, outlet_country(doc._.article.outlet if doc._.article is not None else None)


def outlet_country(outlet: str | None) -> str | None:
    """The name of `outlet_home`'s country."""
    c = outlet_home(outlet)
    return str(c.name) if c is not None else None


def outlet_home(outlet: str | None) -> Country | None:
    """The home country of the first outlet of a source field that has one (the outlet table's, else
    the one country its name states: "Times of Zambia"); international outlets have none, and a
    language edition is no country ("Xinhua News Agency - French")."""
    try:
        from ..read.outlets import default_outlets, outlet_parts

        table = default_outlets()
    except Exception:  # the outlet table is optional for the event coder
        logger.debug("no outlet table for %s", outlet, exc_info=True)
        return None
    for part in outlet_parts(outlet):
        # "Premium Times (Abuja)": AllAfrica writes the city an outlet publishes from after its name
        found = table.lookup(part) or table.lookup(re.sub(r"\s*\([^)]*\)\s*$", "", part))
        c = load_lexicon().country(found.iso3) if found is not None and found.iso3 else None
        if c is None and found is None:
            c = _country_in_name(part)  # "Daily Nation (Kenya)", "Times of Zambia", "Nigerian Tribune"
        if c is not None:
            return c
    return None


def _country_in_name(name: str) -> Country | None:
    """The one country an outlet's own name states, if it states exactly one."""
    from .actors import _country_mentions

    found = {c.name: c for _s, _e, c in _country_mentions(load_lexicon(), name)}
    return next(iter(found.values())) if len(found) == 1 else None
