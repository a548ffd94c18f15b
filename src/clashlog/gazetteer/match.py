"""Find gazetteer names in text in one linear pass (Aho-Corasick).

The article is folded 1:1 (`names.fold_text`), so every match has the same
offsets in the original text.  A match is kept when it sits on word
boundaries, starts with a capital letter (unless the whole text is in capitals,
as in wire copy), has no lowercase common word after its first word in mixed-case
text ("The meeting", but "Isle of Man", "Tachileik district"), and is not a
context-only stoplist word; overlapping matches resolve to the longest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .names import ARABIC_ARTICLES, fold_text, norm_key
from .resolve import ADMIN_CUES, TOWN_CUES
from .store import Gazetteer

# a text whose letters are mostly capitals gives no capitalization cue
ALL_CAPS_RATIO = 0.8


@dataclass
class Candidate:
    start: int
    end: int
    text: str
    key: str
    context_only: bool = False  # a stoplist word: a place only with supporting context


@lru_cache(maxsize=1)
def context_stoplist() -> frozenset[str]:
    """Keys that are places only with context (lexicons/toponym_stoplist.txt lines without '!')."""
    path = Path(str(resources.files("clashlog") / "lexicons" / "toponym_stoplist.txt"))
    out = set()
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith(("#", "!")):
                out.add(norm_key(line))
    return frozenset(out)


def is_all_caps(text: str) -> bool:
    letters = [c for c in text[:5000] if c.isalpha()]
    if len(letters) < 20:
        return False
    return sum(c.isupper() for c in letters) / len(letters) >= ALL_CAPS_RATIO


# lowercase words that may stand inside a place name ("Stratford-upon-Avon", "Isle of Man",
# "Rostov-on-Don", "Bosnia and Herzegovina", "Saint-Pierre-et-Miquelon", "Kafr el-Sheikh");
# admin and town words too ("Tachileik district", "Cork city")
_NAME_PARTICLES = frozenset({
    "of", "and", "on", "upon", "the", "de", "del", "della", "di", "da", "do", "dos", "das", "du",
    "des", "la", "le", "les", "el", "al", "en", "et", "y", "sur", "am", "an", "im", "in", "bei",
    "ob", "unter", "van", "von", "der", "den", "zu", "au", "aux", "ter", "ten", "op", "a", "e",
    "i",
}) | ARABIC_ARTICLES


def _lowercase_word_inside(text: str, start: int, end: int) -> bool:
    """A lowercase common word after the first word of a match: "The meeting", "The post", "The range".

    In mixed-case text such a match is an ordinary phrase, not the place of that name.
    """
    words = text[start:end].replace("-", " ").split()
    return any(
        w[:1].islower() and w not in _NAME_PARTICLES and w not in ADMIN_CUES and w not in TOWN_CUES
        and w.rstrip("s") not in ADMIN_CUES
        for w in words[1:]
    )


_ARTICLE_FIRST = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|ed|er|es|et|ez)-[A-Z]")
_WRAP = str.maketrans({"\n": " ", "\t": " ", "\r": " "})


def scan_key(name: str) -> str:
    """The key `scan` matched a name by: folded, a line break inside it read as a space."""
    return fold_text(name).translate(_WRAP)


def scan(text: str, gazetteer: Gazetteer, *, all_caps: bool | None = None) -> list[Candidate]:
    """Non-overlapping gazetteer names in ``text``, in order."""
    if not text:
        return []
    # a line break inside a name is a space ("MARISCAL\nCACERES PROVINCE" in wire copy wrapped at 70
    # columns); a blank line between two words is not, as keys hold single spaces
    folded = fold_text(text).translate(_WRAP)
    caps = is_all_caps(text) if all_caps is None else all_caps
    stop = context_stoplist()
    n = len(text)
    found: list[tuple[int, int]] = []
    lengths = gazetteer.key_lengths
    for end_idx, number in gazetteer.automaton.iter(folded):
        length = lengths[number]
        start = end_idx - length + 1
        end = end_idx + 1
        if start > 0 and folded[start - 1].isalnum():
            continue
        if end < n and folded[end].isalnum():
            continue
        first = text[start]
        if not caps and not (first.isupper() or first.isdigit()) and not _ARTICLE_FIRST.match(text, start):
            continue  # but "el-Fasher", "al-Hasakah": an Arabic article before the capital
        if length == 2 and not text[start:end].isupper():
            continue
        if not caps and _lowercase_word_inside(text, start, end):
            continue
        found.append((start, end))
    # longest first, then leftmost; keep the ones that do not overlap a kept one
    found.sort(key=lambda se: (se[0] - se[1], se[0]))
    taken: list[tuple[int, int]] = []
    occupied = bytearray(n + 1)
    for s, e in found:
        if any(occupied[s:e]):
            continue
        occupied[s:e] = b"\x01" * (e - s)
        taken.append((s, e))
    taken.sort()
    out = []
    for s, e in taken:
        key = folded[s:e]
        # in all-caps text a single short word is too often an ordinary word
        ctx = key in stop or (caps and " " not in key and len(key) <= 4)
        out.append(Candidate(s, e, text[s:e], key, ctx))
    return out
