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
    4. resolves all mentions together (`gazetteer.resolve`) -> ``doc._.places``.

`place_for_span` and `places_in_sentence` are what the event coder uses to
attach a location to a trigger.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import sentence_at
from ..gazetteer.match import context_stoplist, is_all_caps, scan
from ..gazetteer.names import ADMIN_SUFFIX, fold_text, name_keys, norm_key, strip_admin_suffix
from ..gazetteer.resolve import (
    ADMIN_CUES,
    AREA_FEATURES,
    NEAR_CUES,
    TOWN_CUES,
    MentionInput,
    Resolution,
    resolve_mentions,
    to_place,
)
from ..gazetteer.store import Gazetteer, ensure_gazetteer
from ..lexicon_files import word_sections
from ..model import Place, PlaceMention

logger = logging.getLogger(__name__)

# PlaceMention.cue of a place named inside an organization's name ("Prosperous Armenia")
ORG_CUE = "organization"

# parser labels that make a gazetteer match something other than a place (the small model
# often calls a Caucasus village a PERSON or ORG, so these only weaken a match)
_NOT_PLACE_LABELS = {"PERSON", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE", "ORG"}
_NEVER_PLACE_LABELS = {"DATE", "TIME", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL", "PERCENT"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
# a place name inside an organization name is kept when it is this important ("Kyiv City Council")
_EMBEDDED_MIN_POPULATION = 100_000
# an unsupported match (no GPE/LOC label, cue or preposition) must be at least this populous
_BARE_MIN_POPULATION = 1_000
_FUZZY_MIN_LEN = 6
# a small place is not the subject of these verbs ("McGregor said"; "Moscow said" is a capital)
_SPEECH_VERBS = frozenset({
    "said", "says", "say", "told", "tells", "added", "adds", "admitted", "admits", "recalled", "recalls",
    "explained", "explains", "wrote", "writes", "asked", "asks", "replied", "replies", "insisted", "insists",
    "argued", "argues", "reiterated", "reiterates", "exclaimed", "exclaims", "stressed", "stresses",
    "acknowledged", "acknowledges", "complained", "complains", "testified", "testifies", "announced",
    "announces", "declared", "declares", "warned", "warns", "urged", "urges", "vowed", "vows", "denied",
    "denies",
})
# a capitalized street word after a name makes it a street ("Memphis Street", "Wichita Drive"),
# however large the place it is named after
_STREET_AFTER = re.compile(
    r"^ (?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Drive|Parkway|Pike)\b"
)
# a name joined by a hyphen to a capitalized word that is no place: "Diaz-Balart", "Sierra-Leonean"
_HYPHEN_AFTER = re.compile(r"^-[A-Z][a-z]")
_HYPHEN_BEFORE = re.compile(r"[A-Za-z][a-z]-$")
_FUZZY_CUTOFF = 90.0

_ADMIN_AFTER = re.compile(
    r"^[ \t]*(?P<w>" + "|".join(sorted(ADMIN_CUES, key=len, reverse=True)) + r")\b", re.IGNORECASE
)
_TOWN_BEFORE = re.compile(
    r"\b(?P<w>town|village|city|settlement|hamlet|capital|township)\s+of\s+(the\s+)?$", re.IGNORECASE
)
_NEAR_BEFORE = re.compile(
    r"\b(?P<w>near|nearby|outskirts\s+of|close\s+to|vicinity\s+of|around|outside(\s+of)?|"
    r"suburbs?\s+of|neighbou?rhood\s+of|not\s+far\s+from)\s+(the\s+)?$",
    re.IGNORECASE,
)
_TOWN_AFTER = re.compile(r"^[ \t]+(?P<w>town|village|city|settlement)\b", re.IGNORECASE)
_PREP_BEFORE = re.compile(
    r"\b(?P<w>in|near|at|from|to|into|outside|around|across|toward|towards|of|on|"
    r"between|and|via|through)\s+(the\s+)?$",
    re.IGNORECASE,
)
_LIST_GAP = re.compile(r"^(\s*,\s*(and\s+)?|\s+and\s+|\s*/\s*|\s+or\s+)$", re.IGNORECASE)
# "X, Tavush", "X (Y Township", "X in Y", and with the mention's own cue word between:
# "Pang Chin village (Namtu Township", "Myo Thit villages in Momauk township"
_GAP_CUE = r"(\s+(villages?|towns?|townships?|city|settlements?|hamlets?|districts?|regions?|provinces?))?"
_QUALIFIER_GAP = re.compile(_GAP_CUE + r"(\s*,\s*|\s*\(\s*|\s+in\s+|\s*,\s*in\s+|\s+of\s+)$", re.IGNORECASE)
_CHAIN_GAP = re.compile(_GAP_CUE + r"(\s*,\s*|\s*\(\s*)$", re.IGNORECASE)
# a capitalized word right before / after a match makes it part of a longer name ("Taco Bell",
# "Glacier Ridge", "Charles Webb Center") unless it is a function word, a compass word or a cue
_CAP_BEFORE = re.compile(r"(?:^|[\s(\"“])([A-Z][A-Za-z'’-]+) $")
_CAP_AFTER = re.compile(r"^ ([A-Z][a-z][A-Za-z'’-]*)")
_NAME = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3}"
_NAME_WORDS = re.compile(_NAME)
_CUED_NAMES = re.compile(
    r"(?<![A-Za-z])(?P<names>" + _NAME + r"(?:, " + _NAME + r")*(?:,? and " + _NAME + r")?)"
    r" (?P<cue>(?i:villages?|townships?|towns?))\b"
)
# a town written after a street address or a person's age: "400 S. Locust St., Lebanon",
# "Joyce Glover, 22, Palestine" -> the town, never the country of the same name
_ADDRESS_BEFORE = re.compile(
    r"(\b\d+\s+(?:[NSEW]\.?\s+)?(?:[A-Z][a-z]+\.?\s+){1,3}"
    r"(?:St|Street|Ave|Avenue|Rd|Road|Dr|Drive|Blvd|Boulevard|Lane|Ln|Way|Court|Ct|Pike|Hwy|Highway)\.?"
    r"|[A-Z][a-z]+,\s+\d{1,3}),\s*$"
)


@lru_cache(maxsize=1)
def _name_word_sections() -> dict[str, frozenset[str]]:
    """The sections of lexicons/toponym_name_words.txt: modifiers, features, institutions, common."""
    path = Path(str(resources.files("clashlog") / "lexicons" / "toponym_name_words.txt"))
    found = word_sections(path)
    return {k: found.get(k, frozenset()) for k in ("modifiers", "features", "institutions", "common")}


def _name_words() -> tuple[frozenset[str], frozenset[str]]:
    """(modifier words, feature words) from lexicons/toponym_name_words.txt."""
    sections = _name_word_sections()
    return sections["modifiers"], sections["features"]


def _institution_words() -> frozenset[str]:
    """Words that make "<place> <word>" an institution of the place ("Kyiv Post", "Harare City Council")."""
    return _name_word_sections()["institutions"]


@dataclass
class _M:
    start: int
    end: int
    text: str
    key: str
    candidates: list[tuple[int, bool]]
    label: str | None = None
    context_only: bool = False
    cue: str | None = None
    prep: str | None = None
    embedded: bool = False  # inside a longer non-place entity ("John Lachin", "Kyiv Post")
    in_org: bool = False  # part of an organization's name ("Prosperous Armenia"): not an event location
    fuzzy: bool = False  # found only by a one-letter variant of the name ("Kisumu" for "Kisumuu")
    whole: bool = False  # widened to the parser's longer place name the gazetteer lacks ("Nairobi Heights")
    weak: bool = False  # only an alternate spelling, with nothing in the text saying it is a place
    hint: bool = False  # not a place of the text ("Memphis Street"), but context for resolving the others


class ToponymStage:
    def __init__(self, gazetteer_dir: str = "") -> None:
        self.gazetteer: Gazetteer = ensure_gazetteer(gazetteer_dir or None)

    def __call__(self, doc: Doc) -> Doc:
        doc._.toponyms = [PlaceMention(c.start, c.end, c.text) for c in scan(doc.text, self.gazetteer)]
        return doc


class PlaceStage:
    def __init__(self, gazetteer_dir: str = "") -> None:
        self.gazetteer: Gazetteer = ensure_gazetteer(gazetteer_dir or None)
        self._fuzzy_index: dict[tuple[str, int], list[str]] | None = None
        self._demonyms: tuple[dict[str, str], re.Pattern[str] | None] | None = None

    # -------------------------------------------------------------- mentions

    def _lookup(self, text: str) -> tuple[str, list[tuple[int, bool]]]:
        key = norm_key(text)
        got = self.gazetteer.lookup_key(key)
        if not got:
            for k in name_keys(text):
                got = self.gazetteer.lookup_key(k)
                if got:
                    return k, got
        return key, got

    def _fuzzy(self, text: str) -> tuple[str, list[tuple[int, bool]]]:
        key = norm_key(text)
        if len(key) < _FUZZY_MIN_LEN:
            return key, []
        from rapidfuzz import fuzz, process

        if self._fuzzy_index is None:
            # keys by (first two letters, length): a one-letter variant shares both (length +-1)
            index: dict[tuple[str, int], list[str]] = {}
            for k in self.gazetteer.keys:
                index.setdefault((k[:2], len(k)), []).append(k)
            self._fuzzy_index = index
        pool = [k for n in (len(key) - 1, len(key), len(key) + 1) for k in self._fuzzy_index.get((key[:2], n), ())]
        best = process.extractOne(key, pool, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
        if not best:
            return key, []
        return best[0], self.gazetteer.lookup_key(best[0])

    def _entities(self, doc: Doc) -> list[tuple[int, int, str]]:
        out = []
        for sent_start, parsed in (doc._.parses or {}).items():
            for ent in parsed.ents:
                out.append((sent_start + ent.start_char, sent_start + ent.end_char, ent.label_))
        out.sort()
        return out

    @staticmethod
    def _pos_at(doc: Doc, char: int) -> str | None:
        """The parser's part of speech for the token starting at ``char`` (None if unparsed)."""
        span = sentence_at(doc, char)
        parsed = (doc._.parses or {}).get(span[0]) if span else None
        if parsed is None or span is None:
            return None
        rel = char - span[0]
        for tok in parsed:
            if tok.idx == rel:
                return tok.pos_ or None  # "" in an entities-only analysis: unknown
        return None

    @staticmethod
    def _speaks(doc: Doc, start: int, end: int) -> bool:
        """A token of ``start:end`` is the subject of a speech verb: "McGregor said", "Barry admitted"."""
        span = sentence_at(doc, start)
        parsed = (doc._.parses or {}).get(span[0]) if span else None
        if parsed is None or span is None:
            return False
        lo, hi = start - span[0], end - span[0]
        return any(
            lo <= tok.idx < hi and tok.dep_ == "nsubj" and tok.head.lower_ in _SPEECH_VERBS
            for tok in parsed
        )

    def collect(self, doc: Doc, text: str | None = None) -> list[_M]:
        """The article's place mentions worth resolving (``text``: doc.text, when the caller has it)."""
        text = doc.text if text is None else text
        caps = is_all_caps(text)
        stop = context_stoplist()
        ents = self._entities(doc)
        parsed_starts = sorted((doc._.parses or {}).keys())
        mentions: list[_M] = []
        for t in doc._.toponyms or []:
            key = fold_text(text[t.start : t.end])
            got = self.gazetteer.lookup_key(key)
            if not got:
                continue
            mentions.append(
                _M(
                    t.start,
                    t.end,
                    t.text,
                    key,
                    got,
                    context_only=key in stop or (caps and " " not in key and len(key) <= 4),
                )
            )
        # label each gazetteer match with the entity that covers it
        kept: list[_M] = []
        used_ents: set[int] = set()
        ent_starts = [e[0] for e in ents]
        longest_ent = max((ee - es for es, ee, _lab in ents), default=0)
        for m in mentions:
            # only the entities that can overlap m: starting before its end, within the longest entity
            lo = bisect.bisect_left(ent_starts, m.start - longest_ent)
            hi = bisect.bisect_left(ent_starts, m.end)
            for ei in range(lo, hi):
                es, ee, lab = ents[ei]
                if not (es < m.end and m.start < ee):
                    continue
                if lab in _PLACE_LABELS:
                    used_ents.add(ei)
                    m.label = lab
                    # the entity adds a capitalized admin word or is itself a known name
                    if ee > m.end and es >= m.start and ee - m.end <= 25:
                        full = text[m.start : ee]
                        fk, fgot = self._lookup(full)
                        adm = _ADMIN_AFTER.match(text[m.end : ee])
                        if fgot:
                            m.end, m.text, m.key, m.candidates = ee, full, fk, fgot
                        elif adm and strip_admin_suffix(full) == m.text:
                            m.cue = adm.group("w").lower()
                            m.end, m.text = ee, full
                        elif (lab != "FAC" and not caps and not ADMIN_SUFFIX.search(m.text)
                              and _continues_name(_unpossessive(text[m.end : ee]))
                              and not self._important_inside(mentions, m.end, ee)):
                            # "Nairobi Heights", "Goris Dhuusa": a longer name the gazetteer lacks, not
                            # the place its first word names (a facility, "Mosul Dam", is at it)
                            full = _unpossessive(full)
                            m.end, m.text, m.key, m.candidates = m.start + len(full), full, norm_key(full), []
                            m.whole = True
                    elif es < m.start and lab != "FAC" and not caps and m.start - es <= 25:
                        s0 = es + 4 if text[es : es + 4].lower() == "the " else es
                        ee = s0 + len(_unpossessive(text[s0:ee]))
                        head, tail = text[s0 : m.start], text[m.end : ee]
                        if (s0 < m.start and _leads_name(head, tail) and not self._important(m)
                                and not self._important_inside(mentions, s0, ee)):
                            # "Kafr Goris", "North Goris Heights": the whole is the name, unless known
                            full = text[s0:ee]
                            fk, fgot = self._lookup(full)
                            m.start, m.end, m.text = s0, ee, full
                            m.key, m.candidates = (fk, fgot) if fgot else (norm_key(full), [])
                            m.whole = True
                    elif lab == "FAC" and re.search(r"^(?:the )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)* of $", text[es : m.start]):
                        # "the Faculty of Law": a word naming what a facility is for, not where it is
                        m.embedded = True
                    break
                m.label = lab
                m.embedded = es < m.start or ee > m.end
            kept.append(m)
        # a match inside a longer name taken whole ("Jebel" and "Marrah" in "Jebel Marrah") goes
        wholes = [(m.start, m.end) for m in kept if m.whole]
        if wholes:
            kept = [m for m in kept if m.whole or not any(s <= m.start and m.end <= e for s, e in wholes)]
            kept = [m for i, m in enumerate(kept) if i == 0 or (kept[i - 1].start, kept[i - 1].end) != (m.start, m.end)]
        # parser-only entities
        for ei, (es, ee, lab) in enumerate(ents):
            if lab not in _PLACE_LABELS or ei in used_ents:
                continue
            if any(m.start < ee and es < m.end for m in kept):
                continue
            name = text[es:ee]
            s0 = es
            low = name.lower()
            if low.startswith("the "):
                name, s0 = name[4:], es + 4
            core = strip_admin_suffix(name)
            cue = None
            if core != name and core:
                cue = name[len(core) :].strip().lower()
            key, got = self._lookup(name)
            if not got and core != name:
                key, got = self._lookup(core)
            fuzzy = False
            if not got:
                key, got = self._fuzzy(core)
                fuzzy = bool(got)
            # kept even when unknown: a qualifier ("Kolagir, Tavush") may still place it
            kept.append(_M(s0, ee, text[s0:ee], key, got, label=lab, cue=cue, fuzzy=fuzzy))
        kept.sort(key=lambda m: m.start)
        kept = self._merge_adjacent(kept, text)
        kept = self._cued_unknowns(kept, text)

        # cues and prepositions from the words around each mention
        for m in kept:
            suffix = ADMIN_SUFFIX.search(m.text)
            if m.cue is None and suffix:
                m.cue = suffix.group(1).lower()
            after = text[m.end : m.end + 30]
            before = text[max(0, m.start - 40) : m.start]
            if m.cue is None:
                a = _ADMIN_AFTER.match(after)
                if a:
                    m.cue = a.group("w").lower()
                elif _TOWN_BEFORE.search(before):
                    m.cue = _TOWN_BEFORE.search(before).group("w").lower()
                elif _TOWN_AFTER.match(after):
                    m.cue = _TOWN_AFTER.match(after).group("w").lower()
                elif _NEAR_BEFORE.search(before):
                    m.cue = _NEAR_BEFORE.search(before).group("w").split()[0].lower()
                elif _ADDRESS_BEFORE.search(text[max(0, m.start - 60) : m.start]):
                    m.cue = "town"
            p = _PREP_BEFORE.search(before)
            m.prep = p.group("w").lower() if p else None
        # "the Dashkasan, Kalbajar and Lachin directions": a list shares its trailing cue
        for i in range(len(kept) - 2, -1, -1):
            a, b = kept[i], kept[i + 1]
            if a.cue is None and b.cue in ADMIN_CUES and _LIST_GAP.match(text[a.end : b.start]):
                a.cue = b.cue

        # filter: keep what the context supports
        listed = {}  # in a list with a place the parser recognised: "Karvachar and Stepanakert"
        for a, b in zip(kept, kept[1:], strict=False):
            if _LIST_GAP.match(text[a.end : b.start]):
                if a.label in _PLACE_LABELS or a.cue:
                    listed[id(b)] = True
                if b.label in _PLACE_LABELS or b.cue:
                    listed[id(a)] = True
        for a, b in zip(kept, kept[1:], strict=False):  # one more step along the list
            if _LIST_GAP.match(text[a.end : b.start]) and (listed.get(id(a)) or listed.get(id(b))):
                listed[id(a)] = listed[id(b)] = True
        demonyms = self._demonym_table()
        # last names of the article's people ("Mark Zuckerberg"): alone later, still a person
        surnames = {
            fold_text(text[es:ee]).split()[-1]
            for es, ee, lab in ents
            if lab == "PERSON" and " " in text[es:ee].strip()
        }
        out = []
        for m in kept:
            if m.label in _NEVER_PLACE_LABELS:
                continue
            best_pop, best_feature = self._best_prior(m)
            if m.key in demonyms and best_feature != "country":
                continue
            important = (
                best_feature in ("country", "admin1", "region") or best_pop >= _EMBEDDED_MIN_POPULATION
            )
            # "Kyiv City Council" keeps Kyiv, "John Lachin" loses Lachin
            starts_org = m.label == "ORG" and self._starts_org(ents, m, text)
            if (
                m.embedded
                and m.label not in _PLACE_LABELS
                and (m.label == "PERSON" or not important)
                and not starts_org
            ):
                continue
            # "Goris Dhuusa" (a two-word name the gazetteer lacks) is not Goris; "Goris Ventures" is a
            # firm of Goris: either way no place of the text, but a hint where the article is
            if m.embedded and starts_org and not important and self._opens_two_word_name(ents, m, text):
                m.hint = True
            # a word inside a facility's name after "of" ("the Faculty of Law")
            if m.embedded and m.label == "FAC" and not important:
                continue
            # a name inside a party/organization name that starts with another word
            # ("Prosperous Armenia", "United Russia", "State Duma") names the organization
            # (kept for the places list, as geoparsing corpora count it, but marked so that no
            # event is located there)
            if m.label == "ORG" and self._org_starts_before(ents, m, text):
                m.in_org = True
            # "McGregor said": a person, unless an important place speaks for its government
            if not important and self._speaks(doc, m.start, m.end):
                continue
            # "Memphis Street", "Washington Drive": a street named after the place
            # (a numbered county road, "Douglas County Road 4", runs in that county)
            street = _STREET_AFTER.match(text[m.end : m.end + 12])
            if street and best_feature not in ("country", "continent", "region") and not ADMIN_SUFFIX.search(m.text) \
                    and not text[m.end + street.end() : m.end + street.end() + 2].strip()[:1].isdigit():
                m.hint = True  # a street is often named after a place nearby: context only
            # "Diaz-Balart", "Sierra-Leonean": one part of a hyphenated name; two places joined by a
            # hyphen ("Abuja-Kaduna") stay
            if not important and not m.cue and self._hyphen_joined(text, m, kept):
                continue
            # a known outlet or agency ("APA", "Trend") is a source, not a place
            if best_feature != "country" and self._is_outlet(m.text):
                continue
            supported = m.label in _PLACE_LABELS or m.cue is not None or listed.get(id(m), False)
            # a bare county name ("Jones", "Licking"): a county is written with its cue word
            if best_feature == "admin2" and not supported and not caps:
                continue
            if not m.cue and not important and not caps and _inside_longer_name(text, m.start, m.end, kept):
                continue
            # "Workers at Goris Mkhitaryan went ...": a capitalized name word the parser left outside any
            # entity continues the name (not in a title-case headline)
            if m.label is None and not m.cue and not important and not caps and _name_follows(text, m, kept):
                continue
            prep_ok = m.prep in ("in", "near", "at", "from", "into", "outside", "around") and not caps
            if m.context_only and not supported and not prep_ok and not (important and not caps):
                continue
            # "the Supreme Administrative Court", "the Mobile Forces", "at the College of Art": a
            # common word opening a name
            if not supported and (not prep_ok or m.embedded) and m.key in _name_word_sections()["common"]:
                continue
            # acronyms in mixed-case text (NATO, APC, MoD) are places only when the parser says so
            if (
                not caps
                and m.text.replace(".", "").isupper()
                and len(m.text) <= 5
                and m.label not in _PLACE_LABELS
                and best_feature not in ("country", "region")
            ):
                continue
            if m.key in surnames and not supported and m.label != "GPE":
                continue
            # the small model often calls a Caucasus village a PERSON or ORG: such a label only
            # weakens a match, which then has to pass the checks of an unlabeled one
            if m.label in (None, *_NOT_PLACE_LABELS) and not supported and not important:
                if (
                    not m.prep
                    and best_feature == "populated place"
                    and best_pop < _BARE_MIN_POPULATION
                    and _sentence_parsed(parsed_starts, m.start)
                ):
                    continue
                # a capitalized common word ("Vice", "Leader", "Peninsula"): the tagger does not call it a name
                if " " not in m.text and self._pos_at(doc, m.start) not in (None, "PROPN"):
                    continue
            if caps and m.label is None and not supported and best_feature not in AREA_FEATURES:
                continue
            # "Veto" -> Wete (Tanzania): a name known only as another place's alternate spelling,
            # without a place label or cue, must lie in a country the article concerns
            m.weak = (
                not supported
                and best_feature not in ("country", "admin1", "region", "continent")
                and bool(m.candidates)
                and all(alt for _idx, alt in m.candidates)
            )
            out.append(m)
        return self._drop_foreign_variants(out, text, doc)

    def _drop_foreign_variants(self, mentions: list[_M], text: str, doc: Doc) -> list[_M]:
        """Names found only by a one-letter variant or as an alternate spelling keep only the readings
        in the article's countries.

        "Kisumuu" in a story about Tanzanian police is not Kisumu, Kenya.  A variant with no reading
        there stays as an unknown name, for a qualifier to place ("Man Li village (Namtu Township,
        ...)"); when the article gives no country at all, the variant is all there is and is kept.
        """
        if not any(m.fuzzy or m.weak for m in mentions):
            return mentions
        concerned = self._concerned_countries([m for m in mentions if not (m.fuzzy or m.weak)], text, doc)
        if not concerned:
            return mentions
        out = []
        for m in mentions:
            if m.fuzzy or m.weak:
                inside = [c for c in m.candidates if self.gazetteer.entry(c[0]).cc in concerned]
                if not inside and m.weak:
                    continue
                m.candidates = inside
                if not m.candidates:
                    m.key = norm_key(m.text)
            out.append(m)
        return out

    def _concerned_countries(self, mentions: list[_M], text: str, doc: Doc) -> set[str]:
        """Countries the article names (by name, demonym or dateline) or has its unambiguous places in."""
        concerned = set(self._demonym_countries(text))
        article = doc._.article
        filed = self._dateline_country(article.dateline_place if article is not None else None)
        if filed:
            concerned.add(filed)
        for m in mentions:
            if m.in_org or not m.candidates:
                continue
            ccs = set()
            for idx, alt in m.candidates[:40]:
                e = self.gazetteer.entry(idx)
                if e.feature == "country" and (not alt or len(m.candidates) == 1):
                    ccs = {e.cc}
                    break
                if e.cc:
                    ccs.add(e.cc)
            if len(ccs) == 1:
                concerned |= ccs
        return concerned

    def _demonym_table(self) -> dict[str, str]:
        if self._demonyms is None:
            self._demonyms = _load_demonyms(self.gazetteer)
        return self._demonyms[0]

    def demonym_mentions(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, ISO alpha-2) of every demonym in ``text`` ("Lebanese" -> LB)."""
        self._demonym_table()
        assert self._demonyms is not None
        table, pattern = self._demonyms
        if pattern is None:
            return []
        return [
            (m.start(), m.end(), table[m.group(0).lower()])
            for m in pattern.finditer(text)
            if m.group(0)[:1].isupper()
        ]

    def demonym_places(self, text: str, article_id: str = "") -> list[Place]:
        """Demonyms as country places ("Lebanese" -> Lebanon), for corpora that count them as toponyms.

        Not part of ``doc._.places``: a demonym names a people, not where something happened.
        """
        out = self._region_demonym_places(text, article_id)
        taken = [(p.start, p.end) for p in out]
        for start, end, cc in self.demonym_mentions(text):
            if any(s < end and start < e for s, e in taken):
                continue  # "North American" is the region, not "American"
            country, _iso3 = self.gazetteer.country(cc)
            hits = (
                [e for e in self.gazetteer.lookup(country) if e.feature == "country" and e.cc == cc]
                if country
                else []
            )
            if not hits:
                continue
            e = hits[0]
            r = Resolution(e, 0.0, f"demonym '{text[start:end]}' -> {e.name}", 3)
            m = MentionInput(start, end, text[start:end], norm_key(text[start:end]), [])
            out.append(to_place(self.gazetteer, m, r, article_id))
        out.sort(key=lambda p: p.start)
        return out

    def _region_demonym_places(self, text: str, article_id: str) -> list[Place]:
        """"European" -> Europe, "African" -> Africa (lexicons/region_demonyms.tsv)."""
        table, pattern = _region_demonyms()
        if pattern is None:
            return []
        out = []
        for match in pattern.finditer(text):
            word = match.group(0)
            if not word[:1].isupper():
                continue
            region = table[word.lower()]
            hits = [e for e in self.gazetteer.lookup(region)
                    if e.feature in ("continent", "region") and e.name.lower() == region.lower()]
            if not hits:
                continue
            r = Resolution(hits[0], 0.0, f"demonym '{word}' -> {hits[0].name}", 3)
            m = MentionInput(match.start(), match.end(), word, norm_key(word), [])
            out.append(to_place(self.gazetteer, m, r, article_id))
        return out

    def _demonym_countries(self, text: str) -> set[str]:
        self._demonym_table()
        assert self._demonyms is not None
        table, pattern = self._demonyms
        if pattern is None:
            return set()
        return {table[m.group(0).lower()] for m in pattern.finditer(text)}

    def _dateline_country(self, place: str | None) -> str | None:
        """The country of a wire dateline's place ("LA PAZ" -> BO): a country, else its most likely town.

        A dateline names a capital or a large city, so the largest same-named town decides
        (a national capital first); a name the gazetteer does not know ("CLANDESTINE") gives none.
        """
        if not place:
            return None
        got = self.gazetteer.lookup_key(fold_text(place))
        best: tuple[int, int, str] | None = None
        for idx, alt in got[:40]:
            e = self.gazetteer.entry(idx)
            if e.feature == "country" and not alt:
                return e.cc
            if e.feature == "populated place":
                rank = (int(e.capital), e.population, e.cc)
                if best is None or rank > best:
                    best = rank
        return best[2] if best else None

    def _best_prior(self, m: _M) -> tuple[int, str]:
        """(largest population of a town of this name, the highest feature type among its places).

        A county's population says nothing about how likely its bare name is a place ("Jones",
        "Bell"): admin2 units count only as a feature ("admin2" when nothing else has the name).
        """
        best_pop, best_feature, any_town = 0, "populated place", False
        # ... unless it is written with its cue word ("Clarke County")
        county_cued = m.cue in ADMIN_CUES or bool(ADMIN_SUFFIX.search(m.text))
        for idx, _alt in m.candidates[:40]:
            e = self.gazetteer.entry(idx)
            if e.feature in ("country", "admin1", "continent", "region"):
                return max(best_pop, e.population), e.feature
            if e.feature == "admin2" and not county_cued:
                continue
            any_town = True
            best_pop = max(best_pop, e.population)
        if not any_town and m.candidates:
            best_feature = "admin2"
        return best_pop, best_feature

    def _merge_adjacent(self, kept: list[_M], text: str) -> list[_M]:
        """Two names with only a space between are one longer name ("Pang Chin", "Prosperous Armenia").

        The merged name keeps the gazetteer's places for the whole (usually none: then only a
        qualifier can place it, "Pang Chin village (Namtu Township, ...)").
        """
        out: list[_M] = []
        for m in kept:
            prev = out[-1] if out else None
            if (
                prev is not None
                and text[prev.end : m.start] == " "
                and not prev.cue
                and not ADMIN_SUFFIX.search(m.text)
                and not _ADMIN_AFTER.match(text[m.end : m.end + 30])
                and not self._important(prev)  # "Greece Italy", "Maiduguri Borno State", "Washington Post"
            ):
                full = text[prev.start : m.end]
                key, got = self._lookup(full)
                merged = _M(prev.start, m.end, full, key, got, label=m.label or prev.label, cue=m.cue)
                out[-1] = merged
                continue
            out.append(m)
        return out

    def _cued_unknowns(self, kept: list[_M], text: str) -> list[_M]:
        """Capitalized names the gazetteer lacks, written with a cue: "Myo Thit, Si Hat villages".

        They come with no places of their own; a qualifier after them ("... in Momauk township
        (Bhamo District, Kachin State)") places them.
        """
        added: list[_M] = []
        for match in _CUED_NAMES.finditer(text):
            cue = match.group("cue").lower().rstrip("s") if match.group("cue").lower() != "townships" else "township"
            for name in _NAME_WORDS.finditer(match.group("names")):
                s0 = match.start("names") + name.start()
                e0 = match.start("names") + name.end()
                # a shorter match inside the name ("Hat" in "Si Hat") gives way to it
                inside = [m for m in kept if s0 <= m.start and m.end <= e0 and (m.start, m.end) != (s0, e0)]
                if inside:
                    kept = [m for m in kept if m not in inside]
                if any(m.start < e0 and s0 < m.end for m in kept) or any(
                    m.start < e0 and s0 < m.end for m in added
                ):
                    continue
                key, got = self._lookup(name.group(0))
                added.append(_M(s0, e0, name.group(0), key, got, cue=cue))
        if not added:
            return kept
        return sorted(kept + added, key=lambda m: m.start)

    @staticmethod
    def _hyphen_joined(text: str, m: _M, mentions: list[_M]) -> bool:
        """``m`` is joined by a hyphen to a capitalized word that is not itself a place mention."""
        if _HYPHEN_AFTER.match(text[m.end : m.end + 3]):
            return not any(o.start == m.end + 1 for o in mentions)
        if _HYPHEN_BEFORE.search(text[max(0, m.start - 3) : m.start]):
            return not any(o.end == m.start - 1 for o in mentions)
        return False

    def _important_inside(self, mentions: list[_M], start: int, end: int) -> bool:
        """An important place (country, province, city) is matched inside ``start:end``: "Greece Italy"."""
        return any(start <= o.start and o.end <= end and self._important(o) for o in mentions)

    def _important(self, m: _M) -> bool:
        pop, feature = self._best_prior(m)
        return feature in ("country", "admin1", "region", "continent") or pop >= _EMBEDDED_MIN_POPULATION

    @staticmethod
    def _starts_org(ents: list[tuple[int, int, str]], m: _M, text: str) -> bool:
        """``m`` opens the ORG entity covering it: "(the) Beverly Hills Police Department" is in Beverly Hills."""
        for es, ee, lab in ents:
            if lab == "ORG" and es < m.end and m.start < ee:
                head = text[es : m.start].strip().lower()
                return head in ("", "the")
        return False

    @staticmethod
    def _opens_two_word_name(ents: list[tuple[int, int, str]], m: _M, text: str) -> bool:
        """``m`` and one more name word make the whole ORG entity: "Goris Dhuusa", "Goris Ventures".

        Not an institution of the place ("Kyiv Post", "Baghdad Police") nor a cued name ("Clarke County").
        """
        for es, ee, lab in ents:
            if lab == "ORG" and es < m.end and m.start < ee:
                nxt = re.fullmatch(r" [A-Z][a-z][\w'’-]*", _unpossessive(text[m.end : ee]))
                return bool(nxt and not ADMIN_SUFFIX.search(m.text) and _continues_name(nxt.group(0)))
        return False

    @staticmethod
    def _org_starts_before(ents: list[tuple[int, int, str]], m: _M, text: str) -> bool:
        """The ORG entity covering ``m`` has a capitalized word right before it ("United Russia").

        Not an acronym ("HSBC Malta": the bank's branch in Malta) nor "of" ("Bank of America").
        """
        for es, ee, lab in ents:
            if lab == "ORG" and es < m.end and m.start < ee:
                head = text[es:m.start]
                if not head.endswith(" ") or not head.strip():
                    return False
                word = head.split()[-1]
                return (word[:1].isupper() and not word.isupper() and word.lower() not in _name_words()[0]
                        and word.lower() not in ("the", "of"))
        return False

    @staticmethod
    def _is_outlet(name: str) -> bool:
        from ..read.outlets import default_outlets

        return default_outlets().lookup(name) is not None

    # -------------------------------------------------------------- stage

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # joined from the tokens on every access: read once
        mentions = self.collect(doc, text)
        inputs = [MentionInput(m.start, m.end, m.text, m.key, m.candidates, m.cue) for m in mentions]
        for i in range(len(mentions) - 1):
            if _LIST_GAP.match(text[mentions[i].end : mentions[i + 1].start]):
                inputs[i].listed_with.append(i + 1)
                inputs[i + 1].listed_with.append(i)
        # qualifiers: "X, Tavush", "X (Y Township, Z District, Chin State)", "X in Y"
        for i in range(len(mentions)):
            j = i + 1
            if j < len(mentions) and _QUALIFIER_GAP.match(text[mentions[i].end : mentions[j].start]):
                inputs[i].qualifiers.append(j)
                k = j + 1
                while k < len(mentions) and _CHAIN_GAP.match(text[mentions[k - 1].end : mentions[k].start]):
                    inputs[i].qualifiers.append(k)
                    k += 1
        article = doc._.article
        article_id = article.article_id if article is not None else ""
        filed_cc = self._dateline_country(article.dateline_place if article is not None else None)
        resolved = resolve_mentions(self.gazetteer, inputs, demonym_cc=self._demonym_countries(text),
                                    filed_cc=filed_cc)
        places = []
        for m, inp, r in zip(mentions, inputs, resolved, strict=True):
            if r is None or m.hint:
                continue
            places.append(
                PlaceMention(
                    m.start,
                    m.end,
                    m.text,
                    to_place(self.gazetteer, inp, r, article_id),
                    cue=ORG_CUE if m.in_org else (m.cue or (m.prep if m.prep in ("in", "near", "at") else None)),
                )
            )
        doc._.places = places
        doc._.filed_from = self.gazetteer.country(filed_cc)[0] if filed_cc else None
        return doc


def _load_demonyms(gaz: Gazetteer) -> tuple[dict[str, str], re.Pattern[str] | None]:
    """Demonym -> ISO alpha-2 from lexicons/countries.tsv (shared with the actors stage)."""
    from importlib import resources

    iso3_to_cc = {iso3: cc for cc, (_n, iso3) in gaz.cols["countries"].items()}
    path = resources.files("clashlog") / "lexicons" / "countries.tsv"
    table: dict[str, str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}, None
    header = True
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        if header:
            header = False
            continue
        cols = line.split("\t")
        if len(cols) >= 4 and cols[1] in iso3_to_cc:
            for d in cols[3].split("|"):
                if d and d[:1].isupper() and len(d) > 3:
                    table[d.lower()] = iso3_to_cc[cols[1]]
    if not table:
        return {}, None
    alt = "|".join(re.escape(d) for d in sorted(table, key=len, reverse=True))
    return table, re.compile(r"\b(?:" + alt + r")\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _region_demonyms() -> tuple[dict[str, str], re.Pattern[str] | None]:
    path = Path(str(resources.files("clashlog") / "lexicons" / "region_demonyms.tsv"))
    table: dict[str, str] = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if line.startswith("#") or len(cols) < 2 or cols[0] == "demonym":
                continue
            table[cols[0].strip().lower()] = cols[1].strip()
    if not table:
        return {}, None
    alt = "|".join(re.escape(d) for d in sorted(table, key=len, reverse=True))
    return table, re.compile(r"\b(?:" + alt + r")\b", re.IGNORECASE)


def _inside_longer_name(text: str, start: int, end: int, mentions: list[_M]) -> bool:
    """A capitalized word joins the match into a longer name: "Taco Bell", "Glacier Ridge school".

    Function words ("In Fairfield"), compass words ("South Arlington"), cue words ("Fairfield
    County") and words that are themselves place mentions ("Gainesville, Florida") do not count.
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    modifiers, features = _name_words()

    def joins(word: str, w_start: int) -> bool:
        low = word.lower()
        if low in STOP_WORDS or low in modifiers or low in ADMIN_CUES or low in TOWN_CUES:
            return False
        return not any(o.start <= w_start < o.end for o in mentions)

    b = _CAP_BEFORE.search(text[max(0, start - 30) : start])
    if b:
        w_start = start - 1 - len(b.group(1))
        lead = text[max(0, w_start - 3) : w_start].strip()
        # a capitalized first word of a sentence or headline says nothing ("Missing Glen Allen woman")
        sentence_initial = not lead or lead[-1] in ".!?:;\"“-—"
        if not sentence_initial and joins(b.group(1), w_start):
            return True
    a = _CAP_AFTER.match(text[end : end + 30])
    return bool(a and a.group(1).lower() in features and joins(a.group(1), end + 1))


def _unpossessive(name: str) -> str:
    """``name`` without a possessive ending: "Mississippi State's" -> "Mississippi State"."""
    return name[:-2] if name.endswith(("'s", "’s")) else name


_CONTINUATION = re.compile(r"^(?: [A-Z][a-z][A-Za-z'’-]*)+$")


@lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    """Words that never continue a place's name into a longer one: cues, institutions, compass, function words."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(ADMIN_CUES | TOWN_CUES | STOP_WORDS | _institution_words() | _name_words()[0])


def _continues_name(tail: str) -> bool:
    """``tail`` (the rest of a place entity after a known name) makes it a longer name: " Heights", " Dhuusa".

    Only capitalized words, none an admin or town cue ("Paletwa Township", "Gaza City": the place
    itself), an institution ("St. Louis Police": the place's), a compass word ("Columbus East")
    nor a function word.
    """
    if not _CONTINUATION.match(tail):
        return False
    stop = _not_name_words()
    for word in tail.split():
        w = _unpossessive(word).lower()
        if w in stop or w.removesuffix("s") in stop:
            return False
    return True


def _leads_name(head: str, tail: str) -> bool:
    """``head`` and ``tail`` (the words of a place entity around a known name) make it a longer name.

    "Kafr Goris", "North Goris Heights": capitalized words, not function or cue words.
    Compass and size words before the name ("South Kordofan", "Greater Manchester") only qualify it,
    unless a longer name follows.
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    if not re.match(r"^(?:[A-Z][A-Za-z'’-]* )+$", head):
        return False
    if tail and not _continues_name(tail):
        return False
    words = [w.lower() for w in head.split()]
    if any(w in STOP_WORDS or w in ADMIN_CUES or w in TOWN_CUES for w in words):
        return False
    return bool(tail) or not all(w in _name_words()[0] for w in words)


_CALENDAR_WORD = re.compile(
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|"
    r"September|October|November|December"
)


def _name_follows(text: str, m: _M, mentions: list[_M]) -> bool:
    """A capitalized word that is no place, cue, institution or date right after ``m``, and ends the
    capitalized run: "Goris Mkhitaryan went"."""
    a = _CAP_AFTER.match(text[m.end : m.end + 30])
    if not a or _CALENDAR_WORD.fullmatch(a.group(1)) or any(o.start == m.end + 1 for o in mentions):
        return False
    # a longer run of capitalized words is an institution's name ("Byesville Volunteer Fire Department")
    if re.match(r" [A-Z]", text[m.end + a.end() : m.end + a.end() + 2]):
        return False
    if not _continues_name(" " + a.group(1)):
        return False
    # in a title-case line ("Shelling In Goris Kills Two") every word is capitalized
    line_start = max(text.rfind("\n", 0, m.start), 0)
    line_end = text.find("\n", m.end)
    words = re.findall(r"[A-Za-z]+", text[line_start : line_end if line_end != -1 else len(text)])
    return not (len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words))


def _sentence_parsed(parsed_starts: list[int], char: int) -> bool:
    import bisect

    i = bisect.bisect_right(parsed_starts, char)
    return i > 0


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
    A place followed by its own admin region ("Kolagir, Tavush") wins over the region.
    """
    cands = places_in_sentence(places, sentence_start, sentence_end)
    if not cands:
        return None

    def rank(p: PlaceMention) -> tuple[int, int, int]:
        feature = p.place.feature if p.place else None
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

    return min(cands, key=rank)


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
