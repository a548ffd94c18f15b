"""The claims ledger: who says what (the ``clashlog_claims`` stage).

Each statement is kept with who made it and who relayed it, never laundered
into fact.  Per sentence of the article:

1. **Attribution** (`stages.attribution`): claimant and via from the
   sentence itself; inside a quotation, from the sentence that closes (or
   opens) it; after "according to X" / "X reported that" at the head of a
   paragraph, for the rest of that paragraph; after a lead "X said in a
   statement" / "X told <agency>", for the whole article; else the article's
   own voice (claimant = outlet, no via).
2. **Stance**: a denial cue (lexicons/denial_cues.tsv) makes the sentence's
   claims "denies"; the denied proposition ("subject") and the party that
   originally made it (`denied_claimant`: "claims circulated by the
   separatists", "Armenian MFA's accusation") are recorded.
3. **Quantities** from ``doc._.quantities``: the kind from the nearest cue
   (lexicons/casualty_cues.tsv; "killing 5" before, "5 were killed" after),
   adjusted by the counted noun (mines, unexploded ordnance, materiel); the
   side from a demonym, a named party or "the rebels lost" around the
   figure; conjoined figures ("two police officers and a civilian were
   killed") are summed into one claim; breakdowns stay one total; a singular
   noun with a death verb and no figure ("Ukrainian serviceman killed") is 1;
   "no casualties" is 0; "there were losses" is a figure-less claim;
   "to date" / "since the start of the war" totals are ``cumulative``.
4. **Other claims**: a denial without figures is an "allegation" claim; an
   attributed sentence about an attack is an "allegation"; a ceasefire
   statement is "ceasefire".
5. **Reconciliation** onto ``doc._.events``: a claim links to the event
   whose evidence shares its sentence, else the nearest event in its
   paragraph, else the nearest event of a matching date (never cumulative
   totals).  ``fatalities`` = the lowest figure among claimants (each
   claimant's largest per-sentence total; ACLED practice), 0 when only
   injuries or "no casualties" are reported; ``fatalities_low/high`` = the
   range across claims (UCDP practice); ``contested`` when claimants differ
   or a linked claim is a denial.
"""

from __future__ import annotations

import bisect
import functools
import logging
import re
from dataclasses import dataclass, field
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Claim, stable_id
from ..segment import paragraph_spans
from .attribution import (
    Attribution,
    Attributor,
    ClaimantNormalizer,
    clean_phrase,
    is_claimant_phrase,
    outlet_name,
)
from .casualties import SUBJECT_MAX_CHARS, ClaimsLexicon, FigureReader, default_claims_lexicon
from .reconcile import reconcile

logger = logging.getLogger(__name__)


_PERSON_KINDS = {"killed", "injured", "killed_or_injured", "captured", "missing"}
_CUMULATIVE = re.compile(
    r"\b(?:to date|since the (?:start|beginning|outbreak|onset) of|since the (?:war|conflict|invasion|fighting|"
    r"coup) (?:began|started|broke out)|since (?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december|19\d\d|20\d\d)\b|so far this year|throughout the (?:war|conflict)|"
    r"during the (?:entire |whole )?(?:war|conflict)|in the (?:war|conflict) so far|in total since|"
    r"total (?:losses|number) (?:of|since)|cumulative)",
    re.I,
)
_CEASEFIRE = re.compile(r"\b(?:ceasefire|cease-fire|truce|armistice|ceasefire regime)\b", re.I)
_ATTACK = re.compile(
    r"\b(?:fired|firing|shell(?:ed|ing)|attack(?:ed|ing|s)?|struck|strikes?|bombard(?:ed|ing|ment)|provocations?|"
    r"ambush(?:ed)?|violat(?:ed|ing|ion)|opened fire|launched|targeted|targeting|bomb(?:ed|ing)|killed|"
    r"clash(?:ed|es)?|sabotage|incursion|offensive|assault(?:ed)?|mortar|artillery|drone)\b",
    re.I,
)
_CLAUSE_SPLIT = re.compile(r",\s+(?:while|whereas|but)\s+|;\s+|\s+while\s+", re.I)
_DENIED_BY = re.compile(
    r"\b(?:claims?|reports?|allegations?|information|statements?|accusations?|rumou?rs?|news|footage|videos?)\s+"
    r"(?:made |circulated |spread |disseminated |published |voiced |issued |posted |released |put forward )?"
    r"(?:by|from|of)\s+(?P<d>(?:the\s+)?[\w'’.-]+(?:\s+(?!that\b|about\b|of\b|on\b|in\b|does\b|is\b|are\b|was\b)"
    r"[\w'’.-]+){0,4})",
    re.I,
)
_DENIED_POSS = re.compile(
    r"(?P<d>(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*)(?:'s|’s)\s+(?:\w+\s+)?"
    r"(?:claims?|accusations?|allegations?|reports?|statements?)\b"
)
_COPULA_BEFORE = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|as|remains?|it|them)\s+(?:[\w-]+\s+){0,3}"
    r"|\b(?:called|calling|termed|terming|labell?ed|branded|described|describing|deemed|considered)\b[^.;]{0,160}?\s)"
    r"[\"“']?$",
    re.I,
)
_DET_BEFORE = re.compile(r"\b(?:the|these|those|such|their|its|his|her|any|all|a|an)\s+(?:[\w-]+\s+)?$", re.I)
_ASSESS_TAIL = re.compile(
    r"\s+(?:is|are|was|were|has been|have been|remains?|as|to be)?\s*(?:completely|totally|absolutely|entirely|"
    r"utterly|simply|yet another|another|a|an|pure|a complete|also|nothing but|mere)?\s*$",
    re.I,
)
_PROP_CUT = re.compile(
    r"(?:,\s+(?:saying|calling|describing|adding|insisting|claiming|noting|stressing|and|but)\b.*"
    r"|\s+as\s+(?:\w+\s+){0,3}?(?:propaganda|lies?|fake|false|fabrications?|fabricated|disinformation|"
    r"misinformation|baseless|groundless|unfounded|untrue|provocations?|absurd)\b.*)$",
    re.I,
)
_ANAPHORIC = re.compile(
    r"^(?:the|these|those|such|this|that|their|its)\s+(?:(?P<adj>[A-Z][\w-]+)\s+)?"
    r"(?:claims?|reports?|figures?|allegations?|accusations?|statements?|information|data|numbers?)\b"
)
_PROPOSITION = re.compile(
    r"\b(?:claims?|reports?|allegations?|information|statements?|accusations?|rumou?rs?|news)\b"
    r"(?:[^,;]{0,80}?)\s(?:about|that)\s+(?P<p>.+)$",
    re.I,
)
_PROPOSITION_OF = re.compile(
    r"\b(?:claims?|reports?|allegations?|information|statements?|accusations?|rumou?rs?|news)\b"
    r"(?:[^,;]{0,60}?)\s(?:of|on)\s+(?P<p>.+)$",
    re.I,
)


# --------------------------------------------------------------------------- helpers


@dataclass
class _Sentence:
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


def _sentences(doc: Doc, full: str) -> list[_Sentence]:
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
        out.append(_Sentence(s, e, txt, pi))
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
    regions: list[tuple[int, int]], sents: list[_Sentence], found: list[Attribution | None]
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


class ClaimsStage(FigureReader):
    def __init__(self, lex: ClaimsLexicon) -> None:
        self.lex = lex
        self.attributor = Attributor(lex.attribution)

    # ------------------------------------------------------------ attribution
    def attribute(self, doc: Doc, sents: list[_Sentence], full: str) -> None:
        article = doc._.article
        outlet_raw = article.outlet if article is not None else None
        lex = self.lex.attribution
        outlet = (outlet_name(outlet_raw, lex) or outlet_raw) if outlet_raw else None
        source_line = re.search(r"(?m)^\s*Source:\s*(?P<c>[^\n]+)$", full)
        if source_line and not outlet:
            src = source_line.group("c")
            for k, canon in lex.outlets.items():
                if src.lower().startswith(k) and len(k) > 3:
                    outlet = canon
                    break
        norm = ClaimantNormalizer(lex, outlet=outlet)
        found: list[Attribution | None] = [self.attributor.attribute(s.text) for s in sents]
        regions = _quote_regions(full)
        statement_claimant: str | None = None
        carry: tuple[int, str | None, str | None] | None = None  # paragraph, claimant, via
        quoted = _quoted_attributions(regions, sents, found)
        for i, s in enumerate(sents):
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
                if i <= 2 and att.statement and statement_claimant is None:
                    statement_claimant = claimant
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
            elif statement_claimant is not None:
                claimant, via = statement_claimant, outlet
            else:
                claimant, via = outlet, None
                s.own_voice = True
                s.claimant, s.via = claimant, via
                continue
            s.claimant, s.via = claimant, via
            s.own_voice = claimant is None or claimant == outlet
            self._clauses(s, norm, outlet)

    def _clauses(self, s: _Sentence, norm: ClaimantNormalizer, outlet: str | None) -> None:
        cuts = [0] + [m.end() for m in _CLAUSE_SPLIT.finditer(s.text)] + [len(s.text)]
        if len(cuts) < 3:
            return
        clauses = []
        for a, b in zip(cuts, cuts[1:], strict=False):
            att = self.attributor.attribute(s.text[a:b])
            if att is None or att.how not in ("verb", "according", "citing"):
                clauses.append((s.start + a, s.start + b, None, None))
                continue
            claimant = norm.normalize(att.raw)
            clauses.append(
                (s.start + a, s.start + b, claimant, att.via or (outlet if claimant != outlet else None))
            )
        if sum(1 for c in clauses if c[2]) >= 2:
            s.clauses = [(a, b, c or s.claimant, v if c else s.via) for a, b, c, v in clauses]

    # ------------------------------------------------------------ figures
    def denial(
        self, s: _Sentence, norm: ClaimantNormalizer, previous: list[str] | None = None
    ) -> tuple[str, str | None] | None:
        """(denied proposition, its original claimant) when the sentence denies something.

        The original claimant comes from "claims circulated by X", "X's accusation", or, for an
        anaphoric object ("rejected the claims", "the Russian figures"), from the last other
        claimant of the article (of that country when a demonym is given).
        """
        text = s.text
        if not self.lex.denial_any.search(text):
            return None
        hit = None
        for pat, form in self.lex.denial:
            for m in pat.finditer(text):
                if form == "assess" and not _COPULA_BEFORE.search(text[: m.start()]):
                    continue
                if hit is None or m.start() < hit[0].start():
                    hit = (m, form)
                break
        if hit is None:
            return None
        m, form = hit
        if form == "verb":
            prop = text[m.end() :].strip(" ,.")
        else:
            prop = text[: m.start()]
            verb = None
            for v in self.lex.attribution.verb_re.finditer(prop):
                if not _DET_BEFORE.search(prop[: v.start()]):  # "the claims" is a noun
                    verb = v
            if verb is not None:  # "X described the figures as disinformation"
                prop = prop[verb.end() :]
            prop = re.sub(r"^\s*that\s+", "", prop)
            prop = _ASSESS_TAIL.sub("", prop)
            prop = re.sub(
                r"^(?:in addition|moreover|meanwhile|however|at the same time|furthermore|also),\s*",
                "",
                prop.strip(),
                flags=re.I,
            )
        prop = _PROP_CUT.sub("", prop)
        denied_by = None
        d = _DENIED_BY.search(text) or _DENIED_POSS.search(text)
        if d and not is_claimant_phrase(clean_phrase(d.group("d")), norm.lex):
            d = None  # "reports of civilian casualties": not a party
        if d:
            raw = clean_phrase(d.group("d"))
            probe = ClaimantNormalizer(norm.lex, outlet=norm.outlet)
            denied_by = probe.normalize(raw) if raw else None
        else:
            ana = _ANAPHORIC.match(prop.strip())
            if ana and previous:
                others = [c for c in previous if c and c != s.claimant]
                country = norm.country_in(ana.group("adj") or "") if ana.group("adj") else None
                if country:
                    same = [c for c in others if country in c]
                    denied_by = same[-1] if same else f"Government of {country}"
                elif others:
                    denied_by = others[-1]
        prop = re.sub(r"^(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*(?:'s|’s)\s+", "", prop.strip())
        pm = _PROPOSITION.search(prop) or _PROPOSITION_OF.search(prop)
        if pm and not re.match(r"^(?:accusations?|allegations?)\s+of\b", prop, re.I):
            prop = pm.group("p")
        prop = re.sub(
            r"^(?:reports?|claims?|allegations?)\s+(?:of|that|about)\s+", "", prop.strip(), flags=re.I
        )
        return prop.strip(" ,.;\"“”'")[:SUBJECT_MAX_CHARS], denied_by

    # ------------------------------------------------------------ the stage
    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article
        full = doc.text
        article_id = article.article_id if article is not None else stable_id(full)
        sents = _sentences(doc, full)  # Doc.text joins every token: it is taken once, above
        self.attribute(doc, sents, full)
        lex = self.lex.attribution
        outlet = article.outlet if article is not None else None
        norm = ClaimantNormalizer(lex, outlet=(outlet_name(outlet, lex) or outlet) if outlet else None)
        claims: list[Claim] = []
        sent_of: dict[str, _Sentence] = {}
        trig_starts = sorted(t.start for t in (doc._.triggers or []) if hasattr(t, "start"))
        previous: list[str] = []
        for s in sents:
            claimant_country = None
            if s.claimant:
                claimant_country = norm.country_in(s.claimant) or (norm.home_country if s.own_voice else None)
            denial = self.denial(s, norm, previous)
            if s.claimant and (not previous or previous[-1] != s.claimant):
                previous.append(s.claimant)
            stance = "denies" if denial else "asserts"
            cumulative = bool(_CUMULATIVE.search(s.text))
            made: list[Claim] = []
            for f in self.figures(doc, s, claimant_country, full):
                ctype = "casualties" if f["kind"] in _PERSON_KINDS else "weapons"
                made.append(
                    self._claim(
                        article_id,
                        s,
                        stance,
                        ctype,
                        f["subject"],
                        f["side"],
                        f["kind"],
                        f["low"],
                        f["high"],
                        denial,
                        cumulative,
                        speaker=s.speaker_at(f["pos"]),
                    )
                )
            if not made and denial:
                made.append(
                    self._claim(
                        article_id,
                        s,
                        "denies",
                        "allegation",
                        denial[0],
                        None,
                        None,
                        None,
                        None,
                        denial,
                        False,
                    )
                )
            elif not made and _CEASEFIRE.search(s.text) and not s.own_voice:
                made.append(
                    self._claim(
                        article_id,
                        s,
                        "asserts",
                        "ceasefire",
                        s.text[:SUBJECT_MAX_CHARS],
                        None,
                        None,
                        None,
                        None,
                        None,
                        False,
                    )
                )
            elif (
                not made
                and not s.own_voice
                and (any(s.start <= t < s.end for t in trig_starts) or _ATTACK.search(s.text))
            ):
                made.append(
                    self._claim(
                        article_id,
                        s,
                        "asserts",
                        "allegation",
                        s.text[:SUBJECT_MAX_CHARS],
                        None,
                        None,
                        None,
                        None,
                        None,
                        False,
                    )
                )
            for c in made:
                sent_of[c.claim_id] = s
            claims.extend(made)
        explicit = self._dates(doc, claims, sent_of)
        reconcile(
            doc._.events or [],
            claims,
            sents=[(s.start, s.end, s.para) for s in sents],
            explicit_dates=explicit,
        )
        doc._.claims = claims
        return doc

    def _claim(
        self,
        article_id: str,
        s: _Sentence,
        stance: str,
        ctype: str,
        subject: str | None,
        side: str | None,
        kind: str | None,
        low: int | None,
        high: int | None,
        denial: tuple[str, str | None] | None,
        cumulative: bool,
        *,
        speaker: tuple[str | None, str | None] | None = None,
    ) -> Claim:
        claimant, via = speaker if speaker is not None else (s.claimant, s.via)
        cid = stable_id(article_id, s.start, s.end, ctype, kind, low, high, stance, subject, claimant)
        return Claim(
            claim_id=cid,
            article_id=article_id,
            claimant=claimant,
            stance=stance,
            claim_type=ctype,
            text=s.text,
            start=s.start,
            end=s.end,
            via=via,
            subject=subject,
            side=side,
            quantity_kind=kind,
            value_low=low,
            value_high=high,
            denied_claimant=denial[1] if denial else None,
            cumulative=cumulative,
        )

    def _dates(self, doc: Doc, claims: list[Claim], sent_of: dict[str, _Sentence]) -> set[str]:
        """Set each claim's date; return the ids of claims whose own sentence states a date."""
        article = doc._.article
        published = article.published_date if article is not None else None
        dates = doc._.dates or []
        try:
            from .dates import date_for_span
        except ImportError:  # the dates stage may not offer it
            date_for_span = None  # type: ignore[assignment]
        dated: set[str] = set()
        for c in claims:
            s = sent_of[c.claim_id]
            explicit = [
                d for d in dates if s.start <= d.start < s.end and not getattr(d, "background", False)
            ]
            d: date | None = None
            if date_for_span is not None and dates:
                try:
                    dm = date_for_span(dates, c.start, c.end, s.start, s.end)
                    d = dm.date if dm is not None else None
                except Exception:  # noqa: BLE001 - a date helper failure must not lose the claim
                    logger.debug("date_for_span failed", exc_info=True)
            elif explicit:
                d = explicit[0].date
            if d is None:
                d = published
            c.date = d.isoformat() if d else None
            if explicit:
                dated.add(c.claim_id)
        return dated


@functools.cache
def _default_stage() -> ClaimsStage:
    return ClaimsStage(default_claims_lexicon())


@Language.factory(
    "clashlog_claims", assigns=["doc._.claims", "doc._.events"], requires=["doc._.quantities", "doc._.events"]
)
def make_claims(nlp: Language, name: str) -> ClaimsStage:
    return _default_stage()
