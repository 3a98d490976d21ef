"""event_figures_sum: counts of one event told in separate sentences add up only where the
groups counted are clearly disjoint (each case states its rule)."""

from __future__ import annotations

from types import SimpleNamespace

from eventwire.analyze.event_figures import cluster_figures
from eventwire.analyze.event_figures_sum import combined
from eventwire.model import Figure, Span


def _parts(text: str, *said: tuple[str, str, int]) -> list[Figure]:
    """Figures (kind, value) whose spans are the given phrases of `text`."""
    out = []
    for phrase, kind, value in said:
        start = text.index(phrase)
        out.append(Figure(kind=kind, value=value, qualifier="exact", span=Span.of(text, start, start + len(phrase))))
    return out


def _total(text: str, *said: tuple[str, str, int]) -> int | None:
    got = combined(_parts(text, *said), "killed", text)
    return got["value"] if got else None


def test_different_sides_add_up() -> None:
    # soldiers and militants are disjoint groups: ten dead in one clash
    text = "Six soldiers were killed in an ambush. Four militants also died in the fighting."
    assert _total(text, ("Six soldiers were killed", "killed", 6), ("Four militants also died", "killed", 4)) == 10
    # victims and their attackers
    text = "Four civilians were killed when gunmen attacked. Three attackers were killed by troops."
    assert _total(text, ("Four civilians were killed", "killed", 4), ("Three attackers were killed", "killed", 3)) == 7
    # a verb-first count names its people after the verb
    text = "Militants attacked a post, killing five soldiers. Three civilians were also killed."
    assert _total(text, ("killing five soldiers", "killed", 5), ("Three civilians were also killed", "killed", 3)) == 8


def test_restatements_and_updates_do_not_add() -> None:
    # the same side twice is the same people (or an update): the largest count stands
    text = "Five soldiers were killed on Monday. The five soldiers were buried on Tuesday after they were killed."
    assert _total(text, ("Five soldiers were killed", "killed", 5), ("five soldiers were buried", "killed", 5)) is None
    # counts of people of no side may include anyone
    text = "Five people were killed in a shooting. The five victims were killed at close range."
    assert _total(text, ("Five people were killed", "killed", 5), ("five victims were killed", "killed", 5)) is None
    text = "Gunmen killed at least 12 people. The death toll rose to 15."
    assert _total(text, ("killed at least 12 people", "killed", 12), ("death toll rose to 15", "killed", 15)) is None


def test_a_part_of_the_dead_is_not_added() -> None:
    # "among the dead", "including": a subset of a count already told
    text = "Six civilians were killed in the raid. Among the dead were two police officers killed at the gate."
    assert _total(text, ("Six civilians were killed", "killed", 6),
                  ("two police officers killed", "killed", 2)) is None


def test_side_is_read_from_the_people_counted() -> None:
    # "a man shot by police" is no police officer; "a suspect" is no side
    text = "Man shot by police dies. The suspect was pronounced dead."
    assert _total(text, ("Man shot by police dies", "killed", 1), ("suspect was pronounced dead", "killed", 1)) is None
    # a qualifier before the count does not hide the people counted
    text = "At least three soldiers were killed. Fifteen militants were killed in the clashes."
    assert _total(text, ("At least three soldiers were killed", "killed", 3),
                  ("Fifteen militants were killed", "killed", 15)) == 18


def test_others_are_not_added() -> None:
    # "others" most often contrasts with another kind ("one dead, two others injured")
    text = "Gunmen killed three people. Two others were also killed when the gunmen fled."
    assert _total(text, ("killed three people", "killed", 3), ("Two others were also killed", "killed", 2)) is None


def test_cluster_sums_parts_across_its_mentions() -> None:
    text = "Six soldiers were killed in an ambush. Four militants also died in the fighting."
    a, b = _parts(text, ("Six soldiers were killed", "killed", 6), ("Four militants also died", "killed", 4))
    members = [SimpleNamespace(figures={"killed": {"value": f.value, "qualifier": "exact",
                                                   "span": {"text": f.span.text, "start": f.span.start,
                                                            "end": f.span.end}}}, parts=[f]) for f in (a, b)]
    got = cluster_figures(members, text)
    assert got["killed"]["value"] == 10
    assert got["killed"]["span"]["text"] == text[:text.index(" died") + len(" died")]


def test_rival_claims_of_different_sources_do_not_add() -> None:
    # each side claims the other's dead: two claims, not one toll of 26
    text = "The army said six rebels were killed. The rebels claimed that 20 soldiers were killed."
    parts = _parts(text, ("six rebels were killed", "killed", 6), ("20 soldiers were killed", "killed", 20))
    army = (text.index("six rebels"), text.index(". The rebels"), "the army")
    rebels = (text.index("20 soldiers"), len(text) - 1, "the rebels")
    assert combined(parts, "killed", text, (army, rebels)) is None  # the largest claim stands
    # one source telling both sides' dead is one toll
    got = combined(parts, "killed", text, (army, (rebels[0], rebels[1], "the army")))
    assert got is not None and got["value"] == 26


def test_rival_claims_through_the_whole_layer() -> None:
    from eventwire.analyze import analyze
    from eventwire.model import Article, Record

    text = ("Heavy fighting broke out near Gao on Tuesday. The army said six rebels were killed in "
            "the clashes. The rebels claimed that 20 soldiers were killed in the fighting.")
    rec = analyze(Record(article=Article(id="t", text=text, published="2015-06-01", language="en")))
    primary = next(e for e in rec.events if e.primary)
    assert primary.figures["killed"]["value"] == 20
