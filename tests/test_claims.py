"""The claims ledger: attribution, normalization, stance, figures, sides, reconciliation.

Every article here is written for these tests, in the styles of several outlets
and from both sides of several conflicts (Armenia-Azerbaijan, Russia-Ukraine,
Myanmar, Mali, Colombia).  The real pipeline runs; it is built once per session.
"""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clashlog.model import Claim, Event, Evidence, RawArticle
from clashlog.pipeline import Extractor
from clashlog.stages.attribution import ClaimantNormalizer, default_attribution_lexicon
from clashlog.stages.reconcile import fatalities_from_claims, reconcile


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


def claims_of(extractor: Extractor, text: str, *, outlet: str | None = None, published: str = "2022-09-13"):
    result = extractor.process(RawArticle(source="test", text=text, outlet=outlet, published=published))
    assert not result.errors, result.errors
    return result


def killed_values(extractor: Extractor, text: str) -> list[int | None]:
    """The low values of the "killed" claims of ``text``, in order."""
    return [c.value_low for c in claims_of(extractor, text).claims if c.quantity_kind == "killed"]


def only(claims: list[Claim], **fields: object) -> Claim:
    found = [c for c in claims if all(getattr(c, k) == v for k, v in fields.items())]
    assert len(found) == 1, (fields, [c.to_dict() for c in claims])
    return found[0]


AZ_APA = """Armenian forces shelled Azerbaijani positions in Kalbajar

As Azerbaijan’s Ministry of Defence informed, on the night of September 13, units of the Armenian armed forces \
fired at the positions of the Azerbaijani army in the Kalbajar direction, the Ministry of Foreign Affairs told APA.

As a result, Azerbaijani military serviceman Elvin Mammadov was killed and two servicemen were wounded, the \
Azerbaijani Defense Ministry said.

The Azerbaijani MoD also said that the claims circulated by the Armenian side that Azerbaijani units shelled the \
village of Sotk are completely unfounded.
"""

AM_SIDE = """Yerevan says four soldiers killed in Azerbaijani attack

The Armenian Defence Ministry said on Tuesday that four Armenian soldiers were killed and nine were wounded when \
Azerbaijani troops attacked positions near Jermuk. "The enemy used artillery and drones. Our units are \
responding," the ministry said in a statement.

Baku rejected the claims, saying its forces had only responded to provocations. Azerbaijan's Ministry of Defence \
dismissed reports of civilian casualties in Jermuk as propaganda.
"""

UA_RU = """Ukrinform reports, citing the General Staff of the Armed Forces of Ukraine, that 12 soldiers of the 3rd \
Mechanized Brigade were killed near Bakhmut on Monday.

The Russian Defence Ministry said its forces destroyed three tanks and killed up to 60 Ukrainian servicemen in the \
area. According to the Russian Ministry of Defence, between 10 and 15 Ukrainian soldiers were captured.

Since the start of the war, Russia has lost 1,500 tanks, the General Staff said. Ukraine's Ministry of Defence \
described the Russian figures as disinformation.

Two soldiers went missing after the shelling, local media reported.
"""

MYANMAR = """Myanmar junta shells village in Sagaing

Two people were killed and 18 were wounded during an early morning mortar attack on Kani township on Tuesday, \
residents told The Irrawaddy. The junta denied reports of the attack, calling them fabrications.

A local resistance group said the regime troops lost 30 soldiers in the fighting that followed, while the \
military council said dozens of PDF fighters were killed.

Seventeen people, including 12 soldiers and 5 civilians, have been killed in the township since the coup began, \
according to the Assistance Association for Political Prisoners.
"""

SAHEL_COLOMBIA = """Jihadists attack army post in central Mali

Suspected jihadists killed two police officers and a civilian in an attack on a checkpoint near Mopti on Sunday, \
the Malian army said. Scores of militants were killed in the response, the army added.

In Colombia, ELN rebels said they had captured five soldiers in Arauca, while the Colombian army said 30-40 rebels \
were killed in clashes. Soldiers defused 12 anti-personnel mines and destroyed 40 pieces of unexploded ordnance in \
the area.

There were no casualties among the peacekeepers, MINUSMA said.
"""


# ------------------------------------------------------------------ attribution


def test_as_ministry_informed_makes_that_ministry_the_claimant_and_the_agency_the_via(extractor: Extractor) -> None:
    # "As the MoD informed, ..., the MFA told APA": the MFA passes on the MoD's claim, as in
    # "X reports, citing the ministry"; the claim is the MoD's, relayed through APA
    claims = claims_of(extractor, AZ_APA).claims
    first = claims[0]
    assert first.claimant == "Ministry of Defense of Azerbaijan"
    assert first.via == "APA"
    assert first.claim_type == "allegation"
    # its subject is what the ministry says, without who says it
    assert first.subject.startswith("on the night of September 13, units of the Armenian armed forces fired")
    assert "told APA" not in first.subject and "informed" not in first.subject


def test_a_lead_that_cites_another_source_still_speaks_for_the_rest_of_the_article(extractor: Extractor) -> None:
    text = (
        "As the Ministry of Defence informed, Armenian units shelled Azerbaijani positions in Kalbajar, "
        "the Ministry of Foreign Affairs told APA.\n\n"
        "The Armenian side bears full responsibility for the attack on the positions."
    )
    claims = claims_of(extractor, text).claims
    assert [c.claimant for c in claims] == [
        "Ministry of Defense of Azerbaijan",
        "Ministry of Foreign Affairs of Azerbaijan",
    ]


def test_defense_ministry_spellings_normalize_to_one_name(extractor: Extractor) -> None:
    claims = claims_of(extractor, AZ_APA).claims
    killed = only(claims, quantity_kind="killed")
    denial = only(claims, stance="denies")
    assert killed.claimant == denial.claimant == "Ministry of Defense of Azerbaijan"


@pytest.mark.parametrize(
    "phrase",
    [
        "Azerbaijan's Ministry of Defence",
        "the Azerbaijani Defense Ministry",
        "Azerbaijani MoD",
        "Ministry of Defense of the Republic of Azerbaijan",
    ],
)
def test_claimant_normalizer_maps_variants_of_a_ministry(phrase: str) -> None:
    norm = ClaimantNormalizer(default_attribution_lexicon())
    assert norm.normalize(phrase) == "Ministry of Defense of Azerbaijan"


def test_bare_ministry_and_pronoun_take_their_antecedent() -> None:
    norm = ClaimantNormalizer(default_attribution_lexicon())
    assert norm.normalize("the Russian Defence Ministry") == "Ministry of Defense of Russia"
    assert norm.normalize("the Defense Ministry") == "Ministry of Defense of Russia"
    assert norm.normalize("the ministry") == "Ministry of Defense of Russia"
    assert norm.normalize("it") == "Ministry of Defense of Russia"


def test_a_surname_and_a_title_with_the_persons_country_are_the_person_named_earlier(extractor: Extractor) -> None:
    text = (
        "Ukrainian Defence Minister Oleksii Reznikov and his Polish counterpart Mariusz Blaszczak met in "
        "Rzeszow on Tuesday.\n\n"
        "During the meeting, the Ukrainian minister informed his counterpart of the shelling of Kharkiv.\n\n"
        "Reznikov said that Russian forces fired 40 rockets at the city overnight.\n\n"
        "Blaszczak said that Russian drones had struck a fuel depot near Lviv."
    )
    claimants = [c.claimant for c in claims_of(extractor, text, outlet="Ukrinform").claims]
    assert claimants[:2] == ["Oleksii Reznikov", "Oleksii Reznikov"]
    assert "Mariusz Blaszczak" in claimants
    assert "Reznikov" not in claimants and "Ukrainian minister" not in claimants


def test_a_title_is_not_given_to_a_person_when_two_of_that_country_are_named() -> None:
    norm = ClaimantNormalizer(default_attribution_lexicon())
    text = "Armenian President Vahagn Khachaturyan and Armenian Foreign Minister Ararat Mirzoyan spoke."
    norm.note_persons(text, [(text.index("Vahagn"), "Vahagn Khachaturyan"), (text.index("Ararat"), "Ararat Mirzoyan")])
    assert norm.normalize("the Armenian minister") == "Armenian minister"  # two candidates: kept as written
    assert norm.normalize("Mirzoyan") == "Ararat Mirzoyan"


UA_REUTERS = """Russian shelling kills three in Kherson, Ukraine says

KYIV, March 9 (Reuters) - Russian forces shelled the southern city of Kherson on Saturday, killing three \
civilians and wounding 12 others, the regional governor Oleksandr Prokudin said.

"The enemy struck a residential district with artillery," Prokudin wrote on Telegram.

Russia's defence ministry said its forces had destroyed 15 Ukrainian drones over the Belgorod region overnight \
and denied targeting civilians, calling the Ukrainian reports "a fabrication."

Ukraine's General Staff said Russian forces had lost 1,120 personnel over the past day, bringing total \
Russian losses since the start of the full-scale invasion to 420,000.
"""


def test_a_speakers_surname_is_the_speaker_named_in_full_before(extractor: Extractor) -> None:
    claims = claims_of(extractor, UA_REUTERS, outlet="Reuters").claims
    governor = [c for c in claims if "Prokudin" in (c.claimant or "")]
    assert len(governor) == 3 and {c.claimant for c in governor} == {"regional governor Oleksandr Prokudin"}


def test_a_denial_covers_only_what_follows_the_denying_verb(extractor: Extractor) -> None:
    result = claims_of(extractor, UA_REUTERS, outlet="Reuters")
    drones = only(result.claims, quantity_kind="destroyed")
    assert (drones.stance, drones.value_low, drones.side) == ("asserts", 15, "Ukraine")
    denial = only(result.claims, stance="denies")
    assert (denial.claimant, denial.claim_type, denial.subject) == (
        "Ministry of Defense of Russia",
        "allegation",
        "targeting civilians",
    )
    # the accused party's denial is about the one event it is accused of: the event is contested
    (event,) = result.events
    assert event.actor1.startswith("Military Forces of Russia")
    assert denial.event_id == event.event_id and event.contested is True
    assert event.fatalities == 3


def test_a_daily_figure_and_a_running_total_in_one_sentence(extractor: Extractor) -> None:
    result = claims_of(extractor, UA_REUTERS, outlet="Reuters")
    staff = [c for c in result.claims if c.claimant == "General Staff of the Armed Forces of Ukraine"]
    got = [(c.value_low, c.side, c.cumulative, c.event_id) for c in staff]
    # whose losses: the Russians' (named before "lost" and before "losses"), not the speaker's country;
    # the day's figure is no running total, but a summary over a day is no toll of the Kherson shelling
    assert got == [(1120, "Russia", False, None), (420000, "Russia", True, None)]


def test_capital_and_side_stand_for_the_government() -> None:
    norm = ClaimantNormalizer(default_attribution_lexicon())
    assert norm.normalize("Kiev") == "Government of Ukraine"
    assert norm.normalize("the Armenian side") == "Government of Armenia"
    assert (
        norm.normalize("General Staff of the Armed Forces of Ukraine")
        == "General Staff of the Armed Forces of Ukraine"
    )


def test_outlet_reports_citing_gives_the_cited_claimant_and_the_outlet_as_via(extractor: Extractor) -> None:
    claims = claims_of(extractor, UA_RU).claims
    c = only(claims, value_low=12, quantity_kind="killed")
    assert c.claimant == "General Staff of the Armed Forces of Ukraine"
    assert c.via == "Ukrinform"


def test_according_to_attributes_the_sentence(extractor: Extractor) -> None:
    claims = claims_of(extractor, UA_RU).claims
    c = only(claims, quantity_kind="captured")
    assert c.claimant == "Ministry of Defense of Russia"


def test_told_outlet_and_trailing_said_are_attributions(extractor: Extractor) -> None:
    claims = claims_of(extractor, MYANMAR).claims
    c = only(claims, quantity_kind="killed", value_low=2)
    assert c.claimant == "residents"
    assert c.via == "Irrawaddy"
    missing = only(claims_of(extractor, UA_RU).claims, quantity_kind="missing")
    assert missing.claimant == "local media"


def test_quote_spanning_sentences_is_attributed_to_its_speaker(extractor: Extractor) -> None:
    claims = claims_of(extractor, AM_SIDE).claims
    quoted = [c for c in claims if "The enemy used artillery" in c.text]
    assert quoted and all(c.claimant == "Ministry of Defense of Armenia" for c in quoted)


def test_unattributed_sentence_is_the_outlets_own_voice(extractor: Extractor) -> None:
    text = "Two civilians were killed when a shell hit a bus in Horlivka on Monday."
    c = only(claims_of(extractor, text, outlet="Reuters").claims, quantity_kind="killed")
    assert c.claimant == "Reuters"
    assert c.via is None


def test_source_line_names_the_relaying_agency(extractor: Extractor) -> None:
    text = "A soldier was wounded by sniper fire near Tovuz, the Defense Ministry said.\n\nSource: Azeri-Press News Agency"
    c = only(claims_of(extractor, text).claims, quantity_kind="injured")
    assert c.via == "APA"
    assert c.claimant == "Ministry of Defense of Azerbaijan"


def test_two_speakers_in_one_sentence_each_keep_their_figures(extractor: Extractor) -> None:
    claims = claims_of(extractor, SAHEL_COLOMBIA).claims
    assert only(claims, quantity_kind="captured").claimant == "ELN: National Liberation Army"
    assert only(claims, value_low=30, value_high=40).claimant == "Military Forces of Colombia"


def test_headline_tail_names_the_source(extractor: Extractor) -> None:
    c = only(
        claims_of(extractor, "Six Ukrainian soldiers killed in rebel ambush: ministry").claims,
        quantity_kind="killed",
    )
    assert c.value_low == 6 and c.claimant and "ministry" in c.claimant.lower()


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("Three militiamen killed in shelling by Ukrainian forces - DPR operational command",
         "Operational Command of Donetsk People's Republic"),
        ("The operational command of the Donetsk People's Republic said two fighters were killed.",
         "Operational Command of Donetsk People's Republic"),
        ("Three militiamen killed in shelling by Ukrainian forces - DPR defence ministry",
         "Ministry of Defense of Donetsk People's Republic"),
    ],
)
def test_a_party_unit_keeps_the_unit_in_the_claimant(extractor: Extractor, text: str, claimant: str) -> None:
    c = only(claims_of(extractor, text).claims, quantity_kind="killed")
    assert c.claimant == claimant


@pytest.mark.parametrize(
    ("headline", "source"),
    [
        ("Forty-nine troops killed as plane shot down by rebels - military spokesman", "military spokesman"),
        ("Two killed in shelling of rebel-held Gorlovka - administration", "administration"),
        ("Five dead in Kiev-controlled town - Kiev-appointed governor", "Kiev-appointed governor"),
        ("Two civilians killed in attack-ministry", "ministry"),
    ],
)
def test_a_hyphen_inside_a_word_is_not_taken_for_the_headline_separator(
    extractor: Extractor, headline: str, source: str
) -> None:
    c = only(claims_of(extractor, headline).claims, quantity_kind="killed")
    assert c.claimant == source


def test_a_hyphenated_word_in_an_unattributed_headline_names_no_source(extractor: Extractor) -> None:
    claims = claims_of(extractor, "Ukraine troops kill 3 pro-Russia militants ahead of key talks").claims
    assert all("militants" not in (c.claimant or "") for c in claims)


# ------------------------------------------------------------------ stance


def test_unfounded_is_a_denial_with_the_denied_party(extractor: Extractor) -> None:
    d = only(claims_of(extractor, AZ_APA).claims, stance="denies")
    assert d.denied_claimant == "Government of Armenia"
    assert d.subject == "Azerbaijani units shelled the village of Sotk"
    assert d.claim_type == "allegation"


def test_rejected_the_claims_points_back_at_the_previous_claimant(extractor: Extractor) -> None:
    claims = claims_of(extractor, AM_SIDE).claims
    d = only(claims, stance="denies", claimant="Government of Azerbaijan")
    assert d.denied_claimant == "Ministry of Defense of Armenia"


def test_dismissed_as_propaganda_records_the_denied_proposition(extractor: Extractor) -> None:
    d = only(
        claims_of(extractor, AM_SIDE).claims, stance="denies", claimant="Ministry of Defense of Azerbaijan"
    )
    assert d.subject == "civilian casualties in Jermuk"


def test_described_as_disinformation_denies_the_other_sides_figures(extractor: Extractor) -> None:
    d = only(claims_of(extractor, UA_RU).claims, stance="denies")
    assert d.claimant == "Ministry of Defense of Ukraine"
    assert d.denied_claimant == "Ministry of Defense of Russia"


def test_denied_reports_calling_them_fabrications(extractor: Extractor) -> None:
    d = only(claims_of(extractor, MYANMAR).claims, stance="denies")
    assert d.subject == "the attack"
    assert d.claimant == "Government of Myanmar"  # "the junta": the government of the country it happened in


def test_fake_as_an_adjective_is_not_a_denial(extractor: Extractor) -> None:
    text = "In order to prevent such fake accusations, Azerbaijan supports talks, the ministry said."
    assert all(c.stance == "asserts" for c in claims_of(extractor, text).claims)


# ------------------------------------------------------------------ figures


def test_killed_and_wounded_in_one_sentence_get_their_own_kinds_and_side(extractor: Extractor) -> None:
    claims = claims_of(extractor, AM_SIDE).claims
    killed = only(claims, quantity_kind="killed")
    injured = only(claims, quantity_kind="injured")
    assert (killed.value_low, killed.value_high, killed.side) == (4, 4, "Armenia")
    assert (injured.value_low, injured.side) == (9, "Armenia")


def test_conjoined_victims_are_summed_into_one_figure(extractor: Extractor) -> None:
    c = only(
        claims_of(extractor, SAHEL_COLOMBIA).claims,
        quantity_kind="killed",
        claimant="Military Forces of Mali",
        value_high=3,
    )
    assert c.value_low == 3


def test_range_vague_and_upper_bound_figures(extractor: Extractor) -> None:
    claims = claims_of(extractor, SAHEL_COLOMBIA).claims + claims_of(extractor, UA_RU).claims
    assert only(claims, value_low=30, value_high=40).quantity_kind == "killed"
    scores = only(claims, value_low=40, quantity_kind="killed")
    assert scores.value_high is None and scores.side == "militants"
    up_to = only(claims, value_high=60)
    assert up_to.value_low is None and up_to.side == "Ukraine"
    between = only(claims, quantity_kind="captured", value_low=10)
    assert between.value_high == 15


def test_figures_for_both_sides_in_one_sentence_stay_apart(extractor: Extractor) -> None:
    claims = claims_of(
        extractor, "Russia says 20 of its soldiers and 45 Ukrainian servicemen were killed."
    ).claims
    assert sorted((c.value_low, c.side) for c in claims if c.quantity_kind == "killed") == [
        (20, "Russia"),
        (45, "Ukraine"),
    ]
    both = claims_of(
        extractor, "The Ukrainian military said it lost five soldiers while killing 30 rebels."
    ).claims
    assert only(both, value_low=5).side == "Ukraine"
    assert only(both, value_low=30).side == "rebels"


def test_ceasefire_statement_is_a_ceasefire_claim(extractor: Extractor) -> None:
    text = "Armenia violated the ceasefire in the Tovuz direction on Monday, the Azerbaijani Defense Ministry said."
    c = only(claims_of(extractor, text).claims, claim_type="ceasefire")
    assert c.claimant == "Ministry of Defense of Azerbaijan"


def test_materiel_mines_and_uxo_kinds(extractor: Extractor) -> None:
    claims = claims_of(extractor, SAHEL_COLOMBIA).claims + claims_of(extractor, UA_RU).claims
    assert only(claims, quantity_kind="mines").value_low == 12
    assert only(claims, quantity_kind="uxo").value_low == 40
    tanks = only(claims, quantity_kind="destroyed", value_low=3)
    assert tanks.claim_type == "weapons"


def test_losses_is_killed_or_injured_and_lost_names_the_side(extractor: Extractor) -> None:
    c = only(claims_of(extractor, MYANMAR).claims, quantity_kind="killed_or_injured")
    assert c.value_low == 30 and c.side == "Myanmar"
    text = "As a result, there were losses among the personnel of the Azerbaijani Armed Forces, the ministry said."
    losses = only(claims_of(extractor, text).claims, quantity_kind="killed_or_injured")
    assert losses.value_low is None and losses.side == "Azerbaijan"


def test_named_party_and_brigade_sides(extractor: Extractor) -> None:
    claims = claims_of(extractor, MYANMAR).claims
    assert only(claims, value_low=24).side == "People's Defense Force"
    brigade = only(claims_of(extractor, UA_RU).claims, value_low=12, quantity_kind="killed")
    assert brigade.side == "Ukraine"


def test_breakdown_is_one_total_and_since_the_coup_is_cumulative(extractor: Extractor) -> None:
    claims = claims_of(extractor, MYANMAR).claims
    total = only(claims, value_low=17)
    assert total.cumulative is True and total.event_id is None
    assert not [c for c in claims if c.value_low in (12, 5, 34)]


def test_since_the_start_of_the_war_total_is_cumulative(extractor: Extractor) -> None:
    c = only(claims_of(extractor, UA_RU).claims, value_low=1500)
    assert c.cumulative is True and c.quantity_kind == "destroyed" and c.side == "Russia"


def test_no_casualties_is_a_zero_figure(extractor: Extractor) -> None:
    c = only(claims_of(extractor, SAHEL_COLOMBIA).claims, claimant="MINUSMA")
    assert (c.value_low, c.value_high, c.quantity_kind) == (0, 0, "killed_or_injured")


def test_singular_victim_without_a_number_counts_one(extractor: Extractor) -> None:
    c = only(
        claims_of(extractor, "Rebel sniper kills Ukrainian serviceman near Avdiivka").claims,
        quantity_kind="killed",
    )
    assert (c.value_low, c.side) == (1, "Ukraine")


def test_years_dates_and_unit_numbers_never_become_figures(extractor: Extractor) -> None:
    text = (
        "On December 9-10, 2021, at 0600 hours, the 3rd Mechanized Brigade and LIB 289 clashed near "
        "Resolution 2254 positions, the ministry said."
    )
    assert not [c for c in claims_of(extractor, text).claims if c.value_low is not None]


def test_claim_output_has_exactly_the_contract_keys(extractor: Extractor) -> None:
    c = claims_of(extractor, AM_SIDE).claims[0]
    keys = set(c.to_dict())
    contract = {
        "claim_id",
        "article_id",
        "claimant",
        "via",
        "stance",
        "claim_type",
        "subject",
        "side",
        "quantity_kind",
        "value_low",
        "value_high",
        "date",
        "event_id",
        "text",
        "start",
        "end",
    }
    assert contract <= keys
    article = claims_of(extractor, AM_SIDE).articles[0]
    assert article.text[c.start : c.end] == c.text


def test_claim_date_comes_from_the_sentence(extractor: Extractor) -> None:
    text = "On 5 March 2021, two soldiers were killed in Hpakant, the military said."
    c = only(claims_of(extractor, text, published="2021-03-07").claims, quantity_kind="killed")
    assert c.date == "2021-03-05"


# ------------------------------------------------------------------ reconciliation


def _claim(
    cid: str,
    claimant: str,
    low: int | None,
    high: int | None,
    *,
    start: int = 0,
    stance: str = "asserts",
    kind: str = "killed",
    side: str | None = None,
) -> Claim:
    return Claim(
        claim_id=cid,
        article_id="a",
        claimant=claimant,
        stance=stance,
        claim_type="casualties",
        text="t",
        start=start,
        end=start + 10,
        quantity_kind=kind,
        value_low=low,
        value_high=high,
        side=side,
    )


def _event(start: int = 0) -> Event:
    return Event(
        event_id="e1",
        event_date="2022-09-13",
        event_type="Battles",
        sub_event_type="Armed clash",
        disorder_type="Political violence",
        evidence=[Evidence("a", start, start + 10, "t")],
    )


def test_fatalities_are_the_lowest_figure_and_the_range_spans_claimants() -> None:
    ev = _event()
    claims = [
        _claim("c1", "Ministry of Defense of Armenia", 5, 5),
        _claim("c2", "Ministry of Defense of Azerbaijan", 7, 9),
    ]
    reconcile([ev], claims)
    assert ev.claim_ids == ["c1", "c2"]
    assert (ev.fatalities, ev.fatalities_low, ev.fatalities_high) == (5, 5, 9)
    assert ev.contested is True
    assert all(c.event_id == "e1" for c in claims)


def test_one_sides_fighters_beside_a_toll_of_everyone_are_part_of_it_not_a_lower_figure() -> None:
    # the ministry's "33 people" counts everyone; the army's "20 militants" only the fighters among them
    ev = _event()
    claims = [_claim("c1", "Ministry of Health of Palestine", 33, None), _claim("c2", "Military Forces of Israel", 20, 20,
                                                                              side="militants")]
    reconcile([ev], claims)
    assert (ev.fatalities, ev.fatalities_low, ev.fatalities_high) == (33, 20, 33)
    # a lower toll of everyone is still the lowest credible figure
    ev = _event()
    claims = [_claim("c1", "Ministry of Health of Palestine", 15, 15), _claim("c2", "Military Forces of Israel", 20, 20,
                                                                              side="militants")]
    reconcile([ev], claims)
    assert ev.fatalities == 15


def test_same_claimant_restating_a_figure_is_not_double_counted() -> None:
    ev = _event()
    fatalities_from_claims(ev, [_claim("c1", "AFP", 3, 3, start=0), _claim("c2", "AFP", 3, 3, start=100)])
    assert (ev.fatalities, ev.contested) == (3, False)


def test_one_claimant_reporting_both_sides_adds_them_up() -> None:
    ev = _event()
    fatalities_from_claims(
        ev,
        [
            _claim("c1", "X", 4, 4, start=0, side="Armenia"),
            _claim("c2", "X", 6, 6, start=100, side="Azerbaijan"),
        ],
    )
    assert ev.fatalities == 10


def test_denial_linked_to_an_event_makes_it_contested() -> None:
    ev = _event()
    fatalities_from_claims(ev, [_claim("c1", "X", 4, 4), _claim("c2", "Y", None, None, stance="denies")])
    assert ev.contested is True and ev.fatalities == 4


def test_only_injuries_give_zero_and_nothing_gives_none() -> None:
    ev = _event()
    fatalities_from_claims(ev, [_claim("c1", "X", 2, 2, kind="injured")])
    assert ev.fatalities == 0
    ev2 = _event()
    fatalities_from_claims(ev2, [])
    assert ev2.fatalities is None


def test_a_killed_figure_in_a_sentence_about_an_arrest_goes_to_the_attack_it_reports() -> None:
    attack = _event(start=0)
    arrest = dataclasses.replace(
        _event(start=200),
        event_id="e2",
        event_type="Strategic developments",
        sub_event_type="Arrests",
        disorder_type="Strategic developments",
    )
    # "two men were arrested for the attack where 10 policemen were killed": the figure is the attack's
    c = _claim("c1", "X", 10, 10, start=200)
    reconcile([attack, arrest], [c], sents=[(0, 100, 0), (200, 260, 0)])
    assert c.event_id == "e1"
    assert (attack.fatalities, arrest.fatalities) == (10, None)
    # with no event that can have casualties, the figure stays with the event of its sentence
    arrest2 = dataclasses.replace(arrest, event_id="e3", claim_ids=[], fatalities=None)
    c2 = _claim("c2", "X", 10, 10, start=200)
    reconcile([arrest2], [c2], sents=[(200, 260, 0)])
    assert c2.event_id == "e3"


def test_cumulative_claims_are_never_attached() -> None:
    ev = _event()
    c = _claim("c1", "X", 500, 500)
    c.cumulative = True
    reconcile([ev], [c])
    assert c.event_id is None and ev.fatalities is None


def test_acled_style_notes_put_the_killed_figure_on_the_event(extractor: Extractor) -> None:
    text = (
        "On 3 March 2021, military troops fired mortar shells into Kani village (Kani township, Sagaing). "
        "Two people were killed and 18 were wounded during the early morning mortar attack."
    )
    res = claims_of(extractor, text, published="2021-03-10")
    assert res.events, "the events stage found no event"
    assert 2 in [e.fatalities for e in res.events]
    ev = next(e for e in res.events if e.fatalities == 2)
    assert len(ev.claim_ids) >= 2


def test_landmine_injury_only_gives_zero_fatalities(extractor: Extractor) -> None:
    text = (
        "On 12 April 2021, a woman stepped on a landmine near Muse (Muse township, Shan-North). "
        "She was injured."
    )
    res = claims_of(extractor, text, published="2021-04-20")
    assert res.events and res.events[0].fatalities in (0, None)


def test_killing_n_civilians_lands_on_the_event(extractor: Extractor) -> None:
    text = "On 8 May 2021, unidentified gunmen attacked a bus near Mopti, killing 5 civilians."
    res = claims_of(extractor, text, published="2021-05-10")
    assert res.events and res.events[0].fatalities == 5


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The rebels blamed the army for the murder of 10 union members in San Salvador.", 10),
        ("Kyiv condemned the killing of 12 soldiers in an ambush near Avdiivka on Monday.", 12),
        ("The deaths of two children in the shelling of Gorlovka were confirmed by the city council.", 2),
        ("THE PRESIDENT REFERRED TODAY TO THE MURDER OF SIX JESUITS AND TWO WOMEN IN SAN SALVADOR.", 8),
        ("The minister hinted that ELN members have murdered the 77 followers of the party.", 77),
    ],
)
def test_a_killing_named_by_a_noun_counts_its_figure(extractor: Extractor, text: str, figure: int) -> None:
    killed = [c for c in claims_of(extractor, text).claims if c.quantity_kind == "killed"]
    assert [(c.value_low, c.value_high) for c in killed] == [(figure, figure)]


def test_the_killing_of_after_a_figure_belongs_to_the_next_figure(extractor: Extractor) -> None:
    text = "Four officials who had started to investigate the killing of 12 judges near La Rochela were arrested."
    assert killed_values(extractor, text) == [12]
    text = "Five officials were arrested for the killing of a journalist."
    claims = claims_of(extractor, text).claims
    assert only(claims, quantity_kind="captured").value_low == 5
    assert only(claims, quantity_kind="killed").value_low == 1


def test_a_figure_that_does_the_killing_is_not_a_victim_count(extractor: Extractor) -> None:
    claims = claims_of(
        extractor, "Two armed men on motorcycles killed two gendarmes and wounded a soldier."
    ).claims
    killed = [c for c in claims if c.quantity_kind == "killed"]
    assert [(c.value_low, c.value_high) for c in killed] == [(2, 2)]
    assert only(claims, quantity_kind="injured").value_low == 1


def test_injured_and_later_died_counts_as_killed(extractor: Extractor) -> None:
    text = "Locals said a woman was injured and died on the way to hospital."
    assert only(claims_of(extractor, text).claims, value_low=1).quantity_kind == "killed"


@pytest.mark.parametrize(
    "text",
    [
        "A suspected militant stabbed to death a police colonel outside his home.",
        "Unidentified gunmen gunned down a priest in the town.",
        "The informer died.",
        "The explosion killed him.",
    ],
)
def test_single_victims_without_a_figure_count_one(extractor: Extractor, text: str) -> None:
    assert killed_values(extractor, text) == [1]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(
            list("abc AZ12,.;:\"“”'-\n")
            + [
                "killed ",
                "said ",
                "denied ",
                "two ",
                "a soldier ",
                "according to ",
                "the ministry ",
                "unfounded ",
            ]
        ),
        max_size=60,
    )
)
def test_any_text_gives_claims_with_exact_offsets_and_never_raises(
    extractor: Extractor, words: list[str]
) -> None:
    text = "".join(words)
    result = extractor.process(RawArticle(source="fuzz", text=text or "x"))
    assert not result.errors
    article = result.articles[0]
    for c in result.claims:
        assert article.text[c.start : c.end] == c.text
        assert c.stance in ("asserts", "denies")
        assert c.value_low is None or c.value_high is None or c.value_low <= c.value_high


def test_statement_of_a_ministry_about_something_names_both(extractor: Extractor) -> None:
    text = (
        "The Ministry of Defence of Armenia said the statement of the Azerbaijani defence ministry about "
        "Armenian provocations in the Kalbajar direction does not reflect the reality."
    )
    d = only(claims_of(extractor, text).claims, stance="denies")
    assert d.claimant == "Ministry of Defense of Armenia"
    assert d.denied_claimant == "Ministry of Defense of Azerbaijan"
    assert d.subject == "Armenian provocations in the Kalbajar direction"


def test_called_the_information_disinformation_is_a_denial(extractor: Extractor) -> None:
    text = (
        "The Azerbaijani Defense Ministry called the information spread by the Armenian side about an "
        'attack on Jermuk "disinformation".'
    )
    d = only(claims_of(extractor, text).claims, stance="denies")
    assert d.denied_claimant == "Government of Armenia" and d.subject == "an attack on Jermuk"


def test_people_and_materiel_in_one_list_get_their_own_kinds(extractor: Extractor) -> None:
    text = (
        "The Russian Defence Ministry said up to 60 Ukrainian servicemen, two tanks and three armoured "
        "vehicles were destroyed. Deminers defused 87 anti-personnel mines and 341 unexploded ordnance."
    )
    claims = claims_of(extractor, text).claims
    assert only(claims, value_high=60).quantity_kind == "killed"
    assert only(claims, value_low=2).quantity_kind == "destroyed"
    assert only(claims, value_low=87).quantity_kind == "mines"
    assert only(claims, value_low=341).quantity_kind == "uxo"


def test_documents_and_negated_subjects_are_not_claimants(extractor: Extractor) -> None:
    text = (
        "According to the report, the fighting began at dawn near the village. "
        "No group claimed responsibility for the attack."
    )
    claims = claims_of(extractor, text, outlet="Reuters").claims
    assert all(c.claimant == "Reuters" for c in claims)


@pytest.mark.parametrize(
    "text",
    [
        "The Defense Ministry said reports that its drones struck a hospital in Kherson are false.",
        "The ministry said the video of the strike is a fabrication.",
        "The General Staff denied reports of a breakthrough near Avdiivka.",
    ],
)
def test_indirect_and_direct_denials_are_denials(extractor: Extractor, text: str) -> None:
    claims = claims_of(extractor, text).claims
    assert claims and all(c.stance == "denies" for c in claims)


# ---------------------------------------------------------------- named victims (no figure written)
@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Gustavo Guerra, coordinator of the leftist Patriotic Union in Cordoba, was gunned down today.", 1),
        ("Inspector Eulogio Flores died in the explosion near the rail line.", 1),
        ("Rodriguez Porth, 65, was killed near his home in San Salvador, along with two of his bodyguards.", 3),
        ("Castellar and his driver were found dead on the outskirts of Achi on Monday.", 2),
        ("Government troops killed rebel commander Abu Bakr and two of his aides in Idlib.", 3),
        ("The former minister was killed together with his driver when their car hit a mine.", 2),
        ("Ukraine's defence ministry said Ivan Petrov, a 23-year-old private, was killed by sniper fire.", 1),
        # a second person after the first one's apposition; "X, a Y, and a Z" is a list of three
        ("Gunmen killed Hector Oqueli, leader of the leftist party, and lawyer Gilda Flores near the border.", 2),
        ("Gunmen killed Mayor Ali Hassan, a member of the ruling party, and his driver in Baidoa.", 2),
    ],
)
def test_victims_named_without_a_figure_are_counted(extractor: Extractor, text: str, count: int) -> None:
    assert killed_values(extractor, text) == [count]


def test_named_victim_in_all_caps_wire_copy_counts_one(extractor: Extractor) -> None:
    text = (
        "BOGOTA, 3 AUG 89 (EFE) -- [TEXT] GUSTAVO GUERRA, COORDINATOR OF THE LEFTIST PATRIOTIC UNITY IN "
        "CORDOBA DEPARTMENT, WAS GUNNED DOWN TODAY."
    )
    assert killed_values(extractor, text) == [1]


@pytest.mark.parametrize(
    "text",
    [
        "Antonio Navarro, who was nominated today, replaces Carlos Pizarro, who was murdered on 26 April.",
        "Captain Ivan Sirko was not killed in the shelling, the brigade said.",
        "The Minsk Agreement was signed in 2015 and talks died down after the shelling.",
    ],
)
def test_background_negated_and_non_person_deaths_are_not_named_victims(text: str) -> None:
    from clashlog.stages.named_victims import find_named_victims

    assert find_named_victims(text) == []


def test_a_name_needs_two_words_or_a_title() -> None:
    from clashlog.stages.named_victims import person_phrase

    assert person_phrase("Gustavo Guerra", caps=False)
    assert person_phrase("Mayor Quispe", caps=False)
    assert person_phrase("the village chief", caps=False)
    assert not person_phrase("Guerra", caps=False)
    assert not person_phrase("the Minsk Agreement", caps=False)
    assert not person_phrase("THE ARMY PATROL", caps=True)
    assert person_phrase("LIBERTO GUTIERREZ MARQUEZ", caps=True)


def test_the_party_that_blames_is_the_claimant(extractor: Extractor) -> None:
    text = "The rebels blamed the armed forces for the murder of 10 union members in San Salvador."
    claims = claims_of(extractor, text).claims
    assert only(claims, quantity_kind="killed").claimant == "rebels"
    # the accusation of who did it is a claim of its own, beside the figure
    assert only(claims, claim_type="allegation").claimant == "rebels"


def test_a_figure_with_no_accusation_makes_no_allegation(extractor: Extractor) -> None:
    claims = claims_of(extractor, "The army said two soldiers were killed in the clash.").claims
    assert [c.claim_type for c in claims] == ["casualties"]


def test_the_agency_refers_back_to_an_institution_named_earlier_in_the_text(extractor: Extractor) -> None:
    text = (
        "Deminers of the Azerbaijan National Agency for Mine Action (ANAMA) found and defused 87 "
        "anti-personnel mines in the Tartar district last week, the agency said."
    )
    c = only(claims_of(extractor, text).claims, value_low=87)
    assert c.claimant == "Azerbaijan National Agency for Mine Action"
    text = (
        "Border guards of the State Border Service of Azerbaijan detained two men in Jalilabad "
        "district on Tuesday, the service said."
    )
    assert only(claims_of(extractor, text).claims, quantity_kind="captured").claimant == (
        "State Border Service of Azerbaijan"
    )


def test_a_claimant_wrapped_over_two_lines_of_wire_copy_is_one_phrase(extractor: Extractor) -> None:
    text = (
        "SAN SALVADOR, 3 JAN 90 (RADIO EXAMPLE) -- THE ARMED FORCES\n"
        "PRESS OFFICE HAS REPORTED THAT TWO SOLDIERS AND FOUR GUERRILLAS WERE\n"
        "KILLED YESTERDAY DURING A CLASH NEAR SAN MIGUEL."
    )
    c = only(claims_of(extractor, text, published="1990-01-03").claims, quantity_kind="killed")
    assert c.claimant == "Armed Forces Press Office" and c.value_low == 6


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        ("Ukraine's air force said it shot down 10 drones over the Odesa region.", "Air Force of Ukraine"),
        ("The Ukrainian Navy said two Russian landing boats were destroyed.", "Navy of Ukraine"),
    ],
)
def test_service_branches_are_normalized_with_their_country(
    extractor: Extractor, sentence: str, claimant: str
) -> None:
    claims = claims_of(extractor, sentence).claims
    assert claims and all(c.claimant == claimant for c in claims)


def test_shots_fired_are_not_victims(extractor: Extractor) -> None:
    text = "A gunman fired 13 shots at the prosecutor, killing him instantly as he walked home."
    assert killed_values(extractor, text) == [1]


@pytest.mark.parametrize(
    "text",
    [
        "So far, over 1,000 people have died, including the party's leader.",
        "During this 10-year-long war, 70,000 people have died.",
        "Their month-long battle has left 3,000 people dead.",
        "Twelve soldiers have so far been killed in the fighting, the ministry said.",
        "Years of conflict have killed 5,000 people in the region.",
        "Over 7,000 people have died in the country during 10 years of civil war.",
        "His death raises to 384 the number of the party's members murdered since it was founded in 1985.",
    ],
)
def test_war_totals_are_cumulative(extractor: Extractor, text: str) -> None:
    killed = [c for c in claims_of(extractor, text).claims if c.quantity_kind == "killed"]
    assert killed and all(c.cumulative for c in killed)


def test_a_days_toll_so_far_today_is_not_cumulative(extractor: Extractor) -> None:
    text = "So far today, three people have been killed in shelling of Kharkiv, the governor said."
    assert not only(claims_of(extractor, text).claims, quantity_kind="killed").cumulative


def test_the_words_after_said_today_that_are_not_a_speaker(extractor: Extractor) -> None:
    text = (
        "The attorney general, investigating the murder of the six priests, said today that the "
        "declarations made so far show who killed them."
    )
    claims = claims_of(extractor, text).claims
    assert all("declarations" not in (c.claimant or "").lower() for c in claims)


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("Pavlo Kyrylenko, head of the Donetsk regional military administration, said two civilians were "
         "killed in Bakhmut.", "Pavlo Kyrylenko, head of the Donetsk regional military administration"),
        ("Andriy Lysenko, a spokesman for the National Security and Defense Council, told reporters that "
         "two soldiers were killed.", "Andriy Lysenko, spokesman for the National Security and Defense Council"),
        ("Attorney General Mauricio Colorado, investigating the murder of the six priests, said today that "
         "two witnesses were killed.", "Attorney General Mauricio Colorado"),
    ],
)
def test_a_named_speaker_with_an_appositive_is_the_claimant(extractor: Extractor, text: str, claimant: str) -> None:
    assert only(claims_of(extractor, text).claims, quantity_kind="killed", value_low=2).claimant == claimant


def test_a_place_with_an_appositive_is_not_a_speaker(extractor: Extractor) -> None:
    text = "Kharkiv, Ukraine's second city, was shelled overnight and two people were killed, officials said."
    assert only(claims_of(extractor, text).claims, quantity_kind="killed").claimant == "officials"


def test_victims_among_the_dead_are_part_of_the_total_not_a_lower_figure(extractor: Extractor) -> None:
    text = "Rebels attacked a bus near Mopti on Monday, killing 12 civilians. Three children were among the dead, police said."
    res = claims_of(extractor, text)
    assert {c.value_low for c in res.claims if c.quantity_kind == "killed"} == {12, 3}  # both stay in the ledger
    assert [e.fatalities for e in res.events] == [12]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("Officials in Luhansk said six people were killed when shells hit a bus stop.", "Officials in Luhansk"),
        ("Local authorities in Mopti said 12 people were killed.", "Local authorities in Mopti"),
        ("Officials in Kiev said two soldiers were killed.", "Government of Ukraine"),
    ],
)
def test_a_generic_source_keeps_the_place_it_speaks_from(extractor: Extractor, text: str, claimant: str) -> None:
    assert only(claims_of(extractor, text).claims, quantity_kind="killed").claimant == claimant


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Shelling hit a bus stop in Donetsk on Monday, injuring four people, one of them seriously.", "injured", 4),
        ("Six Ukrainian soldiers, two of whom were officers, were killed near Avdiivka on Monday.", "killed", 6),
        ("In Maxaas, three civilians, one of them a child, were wounded by mortar fire on Monday.", "injured", 3),
    ],
)
def test_a_figure_of_them_inside_a_total_is_not_added_to_it(
    extractor: Extractor, text: str, kind: str, value: int
) -> None:
    figures = [(c.quantity_kind, c.value_low) for c in claims_of(extractor, text).claims if c.quantity_kind]
    assert figures == [(kind, value)]


def test_an_outlet_name_written_as_a_common_noun_is_not_that_outlet(extractor: Extractor) -> None:
    common = claims_of(extractor, "Rebels attacked a base near Tovuz on Monday. The report said two soldiers were "
                       "killed.").claims
    assert "Report.az" not in {c.claimant for c in common}
    named = claims_of(extractor, "Rebels attacked a base near Tovuz on Monday, Report informs.").claims
    assert {c.claimant for c in named} == {"Report.az"}


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("The government condemned the murder of retired General Tomas Ayala in Tegucigalpa.", 1),
        ("THE PARTY DENOUNCED THE ASSASSINATION OF RAUL OSPINA VELEZ IN CALI ON 3 MAY.", 1),
        ("The killing of journalist Ana Ruiz and her driver in Cali was condemned.", 2),
        ("The strike ended a week after Judge Marta Ibarra's murder.", 1),
        ("THE BOMBING CLAIMED THE LIFE OF DEPUTY MAYOR JORGE SALAS.", 1),
        # "and of", "AND" in capitals, a time between the noun and "of", a translator's bracket
        ("THE PARTY DEMANDED AN INQUIRY INTO THE MURDER OF UNION LEADER RAMON DIAZ AND OF ATTORNEY ANA PEREZ.", 2),
        ("THE MINISTRY CONDEMNED THE KILLING OF SOCIALIST LEADER RAMON DIAZ AND PARTY LEADER ANA PEREZ.", 2),
        ("THE ASSASSINATION IN MARCH OF GENERAL TOMAS AYALA WAS PLOTTED ABROAD.", 1),
        ("WE CONDEMN THE MURDER OF [RETIRED] GENERAL TOMAS AYALA--A POLITICAL CRIME.", 1),
    ],
)
def test_a_person_named_after_a_killing_noun_is_a_victim(text: str, count: int) -> None:
    from clashlog.stages.named_victims import find_named_victims

    assert [(v.kind, v.count) for v in find_named_victims(text)] == [("killed", count)]


def test_a_named_victim_after_a_reporting_verb_and_with_an_age_is_counted() -> None:
    from clashlog.stages.named_victims import find_named_victims

    text = "WE REPORT THAT CITIZEN JUAN SOTO RIVAS, 42, WAS KILLED BY TWO BULLETS."
    assert [(v.kind, v.count) for v in find_named_victims(text)] == [("killed", 1)]


def test_the_victims_listed_after_the_following_are_counted() -> None:
    from clashlog.stages.named_victims import find_named_victims

    text = ("THE FOLLOWING POLICEMEN DIED IN COMBAT: MAJOR JUAN SOTO, CAPTAIN LUIS VEGA, LIEUTENANT "
            "PEDRO ROJAS AND SERGEANT ANGEL CRUZ.")
    assert [(v.kind, v.count) for v in find_named_victims(text)] == [("killed", 4)]


@pytest.mark.parametrize(
    "text",
    [
        "The murder of six Jesuit priests shocked the country.",  # a figure: the number reader counts it
        "The killing of the peace process was the aim of the attack.",
        "He called for the execution of the agreement.",
    ],
)
def test_a_killing_noun_before_no_person_names_no_victim(text: str) -> None:
    from clashlog.stages.named_victims import find_named_victims

    assert find_named_victims(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Deputy Governor Pavel Marenko was assassinated in Kherson on Monday in an attack in which two of his "
        "bodyguards were also killed, the police said.",
        "DEPUTY GOVERNOR PAVEL MARENKO WAS ASSASSINATED IN KHERSON ON MONDAY IN AN ATTACK IN WHICH TWO OF HIS "
        "BODYGUARDS WERE ALSO KILLED, THE POLICE SAID.",
    ],
)
def test_victims_also_killed_beside_a_named_one_add_up(extractor: Extractor, text: str) -> None:
    result = claims_of(extractor, text)
    assert sorted(c.value_low for c in result.claims if c.quantity_kind == "killed") == [1, 2]
    assert [e.fatalities for e in result.events] == [3]


def test_a_toll_that_claimed_lives_is_not_a_statement(extractor: Extractor) -> None:
    result = claims_of(extractor, "The shelling of Kramatorsk on Monday claimed the lives of two teachers.")
    assert all(c.claimant != "shelling of Kramatorsk" and "shelling" not in (c.claimant or "") for c in result.claims)
    assert [c.value_low for c in result.claims if c.quantity_kind == "killed"] == [2]


def test_a_watchman_killed_counts_one(extractor: Extractor) -> None:
    text = "Gunmen broke into a farm near Sevilla on Monday, killed a watchman and set fire to the barn."
    assert killed_values(extractor, text) == [1]


def test_a_victim_also_killed_in_a_later_sentence_adds_to_the_toll(extractor: Extractor) -> None:
    text = ("A Reuters cameraman, Oleh Dudko, was killed by shelling in Kherson on Monday. "
            "His driver was also killed.")
    result = claims_of(extractor, text)
    assert [e.fatalities for e in result.events] == [2]


def test_a_figure_restated_in_a_later_sentence_is_not_added(extractor: Extractor) -> None:
    text = "Two soldiers were killed by shelling in Bakhmut on Monday. The two soldiers were killed near a school."
    assert [e.fatalities for e in claims_of(extractor, text).events] == [2]


def test_a_claimant_in_a_translators_bracket_before_tonight_is_the_bracketed_name(extractor: Extractor) -> None:
    text = ('A COMMANDO UNIT, THE "JUAN REYES FRONT" [FRENTE JUAN REYES] TONIGHT CLAIMED RESPONSIBILITY FOR THE '
            "BOMBING OF A POWER STATION IN SANTA ANA.")
    assert {c.claimant for c in claims_of(extractor, text, published="1990-03-06").claims} == {"FRENTE JUAN REYES"}


def test_a_casualty_phrase_wrapped_across_lines_is_still_read() -> None:
    from clashlog.stages.claims_lexicon import load_claims_lexicon

    lex = load_claims_lexicon()
    # wire copy wraps at 70 columns: the whole phrase "DIED OF THEIR\nWOUNDS" is one cue
    phrase = "DIED OF THEIR\nWOUNDS"
    assert any(m is not None and m.group(0) == phrase
               for after, _before, _kind, _where in lex.cues for m in [after.search(phrase)])


def test_a_toll_reported_for_several_places_is_divided_among_their_events(extractor: Extractor) -> None:
    result = claims_of(extractor, "On 3 March 2022, gunmen attacked Kapan, Goris and Sisian, killing 26 civilians.")
    by_place = {e.location: e for e in result.events}
    assert {k: e.fatalities for k, e in by_place.items()} == {"Kapan": 9, "Goris": 9, "Sisian": 8}
    assert sum(e.fatalities for e in result.events) == 26  # never counted twice
    # every event of the report carries the claim it comes from
    claim_ids = {c.claim_id for c in result.claims if c.quantity_kind == "killed"}
    assert all(claim_ids <= set(e.claim_ids) for e in result.events)


def test_shot_dead_before_the_figure_counts_the_dead(extractor: Extractor) -> None:
    assert killed_values(extractor, "On 19 June 2016, militants shot dead two soldiers at a checkpoint in Arish.") == [2]


@pytest.mark.parametrize(
    "text",
    [
        "A man accused of stealing 11 goats was beaten to death at Moretele village near Taung.",
        "Armed men hijacked a minibus near Garissa and shot the driver dead.",
        "Members of the Imbonerakure beat an opposition activist to death in Muramvya on Sunday.",
        "The son of a local landowner was kidnapped and killed by a militia in Tajura on 21 June.",
    ],
)
def test_one_victim_killed_by_any_means_counts_one(extractor: Extractor, text: str) -> None:
    assert killed_values(extractor, text) == [1]


def test_a_victim_shot_but_not_dead_is_not_killed(extractor: Extractor) -> None:
    assert killed_values(extractor, "Police shot the suspect in the leg near Garissa.") == []


def test_victims_listed_before_a_figure_of_others_add_to_it(extractor: Extractor) -> None:
    assert killed_values(extractor, "Police said Rodriguez Gacha, his son, and 15 others were killed in the clash.") \
        == [17]
    assert killed_values(extractor, "The mayor, two of his bodyguards and 3 other people were killed in the ambush.") \
        == [6]
    # a place or a time before the figure is no victim
    assert killed_values(extractor, "In Kabul, 15 others were killed.") == [15]


def test_a_victim_named_after_a_two_word_title_counts_one(extractor: Extractor) -> None:
    assert killed_values(extractor, "Radio announcer Diego Vargas Escobar was assassinated today in Medellin.") == [1]


def test_a_doubled_or_dropped_l_in_killed_is_still_a_killing(extractor: Extractor) -> None:
    assert killed_values(extractor, "Dahalo attacked a bus near Ihosy, killling 31 including 10 children.") == [31]
    assert killed_values(extractor, "Gunmen kiled two farmers in Koh village.") == [2]


SUDAN = (
    "KHARTOUM, May 9 (Test Wire) - The Rapid Support Forces shelled a crowded market in El Fasher on "
    "Thursday, killing at least 12 civilians, according to the Sudanese army.\n\n"
    "Doctors at the Saudi hospital in El Fasher appealed for help, saying between 60 and 70 civilians "
    "had died in the attack.\n\n"
    "The paramilitary group said it had not targeted civilians, describing the accusations as propaganda "
    "spread by the army.\n\n"
    "The RSF said its forces had repelled an army offensive in the city and killed 20 soldiers.\n"
)


def test_a_named_group_is_its_lexicon_name_and_the_group_refers_back_to_it(extractor: Extractor) -> None:
    result = claims_of(extractor, SUDAN, outlet="Test Wire", published="2024-05-10")
    only(result.claims, claimant="Rapid Support Forces", stance="asserts", value_low=20)
    denial = only(result.claims, stance="denies")
    assert denial.claimant == "Rapid Support Forces"  # "the paramilitary group": the armed group named last


def test_a_dismissed_accusation_names_the_party_that_spread_it_and_its_event(extractor: Extractor) -> None:
    result = claims_of(extractor, SUDAN, outlet="Test Wire", published="2024-05-10")
    denial = only(result.claims, stance="denies")
    assert denial.denied_claimant == "Military Forces of Sudan"  # "propaganda spread by the army", in Sudan
    # the group denies harming civilians: of its two events, the market shelling is contested
    market = next(e for e in result.events if e.actor2 == "Civilians (Sudan)")
    assert denial.event_id == market.event_id and market.contested
    assert (market.fatalities, market.fatalities_low, market.fatalities_high) == (12, 12, 70)


def test_the_subject_of_a_clause_with_a_saying_participle_is_the_claimant(extractor: Extractor) -> None:
    result = claims_of(extractor, SUDAN, outlet="Test Wire", published="2024-05-10")
    doctors = only(result.claims, value_low=60)
    assert (doctors.claimant, doctors.value_high, doctors.via) == ("Doctors", 70, "Test Wire")


CONGO = (
    "GOMA, Democratic Republic of Congo, Feb 14 (Test Wire) - M23 rebels seized the town of Sake on Tuesday "
    "after two days of heavy fighting with the Congolese army, residents and a rebel spokesman said.\n\n"
    "Lawrence Kanyuka, a spokesman for the M23, told reporters the group had killed 40 FARDC soldiers.\n\n"
    "A spokesman for the Congolese army, Lieutenant-Colonel Guillaume Ndjike, said the rebels' claims were "
    "\"pure lies\" and that government forces had repelled the attack, killing 27 rebels.\n\n"
    "Kinshasa accuses Rwanda of backing the M23, which Kigali denies.\n"
)


def test_a_role_written_before_the_speakers_name_is_kept_with_it(extractor: Extractor) -> None:
    claims = claims_of(extractor, CONGO, outlet="Test Wire", published="2024-02-14").claims
    army = only(claims, value_low=27)
    assert army.claimant == "Lieutenant-Colonel Guillaume Ndjike, spokesman for the Congolese army"
    assert army.stance == "asserts"  # the figure after "pure lies" is the army's own


def test_dismissing_the_rebels_claims_denies_the_group_named_before(extractor: Extractor) -> None:
    result = claims_of(extractor, CONGO, outlet="Test Wire", published="2024-02-14")
    denial = only(result.claims, claimant="Lieutenant-Colonel Guillaume Ndjike, spokesman for the Congolese army",
                  stance="denies")
    assert denial.denied_claimant == "M23: March 23 Movement"
    assert only(result.claims, value_low=40).claimant == "Lawrence Kanyuka, spokesman for the M23"
    assert all(e.contested for e in result.events if e.event_id == denial.event_id)


def test_a_relative_clause_denial_is_the_other_partys_claim_beside_the_accusation(extractor: Extractor) -> None:
    claims = claims_of(extractor, CONGO, outlet="Test Wire", published="2024-02-14").claims
    accusation = only(claims, claimant="Government of Democratic Republic of Congo")
    denial = only(claims, claimant="Government of Rwanda")
    assert (accusation.stance, accusation.subject) == ("asserts", "Rwanda backing the M23")
    assert (denial.stance, denial.subject, denial.denied_claimant, denial.via) == (
        "denies",
        "Rwanda backing the M23",
        "Government of Democratic Republic of Congo",
        "Test Wire",
    )


YEMEN = (
    "SANAA, Yemen (Test Wire) — Yemen's Houthi rebels said on Sunday they had shot down an American MQ-9 "
    "Reaper drone over the central province of Marib.\n\n"
    "Separately, Saudi-led coalition air strikes killed at least eight people, including three children, in "
    "the Sahar district of Saada province, according to the Houthi-run health ministry. The coalition said it "
    "had targeted a weapons depot and denied hitting civilians, calling the reports \"baseless\".\n\n"
    "Medical sources in Saada put the toll at 11 dead and 20 wounded.\n"
)


def test_a_named_group_inside_a_longer_phrase_and_the_coalition_named_before_are_claimants(
    extractor: Extractor,
) -> None:
    result = claims_of(extractor, YEMEN, outlet="Test Wire", published="2024-03-04")
    houthis = only(result.claims, claimant="Ansar Allah")  # "Yemen's Houthi rebels said on Sunday they had ..."
    assert houthis.subject.startswith("they had shot down an American MQ-9 Reaper drone")
    denial = only(result.claims, stance="denies")
    assert (denial.claimant, denial.subject) == ("Military Forces of Saudi Arabia", "hitting civilians")
    # "calling the reports baseless": the reports are the health ministry's, the claimant before
    assert denial.denied_claimant == only(result.claims, value_low=8).claimant


def test_putting_the_toll_at_a_figure_is_a_claim_of_the_speaker(extractor: Extractor) -> None:
    claims = claims_of(extractor, YEMEN, outlet="Test Wire", published="2024-03-04").claims
    assert only(claims, value_low=11).claimant == "Medical sources"
    assert only(claims, value_low=20, quantity_kind="injured").claimant == "Medical sources"


AVDIIVKA = (
    "MOSCOW, Oct 12 (Test Wire) - Russia's Defence Ministry said on Thursday its forces had repelled six "
    "Ukrainian attacks near Avdiivka over the past 24 hours, killing up to 300 Ukrainian servicemen.\n\n"
    "Ukraine's military said its troops had beaten back the assaults. \"The enemy lost more than 400 personnel "
    "in the Avdiivka direction alone,\" spokesman Oleksandr Shtupun told Ukrainian television.\n\n"
    "Kyiv says Russia has lost more than 290,000 troops since the start of the invasion, a figure Moscow "
    "dismisses as propaganda.\n"
)


def test_a_figure_another_party_dismisses_is_its_denial_of_a_war_total(extractor: Extractor) -> None:
    result = claims_of(extractor, AVDIIVKA, outlet="Test Wire", published="2023-10-12")
    total = only(result.claims, value_low=290000)
    denial = only(result.claims, stance="denies")
    assert (total.claimant, total.cumulative) == ("Government of Ukraine", True)
    assert (denial.claimant, denial.denied_claimant) == ("Government of Russia", "Government of Ukraine")
    # a denial of a war total is about no one event
    assert denial.cumulative and denial.event_id is None


def test_told_a_countrys_television_relays_through_that_television(extractor: Extractor) -> None:
    claims = claims_of(extractor, AVDIIVKA, outlet="Test Wire", published="2023-10-12").claims
    assert only(claims, value_low=400).via == "Ukrainian television"


def test_a_ministrys_forces_are_its_countrys_military_and_the_country_alone_is_the_same_event(
    extractor: Extractor,
) -> None:
    result = claims_of(extractor, AVDIIVKA, outlet="Test Wire", published="2023-10-12")
    battles = [e for e in result.events if e.event_type == "Battles"]
    assert [(e.actor1, e.actor2, e.location) for e in battles] == [
        ("Military Forces of Russia", "Military Forces of Ukraine", "Avdiyivka")
    ]


BOULKESSI = (
    "BAMAKO (Test Wire) - The Malian army said it had \"neutralised\" around 30 terrorists after jihadists "
    "attacked its camp at Boulkessi near the border with Burkina Faso on Tuesday, acknowledging the loss of "
    "11 soldiers.\n\n"
    "The al Qaeda-linked JNIM group claimed responsibility for the attack in a statement, saying its fighters "
    "had killed 45 soldiers.\n\n"
    "Local sources told Test Wire the toll was much higher, with at least 60 dead. The army dismissed these "
    "figures as \"fanciful\".\n"
)


def test_each_sides_figures_of_one_attack_are_kept_and_reconciled(extractor: Extractor) -> None:
    result = claims_of(extractor, BOULKESSI, outlet="Test Wire", published="2024-05-10")
    army = "Military Forces of Mali"
    assert only(result.claims, value_low=30).claimant == army  # 'had "neutralised" around 30 terrorists'
    assert (only(result.claims, value_low=11).claimant, only(result.claims, value_low=11).quantity_kind) == (
        army,
        "killed",
    )  # "the loss of 11 soldiers": soldiers lost are dead
    jnim = only(result.claims, value_low=45)
    assert jnim.side == "Mali"  # the soldiers a group fighting in Mali killed are Mali's
    denial = only(result.claims, stance="denies")
    assert (denial.claimant, denial.subject, denial.denied_claimant) == (army, "these figures", "Local sources")
    (ev,) = result.events
    assert (ev.event_type, ev.actor1, ev.actor2, ev.country) == (
        "Battles",  # "neutralised" terrorists are killed, not a bomb made safe
        "JNIM: Group for Support of Islam and Muslims",  # it claimed the attack on the army's camp
        army,
        "Mali",  # not Burkina Faso, across the border
    )
    # the army's own toll (30 + 11) is the lowest; the local sources' 60 the highest; the denial contests it
    assert (ev.fatalities, ev.fatalities_low, ev.fatalities_high, ev.contested) == (41, 41, 60, True)
    assert denial.event_id == ev.event_id


@pytest.mark.parametrize(
    ("raw", "claimant"),
    [
        ("Yemen's Houthi rebels", "Ansar Allah"),  # a country and group words around the group's name
        ("the Iran-backed Houthi rebels", "Ansar Allah"),  # "-linked" says whom it is tied to, not who it is
        ("Houthi military spokesman Yahya Saree", "Houthi military spokesman Yahya Saree"),  # a person
        ("Houthi-run health ministry", "Ministry of Health"),  # an institution the group runs
    ],
)
def test_a_named_group_inside_a_claimant_phrase_is_the_group_only_when_nothing_else_is_named(
    raw: str, claimant: str
) -> None:
    norm = ClaimantNormalizer(default_attribution_lexicon())
    norm.note_actors([(0, 13, "Houthi rebels", "Ansar Allah", "rebels")])
    norm.position = 100
    assert norm.normalize(raw) == claimant


def test_the_junta_is_the_government_of_the_country_the_report_is_about(extractor: Extractor) -> None:
    text = ("A military airstrike on Pazi Gyi village in Kanbalu township of Sagaing region killed at least 17 "
            "people on Saturday, residents said.\n\nThe junta's information team said in a statement that "
            "security forces had attacked a \"terrorist\" camp in the area and denied that civilians had been "
            "targeted.\n")
    d = only(claims_of(extractor, text, outlet="Test Wire", published="2023-03-05").claims, stance="denies")
    assert (d.claimant, d.subject) == ("Government of Myanmar", "that civilians had been targeted")


def test_calling_a_countrys_account_a_lie_denies_that_countrys_claimant(extractor: Extractor) -> None:
    text = ("GAZA, June 8 (Test Wire) - An Israeli strike on a school in the Nuseirat refugee camp killed at least "
            "33 people, the Gaza health ministry said.\n\nThe Israeli military said it had killed around 20 "
            "militants in a compound inside the school.\n\nHamas denied that its fighters had been in the school, "
            "calling the Israeli account \"a blatant lie\".\n")
    result = claims_of(extractor, text, outlet="Test Wire", published="2024-06-08")
    d = only(result.claims, stance="denies")
    assert (d.claimant, d.denied_claimant) == ("Hamas Movement", "Military Forces of Israel")
    (ev,) = result.events
    assert (ev.sub_event_type, ev.actor1, d.event_id, ev.contested) == (
        "Air/drone strike",
        "Military Forces of Israel",
        ev.event_id,
        True,
    )


def test_a_relative_clause_between_the_speaker_and_the_verb_is_an_aside(extractor: Extractor) -> None:
    claims = claims_of(extractor, "A local official, who asked not to be named, put the death toll among the "
                                  "soldiers at between 20 and 25.").claims
    c = only(claims, quantity_kind="killed")
    assert (c.claimant, c.value_low, c.value_high) == ("local official", 20, 25)


def test_a_statement_reported_after_another_source_does_not_speak_for_the_article(extractor: Extractor) -> None:
    text = ("Gunmen killed 14 soldiers in an attack on an army post near Djibo on Sunday, two security "
            "sources said.\n\n"
            "The army said in a statement on Monday that air support had been deployed.\n\n"
            "Nine other soldiers were wounded in the attack.")
    claims = claims_of(extractor, text, outlet="Reuters").claims
    assert only(claims, quantity_kind="injured").claimant == "Reuters"


def test_figures_called_exaggerated_are_denied_with_their_first_claimant(extractor: Extractor) -> None:
    text = ("Air strikes killed 12 people at a market in Saada province on Thursday, the Houthi-run health "
            "ministry said.\n\nThe coalition called the Houthi figures \"exaggerated\".")
    denial = only(claims_of(extractor, text).claims, stance="denies")
    assert denial.denied_claimant == "Ministry of Health"


def test_a_speaker_followed_by_an_appositive_about_something_else_still_speaks(extractor: Extractor) -> None:
    text = ("A nurse at Al-Aqsa Hospital, the only hospital still open in the area, said it had received "
            "18 bodies.")
    c = only(claims_of(extractor, text).claims, quantity_kind="killed")
    assert (c.claimant, c.value_low) == ("nurse", 18)


def test_a_toll_put_as_high_as_a_figure_is_an_upper_bound(extractor: Extractor) -> None:
    c = only(claims_of(extractor, "Local media put the death toll as high as 100.").claims, quantity_kind="killed")
    assert (c.claimant, c.value_low, c.value_high) == ("Local media", None, 100)


def test_an_institution_whose_name_goes_on_with_on_or_for_keeps_its_whole_name(extractor: Extractor) -> None:
    text = ("Police fired live rounds at protesters in Nairobi on Tuesday, killing at least two people, according "
            "to the Kenya National Commission on Human Rights.")
    assert only(claims_of(extractor, text).claims, quantity_kind="killed").claimant == (
        "Kenya National Commission on Human Rights")


def test_speakers_counted_after_a_toll_are_not_added_to_it(extractor: Extractor) -> None:
    text = ("A drone strike on a market killed at least 30 civilians on Sunday, three witnesses and a health "
            "worker told Reuters.")
    assert killed_values(extractor, text) == [30]


def test_a_vague_count_of_one_sides_dead_does_not_lower_the_toll(extractor: Extractor) -> None:
    text = ("At least 15 people were killed in clashes between police and gang members in Port-au-Prince on "
            "Friday, a rights group said. Police said they had killed \"several bandits\".")
    (ev,) = claims_of(extractor, text).events
    assert ev.fatalities == 15


def test_a_capitals_dismissal_of_the_other_capitals_tallies_names_both(extractor: Extractor) -> None:
    denial = only(claims_of(extractor, "Moscow has dismissed Kyiv's tallies as propaganda.").claims, stance="denies")
    assert (denial.claimant, denial.denied_claimant) == ("Government of Russia", "Government of Ukraine")


def test_a_group_reporting_in_a_relative_clause_and_a_bare_army_after_its_full_name(extractor: Extractor) -> None:
    text = ("The Malian Armed Forces (FAMa) said Thursday they had repelled an attack on their post in "
            "Tidermene, killing about fifteen assailants. Five soldiers were killed, the army said.\n\n"
            "The attack was claimed by the Islamic State in the Greater Sahara (EIGS), which said it had killed "
            "\"dozens\" of soldiers.")
    result = claims_of(extractor, text)
    killed = [(c.claimant, c.value_low, c.side) for c in result.claims if c.quantity_kind == "killed"]
    assert killed == [("Military Forces of Mali", 15, "assailants"), ("Military Forces of Mali", 5, "Mali"),
                      ("Islamic State (Greater Sahara)", 24, None)]
    (ev,) = result.events
    assert (ev.fatalities, ev.fatalities_high) == (20, 24)  # the army's two figures add up; the group's is higher


def test_relatives_alleging_are_the_claimants_the_army_denies(extractor: Extractor) -> None:
    text = ("Police detained eight civilians for questioning, and relatives alleged that three of them died in "
            "army custody. The army denied the allegations.")
    claims = claims_of(extractor, text).claims
    assert only(claims, quantity_kind="killed").claimant == "relatives"
    assert only(claims, stance="denies").denied_claimant == "relatives"


def test_what_followed_from_a_ministrys_account_is_part_of_it(extractor: Extractor) -> None:
    text = ("Units of the Azerbaijani armed forces opened fire at Armenian positions near Norabak on March 25, the "
            "Armenian Defense Ministry reported.\n\nAs a result, a serviceman of the Armenian armed forces was "
            "wounded.\n\nThe Azerbaijani Defense Ministry denied the report, saying that the information spread by "
            "the Armenian side does not reflect the reality.")
    claims = claims_of(extractor, text, outlet="ARKA").claims
    assert only(claims, quantity_kind="injured").claimant == "Ministry of Defense of Armenia"
    assert only(claims, stance="denies").denied_claimant == "Ministry of Defense of Armenia"


def test_an_officer_named_with_his_service_is_the_person_not_the_service(extractor: Extractor) -> None:
    c = only(claims_of(extractor, "Police officer Abdullahi Hassan said two people were killed in Hodan.").claims,
             quantity_kind="killed")
    assert c.claimant == "Police officer Abdullahi Hassan"


def test_a_reporting_verb_joined_by_and_shares_the_sentences_subject(extractor: Extractor) -> None:
    text = "Moscow does not publish its own casualty figures and has dismissed Kyiv's tallies as propaganda."
    denial = only(claims_of(extractor, text).claims, stance="denies")
    assert (denial.claimant, denial.denied_claimant) == ("Government of Russia", "Government of Ukraine")


SUDAN_BARA = (
    "KHARTOUM (Reuters) - The Rapid Support Forces said on Sunday it had killed more than 100 army soldiers in "
    "fighting for control of the town of Bara in North Kordofan. The army said it had repelled the attack and put "
    "the RSF's losses at 300 fighters, a figure the paramilitary group dismissed as \"pure fabrication\"."
)


def test_a_side_putting_the_others_losses_at_a_figure_and_the_other_dismissing_it(extractor: Extractor) -> None:
    result = claims_of(extractor, SUDAN_BARA, outlet="Reuters", published="2025-05-11")
    losses = only(result.claims, quantity_kind="killed_or_injured", value_low=300)
    # "the army" of a report on fighting in Sudan, no other country's forces named: Sudan's army
    assert (losses.claimant, losses.side) == ("Military Forces of Sudan", "Rapid Support Forces")
    denial = only(result.claims, stance="denies")
    assert denial.claimant == "Rapid Support Forces"  # "the paramilitary group": the group named before


def test_a_military_disputing_a_toll_denies_it_and_the_targets_it_struck_are_no_dead(extractor: Extractor) -> None:
    result = claims_of(extractor, "GAZA (AP) - The Gaza Health Ministry said Israeli strikes killed 42 people "
                                  "overnight, including 15 children. The Israeli military said it struck dozens of "
                                  "Hamas targets and disputed the toll.", published="2024-05-10")
    assert [c.value_low for c in result.claims if c.quantity_kind == "killed"] == [42]
    assert only(result.claims, stance="denies").claimant == "Military Forces of Israel"
    [ev] = result.events
    assert (ev.sub_event_type, ev.actor1, ev.actor2, ev.fatalities) == (
        "Air/drone strike", "Military Forces of Israel", "Civilians (Palestine)", 42)


def test_a_disputed_region_is_no_denial(extractor: Extractor) -> None:
    result = claims_of(extractor, "Azerbaijani forces shelled villages in the disputed region of Nagorno-Karabakh "
                                  "on Monday, Armenia said.")
    assert not [c for c in result.claims if c.stance == "denies"]


def test_two_figures_joined_across_a_named_unit_with_its_acronym_add_up(extractor: Extractor) -> None:
    assert killed_values(extractor, "Suspected jihadists killed at least 15 Volunteers for the Defence of the "
                                    "Homeland (VDP) auxiliaries and five soldiers in Burkina Faso on Saturday.") == [20]


def test_a_toll_since_the_protests_began_is_a_running_total_and_no_protest_of_its_own(extractor: Extractor) -> None:
    result = claims_of(extractor, "NAIROBI (Reuters) - Kenyan police fired tear gas at protesters in Nairobi on "
                                  "Tuesday, a Reuters witness said.\n\nRights groups say at least 39 people have "
                                  "been killed since the protests began on June 18.", published="2024-07-02")
    assert only(result.claims, value_low=39).cumulative
    assert [e.event_date for e in result.events] == ["2024-07-02"]


def test_an_officer_named_after_a_toll_as_its_source_is_not_counted(extractor: Extractor) -> None:
    assert killed_values(extractor, "Al-Shabaab fighters attacked a military base in Middle Shabelle region on "
                                    "Thursday, killing at least seven soldiers, a Somali army officer said.") == [7]


def test_a_plural_demonym_names_the_side_of_the_dead(extractor: Extractor) -> None:
    result = claims_of(extractor, "Israeli forces killed six Palestinians in a raid on the Jenin refugee camp on "
                                  "Monday, the Palestinian health ministry said.", published="2024-01-08")
    assert only(result.claims, value_low=6).side == "Palestine"


def test_each_side_counting_its_own_dead_adds_up_to_the_toll(extractor: Extractor) -> None:
    result = claims_of(extractor, "RAMALLAH (Reuters) - Israeli forces killed six Palestinians in a raid on the "
                                  "Jenin refugee camp in the occupied West Bank on Monday, the Palestinian health "
                                  "ministry said.\n\nAn Israeli border police officer was killed by an explosive "
                                  "device during the raid, the military said.", published="2024-01-08")
    assert [(e.location, e.fatalities) for e in result.events] == [("Janin", 7)]


def test_a_count_of_one_sides_dead_does_not_undercut_a_toll_of_everyone(extractor: Extractor) -> None:
    result = claims_of(extractor, "DUBAI (Reuters) - Security forces killed at least 41 people in clashes in the "
                                  "city of Zahedan on Friday, an Iranian rights group said.\n\nState media said "
                                  "gunmen had attacked a police station in the city, sparking an exchange of fire "
                                  "in which several members of the Revolutionary Guards were killed.",
                       published="2022-10-01")
    assert only(result.claims, claimant="State media").side == "Iran"
    assert [e.fatalities for e in result.events] == [41]


def test_a_verb_right_before_the_next_figure_is_that_figures(extractor: Extractor) -> None:
    result = claims_of(extractor, "TBILISI (Reuters) - Georgian police used water cannon to disperse thousands of "
                                  "protesters outside parliament overnight, detaining 107 people, the interior "
                                  "ministry said on Sunday.", published="2024-12-01")
    assert [(c.quantity_kind, c.value_low) for c in result.claims if c.claim_type == "casualties"] == [
        ("captured", 107)]


def test_a_toll_since_an_insurgency_flared_is_a_running_total(extractor: Extractor) -> None:
    result = claims_of(extractor, "More than 7,300 people have been killed since the insurgency in the "
                                  "Muslim-majority provinces flared in 2004, according to Deep South Watch.")
    assert only(result.claims, value_low=7300).cumulative


def test_a_foreign_national_named_in_passing_does_not_make_the_army_foreign(extractor: Extractor) -> None:
    result = claims_of(extractor, "JAKARTA (Reuters) - Separatist rebels killed at least six soldiers in an attack "
                                  "in Nduga regency on Saturday, the military said.\n\nThe soldiers were searching "
                                  "for a New Zealand pilot held hostage since February.", published="2023-04-18")
    assert "New Zealand" not in (only(result.claims, value_low=6).claimant or "")


def test_a_state_claimant_counting_soldiers_its_enemy_killed_counts_its_own(extractor: Extractor) -> None:
    result = claims_of(extractor, "YAOUNDE (Reuters) - Separatist fighters killed four soldiers in an ambush near "
                                  "Kumbo on Sunday, the army said.\n\nThe military said troops killed six of the "
                                  "attackers in the ensuing gunfight.", published="2024-11-12")
    assert only(result.claims, value_low=4).side == "Cameroon"
    assert [e.fatalities for e in result.events] == [10]


def test_a_vague_amount_is_no_count_against_another_claimants_figure(extractor: Extractor) -> None:
    result = claims_of(extractor, "BAMAKO (AFP) - A Malian army drone strike killed at least 13 civilians at a "
                                  "wedding in Gao region on Sunday, relatives said.\n\nThe army said it had targeted "
                                  "a gathering of terrorists and neutralised several of them.", published="2024-03-20")
    assert [e.fatalities for e in result.events] == [13]


def test_a_national_toll_over_many_strikes_is_no_toll_of_one(extractor: Extractor) -> None:
    result = claims_of(extractor, "Lebanon's health ministry said 37 people had been killed in Israeli strikes across "
                                  "the country over the past 24 hours.", published="2024-10-04")
    assert only(result.claims, value_low=37).cumulative


def test_last_months_election_does_not_date_the_unrest(extractor: Extractor) -> None:
    result = claims_of(extractor, "MAPUTO (Reuters) - Police fired tear gas at protesters in Maputo on Thursday as "
                                  "thousands disputed the results of last month's election.\n\nProtesters burned "
                                  "tyres and blocked roads in Matola and Beira.", published="2024-11-08")
    assert {e.event_date for e in result.events} == {"2024-11-07"}


def test_a_restrictive_relative_clause_after_the_speaker_says_which_ones(extractor: Extractor) -> None:
    result = claims_of(extractor, "Residents who fled the fighting said at least 20 people were killed in the "
                                  "village.\n\nTwo security officials who spoke on condition of anonymity said 12 "
                                  "soldiers were wounded.", outlet="AP")
    assert [c.claimant for c in result.claims if c.claim_type == "casualties"] == [
        "Residents", "Two security officials"]
