"""The development parse cache must give exactly the records a fresh parse gives."""

from __future__ import annotations

from eventwire.analyze import analyze_many
from eventwire.model import Article, Record

TEXTS = [
    "Gunmen killed three people in Kano on Monday, police said.\n\nTwo others were injured.",
    "Protesters blocked a road in Lyon on 3 May 2024. \"We will stay,\" said one organiser.",
]


def _run() -> list[dict]:
    recs = [Record(article=Article(id=str(i), text=t, published="2024-05-06")) for i, t in enumerate(TEXTS)]
    out = []
    for rec in analyze_many(recs):
        rec.doc = None
        out.append(rec.to_dict())
    return out


def test_cached_parse_gives_the_same_records(tmp_path, monkeypatch) -> None:
    fresh = _run()
    monkeypatch.setenv("EVENTWIRE_DOC_CACHE", str(tmp_path))
    first = _run()  # fills the cache
    assert len(list(tmp_path.glob("*.doc"))) == len(TEXTS)
    second = _run()  # served from the cache
    assert fresh == first == second


def test_a_corrupt_cache_file_is_a_miss(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("EVENTWIRE_DOC_CACHE", str(tmp_path))
    expected = _run()
    for f in tmp_path.glob("*.doc"):
        f.write_bytes(b"not a doc")
    assert _run() == expected
