"""An optional on-disk cache of parsed spaCy Docs, for development benchmarks.

Parsing is ~85% of an article's cost; when a layer changes, the parse does not. With
EVENTWIRE_DOC_CACHE=DIR set, `analyze_many` stores each Doc under the hash of its text
and the pipeline's components, and later runs skip the parser for texts seen before.
Unset (the default) nothing is read or written; production runs never depend on it.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from .nlp import parse

ENV = "EVENTWIRE_DOC_CACHE"


def cache_dir() -> Path | None:
    value = os.environ.get(ENV)
    return Path(value) if value else None


def _key(nlp: Any, text: str) -> str:
    # The pipe names and model version are part of the key, so swapping a component
    # (e.g. EVENTWIRE_SPACY_ATTRIBUTE_RULER) never serves a Doc from the other pipeline.
    meta = f"{nlp.meta.get('name')}-{nlp.meta.get('version')}-{','.join(nlp.pipe_names)}"
    return hashlib.sha1(f"{meta}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()


def get(nlp: Any, directory: Path, text: str) -> Any | None:
    from spacy.tokens import Doc

    path = directory / (_key(nlp, text) + ".doc")
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        return Doc(nlp.vocab).from_bytes(data)
    except Exception:  # a truncated or stale file is just a miss
        return None


def put(nlp: Any, directory: Path, doc: Any) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / (_key(nlp, doc.text) + ".doc")
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_bytes(doc.to_bytes())
    tmp.replace(path)  # atomic, so parallel bench runs never read half a file


def pipe(nlp: Any, texts: list[str], batch_size: int) -> list[Any]:
    """`nlp.pipe` over the texts, through the cache when EVENTWIRE_DOC_CACHE is set."""
    directory = cache_dir()
    if directory is None:
        return parse(nlp, texts, batch_size)
    docs: list[Any] = [get(nlp, directory, t) for t in texts]
    missing = [i for i, d in enumerate(docs) if d is None]
    for i, doc in zip(missing, parse(nlp, [texts[i] for i in missing], batch_size), strict=True):
        put(nlp, directory, doc)
        docs[i] = doc
    return docs
