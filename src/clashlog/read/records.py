"""JSON and JSON Lines article records -> RawArticle.

A record is an object with ``text`` (required) and optionally ``id``
(``article_id`` is accepted too, so clashlog's own output can be fed back),
``title``, ``url``, ``published``, ``outlet``, ``language`` and ``byline``.
A .json file holds one record, a list of records, or ``{"articles": [...]}``;
a .jsonl file holds one record per line (blank lines are skipped).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..errors import InputError
from ..model import RawArticle, ReadError

_OPTIONAL = ("title", "url", "published", "outlet", "language", "byline")


def _json_error(exc: json.JSONDecodeError) -> str:
    return f"malformed JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"


def record_to_raw(record: Any, *, source: str) -> RawArticle:
    """One JSON object -> RawArticle; InputError (the reason) when it is not a usable record."""
    if not isinstance(record, dict):
        raise InputError(f"a record must be a JSON object, not {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        what = (
            "has no 'text' field" if text is None else f"'text' must be a string, not {type(text).__name__}"
        )
        raise InputError(f"record {what}")
    if not text.strip():
        raise InputError("record has an empty 'text'")
    rid = record.get("id", record.get("article_id"))
    fields: dict[str, str | None] = {}
    for key in _OPTIONAL:
        value = record.get(key)
        fields[key] = None if value is None or value == "" else str(value)
    return RawArticle(
        source=source,
        text=text,
        id=None if rid is None or rid == "" else str(rid),
        **fields,
    )


def parse_json_document(text: str, *, source: str) -> Iterator[RawArticle | ReadError]:
    """A whole .json document: one record, a list of them, or {"articles": [...]}."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        yield ReadError(source, _json_error(exc))
        return
    if isinstance(doc, dict) and "text" not in doc and isinstance(doc.get("articles"), list):
        doc = doc["articles"]
    records = doc if isinstance(doc, list) else [doc]
    if not records:
        yield ReadError(source, "no records in the file")
        return
    many = isinstance(doc, list)
    for i, record in enumerate(records):
        where = f"{source}[{i}]" if many else source
        try:
            yield record_to_raw(record, source=where)
        except InputError as exc:
            yield ReadError(where, exc.message)


def parse_jsonl_line(
    line: bytes | str, *, source: str, lineno: int, max_bytes: int
) -> RawArticle | ReadError | None:
    """One line of a .jsonl input; None for a blank line."""
    where = f"{source}:{lineno}"
    if len(line) > max_bytes:
        return ReadError(where, f"line too large ({len(line)} bytes > limit of {max_bytes} bytes)")
    if isinstance(line, bytes):
        if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            return ReadError(
                where, f"not valid UTF-8 (byte 0x{line[exc.start]:02x} at column {exc.start + 1})"
            )
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return ReadError(where, f"malformed JSON line ({exc.msg} at column {exc.colno})")
    try:
        return record_to_raw(record, source=where)
    except InputError as exc:
        return ReadError(where, exc.message)
