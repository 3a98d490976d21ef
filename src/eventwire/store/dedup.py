"""Copies of articles: exact (normalised-text hash) and near-duplicates (MinHash LSH).

The LSH index is persisted as (band, bucket) rows, so finding the near-duplicates of a
new article is a handful of indexed look-ups whatever the size of the database. Only
originals are indexed (a copy is found through its original), which keeps buckets small
even when a wire story is syndicated thousands of times.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

import numpy as np
from datasketch import MinHash

NUM_PERM = 64
BANDS, ROWS = 16, 4  # 16 bands of 4 rows: candidates from Jaccard ~0.5 up, verified below
NEAR_DUP_JACCARD = 0.8
SHINGLE = 3  # word 3-grams
MIN_WORDS = 25  # shorter texts are compared by exact hash only (too few shingles)
_WS = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]")


def normalise(text: str) -> str:
    """Case, accents, punctuation and spacing do not make a new article."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _PUNCT.sub(" ", text)
    return _WS.sub(" ", text).strip()


def text_hash(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _template() -> MinHash:
    # Drawing the random permutations costs more than hashing a whole article: do it once.
    return MinHash(num_perm=NUM_PERM, seed=7)


def signature(text: str) -> np.ndarray | None:
    words = normalise(text).split()
    if len(words) < MIN_WORDS:
        return None
    shingles = {" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)}
    template = _template()
    mh = MinHash(num_perm=NUM_PERM, seed=7, permutations=template.permutations, scheme=template.scheme)
    mh.update_batch(list(shingles))
    return mh.hashvalues.astype(np.uint64)


def to_bytes(sig: np.ndarray | None) -> bytes | None:
    return None if sig is None else sig.astype("<u8").tobytes()


def from_bytes(data: bytes | memoryview | None) -> np.ndarray | None:
    return None if data is None else np.frombuffer(bytes(data), dtype="<u8")


def buckets(sig: np.ndarray) -> list[tuple[int, str]]:
    out = []
    for b in range(BANDS):
        chunk = sig[b * ROWS:(b + 1) * ROWS].astype("<u8").tobytes()
        out.append((b, hashlib.blake2b(chunk, digest_size=8).hexdigest()))
    return out


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)
