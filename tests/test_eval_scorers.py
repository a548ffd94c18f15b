"""The scorers themselves, on tiny hand-made gold/prediction pairs with known answers.

A scorer that is wrong makes every other number wrong, so each rule of the
ACLED and MUC-4 scorers is pinned here.  No spaCy model is needed: the
comparison functions take predicted events directly.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from clashlog.errors import EvalError
from clashlog.evaluate import acled, muc
from clashlog.evaluate.metrics import EvalReport, Metric, confusion_matrix, macro_f1, wilson_interval
from clashlog.model import Claim, Event, ExtractResult

# ----------------------------------------------------------------- metrics


def test_wilson_interval_matches_the_textbook_value():
    lo, hi = wilson_interval(8, 10)
    assert lo == pytest.approx(0.4902, abs=1e-3)
    assert hi == pytest.approx(0.9433, abs=1e-3)


def test_wilson_interval_stays_inside_zero_and_one_at_the_extremes():
    assert wilson_interval(0, 0) == (0.0, 0.0)
    lo, hi = wilson_interval(10, 10)
    assert hi == pytest.approx(1.0) and 0.6 < lo < 0.8
    lo, hi = wilson_interval(0, 10)
    assert lo == pytest.approx(0.0) and 0.2 < hi < 0.35


def test_metric_proportion_carries_counts_and_interval():
    m = Metric.proportion("x", 3, 4)
    assert (m.value, m.correct, m.total) == (0.75, 3, 4)
    assert m.ci_low is not None and m.ci_low < 0.75 < m.ci_high


def test_macro_f1_averages_over_the_gold_labels_only():
    pairs = [("a", "a"), ("a", "b"), ("b", "b"), ("c", "a")]
    # a: P 1/2 R 1/2 F .5; b: P 1/2 R 1 F 2/3; c: F 0  -> mean 0.3889
    assert macro_f1(pairs) == pytest.approx((0.5 + 2 / 3 + 0) / 3)
    # a predicted label that is not a gold label does not add a class
    assert macro_f1([("a", "a"), ("a", "zzz")]) == pytest.approx(2 / 3)


def test_confusion_matrix_counts_gold_by_predicted():
    cm = confusion_matrix([("a", "a"), ("a", "b"), ("a", "b"), ("b", "a")])
    assert cm == {"a": {"a": 1, "b": 2}, "b": {"a": 1}}


# ------------------------------------------------------------------- ACLED


def ev(**kw) -> Event:
    base = dict(event_id="e", event_date="2019-12-29", event_type="Battles", sub_event_type="Armed clash",
                disorder_type="Political violence")
    base.update(kw)
    return Event(**base)


def gold(**kw) -> acled.AcledGold:
    base = dict(ref="T1", notes="On 29 December 2019, ...", outlet="X", event_type="Battles",
                sub_event_type="Armed clash", event_date="2019-12-29",
                actor1="Military Forces of Azerbaijan (2003-)", actor2="Military Forces of Armenia (2018-)",
                admin1="Tavush", location="Kolagir", latitude=40.79, longitude=45.42, geo_precision=2)
    base.update(kw)
    return acled.AcledGold(**base)


def test_actor_normalization_drops_the_acled_period_and_sub_unit():
    assert acled.normalize_actor("Military Forces of Armenia (2018-)") == "military forces of armenia"
    assert acled.normalize_actor("Military Forces of Azerbaijan (1994-2008)") == "military forces of azerbaijan"
    assert acled.normalize_actor("Military Forces of Libya (2016-) Presidential Guard") == "military forces of libya"
    assert acled.normalize_actor("Protesters (Armenia)") == "protesters (armenia)"


def test_actors_match_at_side_level_and_empty_needs_empty():
    assert acled.actors_match("Military Forces of Armenia (2018-)", "Military Forces of Armenia")
    assert acled.actors_match("Police Forces of Armenia (2018-)", "Police Forces of Armenia; Border Guards")
    assert not acled.actors_match("Military Forces of Armenia (2018-)", "Military Forces of Azerbaijan")
    assert acled.actors_match("", None)
    assert not acled.actors_match("", "Police Forces of Armenia")


def test_best_event_prefers_the_gold_date_then_the_nearest_place_never_the_type():
    g = gold()
    far = ev(event_id="far", latitude=39.0, longitude=46.0, event_type="Protests")
    near_wrong_type = ev(event_id="near", latitude=40.80, longitude=45.43, event_type="Protests")
    other_day = ev(event_id="day", event_date="2019-12-28", latitude=40.79, longitude=45.42)
    assert acled.best_event(g, [other_day, far, near_wrong_type]).event_id == "near"
    assert acled.best_event(g, []) is None


def test_a_perfect_prediction_scores_one_on_every_field():
    g = gold()
    p = ev(actor1="Military Forces of Azerbaijan", actor2="Military Forces of Armenia", admin1="Tavush",
           location="Kolagir", latitude=40.7942, longitude=45.4210, geo_precision=2)
    r = acled.compare_row(g, [p])
    assert all(r.fields.values()) and set(r.fields) >= {"event_type", "actor2", "place_25km", "location"}


def test_a_note_without_events_is_wrong_on_every_field():
    report = acled.compare_acled([gold()], [[]], name="t")
    assert {m.name for m in report.metrics} >= {"event_type", "event_date", "actor1", "actor2", "place_25km"}
    assert all(m.value == 0.0 for m in report.metrics)
    assert report.confusion == {"Battles": {acled.NONE_LABEL: 1}}


def test_place_within_25_km_and_fatalities_only_on_rows_with_deaths():
    g0 = gold(fatalities=0)
    g3 = gold(ref="T2", fatalities=3)
    near = ev(latitude=40.90, longitude=45.42, fatalities=3)  # ~12 km north
    far = ev(latitude=41.20, longitude=45.42, fatalities=2)  # ~45 km
    report = acled.compare_acled([g0, g3], [[near], [far]], name="t")
    assert report.metric("place_25km").correct == 1
    fat = report.metric("fatalities")
    assert (fat.correct, fat.total) == (0, 1)


def test_sub_type_accuracy_and_macro_f1_over_gold_sub_types():
    golds = [gold(ref=str(i), sub_event_type=s) for i, s in enumerate(["Armed clash", "Armed clash", "Attack"])]
    preds = [[ev(sub_event_type="Armed clash")], [ev(sub_event_type="Attack")], [ev(sub_event_type="Attack")]]
    report = acled.compare_acled(golds, preds, name="t")
    assert report.metric("sub_event_type").correct == 2
    # Armed clash P 1 R .5 F 2/3; Attack P .5 R 1 F 2/3
    assert report.metric("sub_event_type_macro_f1").value == pytest.approx(2 / 3)
    assert report.confusions["sub_event_type"]["Armed clash"] == {"Armed clash": 1, "Attack": 1}


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)


OLD_HEADER = ["actor1", "actor2", "admin1", "ally_actor_1", "country", "event_date", "event_id_cnty",
              "event_type", "fatalities", "geo_precision", "latitude", "location", "longitude", "notes", "source"]


def test_old_schema_types_are_mapped_and_detected(tmp_path):
    f = tmp_path / "old.csv"
    _write_csv(f, OLD_HEADER, [
        ["Rebels", "Military Forces of X (2000-)", "A", "", "X", "2016-07-02", "1RTA", "Battle-No change of territory",
         "2", "1", "1.0", "Town", "2.0", "Rebels clashed with the army.", "Wire"],
        ["Protesters (X)", "", "A", "", "X", "2016-07-03", "2RTA", "Riots/Protests", "0", "1", "1.0", "Town", "2.0",
         "Workers went on strike.", "Wire"],
        ["Rebels", "", "A", "", "X", "2016-07-04", "3RTA", "Remote violence", "0", "1", "1.0", "Town", "2.0",
         "A mortar hit the town.", "Wire"],
    ])
    rows = acled.load_acled(f)
    assert [(r.event_type, r.sub_event_type) for r in rows] == [
        ("Battles", "Armed clash"), (acled.PROTEST_GROUP, None), ("Explosions/Remote violence", None)]
    assert rows[0].old_type == "Battle-No change of territory"
    # "Riots/Protests" accepts either; sub-type unknown rows are not scored on sub-type
    preds = [[ev(event_date="2016-07-02")], [ev(event_date="2016-07-03", event_type="Riots")],
             [ev(event_date="2016-07-04", event_type="Explosions/Remote violence", sub_event_type="Grenade")]]
    report = acled.compare_acled(rows, preds, name="old")
    assert report.metric("event_type").correct == 3
    assert report.metric("sub_event_type").total == 1


def test_every_listed_old_type_maps_and_unknown_ones_are_refused():
    assert acled.map_old_type("Battle-Government regains territory") == ("Battles", "Government regains territory")
    assert acled.map_old_type("Battle-Non-state actor overtakes territory")[1] == "Non-state actor overtakes territory"
    assert acled.map_old_type("Headquarters or base established") == (
        "Strategic developments", "Headquarters or base established")
    assert acled.map_old_type("Non-violent transfer of territory")[0] == "Strategic developments"
    assert acled.map_old_type("Violence against civilians") == ("Violence against civilians", None)
    assert acled.map_old_type("Strategic development") == ("Strategic developments", None)
    with pytest.raises(EvalError):
        acled.map_old_type("Something else")


def test_new_schema_file_feeds_notes_with_only_the_year_as_reference_date(tmp_path):
    f = tmp_path / "new.csv"
    header = ["event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2",
              "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes"]
    _write_csv(f, header, [["ARM1", "2019-12-29", "Battles", "Armed clash", "A", "", "B", "Tavush", "Kolagir",
                            "40.79", "45.42", "2", "Outlet", "On 29 December 2019, fire."]])
    rows = acled.load_acled(f, limit=5)
    assert rows[0].fatalities is None  # no fatalities column: no fatalities metric
    arts = acled.articles_for(rows, "new.csv")
    assert arts[0].source == "new.csv:ARM1" and arts[0].outlet == "Outlet"
    assert arts[0].published == "2019-12-31"  # the year only: never the gold day or month


def test_a_file_that_is_not_an_acled_export_is_refused(tmp_path):
    f = tmp_path / "x.csv"
    f.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(EvalError):
        acled.load_acled(f)


# --------------------------------------------------------------------- MUC

KEY = """0.  MESSAGE: ID                     TST-X-0001 (TEST)
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  02 FEB 90
3.  INCIDENT: LOCATION              RIVERLAND: PORTO NUEVO (CITY): CENTRO (NEIGHBORHOOD)
4.  INCIDENT: TYPE                  BOMBING
5.  INCIDENT: STAGE OF EXECUTION    ACCOMPLISHED
10. PERP: ORGANIZATION ID           "PEOPLE'S FRONT" / "PF"
11. PERP: ORGANIZATION CONFIDENCE   CLAIMED OR ADMITTED: "PEOPLE'S FRONT" / "PF"
19. HUM TGT: DESCRIPTION            "GUARDS"
                                    "DRIVER"
21. HUM TGT: NUMBER                 2: "GUARDS"
                                    1: "DRIVER"
23. HUM TGT: EFFECT OF INCIDENT     DEATH: "GUARDS"
                                    INJURY: "DRIVER"
"""

EMPTY_KEY = """0.  MESSAGE: ID                     TST-X-0002 (TEST)
1.  MESSAGE: TEMPLATE               *
4.  INCIDENT: TYPE                  *
"""


def test_muc_key_parsing_reads_slots_alternatives_and_continuations():
    t = muc.parse_template(KEY, "TST-X-0001")
    assert t.incident_types == ["BOMBING"] and t.relevant and not t.threatened
    assert muc.parse_location(t.first("INCIDENT: LOCATION")) == (["RIVERLAND"], ["PORTO NUEVO", "CENTRO"])
    assert muc.perp_orgs(t) == [["PEOPLE'S FRONT", "PF"]]
    assert muc.perp_confidence(t) == (["CLAIMED OR ADMITTED"], ["PEOPLE'S FRONT", "PF"])
    assert muc.key_deaths(t) == (2, 2)  # the guards died; the driver was only injured
    assert not muc.parse_template(EMPTY_KEY).relevant


def test_muc_key_deaths_count_a_filler_with_alternative_spellings_once():
    key = KEY.replace('19. HUM TGT: DESCRIPTION            "GUARDS"', '19. HUM TGT: DESCRIPTION            "GUARDS" / "ESCORTS"')
    key = key.replace('21. HUM TGT: NUMBER                 2: "GUARDS"', '21. HUM TGT: NUMBER                 2: "GUARDS" / "ESCORTS"')
    key = key.replace('23. HUM TGT: EFFECT OF INCIDENT     DEATH: "GUARDS"', '23. HUM TGT: EFFECT OF INCIDENT     DEATH: "GUARDS" / "ESCORTS"')
    assert '"GUARDS" / "ESCORTS"' in key
    # two spellings of the same two guards: 2 dead, not 4
    assert muc.key_deaths(muc.parse_template(key, "TST-X-0001")) == (2, 2)


def test_muc_dates_on_between_and_before():
    (on,) = muc.parse_key_dates("02 FEB 90")
    (between,) = muc.parse_key_dates("08 JAN 90 - 09 JAN 90")
    (before,) = muc.parse_key_dates("- 04 MAR 90")
    from datetime import date

    assert on.accepts(date(1990, 2, 2)) and not on.accepts(date(1990, 2, 3))
    assert between.accepts(date(1990, 1, 9)) and not between.accepts(date(1990, 1, 10))
    assert before.accepts(date(1990, 2, 28)) and not before.accepts(date(1990, 2, 20))
    assert muc.parse_key_dates("*") == [] and muc.parse_key_dates("-") == []


def test_muc_dateline_gives_the_reference_date():
    from datetime import date

    assert muc.parse_dateline("SAN SALVADOR, 3 JAN 90 -- [REPORT] ...") == date(1990, 1, 3)
    assert muc.parse_dateline("CARACAS (VENEZUELA), 30 AUG 89 (DPA) -- [TEXT]") == date(1989, 8, 30)
    assert muc.parse_dateline("SAN SALVADOR, NO DATE (FBIS) -- [TEXT]") is None


def test_muc_scoring_aligns_a_template_with_the_matching_event():
    t = muc.parse_template(KEY, "TST-X-0001")
    msg = muc.MucMessage("TST-X-0001", "PORTO NUEVO, 3 FEB 90 -- ...", None, [t])
    other = ev(event_id="o", event_date="1990-02-02", event_type="Protests", sub_event_type="Peaceful protest")
    bomb = ev(event_id="b", event_date="1990-02-02", event_type="Explosions/Remote violence",
              sub_event_type="Remote explosive/landmine/IED", actor1="PF: People's Front", country="Riverland",
              location="Porto Nuevo", fatalities=2)
    claim = Claim(claim_id="c", article_id="a", claimant="People's Front", stance="asserts", claim_type="other",
                  text="the PF claimed responsibility", start=0, end=10, event_id="b")
    report = muc.compare_muc([msg], [ExtractResult(events=[other, bomb], claims=[claim])], name="m")
    values = {m.name: m.value for m in report.metrics}
    for fld in ("incident_type", "date", "location_country", "location_place", "perpetrator", "deaths",
                "perp_confidence", "relevance_recall"):
        assert values[fld] == 1.0, fld
    # without the claim the perpetrator is only reported as fact
    report = muc.compare_muc([msg], [ExtractResult(events=[bomb])], name="m")
    assert report.metric("perp_confidence").value == 0.0


def test_muc_irrelevant_message_with_an_event_lowers_relevance_precision():
    msg = muc.MucMessage("X2", "TEXT", None, [muc.parse_template(EMPTY_KEY)])
    shooting = ev(event_type="Violence against civilians", sub_event_type="Attack")
    report = muc.compare_muc([msg], [ExtractResult(events=[shooting])], name="m")
    p = report.metric("relevance_precision")
    assert (p.correct, p.total) == (0, 1)
    assert report.metric("incident_type") is None  # no relevant template to score


def test_muc_generic_army_matches_state_forces_but_a_named_rebel_army_does_not():
    assert muc.names_match(["SALVADORAN ARMY"], "Military Forces of El Salvador")
    assert not muc.names_match(["ARMY OF NATIONAL LIBERATION"], "Military Forces of Colombia")
    assert muc.names_match(["ARMY OF NATIONAL LIBERATION", "ELN"], "ELN: National Liberation Army")


def test_muc_type_map_is_data_and_covers_every_key_type():
    tm = muc.load_type_map()
    for t in ("ATTACK", "BOMBING", "KIDNAPPING", "ARSON", "ROBBERY", "MURDER", "FORCED WORK STOPPAGE"):
        assert t in tm.rows
    assert tm.accepts(["KIDNAPPING"], "Violence against civilians", "Abduction/forced disappearance")
    assert not tm.accepts(["KIDNAPPING"], "Violence against civilians", "Attack")
    assert "| BOMBING |" in muc.mapping_markdown(tm)


def test_report_round_trips_through_json():
    report = acled.compare_acled([gold()], [[ev()]], name="t")
    d = report.to_dict()
    assert d["name"] == "t" and d["metrics"][0]["name"] == "event_type"
    assert isinstance(EvalReport(name="x", gold="", n_records=0).to_dict()["confusions"], dict)


def test_old_schema_can_hand_in_the_gold_date_and_then_leaves_event_date_unscored():
    g = gold(event_date="2016-07-02")
    (art,) = acled.articles_for([g], "old.csv", gold_date=True)
    assert art.published == "2016-07-02"
    report = acled.compare_acled([g], [[ev(event_date="2016-07-02")]], name="old", score_date=False)
    assert report.metric("event_date") is None and report.metric("event_type") is not None


def test_muc_a_gold_spelling_the_actor_lexicon_gives_the_group_matches_its_normalized_name():
    assert muc.names_match(["SENDERO LUMINOSO"], "Shining Path")
    assert muc.names_match(["THE EXTRADITABLES"], "Medellin Cartel")
    # another group's name, or the spelling of a different group, does not
    assert not muc.names_match(["SENDERO LUMINOSO"], "MRTA: Tupac Amaru Revolutionary Movement")
    assert not muc.names_match(["PEASANTS OF SENDERO LUMINOSO AREAS"], "Shining Path")
