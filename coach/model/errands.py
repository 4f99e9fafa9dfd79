"""The supporter's own errands: "I need to pop out for a sec" obliges the supporter, and orders nobody.

Sessions are full of the supporter's own comings and goings: "I need to step out for two minutes, Bev's going to
hold the space", "I've got to finish at half past today", "I'll have to move my car, it's on a meter". The
codebook gives logistics no label unless they order or promise (decision rule 3), and an obligation the supporter
puts on themselves is no power over the person. A model of n-grams reads "need to" and "have to" as orders. An
errand here is a sentence where

- the supporter (I or we) needs, has or has got to come, go, finish, stop or break off ("I need to pop out", "we've
  got to wrap up at four", "I'll have to take this call"), and
- the person is not in it: no "you", "your", "u", "ur" (so "I need to see you at group on Monday" and "we have to
  talk about your drinking" keep their scores).

Such a sentence needs three times the evidence for ``power_over`` (:data:`DISCOUNT`); its other labels are scored
as they were.

>>> [errand(t) for t in ["I need to pop out for a sec and move my car, it's on a meter.",
...                      "I've got to finish at half past today, I've got another session straight after.",
...                      "We have to wrap up at four, the room's booked.",
...                      "I need to see you at group on Monday.", "We have to talk about your drinking.",
...                      "I need to know he's safe.", "Just so you know, I've got to finish at half past today."]]
[True, True, True, False, False, False, True]
"""

from __future__ import annotations

import re

import numpy as np

from coach.model.discounts import on_label

DISCOUNT = 1 / 3

_ERRAND = re.compile(
    r"\b(?:i|i'm|im|i've|ive|we|we're|we've|weve)\s+(?:just\s+|really\s+|might\s+|will\s+|'ll\s+|ll\s+|am\s+going\s+to\s+|'m\s+gonna\s+)?"
    r"(?:need to|needa|have to|'ve got to|ve got to|'ve gotta|ve gotta|got to|gotta|must|have got to|"
    r"have to go and|need to go and)\s+(?:quickly\s+|just\s+|really\s+)?"
    r"(?:pop|step|nip|head|dash|run off|go|leave|finish|wrap(?: things)? up|grab|take (?:this|a|the) (?:call|phone)|"
    r"answer (?:this|the) (?:call|phone|door)|move my car|get going|get off|hop off|log off|jump off|duck out|shoot off|"
    r"end (?:at|by|early|a bit early|here|there)|stop (?:at|by|there|here|for)|break for|close up|lock up|get back to|"
    r"collect|pick up my|be (?:somewhere|off|gone|out|back|elsewhere|at (?:another|a meeting|the other)))\b", re.I)
_PERSON = re.compile(r"\b(?:you|your|yours|yourself|you're|youre|you've|you'll|u|ur|ya)\b", re.I)
# "you" in a formula of the supporter's own speech names nobody: "just so you know", "you know", "if you don't mind"
_FORMULA = re.compile(r"\b(?:just so (?:you|u) know|(?:you|u|ya) know|if (?:you|u) (?:don't|dont) mind|"
                      r"(?:you|u) guys|thank (?:you|u))\b", re.I)


def errand(sentence: str) -> bool:
    """Does the sentence say where the supporter has to be or go, without the person in it?"""
    s = str(sentence)
    return bool(_ERRAND.search(s)) and not _PERSON.search(_FORMULA.sub(" ", s))


def discount(sentences: list[str], labels: list[str]) -> np.ndarray:
    """(n, n_labels) factors: :data:`DISCOUNT` on the ``power_over`` column of the supporter's errands, 1 elsewhere.

    >>> discount(["I need to step out for two minutes.", "You need to step out."], ["power_over"]).round(2)
    array([[0.33],
           [1.  ]])
    """
    return on_label(sentences, labels, "power_over", errand, DISCOUNT)
