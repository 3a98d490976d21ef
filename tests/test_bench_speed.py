"""The speed bench's baseline is the least spaCy work that yields the model's entities."""

import spacy

from eventwire.bench.speed import _bare_components
from eventwire.nlp import MODELS


def test_bare_ner_needs_no_tok2vec_and_finds_the_same_entities() -> None:
    full = spacy.load(MODELS["en"], exclude=["lemmatizer"])
    exclude = _bare_components(full)
    assert "tok2vec" in exclude and "parser" in exclude  # en_core_web_sm's NER embeds its own
    bare = spacy.load(MODELS["en"], exclude=exclude)
    assert bare.pipe_names == ["ner"]
    text = ("Gunmen killed three people in Kano, Nigeria, on Monday, police spokesman Abdullahi "
            "Haruna said, and the Red Cross took 12 wounded to Murtala Mohammed hospital.")
    ents = [(e.text, e.label_) for e in bare(text).ents]
    assert ents and ents == [(e.text, e.label_) for e in full(text).ents]
