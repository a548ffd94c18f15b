"""Who speaks each sentence of an article (step 1 of the claims stage).

`claim_sentences` cuts the article into `ClaimSentence`s (each with its
paragraph); `attribute_sentences` gives each its claimant and via.  The
attribution of one sentence in isolation comes from `stages.attribution`; here
it is carried across the article: inside a quotation, from the sentence that
closes (or opens) it; after "according to X" / "X reported that" at the head
of a paragraph, for the rest of that paragraph; after a lead "X said in a
statement" / "X told <agency>", for the whole article; else the article's own
voice (claimant = outlet, no via).  A sentence whose clauses each have their
own speaker ("A said ..., while B said ...") gets per-clause speakers
(`ClaimSentence.speaker_at`).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..segment import paragraph_spans
from .actors import resolve_name
from .attribution import (
    Attribution,
    Attributor,
    ClaimantNormalizer,
    clean_phrase,
    is_claimant_phrase,
    outlet_name,
)

_CLAUSE_SPLIT = re.compile(r",\s+(?:while|whereas|but)\s+|;\s+|\s+while\s+", re.I)


@dataclass
class ClaimSentence:
    """One sentence of the article with its paragraph index and speaker."""

    start: int
    end: int
    text: str
    para: int
    claimant: str | None = None
    via: str | None = None
    own_voice: bool = True
    # clauses with their own speaker ("A said ..., while B said ..."): (start, end, claimant, via)
    clauses: list[tuple[int, int, str | None, str | None]] = field(default_factory=list)

    def speaker_at(self, pos: int) -> tuple[str | None, str | None]:
        for a, b, claimant, via in self.clauses:
            if a <= pos < b:
                return claimant, via
        return self.claimant, self.via


def claim_sentences(doc: Doc, full: str) -> list[ClaimSentence]:
    """The article's non-blank sentences, stripped, each with the index of its paragraph."""
    paras = paragraph_spans(full)
    out = []
    pi = 0
    for sent in doc.sents:
        s, e = sent.start_char, sent.end_char
        txt = full[s:e]
        lead = len(txt) - len(txt.lstrip())
        txt = txt.strip()
        if not txt:
            continue
        s += lead
        e = s + len(txt)
        while pi + 1 < len(paras) and paras[pi + 1][0] <= s:
            pi += 1
        out.append(ClaimSentence(s, e, txt, pi))
    return out


def _quote_regions(text: str) -> list[tuple[int, int]]:
    regions = [(m.start(), m.end()) for m in re.finditer(r"“[^”“]{1,3000}”", text)]
    regions += [(m.start(), m.end()) for m in re.finditer(r"(?<![\w])\"[^\"]{1,3000}\"", text)]
    # a closing quote whose opening was lost (copy-paste): the paragraph up to it
    closed = {b for _, b in regions}
    for m in re.finditer(r"”", text):
        if m.end() not in closed:
            para_start = text.rfind("\n\n", 0, m.start())
            regions.append((para_start + 2 if para_start >= 0 else 0, m.end()))
    return regions


def _quoted_attributions(
    regions: list[tuple[int, int]], sents: list[ClaimSentence], found: list[Attribution | None]
) -> dict[int, Attribution]:
    """Sentence index -> the attribution of the quotation it sits in (from the sentence that
    closes the quotation, else the one that opens it)."""
    starts = [t.start for t in sents]

    def index_at(pos: int) -> int | None:
        j = bisect.bisect_right(starts, pos) - 1
        return j if j >= 0 and pos <= sents[j].end else None

    out: dict[int, Attribution] = {}
    for a, b in regions:
        close, opening = index_at(b - 1), index_at(a)
        att = found[close] if close is not None else None
        if att is None and opening is not None:
            att = found[opening]
        if att is None:
            continue
        for j in range(bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)):
            out.setdefault(j, att)
    return out


# a sentence opening with what followed from the one before: "As a result, a serviceman was wounded."
_CONSEQUENCE = re.compile(r"\s*(?:As a (?:result|consequence)|Consequently|Thereby|Thus)\b", re.I)


def attribute_sentences(doc: Doc, sents: list[ClaimSentence], full: str, attributor: Attributor) -> None:
    """Set each sentence's claimant, via, own_voice and clauses (see the module docstring)."""
    article = doc._.article
    outlet_raw = article.outlet if article is not None else None
    lex = attributor.lex
    outlet = (outlet_name(outlet_raw, lex) or outlet_raw) if outlet_raw else None
    source_line = re.search(r"(?m)^\s*Source:\s*(?P<c>[^\n]+)$", full)
    if source_line and not outlet:
        src = source_line.group("c")
        for k, canon in lex.outlets.items():
            if src.lower().startswith(k) and len(k) > 3:
                outlet = canon
                break
    norm = ClaimantNormalizer(lex, outlet=outlet)
    norm.note_persons(full, _persons(doc))
    norm.note_actors(actor_mentions(doc))
    norm.article_country = article_country(doc)
    found: list[Attribution | None] = [attributor.attribute(s.text) for s in sents]
    for i, s in enumerate(sents):
        if found[i] is None:
            said = participle_speaker(doc, s)
            if said and is_claimant_phrase(clean_phrase(said), lex):
                found[i] = Attribution(clean_phrase(said), how="verb")
    regions = _quote_regions(full)
    statement_claimant: str | None = None
    speakers: set[str | None] = set()  # who the sentences so far quote
    previous: tuple[str | None, str | None] | None = None  # the last sentence's (claimant, via), not the outlet's
    carry: tuple[int, str | None, str | None] | None = None  # paragraph, claimant, via
    quoted = _quoted_attributions(regions, sents, found)
    for i, s in enumerate(sents):
        norm.note_mentions(s.text)
        norm.position = s.start
        att = found[i] or quoted.get(i)
        if att is not None and att.how == "passive":
            claimant, via = norm.last, None
        elif att is not None:
            claimant = norm.normalize(att.raw)
            via = att.via
            if via:
                via = outlet_name(via, lex) or via
            if claimant == outlet:
                via = None
            elif via is None:
                via = outlet
            speaker = norm.normalize(att.relay) if att.relay else claimant
            if i <= 2 and att.statement and statement_claimant is None and speakers <= {speaker}:
                # the lead's speaker speaks the article, also when it cites another ("As X informed, ...");
                # not when the lead quoted someone else first ("..., two security sources said. The army
                # said in a statement ...": the article is the outlet's report of both)
                statement_claimant = speaker
            if claimant is not None and claimant != outlet:
                speakers.add(claimant)
            if att.how == "according" or (
                att.how == "verb"
                and s.text[:1].isupper()
                and re.search(r"\b(?:that|informed|reported)\b", s.text[:120])
            ):
                carry = (s.para, claimant, via)
            else:
                carry = None
        elif carry is not None and carry[0] == s.para:
            claimant, via = carry[1], carry[2]
        elif previous is not None and _CONSEQUENCE.match(s.text):
            # "... the Armenian Defense Ministry reported. // As a result, a serviceman was wounded.": what
            # followed from the account is part of it
            claimant, via = previous
        elif statement_claimant is not None:
            claimant, via = statement_claimant, outlet
        else:
            claimant, via = outlet, None
            s.own_voice = True
            s.claimant, s.via = claimant, via
            previous = None
            continue
        s.claimant, s.via = claimant, via
        s.own_voice = claimant is None or claimant == outlet
        previous = None if s.own_voice else (claimant, via)
        _clauses(s, norm, outlet, attributor)


def article_country(doc: Doc) -> str | None:
    """The country most of the article's events happened in, unless no actor it names is of that
    country and its actors have one of their own ("Kani township" read as Kani, Japan, in a report
    about the PDF and the junta: Myanmar)."""
    countries = Counter(e.country for e in doc._.events or [] if e.country)
    # a bare country or demonym ("a New Zealand pilot held hostage") is no actor of the article's own
    named = Counter(a.country for a in doc._.actors or [] if a.country and a.kind not in ("external", "country"))
    top = countries.most_common(1)[0][0] if countries else None
    if named and (top is None or top not in named):
        return named.most_common(1)[0][0]
    return top


def actor_mentions(doc: Doc) -> list[tuple[int, int, str, str, str | None]]:
    """(start, end, surface, name, kind) of each actor the actors stage found in ``doc``; a name
    with an open country ("the army") takes the country of the article's events, or is left out,
    and has no kind: "the rebels" is a description, not a group's name to refer back to."""
    home = article_country(doc)
    out = []
    for a in doc._.actors or []:
        country = a.country or home
        if "{country}" in a.name and not country:
            continue
        out.append((a.start, a.end, a.text, resolve_name(a, country), None if "{country}" in a.name else a.kind))
    return out


# "Doctors ... appealed for help, saying 25 civilians had been killed": a participle reporting verb
# whose speaker is the subject of the clause it hangs off
_PARTICIPLE = re.compile(r",\s+(?:saying|adding|claiming|insisting|stating|warning|noting|reporting)\b", re.I)


def participle_speaker(doc: Doc, s: ClaimSentence) -> str | None:
    """The subject of the clause a ", saying ..." participle hangs off, read from the sentence's
    parse (None without a full parse, or when that clause has no active subject)."""
    m = _PARTICIPLE.search(s.text)
    if not m:
        return None
    at = s.start + m.end() - 1  # a character of the participle
    for base, parsed in (doc._.parses or {}).items():
        if not base <= at < base + len(parsed.text) or parsed.user_data.get("clashlog.entities_only"):
            continue
        for tok in parsed:
            if tok.idx <= at - base < tok.idx + len(tok.text):
                subj = [c for c in tok.head.children if c.dep_ == "nsubj"] if tok.head is not tok else []
                if not subj or subj[0].i > tok.i:
                    return None
                return parsed[subj[0].left_edge.i : subj[0].right_edge.i + 1].text
    return None


def _persons(doc: Doc) -> list[tuple[int, str]]:
    """(offset, name) of the PERSON entities the sentence parses found, in text order."""
    found = [
        (start + e.start_char, e.text)
        for start, parsed in (doc._.parses or {}).items()
        for e in parsed.ents
        if e.label_ == "PERSON"
    ]
    return sorted(found)


def _clauses(s: ClaimSentence, norm: ClaimantNormalizer, outlet: str | None, attributor: Attributor) -> None:
    """Per-clause speakers when two or more clauses name their own."""
    cuts = [0] + [m.end() for m in _CLAUSE_SPLIT.finditer(s.text)] + [len(s.text)]
    if len(cuts) < 3:
        return
    clauses = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        att = attributor.attribute(s.text[a:b])
        if att is None or att.how not in ("verb", "according", "citing"):
            clauses.append((s.start + a, s.start + b, None, None))
            continue
        claimant = norm.normalize(att.raw)
        clauses.append(
            (s.start + a, s.start + b, claimant, att.via or (outlet if claimant != outlet else None))
        )
    if sum(1 for c in clauses if c[2]) >= 2:
        s.clauses = [(a, b, c or s.claimant, v if c else s.via) for a, b, c, v in clauses]
