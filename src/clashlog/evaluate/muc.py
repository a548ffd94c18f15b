"""Score clashlog against the MUC-3/4 answer keys (raw newswire, Latin America 1989–92).

Each message is fed as one article: its text as it is, with the dateline date
("SAN SALVADOR, 3 JAN 90 -- ...") as the publication date, which is what a
news feed gives with every article; the incident dates of the keys are never
handed in.  The keys hold one template per relevant incident; a message with
only an all-``*`` template has no relevant incident.

Scored per gold template (THREATENED incidents left out: a threat is not an
ACLED event), after aligning the template with one clashlog event of the same
message (`align`: an event of an accepted type first, then the best date,
then the best place; several templates may share one event, since clashlog
merges same-day, same-place, same-type incidents the ACLED way):

- ``incident_type``: the aligned event's type is one the MUC type maps to
  (``data/muc_incident_types.tsv``); since alignment prefers such events this
  is the template recall of the incident type.
- ``date``: "30 DEC 89" exact; "08 JAN 90 - 09 JAN 90" the event date inside;
  "- 04 MAR 90" ("on or before", the keys' form for dates defaulted from the
  dateline or given as a weekday) within the 7 days up to it.
- ``location_country``; ``location_place``: the event's location, admin2 or
  admin1 is one of the places the key names below the country.
- ``perpetrator``: actor1/assoc_actor_1 names one of the PERP: ORGANIZATION
  ID organizations (either spelling; a generic "ARMY"/"ARMED FORCES" matches
  "Military Forces of ...", "POLICE" matches "Police Forces of ..."; a spelling the
  named-actor lexicon gives the predicted group matches its normalized name:
  "SENDERO LUMINOSO" is Shining Path, "THE EXTRADITABLES" the Medellin Cartel).
- ``deaths``: templates whose HUM TGT: EFFECT has DEATH with numeric HUM TGT:
  NUMBER fillers; the event's fatalities must equal their sum (or fall in the
  key's range).
- ``perp_confidence``: the key's PERP: ORGANIZATION CONFIDENCE against what
  clashlog's claims say (`predicted_confidence`): a claim by the perpetrator
  itself = CLAIMED OR ADMITTED; an allegation by someone else about the event
  = SUSPECTED OR ACCUSED (the "BY AUTHORITIES" variant folded in); the
  perpetrator as actor1 with neither = REPORTED AS FACT.
- ``relevance_precision`` / ``relevance_recall``: per message, whether
  clashlog emits any event of a type the mapping covers vs whether the key
  has a relevant template.  MUC-4 calls a battle between armies irrelevant and
  ACLED does not, so precision here is a lower bound.

Alternatives in fillers (``"A" / "B"``) and optional fillers (``?``) are all
accepted.  `compare_muc` is pure (messages + predicted ExtractResults ->
report); `score_muc` runs an extractor first.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import EvalError
from ..model import ExtractResult, RawArticle
from .metrics import ErrorCase, EvalReport, Metric, confusion_matrix

NONE_LABEL = "(no event)"
ERRORS_PER_FIELD = 40
BEFORE_WINDOW_DAYS = 7
CONFIDENCE_GROUPS = {"SUSPECTED OR ACCUSED BY AUTHORITIES": "SUSPECTED OR ACCUSED"}

_MONTHS = {m: i for i, m in enumerate(
    ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], start=1)}
_DATELINE = re.compile(r"^[^\n]{0,80}?,\s*(\d{1,2})\s+([A-Z]{3})[A-Z]*\.?\s+(\d{2,4})\b")
_KEY_DATE = re.compile(r"(\d{1,2})\s+([A-Z]{3})\s+(\d{2,4})")
_SLOT = re.compile(r"^\s*(\d+)\.\s+([A-Z ]+:\s?[A-Z ]+?)\s{2,}(.*)$")

# ------------------------------------------------------------------ keys

@dataclass
class MucTemplate:
    message_id: str
    number: str
    slots: dict[str, list[str]]  # slot name -> filler lines (continuations kept as separate lines)

    def get(self, slot: str) -> list[str]:
        return [v for v in self.slots.get(slot, []) if v]

    def first(self, slot: str) -> str:
        vals = self.get(slot)
        return vals[0] if vals else ""

    @property
    def relevant(self) -> bool:
        return self.first("INCIDENT: TYPE") not in {"", "*"}

    @property
    def incident_types(self) -> list[str]:
        return [_strip_opt(t) for t in self.first("INCIDENT: TYPE").split("/") if _strip_opt(t)]

    @property
    def threatened(self) -> bool:
        stages = [_strip_opt(s) for s in self.first("INCIDENT: STAGE OF EXECUTION").split("/")]
        return bool(stages) and all(s == "THREATENED" for s in stages)

@dataclass
class MucMessage:
    id: str
    text: str
    dateline: date | None
    templates: list[MucTemplate] = field(default_factory=list)

    @property
    def relevant_templates(self) -> list[MucTemplate]:
        return [t for t in self.templates if t.relevant and not t.threatened]

def _strip_opt(s: str) -> str:
    return s.strip().lstrip("?").strip()

def parse_template(text: str, message_id: str = "") -> MucTemplate:
    """Parse one answer-key template ("0.  MESSAGE: ID   DEV-MUC3-0001 ..." lines)."""
    slots: dict[str, list[str]] = {}
    current: str | None = None
    for line in text.splitlines():
        m = _SLOT.match(line)
        if m:
            current = " ".join(m.group(2).split())
            slots[current] = [m.group(3).strip()]
        elif current and line.strip():
            slots[current].append(line.strip())
    number = (slots.get("MESSAGE: TEMPLATE") or [""])[0]
    return MucTemplate(message_id=message_id, number=number, slots=slots)

def _year(y: str) -> int:
    n = int(y)
    return n + 1900 if n < 100 else n

def _mkdate(d: str, mon: str, y: str) -> date | None:
    month = _MONTHS.get(mon[:3].upper())
    if not month:
        return None
    try:
        return date(_year(y), month, int(d))
    except ValueError:
        return None

def parse_dateline(text: str) -> date | None:
    """The dateline date: "SAN SALVADOR, 3 JAN 90 -- [TEXT] ..." -> 1990-01-03 (None for "NO DATE")."""
    m = _DATELINE.match(text.lstrip())
    return _mkdate(m.group(1), m.group(2), m.group(3)) if m else None

@dataclass(frozen=True)
class KeyDate:
    kind: str  # "on", "between", "before"
    first: date
    last: date

    def accepts(self, d: date) -> bool:
        if self.kind == "before":
            return self.last - timedelta(days=BEFORE_WINDOW_DAYS) <= d <= self.last
        return self.first <= d <= self.last

def parse_key_dates(filler: str) -> list[KeyDate]:
    """INCIDENT: DATE fillers ("30 DEC 89", "08 JAN 90 - 09 JAN 90", "- 04 MAR 90"; "/" = alternatives)."""
    out: list[KeyDate] = []
    for alt in filler.split("/"):
        alt = _strip_opt(alt)
        found = [(_mkdate(*m.groups()), m.start()) for m in _KEY_DATE.finditer(alt)]
        dates = [d for d, _ in found if d]
        if not dates:
            continue
        if len(dates) >= 2:
            out.append(KeyDate("between", dates[0], dates[1]))
        elif alt.startswith("-"):
            out.append(KeyDate("before", dates[0], dates[0]))
        else:
            out.append(KeyDate("on", dates[0], dates[0]))
    return out

def _quoted(line: str) -> list[str]:
    return [q.strip() for q in re.findall(r'"([^"]*)"', line) if q.strip() and q.strip() != "-"]

def parse_location(filler: str) -> tuple[list[str], list[str]]:
    """"EL SALVADOR: SAN MIGUEL (DEPARTMENT): SAN LUIS (TOWN)" -> (["EL SALVADOR"], ["SAN MIGUEL", "SAN LUIS"])."""
    if filler in {"", "*", "-"}:
        return [], []
    parts = [p.strip() for p in filler.split(":")]
    countries = [_strip_opt(c) for c in parts[0].split("/") if _strip_opt(c)]
    places: list[str] = []
    for p in parts[1:]:
        for piece in re.split(r"\s+-\s+|/", p):
            name = re.sub(r"\([^)]*\)", "", piece).strip()
            name = _strip_opt(name)
            if name:
                places.append(name)
    return countries, places

def perp_orgs(t: MucTemplate) -> list[list[str]]:
    """One list of alternative names per perpetrator organization."""
    return [q for q in (_quoted(line) for line in t.get("PERP: ORGANIZATION ID")) if q]

def perp_confidence(t: MucTemplate) -> tuple[list[str], list[str]] | None:
    """The first organization's confidence: (accepted labels, its names), or None when the slot is empty."""
    for line in t.get("PERP: ORGANIZATION CONFIDENCE"):
        if ":" not in line:
            continue
        labels_part, _, names_part = line.partition(":")
        raw = (_strip_opt(x).strip("()").strip() for x in labels_part.split("/"))
        labels = [CONFIDENCE_GROUPS.get(lab, lab) for lab in raw if lab]
        if labels:
            return labels, _quoted(names_part)
    return None

def _number_range(filler: str) -> tuple[int, int] | None:
    f = filler.strip().lstrip("~")
    if re.fullmatch(r"\d+", f):
        return int(f), int(f)
    m = re.fullmatch(r"(\d+)-(\d+)", f)
    return (int(m.group(1)), int(m.group(2))) if m else None

def key_deaths(t: MucTemplate) -> tuple[int, int] | None:
    """Deaths from HUM TGT: EFFECT (DEATH: "X") and HUM TGT: NUMBER (n: "X"); None unless all numeric."""
    dead: list[list[str]] = []  # one entry per victim filler, with its alternative spellings
    for line in t.get("HUM TGT: EFFECT OF INCIDENT"):
        label, _, rest = line.partition(":")
        labels = {_strip_opt(x) for x in label.split("/")}
        if labels == {"DEATH"}:
            dead.append(_quoted(rest) or ["-"])  # '"JESUIT PRIESTS" / "JESUITS"' is one filler
        elif "DEATH" in labels:
            return None  # "DEATH / INJURY": the key itself is unsure
    if not dead:
        return None
    numbers: dict[str, tuple[int, int] | None] = {}
    for line in t.get("HUM TGT: NUMBER"):
        value, _, rest = line.partition(":")
        for name in _quoted(rest):
            numbers[name] = _number_range(_strip_opt(value.split("/")[0]))
    low = high = 0
    for names in dead:
        rng = next((numbers[n] for n in names if n in numbers), None)
        if rng is None:
            return None
        low, high = low + rng[0], high + rng[1]
    return (low, high) if high > 0 else None

def load_muc(path: str | Path, *, limit: int | None = None) -> list[MucMessage]:
    """Read the MUC JSONL (``id``, ``text``, ``key_templates``)."""
    path = Path(path)
    out: list[MucMessage] = []
    try:
        fh = path.open(encoding="utf-8")
    except OSError as exc:
        raise EvalError(f"cannot read MUC file {path}: {exc}") from exc
    with fh:
        for n, line in enumerate(fh, 1):
            if limit is not None and len(out) >= limit:
                break
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                mid, text, keys = rec["id"], rec["text"], rec.get("key_templates") or []
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise EvalError(f"{path}:{n}: not a MUC key record ({exc})") from exc
            out.append(MucMessage(mid, text, parse_dateline(text), [parse_template(k, mid) for k in keys]))
    return out

# -------------------------------------------------------------- type map

@dataclass(frozen=True)
class TypeMap:
    rows: dict[str, list[tuple[str, str]]]  # MUC type -> [(event_type, sub_event_type or "*")]

    def accepts(self, muc_types: Sequence[str], event_type: str | None, sub_event_type: str | None) -> bool:
        for t in muc_types:
            for et, st in self.rows.get(t, []):
                if et == event_type and st in {"*", sub_event_type}:
                    return True
        return False

    def covered(self, event_type: str | None, sub_event_type: str | None) -> bool:
        return self.accepts(list(self.rows), event_type, sub_event_type)

def load_type_map(text: str | None = None) -> TypeMap:
    if text is None:
        text = resources.files("clashlog").joinpath("data/muc_incident_types.tsv").read_text(encoding="utf-8")
    rows: dict[str, list[tuple[str, str]]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) != 3:
            raise EvalError(f"muc_incident_types.tsv: expected 3 tab-separated columns: {line!r}")
        rows.setdefault(cols[0], []).append((cols[1], cols[2]))
    return TypeMap(rows)

def mapping_markdown(type_map: TypeMap | None = None) -> str:
    """The MUC type mapping as a markdown table (for docs/accuracy.md)."""
    tm = type_map or load_type_map()
    lines = ["## MUC-4 incident types", "", "How MUC-4 incident types are matched to ACLED types "
             "(`src/clashlog/data/muc_incident_types.tsv`):", "",
             "| MUC-4 INCIDENT: TYPE | accepted ACLED event type / sub-event type |", "|---|---|"]
    for muc, accepted in tm.rows.items():
        lines.append(f"| {muc} | " + "; ".join(f"{et} / {'any' if st == '*' else st}" for et, st in accepted) + " |")
    return "\n".join(lines) + "\n"

# ------------------------------------------------------------- comparing

def _fold(text: Any) -> str:
    text = unicodedata.normalize("NFKD", str(text or ""))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", text).casefold().split())

def _get(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)

def _event_dates(ev: Any) -> tuple[date | None, date | None]:
    try:
        first = date.fromisoformat(str(_get(ev, "event_date"))[:10])
    except ValueError:
        return None, None
    try:
        end = _get(ev, "event_date_end")
        last = date.fromisoformat(str(end)[:10]) if end else first
    except ValueError:
        last = first
    return first, last

def date_ok(ev: Any, keys: Sequence[KeyDate]) -> bool:
    first, _ = _event_dates(ev)
    return first is not None and any(k.accepts(first) for k in keys)

def _place_names(ev: Any) -> set[str]:
    return {_fold(_get(ev, a)) for a in ("location", "admin2", "admin1") if _get(ev, a)}

_GENERIC_STATE = re.compile(r"^(?:the )?(?:\w+ )?(army|armed forces|air force|military|navy|troops|soldiers)$")
_GENERIC_POLICE = re.compile(r"^(?:the )?(?:\w+ )?(police|national police|treasury police|national guard)$")

@lru_cache(maxsize=1)
def _aliases() -> dict[str, list[re.Pattern[str]]]:
    """The named-actor lexicon's spellings of each normalized name ("Medellin Cartel": "Extraditables")."""
    from ..stages.actors import load_lexicon

    out: dict[str, list[re.Pattern[str]]] = {}
    for rx, name, _inter, _country, _kind in load_lexicon().named:
        out.setdefault(_fold(name), []).append(re.compile(rx.pattern, re.I))  # the gold is folded to lower case
    return out


def _alias_of(actor_folded: str, gold_folded: str) -> bool:
    """The gold name is one of the lexicon's spellings of the predicted actor (the whole name, or
    a group word before it: "THE EXTRADITABLES", "SENDERO LUMINOSO FIGHTERS")."""
    for rx in _aliases().get(actor_folded, ()):
        m = rx.search(gold_folded)
        if m and (m.start() == 0 or gold_folded[: m.start()].strip() in ("the",)):
            return True
    return False


def names_match(gold_names: Sequence[str], actor: str | None) -> bool:
    """Does a predicted actor name one of the gold spellings of a perpetrator organization?

    The predicted name contains the gold one or the other way round, or the gold one is a
    spelling the named-actor lexicon gives the predicted group ("Sendero Luminoso" for Shining Path).
    """
    a = _fold(actor)
    if not a:
        return False
    core = _fold(re.sub(r"\([^)]*\)", "", str(actor)))
    for g in map(_fold, gold_names):
        if not g:
            continue
        if re.search(rf"\b{re.escape(g)}\b", a) or (len(core) >= 3 and re.search(rf"\b{re.escape(core)}\b", g)):
            return True
        if _alias_of(a, g):
            return True
        if _GENERIC_STATE.match(g) and a.startswith("military forces of"):
            return True
        if _GENERIC_POLICE.match(g) and a.startswith("police forces of"):
            return True
    return False

def _perp_ok(t: MucTemplate, ev: Any) -> bool:
    actors = [_get(ev, "actor1"), *str(_get(ev, "assoc_actor_1") or "").split(";")]
    return any(names_match(org, a) for org in perp_orgs(t) for a in actors if a)

def align(t: MucTemplate, events: Sequence[Any], type_map: TypeMap) -> Any | None:
    """The event of the message that best fits the template: accepted type, then date, then place."""
    keys = parse_key_dates(t.first("INCIDENT: DATE"))
    _, places = parse_location(t.first("INCIDENT: LOCATION"))
    gold_places = {_fold(p) for p in places}
    best, best_score = None, -1.0
    for ev in events:
        score = 100.0 * type_map.accepts(t.incident_types, _get(ev, "event_type"), _get(ev, "sub_event_type"))
        score += 10.0 * date_ok(ev, keys) + 1.0 * bool(_place_names(ev) & gold_places)
        if score > best_score:
            best, best_score = ev, score
    return best

def predicted_confidence(t: MucTemplate, ev: Any, claims: Sequence[Any], names: Sequence[str]) -> str:
    """What clashlog's claims say about who did it, in the keys' vocabulary."""
    names = names or [n for org in perp_orgs(t) for n in org]
    event_id = _get(ev, "event_id") if ev is not None else None
    for c in claims:
        if (
            _get(c, "stance") == "asserts"
            and names_match(names, _get(c, "claimant"))
            and (event_id is None or _get(c, "event_id") in {None, event_id})
        ):
            return "CLAIMED OR ADMITTED"
    for c in claims:
        if _get(c, "claim_type") != "allegation" or _get(c, "stance") != "asserts":
            continue
        about_event = event_id is not None and _get(c, "event_id") == event_id
        about_perp = _get(c, "event_id") is None and any(
            _fold(n) and _fold(n) in _fold(f"{_get(c, 'subject')} {_get(c, 'text')}") for n in names
        )
        if about_event or about_perp:
            return "SUSPECTED OR ACCUSED"
    if ev is not None and _perp_ok(t, ev):
        return "REPORTED AS FACT"
    return "(none)"

def _label(ev: Any) -> str:
    if ev is None:
        return NONE_LABEL
    return f"{_get(ev, 'event_type')} / {_get(ev, 'sub_event_type')}"

FIELD_NOTES = {
    "incident_type": "incident type (template recall, mapped to ACLED types)",
    "date": "incident date (exact / in range / within 7 days before)",
    "location_country": "country of the incident",
    "location_place": "a place named below the country (location/admin2/admin1)",
    "perpetrator": "perpetrator organization as actor1/assoc",
    "deaths": "fatalities exact, templates with a numeric death count",
    "perp_confidence": "perp confidence (fact / claimed / suspected) from claims",
}

def compare_muc(
    messages: Sequence[MucMessage],
    predictions: Sequence[ExtractResult],
    *,
    name: str = "muc4",
    gold_path: str = "",
    type_map: TypeMap | None = None,
) -> EvalReport:
    """Score one ExtractResult per message (same order) against the answer keys."""
    if len(messages) != len(predictions):
        raise EvalError(f"{len(messages)} messages but {len(predictions)} predictions")
    tm = type_map or load_type_map()
    results: dict[str, list[bool]] = {k: [] for k in FIELD_NOTES}
    errors: dict[str, list[ErrorCase]] = {k: [] for k in FIELD_NOTES}
    type_pairs: list[tuple[str, str]] = []
    conf_pairs: list[tuple[str, str]] = []
    rel_tp = rel_fp = rel_fn = 0
    n_templates = 0

    def record(fld: str, ok: bool, msg: MucMessage, expected: Any, got: Any) -> None:
        results[fld].append(ok)
        if not ok and len(errors[fld]) < ERRORS_PER_FIELD:
            errors[fld].append(ErrorCase(msg.text, fld, expected, got, ref=msg.id))

    for msg, pred in zip(messages, predictions, strict=True):
        events = list(pred.events)
        gold_rel = bool(msg.relevant_templates)
        pred_rel = any(tm.covered(_get(e, "event_type"), _get(e, "sub_event_type")) for e in events)
        rel_tp += gold_rel and pred_rel
        rel_fp += pred_rel and not gold_rel
        rel_fn += gold_rel and not pred_rel
        for t in msg.relevant_templates:
            n_templates += 1
            ev = align(t, events, tm)

            def got(attr: str, ev: Any = ev) -> Any:
                return _get(ev, attr) if ev is not None else None

            ok_type = ev is not None and tm.accepts(t.incident_types, got("event_type"), got("sub_event_type"))
            record("incident_type", ok_type, msg, " / ".join(t.incident_types), _label(ev))
            type_pairs.append((" / ".join(t.incident_types), _label(ev)))
            keys = parse_key_dates(t.first("INCIDENT: DATE"))
            if keys:
                record("date", ev is not None and date_ok(ev, keys), msg, t.first("INCIDENT: DATE"), got("event_date"))
            countries, places = parse_location(t.first("INCIDENT: LOCATION"))
            if countries:
                ok = ev is not None and _fold(got("country")) in {_fold(c) for c in countries}
                record("location_country", ok, msg, " / ".join(countries), got("country"))
            if places:
                ok = ev is not None and bool(_place_names(ev) & {_fold(p) for p in places})
                record("location_place", ok, msg, " / ".join(places),
                       ", ".join(str(x) for x in (got("location"), got("admin2"), got("admin1")) if x) or None)
            if perp_orgs(t):
                record("perpetrator", ev is not None and _perp_ok(t, ev), msg,
                       " | ".join(" / ".join(o) for o in perp_orgs(t)), got("actor1"))
            deaths = key_deaths(t)
            if deaths is not None:
                fat = got("fatalities")
                ok = fat is not None and deaths[0] <= int(fat) <= deaths[1]
                record("deaths", ok, msg, f"{deaths[0]}" if deaths[0] == deaths[1] else f"{deaths[0]}-{deaths[1]}", fat)
            conf = perp_confidence(t)
            if conf is not None:
                labels, names = conf
                pred_label = predicted_confidence(t, ev, pred.claims, names)
                record("perp_confidence", pred_label in labels, msg, " / ".join(labels), pred_label)
                conf_pairs.append((labels[0], pred_label))

    report = EvalReport(name=Path(gold_path).stem if gold_path else name, gold=gold_path, n_records=len(messages))
    for fld, oks in results.items():
        if oks:
            report.metrics.append(Metric.proportion(fld, sum(oks), len(oks), note=FIELD_NOTES[fld]))
    report.metrics.append(Metric.proportion("relevance_precision", rel_tp, rel_tp + rel_fp,
                                            note="messages with a mapped event that have a relevant key template"))
    report.metrics.append(Metric.proportion("relevance_recall", rel_tp, rel_tp + rel_fn,
                                            note="messages with a relevant key template where clashlog emits a mapped event"))
    for fld in FIELD_NOTES:
        report.errors.extend(errors[fld])
    report.confusion = confusion_matrix(type_pairs)
    report.confusions = {"incident_type": report.confusion, "perp_confidence": confusion_matrix(conf_pairs)}
    report.extra = {
        "relevant_templates": n_templates,
        "messages_with_relevant_templates": sum(1 for m in messages if m.relevant_templates),
        "messages_without_dateline_date": sum(1 for m in messages if m.dateline is None),
    }
    return report

def articles_for(messages: Sequence[MucMessage], file_label: str) -> list[RawArticle]:
    """One article per message; the dateline date as publication date (no key date is handed in)."""
    return [
        RawArticle(source=f"{file_label}:{m.id}", text=m.text, id=m.id,
                   published=m.dateline.isoformat() if m.dateline else None)
        for m in messages
    ]

def score_muc(path: str | Path, extractor: Any, *, limit: int | None = None, n_process: int = 2) -> EvalReport:
    path = Path(path)
    messages = load_muc(path, limit=limit)
    results: list[ExtractResult] = []
    for res in extractor.extract(articles_for(messages, path.name), n_process=n_process):
        results.append(res)
    report = compare_muc(messages, results, gold_path=str(path))
    report.notes = (
        "MUC-4 is raw newswire (upper case, FBIS translations). The dateline date is passed as the "
        "publication date. THREATENED incidents are not scored."
        + (f" First {limit} messages." if limit else "")
    )
    return report

