"""The worked example (SPEC §1): every fact of examples/seed-expected.json, through the real CLI.

The matcher (eventwire.bench.seed.check) interprets the expectation file's own matching rules;
no value of the seed article is written in this test. It passes only once every layer is in.
"""

from __future__ import annotations

import json

from eventwire.bench.seed import check, event_ok


def test_seed_article_yields_every_expected_fact(shared, cli):
    expected = json.loads((shared / "examples" / "seed-expected.json").read_text(encoding="utf-8"))
    path = shared / "examples" / expected["input"]
    proc = cli("extract", str(path), "--published", expected["published"])
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    assert len(records) == 1
    facts = check(records[0], expected)
    missing = [what for what, ok in facts if not ok]
    assert not missing, f"missing facts: {missing}"
    # exactly one primary event in an article with events
    assert sum(bool(e.get("primary")) for e in records[0]["events"]) == 1


def test_matcher_applies_the_stated_rules():
    """Substring type, 50 km places, case-insensitive actor substrings, about targets."""
    events = [
        {"type": "attack", "subtype": "armed_assault", "primary": False, "about": None,
         "acled": {"event_type": "Violence against civilians"}, "date": {"value": "2020-01-02"},
         "location": {"name": "Town", "lat": 10.1, "lon": 20.1, "country_code": "XX"},
         "figures": {"killed": {"value": 5, "qualifier": "at_least"}},
         "actors": [{"name": "the Gunmen", "canonical": None, "role": "perpetrator"}]},
        {"type": "claim_responsibility", "primary": True, "about": 0, "actors": []},
    ]
    want = {"type_like": ["assault"], "primary_or_about_target": True, "date": "2020-01-02",
            "location": {"lat": 10.0, "lon": 20.0, "within_km": 50, "country_code": "XX"},
            "figures": {"killed": {"value": 5, "qualifier": "at_least"}}, "actors_any": ["gunmen"],
            "acled_event_type": ["Violence against civilians"]}
    assert event_ok(0, events[0], want, events)
    assert not event_ok(0, events[0], {**want, "location": {"lat": 12.0, "lon": 20.0, "within_km": 50}}, events)
    assert not event_ok(0, events[0], {**want, "figures": {"killed": {"value": 6}}}, events)
    assert event_ok(1, events[1], {"type_like": ["claim"], "about_type_like": ["attack"]}, events)
    assert not event_ok(1, events[1], {"type_like": ["claim"], "about_type_like": ["protest"]}, events)
