"""Event coding end to end: text in, ACLED-coded events out (real pipeline, our own texts)."""

from __future__ import annotations

import pytest

from clashlog.model import Event, RawArticle
from clashlog.pipeline import Extractor

PUBLISHED = "2022-09-14"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


def events(extractor: Extractor, text: str, *, published: str = PUBLISHED) -> list[Event]:
    result = extractor.process(RawArticle(source="test", text=text, outlet="Test Wire"), published=published)
    assert not result.errors
    return result.events


def one(extractor: Extractor, text: str) -> Event:
    evs = events(extractor, text)
    assert evs, "no event"
    return evs[0]


def test_coordinated_directions_give_one_event_each(extractor: Extractor) -> None:
    evs = events(
        extractor,
        "On September 13, units of the Armenian armed forces shelled the positions of the Azerbaijani army "
        "in the Dashkasan, Kalbajar and Lachin directions.",
    )
    assert len(evs) == 3
    assert {e.location for e in evs} == {"Dashkasan", "Kalbajar", "Lachin"}
    assert {e.sub_event_type for e in evs} == {"Shelling/artillery/missile attack"}
    assert {e.actor1 for e in evs} == {"Military Forces of Armenia"}
    assert len({e.event_id for e in evs}) == 3


def test_the_subject_of_an_active_verb_is_actor1(extractor: Extractor) -> None:
    ev = one(extractor, "On 12 September 2022, Azerbaijani troops fired on the positions of the Armenian army near Jermuk.")
    assert (ev.event_type, ev.sub_event_type) == ("Battles", "Armed clash")
    assert ev.actor1 == "Military Forces of Azerbaijan"
    assert ev.actor2 == "Military Forces of Armenia"
    assert ev.event_date == "2022-09-12"


def test_the_by_agent_of_a_passive_verb_is_actor1(extractor: Extractor) -> None:
    ev = one(extractor, "On 12 September 2022, an Armenian soldier was wounded by Azerbaijani forces near Jermuk.")
    assert ev.actor1 == "Military Forces of Azerbaijan"
    assert ev.actor2 == "Military Forces of Armenia"


def test_an_unknown_perpetrator_is_an_unidentified_armed_group_of_the_country(extractor: Extractor) -> None:
    ev = one(extractor, "On 2 May 2021, a bomb exploded in front of a bank in Mandalay. Casualties unknown.")
    assert ev.sub_event_type == "Remote explosive/landmine/IED"
    assert ev.actor1 == "Unidentified Armed Group (Myanmar)"
    assert ev.country == "Myanmar"


def test_a_peaceful_protest_has_no_actor2(extractor: Extractor) -> None:
    ev = one(extractor, "On 5 September 2022, hundreds of teachers held a protest in Yerevan and demanded higher wages.")
    assert (ev.event_type, ev.sub_event_type) == ("Protests", "Peaceful protest")
    assert ev.actor1 == "Protesters (Armenia)" and ev.actor2 is None
    assert ev.inter1 == 6


def test_police_intervening_makes_a_protest_with_intervention(extractor: Extractor) -> None:
    ev = one(
        extractor,
        "On 5 September 2022, residents blocked a road in Yerevan to protest against water cuts. "
        "Police dispersed the protesters and detained 12 people.",
    )
    assert ev.sub_event_type == "Protest with intervention"
    assert ev.actor1 == "Protesters (Armenia)"
    assert ev.actor2 == "Police Forces of Armenia"


def test_an_arrest_mentioned_as_the_protest_cause_is_not_an_intervention(extractor: Extractor) -> None:
    ev = one(extractor, "On 5 September 2022, supporters of the arrested mayor held a rally in Yerevan demanding his release.")
    assert ev.sub_event_type == "Peaceful protest"


def test_a_ceasefire_agreed_is_an_agreement_between_governments(extractor: Extractor) -> None:
    ev = one(extractor, "On 14 September 2022, Armenia and Azerbaijan agreed to a ceasefire after talks in Moscow.")
    assert (ev.event_type, ev.sub_event_type) == ("Strategic developments", "Agreement")
    assert {ev.actor1, ev.actor2} == {"Government of Armenia", "Government of Azerbaijan"}


def test_mines_defused_are_disrupted_weapons_use(extractor: Extractor) -> None:
    ev = one(extractor, "On 10 September 2022, Azerbaijani sappers defused 40 anti-tank mines near Lachin.")
    assert (ev.event_type, ev.sub_event_type) == ("Strategic developments", "Disrupted weapons use")


def test_a_civilian_target_makes_violence_against_civilians(extractor: Extractor) -> None:
    ev = one(extractor, "On 3 September 2022, soldiers opened fire on civilians in a market in Mandalay.")
    assert (ev.event_type, ev.sub_event_type) == ("Violence against civilians", "Attack")
    assert ev.civilian_targeting == "Civilian targeting"
    assert ev.actor2 == "Civilians (Myanmar)"


@pytest.mark.parametrize(
    "text",
    [
        "Baku is not interested in whipping up military tension and did not fire on the border.",
        "The enemy is preparing for a provocation on the border.",
        "The foreign ministry called for an immediate cessation of hostilities.",
        "Officials threatened to shell the villages if the talks fail.",
        "If the talks fail, the army will attack the town.",
    ],
)
def test_negated_future_hypothetical_and_rhetorical_mentions_are_not_events(extractor: Extractor, text: str) -> None:
    assert events(extractor, text) == []


def test_a_report_without_any_date_emits_no_event(extractor: Extractor) -> None:
    result = extractor.process(RawArticle(source="t", text="Troops shelled the town of Lachin."))
    assert result.events == []


def test_the_event_carries_evidence_notes_and_source(extractor: Extractor) -> None:
    text = "On 12 September 2022, Azerbaijani troops fired on the positions of the Armenian army near Jermuk."
    ev = one(extractor, text)
    (evidence,) = ev.evidence
    assert text[evidence.start : evidence.end] == evidence.text
    assert ev.notes.startswith("On 12 September 2022")
    assert ev.source == "Test Wire"


# the three shared sample situations, rewritten in our own words
def test_sample_style_night_provocations_in_three_districts(extractor: Extractor) -> None:
    text = (
        "Defence ministry: enemy provocations on the border\n\n"
        "During the night of September 13, sabotage groups of the Armenian armed forces fired intensively "
        "at the positions of the Azerbaijani army in the Kalbajar and Lachin districts using mortars, "
        "the ministry said.\n\n"
        "The ministry called on the other side to refrain from further provocations."
    )
    evs = events(extractor, text)
    assert {e.location for e in evs} == {"Kalbajar", "Lachin"}
    assert all(e.actor1 == "Military Forces of Armenia" for e in evs)
    assert all(e.event_date == "2022-09-13" for e in evs)


def test_sample_style_statement_that_only_talks_about_peace(extractor: Extractor) -> None:
    text = (
        "The ministry said the country is not interested in an escalation and urged the other side to stop "
        "preparing for new provocations. It called for an end to hostilities and a return to talks."
    )
    assert events(extractor, text) == []


def test_sample_style_soldier_killed_in_a_provocation(extractor: Extractor) -> None:
    ev = one(
        extractor,
        "On December 8, 2021, as a result of a provocation by Armenian armed forces in the direction of Kalbajar, "
        "an Azerbaijani serviceman was killed.",
    )
    assert ev.event_type == "Battles"
    assert ev.actor1 == "Military Forces of Armenia"
    assert ev.actor2 == "Military Forces of Azerbaijan"
    assert ev.event_date == "2021-12-08"


def test_the_attacker_of_a_repulsed_attack_is_actor1(extractor: Extractor) -> None:
    ev = one(extractor, "On 2 July 2016, AMISOM forces repulsed an Al Shabaab attack on their base in Afgooye.")
    assert ev.event_type == "Battles"
    assert ev.actor1 == "Al Shabaab"
    assert ev.actor2 == "AMISOM: African Union Mission in Somalia"


def test_the_side_that_lost_men_in_clashes_is_a_party_to_them(extractor: Extractor) -> None:
    ev = one(extractor, "Three Libyan government troops were killed on 2 July 2016 in clashes with the Islamic State in Sirte.")
    assert {ev.actor1, ev.actor2} == {"Military Forces of Libya", "Islamic State"}


def test_a_trigger_word_inside_a_group_name_is_not_an_event(extractor: Extractor) -> None:
    evs = events(extractor, "On 3 January 1990, the Farabundo Marti National Liberation Front held a press conference in Mexico City.")
    assert all(e.sub_event_type != "Government regains territory" for e in evs)


def test_a_crowd_that_attacks_someone_is_mob_violence(extractor: Extractor) -> None:
    ev = one(extractor, "On 3 August 2018, about 30 men beat up nine activists in the village of Goris.")
    assert (ev.event_type, ev.sub_event_type) == ("Riots", "Mob violence")
    assert ev.actor1 == "Rioters (Armenia)"
