"""Cleaning: datelines, bylines, titles, footers and headline lists -> cleaned text + metadata."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from clashlog.clean import clean_article
from clashlog.model import RawArticle, stable_id

BODY = (
    "Units of the Armenian armed forces shelled the positions of the Azerbaijan Army in the "
    "Kalbajar direction during the night of September 13, the Ministry of Defense said."
)
BODY2 = "Two servicemen were wounded as a result, the ministry said in a statement on Tuesday."


def clean(text: str, **raw_fields):
    """Clean ``text`` read with the given RawArticle fields (record/HTML metadata)."""
    return clean_article(RawArticle(source="test", text=text, **raw_fields))


# ------------------------------------------------------------------ datelines


def test_dateline_with_time_and_zone_becomes_published_and_leaves_the_text():
    a = clean(f"13 September 2022 10:40 (UTC+04:00)\n\n{BODY}\n\n{BODY2}")
    assert a.published == "2022-09-13T10:40:00+04:00"
    assert a.text == f"{BODY}\n\n{BODY2}"


def test_place_and_date_dateline_line():
    a = clean(f"Baku, 13 September 2022\n\n{BODY}")
    assert a.published == "2022-09-13"
    assert a.text == BODY


def test_published_prefix_and_weekday_forms():
    assert (
        clean(f"Published: Tuesday, 13 Sep 2022, 10:40 GMT\n\n{BODY}").published
        == "2022-09-13T10:40:00+00:00"
    )
    assert clean(f"Posted on March 13, 2023 by admin\n\n{BODY}").published == "2023-03-13"
    assert clean(f"13.09.2022 10:40 +0300\n\n{BODY}").published == "2022-09-13T10:40:00+03:00"


def test_updated_line_is_removed_and_not_the_publication_date():
    a = clean(f"12 September 2022\n\nUpdated: 20 September 2022 18:00\n\n{BODY}")
    assert a.published == "2022-09-12"
    assert "Updated" not in a.text


def test_muc_wire_dateline_gives_date_and_outlet_and_is_removed():
    text = (
        "SAN SALVADOR, 3 JAN 90 (DPA) -- [REPORT] [ARMED FORCES PRESS COMMITTEE,\n"
        "COPREFA] [TEXT] THE ARCE BATTALION COMMAND HAS REPORTED THAT ABOUT 50\n"
        "PEASANTS HAVE BEEN KIDNAPPED.\n\n   MEANWHILE, THREE SUBVERSIVES WERE KILLED."
    )
    a = clean(text)
    assert a.published == "1990-01-03"
    assert a.outlet == "DPA"
    assert a.text.startswith("THE ARCE BATTALION COMMAND HAS REPORTED")
    assert "[TEXT]" not in a.text and "SAN SALVADOR, 3 JAN" not in a.text
    assert a.text.endswith("MEANWHILE, THREE SUBVERSIVES WERE KILLED.")


def test_a_wire_dateline_keeps_where_the_story_was_filed():
    assert clean("LA PAZ, 12 JAN 90 (EFE) -- [EXCERPT] TWO BOMBS EXPLODED.").dateline_place == "LA PAZ"
    assert clean("KYIV, Ukraine (AP) — Russian forces shelled Bakhmut.").dateline_place == "KYIV"
    # a relayed story: its own dateline, not the relaying station's
    relayed = clean("PANAMA CITY, 5 FEB 90 (RADIO) -- [TEXT] LIMA, 4 FEB 90 -- A BOMB EXPLODED TODAY.")
    assert relayed.dateline_place == "LIMA"
    assert clean("Russian forces shelled Bakhmut on Monday.").dateline_place is None


def test_muc_dateline_without_date_and_continued_tag():
    a = clean("NO CITY, NO DATE (FBIS) -- [TEXT] [CONTINUED] THE ARMY REPORTED A CLASH NEAR THE BORDER.")
    assert a.text == "THE ARMY REPORTED A CLASH NEAR THE BORDER."
    assert a.published is None


def test_inline_wire_datelines_are_cut_and_give_the_outlet():
    ap = clean("KYIV, Ukraine (AP) — Russian forces shelled Bakhmut on Monday, killing two civilians.")
    assert ap.text == "Russian forces shelled Bakhmut on Monday, killing two civilians."
    assert ap.outlet == "Associated Press"
    arka = clean("Yerevan, March 5 /ARKA/. The Armenian Defense Ministry said a soldier was wounded.")
    assert arka.text == "The Armenian Defense Ministry said a soldier was wounded."
    assert arka.outlet == "ARKA" and arka.published is None  # no year: no date
    tass = clean("MOSCOW, August 21. /TASS/. Russian forces repelled four attacks near Kupiansk.")
    assert tass.text.startswith("Russian forces") and tass.outlet == "TASS"
    trend = clean("BAKU, Azerbaijan, Oct. 5, 2022. Trend: Border guards detained two men on Tuesday.")
    assert trend.text == "Border guards detained two men on Tuesday."
    assert (trend.outlet, trend.published) == ("Trend", "2022-10-05")
    armenpress = clean(
        "YEREVAN, SEPTEMBER 14, ARMENPRESS. The ministry said the claim does not reflect the reality."
    )
    assert armenpress.text.startswith("The ministry said") and armenpress.outlet == "Armenpress"
    mizzima = clean("(Mizzima) – Two villagers were killed when a landmine exploded on Tuesday.")
    assert mizzima.text.startswith("Two villagers") and mizzima.outlet == "Mizzima"


def test_capitalized_place_with_colon_is_a_dateline_but_an_acronym_headline_is_not():
    assert (
        clean("ISLAMABAD: Militants attacked a checkpoint on Monday.").text
        == "Militants attacked a checkpoint on Monday."
    )
    headline = clean(f"ANAMA: 212 mines found and defused last week\n\n{BODY}")
    assert headline.title == "ANAMA: 212 mines found and defused last week"
    assert clean("ANAMA: 212 mines were found last week.").text == "ANAMA: 212 mines were found last week."


def test_wire_slugs_are_cut_but_hyphenated_names_are_not():
    assert clean("UPDATE 2-Shelling in Donetsk kills three").text == "Shelling in Donetsk kills three"
    assert clean("ITAR-TASS news digest for May 3").text == "ITAR-TASS news digest for May 3"


def test_sentences_that_only_look_like_datelines_are_kept():
    for text in (
        "Ukraine: Russian forces shelled Bakhmut on Monday.",
        "On 13 September 2022, Armenian forces shelled Azerbaijani positions near Kalbajar.",
        "Mr. Aliyev said the army would respond.",
    ):
        assert clean(text).text == text


def test_dateline_wins_over_dates_in_footer_lists():
    a = clean(f"{BODY}\n\nLatest news\n\nAzerbaijan's exports up 46% 21 September, 2024 / 15:22")
    assert a.published is None


# -------------------------------------------------------- titles and bylines


def test_byline_is_taken_out_of_the_text():
    a = clean(f"13 September 2022 10:40 (UTC+04:00)\n\nBy Sabina Mammadli\n\n{BODY}")
    assert a.byline == "Sabina Mammadli"
    assert a.text == BODY


def test_byline_with_outlet_keeps_only_the_name():
    assert clean(f"By Sabina Mammadli, Azernews\n\n{BODY}").byline == "Sabina Mammadli"


def test_first_short_line_without_period_is_the_title():
    a = clean(f"Armenian army shells Kalbajar positions\n\n{BODY}\n\n{BODY2}")
    assert a.title == "Armenian army shells Kalbajar positions"
    assert a.text == f"{BODY}\n\n{BODY2}"


def test_title_line_and_dateline_and_byline_in_one_block():
    a = clean(f"Armenian army shells Kalbajar positions\n13 September 2022 10:40\nBy Leyla Aliyeva\n\n{BODY}")
    assert (a.title, a.published, a.byline) == (
        "Armenian army shells Kalbajar positions",
        "2022-09-13",
        "Leyla Aliyeva",
    )
    assert a.text == BODY


def test_known_title_is_not_repeated_in_the_text():
    a = clean(f"Shelling in Kalbajar\n\n{BODY}", title="Shelling in Kalbajar | Azernews")
    assert a.title == "Shelling in Kalbajar"
    assert a.text == BODY


def test_single_paragraph_text_is_left_alone():
    note = "On 13 September 2022, Military Forces of Armenia shelled Azerbaijani positions in Kalbajar (Kalbajar)."
    assert clean(note).text == note
    assert clean("Clashes near Bakhmut").text == "Clashes near Bakhmut"


# ----------------------------------------------------------------- footers


def test_rules_follow_lines_and_source_footer_are_removed():
    a = clean(f"{BODY}\n\n---\n\nFollow us on Twitter @AzerNewsAz")
    assert a.text == BODY
    b = clean(f"{BODY}\n\nSource: Azeri-Press News Agency")
    assert b.text == BODY
    assert b.outlet == "APA"  # attribution kept as the outlet when none is known


def test_source_footer_does_not_override_a_known_outlet():
    a = clean(f"{BODY}\n\nSource: Azeri-Press News Agency", outlet="Azernews")
    assert a.outlet == "Azernews"


def test_reuters_style_reporting_line_gives_the_byline():
    a = clean(f"{BODY}\n\n(Reporting by Jane Doe in Kyiv; Editing by John Smith)")
    assert a.text == BODY
    assert a.byline == "Jane Doe"


def test_copyright_and_junk_lines_are_removed():
    a = clean(
        f"{BODY}\n\nAdvertisement\n\n{BODY2}\n\nShare this article\n\n© 2023 Report.az. All rights reserved."
    )
    assert a.text == f"{BODY}\n\n{BODY2}"
    assert a.outlet == "Report.az"


def test_latest_news_list_of_dated_headlines_is_removed():
    text = (
        f"{BODY}\n\nLatest news\n\n"
        "Azerbaijan's sugar exports up over 46% 21 September, 2024 / 15:22\n"
        "Armenian sniper fire wounds soldier in Tovuz 12 September, 2022 / 19:05"
    )
    assert clean(text).text == BODY


def test_related_list_and_read_more_lines_are_removed_mid_article():
    text = f"{BODY}\n\nRead more: Armenia and Azerbaijan agree to resume talks\n\n{BODY2}\n\nRelated\n\nJunta troops torch village\nPDF ambush convoy near Monywa"
    assert clean(text).text == f"{BODY}\n\n{BODY2}"


def test_dated_headlines_without_heading_at_the_end_are_removed():
    text = f"{BODY}\n\nExplosions reported in Kharkiv 24 July, 2023 / 09:12\nKyiv hosts forum 24 July, 2023 / 10:05"
    assert clean(text).text == BODY


def test_text_made_only_of_boilerplate_is_kept_rather_than_emptied():
    assert clean("Follow us on Twitter").text == "Follow us on Twitter"


# ---------------------------------------------------------------- metadata


def test_cli_values_override_everything():
    a = clean_article(
        RawArticle(source="t", text=f"13 September 2022\n\n{BODY}", published="2022-01-01", outlet="APA"),
        published="2022-09-14T08:00+04:00",
        outlet="news.am",
    )
    assert a.published == "2022-09-14T08:00:00+04:00"
    assert a.outlet == "News Am"


def test_record_date_wins_over_dateline_but_dateline_adds_the_time():
    assert clean(f"13 September 2022 10:40\n\n{BODY}", published="2022-09-20").published == "2022-09-20"
    refined = clean(f"13 September 2022 10:40 (UTC+04:00)\n\n{BODY}", published="2022-09-13")
    assert refined.published == "2022-09-13T10:40:00+04:00"


def test_visible_dateline_wins_over_html_metadata():
    a = clean(f"13 September 2022\n\n{BODY}", published="2022-09-20", html=True)
    assert a.published == "2022-09-13"
    assert clean(BODY, published="2022-09-20", html=True).published == "2022-09-20"


def test_self_attribution_gives_a_known_outlet():
    assert clean(f"{BODY[:-1]}, Azernews reports.").outlet == "Azernews"
    assert (
        clean("The ministry said two soldiers were wounded, Ministry of Foreign Affairs told APA.").outlet
        == "APA"
    )
    assert clean("The ministry said two soldiers were wounded, according to Unknown Herald.").outlet is None


def test_article_id_is_the_record_id_or_a_hash_of_the_cleaned_text():
    assert clean(BODY, id="rec-1").article_id == "rec-1"
    a = clean(f"13 September 2022\n\n{BODY}")
    assert a.article_id == stable_id(BODY) == clean(f"12 May 2020\n\n{BODY}").article_id


def test_one_paragraph_per_line_text_gets_paragraphs_but_wrapped_copy_does_not():
    assert clean(f"{BODY}\n{BODY2}").text == f"{BODY}\n\n{BODY2}"
    wrapped = "THE ARMY REPORTED THAT TWO SOLDIERS\nWERE KILLED YESTERDAY DURING A CLASH\nNEAR SAN MIGUEL."
    assert clean(wrapped).text == wrapped


def test_invisible_characters_and_windows_newlines_are_normalized():
    a = clean(f"13\u00a0September 2022\r\n\r\n{BODY}\u200b\r\n")
    assert a.published == "2022-09-13"
    assert a.text == BODY


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=400))
def test_cleaning_never_fails_and_keeps_something_of_real_text(text: str):
    article = clean(text)
    assert article.text == article.text.strip()
    if any(ch.isalnum() for ch in text):
        assert article.text
    assert article.article_id


@settings(max_examples=60, deadline=None)
@given(
    st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31)),
    st.integers(0, 23),
    st.integers(0, 59),
    st.integers(-11, 12),
)
def test_dateline_round_trip(day, hour, minute, offset):
    sign = "+" if offset >= 0 else "-"
    line = f"{day.day} {day:%B} {day.year} {hour:02d}:{minute:02d} (UTC{sign}{abs(offset):02d}:00)"
    a = clean(f"{line}\n\n{BODY}")
    assert a.published == f"{day.isoformat()}T{hour:02d}:{minute:02d}:00{sign}{abs(offset):02d}:00"
    assert a.text == BODY


# ------------------------------------------------- removed text never becomes events


def test_latest_news_headlines_never_become_events(extractor):
    raw = RawArticle(
        source="t",
        text=(
            "13 September 2022 10:40 (UTC+04:00)\n\n"
            "Units of the Armenian armed forces shelled Azerbaijani positions in the Kalbajar direction "
            "during the night of September 13, the Ministry of Defense of Azerbaijan said.\n\n"
            "Latest news\n\n"
            "Armenian sniper fire kills soldier in Tovuz 12 September, 2022 / 19:05\n"
            "Protesters clash with police in Ganja 11 September, 2022 / 08:00"
        ),
    )
    result = extractor.process(raw)
    [article] = result.articles
    assert "Tovuz" not in article.text and "Ganja" not in article.text
    for event in result.events:
        assert event.location not in ("Tovuz", "Ganja")
        assert event.event_date != "2022-09-11"
        for ev in event.evidence:
            assert article.text[ev.start : ev.end] == ev.text
