"""The trigger scan: each ACLED sub-type has trigger words, and cue words keep
negated, future, hypothetical and rhetorical mentions from becoming events."""

from __future__ import annotations

import pytest

from clashlog.stages.triggers import lexical_flags, load_rules, scan


def classes(text: str) -> set[str]:
    return {t.cls for t in scan(text)}


def subtypes(text: str) -> set[str]:
    return {t.sub_event_type for t in scan(text) if t.sub_event_type}


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("The two sides exchanged fire near the village.", "Armed clash"),
        ("Troops opened fire on the rebel positions.", "Armed clash"),
        ("The army shelled the town with mortars.", "Shelling/artillery/missile attack"),
        ("Jets carried out air strikes on the camp.", "Air/drone strike"),
        ("A drone strike hit the convoy.", "Air/drone strike"),
        ("A farmer stepped on a landmine.", "Remote explosive/landmine/IED"),
        ("A roadside bomb exploded near the market.", "Remote explosive/landmine/IED"),
        ("Two men threw a grenade at the police post.", "Grenade"),
        ("A suicide bomber blew himself up at the checkpoint.", "Suicide bomb"),
        ("Gunmen kidnapped three aid workers.", "Abduction/forced disappearance"),
        ("Hundreds of teachers held a protest outside the ministry.", "Peaceful protest"),
        ("Rioters threw stones at the police.", "Violent demonstration"),
        ("An angry mob lynched the suspect.", "Mob violence"),
        ("The parties signed a ceasefire agreement in the capital.", "Agreement"),
        ("Sappers defused two anti-tank mines on the road.", "Disrupted weapons use"),
        ("Police arrested the mayor on corruption charges.", "Arrests"),
        ("Militiamen looted the shops and torched houses.", "Looting/property destruction"),
        ("Soldiers conducted large-scale military exercises near the border.", "Change to group/activity"),
    ],
)
def test_each_sub_type_has_a_trigger(text: str, sub: str) -> None:
    assert sub in subtypes(text)


def test_a_gold_mine_is_not_a_landmine() -> None:
    assert "ied" not in classes("Residents protested against the gold mine in the valley.")


@pytest.mark.parametrize(
    "text",
    ["Fighters overran a bomb-making factory in Sirte.", "Villagers hid in bomb shelters.",
     "A bomb threat closed the airport.", "The embassy has bomb-proof windows."],
)
def test_a_thing_named_after_bombs_is_no_explosion(text: str) -> None:
    assert "ied" not in classes(text)


def test_the_month_of_march_is_not_a_protest_march() -> None:
    assert "protest" not in classes("On 3 March, soldiers fired on the positions near the village.")


def test_intervention_cues_are_modifiers_not_events() -> None:
    found = [t for t in scan("Police dispersed the crowd with tear gas.") if t.cls == "intervene"]
    assert found and all(t.is_modifier for t in found)


def test_overlapping_matches_keep_the_longer_phrase() -> None:
    found = scan("A suicide bomb attack killed five.")
    assert any(t.text.lower().startswith("suicide bomb") for t in found)
    assert not any(t.text.lower() == "bomb" for t in found)


@pytest.mark.parametrize(
    ("sentence", "trigger", "kind"),
    [
        ("The army did not shell the village.", "shell", "negation"),
        ("The ministry warned that the rebels will attack the town.", "attack", "future"),
        ("If the talks fail, the army could shell the town.", "shell", "hypothetical"),
        ("The UN called for an immediate cessation of hostilities.", "hostilities", "rhetorical"),
        ("The enemy is preparing for a provocation on the border.", "provocation", "rhetorical"),
    ],
)
def test_cue_words_before_a_trigger_are_flagged(sentence: str, trigger: str, kind: str) -> None:
    assert kind in lexical_flags(sentence, sentence.index(trigger))


def test_plain_reports_carry_no_flags() -> None:
    sentence = "On 21 May, troops fired on the positions near the village."
    assert lexical_flags(sentence, sentence.index("fired")) == set()


def test_every_rule_has_a_known_event_type() -> None:
    known = {"", "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
             "Strategic developments"}
    assert {r.event_type for r in load_rules()} <= known


def test_anchor_prefixes_are_read_off_the_pattern() -> None:
    from clashlog.stages.anchors import first_word_prefixes

    assert first_word_prefixes(r"(?:stepped|struck) (?:on )?mines?|land ?mines?") == {"stepped", "struck", "land", "landmine", "landmines"}
    assert first_word_prefixes(r"\w+ exploded") is None  # a wildcard first word: run everywhere


@pytest.mark.parametrize(
    "text",
    [
        "ON 3 JAN 90, TERRORISTS ATTACKED THE GARRISON. A FEW MINUTES AFTER THE FIGHTING BEGAN,\nTHE TROOPS WITHDREW.",
        "Protesters in Tbilisi-based groups blocked the road; police dispersed them. Two\nmortar rounds exploded.",
        "İstanbul: the car-protest ended after riot police used tear gas. Gunmen shot dead a guard.",
    ],
)
def test_the_anchored_scan_finds_what_a_full_scan_finds(text: str) -> None:
    import re

    from clashlog.stages.triggers import load_rules

    anchored = {(t.start, t.end, t.cls) for t in scan(text)}
    full = set()
    for rule in load_rules():
        rx = re.compile(r"(?<!\w)(?:" + rule.pattern + r")(?![\w-])", re.I)
        full |= {(m.start(), m.end(), rule.cls) for m in rx.finditer(text)}
    assert anchored and anchored <= full
    # every full-scan match either was found or lost an overlap to a longer/stronger trigger
    for s, e, cls in full - anchored:
        assert any(a_s < e and s < a_e for a_s, a_e, _ in anchored) or cls == "mask", (s, e, cls)


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Military forces encounter Boko Haram fighters near the lake.", "Armed clash"),
        ("Two soldiers died in an encounter with militants.", "Armed clash"),
        ("The air force launched nine offensives on the city centre.", "Air/drone strike"),
        ("Government jets bombed the rebel camp.", "Air/drone strike"),
        ("Doctors went on a 48-hour strike over unpaid wages.", "Peaceful protest"),
        ("Thousands took to the streets of the capital.", "Peaceful protest"),
        ("Traders burnt tyres on the main road.", "Violent demonstration"),
        ("Demonstrators broke into the town hall.", "Violent demonstration"),
        ("Riot police clashed with students outside the campus.", "Violent demonstration"),
        ("The rebels took control of the district capital.", "Non-state actor overtakes territory"),
        ("The leaders declared a cessation of hostilities.", "Agreement"),
        ("The interior minister resigned on Friday.", "Other"),
        ("A court sentenced the activist to five years in prison.", "Other"),
        ("Party supporters burnt the party offices.", "Looting/property destruction"),
        ("Unidentified gunmen assassinate a judge.", "Attack"),
        ("Prison guards began a 24-hour strike on Monday.", "Peaceful protest"),
        ("More than 400 members of the party defect to the ruling party.", "Change to group/activity"),
        ("Students burnt down seven of their 12 dormitories.", "Looting/property destruction"),
        ("Power company workers demonstrated against its planned privatization in Accra.", "Peaceful protest"),
        ("The employees of a state company launched a three-day strike.", "Peaceful protest"),
        # a strike on a building, or one carried out, is from the air; a strike on a weekday is a walk-out
        ("An Israeli strike on a school in Nuseirat killed 33 people.", "Air/drone strike"),
        ("The military said it had carried out a \"precise strike\" on the compound.", "Air/drone strike"),
        ("Dock workers held a strike on Monday in the city of Mombasa.", "Peaceful protest"),
        ("University staff started a strike to demand grants.", "Peaceful protest"),
        ("Factory workers in Kabwe strike over pay.", "Peaceful protest"),
        ("Looters targeted shops in the neighborhood.", "Looting/property destruction"),
        ("Party cadres shattered windows of campaign vehicles.", "Violent demonstration"),
        ("The two tribes sign peace agreement in Buram.", "Agreement"),
        ("The president declares unilateral 4-month ceasefire in two states.", "Agreement"),
        # dynamite is an explosive; hurled, it is a thrown one
        ("The director emerged unscathed from a dynamite attack in Bogota.", "Remote explosive/landmine/IED"),
        ("Urban cells placed dynamite sticks in four shops.", "Remote explosive/landmine/IED"),
        ("The newspaper offices were dynamited by drug traffickers.", "Remote explosive/landmine/IED"),
        ("Ten men hurled sticks of dynamite at the embassy.", "Grenade"),
        # sabotage of infrastructure
        ("The rebels destroyed a section of the oil pipeline.", "Looting/property destruction"),
        ("Guerrillas destroyed two bridges and a power tower.", "Looting/property destruction"),
        ("Police storm the church in the capital.", "Attack"),
    ],
)
def test_terse_wire_phrasings_have_triggers(text: str, sub: str) -> None:
    assert sub in subtypes(text)


def test_blame_and_counter_protest_cues_are_modifiers() -> None:
    for text, cls in [("Al Shabaab was suspected.", "blame"), ("The group claimed responsibility.", "blame"),
                      ("The FMLN guerrillas are being held responsible.", "blame"),
                      ("Supporters of the mayor held a counter-protest.", "counter")]:
        found = [t for t in scan(text) if t.cls == cls]
        assert found and all(t.is_modifier for t in found), text


def test_a_demonstrated_capability_is_no_protest() -> None:
    assert "Peaceful protest" not in subtypes("The army demonstrated its new drones at the airshow.")


def test_a_strike_as_an_air_attack_word_is_not_a_labour_strike() -> None:
    assert "protest" not in classes("The jets strike the camp at dawn.")

