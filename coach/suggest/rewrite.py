"""Rewrites of the supporter's own sentence, keeping its topic.

Each label has its own reframing, built from the clause analysis of
:mod:`coach.suggest.clause` (subject, modal, verb phrase, rest):

- ``power_over``: the order's verb phrase handed back as a question
  ("You need to stop drinking this weekend" -> "How would you feel about
  stopping drinking this weekend?"), or offered as one option among others;
- ``judgment``: the verdict dropped, the situation kept and asked about
  with curiosity; stigmatising labels swapped for person-first words;
- ``diagnosis``: the experience kept in their words, medication questions
  handed to their prescriber;
- ``false_promise``: the guarantee turned into honest hope plus what the
  supporter can really do.

Candidates are ranked by how many of the original's content words they
keep; :func:`coach.suggest.suggest_many` then checks them with the model.

>>> rewrite("You need to stop drinking this weekend.", "power_over", 0, 11)[0]
'How would you feel about stopping drinking this weekend?'
>>> rewrite("I promise you'll get the apartment.", "false_promise", 0, 9)[0]
"I can't promise you'll get the apartment, but I'll go through the next steps with you."
"""

from __future__ import annotations

import re

from coach.model import lexicon as L
from coach.suggest.clause import ADVERBS, analyse, clause_after, gerund_phrase
from coach.suggest.content import STOP, retention

FUNCTION = STOP | frozenset({"to", "a", "an", "the"})
_LEAD = re.compile(r"^(?:[,;:\-\s]|\b(?:to me|for me|to|for|about|with|of|on|at|by|because|cause|since|like|that|when|and|but|"
                   r"so|just|really|honestly|seriously|anyway|then|if)\b)+", re.I)
_TRAIL = re.compile(r"(?:[,;:\-\s]|\b(?:is|was|are|were|'s|that's|it's|thats|its|that|this|sounds like|seems like|"
                    r"looks like|is like|like|and|but|so|just|really|to me|which is|honestly|because|it)\b)+$", re.I)

PERSON_FIRST = {
    "addicts": "people in recovery", "addict": "person in recovery", "junkies": "people who use drugs",
    "junkie": "person who uses drugs", "druggie": "person who uses drugs", "druggies": "people who use drugs",
    "alcoholics": "people who drink heavily", "alcoholic": "person who drinks heavily",
    "clean": "in recovery", "dirty": "positive", "crazy": "struggling", "insane": "really hard",
    "non-compliant": "not taking it as prescribed", "noncompliant": "not taking it as prescribed",
    "manipulative": "trying to get a need met", "attention-seeking": "reaching out",
    "lazy": "worn out", "selfish": "looking after yourself",
}


def _clean(fragment: str) -> str:
    fragment = fragment.strip()
    for _ in range(3):
        fragment = _LEAD.sub("", fragment).strip()
        fragment = _TRAIL.sub("", fragment).strip()
    fragment = re.sub(r"\s+([,.!?])", r"\1", fragment)
    fragment = fragment.strip(" ,.!?;:-\"'")
    return fragment


def _has_content(fragment: str) -> bool:
    return any(w.lower() not in FUNCTION for w in re.findall(r"[A-Za-z']+", fragment))


def _lower_first(fragment: str) -> str:
    if not fragment:
        return fragment
    first = fragment.split(" ", 1)[0]
    if first in {"I", "I'm", "I've", "I'll", "I'd"} or (len(first) > 1 and first.isupper()):
        return fragment
    return fragment[0].lower() + fragment[1:]


def _you_perspective(fragment: str) -> str:
    """Keep the person's perspective: 'me' from a quoted order is theirs, not ours: leave as is, but drop 'ok?'."""
    return re.sub(r"\b(okay|ok|alright|right)\??$", "", fragment, flags=re.I).strip(" ,")


def topic(sentence: str, start: int, end: int) -> str:
    """The clause around the flagged phrase that names what the sentence is about (may be empty)."""
    after = _clean(clause_after(sentence[end:]))
    if _has_content(after):
        return _you_perspective(after)
    before = sentence[:start]
    before = re.split(r"[.!?]\s", before)[-1]
    before = _clean(before)
    if _has_content(before):
        return _you_perspective(before)
    return ""


MED_VERBS = frozenset("up double lower raise increase decrease cut stop skip halve split switch change".split())


def _looks_like_verb(word: str) -> bool:
    w = word.lower()
    return bool(w) and (w in L.IMPERATIVE_VERBS or w in MED_VERBS or (w not in FUNCTION and not w.endswith("ly") and w.isalpha()
                                                    and w not in L.DIAGNOSIS and w not in L.MEDICATION))


def _power_over(sentence: str, start: int, end: int) -> list[str]:
    out = []
    after = clause_after(sentence[end:])
    c = analyse(after) if after.strip() else analyse(sentence, start)
    if not _looks_like_verb(c.verb) or c.verb in {"you", "i", "we"}:
        c = analyse(sentence, start)
    if _looks_like_verb(c.verb) and c.verb not in {"you", "i", "we", "it", "that"}:
        vp = c.vp.strip()
        ger = gerund_phrase(vp)
        if c.negated:
            out += [f"What are your thoughts on {ger}?", f"How do you feel about {ger} right now?"]
        else:
            out += [f"How would you feel about {ger}?",
                    f"Would you want to {vp}, or does something else feel more doable right now?",
                    f"Some people find it helps to {vp}. What do you make of that?"]
        if c.rest and _has_content(c.rest):
            out.append(f"What would you like to do about {_lower_first(c.rest)}?")
    t = topic(sentence, start, end)
    if t and not out:
        out.append(f"What would you like to do about {_lower_first(t)}?")
    return out


def _judgment(sentence: str, start: int, end: int) -> list[str]:
    out = []
    phrase = sentence[start:end]
    swapped = _person_first(sentence, phrase)
    if swapped:
        out.append(swapped)
    t = topic(sentence, start, end)
    if t:
        t0 = _lower_first(t)
        first = t0.split(" ", 1)[0]
        if _looks_like_verb(first) and first not in {"you", "your"}:
            t0 = gerund_phrase(t0)
        out += [f"What was going on for you around {t0}?", f"How are you feeling about {t0} now?"]
    return out


def _person_first(sentence: str, phrase: str) -> str:
    """Swap a stigmatising label inside the flagged phrase for person-first words; '' when none applies."""
    words = re.findall(r"[A-Za-z'-]+", phrase.lower())
    hits = [w for w in words if w in PERSON_FIRST]
    if not hits or len(words) > 4:
        return ""
    out = sentence
    for w in hits:
        out = re.sub(rf"\b{re.escape(w)}\b", PERSON_FIRST[w], out, flags=re.I)
    out = re.sub(r"\b(an?) (person|people|in|positive|struggling|really|not|trying|reaching|worn|looking)\b",
                 lambda m: ("a" if m.group(2) in {"person", "positive", "struggling", "really", "trying",
                                                   "reaching", "worn", "looking"} else "an") + " " + m.group(2),
                 out)
    out = out.strip()
    return out[0].upper() + out[1:] if out else ""


def _diagnosis(sentence: str, start: int, end: int) -> list[str]:
    out = []
    low = sentence.lower()
    words = set(re.findall(r"[a-z']+", low))
    t = topic(sentence, start, end)
    if words & L.MEDICATION:
        c = analyse(sentence, start)
        if _looks_like_verb(c.verb) and c.modal and not c.negated:
            out.append(f"Would you like to talk with your prescriber about whether to {c.vp}?")
        np_ = _medication_np(sentence)
        if np_:
            out.append(f"How has it been going with {np_}? If you want, we can plan what to ask your doctor.")
        if t:
            out.append(f"How are things going with {_lower_first(t)}? Your prescriber could help you think it through.")
    if t:
        out += [f"When you talk about {_lower_first(t)}, what is that like for you?",
                f"It sounds like {_lower_first(t)} has been a lot. How would you describe it in your own words?"]
    return out


def _medication_np(sentence: str) -> str:
    """From the determiner before the first medication word to the end of its clause: 'your dose of sertraline'."""
    words = re.findall(r"[A-Za-z0-9']+", sentence)
    for i, w in enumerate(words):
        if w.lower() in L.MEDICATION:
            j = i
            while j > 0 and words[j - 1].lower() in {"your", "the", "my", "those", "these", "that", "this", "of",
                                                     "dose", "extra", "new", "night", "morning", "evening"}:
                j -= 1
            if j == i or words[j].lower() not in {"your", "the", "my", "those", "these", "that", "this"}:
                return "the " + " ".join(words[i:])[: 80] if j == i else " ".join(words[j:])
            return " ".join(words[j:])
    return ""


_GUARANTEE_WORDS = re.compile(
    r"\b(i promise( you\b(?!['\u2019]))?|i swear( to you)?|i guarantee( you\b(?!['\u2019]))?|trust me|definitely|for sure|100 ?%|totally|"
    r"absolutely|i'?ll make sure( that)?|no doubt|i bet)\b[,]?\s*", re.I)


def _false_promise(sentence: str, start: int, end: int) -> list[str]:
    out = []
    phrase = sentence[start:end].lower()
    if re.search(r"\b(between us|secret|won't tell|leave this room|nobody will|no one will|never tell|stays here)\b",
                 phrase + " " + sentence.lower()):
        out.append("What you say here stays private, with a few limits I'll explain, like if someone's safety "
                   "is at risk.")
    if re.search(r"\b(anytime|any time|day or night|24/7|always|whenever)\b", phrase):
        out.append("I can't always pick up, but I'll be here at our next time, and we can find other people you "
                   "can call when I'm not around.")
    claim = _GUARANTEE_WORDS.sub("", clause_after(sentence[start:])).strip(" ,")
    if claim and _has_content(claim) and claim.lower() not in phrase and phrase not in claim.lower():
        out.append(f"I can't promise {_lower_first(claim)}, but I'll go through the next steps with you.")
    t = topic(sentence, start, end)
    if t and not _looks_like_verb(t.split(" ", 1)[0]) and not t.lower().startswith(("you", "they", "he ", "she ")):
        out.append(f"I can't promise how {_lower_first(t)} will turn out, but I'll be with you for the next step.")
    return out


_BY_LABEL = {"power_over": _power_over, "judgment": _judgment, "diagnosis": _diagnosis,
             "false_promise": _false_promise}


def _finish(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.!?])", r"\1", text)
    text = re.sub(r"([.!?])[.!?]+$", r"\1", text)
    text = re.sub(r",\s*([?.!])$", r"\1", text)
    return text[0].upper() + text[1:] if text else text


def rewrite(sentence: str, label: str, start: int, end: int) -> list[str]:
    """Candidate rewrites of ``sentence`` for the flagged ``sentence[start:end]``, most faithful first."""
    make = _BY_LABEL.get(label)
    if make is None or not sentence.strip():
        return []
    cands = []
    for c in make(sentence, start, end):
        c = _finish(c)
        if c and c not in cands and len(c.split()) <= 60:
            cands.append(c)
    scored = [(retention(sentence, start, end, c), -i, c) for i, c in enumerate(cands)]
    scored.sort(reverse=True)
    return [c for _, _, c in scored]


__all__ = ["rewrite", "topic", "ADVERBS"]
