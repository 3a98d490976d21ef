"""Long texts are parsed in pieces cut at paragraph breaks and joined back into one Doc."""

from __future__ import annotations

from eventwire import nlp as nlp_mod
from eventwire.nlp import load, parse, split_long


def test_pieces_join_back_to_the_text_and_cut_at_blank_lines() -> None:
    text = "\n\n".join(f"Paragraph {i} says that Police in Dayton arrested {i} men." for i in range(40))
    pieces = split_long(text, 300)
    assert "".join(pieces) == text
    assert all(len(p) <= 300 for p in pieces) and len(pieces) > 5
    assert all(p.endswith("\n\n") for p in pieces[:-1])
    # no break to cut at: still exact, still bounded
    blob = "x" * 1000
    assert "".join(split_long(blob, 300)) == blob and max(map(len, split_long(blob, 300))) <= 300


def test_a_long_text_parses_in_pieces_into_one_doc_like_the_whole(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    text = "\n\n".join(f"Gunmen killed {i} people in Kaduna on Monday, police said in Abuja." for i in range(2, 30))
    nlp = load("en")
    whole = parse(nlp, [text], 8)[0]
    monkeypatch.setattr(nlp_mod, "CHUNK_CHARS", 500)
    seen: list[int] = []
    real_pipe = nlp.pipe
    monkeypatch.setattr(nlp, "pipe", lambda texts, **kw: real_pipe([seen.append(len(t)) or t for t in texts], **kw))
    short, joined = parse(nlp, ["A man was shot.", text], 8)
    assert max(seen) <= 500 and len(seen) > 3  # the model never saw the long text whole
    assert short.text == "A man was shot."
    assert joined.text == text and len(joined) == len(whole)
    assert [(e.start_char, e.label_) for e in joined.ents] == [(e.start_char, e.label_) for e in whole.ents]
    assert [s.start_char for s in joined.sents] == [s.start_char for s in whole.sents]
