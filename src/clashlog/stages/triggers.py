"""PLACEHOLDER until its owner lands the real stage (assigns an empty list)."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("clashlog_triggers", assigns=["doc._.triggers"])
def placeholder(doc: Doc) -> Doc:
    doc._.triggers = []
    return doc
