"""Geoparsing evaluation on GeoWebNews / LGL style XML (fixtures written here)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from clashlog.errors import EvalError
from clashlog.evaluate.geo import auc_of_errors, read_geo_xml, score_geo_xml
from clashlog.model import Place

TEXT = "Shelling hit Goris overnight. Officials in Yerevan said Kapan was calm."

GWN = f"""<?xml version="1.0" ?>
<articles>
  <article file="0">
    <title>t</title>
    <text>{TEXT}</text>
    <toponyms>
      <toponym><extractedName>Goris</extractedName><type>Literal</type><start>13</start><end>18</end>
        <latitude>39.5111</latitude><longitude>46.3417</longitude></toponym>
      <toponym><extractedName>Yerevan</extractedName><type>Literal</type><start>43</start><end>50</end>
        <latitude>40.1811</latitude><longitude>44.5136</longitude></toponym>
      <toponym><extractedName>Kapan</extractedName><type>Literal</type><start>56</start><end>61</end>
        <latitude>39.2076</latitude><longitude>46.4057</longitude></toponym>
      <toponym><extractedName>Officials</extractedName><type>Non_Toponym</type><start>30</start><end>39</end>
      </toponym>
    </toponyms>
  </article>
</articles>
"""

LGL = f"""<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="7">
    <text><![CDATA[{TEXT}]]></text>
    <toponyms>
      <toponym><start>13</start><end>18</end><phrase>Goris</phrase>
        <gaztag geonameid="1"><name>Goris</name><lat>39.5111</lat><lon>46.3417</lon></gaztag></toponym>
      <toponym><start>43</start><end>50</end><phrase>Yerevan</phrase>
        <gaztag geonameid="2"><name>Yerevan</name><lat>40.1811</lat><lon>44.5136</lon></gaztag></toponym>
    </toponyms>
  </article>
</articles>
"""


def _write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def fake_geoparser(ref: str, text: str) -> list[Place]:
    """Finds Goris (right) and Kapan (placed in Baku: wrong), misses Yerevan, adds a false place."""
    goris = text.index("Goris")
    kapan = text.index("Kapan")
    return [
        Place(ref, "Goris", goris, goris + 5, latitude=39.5111, longitude=46.3417),
        Place(ref, "Kapan", kapan, kapan + 5, latitude=40.4093, longitude=49.8671),  # Baku: far
        Place(ref, "Shelling", 0, 8, latitude=0.0, longitude=0.0),  # not a gold toponym
    ]


def test_reads_gold_toponyms_with_coordinates_from_both_formats(tmp_path: Path) -> None:
    gwn = read_geo_xml(_write(tmp_path, "g.xml", GWN))
    lgl = read_geo_xml(_write(tmp_path, "l.xml", LGL))
    assert [t.name for t in gwn[0].toponyms] == ["Goris", "Yerevan", "Kapan"]  # the Non_Toponym has no point
    assert [t.name for t in lgl[0].toponyms] == ["Goris", "Yerevan"]
    assert lgl[0].ref == "7" and gwn[0].text == TEXT


def test_scores_recognition_resolution_and_end_to_end(tmp_path: Path) -> None:
    report = score_geo_xml(_write(tmp_path, "g.xml", GWN), fake_geoparser)
    m = {x.name: x for x in report.metrics}
    assert (m["toponym_recall"].correct, m["toponym_recall"].total) == (2, 3)
    assert (m["toponym_precision"].correct, m["toponym_precision"].total) == (2, 3)
    assert (m["accuracy_161km"].correct, m["accuracy_161km"].total) == (1, 2)
    assert (m["end_to_end_161km"].correct, m["end_to_end_161km"].total) == (1, 3)
    assert m["median_error_km"].value > 100
    assert any(e.field == "coordinates" and "Kapan" in e.expected for e in report.errors)
    assert "Literal" in report.notes


def test_auc_is_zero_for_perfect_answers_and_one_for_antipodes() -> None:
    assert auc_of_errors([0.0, 0.0]) == 0.0
    assert math.isclose(auc_of_errors([20039.0, 20039.0]), 1.0, rel_tol=1e-4)
    assert 0 < auc_of_errors([1.0, 100.0, 1000.0]) < 1


def test_limit_reads_only_the_first_articles(tmp_path: Path) -> None:
    two = GWN.replace("</articles>", GWN.split("<articles>")[1].replace('file="0"', 'file="1"'))
    assert len(read_geo_xml(_write(tmp_path, "g.xml", two), limit=1)) == 1


def test_unreadable_gold_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(EvalError):
        score_geo_xml(_write(tmp_path, "bad.xml", "<articles><article>"), fake_geoparser)


def test_the_real_pipeline_scores_a_small_corpus(tmp_path: Path) -> None:
    report = score_geo_xml(_write(tmp_path, "l.xml", LGL), None)
    m = {x.name: x for x in report.metrics}
    assert m["toponym_recall"].value == 1.0
    assert m["accuracy_161km"].value == 1.0


def test_demonyms_are_scored_apart_from_the_places_output(tmp_path: Path) -> None:
    text = "Russian artillery shelled Donetsk, officials in Kyiv said."
    xml = f"""<?xml version="1.0" ?>
<articles><article file="0"><text>{text}</text><toponyms>
  <toponym><extractedName>Russian</extractedName><type>Non_Literal_Modifier</type><start>0</start><end>7</end>
    <latitude>60.0</latitude><longitude>100.0</longitude></toponym>
  <toponym><extractedName>Donetsk</extractedName><type>Literal</type><start>26</start><end>33</end>
    <latitude>48.0159</latitude><longitude>37.8029</longitude></toponym>
  <toponym><extractedName>Kyiv</extractedName><type>Metonymic</type><start>48</start><end>52</end>
    <latitude>50.4547</latitude><longitude>30.5238</longitude></toponym>
</toponyms></article></articles>"""
    report = score_geo_xml(_write(tmp_path, "d.xml", xml), None)
    m = {x.name: x for x in report.metrics}
    # clashlog's places never list a demonym: the main figures miss "Russian"
    assert (m["toponym_recall"].correct, m["toponym_recall"].total) == (2, 3)
    # the demonym reading, from the same run, finds it (as Russia)
    assert (m["toponym_recall_with_demonyms"].correct, m["toponym_recall_with_demonyms"].total) == (3, 3)
    assert m["toponym_precision_with_demonyms"].total == m["toponym_precision"].total + 1
    # a callable geoparser gets no demonym reading
    plain = score_geo_xml(_write(tmp_path, "d2.xml", GWN), fake_geoparser)
    assert not any(x.name.endswith("_with_demonyms") for x in plain.metrics)
