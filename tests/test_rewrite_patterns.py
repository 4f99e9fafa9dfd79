"""The rewrite patterns that keep more of what the supporter said (sentences written for these tests)."""

from __future__ import annotations

import re

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
    # an order asked as a rhetorical question is still the order, handed back as a choice
    ("wouldn't it be better to just call her tonight", "wouldn't it be better to",
     "How would you feel about calling her tonight?"),
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
     "How would you feel about writing the letter tonight and posting it?"),
    ("you're going back to the shelter tonight and talking to the manager", "you're going back to the shelter",
     "How would you feel about going back to the shelter tonight and talking to the manager?"),
    # the consequence that presses and the rule tag go; the order is asked about (what they stand to lose stays,
    # as their own concern, without the threat)
    ("You need to be home by ten, that's the rule.", "You need to", "How would you feel about being home by ten?"),
    ("you have to fix the leak by monday or you'll lose the deposit", "you have to",
     "How would you feel about fixing the leak by monday? I know you don't want to lose the deposit."),
    # an order announced or tagged as "the plan" / "the deal" is offered as one to consider
    ("Okay, the plan is, you text me every morning before work.", "the plan is",
     "How would you feel about a plan where you text me every morning before work?"),
    ("You're cleaning the kitchen every evening this week, that's the deal.",
     "You're cleaning the kitchen every evening this week",
     "How would you feel about a deal where you clean the kitchen every evening this week?"),
    # the present progressive with a day on it is a step decided for the person; the monitoring tag goes
    # advice said as what the supporter would do in the person's place; a chat message's " / " ends a clause
    ("lol i remember those / honestly if i were u id just leave the conviction box blank", "if i were u id just leave",
     "I remember those. How would you feel about leaving the conviction box blank?"),
    ("call the early intervention team first thing monday and dont let them fob you off",
     "call the early intervention team", "How would you feel about calling the early intervention team first thing "
     "monday and not letting them fob you off?"),
    # a filler after the order's lead does not cut the order from its verb
    ("Why don't you just, um, quit?", "Why don't you just", "How would you feel about quitting?"),
    ("You're calling your sponsor tonight, and I'm gonna ring him at nine to see if you did.",
     "You're calling your sponsor tonight",
     "How would you feel about calling your sponsor tonight?"),
    ("So your plan is to go to your aunt's tomorrow and stay there until the funeral on Thursday.",
     "your plan is to go to",
     "How would you feel about going to your aunt's tomorrow and staying there until the funeral on Thursday?"),
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
    # an order form whose verb no list of ours holds is still an order ("why don't you just mute him")
    ("why don't you just unfollow her and go to bed", "why don't you just",
     "How would you feel about unfollowing her and going to bed?"),
    # the politer and the blunter forms of "I want you to"
    ("I'd like you to ring the dentist before lunch.", "I'd like you to ring the dentist",
     "How would you feel about ringing the dentist before lunch?"),
    ("I'm telling you to take the bus home tonight.", "I'm telling you to",
     "How would you feel about taking the bus home tonight?"),
    ("I want you at the food bank by nine.", "I want you at the food bank",
     "How would you feel about being at the food bank by nine?"),
    # a step taken for the person without asking is offered as theirs to choose
    ("I've already rung the housing office and told them you're moving out.", "I've already rung the housing office",
     "Would you like me to ring the housing office and tell them you're moving out?"),
    ("I'm emailing your tutor tonight and asking for an extension, and that's that.", "I'm emailing your tutor tonight",
     "Would you like me to email your tutor tonight and ask for an extension?"),
    # a threat with "have to" in it ("I'm going to have to call ...") is offered as a step they may want
    ("If you skip the appointment again, I'm going to have to call your caseworker.",
     "I'm going to have to call your caseworker",
     "If you skip the appointment again, would you want me to call your caseworker?"),
    # a ban said as "no" + a gerund with its object: what it banned, asked about
    ("no driving the van until the dizziness stops", "no driving the van",
     "How do you feel about driving the van until the dizziness stops right now?"),
    # a clause of time after the order goes into the question; the name the supporter used stays
    ("Fill in the renewal form today, before the office closes.", "Fill in the renewal form today",
     "How would you feel about filling in the renewal form today before the office closes?"),
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
     "Can you tell me more about coping?"),
    # what they did (or did not), looked back on
    ("you should have called your sister last week", "you should have",
     "Looking back, how do you feel about not calling your sister last week?"),
    # a verdict voiced as somebody else's, or sided with in the next clause: theirs to weigh, and the siding goes
    ("I'm not gonna lie to you, a couple of the nurses think this was a bit attention-seeking.",
     "this was a bit attention-seeking", "I'm not gonna lie to you. What do you make of what a couple of the nurses think?"),
    ("but tbh the judge kinda has a point, u did work that one job last yr", "u did work that one job last yr",
     "What do you make of what the judge said? That sounds like a lot to carry. What was going on for you then?"),
])
def test_judgment_patterns(sentence, phrase, expected):
    assert _best(sentence, phrase, "judgment") == expected


def test_transcriber_notes_closers_and_participles_are_not_kept():
    # a stage direction is no topic, "simple as" presses the order, and "that party knowing ..." is no noun phrase
    sentence = "You're -- (laughs) -- you're overreacting, man, she didn't mean it like that, come on."
    i = sentence.index("you're overreacting")
    assert not any("laughs" in c for c in rewrite(sentence, "judgment", i, i + len("you're overreacting")))
    assert _best("Next time you stay home, simple as.", "Next time you stay home", "power_over") == \
        "How would you feel about staying home next time?"
    best = _best("You went back to that party knowing there'd be coke there, that was a pretty dumb move.",
                 "that was a pretty dumb move", "judgment")
    assert "party knowing is" not in best and "dumb" not in best


def test_judgment_keeps_what_the_sentence_was_about():
    best = _best("you did all that just to annoy your landlord didn't you", "you did all that just to annoy",
                 "judgment")
    assert best == "What's been going on with your landlord?"


@pytest.mark.parametrize("sentence,phrase,expected", [
    # experiences told clause by clause are kept together
    ("Brother, that's textbook PTSD, the startle, the not sleeping, all of it.", "that's textbook PTSD",
     "The startle and the not sleeping sound really hard. What has it been like for you?"),
    # a person is not an experience: the relationship is asked about
    ("your sister sounds like a textbook narcissist", "sounds like a textbook narcissist",
     "Things with your sister sound really hard. What has that been like for you?"),
    # a cause named as the label's: what they live through, without it
    ("skipping the shot is why the nightmares are back", "skipping the shot",
     "It sounds like the nightmares are back. What has that been like for you?"),
    # the experience after "... to me, like": kept, the label dropped
    ("honestly it sounds like psychosis to me like the whispers and not eating", "it sounds like psychosis to",
     "The whispers and not eating sound really hard. What has it been like for you?"),
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
def test_diagnosis_patterns(sentence, phrase, expected):
    assert _best(sentence, phrase, "diagnosis") == expected


def test_diagnosis_names_the_clinician_they_named():
    best = _best("If the shaking's bad, ask your psychiatrist to switch you to lithium.", "switch you to lithium",
                 "diagnosis")
    # (advice to ask them is asked as the person's choice to ask them: "would you like to ask your psychiatrist ...")
    assert "your psychiatrist" in best and "prescriber" not in best


@pytest.mark.parametrize("sentence,phrase,expected", [
    # vouching joined on with "and" opens what it vouches for: the guarantee is what follows it
    ("You're doing great, and I swear, it only gets easier from here.", "I swear",
     "You're doing great. I hope it only gets easier from here, and I can't promise it. "
     "Whatever happens, we can work out the next steps together."),
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
     "How would you feel about signing the lease today?"),
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


# --- quality defects a trainee would see (sentences written for these tests) ------------------------------------------

@pytest.mark.parametrize("sentence,phrase,label,noun", [
    # a noun phrase that starts inside "a couple of ..." / "some of ..." keeps its quantity whole, never "with of"
    ("She told me to just take a couple of extra diazepam before the flight.", "take a couple of extra diazepam",
     "diagnosis", "a couple of extra diazepam"),
    ("I said he could take some of his wife's xanax when it gets bad.", "take some of his wife's xanax",
     "diagnosis", "xanax"),
])
def test_partitive_phrases_stay_whole(sentence, phrase, label, noun):
    i = sentence.index(phrase)
    cands = rewrite(sentence, label, i, i + len(phrase))
    assert cands and all(well_formed(c) for c in cands), cands
    assert not any(re.search(r"\b(?:with|about|for|to|the|a) of\b", c, re.I) for c in cands), cands
    assert any(noun in c for c in cands), cands


def test_well_formed_rejects_impossible_pairs():
    assert not well_formed("How has it been going with of extra pills?")
    assert not well_formed("What do you think about of the move?")
    assert not well_formed("Can you tell me more about the?")
    assert not well_formed("How would you feel about your with the landlord?")
    # ... and not what English does say
    assert well_formed("How has it been going with a couple of extra pills?")
    assert well_formed("What are you afraid of?") and well_formed("Can we talk at 9 a.m.?")
    assert well_formed("Would you call the on call nurse?") and well_formed("Is it on your to-do list?")


@pytest.mark.parametrize("sentence,phrase,label,banned", [
    # a minimiser said next to the verdict is not kept (and then contradicted)
    ("Come on, it's not a huge deal, it's just a parking fine.", "it's not a huge deal", "judgment",
     ["just a parking fine", "sounds like a lot to carry"]),
    # a bare order said next to the verdict is not kept as it was
    ("So seriously, quit texting your ex, she's a nightmare.", "she's a nightmare", "judgment",
     ["quit texting", "Seriously, quit"]),
    ("Listen, delete that app tonight, gambling is for losers.", "gambling is for losers", "judgment",
     ["Delete that app", "delete that app tonight."]),
])
def test_kept_context_is_not_a_concern(sentence, phrase, label, banned):
    i = sentence.index(phrase)
    cands = rewrite(sentence, label, i, i + len(phrase))
    assert cands, "no rewrite"
    best = cands[0]
    assert well_formed(best) and not repeats_phrase(best, phrase), best
    assert not any(b.lower() in best.lower() for b in banned), best


def test_context_concerns_by_form():
    from coach.suggest.rewrite import _context_concern

    assert _context_concern("and honestly, sell the car,") == "power_over"
    assert _context_concern("you can't keep skipping your classes") == "power_over"
    assert _context_concern("it's only a dentist appointment.") == "judgment"
    assert _context_concern("that's no big deal") == "judgment"
    # formulas, noun phrases and what happened are not concerns
    for text in ("trust me,", "let me know", "third time lucky's what they say", "clear as day", "we talked at noon",
                 "don't worry", "take care", "you mentioned the rent"):
        assert _context_concern(text) == "", text


def test_judgment_fallback_keeps_the_topic():
    # a minimiser turned round keeps the thing it made small
    best = _best("Come on, it's not a huge deal, it's just a parking fine.", "it's not a huge deal", "judgment")
    assert "parking fine" in best and "just" not in best.lower() and best.endswith("?"), best
    # "then" only for what happened in the past
    from coach.suggest.rewrite import _generic

    assert "then?" not in _generic("judgment", "That's ridiculous, honestly.", 0, 17)
    assert _generic("judgment", "That was ridiculous, honestly.", 0, 18).endswith("then?")
    s = "You lost the car keys again, that's so careless."
    assert "the car keys are weighing on you" in _generic("judgment", s, s.index("that's"), len(s) - 1)


def test_verdict_is_not_reflected_as_their_feeling():
    # "you can't keep X-ing" is the supporter's pressure: a question about X, not "It sounds like you can't ..."
    sentence = "Look, you can't keep skipping physio, bro, that's not how recovery works."
    best = _best(sentence, "that's not how recovery works", "judgment")
    assert "can't keep" not in best and "skipping physio" in best and best.endswith("?"), best
    assert not best.startswith("It sounds like"), best


def test_order_by_form_is_handed_back_whatever_its_verb():
    # a bare imperative read as an order by its form is rewritten as one, even with a verb no list holds
    from coach.suggest.rewrite import _power_over

    s = "ok, pass me the car keys"
    made, _, _ = _power_over(s, 4, len(s), 0, len(s))
    assert made and made[0] == "How would you feel about passing me the car keys?", made
    s = "Sort out the paperwork first, and build from there."
    best = _best(s, "Sort out the paperwork first", "power_over")
    assert "building from there" in best and well_formed(best), best


def test_minimiser_reply_keeps_plurals_and_quantified_nouns():
    from coach.suggest.rewrite import _minimiser_reply

    # an -s form after "it's just" is a plural noun, even where the lexicon knows only the verb
    assert _minimiser_reply("it's just twinges,").startswith("Twinges can be a lot to deal with.")
    # a quantity before the noun does not stand for it ("a little shaking" -> "that shaking")
    assert _minimiser_reply("honestly it's only a little shaking").startswith("That shaking can be a lot")



def test_diagnosis_clause_with_no_experience_keeps_what_it_names():
    # a diagnosis clause with nothing read as an experience: the thing it names besides the label is reflected
    from coach.suggest.rewrite import _clause_topics, _diagnosis

    s = "Talk to someone soon, it's the only thing for night terrors."
    lo = s.index("it's")
    made, _, _ = _diagnosis(s, lo, len(s), lo, len(s))
    assert made and made[0] == "Night terrors sound really hard. What has it been like for you?", made
    # never a person, a degree word or the label itself
    assert _clause_topics("your sister sounds like the best fit for bipolar", 0, 48, 0, 0) == []


# --- orders said in a spoken run-on, a ban, a span of the same order cut out (sentences written for these tests) ------

@pytest.mark.parametrize("sentence,phrase,avoid,expected", [
    # another span of the same order inside its clause is part of it, not cut out
    ("pass me the scissors and the pills from your drawer", "pass me the scissors",
     [(38, 51, "power_over")], "How would you feel about passing me the scissors and the pills from your drawer?"),
    # "what you're gonna do is ...": a lead-in; the clause ends on the "and" that leads into the next one
    ("ok what you're gonna do is you're gonna ring your sister tonight and ask her to drive you and",
     "ring your sister", [], "How would you feel about ringing your sister tonight and asking her to drive you?"),
    # going to a person is going to see them: the repeat of the span "to your landlord" is parted
    ("then you're gonna go to your landlord tomorrow with the receipts", "to your landlord", [],
     "How would you feel about going to see your landlord tomorrow with the receipts?"),
    # a ban said as "no more ..." or as a negated present progressive
    ("no more hanging around the station with those lads", "no more hanging around", [],
     "How do you feel about hanging around the station with those lads right now?"),
    ("And you're not quitting the course over one bad mark.", "you're not quitting the course", [],
     "How would you feel about not quitting the course over one bad mark?"),
])
def test_power_over_run_ons_and_bans(sentence, phrase, avoid, expected):
    assert _best(sentence, phrase, "power_over", avoid) == expected


def test_vocative_and_pronoun_verb_are_not_orders_or_topics():
    from coach.suggest.rewrite import _order, _topic_noun

    # "man thats ...": a vocative before a clause, not the verb "to man"
    assert _order("man thats what you get for going out")[0] == ""
    assert _order("man the phones till six")[0] == "man"
    # "that sounds like ...": a pronoun and its verb, no noun phrase to keep as a topic
    assert _topic_noun("i mean that sounds like a rough night, the deposit is gone", 0, 0) == "the deposit"
    assert _topic_noun("that sounds like a rough night", 0, 0) == ""


@pytest.mark.parametrize("sentence,phrase,other,expected", [
    # orders flagged one by one in a list of steps are handed back as one list (a "don't" as a "not")
    ("Right, here's what you're doing tonight: you pack a bag, you ring your cousin, and you don't answer his texts.",
     "here's what you're doing tonight", "you don't answer his texts",
     "How would you feel about packing a bag and ringing your cousin tonight and not answering his texts?"),
    ("Ring the garage back today and book the repair, don't leave it till the weekend.", "Ring the garage back today",
     "don't leave it till the weekend", "How would you feel about ringing the garage back today and booking the repair "
     "and not leaving it till the weekend?"),
])
def test_flagged_orders_in_a_list_make_one_question(sentence, phrase, other, expected):
    j = sentence.index(other)
    assert _best(sentence, phrase, "power_over", [(j, j + len(other), "power_over")]) == expected


def test_prepositional_lead_joins_the_hope():
    from coach.suggest.rewrite import _in_context

    s = "With your references you'll get that flat, no question."
    lo, hi = s.index("you'll"), s.index(",")
    out = _in_context(s, lo, hi, ["I hope you get that flat, and I can't promise it."])
    assert out and out[0].startswith("I hope that with your references, you get that flat"), out


@pytest.mark.parametrize("sentence,phrase", [
    # a clause with its own subject is not "X sounds really hard"
    ("Look, you've got trust issues, that's borderline personality disorder.", "that's borderline personality disorder"),
    # nor is a name and a fragment, a person, or an adverb
    ("Marisol, all five nights in a row, that's insomnia for sure.", "that's insomnia for sure"),
])
def test_diagnosis_reply_names_an_experience_or_nothing(sentence, phrase):
    i = sentence.index(phrase)
    for alt in rewrite(sentence, "diagnosis", i, i + len(phrase), []):
        assert not re.search(r"^(?:You've got|[A-Z][a-z]+, all|Your nephew|No doubt)[^.?!]* sounds? really hard", alt), alt


def test_a_diagnosis_kept_around_another_concern_is_not_repeated():
    sentence = "Your hands shake every morning, it's definitely withdrawal, you need to see someone at the clinic."
    best = _best(sentence, "you need to", "power_over")
    assert "withdrawal" not in best.lower(), best
    assert "shake every morning sounds" not in best, best  # a clause is reflected as one, not as a thing


@pytest.mark.parametrize("sentence,phrase,expected", [
    # a person after a preposition is not what the phrase names: the experience before it is
    ("your sister might have postnatal depression tbh, w the crying and not sleeping since the baby",
     "your sister might have postnatal depression", "The crying and not sleeping since the baby sound really hard."),
    ("that's codependency the way you keep apologising to your partner",
     "that's codependency", "The way you keep apologising to your partner sounds really hard."),
    # a linking verb's complement cut off by the span is lent back ("after getting" + "dumped")
    # the evidence the verdict cites ("... proves it") is the experience, without the citing
    ("dude you've got social anxiety the shaking hands at every team meeting proves it",
     "you've got social anxiety", "The shaking hands at every team meeting sound really hard."),
    ("crying every day after getting dumped sounds like clinical depression to me",
     "dumped sounds like clinical depression", "Crying every day after getting dumped sounds really hard."),
])
def test_diagnosis_experience_around_a_person_or_a_cut_complement(sentence, phrase, expected):
    assert _best(sentence, phrase, "diagnosis").startswith(expected), _best(sentence, phrase, "diagnosis")


def test_names_experience_with_a_person_after_a_preposition():
    from coach.suggest.rewrite import _names_experience

    assert _names_experience("the crying and not getting up since the baby")
    assert not _names_experience("the not sleeping the night before stuff")  # "before stuff": no object named
    assert not _names_experience("your granddaughter")


@pytest.mark.parametrize("sentence,phrase,label,avoid,expected", [
    # the step the supporter threatens to take, offered as the person's choice
    ("Put the bottle away, or I'm ringing your sponsor.", "Put the bottle away", "power_over", (),
     "How would you feel about putting the bottle away? If it would help, I could ring your sponsor. "
     "Would you want that?"),
    ("You need to come to group every tuesday, and if you skip one, I'll call your caseworker.", "You need to",
     "power_over", (), "How would you feel about coming to group every tuesday? If you skip one, would you want me "
     "to call your caseworker?"),
    # ... and the threat flagged on its own
    ("You need to come to group every tuesday, and if you skip one, I'll call your caseworker.",
     "I'll call your caseworker", "power_over", ((0, 11, "power_over"),),
     "How would you feel about coming to group every tuesday? If you skip one, would you want me to call your "
     "caseworker?"),
    # a view the order or the promise overrides ("no matter what X says"), handed back for them to weigh
    ("you have to sign the lease friday no matter what your landlord says", "you have to", "power_over", (),
     "How would you feel about signing the lease friday? What do you make of what your landlord says?"),
    ("I'll get you a bed at the shelter tonight, no matter what the intake desk says.",
     "I'll get you a bed at the shelter tonight", "false_promise", (),
     "I can try to get you a bed at the shelter tonight, but I can't promise how it turns out. "
     "What do you make of what the intake desk says?"),
])
def test_threats_become_offers_and_overridden_views_are_handed_back(sentence, phrase, label, avoid, expected):
    assert _best(sentence, phrase, label, avoid) == expected


def test_threat_at_the_person_is_not_offered():
    from coach.suggest.rewrite import _offer_of

    assert _offer_of("Take your meds, or I'm kicking you out.", 0)[0] == ""
    assert _offer_of("Take your meds, or I'm done.", 0)[0] == ""


def _cands(sentence, phrase, label, avoid=()):
    i = sentence.index(phrase)
    return rewrite(sentence, label, i, i + len(phrase), list(avoid))


@pytest.mark.parametrize("sentence,phrase,expected", [
    # a yes/no check on a medicine keeps when it was taken and the other answer it offered
    ("did u take ur lamictal last night or skip it", "did u take ur lamictal last night",
     "How did your lamictal go last night, or did you skip it? If you want, we can plan what to ask your doctor."),
    ("Are you still on the clozapine or have you stopped?", "Are you still on the clozapine",
     "How has the clozapine been going, or have you stopped? If you want, we can plan what to ask your doctor."),
    ("Did you take your lithium before the shift?", "Did you take your lithium",
     "How did your lithium go before the shift? If you want, we can plan what to ask your doctor."),
    # ... and ends where an unpunctuated new clause starts
    ("did you take your sertraline this morning i didnt see the packet", "did you take your sertraline this morning",
     "How did your sertraline go this morning? If you want, we can plan what to ask your doctor."),
])
def test_medication_check_keeps_its_time_and_alternative(sentence, phrase, expected):
    cands = _cands(sentence, phrase, "diagnosis")
    assert expected in cands
    assert not any("didn't see" in c or "didnt see" in c for c in cands)


@pytest.mark.parametrize("sentence,phrase,expected", [
    # advice to ask a clinician stays with that clinician, not handed to "your prescriber" again
    ("Sounds like burnout, ask your GP for something to help you sleep.", "ask your GP for something to help you sleep",
     "Would you like to ask your GP about something to help you sleep?"),
    # ... worded so it does not repeat the advice
    ("that's depression, ask your doctor about going on an antidepressant",
     "ask your doctor about going on an antidepressant",
     "Would you like to ask your doctor what they think about going on an antidepressant?"),
])
def test_advice_to_ask_a_clinician(sentence, phrase, expected):
    cands = _cands(sentence, phrase, "diagnosis")
    assert expected in cands[0]
    assert not any("prescriber about asking" in c for c in cands)


@pytest.mark.parametrize("sentence,phrase,avoid,expected", [
    # an order run on after another clause, unpunctuated: handed back (the verdict before it is not kept)
    ("ur acting like a baby honestly just ring the landlord", "just ring the landlord", ((0, 22, "judgment"),),
     "How would you feel about ringing the landlord?"),
    # ... not a consequence that presses it, nor a ban said as a rule
    ("come home now or they'll call the police", "come home now", (),
     "How would you feel about coming home?"),
    ("We're done arguing, and no, no calling your ex after midnight.", "We're done arguing", (),
     "How do you feel about calling your ex after midnight right now?"),
    # a ban that already says when is not asked about "right now" as well
    ("pls dont go to the party tonight", "dont go to the party tonight", (),
     "How do you feel about going to the party tonight?"),
])
def test_power_over_run_on_orders_and_pressing_consequences(sentence, phrase, avoid, expected):
    best = _best(sentence, phrase, "power_over", avoid)
    assert best == expected
    assert "police" not in best and "tonight right now" not in best


@pytest.mark.parametrize("sentence,phrase,expected", [
    # what a verdict was about, asked about without it
    ("You're way too touchy about what your brother texts you.", "You're way too touchy",
     "Can you tell me more about what your brother texts you?"),
    ("ignoring the eviction notice prob didnt help either", "prob didnt help either",
     "Can you tell me more about ignoring the eviction notice?"),
    ("You shouldn't have put the rent on your card.", "You shouldn't have",
     "Looking back, how do you feel about putting the rent on your card?"),
])
def test_judgment_keeps_what_the_verdict_was_about(sentence, phrase, expected):
    assert _best(sentence, phrase, "judgment") == expected


def test_judgment_by_doing_asks_about_the_whole_action():
    cands = _cands("you kinda asked for it by skipping the court date", "you kinda asked for it", "judgment")
    assert "Can you tell me more about skipping the court date?" in cands
    assert not any(c.endswith("around the court date?") for c in cands)


# --- quality review: what the rewrites said that a trainer would not (fresh sentences) ---------------------------------

def test_release_is_no_order():
    # "you don't have to ..." frees the person from a step: said as the choice it leaves, not "having to"
    best = _best("honestly u dont have to go to the family barbecue", "u dont have to", "power_over")
    assert best == "It's up to you whether you go to the family barbecue."
    cands = rewrite("you don't need to call him back tonight, but you need to rest", "power_over", 45, 56)
    assert not any("having to" in c or "needing to" in c for c in cands)


def test_prediction_of_a_state_is_no_order():
    # "you'll go psychotic" tells how the person will become: not "How would you feel about going psychotic?"
    i = "If you stop now you'll go psychotic.".index("you'll go psychotic")
    cands = rewrite("If you stop now you'll go psychotic.", "diagnosis", i, i + len("you'll go psychotic"))
    assert not any("feel about going" in c for c in cands)


def test_reflection_does_not_lose_its_object():
    s = "Skipping your shifts is going to cost you the job, and you'll have earned it."
    i = s.index("you'll have earned it")
    assert not any(re.search(r"you'll have earned\.", c) for c in rewrite(s, "judgment", i, i + 21))


@pytest.mark.parametrize("sentence,phrase,absent", [
    ("ur just lazy fr", "ur just lazy", "about fr"),                       # slang is no topic
    ("she cant stop being selfish tobias but you can help", "selfish", "about tobias"),  # a name is no topic
    ("you're feeding her habit by lending her cash", "you're feeding her habit", "about her by"),
    ("the caseworker probs thought u were lying tbh", "u were lying", "probably thought?"),
])
def test_topic_is_not_slang_a_name_a_pronoun_or_a_cut_clause(sentence, phrase, absent):
    i = sentence.index(phrase)
    assert not any(absent in c for c in rewrite(sentence, "judgment", i, i + len(phrase)))


def test_a_name_run_on_is_addressed_not_asked_about():
    from coach.suggest.vocative import vocative, with_vocative

    assert vocative("you need to hand the keys to your sister tonight tobias i mean it") == "Tobias"
    assert with_vocative("How would you feel about handing the keys to your sister tonight tobias?", "Tobias") == \
        "Tobias, how would you feel about handing the keys to your sister tonight?"


def test_person_first_swap_only_said_of_the_person():
    # "selfish" -> "looking after yourself" reads only of "you"; of a brother or a thing it is no sentence
    for s, p in [("Your uncle sounds selfish tbh.", "sounds selfish"), ("that's some crazy plan", "crazy"),
                 ("Texting him at 3am is just attention-seeking.", "attention-seeking")]:
        i = s.index(p)
        cands = rewrite(s, "judgment", i, i + len(p))
        assert not any(w in c for c in cands for w in ("looking after yourself", "struggling plan", "reaching out"))


def test_ur_before_a_possessive_is_you_are():
    assert normalise("ur her big sister, ur allowed to be tired") == "you're her big sister, you're allowed to be tired"


def test_segments_keep_a_pause_after_and_and_an_object_after_of():
    # "and, um, put": a pause inside one clause, not a new one; after "of" the clause goes on ("most of this is")
    s = "So I went ahead and, uh, signed you up for the Monday art class."
    assert len(segments(s)) == 1
    s = "the landlord was rude and most of this is on him"
    assert [s[a:b] for a, b in segments(s)][-1].endswith("most of this is on him")
    # ... but a subject after the pause starts a clause of its own
    s = "The nurse came in and, uh, there's a new chart now."
    assert len(segments(s)) == 2


@pytest.mark.parametrize("sentence,phrase,expected", [
    # a step announced for the person, offered for them to choose
    ("I'm going to ring the housing office for you this afternoon.", "I'm going to ring",
     "Would you like me to ring the housing office this afternoon?"),
    # the future said as what will happen is the action itself, not "being going"
    ("You'll be sleeping in the blue room from tonight.", "You'll be sleeping",
     "How would you feel about sleeping in the blue room from tonight?"),
    # an order said as what is overdue ("it's about time you ...")
    ("isn't it about time you phoned your brother back", "isn't it about time you phoned",
     "How would you feel about phoning your brother back?"),
    # "you're done going there": a ban, offered as a question
    ("You're done driving over to her place at night.", "You're done driving",
     "How would you feel about not driving over to her place at night?"),
    ("I'll want you to text me when you get off the train.", "I'll want you to text me",
     "How would you feel about texting me when you get off the train?"),
])
def test_power_over_announced_steps_and_overdue_orders(sentence, phrase, expected):
    assert _best(sentence, phrase, "power_over") == expected


def test_an_acknowledged_feeling_is_kept_around_the_order():
    s = "I know it stings, but you have to stop checking her page every night."
    best = _best(s, "you have to stop checking", "power_over")
    assert best.startswith("I know it stings. "), best


def test_judgment_asks_around_no_amount_and_no_adjective():
    from coach.suggest.rewrite import _minimiser_reply

    assert _minimiser_reply("that's just reckless") == ""  # an adjective is no thing that can be a lot
    s = "you were slacking off for like three weeks"
    for c in rewrite(s, "judgment", 0, len("you were slacking off"), []):
        assert "around three weeks" not in c, c


def test_a_run_on_cut_before_its_next_clause_loses_the_dangling_words():
    from coach.suggest.rewrite import _as_sentence

    assert _as_sentence("the bus was late again and i'm sorry but also") == "The bus was late again and I'm sorry."


@pytest.mark.parametrize("sentence,phrase", [
    # a prediction of harm is never handed back as a hope: it is a worry the person may share
    ("Honestly you're gonna lose the flat if you keep missing rent, I guarantee it.", "I guarantee it"),
    ("Trust me, the council is gonna evict you by spring.", "Trust me"),
])
def test_false_promise_of_harm_is_a_worry_not_a_hope(sentence, phrase):
    best = _best(sentence, phrase, "false_promise")
    assert best.startswith("I'm worried") and "I hope" not in best, best


def test_false_promise_denying_a_change_is_not_hoped_for():
    best = _best("I promise you, she'll never change.", "I promise you", "false_promise")
    assert "I can't know whether she will change" in best and "I hope" not in best, best


def test_false_promise_claim_without_talk_or_oaths():
    best = _best("okay so listen, your sister's gonna call you back tonight, no doubt at all", "no doubt at all",
                 "false_promise")
    assert best.startswith("I hope your sister calls you back tonight, and"), best


def test_false_promise_keeps_who_the_supporter_knows_as_a_reason_to_try():
    best = _best("I'll get you a room at the hostel, I know the manager.", "I'll get you a room", "false_promise")
    assert best.startswith("I know the manager, so I can try to get you a room at the hostel"), best


def test_diagnosis_experience_agrees_and_names_no_verdict():
    from coach.suggest.rewrite import _names_experience, _sounds

    assert _sounds("those lights you keep seeing") == "sound"
    assert _sounds("the way she slams the doors") == "sounds"
    assert not _names_experience("a textbook sign") and not _names_experience("called withdrawal")
    best = _best("Honestly, you're numb, that's what the staring at the wall is.", "you're numb", "diagnosis")
    assert best.startswith("The staring at the wall sounds really hard."), best


@pytest.mark.parametrize("sentence,phrase,banned", [
    # a brush-off or a verdict in a "don't" is not handed back as a gerund to weigh
    ("Don't be silly, just text her back.", "Don't be silly", "being silly"),
    ("Cheer up, the rota's not a big deal.", "Cheer up", "cheering up"),
    ("Calm down and ring the housing office.", "Calm down", "calming down"),
])
def test_dismissals_are_not_asked_about_as_steps(sentence, phrase, banned):
    for c in rewrite(sentence, "power_over", sentence.index(phrase), sentence.index(phrase) + len(phrase), []):
        assert banned not in c, c


def test_giving_up_is_asked_about_not_offered():
    best = _best("Don't give up on the course now.", "Don't give up", "power_over")
    assert best.startswith("What has been making you think about giving up"), best


def test_kept_context_has_no_talk_or_lone_name():
    s = "But honestly, Marta, you're kind of lazy about the forms."
    best = _best(s, "you're kind of lazy", "judgment", avoid=())
    assert "Honestly, Marta." not in best and "Honestly" not in best, best


@pytest.mark.parametrize("sentence,phrase,expected", [
    # an order put as a condition: the step is asked about, the loss stays as what they don't want
    ("If you don't take the first place they offer, you'll go to the bottom of the list.",
     "If you don't take the first place they offer",
     "How do you feel about taking the first place they offer? I know you don't want to go to the bottom of the list."),
    ("if you dont go to group this week youre gonna lose your bed", "if you dont go to group",
     "How do you feel about going to group this week? I know you don't want to lose your bed."),
    ("so like if u dont show up to the meeting on tuesday ur gonna get kicked out of the house", "if u dont show up",
     "How do you feel about showing up to the meeting on tuesday? I know you don't want to get kicked out of the "
     "house."),
    # a gate ("you can't X unless you Y"): the condition is the step, what it gates what matters to them
    ("You can't see your kids until you finish the program.", "You can't see your kids",
     "How do you feel about finishing the program? I know seeing your kids matters to you."),
])
def test_conditions_and_gates_become_the_persons_choice(sentence, phrase, expected):
    assert _best(sentence, phrase, "power_over") == expected


def _served(nlp, sentence, phrase_word, label):
    """The best alternative the pipeline serves for the concern of ``label`` whose phrase contains ``phrase_word``."""
    doc = nlp(sentence)
    spans = [s for s in doc.spans["coach"] if s.label_ == label and phrase_word in s.text]
    assert spans, [(s.label_, s.text) for s in doc.spans["coach"]]
    return spans[0]._.coach_suggestions[0]["text"]


def test_no_reply_keeps_a_verdict_a_threat_or_a_cut_clause(nlp):
    from coach.suggest.rewrite import _acted_for, _reflection

    # a contraction is no verb of its own, and finding something is no step taken for the person
    assert _acted_for("and I won't help you again") == "" and _acted_for("i found a can in your bag") == ""
    # someone else's verdict is not reflected back as the supporter's, nor a threat as an experience
    assert _reflection("she's telling people you're crazy") == ""
    assert _reflection("youre out so be careful") == ""
    # a medicine said beside a diagnosis is no hardship, a general guarantee goes with the promise, and a time
    # is no topic
    for sentence, word, label, banned in [
        ("Ask them for Klonopin instead, it lasts longer than the Ativan and you won't crash in the afternoon.",
         "Klonopin", "diagnosis", "sounds really hard"),
        ("You'll win this appeal for sure, they overturn almost all of them.", "win", "false_promise", "overturn"),
        # (without "clean", this verdict scores 0.57 for judgment, under the 0.67 threshold of the blended model)
        ("Two years clean and you threw it away; that's really disappointing.", "threw", "judgment",
         "about two years"),
    ]:
        best = _served(nlp, sentence, word, label)
        assert banned not in best, (sentence, best)


def test_a_name_said_last_opens_the_reply(nlp):
    assert _served(nlp, "grow up, tamsin", "grow", "power_over").startswith("Tamsin, ")


@pytest.mark.parametrize("sentence,phrase,label,banned", [
    # "better than" is a comparison, not the modal "better"; an emphatic "do" is no verb of its own
    ("you know better than this youre a nurse yourself", "you know better than this", "judgment", "thanning"),
    ("u do make it harder for urself", "u do make it harder", "judgment", "making it harder"),
    # a formula is no order to hand back
    ("so forgive me if I don't get the bunting out just yet", "forgive me if I don't get the bunting out", "judgment",
     "forgiving me"),
    # talk in front of a topic is no part of it; how long something lasted is no topic; others who had it worse
    # are no context to keep
    ("yeah, leaving it in the drawer worked out great didnt it", "worked out great didnt it", "judgment",
     "about yeah"),
    ("eh 4 weeks isnt the end of the world, some ppl get 13", "isnt the end of the world", "judgment", "ppl get 13"),
])
def test_no_candidate_misreads_a_comparison_a_formula_or_a_filler(sentence, phrase, label, banned):
    i = sentence.index(phrase)
    for c in rewrite(sentence, label, i, i + len(phrase), []):
        assert banned not in c.lower(), c


def test_warnings_labels_as_verbs_and_cut_topics_are_not_handed_back():
    # a warning's condition is never offered as a step ("Some people find it helps to keep drinking like this")
    s = "but like if you keep drinking like this you're, you're gonna lose her, so the drinking stops this weekend"
    p = "keep drinking like this"
    for c in rewrite(s, "power_over", s.index(p), s.index(p) + len(p), []):
        assert "keep drinking" not in c and "keeping drinking" not in c, c
    # a label used as a verb has no person-first form ("People who use drugs gonna person who uses drugs")
    s = "Junkies gonna junkie I guess."
    for c in rewrite(s, "judgment", 0, len(s) - 1, []):
        assert "person who uses" not in c, c
    # a clause cut loose is no topic, and a relative clause is no reflection
    assert not well_formed("Can you tell me more about cutting because your boyfriend?")
    assert not well_formed("What has cutting because your boyfriend been like for you?")
    assert not well_formed("Being honest, that attitude. So you had with the teacher. What's that been like for you?")
    assert not well_formed("Sorry but if you choose to drink while pregnant. What's been going on for you?")


def test_go_easy_keeps_its_easy():
    from coach.suggest.rewrite import _claim_text

    # "easy" as a reassurance tag goes ("you'll pass, easy"); in "go easy on" it is the meaning
    assert _claim_text("The judge is going to go easy on you") == "The judge is going to go easy on you"
    assert _claim_text("you'll pass, easy") == "you'll pass"


def test_judgments_are_not_handed_back_through_another_concern(nlp):
    """A judgment flagged beside an order is not kept, reworded, in the order's alternative, and an order about a
    feeling is not proposed back as a question (coach.suggest.keeps_words; sentences written for this test)."""
    from coach.suggest import keeps_words

    doc = nlp("honestly after what you saw out there you just gotta man up and stop dwelling on it")
    spans = list(doc.spans["coach"])
    assert {s.label_ for s in spans} >= {"judgment"}, [(s.label_, s.text) for s in spans]
    for span in spans:
        for alt in span._.coach_suggestions or []:
            assert not keeps_words(alt["text"], "man up"), alt["text"]
            assert not keeps_words(alt["text"], "stop dwelling"), alt["text"]


def test_a_noun_cause_is_not_a_conjunction():
    from coach.suggest.rewrite import _as_sentence

    assert _as_sentence("they talk about him like he's a lost cause,") == "They talk about him like he's a lost cause."
    assert _as_sentence("I was late cause") == "I was late."



def _all_served(nlp, sentence):
    doc = nlp(sentence)  # (kept in scope: its span group needs it)
    return [x["text"] for sp in doc.spans["coach"] for x in sp._.coach_suggestions]


@pytest.mark.parametrize("sentence,banned", [
    # a vouching formula is no order ("How would you feel about handing on heart?")
    ("I swear to you, hand on heart, by the spring you'll be back at work.", "handing"),
    # a diagnosis is no step to take ("How would you feel about having PTSD?")
    ("From what you've told me about the nightmares, you have PTSD, no doubt about it.", "about having"),
    # a time is no order ("Come March you'll be right as rain" -> "How would you feel about coming March?")
    ("Come April you'll feel like a new person, it always lifts with the light.", "coming April"),
    # the threat that backs a condition goes with it, and so does the frame that announces the orders
    ("if you're not at the meeting on friday i'm calling your caseworker, simple as", "calling your caseworker"),
    ("Okay, here's what's happening: tonight you're texting your sponsor and tomorrow you're at group by ten.",
     "what's happening"),
    # a general guarantee beside the promise goes with it
    ("u'll def get the bungalow, the panel always says yes to ppl like u", "always says yes"),
])
def test_no_reply_hands_back_a_formula_a_verdict_or_a_time_as_a_step(nlp, sentence, banned):
    """Sentences written for this test, in the forms a read of the alternatives served on fresh turns found."""
    served = _all_served(nlp, sentence)
    assert served and not any(banned in x for x in served), served


def test_no_reply_keeps_a_noun_phrase_as_a_sentence(nlp):
    from coach.suggest.rewrite import _context

    s = "That flinching when the phone rings, honestly that's classic PTSD."
    before, _, after, *_ = _context(s, s.index("that's classic"), len(s), ())
    assert not any(x.startswith("That flinching") for x in before + after), (before, after)
    served = _all_served(nlp, s)
    assert served and not any(x.startswith("That flinching") for x in served), served


@pytest.mark.parametrize("sentence,banned", [
    # the verdict's reasoning kept beside the reply ("... Your nervous system's stuck on alert.")
    ("The sweating every time a siren goes past, that's PTSD, your nervous system's stuck on alarm mode.",
     "nervous system"),
    ("Crying at adverts and not getting dressed for a week, that's not grief anymore, that's depression.",
     "not grief"),
    # a comparison is no experience ("Same as last spring sounds really hard.")
    ("Those voices are your schizophrenia coming back, same as last winter.", "Same as last winter sounds"),
])
def test_no_diagnosis_reply_keeps_the_verdict_or_its_reasoning(nlp, sentence, banned):
    """Sentences written for this test, in the forms a read of the alternatives served on probes 10 and 11 found."""
    doc = nlp(sentence)
    assert "diagnosis" in {s.label_ for s in doc.spans["coach"]}
    served = _all_served(nlp, sentence)
    assert served and not any(banned.lower() in x.lower() for x in served), served


def test_a_condition_or_a_comparison_is_no_experience():
    """The condition's name handed back as what they live through ("Your trauma response sounds really hard."), a
    comparison or a clause as the experience: none stands as the subject of "... sounds really hard"."""
    from coach.suggest.rewrite import _names_experience

    assert not any(_names_experience(t) for t in ("your trauma response", "your depression", "same as last spring",
                                                   "your nervous system's stuck on alert"))
    assert all(_names_experience(t) for t in ("your anxiety about the courtroom", "the panic", "the withdrawal",
                                              "the not sleeping"))


@pytest.mark.parametrize("text", [
    "I hope nobody at the depot finds out and you were inside, and I can't promise it.",
    "I hope the panel sees how much, and I can't promise it. You've grown.",
    "I hope to be fair and they'd listen this time, and I can't promise it.",
    "I can try to tell you this for nothing, and we can work out the next steps together.",
    "How would you feel about ringing your sponsor first and dealing?",
    "You're saying. The shaking and the not eating sound really hard.",
    "The shaking and the not eating — sound really hard. What has it been like for you?",
])
def test_replies_cut_or_joined_in_the_wrong_place_are_not_well_formed(text):
    """Replies of the shapes a read of the alternatives served on probes 10 and 11 found (written for this test)."""
    from coach.suggest import well_formed

    assert not well_formed(text)




def test_a_thing_made_one_small_thing_is_taken_seriously_not_kept(nlp):
    """ "it was one X" makes it small, like "it's just X": it is not kept beside the reply, it is turned round
    (sentence written for this test)."""
    from coach.suggest.rewrite import _minimiser_reply, _names_experience

    served = _all_served(nlp, "honestly stop being so dramatic about it, its one phone call")
    assert served and not any("one phone call" in x.lower() for x in served), served
    assert _minimiser_reply("it was one bad shift").startswith("That bad shift can be a lot")
    # a verb's -s form or a quantity is no experience ("Sorts the sleep out sounds really hard.", "The touch ...")
    assert not _names_experience("sorts the sleep out") and not _names_experience("a touch of depression")
    assert _names_experience("urges that come back every night")


@pytest.mark.parametrize("sentence,banned", [
    # a dash left before the end of a sentence or a comma
    ("Now make sure you ring the council today — not next week, today.", "—"),
    # the other half of an ultimatum kept beside the reply
    ("Take your tablets before group, Jo, or don't bother coming in.", "bother"),
    # the frame that announces the orders
    ("ok heres how tonight goes, u ring ur sponsor before u leave and u stay away from the bookies", "how tonight goes"),
    # an adverb after the modal is no verb ("How would you feel about stilling go to the meeting?")
    ("You should still go to the group tomorrow even if you don't feel like it.", "stilling"),
    # "come on" is impatience, not a step ("How would you feel about coming on it's been a year?")
    ("come on its been a year, it was only a hamster", "coming on"),
    # total secrecy kept beside the reply
    ("Whatever you put in my messages stays between us, full stop, not a soul will ever know.", "between us"),
    # the condition of a threat proposed back as a step ("How would you feel about smoking weed every night?")
    ("Keep drinking every night and you'll end up like the blokes outside the bookies, nothing to show for it.",
     "feel about drinking every night"),
    ("Skip group again and you'll be out of the house by Friday.", "out of the house"),  # ... or what it threatens
    # the other half of an ultimatum reflected as their life ("It sounds like you can find somewhere else to stay.")
    ("Take your meds or you can find another bed, I mean it.", "another bed"),
    # the verdict's reasoning, and a label, kept beside the reply
    ("That floaty thing where you watch yourself from above, that's dissociation, it's your brain protecting you.",
     "brain protecting"),
    ("That ex of yours is a nasty piece of work, a manipulative, lying so-and-so, honestly.", "manipulative"),
    # the rest of a verdict the flagged phrase was only part of: a minimiser, sarcasm, scare talk, "no offence"
    ("oh come on it's only a job, plenty of people get laid off, you're making a huge fuss over nothing",
     "only a job"),
    ("funny how the headaches always land on a group day, pretty convenient isn't it", "convenient"),
    ("carry on drinking like that and you'll end up on a slab like my cousin, he didn't even make 40.",
     "didn't even make"),
    ("ur flatmate sounds like a lazy slob tbh, no offence", "offence"),
    # a test's result is not a person's recovery ("Did you give an in recovery sample?")
    ("was it a clean sample this week or a dirty one", "in recovery"),
    # the supporter's own people, or a tag question, taken for the topic asked about
    ("carry on drinking like that and you'll end up on a slab like my cousin, he didn't even make 40.", "my cousin"),
    ("was it a clean drop this time or nah", "or nah"),
    # a sanction's condition offered as a step, an order not to do something asked about as the thing to do, a
    # figure of speech of the verdict, a rule announced
    ("skip another session and im gonna have to flag it with your keyworker", "skipping another session"),
    ("how about u just dont go to the casino this friday then?", "feel about going to the casino"),
    ("Honestly the lithium is what's wrecking your sleep, I'd put money on it.", "money on it"),
    ("ok new rule: no more texting him after midnight", "new rule"),
    # an ultimatum's frame or sanction left standing, a promise's "you watch" kept (read on probe 14's replies)
    ("ok here's the deal: you ring the council by Friday.", "here's the deal."),
    ("Your daughter will ring you, they always come round, you watch.", "you watch"),
    ("if you turn up smelling of drink one more time, you're out of the programme.", "out of the programme"),
    ("my mate lost both legs in kandahar and hes still up for work every day so a sore back isnt the end of the "
     "world is it", "still up for work"),
])
def test_no_reply_keeps_an_ultimatum_a_threat_a_secret_or_a_label(nlp, sentence, banned):
    """Sentences written for this test, in the forms reads of the alternatives served on probes 10-14 found."""
    served = _all_served(nlp, sentence)
    assert served and not any(banned.lower() in x.lower() for x in served), served


@pytest.mark.parametrize("banned", ["he goes.", "sounds like he brings."])
def test_no_reply_keeps_a_sanction_on_someone_else(nlp, banned):
    """An ultimatum about a third person, read on probe 14's replies: the sanction is not kept and its condition is not
    reflected as what the person lives through. The model shipped at stop 22 scores the sentence under its
    power_over threshold (0.36 < 0.64), so the finding is given here, as the pipeline would pass it on, rather than
    found; what is tested is the reply."""
    from coach.suggest import suggest_many

    sentence = "But I'll be honest with you: if he brings it into the house again, he goes."
    phrase = "if he brings it into the house again, he goes"
    start = sentence.index(phrase)
    model = nlp.get_pipe("session_coach").model
    [served] = suggest_many([(sentence, "power_over", start, start + len(phrase))], model)
    texts = [x.text for x in served]
    assert texts and not any(banned.lower() in x.lower() for x in texts), texts


def test_a_label_is_never_the_topic_asked_about():
    """ "What was going on for you around cow?": the rest of a verdict is not what the person went through (written
    for this test)."""
    from coach.suggest import rewrite

    s = "tbh ur sister sounds like a right vindictive cow, no wonder ur stressed"
    made = rewrite.rewrite(s, "judgment", s.index("vindictive"), s.index("vindictive") + len("vindictive"))
    assert made and not any("cow" in m for m in made), made


@pytest.mark.parametrize("sentence,step", [
    ("Just dont go to the barbecue on Sunday.", "going to the barbecue"),
    ("Dont ring him tonight.", "ringing him"),
    ("no more texting her after midnight, ok", "texting her"),
])
def test_an_order_not_to_do_something_is_never_asked_about_as_the_thing_to_do(nlp, sentence, step):
    """"Just don't go to Thanksgiving" was answered "How do you feel about going to Thanksgiving right now?": the
    negation is put back ("... about not going ..."), or the reply is not served (sentences written for this test)."""
    served = _all_served(nlp, sentence)
    assert served and not any(step in x and f"not {step}" not in x for x in served), served
