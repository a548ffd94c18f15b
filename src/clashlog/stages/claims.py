"""The claims ledger: who says what (the ``clashlog_claims`` stage).

Each statement is kept with who made it and who relayed it, never laundered
into fact.  This module runs the steps and builds the `Claim`s; each step's
reading lives in the module named.  Per sentence of the article:

1. **Attribution** (`article_attribution`, over `attribution`): claimant
   and via from the sentence itself; inside a quotation, from the sentence
   that closes (or opens) it; after "according to X" / "X reported that" at
   the head of a paragraph, for the rest of that paragraph; after a lead "X
   said in a statement" / "X told <agency>", for the whole article; else the
   article's own voice (claimant = outlet, no via).
2. **Stance** (`denials`): a denial cue (lexicons/denial_cues.tsv) makes the
   sentence's claims "denies"; the denied proposition ("subject") and the
   party that originally made it (`denied_claimant`: "claims circulated by
   the separatists", "Armenian MFA's accusation") are recorded.
3. **Quantities** (`casualties`, `casualty_sides`, `implicit_casualties`;
   lexicon in `claims_lexicon`) from ``doc._.quantities``: the kind from the
   nearest cue (lexicons/casualty_cues.tsv; "killing 5" before, "5 were
   killed" after), adjusted by the counted noun (mines, unexploded ordnance, materiel); the
   side from a demonym, a named party or "the rebels lost" around the
   figure; conjoined figures ("two police officers and a civilian were
   killed") are summed into one claim; breakdowns stay one total; a singular
   noun with a death verb and no figure ("Ukrainian serviceman killed") is 1;
   "no casualties" is 0; "there were losses" is a figure-less claim;
   "to date" / "since the start of the war" totals are ``cumulative``.
4. **Other claims**: a denial without figures is an "allegation" claim; an
   attributed sentence about an attack is an "allegation"; a ceasefire
   statement is "ceasefire".
5. **Reconciliation** (`reconcile`) onto ``doc._.events``: a claim links to
   the event whose evidence shares its sentence, else the nearest event in its
   paragraph, else the nearest event of a matching date (never cumulative
   totals).  ``fatalities`` = the lowest figure among claimants (each
   claimant's largest per-sentence total; ACLED practice), 0 when only
   injuries or "no casualties" are reported; ``fatalities_low/high`` = the
   range across claims (UCDP practice); ``contested`` when claimants differ
   or a linked claim is a denial.
"""

from __future__ import annotations

import functools
import logging
import re
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Claim, stable_id
from .article_attribution import (
    ClaimSentence,
    actor_mentions,
    article_country,
    attribute_sentences,
    claim_sentences,
)
from .attribution import Attributor, ClaimantNormalizer, outlet_name
from .casualties import FigureReader
from .claims_lexicon import ClaimsLexicon, default_claims_lexicon
from .denials import Denial, find_denial
from .propositions import proposition
from .reconcile import reconcile

logger = logging.getLogger(__name__)


_PERSON_KINDS = {"killed", "injured", "killed_or_injured", "captured", "missing"}
_CUMULATIVE = re.compile(
    r"\b(?:to date|across the country|throughout the country|nationwide|"
    r"since the (?:start|beginning|outbreak|onset) of|since (?:the )?(?:war|conflict|invasion|fighting|"
    r"coup|protests|demonstrations|unrest|crisis|clashes|violence|offensive|siege|insurgency|rebellion|uprising)"
    r"(?: [\w'’-]+){0,6}? (?:began|started|broke out|erupted|flared(?: up)?|resumed|escalated)|since (?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december|19\d\d|20\d\d)\b|so far this year|throughout the (?:war|conflict)|"
    r"during the (?:entire |whole )?(?:civil )?(?:war|conflict)|in the (?:war|conflict) so far|in total since|"
    r"total (?:losses|number) (?:of|since)|cumulative|(?:^|[,;:] ?|\bhave |\bhas )so far(?!,? (?:today|tonight|this (?:morning|afternoon|evening)))|"
    r"during (?:this|the) (?:[\w-]+ ){0,2}(?:war|conflict|insurgency|offensive)|"
    r"(?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)[- ])?(?:year|month|week)[- ]long|"
    r"(?:years|decades|months) of (?:(?:civil|armed|internal|bloody|guerrilla) )?(?:war|conflict|fighting|violence|"
    r"insurgency)|since (?:it|they) (?:was|were) (?:founded|formed|created|established)|"
    r"since (?:its|their) (?:founding|foundation|creation|formation))",
    re.I,
)
def _running_totals(start: int, text: str, positions: list[int]) -> list[bool]:
    """Which figures of a sentence are running totals: with one figure, any cumulative cue in the
    sentence; with several, the figure nearest each cue ("lost 1,120 personnel over the past day,
    bringing total losses since the start of the invasion to 420,000": only the 420,000)."""
    cues = [(m.start() + start, m.end() + start) for m in _CUMULATIVE.finditer(text)]
    if not cues or not positions:
        return [False] * len(positions)
    if len(positions) == 1:
        return [True]
    marked = [False] * len(positions)
    for a, b in cues:
        nearest = min(range(len(positions)), key=lambda k: min(abs(positions[k] - a), abs(positions[k] - b)))
        marked[nearest] = True
    return marked


_CEASEFIRE = re.compile(r"\b(?:ceasefire|cease-fire|truce|armistice|ceasefire regime)\b", re.I)
# a statement that names who did it: an accusation beside any figure it gives
_ACCUSES = re.compile(
    r"\b(?:accus(?:ed|es|ing)|blam(?:ed|es|ing)|h(?:eld|olds?|olding) (?:\w+ ){1,4}responsible|responsib(?:le|ility) for|"
    r"(?:carried out|perpetrated|committed|caused) by|attributed (?:\w+ ){0,3}to)\b",
    re.I,
)
_ATTACK = re.compile(
    r"\b(?:fired|firing|shell(?:ed|ing)|attack(?:ed|ing|s)?|struck|strikes?|bombard(?:ed|ing|ment)|provocations?|"
    r"ambush(?:ed)?|violat(?:ed|ing|ion)|opened fire|launched|targeted|targeting|bomb(?:ed|ing)|killed|"
    r"clash(?:ed|es)?|sabotage|incursion|offensive|assault(?:ed)?|mortar|artillery|drone)\b",
    re.I,
)


class ClaimsStage(FigureReader):
    def __init__(self, lex: ClaimsLexicon) -> None:
        self.lex = lex
        self.attributor = Attributor(lex.attribution)

    # ------------------------------------------------------------ the stage
    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article
        full = doc.text
        article_id = article.article_id if article is not None else stable_id(full)
        sents = claim_sentences(doc, full)  # Doc.text joins every token: it is taken once, above
        attribute_sentences(doc, sents, full, self.attributor)
        lex = self.lex.attribution
        outlet = article.outlet if article is not None else None
        norm = ClaimantNormalizer(lex, outlet=(outlet_name(outlet, lex) or outlet) if outlet else None)
        norm.note_actors(actor_mentions(doc))
        norm.article_country = article_country(doc)
        claims: list[Claim] = []
        sent_of: dict[str, ClaimSentence] = {}
        trig_starts = sorted(t.start for t in (doc._.triggers or []) if hasattr(t, "start"))
        previous: list[str] = []
        for s in sents:
            norm.position = s.start
            claimant_country = None
            if s.claimant:
                claimant_country = norm.country_in(s.claimant) or (norm.home_country if s.own_voice else None)
            denial = find_denial(self.lex, s, norm, previous)
            if s.claimant and (not previous or previous[-1] != s.claimant):
                previous.append(s.claimant)
            figures = self.figures(doc, s, claimant_country, full)
            running = _running_totals(s.start, s.text, [f["pos"] for f in figures])
            made: list[Claim] = []
            for f, cumulative in zip(figures, running, strict=True):
                ctype = "casualties" if f["kind"] in _PERSON_KINDS else "weapons"
                # "destroyed 15 drones and denied targeting civilians": only what the denial covers is denied
                denied = denial is not None and denial.covers(f["pos"] - s.start)
                made.append(
                    self._claim(
                        article_id,
                        s,
                        "denies" if denied else "asserts",
                        ctype,
                        f["subject"],
                        f["side"],
                        f["kind"],
                        f["low"],
                        f["high"],
                        denial if denied else None,
                        cumulative,
                        speaker=s.speaker_at(f["pos"]),
                    )
                )
            if denial is not None and denial.denier is not None:
                # "Kinshasa accuses Rwanda of backing the M23, which Kigali denies": the speaker's
                # statement stands, and the other party's denial is a claim of its own
                if not made:
                    made.append(self._statement(article_id, s, "allegation", subject=denial.subject))
                # "..., a figure Moscow dismisses": the denial of a war total is a cumulative claim too
                cumulative_denial = any(c.cumulative for c in made)
                speaker = (denial.denier, s.via or self._outlet(doc))
                made.append(self._denial(article_id, s, denial, cumulative=cumulative_denial, speaker=speaker))
            elif denial is not None and not any(c.stance == "denies" for c in made):
                made.append(self._denial(article_id, s, denial))
            elif not made and _CEASEFIRE.search(s.text) and not s.own_voice:
                made.append(self._statement(article_id, s, "ceasefire"))
            elif (
                not made
                and not s.own_voice
                and (any(s.start <= t < s.end for t in trig_starts) or _ATTACK.search(s.text))
            ):
                made.append(self._statement(article_id, s, "allegation"))
            if made and not denial and not s.own_voice and made[0].claim_type != "allegation" \
                    and _ACCUSES.search(s.text):
                # "the rebels blamed the army for the murder of 10 union members": the figure is one
                # claim, the accusation of who did it another
                made.append(self._statement(article_id, s, "allegation"))
            for c in made:
                sent_of[c.claim_id] = s
            claims.extend(made)
        explicit = self._dates(doc, claims, sent_of)
        reconcile(
            doc._.events or [],
            claims,
            sents=[(s.start, s.end, s.para) for s in sents],
            explicit_dates=explicit,
        )
        doc._.claims = claims
        return doc

    def _denial(
        self,
        article_id: str,
        s: ClaimSentence,
        denial: Denial,
        *,
        cumulative: bool = False,
        speaker: tuple[str | None, str | None] | None = None,
    ) -> Claim:
        """A figure-less claim denying what ``denial`` says is denied."""
        return self._claim(
            article_id, s, "denies", "allegation", denial.subject, None, None, None, None, denial, cumulative,
            speaker=speaker,
        )

    def _outlet(self, doc: Doc) -> str | None:
        article = doc._.article
        outlet = article.outlet if article is not None else None
        return (outlet_name(outlet, self.lex.attribution) or outlet) if outlet else None

    def _statement(self, article_id: str, s: ClaimSentence, claim_type: str, *, subject: str | None = None) -> Claim:
        """A figure-less claim asserting what the sentence says (an allegation, a ceasefire)."""
        return self._claim(
            article_id,
            s,
            "asserts",
            claim_type,
            subject or proposition(s.text, self.lex.attribution),
            None,
            None,
            None,
            None,
            None,
            False,
        )

    def _claim(
        self,
        article_id: str,
        s: ClaimSentence,
        stance: str,
        ctype: str,
        subject: str | None,
        side: str | None,
        kind: str | None,
        low: int | None,
        high: int | None,
        denial: Denial | None,
        cumulative: bool,
        *,
        speaker: tuple[str | None, str | None] | None = None,
    ) -> Claim:
        claimant, via = speaker if speaker is not None else (s.claimant, s.via)
        cid = stable_id(article_id, s.start, s.end, ctype, kind, low, high, stance, subject, claimant)
        return Claim(
            claim_id=cid,
            article_id=article_id,
            claimant=claimant,
            stance=stance,
            claim_type=ctype,
            text=s.text,
            start=s.start,
            end=s.end,
            via=via,
            subject=subject,
            side=side,
            quantity_kind=kind,
            value_low=low,
            value_high=high,
            denied_claimant=denial.denied_claimant if denial else None,
            cumulative=cumulative,
        )

    def _dates(self, doc: Doc, claims: list[Claim], sent_of: dict[str, ClaimSentence]) -> set[str]:
        """Set each claim's date; return the ids of claims whose own sentence states a date."""
        article = doc._.article
        published = article.published_date if article is not None else None
        dates = doc._.dates or []
        try:
            from .dates import date_for_span
        except ImportError:  # the dates stage may not offer it
            date_for_span = None  # type: ignore[assignment]
        dated: set[str] = set()
        for c in claims:
            s = sent_of[c.claim_id]
            explicit = [
                d for d in dates if s.start <= d.start < s.end and not getattr(d, "background", False)
            ]
            d: date | None = None
            if date_for_span is not None and dates:
                try:
                    dm = date_for_span(dates, c.start, c.end, s.start, s.end)
                    d = dm.date if dm is not None else None
                except Exception:  # noqa: BLE001 - a date helper failure must not lose the claim
                    logger.debug("date_for_span failed", exc_info=True)
            elif explicit:
                d = explicit[0].date
            if d is None:
                d = published
            c.date = d.isoformat() if d else None
            if explicit:
                dated.add(c.claim_id)
        return dated


@functools.cache
def _default_stage() -> ClaimsStage:
    return ClaimsStage(default_claims_lexicon())


@Language.factory(
    "clashlog_claims", assigns=["doc._.claims", "doc._.events"], requires=["doc._.quantities", "doc._.events"]
)
def make_claims(nlp: Language, name: str) -> ClaimsStage:
    return _default_stage()
