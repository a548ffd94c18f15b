"""Bytes -> text, defensively.

The cascade (first that applies wins):

1. empty input                          -> error "empty file"
2. a known binary signature (PDF, ZIP/Office, PNG, JPEG, GIF, gzip)
                                        -> error "binary file (looks like PDF)"
3. a byte-order mark (UTF-8, UTF-16)    -> decode with that codec
4. NUL bytes in the first block         -> error "binary file (NUL bytes)"
5. a charset declared by the caller (HTML ``<meta charset>``) that is not
   UTF-8                                -> decode with it
6. strict UTF-8                         -> done
7. cp1252, then latin-1, **only if the result looks like text** (few control
   characters, mostly letters/spaces/punctuation) -> decoded, with a warning
   naming the first bad byte, so the caller can report the input as suspect
8. otherwise                            -> error "not valid UTF-8 (byte 0x.. at offset N)"
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from ..errors import InputError

# how much of the start of the input is inspected for NUL bytes
SNIFF_BYTES = 8192
# a legacy-decoded text may have at most this share of control characters ...
MAX_CONTROL_SHARE = 0.001
# ... and at least this share of letters, digits, spaces and common punctuation
MIN_TEXTLIKE_SHARE = 0.85

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP/Office document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "executable"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warning: str | None = None  # set when a legacy fallback was used


def declared_html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag, if any (a valid codec name)."""
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def looks_like_text(text: str) -> bool:
    """True when ``text`` reads like prose rather than decoded binary noise."""
    if not text:
        return False
    control = 0
    textlike = 0
    for ch in text:
        if ch in "\t\n\r\f":
            textlike += 1
            continue
        cat = unicodedata.category(ch)
        if cat == "Cc":
            control += 1
        elif cat[0] in "LNZP" or ch in "$%&+<=>|~^`'\"°€£":
            textlike += 1
    n = len(text)
    return control / n <= MAX_CONTROL_SHARE and textlike / n >= MIN_TEXTLIKE_SHARE


def decode_bytes(data: bytes, *, declared: str | None = None) -> Decoded:
    """Decode ``data`` following the module's cascade; an InputError says why it cannot be read."""
    if not data.strip():
        raise InputError("empty file" if not data else "empty (only whitespace)")
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            raise InputError(f"binary file (looks like {kind}), not text")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"starts with a {codec} byte-order mark but does not decode ({exc.reason})"
                ) from exc
    if b"\x00" in data[:SNIFF_BYTES]:
        raise InputError("binary file (NUL bytes), not text")
    if declared and declared not in {"utf-8", "utf_8", "ascii"}:
        try:
            return Decoded(data.decode(declared), declared)
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declaration: fall through to UTF-8 and the fallbacks
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        bad = f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
        for legacy in ("cp1252", "latin-1"):
            try:
                text = data.decode(legacy)
            except UnicodeDecodeError:
                continue
            if looks_like_text(text):
                return Decoded(text, legacy, warning=f"not valid UTF-8 ({bad}); read as {legacy}")
            break
        raise InputError(f"not valid UTF-8 ({bad}) and does not look like text in another encoding") from exc
