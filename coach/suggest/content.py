"""Content words, for measuring whether an alternative keeps what the supporter meant.

With no part-of-speech tagger offline, "nouns and main verbs" are approximated
as the words that are not function words: not in scikit-learn's English stop
list, not fillers, pronouns, auxiliaries, modals or degree adverbs. Words are
compared by a light stem, so "drinking" keeps "drink" and "meetings" keeps
"meeting".

>>> sorted(content_words("You need to stop drinking this weekend.", 0, 11))
['drink', 'stop', 'weekend']
>>> retention("You need to stop drinking this weekend.", 0, 11, "How would you feel about stopping drinking this weekend?")
1.0
"""

from __future__ import annotations

import re

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from coach.model import lexicon as L

EXTRA_STOP = frozenset(
    """um uh erm hmm mm ok okay yeah yes alright like gonna gotta wanna kinda sorta just really probably definitely
    seriously totally honestly maybe actually literally basically need needs needed have has had got get gets
    getting should must ought better will would could can can't won't don't doesn't didn't isn't aren't wasn't
    i'm you're you'll you've you'd it's that's there's let's he's she's we're they're i'll i've i'd
    lot lots thing things stuff way right know mean think guess say said tell told want
    u ur ya im dont cant wont thats youre""".split()
)
STOP = frozenset(ENGLISH_STOP_WORDS) | EXTRA_STOP | L.FILLERS | L.SLANG_FILLERS


def stem(word: str) -> str:
    """A light suffix-stripping stem.

    >>> [stem(w) for w in ("drinking", "stopping", "meetings", "called", "dose", "doses", "lies")]
    ['drink', 'stop', 'meeting', 'call', 'dose', 'dose', 'lie']
    """
    w = word.lower().replace("\u2019", "'")
    for suf in ("ing", "ed"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            w = w[: -len(suf)]
            if len(w) >= 3 and w[-1] == w[-2] and w[-1] not in "ls":
                w = w[:-1]
            return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-2]
    if w.endswith(("ches", "shes", "sses", "xes", "zes")) and len(w) > 4:
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def content_words(text: str, start: int = 0, end: int = 0) -> set[str]:
    """Stems of the content words of ``text`` outside ``text[start:end]``."""
    outside = text[:start] + " " + text[end:]
    words = re.findall(r"[A-Za-z][A-Za-z']*", outside.replace("\u2019", "'"))
    return {stem(w) for w in words if w.lower() not in STOP and len(w) > 1}


def retention(original: str, start: int, end: int, alternative: str) -> float:
    """Share of the original's content words (outside the flagged phrase) that the alternative keeps.

    1.0 when there are none to keep.
    """
    need = content_words(original, start, end)
    if not need:
        return 1.0
    have = {stem(w) for w in re.findall(r"[A-Za-z][A-Za-z']*", alternative.replace("\u2019", "'"))}
    return len(need & have) / len(need)
