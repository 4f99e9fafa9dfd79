"""The codebook's rules on sentence scores (coach.model.rules), each checked the same way: a sentence the rule is
for is not flagged for the label it discounts, though the model alone would flag it; a sentence of the same words
that the rule leaves alone (an ultimatum, an order, a verdict beside it) is not taken for one, and stays flagged.

Sentences written for this test.
"""

from __future__ import annotations

import pytest

from coach.model import choices, disclosure, errands, io, limits, offers, reflections

# (module, its predicate, the label it discounts,
#  sentences it is for, which the model alone flags for that label,
#  sentences in the same words it is not for, each still flagged for that label)
RULES = [
    (limits, limits.limit, "false_promise",
     ["I won't promise you the job, but I'll go through the application with you tonight.",
      "I can't guarantee it'll work, but I'll help you fill in the form."],
     ["I promise you the housing panel will say yes, they always do.",
      "Don't worry, you'll definitely get the flat."]),
    (offers, offers.offer, "power_over",
     ["Give me a shout if you need a hand with the forms.",
      "Call the desk if you need anything during the night.",
      "Just knock on the office door if you need anything tonight."],
     ["Text me every night if you want to keep your place in the group.",  # a price: an ultimatum
      "Ring your probation officer today if you know what's good for you.",  # a threat
      "Call your sponsor the minute you get a craving."]),  # advice as an order, no wish of theirs
    (disclosure, disclosure.disclosure, "diagnosis",
     ["I've got ADHD myself, and benefits forms completely break my brain.",
      "I have PTSD from my deployment, so some of what you're saying hits close."],
     ["That's your PTSD talking, I had it myself."]),
    (errands, errands.errand, "power_over",
     ["I need to step out for two minutes, Sam's going to keep the kettle on till I'm back.",
      "I need to pop out and move my car, it's on a meter."],
     ["I need to see you at group on Monday, no excuses.",  # the person is in it
      "We have to leave your room search till Monday, and you need to be here at nine.",
      "You need to step out of the room if you're going to shout."]),
    (choices, choices.choice, "power_over",
     ["It's your call, Jo, whether you tell the group about the court date today or leave it till next week."],
     ["It's your call, but you need to be at group on Monday.",  # an order beside it
      "Put the phone down or go sit out in the lobby, your choice.",  # an ultimatum dressed as a choice
      "You're going home tonight whether you like it or not, that's not up to you."]),  # the choice taken back
    (reflections, reflections.reflection, "power_over",
     ["youre thinking you should call your dad tonight but youre worried hell shout",
      "so you feel like you should just stop on your own, no help"],
     ["I think you should call your dad tonight, even if he shouts.",  # the supporter's own view
      "You need to call your dad tonight, like you said."]),
]


def _labels(nlp, text):
    doc = nlp(text)  # the spans need their Doc alive
    return {s.label_ for s in doc.spans["coach"]}


@pytest.mark.parametrize("module,applies,label,text", [(m, f, lab, t) for m, f, lab, ts, _ in RULES for t in ts])
def test_the_rule_takes_off_what_the_model_alone_would_flag(nlp, model, module, applies, label, text):
    """The n-gram model reads these words as the concern; the rule keeps that reading off.

    Since the fine-tuned encoder was blended in and the concern thresholds took a larger margin for text unlike ours
    (:func:`coach.model.train.pick_margins`), the blend alone keeps several of these under the threshold: the
    rules stay for the n-gram half's misreadings, which the blend does not always outweigh (the offers here). So the
    check is that the n-gram half alone clears its own dev threshold (no margin; ``ngram_thresholds`` in the
    metadata, :func:`coach.model.train.ngram_thresholds`)."""
    assert applies(text)
    assert label not in _labels(nlp, text)
    j = list(model.labels_).index(label)
    with model.without_encoder():
        ngram_alone = model.predict_proba([text])[0, j]
    assert ngram_alone >= io.read_metadata()["ngram_thresholds"][label]  # ... so the n-gram half reads the concern


@pytest.mark.parametrize("module,applies,label,text", [(m, f, lab, t) for m, f, lab, _, ts in RULES for t in ts])
def test_the_same_words_that_order_promise_or_diagnose_stay_flagged(nlp, module, applies, label, text):
    assert not applies(text)
    assert label in _labels(nlp, text)


@pytest.mark.parametrize("applies,text,expected", [
    (offers.offer, "grab a blanket from the cupboard if ur cold", True),
    (offers.offer, "Pop in whenever you're passing.", True),
    (offers.offer, "Feel free to ring back if anything changes.", True),
    (offers.offer, "Text me when you're home.", False),  # a check-in asked for, at a time, not left to a wish
    (offers.offer, "Come to group if you want to stay in the house.", False),
    (offers.offer, "Take your meds if you want to get better.", False),
    (offers.offer, "Knock before you come in, that's the rule.", False),
    (disclosure.disclosure, "I had bipolar too and you've got exactly the same signs.", False),  # put on the person
    (disclosure.disclosure, "I was on sertraline for years, just ask your GP to put you on it.", False),  # advice
    (disclosure.disclosure, "CBD oil was a game changer for my anxiety, get the ten percent one.", False),
    (disclosure.disclosure, "My mate has ADHD and so do you, I reckon.", False),
    (errands.errand, "Just so you know, I've got to head off at four today.", True),  # "you" in a formula
    (errands.errand, "I've got to head off at four, so you'll need to lock up.", False),
    (limits.limit, "cant say for sure they wont stop ur money", True),  # what the supporter cannot know
    (limits.limit, "I don't know for certain how the panel will go, and I won't guess.", True),
    (limits.limit, "You can't keep promising your kids things you can't do.", False),  # someone else's inability
])
def test_what_each_rule_reads(applies, text, expected):
    assert applies(text) is expected


def test_an_offer_of_unlimited_availability_is_still_a_false_promise(nlp):
    labels = _labels(nlp, "Call me any time, day or night, I'll always pick up.")
    assert "false_promise" in labels and "power_over" not in labels


def test_a_diagnosis_beside_a_disclosure_is_still_flagged(nlp):
    assert "diagnosis" in _labels(nlp, "I was diagnosed with it years ago. Sounds like you've got bipolar too.")


# the forms that raise a score (coach.model.forms): sentences in the form, which the pipeline flags for the label,
# and sentences in the same words that are not in it (negated, the supporter's own, a duty of safety)
FORMS = [
    ("judgment", ["Honestly that's a daft idea, mate.", "You made a really poor choice going back there.",
                  "Energy drinks are really bad for you, you know that?", "Oh, so you didn't even read the letter."],
     ["It wasn't a bad decision, it just didn't work out.", "That's not a bad idea at all.",
      "I made a really bad decision back then."]),
    ("judgment", ["Do you know what your trouble is, Dean? You never finish anything.",
                  "oh yeah cos that went so well last time didnt it"],
     ["What do you think the trouble is with the boiler?", "The interview went really well, didn't it?"]),
    ("power_over", ["right so the plan is you're at the jobcentre for nine and you bring your payslips",
                    "What we'll do is you'll text me when you're home."],
     ["So the plan you came up with was ringing your cousin.", "What's the plan you'd like to try?"]),
    ("power_over", ["One more missed shift and I'm ringing the agency.", "one more drink n ur out of the group"],
     ["My sponsor always said one more drink and you're back to day one.", "One more week and it's Christmas!"]),
    ("power_over", ["If you miss group again I'll have to let your keyworker know.",
                    "We'll set you some targets and I'll check you actually hit them."],
     ["If you tell me you're in danger I'll have to call someone, and I'd tell you first.",
      "What would you like to aim for this week?"]),
    ("judgment", ["Keep drinking every night and you'll end up like the blokes outside the bookies.",
                  "carry on like that n ur gonna end up in a box m8"],
     ["If you keep missing shifts you'll end up losing the job, so what would help you get there?",
      "So you're scared that if you keep using you'll end up back inside.",
      "I kept drinking and I ended up in a cell."]),
    ("power_over", ["You'll need to come to group on Mondays if you want to keep your bed.",
                    "if u wanna stay on the programme ur gonna have to show up on time"],
     ["I'm on till nine if you want to keep talking.", "Ask them for a copy if you want to keep one.",
      "Your landlord said if you want to keep the flat you have to fix the window."]),
    ("diagnosis", ["Your A1C tells me you're diabetic.", "honestly ur sugar levels mean ur diabetic now"],
     ["Your results mean you're fine.", "Your doctor said you're diabetic.",
      "What did your A1C come back as?", "The nurse said your levels are a bit high."]),
]


@pytest.mark.parametrize("label,text", [(lab, t) for lab, ts, _ in FORMS for t in ts])
def test_a_codebook_form_is_flagged(nlp, label, text):
    from coach.model import forms

    assert forms.form(text) == label
    assert label in _labels(nlp, text)


@pytest.mark.parametrize("label,text", [(lab, t) for lab, _, ts in FORMS for t in ts])
def test_the_same_words_outside_the_form_are_not_raised(label, text):
    from coach.model import forms

    assert forms.form(text) is None


def test_a_form_shows_its_own_words_as_evidence(nlp):
    """One span, the form's words, not the pieces a tagger of n-grams picks ("set you a goal", "did it")."""
    doc = nlp("We'll set you a goal and check that you actually did it.")
    assert [s.text for s in doc.spans["coach"] if s.label_ == "power_over"] == ["We'll set you a goal"]
    doc = nlp("Okay, so you don't even know.")
    assert [s.text for s in doc.spans["coach"] if s.label_ == "judgment"] == ["so you don't even"]
