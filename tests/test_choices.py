"""A decision left to the person (coach.model.choices): "it's your call whether you tell the group" orders nothing.

Sentences written for this test.
"""

from __future__ import annotations

import pytest

from coach.model import choices


def _labels(nlp, text):
    doc = nlp(text)  # the spans need their Doc alive
    return sorted({s.label_ for s in doc.spans["coach"]})


def test_a_choice_left_to_the_person_is_no_order(nlp, model):
    text = "It's your call, Jo, whether you tell the group about the court date today or leave it till next week."
    assert "power_over" not in _labels(nlp, text)
    # ... though the model alone, without the rule, reads an order in it
    j = list(model.labels_).index("power_over")
    assert model.predict_proba([text])[0, j] >= model.thresholds_["power_over"]


@pytest.mark.parametrize("text", [
    "It's your call, but you need to be at group on Monday.",  # an order beside it
    "Put the phone down or go sit out in the lobby, your choice.",  # an ultimatum dressed as a choice
    "You're going home tonight whether you like it or not, that's not up to you.",  # the choice taken back
])
def test_an_ultimatum_or_an_order_beside_a_choice_is_still_power_over(nlp, text):
    assert not choices.choice(text)
    assert "power_over" in _labels(nlp, text)
