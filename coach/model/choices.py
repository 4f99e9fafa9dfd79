"""A decision left to the person: "It's your call whether you tell the group" gives power, it does not take it.

The codebook's ``person_driven`` has "explicit respect for their choice" ("It's completely your call."). Said about
a step the person might take ("whether you tell your family about the diagnosis is your decision"), the step's own
words ("tell your family") are what the corpus's orders are made of, and a model of n-grams can read an order in
them. A choice here is a sentence that

- leaves the decision to the person: "your call", "your decision", "your choice", "up to you", "you get to decide",
  "whatever you decide", "you decide"; and
- carries no obligation or order beside it: no "need to", "have to", "should", "must", "make sure", no "don't", no
  "but" (so "It's your call, but you need to be at group on Monday" keeps its score), and neither takes the choice
  back ("that's not up to you", "whether you like it or not") nor offers one that is no choice ("Put the phone down
  or go sit in the lobby, your choice", "if you'd just come to group").

Such a sentence needs three times the evidence for ``power_over`` (:data:`DISCOUNT`). In the corpus, 187 sentences
read as choices and none carries ``power_over``; the exceptions above keep out the three that leave a decision to
the person in words and carry it all the same (two ultimatums and a choice taken back).

>>> [choice(t) for t in ["It's your call, Ade, whether you tell the group about the caution today.",
...                      "Whether you tell your family is your decision, and nobody here will make it for you.",
...                      "It's your call, but you need to be at group on Monday.",
...                      "Put the phone down or go sit out in the lobby, your choice.",
...                      "ur going home tonight whether u like it or not, thats not up to u"]]
[True, True, False, False, False]
"""

from __future__ import annotations

import re

import numpy as np

from coach.model.discounts import on_label

DISCOUNT = 1 / 3

_CHOICE = re.compile(r"\b(?:your|ur) (?:call|decision|choice)\b|\bup to (?:you|u)\b|\b(?:you|u) get to (?:decide|choose|say)\b"
                     r"|\bwhatever (?:you|u) decide\b|\b(?:you|u) decide\b", re.I)
_NOT_A_CHOICE = re.compile(
    r"\b(?:need to|needs to|have to|has to|gotta|got to|must|should|shouldn't|better|make sure|i want (?:you|u) to|"
    r"i need (?:you|u) to|don't|dont|do not|can't|cant|won't|wont|but)\b"
    r"|\bnot (?:really )?(?:up to|your|ur)\b|\bisn'?t (?:up to|your|ur)\b|\bwhether (?:you|u) like it\b"
    r"|\bif (?:you|u)'?d just\b|,\s*(?:so,?\s*)?(?:your|ur) (?:choice|call)\W*(?:i guess\W*)?$", re.I)


def choice(sentence: str) -> bool:
    """Does the sentence leave a decision to the person, with no order or obligation beside it?"""
    s = str(sentence)
    return bool(_CHOICE.search(s)) and not _NOT_A_CHOICE.search(s)


def discount(sentences: list[str], labels: list[str]) -> np.ndarray:
    """(n, n_labels) factors: :data:`DISCOUNT` on the ``power_over`` column of sentences that leave the decision to
    the person, 1 elsewhere.

    >>> discount(["Totally your call.", "Your call, but go."], ["power_over"]).round(2)
    array([[0.33],
           [1.  ]])
    """
    return on_label(sentences, labels, "power_over", choice, DISCOUNT)
