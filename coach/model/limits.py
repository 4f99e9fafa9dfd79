"""Honest limits: a promise the supporter says they cannot make is no false promise.

The codebook counts hope without a guarantee and keepable commitments as no label: "I can't promise the panel
says yes, but I'll be sitting next to you at the hearing", "Nobody can guarantee how the appeal goes, and I
won't pretend otherwise." A model of word and character n-grams sees "promise" and "guarantee" and leans to
``false_promise``. In the corpus, 101 of the 104 utterances that hold a negated promise carry no false promise,
and in the other three it is said in another sentence: none of the 104 sentences that state the limit carries
one. So such a sentence needs three times the evidence for ``false_promise`` (:data:`DISCOUNT`); its other labels
are scored as they were. (Twice the evidence still let the model's surest reading of "can't promise it'll be me,
but someone will be here" through; the probes moved no further between a third and a quarter.)

>>> [limit(t) for t in ["cant promise the council will say yes but i'll come with u", "I won't pretend it's easy.",
...                     "Nobody can guarantee how the appeal goes.", "I promise you it gets better.",
...                     "You can't keep promising her things.", "cant say for sure they wont sanction u",
...                     "I honestly don't know how they'll decide.", "I don't know how you do it."]]
[True, True, True, False, False, True, True, False]
"""

from __future__ import annotations

import re

import numpy as np

from coach.model.discounts import on_label

DISCOUNT = 1 / 3

_LIMIT = re.compile(r"\b(?:(?:i|we)\s+)?(?:can'?t|cant|cannot|can not|won'?t|wont|couldn'?t|am not gonna|'m not gonna|"
                    r"im not gonna|not going to)\s+(?:really\s+|honestly\s+|100%\s+)?(?:promise|guarantee|pretend)\b|"
                    r"\b(?:nobody|no one|noone|no-one)\s+can\s+(?:really\s+)?(?:promise|guarantee)\b"
                    # ... or what the supporter cannot know ("cant say for sure they wont sanction u", "I honestly
                    # don't know how they'll decide")
                    r"|\b(?:(?:i|we)\s+)?(?:can'?t|cant|cannot|can not|don'?t|dont|do not)\s+(?:really\s+|honestly\s+)?"
                    r"(?:say|know|tell (?:you|u))\s+for\s+(?:sure|certain|definite)\b"
                    r"|\b(?:(?:i|we)\s+)(?:honestly\s+|really\s+)?(?:don'?t|dont|do not)\s+know\s+how\s+(?:they|it|that|things|"
                    r"the \w+|he|she)(?:'ll|ll| will| would|'d| are going to| is going to| gonna|'re gonna)?\s*(?:decide|go|goes|"
                    r"turn out|turns out|pan out|play out|land|end up|rule|respond|react)\b"
                    r"|\bno way of knowing\b", re.I)
_NOT_THE_SUPPORTER = re.compile(r"\b(?:you|u|he|she|they)\s+(?:can'?t|cant|cannot|won'?t|wont)\s+(?:keep\s+)?"
                                r"(?:promise|guarantee|pretend)", re.I)


def limit(sentence: str) -> bool:
    """Does the sentence state a promise the supporter cannot make (and not someone else's inability)?"""
    s = str(sentence)
    return bool(_LIMIT.search(s)) and not _NOT_THE_SUPPORTER.search(s)


def discount(sentences: list[str], labels: list[str]) -> np.ndarray:
    """(n, n_labels) factors: :data:`DISCOUNT` on the ``false_promise`` column of sentences that state an honest
    limit, 1 elsewhere.

    >>> discount(["I can't promise it, but I'll be there.", "It'll be fine."], ["false_promise", "power_over"]).round(2)
    array([[0.33, 1.  ],
           [1.  , 1.  ]])
    """
    return on_label(sentences, labels, "false_promise", limit, DISCOUNT)
