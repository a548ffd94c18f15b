"""PLACEHOLDER until its owner lands the real stage."""

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("clashlog_toponyms", default_config={"gazetteer_dir": ""})
def make_toponyms(nlp: Language, name: str, gazetteer_dir: str):
    def toponyms(doc: Doc) -> Doc:
        doc._.toponyms = []
        return doc

    return toponyms


@Language.factory("clashlog_places", default_config={"gazetteer_dir": ""})
def make_places(nlp: Language, name: str, gazetteer_dir: str):
    def places(doc: Doc) -> Doc:
        doc._.places = []
        return doc

    return places
