"""analyze_items' while_parsed hook sees each record with its parse; the yielded record has none."""

from __future__ import annotations

from eventwire.model import Article, Record
from eventwire.pipeline import analyze_items


def test_while_parsed_sees_the_doc_before_it_is_dropped() -> None:
    seen: list[tuple[str, int]] = []
    arts = [Article(id=str(i), text=f"Gunmen killed {i + 2} people in Kano on Monday.") for i in range(3)]
    out = list(analyze_items(arts, clean=False, batch_size=2,
                             while_parsed=lambda rec: seen.append((rec.article.id, len(rec.doc)))))
    assert [r.article.id for r in out if isinstance(r, Record)] == ["0", "1", "2"]
    assert [i for i, _ in seen] == ["0", "1", "2"] and all(n > 0 for _, n in seen)
    assert all(r.doc is None for r in out if isinstance(r, Record))
