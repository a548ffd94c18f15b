"""The event coder's grammar: cue suppression, lists of places, who did what to whom.

Pure functions over the sentence parses that ``clashlog_syntax`` made
(``doc._.parses``; token ``idx`` relative to the sentence start), with a
word-order fallback where a sentence has no parse.  Used by
`stages/event_frames.py` and `stages/events.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..model import ActorMention
from .date_lexicon import load_lexicon as load_date_lexicon
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
# verbs that announce a protest yet to come ("called for a rally", "plan a march"); protests are
# otherwise exempt from rhetorical frames ("protesters demanded ...")
# decisions and states may be dated by a "since" ("a state of emergency in place since November")
_DECISIONS = {"change", "agreement", "other", "hq", "transfer"}
_CALL_FOR_ACTION = {"call", "plan", "announce", "urge", "threaten", "intend", "appeal", "schedule"}
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
_DEFEND_VERBS = {"repulse", "repel", "thwart", "foil", "resist", "defend", "counter", "fend", "beat", "withstand"}
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


# verbs of knowing: negated, they leave an event they govern standing ("it is not known who fired")
_KNOWING = {"know", "identify", "clear", "establish", "determine", "disclose", "reveal", "specify"}
_OWN_UP_VERBS = {"claim", "admit", "acknowledge", "assume", "accept"}


def _owned_up(node: Token) -> bool:
    """"claimed responsibility for the bombing": a bombing that happened, not a "responsibility for" in
    the abstract ("denied responsibility for the provocations", "bears responsibility for escalation")."""
    return node.lemma_.lower() == "responsibility" and node.dep_ == "dobj" and node.head.lemma_.lower() in _OWN_UP_VERBS


def _feared_dead(node: Token) -> bool:
    """"eight people are feared dead following a clash": a hedged toll of a clash that happened, not a
    feared clash ("residents fear an attack")."""
    return node.lemma_.lower() == "fear" and any(
        c.lower_ in {"dead", "killed", "drowned", "lost"} and c.dep_ in {"oprd", "acomp", "xcomp", "ccomp", "dobj"}
        for c in node.children
    )


def is_suppressed(trigger: Trigger, parse: Doc | None) -> bool:
    """True when the trigger is negated, future, hypothetical or rhetorical in its sentence."""
    if "question" in trigger.flags or ("summary" in trigger.flags and trigger.cls not in _DECISIONS):
        return True  # "Is this a provocation?"; "since 2020, 45 civilians have been killed by mines"
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
        kind = cues.subject.get(child.lemma_.lower()) if child.dep_ == "nsubj" else None
        if kind == "figurative" and trigger.cls == "ied":
            return True  # "popular anger exploded"
        if kind == "natural":
            return True  # "floods destroyed two bridges", "the storm brought down power lines": no one did it
    node = root
    for _ in range(8):
        # "a soldier is killed ..., perpetrators not known": not knowing who did it is no denial that
        # it happened
        unknown_doer = node.i != root.i and node.lemma_.lower() in _KNOWING
        for child in node.children:
            if child.i == root.i:
                continue
            kind = cues.child.get(child.lower_)
            if kind and _cue_applies(kind, child.dep_, on_trigger=node.i == root.i) \
                    and not (unknown_doer and kind == "negation"):
                return True
        if (
            node.i != root.i
            and trigger.cls not in _NO_RHETORIC
            and cues.ancestor.get(node.lemma_.lower()) == "rhetorical"
            and not _owned_up(node)
            and not _feared_dead(node)
        ):
            return True
        if node.i != root.i and root.pos_ == "NOUN" and node.lemma_.lower() in _CALL_FOR_ACTION:
            return True  # "they called for a new protest on Wednesday": a protest yet to happen
        # a coordinated noun shares its frame ("responsibility for the provocations, clashes and losses")
        nominal_conj = node.dep_ == "conj" and node.pos_ in {"NOUN", "PROPN"}
        if (node.dep_ not in _CUE_EDGES and not nominal_conj) or node.head.i == node.i:
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
            if tok.lemma_.lower() in _SPEECH and tok.pos_ == "VERB" and not any(
                c.dep_ == "dobj" and c.lower_ == "responsibility" for c in tok.children
            ):  # "X claimed responsibility" names the perpetrator, not a reporter
                for child in tok.children:
                    if child.dep_ in {"nsubj", "nsubjpass"} or (child.dep_ == "agent"):
                        sub = list(child.subtree)
                        out.append((start + sub[0].idx, start + sub[-1].idx + len(sub[-1])))
                    if child.dep_ == "prep" and child.lower_ in {"according"}:
                        sub = list(child.subtree)
                        out.append((start + sub[0].idx, start + sub[-1].idx + len(sub[-1])))
    return out


@dataclass
class Roles:
    agent: ActorMention | None = None
    patient: ActorMention | None = None
    subject_lemma: str | None = None
    target_lemma: str | None = None  # the head noun of the target, actor or not ("attacked FARDC *positions*")


def _party_name(tok: Token) -> bool:
    """A proper name of an organization or a people, not of a person or a place."""
    if tok.ent_type_ in {"PERSON", "GPE", "LOC", "FAC", "DATE", "TIME"}:
        return False
    return tok.ent_type_ in {"ORG", "NORP"} or tok.pos_ == "PROPN"


def named_subjects(parse: Doc | None, sent_start: int, trigger: Trigger) -> list[tuple[int, int]]:
    """(start, end) of the proper names heading the subject of the trigger's verb, coordinated ones too:
    "*Rizaygat* and *Habbaniyah* sign a peace agreement", "400 members of *UPND* defect to PF".  For
    parties no lexicon knows, in a development (an agreement, a defection) that names nobody else."""
    if parse is None:
        return []
    root = _span_root(parse, trigger.start - sent_start, trigger.end - sent_start)
    if root is None:
        return []
    verb = root if root.pos_ in {"VERB", "AUX"} else root.head
    subj = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subj:
        return []
    heads = [subj[0], *[c for c in subj[0].conjuncts]]
    out = []
    for h in heads:
        if not _party_name(h):
            # "members of UPND": the proper name the subject's "of" phrase holds
            h = next((g for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
                      for g in p.children if g.dep_ == "pobj" and _party_name(g)), None)
            if h is None:
                continue
        left = min([h.i, *[c.i for c in h.children if c.dep_ == "compound" and c.pos_ == "PROPN"]])
        out.append((parse[left].idx + sent_start, h.idx + len(h.text) + sent_start))
    return out


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    """Words that name a time, never a target ("on 16 March", "on Sunday", "at night"): the date lexicon's
    months, weekdays and parts of the day, and the units of time."""
    lex = load_date_lexicon()
    return frozenset((*lex.months, *lex.weekdays, *lex.parts_of_day, "day", "week", "weekend", "month", "year", "date"))


_WHERE_PREPS = {"in", "inside", "across", "throughout", "within"}
_MUNITIONS = {"shell", "round", "bomb", "grenade", "rocket", "mortar", "missile", "artillery", "device", "explosive",
              "bullet", "shot", "projectile", "barrel", "munition", "drone", "mine"}


# words that make a camp or post a civilian one: "cattle camps", "displacement camp", "IDP camp"
# buildings of the police or the army: "set fire to a police station" attacks the state's forces
_STATE_BUILDINGS = frozenset({"station", "headquarters", "building", "compound", "office"})
_STATE_MODIFIERS = frozenset({"police", "military", "army", "gendarmerie"})
_CIVILIAN_MODIFIERS = frozenset({"cattle", "displacement", "displaced", "idp", "idps", "refugee", "refugees",
                                 "fishing", "farming", "mining", "herders", "nomad", "nomadic", "health", "aid",
                                 "residential"})


def _target_lemma(tok: Token) -> str:
    """The target's head noun, with a word before it that makes it civilian ("cattle camp") or the
    state's ("police station", "army barracks")."""
    mods = [c.lower_ for c in tok.children if c.dep_ in ("compound", "amod") and c.lower_ in _CIVILIAN_MODIFIERS]
    if not mods and tok.lemma_.lower() in _STATE_BUILDINGS:
        mods = [c.lower_ for c in tok.children if c.dep_ in ("compound", "amod") and c.lower_ in _STATE_MODIFIERS]
    return f"{mods[0]} {tok.lemma_.lower()}" if mods else tok.lemma_.lower()


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
    if trigger.cls == "harm" and root.i == verb.i and verb.dep_ == "ROOT" and verb.lower_.endswith("ed") \
            and not any(c.dep_ in {"dobj", "ccomp", "xcomp", "conj", "agent", "dative"} for c in verb.children):
        passive = True  # "Five soldiers wounded.": a headline's participle, the subject was hurt
    # "as a result of the provocation, a serviceman was killed": a noun inside a prepositional phrase
    # says nothing about the clause's subject
    nominal_pp = root.i != verb.i and root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.i != verb.i
    subj = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    # "several men stopped a bus and attacked ...", "police responded with violence, killing four": a verb
    # with no subject of its own shares its head verb's (a conjunct, a complement, a participial adjunct)
    shares = verb.dep_ in {"conj", "xcomp"} or (verb.dep_ == "advcl" and verb.tag_ == "VBG")
    shared_subject = verb.head if not subj and shares and verb.head.i != verb.i else None
    targets = []
    if root.i != verb.i:  # "an attack *on their base*": the nominal trigger's own target first
        for c in root.children:
            if c.dep_ == "prep" and c.lower_ in {"on", "at", "against", "upon"}:
                targets.extend(g for g in c.children if g.dep_ == "pobj")
    targets += [c for c in verb.children if c.dep_ in {"dobj"} or (c.dep_ == "nsubjpass")]
    set_fire = any(c.dep_ == "dobj" and c.lower_ == "fire" for c in verb.children)  # "set fire to a station"
    for c in verb.children:
        if c.dep_ == "prep" and (c.lower_ in {"on", "at", "against", "upon"} or (set_fire and c.lower_ == "to")):
            targets.extend(g for g in c.children if g.dep_ == "pobj")
    # "opened fire on a market", "fired shells at the village": the aim of the fire or of the munition
    for t in list(targets):
        if t.lemma_.lower() in _MUNITIONS or t.lower_ == "fire":
            for c in t.children:  # "opened fire on", "set fire to"
                if c.dep_ == "prep" and c.lower_ in {"on", "at", "upon"} | ({"to"} if t.lower_ == "fire" else set()):
                    targets.extend(g for g in c.children if g.dep_ == "pobj")
    # "fired artillery shells at Hi Ku Lu village": the munition is the means, the village the target
    targets = [t for t in targets if t.lemma_.lower() not in _MUNITIONS and t.lower_ != "fire"] or targets
    targets = [t for t in targets if t.lower_ not in _calendar_words() and not t.like_num]  # "on 16 March"
    roles = Roles(subject_lemma=subj[0].lower_ if subj else None,
                  target_lemma=_target_lemma(targets[0]) if targets else None)
    victim_verb = verb.lemma_.lower() in _VICTIM_VERBS and trigger.cls in {
        "ied",
        "grenade",
        "shelling",
        "air",
    } and not (trigger.cls == "shelling" and root.i == verb.i)  # "forces struck a depot": the verb is the strike
    agents: list[ActorMention] = []
    patients: list[ActorMention] = []
    # "AMISOM repulsed an Al Shabaab attack": the subject of a defending verb is the target
    defending = root.i != verb.i and verb.lemma_.lower() in _DEFEND_VERBS
    for m in mentions:
        mroot = _span_root(parse, m.start - sent_start, m.end - sent_start)
        if mroot is None:
            continue
        if m.kind == "country" and mroot.dep_ == "amod" and mroot.head.i == root.i and root.i != verb.i:
            pass  # "seven Russian attacks": a demonym on the nominal trigger names its side
        elif m.kind == "country" and mroot.dep_ not in {
            "nsubj",
            "nsubjpass",
            "dobj",
            "pobj",
            "conj",
            "poss",
            "appos",
        }:
            continue  # "residents of an Armenian village": a bare demonym only acts as a noun phrase of its own
        elif m.kind == "country" and mroot.dep_ == "pobj" and mroot.head.lower_ in _WHERE_PREPS \
                and mroot.pos_ == "PROPN":
            continue  # "an airstrike on a house in central Gaza": a country named as the place, not a side
        role = _role_of(mroot, verb, root, passive, trigger_is_subject, victim_verb, m.kind in _ARMED)
        if role is None and shared_subject is not None:
            # "several men stopped a bus, broke into it and attacked the draftees": the subject of the first verb
            role = _role_of(mroot, shared_subject, shared_subject, passive, False, victim_verb, m.kind in _ARMED)
            role = role if role == "agent" else None
        if nominal_pp and role is not None and not _under(mroot, root):
            role = None
        if role == "agent" and _TARGET_HEAD.match(m.text):
            role = "patient"  # "the positions of the Azerbaijani army" are a target
        if role == "agent" and defending and not _under(mroot, root):
            role = "patient"
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
    if roles.agent is None and root.i == verb.i and root.tag_ in {"VBD", "VBN"}:
        roles.agent = _subject_by_word_order(parse.text, sent_start, trigger, mentions, roles.patient)
    return roles


# "THE ELN KIDNAPPED BUSINESSMAN SERGIO ALARCON", which the parser reads as one noun phrase:
# an armed actor right before a past-tense trigger, only time words between, an object after
_ONLY_TIME_WORDS = re.compile(
    r"\s+(?:(?:last|this|early|late)\s+(?:night|week|month|morning|evening|afternoon|weekend)\s+|"
    r"(?:today|yesterday|tonight|also|reportedly|allegedly|then|later|again|apparently)\s+)*",
    re.I,
)
_OBJECT_NEXT = re.compile(
    r"\s+(?!(?:in|at|on|by|during|when|while|after|before|near|with|from|as|and|or|to|for|over|since|"
    r"last|this|yesterday|today|tonight|earlier|later)\b)[\w\"'“]",
    re.I,
)


def _subject_by_word_order(
    text: str, sent_start: int, trigger: Trigger, mentions: list[ActorMention], patient: ActorMention | None
) -> ActorMention | None:
    """The armed actor standing as the subject of an active past-tense trigger by word order alone
    (never in "soldiers killed in the attack" or "rebels wounded by", where the noun is the victim)."""
    rel_start, rel_end = trigger.start - sent_start, trigger.end - sent_start
    if not _OBJECT_NEXT.match(text, rel_end):
        return None
    for m in reversed(mentions):
        if m.end > trigger.start:
            continue
        if m.kind in _ARMED and m is not patient and _ONLY_TIME_WORDS.fullmatch(text[m.end - sent_start : rel_start]):
            return m
        break
    return None


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
    role = _role_on_path(tok, verb, trig, passive, trigger_is_subject, victim_verb, armed)
    if role == "agent" and _agent_of_subclause(tok, verb, trig):
        return None  # "bombs exploded at a hospital occupied by military forces": another clause's agent
    return role


_DYING = {"die", "perish", "succumb"}

_WEAPON_NOUNS = {"mine", "landmine", "bomb", "device", "explosive", "ied", "shell", "grenade", "rocket", "missile",
                 "mortar", "drone", "booby", "trap", "charge"}


# verbs whose subject does what their object names: "carried out an attack", "staged a raid"
_DOING_VERBS = {"carry", "launch", "stage", "conduct", "commit", "perpetrate", "mount", "unleash", "begin",
                "start", "continue", "intensify", "resume", "make", "execute", "wage", "open", "initiate",
                "undertake", "lead", "renew", "step", "escalate", "claim", "plant", "set", "detonate",
                "fire", "use", "deploy", "organize", "organise", "hold", "mastermind", "order", "repeat"}


def _judges_the_act(trig: Token, verb: Token) -> bool:
    """Is the nominal trigger the object of a verb that judges or handles the act rather than does it
    ("condemned the bombing", "investigated the murder", "denounced the attacks")?"""
    return trig.i != verb.i and trig.dep_ == "dobj" and trig.head.i == verb.i and (
        verb.lemma_.lower() not in _DOING_VERBS | _DEFEND_VERBS  # "repelled an attack" has its own rule
    )


def _agent_of_subclause(tok: Token, verb: Token, trig: Token) -> bool:
    """Is ``tok`` the "by" agent of a participle/relative clause below the trigger's clause?"""
    node, by_agent = tok, False
    for _ in range(8):
        if node.i in (verb.i, trig.i) or node.head.i == node.i:
            return False
        if node.dep_ == "agent":
            by_agent = True
        elif node.dep_ in {"acl", "relcl"} and by_agent and node.head.i == trig.i:
            return False  # "the murder committed by FMLN guerrillas": the trigger's own agent
        elif node.dep_ in {"acl", "relcl"} and by_agent:
            # "a landmine set up by the KIA": whoever laid the weapon did it; "a hospital occupied by ...": not
            return node.head.lemma_.lower() not in _WEAPON_NOUNS
        node = node.head
    return False


def _role_on_path(
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
            if dep == "nsubj" and not passive and _judges_the_act(trig, verb):
                return None  # "the army investigated the murder of a judge": not the murderer
            if dep == "nsubj" and not passive:
                # "16 militiamen died during an attack by ...": who dies is hurt, whatever the trigger
                return "patient" if victim_verb or verb.lemma_.lower() in _DYING else "agent"
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
        if m.kind == "country" and m.country and mroot.tag_ in {"NNS", "NNPS"} and mroot.dep_ != "compound":
            # "killed 11 Palestinians", "three Afghans died": people of that country, not its army
            m = ActorMention(m.start, m.end, m.text, "Civilians ({country})", 7, m.country, "civilians")
        while mroot.dep_ == "compound" and mroot.head.i != mroot.i:
            mroot = mroot.head  # "seven Boko Haram fighters": the group names the fighters that were hurt
        head = mroot.head
        lemma = head.lemma_.lower()
        if lemma in _HARM and (
            mroot.dep_ in {"nsubjpass", "dobj"}
            or (mroot.dep_ == "nsubj" and lemma in {"die", "martyr", "sustain", "step", "lose", "tread"})
        ):
            out.append(m)
        elif any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _HARM for c in mroot.children):
            out.append(m)  # "2 soldiers killed in Wau": a headline's participle tells who was hurt
        elif lemma == "leave" and mroot.dep_ == "dobj" and any(
            c.dep_ in {"oprd", "xcomp", "acomp", "amod"} and c.lower_ in _LEFT_HURT
            for c in (*mroot.children, *head.children)
        ):
            out.append(m)  # "leaving seven Boko Haram fighters dead", "left three policemen injured"
    return out


_LEFT_HURT = {"dead", "injured", "wounded", "hurt", "maimed"}
