"""A shallow clause analysis over spaCy tokens: subject, modal, verb phrase, object.

No parser ships with spaCy offline (``spacy.blank("en")`` has none), so this
reads the token sequence around the flagged phrase with small word lists:
the subject pronoun, the obligation or modal chain ("need to", "'d better",
"have got to"), the main verb, and the rest of the clause. It is enough to
turn "You need to stop drinking this weekend" into the verb phrase
"stop drinking this weekend" and its gerund "stopping drinking this weekend".

>>> c = analyse("Okay, you really need to stop drinking this weekend.")
>>> (c.subject, c.modal, c.verb, c.rest)
('you', 'need to', 'stop', 'drinking this weekend')
>>> c.vp, gerund_phrase(c.vp)
('stop drinking this weekend', 'stopping drinking this weekend')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from coach.model import lexicon as L

ADVERBS = frozenset("just really probably definitely seriously totally honestly maybe also actually like um uh "
                    "kinda literally absolutely simply only basically please".split())
MODALS = (
    "need to", "needs to", "have to", "has to", "have got to", "'ve got to", "'ve gotta", "got to", "gotta",
    "must", "should", "ought to", "'d better", "had better", "better", "'re going to", "are going to",
    "'re gonna", "are gonna", "will", "'ll", "can't", "cannot", "shouldn't", "mustn't", "don't", "won't",
    "want to", "wanna",
)
_MODAL_WORDS = sorted((m.split() for m in MODALS), key=len, reverse=True)
SUBJECTS = frozenset("you u ya we i it that this".split())
BASE_ING = frozenset("bring sing ring sting swing cling fling spring string wring sling".split())
IRREGULAR_GERUND = {"be": "being", "see": "seeing", "lie": "lying", "die": "dying", "tie": "tying",
                    "agree": "agreeing", "quit": "quitting", "flee": "fleeing", "free": "freeing"}


@lru_cache(maxsize=1)
def _tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


def tokens(text: str) -> list[str]:
    """spaCy tokens of ``text`` with whitespace preserved as a trailing flag: [(text, has_space)]."""
    return [t.text + t.whitespace_ for t in _tokenizer()(text)]


@dataclass
class Clause:
    subject: str
    modal: str
    verb: str
    rest: str
    negated: bool = False

    @property
    def vp(self) -> str:
        return " ".join(x for x in (self.verb, self.rest) if x)


def gerund(verb: str) -> str:
    """The -ing form of a verb.

    >>> [gerund(v) for v in ("stop", "call", "take", "quit", "lie", "go", "see", "open")]
    ['stopping', 'calling', 'taking', 'quitting', 'lying', 'going', 'seeing', 'opening']
    """
    v = verb.lower()
    if v in IRREGULAR_GERUND:
        return IRREGULAR_GERUND[v]
    if v.endswith("ing") and len(v) >= 5 and v not in BASE_ING:
        return v
    if v.endswith("ie"):
        return v[:-2] + "ying"
    if v.endswith("e") and not v.endswith(("ee", "ye", "oe")) and len(v) > 2:
        return v[:-1] + "ing"
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", v) and len(v) <= 4:
        return v + v[-1] + "ing"
    return v + "ing"


def gerund_phrase(vp: str) -> str:
    """The verb phrase with its verb, and any verb coordinated with 'and'/'or', in the -ing form.

    >>> gerund_phrase("face it and drive past the roundabout")
    'facing it and driving past the roundabout'
    """
    words = vp.split(" ")
    if not words or not words[0]:
        return vp
    out = [gerund(words[0])]
    for prev, w in zip(words, words[1:]):
        low = w.lower()
        if prev.lower() in {"and", "or"} and (low in L.IMPERATIVE_VERBS or low in L.COMMON_VERBS):
            out.append(gerund(w))
        else:
            out.append(w)
    return " ".join(out)


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z0-9']+|[,;:.!?]", text.replace("\u2019", "'"))]


def clause_after(text: str) -> str:
    """Text up to the end of the clause: the first sentence-final mark, or ', but' / ', and' / ', okay'."""
    text = text.strip()
    m = re.search(r"[.!?;]|,\s*(but|and|and then|okay|ok|alright|right|yeah|you know|because|cause|'cause)\b|\s-\s",
                  text, re.I)
    out = text[:m.start()] if m else text
    return out.strip(" ,:-")


def analyse(sentence: str, start: int | None = None) -> Clause:
    """Analyse the clause starting at ``start`` (default: the first clause of the sentence)."""
    text = sentence[start:] if start else sentence
    words = [w for w in _words(clause_after(text) if start else text) if w not in {",", ";", ":"}]
    words = [w for w in words if w not in {".", "!", "?"}]
    low = [w.lower() for w in words]
    i = 0
    while i < len(low) and (low[i] in L.FILLERS or low[i] in ADVERBS or low[i] in {"so", "and", "but", "look"}):
        i += 1
    subject = ""
    if i < len(low) and (low[i] in SUBJECTS or low[i] in {"you're", "you'll", "you'd", "you've", "i'm", "we're"}):
        subject = low[i]
        if "'" in subject:
            subject, contraction = subject.split("'", 1)
            low.insert(i + 1, "'" + contraction)
            words.insert(i + 1, "'" + contraction)
        i += 1
    modal = ""
    while i < len(low) and low[i] in ADVERBS:
        i += 1
    for m in _MODAL_WORDS:
        if low[i:i + len(m)] == m:
            modal = " ".join(m)
            i += len(m)
            break
    negated = False
    while i < len(low) and (low[i] in ADVERBS or low[i] in {"not", "never"}):
        negated |= low[i] in {"not", "never"}
        i += 1
    if modal in {"can't", "cannot", "shouldn't", "mustn't", "don't", "won't"}:
        negated = True
    verb = words[i] if i < len(words) else ""
    rest = " ".join(words[i + 1:]) if i + 1 < len(words) else ""
    rest = re.sub(r"\s+'", "'", rest)
    rest = re.sub(r"\s*\b(ok|okay|alright|all right|right|yeah|yes|ya know|you know|please|then|now)$", "", rest,
                  flags=re.I).strip()
    return Clause(subject, modal, verb.lower() if verb else "", rest, negated)
