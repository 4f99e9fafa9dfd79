"""Rewrites of the supporter's own sentence, keeping its topic.

The sentence is read as clauses (:func:`coach.suggest.clause.segments`, on
spaCy tokens). The clause that holds the flagged phrase is rewritten by a
reframing of its own label, built from that clause's own words; the
sentence's other clauses are kept as they were ("keep what was fine"),
except those that hold another flagged concern or only reassure
("trust me", "I swear"). "Don't worry" becomes "It makes sense to worry".

- ``power_over``: the order's verb phrase handed back as a question
  ("You need to stop drinking this weekend" -> "How would you feel about
  stopping drinking this weekend?"), or offered as one option among others;
- ``judgment``: the verdict dropped, the situation kept and asked about
  with curiosity; stigmatising labels swapped for person-first words;
- ``diagnosis``: the experience kept in their words and asked about, the
  label dropped; medication questions handed to their prescriber;
- ``false_promise``: the guarantee turned into honest hope ("you'll get
  the apartment" -> "I hope you get the apartment, and I can't promise
  it"), a promise of one's own into what the supporter can really try.

Candidates are ranked by how many of the original's content words they
keep; :func:`coach.suggest.suggest_many` then checks them with the model.

>>> rewrite("You need to stop drinking this weekend.", "power_over", 0, 11)[0]
'How would you feel about stopping drinking this weekend?'
>>> rewrite("I promise you'll get the apartment.", "false_promise", 0, 9)[0]
"I hope you get the apartment, and I can't promise it. What would help you get ready either way?"
>>> rewrite("Don't worry, the judge isn't gonna send you back.", "false_promise", 12, 48)[0]
"It makes sense to worry. I hope the judge doesn't send you back, and I can't promise it. Whatever happens, we can work out the next steps together."
"""

from __future__ import annotations

import re
from functools import lru_cache

from coach.model import lexicon as L
from coach.suggest.clause import (
    ADVERBS,
    analyse,
    clause_after,
    gerund,
    gerund_phrase,
    is_plural_subject,
    normalise,
    present,
    segments,
    third_person,
)
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
        before = fragment
        fragment = _LEAD.sub("", fragment).strip()
        fragment = _TRAIL.sub("", fragment).strip()
        if fragment == before:
            break
    fragment = re.sub(r"\s+([,.!?])", r"\1", fragment)
    fragment = fragment.strip(" ,.!?;:-\"'")
    return fragment


def _has_content(fragment: str) -> bool:
    return any(w.lower() not in FUNCTION for w in re.findall(r"[A-Za-z']+", fragment))


def _lower_first(fragment: str) -> str:
    if not fragment:
        return fragment
    first = fragment.split(" ", 1)[0]
    if first in {"I", "I'm", "I've", "I'll", "I'd"} or (len(first) > 1 and any(ch.isupper() for ch in first[1:])):
        return fragment
    return fragment[0].lower() + fragment[1:]


def _you_perspective(fragment: str) -> str:
    """Keep the person's perspective: 'me' from a quoted order is theirs, not ours: leave as is, but drop 'ok?'."""
    return re.sub(r"\b(okay|ok|alright|right)\??$", "", fragment, flags=re.I).strip(" ,")


def topic(sentence: str, start: int, end: int) -> str:
    """The clause around the flagged phrase that names what the sentence is about (may be empty).

    >>> topic("Those voices are just a symptom of your schizophrenia.", 13, 54)
    'Those voices'
    """
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


_NOT_POSSESSOR = frozenset("it that what there he she who this here where how everything nothing everyone nobody "
                           "somebody someone let".split())
_AFTER_IS = frozenset("a an the not been gonna going just so really very too always never probably definitely "
                      "still gotta got".split())


def _possessives_out(fragment: str) -> str:
    """'your wife's mood swings' -> 'your wife mood swings': a possessive 's is not the verb 'is'."""
    return re.sub(r"\b(\w+)'s\s+(\w+)", lambda m: m.group(0) if m.group(1).lower() in _NOT_POSSESSOR or
                  m.group(2).lower() in _AFTER_IS or m.group(2).lower().endswith(("ing", "ed"))
                  else f"{m.group(1)} {m.group(2)}", fragment)


def _is_clause(fragment: str) -> bool:
    """Does the fragment hold its own finite verb (so it cannot follow 'about')?"""
    fragment = _possessives_out(fragment.replace("\u2019", "'"))
    return bool(_CLAUSE_VERB.search(fragment)) or bool(
        re.match(r"^(you|u|i|we|they|he|she|it)\s+\w+", fragment, re.I))


def _action_verb(word: str) -> bool:
    """A verb that can head an action the person might take (no medication verbs like 'up')."""
    w = word.lower()
    return w in L.IMPERATIVE_VERBS or w in L.COMMON_VERBS


_BAD_TOPIC_START = re.compile(r"^(are|is|was|were|am|do|does|did|can|could|would|will|have|has|had|should|i|i'm|"
                              r"okay|ok|so|um|uh|like|and|but|or|because|if|when|what|why|how|'s|s|ll|'ll|re|"
                              r"of|at|to|from|in|on|with|for|by|than|about|as)\b", re.I)
_BAD_TOPIC_END = re.compile(r"\b(the|a|an|my|your|his|her|their|our|of|at|to|from|in|on|with|for|by|and|or|but|"
                            r"than|about|as|is|are|was|were|be|been|you|u|ur|i|it|that|this|these|those|its|"
                            r"just|really|if|so|because|when|very|too|way|some|any|like|s|'s|after|before|since|during|into|mean|means|"
                            r"make|makes|made|gonna|going|got|gotta|can|could|would|should|will|do|does|did|not)$", re.I)


def _reflectable(fragment: str) -> bool:
    """Can the fragment follow 'It sounds like' / 'When you talk about' and stay grammatical?"""
    return (bool(fragment) and not _BAD_TOPIC_START.match(fragment) and not _BAD_TOPIC_END.search(fragment)
            and len(fragment.split()) <= 25)


# --- shared: the flagged clause and what is left of it ----------------------------------------------------------------

_TAIL_WORDS = re.compile(r"(?:[\s,]*\b(?:ok|okay|alright|all right|right|yeah|you know|ya know|period|full stop|"
                         r"no excuses|man|girl|bro|dude|mate|lol|honestly|seriously|tho|though|then|now|please|"
                         r"like yesterday)\b[?!.]?)+\s*$", re.I)


def _trim(fragment: str) -> str:
    """Strip sentence punctuation and trailing tags ('okay?', 'period', 'man') from a clause."""
    fragment = fragment.strip().strip(" ,;:-").strip()
    fragment = re.sub(r"[.!?]+$", "", fragment).strip()
    fragment = re.sub(r"\blike (this week|today|tonight|tomorrow|right now|now)\b", r"\1", fragment, flags=re.I)
    prev = None
    while prev != fragment:
        prev = fragment
        fragment = _TAIL_WORDS.sub("", fragment).strip(" ,;:-")
    return fragment


def _covering(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The character range of the clauses the span ``start:end`` touches."""
    segs = segments(sentence)
    touched = [(a, b) for a, b in segs if a < end and b > start] or [(start, end)]
    return touched[0][0], touched[-1][1]


_NOUN_ONLY = re.compile(r"^(?:the|a|an|those|these|this|that|your|his|her|their|my|our|all|some|any)?\s*[\w' -]+$",
                        re.I)


def _noun_phrase(fragment: str) -> str:
    """The fragment when it reads as a noun phrase or gerund phrase to reflect back ('license plate messages')."""
    f = _clean(normalise(fragment))
    f = _trim(f)
    f = re.sub(r"^(?:(?:i mean|you know|ya know|like|honestly|tbh|ngl|look|um|uh|so|well|oh)\b[,\s]*)+", "", f,
               flags=re.I).strip()
    if not f or not _has_content(f) or _is_clause(f) or not _reflectable(_lower_first(f)):
        return ""
    first = f.split()[0].lower()
    if _looks_like_verb(first) and not _is_gerund(first) and first not in {"sleep", "work", "drink", "use"}:
        return ""
    if first in {"gonna", "got", "gotta", "having", "being", "not", "no", "never", "ever", "one"} or \
            re.match(r"^(?:going|getting) to (?!the |that |this |a |an |my |your |his |her |their |our )", f):
        return ""
    return _lower_first(f)


# --- power_over ---------------------------------------------------------------------------------------------------------

_ORDER_LEAD = re.compile(
    r"^(?:(?:so|and|but|um|uh|er|like|okay|ok|look|listen|honestly|seriously|real talk|right now|though|then|"
    r"at some point|for now|here's the deal|the plan is|first thing you do is|i'm going to be blunt|"
    r"i mean|you know|yeah|well|anyway|now|i think|i really think|i feel like|maybe|tbh|ngl|imo|just|"
    r"really|please|first thing tomorrow|tomorrow|tonight|today)\b[,:\s]*)+", re.I)
_ORDER_FORMS = (
    (re.compile(r"^why (?:don't|dont|do not) (?:you|u|ya)\s+(?:just\s+)?", re.I), False),
    (re.compile(r"^(?:how about|what about) (?:you|u)\s+(?:just\s+)?", re.I), False),
    (re.compile(r"^i(?:'m| am)? (?:really |just )?(?:going to |gonna )?(?:want|need) (?:you|u) to\s+(?:just\s+)?",
                re.I), False),
    (re.compile(r"^(?:you|u)(?:'re| are)? (?:gonna|going to) have to\s+", re.I), False),
    (re.compile(r"^make sure (?:that )?(?:you|u)\s+", re.I), False),
    (re.compile(r"^(?:you|u)(?:'re| are| r) not allowed to\s+", re.I), True),
    (re.compile(r"^(?:you|u)(?:'re| are| r) (?:gonna|going to)\s+", re.I), False),
)


_DETS_OBJ = frozenset("him her it them me the a an your his my their our up out off down back".split())


def _order(clause: str, bare: bool = False) -> tuple[str, str, bool]:
    """(verb, rest, negated) of the order in ``clause``; verb '' when it holds none we can hand back."""
    text = _ORDER_LEAD.sub("", normalise(_trim(clause))).strip()
    for pattern, negated in _ORDER_FORMS:
        m = pattern.match(text)
        if m:
            rest = text[m.end():].split(" ", 1)
            verb, tail = rest[0].lower(), (rest[1] if len(rest) > 1 else "")
            return (verb, tail, negated) if _action_verb(verb) else ("", "", False)
    c = analyse(text)
    after_modal = c.modal and c.subject in {"you", "u", ""} and c.modal not in {"will", "'ll", "want to", "wanna"} \
        and re.fullmatch(r"[a-z]+", c.verb or "") and c.verb not in _DETS_OBJ | {"be", "you", "i", "it", "that", "so"}
    if not (_action_verb(c.verb) or after_modal) or c.subject in {"i", "we", "it", "that", "this"}:
        return "", "", False
    words = text.lower().split()
    if c.verb in {"have", "be", "been"} and re.match(r"^(?:been|gotten|had|done|\w+ed)\b", c.rest or ""):
        return "", "", False  # "you shouldn't have been drinking": what happened, not an order
    if not c.subject and not c.modal and (c.verb != (words[0] if words else "") or text.endswith("?") or not (
            c.verb in L.IMPERATIVE_VERBS or bare
            or (len(words) > 1 and words[1] in _DETS_OBJ))):
        return "", "", False
    return c.verb, c.rest, c.negated


def _verb_phrase(verb: str, rest: str) -> tuple[str, str]:
    """The infinitive and gerund phrases: 'go lie down' -> ('go lie down', 'going to lie down')."""
    rest = re.sub(r"\s+(?:or|or else|otherwise)$", "", rest.strip())
    vp = " ".join(x for x in (verb, rest) if x)
    ger = gerund_phrase(vp)
    # "go get the kit" -> "going to get the kit"
    ger = re.sub(r"\b(going|coming) (\w+)", lambda m: f"{m.group(1)} to {m.group(2)}"
                 if _action_verb(m.group(2)) and m.group(2) not in {"go", "come", "back", "home", "out"} else m.group(0),
                 ger)
    ger = re.sub(r"\band (go|come) (\w+)", lambda m: f"and {gerund(m.group(1))} to {m.group(2)}"
                 if _action_verb(m.group(2)) else m.group(0), ger)
    ger = re.sub(r"\b(?:keeping|continuing to) (\w+ing)\b", r"\1", ger)
    return vp, ger


def _power_over(sentence: str, start: int, end: int, lo: int, hi: int, avoid=()):
    out = []
    verb, rest, negated = _order(sentence[lo:hi])
    touched = [(a, b) for a, b in segments(sentence) if a < end and b > start]
    if not verb and len(touched) > 1:  # the span runs over two clauses: rewrite the one that gives the order
        for a, b in touched:
            verb, rest, negated = _order(sentence[a:b])
            if verb:
                lo, hi = a, b
                break
    if not verb and not re.match(r"^\W*(?:i|i'm|i'll|i'd|we|we'll|we're)\b", sentence[start:end], re.I):
        # the span may sit in a clause of its own ("you need to" + the order after a comma)
        seg_end = min((b for a, b in segments(sentence) if b > end), default=len(sentence))
        after = clause_after(sentence[end:seg_end])
        verb, rest, negated = _order(after, bare=True) if after.strip() else ("", "", False)
        if verb:
            hi = max(hi, end + len(sentence[end:]) - len(sentence[end:].lstrip()) + len(after))
    if verb and verb not in {"you", "i", "we", "it", "that"}:
        vp, ger = _verb_phrase(verb, rest)
        if negated:
            out += [f"How do you feel about {ger} right now?", f"What are your thoughts on {ger}?"]
        else:
            out += [f"How would you feel about {ger}?",
                    f"Would you want to {vp}, or does something else feel more doable right now?",
                    f"Some people find it helps to {vp}. What do you make of that?"]
        obj = _noun_phrase(rest)
        if obj and not obj.split()[0].lower() in {"me", "him", "her", "them", "it", "us", "to", "up", "out"}:
            out.append(f"What would you like to do about {obj}?")
    if not out:
        t = _noun_phrase(sentence[end:hi]) or _noun_phrase(sentence[lo:start])
        if t:
            out.append(f"What would you like to do about {t}?")
    return out, lo, hi


# --- judgment -----------------------------------------------------------------------------------------------------------

_VERDICT_TAIL = re.compile(r"(?:\s*\b(?:is|are|was|were|'s|that's|it's|its|that|this|sounds|seems|looks|like|just|"
                           r"so|really|pretty|kind of|kinda|honestly|frankly|basically|totally|clearly|being|a|an|"
                           r"the|such|way|too)\b)+$", re.I)


_VERDICT_WORDS = frozenset("""overreaction overreacting overreact dramatic drama excuse excuses mistake stupid lazy
    selfish pathetic ridiculous crazy insane manipulative manipulating irresponsible immature weak ungrateful privilege
    formality cowardly disaster junkie addict""".split())


def _judgment(sentence: str, start: int, end: int, lo: int, hi: int, avoid=()):
    out = []
    phrase = sentence[start:end]
    swapped = _person_first(sentence, phrase)
    if swapped:
        out.append(swapped)
    clause = normalise(_trim(sentence[lo:hi]))
    verb, rest, negated = _order(clause)
    if verb:  # "stop giving him money" said as a verdict: the action handed back as a question
        _, ger = _verb_phrase(verb, rest)
        out.append(f"How do you feel about {ger} right now?" if negated else f"How would you feel about {ger}?")
    been = re.search(r"\b(?:you|u) (?:shouldn't|should not|should) have been (\w+ing\b.*)$", clause, re.I)
    if been:  # "you shouldn't have been drinking that much": what happened, without the verdict
        out.append(f"It sounds like you've been {been.group(1)}. How are you feeling about it?")
    left = normalise(_trim(sentence[lo:start]))
    left = _VERDICT_TAIL.sub("", _clean(left)).strip(" ,")
    right = _trim(normalise(_right_of(phrase, sentence[end:hi], joined=True)))
    subject = _noun_phrase(left)
    if set(re.findall(r"[a-z'-]+", subject.lower())) & _VERDICT_WORDS:
        subject = ""
    if set(re.findall(r"[a-z'-]+", right.lower())) & _VERDICT_WORDS:
        right = ""
    about = re.match(r"^(?:about|with|over|around)\s+(.+)$", _clean(right) if right else "", re.I)
    if subject:
        out += [f"Can you tell me more about {subject}?", f"How are you feeling about {subject} now?"]
    elif about and _noun_phrase(about.group(1)):
        t = _noun_phrase(about.group(1))
        out += [f"How are things going with {t}?", f"What's been happening with {t}?"]
    for t in (_clean(right), _clean(left)):
        if not t or not _has_content(t):
            continue
        t0 = _lower_first(t)
        first = t0.split(" ", 1)[0]
        if _looks_like_verb(first) and not _is_clause(t0):
            t0 = gerund_phrase(t0)
            first = t0.split(" ", 1)[0]
        if not _reflectable(t0):
            continue
        if _is_clause(t0) and not _is_gerund(first):
            if re.match(r"^(you|you're|you've|you'd|you'll|i|i'm|we|he|she|they|it|it's|there)\b", t0, re.I):
                out += [f"It sounds like {t0}. How are you feeling about it?",
                        f"So {t0}. What's that been like for you?"]
        elif t0 != subject and _noun_phrase(t0):
            out += [f"What was going on for you around {t0}?", f"How are you feeling about {t0} now?"]
        break
    if len(out) <= bool(swapped):
        t, lo2, hi2 = _neighbour(sentence, lo, hi, _noun_phrase, avoid)
        if t:
            out += [f"Can you tell me more about {t}?", f"How are you feeling about {t} now?"]
            lo, hi = lo2, hi2
        else:
            t, lo2, hi2 = _neighbour(sentence, lo, hi, _reflection, avoid)
            if t:
                out += [f"It sounds like {t}. How are you feeling about it?"]
                lo, hi = lo2, hi2
    return out, lo, hi


_REFLECT_START = re.compile(r"^(?:you|you're|you've|you'd|you haven't|you have|you can't|you don't|you didn't|"
                            r"your \w+(?: \w+)? (?:is|are|was|were|has|have|keeps?)|it's been|there's)\b", re.I)


def _reflection(fragment: str) -> str:
    """A clause about the person's situation that can follow 'It sounds like' ('' when it is an order)."""
    t = _lower_first(_you_perspective(_clean(normalise(_trim(fragment)))))
    t = re.sub(r"^(?:honestly|tbh|ngl|and|but|so|like|um|uh|well)\b[,\s]*", "", t).strip()
    if not _REFLECT_START.match(t) or len(t.split()) > 25 or _BAD_TOPIC_START.match(t) or \
            re.search(r"\b(?:need|needs|should|must|gotta|have to|has to|got to|better)\b", t):
        return ""
    return t


def _person_first(sentence: str, phrase: str) -> str:
    """Swap a stigmatising label inside the flagged phrase for person-first words; '' when none applies."""
    words = re.findall(r"[A-Za-z'-]+", phrase.lower())
    hits = [w for w in words if w in PERSON_FIRST]
    if not hits or len(words) > 4:
        return ""
    # an adjective swapped inside "being lazy about" would not read: "being worn out about"
    if any(re.search(rf"\bbeing (?:so |really |very |a bit )?{re.escape(w)}\b|\b{re.escape(w)} (?:about|with|to)\b",
                     sentence, re.I) for w in hits if " " in PERSON_FIRST[w] and not PERSON_FIRST[w].startswith(
                         ("person", "people"))):
        return ""
    if any(re.search(rf"\bsuch (?:an? )?(?:\w+ )?{re.escape(w)}\b", sentence, re.I) for w in hits):
        return ""  # "such an addict" is a verdict however it is worded
    out = sentence
    for w in hits:
        out = re.sub(rf"\b{re.escape(w)}\b", PERSON_FIRST[w], out, flags=re.I)
    out = re.sub(r"\b(an?) (person|people|in|positive|struggling|really|not|trying|reaching|worn|looking)\b",
                 lambda m: ("a" if m.group(2) in {"person", "positive", "struggling", "really", "trying",
                                                   "reaching", "worn", "looking"} else "an") + " " + m.group(2),
                 out)
    out = normalise(out.strip())
    out = out[0].upper() + out[1:] if out else ""
    return out if out[-1:] in ".?!" else out + "."


# --- diagnosis ----------------------------------------------------------------------------------------------------------

_LABEL_TAIL = re.compile(r"(?:\s*\b(?:is|are|was|were|'s|that's|it's|its|thats|that|this|sounds?|seems?|looks?|"
                         r"like|just|so|really|clearly|probably|definitely|obviously|classic|textbook|totally|a|an|"
                         r"the|honestly|basically|pretty|kind of|kinda|mean|means|"
                         r"shows?|makes?|gotta be|has to be|must be|to me|tho|though)\b)+$", re.I)
_LABEL_LEAD = re.compile(r"^(?:\s*\b(?:is|are|was|were|'s|that's|it's|its|thats|sounds?|seems?|looks?|like|"
                         r"honestly|um|uh|so|and|but|well|yeah|i mean|tbh|ngl|look|okay|ok|"
                         r"just|so|really|clearly|probably|definitely|classic|totally|and|but)\b"
                         r"[,\s]*)+", re.I)


_CLINICAL = (L.DIAGNOSIS | L.MEDICATION | {"abuse", "alcoholic", "addict", "ptsd", "disorder", "syndrome", "toxic",
                                          "trauma", "response", "episode", "clinically"}) - {
    "anxiety", "anxious", "panic", "depressed", "eating", "spectrum", "symptom", "symptoms", "classic", "textbook",
    "clinical", "paranoid", "insomnia"}


def _experience(fragment: str) -> str:
    """What the person lives through, named in their words: the fragment without the verdict's frame."""
    f = normalise(_trim(fragment))
    f = _LABEL_TAIL.sub("", _LABEL_LEAD.sub("", f)).strip(" ,")
    if re.fullmatch(r"what (?:you're|you are) (?:describing|going through|telling me|feeling)(?: right now)?", f, re.I):
        return f.lower()
    t = _noun_phrase(f)
    words = t.lower().split()
    if not words or set(words) & _CLINICAL or words[0] in {"needs", "need", "fyi", "yesterday", "today", "tonight",
                                                          "tomorrow", "real", "common", "classic", "sounds", "like"}:
        return ""
    if len(words) == 1 and (len(words[0]) < 5 or words[0].endswith(("ic", "ous", "ful", "ive", "al", "ble", "ly"))):
        return ""
    return t


def _sounds(t: str) -> str:
    """'Panic attacks after a crash sound' / 'Your anxiety about the courtroom sounds'."""
    return "sound" if _plural(t) or " and " in t else "sounds"


def _neighbour(sentence: str, lo: int, hi: int, read, avoid=()) -> tuple[str, int, int]:
    """A clause next to ``lo:hi`` that ``read`` can name as a topic (the one before first); the range grows over it."""
    segs = segments(sentence)
    before = [(a, b) for a, b in segs if b <= lo]
    after = [(a, b) for a, b in segs if a >= hi]
    for a, b in before[-1:] + after[:1]:
        if any(s < b and e > a for s, e in avoid):
            continue
        t = read(sentence[a:b])
        if t:
            return t, min(a, lo), max(b, hi)
    return "", lo, hi


_OBJECT_END = frozenset("the a an to of at on in your my his her their our from into this that these those some "
                        "any every one".split())
_DET_END = frozenset("the a an your my his her their our this that these those".split())
_TOPIC_PREP = frozenset("about for with over around".split())


def _right_of(phrase: str, right: str, joined: bool) -> str:
    """What follows the flagged phrase in its clause, as a topic: '' when it is only the object of the verdict.

    With ``joined``, a phrase that ends in a determiner or 'about'/'for' lends it back ("lazy about your" +
    "homework" -> "about your homework").
    """
    words = re.findall(r"[a-z']+", phrase.lower())
    last = words[-1] if words else ""
    if joined and (last in _DET_END or last in _TOPIC_PREP):
        tail = [last]
        if last in _DET_END and len(words) > 1 and words[-2] in _TOPIC_PREP:
            tail = [words[-2], last]
        return " ".join(tail) + " " + right.strip()
    if last in _OBJECT_END:
        return ""
    return right


def _diagnosis(sentence: str, start: int, end: int, lo: int, hi: int, avoid=()):
    out = []
    words = set(re.findall(r"[a-z']+", sentence.lower()))
    verb, rest, negated = _order(sentence[lo:hi])
    if verb and not negated:
        _, ger = _verb_phrase(verb, rest)
        if set(re.findall(r"[a-z']+", f"{verb} {rest}".lower())) & L.MEDICATION or verb in MED_VERBS:
            out.append(f"Would you like to talk with your prescriber about {ger}?")
        else:
            out.append(f"How would you feel about {ger}?")
    if words & L.MEDICATION:
        np_ = _medication_np(normalise(sentence[lo:hi]))
        if np_:
            out.append(f"How has it been going with {np_}? If you want, we can plan what to ask your doctor.")
    right = _right_of(sentence[start:end], sentence[end:hi], joined=False)
    t = _experience(sentence[lo:start]) or _experience(right)
    if not t and not out:
        t, lo, hi = _neighbour(sentence, lo, hi, _experience, avoid)
        if not t:
            r, lo2, hi2 = _neighbour(sentence, lo, hi, _reflection, avoid)
            if r:
                out.append(f"It sounds like {r}. What has that been like for you?")
                lo, hi = lo2, hi2
    if t.startswith("what you"):
        out.append(f"{t[0].upper() + t[1:]} sounds really hard. What has it been like for you?")
    elif t:
        verb = "have" if _plural(t) or " and " in t else "has"
        out += [f"{t[0].upper() + t[1:]} {_sounds(t)} really hard. What has it been like for you?",
                f"When you talk about {t}, what is that like for you?",
                f"It sounds like {t} {verb} been a lot. How would you describe it in your own words?"]
    else:
        for f in (sentence[lo:start], right):
            t0 = _lower_first(_you_perspective(_clean(normalise(_trim(f)))))
            if re.match(r"^(you|you're|you've|you'd|you haven't|you have|you can't|you don't)\b", t0) and \
                    _reflectable(t0) and not re.match(r"^you('ve| have)? (got|gotta|need|should|must)\b", t0):
                out.append(f"It sounds like {t0}. What has that been like for you?")
                break
    return out, lo, hi


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
    words = re.findall(r"[A-Za-z0-9']+", _trim(sentence))
    for i, w in enumerate(words):
        if w.lower() in L.MEDICATION:
            j = i
            while j > 0 and words[j - 1].lower() in {"your", "the", "my", "those", "these", "that", "this", "of",
                                                     "dose", "extra", "new", "night", "morning", "evening"}:
                j -= 1
            if i == 0 and w.lower() in {"taper", "wean", "refill", "titrate", "dose"}:
                continue  # a verb here ("Taper down ten milligrams"), not the medication
            k = i + 1
            while k < len(words) and words[k].lower() in L.MEDICATION | {"dose", "doses", "of"}:
                k += 1
            if words[k - 1].lower() == "of":
                k -= 1
            tail = " ".join(w.lower() for w in words[k:k + 3])
            when = re.match(r"^(?:every (?:day|morning|night|evening|month|week)|at night|in the morning|"
                            r"at bedtime)\b", tail)
            if when:
                k += len(when.group(0).split())
            np_ = " ".join(words[j:k])
            if j == i or words[j].lower() not in {"your", "the", "my", "those", "these", "that", "this"}:
                np_ = "the " + " ".join(words[i:k]) if j == i else np_
            return _lower_first(np_) if i == 0 and not np_.startswith("the ") else re.sub(
                r"^the ([A-Z])([a-z])", lambda m: "the " + m.group(1).lower() + m.group(2), np_) if i == 0 else np_
    return ""


# --- false_promise ------------------------------------------------------------------------------------------------------

_GUARANTEE_WORDS = re.compile(
    r"\b(i promise( you\b(?!['\u2019]))?|i swear( to you)?|i guarantee( you\b(?!['\u2019]))?|trust me|definitely|for sure|100 ?%|totally|"
    r"absolutely|i'?ll make sure( that)?|no doubt|i bet)\b[,]?\s*", re.I)


_PROMISE_MARKERS = re.compile(
    r",?\s*\b(i (?:promise|swear|guarantee) you(?= (?:the|a|your|this|that|it|everything|nothing|he|she|they|we|"
    r"nobody)\b)|i promise( you(?=\s*(?:[,.!]|$|that\b)))?( that)?( it(?=\s*(?:[,.!]|$)))?|i swear( to you)?( it(?=\s*(?:[,.!]|$)))?|"
    r"i guarantee( you(?=\s*(?:[,.!]|$|that\b)))?( that)?( it(?=\s*(?:[,.!]|$)))?|i can promise you that|"
    r"i know (?:it|they|you|he|she) (?:will|do|does|can)(?=\s*(?:[,.!]|$))|"
    r"guaranteed|trust me|definitely|def|for sure|100 ?%|one hundred percent|a hundred percent|totally|absolutely|"
    r"no prob(lem)?|no doubt|no question|promise|i bet|i know (that )?|i'm sure (that )?|i can tell|i can feel it|"
    r"you'll see|i'll see to it|believe me|mark my words|no matter what|easy|just watch)\b[,!]?",
    re.I)
_SECRECY = re.compile(r"\b(between us|secret|won't tell|wont tell|leave this room|nobody will|no one will|never tell|"
                      r"stays here|goes in a report|goes on (any|a) record|nobody needs to know|anonymous|"
                      r"not gonna tell|no one else will see)\b", re.I)
_AVAILABILITY = re.compile(r"\b(anytime|any time|day or night|24/7|always answer|always pick up|whenever|"
                           r"never log off|never sleep|any hour|always be (?:here|there) for)\b", re.I)


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


_FUTURE = re.compile(
    r"^(?P<subj>.*?)\s*(?:(?P<neg>won't|will not|wont|(?:isn't|aren't|ain't)\s+(?:gonna|going to))|"
    r"(?P<aux>'ll|will|(?:'s|is|'re|are|'m|am)\s+(?P<mid>(?:not|never|definitely|totally|def|just|really|so|"
    r"100%)\s+)*(?:gonna|going to)|(?P<mid2>(?:not|never)\s+)?(?:gonna|going to)))"
    r"\s+(?P<adv>(?:(?:never|ever|even|definitely|totally|absolutely|all|always|def|personally|really|just|surely|"
    r"certainly|100%|actually|still)\s+)*)(?P<verb>[a-z]+)\b(?P<rest>.*)$", re.I)
_SUBJECT_END = re.compile(r"(?:^|\s)((?:(?:the|your|my|his|her|their|our|this|that|these|those|a|an|all|no|every)\s+)?"
                          r"(?:[\w']+\s+){0,2}[\w']+)$", re.I)
_PRONOUNS = frozenset("i you he she it we they this that everything nothing everyone everybody nobody someone "
                      "tomorrow".split())
_DROP_ADVERBS = re.compile(r"\b(?:definitely|totally|absolutely|def|surely|certainly|100%|for sure)\s+", re.I)


def _split_subject(pre: str) -> tuple[str, str]:
    """('in a month', 'this') from 'in a month this': a fronted time phrase, then the subject."""
    pre = pre.strip(" ,")
    words = pre.split()
    if not words:
        return "", ""
    if words[-1].lower() in _PRONOUNS:
        return " ".join(words[:-1]), words[-1]
    for k in range(len(words)):
        if words[k].lower() in {"the", "your", "my", "his", "her", "their", "our", "those", "these", "no", "every"}:
            head = words[k:]
            if not any(w.lower() in _PREP for w in head):
                return " ".join(words[:k]), " ".join(head)
    return "", pre


def _hope(claim: str) -> tuple[str, str]:
    """(kind, text): a guarantee turned into what the supporter hopes, or what they can try.

    kind is 'hope' ("you get the apartment"), 'try' ("get you a bed upstairs": a promise of one's own),
    'sure' ("the VA approves the switch": "I'll make sure ..."), or '' when nothing fits.

    >>> _hope("you'll be in your own flat by Christmas"), _hope("he's never gonna touch you again")
    (('hope', "you're in your own flat by Christmas"), ('hope', "he doesn't touch you again"))
    >>> _hope("I'll make sure the VA approves the switch"), _hope("I'll get you a bed upstairs")
    (('sure', 'the VA approves the switch'), ('try', 'get you a bed upstairs'))
    """
    claim = re.sub(r"\s+", " ", claim).strip(" ,.!?;-")
    m = _FUTURE.match(claim)
    if not m:
        text = _DROP_ADVERBS.sub("", claim).strip()
        if re.match(r"^(i|i'm|i've|that's|that is|it's|this is|thats|its|there's)\b", text, re.I) or \
                not _has_content(text) or not _is_clause(text):
            return "", ""
        return "hope", re.sub(r"\bever again\b", "again", text)
    prefix, subj = _split_subject(m.group("subj"))
    verb, rest = m.group("verb"), m.group("rest").strip()
    adv = m.group("adv").lower().split()
    mid = ((m.group("mid") or "") + " " + (m.group("mid2") or "")).lower().split()
    negated = bool(m.group("neg")) or "never" in adv or "not" in mid or "never" in mid
    rest = re.sub(r"\b(?:for good|no matter what|or anything|either)\b", "", rest).strip(" ,")
    more = re.search(r"\s(?:,\s*)?(and|but)\s+(?=\S+(?:\s+\S+){0,2}?\s*(?:'ll|will|won't|(?:is|are|'s|'re) (?:not )?gonna)\b)",
                     rest)
    if more:  # "you'll get the subsidy and the kids will be fine": each promise becomes a hope
        kind2, text2 = _hope(rest[more.end():])
        head_kind, head = _hope(claim[:m.start("rest")] + " " + rest[:more.start()])
        if kind2 == "hope" and head_kind == "hope":
            return "hope", f"{head} {more.group(1)} {text2}"
    if subj.lower() in {"i", ""}:
        if not subj or negated:
            return "", ""
        if verb.lower() == "make" and re.match(r"^sure\b", rest, re.I):
            inner = re.sub(r"^sure\s+(?:that\s+)?", "", rest, flags=re.I)
            if not inner or inner.lower().startswith("of "):
                return "", ""
            kind, text = _hope(inner)
            if not kind and not re.match(r"^(i|i'm)\b", inner, re.I) and _has_content(inner):
                kind, text = "hope", _DROP_ADVERBS.sub("", inner).strip()
            return ("sure", text) if kind == "hope" else ("", "")
        return "try", " ".join(x for x in (verb.lower(), rest) if x)
    if verb.lower() == "be" and rest.split(" ", 1)[0].lower() in {"fine", "okay", "ok", "alright", "good"}:
        rest = re.sub(r"^\w+", lambda w: {"fine": "okay"}.get(w.group(0).lower(), w.group(0)), rest)
    rest = _DROP_ADVERBS.sub("", rest + " ").strip()
    keep_adv = " ".join(a for a in adv if a in {"all", "still"})
    verb_text = present(subj, verb, negated)
    if keep_adv:
        head, v = verb_text.rsplit(" ", 1) if " " in verb_text and not verb_text.endswith(("'re", "'s", "'m")) \
            else (verb_text, "")
        verb_text = f"{head} {keep_adv} {v}".strip() if v else f"{verb_text} {keep_adv}"
    if not negated and not is_plural_subject(subj) and verb.lower() != "be":
        rest = re.sub(r"\b(and|or) (\w+)\b", lambda w: f"{w.group(1)} {third_person(w.group(2))}"
                      if w.group(2).lower() in L.COMMON_VERBS | L.IMPERATIVE_VERBS else w.group(0), rest)
    text = " ".join(x for x in (prefix, verb_text, rest) if x)
    text = re.sub(r"\bever again\b", "again", text)
    return "hope", text


def _claim_range(sentence: str, lo: int, hi: int) -> tuple[int, int]:
    """The clauses that hold the guarantee: the flagged ones, or a neighbour when they only vouch for it."""
    flagged = normalise(sentence[lo:hi])
    if _has_content(_PROMISE_MARKERS.sub("", flagged).replace("I", "")) and not _WORRY.match(flagged):
        return lo, hi
    segs = segments(sentence)
    before = [(a, b) for a, b in segs if b <= lo and _has_content(_PROMISE_MARKERS.sub("", sentence[a:b]))]
    after = [(a, b) for a, b in segs if a >= hi and _has_content(_PROMISE_MARKERS.sub("", sentence[a:b]))]
    if before:
        return before[-1][0], (hi if not _WORRY.match(flagged) else before[-1][1])
    if after:
        return (lo if not _WORRY.match(flagged) else after[0][0]), after[0][1]
    return lo, hi


def _false_promise(sentence: str, start: int, end: int, lo: int, hi: int, avoid=()):
    out = []
    if _SECRECY.search(sentence):
        out.append("What you say here stays private, with a few limits I'll explain, like if someone's safety "
                   "is at risk.")
    if _AVAILABILITY.search(sentence):
        out.append("I can't always pick up, but I'll be here at our next time, and we can find other people you "
                   "can call when I'm not around.")
        return out, lo, hi
    lo, hi = _claim_range(sentence, lo, hi)
    claim = normalise(_trim(sentence[lo:hi]))
    claim = re.sub(r"^(?:and|but|so|or|then|look|oh|honestly|like|um|uh)\b[,\s]*", "", claim, flags=re.I)
    claim = _PROMISE_MARKERS.sub("", claim)
    claim = _REASSURANCE.sub("", claim)
    claim = re.sub(r"\s+", " ", claim).strip(" ,.!?;-")
    kinds = [_hope(c) for c in re.split(r",\s*", claim) if c.strip()] if claim else []
    kinds = [k for k in kinds if k[0]]
    if len(kinds) > 1 and all(k == "hope" for k, _ in kinds):  # "your dad comes around, and he's okay with it"
        kind, text = "hope", " and ".join(t for _, t in kinds)
    else:
        kind, text = _hope(claim) if claim else ("", "")
    if kind == "hope" and len(text.split()) >= 2:
        c0 = _lower_first(text)
        ready = f"I hope {c0}, and I can't promise it. What would help you get ready either way?"
        whatever = f"I hope {c0}, and I can't promise it. Whatever happens, we can work out the next steps together."
        # both closings, the better fit first: the model's check may turn one down
        out += [ready, whatever] if re.match(r"^(you|you're)\b", c0) else [whatever, ready]
    elif kind == "sure" and _has_content(text):
        out.append(f"I can't promise {_lower_first(text)}, but I can ask about it, and we can plan the next steps "
                   f"together.")
    elif kind == "try" and _has_content(text):
        out += [f"I can try to {text}, but I can't promise how it turns out.",
                f"I'll do what I can to {text}, and I can't promise it."]
    else:
        hedged = _hedge_claim(claim)
        if hedged and _has_content(hedged) and not re.match(r"^(i|i'm|i'll)\b", hedged, re.I):
            out.append(f"I hope {_lower_first(hedged)}, and I can't promise it. What would help you get ready "
                       f"either way?")
    return out, lo, hi


_BY_LABEL = {"power_over": _power_over, "judgment": _judgment, "diagnosis": _diagnosis,
             "false_promise": _false_promise}


# --- the rest of the sentence ---------------------------------------------------------------------------------------

_SPACE_PUNCT = re.compile(r"\s+([,.!?])")
_END_MARKS = re.compile(r"(?:([.!?])[.!?]+|,\s*([?.!]))$")
_LOWER_I = re.compile(r"\bi\b")


def _finish(text: str) -> str:
    text = " ".join(text.split())
    if " ," in text or " ." in text or " ?" in text or " !" in text:
        text = _SPACE_PUNCT.sub(r"\1", text)
    if len(text) > 1 and text[-2] in ".!?, ":
        text = _END_MARKS.sub(lambda m: m.group(1) or m.group(2), text)
    if "i" in text.split() or " i'" in f" {text}":
        text = _LOWER_I.sub("I", text)
    return text[0].upper() + text[1:] if text else text


def _norm_words(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))) + " "


def _clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    return _covering(sentence, start, end)


def _as_sentence(fragment: str) -> str:
    fragment = normalise(fragment.strip()).strip(",;:- ")
    fragment = re.sub(r"^(?:and|but|so|or|then|plus)\b[,\s]*", "", fragment, flags=re.I).strip()
    fragment = re.sub(r"[,;:\-\s]*\b(?:and|but|so|or|then|because|cause)$", "", fragment, flags=re.I).strip()
    if not fragment or not _has_content(fragment):
        return ""
    fragment = fragment[0].upper() + fragment[1:]
    return fragment if fragment[-1] in ".?!" else fragment + "."


_WORRY = re.compile(r"^(?:\W*(?:oh|look|and|but|so|um|uh|like|honestly)\b)*\W*(?:(?:don'?t|dont|do not|no need to)\s+"
                    r"(?:even\s+)?(worry|stress|panic|freak out)|(dw))\b(?:\s+(?:about\s+(?:it|that|this)(?:\s+part)?|"
                    r"at all|though|too much))*\W*$", re.I)
_VALIDATE = {"worry": "It makes sense to worry.", "stress": "It makes sense to feel stressed.",
             "panic": "It makes sense to feel some panic.", "freak out": "It makes sense to feel shaken."}
_INTERJECTION = re.compile(r"^\W*(?:oh\W+)?(?:come on|real talk|seriously|tbh|ngl|lol|honestly|i mean|look|listen|"
                           r"okay|ok|yeah|no|wow|dude|man|bro|girl|full stop|period|for real|fyi)\W*$", re.I)
_SUBORDINATE = re.compile(r"^(?:if|when|whenever|once|before|after|until|till|while|since)\b", re.I)
_ONLY_VOUCH = re.compile(r"^\W*(?:i promise|i swear|i guarantee|guaranteed|trust me|i can feel it|i can tell|"
                         r"you'll see|believe me|i know|i'm sure|for sure|no doubt|no question|100%|easy|promise|"
                         r"i got (?:you|u)|i'll see to it|mark my words|okay|ok|right|yeah)\b", re.I)


@lru_cache(maxsize=2048)
def _made(sentence: str, label: str, start: int, end: int, others: tuple) -> tuple[tuple[str, ...], int, int]:
    """The label's own rewrites of the clause around ``start:end`` and the range they replace (cached: a
    sentence's other concerns are rewritten again as its context)."""
    lo, hi = _covering(sentence, start, end)
    made, lo, hi = _BY_LABEL[label](sentence, start, end, lo, hi, list(others))
    return tuple(made), lo, hi


def _other_rewrite(sentence: str, span: tuple, avoid) -> tuple[str, int, int]:
    """The first rewrite of another flagged clause of the sentence, by its own label: (text, lo, hi)."""
    s2, e2, label2 = span
    if label2 not in _BY_LABEL:
        return "", 0, 0
    others2 = tuple((x, y) for x, y, *_ in avoid if (x, y) != (s2, e2))
    made, lo2, hi2 = _made(sentence, label2, s2, e2, others2)
    phrase = _norm_words(normalise(sentence[s2:e2]))
    for c in made:
        c = _finish(c)
        if c and c[-1] in ".?!" and not (len(phrase.split()) > 1 and _has_content(phrase) and phrase in _norm_words(c)):
            return c, lo2, hi2
    return "", lo2, hi2


def _context(sentence: str, lo: int, hi: int, avoid) -> tuple[list[str], str, list[str], str, set]:
    """(before, lead, after, validation, rewritten) around the rewritten range ``lo:hi``.

    ``before``/``after`` are the other clauses as sentences, ``lead`` a conditional clause ("if you're
    having those thoughts again") to put in front of the rewrite, ``validation`` what a "don't worry" becomes.
    A clause holding another flagged concern whose label is known (``avoid`` entries (start, end, label)) is
    replaced by that label's own rewrite; one whose label is unknown is left out.
    """
    replaced: list[tuple[int, int, str]] = []
    for span in avoid:
        if len(span) < 3:
            continue
        text, lo2, hi2 = _other_rewrite(sentence, span, avoid)
        if text and not (lo2 < hi and hi2 > lo) and not any(a < hi2 and b > lo2 for a, b, _ in replaced):
            replaced.append((lo2, hi2, text))
    items: list[tuple[str, object]] = []  # ("keep", (a, b)) | ("rewritten", text) | ("drop", None) | ("here", None)
    validation = ""
    done = set()
    for a, b in segments(sentence):
        if a < hi and b > lo:
            items.append(("here", None))
            continue
        rep_ = [r for r in replaced if r[0] < b and r[1] > a]
        if rep_:
            if rep_[0] not in done:
                done.add(rep_[0])
                items.append(("rewritten", rep_[0][2]))
            continue
        text = normalise(sentence[a:b])
        keep = True
        if any(s < b and e > a for s, e, *_ in avoid):
            keep = False
        else:
            w = _WORRY.match(text)
            if w:
                validation, keep = _VALIDATE[(w.group(1) or "worry").lower()], False
            elif _INTERJECTION.match(text) or not _has_content(_REASSURANCE.sub("", _PROMISE_MARKERS.sub("", text))) or \
                    (_ONLY_VOUCH.match(text) and len(_PROMISE_MARKERS.sub("", text).split()) <= 2):
                keep = False
        if keep and items and items[-1][0] == "keep":
            items[-1] = ("keep", (items[-1][1][0], b))
        else:
            items.append(("keep", (a, b)) if keep else ("drop", None))
    before, after, lead, seen = [], [], "", False
    for kind, val in items:
        if kind == "here":
            seen = True
        elif kind in ("keep", "rewritten"):
            (after if seen else before).append((kind, val))
    if before and before[-1][0] == "keep":
        text = sentence[before[-1][1][0]:before[-1][1][1]]
        if _SUBORDINATE.match(normalise(text).strip()) and sentence[:lo].rstrip().endswith(text.rstrip()):
            lead = _trim(normalise(text)).strip(" ,")
            before.pop()

    def sentences(part, drop_subordinate):
        out = []
        for kind, val in part:
            if kind == "rewritten":
                out.append(val)
                continue
            text = sentence[val[0]:val[1]]
            if drop_subordinate and _SUBORDINATE.match(normalise(text).strip()):
                continue
            t = _as_sentence(text)
            if t:
                out.append(t)
        return out

    rewritten = {text for _, _, text in replaced}
    return sentences(before, False), lead, sentences(after, True), validation, rewritten


def _in_context(sentence: str, lo: int, hi: int, cands: list[str], avoid=()) -> list[str]:
    """The rewrites with the sentence's other clauses kept around them ("keep what was fine").

    Context that holds another flagged concern (``avoid``: character spans) is left out: it was not fine.
    """
    before, lead, after, validation, rewritten = _context(sentence, lo, hi, avoid)
    if not (before or lead or after or validation):
        return []
    out = []
    for c in cands:
        have = content_words(c)
        # context the rewrite already carries would only repeat it
        b = [x for x in before if not content_words(x) <= have]
        z = [x for x in after if not content_words(x) <= have]
        core = c
        if lead and not content_words(lead) <= have:
            if c.split(" ", 1)[0] in {"How", "What", "Would", "Some"}:
                core = f"{lead[0].upper() + lead[1:]}, {c[0].lower() + c[1:]}"
            elif c.startswith("I hope ") and not c.startswith("I hope that "):
                core = f"I hope that {_lower_first(lead)}, {c[len('I hope '):]}"
        if b or z or core != c or validation:
            if c in _GENERIC.values():  # the stand-in answers what was said around it: it comes last
                if all(x in rewritten for x in b + z):
                    continue  # ... and only next to words of the supporter's own
                out.append(" ".join([validation] * bool(validation) + b + z + [core]))
            else:
                out.append(" ".join([validation] * bool(validation) + b + [core] + z))
    return out


# a person-driven clause in place of a flagged clause that keeps nothing else of its own (only with context)
_GENERIC = {
    "power_over": "What feels like a good next step to you?",
    "judgment": "That sounds like a lot to carry. What was going on for you then?",
    "diagnosis": "That sounds really hard. What has it been like for you?",
    "false_promise": "I can't promise how it turns out, but I'll be here, and we can take the next step together.",
}


def rewrite(sentence: str, label: str, start: int, end: int, avoid=()) -> list[str]:
    """Candidate rewrites of ``sentence`` for the flagged ``sentence[start:end]``, most faithful first.

    ``avoid`` lists the character spans of the sentence's other flagged concerns, as (start, end) or
    (start, end, label); a clause of a concern whose label is given is rewritten by that label in context.
    """
    make = _BY_LABEL.get(label)
    if make is None or not sentence.strip():
        return []
    avoid = [tuple(x) for x in avoid if (x[0], x[1]) != (start, end)]
    others = [(x[0], x[1]) for x in avoid]
    made, lo, hi = _made(sentence, label, start, end, tuple(others))
    base = [_finish(c) for c in made]
    # a rewrite that repeats another flagged concern of the sentence (outside this clause) is not an alternative
    repeats = [sentence[s:e].lower() for s, e in others if e <= lo or s >= hi]
    repeats_ctx = [_norm_words(normalise(sentence[s:e])) for s, e in others]
    phrase = _norm_words(normalise(sentence[start:end]))
    base = [c for c in base if c and not any(_norm_words(o) and _norm_words(o) in _norm_words(c) for o in repeats)]
    cores = base[:3]
    # the flagged clause had nothing of its own besides the phrase: a person-driven clause of the label stands in
    if not content_words(sentence[lo:hi], max(0, start - lo), max(0, end - lo)):
        cores.append(_GENERIC[label])
    cands = []
    for c in _in_context(sentence, lo, hi, cores, avoid) + base:
        c = _finish(c)
        if not c or c in cands or len(c.split()) > 100:
            continue
        if len(phrase.split()) > 1 and _has_content(phrase) and phrase in _norm_words(c):
            continue
        if any(len(o.split()) > 1 and _has_content(o) and o in _norm_words(c) for o in repeats_ctx):
            continue  # another concern's phrase came back through a rewrite of its clause
        cands.append(c)
    scored = [(retention(sentence, start, end, c, label), -i, c) for i, c in enumerate(cands)]
    scored.sort(reverse=True)
    return [c for _, _, c in scored]


__all__ = ["rewrite", "topic", "ADVERBS"]
