"""The table-lookup attribute ruler must annotate exactly like spaCy's own component."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from eventwire.nlp import MODELS, load
from eventwire.nlp_attrs import FastAttributeRuler

# Hand-written sentences that exercise the ruler's exceptions: negation, auxiliaries,
# existential "there is", contractions ("gonna", "let's", "y'all", "ain't"), pronouns,
# determiners, subordinators and whitespace tokens.
TEXTS = [
    "Police said the gunman wasn't known to them, but they ain't sure.\n\nThere is no suspect.",
    "We're gonna find out whether it's true, she said; let's wait.  Y'all know that.",
    "An attack on a market killed 12 people on Friday, and 30 were injured, officials said.",
    "I don't think he'd have done it if they hadn't asked. Those were his own words.",
    "Because the protest was banned, thousands gathered anyway\tnear the ministry.",
]


def _annotations(doc: Doc) -> list[tuple[str, ...]]:
    return [(t.text, t.pos_, t.tag_, t.dep_, str(t.morph), t.lemma_) for t in doc]


def test_fast_ruler_equals_spacy_attribute_ruler() -> None:
    nlp = spacy.load(MODELS["en"], disable=["lemmatizer"])
    ruler = nlp.get_pipe("attribute_ruler")
    fast = FastAttributeRuler(ruler)
    before = spacy.load(MODELS["en"], disable=["lemmatizer", "attribute_ruler", "ner"])
    for text in TEXTS:
        doc = before(text)
        a = ruler(Doc(doc.vocab).from_bytes(doc.to_bytes()))
        b = fast(Doc(doc.vocab).from_bytes(doc.to_bytes()))
        assert _annotations(a) == _annotations(b)
        assert any(t.pos_ for t in b), "the ruler must set coarse POS"


def test_pipeline_uses_the_fast_ruler() -> None:
    names = load("en").pipe_names
    assert "eventwire_attribute_ruler" in names and "attribute_ruler" not in names
    doc = load("en")("They were not there.")
    assert [t.pos_ for t in doc] == ["PRON", "AUX", "PART", "ADV", "PUNCT"]
