"""HTML page -> RawArticle: main text and metadata.

The cascade:

1. trafilatura ``bare_extraction`` for the main text, title, author, site
   name and canonical URL (its date search is switched to
   ``extensive_search=False`` and its date is not used: even then it picks
   dates out of copyright footers).
2. The publication timestamp comes only from the page's structured metadata
   (``article:published_time``, ``datePublished`` in JSON-LD or a
   ``<time itemprop=datePublished>``, ...), keeping the time and UTC offset,
   else from a dated URL (``/2022/09/13/``).
3. When trafilatura finds no main text (very short pages), its ``baseline``
   extractor, then all visible text of ``<body>``.
4. Anything else (a dateline at the top of the body text) is left to
   ``clean.py``, which falls back to it when the page has no date metadata.

Paragraphs come out separated by blank lines, as in the .txt inputs.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import datetime
from typing import Any

from ..errors import InputError
from ..model import RawArticle

logger = logging.getLogger(__name__)

# meta names/properties that carry the original publication time, best first
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "pubdate",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "sailthru.date",
    "parsely-pub-date",
)
_ISO_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|$|[-_])")


def _iso(value: str) -> str | None:
    """Normalize a metadata timestamp to ISO 8601 (keeping the offset), or None."""
    value = value.strip()
    if not _ISO_PREFIX.match(value):
        return None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value[:10]
    if len(value) <= 10:
        return dt.date().isoformat()
    return dt.isoformat()


def _jsonld_dates(tree: Any) -> list[str]:
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            value = node.get("datePublished")
            if isinstance(value, str):
                found.append(value)
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            walk(json.loads(script.text_content() or ""))
        except (json.JSONDecodeError, ValueError):
            continue
    return found


def page_metadata(html: str) -> dict[str, str]:
    """Publication timestamp and language from the page head (best effort, never raises)."""
    from lxml import html as lxml_html

    out: dict[str, str] = {}
    try:
        tree = lxml_html.fromstring(html)
    except Exception:  # lxml raises ParserError on empty or garbled pages
        return out
    metas: dict[str, str] = {}
    for meta in tree.xpath("//meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = meta.get("content")
        if key and content and key not in metas:
            metas[key] = content
    for el in tree.xpath("//time[@itemprop='datePublished'][@datetime]"):
        metas.setdefault("datepublished", el.get("datetime"))
    candidates = [metas[k] for k in _DATE_META if k in metas] + _jsonld_dates(tree)
    for value in candidates:
        iso = _iso(value)
        if iso:
            out["published"] = iso
            break
    lang = tree.get("lang") or metas.get("og:locale") or metas.get("content-language")
    if lang:
        out["language"] = re.split(r"[-_]", lang.strip())[0].lower()
    return out


def _date_in_url(url: str | None) -> str | None:
    """The day in a dated article URL (".../2022/09/13/..."), else None."""
    m = _URL_DATE.search(url or "")
    if not m:
        return None
    try:
        return datetime(int(m.group(1)), int(m.group(2)), int(m.group(3))).date().isoformat()
    except ValueError:
        return None


def _paragraphs(text: str) -> str:
    lines = [line.strip() for line in text.splitlines()]
    return "\n\n".join(line for line in lines if line)


def _body_text(html: str) -> str:
    """All visible text of the body, one block element per paragraph."""
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except Exception:  # a page lxml cannot parse has no text for us
        return ""
    for bad in tree.xpath("//script|//style|//noscript|//template|//head"):
        bad.drop_tree()
    for block in tree.xpath("//p|//div|//li|//h1|//h2|//h3|//h4|//br|//tr|//article|//section"):
        block.tail = "\n" + (block.tail or "")
    return _paragraphs(tree.text_content())


def html_to_raw(html: str, *, source: str) -> RawArticle:
    """Extract an article from an HTML page; InputError when the page holds no text."""
    import trafilatura

    meta = page_metadata(html)
    doc = None
    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura has many failure modes on broken HTML
        logger.warning("%s: trafilatura failed (%r); using the plain body text", source, exc)
    fields: dict[str, Any] = {}
    if doc is not None:
        fields = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = _paragraphs(fields.get("text") or "")
    if not text:
        try:
            text = _paragraphs(trafilatura.baseline(html)[1] or "")
        except Exception:  # the last resort below still runs
            text = ""
    if not text:
        text = _body_text(html)
    if not text:
        raise InputError("HTML page without any visible text")
    url = fields.get("url") or None
    published = meta.get("published") or _date_in_url(url)
    return RawArticle(
        source=source,
        text=text,
        title=fields.get("title") or None,
        url=url,
        published=published,
        outlet=fields.get("sitename") or fields.get("hostname") or None,
        language=meta.get("language") or fields.get("language") or None,
        byline=fields.get("author") or None,
        html=True,
    )
