"""Geoparsing evaluation on GeoWebNews / LGL style XML.

Both corpora give article texts and gold toponyms with character offsets and
coordinates (GeoWebNews: ``<toponym><extractedName/><start/><end/><latitude/>
<longitude/>``; LGL: ``<toponym><phrase/><start/><end/><gaztag><lat/><lon/>``).
Only gold toponyms with coordinates are scored (GeoWebNews also annotates
non-toponyms and literal expressions without coordinates; its coordinates also
cover demonyms, adjectives and names embedded in organisation names).

Metrics (Gritta et al., "A Pragmatic Guide to Geoparsing Evaluation", 2019):

* ``toponym_precision`` / ``toponym_recall``: a predicted place is *found* when
  its span overlaps a gold span and the names are equal, case-insensitively;
* ``accuracy_161km`` (resolution): found places within 161 km of the gold point,
  over the found ones;
* ``end_to_end_161km``: the same count over **all** gold toponyms (a miss is wrong);
* ``median_error_km`` over found places;
* ``auc_error``: area under the curve of sorted log(1 + error km) / log(20039),
  0 is perfect, lower is better.

The articles run through the real pipeline on their raw text (no cleaning, so
offsets stay the corpus's), with every sentence parsed (``parse_all_sentences``).
"""

from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import EvalError
from ..model import Article, Place
from .metrics import ErrorCase, EvalReport, Metric, haversine_km

ACCURACY_KM = 161.0
EARTH_HALF_CIRCUMFERENCE_KM = 20039.0
MAX_ERROR_CASES = 60


@dataclass
class GoldToponym:
    article: int
    start: int
    end: int
    name: str
    lat: float
    lon: float
    kind: str = ""  # GeoWebNews annotation type (Literal, Metonymic, Non_Literal_Modifier ...)


@dataclass
class GoldArticle:
    ref: str
    text: str
    toponyms: list[GoldToponym]


def _float(node: ET.Element | None) -> float | None:
    if node is None or node.text is None or not node.text.strip():
        return None
    try:
        return float(node.text)
    except ValueError:
        return None


def read_geo_xml(path: str | Path, *, limit: int | None = None) -> list[GoldArticle]:
    """Articles and their gold toponyms (with coordinates) from GeoWebNews or LGL XML."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise EvalError(f"cannot read geoparsing gold {path}: {exc}") from exc
    out: list[GoldArticle] = []
    for i, art in enumerate(root.iter("article")):
        if limit is not None and len(out) >= limit:
            break
        text = art.findtext("text") or ""
        ref = art.get("docid") or art.get("file") or str(i)
        tops = []
        for t in art.iter("toponym"):
            gaz = t.find("gaztag")
            if gaz is not None:  # LGL
                lat, lon = _float(gaz.find("lat")), _float(gaz.find("lon"))
                name = t.findtext("phrase") or ""
                kind = ""
            else:  # GeoWebNews
                lat, lon = _float(t.find("latitude")), _float(t.find("longitude"))
                name = t.findtext("extractedName") or ""
                kind = t.findtext("type") or ""
            if lat is None or lon is None:
                continue
            try:
                start, end = int(t.findtext("start") or ""), int(t.findtext("end") or "")
            except ValueError:
                continue
            tops.append(GoldToponym(len(out), start, end, name, lat, lon, kind))
        out.append(GoldArticle(ref, text, tops))
    return out


def _pipeline_geoparser(extractor: Any, *, include_demonyms: bool = False) -> Callable[[str, str], list[Place]]:
    """text -> resolved places, through an Extractor's pipeline without cleaning."""

    def run(ref: str, text: str) -> list[Place]:
        doc = extractor.nlp.make_doc(text)
        doc._.article = Article(article_id=ref, text=text)
        stage = None
        for name, proc in extractor.nlp.pipeline:
            doc = proc(doc)
            if name == "clashlog_places":
                stage = proc
                break
        places = [m.place for m in (doc._.places or []) if m.place is not None]
        if include_demonyms and stage is not None:
            taken = [(p.start, p.end) for p in places]
            places += [d for d in stage.demonym_places(text, ref)
                       if not any(s < d.end and d.start < e for s, e in taken)]
            places.sort(key=lambda p: p.start)
        return places

    return run


def make_geoparser(extractor_or_resolver: Any = None, *, include_demonyms: bool = False
                   ) -> Callable[[str, str], list[Place]]:
    """A (ref, text) -> places function from an Extractor, Settings, a callable, or None (defaults)."""
    from ..pipeline import Extractor, build_pipeline
    from ..settings import Settings

    if extractor_or_resolver is None or isinstance(extractor_or_resolver, Settings):
        settings = (extractor_or_resolver or Settings()).with_overrides(parse_all_sentences=True)
        nlp = build_pipeline(settings, until="clashlog_places")
        return _pipeline_geoparser(Extractor(settings, nlp=nlp), include_demonyms=include_demonyms)
    if isinstance(extractor_or_resolver, Extractor):
        return _pipeline_geoparser(extractor_or_resolver, include_demonyms=include_demonyms)
    if callable(extractor_or_resolver):
        fn = extractor_or_resolver

        def call(ref: str, text: str) -> list[Place]:
            try:
                return list(fn(ref, text))
            except TypeError:
                return list(fn(text))

        return call
    raise EvalError(f"not a geoparser: {extractor_or_resolver!r}")


def _norm(name: str) -> str:
    n = " ".join(name.lower().replace("’", "'").split())
    return n[4:] if n.startswith("the ") else n


def auc_of_errors(errors_km: list[float]) -> float:
    """Gritta et al.'s AUC: trapezoid area under sorted log(1+e)/log(20039), on a 0..1 x-axis."""
    if not errors_km:
        return 0.0
    ys = sorted(math.log(1 + e) / math.log(EARTH_HALF_CIRCUMFERENCE_KM) for e in errors_km)
    if len(ys) == 1:
        return ys[0]
    area = sum((ys[i] + ys[i + 1]) / 2 for i in range(len(ys) - 1))
    return area / (len(ys) - 1)


DEMONYM_SUFFIX = "_with_demonyms"


def _is_demonym(p: Place) -> bool:
    return (p.resolution_reason or "").startswith("demonym ")


def _match(art: GoldArticle, places: list[Place], by_kind: dict[str, list[int]] | None,
           cases: list[ErrorCase] | None) -> tuple[int, int, int, list[float]]:
    """(predictions matching a gold toponym, gold found, found within 161 km, errors in km) for one article."""
    used: set[int] = set()
    found = correct = 0
    errors_km: list[float] = []
    for g in art.toponyms:
        gname = _norm(g.name)
        hit = None
        for j, p in enumerate(places):
            if j in used:
                continue
            if p.start < g.end and g.start < p.end and _norm(p.name) == gname:
                hit = j
                break
        stats = by_kind.setdefault(g.kind or "all", [0, 0, 0]) if by_kind is not None else [0, 0, 0]
        stats[0] += 1
        if hit is None:
            if cases is not None and len(cases) < MAX_ERROR_CASES and len(cases) % 2 == 0:
                cases.append(ErrorCase(art.text[max(0, g.start - 60):g.end + 60], "toponym", g.name, None,
                                       art.ref))
            continue
        used.add(hit)
        p = places[hit]
        found += 1
        stats[1] += 1
        err = haversine_km(g.lat, g.lon, p.latitude, p.longitude)  # type: ignore[arg-type]
        errors_km.append(err)
        if err <= ACCURACY_KM:
            correct += 1
            stats[2] += 1
        elif cases is not None and len(cases) < MAX_ERROR_CASES:
            cases.append(ErrorCase(art.text[max(0, g.start - 60):g.end + 60], "coordinates",
                                   f"{g.name} ({g.lat:.3f}, {g.lon:.3f})",
                                   f"{p.resolved_name}, {p.country} ({p.latitude:.3f}, {p.longitude:.3f}) "
                                   f"{err:.0f} km: {p.resolution_reason}", art.ref))
    return len(used), found, correct, errors_km


def score_geo_xml(path: str | Path, extractor_or_resolver: Any = None, *, limit: int | None = None,
                  include_demonyms: bool = False) -> EvalReport:
    """Score toponym recognition and resolution on a GeoWebNews/LGL XML file.

    ``extractor_or_resolver``: a `pipeline.Extractor` (used as is: build it with
    ``parse_all_sentences=True``), a `Settings` or None (a places-only pipeline is
    built with every sentence parsed), or a callable ``(ref, text) -> list[Place]``.

    The main metrics score clashlog's places, which never list demonyms.  Both
    corpora annotate demonyms as toponyms ("Russian" -> Russia), and published
    "fixed" figures count them, so with clashlog's own geoparser the same metrics
    are also reported with its demonym reading added (names ending in
    ``_with_demonyms``), from the same run.  ``include_demonyms=True`` makes that
    reading the main one.
    """
    articles = read_geo_xml(path, limit=limit)
    from ..pipeline import Extractor
    from ..settings import Settings

    ours = extractor_or_resolver is None or isinstance(extractor_or_resolver, (Settings, Extractor))
    geoparse = make_geoparser(extractor_or_resolver, include_demonyms=ours or include_demonyms)
    n_gold = sum(len(a.toponyms) for a in articles)
    totals = {"": [0, 0, 0, 0], DEMONYM_SUFFIX: [0, 0, 0, 0]}  # predicted, matching, found, correct
    errors: dict[str, list[float]] = {"": [], DEMONYM_SUFFIX: []}
    cases: list[ErrorCase] = []
    by_kind: dict[str, list[int]] = {}
    for art in articles:
        every = [p for p in geoparse(art.ref, art.text) if p.latitude is not None and p.longitude is not None]
        main = every if include_demonyms or not ours else [p for p in every if not _is_demonym(p)]
        readings = [("", main)] + ([(DEMONYM_SUFFIX, every)] if ours and not include_demonyms else [])
        for suffix, places in readings:
            tp, found, correct, errs = _match(art, places, by_kind if not suffix else None,
                                              cases if not suffix else None)
            t = totals[suffix]
            t[0] += len(places)
            t[1] += tp
            t[2] += found
            t[3] += correct
            errors[suffix] += errs
    metrics: list[Metric] = []
    for suffix, (n_pred, tp_pred, found, correct) in totals.items():
        if suffix and not (ours and not include_demonyms):
            continue
        also = ", demonyms counted as their country" if suffix else ""
        errors_km = errors[suffix]
        metrics += [
            Metric.proportion("toponym_precision" + suffix, tp_pred, n_pred,
                              "predicted places matching a gold toponym" + also),
            Metric.proportion("toponym_recall" + suffix, found, n_gold,
                              "gold toponyms found (span overlap, same name)" + also),
            Metric.proportion("accuracy_161km" + suffix, correct, found,
                              "resolution: within 161 km, over found toponyms" + also),
            Metric.proportion("end_to_end_161km" + suffix, correct, n_gold,
                              "within 161 km, over all gold toponyms" + also),
        ]
        if not suffix:
            metrics += [
                Metric("median_error_km", statistics.median(errors_km) if errors_km else 0.0, kind="km",
                       note="over found toponyms"),
                Metric("auc_error", auc_of_errors(errors_km), kind="auc",
                       note="area under log(1+km)/log(20039), lower is better"),
            ]
    kinds = {k: v for k, v in by_kind.items() if k != "all"}
    notes = ""
    if kinds:
        notes = "recall / accuracy@161 by GeoWebNews annotation type: " + "; ".join(
            f"{k} {v[1]}/{v[0]} found, {v[2]} within 161 km" for k, v in sorted(kinds.items(), key=lambda kv: -kv[1][0])
        )
    name = Path(path).stem + ("+demonyms" if include_demonyms else "")
    return EvalReport(name=name, gold=str(path), n_records=len(articles), metrics=metrics, errors=cases,
                      notes=notes)
