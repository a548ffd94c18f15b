"""Cleaning: a raw article -> the cleaned body text and its metadata.

Every character offset clashlog outputs points into the cleaned ``text``, so
this module builds that string exactly once, at the very end, from the
blocks it keeps.  Nothing it removes can become an event: datelines,
bylines, footers and "Latest news" lists are gone before any stage runs.

The cascade (trafilatura style; each step is one function below):

1. ``_blocks``        normalize (newlines, non-breaking and zero-width spaces,
                      blank-ish lines) and split into blocks at blank lines.
                      Text with no blank line but one paragraph per line gets
                      a block per line; wrapped wire copy stays one block.
2. ``_strip_head``    up to ``HEAD_BLOCKS`` leading blocks, each classified:
   a. wire dateline   "SAN SALVADOR, 3 JAN 90 (DPA) -- [REPORT] [TEXT] ..."
                      -> published, outlet; the prefix and [TAGS] are cut
   b. dateline line   "13 September 2022 10:40 (UTC+04:00)", "Baku, 13
                      September 2022", "Published: ..." -> published; removed
   c. "Updated ..."   removed, never used as the publication date
   d. byline          "By Sabina Mammadli" -> byline; removed
   e. title           the first block when it is one short line without a
                      final period and more text follows -> title (unless
                      one is known); a block equal to the known title goes too
   f. inline dateline at the start of the first body paragraph: "KYIV,
                      Ukraine (AP) —", "Yerevan, March 5 /ARKA/.", "(Mizzima)
                      –", "Trend:", "UPDATE 2-" -> published (only with a
                      year), outlet; the prefix is cut, the sentence kept
                      (the dateline grammar is in `read/datelines.py`)
3. ``_strip_related`` a heading ("Latest news", "Related", "Read more", ...)
                      and the headline list under it; single "Read more: ..."
                      lines anywhere
4. ``_strip_tail``    from the end: rules ("---"), follow/share/subscribe,
                      copyright, "Source: X" (-> outlet candidate), "(Reporting
                      by X; Editing by Y)" (-> byline candidate), dated
                      headline lines without a heading
5. ``_is_junk_line``  "Advertisement", share buttons, photo credits anywhere
6. metadata, first that is known wins:
   published   --published > the JSON record's field > a dateline in the text
               with a full date > HTML metadata.  A dateline with the same
               day and a time refines a date-only value.  Dates in footers and
               headline lists are never used.
   outlet      --outlet > record field / HTML site name > dateline agency >
               "Source:" footer > copyright line > self-attribution in the
               first paragraphs ("Azernews reports", "told APA"); names known
               to lexicons/outlets.tsv become canonical ("news.am" -> "News Am")
   byline      record / HTML author > byline line > "Reporting by" footer
   title       record / HTML title > title line
   article_id  record id > stable_id(cleaned text)
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from .model import Article, RawArticle, stable_id
from .read.datelines import SLUG, dateline_prefix, split_dateline, standalone_dateline
from .read.outlets import OutletTable, default_outlets
from .read.timestamps import STAMP, STAMP_RE, Timestamp, normalize_published

logger = logging.getLogger(__name__)

# how many leading blocks may hold title/dateline/byline lines
HEAD_BLOCKS = 6
# a title line is at most this long (characters / words)
TITLE_MAX_CHARS = 250
TITLE_MAX_WORDS = 30
# metadata and footer lines are short; longer lines are always body text
META_LINE_MAX_CHARS = 200
# a list item under "Latest news" is at most this long
LIST_ITEM_MAX_CHARS = 220
# self-attribution ("Azernews reports") is looked for in this many body blocks
SELF_ATTRIBUTION_BLOCKS = 2

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\t\u3000"), " ")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SENTENCE_END = (".", "!", "?", '."', ".”", "!”", "?”", ".'", ".’", ".)", ":")

_NON_WORD = re.compile(r"\W+")
_TITLE_OUTLET = re.compile(r"^(?P<t>.+?)\s+[|\-–—]\s+(?P<o>[^|\-–—]{2,40})$")
_RULE = re.compile(r"^(?:[-–—_=*~·•#]\s*){3,}$")
_UPDATED = re.compile(r"^(?:last\s+)?(?:updated|modified|edited)\b", re.I)
_BYLINE = re.compile(
    r"^(?:by|written by|author|authors|reporter|reported by|text by)\s*[:\-]?\s+"
    r"(?P<who>[A-Z][\w.'’\-]*(?:(?:\s+|,\s*|\s+and\s+|\s*&\s*)[A-Z][\w.'’\-]*){0,7})\s*\.?$",
    re.I,
)
_REPORTING = re.compile(
    r"^\(?\s*(?:additional\s+)?(?:reporting|writing|compiled|edited|editing|written)\s+by\s+(?P<who>[^;)(]+?)(?:\s+in\s+[A-Z][^;)]*)?\s*(?:[;)]|$)",
    re.I,
)
_SOURCE = re.compile(r"^(?:source|sources|via)\s*[:\-–—]\s*(?P<outlet>[^\n]{2,80}?)\s*\.?$", re.I)
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright\b)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?P<outlet>[^.|,]{0,60})", re.I
)
_FOLLOW = re.compile(
    r"^(?:follow\s+(?:us|.{1,40}\s+on)|subscribe\b|join\s+(?:us|our)\b|sign\s+up\b|share\s+(?:this|on|via)\b|"
    r"click\s+here\b|download\s+(?:our|the)\s+app|like\s+us\s+on|you\s+can\s+(?:follow|read)|stay\s+(?:updated|tuned)|"
    r"find\s+us\s+on|get\s+(?:the\s+latest|our)\b|for\s+more\s+(?:news|updates)|all\s+rights\s+reserved|"
    r"(?:tags?|keywords?|topics?)\s*:|read\s+(?:us|the\s+latest\s+news)\s+on|if\s+you\s+(?:find|see)\s+a\s+(?:typo|mistake|error))",
    re.I,
)
_JUNK = re.compile(
    r"^(?:advertisement|advert|ad|sponsored(?:\s+content)?|share|tweet|print|e-?mail|comments?|loading\.*|"
    r"(?:home|main)\s*[>»/|]\s*.{0,120}|"
    r"share\s+this(?:\s+article|\s+story)?|listen(?:\s+to\s+(?:this\s+)?article)?|"
    r"(?:photo|image|picture|video|file\s+photo|pictured)\s*(?:credit)?\s*[:/©].{0,100})\s*$",
    re.I,
)
_RELATED_HEAD = re.compile(
    r"^(?:latest(?:\s+news)?|related(?:\s+(?:news|articles?|stories|posts|content|coverage|topics))?|"
    r"read\s+(?:more|also)|also\s+read|see\s+also|more\s+(?:news|stories|on\s+this(?:\s+(?:topic|story))?|from\s+.{1,40})|"
    r"most\s+(?:read|popular|viewed)|popular(?:\s+news)?|you\s+(?:may|might)\s+also\s+(?:like|be\s+interested\s+in)|"
    r"recommended(?:\s+for\s+you)?|other\s+news|top\s+(?:news|stories)|news\s+feed|trending(?:\s+now)?|editor'?s?\s+picks?)"
    r"\s*[:.]?$",
    re.I,
)
_READ_MORE_LINE = re.compile(
    r"^(?:read\s+(?:more|also)|also\s+read|see\s+also|related|more)\s*[:|»>]\s*\S.{0,200}$", re.I
)
_TIME_AT_END = re.compile(r"\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*$", re.I)
_STAMP_AT_END = re.compile(rf"(?:{STAMP})\s*$", re.I)

_SELF_ATTRIBUTION = re.compile(
    r"(?:\btold|\baccording\s+to|\breported\s+by|\bwrites|\breports|\breported)\s+(?P<a>[A-Z][\w.+\-]*(?:\s[A-Z][\w.+\-]*){0,3})"
    r"|(?P<b>[A-Z][\w.+\-]*(?:\s[A-Z][\w.+\-]*){0,3})\s+(?:reports|reported|has\s+learned|learned)\b"
)


@dataclass
class _Found:
    """Metadata candidates collected while cleaning (first found wins within a kind)."""

    dateline: Timestamp | None = None
    title: str | None = None
    byline: str | None = None
    footer_byline: str | None = None
    dateline_outlet: str | None = None
    dateline_place: str | None = None
    footer_outlet: str | None = None
    copyright_outlet: str | None = None


def clean_article(raw: RawArticle, *, published: str | None = None, outlet: str | None = None) -> Article:
    """The cleaned Article for ``raw``; ``published``/``outlet`` (from the CLI) override everything."""
    outlets = default_outlets()
    found = _Found()
    blocks = _blocks(raw.text)
    known_title = _tidy_title(raw.title, outlets)
    blocks = _strip_head(blocks, found, known_title=known_title, outlets=outlets)
    blocks = _strip_related(blocks)
    blocks = _strip_tail(blocks, found)
    blocks = [[ln for ln in b if not _is_junk_line(ln)] for b in blocks]
    text = "\n\n".join("\n".join(b) for b in blocks if b).strip()
    if not text:  # everything looked like boilerplate: keep the normalized text rather than nothing
        text = "\n\n".join("\n".join(b) for b in _blocks(raw.text)).strip()
    return Article(
        article_id=raw.id or stable_id(text),
        text=text,
        title=known_title or found.title,
        outlet=_pick_outlet(raw, text, found, override=outlet, outlets=outlets),
        byline=_tidy(raw.byline) or found.byline or found.footer_byline,
        published=_pick_published(raw, found, override=published),
        url=raw.url,
        language=raw.language or "en",
        dateline_place=found.dateline_place,
    )


# ------------------------------------------------------------------ step 1


def _blocks(text: str) -> list[list[str]]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_INVISIBLE).translate(_SPACES)
    text = _CONTROL.sub("", text)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    if len(blocks) == 1 and len(blocks[0]) > 1 and _one_paragraph_per_line(blocks[0]):
        blocks = [[line] for line in blocks[0]]
    return blocks


def _one_paragraph_per_line(lines: list[str]) -> bool:
    """Lines that end sentences (or are long) are paragraphs; wrapped wire copy is not."""
    ends = sum(1 for line in lines if line.endswith(_SENTENCE_END) or len(line) > 160)
    return ends >= 0.6 * len(lines)


# ------------------------------------------------------------------ step 2


def _strip_head(
    blocks: list[list[str]], found: _Found, *, known_title: str | None, outlets: OutletTable
) -> list[list[str]]:
    # metadata lines glued together in one block ("Title\n13 September 2022\nBy X") become blocks
    head: list[list[str]] = []
    for i, block in enumerate(blocks):
        if i < HEAD_BLOCKS and len(block) > 1 and any(_head_kind(line) for line in block):
            head.extend([line] for line in block)
        else:
            head.append(block)
    blocks = head
    out: list[list[str]] = []
    i = 0
    seen_body = False
    title_allowed = True  # until the body or a wire dateline block starts
    while i < len(blocks):
        block = blocks[i]
        line = block[0]
        single = len(block) == 1
        if not seen_body and i < HEAD_BLOCKS:
            if single and (_is_junk_line(line) or (known_title and _same_text(line, known_title))):
                i += 1
                continue
            if single and len(line) <= META_LINE_MAX_CHARS and outlets.lookup(line):
                found.dateline_outlet = (
                    found.dateline_outlet or line
                )  # "The Associated Press" on its own line
                i += 1
                continue
            kind = _head_kind(line) if single else None
            if kind == "dateline":
                found.dateline = found.dateline or standalone_dateline(line)
                i += 1
                continue
            if kind == "updated":
                i += 1
                continue
            if kind == "byline":
                m = _BYLINE.match(line)
                if m and not found.byline:
                    found.byline = _byline_name(m.group("who"), outlets)
                i += 1
                continue
            if (
                title_allowed
                and not found.title
                and single
                and i + 1 < len(blocks)
                and _looks_like_title(line)
                and not dateline_prefix(line)
            ):
                if not known_title:
                    slug = SLUG.match(line)
                    found.title = line[slug.end() :] if slug else line
                i += 1
                continue
            # first body block: cut an inline dateline
            block = _strip_inline_dateline(block, found, outlets)
            if not block:  # the block was only a dateline: what follows is body, not a title
                title_allowed = False
                i += 1
                continue
            seen_body = True
        out.append(block)
        i += 1
    return out


def _head_kind(line: str) -> str | None:
    if len(line) > META_LINE_MAX_CHARS:
        return None
    if _UPDATED.match(line) and (STAMP_RE.search(line) or _TIME_AT_END.search(line)):
        return "updated"
    if standalone_dateline(line):
        return "dateline"
    if _BYLINE.match(line):
        return "byline"
    return None


def _strip_inline_dateline(block: list[str], found: _Found, outlets: OutletTable) -> list[str]:
    text = "\n".join(block)  # wire tags may wrap onto the next line
    dateline = split_dateline(text, outlets=outlets)
    if dateline is None:
        return block
    found.dateline = found.dateline or dateline.timestamp
    found.dateline_outlet = found.dateline_outlet or dateline.agency
    found.dateline_place = found.dateline_place or dateline.place
    return [line.strip() for line in text[dateline.end :].split("\n") if line.strip()]


def _looks_like_title(line: str) -> bool:
    if not (3 <= len(line) <= TITLE_MAX_CHARS) or len(line.split()) > TITLE_MAX_WORDS:
        return False
    if line.rstrip().endswith((".", ",", ";", ":")) and not line.rstrip().endswith("..."):
        return False
    return line[0].isupper() or line[0].isdigit() or line[0] in "\"“‘'"


# --------------------------------------------------------------- steps 3-5


def _is_list_item(line: str) -> bool:
    if len(line) > LIST_ITEM_MAX_CHARS:
        return False
    if _STAMP_AT_END.search(line) or _TIME_AT_END.search(line):
        return True
    return not line.endswith(_SENTENCE_END) or len(line) <= 120


def _strip_related(blocks: list[list[str]]) -> list[list[str]]:
    out: list[list[str]] = []
    in_list = False
    for block in blocks:
        kept: list[str] = []
        for line in block:
            if _RELATED_HEAD.match(line) and (out or kept):
                in_list = True
                continue
            if in_list:
                if _is_list_item(line):
                    continue
                in_list = False
            if _READ_MORE_LINE.match(line) and len(line) <= LIST_ITEM_MAX_CHARS:
                continue
            kept.append(line)
        if kept:
            out.append(kept)
    return out


def _strip_tail(blocks: list[list[str]], found: _Found) -> list[list[str]]:
    blocks = [list(b) for b in blocks]
    while len(blocks) > 1 or (blocks and len(blocks[0]) > 1):
        line = blocks[-1][-1]
        if not _tail_line(line, found):
            break
        blocks[-1].pop()
        if not blocks[-1]:
            blocks.pop()
    return blocks


def _tail_line(line: str, found: _Found) -> bool:
    """True (and metadata noted) when ``line`` is footer matter."""
    if len(line) > META_LINE_MAX_CHARS:
        return False
    if _RULE.match(line) or _FOLLOW.match(line) or _JUNK.match(line) or _RELATED_HEAD.match(line):
        return True
    m = _SOURCE.match(line)
    if m:
        found.footer_outlet = found.footer_outlet or m.group("outlet").strip()
        return True
    m = _REPORTING.match(line)
    if m:
        found.footer_byline = found.footer_byline or _tidy(m.group("who"))
        return True
    m = _COPYRIGHT.match(line)
    if m:
        found.copyright_outlet = found.copyright_outlet or _tidy(m.group("outlet"))
        return True
    # a dated headline of a list without heading
    return bool(_STAMP_AT_END.search(line) or _TIME_AT_END.search(line)) and not line.endswith(_SENTENCE_END)


def _is_junk_line(line: str) -> bool:
    return len(line) <= META_LINE_MAX_CHARS and bool(
        _JUNK.match(line) or _RULE.match(line) or _FOLLOW.match(line)
    )


# ------------------------------------------------------------------ step 6


def _pick_published(raw: RawArticle, found: _Found, *, override: str | None) -> str | None:
    if override:
        return normalize_published(override) or override
    record = normalize_published(raw.published)
    dateline = found.dateline
    if record and not raw.html:
        if dateline and dateline.time and len(record) == 10 and dateline.day.isoformat() == record:
            return dateline.iso()
        return record
    if dateline:
        return dateline.iso()
    if raw.published and not record:
        logger.info("%s: unreadable publication date %r ignored", raw.source, raw.published)
    return record


def _pick_outlet(
    raw: RawArticle, text: str, found: _Found, *, override: str | None, outlets: OutletTable
) -> str | None:
    for candidate in (override, raw.outlet, found.dateline_outlet, found.footer_outlet):
        if candidate and candidate.strip():
            return outlets.canonical(candidate)
    if found.copyright_outlet and outlets.lookup(found.copyright_outlet):
        return outlets.canonical(found.copyright_outlet)
    for block in text.split("\n\n")[:SELF_ATTRIBUTION_BLOCKS]:
        for m in _SELF_ATTRIBUTION.finditer(block):
            name = _known_prefix(m.group("a") or m.group("b"), outlets)
            if name:
                return name
    return None


def _known_prefix(words: str, outlets: OutletTable) -> str | None:
    """The longest leading run of ``words`` that names a known outlet, canonical."""
    parts = words.rstrip(".,;:").split()
    for n in range(len(parts), 0, -1):
        outlet = outlets.lookup(" ".join(parts[:n]))
        if outlet:
            return outlet.name
    return None


# ----------------------------------------------------------------- helpers


def _tidy(value: str | None) -> str | None:
    if not value:
        return None
    value = " ".join(value.split()).strip(" ,;:-–—")
    return value or None


def _tidy_title(title: str | None, outlets: OutletTable) -> str | None:
    """The known title without a trailing " | Outlet" / " - Outlet"."""
    title = _tidy(title)
    if not title:
        return None
    m = _TITLE_OUTLET.match(title)
    if m and outlets.lookup(m.group("o")):
        return m.group("t")
    return title


def _byline_name(who: str, outlets: OutletTable) -> str | None:
    """ "Sabina Mammadli, Azernews" / "JOHN SMITH Associated Press" -> the name alone."""
    parts = [p.strip() for p in who.split(",")]
    while len(parts) > 1 and outlets.lookup(parts[-1]):
        parts.pop()
    words = ", ".join(parts).split()
    for n in range(1, min(4, len(words) - 1) + 1):  # a trailing outlet name without a comma
        if outlets.lookup(" ".join(words[-n:])):
            words = words[:-n]
            break
    return _tidy(" ".join(words))


def _same_text(a: str, b: str) -> bool:
    return _NON_WORD.sub(" ", a).strip().lower() == _NON_WORD.sub(" ", b).strip().lower()
