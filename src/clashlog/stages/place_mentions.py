"""Finding the article's place mentions: what the gazetteer scan and the parser found, made into names.

`collect_mentions` is the places stage's reading of an article, step by step:

1. the gazetteer matches of the toponym scan (``doc._.toponyms``);
2. each labelled with the parser's entity over it, and widened to it where the entity is a
   known longer name, the name with an admin word ("Paletwa Township" -> Paletwa + cue) or a
   longer name the gazetteer lacks ("Nairobi Heights", "Kafr Goris": the whole stays as an
   unknown name);
3. the parser's GPE/LOC/FAC entities the scan missed: exact lookup, admin suffix stripped,
   then a one-letter variant (`PlaceContext.fuzzy`), then another romanization
   (`PlaceContext.spelling_variant`: "Ras al-Ain" for Ra's al 'Ayn), also for the longer names
   of step 2 the gazetteer lacks, a name written alone with its cue (step 4) and unknown names
   after a preposition of place (`located_variants`);
4. two adjacent names made one ("Pang Chin"), names the gazetteer lacks but writes with a cue
   kept ("Myo Thit, Si Hat villages"), cue words and prepositions read (`place_text.read_cues`);
5. what the context does not support dropped (`place_filter.keep_supported`), and variants
   outside the article's countries too (`place_context.drop_foreign_variants`).
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

from ..gazetteer.match import context_stoplist, is_all_caps, scan_key
from ..gazetteer.names import ADMIN_SUFFIX, ARABIC_ARTICLES, norm_key, strip_admin_suffix
from ..gazetteer.store import Gazetteer
from .place_context import PlaceContext, drop_foreign_variants
from .place_filter import PLACE_LABELS, keep_supported, parser_entities
from .place_text import (
    ADMIN_AFTER,
    PART_WORD,
    PLACE_VERBS,
    Mention,
    continues_name,
    leads_name,
    read_cues,
    unpossessive,
)

_NAME = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3}"
_NAME_WORDS = re.compile(_NAME)
_CUED_NAMES = re.compile(
    r"(?<![A-Za-z])(?P<names>" + _NAME + r"(?:, " + _NAME + r")*(?:,? and " + _NAME + r")?)"
    r" (?P<cue>(?i:villages?|townships?|towns?))\b"
)


def collect_mentions(ctx: PlaceContext, doc: Doc, text: str) -> list[Mention]:
    """The article's place mentions worth resolving, in text order (``text``: doc.text)."""
    caps = is_all_caps(text)
    ents = parser_entities(doc)
    mentions = _gazetteer_matches(ctx.gazetteer, doc, text, caps)
    kept, used_ents = _label_with_entities(ctx, mentions, ents, text, caps)
    kept = _add_parser_places(ctx, kept, ents, used_ents, text)
    kept = merge_adjacent(ctx, kept, text)
    kept = cued_unknowns(ctx, kept, text)
    kept = located_variants(ctx, kept, text)
    read_cues(kept, text)
    out = keep_supported(ctx, doc, text, kept, ents, caps)
    out = capital_mentions(ctx, out, text)
    return drop_foreign_variants(ctx, out, text, doc)


# "in the Haitian capital", "the Sudanese capital's southern districts": a country's capital by its demonym
_CAPITAL_OF = re.compile(r"\bthe (?P<dem>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?) capital\b(?!\s*(?:city\s*)?,?\s*[A-Z])")


def capital_mentions(ctx: PlaceContext, kept: list[Mention], text: str) -> list[Mention]:
    """"The Haitian capital" names Port-au-Prince when the capital's own name is not written next to it
    ("the Libyan capital Tripoli" has its name already)."""
    added: list[Mention] = []
    for match in _CAPITAL_OF.finditer(text):
        cc = ctx.demonym_table().get(match.group("dem").lower())
        s0, e0 = match.start("dem"), match.end()
        if cc is None or any(m.start < e0 and s0 < m.end for m in kept):
            continue
        idx = ctx.capital_of(cc)
        if idx is not None:
            added.append(Mention(s0, e0, text[s0:e0], norm_key(text[s0:e0]), [(idx, False)], cue="capital"))
    if not added:
        return kept
    return sorted(kept + added, key=lambda m: m.start)

# "the village of Amasrakad", "the villages of Nyinkuac and Majbong" (one name after a singular cue: "the town
# of Galhareeri, Galguduud Region" is a town and its region)
_CUE_OF_NAMES = re.compile(
    r"\b(?:(?P<cue>(?i:village|town|hamlet|settlement)) of (?P<name>" + _NAME + r")"
    r"|(?P<cues>(?i:villages|towns|hamlets|settlements)) of (?P<names>" + _NAME + r"(?:, " + _NAME + r")*"
    r"(?:,? and " + _NAME + r")?))(?![A-Za-z])"
)


def _gazetteer_matches(gazetteer: Gazetteer, doc: Doc, text: str, caps: bool) -> list[Mention]:
    """A mention for each gazetteer match of the toponym scan (``caps``: the article is all capitals)."""
    stop = context_stoplist()
    mentions: list[Mention] = []
    for t in doc._.toponyms or []:
        key = scan_key(text[t.start : t.end])
        got = gazetteer.lookup_key(key)
        if not got:
            continue
        core = strip_admin_suffix(t.text)
        if core != t.text and core:
            # "Bolivar province" is Peru's "Provincia de Bolivar" by that alternate name, and also
            # Colombia's Bolivar department written with its admin word: units of that name in
            # other countries stay candidates, for the context to decide
            own = {gazetteer.cc_of(idx) for idx, _alt in got}
            got = got + [c for c in gazetteer.lookup_key(scan_key(core))
                         if gazetteer.feature_of(c[0]) in ("admin1", "admin2") and gazetteer.cc_of(c[0]) not in own]
        mentions.append(
            Mention(
                t.start,
                t.end,
                t.text,
                key,
                got,
                context_only=key in stop or (caps and " " not in key and len(key) <= 4),
            )
        )
    return mentions


def _label_with_entities(
    ctx: PlaceContext, mentions: list[Mention], ents: list[tuple[int, int, str]], text: str, caps: bool
) -> tuple[list[Mention], set[int]]:
    """Label each gazetteer match with the parser's entity over it, widening it to the entity where
    that is a known name, the name with an admin word, or a longer name the gazetteer lacks.

    Returns the mentions kept and the indexes (in ``ents``) of the place entities used.
    """
    # label each gazetteer match with the entity that covers it
    kept: list[Mention] = []
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
            if lab in PLACE_LABELS:
                used_ents.add(ei)
                m.label = lab
                # the entity adds a capitalized admin word or is itself a known name
                if ee > m.end and es >= m.start and ee - m.end <= 25:
                    full = text[m.start : ee]
                    fk, fgot = ctx.lookup(full)
                    adm = ADMIN_AFTER.match(text[m.end : ee])
                    if fgot:
                        m.end, m.text, m.key, m.candidates = ee, full, fk, fgot
                    elif adm and strip_admin_suffix(full) == m.text:
                        m.cue = adm.group("w").lower()
                        m.end, m.text = ee, full
                    elif (lab != "FAC" and not caps and not ADMIN_SUFFIX.search(m.text)
                          and continues_name(unpossessive(text[m.end : ee]))
                          and not ctx.important_inside(mentions, m.end, ee)):
                        # "Nairobi Heights", "Goris Dhuusa": a longer name the gazetteer lacks, not
                        # the place its first word names (a facility, "Mosul Dam", is at it)
                        full = unpossessive(full)
                        m.end, m.text, m.key, m.candidates = m.start + len(full), full, norm_key(full), []
                        m.whole = True
                        _as_variant(ctx, m)
                    elif (lab != "FAC" and not caps and not ADMIN_SUFFIX.search(m.text)
                          and (stem := strip_admin_suffix(unpossessive(full))) != unpossessive(full)
                          and len(stem) > len(m.text) and continues_name(stem[len(m.text):])
                          and not ctx.important_inside(mentions, m.end, ee)):
                        # "Hawi Gudina District": a longer unit name the gazetteer lacks, not the
                        # place its first word names; its admin word is its cue
                        fk, fgot = ctx.lookup(stem)
                        m.cue = ADMIN_SUFFIX.search(unpossessive(full)).group(1).lower()
                        m.end, m.text, m.key, m.candidates = m.start + len(stem), stem, fk, fgot
                        m.whole = True
                elif es < m.start and lab != "FAC" and not caps and m.start - es <= 25:
                    s0 = es + 4 if text[es : es + 4].lower() == "the " else es
                    ee = s0 + len(unpossessive(text[s0:ee]))
                    head, tail = text[s0 : m.start], text[m.end : ee]
                    if (s0 < m.start and leads_name(head, tail) and not ctx.important(m)
                            and not ctx.important_inside(mentions, s0, ee)):
                        # "Kafr Goris", "North Goris Heights": the whole is the name, unless known
                        full = text[s0:ee]
                        fk, fgot = ctx.lookup(full)
                        m.start, m.end, m.text = s0, ee, full
                        m.key, m.candidates = (fk, fgot) if fgot else (norm_key(full), [])
                        m.whole = True
                        if not fgot:
                            _as_variant(ctx, m)
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
    return kept, used_ents


def _add_parser_places(
    ctx: PlaceContext, kept: list[Mention], ents: list[tuple[int, int, str]], used_ents: set[int], text: str
) -> list[Mention]:
    """``kept`` with the parser's place entities no mention overlaps, in text order.

    Looked up whole, without an admin suffix ("Paletwa Township" -> Paletwa + cue), then as a
    one-letter variant; kept even when unknown.
    """
    for ei, (es, ee, lab) in enumerate(ents):
        if lab not in PLACE_LABELS or ei in used_ents:
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
        key, got = ctx.lookup(name)
        if not got and core != name:
            key, got = ctx.lookup(core)
        fuzzy = variant = False
        if not got:
            key, got = ctx.fuzzy(core)
            fuzzy = bool(got)
        if not got:
            key, got = ctx.spelling_variant(core)
            fuzzy = variant = bool(got)
        # kept even when unknown: a qualifier ("Kolagir, Tavush") may still place it
        kept.append(Mention(s0, ee, text[s0:ee], key, got, label=lab, cue=cue, fuzzy=fuzzy, variant=variant))
    kept.sort(key=lambda m: m.start)
    return kept


def merge_adjacent(ctx: PlaceContext, kept: list[Mention], text: str) -> list[Mention]:
    """Two names with only a space between are one longer name ("Pang Chin", "Prosperous Armenia").

    The merged name keeps the gazetteer's places for the whole (usually none: then only a
    qualifier can place it, "Pang Chin village (Namtu Township, ...)").  A word naming a part of
    the place ("DOWNTOWN SAN SALVADOR") is no name of its own: the place stays, the word goes.
    """
    out: list[Mention] = []
    for m in kept:
        prev = out[-1] if out else None
        if (
            prev is not None
            and text[prev.end : m.start] == " "
            and not prev.cue
            and not ADMIN_SUFFIX.search(m.text)
            and not ADMIN_AFTER.match(text[m.end : m.end + 30])
            and not ctx.important(prev)  # "Greece Italy", "Maiduguri Borno State", "Washington Post"
        ):
            full = text[prev.start : m.end]
            key, got = ctx.lookup(full)
            if not got and PART_WORD.fullmatch(prev.text):
                out[-1] = m  # "DOWNTOWN SAN SALVADOR", "northern Kachin": a part of the place, no other name
                continue
            merged = Mention(prev.start, m.end, full, key, got, label=m.label or prev.label, cue=m.cue)
            out[-1] = merged
            continue
        out.append(m)
    return out


def _as_variant(ctx: PlaceContext, m: Mention) -> None:
    """Give a name the gazetteer lacks the places it knows under another romanization, if any."""
    key, got = ctx.spelling_variant(m.text)
    if got:
        m.key, m.candidates, m.fuzzy, m.variant = key, got, True, True


# a capitalized name after a preposition of place or a verb only places follow, its words joined by
# spaces, hyphens or an Arabic article ("in Ras al-Ain", "near Bulo Burde", "shelled Deir ez-Zor")
_LOCATED_NAME = re.compile(
    r"\b(?:in|near|at|outside|around|into|towards?|from|" + PLACE_VERBS + r"|(?:shelling|siege|fall|battle) (?:of|for)"
    r"|(?:towns?|villages?|city|cities|hamlets?|settlements?|localit(?:y|ies)|districts?) of)\s+"
    r"(?P<name>[A-Z][a-z'’]+(?:(?:[ -](?:" + "|".join(sorted(ARABIC_ARTICLES)) + r")-| |-)[A-Z][a-z'’]+){0,3})"
)


def located_variants(ctx: PlaceContext, kept: list[Mention], text: str) -> list[Mention]:
    """Names after a preposition of place (or "shelled", "retook", "the siege of") that the gazetteer
    knows only under another romanization ("fighting near Bardhere" for Baardheere), which the
    parser often takes for a person.

    Only names that are no English word and that no found place already covers are tried; what
    is found is kept only in the article's countries (`place_context.drop_foreign_variants`).
    """
    words = ctx.english_words()
    if words is None:
        return kept
    added: list[Mention] = []
    for match in _LOCATED_NAME.finditer(text):
        s0, e0 = match.span("name")
        name = match.group("name")
        parts = re.split(r"[ -]", name)
        if all(w in words for w in parts) and not any(w in ARABIC_ARTICLES for w in parts[1:]):
            continue  # English words ("in Reverse"), unless joined by an article ("Ras al-Ain")
        inside = [m for m in kept if s0 <= m.start and m.end <= e0]
        # a name already read (the parser's, a cued one) has had its chance
        if any(m.start < e0 and s0 < m.end for m in kept if m not in inside) or any(
            (m.start, m.end) == (s0, e0) for m in inside
        ):
            continue
        m = Mention(s0, e0, name, norm_key(name), [])
        _as_variant(ctx, m)
        if m.candidates:
            kept = [k for k in kept if k not in inside]
            added.append(m)
    if not added:
        return kept
    return sorted(kept + added, key=lambda m: m.start)


def cued_unknowns(ctx: PlaceContext, kept: list[Mention], text: str) -> list[Mention]:
    """Capitalized names the gazetteer lacks, written with a cue: "Myo Thit, Si Hat villages".

    They come with no places of their own; a qualifier after them ("... in Momauk township
    (Bhamo District, Kachin State)") places them.  A name written alone with its cue may be known
    under another romanization (`PlaceContext.spelling_variant`: "Mogoke town" is Mogok).
    """
    added: list[Mention] = []
    for match in [*_CUED_NAMES.finditer(text), *_CUE_OF_NAMES.finditer(text)]:
        cue_word = match.group("cue") or match.group("cues")
        cue = cue_word.lower().rstrip("s") if cue_word.lower() != "townships" else "township"
        group = "names" if match.group("names") else "name"
        names = list(_NAME_WORDS.finditer(match.group(group)))
        for name in names:
            s0 = match.start(group) + name.start()
            e0 = match.start(group) + name.end()
            if ADMIN_SUFFIX.search(name.group(0)):
                continue  # "Galguduud Region": a unit, not a village
            # a shorter match inside the name ("Hat" in "Si Hat") gives way to it
            inside = [m for m in kept if s0 <= m.start and m.end <= e0 and (m.start, m.end) != (s0, e0)]
            if inside:
                kept = [m for m in kept if m not in inside]
            if any(m.start < e0 and s0 < m.end for m in kept) or any(
                m.start < e0 and s0 < m.end for m in added
            ):
                continue
            key, got = ctx.lookup(name.group(0))
            m = Mention(s0, e0, name.group(0), key, got, cue=cue)
            if not got and name.group(0).lower() in ctx.demonym_table():
                continue  # "the Israeli town of Sderot": a people's name, not the town's
            if not got and len(names) == 1:
                # "Mogoke town (Mogoke township, ...)": Mogok; in a list of villages the gazetteer
                # lacks ("Myo Thit, Myo Haung and Si Hat villages") a near spelling is a coincidence
                _as_variant(ctx, m)
            added.append(m)
    if not added:
        return kept
    return sorted(kept + added, key=lambda m: m.start)
