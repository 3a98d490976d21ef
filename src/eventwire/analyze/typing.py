"""Event-type classifier: text -> taxonomy subtypes ranked by probability.

A linear model (linear SVM scores turned into probabilities by a softmax) over hashed
words reduced to a light stem plus
keyword-group features (data/models/typer_keywords.json). Some groups are actor-verb
patterns ("rebels ... seized" vs "troops ... seized", "police fired on protesters" vs
"protesters threw stones"): a bag of words cannot tell who did what, and those pairs
separate the closest types (government regains vs non-state actor overtakes territory,
excessive force vs violent demonstration) without a parse, so the classifier stays text-only. It is trained offline by
scripts/train_typer.py on ACLED coder notes and CASE 2021 snippets; this module only
does inference (numpy), so sklearn is never needed at runtime. The weights ship as a
compact .npz holding only the hash buckets seen in training (the others would have
zero weight anyway).

`featurize` is shared with the training script, so training and inference cannot drift.
"""

from __future__ import annotations

import json
import re
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .regex_first import with_lead, word_prefixes

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "models"
MODEL_FILE = MODEL_DIR / "typer.npz"
META_FILE = MODEL_DIR / "typer.json"
KEYWORDS_FILE = MODEL_DIR / "typer_keywords.json"
LABELS_FILE = MODEL_DIR / "typer_labels.json"

DIM = 1 << 18  # hash space; only the buckets used in training are stored
# Keyword groups weigh more than single words: with a few hundred training snippets per
# type they are what carries over to unseen wording (chosen by cross-validation).
KEYWORD_WEIGHT = 1.5
MAX_CHARS = 4000  # long articles: the lead carries the main event and keeps inference fast

SUBTYPES: tuple[str, ...] = (
    "armed_clash", "government_regains_territory", "non_state_actor_overtakes_territory",
    "armed_assault", "sexual_violence", "abduction_forced_disappearance", "chemical_weapon",
    "air_drone_strike", "suicide_bomb", "shelling_artillery_missile_attack",
    "remote_explosive_landmine_ied", "grenade",
    "peaceful_protest", "protest_with_intervention", "excessive_force_against_protesters",
    "violent_demonstration", "mob_violence",
    "arrest",
    "agreement", "change_to_group_activity", "disrupted_weapons_use",
    "headquarters_or_base_established", "looting_property_destruction",
    "non_violent_transfer_of_territory", "other",
    "organised_crime", "natural_disaster", "man_made_disaster", "diplomatic", "attribution",
)

_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|\d+")
_SENT_END = {".", "!", "?", ":", ";", '"', "“", "”"}
# Function words carry no event type. Word bigrams were tried and dropped: they cost
# 4 points of cross-validated accuracy on the small news-like set (too many sparse features).
_STOP = frozenset(
    "the a an of to in on at and or for by with from as is was were be been are has have had "
    "that this these those it its their his her they he she which who whom than then there "
    "into about after before during while also but not no".split()
)
# Dates say when, not what: ACLED's notes cover Jan-Jun 2022, so month words would learn that
# war news comes after February. Only capitalised forms are dropped ("a march" stays).
_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


@lru_cache(maxsize=1 << 16)  # news repeats its words: a pure function, cached per process
def stem(word: str) -> str:
    """A deliberately light suffix stripper: enough to join protest/protests/protesters
    and attack/attacked/attacking without a lemmatizer pass."""
    w = word
    for suffix, keep in (("ings", 4), ("ing", 4), ("ers", 4), ("ies", 3), ("ied", 3),
                         ("ed", 4), ("es", 4), ("er", 4), ("s", 3)):
        if w.endswith(suffix) and len(w) - len(suffix) >= keep and not w.endswith("ss"):
            w = w[: -len(suffix)]
            if suffix in ("ies", "ied"):
                w += "y"
            break
    return w


def _bucket(feature: str) -> int:
    # crc32 is stable across processes (unlike hash()) and fast enough for ~1k features.
    return zlib.crc32(feature.encode("utf-8")) & (DIM - 1)


_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _keyword_gates() -> tuple[tuple[tuple[str, re.Pattern[str]], ...], dict[str, list[int]], frozenset[int], int]:
    """The keyword patterns, each group's word prefixes as a map prefix -> group indexes, the
    groups without prefixes (always searched), and the longest prefix."""
    patterns = _keyword_patterns()
    data = json.loads(KEYWORDS_FILE.read_text(encoding="utf-8"))
    by_prefix: dict[str, list[int]] = {}
    ungated: set[int] = set()
    for i, (group, _pattern) in enumerate(patterns):
        prefixes = word_prefixes("(?:" + "|".join(data[group]) + ")")
        if prefixes is None:
            ungated.add(i)
            continue
        for pre in prefixes:
            by_prefix.setdefault(pre, []).append(i)
    return patterns, by_prefix, frozenset(ungated), max(map(len, by_prefix), default=0)


@lru_cache(maxsize=1)
def _keyword_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    data = json.loads(KEYWORDS_FILE.read_text(encoding="utf-8"))
    out = []
    for group, patterns in data.items():
        if group.startswith("_"):
            continue
        body = "(?:" + "|".join(patterns) + ")"
        # behind a lookahead on its possible first characters: same matches, fewer branch tries
        out.append((group, with_lead(re.compile(r"\b" + body + r"\b"))))
    return tuple(out)


def tokens(text: str, drop: frozenset[str] = frozenset()) -> list[str]:
    """Lower-cased stems; numbers become <num>. Capitalised words listed in `drop`
    (place names, used only at training time) become <place> so the model learns no
    place -> type prior."""
    out: list[str] = []
    for m in _TOKEN.finditer(text):
        tok = m.group(0)
        if tok.isdigit():
            out.append("<num>")
            continue
        low = tok.lower()
        if tok[0].isupper() and low in _CALENDAR:
            continue
        if drop and tok[0].isupper() and low in drop:
            out.append("<place>")
            continue
        out.append(stem(low))
    return out


def featurize(text: str, drop: frozenset[str] = frozenset()) -> tuple[np.ndarray, np.ndarray]:
    """Sparse feature vector of one text: (sorted bucket ids, L2-normalised values)."""
    text = text[:MAX_CHARS]
    toks = tokens(text, drop)
    feats: dict[int, float] = {}
    for t in toks:
        if t not in _STOP:
            feats[_bucket("w:" + t)] = 1.0
    low = text.lower()
    patterns, prefix_groups, ungated, longest = _keyword_gates()
    # a group is searched only when a word of the text starts with one of its prefixes
    # (every match starts at a word start with one of them; same counts, a fraction of
    # the regex passes)
    run = set(ungated)
    for word in set(_WORD.findall(low)):
        for k in range(1, min(len(word), longest) + 1):
            hit = prefix_groups.get(word[:k])
            if hit:
                run.update(hit)
    for i, (group, pattern) in enumerate(patterns):
        if i not in run:
            continue
        n = len(pattern.findall(low))
        if n:
            feats[_bucket("k:" + group)] = KEYWORD_WEIGHT * (1.0 + np.log(n))
    if not feats:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    idx = np.fromiter(feats.keys(), dtype=np.int64, count=len(feats))
    val = np.fromiter(feats.values(), dtype=np.float32, count=len(feats))
    order = np.argsort(idx)
    idx, val = idx[order], val[order]
    return idx, val / np.float32(np.linalg.norm(val))


class Model:
    """Weights of the linear classifier restricted to the buckets seen in training."""

    def __init__(self, cols: np.ndarray, weights: np.ndarray, bias: np.ndarray,
                 labels: list[str], meta: dict[str, Any] | None = None) -> None:
        self.cols = np.asarray(cols, dtype=np.int64)
        self.weights = np.asarray(weights, dtype=np.float32)
        self.bias = np.asarray(bias, dtype=np.float32)
        self.labels = list(labels)
        self.meta = meta or {}

    def proba(self, text: str) -> np.ndarray:
        idx, val = featurize(text)
        scores = self.bias.copy()
        if len(idx) and len(self.cols):
            pos = np.searchsorted(self.cols, idx)
            pos = np.minimum(pos, len(self.cols) - 1)
            hit = self.cols[pos] == idx
            if hit.any():
                scores += val[hit] @ self.weights[pos[hit]]
        scores -= scores.max()
        p = np.exp(scores)
        return p / p.sum()

    def classify(self, text: str) -> list[tuple[str, float]]:
        p = self.proba(text)
        order = np.argsort(-p)
        return [(self.labels[i], float(p[i])) for i in order]

    def save(self, path: Path, meta_path: Path | None = None) -> None:
        # float16 halves the file; the rounding moves probabilities by < 1e-3.
        np.savez_compressed(path, cols=self.cols.astype(np.int32),
                            weights=self.weights.astype(np.float16),
                            bias=self.bias.astype(np.float32),
                            labels=np.array(self.labels))
        if meta_path is not None:
            meta_path.write_text(json.dumps(self.meta, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path = MODEL_FILE, meta_path: Path = META_FILE) -> Model:
        with np.load(path, allow_pickle=False) as z:
            cols, weights, bias, labels = z["cols"], z["weights"], z["bias"], z["labels"]
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        return cls(cols, weights, bias, [str(x) for x in labels], meta)


@lru_cache(maxsize=1)
def _acled_table() -> dict[str, tuple[str, str]]:
    data = json.loads(LABELS_FILE.read_text(encoding="utf-8"))
    return {k: (v[0], v[1]) for k, v in data["acled"].items()}


def acled_labels(subtype: str) -> tuple[str, str] | None:
    """ACLED (event_type, sub_event_type) of a subtype key; None outside ACLED
    (organised_crime, disasters, diplomatic, attribution)."""
    return _acled_table().get(subtype)


@lru_cache(maxsize=1)
def model() -> Model:
    """The shipped model, loaded once per process."""
    return Model.load()


def classify(text: str) -> list[tuple[str, float]]:
    """Taxonomy subtype keys of `text`, most probable first, with probabilities."""
    if not text or not text.strip():
        return [(label, 1.0 / len(model().labels)) for label in model().labels]
    return model().classify(text)
