"""Generated news-style articles for throughput benchmarks (fixed seed, no external data).

Each article mixes conflict sentences (actors, places, dates, numbers) with
filler (politics, economy, weather, sport), in proportions that resemble wire
copy: most sentences hold no event.  The texts are not meant to be coded
correctly, only to load the pipeline realistically.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from clashlog.model import RawArticle

SIDES = [
    ("Armenian", "Armenia"), ("Azerbaijani", "Azerbaijan"), ("Ukrainian", "Ukraine"), ("Russian", "Russia"),
    ("Syrian", "Syria"), ("Iraqi", "Iraq"), ("Malian", "Mali"), ("Nigerian", "Nigeria"), ("Somali", "Somalia"),
    ("Colombian", "Colombia"), ("Afghan", "Afghanistan"), ("Yemeni", "Yemen"), ("Sudanese", "Sudan"),
]
UNITS = ["troops", "forces", "soldiers", "border guards", "police officers", "army units", "special forces"]
GROUPS = ["rebels", "militants", "gunmen", "insurgents", "armed men", "fighters of an armed group"]
PLACES = [
    "Tavush", "Kalbajar", "Donetsk", "Kharkiv", "Aleppo", "Idlib", "Mosul", "Kirkuk", "Gao", "Mopti", "Maiduguri",
    "Mogadishu", "Kismayo", "Cali", "Medellin", "Kandahar", "Helmand", "Taiz", "Marib", "El Fasher", "Berd",
    "Lachin", "Avdiivka", "Homs", "Timbuktu", "Kunduz", "Hodeidah", "Nyala", "Baidoa", "Popayan",
]
VERBS_CLASH = ["clashed with", "exchanged fire with", "attacked the positions of", "ambushed", "fought"]
WEAPONS = ["artillery", "mortars", "rockets", "drones", "heavy machine guns", "sniper rifles", "grenade launchers"]
NUMBERS = ["two", "three", "four", "five", "seven", "10", "12", "at least 15", "about 20", "dozens of", "several"]
VICTIMS = ["civilians", "soldiers", "villagers", "fighters", "police officers", "people", "children"]
OUTLETS = ["Daily Wire Service", "Regional Herald", "Evening Monitor", "Press Agency", "News Network"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FILLER = [
    "The ministry said the talks would continue next month.",
    "Prices of fuel and bread rose sharply in the capital this week.",
    "The president met the visiting delegation to discuss trade and investment.",
    "Heavy rain is expected across the northern provinces over the weekend.",
    "Officials did not respond to a request for comment.",
    "The national team won its qualifying match by two goals.",
    "Parliament is due to vote on the budget before the end of the year.",
    "Analysts said the situation remained tense but under control.",
    "The central bank kept its main interest rate unchanged.",
    "Schools in the region reopened after the holiday.",
    "A spokesperson said the government was committed to dialogue.",
    "The report was published on the organization's website.",
]


def _date_phrase(rng: random.Random, published: date) -> str:
    kind = rng.random()
    if kind < 0.3:
        d = published - timedelta(days=rng.randint(0, 6))
        return f"on {d.day} {d.strftime('%B')} {d.year}"
    if kind < 0.5:
        return "yesterday"
    if kind < 0.7:
        return f"on {rng.choice(WEEKDAYS)}"
    if kind < 0.85:
        return "during the night"
    return f"at {rng.randint(0, 23):02d}{rng.choice(['00', '30'])} hours"


def _conflict_sentence(rng: random.Random, published: date) -> str:
    (adj1, _c1), (adj2, _c2) = rng.sample(SIDES, 2)
    place = rng.choice(PLACES)
    when = _date_phrase(rng, published)
    kind = rng.randrange(6)
    if kind == 0:
        return f"{adj1} {rng.choice(UNITS)} {rng.choice(VERBS_CLASH)} {adj2} {rng.choice(UNITS)} near {place} {when}."
    if kind == 1:
        return f"{adj1} forces shelled villages in the {place} district with {rng.choice(WEAPONS)} {when}."
    if kind == 2:
        return (f"{rng.choice(NUMBERS).capitalize()} {rng.choice(VICTIMS)} were killed and {rng.choice(NUMBERS)} "
                f"wounded when {rng.choice(GROUPS)} attacked a market in {place} {when}.")
    if kind == 3:
        return f"A roadside bomb exploded near a convoy outside {place} {when}, the {adj1} defence ministry said."
    if kind == 4:
        return f"Hundreds of people protested in {place} {when}, demanding the release of detained activists."
    return (f"The {adj1} defence ministry said {rng.choice(NUMBERS)} {adj2} soldiers were killed in {place}, "
            f"a claim the {adj2} side denied as disinformation.")


def generate(n: int, *, seed: int = 20240601) -> list[RawArticle]:
    """``n`` articles, the same ones for the same seed."""
    rng = random.Random(seed)
    out: list[RawArticle] = []
    start = date(2022, 1, 1)
    for i in range(n):
        published = start + timedelta(days=rng.randint(0, 700))
        sentences = []
        for _ in range(rng.randint(4, 14)):
            sentences.append(_conflict_sentence(rng, published) if rng.random() < 0.35 else rng.choice(FILLER))
        paragraphs = [" ".join(sentences[j:j + 3]) for j in range(0, len(sentences), 3)]
        out.append(RawArticle(
            source=f"generated:{i}",
            id=f"gen-{i}",
            title=f"Report {i}: tensions in {rng.choice(PLACES)}",
            text="\n\n".join(paragraphs),
            published=published.isoformat(),
            outlet=rng.choice(OUTLETS),
        ))
    return out
