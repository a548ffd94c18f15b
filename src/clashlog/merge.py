"""Cross-article event merging and figure reconciliation (pure functions).

Each article yields its own events ("reports").  Reports of the same
real-world event become one merged event:

* **same event** (`same_event`): the same ``event_type``; compatible actors
  (the same unordered pair, or one report naming a subset of the other's);
  dates within the precision (each report's day or range, widened by
  `MergeRules.window_days` for its ``time_precision``, must overlap); and the
  same place: the same admin2 or the same location name in the same country,
  or coordinates within `MergeRules.max_km`.
* **groups** are the connected components of that relation
  (`group_reports`), so the result does not depend on the order in which the
  reports arrived;
* **a merged event** (`merge_group`) takes each field from a deterministic
  choice among its members (the most precise date, the most precise place,
  the fullest actor pair) and gathers ``article_ids``, ``source``,
  ``source_scale``, ``claim_ids`` and ``evidence`` from all of them.  Its
  ``event_id`` is the id of the member with the smallest key
  ``(article_id, event_id)``: a single report keeps the id ``clashlog
  extract`` gave it, and the id only changes when a report with a smaller
  key joins the group.
* **figures** (`reconcile`): ``fatalities`` is the lowest credible figure
  (ACLED practice), ``fatalities_low``/``fatalities_high`` the range across
  members and casualty claims (UCDP practice), and ``contested`` flags two
  claimants giving different figures or an assertion next to a denial.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from .model import Claim, Event, Evidence
from .stages.reconcile import part_of_a_total

# ACLED source_scale parts, smallest reach first: combined scales are written in this order
SCALE_ORDER: tuple[str, ...] = (
    "Local partner",
    "Subnational",
    "National",
    "Regional",
    "International",
    "New media",
    "Other",
)


@dataclass(frozen=True)
class MergeRules:
    # reports whose coordinates are at most this far apart are at the same place
    max_km: float = 25.0
    # days a report's date is widened by on each side, by ACLED time_precision
    # (1 = that day, 2 = within a week or a range, 3 = a month or vaguer)
    window_days: Mapping[int, int] = field(default_factory=lambda: {1: 0, 2: 3, 3: 15})

    def widen(self, precision: int | None) -> int:
        return self.window_days.get(precision or 1, max(self.window_days.values()))


DEFAULT_RULES = MergeRules()

ReportKey = tuple[str, str]


def report_key(event: Event) -> ReportKey:
    """(article id, event id): the key that orders reports and names merged events."""
    return (min(event.article_ids) if event.article_ids else "", event.event_id)


# ------------------------------------------------------------------ matching


def date_window(event: Event, rules: MergeRules = DEFAULT_RULES) -> tuple[date, date] | None:
    """The days a report may refer to, widened by its precision; None for an unreadable date."""
    try:
        first = date.fromisoformat(event.event_date[:10])
        last = date.fromisoformat(event.event_date_end[:10]) if event.event_date_end else first
    except (TypeError, ValueError):
        return None
    pad = timedelta(days=rules.widen(event.time_precision))
    return (min(first, last) - pad, max(first, last) + pad)


def _actors(event: Event) -> frozenset[str]:
    return frozenset(a.casefold() for a in (event.actor1, event.actor2) if a)


def actors_compatible(a: Event, b: Event) -> bool:
    """The same actor pair (in either order), or one report naming a part of the other's pair."""
    x, y = _actors(a), _actors(b)
    if x == y:
        return True
    return bool(x) and bool(y) and (x <= y or y <= x)


def _same(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and a.casefold() == b.casefold()  # type: ignore[union-attr]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(h)))


def places_compatible(a: Event, b: Event, rules: MergeRules = DEFAULT_RULES) -> bool:
    """The same country and admin2 or location name, or coordinates within ``rules.max_km``."""
    ca, cb = a.iso3 or a.country, b.iso3 or b.country
    if ca and cb and ca.casefold() != cb.casefold():
        return False
    if None not in (a.latitude, a.longitude, b.latitude, b.longitude):
        near = haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]
        if near <= rules.max_km:
            return True
    if _same(a.admin2, b.admin2) and (not (a.admin1 and b.admin1) or _same(a.admin1, b.admin1)):
        return True
    return _same(a.location, b.location)


def dates_compatible(a: Event, b: Event, rules: MergeRules = DEFAULT_RULES) -> bool:
    wa, wb = date_window(a, rules), date_window(b, rules)
    if wa is None or wb is None:
        return False
    return wa[0] <= wb[1] and wb[0] <= wa[1]


def same_event(a: Event, b: Event, rules: MergeRules = DEFAULT_RULES) -> bool:
    """Do two reports describe the same event (symmetric)?"""
    return (
        a.event_type == b.event_type
        and dates_compatible(a, b, rules)
        and actors_compatible(a, b)
        and places_compatible(a, b, rules)
    )


def group_reports(events: Iterable[Event], rules: MergeRules = DEFAULT_RULES) -> list[list[Event]]:
    """Connected components of `same_event`: each sorted by key, groups sorted by their first key.

    Only reports of one type whose widened date windows overlap are compared
    (a sweep over the windows), so this stays near-linear for large sets.
    """
    reports = sorted(events, key=report_key)
    parent = list(range(len(reports)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_type: dict[str, list[tuple[date, date, int]]] = {}
    for i, ev in enumerate(reports):
        window = date_window(ev, rules)
        if window is not None:
            by_type.setdefault(ev.event_type, []).append((window[0], window[1], i))
    for windows in by_type.values():
        windows.sort()
        active: list[tuple[date, int]] = []
        for lo, hi, i in windows:
            active = [(h, j) for h, j in active if h >= lo]
            for _h, j in active:
                if same_event(reports[i], reports[j], rules):
                    ri, rj = find(i), find(j)
                    if ri != rj:
                        parent[max(ri, rj)] = min(ri, rj)
            active.append((hi, i))
    groups: dict[int, list[Event]] = {}
    for i, ev in enumerate(reports):
        groups.setdefault(find(i), []).append(ev)
    return sorted(groups.values(), key=lambda g: report_key(g[0]))


# ------------------------------------------------------------ reconciliation


def _killed(claims: Iterable[Claim]) -> list[Claim]:
    return [
        c
        for c in claims
        if c.quantity_kind == "killed"
        and c.stance == "asserts"
        and not c.cumulative
        and c.value_low is not None
        and not part_of_a_total(c)
    ]


def _disagreeing_figures(killed: Sequence[Claim]) -> bool:
    """Two claimants give different death tolls for the same side."""
    by_side: dict[str | None, set[tuple[str | None, int | None, int | None]]] = {}
    for c in killed:
        by_side.setdefault(c.side, set()).add((c.claimant, c.value_low, c.value_high))
    for figures in by_side.values():
        values = {(low, high) for _claimant, low, high in figures}
        claimants = {claimant for claimant, _low, _high in figures}
        if len(values) > 1 and len(claimants) > 1:
            return True
    return False


def _assert_and_deny(claims: Iterable[Claim]) -> bool:
    """Someone denies what someone else asserts (same kind of claim)."""
    claims = list(claims)
    for deny in (c for c in claims if c.stance == "denies"):
        for other in claims:
            if (
                other.stance == "asserts"
                and other.claim_type == deny.claim_type
                and (other.claimant or "") != (deny.claimant or "")
            ):
                return True
    return False


@dataclass(frozen=True)
class Figures:
    fatalities: int | None
    fatalities_low: int | None
    fatalities_high: int | None
    contested: bool


def reconcile(members: Sequence[Event], claims: Sequence[Claim]) -> Figures:
    """Fatalities of a merged event from its members' figures and its casualty claims."""
    killed = _killed(claims)
    best = [m.fatalities for m in members if m.fatalities is not None]
    lows = [v for m in members for v in (m.fatalities_low, m.fatalities) if v is not None]
    lows += [c.value_low for c in killed if c.value_low is not None]
    highs = [v for m in members for v in (m.fatalities_high, m.fatalities) if v is not None]
    highs += [c.value_high if c.value_high is not None else c.value_low for c in killed]  # type: ignore[misc]
    if best:
        fatalities: int | None = min(best)
    elif killed:
        fatalities = min(c.value_low for c in killed)  # type: ignore[type-var]
    else:
        fatalities = None
    contested = any(m.contested for m in members) or _disagreeing_figures(killed) or _assert_and_deny(claims)
    return Figures(
        fatalities=fatalities,
        fatalities_low=min(lows) if lows else None,
        fatalities_high=max(highs) if highs else None,  # type: ignore[type-var]
        contested=contested,
    )


# ------------------------------------------------------------------- merging


def combine_scales(scales: Iterable[str | None]) -> str | None:
    """ "National" + "International" -> "National-International" (ACLED's combined scales)."""
    parts: set[str] = set()
    for scale in scales:
        for part in (scale or "").split("-"):
            part = part.strip()
            if part:
                parts.add(part)
    if not parts:
        return None
    rank = {name.casefold(): i for i, name in enumerate(SCALE_ORDER)}
    return "-".join(sorted(parts, key=lambda p: (rank.get(p.casefold(), len(rank)), p)))


def combine_sources(sources: Iterable[str | None]) -> str | None:
    """Outlets "; "-joined, once each (case-insensitively), alphabetically."""
    spellings: dict[str, set[str]] = {}
    for src in sources:
        for name in (src or "").split(";"):
            if name.strip():
                spellings.setdefault(name.strip().casefold(), set()).add(name.strip())
    return "; ".join(min(spellings[k]) for k in sorted(spellings)) if spellings else None


def independent_sources(article_ids: Iterable[str], cluster_of: Mapping[str, str] | None = None) -> int:
    """Articles counted once per near-duplicate cluster (a re-published wire story is not a second source)."""
    cluster_of = cluster_of or {}
    return len({cluster_of.get(a, a) for a in article_ids})


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def merge_group(members: Sequence[Event], claims: Sequence[Claim] = ()) -> tuple[Event, list[Claim]]:
    """One merged event from the reports of one group, and its claims re-pointed at it.

    ``claims`` may hold any claims; those attached to a member (by event id
    or listed in a member's ``claim_ids``) are kept.
    """
    if not members:
        raise ValueError("merge_group needs at least one report")
    members = sorted(members, key=report_key)
    primary = members[0]
    member_ids = {m.event_id for m in members}
    listed = {cid for m in members for cid in m.claim_ids}
    own = sorted(
        (c for c in claims if c.event_id in member_ids or c.claim_id in listed), key=lambda c: c.claim_id
    )
    merged_id = primary.event_id
    own = [dataclasses.replace(c, event_id=merged_id) for c in own]

    by_time = min(members, key=lambda m: (m.time_precision or 9, report_key(m)))
    by_place = min(
        members,
        key=lambda m: (m.geo_precision or 9, m.latitude is None, not m.admin2, report_key(m)),
    )
    by_actors = min(
        members,
        key=lambda m: (
            -sum(bool(x) for x in (m.actor1, m.actor2, m.assoc_actor_1, m.assoc_actor_2)),
            report_key(m),
        ),
    )
    sub_event_type = _most_common(m.sub_event_type for m in members) or primary.sub_event_type
    disorder = next(
        (m.disorder_type for m in members if m.sub_event_type == sub_event_type), primary.disorder_type
    )
    figures = reconcile(members, own)
    evidence: dict[tuple[str, int, int], Evidence] = {}
    for m in members:
        for ev in m.evidence:
            evidence.setdefault((ev.article_id, ev.start, ev.end), ev)
    claim_ids = sorted(listed | {c.claim_id for c in own})
    notes = next((m.notes for m in members if m.notes), "")

    merged = Event(
        event_id=merged_id,
        event_date=by_time.event_date,
        event_date_end=by_time.event_date_end,
        time_precision=by_time.time_precision,
        time_of_day=next((m.time_of_day for m in members if m.time_of_day), None),
        event_type=primary.event_type,
        sub_event_type=sub_event_type,
        disorder_type=disorder,
        actor1=by_actors.actor1,
        assoc_actor_1=by_actors.assoc_actor_1,
        actor2=by_actors.actor2,
        assoc_actor_2=by_actors.assoc_actor_2,
        inter1=by_actors.inter1,
        inter2=by_actors.inter2,
        civilian_targeting="Civilian targeting" if any(m.civilian_targeting for m in members) else "",
        country=by_place.country,
        iso3=by_place.iso3,
        admin1=by_place.admin1,
        admin2=by_place.admin2,
        location=by_place.location,
        latitude=by_place.latitude,
        longitude=by_place.longitude,
        geo_precision=by_place.geo_precision,
        fatalities=figures.fatalities,
        fatalities_low=figures.fatalities_low,
        fatalities_high=figures.fatalities_high,
        source=combine_sources(m.source for m in members),
        source_scale=combine_scales(m.source_scale for m in members),
        notes=notes,
        article_ids=sorted({a for m in members for a in m.article_ids}),
        claim_ids=claim_ids,
        evidence=[evidence[k] for k in sorted(evidence)],
        contested=figures.contested,
    )
    return merged, own


def merge_events(
    events: Iterable[Event], claims: Iterable[Claim] = (), rules: MergeRules = DEFAULT_RULES
) -> tuple[list[Event], list[Claim]]:
    """All reports in, merged events (sorted by id) and every claim (re-pointed, sorted by id) out."""
    claims = list(claims)
    merged_events: list[Event] = []
    repointed: dict[str, Claim] = {}
    for group in group_reports(events, rules):
        merged, own = merge_group(group, claims)
        merged_events.append(merged)
        for c in own:
            repointed[c.claim_id] = c
    out_claims = [repointed.get(c.claim_id, c) for c in claims]
    return sorted(merged_events, key=lambda e: e.event_id), sorted(out_claims, key=lambda c: c.claim_id)
