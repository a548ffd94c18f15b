"""Places: find every toponym and resolve it to a gazetteer place.

Two components around the syntax stage:

``clashlog_toponyms`` (before syntax)
    one Aho-Corasick pass of the gazetteer over the article
    (`gazetteer.match.scan`) -> ``doc._.toponyms`` (PlaceMention, place=None).
    These also tell the syntax stage which sentences to parse.
``clashlog_places`` (after syntax)
    1. keeps a gazetteer match unless the parser calls it a person/organization/date
       (or it is a context-only stoplist word without a GPE/LOC label, cue or preposition);
       a match that only opens a longer place name the gazetteer lacks ("Nairobi Heights",
       a GPE/LOC entity, or "Goris Mkhitaryan" outside any entity) is not that place: the
       whole stays as an unknown name; nor is the subject of a speech verb ("Barry said"),
       a street named after a place ("Kabul Road", kept as context only), one part of a
       hyphenated name, a word after "of" in a facility ("the Faculty of Law") or a common
       word opening a name ("the Supreme Court", lexicons/toponym_name_words.txt [common]);
       a multi-word gazetteer name with a lowercase word inside ("The meeting") is never
       matched in mixed-case text (`gazetteer.match.scan`);
    2. adds spaCy GPE/LOC/FAC entities the scan missed: exact lookup, admin suffix
       stripped ("Paletwa Township" -> Paletwa + cue), then a bounded fuzzy match
       (rapidfuzz, one-letter variants);
    2b. a fuzzy match, or a name known only as an alternate spelling with nothing in the text
       saying it is a place, keeps only its readings in the countries the article names (by
       name, demonym, dateline or unambiguous places): "Kisumuu" beside Tanzanian police is
       not Kisumu, Kenya;
    3. reads cues ("Kalbajar district", "the Dashkasan, Kalbajar and Lachin directions",
       "near Goris", "the village of X", "400 S. Locust St., Lebanon") and qualifiers
       ("Kolagir, Tavush", "Pang Chin village (Namtu Township, Kyaukme District, Shan State)");
       names the gazetteer lacks but writes with a cue ("Myo Thit, Si Hat villages") are
       kept for their qualifier to place; two adjacent names form one ("Pang Chin");
       a known outlet ("APA") is dropped, a small place inside a longer capitalized name
       ("Taco Bell", "Glacier Ridge") too, and a place inside an organization's name
       ("Prosperous Armenia", "Air Zimbabwe") is marked so that no event is located there;
    4. resolves all mentions together (`gazetteer.resolve`) -> ``doc._.places``, with the
       countries of the wire dateline, the demonyms, the named armed groups (``doc._.actors``,
       set by the earlier actors stage) and a national outlet as context.

`place_for_span` and `places_in_sentence` are what the event coder uses to
attach a location to a trigger.

The work is spread over four modules, each used by the ones after it:

``place_text``      the mention record, cue words and name shapes (plain text)
``place_context``   the gazetteer lookups, a name's importance, the article's countries
                    (demonyms, dateline), dropping variants outside them (2b), demonym places
``place_filter``    which matches the context supports as places (the checks of step 1)
``place_mentions``  `collect_mentions`: steps 1-3 in order, using the three above
"""

from __future__ import annotations

import logging

from spacy.language import Language
from spacy.tokens import Doc

from ..gazetteer.match import scan
from ..gazetteer.resolve import ADMIN_CUES, NEAR_CUES, TOWN_CUES, MentionInput, resolve_mentions, to_place
from ..gazetteer.store import Entry, Gazetteer, ensure_gazetteer
from ..model import Place, PlaceMention
from .place_context import PlaceContext
from .place_context import demonym_places as _demonym_places
from .place_mentions import collect_mentions
from .place_text import CHAIN_GAP, LIST_GAP, OWNER_GAP, PART_OF_GAP, QUALIFIER_GAP, Mention

logger = logging.getLogger(__name__)

# PlaceMention.cue of a place named inside an organization's name ("Prosperous Armenia")
ORG_CUE = "organization"


class ToponymStage:
    """``clashlog_toponyms``: every gazetteer match of the article -> ``doc._.toponyms`` (unresolved)."""

    def __init__(self, gazetteer_dir: str = "") -> None:
        self.gazetteer: Gazetteer = ensure_gazetteer(gazetteer_dir or None)

    def __call__(self, doc: Doc) -> Doc:
        doc._.toponyms = [PlaceMention(c.start, c.end, c.text) for c in scan(doc.text, self.gazetteer)]
        return doc


class PlaceStage:
    """``clashlog_places``: the article's place mentions resolved together -> ``doc._.places``."""

    def __init__(self, gazetteer_dir: str = "") -> None:
        self.gazetteer: Gazetteer = ensure_gazetteer(gazetteer_dir or None)
        self.context = PlaceContext(self.gazetteer)

    def collect(self, doc: Doc, text: str | None = None) -> list[Mention]:
        """The article's place mentions worth resolving (``text``: doc.text, when the caller has it)."""
        return collect_mentions(self.context, doc, doc.text if text is None else text)

    def demonym_mentions(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, ISO alpha-2) of every demonym in ``text`` ("Lebanese" -> LB)."""
        return self.context.demonym_mentions(text)

    def demonym_places(self, text: str, article_id: str = "") -> list[Place]:
        """Demonyms as country places ("Lebanese" -> Lebanon), for corpora that count them as toponyms.

        Not part of ``doc._.places``: a demonym names a people, not where something happened.
        """
        return _demonym_places(self.context, text, article_id)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # joined from the tokens on every access: read once
        mentions = self.collect(doc, text)
        inputs = [MentionInput(m.start, m.end, m.text, m.key, m.candidates, m.cue) for m in mentions]
        for i in range(len(mentions) - 1):
            if LIST_GAP.match(text[mentions[i].end : mentions[i + 1].start]):
                inputs[i].listed_with.append(i + 1)
                inputs[i + 1].listed_with.append(i)
        for i in range(1, len(mentions)):
            if OWNER_GAP.fullmatch(text[mentions[i - 1].end : mentions[i].start]):
                inputs[i].owner = i - 1  # "Colombia's Catatumbo region", "Pakistan's northwestern Kurram district"
        # qualifiers: "X, Tavush", "X (Y Township, Z District, Chin State)", "X in Y"
        described: list[tuple[int, int]] = []  # (place, the qualifier in parentheses after it)
        for i in range(len(mentions)):
            j = i + 1
            if j < len(mentions) and QUALIFIER_GAP.match(text[mentions[i].end : mentions[j].start]):
                inputs[i].qualifiers.append(j)
                gap = text[mentions[i].end : mentions[j].start]
                inputs[i].part_of = PART_OF_GAP.match(gap) is not None
                inputs[i].held_by_qualifier = not gap.rstrip().lower().endswith(" of")
                inputs[i].in_qualifier = gap.rstrip().lower().endswith(" in") and "(" not in gap and "," not in gap
                if "(" in gap or "," in gap or " in " in gap.lower():
                    # "X (Y Township", "X township, Y district", "X village in Y township": Y says where X is
                    described.append((i, j))
                k = j + 1
                while k < len(mentions) and CHAIN_GAP.match(text[mentions[k - 1].end : mentions[k].start]):
                    inputs[i].qualifiers.append(k)
                    k += 1
        article = doc._.article
        article_id = article.article_id if article is not None else ""
        filed_cc = self.context.dateline_country(article.dateline_place if article is not None else None)
        outlet_cc = self.context.outlet_country(article.outlet if article is not None else None)
        doc._.outlet_home = self.gazetteer.country(outlet_cc)[1] or None if outlet_cc else None
        resolved = resolve_mentions(self.gazetteer, inputs, demonym_cc=self.context.demonym_countries(text),
                                    filed_cc=filed_cc, group_cc=self.context.group_countries(doc._.actors),
                                    outlet_cc=outlet_cc)
        # a qualifier in parentheses only says where the place before it is, when that place was
        # resolved inside the qualifier's admin1 unit (not when it was misread elsewhere)
        def unit(e: Entry) -> tuple[str, str]:
            return e.cc, e.admin1 or (e.name if e.feature == "admin1" else "")  # extra places have no a1key

        describes = {
            j: mentions[i].start for i, j in described
            if resolved[i] is not None and resolved[j] is not None and unit(resolved[i].entry)[1]
            and unit(resolved[i].entry) == unit(resolved[j].entry)
        }
        places = []
        for i, (m, inp, r) in enumerate(zip(mentions, inputs, resolved, strict=True)):
            if r is None or m.hint:
                continue
            places.append(
                PlaceMention(
                    m.start,
                    m.end,
                    m.text,
                    to_place(self.gazetteer, inp, r, article_id),
                    cue=ORG_CUE if m.in_org else (m.cue or (m.prep if m.prep in ("in", "near", "at") else None)),
                    population=r.entry.population,
                    describes=describes.get(i),
                )
            )
        doc._.places = places
        doc._.filed_from = self.gazetteer.country(filed_cc)[0] if filed_cc else None
        return doc


# ------------------------------------------------------------------ helpers for the event coder

_SPECIFICITY = {"populated place": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4, "continent": 5}


def places_in_sentence(
    places: list[PlaceMention], sentence_start: int, sentence_end: int
) -> list[PlaceMention]:
    """Every resolved place of a sentence, in text order (not the ones naming an organization)."""
    return [
        p for p in places
        if p.place is not None and sentence_start <= p.start < sentence_end and p.cue != ORG_CUE
    ]


def place_for_span(
    places: list[PlaceMention], start: int, end: int, sentence_start: int, sentence_end: int
) -> PlaceMention | None:
    """The place an event trigger at ``start:end`` happened at, or None.

    Among the sentence's places: the most specific (village before district before
    country), then the ones after "in/near/at", then the nearest to the trigger.
    A place followed by its own admin region ("Kolagir, Tavush") wins over the region, and a
    place wins over the one written after it in parentheses to say where it is ("Kutkai Township
    (Muse District, ...)": Kutkai, not the town of Muse).
    """
    cands = places_in_sentence(places, sentence_start, sentence_end)
    if not cands:
        return None

    def rank(p: PlaceMention) -> tuple[int, int, int]:
        feature = p.place.feature if p.place else None
        if p.place is not None and "is not in the gazetteer inside" in (p.place.resolution_reason or ""):
            # "Lay Kay village (Bilin Township, Thaton District, ...)", "Bahan township (Yangon-East
            # district, ...)": a place its qualifiers hold is finer than they are, whatever they resolved to
            feature = "populated place"
        spec = _SPECIFICITY.get(feature or "", 3)
        prep = (
            0
            if p.cue in ("in", "near", "at")
            or p.cue in ADMIN_CUES
            or p.cue in TOWN_CUES
            or p.cue in NEAR_CUES
            else 1
        )
        dist = start - p.end if p.end <= start else p.start - end if p.start >= end else 0
        return (spec, prep, abs(dist))

    best = min(cands, key=rank)
    if best.describes is not None:
        # the qualifier yields to the place it says where it is, when that is as specific
        inner = [p for p in cands if p.start == best.describes and rank(p)[0] <= rank(best)[0]]
        if inner:
            return inner[0]
    return best


# ------------------------------------------------------------------ factories


@Language.factory(
    "clashlog_toponyms",
    default_config={"gazetteer_dir": ""},
    assigns=["doc._.toponyms"],
)
def make_toponyms(nlp: Language, name: str, gazetteer_dir: str) -> ToponymStage:
    return ToponymStage(gazetteer_dir)


@Language.factory(
    "clashlog_places",
    default_config={"gazetteer_dir": ""},
    requires=["doc._.toponyms", "doc._.parses"],
    assigns=["doc._.places"],
)
def make_places(nlp: Language, name: str, gazetteer_dir: str) -> PlaceStage:
    return PlaceStage(gazetteer_dir)
