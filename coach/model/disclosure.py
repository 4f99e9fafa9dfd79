"""The supporter's own diagnosis, disclosed: "I have PTSD myself" is self-disclosure, no verdict on the person.

The codebook's ``diagnosis`` is "naming or suggesting a clinical condition *for the person*"; its own "No" list has
"I had a hard time with depression myself." (self-disclosure, not a verdict on them). Peer supporters disclose
their own conditions, medication and treatment all the time: that is what makes them peers. A model of n-grams
sees "PTSD" or "ADHD" and leans to ``diagnosis``. A disclosure here is a sentence where

- the supporter owns a condition or a treatment: "I have PTSD", "I've got ADHD", "I was diagnosed with bipolar",
  "when I was on lithium", "I ended up on an eating disorder unit", "my own depression", "mine was OCD"; and
- no condition or medication word in it is put on the person: none follows "you", "your", "u", "ur" within a few
  words ("I had bipolar and you've got the same signs", "my PTSD was like your panic") and nothing reads the
  person's experience through the supporter's ("sounds like", "same as", "just like", "classic", "textbook").

Such a sentence needs three times the evidence for ``diagnosis`` (:data:`DISCOUNT`); its other labels are scored
as they were.

>>> [disclosure(t) for t in ["Honestly, I have PTSD myself, from a car crash, and busy shops still get me some days.",
...                          "i have ptsd from my deployment, so some of what ur saying hits close",
...                          "When I was first diagnosed with bipolar I didn't tell anyone for a year.",
...                          "I had bipolar too and you've got exactly the same signs.",
...                          "That's classic PTSD, I had it myself.", "You've got ADHD, mate."]]
[True, True, True, False, False, False]
"""

from __future__ import annotations

import re

import numpy as np

from coach.model.discounts import on_label
from coach.model.lexicon import DIAGNOSIS, MEDICATION

DISCOUNT = 1 / 3

# conditions and treatments, without the words that are verdicts more than names ("classic", "textbook",
# "symptom", "clinical") or that name no condition of the supporter's ("diagnose")
_TERMS = sorted((DIAGNOSIS | MEDICATION | {"rehab", "detox", "therapy", "treatment"})
                - {"classic", "textbook", "symptom", "symptoms", "clinical", "clinically", "diagnose", "condition",
                   "triggered", "eating", "withdrawal", "withdrawals", "relapse", "shot", "patch", "gum"},
                key=len, reverse=True)
_TERM = r"(?:" + "|".join(re.escape(t) for t in _TERMS) + r")"
_OWN = re.compile(
    r"\b(?:i|i've|ive|i'm|im|i was|i got)\s+(?:(?:also|too|actually|really|honestly|myself|personally|still|once|"
    r"first|eventually|literally|basically|just|was|been|got|even|originally|finally|ended|up)\s+){0,3}"
    r"(?:have|has|had|got|get|diagnosed|live with|lived with|living with|struggle with|struggled with|struggling with|"
    r"deal with|dealt with|went through|go through|was in|ended up|came off|come off|was on|been on|on|take|took|"
    r"taking|suffer from|suffered from|recovering from|recovered from|battled|manage|managed|treated for)"
    rf"\b(?:\s+[\w'-]+){{0,5}}?\s+{_TERM}\b"
    rf"|\b(?:my|mine)\s+(?:own\s+|first\s+|old\s+)?(?:\w+\s+)?{_TERM}\b|\bmine (?:was|is|were)\s+(?:\w+\s+)?{_TERM}\b",
    re.I)
# "... myself" owns a condition the supporter names after an "I" ("I had a hard time with depression myself")
_MYSELF = re.compile(r"\bmyself\b", re.I)
_I_NAME_IT = re.compile(rf"\b(?:i|i've|i'm)\b[^.?!]*\b{_TERM}\b", re.I)
_THEIRS = re.compile(rf"\b(?:you|your|yours|you're|youre|you've|u|ur|ya)\b(?:\s+[\w'-]+){{0,4}}?\s+{_TERM}\b"
                     r"|\b(?:sounds|sound|looks|seems|seem)\s+like\b|\bsame (?:as|thing|signs|symptoms)\b"
                     r"|\bjust like\b|\bclassic\b|\btextbook\b|\bthat's (?:your|ur)\b"
                     # ... or advice or an order beside it ("I was on it for years, just take the naltrexone")
                     r"|\b(?:you|u|ya)\s+(?:really\s+|just\s+|honestly\s+)?(?:need to|needs to|have to|has to|should|"
                     r"must|gotta|ought to|'d better|better)\b|(?:^|[,;:.!?]\s*|\b(?:just|honestly|maybe)\s+)(?:take|"
                     r"double|start|stop|skip|switch|go back on|come off|up your|ask|try|get|buy|order|use)\b"
                     r"|\b(?:put|get|keep|start) (?:you|u) on\b", re.I)
_ANY_TERM = re.compile(rf"\b{_TERM}\b", re.I)


def disclosure(sentence: str) -> bool:
    """Does the sentence disclose the supporter's own condition or treatment, and put none on the person?"""
    s = str(sentence)
    if not _ANY_TERM.search(s) or _THEIRS.search(s):
        return False
    return bool(_OWN.search(s)) or bool(_MYSELF.search(s) and _I_NAME_IT.search(s))


def discount(sentences: list[str], labels: list[str]) -> np.ndarray:
    """(n, n_labels) factors: :data:`DISCOUNT` on the ``diagnosis`` column of sentences that disclose the
    supporter's own condition, 1 elsewhere.

    >>> discount(["I've got ADHD and forms break my brain.", "You've got ADHD."], ["diagnosis"]).round(2)
    array([[0.33],
           [1.  ]])
    """
    return on_label(sentences, labels, "diagnosis", disclosure, DISCOUNT)
