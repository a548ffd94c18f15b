"""Casualty and materiel figures of one sentence (part of the claims stage).

`FigureReader.figures` turns the sentence's ``doc._.quantities`` into claim
fields: the kind from the nearest cue (lexicons/casualty_cues.tsv; "killing 5"
before the figure, "5 were killed" after it, "later died of her injuries"
overriding), adjusted by the counted noun (mines, unexploded ordnance,
materiel; lexicons/casualty_nouns.tsv); a figure that does the killing ("two
armed men killed two gendarmes") is not a victim count; the side from
`casualty_sides`; figures joined by "and" share one cue and are summed ("two
police officers and a civilian were killed" = 3) unless each names a different
side ("20 of its soldiers and 45 Ukrainian servicemen"), which stay apart.
What has no figure (a singular victim, "no casualties", "there were losses")
comes from `implicit_casualties`; the lexicon from `claims_lexicon`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..model import QuantityMention
from .casualty_sides import casualty_side
from .claims_lexicon import SUBJECT_MAX_CHARS, ClaimsLexicon, SentenceLike
from .implicit_casualties import implicit_casualties
from .numbers import point_value

AFTER_WINDOW = 90  # characters after a figure searched for its cue
BEFORE_WINDOW = 60

_OF_TAIL = re.compile(
    r"\s+of\s+(?:the\s+)?[^,;.]{2,60}?(?=\s+(?:were|was|are|is|have|has|had|who|in|on|at|near)\b|[,;.]|$)"
)
_PEOPLE = re.compile(r"\s+[A-Z][a-z]+s\b")
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
# a figure followed by a reporting verb counts who spoke: "30 civilians, three witnesses and a health
# worker told Reuters", "killing seven soldiers, a Somali army officer said"
_SPEAKERS = re.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:and\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?)?"
                       r"(?:said|says|say|told|tell|tells|reported|confirmed|added)\b", re.I)
_CONJ_GAP = re.compile(  # "15 Volunteers for the Defence of the Homeland (VDP) auxiliaries and five soldiers"
    r"^[\s\w'’-]{0,50}?(?:\([\w\s-]{1,15}\)[\s\w'’-]{0,20}?)?"
    r"(?:,\s*(?:and\s+|as well as\s+|plus\s+)?|\band\s+|\bas well as\s+|\bplus\s+)$", re.I
)


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

    def _noun_end(self, text: str, q: QuantityMention, limit: int) -> int:
        """End of the counted noun after a figure (or of the figure), plus an "of the ..." tail."""
        end = q.end
        if q.noun:
            k = text.find(q.noun, q.end, min(limit, q.end + 60))
            if k >= 0:
                end = k + len(q.noun)
        else:  # a people the noun lexicon does not hold: "six Palestinians", "two Afghans"
            people = _PEOPLE.match(text, end, limit)
            if people:
                end = people.end()
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
        # a claimant that is a named armed group: the country whose forces it fights
        group_country = next(
            (c for _, name, c, k in self.lex.parties if name == s.claimant and c and k in ("rebels", "militia")), None
        )
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
            if cue_a is not None and nxt < s.end and tail_start + cue_a[2] < nxt \
                    and not text[tail_start + cue_a[2] : nxt].strip():
                cue_a = None  # "dispersed thousands of protesters, detaining 107 people": the next figure's verb
            if cue_a is not None and self._is_agent(text, tail_start, cue_a, nxt, s.end):
                cue_a = None  # "two armed men killed two gendarmes": the figure did the killing
            if (
                cue_a is not None
                and (point_value(q.quantity) or 0) > 1
                and _SINGULAR_AUX.search(after[: cue_a[1]])
            ):
                cue_a = None  # "a man accused of stealing 11 goats was beaten to death": not the 11
            joined_next = nxt < s.end and bool(_CONJ_GAP.match(text[q.end : nxt])) and not q.quantity.vague \
                and not _SPEAKERS.match(text, ms[i + 1].end, s.end)  # "..., three witnesses told Reuters"
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
                    casualty_side(
                        self.lex,
                        np,
                        text[s.start : g.start],
                        g_kind or kind,
                        passive,
                        norm_country,
                        group_country=group_country,
                    )
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
            if len(group) > 1 and None not in sides and len(set(sides)) == len(sides) and "civilians" not in sides:
                # both sides in one breath ("20 of its soldiers and 45 Ukrainian servicemen were
                # killed"): one claim per side, never a mixed total; a side's men and civilians killed
                # together ("two police officers and a civilian") are one toll
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
            listed = _listed_before(text, s.start, group[0].start) if passive and _OTHERS.match(
                text[group[-1].end : group[-1].end + 20]) else 0
            if listed:  # "Rodriguez Gacha, his son, and 15 others were killed" = 17
                low = (low or 0) + listed
                high = None if high is None else high + listed
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
        out.extend(implicit_casualties(self.lex, s, taken, norm_country, have={d["kind"] for d in out}))
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


# "15 others", "3 other people": a figure that counts victims beside the ones listed before it
_OTHERS = re.compile(r"^\s+other(?:s|\s+(?:people|persons|civilians|victims|men|soldiers|passengers))\b", re.I)
_SPEECH = re.compile(r"^.*\b(?:said|says|reported|reports|stated|announced|confirmed)\s+(?:that\s+)?", re.I | re.S)
_LIST_TAIL = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)$", re.I)
_ITEM = re.compile(
    r"^(?!(?:in|on|at|near|during|after|before|since|meanwhile|also|elsewhere|separately|however|yesterday|today|"
    r"earlier|later|overnight|then|there|here|while|when|as|of)\b)(?:(?:the|his|her|their|a|an)\s+)?"
    r"(?:[A-Za-z][\w'’.-]*\s*){1,4}$",
    re.I,
)


def _listed_before(text: str, s_start: int, pos: int) -> int:
    """How many victims a list names before a figure of "others" ("Rodriguez Gacha, his son, and 15
    others"): each comma- or "and"-separated item of up to four words without a number is one."""
    head = _SPEECH.sub("", text[s_start:pos])
    if not _LIST_TAIL.search(head):
        return 0
    items = [i.strip() for i in re.split(r",|\band\b", _LIST_TAIL.sub("", head)) if i.strip()]
    if not items or len(items) > 6 or any(not _ITEM.match(i) or re.search(r"\d", i) for i in items):
        return 0
    return len(items)
