"""Offers said as imperatives: "knock if you need anything" invites, it does not order.

Supporters offer their own time and the service's in the imperative: "Just knock on the office door if you need
anything tonight", "Give me a shout if you need a hand with the forms", "Grab a blanket from the cupboard if you're
cold". The codebook gives greetings and logistics no label unless they order or promise, and an offer the person
is free to take or leave orders nothing. A model of n-grams sees a sentence-initial verb and leans to
``power_over``. An offer here is a sentence that

- opens (after fillers, "just", "feel free to", "please") with a verb of getting in touch with the supporter or the
  service ("call me", "ring the desk", "knock", "give me a shout", "let me know", "come find me", "message the
  mods") or of hospitality ("grab a tea", "help yourself to", "have a biscuit"), and
- leaves it to the person's own need or wish: "if you need ...", "if you want ...", "if you're cold",
  "whenever you like", "any time you're passing".

A condition that is a price ("if you want to keep your place", "if you want me to keep helping you", "if you know
what's good for you") makes it an ultimatum, and advice to contact someone else ("call your sponsor if you get
cravings") stays advice: neither is an offer. Such a sentence needs three times the evidence for ``power_over``
(:data:`DISCOUNT`); its other labels (a promise of unlimited availability, say) are scored as they were.

>>> [offer(t) for t in ["Just knock on the office door if you need anything tonight.",
...                     "give me a shout if u need a hand w the forms", "Grab a blanket if you're cold.",
...                     "Text me every night if you want to keep your place.", "Call your sponsor if you get cravings.",
...                     "Ring your PO today if you know what's good for you.", "Call me."]]
[True, True, True, False, False, False, False]
"""

from __future__ import annotations

import re

import numpy as np

from coach.model.discounts import on_label

DISCOUNT = 1 / 3

_OPENING = (r"^\W*(?:(?:ok(?:ay)?|so|and|yeah|right|well|oh|um+|uh+|er+m?|hey|look|listen|honestly|anyway)\b[\s,.]*)*"
            r"(?:(?:just|please|pls|plz|do|feel free to|you can|u can|you're welcome to|ur welcome to)\s+)*")
_ME = r"(?:me|us|one of us|the (?:desk|office|front desk|reception|night staff|staff|team|mods|nurse|warm ?line|line|" \
      r"helpline|duty worker|on-call|bell)|reception|staff|the office door|this (?:line|number)|back)"
_CONTACT = (rf"(?:(?:call|ring|phone|text|txt|message|msg|dm|pm|email|e-mail|ping|buzz|page|bell|call on|knock on|"
            rf"come and find|come find|come get|come and get|come grab|come see|come and see)\s+{_ME}"
            r"|knock|shout|holler|yell|give (?:me|us) a (?:shout|ring|call|bell|text|buzz|knock|nudge|message|wave)"
            r"|drop (?:me|us) a (?:line|message|text|note|msg)|let (?:me|us|someone|staff) know|lmk|get in touch"
            r"|reach out|come back|call back|ring back|pop (?:in|by|round|over|down|up|back)|drop (?:in|by)"
            r"|swing by|stop by|come (?:by|round|over|in))")
_HOSPITALITY = (r"(?:grab|help yourself to|have|take|get yourself|make yourself|pour yourself)\s+(?:a |an |some |the |"
                r"yourself (?:a |some )?|another |one of (?:the|those) )?(?:\w+ )?(?:tea|coffee|cuppa|brew|drink|water|"
                r"biscuits?|cookies?|snacks?|sandwich(?:es)?|soup|toast|cake|fruit|food|something (?:to eat|to drink|"
                r"warm)|blankets?|seat|chair|pillow|leaflets?|flyers?|cards?|booklets?|kit)")
_OFFER_VERB = re.compile(_OPENING + rf"(?:{_CONTACT}|{_HOSPITALITY})\b", re.I)
# the person's need or wish; a plain "when" is a time, and "text me when you're home" a check-in asked for
_WISH = re.compile(r"\b(?:if|whenever|any ?time)\s+(?:(?:you|u|ya|youre|you're|ur)\b|it (?:helps|gets|feels)|"
                   r"anything|something|things?|that (?:helps|works))|\bwhenever\b|\bany ?time\b|\bif (?:need|needed|"
                   r"wanted)\b|\bif (?:it|that)'?s? (?:helpful|useful|easier)\b"
                   r"|\bwhen (?:you|u)(?:'re| are| r|re) (?:ready|free|passing|up to it|able|around|done|hungry|cold)\b", re.I)
# a condition that is a price or a threat: an ultimatum, not an offer
_PRICE = re.compile(r"\bif (?:you|u)\s+(?:still\s+)?(?:want|wanna|'d like|would like|hope|plan|expect)\s+(?:me\s+|us\s+)?"
                    r"(?:to\s+)?(?:keep|stay|remain|continue|carry on|be allowed|get to|have|hang on|hold on)\b"
                    r"|\bif (?:you|u) know what'?s good\b|\bor (?:else|you'?re out|ur out|we'?re done)\b"
                    r"|\b(?:that's|thats|those are) (?:the|my) (?:rule|rules|deal|terms)\b|\bevery (?:day|night|morning|"
                    r"week|time)\b|\bno (?:excuses|exceptions)\b", re.I)


def offer(sentence: str) -> bool:
    """Does the sentence offer contact or hospitality in the imperative, left to the person's need or wish?"""
    s = str(sentence)
    return bool(_OFFER_VERB.search(s)) and bool(_WISH.search(s)) and not _PRICE.search(s)


def discount(sentences: list[str], labels: list[str]) -> np.ndarray:
    """(n, n_labels) factors: :data:`DISCOUNT` on the ``power_over`` column of sentences that make an offer,
    1 elsewhere.

    >>> discount(["Give me a shout if you need a hand.", "Call your sponsor."], ["power_over", "judgment"]).round(2)
    array([[0.33, 1.  ],
           [1.  , 1.  ]])
    """
    return on_label(sentences, labels, "power_over", offer, DISCOUNT)
