"""Alternatives: rewrites of the supporter's own sentence, model-checked, well-formed, with a why."""

from __future__ import annotations

import pytest

from coach import taxonomy
from coach.suggest import affirmation, repeats_phrase, suggest_many, well_formed
from coach.suggest.clause import analyse, gerund, normalise, present, segments
from coach.suggest.content import content_words, retention
from coach.suggest.rewrite import _hope, rewrite


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


def _best(sentence, phrase, label, avoid=()):
    start, end = _span(sentence, phrase)
    return rewrite(sentence, label, start, end, avoid)[0]


@pytest.mark.parametrize("sentence,phrase,label,expected", [
    # false_promise: the guarantee becomes honest hope, in the present tense
    ("Trust me, you'll be in your own flat by Christmas.", "you'll be in your own flat by Christmas",
     "false_promise",
     "I hope you're in your own flat by Christmas, and I can't promise it. What would help you get ready either way?"),
    # ... "don't worry" becomes validation, and a third person's "isn't gonna" a plain present
    ("Don't worry, the judge isn't gonna send you back.", "the judge isn't gonna send you back", "false_promise",
     ("It makes sense to worry. I hope the judge doesn't send you back, and I can't promise it. "
      "Whatever happens, we can work out the next steps together.")),
    # ... a promise of the supporter's own becomes what they can try or ask about
    ("I'll get you a bed at Cedar House before you're discharged.", "I'll get you a bed", "false_promise",
     "I can try to get you a bed at Cedar House before you're discharged, but I can't promise how it turns out."),
    ("I'll make sure the VA approves the switch.", "I'll make sure the VA approves the", "false_promise",
     "I can't promise the VA approves the switch, but I can ask about it, and we can plan the next steps together."),
    # power_over: the whole order is handed back, even when the span sits at its end
    ("Why don't you just take the pills they gave you and go lie down?", "go lie down", "power_over",
     "How would you feel about taking the pills they gave you and going to lie down?"),
    # ... a condition said before the order stays in front of the question
    ("if you're having those thoughts again you have to call the crisis line", "you have to", "power_over",
     "If you're having those thoughts again, how would you feel about calling the crisis line?"),
    # diagnosis: the experience in their words, the label dropped
    ("License plate messages, that's delusional thinking.", "that's delusional thinking", "diagnosis",
     "License plate messages sound really hard. What has it been like for you?"),
    ("What you're describing sounds like dissociation.", "sounds like dissociation", "diagnosis",
     "What you're describing sounds really hard. What has it been like for you?"),
    ("Your wife's mood swings sound like bipolar II.", "sound like bipolar II", "diagnosis",
     "Your wife's mood swings sound really hard. What has it been like for you?"),
    # judgment: the verdict dropped, its subject asked about
    ("i mean you know stopping cold turkey is just stupid right", "is just stupid right", "judgment",
     "Can you tell me more about stopping cold turkey?"),
    ("thats a pretty weak excuse for missing group", "thats a pretty weak excuse for", "judgment",
     "What was going on for you around missing group?"),
    ("You're being lazy about the applications.", "You're being lazy about", "judgment",
     "What was going on for you around the applications?"),
])
def test_rewrite_reframes_the_flagged_clause(sentence, phrase, label, expected):
    assert _best(sentence, phrase, label) == expected


def test_other_clauses_are_kept_and_a_labelled_concern_is_rewritten_too():
    s = ("Those voices at night sound like a symptom of schizophrenia, "
         "and you should mention it to the team first thing tomorrow.")
    dx, po = _span(s, "sound like a symptom of schizophrenia"), _span(s, "you should")
    # the other concern's clause is left out when its label is unknown ...
    assert _best(s, "you should", "power_over", [dx]) == \
        "How would you feel about mentioning it to the team first thing tomorrow?"
    # ... and rewritten by its own label when it is known: the whole utterance, person-driven
    assert _best(s, "you should", "power_over", [(*dx, "diagnosis")]) == (
        "Those voices at night sound really hard. What has it been like for you? "
        "How would you feel about mentioning it to the team first thing tomorrow?")
    assert _best(s, "sound like a symptom of schizophrenia", "diagnosis", [(*po, "power_over")]).startswith(
        "Those voices at night sound really hard.")
    # a clause that only vouches ("trust me") goes with the promise it vouched for
    s = "You'll feel fine without it, trust me, the body adjusts."
    assert _best(s, "You'll feel fine without it", "false_promise") == (
        "I hope you feel fine without it, and I can't promise it. What would help you in the meantime? "
        "The body adjusts.")


def test_hope_clause_forms():
    assert _hope("he'll hit bottom and come back") == ("hope", "he hits bottom and comes back")
    assert _hope("you'll get the subsidy and the kids will be fine") == ("hope", "you get the subsidy and the kids are okay")
    assert _hope("in a month this will all feel like a bad dream") == ("hope", "in a month this all feels like a bad dream")
    assert _hope("I won't let that happen") == ("", "")
    assert present("your kids", "forgive") == "your kids forgive"


def test_clauses_and_text_speak():
    s = "u need to stop hanging w tyler period, hes bad news"
    assert [s[a:b] for a, b in segments(s)] == ["u need to stop hanging w tyler period,", "hes bad news"]
    s = "you're gonna have to tell him he can't drink around you anymore"
    assert len(segments(s)) == 1  # "tell him he can't ...": the object clause stays with its verb
    assert normalise("ur doc will def switch u if u ask") == "your doc will definitely switch you if you ask"
    assert normalise("first thing tomorrow you go to the dmv and get your id") == \
        "first thing tomorrow you go to the dmv and get your id"


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


def test_suggest_many_rewrites_the_whole_utterance(model):
    s = ("Those voices at night sound like a symptom of schizophrenia, "
         "and you should mention it to the team first thing tomorrow.")
    dx, po = _span(s, "sound like a symptom of schizophrenia"), _span(s, "you should")
    out = suggest_many([(s, "diagnosis", *dx, [dx, po]), (s, "power_over", *po, [dx, po])], model=model)
    for sugg in out:
        assert sugg and all(well_formed(x.text) for x in sugg)
        assert not any(repeats_phrase(x.text, s[a:b]) for x in sugg for a, b in (dx, po))
    best = out[1][0]
    assert best.source == "rewrite"
    assert {"mention", "team", "tomorrow"} <= content_words(best.text)


def test_candidates_the_model_flags_are_dropped(model, monkeypatch):
    import coach.suggest.rewrite as rw

    monkeypatch.setattr(rw, "rewrite", lambda *a: ["You have to call her tonight.", "What would help you tonight?"])
    out = suggest_many([("You need to call her tonight.", "power_over", 0, 11)], model=model)[0]
    texts = [x.text for x in out]
    assert "You have to call her tonight." not in texts
    assert "What would help you tonight?" in texts


def test_a_phrase_that_is_only_the_person_s_name_still_gets_alternatives(model):
    """The tagger can mark the name alone ("Come on, Marcus." before "That's just silly."); the name is kept in every
    alternative, so saying it again is no repeat of the concern, and the finding is not left without one."""
    s = "Come on, Marcus."
    out = suggest_many([(s, "judgment", s.index("Marcus"), s.index("Marcus") + 6)], model=model)[0]
    assert out and all(c.text.startswith("Marcus") for c in out)
    s = "Ok Marcus, that's just silly."  # a phrase with more than the name is still not repeated
    start = s.index("that's just silly")
    out = suggest_many([(s, "judgment", start, start + len("that's just silly"))], model=model)[0]
    assert out and not any(repeats_phrase(c.text, "that's just silly") for c in out)
    # ... and a verdict's adjective is no topic to turn round ("Silly can be a lot to deal with.")
    assert not any(c.text.lower().startswith(("marcus, silly", "silly")) for c in out)


# The alternatives' target (issue #4): the best alternative keeps the content words for at least 80% of findings,
# on the test split and on the rewrite bank. Content words are counted outside the flagged phrase and outside the
# other concern phrases flagged in the same sentence, which no clean alternative can keep (the stricter count, with
# those words as content to keep, is in metadata.json and the card beside it).
FLOOR = {"test_split": 0.80, "rewrite_bank": 0.80}


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
        assert m["best_keeps_content"] >= FLOOR[part]


def test_alternatives_measured_now_match_the_card(nlp):
    """Recomputed on the test split and the bank, the figures are what metadata.json (and the card) say."""
    from coach.model import io
    from coach.suggest.evaluate import evaluate_suggestions

    got = evaluate_suggestions(nlp)
    shipped = io.read_metadata()["metrics"]["suggestions"]
    for part in ("test_split", "rewrite_bank"):
        for key in ("findings", "clean", "well_formed", "repeats_phrase", "best_keeps_content_count"):
            assert got[part][key] == shipped[part][key], (part, key)
        assert got[part]["best_keeps_content"] >= FLOOR[part]


def test_an_orders_own_reasons_and_withdrawal_are_not_content_to_keep():
    """The treatment given as the reason for an order and the withdrawal that ends an ultimatum are the order's own
    words, like a rule tag: a reply that drops them still keeps the sentence's content (sentences written here)."""
    s = "you need to get that paperwork in by friday or honestly don't bother calling me"
    assert retention(s, 0, len("you need to"), "Would you want to get that paperwork in by friday?", "power_over") >= 0.8
    s = "Honestly, you should just get on methadone tomorrow, it's the best thing for you."
    a = s.index("you should")
    assert retention(s, a, a + len("you should"), "How would you feel about getting on methadone tomorrow?",
                     "power_over") >= 0.8


def test_unlimited_availability_is_the_promises_own_words():
    """"You can text this number whenever": the availability offered is the false promise itself, like "I promise", so
    a reply with an honest limit in its place keeps the sentence's content (sentence written here)."""
    s = "u can text this number whenever, literally anytime day or night, and ill answer, always"
    a = s.index("ill answer")
    reply = "I can't be there at all hours, but I'll be here for you at our next time."
    assert retention(s, a, len(s), reply, "false_promise") >= 0.8
