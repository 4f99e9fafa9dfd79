"""The rewrite patterns that keep more of what the supporter said (sentences written for these tests)."""

from __future__ import annotations

import pytest

from coach.suggest import repeats_phrase, well_formed
from coach.suggest.clause import gerund, gerund_phrase, normalise, segments
from coach.suggest.rewrite import _finish, _hope, rewrite


def _best(sentence, phrase, label, avoid=()):
    i = sentence.index(phrase)
    cands = rewrite(sentence, label, i, i + len(phrase), list(avoid))
    assert cands, "no rewrite"
    best = cands[0]
    assert well_formed(best) and not repeats_phrase(best, phrase), best
    return best


@pytest.mark.parametrize("sentence,phrase,expected", [
    # a span inside the order's own words: the smallest change that stops the repeat (a particle moved, a
    # deadline dropped), not a fallback that loses the topic
    ("Okay, switch the radio off.", "the radio off", "How would you feel about switching off the radio?"),
    ("You must hand in every form to the clinic by Friday.", "the clinic by Friday",
     "How would you feel about handing in every form to the clinic?"),
    # orders said next to each other become one question, a "don't" a "not"
    ("Sell the car, pay off the loan.", "pay off the loan",
     "How would you feel about selling the car and paying off the loan?"),
    ("Stay with your aunt this week, don't go back to the flat.", "Stay with your aunt",
     "How would you feel about staying with your aunt this week and not going back to the flat?"),
    # a lead-in that only announces the order, and a present progressive said as one
    ("here's what i want you to do tonight you're gonna write the letter and you're gonna post it",
     "here's what i want you to",
     "Would you want to write the letter tonight and post it, or does something else feel more doable right now?"),
    ("you're going back to the shelter tonight and talking to the manager", "you're going back to the shelter",
     "How would you feel about going back to the shelter tonight and talking to the manager?"),
    # the consequence that presses and the rule tag go; the order is asked about (what they stand to lose stays,
    # as their own concern, without the threat)
    ("You need to be home by ten, that's the rule.", "You need to", "How would you feel about being home by ten?"),
    ("you have to fix the leak by monday or you'll lose the deposit", "you have to",
     "How would you feel about fixing the leak by monday? I know you don't want to lose the deposit."),
])
def test_power_over_patterns(sentence, phrase, expected):
    assert _best(sentence, phrase, "power_over") == expected


@pytest.mark.parametrize("sentence,phrase,expected", [
    # the action a verdict was about, asked about without the verdict
    ("Honestly, it's pretty careless to leave the stove on all night.", "it's pretty careless",
     "What was going on for you around leaving the stove on all night?"),
    ("its kinda ur own fault for quitting the gym", "its kinda ur own fault for",
     "What was going on for you around quitting the gym?"),
    ("that's a pretty strange way to cope, if you ask me", "that's a pretty strange way to",
     "Everyone has their own way to cope. What has it been like for you?"),
    # what they did (or did not), looked back on
    ("you should have called your sister last week", "you should have",
     "Looking back, how do you feel about not calling your sister last week?"),
])
def test_judgment_patterns(sentence, phrase, expected):
    assert _best(sentence, phrase, "judgment") == expected


def test_judgment_keeps_what_the_sentence_was_about():
    best = _best("you did all that just to annoy your landlord didn't you", "you did all that just to annoy",
                 "judgment")
    assert best == "What's been going on with your landlord?"


@pytest.mark.parametrize("sentence,phrase,expected", [
    # a person is not an experience: the relationship is asked about
    ("your sister sounds like a textbook narcissist", "sounds like a textbook narcissist",
     "Things with your sister sound really hard. What has that been like for you?"),
    # a cause named as the label's: what they live through, without it
    ("skipping the shot is why the nightmares are back", "skipping the shot",
     "It sounds like the nightmares are back. What has that been like for you?"),
    # the experience after "... to me, like": kept, the label dropped
    ("honestly it sounds like psychosis to me like the whispers and not eating", "it sounds like psychosis to",
     "The whispers and not eating sound really hard. What has it been like for you?"),
])
def test_diagnosis_patterns(sentence, phrase, expected):
    assert _best(sentence, phrase, "diagnosis") == expected


def test_diagnosis_names_the_clinician_they_named():
    best = _best("If the shaking's bad, ask your psychiatrist to switch you to lithium.", "switch you to lithium",
                 "diagnosis")
    assert best.endswith("If you want, we can plan what to ask your psychiatrist.")


@pytest.mark.parametrize("sentence,phrase,expected", [
    # "don't worry" said without a comma becomes validation too, and keeps what it was about
    ("you'll find a room next week dont worry about it", "you'll find a room next week",
     "It makes sense to worry. I hope you find a room next week, and I can't promise it. "
     "What would help you get ready either way?"),
    # a clause that only vouches leaves the claim it vouched for to be hedged
    ("You'll get the flat by June, I'd put money on it.", "I'd put money on it",
     "I hope you get the flat by June, and I can't promise it. What would help you get ready either way?"),
    # an unflagged promise of the supporter's own, next to the guarantee, becomes what they can try
    ("They'll approve the transfer, I'll call them for you, consider it done.", "They'll approve the transfer",
     "I hope they approve the transfer, and I can't promise it. I can try to call them for you, and we can work "
     "out the next steps together."),
    # availability: whom and when, kept in an honest offer
    ("i'll always be there for you and the baby day or night", "i'll always be there",
     "I can't be there day or night, but I'll be here for you and the baby at our next time, and we can find "
     "other people you can call when I'm not around."),
])
def test_false_promise_patterns(sentence, phrase, expected):
    assert _best(sentence, phrase, "false_promise") == expected


def test_hope_forms():
    assert _hope("monday's gonna be easy") == ("hope", "monday's easy")
    assert _hope("they never turn anyone away") == ("hope", "they don't turn anyone away")


def test_finishing_and_text_speak():
    assert _finish("3 weeks is a long time.") == "Three weeks is a long time."
    assert _finish("The noise and the, the lights.") == "The noise and the lights."
    assert _finish("Thinking about your dad like that. That sounds hard.") == \
        "Thinking about your dad like that. It sounds hard."
    assert normalise("shell be back by spring") == "she'll be back by spring"
    assert normalise("ur worried about ur evening shift") == "you're worried about your evening shift"
    assert [gerund(v) for v in ("unplug", "admit", "open")] == ["unplugging", "admitting", "opening"]
    s = "you'll be okay dont worry about it"
    assert [s[a:b] for a, b in segments(s)] == ["you'll be okay", "dont worry about it"]


@pytest.mark.parametrize("sentence,phrase,expected", [
    # an order announced or tagged as "the plan" / "the deal" is offered as one to consider
    ("Okay, the plan is, you text me every morning before work.", "the plan is",
     "How would you feel about a plan where you text me every morning before work?"),
    ("You're cleaning the kitchen every evening this week, that's the deal.",
     "You're cleaning the kitchen every evening this week",
     "How would you feel about a deal where you're cleaning the kitchen every evening?"),
    # the threat goes, what they stand to lose stays as their own concern
    ("you need to pay the fine by tuesday or you'll lose your licence", "you need to",
     "How would you feel about paying the fine by tuesday? I know you don't want to lose your licence."),
    ("honestly u gotta get it together at school or ur gonna miss the whole semester", "u gotta",
     "How would you feel about getting it together at school? I know you don't want to miss the whole semester."),
    # a run-on order after "just" is another step of the same list
    ("stop calling him after midnight just put the phone away", "just put the phone away",
     "How would you feel about stopping calling him after midnight and putting the phone away?"),
    # how the order is to be done, said after it, stays with it
    ("give up the vape this week, cold turkey", "give up the vape",
     "How would you feel about giving up the vape this week, cold turkey?"),
    # a reduced relative clause on a longer noun phrase stays with its noun
    ("Take every single form they gave you to the office.", "Take every single form",
     "How would you feel about taking every single form they gave you to the office?"),
])
def test_power_over_keeps_more(sentence, phrase, expected):
    assert _best(sentence, phrase, "power_over") == expected


@pytest.mark.parametrize("sentence,phrase,expected", [
    # medication advice given as what the supporter would do, or what could be done: handed to the prescriber
    ("if it was me i'd just halve the sertraline when the headaches start", "halve the sertraline",
     "Would you like to talk with your prescriber about halving the sertraline when the headaches start?"),
    ("you could take one of your dad's sleeping pills before the flight", "could take one of",
     "Would you like to talk with your prescriber about taking one of your dad's sleeping pills before the flight?"),
    ("Um, honestly, I'd skip the lunchtime dose and just take two at night.", "skip the lunchtime dose",
     "Would you like to talk with your prescriber about skipping the lunchtime dose and just taking two at night?"),
    # the span cut the experience short: its words before the verb are lent back
    ("Panic attacks in the morning are a classic anxiety sign.", "morning are a classic",
     "Panic attacks in the morning sound really hard. What has it been like for you?"),
    # a determiner said twice across a comma does not end the noun phrase
    ("I'd say the headaches and the, the dizziness, that's a migraine disorder.", "that's a migraine disorder",
     "The headaches and the dizziness sound really hard. What has it been like for you?"),
])
def test_diagnosis_keeps_more(sentence, phrase, expected):
    assert _best(sentence, phrase, "diagnosis") == expected


def test_segments_and_gerunds():
    s = "Go back Monday with every single paper they listed, that's all."
    assert [s[a:b] for a, b in segments(s)][0] == "Go back Monday with every single paper they listed,"
    s = "we wrap up this role play i want you to call her"  # an order of its own, not a relative clause
    assert [s[a:b] for a, b in segments(s)] == ["we wrap up this role play", "i want you to call her"]
    s = "quit telling them about it in interviews just leave it off"
    assert [s[a:b] for a, b in segments(s)] == ["quit telling them about it in interviews", "just leave it off"]
    s = "the pain and the, the tiredness, that's it"
    assert [s[a:b] for a, b in segments(s)][0] == "the pain and the, the tiredness,"
    assert gerund_phrase("skip the dose and just take one") == "skipping the dose and just taking one"


@pytest.mark.parametrize("sentence,phrase,label,avoid,expected", [
    # a yes/no question about taking (or having) a medication: asked openly, in its own words
    ("did you take your lithium this morning or throw it out", "did you take your lithium", "diagnosis", (),
     "How do you feel about taking your lithium this morning or throwing it out? If you want, we can plan what to "
     "ask your doctor."),
    ("have you got enough sertraline at home", "have you got enough sertraline", "diagnosis", (),
     "How do you feel about having enough sertraline at home? If you want, we can plan what to ask your doctor."),
    ("are you still taking it every night or skipping weekends", "are you still taking it", "diagnosis", (),
     "How do you feel about taking it every night or skipping weekends? If you want, we can plan what to ask your "
     "doctor."),
    # advice to take or stop a medication the sentence does not name: handed to the prescriber
    ("you could just stop taking them and see how the week goes", "could just stop taking them", "diagnosis", (),
     "Would you like to talk with your prescriber about stopping taking them and seeing how the week goes?"),
    # another concern flagged in the same clause: its own rewrite joins this one, in the order said
    ("call your sister tonight and she'll take you back for sure", "call your sister tonight", "power_over",
     ((29, 58, "false_promise"),),
     "How would you feel about calling your sister tonight? I hope she takes you back, and I can't promise it. "
     "Whatever happens, we can work out the next steps together."),
    # a tag that rules something out: what it forbade, asked about
    ("You have to finish the course this month, no quitting.", "You have to", "power_over", (),
     "How would you feel about finishing the course this month? What might make quitting tempting?"),
    ("You have to sign the lease today, no arguments.", "You have to", "power_over", (),
     "How would you feel about signing the lease today? What are your thoughts on arguments?"),
    # a rhetorical question asked to hear the answer; a flagged abbreviation goes with its time
    ("What were you even doing down by the river at 4 a.m.?", "a.m.", "judgment", (),
     "Can you tell me more about what you were doing down by the river?"),
])
def test_more_patterns_keep_more(sentence, phrase, label, avoid, expected):
    assert all(sentence[a:b] == "she'll take you back for sure" for a, b, _ in avoid)
    assert _best(sentence, phrase, label, avoid) == expected


def test_interjections_are_not_content():
    from coach.suggest.content import content_words, retention

    assert sorted(content_words("Ugh, smh, you skipped the appointment again, pls ring them.")) == \
        ["appointment", "ring", "skip"]
    assert "wow" in content_words("Her singing will wow the judges.")  # a verb here, not an interjection
    assert retention("Whoa, you spent the deposit on shoes.", 6, 37, "What was going on for you then?") == 1.0
