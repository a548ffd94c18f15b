"""Reading articles: files, directories and stdin -> RawArticle records.

``read_inputs`` never raises for bad input: each input that cannot be read
becomes a `ReadError` naming it (the CLI prints those and exits 1), and the
other inputs are still read.  Known kinds, by extension:

* ``.txt``            plain text (UTF-8; see `decode` for the fallbacks)
* ``.html``/``.htm``  main text and metadata through trafilatura (`html`)
* ``.json``           one record, a list of records, or ``{"articles": [...]}``
* ``.jsonl``          one record per line, streamed; a malformed line is an
                      error naming ``path:lineno`` and the other lines are read
* a directory         every file with a known extension below it, sorted,
                      hidden files and directories skipped
* ``-``               stdin; its kind is sniffed from the content
* another extension   sniffed from the content, as for stdin

Encodings (see `decode`): UTF-8 (with or without BOM), UTF-16 with BOM, a
charset an HTML page declares.  Invalid UTF-8 that still reads as cp1252
text is read *and* reported with a ReadError (the CLI then exits 1, so a
possibly garbled input never passes silently); anything else is an error.

Size limit: a file (or stdin) larger than ``max_bytes`` is refused with
"too large (N bytes > limit of M bytes)".  For .jsonl the limit applies to
each line, so that large corpora can be streamed.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator, Sequence
from typing import BinaryIO

from ..errors import InputError
from ..model import RawArticle, ReadError
from .decode import SNIFF_BYTES, declared_html_charset, decode_bytes
from .html import html_to_raw
from .records import parse_json_document, parse_jsonl_line

__all__ = ["KNOWN_EXTENSIONS", "read_inputs", "read_path", "read_stream", "sniff_kind"]

logger = logging.getLogger(__name__)

KNOWN_EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
}
STDIN_NAME = "<stdin>"
# the start of a document that marks it as HTML when sniffing
_HTML_MARKERS = ("<!doctype html", "<html", "<head", "<body", "<article", "<p>", "<p ", "<div", "<meta")


def read_inputs(
    paths: Sequence[str], *, max_bytes: int, stdin: BinaryIO | None = None
) -> Iterator[RawArticle | ReadError]:
    """Yield one RawArticle per article found (or a ReadError per unreadable input), in order."""
    for path in paths:
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_stream(stream, source=STDIN_NAME, max_bytes=max_bytes)
        elif os.path.isdir(path):
            files = list(iter_directory(path))
            if not files:
                exts = "/".join(sorted(KNOWN_EXTENSIONS))
                yield ReadError(path, f"directory holds no {exts} files")
            for file in files:
                yield from read_path(file, max_bytes=max_bytes)
        else:
            yield from read_path(path, max_bytes=max_bytes)


def iter_directory(root: str) -> Iterator[str]:
    """Files with a known extension below ``root``, sorted, skipping hidden entries."""
    found: list[tuple[tuple[str, ...], str]] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in KNOWN_EXTENSIONS:
                path = os.path.join(dirpath, name)
                found.append((tuple(os.path.relpath(path, root).split(os.sep)), path))
    for _key, path in sorted(found):
        yield path


def read_path(path: str, *, max_bytes: int) -> Iterator[RawArticle | ReadError]:
    """One file path -> its article(s), or ReadErrors naming it."""
    kind = KNOWN_EXTENSIONS.get(os.path.splitext(path)[1].lower())
    try:
        if not os.path.exists(path):
            yield ReadError(path, "no such file or directory")
            return
        if kind == "jsonl":
            with open(path, "rb") as fh:
                yield from _read_jsonl(fh, source=path, max_bytes=max_bytes)
            return
        size = os.path.getsize(path) if os.path.isfile(path) else 0
        if size > max_bytes:
            yield ReadError(path, _too_large(size, max_bytes))
            return
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        yield ReadError(path, exc.strerror or str(exc))
        return
    if len(data) > max_bytes:
        yield ReadError(path, _too_large(len(data), max_bytes, at_least=True))
        return
    yield from _read_bytes(data, source=path, kind=kind, max_bytes=max_bytes)


def read_stream(stream: BinaryIO, *, source: str, max_bytes: int) -> Iterator[RawArticle | ReadError]:
    """A byte stream (stdin) of unknown kind -> article(s)."""
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:
        yield ReadError(source, exc.strerror or str(exc))
        return
    if len(data) > max_bytes:
        yield ReadError(source, _too_large(len(data), max_bytes, at_least=True))
        return
    yield from _read_bytes(data, source=source, kind=None, max_bytes=max_bytes)


def sniff_kind(text: str) -> str:
    """Guess "json", "jsonl", "html" or "text" from the content."""
    head = text.lstrip()[:2048]
    if head.startswith(("{", "[")):
        first, _, rest = head.partition("\n")
        if head.startswith("{") and rest.lstrip().startswith("{") and first.rstrip().endswith("}"):
            return "jsonl"
        return "json"
    lowered = head.lower()
    if lowered.startswith("<") and any(marker in lowered for marker in _HTML_MARKERS):
        return "html"
    return "text"


def _too_large(size: int, limit: int, *, at_least: bool = False) -> str:
    more = "more than " if at_least else ""
    return (
        f"too large ({more}{size} bytes > limit of {limit} bytes; raise max_input_bytes in a --config file)"
    )


def _read_bytes(
    data: bytes, *, source: str, kind: str | None, max_bytes: int
) -> Iterator[RawArticle | ReadError]:
    declared = declared_html_charset(data) if kind in (None, "html") else None
    try:
        decoded = decode_bytes(data, declared=declared)
    except InputError as exc:
        yield ReadError(source, exc.message)
        return
    text = decoded.text
    if kind is None or (kind == "text" and sniff_kind(text) == "html"):
        kind = sniff_kind(text)
    if kind == "jsonl":
        for lineno, line in enumerate(text.splitlines(), start=1):
            item = parse_jsonl_line(line, source=source, lineno=lineno, max_bytes=max_bytes)
            if item is not None:
                yield item
    elif kind == "json":
        yield from parse_json_document(text, source=source)
    elif kind == "html":
        try:
            yield html_to_raw(text, source=source)
        except InputError as exc:
            yield ReadError(source, exc.message)
    else:
        yield RawArticle(source=source, text=text)
    if decoded.warning:
        yield ReadError(source, f"{decoded.warning}; check the output for garbled characters")


def _read_jsonl(fh: BinaryIO, *, source: str, max_bytes: int) -> Iterator[RawArticle | ReadError]:
    head = fh.read(SNIFF_BYTES)
    if b"\x00" in head:
        yield ReadError(source, "binary file (NUL bytes), not JSON Lines")
        return
    fh.seek(0)
    empty = True
    lineno = 0
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            break
        lineno += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            size = len(line)
            while True:  # skip the rest of an over-long line without holding it in memory
                chunk = fh.readline(1 << 20)
                size += len(chunk)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield ReadError(
                f"{source}:{lineno}", f"line too large ({size} bytes > limit of {max_bytes} bytes)"
            )
            empty = False
            continue
        item = parse_jsonl_line(line, source=source, lineno=lineno, max_bytes=max_bytes)
        if item is not None:
            empty = False
            yield item
    if empty:
        yield ReadError(source, "empty file (no records)")
