"""Offers said as imperatives (coach.model.offers): "knock if you need anything" invites, it does not order.

Sentences written for this test.
"""

from __future__ import annotations

import pytest

from coach.model import offers


def _labels(nlp, text):
    doc = nlp(text)  # the spans need their Doc alive
    return sorted({s.label_ for s in doc.spans["coach"]})


@pytest.mark.parametrize("text", [
    "Give me a shout if you need a hand with the forms.",
    "Call the desk if you need anything during the night.",
    "Just knock on the office door if you need anything tonight.",
])
def test_an_offer_is_no_order(nlp, model, text):
    assert "power_over" not in _labels(nlp, text)
    # ... though the model alone, without the rule, reads an order in it
    j = list(model.labels_).index("power_over")
    assert model.predict_proba([text])[0, j] >= model.thresholds_["power_over"]


@pytest.mark.parametrize("text", [
    "Text me every night if you want to keep your place in the group.",  # a price: an ultimatum
    "Ring your probation officer today if you know what's good for you.",  # a threat
    "Call your sponsor the minute you get a craving.",  # advice as an order, no wish of theirs
])
def test_an_ultimatum_or_an_order_is_still_power_over(nlp, text):
    assert not offers.offer(text)
    assert "power_over" in _labels(nlp, text)


@pytest.mark.parametrize("text,expected", [
    ("grab a blanket from the cupboard if ur cold", True),
    ("Pop in whenever you're passing.", True),
    ("Feel free to ring back if anything changes.", True),
    ("Text me when you're home.", False),  # a check-in asked for, at a time, not left to a wish
    ("Come to group if you want to stay in the house.", False),
    ("Take your meds if you want to get better.", False),
    ("Knock before you come in, that's the rule.", False),
])
def test_what_counts_as_an_offer(text, expected):
    assert offers.offer(text) is expected


def test_an_offer_of_unlimited_availability_is_still_a_false_promise(nlp):
    labels = _labels(nlp, "Call me any time, day or night, I'll always pick up.")
    assert "false_promise" in labels and "power_over" not in labels
