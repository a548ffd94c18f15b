"""The event coder's grammar: cue suppression, frames, and who did what to whom.

Helpers for `stages/events.py`, kept apart so that the coding rules there stay
readable.  Everything here works on the sentence parses that
``clashlog_syntax`` already made (``doc._.parses``; token ``idx`` relative to
the sentence start) and falls back to word order where there is no parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from ..model import ActorMention
from .actors import load_lexicon
from .triggers import Trigger, load_cues

# dependency edges a cue may be inherited through (trigger -> ... -> cue word)
_CUE_EDGES = {
    "xcomp",
    "dobj",
    "pobj",
    "prep",
    "pcomp",
    "ccomp",
    "compound",
    "amod",
    "acl",
    "attr",
    "oprd",
    "nmod",
    "ROOT",
    "appos",
    "acomp",
    "nsubjpass",
}
# rhetorical frames do not cancel what protesters do ("protesters demanded ...")
_NO_RHETORIC = {"protest", "riot", "mob", "intervene", "excessive"}
_SPEECH = {
    "say",
    "report",
    "inform",
    "state",
    "tell",
    "announce",
    "claim",
    "add",
    "note",
    "confirm",
    "declare",
    "write",
}
_VICTIM_VERBS = {
    "step",
    "tread",
    "trigger",
    "hit",
    "strike",
    "run",
    "drive",
    "injure",
    "kill",
    "wound",
    "die",
    "hurt",
    "lose",
}
_TARGET_PREPS = {"on", "at", "against", "upon", "into", "toward", "towards", "onto", "with", "in"}
_AGENT_PREPS = {"by", "from"}
_CROWD = {
    "people",
    "resident",
    "residents",
    "villager",
    "villagers",
    "local",
    "locals",
    "member",
    "members",
    "supporter",
    "supporters",
    "activist",
    "activists",
    "student",
    "students",
    "crowd",
    "inhabitant",
    "inhabitants",
    "relative",
    "relatives",
    "worker",
    "workers",
    "group",
    "demonstrator",
    "demonstrators",
    "protester",
    "protesters",
    "protestor",
    "protestors",
    "rioter",
    "rioters",
    "mob",
}
_ARMED = {"military", "police", "border", "rebels", "militia", "unidentified", "external", "country"}
_VAGUE = {"fire", "clash"}
_SPECIFIC_VIOLENCE = {"shelling", "air", "ied", "grenade", "suicide", "chemical"}
_TARGET_HEAD = re.compile(r"(?:the\s+)?(?:positions?|posts?|outposts?|bases?|trenches)\b", re.I)
_HARM = {
    "die",
    "injure",
    "wound",
    "kill",
    "hurt",
    "sustain",
    "step",
    "tread",
    "lose",
    "hospitalize",
    "maim",
    "hit",
}
_FACILITY = re.compile(
    r"[\s-]*(?:station|stations|base|bases|camp|camps|truck|trucks|vehicles?|cars?|offices?|compound|headquarters|hospital|school|checkpoint|outposts?|owned|linked|run|backed|affiliated)\b",
    re.I,
)
_LIST_GLUE = re.compile(r"^\s*(?:,|and|or|&|, and|, or|as well as)\s*$", re.I)


def _span_root(parse: Doc, rel_start: int, rel_end: int) -> Token | None:
    span = parse.char_span(rel_start, rel_end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.root


def _cue_applies(kind: str, dep: str, *, on_trigger: bool) -> bool:
    """A cue word counts as a negation/modal/condition marker on the trigger or a governing word;
    a "no" determiner only on the trigger itself ("no shelling"), not on a governing noun."""
    if dep in {"neg", "aux", "auxpass", "mark"}:
        return True
    return on_trigger and dep in {"det", "advmod"}


def is_suppressed(trigger: Trigger, parse: Doc | None) -> bool:
    """True when the trigger is negated, future, hypothetical or rhetorical in its sentence."""
    if "question" in trigger.flags:
        return True
    if parse is None:
        flags = set(trigger.flags)
        if trigger.cls in _NO_RHETORIC:
            flags.discard("rhetorical")
        return bool(flags & {"negation", "future", "hypothetical", "rhetorical"})
    cues = load_cues()
    root = _span_root(parse, trigger.start - trigger.sent_start, trigger.end - trigger.sent_start)
    if root is None:
        return False
    for child in root.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            return True
        if child.dep_ == "nsubj" and child.lemma_.lower() in cues.subject and trigger.cls == "ied":
            return True  # "popular anger exploded"
    node = root
    for _ in range(8):
        for child in node.children:
            if child.i == root.i:
                continue
            kind = cues.child.get(child.lower_)
            if kind and _cue_applies(kind, child.dep_, on_trigger=node.i == root.i):
                return True
        if (
            node.i != root.i
            and trigger.cls not in _NO_RHETORIC
            and cues.ancestor.get(node.lemma_.lower()) == "rhetorical"
        ):
            return True
        if node.dep_ not in _CUE_EDGES or node.head.i == node.i:
            break
        node = node.head
    return False


def coordinated_groups(text: str, spans: list[tuple[int, int]]) -> list[list[int]]:
    """Indexes of spans that form lists ("Dashkasan, Kalbajar and Lachin"); singletons included."""
    groups: list[list[int]] = []
    closed: list[bool] = []  # the list's last join was "and"/"or": a real coordination
    for i, (s, _e) in enumerate(spans):
        glue = text[spans[groups[-1][-1]][1] : s] if groups else ""
        if groups and not closed[-1] and _LIST_GLUE.match(glue):
            groups[-1].append(i)
            closed[-1] = bool(re.search(r"\b(?:and|or|as well as)\b|&", glue))
        else:
            groups.append([i])
            closed.append(False)
    out: list[list[int]] = []
    for g, c in zip(groups, closed, strict=True):
        out.extend([g] if c or len(g) == 1 else [[j] for j in g])
    return out


def reporter_spans(doc: Doc, parses: dict[int, Doc]) -> list[tuple[int, int]]:
    """Character ranges of the subjects of speech verbs ("the ministry said", "X reported that")."""
    out = []
    for start, parse in parses.items():
        for tok in parse:
            if tok.lemma_.lower() in _SPEECH and tok.pos_ == "VERB":
                for child in tok.children:
                    if child.dep_ in {"nsubj", "nsubjpass"} or (child.dep_ == "agent"):
                        sub = list(child.subtree)
                        out.append((start + sub[0].idx, start + sub[-1].idx + len(sub[-1])))
                    if child.dep_ == "prep" and child.lower_ in {"according"}:
                        sub = list(child.subtree)
                        out.append((start + sub[0].idx, start + sub[-1].idx + len(sub[-1])))
    return out


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


# "fired ... using mortars": a participle that names the means is part of the event, not background
_SETTING_PREPS = {"during", "amid", "amidst", "after", "following", "before", "since"}
_INSTRUMENT_VERBS = {"use", "employ", "include", "fire", "launch", "deploy", "shell", "target", "hit"}


def _in_background_clause(parse: Doc | None, sent_start: int, trigger: Trigger) -> bool:
    """Is the trigger inside a relative / participial clause ("who had been arrested on charges of ...")?"""
    if parse is None:
        return False
    node = _span_root(parse, trigger.start - sent_start, trigger.end - sent_start)
    for _ in range(10):
        if node is None or node.head.i == node.i:
            return False
        if node.dep_ == "relcl" or (node.dep_ == "acl" and node.lemma_.lower() not in _INSTRUMENT_VERBS):
            return True
        if node.dep_ == "pobj" and node.head.lower_ in _SETTING_PREPS:
            return True  # "during a protest, a man attacked a journalist": the protest is the setting
        if node.dep_ == "advcl" and any(
            c.lower_ in {"after", "before", "since", "when", "while"} and c.dep_ == "mark"
            for c in node.children
        ):
            return False  # "a man was injured after he stepped on a mine" is the event itself
        node = node.head
    return False


def _claimed_by(parse: Doc | None, sent_start: int, mentions: list[ActorMention]) -> ActorMention | None:
    """The group that "claimed responsibility" in this sentence, if one is named."""
    if parse is None:
        return None
    for tok in parse:
        if tok.lemma_.lower() == "claim" and any(
            c.dep_ == "dobj" and c.lower_ == "responsibility" for c in tok.children
        ):
            for c in tok.children:
                if c.dep_ == "nsubj":
                    lo, hi = sent_start + c.left_edge.idx, sent_start + c.right_edge.idx + len(c.right_edge)
                    for m in mentions:
                        if lo <= m.start and m.end <= hi:
                            return m
    return None


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


@dataclass
class Roles:
    agent: ActorMention | None = None
    patient: ActorMention | None = None
    subject_lemma: str | None = None
    target_lemma: str | None = None  # the head noun of the target, actor or not ("attacked FARDC *positions*")


def actor_roles(parse: Doc | None, sent_start: int, trigger: Trigger, mentions: list[ActorMention]) -> Roles:
    """Who did it (agent) and to whom (patient), from the trigger's syntactic context."""
    if parse is None:
        before = [m for m in mentions if m.end <= trigger.start]
        after = [m for m in mentions if m.start >= trigger.end]
        return Roles(before[-1] if before else None, after[0] if after else None)
    root = _span_root(parse, trigger.start - sent_start, trigger.end - sent_start)
    if root is None:
        return Roles()
    verb = root
    trigger_is_subject = False
    for _ in range(4):
        if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
            break
        if verb.dep_ in {"nsubj", "nsubjpass"}:
            trigger_is_subject = True
        verb = verb.head
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
    # "as a result of the provocation, a serviceman was killed": a noun inside a prepositional phrase
    # says nothing about the clause's subject
    nominal_pp = root.i != verb.i and root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.i != verb.i
    subj = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    shared_subject = verb.head if not subj and verb.dep_ in {"conj", "xcomp"} and verb.head.i != verb.i else None
    targets = [c for c in verb.children if c.dep_ in {"dobj"} or (c.dep_ == "nsubjpass")]
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in {"on", "at", "against", "upon"}:
            targets.extend(g for g in c.children if g.dep_ == "pobj")
    roles = Roles(subject_lemma=subj[0].lower_ if subj else None,
                  target_lemma=targets[0].lemma_.lower() if targets else None)
    victim_verb = verb.lemma_.lower() in _VICTIM_VERBS and trigger.cls in {
        "ied",
        "grenade",
        "shelling",
        "air",
    }
    agents: list[ActorMention] = []
    patients: list[ActorMention] = []
    for m in mentions:
        mroot = _span_root(parse, m.start - sent_start, m.end - sent_start)
        if mroot is None:
            continue
        if m.kind == "country" and mroot.dep_ not in {
            "nsubj",
            "nsubjpass",
            "dobj",
            "pobj",
            "conj",
            "poss",
            "appos",
        }:
            continue  # "residents of an Armenian village": a bare demonym only acts as a noun phrase of its own
        role = _role_of(mroot, verb, root, passive, trigger_is_subject, victim_verb, m.kind in _ARMED)
        if role is None and shared_subject is not None:
            # "several men stopped a bus, broke into it and attacked the draftees": the subject of the first verb
            role = _role_of(mroot, shared_subject, shared_subject, passive, False, victim_verb, m.kind in _ARMED)
            role = role if role == "agent" else None
        if nominal_pp and role is not None and not _under(mroot, root):
            role = None
        if role == "agent" and _TARGET_HEAD.match(m.text):
            role = "patient"  # "the positions of the Azerbaijani army" are a target
        if role == "agent":
            agents.append(m)
        elif role == "patient":
            patients.append(m)
    if agents:
        # "terrorists of the FMLN": the named group, not the generic word
        named = [a for a in agents if a.kind in _ARMED and a.kind not in {"unidentified", "country"}]
        armed = [a for a in agents if a.kind in _ARMED]
        roles.agent = (named or armed or agents)[0]
    if patients:
        roles.patient = next((p for p in patients if p is not roles.agent), None)
    return roles


def _under(tok: Token, ancestor: Token) -> bool:
    return any(a.i == ancestor.i for a in tok.ancestors)


def _role_of(
    tok: Token,
    verb: Token,
    trig: Token,
    passive: bool,
    trigger_is_subject: bool,
    victim_verb: bool,
    armed: bool,
) -> str | None:
    node = tok
    by_agent = False  # passed through a "by" agent on the way up ("landmines set up by the KIA")
    for _ in range(8):
        if node.i == trig.i and node.i != verb.i:
            return None  # part of the trigger phrase itself
        head = node.head
        dep = node.dep_
        prep = node.lower_ if dep == "prep" else None
        if dep == "agent":
            by_agent = True
        if head.i == trig.i and trig.i != verb.i:
            # a dependent of a nominal trigger: "Azerbaijani shelling", "attack by X on Y", "clash between A and B"
            if dep in {"poss", "amod", "compound", "nmod"} or by_agent or prep in _AGENT_PREPS:
                return "agent"
            if prep == "between":
                return "patient" if tok.dep_ == "conj" else "agent"
            if prep == "of":
                return "agent" if armed else "patient"
            if prep in _TARGET_PREPS:
                return "patient"
            return None
        if head.i == verb.i:
            if dep == "nsubj" and not passive:
                return "patient" if victim_verb else "agent"
            if dep == "nsubjpass" or (dep == "nsubj" and passive):
                return "patient"
            if dep == "agent" or prep in _AGENT_PREPS:
                return "agent"
            if dep in {"dobj", "dative", "attr"}:
                return "patient"
            if prep == "between":
                return "patient" if tok.dep_ == "conj" else "agent"
            if prep in _TARGET_PREPS:
                return "patient" if prep != "in" else None
            return None
        if head.i == node.i:
            return None
        node = head
    return None


def victims(parse: Doc | None, sent_start: int, mentions: list[ActorMention]) -> list[ActorMention]:
    """Mentions that were hurt: subjects of "died/was injured", objects of "killed/injured"."""
    if parse is None:
        return []
    out = []
    for m in mentions:
        mroot = _span_root(parse, m.start - sent_start, m.end - sent_start)
        if mroot is None:
            continue
        head = mroot.head
        lemma = head.lemma_.lower()
        if lemma in _HARM and (
            mroot.dep_ in {"nsubjpass", "dobj"}
            or (mroot.dep_ == "nsubj" and lemma in {"die", "martyr", "sustain", "step", "lose", "tread"})
        ):
            out.append(m)
    return out


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
    own_places: list[str] = field(default_factory=list)
    modifier_only: bool = False
    crowd_attack: bool = False  # a crowd / "they" attacked someone (a protest turned violent)
    protest_arrest: bool = False  # an arrest of protesters (a protest with intervention)
    hurt: list[ActorMention] = field(default_factory=list)  # who was killed or injured
    claimed: bool = False  # the agent claimed responsibility
    state_violence: bool = False  # police or soldiers shot, beat or killed someone
    target_lemma: str | None = None

    @classmethod
    def from_sentence(
        cls,
        doc: Doc,
        s_start: int,
        s_end: int,
        live: list[Trigger],
        actors: list[ActorMention],
        parse: Doc | None,
    ) -> Frame | None:
        fore = [t for t in live if not _in_background_clause(parse, s_start, t)]
        if any(not t.is_modifier for t in fore):
            live = fore  # "who had been arrested", "covering a protest": background beside the main event
        events = sorted((t for t in live if not t.is_modifier), key=lambda t: (-t.priority, t.start))
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
            r = actor_roles(parse, s_start, t, actors)
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
            (m.place.resolved_name or m.place.name)
            for m in (doc._.places or [])
            if m.place is not None and s_start <= m.start < s_end
        ]
        if roles.agent is not None and _FACILITY.match(doc.text, roles.agent.end):
            roles.agent = None  # "the police station", "a military truck": a target, never the perpetrator
        claimed = _claimed_by(parse, s_start, actors)
        if claimed is not None:
            roles.agent = claimed  # "X later claimed responsibility for the bombing"
        if roles.agent is None and head.cls in {"shelling", "air", "fire", "clash", "smallarms"}:
            # "KNA accused the military of firing a shell": the last armed actor named before the trigger
            armed = [
                a
                for a in actors
                if a.end <= head.start
                and a.kind in _ARMED
                and a is not roles.patient
                and not _FACILITY.match(doc.text, a.end)
            ]
            if armed and not any(
                a.kind == "civilians" for a in actors if armed[-1].end <= a.start < head.start
            ):
                roles.agent = armed[-1]
        hurt = victims(parse, s_start, actors)
        subj = roles.subject_lemma or ""
        state_violence = any(
            t.cls in {"harm", "fire", "attack", "smallarms"}
            and (a := actor_roles(parse, s_start, t, actors).agent) is not None
            and a.kind in {"police", "military"}
            for t in events
        )
        crowd_attack = any(t.cls in {"attack", "harm"} and _crowd_subject(parse, s_start, t) for t in events)
        protest_arrest = any(
            t.cls == "arrest" and _arrest_of_protesters(parse, s_start, t, doc.text[s_start:s_end])
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
            patient=roles.patient,
            crowd=_is_crowd(doc.text, roles.agent)
            or (subj in _CROWD and roles.agent is None and not _passive(parse)),
            own_dates=dates,
            own_places=places,
            modifier_only=not events,
            crowd_attack=crowd_attack,
            protest_arrest=protest_arrest,
            hurt=hurt,
            claimed=claimed is not None,
            state_violence=state_violence,
            target_lemma=roles.target_lemma,
        )

    def opens_new(self, cur: Frame, doc: Doc) -> bool:
        """Does this sentence report a new event (True) or elaborate ``cur`` (False)?"""
        if self.modifier_only:
            return False
        if cur.modifier_only:
            return True
        if self.own_dates:
            return True
        return bool(self.own_places and not set(self.own_places) <= set(cur.all_places()))

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
        if other.claimed and other.agent is not None and not self.claimed:
            self.agent, self.claimed = other.agent, True
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
