"""Phatic turns: words that only keep the conversation going, which the codebook gives no label.

The codebook's decision rules label what the words *do*: back-channel ("mm-hm", "right"), reactions ("wow",
"nice one"), greetings, thanks and session logistics ("give me a sec", "excuse the mess") get no label unless
they order or promise something. A model of word and character n-grams learns that "wow" or "perfect" sometimes
open a sarcastic judgment ("Perfect, another missed shift.") and, on a turn of that word alone, has nothing else
to weigh. Real sessions are full of such turns, so this evidence is discounted: a sentence made only of phatic
words (a reaction's frame included: "that's awesome", "what a relief") has its concern probabilities multiplied
by :data:`DISCOUNT`, one of a few fixed logistics forms by :data:`LOGISTICS_DISCOUNT`. The discount is for a
turn of such words only: inside a turn, "Wow." after "you don't even know what day your court date is" is the
judgment.
Anything else in the sentence (a noun, a "you", "again", "smh") lifts the discount, so "Seriously? Again?" or
"wow. real mature." are scored as they were.

>>> [phatic(t) for t in ["Wow.", "Nice one!", "mm-hm, right, okay", "Seriously?", "Hold on, one sec.",
...                      "Mm. Okay. No rush, no rush."]]
[True, True, True, True, True, True]
>>> [phatic(t) for t in ["Pull up a chair.", "Come on in, have a seat.", "Take a seat in the hallway and wait."]]
[True, True, False]
>>> [phatic(t) for t in ["Rest up.", "Get home safe, yeah?", "Okay, stay safe tonight.", "Get some rest before court."]]
[True, True, True, False]
>>> [phatic(t) for t in ["That's awesome.", "Oh, that's great news!", "How lovely.", "What a relief."]]
[True, True, True, True]
>>> [phatic(t) for t in ["Wow, again?", "smh seriously", "Perfect, another relapse.", "Give me your phone.",
...                      "Hold on, you did what?", "Stop.", "That's awesome, another relapse.", "That's pathetic."]]
[False, False, False, False, False, False, False, False]
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

# concern probabilities of a phatic sentence are multiplied by this: a flag needs twice the evidence; a fixed
# logistics form ("give me two minutes"), whose imperative the model reads as an order, needs four times
DISCOUNT = 0.5
LOGISTICS_DISCOUNT = 0.25

# words that carry no content of their own in a turn: interjections, back-channel, one-word reactions,
# greetings and thanks. Not here: words that disapprove by themselves ("smh", "ugh", "pathetic"), that point
# at a repeat ("again"), that order ("stop", "enough", "come on") or that name anyone ("you").
_WORDS = frozenset("""
    oh ooh ah aah aw aww wow whoa woah huh hm hmm hmmm mm mmm mhm mm-hm uh-huh um uh er erm oof ouch yikes dang
    shoot jeez gosh omg lol lmao haha hah ha hehe yay phew welp
    yes yeah yep yup ya yah okay ok k kk okey alright right sure totally absolutely definitely exactly true indeed
    gotcha cool nice great perfect brilliant lovely awesome amazing excellent fantastic sweet neat wonderful good
    fine fair really seriously wait hey hi hello hiya morning evening afternoon thanks thank ty thx cheers bye
    sorry no nope nah well so anyway relief congrats congratulations
    """.split())
# fixed phrases of the same kind, each read as one phatic word
_PHRASES = re.compile(r"\b(?:nice one|good one|fair enough|of course|no way|got it|i see|makes sense|my god|"
                      r"oh my god|oh my gosh|thank you|no worries|all good|sounds good|sure thing|for real|"
                      r"good to hear|hold on|hang on|one sec(?:ond)?|a sec(?:ond)?|bear with me|one moment|"
                      r"just a (?:sec|second|minute|moment)|see you|see ya|take care|talk soon|bye for now|speak soon|"
                      r"no rush|no hurry|take your time|in your own time|whenever you're ready|whenever youre ready)\b", re.I)
# logistics said as an imperative, which orders nothing about the person's life
_LOGISTICS_FORMS = (
    r"(?:(?:give me|gimme) (?:a|one|two|three|five|ten|a few|a couple)(?: of)? (?:sec|secs|second|seconds|min|mins|"
    r"minute|minutes|moment|moments|mo)"
    r"|(?:hold|hang) on(?: a (?:sec|second|minute|moment))?"
    r"|excuse the (?:mess|noise|state of (?:the|my) (?:room|office|desk))"
    r"|mind the (?:step|steps|gap|door|cables?|wet floor)"
    # hospitality ("pull up a chair", "have a seat", "come on in"): a welcome, not an order about their life
    r"|(?:pull up|grab|take|have) a (?:chair|seat|pew)|come (?:on )?in|make yourself (?:at home|comfortable)"
    r"|help yourself(?: to (?:a |some )?(?:tea|coffee|water|biscuits?|cookies?))?"
    # a farewell ("get home safe", "rest up"): a wish said at the door, not an order about their life
    r"|rest up|get (?:home|back) safe(?:ly)?|stay safe|sleep well|get some (?:rest|sleep)|take it easy|"
    r"look after yourself|mind how you go|safe travels)\b(?:\W+(?:tonight|now|then|yeah|mate|hun|love|pal|buddy|x+)\b)*")
# one form, or a few said together ("come on in, have a seat")
_LOGISTICS = re.compile(
    rf"^(?:(?:sorry|okay|ok|right|so|oh)\W+)*{_LOGISTICS_FORMS}(?:\W+(?:and\s+)?{_LOGISTICS_FORMS})*"
    r"[\W]*(?:(?:one sec|a sec|please|thanks)\W*)*$", re.I)
_TOKENS = re.compile(r"[a-z]+(?:[-'][a-z]+)*")
# the frame of a reaction ("that's awesome", "how lovely", "what a relief", "that's great news"): read as the
# reaction word alone, so the sentence is phatic when nothing else is in it
_REACTION_FRAME = re.compile(r"^\W*(?:(?:oh|aw|wow|yes|okay|ok)\W+)*(?:that's|thats|that is|it's|its|how|what an?|so)"
                             r"\s+(?:(?:so|really|just|absolutely|totally)\s+)?(?=\w+(?:\s+(?:news|to hear|of you))?\W*$)|"
                             r"\s+(?:news|to hear|of you)(?=\W*$)", re.I)


def phatic(text: str) -> bool:
    """Is the sentence only back-channel, reactions, greetings or thanks, or a fixed logistics form?"""
    return _factor(str(text)) < 1.0


@lru_cache(maxsize=16384)
def _factor(text: str) -> float:
    text = text.strip()
    if not text or len(text) > 80:
        return 1.0
    if _LOGISTICS.match(text):
        return LOGISTICS_DISCOUNT
    low = _REACTION_FRAME.sub(" ", text.lower())
    words = _TOKENS.findall(_PHRASES.sub(" ", low))
    return DISCOUNT if all(w in _WORDS for w in words) and (words or _PHRASES.search(low)) else 1.0


def discount(texts: list[str], labels: list[str], sentences: list[str] | None = None) -> np.ndarray:
    """(n, n_labels) factors: the discount on the concern columns of phatic turns, 1 elsewhere.

    ``texts[k]`` is the turn that sentence k belongs to. With ``sentences``, a fixed logistics form said as a
    sentence of a longer turn ("Thank you for letting me sit with you. Rest up.") is discounted too: unlike a
    reaction word, whose sarcasm the rest of the turn can show, it orders nothing wherever it stands.

    >>> discount(["Wow.", "You need to stop.", "Give me two minutes."], ["power_over", "person_driven"]).tolist()
    [[0.5, 1.0], [1.0, 1.0], [0.25, 1.0]]
    >>> discount(["Thanks for coming. Rest up."] * 2, ["power_over"], ["Thanks for coming.", "Rest up."]).tolist()
    [[1.0], [0.25]]
    """
    from coach import taxonomy

    out = np.ones((len(texts), len(labels)))
    concern = np.array([taxonomy.kind_of(label) == "concern" for label in labels], dtype=bool)
    for i, t in enumerate(texts):
        f = _factor(str(t))
        if f == 1.0 and sentences is not None and _LOGISTICS.match(str(sentences[i]).strip()):
            f = LOGISTICS_DISCOUNT
        out[i, concern] = f
    return out
