#!/usr/bin/env python
"""Train the event-type classifier shipped as src/eventwire/data/models/typer.npz.

Training data (read from ../shared, never copied into the project):
  - ../shared/data/acled-dev: 2365 ACLED events (Jan-Jun 2022, acledR sample data); text =
    the coder's `notes`, label = `sub_event_type` mapped to the taxonomy subtype keys.
    ACLED note conventions that news text never has are stripped first: the "[size=...]"
    tags and leading coder labels such as "Property destruction: ".
  - ../shared/data/case-dev: 321 CASE 2021 Task 2 snippets with 30 labels (CASE codes map 1:1
    to the subtype keys).
Place names coded in the ACLED gold (country, admin1-3, location) are masked to <place> while
training, so the model learns no place -> event-type prior.

Model: class-balanced linear SVM (scikit-learn LinearSVC, training only) over
eventwire.analyze.typing.featurize, scores turned into probabilities by a softmax; exported as the weights of the hash buckets seen in
training. The benchmarks (eventwire bench acled-dev / case-dev) import `fit` and
`cross_validate` from this file, so the cross-validated scores come from this same code.

Usage: .venv/bin/python scripts/train_typer.py [--shared ../shared] [--out DIR] [--cv]
Requires scikit-learn (tested with scikit-learn==1.9.1).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventwire.analyze import typing as typer  # noqa: E402

# Label tables live in the package data (typer_labels.json), shared with the benchmarks.
_LABELS = json.loads(typer.LABELS_FILE.read_text(encoding="utf-8"))
ACLED_TO_SUBTYPE: dict[str, str] = {sub: key for key, (_, sub) in _LABELS["acled"].items()}
CASE_TO_SUBTYPE: dict[str, str] = dict(_LABELS["case"])

# Hyper-parameters chosen by 5-fold cross-validation on both sets (see --cv).
C = 0.3
CASE_WEIGHT = 3.0  # CASE is news-like and small: weigh it up against the ACLED notes
# SVM margin -> softmax logit; 5 minimises the 5-fold CV log-loss on both sets (3 left
# the probabilities under-confident: mean top probability 0.65 at 87% accuracy).
SCALE = 5.0

_TAG = re.compile(r"\s*\[[^\]\n]{0,80}\]")
_CODER_LABEL = re.compile(r"^\s*[A-Z][A-Za-z /-]{2,40}:\s+(?=On\b)")


def clean_note(text: str) -> str:
    """Strip ACLED note conventions ([size=...] tags, leading coder labels) that would let
    the model read the answer off the coder's bookkeeping rather than the event."""
    return _CODER_LABEL.sub("", _TAG.sub("", text)).strip()


def _jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_acled(shared: Path) -> tuple[list[str], list[str], frozenset[str]]:
    """ACLED notes (cleaned), subtype labels and the set of place words to mask."""
    d = shared / "data" / "acled-dev"
    arts = {r["id"]: r for r in _jsonl(d / "articles.jsonl")}
    gold = _jsonl(d / "gold.jsonl")
    texts, labels, words = [], [], set()
    for g in gold:
        art = arts.get(g["id"])
        label = ACLED_TO_SUBTYPE.get(g.get("sub_event_type") or "")
        if not art or not label:
            continue
        texts.append(clean_note(art.get("text") or ""))
        labels.append(label)
        for key in ("country", "admin1", "admin2", "admin3", "location"):
            for w in re.findall(r"[A-Za-z]+", g.get(key) or ""):
                words.add(w.lower())
    # Only words never written in lower case anywhere are names; "city", "north" stay.
    lower_seen = {w for t in texts for w in re.findall(r"\b[a-z]+\b", t)}
    return texts, labels, frozenset(words - lower_seen)


def load_case(shared: Path) -> tuple[list[str], list[str]]:
    d = shared / "data" / "case-dev"
    arts = {r["id"]: r for r in _jsonl(d / "articles.jsonl")}
    texts, labels = [], []
    for g in _jsonl(d / "gold.jsonl"):
        label = CASE_TO_SUBTYPE.get(g.get("label") or "")
        if g["id"] in arts and label:
            texts.append(arts[g["id"]].get("text") or "")
            labels.append(label)
    return texts, labels


_FEATURE_CACHE: dict[tuple[str, frozenset[str]], tuple[np.ndarray, np.ndarray]] = {}


def _features(text: str, drop: frozenset[str]) -> tuple[np.ndarray, np.ndarray]:
    """typer.featurize, memoised: cross-validation refits on the same texts many times."""
    key = (text, drop)
    if key not in _FEATURE_CACHE:
        _FEATURE_CACHE[key] = typer.featurize(text, drop)
    return _FEATURE_CACHE[key]


def fit(texts: Sequence[str], labels: Sequence[str], weights: Sequence[float] | None = None,
        drop: frozenset[str] = frozenset(), c: float = C) -> typer.Model:
    """Train on (texts, labels); returns an inference Model over the subtypes seen.

    A one-vs-rest linear SVM with class-balanced weights (rare types such as grenade or
    chemical weapon would otherwise never win against peaceful protest); its scores are
    multiplied by SCALE so that the softmax at inference gives usable probabilities."""
    from scipy.sparse import csr_matrix
    from sklearn.svm import LinearSVC

    rows, cols, vals = [], [], []
    for i, t in enumerate(texts):
        idx, val = _features(t, drop)
        rows.append(np.full(len(idx), i))
        cols.append(idx)
        vals.append(val)
    r, col, v = np.concatenate(rows), np.concatenate(cols), np.concatenate(vals)
    used, local = np.unique(col, return_inverse=True)  # train only on the buckets seen
    x = csr_matrix((v, (r, local)), shape=(len(texts), len(used)))
    clf = LinearSVC(C=c, class_weight="balanced", random_state=0)  # reproducible weights
    clf.fit(x, list(labels), sample_weight=None if weights is None else np.asarray(weights))
    coef = clf.coef_.T * SCALE  # (features, classes)
    bias = clf.intercept_ * SCALE
    if coef.shape[1] == 1:  # binary case: sklearn keeps one column
        coef = np.hstack([-coef, coef]) / 2
        bias = np.array([-bias[0], bias[0]]) / 2
    keep = np.abs(coef).max(axis=1) > 1e-4
    return typer.Model(used[keep], coef[keep], bias, [str(c_) for c_ in clf.classes_])


def cross_validate(texts: Sequence[str], labels: Sequence[str],
                   extra_texts: Sequence[str] = (), extra_labels: Sequence[str] = (),
                   extra_weight: float = 1.0, weight: float = 1.0,
                   drop: frozenset[str] = frozenset(), k: int = 5, seed: int = 0,
                   c: float = C) -> list[list[tuple[str, float]]]:
    """k-fold: each item of `texts` is ranked by a model trained on the other folds plus all
    of `extra_*` (another dataset); it never sees its own text."""
    n = len(texts)
    order = np.random.default_rng(seed).permutation(n)
    folds = [order[i::k] for i in range(k)]
    out: list[list[tuple[str, float]]] = [[] for _ in range(n)]
    for f in range(k):
        held = set(folds[f].tolist())
        tr = [i for i in range(n) if i not in held]
        m = fit([texts[i] for i in tr] + list(extra_texts),
                [labels[i] for i in tr] + list(extra_labels),
                [weight] * len(tr) + [extra_weight] * len(extra_texts), drop, c)
        for i in folds[f]:
            out[i] = m.classify(texts[i])
    return out


def train_all(shared: Path, c: float = C, case_weight: float = CASE_WEIGHT) -> typer.Model:
    a_texts, a_labels, drop = load_acled(shared)
    c_texts, c_labels = load_case(shared)
    m = fit(a_texts + c_texts, a_labels + c_labels,
            [1.0] * len(a_texts) + [case_weight] * len(c_texts), drop, c)
    m.meta = {
        "model": "class-balanced linear SVM (softmax of SCALE x margin) over hashed word stems + keyword groups",
        "features": "eventwire.analyze.typing.featurize (dim 2^18)",
        "training_data": {"acled-dev": len(a_texts), "case-dev": len(c_texts)},
        "C": c, "case_weight": case_weight, "scale": SCALE,
        "trained": _dt.date.today().isoformat(),
        "script": "scripts/train_typer.py",
        "labels": m.labels,
    }
    return m


def _report_cv(shared: Path, c: float, case_weight: float) -> None:
    a_texts, a_labels, drop = load_acled(shared)
    c_texts, c_labels = load_case(shared)
    pa = cross_validate(a_texts, a_labels, c_texts, c_labels, case_weight, 1.0, drop, c=c)
    acc_a = np.mean([p[0][0] == g for p, g in zip(pa, a_labels, strict=True)])
    pc = cross_validate(c_texts, c_labels, a_texts, a_labels, 1.0, case_weight, drop, c=c)
    acc_c = np.mean([p[0][0] == g for p, g in zip(pc, c_labels, strict=True)])
    print(f"C={c} case_weight={case_weight}: acled sub-type acc {acc_a:.3f}  case micro-F1 {acc_c:.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--out", default=str(typer.MODEL_DIR))
    ap.add_argument("--cv", action="store_true", help="only print 5-fold CV scores")
    ap.add_argument("-C", type=float, default=C)
    ap.add_argument("--case-weight", type=float, default=CASE_WEIGHT)
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    if args.cv:
        _report_cv(shared, args.C, args.case_weight)
        return 0
    m = train_all(shared, args.C, args.case_weight)
    out = Path(args.out)
    m.save(out / typer.MODEL_FILE.name, out / typer.META_FILE.name)
    size = (out / typer.MODEL_FILE.name).stat().st_size
    print(f"saved {out / typer.MODEL_FILE.name}: {len(m.cols)} buckets x {len(m.labels)} labels, {size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
