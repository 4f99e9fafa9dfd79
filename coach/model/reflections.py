"""The person's own obligation, reflected: "you said you need to get out of that flat" orders nothing.

The codebook's ``power_over`` has "You mentioned you want to quit." (a reflection) among its "No" examples, and the
hard negatives the corpus issue names include "reflections of the person's own words ('you said you need to ...')".
Reflecting what someone feels they must do is the core listening skill a trainee practises; a model of n-grams
sees "you need to" and "you should" and leans to ``power_over``. A reflection here is a sentence where the
obligation is framed as the person's own saying, thinking or feeling: "you said you need to", "u mentioned u have
to", "you're thinking you should", "you feel like you have to", "you keep saying you should've".

Such a sentence needs three times the evidence for ``power_over`` (:data:`DISCOUNT`). In the corpus, 25 sentences
reflect an obligation this way and none carries ``power_over``; on the fresh probes, 35 do and none carries it.

>>> [reflection(t) for t in ["You said you need to get out of that flat before winter.",
...                          "youre thinking you should ring your sister but youre scared",
...                          "so u feel like u have to keep it together for the kids",
...                          "I think you should ring your sister.", "You need to ring your sister, you said so."]]
[True, True, True, False, False]
"""

from __future__ import annotations

import re

import numpy as np

from coach.model.discounts import on_label

DISCOUNT = 1 / 3

_OBLIGED = r"(?:should|shouldn't|should've|should have|need to|needed to|have to|had to|gotta|got to|'ve got to|must|ought to)"
_REFLECTED = re.compile(
    rf"\b(?:you're|you are|youre|ur|u r|you've been|youve been)\s+(?:thinking|feeling like|saying|wondering (?:if|whether)|"
    rf"telling yourself|telling urself)(?: that)?\s+(?:you|u)\s+{_OBLIGED}\b"
    rf"|\b(?:you|u)\s+(?:think|thought|feel like|felt like|said|say|reckon|mentioned|told me|keep saying|kept saying|"
    rf"wrote|posted)(?: that)?\s+(?:you|u)\s+{_OBLIGED}\b", re.I)


def reflection(sentence: str) -> bool:
    """Does the sentence reflect an obligation as the person's own saying, thinking or feeling?"""
    return bool(_REFLECTED.search(str(sentence)))


def discount(sentences: list[str], labels: list[str]) -> np.ndarray:
    """(n, n_labels) factors: :data:`DISCOUNT` on the ``power_over`` column of reflections, 1 elsewhere.

    >>> discount(["You said you need to move.", "You need to move."], ["power_over"]).round(2)
    array([[0.33],
           [1.  ]])
    """
    return on_label(sentences, labels, "power_over", reflection, DISCOUNT)
