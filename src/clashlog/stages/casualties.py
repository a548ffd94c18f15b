"""Casualty and materiel figures of one sentence (part of the claims stage).

`FigureReader.figures` turns the sentence's ``doc._.quantities`` into claim
fields: the kind from the nearest cue (lexicons/casualty_cues.tsv; "killing 5"
before the figure, "5 were killed" after it, "later died of her injuries"
overriding), adjusted by the counted noun (mines, unexploded ordnance,
materiel; lexicons/casualty_nouns.tsv); a figure that does the killing ("two
armed men killed two gendarmes") is not a victim count; the side from a
demonym, a named party (lexicons/actors.tsv) or "the rebels lost" around the
figure; figures joined by "and" share one cue and are summed ("two police
officers and a civilian were killed" = 3) unless each names a different side
("20 of its soldiers and 45 Ukrainian servicemen"), which stay apart.
`_implicit` adds what has no figure: a singular victim ("Ukrainian
serviceman killed", "the explosion killed him") is 1, "no casualties" is 0,
"there were losses" is a figure-less claim.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from spacy.tokens import Doc

from ..model import QuantityMention
from .attribution import AttributionLexicon, default_attribution_lexicon
from .named_victims import find_named_victims
from .numbers import NumberLexicon, default_scanner, point_value

logger = logging.getLogger(__name__)


class SentenceLike(Protocol):
    """What figure reading needs of a sentence: its span in the article text."""

    start: int
    end: int
    text: str


LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicons"
SUBJECT_MAX_CHARS = 160
AFTER_WINDOW = 90  # characters after a figure searched for its cue
BEFORE_WINDOW = 60

_LOSSES_NO_FIGURE = re.compile(
    r"\b(?:there (?:were|was|are) |suffered |sustained |incurred |inflicted )(?:heavy |significant |some |serious )?"
    r"(?P<k>losses|casualties)(?:\s+(?:among|in|of)\s+(?P<np>[^,.;]{3,80}))?",
    re.I,
)
_OF_TAIL = re.compile(
    r"\s+of\s+(?:the\s+)?[^,;.]{2,60}?(?=\s+(?:were|was|are|is|have|has|had|who|in|on|at|near)\b|[,;.]|$)"
)
# cheap test before the singular-victim and zero-casualty patterns run
_HARM_HINT = re.compile(
    r"kill|dead|die|slain|martyr|wound|injur|hurt|casualt|loss|victim|shot|death|murder|assassin|execut|"
    r"gunned|passed away|succumb|perish",
    re.I
)
_VERB_BEFORE_VICTIM = re.compile(
    r"\b(?:(?P<k>kill(?:s|ed|ing)?|shot dead|gunned down|murder(?:s|ed|ing)?|assassinat(?:es|ed|ing)|execut(?:es|ed|ing)|"
    r"(?:stabbed|beaten|hacked|burned|shot) to death)|(?P<w>wound(?:s|ed|ing)?|injur(?:es|ed|ing)))\s+(?:an?\s+)?"
    r"(?:(?!(?:in|at|on|near|during|by|after|as|from|with)\b)[\w'’-]+\s+){0,2}$",
    re.I,
)
_VICTIM_END = re.compile(
    r"\s*(?:[,.;:)]|$|\s+(?:in|at|on|near|and|during|after|as|from|by|with|while|despite|-)\b)"
)
_PRONOUN_VICTIM = re.compile(
    r"\b(?:(?P<k>killed|killing|kills|shot dead)|(?P<w>injured|injuring|wounded|wounding))\s+(?:him|her)\b"
    r"|\b(?:he|she)\s+(?:was\s+|had been\s+|has been\s+)?(?:later\s+|unfortunately\s+|subsequently\s+)?"
    r"(?:(?P<k2>killed|shot dead|died|passed away|succumbed)|(?P<w2>injured|wounded|hurt))\b",
    re.I,
)
_SOMEONE_DIED = re.compile(
    r"^The\s+(?:[\w'’-]+\s+){0,2}?(?:(?P<k3>died|was killed|was shot dead)|(?P<w3>was injured|was wounded))\b|"
    r"\b(?:A|An|a|an)\s+(?!(?:bomb|mine|landmine|shell|mortar|drone|rocket|missile|grenade|car|vehicle|truck|"
    r"house|building|school|explosion|blast|clash|attack|number|total|series|group|few|dozen)\b)[^.;:]{0,160}?"
    r"(?<!had )(?<!who had )\b(?:(?P<k>was killed|was shot dead|died|was found dead)|(?P<k2>(?!x)x)|"
    r"(?P<w>was injured|was wounded|was hurt))\b"
)
_GERUND_OF = re.compile(
    r"\b(?:accused|suspected|charged|convicted|guilty|responsible|blamed|arrested|detained|jailed|sentenced|"
    r"wanted|tried)\s+(?:\w+\s+){0,2}?(?:of|for)\s+$",
    re.I,
)
_SINGULAR_AUX = re.compile(r"\b(?:was|is|has)\b", re.I)
_PASSIVE_AUX = re.compile(r"\b(?:were|was|are|is|been|be|being|get|got)\b", re.I)
_TRANSITIVE = re.compile(
    r"kill(?:s|ed|ing)?|wound(?:s|ed|ing)?|injur(?:e|es|ed|ing)|captur(?:e|es|ed|ing)|abduct(?:s|ed|ing)?|"
    r"kidnap(?:s|ped|ping)?|execut(?:e|es|ed|ing)|murder(?:s|ed|ing)?|assassinat(?:e|es|ed|ing)|shot|shot dead|"
    r"gunned down|(?:stabbed|beaten|hacked|burned|burnt|shot|clubbed|lynched) to death|shot and killed",
    re.I,
)
_OBJECT_AFTER = re.compile(
    r"\s+(?:an?|the|his|her|their|its|one|two|three|four|five|several|dozens|scores|at least|\d+)\s", re.I
)
_CONJ_GAP = re.compile(
    r"^[\s\w'’-]{0,40}?(?:,\s*(?:and\s+|as well as\s+|plus\s+)?|\band\s+|\bas well as\s+|\bplus\s+)$", re.I
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
        tuple(cues),
        denial,
        denial_any,
        no_cas,
        numbers,
        default_attribution_lexicon(),
        singular,
        tuple(parties),
    )


@functools.cache
def default_claims_lexicon() -> ClaimsLexicon:
    return load_claims_lexicon()


class FigureReader:
    """Figure reading over ``self.lex`` (a ClaimsLexicon); mixed into the claims stage."""

    lex: ClaimsLexicon

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
            for m in after_re.finditer(text):
                if _GERUND_OF.search(text, 0, m.start()):
                    continue  # "a person accused of injuring someone": not what happened to the figure
                if best is None or m.start() < best[1] or (m.start() == best[1] and m.end() > best[2]):
                    best = (kind, m.start(), m.end())
                break
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
        self, np: str, before: str, s: SentenceLike, kind: str, passive: bool, norm_country: str | None
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

    def figures(self, doc: Doc, s: SentenceLike, norm_country: str | None, text: str) -> list[dict]:
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
            if (
                cue_a is not None
                and (point_value(q.quantity) or 0) > 1
                and _SINGULAR_AUX.search(after[: cue_a[1]])
            ):
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
            kinds = []
            for g in group:
                info = nouns.get((g.noun or "").lower())
                kinds.append(self._kind(cue, info.category) if info else kind)
            sides = []
            for g, g_kind in zip(group, kinds, strict=True):
                np = text[g.start : self._noun_end(text, g, s.end)]
                sides.append(
                    self._side(np, text[s.start : g.start], s, g_kind or kind, passive, norm_country)
                )
            if len(set(kinds)) > 1:
                # "up to 60 servicemen, two tanks and three armoured vehicles were destroyed",
                # "87 mines and 341 unexploded ordnance were defused": one claim per kind of thing
                for g, g_kind, g_side in zip(group, kinds, sides, strict=True):
                    if g_kind is None:
                        continue
                    g_end = self._noun_end(text, g, s.end)
                    out.append(
                        {
                            "kind": g_kind,
                            "low": g.quantity.low,
                            "high": g.quantity.high,
                            "side": g_side,
                            "subject": text[g.start : g_end].strip(" ,;")[:SUBJECT_MAX_CHARS],
                            "pos": g.start,
                        }
                    )
                continue
            if len(group) > 1 and None not in sides and len(set(sides)) == len(sides):
                # both sides in one breath ("20 of its soldiers and 45 Ukrainian servicemen were
                # killed"): one claim per side, never a mixed total
                for g, g_side in zip(group, sides, strict=True):
                    g_end = self._noun_end(text, g, s.end)
                    g_subj = (
                        f"{text[g.start : g_end]} ({kind})"
                        if passive
                        else text[min(cue_pos, g.start) : g_end]
                    )
                    out.append(
                        {
                            "kind": kind,
                            "low": g.quantity.low,
                            "high": g.quantity.high,
                            "side": g_side,
                            "subject": g_subj.strip(" ,;")[:SUBJECT_MAX_CHARS],
                            "pos": g.start,
                        }
                    )
                prev_side = sides[-1]
                continue
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
        s: SentenceLike,
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
        for v in find_named_victims(text):
            if v.kind in have:
                continue
            side = self._side(v.subject[-60:], text[: v.start], s, v.kind, True, norm_country)
            out.append(
                {
                    "kind": v.kind,
                    "low": v.count,
                    "high": v.count,
                    "side": side,
                    "subject": v.subject[:SUBJECT_MAX_CHARS],
                    "pos": s.start + v.start,
                }
            )
        named = {d["kind"] for d in out if d["low"]}
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
            if kind is None or kind in have or kind in named:
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
        if not (have | {d["kind"] for d in out}) & {"killed", "injured"} and not any(
            d["low"] == 0 for d in out
        ):
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
