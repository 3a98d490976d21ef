"""A table-lookup stand-in for spaCy's `attribute_ruler`, with the same output.

The model's attribute ruler maps fine-grained tags to POS and morphology (plus a few
lemma/POS exceptions) with 179 token patterns run through spaCy's Matcher. That costs
about 15% of the bare NER pass (BENCHMARKS.md, speed). The same rules applied by
dictionary lookup per token, and written back with one `Doc.from_array`, give identical
annotations (checked by tests/test_nlp_attrs.py against the original component).
Matching semantics follow `AttributeRuler.match`: all matches are found on the
unmodified doc, then applied in pattern order, so later patterns win.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Check = Callable[[tuple[Any, ...]], bool]  # on (tag, lower, dep, is_space, index, doc)
# Token attributes the patterns test, read for a whole doc at once with Doc.to_array.
FIELDS = ("TAG", "LOWER", "DEP", "IS_SPACE")


def _check(key: str, spec: Any, strings: Any) -> Check:
    """A test on the (tag, lower, dep, is_space) integer row of one token."""
    col = FIELDS.index(key)
    if key == "IS_SPACE":
        want = int(bool(spec))
        return _keyed(lambda row: row[col] == want, col, {want})
    if isinstance(spec, dict):
        (op, value), = spec.items()
        if op == "IN":
            ids = frozenset(strings.add(v) for v in value)
            return _keyed(lambda row: row[col] in ids, col, ids)
        if op == "NOT_IN":
            ids = frozenset(strings.add(v) for v in value)
            return lambda row: row[col] not in ids
        if op == "REGEX":
            rx = re.compile(value)
            # Some lexeme strings live only on the lexeme, not in the StringStore: read the
            # token itself (row[4] is its index in the doc being matched).
            getter = {"TAG": "tag_", "LOWER": "lower_", "DEP": "dep_"}[key]
            return lambda row: rx.search(getattr(row[5][row[4]], getter)) is not None
        raise ValueError(f"unsupported attribute-ruler operator {op!r}")
    want_id = strings.add(spec)
    return _keyed(lambda row: row[col] == want_id, col, {want_id})


def _keyed(check: Check, col: int, values: Any) -> Check:
    """Mark a check that only passes for these values of one column (used for indexing)."""
    check.keys = (col, frozenset(values))  # type: ignore[attr-defined]
    return check


class FastAttributeRuler:
    """Build from a loaded AttributeRuler; call on a Doc like a pipeline component."""

    def __init__(self, ruler: Any) -> None:
        from spacy.parts_of_speech import IDS as POS_IDS

        self.vocab = ruler.vocab
        self._pos_ids = POS_IDS
        # Every rule (one or two tokens) is indexed under the values one of its first
        # token's tests accepts, so a token only meets the rules that can match it.
        self.index_by_col: list[dict[int, list[tuple[int, list[list[Check]]]]]] = [{} for _ in FIELDS]
        self.unindexed: list[tuple[int, list[list[Check]]]] = []
        self._memo: dict[tuple[int, ...], tuple[list[int], list[Any]]] = {}
        self.attrs: list[dict[str, Any]] = []
        self.index: list[int] = []
        strings = ruler.vocab.strings
        for attr_id, entry in enumerate(ruler.patterns):
            self.attrs.append(entry["attrs"])
            self.index.append(entry["index"])
            for pattern in entry["patterns"]:
                rule = (attr_id, [[_check(k, v, strings) for k, v in tok.items()] for tok in pattern])
                keyed = [c.keys for c in rule[1][0] if hasattr(c, "keys")]  # type: ignore[attr-defined]
                if not keyed:
                    self.unindexed.append(rule)
                    continue
                col, values = min(keyed, key=lambda kv: len(kv[1]))
                for v in values:
                    self.index_by_col[col].setdefault(v, []).append(rule)

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        rows = [(*r, i, doc) for i, r in enumerate(doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist())]
        matches: list[tuple[int, int]] = []  # (attr_id, token index)
        index_by_col, unindexed, n_rows = self.index_by_col, self.unindexed, len(rows)
        memo = self._memo
        for i, row in enumerate(rows):
            # Which rules can start at a token, and which one-token rules match it, depend
            # only on its four attribute ids: memoised, since most tokens repeat a seen
            # combination.
            key = row[:4]
            seen = memo.get(key)
            if seen is None:
                rules = [r for col, idx in enumerate(index_by_col) for r in idx.get(row[col], ())] + unindexed
                hits = [a for a, pattern in rules if len(pattern) == 1 and all(c(row) for c in pattern[0])]
                seen = (hits, [r for r in rules if len(r[1]) > 1])
                if len(memo) < 200_000:
                    memo[key] = seen
            hits, longer = seen
            matches.extend((a, i) for a in hits)
            for attr_id, pattern in longer:
                n = len(pattern)
                if i + n > n_rows:
                    continue
                if all(c(rows[i + j]) for j in range(n) for c in pattern[j]):
                    matches.append((attr_id, i + self.index[attr_id] % n))
        matches.sort()
        self._apply(doc, matches)
        return doc

    def _apply(self, doc: Any, matches: list[tuple[int, int]]) -> None:
        final: dict[str, dict[int, str]] = {}
        for attr_id, i in matches:
            for key, value in self.attrs[attr_id].items():
                final.setdefault(key, {})[i] = value
        for i, value in final.pop("TAG", {}).items():
            doc[i].tag_ = value
        for i, value in final.pop("DEP", {}).items():
            doc[i].dep_ = value
        lemma = final.pop("LEMMA", {})
        pos = final.pop("POS", {})
        morph = final.pop("MORPH", {})
        if final:
            raise ValueError(f"unsupported attribute-ruler attributes {sorted(final)}")
        if pos or morph or lemma:
            from spacy.attrs import LEMMA, MORPH, POS

            arr = doc.to_array([POS, MORPH, LEMMA])
            add_morph, add_string = self.vocab.morphology.add, self.vocab.strings.add
            for i, value in pos.items():
                arr[i, 0] = self._pos_ids[value]
            for i, value in morph.items():
                arr[i, 1] = add_morph(value)
            for i, value in lemma.items():
                arr[i, 2] = add_string(value)
            doc.from_array([POS, MORPH, LEMMA], arr)
