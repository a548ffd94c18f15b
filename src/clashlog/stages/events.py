"""PLACEHOLDER until its owner lands the real stage (assigns an empty list)."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("clashlog_events", assigns=["doc._.events"])
def placeholder(doc: Doc) -> Doc:
    doc._.events = []
    return doc
