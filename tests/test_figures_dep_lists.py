"""figures_dep on hand-built parses (the statistical parser is not deterministic enough
across contexts to reproduce every mis-parse from plain text)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from eventwire.analyze.figures_dep import dep_figures

_VOCAB = spacy.blank("en").vocab  # lexical attributes (lower_, like_num) as in the real pipeline


def _doc(rows: list[tuple[str, str, str, str, int]]) -> Doc:
    words = [r[0] for r in rows]
    return Doc(_VOCAB, words=words, tags=[r[1] for r in rows], pos=[r[2] for r in rows],
               deps=[r[3] for r in rows], heads=[r[4] for r in rows])


def test_dateline_subject_before_a_dash_is_not_a_victim() -> None:
    # "PORTAGE PARK — A boy was shot": the parser hangs the dateline on "shot" as a second
    # passive subject; only the subject nearest the verb, or one joined to it by a comma or
    # "and", is a victim
    doc = _doc([("PORTAGE", "NNP", "PROPN", "compound", 1), ("PARK", "NNP", "PROPN", "nsubjpass", 6),
                ("—", ":", "PUNCT", "punct", 1), ("A", "DT", "DET", "det", 4),
                ("boy", "NN", "NOUN", "nsubjpass", 6), ("was", "VBD", "AUX", "auxpass", 6),
                ("shot", "VBN", "VERB", "ROOT", 6), (".", ".", "PUNCT", "punct", 6)])
    assert [(f.kind, f.value) for f in dep_figures(doc)] == [("injured", 1)]


def test_photo_credit_glued_to_the_subject_is_not_a_victim() -> None:
    # "Gary Marks The child was rushed": nothing joins the credit to the subject
    doc = _doc([("Gary", "NNP", "PROPN", "compound", 1), ("Marks", "NNP", "PROPN", "nsubjpass", 5),
                ("The", "DT", "DET", "det", 3), ("child", "NN", "NOUN", "nsubjpass", 5),
                ("was", "VBD", "AUX", "auxpass", 5), ("hospitalized", "VBN", "VERB", "ROOT", 5),
                (".", ".", "PUNCT", "punct", 5)])
    assert [(f.kind, f.value) for f in dep_figures(doc)] == [("injured", 1)]


def test_list_parsed_as_two_subjects_still_counts_both() -> None:
    # "A man, two women were killed": a comma joins the two subjects, both are victims
    doc = _doc([("A", "DT", "DET", "det", 1), ("man", "NN", "NOUN", "nsubjpass", 6),
                (",", ",", "PUNCT", "punct", 1), ("two", "CD", "NUM", "nummod", 4),
                ("women", "NNS", "NOUN", "nsubjpass", 6), ("were", "VBD", "AUX", "auxpass", 6),
                ("killed", "VBN", "VERB", "ROOT", 6), (".", ".", "PUNCT", "punct", 6)])
    assert [(f.kind, f.value) for f in dep_figures(doc)] == [("killed", 3)]


def test_both_caps_a_list_the_parse_padded() -> None:
    # "Sturm | Chronicle Veronica Mercado and her child were both found dead": the photo credit
    # parsed into the list; "both" says two
    doc = _doc([("Sturm", "NNP", "PROPN", "nsubjpass", 6), ("Mercado", "NNP", "PROPN", "appos", 0),
                ("and", "CC", "CCONJ", "cc", 1), ("her", "PRP$", "PRON", "poss", 4),
                ("child", "NN", "NOUN", "conj", 1), ("were", "VBD", "AUX", "auxpass", 6),
                ("found", "VBN", "VERB", "ROOT", 6), ("both", "DT", "DET", "dep", 6),
                ("dead", "JJ", "ADJ", "oprd", 6), (".", ".", "PUNCT", "punct", 6)])
    assert [(f.kind, f.value) for f in dep_figures(doc)] == [("killed", 2)]


def test_dash_glued_to_the_next_word_still_ends_a_dateline() -> None:
    # "YORK CITY, Pa.–A man was hospitalized": the tokenizer keeps "Pa.–A" as one word
    doc = _doc([("YORK", "NNP", "PROPN", "compound", 1), ("CITY", "NNP", "PROPN", "nsubjpass", 6),
                (",", ",", "PUNCT", "punct", 1), ("Pa.–A", "NNP", "PROPN", "compound", 4),
                ("man", "NN", "NOUN", "nsubjpass", 6), ("was", "VBD", "AUX", "auxpass", 6),
                ("hospitalized", "VBN", "VERB", "ROOT", 6), (".", ".", "PUNCT", "punct", 6)])
    assert ("injured", 2) not in [(f.kind, f.value) for f in dep_figures(doc)]
