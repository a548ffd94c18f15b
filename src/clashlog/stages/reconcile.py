"""Reconciliation of claims onto events (part of the claims stage).

A claim links to the event whose evidence shares its sentence, else the
nearest event in its paragraph (of a matching date when the claim's sentence
states one), else the nearest event of its stated date (or the only event,
when the claim states no date); cumulative totals are never linked, and a summary over a
period ("lost 1,120 personnel over the past day") only to an event of its own sentence or paragraph;
a figure-less denial by the party an event names as its doer ("Russia's defence ministry denied
targeting civilians") goes, failing those, to that doer's one event.  A casualty figure looks at
each step for an event that can have casualties first (not a strategic development or a peaceful
protest: "two men were arrested for the attack in which ten policemen were killed").

Per event, from the linked claims that assert a killed figure: each
claimant's figure is its largest per-sentence total (a figure restated in
headline, lead and body counts once), or the sum over sentences that report
different sides; a part of a total ("three children were among the dead")
is no figure of its own.  ``fatalities`` is the lowest claimant figure (ACLED: the
lowest credible figure); ``fatalities_low``/``fatalities_high`` span all
claimant figures (UCDP); 0 when only injuries or "no casualties" are
reported; None when nothing is said.  ``contested`` is set when claimants
give different figures or a linked claim is a denial.  A toll reported for several places
at once is divided evenly among their events (`split_among_places`, ACLED practice).
"""

from __future__ import annotations

import bisect
import re

from ..model import Claim, Event

_AMONG = re.compile(
    r"\b(?:were|was|are|is)\s+(?:also\s+)?among\s+(?:the\s+|those\s+)?(?:dead|killed|victims|casualties|fatalities)\b",
    re.I,
)
_PERIOD_SUMMARY = re.compile(
    r"\b(?:over|in|during) the (?:past|last|previous) (?:day|24 hours|two days|48 hours|week|seven days|month)\b|"
    r"\bper day\b|\ba day\b|\bdaily\b",
    re.I,
)
_CODED = re.compile(r"\bfatalities (?:were |are )?(?:coded|estimated) as\b", re.I)


# a denied proposition about harm done to civilians
_HARM_TO_CIVILIANS = re.compile(r"\b(?:civilians?|residents|non-combatants|villagers|hospitals?|markets?|homes)\b", re.I)
_COMBATANT_SIDES = frozenset({"militants", "rebels", "insurgents", "separatists", "bandits", "terrorists", "jihadists",
                              "assailants", "attackers"})
_VAGUE_AMOUNT = re.compile(r"\b(?:several|some|a few|few|many|numerous|dozens|scores|hundreds|thousands)\b", re.I)
_SINCE = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)$")


def _party_country(name: str | None) -> str | None:
    """The country a normalized party name ends on ("Ministry of Defense of Russia", "Military
    Forces of Russia (2000-)", "Protesters (Ukraine)" -> "Russia", "Russia", "Ukraine")."""
    name = _SINCE.sub("", (name or "").strip())
    if name.endswith(")") and "(" in name:
        return name[name.rindex("(") + 1 : -1].strip() or None
    parts = name.split(" of ")
    tails = [re.sub(r"^the\s+", "", " of ".join(parts[i:]).strip()) for i in range(1, len(parts))]
    from .actors import load_lexicon

    lex = load_lexicon()
    for tail in tails:  # the longest country name: "... of the Democratic Republic of Congo"
        c = lex.country(tail)
        if c is not None:
            return str(c.name)
    return tails[-1] if tails and tails[-1][:1].isupper() else None


def _event_dates_match(ev: Event, d: str | None) -> bool:
    if d is None:
        return True
    end = ev.event_date_end or ev.event_date
    return ev.event_date <= d <= end


def reconcile(
    events: list[Event],
    claims: list[Claim],
    *,
    sents: list[tuple[int, int, int]] | None = None,
    explicit_dates: set[str] | None = None,
) -> None:
    """Link claims to events and set fatalities, fatalities_low/high, claim_ids, contested."""
    if not events:
        return
    sents = sents or [(c.start, c.end, 0) for c in claims]

    sents = sorted(sents)
    starts = [a for a, _, _ in sents]

    def para_of(pos: int) -> int | None:
        j = bisect.bisect_right(starts, pos) - 1
        if j >= 0 and pos < sents[j][1] + 1:
            return sents[j][2]
        return None

    ev_spans = [[(e.start, e.end) for e in ev.evidence] for ev in events]
    ev_paras = [{para_of(a) for a, _ in spans} for spans in ev_spans]
    lethal = [takes_casualties(ev) for ev in events]
    for c in claims:
        if c.cumulative:
            continue
        mid = c.start
        same = [i for i, spans in enumerate(ev_spans) if any(a < c.end and b > c.start for a, b in spans)]
        tiers: list[list[int]] = [same]
        if c.claim_type in ("casualties", "weapons"):
            explicit = c.claim_id in (explicit_dates or set())
            p = para_of(c.start)
            in_para = [
                i
                for i in range(len(events))
                if p in ev_paras[i] and (not explicit or _event_dates_match(events[i], c.date))
            ]

            def in_article(pool: list[int], explicit: bool = explicit, when: str | None = c.date) -> list[int]:
                return [
                    i
                    for i in pool
                    if ev_spans[i]
                    and ((explicit and _event_dates_match(events[i], when)) or (not explicit and len(pool) == 1))
                ]

            # "Russian forces lost 1,120 personnel over the past day": a summary over a period, not the
            # toll of the one event the article reports elsewhere
            summary = bool(_PERIOD_SUMMARY.search(c.text or ""))
            tiers.extend([in_para, [] if summary else in_article(list(range(len(events))))])
            if c.claim_type == "casualties":
                # people killed or hurt belong to an event that can have casualties: a figure in a
                # sentence about an arrest or a peaceful protest goes to the fighting it reports
                violent = [i for i in range(len(events)) if lethal[i]]
                tiers = [
                    [i for i in same if lethal[i]],
                    [i for i in in_para if lethal[i]],
                    [] if summary else in_article(violent),
                    *tiers,
                ]
        if c.stance == "denies" and c.claim_type == "allegation" and c.denied_claimant:
            # "The army dismissed these figures as fanciful": the event the figures it denies were about
            ids = {ev.event_id: i for i, ev in enumerate(events)}
            theirs = [ids[o.event_id] for o in claims
                      if o.claimant == c.denied_claimant and o.event_id in ids and o.start < c.start]
            tiers.append(theirs[-1:])
        if c.stance == "denies" and c.claim_type == "allegation":
            # "Russia's defence ministry denied targeting civilians": a denial by the party an event
            # names as its doer is about that event when it is the one event of that doer
            accused = _party_country(c.claimant)
            doers = [
                i
                for i, ev in enumerate(events)
                if ev.actor1 == c.claimant or (accused and _party_country(ev.actor1) == accused)
            ]
            if len(doers) > 1 and _HARM_TO_CIVILIANS.search(c.subject or ""):
                # "the RSF said it had not targeted civilians": of its events, the one against civilians
                doers = [i for i in doers if (events[i].actor2 or "").startswith("Civilians")]
            tiers.append(doers if len(doers) == 1 else [])
        chosen = None
        for pool in tiers:
            if pool:
                chosen = min(pool, key=lambda i: min((abs(a - mid) for a, _ in ev_spans[i]), default=10**9))
                break
        if chosen is not None:
            c.event_id = events[chosen].event_id
    for ev in events:
        linked = [c for c in claims if c.event_id == ev.event_id]
        ev.claim_ids = [c.claim_id for c in linked]
        fatalities_from_claims(ev, linked)
    split_among_places(events)


def split_among_places(events: list[Event]) -> None:
    """One report of several places ("attacked Uzaar, Anyii and Vase, killing 26") gives one event per
    place; its toll goes to the first of them, and ACLED divides a toll it cannot place evenly among the
    events (the remainder to the first ones), so that summing events never counts the dead twice.
    The siblings share the claims."""
    groups: dict[tuple, list[Event]] = {}
    for ev in events:
        if ev.evidence:
            key = (tuple(sorted((e.start, e.end) for e in ev.evidence)), ev.event_type, ev.sub_event_type,
                   ev.event_date)
            groups.setdefault(key, []).append(ev)
    for group in groups.values():
        with_toll = [ev for ev in group if ev.fatalities is not None]
        if len(group) < 2 or len(with_toll) != 1:
            continue
        src = with_toll[0]
        n = len(group)
        values = {name: getattr(src, name) for name in ("fatalities", "fatalities_low", "fatalities_high")}
        for k, ev in enumerate(group):
            for name, total in values.items():
                if total is not None:
                    base, extra = divmod(total, n)
                    setattr(ev, name, base + (1 if k < extra else 0))
            if ev is not src:
                ev.claim_ids = list(src.claim_ids)
                ev.contested = src.contested


def takes_casualties(ev: Event) -> bool:
    """Can ACLED code fatalities on this event?  Not on strategic developments or peaceful protests."""
    return ev.event_type != "Strategic developments" and ev.sub_event_type != "Peaceful protest"


def part_of_a_total(c: Claim) -> bool:
    """A figure that is a part of a total given elsewhere ("three children were among the dead")."""
    return bool(_AMONG.search(c.subject or ""))


# "two members of his escort were also killed", "a technician also died": victims beside others
ADDED_VICTIMS = re.compile(
    r"\b(?:were|was|have been|had been)\s+also\s+(?:killed|murdered|shot dead|wounded|injured|hurt)\b"
    r"|\balso\s+(?:died|perished)\b",
    re.I,
)


def _named_side(side: str | None) -> bool:
    """Is ``side`` a country or a named party ("Iran", "Hezbollah"), not a generic group ("civilians")?"""
    return bool(side) and side[:1].isupper()


def _one_side(side: str | None) -> bool:
    """Does a figure count one side's dead only: fighters ("20 militants") or a named side ("three members
    of the Revolutionary Guards": Iran), not everyone killed?"""
    return side in _COMBATANT_SIDES or _named_side(side)


def fatalities_from_claims(ev: Event, linked: list[Claim]) -> None:
    """ACLED fatalities (lowest credible figure) and the UCDP low/high range from linked claims.

    A peaceful protest has none (ACLED): "protested against attacks that killed seven people" names
    the dead of other events, whose claims stay linked to it for the reader."""
    if not takes_casualties(ev):
        linked = []
    killed = [
        c
        for c in linked
        if c.stance == "asserts"
        and not c.cumulative
        and c.claim_type == "casualties"
        and (c.quantity_kind == "killed" or (c.quantity_kind == "killed_or_injured" and c.value_low == 0))
        and (c.value_low is not None or c.value_high is not None)
    ]
    # "three children were among the dead": a part of a total given elsewhere, not a figure of its own
    killed = [c for c in killed if not part_of_a_total(c)]
    # "neutralised several of them" beside the relatives' "at least 13 civilians": a claimant's vague amount
    # is no count to set against another claimant's (it still widens the range)
    counted = {c.claimant for c in killed if not _VAGUE_AMOUNT.search(c.subject or "")}
    coded = [c for c in killed if _CODED.search(c.subject or "")]
    if coded:  # a coder's own "fatalities coded as N" settles the figure
        killed = coded
    # victims a sentence says were "also killed" ("A sound technician was also killed") are not
    # another figure for the same dead: whoever reports them, they come on top
    also = {c.start for c in killed if ADDED_VICTIMS.search(c.subject or "")}
    extra_lo = extra_hi = 0
    per_claimant: dict[str | None, dict[int, list[tuple[int, int, str | None]]]] = {}
    for c in killed:
        lo = c.value_low if c.value_low is not None else c.value_high
        hi = c.value_high if c.value_high is not None else c.value_low
        if c.start in also:
            extra_lo, extra_hi = extra_lo + (lo or 0), extra_hi + (hi or 0)
            continue
        per_claimant.setdefault(c.claimant, {}).setdefault(c.start, []).append((lo or 0, hi or 0, c.side))
    figures: list[tuple[int, int]] = []
    vague = [claimant not in counted for claimant in per_claimant]  # only vague amounts from this claimant
    partial: list[bool] = []  # the claimant counts only one side's fighters ("killed around 20 militants")
    whole_sides: list[str | None] = []  # the side of each claimant's figure (None: everyone killed)
    for by_sent in per_claimant.values():
        # a sentence's figures of several sides ("neutralised 30 terrorists ... the loss of 11 soldiers") add
        # up to a toll of everyone: its side is one only when all its figures are that side's
        sums = [(sum(lo for lo, _, _ in v), sum(hi for _, hi, _ in v),
                 v[0][2] if len({side for _, _, side in v}) == 1 else None) for v in by_sent.values()]
        sides = [side for _, _, side in sums]
        if len(sums) > 1 and None not in sides and len(set(sides)) == len(sides):
            # one claimant, different sides in different sentences: both sides' dead add up
            figures.append((sum(lo for lo, _, _ in sums), sum(hi for _, hi, _ in sums)))
            partial.append(False)
            whole_sides.append(None)
        else:  # the same figure restated (headline, lead, body): the largest statement
            lo, hi, side = max(sums, key=lambda f: (f[0], f[1]))
            figures.append((lo, hi))
            partial.append(_one_side(side) and all(_one_side(s) for s in sides))
            whole_sides.append(side)
    if also:
        figures = [(lo + extra_lo, hi + extra_hi) for lo, hi in figures] or [(extra_lo, extra_hi)]
        if len(partial) < len(figures):  # only victims "also killed": one figure of everyone
            partial, whole_sides, vague = [False], [None], [False]
    injured = [c for c in linked if c.stance == "asserts" and c.quantity_kind == "injured"]
    named = [side for side in whole_sides if side is not None and _named_side(side)]
    if len(figures) > 1 and len(named) == len(figures) and len(set(named)) > 1:
        # each claimant counts a different named side's dead ("six Palestinians" by the health ministry,
        # "a border police officer" by the Israeli army): the toll is both sides' lowest figures added
        per_side: dict[str, tuple[int, int]] = {}
        for (lo, hi), side in zip(figures, named, strict=True):
            was = per_side.get(side)
            per_side[side] = (lo, hi) if was is None else (min(was[0], lo), max(was[1], hi))
        figures = [(sum(lo for lo, _ in per_side.values()), sum(hi for _, hi in per_side.values()))]
        partial, whole_sides, vague = [False], [None], [False]
    if figures:
        # the army's "20 militants" beside the ministry's "33 people" is a part of the toll, not a lower
        # figure for it, and so are "three Revolutionary Guards" beside a rights group's "41 people": the
        # lowest credible figure is taken among the counts of everyone killed
        whole = [lo for (lo, _), part, side in zip(figures, partial, whole_sides, strict=True) if not part and side is None]
        lows = [lo for (lo, _), part in zip(figures, partial, strict=True) if not (part and any(w >= lo for w in whole))]
        counts = [lo for (lo, _), part, vg in zip(figures, partial, vague, strict=True)
                  if not vg and not (part and any(w >= lo for w in whole))]
        ev.fatalities = min(counts or lows)
        ev.fatalities_low = min(lo for lo, _ in figures)
        ev.fatalities_high = max(hi for _, hi in figures)
    elif injured:
        ev.fatalities = 0
    distinct = {f for f in figures}
    ev.contested = len(distinct) > 1 or any(c.stance == "denies" for c in linked)
