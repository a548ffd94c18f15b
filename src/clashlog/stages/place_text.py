"""Toponym mentions and what the words around them say (plain text: no gazetteer, no parser).

- `Mention`: one place mention of the article while the places stage works on it.
- The cue patterns: an admin word after a name ("Kalbajar district"), a town word before or
  after it ("the village of X", "X village"), a nearness phrase ("near Goris"), a street
  address or a person's age before a town ("400 S. Locust St., Lebanon"), a preposition,
  and the gaps that make names a list ("X, Y and Z") or a qualified name ("X, Tavush",
  "X (Y Township, Z District)"); `read_cues` sets them on the mentions.
- The name shapes that make a match part of a longer capitalized name the gazetteer lacks
  ("Nairobi Heights", "Kafr Goris", "Taco Bell", "Goris Mkhitaryan went", "Diaz-Balart"),
  with their word lists from lexicons/toponym_name_words.txt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..gazetteer.names import ADMIN_SUFFIX
from ..gazetteer.resolve import ADMIN_CUES, COMPASS, TOWN_CUES
from ..lexicon_files import word_sections
from .date_lexicon import CALENDAR_WORD

# a name joined by a hyphen to a capitalized word that is no place: "Diaz-Balart", "Sierra-Leonean"
_HYPHEN_AFTER = re.compile(r"^-[A-Z][a-z]")
_HYPHEN_BEFORE = re.compile(r"[A-Za-z][a-z]-$")

ADMIN_AFTER = re.compile(
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
# after a place, the officials or institutions it names the jurisdiction of: "Turkey's defence ministry",
# "said Akobo county commissioner Gatwech Ruach", "Kharkiv regional governor": who speaks, not where
# something happened
OFFICIALS_AFTER = re.compile(
    r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:ministry|ministries|military|army|government|president|prime\s+minister|"
    r"forces|troops|general\s+staff|spokes(?:man|woman|person)|officials?|authorities|leaders?|embassy|envoy|"
    r"delegation|foreign\s+minister|defen[cs]e\s+minister)\b"
    r"|(?:['’]s)?\s+(?:(?:county|state|district|regional|provincial|city|local|municipal|town|area)\s+)?"
    r"(?:commissioner|governor|mayor|administrator|spokes(?:man|woman|person)|police\s+chief|prefect|"
    r"official|officials|chief)\b",
    re.I,
)
# a word naming a part of the place after it ("DOWNTOWN SAN SALVADOR", "northern Kachin"), not a longer name
PART_WORD = re.compile(rf"(?:{COMPASS}|downtown|uptown|midtown|greater|rural|suburban|outer|inner|metropolitan)",
                       re.IGNORECASE)
# verbs whose object is a place ("troops entered Humera", "shelled Avdiivka"): they support a name
# like a preposition of place
PLACE_VERBS = r"entered|shelled|bombed|bombarded|retook|recaptured|stormed|besieged|overran|liberated"
_PREP_BEFORE = re.compile(
    r"\b(?P<w>in|near|at|from|to|into|outside|around|across|toward|towards|of|on|"
    r"between|and|via|through|" + PLACE_VERBS + r")\s+(the\s+)?$",
    re.IGNORECASE,
)
# a possessive between a country and a place of it: "Colombia's Catatumbo region", "Pakistan's northwestern
# Kurram district"
OWNER_GAP = re.compile(r"['’]s\s+(?:(?!(?:of|to|in|on|at|by|for|from|with|and|or|the|an?)\s)[a-z][\w-]*\s+){0,3}")
LIST_GAP = re.compile(r"^(\s*,\s*(and\s+)?|\s+and\s+|\s*/\s*|\s+or\s+)$", re.IGNORECASE)
# "X, Tavush", "X (Y Township", "X in Y", and with the mention's own cue word between:
# "Pang Chin village (Namtu Township", "Myo Thit villages in Momauk township"
_GAP_CUE = (r"(\s+(villages?|towns?|townships?|city|settlements?|hamlets?|districts?|regions?|provinces?|areas?|"
            r"suburbs?|neighbou?rhoods?|quarters?|localit(?:y|ies)|wards?|junction))?")
# "... in the western section of Y", "..., in the northern outskirts of the Y"
_PART_OF = (r"(\s*,)?\s+in\s+the\s+(?:[a-z-]+\s+){0,2}(?:parts?|sections?|sectors?|areas?|outskirts|suburbs?|sides?|"
            r"zones?)\s+of\s+(?:the\s+)?")
# the mention is named as a part of the next place: "X neighborhood of Y", "X, in the western section of Y"
PART_OF_GAP = re.compile(r"^(?:\s+(?:suburbs?|neighbou?rhoods?|quarters?|wards?|areas?|districts?|townships?|compounds?|"
                         r"slums?|estates?)(?:\s*,\s*|\s+in\s+|\s+of\s+|"
                         + _PART_OF + r")|" + _GAP_CUE + _PART_OF + r")$", re.IGNORECASE)
# "X in northern Mozambique", "X, in southeastern Turkey", "X in the Gao region"
QUALIFIER_GAP = re.compile(_GAP_CUE + r"(\s*,\s*|\s*\(\s*|\s*,?\s+in\s+(?:the\s+)?(?:" + COMPASS + r"\s+)?|\s+of\s+|"
                           + _PART_OF + r")$", re.IGNORECASE)
CHAIN_GAP = re.compile(_GAP_CUE + r"(\s*,\s*|\s*\(\s*)$", re.IGNORECASE)
# a capitalized word right before / after a match makes it part of a longer name ("Taco Bell",
# "Glacier Ridge", "Charles Webb Center") unless it is a function word, a compass word or a cue
_CAP_BEFORE = re.compile(r"(?:^|[\s(\"“])([A-Z][A-Za-z'’-]+) $")
_CAP_AFTER = re.compile(r"^ ([A-Z][a-z][A-Za-z'’-]*)")
# a town written after a street address or a person's age: "400 S. Locust St., Lebanon",
# "Joyce Glover, 22, Palestine" -> the town, never the country of the same name
_ADDRESS_BEFORE = re.compile(
    r"(\b\d+\s+(?:[NSEW]\.?\s+)?(?:[A-Z][a-z]+\.?\s+){1,3}"
    r"(?:St|Street|Ave|Avenue|Rd|Road|Dr|Drive|Blvd|Boulevard|Lane|Ln|Way|Court|Ct|Pike|Hwy|Highway)\.?"
    r"|[A-Z][a-z]+,\s+\d{1,3}),\s*$"
)


@lru_cache(maxsize=1)
def name_word_sections() -> dict[str, frozenset[str]]:
    """The sections of lexicons/toponym_name_words.txt: modifiers, features, institutions, common."""
    path = Path(str(resources.files("clashlog") / "lexicons" / "toponym_name_words.txt"))
    found = word_sections(path)
    return {k: found.get(k, frozenset()) for k in ("modifiers", "features", "institutions", "common")}


def name_words() -> tuple[frozenset[str], frozenset[str]]:
    """(modifier words, feature words) from lexicons/toponym_name_words.txt."""
    sections = name_word_sections()
    return sections["modifiers"], sections["features"]


def _institution_words() -> frozenset[str]:
    """Words that make "<place> <word>" an institution of the place ("Kyiv Post", "Harare City Council")."""
    return name_word_sections()["institutions"]


@dataclass
class Mention:
    """A place mention while the places stage decides on it: where it is, its gazetteer key and
    candidates ((place index, found only as an alternate spelling)), and what the text says of it."""

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
    variant: bool = False  # found only as another romanization ("Ras al-Ain" for Ra's al 'Ayn); also fuzzy
    whole: bool = False  # widened to the parser's longer place name the gazetteer lacks ("Nairobi Heights")
    weak: bool = False  # only an alternate spelling, with nothing in the text saying it is a place
    hint: bool = False  # not a place of the text ("Memphis Street"), but context for resolving the others


def read_cues(mentions: list[Mention], text: str) -> None:
    """Set each mention's cue and preposition from the words around it.

    The cue: an admin suffix of its own ("Clarke County"), an admin word after it ("Kalbajar
    district"), a town word before or after it ("the village of X", "X village"), a nearness
    phrase before it ("near Goris"), or "town" after a street address ("400 S. Locust St., Lebanon").
    A list shares its trailing cue ("the Dashkasan, Kalbajar and Lachin directions").
    """
    for m in mentions:
        suffix = ADMIN_SUFFIX.search(m.text)
        if m.cue is None and suffix:
            m.cue = suffix.group(1).lower()
        after = text[m.end : m.end + 30]
        before = text[max(0, m.start - 40) : m.start]
        if m.cue is None:
            a = ADMIN_AFTER.match(after)
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
    for i in range(len(mentions) - 2, -1, -1):
        a, b = mentions[i], mentions[i + 1]
        if a.cue is None and b.cue in ADMIN_CUES and LIST_GAP.match(text[a.end : b.start]):
            a.cue = b.cue


def hyphen_joined(text: str, m: Mention, mentions: list[Mention]) -> bool:
    """``m`` is joined by a hyphen to a capitalized word that is not itself a place mention."""
    if _HYPHEN_AFTER.match(text[m.end : m.end + 3]):
        return not any(o.start == m.end + 1 for o in mentions)
    if _HYPHEN_BEFORE.search(text[max(0, m.start - 3) : m.start]):
        return not any(o.end == m.start - 1 for o in mentions)
    return False


def inside_longer_name(text: str, start: int, end: int, mentions: list[Mention]) -> bool:
    """A capitalized word joins the match into a longer name: "Taco Bell", "Glacier Ridge school".

    Function words ("In Fairfield"), compass words ("South Arlington"), cue words ("Fairfield
    County") and words that are themselves place mentions ("Gainesville, Florida") do not count.
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    modifiers, features = name_words()

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
    # a feature word is never a place of its own there, even where the gazetteer has one ("Mall")
    return bool(a and a.group(1).lower() in features)


def feature_word_of_name(text: str, m: Mention) -> bool:
    """``m`` is a feature word ending a longer capitalized name: "Mall" in "Central City Mall"."""
    return m.text.lower() in name_words()[1] and bool(re.search(r"[A-Z][\w'’-]* $", text[max(0, m.start - 30) : m.start]))


def unpossessive(name: str) -> str:
    """``name`` without a possessive ending: "Mississippi State's" -> "Mississippi State"."""
    return name[:-2] if name.endswith(("'s", "’s")) else name


_CONTINUATION = re.compile(r"^(?: [A-Z][a-z][A-Za-z'’-]*)+$")


@lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    """Words that never continue a place's name into a longer one: cues, institutions, compass, function words."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(ADMIN_CUES | TOWN_CUES | STOP_WORDS | _institution_words() | name_words()[0])


def continues_name(tail: str) -> bool:
    """``tail`` (the rest of a place entity after a known name) makes it a longer name: " Heights", " Dhuusa".

    Only capitalized words, none an admin or town cue ("Paletwa Township", "Gaza City": the place
    itself), an institution ("St. Louis Police": the place's), a compass word ("Columbus East")
    nor a function word.
    """
    if not _CONTINUATION.match(tail):
        return False
    stop = _not_name_words()
    for word in tail.split():
        w = unpossessive(word).lower()
        if w in stop or w.removesuffix("s") in stop:
            return False
    return True


def leads_name(head: str, tail: str) -> bool:
    """``head`` and ``tail`` (the words of a place entity around a known name) make it a longer name.

    "Kafr Goris", "North Goris Heights": capitalized words, not function or cue words.
    Compass and size words before the name ("South Kordofan", "Greater Manchester") only qualify it,
    unless a longer name follows.
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    if not re.match(r"^(?:[A-Z][A-Za-z'’-]* )+$", head):
        return False
    if tail and not continues_name(tail):
        return False
    words = [w.lower() for w in head.split()]
    if any(w in STOP_WORDS or w in ADMIN_CUES or w in TOWN_CUES for w in words):
        return False
    return bool(tail) or not all(w in name_words()[0] for w in words)


_CALENDAR_WORD = re.compile(CALENDAR_WORD)


def name_follows(text: str, m: Mention, mentions: list[Mention]) -> bool:
    """A capitalized word that is no place, cue, institution or date right after ``m``, and ends the
    capitalized run: "Goris Mkhitaryan went"."""
    a = _CAP_AFTER.match(text[m.end : m.end + 30])
    if not a or _CALENDAR_WORD.fullmatch(a.group(1)) or any(o.start == m.end + 1 for o in mentions):
        return False
    # a longer run of capitalized words is an institution's name ("Byesville Volunteer Fire Department")
    if re.match(r" [A-Z]", text[m.end + a.end() : m.end + a.end() + 2]):
        return False
    if not continues_name(" " + a.group(1)):
        return False
    # in a title-case line ("Shelling In Goris Kills Two") every word is capitalized
    line_start = max(text.rfind("\n", 0, m.start), 0)
    line_end = text.find("\n", m.end)
    words = re.findall(r"[A-Za-z]+", text[line_start : line_end if line_end != -1 else len(text)])
    return not (len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words))
