"""Triggers + context -> ACLED-coded events (one per place x day x type x actor pair).

The cascade, per article:

1. **Live triggers.**  A trigger is dropped when its parse shows a negation,
   a future or hypothetical modal, or a rhetorical frame ("called for an
   immediate cessation of hostilities", "preparing for a provocation",
   "is not interested in ...", "threatened to ...") — cue words from
   ``lexicons/cues.tsv``; without a parse, the trigger stage's lexical flags
   decide.
2. **Frames.**  The first sentence with an event trigger opens a frame.  A
   later trigger sentence opens a new frame when it brings its own date or
   place, or says it reports another incident ("In a separate incident");
   otherwise it *elaborates* the open
   frame ("During the protest, police detained 2 protesters" turns a
   protest into a Protest with intervention; "After the explosion, gunfire
   was heard" adds nothing).
3. **Coding.**  The frame's strongest trigger gives type and sub-type;
   refinements by context: fire aimed at civilians is Violence against
   civilians, at protesters Excessive force; a protest with an intervention
   cue or an arrest is Protest with intervention, with violence a Riot;
   an attack by a crowd is Mob violence; territory taken by state forces
   is Government regains territory, else Non-state actor overtakes territory.
4. **Actors** from the parse: the subject of the active trigger verb or the
   ``by`` agent of the passive is actor1, the object / ``on, at, against``
   target / passive subject is actor2 (`roles`; a sentence in capitals is
   read from its re-cased parse, `syntax.role_parse`).  A group that claims
   responsibility, that the sentence holds responsible ("the police hold
   the MRTA responsible for the attack") or names as the doer ("an action
   carried out by the FMLN"), is actor1, and names the agent of
   the event it elaborates.  A bombing or killing whose sentences name
   nobody takes the report's one named armed group when that group is the
   doer of its other events and the only group in them.  ACLED defaults fill the
   gaps: "Unidentified Armed Group (Country)", "Protesters (Country)",
   "Rioters (Country)", "Civilians (Country)", the country being the event
   location's.
5. **Splitting.**  Coordinated places ("in the Dashkasan, Kalbajar and
   Lachin directions") give one event each; containing admin units
   ("Mongyai township (Lashio district, Shan)") do not.
6. **Dates** come from `stages.dates.date_for_span` (the governing date of the
   trigger), else the publication date (time_precision 3: the article only
   says it happened by then).  With neither, no event is emitted: the
   contract requires an ``event_date``.

Fatalities are left to the claims stage, which reconciles casualty claims
onto these events.

This module holds the cascade itself (steps 1-4 and 6, `extract_events`,
`code_frame`, `merge_same_events`) and the ``clashlog_events`` component.
Helpers live beside it: `stages.event_frames` (the `Frame` of step 2),
`stages.event_grammar` (cue suppression, coordinated lists, roles) and
`stages.event_location` (step 5's places and the event's country).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import doc_text
from ..model import ActorMention, Event, Evidence, Place, stable_id
from .actors import load_lexicon, resolve_name
from .date_lexicon import WEEKDAY
from .event_frames import ARMED_VIOLENCE, Frame, clauses_of
from .event_grammar import is_suppressed, reporter_spans
from .event_location import _best_places, _event_country, location_name
from .event_location import _country_in_name as _country_in_name  # re-export: tests import it from here
from .triggers import DISORDER, Trigger

logger = logging.getLogger(__name__)

NOTES_MAX_CHARS = 400  # notes: the first one or two supporting sentences, trimmed
PRECISION_PUBLISHED = 3  # time_precision when only the publication date is known

_ARMED_KINDS = {"military", "police", "border", "rebels", "militia", "unidentified", "external", "country"}
_PEOPLE_KINDS = {"civilians", "protesters", "rioters"}
# target nouns that make an attack a battle ("attacked several FARDC positions")
_ARMED_TARGETS = {"position", "base", "camp", "outpost", "post", "troop", "soldier", "checkpoint", "convoy", "barracks",
                  "garrison", "fighter", "militant", "rebel", "insurgent", "patrol", "unit", "stronghold", "trench",
                  "police station", "police headquarters", "military headquarters", "army headquarters",
                  "gendarmerie station", "military compound", "police compound"}
# target nouns that make the victims of an explosion civilians
_CIVILIAN_TARGETS = {"village", "house", "home", "residence", "market", "shop", "store", "hospital", "monastery",
                     "church", "mosque", "pagoda", "temple", "civilian", "villager", "restaurant", "wedding", "bus",
                     "residential area", "residential neighborhood", "residential neighbourhood", "residential building"}
_CROWDISH = re.compile(r"\b(?:members|supporters|residents|villagers|activists|groups?|crowds?|fans|students|locals)\b", re.I)
# a perpetrator named only generically: the article's one named armed group may stand for it
_GENERIC_ARMED = re.compile(r"(?:the\s+)?(?:\w+\s+)?(?:guerrillas?|guerrilla\s+\w+|rebels?|rebel\s+\w+|terrorists?|subversives?|urban\s+commandos?"
                            r"|insurgents?|militants?|extremists?)", re.I)
_OFF_DUTY = re.compile(
    r"\b(?:off[- ]duty|in plain clothes|(?:at|in|inside|outside|in front of|near) (?:his|her|their) "
    r"(?:own )?(?:homes?|houses?|residences?)|on (?:his|her|their) way (?:home|to work))\b",
    re.I,
)
# an aid agency's or a charity's convoy or vehicle: civilians, whatever a convoy usually is
_AID_VEHICLE = re.compile(
    r"\b(?:aid|humanitarian|relief|food|medical|World Food Programme|WFP|UNICEF|UNHCR|U\.?N\.?|United Nations|"
    r"Red Cross|Red Crescent|ICRC|MSF|Doctors Without Borders|NGO|charity)(?:['’]s)?(?:\s+[\w'’-]+){0,3}?\s+"
    r"(?:convoys?|vehicles?|trucks?|lorr(?:y|ies))\b")
_BRAWL = re.compile(r"brawl|clash|scuffl|fight", re.I)
_RAID = re.compile(r"raid", re.I)
_EXPLODED = re.compile(r"(?<!un)explo|detonat|blast|went off|blew", re.I)
_VIOLENT = {"fire", "clash", "attack", "harm", "shelling", "air", "ied", "grenade", "suicide", "chemical"}


def _source_scale(outlet: str | None) -> str | None:
    if not outlet:
        return None
    try:
        from ..read.outlets import source_scale

        return source_scale([outlet])
    except Exception:  # the outlet table is optional for the event coder
        logger.debug("no source scale for %s", outlet, exc_info=True)
        return None


def _date_for(doc: Doc, start: int, end: int, s_start: int, s_end: int) -> tuple[Any, int]:
    """(DateMention or None, time_precision fallback)."""
    article = doc._.article
    default = article.published_date if article is not None else None
    try:
        from .dates import date_for_span

        dm = date_for_span(doc._.dates or [], start, end, s_start, s_end, default=default)
    except ImportError:  # dates stage not installed
        dm = None
    return dm, PRECISION_PUBLISHED


@dataclass
class _Coded:
    event_type: str
    sub_event_type: str
    actor1: ActorMention | None
    actor2: ActorMention | None
    assoc1: str | None = None
    civilian_targeting: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def _has(frame: Frame, *classes: str) -> bool:
    return any(t.cls in classes for t in frame.triggers)


_AMBUSH = re.compile(r"ambush", re.I)
# a protest as the setting of the state's violence: "shot dead ... during a protest over housing"
_DURING_PROTEST = re.compile(r"\b(?:during|at|amid)\s+(?:an?|the)\s+(?:[\w-]+\s+)?(?:protests?|demonstrations?|"
                             r"rall(?:y|ies)|marche?s?|sit-ins?)\b", re.I)
# people burned in a fire set by armed men: the arson was an attack on them
_BURNED = re.compile(r"burn(?:ed|t) (?:alive|to death)", re.I)
# the passive of a defence: its subject attacked, its agent defended
_REPELLED_BY = re.compile(r"(?:repelled|repulsed|back) by$", re.I)
# armed groups fighting each other, named together: "rival armed groups", "armed factions"
_RIVAL_GROUPS = re.compile(r"\b(?:rival|armed)\s+(?:armed\s+)?(?:groups|factions|militias)\b", re.I)
# a gathering named as the scene of another act: "assaulted three activists *at a* rally"
_AT_GATHERING = re.compile(r"\b(?:at|during|on|near)\s+(?:an?|the|their|its|his|her|a\s+campaign)?\s*(?:[\w-]+\s+)?$", re.I)
_RIOT_NOUN = re.compile(r"(?i)riots?|brawls?|mel[eé]es?")  # the event, not its crowd ("Rioters damaged ...")
_PROTESTISH = re.compile(r"protest|demonstrat", re.I)  # "violent protests": a riot trigger naming a protest


def code_frame(frame: Frame) -> _Coded:
    """Type, sub-type and actors of one frame (see the module docstring, step 3).

    A party's people (``partisans``: "ZANU-PF youths") who attack are its political militia; when
    they protest or riot they are protesters or rioters, when attacked civilians (ACLED codes the
    party as an associated actor then, which the contract's event has no field for)."""
    coded = _code_frame(frame)
    if coded.event_type == "Riots" and coded.actor2 is None \
            and len({a.name for a in frame.actors if a.kind == "partisans"}) > 1:
        # "AL activists clashed with BNP supporters": two parties' crowds fought each other
        coded.actor2, coded.extra["rival_crowds"] = frame.rioters, True
    if coded.event_type in ARMED_VIOLENCE:
        # "pushed back by fighters allied to Libya's unity government": a government fights with its forces
        coded.actor1, coded.actor2 = _as_forces(coded.actor1), _as_forces(coded.actor2)
    if coded.actor1 is not None and coded.actor1.kind == "partisans" and coded.event_type in {"Protests", "Riots"}:
        coded.actor1 = frame.rioters if coded.event_type == "Riots" else frame.protesters
    if coded.actor2 is not None and coded.actor2.kind == "partisans":
        coded.actor2 = frame.rioters if coded.event_type == "Riots" else frame.default("civilians")
    return coded


def _as_forces(m: ActorMention | None) -> ActorMention | None:
    """A government as a side of armed violence is its military forces (ACLED keeps "Government of X" for
    what a government does without arms: agreements, arrests by decree, headquarters changes)."""
    if m is None or m.kind != "government" or not m.name.startswith("Government of "):
        return m
    return ActorMention(m.start, m.end, m.text, "Military Forces of " + m.name[len("Government of "):], 1,
                        m.country, "military", m.assoc)


def _code_frame(frame: Frame) -> _Coded:
    head = frame.head
    etype, sub = head.event_type, head.sub_event_type
    a1, a2 = frame.agent, frame.patient
    if head.cls == "clash" and _REPELLED_BY.search(head.text) and a1 is not None and a1.start >= head.end:
        # "rebels attacked ... but were repelled by troops": the attackers began the fight
        if a2 is None:
            a2 = next((a for a in frame.actors if a.kind in _ARMED_KINDS and a.name != a1.name), None)
        if a2 is not None:
            a1, a2 = a2, a1
    if a2 is not None and a2.kind == "party":
        a2 = None  # "damaged a PF vehicle", "attacked the ANC's office": the party is no victim of its own
    elif a2 is not None and a2.kind == "partisans" and head.cls not in {"clash", "riot", "mob"}:
        a2 = frame.default("civilians")  # "an ANC member was shot dead": party people attacked are civilians
    people = a1 is not None and a1.kind in _PEOPLE_KINDS
    if head.cls in {"attack", "arrest"} and _has(frame, "disrupted") and a1 is not None and a1.kind in {"police", "military"}:
        head = next(t for t in frame.triggers if t.cls == "disrupted")  # "the police raid uncovered firearms"
        etype, sub = head.event_type, head.sub_event_type
    if head.cls in {"fire", "smallarms", "harm", "attack"} and a1 is not None and a1.kind in {"police", "military"} \
            and (a2 is None or a2.kind in _PEOPLE_KINDS) and _DURING_PROTEST.search(frame.text(head)) \
            and not _has(frame, "riot", "loot"):
        # "police shot dead two of its members during a protest over housing": force used on the protest
        return _Coded("Protests", "Excessive force against protesters", frame.protesters, a1)
    killing = next((t for t in frame.triggers if t.cls == "harm" and _KILLING.search(t.text)), None) \
        if any(h.kind == "civilians" for h in frame.hurt) else None
    if head.cls == "loot" and a1 is not None and a1.kind in _ARMED_KINDS and (
            frame.target_lemma in _ARMED_TARGETS or killing is not None
            or any(t.cls == "harm" and _BURNED.search(t.text) for t in frame.triggers)):
        # "gang members set fire to a police station ... three officers were killed in the attacks": an
        # attack on the state's forces; "troops torched 200 houses ... three villagers were burned to
        # death": an attack on civilians -- not only property destroyed
        # ("gunmen killed five people and set fire to several vehicles": the killing is the event)
        attack = next((t for t in frame.triggers if t.cls in {"attack", "harm"}
                       and (frame.target_lemma in _ARMED_TARGETS or _BURNED.search(t.text))), None) or killing
        if attack is not None:
            head = attack
            etype, sub = head.event_type, head.sub_event_type
            if a2 is None and frame.target_lemma.startswith(("police", "gendarmerie")):
                a2 = frame.police or frame.default("police")
    scene = False  # a protest word naming only where another act happened
    if head.cls == "protest" and a1 is not None and (a1.kind in _ARMED_KINDS or a1.kind == "partisans"):
        # "ZANU-PF youths assaulted three activists at a rally": the rally is where the attack happened
        attack = next((t for t in frame.triggers if t.cls in {"attack", "harm"} and t.start < head.start), None)
        if attack is not None and frame.precedes(_AT_GATHERING, head.start):
            head, scene = attack, True
            etype, sub = head.event_type, head.sub_event_type
    if head.cls == "protest" and _DEMAND.fullmatch(head.text) and a1 is not None and a1.kind in _ARMED_KINDS \
            and len({t.cls for t in frame.triggers}) == 1:
        # "the FARC is demanding that the government ...", "the army demanded": an armed group's demand
        # is a statement, not a protest
        return _Coded("", "", None, None)
    if not scene and (head.cls == "protest" or (
        _has(frame, "protest") and head.cls in {"riot", "mob", "arrest", "attack", "harm", "clash", "fire", "loot"}
    )):
        # protesters who clash with the police or soldiers riot (ACLED: a violent demonstration); a clash
        # beside rebels or a militia is another event's
        clash_with_state = _has(frame, "clash") and frame.state_forces is not None \
            and not any(a.kind in {"rebels", "militia", "external"} for a in frame.actors)
        violent = (
            _has(frame, "riot", "loot")  # protesters who torch, loot or set fire riot
            or frame.crowd_attack
            or (_has(frame, "clash") and frame.first_armed() is None)
            or clash_with_state
        )
        if (_has(frame, "excessive") or frame.state_violence) and not violent:
            return _Coded("Protests", "Excessive force against protesters", frame.protesters, frame.state_forces)
        if violent:
            target = frame.police or (frame.state_forces if clash_with_state else None) or (
                a2 if a2 is not None and a2.kind in {"civilians", "government"} else None
            )
            if target is None and (_has(frame, "counter") or any(_BRAWL.search(t.text) for t in frame.triggers)):
                target = frame.rioters  # two crowds fought each other ("grew into a brawl", "clashes between X and Y")
            return _Coded("Riots", "Violent demonstration", frame.rioters, target,
                          extra={"rival_crowds": target is not None and target.kind == "rioters"})
        if _has(frame, "intervene", "excessive") or frame.protest_arrest:
            return _Coded(
                "Protests",
                "Protest with intervention",
                frame.protesters,
                frame.police or frame.default("police"),
            )
        # "another group staged a counter-protest": ACLED puts the rival protesters as actor2
        counter = _has(frame, "counter")
        return _Coded("Protests", "Peaceful protest", frame.protesters, frame.protesters if counter else None,
                      extra={"rival_crowds": counter})
    if head.cls in {"riot", "mob"} and _has(frame, "clash") and frame.agent is not None \
            and frame.agent.kind in {"militia", "rebels"} and _RIOT_NOUN.fullmatch(head.text) \
            and not any(a.kind in {"rioters", "protesters"} for a in frame.actors):
        # "a riot between rival gangs ... Members of Los Choneros and Los Lobos fought with guns": armed
        # groups fighting each other, named where the report names them
        groups = [a for a in frame.actors if a.kind in {"militia", "rebels"}]
        named = [a for a in groups if "{country}" not in a.name]
        first = named[0] if named else frame.agent
        other = next((a for a in named if a.name != first.name), None) or _opponent(frame, first)
        return _Coded("Battles", "Armed clash", first, other)
    if head.cls in {"riot", "mob"}:
        protest = _has(frame, "protest") or any(t.cls == "riot" and _PROTESTISH.search(t.text) for t in frame.triggers)
        sub = "Mob violence" if head.cls == "mob" or not protest else "Violent demonstration"
        # "clashes between protesters and security forces": the state's forces are the other side
        target = frame.state_forces or (a2 if a2 is not None and a2.kind != "rioters" else None)
        return _Coded("Riots", sub, frame.rioters, target)
    if head.cls == "attack" and _RAID.match(head.text) and _has(frame, "arrest") and a1 is not None \
            and a1.kind in {"police", "military"}:
        head = next(t for t in frame.triggers if t.cls == "arrest")  # "police carried out raids and arrests"
        return _Coded(head.event_type, head.sub_event_type, a1, a2 or frame.default("civilians"))
    if head.cls in {"attack", "harm", "loot", "abduction"} and a1 is not None and a1.kind in {"civilians", "protesters"} \
            and frame.crowd:
        return _Coded("Riots", "Mob violence", frame.rioters, a2)  # "residents burned the offices"
    if head.cls in {"attack", "harm"}:
        if a2 is None:  # "2 soldiers killed in Wau": an armed side that was hurt is the target
            a2 = next((h for h in frame.hurt if h.kind in _ARMED_KINDS and (a1 is None or not _same_force(h, a1))), None)
        if a2 is None and a1 is not None and a1.kind in {"police", "military"}:
            # "police killed 10 suspected traffickers in a raid ... Gang members fired on officers": whom the
            # state's forces fought is the armed side on the other side of the state line
            a2 = _opponent(frame, a1)
        aid = any(_AID_VEHICLE.search(frame.text(t)) for t in frame.triggers)  # "a World Food Programme convoy"
        armed_target = (a2 is not None and a2.kind in _ARMED_KINDS) or (frame.target_lemma in _ARMED_TARGETS and not aid)
        # ACLED: a soldier or policeman attacked off duty, at home or in plain clothes is a civilian victim
        off_duty = any(_OFF_DUTY.search(frame.text(t)) for t in frame.triggers)
        if armed_target and not off_duty and (a1 is None or a1.kind in _ARMED_KINDS):
            return _Coded("Battles", "Armed clash", a1 or frame.unidentified, a2)
        if _has(frame, "clash") and not off_duty and (a1 is None or a1.kind in _ARMED_KINDS) \
                and (a2 is None or a2.kind == "civilians"):
            # "gunmen raided the village ... they clashed with FARDC soldiers", "a clash between Fulani
            # herdsmen and farmers": both sides fought, so a battle, against the armed side named in the
            # frame, else against the community's own fighters (ACLED: an unidentified communal militia)
            other = next((a for a in frame.actors if a.kind in _ARMED_KINDS and a.kind != "unidentified"
                          and (a1 is None or a.name != a1.name)), None)
            return _Coded("Battles", "Armed clash", a1 or frame.unidentified, other or _COMMUNAL)
        return _Coded(
            "Violence against civilians",
            "Attack",
            _armed(frame, a1),
            a2 or frame.default("civilians"),
            civilian_targeting=True,
        )
    if head.cls == "clash" and frame.first_armed() is None and _CROWDISH.search(frame.text(head)) \
            and not any(a.kind == "unidentified" for a in frame.actors):  # "rival armed groups" fight battles
        return _Coded("Riots", "Mob violence", frame.rioters, None)  # "clashes between members of X and supporters of Y"
    if head.cls == "clash" and a1 is not None and a1.kind == "unidentified" and _RIVAL_GROUPS.search(a1.text or "") \
            and (a2 is None or a2.kind in {"civilians", "unidentified"}):
        # "clashes between rival armed groups": unnamed armed groups on both sides
        return _Coded("Battles", "Armed clash", a1, a1, extra={"rival_crowds": True})
    if head.cls in {"fire", "clash", "smallarms"}:
        if head.cls == "clash" and a1 is not None and a1.kind in _ARMED_KINDS and (a2 is None or a2.kind == "civilians"):
            # "15 people were killed in clashes between police and gang members": the clash was fought
            # against the other armed side named, whoever died in it
            a2 = next((a for a in frame.actors if a.kind in _ARMED_KINDS and a.kind != "unidentified"
                       and a.name != a1.name and not _allied(frame, a)), a2)
        if a2 is not None and a2.kind == "protesters":
            return _Coded("Protests", "Excessive force against protesters", a2, a1 or frame.default("police"))
        if (a2 is None or a2.kind == "civilians") and any(_AID_VEHICLE.search(frame.text(t)) for t in frame.triggers) \
                and not any(h.kind in _ARMED_KINDS for h in frame.hurt):
            # "gunmen ambushed a World Food Programme convoy, killing a driver": aid workers attacked
            return _Coded("Violence against civilians", "Attack", _armed(frame, a1),
                          a2 or frame.default("civilians"), civilian_targeting=True)
        if a2 is not None and a2.kind == "civilians" and head.cls == "clash" and a1 is not None \
                and a1.kind in _ARMED_KINDS and a1.kind != "police":
            # "a clash between Fulani herdsmen and farmers": a clash is fought by both sides, the
            # community's by its own fighters (ACLED: an unidentified communal militia); but armed men who
            # died in it fought it ("a gunfight with the kidnappers in which four jihadists were killed")
            fought = next((h for h in frame.hurt if h.kind in _ARMED_KINDS and h.name != a1.name), None)
            return _Coded("Battles", "Armed clash", a1, fought or _COMMUNAL)
        if a2 is not None and a2.kind == "civilians" and not (a1 is not None and a1.kind in _PEOPLE_KINDS):
            return _Coded(
                "Violence against civilians", "Attack", _armed(frame, a1), a2, civilian_targeting=True
            )
        if a1 is None and head.cls == "clash" and _AMBUSH.match(head.text):
            # "the convoy was ambushed, killing five soldiers": the side that lost men was ambushed
            a2 = a2 or next((h for h in frame.hurt if h.kind in _ARMED_KINDS), None)
        elif a1 is None and head.cls == "clash":
            # "three soldiers were killed in clashes with IS": the side that lost men took part
            a1 = next((h for h in frame.hurt if h.kind in _ARMED_KINDS), None)
            if a1 is not None and (a2 is None or a2.name == a1.name):
                a2 = next((a for a in frame.actors if a.kind in _ARMED_KINDS and a.name != a1.name), None)
        actor = _armed(frame, a1)
        if a2 is None or a2 is a1:
            a2 = _opponent(frame, actor)
        if a2 is None and head.cls in {"fire", "smallarms"} and etype == "Battles" and actor.kind == "unidentified" \
                and frame.target_lemma not in _ARMED_TARGETS \
                and not any(a.kind in _ARMED_KINDS and a.kind != "unidentified" for a in [*frame.actors, *frame.hurt]):
            # "gunmen began shooting sporadically", "shoot the driver dead": unknown gunmen shooting with
            # no armed side anywhere in the report to answer them attack whoever was there
            hurt = next((h for h in frame.hurt if h.kind == "civilians"), None)
            return _Coded("Violence against civilians", "Attack", actor, hurt or frame.default("civilians"),
                          civilian_targeting=True)
        if a2 is None and head.cls in {"fire", "smallarms"} and etype == "Battles" and actor.kind in _ARMED_KINDS \
                and frame.target_lemma in _CIVILIAN_TARGETS \
                and (any(h.kind == "civilians" for h in frame.hurt) or actor.kind in {"rebels", "militia"}) \
                and not any(a.kind in _ARMED_KINDS and a.name != actor.name for a in [*frame.actors, *frame.hurt]):
            # "militiamen opened fire on a market, killing three traders", "opposition forces opened fire on
            # residential areas": a named armed side that shot at a civilian place, with only civilians
            # hurt and no one answering, attacked them
            hurt = next((h for h in frame.hurt if h.kind == "civilians"), None) or frame.default("civilians")
            return _Coded("Violence against civilians", "Attack", actor, hurt, civilian_targeting=True)
        return _Coded(etype, sub, actor, a2)
    if head.cls == "disrupted" and any(t.cls == "ied" and _EXPLODED.search(t.text) for t in frame.triggers):
        etype, sub = "Explosions/Remote violence", "Remote explosive/landmine/IED"  # found, then it went off
        if a1 is not None and a1.kind in {"police", "military", "border"} and not frame.named_responsible:
            a1 = None  # "a bomb exploded ... a second device was defused by the police": not the bombers
    if etype == "Explosions/Remote violence":
        if head.cls == "grenade":
            thrown = head.sub_event_type == "Grenade" or _has(frame, "throw")
            sub = (
                "Grenade" if thrown else "Remote explosive/landmine/IED"
            )  # ACLED: a grenade that just explodes is an IED
        if head.cls == "ied" and head.text.lower() == "bombed" and a1 is not None and a1.kind == "military":
            sub = "Air/drone strike"  # an army "bombed" an area: from the air
        if a2 is None or a2 is a1:
            a2 = next((h for h in frame.hurt if h is not a1 and h.name != (a1.name if a1 else None)), None)
        if a2 is None:
            a2 = _state_target(frame, a1)  # "a bomb exploded inside the district police office"
        if a2 is None and a1 is not None and a1.kind in _ARMED_KINDS and a1.kind != "unidentified" \
                and not _GENERIC_ARMED.fullmatch(a1.text or ""):  # "urban guerrillas" may be the named group itself
            # "the Myanmar military and KIA exchanged heavy artillery shells", "air strikes on the camp
            # where KIA troops are stationed": the other armed side named with the attacker
            a2 = _opponent(frame, a1)
        if a2 is None and frame.target_lemma in _CIVILIAN_TARGETS:
            a2 = frame.default("civilians")  # "shelled the village", "a bomb exploded at the house of ..."
        if a2 is None and _has(frame, "harm") and frame.target_lemma not in _ARMED_TARGETS \
                and not any(a.kind in _ARMED_KINDS and a is not a1 and (a1 is None or a.name != a1.name)
                            for a in frame.actors):
            # "mortar rounds fell on Hodan, killing one", "2 killed in air raid": people killed or hurt by
            # shells, bombs or jets with no armed side named beside the attacker were civilians (ACLED)
            a2 = frame.default("civilians")
        if (a1 is None or a1.kind not in _ARMED_KINDS) and head.cls == "air" and _MANNED_AIR.search(head.text) \
                and not any(a.kind in _ARMED_KINDS and frame.start <= a.start < head.start for a in frame.actors):
            # "A military airstrike on Pazi Gyi village killed 17": with no armed side named, jets and
            # helicopters are the state's (a drone may be anyone's)
            return _Coded(etype, sub, frame.default("military"), a2)
        return _Coded(etype, sub, _armed(frame, a1), a2)
    if head.cls == "abduction":
        s_start, s_end = frame.spans[0]
        if any(t.cls == "harm" and _KILLING.fullmatch(t.text) and s_start <= t.start < s_end
               and abs(t.start - head.start) <= 80 for t in frame.triggers) \
                and not _RESCUE.search(frame._doc_text, s_start, s_end):
            # "killed at least 20 people and abducted dozens more": ACLED codes an abduction in which
            # people are killed as an attack
            etype, sub = "Violence against civilians", "Attack"
        return _Coded(
            etype, sub, _armed(frame, a1), a2 or frame.default("civilians"), civilian_targeting=True
        )
    if head.cls == "sexual":
        return _Coded(
            etype, sub, _armed(frame, a1), a2 or frame.default("civilians"), civilian_targeting=True
        )
    if head.cls == "arrest":
        return _Coded(
            etype,
            sub,
            a1 if a1 is not None and a1.kind in _ARMED_KINDS else frame.default("police"),
            a2 or frame.default("civilians"),
        )
    if head.cls in {"territory", "territory_gov"}:
        actor = a1 or frame.first_armed()
        state = actor is not None and actor.inter == 1 and actor.kind != "unidentified"
        sub = "Government regains territory" if state else "Non-state actor overtakes territory"
        # "M23 rebels seized Sake after heavy fighting with the Congolese army": the side that lost it
        return _Coded("Battles", sub, actor, a2 or _opponent(frame, actor))
    if head.cls == "other":
        # resignations, dismissals, court rulings: the state acts ("the Prime Minister resigned")
        actor = a1 if a1 is not None and a1.kind in {"government", "military", "police"} else frame.default("government")
        return _Coded(etype, sub, actor, None)
    if head.cls == "agreement":
        govs = frame.governments()
        return _Coded(etype, sub, govs[0] if govs else None, govs[1] if len(govs) > 1 else None)
    if head.cls == "disrupted":
        return _Coded(
            etype, sub, a1 if a1 is not None and a1.kind in _ARMED_KINDS else frame.default("military"), None
        )
    if head.cls == "loot":
        rioters = next((a for a in (a1, *frame.actors) if a is not None and a.kind == "rioters"), None)
        if rioters is not None and (a1 is None or a1 is rioters):
            return _Coded("Riots", "Mob violence", frame.rioters, a2)  # "looters ransacked shops", "a mob torched"
        return _Coded(etype, sub, _armed(frame, a1), a2)
    return _Coded(etype, sub, a1 if a1 is not None and not people else frame.first_armed(), a2)


# the reporting verb right after a speaker ("The LNA says", "the RSF) said")
_SPEECH_VERB = r"(?:\s*\([^()]{1,20}\))?[\s)\]]*(?:says?|said|claims?|claimed|reports?|reported|announced|stated)"
# "said on Sunday", "said late on Friday", "said in a statement": when or how it was said
_SAID_WHEN = (r"(?:(?:late\s+|early\s+)?(?:on|in|overnight|today|yesterday|" + WEEKDAY + r")\b"
              r"(?:\s+(?!that\b|it\b|they\b|its\b|their\b)[\w-]+){0,3}\s+)?")
_SAYS_IT_DID = re.compile(
    r"^" + _SPEECH_VERB + r"\s+" + _SAID_WHEN + r"(?:that\s+)?"
    r"(?:it|they|its\s+\w+|their\s+\w+)\b[^.;:]{0,40}$",
    re.I,
)


# "said its forces had ...", "says that their fighters ...": the speaker's own men as the reported subject
_SAYS_ITS_FORCES = re.compile(
    _SPEECH_VERB + r"\s+" + _SAID_WHEN + r"(?:that\s+)?"
    r"(?P<own>(?:its|their|our)\s+(?:forces|fighters|troops|units|men|soldiers|army|militants))\b[^.;:]{0,150}$",
    re.I,
)
# "said its aircraft struck", "said their drones hit": the speaker's own means open the trigger
_SAYS_ITS = re.compile(_SPEECH_VERB + r"\s+" + _SAID_WHEN + r"(?:that\s+)?(?P<own>its|their|our)\s+$", re.I)
_OWN_MEANS = re.compile(r"(?:aircraft|jets?|warplanes?|military planes?|drones?|helicopters?|gunships?|artillery)\b",
                        re.I)
_MANNED_AIR = re.compile(r"air[- ]?strike|air[- ]?raid|aerial|air attack|warplane|jet|bomber|helicopter|gunship|"
                         r"fighter|aircraft|air force|bombed from the air", re.I)
_SAYS = re.compile(_SPEECH_VERB + r"\b", re.I)
# "attacked its camp", "shelled their positions": the speaker's own post as the target of the act
_ITS_BASE = re.compile(
    r"\s+(?:(?:on|at)\s+)?(?:its|their|our)\s+(?:[\w-]+\s+)?(?:camp|base|positions?|post|outpost|barracks|convoy|"
    r"patrol|checkpoint|garrison|troops|soldiers|forces|units)\b",
    re.I,
)
# "said it was attacked", "say they had been ambushed", "said it came under": the speaker itself underwent the act
_SAYS_IT_UNDERWENT = re.compile(
    r"^" + _SPEECH_VERB + r"\s+" + _SAID_WHEN + r"(?:that\s+)?(?:it|they|we)\s+(?:had\s+|has\s+|have\s+)?"
    r"((?:been|was|were|came\s+under|come\s+under)\s+(?:\w+ly\s+)?)?$",
    re.I,
)
# "its forces had been attacked", "came under fire": the speaker's men were on the receiving end
_UNDERGOES = re.compile(r"\b(?:been|were|was|came under|under attack|suffered|lost)\b", re.I)


# "the army said 20 "terrorists" were "neutralised"": a state force counting the enemies it reports fallen
_SAYS_ENEMY_FELL = re.compile(
    r"^" + _SPEECH_VERB + r"\s+" + _SAID_WHEN + r"(?:that\s+)?(?:[\w,-]+\s+){0,4}?[\"“‘']?"
    r"(?:terrorists?|militants?|jihadists?|insurgents?|rebels?|bandits?|gunmen|assailants?|attackers?)"
    r"[\"”’']?\s+(?:were|had\s+been|have\s+been)\s+[\"“‘']?$",
    re.I,
)


_DEFENCE_BODY = re.compile(r"\b(?:defen[cs]e|armed forces|general staff)\b", re.I)


def _speaker_as_doer(text: str, actors: list[ActorMention], sent_start: int, head: Trigger) -> ActorMention | None:
    """"The LNA says that it has now taken complete control of ...": an armed speaker reporting its own
    act is its doer (the claim stays in the ledger as the LNA's); so is a state force reporting enemies
    killed ("the army said 20 terrorists were neutralised during an operation")."""
    for a in actors:
        if a.kind == "government" and a.country and _DEFENCE_BODY.search(a.text) and sent_start <= a.start \
                and a.end <= head.start:
            # "Turkey's defence ministry said it had neutralised 12 terrorists": the country's forces did it
            a = ActorMention(a.start, a.end, a.text, f"Military Forces of {a.country}", 1, a.country, "military")
        if not (sent_start <= a.start and a.end <= head.start and a.kind in _ARMED_KINDS and a.kind != "unidentified"):
            continue
        between = text[a.end : head.start]
        if _SAYS_IT_DID.match(between) and not _UNDERGOES.search(between):
            return a
        if a.kind in ("military", "police") and head.cls == "harm" and _SAYS_ENEMY_FELL.match(between):
            return a
    return None


def _speaker_forces(
    text: str, actors: list[ActorMention], sent_start: int, head: Trigger
) -> tuple[ActorMention | None, ActorMention | None]:
    """(doer, target) when an armed speaker reports what its own forces did or underwent.

    "The RSF said its forces had repelled an army offensive ... and killed scores of soldiers": the
    speaker's forces are the subject of the reported clause, so the speaker did it, whatever other
    side the clause names on the way ("an army offensive").  "The army said its forces had been
    attacked by the RSF": the speaker's forces were hit, so the speaker is the target."""
    for a in actors:
        state = a.kind == "government" and a.country is not None  # "Russia's Defence Ministry said its forces"
        if not (sent_start <= a.start and a.end <= head.start and (a.kind in _ARMED_KINDS or state)
                and a.kind != "unidentified"):
            continue
        m = _SAYS_ITS_FORCES.match(text, a.end, head.start)
        if m is None and _OWN_MEANS.match(head.text):
            m = _SAYS_ITS.match(text, a.end, head.start)  # "the Israeli military said its aircraft struck"
        base = _ITS_BASE.match(text, head.end) if _SAYS.match(text, a.end) else None
        said = _SAYS_IT_UNDERWENT.match(text[a.end : head.start])
        if said and base is None and not state and (said.group(1) or re.match(r"c[ao]me under", head.text, re.I)):
            return None, a  # "the army said it was attacked by gunmen": the speaker was the target
        if m or base:
            if state:  # the forces of a government body are its country's military
                a = ActorMention(a.start, a.end, a.text, f"Military Forces of {a.country}", 1, a.country, "military")
            if base:  # "the army said ... jihadists attacked its camp": the speaker's camp was hit
                return None, a
            hit = _UNDERGOES.search(text, m.end("own"), head.start) if m else None
            return (None, a) if hit else (a, None)
    return None, None


def _the_named_group(
    actors: list[ActorMention], generic: ActorMention, other: ActorMention | None
) -> ActorMention | None:
    """The one non-state armed group the article names, standing for a generic "the guerrillas",
    "terrorists", "rebels" (as an ACLED coder reads a report that names the group elsewhere)."""
    # a generic name a role noun gave ("Rebel Group (El Salvador)" from "the Salvadoran guerrillas") is
    # no second group
    lex = load_lexicon()
    groups = {a.name: a for a in actors if a.kind in {"rebels", "militia"} and not lex.is_generic(a.name)}
    if other is not None:
        groups.pop(other.name, None)
    return next(iter(groups.values())) if len(groups) == 1 else None


def _party(name: str) -> ActorMention:
    """An actor no lexicon knows, under the name the text gives it."""
    return ActorMention(-1, -1, name, name, 0, None, "party")


_COMMUNAL = ActorMention(-1, -1, "", "Unidentified Communal Militia ({country})", 4, None, "militia")
_DEMAND = re.compile(r"demand(?:s|ed|ing)?", re.I)
_ANONYMOUS_ATTACKS = {"Explosions/Remote violence", "Violence against civilians"}


def _the_article_doer(frames: list[Frame]) -> ActorMention | None:
    """The one named non-state armed group that is the doer of the article's events, when it is also
    the only named group taking part in them (a group that was hit, or fought another, or only
    spoke, is not it)."""
    lex = load_lexicon()
    named = {a.name for f in frames for a in f.actors if a.kind in {"rebels", "militia"} and not lex.is_generic(a.name)}
    doers = {f.agent.name: f.agent for f in frames
             if f.agent is not None and f.agent.kind in {"rebels", "militia"} and not lex.is_generic(f.agent.name)}
    if len(doers) == 1 and named <= set(doers):
        return next(iter(doers.values()))
    return None


def _is_lede(doc: Doc, frame: Frame) -> bool:
    """Is the frame's opening sentence the first sentence of the text (a report's lede)?"""
    first = next(iter(doc.sents), None)
    return first is not None and frame.start <= first.start_char + 1


# "fighting alongside M23", "backed by Rwandan troops": an ally named beside the doer, not its opponent
_ALLY_BEFORE = re.compile(
    r"\b(?:alongside|along\s+with|together\s+with|(?:backed|supported|aided|assisted|joined)\s+by|"
    r"allied\s+(?:with|to)|with\s+the\s+(?:help|support|backing)\s+of|in\s+support\s+of)\s+(?:the\s+)?$",
    re.I,
)


# "inside Congo", "into Lebanon": a country named as a place, not as a side
_COUNTRY_AS_PLACE = re.compile(r"\b(?:in|inside|into|within|across|throughout|from|out\s+of)\s+(?:the\s+)?$", re.I)


def _same_force(a: ActorMention, b: ActorMention) -> bool:
    """Are ``a`` and ``b`` one side: the same name, or the same state force with its country left open
    ("police officer" beside "Brazilian police")?"""
    return a.name == b.name or (a.kind == b.kind and a.kind in {"police", "military", "border"}
                                and ("{country}" in a.name or "{country}" in b.name))


def _allied(frame: Frame, a: ActorMention) -> bool:
    """Is ``a`` named as an ally of the doer, or (a bare country) as a place?"""
    before = frame._doc_text[max(0, a.start - 40) : a.start] if a.start >= 0 else ""
    return bool(before) and (_ALLY_BEFORE.search(before) is not None
                             or (a.kind == "country" and _COUNTRY_AS_PLACE.search(before) is not None))


_RESCUE = re.compile(r"\b(?:rescu|freed|releas|liberat)", re.I)
# harm triggers that say people died
_KILLING = re.compile(r"(?i:kil{1,3}(?:ed|ing|s)?|killings|shot dead|gunned down|massacred?|murdered|executed|"
                      r"hacked to death|beaten to death|burn(?:ed|t) (?:alive|to death))")


def _opponent(frame: Frame, a1: ActorMention | None) -> ActorMention | None:
    """The other side of a battle nobody named as a target: who was hurt, else another armed
    actor of a different country, or on the other side of the state line, named in the frame ("They
    stopped after X fired back", "the RSF repelled an army offensive"); never one named as an ally."""
    for h in frame.hurt:
        if h.kind in _ARMED_KINDS and (a1 is None or not _same_force(h, a1)):
            return h
    others = [a for a in frame.actors if not _allied(frame, a) and not frame.named_as_place(a)]
    if a1 is not None and a1.country:
        state = {"military", "police", "border", "country"}  # a bare "Ukrainian" names a state's forces
        for a in others:
            if a.kind in {"military", "border", "rebels", "militia", "country"} and a.name != a1.name and (
                (a.country and a.country != a1.country)
                or ((a.kind in state) != (a1.kind in state) and a.country in (None, a1.country))
            ):
                return a  # another country's forces, or the state's against rebels of its own country
    if a1 is not None and a1.kind in {"rebels", "militia"}:
        # "clashes between Fulani and Konkomba herdsmen", "the Marehan clan militia fought the Hawiye":
        # two non-state groups, each the other's opponent
        return next((a for a in others if a.kind in {"rebels", "militia"} and a.name != a1.name), None)
    return None


# "the police chief office", "a military truck", "as the army was passing": state forces' premises or men
# hit by a blast (the role noun's own mention stands right before)
_STATE_PREMISES = re.compile(
    r"(?:\s+[\w-]+)?\s+(?:stations?|bases?|camps?|trucks?|vehicles?|convoys?|offices?|compound|headquarters|"
    r"checkpoints?|outposts?|barracks|posts?|patrols?)\b|\s+(?:was|were)\s+(?:passing|patrolling|travell?ing|"
    r"driving|moving)\b",
    re.I,
)


def _state_target(frame: Frame, a1: ActorMention | None) -> ActorMention | None:
    """The state force whose premises, vehicles or passing men a blast hit."""
    return next((a for a in frame.actors if a.kind in {"police", "military", "border"}
                 and (a1 is None or a.name != a1.name) and frame.follows(_STATE_PREMISES, a.end)), None)


def _armed(frame: Frame, a1: ActorMention | None) -> ActorMention | None:
    """A perpetrator: the agent when it is an armed actor or a party's people ("PF cadres attacked"),
    else an unidentified armed group."""
    if a1 is not None and (a1.kind in _ARMED_KINDS or a1.kind == "partisans"):
        return a1
    return frame.unidentified


def _inter(mention: ActorMention | None, country: str | None) -> int | None:
    if mention is None:
        return None
    if mention.inter == 1 and mention.country and country and mention.country != country:
        return 8
    return mention.inter


def _notes(text: str, spans: list[tuple[int, int]]) -> str:
    parts = []
    for s, e in spans[:2]:
        parts.append(" ".join(text[s:e].split()))
    notes = " ".join(parts)
    if len(notes) > NOTES_MAX_CHARS:
        notes = notes[: NOTES_MAX_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return notes


def _add_frame(doc: Doc, frames: list[Frame], frame: Frame, actors: list[ActorMention], s_start: int) -> None:
    """Put the speaker's own forces in ``frame``'s roles, then add it to ``frames`` as a new event or as
    more of the last one."""
    own_did, own_hit = _speaker_forces(doc_text(doc), actors, s_start, frame.head)
    if own_did is not None:
        frame.agent = own_did
    elif own_hit is not None and frame.agent is not own_hit:
        hit_kinds = ("unidentified", "country")  # a named patient stays; a vague one gives way
        if frame.patient is None or frame.patient.kind in hit_kinds:
            frame.patient = own_hit
    elif frame.agent is None or frame.agent.kind == "unidentified":
        # "the LNA reported that it had recaptured territory from militants": the speaker did it, and the
        # vague side the parse took for the doer is the other side
        doer = _speaker_as_doer(doc_text(doc), actors, s_start, frame.head)
        if doer is not None:
            if frame.agent is not None and frame.patient is None:
                frame.patient = frame.agent
            frame.agent = doer
    cur = frames[-1] if frames else None
    if cur is not None and not frame.opens_new(cur, doc):
        cur.absorb(frame)
    else:
        frames.append(frame)


def _continue_frames(frames: list[Frame]) -> None:
    """Doers carried over from the frame before (see the comments)."""
    # an anonymous battle report right after a named one continues it ("the Armenian army continued its
    # provocations ... As a result of the next provocation, a serviceman was killed")
    for prev, frame in zip(frames, frames[1:], strict=False):
        if frame.agent is None and frame.head.cls in {"fire", "clash", "smallarms"} and prev.agent is not None \
                and not frame.says_separate() \
                and prev.head.event_type == frame.head.event_type and prev.agent.kind in {"military", "country", "rebels", "militia"}:
            frame.agent = prev.agent
        elif (frame.agent is None or frame.agent.kind == "unidentified") and prev.agent is not None \
                and prev.agent.kind != "unidentified" and frame.definite_head() and not frame.says_separate() \
                and prev.head.event_type == frame.head.event_type and prev.head.cls == frame.head.cls:
            # "Turkey's military said it had carried out air strikes ... The SDF said the strikes hit villages
            # near Kobani": the strikes told again at another place are the same side's
            frame.agent = prev.agent


def extract_events(doc: Doc) -> list[Event]:
    """The events of one annotated Doc (pure: reads doc._ attributes, writes nothing)."""
    article = doc._.article
    article_id = article.article_id if article is not None else ""
    outlet = article.outlet if article is not None else None
    triggers: list[Trigger] = list(doc._.triggers or [])
    if not triggers:
        return []
    actors: list[ActorMention] = list(doc._.actors or [])
    # a trigger word inside a longer actor name is part of the name ("National Liberation Front", "riot police")
    triggers = [t for t in triggers if not any(a.start <= t.start and t.end <= a.end and (a.end - a.start) > (t.end - t.start)
                                               for a in actors)]
    parses = doc._.parses or {}
    sents = {s.start_char: s.end_char for s in doc.sents}
    reporters = reporter_spans(doc, parses)
    frames: list[Frame] = []
    by_sent: dict[int, list[Trigger]] = {}
    for t in triggers:
        by_sent.setdefault(t.sent_start, []).append(t)
    for s_start in sorted(by_sent):
        s_end = sents.get(s_start, s_start)
        parse = parses.get(s_start)
        live = [t for t in by_sent[s_start] if not is_suppressed(t, parse)]
        if not live:
            continue
        # a speaker's span holding the event's own trigger is a misparse ("An Israeli strike ... killed 33
        # people, the ministry said" read with the strike as the one who said it): it hides no one
        # "the MRTA have claimed credit for ...": who claims an attack is its doer, not only a speaker
        speakers = [(rs, re_) for rs, re_ in reporters if not any(rs <= t.start < re_ for t in live)
                    and not any(t.cls == "blame" and 0 <= t.start - re_ <= 12 for t in live)]
        s_actors = [
            a
            for a in actors
            if s_start <= a.start < s_end and not any(rs <= a.start and a.end <= re_ for rs, re_ in speakers)
        ]
        for c_start, c_end in clauses_of(parse, s_start, s_end, live):
            frame = Frame.from_sentence(doc, s_start, s_end, [t for t in live if c_start <= t.start < c_end],
                                        [a for a in s_actors if c_start <= a.start < c_end], parse,
                                        clause=(c_start, c_end))
            if frame is not None:
                _add_frame(doc, frames, frame, actors, s_start)
    _continue_frames(frames)
    doer = _the_article_doer(frames)
    events: list[Event] = []
    seen: set[str] = set()
    for frame in frames:
        coded = code_frame(frame)
        if not coded.event_type:
            continue
        places: list[Place | None] = list(_best_places(doc, frame)) or [None]
        for place in places:
            place, country = _event_country(doc, place, actors)
            dm, fallback_precision = _date_for(doc, *(frame.date_anchor or (
                frame.head.start, frame.head.end, frame.start, frame.sent_end)))
            if dm is None:
                continue
            if coded.actor1 is None and frame.named_parties and coded.event_type == "Strategic developments":
                # "Rizaygat and Habbaniyah sign peace agreement": parties no lexicon knows, named as written
                coded.actor1 = _party(frame.named_parties[0])
                if coded.sub_event_type == "Agreement" and len(frame.named_parties) > 1:
                    coded.actor2 = _party(frame.named_parties[1])
            if coded.actor1 is None:
                continue
            if place is None and not dm.text and not frame.actors and not _is_lede(doc, frame):
                # "Shelling." deep in a story with no place, no date and nobody named: nothing a coder
                # could use.  The lede is the story itself ("Teachers on strike over unpaid salaries.").
                continue
            if _GENERIC_ARMED.fullmatch(coded.actor1.text or ""):
                coded.actor1 = _the_named_group(actors, coded.actor1, coded.actor2) or coded.actor1
            elif doer is not None and coded.actor1.kind == "unidentified" and coded.actor1.start < 0 \
                    and coded.event_type in _ANONYMOUS_ATTACKS and (coded.actor2 is None or coded.actor2.name != doer.name) \
                    and not frame.says_separate():
                # a bombing or killing whose sentences name nobody, in a report whose one named armed
                # group is the doer of its other acts ("the FMLN has carried out a new attack on the
                # pipeline ... the dynamite destroyed ..."): that group, as a coder reading it would
                coded.actor1 = doer
            a1 = resolve_name(coded.actor1, country)
            a2 = resolve_name(coded.actor2, country) if coded.actor2 else None
            if a2 == a1 and not coded.extra.get("rival_crowds"):
                a2 = None
            if (
                a2 is None
                and coded.event_type in {"Battles", "Explosions/Remote violence"}
                and coded.actor1.kind in {"military", "country", "border"}
                and coded.actor1.country
                and country
                and coded.actor1.country != country
                and coded.event_type == "Battles"
                and not any(a.country == country and _allied(frame, a) for a in frame.actors)
            ):
                # a foreign army fighting here fights this country's forces, unless it fights beside them
                a2 = f"Military Forces of {country}"
            if coded.sub_event_type == "Agreement" and a2 == f"Government of {country}":
                a1, a2 = a2, a1  # ACLED lists the government of the place first
            assoc1 = None
            if coded.actor1.kind == "border" and coded.actor1.country and a1 != f"Military Forces of {coded.actor1.country}":
                # ACLED: a named border guard service is an associate of its country's military forces
                assoc1, a1 = a1, f"Military Forces of {coded.actor1.country}"
            key = stable_id(
                article_id,
                frame.start,
                frame.end,
                coded.event_type,
                coded.sub_event_type,
                place.resolved_name if place else None,
                a1,
                a2,
                dm.date,
            )
            if key in seen:
                continue
            seen.add(key)
            precision = dm.precision if dm.text else fallback_precision
            events.append(
                Event(
                    event_id=key,
                    event_date=dm.date.isoformat(),
                    event_date_end=dm.date_end.isoformat() if dm.date_end else None,
                    time_precision=precision,
                    time_of_day=dm.time_of_day,
                    event_type=coded.event_type,
                    sub_event_type=coded.sub_event_type,
                    disorder_type=DISORDER.get(coded.event_type, ""),
                    actor1=a1,
                    assoc_actor_1=assoc1,
                    actor2=a2,
                    inter1=_inter(coded.actor1, country),
                    inter2=_inter(coded.actor2, country),
                    civilian_targeting="Civilian targeting" if coded.civilian_targeting else "",
                    country=country if place is not None else (country or None),
                    iso3=place.iso3 if place else None,
                    admin1=place.admin1 if place else None,
                    admin2=place.admin2 if place else None,
                    location=location_name(place) if place else None,
                    latitude=place.latitude if place else None,
                    longitude=place.longitude if place else None,
                    geo_precision=(place.geo_precision or 1) if place else None,
                    source=outlet,
                    source_scale=_source_scale(outlet),
                    notes=_notes(doc_text(doc), frame.spans),
                    article_ids=[article_id],
                    evidence=[Evidence(article_id, s, e, doc_text(doc)[s:e]) for s, e in frame.spans],
                )
            )
    _anonymous_strikes(events)
    return merge_same_events(events)


_STRIKES = {"Air/drone strike", "Shelling/artillery/missile attack"}


def _anonymous_strikes(events: list[Event]) -> None:
    """A strike whose report names no doer ("In Kyiv, falling debris killed a man") is the one striker's of
    the article's other strikes, when they are all one state's forces' and hit the same country ("A Russian
    strike on a school in Poltava killed seven"): not a strike in another country ("a drone struck a building
    in Voronezh" beside Russian strikes on Ukraine)."""
    named = [e for e in events if e.sub_event_type in _STRIKES and e.actor1 and e.actor1.startswith("Military Forces of ")]
    strikers = {e.actor1 for e in named}
    if len(strikers) != 1:
        return
    donor = named[0]
    hit = {e.country for e in named}
    for e in events:
        if e.sub_event_type in _STRIKES and (e.actor1 or "").startswith("Unidentified Armed Group") \
                and e.country in hit:
            e.actor1, e.inter1 = donor.actor1, donor.inter1


def merge_same_events(events: list[Event]) -> list[Event]:
    """One event per location x day x type x actor pair: later reports of it add evidence only.

    An event placed only at country level is dropped when the article reports the same
    day, type and perpetrator at a finer place of that country (it is the same fighting, summarized).
    """
    merged: dict[tuple, Event] = {}
    for ev in events:
        key = (ev.event_date, ev.event_type, ev.sub_event_type, ev.location, ev.actor1, ev.actor2)
        if key in merged:
            have = merged[key]
            have.evidence.extend(e for e in ev.evidence if e not in have.evidence)
            continue
        merged[key] = ev
    out = list(merged.values())
    # "a landmine killed two villagers ... one of them stepped on the mine": the later sentence that
    # names no target repeats the event that does (same day, place, type and perpetrator)
    with_target = {(e.event_date, e.event_type, e.sub_event_type, e.location, e.actor1): e for e in out if e.actor2}
    kept_out = []
    for e in out:
        fuller = with_target.get((e.event_date, e.event_type, e.sub_event_type, e.location, e.actor1))
        if not e.actor2 and fuller is not None:
            fuller.evidence.extend(x for x in e.evidence if x not in fuller.evidence)
            continue
        kept_out.append(e)
    out = kept_out
    lex = load_lexicon()

    def is_fine(e: Event) -> bool:
        return bool(e.location) and lex.country(e.location) is None

    # (in the same country: strikes across the border are other fighting)
    fine = {(e.event_date, e.event_type, e.actor1, e.country) for e in out if is_fine(e)}
    return [e for e in out if is_fine(e) or (e.event_date, e.event_type, e.actor1, e.country) not in fine]


@Language.component(
    "clashlog_events",
    requires=["doc._.triggers", "doc._.parses", "doc._.places", "doc._.actors", "doc._.dates"],
    assigns=["doc._.events"],
)
def events_component(doc: Doc) -> Doc:
    doc._.events = extract_events(doc)
    return doc
