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
"I hope you get the apartment, and I can't promise it. What would help you get ready either way?"
"""

from __future__ import annotations

import re

from coach.model import lexicon as L
from coach.suggest.clause import ADVERBS, analyse, clause_after, gerund_phrase
from coach.suggest.content import STOP, content_words, retention

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
    """A base-form verb we know (no tagger offline, so a lexicon, not a guess)."""
    w = word.lower()
    return w in L.IMPERATIVE_VERBS or w in MED_VERBS or w in L.COMMON_VERBS


def _is_gerund(word: str) -> bool:
    w = word.lower()
    return w.endswith("ing") and len(w) > 4 and (w[:-3] in L.COMMON_VERBS or w[:-3] + "e" in L.COMMON_VERBS
                                                 or w[:-4] in L.COMMON_VERBS or w[:-3] in L.IMPERATIVE_VERBS)


_CLAUSE_VERB = re.compile(r"\b(is|are|was|were|am|be|been|'s|'re|'m|have|has|had|do|does|did|can|could|will|"
                          r"would|should|won't|can't|don't|doesn't|didn't|isn't|aren't|wasn't|'ll|'d|gonna)\b", re.I)


def _is_clause(fragment: str) -> bool:
    """Does the fragment hold its own finite verb (so it cannot follow 'about')?"""
    return bool(_CLAUSE_VERB.search(fragment.replace("\u2019", "'"))) or bool(
        re.match(r"^(you|u|i|we|they|he|she|it)\s+\w+", fragment, re.I))


def _action_verb(word: str) -> bool:
    """A verb that can head an action the person might take (no medication verbs like 'up')."""
    w = word.lower()
    return w in L.IMPERATIVE_VERBS or w in L.COMMON_VERBS


_BAD_TOPIC_START = re.compile(r"^(are|is|was|were|am|do|does|did|can|could|would|will|have|has|had|should|i|i'm|"
                              r"okay|ok|so|um|uh|like|and|but|or|because|if|when|what|why|how)\b", re.I)


def _reflectable(fragment: str) -> bool:
    """Can the fragment follow 'It sounds like' / 'When you talk about' and stay grammatical?"""
    return bool(fragment) and not _BAD_TOPIC_START.match(fragment) and len(fragment.split()) <= 25


def _power_over(sentence: str, start: int, end: int) -> list[str]:
    out = []
    after = clause_after(sentence[end:])
    c = analyse(after) if after.strip() else analyse(sentence, start)
    if not _action_verb(c.verb):
        c = analyse(sentence, start)
    if _action_verb(c.verb) and c.verb not in {"you", "i", "we", "it", "that"}:
        vp = c.vp.strip()
        ger = gerund_phrase(vp)
        if c.negated:
            out += [f"What are your thoughts on {ger}?", f"How do you feel about {ger} right now?"]
        else:
            out += [f"How would you feel about {ger}?",
                    f"Would you want to {vp}, or does something else feel more doable right now?",
                    f"Some people find it helps to {vp}. What do you make of that?"]
        if c.rest and _has_content(c.rest) and not _is_clause(c.rest) and _reflectable(_lower_first(c.rest)):
            out.append(f"What would you like to do about {_lower_first(c.rest)}?")
    t = topic(sentence, start, end)
    if t and not out and _reflectable(_lower_first(t)) and not _is_clause(_lower_first(t)):
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
        if _looks_like_verb(first):
            t0 = gerund_phrase(t0)
            first = t0.split(" ", 1)[0]
        if not _reflectable(t0):
            pass
        elif _is_clause(t0) and not _is_gerund(first):
            out += [f"It sounds like {t0}. How are you feeling about it?",
                    f"So {t0}. What's that been like for you?"]
        else:
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
    words = set(re.findall(r"[a-z']+", sentence.lower()))
    before = _clean(re.split(r"[.!?]\s", sentence[:start])[-1])
    after = _clean(clause_after(sentence[end:]))
    if words & L.MEDICATION:
        c = analyse(sentence, start)
        if _looks_like_verb(c.verb) and c.modal and not c.negated:
            out.append(f"Would you like to talk with your prescriber about whether to {c.vp}?")
        np_ = _medication_np(sentence)
        if np_:
            out.append(f"How has it been going with {np_}? If you want, we can plan what to ask your doctor.")
    # the experience is usually named before the verdict ("those voices are just a symptom")
    for t in (before, after):
        if not _has_content(t):
            continue
        t0 = _lower_first(_you_perspective(t))
        if not _reflectable(t0):
            continue
        if _is_clause(t0):
            out.append(f"It sounds like {t0}. What has that been like for you?")
        else:
            verb = "have" if _plural(t0) else "has"
            out += [f"When you talk about {t0}, what is that like for you?",
                    f"It sounds like {t0} {verb} been a lot. How would you describe it in your own words?"]
    return out


_PREP = frozenset("after before of in with from like at on about for since during to".split())


def _plural(noun_phrase: str) -> bool:
    """Is the head noun (the last word before the first preposition) plural?  'panic attacks after a crash'."""
    head = ""
    for w in noun_phrase.split():
        if w.lower() in _PREP and head:
            break
        head = w
    h = head.lower().strip(",.")
    return h.endswith("s") and not h.endswith(("ss", "us", "is", "'s"))


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


_PROMISE_MARKERS = re.compile(
    r",?\s*\b(i promise( you(?=\s*(?:[,.!]|$|that\b)))?( that)?|i swear( to you)?|i guarantee( you(?=\s*(?:[,.!]|$|that\b)))?( that)?|i can promise you that|"
    r"guaranteed|trust me|definitely|for sure|100 ?%|totally|absolutely|no prob(lem)?|no doubt|promise|i bet)\b[,!]?",
    re.I)
_SECRECY = re.compile(r"\b(between us|secret|won't tell|leave this room|nobody will|no one will|never tell|"
                      r"stays here|goes in a report|goes on (any|a) record|nobody needs to know)\b", re.I)
_AVAILABILITY = re.compile(r"\b(anytime|any time|day or night|24/7|always|whenever|never log off)\b", re.I)


_REASSURANCE = re.compile(
    r"\b(don'?t (even )?worry( about it)?|no need to worry|trust me|i know( you (won'?t|will))?|"
    r"(they|it|everyone|everybody) (all |almost )?(always )?(do|does)( eventually)?|ur fine|you'?re fine|"
    r"believe me|mark my words|i can feel it|easy)\b[,!]?", re.I)
_SOFTEN = (
    (r"\b(you'll|you will|u'll|youll|ull|you're gonna|ur gonna|you are going to|you're going to) never\b", "you don't"),
    (r"\b(you'll|you will|u'll|youll|ull|you're gonna|ur gonna|you are going to|you're going to)\b", "you"),
    (r"\b(he'll|he will|hell) never\b", "he doesn't"), (r"\b(she'll|she will) never\b", "she doesn't"),
    (r"\b(they'll|they will|theyll) never\b", "they don't"), (r"\bwill never\b", "won't"),
    (r"\bwill ever\b", "will"), (r"\bin no time\b", "soon"), (r"\bfor good\b", ""), (r"\bever again\b", "again"),
)


def _hedge_claim(claim: str) -> str:
    """Turn a guarantee into the hope it expresses: markers and reassurance dropped, 'you'll never' -> 'you don't'.

    >>> _hedge_claim("Don't worry, you'll never touch a drink again, I promise")
    "you don't touch a drink again"
    """
    claim = _PROMISE_MARKERS.sub("", claim)
    claim = _REASSURANCE.sub("", claim)
    for pattern, repl in _SOFTEN:
        claim = re.sub(pattern, repl, claim, flags=re.I)
    claim = re.sub(r"\s+", " ", claim)
    return claim.strip(" ,.!?;-")


def _clause_of(sentence: str, start: int, end: int) -> str:
    """The comma-separated clauses of ``sentence`` that the span ``start:end`` touches."""
    bounds = [0] + [m.end() for m in re.finditer(r"[,;:.!?]\s*|\s-+\s", sentence)] + [len(sentence) + 1]
    a = max(b for b in bounds if b <= start)
    z = min((b for b in bounds if b >= end), default=len(sentence))
    piece = sentence[a:z]
    # a clause that is only the promise marker ("I promise") guarantees the clause before it
    if not _has_content(_PROMISE_MARKERS.sub("", piece)) and a > 0:
        prev = max(b for b in bounds if b < a)
        piece = sentence[prev:a]
    return piece


def _false_promise(sentence: str, start: int, end: int) -> list[str]:
    out = []
    phrase = sentence[start:end]
    if _SECRECY.search(sentence):
        out.append("What you say here stays private, with a few limits I'll explain, like if someone's safety "
                   "is at risk.")
    if _AVAILABILITY.search(phrase):
        out.append("I can't always pick up, but I'll be here at our next time, and we can find other people you "
                   "can call when I'm not around.")
    # the claim being guaranteed: the clause holding the phrase, turned into a hope
    claim = _hedge_claim(_clause_of(sentence, start, end))
    if claim and _has_content(claim):
        c0 = _lower_first(claim)
        out += [f"I hope {c0}, and I can't promise it. What would help you get ready either way?",
                f"I can't promise {c0}, but I'll go through the next steps with you."]
    return out


_BY_LABEL = {"power_over": _power_over, "judgment": _judgment, "diagnosis": _diagnosis,
             "false_promise": _false_promise}


def _finish(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.!?])", r"\1", text)
    text = re.sub(r"([.!?])[.!?]+$", r"\1", text)
    text = re.sub(r",\s*([?.!])$", r"\1", text)
    return text[0].upper() + text[1:] if text else text


def _norm_words(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))) + " "


def _clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    bounds = [0] + [m.end() for m in re.finditer(r"[,;:.!?]\s*|\s-+\s", sentence)] + [len(sentence)]
    a = max(b for b in bounds if b <= start)
    z = min((b for b in bounds if b >= end), default=len(sentence))
    return a, z


def _as_sentence(fragment: str) -> str:
    fragment = fragment.strip().strip(",;:-").strip()
    if not fragment or not _has_content(fragment):
        return ""
    fragment = fragment[0].upper() + fragment[1:]
    return fragment if fragment[-1] in ".?!" else fragment + "."


def _in_context(sentence: str, start: int, end: int, cands: list[str], avoid=()) -> list[str]:
    """The same rewrites with the sentence's other clauses kept around them ("keep what was fine").

    Context that holds another flagged concern (``avoid``: character spans) is left out: it was not fine.
    """
    a, z = _clause_bounds(sentence, start, end)
    before, after = _as_sentence(sentence[:a]), _as_sentence(sentence[z:])
    if any(s < a and e > 0 for s, e in avoid):
        before = ""
    if any(e > z and s < len(sentence) for s, e in avoid):
        after = ""
    # a context clause that is only reassurance ("Don't worry") is dropped with the concern it supported
    before = "" if not _has_content(_REASSURANCE.sub("", before)) else before
    after = "" if not _has_content(_REASSURANCE.sub("", after)) else after
    if not before and not after:
        return []
    out = []
    for c in cands:
        have = content_words(c)
        # context the rewrite already carries would only repeat it
        b = before if before and not content_words(before) <= have else ""
        z_ = after if after and not content_words(after) <= have else ""
        if b or z_:
            out.append(" ".join(x for x in (b, c, z_) if x))
    return out


def rewrite(sentence: str, label: str, start: int, end: int, avoid=()) -> list[str]:
    """Candidate rewrites of ``sentence`` for the flagged ``sentence[start:end]``, most faithful first.

    ``avoid`` lists the character spans of the sentence's other flagged concerns.
    """
    make = _BY_LABEL.get(label)
    if make is None or not sentence.strip():
        return []
    base = [_finish(c) for c in make(sentence, start, end)]
    # a rewrite that repeats another flagged concern of the sentence (outside this clause) is not an alternative
    ca, cz = _clause_bounds(sentence, start, end)
    others = [sentence[s:e].lower() for s, e in avoid if (s, e) != (start, end) and (e <= ca or s >= cz)]
    base = [c for c in base if c and not any(_norm_words(o) and _norm_words(o) in _norm_words(c) for o in others)]
    cands = []
    for c in base[:2] and _in_context(sentence, start, end, base[:2], avoid) + base or base:
        c = _finish(c)
        if c and c not in cands and len(c.split()) <= 70:
            cands.append(c)
    scored = [(retention(sentence, start, end, c), -i, c) for i, c in enumerate(cands)]
    scored.sort(reverse=True)
    return [c for _, _, c in scored]


__all__ = ["rewrite", "topic", "ADVERBS"]
