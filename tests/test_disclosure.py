"""The supporter's own diagnosis, disclosed (coach.model.disclosure): self-disclosure is no verdict on the person.

Sentences written for this test.
"""

from __future__ import annotations

import pytest

from coach.model import disclosure


def _labels(nlp, text):
    doc = nlp(text)  # the spans need their Doc alive
    return sorted({s.label_ for s in doc.spans["coach"]})


@pytest.mark.parametrize("text", [
    "I've got ADHD myself, and benefits forms completely break my brain.",
    "I have PTSD from my deployment, so some of what you're saying hits close.",
])
def test_a_disclosure_is_no_diagnosis(nlp, model, text):
    assert "diagnosis" not in _labels(nlp, text)
    # ... though the model alone, without the rule, reads a diagnosis in it
    j = list(model.labels_).index("diagnosis")
    assert model.predict_proba([text])[0, j] >= model.thresholds_["diagnosis"]


@pytest.mark.parametrize("text", [
    "I had bipolar too and you've got exactly the same signs.",  # the condition put on the person
    "That's your PTSD talking, I had it myself.",
    "I was on sertraline for years, just ask your GP to put you on it.",  # advice beside the disclosure
    "CBD oil was a game changer for my anxiety, get the ten percent one.",
    "My mate has ADHD and so do you, I reckon.",
])
def test_a_verdict_or_advice_beside_a_disclosure_is_not_discounted(text):
    assert not disclosure.disclosure(text)


def test_a_diagnosis_beside_a_disclosure_is_still_flagged(nlp):
    assert "diagnosis" in _labels(nlp, "That's your PTSD talking, I had it myself.")
    assert "diagnosis" in _labels(nlp, "I was diagnosed with it years ago. Sounds like you've got bipolar too.")
