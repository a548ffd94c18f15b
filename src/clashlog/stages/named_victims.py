"""Named victims: people killed or hurt who are reported by name or title, not by a figure.

"Gustavo Guerra, coordinator of the Patriotic Union in Cordoba, was gunned down today",
"Inspector Eulogio Flores died in the explosion", "guerrillas assassinated Mayor Armansio
Quispe" and "Castellar and his driver were found dead" each report victims without a number.
`find_named_victims` reads one sentence:

- the subject of a death (or injury) predicate — "was killed / murdered / assassinated / shot
  dead / gunned down / found dead", "died", "passed away" — the object of an active one
  ("killed", "assassinated", "gunned down") or of a killing noun ("the murder of retired General
  X", "the assassination of Y") counts when it is a person noun phrase: a title or
  person noun as its head ("the mayor", "a police inspector", "the victim"), or a proper name
  (two to four capitalised words, or one after a title);
- names joined by "and" count one each ("Castellar and his driver were found dead" = 2), and so do
  the names listed after "the following policemen died in combat:";
- "along with two of his bodyguards" / "together with his driver" after the predicate adds to
  the count;
- a relative clause ("..., who was killed in 1985") is background, not counted, and neither is
  a negated predicate ("was not killed").

All-caps wire copy has no case to tell a name from other words, so there a bare name must be
two to four words none of which is a function word, a casualty noun, a country word or one of
the lexicon's [not_names] words.  The titles and non-name words are in
lexicons/named_victims.txt; person nouns come from lexicons/casualty_nouns.tsv.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from ..lexicon_files import word_sections
from .numbers import default_scanner, parse_quantity, point_value

LEXICON = Path(__file__).resolve().parent.parent / "lexicons" / "named_victims.txt"
MAX_NAME_WORDS = 4

_ADVERB = (
    r"(?:(?:reportedly|allegedly|apparently|brutally|later|also|then|subsequently|fatally|seriously|badly|"
    r"critically|slightly|lightly|mortally|reportedly)\s+)?"
)
_KILLED = (
    r"killed|murdered|assassinated|slain|executed|shot dead|gunned down|found dead|found murdered|"
    r"shot and killed|(?:stabbed|beaten|hacked|burned|burnt|tortured|shot|clubbed|stoned) to death|lynched|"
    r"beheaded|strangled"
)
_PREDICATE = re.compile(
    rf"\b(?P<aux>was|were|has been|have been|had been|is|are)\s+{_ADVERB}"
    rf"(?:(?P<k>{_KILLED})|(?P<w>wounded|injured|hurt))\b"
    r"|\b(?P<k2>died|dies|passed away|succumbed|perished)\b(?!\s+(?:down|out|away|off)\b)",
    re.I,
)
_ACTIVE = re.compile(
    r"\b(?:(?P<k>killed|murdered|assassinated|executed|shot dead|gunned down|shot and killed|"
    r"kidnapped and (?:killed|murdered))|(?P<w>wounded|injured))\s+",
    re.I,
)
_KILLING_NOUN = r"(?:murder|assassination|killing|slaying|execution)"
# "the murder of retired General Gustavo Alvarez", "THE ASSASSINATION OF HECTOR OQUELI COLINDRES"
_NOMINAL = re.compile(
    rf"\b(?:{_KILLING_NOUN}(?:\s+(?:in|on|last)\s+[^\W\d_]+)?\s+of"  # "THE ASSASSINATION IN FEBRUARY OF ..."
    r"|(?:claimed|took|cost)\s+the\s+li(?:fe|ves)\s+of)\s+",
    re.I,
)
# "GALAN'S MURDER", "the mayor's assassination": the person before the possessive
_POSSESSIVE_KILLING = re.compile(rf"['’]s\s+{_KILLING_NOUN}\b", re.I)
_INSERT = re.compile(r"\[([^\W\d_][\w'’.-]{0,20})\]")  # one word: "[SPELLING AS RECEIVED]" is a note
# "the following N were killed: A, B and C"
_FOLLOWING = re.compile(r"\bthe\s+following\s+(?:[\w'’-]+\s+){0,2}$", re.I)
_LIST_AFTER = re.compile(r"[^:.;]{0,40}:\s*")
_LATER_DIED = re.compile(
    r",?\s+and\s+(?:later\s+|then\s+|subsequently\s+)?(?:died|succumbed|passed away)\b", re.I
)
_RELATIVE = re.compile(r"\b(?:who|whom|which|that|whose)\s+(?:[\w'’-]+\s+)?$", re.I)
_OBJECT_END = re.compile(
    r"[,.;:()\[\]\"“”—]|--|\s(?:in|at|on|near|during|after|before|as|while|when|with|outside|inside|by|"
    r"from|for|because|since|and then|who|which|last|early|late|this|yesterday|today|was|were|is|are|has|have|had|"
    r"will|would)\b|$",
    re.I,
)
_CLAUSE_BREAK = re.compile(
    r"[;:]|--|\]|,?\s+(?:and|but|while|when|whereas|after|as|where)\s+"
    r"|\b(?:said|says|say|stated|states|reported|reports?|announced|announces|confirmed|confirms|added|"
    r"learned|indicated|indicates|revealed|noted)\s+(?:that\s+)?",
    re.I,
)
_INTRO = re.compile(
    r"^\s*(?:on|in|at|near|during|after|before|yesterday|today|tonight|meanwhile|earlier|later|early|late|"
    r"last|this|according|however|also|moreover|separately|elsewhere|then|\d)\b",
    re.I,
)
_ALONG = re.compile(
    r"^[^.;]{0,60}?\b(?:(?:along|together)\s+with|as\s+well\s+as|(?P<and>and))\s+"
    r"(?:(?P<n>\w+)\s+(?:of\s+)?(?:his|her|their|other)\s+[\w'’-]+|(?:his|her)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?P<one>driver|bodyguard|wife|husband|son|daughter|brother|sister|father|mother|escort|aide|companion|"
    r"secretary|assistant|guard|child)|(?P<n2>\w+)\s+(?P<noun>[\w'’-]+s|people|men|women|children))\b",
    re.I,
)
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "its",
        "one",
        "another",
        "former",
        "retired",
        "late",
        "local",
        "prominent",
        "well-known",
        "young",
        "elderly",
        "slain",
        "murdered",
    ]
)
_FUNCTION = frozenset(
    [
        "and",
        "or",
        "but",
        "who",
        "whom",
        "which",
        "that",
        "was",
        "were",
        "is",
        "are",
        "has",
        "have",
        "had",
        "been",
        "be",
        "by",
        "with",
        "to",
        "for",
        "not",
        "no",
        "of",
        "from",
        "in",
        "on",
        "at",
        "it",
        "this",
        "these",
        "those",
        "there",
        "here",
        "said",
        "says",
        "told",
        "according",
        "after",
        "before",
        "when",
        "while",
        "if",
        "as",
        "all",
        "some",
        "many",
        "several",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "dozens",
    ]
)
@dataclass(frozen=True)
class NamedVictim:
    """Victims named in one sentence: ``start``/``end`` are offsets into the sentence text."""

    kind: str  # "killed" or "injured"
    count: int
    start: int
    end: int
    subject: str


@dataclass(frozen=True)
class VictimLexicon:
    titles: frozenset[str]  # titles, roles and singular person nouns, lower case
    not_names: frozenset[str]  # capitalised words that are not part of a person's name


def load_victim_lexicon(path: Path = LEXICON) -> VictimLexicon:
    """lexicons/named_victims.txt plus the person and military nouns of the number lexicon."""
    sections = word_sections(path)
    titles = set(sections.get("titles", ()))
    not_names = set(sections.get("not_names", ()))
    for key, info in default_scanner().lex.nouns.items():
        if key != info.singular.lower():
            not_names.add(key)  # plurals are never a name
        elif info.category in ("person", "military") and key not in ("other", "body", "member"):
            titles.add(key)
    return VictimLexicon(frozenset(titles), frozenset(not_names))


@functools.cache
def default_victim_lexicon() -> VictimLexicon:
    return load_victim_lexicon()


@functools.cache
def _country_words() -> frozenset[str]:
    from .attribution import default_attribution_lexicon

    return frozenset(k.lower() for k in default_attribution_lexicon().countries if " " not in k.strip())


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_][\w'’.-]*", text)


def person_phrase(text: str, *, caps: bool, lex: VictimLexicon | None = None) -> bool:
    """Is ``text`` (one noun phrase, no clause) a singular person: a title/person-noun head or a name?"""
    lex = lex or default_victim_lexicon()
    head = re.split(r"\s+(?:of|from|in|at|for|with)\s+", text.strip(), maxsplit=1, flags=re.I)[0]
    toks = _words(head)
    while toks and toks[0].lower() in _DETERMINERS:
        toks = toks[1:]
    if not toks or any(t.lower() in _FUNCTION for t in toks):
        return False
    low = [t.lower().rstrip(".") for t in toks]
    if low[-1] in lex.titles or " ".join(low[-2:]) in lex.titles:
        return True
    countries = _country_words()

    def name_word(tok: str) -> bool:
        w = tok.lower().rstrip(".")
        if w in lex.titles or w in lex.not_names or w in countries or w.endswith("'s"):
            return False
        return tok.isupper() and len(tok) > 1 if caps else tok[0].isupper() and not tok.isupper()

    n = 0
    while n < len(toks) and name_word(toks[-1 - n]):
        n += 1
    if n == 0 or n > MAX_NAME_WORDS:
        return False
    prefix = low[: len(low) - n]
    has_title = bool(prefix) and (prefix[-1] in lex.titles or " ".join(prefix[-2:]) in lex.titles)
    if caps:
        return has_title or (not prefix and n >= 2)
    plain = has_title or all(  # "Presidency Minister Antonio Rodriguez": a title's own words may be capitalized
        w in lex.titles or w in countries or tok[0].islower() for w, tok in zip(prefix, toks, strict=False)
    )
    return plain and (n >= 2 or has_title)


_WORDS_BEFORE = re.compile(r"((?:[^\W\d_][\w'’.-]*[ \t]+|[^\W\d_][\w'’.-]*[ \t]*\n[ \t]*){1,4})$")


def after_title(before: str, after: str, *, caps: bool, lex: VictimLexicon | None = None) -> bool:
    """Does a capitalized word end a person's name written after a title?

    ``before``/``after``: the text right before and after the word.  True for "Inspector Eulogio
    [Flores]", "REUTER PHOTOGRAPHER ROBERTO [NAVAS]", "President [Lincoln]": a title or singular
    person noun, then at most two name words, then the word, and no title or person noun after it
    ("Deputy [Donetsk] mayor" is a mayor of Donetsk).  Only spaces and line breaks may separate
    the words.
    """
    lex = lex or default_victim_lexicon()
    nxt = _words(after[:40])
    # "Deputy [Donetsk] mayor": a title right after the word; after a comma it is an apposition
    # ("COLONEL RENE EMILIO [PONCE], CHIEF OF THE JOINT STAFF")
    if nxt and not (caps and after.lstrip().startswith(",")) and (
        nxt[0].lower() in lex.titles or after.lstrip().startswith(("'s", "’s"))
    ):
        return False
    m = _WORDS_BEFORE.search(before)
    if not m:
        return False
    toks = _words(m.group(1))
    countries = _country_words()
    for names, k in enumerate(range(len(toks) - 1, -1, -1)):  # names: the name words passed so far
        tok = toks[k]
        low = tok.lower().rstrip(".")
        two = " ".join(t.lower() for t in toks[max(0, k - 1) : k + 1])
        if low in lex.titles or two in lex.titles:
            titled = tok.isupper() if caps else tok[0].isupper()
            return titled and names <= 2
        if low in _FUNCTION or low in lex.not_names or low in countries or low in _DETERMINERS:
            return False
        if not (tok.isupper() if caps else tok[0].isupper() and not tok.isupper()):
            return False
    return False


def _conjuncts(text: str, *, caps: bool, lex: VictimLexicon, max_parts: int = 6) -> int:
    """How many persons a subject or object names (0 when it is not only persons)."""
    # "... OQUELI AND OF GUATEMALAN ATTORNEY GILDA FLORES": a repeated "of" opens the next conjunct
    parts = [p for p in re.split(r",\s*(?:and\s+)?(?:of\s+)?|\s+and\s+(?:of\s+)?", text, flags=re.I) if p.strip()]
    if not parts or len(parts) > max_parts:
        return 0
    persons = [person_phrase(p, caps=caps, lex=lex) for p in parts]
    if all(persons):
        return len(parts)
    if any(persons) and all(
        ok or _surname(p, caps=caps, lex=lex) for ok, p in zip(persons, parts, strict=True)
    ):
        return len(parts)  # "Castellar and his driver": a bare surname beside a person
    return 0


def _surname(text: str, *, caps: bool, lex: VictimLexicon) -> bool:
    toks = _words(text)
    if len(toks) != 1:
        return False
    w = toks[0]
    low = w.lower()
    if low in lex.not_names or low in lex.titles or low in _FUNCTION or low in _country_words():
        return False
    return w.isupper() if caps else w[0].isupper() and not w.isupper()


def _subject_count(before: str, *, plural: bool, caps: bool, lex: VictimLexicon) -> tuple[int, int]:
    """(persons, start) of the subject that ends ``before`` (the text up to the predicate)."""
    starts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(before)]
    for start in sorted(set(starts), reverse=True):
        clause = before[start:]
        if plural:
            n = _conjuncts(clause.strip(" ,"), caps=caps, lex=lex)
            if n >= 2:
                return n, start
            continue
        pos = start
        for seg in clause.split(","):
            if _INTRO.match(seg) and not person_phrase(seg, caps=caps, lex=lex):
                pos += len(seg) + 1
                continue
            if person_phrase(seg, caps=caps, lex=lex):
                return 1, pos
            break
    return 0, 0


def _along(after: str, *, conj: bool = False) -> int:
    """Companions added after the victim: "along with two of his bodyguards" ("and ..." with ``conj``)."""
    m = _ALONG.search(after)
    if not m or (m.group("and") and not conj):
        return 0
    if m.group("one"):
        return 1
    q = parse_quantity(m.group("n") or m.group("n2") or "")
    return (point_value(q) or 0) if q is not None else 0


def find_named_victims(
    text: str, *, caps: bool | None = None, lex: VictimLexicon | None = None
) -> list[NamedVictim]:
    """Named victims of one sentence (module docstring); at most one per kind."""
    lex = lex or default_victim_lexicon()
    if caps is None:
        letters = [c for c in text if c.isalpha()]
        caps = len(letters) > 10 and sum(c.isupper() for c in letters) > 0.8 * len(letters)
    # a translator's one-word bracket inside a name ("[RETIRED] GENERAL GUSTAVO ALVAREZ") is read as
    # its word (same length: offsets keep)
    text = _INSERT.sub(lambda b: " " + b.group(1) + " ", text)
    out: dict[str, NamedVictim] = {}
    for m in _PREDICATE.finditer(text):
        kind = "injured" if m.group("w") else "killed"
        if kind == "injured" and _LATER_DIED.match(text, m.end()):
            kind = "killed"  # "was injured and died on the way to hospital"
        if kind in out:
            continue
        before = text[: m.start()]
        if _RELATIVE.search(before):
            continue
        aux = (m.group("aux") or "").lower()
        plural = aux in ("were", "have been", "are")
        n, start = _subject_count(before.rstrip(), plural=plural, caps=caps, lex=lex)
        following = _FOLLOWING.search(before)
        listed = _LIST_AFTER.match(text, m.end()) if following else None
        if not n and following and listed:  # "THE FOLLOWING POLICEMEN DIED IN COMBAT: MAJOR A, CAPTAIN B, ..."
            n = _conjuncts(text[listed.end() :].rstrip(" ."), caps=caps, lex=lex, max_parts=60)
            start = following.start() if n else 0
        if n:
            n += _along(text[m.end() : m.end() + 80])
            out[kind] = NamedVictim(kind, n, start, m.end(), text[start : m.end()].strip(" ,"))
    if "killed" not in out:
        for m in _POSSESSIVE_KILLING.finditer(text):
            if (found := _possessor_victim(text, m, caps=caps, lex=lex)) is not None:
                out["killed"] = found
                break
    for rx in (_ACTIVE, _NOMINAL):
        for m in rx.finditer(text):
            kind = "injured" if m.groupdict().get("w") else "killed"
            if kind not in out and (found := _object_victims(text, m, kind, caps=caps, lex=lex)) is not None:
                out[kind] = found
    return sorted(out.values(), key=lambda v: v.start)


def _possessor_victim(text: str, m: re.Match[str], *, caps: bool, lex: VictimLexicon) -> NamedVictim | None:
    """One person named before "'s murder" ("Magistrate Carlos Valencia's murder", "Galan's murder")."""
    base = max(0, m.start() - 80)
    words = list(re.finditer(r"[^\W\d_][\w.-]*", text[base : m.start()]))
    for k in range(1, min(len(words), MAX_NAME_WORDS + 2) + 1):
        start = base + words[-k].start()
        phrase = text[start : m.start()]
        if person_phrase(phrase, caps=caps, lex=lex) or (k == 1 and _surname(phrase, caps=caps, lex=lex)):
            return NamedVictim("killed", 1, start, m.end(), text[start : m.end()])
    return None


def _object_victims(
    text: str, m: re.Match[str], kind: str, *, caps: bool, lex: VictimLexicon
) -> NamedVictim | None:
    """The persons named as the object of an active predicate ("killed Mayor Quispe") or of a killing
    noun ("the assassination of Hector Oqueli"), from the end of match ``m``."""
    end = _OBJECT_END.search(text, m.end())
    obj_end = end.start() if end else len(text)
    obj = text[m.end() : obj_end]
    # "killed the mayor, Ali Hassan," / "killed Mayor Quispe and two peasants": the object only
    n = _conjuncts(obj, caps=caps, lex=lex) if obj.strip() else 0
    halves = re.split(r"\s+and\s+", obj, maxsplit=1, flags=re.I)
    head, sep, rest = (halves[0], " and ", halves[1]) if len(halves) == 2 else (obj, "", "")
    if not n and sep and person_phrase(head, caps=caps, lex=lex):
        companions = _along(" and " + rest + text[obj_end : obj_end + 40], conj=True)
        n = 1 + companions if companions else 0
    if not n and obj_end < len(text) and text[obj_end] == ",":
        nxt = _OBJECT_END.search(text, obj_end + 1)
        appos = text[obj_end + 1 : nxt.start() if nxt else len(text)]
        n = 1 if person_phrase(obj, caps=caps, lex=lex) or person_phrase(appos, caps=caps, lex=lex) else 0
    if n == 1 and obj_end < len(text) and text[obj_end] == ",":
        # "killed Hector Oqueli, leader of the party, and Gilda Flores": a second person after the appositive
        nxt = _OBJECT_END.search(text, obj_end + 1)
        second = re.compile(r",\s*and\s+", re.I).match(text, nxt.start()) if nxt else None
        middle = text[obj_end + 1 : nxt.start()] if nxt else ""
        # "Galan, a high-ranking police officer, and a judge" is a list of three; an apposition names a
        # post of something ("leader of the party", "a member of the council")
        if second is not None and (re.search(r"\sof\s", middle, re.I) or not re.match(r"\s*(?:an?|the)\s", middle, re.I)):
            last = _OBJECT_END.search(text, second.end())
            last_at = last.start() if last else len(text)
            if person_phrase(text[second.end() : last_at], caps=caps, lex=lex):
                n, obj_end = 2, last_at
    if not n:
        return None
    n += _along(text[obj_end : obj_end + 80])
    return NamedVictim(kind, n, m.start(), obj_end, text[m.start() : obj_end].strip(" ,"))
