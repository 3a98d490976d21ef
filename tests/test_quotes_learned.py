"""quotes layer: cue frames learned from annotated news (data/quotes/cues_learned.toml).

Each test states one rule on a small hand-written text."""

from __future__ import annotations

import tomllib
from importlib import resources

from eventwire.analyze import quotes
from eventwire.analyze.quote_lexicon import cue_of
from eventwire.model import Article, Quote, Record
from eventwire.nlp import load


def run(text: str) -> list[Quote]:
    rec = Record(article=Article(id="t", text=text), entities=[])
    rec.doc = load("en")(text)
    return quotes.analyze(rec)


def _learned() -> dict[str, dict]:
    raw = resources.files("eventwire").joinpath("data/quotes/cues_learned.toml").read_text("utf-8")
    return tomllib.loads(raw)["learned"]


def test_learned_file_states_its_evidence_and_uses_the_layers_frames():
    learned = _learned()
    assert learned, "the learned cue file is empty"
    for lemma, entry in learned.items():
        assert entry["frames"] and set(entry["frames"]) <= set("cxop"), lemma
        assert len(entry["evidence"]) == len(entry["frames"]), lemma


def test_a_learned_object_frame_reports_what_the_speaker_lamented():
    found = run("The governor lamented the loss of factory jobs in the valley.")
    q = next(q for q in found if q.cue and q.cue.text == "lamented")
    assert q.speaker is not None and q.speaker.text == "The governor"
    assert q.text == "the loss of factory jobs in the valley"


def test_learned_frames_widen_a_hand_written_cue_and_never_narrow_it():
    # "said" keeps its direct-quote frame; "noted" gains an object frame beside its clause.
    said, noted = cue_of("said"), cue_of("noted")
    assert said is not None and "q" in said.frames and "c" in said.frames
    assert noted is not None and {"c", "o"} <= set(noted.frames)


def test_passive_expected_stays_without_a_speaker():
    # "is expected to" is an unsourced expectation: the learned "expect" frame must not make
    # the subject of the passive its speaker.
    found = run("The bill is expected to pass the Senate next week.")
    assert all(q.speaker is None or q.speaker.text != "The bill" for q in found)
