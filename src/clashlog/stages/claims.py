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

import functools
import logging
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Claim, QuantityMention, stable_id
from ..segment import paragraph_spans
from .attribution import (
    Attribution,
    AttributionLexicon,
    Attributor,
    ClaimantNormalizer,
    clean_phrase,
    default_attribution_lexicon,
    outlet_name,
)
from .numbers import NumberLexicon, default_scanner, point_value
from .reconcile import reconcile

logger = logging.getLogger(__name__)

LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicons"
SUBJECT_MAX_CHARS = 160
AFTER_WINDOW = 90  # characters after a figure searched for its cue
BEFORE_WINDOW = 60

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
_LOSSES_NO_FIGURE = re.compile(
    r"\b(?:there (?:were|was|are) |suffered |sustained |incurred |inflicted )(?:heavy |significant |some |serious )?"
    r"(?P<k>losses|casualties)(?:\s+(?:among|in|of)\s+(?P<np>[^,.;]{3,80}))?",
    re.I,
)
_OF_TAIL = re.compile(
    r"\s+of\s+(?:the\s+)?[^,;.]{2,60}?(?=\s+(?:were|was|are|is|have|has|had|who|in|on|at|near)\b|[,;.]|$)"
)
# cheap test before the singular-victim and zero-casualty patterns run
_HARM_HINT = re.compile(r"kill|dead|die|slain|martyr|wound|injur|hurt|casualt|loss|victim|shot|death|murder|assassin|execut", re.I)
_VERB_BEFORE_VICTIM = re.compile(
    r"\b(?:(?P<k>kill(?:s|ed|ing)?|shot dead|gunned down|murder(?:s|ed|ing)?|assassinat(?:es|ed|ing)|execut(?:es|ed|ing)|"
    r"(?:stabbed|beaten|hacked|burned|shot) to death)|(?P<w>wound(?:s|ed|ing)?|injur(?:es|ed|ing)))\s+(?:an?\s+)?"
    r"(?:(?!(?:in|at|on|near|during|by|after|as|from|with)\b)[\w'’-]+\s+){0,2}$",
    re.I,
)
_VICTIM_END = re.compile(r"\s*(?:[,.;:)]|$|\s+(?:in|at|on|near|and|during|after|as|from|by|with|while|despite|-)\b)")
_PRONOUN_VICTIM = re.compile(
    r"\b(?:(?P<k>killed|killing|kills|shot dead)|(?P<w>injured|injuring|wounded|wounding))\s+(?:him|her)\b"
    r"|\b(?:he|she)\s+(?:was\s+|had been\s+|has been\s+)?(?:(?P<k2>killed|shot dead|died)|(?P<w2>injured|wounded|hurt))\b",
    re.I,
)
_SOMEONE_DIED = re.compile(
    r"^The\s+(?:[\w'’-]+\s+){0,2}?(?:(?P<k3>died|was killed|was shot dead)|(?P<w3>was injured|was wounded))\b|"
    r"\b(?:A|An|a|an)\s+(?!(?:bomb|mine|landmine|shell|mortar|drone|rocket|missile|grenade|car|vehicle|truck|"
    r"house|building|school|explosion|blast|clash|attack|number|total|series|group|few|dozen)\b)[^.;:]{0,160}?"
    r"\b(?:(?P<k>was killed|was shot dead|died|was found dead)|(?P<k2>(?!x)x)|(?P<w>was injured|was wounded|was hurt))\b"
)
_SINGULAR_AUX = re.compile(r"\b(?:was|is|has)\b", re.I)
_PASSIVE_AUX = re.compile(r"\b(?:were|was|are|is|been|be|being|get|got)\b|,", re.I)
_TRANSITIVE = re.compile(
    r"kill(?:s|ed|ing)?|wound(?:s|ed|ing)?|injur(?:e|es|ed|ing)|captur(?:e|es|ed|ing)|abduct(?:s|ed|ing)?|"
    r"kidnap(?:s|ped|ping)?|execut(?:e|es|ed|ing)|murder(?:s|ed|ing)?|assassinat(?:e|es|ed|ing)|shot|shot dead|"
    r"gunned down|(?:stabbed|beaten|hacked|burned|burnt|shot|clubbed|lynched) to death|shot and killed",
    re.I,
)
_OBJECT_AFTER = re.compile(r"\s+(?:an?|the|his|her|their|its|one|two|three|four|five|several|dozens|scores|at least|\d+)\s", re.I)
_CLAUSE_SPLIT = re.compile(r",\s+(?:while|whereas|but)\s+|;\s+|\s+while\s+", re.I)
_CONJ_GAP = re.compile(
    r"^[\s\w'’-]{0,40}?(?:,\s*(?:and\s+|as well as\s+|plus\s+)?|\band\s+|\bas well as\s+|\bplus\s+)$", re.I
)
_DENIED_BY = re.compile(
    r"\b(?:claims?|reports?|allegations?|information|statements?|accusations?|rumou?rs?|news|footage|videos?)\s+"
    r"(?:made |circulated |spread |disseminated |published |voiced |issued |posted |released |put forward )?"
    r"(?:by|from)\s+(?P<d>(?:the\s+)?[\w'’.-]+(?:\s+(?!that\b|about\b|of\b|on\b|in\b)[\w'’.-]+){0,4})",
    re.I,
)
_DENIED_POSS = re.compile(
    r"(?P<d>(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*)(?:'s|’s)\s+(?:\w+\s+)?"
    r"(?:claims?|accusations?|allegations?|reports?|statements?)\b"
)
_COPULA_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|as|called|calling|termed|terming|labell?ed|branded|described|describing|"
    r"deemed|considered|remains?|it|them)\s+(?:[\w-]+\s+){0,3}$",
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
    r"(?:[^,;]{0,60}?)\s(?:about|of|that|on)\s+(?P<p>.+)$",
    re.I,
)


@dataclass(frozen=True)
class ClaimsLexicon:
    cues: tuple[tuple[re.Pattern[str], re.Pattern[str], str, str], ...]  # after-re, before-re, kind, where
    denial: tuple[tuple[re.Pattern[str], str], ...]
    denial_any: re.Pattern[str]
    no_casualty: re.Pattern[str]
    numbers: NumberLexicon
    attribution: AttributionLexicon
    singular_person: re.Pattern[str]
    parties: tuple[tuple[re.Pattern[str], str, str, str], ...]  # pattern, name, country, kind


def _rows(path: Path) -> list[list[str]]:
    return [
        ln.split("\t")
        for ln in path.read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]


_FILLER = r"(?:\s+(?:another|a further|an additional|at least|some|about|over|more than|up to|nearly|around|as many as|a total of|all))*"


def load_claims_lexicon(directory: Path = LEXICON_DIR) -> ClaimsLexicon:
    cues = []
    for r in _rows(directory / "casualty_cues.tsv"):
        pat, kind, where = r[0], r[1].strip(), r[2].strip()
        cues.append(
            (
                re.compile(rf"\b(?:{pat})\b", re.I),
                re.compile(rf"\b(?:{pat})\b{_FILLER}\s*[\"“']?$", re.I),
                kind,
                where,
            )
        )
    denial = tuple(
        (re.compile(rf"\b(?:{r[0]})\b", re.I), r[1].strip()) for r in _rows(directory / "denial_cues.tsv")
    )
    no_cas = re.compile("|".join(rf"(?:\b{r[0]}\b)" for r in _rows(directory / "no_casualty_cues.txt")), re.I)
    numbers = default_scanner().lex
    sg = sorted(
        {i.singular for i in numbers.nouns.values() if i.category in ("person", "military")},
        key=len,
        reverse=True,
    )
    sg = [
        s
        for s in sg
        if s not in ("other", "body", "casualty", "victim", "member", "individual", "personnel", "police")
    ]
    singular = re.compile(
        r"(?P<noun>" + "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in sg) + r")\b(?![-'’]\w)", re.I
    )
    parties = []
    actors = directory / "actors.tsv"
    try:
        for r in _rows(actors):
            if r[0] == "pattern" or len(r) < 5:
                continue
            flags = 0 if re.search(r"[A-Z]{2}", r[0]) else re.I
            parties.append((re.compile(rf"\b(?:{r[0]})\b", flags), r[1].strip(), r[3].strip(), r[4].strip()))
    except (OSError, re.error):  # the actors lexicon is optional here
        logger.warning("actors lexicon unavailable for claim sides")
    denial_any = re.compile("|".join(p.pattern for p, _ in denial), re.I)
    return ClaimsLexicon(
        tuple(cues), denial, denial_any, no_cas, numbers, default_attribution_lexicon(), singular, tuple(parties)
    )


@functools.cache
def default_claims_lexicon() -> ClaimsLexicon:
    return load_claims_lexicon()


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
    for m in re.finditer(r"”", text):
        if not any(a < m.start() < b for a, b in regions):
            para_start = text.rfind("\n\n", 0, m.start())
            regions.append((para_start + 2 if para_start >= 0 else 0, m.end()))
    return regions


class ClaimsStage:
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
        for i, s in enumerate(sents):
            att = found[i]
            if att is None:
                for a, b in regions:
                    if a <= s.start < b:
                        for j, t in enumerate(sents):
                            if t.start <= b - 1 < t.end + 1 and found[j] is not None and j != i:
                                att = found[j]
                                break
                        break
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
    def _cue_after(self, text: str) -> tuple[str, int, int] | None:
        best = None
        for after_re, _before_re, kind, where in self.lex.cues:
            if where == "override":
                m = after_re.search(text)
                if m:
                    return (kind, m.start(), m.end())
        for after_re, _before_re, kind, where in self.lex.cues:
            if where in ("before", "override"):
                continue
            m = after_re.search(text)
            if m and (best is None or m.start() < best[1] or (m.start() == best[1] and m.end() > best[2])):
                best = (kind, m.start(), m.end())
        return best

    def _cue_before(self, text: str) -> tuple[str, int, int] | None:
        for _after_re, before_re, kind, where in self.lex.cues:
            if where in ("after", "override"):
                continue
            m = before_re.search(text)
            if m:
                return (kind, m.start(), m.end())
        return None

    def _side(
        self, np: str, before: str, s: _Sentence, kind: str, passive: bool, norm_country: str | None
    ) -> str | None:
        lex = self.lex
        for pat, name, country, akind in lex.parties:
            if pat.search(np):
                return name if akind in ("rebels", "militia", "party", "external") or not country else country
        m = lex.attribution.country_re.search(np)
        if m:
            return lex.attribution.countries.get(m.group("c").lower())
        lost = re.search(
            r"(?P<s>[\w'’ -]{2,60}?)\s+(?:lost|losing|loses|suffered)\s+(?:\w+\s+){0,3}$", before
        )
        if lost:
            subj = lost.group("s")
            for pat, name, country, akind in lex.parties:
                if pat.search(subj):
                    return (
                        name
                        if akind in ("rebels", "militia", "party", "external") or not country
                        else country
                    )
            m = lex.attribution.country_re.search(subj)
            if m:
                return lex.attribution.countries.get(m.group("c").lower())
            if re.search(r"\b(?:it|we|our)\b", subj, re.I) and norm_country:
                return norm_country
            for w in ("rebels", "separatists", "militants", "insurgents"):
                if w in subj.lower():
                    return w
        nm = re.search(r"\b(civilians?|rebels?|separatists?|militants?|insurgents?|protesters?)\b", np, re.I)
        if nm:
            w = nm.group(1).lower()
            return w if w.endswith("s") else w + "s"
        if (
            passive
            and kind in ("killed", "injured", "killed_or_injured")
            and norm_country
            and re.search(
                r"\b(?:soldiers?|servicem[ae]n|troops|personnel|military|officers?|fighters|border guards?)\b",
                np,
                re.I,
            )
        ):
            return norm_country
        return None

    def _noun_end(self, text: str, q: QuantityMention, limit: int) -> int:
        """End of the counted noun after a figure (or of the figure), plus an "of the ..." tail."""
        end = q.end
        if q.noun:
            k = text.find(q.noun, q.end, min(limit, q.end + 60))
            if k >= 0:
                end = k + len(q.noun)
        tail = _OF_TAIL.match(text, end, limit)
        return tail.end() if tail else end

    def figures(self, doc: Doc, s: _Sentence, norm_country: str | None, text: str) -> list[dict]:
        """Casualty/materiel figures of one sentence as claim field dicts.

        Each figure gets its cue: right before it ("killing 5", "death toll rose to 28") or
        after it before the next figure ("5 were killed").  A figure without a cue joined by
        "and"/"," to a figure with one is summed into the same claim ("two police officers and
        a civilian were killed" = 3; "killed two police officers and a civilian" = 3).
        """
        nouns = self.lex.numbers.nouns
        ms: list[QuantityMention] = [q for q in (doc._.quantities or []) if s.start <= q.start < s.end]
        info = []
        for i, q in enumerate(ms):
            nxt = ms[i + 1].start if i + 1 < len(ms) else s.end
            tail_start = q.end
            after = text[tail_start : min(nxt, tail_start + AFTER_WINDOW, s.end)]
            before_start = max(s.start, q.start - BEFORE_WINDOW)
            cue_b = self._cue_before(text[before_start : q.start])
            if cue_b is not None:
                cue_b = (cue_b[0], before_start + cue_b[1], before_start + cue_b[2])
            cue_a = self._cue_after(after)
            if cue_a is not None and self._is_agent(text, tail_start, cue_a, nxt, s.end):
                cue_a = None  # "two armed men killed two gendarmes": the figure did the killing
            if cue_a is not None and (point_value(q.quantity) or 0) > 1 and _SINGULAR_AUX.search(after[: cue_a[1]]):
                cue_a = None  # "a man accused of stealing 11 goats was beaten to death": not the 11
            joined_next = nxt < s.end and bool(_CONJ_GAP.match(text[q.end : nxt])) and not q.quantity.vague
            info.append((q, cue_b, cue_a, tail_start, joined_next))
        groups: list[tuple[list[int], str, bool, int]] = []  # members, cue kind, passive, cue position
        i = 0
        while i < len(info):
            q, cue_b, cue_a, tail_start, joined = info[i]
            if cue_b is not None:
                members = [i]
                while joined and i + 1 < len(info) and info[i + 1][1] is None and info[i + 1][2] is None:
                    i += 1
                    members.append(i)
                    joined = info[i][4]
                groups.append((members, cue_b[0], False, cue_b[1]))
            elif cue_a is not None:
                groups.append(([i], cue_a[0], True, tail_start + cue_a[2]))
            elif joined:
                # no cue of its own: take the next figure's after-cue and be summed with it
                j = i
                while j + 1 < len(info) and info[j][4] and info[j + 1][1] is None and info[j + 1][2] is None:
                    j += 1
                if j + 1 < len(info) and info[j][4] and info[j + 1][1] is None and info[j + 1][2] is not None:
                    _nq, _, ncue_a, ntail, _ = info[j + 1]
                    groups.append((list(range(i, j + 2)), ncue_a[0], True, ntail + ncue_a[2]))
                    i = j + 2
                    continue
            i += 1
        out: list[dict] = []
        prev_side: str | None = None
        for members, cue, passive, cue_pos in groups:
            group = [ms[k] for k in members]
            q = group[-1] if passive else group[0]
            noun_info = nouns.get((q.noun or "").lower())
            kind = self._kind(cue, noun_info.category if noun_info else None)
            if kind is None:
                continue
            sides = []
            for g in group:
                np = text[g.start : self._noun_end(text, g, s.end)]
                sides.append(self._side(np, text[s.start : g.start], s, kind, passive, norm_country))
            side = sides[0] if len(set(sides)) == 1 else None
            if side is None and len(group) == 1 and not group[0].noun and prev_side:
                side = prev_side  # "four Armenian soldiers were killed and nine were wounded"
            prev_side = side or prev_side
            if len(group) == 1:
                low, high = group[0].quantity.low, group[0].quantity.high
            else:
                vals = [point_value(g.quantity) or 0 for g in group]
                low = sum(vals)
                high = (
                    None
                    if any(g.quantity.high is None for g in group)
                    else sum(g.quantity.high or 0 for g in group)
                )
            first = group[0].start
            last_end = max(self._noun_end(text, g, s.end) for g in group)
            subj = text[first : max(cue_pos, last_end)] if passive else text[min(cue_pos, first) : last_end]
            out.append(
                {
                    "kind": kind,
                    "low": low,
                    "high": high,
                    "side": side,
                    "subject": subj.strip(" ,;")[:SUBJECT_MAX_CHARS],
                    "pos": first,
                }
            )
        taken = [(q.start, q.end) for q in ms]
        out.extend(self._implicit(doc, s, taken, norm_country, have={d["kind"] for d in out}))
        return out

    @staticmethod
    def _is_agent(text: str, base: int, cue: tuple[str, int, int], nxt: int, s_end: int) -> bool:
        """The figure is the subject of an active transitive cue verb: an object follows the verb."""
        between = text[base : base + cue[1]]
        if _PASSIVE_AUX.search(between) or not _TRANSITIVE.fullmatch(text[base + cue[1] : base + cue[2]]):
            return False
        cue_end = base + cue[2]
        if nxt < s_end and not text[cue_end:nxt].strip():
            return True  # "killed two gendarmes", "killed at least 12"
        return bool(_OBJECT_AFTER.match(text, cue_end))

    def _kind(self, cue: str, category: str | None) -> str | None:
        if category == "mine":
            return "mines"
        if category == "uxo":
            return "uxo"
        if category == "materiel":
            if cue == "killed_or_injured":  # "lost 1,500 tanks"
                return "destroyed"
            return cue if cue in ("destroyed", "captured") else None
        if cue == "found":
            return None
        if cue == "destroyed":
            return "killed" if category in ("person", "military") else None
        return cue

    def _implicit(
        self,
        doc: Doc,
        s: _Sentence,
        taken: list[tuple[int, int]],
        norm_country: str | None,
        *,
        have: set[str],
    ) -> list[dict]:
        """Casualties without a figure: a singular victim ("Ukrainian serviceman killed", "the explosion
        killed him", "a 25-year old stepped on a landmine and died") is 1; "no casualties" is 0;
        "there were losses" is a figure-less claim."""
        text = s.text
        out: list[dict] = []
        if not _HARM_HINT.search(text):
            return out
        if self.lex.no_casualty.search(text):
            m = self.lex.no_casualty.search(text)
            kind = (
                "killed_or_injured"
                if re.search(r"casualt|loss|victim|injur|hurt", m.group(0), re.I)
                else "killed"
            )
            out.append(
                {
                    "kind": kind,
                    "low": 0,
                    "high": 0,
                    "side": None,
                    "subject": m.group(0),
                    "pos": s.start + m.start(),
                }
            )
        for m in self.lex.singular_person.finditer(text):
            a = s.start + m.start()
            if any(x <= a < y + 40 and x >= a - 60 for x, y in taken):
                continue
            pre = text[: m.start()]
            if re.search(
                r"\b(?:an?|one|the|his|her|their|its|of|every|each|no|this|that)\s+(?:[\w'’-]+\s+){0,2}$",
                pre,
                re.I,
            ) and not re.search(
                r"\b(?:kill(?:s|ed|ing)?|wound(?:s|ed|ing)?|injur(?:es|ed|ing))\s+(?:an?\s+)?(?:[\w'’-]+\s+){0,2}$",
                pre,
                re.I,
            ):
                continue
            post = text[m.end() :]
            kind = None
            pm = re.match(
                r"^(?:\s+[A-Z][\w'’-]+){0,3}\s+(?:was\s+|has been\s+|is\s+)?(?:(?P<k>killed|shot dead|martyred|died|dies|slain)|(?P<w>wounded|injured))\b",
                post,
            )
            bm = _VERB_BEFORE_VICTIM.search(pre) if _VICTIM_END.match(post) else None
            if pm:
                kind = "killed" if pm.group("k") else "injured"
            elif bm:
                kind = "killed" if bm.group("k") else "injured"
            if kind is None or kind in have:
                continue
            np = text[max(0, m.start() - 40) : m.end()]
            side = self._side(np[-60:], text[: m.start()], s, kind, bool(pm), norm_country)
            if pm:
                subject = text[m.start() : m.end() + pm.end()]
            else:
                subject = text[bm.start() if bm else m.start() : m.end()]
            out.append(
                {"kind": kind, "low": 1, "high": 1, "side": side, "subject": subject.strip(), "pos": a}
            )
            break
        if not (have | {d["kind"] for d in out}) & {"killed", "injured"}:
            m = _PRONOUN_VICTIM.search(text) or _SOMEONE_DIED.search(text)
            if m:
                killed = m.group("k") or m.group("k2") or ("k3" in m.re.groupindex and m.group("k3"))
                kind = "killed" if killed else "injured"
                out.append(
                    {
                        "kind": kind,
                        "low": 1,
                        "high": 1,
                        "side": None,
                        "subject": m.group(0).strip()[-SUBJECT_MAX_CHARS:],
                        "pos": s.start + m.start(),
                    }
                )
        lm = _LOSSES_NO_FIGURE.search(text)
        if lm and not out:
            side = self._side(
                lm.group("np") or "", text[: lm.start()], s, "killed_or_injured", True, norm_country
            )
            out.append(
                {
                    "kind": "killed_or_injured",
                    "low": None,
                    "high": None,
                    "side": side,
                    "subject": lm.group(0)[:SUBJECT_MAX_CHARS],
                    "pos": s.start + lm.start(),
                }
            )
        return out

    # ------------------------------------------------------------ denials
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
        pm = _PROPOSITION.search(prop)
        if pm and not re.match(r"^(?:accusations?|allegations?)\s+of\b", prop, re.I):
            prop = pm.group("p")
        prop = re.sub(
            r"^(?:reports?|claims?|allegations?)\s+(?:of|that|about)\s+", "", prop.strip(), flags=re.I
        )
        return prop.strip(" ,.;")[:SUBJECT_MAX_CHARS], denied_by

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
