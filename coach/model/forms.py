"""Forms the codebook names under a concern that a model of n-grams reads past: they raise the label's score.

The codebook's own examples are the specification, and five of them scored under their threshold with the model
alone, because their words are everyday ones that the corpus uses at least as often without a concern ("decision"
and "goal" are the words of person-driven questions, "I'll have to" is the honest limit of confidentiality):

- ``judgment``, a verdict on the person's choice: "That was a really bad decision.", "you made a poor call" (a
  choice, decision, idea, move or call said to be bad, stupid, daft, reckless ...; not "it wasn't a bad decision",
  "that's not a bad idea" or "I made a bad decision");
- ``judgment``, scare talk that moralises with a tag: "Those are really bad for you, did you know that?";
- ``judgment``, dismissive sarcasm: "Okay, so you don't even know." ("so you didn't even ...");
- ``power_over``, a sanction on a repeat: "If you skip again I'll have to report it." (if ... again / one more
  time / another ..., the supporter will report, tell, take them off the list ...);
- ``power_over``, a target set for the person and checked: "We'll set you a goal and check that you actually did
  it."

Two more came with the fine-tuned encoder, whose reading of them was weaker than the n-gram model's: scare talk
about where a habit ends, which moralises (codebook: "scare tactics that moralize"; "keep drinking like this and
ull end up dead or in a cell", "Carry on like this and you'll end up like the lads outside the Spar"; not "you'll
end up losing the job", a consequence stated, nor a fear of the person's reflected back), and an ultimatum dressed
as a wish, which the encoder reads as the person's choice: a place or privilege put at a price ("Text me every night if you want to keep your place in the
group.", "If you want to stay in the group you'll have to post once a week"; not "I'm here if you want to keep
talking"). Four more came from the misses of the thirteenth probe, in forms the codebook names (ultimatums, deciding for the
person, labelling, sarcasm): a sanction on "one more" ("One more no-show and you're off the list"), the person's
steps announced as the plan (the codebook's "So the plan is you're going to quit.", "here's the plan: first thing
Monday you ring ...", "what we'll do is you'll ring your sponsor tonight"; not "the plan you came up with"), "you
know what your problem is", and sarcasm about how a choice went ("cause that worked out so well last time, didn't
it"). A form reported from someone else ("your coach said one more positive test and you're off") is theirs, not
the supporter's. One more came with the four-epoch encoder, which read the codebook's "Your A1C tells me you're
diabetic." at 0.60 against a diagnosis threshold of 0.68: a test result read as the person's condition (a result,
level or scan that "tells me", "means" or "proves" they are or have something; not "your results mean you're fine",
nor what a result "says" or "shows", which relays information rather than drawing the verdict). No corpus, probe
or challenge sentence has that form; it stands for the codebook's example and its kin.

A sentence in one of these forms scores at least :data:`FLOOR` for the label (above every threshold), and, since a
verdict affirms nothing, a sentence in a ``judgment`` form needs three times the evidence for ``person_driven`` (a
sanction may be said in one breath with praise, and keeps it).

Across the 36,234 sentences of the corpus and probes 1-13 the forms match 60 (35 in the corpus, 25 in the probes),
and every one carries the label (the two forms added later match 17 and 5 of the 37,897 sentences with probes 14
and 15, all ``judgment`` and ``power_over``); with the model alone the five codebook examples were missed, and on the probes
turns more are found on probe 5 (one) and probe 13 (0.806 -> 0.825 macro-F1), none lost.

>>> [form(t) for t in ["That was a really bad decision.", "Honestly that's a daft idea, mate.",
...                    "It wasn't a bad decision.", "That's not a bad idea at all.", "I made a bad decision."]]
['judgment', 'judgment', None, None, None]
>>> form("If you miss group again I'll have to let your keyworker know.")
'power_over'
>>> form("If you're in danger I'll have to call someone.") is None
True
>>> [form(t) for t in ["Your A1C tells me you're diabetic.", "ur bloods basically mean u have anaemia",
...                    "Your results mean you're fine.", "Your doctor said you're diabetic."]]
['diagnosis', 'diagnosis', None, None]
>>> [form(t) for t in ["Text me every night if you want to keep your place in the group.",
...                    "I'm here till ten if you want to keep talking."]]
['power_over', None]
"""

from __future__ import annotations

import re

import numpy as np

FLOOR = 0.9
PERSON_DRIVEN_DISCOUNT = 1 / 3

_BAD = (r"(?:bad|poor|terrible|stupid|dumb|awful|silly|foolish|daft|idiotic|crap|crappy|rubbish|reckless|"
        r"irresponsible|selfish|dodgy|shit|shite|lousy|careless|thick|brainless|mad|ridiculous)")
_DEGREE = r"(?:(?:a|an|such a|one|really|very|pretty|proper|bloody|fairly|quite|kind of|kinda|a bit of a|right)\s+)*"
_FORMS = (
    ("judgment", re.compile(  # a verdict on a choice, said of "that" or of what "you" made
        rf"\b(?:that|this|it|which)(?:'s|\u2019s| is| was|s)\s+{_DEGREE}{_BAD}\s+(?:decision|choice|idea|move|call|"
        rf"thing to do|plan)\b|\b(?:you|u) (?:made|make|making) {_DEGREE}{_BAD}\s+(?:decision|choice|call|move)s?\b",
        re.I)),
    ("judgment", re.compile(  # scare talk with a moralising tag
        r"\bbad for (?:you|u|ya)\b[^.?!]{0,6}[,.]?\s*(?:you know|did you know|do you know|don't you know|"
        r"dont you know|you realise|you realize|right)\b", re.I)),
    ("judgment", re.compile(  # "so you don't even know": sarcasm that dismisses
        r"(?:^|[.!?]\s+|,\s*)(?:(?:okay|ok|right|well|oh|wow)[, ]+)*(?P<ev>so (?:you|u) (?:don't|dont|didn't|didnt|"
        r"can't|cant|haven't|havent|couldn't|couldnt) even)\b", re.I)),
    ("power_over", re.compile(  # a sanction on a repeat, the supporter's to carry out
        r"\bif (?:you|u) [^.?!]{1,50}?\b(?:again|one more time|another)\b[^.?!]{0,30}?\b(?:I'll|I\u2019ll|I will|ill|"
        r"i'm gonna|im gonna|I am going to|I'm going to) (?:(?:have|need|be obliged|be forced) to )?(?:report|"
        r"write (?:it|you|that) up|tell|let|take (?:you|u) off|kick|ban|inform|pass (?:it|that|this) on|"
        r"call (?:your|the)|ring (?:your|the)|flag|log)\b", re.I)),
    ("power_over", re.compile(  # ... or on one more: "one more no-show and you're off the list"
        r"\bone more (?:[\w'-]+\s+){0,3}?(?:and|&|n)\s+(?:I'll|I\u2019ll|I'm|I\u2019m|im|ill|I will|I am|you're|"
        r"you\u2019re|youre|ur|you are|you'll|youll|u r|u'll|we'll|we're)\b", re.I)),
    ("judgment", re.compile(  # "you know what your problem is?"
        r"\bwhat (?:your|ur) (?:problem|trouble|issue) is\b|\b(?:your|ur) (?:problem|trouble|issue) is (?:that )?"
        r"(?:you|u)\b", re.I)),
    ("judgment", re.compile(  # sarcasm about how a choice went: "cause that worked out so well last time, didn't it"
        r"\b(?:that|this|it) (?:worked out|went|turned out|is working out|worked)(?: so| really| real| super)? (?:well|"
        r"great|brilliantly|fantastic)\b[^.?!]{0,25}\b(?:didn't it|didnt it|did it|huh|eh|right|last time|before)\b",
        re.I)),
    ("power_over", re.compile(  # the person's steps announced as the plan: "So the plan is you're going to quit."
        r"\b(?:here's|heres|here is|so|right|ok|okay|the|and the|new)\s+(?:the\s+)?plan(?:\s+for (?:you|u|tonight|"
        r"tomorrow|today|this week))?(?:\s+is|\s+now is|\s*[:\u2014-])\s*(?:(?:that|so|right|first thing|first|"
        r"tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|um|uh)[, ]+)*(?:you|u|ur|"
        r"you're|youre|you'll|youll|no more)\b"
        r"|\bwhat (?:we'll|we will|we're gonna|we are going to|you'll|you will|you're gonna|you're going to|"
        r"we're doing|you're doing)(?: do)? is,?\s+(?:(?:um|uh|like|so|right|\w+),?\s+)?(?:you|u|ur|you'll|youll|"
        r"you're|youre)\b", re.I)),
    ("judgment", re.compile(  # scare talk about where a habit ends: "keep drinking like this and ull end up dead"
        r"\b(?:keep|carry on|go on)\b[^.?!]{0,40}?\b(?:you'll|youll|u'll|ull|you will|you're gonna|youre gonna|"
        r"ur gonna|you are going to|you're going to)\s+(?:(?:end up|wind up)\b(?!\s+\w+ing\b)|be dead\b|die\b)"
        r"[^.?!]*",  # the evidence runs to the sentence's end: where it ends is the scare, not a topic to ask about
        re.I)),
    ("power_over", re.compile(  # a price on the person's place: "Text me every night if you want to keep your place."
        r"\bif (?:you|u) (?:still )?(?:want|wanna|'d like|would like) (?:to )?(?:keep (?:(?:your|ur|the|this|that|a)"
        r"\s+)?(?:place|spot|seat|bed|room|flat|house|home|tenancy|job|kids|children|benefits|script|take-?homes|key|"
        r"placement)\b|stay (?:in|on|at|with) (?:(?:the|this|our|my)\s+)?(?:group|house|programme|program|list|unit|"
        r"service|project|scheme|shelter|hostel|team|course|place|bed|room|residence|rehab)\b)", re.I)),
    ("diagnosis", re.compile(  # a test result read as the person's condition: "Your A1C tells me you're diabetic."
        r"\b(?:your|ur|his|her|their|these|those|the)\s+(?:[\w'-]+\s+){0,2}?(?:a1c|hba1c|bloods|blood tests?|"
        r"blood ?work|results?|scans?|labs?|tests?|levels?|numbers|readings?|tox screen|screen|ecg|ekg|mri|x-?rays?|"
        r"liver function|lfts|sugars?)\s+(?:(?:really|basically|clearly|definitely)\s+)?(?:tells? me|means?|meant|"
        r"proves?)\s+(?:that\s+)?(?:you're|you are|youre|ur|u r|you have|you've got|youve got|you got|u have|"
        r"uve got|u got|he's|she's|he has|she has|they're|they have)\b(?!\s+(?:fine|ok|okay|alright|all right|"
        r"healthy|normal|clear|good|doing|not)\b)[^.?!,;]*", re.I)),  # the evidence runs on to the condition named
    ("power_over", re.compile(  # a target set for the person, and checked
        r"\b(?:we'll|we will|we're gonna|we are going to|I'll|I will|ill|I'm gonna|im gonna) (?:set|give) (?:you|u) "
        r"(?:a |some )?(?:goal|target)s?\b|\bcheck (?:that|if|whether) (?:you|u) (?:(?:actually|really)\s+)?"
        r"(?:did|do|done|went|go|stuck|hit|made)\b", re.I)),
)


# a form reported from someone else is theirs, not the supporter's (decision rule 4): "your coach said one more
# positive test and you're off the team"
_REPORTED_BEFORE = re.compile(r"\b(?!I\b)\w+\s+(?:(?:always|just|once|also)\s+)?(?:said|says|told (?:you|u|me)|"
                              r"tells (?:you|u)|wrote|warned|reckons)\b"
                              # ... and so is a fear reflected back: "you're scared that if you keep using you'll die"
                              r"|\b(?:you're|youre|you are|ur|u r|you)\s+(?:really\s+|so\s+)?(?:scared|afraid|"
                              r"worried|terrified|frightened|panicking|worry|fear)\b", re.I)


def _match(pattern: re.Pattern, text: str):
    m = pattern.search(text)
    return None if m is None or _REPORTED_BEFORE.search(text[:m.start()]) else m


def forms_of(sentence: str) -> list[str]:
    """The concerns whose codebook forms the sentence has, in :data:`_FORMS` order, each once.

    >>> forms_of("One more no-show and you're off the list, and that was a stupid move.")
    ['judgment', 'power_over']
    """
    text = str(sentence)
    return list(dict.fromkeys(label for label, pattern in _FORMS if _match(pattern, text)))


def form(sentence: str) -> str | None:
    """The first concern whose codebook form the sentence has, or None.

    >>> form("One more no-show and you're off the list.")
    'power_over'
    >>> form("So your coach said one more positive test and you're off.") is None
    True
    """
    found = forms_of(sentence)
    return found[0] if found else None


def evidence(sentence: str, label: str) -> list[tuple[int, int]]:
    """The character span of the words in ``sentence`` that carry ``label`` in one of its forms, as a list of one ([]
    when none does): the evidence the pipeline shows for a score the form raised, as the codebook asks for.

    >>> t = "Okay, so you don't even know."
    >>> [t[a:b] for a, b in evidence(t, "judgment")], evidence(t, "power_over")
    (["so you don't even"], [])
    """
    text = str(sentence)
    found = [m for lab, pattern in _FORMS if lab == label for m in [_match(pattern, text)] if m]
    if not found:
        return []
    m = min(found, key=lambda m: m.start())  # one span, the first: a sentence's form is said once
    return [m.span("ev") if "ev" in m.re.groupindex else m.span()]


def apply(proba: np.ndarray, sentences: list[str], labels: list[str]) -> np.ndarray:
    """``proba`` (sentences x labels) with the forms applied, in place: the form's label raised to :data:`FLOOR`,
    ``person_driven`` discounted.

    >>> apply(np.array([[0.2, 0.6], [0.2, 0.6]]), ["That was a really bad decision.", "Good call."],
    ...       ["judgment", "person_driven"]).round(2).tolist()
    [[0.9, 0.2], [0.2, 0.6]]
    """
    for k, sentence in enumerate(sentences):
        for label in forms_of(sentence):
            if label not in labels:
                continue
            j = labels.index(label)
            proba[k, j] = max(proba[k, j], FLOOR)
            if label == "judgment" and "person_driven" in labels:  # (a sanction may follow praise: "so proud of u /
                proba[k, labels.index("person_driven")] *= PERSON_DRIVEN_DISCOUNT  # but if u use again ill ...")
    return proba
