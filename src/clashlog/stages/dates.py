"""PLACEHOLDER until its owner lands the real stage (assigns an empty list)."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("clashlog_dates", assigns=["doc._.dates"])
def placeholder(doc: Doc) -> Doc:
    doc._.dates = []
    return doc
