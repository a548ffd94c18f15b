"""Frames: one reported event, its opening sentence and the sentences that elaborate it.

Helpers for `stages/events.py`, kept apart so that the coding rules there stay
readable.  Everything here works on the sentence parses that
``clashlog_syntax`` already made (``doc._.parses``; token ``idx`` relative to
the sentence start) and falls back to word order where there is no parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..extensions import doc_text
from ..model import ActorMention
from .actors import GROUP_DESCRIPTOR, load_lexicon
from .date_lexicon import WEEKDAY
from .event_grammar import (
    _ARMED,
    _CROWD,
    _FACILITY,
    _SPECIFIC_VIOLENCE,
    _VAGUE,
    Roles,
    _span_root,
    actor_roles,
    named_subjects,
    victims,
)
from .place_text import OFFICIALS_AFTER
from .places import ORG_CUE
from .syntax import role_parse
from .triggers import Trigger

_PROTEST_PEOPLE = {
    "protester",
    "protesters",
    "protestor",
    "protestors",
    "demonstrator",
    "demonstrators",
    "participant",
    "participants",
    "people",
    "activist",
    "activists",
    "person",
    "persons",
    "member",
    "members",
    "supporter",
    "supporters",
    "resident",
    "residents",
    "student",
    "students",
    "rioter",
    "rioters",
}
_DURING = re.compile(
    r"\b(?:during|at|in the course of|after) the (?:protest|rally|demonstration|march|action|picket|sit-in)",
    re.I,
)


# violence that is its own event even when reported after a protest (fire, beatings and clashes at a
# protest are part of it: riot, intervention or excessive force)
_OWN_EVENT_VIOLENCE = {"abduction", "ied", "suicide", "grenade", "shelling", "air", "sexual", "chemical",
                       "territory", "territory_gov"}
# nouns that name a violent event, and a sentence opening with one of them made definite: "The attack",
# "This week's strike", "Tuesday's bombing"
_EVENT_NOUNS = (r"(?i:attacks?|(?:air[- ]?)?strikes?|airstrikes?|raids?|bombings?|assaults?|shelling|massacres?|"
                r"ambush(?:es)?|killings?|explosions?|blasts?|operations?|abductions?|kidnappings?)")
_EVENT_NOUN = re.compile(_EVENT_NOUNS)
_DEFINITE_BEFORE = re.compile(r"\b(?:[Tt]he|[Tt]hese|[Tt]hose)\s+(?:[\w-]+\s+)?$")
_DEFINITE_START = re.compile(r"\s*(?:(?:The|This|That|These|Those|" + WEEKDAY + r"['’]s|"
                             r"(?:Last|Yesterday)['’]s|Its)\s+)(?:(?:[\w-]+)\s+){0,2}")
# a country named as where something happened or where a way leads: "in central Gaza", "across northern
# Syria", "cut the main road to Syria"
_IN_COUNTRY_BEFORE = re.compile(r"\b(?:in|inside|across|throughout|into|toward|towards|(?:road|route|highway|crossing|"
                                r"corridor|way)s?\s+(?:leading\s+)?to)\s+(?:the\s+)?(?:[a-z]+(?:ern|ral)\s+)?$", re.I)
# a party that denies an account and gives its own: "Police denied the group's account and said ..."
_COUNTER_ACCOUNT = re.compile(
    r"\s*(?:[\w'’.,-]+\s+){0,8}?(?:denied|rejected|dismissed|disputed|refuted|contested)\b[^.]{0,80}?"
    r"\b(?:and|but)\s+(?:said|says|insisted|maintained|claimed|stated)\b", re.I)
# the participants of the event before, named again: "the troops were on patrol when ..."
_DEFINITE_PARTICIPANT = re.compile(
    r"\b[Tt]he (?:troops|soldiers|patrol|convoy|attackers|assailants|gunmen|victims|ambushers|raiders|"
    r"policemen|police officers|officers|bandits|militants|jihadists|insurgents|rebels|fighters)\b(?! of\b)")
# event types of armed violence, which a protest reported after them is no part of
ARMED_VIOLENCE = frozenset({"Battles", "Violence against civilians", "Explosions/Remote violence"})
# "fired ... using mortars": a participle that names the means is part of the event, not background
_SETTING_PREPS = {"during", "amid", "amidst", "after", "following", "before", "since", "among"}
# "killed/wounded during an attack": the casualty verb reports the attack's toll, the attack is the event
_CASUALTY_VERBS = {"kill", "wound", "injure", "die", "hurt", "lose", "dead", "fear"}
_RESCUE_VERBS = {"rescue", "free", "release", "liberate", "evacuate"}
_INSTRUMENT_VERBS = {"use", "employ", "include", "fire", "launch", "deploy", "shell", "target", "hit"}


_RELATIVE_BEFORE = re.compile(r"(?:^|\s)(?P<w>that|which|who)\s+$", re.I)


_CLAUSE_LINKS = {"and", "but", "while", "whereas"}


def clauses_of(parse: Doc | None, s_start: int, s_end: int, live: list[Trigger]) -> list[tuple[int, int]]:
    """The sentence [s_start, s_end) cut where a coordinated clause with a subject of its own begins, when
    each part holds an event word: "Hezbollah fired rockets at northern Israel, and the Israeli military said
    it had struck launchers in southern Lebanon" tells two events.  One span (the sentence) otherwise."""
    if parse is None:
        return [(s_start, s_end)]
    cuts: list[int] = []
    for tok in parse:
        if tok.dep_ != "conj" or tok.pos_ not in {"VERB", "AUX"} or tok.head.dep_ != "ROOT":
            continue
        if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children):
            continue
        links = [c for c in tok.head.children if c.dep_ == "cc" and c.lower_ in _CLAUSE_LINKS and c.i < tok.i]
        if not links:
            continue
        cut = s_start + min(links[-1].idx, tok.left_edge.idx)
        # each part with an act of its own, not only a toll ("three people were killed and ten wounded during
        # a mortar attack" is one event)
        before = [t for t in live if s_start <= t.start < cut and not t.is_modifier and t.cls != "harm"]
        after = [t for t in live if t.start >= cut and not t.is_modifier and t.cls != "harm"]
        if before and after and (not cuts or cut > cuts[-1]):
            cuts.append(cut)
    bounds = [s_start, *cuts, s_end]
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if any(a <= t.start < b for t in live)]


def _named_as_place(text: str, a: ActorMention) -> bool:
    """Is ``a`` a country named as a place ("a house in central Gaza", "the road to Syria")?"""
    return a.kind == "country" and a.start >= 0 and _IN_COUNTRY_BEFORE.search(text, max(0, a.start - 30), a.start) is not None


def _habitual(parse: Doc, rel: int, word: str) -> bool:
    """A present-tense verb describing what someone does ("the civilian militia that fights subversion",
    "the group, which attacks convoys"): who they are, not an event.  A "that" opening a reported clause
    ("officials said that attacks rose", a plural noun) is no relative pronoun."""
    m = _RELATIVE_BEFORE.search(parse.text, max(0, rel - 8), rel)
    if m is None or not re.fullmatch(r"[A-Za-z]+[^sS][sS]", word):
        return False
    if m.group("w").lower() != "that":
        return True
    that = next((t for t in parse if t.idx == m.start("w")), None)
    return that is not None and that.dep_ != "mark"


# what the state does to a crowd it meets at a protest
_MET_VERBS = {"arrest", "detain", "disperse", "beat", "shoot", "attack", "assault", "tear-gas", "teargas", "round",
              "fire", "kill", "injure", "wound", "charge", "whip", "block", "stop"}


def _protesting_when_met(relcl: Token) -> bool:
    """Is ``relcl`` a crowd's protest going on as the main verb met it ("police arrested 30 youths who were
    protesting", "dispersed students who were marching")?  Not one before it ("who had protested")."""
    progressive = relcl.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in {"were", "was"} for c in relcl.children)
    noun = relcl.head
    if noun.dep_ in {"pobj", "appos"} and noun.head.lower_ == "of":
        noun = noun.head.head  # "supporters of the opposition NUP who were protesting"
    return progressive and noun.dep_ in {"dobj", "conj"} and noun.head.lemma_.lower() in _MET_VERBS


def _where_it_happened(relcl: Token) -> bool:
    """Is ``relcl`` a past-tense "where" clause telling what was done at a place an event's clause named
    ("Protests broke out in Pokhara, where demonstrators torched offices")?  Not one hanging off a
    description ("Cayara is 80 km from Accomarca, where an army patrol killed 69 peasants in 1985")."""
    if relcl.tag_ != "VBD" or not any(c.lower_ == "where" and c.dep_ == "advmod" for c in relcl.children):
        return False
    root = relcl
    while root.head.i != root.i:
        root = root.head
    return root.pos_ == "VERB" and root.lemma_.lower() != "be"


def _in_background_clause(parse: Doc | None, sent_start: int, trigger: Trigger) -> bool:
    """Is the trigger inside a relative / participial clause ("who had been arrested on charges of ...")?"""
    if parse is None:
        return False
    if _habitual(parse, trigger.start - sent_start, trigger.text):
        return True
    node = first = _span_root(parse, trigger.start - sent_start, trigger.end - sent_start)
    if node is not None and node.dep_ == "acl" and node.tag_ == "VBG" and trigger.cls == "protest":
        return False  # "clashes between soldiers and people demonstrating against ...": who the crowd was
    if node is not None and node.dep_ == "amod" and trigger.cls == "abduction":
        return True  # "rescued 12 kidnapped women": who they are, taken in an earlier event
    for _ in range(10):
        if node is None or node.head.i == node.i:
            return False
        if node.dep_ == "acl" and node.lemma_.lower() in _CASUALTY_VERBS:
            return False  # "two conscripts injured in an IED blast": the toll of the event itself
        if node.dep_ == "relcl" and trigger.cls == "protest" and _protesting_when_met(node):
            return False  # "arrested 40 supporters who were protesting in Kampala": met at the protest
        if node.dep_ == "relcl" and node.i == first.i and _where_it_happened(node):
            return False  # "protests broke out in Pokhara, where demonstrators torched offices": what happened there
        if node.dep_ == "relcl" or (node.dep_ == "acl" and node.lemma_.lower() not in _INSTRUMENT_VERBS):
            return True
        if node.dep_ == "pobj" and node.head.lower_ in _SETTING_PREPS:
            # "during a protest, a man attacked a journalist": the protest is the setting; but "two people
            # were killed during a mortar attack": the attack is the event, and in "troops rescued 11 women
            # after a gunfight with the kidnappers" a rescue is no event of its own, the gunfight is
            return node.head.head.lemma_.lower() not in _CASUALTY_VERBS | _RESCUE_VERBS
        if node.dep_ == "advcl" and any(
            c.lower_ in {"after", "before", "since", "when", "while"} and c.dep_ == "mark"
            for c in node.children
        ):
            return False  # "a man was injured after he stepped on a mine" is the event itself
        node = node.head
    return False


# "blamed the leftist ELN", "accused the pro-Castroite ...": a descriptor of the group may stand between
_ACCUSE_BEFORE = re.compile(
    r"\b(?:accus(?:ed|es|ing|e)|blam(?:ed|es|ing|e)|h(?:eld|olds?|olding))\s+(?:the\s+)?(?:" + GROUP_DESCRIPTOR + r"\s+)?$",
    re.I,
)
_ACCUSE_AFTER = re.compile(r"^\s+(?:of|for|responsible)\b", re.I)


def _accused(text: str, mentions: list[ActorMention], sent_end: int) -> ActorMention | None:
    """The armed actor an accusation in the sentence points at: "X accused *the army* of killing",
    "X blamed *the army* for the murder", "the police hold *the MRTA* responsible for the attack"."""
    for k, m in enumerate(mentions):
        if m.end > sent_end or m.kind not in _ARMED:
            continue
        if not _ACCUSE_BEFORE.search(text, max(0, m.start - 30), m.start):
            continue
        # "blamed FMLN [FARABUNDO MARTI NATIONAL LIBERATION FRONT] GUERRILLAS for ...": the group's
        # name again in brackets (with its members' role noun) before "for"
        end = m.end
        for nxt in mentions[k + 1 :]:
            if nxt.name != m.name or not _ALIAS_GAP.fullmatch(text[end : nxt.start]):
                break
            end = nxt.end
        if _ACCUSE_AFTER.match(re.sub(r"^[)\]]", "", text[end:sent_end])):
            return m
    return None


_MARCH = re.compile(r"march(?:ed|es|ing)?", re.I)
_ALIAS_GAP = re.compile(r"\s*[(\[]\s*")


_DONE_BY = re.compile(
    r"\b(?:carried\s+out|perpetrated|committed|staged|conducted|launched|organized|planned|masterminded)"
    r"\s+by\s+(?:the\s+|an?\s+)?$",
    re.I,
)


def _done_by(text: str, mentions: list[ActorMention], sent_start: int, sent_end: int) -> ActorMention | None:
    """The armed actor a sentence names as the doer of an act: "... action carried out by *the FMLN*",
    "the massacre perpetrated by *the army*"."""
    for m in mentions:
        if sent_start <= m.start and m.end <= sent_end and m.kind in _ARMED and m.kind != "unidentified" \
                and _DONE_BY.search(text, max(sent_start, m.start - 40), m.start):
            return m
    return None


# acts a group claims by name ("claimed the attack"), as it claims responsibility for them
_CLAIMED_ACTS = {"attack", "bombing", "ambush", "assault", "raid", "killing", "explosion", "blast", "strike", "kidnapping",
                 "abduction", "massacre", "operation", "assassination", "shooting"}


def _claimed_by(
    parse: Doc | None, sent_start: int, mentions: list[ActorMention], triggers: list[Trigger] | None = None
) -> ActorMention | None:
    """The group that "claimed responsibility" in this sentence, if one is named; else the named armed
    group a ``blame`` cue points at ("Al Shabaab suspected.", "X are the suspected perpetrators")."""
    for cue in (t for t in triggers or [] if t.cls == "blame"):
        # "Al Shabaab suspected", "X claimed responsibility", "blamed on X" -- never "killed two suspected X
        # militants" (the group must stand right before the cue, or right after "blamed on")
        after = bool(re.search(r"\b(?:on|to)$", cue.text, re.I))  # "blamed on X", "attributed to X": X follows
        named = [
            m for m in mentions
            if m.kind in _BLAMED_KINDS
            and ((0 <= m.start - cue.end <= 5) if after else (0 <= cue.start - m.end <= 12))
        ]
        if named:
            return named[0]
    if parse is not None:
        # "The attack was claimed by the Islamic State in the Greater Sahara": the passive claim
        for m in mentions:
            rel = m.start - sent_start
            if m.kind in _BLAMED_KINDS and 0 <= rel <= len(parse.text) and _CLAIMED_BY_BEFORE.search(parse.text[:rel]):
                return m
    parse = role_parse(parse)
    if parse is None:
        return None
    for tok in parse:
        if tok.lemma_.lower() == "claim" and any(
            c.dep_ == "dobj" and (c.lower_ in {"responsibility", "credit", "authorship"}
                                  or (c.lemma_.lower() in _CLAIMED_ACTS and any(d.lower_ in {"the", "this", "that"}
                                                                                for d in c.children)))
            for c in tok.children
        ):  # "JNIM claimed the attack in a statement"
            claimer = tok
            # "the MRTA distributed leaflets claiming responsibility": the subject of the clause it modifies
            for _ in range(3):
                if claimer.dep_ not in ("acl", "advcl", "xcomp") or any(c.dep_ == "nsubj" for c in claimer.children):
                    break
                claimer = claimer.head if claimer.head.pos_ in ("VERB", "AUX") else claimer.head.head
            for c in claimer.children:
                if c.dep_ == "nsubj":
                    lo, hi = sent_start + c.left_edge.idx, sent_start + c.right_edge.idx + len(c.right_edge)
                    for m in mentions:
                        if lo <= m.start and m.end <= hi and m.kind in _ARMED:
                            return m  # an armed group claims an attack; "People" in a name does not
    return None


# "The attack was claimed by ...": the passive claim of responsibility
_CLAIMED_BY_BEFORE = re.compile(
    r"\b" + _EVENT_NOUNS + r"\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:later\s+)?claimed\s+by\s+"
    r"(?:the\s+)?$",
    re.I,
)
# kinds of named group a "suspected"/"claimed" cue may point at as the perpetrator
_BLAMED_KINDS = {"rebels", "militia", "external"}

_COUNTED = re.compile(
    r"(?:\b(?:group|crowd|gang|dozens?|hundreds?|several|many|about \d+|around \d+|\d{2,})\b[\w\s]{0,20})$",
    re.I,
)


def _is_crowd(text: str, agent: ActorMention | None) -> bool:
    """A group of people acting together ("about 30 men", "a group of residents", "supporters")."""
    if agent is None:
        return False
    if agent.kind in {"protesters", "rioters"}:
        return True
    if agent.kind != "civilians":
        return False
    return agent.text.lower() in _CROWD or bool(_COUNTED.search(text[max(0, agent.start - 30) : agent.start]))


def _passive(parse: Doc | None) -> bool:
    return parse is not None and any(t.dep_ in {"auxpass", "nsubjpass"} for t in parse)


def _crowd_subject(parse: Doc | None, sent_start: int, trigger: Trigger) -> bool:
    """Did a crowd ("they", "residents", "supporters") actively do this ("they attacked the activist")?"""
    if parse is None:
        return False
    root = _span_root(parse, trigger.start - sent_start, trigger.end - sent_start)
    if root is None or root.pos_ != "VERB" or any(c.dep_ == "auxpass" for c in root.children):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in _CROWD | {"they"} for c in root.children)


def _arrest_of_protesters(parse: Doc | None, sent_start: int, trigger: Trigger, sentence: str) -> bool:
    """Is this arrest an intervention in a protest ("police detained 8 protesters", "6 people were
    arrested during the protest"), not background ("against the arrest of X", "who had been arrested")?"""
    if _DURING.search(sentence):
        return True
    if parse is None:
        return False
    root = _span_root(parse, trigger.start - sent_start, trigger.end - sent_start)
    if root is None or root.pos_ != "VERB" or root.dep_ in {"relcl", "amod", "acl"}:
        return False
    for child in root.children:
        if child.dep_ in {"dobj", "nsubjpass"} and child.lower_ in _PROTEST_PEOPLE:
            return True
        if child.dep_ in {"nsubj", "agent"} and any(
            t.lower_ in {"police", "policemen", "officers"} for t in child.subtree
        ):
            return True
    return False


# a sentence that says it reports another incident opens a frame of its own
_ANOTHER = re.compile(
    r"\b(?:in|during)\s+(?:another|a\s+separate|a\s+different|an\s+unrelated|a\s+similar|other)\s+"
    r"(?:incidents?|attacks?|actions?|clash(?:es)?|operations?|developments?)\b|\bseparately\b|\belsewhere\b",
    re.I,
)


@dataclass
class Frame:
    """One reported event: its opening sentence, plus the sentences that elaborate it."""

    start: int
    end: int
    sent_end: int
    head: Trigger
    triggers: list[Trigger]
    actors: list[ActorMention]
    spans: list[tuple[int, int]]
    agent: ActorMention | None = None
    patient: ActorMention | None = None
    crowd: bool = False
    own_dates: list[tuple[int, int]] = field(default_factory=list)
    dated: bool = False  # a date of the event itself, not only of the report ("police said on Monday")
    own_places: list[str] = field(default_factory=list)
    context_places: list[str] = field(default_factory=list)  # countries named beside a smaller place
    country_places: list[str] = field(default_factory=list)  # the places named that are countries
    in_countries: list[str] = field(default_factory=list)  # the countries of every place named
    areas: list[tuple[str | None, str | None]] = field(default_factory=list)  # (country, admin1) of its places
    modifier_only: bool = False
    crowd_attack: bool = False  # a crowd / "they" attacked someone (a protest turned violent)
    protest_arrest: bool = False  # an arrest of protesters (a protest with intervention)
    hurt: list[ActorMention] = field(default_factory=list)  # who was killed or injured
    named_responsible: bool = False  # the agent claimed responsibility or was held responsible
    state_violence: bool = False  # police or soldiers shot, beat or killed someone
    target_lemma: str | None = None
    # proper names heading the subject of a development trigger no actor lexicon knows ("Rizaygat")
    named_parties: list[str] = field(default_factory=list)
    # sentences that name the event again by a definite noun ("The attack on Pazigyi village in Kanbalu
    # township came as ..."): their places may say more precisely where it happened
    refining_spans: list[tuple[int, int]] = field(default_factory=list)
    # (trigger start, trigger end, sentence start, sentence end) of the sentence that dates the event when the
    # opening sentence gave no date of its own ("Gunmen killed 25 people ..., police said on Monday. The
    # bandits stormed the villages on Saturday night"); None: the opening sentence dates it
    date_anchor: tuple[int, int, int, int] | None = None
    _doc_text: str = ""

    @classmethod
    def from_sentence(
        cls,
        doc: Doc,
        s_start: int,
        s_end: int,
        live: list[Trigger],
        actors: list[ActorMention],
        parse: Doc | None,
        *,
        clause: tuple[int, int] | None = None,
    ) -> Frame | None:
        """The frame of one sentence [s_start, s_end) (``parse`` is its parse), or of one of its clauses
        (``clause``, from `clauses_of`): the clause bounds its triggers, actors, dates and places."""
        s_start_parse = s_start
        if clause is not None:
            s_start, s_end = clause
        counter = _COUNTER_ACCOUNT.match(doc_text(doc), s_start, s_end)
        if counter is not None:
            # "Police denied the group's account and said the man died in a fight": the denier's version
            # of the event before is a claim, not a fight of its own
            live = [t for t in live if t.start < counter.end()]
            if not live:
                return None
        fore = [t for t in live if not _in_background_clause(parse, s_start_parse, t)]
        background_only = not any(not t.is_modifier for t in fore)
        if not background_only:
            live = fore  # "who had been arrested", "covering a protest": background beside the main event
        events = sorted((t for t in live if not t.is_modifier), key=lambda t: (-t.priority, t.start))
        # "Soldiers armed with rifles marched to Fertit and beat people": armed men on the march are moving,
        # not protesting
        marching = [t for t in events if t.cls == "protest" and _MARCH.fullmatch(t.text)
                    and (a := actor_roles(role_parse(parse), s_start_parse, t, actors).agent) is not None
                    and a.kind in _ARMED and a.kind != "country"]
        if marching and len(marching) < len(events):
            events = [t for t in events if t not in marching]
            live = [t for t in live if t not in marching]
        head = events[0] if events else live[0]
        weapons = sorted((t for t in events if t.cls in {"shelling", "smallarms"}), key=lambda t: t.start)
        if head.cls == "shelling" and weapons and weapons[0].cls == "smallarms":
            head = weapons[0]  # "small arms/sniper rifles/artillery": the weapon named first codes the event
        roles = Roles()
        for (
            t
        ) in events:  # the strongest trigger names the event; a trigger of the same kind may show who did it
            if t.event_type != head.event_type and t.cls not in {"fire", "clash", "smallarms", "shelling"}:
                continue
            r = actor_roles(role_parse(parse), s_start_parse, t, actors)
            if head.cls == "disrupted" and t.cls != "disrupted":
                # "Russia launched 35 missiles ..., adding that air defences had shot down 9": who fired what
                # was shot down is the other side of the interception
                roles.patient = roles.patient or r.agent
                continue
            roles.agent = roles.agent or r.agent
            roles.patient = roles.patient or r.patient
            roles.subject_lemma = roles.subject_lemma or r.subject_lemma
            roles.target_lemma = roles.target_lemma or r.target_lemma
            if roles.agent and roles.patient:
                break
        if head.cls == "harm" and roles.agent is None:
            events = []  # "a man was killed" alone: a casualty report for the claims stage, not an event
        dates = [
            (d.start, d.end) for d in (doc._.dates or []) if s_start <= d.start < s_end and not d.background
        ]
        places = [
            m.place.gazetteer_id or m.place.resolved_name or m.place.name  # "Yerevan" and "Erevan" are one place
            for m in (doc._.places or [])
            if m.place is not None and s_start <= m.start < s_end and m.cue != ORG_CUE  # not "Kyiv City Council"
            and not OFFICIALS_AFTER.match(doc_text(doc), m.end)  # nor "said Akobo county commissioner X"
        ]
        # "the Saudi hospital in El Fasher", "Ukraine's Donetsk": beside a smaller place, a country is
        # context, not a place of its own (it would open a new event at every mention); alone, it is
        # context too when the event before lies in it ("Ukraine's military said ..." after Avdiivka)
        here = [m.place for m in (doc._.places or []) if m.place is not None and s_start <= m.start < s_end]
        countries = {p.gazetteer_id or p.resolved_name or p.name for p in here if p.feature == "country"}
        context = [p for p in places if p in countries] if set(places) - countries else []
        in_countries = sorted({p.country for p in here if p.country})
        areas = sorted({(p.country, p.admin1) for p in here if p.feature != "country" and p.admin1},
                       key=lambda a: (a[0] or "", a[1] or ""))
        if roles.agent is not None and _FACILITY.match(doc_text(doc), roles.agent.end):
            roles.agent = None  # "the police station", "a military truck": a target, never the perpetrator
        if head.cls == "air":
            # "KDF jets strike ...", "Russian warplanes bombed ...": the force owning the aircraft is the agent
            owner = next((a for a in actors if a.kind in _ARMED and a.kind != "unidentified"
                          and head.start - 3 <= a.end <= head.end and a.start <= head.start + 2), None)
            if owner is not None:
                if roles.patient is owner:
                    roles.patient = roles.agent if roles.agent is not owner else None
                roles.agent = owner
                if roles.patient is None:
                    # never a country named as the place ("an airstrike on a house in central Gaza")
                    roles.patient = next((a for a in actors if a.start >= head.end and a.kind in _ARMED
                                          and a.name != owner.name
                                          and not (a.kind == "country" and _IN_COUNTRY_BEFORE.search(
                                              doc_text(doc), max(0, a.start - 30), a.start))), None)
        claimed = _claimed_by(parse, s_start_parse, actors, live)
        if claimed is not None:
            roles.agent = claimed  # "X later claimed responsibility for the bombing"
            if roles.patient is claimed:
                roles.patient = None  # "Al Shabaab was blamed for the attack": the subject of the blame verb
        accused = _accused(doc_text(doc), actors, s_end)
        if accused is None and roles.agent is None:
            # "injured during this aggressive action carried out by the FMLN": the doer of the act
            accused = _done_by(doc_text(doc), actors, s_start, s_end)
        if accused is not None:
            # "the rebels blamed the army for the killing of ...": the army did it; the accuser only speaks
            if roles.patient is not None and (roles.patient is accused or roles.patient.end <= accused.start):
                roles.patient = None
            roles.agent = accused
        if roles.agent is None and head.cls in {"shelling", "air", "fire", "clash", "smallarms"}:
            # "KNA accused the military of firing a shell": the last armed actor named before the trigger
            armed = [
                a
                for a in actors
                if a.end <= head.start
                and a.kind in _ARMED
                and a is not roles.patient
                and not _FACILITY.match(doc_text(doc), a.end)
                and not _named_as_place(doc_text(doc), a)  # "In Russia, ... a drone struck": where, not who
            ]
            if armed and not any(
                a.kind == "civilians" for a in actors if armed[-1].end <= a.start < head.start
            ):
                roles.agent = armed[-1]
        if roles.agent is None and head.cls in {"ied", "suicide", "grenade", "attack"}:
            # "Al Shabaab detonate a car bomb ...": a headline-style clause the parser misreads; a named
            # group standing right before the trigger, with no other actor between, set it off
            before = [a for a in actors if a.end <= head.start and a is not roles.patient]
            if before and before[-1].kind in _BLAMED_KINDS and head.start - before[-1].end <= 25:
                roles.agent = before[-1]
        hurt = victims(parse, s_start_parse, actors)
        subj = roles.subject_lemma or ""
        state_violence = any(
            t.cls in {"harm", "fire", "attack", "smallarms"}
            and (a := actor_roles(role_parse(parse), s_start_parse, t, actors).agent) is not None
            and a.kind in {"police", "military"}
            for t in events
        )
        crowd_attack = any(t.cls in {"attack", "harm"} and _crowd_subject(parse, s_start_parse, t) for t in events)
        protest_arrest = any(
            t.cls == "arrest" and _arrest_of_protesters(parse, s_start_parse, t, doc_text(doc)[s_start_parse:s_end])
            for t in live
        )
        return cls(
            start=s_start,
            end=s_end,
            sent_end=s_end,
            head=head,
            triggers=list(live),
            actors=list(actors),
            spans=[(s_start, s_end)],
            agent=roles.agent,
            patient=None if roles.patient is not None and _named_as_place(doc_text(doc), roles.patient) else roles.patient,
            crowd=_is_crowd(doc_text(doc), roles.agent)
            or (subj in _CROWD and roles.agent is None and not _passive(parse)),
            own_dates=dates,
            dated=any(s_start <= d.start < s_end and not d.background and not d.reporting for d in doc._.dates or []),
            own_places=places,
            context_places=context,
            country_places=sorted(countries),
            in_countries=in_countries,
            areas=areas,
            modifier_only=not events or background_only,  # "Among the protesters was ...": elaboration
            crowd_attack=crowd_attack,
            protest_arrest=protest_arrest,
            hurt=hurt,
            named_responsible=claimed is not None or accused is not None,
            state_violence=state_violence,
            target_lemma=roles.target_lemma,
            named_parties=[doc_text(doc)[a:b] for a, b in named_subjects(role_parse(parse), s_start_parse, head)
                           if not any(p.start < b and a < p.end for p in doc._.places or [])]
            if head.event_type == "Strategic developments" and roles.agent is None else [],
            _doc_text=doc_text(doc),
        )

    def opens_new(self, cur: Frame, doc: Doc) -> bool:
        """Does this sentence report a new event (True) or elaborate ``cur`` (False)?"""
        if self.modifier_only:
            return False
        if cur.modifier_only:
            return True
        if self.own_dates:
            # "... police said on Monday. The bandits stormed the villages on Saturday night": the event
            # before, told again with the day it happened
            return cur.dated or not (self.names_again(cur) or self.refers_back(cur))
        if _ANOTHER.search(self._doc_text, self.start, self.sent_end):
            return True  # "In another incident, ...": another event
        if self.names_again(cur):
            return False  # "The attack on Pazigyi village ...": the event before, named again
        if self.refers_back(cur):
            return False  # "... said the troops were on a mission in San Jose village when guerrillas opened fire"
        if cur.head.cls == "protest" and self.head.cls in _OWN_EVENT_VIOLENCE:
            # "the party demanded an investigation ... The two leaders were kidnapped on their way to the
            # airport": a kidnapping, bombing or shelling is no part of a protest
            return True
        if (self.head.cls == "protest" and cur.head.event_type in ARMED_VIOLENCE and not cur.crowd
                and not any(a.kind in ("protesters", "rioters") for a in cur.actors)):
            # "rebels attacked a police station ... Hours later, hundreds of residents marched through the
            # town to protest the violence": a protest after an attack is an event of its own
            return True
        if cur.hits_civilians() and self.fights_armed():
            # "the RSF shelled a crowded market ... its forces repelled an army offensive and killed
            # scores of soldiers": a fight between armed sides after an attack on civilians is an event of
            # its own (ACLED codes the attack and the clash apart)
            return True
        mine = set(self.own_places) - set(self.context_places)
        if mine and mine <= set(self.country_places) and set(self.in_countries) <= set(cur.in_countries):
            return False  # only the country the event before lies in
        return bool(mine and not mine <= set(cur.all_places()))

    def says_separate(self) -> bool:
        """Does the frame's opening sentence say it reports another incident ("In a separate incident")?"""
        return _ANOTHER.search(self._doc_text, self.start, self.sent_end) is not None

    def names_again(self, cur: Frame) -> bool:
        """Does this sentence open with the event before named by a definite noun ("The attack on
        Pazigyi village in Kanbalu township came as ...", "The strike was the deadliest ...")?"""
        head = self.head
        if cur.head.event_type not in ARMED_VIOLENCE or not _EVENT_NOUN.fullmatch(head.text):
            return False
        return _DEFINITE_START.fullmatch(self._doc_text[self.start : head.start]) is not None

    def definite_head(self) -> bool:
        """Is the frame's trigger an event noun with a definite article ("the SDF said *the strikes* hit
        villages near Kobani"): an event told before, here at another place?"""
        return _EVENT_NOUN.fullmatch(self.head.text) is not None and _DEFINITE_BEFORE.search(
            self._doc_text, max(self.start, self.head.start - 30), self.head.start) is not None

    def named_as_place(self, a: ActorMention) -> bool:
        """Is ``a`` a country named as where something happened ("a house in central Gaza")?"""
        return _named_as_place(self._doc_text, a)

    def refers_back(self, cur: Frame) -> bool:
        """Does this sentence tell the armed violence before again, at a place inside the province it
        was placed in, naming its participants by a definite noun ("Rebels ambushed an army patrol in
        Northern Samar province ... a spokesman said *the troops* were on a mission in the village of
        San Jose in Las Navas town when about 20 guerrillas opened fire")?"""
        if cur.head.event_type not in ARMED_VIOLENCE or self.head.event_type not in ARMED_VIOLENCE:
            return False
        if not self.areas or not set(self.areas) <= set(cur.areas) or self.says_separate():
            return False
        return _DEFINITE_PARTICIPANT.search(self._doc_text, self.start, self.sent_end) is not None

    def hits_civilians(self) -> bool:
        """The frame is an attack, bombing or shelling whose victims are civilians and no armed side."""
        if self.head.event_type not in {"Violence against civilians", "Explosions/Remote violence"}:
            return False
        hit = [a for a in (self.patient, *self.hurt) if a is not None]
        return bool(hit) and all(a.kind == "civilians" for a in hit)

    def fights_armed(self) -> bool:
        """The sentence reports fighting against an armed side: a battle word, or an armed actor hit
        ("civilians had died in the attack" names only civilians: it is about the attack before)."""
        hit = [a for a in (self.patient, *self.hurt) if a is not None]
        if hit and all(a.kind == "civilians" for a in hit):
            return False
        armed_hit = any(a.kind in _ARMED for a in hit)
        if self.head.cls in {"fire", "smallarms"} and not armed_hit \
                and not (self.patient is not None and self.patient.kind in _ARMED):
            return False  # "they shot at everyone": shooting at no armed side is the attack told again
        return self.head.event_type == "Battles" or (armed_hit and self.head.event_type != "Explosions/Remote violence")

    def all_places(self) -> list[str]:
        return self.own_places

    def absorb(self, other: Frame) -> None:
        self.crowd_attack |= other.crowd_attack
        self.state_violence |= other.state_violence
        self.hurt.extend(other.hurt)
        self.protest_arrest |= other.protest_arrest
        self.end = max(self.end, other.end)
        self.triggers.extend(other.triggers)
        self.actors.extend(other.actors)
        self.spans.extend(other.spans)
        if other.names_again(self) or other.refers_back(self):
            self.refining_spans.extend(other.spans)
            if not self.dated and other.dated:
                self.dated = True
                self.date_anchor = (other.head.start, other.head.end, other.start, other.sent_end)
        if self.modifier_only and not other.modifier_only:
            self.head, self.modifier_only = other.head, False
            self.agent, self.patient, self.crowd = other.agent, other.patient, other.crowd
        if (
            not other.modifier_only
            and self.head.cls in _VAGUE
            and other.head.cls in _SPECIFIC_VIOLENCE
            and other.head.priority > self.head.priority
        ):
            self.head = (
                other.head
            )  # "provocations ... fired at the positions using mortars": the specific word names it
            self.agent = self.agent or other.agent
            self.patient = self.patient or other.patient
        if other.named_responsible and other.agent is not None and not self.named_responsible:
            # "A bomb wrecked a bank. The police hold the MRTA responsible for the attack."
            before = self.agent
            self.agent, self.named_responsible = other.agent, True
            if before is not None and before.kind in _ARMED and before.kind != "unidentified" \
                    and before.name != other.agent.name and (self.patient is None or self.patient.kind == "unidentified"):
                # "the army said it had repelled an attack by terrorists ... The attack was claimed by the
                # EIGS": the army was attacked, by the group that claims it
                self.patient = before
        if self.agent is None and other.agent is not None and other.head.cls == self.head.cls:
            self.agent = other.agent
        if self.patient is None and other.patient is not None and other.head.cls == self.head.cls:
            self.patient = other.patient

    # -- actors the coding rules ask for
    def _first(self, *kinds: str) -> ActorMention | None:
        return next((a for a in self.actors if a.kind in kinds), None)

    def default(self, kind: str) -> ActorMention:
        for _pattern, role, _bare in load_lexicon().roles:
            if role.kind == kind:
                return ActorMention(-1, -1, "", role.template, role.inter, None, kind)
        raise KeyError(kind)

    @property
    def protesters(self) -> ActorMention:
        """ "Protesters (Country)": the protesters' own nationality when named ("five Tajik workers
        protested"), else left to the event's country."""
        base = self.default("protesters")
        if self.agent is not None and self.agent.kind in {"civilians", "protesters"} and self.agent.country:
            base.name = base.name.format(country=self.agent.country)
            base.country = self.agent.country
        return base

    @property
    def rioters(self) -> ActorMention:
        return self.default("rioters")

    @property
    def unidentified(self) -> ActorMention:
        return self.default("unidentified")

    @property
    def police(self) -> ActorMention | None:
        return self._first("police")

    @property
    def state_forces(self) -> ActorMention | None:
        """The police, else the military or border guards, named in the frame."""
        return self._first("police") or self._first("military", "border")

    def follows(self, rx: re.Pattern[str], pos: int) -> bool:
        """Does ``rx`` match the article text right at ``pos`` ("station" after "the police")?"""
        return rx.match(self._doc_text, pos) is not None

    def precedes(self, rx: re.Pattern[str], pos: int, window: int = 30) -> bool:
        """Does ``rx`` find a match ending right at ``pos`` within ``window`` characters ("at a" before "rally")?"""
        return rx.search(self._doc_text, max(0, pos - window), pos) is not None

    def text(self, trigger: Trigger) -> str:
        """The sentence text holding ``trigger`` (from the evidence spans)."""
        for s, e in self.spans:
            if s <= trigger.start < e:
                return self._doc_text[s:e]
        return ""

    def first_armed(self) -> ActorMention | None:
        return self._first("military", "border", "rebels", "militia", "police", "external")

    def governments(self) -> list[ActorMention]:
        seen: dict[str, ActorMention] = {}
        for a in self.actors:
            if a.country and a.country not in seen and a.kind in {"government", "country", "military"}:
                seen[a.country] = ActorMention(
                    a.start, a.end, a.text, f"Government of {a.country}", 1, a.country, "government"
                )
        return list(seen.values())
