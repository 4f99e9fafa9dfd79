"""Short everyday turns: the ones real sessions are full of, and that a model trained on longer turns over-reads.

The sentences here were written for this test (not drawn from the corpus) after probing the model with a
different list. Codebook decision rules 1-3: label what the words do; back-channel, greetings, scheduling
and logistics get no label unless they order or promise. Short turns whose words do carry a concern must
still be flagged.
"""

from __future__ import annotations

import pytest

NO_LABEL = [
    'Yeah, I remember.',
    'Okay, and what happened after?',
    'Mm, that makes sense.',
    'Right, the Tuesday one.',
    'Oh no.',
    'Ah, okay.',
    'Hmm, tell me about that.',
    'Yep.',
    'Is now still a good time?',
    'Can you give me a minute to find the form?',
    'Grab a water if you want one.',
    'Pull up a chair.',
    'Oh, hey, come in.',
    "Hi, it's Sam from the centre.",
    'Take a second.',
    'Bye for now.',
    'Talk soon.',
    'Whoa, okay.',
    "That's a big day.",
    "Huh, I didn't know that.",
    'Good morning.',
    'Sorry, I missed that last part.',
    "Hold on, someone's at the door.",
    'Wow, three years.',
    'Sure, whenever suits.',
    'You go first.',
    "Go on, I'm listening.",
    'Let me just close this window.',
    'Wait, the blue building?',
    'Cool, cool.',
    'Thanks for letting me know.',
    "We're nearly out of time.",
    'Same time next week?',
    "Oh, that's lovely.",
    'Look at you, all dressed up.',
    'Can I just check I got that right?',
    "Sorry, my dog's barking.",
    'Sit anywhere.',
    'Okay, one sec.',
    'Great, thanks.',
]

CONCERNS_AND_STRENGTHS = [
    ('power_over', 'Block his number tonight.'),
    ('power_over', 'No more calling her, okay?'),
    ('power_over', 'Hand me the bottle.'),
    ('power_over', "You're moving out this week, end of story."),
    ('judgment', 'What a stupid move.'),
    ('judgment', 'Typical addict excuse.'),
    ('judgment', 'You brought this on yourself.'),
    ('judgment', 'Quit whining.'),
    ('diagnosis', "That's textbook depression."),
    ('diagnosis', 'Did you take your lithium today?'),
    ('diagnosis', 'Double your dose tonight.'),
    ('diagnosis', 'Sounds like OCD to me.'),
    ('false_promise', "You'll be totally fine, I promise."),
    ('false_promise', 'Nobody will ever find out.'),
    ('false_promise', "I'll be there any time, day or night."),
    ('false_promise', "They'll definitely give you the flat."),
    ('person_driven', 'What would you like to do?'),
    ('person_driven', "It's your decision."),
    ('person_driven', "What's helped before?"),
    ('person_driven', 'Would it help if I shared something?'),
]


def _concerns(nlp, texts):
    """The concern labels the whole pipeline (model, phatic discount, spans) gives each text."""
    return [sorted({s.label_ for s in doc.spans["coach"] if s.label_ != "person_driven"})
            for doc in nlp.pipe(texts)]


def test_short_everyday_turns_are_rarely_flagged(nlp):
    flagged = [t for t, labs in zip(NO_LABEL, _concerns(nlp, NO_LABEL)) if labs]
    # The aim is at most 1 in 20. The pipeline flags 2 of these 40 ("Wow, three years.", "Wait, the blue
    # building?"): a reaction word ("wow") that carries a sarcastic judgment in some training turns, next to a
    # content word the phatic discount (coach.model.phatic) rightly does not pass over. The README and the model
    # card state the limit; this guard fails if it gets worse.
    assert len(flagged) <= 2, flagged


# Turns of back-channel, reactions, greetings and thanks only, and fixed logistics forms (written for this test):
# the codebook gives them no label, and the phatic discount keeps the model from reading sarcasm into one word.
PHATIC = ["Perfect.", "Brilliant!", "Nice one.", "Seriously?", "Wow.", "Oh wow, okay.", "Great, thanks.",
          "Mm-hm, right.", "No way!", "Oh my god.", "Hang on a sec.", "Give me two minutes.", "Excuse the mess.",
          "Mind the step.", "Yep, yep.", "Cool, cool.", "Rest up.", "Stay safe tonight.", "Get home safe.",
          "Get some rest.", "Mm. Okay. No rush, no rush.", "Take your time."]
# ... and the same words with something the person did, or a disapproving word: still judgments
SARCASM = ["Perfect, another missed shift.", "Wow, again?", "Seriously? You lost it again?", "Brilliant, you quit.",
           "smh, seriously", "Nice going, genius."]


def test_phatic_turns_are_not_flagged_and_sarcasm_with_content_still_is(nlp):
    assert [t for t, labs in zip(PHATIC, _concerns(nlp, PHATIC)) if labs] == []
    missed = [t for t, labs in zip(SARCASM, _concerns(nlp, SARCASM)) if "judgment" not in labs]
    assert len(missed) <= 1, missed


@pytest.mark.parametrize("label", ["power_over", "judgment", "diagnosis", "false_promise", "person_driven"])
def test_short_turns_whose_words_carry_a_label_are_found(model, label):
    texts = [t for lab, t in CONCERNS_AND_STRENGTHS if lab == label]
    flags = model.flags(model.predict_proba(texts))[:, model.labels_.index(label)]
    missed = [t for t, f in zip(texts, flags) if not f]
    assert len(missed) <= 1, missed


def test_a_farewell_at_the_end_of_a_longer_turn_is_no_order(nlp):
    """A fixed logistics form said as a sentence of a longer turn orders nothing either (written for this test;
    without the sentence-level discount, each was flagged power_over)."""
    for text in ["Thank you for letting me sit with you today. Rest up.", "Good work tonight, everyone. Get home safe.",
                 "That was a big session. Get some rest."]:
        assert "power_over" not in _concerns(nlp, [text])[0], text
