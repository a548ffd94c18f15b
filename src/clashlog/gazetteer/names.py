"""Name folding and transliteration: how a written name becomes a lookup key.

Two kinds of folding:

* `fold_text` maps **each character to exactly one character** (lowercase,
  diacritics stripped, hyphens to spaces), so a match found in the folded text
  has the same offsets in the original article text.
* `name_keys` gives every key a gazetteer name is stored under: the 1:1 fold,
  plus the English news spellings of Azerbaijani/Turkic Latin names
  (c→j, ç→ch, ş→sh, x→kh, ə→a/e, ı→i, ğ→gh, ö→o, ü→u: Kəlbəcər → kalbajar,
  Daşkəsən → dashkasan / dashkesan), so the text side only ever needs the
  cheap 1:1 fold.
"""

from __future__ import annotations

import re
import unicodedata

# single characters with no useful Unicode decomposition
_SPECIAL = {
    "ə": "a", "Ə": "a", "ı": "i", "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d",
    "ħ": "h", "ŧ": "t", "ß": "s", "þ": "t", "ð": "d", "æ": "a", "Æ": "a", "œ": "o", "Œ": "o",
    "‐": " ", "‑": " ", "‒": " ", "–": " ", "—": " ", "-": " ", "_": " ",
    "’": "'", "‘": "'", "`": "'", "ʼ": "'", "ʻ": "'", "´": "'", "ʹ": "'", "′": "'",
}

_FOLD_CACHE: dict[str, str] = {}


def fold_char(ch: str) -> str:
    """One character in, one character out (lowercase, no diacritics)."""
    out = _FOLD_CACHE.get(ch)
    if out is not None:
        return out
    if ch in _SPECIAL:
        out = _SPECIAL[ch]
    else:
        low = ch.lower()
        if len(low) != 1:  # 'İ'.lower() is two characters
            low = unicodedata.normalize("NFD", ch)[0].lower()
        out = unicodedata.normalize("NFD", low)[0]
    _FOLD_CACHE[ch] = out
    return out


def fold_text(text: str) -> str:
    """Fold ``text`` for matching; ``len(fold_text(t)) == len(t)`` always."""
    return "".join(fold_char(c) for c in text)


_SPACES = re.compile(r"\s+")
_LATIN_KEY = re.compile(r"^[a-z0-9 '.]+$")

# Azerbaijani / Turkic Latin letters -> English news conventions
_AZ_NEWS = str.maketrans({
    "c": "j", "ç": "ch", "ş": "sh", "x": "kh", "ə": "a", "ı": "i", "ğ": "gh", "ö": "o", "ü": "u",
    "q": "g", "C": "J", "Ç": "Ch", "Ş": "Sh", "X": "Kh", "Ə": "A", "Ğ": "Gh", "Ö": "O", "Ü": "U",
    "Q": "G", "İ": "I",
})
_AZ_LETTERS = set("əƏşŞçÇğĞıİöÖüÜ")


def norm_key(name: str) -> str:
    """The lookup key of a name: 1:1 folded, whitespace collapsed, trimmed."""
    return _SPACES.sub(" ", fold_text(name)).strip(" '")


def is_latin_key(key: str) -> bool:
    return bool(_LATIN_KEY.match(key))


def az_variants(name: str) -> set[str]:
    """English news spellings of an Azerbaijani Latin name (Kəlbəcər → Kalbajar, Kelbajar)."""
    out = set()
    news = name.translate(_AZ_NEWS)
    out.add(norm_key(news))
    # 'ə' is also written 'e' (Dashkesan, Kelbajar, Gadabey)
    out.add(norm_key(name.replace("ə", "e").replace("Ə", "E").translate(_AZ_NEWS)))
    # ... or only the first one (Dashkesan, Kelbajar)
    out.add(norm_key(name.replace("ə", "e", 1).replace("Ə", "E", 1).translate(_AZ_NEWS)))
    # keep 'q' as 'q' too (Qazax -> Qazakh) and 'x' as 'x' (Xankendi)
    out.add(norm_key(name.replace("q", "\0").replace("Q", "\1").translate(_AZ_NEWS)
                     .replace("\0", "q").replace("\1", "Q")))
    return {k for k in out if k}


def looks_azerbaijani(name: str) -> bool:
    return any(c in _AZ_LETTERS for c in name)


def name_keys(name: str, *, turkic: bool = False) -> set[str]:
    """Every key ``name`` is stored under (Latin-script keys only)."""
    keys = {norm_key(name)}
    if turkic or looks_azerbaijani(name):
        keys |= az_variants(name)
    # 'Saint' / 'St.' and apostrophes ("Luhans'k")
    extra = set()
    for k in keys:
        if "'" in k:
            extra.add(k.replace("'", ""))
        if k.startswith("saint "):
            extra.add("st " + k[6:])
            extra.add("st. " + k[6:])
    keys |= extra
    # a name written in hyphenated syllables ("Mu-se", "Ye-u") is often written as one word ("Muse")
    if re.fullmatch(r"[^\W\d_]{1,3}(?:-[^\W\d_]{1,3})+", name.strip()):
        keys.add(norm_key(name.replace("-", "")))
    return {k for k in keys if k and is_latin_key(k)}


# suffixes that name the kind of admin unit ("Kalbajar District" -> "Kalbajar")
ADMIN_SUFFIX = re.compile(
    r"\s+(district|rayon|raion|rajon|region|province|oblast|oblast'|kray|krai|governorate|township|county|"
    r"parish|prefecture|municipality|state|marz|division|department|municipal district|city district|"
    r"autonomous republic|rayonu|rayon\u0131|muxtar respublikas\u0131|voivodeship|canton|territory|regency)$",
    re.IGNORECASE,
)


def strip_admin_suffix(name: str) -> str:
    return ADMIN_SUFFIX.sub("", name).strip()


# the local word for an administrative unit written before its name in the unit's own (GeoNames) name:
# "Kabupaten Nduga" (a regency of Indonesia), "Amphoe Rueso" (a district of Thailand); news writes the
# name alone.  Not "Provincia de" and the like: other languages' alternate names ("Distrito de Columbia")
# would make a second "Columbia"
ADMIN_PREFIX = re.compile(r"^(?:kabupaten|amphoe|changwat|khet)\s+", re.IGNORECASE)


# for display only: ACLED writes "Huamanga", not GeoNames' "Provincia de Huamanga"
DISPLAY_PREFIX = re.compile(
    r"^(?:kabupaten|amphoe|changwat|khet|(?:provincia|departamento|municipio|distrito)(?:\s+del?)?|"
    r"wilayat|muhafazat|mohafazat)\s+",
    re.IGNORECASE,
)


def strip_admin_prefix(name: str, *, display: bool = False) -> str:
    """'Kabupaten Nduga' -> 'Nduga'; with ``display`` also 'Provincia de Huamanga' -> 'Huamanga'.  A name
    that is nothing but the prefix stays."""
    return (DISPLAY_PREFIX if display else ADMIN_PREFIX).sub("", name).strip() or name


def az_news_spelling(name: str) -> str:
    """'Kəlbəcər' -> 'Kalbajar': the English news spelling of an Azerbaijani Latin name."""
    out = name.translate(_AZ_NEWS)
    return unicodedata.normalize("NFKD", out).encode("ascii", "ignore").decode("ascii") or name


# Russian / Ukrainian Cyrillic -> English news romanization (Харьков -> Kharkov)
_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "yo", "є": "ye", "ж": "zh",
    "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ә": "a", "ғ": "gh",
    "қ": "q", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
}


def cyrillic_to_latin(name: str) -> str:
    """Romanize a Russian/Ukrainian name the way English news does ('Кельбаджар' -> 'Kelbadzhar')."""
    out = []
    for ch in name:
        low = ch.lower()
        rep = _CYR.get(low)
        if rep is None:
            out.append(ch)
        elif ch != low and rep:
            out.append(rep[0].upper() + rep[1:])
        else:
            out.append(rep)
    return "".join(out)


_SOMALI_VOWELS = "aeiouAEIOU"
_CEEL = re.compile(r"\b[Cc]eel(?=[^\W\d_])")


def somali_news_spelling(name: str) -> str:
    """'Ceeldheer' -> 'El Dheer' -> 'El Dher', 'Xarardheere' -> 'Harardhere', 'Doolow' -> 'Dolow': the
    English news spelling of a name in Somali orthography, where ``c`` writes the ayn (dropped in
    English), ``x`` the pharyngeal h, and doubled letters long vowels (written single).  "Ceel" (a well)
    opening a name is written as its own word."""
    out = _CEEL.sub("Ceel ", name)
    out = re.sub(r"[Cc](?=[aeiouAEIOU'])", "", out).replace("'", "")
    out = out.replace("X", "H").replace("x", "h")
    out = re.sub(r"([aeiou])\1", r"\1", out)
    return " ".join(w[:1].upper() + w[1:] for w in out.split()) or name


def strip_diacritics(name: str) -> str:
    """'Mahārāshtra' -> 'Maharashtra' (letters without a decomposition are kept)."""
    out = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return "".join(_SPECIAL.get(c, c) if c in "əƏıłŁøØđĐ" else c for c in out)


# ------------------------------------------------------------------ spelling variants
# Romanizations of one name differ in ways a one-letter variant does not cover: the Arabic
# article and its assimilated forms ("Jisr al-Shughur" / "Jisr ash Shughūr"), the ayn and hamza
# marks ("Ras al-Ain" / "Ra's al 'Ayn"), doubled letters ("Bardhere" / "Baardheere"), a final
# "-ah" ("Qalqilya" / "Qalqīlyah"), spacing ("Banibangou" / "Bani Bangou"), and vowels ("Deir" /
# "Dayr", "Jawzjan" / "Jowzjan").  `loose_key` undoes the first four; `spelling_skeleton` keeps
# the consonants in order, the bucket in which two spellings of one name meet.

# the Arabic article as English news writes it ("Deir ez-Zor", "Ras al-Ain", "Kafr ad-Dawwar", "Dar ul-Aman")
ARABIC_ARTICLES = frozenset({"al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ed", "en", "er", "es", "et", "ez",
                             "adh", "ath", "ul"})
_DOUBLED = re.compile(r"(.)\1+")
_FINAL_AH = re.compile(r"(?<=[aeiou])h$")
_H_AFTER_CONSONANT = re.compile(r"(?<=[bcdfgjklmnpqrstvwxz])h")
_NOT_CONSONANT = str.maketrans("q", "k", "aeiouy'. ")


def loose_key(key: str) -> str:
    """A folded key without articles, apostrophes, spaces, doubled letters or a final -h
    ("ra's al 'ayn" -> "rasayn", "qalqilyah" -> "qalqilya")."""
    words = key.replace("'", "").split()
    if len(words) > 1:
        words = [w for w in words if w not in ARABIC_ARTICLES] or words
    return _FINAL_AH.sub("", _DOUBLED.sub(r"\1", "".join(words)))


def spelling_skeleton(loose: str) -> str:
    """The consonants of a `loose_key` in order ("h" of a digraph, "q" as "k"): "dayrbala" -> "drbl"."""
    if not loose:
        return ""
    head = "" if loose[0] in "aeiouy" else loose[0]
    rest = _H_AFTER_CONSONANT.sub("", loose)[1:]
    return _DOUBLED.sub(r"\1", (head + rest).translate(_NOT_CONSONANT))
