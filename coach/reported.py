"""Words the supporter quotes from someone else, which are not the supporter's own (codebook decision rule 4).

"My dad always said \"you need to toughen up\"" reports an order; the supporter gives none. A stretch in double
quotes ("...", “...”) is reported speech when a reporting verb stands next to it (within a few words before
the opening quote or after the closing one) and its subject is someone other than the supporter: "my dad said",
"she keeps telling me", "is what my sponsor told me". Quotes the supporter attributes to themselves ("I told
her \"...\"" in role-play notes) or gives no source for ("Practice line: \"...\"") stay the supporter's.
Single quotes count where they cannot be apostrophes: the opening one after a space, a dash or a colon and before
a letter, the closing one after a letter or punctuation and before a space, punctuation or the end, with at least
two words between ("You said, 'I need to stop lying to her.'"; not "the kids' room" or "'cause").
A reflection of the person's own words ("you said", "you keep telling yourself") reports them too.

>>> t = "You said, 'I need to stop going to the bookies on payday.' Those were your words."
>>> [t[a:b] for a, b in reported_quotes(t)]
["'I need to stop going to the bookies on payday.'"]
>>> reported_quotes("The kids' room is a mess and I don't know 'cause she won't say.")
[]
>>> len(reported_quotes("And you keep telling yourself 'I should be over it by now.'"))
1

>>> t = 'My dad always said "you need to toughen up" and I believed him.'
>>> [t[a:b] for a, b in reported_quotes(t)]
['"you need to toughen up"']
>>> reported_quotes('I told her "you need to go to rehab" and she cried.'), reported_quotes('Practice line: "You need to stop."')
([], [])
>>> t = '"stop being so dramatic" - that is what my mum says to me too.'
>>> [t[a:b] for a, b in reported_quotes(t)]
['"stop being so dramatic"']
>>> t = '"I have to be perfect or they will take the kids." That line from your post has stayed with me.'
>>> [t[a:b] for a, b in reported_quotes(t)]
['"I have to be perfect or they will take the kids."']
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

_QUOTE = re.compile(r"[\"\u201c]([^\"\u201c\u201d\n]{2,400})[\"\u201d]"
                    r"|(?:(?<=^)|(?<=[\s(:\u2014\u2013-]))['\u2018](?=[A-Za-z])([^\n]{2,400}?[\w.?!,])['\u2019](?=[\s.,;:!?)\u2014-]|$)")
_REPORTING = (r"(?:said|says|say|saying|told|tells|tell|telling|goes|going|went|wrote|writes|posted|posts|texted|texts|"
              r"asked|asks|yelled|yells|screamed|shouted|snapped|replied|replies|put it|called me|calls me|"
              r"was like|is like|were like|are like)")
# the reporting verb (and its subject) right before the quote: "my dad always said", "she keeps telling me,"
_BEFORE = re.compile(rf"(?P<subj>[\w'’]+)[\s,]+(?:(?:always|just|literally|basically|then|kept|keeps|would|used to|"
                     rf"even|once|also|still)[\s,]+)*{_REPORTING}(?:\s+(?:me|us|you|him|her|them|that|to me|to you|yourself|himself|herself|"
                     r"themselves))?(?:[\s,:\u2014\u2013-]|\b(?:um|uh|erm|like)\b)*$", re.I)
# ... or after it: "- that is what my mum says", ", she told me", "is what the nurse told him"
_AFTER = re.compile(rf"^[\s,.!?-]*(?:(?:that|this)(?:'s|’s| is| was)? )?(?:(?:is|was|'s|’s) )?(?:what |how )?"
                    rf"(?P<subj>(?:my|your|his|her|their|our|the|a|an|some|that|this)\s+[\w'’-]+(?:\s+[\w'’-]+)?|"
                    rf"[\w'’]+)\s+(?:(?:always|just|literally|kept|keeps|would|used to|once|also)\s+)*{_REPORTING}\b",
                    re.I)
# ... or named as a line of someone's writing right after it: "\"I have to be perfect.\" That line from your post ..."
_SOURCE_AFTER = re.compile(r"^[\s,.!?\u2014\u2013-]*(?:that|this|the) (?:line|bit|part|sentence|phrase|quote|comment|"
                           r"message|text|post|note)\s+(?:from|in|of|on)\s+(?:your|ur|his|her|their|the|that|a)\b", re.I)
_SUPPORTER = frozenset("i we i'd i've i’d i’ve".split())


@lru_cache(maxsize=8192)
def reported_quotes(text: str) -> list[tuple[int, int]]:
    """Character ranges (quote marks included) of the quoted stretches of ``text`` that report someone else's
    words."""
    out: list[tuple[int, int]] = []
    if '"' not in text and "\u201c" not in text and "'" not in text and "\u2018" not in text:
        return out
    for m in _QUOTE.finditer(text):
        inner = m.group(1) or m.group(2) or ""
        if len(inner.split()) < 2:
            continue  # one word in quotes ("the 'walk' at noon") reports no order
        before = _BEFORE.search(text[max(0, m.start() - 60):m.start()])
        after = _AFTER.match(text[m.end():m.end() + 60])
        hit = before or after
        if (hit and hit.group("subj").lower() not in _SUPPORTER) or _SOURCE_AFTER.match(text[m.end():m.end() + 60]):
            out.append((m.start(), m.end()))
    return out


def unquote_scores(predict, texts: list[str], starts: list[int], doc_texts: list[str], owner: list[int],
                   proba, concern) -> None:
    """Codebook rule 4 on scores: a sentence that quotes someone else's words gets, for each concern, the lower of
    its score and the score of the sentence with each quote put as "that" ("My dad always said \"you need to toughen
    up\"" -> "My dad always said that"): the supporter is flagged for what they say, not for what they report.

    ``texts[k]`` is sentence k, starting at character ``starts[k]`` of ``doc_texts[owner[k]]``; ``proba`` (sentences
    x labels) is changed in place on the columns where ``concern`` is true; ``predict`` scores a list of texts. One
    call of ``predict``, for the quoting sentences only. Used by the pipeline and by the evaluation alike.
    """
    todo = []
    quoted = {d: reported_quotes(doc_texts[d]) for d in set(owner)}  # once per document, not per sentence
    for k, text in enumerate(texts):
        s0, s1 = starts[k], starts[k] + len(text)
        quotes = [(a - s0, b - s0) for a, b in quoted[owner[k]] if a < s1 and b > s0]
        if quotes:
            text = str(text)
            for a, b in reversed(quotes):
                text = text[:max(0, a)] + "that" + text[min(len(text), b):]
            todo.append((k, text))
    if not todo:
        return
    without = predict([t for _, t in todo])
    for (k, _), row in zip(todo, without):
        proba[k, concern] = np.minimum(proba[k, concern], row[concern])
