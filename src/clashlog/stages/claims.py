"""PLACEHOLDER until its owner lands the real stage (assigns an empty list)."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("clashlog_claims", assigns=["doc._.claims"])
def placeholder(doc: Doc) -> Doc:
    doc._.claims = []
    return doc
