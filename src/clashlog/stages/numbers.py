"""PLACEHOLDER until its owner lands the real stage (assigns an empty list)."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("clashlog_numbers", assigns=["doc._.quantities"])
def placeholder(doc: Doc) -> Doc:
    doc._.quantities = []
    return doc
