"""Rewrites of the supporter's own sentence, keeping its topic.

The sentence is read as clauses (:func:`coach.suggest.clause.segments`, on
spaCy tokens). The clause that holds the flagged phrase is rewritten by a
reframing of its own label, built from that clause's own words; the
sentence's other clauses are kept as they were ("keep what was fine"),
except those that hold another flagged concern, only reassure ("trust me",
"I swear"), only enforce ("that's the rule", "end of discussion"), press
("... or you'll lose the place") or name a clinical label. "Don't worry"
becomes "It makes sense to worry", where it was said.

- ``power_over``: the order's verb phrase handed back as a question
  ("You need to stop drinking this weekend" -> "How would you feel about
  stopping drinking this weekend?"), or offered as one option among others;
  the orders said next to it (unflagged, "don't" ones too) and the one a
  lead-in announces ("here's what I want you to do:") go into the same
  question, a present progressive ("you're going back home tonight") is read
  as the order it is, and a time said in front of it stays with it;
- ``judgment``: the verdict dropped, the situation kept and asked about
  with curiosity ("it's careless to X" / "your fault for Xing" / "Xing was
  stupid" -> Xing); stigmatising labels swapped for person-first words;
  when nothing else is left, what happened or what it was about ("your
  girlfriend");
- ``diagnosis``: the experience kept in their words and asked about, the
  label dropped (a person is asked about as a relationship: "things with
  your dad"; a cause as what it caused: "the voices are back"); medication
  questions handed to their prescriber, or the clinician they named;
- ``false_promise``: the guarantee turned into honest hope ("you'll get
  the apartment" -> "I hope you get the apartment, and I can't promise
  it"), a promise of one's own into what the supporter can really try; the
  neighbouring guarantees go with it, and vouching ("I'd put money on it")
  goes.

A rewrite that would repeat a flagged phrase word for word is changed as
little as it takes not to (:func:`_unrepeat`: a deadline dropped, a
particle moved) rather than given up.

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
from coach.suggest.vocative import vocative

FUNCTION = STOP | frozenset({"to", "a", "an", "the"})
_LEAD = re.compile(r"^(?:[,;:\-\s]|\b(?:to me|for me|to|for|about|with|of|on|at|by|because|cause|since|like|that|when|and|but|"
                   r"so|just|really|honestly|seriously|anyway|then|if|though|tho)\b)+", re.I)
_TRAIL = re.compile(r"(?:[,;:\-\s]|\b(?:is|was|are|were|'s|that's|it's|thats|its|that|this|sounds like|seems like|"
                    r"looks like|is like|like|and|but|so|just|really|to me|which is|honestly|because|it|kinda|"
                    r"kind of|sort of|sorta|pretty)\b)+$", re.I)

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


_CLAUSE_VERB = re.compile(r"\b(is|are|was|were|am|be|been|'s|'re|'m|have|has|had|do|does|did|can|could|will|never|"
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
    """Does the fragment hold its own finite verb (so it cannot follow 'about')?

    >>> _is_clause("you've got a new place now"), _is_clause("your new place")
    (True, False)
    """
    fragment = _possessives_out(fragment.replace("\u2019", "'"))
    return bool(_CLAUSE_VERB.search(fragment)) or bool(
        re.match(r"^(?:(you|u|i|we|they|he|she|it)\s+\w+|(?:you|i|we|they)'(?:ve|d|ll|re)\b)", fragment, re.I))


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
                            r"make|makes|made|gonna|going|got|gotta|can|could|would|should|will|do|does|did|not|"
                            r"all|every|each|whole)$", re.I)


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
    return _trim_str(str(fragment))  # a plain str key: a str subclass could keep its Doc alive in the cache


@lru_cache(maxsize=16384)  # the same clauses are trimmed again for every candidate of a sentence
def _trim_str(fragment: str) -> str:
    fragment = fragment.strip().strip(" ,;:-/").strip()  # (" / " joins chat messages: no part of either)
    fragment = re.sub(r"[.!?]+$", "", fragment).strip()
    fragment = re.sub(r"\blike (this week|today|tonight|tomorrow|right now|now)\b", r"\1", fragment, flags=re.I)
    prev = None
    while prev != fragment:
        prev = fragment
        if fragment[-8:].lower().rstrip("?!. ").endswith(("ok", "okay", "alright", "all right", "fine")) and re.search(
                r"\b(?:you're|i'm|it's|he's|she's|they're|we're|are|is|be|am|was|were|feel|feels|feeling|"
                r"doing)\s+(?:ok|okay|alright|all right|fine)\W*$", fragment, re.I):
            break  # "tell me you're okay": the state, not a tag
        fragment = _TAIL_WORDS.sub("", fragment).strip(" ,;:-")
        # a conjunction the clause ends on leads into the next clause ("call your mom and | then go in"): not its own
        fragment = re.sub(r"(?<=\w)[\s,]+(?:and|but|or)$", "", fragment, flags=re.I).strip(" ,;:-")
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
    f = re.sub(r"^(?:(?:i mean|you know|ya know|like|honestly|tbh|ngl|look|um|uh|so|well|oh|omg|wow|ugh|smh|lol|"
               r"jeez|geez|over)\b[,\s]*)+", "", f, flags=re.I).strip()
    if not f or not _has_content(f) or _is_clause(f) or not _reflectable(_lower_first(f)):
        return ""
    first = f.split()[0].lower()
    if _looks_like_verb(first) and not _is_gerund(first) and first not in {"sleep", "work", "drink", "use"}:
        return ""
    if first in {"gonna", "got", "gotta", "having", "being", "not", "no", "never", "ever", "one"} or \
            re.match(r"^(?:going|getting) to (?!the |that |this |a |an |my |your |his |her |their |our )", f):
        return ""
    words = f.split()
    if re.search(r"\b(?:sounds|seems|looks) like\b", f, re.I) or words[-1].lower() in {"he", "she", "they", "we"}:
        return ""  # "your brother sounds like he": a clause cut short
    if len(words) == 1 and words[0].lower() in _BARE_GERUNDS:
        return ""  # "letting", "living": what was let or lived is missing
    if words[0].lower().rstrip(".") in {"mr", "mrs", "ms", "miss", "dr"} or (
            len(words) <= 2 and all(w[:1].isupper() for w in words) and fragment.strip().find(f) > 0):
        return ""  # "Dale", "Mrs. Grant": a name the supporter called them by, not a topic
    if _not_a_topic(f):
        return ""
    return _lower_first(f)


# words a topic cannot start with: an object pronoun, cut from its verb ("her by letting her skip doses")
_PERSON_PRONOUNS = frozenset("him them me us".split())
# words that, after the first, show a clause cut loose rather than a noun phrase ("the assessor probably thought",
# "your cousin got hired")
_CLAUSE_INSIDE = frozenset("probably definitely actually totally basically literally seriously honestly got gets "
                           "went goes said says told did does thought knew never always already".split())


# talk in front of a topic ("yeah, leaving it in the drawer", "eh 4 weeks"): no part of it
_FILLERS_BEFORE_TOPIC = r"(?:(?:yeah|yes|eh|um|uh|oh|well|ok|okay|so|like|honestly|tbh|ngl|lol|right)\b,?\s*)+"
_TOPIC_FILLER = re.compile("^" + _FILLERS_BEFORE_TOPIC, re.I)
_FILLER_AFTER_ABOUT = re.compile(r"(?<=\babout )" + _FILLERS_BEFORE_TOPIC, re.I)  # "... tell me more about yeah, ..."
_DURATION = re.compile(r"(?:(?:the|these|those) )?(?:(?:last|past|first|next|whole|full|few|couple of) )*"
                       r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
                       r"\d+|a few|a couple of|several|many)?\s*(?:more )?(?:days?|weeks?|months?|years?|hours?|minutes?)"
                       r"(?: (?:clean|sober|now|ago|straight|in a row))?", re.I)
# the days and months the vocative lexicon lists as no names: a topic all the same ("every Sunday")
_WHEN = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march july september "
                  "october november december".split())


def _not_a_topic(f: str) -> bool:
    """Would "Can you tell me more about ``f``?" ask about something odd: chat slang or an interjection ("fr"),
    a lone word no lexicon knows (a name said in passing, "kofi": the person, not a topic), a person pronoun, or
    a clause cut loose?

    >>> [_not_a_topic(t) for t in ("fr", "kofi", "her by letting her skip doses", "the assessor probably thought")]
    [True, True, True, True]
    >>> [_not_a_topic(t) for t in ("her mom", "the new job", "Suboxone", "your cousin got hired")]
    [False, False, False, True]
    >>> [_not_a_topic(t) for t in ("two years", "a year", "the last 6 months", "the year ahead")]
    [True, True, True, False]
    >>> [_not_a_topic(t) for t in ("down tonight and fill it out", "goes home with someone", "back pain")]
    [True, True, False]
    >>> [_not_a_topic(t) for t in ("plenty", "hopefully", "the interview", "a bit")]
    [True, True, False, True]
    >>> [_not_a_topic(t) for t in ("the va tomorrow and put in for the appointment", "back home tonight", "the kids and work")]
    [True, True, False]
    >>> [_not_a_topic(t) for t in ("a couple of the nurses think", "shelters exist", "the interview")]
    [True, True, False]
    >>> [_not_a_topic(t) for t in ("junkies", "(laughs)", "the meetings")]
    [True, True, False]
    """
    from coach.suggest.content import INTERJECTIONS
    from coach.suggest.vocative import _NOT_NAMES, _known

    words = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z']*", f)]
    if re.search(r"[()\[\]]", f):
        return True  # "(laughs)", "[inaudible]": the transcriber's note, not what the person said
    if any(w in L.JUDGMENT or w.rstrip("s") in L.JUDGMENT or w in PERSON_FIRST for w in words):
        return True  # "junkies", "addicts": a stigma label is never what the person is asked about
    if not words or all(w in INTERJECTIONS or (w in _NOT_NAMES and w not in _WHEN) or w in STOP for w in words):
        return True
    if _DURATION.fullmatch(_TOPIC_FILLER.sub("", f.strip())):
        return True  # "two years", "a year", "six months": how long, not what to talk about
    if re.search(r"\b(?:sound|sounds|seem|seems|look|looks) like\b", f, re.I):
        return True  # "your grandkids sound like a handful": a clause
    if re.search(r"\b(?:if|because|cause|cuz|unless|when|while|whereas)\b|^(?:sorry|right)\b", f, re.I):
        return True  # "cutting because your boyfriend", "sorry but if you choose to drink": a clause cut loose
    if words[-1] in {"people", "folks", "everyone", "everybody", "others", "ppl"}:
        return True  # "most people": a comparison, not the person's topic
    if len(words) == 1 and f[:1].islower() and not _known(words[0]) and words[0] not in L.MEDICATION \
            and words[0] not in L.DIAGNOSIS:
        return True
    if words[0] in _PERSON_PRONOUNS or (words[0] == "her" and (len(words) == 1 or words[1] in FUNCTION)) or \
            words[0] in {"themselves", "himself", "herself", "yourself", "urself", "myself", "ourselves"}:
        return True  # ("themselves thru one turkey dinner": a clause cut after its verb)
    if len(words) == 1 and (words[0] in _QUANTIFIERS or _only_adverb(words[0])):
        return True  # "plenty", "hopefully": a quantity or a comment, not something to talk about
    if all(w in STOP or w in _QUANTIFIERS or w in {"bit", "lot", "while"} for w in words):
        return True  # "a bit", "a lot", "a while"
    if words[0] in _PARTICLES or words[0] in _EVERYONE or _finite_verb(words[0]):
        return True  # "down tonight and fill it out", "through here on a friday", "goes home with someone": cut clauses
    if len(words) > 1 and words[-1] in {"think", "thinks", "thought", "say", "says", "know", "knows", "reckon", "reckons",
                                        "exist", "exists", "reckoned"}:
        return True  # "a couple of the nurses think", "shelters exist": a clause, its verb last
    if words[0] == "back" and len(words) > 1 and words[1] in {"home", "to", "in", "into", "out", "there", "here", "on"}:
        return True  # "back home tonight": where a cut "go" was to take the person, not a topic
    for i, w in enumerate(words[1:-1], 1):
        if words[i - 1] in {"and", "then"} and w in L.IMPERATIVE_VERBS and \
                words[i + 1] in _DETS_OBJ | _PARTICLES | {"in", "for", "to", "with", "on", "at"}:
            return True  # "the va tomorrow and put in for the appointment": a second step, a clause
    return any(w in _CLAUSE_INSIDE for w in words[1:])


# words a verb phrase leaves behind when its verb is cut off ("sit | down tonight", "come | through here")
_PARTICLES = frozenset("down up out off through here there into onto over around away along".split())
_EVERYONE = frozenset("everybody everyone nobody somebody someone anyone anybody".split())  # "everybody here knows"
_QUANTIFIERS = frozenset("plenty lots loads most many some few several much more less all both".split())


def _only_adverb(word: str) -> bool:
    """Is ``word`` an adverb and nothing else in lemminflect's lexicon ("hopefully", "honestly")?"""
    from lemminflect import getAllLemmas

    return set(getAllLemmas(word)) == {"ADV"}


def _finite_verb(word: str) -> bool:
    """Is ``word`` only ever a verb, and inflected for a subject ("goes", "says", "keeps"), in lemminflect's lexicon?

    >>> [_finite_verb(w) for w in ("goes", "says", "drinks", "news", "kids")]
    [True, True, False, False, False]
    """
    from lemminflect import getAllLemmas

    if word in _THIRD_PERSON:  # (lemminflect also reads "goes", "makes" as plural nouns)
        return True
    lemmas = getAllLemmas(word)
    return word.endswith("s") and set(lemmas) == {"VERB"} and word not in lemmas["VERB"]


_THIRD_PERSON = frozenset("goes does has gets comes makes takes keeps thinks knows feels tries".split())


_BARE_GERUNDS = frozenset("letting making getting putting taking giving keeping having doing bringing living being "
                          "going saying telling feeling thinking trying".split())


# --- power_over ---------------------------------------------------------------------------------------------------------

_ORDER_LEAD = re.compile(
    r"^(?:(?:so|and|but|um|uh|er|like|okay|ok|look|listen|honestly|seriously|real talk|right now|though|then|"
    r"at some point|for now|here's the deal|the plan is|first thing you do is|i'm going to be blunt|"
    # "come on now, calm down": the interjection, not the verb "to come on"
    r"come on(?: now)?(?=,|\W*$)|"
    # "wouldn't it be smarter to just hand in your notice": the order, asked as a rhetorical question
    r"(?:wouldn't|wouldnt|would not|isn't|isnt) it be (?:smarter|better|easier|best|wiser|simpler) (?:for you )?to"
    r"(?: just)?(?=\s)|"
    # a vocative before a clause of its own ("man thats what happens"), not the verb "to man"
    r"(?:man|dude|bro|bruh|girl)(?=[,\s]+(?:that|thats|that's|this|it|its|it's|you|u|ur|you're|i|i'm|im|we|he|she|"
    r"they|there|there's|honestly|seriously|listen|look)\b)|"
    r"(?:the|what) (?:best |first |only |main )?(?:thing|move) (?:to do|you do|you can do|you need to do|you're gonna "
    r"do)(?: now| here| first| tonight| today| tomorrow| this week| right now)? is(?: to)?|"
    # "what you're gonna do is", "what u need to do is": the order is what follows
    r"what (?:you|u)(?:'re|'ll| are| r| will)?(?: (?:gonna|going to|need to|have to|gotta|got to|should|must))? do"
    r"(?: now| here| first| tonight| today| tomorrow)? is|"
    # "what I'd really want you to do right now is", "I've decided": the order or the decision follows
    r"what i(?:'d| would)? (?:really )?(?:like|want|need) (?:you|u) to do(?: right now| now| here| first| tonight| today)?"
    r" is|i(?:'ve| have)? (?:already )?decided(?: that)?|first thing (?:in the morning|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday)|"
    r"i mean|you know|yeah|well|anyway|now|i think|i really think|i do think|i really do think|i honestly think|"
    r"what i'd say is|my advice is|i feel like|maybe|tbh|ngl|imo|just|def|definitely|frankly|"
    r"really|please|pls|plz|first thing tomorrow|tomorrow|tonight|today|from now on|next time|"
    r"starting (?:tonight|today|tomorrow|now|this \w+|next \w+))\b[,:\s]*)+", re.I)
# a group's step said as what "we" all do ("let's leave the childhood stuff at the door"): handed back; "let's see",
# "let's talk about it", "let's take a breath" stay formulas
_LETS_STEP = re.compile(r"^(?:let's|lets|let us)(?: all| just| both)?\s+(?!(?:see|say|talk|think|be|hear|try|not|get you|"
                        r"have a|take a (?:breath|minute|moment|break|look))\b)(?=[a-z]+\b)", re.I)
_ORDER_FORMS = (
    (re.compile(r"^why (?:don't|dont|do not) (?:you|u|ya)\s+(?:just\s+)?", re.I), False),
    (re.compile(r"^(?:how about|what about) (?:you|u)\s+(?:just\s+)?", re.I), False),
    (re.compile(r"^i(?:'m| am|'ll| will)? (?:really |just )?(?:going to |gonna )?(?:want|need) (?:you|u) to\s+"
                r"(?:just\s+)?", re.I), False),
    # "I'd like you to call your aunt", "I'm telling you to go to the ER": the same order, said more politely or
    # more bluntly
    (re.compile(r"^(?:i(?:'d| would)(?: really)? (?:like|want|love|prefer)|i(?:'m| am) (?:telling|asking)) (?:you|u) "
                r"to\s+(?:just\s+)?", re.I), False),
    (re.compile(r"^(?:you|u)(?:'re| are)? (?:just )?(?:gonna|going to) (?:just )?have to\s+(?:just\s+)?", re.I), False),
    (re.compile(r"^make sure (?:that )?(?:you|u)\s+", re.I), False),
    (_LETS_STEP, False),
    # advice said as what the supporter would do in the person's place ("if i were u id just leave it blank",
    # "honestly, if I were you, I'd ring them"): the step, handed back
    (re.compile(r"^if i (?:were|was) (?:you|u|in your shoes|in ur shoes),? (?:i'd|id|i would)(?: just| probably| "
                r"honestly)?\s+", re.I), False),
    (re.compile(r"^(?:i'd|id|i would) (?:just |probably |honestly )?(?=\w+\b.*\bif i (?:were|was) (?:you|u)\b)", re.I),
     False),
    # "don't you dare accept their first offer": a ban said as a dare
    (re.compile(r"^(?:don't|dont|do not) (?:you|u) (?:even )?dare\s+", re.I), True),
    # a rule, a deal or the best thing said as what the person does ("the rule is you stay on the phone with me",
    # "best thing is you stay in tonight"): the step, handed back
    (re.compile(r"^(?:the |my |our |one |house )?(?:rule|deal|best thing|only thing)(?: for you)? (?:is|would be|'s)"
                r"(?: that)? (?:you|u)(?: just)?\s+(?!(?:are|were|was|have|had|do|did|can|could|will|would|'re|'ll)\b)",
                re.I), False),
    # the plan said as the person's own ("your plan is to go to your aunt's"): the step, handed back
    (re.compile(r"^(?:your|ur) (?:plan|job|goal|homework) (?:is|for (?:this|the) week is|for tonight is) (?:to|that "
                r"(?:you|u))\s+(?:just\s+)?", re.I), False),
    (re.compile(r"^(?:you|u)(?:'re| are| r) not allowed to\s+", re.I), True),
    (re.compile(r"^(?:you|u)(?:'re| are| r) (?:gonna|going to)\s+", re.I), False),
    # a softened order: "it might be best if you just stop calling", "it'd be better for you to go"
    (re.compile(r"^it(?:'s| is| might be| would be|'d be| may be| will be|'ll be) (?:probably |really )?(?:best|better|"
                r"a good idea|smart|wise|important) (?:if (?:you|u)|for (?:you|u) to|that (?:you|u)|to)\s+(?:just\s+)?",
                re.I), False),
    # a request that is an order: "can you just put the blade out", "could you please sign here"
    (re.compile(r"^(?:can|could|will|would) (?:you|u) (?:just |please )+", re.I), False),
)
# "isn't it about time you called her", "don't you think it's time you told him": an order said as what is overdue
_TIME_YOU = re.compile(r"^(?:(?:don't|dont|do not) (?:you|u) think )?(?:isn't it|isnt it|it's|its|it is)"
                       r"(?: about| high| really| probably| maybe)? time (?:that )?(?:you|u) (?:finally |just )?"
                       r"([a-z]+)\b(.*)$", re.I)
# "I'm going to need you at a meeting", "I need you back here": being somewhere
_NEED_YOU_AT = re.compile(r"^i(?:'m| am)? (?:really )?(?:going to |gonna |'ll |will )?(?:need|want) (?:you|u) "
                          r"(?=(?:at|in|on|back|here|there)\b)", re.I)


# "I want the bottles out of the house", "I need that room cleared by Monday": a thing and where it is to end up
_WANT_THING = re.compile(r"^i(?:'d| would)? (?:really |just |still )?(?:want|need) ((?:the|your|that|this|those|these|all|"
                         r"his|her|their)\b(?: [\w'-]+){1,3}?) ((?:out|off|away|back|sorted|done|fixed|cleared|cleaned|"
                         r"moved)\b.*)$", re.I)


_DESTINATION = frozenset("the every your a an my his her our their that this group school work church class court "
                         "rehab meetings hr detox bed na aa gym college uni hospital probation therapy treatment "
                         "counselling counseling clinic dinner lunch breakfast mass".split())
_DETS_OBJ = frozenset("him her it them me the a an your his my their our up out off down back".split())


def _is_verb(word: str) -> bool:
    """A word the lexicon knows as a verb ('grieve', 'cope')."""
    from lemminflect import getAllLemmas

    return _action_verb(word) or "VERB" in getAllLemmas(word.lower())


def _can_be_verb(word: str) -> bool:
    """'get', 'quit', an unknown word: yes; 'too', 'honest': no."""
    from lemminflect import getAllLemmas

    pos = getAllLemmas(word)
    return not pos or "VERB" in pos


def _order(clause: str, bare: bool = False) -> tuple[str, str, bool]:
    """(verb, rest, negated) of the order in ``clause``; verb '' when it holds none we can hand back.

    >>> _order("i want the old phone charger out of your room by tonight every last one your mum's fine with it")
    ('get', 'the old phone charger out of your room by tonight', False)
    >>> _order("you'll end up back on the ward"), _order("tbh id just leave him if i were u")
    (('', '', False), ('leave', 'him', False))
    >>> _order("Come March you'll be right as rain")
    ('', '', False)
    """
    return _order_str(str(clause), bare)


@lru_cache(maxsize=8192)  # asked again of the same clause by several rewrites of a sentence
def _order_str(clause: str, bare: bool) -> tuple[str, str, bool]:
    # (a filler between the order's lead and its verb is no part of either: "I'm gonna need you to, um, take")
    full = normalise(_trim(_FILLER.sub("", clause) if "," in clause else clause))
    text = _ORDER_LEAD.sub("", full).strip()
    if _FORMULA_OBJ.match(text) and not _LETS_STEP.match(text):
        return "", "", False  # "forgive me if ...", "trust me": a formula, not an order
    # a time said in front of the order ("at some point, you've got to let it go") stays with it, at its end
    when = _LEAD_TIME.search(full[:len(full) - len(text)])
    verb, rest, negated = _order_of(text, bare)
    rest = re.sub(r",?\s*\bif i (?:were|was) (?:you|u)\b\W*$", "", rest, flags=re.I)  # "leave him if i were u"
    if verb and when and when.group(0).lower() not in rest.lower():
        rest = f"{rest} {when.group(0).lower()}".strip()
    if verb in _NEEDS_OBJECT and not rest.strip(" ,.!?"):
        return "", "", False  # "you gotta admit": no object to ask about ("How would you feel about admitting?")
    if verb in {"end", "wind", "land"} and re.match(r"^up\b", rest, re.I):
        return "", "", False  # "you'll end up back on the ward": a fate foretold, no step to offer
    first = rest.split(" ", 1)[0].lower().strip(",.!?") if rest else ""
    if verb == "come" and first in _TIME_NAMES:
        return "", "", False  # "Come March you'll be right as rain": a time, no order
    if verb == "come" and re.match(r"^on\b(?!\s+(?:to|in|over|down|up|round|back|along|the|a|your|ur)\b)", rest, re.I):
        return "", "", False  # "come on, it's been six months": an interjection, no step to offer
    return verb, rest, negated


_TIME_NAMES = frozenset("""january february march april may june july august september october november december
    spring summer autumn fall winter monday tuesday wednesday thursday friday saturday sunday christmas easter
    payday""".split())

# verbs that cannot stand without their object in a question about doing them
_NEEDS_OBJECT = frozenset("admit accept face own take give put make bring tell get find handle fix use hand".split())


_LEAD_TIME = re.compile(r"\b(?:at some point|first thing (?:tomorrow|in the morning|monday|tuesday|wednesday|thursday|"
                        r"friday|saturday|sunday)|tomorrow(?: morning)?|"
                        r"tonight|today|this week(?:end)?|next time|starting (?:tonight|today|tomorrow))\b", re.I)


def _order_of(text: str, bare: bool = False) -> tuple[str, str, bool]:
    """(verb, rest, negated) of the order in ``text``, its lead-in already taken off."""
    at = _NEED_YOU_AT.match(text)
    if at:
        return "be", text[at.end():], False
    moved = _WANT_THING.match(text)
    if moved:  # "i want the bottles out of the house by friday": getting them there is the step handed back
        # (the rest of an unpunctuated turn goes: "... all of them", "... your wife's on board")
        where = re.sub(r"\s+(?:all of (?:them|it|that)|every (?:last |single )?one\b|(?:your|ur|his|her|their|my|our) "
                       r"\w+(?:'s|'re| is| are)\s).*$", "", moved.group(2), flags=re.I)
        return "get", f"{moved.group(1)} {where}", False
    time_you = _TIME_YOU.match(text)
    if time_you:
        # "isn't it about time you told your sister", "it's time u called ur ex": the past tense says what is due
        from lemminflect import getAllLemmas, getLemma

        word = time_you.group(1).lower()
        base = (getLemma(word, upos="VERB") or (word,))[0]
        if (base != word or word in _SAME_PARTICIPLE) and _action_verb(base):
            tail = time_you.group(2)
            # a verb joined to it is in the past too ("... and sorted the visits out"): in its base form, where it
            # is one the gerund knows; otherwise the question ends before it
            for m in re.finditer(r"\b(?:and|then) ([a-z]+)\b", tail, re.I):
                w = m.group(1).lower()
                b = (getLemma(w, upos="VERB") or (w,))[0]
                if b != w and "VERB" in getAllLemmas(w):
                    if _action_verb(b):
                        tail = tail[:m.start(1)] + b + tail[m.end(1):]
                    else:
                        tail = tail[:m.start()]
                    break
            return base, tail.strip(), False
    everyone = re.match(r"^(?:everyone|everybody|each of you|every one of you)(?: here| in here| in this room)? "
                        r"([a-z]+s)\b(.*)$", text, re.I)
    if everyone:  # "everyone does a check-out before heading off": a rule for the room, the step handed back
        from lemminflect import getLemma

        word = everyone.group(1).lower()
        base = (getLemma(word, upos="VERB") or (word,))[0]
        if base != word and (_action_verb(base) or base == "do") and base not in _STATIVE | {"be", "have"} \
                and _has_content(everyone.group(2)):
            return base, everyone.group(2).strip(), False
    no_more = re.match(r"^no (?:more )?(\w+ing)\b\s*(.*)$", text, re.I)
    # ("no quitting" on its own is a tag after an order, answered by what might make quitting tempting)
    if no_more and _is_gerund(no_more.group(1)) and no_more.group(1).lower() not in _STATES and (
            no_more.group(2).strip(" ,.!?") or re.match(r"^no more\b", text, re.I)):
        # "no more going out with that crowd": an order not to, said as a ban
        return _base(no_more.group(1).lower()), no_more.group(2), True
    for pattern, negated in _ORDER_FORMS:
        m = pattern.match(text)
        if m:
            # ("you shouldn't even apply": an adverb before the verb is no verb, "even" no "evening")
            rest = re.sub(r"^(?:(?:even|ever|really|just|actually|seriously|totally|honestly|probably|definitely|"
                          r"still|also|always|at least)\s+)+", "", text[m.end():], flags=re.I).split(" ", 1)
            verb, tail = rest[0].lower(), (rest[1] if len(rest) > 1 else "")
            if verb in _DESTINATION and re.search(r"going to\s+$", m.group(0), re.I):
                verb, tail = "go", f"to {text[m.end():]}"  # "you're going to every evening group": going there
            # the form says an action follows ("why don't you just unfriend him"): any word that can be a verb
            # heads it, not only the verbs we list
            ok = _action_verb(verb) or (verb.isalpha() and verb not in FUNCTION | _DETS_OBJ and _can_be_verb(verb))
            return (verb, tail, negated) if ok else ("", "", False)
    if re.match(r"^(?:you|u) (?:did|do) (?:\w+)\b", text, re.I) and not re.match(r"^(?:you|u) do (?:it|that|this|what)\b",
                                                                            text, re.I):
        return "", "", False  # "u did work that one job last yr": what they did, said with stress, no order
    planned = _PLAN_YOU.match(text)
    if planned:  # "the plan is you're telling your prescriber on Monday": decided, whatever the day
        text = text[planned.end():]
    decided = (_PLANNED if planned else _DECIDED).match(text)
    if decided and _decided_step(decided.group(1).lower(), decided.group(2)):
        # "you're calling your sponsor tonight", "ur moving in on monday": a step decided for the person, said as
        # what they are doing on a given day, handed back as the step ("How would you feel about calling ...")
        # a step joined to it is decided too ("... and putting in for it", "and you're telling her"): in its base
        # form, one list of actions
        tail = re.sub(r"\b(and|then) (?:(?:you|u)(?:'re| are| r) )?([a-z]+ing)\b",
                      lambda m: f"{m.group(1)} {_base(m.group(2).lower())}" if _is_gerund(m.group(2)) else m.group(0),
                      decided.group(2), flags=re.I)
        # ("you are not getting in that car tonight": the same, a ban)
        return _base(decided.group(1).lower()), tail.strip(), bool(re.match(r"^\S+\s+(?:\S+\s+)?not\b", text))
    c = analyse(text)
    after_modal = c.modal and c.subject in {"you", "u", ""} and c.modal not in {"will", "'ll", "want to", "wanna"} \
        and re.fullmatch(r"[a-z]+", c.verb or "") and c.verb not in _DETS_OBJ | {"be", "you", "i", "it", "that", "so"} \
        and _can_be_verb(c.verb)
    if not (_action_verb(c.verb) or after_modal) or c.subject in {"i", "we", "it", "that", "this"}:
        return "", "", False
    if _released(c) or _becoming(c):
        return "", "", False
    ing = (c.rest or "").split(" ", 1)
    if c.verb == "be" and c.modal in {"will", "'ll"} and _is_gerund(ing[0]) and ing[0].lower() not in _STATES:
        # "you'll be going", "you will be sleeping in the quiet room": the future said as what will happen, an order
        # of the action itself ("How would you feel about going?", not "being going")
        return _base(ing[0].lower()), ing[1] if len(ing) > 1 else "", c.negated
    words = text.lower().split()
    if c.verb in {"have", "be", "been"} and re.match(r"^(?:been|gotten|had|done|\w+ed|\w+en|gone|left|made|said|"
                                                    r"told|kept|sent|spent|lost|found|thought|bought|brought|"
                                                    r"caught|let|put|quit|run|come|become|stayed)\b", c.rest or ""):
        return "", "", False  # "you shouldn't have been drinking": what happened, not an order
    if not c.subject and not c.modal and (c.verb != (words[0] if words else "") or text.endswith("?") or not (
            c.verb in L.IMPERATIVE_VERBS or bare
            or (len(words) > 1 and words[1] in _DETS_OBJ))):
        return "", "", False
    return c.verb, c.rest, c.negated


# the present progressive with a day or hour on it ("you're calling him tonight", "you're moving in on Monday"): the
# future as settled; without one it is what the person is doing now ("you're drinking again"), no order
_DECIDED = re.compile(r"^(?:you|u)(?:'re| are| r|re)\s+(?:not\s+)?([a-z]+ing)\b(?=.*\b(?:tonight|tomorrow|tmrw|tmr|today|this (?:morning|"
                      r"afternoon|evening|week|weekend)|next (?:week|time|session|meeting|month)|first thing|"
                      r"(?:on |this |next |by )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|weds|"
                      r"thurs|fri|sat|sun)|at (?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|"
                      r"midday)|all week|from (?:here|now on)|every (?:night|day|morning|evening|week|visit|session)|by "
                      r"(?:morning|tonight|tomorrow|the weekend))\b)(.*)$", re.I)


# a plan, deal or rule announced as what the person is doing ("the plan is you're telling your prescriber Monday")
_PLAN_YOU = re.compile(r"^(?:(?:the|my|our|so the|here's the) (?:plan|deal|rule)(?: for (?:you|u|tonight|today|this "
                       r"week))? (?:is|'s)|here's what's (?:happening|going to happen|gonna happen))[,:]? (?:that )?"
                       r"(?=(?:you|u)(?:'re| are| r|re)\s)", re.I)
_PLANNED = re.compile(r"^(?:you|u)(?:'re| are| r|re)\s+(?:not\s+)?([a-z]+ing)\b(.*)$", re.I)
# the states a progressive names ("you're doing okay", "you're telling me", "you're getting better") that are steps
# when an object follows ("you're doing the evening group", "you're telling your prescriber")
_STATE_STEPS = frozenset("doing telling getting making talking asking".split())
_OBJECT_START = re.compile(r"^\s*(?:the|your|ur|a|an|that|this|those|these|them|him|her|his|their|every|all|some)\b", re.I)


def _decided_step(gerund_: str, tail: str) -> bool:
    """Is ``gerund_`` (+ ``tail``), said in the progressive of a settled future, a step the person is told to take?

    >>> _decided_step("doing", " the evening group all week"), _decided_step("doing", " okay tonight")
    (True, False)
    >>> _decided_step("redoing", " your cv tonight"), _decided_step("telling", " me tonight")
    (True, False)
    """
    if not (_is_gerund(gerund_) or (gerund_.endswith("ing") and _base(gerund_) != gerund_
                                    and _can_be_verb(_base(gerund_)))):
        return False
    if gerund_ in _STATES and not (gerund_ in _STATE_STEPS and _OBJECT_START.match(tail)):
        return False
    base = _base(gerund_)
    return _action_verb(base) or (base.isalpha() and base not in FUNCTION | _DETS_OBJ and _can_be_verb(base))


def _released(c) -> bool:
    """A necessity said with "not" ("you don't have to go back down", "you don't need to explain") frees the person
    from a step: it is no order, and handing it back as one ("How do you feel about having to go ...?") turns
    its meaning around.

    >>> _released(analyse("you don't have to go back down to dinner")), _released(analyse("you have to go back"))
    (True, False)
    >>> _released(analyse("u don't need to explain yourself to me"))
    True
    """
    return bool(c.negated and c.verb in {"have", "need", "has", "needs"} and re.match(r"^to\s+\w", c.rest or ""))


def _release_of(clause: str) -> str:
    """The step a release frees the person from, to leave it with them ('' when the clause is no release).

    >>> _release_of("honestly u dont have to go back down to dinner, ok?")
    'go back down to dinner'
    >>> _release_of("you have to go back down to dinner")
    ''
    """
    text = _ORDER_LEAD.sub("", normalise(_trim(clause))).strip()
    c = analyse(text)
    if c.subject not in {"you", "u"} or not _released(c):
        return ""
    step = _clean(re.sub(r"^to\s+", "", c.rest))
    return step if _has_content(step) and not _is_clause(step) else ""


# adjectives a "go" / "get" / "turn" can head as a change of state ("you'll go manic", "you'll get sick")
_BECOME = frozenset("go get turn become grow fall".split())


def _becoming(c) -> bool:
    """A prediction of how the person will become ("you'll go manic", "you'll get sick") is no step to take: the
    verb's complement is an adjective, not a place or a thing.

    >>> _becoming(analyse("You'll go manic")), _becoming(analyse("you'll get worse")), _becoming(analyse("you'll go home"))
    (True, True, False)
    >>> _becoming(analyse("you'll get a job"))
    False
    """
    from lemminflect import getAllLemmas

    words = re.findall(r"[a-z']+", (c.rest or "").lower())
    if c.verb not in _BECOME or not words:
        return False
    head = words[1] if words[0] in {"really", "so", "too", "very", "more", "even", "super", "pretty", "all"} \
        and len(words) > 1 else words[0]
    pos = getAllLemmas(head)
    # ("get rid of", "get ready": steps; "go home", "go back": places, which the lexicon also knows as adverbs)
    return head in {"worse", "better", "sicker", "crazy"} or (
        "ADJ" in pos and "ADV" not in pos and head not in {"rid", "ready", "clean"})


_COERCIVE_TAIL = (r",?\s*\b(?:no matter what|whether you like it or not|like it or not|or else|end of story|"
                  r"end of discussion|no discussion|no ifs or buts|no ifs|no excuses|no skipping|no arguments|no arguing|"
                  r"no buts|no exceptions)\b.*$")
# a progressive that tells how the person is, not what they are to do ("you're feeling", "you're doing great")
_STATES = frozenset("feeling being doing trying thinking looking saying getting telling talking asking wondering "
                    "struggling working having making".split())


_NOW_ALREADY = re.compile(r"\b(?:now|tonight|today|tomorrow|this (?:week|weekend|morning|evening|afternoon)|"
                          r"next (?:week|time|month)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                          r"anymore|again|ever)\b", re.I)


# a "don't" that dismisses what the person feels ("cheer up", "don't be stupid", "stop worrying"): handed back as
# "How do you feel about being stupid?" it keeps the verdict, or turns the brush-off into a question about it
_DISMISSAL = re.compile(r"^(?:not )?(?:cheer(?:ing)? up|grow(?:ing)? up|calm(?:ing)? down|get(?:ting)? over (?:it|him|her|"
                        r"them|this|that)|com(?:e|ing) on|man(?:ning)? up|toughen(?:ing)? up|suck(?:ing)? it up|"
                        r"snap(?:ping)? out of it|chill(?:ing)?(?: out)?|relax(?:ing)?|lighten(?:ing)? up|"
                        r"(?:stop(?:ping)? |keep(?:ing)? )?(?:worry(?:ing)?|stress(?:ing)?|panick?(?:ing)?|cry(?:ing)?|"
                        r"whin(?:e|ing)|complain(?:ing)?|sulk(?:ing)?|mop(?:e|ing)|overthink(?:ing)?|overreact(?:ing)?|"
                        r"freak(?:ing)? out|dwell(?:ing)? on it)|(?:be|being) (?:so |such )?(?:a baby|sad|upset|like that|"
                        r"silly|soft|sensitive|negative|down))\b(?:\s+(?:so much|about it|about that|over it|"
                        r"right now|now|so|anymore))*\W*$", re.I)
# ... with the verdict words of judgment (_VERDICT_WORDS, below)
_BAN_VERDICT = frozenset("""dumb silly idiot idiotic foolish coward baby sensitive overthink overthinking overreacting
    stupid""".split())
# giving up on something ("don't quit", "don't give up"): "How do you feel about quitting right now?" sounds like
# an offer to quit; what draws them to it is asked instead
_GIVE_UP = re.compile(r"^(?:quitting|giving up|dropping out|stopping trying|throwing (?:it|that|this) away)\b", re.I)


_FEELING_NOW = ("What are you feeling right now?",
                "What would help you most right now?")


def _feeling_questions(ger: str) -> list[str]:
    """A brush-off's own words turned to what the person feels or wants: "being so dramatic about the move" -> "What
    are you feeling about the move right now?", "calming down" -> "What would help you calm down right now?".

    >>> _feeling_questions("being such a baby about the injections")[0], _feeling_questions("stopping stressing")[0]
    ('What are you feeling about the injections right now?', "What's been stressing you most?")
    >>> _feeling_questions("relaxing")[0], _feeling_questions("cheering up")[0]
    ('What would help you relax right now?', 'What are you feeling right now?')
    """
    about = re.search(r"\b(?:about|abt|over)\s+((?:the|your|ur|his|her|their|my|this|that|those|these)?\s*[\w' -]+)$",
                      ger, re.I)
    if about and _has_content(about.group(1)) and about.group(1).lower() not in {"it", "that", "this", "nothing"}:
        return [f"What are you feeling about {_you_perspective(about.group(1).strip())} right now?", *_FEELING_NOW]
    stem = re.search(r"\b(stress|worry|relax|calm|chill)", ger, re.I)
    if stem:  # the feeling the brush-off named: what is behind it, or what would help with it
        asked = {"stress": "What's been stressing you most?", "worry": "What's been worrying you most?",
                 "relax": "What would help you relax right now?", "calm": "What would help you calm down right now?",
                 "chill": "What would help you chill out right now?"}[stem.group(1).lower()]
        return [asked, *_FEELING_NOW]
    return list(_FEELING_NOW)


def _dismissal(ger: str) -> bool:
    """Is the order's gerund a brush-off ("cheering up", "stopping worrying so much") or does it carry a verdict
    ("being stupid about it")? Said either way, "don't" or not, it is no step to ask the person about.

    >>> _dismissal("calming down"), _dismissal("not being so dramatic"), _dismissal("calling your sister")
    (True, True, False)
    """
    ger = re.sub(r"^not\s+", "", ger)
    return bool(_DISMISSAL.match(ger) or set(re.findall(r"[a-z'-]+", ger.lower())) & (_BAN_VERDICT | _VERDICT_WORDS))


def _without_dismissals(vp: str, ger: str) -> tuple[str, str]:
    """The steps of a joined order without the brush-offs among them: "grow up and call your mother" -> "call your
    mother" (all of it when it is all brush-off, or the parts don't line up).

    >>> _without_dismissals("calm down and ring the clinic", "calming down and ringing the clinic")
    ('ring the clinic', 'ringing the clinic')
    """
    vps, gers = re.split(r"\s+and\s+", vp), re.split(r"\s+and\s+", ger)
    if len(vps) != len(gers) or len(gers) < 2:
        return vp, ger
    kept = [(v, g) for v, g in zip(vps, gers) if not _dismissal(g)]
    if not kept or len(kept) == len(gers):
        return vp, ger
    return " and ".join(v for v, _ in kept), " and ".join(g for _, g in kept)


def _ban_questions(ger: str) -> list[str]:
    """What a "don't ..." order becomes: what they want or feel, asked, never the brush-off or verdict handed back.

    >>> _ban_questions("not going back to the flat")[0]
    'How do you feel about going back to the flat right now?'
    >>> _ban_questions("being silly about it")[0], _ban_questions("giving up on the course")[0]
    ('What are you feeling right now?', 'What has been making you think about giving up on the course?')
    >>> _ban_questions("not believing you did that lmao")[0], _ban_questions("not being another one")[0]
    ('What are you feeling right now?', 'What are you feeling right now?')
    """
    ger = re.sub(r"^not\s+", "", ger)
    if _dismissal(ger) or re.match(r"^(?:believing|imagining|understanding|getting why)\b", ger) or \
            re.match(r"^being (?:another|one of|the (?:next|same)|like|that|a)\b|^making me\b", ger):
        # ("dont be another one": becoming one of a group the supporter judged, no step to ask about)
        # ("can't believe you did that": disbelief at the person, not a step they could take)
        return _feeling_questions(ger)
    if _GIVE_UP.match(ger):
        return [f"What has been making you think about {ger}?", f"What are your thoughts on {ger}?"]
    return [f"How do you feel about {ger}{_right_now(ger)}?", f"What are your thoughts on {ger}?"]


def _right_now(ger: str) -> str:
    """' right now' to ask about a ban as it stands now; '' when the action already says when ("going back to
    that flat tonight right now" would say it twice).

    >>> _right_now("not calling him"), _right_now("going back to the flat tonight")
    (' right now', '')
    """
    return "" if _NOW_ALREADY.search(ger) else " right now"


def _verb_phrase(verb: str, rest: str) -> tuple[str, str]:
    """The infinitive and gerund phrases: 'go lie down' -> ('go lie down', 'going to lie down')."""
    rest = re.sub(r"\s+(?:or|or else|otherwise)$", "", rest.strip())
    # a coercive tail is no part of the action: "... no matter what the hospital says", "... whether you like it or not"
    rest = re.sub(_COERCIVE_TAIL, "", rest, flags=re.I).strip()
    # "... or the evidence is gone", "... or you'll lose the place": the consequence that presses, not the action
    rest = re.sub(r",?\s*\bor (?:else |otherwise )?(?:you'll|you will|you're|ur|i'll|i'm|i will|we'll)\b.*$", "",
                  rest, flags=re.I).strip()
    # "... and you're gonna call them": one person, one list of actions ("... and call them")
    rest = re.sub(r"\b(and|or)(?: then)? (?:you|u)(?:(?:'re| are)? (?:gonna|going to|'ll|will|gotta|have to|need to|"
                  r"should|must))? (?=\w)", r"\1 ", rest, flags=re.I)
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


def _names_a_thing(phrase: str) -> bool:
    """Does the phrase end in a noun ('the rule in this group'), not an adjective ('honest') or a verb?"""
    from lemminflect import getAllLemmas

    head = _head(phrase)
    pos = getAllLemmas(head) if head else {}
    first = phrase.split()[0].lower() if phrase.split() else ""
    # a phrase of its own ("the rule in this group", "skipping meals"), not a cut ("whole night")
    whole = first in _DET_END | {"a", "an", "some", "any", "those", "these"} or _is_gerund(first)
    when = head in {"day", "days", "night", "nights", "week", "weeks", "morning", "time", "month", "year", "now"}
    return bool(head) and whole and not when and (not pos or "NOUN" in pos or "PROPN" in pos) and len(head) > 2


def _progressive_order(text: str) -> tuple[str, str, bool]:
    """(gerund, rest, negated) of an order given in the present progressive ("you're ringing it tonight", "you're
    not going back to your room"); ('', '', False) when the clause is not one."""
    m = re.match(r"^(?:you|u)(?:'re| are| r)( not)? (\w+ing)\b(.*)$",
                 _ORDER_LEAD.sub("", normalise(_trim(text))).strip(), re.I)
    if not m or not _is_gerund(m.group(2)) or m.group(2).lower() in _STATES or re.match(
            r"^\s*(?:to|through)\b", m.group(3)):
        return "", "", False
    return m.group(2).lower(), re.sub(_COERCIVE_TAIL, "", m.group(3), flags=re.I).strip(), bool(m.group(1))


def _base(gerund_: str) -> str:
    """'ringing' -> 'ring', 'going' -> 'go'."""
    from lemminflect import getLemma

    return (getLemma(gerund_, upos="VERB") or (gerund_,))[0]


_STATIVE = frozenset("need want know have feel like love think get got hate mean seem look sound deserve".split())


def _adjacent_order(sentence: str, a: int, b: int, avoid=()) -> tuple[str, str] | None:
    """(verb phrase, gerund phrase) of an order the clause ``a:b`` gives ("don't listen to them" -> "not listen to
    them", "not listening to them"); None when it gives none, or holds another flagged concern."""
    if any(s < b and e > a for s, e, *_ in avoid):
        return None
    text = normalise(_trim(sentence[a:b]))
    if re.match(r"^(?:or|if|unless|because|cause|so|when|until|before|after)\b", text, re.I):
        return None  # a condition or a consequence, not another order
    verb, rest, negated = _order(text)
    if not verb:
        ing, rest, negated = _progressive_order(text)
        if ing:  # "you're not going back to your room alone tonight"
            vp, ger = f"{_base(ing)} {rest}".strip(), f"{ing} {rest}".strip()
            return (f"not {vp}", f"not {ger}") if negated else (vp, ger)
    if not verb or verb in {"you", "i", "we", "it", "that", "be"} | _STATIVE:
        return None  # "you need that dose" tells, it does not order
    rest = re.sub(r"\s*\b(?:rn|now|right now|asap|already|immediately|seriously)$", "", rest, flags=re.I).strip()
    if not rest and verb in {"go", "hurry", "do", "move", "come"} or verb == "come" and rest.lower() == "on":
        return None  # "seriously go rn": urgency, not another step; "come on now": an interjection
    vp, ger = _verb_phrase(verb, rest)
    return (f"not {vp}", f"not {ger}") if negated else (vp, ger)


# a clause that only announces the orders after it ("right, here's what you're doing tomorrow:")
# the supporter's next step against the person, said as the consequence of a condition ("if you miss it, I'm calling
# your worker")
_TELLING_ON = re.compile(r"^\W*(?:then\s+)?(?:i'?m|im|i am|i'?ll|ill|i will)\s+(?:gonna\s+|going to\s+)?(?:telling|tell|"
                         r"calling|call|ringing|ring|reporting|report|phoning|phone|informing|inform|texting|text)\b",
                         re.I)
_HAPPENING = re.compile(r"^(?:(?:right|ok|okay|so|and|now|listen|look)\W+)*(?:(?:here's|heres|here is|this is) what(?:'s| is) "
                        r"(?:happening|gonna happen|going to happen)|(?:here's|heres|here is|this is) how (?:tonight|today|"
                        r"tomorrow|this|it|things|the week|the weekend|the next bit) (?:goes|go|is going to go|is gonna go|"
                        r"works|will work|will go|'s gonna go|plays out))\b\W*$", re.I)
_ANNOUNCED = re.compile(r"^(?:(?:right|ok|okay|so|and|now|listen|look)\W+)*here's (?:what (?:you|u)(?:'re| are)? "
                        r"(?:doing|gonna do|going to do|need to do|have to do)|the plan)\b(?: (?:tomorrow|tonight|today|"
                        r"now|first))?\W*$", re.I)
# an order announced or tagged as "the plan" / "the deal" ("the plan is, you ...", "..., that's the deal")
_NAMED_PLAN = re.compile(r"\b(?:the|that's the|thats the|here's the|this is the) (plan|deal)\b", re.I)


# a view the order or promise overrides: "no matter what the hospital says", "whatever your mum thinks"
_OVERRIDDEN = re.compile(r"\b(?:no matter what|regardless of what|whatever)\s+((?:the|your|ur|his|her|their|my|our)\s+"
                         r"(?:[a-z'-]+\s+){0,2}?[a-z'-]+)\s+(says|thinks|wants|decides|tells you)\b", re.I)


def _overridden_view(text: str) -> str:
    """The question that hands back a view an order or a promise overrode ("no matter what the hospital says"):
    what the person makes of it ('' when there is none).

    >>> _overridden_view("you go back monday no matter what the hospital says")
    'What do you make of what the hospital says?'
    >>> _overridden_view("no matter what happens"), _overridden_view("whatever you want")
    ('', '')
    """
    m = _OVERRIDDEN.search(text.replace("\u2019", "'"))
    if not m:
        return ""
    who = re.sub(r"^ur\b", "your", m.group(1).lower())
    if set(who.split()[1:]) & FUNCTION:
        return ""
    return f"What do you make of what {who} {m.group(2).lower()}?"


# an ultimatum put as a condition: "if you don't take the first place they offer, you'll go to the bottom of the list"
_COND_LEAD = r"^(?:(?:and|so|but|look|listen|honestly|okay|ok|like|um|uh|well|yeah)\b[,\s]*)*"  # talk before it
_IF_NOT = re.compile(_COND_LEAD + r"(?:(?:if|unless) (?:you|u) "
                     r"(?:don't|dont|do not|won't|wont|will not|can't|cant)|unless (?:you|u))\s+(?:just |even )?([a-z]+)\b"
                     r"(.*)$", re.I)
_THEN_CONSEQUENCE = re.compile(r"^(?:then |and )?(?:you'll|you will|youll|u'll|ull|(?:you're|youre|ur|you|u) (?:gonna|"
                               r"going to)|you are going to)\s+(?:just |probably |definitely )?([a-z]+)\b(.*)$", re.I)


_GATE = re.compile(_COND_LEAD + r"(?:you|u) (?:can't|cant|cannot|won't|wont)"
                   r" ((?:get|have|keep|stay|come|go|see|use|move)\b.+?),? (?:unless|until|till) (?:you|u) (?:just )?"
                   r"([a-z]+)\b(.*)$", re.I)


# something held back until the person meets a condition, said by the supporter ("I'm not passing your name on until
# you've got three weeks of tests", "your voucher stays in my drawer till you've done the course", "no referral unless
# you sign the contract", "the manager doesn't hear your name from me till you've done the refresher")
_HELD = re.compile(r"^(?P<held>.*?(?:\b(?:not|no|stays?|stay put|off the table|on hold|locked|dont|doesnt|wont|cant|"
                   r"isnt|aint)\b|n't\b).*?),? "
                   r"(?:until|unless|till|til) (?:you|u)(?:'ve|ve| have)? (?:just |finally |actually )?(?P<verb>[a-z]+)\b"
                   r"(?P<rest>.*)$", re.I)


def _held_until(said: str) -> list[str]:
    """The condition of a gate the supporter keeps ("... until you've done four weeks of meetings"), asked about as
    the person's to weigh; [] when ``said`` is no such gate.

    >>> _held_until("your housing voucher stays in my drawer until you've done four weeks of meetings")
    ['How do you feel about doing four weeks of meetings?']
    >>> _held_until("no detox referral unless you sign the abstinence contract first")
    ['How do you feel about signing the abstinence contract first?']
    >>> _held_until("i'm not leaving until you're safe"), _held_until("you can stay until you find a place")
    ([], [])
    """
    m = _HELD.match(said)
    if not m:
        return []
    from lemminflect import getLemma

    word = m.group("verb").lower()
    verb = (getLemma(word, upos="VERB") or (word,))[0] if word not in _DETS_OBJ else ""
    # ("until you've got three weeks of tests", "... done the course": getting and doing are steps here)
    if not verb or not (_action_verb(verb) or _can_be_verb(verb)) or verb in (_STATIVE - {"get", "have"}) | {"be"} \
            or (word in FUNCTION and verb not in {"do", "get", "have", "make", "go"}):
        return []
    rest = _TRAIL.sub("", re.sub(_COERCIVE_TAIL, "", m.group("rest"), flags=re.I)).strip(" ,")
    rest = re.sub(r"^(?:like,?\s+|um,?\s+|uh,?\s+)+", "", rest, flags=re.I)
    rest = re.split(r",?\s+(?:sorry|simple as|that's|thats|end of|no exceptions)\b", rest, maxsplit=1, flags=re.I)[0]
    if not rest or not _has_content(rest) or re.search(r"\b(?:me|i|my)\b", rest, re.I):
        return []
    _, ger = _verb_phrase(verb, rest)
    if _dismissal(ger):
        return []
    return [f"How do you feel about {ger}?"]


# the supporter's help withdrawn if the person does something ("If you go back a third time, I'm done helping you")
_DONE_IF = re.compile(r"^(?:if|when) (?:you|u) (?!(?:don't|dont|do not|won't|wont|can't|cant)\b)([a-z]+)\b(.*?),? "
                      r"(?:then )?(?:i'm|im|i am|i'll be|ill be|we're|we are) (?:done|finished|through)\b\s*(.*)$", re.I)


def _threat(sentence: str, lo: int, hi: int) -> tuple[list[str], int, int] | None:
    """A threat to stop helping if the person does something, said in the flagged clause and the condition before it:
    what would help them not do it, asked, and the help the supporter wants to keep giving, said.

    >>> _threat("If you go back a third time, I'm done helping you, and I mean that.", 29, 52)[0]
    ['What would help you not go back a third time? I want to keep helping you.', 'What would help you not go back a third time?']
    """
    segs = segments(sentence)
    k = next((i for i, (a, b) in enumerate(segs) if a <= lo < b), None)
    if k is None:
        return None
    a = segs[k - 1][0] if k and re.match(r"^\W*(?:if|when)\b", sentence[segs[k - 1][0]:segs[k - 1][1]], re.I) else lo
    m = _DONE_IF.match(normalise(_trim(sentence[a:segs[k][1]])))
    if not m or not (_action_verb(m.group(1).lower()) or _can_be_verb(m.group(1).lower())) \
            or m.group(1).lower() in _STATIVE | {"be", "are", "were", "was", "have", "had", "do", "did"}:
        return None
    vp = f"{m.group(1).lower()} {_TRAIL.sub('', m.group(2)).strip(' ,')}".strip()
    keep = re.match(r"^(?:with )?((?:helping|vouching for|backing|covering for|working with) (?:you|u)\b(?: with [\w' ]+)?|"
                    r"(?:helping|working) (?:with|on) (?:the|your|ur) [\w' ]+)", m.group(3).strip(" ,"), re.I)
    ask = f"What would help you not {vp}?"
    help_ = re.sub(r"\bu\b", "you", keep.group(1).strip()) if keep else ""
    out = [f"{ask} I want to keep {help_}."] if keep else []
    return out + [ask], a, segs[k][1]


def _ultimatum(sentence: str, lo: int, hi: int, avoid=()) -> tuple[list[str], int, int]:
    """An order put as a condition with its consequence ("If you don't take the first place they offer, you'll go
    to the bottom of the list"): the step asked about as theirs to weigh, the loss kept as what they don't want.

    >>> s = "If you don't take the first place they offer, you'll go to the bottom of the list, and I won't help."
    >>> _ultimatum(s, 0, 44)[0][:2]
    ["How do you feel about taking the first place they offer? I know you don't want to go to the bottom of the list.", 'What would you like to do about the first place they offer?']
    """
    said = normalise(_trim(sentence[lo:hi]))
    gate = _GATE.match(said)
    if gate and (_action_verb(gate.group(2).lower()) or _can_be_verb(gate.group(2).lower())) \
            and gate.group(2).lower() not in _STATIVE | FUNCTION:
        # "u cant get a bed at the youth shelter unless u go back to school": the condition is the step asked
        # about, the thing it gates stays as what they want
        rest = _TRAIL.sub("", re.sub(_COERCIVE_TAIL, "", gate.group(3), flags=re.I)).strip(" ,")
        goal = _TRAIL.sub("", gate.group(1)).strip(" ,")
        if rest and _has_content(rest) and _has_content(goal) and not _dismissal(_verb_phrase(gate.group(2), rest)[1]):
            _, ger = _verb_phrase(gate.group(2).lower(), rest)
            goal_verb, _, goal_rest = goal.partition(" ")
            _, goal_ger = _verb_phrase(goal_verb.lower(), goal_rest)
            return [f"How do you feel about {ger}? I know {goal_ger} matters to you.", f"How do you feel about {ger}?"], lo, hi
    held = _held_until(said)
    if held:  # "your voucher stays in my drawer until you've done four weeks of meetings": the condition, asked
        return held, lo, hi
    m = _IF_NOT.match(said)
    if not m or not _action_verb(m.group(1).lower()) or m.group(1).lower() in {"want", "like", "think", "feel"}:
        return [], lo, hi
    verb, rest = m.group(1).lower(), _TRAIL.sub("", re.sub(_COERCIVE_TAIL, "", m.group(2), flags=re.I)).strip(" ,")
    # "unless you stop missing curfew you're not getting a bed": the consequence run on, unpunctuated, goes
    rest = re.split(r"\s+(?=(?:then )?(?:you'll|you will|youll|you're|youre|you are|you won't|you wont|"
                    r"there's no|you can't|you cant)\b)", rest, maxsplit=1, flags=re.I)[0]
    if not rest or not _has_content(rest):
        return [], lo, hi
    _, ger = _verb_phrase(verb, rest)
    if _dismissal(ger):
        return [], lo, hi
    worry = ""
    nxt = [(a, b) for a, b in segments(sentence) if a >= hi and _has_content(sentence[a:b])][:1]
    for a, b in nxt:
        if any(x < b and y > a for x, y, *_ in avoid):
            break
        c = _THEN_CONSEQUENCE.match(normalise(_trim(sentence[a:b])))
        lost = c and c.group(1).lower() == "get" and re.match(r"^\s*\w+ed\b", c.group(2))  # "get kicked out"
        if c and (_action_verb(c.group(1).lower()) or lost) and not re.search(r"\b(?:me|i|my)\b", c.group(2), re.I) \
                and (c.group(1).lower() not in {"be", "have", "need", "get"} or lost):
            cons = _TRAIL.sub("", c.group(2)).strip(" ,")
            if 0 < len(cons.split()) <= 8:
                worry, hi = f"{c.group(1).lower()} {cons}", b
    tail = f" I know you don't want to {worry}." if worry else ""
    out = [f"How do you feel about {ger}?{tail}"]
    obj = _noun_phrase(rest)
    if obj and obj.split()[0].lower() not in {"me", "him", "her", "them", "it", "us", "to", "up", "out"}:
        out.append(f"What would you like to do about {obj}?")
    out.append(f"How do you feel about {ger}?")
    return out, lo, hi


def _power_over(sentence: str, start: int, end: int, lo: int, hi: int, avoid=()):
    out = []
    said = _OPENERS.sub("", normalise(_trim(sentence[lo:hi]))).strip(" ,")
    if re.match(r"^(?:(?:but|and|so|like|look|listen|honestly)\b[,\s]*)*(?:if|when) (?:you|u) (?:keep|carry on|continue|"
                r"go on)\b", said, re.I):
        return [], lo, hi  # "if you keep drinking like this ...": a warning's condition, never a step to hand back
    if _NO_CHOICE.search(said) and not _has_content(re.sub(_NO_CHOICE, "", said)) or \
            re.match(r"^(?:you|u) (?:don't|dont|do not) (?:have|get) (?:a|any) (?:choice|say)\b", said, re.I):
        return [], lo, hi  # "there's no other choice": no step in it to hand back; it goes
    cond_lo, cond_hi = min((a for a, b in segments(sentence) if a <= start < b), default=lo), \
        max((b for a, b in segments(sentence) if a < end <= b), default=hi)
    made, lo2, hi2 = _ultimatum(sentence, cond_lo, cond_hi, avoid)
    if made:
        return made, lo2, hi2
    threat = _threat(sentence, cond_lo, cond_hi)
    if threat:
        return threat
    touched = [(a, b) for a, b in segments(sentence) if a < end and b > start]
    # a neighbouring clause the span only grazes with a function word is not part of the order
    touched = [(a, b) for a, b in touched if _has_content(sentence[max(a, start):min(b, end)])
               or len(sentence[max(a, start):min(b, end)].split()) > 1] or touched
    if touched:
        lo, hi = touched[0][0], touched[-1][1]
    verb, vp, ger = "", "", ""
    if len(touched) > 1:
        # the span runs over several clauses. When each gives an order, one question takes them all
        # ("you're gonna go to group and you're gonna share" -> "going to group and sharing"); otherwise the
        # clause that holds most of the span gives it, and the other orders go with it
        orders = [(_order(sentence[a:b]), (a, b)) for a, b in touched]
        if all(o[0] and not o[2] for o, _ in orders):
            phrases = [_verb_phrase(o[0], o[1]) for o, _ in orders]
            verb, rest, negated = orders[0][0]
            vp, ger = " and ".join(p[0] for p in phrases), " and ".join(p[1] for p in phrases)
            lo, hi = touched[0][0], touched[-1][1]
        else:
            with_verb = [(o, ab) for o, ab in orders if o[0]]
            if with_verb:
                (verb, rest, negated), (a, b) = max(
                    with_verb, key=lambda x: min(x[1][1], end) - max(x[1][0], start))
                # the other orders are rewritten away with it, and so is a bare lead-in ("but listen,");
                # a clause of its own that is not an order stays as it was said
                gone = [ab for o, ab in orders
                        if o[0] or len(_ORDER_LEAD.sub("", _trim(sentence[ab[0]:ab[1]])).split()) < 3]
                lo, hi = min(ab[0] for ab in gone), max(ab[1] for ab in gone)
    if not verb:
        verb, rest, negated = _order(sentence[lo:hi])
    if not verb and _context_concern(sentence[lo:hi]) == "power_over":
        # a clause that reads as an order by its form (a bare imperative: "pass me your phone", "and build from
        # there") is one, whether or not its verb is one we list: the same action is handed back
        verb, rest, negated = _order(sentence[lo:hi], bare=True)
        if not verb:
            t = _OPENERS.sub("", normalise(_trim(sentence[lo:hi]))).strip(" ,")
            c = analyse(t)
            if not c.subject and not c.modal and c.verb and t.lower().split()[0] == c.verb and not c.negated:
                verb, rest, negated = c.verb, c.rest, False
    progressive = False
    if not verb:
        # "you're going back home tonight and apologizing": the present progressive, said as an order
        m = re.match(r"^(?:you|u)(?:'re| are| r) (\w+ing)\b(.*)$",
                     _ORDER_LEAD.sub("", normalise(_trim(sentence[lo:hi]))).strip(), re.I)
        if m and _is_gerund(m.group(1)) and m.group(1).lower() not in _STATES and not re.match(
                r"^\s*(?:to|through)\b", m.group(2)):
            verb, negated, progressive = m.group(1).lower(), False, True
            rest = re.sub(_COERCIVE_TAIL, "", m.group(2), flags=re.I).strip()
    if not verb and not re.match(r"^\W*(?:i|i'm|i'll|i'd|we|we'll|we're)\b", sentence[start:end], re.I) \
            and not _release_of(sentence[lo:hi]):  # ("you don't have to | go back down": no order after it)
        # the span may sit in a clause of its own ("you need to" + the order after a comma)
        seg_end = min((b for a, b in segments(sentence) if b > end), default=len(sentence))
        after = clause_after(sentence[end:seg_end])
        verb, rest, negated = _order(after, bare=True) if after.strip() else ("", "", False)
        if verb:
            hi = max(hi, end + len(sentence[end:]) - len(sentence[end:].lstrip()) + len(after))
    run_on = ""
    if not verb and start > lo and not touched[1:] and _run_on_before(sentence[lo:start]):
        # an order run on, unpunctuated, after something else ("so i know today's been a lot i want you to hand me
        # your bag", "honestly just tell her"): the order starts at the flagged phrase; what was said before it
        # stays, as a sentence of its own, unless it is another concern. A "don't" said with its subject ("you
        # don't get it back until ...") states a rule, not an order
        verb, rest, negated = _order(sentence[start:hi])
        if negated and not re.match(r"^\W*(?:just |please |pls )?(?:don't|dont|do not|never)\b", sentence[start:hi], re.I) \
                or set(re.findall(r"[a-z]+", rest.lower())) & (_VERDICT_WORDS | L.JUDGMENT):
            verb, rest, negated = "", "", False  # ("don't do anything stupid": the verdict would come back with it)
        if verb:
            run_on = _run_on_lead(sentence, lo, start, avoid)
            lo = start
    if verb == "do" and not rest.strip():
        verb = ""  # "here's what I want you to do": the order itself comes next
    if not verb:
        # a lead-in that only announces the order ("I'm going to be honest with you:", "here's what I want you to
        # do"): the order is the next clause, and the orders that follow it go with it
        lead_lo, lead_hi, first = lo, hi, None
        for a, b in [(a, b) for a, b in segments(sentence) if a >= hi]:
            if any(s < b and e > a for s, e, *_ in avoid):
                break
            if not _ORDER_LEAD.sub("", normalise(_trim(sentence[a:b]))).strip():
                continue  # "you know,": a filler on the way to the order
            v2, r2, n2 = _order(sentence[a:b])
            if not v2:  # "..., and you're ringing it tonight if it gets loud again"
                ing, r3, n3 = _progressive_order(sentence[a:b])
                if ing and not n3 and r3:
                    vp2, ger2 = f"{_base(ing)} {r3}", f"{ing} {r3}"
                    first = a if first is None else first
                    verb, rest, negated, hi = verb or ing, r3, False, b
                    vp, ger = (f"{vp} and {vp2}", f"{ger} and {ger2}") if vp else (vp2, ger2)
                    continue
            if not v2 or n2 or not r2.strip():
                break
            vp2, ger2 = _verb_phrase(v2, r2)
            first = a if first is None else first
            verb, rest, negated, hi = verb or v2, r2, False, b
            vp, ger = (f"{vp} and {vp2}", f"{ger} and {ger2}") if vp else (vp2, ger2)
        if first is not None:
            lead = sentence[lead_lo:lead_hi]
            when = _LEAD_TIME.search(lead)
            if when and when.group(0).lower() not in ger.lower():  # "here's what you're doing tomorrow: ..."
                vp, ger = f"{vp} {when.group(0).lower()}", f"{ger} {when.group(0).lower()}"
            told = content_words(re.sub(_LEAD_TIME, "", lead), max(0, start - lead_lo), max(0, end - lead_lo))
            if told and not _RULE_TAG.match(normalise(_trim(lead))):
                lo = first  # "u were drinking tho, so ...": the lead-in said something of its own, and it stays
    if not verb:
        # "you're not leaving this program early": a ban said in the present progressive, offered as a question
        # ... and so is "you're done going back there" (what they are done with)
        m = re.match(r"^(?:you|u)(?:'re| are| r) (?:not|done|finished with) (\w+ing)\b(.*)$",
                     _ORDER_LEAD.sub("", normalise(_trim(sentence[lo:hi]))).strip(), re.I)
        if m and _is_gerund(m.group(1)) and m.group(1).lower() not in _STATES and not re.match(
                r"^\s*(?:to|through)\b", m.group(2)):
            verb, negated, progressive = f"not {m.group(1).lower()}", False, True
            rest = re.sub(_COERCIVE_TAIL, "", m.group(2), flags=re.I).strip()
    if verb and verb not in {"you", "i", "we", "it", "that"} and not progressive and not negated:
        # the orders said right before or after it, unflagged, go into the same question ("Quit the route, tell
        # them you need inside work" -> "quitting the route and telling them ..."), a "don't" as a "not"
        if not vp:
            vp, ger = _verb_phrase(verb, rest)
        segs = segments(sentence)
        pre, post = [], []
        for a, b in reversed([(a, b) for a, b in segs if b <= lo]):
            o = _adjacent_order(sentence, a, b, avoid)
            if not o:
                break
            pre.insert(0, o)
            lo = a
        for a, b in [(a, b) for a, b in segs if a >= hi]:
            o = _adjacent_order(sentence, a, b, avoid)
            if not o:
                break
            post.append(o)
            hi = b
        if pre or post:
            parts = [*pre, (vp, ger), *post]
            # "just do it, don't overthink it": a brush-off said beside the steps is no step to join to them
            parts = [p_ for p_ in parts if not _dismissal(p_[1])] or parts
            vp, ger = " and ".join(x for x, _ in parts), " and ".join(y for _, y in parts)
    named = _NAMED_PLAN.search(normalise(sentence))
    if named and verb and verb not in {"you", "i", "we", "it", "that"} and not negated:
        # "the plan is, you call me every night": the plan it was announced as, offered as one to consider
        # a progressive stays one ("a plan where you're going back home tonight and apologizing")
        plan_vp = f"'re {verb} {rest}".strip() if progressive else " " + (vp or _verb_phrase(verb, rest)[0])
        if not re.match(r"^ not\b", plan_vp):
            out.append(f"How would you feel about a {named.group(1).lower()} where you{plan_vp}?")
    if verb and verb not in {"you", "i", "we", "it", "that"} and progressive:
        out.append(f"How would you feel about {verb} {rest}?".replace(" ?", "?"))
    elif verb and verb not in {"you", "i", "we", "it", "that"}:
        if not vp:
            vp, ger = _verb_phrase(verb, rest)
        vp, ger = _without_dismissals(vp, ger)
        if negated:
            out += _ban_questions(ger)
        elif _dismissal(ger):  # "cheer up", "grow up": a brush-off, not a step; how they feel is asked instead
            out += _feeling_questions(ger)
        else:
            out += [f"How would you feel about {ger}?",
                    f"Would you want to {vp}, or does something else feel more doable right now?",
                    f"Some people find it helps to {vp}. What do you make of that?"]
        obj = _noun_phrase(rest)
        if obj and not obj.split()[0].lower() in {"me", "him", "her", "them", "it", "us", "to", "up", "out"}:
            out.append(f"What would you like to do about {obj}?")
    if not out and not verb:
        # a release flagged as an order ("you don't have to go back down to dinner"): said as the choice it leaves
        freed = _release_of(sentence[lo:hi])
        if freed:
            out.append(f"It's up to you whether you {freed}.")
    if not out and not verb:
        # a step the supporter took or is taking for the person without asking ("I've already called the benefits
        # office", "I'm booking you in with Rita"): the same step, offered for them to choose
        acted = _acted_for(sentence[lo:hi])
        if acted:
            out.append(f"Would you like me to {acted}?")
    if not out and not verb:
        # the threat flagged on its own ("if you miss one, I'm calling your brother"): the step offered instead
        a = max((x for x, _ in segments(sentence) if x < start), default=0)
        offer, lo2, hi2 = _offer_of(sentence, a)
        if offer and lo2 <= start and hi2 >= end - 1:
            out.append(offer)
            lo, hi = min(lo, lo2), max(hi, hi2)
    if not out:
        t = _noun_phrase(sentence[end:hi]) or _noun_phrase(sentence[lo:start])
        if t and _names_a_thing(t):
            out.append(f"What would you like to do about {t}?")
    worry = _worry_of(sentence[lo:]) if out and verb else ""
    if worry:
        # "... or you'll lose the place": the threat goes, what they stand to lose stays as their worry
        out = [f"{c} I know you don't want to {worry}." for c in out[:2]] + out
    view = _overridden_view(sentence[lo:]) if out and verb else ""
    if view:
        # "... no matter what the hospital says": the view the order overrode, handed back for them to weigh
        out = [f"{c} {view}" for c in out[:2]] + out
        hi = max(hi, lo + _OVERRIDDEN.search(sentence[lo:].replace("\u2019", "'")).end())
    if run_on and out:
        out = [f"{run_on} {c}" for c in out[:2]] + out
    offer, lo2, hi2 = _offer_of(sentence, lo) if out and verb else ("", lo, hi)
    if offer and not any(s < hi2 and e > lo2 for s, e, *_ in avoid):  # a threat flagged on its own is rewritten by itself
        # "..., or I'm sending someone out": the step the supporter threatened to take, offered for them to choose
        out = [f"{c} {offer}" for c in out[:2]] + out
        hi = max(hi, hi2)
    return out, lo, hi


# words a run-on order can follow that are no part of a clause it continues
_RUN_ON_AFTER = frozenset("and so then now just honestly seriously please pls look listen okay ok lol man bro dude "
                          "tbh ngl anyway".split())


def _run_on_before(before: str) -> bool:
    """Can an order start right after ``before`` (the clause's words before the flagged phrase), as a run-on? Only
    after a word with content or a discourse word, not after a condition or a consequence it leads into ("or |
    they'll keep the deposit"), nor after a subject or an auxiliary the phrase cut from its verb ("... you | go
    home").

    >>> _run_on_before("youre being a coward honestly "), _run_on_before("the walkthrough or they'll ")
    (True, False)
    """
    words = before.lower().replace("\u2019", "'").split()
    last = words[-1].strip(",;:-") if words else ""
    return bool(last) and (last in _RUN_ON_AFTER or (last not in FUNCTION and "'" not in last and last.isalpha()))
# a lead kept as a sentence starts as a clause does, with its subject
_LEAD_SUBJECT = re.compile(r"^(?:i|i'm|i've|i'd|you|you're|you've|you'd|we|we're|he|he's|she|she's|they|they're|it|"
                           r"it's|that's|there's|this|the|your|my|his|her|their|everybody|everyone|nobody|welcome)\b", re.I)


def _run_on_lead(sentence: str, lo: int, start: int, avoid=()) -> str:
    """What was said before an order run on in the same clause (``sentence[lo:start]``), as a sentence to keep: ''
    when it holds another flagged concern, reads as one (:func:`_context_concern`), names a clinical label, or says
    nothing.

    >>> _run_on_lead("ok i know the week was rough i want you to rest", 0, 29)
    'I know the week was rough.'
    >>> _run_on_lead("thats psychosis go to the er", 0, 15), _run_on_lead("honestly just go", 0, 9)
    ('', '')
    """
    text = sentence[lo:start]
    if any(s < start and e > lo for s, e, *_ in avoid) or set(re.findall(r"[a-z]+", text.lower())) & _LABELS:
        return ""
    text = _OPENERS.sub("", normalise(text).strip()).strip(" ,")
    for _ in range(3):  # "... and look", "... honestly": the discourse words that led into the order
        text = re.sub(r"[\s,]*\b(?:and|but|so|now|then|look|listen|okay|ok|honestly|seriously|just|man|bro|dude|"
                      r"girl|like|um|uh|tbh|ngl|lol)$", "", _TRAIL.sub("", text), flags=re.I).strip(" ,")
    if len(text.split()) < 3 or not content_words(text) or _context_concern(text) or not _is_clause(text) or \
            not _LEAD_SUBJECT.match(text):
        return ""
    return _as_sentence(text)


# ("gone ahead and, um, put": the pause inside the clause; "n" / "&" for "and" in chat)
_ACTED = re.compile(r"^(?:i've|ive|i have|i)\s+(?:already |just |also )*(?:(?:gone|went) ahead,?\s+(?:and|n|&)\b[,\s]*"
                    r"(?:(?:um|uh|er)\b[,\s]*)*)?([a-z]+)\b(?!['\u2019])(.*)$"
                    # a step announced for the person ("I'm going to book you in", "I'm gonna ring the shelter")
                    r"|^(?:i'm|im|i am)\s+(?:going to|gonna)\s+(?:go ahead and\s+)?([a-z]+)\b(.*)$"
                    r"|^(?:i'm|im|i am)\s+(?:already |just |also )*([a-z]+ing)\b(.*)$", re.I)
_ACTED_TAIL = re.compile(r"(?:,?\s*\b(?:myself|already|for you|on your behalf|(?:and )?that's (?:that|done|it|settled)|"
                         r"so that's (?:that|done|sorted|settled)|i already|end of story)\b)+\s*$", re.I)


def _acted_for(clause: str) -> str:
    """The step, as a verb phrase, that the supporter says they took or are taking on the person's behalf ("I've
    already called the benefits office and told them you're starting", "I'm calling Rita first thing tomorrow");
    '' when the clause says no such step.

    >>> _acted_for("I've signed you up for the Thursday group at school.")
    'sign you up for the Thursday group at school'
    >>> _acted_for("i went ahead and rang the landlord for you and told him you're taking it")
    "ring the landlord and tell him you're taking it"
    >>> _acted_for("I'm calling Rita first thing tomorrow and booking you in with her, and that's that.")
    'call Rita first thing tomorrow and book you in with her'
    >>> _acted_for("Right, I've gone ahead and, um, put your name down for the Friday bus.")
    'put your name down for the Friday bus'
    >>> _acted_for("i went ahead n told the gym u can start on the 5th"), _acted_for("I'm gonna phone the dentist for you")
    ('tell the gym you can start on the 5th', 'phone the dentist')
    >>> _acted_for("I've been there too"), _acted_for("I'm feeling it"), _acted_for("I think so")
    ('', '', '')
    >>> _acted_for("I'm going to be honest"), _acted_for("I'm gonna ask you something")
    ('', '')
    >>> _acted_for("and I won't help you again"), _acted_for("i found a can in your bag")
    ('', '')
    >>> _acted_for("I've spoken to the ward and you're going up to Ward 6 tonight")
    'speak to the ward'
    """
    from lemminflect import getAllLemmas, getLemma

    text = normalise(_trim(_OPENERS.sub("", clause.strip()))).strip(" ,.!?")
    text = re.sub(r"^(?:right|alright|all right)\b[,\s]+", "", text, flags=re.I)  # "Right, I've already rung ..."
    m = _ACTED.match(text)
    if not m:
        return ""
    word, rest = next((m.group(k), m.group(k + 1)) for k in (1, 3, 5) if m.group(k))
    word = word.lower()
    lemma = (getLemma(word, upos="VERB") or (word,))[0]
    past = m.group(1) and (word != lemma and not word.endswith("s") and "VERB" in getAllLemmas(word)
                           or word in _SAME_PARTICIPLE)  # ("I've put your name down": its past is its base)
    announced = m.group(3) and word == lemma and "VERB" in getAllLemmas(word)
    if not (past or announced or (m.group(5) and _is_gerund(word))) or lemma in _STATIVE | _NOT_ACTED \
            or not _action_verb(lemma):
        return ""
    rest = _ACTED_TAIL.sub("", rest).strip(" ,")
    rest = re.sub(r"\s*\bfor you\b", "", rest)
    # a new clause joined on is no part of the step ("spoken to the ward and you're going up tonight")
    rest = re.split(r"\s+and\s+(?=(?:you|you're|youre|u|ur|he|he's|she|she's|they|they're|it's|its|there's|we)\b)",
                    rest, maxsplit=1, flags=re.I)[0]
    if not rest or not _has_content(rest):
        return ""

    def base(m2):  # the verbs joined to it ("... and told him") in their base form too
        w = m2.group(2).lower()
        b = (getLemma(w, upos="VERB") or (w,))[0]
        return f"{m2.group(1)} {b}" if b != w and _action_verb(b) and not w.endswith("s") else m2.group(0)

    rest = re.sub(r"\b(and|then)\s+([a-z]+)\b", base, rest)
    return f"{lemma} {rest}"


_NOT_ACTED = frozenset("be go come say think feel see hear try do mean wonder guess hope wish notice"
                       " realise realize forget remember worry"
                       # finding something out is not a step taken for the person ("i found a can in your bag")
                       " find discover catch spot smell overhear learn".split())


# the step the supporter threatens to take if the order is not followed: "or I'm sending someone out", "and if you
# miss one, I'm calling your brother"
_THREAT = re.compile(r"(?:\bor (?:else )?|\bif (?:you|u) ((?:[\w']+ ){0,5}?[\w']+),?\s+)(?:i'm|im|i am|i'll|ill|i will|"
                     r"i'm gonna|i'm going to)\s+(?:just |gonna |going to )?(?:have to |need to |gotta )?([a-z]+)\b"
                     r"([^,;.!?]*)", re.I)


def _offer_of(sentence: str, lo: int) -> tuple[str, int, int]:
    """The step the supporter threatened to take (in ``sentence[lo:]``), offered as the person's choice, and
    where the threat starts and ends ('', lo, lo when there is none).

    >>> _offer_of("Take your meds, or I'm calling your sister.", 0)[0]
    'If it would help, I could call your sister. Would you want that?'
    >>> _offer_of("You come every week, and if you skip one, I'll ring your dad.", 0)[0]
    'If you skip one, would you want me to ring your dad?'
    >>> _offer_of("Take your meds, or I'm done.", 0)[0]
    ''
    """
    from lemminflect import getLemma

    text = sentence[lo:]
    m = _THREAT.search(text.replace("\u2019", "'"))  # the raw text: the offsets are the sentence's
    if not m:
        return "", lo, lo
    word = m.group(2).lower()
    base = (getLemma(word, upos="VERB") or (word,))[0] if word.endswith("ing") else word
    rest = _clean(normalise(m.group(3)))
    if (not _action_verb(base) or base in {"be", "do", "have", "get", "go", "make", "let", "take"} or not rest
            or len(rest.split()) > 6 or re.search(r"\b(?:you|u|yourself)\b", rest, re.I)):
        # "I'm gonna kick you out", "I'll make you go": a threat at the person themselves is no step to offer
        return "", lo, lo
    rest = re.sub(r"\bur\b", "your", rest)
    begin, end = lo + m.start(), lo + m.end()
    if m.group(1):
        cond = _clean(normalise(m.group(1)))
        if not cond or re.search(r"\b(?:i|me|my)\b", cond, re.I):
            return "", lo, lo
        return f"If you {cond}, would you want me to {base} {rest}?", begin, end
    return f"If it would help, I could {base} {rest}. Would you want that?", begin, end


# the consequence an order is pressed with: "or you'll lose the place", "or ur gonna miss the deadline"
_CONSEQUENCE = re.compile(r"\bor (?:else |otherwise )?(?:you'll|you will|you're gonna|you are gonna|you're going to|"
                          r"you are going to)\s+(?:probably |just |end up )?([a-z]+)\b(.*)$", re.I)


def _worry_of(text: str) -> str:
    """What the person stands to lose, as a verb phrase ("lose the place"), from a consequence the order is
    pressed with; '' when there is none or it is not a loss of theirs."""
    m = _CONSEQUENCE.search(normalise(_trim(text)))
    if not m or m.group(1).lower() not in _LOSS_VERBS:
        return ""
    rest = _clean(re.split(r"[,;]", m.group(2))[0])
    if not rest or not _has_content(rest) or len(rest.split()) > 8 or re.search(r"\b(?:me|i|my)\b", rest, re.I):
        return ""
    return f"{m.group(1).lower()} {rest}"


_LOSS_VERBS = frozenset("lose miss fail forfeit waste ruin blow".split())


# --- judgment -----------------------------------------------------------------------------------------------------------

_VERDICT_TAIL = re.compile(r"(?:\s*\b(?:is|are|was|were|'s|that's|it's|its|that|this|sounds|seems|looks|like|just|"
                           r"so|really|pretty|kind of|kinda|honestly|frankly|basically|totally|clearly|being|a|an|"
                           r"the|such|way|too)\b)+$", re.I)


# words that are verdicts on a person or on what they feel or did, whoever says them: a reflection never carries
# one, and a topic is never one (defined once: a second list lower in this module used to replace this one)
_VERDICT_WORDS = frozenset("""overreaction overreacting overreact dramatic drama excuse excuses mistake stupid lazy
    selfish pathetic ridiculous crazy insane nuts psycho manipulative manipulating irresponsible immature weak
    ungrateful privilege formality cowardly coward disaster junkie junkies druggie addict addicts alcoholic drunks
    dumb idiot loser reckless disgusting failure attention-seeking liability""".split())


_JUST = re.compile(r"^(?:(?:it|that|this)(?:'s| is| was)|its|thats) (?:just|only|merely|simply|nothing but) (.+)$", re.I)
# what a spoken minimiser trails off with ("it's just a parking ticket tho", "it's just stress, man")
_JUST_TAIL = re.compile(r"(?:,?\s+(?:tho|though|lol|lmao|man|mate|bro|dude|innit|right|you know|ya know|honestly|"
                        r"not the end of the world|not a big deal|no big deal))+\W*$", re.I)
# ... or made one small thing ("it was one bad shift", "its one missed payment")
_JUST_ONE = re.compile(r"^(?:(?:it|that|this)(?:'s| is| was)|its|thats) (?:only |just )?(?:one|a single) (?!of\b)(.+)$",
                       re.I)


def _minimiser_reply(clause: str) -> str:
    """A minimiser ("it's just a letter", "its just stress") turned round: what it made small can be a lot ('' when
    the clause is none, or names no thing).

    >>> _minimiser_reply("it's just a parking ticket."), _minimiser_reply("honestly its just stress")
    ('That parking ticket can be a lot to deal with. What feels hardest about it right now?', 'Stress can be a lot to deal with. What feels hardest about it right now?')
    >>> _minimiser_reply("its just a parking ticket tho"), _minimiser_reply("it's just stress, man")
    ('That parking ticket can be a lot to deal with. What feels hardest about it right now?', 'Stress can be a lot to deal with. What feels hardest about it right now?')
    >>> _minimiser_reply("it was one bad shift"), _minimiser_reply("its one missed payment not the end of the world")
    ('That bad shift can be a lot to deal with. What feels hardest about it right now?', 'That missed payment can be a lot to deal with. What feels hardest about it right now?')
    """
    t = _JUST_TAIL.sub("", _OPENERS.sub("", normalise(_trim(clause))).strip(" ,")).strip(" ,")
    one = _JUST_ONE.match(t)
    if one:  # "it was one bad shift" -> "that bad shift"
        np_ = one.group(1).strip(" ,.!?")
        words = np_.lower().split()
        last = words[-1] if words else ""
        if not (1 <= len(words) <= 4 and (_noun_word(last) or (last.endswith("s") and len(last) > 3)) and
                not set(words) & (_VERDICT_WORDS | _PREP | {"and", "or", "but", "of"}) and _has_content(last)):
            return ""
        return f"That {np_} can be a lot to deal with. What feels hardest about it right now?"
    m = _JUST.match(t)
    if not m:
        return ""
    rest = m.group(1).strip()
    words = rest.split()
    if len(words) == 1:
        w = words[0].lower()
        # after "it's just", an -s form is a plural noun even where the lexicon knows only the verb ("it's just zaps")
        plural = w.endswith("s") and not w.endswith(("ss", "'s")) and len(w) > 3 and w.isalpha()
        if not ((_noun_word(w) or plural) and _has_content(w) and w not in _NO_TOPIC and w not in _VERDICT_WORDS) \
                or _adjective_reading(w):
            return ""  # ("that's just careless", "that's just silly": a verdict's adjective, no thing that can be a lot)
        return f"{w[0].upper() + w[1:]} can be a lot to deal with. What feels hardest about it right now?"
    np_ = _topic_noun(rest, 0, 0)
    if not np_ or not rest.lower().startswith(("a ", "an ", "the ", "your ", "ur ", "his ", "her ", "their ", "that ",
                                                "this ", "those ", "these ", "our ")):
        return ""
    det, noun = np_.split(" ", 1)
    if det == "the" and words[0].lower() in {"a", "an"}:
        det = "those" if _plural(noun) else "that"  # "a letter" -> "that letter", "a couple cuts" -> "those cuts"
    verb = "can"
    return f"{det[0].upper() + det[1:]} {noun} {verb} be a lot to deal with. What feels hardest about it right now?"


# a verdict said as what other people think ("a couple of the nurses think this was attention-seeking", "your mum
# reckons you're lazy"): who holds it and their verb
_OTHERS_VERDICT = re.compile(r"\b((?:a couple of |some of |one of |a few of |most of )?(?:the|your|ur) (?:[a-z]+ ){0,1}"
                             r"(?:nurses?|staff|doctors?|team|mum|mom|dad|sister|brother|wife|husband|partner|family|"
                             r"kids|son|daughter|boss|manager|landlord|neighbours?|neighbors?|friends?|group|others|"
                             r"caseworker|worker|sponsor|judge|teachers?|school|ex))\s+(think|thinks|thought|reckon|"
                             r"reckons|said|says|feel|feels)\b(?= (?:that |it |this |you |u |ur |you're |youre |he |she ))",
                             re.I)
# siding with someone who criticised the person ("your sister's right", "ur mom's not wrong tho")
_SIDING = re.compile(r"^(your|ur|his|her|their|the) ([a-z]+?)(?:'s| is|s)? (?:totally |kinda |probably |so )?"
                     r"(?:right|not wrong|got a point|has a point)(?: though| tho| about that| on this)?\W*$", re.I)


# people besides family and friends whose verdict may be voiced or sided with ("the judge kinda has a point")
_OFFICIALS = frozenset("judge court magistrate po".split())
_SIDING_HINT = re.compile(r"\b(?:right|wrong|point)\b", re.I)


def _siding_reply(text: str) -> str:
    """Siding with someone's verdict on the person ("ur gran is right tho", "the judge kinda has a point") turned into
    a question about what they said ('' when the clause is no such siding).

    >>> _siding_reply("ur gran is right tho"), _siding_reply("the weather is right")
    ('What do you make of what your gran said?', '')
    """
    if not _SIDING_HINT.search(text):
        return ""  # (asked of every clause around a rewrite: the cheap test first)
    m = _SIDING.match(_OPENERS.sub("", normalise(text)).strip(" ,.!?;:").strip(" ,"))
    if not m or m.group(2).lower() not in _PEOPLE | _ROLES | _OFFICIALS:
        return ""
    det = "your" if m.group(1).lower() == "ur" else m.group(1).lower()
    return f"What do you make of what {det} {m.group(2).lower()} said?"


# a third party's past action on the person: "the charge nurse already flagged you", "your landlord texted you"
_REPORTED = re.compile(r"^(?:the|your|his|her|their|my)\s+(?:[a-z'-]+\s+){1,2}(?:already\s+|just\s+)?[a-z]+ed\s+"
                       r"(?:you|u)\b", re.I)


def _judgment(sentence: str, start: int, end: int, lo: int, hi: int, avoid=()):
    """Rewrites for a verdict on the person.

    >>> _judgment("The night nurse already reported you for the smoking, and honestly fair enough.", 58, 78, 0, 79)[0][0]
    'It sounds like the night nurse already reported you for the smoking. How are you feeling about it?'
    """
    out = []
    phrase = sentence[start:end]
    swapped = _person_first(sentence, phrase)
    if swapped:
        out.append(swapped)
    mini = _minimiser_reply(sentence[lo:hi])
    if not mini:  # "its just a fire drill tho, | ur way overreacting": the minimiser said beside the verdict
        for a, b in segments(sentence):
            if (b <= lo or a >= hi) and not any(x < b and y > a for x, y, *_ in avoid):
                mini = _minimiser_reply(sentence[a:b])
                if mini:
                    break
    if mini:  # "it's just a letter": what it made small, taken seriously
        out.append(mini)
    voiced = _OTHERS_VERDICT.search(normalise(sentence))
    if voiced and voiced.start(2) <= start:
        # "a couple of the nurses think this was attention-seeking": the verdict voiced as others' ("and I kind of
        # get where they're coming from"), theirs to weigh, not the supporter's to repeat
        who = re.sub(r"^(?:ur|u)\b", "your", voiced.group(1).lower())
        out.append(f"What do you make of what {who} {voiced.group(2).lower()}?")
    sided = _siding_reply(sentence[lo:hi])
    if sided:  # "your sister's right", "the judge kinda has a point": what they said, theirs to weigh
        out.append(sided)
    clause = normalise(_trim(sentence[lo:hi]))
    verb, rest, negated = _order(clause)
    if verb and re.search(r"\b(?:harder|worse|on (?:yourself|urself)|for (?:yourself|urself)|your own (?:fault|worst))\b",
                          f"{verb} {rest}", re.I) and not negated:
        verb = ""  # "u do make it harder for urself": blame in the present tense, not a step to hand back
    if verb:  # "stop giving him money" said as a verdict: the action handed back as a question
        _, ger = _without_dismissals(*_verb_phrase(verb, rest))
        out.append(_ban_questions(ger)[0] if negated or _dismissal(ger) else f"How would you feel about {ger}?")
        worry = "" if negated else _worry_of(sentence[lo:])
        if worry:  # "... or ur gonna lose the job": what they stand to lose, without the threat
            out.insert(len(out) - 1, f"{out[-1]} I know you don't want to {worry}.")
    been = re.search(r"\b(?:you|u) (?:shouldn't|should not|should) have been (\w+ing\b.*)$", clause, re.I)
    if been:  # "you shouldn't have been drinking that much": what happened, without the verdict
        out.append(f"It sounds like you've been {been.group(1)}. How are you feeling about it?")
    done = None if been else re.search(r"\b(?:you|u) (shouldn't|should not|should|could|could've|should've)"
                                       r"(?: have)? ([a-z]+)\b(.*)$", clause, re.I)
    if done and re.search(r"\b(?:have|'ve)\b", done.group(0), re.I):
        # "you should have gone inside": what they did (or did not), looked back on without the verdict
        from lemminflect import getLemma

        base = (getLemma(done.group(2).lower(), upos="VERB") or ("",))[0]
        # (after "have" a participle: "gone", or one spelled as its base, "let", "put", "quit")
        if base and (base != done.group(2).lower() or base in _SAME_PARTICIPLE) and _action_verb(base):
            _, ger = _verb_phrase(base, _trim(done.group(3)).strip())
            neg = "" if done.group(1).lower().startswith(("shouldn't", "should not")) else "not "
            out.append(f"Looking back, how do you feel about {neg}{ger}?")
    left = normalise(_trim(sentence[lo:start]))
    left = _VERDICT_TAIL.sub("", _clean(left)).strip(" ,")
    right = _trim(normalise(_right_of(phrase, sentence[end:hi], joined=True)))
    subject = _noun_phrase(left)
    if set(re.findall(r"[a-z'-]+", subject.lower())) & (_VERDICT_WORDS | _NAME_CALLING):
        subject = ""
    if set(re.findall(r"[a-z'-]+", right.lower())) & (_VERDICT_WORDS | _NAME_CALLING):
        right = ""  # (nor a label: "sounds like a right vindictive cow" is not asked about as "cow")
    about = re.match(r"^(?:about|with|over|around)\s+(.+)$", _clean(right) if right else "", re.I)
    topics = _verdict_topics(clause)
    if subject and any(t.lower().startswith(subject.lower()) and len(t) > len(subject) for t in topics):
        subject = ""  # the span cut the subject short: the whole action is asked about below
    if subject:
        out += [f"Can you tell me more about {subject}?", f"How are you feeling about {subject} now?"]
    elif about and _noun_phrase(about.group(1)):
        t = _noun_phrase(about.group(1))
        out += [f"How are things going with {t}?", f"What's been happening with {t}?"]
    elif _about_what(right):
        # "too sensitive about what they post": what they are sensitive about, asked about
        out.append(f"Can you tell me more about {_about_what(right)}?")
    for t in (_clean(right), _clean(left)):
        if not t or not _has_content(t):
            continue
        if any(x.lower().endswith(t.lower()) and len(x) > len(t) for x in topics):
            break  # the span cut the action short ("by being" | "late so much"): it is asked about whole below
        # ("i mean you've got a little girl at home": the filler goes, what they have stays; "you know" stays, it
        # can be the verb: "you know Mrs. Alvarez")
        t0 = _lower_first(re.sub(r"^(?:(?:i mean|come on|cmon|like|honestly|tbh|ngl|look|um|uh|so|well|oh)\b[,\s]*)+", "",
                                 t, flags=re.I).strip() or t)
        first = t0.split(" ", 1)[0]
        if _looks_like_verb(first) and not _is_clause(t0):
            t0 = gerund_phrase(t0)
            first = t0.split(" ", 1)[0]
        if not _reflectable(t0):
            continue
        if (_is_clause(t0) or _REPORTED.match(t0)) and not _is_gerund(first):
            # ... or what someone else did to them ("the charge nurse already flagged you as ..."): a reported
            # event, reflected without the verdict said about it
            reported = _REPORTED.match(t0) and not set(re.findall(r"[a-z'-]+", t0.lower())) & (
                _VERDICT_WORDS | L.JUDGMENT | set(PERSON_FIRST))
            if re.match(r"^(you|you're|you've|you'd|you'll|i|i'm|we|he|she|they|it|it's|there)\b", t0, re.I) or reported:
                out += [f"It sounds like {t0}. How are you feeling about it?",
                        f"So {t0}. What's that been like for you?"]
        elif t0 != subject and _noun_phrase(t0) and t0.lower() not in _NO_TOPIC and _names_event(t0):
            # (not a bare "years", "stuff", nor a time or a word that is no noun: "around worse", "around a bit")
            out += [f"What was going on for you around {t0}?", f"How are you feeling about {t0} now?"]
        break
    for t in topics:  # the action the verdict was about, asked about without it
        out += [f"Can you tell me more about {t}?", f"What has {t} been like for you?"]
    asked = _wh_asked(sentence[lo:hi])
    if asked:  # "what were you even doing out at 3am?": the same question, asked to hear the answer
        out.append(f"Can you tell me more about {asked}?")
    way = re.search(r"\b(?:a|the|such a|such an|an) (?:\w+ ){0,3}way to (\w+)\b(.*)$", _trim(clause), re.I)
    if way and _is_verb(way.group(1)) and not set(way.group(2).lower().split()) & _VERDICT_WORDS:
        # "that's a pretty weak way to grieve": there is no one right way
        vp = _clean(f"{way.group(1)}{way.group(2)}")
        if vp and _reflectable(vp):
            out.append(f"Everyone has their own way to {vp}. What has it been like for you?")
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
    if len(out) <= bool(swapped):
        # nothing else to hold on to: what happened, without the comparison, or what the sentence was about,
        # without the verdict
        t = _reflection(clause)
        if t and not set(re.findall(r"[a-z'-]+", t.lower())) & (_VERDICT_WORDS | L.JUDGMENT | set(PERSON_FIRST)):
            out.append(f"It sounds like {t}. How are you feeling about it?")
        things = _things(sentence, lo, hi, start, end, avoid)
        if things:
            out.append(f"What's been going on with {things}?")
    return out, lo, hi


# a clause a verdict was about ("about what they post", "over how she talks to you")
_WH_TOPIC = re.compile(r"^\W*(?:about|over|around)\s+((?:what|how|the way)\s+(?:(?:the|your|his|her|their|my)\s+)?"
                       r"[\w']+\s+\w.*)$", re.I)


def _about_what(right: str) -> str:
    """The wh-clause a verdict said the person is too much about ("too sensitive | about what they post"), to ask
    about; '' when there is none, or it carries a verdict itself.

    >>> _about_what("about how ur sister talks to u"), _about_what("about the rent")
    ('how your sister talks to you', '')
    """
    m = _WH_TOPIC.match(normalise(_trim(right)))
    if not m or len(m.group(1).split()) > 10 or set(re.findall(r"[a-z'-]+", m.group(1).lower())) & (
            _VERDICT_WORDS | L.JUDGMENT | _LABELS):
        return ""
    return _lower_first(_you_perspective(m.group(1)))


# verbs whose past participle is spelled as the base form
_SAME_PARTICIPLE = frozenset("let put cut hit set quit shut hurt spread cost bet split upset burst come run".split())


_WH_EVEN = re.compile(r"^(?:(?:but|and|so|like|okay|ok|um|uh|honestly|seriously|i mean)\b[,\s]*)*"
                      r"(what|where)\s+(were|was|are|did|do)\s+(?:you|u)\s+((?:even|ever|actually|really)\s+)+"
                      r"([a-z]+)\b(.*)$", re.I)


def _wh_asked(clause: str) -> str:
    """A rhetorical question ("what were you even doing out so late") as the embedded question it asks, to hear
    the answer ("what you were doing out so late"); '' when the clause is none.

    >>> _wh_asked("but like what did u even do to get kicked out though??")
    'what you did to get kicked out'
    """
    # (the question mark goes, an abbreviation's full stop stays: "3 a.m.")
    m = _WH_EVEN.match(_TAIL_WORDS.sub("", re.sub(r"[?!]+$", "", normalise(clause).strip())).strip(" ,"))
    if not m:
        return ""
    wh, aux, verb, rest = m.group(1).lower(), m.group(2).lower(), m.group(4).lower(), m.group(5)
    if aux in {"did", "do"}:
        from lemminflect import getInflection

        if not _is_verb(verb):
            return ""
        verb = (getInflection(verb, tag="VBD") or (verb,))[0] if aux == "did" else verb
        said = f"{wh} you {verb}{rest}"
    else:
        said = f"{wh} you {aux} {verb}{rest}"
    said = said.strip(" ,?!") if re.search(r"\b[a-z]\.[a-z]\.$", said, re.I) else said.strip(" ,?!.")
    return said if _has_content(said) and len(said.split()) <= 20 else ""


# "it's pretty irresponsible to have four kids in ...": the action the verdict is about
_EXTRAPOSED = re.compile(r"^(?:it's|it is|it was|that's|that is|thats|its)\s+((?:[\w'-]+\s+){0,3}?[\w'-]+)\s+"
                         r"(?:of you |for you )?to\s+([a-z]+)\b(.*)$", re.I)
# ... and "brought it on yourself by Xing": what they did is asked about, not whose fault it was
_FOR_DOING = re.compile(r"\b(?:for|about|by)\s+((?:not\s+)?[a-z]+ing)\b(.*)$", re.I)
# ... the verdict's verb after it: a copula, or a modal or a negated verb that judges what it does ("Xing will make u
# look ...", "Xing would be the worst decision", "Xing prob didnt help")
_GERUND_SUBJECT = re.compile(r"^((?:not\s+)?[a-z]+ing)\b(.*?)\s+(?:is|was|'s|are|were|seems|sounds|looks|isn't|isnt|"
                             r"wasn't|wasnt|would|will|won't|wont|might|could|can't|cant|doesn't|doesnt|didn't|didnt|"
                             r"prob|probably)\b", re.I)


@lru_cache(maxsize=4096)
def _ing_form(word: str) -> bool:
    """An -ing form of any verb the lexicon knows ("slamming", "running"), where :func:`_is_gerund` knows only the
    verbs of our lists. Used where the position already says it is a verb's (the subject of a verdict)."""
    from lemminflect import getAllLemmas

    w = word.lower()
    return w.endswith("ing") and len(w) > 4 and "VERB" in getAllLemmas(w)


def _verdict_topics(clause: str) -> list[str]:
    """The action a verdict is about, as a gerund phrase to ask about: 'it's selfish to X' / 'your fault for Xing' /
    'Xing is stupid' -> 'Xing' (none that carries a verdict word).

    >>> _verdict_topics("Honestly, it's pretty reckless to drive home alone at night.")
    ['driving home alone at night']
    >>> _verdict_topics("its kinda ur own fault for moving out so soon")
    ['moving out so soon']
    >>> _verdict_topics("quitting the choir in week two would be kind of lame")
    ['quitting the choir in week two']
    >>> _verdict_topics("honestly, hiding the letters prob didnt help")
    ['hiding the letters']
    >>> _verdict_topics("you sort of asked for it by skipping the hearing")
    ['skipping the hearing']
    >>> _verdict_topics("it's a bad example to be setting for the kids")
    []
    >>> _verdict_topics("skipping group cause u were tired is kinda weak")
    ['skipping group cause you were tired']
    """
    c = _trim(normalise(clause))
    c = re.sub(r"^(?:(?:honestly|tbh|ngl|um|uh|so|and|but|well|okay|ok|look|i mean|like|man|dude|bro|though)"
               r"\b[,:\s]*)+", "", c, flags=re.I).strip()
    found = []
    m = _EXTRAPOSED.match(c)
    if m and m.group(1).split()[-1].lower() not in {"time", "okay", "ok", "fine", "normal", "good", "important"} and (
            _action_verb(m.group(2)) or m.group(2).lower() in {"have", "be"}):
        # ("a terrible example to be setting for your kids": its object is the verdict's own noun, no action to ask
        # about without it)
        if not (m.group(2).lower() == "be" and re.match(r"^\s+\w+ing\b", m.group(3))):
            found.append(gerund_phrase(f"{m.group(2)}{m.group(3)}"))
    m = _FOR_DOING.search(c)
    if m and _is_gerund(m.group(1).split()[-1]):
        found.append(f"{m.group(1)}{m.group(2)}")
    m = _GERUND_SUBJECT.match(c)
    if m and re.search(r"\b(?:because|cause|when|if|that|since)\s+(?:you|u|he|she|they|i|we)$", m.group(2), re.I):
        # the copula found belongs to a clause inside the subject ("calling in sick because you were hungover is
        # ..."): the subject runs on to the next copula
        verb, _, rest = c[m.end(2):].strip().partition(" ")
        k = re.search(r"\s(?:is|was|'s|are|were|seems|sounds|looks)\b", " " + rest)
        if k:
            found.append(f"{m.group(1)}{m.group(2)} {verb} {rest[:max(0, k.start() - 1)]}".strip())
        m = None
    if m and (_is_gerund(m.group(1).split()[-1]) or _ing_form(m.group(1).split()[-1])):
        found.append(f"{m.group(1)}{m.group(2)}")
    out = []
    for t in found:
        t = _lower_first(_clean(re.sub(r"\s*,.*$", "", t)))
        words = set(re.findall(r"[a-z'-]+", t.lower()))
        # an object pronoun may end a gerund phrase ("letting him get to you")
        if t and _has_content(t) and len(t.split()) <= 16 and t not in out and (_reflectable(t) or (
                t.split()[-1].lower() in {"you", "him", "her", "them", "me", "it", "us"} and len(t.split()) > 2
                and not _BAD_TOPIC_START.match(t)
                # ... but not a subject cut from its verb ("calling in sick because you")
                and t.split()[-2].lower() not in {"because", "cause", "if", "when", "that", "and", "but", "so"})) and not (
                words & (_VERDICT_WORDS | L.JUDGMENT | set(PERSON_FIRST))):
            out.append(t)
    return out


_THING = re.compile(r"(?<![\w'])((?:the|your|ur|his|her|their|my|our)\s+(?:[a-z'-]+\s+){0,2}[a-z'-]+)", re.I)


def _things(sentence: str, lo: int, hi: int, start: int, end: int, avoid=()) -> str:
    """The definite noun phrases the clause talks about ('your brother and your exam'), outside the flagged span,
    other flagged spans and comparisons ('like she was your mom'); '' when none."""
    out = []
    for m in _THING.finditer(sentence, lo, hi):
        a, b = m.span()
        if a < end and b > start:
            continue
        before = sentence[lo:a].lower().split()[-4:]
        if set(before) & {"like", "than", "as", "not"}:
            continue  # "it's not like she was your mom": a comparison, not the topic
        np_ = _trim(normalise(m.group(1)))
        words = np_.lower().split()
        # the phrase ends at its noun: before a function word, a verb ("your brother keeps telling", "your kids
        # lost"), a contraction ("your dad's") or an adjective after the noun ("the nightmares worse")
        cut = len(words)
        for k, w in enumerate(words):
            if k and (w in FUNCTION or w in _PREP or "'" in w or not _noun_like(w) or
                      (k > 1 and not _premodifier(words[k - 1])) or (w.endswith("s") and w[:-1] in L.COMMON_VERBS)):
                cut = k
                break
        words = words[:cut]
        while words and (words[-1] in FUNCTION or words[-1] in _BAD_END_WORDS or not _noun_like(words[-1])):
            words.pop()
        np_ = _lower_first(" ".join(np_.split()[:len(words)]))
        if len(words) < 2 or not _has_content(np_) or set(words) & (_VERDICT_WORDS | L.JUDGMENT | set(PERSON_FIRST)):
            continue
        if np_.lower() not in (x.lower() for x in out):
            out.append(np_)
    return " and ".join(out[:2])


_BAD_END_WORDS = frozenset("first last whole own other same next".split())
# a transcriber's note standing alone ("(laughs)", "[inaudible]"): nothing the supporter said
_STAGE_DIRECTION = re.compile(r"\W*[\[(][^\])]*[\])]\W*")
# -ing words that are nouns heading a phrase ("the wedding", "a team meeting", "the court hearing")
_ING_NOUNS = frozenset("""building meeting meetings wedding weddings morning evening feeling feelings housing funding training
    hearing ceiling clothing setting session ring thing things spring earring bedding filling""".split())
# auxiliaries a noun phrase runs into in speech ("the office does send reminders"): "does" is no noun here
_AUX_WORDS = frozenset("do does did is are was were has have had can could will would should shall may might must".split())


@lru_cache(maxsize=4096)
def _noun_like(word: str) -> bool:
    """Can the word be (part of) a noun phrase: a noun, or an adjective before one? Unknown words (names) can."""
    from lemminflect import getAllLemmas

    pos = getAllLemmas(word)
    return not pos or "NOUN" in pos or "PROPN" in pos or ("ADJ" in pos and "VERB" not in pos)


def _adjective_reading(word: str) -> bool:
    """Can the word be an adjective? After "that's just" it then is one: "silly", "normal" and "fun" are nouns too in
    the lexicon, but "that's just silly" makes nothing small that could be a lot."""
    from lemminflect import getAllLemmas

    return "ADJ" in getAllLemmas(word.lower())


def _noun_word(word: str) -> bool:
    """Can the word be a noun (or is it one no lexicon knows, a name)? Not an adjective or an adverb alone
    ("careless", "worse", "away")."""
    from lemminflect import getAllLemmas

    pos = getAllLemmas(word.lower())
    return not pos or "NOUN" in pos or "PROPN" in pos


# words of a length of time or an amount, that say when or how much but name nothing that happened
_SPAN_WORDS = frozenset("""day days week weeks month months year years time times bit while minute minutes hour hours
    night nights sooner later ago lot couple few half""".split())


def _names_event(phrase: str) -> bool:
    """Can "What was going on for you around ..." ask about the phrase? Not about an amount or a length of time
    ("6 months", "a bit", "sooner or later": "around" would read as "about that much"; a time that is a point,
    "this week", "the first time", can), nor about one word that is no noun ("worse", "away").

    >>> [_names_event(t) for t in ("the drinking", "this week", "drinking again", "6 months", "a bit", "worse")]
    [True, True, True, False, False, False]
    """
    words = [w.lower() for w in re.findall(r"[A-Za-z0-9][A-Za-z0-9'-]*", phrase)]
    content = [w for w in words if w not in FUNCTION or w in _SPAN_WORDS or (w.endswith("ing") and len(w) > 4)]
    if not content:
        return False
    if all(w in _SPAN_WORDS or w in _NUMBERS or w in _TENS or w.isdigit() for w in content):
        return words[0] in {"this", "that", "these", "those", "last", "the"}  # "this week", "the first time": when
    return len(content) > 1 or _noun_word(content[0]) or (content[0].endswith("ing") and len(content[0]) > 4)


@lru_cache(maxsize=4096)
def _premodifier(word: str) -> bool:
    """Can the word stand before another noun of the phrase ('group chat', 'rent money', 'old car')?"""
    from lemminflect import getAllLemmas

    pos = getAllLemmas(word)
    return not pos or "ADJ" in pos or ("NOUN" in pos and not word.endswith("s"))


_REFLECT_START = re.compile(r"^(?:you|you're|you've|you'd|you haven't|you have|you can't|you don't|you didn't|"
                            r"your \w+(?: \w+)? (?:is|are|was|were|has|have|keeps?|lost|left|had|went|\w+ed)|it's been|"
                            r"there's)\b", re.I)


# words a clause cannot end on: it was cut off before its object ("you keep saying", "being on")
_OPEN_END = frozenset("""saying telling thinking feeling being doing getting going hoping wondering asking trying
    wanting keeping keep keeps say says tell tells think feel want wants on to about with of for at from in the a an
    your my his her their and but or is are was were be""".split())


def _reflection(fragment: str) -> str:
    """A clause about the person's situation that can follow 'It sounds like' ('' when it is an order, or when
    cleaning it would cut its verb's object: "you'll deserve it" is no "It sounds like you'll deserve.", and with
    the object it would most often repeat the verdict: "you're overthinking it").

    >>> _reflection("and you'll deserve it"), _reflection("and you've been sleeping in the car")
    ('', "you've been sleeping in the car")
    >>> _reflection("she's telling people you're crazy")
    ''
    """
    said = _you_perspective(normalise(_trim(fragment)))
    if re.search(r"\b[a-z']+\s+(?:it|that|this)\W*$", said, re.I) and not re.search(
            r"\b(?:is|was|'s|are|were|about|with|of|for|like|to|on|in|at|from|and|but|so)\s+(?:it|that|this)\W*$",
            said, re.I):
        return ""
    t = _lower_first(_you_perspective(_clean(normalise(_trim(fragment)))))
    t = re.sub(r"^(?:(?:honestly|tbh|ngl|and|but|so|like|um|uh|well|ok|okay)\b[,\s]*)+", "", t).strip()
    t = re.sub(r"^(?:if|since)\s+(?=you\b|you're\b|your\b)", "", t)  # "if you're not taking it on weekends"
    t = re.sub(r"\s+too$", "", t)  # "your kids lost their mom too": the comparison goes
    if t and t.split()[-1].lower() in _OPEN_END:
        return ""  # "you keep saying", "being on": cut off before what it was about
    if re.search(r"\b(?:what|why|how) (?:did|do|does|would|were|are|is|was)\b", t, re.I) or \
            re.search(r"\byou(?:'ve| have)? been (?:describing|saying|telling|explaining|mentioning)\b", t, re.I):
        return ""  # a question inside, or the telling rather than what was told: not what happened
    if not _REFLECT_START.match(t) or len(t.split()) > 25 or _BAD_TOPIC_START.match(t) or \
            re.search(r"\b(?:need|needs|should|must|gotta|have to|has to|got to|better)\b", t):
        return ""
    if re.search(r"\b(?:can't|cannot|can not|cant) (?:just |really |seriously )*(?:keep|continue|go on|let|expect|be)\b",
                 t, re.I):
        return ""  # "you can't keep missing shifts": the supporter's pressure, not what the person lives through
    if set(re.findall(r"[a-z-]+", t.lower())) & _VERDICT_WORDS:
        return ""  # "she's telling people you're crazy": a verdict, said back as the supporter's own, is one still
    if re.search(r"\b(?:so|and|just) (?:be|do|don't|dont|stop|make|go|quit)\b|\b(?:you're|you are) (?:out|done|finished|"
                 r"gone|kicked out|off the list)\b", t, re.I):
        return ""  # "you're out so be careful": a threat and an order, not what the person lives through
    if re.search(r"\b(?:has|have|had|got) a point\b|\b(?:is|are|was|were|'s|'re) (?:right|not wrong|spot on)\b", t, re.I):
        return ""  # "your brother has a point": siding with a critic, said back as the supporter's view
    return t


# labels swapped for words that only read said of the person, as what they are going through ("you're just worn
# out"): of someone else ("your brother sounds looking after yourself"), of a thing ("some struggling talk", "cutting
# is just reaching out") or after "being" ("being struggling") the swap is ungrammatical or still a verdict
_SAID_OF_YOU = frozenset("crazy insane lazy selfish manipulative attention-seeking".split())
_OF_YOU = re.compile(r"\b(?:you're|you are|you)\s+(?:(?:just|so|really|very|kinda|kind of|a bit|a little|pretty|"
                     r"sound|seem|look|feel)\s+)*$", re.I)


def _said_of(sentence: str, word: str) -> str:
    """What comes before ``word`` in the sentence, normalised ("ur just" -> "you're just")."""
    m = re.search(rf"\b{re.escape(word)}\b", sentence, re.I)
    return normalise(sentence[:m.start()]).rstrip() + " " if m else ""


# a test's result said as "clean" or "dirty" ("a clean test", "the screen came back dirty"): its person-first words are
# the result's ("negative", "positive"), not "in recovery"
_RESULT_WORD = {"clean": "negative", "dirty": "positive"}
_RESULT = re.compile(
    r"(?P<pre>\b(?:(?:came|come|comes|coming|went|go|goes) back|tested|testing|tests|screened|screens|peed|pees) )?"
    r"\b(?P<w>clean|dirty)\b"
    r"(?P<post>\s+(?:(?:drug|urine|tox|piss|pee|breath|blood)\s+)?(?:tests?|screens?|samples?|results?|uas?|u\.a\.|drops?|"
    r"cups?|panels?|swabs?|urines?|pees?)\b)?", re.I)


def _person_first(sentence: str, phrase: str) -> str:
    """Swap a stigmatising label inside the flagged phrase for person-first words; '' when none applies.

    >>> _person_first("ur just lazy w the dishes lately", "ur just lazy"), _person_first("thats some crazy talk", "crazy")
    ("You're just worn out with the dishes lately.", '')
    >>> _person_first("Your sister sounds selfish.", "sounds selfish"), _person_first("she's being crazy", "crazy")
    ('', '')
    >>> _person_first("was it a clean test this time or nah", "was it a clean")
    'Was it a negative test this time or nah.'
    >>> _person_first("So your screen came back dirty again?", "dirty")
    'So your screen came back positive again?'
    """
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
    if any(re.search(rf"\b(?:gonna|gotta|wanna|to|will|'ll) {re.escape(w)}\b", sentence, re.I) for w in hits):
        return ""  # "junkies gonna junkie": the label used as a verb has no person-first form
    if any(w in _SAID_OF_YOU and not _OF_YOU.search(_said_of(sentence, w)) for w in hits):
        return ""
    out = _RESULT.sub(lambda m: m.group(0) if not (m.group("pre") or m.group("post")) else
                      (m.group("pre") or "") + _RESULT_WORD[m.group("w").lower()] + (m.group("post") or ""), sentence)
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
                         r"shows?|makes?|gotta be|has to be|must be|to me|tho|though|"
                         r"(?:proves?|shows?|confirms?) (?:it|that)|says it all|gives? it away|(?:dead )?giveaway)\b)+$",
                         re.I)
_LABEL_LEAD = re.compile(r"^(?:\s*\b(?:is|are|was|were|'s|that's|it's|its|thats|sounds?|seems?|looks?|like|"
                         r"to me|me|man|dude|bro|textbook|for sure|with|from|though|tho|also|even|as well as|"
                         r"on top of|"
                         r"honestly|um|uh|mm|hmm|so|and|but|well|yeah|i mean|tbh|ngl|look|okay|ok|i'd say|i would say|"
                         r"just|so|really|clearly|probably|definitely|classic|totally|and|but)\b"
                         r"[,\s]*)+", re.I)


_CLINICAL = (L.DIAGNOSIS | L.MEDICATION | {"abuse", "alcoholic", "addict", "ptsd", "disorder", "syndrome", "toxic",
                                          "trauma", "response", "episode", "clinically"}) - {
    "anxiety", "anxious", "panic", "depressed", "eating", "spectrum", "symptom", "symptoms", "classic", "textbook",
    "clinical", "paranoid", "insomnia"}


# gerunds that take a clause of what the person perceives ("thinking his phone is bugged")
_SENSING = frozenset("thinking believing hearing seeing worrying noticing imagining fearing sensing".split())


_WHAT_IT_IS = re.compile(r"\b(?:that's|thats|that is|this is|it's|its) (?:what |(?=all ))((?:all )?(?:the|this|that|"
                         r"your|those|these)) ([\w' -]+?) (?:is|are|was|were)\W*$", re.I)


def _experience(fragment: str) -> str:
    """What the person lives through, named in their words: the fragment without the verdict's frame.

    >>> _experience("you're in shock, that's what this numbness is"), _experience("The- the flashbacks and the sweats,")
    ('this numbness', 'the flashbacks and the sweats')
    >>> _experience("that's all the pacing is"), _experience("jumping at every loud sound")
    ('all the pacing', 'jumping at every loud sound')
    >>> _experience("Honestly, that trembling"), _experience("Shaking like that")
    ('that trembling', 'shaking like that')
    >>> _experience("you'll end up back on the ward"), _experience("trust me"), _experience("right around your age")
    ('', '', '')
    """
    f = _undouble(re.sub(r"\b(\w+)-\s+(?=\1\b)", "", normalise(_trim(fragment)), flags=re.I))  # "the- the"
    f = re.sub(r"\s*[=+&]\W*$", "", f)  # "whispering through walls = ...": the sum cut before its answer
    if re.search(r"\b(?:end|ends|ended|wind|land) up\b|\b(?:you'll|you will|ur gonna|you're gonna) (?:be )?(?:back )?(?:in|on|at)\b",
                 f, re.I):
        return ""  # "you'll end up back on the ward": a fate foretold, not what they live through
    what = _WHAT_IT_IS.search(f)
    if what:  # "that's what the numbness is": the numbness is what they live through, the label said beside it
        return f"{what.group(1).lower()} {what.group(2)}"
    # "... waking at every little sound": a noun "sound", no "sounds like" frame to cut off the end
    heard = re.search(r"\b(?:every|each|any|little|slightest|loud|no|a|the) sounds?$", f, re.I)
    f = _LABEL_LEAD.sub("", f) if heard else _LABEL_TAIL.sub("", _LABEL_LEAD.sub("", f))
    f = f.strip(" ,")
    # talk said in front ("right, the part of you that ...") is no part of what they live through
    f = re.sub(r"^(?:(?:right|so|okay|ok|well|like|um|uh|and|but|yeah|look|listen)\b[,\s]*)+", "", f, flags=re.I)
    if re.fullmatch(r"what (?:you're|you are) (?:describing|going through|telling me|feeling)(?: right now)?", f, re.I):
        return f.lower()
    said = re.fullmatch(r"(what (?:you're|you are|you've been) (?:describing|going through|telling me about|feeling))"
                        r"((?:,? (?:with|about|around|after|since|when) [\w' -]+)?)", f, re.I)
    if said and not set(said.group(2).lower().split()) & _CLINICAL:  # "what you're describing with the TV ..."
        return _lower_first(said.group(1)[0].lower() + said.group(1)[1:] + said.group(2))
    if f and f.split()[0].lower() in _SENSING and _is_clause(f) and _reflectable(
            _lower_first(f)) and len(f.split()) <= 12 and not set(f.lower().split()) & _CLINICAL:
        return _lower_first(f)  # "thinking his phone is bugged": an experience told as a gerund clause
    t = _noun_phrase(f)
    said = re.search(rf"\b(that|this|the)\s+{re.escape(t)}\b", f, re.I) if t else None
    if said and len(t.split()) <= 3:  # "that freezing", "that pounding heart thing": the determiner as they said it
        t = f"{said.group(1).lower()} {t}"
    like = re.fullmatch(r"\W*(\w+ing) like (?:that|this)\W*", fragment.strip(), re.I)
    if like and t.lower() == like.group(1).lower():  # "freezing like that": the gerund alone names less
        t = _lower_first(like.group(0).strip(" ,.!?"))
    words = t.lower().split()
    # a medicine named inside what they go through ("coming off sertraline cold turkey", "the voices since you came off
    # the tablets") is no verdict; a diagnosis word is, and a medicine as the experience itself ("your meds") is none
    acting = bool(words) and _is_gerund(words[0]) and words[0] not in _STATES | {
        "taking", "skipping", "missing", "doubling", "upping", "stopping", "using", "mixing", "dosing"}
    clinical = set(words) & (_CLINICAL - L.MEDICATION if acting or words and _head(t) not in L.MEDICATION and
                             words[0] in {"the", "those", "these", "that", "this", "your", "ur", "all"} else _CLINICAL)
    if not words or clinical or words[0] in {"needs", "need", "fyi", "yesterday", "today", "tonight",
                                                          "tomorrow", "real", "common", "classic", "sounds", "like"}:
        return ""
    if words[0] in _NOT_EXPERIENCE_START:  # "before the flight", "till the cravings settle": a time or a cause
        return ""
    if words[-1] in {"r", "are", "is", "was", "were"} and len(words) > 1:  # "those conversations r": the verb goes
        t, words = t.rsplit(" ", 1)[0], words[:-1]
    if words[-1] in {"condition", "conditions", "disorder", "illness", "syndrome", "disease", "diagnosis"}:
        return ""  # "an actual condition": the verdict's own word, not what the person lives through
    if len(words) == 1 and (len(words[0]) < 5 or words[0].endswith(("ic", "ous", "ful", "ive", "al", "ble", "ly"))):
        return ""
    if (_head(t) in _PEOPLE and not acting) or all(w in _NUMBERS or w in _TENS or w.isdigit()
                                                   for w in re.split(r"[\s-]+", t.lower())):
        return ""  # "my son", "a doctor", "nineteen": a person or an age, not what they live through
    if words[0] in {"trust", "believe", "promise", "swear", "honestly", "seriously"} or _head(t) in {"age", "form", "kind",
                                                                                                 "sort", "type"}:
        return ""  # "trust me", "your age", "a form of": a formula or a frame, not what they live through
    return t


# words an experience cannot start with: it would be a time, a place or a cause ("before the flight sounds hard")
_NOT_EXPERIENCE_START = frozenset("""till until unless because cause since if when while after before to for from
    with of at in on by about as than during into onto over under""".split())
# nouns for people: a person is not an experience that "sounds really hard"
_PEOPLE = frozenset("""son sons daughter daughters brother brothers sister sisters mom mum mother dad father parents
    parent wife husband partner boyfriend girlfriend kid kids child children baby friend friends uncle aunt grandma
    grandpa grandmother grandfather gran nan grandad cousin family doctor doctors nurse therapist man woman guy guys people person he
    she they him her them boss manager supervisor landlord neighbor neighbors neighbour neighbours roommate flatmate
    housemate coworker coworkers colleague colleagues teacher lads lad blokes bloke father-in-law mother-in-law brother-in-law sister-in-law
    in-laws""".split())


def _person(fragment: str) -> str:
    """'your dad' from 'For what it's worth, your dad': someone close to the person, named as they were.

    >>> _person("Honestly, your brother-in-law"), _person("your landlord")
    ('your brother-in-law', 'your landlord')
    """
    f = _LABEL_TAIL.sub("", _LABEL_LEAD.sub("", normalise(_trim(fragment)))).strip(" ,")
    m = re.search(r"\b((?:your|his|her|their) (?:little |big |older |younger |ex )?([a-z]+(?:-[a-z]+)*))$", f, re.I)
    return m.group(1) if m and m.group(2).lower() in _PEOPLE else ""  # ... "your father-in-law" too


def _head(noun_phrase: str) -> str:
    """The head noun: the last word before the first preposition ('panic attacks after a crash' -> 'attacks')."""
    head = ""
    for w in noun_phrase.split():
        if w.lower() in _PREP and head:
            break
        head = w
    return head.lower().strip(",.")


# where the head noun of an experience ends: a preposition, a clause's subject or linking word ("the drilling | you
# hear at night", "the way | she flips", "jumpiness | when the door slams")
_HEAD_STOP = frozenset("""you u i he she they we it that which who whom when whenever where while since before after if
    because than every each all is are was were r and or n through thru into over around near without by under""".split())
# an "and" that joins two experiences ("the cutting and the mood swings") rather than two verbs of one clause
# ("the way you lose time and then find yourself ...")
_COORDINATED = re.compile(r"\s(?:n|\+|&)\s|\s(?:and|plus)\s+(?:(?:the|your|his|her|their|my|those|these|a|an|not|all)\b|"
                          r"[a-z'-]+ing\b)", re.I)


def _plural_experience(t: str) -> bool:
    """Does the experience take a plural verb? Two joined, "those"/"these" first, or its head noun in the plural.

    >>> [_plural_experience(x) for x in ("those lights you think you saw", "the humming you hear at night",
    ...                                  "the way she storms off", "the hives and the itching", "the shaking n sweating",
    ...                                  "the way you forget things and then lose track", "panic attacks after lunch",
    ...                                  "dreading fireworks that much", "racing thoughts at night", "missing your mum")]
    [True, False, False, True, True, False, True, False, True, False]
    """
    words = t.split()
    if not words:
        return False
    if words[0].lower() in {"those", "these", "both"} or _COORDINATED.search(t):
        return True
    first = words[0].lower()
    if first.endswith("ing") and len(first) > 5 and _base(first) != first and len(words) > 1:
        # a gerund with its object is one thing ("dreading fireworks that much", "missing your mum"); a gerund
        # before a plural noun modifies it ("racing thoughts at night")
        second = words[1].lower().strip(",")
        if second not in {"and", "n", "&", "or"} and (not _plural(second) or (
                len(words) > 2 and words[2].lower() in {"that", "so", "like", "every", "all"})):
            return False
    return _plural(_experience_head(t))


def _experience_head(t: str) -> str:
    """'way' from 'the way you lose time', 'drilling' from 'the drilling you hear at night'."""
    words = t.lower().split()
    head = words[0] if words else ""
    for w in words[1:]:
        if w in _PREP or w in _HEAD_STOP:
            break
        head = w
    return head.strip(",.")


def _sounds(t: str) -> str:
    """'Panic attacks after a crash sound' / 'Your anxiety about the courtroom sounds'."""
    return "sound" if _plural_experience(t) else "sounds"


_SUBJECTS = frozenset("i i'm im i've ive you you're youre you've youve u ur he he's she she's they they're it it's its "
                      "that's thats there's we".split())


# what a medicine is taken or checked as: no experience to call hard
_MED_THINGS = frozenset("shot shots dose doses dosage levels level pill pills tablet tablets injection injections jab jabs "
                        "patch patches script prescription refill refills meds med medication medications "
                        "strip strips pillbox organizer organiser vitamin vitamins oxy oxys subs librium invega".split())
# first words of no experience: talk ("right the part of you ..."), a verdict's frame ("called rebound", "plain and
# simple", "happens to loads of people") or a comparison
_NOT_FIRST = frozenset("""worse better way more less underneath because plus and but also or so right okay ok well like
    um uh yeah look listen plain simple called happens""".split())
# the verdict's own nouns: "a classic sign sounds really hard" keeps the diagnosis
_VERDICT_NOUNS = frozenset("""classic textbook clinical diagnosis diagnosable type kind version stage picture sign signs
    symptom facts fact percent form age start beginning onset touch""".split())
# things that nobody lives through: "the door sounds really hard"
_OBJECTS = frozenset("door doors coffee food milk applesauce desk vitamin ward office bus car va".split())
# a verb that makes the phrase a verdict ("deeper cuts means escalation", "the flashbacks r your brain ...")
_VERDICT_VERB = re.compile(r"\s(?:means|mean|equals|proves|=|r)\s", re.I)
# a verb after a noun: a clause, not a thing ("the voices get loud at night", "the guys in group swear by it"),
# reflected as one
_NOUN_THEN_VERB = re.compile(r"\b(?!(?:you|u|i|he|she|they|we|it|to|that|who|which|not|and|or|n|can|will|would|"
                             r"could|just|still|never|also)\b)[a-z'-]+\s+(?:swear|swore|fall|falls|get|gets|make|"
                             r"makes|happens|happen|cleared|clears|went|goes|stopped|stops|eased|eases|settled|settles|"
                             r"passed|passes|helped|helps|worked|works)\b", re.I)
# "... you think you see": the experience said as unreal keeps the verdict
_UNREAL = re.compile(r"\b(?:you|u|he|she|they) (?:think|thinks|believe|believes|imagine|imagines|claim|claims|reckon|"
                     r"swear|swears) (?:you|u|he|she|they)\b", re.I)
# a time named where an experience was looked for ("at this point", "last night"): it goes with the question instead
_AS_TIME = {"this point": "at this point", "night": "at night", "nights": "at night", "every day": "every day",
            "every night": "every night", "these days": "these days", "half the week": "half the week",
            "a week": "this week", "this week": "this week", "last night": "last night", "this time": "this time"}


# a noun phrase with its own verb after "'s" ("your nervous system's stuck on alert", "his head's gone")
_OWN_CLAUSE = re.compile(r"\w['\u2019]s\s+(?:stuck|been|gone|got|getting|going|not|just|always|never|still|all|"
                         r"completely|totally|in|on|off|out|up|down|over|under|playing|working|wired|broken|shot|fried|"
                         r"messed|overloaded)\b", re.I)
# a condition's name is the verdict itself: "your depression sounds really hard", "the trauma response sounds really
# hard" hand the diagnosis back. Words that also name what is lived through ("the panic", "your anxiety about the
# courtroom", "the withdrawal") stay
_CONDITION_NAMES = L.DIAGNOSIS - frozenset("""panic anxiety trauma traumatic withdrawal withdrawals relapse triggered anxious
    depressed insomnia eating paranoia delusion delusions hallucination hallucinations dissociation dissociating
    hypervigilance condition symptom symptoms""".split()) | frozenset({"response"})


def _names_experience(t: str) -> bool:
    """Can ``t`` stand as the subject of "... sounds really hard"? A noun phrase (a determiner first, or a last
    word that is a noun) or a gerund clause, with no subject of its own, no verdict, no "sounds like" frame, and
    not a medicine.

    >>> [_names_experience(x) for x in ["the cutting", "the stomach aches before school", "thinking his phone is bugged",
    ...                                  "that numbness", "the TV", "the sickness you describe", "flashbacks",
    ...                                  "the thing about feeling watched", "the mood stuff and the voices together"]]
    [True, True, True, True, True, True, True, True, True]
    >>> [_names_experience(x) for x in ["you've got anger issues", "underneath", "brother no way around",
    ...                                  "worry sounds", "a bit crazy when you say it out loud", "behaviour fr",
    ...                                  "spiralling like this after getting", "worse than the panic", "the sooner you accept",
    ...                                  "the new", "your meds", "the racing heart at the store proves",
    ...                                  "Arturo, all seven days", "plus the mold", "your granddaughter", "pattern",
    ...                                  "the invega shots", "your levels", "your age", "the form"]]
    [False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False]
    >>> [_names_experience(x) for x in ["a textbook symptom", "those shadows you think you hear", "the shaking at every",
    ...                                  "this point", "right the part of you that panics", "crying every night",
    ...                                  "the hiding thing", "bigger bruises means it's worse"]]
    [False, False, False, False, False, True, True, False]
    """
    from lemminflect import getAllLemmas

    if re.match(r"^[A-Z][a-z]+, ", t):
        return False  # "Arturo, all seven days": a name and a fragment
    words = re.findall(r"[a-z0-9][a-z0-9'-]*", t.lower())
    if not words or words[0] in _SUBJECTS or words[0] in _NOT_FIRST or words[:2] == ["that", "way"] or \
            words[:2] in (["same", "as"], ["just", "like"]):
        return False  # ("that way nothing slips": a purpose, no experience; "same as last spring": a comparison)
    if _OWN_CLAUSE.search(t):
        return False  # "your nervous system's stuck on alert": a clause with its own verb, no thing named
    if len(words) > 1 and words[0].endswith("s") and words[1] in {"the", "your", "ur", "my", "his", "their", "it",
                                                                  "them", "him", "her", "me", "you", "u", "up", "out"}:
        verbs = getAllLemmas(words[0]).get("VERB", ())
        if verbs and words[0] not in verbs:
            return False  # "sorts the sleep out" (a medicine's subject cut off): a verb's -s form, no thing named
    if set(words) & _CONDITION_NAMES:
        return False  # "your anxiety", "your trauma response": the verdict's own name handed back as the experience
    if set(words) & _VERDICT_NOUNS or _UNREAL.search(t) or _VERDICT_VERB.search(t) or \
            words[-1] in _OBJECT_END | {"w", "n", "and", "or", "little"} or t.lower() in _AS_TIME:
        return False  # "a classic sign", "those cameras you think you see", "the weed messing w": a verdict, or cut
    if not words[0].endswith("ing") and (_experience_head(t) in _OBJECTS or _NOUN_THEN_VERB.search(t)):
        return False  # "his coffee", "the edge"; "the voices get loud at night" is a clause, reflected as one
    if words[-1] in {"thing", "stuff"} and len(words) >= 3 and words[0] in _DETERMINERS | {"that", "this"} and \
            words[-2] not in _PREP | _OBJECT_END:  # ("the night before stuff": no object named)
        # "the avoiding thing", "the startle stuff": named by what it is about
        return (len(words) == 3 and words[1].endswith("ing")) or _names_experience(" ".join(words[:-1]))
    if words[-1] in _PEOPLE or words[-1] in _NOT_EXPERIENCES or re.search(r"(?:daughter|son|dad|mom|mum|child)s?$", words[-1]):
        # a person, or a body part, is not an experience ... unless it is only the object of a preposition after
        # one ("the crying and not getting up since the baby": what is named is the crying)
        k = next((i for i in range(len(words) - 1, 0, -1) if words[i] in _PREP), 0)
        return k > 1 and words[k - 1] not in _PREP and (words[k + 1] in _DETERMINERS or words[k + 1] in _PEOPLE) \
            and _names_experience(" ".join(words[:k]))
    heard = set(re.findall(r"\b(?:every|each|any|little|slightest|loud|a|the|no) (sounds?)\b", t.lower()))
    if (set(words) - heard) & ({"sound", "sounds", "seems", "seem", "looks", "look"} | L.JUDGMENT | _VERDICT_WORDS):
        # ("waking at every little sound": a noun, no "sounds like" frame)
        return False
    last = words[-1]
    lemmas = getAllLemmas(last)
    if set(words) & L.MEDICATION or last in _MED_THINGS or (
            last.endswith("ing") and "NOUN" not in lemmas and len(words) > 1 and words[-2] in _PREP):
        return False  # a medicine is not an experience ("the invega shots", "your levels"); "after getting" is a
        # gerund cut from its object
    if words[0].endswith("ing") and "VERB" in getAllLemmas(words[0]) and len(words) > 1:
        return True  # a gerund clause: "thinking his phone is bugged"
    # a finite verb last ("... proves", "... thinks"): a clause, not a thing
    verb_end = "VERB" in lemmas and "NOUN" not in lemmas and last.endswith("s") and not last.endswith("ss")
    if words[0] in _DETERMINERS and len(words) > 1:
        if words[1] in {"sooner", "later", "more", "less", "better", "worse", "same", "new", "old", "only"} and \
                (len(words) == 2 or words[2] in _SUBJECTS | {"you", "u", "i"}):
            return False  # "the sooner you accept", "the new": no thing named
        if verb_end and words[-2] not in {"you", "u", "i", "we", "they", "he", "she"}:
            return False  # "the racing heart ... proves" ("the sickness you describe" is a thing)
        # ("that freezing", "the avoiding": a gerund after a determiner names what they do)
        return not (len(words) == 2 and lemmas and "NOUN" not in lemmas and not last.endswith("ing"))
    if "NOUN" not in lemmas and not (last.endswith("ing") and "VERB" in lemmas):
        return False
    if len(words) == 1 and "VERB" in lemmas:
        return False  # "pattern", "starting", "losing": a bare word that may be a verb names no thing
    return "ADV" not in lemmas or "NOUN" in lemmas


def _reads_as_clause(t: str) -> bool:
    """Does ``t`` read as subject and verb ("your hands shake every morning", "his head hurts at night") rather than
    a noun phrase? A plural noun then a verb's base form, or a singular noun then a verb in -s, early in the phrase.

    >>> _reads_as_clause("your hands shake every morning"), _reads_as_clause("his head hurts at night")
    (True, True)
    >>> _reads_as_clause("the cutting"), _reads_as_clause("those nightmares and the jumpiness")
    (False, False)
    >>> _reads_as_clause("panic attacks in the morning")  # a compound noun, no determiner before it
    False
    """
    from lemminflect import getAllLemmas

    words = re.findall(r"[a-z][a-z'-]*", t.lower())
    for k in range(2, min(len(words), 4)):
        prev, w = words[k - 1], words[k]
        if words[k - 2] not in _DETERMINERS or w in FUNCTION or prev in FUNCTION or "VERB" not in getAllLemmas(w) or "NOUN" not in getAllLemmas(prev):
            continue
        base = w in getAllLemmas(w).get("VERB", ())
        if (base and prev.endswith("s") and not prev.endswith("ss")) or \
                (w.endswith("s") and not base and not prev.endswith("s")):
            return True
    return False


_NOT_EXPERIENCES = frozenset("brain head mind body heart case thing stuff".split())


def _neighbour(sentence: str, lo: int, hi: int, read, avoid=()) -> tuple[str, int, int]:
    """A clause next to ``lo:hi`` that ``read`` can name as a topic (the one before first); the range grows over it."""
    segs = segments(sentence)
    # the nearest clause with words of its own ("I mean," in between is passed over)
    before = [(a, b) for a, b in segs if b <= lo and _has_content(sentence[a:b])]
    after = [(a, b) for a, b in segs if a >= hi and _has_content(sentence[a:b])]
    for a, b in before[-1:] + after[:1]:
        if any(s < b and e > a for s, e in avoid):
            continue
        t = read(sentence[a:b])
        if t:
            # a list of what they live through, told clause by clause ("that's textbook PTSD, the startle, the not
            # sleeping, all of it"): the clauses that go on naming it join it, in the order they were said
            # ("what you're describing" frames the list and is no part of it; "the guilt, um, the guilt you keep
            # feeling" is one thing said twice)
            if read is _experience:
                step = 1 if a >= hi else -1
                k = segs.index((a, b)) + step
                while 0 <= k < len(segs) and _has_content(sentence[segs[k][0]:segs[k][1]]) and \
                        not any(s < segs[k][1] and e > segs[k][0] for s, e in avoid):
                    more = read(sentence[segs[k][0]:segs[k][1]])
                    if not more or more.lower().startswith("what you"):
                        break
                    if t.lower().startswith("what you"):
                        t = more  # "what you're describing, the floating thing": the thing, without its frame
                    elif more.lower() in t.lower() or t.lower() in more.lower():
                        t = max(t, more, key=len)
                    else:
                        t = f"{t} and {more}" if step > 0 else f"{more} and {t}"
                    a, b = min(a, segs[k][0]), max(b, segs[k][1])
                    k += step
            return t, min(a, lo), max(b, hi)
    return "", lo, hi


_OBJECT_END = frozenset("the a an to of at on in your my his her their our from into this that these those some "
                        "any every one".split())
_DET_END = frozenset("the a an your my his her their our this that these those".split())
_DETERMINERS = _DET_END | {"ur"}  # ... and the chat spelling, where a noun phrase starts
_TOPIC_PREP = frozenset("about for with over around".split())
# clinical labels: a clause of the sentence that names one is not kept around a rewrite
_LABELS = frozenset(w for w in _CLINICAL - L.MEDICATION if len(w) > 3) - frozenset(
    """condition chemical response relapse triggered seasonal abuse withdrawal withdrawals episode personality toxic
    trauma traumatic imbalance dependence diagnose diagnosed diagnosis""".split()) | frozenset(
    "ptsd npd ocd adhd bpd".split())


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
    if last in _OBJECT_END and not (last == "to" and re.match(r"^\s*me\b", right, re.I)):
        return ""  # ("... sounds like schizophrenia to" + "me, like the voices": not the verdict's object)
    return right


def _diagnosis(sentence: str, start: int, end: int, lo: int, hi: int, avoid=()):
    out = []
    words = set(re.findall(r"[a-z']+", sentence.lower()))
    verb, rest, negated = _order(sentence[lo:hi])
    if not verb and (words & L.MEDICATION or _TAKES.search(sentence[lo:hi])):
        # medication advice given as what the supporter would do, or could be done ("I'd skip your night dose and
        # take one in the morning", "you could just take one of your mom's beta blockers"), or as an order in
        # one clause of the range: the action, handed to their prescriber
        for a, b in [(a, b) for a, b in segments(sentence) if a < hi and b > lo]:
            verb, rest, negated = _advice(sentence[a:b])
            if verb:
                break
    asking = _ask_clinician(verb, rest) if verb and not negated else []
    if asking:  # "ask your doctor for zoloft": already the prescriber's to weigh, offered as the person's choice
        out += asking
    elif verb and not negated:
        _, ger = _verb_phrase(verb, rest)
        if set(re.findall(r"[a-z']+", f"{verb} {rest}".lower())) & L.MEDICATION or verb in MED_VERBS or \
                _TAKES.match(f"{verb} {rest}"):
            out.append(f"Would you like to talk with your prescriber about {ger}?")
        else:
            out.append(f"How would you feel about {ger}?")
    # the clinician the supporter named, if any ("ask your psychiatrist to ..."), is the one to ask
    who = re.search(r"\b(?:your|ur|the) (psychiatrist|doctor|gp|prescriber|nurse|pharmacist|clinic|psych|doc|"
                    r"care team|team)\b", sentence, re.I)
    whom = f"the {who.group(1).lower()}" if who and who.group(1).lower() in {"clinic", "pharmacist"} else \
        f"your {who.group(1).lower()}" if who else "your doctor"
    whom = re.sub(r"\b(?:your|the) (?:gp)\b", "your GP", whom)
    asked = _medication_question(sentence, lo, hi, avoid)
    if asked:
        # "did you take your adderall today or sell it": the closed question opened up, in its own words
        ger, lo, hi = asked
        out.append(f"How do you feel about {ger}? If you want, we can plan what to ask {whom}.")
        out.append(f"How do you feel about {ger}?")
    check = _medication_check(sentence, lo, hi, whom)
    if check:
        # ... or asked as how the medicine has been going, with the time and the other answer it named (the
        # model reads "taking your dose this morning" as dosing advice, however it is asked)
        texts, lo, hi = check
        out += texts
    if words & L.MEDICATION:
        np_ = _medication_np(normalise(sentence[lo:hi]))
        if np_:
            out.append(f"How has it been going with {np_}? If you want, we can plan what to ask {whom}.")
    why = re.search(r"\b(?:is|'s|was) (?:probably |just |totally |exactly |definitely )?why (.+)$",
                    normalise(_trim(sentence[lo:hi])), re.I)
    if why:  # "missing the shot is why the voices are back": what they live through, without the cause
        t0 = _lower_first(_you_perspective(_clean(re.sub(r"\s+(?:that's all it is|thats all it is|that's it)$", "",
                                                         why.group(1), flags=re.I))))
        if _reflectable(t0) and re.match(r"^(?:you|you're|the|your|he|she|they|it's)\b", t0, re.I) and \
                not set(t0.lower().split()) & _LABELS:
            out.append(f"It sounds like {t0}. What has that been like for you?")
    right = _right_of(sentence[start:end], sentence[end:hi], joined=False)
    if re.match(r"^\W*(?:(?:or|otherwise)\s+(?:else\s+)?)?(?:you|u)\b", sentence[end:hi], re.I) and (
            re.search(r"\b(?:or|otherwise)\W*$", sentence[start:end], re.I)
            or re.match(r"^\W*(?:or|otherwise)\b", sentence[end:hi], re.I)):
        right = ""  # "take your meds or you can find somewhere else to stay": an ultimatum's other half, not lived
    t = _experience(_left_with_lent(sentence[lo:start], sentence[start:end])) or _experience(right)
    # "at this point that's ...": a time, not an experience, asked about with the question ... unless the clause is
    # about a medicine ("did you take your risperdal last night"): then that is what is asked about
    when = _AS_TIME.get(t.lower(), "")
    t = "" if when else t
    if when and not out:
        out.append(f"That sounds really hard. What has it been like for you {when}?")
    elif when:  # "did you take your risperdal last night": "How has it been going with your risperdal at night?"
        out = [re.sub(r"^(How has it been going with [^?]+)\?", rf"\1 {when}?", c) for c in out]
    told = "" if t else _told(sentence[lo:start], right)
    if told:  # what they told, in the clause itself, before a neighbour's words
        out.append(f"It sounds like {told}. What has that been like for you?")
    if not t and not out:
        t, lo, hi = _neighbour(sentence, lo, hi, _experience, avoid)
        if not t:
            r, lo2, hi2 = _neighbour(sentence, lo, hi, _reflection, avoid)
            if r:
                out.append(f"It sounds like {r}. What has that been like for you?")
                lo, hi = lo2, hi2
    who = "" if t else (_person(sentence[lo:start]) or _person(right))
    if who:  # "your dad sounds like a narcissist": the relationship, not a verdict on the person
        out.append(f"Things with {who} sound really hard. What has that been like for you?")
    elif t.startswith("what you"):
        out.append(f"{t[0].upper() + t[1:]} sounds really hard. What has it been like for you?")
    elif t and not _names_experience(t) and re.match(r"^(?:you|you've|you're|u|ur|he|she|they|he's|she's|they're)\b", t, re.I) \
            and _reflectable(t) \
            and not set(re.findall(r"[a-z]+", t.lower())) & (_CLINICAL | _LABELS | {"signs", "symptoms", "issues"}):
        # a clause with its own subject ("you've written two hundred pages about a new religion"): reflected
        out.append(f"It sounds like {_you_perspective(t)}. What has that been like for you?")
    elif t and t.lower() in _AS_TIME:  # a time said in a neighbouring clause ("at this point"), asked about
        out += [] if out else [f"That sounds really hard. What has it been like for you {_AS_TIME[t.lower()]}?"]
    elif t and _NOUN_THEN_VERB.search(t) and _reflectable(t) and \
            not set(re.findall(r"[a-z]+", t.lower())) & (_CLINICAL | _LABELS):
        # "the voices get loud at night": a clause, reflected as one
        out.append(f"It sounds like {_you_perspective(t)}. What has that been like for you?")
    elif t and _names_experience(t) and _reads_as_clause(t):
        # "your hands shake every morning": a clause, reflected as one
        out += [f"It sounds like {_you_perspective(t)}. What has that been like for you?",
                f"When you talk about how {_you_perspective(t)}, what is that like for you?"]
    elif t and _names_experience(t):
        verb = "have" if _plural_experience(t) else "has"
        # "... at every little sound sounds really hard" would read as a stammer
        out += [f"{t[0].upper() + t[1:]} {_sounds(t)} really hard. What has it been like for you?"] * \
            (not re.search(r"\bsounds?$", t, re.I)) + [
                f"When you talk about {t}, what is that like for you?",
                f"It sounds like {t} {verb} been a lot. How would you describe it in your own words?"]
    if not out:
        # nothing of the clause read as an experience: what it named besides the label ("it's the best thing for
        # combat nightmares" -> "combat nightmares") is what the person lives with
        for t in _clause_topics(sentence, lo, hi, start, end, avoid):
            if t.lower() in _AS_TIME:
                out.append(f"That sounds really hard. What has it been like for you {_AS_TIME[t.lower()]}?")
            elif _names_experience(t) and not re.search(r"\bsounds?$", t, re.I):
                out.append(f"{t[0].upper() + t[1:]} {_sounds(t)} really hard. What has it been like for you?")
    return out, lo, hi


# a noun phrase said after a preposition, without a determiner ("for combat nightmares", "into self-harm")
_BARE_NP = re.compile(r"(?<![\w'])(?:for|with|about|around|after|into|from|over|of)\s+((?:[a-z'-]+\s+){0,2}[a-z'-]+)",
                      re.I)


def _clause_topics(sentence: str, lo: int, hi: int, start: int, end: int, avoid=()) -> list[str]:
    """The things the clause ``lo:hi`` names outside the flagged ``start:end`` and the clinical labels, as noun
    phrases to reflect (up to two, the first said first): one with a determiner (:func:`_topic_noun`) or a bare one
    after a preposition ("the best thing for combat nightmares" -> 'combat nightmares').

    >>> _clause_topics("Ask for it, it's the best thing for combat nightmares.", 12, 54, 0, 11)
    ['combat nightmares']
    """
    clause = sentence[lo:hi]
    s, e = max(0, start - lo), max(0, min(end, hi) - lo)
    if s == 0 and e >= len(clause.rstrip(" ,.;:!?")):
        s = e = 0  # a whole clause read as a concern (a context clause): its labels are left out word by word
    inner = [(a - lo, b - lo) for a, b, *_ in avoid if a < hi and b > lo]
    out = []
    from lemminflect import getAllLemmas

    np_ = _topic_noun(clause, s, e, inner)
    if np_ and _head(np_) not in _PEOPLE and not set(np_.lower().split()[1:]) & _COPULA_WORDS and \
            not any("ADV" in getAllLemmas(w.lower()) for w in np_.split()[1:]):  # a person is not an experience,
        out.append(np_)  # ... nor "the best", "the most", "a pretty common body": a degree word names no thing
    for m in _BARE_NP.finditer(clause):
        a, b = m.span(1)
        if (a < e and b > s) or any(x < b and y > a for x, y in inner):
            continue
        words = m.group(1).lower().split()
        if words[0] in FUNCTION or words[0] in _PREP or words[0] in _DET_END:
            continue  # a determiner: _topic_noun's
        k = 0
        while k < len(words) and words[k] not in FUNCTION and words[k] not in _PREP and "'" not in words[k] and \
                _noun_like(words[k]) and (k == 0 or _premodifier(words[k - 1])):
            k += 1
        words = words[:k]
        while words and (words[-1] in _BAD_END_WORDS or not _noun_like(words[-1]) or words[-1] in _NUMBERS):
            words.pop()
        if not words or "ADV" in getAllLemmas(words[-1]) or words[-1] in _NO_TOPIC or set(words) & (_VERDICT_WORDS | L.JUDGMENT | set(PERSON_FIRST)
                                                                | _CLINICAL | _LABELS | _PEOPLE) \
                or not _has_content(" ".join(words)) or not all(re.fullmatch(r"[a-z'-]+", w) for w in words):
            continue
        t = " ".join(words)
        if t not in out and not any(t in o for o in out):
            out.append(t)
    return out[:2]


# a yes/no question about what the person does with a medication ("did u take ur adderall today or sell it",
# "have you been taking it every night, or skipping it", "have you got naloxone in the house")
_YES_NO = re.compile(r"^(?:(?:ok|okay|so|and|but|um|uh|honestly|real talk|like|i mean|just|also|wait|hey)\b[,\s]*)*"
                     r"(did|do|have|are|were|will|can)\s+(?:you|u|ya)\s+"
                     r"((?:(?:actually|really|still|even|ever|already|definitely|been|remembered to|managed to)\s+)*)"
                     r"(got\s+)?([a-z]+)\b(.*)$", re.I)
_TAKING = frozenset("take taking took taken skip skipping skipped miss missing missed use using used have".split())


def _medication_question(sentence: str, lo: int, hi: int, avoid=()) -> tuple[str, int, int] | None:
    """(gerund phrase, lo, hi) of a yes/no question about taking (or having) a medication that the range ``lo:hi``
    is part of, to ask openly ("taking your adderall today or selling it"); None when there is none.

    >>> _medication_question("did u take ur adderall today or sell it lol", 0, 28)[0]
    'taking your adderall today or selling it'
    """
    for a, b in segments(sentence):
        if b <= lo and not re.match(r"^\W*(?:or|and)\b", sentence[b:hi].lstrip(" ,"), re.I):
            continue
        m = _YES_NO.match(sentence[a:])
        if not m or a >= hi:
            continue
        end = len(sentence) - len(re.sub(r"^.*?[?.!](?=\s|$)", "", sentence[a:], flags=re.S)) \
            if re.search(r"[?.!](?:\s|$)", sentence[a:]) else len(sentence)
        aux, verb = m.group(1).lower(), m.group(4).lower()
        if m.group(3):  # "have you got naloxone"
            verb, rest = "have", f"{m.group(4)}{m.group(5)}"
        else:
            rest = m.group(5)
            from lemminflect import getLemma

            if aux in {"are", "were"} or "been" in m.group(2).lower().split():
                if not verb.endswith("ing"):
                    return None
            elif aux == "have":
                return None
            base = (getLemma(verb, upos="VERB") or (verb,))[0]
            verb = base
        # a new clause run on without punctuation ("... tonight i didnt see you", "... because you shouldnt mix
        # those") is no part of the question
        body = normalise(_trim(_NEW_CLAUSE.sub("", f"{verb} {rest.strip()}")))
        # the other answer asked with its own aux ("or have you stopped") is one more action ("or stopping")
        from lemminflect import getLemma

        body = re.sub(r"\bor (?:did|have|has|do|are) (?:you|u|ya) ([a-z]+)\b", lambda m2: "or " + (
            getLemma(m2.group(1).lower(), upos="VERB") or (m2.group(1),))[0], body, flags=re.I)
        # text-speak "ur" before a participle is "you're", not "your" ("like ur meant to")
        body = re.sub(r"\byour (?=(?:meant|supposed|allowed|able|going|gonna|told)\b)", "you're ", body)
        words = set(re.findall(r"[a-z']+", body.lower()))
        if not (words & L.MEDICATION or (re.findall(r"[a-z']+", body.lower()) or [""])[0] in _TAKING and
                re.match(r"^\w+ (?:it|them|one|any)\b", body, re.I)):
            return None
        ger = gerund_phrase(body)
        ger = re.sub(r"\b(?:actually|really|even)\s+", "", ger)
        if not _has_content(ger) or len(ger.split()) > 25:
            return None
        return ger, min(lo, a), max(hi, end)
    return None


# a yes/no check on whether the person takes a medicine, or is still on it ("did you take your dose this morning",
# "r u still on the risperdal or did u stop"): its subject, its aux, and what follows the verb
_CHECK = re.compile(r"^(?:(?:ok|okay|so|and|but|um|uh|honestly|like|i mean|just|also|wait|hey|yeah)\b[,\s]*)*"
                    r"(did|do|have|are|r|were)\s+(you|u|ya|he|she|they)\s+"
                    r"(?:(?:actually|really|still|even|ever|already|been|remember to|remembered to|manage to|"
                    r"managed to|keep|kept)\s+)*(?:take|taking|get|use|using|on)\s+(.+)$", re.I)
# where a new clause starts in an unpunctuated turn ("... tonight i didnt see you", "... let me see the pack",
# "... because you shouldn't mix those"): the check ends before it
_NEW_CLAUSE = re.compile(r"\s+(?:I|I'm|I'd|I've|I'll|let me|lemme|because|cause|cuz|bc|coz|lol|lmao)\b.*$", re.I)
_CHECK_DETS = frozenset("your the his her their my".split())


def _medication_check(sentence: str, lo: int, hi: int, whom: str) -> tuple[list[str], int, int] | None:
    """(texts, lo, hi) of a yes/no check on taking a named medicine (the range ``lo:hi`` part of it), asked openly
    as how the medicine has been going, with the time it named and the other answer it offered; None when there
    is none. Asking "how has it been going" leaves the person to tell as much as they want, where "did you take
    it" checks up on them.

    >>> _medication_check("Did you take your lamictal and your melatonin this morning before work?", 0, 30, "your doctor")[0]
    ['How did your lamictal and your melatonin go this morning, before work? If you want, we can plan what to ask your doctor.', 'How have your lamictal and your melatonin been going this morning, before work? If you want, we can plan what to ask your doctor.']
    >>> _medication_check("r u still on the lithium or did u quit", 0, 20, "your GP")[0]
    ['How has the lithium been going, or did you quit? If you want, we can plan what to ask your GP.']
    >>> _medication_check("did you take your naltrexone last night", 0, 20, "your GP")[0]
    ['How did your naltrexone go last night? If you want, we can plan what to ask your GP.']
    >>> _medication_check("did you take it last night", 0, 20, "your doctor") is None
    True
    """
    for a, b in segments(sentence):
        if b <= lo or a >= hi:
            continue
        m = _CHECK.match(normalise(sentence[a:]))
        if not m:
            return None
        close = re.search(r"[?.!](?=\s|$)", sentence[a:])
        end = a + close.end() if close else len(sentence)
        subject = "you" if m.group(2).lower() in {"you", "u", "ya"} else m.group(2).lower()
        body = _trim(_NEW_CLAUSE.sub("", re.split(r"[?.!](?:\s|$)", m.group(3))[0]))
        words = body.split()
        # the medicine: a determiner, then up to three words ending on a medication word ("your night dose", "the
        # seroquel and the trazodone")
        k = 1 if words and words[0].lower() in _CHECK_DETS else 0
        if not k and words and words[0].lower() == "ur":
            words[0], k = "your", 1
        meds = [j for j in range(k, min(len(words), k + 7)) if words[j].lower().strip(",") in L.MEDICATION]
        if not k or not meds or meds[0] > k + 2:
            return None
        j = meds[0] + 1
        both = re.match(r"^(and (?:the|your|his|her|their|my) \w+)\b", " ".join(words[j:]), re.I)
        if both and both.group(1).split()[-1].lower() in L.MEDICATION:
            j += 3
        np_, tail = " ".join(words[:j]).strip(" ,"), " ".join(words[j:])
        tail, _, alt = f" {tail}".partition(" or ")
        tail = re.sub(r"\b(?:still|again|yet|even|actually|really|like|um|uh|properly)\b", "", tail, flags=re.I)
        tail = " ".join(tail.replace(",", " ").split())
        if not _TIME_TAIL.fullmatch(tail):
            return None  # something else after the medicine ("the way the doctor wrote it"), not when it was taken
        tail = re.sub(r"\s+(before|after|when|since|while|until)\b", r", \1", tail, count=1) if \
            not re.match(r"^(?:before|after|when|since|while|until)\b", tail, re.I) else tail
        other = ""
        alt = alt.strip(" ,")
        did = re.match(r"^(?:(did|have|has|are|is|do|does)\s+(?:you|u|ya|he|she|they)\s+)?([a-z]+)\b(.*)$", alt, re.I)
        if did and _is_verb(did.group(2)) and len(alt.split()) <= 6:
            ing = did.group(2).lower().endswith("ing")
            aux = (did.group(1) or ("did" if m.group(1).lower() == "did" and not ing else
                                    "are" if m.group(1).lower() in {"are", "r"} and ing else "")).lower()
            if aux:  # "or did u stop", "or sell it": the other answer, left open
                other = f", or {aux} {subject} {did.group(2).lower()}{did.group(3)}"
        elif alt and _TIME_TAIL.fullmatch(re.sub(r"^(?:just|only)\s+", "", alt, flags=re.I)):
            other = f", or {alt}"  # "every day, or just when you remember"
        has = "have" if " and " in np_ or _plural(np_) else "has"
        when, np_ = (f" {tail}" if tail else ""), _lower_first(np_)
        texts = []
        if m.group(1).lower() == "did":  # a time that is past ("yesterday", "last night") takes the past
            texts.append(f"How did {np_} go{when}{other}? If you want, we can plan what to ask {whom}.")
        if not _PAST_TIME.search(tail):
            texts.append(f"How {has} {np_} been going{when}{other}? If you want, we can plan what to ask {whom}.")
        return texts, min(lo, a), max(hi, end)
    return None


# when a medicine was (or is) taken: a time, and a clause of time after it ("this morning before you came in")
_TIME_TAIL = re.compile(r"(?:today|tonight|yesterday|this (?:morning|afternoon|evening|week|weekend|month)|"
                        r"last (?:night|week|weekend|month)|(?:every|each) (?:single )?(?:day|night|morning|evening|week)|"
                        r"at (?:night|bedtime|breakfast|lunch|dinner)|in the (?:morning|evening)|on (?:time|weekends)|"
                        r"together|lately|recently|regularly)?(?:\s*(?:before|after|when|while|since|until)\s+[\w' ]+)?",
                        re.I)
_PAST_TIME = re.compile(r"\b(?:yesterday|last|ago|earlier|the other day)\b", re.I)


# taking a medication the sentence does not name ("take one of your mom's beta blockers", "stop taking it")
_TAKES = re.compile(r"\b(?:(?:stop|quit) )?(?:take|taking|skip|skipping)\s+(?:it|them|one|some|a couple|a few|a|an|"
                    r"your|ur|his|her|their|my)\b", re.I)


_ADVICE = re.compile(r"^(?:.*?\b(?:if (?:it was|it were|i was|i were) (?:me|you),?\s+))?(?:(?:honestly|tbh|um|uh|so|"
                     r"and|but|i mean|you know|like)\b[,\s]*)*(?:i'd|i would|(?:you|u) (?:could|can|might))\s+"
                     r"(?:(?:just|probably|maybe|always|even|honestly)\s+)*(.+)$", re.I)


# advice to ask the person's clinician for something ("ask your doctor for X", "... to up it", "... about X")
_ASK_WHOM = re.compile(r"^((?:your|ur|the|his|her|their) (?:psychiatrist|doctor|doc|gp|prescriber|nurse|pharmacist|"
                       r"psych|care team|team|clinic))\s+(for|about|to|if|whether)\s+(.+)$", re.I)


def _ask_clinician(verb: str, rest: str) -> list[str]:
    """Advice to ask a clinician (``verb`` "ask", ``rest`` who and what) as the person's own choice to ask them (or
    talk with them); [] when it is not one. The supporter already sent the question to the clinician, so it is not handed to "your
    prescriber" again ("talk with your prescriber about asking your doctor for ...").

    >>> _ask_clinician("ask", "ur gp for melatonin before the trip")[0]
    'Would you like to ask your GP about melatonin before the trip?'
    >>> _ask_clinician("ask", "your psychiatrist to lower the dose")[1]
    'Would you like to ask your psychiatrist what they think about lowering the dose?'
    >>> _ask_clinician("ask", "him for a ride"), _ask_clinician("call", "your doctor about it")
    ([], [])
    """
    m = _ASK_WHOM.match(normalise(_trim(rest)))
    if verb.lower() != "ask" or not m:
        return []
    whom = re.sub(r"^ur\b", "your", m.group(1), flags=re.I)
    whom = re.sub(r"\bgp\b", "GP", whom, flags=re.I)
    how, what = m.group(2).lower(), m.group(3).strip(" ,")
    if how == "to":  # "to up it" -> "about upping it"
        words = what.split(" ", 1)
        if not _is_verb(words[0]):
            return []
        what = _verb_phrase(words[0].lower(), words[1] if len(words) > 1 else "")[1]
    elif how in {"if", "whether"}:
        what = f"whether {what}"
    if not _has_content(what):
        return []
    # (said with "about", the first would repeat the advice word for word: the others do not)
    return [f"Would you like to ask {whom} about {what}?", f"Would you like to ask {whom} what they think about {what}?",
            f"Would you like to talk with {whom} about {what}?"]


def _advice(clause: str) -> tuple[str, str, bool]:
    """(verb, rest, negated) of the action a clause advises: an order, "I'd ...", "you could ..."; ('', '', False)
    when it advises none."""
    verb, rest, negated = _order(clause)
    if verb:
        return verb, rest, negated
    m = _ADVICE.match(normalise(_trim(clause)))
    if not m:
        return "", "", False
    words = m.group(1).split(" ", 1)
    v = words[0].lower()
    if not (_action_verb(v) or v in MED_VERBS) or v in {"be", "have", "say", "think", "bet", "feel"}:
        return "", "", False
    return v, words[1] if len(words) > 1 else "", False


# verbs whose complement follows them ("after getting" + "fired sounds like ...": the complement was cut off)
_LINKING = frozenset("getting being feeling becoming".split())
_COPULA_WORDS = frozenset("is are was were 's 're am be sounds sound seems seem looks look means mean".split())


def _left_with_lent(left: str, phrase: str) -> str:
    """The words before the label, with the phrase's own words up to its verb when the span cut a noun phrase
    short ("Racing thoughts at" + "night are a mania" -> "Racing thoughts at night")."""
    words = left.split()
    if not words or words[-1].lower().strip(",") not in _PREP | _DET_END | _LINKING or left.rstrip() != left.rstrip(" ,"):
        return left
    lent = []
    for w in phrase.split():
        low = w.lower().strip(",.!?")
        if low in _COPULA_WORDS or "'" in w or w != w.rstrip(",.!?") or low in _LABELS or low in FUNCTION:
            if w != w.rstrip(",.!?") and low not in _COPULA_WORDS | FUNCTION | _LABELS and "'" not in w:
                lent.append(w.rstrip(",.!?"))
            break
        lent.append(w)
    return f"{left.rstrip()} {' '.join(lent)}" if lent and len(lent) <= 3 else left


def _told(left: str, right: str) -> str:
    """What the person told, as a clause to reflect ("you've been talking a mile a minute ..."), from the words before
    the label or after it; '' when neither reads as one."""
    for f in (left, right):
        t0 = _lower_first(_you_perspective(_clean(_LABEL_LEAD.sub("", normalise(_trim(f))))))
        t0 = re.sub(r"\s+(?:it|that|this)$", "", t0)  # "your grief is so intense it (sounds like ...)"
        t0 = re.sub(r"\s+(?:every|each|all|the|a|an)$", "", t0)  # "... finding your nan every (night, ...)"
        if re.match(r"^(you|you're|you've|you'd|you haven't|you have|you can't|you don't|"
                    r"your \w+ (?:is|are|has|have|was|were|keeps?))\b", t0) and \
                _reflectable(t0) and not re.match(r"^you('ve| have)? (got|gotta|need|should|must)\b", t0) and \
                not set(t0.lower().split()) & _LABELS and len(t0.split()) >= 4 and \
                t0.split()[-1].lower() not in _OPEN_END | {"describing", "explaining", "have", "has", "had"} and \
                not re.search(r"\b(?:it|that|this|them|him|her|me) (?:you|i|he|she|they|we)\b", t0, re.I) and \
                not re.search(r"\b(?:describing|saying|telling|explaining|mentioning)\b", t0, re.I):
            return t0  # (not a run-on: "... get ahead of it you probably already have")
    return ""


_PREP = frozenset("after before of in with from like at on about for since during to".split())


def _plural(noun_phrase: str) -> bool:
    """Is the head noun (the last word before the first preposition) plural?  'panic attacks after a crash'."""
    h = _head(noun_phrase)
    return h.endswith("s") and not h.endswith(("ss", "us", "is", "'s"))


# a quantity that takes "of" ("a couple of", "a lot of", "some of", "two of"): a noun phrase that starts at its "of"
# starts inside it, so the quantity is kept whole (or, where it cannot be, the "of" goes with it)
_QUANTITY_NOUNS = frozenset("couple lot bit few handful bunch pair number little ton load dozen half rest "
                            "majority most some all".split())
_QUANTITY_WORDS = frozenset("lots loads tons plenty some any most all none half both each either neither several many "
                            "much more less few one two three four five six seven eight nine ten".split())


def _partitive_start(words: list[str], j: int) -> int:
    """Where a noun phrase that would start at ``words[j]`` really starts: when ``words[j]`` is "of", at the
    quantity before it, with its determiner ("a couple of extra pills"); past the "of" when no quantity is there.

    >>> w = "take a couple of extra lorazepam".split()
    >>> " ".join(w[_partitive_start(w, 3):])
    'a couple of extra lorazepam'
    >>> w = "the side effects of sertraline".split()
    >>> " ".join(w[_partitive_start(w, 3):])
    'sertraline'
    """
    if j >= len(words) or words[j].lower() != "of" or j == 0:
        return j + 1 if j < len(words) and words[j].lower() == "of" else j
    q = words[j - 1].lower()
    if q in _QUANTITY_NOUNS and j >= 2 and words[j - 2].lower() in {"a", "an", "the"}:
        return j - 2  # "a couple of", "the rest of"
    if q in _QUANTITY_WORDS or q.isdigit():
        return j - 1  # "some of", "two of", "lots of"
    return j + 1


def _medication_np(sentence: str) -> str:
    """From the determiner before the first medication word to the end of its clause: 'your dose of sertraline';
    a quantity said before it is kept whole ('a couple of extra lorazepam')."""
    words = re.findall(r"[A-Za-z0-9']+", _trim(sentence))
    for i, w in enumerate(words):
        if w.lower() in L.MEDICATION and w.lower() not in {"prescribed", "medicated", "dosed", "overdosed"}:
            j = i  # (a participle is no medicine to ask about: "only what's prescribed")
            while j > 0 and words[j - 1].lower() in {"your", "the", "my", "those", "these", "that", "this", "of",
                                                     "dose", "extra", "new", "night", "morning", "evening"}:
                j -= 1
            while j < i and words[j].lower() == "of":  # the phrase started inside "a couple of ...", "two of ..."
                j2 = _partitive_start(words, j)
                if j2 > j:
                    j = j2
                    continue
                j = j2
                break
            if i == 0 and w.lower() in {"taper", "wean", "refill", "titrate", "dose"}:
                continue  # a verb here ("Taper down ten milligrams"), not the medication
            k = i + 1
            while k < len(words) and words[k].lower() in L.MEDICATION | {"dose", "doses", "of"}:
                k += 1
            if words[k - 1].lower() == "of":
                k -= 1
            tail = " ".join(w.lower() for w in words[k:k + 3])
            tail = " ".join(w.lower() for w in words[k:k + 4])
            when = re.match(r"^(?:every (?:single )?(?:day|morning|night|evening|month|week)|at night|in the morning|"
                            r"at bedtime|on (?:the )?(?:good |bad |busy |hard )?(?:days|weekends|nights)|on weekends|"
                            r"before bed)\b", tail)
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
    r"no prob(lem)?|no doubt|no question|promise|i bet|i (?:just |really |totally )?know it|i know (?:you|he|she|they) "
    r"(?:will|do|does|can)|i'?d (?:put|bet) money on it|i'?ll make sure of (?:it|that)|it's handled|consider it done|"
    r"you have my word|take my word for it|(?:everybody|everyone) does|they always do|hand on (?:my )?heart|"
    r"cross my heart|(?:i'?d|id) (?:bet|put) my (?:life|house) on it|"
    r"i know (that )?|i'm sure (that )?|i can tell|i can feel it|"
    r"you'll see(?=\s*(?:[,.!?]|$))|i'll see to it|believe me|mark my words|no matter what|"
    r"(?<!be )(?<!is )(?<!'s )(?<!go )(?<!going )(?<!went )(?<!take it )easy(?! on\b)|just watch)\b[,!]?",
    re.I)
_SECRECY = re.compile(r"\b(between us|secret|won't tell|wont tell|leave this room|nobody will|no one will|never tell|"
                      r"stays here|goes in a report|goes on (any|a) record|nobody needs to know|anonymous|"
                      r"not gonna tell|no one else will see)\b", re.I)
_AVAILABILITY = re.compile(r"\b(anytime|any time|day or night|24/7|always answer|always pick up|whenever|"
                           r"never log off|never sleep|any hour|always be (?:here|there) for)\b", re.I)


_REASSURANCE = re.compile(
    r"\b(don'?t (even )?worry( about it)?|no need to worry|trust me|i know( you (won'?t|will))?|"
    r"(they|it|everyone|everybody) (all |almost )?(always )?(do|does)( eventually)?|ur fine|you'?re fine|"
    r"believe me|mark my words|i can feel it|(?<!be )(?<!is )(?<!'s )(?<!go )(?<!going )(?<!went )(?<!take it )easy(?! on\b))\b[,!]?", re.I)
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
    r"(?P<aux>'ll|will|(?:'s|is|'re|are|'m|am)\s+(?P<mid>(?:not|never|ever|definitely|totally|def|just|really|so|"
    r"all|100%)\s+)*(?:gonna|going to)|(?P<mid2>(?:not|never)\s+)?(?:gonna|going to)))"
    r"\s+(?P<adv>(?:(?:never|ever|even|definitely|totally|absolutely|all|always|def|personally|really|just|surely|"
    r"certainly|100%|actually|still)\s+)*)(?P<verb>[a-z]+)\b(?P<rest>.*)$", re.I)
_SUBJECT_END = re.compile(r"(?:^|\s)((?:(?:the|your|my|his|her|their|our|this|that|these|those|a|an|all|no|every)\s+)?"
                          r"(?:[\w']+\s+){0,2}[\w']+)$", re.I)
_PRONOUNS = frozenset("i you he she it we they this that everything nothing everyone everybody nobody someone "
                      "tomorrow".split())
_DROP_ADVERBS = re.compile(r"\b(?:definitely|definately|definetly|definitly|deffo|defo|totally|absolutely|def|surely|"
                           r"certainly|100%|for sure)\s+", re.I)


def _split_subject(pre: str) -> tuple[str, str]:
    """('in a month', 'this') from 'in a month this': a fronted time phrase, then the subject."""
    pre = pre.strip(" ,")
    words = pre.split()
    if not words:
        return "", ""
    if words[-1].lower() in _PRONOUNS:
        prefix = " ".join(words[:-1])
        if len(words) > 1 and words[-2].lower() in {"and", "but", "so", "then", "or"}:
            prefix = ""  # "apologize for everything and she": another clause before, not a fronted phrase
        return prefix, words[-1]
    for k in range(len(words)):
        if words[k].lower() in {"the", "your", "my", "his", "her", "their", "our", "those", "these", "no", "every"}:
            head = words[k:]
            if not any(w.lower() in _PREP for w in head):
                return " ".join(words[:k]), " ".join(head)
    return "", pre


def _never_present(text: str) -> str:
    """'they never turn anyone down' -> 'they don't turn anyone down': an 'always/never' claim as a plain one.

    >>> _never_present("they never cut people off for one late review")
    "they don't cut people off for one late review"
    """
    always = re.match(r"^((?:(?:the|your|my|his|her|their|our)\s+)?[\w]+)\s+always\s+(?=[a-z]+\b)", text, re.I)
    if always and always.group(1).lower() not in {"i", "we"} and not re.match(
            r"(?:is|are|was|were|be|do|does|did|has|have)\b", text[always.end():], re.I):
        return f"{always.group(1)} {text[always.end():]}"  # "they always sort it" -> "they sort it"
    m = re.match(r"^((?:(?:the|your|my|his|her|their|our)\s+)?[\w]+)\s+never\s+([a-z]+)\b(.*)$", text, re.I)
    if not m or m.group(1).lower() in {"i", "nobody", "no", "nothing", "none"} or not _is_verb(m.group(2)):
        return text
    from lemminflect import getLemma

    base = (getLemma(m.group(2).lower(), upos="VERB") or (m.group(2),))[0]
    aux = "don't" if is_plural_subject(m.group(1)) else "doesn't"
    return f"{m.group(1)} {aux} {base}{m.group(3)}"


# outcomes nobody hopes for: said of the person ("you'll relapse", "your PO will violate you"), a prediction like
# this handed back as "I hope ..." would wish it on them
_HARM_DONE = frozenset("relapse use slip lose fail die overdose od drink spiral".split())
# ... these only as a relapse, said on their own or with when ("he'll use the money well" is no worry)
_HARM_IF_ALONE = frozenset("use drink slip".split())
_HARM_WHEN = re.compile(r"^(?:$|again\b|up\b|(?:over|because of|if|when|once|after|before|as soon as|the minute|"
                        r"the second|tonight|today|this weekend)\b)", re.I)
_HARM_TO_YOU = frozenset("violate evict fire sack kick arrest deport reject deny sanction dump recall suspend expel "
                         "sue hurt kill hate blame abandon section hospitalize hospitalise leave cut report".split())
# ... these only with where they put the person ("take you in" is a welcome, "take your kids away" is not)
_HARM_PLACE = frozenset("take put send lock".split())
_AWAY = re.compile(r"\b(?:away|up|inside|jail|prison|hospital|ward|cell|street|custody|back)\b", re.I)
_HARM_STATE = re.compile(r"^(?:(?:really|so|totally|just|all|even|back|right)\s+)*(?:fired|sacked|evicted|arrested|"
                         r"kicked|worse|sick|hurt|locked|violated|sanctioned|recalled|denied|rejected|dumped|caught|"
                         r"deported|sectioned|hospitali[sz]ed|killed|robbed|attacked|beaten|laid off|sent (?:back|away)|"
                         r"homeless|dead|alone|in (?:jail|prison|hospital|the hospital|a cell|trouble)|inside|"
                         r"on the street|back (?:in|inside|on the street|to (?:jail|prison|hospital|using|drinking))|"
                         r"(?:in|to) (?:jail|prison)|"
                         # "you'll be the one on oxygen at 30", "... the next one in the ER": a fate held up as a warning
                         r"the (?:one|next one|guy|girl|person) (?:on|in|at|with|who)\b.*\b(?:oxygen|dialysis|ventilator|"
                         r"hospital|er|a&e|icu|ward|morgue|grave|cell|jail|prison|street|overdose|od|dead|dies|died)\b)\b",
                         re.I)
_YOU_OBJ = re.compile(r"^(?:(?:\w+\s+){0,1})(?:you|u|ya|your|ur|yourself)\b(?!\s+alone)", re.I)
_WANTED = re.compile(r"^(?:change|recover|heal|improve|get (?:better|well|clean|sober)|make it|stay (?:clean|sober))\b",
                     re.I)
_YOUR_SUBJECT = re.compile(r"^(?:you|u|ya|your|ur|yourself)\b", re.I)
_NO_ONE = frozenset("nobody nothing none no one".split())


def _unwanted(subj: str, verb: str, rest: str, negated: bool, prefix: str = "") -> str:
    """'worry' when a prediction is of harm to the person, 'unsure' when it denies them what they want ("he'll
    never change"), '' otherwise: either way "I hope ..." would turn it against them.

    >>> _unwanted("you", "relapse", "if you skip meetings", False), _unwanted("your boss", "fire", "you", False)
    ('worry', 'worry')
    >>> _unwanted("your sister", "leave", "you alone", False), _unwanted("she", "leave", "you", True)
    ('', '')
    >>> _unwanted("you", "get", "kicked off the course", False), _unwanted("he", "change", "", True)
    ('worry', 'unsure')
    >>> _unwanted("the gossip", "die", "down by June", False), _unwanted("she", "use", "the grant for rent", False)
    ('', '')
    >>> _unwanted("they", "take", "your kids away", False), _unwanted("he", "take", "you back", False)
    ('worry', '')
    >>> _unwanted("you", "be", "the one on oxygen at 30", False), _unwanted("you", "be", "the one who gets the job", False)
    ('worry', '')
    """
    low = subj.lower()
    if low in _NO_ONE or low.startswith("no ") or re.search(r"\blast time\b", prefix, re.I):
        return ""  # "nobody's gonna kick you out", "the last time you end up in here": already the hope
    if negated:
        return "unsure" if _WANTED.match(f"{verb} {rest}") else ""
    v = verb.lower()
    if v in _HARM_DONE and not re.match(r"^(?:(?:the|some|a|that|this|any)\s+)?(?:weight|pounds|kilos|urge|interest|"
                                        r"nothing|none|down|off|out)\b", rest, re.I) and \
            (v not in _HARM_IF_ALONE or _HARM_WHEN.match(rest)):
        return "worry"  # "you'll lose the flat", "he'll use again" (never "you'll lose the weight", "it'll die down")
    if v in _HARM_TO_YOU and _YOU_OBJ.match(rest) and not re.match(r"^\w*\s*(?:your|ur)\s+(?:power|stuff|things)\b",
                                                                   rest, re.I):
        return "worry"  # "your PO will violate you", "they'll cut you off"
    if v in _HARM_PLACE and _YOU_OBJ.match(rest) and _AWAY.search(rest) and \
            (v != "take" or re.search(r"\b(?:away|custody)\b", rest, re.I)):
        return "worry"  # "they'll take your kids away", "they'll lock you up" ("she'll take you back" is hoped for)
    personal = _YOUR_SUBJECT.match(low) or low in {"he", "she", "they"}
    if v in {"get", "be", "end", "go", "wind"} and personal and _HARM_STATE.match(re.sub(r"^up\s+", "", rest)):
        return "worry"  # "you'll get fired", "you're gonna end up back inside"
    if v in {"get", "be"} and re.match(r"^(?:(?:even|so much|a lot|way|much)\s+)?worse\b", rest, re.I):
        return "worry"  # "it's gonna get worse"
    return ""


def _noun_clause(text: str) -> bool:
    """Does ``text`` open with a noun phrase and its present-tense verb ("the cravings stop", "kids bounce back",
    "nobody gets sanctioned for one missed call")? A claim about how things go, which a hope can hold.

    >>> _noun_clause("the cravings stop"), _noun_clause("kids bounce back"), _noun_clause("your new place")
    (True, True, False)
    """
    from lemminflect import getAllLemmas, getInflection

    words = text.lower().split()
    start = 1 if words and words[0] in {"the", "your", "ur", "his", "her", "their", "my", "those", "these", "most"} else 0
    if len(words) <= start + 1 or "NOUN" not in getAllLemmas(words[start]) and words[start] not in {"nobody", "everybody",
                                                                                                "everyone", "nothing"}:
        return False
    subject, k = words[start], start + 1
    while k < len(words) and words[k] in {"just", "always", "never", "really", "totally", "usually", "all", "soon"}:
        k += 1
    if k >= len(words):
        return False
    w = words[k]
    base = (getAllLemmas(w).get("VERB") or ("",))[0]
    if not base or base in {"be", "have", "do"}:
        return False
    return w in (getInflection(base, tag="VBZ") or ()) or (w == base and subject.endswith("s"))


def _hope(claim: str) -> tuple[str, str]:
    """(kind, text): a guarantee turned into what the supporter hopes, or what they can try.

    kind is 'hope' ("you get the apartment"), 'try' ("get you a bed upstairs": a promise of one's own),
    'sure' ("the VA approves the switch": "I'll make sure ..."), or '' when nothing fits.

    >>> _hope("you'll be in your own flat by Christmas"), _hope("he's never gonna touch you again")
    (('hope', "you're in your own flat by Christmas"), ('hope', "he doesn't touch you again"))
    >>> _hope("I'll make sure the VA approves the switch"), _hope("I'll get you a bed upstairs")
    (('sure', 'the VA approves the switch'), ('try', 'get you a bed upstairs'))
    >>> _hope("no way they'd ever cancel your place"), _hope("you're gonna lose the room if you miss curfew")
    (('hope', "they don't cancel your place"), ('worry', 'you might lose the room if you miss curfew'))
    >>> _hope("the nurses here will sort it"), _hope("nothing like that is ever going to happen again")
    (('hope', 'the nurses here sort it'), ('hope', 'nothing like that happens again'))
    """
    claim = re.sub(r"\s+", " ", claim).strip(" ,.!?;-")
    # "no way they'd ever fire you" denies it: "they won't fire you"; the "no way" may be a clause of its own, and
    # "they'd ever fire you" left alone would say the opposite
    claim = re.sub(r"^(?:no way,?\s+(\w+?)(?:'d|\u2019d|d| would) (?:ever )?|(\w+?)(?:'d|\u2019d|d| would) ever )",
                   lambda w: f"{w.group(1) or w.group(2)} won't ", claim, flags=re.I)
    m = _FUTURE.match(claim)
    if not m:
        text = _DROP_ADVERBS.sub("", claim).strip()
        text = _never_present(text)
        if re.match(r"^(i|i'm|i've|that's|that is|it's|this is|thats|its|there's)\b", text, re.I) or \
                not _has_content(text) or not (_is_clause(text) or _noun_clause(text)):
            return "", ""
        return "hope", re.sub(r"\bever again\b", "again", text)
    prefix, subj = _split_subject(m.group("subj"))
    subj = {"u": "you", "ya": "you", "ur": "you"}.get(subj.lower(), subj)  # "u'll be ok"
    verb, rest = m.group("verb"), m.group("rest").strip()
    adv = m.group("adv").lower().split()
    mid = ((m.group("mid") or "") + " " + (m.group("mid2") or "")).lower().split()
    negated = bool(m.group("neg")) or "never" in adv or "not" in mid or "never" in mid
    rest = re.sub(r"\b(?:for good|no matter what|or anything|either)\b", "", rest).strip(" ,")
    rest = re.sub(r"\bin no time\b", "soon", rest)
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
    harm = _unwanted(subj, verb, rest, negated, prefix)
    if harm == "worry":  # "you'll relapse if ..." -> "you might relapse if ...": a worry to share, not a forecast
        return harm, " ".join(x for x in (prefix.strip(" ,"), subj, "might", verb.lower(),
                                          _DROP_ADVERBS.sub("", rest + " ").strip()) if x)
    if harm:  # "he'll never change" -> "he will change": what can't be known
        return harm, " ".join(x for x in (prefix.strip(" ,"), subj, "will", verb.lower(),
                                          _DROP_ADVERBS.sub("", rest + " ").strip()) if x)
    if verb.lower() == "be" and rest.split(" ", 1)[0].lower() in {"fine", "okay", "ok", "alright", "good"}:
        rest = re.sub(r"^\w+", lambda w: {"fine": "okay"}.get(w.group(0).lower(), w.group(0)), rest)
    rest = _DROP_ADVERBS.sub("", rest + " ").strip()
    keep_adv = " ".join(a for a in adv if a in {"all", "still"})
    # "the doctors here" takes the verb of "the doctors": a place word after the head is no head of its own
    verb_text = present(subj, verb, negated)
    placed = re.match(r"^(.+?)\s+(here|there|now|too|again)$", subj, re.I)
    if placed:
        verb_text = re.sub(r"^" + re.escape(placed.group(1)), "", present(placed.group(1), verb, negated), count=1)
        verb_text = f"{subj}{verb_text}" if verb_text.startswith("'") else f"{subj} {verb_text.strip()}"
    if verb.lower() == "be" and not negated and re.match(r"^'s\b", m.group("aux") or "") and \
            not is_plural_subject(subj) and subj.lower() not in _PRONOUNS:
        verb_text = f"{subj}'s"  # "friday's gonna be easy" -> "Friday's easy", as they said it
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
    def vouched(text: str) -> str:  # "I swear on my life" vouches whole: no "on my life" left to read as a claim
        return _PROMISE_MARKERS.sub("", _VOUCH_WHOLE.sub("", normalise(text)))

    flagged = normalise(sentence[lo:hi])
    if _has_content(vouched(flagged).replace("I", "")) and not _WORRY.match(flagged):
        return lo, hi
    segs = segments(sentence)
    before = [(a, b) for a, b in segs if b <= lo and _has_content(vouched(sentence[a:b]))]
    after = [(a, b) for a, b in segs if a >= hi and _has_content(vouched(sentence[a:b]))]
    if after and before and re.match(r"^\W*(?:and|but|so)\b", flagged, re.I) and not _WORRY.match(flagged):
        # "you're doing great, | and I swear, | it only gets easier": vouching joined on with "and" opens what it
        # vouches for, said next
        return lo, after[0][1]
    if before:
        return before[-1][0], (hi if not _WORRY.match(flagged) else before[-1][1])
    if after:
        return (lo if not _WORRY.match(flagged) else after[0][0]), after[0][1]
    return lo, hi


# talk that opens a clause ("okay so", "listen", "and, look,"): inside "I hope ..." it would be quoted as the hope
_CLAIM_LEAD = re.compile(r"^(?:(?:and|but|so|or|then|look|listen|oh|okay|ok|well|hey|yeah|yes|right|alright|see|"
                         r"now(?! that)|honestly|seriously|frankly|like|um+|uh+|erm|man|dude|bro|mate|i mean|you know what|"
                         r"real talk|tbh|ngl|dw|swear to god|i swear to god)\b[,\s]*)+", re.I)
# vouching said whole, before the markers take its first words and leave the rest ("I'm sure of it" -> "of it",
# "no doubt at all" -> "at all", "I promise you that" -> "that"), and intensifiers and oaths at the end
_VOUCH_WHOLE = re.compile(
    r",?\s*\b(?:i(?:'m| am) (?:so |really |pretty |absolutely |completely |totally |100% )?(?:sure|certain|positive|"
    r"confident) (?:of|about) (?:it|that)|i (?:promise|swear|guarantee)(?: (?:you|to you|to god))?"
    r"(?: on my (?:life|kids|children|mother's life|mom's life))? (?:that|this)(?=\s*(?:[,.!?;]|$))|"
    r"(?:i )?swear on my (?:life|kids|children|mother's life|mom's life)|on my life|"
    r"no (?:doubt|question)(?: about it| in my mind| at all| whatsoever)?|"
    r"i'?d (?:bet|put) (?:my life|money|my house|my last dollar) on it|(?:i )?swear to god|"
    r"don't (?:even )?(?:sweat it|think about it|stress)(?=\s*(?:[,.!?;]|$))|mark my words|you'll see)\b[,!.]?", re.I)
_CLAIM_TAIL = re.compile(r"(?:(?:,?\s*\b(?:no way|not ever|(?<!than )ever|for real|fr|period|full stop|seriously|"
                         r"honestly)|,\s*(?:okay|ok)\b)\W*)+$", re.I)  # "you'll be ok" keeps its "ok"
_FILLER = re.compile(r",?\s*\b(?:um+|uh+|erm)\b,?", re.I)


def _claim_text(fragment: str) -> str:
    """A clause of a guarantee without its vouching ("I promise", "trust me"), leading talk or closing oath.

    >>> _claim_text("okay so listen, your mum's gonna come round, I promise you that")
    "your mum's gonna come round"
    >>> _claim_text("and, um, the clinic will call back this week, no doubt at all, I swear on my life")
    'the clinic will call back this week'
    >>> _claim_text("the ceiling won't leak again, I'm sure of it"), _claim_text("you'll be closer than ever")
    ("the ceiling won't leak again", "you'll be closer than ever")
    >>> _claim_text("the cat's gonna be ok for real"), _claim_text("so promise me you'll eat something")
    ("the cat's gonna be ok", '')
    """
    claim = normalise(_trim(fragment))
    claim = _CLAIM_LEAD.sub("", claim)
    if re.search(r"\b(?:promise|swear to) me\b", claim, re.I):
        return ""  # "promise me you'll stay" asks the person for a promise: no guarantee of the supporter's
    claim = _VOUCH_WHOLE.sub("", claim)
    claim = _PROMISE_MARKERS.sub("", claim)
    claim = _REASSURANCE.sub("", claim)
    claim = re.sub(r",?\s*\b(?:100|a hundred|one hundred) ?(?:%|percent)", "", claim, flags=re.I)
    claim = _FILLER.sub("", claim)
    claim = _CLAIM_LEAD.sub("", claim.strip(" ,.!?;-"))  # "I promise, look, ...": talk left in front by the vouching
    claim = _CLAIM_TAIL.sub("", claim)
    if re.match(r"^(?:idk|i don't know|i dont know|not sure|i'm not sure|i wish|i can't say|maybe)\b", claim, re.I):
        return ""  # "idk if the nightmares will ease up": said without a guarantee
    return re.sub(r"\s+", " ", claim).strip(" ,.!?;-")


def _is_guarantee(fragment: str) -> bool:
    """Does the clause tell what will happen to someone else ("you'll be in by summer", "your PO won't violate
    you")? Not a plan of the supporter's own, not a condition or a consequence ("or you'll lose it")."""
    text = _claim_text(fragment)
    if not text or re.match(r"^(?:or|if|unless|otherwise|else|when|because)\b", text, re.I):
        return False
    m = _FUTURE.match(text)
    if not m or _split_subject(m.group("subj"))[1].lower() in {"i", "", "we"}:
        return False
    return _hope(text)[0] in {"hope", "worry", "unsure"}


def _with_claims(sentence: str, lo: int, hi: int, avoid=()) -> tuple[int, int]:
    """The guarantee's range grown over the neighbouring clauses that guarantee too, or promise what the supporter
    will do (unflagged, they would stay as they were said around the honest hope)."""
    segs = list(segments(sentence))

    def claims(a: int, b: int) -> bool:
        if any(s < b and e > a for s, e, *_ in avoid):
            return False
        return _is_guarantee(sentence[a:b]) or _hope(_claim_text(sentence[a:b]))[0] == "try"

    for a, b in reversed([(a, b) for a, b in segs if b <= lo]):
        if not claims(a, b):
            break
        lo = a
    for a, b in [(a, b) for a, b in segs if a >= hi]:
        if not claims(a, b):
            break
        hi = b
    return lo, hi


# the people the supporter knows, said to vouch for a promise ("I'll get you a bed, I know people there")
_KNOWN = re.compile(r"\bI know ((?:the |his |her |their |a |some |this |that )?(?:people|person|manager|supervisor|judge|"
                    r"owner|landlord|guy|someone|somebody|staff|director|boss|nurse|warden|caseworker|lady)"
                    r"(?: (?:there|over there|personally|at [a-z]+))?)(?=\s*(?:[,.!?;]|$))", re.I)  # (not "I know the
# landlord's been ...")


def _worried(kinds: list[tuple[str, str]]) -> list[str]:
    """A prediction of harm said as a worry the person may share, what it denies them as what can't be known;
    the hopes and tries beside it kept.

    >>> _worried([("worry", "your landlord might evict you"), ("try", "call him")])[::2]
    ["I'm worried your landlord might evict you, and I can't know that. I can try to call him. How do you see it?", "I'm worried about your landlord evicting you, and I can't know that. I can try to call him. How do you see it?"]
    >>> _worried([("unsure", "things will change")])[0]
    "I can't know whether things will change. How do you see it?"
    """
    def joined(kind: str) -> str:
        return " and ".join(dict.fromkeys(_lower_first(re.sub(r"^(?:and|but)\s+", "", t)) for k, t in kinds if k == kind))

    out = []
    # the worry said as they said it ("you might relapse"), then as a gerund ("about you relapsing"), which does not
    # repeat a flagged "relapse" word for word
    for worry in (joined("worry"), " and ".join(_worry_gerund(w) for w in joined("worry").split(" and "))):
        said = [f"I hope {joined('hope')}"] * any(k == "hope" for k, _ in kinds) + \
            [f"I'm worried {worry}"] * any(k == "worry" for k, _ in kinds)
        first = f"{', but '.join(said)}, and I can't know that." if said else ""
        if any(k == "unsure" for k, _ in kinds):
            first = f"{first} I can't know whether {joined('unsure')}.".strip()
        tried = f" I can try to {joined('try')}." if any(k == "try" for k, _ in kinds) else ""
        out += [f"{first}{tried} How do you see it?", f"{first}{tried} What do you make of it?"]
    return list(dict.fromkeys(out))


def _worry_gerund(worry: str) -> str:
    """'your PO might violate you' -> 'about your PO violating you'.

    >>> _worry_gerund("he might use again"), _worry_gerund("by May you might lose the flat")
    ('about him using again', 'about you losing the flat by May')
    """
    m = re.match(r"^(.*?)\s+might (\w+)\b(.*)$", worry)
    if not m:
        return worry
    pre, subj = _split_subject(m.group(1))
    verb, rest = m.group(2), m.group(3).strip()
    who = {"he": "him", "she": "her", "they": "them", "we": "us"}.get(subj.lower(), subj)
    return " ".join(x for x in ("about", who, gerund(verb), rest, pre) if x)


def _false_promise(sentence: str, start: int, end: int, lo: int, hi: int, avoid=()):
    out = []
    if _SECRECY.search(sentence):
        out.append("What you say here stays private, with a few limits I'll explain, like if someone's safety "
                   "is at risk.")
    if _AVAILABILITY.search(sentence):
        # whom the supporter offered to be there for, and when, kept in an honest offer
        who = re.search(r"\bfor (you(?: and (?:the|your) [a-z]+)?)\b", normalise(sentence), re.I)
        when = re.search(r"\b(day or night|night or day|24/7|any time|anytime)\b", sentence, re.I)
        if who or when:
            said = when.group(1).lower() if when else ""
            span_ = {"any time": "at all hours", "anytime": "at all hours"}.get(said, said) or "all the time"
            out.append(f"I can't be there {span_}, but I'll be here for "
                       f"{who.group(1) if who else 'you'} at our next time, and we can find other people you can call "
                       f"when I'm not around.")
        out.append("I can't always pick up, but I'll be here at our next time, and we can find other people you "
                   "can call when I'm not around.")
        return out, lo, hi
    lo, hi = _claim_range(sentence, lo, hi)
    lo, hi = _with_claims(sentence, lo, hi, avoid)
    claim = _claim_text(sentence[lo:hi])
    # each clause its own claim: "the pharmacy's gonna fix it this time | I guarantee you won't get shorted again"
    parts = [_claim_text(sentence[a:b]) for a, b in segments(sentence) if a >= lo and b <= hi] or [claim]
    for k in range(len(parts) - 1):  # "once he's on the right medication | he'll be back": one claim
        if re.match(r"^(?:once|if|when|whenever|after|before|until|as soon as)\b", parts[k], re.I):
            parts[k + 1], parts[k] = f"{parts[k]} {parts[k + 1]}", ""
    parts = [x for x in parts if x]
    pieces = [c for p in parts for c in re.split(r",\s*", p) if c.strip()]
    kinds = [_hope(c) for c in pieces]
    said = _claim_text(sentence[start:end]).lower()
    # the flagged phrase is a clause no hope can be made of ("ur kids are gonna be fine, kids always bounce back")
    # (a one-word span is a stray word of the tagger's, not the claim: "... who owes me one")
    phrase_lost = len(said.split()) > 1 and any(not k[0] and said in c.lower() for c, k in zip(pieces, kinds))
    # a hope whose claim lost its predicate ("friday is") is no hope to offer
    kinds = [k for k in kinds if k[0] and not re.search(r"\b(?:is|are|be|was|were|'s|'re|am)$", k[1])]
    hopes = list(dict.fromkeys(re.sub(r"^(?:and|but)\s+", "", t) for k, t in kinds if k == "hope"))
    tries = [t for k, t in kinds if k == "try"]
    sures = [t for k, t in kinds if k == "sure"]
    if any(k in {"worry", "unsure"} for k, _ in kinds):
        out += _worried(kinds)
        return out, lo, hi
    if sures and tries and len(sures) + len(tries) == len(kinds):
        # "I'll make sure you get them back, I'll call them myself": what is not theirs to promise, and what they can try
        out.append(f"I can't promise {_lower_first(' and '.join(sures))}, but I can try to {' and '.join(tries)}, and "
                   f"we can plan the next steps together.")
        return out, lo, hi
    if hopes and tries and len(hopes) + len(tries) == len(kinds):
        # "your PO won't violate you, I'll talk to him": the hope, and what the supporter can really try
        out.append(f"I hope {_lower_first(' and '.join(hopes))}, and I can't promise it. I can try to "
                   f"{' and '.join(tries)}, and we can work out the next steps together.")
        return out, lo, hi
    if hopes and all(k == "hope" for k, _ in kinds) and (len(hopes) > 1 or len(kinds) > 1 or phrase_lost):
        # "your dad comes around, and he's okay with it"; the flagged clause, when no hope can be made of it, goes
        # ("ur kids are gonna be fine, kids always bounce back" -> "I hope your kids are okay"), never kept inside
        kind, text = "hope", " and ".join(hopes)
    else:
        kind, text = _hope(claim) if claim else ("", "")
    if kind == "hope" and len(text.split()) >= 2:
        c0 = _lower_first(text)
        # an event to get ready for ("you get the flat"); a state ("you're okay", "you feel fine") is not one
        state = re.match(r"^(?:you|u)(?:'re| are| feel| will feel|'ll feel| will be|'ll be)\s+(?:\w+\s+)?"
                         r"(?:okay|ok|fine|alright|all right|safe|well|better|good)\b", c0, re.I)
        ready = f"I hope {c0}, and I can't promise it. " + \
            ("What would help you in the meantime?" if state else "What would help you get ready either way?")
        whatever = f"I hope {c0}, and I can't promise it. Whatever happens, we can work out the next steps together."
        # both closings, the better fit first: the model's check may turn one down
        out += [ready, whatever] if re.match(r"^(you|you're)\b", c0) else [whatever, ready]
    elif kind == "sure" and _has_content(text):
        known = _KNOWN.search(normalise(sentence))
        if known:  # "i know his manager": who the supporter can ask, kept, without the guarantee
            out.append(f"I know {known.group(1)}, so I can ask about it, but I can't promise {_lower_first(text)}, "
                       f"and we can plan the next steps together.")
        out.append(f"I can't promise {_lower_first(text)}, but I can ask about it, and we can plan the next steps "
                   f"together.")
    elif kind == "try" and _has_content(text):
        tried = [f"I can try to {text}, but I can't promise how it turns out.",
                 f"I'll do what I can to {text}, and I can't promise it."]
        known = _KNOWN.search(normalise(sentence))
        if known:  # "I know people there": why the supporter can try, said as that, not as a guarantee
            tried.insert(0, f"I know {known.group(1)}, so I can try to {text}, but I can't promise how it turns out.")
        view = _overridden_view(sentence[lo:])
        # "... no matter what the waitlist says": the obstacle the promise waved away, handed back for them to weigh
        out += ([f"{c} {view}" for c in tried] if view else []) + tried
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


_NUMBERS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
            "seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def _spelled(n: int) -> str:
    """'3' -> 'three', '45' -> 'forty-five' (0-99): a sentence does not start with a digit."""
    if n < 20:
        return _NUMBERS[n]
    tens, ones = divmod(n, 10)
    return _TENS[tens - 2] + (f"-{_NUMBERS[ones]}" if ones else "")


# a disfluent repeat of a function word ("the, the flat voice", "I, I think"): said once
_PAUSES = frozenset("uh um er erm".split())
_STUTTER = re.compile(r"\b(the|a|an|and|but|so|i|my|your|to|of|in|on|with|um|uh|like|he|she|they|we|you|"
                      r"that's|it's|i'm|you're)"
                      r"(?:,?\s+(?:(?:uh|um|er|erm)\b,?\s+)*\1\b)+", re.I)  # ("the, uh, the legion hall")
# a sentence that ends in the word the next one starts with ("... like that. That sounds ..."): the next
# sentence's demonstrative becomes 'it', so the pair does not read as a doubled word
_JUNCTION = re.compile(r"\b(that|this)([.!?])\s+(That|This)\s+(sounds|seems|must)\b", re.I)
# ... and a context sentence that ends on "it" before a reflection that starts with "It sounds like": the reflection
# goes on from it ("... nice about it. And it sounds like you were shaking ...")
_IT_JUNCTION = re.compile(r"\b(it)([.!?])\s+It\s+(sounds|seems)\b")


def _undouble(text: str) -> str:
    """Repair doubled words a rewrite can bring together: stutters said once, 'that. That sounds' -> 'that. It sounds'.

    >>> _undouble("The flat voice and the, the voices."), _undouble("at the, uh, the legion hall")
    ('The flat voice and the voices.', 'at the legion hall')
    >>> _undouble("Your kids finding you like that. That sounds like a lot to carry.")
    'Your kids finding you like that. It sounds like a lot to carry.'
    >>> _undouble("The bus driver was kind about it. It sounds like you were scared.")
    'The bus driver was kind about it. And it sounds like you were scared.'
    """
    words = [w.strip(",.;:!?").lower() for w in text.split() if w.strip(",.;:!?").lower() not in _PAUSES]
    if all(a != b for a, b in zip(words, words[1:])):
        return text  # nothing doubled, fillers aside (the usual case): no need to look closer
    text = _STUTTER.sub(lambda m: m.group(1), text)
    text = _IT_JUNCTION.sub(lambda m: f"{m.group(1)}{m.group(2)} And it {m.group(3)}", text)
    return _JUNCTION.sub(lambda m: f"{m.group(1)}{m.group(2)} It {m.group(4)}", text)


def _one_of_each(text: str) -> str:
    """``text`` without a sentence that says again what an earlier one said: the same sentence, or the same close
    of six words or more (two clauses of one promise rewritten by one template).

    >>> _one_of_each("I can't always pick up, but we can find people you can call when I'm not around. I can't be "
    ...              "there at all hours, but we can find people you can call when I'm not around. What helps?")
    "I can't always pick up, but we can find people you can call when I'm not around. What helps?"
    """
    parts = re.split(r"(?<=[.?!])\s+(?=[A-Z])", text)
    if len(parts) < 2:
        return text
    kept, tails = [], set()
    for p in parts:
        words = re.findall(r"[a-z']+", p.lower())
        tail = tuple(words[-6:])
        if len(words) >= 8 and tail in tails or p in kept:
            continue
        kept.append(p)
        if len(words) >= 8:
            tails.add(tail)
    return " ".join(kept)


# a time said as its own clause in front of the order ("Next time, just walk away from him"): it goes into the
# question, at its end ("How would you feel about walking away from him next time?"), not left alone as a sentence
_TIME_FIRST = re.compile(r"^(next time|this time|tonight|tomorrow|today|from now on)[.,] ((?:how would you feel about|how do "
                         r"you feel about|would you want to) [^?]*?)(,? or does something else feel more doable right "
                         r"now)?\?", re.I)


_TIME_FIRST_WORD = re.compile(r"\W*(?:next|this|tonight|tomorrow|today|from)\b", re.I)  # (cheap test first)
# ... and a time said after the order, left as a sentence of its own behind the question ("... before bed? Every night.")
_TIME_LAST = re.compile(r"^((?:how would you feel about|how do you feel about|would you want to) [^?]*?)(,? or does something "
                        r"else feel more doable right now)?\? ((?:every|each) (?:single )?(?:night|day|morning|evening|week|"
                        r"weekend|visit|session|time|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|tonight|"
                        r"tomorrow|today|from now on|this week|next week)\.$", re.I)


_TIME_ENDS = ("night.", "day.", "morning.", "evening.", "week.", "weekend.", "visit.", "session.", "time.", "tonight.",
              "tomorrow.", "today.", "on.")


def _time_moved(text: str) -> str:
    """The question with a time said in front of it, or left behind it, moved to its end ('' when there is none).

    >>> _time_moved("Next time. How would you feel about walking away from him?")
    'How would you feel about walking away from him next time?'
    >>> _time_moved("How would you feel about doing the breathing thing before bed? Every night.")
    'How would you feel about doing the breathing thing before bed every night?'
    """
    last = _TIME_LAST.match(text)
    if last and last.group(3).lower() not in last.group(1).lower():
        return f"{last.group(1)} {last.group(3).lower()}{last.group(2) or ''}?"
    first = _TIME_FIRST.match(text)
    if not first or first.group(1).lower() in first.group(2).lower():
        return ""
    return f"{first.group(2)} {first.group(1).lower()}{first.group(3) or ''}?{text[first.end():]}"


def _finish(text: str) -> str:
    text = " ".join(text.split())
    if "/" in text:  # the slash that joined two chat messages, left at a clause's end ("I remember those /.")
        text = re.sub(r"\s+/(?=[.?!,]|$)", "", text)
    # a lead that says whose account it is stays the lead of what follows ("From what you're telling me though. The
    # cutting ..." -> "From what you're telling me, the cutting ...")
    text = re.sub(r"^(from what (?:you're|you are|you've been) (?:telling me|saying|describing))(?:,? though)?\. "
                  r"(?!I\b)([A-Z])", lambda m: f"{m.group(1)}, {m.group(2).lower()}", text, flags=re.I)
    text = _one_of_each(_undouble(text))
    lead = re.match(r"^(\d{1,2})(?= [a-z])", text)
    if lead:  # "3 months is a while" -> "Three months is a while"
        text = _spelled(int(lead.group(1))) + text[lead.end():]
    if " ," in text or " ." in text or " ?" in text or " !" in text:
        text = _SPACE_PUNCT.sub(r"\1", text)
    if len(text) > 1 and text[-2] in ".!?, " and not re.search(r"\b[a-z]\.[a-z]\.[?!]$", text, re.I):
        text = _END_MARKS.sub(lambda m: m.group(1) or m.group(2), text)  # (an abbreviation keeps its stop: "a.m.?")
    if "i" in text.split() or " i'" in f" {text}":
        text = _LOWER_I.sub("I", text)
    return text[0].upper() + text[1:] if text else text


def _norm_words(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))) + " "


def _clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    return _covering(sentence, start, end)


def _without_talk(sentence: str, name: str = "") -> str:
    """A kept clause without the talk around it; '' when nothing but talk, or ``name``, the name the supporter called
    them by, is left ("Honestly, Phil.": the name goes back on the whole alternative, :func:`vocative.with_vocative`).

    >>> _without_talk("But honestly, Dana.", "Dana"), _without_talk("Look, the landlord called, like.")
    ('', 'The landlord called.')
    >>> _without_talk("So, um."), _without_talk("Honestly, tomorrow.", "Dana")
    ('', 'Tomorrow.')
    """
    text = re.sub(r"^(?:(?:and|but|so|or|then|plus|um|uh|erm|honestly|like|okay|ok|look|listen|seriously|tbh|ngl|"
                  r"lol|yeah|well|i mean)\b[,\s]*)+", "", sentence.strip(), flags=re.I).strip()
    end = text[-1] if text and text[-1] in ".?!" else "."
    text = re.sub(r"(?:[,\s]+\b(?:honestly|like|man|bro|dude|lol|tbh|ngl|seriously|um|uh))+$", "", text.rstrip(".?!"),
                  flags=re.I).strip(",;:- ")
    if not text or not _has_content(text) or (name and text.lower() == name.lower()):
        return ""  # talk, or their name alone
    return text[0].upper() + text[1:] + end


def _as_sentence(fragment: str) -> str:
    fragment = normalise(fragment.strip()).strip(",;:- ")
    fragment = re.sub(r"^(?:(?:and|but|so|or|then|plus|um|uh|erm)\b[,\s]*)+", "", fragment, flags=re.I).strip()
    # (a run-on turn cut before its next clause: "... I'm really sorry but also", "... you were tired and now")
    # ("a lost cause", "for a good cause": the noun, after an article or an adjective, stays)
    fragment = re.sub(r"[,;:\-\s]*\b(?:and|but|so|or|then|because|(?<!\ba )(?<!\ban )(?<!\bthe )(?<!lost )(?<!good )"
                      r"cause)(?:\s+(?:maybe|like|just|um|uh|also|now|honestly|still))?$", "", fragment, flags=re.I).strip()
    if not fragment or not _has_content(fragment) or (fragment.split()[-1].lower().strip(".,!?") in _OPEN_END
                                                      and fragment.split()[-1].lower().strip(".,!?") not in _PREP):
        return ""  # "you keep saying": cut off before what it was about
    fragment = fragment[0].upper() + fragment[1:]
    return fragment if fragment[-1] in ".?!" else fragment + "."


_WORRY = re.compile(r"^(?:\W*(?:oh|look|and|but|so|um|uh|like|honestly)\b)*\W*"
                    r"(?:(?:(?:don'?t|dont|do not|no need to)\s+(?:even\s+)?|(?:(?:you|u) can )?stop )"
                    r"(worry|stress|panic|freak out)(?:ing)?|(dw)|"
                    r"(?:(?:you|u)(?:'ve| have)?\s+got|there's|theres|there is)\s+nothing\s+to\s+(?:worry|stress)\s+"
                    r"about)\b(?:\s+(?:about\s+(?:it|that|this)(?:\s+part)?|"
                    r"about\s+(?P<obj>(?:the|your|his|her|their|my|our)\s+[\w'-]+(?:\s+[\w'-]+){0,2})|"
                    r"at all|though|too much))*\W*$", re.I)
_CONJ_WORDS = frozenset("and but or so because if when".split())
_VALIDATE = {"worry": "It makes sense to worry.", "stress": "It makes sense to feel stressed.",
             "panic": "It makes sense to feel some panic.", "freak out": "It makes sense to feel shaken."}
_INTERJECTION = re.compile(r"^\W*(?:oh\W+)?(?:come on|real talk|seriously|tbh|ngl|lol|honestly|i mean|look|listen|"
                           r"okay|ok|yeah|no|wow|dude|man|bro|girl|full stop|period|for real|fyi|"
                           r"(?:like,? )?(?:textbook|classic)|plain and simple|simple as(?: that)?|i'm telling you|i'm serious|i mean it|"
                           r"deffo|defo|deff|def|for sure|100%|a hundred percent|"
                           r"whether you (?:meant|like|want|mean) it or not)\W*$", re.I)
# a tag that only enforces the order it follows ("that's the plan", "end of discussion", "I'm watching")
_RULE_TAG = re.compile(r"^\W*(?:and |so |but )?(?:(?:that's|thats|that is|this is|those are|them's) (?:the |our |my )?"
                       r"(?:house |building |program |group |unit )?(?:plan|rule|rules|deal)\b(?: here)?"
                       r"(?:,? end of (?:discussion|story)|,? and i'm enforcing it)?|end of (?:discussion|story)|"
                       r"(?:and )?i'm enforcing (?:it|that|them)|i will enforce it|"
                       r"(?:okay,? )?here's (?:what's (?:going to|gonna) happen|the deal|the plan|"
                       r"how (?:it|this) (?:works|goes))|"
                       r"(?:that's|thats|it's|its) not optional|no exceptions?|no skipping|no excuses|no arguments?|no arguing|no buts|"
                       r"no ifs(?:,? (?:and|or) buts)?|no debate|no discussion|i'm watching|"
                       r"(?:i'm|im|i am) not (?:discussing|debating|arguing about|negotiating) (?:it|this|that)|"
                       r"(?:that's|thats|that is) final|(?:sorry,? )?(?:that's|thats|that is)(?: just)? (?:how it (?:is|works)|"
                       r"the way it (?:is|works))(?: (?:here|round here|in here))?|simple as(?: that)?|end of|no wiggle room|"
                       r"i'll be watching|i'll be checking)\W*$", re.I)
# the supporter's check that the order was carried out ("and I'm gonna text him at nine to make sure you did",
# "I'll be ringing the ward to check you went"): it presses the order, so it goes with it
_CHECK_UP = re.compile(r"^\W*(?:and |so |then )?(?:i|we)(?:'m|'ll|'re| am| will| are| is)?\b.*\b(?:(?:make sure|check|see) "
                       r"(?:that |if |whether )?(?:you|u)\b|to (?:check|make sure|see)(?: up)?\W*$)", re.I)
# a tag that rules out what the person might do or say ("no skipping", "no exceptions", "no arguing")
_NO_TAG = re.compile(r"^\W*(?:and |but |so )?no ([a-z]+)\W*$", re.I)


def _tag_reply(text: str) -> str:
    """What a tag that rules something out ("no skipping", "no exceptions") becomes: the thing it forbade, asked
    about ('' when the clause is no such tag).

    >>> _tag_reply("no skipping."), _tag_reply(", no phones")
    ('What might make skipping tempting?', 'What are your thoughts on phones?')
    >>> _tag_reply(", no exceptions"), _tag_reply("no arguments")
    ('', '')
    """
    m = _NO_TAG.match(normalise(text))
    if not m:
        return ""
    word = m.group(1).lower()
    if word in FUNCTION or word in {"way", "matter", "doubt", "question", "problem", "worries", "pressure", "rush",
                                    "excuse", "excuses", "offense", "offence", "kidding", "joke", "lie", "exceptions",
                                    "exception", "arguments", "argument", "buts", "ifs", "debate", "discussion"}:
        return ""  # "no way", "no problem": not a rule; "no excuses", "no exceptions": a formula
    if _is_gerund(word):
        return f"What might make {word} tempting?"
    if word.endswith("s") and len(word) > 4 and _names_a_thing(f"the {word}"):
        return f"What are your thoughts on {word}?"
    return ""


_TIME_ADJUNCT = re.compile(r"(?:(?:before|by|after|until|till|on|at|this|next|from|starting)\s+[\w']+(?:\s+[\w']+)?|"
                           r"today|tonight|tomorrow(?:\s+\w+)?)", re.I)
# how an order is to be done, said after it: it goes with the question ("..., cold turkey?")
_MANNER_ADJUNCT = re.compile(r"(?:cold turkey|all at once|in person|on your own|by yourself|face to face|"
                             r"one (?:day|step) at a time|little by little|bit by bit)", re.I)
# a clause of time after the order ("before we leave this office", "once the kids are asleep"); conditions ("if",
# "unless", "until you've got a week clean") are no part of the question: they press the order
_WHEN_CLAUSE = re.compile(r"^(?:when|once|before|after|while)\s+(?:we|you|u|the|your|ur|she|he|they|it|i)\b", re.I)
_SUBORDINATE = re.compile(r"^(?:if|when|whenever|whatever|once|before|after|until|till|while|since)\b", re.I)
_ONLY_VOUCH = re.compile(r"^\W*(?:i promise|i swear|i guarantee|guaranteed|trust me|i can feel it|i can tell|"
                         r"you'll see|believe me|i know|i'm sure|for sure|no doubt|no question|100%|easy|promise|"
                         r"i got (?:you|u)|i'll see to it|mark my words|hand on (?:my )?heart|cross my heart|okay|ok|"
                         r"right|yeah)\b", re.I)


# "I know it hurts", "I know that's a lot": what the person feels, acknowledged (no vouching for an outcome), kept
_ACKNOWLEDGED = re.compile(r"^\W*(?:(?:and|but|so|look|okay|ok|yeah)\b\W*)*i know (?:it|this|that|things)(?:'s| is|s)?\s+"
                           r"(?:(?:really|so|pretty|kind of|kinda)\s+)?(?:hurts|sucks|stings|hard|tough|rough|scary|awful|"
                           r"a lot|painful|frustrating|unfair|exhausting|upsetting)\b\W*$", re.I)


# --- context that is itself a concern ---------------------------------------------------------------------------
#
# A clause kept verbatim around the rewrite ("keep what was fine") must itself be fine. The model cannot be relied on
# for that (a clause scored inside the whole alternative is diluted by the person-driven words around it), so two
# kinds of clause are recognised here by their form and treated as the concerns they are: rewritten by that label's
# own rewrite where it has one, left out where it has none. (:func:`coach.suggest.suggest_many` adds the clauses the
# model scores close to a threshold on their own.)

# a minimiser: the person's worry made small ("it's just a letter", "it's no big deal", "could be worse")
_MINIMISER = re.compile(
    r"^(?:(?:it|that|this)(?:'s| is| was)|its|thats) (?:(?:just|only|merely|simply|nothing but|no more than) "
    r"(?!(?:that|because|how|what|i|me|you|we|my|like|so|as|for|to|about|in|on|my)\b)|"
    r"(?:not|no) (?:that |such |a |really |even )*(?:big|huge) (?:a )?deal|not the end of the world|nothing\W*$|"
    r"not (?:a |that )?(?:serious|bad|hard)\W*$)|"
    r"^no (?:big )?deal\W*$|^(?:it )?could (?:always )?be (?:a lot |way |much |so much )?worse\b|"
    r"^(?:other|some|lots of) people have it (?:way |much |a lot )?worse\b"
    # the thing made one small thing ("it was one bad shift", "its one missed payment not the end of the world")
    r"|^(?:it|that)(?:'s| is| was)? (?:only |just )?(?:one|a single) (?!of\b)(?:[\w'-]+ ){0,4}?[\w'-]+"
    r"(?:,? not (?:the end of the world|a big deal|a disaster))?\W*$", re.I)
# words that open a clause without being what it says ("and honestly, stop ...")
_OPENERS = re.compile(r"^(?:(?:and|but|so|or|then|plus|also|well|okay|ok|look|listen|honestly|seriously|frankly|really|"
                      r"just|um|uh|like|i mean|you know|man|dude|bro|tbh|ngl|real talk|please|now|oh)\b[,\s]*)+", re.I)
# base verbs that open a formula, not an order ("trust me", "let me know", "take care", "feel free", "thank you")
_NOT_ORDERS = frozenset("""trust believe see mind imagine guess say wait hold hang thank love bless remember feel
    let take get know count forget excuse pardon bet rest sleep""".split())
_FORMULA_OBJ = re.compile(r"^(?:trust|believe) me\b|^let (?:me|us)\b|^let's\b|^take care\b|^feel free\b|^mark my words\b|"
                          r"^hand on (?:my )?heart\b|^cross my heart\b|"
                          r"^take it from me\b|"
                          r"^(?:forgive|excuse|pardon|bear with) me\b|"
                          r"^consider it (?:done|handled|sorted)\b|"
                          r"^get well\b|^(?:rest|sleep) well\b|^count on me\b|^know that\b", re.I)


def _has_own_treatment(text: str) -> bool:
    """A "don't worry", a rule tag, a "no X" tag or an interjection: :func:`_context` already turns it into what it
    should be (a validation, a question, nothing), so it is not treated as a concern of its own."""
    t = normalise(text).strip()
    core = _trim(t).strip(" ,")
    core = re.sub(r"^(?:(?:i mean|like|um|uh|so|and|but|maybe|ideally)\b[,\s]*)+", "", core, flags=re.I)
    return bool(_WORRY.match(t) or _RULE_TAG.match(t) or _tag_reply(t) or _INTERJECTION.match(t)
                or _SUBORDINATE.match(core) or _TIME_ADJUNCT.fullmatch(core) or _MANNER_ADJUNCT.fullmatch(core))


# a verdict's frame: a clinical word said as what something "is" ("it's definitely withdrawal", "classic case")
_VERDICT_FRAME = re.compile(r"\b(?:it's|its|that's|thats|this is|that was|it was|sounds like|classic|textbook|definitely|"
                            r"clearly|obviously|a real)\b", re.I)


# a general guarantee said beside a promise: what always, surely or almost always happens
_SURE_THING = re.compile(r"\b(?:always|never fail to|every time) (?:come|comes|came|work|works|turn|turns|pan|pans|"
                         r"get|gets|go|goes) (?:through|out|around|fine|okay|ok|well|back)\b|\bin the clear\b|"
                         r"\b(?:almost|nearly|pretty much) (?:all|every|everyone|everybody|always)\b.*\b(?:overturn|"
                         r"approve|accept|win|pass|get|work|come)|\bany ?time,? day or night\b|"
                         # secrecy and a good outcome said flatly beside the promise
                         r"\bi(?:'m| am| will|'ll)? (?:not gonna|not going to|never gonna|not|won't|wont|never|will never) "
                         r"tell(?:ing)? (?:any ?one|any ?body|no ?one|nobody|the \w+|your \w+|ur \w+|him|her|them)\b|\b(?:you'll|you will|youll|u'll|ull) (?:feel |be )(?:totally |just )?(?:fine|"
                         r"okay|ok|great|better|good as new)\b|\b24/7\b|\bwhenever you need(?: me)?\b|\b(?:overturn|approve|accept|pass|win)\w* (?:almost |"
                         r"nearly |pretty much )?(?:all|every one) of (?:them|those)\b|\bit's a sure thing\b|"
                         r"\b(?:no way|there's no way) (?:they|it|you)(?:'ll| will| would)? (?:not |won't )?(?:say no|"
                         r"turn you down|fail|refuse)\b|"
                         # "council always says yes to ppl in ur situation", "it always lifts once the clocks change",
                         # "your appeal's a dead cert", "judge'll go easy", "takes the cravings right away"
                         r"\b(?:council|panel|court|tribunal|board|judge|they|landlords?|dwp|the office)\s+(?:\w+\s+)?"
                         r"always (?:says?|said) yes\b|\balways (?:lifts?|clears? up|settles?|passes|approves?|gets? "
                         r"better)\b|\b(?:a )?dead cert\b|\bin the bag\b|\ba (?:sure thing|done deal|slam dunk)\b|"
                         r"(?:'ll|\bwill|\bgonna) go easy\b|\btakes? (?:the|your|ur) \w+ (?:right )?away\b|"
                         r"\b(?:gone|over) for good\b", re.I)
# a closing brush-off beside the flagged clause ("problem solved", "easy", "simple as that")
_CLOSER = re.compile(r"(?:problem solved|easy|easy as that|simple as that|simple|done and dusted|sorted|no big deal|"
                     r"classic|(?:like,? )?textbook|a hundred percent|100 ?(?:percent|%)|no question(?: about it)?|"
                     r"plain and simple|plain as day|end of|full stop|period|"
                     r"easy peasy|piece of cake|(?:that's|thats|it's|its) just how (?:it|things) (?:goes|go|is|are|works|"
                     r"work)(?: here)?(?: everybody does it)?|everybody does it|everyone does it)", re.I)
# no choice left to the person, said beside the order ("there's no other choice", "you don't have a choice")
_NO_CHOICE = re.compile(r"\b(?:there's|there is|theres) no (?:other )?(?:choice|option|way around it)\b|\b(?:you|u) "
                        r"(?:don't|dont|do not) (?:have|get) (?:a|any) (?:choice|say)\b|\b(?:you|u) (?:have|got) no "
                        r"(?:choice|option|say)\b|\bnot (?:a|up for) (?:choice|debate|discussion)\b", re.I)
# others who have it worse, said beside a minimiser ("some ppl get 13", "plenty of people lost everything")
_WORSE_OFF = re.compile(r"^(?:some|other|plenty of|lots of|loads of|a lot of|most) (?:people|ppl|folks|guys|lads|"
                        r"others)\b (?:(?:don't|dont|didn't|didnt|never|would|would've|would have|wouldn't)\s+)?"
                        r"(?:get|got|have|had|wait|waited|lose|lost|go through|went through|deal with|dealt with|manage|"
                        r"managed|do|did|moved on|move on|been)\b", re.I)
# a verdict on a kind of person ("works for people like you")
_PEOPLE_LIKE_YOU = re.compile(r"\bpeople like (?:you|u)\b|\byour (?:kind|type)\b", re.I)


# the person's experience explained by a mechanism of body or brain, or said to be more than an everyday state: the
# verdict's own reasoning, kept around a rewrite it would hand the diagnosis back ("Jumping out of your skin at every
# car door. ... Your nervous system's stuck on alert.")
_MECHANISM = re.compile(r"\b(?:your|ur|his|her|their)\s+(?:nervous system|brain chemistry|chemistry|wiring|"
                        r"hormones|serotonin|dopamine|amygdala|fight or flight|threat system|alarm system)\b"
                        r"|\bthe (?:nervous system|amygdala|fight or flight|threat system|brain chemistry)\b"
                        r"|\bjust (?:wiring|chemistry|chemicals|hormones)\b"
                        r"|\b(?:your|ur) brain(?:'s| is)? (?:protecting|trying to|doing|reacting|wired|stuck|playing|"
                        r"telling|keeping)\b"
                        r"|^(?:that's|thats|that is|it's|its|it is) not (?:just )?(?:grief|shyness|stress|nerves|sadness|"
                        r"being shy|a phase|laziness|normal)\b|^not just (?:grief|shyness|stress|nerves|sadness|a phase)\b",
                        re.I)


# labels and insults (the codebook's stigmatising words), without the everyday ones the lexicon also counts
_NAME_CALLING = L.JUDGMENT - frozenset("""seriously really honestly again obviously clearly bad terrible awful wrong clean
    dirty shame ashamed embarrassing mess excuse excuses drama failure weak tantrum tantrums sulking moody touchy
    whining whinging""".split()) | frozenset(
    "waste so-and-so creep cow idiot muppet tosser prat plonker".split())


def _context_concern(text: str) -> str:
    """The concern a clause said around the flagged one carries by its form ('' when none): an order ("stop hanging
    around with him", "you can't keep missing shifts") is ``power_over``, a minimiser ("it's just a letter")
    ``judgment``.

    >>> _context_concern("And honestly, stop hanging around with Dre,"), _context_concern("you can't keep skipping class")
    ('power_over', 'power_over')
    >>> _context_concern("it's just a parking ticket."), _context_concern("trust me"), _context_concern("I called him.")
    ('judgment', '', '')
    >>> _context_concern("Anyway it's definitely withdrawal."), _context_concern("you said the withdrawal was rough")
    ('diagnosis', '')
    >>> _context_concern("and no, no texting him after midnight"), _context_concern("no texting")
    ('power_over', '')
    >>> _context_concern("these things always come through"), _context_concern("you're basically in the clear")
    ('false_promise', 'false_promise')
    >>> _context_concern("they overturn almost all of them"), _context_concern("problem solved")
    ('false_promise', 'judgment')
    >>> _context_concern("it always helps me to walk"), _context_concern("she comes through on Fridays")
    ('', '')
    >>> [_context_concern(t) for t in ("council always says yes to ppl in your situation", "judge'll go easy",
    ...                                "honestly your appeal's a dead cert", "it always lifts once the clocks change")]
    ['false_promise', 'false_promise', 'false_promise', 'false_promise']
    >>> _context_concern("she always says yes when I ask her to cover"), _context_concern("the clinic lifts the cap")
    ('', '')
    >>> _context_concern("Come April"), _context_concern("come to group"), _context_concern("come on its been 6 months")
    ('', 'power_over', 'judgment')
    >>> _context_concern("there's no other choice"), _context_concern("that's the only thing that works for people like you")
    ('power_over', 'judgment')
    >>> _context_concern("thats just how it goes"), _context_concern("you have a choice here")
    ('judgment', '')
    >>> _context_concern("it was one bad shift"), _context_concern("its one missed payment not the end of the world")
    ('judgment', 'judgment')
    >>> _context_concern("or you can find somewhere else to stay"), _context_concern("a manipulative, lying so-and-so")
    ('power_over', 'judgment')
    >>> _context_concern("it was one of the worst nights"), _context_concern("it's one of those things")
    ('', '')
    >>> _context_concern("your nervous system's stuck on alert"), _context_concern("That's not shyness.")
    ('diagnosis', 'diagnosis')
    >>> _context_concern("it means a lot that you came"), _context_concern("the chemistry teacher rang")
    ('', '')
    """
    t = normalise(_trim(text)).strip(" ,;:-")
    if re.match(r"^(?:or|otherwise)\s+(?:else\s+)?(?:you|u)\s+(?:can|could|will|'ll|ll|are|'re|re)\b", t, re.I):
        return "power_over"  # "take your meds or you can find somewhere else to stay": the ultimatum's other half
    t = _OPENERS.sub("", t).strip(" ,")
    if not t or t.endswith("?") or _has_own_treatment(t) or _SUBORDINATE.match(t):
        return ""
    if _MINIMISER.match(t) or _CLOSER.fullmatch(t) or _PEOPLE_LIKE_YOU.search(t) or _WORSE_OFF.match(t):
        return "judgment"
    if _NO_CHOICE.search(t) or re.match(r"^(?:or\s+)?(?:don'?t|dont|do not) (?:even )?bother\b", t, re.I):
        return "power_over"  # ("... or don't bother coming in": the ultimatum's other half)
    if _SURE_THING.search(t):
        return "false_promise"  # "these things always come through", "you're basically in the clear"
    if re.match(r"^(?:no,?\s+)*no (?:more )?\w+ing\b\s+\w", t, re.I) and _order_of(re.sub(r"^(?:no,?\s+)+(?=no )", "", t))[2]:
        return "power_over"  # "no going back up to your room alone": a ban, said as a rule
    if _VERDICT_FRAME.search(t) and set(re.findall(r"[a-z][a-z'-]*", t.lower())) & (L.DIAGNOSIS | _CLINICAL) - L.MEDICATION:
        return "diagnosis"  # "anyway it's definitely withdrawal", "classic case", "it's a real diagnosis"
    if _MECHANISM.search(t):
        return "diagnosis"  # "your nervous system's stuck on alert", "that's not shyness": the verdict explained
    if set(re.findall(r"[a-z][a-z'-]*", t.lower())) & _NAME_CALLING:
        return "judgment"  # "a manipulative, lying so-and-so": a label, kept beside the reply it would still say
    first = t.split()[0].lower()
    if _FORMULA_OBJ.match(t):
        return ""
    from coach.model.features import is_base_verb

    second = t.split()[1].lower() if len(t.split()) > 1 else ""
    if first == "come" and second.strip(",.!?") in _TIME_NAMES:
        return ""  # "Come April, ...": a time, no order
    if first == "come" and second.strip(",.!?") == "on" and not re.match(
            r"^come on\s+(?:to|in|over|down|up|round|back|along|the|a|your|ur)\b", t, re.I):
        return "judgment"  # "come on, it's been six months": impatience with what they feel, no order
    if is_base_verb(first) and first not in _NOT_ORDERS and second and "'" not in second and second not in {
            "as", "enough", "and", "or", "than", "of", "is", "are", "was", "were", "has", "have"}:
        # a bare imperative: an order, however it was softened before it; not a noun phrase that opens with a
        # word that can be a verb ("third time lucky", "time to admit it", "mess everywhere", "clear as day"): a
        # word that is also a noun or an adjective and no verb we know of is an order only before its object
        from lemminflect import getAllLemmas

        pos = getAllLemmas(first)
        if first in L.IMPERATIVE_VERBS or first in L.COMMON_VERBS or not ({"NOUN", "ADJ", "ADV"} & set(pos)) or \
                second in _DETS_OBJ | {"yourself", "that", "this", "those", "these", "some", "any", "everything"}:
            return "power_over"
    if re.match(r"^(?:you|u) (?:can't|cannot|can not|shouldn't|should not|mustn't|need to|have to|gotta|got to|"
                r"have got to|'ve got to|must|should|better)\b", t, re.I) and _adjacent_order(t, 0, len(t)):
        return "power_over"  # "you can't keep missing shifts", "you should call her": pressure, not a reflection
    return ""


def _context_concerns(sentence: str, lo: int, hi: int, avoid=(), suspect=()) -> list[tuple[int, int, str]]:
    """The clauses outside ``lo:hi`` (and outside the other flagged concerns) that read as a concern: by their form
    (:func:`_context_concern`), or because the model scored them close to a threshold (``suspect``: (start, end,
    label) spans), as (start, end, label)."""
    out = []
    for a, b in segments(sentence):
        if (a < hi and b > lo) or any(s < b and e > a for s, e, *_ in avoid):
            continue
        label = next((x[2] for x in suspect if x[0] < b and x[1] > a and not _has_own_treatment(sentence[a:b])),
                     "") or _context_concern(sentence[a:b])
        if label in _BY_LABEL:
            out.append((a, b, label))
    return out


@lru_cache(maxsize=2048)
def _made(sentence: str, label: str, start: int, end: int, others: tuple) -> tuple[tuple[str, ...], int, int]:
    """The label's own rewrites of the clause around ``start:end`` and the range they replace (cached: a
    sentence's other concerns are rewritten again as its context)."""
    lo, hi = _covering(sentence, start, end)
    made, lo, hi = _BY_LABEL[label](sentence, start, end, lo, hi, list(others))
    return tuple(made), lo, hi


def _other_rewrites(sentence: str, span: tuple, avoid) -> tuple[list[str], int, int]:
    """The rewrites of another flagged clause of the sentence, by its own label: (texts, lo, hi)."""
    s2, e2, label2 = span
    if label2 not in _BY_LABEL:
        return [], 0, 0
    others2 = tuple((x, y) for x, y, *_ in avoid if (x, y) != (s2, e2))
    made, lo2, hi2 = _made(sentence, label2, s2, e2, others2)
    phrase = _norm_words(normalise(sentence[s2:e2]))
    out = []
    for c in made:
        c = _finish(c)
        if c and c[-1] in ".?!" and not (len(phrase.split()) > 1 and _has_content(phrase) and phrase in _norm_words(c)):
            out.append(c)
    return out, lo2, hi2


def _other_rewrite(sentence: str, span: tuple, avoid) -> tuple[str, int, int]:
    """The first rewrite of another flagged clause of the sentence, by its own label: (text, lo, hi)."""
    texts, lo2, hi2 = _other_rewrites(sentence, span, avoid)
    return (texts[0] if texts else ""), lo2, hi2


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
        text, lo2, hi2 = _other_rewrite(sentence, span, [*avoid, (lo, hi)])  # not over this clause
        if text and not (lo2 < hi and hi2 > lo) and not any(a < hi2 and b > lo2 for a, b, _ in replaced):
            replaced.append((lo2, hi2, text))
    items: list[tuple[str, object]] = []  # ("keep", (a, b)) | ("rewritten", text) | ("drop", None) | ("here", None)
    validation = ""
    done = set()
    for a, b in segments(sentence):
        if a < hi and b > lo:
            items.append(("here", None))
            continue
        if items and items[-1][0] == "here" and _MANNER_ADJUNCT.fullmatch(_trim(normalise(sentence[a:b]))):
            items.append(("keep", (a, b)))  # "quit drinking today, cold turkey": how, said after the order
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
        elif re.fullmatch(r"(?:(?:honestly|okay|ok|so|and|but|um|uh)\W+)*(?:(?:mr|mrs|ms|miss|dr)\.?\s+)?[A-Z][a-z]+"
                          r"(?:\s+[A-Z][a-z]+)?", text.strip(" ,.!?;:")):
            keep = False  # a name on its own: the vocative goes back on the whole alternative
        elif (re.search(r"\b(?:or|or else|otherwise)\W*$", sentence[:a], re.I)
              or re.match(r"^\W*(?:or|or else|otherwise)\b", text, re.I)) and re.search(
                r"\b(?:you'll|you will|you're|i'll|i'm|i will|we'll|they'll|theyll|they will|he'll|she'll|youll|ull|"
                r"u'll|ur gonna|they're gonna|you can't|u cant|you cant)\b", text, re.I):
            keep = False  # "... or | you'll lose the place": the consequence that presses goes with the order
        elif re.search(r"\bif (?:you|u|ur|you're|youre)\b", sentence[:a], re.I) and _TELLING_ON.match(text):
            keep = False  # "if ur not at group on thurs | im telling ur probation officer": the threat goes too
        elif _ANNOUNCED.match(text) or _HAPPENING.match(text):
            keep = False  # "Right, here's what's happening:": the frame of the orders, not a sentence to keep
        else:
            w = _WORRY.match(text)
            # "ur gran is right tho": siding with someone's verdict, asked about as theirs to weigh; "no skipping":
            # what the tag forbade, asked about instead of ruled out
            reply = "" if w else (_siding_reply(text) or _tag_reply(text))
            if w:
                validation, keep = _VALIDATE[(w.group(1) or "worry").lower()], False
                if w.group("obj") and not set(w.group("obj").lower().split()) & _CONJ_WORDS:
                    validation = f"{validation[:-1]} about {w.group('obj')}."  # "... to worry about the eviction."
            elif reply:
                keep = False
                if not any(r == reply for k, r in items if k == "rewritten"):
                    items.append(("rewritten", reply))
                    continue
            elif _INTERJECTION.match(text) or _RULE_TAG.match(text) or _CHECK_UP.match(text) or \
                    _STAGE_DIRECTION.fullmatch(text) or \
                    not _has_content(_REASSURANCE.sub("", _PROMISE_MARKERS.sub("", text))) or \
                    (_ONLY_VOUCH.match(text) and len(_PROMISE_MARKERS.sub("", text).split()) <= 2
                     and not _ACKNOWLEDGED.match(text)) or \
                    set(re.findall(r"[a-z]+", text.lower())) & _LABELS:
                keep = False  # ... and a clause that names a clinical label keeps the diagnosis: it goes too
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
    if not lead and before and before[-1][0] == "keep":
        # "With your record, you'll walk into that job": a prepositional phrase said before the clause, no clause of
        # its own, belongs to it ("I hope that with your record, you ..."), never a sentence on its own
        text = sentence[before[-1][1][0]:before[-1][1][1]]
        t = _trim(normalise(text)).strip(" ,")
        if re.match(r"^(?:with|without|given|after|despite|because of|thanks to|for|in|at|on)\s", t, re.I) and \
                not _is_clause(t) and len(t.split()) <= 8 and sentence[:lo].rstrip().endswith(text.rstrip()):
            lead = t
            before.pop()
    # "from what you said about meals": where the supporter's reading came from leads the rewrite
    for part, k in ((before, -1), (after, 0)):
        if not lead and part and part[k][0] == "keep":
            text = _trim(normalise(sentence[part[k][1][0]:part[k][1][1]])).strip(" ,")
            text = re.sub(r"^(?:(?:and|but|so|honestly|um|uh)\b[,\s]*)+", "", text, flags=re.I)
            if re.match(r"^from what (?:you|you've|you have) (?:said|told me|described|mentioned|shared)\b",
                        text, re.I) and len(text.split()) <= 12:
                lead = text
                part.pop(k)

    name = vocative(sentence)

    def sentences(part, drop_subordinate):
        out = []
        for kind, val in part:
            if kind == "rewritten":
                out.append(val)
                continue
            text = sentence[val[0]:val[1]]
            if drop_subordinate and _SUBORDINATE.match(re.sub(r"^(?:and|but|so|or)\b[,\s]*", "",
                                                               normalise(text).strip(), flags=re.I)):
                continue
            t = _without_talk(_as_sentence(text), name)  # "Honestly, Phil." is no sentence to keep
            if t and not _fragment(t):
                out.append(t)
        return out

    rewritten = {text for _, _, text in replaced}
    tail = ""
    if after and after[0][0] == "keep":  # "..., I mean, before Thursday even": a time that goes with the question
        t = _trim(normalise(sentence[after[0][1][0]:after[0][1][1]]))
        t = re.sub(r"^(?:(?:i mean|like|um|uh|so|and|but|maybe|ideally)\b[,\s]*)+", "", t, flags=re.I)
        t = re.sub(r"[,\s]+(?:even|though|tho|then|too|at least|if you can)$", "", t, flags=re.I).strip(" ,")
        if _TIME_ADJUNCT.fullmatch(t) or _MANNER_ADJUNCT.fullmatch(t) or (
                _WHEN_CLAUSE.match(t) and len(t.split()) <= 10 and not re.search(r"\b(?:or|else|otherwise)\b", t, re.I)):
            tail = t  # "..., before we leave this office": when, said after the order
            after = after[1:]
    return sentences(before, False), lead, sentences(after, True), validation, rewritten, tail


_ENDEARMENT = r"(?:pet|love|luv|hun|hon|babe|darling|sweetheart|sweetie|mate|pal|buddy|bro|sis|lad|lass|kiddo|dear|" \
              r"duck|chuck|my love|my dear|brother|son)"
_NP_DET = r"(?:that|those|these|this|the|your|ur|his|her|their|my|our)"
# a kept piece of the sentence that is no sentence: a noun phrase with a clause about it ("That jumpiness when a door
# slams.", "Those ups and downs you're describing."), a list of noun phrases ("The money, the flat."), "Not staff.",
# a time on its own ("This time next year."), a term of endearment ("Pet.")
_FRAGMENT = re.compile(
    rf"^(?:{_ENDEARMENT},\s+|(?-i:[A-Z][a-z]+),\s+)?(?:"
    rf"{_NP_DET}\s+[\w'-]+(?:\s+(?:and|out|of|up|down)\s+[\w'-]+)?\s+(?:when|whenever|since|every time|you're|"
    rf"you've|you|u|he|she|they)\b(?!\s+(?:is|was|are|were|'s|'re|will|would|can|could|should|said|says|told)\b)"
    rf"(?:\s+[\w'-]+){{1,6}}"
    rf"|(?:not (?:even )?)?{_NP_DET}?\s*[\w'-]+(?:\s+[\w'-]+)?(?:,\s*(?:and\s+)?(?:not (?:even )?)?{_NP_DET}\s+[\w'-]+)+"
    rf"|not (?:even )?(?!(?:today|tonight|now|yet|tomorrow|again|really|quite|always|sure)\b)(?:{_NP_DET}\s+)?[\w'-]+"
    rf"|(?-i:[A-Z][a-z]+)\s+(?:before|after|once|while)\s+(?:we|you|u|i|the|your|ur)\b(?:\s+[\w'-]+){{1,5}}"
    rf"|this time next (?:week|month|year)|(?:one|two|three|four|five|six|\d+) in the (?:morning|afternoon|night)"
    rf"|(?:(?:oh|well|wow)\W+)?(?:brilliant|great|perfect|lovely|nice|fantastic|wonderful|amazing|awesome|marvellous|"
    rf"splendid)(?:\s+(?:one|plan|job|work|stuff|going))?"
    rf"|(?:it )?doesn'?t matter|(?:it )?don'?t matter"
    rf"|{_ENDEARMENT})[.!?]$", re.I)


def _fragment(sentence: str) -> bool:
    """Is a kept clause no sentence of its own?

    >>> [_fragment(t) for t in ["That jumpiness when a door slams.", "Those ups and downs you're describing.",
    ...                         "The money, the flat.", "Not staff.", "Pet.", "Love, the way you bounce from job to job.",
    ...                         "Oh brilliant.", "Marcus before we go round again."]]
    [True, True, True, True, True, True, True, True]
    >>> [_fragment(t) for t in ["The landlord called.", "That makes sense.", "The doctor you saw said it's fine.",
    ...                         "Your mum, she loves you.", "Not today."]]
    [False, False, False, False, False]
    """
    m = _FRAGMENT.match(sentence.strip())
    # "The doctor you saw said it's fine": the clause after the noun goes on to the sentence's own verb
    return bool(m) and not _SECOND_VERB.search(sentence)


_SECOND_VERB = re.compile(r"\b(?:you|u|he|she|they)\s+[\w'-]+\s+(?:\w+\s+){0,3}?(?:is|was|are|were|said|says|told|tells|"
                          r"thinks?|matters?|means?|helps?|helped|works?|worked|made|makes)\b|\w's\b(?!\s*$)", re.I)


# questions that end on their topic: a time said after the order can join them ("... before Thursday?")
_TOPIC_LAST = ("How would you feel about", "Can you tell me more about", "What would you like to do about")


def _in_context(sentence: str, lo: int, hi: int, cands: list[str], avoid=(), generic: str = "") -> list[str]:
    """The rewrites with the sentence's other clauses kept around them ("keep what was fine").

    Context that holds another flagged concern (``avoid``: character spans) is left out: it was not fine.
    """
    before, lead, after, validation, rewritten, tail = _context(sentence, lo, hi, avoid)
    if not (before or lead or after or validation or tail):
        return []
    out = []
    for c in cands:
        have = content_words(c)
        # context the rewrite already carries would only repeat it
        b = [x for x in before if not content_words(x) <= have]
        z = [x for x in after if not content_words(x) <= have]
        core = c
        if tail and c.startswith(_TOPIC_LAST) and c.endswith("?") and len(re.findall(r"[.?!](?:\s|$)", c)) == 1 \
                and not content_words(tail) <= have:
            core = f"{c[:-1]}{',' * bool(_MANNER_ADJUNCT.fullmatch(tail))} {tail}?"  # "How would you feel about getting that looked at before Thursday?"
        if lead and not content_words(lead) <= have:
            if c.split(" ", 1)[0] in {"How", "What", "Would", "Some", "Looking", "Can"} or (
                    lead.lower().startswith("from what") and c.split(" ", 1)[0] in {"The", "Your", "When", "Things"}):
                core = f"{lead[0].upper() + lead[1:]}, {c[0].lower() + c[1:]}"
            elif c.startswith(("I hope ", "I'm worried ")) and not c.startswith(("I hope that ", "I'm worried that ")):
                said = c.split(" ", 2)  # the time or condition said in front stays in front: "I'm worried that ..."
                core = f"{said[0]} {said[1]} that {_lower_first(lead)}, {said[2]}"
        if b or z or core != c or validation:
            if c == generic or c in _GENERIC.values():  # the stand-in answers what was said around it: it comes last
                if c == _GENERIC["diagnosis"] and any(set(re.findall(r"[a-z]+", x.lower())) & L.MEDICATION
                                                      for x in b + z):
                    continue  # "it lasts longer than the Ativan. That sounds really hard": a medicine is no hardship
                if all(x in rewritten for x in b + z):
                    # ... and only next to words of the supporter's own; next to the rewrites of the sentence's
                    # other concerns alone, the flagged tag ("that's a fact") is simply left out
                    out.append(" ".join([validation] * bool(validation) + b + z))
                    continue
                out.append(" ".join([validation] * bool(validation) + b + z + [core]))
            else:
                # the validation where the "don't worry" was said: right before what it was about
                out.append(" ".join(b + [validation] * bool(validation) + [core] + z))
    return out


# a person-driven clause in place of a flagged clause that keeps nothing else of its own (only with context)
_GENERIC = {
    "power_over": "What feels like a good next step to you?",
    "judgment": "That sounds like a lot to carry. What was going on for you then?",
    "diagnosis": "That sounds really hard. What has it been like for you?",
    "false_promise": "I can't promise how it turns out, but I'll be here, and we can take the next step together.",
}


# a noun phrase the sentence names, to keep as the topic of the stand-in ("it's just a letter" -> "the letter")
_ANY_NP = re.compile(r"(?<![\w'])((?:the|your|ur|his|her|their|our|that|this|those|these|a|an)\s+"
                     r"(?:(?!of\b)[a-z'-]+\s+){0,2}(?!of\b)[a-z'-]+)", re.I)
# nouns that are no topic of their own: a verdict's frame ("a big deal", "bad news"), a time, a filler
_NO_TOPIC = frozenset("""deal news thing things stuff way lot lots bit point idea fact matter joke mess excuse excuses
    choice decision mistake time times day days week weeks night nights morning mornings evening afternoon head year
    years reason kind sort part one
    ones end world minute second moment while problem issue question sense person people guy lesson
    condition conditions disorder illness syndrome disease diagnosis""".split())


def _finite_s(word: str) -> bool:
    """A verb's -s form ("sounds", "means", "goes"), which after "that" / "this" is the verb of a clause."""
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word).get("VERB", ())
    return word.endswith("s") and bool(lemmas) and word not in lemmas


def _topic_noun(sentence: str, start: int, end: int, avoid=()) -> str:
    """The first noun phrase of the sentence outside the flagged ``start:end`` (and the other concerns, ``avoid``)
    that names a thing or a person to keep as the topic ("we sorted the rent, that's a lame excuse" -> 'the rent');
    '' when there is none."""
    from lemminflect import getAllLemmas

    for m in _ANY_NP.finditer(sentence):
        a, b = m.span()
        if (a < end and b > start) or any(s < b and e > a for s, e, *_ in avoid):
            continue
        before = sentence[:a].lower().split()[-3:]
        if set(before) & {"like", "than", "as"}:
            continue  # a comparison, not the topic
        words = m.group(1).split()
        det, rest = words[0].lower(), [w.lower() for w in words[1:]]
        if len(rest) == 1 and rest[0] in _QUANTITY_NOUNS and re.match(r"\s+of\b", sentence[b:], re.I):
            continue  # "a couple of the nurses": what the quantity counts is the topic, found next
        if det in {"that", "this"} and _finite_s(rest[0]):
            continue  # "that sounds like ...", "this means ...": a pronoun and its verb, not a noun phrase
        cut = len(rest)
        ing = lambda w: w.endswith("ing") and len(w) > 4  # noqa: E731  ("a parking ticket", "the driving test")
        # a quantity before the noun ("a little sweating", "a couple cuts") premodifies it
        quantity = lambda k: k == 1 and rest[0] in _QUANTITY_NOUNS | _QUANTITY_WORDS  # noqa: E731
        for k, w in enumerate(rest):
            if k and ing(w) and w not in _ING_NOUNS and not quantity(k) and rest[k - 1] not in _QUANTITY_WORDS \
                    and ("NOUN" in getAllLemmas(rest[k - 1]) or "ADJ" not in getAllLemmas(rest[k - 1])):
                cut = k  # "that party knowing there'd be coke": the -ing word after a noun opens a clause
                break
            if w in FUNCTION or w in _PREP or w in _AUX_WORDS or "'" in w or not (_noun_like(w) or ing(w)) or (
                    k and not (_premodifier(rest[k - 1]) or ing(rest[k - 1]) or quantity(k))):
                cut = k
                break
        rest = rest[:cut]
        while rest and (rest[-1] in FUNCTION or rest[-1] in _BAD_END_WORDS or not (_noun_like(rest[-1]) or ing(rest[-1]))):
            rest.pop()
        if not rest or rest[-1] in _NO_TOPIC or set(rest) & (_VERDICT_WORDS | L.JUDGMENT | set(PERSON_FIRST) | _LABELS) \
                or not _has_content(" ".join(rest)) or rest[-1] in _NUMBERS or not re.fullmatch(r"[a-z'-]+", rest[-1]):
            continue
        kept = words[1:1 + len(rest)]
        if len(kept) > 1 and kept[0].lower() in _QUANTITY_NOUNS | _QUANTITY_WORDS:
            kept = kept[1:]  # "a couple cuts" -> "the cuts"
            det = "the" if det in {"a", "an"} else det
        det = {"a": "the", "an": "the", "ur": "your", "this": "that"}.get(det, det)
        return " ".join([det] + kept)
    return ""


_PAST = re.compile(r"\b(?:was|were|did|didn't|had|went|got|said|told|yesterday|last (?:night|week|time|month)|ago)\b",
                   re.I)


def _generic(label: str, sentence: str, start: int, end: int, avoid=()) -> str:
    """The person-driven clause that stands in for a flagged clause with nothing else of its own. For a judgment,
    it keeps the thing the sentence was about ("It's no big deal, it's just a parking ticket" -> "It sounds like
    the parking ticket is weighing on you. ..."), and asks about "then" only when the sentence told of the past.

    >>> _generic("judgment", "Oh come on, it's not a big deal when the parking ticket is paid.", 12, 32)
    'It sounds like the parking ticket is weighing on you. What feels hardest about it right now?'
    >>> _generic("judgment", "That's ridiculous, honestly.", 0, 17)
    "That sounds like a lot to carry. What's been going on for you?"
    """
    if label != "judgment":
        return _GENERIC[label]
    np_ = _topic_noun(sentence, start, end, avoid)
    if np_ and _head(np_) in _ROLES | _OFFICIALS:
        np_ = ""  # "the judge kinda has a point": an official, not what weighs on the person
    if np_:
        if _head(np_) in _PEOPLE:
            np_, verb = f"things with {np_}", "are"
        else:
            verb = "are" if _plural(np_) else "is"
        return f"It sounds like {np_} {verb} weighing on you. What feels hardest about it right now?"
    from lemminflect import getLemma

    past = _PAST.search(sentence) or any(
        w.endswith("ed") and len(w) > 4 and (getLemma(w, upos="VERB") or (w,))[0] != w
        for w in re.findall(r"[a-z]+", sentence.lower()))
    return _GENERIC[label] if past else "That sounds like a lot to carry. What's been going on for you?"


# --- a rewrite that would repeat a flagged phrase word for word ----------------------------------------------------

_TIME_PREP = r"(?:(?:by|before|until|till|from|for) )?"
_DAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|wed|thurs|fri|sat|sun)"
# words an order carries that a person-driven question can do without: its deadline, its urgency, its filler.
# The smallest first, so as much as possible of what the supporter said stays.
_DROPPABLE = (
    r"first thing", r"right now", r"right away", r"rn", r"asap", r"from now on", r"like today",
    _TIME_PREP + r"(?:today|tonight|tomorrow(?: morning| night| afternoon)?|tmrw)",
    _TIME_PREP + r"(?:this|next) (?:week|weekend|morning|afternoon|evening|month)",
    r"(?:by|before|on|this|next) " + _DAYS, _DAYS,
    r"at (?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?: ?(?:am|pm|a\.m\.|p\.m\.))?",
    r"by (?:the end of )?(?:the )?(?:week|weekend|tonight|tomorrow|friday|noon)",
    # ... and the verdict's reading of intent ("living in your car by choice")
    r"by choice", r"on purpose", r"deliberately",
)
_DROP_RE = [re.compile(rf"(?<![\w'])(?:{d})(?![\w'])[,]?\s*", re.I) for d in _DROPPABLE]
_PARTICLE = re.compile(r"\b(\w+) ((?:the|your|that|this|those|these|my|his|her|their) (?:\w+ )?\w+) "
                       r"(off|out|up|down|back|away|in)\b", re.I)
_SOURCE_PP = re.compile(r"\s+(?:from|about) (?:the|your|my|his|her|their|that|this) [\w' -]+$", re.I)


# a motion verb towards a person ("go to your manager", "going to the doctor")
_GO_TO = re.compile(r"\b(go|going|goes|went|head|heading|get|getting)\s+(to\s+)((?:the|your|ur|my|his|her|their)\s+"
                    r"(?:[a-z'-]+\s+)?([a-z'-]+))\b", re.I)
# people one goes to see by their role
_ROLES = frozenset("""manager boss supervisor landlord caseworker counselor counsellor psychiatrist gp pharmacist sponsor
    officer lawyer teacher worker advisor adviser coach priest pastor dentist""".split())


@lru_cache(maxsize=2048)
def _phrase_re(words: str) -> re.Pattern:
    """Where the words of a phrase occur in a text, whatever the punctuation between them."""
    return re.compile(r"(?<![\w'])" + r"[^A-Za-z0-9']+".join(re.escape(w) for w in words.split()) + r"(?![\w'])", re.I)


def _unrepeat(text: str, phrases: list[str], keep: frozenset = frozenset()) -> str:
    """``text`` with the smallest change that stops it repeating any of ``phrases`` (normalised word strings):
    the order's deadline or urgency dropped inside the repeat ("... calling them first thing tomorrow" ->
    "... calling them tomorrow"), a phrasal verb's particle moved ("turning the TV off" -> "turning off the TV"),
    "to see" put between a motion verb and the person it goes to ("going to your manager" -> "going to see your
    manager"), or a trailing 'from ...' / 'about ...' that is the repeat dropped. '' when none of these applies.

    >>> _unrepeat("How would you feel about turning the TV off?", [" the tv off "])
    'How would you feel about turning off the TV?'
    >>> _unrepeat("How would you feel about bringing the forms to the office by Thursday?",
    ...           [" the office by thursday "])
    'How would you feel about bringing the forms to the office?'
    >>> _unrepeat("I hope they don't evict a mom with three kids in winter, and I can't promise it.", [" in winter "])
    "I hope they don't evict a mom with three kids, and I can't promise it."
    """
    out = text
    for _ in range(3):
        hit = next((p for p in phrases if _phrase_re(p.strip()).search(out)), None)
        if hit is None:
            return out if out != text else ""
        m = _phrase_re(hit.strip()).search(out)
        a, b = m.span()
        changed, kept = "", -1
        for rx in _DROP_RE:  # of the drops that would do, the one that keeps most of what was said
            d = rx.search(out, a, b)
            if not d:  # a deadline that holds the whole repeat ("at 3 a.m." for "a.m.")
                d = next((x for x in rx.finditer(out, max(0, a - 30), min(len(out), b + 30))
                          if x.start() <= a and x.end() >= b), None)
            if d and (re.search(r"[A-Za-z]", out[a:d.start()] + out[d.end():b]) or (d.start() <= a and d.end() >= b)):
                variant = (out[:d.start()] + out[d.end():]).replace(" ,", ",")
                variant = re.sub(r"\s+([?.!,])", r"\1", re.sub(r"\s{2,}", " ", variant))
                score = len(content_words(variant) & keep) if keep else 0
                if score > kept:
                    changed, kept = variant, score
        if not changed:
            pm = _PARTICLE.search(out, max(0, a - 40), min(len(out), b + 10))
            if pm and (pm.group(1).lower() in L.COMMON_VERBS or pm.group(1).lower() in L.IMPERATIVE_VERBS or (
                    pm.group(1).lower().endswith("ing") and len(pm.group(1)) > 4)) and pm.start() < b and pm.end() > a:
                changed = out[:pm.start()] + f"{pm.group(1)} {pm.group(3)} {pm.group(2)}" + out[pm.end():]
        if not changed:
            # "going to your manager" said of a person is going to see them: "to see" parts the repeat "to your manager"
            gm = _GO_TO.search(out, max(0, a - 12), min(len(out), b + 4))
            if gm and gm.start(2) <= a < gm.end(2) and set(gm.group(3).lower().split()[1:]) & (_PEOPLE | _ROLES):
                changed = out[:gm.start(2)] + "to see " + out[gm.start(3):]
        if not changed:
            body = out[:b].rstrip()
            pp = _SOURCE_PP.search(body)
            if pp and pp.end() == len(body) and pp.start() < b and pp.end() > a and out[b:b + 1] in {"?", ".", ","}:
                changed = out[:pp.start()] + out[b:]
        if not changed and re.match(r"(?:in|at|on|by|until|till|during|over|before|after)\s", out[a:b], re.I) \
                and (out[b:b + 1] in {"?", ".", ","} or out[b:b + 5] == " and ") and len(out[a:b].split()) <= 4:
            # the repeat is a time or place said last ("... evict a mom with three kids in winter?"): it goes
            changed = out[:a].rstrip() + out[b:]
        if not changed or changed == out:
            return ""
        out = changed
    return ""


def rewrite(sentence: str, label: str, start: int, end: int, avoid=(), suspect=()) -> list[str]:
    """Candidate rewrites of ``sentence`` for the flagged ``sentence[start:end]``, most faithful first.

    ``avoid`` lists the character spans of the sentence's other flagged concerns, as (start, end) or
    (start, end, label); a clause of a concern whose label is given is rewritten by that label in context.
    ``suspect`` lists (start, end, label) clauses the model scored close to a concern on their own: like the
    clauses that read as a concern by their form (an order, a minimiser), they are not kept as they were.
    """
    make = _BY_LABEL.get(label)
    if make is None or not sentence.strip():
        return []
    avoid = [tuple(x) for x in avoid if (x[0], x[1]) != (start, end)]
    # another order inside the same clause ("hand me the lighter | and the blades | from your bag") is part of the
    # one order: the clause is handed back whole, not with that span cut out of it
    segs = segments(sentence)
    own = [(a, b) for a, b in segs if a < end and b > start]
    if label == "power_over" and own and any(_order(sentence[a:b])[0] or _adjacent_order(sentence, a, b)
                                             or _ANNOUNCED.match(_trim(normalise(sentence[a:b]))) for a, b in own):
        # ... and so are the orders said right before or after an order ("you go in, you ask for the meeting, and
        # you don't leave till you get it"): one list of steps, asked about in one question
        k0, k1 = segs.index(own[0]), segs.index(own[-1])
        while k0 > 0 and _adjacent_order(sentence, *segs[k0 - 1]):
            k0 -= 1
        while k1 + 1 < len(segs) and _adjacent_order(sentence, *segs[k1 + 1]):
            k1 += 1
        own = [segs[k0], segs[k1]]
    avoid = [x for x in avoid if not (label == "power_over" and len(x) > 2 and x[2] == label and own
                                      and own[0][0] <= x[0] and x[1] <= own[-1][1])]
    others = [(x[0], x[1]) for x in avoid]
    made, lo, hi = _made(sentence, label, start, end, tuple(others))
    # the clauses around the flagged one that are concerns themselves: rewritten by their own label (or left out),
    # like the flagged ones, and the label's rewrite is made again without them to draw on (a neighbour it took as
    # its topic included). An order rewrites the orders said next to it itself: for it, only the clauses outside
    # what its rewrite covers.
    implicit = _context_concerns(sentence, lo, hi, avoid, tuple(suspect))
    if label != "power_over":  # an order taken in as the verdict's topic ("listen, delete that app, ...")
        c_lo, c_hi = _covering(sentence, start, end)
        implicit += [x for x in _context_concerns(sentence, c_lo, c_hi, avoid) if x[2] == "power_over"
                     and not any(x[0] < b and x[1] > a for a, b, _ in implicit)]
    if implicit:
        avoid += implicit
        others = [(x[0], x[1]) for x in avoid]
        made, lo, hi = _made(sentence, label, start, end, tuple(others))
    base = [_finish(c) for c in made]
    # a rewrite that repeats another flagged concern of the sentence (outside this clause) is not an alternative
    repeats = [sentence[s:e].lower() for s, e in others if e <= lo or s >= hi]
    repeats_ctx = [_norm_words(normalise(sentence[s:e])) for s, e in others]
    phrase = _norm_words(normalise(sentence[start:end]))
    # a rewrite that repeats a flagged phrase word for word is changed as little as it takes not to
    watch = [p for p in [phrase, *repeats_ctx] if len(p.split()) > 1 and _has_content(p)]
    keep = frozenset(content_words(sentence, start, end, label))
    base = [(_unrepeat(c, watch, keep) or c) if any(p in _norm_words(c) for p in watch) else c for c in base]
    base = [c for c in base if c and not any(_norm_words(o) and _norm_words(o) in _norm_words(c) for o in repeats)]
    # another concern flagged in the same clause (its rewrite cannot stand in for a clause of the context): its
    # own rewrite joins this one, in the order they were said ("sit down with her and apologize | and she'll
    # forgive you, I guarantee it" -> "How would you feel about ...? I hope she forgives you, ...")
    joined = []
    for span in avoid:
        if len(span) < 3 or span[2] not in _BY_LABEL:
            continue
        texts, lo2, hi2 = _other_rewrites(sentence, span, [*avoid, (start, end)])
        if not (lo2 < hi and hi2 > lo):
            continue
        for text in texts[:3]:
            for c in base[:2]:
                if not (content_words(text) & keep) - content_words(c) or _norm_words(text) in _norm_words(c):
                    continue
                both = f"{c} {text}" if span[0] >= start else f"{text} {c}"
                if not any(_norm_words(o) in _norm_words(both) for o in repeats):
                    joined.append(both)
    base = base + joined
    cores = base[:3] + joined[:2]
    # the flagged clause had nothing of its own besides the phrase: a person-driven clause of the label stands in
    # ... and so it does when the label found nothing of the clause to reframe
    generic = ""
    if not content_words(sentence[lo:hi], max(0, start - lo), max(0, end - lo)) or not base:
        generic = _generic(label, sentence, start, end, avoid)
        cores.append(generic)
        if generic.startswith("It sounds like "):
            base.append(generic)  # it keeps the sentence's topic: an alternative on its own too
    cands = []
    name = vocative(sentence)
    made_all = []
    for c in _in_context(sentence, lo, hi, cores, avoid, generic) + base:
        moved = _time_moved(_finish(c)) if _TIME_FIRST_WORD.match(c) or c.rstrip().endswith(_TIME_ENDS) else ""
        made_all += [moved, c] if moved else [c]
    for c in made_all:
        c = _finish(_FILLER_AFTER_ABOUT.sub("", c))
        if _LEAD_TIME.fullmatch(phrase.strip()) and phrase in _norm_words(c):
            # the span is the time the order was set for ("Next time, you're sitting out ..."): the question
            # goes without it
            c = _finish(re.sub(rf",?\s*\b{re.escape(phrase.strip())}\b", "", c, flags=re.I))
        if not c or c in cands or len(c.split()) > 100:
            continue
        if len(phrase.split()) > 1 and _has_content(phrase) and phrase in _norm_words(c):
            continue
        if any(len(o.split()) > 1 and _has_content(o) and o in _norm_words(c) for o in repeats_ctx):
            continue  # another concern's phrase came back through a rewrite of its clause
        if name and re.search(rf"\b(?:about|around|with) {re.escape(name)}\b", c, re.I):
            # the person's name taken for a topic ("tell me more about glen?"): they are addressed by it, and the
            # question about them goes
            c = " ".join(x if not re.search(rf"\b(?:about|around|with) {re.escape(name)}\b", x, re.I)
                         else "What has that been like for you?" for x in re.split(r"(?<=[.?!])\s+", c))
            c = "" if c == "What has that been like for you?" else c
            if not c or c in cands:
                continue
        cands.append(c)
    scored = [(retention(sentence, start, end, c, label), -i, c) for i, c in enumerate(cands)]
    scored.sort(reverse=True)
    return [c for _, _, c in scored]


__all__ = ["rewrite", "topic", "ADVERBS"]
