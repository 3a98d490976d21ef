"""A table-lookup stand-in for spaCy's `attribute_ruler`, with the same output.

The model's attribute ruler maps fine-grained tags to POS and morphology (plus a few
lemma/POS exceptions) with 179 token patterns run through spaCy's Matcher. That costs
about 15% of the bare NER pass (BENCHMARKS.md, speed). The same rules worked out once per
distinct (tag, word, dep, space) row and written back with array operations and one
`Doc.from_array` give identical annotations (checked by tests/test_nlp_attrs.py against
the original component).
Matching semantics follow `AttributeRuler.match`: all matches are found on the
unmodified doc, then applied in pattern order, so later patterns win.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Check = Callable[[tuple[Any, ...]], bool]  # on (tag, lower, dep, is_space, index, doc)
# What one distinct attribute row gets: ids set by its one-token rules, which are set, by
# which pattern, and the longer rules that can start on it.
Entry = tuple[list[int], list[bool], list[int], list[tuple[int, list[list[Check]]]]]
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
            # token itself (row[4] is its index in the doc being matched). The answer only
            # depends on the attribute's id, so it is memoised by id.
            getter = {"TAG": "tag_", "LOWER": "lower_", "DEP": "dep_"}[key]
            seen: dict[int, bool] = {}

            def regex(row: tuple[Any, ...]) -> bool:
                hit = seen.get(row[col])
                if hit is None:
                    hit = rx.search(getattr(row[5][row[4]], getter)) is not None
                    if len(seen) < 200_000:
                        seen[row[col]] = hit
                return hit
            return regex
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
        self._memo: dict[tuple[int, ...], Entry] = {}
        self._str_of: dict[int, str] = {}
        self._lower_named: dict[int, bool] = {}
        self._lower_ids: set[int] = set()  # every LOWER value a rule names
        self._lower_regex: list[re.Pattern[str]] = []
        self.attrs: list[dict[str, Any]] = []
        self.index: list[int] = []
        strings = ruler.vocab.strings
        for attr_id, entry in enumerate(ruler.patterns):
            self.attrs.append(entry["attrs"])
            self.index.append(entry["index"])
            for pattern in entry["patterns"]:
                self._note_lowers(pattern, strings)
                rule = (attr_id, [[_check(k, v, strings) for k, v in tok.items()] for tok in pattern])
                keyed = [c.keys for c in rule[1][0] if hasattr(c, "keys")]  # type: ignore[attr-defined]
                if not keyed:
                    self.unindexed.append(rule)
                    continue
                col, values = min(keyed, key=lambda kv: len(kv[1]))
                for v in values:
                    self.index_by_col[col].setdefault(v, []).append(rule)

    def _note_lowers(self, pattern: list[dict[str, Any]], strings: Any) -> None:
        for tok in pattern:
            spec = tok.get("LOWER")
            if isinstance(spec, str):
                self._lower_ids.add(strings.add(spec))
            elif isinstance(spec, dict):
                (op, value), = spec.items()
                if op == "REGEX":
                    self._lower_regex.append(re.compile(value))
                else:  # IN, NOT_IN: a word outside the list passes NOT_IN with id 0 too
                    self._lower_ids.update(strings.add(v) for v in value)
        if 0 in self._lower_ids:
            raise ValueError("an attribute-ruler pattern names the empty string")

    def __call__(self, doc: Any) -> Any:
        """Most docs match one-token rules only: their result depends on a token's four
        attribute ids alone, so it is worked out once per distinct id row and written to
        the whole doc with array operations. A doc where a two-token rule matches takes the
        rare two-token matches on top, in pattern order (later patterns win)."""
        import numpy as np
        from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG

        arr = doc.to_array([TAG, LOWER, DEP, IS_SPACE])
        n = len(arr)
        if n == 0:
            return doc
        # Most words are named by no rule: their LOWER id is replaced by 0 in the key, so
        # the memo is keyed by a few thousand rows instead of one per word form.
        lowers, first_l, inv_l = np.unique(arr[:, 1], return_index=True, return_inverse=True)
        named = np.array([self._named(lid, i, doc) for lid, i in zip(lowers.tolist(), first_l.tolist(), strict=True)],
                         dtype=bool)
        key_arr = arr.copy()
        key_arr[:, 1] = np.where(named[inv_l.reshape(-1)], arr[:, 1], 0)
        uniq, first, inv = np.unique(key_arr, axis=0, return_index=True, return_inverse=True)
        inv = inv.reshape(-1)
        values, has, srcs = [], [], []
        longer: list[tuple[int, int]] = []  # (attr_id, token index) of two-token matches
        rows: list[list[int]] | None = None
        for u, (key, i) in enumerate(zip(map(tuple, uniq.tolist()), first.tolist(), strict=True)):
            entry = self._memo.get(key)
            if entry is None:
                entry = self._learn((*key, i, doc))
            if entry[3]:
                # a two-token rule can start at these tokens: check the rest of it
                rows = arr.tolist() if rows is None else rows
                for j in np.nonzero(inv == u)[0].tolist():
                    for attr_id, pattern in entry[3]:
                        m = len(pattern)
                        if j + m <= n and all(c((*rows[j + k], j + k, doc)) for k in range(1, m) for c in pattern[k]):
                            longer.append((attr_id, j + self.index[attr_id] % m))
            values.append(entry[0])
            has.append(entry[1])
            srcs.append(entry[2])
        # per token: the pos, morph, lemma, tag and dep ids its rules set, and which are set
        value = np.array(values, dtype=np.uint64)[inv]
        mask = np.array(has, dtype=bool)[inv]
        if longer:
            src = np.array(srcs, dtype=np.int64)[inv]  # which pattern set each value
            for attr_id, i in sorted(longer):
                for key, v in self.attrs[attr_id].items():
                    col = self._col(key)
                    if attr_id >= src[i, col]:
                        value[i, col], mask[i, col], src[i, col] = self._id_of(key, v), True, attr_id
        for col, setter in ((3, "tag_"), (4, "dep_")):
            for i in np.nonzero(mask[:, col])[0].tolist():
                setattr(doc[i], setter, self._str_of[int(value[i, col])])
        if mask[:, :3].any():
            out = doc.to_array([POS, MORPH, LEMMA])
            out[mask[:, :3]] = value[:, :3][mask[:, :3]]
            doc.from_array([POS, MORPH, LEMMA], out)
        return doc

    def _learn(self, row: tuple[Any, ...]) -> Entry:
        """For one distinct (tag, lower, dep, is_space) row: the POS, MORPH, LEMMA, TAG and
        DEP ids its one-token rules leave (later rules win), which of them are set and by
        which pattern, and the longer rules whose first token it matches."""
        rules = [r for col, idx in enumerate(self.index_by_col) for r in idx.get(row[col], ())] + self.unindexed
        hits = sorted(a for a, pattern in rules if len(pattern) == 1 and all(c(row) for c in pattern[0]))
        values, has, src = [0] * 5, [False] * 5, [-1] * 5
        for attr_id in hits:
            for key, value in self.attrs[attr_id].items():
                col = self._col(key)
                values[col], has[col], src[col] = self._id_of(key, value), True, attr_id
        longer = [r for r in rules if len(r[1]) > 1 and all(c(row) for c in r[1][0])]
        entry = (values, has, src, longer)
        if len(self._memo) < 200_000:
            self._memo[row[:4]] = entry
        return entry

    _COLS = ("POS", "MORPH", "LEMMA", "TAG", "DEP")

    def _named(self, lower_id: int, i: int, doc: Any) -> bool:
        """Does any rule test for this LOWER value (literally or by a regex)?"""
        named = self._lower_named.get(lower_id)
        if named is None:
            text = doc[i].lower_
            named = lower_id in self._lower_ids or any(rx.search(text) for rx in self._lower_regex)
            if len(self._lower_named) < 500_000:
                self._lower_named[lower_id] = named
        return named

    def _col(self, key: str) -> int:
        if key not in self._COLS:
            raise ValueError(f"unsupported attribute-ruler attribute {key!r}")
        return self._COLS.index(key)

    def _id_of(self, key: str, value: str) -> int:
        if key == "POS":
            return int(self._pos_ids[value])
        if key == "MORPH":
            return int(self.vocab.morphology.add(value))
        h = int(self.vocab.strings.add(value))
        self._str_of[h] = value
        return h
