"""Alternatives: rewrites of the supporter's own sentence, model-checked, well-formed, with a why."""

from __future__ import annotations

import pytest

from coach import taxonomy
from coach.suggest import affirmation, repeats_phrase, suggest_many, well_formed
from coach.suggest.clause import analyse, gerund
from coach.suggest.content import content_words, retention
from coach.suggest.rewrite import rewrite


def _span(sentence, phrase):
    i = sentence.index(phrase)
    return i, i + len(phrase)


@pytest.mark.parametrize("sentence,phrase,label,must_keep", [
    ("You need to stop drinking this weekend.", "You need to", "power_over", {"drink", "weekend"}),
    ("I want you to call your sponsor tonight.", "I want you to", "power_over", {"call", "sponsor", "tonight"}),
    ("Why don't you just quit the job?", "Why don't you just", "power_over", {"quit", "job"}),
    ("I promise you'll get the apartment.", "I promise", "false_promise", {"apartment"}),
    ("You're just making excuses for skipping group.", "just making excuses", "judgment", {"skip", "group"}),
    ("Those voices are just a symptom of your schizophrenia.", "are just a symptom of your schizophrenia",
     "diagnosis", {"voice"}),
    ("You should up your dose of sertraline.", "You should up your dose", "diagnosis", {"sertraline"}),
])
def test_rewrite_keeps_the_topic(sentence, phrase, label, must_keep):
    start, end = _span(sentence, phrase)
    cands = rewrite(sentence, label, start, end)
    assert cands, "no rewrite"
    best = cands[0]
    assert well_formed(best) and not repeats_phrase(best, phrase)
    kept = content_words(best)
    assert must_keep <= kept, (best, must_keep - kept)


def test_rewrite_ranks_by_retention():
    s = "Okay, so you need to stop drinking at night, alright?"
    start, end = _span(s, "you need to")
    cands = rewrite(s, "power_over", start, end)
    scores = [retention(s, start, end, c) for c in cands]
    assert scores == sorted(scores, reverse=True)


def test_clause_analysis_and_gerunds():
    c = analyse("Honestly you really have to go to group tomorrow.")
    assert (c.subject, c.modal, c.verb) == ("you", "have to", "go")
    assert c.rest.startswith("to group tomorrow")
    assert [gerund(v) for v in ("quit", "make", "run", "visit")] == ["quitting", "making", "running", "visiting"]


def test_well_formed_and_repeats():
    assert well_formed("What would you like to do?")
    assert not well_formed("what would you like to do?")
    assert not well_formed("What would you you like?")
    assert not well_formed("")
    assert repeats_phrase("Honestly, you need to think.", "You need to")
    assert not repeats_phrase("What do you need?", "You need to")


def test_affirmation_names_the_value():
    a = affirmation("Would it be okay if I shared what helped me?", "Would it be okay if I shared")
    assert a.source == "affirmation" and "permission" in a.why
    b = affirmation("You came in today even though it was hard; that took real strength.", "that took real strength")
    assert "strength" in b.why


def test_suggest_many_serves_only_clean_alternatives(model):
    items = [("You need to stop drinking this weekend.", "power_over", 0, 11),
             ("That's classic PTSD.", "diagnosis", 7, 19),
             ("I promise everything will be fine.", "false_promise", 0, 9),
             ("What were you thinking?", "judgment", 0, 22),
             ("What would you like to do moving forward?", "person_driven", 0, 26)]
    out = suggest_many(items, model=model, limit=3)
    assert len(out) == len(items)
    concern_cols = [j for j, lab in enumerate(model.labels_) if taxonomy.kind_of(lab) == "concern"]
    for (sentence, label, s, e), sugg in zip(items, out):
        assert sugg, label
        assert len(sugg) <= 3
        if label == "person_driven":
            assert sugg[0].source == "affirmation"
            continue
        texts = [x.text for x in sugg]
        flags = model.flags(model.predict_proba(texts))[:, concern_cols]
        assert not flags.any(), texts
        for x in sugg:
            assert x.why == taxonomy.get(label).why
            assert well_formed(x.text) and not repeats_phrase(x.text, sentence[s:e])


def test_candidates_the_model_flags_are_dropped(model, monkeypatch):
    import coach.suggest.rewrite as rw

    monkeypatch.setattr(rw, "rewrite", lambda *a: ["You have to call her tonight.", "What would help you tonight?"])
    out = suggest_many([("You need to call her tonight.", "power_over", 0, 11)], model=model)[0]
    texts = [x.text for x in out]
    assert "You have to call her tonight." not in texts
    assert "What would help you tonight?" in texts


def test_shipped_metrics_meet_the_floor():
    """The figures in metadata.json (written by coach evaluate) hold the alternatives' invariants."""
    from coach.model import io

    s = io.read_metadata()["metrics"]["suggestions"]
    for part in ("test_split", "rewrite_bank"):
        m = s[part]
        assert m["clean"] >= 0.98
        assert m["well_formed"] == 1.0
        assert m["repeats_phrase"] == 0
        assert m["findings_without_alternative"] == 0
