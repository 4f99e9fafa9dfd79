"""The supporter's own errands (coach.model.errands): "I need to pop out" obliges the supporter, nobody else.

Sentences written for this test.
"""

from __future__ import annotations

import pytest

from coach.model import errands


def _labels(nlp, text):
    doc = nlp(text)  # the spans need their Doc alive
    return sorted({s.label_ for s in doc.spans["coach"]})


@pytest.mark.parametrize("text", [
    "I need to step out for two minutes, Sam's going to keep the kettle on till I'm back.",
    "I need to pop out and move my car, it's on a meter.",
])
def test_an_errand_is_no_order(nlp, model, text):
    assert "power_over" not in _labels(nlp, text)
    # ... though the model alone, without the rule, reads an order in it
    j = list(model.labels_).index("power_over")
    assert model.predict_proba([text])[0, j] >= model.thresholds_["power_over"]


@pytest.mark.parametrize("text", [
    "I need to see you at group on Monday, no excuses.",  # the person is in it
    "We have to leave your room search till Monday, and you need to be here at nine.",
    "You need to step out of the room if you're going to shout.",
])
def test_an_obligation_on_the_person_is_still_power_over(nlp, text):
    assert not errands.errand(text)
    assert "power_over" in _labels(nlp, text)


def test_a_formula_with_you_in_it_names_nobody():
    assert errands.errand("Just so you know, I've got to head off at four today.")
    assert not errands.errand("I've got to head off at four, so you'll need to lock up.")
