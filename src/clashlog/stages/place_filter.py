"""Which gazetteer matches and parser entities are places of the article.

`keep_supported` drops a mention the context does not support: the parser calls it a
date or a person ("Barry said"), it is one part of a longer name ("Taco Bell", "Diaz-Balart",
"Goris Mkhitaryan went"), a common word opening a name ("the Supreme Court"), an acronym, a
known outlet ("APA"), a bare county name, a surname of the article's people, or a small place
with nothing in the text saying it is one; it marks a street named after a place ("Memphis
Street") as context only, a place in an organization's name ("Prosperous Armenia") as no event
location, and a name known only as an alternate spelling as weak.  In wire copy set in capitals it
also drops a common English word that is no important place ("THE STATE POWER COMPANY"), a
stoplisted word after "THE" ("EAST OF THE CAPITAL"), a transcript's speaker tag ("[PONCE]") and a
name once written after a title; a military unit named after a place ("PONCE BATTALION") locates
no event.  The parser's evidence (entities, parts of speech, speech verbs, organization names) is
read here too.
"""

from __future__ import annotations

import bisect
import functools
import re

from spacy.tokens import Doc

from ..extensions import sentence_at
from ..gazetteer.match import ARABIC_ARTICLES
from ..gazetteer.names import ADMIN_SUFFIX, fold_text
from ..gazetteer.resolve import ADMIN_CUES, AREA_FEATURES
from .actors import name_spans
from .named_victims import after_title
from .place_context import EMBEDDED_MIN_POPULATION, PlaceContext
from .place_text import (
    LIST_GAP,
    Mention,
    continues_name,
    feature_word_of_name,
    hyphen_joined,
    inside_longer_name,
    name_follows,
    name_word_sections,
    name_words,
    unpossessive,
)

# parser labels that make a gazetteer match something other than a place (the small model
# often calls a Caucasus village a PERSON or ORG, so these only weaken a match)
_NOT_PLACE_LABELS = {"PERSON", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE", "ORG"}
_NEVER_PLACE_LABELS = {"DATE", "TIME", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL", "PERCENT"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# an unsupported match (no GPE/LOC label, cue or preposition) must be at least this populous
_BARE_MIN_POPULATION = 1_000
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
_NAME_THEN_POST = re.compile(
    r"(?P<names>(?:\s+[A-Z][\w'’-]+){1,2}),\s+(?:(?:the|a|an)\s+)?(?P<t>[\w-]+)\s+(?:of|for|at)\s", re.I
)


def _titled_person_after(text: str, end: int) -> bool:
    """A name word or two, a comma and a post of something right after the mention ("Orlando Arevalo,
    leader of ..."): the mention is a person's given name."""
    from .named_victims import default_victim_lexicon

    m = _NAME_THEN_POST.match(text, end)
    if m is None or m.group("t").lower() not in default_victim_lexicon().titles:
        return False
    # "Baghdad Airport, a civilian facility": a feature word continues a place's name
    return not any(w.lower() in name_words()[1] for w in m.group("names").split())


_AGE_AFTER = re.compile(r"(?:\s+[A-Z][\w'’-]+){0,2},\s*\d{1,3}\s*,\s*(?![A-Z][a-z]+\s*(?:,|$))")
_STREET_WORD = r"(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Drive|Parkway|Pike)"
_STREET_AFTER = re.compile(rf"^ {_STREET_WORD}\b")
# ... or after one or two more name words: "Lillian Ngoyi Street" is named after a person, not Lillian
_NAMED_STREET_AFTER = re.compile(rf"((?: [A-Z][a-z][A-Za-z'’-]*){{1,2}}) {_STREET_WORD}\b")
_METONYM_AFTER = re.compile(
    r"['’]s\s+(?:\w+\s+)?(?:military|army|armed forces|forces|troops|government|officials|authorities|leadership|"
    r"side|claims?|ministry|defen[cs]e ministry|foreign ministry|general staff|command)\b",
    re.I,
)
# words that make a DATE/TIME entity a real one besides the date lexicon's months, weekdays,
# number words, periods and parts of day
_GENERIC_TIME_WORDS = (
    "day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades", "century",
    "centuries", "hour", "hours", "minute", "minutes", "season", "seasons", "spring", "summer", "autumn",
    "fall", "winter", "weekend", "weekends", "ago", "era", "period", "time", "times", "date", "night",
    "nights", "morning", "evening", "afternoon", "noon", "midnight", "dawn", "dusk", "today", "tonight",
    "yesterday", "tomorrow", "daily", "annual", "annually", "christmas", "easter", "ramadan", "eid",
    "holiday", "holidays", "quarter", "fiscal", "past", "last", "next", "recent", "early", "late",
)
_THE_BEFORE = re.compile(r"\bTHE\s+$")
_UNIT_AFTER = re.compile(r"\s+(?:battalion|brigade|regiment|infantry|detachment)s?\b", re.I)
# a number after a name, then a break: a numbered subdivision ("Ward 8 and", "Block 4,")
# "SAN JUAN DE LURIGANCHO", "Santa Cruz de la Sierra": a Romance name goes on after "de", an Arabic one
# after its article ("Ras al-Ain"); the first words alone are another place (San Juan, Puerto Rico; Ras, India)
_ARTICLES = "|".join(sorted(ARABIC_ARTICLES, key=len, reverse=True))
_NAME_GOES_ON = re.compile(
    r" (?:[Dd]e(?: [Ll]as?| [Ll]os)?|[Dd]el|[Dd][ao]s?|DE(?: LAS?| LOS)?|DEL|D[AO]S?) [A-Z]"
    rf"|[ -](?:{_ARTICLES}|{_ARTICLES.upper()})-[A-Z]"
)
_NUMBER_AFTER = re.compile(r" (?:No\.? ?)?\d+(?=[,;:)]|\.(?!\d)|$| (?:and|or|of|in|at|on|near)\b)")


_IDENTITY = re.compile(r"\b(?:Ethnic|Clan) Militia\b")


def keep_supported(
    ctx: PlaceContext,
    doc: Doc,
    text: str,
    kept: list[Mention],
    ents: list[tuple[int, int, str]],
    caps: bool,
) -> list[Mention]:
    """The mentions of ``kept`` (in text order, with cues read) that the context supports as places.

    ``ents`` are the parser's entities (`parser_entities`); ``caps``: the article is all capitals.
    """
    parsed_starts = sorted((doc._.parses or {}).keys())
    listed: dict[int, bool] = {}  # in a list with a place the parser recognised: "Karvachar and Stepanakert"
    for a, b in zip(kept, kept[1:], strict=False):
        if LIST_GAP.match(text[a.end : b.start]):
            if a.label in PLACE_LABELS or a.cue:
                listed[id(b)] = True
            if b.label in PLACE_LABELS or b.cue:
                listed[id(a)] = True
    for a, b in zip(kept, kept[1:], strict=False):  # one more step along the list
        if LIST_GAP.match(text[a.end : b.start]) and (listed.get(id(a)) or listed.get(id(b))):
            listed[id(a)] = listed[id(b)] = True
    demonyms = ctx.demonym_table()
    groups = name_spans(text, countries=False)
    # the ethnic and clan militias the actors stage found ("Afar youths", "Abala herdsmen")
    militias = [(a.start, a.end) for a in doc._.actors or [] if a.kind == "militia" and _IDENTITY.search(a.name)]
    # last names of the article's people ("Mark Zuckerberg"): alone later, still a person
    surnames = {
        fold_text(text[es:ee]).split()[-1]
        for es, ee, lab in ents
        if lab == "PERSON" and " " in text[es:ee].strip()
    }
    # in capitals a name written after a title is a person's, whatever the parser says ("PHOTOGRAPHER
    # ROBERTO NAVAS", "GENERAL RENE EMILIO PONCE"), and so is the same name alone later
    titled = {
        m.key
        for m in kept
        if caps
        and not m.cue
        and after_title(text[max(0, m.start - 80) : m.start], text[m.end : m.end + 40], caps=caps)
    }
    out = []
    for m in kept:
        # a number or date label is the parser's mistake when a cue word says what the name is
        # ("in Mawlamyine town", labelled CARDINAL)
        if m.label in _NEVER_PLACE_LABELS and not m.cue and not _mislabelled_date(ents, m, text):
            continue
        best_pop, best_feature = ctx.best_prior(m)
        if m.key in demonyms and best_feature != "country":
            continue
        important = (
            best_feature in ("country", "admin1", "region") or best_pop >= EMBEDDED_MIN_POPULATION
        )
        # "Kyiv City Council" keeps Kyiv, "John Lachin" loses Lachin
        starts_org = m.label == "ORG" and _starts_org(ents, m, text)
        if (
            m.embedded
            and m.label not in PLACE_LABELS
            and (m.label == "PERSON" or not important)
            and not starts_org
        ):
            continue
        # "Goris Dhuusa" (a two-word name the gazetteer lacks) is not Goris; "Goris Ventures" is a
        # firm of Goris: either way no place of the text, but a hint where the article is
        if m.embedded and starts_org and not important and _opens_two_word_name(ents, m, text):
            m.hint = True
        # a word inside a facility's name after "of" ("the Faculty of Law")
        if m.embedded and m.label == "FAC" and not important:
            continue
        # a name inside a party/organization name that starts with another word
        # ("Prosperous Armenia", "United Russia", "State Duma") names the organization
        # (kept for the places list, as geoparsing corpora count it, but marked so that no
        # event is located there)
        if m.label == "ORG" and _org_starts_before(ents, m, text):
            m.in_org = True
        # "the Tupac Amaru Revolutionary Movement": a minor place's name inside an armed group's name (an
        # important one, "the Derna Mujahideen Shoura Council", "the Myanmar military", still tells where)
        if not important and any(gs <= m.start and m.end <= ge and ge - gs > m.end - m.start for gs, ge in groups):
            m.in_org = True
        # "Afar youths", "Abala herdsmen": an ethnic group's armed men, whatever place shares its name
        if any(gs <= m.start and m.end <= ge and ge - gs > m.end - m.start for gs, ge in militias):
            m.in_org = True
        # "PONCE BATTALION UNITS FOUND ...", "the Azov regiment": a military unit named after a place
        # is no sign of where the event happened
        if _UNIT_AFTER.match(text, m.end):
            m.in_org = True
        # "Kiev's military said", "Moscow's forces": a capital standing for its government is kept as a
        # toponym (a metonymic mention) but locates no event
        if best_feature != "country" and _METONYM_AFTER.match(text, m.end):
            m.in_org = True
        # "McGregor said": a person, unless an important place speaks for its government
        if not important and _speaks(doc, m.start, m.end):
            continue
        # "Memphis Street", "Washington Drive": a street named after the place
        # (a numbered county road, "Douglas County Road 4", runs in that county)
        street = _STREET_AFTER.match(text[m.end : m.end + 12])
        if street and best_feature not in ("country", "continent", "region") and not ADMIN_SUFFIX.search(m.text) \
                and not text[m.end + street.end() : m.end + street.end() + 2].strip()[:1].isdigit():
            m.hint = True  # a street is often named after a place nearby: context only
        # "Diaz-Balart", "Sierra-Leonean": one part of a hyphenated name; two places joined by a
        # hyphen ("Abuja-Kaduna") stay
        if not important and not m.cue and hyphen_joined(text, m, kept):
            continue
        # "Vargas Escobar, 56, was shot": a name followed by an age is a person's
        if best_feature not in ("country", "region", "continent") and not m.cue \
                and _AGE_AFTER.match(text, m.end):
            continue
        if _NAME_GOES_ON.match(text, m.end):
            continue
        # "ORLANDO AREVALO, LEADER OF THE PEASANT UNION": a given name, a surname and the person's post
        if best_feature not in ("country", "region", "continent") and not m.cue and _titled_person_after(text, m.end):
            continue
        # "Ward 8", "Block 4", "Sector 7": a word before a number designates a subdivision
        if not important and not m.cue and _NUMBER_AFTER.match(text, m.end):
            continue
        # a known outlet or agency ("APA", "Trend") is a source, not a place
        if best_feature != "country" and _is_outlet(m.text):
            continue
        # another romanization is only looked for where the text says a place is named (a place
        # entity, a cue word, a preposition of place)
        supported = m.label in PLACE_LABELS or m.cue is not None or listed.get(id(m), False) or m.variant
        # a bare county name ("Jones", "Licking"): a county is written with its cue word
        if best_feature == "admin2" and not supported and not caps:
            continue
        if not m.cue and not important and not caps and inside_longer_name(text, m.start, m.end, kept):
            continue
        if not important and not caps and feature_word_of_name(text, m):
            continue
        # "Lillian Ngoyi Street": the first word of a street's name the gazetteer lacks
        named_street = _NAMED_STREET_AFTER.match(text, m.end)
        if not m.cue and not important and not caps and named_street and continues_name(named_street.group(1)):
            continue
        # "Workers at Goris Mkhitaryan went ...": a capitalized name word the parser left outside any
        # entity continues the name (not in a title-case headline)
        if m.label is None and not m.cue and not important and not caps and name_follows(text, m, kept):
            continue
        prep_ok = m.prep in ("in", "near", "at", "from", "into", "outside", "around") and not caps
        # a stoplisted word after "THE" in capitals is a common noun ("OUTSKIRTS OF THE CAPITAL", "THE
        # CAPITAL CITY"), unless an admin word follows ("THE CAPITAL DISTRICT")
        if m.context_only and caps and m.cue not in ADMIN_CUES and _THE_BEFORE.search(text[max(0, m.start - 6) : m.start]):
            continue
        if m.context_only and not supported and not prep_ok and not (important and not caps):
            continue
        # "[PONCE] WE CAN ASK THEM ...": a transcript's speaker tag is a person
        if caps and best_feature != "country" and _speaker_tag(text, m.start, m.end):
            continue
        # "the Supreme Administrative Court", "the Mobile Forces", "at the College of Art": a
        # common word opening a name
        if not supported and (not prep_ok or m.embedded) and m.key in name_word_sections()["common"]:
            continue
        # acronyms in mixed-case text (NATO, APC, MoD) are places only when the parser says so
        if (
            not caps
            and m.text.replace(".", "").isupper()
            and len(m.text) <= 5
            and m.label not in PLACE_LABELS
            and best_feature not in ("country", "region")
        ):
            continue
        if m.key in surnames and not supported and m.label != "GPE":
            continue
        if m.key in titled and not m.cue and best_feature != "country":
            continue
        # "Inspector Eulogio Flores": a name written after a title is a person's unless the parser calls
        # it a place (in capitals the parser is no judge: `titled` above has dropped every such name)
        if (
            not caps
            and not m.cue
            and best_feature != "country"
            and m.label not in PLACE_LABELS
            and after_title(text[max(0, m.start - 80) : m.start], text[m.end : m.end + 40], caps=caps)
        ):
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
            # -- unless a locative preposition stands before a word that is no English word ("In
            # Rusape, angry residents ...", tagged NOUN)
            if " " not in m.text and _pos_at(doc, m.start) not in (None, "PROPN") and not (
                prep_ok and (english := ctx.english_words()) is not None and m.text not in english
            ):
                continue
        if caps and m.label is None and not supported and best_feature not in AREA_FEATURES:
            continue
        # "THE STATE POWER COMPANY", "A STORE WAS DESTROYED", "THE NORTHERN DEPARTMENT OF BOLIVAR": in
        # capitals a one-word name that is also a common English word is a place only when a cue word
        # says so, or when it is a country or a town of 100,000 people known by that very name
        # (Power County, Idaho, the Slovenian municipality of Store, Mountain Province, Philippines and
        # "The Northern", Sudan, an alternate name, are not)
        english = ctx.english_words() if caps else None
        words = [w for w in m.text.split() if w.lower() != "the"]
        if (
            english is not None
            and not m.cue
            and len(words) == 1
            and words[0] in english
            and not (
                (best_feature == "country" or _largest(ctx, m) >= EMBEDDED_MIN_POPULATION)
                and not all(alt for _idx, alt in m.candidates)
            )
        ):
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
    return out


@functools.cache
def _time_words() -> re.Pattern[str]:
    """A digit or a word of time: the date lexicon's words and `_GENERIC_TIME_WORDS`."""
    from .date_lexicon import alternation, load_lexicon

    lex = load_lexicon()
    words = {*lex.months, *lex.weekdays, *lex.numbers, *lex.day_offsets, *lex.anaphoric_days,
             *lex.parts_of_day, *lex.periods, *_GENERIC_TIME_WORDS}
    return re.compile(rf"\d|\b(?:{alternation(words)})\b", re.I)


def _mislabelled_date(ents: list[tuple[int, int, str]], m: Mention, text: str) -> bool:
    """The parser calls a place name alone a date or time ("in Manbij near the border" -> DATE):
    a DATE/TIME entity holding no digit and no word of time is no date."""
    if m.label not in ("DATE", "TIME"):
        return False
    for es, ee, lab in ents:
        if es <= m.start and m.end <= ee and lab == m.label:
            return not _time_words().search(text[es:ee])
    return False


def _speaker_tag(text: str, start: int, end: int) -> bool:
    """"[BEGIN RECORDING] [PONCE] WE CAN ...": a bracket holding only the name, opening a paragraph
    or following another bracket (a transcript's speaker tag)."""
    if start == 0 or text[start - 1] != "[" or text[end : end + 1] != "]":
        return False
    j = start - 1
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    return j == 0 or text[j - 1] in "\n]"


def _largest(ctx: PlaceContext, m: Mention) -> int:
    """The population of the most populous town the mention can name (an admin unit's population says
    nothing: "Mountain" Province, Philippines, "Capital" Region, Denmark)."""
    entries = (ctx.gazetteer.entry(idx) for idx, _alt in m.candidates)
    return max((e.population for e in entries if e.feature == "populated place"), default=0)


def parser_entities(doc: Doc) -> list[tuple[int, int, str]]:
    """(start, end, label) of every entity the parser found in the article, in text order."""
    out = []
    for sent_start, parsed in (doc._.parses or {}).items():
        for ent in parsed.ents:
            out.append((sent_start + ent.start_char, sent_start + ent.end_char, ent.label_))
    out.sort()
    return out


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


def _starts_org(ents: list[tuple[int, int, str]], m: Mention, text: str) -> bool:
    """``m`` opens the ORG entity covering it: "(the) Beverly Hills Police Department" is in Beverly Hills."""
    for es, ee, lab in ents:
        if lab == "ORG" and es < m.end and m.start < ee:
            head = text[es : m.start].strip().lower()
            return head in ("", "the")
    return False


def _opens_two_word_name(ents: list[tuple[int, int, str]], m: Mention, text: str) -> bool:
    """``m`` and one more name word make the whole ORG entity: "Goris Dhuusa", "Goris Ventures".

    Not an institution of the place ("Kyiv Post", "Baghdad Police") nor a cued name ("Clarke County").
    """
    for es, ee, lab in ents:
        if lab == "ORG" and es < m.end and m.start < ee:
            nxt = re.fullmatch(r" [A-Z][a-z][\w'’-]*", unpossessive(text[m.end : ee]))
            return bool(nxt and not ADMIN_SUFFIX.search(m.text) and continues_name(nxt.group(0)))
    return False


def _org_starts_before(ents: list[tuple[int, int, str]], m: Mention, text: str) -> bool:
    """The ORG entity covering ``m`` has a capitalized word right before it ("United Russia").

    Not an acronym ("HSBC Malta": the bank's branch in Malta) nor "of" ("Bank of America").
    """
    for es, ee, lab in ents:
        if lab == "ORG" and es < m.end and m.start < ee:
            head = text[es:m.start]
            if not head.endswith(" ") or not head.strip():
                return False
            word = head.split()[-1]
            return (word[:1].isupper() and not word.isupper() and word.lower() not in name_words()[0]
                    and word.lower() not in ("the", "of"))
    return False


def _is_outlet(name: str) -> bool:
    """``name`` is a known news outlet or agency ("APA", "Trend")."""
    from ..read.outlets import default_outlets

    return default_outlets().lookup(name) is not None


def _sentence_parsed(parsed_starts: list[int], char: int) -> bool:
    """A parsed sentence starts at or before ``char`` (``parsed_starts``: the parsed sentences' starts, sorted)."""
    i = bisect.bisect_right(parsed_starts, char)
    return i > 0
