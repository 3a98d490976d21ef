"""The store's word weights at a cold start (store/ingest.py `_weights`, IDF_PRIOR_DOCS):
a fresh store counts as holding IDF_PRIOR_DOCS more articles that lack every word, so the
words a first story's reports share keep a real weight instead of falling to ~0."""

from __future__ import annotations

import math

import pytest

from eventwire.store import ingest, open_store


@pytest.fixture
def db(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'w.db'}")
    yield store.db
    store.close()


def test_a_word_every_early_article_shares_keeps_weight(db) -> None:
    """Ten articles in a fresh store all name 'reid': its weight stays well above zero
    (at least 40 % of a never-seen word's), so the reports of the store's first story
    still look alike in their shared words."""
    for _ in range(10):
        got = ingest._weights(db, {"reid": 1.0, "rehab": 1.0}, count=True)
    fresh = ingest._weights(db, {"reid": 1.0, "unseen": 1.0}, count=False)
    assert fresh["reid"] >= 0.4 * fresh["unseen"]
    assert got["reid"] > 0


def test_weight_is_tf_times_smoothed_idf(db) -> None:
    """weight = (1 + ln tf) · ln((stored articles + IDF_PRIOR_DOCS + 2) / (df + 1))."""
    ingest._weights(db, {"harbour": 1.0}, count=True)
    ingest._weights(db, {"harbour": 1.0, "blast": 1.0}, count=True)
    w = ingest._weights(db, {"harbour": 3.0, "blast": 1.0}, count=False)
    n = 2 + ingest.IDF_PRIOR_DOCS + 2
    assert w["harbour"] == pytest.approx(round((1 + math.log(3)) * math.log(n / 3), 4))
    assert w["blast"] == pytest.approx(round(math.log(n / 2), 4))


def test_prior_fades_in_a_large_store(db) -> None:
    """With thousands of stored articles the prior moves a weight by under 2 %."""
    db.execute("DELETE FROM meta WHERE key = 'docs'")
    db.execute("INSERT INTO meta (key, value) VALUES ('docs', '20000')")
    db.execute("INSERT INTO df (token, n) VALUES ('port', 400)")
    w = ingest._weights(db, {"port": 1.0}, count=False)["port"]
    assert w == pytest.approx(math.log(20002 / 401), rel=0.02)
