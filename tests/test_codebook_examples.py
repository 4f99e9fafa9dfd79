"""Every example sentence of the codebook (shared/CODEBOOK.md, the specification), scored as the pipeline scores it.

The codebook's "Yes" examples must carry their label and its "No" examples must not. They are copied here because
the codebook lives outside the repository. The corpus is the team's own writing: of these sentences only the stock
question "What were you thinking?" occurs in it, so the rest are sentences the model never saw.
"""

from __future__ import annotations

import pytest

from coach.model.evaluate import utterance_predictions

YES = {
    "power_over": [
        "You need to stop drinking this weekend.",
        "You have to go to group.",
        "I want you to call your sponsor tonight.",
        "You can't leave until you sign this.",
        "If you skip again I'll have to report it.",
        "So the plan is you're going to quit.",
        "Make sure you take a walk every day.",
        "You should just break up with him.",
        "We'll set you a goal and check that you actually did it.",
    ],
    "judgment": [
        "That was a really bad decision.",
        "You're overreacting.",
        "What were you thinking?",
        "You're just making excuses.",
        "Once an addict, always an addict.",
        "Those are really bad for you, did you know that?",
        "You need to take responsibility for your actions.",
        "Okay, so you don't even know.",
    ],
    "diagnosis": [
        "It sounds like you have bipolar disorder.",
        "That's classic PTSD.",
        "I think it's social anxiety.",
        "You should up your dose.",
        "Have you taken your meds today?",
        "Stop taking the sertraline.",
        "Your A1C tells me you're diabetic.",
        "The gum would be the best option for you.",
    ],
    "false_promise": [
        "I promise it will get better.",
        "Everything is going to be fine.",
        "I guarantee you'll get the apartment.",
        "Nothing you say will ever leave this room.",
        "I'll always be there for you, day or night.",
        "I'll make sure you get your kids back.",
        "You'll never feel like this again.",
    ],
    "person_driven": [
        "What would you like to do moving forward?",
        "What would you like to do differently?",
        "It's completely your call.",
        "Would it help if I shared what worked for me?",
        "What has helped you get through times like this before?",
        "You've stuck with this for three months; that takes real strength.",
    ],
}
NO = {
    "power_over": [
        "Would it be okay if I shared what helped me?",
        "Some people find walking helps; what do you make of that?",
        "Let's pick up there next week, if that works for you.",
        "You mentioned you want to quit.",
    ],
    "judgment": [
        "That sounds really hard.",
        "It makes sense you'd feel torn.",
        "What happened next?",
    ],
    "diagnosis": [
        "Would you like to talk with your doctor about how the medication is going?",
        "What did your doctor say?",
        "I had a hard time with depression myself.",
    ],
    "false_promise": [
        "I can't promise how it will turn out, but I'll be here on Tuesday.",
        "I'll call the housing office with you tomorrow.",
        "Many people do find it gets easier.",
    ],
    "person_driven": [
        "Did you go?",
        "Why don't you just quit?",
    ],
}
CASES = [(label, text, True) for label, texts in YES.items() for text in texts] + [
    (label, text, False) for label, texts in NO.items() for text in texts]


@pytest.fixture(scope="module")
def flags(model):
    rows = [{"id": str(i), "text": text, "labels": []} for i, (_, text, _) in enumerate(CASES)]
    _, pred = utterance_predictions(model, rows)
    return {text: {label for label, hit in zip(model.labels_, row) if hit} for (_, text, _), row in zip(CASES, pred)}


@pytest.mark.parametrize("label,text,carries", CASES, ids=[f"{'yes' if c else 'no'}-{t[:40]}" for _, t, c in CASES])
def test_codebook_example(flags, label, text, carries):
    assert (label in flags[text]) == carries, (text, sorted(flags[text]))
